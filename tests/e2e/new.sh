# `defuse new scenario|archetype ID` writes a small, commented starting file that names its
# schema on the first line and checks clean with no warning, and never writes over a file.
source "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$WORK"

# A new archetype and a scenario on it, in a folder of their own: no error, no warning.
"$DEFUSE" new archetype worried > out.txt
expect_eq "$(cat out.txt)" "wrote ./worried.yaml (a new archetype to start from); check it with: defuse check ./worried.yaml" "new archetype"
"$DEFUSE" new scenario light-back --archetype worried > out.txt
expect_contains out.txt "wrote ./light_back.yaml" "new scenario (a scenario's '-' as '_' in the file name)"
"$DEFUSE" check . > check.txt 2> summary.txt || { cat check.txt; fail "the new files have errors"; }
[ ! -s check.txt ] || { cat check.txt; fail "the new files have warnings"; }
expect_contains summary.txt "checked 2 files: 0 errors, 0 warnings" "check summary"

# The first line names the schema; outside the source tree, by its full path.
expect_eq "$(head -1 light_back.yaml)" "# yaml-language-server: \$schema=$ROOT/schema/scenario.schema.json" "scenario schema line"
expect_eq "$(head -1 worried.yaml)" "# yaml-language-server: \$schema=$ROOT/schema/archetype.schema.json" "archetype schema line"
grep -q "^kind: scenario$" light_back.yaml && grep -q "^id: light-back " light_back.yaml || fail "scenario id"
grep -q "^id: worried " worried.yaml || fail "archetype id"
grep -q "zh:" light_back.yaml || fail "no Chinese in the scenario template"

# Never over an existing file: exit 1, the file as it was, in English or Chinese.
echo "# mine" > mine.yaml
set +e
"$DEFUSE" new scenario mine --output mine.yaml > out.txt 2> err.txt; status=$?
set -e
expect_eq "$status" "1" "existing file: exit status"
expect_eq "$(cat mine.yaml)" "# mine" "existing file untouched"
expect_eq "$(cat err.txt)" "mine.yaml already exists: not overwritten (choose another id, --dir or --output)" "existing file message"
set +e
"$DEFUSE" new archetype worried --lang zh 2> err.txt; status=$?
set -e
expect_eq "$status" "1" "existing archetype: exit status"
expect_eq "$(cat err.txt)" "./worried.yaml 已存在：未覆盖（换一个标识符，或用 --dir、--output）" "existing file message (zh)"
set +e
"$DEFUSE" new scenario "late parts" 2> err.txt; status=$?
set -e
expect_eq "$status" "2" "bad id: exit status"
expect_contains err.txt "“late parts” is not an id" "bad id message"
[ ! -e "late parts.yaml" ] && [ ! -e "late_parts.yaml" ] || fail "a file was written for a bad id"

# In a copy of the bundled library, on the default archetype (furious), with a relative
# schema path: clean too, and the path leads to the schema.
mkdir -p "$ROOT/build-new-test-$$" 2>/dev/null && lib="$ROOT/build-new-test-$$/lib" || lib=""
if [ -n "$lib" ]; then
  trap 'rm -rf "$WORK" "$ROOT/build-new-test-$$"' EXIT
  cp -r "$SCENARIOS" "$lib"
  "$DEFUSE" new scenario warning-light --dir "$lib" > /dev/null
  "$DEFUSE" check "$lib/warning_light.yaml" > check.txt 2>&1 || { cat check.txt; fail "new scenario in the library"; }
  expect_contains check.txt "0 errors, 0 warnings" "new scenario in the library"
  line=$(head -1 "$lib/warning_light.yaml")
  expect_eq "$line" "# yaml-language-server: \$schema=../../schema/scenario.schema.json" "relative schema line"
  [ -f "$lib/${line#*\$schema=}" ] || fail "the relative schema path does not lead to the schema"
fi
echo "new: ok"
