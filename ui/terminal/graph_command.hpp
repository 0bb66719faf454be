#pragma once
// `defuse graph FILE --format svg|dot [-o OUT] [--lang]`: the scenario as a graph.
#include <CLI/CLI.hpp>
#include <string>

#include "defuse/graph.hpp"
#include "defuse/message.hpp"

namespace defuse::term {

/// The layout as SVG, labels in `lang`; `exact` false: the best and worst paths were found past
/// the analysis's state bound, not proven, and the legend says so.
std::string graphSvg(const Scenario& sc, const GraphLayout& g, Lang lang, int bestScore,
                     int worstScore, bool exact = true);
/// The layout as Graphviz DOT (the same layers, order and colours).
std::string graphDot(const Scenario& sc, const GraphLayout& g, Lang lang);

/// Registers `graph`.
void addGraphCommand(CLI::App& app, int& exitCode, Lang localeLang);

}  // namespace defuse::term
