#!/usr/bin/env bash
# Soak test of the production jar: a fresh H2 database, the connection pool retiring connections
# every 30 s (hikari.max-lifetime=30000, the minimum), steady lead submissions (5/s) and, every
# minute, a wrong and a right password on the API. At the end: what was submitted, accepted (201)
# and refused, whether the database holds exactly the accepted leads, and whether five wrong
# passwords in a row still lock the account (so each wrong one was counted in the database).
# Exits non-zero if anything was refused or does not add up. Builds nothing itself.
#
#   ./mvnw -B -Pproduction package -DskipTests
#   src/bench/soak.sh target/stackdesk-0.1.0-SNAPSHOT.jar             # 45 minutes
#   SOAK_MINUTES=3 src/bench/soak.sh target/stackdesk-0.1.0-SNAPSHOT.jar
#
# Settings (environment): SOAK_MINUTES (45), SOAK_RATE submissions per second (5), SOAK_DIR
# (target/soak, wiped at the start), SOAK_PORT (first free one from 18080), JAVA_HOME (a JDK 25).
set -euo pipefail

JAR=${1:?usage: src/bench/soak.sh path/to/stackdesk.jar}
MINUTES=${SOAK_MINUTES:-45}
RATE=${SOAK_RATE:-5}
DIR=${SOAK_DIR:-target/soak}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
ADMIN_PASSWORD=soak-admin-password

[[ -f $JAR ]] || { echo "soak: no jar at $JAR (./mvnw -B -Pproduction package -DskipTests)" >&2; exit 2; }
command -v curl >/dev/null || { echo "soak: curl is needed (apt-get install -y curl)" >&2; exit 2; }
command -v unzip >/dev/null || { echo "soak: unzip is needed (apt-get install -y unzip)" >&2; exit 2; }
"$JAVA" -version 2>&1 | grep -q 'version "2[5-9]' || { echo "soak: $JAVA is not Java 25+; set JAVA_HOME" >&2; exit 2; }

JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")
rm -rf "$DIR"
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT=${SOAK_PORT:-}
if [[ -z $PORT ]]; then
  for candidate in $(seq 18080 18180); do
    if ! port_in_use "$candidate"; then PORT=$candidate; break; fi
  done
fi
[[ -n $PORT ]] || { echo "soak: no free port in 18080-18180" >&2; exit 2; }
BASE=http://127.0.0.1:$PORT

APP_PID=
stop_app() {
  if [[ -n $APP_PID ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    for _ in $(seq 120); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$APP_PID" 2>/dev/null; then
      echo "soak: the app did not stop within 60 s; killing it" >&2
      kill -9 "$APP_PID"
    fi
  fi
  APP_PID=
}
trap stop_app EXIT

# The app runs in its own folder: no ./config or ./seeds of the repository are read.
echo "soak: starting $JAR on port $PORT, database in $DIR/db, for $MINUTES minutes at $RATE leads/s"
(cd "$DIR" && STACKDESK_ADMIN_PASSWORD=$ADMIN_PASSWORD exec "$JAVA" -Xmx512m -jar "$JAR" \
  --server.port="$PORT" \
  "--spring.datasource.url=jdbc:h2:file:$DIR/db/stackdesk;DB_CLOSE_ON_EXIT=FALSE" \
  --spring.datasource.hikari.max-lifetime=30000 \
  --stackdesk.intake.rate-limit.submissions=100000000 \
  >"$DIR/app.log" 2>&1) &
APP_PID=$!

status_of() { curl -s -o /dev/null -m 30 -w '%{http_code}' "$@" || true; }
for _ in $(seq 360); do
  [[ $(status_of "$BASE/api/leads/SD-NONE") == 401 ]] && break
  kill -0 "$APP_PID" 2>/dev/null || { echo "soak: the app stopped; see $DIR/app.log" >&2; tail -30 "$DIR/app.log" >&2; exit 1; }
  sleep 0.5
done
[[ $(status_of "$BASE/api/leads/SD-NONE") == 401 ]] || { echo "soak: the app did not start in 180 s" >&2; exit 1; }
echo "soak: up at $(date -u +%H:%M:%S)"

RESULTS=$DIR/submissions.txt
LOGINS=$DIR/logins.txt
: >"$RESULTS"
: >"$LOGINS"
RUN=$(date +%s)

submit() {
  local n=$1 kind body out code ref
  local started=$((($(date +%s) - 60) * 1000))
  if ((n % 2)); then
    body=$(printf '{"kind":"CONSULTATION","firstName":"Sky","lastName":"Soak%d","email":"soak.%s.%d@visitor.example","stack":"PYTHON","contactMethod":"EMAIL","message":"Soak lead %d: a Django upgrade","consent":"true","startedAt":%d}' "$n" "$RUN" "$n" "$n" "$started")
  else
    body=$(printf '{"kind":"DEVELOPMENT_PLAN","firstName":"Sky","lastName":"Soak%d","email":"soak.%s.%d@visitor.example","stack":"GO","company":"Soak %d Ltd","projectType":"API_BACKEND","message":"Soak plan %d: a payments API","budget":"UNDECIDED","timeline":"ASAP","teamSize":"SOLO","consent":"true","startedAt":%d}' "$n" "$RUN" "$n" "$n" "$n" "$started")
  fi
  out=$(curl -s -m 30 -H 'Content-Type: application/json' -d "$body" -w '\n%{http_code}' "$BASE/api/leads" || true)
  code=${out##*$'\n'}
  [[ $code =~ ^[0-9]{3}$ ]] || code=000
  ref=$(grep -o 'SD-[0-9A-Z]\{6\}' <<<"$out" | head -1 || true)
  echo "$code ${ref:--}" >>"$RESULTS"
}

login_round() {
  local wrong right
  wrong=$(status_of -u "admin:not-the-password" "$BASE/api/leads/SD-NONE")
  right=$(status_of -u "admin:$ADMIN_PASSWORD" "$BASE/api/leads/SD-NONE")
  echo "$(date -u +%H:%M:%S) wrong=$wrong right=$right" >>"$LOGINS"
}

# Each submission has its due time (start + n / RATE): a slow fork or curl start is caught up on.
now_us() { echo "${EPOCHREALTIME/./}"; }
start_us=$(now_us)
end_us=$((start_us + MINUTES * 60 * 1000000))
next_login_us=$start_us
n=0
while :; do
  now=$(now_us)
  ((now < end_us)) || break
  if ((now >= next_login_us)); then
    login_round &
    next_login_us=$((next_login_us + 60 * 1000000))
  fi
  n=$((n + 1))
  submit "$n" &
  # at most 200 requests open at once: past that the app is far behind and waiting is the answer
  if ((n % 50 == 0)); then
    while (($(jobs -rp | wc -l) > 200)); do sleep 0.05; done
  fi
  due=$((start_us + n * 1000000 / RATE))
  now=$(now_us)
  if ((due > now)); then
    wait_us=$((due - now))
    sleep "$((wait_us / 1000000)).$(printf '%06d' $((wait_us % 1000000)))"
  fi
done
# the last submissions (each gives up after 30 s); never the app, which is a job of this shell too
pending=$(jobs -rp | grep -vx "$APP_PID" || true)
[[ -z $pending ]] || wait $pending 2>/dev/null || true

# Five wrong passwords from one address block that username from that address (not the account
# elsewhere): the right one from here is refused afterwards.
for _ in 1 2 3 4 5; do status_of -u "admin:still-not-it" "$BASE/api/leads/SD-NONE" >/dev/null; done
locked=$(status_of -u "admin:$ADMIN_PASSWORD" "$BASE/api/leads/SD-NONE")

errors=$(grep -c ' ERROR ' "$DIR/app.log" || true)
stop_app

H2_JAR=$(unzip -Z1 "$JAR" | grep -E '^BOOT-INF/lib/h2-[0-9.]+\.jar$' | head -1)
unzip -q -o -j "$JAR" "$H2_JAR" -d "$DIR"
stored=$("$JAVA" -cp "$DIR/$(basename "$H2_JAR")" org.h2.tools.Shell \
  -url "jdbc:h2:file:$DIR/db/stackdesk" -user sa -password '' \
  -sql "SELECT COUNT(*) AS LEADS FROM lead" | grep -E '^[0-9]+$' | head -1)

submitted=$(wc -l <"$RESULTS")
accepted=$(grep -c '^201 SD-' "$RESULTS" || true)
refused=$((submitted - accepted))
rounds=$(wc -l <"$LOGINS")
wrong_ok=$(grep -c 'wrong=401' "$LOGINS" || true)
right_ok=$(grep -c 'right=404' "$LOGINS" || true)

{
  echo "## Soak: $MINUTES min at $RATE leads/s (reached $(awk -v n="$submitted" -v m="$MINUTES" 'BEGIN { printf "%.2f", n / (m * 60) }')/s), hikari.max-lifetime 30 s ($((MINUTES * 2)) pool lifetimes)"
  echo
  echo "| what | figure |"
  echo "|---|---:|"
  echo "| submitted | $submitted |"
  echo "| accepted (201 with a reference) | $accepted |"
  echo "| refused or other (by status, 000 = no answer in 30 s) | $refused $(awk '$1 != 201 { c[$1]++ } END { for (s in c) printf "%s×%d ", s, c[s] }' "$RESULTS") |"
  echo "| leads in the database | $stored |"
  echo "| login rounds: wrong password answered 401 | $wrong_ok of $rounds |"
  echo "| login rounds: right password answered 404 (signed in) | $right_ok of $rounds |"
  echo "| right password after 5 wrong ones (locked: 401) | $locked |"
  echo "| ERROR lines in the app log | $errors |"
} | tee "$DIR/report.md"

status=0
((refused == 0)) || { echo "soak: FAILED: $refused submissions were not accepted" >&2; status=1; }
[[ $stored == "$accepted" ]] || { echo "soak: FAILED: the database holds $stored leads, $accepted were accepted" >&2; status=1; }
((rounds > 0 && wrong_ok == rounds && right_ok == rounds)) || { echo "soak: FAILED: login answers differ (see $LOGINS)" >&2; status=1; }
[[ $locked == 401 ]] || { echo "soak: FAILED: five wrong passwords did not lock the account (answer $locked)" >&2; status=1; }
((status == 0)) && echo "soak: passed"
exit $status
