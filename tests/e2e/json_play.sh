# `defuse play --json`: JSON Lines out, one answer a line in. Every line of every run parses as
# JSON (python3's parser, not a grep), the objects say what the README says, and every error is
# an error object with exit status 1.
source "$(dirname "$0")/lib.sh"
command -v python3 > /dev/null || fail "python3 is missing (scripts/setup installs it)"
scenario="$DATA/scenarios/feature.yaml"

# Checks the output $1 of a run: every line is one JSON object with a "type", and each line
# `EXPR ==> JSON` on stdin holds. EXPR is Python over `o` (the objects), `last` (the last one),
# `of(t)` (the objects of type t) and `types` (their types joined by spaces). Writes the last
# object's message to $1.msg. One python3 for many checks keeps the test quick.
checks() {
  python3 -c '
import json, sys
name = sys.argv[1]
text = open(name, encoding="utf-8").read()
o = []
for n, line in enumerate(text.splitlines(keepends=True), 1):
    try:
        x = json.loads(line)
        assert line.endswith("\n") and isinstance(x, dict) and isinstance(x.get("type"), str)
    except Exception:
        sys.exit(f"--- {name}:\n{text}\nFAIL: line {n} is not one JSON object with a type: {line!r}")
    o.append(x)
if not o:
    sys.exit(f"FAIL: {name} is empty")
last = o[-1]
of = lambda t: [x for x in o if x["type"] == t]
types = " ".join(x["type"] for x in o)
open(name + ".msg", "w", encoding="utf-8").write(str(last.get("message", "")) + "\n")
ok = True
for check in sys.stdin.read().splitlines():
    if not check.strip():
        continue
    expr, expected = check.split(" ==> ", 1)
    got = eval(expr)
    if got != json.loads(expected):
        print(f"FAIL: {name}: {expr}: expected {expected}, got {json.dumps(got, ensure_ascii=False)}")
        ok = False
if not ok:
    sys.exit(f"--- {name}:\n{text}")
' "$1" || fail "$1: see above"
}
# Plays with the answers $1 (printf %b, one a line) and the options after it into $2; the exit
# status in $status. Nothing may go to stderr: everything is on stdout, as JSON.
play() {
  local answers=$1 out=$2
  shift 2
  status=0
  printf '%b' "$answers" | "$DEFUSE" play "$scenario" --json "$@" > "$out" 2> "$out.err" || status=$?
  [ ! -s "$out.err" ] || { cat "$out.err"; fail "$out: something on stderr"; }
}
# An error run: status 1, valid lines, and one error object, last, with the code $2 and $3 in
# its message.
expect_error() {
  expect_eq "$status" 1 "exit status ($1)"
  printf '%s\n' 'last["type"] ==> "error"' "last[\"code\"] ==> \"$2\"" 'len(of("error")) ==> 1' |
    checks "$1"
  expect_contains "$1.msg" "$3" "$1: the message"
}

# [SECTION] A practice run by numbers: every object, in order.
play '4\n1\n2\n' "$WORK/numbers.jsonl" --seed 1
expect_eq "$status" 0 "a finished run exits 0"
checks "$WORK/numbers.jsonl" << 'EOF'
types ==> "start turn feedback turn feedback turn feedback end"
list(o[0].keys())[0] ==> "type"
[o[0][k] for k in ("scenario", "title", "mode", "seed", "language")] ==> ["feature-test", "Feature test", "practice", 1, "en"]
o[0]["briefing"] ==> "A small scenario for the tests."
list(o[1].keys()) ==> ["type", "turn", "node", "customer", "mood", "time_limit", "options"]
[o[1]["turn"], o[1]["node"], o[1]["customer"]] ==> [1, "opening", "Who is in charge here?"]
o[1]["mood"] ==> {"anger": 60, "trust": 30, "patience": 50}
o[1]["options"][3] ==> {"number": 4, "id": "own", "text": "I am the advisor responsible for your car."}
o[1]["time_limit"] > 0 ==> true
list(o[2].keys()) ==> ["type", "turn", "picked", "reasons", "note", "mood", "escalated", "walked_out", "over_time"]
[o[2][k] for k in ("turn", "picked", "note", "escalated", "walked_out", "over_time")] ==> [1, "own", "Ownership first.", false, false, false]
o[2]["reasons"] ==> ["Ownership: anger −10, trust +10"]
o[2]["mood"] == o[3]["mood"] ==> true
[x["turn"] for x in of("turn")] ==> [1, 2, 3]
[x["picked"] for x in of("feedback")] ==> ["own", "hear", "agree"]
[last[k] for k in ("ending", "ending_kind", "title", "customer", "turns", "score", "grade")] ==> ["fixed", "resolved", "Fixed", "Thanks.", 3, 85, "A"]
[last["report"]["replay"], last["report"]["saved"]] ==> [null, false]
last["report"]["components"]["outcome"] ==> {"points": 30.0, "max": 30.0}
last["report"]["lines"][0] ==> {"component": "outcome", "points": 30.0, "max": 30.0, "text": "Ending: Fixed (Resolved, worth 100%) (30 of 30)"}
sum(c["max"] for c in last["report"]["components"].values()) ==> 100
type(last["report"]["better_answers"]).__name__ ==> "list"
EOF

# [SECTION] The same by ids, with blank lines, a CR and the seconds given.
play '\nown@3\r\n\n  hear  \n\t\nagree@0.5\n' "$WORK/ids.jsonl" --seed 1
expect_eq "$status" 0 "a run by ids exits 0"
checks "$WORK/ids.jsonl" << 'EOF'
types ==> "start turn feedback turn feedback turn feedback end"
[x["picked"] for x in of("feedback")] ==> ["own", "hear", "agree"]
[last["ending"], last["score"], last["grade"]] ==> ["fixed", 85, "A"]
EOF

# [SECTION] Assessment: which answer was taken, nothing more; no mood anywhere.
play '4\nhear\n2\n' "$WORK/assess.jsonl" --seed 1 --mode assessment
expect_eq "$status" 0 "an assessment exits 0"
checks "$WORK/assess.jsonl" << 'EOF'
types ==> "start turn feedback turn feedback turn feedback end"
o[0]["mode"] ==> "assessment"
sorted({k for x in of("feedback") for k in x}) ==> ["picked", "turn", "type"]
sorted({k for x in of("turn") for k in x}) ==> ["customer", "node", "options", "time_limit", "turn", "type"]
[last["score"], last["grade"]] ==> [85, "A"]
EOF
grep -qE '"(mood|reasons|note|anger|trust|patience|escalated|walked_out|over_time)"' "$WORK/assess.jsonl" &&
  fail "an assessment shows mood, reasons or notes"

# [SECTION] Chinese: the text and the messages in Chinese, as UTF-8, still one object a line.
play '4\n1\n2\n' "$WORK/zh.jsonl" --seed 1 --lang zh
expect_eq "$status" 0 "a Chinese run exits 0"
checks "$WORK/zh.jsonl" << 'EOF'
types ==> "start turn feedback turn feedback turn feedback end"
[o[0]["language"], o[0]["title"], o[0]["briefing"]] ==> ["zh", "功能测试", "用于测试的小场景。"]
o[1]["customer"] ==> "你们这儿谁负责？"
o[2]["note"] ==> "先表明责任。"
o[2]["reasons"] ==> ["承担责任：愤怒 −10，信任 +10"]
last["report"]["lines"][0]["text"] ==> "结局：解决（圆满解决，计 100%）（30 / 30）"
last["score"] ==> 85
EOF
expect_contains "$WORK/zh.jsonl" '"text":"我是负责您这台车的服务顾问。"' "the answers in Chinese, unescaped"

# [SECTION] Recording: the replay scores what the end object says, rewinds included.
play '1\nr\n4@2\n1\n2\n' "$WORK/rec.jsonl" --seed 1 --record "$WORK/rec.yaml" --trainee "Li Ming"
expect_eq "$status" 0 "a recorded run exits 0"
"$DEFUSE" score --json "$WORK/rec.yaml" > "$WORK/rec.score.json"
checks "$WORK/rec.jsonl" << EOF
types ==> "start turn feedback turn turn feedback turn feedback turn feedback end"
[x["turn"] for x in of("turn")] ==> [1, 2, 1, 2, 3]
[last["report"]["replay"], last["report"]["saved"]] ==> ["$WORK/rec.yaml", true]
last["score"] ==> $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["score"])' "$WORK/rec.score.json")
EOF
expect_contains "$WORK/rec.yaml" "seconds: 2.000" "the seconds given are recorded as given"
sed '/^rewound:/,$d' "$WORK/rec.yaml" | grep -q "picked: blame" && fail "the rewound answer stays in the turns"
# Seconds are recorded unclamped; the wall clock counts when none are given.
play '4@600\n' "$WORK/slow.jsonl" --seed 1 --record "$WORK/slow.yaml"
expect_eq "$status" 0 "ten minutes of silence ends the run"
checks "$WORK/slow.jsonl" << 'EOF'
[of("feedback")[0][k] for k in ("walked_out", "over_time")] ==> [true, true]
last["ending_kind"] ==> "lost"
EOF
expect_contains "$WORK/slow.yaml" "seconds: 600.000" "600 s are recorded, not clamped"
status=0
{ sleep 1.2; printf '4\n1\n2\n'; } |
  "$DEFUSE" play "$scenario" --json --seed 1 --record "$WORK/clock.yaml" > "$WORK/clock.jsonl" || status=$?
expect_eq "$status" 0 "a run on the wall clock"
mapfile -t secs < <(sed -n 's/^ *seconds: //p' "$WORK/clock.yaml")
[[ "${secs[0]}" > "1.000" && "${secs[0]}" < "9" && "${secs[1]}" < "1.000" ]] ||
  fail "the wall clock counts from the turn object: ${secs[*]}"

# [SECTION] Errors: an error object in --lang, exit status 1, never a crash.
play '9\n' "$WORK/e_range.jsonl" --seed 1
expect_error "$WORK/e_range.jsonl" out_of_range "answer 9 at turn 1 is out of range (1-4)"
play '4\n0\n' "$WORK/e_zero.jsonl" --seed 1
expect_error "$WORK/e_zero.jsonl" out_of_range "answer 0 at turn 2 is out of range (1-2)"
play 'own\nagree\n' "$WORK/e_offer.jsonl" --seed 1
expect_error "$WORK/e_offer.jsonl" not_on_offer "answer 'agree' is not on offer at turn 2 (on offer: hear, stall_here)"
for bad in '4@x' '4@-1' '4@1e3' '4@' '4 1' '@3' '4@nan'; do
  play "$bad\n" "$WORK/e_parse.jsonl" --seed 1
  expect_error "$WORK/e_parse.jsonl" bad_line "cannot read '$bad' at turn 1"
done
play 'r\n' "$WORK/e_rewind.jsonl" --seed 1
expect_error "$WORK/e_rewind.jsonl" cannot_rewind "'r' at turn 1 has nothing to take back"
play '4\nr\n' "$WORK/e_rewind_assess.jsonl" --seed 1 --mode assessment
expect_error "$WORK/e_rewind_assess.jsonl" cannot_rewind "'r' at turn 2 has nothing to take back"
play '4\n1\n' "$WORK/e_eof.jsonl" --seed 1
expect_error "$WORK/e_eof.jsonl" input_ended "input ended at turn 3, before the conversation ended (answers so far: 2)"
echo '[last["turn"], last["answered"]] ==> [3, 2]' | checks "$WORK/e_eof.jsonl"
play '4\n' "$WORK/e_eof_rec.jsonl" --seed 1 --record "$WORK/partial.yaml"
expect_error "$WORK/e_eof_rec.jsonl" input_ended "(answers so far: 1; the replay holds them)"
expect_contains "$WORK/partial.yaml" "picked: own" "the partial replay holds the answer"
play '' "$WORK/e_empty.jsonl" --seed 1
expect_error "$WORK/e_empty.jsonl" input_ended "input ended at turn 1"
# Quotes, backslashes and stray bytes echoed back stay valid JSON.
play 'a"b\\c\xff\n' "$WORK/e_quote.jsonl" --seed 1
expect_error "$WORK/e_quote.jsonl" not_on_offer 'answer '"'"'a"b\c'
play '9\n' "$WORK/e_zh.jsonl" --seed 1 --lang zh
expect_error "$WORK/e_zh.jsonl" out_of_range "第 1 轮的回答 9 超出范围（1-4）"
# A scenario that does not load: its diagnostics, as text and as fields; nothing else.
status=0
"$DEFUSE" play "$DATA/bad/scenario/alias_bomb.yaml" --json < /dev/null > "$WORK/e_load.jsonl" || status=$?
expect_error "$WORK/e_load.jsonl" scenario "alias_bomb.yaml:2:5: error: anchors (&name) are not allowed"
echo '[len(o), last["diagnostics"][0]["line"], last["diagnostics"][0]["severity"]] ==> [1, 2, "error"]' |
  checks "$WORK/e_load.jsonl"
status=0
"$DEFUSE" play "$DATA/bad/scenario/alias_bomb.yaml" --json --lang zh < /dev/null > "$WORK/e_load_zh.jsonl" || status=$?
expect_error "$WORK/e_load_zh.jsonl" scenario "alias_bomb.yaml:2:5: 错误："
status=0
"$DEFUSE" play no-such-scenario --json < /dev/null > "$WORK/e_noid.jsonl" || status=$?
expect_error "$WORK/e_noid.jsonl" scenario "no-such-scenario: error: no such file"
# Replays: never overwritten without --force, and a replay that cannot be written is an error.
play '4\n1\n2\n' "$WORK/e_exists.jsonl" --seed 1 --record "$WORK/rec.yaml"
expect_error "$WORK/e_exists.jsonl" replay_exists "already exists; pass --force to replace it"
play '4\n1\n2\n' "$WORK/force.jsonl" --seed 1 --record "$WORK/rec.yaml" --force
expect_eq "$status" 0 "--force replaces the replay"
echo "a file, not a folder" > "$WORK/notafolder"
play '4\n1\n2\n' "$WORK/e_unsaved.jsonl" --seed 1 --record "$WORK/notafolder/run.yaml"
expect_error "$WORK/e_unsaved.jsonl" replay_not_saved "the replay was NOT saved to $WORK/notafolder/run.yaml"
echo 'types ==> "error"' | checks "$WORK/e_unsaved.jsonl"
# A replay that stops being written mid-run: the run stops at that answer with an error that
# says how many answers the file still holds; nothing is played unrecorded.
mkdir "$WORK/dir"
mkfifo "$WORK/answers"
"$DEFUSE" play "$scenario" --json --seed 1 --record "$WORK/dir/run.yaml" < "$WORK/answers" > "$WORK/e_mid.jsonl" &
pid=$!
exec 3> "$WORK/answers"
echo 4 >&3
for _ in $(seq 100); do
  [ "$(grep -c '"type":"turn"' "$WORK/e_mid.jsonl")" -ge 2 ] && break
  sleep 0.1
done
rm -r "$WORK/dir"
echo "a file now" > "$WORK/dir"
printf '1\n2\n' >&3
exec 3>&-
status=0
wait "$pid" || status=$?
expect_error "$WORK/e_mid.jsonl" replay_not_saved "the replay was NOT saved to $WORK/dir/run.yaml"
echo '[o[-2]["type"], last["saved_answers"], len(of("feedback"))] ==> ["turn", 1, 1]' | checks "$WORK/e_mid.jsonl"
# --choices is for the human player.
play '' "$WORK/e_choices.jsonl" --seed 1 --choices 4,1,2
expect_error "$WORK/e_choices.jsonl" usage "cannot be combined with --choices"
echo "json play: ok"
