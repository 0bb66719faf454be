#pragma once
// Generated scenarios for the analysis and compiled-form tests: forward stories, DAGs with
// merges and loops, with conditions, cues, order and critical rules, redirects and penalties.
#include <cstdint>
#include <string>

#include "defuse/turn.hpp"

namespace story {

struct Shape {
    int nodes = 6;
    int minAnswers = 2, maxAnswers = 3;
    bool loops = false;  ///< answers may lead back to any node
    bool timed = true;
    std::uint64_t seed = 1;
};

inline std::string generate(const Shape& s) {
    std::uint64_t st = s.seed * 0x2545F4914F6CDD1Dull + 7;
    auto rnd = [&st](int n) {
        st = defuse::splitmix64(st);
        return static_cast<int>(st % static_cast<std::uint64_t>(n));
    };
    static const char* const kTags[] = {
        "ownership",      "listening", "empathy",       "solution", "commitment",
        "blame_customer", "pass_buck", "fetch_manager", "stall",    "open_question",
        "apology",        "facts",     "follow_up",     "dismiss"};
    static const char* const kEndings[] = {"e_fixed", "e_partial", "e_manager", "e_gone"};
    auto id = [](int n) { return "n" + std::to_string(n); };
    std::string y = "kind: scenario\nid: gen-" + std::to_string(s.seed) +
                    "\ntitle: {en: Generated, zh: 生成}\n";
    if (s.timed) y += "time_limit: 10\n";
    y += "customer:\n  archetype: tester\n";
    y += "  mood: {anger: " + std::to_string(40 + rnd(40)) +
         ", trust: " + std::to_string(20 + rnd(40)) +
         ", patience: " + std::to_string(30 + rnd(40)) + "}\n";
    y += "  order_rules:\n";
    y += "    - {tag: empathy, after: listening, scale: 1.5}\n";
    y += "    - {tag: solution, cue: upset, min: 2, effect: {anger: -4}}\n";
    y += "    - {tag: apology, cue: upset, here: true, effect: {trust: 3}}\n";
    y += "    - {tag: facts, before: empathy, scale: 0.5, effect: {anger: 3}}\n";
    y += "  critical:\n";
    y += "    - {tag: dismiss, cue: upset, max: 1, reason: {en: No., zh: 不。}}\n";
    y += "    - {tag: blame_customer, after: apology, reason: {en: No., zh: 不。}}\n";
    y += "rubric:\n  penalties: {stall: 3.5, pass_buck: 5}\n";
    y += "on_escalate: e_manager\non_walk_out: e_gone\n";
    y += "nodes:\n";
    for (int n = 0; n < s.nodes; ++n) {
        y += "  " + id(n) + ":\n    say: {en: Hi, zh: 你好}\n";
        if (rnd(3) == 0) y += "    cues: [upset]\n";
        y += "    answers:\n";
        int count = s.minAnswers + rnd(s.maxAnswers - s.minAnswers + 1);
        for (int a = 0; a < count; ++a) {
            std::string aid = "a" + std::to_string(n) + "_" + std::to_string(a);
            y += "      - id: " + aid + "\n        text: {en: Answer " + aid + ", zh: 回答}\n";
            std::string tags = kTags[rnd(14)];
            if (rnd(2)) tags += std::string(", ") + kTags[rnd(14)];
            y += "        tags: [" + tags + "]\n";
            if (rnd(4) == 0)
                y += "        effect: {anger: " + std::to_string(rnd(21) - 10) +
                     ", patience: " + std::to_string(-rnd(8)) + "}\n";
            if (a > 0 && rnd(4) == 0) {
                static const char* const kIfs[] = {"anger >= 60",  "trust < 40",
                                                   "used empathy", "not used blame_customer",
                                                   "picked a0_0",  "visited n1 and patience > 20"};
                y += std::string("        if: ") + kIfs[rnd(6)] + "\n";
            }
            if (rnd(12) == 0) y += "        critical: {en: Never., zh: 绝不。}\n";
            std::string next;
            int r = rnd(10);
            if (n == s.nodes - 1 || r < 2) {
                next = kEndings[rnd(4)];
            } else if (s.loops) {
                next = id(rnd(s.nodes));
            } else {
                next = id(n + 1 + rnd(std::min(3, s.nodes - 1 - n)));
            }
            y += "        next: " + next + "\n";
        }
    }
    y += "endings:\n";
    y += "  e_fixed: {kind: resolved, title: {en: Fixed, zh: 解决}, say: {en: Thanks, zh: 谢谢}}\n";
    y += "  e_partial: {kind: partial, title: {en: Partly, zh: 部分}, say: {en: Ok, zh: 好}}\n";
    y += "  e_manager: {kind: escalated, title: {en: Manager, zh: 经理}, say: {en: Boss, zh: "
         "经理}}\n";
    y += "  e_gone: {kind: lost, title: {en: Gone, zh: 走了}, say: {en: Bye, zh: 再见}}\n";
    return y;
}

/// A ring of `nodes` nodes, `answers` answers each, every answer to the next node; the last
/// node's first answer ends it. Runs go round until maxTurns cuts them.
inline std::string ring(int nodes, int answers) {
    static const char* const kTags[] = {"listening", "empathy", "stall", "facts"};
    std::string y =
        "kind: scenario\nid: ring\ntitle: {en: Ring, zh: 环}\ncustomer:\n  archetype: "
        "tester\nnodes:\n";
    for (int n = 0; n < nodes; ++n) {
        y += "  r" + std::to_string(n) + ":\n    say: {en: Again, zh: 又}\n    answers:\n";
        for (int a = 0; a < answers; ++a) {
            std::string next = "r" + std::to_string((n + 1) % nodes);
            if (n == nodes - 1 && a == 0) next = "done";
            y += "      - {id: r" + std::to_string(n) + "_" + std::to_string(a) +
                 ", text: {en: A, zh: 答}, tags: [" + kTags[a % 4] + "], next: " + next + "}\n";
        }
    }
    y += "endings:\n  done: {kind: resolved, title: {en: Done, zh: 完}, say: {en: Ok, zh: 好}}\n";
    return y;
}

}  // namespace story
