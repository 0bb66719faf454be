# --record claims its file atomically: a second run given the same path cannot start or replace
# it, even when both start at the same moment; --force replaces it and keeps its permissions.
source "$(dirname "$0")/lib.sh"
scenario="$DATA/scenarios/feature.yaml"
run() { "$DEFUSE" play "$scenario" --seed 1 --choices 4,1,2 "$@"; }

run --record "$WORK/run.yaml" > "$WORK/out.txt" || fail "a first recorded run"
before=$(sha256sum < "$WORK/run.yaml")
status=0
run --record "$WORK/run.yaml" > "$WORK/out.txt" 2> "$WORK/err.txt" || status=$?
expect_eq "$status" 2 "a second run on a taken path"
expect_contains "$WORK/err.txt" "$WORK/run.yaml already exists; pass --force to replace it" "says the file is taken"
grep -q "Turn 1" "$WORK/out.txt" && fail "the second run started"
expect_eq "$(sha256sum < "$WORK/run.yaml")" "$before" "the first run's replay is untouched"
status=0
printf '4\n' | "$DEFUSE" play "$scenario" --json --seed 1 --record "$WORK/run.yaml" > "$WORK/json.txt" || status=$?
expect_eq "$status" 1 "the same over JSON"
expect_contains "$WORK/json.txt" '"code":"replay_exists"' "the JSON error names the case"

# Two runs started together on one new path: exactly one gets it, every time. (The existence
# check alone used to let both start, and the later one replace the other's replay.)
for i in 1 2 3 4 5 6; do
  target="$WORK/race$i.yaml"
  run --record "$target" > "$WORK/a$i.out" 2> "$WORK/a$i.err" &
  a=$!
  run --record "$target" > "$WORK/b$i.out" 2> "$WORK/b$i.err" &
  b=$!
  sa=0; sb=0
  wait "$a" || sa=$?
  wait "$b" || sb=$?
  expect_eq "$(printf '%s\n' "$sa" "$sb" | sort | tr '\n' ' ')" "0 2 " "one run of two takes $target"
  expect_eq "$(cat "$WORK/a$i.err" "$WORK/b$i.err" | grep -c 'already exists')" 1 "the other is told ($i)"
  "$DEFUSE" score "$target" > "$WORK/score$i.txt" 2> /dev/null || fail "the winner's replay scores ($i)"
  expect_contains "$WORK/score$i.txt" "score 85/100" "the replay holds the whole run ($i)"
done
ls -A "$WORK" | grep -q '\.tmp' && fail "a temporary file was left behind"

# --force replaces the file and keeps its permissions (a private replay stays private).
chmod 600 "$WORK/run.yaml"
run --record "$WORK/run.yaml" --force > "$WORK/out.txt" || fail "--force replaces"
expect_contains "$WORK/out.txt" "Replay saved to $WORK/run.yaml" "the replaced replay is saved"
expect_eq "$(stat -c %a "$WORK/run.yaml")" 600 "a 0600 replay stays 0600 under --force"
chmod 640 "$WORK/run.yaml"
printf '4\n1\n2\n' | "$DEFUSE" play "$scenario" --json --seed 1 --force --record "$WORK/run.yaml" > /dev/null
expect_eq "$(stat -c %a "$WORK/run.yaml")" 640 "the same over JSON"
# The claim is the replay's first content, linked into place in one step: a run killed in its
# first instant leaves no file or a replay of 0 turns that scores as unfinished and resumes,
# never an empty file.
early=0
for i in $(seq 1 24); do
  target="$WORK/early$i.yaml"
  "$DEFUSE" play "$scenario" --seed 1 --choices 4,1,2 --record "$target" > /dev/null 2>&1 &
  pid=$!
  sleep "0.00$((i % 8))$((i % 3))"
  kill -9 "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
  [ -e "$target" ] || continue
  [ -s "$target" ] || fail "a run killed at once left an empty $target"
  "$DEFUSE" score --json "$target" > "$WORK/early.json" 2> /dev/null || fail "$target does not score"
  read -r turns finished < <(python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))[0]; print(s["turns"], s["finished"])' "$WORK/early.json")
  [ "$finished" = True ] && continue
  [ "$turns" = 0 ] && early=$((early + 1))
  rest=$(echo 4,1,2 | cut -d, -f$((turns + 1))-)
  "$DEFUSE" resume "$target" --choices "$rest" > "$WORK/early.out" 2>&1 || fail "$target (killed after $turns turns) does not resume"
  "$DEFUSE" score "$target" > "$WORK/early.txt" 2> /dev/null
  expect_contains "$WORK/early.txt" "score 85/100" "the resumed run holds the whole run ($i)"
done
# At least once the file was there before the first turn: the state the empty claim was in.
# And one killed for sure before its first answer (waiting for it): 0 turns, unfinished.
target="$WORK/waiting.yaml"
mkfifo "$WORK/answers"
"$DEFUSE" play "$scenario" --seed 1 --mode assessment --record "$target" < "$WORK/answers" > /dev/null 2>&1 &
pid=$!
exec 3> "$WORK/answers"   # an answer that never comes
for _ in $(seq 1 100); do [ -s "$target" ] && break; sleep 0.05; done
kill -9 "$pid"
wait "$pid" 2> /dev/null || true
exec 3>&-
"$DEFUSE" score "$target" > "$WORK/waiting.txt" 2>&1 || fail "a 0-turn replay does not score"
expect_contains "$WORK/waiting.txt" "interrupted after 0 turns" "scored as unfinished"
expect_contains "$WORK/waiting.txt" "not finished" "scored as unfinished"
"$DEFUSE" resume "$target" --choices 4,1,2 > "$WORK/waiting.out" 2>&1 || fail "a 0-turn replay does not resume"
expect_contains "$WORK/waiting.out" "0 turns answered" "resume says where it starts"
"$DEFUSE" score "$target" > "$WORK/waiting.txt" 2> /dev/null
expect_contains "$WORK/waiting.txt" "score 85/100" "the resumed 0-turn run finishes"
grep -q "after_turn: 0" "$target" || fail "the break after 0 turns is recorded"
echo "runs killed before their first turn, resumed from a 0-turn replay: $((early + 1))"
rm -f "$WORK"/early*.yaml.*.tmp 2> /dev/null || true
echo "record claim: ok"
