#pragma once
// Where the mood model disagrees with the author's `quality:` marks.
#include <memory>

#include "defuse/scenario.hpp"
#include "reader.hpp"

namespace defuse::detail {

/// Warns where an answer rated `bad` improves the customer's mood, or one rated `best`
/// worsens it (each judged at its node with nothing said before). Cheap: every load runs it.
void checkIntent(const std::shared_ptr<Scenario>& sc, Reporter& rep);

/// The author's ideal path: the answer rated `best` at each node from the start (empty when
/// a node on the way has none or several).
std::vector<std::string> idealPath(const Scenario& sc);

}  // namespace defuse::detail
