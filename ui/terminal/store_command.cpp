// The results store's commands.
#include "store_command.hpp"

#include <cstdlib>
#include <iostream>
#include <set>

#include "defuse/paths.hpp"
#include "defuse/store/central.hpp"
#include "defuse/store/local.hpp"
#include "defuse/text.hpp"

namespace defuse::term {

namespace fs = std::filesystem;
using namespace defuse::store;

namespace {

struct StoreOptions {
    std::string lang;
    std::string site;
    std::string storeFile;  ///< --store FILE (default: the user's store)
    std::vector<std::string> dirs;
    std::vector<std::string> scenarioDirs;
    Filter filter;
    std::string from;
    std::string to;
    int batch = 50;
    int count = 10000;
    int trainees = 20, scenarios = 8, runs = 3;
    std::uint64_t seed = 1;
    std::string workDir;
};

Lang langOf(const std::string& code) {
    if (!code.empty()) return langFromCode(code);
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"})
        if (const char* v = std::getenv(var); v != nullptr && *v != '\0') return langFromCode(v);
    return Lang::En;
}

std::string say(const Message& m, Lang lang) { return printable(render(m, lang)); }

fs::path storeFileOf(const StoreOptions& o) {
    return o.storeFile.empty() ? localStorePath() : fs::path(o.storeFile);
}

std::string siteOf(const StoreOptions& o) { return o.site.empty() ? configuredSite() : o.site; }

std::vector<fs::path> pathsOf(const std::vector<std::string>& v) { return {v.begin(), v.end()}; }

std::unique_ptr<LocalStore> openLocal(const StoreOptions& o, Lang lang) {
    std::string why;
    auto s = LocalStore::open(storeFileOf(o), why);
    if (!s)
        std::cerr << say(Message(Msg::StoreCannotOpen, {storeFileOf(o).string(), why}), lang)
                  << "\n";
    return s;
}

int importCommand(const StoreOptions& o) {
    const Lang lang = langOf(o.lang);
    auto s = openLocal(o, lang);
    if (!s) return 3;
    Indexer indexer(pathsOf(o.scenarioDirs), siteOf(o));
    int bad = 0;
    try {
        for (const std::string& dir : o.dirs) {
            const ImportResult r = s->importDir(dir, indexer);
            bad += reportUnreadable(r, lang);
            std::cout << say(Message(Msg::StoreImported,
                                     {Message::num(static_cast<long long>(r.indexed)), dir}),
                             lang)
                      << "\n";
        }
    } catch (const std::exception& ex) {
        std::cerr << say(Message(Msg::StoreCannotOpen, {storeFileOf(o).string(), ex.what()}), lang)
                  << "\n";
        return 3;
    }
    return bad > 0 ? 1 : 0;
}

int rebuildCommand(const StoreOptions& o) {
    const Lang lang = langOf(o.lang);
    auto s = openLocal(o, lang);
    if (!s) return 3;
    // Every folder the store indexed replays from, and the attempts folder: rebuilt from the
    // files alone.
    std::set<fs::path> dirs;
    for (const std::string& d : o.dirs) dirs.insert(d);
    if (o.dirs.empty()) dirs.insert(attemptsDir());
    Indexer indexer(pathsOf(o.scenarioDirs), siteOf(o));
    ImportResult all;
    try {
        std::set<fs::path> files;
        for (const AttemptRow& r : s->list({})) files.insert(r.replayPath);
        s->clear();
        for (const fs::path& dir : dirs) {
            std::error_code ec;
            if (!fs::is_directory(dir, ec)) continue;
            ImportResult r = s->importDir(dir, indexer);
            all.indexed += r.indexed;
            for (auto& u : r.unreadable) all.unreadable.push_back(std::move(u));
        }
        // Replays indexed from elsewhere (store import DIR) that are still there.
        std::vector<AttemptRow> rows;
        const auto now = s->list({});
        std::set<std::string> done;
        for (const AttemptRow& r : now) done.insert(r.replayPath);
        for (const fs::path& f : files) {
            std::error_code ec;
            if (done.count(f.string()) != 0 || !fs::exists(f, ec)) continue;
            std::vector<Diagnostic> diags;
            if (auto row = indexer.row(f, diags))
                rows.push_back(std::move(*row));
            else
                all.unreadable.push_back({f, std::move(diags)});
        }
        s->putAll(rows);
        all.indexed += static_cast<int>(rows.size());
    } catch (const std::exception& ex) {
        std::cerr << say(Message(Msg::StoreCannotOpen, {storeFileOf(o).string(), ex.what()}), lang)
                  << "\n";
        return 3;
    }
    const int bad = reportUnreadable(all, lang);
    std::string from;
    for (const fs::path& d : dirs) from += (from.empty() ? "" : ", ") + d.string();
    std::cout << say(Message(Msg::StoreRebuilt,
                             {storeFileOf(o).string(), from,
                              Message::num(static_cast<long long>(all.indexed))}),
                     lang)
              << "\n";
    return bad > 0 ? 1 : 0;
}

int listCommand(const StoreOptions& o) {
    const Lang lang = langOf(o.lang);
    std::string why;
    const std::string where = o.from.empty() ? storeFileOf(o).string() : o.from;
    auto src = openSource(where, why);
    if (!src) {
        std::cerr << say(isPostgresUrl(where)
                             ? Message(Msg::StoreCentralDown, {maskedUrl(where), why})
                             : Message(Msg::StoreCannotOpen, {where, why}),
                         lang)
                  << "\n";
        return 3;
    }
    std::vector<AttemptRow> rows;
    try {
        rows = src->list(o.filter);
    } catch (const std::exception& ex) {
        std::cerr << say(Message(Msg::StoreCannotOpen, {src->name(), ex.what()}), lang) << "\n";
        return 3;
    }
    if (rows.empty()) {
        std::cout << say(Msg::StoreNoAttempts, lang) << "\n";
        return 0;
    }
    std::cout << render(Msg::StoreListHeader, lang) << "\n";  // tabs kept
    for (const AttemptRow& r : rows) {
        std::cout << printable(r.started) << "\t" << printable(r.trainee) << "\t"
                  << printable(r.site) << "\t" << printable(r.scenarioId) << "\t" << r.mode << "\t"
                  << r.score << "\t" << printable(r.grade) << "\t"
                  << printable(r.complete ? r.ending : "-") << "\t" << r.criticals.size() << "\t"
                  << r.signature << "\t" << r.contentId.substr(0, 16) << "\n";
    }
    std::cout << say(Message(Msg::StoreListCount,
                             {Message::num(static_cast<long long>(rows.size())), src->name()}),
                     lang)
              << "\n";
    return 0;
}

int siteCommand(const StoreOptions& o) {
    const Lang lang = langOf(o.lang);
    if (o.site.empty()) {
        const std::string site = configuredSite();
        std::cout << say(site.empty() ? Message(Msg::StoreSiteNone)
                                      : Message(Msg::StoreSiteIs, {site}),
                         lang)
                  << "\n";
        return 0;
    }
    std::string why;
    if (!saveSite(o.site, why)) {
        std::cerr << "defuse: " << printable(why) << "\n";
        return 4;
    }
    std::cout << say(Message(Msg::StoreSiteSet, {o.site, storeConfigPath().string()}), lang)
              << "\n";
    return 0;
}

int syncCommand(const StoreOptions& o) {
    const Lang lang = langOf(o.lang);
    if (!isPostgresUrl(o.to)) {
        std::cerr << say(Message(Msg::StoreNotPostgres, {maskedUrl(o.to)}), lang) << "\n";
        return 2;
    }
    auto local = openLocal(o, lang);
    if (!local) return 3;
    std::string why;
    auto central = CentralStore::open(o.to, why);
    if (!central) {
        std::cerr << say(Message(Msg::StoreCentralDown, {maskedUrl(o.to), why}), lang) << "\n";
        return 5;
    }
    try {
        const SyncResult r = syncTo(*local, *central, o.batch, siteOf(o));
        for (const Message& m : r.skipped) std::cerr << say(m, lang) << "\n";
        std::cout << say(Message(Msg::StoreSynced,
                                 {central->name(), Message::num(static_cast<long long>(r.pushed)),
                                  Message::num(static_cast<long long>(r.already))}),
                         lang)
                  << "\n";
        return r.skipped.empty() ? 0 : 1;
    } catch (const std::exception& ex) {
        std::cerr << say(Message(Msg::StoreSyncFailed,
                                 {central->name(), maskSecret(ex.what(), o.to)}),
                         lang)
                  << "\n";
        return 5;
    }
}

void addFilter(CLI::App* c, StoreOptions& o) {
    c->add_option("--site", o.filter.site, "Only this site's attempts");
    c->add_option("--scenario", o.filter.scenario, "Only this scenario's attempts (its id)");
    c->add_option("--mode", o.filter.mode, "practice or assessment")
        ->check(CLI::IsMember({"practice", "assessment"}));
    c->add_option("--since", o.filter.since, "Attempts started on or after (YYYY-MM-DD)");
    c->add_option("--until", o.filter.until, "Attempts started before (YYYY-MM-DD)");
    c->add_option("--trainee", o.filter.trainee, "Only this trainee's attempts");
}

}  // namespace

// Prints what could not be indexed, with its diagnostics; returns how many.
int reportUnreadable(const ImportResult& r, Lang lang) {
    for (const auto& [file, diags] : r.unreadable) {
        std::cerr << say(Message(Msg::StoreUnreadable, {file.string()}), lang) << "\n";
        for (const Diagnostic& d : diags)
            if (d.severity == Severity::Error)
                std::cerr << "  " << printable(d.format(lang)) << "\n";
    }
    if (!r.unreadable.empty())
        std::cerr << say(Message(Msg::StoreLeftOut,
                                 {Message::num(static_cast<long long>(r.unreadable.size()))}),
                         lang)
                  << "\n";
    return static_cast<int>(r.unreadable.size());
}

void indexRecorded(const fs::path& replay, const std::string& lang) {
    std::error_code ec;
    if (replay.empty() || !fs::exists(replay, ec)) return;
    std::string why;
    if (!indexSaved(replay, langOf(lang), why)) std::cerr << printable(why) << "\n";
}

void addStoreCommands(CLI::App& app, int& exitCode) {
    auto o = std::make_shared<StoreOptions>();
    CLI::App* st = app.add_subcommand(
        "store", "The results store: every attempt indexed (SQLite, in the data folder)");
    st->require_subcommand(1);
    st->fallthrough();  // --lang, --store and --scenarios also after the subcommand
    st->add_option("--lang", o->lang, "Messages in en or zh (default: the locale's)")
        ->check(CLI::IsMember({"en", "zh"}));
    st->add_option("--store", o->storeFile,
                   "The store file (default: $XDG_DATA_HOME/defuse/store.sqlite)");
    st->add_option("--scenarios", o->scenarioDirs, "Folders (or files) with the scenarios");

    CLI::App* rb = st->add_subcommand(
        "rebuild", "Rebuild the store from the replay files (the attempts folder, or DIR...)");
    rb->add_option("dirs", o->dirs, "Folders of replays (default: the attempts folder)");
    rb->add_option("--site", o->site, "The site the attempts belong to (default: store site)");
    rb->callback([o, &exitCode] { exitCode = rebuildCommand(*o); });

    CLI::App* im = st->add_subcommand("import", "Index the replay files below folders");
    im->add_option("dirs", o->dirs, "Folders of replays")->required();
    im->add_option("--site", o->site, "The site the attempts belong to (default: store site)");
    im->callback([o, &exitCode] { exitCode = importCommand(*o); });

    CLI::App* ls = st->add_subcommand("list", "List the indexed attempts");
    addFilter(ls, *o);
    ls->add_option("--from", o->from,
                   "Read the central store (postgresql://...) or another store file");
    ls->callback([o, &exitCode] { exitCode = listCommand(*o); });

    CLI::App* si = st->add_subcommand("site", "Show or set the site this computer belongs to");
    si->add_option("name", o->site, "The site's name");
    si->callback([o, &exitCode] { exitCode = siteCommand(*o); });

    CLI::App* cl = st->add_subcommand(
        "class", "Play a class's runs through the engine (scripted answers) into a folder");
    cl->add_option("dir", o->workDir, "Where to write the replays")->required();
    cl->add_option("--trainees", o->trainees, "Trainees (default 20)")->check(CLI::Range(1, 10000));
    cl->add_option("--scenario-count", o->scenarios, "Bundled scenarios (default 8)")
        ->check(CLI::Range(1, 1000));
    cl->add_option("--runs", o->runs, "Runs per trainee and scenario (default 3)")
        ->check(CLI::Range(1, 100));
    cl->add_option("--seed", o->seed, "Seed (default 1)");
    cl->callback([o, &exitCode] {
        exitCode =
            storeClass(o->workDir, o->trainees, o->scenarios, o->runs, o->seed, langOf(o->lang));
    });

    CLI::App* be = st->add_subcommand(
        "bench", "Benchmark: play N replays, index them, read them back, work out the dashboard");
    be->add_option("count", o->count, "Replays (default 10000)")->check(CLI::Range(1, 10000000));
    be->add_option("--dir", o->workDir,
                   "Work folder (replays kept there between runs; default a temporary one)");
    be->callback(
        [o, &exitCode] { exitCode = storeBench(o->count, o->workDir, o->seed, langOf(o->lang)); });

    CLI::App* sy = app.add_subcommand(
        "sync", "Push this site's new attempts, with their replays, to a central PostgreSQL store");
    sy->add_option("--to", o->to, "postgresql://USER[:PASSWORD]@HOST:PORT/DATABASE")->required();
    sy->add_option("--site", o->site, "The site's name for attempts indexed without one");
    sy->add_option("--batch", o->batch, "Attempts per transaction (default 50)")
        ->check(CLI::Range(1, 100000));
    sy->add_option("--store", o->storeFile, "The local store file");
    sy->add_option("--lang", o->lang, "Messages in en or zh (default: the locale's)")
        ->check(CLI::IsMember({"en", "zh"}));
    sy->callback([o, &exitCode] { exitCode = syncCommand(*o); });
}

}  // namespace defuse::term
