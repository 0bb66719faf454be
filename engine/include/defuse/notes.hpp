#pragma once
/// The assessor's notes on a replay: a note on any turn and on the whole run, and an optional
/// override mark (pass or fail, with a reason) kept beside, never replacing, the computed
/// score. They live in the replay (`notes:` and `override:`), are written atomically, and a
/// signature made after them covers them (signature.hpp).
///
/// For a front end (the desktop's replay viewer, the terminal's `defuse note`):
///
///     NoteEdit e;
///     e.turn = 3;                          // 0: the whole run
///     e.text = "Good recovery after the blame.";
///     NoteResult r = annotateReplay("li.yaml", e);
///     if (!r.ok()) show(r.error);          // a Message, rendered in the UI's language
///     if (r.wasSigned) ask to sign again;  // the old signature no longer covers the file
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "defuse/message.hpp"
#include "defuse/replay.hpp"

namespace defuse {

/// Sets the note on `turn` (0 = the whole run), replacing the one there; empty `text` removes
/// it. Notes stay in turn order, the run's first. `written` is when (ISO 8601).
void setNote(AssessorNotes& notes, int turn, const std::string& text, const std::string& written);

/// The note on `turn` (0 = the whole run), or nullptr.
const AssessorNote* noteOn(const AssessorNotes& notes, int turn);

/// Sets the override mark with its reason (None clears both).
void setMark(AssessorNotes& notes, OverrideMark mark, const std::string& reason,
             const std::string& written);

/// "pass", "fail" or "".
std::string_view markId(OverrideMark mark);

/// One change to a replay's notes.
struct NoteEdit {
    std::optional<int> turn;           ///< the turn the text is about (none or 0: the whole run)
    std::optional<std::string> text;   ///< the note ("" removes it); none: the note is left as is
    std::optional<OverrideMark> mark;  ///< the mark (None clears it); none: left as is
    std::string reason;                ///< required with Pass or Fail
};

/// What annotateReplay did.
struct NoteResult {
    Message error;           ///< empty when it worked
    bool wasSigned = false;  ///< the replay has a signature, which no longer covers it
    std::shared_ptr<const Replay> replay;  ///< the replay as written
    bool ok() const { return error.empty(); }
};

/// Loads the replay at `file`, applies `edit` (a turn must exist; a mark needs a reason) and
/// writes it back atomically; nothing is written when anything is wrong.
NoteResult annotateReplay(const std::filesystem::path& file, const NoteEdit& edit);

/// The same with several edits (a turn's note, the run's note, the mark) applied in order and
/// written back in one atomic write; nothing is written when any of them is wrong.
NoteResult annotateReplay(const std::filesystem::path& file, const std::vector<NoteEdit>& edits);

}  // namespace defuse
