#pragma once
// What the exact analysis and the path walk share.
#include <map>
#include <string>
#include <utility>

#include "defuse/analysis.hpp"

namespace defuse::detail {

/// The decisive nodes from (sum of scores, runs) per node and answer, most decisive first.
void decisiveFrom(const std::map<std::string, std::map<std::string, std::pair<double, double>>>& by,
                  Analysis& out);
/// maxTurns within what a run may hold (kMaxReplayTurns).
int clampedTurns(int maxTurns);

}  // namespace defuse::detail
