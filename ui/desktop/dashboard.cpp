// Reading the store for the class dashboard.
#include "dashboard.hpp"

#include "defuse/files.hpp"
#include "defuse/store/central.hpp"

namespace defuse::desktop {

namespace fs = std::filesystem;

void ClassBoard::show() {
    m_shown = true;
    if (!m_loaded) reload();
}

void ClassBoard::reload() {
    m_loaded = true;
    m_error.clear();
    m_all.clear();
    try {
        if (!m_source) {
            m_name = store::isPostgresUrl(m_where) ? store::maskedUrl(m_where)
                     : m_where.empty()             ? store::localStorePath().string()
                                                   : m_where;
            std::string why;
            m_source = store::openSource(m_where, why);
            if (!m_source) {
                m_error = why;
                m_data = {};
                return;
            }
        }
        m_all = m_source->list({});
    } catch (const std::exception& ex) {
        m_error = store::maskSecret(ex.what(), m_where);
        m_source.reset();  // connect again next time
    }
    m_choices = store::filterChoices(m_all);
    m_data = store::summarize(m_all, m_filter);
}

void ClassBoard::setFilter(store::Filter f) {
    m_filter = std::move(f);
    m_data = store::summarize(m_all, m_filter);
}

std::optional<fs::path> ClassBoard::replayFile(const store::AttemptRow& row, std::string& error) {
    if (!store::isPostgresUrl(m_where)) return fs::path(row.replayPath);
    if (!m_source) {
        error = m_error;
        return std::nullopt;
    }
    auto text = m_source->replayText(row, error);
    if (!text) return std::nullopt;
    const fs::path dir = fs::temp_directory_path() / "defuse-central-replays";
    std::error_code ec;
    fs::create_directories(dir, ec);
    const fs::path file = dir / (row.contentId + ".yaml");
    if (!writeFileAtomic(file, *text, &error)) return std::nullopt;
    return file;
}

}  // namespace defuse::desktop
