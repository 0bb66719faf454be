#include "defuse/library.hpp"

#include <system_error>

namespace defuse {

namespace fs = std::filesystem;

bool Library::addFolder(const fs::path& dir, bool bundled) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return false;
    m_folders.push_back(dir);
    m_bundled.push_back(bundled);
    for (CheckedFile& f : loadLibrary(dir)) {
        LibraryEntry e;
        e.file = std::move(f.path);
        e.folder = dir;
        e.bundled = bundled;
        e.scenario = std::move(f.scenario);
        e.diagnostics = std::move(f.diagnostics);
        m_entries.push_back(std::move(e));
    }
    return true;
}

void Library::reload() {
    auto folders = std::move(m_folders);
    auto bundled = std::move(m_bundled);
    m_folders.clear();
    m_bundled.clear();
    m_entries.clear();
    for (std::size_t i = 0; i < folders.size(); ++i) addFolder(folders[i], bundled[i]);
}

bool Library::replace(const std::filesystem::path& file, std::shared_ptr<const Scenario> scenario) {
    std::error_code ec;
    for (auto& e : m_entries)
        if (std::filesystem::equivalent(e.file, file, ec)) {
            e.scenario = std::move(scenario);
            e.diagnostics.clear();
            return true;
        }
    return false;
}

const LibraryEntry* Library::find(std::string_view id) const {
    for (const auto& e : m_entries)
        if (e.scenario && e.scenario->id == id) return &e;
    return nullptr;
}

std::vector<std::shared_ptr<const Scenario>> Library::scenarios() const {
    std::vector<std::shared_ptr<const Scenario>> out;
    for (const auto& e : m_entries)
        if (e.scenario) out.push_back(e.scenario);
    return out;
}

LoadResult<Scenario> resolveScenario(const std::string& arg, const Library& library) {
    std::error_code ec;
    if (fs::exists(arg, ec)) return loadScenario(arg);
    LoadResult<Scenario> out;
    if (const LibraryEntry* e = library.find(arg)) {
        out.value = e->scenario;
        out.diagnostics = e->diagnostics;
        return out;
    }
    Diagnostic d;
    d.file = arg;
    d.severity = Severity::Error;
    d.message = Message(Msg::NoSuchScenario);
    out.diagnostics.push_back(std::move(d));
    return out;
}

}  // namespace defuse
