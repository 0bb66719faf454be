#pragma once
/// Where defuse finds its bundled scenarios and keeps the user's data.
#include <filesystem>
#include <vector>

namespace defuse {

/// The bundled scenario folder: $DEFUSE_SCENARIOS, else ../share/defuse/scenarios from the
/// executable's folder (installed: <prefix>/share/defuse/scenarios; a build tree links
/// <build>/share/defuse/scenarios to the source's scenarios/), else ./scenarios.
std::filesystem::path bundledScenarioDir();

/// The user's data folder: $XDG_DATA_HOME/defuse, else ~/.local/share/defuse. Not created.
std::filesystem::path userDataDir();

/// Where attempts (replays) are kept: userDataDir()/attempts.
std::filesystem::path attemptsDir();

}  // namespace defuse
