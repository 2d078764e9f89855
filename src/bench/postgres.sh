#!/bin/bash
# postgres.sh start|stop|status: the benchmarks' PostgreSQL, as the README's figures were measured:
# Debian's PostgreSQL 15 on port 5433 with database "bench" (user postgres, no password), data in
# $PGBENCH_DIR (default /var/tmp/stackdesk-bench-pg), shared_buffers=512MB, durable commits
# (fsync and synchronous_commit on, as in production). Then e.g.
#   ./mvnw -Pbench test -Dtest=IntakeBenchmark -Dbench.db=postgres \
#       -Dbench.pg.url=jdbc:postgresql://127.0.0.1:5433/bench -Dbench.pg.user=postgres
set -euo pipefail
DIR=${PGBENCH_DIR:-/var/tmp/stackdesk-bench-pg}
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "${1:-}" in
  start)
    if [ ! -d "$DIR/data" ]; then
      mkdir -p "$DIR/data"
      [ "$(id -u)" = 0 ] && chown -R postgres: "$DIR"
      as_postgres "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    fi
    as_postgres "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/postgres.log" -w -t 60 \
      -o "-p 5433 -h 127.0.0.1 -k '$DIR' -c shared_buffers=512MB -c max_connections=200" start
    "$BIN/psql" -h 127.0.0.1 -p 5433 -U postgres -tc "SELECT 1 FROM pg_database WHERE datname = 'bench'" postgres \
      | grep -q 1 || "$BIN/psql" -h 127.0.0.1 -p 5433 -U postgres -c "CREATE DATABASE bench" postgres
    ;;
  stop) as_postgres "$BIN/pg_ctl" -D "$DIR/data" -m fast stop ;;
  status) as_postgres "$BIN/pg_ctl" -D "$DIR/data" status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
