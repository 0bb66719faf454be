#pragma once
// `defuse note`: the assessor's note on a turn or the whole run, and an override mark.
#include <CLI/CLI.hpp>

namespace defuse::term {

/// Registers `note` on the app; its callback sets `exitCode`.
void addNoteCommand(CLI::App& app, int& exitCode);

}  // namespace defuse::term
