// [whatif] Another answer at one turn of a recorded run, and the range still reachable.
#include "defuse/what_if.hpp"

#include <algorithm>

#include "defuse/analysis.hpp"
#include "defuse/replay.hpp"
#include "test_support.hpp"

using namespace defuse;

namespace {

/// The feature fixture played by answer ids, instantly, practice, seed 1.
std::vector<Turn> played(const std::shared_ptr<const Scenario>& sc,
                         const std::vector<std::string>& ids) {
    Attempt a(sc, AttemptOptions{});
    for (const auto& id : ids) REQUIRE(a.chooseId(id, 0));
    return a.turns();
}

int scoreOf(const std::shared_ptr<const Scenario>& sc, const std::vector<std::string>& ids) {
    Attempt a(sc, AttemptOptions{});
    for (const auto& id : ids) REQUIRE(a.chooseId(id, 0));
    REQUIRE(a.finished());
    return a.score().total;
}

Mood mood(int anger, int trust, int patience) {
    Mood m;
    m.set(Dim::Anger, anger);
    m.set(Dim::Trust, trust);
    m.set(Dim::Patience, patience);
    return m;
}

}  // namespace

SCENARIO("what if the advisor had blamed the customer at the first turn", "[whatif]") {
    const auto sc = loadFixture();
    GIVEN("a run that owned it, listened and agreed a plan (own, hear, agree)") {
        const auto turns = played(sc, {"own", "hear", "agree"});
        WHEN("turn 1 is answered with 'blame' instead") {
            const WhatIf w = whatIf(sc, AttemptOptions{}, turns, 1, "blame");
            REQUIRE(w.ok());
            THEN(
                "the mood moves as the tester's reactions say (anger +25, trust -20, a turn's "
                "patience)") {
                CHECK(w.before == mood(60, 30, 50));
                CHECK(w.after == mood(85, 10, 49));
            }
            THEN(
                "five continuations are left: hear or stall, then agree or walk; or the "
                "manager, now on offer because he was blamed") {
                CHECK(w.paths == 5);
                CHECK_FALSE(w.boundHit);
                const std::vector<std::vector<std::string>> all = {{"blame", "hear", "agree"},
                                                                   {"blame", "hear", "walk"},
                                                                   {"blame", "manager_now"},
                                                                   {"blame", "stall_here", "agree"},
                                                                   {"blame", "stall_here", "walk"}};
                int best = -1, worst = 101;
                for (const auto& ids : all) {
                    best = std::max(best, scoreOf(sc, ids));
                    worst = std::min(worst, scoreOf(sc, ids));
                }
                CHECK(w.best.score == best);
                CHECK(w.worst.score == worst);
                CHECK(w.best.answers == std::vector<std::string>{"blame", "hear", "agree"});
                CHECK(w.best.ending == "fixed");
                CHECK(w.worst.ending != "fixed");
            }
            THEN("the best continuation's mood is worked out turn by turn") {
                // hear: listening -5, empathy -8 and +4 trust; agree: solution -10 / +10,
                // commitment +10 trust; one patience a turn.
                const std::vector<Mood> curve = {mood(60, 30, 50), mood(85, 10, 49),
                                                 mood(72, 14, 48), mood(62, 34, 47)};
                CHECK(w.best.curve == curve);
            }
            THEN("the real run is there to compare") {
                CHECK(w.picked == "own");
                CHECK(w.realCurve == std::vector<Mood>{mood(60, 30, 50), mood(50, 40, 49),
                                                       mood(37, 44, 48), mood(27, 64, 47)});
                CHECK(w.realScore == scoreOf(sc, {"own", "hear", "agree"}));
                CHECK(w.realScore >= w.best.score);
            }
        }
        WHEN("the analysis may explore only two states") {
            WhatIfOptions limits;
            limits.maxStates = 2;
            limits.maxPaths = 3;
            const WhatIf w = whatIf(sc, AttemptOptions{}, turns, 1, "blame", limits);
            THEN("it says the bound was hit, and names real runs within the exact range") {
                REQUIRE(w.ok());
                CHECK(w.boundHit);
                CHECK(w.paths == 0);  // not counted
                CHECK(w.best.score == scoreOf(sc, w.best.answers));
                CHECK(w.worst.score == scoreOf(sc, w.worst.answers));
                const WhatIf all = whatIf(sc, AttemptOptions{}, turns, 1, "blame");
                CHECK_FALSE(all.boundHit);
                CHECK(w.best.score <= all.best.score);
                CHECK(w.worst.score >= all.worst.score);
            }
        }
        WHEN("the last turn is answered as it was") {
            const WhatIf w = whatIf(sc, AttemptOptions{}, turns, 3, "agree");
            THEN("the one continuation is the run itself") {
                REQUIRE(w.ok());
                CHECK(w.paths == 1);
                CHECK(w.best.score == w.realScore);
                CHECK(w.worst.score == w.realScore);
                CHECK(w.best.curve == w.realCurve);
            }
        }
        WHEN("the plan turn is answered with 'walk'") {
            const WhatIf w = whatIf(sc, AttemptOptions{}, turns, 3, "walk");
            THEN("the customer walks out, with patience 15 lower") {
                REQUIRE(w.ok());
                CHECK(w.after == mood(37, 44, 32));
                CHECK(w.best.ending == "gone");
                CHECK(w.best.score == scoreOf(sc, {"own", "hear", "walk"}));
            }
        }
        WHEN("the answer was not on offer, or the turn is not the run's") {
            THEN("it says which") {
                // manager_now is offered only after 'blame'.
                CHECK(whatIf(sc, AttemptOptions{}, turns, 2, "manager_now").status ==
                      WhatIfStatus::NotOnOffer);
                CHECK(whatIf(sc, AttemptOptions{}, turns, 2, "agree").status ==
                      WhatIfStatus::NotOnOffer);
                CHECK(whatIf(sc, AttemptOptions{}, turns, 0, "own").status ==
                      WhatIfStatus::NoSuchTurn);
                CHECK(whatIf(sc, AttemptOptions{}, turns, 4, "own").status ==
                      WhatIfStatus::NoSuchTurn);
            }
        }
        WHEN("the turns do not fit the scenario") {
            auto broken = turns;
            broken[1].picked = "no_such_answer";
            THEN("nothing is searched") {
                const WhatIf w = whatIf(sc, AttemptOptions{}, broken, 1, "blame");
                CHECK(w.status == WhatIfStatus::RunDoesNotReplay);
                CHECK(w.paths == 0);
            }
        }
    }
    GIVEN("a run answered slowly at the first turn (12 s of a 10 s limit)") {
        Attempt a(sc, AttemptOptions{});
        REQUIRE(a.chooseId("own", 12));
        REQUIRE(a.chooseId("hear", 0));
        REQUIRE(a.chooseId("agree", 0));
        THEN("the alternative is given after the same seconds: the same patience is lost") {
            const WhatIf w = whatIf(sc, AttemptOptions{}, a.turns(), 1, "own");
            REQUIRE(w.ok());
            CHECK(w.after == a.turns()[0].after);
            CHECK(w.best.score == a.score().total);
        }
    }
}

TEST_CASE("what-ifs along a bundled scenario's recorded best path", "[whatif][library]") {
    const auto recorded = loadReplay(fixture("paths/late-repair.best.yaml"));
    INFO(joinDiagnostics(recorded.diagnostics));
    REQUIRE(recorded.ok());
    const Rescored rs = rescore(*recorded.value, {DEFUSE_SCENARIO_DIR});
    INFO(joinDiagnostics(rs.diagnostics));
    REQUIRE(rs.ok());
    const auto& turns = recorded.value->turns;
    const AttemptOptions& options = rs.attempt->options();
    REQUIRE(turns.size() >= 4);
    const int real = rs.report.total;
    CHECK(real == 100);
    // Along the best path the range still open always holds the run's own score, and at the
    // last turn it is the run's score alone.
    for (int k = static_cast<int>(turns.size()); k >= static_cast<int>(turns.size()) - 3; --k) {
        INFO("turn " << k);
        const WhatIf same = whatIf(rs.scenario, options, turns, k, turns[k - 1].picked);
        REQUIRE(same.ok());
        CHECK_FALSE(same.boundHit);
        CHECK(same.best.score == real);
        CHECK(same.worst.score <= real);
        CHECK(same.realScore == real);
        CHECK(same.realCurve == rs.attempt->moodCurve());
        if (k == static_cast<int>(turns.size())) CHECK(same.worst.score == real);
        // Every other answer on offer: its best is no better than the best path's, and the
        // union of the ranges is the range from the turn before.
        int hi = same.best.score, lo = same.worst.score;
        std::uint64_t paths = same.paths;
        for (const std::string& alt : turns[k - 1].shown) {
            if (alt == turns[k - 1].picked) continue;
            const WhatIf w = whatIf(rs.scenario, options, turns, k, alt);
            REQUIRE(w.ok());
            CHECK(w.best.score <= real);
            CHECK(w.worst.score <= w.best.score);
            CHECK(w.best.curve.size() == static_cast<std::size_t>(k) + w.best.answers.size());
            hi = std::max(hi, w.best.score);
            lo = std::min(lo, w.worst.score);
            paths += w.paths;
        }
        if (k > 1) {
            const WhatIf before = whatIf(rs.scenario, options, turns, k - 1, turns[k - 2].picked);
            CHECK(before.paths == paths);
            CHECK(before.best.score == hi);
            CHECK(before.worst.score == lo);
        }
    }
}
