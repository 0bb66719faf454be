# A recording killed mid-run leaves a valid partial replay that loads and scores.
source "$(dirname "$0")/lib.sh"
fifo="$WORK/input"
mkfifo "$fifo"
"$DEFUSE" play "$DATA/scenarios/feature.yaml" --seed 1 --record "$WORK/partial.yaml" < "$fifo" > "$WORK/out.txt" 2>&1 &
pid=$!
exec 3> "$fifo"
echo 4 >&3   # first answer, then the player waits for the second
for _ in $(seq 1 100); do
  grep -q "picked: own" "$WORK/partial.yaml" 2>/dev/null && break
  sleep 0.1
done
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
exec 3>&-
ls "$WORK" | grep -q '\.tmp' && fail "a temporary file was left behind"
"$DEFUSE" score "$WORK/partial.yaml" > "$WORK/score.txt" 2> "$WORK/score.err" || fail "the partial replay does not score"
expect_contains "$WORK/score.err" "the run did not reach an ending (interrupted after 1 turn)" "partial run noted"
expect_contains "$WORK/score.txt" "not finished" "score says unfinished"
echo "interrupted recording: ok"
