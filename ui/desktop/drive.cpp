// The drive mode.
#include "drive.hpp"

#include <GLFW/glfw3.h>

#include <iostream>

#include "defuse/loader.hpp"
#include "screenshot.hpp"

namespace defuse::desktop {

namespace {
constexpr int kQuietFrames = 3;
constexpr double kTimeoutSeconds = 120;
}  // namespace

Driver::Driver(const GuiOptions& options) : m_options(options) {
    if (!options.drive.empty()) m_phase = Phase::Library;
}

void Driver::fail(const std::string& message) {
    std::cerr << "defuse gui --drive: " << message << "\n";
    m_exitCode = 1;
    m_phase = Phase::Done;
}

bool Driver::prepare(AppState& st) {
    if (m_phase == Phase::Off) return true;
    for (std::size_t i = 0; i < st.library.size(); ++i)
        if (st.library[i].scenario && st.library[i].scenario->id == m_options.drive)
            m_index = static_cast<int>(i);
    std::error_code ec;
    if (m_index < 0 && std::filesystem::is_regular_file(m_options.drive, ec)) {
        const std::filesystem::path file = std::filesystem::absolute(m_options.drive, ec);
        for (std::size_t i = 0; i < st.library.size(); ++i)
            if (st.library[i].scenario && std::filesystem::equivalent(st.library[i].file, file, ec))
                m_index = static_cast<int>(i);
        if (m_index < 0) {
            const LoadResult<Scenario> r = loadScenario(file);
            for (const Diagnostic& d : r.diagnostics) std::cerr << d.format() << "\n";
            if (!r.ok()) {
                fail("could not load " + m_options.drive);
                return false;
            }
            LibraryEntry e;
            e.file = file;
            e.folder = file.parent_path();
            e.scenario = r.value;
            e.diagnostics = r.diagnostics;
            st.wantScenario(*r.value);
            st.library.push_back(std::move(e));
            m_index = static_cast<int>(st.library.size()) - 1;
        }
    }
    if (m_index < 0) {
        fail("no scenario with id or file '" + m_options.drive + "' (looked in " +
             st.folders.front().string() + " and the --scenarios folders)");
        return false;
    }
    if (m_options.choices.empty()) {
        fail("--drive needs --choices, for example --choices 1,2,1");
        return false;
    }
    if (m_options.assessment) st.mode = Mode::Assessment;
    return true;
}

void Driver::beforeFrame(AppState& st, bool busy) {
    if (!active()) return;
    ImGuiIO& io = ImGui::GetIO();
    if (m_deadline == 0) m_deadline = st.now + kTimeoutSeconds;
    if (st.now > m_deadline) return fail("timed out");
    if (m_key >= 0) {  // release the key pressed last frame
        io.KeysDown[m_key] = false;
        m_key = -1;
    }
    m_quiet = busy ? 0 : m_quiet + 1;
    if (m_waitVersion >= 0) {  // waiting for the answer key to be taken
        if (st.play && st.play->version() != m_waitVersion)
            m_waitVersion = -1;
        else if (++m_waitFrames > 30)
            return fail("the answer key was not taken");
        else
            return;
    }
    if (m_quiet < kQuietFrames || !m_shot.empty()) return;
    m_quiet = 0;  // every step below waits for the window to be quiet again
    switch (m_phase) {
        case Phase::Library:
            if (!st.history.loaded()) return;
            if (!m_shotTaken) {
                int loaded = 0, failed = 0;
                for (const LibraryEntry& e : st.library) (e.scenario ? loaded : failed) += 1;
                std::cout << "library: " << loaded << " scenarios, " << failed
                          << " files failed to load\n";
                return shoot("library.png");
            }
            st.selectScenario(m_index);
            m_phase = Phase::Briefing;
            m_shotTaken = false;
            break;
        case Phase::Briefing:
            if (!m_shotTaken) return shoot("briefing.png");
            st.startSession();
            if (!st.play) return fail("the session did not start");
            m_phase = Phase::Conversation;
            m_shotTaken = false;
            break;
        case Phase::Conversation: {
            const Session& s = st.play->session();
            if (s.finished()) {
                if (!m_conversationShot) {
                    m_conversationShot = true;
                    return shoot("conversation.png");
                }
                if (!m_shotTaken) return shoot("ending.png");
                io.KeysDown[GLFW_KEY_ENTER] = true;  // "See the debrief"
                m_key = GLFW_KEY_ENTER;
                m_waitFrames = 0;
                m_phase = Phase::Debrief;
                m_shotTaken = false;
                break;
            }
            if (m_next >= m_options.choices.size())
                return fail("ran out of --choices at node '" +
                            (s.node() ? s.node()->id : std::string()) + "'");
            const int choice = m_options.choices[m_next];
            if (choice == 0) {  // "r": take the last answer back, with the Backspace key
                if (!s.canRewind())
                    return fail("'r' at turn " + std::to_string(m_next + 1) +
                                " but nothing to take back");
                m_key = GLFW_KEY_BACKSPACE;
                io.KeysDown[m_key] = true;
                m_waitVersion = st.play->version();
                m_waitFrames = 0;
                ++m_next;
                break;
            }
            if (choice > static_cast<int>(s.answers().size()))
                return fail("choice " + std::to_string(choice) + " at turn " +
                            std::to_string(m_next + 1) + " but only " +
                            std::to_string(s.answers().size()) + " answers are shown");
            const std::size_t shotAt = m_options.conversationShot > 0
                                           ? static_cast<std::size_t>(m_options.conversationShot)
                                           : m_options.choices.size();
            if (m_next + 1 == shotAt && !m_conversationShot) {
                m_conversationShot = true;
                return shoot("conversation.png");
            }
            m_shotTaken = false;  // the ending gets its own screenshot
            m_key = GLFW_KEY_1 + choice - 1;
            io.KeysDown[m_key] = true;
            m_waitVersion = st.play->version();
            m_waitFrames = 0;
            ++m_next;
            break;
        }
        case Phase::Debrief:
            if (st.screen != Screen::Debrief) {
                if (++m_waitFrames > 20) return fail("the debrief did not open");
                return;
            }
            if (!m_shotTaken) return shoot("debrief.png");
            st.settingsOpen = true;
            m_phase = Phase::Settings;
            m_shotTaken = false;
            break;
        case Phase::Settings:
            if (!m_shotTaken) return shoot("settings.png");
            st.settingsOpen = false;
            finish(st);
            break;
        case Phase::Off:
        case Phase::Done:
            break;
    }
}

void Driver::afterRender(AppState& st, int width, int height) {
    if (m_shot.empty()) return;
    const std::string name = m_shot;
    m_shot.clear();
    m_shotTaken = true;
    m_quiet = kQuietFrames;  // the shot frame was quiet: the next step follows it at once
    if (m_options.screenshots.empty()) return;

    std::string error;
    const auto file = m_options.screenshots / name;
    if (saveScreenshot(file, width, height, &error))
        std::cout << "screenshot: " << file.string() << "\n";
    else
        fail("screenshot " + file.string() + ": " + error);
    (void)st;
}

void Driver::finish(AppState& st) {
    const Session& s = st.play->session();
    const ScoreReport* rep = st.play->report(st.langId());
    std::cout << "ending: " << (s.ending() ? s.ending()->id : std::string("-")) << "\n";
    if (rep != nullptr) std::cout << "score: " << rep->total << " " << rep->grade << "\n";
    std::cout << "turns: " << s.turns().size() << "\n";
    std::cout << "replay: " << st.play->replayFile().string()
              << (st.play->saved() ? "" : " (not saved)") << "\n";
    std::cout << "glyphs missing: " << st.fonts.missingGlyphs() << "\n";
    if (st.fonts.missingGlyphs() > 0) std::cout << "missing: " << st.fonts.missingSample() << "\n";
    if (m_next < m_options.choices.size())
        std::cout << "note: " << (m_options.choices.size() - m_next) << " choices left unused\n";
    m_exitCode = s.finished() ? 0 : 1;
    m_phase = Phase::Done;
}

}  // namespace defuse::desktop
