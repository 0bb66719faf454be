#pragma once
// The briefing: the situation, who the customer is, what good looks like; mode and start.
#include <array>

#include "app_state.hpp"

namespace defuse::desktop {

struct BriefingPanel {
    void draw(AppState& st);

private:
    void drawCustomer(AppState& st, const Scenario& sc, float width);
    void drawStart(AppState& st, const Scenario& sc);

    std::array<char, 128> m_trainee{};
    bool m_traineeLoaded = false;
};

}  // namespace defuse::desktop
