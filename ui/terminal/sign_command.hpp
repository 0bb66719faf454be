#pragma once
// `defuse keygen`, `defuse sign` and `defuse verify`: Ed25519 signatures on replays.
#include <CLI/CLI.hpp>

namespace defuse::term {

/// Registers `keygen`, `sign` and `verify` on the app; their callbacks set `exitCode`.
void addSignCommands(CLI::App& app, int& exitCode);

}  // namespace defuse::term
