#pragma once
// `defuse store rebuild|import|list|site|class|bench` and `defuse sync --to postgresql://...`:
// the results store (store/).
#include <CLI/CLI.hpp>
#include <filesystem>
#include <string>

#include "defuse/message.hpp"
#include "defuse/store/local.hpp"

namespace defuse::term {

/// Registers `store` and `sync` on the app; their callbacks set `exitCode`.
void addStoreCommands(CLI::App& app, int& exitCode);

/// Indexes a replay just recorded into the local store; says why on stderr when it cannot
/// (the replay is saved all the same).
/// `store class DIR`: a class's runs played through the engine into DIR.
int storeClass(const std::string& dir, int trainees, int scenarios, int runs, std::uint64_t seed,
               Lang lang);
/// `store bench N`: plays N replays (or reuses DIR/replays), indexes them into a fresh store,
/// reads them back and works out the dashboard, printing the times.
int storeBench(int count, const std::string& dir, std::uint64_t seed, Lang lang);
/// Prints what an import could not index, with the diagnostics; returns how many.
int reportUnreadable(const store::ImportResult& r, Lang lang);

void indexRecorded(const std::filesystem::path& replay, const std::string& lang);

}  // namespace defuse::term
