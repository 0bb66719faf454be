#pragma once
// The UI services every screen draws with: settings, fonts and the theme that goes with the
// text size, the toast, and frame scheduling. Nothing here knows about scenarios or attempts
// beyond putting their text into the font atlas.
#include <filesystem>
#include <limits>
#include <string>

#include "defuse/scenario.hpp"
#include "fonts.hpp"
#include "i18n.hpp"
#include "settings.hpp"

namespace defuse::desktop {

/// A short message at the bottom of the window.
struct Toast {
    std::string text;
    bool error = false;
    double until = 0;
};

/// When the next frame is needed. The loop sets the time; panels say what they need while
/// they draw.
class FrameSchedule {
public:
    /// Seconds, set at the start of every frame.
    double now() const { return m_now; }
    /// Starts a frame at `now`: nothing is needed yet.
    void begin(double now) {
        m_now = now;
        m_animating = false;
        m_wakeAt = std::numeric_limits<double>::infinity();
    }
    /// Draw another frame right away (something is moving).
    void animate() { m_animating = true; }
    /// Draw a frame at time `at` at the latest (a timer is running).
    void wakeAt(double at) { m_wakeAt = std::min(m_wakeAt, at); }
    bool animating() const { return m_animating; }
    double nextWake() const { return m_wakeAt; }

private:
    double m_now = 0;
    bool m_animating = false;
    double m_wakeAt = std::numeric_limits<double>::infinity();
};

class Services {
public:
    /// Reads the settings (`lang`, when not empty, overrides their language). A scripted
    /// run (`keepSettingsFile`) never writes the settings file.
    Services(const std::string& lang, bool keepSettingsFile);

    // [SECTION] Settings
    const Settings& settings() const { return m_settings; }
    const std::filesystem::path& settingsFile() const { return m_settingsFile; }
    Lang lang() const { return m_settings.lang; }
    void setLanguage(Lang lang);
    void setTextSize(float size);
    void setTimerInPractice(bool on);
    /// The trainee's name as typed (saved with saveSettings()).
    void setTrainee(std::string name) { m_settings.trainee = std::move(name); }
    /// The assessor's private key file and the trusted public key (saved at once).
    void setKeys(std::string assessorKey, std::string trustedKey);
    /// Writes the settings file; a toast says why when it fails.
    void saveSettings();

    // [SECTION] Text
    Fonts fonts;
    /// The language and fonts, for widgets.
    TextCtx text() { return TextCtx{m_settings.lang, fonts}; }
    /// Every catalogue row the desktop shows, in both languages, into the atlas.
    void wantUiWords();
    /// Every text of a scenario into the atlas.
    void wantScenario(const Scenario& sc);
    /// True when the text size changed: the atlas and the style must be rebuilt.
    bool fontsNeedRebuild() const { return m_rebuild; }
    /// Builds the atlas at the text size and applies the theme for it (between frames).
    void rebuildFonts();

    // [SECTION] Frames and toasts
    FrameSchedule frames;
    double now() const { return frames.now(); }
    const Toast& toast() const { return m_toast; }
    void showToast(std::string text, bool error = false, double seconds = 4.0);

private:
    Settings m_settings;
    std::filesystem::path m_settingsFile;
    bool m_keepSettingsFile = false;
    bool m_rebuild = false;
    Toast m_toast;
};

}  // namespace defuse::desktop
