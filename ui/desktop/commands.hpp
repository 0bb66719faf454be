#pragma once
// The desktop front end's entry points.
#include <CLI/CLI.hpp>

namespace defuse::desktop {

/// Registers the desktop's subcommands (for example `defuse gui ...`); callbacks set `exitCode`.
void addCommands(CLI::App& app, int& exitCode);

/// True when a window can be opened (a display is set).
bool displayAvailable();

/// Opens the desktop app on the bundled scenarios. Returns the exit code.
int openDefault();

}  // namespace defuse::desktop
