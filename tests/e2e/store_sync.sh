# defuse sync: two sites push their attempts into a real central PostgreSQL store at once;
# a sync killed with SIGKILL at random points and run again (25 times) never duplicates or
# loses a row; report and store list read the central store; a server that is down or refuses
# gives a clear error (en/zh), exits non-zero and leaves the local store as it was; the
# password never shows.
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/lib.sh"
source "$HERE/pg_server.sh"
cd "$WORK"
export DEFUSE_SCENARIOS="$SCENARIOS"

site() {  # site NAME: the environment of one site's computer
  export XDG_DATA_HOME="$WORK/$1/data" XDG_CONFIG_HOME="$WORK/$1/config"
}
# Two sites, each with its class; one replay is at both (copied): it is one attempt.
site north; "$DEFUSE" store site North > /dev/null
"$DEFUSE" store class "$WORK/north/replays" --trainees 6 --scenario-count 4 --runs 2 --seed 11 > /dev/null
site south; "$DEFUSE" store site South > /dev/null
"$DEFUSE" store class "$WORK/south/replays" --trainees 6 --scenario-count 4 --runs 2 --seed 22 > /dev/null
cp "$WORK/north/replays/t001/$(ls "$WORK/north/replays/t001" | head -1)" "$WORK/south/replays/shared.yaml"
for s in north south; do
  site $s
  "$DEFUSE" store import "$WORK/$s/replays" > /dev/null || fail "$s: import"
done
ids() { site "$1"; "$DEFUSE" store list | awk -F'\t' 'NR>1 && NF>5 {print $11}'; }
{ ids north; ids south; } | sort -u > distinct.txt
expect_eq "$(wc -l < distinct.txt)" 96 "distinct attempts at the two sites (48 + 49 - 1 shared)"

# [1] Both sites at once.
(site north; "$DEFUSE" sync --to "$PG_URL" --batch 7 > north.out 2>&1; echo $? > north.rc) &
(site south; "$DEFUSE" sync --to "$PG_URL" --batch 5 > south.out 2>&1; echo $? > south.rc) &
wait
expect_eq "$(cat north.rc)/$(cat south.rc)" "0/0" "both syncs succeed ($(cat north.out south.out))"
expect_eq "$(psql_q 'SELECT count(*), count(DISTINCT content_id) FROM defuse_attempts')" "96|96" "central rows after two concurrent syncs"
psql_q "SELECT substr(content_id,1,16) FROM defuse_attempts" | sort > central.txt
diff distinct.txt central.txt > /dev/null || fail "central ids differ from the sites' attempts"
# The shared attempt is the site's that pushed it first.
north=$(psql_q "SELECT count(*) FROM defuse_attempts WHERE site='North'")
[ "$north" -eq 47 ] || [ "$north" -eq 48 ] || fail "North's rows: $north"
# Again: nothing new, nothing doubled.
site north
"$DEFUSE" sync --to "$PG_URL" > again.out 2>&1 || fail "second sync"
expect_contains again.out "0 new" "a second sync pushes nothing"
expect_eq "$(psql_q 'SELECT count(*) FROM defuse_attempts')" 96 "rows after a repeated sync"

# Every replay kept centrally is the attempt its content id names: exported, indexed afresh.
mkdir exported
psql_q "SELECT content_id FROM defuse_attempts" | while read -r id; do
  psql_q "SELECT replay FROM defuse_attempts WHERE content_id='$id'" > "exported/$id.yaml"
done
"$DEFUSE" store --store exported.sqlite import exported > /dev/null || fail "import of the central replays"
"$DEFUSE" store --store exported.sqlite list | awk -F'\t' 'NR>1 && NF>5 {print $11}' | sort > exported.txt
diff central.txt exported.txt > /dev/null || fail "a central replay's content id does not match its row"

# [2] Reading the central store: store list --from and report --from.
"$DEFUSE" store list --from "$PG_URL" --site South > list.out 2> list.err || fail "store list --from"
expect_eq "$(awk -F'\t' 'NR>1 && NF>5' list.out | wc -l)" "$((96 - north))" "South's attempts listed from the central store"
"$DEFUSE" report --from "$PG_URL" --format csv -o central.csv > report.out 2>&1 || { cat report.out; fail "report --from"; }
expect_eq "$(($(wc -l < central.csv) - 1))" 96 "report --from: one CSV row per central attempt"
"$DEFUSE" report --from "$PG_URL" --site North --format html --lang zh -o north.html > /dev/null 2>&1 || fail "report --from --site (zh)"

# The class dashboard on the central store (gui --store postgresql://...), under Xvfb: the
# run opened from it is fetched from the central store and re-scored to the same score.
commands=$("$DEFUSE" --help 2>&1)
if command -v xvfb-run > /dev/null && grep -qE "^ +gui " <<< "$commands"; then  # a desktop build
  xvfb-run -a -s "-screen 0 1280x800x24" "$DEFUSE" gui --dashboard --store "$PG_URL" \
    --screenshots "$WORK/shots" > gui.out 2>&1 < /dev/null || { cat gui.out; fail "gui --dashboard --store postgresql://"; }
  grep -qx "dashboard: 96 attempts, 6 trainees, 4 scenarios, [0-9]* frequent mistakes" gui.out ||
    { cat gui.out; fail "the dashboard over the central store"; }
  opened=$(sed -n 's/^opened: .* score \([0-9]*\) in the replay viewer$/\1/p' gui.out)
  grep -qx "viewer score: $opened" gui.out || { cat gui.out; fail "the run opened from the central store"; }
else
  echo "(no xvfb-run or no desktop build: the dashboard over the central store is not drawn)"
fi

# [3] A sync killed with SIGKILL at random points, and run again.
PGDB=postgres psql_q "CREATE DATABASE killtest" > /dev/null
KILL_URL="postgresql://defuse:$PG_PASSWORD@127.0.0.1:$PG_PORT/killtest"
site east; "$DEFUSE" store site East > /dev/null
# The site goes on playing: before each sync, 60 more attempts are indexed; each sync is
# killed after a random 0-100 ms (starting, connecting, mid-batch or between batches).
for i in $(seq 1 25); do
  "$DEFUSE" store class "$WORK/east/r$i" --trainees 4 --scenario-count 5 --runs 3 --seed $((100 + i)) > /dev/null
done
kills=0
# The kill comes after a random 0..window ms. The window follows how long a sync takes on this
# machine (a release build syncs 60 attempts in tens of ms, a sanitizer build takes seconds to
# start): it halves when the sync ended first, and grows by a twentieth after a kill.
window=30
for i in $(seq 1 25); do
  "$DEFUSE" store import "$WORK/east/r$i" > /dev/null || fail "East: import $i"
  "$DEFUSE" store list > east-before.txt
  "$DEFUSE" sync --to "$KILL_URL" --batch 1 > kill.out 2>&1 &
  pid=$!
  sleep "0.$(printf '%03d' $((RANDOM % window)))"
  if kill -KILL $pid 2> /dev/null; then
    kills=$((kills + 1)); window=$((window + window / 20 + 1)); [ "$window" -le 999 ] || window=999
  else
    window=$((window / 2)); [ "$window" -ge 2 ] || window=2
  fi
  wait $pid 2> /dev/null || true
  got=$(PGDB=killtest psql_q 'SELECT count(*), count(DISTINCT content_id) FROM defuse_attempts' 2> /dev/null || echo "0|0")
  n=${got%|*}
  expect_eq "$got" "$n|$n" "after kill $i: duplicates"
  [ "$n" -le $((60 * i)) ] || fail "after kill $i: $n rows for $((60 * i)) attempts"
  "$DEFUSE" store list > east-after.txt
  diff east-before.txt east-after.txt > /dev/null || fail "the local store changed under killed sync $i"
done
[ "$kills" -ge 20 ] || fail "only $kills of the 25 syncs were killed before they ended"
# (no table yet when every sync was killed before its first commit: slow sanitizer builds)
central_before=$(PGDB=killtest psql_q 'SELECT count(*) FROM defuse_attempts' 2> /dev/null || echo 0)
"$DEFUSE" sync --to "$KILL_URL" > final.out 2>&1 || { cat final.out; fail "the sync after the kills"; }
expect_eq "$(PGDB=killtest psql_q 'SELECT count(*), count(DISTINCT content_id) FROM defuse_attempts')" "1500|1500" "central rows after $kills killed syncs and a last one"
"$DEFUSE" store list | awk -F'\t' 'NR>1 && NF>5 {print $11}' | sort > east.txt
expect_eq "$(wc -l < east.txt)" 1500 "East's attempts"
PGDB=killtest psql_q "SELECT substr(content_id,1,16) FROM defuse_attempts" | sort > east-central.txt
diff east.txt east-central.txt > /dev/null || fail "killed syncs: central ids differ from East's attempts"
echo "killed $kills of 25 syncs; $central_before of 1500 attempts were central before the last sync; now $(PGDB=killtest psql_q 'SELECT count(*) FROM defuse_attempts')"

# [4] A server that refuses (a wrong password) or is down.
BAD_URL="postgresql://defuse:wrong-Pw-$$@127.0.0.1:$PG_PORT/postgres"
"$DEFUSE" sync --to "$BAD_URL" > bad.out 2>&1 && fail "a refused sync exits 0"
expect_contains bad.out "Cannot reach the central store postgresql://defuse:***@127.0.0.1:$PG_PORT/postgres" "refused: the message"
expect_contains bad.out "the local store keeps every attempt" "refused: the local store"
grep -q "wrong-Pw" bad.out && fail "the password shows in: $(cat bad.out)"
"${as_pg[@]}" "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast stop > /dev/null 2>&1
"$DEFUSE" store class "$WORK/east/more" --trainees 1 --scenario-count 1 --runs 1 --seed 44 > /dev/null
"$DEFUSE" store import "$WORK/east/more" > /dev/null
"$DEFUSE" store list > east-down-before.txt
rc=0; "$DEFUSE" sync --to "$KILL_URL" > down.out 2>&1 || rc=$?
[ $rc -ne 0 ] || fail "a sync to a server that is down exits 0"
expect_contains down.out "Cannot reach the central store postgresql://defuse:***@127.0.0.1:$PG_PORT/killtest" "down: the message"
"$DEFUSE" sync --to "$KILL_URL" --lang zh > down.zh 2>&1 && fail "down (zh) exits 0"
expect_contains down.zh "无法连接中央成绩库" "down: the Chinese message"
"$DEFUSE" store list --from "$KILL_URL" > down.list 2>&1 && fail "store list --from a server that is down exits 0"
"$DEFUSE" report --from "$KILL_URL" --format csv -o x.csv > down.report 2>&1 && fail "report --from a server that is down exits 0"
expect_contains down.report "Cannot reach the central store" "report --from: down"
"$DEFUSE" store list > east-down-after.txt
diff east-down-before.txt east-down-after.txt > /dev/null || fail "the local store changed after a failed sync"
expect_eq "$(awk -F'\t' 'NR>1 && NF>5' east-down-after.txt | wc -l)" 1501 "the attempt left for the next sync is kept"
for f in *.out *.err *.zh *.list *.report *.csv *.html; do
  grep -q "$PG_PASSWORD" "$f" && fail "the password shows in $f"
done
# Back up: the attempt left behind goes at the next sync.
"${as_pg[@]}" "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 60 \
  -o "-p $PG_PORT -k $PGROOT -c listen_addresses=127.0.0.1 -c fsync=off" start > /dev/null 2>&1
"$DEFUSE" sync --to "$KILL_URL" > up.out 2>&1 || fail "sync after the server came back"
expect_contains up.out "1 new" "the attempt left behind"
echo "store_sync: ok"
