#!/bin/bash
# intake-ab.sh <jar> [app arguments...]: one jar against POST /api/leads beside its floor, for comparing
# builds one after another on the same database (IntakeBenchmark's H2 file database by default).
# Starts the jar on port 18080 with mail to a local sink, warms up WARMUP (6) x 15 s at 64 connections,
# then measures 20 s of the static stylesheet (the floor) and 20 s of POST /api/leads, each once the
# app is idle, and prints one line.
# Also prints (stderr) the CPU the app and PostgreSQL used during the measured POSTs.
# JVM_ARGS adds options for the app's JVM (e.g. -XX:StartFlightRecording=filename=/tmp/app.jfr to profile it).
# Needs wrk and python3. DB_URL overrides the database (DB_USER, DB_PASSWORD its login; e.g. PostgreSQL
# from postgres.sh: DB_URL=jdbc:postgresql://127.0.0.1:5433/bench DB_USER=postgres). WRK_VISITORS=N spreads the submissions over N
# client addresses (X-Forwarded-For, trusted with --server.forward-headers-strategy=native) as real
# visitors behind a reverse proxy come; unset, all come from one address (each batch then waits for
# the one address's allowance row).
set -euo pipefail
JAR=$(realpath "$1"); shift
HERE=$(cd "$(dirname "$0")" && pwd)
URL=${DB_URL:-"jdbc:h2:file:$HERE/../../target/bench-intake/db/db;DB_CLOSE_ON_EXIT=FALSE"}
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
WORK=$(mktemp -d)
# a mail sink: accepts every message and forgets it
python3 - >/dev/null 2>&1 <<'PY' &
import asyncio
async def handle(r, w):
    w.write(b"220 sink\r\n"); await w.drain()
    data = False
    while line := await r.readline():
        if data:
            if line == b".\r\n": data = False; w.write(b"250 ok\r\n")
        elif line.upper().startswith(b"DATA"): data = True; w.write(b"354 go\r\n")
        elif line.upper().startswith(b"QUIT"): w.write(b"221 bye\r\n"); await w.drain(); break
        else: w.write(b"250 ok\r\n")
        await w.drain()
    w.close()
async def main():
    await (await asyncio.start_server(handle, "127.0.0.1", 12525)).serve_forever()
asyncio.run(main())
PY
SINK=$!
"$JAVA" -Xmx1g ${JVM_ARGS:-} -jar "$JAR" --server.port=18080 "--spring.datasource.url=$URL" "--spring.datasource.username=${DB_USER:-sa}" \
  "--spring.datasource.password=${DB_PASSWORD:-}" --stackdesk.intake.rate-limit.submissions=100000000 \
  --stackdesk.mail.embedded.enabled=false --spring.mail.host=127.0.0.1 --spring.mail.port=12525 \
  --server.forward-headers-strategy=native '--server.tomcat.remoteip.internal-proxies=127\.0\.0\.1' "$@" \
  > "$WORK/app.log" 2>&1 &
APP=$!
# waits for the app to end, so a next run on the same H2 file finds it unlocked
trap 'kill $APP $SINK 2>/dev/null || true; wait $APP 2>/dev/null || true' EXIT
until curl -s -o /dev/null http://localhost:18080/styles.css; do
  kill -0 $APP 2>/dev/null || { echo "the app stopped; its log:" >&2; tail -30 "$WORK/app.log" >&2; exit 1; }
  sleep 1
done
# waits until the app is idle: its routing, emails and search terms of earlier leads all done
# (under 5 % of one core for 5 s), so a measurement does not pay for the one before it
idle() {
  local a b
  for _ in $(seq 1 120); do
    a=$(awk '{print $14+$15}' /proc/$APP/stat); sleep 5; b=$(awk '{print $14+$15}' /proc/$APP/stat)
    [ $((b - a)) -lt 25 ] && return 0
  done
  # still busy after 10 minutes (H2's writer compacting a file full of dead chunks, say): measure
  # anyway, and say so, rather than end the script (set -e) without a line
  echo "note: the app was not idle after 600 s" >&2
  return 0
}
# warm-up: the JIT compiles some 30,000 methods of this app, about two minutes of CPU; WARMUP
# rounds of 15 s (default 6) bring it to a steady state, as a server that has run a while is
for i in $(seq 1 "${WARMUP:-6}"); do wrk -t2 -c64 -d15s -s "$HERE/lua/post-leads.lua" http://localhost:18080/api/leads >/dev/null; sleep 5; done
idle
floor=$(wrk -t2 -c64 -d20s http://localhost:18080/styles.css | awk '/Requests\/sec/{print $2}')
idle
# CPU ticks (1/100 s) of the app's JVM, of PostgreSQL's processes (if any) and the machine's idle time
ticks() {
  local pg=0 p
  for p in $(pgrep -x postgres || true); do pg=$((pg + $(awk '{print $14+$15}' /proc/$p/stat 2>/dev/null || echo 0))); done
  echo "$(awk '{print $14+$15}' /proc/$APP/stat) $pg $(awk '/^cpu /{print $5}' /proc/stat)"
}
# BEFORE_POST: a command run right before the measured POSTs (e.g. resetting pg_stat_statements)
[ -n "${BEFORE_POST:-}" ] && eval "$BEFORE_POST"
read -r app0 pg0 idle0 <<< "$(ticks)"
out=$(wrk -t2 -c64 -d20s --latency -s "$HERE/lua/post-leads.lua" http://localhost:18080/api/leads)
read -r app1 pg1 idle1 <<< "$(ticks)"
echo "CPU during the POSTs: app $(((app1 - app0) / 100)) s, PostgreSQL $(((pg1 - pg0) / 100)) s, idle $(((idle1 - idle0) / 100)) s of $(nproc) x 20 s" >&2
echo "$(basename "$JAR") $* visitors=${WRK_VISITORS:-1} | floor $floor req/s | intake $(echo "$out" | awk '/Requests\/sec/{print $2}') leads/s" \
  "p50 $(echo "$out" | awk '$1=="50%"{print $2}') p90 $(echo "$out" | awk '$1=="90%"{print $2}')" \
  "p99 $(echo "$out" | awk '$1=="99%"{print $2}') $(echo "$out" | grep -E 'Non-2xx|timeout' | tr '\n' ' ')| load $(cut -d' ' -f1 /proc/loadavg)"
