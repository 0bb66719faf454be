#pragma once
/// Loading and checking scenario and archetype files. Never throws: problems come back as
/// diagnostics.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "defuse/archetype.hpp"
#include "defuse/curriculum.hpp"
#include "defuse/diagnostic.hpp"
#include "defuse/scenario.hpp"

namespace defuse {

/// What a load gives: the value when it is usable (no error), and every diagnostic.
template <class T>
struct LoadResult {
    std::shared_ptr<const T> value;
    std::vector<Diagnostic> diagnostics;
    bool ok() const { return value != nullptr; }
};

/// Loads a scenario file and the archetype it names.
LoadResult<Scenario> loadScenario(const std::filesystem::path& file);
/// Loads a scenario from text, as if read from `name`; archetypes are searched in `dirs`.
LoadResult<Scenario> loadScenarioText(const std::string& text, const std::string& name,
                                      const std::vector<std::filesystem::path>& dirs);
/// Loads an archetype file.
LoadResult<Archetype> loadArchetype(const std::filesystem::path& file);
/// Loads an archetype from text, as if read from `name`.
LoadResult<Archetype> loadArchetypeText(const std::string& text, const std::string& name);

/// Loads a library's curriculum file (`kind: curriculum`).
LoadResult<Curriculum> loadCurriculum(const std::filesystem::path& file);

/// What a file is, from its `kind:`.
enum class FileKind { Scenario, Archetype, Curriculum, Unknown };

/// One file found by `checkPaths`.
struct CheckedFile {
    std::filesystem::path path;
    FileKind kind = FileKind::Unknown;
    std::shared_ptr<const Scenario> scenario;  ///< when it is a scenario that loaded
    std::vector<Diagnostic> diagnostics;
};

/// Checks files and folders (folders: every .yaml/.yml file below, sorted by path).
std::vector<CheckedFile> checkPaths(const std::vector<std::filesystem::path>& paths);

/// Warns when the path the author rates best from the start scores below the best path the
/// exact analysis finds (up to 400,000 run states; bigger scenarios are skipped).
/// `defuse check` runs it; loading does not, so a library opens fast.
std::vector<Diagnostic> checkIdealPath(const std::shared_ptr<const Scenario>& sc);

/// Every scenario below `dir` (archetype files skipped), loaded or with its diagnostics.
std::vector<CheckedFile> loadLibrary(const std::filesystem::path& dir);

}  // namespace defuse
