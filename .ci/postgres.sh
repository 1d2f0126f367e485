#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the store tests, from the system package (Debian's postgresql).
#
#   eval "$(bash .ci/postgres.sh start)"   # prints: export SAMENWERKING_TEST_POSTGRES_URL=...
#   bash .ci/postgres.sh stop              # stops the cluster and removes its folder
#
# The cluster lives in a temporary folder (remembered in $STATE), listens only on a Unix socket in
# that folder (no TCP port, so parallel runs do not collide), trusts local connections, and holds
# one database, samenwerking_test. As root the server runs as the 'postgres' user, as initdb requires.
set -euo pipefail

STATE="${SAMENWERKING_PG_STATE:-${TMPDIR:-/tmp}/samenwerking-postgres.dir}"
DATABASE=samenwerking_test

bindir() {
  if [ -n "${PG_BINDIR:-}" ]; then echo "$PG_BINDIR"; return; fi
  local found
  found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -z "$found" ] && command -v pg_config >/dev/null; then found="$(pg_config --bindir)"; fi
  if [ -z "$found" ] || [ ! -x "$found/initdb" ]; then
    echo "postgres.sh: no PostgreSQL server found (install the 'postgresql' package, or set PG_BINDIR)" >&2
    exit 1
  fi
  echo "$found"
}

as_server_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

url_of() {
  echo "postgresql+psycopg://postgres@/$DATABASE?host=$1"
}

start() {
  local bin dir
  bin="$(bindir)"
  if [ -f "$STATE" ] && [ -d "$(cat "$STATE")" ]; then
    dir="$(cat "$STATE")"
    if as_server_user "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      echo "export SAMENWERKING_TEST_POSTGRES_URL='$(url_of "$dir")'"
      return
    fi
  fi
  dir="$(mktemp -d "${TMPDIR:-/tmp}/samenwerking-pg.XXXXXX")"
  chmod 755 "$dir"
  if [ "$(id -u)" = 0 ]; then chown postgres "$dir"; fi
  echo "$dir" >"$STATE"
  as_server_user "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  as_server_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses='' -k $dir -c fsync=off" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  "$bin/createdb" -h "$dir" -U postgres "$DATABASE"
  echo "export SAMENWERKING_TEST_POSTGRES_URL='$(url_of "$dir")'"
}

stop() {
  local bin dir
  [ -f "$STATE" ] || return 0
  dir="$(cat "$STATE")"
  bin="$(bindir)"
  if [ -d "$dir/data" ]; then
    as_server_user "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir" "$STATE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
