// Scores that measure skill, on the desktop: an assessment shows no hints while it is played
// (only the customer's face and words, and the clock), the debrief names critical mistakes
// first, practice records say which answers were taken back, bests are kept per mode, and
// the response timer starts when the answers appear.
#include <cmath>
#include <string>
#include <vector>

#include "panels/conversation.hpp"
#include "panels/debrief.hpp"
#include "panels/library.hpp"
#include "shell_fixture.hpp"

using namespace defuse;
using namespace defuse::desktop;
using namespace defuse::desktop::testing;

namespace {

/// The texts of the last turn's hints, as the conversation would draw them.
struct Hints {
    std::string note;                  ///< the coaching note of the answer picked
    std::vector<std::string> reasons;  ///< what moved the mood (practice only)
};

Hints hintsOfLastTurn(const TextCtx& tx, const Attempt& a) {
    Hints h;
    const Turn& t = a.turns().back();
    const Answer* picked = a.scenario().answer(t.node, t.picked);
    REQUIRE(picked != nullptr);
    h.note = tx.of(picked->note);
    if (a.lastOutcome())
        for (const MoodReason& r : a.lastOutcome()->reasons) h.reasons.push_back(tx(r.message()));
    return h;
}

/// Plays three answers of the best path in `mode` and draws the conversation after each,
/// long enough for the new line to come in and the answers to appear.
std::vector<std::string> conversationAfterThreeTurns(Shell& sh, ConversationPanel& panel,
                                                     double& now) {
    std::vector<std::string> log;
    for (std::size_t i = 0; i < 3; ++i) {
        drawFrame(sh, panel, now);
        now += 1.0;
        drawFrame(sh, panel, now);  // the answers are on screen
        pick(sh, {kBestPath[i]});
        now += 0.05;
    }
    drawFrame(sh, panel, now);
    now += 1.0;
    log = drawFrame(sh, panel, now);
    return log;
}

}  // namespace

TEST_CASE("practice coaches, an assessment shows no hints", "[desktop][assessment]") {
    const ConversationHints practice = hintsFor(Mode::Practice);
    CHECK(practice.moodMeters);
    CHECK(practice.moodChips);
    CHECK(practice.reasons);
    CHECK(practice.coaching);
    const ConversationHints assessment = hintsFor(Mode::Assessment);
    CHECK_FALSE(assessment.moodMeters);
    CHECK_FALSE(assessment.moodChips);
    CHECK_FALSE(assessment.reasons);
    CHECK_FALSE(assessment.coaching);
}

TEST_CASE("the conversation draws no meters, chips, reasons or notes in an assessment",
          "[desktop][assessment]") {
    TempHome home("assessment");
    ImGuiContextScope imgui;
    for (Mode mode : {Mode::Practice, Mode::Assessment}) {
        INFO(modeId(mode));
        Shell sh(scriptedOptions());
        startFurious(sh, mode);
        ConversationPanel panel;
        double now = 10.0;
        const std::vector<std::string> log = conversationAfterThreeTurns(sh, panel, now);
        const Attempt& a = sh.nav.play()->attempt();
        REQUIRE(a.turns().size() == 3);
        const TextCtx tx = sh.ui.text();
        const Hints hints = hintsOfLastTurn(tx, a);
        REQUIRE_FALSE(hints.note.empty());

        // The customer's words and the answers on offer are there in both modes.
        CHECK(drew(log, a.customerLine()));
        for (const Choice& c : a.choices()) CHECK(drew(log, c.text));
        // So is the clock, with its reading allowance.
        const double reading = a.readingAllowance();
        CHECK(reading > 0);
        CHECK(drew(
            log, tx.tr(Msg::UiClockAllowance, {std::to_string(std::lround(a.timeLimit() - reading)),
                                               std::to_string(std::lround(reading))})));

        // The meters (labels and numbers), the band, the chips, the reasons, the note.
        const bool meters = drew(log, tx.label(Msg::DimAnger)) ||
                            drew(log, tx.label(Msg::DimTrust)) ||
                            drew(log, tx.label(Msg::DimPatience));
        bool numbers = false;  // a meter's value, on its own
        for (const std::string& t : log)
            numbers =
                numbers || (!t.empty() && t.find_first_not_of("0123456789") == std::string::npos);
        bool band = false;
        for (MoodBand b : {MoodBand::Calm, MoodBand::Irritated, MoodBand::Angry, MoodBand::Furious})
            band = band || drew(log, tx.label(bandMsg(b)));
        bool chips = false;  // "Anger −10   Trust +6" under an answer
        for (const std::string& t : log)
            chips = chips || (t.rfind(tx.label(Msg::DimAnger) + " ", 0) == 0 ||
                              t.rfind(tx.label(Msg::DimTrust) + " ", 0) == 0);
        const bool whatMoved = drew(log, tx.t(Msg::UiWhatMoved));
        const bool note = drewPart(log, hints.note);
        if (mode == Mode::Practice) {
            CHECK(meters);
            CHECK(numbers);
            CHECK(band);
            CHECK(chips);
            CHECK(whatMoved);
            REQUIRE_FALSE(hints.reasons.empty());
            for (const std::string& r : hints.reasons) CHECK(drew(log, r));
            CHECK(note);
            CHECK_FALSE(drew(log, tx.t(Msg::UiAssessmentNoHints)));
        } else {
            CHECK_FALSE(meters);
            CHECK_FALSE(numbers);
            CHECK_FALSE(band);
            CHECK_FALSE(chips);
            CHECK_FALSE(whatMoved);
            CHECK(hints.reasons.empty());  // the engine gives none in an assessment
            CHECK_FALSE(note);
            CHECK(drew(log, tx.t(Msg::UiAssessmentNoHints)));
        }
    }
}

TEST_CASE("the response timer starts when the answers appear", "[desktop][clock]") {
    TempHome home("clock");
    ImGuiContextScope imgui;
    Shell sh(scriptedOptions());
    startFurious(sh, Mode::Assessment);
    Play& play = *sh.nav.play();
    const Attempt& a = play.attempt();
    REQUIRE(a.timeLimit() > a.readingAllowance());
    CHECK(a.timeLimit() == Approx(a.scenario().timeLimit + a.readingAllowance()));
    ConversationPanel panel;
    // Not while the briefing was read, nor while the customer's first line comes in.
    CHECK_FALSE(play.answersOnScreen());
    CHECK(play.elapsed(1000.0) == 0.0);
    drawFrame(sh, panel, 50.0);  // the line starts to come in
    drawFrame(sh, panel, 50.1);
    CHECK_FALSE(play.answersOnScreen());
    drawFrame(sh, panel, 50.5);  // in: the answers appear, the clock starts
    CHECK(play.answersOnScreen());
    drawFrame(sh, panel, 52.0);
    CHECK(play.elapsed(52.0) == Approx(1.5));
    // Reading the answers costs no patience; only the time beyond the allowance and the
    // customer's grace does, and the patience meter drains by what the engine will count.
    CHECK(a.hesitationCost(play.elapsed(52.0)) == 0.0);
    CHECK(a.hesitationCost(a.readingAllowance()) == 0.0);
    CHECK(a.hesitationCost(a.timeLimit() + 30) > 0.0);
    pick(sh, {kBestPath[0]});
    CHECK(a.turns().back().seconds == Approx(1.5));
    // The next answers start their own clock when they appear.
    CHECK_FALSE(play.answersOnScreen());
    CHECK(play.elapsed(60.0) == 0.0);
}

TEST_CASE("the debrief names critical mistakes first, and the score before the cap",
          "[desktop][debrief][critical]") {
    TempHome home("critical");
    ImGuiContextScope imgui;
    for (const char* lang : {"en", "zh"}) {
        INFO(lang);
        Shell sh(scriptedOptions(lang));
        startFurious(sh, Mode::Assessment);
        pick(sh, kCriticalPath);
        const Attempt& a = sh.nav.play()->attempt();
        REQUIRE(a.finished());
        const ScoreReport& rep = a.score();
        REQUIRE(rep.criticals.size() == 1);
        CHECK(rep.criticals.front().turn == 1);
        CHECK(rep.criticals.front().answer == "get_manager_now");
        CHECK(rep.total < rep.uncapped);
        REQUIRE_FALSE(rep.lines.empty());
        REQUIRE(rep.lines.front().kind == LineKind::Critical);
        sh.nav.toDebrief();
        REQUIRE(sh.nav.screen() == Screen::Debrief);

        DebriefPanel panel;
        const std::vector<std::string> log = drawFrame(sh, panel, 1.0);
        const TextCtx tx = sh.ui.text();
        const std::string critical = tx(rep.lines.front().message());
        CHECK(critical.find(lang == std::string("en") ? "Critical mistake at turn 1"
                                                      : "第 1 轮犯了严重错误") == 0);
        // Above everything: the score, the ending and every line of the explanation.
        const std::size_t at = firstDrawn(log, critical);
        REQUIRE(at < log.size());
        CHECK(at < firstDrawn(log, tx.t(Msg::UiAssessmentScore)));
        CHECK(at < firstDrawn(log, tx.t(Msg::UiWherePoints)));
        for (const ScoreLine& l : rep.lines)
            if (l.kind != LineKind::Critical) CHECK(at < firstDrawn(log, tx(l.message())));
        // With what was said, and the total before the cap beside the capped one.
        const Answer* said = a.scenario().answer("opening", "get_manager_now");
        REQUIRE(said != nullptr);
        CHECK(firstDrawn(log, tx.of(said->text)) == at + 1);
        CHECK(drew(log, tx.tr(Msg::UiUncapped, {std::to_string(rep.uncapped)})));
        CHECK(drew(log, std::to_string(rep.total)));
        CHECK(sh.ui.fonts.missingGlyphs() == 0);
    }
}

TEST_CASE("a practice debrief shows the answers taken back and says it used rewinds",
          "[desktop][debrief][rewind]") {
    TempHome home("rewound");
    ImGuiContextScope imgui;
    Shell sh(scriptedOptions());
    startFurious(sh, Mode::Practice);
    pick(sh, kRewoundPath);
    const Attempt& a = sh.nav.play()->attempt();
    REQUIRE(a.finished());
    REQUIRE(a.rewound().size() == 2);
    CHECK(a.rewound()[0].turn == 1);
    CHECK(a.rewound()[1].turn == 3);
    CHECK(a.score().rewinds == 2);
    sh.nav.toDebrief();
    DebriefPanel panel;
    const std::vector<std::string> log = drawFrame(sh, panel, 1.0);
    const TextCtx tx = sh.ui.text();
    CHECK(drew(log, tx.t(Msg::UiPracticeScore)));
    CHECK(drew(log, tx.tr(Msg::UiRewinds, {"2"})));
    CHECK(drew(log, tx.t(Msg::UiTakenBackHeading)));
    for (const Rewound& w : a.rewound()) {
        const Answer* taken = a.scenario().answer(w.taken.node, w.taken.picked);
        REQUIRE(taken != nullptr);
        CHECK(drew(log, tx.tr(Msg::UiLabelled, {tx.t(Msg::UiYouSaid), tx.of(taken->text)})));
        CHECK(drew(log, tx.tr(Msg::UiTurn, {std::to_string(w.turn)})));
    }
    // The engine's note on the score says it too.
    CHECK(drew(log, render(Message(Msg::LineRewound, {Message::num(2LL)}), Lang::En)));
}

TEST_CASE("practice and assessment bests are kept apart", "[desktop][history]") {
    TempHome home("history");
    ImGuiContextScope imgui;
    int assessed = 0, practised = 0;
    {
        Shell sh(scriptedOptions());
        sh.loadLibrary();
        sh.loadHistory();
        // An assessment with a critical mistake, capped below a pass.
        startFurious(sh, Mode::Assessment);
        pick(sh, kCriticalPath);
        REQUIRE(sh.nav.play()->attempt().finished());
        assessed = sh.nav.play()->attempt().score().total;
        // A practice run along the best path, with two answers taken back on the way.
        startFurious(sh, Mode::Practice);
        pick(sh, kRewoundPath);
        const Attempt& a = sh.nav.play()->attempt();
        REQUIRE(a.finished());
        practised = a.score().total;
        REQUIRE(practised > assessed);

        // Tracked as they finished: one best per mode, never one over both.
        const desktop::History& h = sh.catalogue.history();
        REQUIRE(h.of(kFurious).size() == 2);
        const PastAttempt* bestA = h.best(kFurious, Mode::Assessment);
        const PastAttempt* bestP = h.best(kFurious, Mode::Practice);
        REQUIRE(bestA != nullptr);
        REQUIRE(bestP != nullptr);
        CHECK(bestA->total == assessed);
        CHECK(bestA->criticals == 1);
        CHECK(bestA->rewinds == 0);
        CHECK(bestP->total == practised);
        CHECK(bestP->rewinds == 2);

        // The practice debrief compares with practice only: its first practice run, not
        // "above your best" against the assessment.
        sh.nav.toDebrief();
        DebriefPanel panel;
        const std::vector<std::string> log = drawFrame(sh, panel, 1.0);
        const TextCtx tx = sh.ui.text();
        CHECK(drew(log, tx.t(Msg::UiAmongPractice)));
        CHECK(drew(log, tx.t(Msg::UiFirstAttempt)));
        CHECK_FALSE(drew(log, tx.tr(Msg::UiBestBefore, {std::to_string(assessed)})));
    }
    // Read back from the replay files, re-played by the engine: the same, rewinds and all.
    Shell sh(scriptedOptions());
    sh.loadLibrary();
    sh.loadHistory();
    const desktop::History& h = sh.catalogue.history();
    CHECK(h.problems().empty());
    REQUIRE(h.of(kFurious).size() == 2);
    const PastAttempt* bestA = h.best(kFurious, Mode::Assessment);
    const PastAttempt* bestP = h.best(kFurious, Mode::Practice);
    REQUIRE(bestA != nullptr);
    REQUIRE(bestP != nullptr);
    CHECK(bestA->mode == Mode::Assessment);
    CHECK(bestA->total == assessed);
    CHECK(bestA->uncapped > assessed);
    CHECK(bestP->mode == Mode::Practice);
    CHECK(bestP->total == practised);
    CHECK(bestP->rewinds == 2);

    // The library card says both, each with its own mode.
    const TextCtx tx = sh.ui.text();
    const std::vector<BestLabel> labels = bestLabels(tx, h, kFurious);
    REQUIRE(labels.size() == 2);
    CHECK(labels[0].text == "Best (assessment)  " + std::to_string(assessed) + "  " + bestA->grade);
    CHECK(labels[1].text == "Best (practice)  " + std::to_string(practised) + "  " + bestP->grade +
                                "  \u00B7  2 rewinds");
}
