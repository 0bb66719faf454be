// [model] The scoring model's numbers live in one place, and the format guide states them
// exactly as the code has them.
#include <fstream>

#include "defuse/attempt.hpp"
#include "defuse/scoring_model.hpp"
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
    std::ifstream in(std::string(DEFUSE_SCENARIO_DIR) + "/README.md");
    REQUIRE(in);
    std::string readme{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    std::string section = between(readme, "<!-- scoring-model:begin", "<!-- scoring-model:end -->");
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
            if (t.defaultPenalty > 0) CHECK(text.find("`" + std::string(t.id) + "` " + std::to_string(t.defaultPenalty)) != std::string::npos);
    }
}

TEST_CASE("a scenario's rubric starts from the built-in model", "[model]") {
    auto sc = loadFixture();
    const ScoringModel& m = ScoringModel::builtIn();
    CHECK(sc->rubric.grades.size() == m.grades.size());
    CHECK(sc->rubric.betterMargin == m.betterMargin);
    CHECK(sc->rubric.dropShare + sc->rubric.containShare == Approx(1));
}

TEST_CASE("the mood curve and the conversation's chips use one rule for 'better'", "[model][mood]") {
    CHECK(improved(Mood{{60, 30, 50}}, Mood{{55, 30, 50}}));   // anger down
    CHECK(improved(Mood{{60, 30, 50}}, Mood{{60, 35, 50}}));   // trust up
    CHECK_FALSE(improved(Mood{{60, 30, 50}}, Mood{{65, 35, 50}}));  // both moved by 5: no better
    CHECK_FALSE(improved(Mood{{60, 30, 50}}, Mood{{60, 30, 10}}));  // patience is not counted
}
