// [library] Every bundled scenario and archetype loads cleanly, and each scenario's recorded
// best and worst paths still reach the expected ending and score band.
#include "defuse/library.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "defuse/attempt.hpp"
#include "defuse/curriculum.hpp"
#include "defuse/files.hpp"
#include "defuse/mood_step.hpp"
#include "defuse/replay.hpp"
#include "test_support.hpp"

using namespace defuse;

namespace {
// How many files are bundled today. Every test that walks a folder requires at least these,
// so it fails, not passes vacuously, when a folder is emptied, moved or renamed. Raise them
// when files are added.
constexpr int kBundledScenarios = 13;
constexpr int kBundledArchetypes = 6;
constexpr int kRecordedPaths = 2 * kBundledScenarios;  // a best and a worst path each

// A bundled scenario file, loaded; the test stops with its diagnostics when it does not load.
std::shared_ptr<const Scenario> bundled(const char* file) {
    auto r = loadScenario(fs::path(DEFUSE_SCENARIO_DIR) / file);
    INFO(joinDiagnostics(r.diagnostics));
    REQUIRE(r.ok());
    return r.value;
}
}  // namespace

TEST_CASE("every bundled file passes check with no warning", "[library]") {
    auto files = checkPaths({DEFUSE_SCENARIO_DIR});
    int scenarios = 0, archetypes = 0;
    for (const auto& f : files) {
        INFO(f.path.string() << "\n" << joinDiagnostics(f.diagnostics));
        CHECK(f.diagnostics.empty());
        CHECK(f.kind != FileKind::Unknown);
        if (f.kind == FileKind::Scenario) ++scenarios;
        if (f.kind == FileKind::Archetype) ++archetypes;
    }
    INFO("files checked in " << DEFUSE_SCENARIO_DIR);
    REQUIRE(scenarios >= kBundledScenarios);
    REQUIRE(archetypes >= kBundledArchetypes);
}

TEST_CASE("recorded best and worst paths land in their score bands", "[library]") {
    fs::path dir = fixture("paths");
    REQUIRE(fs::is_directory(dir));
    int count = 0, bestCount = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        std::string name = entry.path().filename().string();
        bool best = name.size() > 10 && name.compare(name.size() - 10, 10, ".best.yaml") == 0;
        bool worst = name.size() > 11 && name.compare(name.size() - 11, 11, ".worst.yaml") == 0;
        if (!best && !worst) continue;
        ++count;
        if (best) ++bestCount;
        auto replay = loadReplay(entry.path());
        INFO(name << "\n" << joinDiagnostics(replay.diagnostics));
        REQUIRE(replay.ok());
        Rescored r = rescore(*replay.value, {DEFUSE_SCENARIO_DIR});
        INFO(joinDiagnostics(r.diagnostics));
        REQUIRE(r.ok());
        CHECK(r.diagnostics.empty());  // same scenario version, same moods, finished
        CHECK(r.report.finished);
        if (best) {
            CHECK(r.report.total >= 85);
            CHECK(r.report.endingKind == EndingKind::Resolved);
        } else {
            CHECK(r.report.total <= 30);
        }
    }
    INFO("replays found in " << dir);
    REQUIRE(count >= kRecordedPaths);
    CHECK(bestCount * 2 == count);  // as many worst paths as best ones
}

TEST_CASE("every bundled scenario has a recorded best and worst path", "[library]") {
    int scenarios = 0;
    for (const auto& f : loadLibrary(DEFUSE_SCENARIO_DIR)) {
        REQUIRE(f.scenario);
        ++scenarios;
        for (const char* kind : {".best.yaml", ".worst.yaml"}) {
            fs::path p = fixture("paths") / (f.scenario->id + kind);
            INFO(p);
            CHECK(fs::is_regular_file(p));
        }
    }
    REQUIRE(scenarios >= kBundledScenarios);
}

TEST_CASE("every bundled scenario meets the library's bar", "[library]") {
    const auto library = loadLibrary(DEFUSE_SCENARIO_DIR);
    REQUIRE(library.size() >= static_cast<std::size_t>(kBundledScenarios));
    for (const auto& f : library) {
        REQUIRE(f.scenario);
        const Scenario& sc = *f.scenario;
        INFO(sc.id);
        CHECK(sc.nodes.size() >= 12);
        for (EndingKind k : {EndingKind::Resolved, EndingKind::Escalated, EndingKind::Lost}) {
            INFO("an ending of kind " << endingKindId(k));
            CHECK(std::any_of(sc.endings.begin(), sc.endings.end(),
                              [&](const Ending& e) { return e.kind == k; }));
        }
        for (const char* lang : {"en", "zh"}) {
            CHECK(sc.title.has(lang));
            CHECK(sc.briefing.has(lang));
            for (const auto& n : sc.nodes) {
                CHECK(n.say.has(lang));
                CHECK(n.answers.size() >= 2);
                CHECK(n.answers.size() <= 5);
                for (const auto& a : n.answers) {
                    INFO(a.id);
                    CHECK(a.text.has(lang));
                    CHECK(a.note.has(lang));  // a coaching note in both languages
                    CHECK_FALSE(a.tags.empty());
                }
            }
        }
    }
}

SCENARIO("the same answer works with one brake-pad customer and backfires with another",
         "[library]") {
    auto furious = bundled("brake_pads_furious.yaml");
    auto logical = bundled("brake_pads_logical.yaml");
    auto opening = [](const std::shared_ptr<const Scenario>& sc, const std::string& tag) {
        Answer a;
        a.id = "probe";
        a.tags = {tag};
        const Node& first = *sc->node(sc->start);
        Mood before = sc->customer.start;
        return moodStep(*sc, History{}, first, a, before, 0, false).after.balance() -
               before.balance();
    };
    GIVEN("the advisor's first words") {
        THEN("understanding first calms the furious customer but costs the logical one's trust") {
            CHECK(opening(furious, "empathy") > 0);
            CHECK(opening(logical, "empathy") < 0);
        }
        THEN(
            "facts first win the logical customer and land worse than empathy with the furious "
            "one") {
            CHECK(opening(logical, "facts") > 0);
            CHECK(opening(furious, "facts") < opening(furious, "empathy"));
        }
    }
}

// The three customer types of the training material differ: for each pair, some answer lands
// well with one and badly with the other, in the same situation (the brake-pad case, played
// with each archetype) and after the same history.
TEST_CASE("for each pair of the material's archetypes an answer wins one and loses the other",
          "[library]") {
    const std::map<std::string, std::shared_ptr<const Scenario>> by = {
        {"furious", bundled("brake_pads_furious.yaml")},
        {"logical", bundled("brake_pads_logical.yaml")},
        {"sarcastic", bundled("brake_pads_sarcastic.yaml")}};
    // What an answer with `tags` does to the customer at the first node, after `earlier` tags.
    auto lands = [](const Scenario& sc, std::vector<std::string> tags,
                    std::set<std::string> earlier) {
        Answer a;
        a.id = "probe";
        a.tags = std::move(tags);
        History h;
        h.used = std::move(earlier);
        const Node& first = *sc.node(sc.start);
        const Mood before = sc.customer.start;
        return moodStep(sc, h, first, a, before, 0, false).after.balance() - before.balance();
    };
    struct Probe {
        const char* wins;
        const char* loses;
        const char* what;
        std::vector<std::string> tags;
        std::set<std::string> earlier;
    };
    const std::vector<Probe> probes = {
        {"furious", "logical", "understanding before any facts", {"empathy"}, {}},
        {"furious", "sarcastic", "a second apology after one was given", {"apology"}, {"apology"}},
        {"sarcastic", "logical", "naming the feeling before the facts", {"empathy"}, {}},
        {"logical", "furious", "facts first, after an argument", {"facts"}, {"argue"}},
        {"furious", "sarcastic", "a friendly pleasantry in reply to the opening", {"rapport"}, {}},
    };
    std::set<std::pair<std::string, std::string>> pairs;
    for (const auto& p : probes) {
        INFO(p.what << ": wins " << p.wins << ", loses " << p.loses);
        const double win = lands(*by.at(p.wins), p.tags, p.earlier);
        const double lose = lands(*by.at(p.loses), p.tags, p.earlier);
        CHECK(win > 0);
        CHECK(lose < 0);
        if (win > 0 && lose < 0)
            pairs.insert(std::minmax(std::string(p.wins), std::string(p.loses)));
    }
    CHECK(pairs.size() == 3);  // furious-logical, furious-sarcastic, logical-sarcastic
}

TEST_CASE("every principle of the curriculum is taught at two or more decision points",
          "[library]") {
    auto c = loadCurriculum(fs::path(DEFUSE_SCENARIO_DIR) / kCurriculumFile);
    INFO(joinDiagnostics(c.diagnostics));
    REQUIRE(c.ok());
    CHECK(c.diagnostics.empty());
    REQUIRE(c.value->principles.size() >= 20);
    std::vector<std::shared_ptr<const Scenario>> lib;
    for (const auto& f : loadLibrary(DEFUSE_SCENARIO_DIR)) {
        REQUIRE(f.scenario);
        CHECK(f.scenario->curriculum);  // each scenario's answers name their principles
        lib.push_back(f.scenario);
    }
    for (const auto& pc : coverage(*c.value, lib)) {
        INFO(pc.principle->id);
        CHECK(pc.points.size() >= static_cast<std::size_t>(kMinDecisionPoints));
    }
    // Every answer says what it teaches, and only with the curriculum's ids.
    for (const auto& sc : lib)
        for (const auto& n : sc->nodes)
            for (const auto& a : n.answers) {
                INFO(sc->id << " " << n.id << " " << a.id);
                CHECK_FALSE(a.teaches.empty());
                for (const auto& id : a.teaches) CHECK(c.value->find(id));
            }
}

TEST_CASE("the coverage table in scenarios/README.md is the curriculum command's real output",
          "[library]") {
    auto c = loadCurriculum(fs::path(DEFUSE_SCENARIO_DIR) / kCurriculumFile);
    REQUIRE(c.ok());
    Library library;
    REQUIRE(library.addFolder(DEFUSE_SCENARIO_DIR, true));
    auto readme = readFile(std::string(DEFUSE_SCENARIO_DIR) + "/README.md", nullptr);
    REQUIRE(readme);
    const std::string begin = "<!-- curriculum:begin", end = "<!-- curriculum:end -->";
    auto a = readme->find(begin);
    REQUIRE(a != std::string::npos);
    a = readme->find('\n', a) + 1;
    auto b = readme->find(end, a);
    REQUIRE(b != std::string::npos);
    CHECK(readme->substr(a, b - a) ==
          coverageMarkdown(coverage(*c.value, library.scenarios()), Lang::En));
}
