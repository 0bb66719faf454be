#pragma once
// The checks that need the whole scenario: references, reachability, dead ends.
#include <filesystem>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "defuse/scenario.hpp"
#include "reader.hpp"

namespace defuse::detail {

/// A place that names a node or ending.
struct Reference {
    std::string id;
    SourcePos pos;
    Message from;  ///< where the reference is ("answer 2 of node 'x'", "on_escalate")
};

/// Resolves defaults (start, on_escalate, on_walk_out) and reports broken references,
/// unreachable nodes and endings, dead ends, and scenarios that cannot be won.
void checkScenario(Scenario& sc, const std::vector<Reference>& refs,
                   const std::vector<std::pair<Condition, const YNode*>>& conditions,
                   const std::set<std::string>& explicitAnswerIds, Reporter& rep,
                   SourcePos rootPos);

/// Warns where a condition can never hold: a mood outside 0..100, comparisons no mood
/// satisfies together, an answer that cannot have been picked before the node it is asked at.
/// `nodes[i]` is the node of `conditions[i]`.
void checkConditionsCanHold(const Scenario& sc,
                            const std::vector<std::pair<Condition, const YNode*>>& conditions,
                            const std::vector<std::string>& nodes, Reporter& rep);

/// Checks the principles answers name against the library's curriculum (found from `dirs`)
/// and keeps the curriculum in the scenario; a missing curriculum is a warning.
void checkTeaches(Scenario& sc, const std::vector<Reference>& teaches,
                  const std::vector<std::filesystem::path>& dirs, Reporter& rep);

}  // namespace defuse::detail
