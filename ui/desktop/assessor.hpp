#pragma once
// The assessor's side of the desktop, each a thin call into the engine: the offer of an
// unfinished assessment at start-up (resume.hpp), signing an assessment when it ends
// (signature.hpp), and saving the notes written in the replay viewer (notes.hpp). The dialog,
// the viewer's editor and the harness call these same functions.
#include <cstddef>
#include <vector>

#include "defuse/resume.hpp"

namespace defuse::desktop {

struct Shell;

/// The unfinished assessments found in the attempts folder when the app started.
struct ResumeOffer {
    std::vector<UnfinishedRun> runs;
    bool checked = false;  ///< looked already (once per start)
    bool open = false;     ///< the dialog shows
};

/// Looks once (after the history is read) for unfinished assessments in the attempts folder
/// and opens the dialog when there are any (not in a scripted run unless it asked).
void findUnfinishedRuns(Shell& sh);
/// Takes run `index` up where it stopped: the conversation continues, the break is recorded
/// in its replay. False, with a toast saying why, when it cannot be.
bool resumeUnfinished(Shell& sh, std::size_t index);
/// Closes run `index` out as abandoned (it then scores as not finished).
bool abandonUnfinished(Shell& sh, std::size_t index);
/// Closes the dialog; the runs stay unfinished and are offered at the next start.
void decideLater(Shell& sh);

/// At the end of a recorded assessment, signs its replay with the assessor's key when one is
/// set (once); a toast says it was signed, or why not (the replay stays saved either way).
void signAtEnd(Shell& sh);

/// Saves the viewer's notes draft into the open replay (one atomic write, only what changed),
/// signs it again when it was signed and an assessor key is set, and reopens it. False, with
/// a toast saying why, when nothing could be saved.
bool saveNotes(Shell& sh);

}  // namespace defuse::desktop
