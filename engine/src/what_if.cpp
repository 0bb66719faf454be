// What if: a branch off a recorded run, and the range of scores still reachable from it.
#include "defuse/what_if.hpp"

#include <algorithm>

#include "defuse/analysis.hpp"

namespace defuse {

namespace {

Continuation continuationOf(const Attempt& run, std::size_t branch) {
    const ScoreReport r =
        scoreRun(run.scenario(), TurnSpan(run.turns()), run.scenario().customer.start, run.ending(),
                 run.options().timed, false);
    Continuation c;
    c.score = r.total;
    c.grade = r.grade;
    c.ending = run.ending() != nullptr ? run.ending()->id : std::string();
    c.endingKind = r.endingKind;
    for (std::size_t i = branch; i < run.turns().size(); ++i) {
        c.answers.push_back(run.turns()[i].picked);
        c.nodes.push_back(run.turns()[i].node);
    }
    c.curve = run.moodCurve();
    return c;
}

}  // namespace

WhatIf whatIf(const std::shared_ptr<const Scenario>& scenario, const AttemptOptions& options,
              const std::vector<Turn>& turns, int turn, const std::string& answer,
              const WhatIfOptions& limits) {
    WhatIf out;
    out.turn = turn;
    out.answer = answer;
    const Attempt real(scenario, options, turns);
    if (real.turns().size() != turns.size()) {
        out.status = WhatIfStatus::RunDoesNotReplay;
        return out;
    }
    out.realScore = real.score().total;
    out.realCurve = real.moodCurve();
    if (turn < 1 || turn > static_cast<int>(turns.size())) {
        out.status = WhatIfStatus::NoSuchTurn;
        return out;
    }
    const auto branch = static_cast<std::size_t>(turn - 1);
    const Turn& at = turns[branch];
    out.picked = at.picked;
    out.before = at.before;
    Attempt from(
        scenario, options,
        std::vector<Turn>(turns.begin(), turns.begin() + static_cast<std::ptrdiff_t>(branch)));
    // The same hesitation as the run had at that turn: only the answer differs.
    if (!from.chooseId(answer, at.seconds)) {
        out.status = WhatIfStatus::NotOnOffer;
        return out;
    }
    out.after = from.mood();
    // The exact analysis from that point (analysis.hpp), then its best and worst runs re-played
    // for their curves and grades.
    AnalysisOptions ao;
    ao.randomRuns = 0;
    ao.maxTurns = limits.maxTurns;
    ao.maxPaths = limits.maxPaths;
    ao.maxStates = limits.maxStates;
    const Analysis a = analyze(from, ao);
    out.paths = a.paths;
    out.boundHit = !a.exact;
    auto runOf = [&](const PathResult& p) {
        Attempt run = from;  // a snapshot: not recording
        for (std::size_t i = static_cast<std::size_t>(a.prefixTurns); i < p.answers.size(); ++i)
            if (run.finished() || !run.chooseId(p.answers[i], 0)) break;
        return continuationOf(run, branch);
    };
    if (a.best.score >= 0) out.best = runOf(a.best);
    if (a.worst.score >= 0) out.worst = runOf(a.worst);
    return out;
}

}  // namespace defuse
