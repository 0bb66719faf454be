// [scoring] Every point of the 0-100 score, explained.
#include "test_support.hpp"

#include "defuse/scoring.hpp"

using namespace defuse;

namespace {
Session playIds(const std::vector<std::string>& ids, double seconds = 0, std::string lang = "en") {
    SessionOptions o;
    o.seed = 11;
    o.lang = std::move(lang);
    Session s(loadFixture(), o);
    for (const auto& id : ids) REQUIRE(s.chooseId(id, seconds));
    return s;
}
double pointsOf(const ScoreReport& r, Component c) { return r.points[static_cast<std::size_t>(c)]; }
}  // namespace

TEST_CASE("the good path scores 85 and explains every component", "[scoring]") {
    Session s = playIds({"own", "hear", "agree"});
    ScoreReport r = scoreSession(s);
    CHECK(pointsOf(r, Component::Outcome) == Approx(30));
    CHECK(pointsOf(r, Component::Deescalation) == Approx(13.7));  // anger 60 -> 27, never above 60
    CHECK(pointsOf(r, Component::MoodCurve) == Approx(10));
    CHECK(pointsOf(r, Component::Competencies) == Approx(20.0 * 5 / 6));  // no diagnosis
    CHECK(pointsOf(r, Component::Steps) == Approx(5));  // diagnosis skipped: later steps out of order
    CHECK(pointsOf(r, Component::ResponseTime) == Approx(10));
    CHECK(r.penalties == 0);
    CHECK(r.total == 85);
    CHECK(r.grade == "A");
    CHECK(r.endingId == "fixed");
    CHECK(r.startAnger == 60);
    CHECK(r.peakAnger == 60);
    CHECK(r.endAnger == 27);
    std::vector<std::string> texts;
    for (const auto& l : r.lines) texts.push_back(l.text);
    CHECK(texts[0] == "Ending: Fixed (Resolved, worth 100%) (30 of 30)");
    CHECK(texts[1] == "Anger went from 60 at the start to 27 at the end, peaking at 60 (13.7 of 20)");
    CHECK(std::find(texts.begin(), texts.end(), "Diagnosis never shown (0 of 3.3)") != texts.end());
    CHECK(std::find(texts.begin(), texts.end(), "Solution: first at turn 3, out of order (rapport, diagnosis, solution, agreement)  (1.3 of 2.5)") == texts.end());
    CHECK(std::find(texts.begin(), texts.end(), "Rapport: first at turn 1, in order (2.5 of 2.5)") != texts.end());
    double sum = 0;
    for (const auto& l : r.lines) sum += l.points;
    CHECK(std::lround(sum) == r.total);
}

TEST_CASE("penalties are explained per turn and the total never goes below 0", "[scoring]") {
    Session s = playIds({"blame", "stall_here", "walk"});
    ScoreReport r = scoreSession(s);
    CHECK(r.endingKind == EndingKind::Lost);
    CHECK(r.penalties == 8);
    CHECK(r.lines.back().text == "Turn 1: blaming the customer \xE2\x88\x92" "8");
    CHECK(r.total == 4);
    CHECK(r.grade == "F");
    REQUIRE_FALSE(r.better.empty());
    CHECK(r.better[0].turn == 1);
    CHECK(r.better[0].better == "own");
}

TEST_CASE("slow answers lose response-time points", "[scoring]") {
    Session s = playIds({"own", "hear", "agree"}, 12);
    ScoreReport r = scoreSession(s);
    CHECK(pointsOf(r, Component::ResponseTime) == 0);
}

TEST_CASE("untimed runs scale the other components to 100", "[scoring]") {
    SessionOptions o;
    o.timed = false;
    Session s(loadFixture(), o);
    for (const char* id : {"own", "hear", "agree"}) REQUIRE(s.chooseId(id, 0));
    ScoreReport r = scoreSession(s);
    CHECK(r.max[static_cast<std::size_t>(Component::ResponseTime)] == 0);
    CHECK(r.max[static_cast<std::size_t>(Component::Outcome)] == Approx(100.0 / 3));
    CHECK(r.total == 84);
}

TEST_CASE("the explanation is written in the run's language", "[scoring]") {
    Session s = playIds({"own", "hear", "agree"}, 0, "zh");
    ScoreReport r = scoreSession(s);
    CHECK(r.lines[0].text == "结局：解决（圆满解决，计 100%）（30 / 30）");
}

TEST_CASE("a scenario's rubric overrides the default weights and penalties", "[scoring]") {
    auto sc = std::make_shared<Scenario>(*loadFixture());
    sc->rubric.weights[static_cast<std::size_t>(Component::Outcome)] = 60;
    sc->rubric.penalties["blame_customer"] = 20;
    Session s(sc, SessionOptions{});
    for (const char* id : {"blame", "hear", "agree"}) REQUIRE(s.chooseId(id, 0));
    ScoreReport r = scoreSession(s);
    CHECK(r.max[static_cast<std::size_t>(Component::Outcome)] == Approx(60 * 100.0 / 130));
    CHECK(r.penalties == 20);
}

TEST_CASE("a run with no answers earns nothing", "[scoring]") {
    Session s(loadFixture(), SessionOptions{});
    ScoreReport r = scoreSession(s);
    CHECK_FALSE(r.finished);
    CHECK(r.total == 0);
    CHECK(pointsOf(r, Component::Deescalation) == 0);
}

TEST_CASE("each explanation line knows what it could have added", "[scoring]") {
    Session s = playIds({"own", "hear", "agree"});
    ScoreReport r = scoreSession(s);
    double maxSum = 0;
    for (const auto& l : r.lines) {
        CHECK(l.points <= l.max + 1e-9);
        maxSum += l.max;
    }
    CHECK(maxSum == Approx(100));
    CHECK(r.max[static_cast<std::size_t>(Component::Competencies)] == Approx(20));
}
