#pragma once
// The mood curve over the conversation, drawn with ImDrawList, with every turn marked.
#include <string>
#include <vector>

#include "app_state.hpp"

namespace defuse::desktop {

struct MoodChartTurn {
    std::string picked;  ///< what the trainee said (for the hover tooltip)
    bool betterExisted = false;
};

/// Draws the chart at the cursor, `size` pixels. `curve` has the start mood and one mood per
/// turn; `turns` one entry per turn.
void drawMoodChart(AppState& st, const std::vector<Mood>& curve,
                   const std::vector<MoodChartTurn>& turns, ImVec2 size);

/// Bars of earlier totals (oldest first) with the last one highlighted.
void drawAttemptBars(AppState& st, const std::vector<int>& totals, int highlight, ImVec2 size);

}  // namespace defuse::desktop
