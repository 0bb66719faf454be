#pragma once
// `defuse store rebuild|import|list|site|class|bench` and `defuse sync --to postgresql://...`:
// the results store (store/).
#include <CLI/CLI.hpp>
#include <filesystem>
#include <string>

#include "defuse/message.hpp"

namespace defuse::term {

/// Registers `store` and `sync` on the app; their callbacks set `exitCode`.
void addStoreCommands(CLI::App& app, int& exitCode);

/// Indexes a replay just recorded into the local store; says why on stderr when it cannot
/// (the replay is saved all the same).
void indexRecorded(const std::filesystem::path& replay, const std::string& lang);

}  // namespace defuse::term
