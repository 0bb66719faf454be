#!/usr/bin/env bash
# The class dashboard in the real window under Xvfb: a class of 24 trainees x 8 scenarios
# (3 runs each, the last assessed) played through the engine with scripted answers, indexed
# into the store at two sites; the dashboard drawn, filtered to assessments, and a trainee's
# best run opened from it in the replay viewer. With PG_URL set, the same from the central
# store (gui --store postgresql://...). Checks what the drive printed and the screenshots.
# Environment: DEFUSE, PNG_CHECK, XVFB_RUN, UI_LANG, OUT.
set -u
rm -rf "$OUT"
mkdir -p "$OUT/data" "$OUT/config"
export XDG_DATA_HOME="$OUT/data" XDG_CONFIG_HOME="$OUT/config"
fail() { echo "FAIL: $*"; exit 1; }
# A run played in the window is indexed as it is saved (and the history reads the store).
"$XVFB_RUN" -a -s "-screen 0 1280x800x24" "$DEFUSE" gui --drive brake-pads-furious --seed 1 \
  --answers own_it,listen_all,summarise,honour,empathise_inspect,show_him,agree_caught,plan_with_manager,hand_on \
  --lang "$UI_LANG" > "$OUT/drive.log" 2>&1 < /dev/null || { cat "$OUT/drive.log"; fail "the drive"; }
"$DEFUSE" store list > "$OUT/after-drive.txt" || fail "store list after the drive"
grep -q "	brake-pads-furious	practice	100	" "$OUT/after-drive.txt" ||
  { cat "$OUT/after-drive.txt"; fail "the desktop run is not in the store"; }
"$DEFUSE" store class "$OUT/class" --trainees 24 --scenario-count 8 --runs 3 --seed 7 > /dev/null ||
  fail "the class was not played"
for t in "$OUT"/class/t0*; do
  n=${t##*/t}
  site="Beijing North"; [ "$((10#$n))" -gt 12 ] && site="Shanghai East"
  "$DEFUSE" store import "$t" --site "$site" > /dev/null || fail "import $t"
done
log="$OUT/dashboard.log"
"$XVFB_RUN" -a -s "-screen 0 1600x1400x24" \
  "$DEFUSE" gui --dashboard --lang "$UI_LANG" --width 1600 --height 1400 \
  --screenshots "$OUT/shots" ${STORE:+--store "$STORE"} > "$log" 2>&1 < /dev/null
status=$?
cat "$log"
[ "$status" -eq 0 ] || fail "defuse gui --dashboard exited with $status"
expect() { grep -qxE "$1" "$log" || fail "expected a line '$1'"; }
expect "dashboard: 577 attempts, 25 trainees, 8 scenarios, [1-9][0-9]* frequent mistakes"
expect "assessments: 192"  # the desktop run was practice
expect "opened: .* score [0-9]+ in the replay viewer"
expect "glyphs missing: 0"
# The run opened is the one the dashboard named: the viewer re-scores it to the same score.
opened=$(sed -n 's/^opened: .* score \([0-9]*\) in the replay viewer$/\1/p' "$log")
expect "viewer score: $opened"
shots=()
for shot in dashboard dashboard-assessment dashboard-review; do
  [ -s "$OUT/shots/$shot.png" ] || fail "no screenshot $shot.png"
  shots+=("$OUT/shots/$shot.png")
done
"$PNG_CHECK" "${shots[@]}" || fail "a screenshot is blank"
echo "PASS"
