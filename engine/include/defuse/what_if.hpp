#pragma once
/// What if: at a turn of a recorded run, another answer that was on offer there, and where the
/// run could still have gone from that point (the best and the worst score still reachable).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "defuse/attempt.hpp"

namespace defuse {

/// How far the search for continuations goes (the analysis's bounds, analysis.hpp).
struct WhatIfOptions {
    std::uint64_t maxStates = 6000000;  ///< distinct run states explored exactly
    std::uint64_t maxPaths = 200000;    ///< past the state bound: random runs sampled
    int maxTurns = 60;  ///< a run longer than this (a loop) is cut and scored as it stands
};

/// One way the run goes on from the branch to its end.
struct Continuation {
    int score = -1;
    std::string grade;
    std::string ending;  ///< the ending reached ("" when cut at maxTurns)
    EndingKind endingKind = EndingKind::Lost;
    std::vector<std::string> answers;  ///< from the branch on, the alternative first
    std::vector<std::string> nodes;    ///< the node each of `answers` was given at
    std::vector<Mood> curve;           ///< the mood at the start and after every turn of the run
};

/// Why a what-if could not be computed.
enum class WhatIfStatus {
    Ok,
    NoSuchTurn,        ///< the turn is not one of the run's
    NotOnOffer,        ///< the answer was not on offer at that turn
    RunDoesNotReplay,  ///< the recorded turns do not re-play against the scenario
};

/// The exact continuation of another answer at one turn of a run.
struct WhatIf {
    WhatIfStatus status = WhatIfStatus::Ok;
    int turn = 0;             ///< 1-based
    std::string answer;       ///< the alternative
    std::string picked;       ///< what the run really picked at that turn
    Mood before;              ///< the mood when the answer was given (the same for both)
    Mood after;               ///< the mood right after the alternative
    Continuation best;        ///< the best score still reachable (first found among equals)
    Continuation worst;       ///< the worst score still reachable
    std::uint64_t paths = 0;  ///< continuations counted (0 when the bound was hit)
    bool boundHit =
        false;  ///< the analysis's state bound was hit: best and worst are found, not proven
    int realScore = 0;            ///< the run as it was played, re-scored
    std::vector<Mood> realCurve;  ///< the mood over the run as it was played

    bool ok() const { return status == WhatIfStatus::Ok; }
};

/// Re-plays `turns` (a run of `scenario` played with `options`) up to turn `turn` (1-based),
/// picks `answer` there instead, after the seconds the run took at that turn, and analyses
/// every continuation from that point exactly (`analyze` from an Attempt: later answers given
/// at once), scoring each as the run's score is computed. Picking the answer the run picked gives
/// the range the run still had at that turn.
WhatIf whatIf(const std::shared_ptr<const Scenario>& scenario, const AttemptOptions& options,
              const std::vector<Turn>& turns, int turn, const std::string& answer,
              const WhatIfOptions& limits = {});

}  // namespace defuse
