#pragma once
// Pieces shared by the archetype and scenario loaders.
#include <filesystem>
#include <string>
#include <vector>

#include "defuse/archetype.hpp"
#include "defuse/loader.hpp"
#include "reader.hpp"

namespace defuse::detail {

/// Every tag id, for suggestions.
std::vector<std::string> tagIds();
/// Checks a tag name at `n`; reports an error with a suggestion when unknown.
bool checkTag(const std::string& tag, const YNode& n, Reporter& rep, SourcePos at);

/// Reads the temperament keys (mood, patience, thresholds, reactions, order_rules) of an
/// archetype, or a scenario's overrides of them, into `a`.
void readTemperament(const MapReader& m, Reporter& rep, Archetype& a);

/// Reads a `look:` mapping into `look`, overriding only the fields it gives.
void readLook(const YNode& n, Reporter& rep, CustomerLook& look);

/// The keys readTemperament understands.
std::vector<std::string> temperamentKeys();

/// Reads the text of a file with a diagnostic on failure.
std::optional<std::string> readSource(const std::string& file, std::vector<Diagnostic>& diags);

/// The value of the top-level `kind:` of a parsed document ("" when absent).
std::string kindOf(const YNode& root);

/// Loads a scenario from a parsed tree (`text` is its source, for the hash); `diags` are the
/// parser's diagnostics so far.
LoadResult<Scenario> loadScenarioTree(const std::string& text, const YNode* root,
                                      const std::string& name,
                                      const std::vector<std::filesystem::path>& dirs,
                                      std::vector<Diagnostic> diags);
/// Loads a curriculum from a parsed tree.
LoadResult<Curriculum> loadCurriculumTree(const YNode* root, const std::string& name,
                                          std::vector<Diagnostic> diags);
/// Loads an archetype from a parsed tree.
LoadResult<Archetype> loadArchetypeTree(const std::string& text, const YNode* root,
                                        const std::string& name, std::vector<Diagnostic> diags);

}  // namespace defuse::detail
