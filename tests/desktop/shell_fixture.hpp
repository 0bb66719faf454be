#pragma once
// What the shell tests share: a private home for one test, a scripted shell, attempts played
// through it, and headless ImGui frames that say what a panel drew.
#include <imgui.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "shell.hpp"

namespace defuse::desktop::testing {

/// A private data and config folder, and the bundled scenarios, for one test.
struct TempHome {
    std::filesystem::path dir;
    explicit TempHome(const char* name)
        : dir(std::filesystem::temp_directory_path() /
              ("defuse-shell-test-" + std::to_string(::getpid()) + "-" + name)) {
        std::filesystem::remove_all(dir);
        ::setenv("XDG_DATA_HOME", (dir / "data").c_str(), 1);
        ::setenv("XDG_CONFIG_HOME", (dir / "config").c_str(), 1);
        ::setenv("DEFUSE_SCENARIOS", DEFUSE_SCENARIO_DIR, 1);
    }
    ~TempHome() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
};

/// An ImGui context for a test that draws.
struct ImGuiContextScope {
    ImGuiContextScope() {
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
    }
    ~ImGuiContextScope() { ImGui::DestroyContext(); }
    ImGuiContextScope(const ImGuiContextScope&) = delete;
    ImGuiContextScope& operator=(const ImGuiContextScope&) = delete;
};

inline GuiOptions scriptedOptions(const char* lang = "en") {
    GuiOptions o;
    o.scripted = true;  // never writes the settings file
    o.lang = lang;
    o.seed = 1;
    return o;
}

inline constexpr const char* kFurious = "brake-pads-furious";

/// The furious customer, started in `mode` (seed 1: the drive test's scenario).
inline void startFurious(Shell& sh, Mode mode = Mode::Practice) {
    if (sh.catalogue.library().entries().empty()) sh.loadLibrary();
    const LibraryEntry* e = sh.catalogue.library().find(kFurious);
    REQUIRE(e != nullptr);
    sh.nav.toBriefing(e->scenario);
    REQUIRE(sh.nav.screen() == Screen::Briefing);
    REQUIRE(sh.start(mode));
    REQUIRE(sh.nav.screen() == Screen::Conversation);
}

/// Picks answers by id ("r" takes the last one back), whatever order they are shown in.
inline void pick(Shell& sh, const std::vector<std::string>& ids) {
    for (const std::string& id : ids) {
        INFO(id);
        REQUIRE(sh.nav.play() != nullptr);
        const Attempt& a = sh.nav.play()->attempt();
        const std::size_t turns = a.turns().size();
        if (id == "r") {
            sh.rewind();
            REQUIRE(a.turns().size() + 1 == turns);
            continue;
        }
        const std::vector<Choice> shown = a.choices();
        const auto it =
            std::find_if(shown.begin(), shown.end(), [&](const Choice& c) { return c.id == id; });
        REQUIRE(it != shown.end());
        sh.choose(it->index);
        REQUIRE(a.turns().size() == turns + 1);
    }
}

/// The best path (as `defuse analyze` prints it) to the "fixed" ending.
inline const std::vector<std::string> kBestPath{"own_it",       "listen_all",        "summarise",
                                                "honour",       "empathise_inspect", "show_him",
                                                "agree_caught", "plan_with_manager", "hand_on"};
/// Fetches the manager at the first shout (a critical mistake with this customer), then
/// recovers along the best answers left; his trust stays short of the "fixed" ending, so the
/// call-back is promised warily ("patched").
inline const std::vector<std::string> kCriticalPath{
    "get_manager_now",   "own_now",    "listen_all",   "summarise",         "honour",
    "empathise_inspect", "indirect_q", "agree_caught", "plan_with_manager", "confirm_wary"};
/// The best path with two answers taken back on the way (at turns 1 and 3).
inline const std::vector<std::string> kRewoundPath{"calm_down",
                                                   "r",
                                                   "own_it",
                                                   "listen_all",
                                                   "defend_parts",
                                                   "r",
                                                   "summarise",
                                                   "honour",
                                                   "empathise_inspect",
                                                   "show_him",
                                                   "agree_caught",
                                                   "plan_with_manager",
                                                   "hand_on"};

/// One headless ImGui frame at time `now` drawing `panel`; returns every text it drew, in
/// order. Draws again when the frame met characters the atlas did not have yet.
template <class Panel>
std::vector<std::string> drawFrame(Shell& sh, Panel& panel, double now) {
    if (sh.ui.fonts.dirty()) REQUIRE(sh.ui.fonts.build(18.0f));
    std::vector<std::string> log;
    for (int pass = 0; pass < 2; ++pass) {
        log.clear();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1280, 800);
        io.DeltaTime = 1.0f / 60.0f;
        sh.ui.frames.begin(now);
        sh.ui.fonts.setTextLog(&log);
        ImGui::NewFrame();
        sh.ui.fonts.setInFrame(true);
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("defuse", nullptr, ImGuiWindowFlags_NoDecoration);
        panel.draw(sh);
        ImGui::End();
        sh.ui.fonts.setInFrame(false);
        ImGui::Render();
        sh.ui.fonts.setTextLog(nullptr);
        if (!sh.ui.fonts.dirty()) break;
        REQUIRE(sh.ui.fonts.build(18.0f));
    }
    return log;
}

/// True when some text drawn is exactly `s`.
inline bool drew(const std::vector<std::string>& log, const std::string& s) {
    for (const std::string& t : log)
        if (t == s) return true;
    return false;
}
/// True when some text drawn contains `s`.
inline bool drewPart(const std::vector<std::string>& log, const std::string& s) {
    for (const std::string& t : log)
        if (t.find(s) != std::string::npos) return true;
    return false;
}
/// Where the first text containing `s` was drawn (log.size() when nowhere).
inline std::size_t firstDrawn(const std::vector<std::string>& log, const std::string& s) {
    for (std::size_t i = 0; i < log.size(); ++i)
        if (log[i].find(s) != std::string::npos) return i;
    return log.size();
}

}  // namespace defuse::desktop::testing
