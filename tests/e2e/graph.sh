# `defuse graph`: the SVG parses as XML and marks what the scenario holds (python3's parser,
# not a grep); the DOT is accepted by Graphviz; the layout of a small scenario has no
# crossings; the generated 200-node scenario is laid out too; errors are reported.
source "$(dirname "$0")/lib.sh"
command -v python3 > /dev/null || fail "python3 is missing (scripts/setup installs it)"
command -v dot > /dev/null || fail "Graphviz is missing (scripts/setup installs graphviz)"
W="$DATA/workbench"

"$DEFUSE" graph "$W/marks.yaml" -o "$WORK/marks.svg" 2> "$WORK/err" || fail "graph failed: $(cat "$WORK/err")"
expect_contains "$WORK/err" "5 nodes, 2 endings in 5 layers, 0 crossings" "summary"
python3 - "$WORK/marks.svg" << 'PY' || fail "the SVG does not hold what the scenario does"
import sys, xml.etree.ElementTree as ET
ns = {"s": "http://www.w3.org/2000/svg"}
root = ET.parse(sys.argv[1]).getroot()
groups = {g.get("id"): g.get("class").split() for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("id")}
assert groups["n-island"] == ["node", "unreachable"], groups["n-island"]
assert groups["n-stuck"] == ["node", "dead-end"], groups["n-stuck"]
assert groups["n-fixed"] == ["node", "ending"] and groups["n-lost"] == ["node", "ending"]
assert groups["n-open"] == ["node"]
# Edges: 'poke' (blame_customer, anger +20) is red, 'calm' (empathy, -10) green,
# 'fix' (solution: trust only) grey; each says what it does in its tooltip.
paths = {p.find("s:title", ns).text.split(":")[0]: p for p in root.iter("{http://www.w3.org/2000/svg}path") if p.find("s:title", ns) is not None}
assert paths["poke"].get("stroke") == "#D1242F", paths["poke"].get("stroke")
assert paths["calm"].get("stroke") == "#2E9E44"
assert paths["fix"].get("stroke") == "#8C8C8C"
assert "+20" in paths["poke"].find("s:title", ns).text
# The best path (calm, fetch, fix) and the worst are highlighted.
best = [p for p in root.iter("{http://www.w3.org/2000/svg}path") if p.get("class") == "best"]
worst = [p for p in root.iter("{http://www.w3.org/2000/svg}path") if p.get("class") == "worst"]
assert len(best) == 3, len(best)
assert worst, "no worst path"
PY

# Chinese labels, and the ending kinds in the legend.
"$DEFUSE" graph "$W/marks.yaml" --lang zh -o "$WORK/zh.svg" 2> /dev/null
python3 -c "import sys,xml.etree.ElementTree as E; E.parse(sys.argv[1])" "$WORK/zh.svg" || fail "zh SVG"
expect_contains "$WORK/zh.svg" "我们在兜圈子。" "the customer's line in Chinese"
expect_contains "$WORK/zh.svg" "死路" "dead end in the legend"

# DOT: accepted by Graphviz, with a layer per rank.
"$DEFUSE" graph "$W/marks.yaml" --format dot > "$WORK/marks.dot" 2> /dev/null
dot -Tsvg "$WORK/marks.dot" -o "$WORK/dot.svg" 2> "$WORK/doterr" || fail "Graphviz rejected the DOT: $(cat "$WORK/doterr")"
python3 -c "import sys,xml.etree.ElementTree as E; E.parse(sys.argv[1])" "$WORK/dot.svg" || fail "Graphviz's SVG"
expect_contains "$WORK/marks.dot" '"open" -> "mid" [label="poke +20"' "edges"
expect_contains "$WORK/marks.dot" "rank=same" "layers"

# A generated 200-node scenario: laid out, parsed, every node drawn.
mkdir -p "$WORK/big" && cp -r "$W/archetypes" "$WORK/big/"
python3 "$W/gen_big.py" 200 > "$WORK/big/generated.yaml"
"$DEFUSE" graph "$WORK/big/generated.yaml" -o "$WORK/big.svg" 2> "$WORK/err" || fail "200 nodes: $(cat "$WORK/err")"
expect_contains "$WORK/err" "200 nodes, 4 endings in 22 layers" "200 nodes"
python3 -c "
import sys,xml.etree.ElementTree as E
r=E.parse(sys.argv[1]).getroot()
n=[g for g in r.iter('{http://www.w3.org/2000/svg}g') if (g.get('class') or '').startswith('node')]
assert len(n)==204, len(n)" "$WORK/big.svg" || fail "200-node SVG"
"$DEFUSE" graph "$WORK/big/generated.yaml" --format dot | dot -Tsvg > /dev/null || fail "200-node DOT"

# Errors: an unknown scenario, an output that cannot be written.
rc=0; "$DEFUSE" graph "$WORK/none.yaml" > /dev/null 2> "$WORK/err" || rc=$?
expect_eq "$rc" "1" "missing scenario"
rc=0; "$DEFUSE" graph "$W/marks.yaml" -o "$WORK/no/such/dir/x.svg" 2> "$WORK/err" || rc=$?
expect_eq "$rc" "4" "unwritable output"
expect_contains "$WORK/err" "cannot write $WORK/no/such/dir/x.svg" "unwritable output message"
"$DEFUSE" graph "$W/marks.yaml" --lang zh -o "$WORK/no/such/dir/x.svg" 2> "$WORK/err" || true
expect_contains "$WORK/err" "无法写入" "unwritable output message in Chinese"
echo ok
