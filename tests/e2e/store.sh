# The local results store end to end: play --record indexes the run as it is saved; the
# store deleted and rebuilt from the replay files lists the same rows; import reports the
# replays it cannot read (with their diagnostics) and indexes the rest; the site setting;
# a store that cannot be opened never costs the replay.
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/lib.sh"
cd "$WORK"
export XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config" DEFUSE_SCENARIOS="$SCENARIOS"
"$DEFUSE" store site "Beijing North" > site.out || fail "store site"
expect_contains site.out "Beijing North" "store site"
A="$XDG_DATA_HOME/defuse/attempts"
mkdir -p "$A"
"$DEFUSE" play "$SCENARIOS/late_repair.yaml" --seed 2 --trainee "Li Ming" --record "$A/li1.yaml" \
  --choices 1,2,1,2,1,2,1,1,1,1,1,1,1 > /dev/null 2>&1 || true
"$DEFUSE" play "$SCENARIOS/brake_pads_furious.yaml" --seed 5 --mode assessment --trainee "Chen Jie" \
  --record "$A/chen1.yaml" --choices 1,1,1,1,1,1,1,1,1,1 > /dev/null 2>&1 || true
[ -f "$XDG_DATA_HOME/defuse/store.sqlite" ] || fail "play --record made no store"
"$DEFUSE" store list > list1.txt || fail "store list"
expect_contains list1.txt "Li Ming	Beijing North	late-repair" "the practice run, indexed as it was saved"
expect_contains list1.txt "Chen Jie	Beijing North	brake-pads-furious	assessment" "the assessment"
# Indexed scores are the engine's: the same as defuse score gives.
score=$("$DEFUSE" score --json "$A/li1.yaml" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["score"])')
expect_eq "$(awk -F'\t' '$2=="Li Ming" {print $6}' list1.txt)" "$score" "the stored score"
"$DEFUSE" store class "$WORK/class" --trainees 3 --scenario-count 2 --runs 2 > /dev/null
printf 'version: 1\nturns: [\n' > "$WORK/class/t001/cut.yaml"
rc=0; "$DEFUSE" store import "$WORK/class" > import.out 2> import.err || rc=$?
expect_eq "$rc" 1 "import with an unreadable replay"
expect_contains import.err "cut.yaml: cannot be indexed:" "the unreadable replay named"
expect_contains import.err "cut.yaml:2:" "its diagnostic, with its place"
expect_contains import.out "12 attempts indexed" "the others indexed"
"$DEFUSE" store list --lang zh > zh.txt
expect_contains zh.txt "共 14 次对话" "Chinese listing"
"$DEFUSE" store list --mode assessment --since 2026-09-01 > f.txt
expect_eq "$(awk -F'\t' 'NR>1 && NF>5' f.txt | wc -l)" 7 "filters: assessments since September (the class's 6 and Chen Jie's)"
"$DEFUSE" store list > before.txt
rm -f "$XDG_DATA_HOME/defuse/store.sqlite"*
"$DEFUSE" store rebuild "$A" "$WORK/class" > rebuild.out 2>&1 || true
expect_contains rebuild.out "14 attempts" "rebuilt"
"$DEFUSE" store list > after.txt
diff before.txt after.txt || fail "the rebuilt store lists other rows"
# A store that cannot be opened: the run is saved all the same, and the reason given.
rm -f "$XDG_DATA_HOME/defuse/store.sqlite"*
mkdir "$XDG_DATA_HOME/defuse/store.sqlite"
"$DEFUSE" play "$SCENARIOS/late_repair.yaml" --seed 3 --trainee "Wang Fang" --record "$A/w.yaml" \
  --choices 1,1,1,1,1,1,1,1,1,1,1,1 > play.out 2> play.err || true
[ -s "$A/w.yaml" ] || fail "the replay was not saved"
expect_contains play.err "cannot open the results store" "the store's problem said"
rc=0; "$DEFUSE" store list > bad.out 2>&1 || rc=$?
expect_eq "$rc" 3 "store list on a store that cannot be opened"
echo "store: ok"
