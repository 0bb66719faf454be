// The replay viewer, driven.
#include "harness/review_drive.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "assessor.hpp"
#include "harness/screenshot.hpp"
#include "shell.hpp"

namespace defuse::desktop {

namespace {
constexpr int kQuietFrames = 3;
constexpr double kTimeoutSeconds = 120;

std::string moodLine(const Mood& m) {
    return std::to_string(m.anger()) + "/" + std::to_string(m.trust()) + "/" +
           std::to_string(m.patience());
}
}  // namespace

ReviewDriver::ReviewDriver(ReviewDriveOptions options) : m_options(std::move(options)) {}

void ReviewDriver::fail(const std::string& message) {
    std::cerr << "defuse gui --review: " << message << "\n";
    m_exitCode = 1;
    m_phase = Phase::Done;
}

void ReviewDriver::beforeFrame(Shell& sh, bool busy) {
    if (done()) return;
    const double now = sh.ui.now();
    if (m_deadline == 0) m_deadline = now + kTimeoutSeconds;
    if (now > m_deadline) return fail("timed out");
    m_quiet = busy ? 0 : m_quiet + 1;
    if (m_quiet < kQuietFrames || !m_shot.empty()) return;
    m_quiet = 0;
    Review* r = sh.nav.review();
    switch (m_phase) {
        case Phase::Picker:  // the viewer with nothing open: the earlier attempts
            if (!sh.catalogue.history().loaded()) return;
            if (sh.nav.screen() != Screen::Review) return sh.nav.toReview();
            if (!m_shotTaken) return shoot("review-open.png");
            m_phase = Phase::Open;
            m_shotTaken = false;
            break;
        case Phase::Open: {
            if (!sh.openReplay(m_options.replay))
                return fail("could not open " + m_options.replay.string() + ": " +
                            sh.ui.toast().text);
            r = sh.nav.review();
            const int turns = static_cast<int>(r->turnCount());
            if (m_options.turn < 1 || m_options.turn > turns)
                return fail("--turn " + std::to_string(m_options.turn) + ": the run has " +
                            std::to_string(turns) + " turns");
            r->setTurn(static_cast<std::size_t>(m_options.turn - 1));
            m_phase = Phase::Turn;
            break;
        }
        case Phase::Turn:
            if (!m_shotTaken) return shoot("review.png");
            m_shotTaken = false;
            if (m_options.writesNotes() && r->draft().open == false) {
                r->openDraft();
                if (!fillDraft(*r)) return;
                m_phase = Phase::Notes;
                break;
            }
            [[fallthrough]];
        case Phase::NotesSaved:
            if (m_phase == Phase::NotesSaved && !m_shotTaken) return shoot("review-notes.png");
            m_shotTaken = false;
            if (m_options.whatIf.empty()) {
                m_phase = Phase::Score;
                break;
            }
            {
                const Turn& t = r->attempt().turns()[r->turn()];
                if (std::find(t.shown.begin(), t.shown.end(), m_options.whatIf) == t.shown.end()) {
                    std::string onOffer;
                    for (const std::string& id : t.shown) onOffer += " " + id;
                    return fail("'" + m_options.whatIf + "' was not on offer at turn " +
                                std::to_string(m_options.turn) + " (on offer:" + onOffer + ")");
                }
            }
            r->askWhatIf(m_options.whatIf);
            m_phase = Phase::WhatIf;
            break;
        case Phase::Notes:  // the editor filled in, then its Save button's call
            if (!m_shotTaken) return shoot("review-notes-editor.png");
            m_shotTaken = false;
            if (!saveNotes(sh)) return fail("the notes were not saved: " + sh.ui.toast().text);
            std::cout << "notes saved: " << sh.ui.toast().text << "\n";
            m_phase = Phase::NotesSaved;
            break;
        case Phase::WhatIf:
            if (r->whatIf() == nullptr) return;  // the panel takes it when the search ends
            if (!r->whatIf()->ok()) return fail("the what-if could not be computed");
            if (!m_shotTaken) return shoot("review-whatif.png");
            m_shotTaken = false;
            m_phase = Phase::Score;
            break;
        case Phase::Score:
            if (r->view() != ReviewView::Score) return r->setView(ReviewView::Score);
            if (!m_shotTaken) return shoot("review-score.png");
            r->setView(ReviewView::Turns);
            report(sh);
            break;
        case Phase::Done:
            break;
    }
}

bool ReviewDriver::fillDraft(Review& r) {
    NotesDraft& d = r.draft();
    const int turns = static_cast<int>(r.turnCount());
    const int turn = m_options.noteTurn > 0 ? m_options.noteTurn : m_options.turn;
    if (turn > turns) {
        fail("--note-turn " + std::to_string(turn) + ": the run has " + std::to_string(turns) +
             " turns");
        return false;
    }
    if (turn != d.turn) {  // the editor writes on the turn shown: go there first
        r.setTurn(static_cast<std::size_t>(turn - 1));
        r.openDraft();
    }
    auto put = [](auto& buf, const std::string& text) {
        std::snprintf(buf.data(), buf.size(), "%s", text.c_str());
    };
    if (m_options.note) put(d.turnNote, *m_options.note);
    if (m_options.runNote) put(d.runNote, *m_options.runNote);
    if (m_options.mark) {
        d.mark = *m_options.mark == "pass"   ? OverrideMark::Pass
                 : *m_options.mark == "fail" ? OverrideMark::Fail
                                             : OverrideMark::None;
        put(d.reason, m_options.reason);
    }
    return true;
}

void ReviewDriver::afterRender(Shell& sh, int width, int height) {
    (void)sh;
    if (m_shot.empty()) return;
    const std::string name = m_shot;
    m_shot.clear();
    m_shotTaken = true;
    m_quiet = kQuietFrames;
    if (m_options.screenshots.empty()) return;
    std::string error;
    if (!saveShot(m_options.screenshots, name, width, height, &error)) fail(error);
}

void ReviewDriver::report(Shell& sh) {
    const Review* r = sh.nav.review();
    if (r == nullptr) return fail("the replay is gone");
    const ScoreReport& rep = r->report();
    std::cout << "replay: " << r->scenario().id << " " << r->turnCount() << " turns, score "
              << rep.total << " " << rep.grade << ", ending "
              << (rep.endingId.empty() ? std::string("-") : rep.endingId) << "\n";
    std::cout << "scenario changed: " << (r->scenarioChanged() ? "yes" : "no") << "\n";
    const char* kinds[] = {"none", "valid", "changed", "not valid", "other key"};
    std::cout << "signature: " << kinds[static_cast<int>(r->signature().kind)] << "\n";
    for (const AssessorNote& n : r->replay().notes.notes)
        std::cout << "note " << (n.turn > 0 ? "turn " + std::to_string(n.turn) : "run") << ": "
                  << n.text << "\n";
    if (r->replay().notes.mark != OverrideMark::None)
        std::cout << "mark: " << markId(r->replay().notes.mark) << " (" << r->replay().notes.reason
                  << ")\n";
    if (r->resignNeeded()) std::cout << "re-sign needed: yes\n";
    const Turn& t = r->attempt().turns()[r->turn()];
    std::cout << "turn " << r->turn() + 1 << " at " << t.node << ": shown";
    for (const std::string& id : t.shown) std::cout << " " << id;
    std::cout << "; picked " << t.picked;
    if (const BetterAnswer* b = r->better(r->turn())) std::cout << "; better " << b->better;
    std::cout << "; mood " << moodLine(t.before) << " -> " << moodLine(t.after) << "\n";
    if (const WhatIf* w = r->whatIf()) {
        std::cout << "what-if: turn " << w->turn << " " << w->answer << ": best " << w->best.score
                  << " (" << w->best.ending << "), worst " << w->worst.score << " ("
                  << w->worst.ending << "), real " << w->realScore << ", " << w->paths
                  << " continuations" << (w->boundHit ? ", bound hit" : "") << "\n";
        std::cout << "what-if best way:";
        for (const std::string& id : w->best.answers) std::cout << " " << id;
        std::cout << "\n";
    }
    const Fonts& fonts = sh.ui.fonts;
    std::cout << "glyphs missing: " << fonts.missingGlyphs() << "\n";
    if (fonts.missingGlyphs() > 0) std::cout << "missing: " << fonts.missingSample() << "\n";
    m_exitCode = 0;
    m_phase = Phase::Done;
}

}  // namespace defuse::desktop
