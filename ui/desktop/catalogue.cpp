// Loading the library folders and the history.
#include "catalogue.hpp"

#include "defuse/paths.hpp"

namespace defuse::desktop {

void Catalogue::setFolders(const std::filesystem::path& bundled,
                           const std::vector<std::filesystem::path>& extra) {
    m_folders.clear();
    m_folders.push_back(bundled);
    m_folders.insert(m_folders.end(), extra.begin(), extra.end());
}

void Catalogue::load(std::vector<std::string>* errors) {
    m_library = Library();
    m_missing.clear();
    for (std::size_t i = 0; i < m_folders.size(); ++i) {
        try {
            if (!m_library.addFolder(m_folders[i], i == 0)) m_missing.push_back(m_folders[i]);
        } catch (const std::exception& ex) {
            if (errors != nullptr) errors->push_back(m_folders[i].string() + ": " + ex.what());
        }
    }
}

bool Catalogue::addFolder(const std::filesystem::path& dir, std::size_t* added) {
    const std::size_t before = m_library.entries().size();
    if (dir.empty() || !m_library.addFolder(dir)) return false;
    m_folders.push_back(dir);
    if (added != nullptr) *added = m_library.entries().size() - before;
    return true;
}

void Catalogue::loadHistory() { m_history.load(attemptsDir(), m_library); }

}  // namespace defuse::desktop
