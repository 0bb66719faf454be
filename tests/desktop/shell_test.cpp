// The shell around the engine's Attempt: the desktop keeps no copy of the run, moves between
// screens in one place, and renders the debrief in any language from the one score.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "defuse/files.hpp"
#include "panels/conversation.hpp"
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

TEST_CASE("a replay that cannot be saved mid-run stops the conversation and says why",
          "[desktop][shell][save]") {
    TempHome home("unsaved");
    ImGuiContextScope imgui;
    for (const char* lang : {"en", "zh"}) {
        INFO(lang);
        Shell sh(scriptedOptions(lang));
        startFurious(sh);
        const Attempt& a = sh.nav.play()->attempt();
        pick(sh, {"own_it"});
        REQUIRE(a.saveState().saved);
        const std::filesystem::path file = a.saveState().path;
        const std::filesystem::path dir = file.parent_path();
        const std::string kept = readFile(file, nullptr).value_or("");
        REQUIRE(kept.find("picked: own_it") != std::string::npos);

        // The attempts folder becomes a file (a write fails even for root); the good copy is
        // moved aside to be compared afterwards.
        const std::filesystem::path aside = dir.string() + ".aside";
        std::filesystem::rename(dir, aside);
        { std::ofstream(dir.string()) << "not a folder"; }
        const std::vector<Choice> shown = a.choices();
        const auto next = std::find_if(shown.begin(), shown.end(),
                                       [](const Choice& c) { return c.id == "listen_all"; });
        REQUIRE(next != shown.end());
        sh.choose(next->index);

        // The run stops at that answer: no more answers, no rewind, never "saved".
        const Play& play = *sh.nav.play();
        CHECK(play.stopped());
        CHECK_FALSE(a.saveState().saved);
        CHECK(a.saveState().savedTurns == 1);
        const std::size_t turns = a.turns().size();
        for (const Choice& c : a.choices()) sh.choose(c.index);
        sh.rewind();
        CHECK(a.turns().size() == turns);
        CHECK_FALSE(a.finished());
        sh.nav.toDebrief();
        CHECK(sh.nav.screen() == Screen::Conversation);

        const std::string message = tr(sh.ui.lang(), Msg::ErrCannotSave,
                                       {a.saveState().error, file.string(), std::string("1")});
        CHECK(sh.ui.toast().error);
        CHECK(sh.ui.toast().text == message);
        CHECK(sh.ui.toast().text.find(tr(sh.ui.lang(), Msg::UiSavedTo, {""})) == std::string::npos);
        ConversationPanel panel;
        drawFrame(sh, panel, 10.0);
        const std::vector<std::string> log = drawFrame(sh, panel, 11.0);
        CHECK(drew(log, message));
        for (const Choice& c : a.choices()) CHECK_FALSE(drew(log, c.text));

        // The last good replay is kept as it was.
        std::filesystem::remove(dir);
        std::filesystem::rename(aside, dir);
        CHECK(readFile(file, nullptr).value_or("") == kept);
        sh.nav.toLibrary();
    }
}
