// One step at a time, on quiet frames.
#include "harness/steps.hpp"

#include <iostream>

#include "harness/screenshot.hpp"
#include "shell.hpp"

namespace defuse::desktop {

namespace {
constexpr int kQuietFrames = 3;
constexpr double kTimeoutSeconds = 120;
}  // namespace

void StepDriver::fail(const std::string& message) {
    std::cerr << "defuse gui " << m_name << ": " << message << "\n";
    m_exitCode = 1;
    m_done = true;
}

void StepDriver::beforeFrame(Shell& sh, bool busy) {
    if (done()) return;
    const double now = sh.ui.now();
    if (m_deadline == 0) m_deadline = now + kTimeoutSeconds;
    if (now > m_deadline) return fail("timed out");
    m_quiet = busy ? 0 : m_quiet + 1;
    if (m_quiet < kQuietFrames || !m_shot.empty()) return;
    m_quiet = 0;  // every step waits for the window to be quiet again
    step(sh);
}

void StepDriver::afterRender(Shell& sh, int width, int height) {
    (void)sh;
    if (m_shot.empty()) return;
    const std::string name = m_shot;
    m_shot.clear();
    m_quiet = kQuietFrames;  // the shot frame was quiet: the next step follows at once
    if (m_screenshots.empty()) return;
    std::string error;
    if (!saveShot(m_screenshots, name, width, height, &error)) fail(error);
}

}  // namespace defuse::desktop
