#pragma once
// `defuse gui --review REPLAY --turn N --what-if ANSWER`: opens the replay viewer in the real
// window, first with no replay (the earlier attempts to pick from), then with REPLAY at turn
// N, asks what if ANSWER had been picked there, and shows the score view, saving a screenshot
// of each. Prints what the viewer holds. A frame hook: the main loop knows nothing about it.
#include <filesystem>
#include <optional>
#include <string>

#include "frame_hooks.hpp"

namespace defuse::desktop {

struct ReviewDriveOptions {
    std::filesystem::path replay;       ///< --review REPLAY
    int turn = 1;                       ///< --turn N (1-based)
    std::string whatIf;                 ///< --what-if ANSWER_ID ("" = none)
    std::filesystem::path screenshots;  ///< --screenshots DIR ("" = none)
    // The assessor's notes, written in the viewer's editor and saved (its Save button's call).
    std::optional<std::string> note;     ///< --note TEXT: on --note-turn
    int noteTurn = 0;                    ///< --note-turn N (0 = --turn)
    std::optional<std::string> runNote;  ///< --run-note TEXT: on the whole run
    std::optional<std::string> mark;     ///< --mark pass|fail|none
    std::string reason;                  ///< --reason TEXT
    bool writesNotes() const { return note || runNote || mark; }
};

class Review;

class ReviewDriver final : public FrameHooks {
public:
    explicit ReviewDriver(ReviewDriveOptions options);

    bool forcing() const override { return !done(); }
    void beforeFrame(Shell& sh, bool busy) override;
    void afterRender(Shell& sh, int width, int height) override;
    bool done() const override { return m_phase == Phase::Done; }
    int exitCode() const override { return m_exitCode; }

private:
    enum class Phase { Picker, Open, Turn, Notes, NotesSaved, WhatIf, Score, Done };
    /// Fills the notes editor's draft from the options; false (failed) when they do not fit.
    bool fillDraft(Review& r);
    void fail(const std::string& message);
    void shoot(const std::string& name) { m_shot = name; }
    void report(Shell& sh);

    ReviewDriveOptions m_options;
    Phase m_phase = Phase::Picker;
    int m_quiet = 0;
    bool m_shotTaken = false;
    std::string m_shot;
    int m_exitCode = 1;
    double m_deadline = 0;
};

}  // namespace defuse::desktop
