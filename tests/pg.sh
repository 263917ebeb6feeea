# pg.sh — sourced by tests/db.sh and tests/load_bench.sh: a throwaway
# PostgreSQL 15 server in a temporary directory, listening on a Unix socket
# only (no TCP).  As root the server runs as the user postgres (initdb
# refuses root).  The caller's EXIT trap must call pg_stop.
#
#   pg_start       sets pgdir, pguser; creates and starts the cluster
#   pg_conn DB     the conninfo of database DB
#   pg_ctl_ ARGS   pg_ctl on the cluster, as its owner
#   pg_stop        stops the server at once and removes the directory
pgbin=/usr/lib/postgresql/15/bin
pgdir=""
pguser=""

as_pg() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}
pg_ctl_() { as_pg $pgbin/pg_ctl -D "$pgdir/data" -l "$pgdir/log" "$@"; }
pg_conn() { echo "host=$pgdir user=$pguser dbname=$1"; }
pg_up() { pg_ctl_ -w -o "-k $pgdir -c listen_addresses='' -c fsync=off -c max_connections=40" start >/dev/null; }

pg_start() {
  [ -x $pgbin/initdb ] || { echo "$pgbin/initdb is missing (Debian postgresql-15)" >&2; return 1; }
  pgdir=$(mktemp -d /tmp/belopp-pg.XXXXXX) || return 1
  chmod 755 "$pgdir"
  if [ "$(id -u)" = 0 ]; then chown postgres "$pgdir"; pguser=postgres; else pguser=$(id -un); fi
  if ! as_pg $pgbin/initdb -D "$pgdir/data" -A trust -U "$pguser" -E UTF8 --locale C --no-sync \
      >"$pgdir/initdb.log" 2>&1; then
    echo "initdb failed: $(tail -5 "$pgdir/initdb.log")" >&2
    return 1
  fi
  # A login that is always refused (tests/db.sh: pg-login-refused).
  printf 'local all intruder reject\nlocal all all trust\n' >"$pgdir/data/pg_hba.conf"
  pg_up || { echo "the PostgreSQL server did not start: $(tail -5 "$pgdir/log")" >&2; return 1; }
}

pg_stop() {
  if [ -n "$pgdir" ]; then
    pg_ctl_ -m immediate stop >/dev/null 2>&1
    rm -rf "$pgdir"
    pgdir=""
  fi
}
