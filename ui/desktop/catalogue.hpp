#pragma once
// What there is to play: the engine's Library of scenarios (as it loaded them, diagnostics
// and all), and the trainee's earlier attempts at them.
#include <filesystem>
#include <string>
#include <vector>

#include "defuse/library.hpp"
#include "history.hpp"

namespace defuse::desktop {

class Catalogue {
public:
    /// The folders to load: the bundled one first, then extra ones.
    void setFolders(const std::filesystem::path& bundled,
                    const std::vector<std::filesystem::path>& extra);
    /// Loads every folder again. Folders that are not folders are listed in `missing()`;
    /// a folder that cannot be read at all adds a line to `errors`.
    void load(std::vector<std::string>* errors);
    /// Adds a folder (kept for the next `load`). False when it is not a folder; `added`
    /// says how many files it brought.
    bool addFolder(const std::filesystem::path& dir, std::size_t* added);
    /// Reads the earlier attempts (scored against the library). Throws on I/O failures.
    void loadHistory();

    const Library& library() const { return m_library; }
    /// A new version of a library file's scenario (live reload); false when it is not one.
    bool updateScenario(const std::filesystem::path& file, std::shared_ptr<const Scenario> sc) {
        return m_library.replace(file, std::move(sc));
    }
    const History& history() const { return m_history; }
    History& history() { return m_history; }
    /// Folders asked for that are not folders.
    const std::vector<std::filesystem::path>& missing() const { return m_missing; }
    /// The folders asked for, the bundled one first.
    const std::vector<std::filesystem::path>& folders() const { return m_folders; }

private:
    std::vector<std::filesystem::path> m_folders;
    std::vector<std::filesystem::path> m_missing;
    Library m_library;
    History m_history;
};

}  // namespace defuse::desktop
