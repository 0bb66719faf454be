// [replay][trust] A replay cannot choose what it is scored against or hide what it claims: the
// trainer's library is searched by id before the replay's own file, and what the replay says
// about itself (hash, ending, finished, length) is checked. Each input is made by the test.
#include <fstream>

#include "defuse/attempt.hpp"
#include "defuse/replay.hpp"
#include "test_support.hpp"

using namespace defuse;

namespace {

fs::path freshDir(const std::string& name) {
    fs::path d = fs::temp_directory_path() / ("defuse-trust-" + name);
    fs::remove_all(d);
    fs::create_directories(d / "archetypes");
    fs::copy_file(fixture("scenarios/archetypes/tester.yaml"), d / "archetypes/tester.yaml");
    return d;
}

std::string slurp(const fs::path& p) {
    auto t = readFile(p, nullptr);
    REQUIRE(t);
    return *t;
}

// A finished run of the fixture (own, hear, agree), as replay text relative to `dir`.
std::string finishedRun(const std::shared_ptr<const Scenario>& sc, const fs::path& dir) {
    Attempt a(sc, AttemptOptions{});
    REQUIRE(a.chooseId("own", 0));
    REQUIRE(a.chooseId("hear", 0));
    REQUIRE(a.chooseId("agree", 0));
    REQUIRE(a.finished());
    return replayText(a, "t", "2026-01-01T00:00:00Z", "2026-01-01T00:05:00Z", dir);
}

Rescored rescoreText(const std::string& text, const fs::path& file,
                     const std::vector<fs::path>& dirs) {
    auto r = loadReplayText(text, file.string());
    INFO(joinDiagnostics(r.diagnostics));
    REQUIRE(r.ok());
    return rescore(*r.value, dirs);
}

bool has(const std::vector<Diagnostic>& ds, const std::string& text) {
    return joinDiagnostics(ds).find(text) != std::string::npos;
}

}  // namespace

TEST_CASE("the library given decides the scenario, not the replay's own file", "[replay][trust]") {
    fs::path lib = freshDir("lib"), own = freshDir("own");
    fs::copy_file(fixture("scenarios/feature.yaml"), lib / "feature.yaml");
    // A doctored copy beside the replay: same id, every ending worth 100.
    std::string doctored = slurp(fixture("scenarios/feature.yaml"));
    doctored += "\n# doctored\n";
    for (std::size_t at = 0; (at = doctored.find("kind: escalated", at)) != std::string::npos;)
        doctored.replace(at, 15, "kind: resolved");
    std::ofstream(own / "feature.yaml") << doctored;
    auto doctoredSc = loadScenario(own / "feature.yaml");
    REQUIRE(doctoredSc.ok());
    std::string text = finishedRun(doctoredSc.value, own);
    REQUIRE(text.find("file: feature.yaml") != std::string::npos);

    Rescored official = rescoreText(text, own / "r.yaml", {lib});
    REQUIRE(official.ok());
    CHECK(official.scenario->file == (lib / "feature.yaml").string());
    CHECK(has(official.diagnostics, "has changed since this replay was recorded"));

    Rescored hinted = rescoreText(text, own / "r.yaml", {freshDir("empty")});
    REQUIRE(hinted.ok());
    CHECK(has(hinted.diagnostics,
              "warning: no scenario with id 'feature-test' in the library given; scored against "
              "the replay's own file"));
}

TEST_CASE("a replay without a hash gets a warning naming the problem", "[replay][trust]") {
    fs::path dir = freshDir("hash");
    fs::copy_file(fixture("scenarios/feature.yaml"), dir / "feature.yaml");
    auto sc = loadScenario(dir / "feature.yaml");
    REQUIRE(sc.ok());
    std::string text = finishedRun(sc.value, dir);
    auto at = text.find("hash: ");
    REQUIRE(at != std::string::npos);
    // Empty, or the line gone.
    for (const std::string& replacement : {std::string("hash: \"\""), std::string("\n")}) {
        std::string t = text;
        t.replace(at, t.find('\n', at) - at + (replacement == "\n" ? 1 : 0),
                  replacement == "\n" ? "" : replacement);
        Rescored r = rescoreText(t, dir / "r.yaml", {dir});
        REQUIRE(r.ok());
        CHECK(has(r.diagnostics,
                  "warning: the replay does not record which version of scenario "
                  "'feature-test' it was played against (no hash)"));
    }
}

TEST_CASE("a recorded ending or 'finished' the re-play does not reach is a warning",
          "[replay][trust]") {
    fs::path dir = freshDir("ending");
    fs::copy_file(fixture("scenarios/feature.yaml"), dir / "feature.yaml");
    auto sc = loadScenario(dir / "feature.yaml");
    REQUIRE(sc.ok());
    std::string text = finishedRun(sc.value, dir);
    std::string other = text;
    other.replace(other.find("ending: fixed"), 13, "ending: walked");
    Rescored r = rescoreText(other, dir / "r.yaml", {dir});
    REQUIRE(r.ok());
    CHECK(has(r.diagnostics,
              "warning: the replay records the ending 'walked', but re-playing its "
              "answers ends at 'fixed'; the re-play counts"));

    // Cut short after the first turn but still claiming to be finished.
    std::string cut = text;
    auto second = cut.find("  - node:", cut.find("  - node:") + 1);
    cut.erase(second, cut.find("\n", cut.rfind("mood_after")) + 1 - second);
    Rescored c = rescoreText(cut, dir / "c.yaml", {dir});
    REQUIRE(c.ok());
    CHECK(has(c.diagnostics,
              "warning: the replay says the run finished, but re-playing its "
              "answers does not reach an ending"));
    CHECK_FALSE(c.report.finished);
}

TEST_CASE("a replay holds at most kMaxReplayTurns turns", "[replay][trust][bounds]") {
    std::string text =
        "defuse_replay: 1\nscenario: {id: feature-test, file: feature.yaml, hash: x}\n"
        "mode: practice\nseed: 1\nturns:\n";
    for (int i = 0; i <= kMaxReplayTurns; ++i)
        text += "  - {node: opening, shown: [own], picked: own, seconds: 1}\n";
    auto r = loadReplayText(text, "long.yaml");
    CHECK_FALSE(r.ok());
    CHECK(joinDiagnostics(r.diagnostics) ==
          "long.yaml:6:3: error: turns holds 10001 turns; a replay may hold at most 10000\n");
}

TEST_CASE("a live run stops at kMaxReplayTurns with a replay that loads",
          "[replay][trust][bounds]") {
    // A customer who never leaves and a node that loops: a run that could go on for ever.
    fs::path dir = freshDir("cap");
    std::ofstream(dir / "calm.yaml")
        << "kind: archetype\nid: calm\nname: Calm\nmood: {anger: 50, trust: 50, patience: 50}\n"
           "patience: {grace_seconds: 100, drain_per_second: 0, per_turn: 0}\n"
           "thresholds: {escalate_anger: 101, walk_out_patience: -1}\n"
           "reactions:\n  listening: {anger: -1}\n";
    std::ofstream(dir / "loop.yaml")
        << "kind: scenario\nid: loop\ntitle: Loop\nbriefing: B\ncustomer: {archetype: calm.yaml}\n"
           "nodes:\n  loop:\n    say: Again\n    answers:\n"
           "      - {id: stay, text: Stay, tags: [listening], next: loop, note: N}\n"
           "      - {id: leave, text: Leave, tags: [listening], next: done, note: N}\n"
           "endings:\n  done: {kind: resolved, title: D, say: Bye}\n";
    auto sc = loadScenario(dir / "loop.yaml");
    INFO(joinDiagnostics(sc.diagnostics));
    REQUIRE(sc.ok());
    AttemptOptions o;
    o.timed = false;
    Attempt a(sc.value, o);
    for (int i = 1; i < kMaxReplayTurns; ++i) REQUIRE(a.chooseId("stay", 1));
    CHECK_FALSE(a.atTurnLimit());
    REQUIRE(a.record(dir / "run.yaml", "t"));  // written now and after the last answer
    REQUIRE(a.chooseId("stay", 1));
    CHECK(a.atTurnLimit());
    CHECK_FALSE(a.finished());
    // No answer past the cap: the replay on disk holds every answer played and still loads.
    CHECK_FALSE(a.chooseId("stay", 1));
    CHECK_FALSE(a.chooseId("leave", 1));
    CHECK_FALSE(a.choose(0, 1));
    CHECK(a.turns().size() == static_cast<std::size_t>(kMaxReplayTurns));
    CHECK(a.saveState().saved);
    CHECK(a.saveState().savedTurns == kMaxReplayTurns);
    auto r = loadReplay(dir / "run.yaml");
    INFO(joinDiagnostics(r.diagnostics));
    REQUIRE(r.ok());
    CHECK(r.value->turns.size() == static_cast<std::size_t>(kMaxReplayTurns));
    Rescored re = rescore(*r.value, {dir});
    REQUIRE(re.ok());
    CHECK_FALSE(re.report.finished);
    // Rewinds are capped the same way: taking back one answer frees a turn, and the
    // answers taken back stop at the cap too.
    CHECK(a.canRewind());
    REQUIRE(a.rewind());
    CHECK_FALSE(a.atTurnLimit());
    fs::remove_all(dir);
}
