#!/usr/bin/env bash
# Drives the real window under Xvfb through a scenario and checks the ending and screenshots.
# Environment: DEFUSE, PNG_CHECK, XVFB_RUN, SCENARIO, ANSWERS (ids) or CHOICES (shown
# numbers), SEED, UI_LANG, EXPECT_ENDING, OUT; optionally EXTRA_ARGS (more `defuse gui`
# options) and EXPECT_LINES (lines the run prints, as extended regular expressions, '|'
# between them).
set -u
rm -rf "$OUT"
mkdir -p "$OUT/data" "$OUT/config"
export XDG_DATA_HOME="$OUT/data" XDG_CONFIG_HOME="$OUT/config"
log="$OUT/drive.log"
if [ -n "${ANSWERS:-}" ]; then picks=(--answers "$ANSWERS"); else picks=(--choices "$CHOICES"); fi
"$XVFB_RUN" -a -s "-screen 0 1280x800x24" \
  "$DEFUSE" gui --drive "$SCENARIO" "${picks[@]}" --seed "$SEED" --lang "$UI_LANG" \
  --screenshots "$OUT/shots" ${EXTRA_ARGS:-} >"$log" 2>&1 </dev/null
status=$?
cat "$log"
fail() { echo "FAIL: $*"; exit 1; }
[ "$status" -eq 0 ] || fail "defuse gui --drive exited with $status"
grep -qx "ending: $EXPECT_ENDING" "$log" || fail "expected 'ending: $EXPECT_ENDING'"
grep -qx "glyphs missing: 0" "$log" || fail "some characters have no glyph in the font"
grep -q "^score: [0-9]" "$log" || fail "no score printed"
if [ -n "${EXPECT_LINES:-}" ]; then
  IFS='|' read -ra expected <<<"$EXPECT_LINES"
  for line in "${expected[@]}"; do
    grep -qxE "$line" "$log" || fail "expected a line '$line'"
  done
fi
shots=()
for shot in library briefing conversation ending debrief settings; do
  [ -s "$OUT/shots/$shot.png" ] || fail "no screenshot $shot.png"
  shots+=("$OUT/shots/$shot.png")
done
"$PNG_CHECK" "${shots[@]}" || fail "a screenshot is blank"
ls "$OUT"/data/defuse/attempts/*.yaml >/dev/null 2>&1 || fail "the attempt was not saved as a replay"
echo "PASS"
