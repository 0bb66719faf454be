// The results store (store/): rows from real replays played through the engine, a store
// deleted and rebuilt from the files, migrations, unreadable replays, the dashboard figures.
#include <SQLiteCpp/SQLiteCpp.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "defuse/files.hpp"
#include "defuse/notes.hpp"
#include "defuse/store/central.hpp"
#include "defuse/store/dashboard.hpp"
#include "defuse/store/generate.hpp"
#include "defuse/store/local.hpp"

namespace fs = std::filesystem;
using namespace defuse;
using namespace defuse::store;

namespace {

struct Scratch {
    fs::path dir;
    Scratch() {
        ::setenv("DEFUSE_SCENARIOS", DEFUSE_SCENARIO_DIR, 1);
        dir = fs::temp_directory_path() /
              ("defuse-store-" + std::to_string(::getpid()) + "-" + std::to_string(std::rand()));
        fs::create_directories(dir);
    }
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

// 4 trainees x 3 scenarios x 2 runs (the second assessed), played by the engine.
fs::path playSmallClass(const Scratch& s) {
    ClassOptions c;
    c.out = s.dir / "replays";
    c.trainees = 4;
    c.scenarios = 3;
    c.runsPerScenario = 2;
    std::string error;
    REQUIRE(playClass(c, error) == 24);
    REQUIRE(error.empty());
    return c.out;
}

std::unique_ptr<LocalStore> openOrFail(const fs::path& file) {
    std::string error;
    auto st = LocalStore::open(file, error);
    INFO(error);
    REQUIRE(st);
    return st;
}

}  // namespace

TEST_CASE("a store deleted and rebuilt from the replay files gives the same rows") {
    Scratch s;
    const fs::path replays = playSmallClass(s);
    const fs::path file = s.dir / "store.sqlite";
    std::vector<AttemptRow> before;
    {
        auto st = openOrFail(file);
        CHECK(st->schemaVersion() == kSchemaVersion);
        CHECK(st->journalMode() == "wal");
        Indexer ix({}, "North");
        const ImportResult r = st->importDir(replays, ix);
        CHECK(r.indexed == 24);
        CHECK(r.unreadable.empty());
        before = st->list({});
    }
    REQUIRE(before.size() == 24);
    // Every figure is the engine's: a row is the replay re-scored.
    for (const AttemptRow& r : before) {
        CHECK(r.site == "North");
        CHECK(r.contentId.size() == 64);
        CHECK(!r.trainee.empty());
        CHECK(r.complete);
        CHECK(!r.ending.empty());
        CHECK(r.signature == "unsigned");
        const auto loaded = loadReplay(r.replayPath);
        REQUIRE(loaded.ok());
        CHECK(contentIdOf(*loaded.value) == r.contentId);
        const Rescored rs = rescore(*loaded.value, {});
        REQUIRE(rs.ok());
        CHECK(rs.report.total == r.score);
        CHECK(rs.report.criticals.size() == r.criticals.size());
    }
    for (const char* ext : {"", "-wal", "-shm"}) fs::remove(file.string() + ext);
    auto st = openOrFail(file);
    CHECK(st->list({}).empty());
    Indexer ix({}, "North");
    CHECK(st->importDir(replays, ix).indexed == 24);
    const std::vector<AttemptRow> after = st->list({});
    REQUIRE(after.size() == before.size());
    for (std::size_t i = 0; i < after.size(); ++i) CHECK(after[i] == before[i]);
    // Importing again changes nothing: one row per attempt.
    CHECK(st->importDir(replays, ix).indexed == 24);
    CHECK(st->list({}).size() == 24);
}

TEST_CASE("the store's filters: site, scenario, mode, dates") {
    Scratch s;
    const fs::path replays = playSmallClass(s);
    auto st = openOrFail(s.dir / "store.sqlite");
    Indexer ix({}, "East");
    st->importDir(replays, ix);
    const auto all = st->list({});
    Filter f;
    f.mode = "assessment";
    CHECK(st->list(f).size() == 12);
    f = {};
    f.scenario = all.front().scenarioId;
    CHECK(st->list(f).size() == 8);
    f = {};
    f.site = "West";
    CHECK(st->list(f).empty());
    f = {};
    f.since = all.back().started;
    CHECK(st->list(f).size() >= 1);
    CHECK(st->list(f).size() < all.size());
}

TEST_CASE("a replay saved again (a run going on) keeps one row: its latest") {
    Scratch s;
    const fs::path replays = playSmallClass(s);
    auto st = openOrFail(s.dir / "store.sqlite");
    Indexer ix({}, "");
    st->importDir(replays, ix);
    const AttemptRow first = st->list({}).front();
    auto loaded = loadReplay(first.replayPath);
    REQUIRE(loaded.ok());
    Replay shorter = *loaded.value;
    shorter.turns.pop_back();
    shorter.finished.clear();
    REQUIRE(writeReplay(shorter, first.replayPath));
    std::vector<Diagnostic> diags;
    auto row = ix.row(first.replayPath, diags);
    REQUIRE(row);
    CHECK(row->contentId != first.contentId);
    st->put(*row);
    Filter f;
    f.trainee = first.trainee;
    f.scenario = first.scenarioId;
    int sameFile = 0;
    for (const AttemptRow& r : st->list(f)) sameFile += r.replayPath == first.replayPath;
    CHECK(sameFile == 1);
    CHECK(st->list({}).size() == 24);
}

TEST_CASE("the content id does not change with the assessor's notes") {
    Scratch s;
    const fs::path replays = playSmallClass(s);
    auto loaded = loadReplay(yamlFilesBelow(replays).front());
    REQUIRE(loaded.ok());
    Replay r = *loaded.value;
    const std::string id = contentIdOf(r);
    r.notes.notes.push_back({1, "good opening", "2026-11-30T10:00:00Z"});
    CHECK(contentIdOf(r) == id);
    r.trainee += "x";
    CHECK(contentIdOf(r) != id);
}

TEST_CASE("unreadable replays are reported with their diagnostics; the others are indexed") {
    Scratch s;
    const fs::path replays = playSmallClass(s);
    std::ofstream(replays / "broken.yaml") << "version: 1\nturns: [\n";
    std::ofstream(replays / "unknown.yaml") << "version: 1\nscenario: no_such_scenario\n";
    auto st = openOrFail(s.dir / "store.sqlite");
    Indexer ix({}, "");
    const ImportResult r = st->importDir(replays, ix);
    CHECK(r.indexed == 24);
    REQUIRE(r.unreadable.size() == 2);
    for (const auto& [file, diags] : r.unreadable) {
        CHECK(hasErrors(diags));
        CHECK(diags.front().file == file.string());
    }
}

TEST_CASE("migrations: an older store is brought up to date, a newer or foreign one refused") {
    Scratch s;
    const fs::path file = s.dir / "old.sqlite";
    {
        // A version-1 store, as the first release wrote it: no sync table.
        SQLite::Database db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec(
            "CREATE TABLE schema_version (version INTEGER NOT NULL);"
            "INSERT INTO schema_version VALUES (1);"
            "CREATE TABLE attempts (content_id TEXT PRIMARY KEY, trainee TEXT NOT NULL,"
            " site TEXT NOT NULL, scenario_id TEXT NOT NULL, scenario_hash TEXT NOT NULL,"
            " mode TEXT NOT NULL, started TEXT NOT NULL, finished TEXT NOT NULL,"
            " ending TEXT NOT NULL, ending_kind TEXT NOT NULL, complete INTEGER NOT NULL,"
            " score INTEGER NOT NULL, grade TEXT NOT NULL, competencies TEXT NOT NULL,"
            " criticals TEXT NOT NULL, rewinds INTEGER NOT NULL, signature TEXT NOT NULL,"
            " replay_path TEXT NOT NULL);"
            "INSERT INTO attempts VALUES ('abc','Li Wei','N','s','h','practice',"
            "'2026-01-01T00:00:00Z','2026-01-01T00:05:00Z','fixed','won',1,80,'B','{}','[]',"
            "0,'unsigned','/x.yaml');");
    }
    {
        auto st = openOrFail(file);
        CHECK(st->schemaVersion() == kSchemaVersion);
        REQUIRE(st->list({}).size() == 1);  // nothing lost
        CHECK(st->unsynced("t").size() == 1);
        st->markSynced("t", {"abc"});
        CHECK(st->unsynced("t").empty());
    }
    {
        SQLite::Database db(file.string(), SQLite::OPEN_READWRITE);
        db.exec("UPDATE schema_version SET version = 99");
    }
    std::string error;
    CHECK_FALSE(LocalStore::open(file, error));
    CHECK(error.find("99") != std::string::npos);
    const fs::path junk = s.dir / "junk.sqlite";
    std::ofstream(junk) << std::string(4096, 'x');
    error.clear();
    CHECK_FALSE(LocalStore::open(junk, error));
    CHECK(!error.empty());
}

TEST_CASE("dashboard figures: heatmap, first/latest/best, frequent mistakes, filters") {
    Scratch s;
    const fs::path replays = playSmallClass(s);
    auto st = openOrFail(s.dir / "store.sqlite");
    Indexer ix({}, "North");
    st->importDir(replays, ix);
    const auto all = st->list({});
    const Dashboard d = summarize(all, {});
    CHECK(d.trainees.size() == 4);
    CHECK(d.scenarios.size() == 3);
    REQUIRE(d.heat.size() == 4);
    for (const auto& row : d.heat)
        for (double v : row) CHECK((v == -1.0 || (v >= 0.0 && v <= 1.0)));
    for (const auto& t : d.trainees)
        for (const auto& sc : d.scenarios) {
            const Progress* p = d.at(t, sc);
            REQUIRE(p);
            CHECK(p->runs == 2);
            CHECK(p->best >= p->first);
            CHECK(p->best >= p->latest);
            CHECK(d.rows[p->firstRow].started <= d.rows[p->latestRow].started);
            CHECK(d.rows[p->bestRow].score == p->best);
        }
    int criticals = 0;
    for (const AttemptRow& r : all) criticals += static_cast<int>(r.criticals.size());
    int counted = 0;
    for (std::size_t i = 0; i < d.mistakes.size(); ++i) {
        counted += d.mistakes[i].count;
        if (i > 0) CHECK(d.mistakes[i - 1].count >= d.mistakes[i].count);
    }
    CHECK(counted <= criticals);
    Filter f;
    f.mode = "practice";
    const Dashboard p = summarize(all, f);
    CHECK(p.rows.size() == 12);
    for (const auto& [k, prog] : p.progress) CHECK(prog.runs == 1);
}

TEST_CASE("a connection string's password never shows") {
    CHECK(maskedUrl("postgresql://alice:s3cret@db.example:5432/defuse") ==
          "postgresql://alice:***@db.example:5432/defuse");
    CHECK(maskedUrl("postgresql://db.example/defuse?user=a&password=pw9") ==
          "postgresql://db.example/defuse?user=a&password=***");
    CHECK(maskSecret("FATAL: password s3cret rejected", "postgresql://a:s3cret@h/d") ==
          "FATAL: password *** rejected");
    CHECK(maskedUrl("postgresql://h/d") == "postgresql://h/d");
}
