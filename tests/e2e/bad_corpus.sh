# Every file in tests/data/bad/ gives exactly the diagnostics in FILE.expected, and the exit
# status that goes with them; nothing crashes. Scenario and archetype files go through
# `defuse check`, replays (bad/replay/) through `defuse score`. Files that cannot be
# committed (a folder, an unreadable file, a huge file, a device) are made here.
# BAD_CORPUS_UPDATE=1 rewrites the .expected files from the current output (review the diff).
source "$(dirname "$0")/lib.sh"
bad="$DATA/bad"
count=0
zh_count=0
failures=0

# Runs defuse on one input from inside its folder, so paths print as the file's bare name.
# Prints the diagnostic lines; sets $status.
# A fourth argument "zh" checks in Chinese.
diagnose() {
  local dir=$1 name=$2 kind=$3 lang=${4:-en}
  set +e
  if [ "$kind" = replay ]; then
    (cd "$dir" && "$DEFUSE" score "$name" --scenarios "$DATA/scenarios" 2>&1 >/dev/null)
  else
    (cd "$dir" && "$DEFUSE" check -q --lang "$lang" "$name" 2>&1)
  fi
  status=${PIPESTATUS[0]}
  set -e
}

# Compares output and exit status with the expectation; a crash shows as an unexpected status.
verify() {
  local label=$1 actual=$2 expected=$3 status=$4
  count=$((count + 1))
  local want=0
  grep -qE ': error: |: 错误：' <<< "$expected" && want=1
  if [ "$actual" != "$expected" ] || [ "$status" != "$want" ]; then
    failures=$((failures + 1))
    echo "FAIL: $label (exit $status, expected $want)"
    diff <(echo "$expected") <(echo "$actual") | sed 's/^/    /' || true
  fi
}

# At least as many inputs of each kind as are committed today (raise these when adding), so
# an emptied or moved folder fails here instead of passing on nothing.
declare -A at_least=([scenario]=103 [archetype]=13 [replay]=14)
for kind in scenario archetype replay; do
  inputs=$(find "$bad/$kind" -maxdepth 1 -type f ! -name '*.expected' 2> /dev/null | wc -l)
  [ "$inputs" -ge "${at_least[$kind]}" ] ||
    fail "$bad/$kind has $inputs inputs; expected at least ${at_least[$kind]}"
  for f in "$bad/$kind"/*; do
    case "$f" in *.expected) continue ;; esac
    name=$(basename "$f")
    out=$(diagnose "$bad/$kind" "$name" "$kind"; echo "status=$status")
    status=${out##*status=}
    out=${out%status=*}
    out=${out%$'\n'}
    if [ "${BAD_CORPUS_UPDATE:-0}" = 1 ]; then
      if [ -n "$out" ]; then printf '%s\n' "$out" > "$f.expected"; else : > "$f.expected"; fi
    fi
    [ -f "$f.expected" ] || fail "$f has no $name.expected"
    verify "$kind/$name" "$out" "$(cat "$f.expected")" "$status"
    # NAME.zh.expected: the same check in Chinese (the line, column and exit status as in
    # English, the words in Chinese).
    [ -f "$f.zh.expected" ] || continue
    out=$(diagnose "$bad/$kind" "$name" "$kind" zh; echo "status=$status")
    status=${out##*status=}
    out=${out%status=*}
    out=${out%$'\n'}
    if [ "${BAD_CORPUS_UPDATE:-0}" = 1 ]; then
      if [ -n "$out" ]; then printf '%s\n' "$out" > "$f.zh.expected"; else : > "$f.zh.expected"; fi
    fi
    zh_count=$((zh_count + 1))
    verify "$kind/$name (zh)" "$out" "$(cat "$f.zh.expected")" "$status"
  done
done

# Made at test time.
run_check() {  # dir name -> output, then "status=N"
  set +e
  (cd "$1" && "$DEFUSE" check -q "$2" 2>&1)
  echo "status=$?"
  set -e
}
split() { status=${1##*status=}; out=${1%status=*}; out=${out%$'\n'}; }

mkdir -p "$WORK/gen/folder.yaml"
split "$(run_check "$WORK/gen" folder.yaml)"
# A folder with no .yaml in it is only a warning; a folder named like a file is checked as a folder.
verify "a folder passed as a file" "$out" "folder.yaml: warning: no .yaml files in this folder" "$status"

# Where a file is expected (a scenario to play, a replay to score), a folder is an error.
set +e
out=$(cd "$WORK/gen" && "$DEFUSE" play folder.yaml --choices 1 2>&1 >/dev/null); status=$?
set -e
verify "a folder passed to play" "$out" "folder.yaml: error: this is a folder, not a file" "$status"
set +e
out=$(cd "$WORK/gen" && "$DEFUSE" score folder.yaml 2>&1 >/dev/null); status=$?
set -e
verify "a folder passed to score" "$out" "folder.yaml: error: this is a folder, not a file" "$status"

head -c $((9 * 1024 * 1024)) /dev/zero | tr '\0' '#' > "$WORK/gen/huge.yaml"
split "$(run_check "$WORK/gen" huge.yaml)"
verify "a huge file" "$out" "huge.yaml: error: the file is too large (9216 KiB; at most 8192 KiB)" "$status"

split "$(run_check /dev null)"
verify "a device" "$out" "null: error: this is not a regular file" "$status"

split "$(run_check "$WORK/gen" missing.yaml)"
verify "a file that does not exist" "$out" "missing.yaml: error: no such file" "$status"

cp "$bad/scenario/missing_next.yaml" "$WORK/gen/locked.yaml"
chmod 000 "$WORK/gen/locked.yaml"
if [ "$(id -u)" -ne 0 ]; then
  split "$(run_check "$WORK/gen" locked.yaml)"
  verify "an unreadable file" "$out" "locked.yaml: error: cannot open the file: Permission denied" "$status"
elif command -v setpriv > /dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups true 2> /dev/null &&
     setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$DEFUSE"; then
  # Root reads any file, so run defuse as nobody, for whom the permissions hold.
  chmod 755 "$WORK" "$WORK/gen"
  set +e
  out=$(cd "$WORK/gen" && setpriv --reuid=65534 --regid=65534 --clear-groups "$DEFUSE" check -q locked.yaml 2>&1)
  status=$?
  set -e
  verify "an unreadable file (as nobody)" "$out" "locked.yaml: error: cannot open the file: Permission denied" "$status"
else
  echo "SKIP: an unreadable file: running as root and cannot switch to the user nobody, so permissions do not stop reads"
fi

# --strict: every warning is an error, and the exit status says so.
set +e
out=$(cd "$bad/scenario" && "$DEFUSE" check -q --strict lint_same_text.yaml 2>&1); status=$?
set -e
verify "--strict" "$out" "lint_same_text.yaml:20:9: error: answers 1 and 2 of node 'start' have the same 'en' text" "$status"
set +e
out=$(cd "$bad/scenario" && "$DEFUSE" check -q --strict --lang zh lint_same_text.yaml 2>&1); status=$?
set -e
verify "--strict (zh)" "$out" "lint_same_text.yaml:20:9: 错误：节点「start」的第 1 个和第 2 个回答的「en」文本相同" "$status"

# check DIR: a broken archetype's error shows once, at the archetype, however many scenarios
# use it; a rule whose cue no scenario of the archetype gives is a warning at the rule.
mkdir -p "$WORK/lib/archetypes"
cp "$bad/archetype/typo_threshold.yaml" "$WORK/lib/archetypes/"
sed 's#../archetype/typo_threshold.yaml#typo_threshold#' "$bad/scenario/archetype_errors_once.yaml" > "$WORK/lib/one.yaml"
sed 's/^id: bad-base/id: bad-two/' "$WORK/lib/one.yaml" > "$WORK/lib/two.yaml"
split "$(run_check "$WORK" lib)"
verify "check DIR: an archetype's error once" "$out" "lib/archetypes/typo_threshold.yaml:7:3: error: unknown key 'escalate_angr'; did you mean 'escalate_anger'? (in thresholds; ignoring it would change what thresholds does)
lib/one.yaml:4:23: error: archetype 'typo_threshold' has errors (reported at lib/archetypes/typo_threshold.yaml)
lib/two.yaml:4:23: error: archetype 'typo_threshold' has errors (reported at lib/archetypes/typo_threshold.yaml)" "$status"
set +e
json=$(cd "$WORK" && "$DEFUSE" check --json lib/one.yaml 2>&1)
set -e
grep -q '"errors": 2,' <<< "$json" || fail "check --json FILE: the scenario's error and the archetype's, 2 in all: $json"
sed 's/escalate_angr/escalate_anger/' "$bad/archetype/typo_threshold.yaml" |
  sed 's/^id: typo_threshold/id: cued/' > "$WORK/lib/archetypes/cued.yaml"
printf '  - tag: ownership\n    cue: demand_manager\n    effect: {anger: 5}\n' >> "$WORK/lib/archetypes/cued.yaml"
rm "$WORK/lib/archetypes/typo_threshold.yaml" "$WORK/lib/two.yaml"
sed 's#archetype: typo_threshold#archetype: cued#' "$WORK/lib/one.yaml" > "$WORK/lib/two.yaml"
rm "$WORK/lib/one.yaml"
split "$(run_check "$WORK" lib)"
verify "check DIR: a rule's cue no scenario gives" "$out" "lib/archetypes/cued.yaml:17:5: warning: order rule 2 needs the cue 'demand_manager', which no scenario checked with this archetype gives
$(cd "$WORK" && "$DEFUSE" check -q lib/two.yaml 2>&1)" "$status"

echo "bad corpus: $count checks ($zh_count of them in Chinese), $failures failed"
[ "$failures" -eq 0 ] || fail "$failures of $count bad inputs gave other diagnostics than expected"
echo "bad corpus: ok"
