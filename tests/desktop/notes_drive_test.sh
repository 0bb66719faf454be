#!/usr/bin/env bash
# Writing the assessor's notes in the replay viewer, under Xvfb: a note on a turn, a note on
# the whole run and a fail mark with its reason, typed into the viewer's editor and saved
# (one atomic write through the engine's annotateReplay). The replay holds them (defuse
# report), a signed replay's old signature no longer covers it and the viewer says it must be
# signed again; with the assessor's key set, saving signs it again and verify accepts it.
# Environment: DEFUSE, PNG_CHECK, XVFB_RUN, UI_LANG, OUT.
set -u
rm -rf "$OUT"
mkdir -p "$OUT/data/defuse/attempts" "$OUT/config/defuse"
export XDG_DATA_HOME="$OUT/data" XDG_CONFIG_HOME="$OUT/config"
fail() { echo "FAIL: $*"; exit 1; }
expect() { grep -qxE "$1" "$2" || fail "expected a line '$1' in $2"; }
replay="$OUT/data/defuse/attempts/li-ming.yaml"
printf '%s\n' get_manager_now@4.1 own_now@7.3 listen_all@9.8 summarise@12.4 honour@8.0 |
  "$DEFUSE" play brake-pads-furious --json --seed 1 --mode assessment --trainee "Li Ming" \
    --record "$replay" >/dev/null 2>&1
grep -q "picked: honour" "$replay" || fail "the assessment was not recorded"
"$DEFUSE" keygen --out "$OUT/assessor" >/dev/null || fail "no key pair"
"$DEFUSE" sign "$replay" --key "$OUT/assessor.key" >/dev/null || fail "not signed"
if [ "$UI_LANG" = zh ]; then
  note="第一次要求就去叫经理。" run_note="后半程挽回得不错，但开头犯了关键错误。" reason="开场就把客户推给经理"
else
  note="Fetched the manager at the first shout." run_note="Recovered well after a critical start." reason="Handed the customer off at once"
fi
gui() { "$XVFB_RUN" -a -s "-screen 0 1280x800x24" "$DEFUSE" gui --lang "$UI_LANG" "$@" </dev/null; }

# No assessor key: the notes are saved, the viewer says the replay must be signed again.
gui --review "$replay" --turn 2 --note "$note" --note-turn 1 --run-note "$run_note" \
  --mark fail --reason "$reason" --screenshots "$OUT/shots" >"$OUT/notes.log" 2>&1
status=$?
cat "$OUT/notes.log"
[ "$status" -eq 0 ] || fail "the notes drive exited with $status"
grep -qE "^notes saved: " "$OUT/notes.log" || fail "no notes saved line"
expect "note turn 1: $note" "$OUT/notes.log"
expect "note run: $run_note" "$OUT/notes.log"
expect "mark: fail \($reason\)" "$OUT/notes.log"
expect "signature: changed" "$OUT/notes.log"
expect "re-sign needed: yes" "$OUT/notes.log"
expect "glyphs missing: 0" "$OUT/notes.log"
# The replay file holds them, as the terminal reads it.
"$DEFUSE" report "$replay" --format csv -o "$OUT/report.csv" >/dev/null 2>&1 || fail "no report"
grep -q "fail" "$OUT/report.csv" || fail "the report has no override mark"
grep -qF "$note" "$replay" && grep -qF "$run_note" "$replay" && grep -qF "$reason" "$replay" ||
  fail "the replay does not hold the notes"
"$DEFUSE" verify "$replay" --pub "$OUT/assessor.pub" >"$OUT/verify.txt" 2>&1 &&
  fail "the old signature still verifies after the notes changed"
grep -qi "note" "$OUT/verify.txt" || { cat "$OUT/verify.txt"; fail "verify does not name the notes"; }
for shot in review review-notes-editor review-notes; do
  [ -s "$OUT/shots/$shot.png" ] || fail "no screenshot $shot.png"
done
"$PNG_CHECK" "$OUT/shots"/review-notes*.png || fail "a screenshot is blank"

# With the assessor's key set, saving signs the replay again.
printf 'assessor_key = %s\ntrusted_key = %s\n' "$OUT/assessor.key" "$OUT/assessor.pub" \
  >"$OUT/config/defuse/desktop.ini"
gui --review "$replay" --turn 1 --note "$note (2)" --screenshots "$OUT/shots2" >"$OUT/resign.log" 2>&1 ||
  { cat "$OUT/resign.log"; fail "the second notes drive failed"; }
cat "$OUT/resign.log"
expect "note turn 1: $note \(2\)" "$OUT/resign.log"
expect "signature: valid" "$OUT/resign.log"
grep -q "re-sign needed" "$OUT/resign.log" && fail "signed again, yet a re-sign is asked for"
"$DEFUSE" verify "$replay" --pub "$OUT/assessor.pub" >"$OUT/verify2.txt" 2>&1 ||
  { cat "$OUT/verify2.txt"; fail "the re-signed replay does not verify"; }
# A mark without a reason is refused with the engine's message, and nothing is written.
before=$(sha256sum <"$replay")
gui --review "$replay" --turn 1 --mark pass >"$OUT/bad.log" 2>&1 && fail "a mark without a reason was saved"
grep -q "notes were not saved" "$OUT/bad.log" || { cat "$OUT/bad.log"; fail "no reason given"; }
[ "$(sha256sum <"$replay")" = "$before" ] || fail "a refused edit changed the replay"
echo "PASS"
