#pragma once
// The desktop app's state, in four parts, each with one job:
//   ui         the UI services: settings, fonts and theme, the toast, frame scheduling;
//   catalogue  what there is to play: the engine's Library, and the history of attempts;
//   nav        where the trainee is: the one place screens change, holding the attempt in
//              progress (a Play around the engine's Attempt);
// and the few actions that touch more than one part. Panels take the shell; widgets only a
// text context (ui.text()).
#include <filesystem>

#include "assessor.hpp"
#include "catalogue.hpp"
#include "dashboard.hpp"
#include "gui_options.hpp"
#include "live_reload.hpp"
#include "navigator.hpp"
#include "services.hpp"
#include "voice_out.hpp"

namespace defuse::desktop {

struct Shell {
    explicit Shell(GuiOptions opts);

    GuiOptions options;
    Services ui;
    Catalogue catalogue;
    Navigator nav;
    /// The customer's voice: speaker, listen-only, the worker that speaks.
    VoiceOut voice;
    /// The class dashboard: the store it reads, its filters and figures.
    ClassBoard board;
    /// Live reload of a practice in progress (live_reload.hpp).
    LiveReload live;
    /// Unfinished assessments offered at start-up (assessor.hpp).
    ResumeOffer resumeOffer;

    // [SECTION] Actions across the parts
    /// Loads the bundled folder and every extra folder (toasts say what failed).
    void loadLibrary();
    /// Adds a folder to the library; false (with a toast) when it is not a folder.
    bool openFolder(const std::filesystem::path& dir);
    /// Reads the earlier attempts (after the first frame, so start-up stays fast).
    void loadHistory();
    /// Starts a new attempt at the scenario being briefed or played, recording its replay.
    bool start(Mode mode);
    /// Picks the shown answer `index` (0-based) of the attempt in progress.
    void choose(std::size_t index);
    /// Takes back the last answer of the attempt in progress (practice only).
    void rewind();
    /// Opens a replay in the viewer; false (with a toast saying why) when it cannot be read
    /// or re-played.
    bool openReplay(const std::filesystem::path& file);

private:
    void afterTurn();
};

}  // namespace defuse::desktop
