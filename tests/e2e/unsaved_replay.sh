# A run whose replay could not be written never ends as if it had been saved: the player says
# so at once, plays on, and exits with status 4 naming the file.
source "$(dirname "$0")/lib.sh"
scenario="$DATA/scenarios/feature.yaml"
echo "a file, not a folder" > "$WORK/notafolder"
for target in "$WORK/notafolder/run.yaml" "$WORK"; do
  status=0
  "$DEFUSE" play "$scenario" --seed 1 --choices 4,1,2 --record "$target" --force > "$WORK/out.txt" 2> "$WORK/err.txt" || status=$?
  expect_eq "$status" 4 "exit status when the replay was not saved ($target)"
  expect_contains "$WORK/err.txt" "the replay was NOT saved to $target" "names the file that was not written"
  expect_contains "$WORK/out.txt" "Score: 85/100" "the run itself goes on to its debrief"
  grep -q "Replay saved to" "$WORK/out.txt" && fail "claims a save it did not make ($target)"
done
status=0
"$DEFUSE" play "$scenario" --seed 1 --choices 4,1,2 --record "$WORK/notafolder/zh.yaml" --lang zh > "$WORK/zh.txt" 2> "$WORK/zh.err" || status=$?
expect_eq "$status" 4 "the same in Chinese"
expect_contains "$WORK/zh.err" "回放没有保存到" "the message is in the player's language"
"$DEFUSE" play "$scenario" --seed 1 --choices 4,1,2 --record "$WORK/ok.yaml" > "$WORK/ok.txt"
expect_contains "$WORK/ok.txt" "Replay saved to $WORK/ok.yaml" "a replay that was written says so"
echo "unsaved replay: ok"
