// The replay viewer: a recorded attempt opened, re-scored, turn by turn, and what if.
#include "panels/review.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "defuse/what_if.hpp"
#include "shell_fixture.hpp"

using namespace defuse;
using namespace defuse::desktop;
using namespace defuse::desktop::testing;

namespace {

/// The critical path played as an assessment through the shell (to its ninth answer, then the
/// first answer shown until the end); returns its replay file.
std::filesystem::path playCritical(Shell& sh) {
    startFurious(sh, Mode::Assessment);
    pick(sh, std::vector<std::string>(kCriticalPath.begin(), kCriticalPath.begin() + 9));
    const Attempt& a = sh.nav.play()->attempt();
    for (int guard = 0; !a.finished() && guard < 20; ++guard) sh.choose(0);
    REQUIRE(a.finished());
    REQUIRE(a.saveState().saved);
    return a.saveState().path;
}

/// A file's bytes.
std::string slurp(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace

SCENARIO("an assessor opens a recorded assessment in the viewer", "[desktop][review]") {
    TempHome home("review");
    Shell sh(scriptedOptions());
    const std::filesystem::path file = playCritical(sh);
    const int played = sh.nav.play()->attempt().score().total;
    const std::string opening = sh.nav.play()->attempt().transcript().front().text;
    sh.loadHistory();
    GIVEN("the replay file") {
        REQUIRE(looksLikeReplay(file));
        CHECK_FALSE(looksLikeReplay(std::filesystem::path(DEFUSE_SCENARIO_DIR) /
                                    "brake_pads_furious.yaml"));
        REQUIRE(sh.openReplay(file));
        Review& r = *sh.nav.review();
        THEN("the viewer shows it, re-scored by the engine, turn by turn") {
            CHECK(sh.nav.screen() == Screen::Review);
            CHECK(r.report().total == played);
            CHECK(r.turnCount() == sh.nav.play()->attempt().turns().size());
            CHECK_FALSE(r.scenarioChanged());
            CHECK(r.customerLine(0, Lang::En) == opening);
            CHECK_FALSE(r.customerLine(0, Lang::Zh).empty());
            CHECK(r.customerLine(0, Lang::Zh) != opening);
            REQUIRE(r.better(0) != nullptr);
            CHECK(r.better(0)->better == "own_it");
            CHECK(r.attempt().turns()[0].picked == "get_manager_now");
        }
        WHEN("the assessor asks what if the better answer had been given at turn 1") {
            r.setTurn(0);
            r.askWhatIf("own_it");
            r.wait();
            REQUIRE(r.whatIf() != nullptr);
            const WhatIf& w = *r.whatIf();
            THEN("the viewer holds the engine's exact continuation") {
                REQUIRE(w.ok());
                const WhatIf direct = whatIf(r.attempt().scenarioPtr(), r.attempt().options(),
                                             r.attempt().turns(), 1, "own_it");
                CHECK(w.best.score == direct.best.score);
                CHECK(w.worst.score == direct.worst.score);
                CHECK(w.paths == direct.paths);
                CHECK(w.best.score == 100);  // the scenario's best path starts with own_it
                CHECK(w.best.answers.front() == "own_it");
                CHECK(w.realScore == played);
                CHECK_FALSE(w.boundHit);
            }
            THEN("moving to another turn drops it") {
                r.setTurn(1);
                CHECK(r.whatIf() == nullptr);
                CHECK(r.whatIfAnswer().empty());
            }
        }
    }
    GIVEN("a scenario file instead of a replay") {
        const auto scenario =
            std::filesystem::path(DEFUSE_SCENARIO_DIR) / "brake_pads_furious.yaml";
        THEN("it is not opened, and a toast says why") {
            CHECK_FALSE(sh.openReplay(scenario));
            CHECK(sh.nav.review() == nullptr);
            CHECK(sh.ui.toast().error);
        }
    }
}

TEST_CASE("the viewer draws the turn, the answers on offer and the what-if, in both languages",
          "[desktop][review]") {
    TempHome home("review-draw");
    Shell sh(scriptedOptions());
    const std::filesystem::path file = playCritical(sh);
    sh.loadHistory();
    ImGuiContextScope imgui;
    ReviewPanel panel;
    sh.nav.toReview();
    // With nothing open: the earlier attempts to pick from.
    auto log = drawFrame(sh, panel, 0);
    CHECK(drew(log, "Earlier attempts"));
    CHECK(drewPart(log, "Brake pads"));
    REQUIRE(sh.openReplay(file));
    Review& r = *sh.nav.review();
    log = drawFrame(sh, panel, 0.1);
    CHECK(drew(log, r.customerLine(0, Lang::En)));
    const Turn& t = r.attempt().turns()[0];
    // The answers on offer, in the order shown.
    std::size_t at = 0;
    for (const std::string& id : t.shown) {
        const std::string text = r.scenario().answer(t.node, id)->text.get("en");
        const std::size_t here = firstDrawn(log, text);
        INFO(id);
        CHECK(here != log.size());
        CHECK(here >= at);
        at = here;
    }
    CHECK(drew(log, "picked"));
    CHECK(drew(log, "better"));
    CHECK(drewPart(log, "Answered after"));
    r.askWhatIf("own_it");
    r.wait();
    log = drawFrame(sh, panel, 0.2);
    CHECK(drew(log, "Best still reachable"));
    CHECK(drew(log, "100  A"));
    CHECK(drewPart(log, "continuations worked out"));
    sh.ui.setLanguage(Lang::Zh);
    log = drawFrame(sh, panel, 0.3);
    CHECK(drew(log, r.customerLine(0, Lang::Zh)));
    CHECK(drew(log, "仍可达到的最高分"));
    CHECK(drew(log, "所选"));
    r.setView(ReviewView::Score);
    log = drawFrame(sh, panel, 0.4);
    CHECK(drew(log, "每一分的来源"));
}

SCENARIO("the viewer shows the assessor's notes and whether the signature holds",
         "[desktop][review][signature]") {
    TempHome home("review-signed");
    Shell sh(scriptedOptions());
    const std::filesystem::path file = playCritical(sh);
    GIVEN("an unsigned replay") {
        REQUIRE(sh.openReplay(file));
        THEN("it says so") {
            CHECK(sh.nav.review()->signature().kind == SignatureState::Kind::None);
        }
    }
    GIVEN("notes on turn 1 and the run and a fail mark, then a signature") {
        NoteEdit e;
        e.turn = 1;
        e.text = "Fetched the manager at the first shout.";
        REQUIRE(annotateReplay(file, e).ok());
        NoteEdit run;
        run.text = "Recovered well after that.";
        run.mark = OverrideMark::Fail;
        run.reason = "Critical mistake";
        REQUIRE(annotateReplay(file, run).ok());
        const auto keys = generateKeyPair();
        REQUIRE(keys);
        const LoadResult<Replay> loaded = loadReplay(file);
        REQUIRE(loaded.ok());
        const std::string raw = slurp(file);
        std::ofstream(signaturePath(file), std::ios::binary)
            << signatureText(signReplay(*loaded.value, raw, *keys));
        THEN("the viewer shows the notes and a signature that holds") {
            REQUIRE(sh.openReplay(file));
            const Review& r = *sh.nav.review();
            CHECK(r.signature().kind == SignatureState::Kind::Valid);
            CHECK(r.signature().key == keyFingerprint(keys->publicKey));
            REQUIRE(r.note(1) != nullptr);
            CHECK(r.note(1)->text == "Fetched the manager at the first shout.");
            REQUIRE(r.note(0) != nullptr);
            CHECK(r.replay().notes.mark == OverrideMark::Fail);
            ImGuiContextScope imgui;
            ReviewPanel panel;
            const auto log = drawFrame(sh, panel, 0);
            CHECK(drewPart(log, "Signed with key " + r.signature().key));
            CHECK(drewPart(log, "Fetched the manager at the first shout."));
            CHECK(drewPart(log, "Assessor's mark: fail (Critical mistake)"));
        }
        WHEN("the date it was played is edited after signing") {
            std::string text = slurp(file);
            const std::size_t at = text.find("started: 20");
            REQUIRE(at != std::string::npos);
            text[at + 12] = text[at + 12] == '1' ? '2' : '1';  // another year
            std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
            THEN("the viewer says what changed since") {
                REQUIRE(sh.openReplay(file));
                const SignatureState& s = sh.nav.review()->signature();
                CHECK(s.kind == SignatureState::Kind::Changed);
                CHECK_FALSE(s.changes.empty());
            }
        }
    }
}
