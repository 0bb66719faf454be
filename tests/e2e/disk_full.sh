# The disk fills during a recorded run: the player stops at the answer it cannot write, says so,
# keeps the last good replay (no answer it saved is lost, no temporary file is left) and never
# says "saved". The full disk is real: a small tmpfs in a private mount namespace (unshare; a
# user namespace makes it work without root). Where the sandbox forbids that, the test says SKIP.
source "$(dirname "$0")/lib.sh"
disk="$WORK/disk"
mkdir "$disk"
if ! unshare --user --map-root-user --mount true 2> /dev/null; then
  echo "SKIP: disk full: this sandbox allows no private mount namespace (unshare --user --mount)"
  exit 0
fi
chain="$WORK/chain.yaml"
{
  echo "kind: scenario"; echo "id: chain"; echo "title: {en: Chain, zh: 链}"
  echo "briefing: {en: A long chain., zh: 一条长链。}"
  echo "customer: {archetype: $DATA/scenarios/archetypes/tester.yaml}"
  echo "nodes:"
  for i in $(seq 1 40); do
    next="n$((i + 1))"; [ "$i" -eq 40 ] && next=done
    echo "  n$i:"
    echo "    say: {en: Line $i., zh: 第 $i 句。}"
    echo "    answers:"
    echo "      - {id: a$i, text: {en: Answer $i., zh: 回答 $i。}, tags: [listening], next: $next, note: {en: N., zh: 注。}}"
  done
  echo "endings:"
  echo "  done: {kind: resolved, title: {en: Done, zh: 完}, say: {en: Bye., zh: 再见。}}"
} > "$chain"
choices=$(seq -s, 1 40 | sed 's/[0-9]\+/1/g')
# 16 pages of 4 KiB, all but two filled: the replay fits until it needs a second page while
# the old copy still holds one (an atomic replace needs room for both).
export DEFUSE chain choices disk
set +e
unshare --user --map-root-user --mount bash -c '
  mount -t tmpfs -o size=64k tmpfs "$disk" || exit 90
  dd if=/dev/zero of="$disk/filler" bs=4096 count=14 2> /dev/null || exit 91
  "$DEFUSE" play "$chain" --seed 1 --choices "$choices" --record "$disk/run.yaml" > "$disk/../out.txt" 2> "$disk/../err.txt"
  status=$?
  cp "$disk/run.yaml" "$disk/../kept.yaml" 2> /dev/null
  ls -A "$disk" > "$disk/../listing.txt"
  exit $status'
status=$?
set -e
[ "$status" -eq 90 ] && { echo "SKIP: disk full: cannot mount a tmpfs here"; exit 0; }
expect_eq "$status" 4 "exit status when the disk fills mid-run"
expect_contains "$WORK/err.txt" "cannot write $disk/run.yaml: No space left on device (the old file is unchanged). The run stops here" "the full disk is named"
grep -q "saved to" "$WORK/out.txt" && fail "claims a save it did not make (disk full)"
grep -q "Score:" "$WORK/out.txt" && fail "played on after the replay stopped being written"
grep -q '\.tmp' "$WORK/listing.txt" && fail "a temporary file was left on the full disk"
kept=$(sed -n 's/.*keeps the last copy saved (\([0-9]*\) answers).*/\1/p' "$WORK/err.txt")
[ -n "$kept" ] && [ "$kept" -gt 0 ] && [ "$kept" -lt 40 ] || fail "how many answers the file keeps: [$kept]"
expect_eq "$(grep -c '^> ' "$WORK/out.txt")" "$((kept + 1))" "the run stopped at the answer it could not write"
"$DEFUSE" score "$WORK/kept.yaml" --scenarios "$WORK" > "$WORK/score.txt" 2> "$WORK/score.err" || true
expect_contains "$WORK/score.err" "interrupted after $kept turns" "every saved answer is in the replay"
echo "disk full: ok"
