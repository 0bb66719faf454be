#pragma once
// The terminal front end's commands: play, check, score, and the library menu.
#include <CLI/CLI.hpp>

namespace defuse::term {

/// Registers `play`, `check` and `score` on the app; their callbacks set `exitCode`.
void addCommands(CLI::App& app, int& exitCode);

/// Lets the user pick a bundled scenario in the terminal and plays it. Returns the exit code.
int openLibrary();

}  // namespace defuse::term
