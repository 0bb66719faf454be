// [model] The scoring model's numbers live in one place, and the format guide states them
// exactly as the code has them.
#include "defuse/scoring_model.hpp"

#include <fstream>

#include "defuse/attempt.hpp"
#include "defuse/files.hpp"
#include "defuse/loader.hpp"
#include "defuse/tags.hpp"
#include "test_support.hpp"

using namespace defuse;

namespace {
std::string between(const std::string& text, const std::string& from, const std::string& to) {
    auto a = text.find(from);
    REQUIRE(a != std::string::npos);
    a = text.find('\n', a) + 1;
    auto b = text.find(to, a);
    REQUIRE(b != std::string::npos);
    return text.substr(a, b - a);
}
}  // namespace

TEST_CASE("scenarios/README.md states the built-in scoring model exactly", "[model]") {
    auto readme = readFile(std::string(DEFUSE_SCENARIO_DIR) + "/README.md", nullptr);
    REQUIRE(readme);
    std::string section =
        between(*readme, "<!-- scoring-model:begin", "<!-- scoring-model:end -->");
    CHECK(section == describeModel(ScoringModel::builtIn(), Lang::En));
}

TEST_CASE("the description follows the model's numbers, in both languages", "[model]") {
    ScoringModel m = ScoringModel::builtIn();
    m.weights[static_cast<std::size_t>(Component::Outcome)] = 42;
    m.grades = {{"A", 91}, {"B", 60}, {"F", 0}};
    m.dropShare = 0.6;
    m.containShare = 0.4;
    for (Lang lang : kAllLangs) {
        std::string text = describeModel(m, lang);
        CHECK(text.find("| `outcome` | 42 |") != std::string::npos);
        CHECK(text.find("91") != std::string::npos);
        CHECK(text.find("60%") != std::string::npos);
        CHECK(text.find("40%") != std::string::npos);
        CHECK(text.find("%1") == std::string::npos);
        for (const auto& t : allTags())
            if (t.defaultPenalty > 0)
                CHECK(text.find("`" + std::string(t.id) + "` " +
                                std::to_string(t.defaultPenalty)) != std::string::npos);
    }
}

TEST_CASE("a scenario's rubric starts from the built-in model", "[model]") {
    auto sc = loadFixture();
    const ScoringModel& m = ScoringModel::builtIn();
    CHECK(sc->rubric.grades.size() == m.grades.size());
    CHECK(sc->rubric.betterMargin == m.betterMargin);
    CHECK(sc->rubric.dropShare + sc->rubric.containShare == Approx(1));
}

TEST_CASE("the mood curve and the conversation's chips use one rule for 'better'",
          "[model][mood]") {
    CHECK(improved(Mood{{60, 30, 50}}, Mood{{55, 30, 50}}));        // anger down
    CHECK(improved(Mood{{60, 30, 50}}, Mood{{60, 35, 50}}));        // trust up
    CHECK_FALSE(improved(Mood{{60, 30, 50}}, Mood{{65, 35, 50}}));  // both moved by 5: no better
    CHECK_FALSE(improved(Mood{{60, 30, 50}}, Mood{{60, 30, 10}}));  // patience is not counted
}

namespace {
LoadResult<Scenario> withRubric(const std::string& rubric) {
    std::string text = *readFile(fixture("scenarios/feature.yaml"), nullptr);
    text.insert(text.find("nodes:"), rubric);
    return loadScenarioText(text, "t.yaml", {fixture("scenarios")});
}
}  // namespace

TEST_CASE("a scenario sets its own grade boundaries under rubric.grades", "[model][loader]") {
    auto r = withRubric("rubric:\n  grades: {A: 90, B: 75, C: 60, D: 45}\n");
    INFO(joinDiagnostics(r.diagnostics));
    REQUIRE(r.ok());
    const auto& g = r.value->rubric.grades;
    REQUIRE(g.size() == 5);
    CHECK(g.front().grade == "A");
    CHECK(g.front().from == 90);
    CHECK(g.back().grade == ScoringModel::builtIn().grades.back().grade);  // the floor is added
    CHECK(g.back().from == 0);
    CHECK(r.value->rubric.gradeOf(89) == "B");
}

TEST_CASE("grade boundaries that do not go down are an error at the value", "[model][loader]") {
    auto r = withRubric("rubric:\n  grades: {A: 80, B: 85}\n");
    CHECK_FALSE(r.ok());
    CHECK(
        joinDiagnostics(r.diagnostics)
            .find(
                "t.yaml:12:22: error: grade 'B' starts at 85, which is not below grade 'A' (80)") !=
        std::string::npos);
    auto zh = render(r.diagnostics.front().message, Lang::Zh);
    CHECK(zh.find("等级「B」从 85 分起") != std::string::npos);
    auto range = withRubric("rubric:\n  grades: {A: 120}\n");
    CHECK_FALSE(range.ok());
}
