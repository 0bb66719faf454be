// The shell around the engine's Attempt: the desktop keeps no copy of the run, moves between
// screens in one place, and renders the debrief in any language from the one score.
#include "shell.hpp"

#include <imgui.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "panels/debrief.hpp"

using namespace defuse;
using namespace defuse::desktop;

namespace {

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

GuiOptions scriptedOptions() {
    GuiOptions o;
    o.scripted = true;  // never writes the settings file
    o.lang = "en";
    o.seed = 1;
    return o;
}

/// The furious customer, started in practice (seed 1: the drive test's scenario).
void startFurious(Shell& sh) {
    sh.loadLibrary();
    const LibraryEntry* e = sh.catalogue.library().find("brake-pads-furious");
    REQUIRE(e != nullptr);
    sh.nav.toBriefing(e->scenario);
    REQUIRE(sh.nav.screen() == Screen::Briefing);
    REQUIRE(sh.start(Mode::Practice));
    REQUIRE(sh.nav.screen() == Screen::Conversation);
}

/// Its best path (as `defuse analyze` prints it for seed 1) to the "fixed" ending.
const std::vector<int> kBestPath{4, 3, 2, 4, 1, 2, 3, 2, 1};

/// One headless ImGui frame drawing the debrief.
void drawDebrief(Shell& sh, DebriefPanel& panel) {
    ImGui::GetIO().DisplaySize = ImVec2(1280, 800);
    ImGui::NewFrame();
    sh.ui.fonts.setInFrame(true);
    ImGui::Begin("defuse");
    panel.draw(sh);
    ImGui::End();
    sh.ui.fonts.setInFrame(false);
    ImGui::Render();
}

}  // namespace

TEST_CASE("the play keeps no copy of the run: the transcript is the attempt's",
          "[desktop][shell]") {
    TempHome home("keeper");
    Shell sh(scriptedOptions());
    startFurious(sh);
    const Play& play = *sh.nav.play();
    const Attempt& a = play.attempt();
    CHECK(play.transcript().size() == 1);  // the customer's opening line
    sh.choose(3);
    sh.choose(2);
    CHECK(a.turns().size() == 2);
    CHECK(play.transcript().size() == a.transcript().size());
    CHECK(play.transcript().back().text == a.customerLine());
    sh.rewind();
    CHECK(a.turns().size() == 1);
    CHECK(play.transcript().size() == a.transcript().size());
    CHECK(a.saveState().saved);  // the attempt wrote its replay itself
    CHECK(std::filesystem::exists(a.saveState().path));
    CHECK(sh.catalogue.history().of("brake-pads-furious").empty());  // not finished yet

    sh.nav.toDebrief();  // not finished: stays
    CHECK(sh.nav.screen() == Screen::Conversation);
    sh.nav.toLibrary();
    CHECK(sh.nav.play() == nullptr);
    CHECK(sh.nav.screen() == Screen::Library);
}

TEST_CASE("switching the language re-renders the debrief without re-scoring",
          "[desktop][shell][debrief]") {
    TempHome home("debrief");
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    {
        Shell sh(scriptedOptions());
        startFurious(sh);
        for (int choice : kBestPath) sh.choose(static_cast<std::size_t>(choice - 1));
        const Attempt& a = sh.nav.play()->attempt();
        REQUIRE(a.finished());
        CHECK(a.ending()->id == "fixed");
        sh.nav.toDebrief();
        REQUIRE(sh.nav.screen() == Screen::Debrief);
        // The finished attempt joined the history, scored by the engine.
        const PastAttempt* best = sh.catalogue.history().best("brake-pads-furious");
        REQUIRE(best != nullptr);
        CHECK(best->total == a.score().total);

        const ScoreReport& report = a.score();
        const int version = a.version();
        auto rendered = [&](Lang lang) {
            std::vector<std::string> out;
            for (const ScoreLine& l : report.lines) out.push_back(render(l.message(), lang));
            return out;
        };
        const std::vector<std::string> english = rendered(Lang::En);

        REQUIRE(sh.ui.fonts.build(18.0f));
        DebriefPanel panel;
        drawDebrief(sh, panel);
        sh.ui.setLanguage(Lang::Zh);
        CHECK(sh.ui.text().lang == Lang::Zh);
        drawDebrief(sh, panel);
        if (sh.ui.fonts.dirty()) {  // new characters: the window would rebuild and draw again
            REQUIRE(sh.ui.fonts.build(18.0f));
            drawDebrief(sh, panel);
        }

        // The same score, not a new one: the attempt did not change, and score() hands back
        // the report it computed once.
        CHECK(a.version() == version);
        CHECK(&a.score() == &report);
        CHECK(a.score().total == report.total);
        // ... rendered in either language.
        const std::vector<std::string> chinese = rendered(Lang::Zh);
        REQUIRE(chinese.size() == english.size());
        CHECK(english.front().rfind("Ending: ", 0) == 0);
        CHECK(chinese.front().rfind("结局：", 0) == 0);
        CHECK(english != chinese);
        CHECK(rendered(Lang::En) == english);  // back again, word for word
        CHECK(sh.ui.fonts.missingGlyphs() == 0);
    }
    ImGui::DestroyContext();
}
