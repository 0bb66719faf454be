#pragma once
// `defuse gui --drive`: goes through a scenario in the real window, the way a trainee
// would (the answers are picked with the number keys), saving screenshots on the way.
#include <string>

#include "app_state.hpp"

namespace defuse::desktop {

class Driver {
public:
    explicit Driver(const GuiOptions& options);

    bool active() const { return m_phase != Phase::Off && m_phase != Phase::Done; }
    bool done() const { return m_phase == Phase::Done; }
    int exitCode() const { return m_exitCode; }

    /// Finds the scenario to drive (an id in the library or a file, added to it) before the
    /// first frame. False (with a message on stderr) when there is none.
    bool prepare(AppState& st);
    /// Before each frame: acts once the window has been quiet for a few frames. `busy` says
    /// whether the last frame was still animating or waiting for fonts or history.
    void beforeFrame(AppState& st, bool busy);
    /// After drawing, before the swap: saves the screenshot asked for, if any.
    void afterRender(AppState& st, int width, int height);

private:
    enum class Phase { Off, Library, Briefing, Conversation, Debrief, Settings, Done };
    void fail(const std::string& message);
    void shoot(const std::string& name) { m_shot = name; }
    void finish(AppState& st);

    GuiOptions m_options;
    Phase m_phase = Phase::Off;
    int m_index = -1;        ///< the scenario's library index
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
};

}  // namespace defuse::desktop
