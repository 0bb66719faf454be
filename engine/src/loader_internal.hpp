#pragma once
// Pieces shared by the archetype and scenario loaders.
#include <string>
#include <vector>

#include "defuse/archetype.hpp"
#include "reader.hpp"

namespace defuse::detail {

/// Every tag id, for suggestions.
std::vector<std::string> tagIds();
/// Checks a tag name at `n`; reports an error with a suggestion when unknown.
bool checkTag(const std::string& tag, const YNode& n, Reporter& rep, SourcePos at);

/// Reads the temperament keys (mood, patience, thresholds, reactions, order_rules) of an
/// archetype, or a scenario's overrides of them, into `a`.
void readTemperament(const MapReader& m, Reporter& rep, Archetype& a);

/// The keys readTemperament understands.
std::vector<std::string> temperamentKeys();

/// Reads the text of a file with a diagnostic on failure.
std::optional<std::string> readSource(const std::string& file, std::vector<Diagnostic>& diags);

/// The value of the top-level `kind:` of a parsed document ("" when absent).
std::string kindOf(const YNode& root);

}  // namespace defuse::detail
