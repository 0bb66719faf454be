#pragma once
// The debrief: critical mistakes first, then ending, score and grade, every line of the
// explanation, the answers taken back, competencies, the mood curve, the better answers,
// and this attempt against earlier ones in the same mode. All of it is
// the attempt's ScoreReport (computed once, the same in every language), rendered in the
// language of the moment: switching language never re-scores.
#include "shell.hpp"

namespace defuse::desktop {

struct DebriefPanel {
    void draw(Shell& sh);

    // The parts the replay viewer shows of a re-played run too.
    /// The critical mistakes, above everything else (nothing when there are none).
    void drawCriticals(Shell& sh, const Attempt& a);
    /// Every line of the score, component by component.
    void drawLines(Shell& sh, const ScoreReport& rep);
    void drawRewound(Shell& sh, const Attempt& a);
    void drawCompetencies(Shell& sh, const ScoreReport& rep);
    void drawBetter(Shell& sh, const Attempt& a);

private:
    void drawHeader(Shell& sh, const Attempt& a, float height);
    void drawCurve(Shell& sh, const Attempt& a);
    void drawCompare(Shell& sh, const Attempt& a);
};

}  // namespace defuse::desktop
