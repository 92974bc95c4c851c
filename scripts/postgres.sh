#!/usr/bin/env bash
# A PostgreSQL server for rehabmap's BI warehouse on loopback: Debian's PostgreSQL, installed if
# missing, one cluster in its own data folder (not the system's 15/main), a database and a login
# role for the publish job. Used by hand for local work and by scripts/test.sh before the tests.
#
#   scripts/postgres.sh start [--env]   install if needed, init if needed, start; --env prints
#                                       export lines (eval "$(scripts/postgres.sh start --env)")
#   scripts/postgres.sh env             the export lines of a running server
#   scripts/postgres.sh stop | status
#
# Settings (environment): REHABMAP_PG_PORT (default 55432), REHABMAP_PG_DIR (default
# /var/tmp/rehabmap-postgres-<port>), REHABMAP_PG_DB and REHABMAP_PG_USER (default rehabmap).
# The role's password is generated once and kept in <dir>/rehabmap.password (mode 600).
set -euo pipefail

PORT="${REHABMAP_PG_PORT:-55432}"
DIR="${REHABMAP_PG_DIR:-/var/tmp/rehabmap-postgres-$PORT}"
DATA="$DIR/data"
DB="${REHABMAP_PG_DB:-rehabmap}"
ROLE="${REHABMAP_PG_USER:-rehabmap}"
PWFILE="$DIR/rehabmap.password"

say() { echo "postgres.sh: $*" >&2; }

bindir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$d" ] && [ -x "$d/pg_ctl" ] && echo "$d"
}

install() {
  if [ -n "$(bindir)" ]; then return 0; fi
  if [ "$(id -u)" != 0 ]; then say "PostgreSQL is not installed and installing needs root: apt-get install -y postgresql"; exit 2; fi
  say "installing PostgreSQL from Debian's packages ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q postgresql >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q postgresql >/dev/null; }
  [ -n "$(bindir)" ] || { say "apt-get did not install pg_ctl"; exit 2; }
}

# The server refuses to run as root: as root, run its programs as the postgres user.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

running() {
  [ -f "$DATA/PG_VERSION" ] && as_pg "$(bindir)/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

psql_admin() {
  as_pg psql -X -q -v ON_ERROR_STOP=1 -h "$DIR" -p "$PORT" -d postgres "$@"
}

init() {
  [ -f "$DATA/PG_VERSION" ] && return 0
  say "initialising a cluster in $DATA (port $PORT)"
  mkdir -p "$DIR"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$DIR"; fi
  # peer auth on the socket for setup; passwords (scram) over TCP for the jobs and BI tools
  as_pg "$(bindir)/initdb" -D "$DATA" -U postgres --auth-local=peer --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
}

start() {
  install
  init
  if ! running; then
    as_pg "$(bindir)/pg_ctl" -D "$DATA" -l "$DIR/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c full_page_writes=off" start >/dev/null \
      || { say "the server did not start; see $DIR/server.log"; tail -n 20 "$DIR/server.log" >&2; exit 1; }
  fi
  if [ ! -s "$PWFILE" ]; then
    umask 077
    head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$PWFILE"
  fi
  local pw
  pw=$(cat "$PWFILE")
  # idempotent: the role and database are made once; the password is re-set so the file is the truth
  psql_admin <<SQL
SELECT format('CREATE ROLE %I LOGIN', '$ROLE') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$ROLE')\gexec
ALTER ROLE "$ROLE" PASSWORD '$pw';
SELECT format('CREATE DATABASE %I OWNER %I', '$DB', '$ROLE') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$DB')\gexec
SQL
  say "running on 127.0.0.1:$PORT, database $DB, role $ROLE (password in $PWFILE)"
}

env_lines() {
  running || { say "not running (scripts/postgres.sh start)"; exit 1; }
  echo "export REHABMAP_WAREHOUSE_URL='jdbc:postgresql://127.0.0.1:$PORT/$DB'"
  echo "export REHABMAP_WAREHOUSE_USER='$ROLE'"
  echo "export REHABMAP_WAREHOUSE_PASSWORD='$(cat "$PWFILE")'"
}

case "${1:-}" in
  start) start; if [ "${2:-}" = "--env" ]; then env_lines; fi ;;
  env) env_lines ;;
  stop) if running; then as_pg "$(bindir)/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null; say "stopped"; else say "not running"; fi ;;
  status) if running; then say "running on 127.0.0.1:$PORT ($DATA)"; else say "not running"; exit 3; fi ;;
  *) echo "usage: scripts/postgres.sh start [--env] | env | stop | status" >&2; exit 2 ;;
esac
