#!/usr/bin/env bash
# Live reload of a practice started from a scenario file (issue 14), in the real window under
# Xvfb. Two answers are played, then the file is overwritten while the window runs: a good
# edit (the run moves onto it, both answers re-played), a broken edit (the last good version
# goes on, the diagnostics with file:line:col are shown), the fix, and the answer of turn 2
# removed (the run goes on from before it, and says so). The library's entry of the file takes
# each good version (a new start from the library plays it). The replay follows the run: after
# the last edit it holds the one turn left and re-plays against the edited file.
# Environment: DEFUSE, PNG_CHECK, XVFB_RUN, DATA, UI_LANG, OUT.
set -u
rm -rf "$OUT"
mkdir -p "$OUT/config" "$OUT/data" "$OUT/live/archetypes" "$OUT/edits"
export XDG_DATA_HOME="$OUT/data" XDG_CONFIG_HOME="$OUT/config"
fail() { echo "FAIL: $*"; exit 1; }
expect() { grep -qE "$1" "$OUT/live.log" || fail "expected a line '$1'"; }

cp "$DATA/workbench/archetypes/benchy.yaml" "$OUT/live/archetypes/"
B="$OUT/live/bench.yaml"
cp "$DATA/workbench/bench.yaml" "$B"
sed 's/I said the manager!/I SAID THE MANAGER!/' "$B" > "$OUT/edits/good.yaml"
sed 's/^    cues: \[demands_manager\]$/    cues: [demands_manager/' "$OUT/edits/good.yaml" > "$OUT/edits/broken.yaml"
cmp -s "$OUT/edits/good.yaml" "$OUT/edits/broken.yaml" && fail "broken.yaml is not broken"
cp "$OUT/edits/good.yaml" "$OUT/edits/fixed.yaml"
# removed.yaml: the answer 'sorry' (picked at turn 2) cut out of the list.
python3 - "$OUT/edits/good.yaml" "$OUT/edits/removed.yaml" << 'PY' || fail "making removed.yaml"
import sys
lines = open(sys.argv[1]).read().split("\n")
start = lines.index("      - id: sorry")
end = start + 1
while end < len(lines) and lines[end].startswith("        "):
    end += 1
open(sys.argv[2], "w").write("\n".join(lines[:start] + lines[end:]))
PY

"$XVFB_RUN" -a -s "-screen 0 1400x900x24" "$DEFUSE" gui --width 1400 --height 900 \
  --lang "$UI_LANG" --seed 1 --scenarios "$OUT/live" --drive "$B" --answers poke,sorry \
  --screenshots "$OUT/shots" --live-edits "$OUT/edits" > "$OUT/live.log" 2>&1 < /dev/null
status=$?
cat "$OUT/live.log"
[ "$status" -eq 0 ] || fail "defuse gui exited with $status"

expect "^live good: loaded, turns 2, at close, answers"
expect "^live broken: broken, turns 2, at close, answers"
expect "bench.yaml:[0-9]+:[0-9]+: (error|错误)"
expect "^live fixed: loaded, turns 2, at close, answers"
expect "^live removed: loaded, turns 1, at mid, answers"
expect "^  replay turns saved: 1$"
expect "^live reloads: 4$"
expect "^library entry: the run's version$"  # a new start from the library gets the edit too
if [ "$UI_LANG" = zh ]; then
  expect "note: bench.yaml 有错误：继续使用上一个正确的版本"
  expect "note: bench.yaml 已修改：第 2 轮的回答「sorry」已不存在"
else
  expect "note: bench.yaml has errors: the last good version goes on"
  expect "note: bench.yaml changed: reloaded, with the 2 answers so far re-played"
  expect "note: bench.yaml changed: answer 'sorry' of turn 2 no longer exists"
fi
# The replay followed the run: one turn, and it re-plays against the edited file.
replay=$(ls "$OUT"/data/defuse/attempts/*.yaml 2>/dev/null | head -1)
[ -n "$replay" ] || fail "no replay written"
grep -q "picked: poke" "$replay" || fail "the replay lost turn 1"
grep -q "picked: sorry" "$replay" && fail "the replay still holds the removed answer"
"$DEFUSE" score "$replay" --scenarios "$OUT/live" > "$OUT/score.log" 2>&1 || { cat "$OUT/score.log"; fail "the replay does not score"; }
grep -qi "changed\|hash" "$OUT/score.log" && { cat "$OUT/score.log"; fail "the replay does not match the edited file"; }
"$PNG_CHECK" "$OUT"/shots/live-*.png || fail "a blank screenshot"
echo ok
