// [scoring] Every point of the 0-100 score, explained.
#include "defuse/scoring.hpp"

#include "defuse/attempt.hpp"
#include "test_support.hpp"

using namespace defuse;

namespace {
Attempt playIds(const std::vector<std::string>& ids, double seconds = 0, std::string lang = "en") {
    AttemptOptions o;
    o.seed = 11;
    o.lang = std::move(lang);
    Attempt s(loadFixture(), o);
    for (const auto& id : ids) REQUIRE(s.chooseId(id, seconds));
    return s;
}
double pointsOf(const ScoreReport& r, Component c) { return r.points[static_cast<std::size_t>(c)]; }
std::vector<std::string> texts(const ScoreReport& r, Lang lang = Lang::En) {
    std::vector<std::string> out;
    for (const auto& l : r.lines) out.push_back(render(l.message(), lang));
    return out;
}
bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}
}  // namespace

TEST_CASE("the good path scores 85 and explains every component", "[scoring]") {
    Attempt s = playIds({"own", "hear", "agree"});
    const ScoreReport& r = s.score();
    const ScoringModel& m = ScoringModel::builtIn();
    // Resolved: the whole outcome weight.
    const double outcome = m.weight(Component::Outcome);
    // Anger 60 -> 27, never above 60: the drop share for (60-27)/60, the whole contain share.
    const double deescalation =
        m.weight(Component::Deescalation) * (m.dropShare * (60 - 27) / 60.0 + m.containShare * 1.0);
    // Every one of the three turns made things better.
    const double moodCurve = m.weight(Component::MoodCurve);
    // Five of six competencies (no diagnosis).
    const double competencies = m.weight(Component::Competencies) * 5 / 6;
    // Diagnosis skipped: rapport shown in order (full share); solution and agreement shown
    // out of order (half each); diagnosis nothing.
    const double steps = m.weight(Component::Steps) / 4 * (1 + 0.5 + 0.5);
    const double responseTime = m.weight(Component::ResponseTime);
    CHECK(pointsOf(r, Component::Outcome) == Approx(outcome));
    CHECK(pointsOf(r, Component::Deescalation) == Approx(deescalation));
    CHECK(pointsOf(r, Component::MoodCurve) == Approx(moodCurve));
    CHECK(pointsOf(r, Component::Competencies) == Approx(competencies));
    CHECK(pointsOf(r, Component::Steps) == Approx(steps));
    CHECK(pointsOf(r, Component::ResponseTime) == Approx(responseTime));
    CHECK(r.penalties == 0);
    CHECK(r.total ==
          std::lround(outcome + deescalation + moodCurve + competencies + steps + responseTime));
    CHECK(r.grade == "A");
    CHECK(r.endingId == "fixed");
    CHECK(r.startAnger == 60);
    CHECK(r.peakAnger == 60);
    CHECK(r.endAnger == 27);
    auto t = texts(r);
    CHECK(t[0] == "Ending: Fixed (Resolved, worth 100%) (30 of 30)");
    CHECK(t[1] == "Anger went from 60 at the start to 27 at the end, peaking at 60 (13.7 of 20)");
    CHECK(contains(t, "Diagnosis never shown (0 of 3.3)"));
    CHECK(contains(t,
                   "Solution: first at turn 3, out of order (rapport, diagnosis, solution, "
                   "agreement) (1.2 of 2.5)"));
    CHECK(contains(t, "Rapport: first at turn 1, in order (2.5 of 2.5)"));
    double sum = 0;
    for (const auto& l : r.lines) sum += l.points;
    CHECK(std::lround(sum) == r.total);
}

TEST_CASE("penalties are explained per turn and the total never goes below 0", "[scoring]") {
    Attempt s = playIds({"blame", "stall_here", "walk"});
    const ScoreReport& r = s.score();
    CHECK(r.endingKind == EndingKind::Lost);
    // Blaming the customer at turn 1, stalling at turns 2 and 3: all carry default penalties.
    CHECK(r.penalties ==
          findTag("blame_customer")->defaultPenalty + 2 * findTag("stall")->defaultPenalty);
    auto blame = std::find_if(r.lines.begin(), r.lines.end(),
                              [](const ScoreLine& l) { return l.tag == "blame_customer"; });
    REQUIRE(blame != r.lines.end());
    CHECK(blame->kind == LineKind::Penalty);
    CHECK(render(blame->message(), Lang::En) ==
          "Turn 1: blaming the customer \xE2\x88\x92"
          "8");
    CHECK(render(blame->message(), Lang::Zh) ==
          "第 1 轮：指责客户 \xE2\x88\x92"
          "8");
    double earned = 0;
    for (double p : r.points) earned += p;
    CHECK(earned < r.penalties);
    CHECK(r.total == 0);
    CHECK(r.grade == "F");
    REQUIRE_FALSE(r.better.empty());
    CHECK(r.better[0].turn == 1);
    CHECK(r.better[0].better == "own");
}

TEST_CASE("slow answers lose response-time points; reading time is not slow", "[scoring][clock]") {
    auto play = [](double extra) {
        AttemptOptions o;
        o.seed = 11;
        Attempt s(loadFixture(), o);
        for (const char* id : {"own", "hear", "agree"})
            REQUIRE(s.chooseId(id, s.readingAllowance() + extra));
        return s.score();
    };
    CHECK(pointsOf(play(10.5), Component::ResponseTime) ==
          0);  // 10.5 s beyond reading: over the 10 s limit
    CHECK(pointsOf(play(9.5), Component::ResponseTime) ==
          Approx(ScoringModel::builtIn().weight(Component::ResponseTime)));
}

TEST_CASE("untimed runs scale the other components to 100", "[scoring]") {
    AttemptOptions o;
    o.timed = false;
    Attempt s(loadFixture(), o);
    for (const char* id : {"own", "hear", "agree"}) REQUIRE(s.chooseId(id, 0));
    const ScoreReport& r = s.score();
    CHECK(r.max[static_cast<std::size_t>(Component::ResponseTime)] == 0);
    CHECK(r.max[static_cast<std::size_t>(Component::Outcome)] == Approx(100.0 / 3));
    CHECK(r.total == 84);
}

TEST_CASE("the explanation is a value: the same score renders in either language", "[scoring]") {
    Attempt en = playIds({"own", "hear", "agree"}, 0, "en");
    Attempt zh = playIds({"own", "hear", "agree"}, 0, "zh");
    const ScoreReport& r = en.score();
    CHECK(r.lines[0].what.id == Msg::LineEnding);
    CHECK(render(r.lines[0].message(), Lang::Zh) == "结局：解决（圆满解决，计 100%）（30 / 30）");
    CHECK(render(r.lines[0].message(), Lang::En) ==
          "Ending: Fixed (Resolved, worth 100%) (30 of 30)");
    CHECK(texts(zh.score(), Lang::Zh) == texts(r, Lang::Zh));
    CHECK(zh.score().total == r.total);
}

TEST_CASE("grades come from the scoring model, and a scenario can move the boundaries",
          "[scoring]") {
    const ScoringModel& m = ScoringModel::builtIn();
    for (const auto& g : m.grades) {
        CHECK(m.gradeOf(g.from) == g.grade);
        if (g.from > 0) CHECK(m.gradeOf(g.from - 1) != g.grade);
    }
    auto sc = std::make_shared<Scenario>(*loadFixture());
    sc->rubric.grades = {{"A", 95}, {"B", 50}, {"F", 0}};
    Attempt s(sc, AttemptOptions{});
    for (const char* id : {"own", "hear", "agree"}) REQUIRE(s.chooseId(id, 0));
    CHECK(s.score().total < 95);
    CHECK(s.score().grade == "B");
}

TEST_CASE("a scenario's rubric overrides the default weights and penalties", "[scoring]") {
    auto sc = std::make_shared<Scenario>(*loadFixture());
    sc->rubric.weights[static_cast<std::size_t>(Component::Outcome)] = 60;
    sc->rubric.penalties["blame_customer"] = 20;
    Attempt s(sc, AttemptOptions{});
    for (const char* id : {"blame", "hear", "agree"}) REQUIRE(s.chooseId(id, 0));
    const ScoreReport& r = s.score();
    CHECK(r.max[static_cast<std::size_t>(Component::Outcome)] == Approx(60 * 100.0 / 130));
    CHECK(r.penalties == 20);
}

TEST_CASE("a run with no answers earns nothing", "[scoring]") {
    Attempt s(loadFixture(), AttemptOptions{});
    const ScoreReport& r = s.score();
    CHECK_FALSE(r.finished);
    CHECK(r.total == 0);
    CHECK(pointsOf(r, Component::Deescalation) == 0);
}

TEST_CASE("each explanation line knows what it could have added", "[scoring]") {
    Attempt s = playIds({"own", "hear", "agree"});
    const ScoreReport& r = s.score();
    double maxSum = 0;
    for (const auto& l : r.lines) {
        CHECK(l.points <= l.max + 1e-9);
        maxSum += l.max;
    }
    CHECK(maxSum == Approx(100));
    CHECK(r.max[static_cast<std::size_t>(Component::Competencies)] == Approx(20));
}
