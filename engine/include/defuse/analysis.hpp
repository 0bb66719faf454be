#pragma once
/// Analysing a scenario: best and worst paths, how many paths exist, the score distribution
/// of random play, and the turns where the choice matters most.
///
/// The analysis is exact: it explores the run's states, not its paths. A state is everything
/// that decides how a run goes on and what it scores (compiled.hpp's RunState: the node, the
/// mood, the turn count, the tags used, answers picked and nodes visited that conditions and
/// rules read, the cue counts rules read, the thresholds already used, and the score's running
/// components: peak anger, turns that improved the mood, competencies and steps shown,
/// penalties, a critical mistake). Runs that reach equal states are merged, so the cost is the
/// number of distinct states, and every figure (path count, best and worst, the range per
/// ending, the decisive turns) is computed by dynamic programming over them.
///
/// Past a bound on the states explored (a story where nearly every answer moves the mood its
/// own way reaches a state of its own on nearly every path), the analysis says so and searches
/// instead: see Analysis::stateBoundHit.
///
/// Loops: a run is cut after `maxTurns` answers and scored as it stands then, unfinished (no
/// ending: no outcome points), exactly as the path walk always did. The turn count is part of
/// the state, so a loop is a finite set of states, never an endless walk.
///
/// Answers are given instantly, in assessment mode (timed), as before. Decisive turns weigh
/// every visit of a node by the runs that pass through it (a node visited twice in a run counts
/// twice; without loops that is the same as before).
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "defuse/scenario.hpp"

namespace defuse {

/// One complete run through a scenario.
struct PathResult {
    std::vector<std::string> answers;  ///< answer ids, in order
    std::vector<int>
        shownNumbers;  ///< the 1-based numbers to type for them, with the analysis seed
    int score = -1;
    std::string ending;
};

/// A node where the choice decides a lot.
struct DecisiveNode {
    std::string node;
    double spread = 0;  ///< best answer's mean score minus the worst answer's
    std::string bestAnswer;
    std::string worstAnswer;
};

struct AnalysisOptions {
    std::uint64_t seed = 1;  ///< for the shown numbers and random play
    /// Past maxStates: the most random runs sampled for the ranges per ending and the decisive
    /// turns (analyzeByWalking: the most paths walked).
    std::uint64_t maxPaths = 200000;
    int randomRuns = 1000;
    int maxTurns = 60;  ///< a path longer than this is cut (loops)
    /// The most distinct run states the exact analysis explores (about 80 bytes each); past it
    /// the analysis searches and samples instead (exact = false says so).
    std::uint64_t maxStates = 6000000;
    /// Past maxStates: search and sample (true) or stop with nothing but the statement (false).
    bool walkPastBound = true;
    /// Past maxStates: the states a turn the search for the best and the worst run keeps.
    std::uint64_t searchWidth = 4096;
    /// Past maxStates: the most course keys the path count explores (Analysis::pathsCounted).
    std::uint64_t maxCourseStates = 6000000;
};

/// The scores the runs reaching one ending can get.
struct EndingRange {
    std::string ending;  ///< the ending's id; "" for runs cut at maxTurns (or stuck) unfinished
    int best = -1, worst = -1;
    std::uint64_t paths = 0;  ///< UINT64_MAX past 2^53 (pathsApprox holds the size)
    double pathsApprox = 0;
};

struct Analysis {
    std::uint64_t paths = 0;
    bool exhaustive = true;  ///< false when maxPaths stopped the walk
    PathResult best, worst;
    std::vector<int> histogram =
        std::vector<int>(11, 0);  ///< random play, by tens (100 in the last)
    double randomMean = 0;
    std::vector<DecisiveNode> decisive;  ///< most decisive first
    /// True when every figure but random play is exact: no bound was hit.
    bool exact = true;
    /// Distinct run states explored by the exact analysis.
    std::uint64_t states = 0;
    /// True when maxStates was hit. Then nothing is proven: best and worst are the best and the
    /// worst run a search keeping `searchWidth` states a turn and `sampledRuns` random runs
    /// found (real runs: the best is at least that good, the worst at least that bad); the
    /// ranges per ending and the decisive turns come from the random runs; paths is 0 unless
    /// pathsCounted, and the endings' paths count sampled runs.
    bool stateBoundHit = false;
    std::uint64_t sampledRuns = 0;
    std::uint64_t searchWidth = 0;
    /// The path count (paths, pathsApprox, pathsSaturated) is exact: always when `exact`, and
    /// past the state bound when a run's course does not depend on its mood (no threshold that
    /// redirects, no condition on the mood): the paths are then counted over course keys.
    bool pathsCounted = true;
    /// True when the path count passed 2^53, where it stops being exact (`paths` holds
    /// UINT64_MAX); pathsApprox holds the count as a floating-point number either way.
    bool pathsSaturated = false;
    double pathsApprox = 0;
    /// The score range per ending reached, in the scenario's order; the unfinished last.
    std::vector<EndingRange> endings;
    /// The turns of the history the analysis started after (analyze(const Attempt&)); the
    /// paths' answers and numbers include them.
    int prefixTurns = 0;
};

class Attempt;

/// Every way `from` can go on to an ending, depth first in the order the answers are shown,
/// answered instantly: `visit` gets each complete run (or one cut at `maxTurns` turns, loops).
/// Stops before the run after `maxPaths`; returns false when it stopped with runs unvisited.
bool forEachContinuation(const Attempt& from, std::uint64_t maxPaths, int maxTurns,
                         const std::function<void(const Attempt&)>& visit);

/// The exact analysis of a scenario from its start (assessment mode, seed opt.seed).
Analysis analyze(const std::shared_ptr<const Scenario>& sc, const AnalysisOptions& opt = {});
/// The exact analysis of every way `from` can go on (its seed orders the answers shown, its
/// timing option scores them); random play starts from it too.
Analysis analyze(const Attempt& from, const AnalysisOptions& opt = {});

/// The reference: walks every path (up to maxPaths) re-playing Attempts, as analyze did before
/// it was exact. Kept to test the exact analysis against, and as its fallback.
Analysis analyzeByWalking(const Attempt& from, const AnalysisOptions& opt = {});

}  // namespace defuse
