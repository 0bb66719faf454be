#pragma once
// The checks that need the whole scenario: references, reachability, dead ends.
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

}  // namespace defuse::detail
