#pragma once
// The class dashboard's state: which store it reads (the local one, or the central one with
// `gui --store postgresql://...`), every attempt it holds, the filters, and the figures the
// store library works out for them (defuse/store/dashboard.hpp). The panel draws it
// (panels/dashboard.cpp).
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "defuse/store/dashboard.hpp"

namespace defuse::desktop {

class ClassBoard {
public:
    /// Where to read: "" is the local store, else a store file or a postgresql:// URL.
    void setSource(std::string where) { m_where = std::move(where); }
    bool shown() const { return m_shown; }
    /// Shows the dashboard, reading the store the first time (and after reload()).
    void show();
    void hide() { m_shown = false; }
    /// Reads every attempt again.
    void reload();

    /// Why the store could not be read ("" when it was).
    const std::string& error() const { return m_error; }
    /// The store's name (a path, or a URL without its password).
    const std::string& sourceName() const { return m_name; }
    const store::Dashboard& data() const { return m_data; }
    const store::FilterChoices& choices() const { return m_choices; }
    const store::Filter& filter() const { return m_filter; }
    /// Changes the filter and works the figures out again.
    void setFilter(store::Filter f);
    /// A file the replay viewer can open for an attempt: its replay file, or (central store)
    /// its replay written to a temporary folder. Nullopt with `error` set when it cannot.
    std::optional<std::filesystem::path> replayFile(const store::AttemptRow& row,
                                                    std::string& error);

private:
    std::string m_where;
    bool m_shown = false;
    bool m_loaded = false;
    std::string m_error, m_name;
    std::unique_ptr<store::Source> m_source;
    std::vector<store::AttemptRow> m_all;
    store::Filter m_filter;
    store::FilterChoices m_choices;
    store::Dashboard m_data;
};

}  // namespace defuse::desktop
