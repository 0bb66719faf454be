#pragma once
// The one AppState, owned by runApp and passed by reference to every panel.
#include <filesystem>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "defuse/diagnostic.hpp"
#include "defuse/scenario.hpp"
#include "defuse/session.hpp"
#include "fonts.hpp"
#include "gui_options.hpp"
#include "history.hpp"
#include "i18n.hpp"
#include "play.hpp"
#include "settings.hpp"

namespace defuse::desktop {

enum class Screen { Library, Briefing, Conversation, Debrief };

/// One scenario file in the library: loaded, or with the diagnostics saying why not.
struct LibraryEntry {
    std::filesystem::path file;
    std::shared_ptr<const Scenario> scenario;  ///< null when it failed to load
    std::vector<Diagnostic> diagnostics;
    std::filesystem::path folder;  ///< the library folder it was found in
    bool bundled = false;
};

/// A short message at the bottom of the window.
struct Toast {
    std::string text;
    bool error = false;
    double until = 0;
};

struct AppState {
    explicit AppState(GuiOptions opts);

    GuiOptions options;
    Settings settings;
    std::filesystem::path settingsFile;
    Fonts fonts;
    std::vector<std::filesystem::path> folders;  ///< bundled first, then extra ones
    std::vector<LibraryEntry> library;
    History history;
    Screen screen = Screen::Library;
    int selected = -1;  ///< index into `library`
    Mode mode = Mode::Practice;
    std::unique_ptr<Play> play;
    int playSerial = 0;  ///< bumped for every new attempt (panels reset their animations)
    Toast toast;
    bool settingsOpen = false;
    bool quit = false;
    double now = 0;                 ///< seconds, set at the start of every frame
    bool fontsNeedRebuild = false;  ///< text size changed

    // [SECTION] Strings
    Lang lang() const { return settings.lang; }
    std::string langId() const { return std::string(langCode(settings.lang)); }
    const char* t(Str id) const { return tr(id, settings.lang); }
    /// Makes sure the font atlas will hold the characters of `text`.
    void want(std::string_view text) { fonts.want(text); }

    // [SECTION] Frame scheduling: panels say when they need the next frame.
    /// Draw another frame right away (something is moving).
    void animate() { m_animating = true; }
    /// Draw a frame at time `at` at the latest (a timer is running).
    void wakeAt(double at) { m_wakeAt = std::min(m_wakeAt, at); }
    bool animating() const { return m_animating; }
    double nextWake() const { return m_wakeAt; }
    void resetSchedule() {
        m_animating = false;
        m_wakeAt = std::numeric_limits<double>::infinity();
    }

    // [SECTION] Actions (app_state.cpp)
    /// Loads the bundled folder and every extra folder.
    void loadLibrary();
    /// Adds a folder to the library; false (with a toast) when it is not a folder.
    bool openFolder(const std::filesystem::path& dir);
    /// Reads the earlier attempts (after the first frame, so start-up stays fast).
    void loadHistory();
    /// The loaded scenarios.
    std::vector<std::shared_ptr<const Scenario>> scenarios() const;
    const LibraryEntry* selectedEntry() const;
    void selectScenario(int index);
    void startSession();
    void chooseAnswer(std::size_t shownIndex);
    void rewind();
    void showDebrief();
    void backToLibrary();
    void setLanguage(Lang lang);
    void setTextSize(float size);
    void setTimerInPractice(bool on);
    void saveSettingsNow();
    void showToast(std::string text, bool error = false, double seconds = 4.0);
    /// Every text of a scenario into the font atlas.
    void wantScenario(const Scenario& sc);

private:
    void recordAttempt();
    void addFolderEntries(const std::filesystem::path& dir, bool bundled);

    bool m_animating = false;
    double m_wakeAt = std::numeric_limits<double>::infinity();
    bool m_recorded = false;
};

}  // namespace defuse::desktop
