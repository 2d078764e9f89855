#!/usr/bin/env bash
# Start time of the production jar, from `java` to the first HTTP 200 of GET /login, each start on a
# fresh H2 file database in its own folder (so Flyway migrates an empty database every time):
#   jar        java -jar stackdesk.jar, the jar as built
#   extracted  the same jar extracted by Spring Boot (java -Djarmode=tools -jar ... extract)
#   aot-cache  the extracted jar with a JDK 25 AOT cache (JEP 483/514/515) from one training run that
#              serves a few pages and leads and is then stopped with SIGTERM (the JVM writes the
#              cache as it exits)
# The three are started in turn (jar, extracted, aot-cache, jar, ...), so a change of the machine's
# load during the run touches them alike. Prints median, min and max per variant and the load
# average around each start. Builds nothing itself.
#
#   ./mvnw -B -Pproduction package -DskipTests
#   src/bench/start-time.sh target/stackdesk-0.1.0-SNAPSHOT.jar
#   START_RUNS=3 src/bench/start-time.sh target/stackdesk-0.1.0-SNAPSHOT.jar
#
# Settings (environment): START_RUNS starts per variant (5), START_DIR (target/start-time, wiped at
# the start), START_PORT (first free one from 18280), START_TIMEOUT seconds per start (300),
# JAVA_HOME (a JDK 25).
set -euo pipefail

JAR=${1:?usage: src/bench/start-time.sh path/to/stackdesk.jar}
RUNS=${START_RUNS:-5}
DIR=${START_DIR:-target/start-time}
TIMEOUT=${START_TIMEOUT:-300}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
ADMIN_PASSWORD=start-time-admin-password

[[ -f $JAR ]] || { echo "start-time: no jar at $JAR (./mvnw -B -Pproduction package -DskipTests)" >&2; exit 2; }
command -v curl >/dev/null || { echo "start-time: curl is needed (apt-get install -y curl)" >&2; exit 2; }
"$JAVA" -version 2>&1 | grep -q 'version "2[5-9]' || { echo "start-time: $JAVA is not Java 25+; set JAVA_HOME" >&2; exit 2; }

JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")
rm -rf "$DIR"
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
APP=$DIR/app
APP_JAR=$APP/$(basename "$JAR")
AOT=$APP/stackdesk.aot

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT=${START_PORT:-}
if [[ -z $PORT ]]; then
  for candidate in $(seq 18280 18380); do
    if ! port_in_use "$candidate"; then PORT=$candidate; break; fi
  done
fi
[[ -n $PORT ]] || { echo "start-time: no free port in 18280-18380" >&2; exit 2; }
BASE=http://127.0.0.1:$PORT

now_us() { echo "${EPOCHREALTIME/./}"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
status_of() { curl -s -o /dev/null -m 10 -w '%{http_code}' "$@" || true; }

APP_PID=
stop_app() {
  if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    # a training run writes its AOT cache while it exits: that takes a while on a busy machine
    for _ in $(seq 1200); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$APP_PID" 2>/dev/null; then
      echo "start-time: the app did not stop within 10 minutes; killing it" >&2
      kill -9 "$APP_PID"
    fi
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=
}
trap stop_app EXIT

# Starts the app in a new folder with a new database: launch <folder> <java options...>
launch() {
  local run=$1
  shift
  mkdir -p "$run"
  (cd "$run" && STACKDESK_ADMIN_PASSWORD=$ADMIN_PASSWORD exec "$JAVA" "$@" \
    --server.port="$PORT" \
    "--spring.datasource.url=jdbc:h2:file:$run/db/stackdesk;DB_CLOSE_ON_EXIT=FALSE" \
    --stackdesk.mail.embedded.enabled=false \
    >"$run/app.log" 2>&1) &
  APP_PID=$!
}

# Polls GET /login every 50 ms until it answers 200; prints the milliseconds since <start in µs>.
await_first_200() {
  local started=$1 run=$2
  until [[ $(status_of "$BASE/login") == 200 ]]; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      echo "start-time: the app stopped; see $run/app.log" >&2
      tail -30 "$run/app.log" >&2
      exit 1
    fi
    if (($(now_us) - started > TIMEOUT * 1000000)); then
      echo "start-time: no 200 from /login within $TIMEOUT s; see $run/app.log" >&2
      exit 1
    fi
    sleep 0.05
  done
  echo $((($(now_us) - started) / 1000))
}

echo "start-time: $JAR, $RUNS starts per variant, port $PORT, in $DIR"
echo "start-time: $("$JAVA" -version 2>&1 | head -1), $(nproc) cores, load average $(load)"

started=$(now_us)
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$APP" >/dev/null
echo "start-time: extracted to $APP in $((($(now_us) - started) / 1000)) ms"

# Training run: start, serve the public pages, the sign-in page, the HTTP API (anonymous intake and
# an authenticated read), then stop gracefully. The cache holds what the JVM loaded and linked.
run=$DIR/training
started=$(now_us)
launch "$run" -XX:AOTCacheOutput="$AOT" -jar "$APP_JAR"
ms=$(await_first_200 "$started" "$run")
echo "start-time: training run up in $ms ms (load $(load)); exercising it"
for path in / /book /plan /login /styles.css /book?utm_source=newsletter /v3/api-docs; do
  status_of "$BASE$path" >/dev/null
done
since=$((($(date +%s) - 60) * 1000))
references=()
for n in 1 2 3; do
  body=$(printf '{"kind":"CONSULTATION","firstName":"Tia","lastName":"Training%d","email":"training.%d@visitor.example","stack":"JAVA","contactMethod":"EMAIL","message":"Training lead %d","consent":"true","startedAt":%d}' "$n" "$n" "$n" "$since")
  if ((n == 3)); then
    body=$(printf '{"kind":"DEVELOPMENT_PLAN","firstName":"Tia","lastName":"Training%d","email":"training.%d@visitor.example","stack":"GO","company":"Training Ltd","projectType":"API_BACKEND","message":"Training plan %d","budget":"UNDECIDED","timeline":"ASAP","teamSize":"SOLO","consent":"true","startedAt":%d}' "$n" "$n" "$n" "$since")
  fi
  out=$(curl -s -m 30 -H 'Content-Type: application/json' -d "$body" -w '\n%{http_code}' "$BASE/api/leads" || true)
  [[ ${out##*$'\n'} == 201 ]] || { echo "start-time: training POST /api/leads answered ${out##*$'\n'}" >&2; exit 1; }
  references+=("$(grep -o 'SD-[0-9A-Z]\{6\}' <<<"$out" | head -1)")
done
for reference in "${references[@]}"; do
  [[ $(status_of -u "admin:$ADMIN_PASSWORD" "$BASE/api/leads/$reference") == 200 ]] \
    || { echo "start-time: training GET /api/leads/$reference was not 200" >&2; exit 1; }
done
status_of -u "admin:$ADMIN_PASSWORD" "$BASE/api/leads/export.csv" >/dev/null
started=$(now_us)
stop_app
[[ -s $AOT ]] || { echo "start-time: the training run wrote no AOT cache; see $run/app.log" >&2; exit 1; }
echo "start-time: training run stopped, cache written in $((($(now_us) - started) / 1000)) ms: $(du -h "$AOT" | cut -f1)"

# One start: measure <variant> <round> <java options...>; appends "variant ms jvm-started-s load" to the results
RESULTS=$DIR/results.txt
: >"$RESULTS"
measure() {
  local variant=$1 round=$2
  shift 2
  local run=$DIR/runs/$variant-$round before ms jvm cpu
  before=$(load)
  local started
  started=$(now_us)
  launch "$run" "$@"
  ms=$(await_first_200 "$started" "$run")
  # CPU seconds the JVM used up to its first 200 (all threads): less at the mercy of other processes
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$APP_PID/stat")
  stop_app
  # Spring's own figure: "Started StackdeskApplication in 5.1 seconds (process running for 5.6)"
  jvm=$(grep -o 'process running for [0-9.]*' "$run/app.log" | grep -o '[0-9.]*$' || echo -)
  if [[ $variant == aot-cache ]] && grep -q '\[error *\]\[aot' "$run/app.log"; then
    echo "start-time: the AOT cache was not used; see $run/app.log" >&2
    exit 1
  fi
  echo "$variant $ms $jvm ${before%% *} $cpu" >>"$RESULTS"
  printf 'start-time: round %d %-9s first 200 after %6d ms, %5s s of CPU (Spring: process running for %s s), load %s\n' \
    "$round" "$variant" "$ms" "$cpu" "$jvm" "$before"
}

load_before=$(load)
for round in $(seq "$RUNS"); do
  measure jar "$round" -jar "$JAR"
  measure extracted "$round" -jar "$APP_JAR"
  measure aot-cache "$round" -XX:AOTCache="$AOT" -jar "$APP_JAR"
done
load_after=$(load)

stats() { # variant column -> "median min max" in seconds
  awk -v v="$1" -v c="$2" '$1 == v { print $c }' "$RESULTS" | sort -n | awk -v div="$3" '
    { x[NR] = $1 }
    END { m = NR % 2 ? x[(NR + 1) / 2] : (x[NR / 2] + x[NR / 2 + 1]) / 2
          printf "%.2f %.2f %.2f", m / div, x[1] / div, x[NR] / div }'
}
{
  echo
  echo "## Start to first HTTP 200 (GET /login), fresh H2 database, $RUNS starts each"
  echo
  echo "load average (1, 5, 15 min) before: $load_before, after: $load_after; $(nproc) cores; $("$JAVA" -version 2>&1 | head -1)"
  echo
  echo "| variant | median (s) | min (s) | max (s) | CPU time to the 200, median (s) | Spring's \"process running for\", median (s) | load (1 min) at the starts |"
  echo "|---|---:|---:|---:|---:|---:|---|"
  for variant in jar extracted aot-cache; do
    read -r median min max <<<"$(stats "$variant" 2 1000)"
    read -r jvm_median _ _ <<<"$(stats "$variant" 3 1)"
    read -r cpu_median _ _ <<<"$(stats "$variant" 5 1)"
    loads=$(awk -v v="$variant" '$1 == v { printf "%s%s", sep, $4; sep = ", " }' "$RESULTS")
    echo "| $variant | $median | $min | $max | $cpu_median | $jvm_median | $loads |"
  done
} | tee "$DIR/report.md"
