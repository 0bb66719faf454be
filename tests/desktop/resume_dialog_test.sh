#!/usr/bin/env bash
# The start-up offer of an unfinished assessment, driven under Xvfb: an assessment recorded by
# the terminal stops after two answers; the desktop app starts, offers it, and (1) resumes it
# in the conversation to the end, the break recorded in its replay, with the same ending and
# score as the run played in one go; (2) closes another out as abandoned; (3) leaves a third
# for later, untouched. Screenshots of each, in UI_LANG.
# Environment: DEFUSE, PNG_CHECK, XVFB_RUN, UI_LANG, OUT.
set -u
rm -rf "$OUT"
attempts="$OUT/data/defuse/attempts"
mkdir -p "$attempts" "$OUT/config" "$OUT/ref"
export XDG_DATA_HOME="$OUT/data" XDG_CONFIG_HOME="$OUT/config"
fail() { echo "FAIL: $*"; exit 1; }
best=(own_it listen_all summarise honour empathise_inspect show_him agree_caught plan_with_manager hand_on)
# Two answers, then the program stops (input ends): an unfinished assessment.
record() {
  printf '%s\n' "${best[@]:0:2}" |
    "$DEFUSE" play brake-pads-furious --json --seed 1 --mode assessment --trainee "Li Ming" \
      --record "$1" >/dev/null 2>&1
  grep -q "picked: listen_all" "$1" || fail "$1 was not recorded"
  grep -q "^finished:" "$1" && fail "$1 finished"
  return 0
}
# The same answers in one go, for the score to match.
printf '%s\n' "${best[@]}" |
  "$DEFUSE" play brake-pads-furious --json --seed 1 --mode assessment --trainee "Li Ming" \
    --record "$OUT/ref/ref.yaml" >/dev/null 2>&1
ref=$("$DEFUSE" score "$OUT/ref/ref.yaml" 2>/dev/null | sed -n 2p)
[ -n "$ref" ] || fail "no reference score"

gui() {
  "$XVFB_RUN" -a -s "-screen 0 1280x800x24" "$DEFUSE" gui --lang "$UI_LANG" "$@" </dev/null
}
expect() { grep -qxE "$1" "$2" || fail "expected a line '$1' in $2"; }

# (1) Resume: the conversation goes on from turn 3.
run="$attempts/a-li-ming.yaml"
record "$run"
rest=$(IFS=,; echo "${best[*]:2}")
gui --resume-dialog resume --answers "$rest" --screenshots "$OUT/shots" >"$OUT/resume.log" 2>&1
status=$?
cat "$OUT/resume.log"
[ "$status" -eq 0 ] || fail "the resume drive exited with $status"
expect "unfinished: $run, Li Ming, brake-pads-furious, 2 turns" "$OUT/resume.log"
expect "resumed: $run at turn 3" "$OUT/resume.log"
expect "finished: $run, 9 turns, ending fixed, score [0-9]+ [A-F]" "$OUT/resume.log"
expect "glyphs missing: 0" "$OUT/resume.log"
grep -q "^resumed:" "$run" && grep -q "after_turn: 2" "$run" || fail "the break is not recorded in $run"
grep -q "^finished:" "$run" || fail "$run is not finished"
got=$("$DEFUSE" score "$run" 2>/dev/null | sed -n 2p)
[ "$got" = "$ref" ] || fail "the resumed run scores [$got], in one go [$ref]"
for shot in resume-dialog resume-conversation resume-debrief; do
  [ -s "$OUT/shots/$shot.png" ] || fail "no screenshot $shot.png"
done
"$PNG_CHECK" "$OUT/shots"/resume-*.png || fail "a screenshot is blank"

# (2) Close out as abandoned: the replay says so, and it can no longer be resumed.
run2="$attempts/b-li-ming.yaml"
record "$run2"
gui --resume-dialog abandon --screenshots "$OUT/shots2" >"$OUT/abandon.log" 2>&1 ||
  { cat "$OUT/abandon.log"; fail "the abandon drive failed"; }
cat "$OUT/abandon.log"
expect "unfinished: $run2, Li Ming, brake-pads-furious, 2 turns" "$OUT/abandon.log"
expect "abandoned: $run2" "$OUT/abandon.log"
grep -q "^abandoned:" "$run2" || fail "$run2 is not closed out"
"$DEFUSE" resume "$run2" >/dev/null 2>&1 && fail "an abandoned run was resumed"
"$PNG_CHECK" "$OUT/shots2"/resume-dialog.png "$OUT/shots2"/resume-abandoned.png || fail "blank"

# (3) Decide later: nothing is written; the finished and abandoned runs are not offered.
run3="$attempts/c-li-ming.yaml"
record "$run3"
before=$(sha256sum <"$run3")
gui --resume-dialog later --screenshots "$OUT/shots3" >"$OUT/later.log" 2>&1 ||
  { cat "$OUT/later.log"; fail "the later drive failed"; }
cat "$OUT/later.log"
[ "$(grep -c '^unfinished: ' "$OUT/later.log")" = 1 ] || fail "only the unfinished run is offered"
expect "later: $run3 left unfinished" "$OUT/later.log"
[ "$(sha256sum <"$run3")" = "$before" ] || fail "deciding later changed $run3"
# A scripted run that does not drive the offer is never stopped by it.
"$XVFB_RUN" -a -s "-screen 0 1280x800x24" "$DEFUSE" gui --review "$run" --turn 1 \
  >"$OUT/review.log" 2>&1 </dev/null || { cat "$OUT/review.log"; fail "the offer blocked another drive"; }
echo "PASS"
