#!/usr/bin/env bash
# Records an assessment with the terminal's JSON player into a private history, then drives
# the replay viewer in the real window under Xvfb: the earlier attempts, the run at a turn,
# what if another answer had been picked there, the score. Checks what the viewer printed and
# the screenshots.
# Environment: DEFUSE, PNG_CHECK, XVFB_RUN, UI_LANG, OUT.
set -u
rm -rf "$OUT"
mkdir -p "$OUT/data/defuse/attempts" "$OUT/config"
export XDG_DATA_HOME="$OUT/data" XDG_CONFIG_HOME="$OUT/config"
fail() { echo "FAIL: $*"; exit 1; }
replay="$OUT/data/defuse/attempts/li-ming.yaml"
# The furious customer's manager fetched at the first shout (a critical mistake), then good
# answers, then the first shown to the end (answers after the end are ignored); seconds as a
# trainee might take them.
printf '%s\n' get_manager_now@4.1 own_now@7.3 listen_all@9.8 summarise@12.4 honour@8.0 \
  empathise_inspect@15.2 indirect_q@22.5 agree_caught@10.1 plan_with_manager@11.7 \
  2@6.9 1@5 1@5 1@5 |
  "$DEFUSE" play brake-pads-furious --json --seed 1 --mode assessment --trainee "Li Ming" \
    --record "$replay" >"$OUT/play.jsonl" || fail "the assessment was not recorded"
# The assessor's notes, then a signature made after them.
if [ "$UI_LANG" = zh ]; then
  turn_note="第一次要求就去叫经理；之后挽回得不错。" run_note="后半程处理得很好。"
else
  turn_note="Fetched the manager at the first shout." run_note="Recovered well after that."
fi
"$DEFUSE" note "$replay" --turn 1 --text "$turn_note" >/dev/null || fail "the note was not saved"
"$DEFUSE" note "$replay" --text "$run_note" >/dev/null || fail "the run's note was not saved"
"$DEFUSE" keygen --out "$OUT/assessor" >/dev/null || fail "no key pair"
"$DEFUSE" sign "$replay" --key "$OUT/assessor.key" >/dev/null || fail "the replay was not signed"
log="$OUT/review.log"
"$XVFB_RUN" -a -s "-screen 0 1280x800x24" \
  "$DEFUSE" gui --review "$replay" --turn 1 --what-if own_it --lang "$UI_LANG" \
  --screenshots "$OUT/shots" >"$log" 2>&1 </dev/null
status=$?
cat "$log"
[ "$status" -eq 0 ] || fail "defuse gui --review exited with $status"
expect() { grep -qxE "$1" "$log" || fail "expected a line '$1'"; }
expect "replay: brake-pads-furious [0-9]+ turns, score [0-9]+ [A-F], ending [a-z_]+"
expect "scenario changed: no"
expect "signature: valid"
expect "turn 1 at opening: shown .*; picked get_manager_now; better own_it; mood 85/15/40 -> 89/6/38"
expect "what-if: turn 1 own_it: best 100 \(fixed\), worst 0 \([a-z_]+\), real [0-9]+, [0-9]+ continuations"
expect "what-if best way: own_it listen_all summarise honour empathise_inspect show_him agree_caught plan_with_manager hand_on"
expect "glyphs missing: 0"
# The picker is mostly empty by design (one earlier attempt): it must exist, not be busy.
[ -s "$OUT/shots/review-open.png" ] || fail "no screenshot review-open.png"
shots=()
for shot in review review-whatif review-score; do
  [ -s "$OUT/shots/$shot.png" ] || fail "no screenshot $shot.png"
  shots+=("$OUT/shots/$shot.png")
done
"$PNG_CHECK" "${shots[@]}" || fail "a screenshot is blank"
# A turn out of range and an answer that was not on offer are refused, with the reason.
"$XVFB_RUN" -a -s "-screen 0 1280x800x24" \
  "$DEFUSE" gui --review "$replay" --turn 7 --what-if own_it >"$OUT/bad.log" 2>&1 </dev/null &&
  fail "an answer not on offer was accepted"
grep -q "'own_it' was not on offer at turn 7 (on offer: " "$OUT/bad.log" || fail "no reason given"
echo "PASS"
