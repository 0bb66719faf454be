#pragma once
// The debrief: ending, score and grade, every line of the explanation, competencies,
// the mood curve, the better answers, and this attempt against earlier ones.
#include "app_state.hpp"

namespace defuse::desktop {

struct DebriefPanel {
    void draw(AppState& st);

private:
    void drawHeader(AppState& st, const ScoreReport& rep, float height);
    void drawLines(AppState& st, const ScoreReport& rep);
    void drawCompetencies(AppState& st, const ScoreReport& rep);
    void drawCurve(AppState& st, const ScoreReport& rep);
    void drawBetter(AppState& st, const ScoreReport& rep);
    void drawCompare(AppState& st, const ScoreReport& rep);
};

}  // namespace defuse::desktop
