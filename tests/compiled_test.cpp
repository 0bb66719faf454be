// [compiled] The compiled form gives exactly the runs, moods, routes and scores of Attempt and
// scoreRun: on every recorded path, on random runs of every bundled scenario, timed and
// untimed, in both languages, and on generated scenarios with loops.
#include "defuse/compiled.hpp"

#include <algorithm>

#include "defuse/attempt.hpp"
#include "defuse/replay.hpp"
#include "story_gen.hpp"
#include "test_support.hpp"

using namespace defuse;

namespace {

/// Re-plays `a`'s turns on the compiled form and checks every turn and the score.
void sameAsAttempt(const Attempt& a, bool scoreToo = true) {
    const CompiledScenario cs(a.scenarioPtr());
    const bool timed = a.options().timed;
    RunState s = cs.start(a.start());
    std::vector<int> shown;
    for (std::size_t i = 0; i < a.turns().size(); ++i) {
        const Turn& t = a.turns()[i];
        INFO("turn " << i + 1 << " at " << t.node);
        REQUIRE_FALSE(s.finished());
        REQUIRE(cs.nodeId(s.at) == t.node);
        CHECK(s.mood == t.before);
        cs.offered(s, a.options().seed, shown);
        std::vector<std::string> ids;
        for (int x : shown) ids.push_back(cs.answerId(s.at, x));
        CHECK(ids == t.shown);
        const CompiledTurn ct =
            cs.play(s, cs.answerIndex(s.at, t.picked), t.seconds, t.allowance, timed);
        REQUIRE(ct.after == t.after);
        CHECK(ct.redirect == t.redirect);
        if (s.finished()) {
            const Ending* e = cs.endingAt(s);
            REQUIRE(e != nullptr);
            CHECK(e->id == t.next);
        } else {
            CHECK(cs.nodeId(s.at) == t.next);
        }
    }
    CHECK(s.finished() == a.finished());
    if (!scoreToo) return;
    const ScoreReport& r = a.score();
    CHECK(cs.score(s, timed) == r.total);
    CHECK(s.critical == !r.criticals.empty());
    CHECK(s.peakAnger == r.peakAnger);
}

/// Random runs of a scenario, with random thinking times.
void randomRuns(const std::shared_ptr<const Scenario>& sc, int runs, int maxTurns,
                const AttemptStart& start = {}) {
    for (int run = 0; run < runs; ++run) {
        AttemptOptions o;
        o.seed = 1000 + static_cast<std::uint64_t>(run);
        o.mode = run % 3 == 0 ? Mode::Assessment : Mode::Practice;
        o.timed = run % 2 == 0;
        o.lang = run % 4 < 2 ? "en" : "zh";
        Attempt a(sc, o, start);
        std::uint64_t r = o.seed;
        while (!a.finished() && static_cast<int>(a.turns().size()) < maxTurns) {
            auto n = a.choices().size();
            if (n == 0) break;
            r = splitmix64(r);
            double seconds = static_cast<double>(r % 40000) / 1000.0;
            REQUIRE(a.choose(static_cast<std::size_t>((r >> 20) % n), seconds));
        }
        INFO(sc->id << " seed " << o.seed << " lang " << o.lang << " timed " << o.timed);
        // scoreRun reads no history before a test run's own turns, while its moods do: with
        // earlier answers only the moods and routes are compared.
        sameAsAttempt(a, start.earlier.empty());
    }
}

}  // namespace

TEST_CASE("the compiled form re-plays every recorded path to the same moods and score",
          "[compiled]") {
    int checked = 0;
    for (const auto& entry : fs::directory_iterator(fixture("paths"))) {
        if (entry.path().extension() != ".yaml") continue;
        auto replay = loadReplay(entry.path());
        INFO(entry.path().string() << "\n" << joinDiagnostics(replay.diagnostics));
        REQUIRE(replay.ok());
        Rescored rs = rescore(*replay.value, {DEFUSE_SCENARIO_DIR});
        INFO(joinDiagnostics(rs.diagnostics));
        REQUIRE(rs.ok());
        REQUIRE(rs.attempt->turns().size() == replay.value->turns.size());
        sameAsAttempt(*rs.attempt);
        CHECK(rs.report.total == rs.attempt->score().total);
        ++checked;
    }
    CHECK(checked >= 26);
}

TEST_CASE("the compiled form plays random runs of every bundled scenario as Attempt does",
          "[compiled]") {
    int scenarios = 0;
    for (const auto& f : loadLibrary(DEFUSE_SCENARIO_DIR)) {
        if (!f.scenario) continue;
        randomRuns(f.scenario, 24, 200);
        ++scenarios;
    }
    CHECK(scenarios >= 13);
}

TEST_CASE("the compiled form plays generated stories with loops and merges as Attempt does",
          "[compiled]") {
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        story::Shape shape;
        shape.seed = seed;
        shape.nodes = 3 + static_cast<int>(seed % 8);
        shape.loops = seed % 2 == 0;
        shape.timed = seed % 3 != 0;
        auto r = loadScenarioText(story::generate(shape), "gen.yaml", {fixture("scenarios")});
        INFO(joinDiagnostics(r.diagnostics));
        REQUIRE(r.ok());
        randomRuns(r.value, 12, 120);
    }
}

TEST_CASE("the compiled form plays test runs started elsewhere as Attempt does", "[compiled]") {
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        story::Shape shape;
        shape.seed = seed;
        shape.nodes = 7;
        shape.loops = seed % 2 == 1;
        auto r = loadScenarioText(story::generate(shape), "gen.yaml", {fixture("scenarios")});
        REQUIRE(r.ok());
        AttemptStart start;
        start.node = "n" + std::to_string(1 + seed % 5);
        Mood m;
        m.set(Dim::Anger, 30 + static_cast<int>(seed * 7 % 60));
        start.mood = m;
        INFO("from " << start.node);
        randomRuns(r.value, 12, 60, start);
        Turn earlier;
        earlier.node = "n0";
        earlier.picked = "a0_0";
        start.earlier.push_back(earlier);
        randomRuns(r.value, 12, 60, start);
    }
}
