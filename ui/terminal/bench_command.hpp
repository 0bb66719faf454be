#pragma once
#include <string>

namespace defuse::term {
/// `defuse bench FILE`: random play on the compiled form, on Attempt and on a flat table of
/// the same story, in turns per CPU second (JSON with --json); returns the exit code.
int benchScenario(const std::string& scenario, double seconds, bool json);
}  // namespace defuse::term
