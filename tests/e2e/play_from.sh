# `defuse play --from NODE --mood ... --after ID,...` (the trainer's workbench) on a scenario
# whose numbers are worked out by hand (tests/data/workbench/bench.yaml, archetype benchy:
# start mood anger 50 trust 50 patience 50; fetch_manager anger -5, and -20 more when the
# customer has demanded the manager at least twice; blame_customer anger +20 trust -10).
source "$(dirname "$0")/lib.sh"
command -v python3 > /dev/null || fail "python3 is missing (scripts/setup installs it)"
B="$DATA/workbench/bench.yaml"

# Prints field $2 (a Python expression over `o`, the list of objects) of the JSON Lines in $1.
field() { python3 -c 'import json,sys; o=[json.loads(l) for l in open(sys.argv[1])]; print(eval(sys.argv[2]))' "$1" "$2"; }
feedback() { field "$1" '[x for x in o if x["type"]=="feedback"][0]["mood"]["anger"]'; }

# From 'mid' with no history: one demand counted (mid's own), so fetching costs only its
# reaction: 50 - 5 = 45.
echo fetch | "$DEFUSE" play "$B" --json --from mid --seed 1 > "$WORK/a.jsonl" 2>&1 || true
expect_eq "$(field "$WORK/a.jsonl" 'o[0]["from"]')" "mid" "start object names the node"
expect_eq "$(feedback "$WORK/a.jsonl")" "45" "fetch from mid, no history"
expect_eq "$(field "$WORK/a.jsonl" '[x["id"] for x in o[1]["options"]]' )" "['push', 'fetch']" \
  "'sorry' is offered only after 'poke'"

# After 'calm' the customer has demanded twice (open and mid): the order rule adds -20: 25.
echo fetch | "$DEFUSE" play "$B" --json --from mid --after calm --seed 1 --watch > "$WORK/b.jsonl" 2>&1 || true
expect_eq "$(feedback "$WORK/b.jsonl")" "25" "fetch after calm: the second demand honoured"
expect_eq "$(field "$WORK/b.jsonl" 'o[1]["state"]')" \
  "{'cues': {'demands_manager': 2}, 'tags_used': ['empathy'], 'answers_picked': ['calm'], 'nodes_visited': ['open', 'mid']}" \
  "the state watch before the first answer"
expect_eq "$(field "$WORK/b.jsonl" '[x for x in o if x["type"]=="turn"][1]["state"]["answers_picked"]')" \
  "['calm', 'fetch']" "the state watch after an answer"

# The same with a mood: anger 80 - 25 = 55; trust and patience stay the archetype's.
echo fetch | "$DEFUSE" play "$B" --json --from mid --after calm --mood anger=80 --seed 1 > "$WORK/c.jsonl" 2>&1 || true
expect_eq "$(field "$WORK/c.jsonl" 'o[0]["start_mood"]')" "{'anger': 80, 'trust': 50, 'patience': 50}" "start mood"
expect_eq "$(feedback "$WORK/c.jsonl")" "55" "fetch after calm from anger 80"

# Without --from the run starts where the last earlier answer leads; after 'poke' the
# customer's line is the variant and 'sorry' is on offer.
"$DEFUSE" play "$B" --after poke --seed 1 --choices 1,1 --watch > "$WORK/d.txt" 2>&1 < /dev/null || true
expect_contains "$WORK/d.txt" "Test run from node 'mid': anger 50, trust 50, patience 50; 1 earlier answers" "start line"
expect_contains "$WORK/d.txt" "You blamed me! The manager, now!" "line variant sees the earlier answer"
expect_contains "$WORK/d.txt" "I am sorry I said that." "conditional answer sees the earlier answer"
expect_contains "$WORK/d.txt" "answers picked: poke" "terminal state watch"
expect_contains "$WORK/d.txt" "nodes visited: open, mid" "terminal state watch: nodes"
expect_contains "$WORK/d.txt" "cues counted: demands_manager ×2" "terminal state watch: cues"

# Every mistake: a message in the user's language, exit 2, nothing played.
bad() {  # $1 expected English text, $2 expected Chinese text, rest: arguments
  local en="$1" zh="$2"; shift 2
  local rc=0
  "$DEFUSE" play "$B" "$@" --choices 1 > "$WORK/out" 2> "$WORK/err" < /dev/null || rc=$?
  expect_eq "$rc" "2" "exit status for $*"
  expect_contains "$WORK/err" "$en" "English message for $*"
  [ ! -s "$WORK/out" ] || fail "nothing is played for $*: $(cat "$WORK/out")"
  "$DEFUSE" play "$B" "$@" --lang zh --choices 1 > /dev/null 2> "$WORK/err" < /dev/null || true
  expect_contains "$WORK/err" "$zh" "Chinese message for $*"
}
bad "--from: unknown node 'mdi'; did you mean 'mid'?" "--from：未知的节点「mdi」；你是不是想写「mid」？" --from mdi
bad "--from: 'fixed' is an ending, not a node" "「fixed」是结局而不是节点" --from fixed
bad "--mood: anger=120: a mood value is a whole number from 0 to 100" "情绪值必须是 0 到 100 的整数" --from mid --mood anger=120
bad "--mood: unknown mood 'angr': use anger, trust or patience" "未知的情绪「angr」" --from mid --mood angr=5
bad "--mood: 'trust' is not name=value" "不是 名称=数值" --from mid --mood anger=5,trust
bad "--after: unknown answer id 'fixx'; did you mean 'fix'?" "未知的回答 id「fixx」；你是不是想写「fix」？" --after fixx
bad "--after: answer 'fix' leads to the ending 'fixed': give --from NODE" "通向结局「fixed」" --after fix
bad "--after: answer 'fix' leads to the ending 'fixed', so 'calm' cannot come after it" "不能排在它后面" --after fix,calm
bad "--from: 'open' (at node 'open') cannot be reached from where answer 'calm' leads ('mid')" "无法从回答「calm」通向的地方（「mid」）到达" --from open --after calm
bad "--record cannot be used with --from, --mood or --after" "--record 不能与" --from mid --record "$WORK/r.json"
[ ! -e "$WORK/r.json" ] || fail "no replay is written for a test run"

# JSON play says the same as an error object.
rc=0; echo 1 | "$DEFUSE" play "$B" --json --from mdi > "$WORK/e.jsonl" 2>&1 || rc=$?
expect_eq "$rc" "1" "json: exit status"
expect_eq "$(field "$WORK/e.jsonl" 'o[-1]["code"]')" "start" "json: error code"
expect_contains "$WORK/e.jsonl" "did you mean 'mid'?" "json: did you mean"
echo "ok"
