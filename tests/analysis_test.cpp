// [analysis] The exact analysis over states equals the path walk (the old analysis, kept as
// the reference) wherever the walk can finish: bundled scenarios and generated stories with
// loops and merges, from the start and after a history. Every bundled scenario is exact.
#include "defuse/analysis.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "defuse/attempt.hpp"
#include "defuse/compiled.hpp"
#include "story_gen.hpp"
#include "test_support.hpp"

using namespace defuse;

namespace {

void sameAnalysis(const Analysis& exact, const Analysis& walked) {
    REQUIRE(walked.exhaustive);
    CHECK(exact.exact);
    CHECK_FALSE(exact.stateBoundHit);
    CHECK(exact.paths == walked.paths);
    CHECK(exact.best.score == walked.best.score);
    CHECK(exact.best.answers == walked.best.answers);
    CHECK(exact.best.shownNumbers == walked.best.shownNumbers);
    CHECK(exact.best.ending == walked.best.ending);
    CHECK(exact.worst.score == walked.worst.score);
    CHECK(exact.worst.answers == walked.worst.answers);
    CHECK(exact.worst.shownNumbers == walked.worst.shownNumbers);
    CHECK(exact.worst.ending == walked.worst.ending);
    REQUIRE(exact.endings.size() == walked.endings.size());
    for (std::size_t i = 0; i < exact.endings.size(); ++i) {
        INFO("ending " << walked.endings[i].ending);
        CHECK(exact.endings[i].ending == walked.endings[i].ending);
        CHECK(exact.endings[i].best == walked.endings[i].best);
        CHECK(exact.endings[i].worst == walked.endings[i].worst);
        CHECK(exact.endings[i].paths == walked.endings[i].paths);
    }
    std::map<std::string, const DecisiveNode*> a, b;
    for (const auto& d : exact.decisive) a[d.node] = &d;
    for (const auto& d : walked.decisive) b[d.node] = &d;
    REQUIRE(a.size() == b.size());
    for (const auto& [node, d] : b) {
        INFO("decisive node " << node);
        REQUIRE(a.count(node));
        CHECK(std::abs(a[node]->spread - d->spread) < 1e-9);
        CHECK(a[node]->bestAnswer == d->bestAnswer);
        CHECK(a[node]->worstAnswer == d->worstAnswer);
    }
    // Random play on the compiled form picks and scores exactly as Attempt does.
    CHECK(exact.histogram == walked.histogram);
    CHECK(exact.randomMean == walked.randomMean);
}

/// The score of a named run, re-played with Attempt by its shown numbers (analysis seed 1).
int replayedScore(const std::shared_ptr<const Scenario>& sc, const PathResult& p) {
    AttemptOptions o;
    o.seed = 1;
    o.mode = Mode::Assessment;
    Attempt a(sc, o);
    for (int n : p.shownNumbers) {
        if (a.finished() || n < 1) return -1;
        a.choose(static_cast<std::size_t>(n - 1), 0);
    }
    return a.score().total;
}

std::string choicesOf(const std::vector<int>& v) {
    std::string s;
    for (int x : v) s += (s.empty() ? "" : ",") + std::to_string(x);
    return s;
}

std::shared_ptr<const Scenario> generated(const story::Shape& shape) {
    auto r = loadScenarioText(story::generate(shape), "gen.yaml", {fixture("scenarios")});
    INFO(joinDiagnostics(r.diagnostics));
    REQUIRE(r.ok());
    return r.value;
}

Attempt assessment(const std::shared_ptr<const Scenario>& sc, std::uint64_t seed) {
    AttemptOptions o;
    o.seed = seed;
    o.mode = Mode::Assessment;
    return Attempt(sc, o);
}

}  // namespace

TEST_CASE("the exact analysis equals the path walk on every bundled scenario it can walk",
          "[analysis]") {
    int compared = 0, all = 0;
    for (const auto& f : loadLibrary(DEFUSE_SCENARIO_DIR)) {
        if (!f.scenario) continue;
        ++all;
        INFO(f.scenario->id);
        AnalysisOptions opt;
        opt.randomRuns = 200;
        const Analysis exact = analyze(f.scenario, opt);
        CHECK(exact.exact);
        CHECK(exact.exhaustive);
        CHECK(exact.states > 0);
        CHECK(exact.best.score >= exact.worst.score);
        opt.maxPaths = 25000;
        const Analysis walked = analyzeByWalking(assessment(f.scenario, opt.seed), opt);
        if (!walked.exhaustive) continue;  // the drill has 4^13 paths: the walk cannot finish
        sameAnalysis(exact, walked);
        ++compared;
    }
    CHECK(all >= 13);
    CHECK(compared >= 3);
}

TEST_CASE("the exact analysis equals the path walk on generated forward stories and DAGs",
          "[analysis]") {
    for (std::uint64_t seed = 1; seed <= 30; ++seed) {
        story::Shape shape;
        shape.seed = seed;
        shape.nodes = 4 + static_cast<int>(seed % 7);
        shape.maxAnswers = 2 + static_cast<int>(seed % 3);
        shape.timed = seed % 4 != 0;
        const auto sc = generated(shape);
        INFO("seed " << seed);
        AnalysisOptions opt;
        opt.seed = seed;
        opt.randomRuns = 100;
        sameAnalysis(analyze(sc, opt), analyzeByWalking(assessment(sc, seed), opt));
    }
}

TEST_CASE("the exact analysis equals the path walk on generated stories with loops", "[analysis]") {
    for (std::uint64_t seed = 1; seed <= 30; ++seed) {
        story::Shape shape;
        shape.seed = seed;
        shape.nodes = 3 + static_cast<int>(seed % 4);
        shape.loops = true;
        const auto sc = generated(shape);
        INFO("seed " << seed);
        AnalysisOptions opt;
        opt.seed = seed;
        opt.randomRuns = 100;
        opt.maxTurns = 7;  // runs cut at 7 answers: the walk stays small
        const Analysis exact = analyze(sc, opt);
        sameAnalysis(exact, analyzeByWalking(assessment(sc, seed), opt));
    }
}

TEST_CASE("the analysis after a history equals the path walk from it", "[analysis]") {
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
        story::Shape shape;
        shape.seed = seed;
        shape.nodes = 6;
        shape.loops = seed % 2 == 0;
        const auto sc = generated(shape);
        AttemptOptions o;
        o.seed = seed;
        o.mode = seed % 3 == 0 ? Mode::Assessment : Mode::Practice;
        o.timed = seed % 2 == 0;
        Attempt from(sc, o);
        for (int k = 0; k < 2 && !from.finished() && !from.choices().empty(); ++k)
            REQUIRE(from.choose(seed % from.choices().size(), 3.0 + 7.0 * k));
        INFO("seed " << seed << ", after " << from.turns().size() << " turns");
        AnalysisOptions opt;
        opt.seed = seed;
        opt.randomRuns = 60;
        opt.maxTurns = 8;
        const Analysis exact = analyze(from, opt);
        CHECK(exact.prefixTurns == static_cast<int>(from.turns().size()));
        sameAnalysis(exact, analyzeByWalking(from, opt));
        if (exact.paths > 0) {
            // The best path re-plays to its score.
            Attempt replay(sc, o);
            for (const auto& id : exact.best.answers) REQUIRE(replay.chooseId(id, 0));
        }
    }
}

TEST_CASE("a loop is a finite set of states, and a bound hit is said", "[analysis]") {
    auto r = loadScenarioText(story::ring(40, 3), "ring.yaml", {fixture("scenarios")});
    INFO(joinDiagnostics(r.diagnostics));
    REQUIRE(r.ok());
    const auto sc = r.value;
    AnalysisOptions opt;
    opt.randomRuns = 0;
    opt.maxTurns = 9;
    // Small enough to walk: the same answer.
    sameAnalysis(analyze(sc, opt), analyzeByWalking(assessment(sc, 1), opt));
    // 60 answers round a 40-node ring of 3 answers: 3^60 paths, never walked, all counted.
    opt.maxTurns = 60;
    const Analysis full = analyze(sc, opt);
    CHECK(full.exact);
    CHECK(full.pathsSaturated);
    CHECK(full.pathsApprox > 1e28);
    CHECK(full.best.score >= full.worst.score);
    CHECK(full.endings.size() == 2);  // "done" and the runs cut at 60 answers
    opt.maxStates = 50;
    opt.maxPaths = 1000;
    const Analysis cut = analyze(sc, opt);
    CHECK_FALSE(cut.exact);
    CHECK(cut.stateBoundHit);
    CHECK_FALSE(cut.exhaustive);
    // The ring's course does not depend on the mood: the paths are still counted.
    CHECK(cut.pathsCounted);
    CHECK(std::abs(cut.pathsApprox - full.pathsApprox) <= 1e-9 * full.pathsApprox);
    CHECK(cut.sampledRuns == 1000);
    CHECK(cut.searchWidth > 0);
    // Past the bound nothing is proven, but every run named is real and within the exact range.
    for (const PathResult* p : {&cut.best, &cut.worst}) {
        INFO("choices " << choicesOf(p->shownNumbers));
        CHECK(replayedScore(sc, *p) == p->score);
    }
    CHECK(cut.best.score <= full.best.score);
    CHECK(cut.worst.score >= full.worst.score);
    CHECK(cut.best.score > cut.worst.score);
    std::uint64_t sampled = 0;
    for (const auto& e : cut.endings) {
        sampled += e.paths;
        const auto it = std::find_if(full.endings.begin(), full.endings.end(),
                                     [&](const EndingRange& f) { return f.ending == e.ending; });
        REQUIRE(it != full.endings.end());
        CHECK(e.best <= it->best);
        CHECK(e.worst >= it->worst);
    }
    CHECK(sampled == cut.sampledRuns);
    CHECK_FALSE(cut.decisive.empty());
    // Without random runs, and wide enough to keep every state, the search is the exact answer.
    opt.maxTurns = 9;
    const Analysis small = analyze(sc, opt);
    opt.maxPaths = 0;
    opt.searchWidth = 1000000;
    const Analysis searched = analyze(sc, opt);
    CHECK(searched.stateBoundHit);
    CHECK(searched.sampledRuns == 0);
    opt.maxStates = 2000000;
    const Analysis exact9 = analyze(sc, opt);
    REQUIRE(exact9.exact);
    CHECK(searched.best.score == exact9.best.score);
    CHECK(searched.worst.score == exact9.worst.score);
    CHECK(small.best.score <= exact9.best.score);
}

TEST_CASE("past the state bound the search finds the exact extremes when it keeps every state",
          "[analysis]") {
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
        story::Shape shape;
        shape.seed = seed;
        shape.nodes = 8;
        shape.loops = seed % 2 == 0;
        const auto sc = generated(shape);
        AnalysisOptions opt;
        opt.randomRuns = 0;
        opt.maxTurns = 12;
        const Analysis exact = analyze(sc, opt);
        REQUIRE(exact.exact);
        opt.maxStates = 1;
        opt.maxPaths = 0;
        opt.searchWidth = 1000000;
        const Analysis searched = analyze(sc, opt);
        INFO("seed " << seed);
        CHECK(searched.stateBoundHit);
        CHECK(searched.best.score == exact.best.score);
        CHECK(searched.worst.score == exact.worst.score);
        CHECK(replayedScore(sc, searched.best) == exact.best.score);
        CHECK(replayedScore(sc, searched.worst) == exact.worst.score);
        // A narrow search and a sample still name real runs inside the exact range.
        opt.searchWidth = 4;
        opt.maxPaths = 50;
        const Analysis narrow = analyze(sc, opt);
        CHECK(narrow.best.score <= exact.best.score);
        CHECK(narrow.worst.score >= exact.worst.score);
        CHECK(replayedScore(sc, narrow.best) == narrow.best.score);
        CHECK(replayedScore(sc, narrow.worst) == narrow.worst.score);
    }
}

TEST_CASE("past the state bound the paths are counted when a run's course ignores the mood",
          "[analysis]") {
    auto replaceAll = [](std::string text, const std::string& from, const std::string& to) {
        for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at))
            text.replace(at, from.size(), to), at += to.size();
        return text;
    };
    int counted = 0;
    for (std::uint64_t seed = 1; seed <= 24; ++seed) {
        story::Shape shape;
        shape.seed = seed;
        shape.nodes = 8;
        shape.loops = seed % 2 == 0;
        // No redirecting threshold: no on_escalate / on_walk_out and no ending they default to.
        std::string text =
            replaceAll(story::generate(shape), "on_escalate: e_manager\non_walk_out: e_gone\n", "");
        text = replaceAll(replaceAll(text, "kind: escalated", "kind: partial"), "kind: lost",
                          "kind: partial");
        auto r = loadScenarioText(text, "gen.yaml", {fixture("scenarios")});
        INFO(joinDiagnostics(r.diagnostics));
        REQUIRE(r.ok());
        const CompiledScenario cs(r.value);
        AnalysisOptions opt;
        opt.randomRuns = 0;
        opt.maxTurns = 12;
        const Analysis exact = analyze(r.value, opt);
        REQUIRE(exact.exact);
        opt.maxStates = 1;
        opt.maxPaths = 10;
        const Analysis cut = analyze(r.value, opt);
        INFO("seed " << seed);
        CHECK_FALSE(cut.exact);
        if (cs.courseReadsMood()) {  // a condition compares the mood
            CHECK_FALSE(cut.pathsCounted);
            CHECK(cut.paths == 0);
        } else {
            ++counted;
            CHECK(cut.pathsCounted);
            CHECK(cut.paths == exact.paths);
            CHECK(cut.pathsApprox == exact.pathsApprox);
        }
    }
    CHECK(counted >= 5);
}

TEST_CASE("the analysis of a test run started elsewhere equals the path walk from it",
          "[analysis]") {
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        story::Shape shape;
        shape.seed = seed;
        shape.nodes = 7;
        shape.loops = seed % 2 == 1;
        const auto sc = generated(shape);
        AttemptStart start;
        start.node = "n" + std::to_string(1 + seed % 5);
        Mood m;
        m.set(Dim::Anger, 30 + static_cast<int>(seed * 7 % 60));
        m.set(Dim::Trust, 20 + static_cast<int>(seed * 11 % 60));
        start.mood = m;  // (no earlier answers: scoreRun does not read them, the moods do)
        AttemptOptions o;
        o.seed = seed;
        o.timed = seed % 3 != 0;
        const Attempt from(sc, o, start);
        INFO("seed " << seed << " from " << start.node);
        AnalysisOptions opt;
        opt.seed = seed;
        opt.randomRuns = 60;
        opt.maxTurns = 7;
        sameAnalysis(analyze(from, opt), analyzeByWalking(from, opt));
    }
}
