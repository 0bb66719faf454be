#pragma once
/// A class of trainees, played: real runs through the engine with scripted answers (a
/// trainee's skill decides how often the answer that helps most is picked), each written as
/// the replay `defuse play --record` would write. For the dashboard's screenshots, the store
/// tests and the benchmark.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace defuse::store {

struct ClassOptions {
    std::filesystem::path out;  ///< replays go here, one folder per trainee
    int trainees = 20;
    int scenarios = 8;        ///< the first N bundled scenarios (by id)
    int runsPerScenario = 3;  ///< each trainee's runs at each scenario (the last assessed)
    int total = 0;            ///< when > 0: stop after this many replays (the benchmark)
    std::uint64_t seed = 1;
    std::string firstDay = "2026-09-01";  ///< runs are spread over the weeks after it
};

/// Plays and writes the class's runs. Returns how many replays were written; `error` is set
/// (and the count so far returned) when a file cannot be written or no scenario loads.
int playClass(const ClassOptions& options, std::string& error);

}  // namespace defuse::store
