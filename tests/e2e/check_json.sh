# `defuse check --json` gives the diagnostics as data (file, line, column, severity, id,
# message, text): for every file of the bad corpus the same diagnostics, in the same order and
# with the same exit status, as the printed check, in English and Chinese; the id stays the same
# in both languages.
source "$(dirname "$0")/lib.sh"
command -v python3 > /dev/null || fail "python3 is missing (Debian package python3)"
count=0
for kind in scenario archetype; do
  cd "$DATA/bad/$kind"
  for f in *.yaml; do
    for lang in en zh; do
      set +e
      "$DEFUSE" check -q --lang "$lang" "$f" > "$WORK/plain.txt" 2>&1; plain=$?
      "$DEFUSE" check --json --lang "$lang" "$f" > "$WORK/out.json" 2> "$WORK/err.txt"; json=$?
      set -e
      expect_eq "$json" "$plain" "$kind/$f --lang $lang: exit status"
      [ ! -s "$WORK/err.txt" ] || { cat "$WORK/err.txt"; fail "$kind/$f: --json wrote to stderr"; }
      python3 - "$WORK/out.json" "$WORK/plain.txt" "$lang" "$kind/$f" <<'PY' || fail "$kind/$f --lang $lang"
import json, sys, unicodedata
out = json.load(open(sys.argv[1], encoding="utf-8"))
plain = open(sys.argv[2], encoding="utf-8").read().splitlines()
lang, name = sys.argv[3], sys.argv[4]
assert out["language"] == lang, out["language"]
ds = out["diagnostics"]
assert out["errors"] == sum(d["severity"] == "error" for d in ds)
assert out["warnings"] == sum(d["severity"] == "warning" for d in ds)
for d in ds:
    assert set(d) == {"file", "line", "column", "severity", "id", "message", "text"}, d
    assert isinstance(d["line"], int) and isinstance(d["column"], int) and d["line"] >= 0
    assert d["severity"] in ("error", "warning") and d["id"] and d["message"], d
# The printed check escapes control characters; the JSON carries them as they are.
printable = lambda s: "".join(c if unicodedata.category(c) != "Cc" else repr(c)[1:-1] for c in s)
texts = [d["text"] for d in ds]
if [printable(t) for t in texts] != plain and texts != plain:
    print("json:  ", texts, "\nplain: ", plain, file=sys.stderr)
    sys.exit(1)
PY
      count=$((count + 1))
    done
  done
done
[ "$count" -gt 100 ] || fail "only $count runs"

# One diagnostic field by field, in both languages.
cd "$DATA/bad/scenario"
"$DEFUSE" check --json --lang en unknown_tag.yaml > "$WORK/en.json" && fail "unknown_tag.yaml: exit 0"
"$DEFUSE" check --json --lang zh unknown_tag.yaml > "$WORK/zh.json" && fail "unknown_tag.yaml: exit 0 (zh)"
python3 - "$WORK/en.json" "$WORK/zh.json" <<'PY' || fail "unknown_tag.yaml fields"
import json, sys
en, zh = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
# the second: the answer's tag moves nothing (the test archetype has no rapport reaction)
assert en["files"] == [{"file": "unknown_tag.yaml", "kind": "scenario", "errors": 1, "warnings": 1}], en["files"]
d = en["diagnostics"][0]
assert (d["file"], d["line"], d["column"], d["severity"], d["id"]) == ("unknown_tag.yaml", 11, 25, "error", "UnknownTag"), d
assert d["message"] == "unknown tag 'empathie'; did you mean 'empathy'? (the tags are listed in scenarios/README.md)", d
assert d["text"] == "unknown_tag.yaml:11:25: error: " + d["message"], d
z = zh["diagnostics"][0]
assert z["id"] == d["id"] and z["line"] == 11 and z["column"] == 25, z
assert z["message"] != d["message"] and "empathie" in z["message"], z
PY

# A clean library: no diagnostics, exit 0.
"$DEFUSE" check --json "$SCENARIOS" > "$WORK/lib.json" || { cat "$WORK/lib.json"; fail "bundled library: exit status"; }
python3 -c 'import json,sys; o=json.load(open(sys.argv[1])); assert o["diagnostics"]==[] and o["errors"]==0 and len(o["files"])>=19, o["files"]' "$WORK/lib.json" || fail "bundled library JSON"
echo "check --json: $count runs ok"
