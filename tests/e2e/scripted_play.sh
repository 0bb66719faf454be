# Scripted play writes a replay whose recomputed score is identical on a second run.
source "$(dirname "$0")/lib.sh"
scenario="$DATA/scenarios/feature.yaml"
for run in 1 2; do
  "$DEFUSE" play "$scenario" --seed 1 --choices 4,1,2 --record "$WORK/run$run.yaml" --trainee "Li Ming" > "$WORK/play$run.txt"
done
expect_contains "$WORK/play1.txt" "Score: 85/100  grade A" "the debrief shows the score"
expect_contains "$WORK/play1.txt" "Ending: Fixed (Resolved, worth 100%) (30 of 30)" "the debrief explains the outcome"
expect_contains "$WORK/play1.txt" "Coach: Ownership first." "practice mode shows coaching notes"
"$DEFUSE" score "$WORK/run1.yaml" > "$WORK/score1.txt"
"$DEFUSE" score "$WORK/run2.yaml" > "$WORK/score2.txt"
expect_contains "$WORK/score1.txt" "score 85/100, grade A, ending fixed (resolved)" "score recomputes the run"
diff <(tail -n +2 "$WORK/score1.txt") <(tail -n +2 "$WORK/score2.txt") || fail "two identical runs scored differently"
"$DEFUSE" score --json "$WORK/run1.yaml" > "$WORK/score.json"
expect_contains "$WORK/score.json" '"score": 85' "JSON has the score"
expect_contains "$WORK/score.json" '"ending_kind": "resolved"' "JSON has the ending"
expect_contains "$WORK/score.json" '"explanation"' "JSON has the explanation lines"

# Extra choices are ignored with a note; Chinese plays in Chinese.
"$DEFUSE" play "$scenario" --seed 1 --choices 4,1,2,1,1 --lang zh > "$WORK/zh.txt"
expect_contains "$WORK/zh.txt" "其余选择已忽略" "extra choices are noted"
expect_contains "$WORK/zh.txt" "我是负责您这台车的服务顾问。" "the answers are in Chinese"
expect_contains "$WORK/zh.txt" "得分：85/100" "the debrief is in Chinese"

# The list runs out with no terminal to ask: a clear message, not a hang.
set +e
"$DEFUSE" play "$scenario" --seed 1 --choices 4 < /dev/null > "$WORK/short.txt" 2> "$WORK/short.err"
status=$?
set -e
expect_eq "$status" 3 "exit status when the choices run out"
expect_contains "$WORK/short.err" "the --choices list ran out at turn 2" "says where the list ran out"

# A number out of range is a usage error.
set +e
"$DEFUSE" play "$scenario" --seed 1 --choices 9 > /dev/null 2> "$WORK/range.err"
status=$?
set -e
expect_eq "$status" 2 "exit status for an answer number out of range"
expect_contains "$WORK/range.err" "answer 9 at turn 1 is out of range (1-4)" "names the bad choice"
# A choice can carry the seconds taken: 45 s (about 11 s of reading allowed, then silence)
# empties the test customer's patience.
"$DEFUSE" play "$scenario" --seed 1 --choices 4@45 --record "$WORK/slow.yaml" > "$WORK/slow.txt"
expect_contains "$WORK/slow.txt" "The customer's patience has run out." "hesitation ends the call"
expect_contains "$WORK/slow.txt" "0 of 1 answers within 10 s" "the slow answer is over time"
expect_contains "$WORK/slow.yaml" "seconds: 45.000" "the replay records the time"
# "r" takes the last answer back in practice; assessment has nothing to take back.
"$DEFUSE" play "$scenario" --seed 1 --choices 1,r,4,1,2 --record "$WORK/rewound.yaml" > "$WORK/rewound.txt"
expect_contains "$WORK/rewound.txt" "Score: 85/100  grade A" "the rewound run scores like the clean one"
expect_contains "$WORK/rewound.txt" "Practice: 1 answer was taken back" "the debrief says an answer was taken back"
# The answer taken back is not one of the turns, but the replay keeps it under rewound:.
python3 - "$WORK/rewound.yaml" <<'PY' || fail "the rewound answer is recorded apart from the turns"
import sys
text = open(sys.argv[1]).read()
turns, rewound = text.split("\nrewound:\n")
assert "picked: blame" not in turns, "the rewound answer stays in the turns"
assert "turn: 1" in rewound and "picked: blame" in rewound, rewound
PY
"$DEFUSE" score "$WORK/rewound.yaml" > "$WORK/rewound.score"
expect_contains "$WORK/rewound.score" "Practice: 1 answer was taken back" "a rescore still says so"
set +e
"$DEFUSE" play "$scenario" --seed 1 --mode assessment --choices 1,r > /dev/null 2> "$WORK/norewind.err"
status=$?
set -e
expect_eq "$status" 2 "exit status for r in assessment"
expect_contains "$WORK/norewind.err" "'r' at turn 2 has nothing to take back" "says why"

# An existing replay is not overwritten without asking.
set +e
"$DEFUSE" play "$scenario" --seed 1 --choices 4,1,2 --record "$WORK/run1.yaml" < /dev/null > /dev/null 2> "$WORK/exists.err"
status=$?
set -e
expect_eq "$status" 2 "exit status when the replay exists"
expect_contains "$WORK/exists.err" "already exists; pass --force to replace it" "says how to replace it"
"$DEFUSE" play "$scenario" --seed 1 --choices 4,1,2 --record "$WORK/run1.yaml" --force > /dev/null || fail "--force replaces the replay"
echo "scripted play: ok"
# A trainee's name (or any text from a file) cannot drive the assessor's terminal: control
# characters are shown escaped, and the way the run was played is always printed.
"$DEFUSE" play "$scenario" --seed 1 --choices 4,1,2 --record "$WORK/esc.yaml" --trainee $'Li\e[2J\e[H Ming' > /dev/null
"$DEFUSE" score "$WORK/esc.yaml" > "$WORK/esc.txt" 2>&1
grep -q $'\e' "$WORK/esc.txt" && fail "an escape character reached the terminal"
expect_contains "$WORK/esc.txt" 'Li\x1b[2J\x1b[H Ming' "the name is shown with its control characters escaped"
expect_contains "$WORK/esc.txt" "played in practice mode, timed, 0 answers taken back" "the mode and timing are shown"
echo "scripted play (escapes): ok"
