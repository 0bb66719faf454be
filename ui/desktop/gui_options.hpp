#pragma once
// What `defuse gui` was asked to do.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace defuse::desktop {

struct GuiOptions {
    std::vector<std::filesystem::path> extraDirs;  ///< --scenarios DIR (repeatable)
    std::string lang;                              ///< --lang; "" = from settings / locale
    std::string drive;                             ///< --drive SCENARIO_ID_OR_FILE
    std::vector<int> choices;                      ///< --choices 1,2,3 (1-based shown answers)
    std::optional<std::uint64_t> seed;             ///< --seed N
    std::filesystem::path screenshots;             ///< --screenshots DIR
    int conversationShot = 0;                      ///< --conversation-shot N (0 = before the last)
    bool assessment = false;                       ///< --assessment (drive/bench)
    bool bench = false;                            ///< --bench
    int benchFrames = 300;                         ///< --bench-frames N
    int width = 1280;
    int height = 800;
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
};

/// Runs the window until it is closed (or the drive / bench is done). Returns the exit code.
int runApp(const GuiOptions& options);

}  // namespace defuse::desktop
