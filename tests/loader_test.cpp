// [loader] A real scenario file becomes the model a trainer wrote.
#include "test_support.hpp"

using namespace defuse;

TEST_CASE("the feature fixture loads with every field", "[loader]") {
    auto r = loadScenario(fixture("scenarios/feature.yaml"));
    INFO(joinDiagnostics(r.diagnostics));
    REQUIRE(r.ok());
    CHECK(r.diagnostics.empty());
    const Scenario& sc = *r.value;
    CHECK(sc.id == "feature-test");
    CHECK(sc.title.get("zh") == "功能测试");
    CHECK(sc.difficulty == 2);
    CHECK(sc.timeLimit == 10);
    CHECK(sc.start == "opening");
    CHECK(sc.onEscalate == "manager");  // first ending of kind escalated
    CHECK(sc.onWalkOut == "gone");      // first ending of kind lost
    CHECK(sc.customer.id == "tester");
    CHECK(sc.customer.start == Mood{{60, 30, 50}});
    CHECK(sc.customer.orderRules.size() == 3);
    CHECK(sc.customerName.get("en") == "Mr Test");
    REQUIRE(sc.node("opening"));
    CHECK(sc.node("opening")->cues == std::vector<std::string>{"demands_manager"});
    CHECK(sc.node("opening")->variants.size() == 1);
    CHECK(sc.node("listen")->answers[1].condition.has_value());
    CHECK(sc.node("listen")->answers[2].effect.get(Dim::Trust) == -3);
    CHECK(sc.ending("fixed")->kind == EndingKind::Resolved);
    CHECK(sc.ending("fixed")->score == 100);
    CHECK(sc.ending("manager")->score == 30);
    CHECK(sc.hash.size() == 64);
    CHECK(sc.shortestTurns() == 2);  // opening -> listen -> (manager_now) manager
}

TEST_CASE("answers without an id get NODE.N", "[loader]") {
    std::string yaml = R"(kind: scenario
id: ids
title: Ids
customer: {archetype: tester}
nodes:
  start:
    say: Hello
    answers:
      - {text: A, tags: [rapport], next: done, note: n}
      - {text: B, tags: [rapport], next: done, note: n}
endings:
  done: {kind: resolved}
  esc: {kind: escalated}
  lost: {kind: lost}
)";
    auto r = loadScenarioText(yaml, "ids.yaml", {fixture("scenarios")});
    INFO(joinDiagnostics(r.diagnostics));
    REQUIRE(r.ok());
    CHECK(r.value->nodes[0].answers[0].id == "start.1");
    CHECK(r.value->nodes[0].answers[1].id == "start.2");
}

TEST_CASE("the hash covers the scenario and its archetype", "[loader]") {
    auto a = loadScenario(fixture("scenarios/feature.yaml"));
    REQUIRE(a.ok());
    auto text = readFile(fixture("scenarios/feature.yaml"), nullptr);
    REQUIRE(text);
    auto b = loadScenarioText(*text + "\n# a comment changes the bytes\n", a.value->file,
                              {fixture("scenarios")});
    REQUIRE(b.ok());
    CHECK(a.value->hash != b.value->hash);
}

TEST_CASE("check tells scenarios from archetypes in a folder", "[loader]") {
    auto files = checkPaths({fixture("scenarios")});
    REQUIRE(files.size() == 2);
    CHECK(files[0].kind == FileKind::Archetype);
    CHECK(files[1].kind == FileKind::Scenario);
    CHECK(files[1].scenario != nullptr);
}

TEST_CASE("folded Chinese text loses the spaces YAML put between characters", "[loader]") {
    std::string yaml =
        "kind: scenario\nid: fold\ntitle:\n  en: >-\n    Two\n    lines\n  zh: >-\n    第一行，\n  "
        "  第二行\n"
        "customer: {archetype: tester}\nnodes:\n  s:\n    say: x\n    answers: [{text: x, tags: "
        "[rapport], next: d, note: n}]\n"
        "endings:\n  d: {kind: resolved}\n  e: {kind: escalated}\n  l: {kind: lost}\n";
    auto r = loadScenarioText(yaml, "fold.yaml", {fixture("scenarios")});
    INFO(joinDiagnostics(r.diagnostics));
    REQUIRE(r.ok());
    CHECK(r.value->title.get("en") == "Two lines");
    CHECK(r.value->title.get("zh") == "第一行，第二行");
}
