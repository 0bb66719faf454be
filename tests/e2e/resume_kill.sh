# Every answered turn is on disk before the next is shown: the real binary is killed with
# SIGKILL at random moments of a scripted assessment (at least 50 times), each time the
# replay holds every answered turn, `defuse resume` takes the run up where it stopped, and
# the finished run has the same ending and score as one played without a break.
source "$(dirname "$0")/lib.sh"
cp -r "$SCENARIOS" "$WORK/library"   # a copy: an edit elsewhere must not change the hash mid-test
export WORK
python3 - "$DEFUSE" "$WORK/library/defect_found.yaml" "$DATA/paths/defect-found.best.yaml" <<'PY'
import json, os, random, re, signal, subprocess, sys, time

defuse, scenario, best = sys.argv[1:4]
work = os.environ["WORK"]
seed = "7"
rng = random.Random(20261129)

def fail(msg):
    print("FAIL: " + msg, file=sys.stderr)
    sys.exit(1)

# The answers: the best path's pick at each node (else the first on offer), each with its
# own recorded seconds, as shown numbers found through the JSON protocol.
pick_at = dict(re.findall(r"- node: (\S+)\n\s+shown: .*\n\s+picked: (\S+)", open(best).read()))
proc = subprocess.Popen([defuse, "play", scenario, "--json", "--seed", seed, "--mode", "assessment"],
                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
answers = []
for line in proc.stdout:
    o = json.loads(line)
    if o["type"] == "turn":
        ids = [x["id"] for x in o["options"]]
        n = ids.index(pick_at[o["node"]]) + 1 if pick_at.get(o["node"]) in ids else 1
        answers.append("%d@%.1f" % (n, 2.5 + len(answers) % 5))
        proc.stdin.write(answers[-1] + "\n")
        proc.stdin.flush()
    elif o["type"] in ("end", "error"):
        break
proc.stdin.close()
proc.wait()
if len(answers) < 8:
    fail("the scripted assessment is too short to interrupt: %d turns" % len(answers))

def play_cmd(record, choices):
    return [defuse, "play", scenario, "--seed", seed, "--mode", "assessment", "--trainee",
            "Li Ming", "--record", record, "--choices", ",".join(choices)]

def turns_in(path):
    """(picked, seconds) of each turn on disk, from the replay's turns: list."""
    text = open(path).read()
    if "\nturns:" not in text:
        fail("%s is not a whole replay:\n%s" % (path, text))
    body = text.split("\nturns:", 1)[1]
    body = re.split(r"\n(?:rewound|resumed|notes):", body)[0]
    return re.findall(r"picked: (\S+)\n\s+seconds: (\S+)", body)

def score(path):
    r = subprocess.run([defuse, "score", "--json", path], capture_output=True, text=True)
    if r.returncode != 0:
        fail("%s does not score: %s" % (path, r.stderr))
    return json.loads(r.stdout)[0]

# The run without a break.
ref = os.path.join(work, "ref.yaml")
t0 = time.monotonic()
r = subprocess.run(play_cmd(ref, answers), capture_output=True, text=True)
duration = time.monotonic() - t0
if r.returncode != 0:
    fail("the uninterrupted run failed: " + r.stderr)
ref_turns = turns_in(ref)
ref_score = score(ref)
if len(ref_turns) != len(answers) or not ref_score["finished"]:
    fail("the uninterrupted run did not finish with every answer")

kills = rounds = 0
turn_header = re.compile(r"── turn (\d+) ──")
while kills < 50:
    rounds += 1
    run = os.path.join(work, "run%d.yaml" % rounds)
    resumes = 0
    while True:
        # The claim of the file is its first content (a replay of 0 turns), so a file that
        # exists is always a replay to take up, however early the run was killed.
        started = os.path.exists(run)
        if started and os.path.getsize(run) == 0:
            fail("round %d: the run left an empty file" % rounds)
        on_disk = len(turns_in(run)) if started else 0
        if started and re.search(r"^finished: ", open(run).read(), re.M):
            break  # killed after the last answer was saved: the run is over
        if started:
            cmd = [defuse, "resume", run, "--choices", ",".join(answers[on_disk:])]
        else:
            cmd = play_cmd(run, answers)
        temps_before = {f for f in os.listdir(work) if ".tmp" in f}
        out = open(os.path.join(work, "out.txt"), "w")
        p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        time.sleep(rng.uniform(0, duration * 1.1))
        killed = p.poll() is None
        if killed:
            os.kill(p.pid, signal.SIGKILL)
        p.wait()
        out.close()
        shown = [int(x) for x in turn_header.findall(open(os.path.join(work, "out.txt")).read())]
        if os.path.exists(run) and os.path.getsize(run) == 0:
            fail("round %d: the run was killed and left an empty file" % rounds)
        if not os.path.exists(run):
            if shown:
                fail("turn %d was shown before the replay existed" % max(shown))
            if not killed:
                fail("the run ended without writing its replay")
            kills += 1
            continue
        got = turns_in(run)
        if got != ref_turns[:len(got)]:
            fail("round %d: the replay's turns are not the answers given: %s" % (rounds, got))
        # Turn N is shown only after turn N-1 is on disk; the file never runs ahead of the
        # answers shown.
        if shown:
            if not (max(shown) - 1 <= len(got) <= max(shown)):
                fail("round %d: turn %d was shown, the replay holds %d turns" % (rounds, max(shown), len(got)))
        elif len(got) != on_disk:
            fail("round %d: the replay grew without a turn shown" % rounds)
        leftovers = [f for f in os.listdir(work) if ".tmp" in f and f not in temps_before]
        leftovers = [] if killed else leftovers
        if leftovers:
            fail("temporary files left by a run that was not killed: %s" % leftovers)
        if cmd[1] == "resume":
            resumes += 1
        if killed:
            kills += 1
            continue
        if p.returncode != 0:
            fail("round %d: %s exited %d:\n%s" % (rounds, cmd[1], p.returncode, open(os.path.join(work, "out.txt")).read()))
        break
    s = score(run)
    for key in ("score", "grade", "ending", "ending_kind", "turns", "components"):
        if s[key] != ref_score[key]:
            fail("round %d: %s is %s, without a break %s" % (rounds, key, s[key], ref_score[key]))
    if turns_in(run) != ref_turns:
        fail("round %d: the finished run's turns differ" % rounds)
    gaps = open(run).read().split("\nresumed:", 1)
    recorded = len(re.findall(r"after_turn: \d+", gaps[1])) if len(gaps) > 1 else 0
    if recorded > resumes or (resumes > 0 and recorded == 0):
        fail("round %d: %d resumes, %d breaks recorded" % (rounds, resumes, recorded))
print("resume under SIGKILL: %d kills over %d runs, every run finished at %s with %d (%s)"
      % (kills, rounds, ref_score["ending"], ref_score["score"], ref_score["grade"]))
PY
# A finished replay is never written over; a stopped one can be closed out, and then stays so.
ref="$WORK/ref.yaml"
before=$(sha256sum "$ref")
"$DEFUSE" resume "$ref" --choices 1 > "$WORK/r.txt" 2>&1 && fail "resuming a finished replay succeeded"
expect_contains "$WORK/r.txt" "a finished replay is never overwritten" "finished refused"
"$DEFUSE" resume "$ref" --abandon > "$WORK/r.txt" 2>&1 && fail "abandoning a finished replay succeeded"
expect_eq "$(sha256sum "$ref")" "$before" "the finished replay is unchanged"
scenario="$WORK/library/defect_found.yaml"
"$DEFUSE" play "$scenario" --seed 3 --mode assessment --trainee "Wang Fang" --record "$WORK/stop.yaml" --choices 1,1 > /dev/null 2>&1 && fail "the run should stop when --choices runs out"
# play finds the unfinished assessment of the same trainee and scenario and says how to go on.
"$DEFUSE" play "$scenario" --seed 3 --mode assessment --trainee "Wang Fang" --record "$WORK/new.yaml" --choices 1 > "$WORK/p.txt" 2>&1 || true
expect_contains "$WORK/p.txt" "holds an unfinished assessment of Wang Fang on defect-found (2 turns answered" "play offers the unfinished run"
expect_contains "$WORK/p.txt" "defuse resume $WORK/stop.yaml" "play names the resume command"
"$DEFUSE" resume "$WORK/stop.yaml" --abandon > "$WORK/a.txt" 2>&1 || fail "abandon failed: $(cat "$WORK/a.txt")"
expect_contains "$WORK/a.txt" "closed out as abandoned after 2 turns" "abandon says so"
grep -q "^abandoned: " "$WORK/stop.yaml" || fail "the replay records the close-out"
"$DEFUSE" resume "$WORK/stop.yaml" > "$WORK/a.txt" 2>&1 && fail "an abandoned run was resumed"
expect_contains "$WORK/a.txt" "closed out as abandoned at" "abandoned refused"
"$DEFUSE" score "$WORK/stop.yaml" > "$WORK/s.txt" 2>&1 || true
expect_contains "$WORK/s.txt" "not finished" "an abandoned run scores as not finished"
echo "resume: ok"
