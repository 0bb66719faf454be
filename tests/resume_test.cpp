// Taking up an interrupted run: the break is recorded, the run goes on to the same score as
// one played in one go, and finished or closed-out runs are never written over.
#include "defuse/resume.hpp"

#include <unistd.h>

#include <fstream>

#include "defuse/replay.hpp"
#include "test_support.hpp"

using namespace defuse;

namespace {

fs::path freshDir(const std::string& name) {
    fs::path d =
        fs::temp_directory_path() / ("defuse-resume-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

std::shared_ptr<const Replay> load(const fs::path& file) {
    auto r = loadReplay(file);
    INFO(joinDiagnostics(r.diagnostics));
    REQUIRE(r.ok());
    return r.value;
}

AttemptOptions assessment() {
    AttemptOptions o;
    o.seed = 5;
    o.mode = Mode::Assessment;
    return o;
}

}  // namespace

TEST_CASE("a resumed run records its break and scores as one played in one go", "[resume]") {
    fs::path dir = freshDir("gap");
    fs::path file = dir / "li.yaml";
    {
        Attempt a(loadFixture(), assessment());
        REQUIRE(a.record(file, "Li Ming"));
        REQUIRE(a.chooseId("own", 3.5));
    }                                             // the program stops here
    fs::path stale = dir / ".li.yaml.tmp123456";  // a write killed half-way
    std::ofstream(stale) << "half";
    auto stopped = load(file);
    CHECK(runState(*stopped) == RunState::InProgress);
    Resumption res = resumeRun(*stopped, file, {});
    INFO(joinDiagnostics(res.diagnostics));
    REQUIRE(res.ok());
    CHECK_FALSE(fs::exists(stale));
    REQUIRE(res.attempt->chooseId("hear", 4));
    REQUIRE(res.attempt->chooseId("agree", 2));
    REQUIRE(res.attempt->finished());

    auto done = load(file);
    CHECK(done->trainee == "Li Ming");
    CHECK(done->started == stopped->started);
    REQUIRE(done->resumed.size() == 1);
    CHECK(done->resumed[0].afterTurn == 1);
    CHECK_FALSE(done->resumed[0].stopped.empty());
    CHECK_FALSE(done->resumed[0].resumed.empty());
    CHECK(runState(*done) == RunState::Finished);

    Attempt whole(loadFixture(), assessment());
    REQUIRE(whole.chooseId("own", 3.5));
    REQUIRE(whole.chooseId("hear", 4));
    REQUIRE(whole.chooseId("agree", 2));
    Rescored again = rescore(*done, {});
    REQUIRE(again.ok());
    CHECK(again.report.total == whole.score().total);
    CHECK(again.report.endingId == whole.score().endingId);
    // Loaded and written back, the replay is the same text.
    CHECK(replayText(*done) == readFile(file, nullptr).value_or(""));
    fs::remove_all(dir);
}

TEST_CASE("a finished or closed-out run is never written over", "[resume]") {
    fs::path dir = freshDir("refuse");
    fs::path file = dir / "done.yaml";
    {
        Attempt a(loadFixture(), assessment());
        REQUIRE(a.record(file, "t"));
        REQUIRE(a.chooseId("own", 1));
        REQUIRE(a.chooseId("hear", 1));
        REQUIRE(a.chooseId("agree", 1));
    }
    std::string before = readFile(file, nullptr).value_or("");
    auto done = load(file);
    CHECK(resumeRun(*done, file, {}).problem == ResumeProblem::Finished);
    CHECK_FALSE(abandonRun(*done, file));
    CHECK(readFile(file, nullptr).value_or("") == before);

    fs::path open = dir / "open.yaml";
    {
        Attempt a(loadFixture(), assessment());
        REQUIRE(a.record(open, "t"));
        REQUIRE(a.chooseId("own", 1));
    }
    REQUIRE(abandonRun(*load(open), open));
    auto closed = load(open);
    CHECK(runState(*closed) == RunState::Abandoned);
    CHECK_FALSE(closed->abandoned.empty());
    CHECK(resumeRun(*closed, open, {}).problem == ResumeProblem::Abandoned);
    CHECK_FALSE(abandonRun(*closed, open));
    fs::remove_all(dir);
}

TEST_CASE("a run whose scenario changed is not continued against the new version", "[resume]") {
    fs::path dir = freshDir("changed");
    fs::create_directories(dir / "archetypes");
    fs::copy_file(fixture("scenarios/feature.yaml"), dir / "feature.yaml");
    fs::copy_file(fixture("scenarios/archetypes/tester.yaml"), dir / "archetypes/tester.yaml");
    fs::path file = dir / "r.yaml";
    {
        auto sc = loadScenario(dir / "feature.yaml");
        REQUIRE(sc.ok());
        Attempt a(sc.value, assessment());
        REQUIRE(a.record(file, "t"));
        REQUIRE(a.chooseId("own", 1));
    }
    std::ofstream(dir / "feature.yaml", std::ios::app) << "\n# edited\n";
    std::string before = readFile(file, nullptr).value_or("");
    CHECK(resumeRun(*load(file), file, {}).problem == ResumeProblem::ScenarioChanged);
    CHECK(readFile(file, nullptr).value_or("") == before);
    fs::remove_all(dir);
}

TEST_CASE("unfinished runs are found in a folder", "[resume]") {
    fs::path dir = freshDir("find");
    {
        Attempt a(loadFixture(), assessment());
        REQUIRE(a.record(dir / "a.yaml", "t"));
        REQUIRE(a.chooseId("own", 1));
        Attempt b(loadFixture(), assessment());
        REQUIRE(b.record(dir / "b.yaml", "t"));
        for (const char* id : {"own", "hear", "agree"}) REQUIRE(b.chooseId(id, 1));
    }
    std::ofstream(dir / "notes.yaml") << "kind: scenario\n";
    auto found = findUnfinished({dir});
    REQUIRE(found.size() == 1);
    CHECK(found[0].path.filename() == "a.yaml");
    CHECK(found[0].replay->turns.size() == 1);
    CHECK_FALSE(found[0].lastSaved.empty());
    fs::remove_all(dir);
}
