#pragma once
// The class dashboard (for trainers and assessors): the filters (site, scenario, mode,
// dates), a trainees x competencies heatmap, each trainee's first, latest and best score per
// scenario (a click opens that run in the replay viewer), and the critical mistakes most
// often made. Reads the store through the shell's ClassBoard.
#include <array>

#include "shell.hpp"

namespace defuse::desktop {

struct DashboardPanel {
    void draw(Shell& sh);

private:
    void drawFilters(Shell& sh);
    void drawHeatmap(Shell& sh, float width);
    void drawMistakes(Shell& sh, float width);
    void drawProgress(Shell& sh);
    void open(Shell& sh, std::size_t row);

    std::array<char, 16> m_since{}, m_until{};
};

}  // namespace defuse::desktop
