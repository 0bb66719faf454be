#pragma once
// The replay viewer: a recorded run turn by turn (the customer's line, the answers on offer in
// the order shown, the one picked, the better one, the mood before and after, the time taken),
// the mood curve with the turn marked, the score explained as the debrief explains it, and
// what if another answer on offer had been picked (the best and the worst score still
// reachable, with the best continuation's curve beside the real one). With no replay open it
// offers one: a path, the earlier attempts, or a file dropped on the window.
#include <array>

#include "panels/debrief.hpp"
#include "shell.hpp"

namespace defuse::desktop {

struct ReviewPanel {
    void draw(Shell& sh);

private:
    void drawOpen(Shell& sh);
    void drawHeader(Shell& sh, const Review& r);
    /// The signature's status, the assessor's mark and the note on the run.
    void drawTrust(Shell& sh, const Review& r);
    void drawTimeline(Shell& sh, Review& r);
    void drawTurn(Shell& sh, Review& r);
    void drawAnswers(Shell& sh, Review& r);
    void drawCurves(Shell& sh, const Review& r);
    void drawWhatIf(Shell& sh, const Review& r);
    void drawScore(Shell& sh, const Review& r);
    /// The notes editor (review_notes.cpp): a note on the turn and on the run, the mark.
    void drawNotesEditor(Shell& sh, Review& r);

    std::array<char, 1024> m_path{};
    bool m_picking = false;    ///< the "open a replay" view over an open replay
    DebriefPanel m_debrief;    ///< the debrief's score parts, drawn for the replay
    bool m_notesOpen = false;  ///< the notes editor's popup is open
};

}  // namespace defuse::desktop
