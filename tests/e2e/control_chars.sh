# Text from a scenario file never drives the terminal: escape sequences and other control
# characters in the title, the customer's lines and the answers are shown escaped by play.
# (A trainee's name in score: scripted_play.sh.)
source "$(dirname "$0")/lib.sh"
cp "$DATA/scenarios/archetypes/tester.yaml" "$WORK/"
sed -e 's/archetype: tester/archetype: tester.yaml/' \
    -e 's/title: {en: Feature test,/title: {en: "Feature\\e[2J test",/' \
    -e 's/Six months and the pads are gone!/"Six months\\e[H gone\\a"/' \
    -e 's/That must have been alarming. Tell me everything./"Tell\\e[31m me"/' \
    "$DATA/scenarios/feature.yaml" > "$WORK/escapes.yaml"
grep -q 'e\[2J' "$WORK/escapes.yaml" || fail "the test scenario was not made"
"$DEFUSE" play "$WORK/escapes.yaml" --seed 1 --choices 4,1,2 > "$WORK/out.txt" 2>&1 || fail "the run"
grep -q $'[\x01-\x08\x0b-\x1f\x7f]' "$WORK/out.txt" && fail "a control character reached the terminal"
expect_contains "$WORK/out.txt" 'Feature\x1b[2J test' "the title, escaped"
expect_contains "$WORK/out.txt" 'Six months\x1b[H gone\x07' "the customer's line, escaped"
expect_contains "$WORK/out.txt" 'Tell\x1b[31m me' "an answer, escaped"
echo "control characters: ok"
