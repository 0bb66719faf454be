// [workbench] A test run started after earlier answers tells its story with them, and a run
// moves onto a new version of its scenario (live reload) with its answers re-played, its
// replay taken up, and an answer that is gone said.
#include "defuse/workbench.hpp"

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "defuse/graph.hpp"
#include "defuse/library.hpp"
#include "defuse/loader.hpp"
#include "defuse/replay.hpp"
#include "test_support.hpp"

using namespace defuse;

namespace {

std::string bench() {
    std::ifstream in(fixture("workbench/bench.yaml"));
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::shared_ptr<const Scenario> load(const std::string& text) {
    auto r = loadScenarioText(text, "bench.yaml", {fixture("workbench")});
    INFO(joinDiagnostics(r.diagnostics));
    REQUIRE(r.ok());
    return r.value;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("a test run after earlier answers says the lines they lead to", "[workbench]") {
    const auto sc = load(bench());
    StartRequest req;
    req.from = "mid";
    req.after = {"poke"};
    const StartResult made = makeStart(*sc, req);
    REQUIRE(made.start);
    Attempt a(sc, AttemptOptions{}, *made.start);
    // The variant for runs that picked 'poke', before and after the turn is answered.
    CHECK(a.customerLine() == "You blamed me! The manager, now!");
    REQUIRE(a.chooseId("fetch", 0));
    const auto lines = a.transcript();
    REQUIRE_FALSE(lines.empty());
    CHECK(lines.front().text == "You blamed me! The manager, now!");
    // Without the earlier answer, the plain line.
    req.after.clear();
    const StartResult plain = makeStart(*sc, req);
    REQUIRE(plain.start);
    Attempt b(sc, AttemptOptions{}, *plain.start);
    REQUIRE(b.chooseId("fetch", 0));
    CHECK(b.transcript().front().text == "I said the manager!");
}

TEST_CASE("a run moves onto a new version of its scenario", "[workbench]") {
    const std::string text = bench();
    const auto v1 = load(text);
    const auto dir = fs::temp_directory_path() / ("defuse-move-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    Attempt run(v1, AttemptOptions{});
    REQUIRE(run.record(dir / "run.yaml", "Ann"));
    REQUIRE(run.chooseId("poke", 3));
    REQUIRE(run.chooseId("sorry", 4));

    SECTION("a good edit: every answer re-played, the replay taken up") {
        const auto v2 = load(replaced(text, "So?", "Well?"));
        MovedRun moved = moveToVersion(run, v2);
        REQUIRE(moved.attempt);
        CHECK(moved.replayed == 2);
        CHECK(moved.goneAnswer.empty());
        CHECK(moved.recording);
        CHECK(moved.attempt->turns().size() == 2);
        CHECK(moved.attempt->mood() == run.mood());
        CHECK(moved.attempt->customerLine() == "Well?");
        CHECK(moved.attempt->started() == run.started());
        REQUIRE(moved.attempt->chooseId("fix", 1));
        const auto r = loadReplay(dir / "run.yaml");
        REQUIRE(r.ok());
        CHECK(r.value->trainee == "Ann");
        CHECK(r.value->turns.size() == 3);
        CHECK(r.value->scenarioHash == v2->hash);
    }
    SECTION("an answer removed: the re-play stops before it, and says which") {
        std::string cut = text;
        const auto at = cut.find("      - id: sorry");
        const auto end = cut.find("      - id: push");
        REQUIRE(at != std::string::npos);
        cut.erase(at, end - at);
        MovedRun moved = moveToVersion(run, load(cut));
        REQUIRE(moved.attempt);
        CHECK(moved.replayed == 1);
        CHECK(moved.goneAnswer == "sorry");
        CHECK(moved.goneTurn == 2);
        CHECK(moved.attempt->turns().size() == 1);
        CHECK(moved.attempt->node()->id == "mid");
        const auto r = loadReplay(dir / "run.yaml");
        REQUIRE(r.ok());
        CHECK(r.value->turns.size() == 1);
    }
    SECTION("a replay that cannot be written: the new version does not take it up") {
        fs::remove(dir / "run.yaml");
        fs::create_directory(dir / "run.yaml");  // a folder in its place: no write can work
        const auto v2 = load(replaced(text, "So?", "Well?"));
        MovedRun moved = moveToVersion(run, v2);
        REQUIRE(moved.attempt);
        CHECK(moved.replayed == 2);
        CHECK_FALSE(moved.recording);  // the desktop keeps the old version on (live_reload.cpp)
        CHECK_FALSE(moved.attempt->saveState().saved);
        CHECK_FALSE(moved.attempt->saveState().error.empty());
    }
    fs::remove_all(dir);
}

TEST_CASE("the graph colours an answer by what it does to anger in the runs that take it",
          "[workbench]") {
    const auto sc = load(bench());
    const GraphLayout g = layoutGraph(*sc);
    auto edge = [&](const std::string& answer) {
        const auto it = std::find_if(g.edges.begin(), g.edges.end(),
                                     [&](const GraphEdge& e) { return e.answer == answer; });
        REQUIRE(it != g.edges.end());
        return *it;
    };
    for (const GraphEdge& e : g.edges) {
        INFO(e.answer);
        CHECK(e.runs > 0);  // every answer is on some run
    }
    CHECK(edge("poke").anger == 20);
    CHECK(edge("poke").effect == AngerEffect::Angers);
    // 'fetch' at mid comes after the customer's second demand for the manager: the order rule
    // adds -20 to its own -5 in every run (alone, from the start mood, it would be -5).
    CHECK(edge("fetch").anger == -25);
    CHECK(edge("fetch").effect == AngerEffect::Calms);
    CHECK(edge("fix").effect == AngerEffect::Neutral);
}

TEST_CASE("a library entry takes the new version of its file", "[workbench]") {
    const auto dir = fs::temp_directory_path() / ("defuse-lib-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "archetypes");
    fs::copy_file(fixture("workbench/archetypes/benchy.yaml"), dir / "archetypes/benchy.yaml");
    fs::copy_file(fixture("workbench/bench.yaml"), dir / "bench.yaml");
    Library lib;
    REQUIRE(lib.addFolder(dir));
    const std::size_t count = lib.entries().size();
    const auto v2 = load(replaced(bench(), "So?", "Well?"));
    CHECK(lib.replace(dir / "." / "bench.yaml", v2));  // the same file by another path
    const LibraryEntry* e = lib.find(v2->id);
    REQUIRE(e != nullptr);
    CHECK(e->scenario == v2);
    CHECK(lib.entries().size() == count);
    CHECK_FALSE(lib.replace(dir / "other.yaml", v2));
    fs::remove_all(dir);
}
