#pragma once
// The score report and diagnostics as JSON, the same for `score --json` and `play --json`.
#include <nlohmann/json.hpp>
#include <vector>

#include "defuse/diagnostic.hpp"
#include "defuse/scoring.hpp"

namespace defuse::term {

/// Diagnostics: file, line, column, severity, the message and the whole line, in `lang`.
nlohmann::json diagnosticsJson(const std::vector<Diagnostic>& diags, Lang lang);
/// Each component's points and maximum, by component id.
nlohmann::json componentsJson(const ScoreReport& rep);
/// Every line of the explanation: component id, points, max, text in `lang`.
nlohmann::json linesJson(const ScoreReport& rep, Lang lang);
/// The turns where a better answer was on offer, with the text and why, in `lang`.
nlohmann::json betterJson(const ScoreReport& rep, Lang lang);

}  // namespace defuse::term
