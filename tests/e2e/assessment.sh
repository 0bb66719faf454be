# An assessment coaches nothing while it runs: no meters, no mood reasons, no coaching notes,
# no order notes. The debrief explains everything afterwards. A critical mistake is named
# first and caps the score.
source "$(dirname "$0")/lib.sh"
scenario="$SCENARIOS/brake_pads_furious.yaml"
"$DEFUSE" play "$scenario" --seed 1 --mode assessment --choices 4,3,2,1,1,1,1,1,1,1,1,1 > "$WORK/a.txt" 2>&1 || true
conversation=$(sed -n '/^══/q;p' "$WORK/a.txt")
debrief=$(sed -n '/^══/,$p' "$WORK/a.txt")
[ -n "$conversation" ] && [ -n "$debrief" ] || fail "the run has a conversation and a debrief"
while IFS= read -r line; do
  case "$line" in
    *"anger   "*|*"trust   "*|*"patience "*) fail "a mood meter during the assessment: $line" ;;
    *"Coach:"*) fail "a coaching note during the assessment: $line" ;;
    *"(order)"*) fail "an order note during the assessment: $line" ;;
    "    · "*) fail "a mood reason during the assessment: $line" ;;
  esac
done <<< "$conversation"
grep -q "Score: " <<< "$debrief" || fail "the debrief shows the score"
# The same answers in practice do show the coaching.
"$DEFUSE" play "$scenario" --seed 1 --choices 4,3,2,1,1,1,1,1,1,1,1,1 > "$WORK/p.txt" 2>&1 || true
expect_contains "$WORK/p.txt" "Coach:" "practice coaches"
expect_contains "$WORK/p.txt" "anger   " "practice shows the meters"
# Fetching the manager at the first shout: a critical mistake, named first, the score capped.
# The shown number of that answer with seed 1, from the JSON protocol.
n=$(echo | "$DEFUSE" play "$scenario" --seed 1 --json 2>/dev/null | python3 -c '
import json, sys
for line in sys.stdin:
    o = json.loads(line)
    if o.get("type") == "turn":
        print([x["number"] for x in o["options"] if x["id"] == "get_manager_now"][0])
        break
' || true)
[ -n "$n" ] || fail "found the answer that fetches the manager"
"$DEFUSE" play "$scenario" --seed 1 --mode assessment --choices "$n,1,1,1,1,1,1,1,1,1,1,1,1,1" > "$WORK/c.txt" 2>&1 || true
expect_contains "$WORK/c.txt" "Critical mistake at turn 1:" "the critical mistake is named"
python3 - "$WORK/c.txt" <<'PY' || fail "the critical mistake comes first and caps the score below a pass"
import re, sys
text = open(sys.argv[1]).read()
score = int(re.search(r"Score: (\d+)/100", text).group(1))
assert score < 55, score
after = text.split("Score: ", 1)[1].splitlines()[1:]
first = next(l for l in after if l.strip())
assert "Critical mistake" in first, first
PY
echo "assessment: ok"
