#pragma once
/// Analysing a scenario: best and worst paths, how many paths exist, the score distribution
/// of random play, and the turns where the choice matters most.
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
    std::uint64_t seed = 1;           ///< for the shown numbers and random play
    std::uint64_t maxPaths = 200000;  ///< stop the exhaustive walk after this many paths
    int randomRuns = 1000;
    int maxTurns = 60;  ///< a path longer than this is cut (loops)
};

struct Analysis {
    std::uint64_t paths = 0;
    bool exhaustive = true;  ///< false when maxPaths stopped the walk
    PathResult best, worst;
    std::vector<int> histogram =
        std::vector<int>(11, 0);  ///< random play, by tens (100 in the last)
    double randomMean = 0;
    std::vector<DecisiveNode> decisive;  ///< most decisive first
};

class Attempt;

/// Every way `from` can go on to an ending, depth first in the order the answers are shown,
/// answered instantly: `visit` gets each complete run (or one cut at `maxTurns` turns, loops).
/// Stops before the run after `maxPaths`; returns false when it stopped with runs unvisited.
bool forEachContinuation(const Attempt& from, std::uint64_t maxPaths, int maxTurns,
                         const std::function<void(const Attempt&)>& visit);

/// Walks every path (up to maxPaths) with answers given instantly.
Analysis analyze(const std::shared_ptr<const Scenario>& sc, const AnalysisOptions& opt = {});

}  // namespace defuse
