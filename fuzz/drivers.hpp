#pragma once
// What each fuzz target does with one input, shared with tests/fuzz_regression_test.cpp so
// that every input the fuzzers once crashed on is re-run, the same way, by the test suite.
//
// Beyond "does not crash", each driver checks invariants a loaded value must hold and aborts
// (which libFuzzer reports as a crash) when one is broken.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "defuse/attempt.hpp"
#include "defuse/loader.hpp"
#include "defuse/replay.hpp"
#include "defuse/scoring.hpp"

namespace defuse::fuzz {

/// Where the drivers find the fixture scenario and archetypes (tests/data) and the bundled
/// scenarios (scenarios/), so that seeds naming real archetypes load past the customer.
struct Paths {
    std::filesystem::path testData;
    std::filesystem::path scenarios;
};

inline void require(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "defuse fuzz: invariant broken: %s\n", what);
    std::abort();
}

inline void checkDiagnostics(const std::vector<Diagnostic>& diags, bool loaded) {
    for (const auto& d : diags) {
        require(!d.message.empty(), "a diagnostic has a message");
        require(d.line >= 0 && d.column >= 0, "positions are not negative");
        require(!d.format().empty(), "a diagnostic formats");
        if (loaded) require(d.severity == Severity::Warning, "a loaded value has no error");
    }
    if (!loaded) require(hasErrors(diags), "a value that did not load says why");
}

inline void checkMood(const Mood& m) {
    for (Dim d : kAllDims) require(m.get(d) >= 0 && m.get(d) <= 100, "mood stays within 0-100");
}

inline void checkReport(const ScoreReport& r) {
    require(r.total >= 0 && r.total <= 100, "the score is 0-100");
    require(!r.grade.empty(), "the score has a grade");
}

/// Plays a loaded scenario a little (answers picked from `seed`), scores it, and checks that
/// the replay the engine writes for the run loads back with the same turns.
inline void playAndScore(std::shared_ptr<const Scenario> sc, std::uint64_t seed) {
    sc->shortestTurns();
    for (Mode mode : {Mode::Practice, Mode::Assessment}) {
        AttemptOptions o;
        o.seed = seed;
        o.mode = mode;
        o.lang = seed % 2 ? "zh" : "en";
        Attempt s(sc, o);
        for (int i = 0; i < 40 && !s.finished(); ++i) {
            s.customerLine();
            auto shown = s.choices();
            require(!shown.empty(), "a node always offers an answer");
            require(s.choose((seed >> (i % 60)) % shown.size(), (seed % 7) * 3.5),
                    "an answer on offer can be chosen");
            for (const auto& r : s.lastOutcome()->reasons)
                for (Lang l : kAllLangs) render(r.message(), l);
            checkMood(s.mood());
            if (mode == Mode::Practice && i == 1) {
                require(s.rewind(), "practice mode rewinds");
                require(s.choose(0, 1.0), "the first answer can be chosen after a rewind");
            }
        }
        if (s.finished()) require(s.ending() != nullptr, "a finished run has an ending");
        checkReport(s.score());
        for (Lang l : kAllLangs) {
            for (const auto& line : s.score().lines) render(line.message(), l);
            for (const auto& b : s.score().better) render(b.why, l);
            s.transcript();
        }
        std::string text = replayText(s, "fuzz", "2026-01-01T00:00:00Z", "", {});
        auto back = loadReplayText(text, "replay.yaml");
        checkDiagnostics(back.diagnostics, back.ok());
        require(back.ok(), "a replay the engine wrote loads back");
        require(back.value->turns.size() == s.turns().size(), "a replay keeps every turn");
        for (std::size_t i = 0; i < s.turns().size(); ++i) {
            require(back.value->turns[i].picked == s.turns()[i].picked,
                    "a replay keeps the answers");
            require(back.value->turns[i].after == s.turns()[i].after, "a replay keeps the mood");
        }
    }
}

/// The scenario loader: the input as a scenario file beside the fixture archetypes.
inline void scenario(const std::string& text, const Paths& p) {
    auto r = loadScenarioText(text, (p.testData / "scenarios" / "fuzz.yaml").string(),
                              {p.testData / "scenarios", p.scenarios});
    checkDiagnostics(r.diagnostics, r.ok());
    if (r.ok()) playAndScore(r.value, text.size() * 2654435761u);
}

/// The archetype loader; a loaded archetype then plays the fixture scenario as its customer.
inline void archetype(const std::string& text, const Paths& p) {
    auto r = loadArchetypeText(text, "fuzz.yaml");
    checkDiagnostics(r.diagnostics, r.ok());
    if (!r.ok()) return;
    checkMood(r.value->start);
    static const std::shared_ptr<const Scenario> fixture = [&] {
        auto f = loadScenario(p.testData / "scenarios" / "feature.yaml");
        require(f.ok(), "the fixture scenario loads");
        return f.value;
    }();
    auto sc = std::make_shared<Scenario>(*fixture);
    sc->customer = *r.value;
    playAndScore(sc, text.size() * 2654435761u);
}

/// The replay loader, then a rescore against the fixture scenario.
inline void replay(const std::string& text, const Paths& p) {
    auto r = loadReplayText(text, (p.testData / "scenarios" / "fuzz-replay.yaml").string());
    checkDiagnostics(r.diagnostics, r.ok());
    if (!r.ok()) return;
    Rescored s = rescore(*r.value, {p.testData / "scenarios" / "feature.yaml"});
    for (const auto& d : s.diagnostics) require(!d.format().empty(), "a diagnostic formats");
    if (!s.ok()) {
        require(hasErrors(s.diagnostics), "a replay that cannot be rescored says why");
        return;
    }
    checkReport(s.report);
    require(s.attempt->turns().size() <= r.value->turns.size(),
            "a rescore plays no more turns than recorded");
    // Written again, with any bytes as the trainee's name (a terminal need not be UTF-8),
    // the replay loads back with the same turns.
    std::string trainee = text.substr(0, std::min<std::size_t>(text.size(), 24));
    std::string again = replayText(*s.attempt, trainee, r.value->started, r.value->finished, {});
    auto back = loadReplayText(again, "again.yaml");
    checkDiagnostics(back.diagnostics, back.ok());
    require(back.ok(), "a replay the engine wrote loads back, whatever the trainee's name");
    require(back.value->turns.size() == s.attempt->turns().size(), "a replay keeps every turn");
}

}  // namespace defuse::fuzz
