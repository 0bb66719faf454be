# `defuse analyze` for tuning (the trainer's workbench) on the hand-made bench scenario:
# --after against every continuation played by the real player, --compare against each
# version's own analysis, the difficulty rating against random play's mean and `check`'s
# warning when it disagrees with `difficulty:`, progress on stderr for a long run.
source "$(dirname "$0")/lib.sh"
command -v python3 > /dev/null || fail "python3 is missing (scripts/setup installs it)"
W="$DATA/workbench"
B="$W/bench.yaml"

# --after poke: the six ways on (mid: fetch, sorry, push; close: fix, quit), each played by
# `play --json` in assessment, give the best, the worst and each ending's range.
for m in fetch sorry push; do
  for c in fix quit; do
    printf 'poke@0\n%s@0\n%s@0\n' "$m" "$c" |
      "$DEFUSE" play "$B" --json --mode assessment --seed 1 2> /dev/null |
      python3 -c 'import json,sys; e=[json.loads(l) for l in sys.stdin][-1]; print(e["ending"], e["score"], sys.argv[1])' "poke,$m,$c"
  done
done > "$WORK/played.txt"
"$DEFUSE" analyze "$B" --after poke --json > "$WORK/after.json" 2> /dev/null || fail "analyze --after"
python3 - "$WORK/played.txt" "$WORK/after.json" << 'PY' || fail "--after disagrees with the runs played"
import json, sys
runs = [l.split() for l in open(sys.argv[1])]
a = json.load(open(sys.argv[2]))
scores = [int(r[1]) for r in runs]
assert len(runs) == 6, runs
assert a["paths"] == 6, a["paths"]
assert a["best"]["score"] == max(scores), (a["best"], runs)
assert a["worst"]["score"] == min(scores), (a["worst"], runs)
assert a["best"]["answers"][0] == "poke" and a["best"]["answers"][-1] == "fix", a["best"]
for e in a["endings"]:
    mine = [int(r[1]) for r in runs if r[0] == e["ending"]]
    assert (e["worst"], e["best"], e["paths"]) == (min(mine), max(mine), len(mine)), (e, mine)
PY
"$DEFUSE" analyze "$B" --after poke > "$WORK/after.txt" 2> /dev/null
expect_contains "$WORK/after.txt" "after poke (1 answers; the scores include them):" "text heading"
expect_contains "$WORK/after.txt" "6 ways on" "text count"
"$DEFUSE" analyze "$B" --after poke --lang zh > "$WORK/after_zh.txt" 2> /dev/null
expect_contains "$WORK/after_zh.txt" "仍可达到的最佳" "Chinese"
# Past the state bound: said, no count, and the best and worst still real runs in range.
"$DEFUSE" analyze "$B" --after poke --max-states 2 > "$WORK/after_bound.txt" 2> /dev/null
expect_contains "$WORK/after_bound.txt" "NOT exact: over 2 distinct states (--max-states); best and worst were found" "bound said"
# Its course can depend on the mood (patience 5 or less walks the customer out to 'lost'):
# past the bound the ways on are not counted.
expect_contains "$WORK/after_bound.txt" "ways on not counted" "not counted past the bound"
"$DEFUSE" analyze "$B" --after poke --max-states 2 --json > "$WORK/after_bound.json" 2> /dev/null
python3 - "$WORK/after.json" "$WORK/after_bound.json" <<'PY' || fail "the bounded --after"
import json, sys
full, cut = (json.load(open(f)) for f in sys.argv[1:3])
assert not cut["exact"] and not cut["paths_counted"] and cut["paths"] == 0, cut
assert cut["worst"]["score"] >= full["worst"]["score"] and cut["best"]["score"] <= full["best"]["score"], (cut, full)
assert cut["sampled_runs"] > 0, cut
PY

# Mistakes: an answer not on offer, a run already over.
rc=0; "$DEFUSE" analyze "$B" --after fetch > /dev/null 2> "$WORK/err" || rc=$?
expect_eq "$rc" "2" "answer not on offer"
expect_contains "$WORK/err" "--after: answer 'fetch' is not on offer at turn 1 (node 'open' offers" "not on offer"
rc=0; "$DEFUSE" analyze "$B" --after calm,fetch,fix,calm --lang zh > /dev/null 2> "$WORK/err" || rc=$?
expect_eq "$rc" "2" "run over"
expect_contains "$WORK/err" "--after：对话在「fixed」就结束了，到不了回答「calm」" "run over, zh"

# --compare: a new version where blaming costs twice the anger.
mkdir -p "$WORK/new/archetypes"
sed 's/blame_customer: {anger: 20, trust: -10}/blame_customer: {anger: 40, trust: -10}/' \
  "$W/archetypes/benchy.yaml" > "$WORK/new/archetypes/benchy.yaml"
cp "$B" "$WORK/new/bench.yaml"
"$DEFUSE" analyze --compare "$B" "$WORK/new/bench.yaml" --json > "$WORK/cmp.json" 2> /dev/null || fail "--compare"
"$DEFUSE" analyze "$B" --json > "$WORK/old1.json" 2> /dev/null
"$DEFUSE" analyze "$WORK/new/bench.yaml" --json > "$WORK/new1.json" 2> /dev/null
python3 - "$WORK/cmp.json" "$WORK/old1.json" "$WORK/new1.json" << 'PY' || fail "--compare disagrees with each version's analysis"
import json, sys
c, o, n = (json.load(open(p)) for p in sys.argv[1:])
for side, a in (("old", o), ("new", n)):
    assert c[side]["best"] == a["best"]["score"], (side, c[side], a["best"])
    assert c[side]["worst"] == a["worst"]["score"], (side, c[side], a["worst"])
    assert abs(c[side]["random_mean"] - a["random_play"]["mean"]) < 1e-9
    assert c[side]["difficulty_rating"] == a["difficulty"]["rating"]
assert c["new"]["random_mean"] < c["old"]["random_mean"], "blaming harder must lower random play"
PY
"$DEFUSE" analyze --compare "$B" "$WORK/new/bench.yaml" > "$WORK/cmp.txt" 2> /dev/null
expect_contains "$WORK/cmp.txt" "worst | old: " "compare row"
grep -F "random-play mean | old: " "$WORK/cmp.txt" | grep -qF "*changed" || fail "the mean row says it changed: $(cat "$WORK/cmp.txt")"
rc=0; "$DEFUSE" analyze --compare "$B" > /dev/null 2>&1 || rc=$?
[ "$rc" != 0 ] || fail "--compare with one file must fail"

# Difficulty: the rating follows random play's mean (55+ 1, 35+ 2, 10+ 3, 5+ 4, else 5).
python3 - "$WORK/old1.json" << 'PY' || fail "difficulty rating"
import json, sys
d = json.load(open(sys.argv[1]))["difficulty"]
m = d["random_mean"]
want = 1 if m >= 55 else 2 if m >= 35 else 3 if m >= 10 else 4 if m >= 5 else 5
assert d["rating"] == want, d
assert d["declared"] == 3
assert d["disagrees"] == (abs(d["rating"] - 3) >= 2)
PY
"$DEFUSE" analyze "$B" > "$WORK/plain.txt" 2> /dev/null
expect_contains "$WORK/plain.txt" "difficulty: random play rates it" "difficulty line"
# A copy declared far from its rating: check warns, in English and Chinese.
rating=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["difficulty"]["rating"])' "$WORK/old1.json")
far=$(( rating <= 2 ? 5 : 1 ))
mkdir -p "$WORK/far" && cp -r "$W/archetypes" "$WORK/far/"
sed "s/^difficulty: 3/difficulty: $far/" "$B" > "$WORK/far/bench.yaml"
"$DEFUSE" check "$WORK/far/bench.yaml" > "$WORK/check.txt" 2>&1 || true
expect_contains "$WORK/check.txt" "warning: the declared difficulty is $far, but random play scores" "check warning"
"$DEFUSE" check --lang zh "$WORK/far/bench.yaml" > "$WORK/check.txt" 2>&1 || true
expect_contains "$WORK/check.txt" "声明的难度是 $far" "check warning, zh"
"$DEFUSE" check "$B" > "$WORK/check.txt" 2>&1 || true
grep -q "declared difficulty" "$WORK/check.txt" && fail "no warning when they agree: $(cat "$WORK/check.txt")"

# Progress: a long run says on stderr that it is still going.
mkdir -p "$WORK/big" && cp -r "$W/archetypes" "$WORK/big/"
python3 "$W/gen_big.py" 200 > "$WORK/big/generated.yaml"
"$DEFUSE" analyze "$WORK/big/generated.yaml" --runs 200000 > /dev/null 2> "$WORK/progress.txt" || fail "long analyze"
expect_contains "$WORK/progress.txt" "analyzing generated-200… 1 s" "progress"
echo ok
