#!/usr/bin/env python3
"""Writes a generated scenario of N nodes (default 200) for the author view's and the graph's
tests: a start that opens a row of ten, then rows of ten nodes, each with three answers into the next row (near neighbours, so a
good layout has few crossings), the last row into four endings. Archetype: benchy."""
import random, sys
n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
width = 10
rng = random.Random(14)
tags = ["empathy", "blame_customer", "fetch_manager", "solution"]
rows = [[0]] + [list(range(i, min(i + width, n))) for i in range(1, n, width)]
out = ["kind: scenario", "id: generated-%d" % n,
       "title: {en: Generated %d nodes, zh: 生成的 %d 个节点}" % (n, n),
       "briefing: {en: A large generated scenario., zh: 一个生成的大场景。}",
       "goal: {en: Reach the end., zh: 走到结尾。}", "difficulty: 3",
       "customer:", "  archetype: benchy", "nodes:"]
for r, row in enumerate(rows):
    for k, i in enumerate(row):
        out += ["  n%d:" % i, "    say: {en: Line %d of the customer., zh: 客户的第 %d 句话。}" % (i, i),
                "    answers:"]
        if r + 1 < len(rows):
            nxt = rows[r + 1]
            near = (-1, 0, 1) if r > 0 else range(-width, width)  # the start opens every row
            targets = sorted({nxt[min(len(nxt) - 1, max(0, k + d))] for d in near})
            targets = ["n%d" % t for t in targets]
        else:
            targets = ["fixed", "partly", "manager", "lost"][k % 2: k % 2 + 3]
        for j, t in enumerate(targets):
            out += ["      - id: a%d_%d" % (i, j),
                    "        text: {en: Answer %d to line %d., zh: 第 %d 句的回答 %d。}" % (j, i, i, j),
                    "        tags: [%s]" % rng.choice(tags),
                    "        note: {en: A note., zh: 一条说明。}",
                    "        next: %s" % t]
out += ["endings:"]
for e, kind in [("fixed", "resolved"), ("partly", "partial"), ("manager", "escalated"), ("lost", "lost")]:
    out += ["  %s:" % e, "    kind: %s" % kind, "    title: {en: %s, zh: %s}" % (e.capitalize(), e),
            "    say: {en: The end., zh: 结束。}"]
print("\n".join(out))
