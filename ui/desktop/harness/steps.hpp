#pragma once
// A driver that does one step at a time, each once the window has been quiet for a few
// frames, and saves the screenshots its steps ask for. The drop and the resume drives are
// built on it (`defuse gui --drop`, `--resume-dialog`).
#include <filesystem>
#include <string>

#include "frame_hooks.hpp"

namespace defuse::desktop {

class StepDriver : public FrameHooks {
public:
    StepDriver(std::string name, std::filesystem::path screenshots)
        : m_name(std::move(name)), m_screenshots(std::move(screenshots)) {}

    bool forcing() const override { return !done(); }
    void beforeFrame(Shell& sh, bool busy) final;
    void afterRender(Shell& sh, int width, int height) final;
    bool done() const override { return m_done; }
    int exitCode() const override { return m_exitCode; }

protected:
    /// The next step, called when the window is quiet and no screenshot is pending.
    virtual void step(Shell& sh) = 0;
    /// Saves the next frame as `name` (in --screenshots DIR, if given).
    void shoot(const std::string& name) { m_shot = name; }
    void fail(const std::string& message);
    void finish() {
        m_exitCode = 0;
        m_done = true;
    }

private:
    std::string m_name;
    std::filesystem::path m_screenshots;
    std::string m_shot;
    int m_quiet = 0;
    bool m_done = false;
    int m_exitCode = 1;
    double m_deadline = 0;
};

}  // namespace defuse::desktop
