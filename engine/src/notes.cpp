// The assessor's notes and mark on a replay.
#include "defuse/notes.hpp"

#include <algorithm>

#include "defuse/files.hpp"
#include "defuse/signature.hpp"

namespace defuse {

namespace fs = std::filesystem;

void setNote(AssessorNotes& notes, int turn, const std::string& text, const std::string& written) {
    auto& v = notes.notes;
    v.erase(std::remove_if(v.begin(), v.end(),
                           [turn](const AssessorNote& n) { return n.turn == turn; }),
            v.end());
    if (text.empty()) return;
    auto at =
        std::find_if(v.begin(), v.end(), [turn](const AssessorNote& n) { return n.turn > turn; });
    v.insert(at, AssessorNote{turn, text, written});
}

const AssessorNote* noteOn(const AssessorNotes& notes, int turn) {
    for (const auto& n : notes.notes)
        if (n.turn == turn) return &n;
    return nullptr;
}

void setMark(AssessorNotes& notes, OverrideMark mark, const std::string& reason,
             const std::string& written) {
    notes.mark = mark;
    notes.reason = mark == OverrideMark::None ? std::string() : reason;
    notes.markWritten = mark == OverrideMark::None ? std::string() : written;
}

std::string_view markId(OverrideMark mark) {
    switch (mark) {
        case OverrideMark::Pass:
            return "pass";
        case OverrideMark::Fail:
            return "fail";
        case OverrideMark::None:
            break;
    }
    return "";
}

NoteResult annotateReplay(const fs::path& file, const NoteEdit& edit) {
    return annotateReplay(file, std::vector<NoteEdit>{edit});
}

NoteResult annotateReplay(const fs::path& file, const std::vector<NoteEdit>& edits) {
    NoteResult out;
    auto loaded = loadReplay(file);
    if (!loaded.ok()) {
        out.error = Message(Msg::NoteCannotLoad, {file.string()});
        return out;
    }
    if (edits.empty()) {
        out.error = Msg::NoteNothing;
        return out;
    }
    Replay r = *loaded.value;
    const int turns = static_cast<int>(r.turns.size());
    std::string now = nowIso8601();
    for (const NoteEdit& edit : edits) {
        if (!edit.text && !edit.mark) {
            out.error = Msg::NoteNothing;
            return out;
        }
        int turn = edit.turn.value_or(0);
        if (turn < 0 || turn > turns) {
            out.error = Message(Msg::NoteTurnOutOfRange,
                                {Message::num(static_cast<long long>(turn)),
                                 Message(turns == 1 ? Msg::ResumeOneTurn : Msg::ResumeTurns,
                                         {Message::num(static_cast<long long>(turns))})});
            return out;
        }
        if (edit.mark && *edit.mark != OverrideMark::None && edit.reason.empty()) {
            out.error = Msg::NoteNeedsReason;
            return out;
        }
        if (edit.text) setNote(r.notes, turn, *edit.text, now);
        if (edit.mark) setMark(r.notes, *edit.mark, edit.reason, now);
    }
    std::string why;
    if (!writeReplay(r, file, &why)) {
        out.error = Message(Msg::KeyCannotWrite, {file.string(), why});
        return out;
    }
    std::error_code ec;
    out.wasSigned = fs::exists(signaturePath(file), ec);
    out.replay = std::make_shared<Replay>(std::move(r));
    return out;
}

}  // namespace defuse
