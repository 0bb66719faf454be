#pragma once
// Helpers shared by the tests: fixture paths and loading with a clear failure.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "defuse/files.hpp"
#include "defuse/loader.hpp"

namespace fs = std::filesystem;

inline fs::path dataDir() { return DEFUSE_TEST_DATA; }
inline fs::path fixture(const std::string& rel) { return dataDir() / rel; }

inline std::string joinDiagnostics(const std::vector<defuse::Diagnostic>& ds) {
    std::string out;
    for (const auto& d : ds) out += d.format() + "\n";
    return out;
}

/// Loads a fixture scenario, failing the test with its diagnostics if it does not load.
inline std::shared_ptr<const defuse::Scenario> loadFixture(
    const std::string& rel = "scenarios/feature.yaml") {
    auto r = defuse::loadScenario(fixture(rel));
    INFO(joinDiagnostics(r.diagnostics));
    REQUIRE(r.ok());
    return r.value;
}

/// Diagnostics of a scenario given as text, as if it were tests/data/scenarios/t.yaml.
inline std::string diagnose(const std::string& yaml) {
    auto r = defuse::loadScenarioText(yaml, "t.yaml", {fixture("scenarios")});
    return joinDiagnostics(r.diagnostics);
}
