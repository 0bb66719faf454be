#pragma once
#include <cstdint>
#include <string>

namespace defuse::term {
/// Prints the analysis of a scenario (or JSON); returns the exit code.
int analyzeScenario(const std::string& scenario, std::uint64_t seed, std::uint64_t maxPaths,
                    int runs, bool json);
}  // namespace defuse::term
