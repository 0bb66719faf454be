#pragma once
// `defuse gui --drive`: goes through a scenario in the real window, the way a trainee
// would (the answers are picked with the number keys), saving screenshots on the way.
// A frame hook: the main loop knows nothing about it.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "defuse/scenario.hpp"
#include "frame_hooks.hpp"

namespace defuse::desktop {

/// What `--drive` was asked to do.
struct DriveOptions {
    std::string scenario;               ///< --drive SCENARIO_ID_OR_FILE
    std::vector<int> choices;           ///< --choices: 1-based shown answers, 0 = take one back
    std::vector<std::string> answers;   ///< --answers: answer ids, "r" = take one back
    std::filesystem::path screenshots;  ///< --screenshots DIR ("" = none)
    int conversationShot = 0;           ///< --conversation-shot N (0 = before the last choice)
    bool assessment = false;            ///< --assessment
    /// --live-edits DIR: once the choices are played, DIR/good.yaml, broken.yaml, fixed.yaml
    /// and removed.yaml (those there) are copied over the scenario file in turn; after each the
    /// drive waits for the live reload, prints what it did and takes live-NAME.png.
    std::filesystem::path liveEdits;
};

class Driver final : public FrameHooks {
public:
    explicit Driver(DriveOptions options);

    /// Finds the scenario to drive (an id in the library, or a file) before the first
    /// frame. False (with a message on stderr) when there is none.
    bool prepare(Shell& sh) override;
    bool forcing() const override { return !done(); }
    /// Acts once the window has been quiet for a few frames.
    void beforeFrame(Shell& sh, bool busy) override;
    /// Saves the screenshot asked for, if any.
    void afterRender(Shell& sh, int width, int height) override;
    bool done() const override { return m_phase == Phase::Done; }
    int exitCode() const override { return m_exitCode; }

private:
    enum class Phase { Library, Briefing, Conversation, LiveEdits, Debrief, Settings, Done };
    void fail(const std::string& message);
    void shoot(const std::string& name) { m_shot = name; }
    void finish(Shell& sh);
    void liveEdits(Shell& sh);  // harness/drive_live.cpp

    DriveOptions m_options;
    std::shared_ptr<const Scenario> m_scenario;
    Phase m_phase = Phase::Library;
    std::size_t m_next = 0;  ///< the next choice to make
    int m_quiet = 0;         ///< quiet frames in a row
    int m_key = -1;          ///< a key held down for one frame
    int m_waitVersion = -1;  ///< the attempt version before the last key press
    int m_waitFrames = 0;
    bool m_conversationShot = false;
    bool m_shotTaken = false;  ///< this phase's screenshot is done
    std::string m_shot;        ///< screenshot to save after this frame
    int m_exitCode = 1;
    double m_deadline = 0;
    std::size_t m_edit = 0;  ///< the live edit under way
    int m_editReloads = -1;  ///< the reload count before it (-1: not written yet)
    int m_editFrames = 0;
};

}  // namespace defuse::desktop
