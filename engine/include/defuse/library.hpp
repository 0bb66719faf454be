#pragma once
/// The library: the scenarios of one or more folders, loaded once, found by id.
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "defuse/diagnostic.hpp"
#include "defuse/loader.hpp"
#include "defuse/scenario.hpp"

namespace defuse {

/// One scenario file in the library: loaded, or with the diagnostics saying why not.
struct LibraryEntry {
    std::filesystem::path file;
    std::filesystem::path folder;  ///< the library folder it was found in
    bool bundled = false;
    std::shared_ptr<const Scenario> scenario;  ///< null when it failed to load
    std::vector<Diagnostic> diagnostics;
};

/// The scenarios of some folders. The first folder added wins when two hold the same id.
class Library {
public:
    /// Loads every scenario below `dir` (archetype files skipped). False when `dir` is not a
    /// folder (nothing is added).
    bool addFolder(const std::filesystem::path& dir, bool bundled = false);
    /// Loads the folders again, in the order they were added.
    void reload();
    /// A new version of one file's scenario (live reload): the entry of `file` (the same file
    /// by any path) takes `scenario` and drops its diagnostics. False when no entry has it.
    bool replace(const std::filesystem::path& file, std::shared_ptr<const Scenario> scenario);
    const std::vector<LibraryEntry>& entries() const { return m_entries; }
    const std::vector<std::filesystem::path>& folders() const { return m_folders; }
    /// The entry of the loaded scenario with that id, or nullptr.
    const LibraryEntry* find(std::string_view id) const;
    /// The loaded scenarios, in library order.
    std::vector<std::shared_ptr<const Scenario>> scenarios() const;

private:
    std::vector<std::filesystem::path> m_folders;
    std::vector<bool> m_bundled;
    std::vector<LibraryEntry> m_entries;
};

/// A scenario named on a command line: a file path, else the id of a scenario in `library`.
/// The diagnostics say what is wrong with it, or that nothing has that name.
LoadResult<Scenario> resolveScenario(const std::string& fileOrId, const Library& library);

}  // namespace defuse
