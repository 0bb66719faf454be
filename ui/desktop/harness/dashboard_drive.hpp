#pragma once
// `defuse gui --dashboard [--store WHERE] --screenshots DIR`: opens the class dashboard in the
// real window over the store, saves a screenshot, filters to assessments (another), opens a
// trainee's best run in the replay viewer from it (a third), and prints what the dashboard
// held. A frame hook: the main loop knows nothing about it.
#include <filesystem>
#include <string>

#include "frame_hooks.hpp"

namespace defuse::desktop {

class DashboardDriver final : public FrameHooks {
public:
    explicit DashboardDriver(std::filesystem::path screenshots);

    bool forcing() const override { return !done(); }
    void beforeFrame(Shell& sh, bool busy) override;
    void afterRender(Shell& sh, int width, int height) override;
    /// Times the frames that draw the dashboard (the benchmark's figures).
    void afterFrame(Shell& sh, const FrameStats& stats) override;
    bool done() const override { return m_phase == Phase::Done; }
    int exitCode() const override { return m_exitCode; }

private:
    enum class Phase { Wait, Board, Filtered, Open, Done };
    void fail(const std::string& message);

    std::filesystem::path m_screenshots;
    Phase m_phase = Phase::Wait;
    int m_quiet = 0;
    bool m_shotTaken = false;
    std::string m_shot;
    int m_exitCode = 1;
    double m_deadline = 0;
    int m_frames = 0;
    double m_buildMs = 0, m_maxBuildMs = 0, m_frameMs = 0;
};

}  // namespace defuse::desktop
