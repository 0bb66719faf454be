# The Chinese guide (scenarios/README.zh.md) keeps in step with the English one: the same
# ## and ### sections in the same order (headings inside code blocks do not count), and its
# generated blocks are the commands' real output in Chinese: the curriculum table
# (`defuse curriculum --markdown --lang zh`, scripts/regen-curriculum) and the scoring model
# (`defuse model --lang zh`).
source "$(dirname "$0")/lib.sh"
command -v python3 > /dev/null || fail "python3 is missing (Debian package python3)"
"$DEFUSE" curriculum "$SCENARIOS" --markdown --lang zh > "$WORK/curriculum.md"
"$DEFUSE" model --lang zh > "$WORK/model.md"
python3 - "$SCENARIOS/README.md" "$SCENARIOS/README.zh.md" "$WORK/curriculum.md" "$WORK/model.md" <<'PY'
import re, sys

def sections(path):
    out, fenced = [], False
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and re.match(r"#{2,3} ", line):
            out.append((line.split(" ", 1)[0], n, line.strip()))
    return out

en, zh = sections(sys.argv[1]), sections(sys.argv[2])
problems = []
if len(en) != len(zh):
    problems.append(f"README.md has {len(en)} ## / ### headings, README.zh.md {len(zh)}")
for i, (e, z) in enumerate(zip(en, zh)):
    if e[0] != z[0]:
        problems.append(f"heading {i + 1}: README.md:{e[1]} {e[2]!r} is {e[0]}, README.zh.md:{z[1]} {z[2]!r} is {z[0]}")
if len(en) < 15:
    problems.append(f"only {len(en)} headings in README.md")

text = open(sys.argv[2], encoding="utf-8").read()
def block(name):
    begin = text.index(f"<!-- {name}:begin")
    begin = text.index("\n", begin) + 1
    return text[begin:text.index(f"<!-- {name}:end -->")].strip()
for name, path, fix in (("curriculum", sys.argv[3], "scripts/regen-curriculum"),
                        ("scoring-model", sys.argv[4], "paste `defuse model --lang zh`")):
    if block(name) != open(path, encoding="utf-8").read().strip():
        problems.append(f"README.zh.md's {name} block is not the command's output ({fix})")
for p in problems:
    print("FAIL:", p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY
echo "guide_zh: ok"
