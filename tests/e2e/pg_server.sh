# A real PostgreSQL 15 server for a test: initdb into a temporary folder as an unprivileged
# user (nobody when run as root), password authentication, a free port on 127.0.0.1; stopped
# and removed at the end. Sourced after lib.sh. Sets PG_URL (with the password), PG_PASSWORD,
# PG_PORT, and psql_q SQL (prints the result, unaligned). Exits 77 (CTest: skipped) with a
# clear message only where the server cannot start.
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
skip() { echo "SKIP: $*" >&2; exit 77; }
[ -x "$PGBIN/initdb" ] && [ -x "$PGBIN/pg_ctl" ] || skip "no PostgreSQL server binaries in $PGBIN (apt-get install postgresql-15)"
PGROOT=$(mktemp -d /tmp/defuse-pg.XXXXXX)
chmod 755 "$PGROOT"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  chown nobody "$PGROOT"
  as_pg=(runuser -u nobody --)
fi
PG_PASSWORD="s3cret-Pw-$$"
echo "$PG_PASSWORD" > "$PGROOT/pw"
[ "$(id -u)" -eq 0 ] && chown nobody "$PGROOT/pw"
PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
pg_stop() {
  "${as_pg[@]}" "$PGBIN/pg_ctl" -D "$PGROOT/data" -m immediate stop > /dev/null 2>&1 || true
  rm -rf "$PGROOT"
}
trap 'pg_stop; rm -rf "$WORK"' EXIT
"${as_pg[@]}" "$PGBIN/initdb" -D "$PGROOT/data" -U defuse --auth=scram-sha-256 \
  --pwfile="$PGROOT/pw" --no-sync -E UTF8 > "$PGROOT/initdb.log" 2>&1 ||
  { cat "$PGROOT/initdb.log"; skip "initdb failed"; }
"${as_pg[@]}" "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 60 \
  -o "-p $PG_PORT -k $PGROOT -c listen_addresses=127.0.0.1 -c fsync=off" start > /dev/null 2>&1 ||
  { cat "$PGROOT/server.log"; skip "the PostgreSQL server did not start"; }
PG_URL="postgresql://defuse:$PG_PASSWORD@127.0.0.1:$PG_PORT/postgres"
psql_q() { PGPASSWORD="$PG_PASSWORD" "$PGBIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U defuse -d "${PGDB:-postgres}" -Atq -c "$1"; }
