#pragma once
/// Where defuse finds its bundled scenarios and keeps the user's data.
#include <filesystem>
#include <vector>

namespace defuse {

/// The bundled scenario folder: $DEFUSE_SCENARIOS, else the source tree's scenarios/
/// (development builds), else ../share/defuse/scenarios next to the executable.
std::filesystem::path bundledScenarioDir();

/// The user's data folder: $XDG_DATA_HOME/defuse, else ~/.local/share/defuse. Not created.
std::filesystem::path userDataDir();

/// Where attempts (replays) are kept: userDataDir()/attempts.
std::filesystem::path attemptsDir();

}  // namespace defuse
