// The assessor's actions: resume or close out, sign at the end, save notes.
#include "assessor.hpp"

#include <algorithm>

#include "defuse/notes.hpp"
#include "defuse/paths.hpp"
#include "defuse/signature.hpp"
#include "shell.hpp"

namespace defuse::desktop {

namespace fs = std::filesystem;

namespace {

Message turnsAnswered(std::size_t n) {
    return n == 1 ? Message(Msg::ResumeOneTurn)
                  : Message(Msg::ResumeTurns, {Message::num(static_cast<long long>(n))});
}

// Why a run could not be taken up, from the engine's answer.
Message resumeProblem(const Resumption& res, const UnfinishedRun& run, Lang lang) {
    const std::string file = run.path.string();
    switch (res.problem) {
        case ResumeProblem::Finished:
            return Message(Msg::ResumeFinished, {Message(file), Message(run.replay->finished)});
        case ResumeProblem::Abandoned:
            return Message(Msg::ResumeAbandoned, {Message(file), Message(run.replay->abandoned)});
        case ResumeProblem::NotReplayable:
            return Message(Msg::ResumeNotReplayable, {Message(file)});
        case ResumeProblem::ScenarioChanged:
            return Message(Msg::ResumeScenarioChanged,
                           {Message(file), Message(run.replay->scenarioId)});
        case ResumeProblem::CannotWrite:
            return Message(Msg::ResumeCannotWrite, {Message(file), Message(res.writeError)});
        case ResumeProblem::NoScenario:
        case ResumeProblem::None:
            break;
    }
    std::string first;
    for (const Diagnostic& d : res.diagnostics)
        if (d.severity == Severity::Error && first.empty()) first = d.format(lang);
    Message m(Msg::ResumeCannotRead, {Message(file)});
    return first.empty() ? m : Message(render(m, lang) + "\n" + first);
}

void dropRun(ResumeOffer& offer, std::size_t index) {
    offer.runs.erase(offer.runs.begin() + static_cast<std::ptrdiff_t>(index));
    if (offer.runs.empty()) offer.open = false;
}

}  // namespace

void findUnfinishedRuns(Shell& sh) {
    ResumeOffer& offer = sh.resumeOffer;
    if (offer.checked || !sh.options.offerResume) return;
    offer.checked = true;
    for (UnfinishedRun& u : findUnfinished({attemptsDir()}))
        if (u.replay->mode == Mode::Assessment) offer.runs.push_back(std::move(u));
    offer.open = !offer.runs.empty();
}

bool resumeUnfinished(Shell& sh, std::size_t index) {
    ResumeOffer& offer = sh.resumeOffer;
    if (index >= offer.runs.size()) return false;
    const UnfinishedRun run = offer.runs[index];
    const Lang lang = sh.ui.lang();
    Resumption res = resumeRun(*run.replay, run.path, sh.catalogue.library().folders());
    if (!res.ok()) {
        sh.ui.showToast(render(resumeProblem(res, run, lang), lang), true, 12.0);
        return false;
    }
    dropRun(offer, index);
    offer.open = false;  // one run at a time: the others are offered at the next start
    sh.ui.wantScenario(*res.scenario);
    sh.nav.begin(std::make_unique<Play>(std::move(res.attempt)));
    sh.catalogue.history().track(sh.nav.play()->attempt());
    sh.ui.showToast(render(Message(Msg::UiResumedToast, {Message(run.path.filename().string()),
                                                         turnsAnswered(run.replay->turns.size())}),
                           lang));
    return true;
}

bool abandonUnfinished(Shell& sh, std::size_t index) {
    ResumeOffer& offer = sh.resumeOffer;
    if (index >= offer.runs.size()) return false;
    const UnfinishedRun run = offer.runs[index];
    const Lang lang = sh.ui.lang();
    std::string error;
    if (!abandonRun(*run.replay, run.path, &error)) {
        sh.ui.showToast(
            render(Message(Msg::ResumeCannotWrite, {Message(run.path.string()), Message(error)}),
                   lang),
            true, 12.0);
        return false;
    }
    dropRun(offer, index);
    sh.loadHistory();  // the run now shows as closed out
    sh.ui.showToast(render(
        Message(Msg::UiAbandonedToast,
                {Message(run.path.filename().string()), turnsAnswered(run.replay->turns.size())}),
        lang));
    return true;
}

void decideLater(Shell& sh) { sh.resumeOffer.open = false; }

void signAtEnd(Shell& sh) {
    Play* play = sh.nav.play();
    if (play == nullptr || play->signedAtEnd() != nullptr) return;
    const Attempt& a = play->attempt();
    const std::string& key = sh.ui.settings().assessorKey;
    if (!a.finished() || a.mode() != Mode::Assessment || key.empty()) return;
    const SaveState& save = a.saveState();
    if (!save.recording || !save.saved) return;  // the save error is said already
    SignOutcome out = signReplayFile(save.path, key);
    const Lang lang = sh.ui.lang();
    if (out.ok())
        sh.ui.showToast(tr(lang, Msg::UiAutoSigned, {out.key, out.sigFile.string()}), false, 8.0);
    else
        sh.ui.showToast(tr(lang, Msg::UiSignFailed, {render(out.error, lang)}), true, 15.0);
    play->setSignedAtEnd(std::move(out));
}

bool saveNotes(Shell& sh) {
    Review* r = sh.nav.review();
    if (r == nullptr) return false;
    NotesDraft& d = r->draft();
    const Lang lang = sh.ui.lang();
    // Only what changed is written: an unchanged note keeps its time (and a signature).
    std::vector<NoteEdit> edits;
    auto noteEdit = [&](int turn, const std::string& text) {
        const AssessorNote* now = r->note(turn);
        if ((now == nullptr && text.empty()) || (now != nullptr && now->text == text)) return;
        NoteEdit e;
        e.turn = turn;
        e.text = text;
        edits.push_back(std::move(e));
    };
    noteEdit(d.turn, d.turnNote.data());
    noteEdit(0, d.runNote.data());
    const AssessorNotes& notes = r->replay().notes;
    const std::string reason = d.reason.data();
    if (d.mark != notes.mark || (d.mark != OverrideMark::None && reason != notes.reason)) {
        NoteEdit e;
        e.mark = d.mark;
        e.reason = d.mark == OverrideMark::None ? std::string() : reason;
        edits.push_back(std::move(e));
    }
    if (edits.empty()) {
        d.open = false;
        return true;
    }
    const NoteResult res = annotateReplay(r->file(), edits);
    if (!res.ok()) {
        sh.ui.showToast(render(res.error, lang), true, 10.0);
        return false;
    }
    const fs::path file = r->file();
    const std::size_t turn = r->turn();
    const ReviewView view = r->view();
    std::string toast = tr(lang, Msg::UiNotesSaved, {file.string()});
    bool error = false, resign = false;
    if (res.wasSigned) {
        const std::string& key = sh.ui.settings().assessorKey;
        if (key.empty()) {
            resign = true;
            toast = tr(lang, Msg::UiNotesResignNeeded, {file.string()});
        } else if (SignOutcome out = signReplayFile(file, key); out.ok()) {
            toast = tr(lang, Msg::UiNotesResigned, {out.key});
        } else {
            resign = true;
            error = true;
            toast = tr(lang, Msg::UiSignFailed, {render(out.error, lang)});
        }
    }
    if (sh.openReplay(file)) {  // the viewer shows the replay as written, its signature checked
        Review* now = sh.nav.review();
        now->setTurn(turn);
        now->setView(view);
        now->setResignNeeded(resign);
    }
    sh.ui.showToast(toast, error, 10.0);
    return true;
}

}  // namespace defuse::desktop
