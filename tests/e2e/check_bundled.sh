# The bundled library passes check with no warning, and every scenario plays to an ending.
source "$(dirname "$0")/lib.sh"
"$DEFUSE" check "$SCENARIOS" > "$WORK/out.txt" 2> "$WORK/err.txt" || { cat "$WORK/out.txt"; fail "bundled scenarios have errors"; }
[ ! -s "$WORK/out.txt" ] || { cat "$WORK/out.txt"; fail "bundled scenarios have warnings"; }
played=0
for f in "$SCENARIOS"/*.yaml; do
  [ -f "$f" ] || continue
  [ "$(basename "$f")" != curriculum.yaml ] || continue  # the library's principles, not a scenario
  played=$((played + 1))
  "$DEFUSE" play "$f" --seed 3 --choices "$(printf '1,%.0s' $(seq 1 40))1" > "$WORK/play.txt" 2>&1 || { cat "$WORK/play.txt"; fail "$f does not play through"; }
  grep -q "Score: " "$WORK/play.txt" || fail "$f did not reach a debrief"
done
[ "$played" -ge 13 ] || fail "only $played scenarios in $SCENARIOS; thirteen are bundled"  # raise when adding
echo "bundled scenarios: ok"
