#pragma once
// The mood curve over the conversation, drawn with ImDrawList, with every turn marked.
#include <imgui.h>

#include <string>
#include <vector>

#include "defuse/mood.hpp"
#include "i18n.hpp"

namespace defuse::desktop {

struct MoodChartTurn {
    std::string picked;  ///< what the trainee said (for the hover tooltip)
    bool betterExisted = false;
};

/// Draws the chart at the cursor, `size` pixels. `curve` has the start mood and one mood per
/// turn; `turns` one entry per turn. The anger bands behind are the faces' (kMoodBands).
/// `marked` (1-based, 0 = none) shades one turn: the move from the mood before it to after it.
void drawMoodChart(const TextCtx& tx, const std::vector<Mood>& curve,
                   const std::vector<MoodChartTurn>& turns, ImVec2 size, int marked = 0);

/// Bars of earlier totals (oldest first) with the last one highlighted.
void drawAttemptBars(const TextCtx& tx, const std::vector<int>& totals, int highlight, ImVec2 size);

}  // namespace defuse::desktop
