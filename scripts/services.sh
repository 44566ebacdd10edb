#!/usr/bin/env bash
# Real Redis and PostgreSQL for the tests that need them, on ports of their own (not the defaults, so
# a developer's own servers are left alone), with their data in a temporary folder.
#   scripts/services.sh start   starts both and prints the variables to export (TEST_REDIS_URL, TEST_DATABASE_URL)
#   scripts/services.sh stop    stops both and deletes their data
# PostgreSQL refuses to run as root: as root, it runs as the `postgres` user. Ports: BRIEF_REDIS_PORT
# (default 6390) and BRIEF_PG_PORT (default 5440); folder: BRIEF_SERVICES_DIR (default /tmp/brief-services-UID,
# refused if someone else owns it).
set -euo pipefail
DIR="${BRIEF_SERVICES_DIR:-/tmp/brief-services-$(id -u)}"
REDIS_PORT="${BRIEF_REDIS_PORT:-6390}"
PG_PORT="${BRIEF_PG_PORT:-5440}"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -n "$PG_BIN" ] || PG_BIN="$(dirname "$(command -v pg_ctl 2>/dev/null || echo /nonexistent/pg_ctl)")"

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  command -v redis-server >/dev/null || { echo "redis-server not found: apt-get install -y redis-server" >&2; exit 1; }
  [ -x "$PG_BIN/pg_ctl" ] || { echo "PostgreSQL not found: apt-get install -y postgresql" >&2; exit 1; }
  mkdir -p -m 711 "$DIR"
  [ "$(stat -c %u "$DIR")" = "$(id -u)" ] || { echo "$DIR belongs to someone else: set BRIEF_SERVICES_DIR" >&2; exit 1; }
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --dir "$DIR" --pidfile "$DIR/redis.pid" --logfile "$DIR/redis.log"
  if [ ! -d "$DIR/pg" ]; then
    mkdir -p "$DIR/pg"
    [ "$(id -u)" = 0 ] && chown postgres "$DIR/pg"
    as_pg "$PG_BIN/initdb" --no-sync -A trust -U postgres -D "$DIR/pg" >"$DIR/initdb.log"
  fi
  [ "$(id -u)" = 0 ] && touch "$DIR/pg.log" && chown postgres "$DIR/pg.log"
  as_pg "$PG_BIN/pg_ctl" -D "$DIR/pg" -l "$DIR/pg.log" -w -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off" start >/dev/null
  for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
  echo "export TEST_REDIS_URL=redis://127.0.0.1:$REDIS_PORT"
  echo "export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$PG_PORT/postgres"
}

stop() {
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  [ -d "$DIR/pg" ] && as_pg "$PG_BIN/pg_ctl" -D "$DIR/pg" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
