// [mood] How answers, order rules, thresholds and hesitation move the customer's mood.
#include "test_support.hpp"

#include "defuse/session.hpp"

using namespace defuse;

namespace {
Session start(Mode mode = Mode::Practice, bool timed = true) {
    SessionOptions o;
    o.seed = 7;
    o.mode = mode;
    o.timed = timed;
    return Session(loadFixture(), o);
}
}  // namespace

SCENARIO("the archetype's reactions move the mood", "[mood]") {
    GIVEN("the test customer at the opening (anger 60, trust 30, patience 50)") {
        Session s = start();
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
        Session s = start();
        TurnFeedback fb;
        REQUIRE(s.chooseId("fix_now", 0, &fb));
        THEN("it counts half and the rule's anger is added") {
            CHECK(s.mood() == Mood{{61, 35, 49}});
            CHECK(std::find(fb.reasons.begin(), fb.reasons.end(),
                            "(order) A fix offered before he was heard lands badly.") != fb.reasons.end());
        }
    }
    GIVEN("a customer who demands the manager") {
        Session s = start();
        WHEN("the advisor hands him off at the first demand") {
            REQUIRE(s.chooseId("handoff", 0));
            THEN("the first-demand rule adds anger") { CHECK(s.mood() == Mood{{80, 25, 49}}); }
            AND_WHEN("he demands again and the manager is fetched") {
                REQUIRE(s.node()->id == "second_demand");
                REQUIRE(s.chooseId("get_manager", 0));
                THEN("honouring the second demand calms him") { CHECK(s.mood() == Mood{{55, 35, 48}}); }
            }
            AND_WHEN("he demands again and is passed on again") {
                TurnFeedback fb;
                REQUIRE(s.chooseId("refuse", 0, &fb));
                THEN("anger reaches the threshold and the call escalates") {
                    CHECK(s.mood() == Mood{{90, 20, 48}});
                    CHECK(fb.escalated);
                    REQUIRE(s.finished());
                    CHECK(s.ending()->id == "manager");
                }
            }
        }
    }
}

SCENARIO("hesitation drains patience in timed scenarios", "[mood]") {
    GIVEN("a scenario that times answers (10 s, grace 5 s, 2 per second)") {
        WHEN("the advisor answers after 8.5 s") {
            Session s = start();
            TurnFeedback fb;
            REQUIRE(s.chooseId("own", 8.5, &fb));
            THEN("3.5 s beyond the grace cost 7 patience, within the limit") {
                CHECK(start().hesitationCost(8.5) == Approx(7));
                CHECK(s.mood().patience() == 42);
                CHECK_FALSE(fb.overTime);
            }
        }
        WHEN("the advisor answers after 12 s") {
            Session s = start();
            TurnFeedback fb;
            REQUIRE(s.chooseId("own", 12, &fb));
            THEN("the answer is over time and costs 14 patience") {
                CHECK(s.mood().patience() == 35);
                CHECK(fb.overTime);
            }
        }
        WHEN("the advisor stays silent for 30 s") {
            Session s = start();
            TurnFeedback fb;
            REQUIRE(s.chooseId("own", 30, &fb));
            THEN("patience runs out and the customer walks out") {
                CHECK(s.mood().patience() == 0);
                CHECK(fb.walkedOut);
                CHECK(s.ending()->id == "gone");
            }
        }
        WHEN("the timer is off in practice") {
            Session s = start(Mode::Practice, false);
            REQUIRE(s.chooseId("own", 30));
            THEN("time costs nothing") { CHECK(s.mood().patience() == 49); }
        }
    }
}

TEST_CASE("mood values stay within 0-100", "[mood]") {
    Mood m{{95, 3, 50}};
    MoodDelta d;
    d.add(Dim::Anger, 20);
    d.add(Dim::Trust, -20);
    Mood after = apply(m, d);
    CHECK(after == Mood{{100, 0, 50}});
    CHECK(bandOf(Mood{{29, 0, 0}}) == MoodBand::Calm);
    CHECK(bandOf(Mood{{30, 0, 0}}) == MoodBand::Irritated);
    CHECK(bandOf(Mood{{55, 0, 0}}) == MoodBand::Angry);
    CHECK(bandOf(Mood{{80, 0, 0}}) == MoodBand::Furious);
}

TEST_CASE("the customer's line follows the mood", "[mood]") {
    Session calm = start();
    CHECK(calm.customerLine() == "Who is in charge here?");
    auto sc = loadFixture();
    auto hot = std::make_shared<Scenario>(*sc);
    hot->customer.start.set(Dim::Anger, 85);
    Session s(hot, SessionOptions{});
    CHECK(s.customerLine() == "WHO IS IN CHARGE?");
}
