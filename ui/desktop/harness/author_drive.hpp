#pragma once
// `defuse gui --author FILE --screenshots DIR [--live-edits DIR]`: the author view, driven:
// the graph (fitted; zoomed in and out and panned for 180 frames, timed; then at full size),
// a node inspected, a test run from it, and with
// --live-edits the files good.yaml, broken.yaml, fixed.yaml, removed.yaml of DIR (those that
// exist) copied over FILE in turn while the window runs, each reload timed and shown.
#include <filesystem>
#include <string>
#include <vector>

#include "frame_hooks.hpp"

namespace defuse::desktop {

class AuthorDriver final : public FrameHooks {
public:
    AuthorDriver(std::filesystem::path screenshots, std::filesystem::path edits);
    bool forcing() const override { return !done(); }
    void beforeFrame(Shell& sh, bool busy) override;
    void afterRender(Shell& sh, int width, int height) override;
    /// Times the frames of the zoom and pan sweep.
    void afterFrame(Shell& sh, const FrameStats& stats) override;
    bool done() const override { return m_done; }
    int exitCode() const override { return m_exitCode; }

private:
    void fail(const std::string& message);
    bool shoot(const std::string& name);  ///< true once the shot is taken

    std::filesystem::path m_screenshots, m_edits;
    std::vector<std::string> m_editNames;
    int m_step = 0;
    std::size_t m_edit = 0;
    int m_quiet = 0;
    int m_reloadsBefore = 0;
    double m_editedAt = 0;
    double m_deadline = 0;
    bool m_waiting = false;
    bool m_shotTaken = false;
    std::string m_shot;
    bool m_done = false;
    int m_exitCode = 1;
    int m_sweep = -1;  ///< the zoom and pan sweep's frame (-1: not sweeping)
    bool m_swept = false;
    float m_fitZoom = 1;
    std::vector<double> m_sweepMs;
};

}  // namespace defuse::desktop
