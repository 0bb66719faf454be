// [diagnostics] Exact file:line:col text for the mistakes trainers make.
#include "test_support.hpp"

using namespace defuse;

namespace {
// A valid scenario to break one line of.
const std::string kBase = R"(kind: scenario
id: base
title: {en: Base, zh: 基础}
customer: {archetype: tester}
nodes:
  start:
    say: {en: Hello, zh: 你好}
    answers:
      - id: ok
        text: {en: Fine, zh: 好}
        tags: [empathy]
        next: done
        note: {en: n, zh: 注}
endings:
  done: {kind: resolved}
  esc: {kind: escalated}
  lost: {kind: lost}
)";

std::string with(const std::string& from, const std::string& to) {
    std::string s = kBase;
    auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    s.replace(at, from.size(), to);
    return s;
}
}  // namespace

TEST_CASE("the base scenario has no diagnostics", "[diagnostics]") { CHECK(diagnose(kBase) == ""); }

TEST_CASE("YAML-level mistakes", "[diagnostics]") {
    CHECK(diagnose(with("id: base", "id: base\nid: again")) ==
          "t.yaml:3:1: error: duplicate key 'id' in the scenario (first given at line 2)\n");
    CHECK(diagnose(with("title:", "titel: x\ntitle:")) ==
          "t.yaml:3:1: warning: unknown key 'titel'; did you mean 'title'? (in the scenario; it is "
          "ignored)\n");
    CHECK(diagnose(with("id: base", "id: &a base")) ==
          "t.yaml:2:5: error: anchors (&name) are not allowed in defuse files; write the value out "
          "in full\n");
    CHECK(diagnose("kind: scenario\n\tid: x\n").find("t.yaml:2:1: error: YAML syntax error:") == 0);
    CHECK(diagnose("") == "t.yaml:1:1: error: the file is empty\n");
    CHECK(diagnose("kind: scenario\ntitle: caf\xC3\n") ==
          "t.yaml:2:11: error: invalid UTF-8 here; save the file as UTF-8\n");
    CHECK(diagnose(std::string(100, '[') + std::string(100, ']')) ==
          "t.yaml:1:65: error: nesting is too deep (more than 64 levels); a defuse file needs only "
          "a few\n");
    CHECK(diagnose("- a\n- b\n") ==
          "t.yaml:1:1: error: the scenario must be a mapping (key: value lines), not a list\n");
}

TEST_CASE("a missing required key points at its parent", "[diagnostics]") {
    CHECK(diagnose(with("        next: done\n", "")) ==
          "t.yaml:9:9: error: answer 1 of node 'start' is missing the required key 'next'\n");
    CHECK(diagnose(with("title: {en: Base, zh: 基础}\n", "")) ==
          "t.yaml:1:1: error: the scenario is missing the required key 'title'\n");
}

TEST_CASE("columns count characters, so Chinese lines point at the right place", "[diagnostics]") {
    CHECK(diagnose(with("        tags: [empathy]",
                        "        tags: [empathy]\n        if: 信任很高 and trust > 5")) ==
          "t.yaml:12:13: error: the condition of answer 1 of node 'start': unexpected '信' in the "
          "condition\n");
    CHECK(diagnose(with("      - id: ok\n        text: {en: Fine, zh: 好}\n        tags: [empathy]",
                        "      - {text: 我是负责您车的顾问, tags: [ownershp], next: done, note: "
                        "注}\n      - text: x\n        tags: [empathy]")) ==
          "t.yaml:9:34: error: unknown tag 'ownershp'; did you mean 'ownership'? (the tags are "
          "listed in scenarios/README.md)\n");
}

TEST_CASE("semantic mistakes", "[diagnostics]") {
    CHECK(diagnose(with("next: done", "next: dne")) ==
          "t.yaml:12:15: error: unknown node or ending 'dne'; did you mean 'done'? (in answer 1 of "
          "node 'start')\n");
    CHECK(diagnose(with("archetype: tester", "archetype: nobody")) ==
          "t.yaml:4:23: error: archetype 'nobody' not found (looked for 'nobody.yaml' next to the "
          "scenario, in archetypes/ and in ../archetypes/)\n");
    CHECK(diagnose(with("done: {kind: resolved}", "done: {kind: solved}")) ==
          "t.yaml:15:16: error: unknown ending kind 'solved'; did you mean 'resolved'? (use "
          "resolved, partial, escalated or lost)\n");
    CHECK(diagnose(with("tags: [empathy]", "tags: [empathy]\n        effect: {anger: 150}")) ==
          "t.yaml:12:25: error: the effect of answer 1 of node 'start' anger must be between -100 "
          "and 100, not 150\n");
    CHECK(diagnose(with("tags: [empathy]", "tags: [empathy]\n        effect: {angr: 5}")) ==
          "t.yaml:12:18: error: unknown mood dimension 'angr'; did you mean 'anger'? in the effect "
          "of answer 1 of node 'start'\n");
    CHECK(diagnose(with("tags: [empathy]", "tags: [empathy]\n        if: picked nope")) ==
          "t.yaml:12:20: error: unknown answer id 'nope' in the condition\n"
          "t.yaml:6:3: error: every answer of node 'start' has an 'if:'; give at least one answer "
          "without a condition so the conversation can always go on\n");
    CHECK(diagnose(with("tags: [empathy]", "tags: [empathy]\n        if: anger > 5")) ==
          "t.yaml:6:3: error: every answer of node 'start' has an 'if:'; give at least one answer "
          "without a condition so the conversation can always go on\n");
}

TEST_CASE("warnings for reachability, translations and effects that do nothing", "[diagnostics]") {
    CHECK(diagnose(
              with("  lost: {kind: lost}\n", "  lost: {kind: lost}\n  spare: {kind: partial}\n")) ==
          "t.yaml:18:3: warning: ending 'spare' cannot be reached from the start\n");
    CHECK(diagnose(with("text: {en: Fine, zh: 好}", "text: {en: Fine}")) ==
          "t.yaml:10:15: warning: missing translation: the text of answer 1 of node 'start' has no "
          "'zh' text\n");
    CHECK(diagnose(with("tags: [empathy]", "tags: [empathy]\n        effect: {anger: 0}")) ==
          "t.yaml:12:17: warning: the effect of answer 1 of node 'start' changes nothing (every "
          "value is 0)\n");
    CHECK(diagnose(with("endings:\n",
                        "  orphan:\n    say: Hi\n    answers: [{text: x, tags: [empathy], next: "
                        "done, note: n}]\nendings:\n")) ==
          "t.yaml:14:3: warning: node 'orphan' cannot be reached from the start\n");
    CHECK(diagnose(with("done: {kind: resolved}", "done: {kind: lost}")) ==
          "t.yaml:17:3: warning: ending 'lost' cannot be reached from the start\n"
          "t.yaml:1:1: warning: the scenario cannot be won: no ending of kind resolved or partial "
          "can be reached\n");
}

TEST_CASE("a diagnostic prints like a compiler's", "[diagnostics]") {
    Diagnostic d{"a/b.yaml", 3, 7, Severity::Warning, "something"};
    CHECK(d.format() == "a/b.yaml:3:7: warning: something");
    Diagnostic whole{"a/b.yaml", 0, 0, Severity::Error, "no such file"};
    CHECK(whole.format() == "a/b.yaml: error: no such file");
}

TEST_CASE("syntax errors say what to fix and where it started", "[diagnostics]") {
    CHECK(diagnose(with("title: {en: Base, zh: 基础}", "title: \"Base")) ==
          "t.yaml:3:8: error: this quote is never closed, so the rest of the file became part of "
          "this text; close it\n");
    CHECK(diagnose(with("title: {en: Base, zh: 基础}", "title: {en: Base, zh: 基础")) ==
          "t.yaml:4:9: error: YAML syntax error: end of map flow not found (the '{' opened at line "
          "3, column 8 is not "
          "closed with '}', or text inside it has ',', ':', '[' or '{' and must be in quotes)\n");
    CHECK(diagnose("kind: scenario\ntitle: {en: Base, zh: 基") ==
          "t.yaml:2:8: error: YAML syntax error: end of map flow not found (the file ends before "
          "the '{' opened at "
          "line 2, column 8 is closed; it may have been cut off)\n");
    CHECK(diagnose(with("    say: {en: Hello, zh: 你好}", "\tsay: Hello")) ==
          "t.yaml:7:2: error: YAML syntax error: end of map not found (this line is indented with "
          "a tab; YAML "
          "indents with spaces only)\n");
    CHECK(diagnose(kBase + "---\n" + kBase) ==
          "t.yaml:18:1: error: a second YAML document starts here (after ---); put one scenario or "
          "archetype in each file\n");
    CHECK(diagnose(with("title: {en: Base, zh: 基础}", "title: *t")) ==
          "t.yaml:3:8: error: aliases (*name) are not allowed in defuse files; write the value out "
          "in full\n");
    CHECK(diagnose("# nothing yet\n") ==
          "t.yaml:1:1: error: the file holds only comments; a defuse file starts with 'kind: "
          "scenario' or 'kind: archetype'\n");
    CHECK(diagnose(with("kind: scenario", "kind: [scenario]")) ==
          "t.yaml:1:7: error: kind must be text, not a list\n");
    CHECK(diagnose(with("done: {kind: resolved}", "done: {kind: {resolved: 1}}")) ==
          "t.yaml:15:16: error: the kind of ending 'done' must be text, not a mapping (key: value "
          "pairs)\n");
}

TEST_CASE("S98Z: an empty line with more spaces than the block text it starts", "[diagnostics]") {
    // The YAML test suite's S98Z: invalid, and yaml-cpp 0.7 accepted it.
    CHECK(diagnose("empty block scalar: >\n \n  \n   \n # comment\n") ==
          "t.yaml:4:2: error: this empty line at the start of a block text has 3 spaces, more than "
          "the "
          "1 of its first line of text; remove the extra spaces\n");
    // Valid neighbours: no more spaces than the text, an indentation digit, blank lines later.
    for (const char* ok : {"k: >\n \n  text\n", "k: >2\n   \n  text\n",
                           "k: |\n  text\n     \n  more\n", "k: >\n\n  text\n"}) {
        INFO(ok);
        std::string out = diagnose(ok);
        CHECK(out.find("block text") == std::string::npos);
    }
}
