#!/usr/bin/env python3
"""Writes one generated story as a defuse scenario (NAME.yaml, with archetypes/bench.yaml) and
as the same story in ink (NAME.ink): the same nodes, answers, links and mood changes.

usage: gen.py OUTDIR NAME SHAPE NODES [SEED]
shapes: short (forward, runs of ~20 turns), long (forward, ~N/2 turns), dag (layers of 8 with
merges), ring (a loop of NODES nodes, 3 answers each), wide (NODES nodes of 100 answers)."""
import os
import random
import sys


def story(shape, n, rng):
    """[(node, [(next or None for an ending, anger, trust, patience)])]"""
    nodes = []
    for i in range(n):
        if shape == "wide":
            count = 100
        elif shape == "ring":
            count = 3
        else:
            count = rng.randint(3, 4)
        answers = []
        for k in range(count):
            if shape == "short":
                nxt = i + 1 + rng.randrange(max(1, n // 10))
                if rng.random() < 0.02:
                    nxt = None
            elif shape == "long":
                nxt = i + 1 + rng.randrange(3)
            elif shape == "dag":
                layer = i // 8
                nxt = (layer + 1) * 8 + rng.randrange(8)
            elif shape == "ring":
                nxt = (i + 1) % n
                if i == n - 1 and k == 0:
                    nxt = None
            else:  # wide
                nxt = i + 1
            if nxt is not None and nxt >= n:
                nxt = None
            d = (rng.randint(-4, 4), rng.randint(-4, 4), -rng.randint(0, 1))
            if shape == "wide":
                d = (k % 3 - 1, 0, 0)
            answers.append((nxt, *d))
        nodes.append(answers)
    return nodes


def write_defuse(path, name, nodes):
    out = [f"kind: scenario\nid: {name}\ntitle: {{en: {name}, zh: {name}}}\n",
           "customer:\n  archetype: bench\nnodes:\n"]
    for i, answers in enumerate(nodes):
        out.append(f"  n{i}:\n    say: {{en: Line {i}, zh: 第{i}句}}\n    answers:\n")
        for k, (nxt, a, t, p) in enumerate(answers):
            target = f"n{nxt}" if nxt is not None else "done"
            out.append(f"      - {{id: n{i}a{k}, text: {{en: Answer {k}, zh: 回答{k}}}, "
                       f"effect: {{anger: {a}, trust: {t}, patience: {p}}}, next: {target}, "
                       f"note: {{en: N, zh: 注}}}}\n")
    out.append("endings:\n  done: {kind: resolved, title: {en: Done, zh: 完}, "
               "say: {en: Thanks, zh: 谢谢}}\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(out))


def write_ink(path, nodes):
    out = ["VAR anger = 50\nVAR trust = 50\nVAR patience = 60\n-> n0\n"]
    for i, answers in enumerate(nodes):
        out.append(f"=== n{i} ===\nLine {i}\n")
        for k, (nxt, a, t, p) in enumerate(answers):
            target = f"n{nxt}" if nxt is not None else "END"
            out.append(f"+ [Answer {k}]\n"
                       f"  ~ anger = MAX(0, MIN(100, anger + {a}))\n"
                       f"  ~ trust = MAX(0, MIN(100, trust + {t}))\n"
                       f"  ~ patience = MAX(0, MIN(100, patience + {p}))\n"
                       f"  -> {target}\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write("".join(out))


def main():
    outdir, name, shape, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    seed = int(sys.argv[5]) if len(sys.argv) > 5 else 1
    nodes = story(shape, n, random.Random(seed))
    os.makedirs(os.path.join(outdir, "archetypes"), exist_ok=True)
    with open(os.path.join(outdir, "archetypes", "bench.yaml"), "w", encoding="utf-8") as f:
        f.write("kind: archetype\nid: bench\nname: {en: Bench, zh: 基准}\n"
                "description: {en: A customer for benchmarks., zh: 基准测试用。}\n"
                "mood: {anger: 50, trust: 50, patience: 60}\n")
    write_defuse(os.path.join(outdir, name + ".yaml"), name, nodes)
    write_ink(os.path.join(outdir, name + ".ink"), nodes)


if __name__ == "__main__":
    main()
