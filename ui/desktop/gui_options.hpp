#pragma once
// What `defuse gui` was asked to do.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace defuse::desktop {

class FrameHooks;

struct GuiOptions {
    std::vector<std::filesystem::path> extraDirs;  ///< --scenarios DIR (repeatable)
    std::string lang;                              ///< --lang; "" = from settings / locale
    std::optional<std::uint64_t> seed;             ///< --seed N
    /// A program drives the window (--drive, --bench): no vsync, no mouse, and the
    /// trainee's settings file is left alone.
    bool scripted = false;
    /// Offer to resume or close out an unfinished assessment at start-up (off for scripted
    /// runs other than the resume drive).
    bool offerResume = true;
    /// --store: the dashboard's store ("" = the local one; a file or postgresql://...).
    std::string store;
    int width = 1280;
    int height = 800;
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
};

/// Runs the window until it is closed (or `hooks` say they are done). Returns the exit code.
int runApp(const GuiOptions& options, FrameHooks* hooks = nullptr);

}  // namespace defuse::desktop
