#pragma once
#include <cstdint>
#include <string>

namespace defuse::term {
/// The bounds of `defuse analyze` (defaults as AnalysisOptions).
struct AnalyzeLimits {
    std::uint64_t maxPaths = 200000;  ///< past maxStates, the most random runs sampled
    std::uint64_t maxStates = 6000000;
    int maxTurns = 60;
};
int analyzeScenario(const std::string& scenario, std::uint64_t seed, const AnalyzeLimits& limits,
                    int runs, bool json);
/// Prints the analysis of a scenario (or JSON); returns the exit code.
int analyzeScenario(const std::string& scenario, std::uint64_t seed, std::uint64_t maxPaths,
                    int runs, bool json);
}  // namespace defuse::term
