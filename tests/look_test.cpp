// A scenario's `customer: look:` and an archetype's `look:`: the person the portrait draws.
#include <catch2/catch.hpp>

#include "defuse/scenario.hpp"
#include "test_support.hpp"

using namespace defuse;

namespace {

std::string scenarioWithLook(const std::string& look) {
    return "kind: scenario\nid: looks\ntitle: Looks\ncustomer:\n  archetype: tester\n  look: " +
           look +
           "\nnodes:\n  start:\n    say: Hello\n    answers:\n"
           "      - {text: A, tags: [empathy], next: done, note: n}\n"
           "endings:\n  done: {kind: resolved}\n  esc: {kind: escalated}\n  lost: {kind: lost}\n";
}

std::string diagnoseArchetype(const std::string& yaml) {
    return joinDiagnostics(loadArchetypeText(yaml, "x.yaml").diagnostics);
}

}  // namespace

TEST_CASE("a scenario's customer look is read", "[loader][look]") {
    auto r = loadScenarioText(
        scenarioWithLook("{gender: woman, age: older, hair: bun, hair_colour: grey, clothes: "
                         "jacket, glasses: true}"),
        "looks.yaml", {fixture("scenarios")});
    INFO(joinDiagnostics(r.diagnostics));
    REQUIRE(r.ok());
    const CustomerLook& l = r.value->customer.look;
    CHECK(l.gender == "woman");
    CHECK(l.age == "older");
    CHECK(l.hair == "bun");
    CHECK(l.hairColour == "grey");
    CHECK(l.clothes == "jacket");
    CHECK(l.glasses);
}

TEST_CASE("a look without fields leaves them to the front end", "[loader][look]") {
    auto r =
        loadScenarioText(scenarioWithLook("{gender: man}"), "looks.yaml", {fixture("scenarios")});
    REQUIRE(r.ok());
    CHECK(r.value->customer.look.gender == "man");
    CHECK(r.value->customer.look.hair.empty());
    CHECK_FALSE(r.value->customer.look.glasses);
}

TEST_CASE("an unknown look value is an error with a suggestion", "[loader][look]") {
    CHECK(diagnose(scenarioWithLook("{gender: women, hair: pony, clothes: hodie, shoes: red}")) ==
          "t.yaml:6:53: warning: unknown key 'shoes' (in the customer's look; it is ignored)\n"
          "t.yaml:6:18: error: unknown gender 'women'; did you mean 'woman'? (use one of: woman, "
          "man)\n"
          "t.yaml:6:31: error: unknown hair style 'pony' (use one of: short, long, bun, ponytail, "
          "bald)\n"
          "t.yaml:6:46: error: unknown clothes 'hodie'; did you mean 'hoodie'? (use one of: "
          "shirt, polo, blouse, jacket, suit, hoodie, uniform)\n");
}

TEST_CASE("the allowed look values are published", "[look]") {
    CHECK(lookValues("gender") == std::vector<std::string>{"woman", "man"});
    CHECK(lookValues("age") == std::vector<std::string>{"young", "middle", "older"});
    CHECK(lookValues("shoes").empty());
}

TEST_CASE("an archetype's look is the default the scenario overrides field by field",
          "[loader][look]") {
    auto a = loadArchetypeText(
        "kind: archetype\nid: shown\nreactions: {rapport: {anger: -1}}\n"
        "look: {gender: woman, age: older, hair: bun}\n",
        "shown.yaml");
    INFO(joinDiagnostics(a.diagnostics));
    REQUIRE(a.ok());
    CHECK(a.value->look.gender == "woman");
    CHECK(a.value->look.hair == "bun");
    CHECK(diagnoseArchetype("kind: archetype\nid: x\nreactions: {rapport: {anger: -1}}\n"
                            "look: {age: olde}\n") ==
          "x.yaml:4:13: error: unknown age 'olde'; did you mean 'older'? (use one of: young, "
          "middle, older)\n");
}
