// Screen changes.
#include "navigator.hpp"

namespace defuse::desktop {

void Navigator::toLibrary() {
    m_play.reset();
    m_scenario.reset();
    m_screen = Screen::Library;
}

void Navigator::toBriefing(std::shared_ptr<const Scenario> scenario) {
    if (!scenario) return;
    m_play.reset();
    m_scenario = std::move(scenario);
    m_screen = Screen::Briefing;
}

void Navigator::begin(std::unique_ptr<Play> play) {
    if (!play) return;
    m_scenario = play->attempt().scenarioPtr();
    m_play = std::move(play);
    ++m_serial;
    m_screen = Screen::Conversation;
}

void Navigator::replacePlay(std::unique_ptr<Play> play) {
    if (!play || !m_play) return;
    m_scenario = play->attempt().scenarioPtr();
    m_play = std::move(play);
    ++m_serial;
}

void Navigator::toDebrief() {
    if (m_play && m_play->attempt().finished()) m_screen = Screen::Debrief;
}

void Navigator::toReview(std::unique_ptr<Review> review) {
    if (review) m_review = std::move(review);
    m_screen = Screen::Review;
}

void Navigator::settle() {
    switch (m_screen) {
        case Screen::Library:
        case Screen::Review:  // with no replay open, the viewer offers one to open
            break;
        case Screen::Briefing:
            if (!m_scenario) toLibrary();
            break;
        case Screen::Conversation:
            if (!m_play) toLibrary();
            break;
        case Screen::Debrief:
            if (!m_play || !m_play->attempt().finished()) toLibrary();
            break;
    }
}

}  // namespace defuse::desktop
