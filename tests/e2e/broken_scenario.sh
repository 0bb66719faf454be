# A broken scenario gives the expected diagnostics and exit status; a good one exits 0.
source "$(dirname "$0")/lib.sh"
mkdir -p "$WORK/s/archetypes"
cp "$DATA/scenarios/archetypes/tester.yaml" "$WORK/s/archetypes/"
sed -e 's/next: plan$/next: plna/' -e 's/tags: \[ownership\]/tags: [ownershp]/' "$DATA/scenarios/feature.yaml" > "$WORK/s/broken.yaml"
cd "$WORK"
set +e
"$DEFUSE" check s/broken.yaml > out.txt 2> err.txt
status=$?
set -e
expect_eq "$status" 1 "check exits 1 on errors"
expect_contains out.txt "s/broken.yaml:21:16: error: unknown tag 'ownershp'; did you mean 'ownership'? (the tags are listed in scenarios/README.md)" "unknown tag"
expect_contains out.txt "s/broken.yaml:45:15: error: unknown node or ending 'plna'; did you mean 'plan'? (in answer 1 of node 'listen')" "unknown next"
expect_contains err.txt "checked 1 file: 5 errors, 0 warnings" "summary"
"$DEFUSE" check "$DATA/scenarios" > ok.txt 2>&1 || fail "the fixture folder should pass"
expect_contains ok.txt "checked 2 files: 0 errors, 0 warnings" "a clean folder"
set +e
"$DEFUSE" play s/broken.yaml --choices 1 > play.txt 2>&1
status=$?
set -e
expect_eq "$status" 1 "play refuses a broken scenario"
expect_contains play.txt "unknown tag 'ownershp'" "play shows why"
echo "broken scenario: ok"
