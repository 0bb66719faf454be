#pragma once
// Where the mood model disagrees with the author's `quality:` marks.
#include <memory>

#include "defuse/scenario.hpp"
#include "reader.hpp"

namespace defuse::detail {

/// Warns where an answer rated `bad` improves the customer's mood, one rated `best` worsens
/// it (each judged at its node with nothing said before), and where the path the author
/// rates best from the start is not the best path the analysis finds.
void checkIntent(const std::shared_ptr<Scenario>& sc, Reporter& rep);

}  // namespace defuse::detail
