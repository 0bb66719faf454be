// The drive mode.
#include "harness/drive.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <iostream>

#include "defuse/library.hpp"
#include "harness/screenshot.hpp"
#include "shell.hpp"

namespace defuse::desktop {

namespace {
constexpr int kQuietFrames = 3;
constexpr double kTimeoutSeconds = 120;
}  // namespace

Driver::Driver(DriveOptions options) : m_options(std::move(options)) {}

void Driver::fail(const std::string& message) {
    std::cerr << "defuse gui --drive: " << message << "\n";
    m_exitCode = 1;
    m_phase = Phase::Done;
}

bool Driver::prepare(Shell& sh) {
    const Library& library = sh.catalogue.library();
    if (const LibraryEntry* e = library.find(m_options.scenario)) {
        m_scenario = e->scenario;
    } else {
        // Not an id in the library: a scenario file, loaded by the engine.
        std::error_code ec;
        if (!std::filesystem::exists(m_options.scenario, ec)) {
            fail("no scenario with id or file '" + m_options.scenario + "' (looked in " +
                 sh.catalogue.folders().front().string() + " and the --scenarios folders)");
            return false;
        }
        const LoadResult<Scenario> r = resolveScenario(m_options.scenario, library);
        for (const Diagnostic& d : r.diagnostics) std::cerr << d.format() << "\n";
        if (!r.ok()) {
            fail("could not load " + m_options.scenario);
            return false;
        }
        m_scenario = r.value;
        sh.ui.wantScenario(*m_scenario);
    }
    if (m_options.choices.empty() && m_options.answers.empty()) {
        fail("--drive needs --choices (for example --choices 1,2,1) or --answers (ids)");
        return false;
    }
    if (!m_options.choices.empty() && !m_options.answers.empty()) {
        fail("--choices and --answers cannot be used together");
        return false;
    }
    if (m_options.assessment) sh.nav.setBriefingMode(Mode::Assessment);
    return true;
}

void Driver::beforeFrame(Shell& sh, bool busy) {
    if (done()) return;
    ImGuiIO& io = ImGui::GetIO();
    const double now = sh.ui.now();
    if (m_deadline == 0) m_deadline = now + kTimeoutSeconds;
    if (now > m_deadline) return fail("timed out");
    if (m_key >= 0) {  // release the key pressed last frame
        io.KeysDown[m_key] = false;
        m_key = -1;
    }
    m_quiet = busy ? 0 : m_quiet + 1;
    const Play* play = sh.nav.play();
    if (m_waitVersion >= 0) {  // waiting for the answer key to be taken
        if (play != nullptr && play->attempt().version() != m_waitVersion)
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
            if (!sh.catalogue.history().loaded()) return;
            if (!m_shotTaken) {
                int loaded = 0, failed = 0;
                for (const LibraryEntry& e : sh.catalogue.library().entries())
                    (e.scenario ? loaded : failed) += 1;
                std::cout << "library: " << loaded << " scenarios, " << failed
                          << " files failed to load\n";
                return shoot("library.png");
            }
            sh.nav.toBriefing(m_scenario);
            m_phase = Phase::Briefing;
            m_shotTaken = false;
            break;
        case Phase::Briefing:
            if (!m_shotTaken) return shoot("briefing.png");
            if (!sh.start(sh.nav.briefingMode())) return fail("the attempt did not start");
            m_phase = Phase::Conversation;
            m_shotTaken = false;
            break;
        case Phase::Conversation: {
            if (play == nullptr) return fail("the attempt is gone");
            const Attempt& a = play->attempt();
            if (a.finished()) {
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
            const std::size_t steps = std::max(m_options.choices.size(), m_options.answers.size());
            if (m_next >= steps && !m_options.liveEdits.empty()) {
                m_phase = Phase::LiveEdits;
                return;
            }
            if (m_next >= steps)
                return fail("ran out of --choices at node '" +
                            (a.node() ? a.node()->id : std::string()) + "'");
            int choice = 0;  // the shown number; 0 takes the last answer back
            if (!m_options.answers.empty()) {
                const std::string& id = m_options.answers[m_next];
                if (id != "r") {
                    const std::vector<std::string> ids = a.shownIds();
                    const auto it = std::find(ids.begin(), ids.end(), id);
                    if (it == ids.end())
                        return fail("answer '" + id + "' is not on offer at turn " +
                                    std::to_string(m_next + 1));
                    choice = static_cast<int>(it - ids.begin()) + 1;
                }
            } else {
                choice = m_options.choices[m_next];
            }
            if (choice == 0) {  // "r": take the last answer back, with the Backspace key
                if (!a.canRewind())
                    return fail("'r' at turn " + std::to_string(m_next + 1) +
                                " but nothing to take back");
                m_key = GLFW_KEY_BACKSPACE;
                io.KeysDown[m_key] = true;
                m_waitVersion = a.version();
                m_waitFrames = 0;
                ++m_next;
                break;
            }
            const std::size_t shown = a.choices().size();
            if (choice > static_cast<int>(shown))
                return fail("choice " + std::to_string(choice) + " at turn " +
                            std::to_string(m_next + 1) + " but only " + std::to_string(shown) +
                            " answers are shown");
            const std::size_t shotAt = m_options.conversationShot > 0
                                           ? static_cast<std::size_t>(m_options.conversationShot)
                                           : steps;
            if (m_next + 1 == shotAt && !m_conversationShot) {
                m_conversationShot = true;
                return shoot("conversation.png");
            }
            m_shotTaken = false;  // the ending gets its own screenshot
            // The order shown (it depends on the seed), for finding the numbers of a path.
            std::cout << "turn " << a.turns().size() + 1 << " at " << a.node()->id << ":";
            for (const Choice& c : a.choices()) std::cout << " " << c.index + 1 << "=" << c.id;
            std::cout << " -> " << choice << "\n";
            m_key = GLFW_KEY_1 + choice - 1;
            io.KeysDown[m_key] = true;
            m_waitVersion = a.version();
            m_waitFrames = 0;
            ++m_next;
            break;
        }
        case Phase::LiveEdits:
            return liveEdits(sh);
        case Phase::Debrief:
            if (sh.nav.screen() != Screen::Debrief) {
                if (++m_waitFrames > 20) return fail("the debrief did not open");
                return;
            }
            if (!m_shotTaken) return shoot("debrief.png");
            sh.nav.openSettings();
            m_phase = Phase::Settings;
            m_shotTaken = false;
            break;
        case Phase::Settings:
            if (!m_shotTaken) return shoot("settings.png");
            sh.nav.closeSettings();
            finish(sh);
            break;
        case Phase::Done:
            break;
    }
}

void Driver::afterRender(Shell& sh, int width, int height) {
    (void)sh;
    if (m_shot.empty()) return;
    const std::string name = m_shot;
    m_shot.clear();
    m_shotTaken = true;
    m_quiet = kQuietFrames;  // the shot frame was quiet: the next step follows it at once
    if (m_options.screenshots.empty()) return;

    std::string error;
    if (!saveShot(m_options.screenshots, name, width, height, &error)) fail(error);
}

void Driver::finish(Shell& sh) {
    const Play* play = sh.nav.play();
    if (play == nullptr) return fail("the attempt is gone");
    const Attempt& a = play->attempt();
    std::cout << "mode: " << modeId(a.mode()) << "\n";
    std::cout << "ending: " << (a.ending() ? a.ending()->id : std::string("-")) << "\n";
    if (a.finished()) {
        const ScoreReport& rep = a.score();
        std::cout << "score: " << rep.total << " " << rep.grade << "\n";
        if (rep.uncapped != rep.total) std::cout << "uncapped: " << rep.uncapped << "\n";
        for (const CriticalMistake& c : rep.criticals)
            std::cout << "critical: turn " << c.turn << " " << c.answer << "\n";
        if (rep.rewinds > 0) std::cout << "rewinds: " << rep.rewinds << "\n";
    }
    std::cout << "turns: " << a.turns().size() << "\n";
    const SaveState& save = a.saveState();
    std::cout << "replay: " << save.path.string() << (save.saved ? "" : " (not saved)") << "\n";
    if (const SignOutcome* sig = play->signedAtEnd())  // an assessor key is set
        std::cout << "signed: "
                  << (sig->ok() ? sig->key + " " + sig->sigFile.string()
                                : "no: " + render(sig->error, sh.ui.lang()))
                  << "\n";
    const Fonts& fonts = sh.ui.fonts;
    std::cout << "glyphs missing: " << fonts.missingGlyphs() << "\n";
    if (fonts.missingGlyphs() > 0) std::cout << "missing: " << fonts.missingSample() << "\n";
    const std::size_t steps = std::max(m_options.choices.size(), m_options.answers.size());
    if (m_next < steps) std::cout << "note: " << (steps - m_next) << " choices left unused\n";
    m_exitCode = a.finished() ? 0 : 1;
    m_phase = Phase::Done;
}

}  // namespace defuse::desktop
