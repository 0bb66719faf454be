#pragma once
// The one way into the main loop for anything that is not the trainee: the drive and the
// bench (harness/) watch and steer frames through these calls. The loop itself knows
// nothing about them.
#include <string>
#include <utility>
#include <vector>

namespace defuse::desktop {

struct Shell;

/// Where start-up time went, step by step (milliseconds).
using StartupTimes = std::vector<std::pair<std::string, double>>;

/// What the loop measured of a frame that was shown.
struct FrameStats {
    double buildMs = 0;  ///< building the UI (ImGui::NewFrame to Render)
    double frameMs = 0;  ///< the whole frame, up to the swap
    /// The first frame: the time since the program started, and the start-up steps.
    bool first = false;
    double sinceStartMs = 0;
    const StartupTimes* startup = nullptr;
};

class FrameHooks {
public:
    virtual ~FrameHooks() = default;
    /// Before the window shows, with the library loaded (on the loading thread). False
    /// stops the app with `exitCode()`.
    virtual bool prepare(Shell& shell) {
        (void)shell;
        return true;
    }
    /// While true, frames are drawn back to back instead of waiting for input.
    virtual bool forcing() const { return false; }
    /// Each time the loop wakes up; `willDraw` when a frame follows.
    virtual void wokeUp(bool willDraw) { (void)willDraw; }
    /// Before a frame is built. `busy` when the last one was still animating or waiting
    /// for fonts or the history.
    virtual void beforeFrame(Shell& shell, bool busy) = 0;
    /// After a frame is rendered into the back buffer (`width` x `height`), before the swap.
    virtual void afterRender(Shell& shell, int width, int height) {
        (void)shell, (void)width, (void)height;
    }
    /// After a frame was shown.
    virtual void afterFrame(Shell& shell, const FrameStats& stats) { (void)shell, (void)stats; }
    /// True when the loop should stop.
    virtual bool done() const = 0;
    virtual int exitCode() const { return 0; }
};

}  // namespace defuse::desktop
