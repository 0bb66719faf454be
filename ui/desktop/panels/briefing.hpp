#pragma once
// The briefing: the situation, who the customer is, what good looks like; mode and start.
#include <array>

#include "shell.hpp"

namespace defuse::desktop {

struct BriefingPanel {
    void draw(Shell& sh);

private:
    void drawCustomer(Shell& sh, const Scenario& sc, float width);
    void drawStart(Shell& sh, const Scenario& sc);

    std::array<char, 128> m_trainee{};
    bool m_traineeLoaded = false;
};

}  // namespace defuse::desktop
