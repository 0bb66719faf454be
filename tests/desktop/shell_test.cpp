// The shell around the engine's Attempt: the desktop keeps no copy of the run, moves between
// screens in one place, and renders the debrief in any language from the one score.
#include <filesystem>
#include <string>
#include <vector>

#include "panels/debrief.hpp"
#include "shell_fixture.hpp"

using namespace defuse;
using namespace defuse::desktop;
using namespace defuse::desktop::testing;

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
    ImGuiContextScope imgui;
    {
        Shell sh(scriptedOptions());
        startFurious(sh);
        pick(sh, kBestPath);
        const Attempt& a = sh.nav.play()->attempt();
        REQUIRE(a.finished());
        CHECK(a.ending()->id == "fixed");
        sh.nav.toDebrief();
        REQUIRE(sh.nav.screen() == Screen::Debrief);
        // The finished attempt joined the history, scored by the engine.
        const PastAttempt* best = sh.catalogue.history().best(kFurious, Mode::Practice);
        REQUIRE(best != nullptr);
        CHECK(best->total == a.score().total);
        CHECK(sh.catalogue.history().best(kFurious, Mode::Assessment) == nullptr);

        const ScoreReport& report = a.score();
        const int version = a.version();
        auto rendered = [&](Lang lang) {
            std::vector<std::string> out;
            for (const ScoreLine& l : report.lines) out.push_back(render(l.message(), lang));
            return out;
        };
        const std::vector<std::string> english = rendered(Lang::En);

        DebriefPanel panel;
        drawFrame(sh, panel, 1.0);
        sh.ui.setLanguage(Lang::Zh);
        CHECK(sh.ui.text().lang == Lang::Zh);
        drawFrame(sh, panel, 2.0);  // new characters: rebuilds the atlas and draws again

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
}
