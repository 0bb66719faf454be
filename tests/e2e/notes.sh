# defuse note: a note on a turn and on the run, an override mark with its reason, saved in the
# replay; a signature made after them covers them, and an edited note fails verify.
source "$(dirname "$0")/lib.sh"
cd "$WORK"
"$DEFUSE" play "$DATA/scenarios/feature.yaml" --seed 1 --mode assessment --trainee "Li Ming" --record run.yaml --choices 4@3,1@4,1@2 > /dev/null 2>&1 || true
"$DEFUSE" note run.yaml --turn 2 --text "Heard him out before the plan." > n.txt || fail "note on a turn"
expect_contains n.txt "run.yaml: note on turn 2 saved" "turn note"
"$DEFUSE" note run.yaml --text "Calm all through." --override fail --reason "Skipped the safety check" > n.txt || fail "run note and mark"
expect_contains n.txt "note on the whole run saved" "run note"
expect_contains n.txt "marked fail by the assessor (Skipped the safety check)" "mark"
grep -q "^override:" run.yaml || fail "the replay holds the mark"
grep -q "text: Heard him out before the plan." run.yaml || fail "the replay holds the turn note"
"$DEFUSE" note run.yaml --turn 9 --text "x" > n.txt 2>&1 && fail "a note on a turn that does not exist"
expect_contains n.txt "there is no turn 9: the replay has 3 turns" "turn out of range"
"$DEFUSE" note run.yaml --override pass > n.txt 2>&1 && fail "a mark without a reason"
expect_contains n.txt "needs a reason" "reason required"
"$DEFUSE" note run.yaml --turn 1 --text "第一轮：主动承担。" --lang zh > n.txt || fail "a Chinese note"
expect_contains n.txt "第 1 轮的批注已保存" "Chinese"
"$DEFUSE" keygen --out a > /dev/null
"$DEFUSE" sign run.yaml --key a.key > /dev/null
"$DEFUSE" verify run.yaml --pub a.pub > v.txt || fail "signed after the notes: valid"
"$DEFUSE" note run.yaml --turn 2 --text "Rushed the plan." > n.txt 2>&1 || fail "a later note"
expect_contains n.txt "until it is signed again" "notes after signing ask for a new signature"
"$DEFUSE" verify run.yaml --pub a.pub > v.txt && fail "a note changed after signing verified"
expect_contains v.txt 'note turn 2 text: signed "Heard him out before the plan.", now "Rushed the plan."' "the note edit is named"
echo "notes: ok"
