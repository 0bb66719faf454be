// The unfinished-assessment dialog, driven.
#include "harness/resume_drive.hpp"

#include <algorithm>
#include <iostream>

#include "assessor.hpp"
#include "shell.hpp"

namespace defuse::desktop {

ResumeDriver::ResumeDriver(ResumeDriveOptions options)
    : StepDriver("--resume-dialog", options.screenshots), m_options(std::move(options)) {}

void ResumeDriver::step(Shell& sh) {
    ResumeOffer& offer = sh.resumeOffer;
    switch (m_phase) {
        case Phase::Offer:
            if (!sh.catalogue.history().loaded() || !offer.checked) return;
            if (!offer.open) return fail("no unfinished assessment was offered");
            for (const UnfinishedRun& u : offer.runs)
                std::cout << "unfinished: " << u.path.string() << ", " << u.replay->trainee << ", "
                          << u.replay->scenarioId << ", " << u.replay->turns.size() << " turns\n";
            m_phase = Phase::Act;
            return shoot("resume-dialog.png");
        case Phase::Act: {
            const std::filesystem::path file = offer.runs.front().path;
            if (m_options.action == "later") {
                decideLater(sh);
                std::cout << "later: " << file.string() << " left unfinished\n";
                m_phase = Phase::Debrief;
                m_shot = true;
                return shoot("resume-later.png");
            }
            if (m_options.action == "abandon") {
                if (!abandonUnfinished(sh, 0)) return fail(sh.ui.toast().text);
                std::cout << "abandoned: " << file.string() << "\n";
                std::cout << "toast: " << sh.ui.toast().text << "\n";
                m_phase = Phase::Debrief;
                m_shot = true;
                return shoot("resume-abandoned.png");
            }
            if (!resumeUnfinished(sh, 0)) return fail(sh.ui.toast().text);
            std::cout << "resumed: " << file.string() << " at turn "
                      << sh.nav.play()->attempt().turns().size() + 1 << "\n";
            std::cout << "toast: " << sh.ui.toast().text << "\n";
            m_phase = Phase::Conversation;
            return;
        }
        case Phase::Conversation:
            if (!m_shot) {
                m_shot = true;
                return shoot("resume-conversation.png");
            }
            return answer(sh);
        case Phase::Debrief:
            if (!m_shot) {
                m_shot = true;
                return shoot("resume-debrief.png");
            }
            return report(sh);
    }
}

void ResumeDriver::answer(Shell& sh) {
    const Play* play = sh.nav.play();
    if (play == nullptr || sh.nav.screen() != Screen::Conversation)
        return fail("the resumed conversation is gone");
    const Attempt& a = play->attempt();
    if (a.finished()) {
        sh.nav.toDebrief();
        m_phase = Phase::Debrief;
        m_shot = false;
        return;
    }
    if (m_next >= m_options.answers.size())
        return fail("ran out of --answers at node '" + (a.node() ? a.node()->id : "") + "'");
    const std::string& id = m_options.answers[m_next++];
    const std::vector<std::string> ids = a.shownIds();
    const auto it = std::find(ids.begin(), ids.end(), id);
    if (it == ids.end())
        return fail("answer '" + id + "' is not on offer at turn " +
                    std::to_string(a.turns().size() + 1));
    sh.choose(static_cast<std::size_t>(it - ids.begin()));
}

void ResumeDriver::report(Shell& sh) {
    if (const Play* play = sh.nav.play()) {
        const Attempt& a = play->attempt();
        std::cout << "finished: " << a.saveState().path.string() << ", " << a.turns().size()
                  << " turns, ending " << (a.ending() ? a.ending()->id : std::string("-"))
                  << ", score " << a.score().total << " " << a.score().grade
                  << (a.saveState().saved ? "" : " (not saved)") << "\n";
    }
    std::cout << "glyphs missing: " << sh.ui.fonts.missingGlyphs() << "\n";
    finish();
}

}  // namespace defuse::desktop
