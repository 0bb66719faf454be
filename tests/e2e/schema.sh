# The JSON Schemas in schema/ accept every bundled file and reject broken ones, checked with
# ajv (tests/node, installed by scripts/setup with npm ci) as an editor's yaml-language-server
# would; every bundled file names its schema on its first line.
source "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
NODE_DIR="$ROOT/tests/node"
[ -d "$NODE_DIR/node_modules/ajv" ] || fail "ajv is not installed: run scripts/setup (npm ci in tests/node)"
validate() { node "$NODE_DIR/validate.mjs" "$ROOT/schema" "$@"; }

# Every bundled file is valid.
bundled=("$SCENARIOS"/*.yaml "$SCENARIOS"/archetypes/*.yaml)
validate "${bundled[@]}" > "$WORK/bundled.txt" || { cat "$WORK/bundled.txt"; fail "a bundled file does not match its schema"; }
expect_eq "$(grep -c ': ok$' "$WORK/bundled.txt")" "${#bundled[@]}" "bundled files validated"

# Every bundled file names the schema of its kind on its first line, by a path relative to it.
for f in "${bundled[@]}"; do
  first=$(head -1 "$f")
  [[ "$first" == "# yaml-language-server: \$schema="* ]] || fail "$f: the first line is not the schema line: $first"
  kind=$(sed -n 's/^kind: *\([a-z]*\).*/\1/p' "$f" | head -1)
  schema="$(dirname "$f")/${first#*\$schema=}"
  [ -f "$schema" ] || fail "$f: the schema line names $schema, which does not exist"
  expect_eq "$(cd "$(dirname "$schema")" && pwd -P)/$(basename "$schema")" "$(cd "$ROOT/schema" && pwd -P)/$kind.schema.json" "$f: the schema of kind $kind"
done

# The starting files `defuse new` writes are valid too.
(cd "$WORK" && "$DEFUSE" new archetype worried > /dev/null && "$DEFUSE" new scenario light-back --archetype worried > /dev/null)
validate "$WORK/worried.yaml" "$WORK/light_back.yaml" > "$WORK/new.txt" || { cat "$WORK/new.txt"; fail "defuse new writes a file its schema rejects"; }

# Broken files, each one mistake away from a bundled one, are rejected at the right place.
scenario="$SCENARIOS/brake_pads_furious.yaml"
archetype="$SCENARIOS/archetypes/furious.yaml"
curriculum="$SCENARIOS/curriculum.yaml"
broken() {  # NAME SOURCE SED-EXPRESSION EXPECTED-OUTPUT
  sed -e "$3" "$2" > "$WORK/$1.yaml"
  cmp -s "$2" "$WORK/$1.yaml" && fail "$1: the edit changed nothing"
  if validate "$WORK/$1.yaml" > "$WORK/$1.txt"; then cat "$WORK/$1.txt"; fail "$1: accepted"; fi
  expect_contains "$WORK/$1.txt" "$4" "$1"
}
broken unknown_tag "$scenario" '0,/tags: \[ownership/s//tags: [ownershp/' "/tags/0: must be equal to one of the allowed values"
broken difficulty "$scenario" 's/^difficulty: 4/difficulty: 7/' "/difficulty: must be <= 5"
broken mood_range "$scenario" 's/mood: {trust: 15}/mood: {trust: 150}/' "/customer/mood/trust: must be <= 100"
broken misspelt_key "$scenario" 's/^channel:/chanel:/' "must NOT have additional properties (chanel)"
broken bad_channel "$scenario" 's/^channel: in_person/channel: shop/' "/channel: must be equal to one of the allowed values"
broken bad_quality "$scenario" '0,/quality: best/s//quality: great/' "/quality: must be equal to one of the allowed values"
broken effect_range "$scenario" 's/effect: {anger: -3}/effect: {anger: -300}/' "/effect/anger: must be >= -100"
broken bad_look "$scenario" '/^  look:/d;s/^  name: .*/&\n  look: {gender: man, hair: curly}/' "/customer/look/hair: must be equal to one of the allowed values"
broken no_next "$scenario" '0,/^ *next: .*/s///' "must have required property 'next'"
broken escalate_angr "$archetype" 's/escalate_anger:/escalate_angr:/' "/thresholds: must NOT have additional properties (escalate_angr)"
broken befor "$archetype" '0,/^    before:/s//    befor:/' "must NOT have additional properties (befor)"
broken scale "$archetype" '0,/^  - tag: \(.*\)/s//  - tag: \1\n    scale: 9/' "/order_rules/0/scale: must be <= 5"
broken bad_id "$archetype" 's/^id: furious/id: very furious/' "/id: must match pattern"
broken no_statement "$curriculum" '0,/^    statement:/s//    statment:/' "must have required property 'statement'"
echo "schema: ok"
