// [fuzz] Every input a fuzzer once broke the engine with, re-run through the same driver the
// fuzz target uses (fuzz/drivers.hpp), plus the inputs too large to commit, made here.
#include <algorithm>
#include <chrono>

#include "drivers.hpp"
#include "test_support.hpp"

using namespace defuse;

namespace {

const fuzz::Paths kPaths{DEFUSE_TEST_DATA, DEFUSE_SCENARIO_DIR};

// The inputs kept in tests/data/bad/fuzz/KIND, at least `atLeast` of them (as many as are
// committed today), so the tests fail rather than pass on nothing if the folder moves.
std::vector<fs::path> inputs(const std::string& kind, std::size_t atLeast) {
    const fs::path dir = fixture("bad/fuzz/" + kind);
    INFO(dir.string());
    REQUIRE(fs::is_directory(dir));
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.is_regular_file()) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    REQUIRE(out.size() >= atLeast);
    return out;
}

std::string read(const fs::path& p) {
    std::string err;
    auto text = readFile(p, &err);
    INFO(p.string() + ": " + err);
    REQUIRE(text);
    return *text;
}

// A scenario with one extra answer whose condition or keys are made by `extra`.
std::string bigScenario(const std::string& answerExtra, const std::string& topExtra = "") {
    return "kind: scenario\nid: big\ntitle: Big\ncustomer: {archetype: tester}\n" + topExtra +
           "nodes:\n  start:\n    say: Hello\n    answers:\n"
           "      - {text: Fine, tags: [rapport], next: done, note: n}\n"
           "      - {text: Maybe, tags: [rapport], next: done, note: n" +
           answerExtra +
           "}\n"
           "endings:\n  done: {kind: resolved}\n  esc: {kind: escalated}\n  lost: {kind: lost}\n";
}

}  // namespace

TEST_CASE("scenario inputs that once broke the fuzzer run clean", "[fuzz]") {
    for (const auto& f : inputs("scenario", 3)) {
        INFO(f.string());
        fuzz::scenario(read(f), kPaths);
    }
}

TEST_CASE("archetype inputs that once broke the fuzzer run clean", "[fuzz]") {
    for (const auto& f : inputs("archetype", 1)) {
        INFO(f.string());
        fuzz::archetype(read(f), kPaths);
    }
}

TEST_CASE("replay inputs that once broke the fuzzer run clean", "[fuzz]") {
    for (const auto& f : inputs("replay", 1)) {
        INFO(f.string());
        fuzz::replay(read(f), kPaths);
    }
}

TEST_CASE("order rules whose scales multiply past the int range saturate", "[fuzz][mood]") {
    auto a = loadArchetype(fixture("bad/fuzz/archetype/order_rule_scale_overflow.yaml"));
    REQUIRE(a.ok());
    auto sc = std::make_shared<Scenario>(*loadFixture());
    sc->customer = *a.value;
    Attempt s(sc, AttemptOptions{});
    REQUIRE(s.chooseId("own", 0));
    REQUIRE(s.chooseId("hear", 0));  // listening + empathy, each scaled by 5^13
    CHECK(s.mood().anger() == 100);
    CHECK(s.mood().trust() == 100);
}

TEST_CASE("a condition of 500,000 terms is refused, not a stack overflow", "[fuzz][condition]") {
    std::string cond = "anger > 1";
    for (int i = 1; i < 500000; ++i) cond += " and anger > 1";
    std::string text = bigScenario(", if: \"" + cond + "\"");
    REQUIRE(text.size() < (8u << 20));
    auto r = loadScenarioText(text, "big.yaml", {fixture("scenarios")});
    std::string out = joinDiagnostics(r.diagnostics);
    CHECK(out.find("the condition is too long (more than 1000 words and signs)") !=
          std::string::npos);
    fuzz::scenario(text, kPaths);
}

TEST_CASE("a file with 100,000 keys and as many broken references is checked in seconds",
          "[fuzz][loader]") {
    std::string keys, nodes;
    for (int i = 0; i < 100000; ++i) keys += "k" + std::to_string(i) + ": 1\n";
    for (int i = 0; i < 20000; ++i)
        nodes += "  n" + std::to_string(i) +
                 ": {say: s, answers: [{text: t, tags: [rapport], next: x" + std::to_string(i) +
                 ", note: n}]}\n";
    std::string text = bigScenario("", keys);
    text.replace(text.find("nodes:\n"), 7, "nodes:\n" + nodes);
    auto start = std::chrono::steady_clock::now();
    auto r = loadScenarioText(text, "big.yaml", {fixture("scenarios")});
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK_FALSE(r.ok());
    // Before the fix: a minute for the keys (every key compared with every earlier one) and
    // more for the references (a "did you mean" against every node for each).
    CHECK(seconds < 30);
    REQUIRE(r.diagnostics.size() == 501);  // the first 500, then one line saying there are more
    CHECK(r.diagnostics.back().format() ==
          "big.yaml: error: too many problems in this file; only the first 500 are shown (fix "
          "those and check again)");
}

TEST_CASE("a trainee's name that is not UTF-8 still gives a replay that loads", "[fuzz][replay]") {
    Attempt s(loadFixture(), AttemptOptions{});
    REQUIRE(s.chooseId("own", 0));
    // Before the fix the bytes went into the file as they were, and the loader refused it.
    std::string text =
        replayText(s, "Li\xFFMing \xE6\x9D", "2026-01-01T00:00:00Z", "", fixture("scenarios"));
    auto r = loadReplayText(text, fixture("scenarios/r.yaml").string());
    INFO(joinDiagnostics(r.diagnostics));
    REQUIRE(r.ok());
    CHECK(r.value->trainee == "Li\xEF\xBF\xBDMing \xEF\xBF\xBD");
    CHECK(r.value->turns.size() == 1);
}

TEST_CASE("a trainee's name with control and special characters round-trips", "[fuzz][replay]") {
    Attempt s(loadFixture(), AttemptOptions{});
    REQUIRE(s.chooseId("own", 0));
    for (std::string name :
         {"next\xC2\x85line", "no\u00A0break", "tab\there", "bell\x07", "para\xE2\x80\xA8graph",
          "- dash", "key: value", "*star", "&amp", "!bang", "'quote\"", "#hash", "", " padded "}) {
        INFO(name);
        std::string text = replayText(s, name, "2026-01-01T00:00:00Z", "", fixture("scenarios"));
        auto r = loadReplayText(text, fixture("scenarios/r.yaml").string());
        INFO(text.substr(0, 400) + joinDiagnostics(r.diagnostics));
        REQUIRE(r.ok());
        CHECK(r.value->trainee == name);
    }
}
