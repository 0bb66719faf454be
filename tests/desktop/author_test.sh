#!/usr/bin/env bash
# The author view in the real window under Xvfb (issue 14): the largest bundled scenario and a
# generated 200-node one drawn (graph fitted and at full size, a node inspected, a test run
# from it at anger 70 with its state watch), and live reload on the bench scenario: while the
# window runs, a good edit, a broken edit (the last good version kept, the diagnostics shown),
# the fix, and an answer of the test run removed. Checks what the drive printed and that every
# screenshot is a real picture. Environment: DEFUSE, PNG_CHECK, XVFB_RUN, DATA, SCENARIOS, OUT.
set -u
rm -rf "$OUT"
mkdir -p "$OUT/config" "$OUT/data"
export XDG_DATA_HOME="$OUT/data" XDG_CONFIG_HOME="$OUT/config"
fail() { echo "FAIL: $*"; exit 1; }
run() {  # $1 log name, rest: gui arguments
  local log="$OUT/$1.log"; shift
  "$XVFB_RUN" -a -s "-screen 0 1600x1000x24" "$DEFUSE" gui --width 1600 --height 1000 "$@" \
    > "$log" 2>&1 < /dev/null
  local status=$?
  cat "$log"
  [ "$status" -eq 0 ] || fail "defuse gui $* exited with $status"
}
expect() { grep -qE "$2" "$OUT/$1.log" || fail "$1: expected a line '$2'"; }

# The largest bundled scenario.
largest=$(for f in "$SCENARIOS"/*.yaml; do echo "$(grep -c '^  [a-z_0-9]*:$' "$f") $f"; done | sort -n | tail -1 | cut -d' ' -f2)
run bundled --author "$largest" --screenshots "$OUT/bundled"
expect bundled "^author: [0-9]+ nodes, [0-9]+ endings, [0-9]+ layers, [0-9]+ crossings"
expect bundled "^zoom and pan: 180 frames, mean [0-9.]+ ms, 95th [0-9.]+ ms"
expect bundled "^test from .* with anger 70: picked "
expect bundled "^  answers picked: "

# A generated 200-node scenario.
mkdir -p "$OUT/big" && cp -r "$DATA/workbench/archetypes" "$OUT/big/"
python3 "$DATA/workbench/gen_big.py" 200 > "$OUT/big/generated.yaml"
run big --author "$OUT/big/generated.yaml" --screenshots "$OUT/big-shots"
expect big "^author: 200 nodes, 4 endings, 22 layers"

# Live reload on a copy of the bench scenario. The test run starts at 'mid' (the first node
# after the start with several answers) and picks its first answer on offer.
mkdir -p "$OUT/live/archetypes" "$OUT/edits"
cp "$DATA/workbench/archetypes/benchy.yaml" "$OUT/live/archetypes/"
cp "$DATA/workbench/bench.yaml" "$OUT/live/bench.yaml"
B="$OUT/live/bench.yaml"
sed 's/I said the manager!/I SAID THE MANAGER!/' "$B" > "$OUT/edits/good.yaml"
sed 's/^    cues: \[demands_manager\]$/    cues: [demands_manager/' "$OUT/edits/good.yaml" > "$OUT/edits/broken.yaml"
cp "$OUT/edits/good.yaml" "$OUT/edits/fixed.yaml"
run live-probe --author "$B" --screenshots "$OUT/probe"
picked=$(sed -n 's/^test from mid with anger 70: picked \([a-z]*\),.*/\1/p' "$OUT/live-probe.log")
[ -n "$picked" ] || fail "the test run's first answer"
# removed.yaml: the answer the test run picked is gone (its list entry cut out).
python3 - "$OUT/edits/good.yaml" "$picked" "$OUT/edits/removed.yaml" << 'PY' || fail "making removed.yaml"
import sys
lines = open(sys.argv[1]).read().split("\n")
start = lines.index("      - id: " + sys.argv[2])
end = start + 1
while end < len(lines) and lines[end].startswith("        "):
    end += 1
open(sys.argv[3], "w").write("\n".join(lines[:start] + lines[end:]))
PY
cp "$DATA/workbench/bench.yaml" "$B"
run live --author "$B" --screenshots "$OUT/live-shots" --live-edits "$OUT/edits"
expect live "^edit good: reloaded in [0-9]+ ms; good; "
expect live "^  test run at turn 2, node close"
expect live "^edit broken: reloaded in [0-9]+ ms; broken, the last good version kept; [1-9][0-9]* diagnostics"
expect live "bench.yaml:[0-9]+:[0-9]+: error: "
expect live "^edit fixed: reloaded in [0-9]+ ms; good; "
expect live "^edit removed: reloaded in [0-9]+ ms; good; "
expect live "^  test run: After the reload, answer '$picked' of turn 1 no longer exists"
grep -q "TOO SLOW" "$OUT/live.log" && fail "a reload took longer than a second"
"$PNG_CHECK" "$OUT"/bundled/*.png "$OUT"/big-shots/*.png "$OUT"/live-shots/*.png || fail "a blank screenshot"
echo ok
