// [mood] How answers, order rules, thresholds and hesitation move the customer's mood.
#include "defuse/attempt.hpp"
#include "test_support.hpp"

using namespace defuse;

namespace {
Attempt start(Mode mode = Mode::Practice, bool timed = true) {
    AttemptOptions o;
    o.seed = 7;
    o.mode = mode;
    o.timed = timed;
    return Attempt(loadFixture(), o);
}
}  // namespace

SCENARIO("the archetype's reactions move the mood", "[mood]") {
    GIVEN("the test customer at the opening (anger 60, trust 30, patience 50)") {
        Attempt s = start();
        REQUIRE(s.mood() == Mood{{60, 30, 50}});
        WHEN("the advisor takes ownership") {
            REQUIRE(s.chooseId("own", 0));
            THEN("anger falls 10, trust rises 10, and the answer costs 1 patience") {
                CHECK(s.mood() == Mood{{50, 40, 49}});
            }
            AND_WHEN("listens with empathy, then offers a solution with a commitment") {
                REQUIRE(s.chooseId("hear", 0));
                CHECK(s.mood() == Mood{{37, 44, 48}});
                REQUIRE(s.chooseId("agree", 0));
                THEN("the customer is calm and the call is resolved") {
                    CHECK(s.mood() == Mood{{27, 64, 47}});
                    REQUIRE(s.finished());
                    CHECK(s.ending()->id == "fixed");
                }
            }
        }
    }
}

SCENARIO("order rules change an answer's effect", "[mood]") {
    GIVEN("a solution offered before the customer was heard") {
        Attempt s = start();
        REQUIRE(s.chooseId("fix_now", 0));
        THEN("it counts half and the rule's anger is added, and practice says why") {
            CHECK(s.mood() == Mood{{61, 35, 49}});
            std::vector<std::string> reasons;
            for (const auto& r : s.lastOutcome()->reasons)
                reasons.push_back(render(r.message(), Lang::En));
            CHECK(std::find(reasons.begin(), reasons.end(),
                            "(order) A fix offered before he was heard lands badly.") !=
                  reasons.end());
        }
        WHEN("the same answer is given in an assessment") {
            Attempt a = start(Mode::Assessment);
            REQUIRE(a.chooseId("fix_now", 0));
            THEN("the mood moves the same, but the order note is not shown") {
                CHECK(a.mood() == s.mood());
                for (const auto& r : a.lastOutcome()->reasons)
                    CHECK(r.kind != MoodReason::Kind::Order);
            }
        }
    }
    GIVEN("a customer who demands the manager") {
        Attempt s = start();
        WHEN("the advisor hands him off at the first demand") {
            REQUIRE(s.chooseId("handoff", 0));
            THEN("the first-demand rule adds anger") { CHECK(s.mood() == Mood{{80, 25, 49}}); }
            AND_WHEN("he demands again and the manager is fetched") {
                REQUIRE(s.node()->id == "second_demand");
                REQUIRE(s.chooseId("get_manager", 0));
                THEN("honouring the second demand calms him") {
                    CHECK(s.mood() == Mood{{55, 35, 48}});
                }
            }
            AND_WHEN("he demands again and is passed on again") {
                REQUIRE(s.chooseId("refuse", 0));
                const TurnOutcome& fb = *s.lastOutcome();
                THEN("anger reaches the threshold and the call escalates") {
                    CHECK(s.mood() == Mood{{90, 20, 48}});
                    CHECK(fb.redirect == Redirect::Escalated);
                    REQUIRE(s.finished());
                    CHECK(s.ending()->id == "manager");
                }
            }
        }
    }
}

SCENARIO("hesitation drains patience in timed scenarios, after the time to read", "[mood][clock]") {
    GIVEN("a scenario that times answers (10 s, grace 5 s, 2 per second)") {
        // The time to read the customer's line and the four answers is allowed first.
        const double read = start().readingAllowance();
        double chars = 0;
        for (const auto& c : start().choices()) chars += static_cast<double>(c.text.size());
        chars += static_cast<double>(start().customerLine().size());  // ASCII: bytes are characters
        REQUIRE(read == Approx(chars / ScoringModel::builtIn().readingPace[0]).margin(0.001));
        CHECK(start().timeLimit() == Approx(10 + read));
        WHEN("the advisor answers after reading and 8.5 s more") {
            Attempt s = start();
            REQUIRE(s.chooseId("own", read + 8.5));
            const TurnOutcome& fb = *s.lastOutcome();
            THEN("3.5 s beyond the grace cost 7 patience, within the limit") {
                CHECK(start().hesitationCost(read + 8.5) == Approx(7));
                CHECK(s.mood().patience() == 42);
                CHECK_FALSE(fb.overTime);
            }
        }
        WHEN("the advisor answers within the reading time") {
            Attempt s = start();
            REQUIRE(s.chooseId("own", read));
            THEN("reading costs nothing") { CHECK(s.mood().patience() == 49); }
        }
        WHEN("the advisor answers after reading and 12 s more") {
            Attempt s = start();
            REQUIRE(s.chooseId("own", read + 12));
            const TurnOutcome& fb = *s.lastOutcome();
            THEN("the answer is over time and costs 14 patience") {
                CHECK(s.mood().patience() == 35);
                CHECK(fb.overTime);
            }
        }
        WHEN("the advisor stays silent for 30 s after reading") {
            Attempt s = start();
            REQUIRE(s.chooseId("own", read + 30));
            const TurnOutcome& fb = *s.lastOutcome();
            THEN("patience runs out and the customer walks out") {
                CHECK(s.mood().patience() == 0);
                CHECK(fb.redirect == Redirect::WalkedOut);
                CHECK(s.ending()->id == "gone");
            }
        }
        WHEN("the timer is off in practice") {
            Attempt s = start(Mode::Practice, false);
            REQUIRE(s.chooseId("own", 30));
            THEN("time costs nothing") { CHECK(s.mood().patience() == 49); }
        }
    }
}

TEST_CASE("Chinese is read more slowly per character than English", "[mood][clock]") {
    AttemptOptions en, zh;
    zh.lang = "zh";
    Attempt a(loadFixture(), en), b(loadFixture(), zh);
    const auto& pace = ScoringModel::builtIn().readingPace;
    CHECK(pace[1] < pace[0]);
    CHECK(readingSeconds("您好您好您好", Lang::Zh) == Approx(6 / pace[1]));
    CHECK(readingSeconds("hello!", Lang::En) == Approx(6 / pace[0]));
    CHECK(b.readingAllowance() > 0);
    CHECK(a.readingAllowance() > 0);
}

TEST_CASE("mood values stay within 0-100", "[mood]") {
    Mood m{{95, 3, 50}};
    MoodDelta d;
    d.add(Dim::Anger, 20);
    d.add(Dim::Trust, -20);
    Mood after = apply(m, d);
    CHECK(after == Mood{{100, 0, 50}});
    CHECK(bandOf(Mood{{kMoodBands.irritated - 1, 0, 0}}) == MoodBand::Calm);
    CHECK(bandOf(Mood{{kMoodBands.irritated, 0, 0}}) == MoodBand::Irritated);
    CHECK(bandOf(Mood{{kMoodBands.angry - 1, 0, 0}}) == MoodBand::Irritated);
    CHECK(bandOf(Mood{{kMoodBands.angry, 0, 0}}) == MoodBand::Angry);
    CHECK(bandOf(Mood{{kMoodBands.furious, 0, 0}}) == MoodBand::Furious);
}

TEST_CASE("the customer's line follows the mood", "[mood]") {
    Attempt calm = start();
    CHECK(calm.customerLine() == "Who is in charge here?");
    auto sc = loadFixture();
    auto hot = std::make_shared<Scenario>(*sc);
    hot->customer.start.set(Dim::Anger, 85);
    Attempt s(hot, AttemptOptions{});
    CHECK(s.customerLine() == "WHO IS IN CHARGE?");
}
