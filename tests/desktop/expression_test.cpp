// The face's expression is a pure function of the mood and the customer's manner, and shows
// what the issue asks: an anxious customer does not smile, a needling one smirks, an
// impatient one checks the time.
#include "expression.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "defuse/loader.hpp"
#include "defuse/message.hpp"
#include "portrait.hpp"

using namespace defuse;
using namespace defuse::desktop;

namespace {

bool same(const Expression& a, const Expression& b) {
    return a.state == b.state && a.frown == b.frown && a.worry == b.worry &&
           a.browRaise == b.browRaise && a.squint == b.squint && a.smile == b.smile &&
           a.smirk == b.smirk && a.shout == b.shout && a.lookAway == b.lookAway &&
           a.impatience == b.impatience && a.sweat == b.sweat && a.flush == b.flush &&
           a.vein == b.vein && a.steam == b.steam;
}

// Every mood on a 5-point grid, plain, needling and anxious.
template <class F>
void forEachMood(F f) {
    for (int an = 0; an <= 100; an += 5)
        for (int tr = 0; tr <= 100; tr += 5)
            for (int pa = 0; pa <= 100; pa += 5)
                for (int manner = 0; manner < 3; ++manner)
                    f(FaceMood{static_cast<float>(an), static_cast<float>(tr),
                               static_cast<float>(pa), manner == 1, manner == 2});
}

}  // namespace

TEST_CASE("the face is a function of the mood alone", "[portrait]") {
    forEachMood([](const FaceMood& m) { REQUIRE(same(expressionFor(m), expressionFor(m))); });
}

TEST_CASE("a customer without trust never smiles", "[portrait]") {
    forEachMood([](const FaceMood& m) {
        if (m.trust <= 30) {
            INFO("anger " << m.anger << " trust " << m.trust << " patience " << m.patience);
            REQUIRE_FALSE(expressionFor(m).smiles());
        }
    });
}

TEST_CASE("an anxious customer worries and does not smile", "[portrait]") {
    const Expression e = expressionFor({35, 15, 60, false, true});
    CHECK(e.state == FaceState::Anxious);
    CHECK(e.worry > 0.5f);
    CHECK(e.sweat > 0.5f);
    CHECK(e.smile <= 0);
    CHECK(e.frown < e.worry);
    // Another customer with as little trust is wary: the brows, not the sweat.
    const Expression wary = expressionFor({35, 15, 60, false, false});
    CHECK(wary.state == FaceState::Wary);
    CHECK(wary.sweat == 0);
    CHECK(wary.smile <= 0);
}

TEST_CASE("a content customer smiles", "[portrait]") {
    const Expression e = expressionFor({5, 80, 80, false});
    CHECK(e.state == FaceState::Content);
    CHECK(e.smiles());
    CHECK(e.worry == 0);
}

TEST_CASE("a needling customer smirks until the shouting starts", "[portrait]") {
    for (float anger : {10.0f, 30.0f, 50.0f, 65.0f}) {
        const Expression e = expressionFor({anger, 20, 50, true});
        CHECK(e.smirks());
        CHECK(e.state == FaceState::Needling);
        CHECK_FALSE(e.smiles());
        CHECK(e.browRaise > 0.5f);
    }
    CHECK_FALSE(expressionFor({95, 20, 50, true}).smirks());
    CHECK(expressionFor({95, 20, 50, true}).state == FaceState::Furious);
    forEachMood([](const FaceMood& m) {
        if (!m.needling) REQUIRE_FALSE(expressionFor(m).smirks());
    });
}

TEST_CASE("an impatient customer checks the time", "[portrait]") {
    forEachMood([](const FaceMood& m) {
        INFO("patience " << m.patience);
        if (m.patience <= 10) REQUIRE(expressionFor(m).checksTime());
        if (m.patience >= 35) REQUIRE_FALSE(expressionFor(m).checksTime());
    });
}

TEST_CASE("anger takes the face from irritated to furious", "[portrait]") {
    CHECK(expressionFor({40, 50, 60, false}).state == FaceState::Irritated);
    CHECK(expressionFor({65, 50, 60, false}).state == FaceState::Angry);
    const Expression furious = expressionFor({95, 10, 60, false});
    CHECK(furious.state == FaceState::Furious);
    CHECK(furious.shout > 0.9f);
    CHECK(furious.steam > 0.9f);
}

TEST_CASE("the bundled scenarios choose their customer's look", "[portrait]") {
    const std::filesystem::path dir = DEFUSE_SCENARIO_DIR;
    int women = 0;
    for (const auto& f : std::filesystem::directory_iterator(dir)) {
        if (f.path().extension() != ".yaml" || f.path().filename() == "curriculum.yaml") continue;
        auto r = loadScenario(f.path());
        if (!r.value) continue;
        const PortraitLook look = portraitFor(*r.value);
        const std::string name = render(r.value->displayName(), Lang::En);
        INFO(f.path().filename().string() << ": " << name);
        CHECK_FALSE(look.person.gender.empty());
        CHECK_FALSE(look.person.age.empty());
        if (name.rfind("Ms ", 0) == 0) {
            CHECK(look.person.gender == "woman");
            ++women;
        }
        if (r.value->customer.id == "sarcastic") CHECK(look.needling);
    }
    CHECK(women >= 2);
}

TEST_CASE("the line's cues set the manner", "[portrait]") {
    Scenario sc;
    sc.id = "x";
    sc.customer.id = "logical";
    const std::vector<std::string> needles{"needles"}, worry{"safety_worry"};
    CHECK_FALSE(portraitFor(sc).needling);
    CHECK_FALSE(portraitFor(sc).anxious);
    CHECK(portraitFor(sc, &needles).needling);
    CHECK(portraitFor(sc, &worry).anxious);
}
