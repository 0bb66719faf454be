# A run whose replay cannot be written never starts, and a write that fails mid-run stops the
# run with a clear message, keeps the last good replay and never says "saved".
source "$(dirname "$0")/lib.sh"
scenario="$DATA/scenarios/feature.yaml"
played() { grep -q "Turn 1" "$1"; }

# --- The replay cannot be written: nothing is played, exit 4 (a folder without --force: 2).
echo "a file, not a folder" > "$WORK/notafolder"
mkdir "$WORK/folder"
for target in "$WORK/missing/run.yaml" "$WORK/notafolder/run.yaml" "$WORK/folder"; do
  status=0
  "$DEFUSE" play "$scenario" --seed 1 --choices 4,1,2 --record "$target" --force > "$WORK/out.txt" 2> "$WORK/err.txt" || status=$?
  expect_eq "$status" 4 "exit status when the replay cannot be written ($target)"
  expect_contains "$WORK/err.txt" "the replay cannot be recorded: cannot write $target" "names the file ($target)"
  expect_contains "$WORK/err.txt" "Nothing was played" "says the run did not start ($target)"
  played "$WORK/out.txt" && fail "played a run it could not record ($target)"
  grep -q "saved" "$WORK/out.txt" && fail "claims a save it did not make ($target)"
done
[ -e "$WORK/missing" ] && fail "made a folder the user did not ask for"
status=0
"$DEFUSE" play "$scenario" --seed 1 --choices 4,1,2 --record "$WORK/missing/zh.yaml" --lang zh > "$WORK/zh.txt" 2> "$WORK/zh.err" || status=$?
expect_eq "$status" 4 "the same in Chinese"
expect_contains "$WORK/zh.err" "无法记录回放" "the message is in the player's language"

# A read-only folder and a folder without permission: root writes anywhere, so as nobody.
if command -v setpriv > /dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups true 2> /dev/null &&
   setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$DEFUSE"; then
  chmod 755 "$WORK"
  mkdir "$WORK/readonly" "$WORK/private"
  chmod 555 "$WORK/readonly"
  chmod 700 "$WORK/private"
  for target in "$WORK/readonly/run.yaml" "$WORK/private/run.yaml"; do
    status=0
    setpriv --reuid=65534 --regid=65534 --clear-groups "$DEFUSE" play "$scenario" --seed 1 --choices 4,1,2 \
      --record "$target" > "$WORK/out.txt" 2> "$WORK/err.txt" || status=$?
    expect_eq "$status" 4 "exit status as nobody ($target)"
    expect_contains "$WORK/err.txt" "cannot write $target: Permission denied" "permission denied ($target)"
    played "$WORK/out.txt" && fail "played a run it could not record ($target)"
  done
else
  echo "SKIP: read-only and private folders: running as root and cannot switch to the user nobody"
fi

# --- A file-size limit reached mid-run (ulimit -f; 1 KiB blocks in bash). A chain of nodes
# makes a replay that grows past 2 KiB after a few answers. The player ignores SIGXFSZ, so the
# write fails with EFBIG instead of killing it silently.
chain="$WORK/chain.yaml"
{
  echo "kind: scenario"; echo "id: chain"; echo "title: {en: Chain, zh: 链}"
  echo "briefing: {en: A long chain., zh: 一条长链。}"
  echo "customer: {archetype: $DATA/scenarios/archetypes/tester.yaml}"
  echo "nodes:"
  for i in $(seq 1 20); do
    next="n$((i + 1))"; [ "$i" -eq 20 ] && next=done
    echo "  n$i:"
    echo "    say: {en: Line $i., zh: 第 $i 句。}"
    echo "    answers:"
    echo "      - {id: a$i, text: {en: Answer $i., zh: 回答 $i。}, tags: [listening], next: $next, note: {en: N., zh: 注。}}"
    echo "      - {id: b$i, text: {en: Other $i., zh: 另一个 $i。}, tags: [empathy], next: $next, note: {en: N., zh: 注。}}"
  done
  echo "endings:"
  echo "  done: {kind: resolved, title: {en: Done, zh: 完}, say: {en: Bye., zh: 再见。}}"
} > "$chain"
"$DEFUSE" check -q "$chain" > /dev/null || fail "the generated chain scenario does not load"
choices=$(seq -s, 1 20 | sed 's/[0-9]\+/1/g')
# stdout goes through a pipe: the limit holds for every file the player writes.
set +e
( ulimit -f 2; exec "$DEFUSE" play "$chain" --seed 1 --choices "$choices" --record "$WORK/limited.yaml" ) \
  2> "$WORK/err.txt" | cat > "$WORK/out.txt"
status=${PIPESTATUS[0]}
set -e
expect_eq "$status" 4 "exit status when a write fails mid-run"
expect_contains "$WORK/err.txt" "cannot save the replay: cannot write $WORK/limited.yaml: File too large (the old file is unchanged). The run stops here" "the size limit is named"
grep -q "saved to" "$WORK/out.txt" && fail "claims a save it did not make (file-size limit)"
grep -q "Score:" "$WORK/out.txt" && fail "played on to a debrief after the replay stopped being written"
ls -A "$WORK" | grep -q '\.tmp' && fail "a temporary file was left behind"
kept=$(sed -n 's/.*keeps the last copy saved (\([0-9]*\) answers).*/\1/p' "$WORK/err.txt")
[ -n "$kept" ] && [ "$kept" -gt 0 ] && [ "$kept" -lt 20 ] || fail "how many answers the file keeps: [$kept]"
answered=$(grep -c "^> " "$WORK/out.txt")
expect_eq "$answered" "$((kept + 1))" "the run stopped at the answer it could not write"
"$DEFUSE" score "$WORK/limited.yaml" > "$WORK/score.txt" 2> "$WORK/score.err" || true
expect_contains "$WORK/score.err" "interrupted after $kept turns" "the last good replay loads with every saved turn"
echo "unsaved replay: ok"
