#pragma once
// Where the trainee is: the screen, the scenario being briefed or played, the attempt in
// progress, and whether the settings are open. The one place screens change.
#include <memory>

#include "defuse/scenario.hpp"
#include "defuse/turn.hpp"
#include "play.hpp"
#include "review.hpp"

namespace defuse::desktop {

enum class Screen { Library, Briefing, Conversation, Debrief, Review };

class Navigator {
public:
    Screen screen() const { return m_screen; }
    /// The scenario being briefed or played (null on the library).
    const std::shared_ptr<const Scenario>& scenario() const { return m_scenario; }
    /// The attempt in progress (null on the library and the briefing).
    Play* play() { return m_play.get(); }
    const Play* play() const { return m_play.get(); }
    /// Bumped for every new attempt (panels reset their animations).
    int playSerial() const { return m_serial; }
    /// The mode the briefing offers for the next attempt (an attempt has its own).
    Mode briefingMode() const { return m_briefingMode; }
    void setBriefingMode(Mode mode) { m_briefingMode = mode; }

    // [SECTION] Moving between screens
    /// The library; the attempt in progress, if any, is dropped.
    void toLibrary();
    /// The briefing of a scenario; the attempt in progress, if any, is dropped.
    void toBriefing(std::shared_ptr<const Scenario> scenario);
    /// The conversation of a new attempt (at the scenario being briefed or played).
    void begin(std::unique_ptr<Play> play);
    /// The attempt in progress replaced by the same run on a new version of its scenario (live
    /// reload): the screen stays, the serial moves on.
    void replacePlay(std::unique_ptr<Play> play);
    /// The debrief, once the attempt has finished.
    void toDebrief();
    /// The replay viewer, with `review` open (null: the one open before, or none yet).
    void toReview(std::unique_ptr<Review> review = nullptr);
    /// The replay open in the viewer (null when none is).
    Review* review() { return m_review.get(); }
    const Review* review() const { return m_review.get(); }
    /// Goes to the library when the screen has nothing to show (called once per frame).
    void settle();

    // [SECTION] The settings window, over any screen
    bool settingsOpen() const { return m_settingsOpen; }
    void openSettings() { m_settingsOpen = true; }
    void closeSettings() { m_settingsOpen = false; }

private:
    Screen m_screen = Screen::Library;
    std::shared_ptr<const Scenario> m_scenario;
    std::unique_ptr<Play> m_play;
    std::unique_ptr<Review> m_review;
    int m_serial = 0;
    Mode m_briefingMode = Mode::Practice;
    bool m_settingsOpen = false;
};

}  // namespace defuse::desktop
