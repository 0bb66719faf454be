# defuse report: CSV, HTML and xAPI checked field by field against `defuse score --json`; every
# xAPI statement validated with the npm package xapi-validation (tests/xapi, npm ci from
# scripts/setup); the HTML rendered by headless Chromium.
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/lib.sh"
cd "$WORK"
S="$SCENARIOS"
"$DEFUSE" play "$S/late_repair.yaml" --seed 2 --mode assessment --trainee "Li Ming" --record li1.yaml --choices 1@5,2@6,1@4,2@7,1@5,2@6,1@4,1,1,1,1,1,1 > /dev/null 2>&1 || true
"$DEFUSE" play "$S/late_repair.yaml" --seed 3 --mode assessment --trainee "Li Ming" --record li2.yaml --choices 2@5,2@6,2@4,2@7,2@5,2@6,2@4,2,2,2,2,2,2 > /dev/null 2>&1 || true
"$DEFUSE" play "$S/late_repair.yaml" --seed 4 --mode assessment --trainee "Wang, \"Fang\"" --record wang1.yaml --choices 3@5,1@6,3@4,1@7,3@5,1@6,1@4,1,1,1,1,1,1 > /dev/null 2>&1 || true
"$DEFUSE" play "$S/brake_pads_furious.yaml" --seed 1 --trainee "=Chen Jie" --record chen1.yaml --choices 4@3,3@4,2@5,1@6,1,1,1,1,1,1,1,1 > /dev/null 2>&1 || true
"$DEFUSE" play "$S/brake_pads_furious.yaml" --seed 5 --mode assessment --trainee "Chen Jie" --record chen2.yaml --choices 1@3,1@4 > /dev/null 2>&1 || true
"$DEFUSE" keygen --out a > /dev/null
"$DEFUSE" note li2.yaml --override pass --reason "Recovered well, after a rough start" > /dev/null
"$DEFUSE" sign li1.yaml li2.yaml wang1.yaml --key a.key > /dev/null
echo "# edited" >> wang1.yaml
replays=(chen1.yaml chen2.yaml li1.yaml li2.yaml wang1.yaml)
"$DEFUSE" score --json "${replays[@]}" > score.json 2> /dev/null || true
for f in csv html xapi; do
  "$DEFUSE" report "${replays[@]}" --format $f -o "class.$f" --pub a.pub > "r.$f.txt" 2>&1 || { cat "r.$f.txt"; fail "report --format $f"; }
done
"$DEFUSE" report "${replays[@]}" --format html --lang zh -o class.zh.html > /dev/null 2>&1 || fail "report --lang zh"
"$DEFUSE" report "${replays[@]}" --format csv -o class.csv > r.txt 2>&1 && fail "report replaced its output without --force"
"$DEFUSE" report "${replays[@]}" --format xapi -o again.xapi --pub a.pub > /dev/null 2>&1 || fail "second export"
python3 - "${replays[@]}" <<'PY' || fail "report fields"
import csv, json, re, sys
replays = sys.argv[1:]
score = {s["file"]: s for s in json.load(open("score.json"))}
def field(file, key):
    m = re.search(r"^%s: (.*)$" % key, open(file).read(), re.M)
    return m.group(1).strip() if m else ""
def check(cond, what):
    if not cond:
        print("FAIL:", what); sys.exit(1)

# CSV: one row per replay, every field.
rows = list(csv.DictReader(open("class.csv", newline="")))
check([r["file"] for r in rows] == replays, "one row per replay, in order")
comps = ["ownership", "listening", "empathy", "diagnosis", "solution", "commitment"]
check(list(rows[0].keys()) == ["file", "trainee", "scenario", "scenario_hash", "scenario_changed", "mode", "date",
      "duration_s", "finished", "ending", "ending_kind", "score", "grade", "passed"] + comps +
      ["critical_mistakes", "signature", "override", "override_reason", "breaks"], "the CSV header")
for r in rows:
    f, s = r["file"], score[r["file"]]
    trainee = s["trainee"]
    check(r["trainee"] == ("'" + trainee if trainee.startswith("=") else trainee), f + " trainee " + r["trainee"])
    check(r["scenario"] == s["scenario"], f + " scenario")
    check(r["scenario_hash"] == re.search(r"hash: (\w+)", open(f).read()).group(1), f + " hash")
    check(r["scenario_changed"] == "no", f + " scenario unchanged")
    check(r["mode"] == s["mode"], f + " mode")
    check(r["date"] == field(f, "started"), f + " date")
    secs = sum(float(x) for x in re.findall(r"seconds: ([\d.]+)", open(f).read().split("\nturns:")[1]))
    check(abs(float(r["duration_s"]) - secs) < 2, f + " duration %s vs %s" % (r["duration_s"], secs))
    check(r["finished"] == ("yes" if s["finished"] else "no"), f + " finished")
    check(r["ending"] == (s["ending"] or ""), f + " ending")
    check(r["ending_kind"] == (s["ending_kind"] or ""), f + " ending kind")
    check(int(r["score"]) == s["score"] and r["grade"] == s["grade"], f + " score and grade")
    check(r["passed"] == ("yes" if s["finished"] and s["score"] >= 55 else "no"), f + " passed")
    for c in comps:
        check(int(r[c]) == s["competencies"][c], f + " competency " + c)
    crit = [l for l in s["explanation"] if l["component"] == "critical"]
    check((r["critical_mistakes"] != "") == bool(crit), f + " critical mistakes")
check({r["file"]: r["signature"] for r in rows} == {"chen1.yaml": "unsigned", "chen2.yaml": "unsigned",
      "li1.yaml": "valid", "li2.yaml": "valid", "wang1.yaml": "NOT VALID"}, "signatures")
li2 = [r for r in rows if r["file"] == "li2.yaml"][0]
check(li2["override"] == "pass" and li2["override_reason"] == "Recovered well, after a rough start", "override")
check(rows[1]["finished"] == "no", "the unfinished run")

# xAPI: statement by statement.
st = json.load(open("class.xapi"))
check(len(st) == len(replays), "one statement per replay")
again = json.load(open("again.xapi"))
check([x["id"] for x in st] == [x["id"] for x in again], "the ids are stable across exports")
check(len(set(x["id"] for x in st)) == len(st), "the ids differ between replays")
for x, f in zip(st, replays):
    s = score[f]
    check(re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", x["id"]), f + " UUID v5")
    trainee = s["trainee"]
    check(x["actor"]["account"]["name"] == trainee and x["actor"]["account"]["homePage"].startswith("https://"), f + " actor")
    practice = s["mode"] == "practice"
    verb = "completed" if practice and s["finished"] else ("passed" if s["finished"] and s["score"] >= 55 else "failed")
    check(x["verb"]["id"] == "http://adlnet.gov/expapi/verbs/" + verb, f + " verb " + x["verb"]["id"])
    h = re.search(r"hash: (\w+)", open(f).read()).group(1)
    check(x["object"]["id"].endswith("/scenarios/%s/%s" % (s["scenario"], h)), f + " object IRI with the hash")
    res = x["result"]
    check(res["score"] == {"scaled": s["score"] / 100, "raw": s["score"], "min": 0, "max": 100}, f + " score")
    check(res["success"] == (s["finished"] and s["score"] >= 55) and res["completion"] == s["finished"], f + " success, completion")
    check(re.fullmatch(r"PT(\d+H)?(\d+M)?\d+(\.\d+)?S", res["duration"]), f + " ISO 8601 duration " + res["duration"])
    check(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", x["timestamp"]), f + " timestamp with ms and zone")
    ext = x["context"]["extensions"]
    get = lambda k: [v for key, v in ext.items() if key.endswith("/xapi/" + k)][0]
    check(get("engine-version") == field(f, "engine"), f + " engine version")
    check(get("scenario-hash") == h, f + " scenario hash extension")
    check(len(get("mood-curve")) == s["turns"] + 1, f + " mood curve")
    check(len(get("critical-mistakes")) == len([l for l in s["explanation"] if l["component"] == "critical"]), f + " criticals")

# HTML: self-contained, a section per scenario, a mood curve per run.
html = open("class.html").read()
check(html.count("<section>") == 2 and html.count("<svg") == len(replays), "sections and curves")
check("http" not in re.sub(r"xmlns=\"[^\"]*\"", "", html) and "<script" not in html, "self-contained")
check("@page { size: A4" in html, "printable on A4")
zh = open("class.zh.html").read()
check("考核结果" in zh and "严重失误" in zh and 'lang="zh-CN"' in zh, "the Chinese report")
PY
[ -d "$HERE/../xapi/node_modules/xapi-validation" ] || fail "tests/xapi/node_modules is missing: run scripts/setup (npm ci in tests/xapi)"
node "$HERE/../xapi/validate.js" class.xapi || fail "xapi-validation"
# The validator does catch a bad statement.
python3 -c 'import json; s = json.load(open("class.xapi")); s[0]["verb"]["id"] = "passed"; json.dump(s, open("bad.xapi", "w"))'
node "$HERE/../xapi/validate.js" bad.xapi > /dev/null 2>&1 && fail "xapi-validation passed a verb that is not an IRI"
command -v chromium > /dev/null || fail "chromium is missing (Debian package chromium; scripts/setup installs it)"
for l in "" zh; do
  page="class${l:+.$l}.html"
  timeout 60 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=794,1123 \
    --screenshot="$WORK/shot.png" "file://$WORK/$page" > /dev/null 2>&1 || fail "chromium could not render $page"
  [ "$(stat -c %s "$WORK/shot.png")" -gt 20000 ] || fail "the screenshot of $page is empty"
  if [ -n "${REPORT_SCREENSHOTS:-}" ]; then cp "$WORK/shot.png" "$REPORT_SCREENSHOTS/report-${l:-en}.png"; fi
  rm "$WORK/shot.png"
done
echo "reports: ok"
