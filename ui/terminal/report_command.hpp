#pragma once
// `defuse report REPLAY... --format csv|html|xapi -o OUT [--lang en|zh]`: a class's results.
#include <CLI/CLI.hpp>

namespace defuse::term {

/// Registers `report` on the app; its callback sets `exitCode`.
void addReportCommand(CLI::App& app, int& exitCode);

}  // namespace defuse::term
