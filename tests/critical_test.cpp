// [critical] Scores that only skill can earn: critical mistakes cap the score, credit needs
// an answer that worked, the author's ratings steer the debrief and the checker.
#include <algorithm>
#include <fstream>
#include <map>

#include "defuse/analysis.hpp"
#include "defuse/attempt.hpp"
#include "defuse/library.hpp"
#include "defuse/loader.hpp"
#include "defuse/replay.hpp"
#include "test_support.hpp"

using namespace defuse;
namespace fs = std::filesystem;

namespace {

AttemptOptions assess(std::uint64_t seed = 1) {
    AttemptOptions o;
    o.seed = seed;
    o.mode = Mode::Assessment;
    return o;
}

// The fixture with `extra` inserted before `nodes:` (a customer override, a rubric...).
LoadResult<Scenario> fixtureWith(const std::string& extra, const std::string& replace = "",
                                 const std::string& by = "") {
    std::string text = *readFile(fixture("scenarios/feature.yaml"), nullptr);
    if (!replace.empty()) {
        auto at = text.find(replace);
        REQUIRE(at != std::string::npos);
        text.replace(at, replace.size(), by);
    }
    text.insert(text.find("nodes:"), extra);
    return loadScenarioText(text, "t.yaml", {fixture("scenarios")});
}

// Plays `ids`, then the best-valued answer on offer until the end.
Attempt playThenBest(const std::shared_ptr<const Scenario>& sc,
                     const std::vector<std::string>& ids) {
    Attempt a(sc, assess());
    for (const auto& id : ids) REQUIRE(a.chooseId(id, 0));
    for (int guard = 0; !a.finished() && guard < 60; ++guard) {
        const Node& n = *a.node();
        std::string bestId;
        double bestValue = -1e9;
        for (const auto& c : a.choices()) {
            const Answer& ans = *sc->answer(n.id, c.id);
            MoodStep s = moodStep(*sc, TurnSpan(a.turns()), n, ans, a.mood(), 0, true);
            double v = answerValue(*sc, ans, a.mood(), s.after);
            if (v > bestValue) bestValue = v, bestId = c.id;
        }
        REQUIRE(a.chooseId(bestId, 0));
    }
    return a;
}

}  // namespace

TEST_CASE("a critical mistake caps the score below a pass and is named first", "[critical]") {
    auto r = fixtureWith(
        "", "  archetype: tester\n",
        "  archetype: tester\n  critical:\n    - tag: blame_customer\n      reason: {en: Never "
        "blame the customer., zh: 绝不能指责客户。}\n");
    INFO(joinDiagnostics(r.diagnostics));
    REQUIRE(r.ok());
    REQUIRE(r.value->customer.criticals.size() == 1);
    Attempt clean(r.value, assess());
    for (const char* id : {"own", "hear", "agree"}) REQUIRE(clean.chooseId(id, 0));
    REQUIRE(clean.score().criticals.empty());
    REQUIRE(clean.score().total >= ScoringModel::builtIn().passMark);

    Attempt blamed = playThenBest(r.value, {"blame"});
    const ScoreReport& s = blamed.score();
    REQUIRE(s.criticals.size() == 1);
    CHECK(s.criticals[0].turn == 1);
    CHECK(s.criticals[0].tag == "blame_customer");
    CHECK(s.total == std::min(s.uncapped, ScoringModel::builtIn().passMark - 1));
    CHECK(s.total < ScoringModel::builtIn().passMark);
    CHECK(s.lines.front().kind == LineKind::Critical);
    CHECK(render(s.lines.front().message(), Lang::En) ==
          "Critical mistake at turn 1: Never blame the customer. The score is capped at 54, below "
          "a pass.");
    CHECK(render(s.lines.front().message(), Lang::Zh) ==
          "第 1 轮犯了严重错误：绝不能指责客户。 得分最高只能是 54 分，不及格。");
}

TEST_CASE("an answer can be a critical mistake in itself", "[critical]") {
    auto r = fixtureWith(
        "", "        next: listen\n",
        "        next: listen\n        critical: {en: Never do this., zh: 绝不能这样做。}\n");
    INFO(joinDiagnostics(r.diagnostics));
    REQUIRE(r.ok());
    Attempt a(r.value, assess());
    REQUIRE(a.chooseId("own", 0));
    REQUIRE(a.score().criticals.size() == 1);
    CHECK(a.score().criticals[0].tag.empty());
    CHECK(a.score().criticals[0].answer == "own");
}

TEST_CASE("a competency counts only where the answer worked with this customer",
          "[critical][scoring]") {
    // A customer who takes "I am responsible for your car" badly: the ownership tag earns
    // nothing, and the line says why.
    auto r =
        fixtureWith("", "  archetype: tester\n",
                    "  archetype: tester\n  reactions:\n    ownership: {anger: 5, trust: -5}\n");
    INFO(joinDiagnostics(r.diagnostics));
    REQUIRE(r.ok());
    Attempt a(r.value, assess());
    REQUIRE(a.chooseId("own", 0));
    const ScoreReport& s = a.score();
    auto ownership = static_cast<std::size_t>(Competency::Ownership);
    CHECK(s.competencyUses[ownership] == 0);
    CHECK(s.competencyMisfits[ownership] == 1);
    CHECK(s.points[static_cast<std::size_t>(Component::Competencies)] == 0);
    bool said = false;
    for (const auto& l : s.lines)
        said =
            said || render(l.message(), Lang::En) ==
                        "Ownership tried once, but it did not land with this customer, so it earns "
                        "nothing (0 of 3.3)";
    CHECK(said);
    // The same answer with the usual customer earns it.
    Attempt usual(loadFixture(), assess());
    REQUIRE(usual.chooseId("own", 0));
    CHECK(usual.score().competencyUses[ownership] == 1);
}

TEST_CASE("every bundled scenario: a critical mistake on the best path caps it below a pass",
          "[critical][library]") {
    Library lib;
    REQUIRE(lib.addFolder(DEFUSE_SCENARIO_DIR, true));
    REQUIRE(lib.scenarios().size() >= 8);
    int walked = 0;
    for (const auto& sc : lib.scenarios()) {
        INFO(sc->id);
        // The recorded best path (tests/data/paths), re-played: an exhaustive analysis would
        // take minutes under the sanitizers.
        auto recorded = loadReplay(fixture("paths/" + sc->id + ".best.yaml"));
        REQUIRE(recorded.ok());
        std::vector<std::string> bestPath;
        for (const auto& t : recorded.value->turns) bestPath.push_back(t.picked);
        int here = 0;
        Attempt along(sc, assess(recorded.value->seed));
        for (const auto& bestId : bestPath) {
            const Node& n = *along.node();
            for (const auto& c : along.choices()) {
                MoodStep s = moodStep(*sc, TurnSpan(along.turns()), n, *sc->answer(n.id, c.id),
                                      along.mood(), 0, true);
                if (s.criticals.empty()) continue;
                std::vector<std::string> ids;
                for (const auto& t : along.turns()) ids.push_back(t.picked);
                ids.push_back(c.id);
                Attempt slip = playThenBest(sc, ids);
                INFO("critical answer " << c.id << " at turn " << ids.size());
                CHECK(slip.score().total < ScoringModel::builtIn().passMark);
                CHECK(!slip.score().criticals.empty());
                CHECK(slip.score().lines.front().kind == LineKind::Critical);
                ++here;
            }
            REQUIRE(along.chooseId(bestId, 0));
        }
        CHECK(here > 0);  // every scenario offers at least one critical mistake on its best path
        walked += here;
    }
    CHECK(walked >= 8);
}

TEST_CASE("the better answer follows the author's rating", "[critical][intent]") {
    // Rate the customer-blaming answer best and the owning one bad: the debrief must now
    // recommend 'blame' over 'own', whatever the mood model says.
    auto r = fixtureWith("");
    REQUIRE(r.ok());
    auto sc = std::make_shared<Scenario>(*r.value);
    for (auto& n : sc->nodes)
        for (auto& a : n.answers) {
            if (a.id == "own") a.quality = Quality::Bad;
            if (a.id == "blame") a.quality = Quality::Best;
            if (a.id == "fix_now" || a.id == "handoff") a.quality = Quality::Weak;
        }
    Attempt a(sc, assess());
    REQUIRE(a.chooseId("own", 0));
    REQUIRE_FALSE(a.score().better.empty());
    CHECK(a.score().better[0].better == "blame");
    Attempt b(sc, assess());
    REQUIRE(b.chooseId("blame", 0));
    for (const auto& x : b.score().better) CHECK(x.turn != 1);  // best was picked: nothing better
}

TEST_CASE("check warns where the mood model disagrees with the author", "[critical][intent]") {
    auto bad =
        fixtureWith("", "        next: listen\n", "        next: listen\n        quality: bad\n");
    INFO(joinDiagnostics(bad.diagnostics));
    REQUIRE(bad.ok());
    CHECK(joinDiagnostics(bad.diagnostics)
              .find("answer 'own' is rated bad, but this customer likes it") != std::string::npos);

    auto fine =
        fixtureWith("", "        next: listen\n", "        next: listen\n        quality: best\n");
    REQUIRE(fine.ok());
    CHECK(joinDiagnostics(fine.diagnostics).find("is rated") == std::string::npos);

    auto typo = fixtureWith("", "        next: listen\n",
                            "        next: listen\n        quality: bestest\n");
    CHECK_FALSE(typo.ok());
    CHECK(joinDiagnostics(typo.diagnostics).find("unknown quality 'bestest'") != std::string::npos);
}

TEST_CASE("the phone customer's best path, read at a realistic pace, ends well",
          "[critical][clock]") {
    Library lib;
    REQUIRE(lib.addFolder(DEFUSE_SCENARIO_DIR, true));
    const LibraryEntry* e = lib.find("phone-angry-call");
    REQUIRE(e);
    auto recorded = loadReplay(fixture("paths/phone-angry-call.best.yaml"));
    REQUIRE(recorded.ok());
    for (const char* lang : {"en", "zh"}) {
        INFO(lang);
        AttemptOptions o = assess(recorded.value->seed);
        o.lang = lang;
        Attempt a(e->scenario, o);
        // Read everything at the model's pace, then think for five more seconds.
        for (const auto& t : recorded.value->turns)
            REQUIRE(a.chooseId(t.picked, a.readingAllowance() + 5));
        REQUIRE(a.finished());
        CHECK(a.ending()->kind == EndingKind::Resolved);
        CHECK(a.score().total >= ScoringModel::builtIn().passMark);
    }
}

TEST_CASE("check warns when the path rated best is not the best path", "[critical][intent]") {
    auto rate = [](std::map<std::string, Quality> q) {
        auto sc = std::make_shared<Scenario>(*loadFixture());
        for (auto& n : sc->nodes)
            for (auto& a : n.answers)
                if (auto it = q.find(a.id); it != q.end()) a.quality = it->second;
        return sc;
    };
    // The author's chain own -> hear -> agree is the best path: no warning.
    auto agree = rate({{"own", Quality::Best}, {"hear", Quality::Best}, {"agree", Quality::Best}});
    CHECK(checkIdealPath(agree).empty());
    // A chain rated best that walks the customer out scores below the best path: a warning.
    auto wrong =
        rate({{"own", Quality::Best}, {"stall_here", Quality::Best}, {"walk", Quality::Best}});
    auto warnings = checkIdealPath(wrong);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].severity == Severity::Warning);
    CHECK(render(warnings[0].message, Lang::En)
              .find("the path rated best (own -> stall_here -> walk)") == 0);
    CHECK(render(warnings[0].message, Lang::Zh).find("标为 best 的路径") == 0);
    // Two answers rated best at one node: no single chain to compare, no warning.
    auto two = rate({{"own", Quality::Best},
                     {"blame", Quality::Best},
                     {"hear", Quality::Best},
                     {"agree", Quality::Best}});
    CHECK(checkIdealPath(two).empty());
}

// A rule about the customer's demand applies where he makes it (`here: true`), not at every
// later node: a defensive answer after the honoured second demand is no "second demand"
// mistake, while the same answer to the second demand itself is.
TEST_CASE("a cue rule with here: true holds only at a node that gives the cue", "[critical]") {
    const fs::path dir = fs::temp_directory_path() / "defuse-here-test";
    fs::create_directories(dir);
    auto write = [&](const char* name, const std::string& text) {
        std::ofstream(dir / name) << text;
    };
    auto archetype = [&](bool here) {
        write("demanding.yaml",
              std::string("kind: archetype\nid: demanding\n"
                          "mood: {anger: 50, trust: 50, patience: 80}\n"
                          "reactions:\n  defensive: {anger: 4}\n"
                          "  ownership: {anger: -4, trust: 3}\n"
                          "critical:\n  - tag: defensive\n    cue: demands\n"
                          "    min: 2\n") +
                  (here ? "    here: true\n" : "") +
                  "    reason: {en: Honour the second demand., zh: 第二次要求要照办。}\n");
    };
    const std::string scenario = R"(kind: scenario
id: here-test
title: {en: Here, zh: 这里}
customer: {archetype: demanding}
nodes:
  first:
    say: {en: Get me the manager., zh: 叫经理来。}
    cues: [demands]
    answers:
      - {id: own, text: {en: I'm responsible., zh: 我负责。}, tags: [ownership], next: second}
  second:
    say: {en: The manager. Now., zh: 经理，马上。}
    cues: [demands]
    answers:
      - {id: own2, text: {en: Fetching her., zh: 我去请。}, tags: [ownership], next: later}
      - {id: defend2, text: {en: We did nothing wrong., zh: 我们没错。}, tags: [defensive], next: later}
  later:
    say: {en: "So what now?", zh: 那现在呢？}
    answers:
      - {id: defend3, text: {en: It is normal wear., zh: 这是正常磨损。}, tags: [defensive], next: done}
endings:
  done: {kind: resolved, title: {en: Done, zh: 完}}
  up: {kind: escalated, title: {en: Up, zh: 升级}}
  out: {kind: lost, title: {en: Out, zh: 走了}}
)";
    auto criticalsOf = [&](const std::vector<std::string>& ids) {
        auto r = loadScenarioText(scenario, (dir / "here.yaml").string(), {dir});
        INFO(joinDiagnostics(r.diagnostics));
        REQUIRE(r.ok());
        Attempt a(r.value, assess());
        for (const auto& id : ids) REQUIRE(a.chooseId(id, 1.0));
        return a.score().criticals.size();
    };
    archetype(true);
    CHECK(criticalsOf({"own", "own2", "defend3"}) == 0);     // after the demand was honoured
    CHECK(criticalsOf({"own", "defend2", "defend3"}) == 1);  // the answer to the demand
    archetype(false);
    CHECK(criticalsOf({"own", "own2", "defend3"}) == 1);  // without it: every later node
    fs::remove_all(dir);
}
