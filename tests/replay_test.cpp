// [replay] Recording a run and recomputing it; a stored score is never trusted.
#include "defuse/replay.hpp"

#include <unistd.h>

#include <fstream>

#include "defuse/files.hpp"
#include "test_support.hpp"

using namespace defuse;

namespace {
fs::path tempDir() {
    fs::path d = fs::temp_directory_path() / ("defuse-test-" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
}
}  // namespace

TEST_CASE("a replay round trip recomputes the same score", "[replay]") {
    fs::path file = tempDir() / "round.yaml";
    AttemptOptions o;
    o.seed = 1234;
    o.lang = "zh";
    Attempt s(loadFixture(), o);
    ReplayWriter w(file, "李明", nowIso8601());
    REQUIRE(w.write(s));
    for (const char* id : {"own", "hear", "agree"}) {
        REQUIRE(s.chooseId(id, 4.3219));
        REQUIRE(w.write(s));
    }
    auto loaded = loadReplay(file);
    INFO(joinDiagnostics(loaded.diagnostics));
    REQUIRE(loaded.ok());
    const Replay& r = *loaded.value;
    CHECK(r.trainee == "李明");
    CHECK(r.seed == 1234);
    CHECK(r.lang == "zh");
    CHECK(r.scenarioId == "feature-test");
    CHECK(r.ending == "fixed");
    CHECK_FALSE(r.finished.empty());
    REQUIRE(r.turns.size() == 3);
    CHECK(r.turns[0].seconds == 4.322);
    CHECK(r.turns[2].after == s.turns()[2].after);

    Rescored again = rescore(r, {});
    INFO(joinDiagnostics(again.diagnostics));
    REQUIRE(again.ok());
    CHECK(again.diagnostics.empty());
    const ScoreReport& live = s.score();
    CHECK(again.report.total == live.total);
    CHECK(again.report.lines.size() == live.lines.size());
    for (std::size_t i = 0; i < live.lines.size(); ++i)
        CHECK(again.report.lines[i].what == live.lines[i].what);

    Rescored inMemory = rescoreWith(r, loadFixture());  // against a scenario already in memory
    REQUIRE(inMemory.ok());
    CHECK(inMemory.diagnostics.empty());
    CHECK(inMemory.report.total == live.total);
}

TEST_CASE("a changed scenario gets a warning; a tampered answer an error", "[replay]") {
    fs::path dir = tempDir();
    fs::path scenario = dir / "feature.yaml";
    fs::create_directories(dir / "archetypes");
    fs::copy_file(fixture("scenarios/feature.yaml"), scenario,
                  fs::copy_options::overwrite_existing);
    fs::copy_file(fixture("scenarios/archetypes/tester.yaml"), dir / "archetypes/tester.yaml",
                  fs::copy_options::overwrite_existing);
    auto sc = loadScenario(scenario);
    REQUIRE(sc.ok());
    Attempt s(sc.value, AttemptOptions{});
    REQUIRE(s.chooseId("own", 0));
    std::string text = replayText(s, "t", "2026-01-01T00:00:00Z", "", dir);
    CHECK(text.find("file: feature.yaml") != std::string::npos);

    std::ofstream(scenario, std::ios::app) << "\n# edited after the run\n";
    auto r = loadReplayText(text, (dir / "r.yaml").string());
    REQUIRE(r.ok());
    Rescored changed = rescore(*r.value, {});
    REQUIRE(changed.ok());
    CHECK(joinDiagnostics(changed.diagnostics).find("has changed since this replay was recorded") !=
          std::string::npos);

    std::string tampered = text;
    tampered.replace(tampered.find("picked: own"), 11, "picked: zzz");
    auto t = loadReplayText(tampered, (dir / "t.yaml").string());
    REQUIRE(t.ok());
    Rescored bad = rescore(*t.value, {});
    CHECK(joinDiagnostics(bad.diagnostics)
              .find("turn 1: answer 'zzz' is not on offer at node 'opening'") != std::string::npos);
}

TEST_CASE("a stored score or ending in a replay is never trusted", "[replay]") {
    Attempt s(loadFixture(), AttemptOptions{});
    REQUIRE(s.chooseId("blame", 0));
    std::string text = replayText(s, "t", "x", "", fixture("scenarios"));
    text.insert(text.find("turns:"), "ending: fixed\nscore: 100\n");
    auto r = loadReplayText(text, fixture("scenarios/r.yaml").string());
    REQUIRE(r.ok());
    CHECK(joinDiagnostics(r.diagnostics).find("warning: unknown key 'score'") != std::string::npos);
    Rescored again = rescore(*r.value, {});
    REQUIRE(again.ok());
    CHECK_FALSE(again.report.finished);
    CHECK(again.report.total < 30);
}

TEST_CASE("an unfinished replay is scored as it stands", "[replay]") {
    Attempt s(loadFixture(), AttemptOptions{});
    REQUIRE(s.chooseId("own", 0));
    std::string text = replayText(s, "t", "x", "", fixture("scenarios"));
    auto r = loadReplayText(text, fixture("scenarios/partial.yaml").string());
    REQUIRE(r.ok());
    CHECK(r.value->finished.empty());
    Rescored p = rescore(*r.value, {});
    REQUIRE(p.ok());
    CHECK_FALSE(p.report.finished);
    CHECK(
        joinDiagnostics(p.diagnostics).find("did not reach an ending (interrupted after 1 turn)") !=
        std::string::npos);
}

// Atomic writes on a full disk and in a read-only folder: files_test.cpp.

TEST_CASE("every recorded path re-plays to a byte-identical replay with the same score",
          "[replay][paths]") {
    int files = 0;
    for (const auto& entry : fs::directory_iterator(fixture("paths"))) {
        if (entry.path().extension() != ".yaml") continue;
        ++files;
        INFO(entry.path().string());
        auto loaded = loadReplay(entry.path());
        REQUIRE(loaded.ok());
        const Replay& r = *loaded.value;
        Rescored again = rescore(r, {});
        INFO(joinDiagnostics(again.diagnostics));
        REQUIRE(again.ok());
        CHECK_FALSE(hasErrors(again.diagnostics));
        AttemptOptions o;
        o.seed = r.seed;
        o.mode = r.mode;
        o.lang = r.lang;
        o.timed = r.timed;
        Attempt replayed(again.scenario, o, r.turns);
        CHECK(replayed.turns().size() == r.turns.size());
        CHECK(replayed.score().total == again.report.total);
        std::string text =
            replayText(replayed, r.trainee, r.started, r.finished, entry.path().parent_path());
        std::string original = readFile(entry.path(), nullptr).value_or("");
        CHECK(text == original);
    }
    REQUIRE(files >= 16);  // a best and a worst path for each of the eight bundled scenarios
}
