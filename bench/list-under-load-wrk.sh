#!/usr/bin/env bash
# The activity list and the trivial endpoint under 50 concurrent connections, driven by wrk (a native load
# generator, Debian package `wrk`) instead of the benchmark's Java client, so the client takes less of the two cores.
#
# Start the app on the benchmark data first (memory sessions, as DashboardBenchmark's -Dkepu.bench.sessions=memory).
# optimizedLaunch=false: spring-boot:run otherwise starts the JVM with -XX:TieredStopAtLevel=1 (quick start, no C2
# compiler), which a server does not run with; figures taken that way (before 2026-12-05) are about 30 % low.
#
#   ./mvnw -q spring-boot:run -Dspring-boot.run.optimizedLaunch=false -Dspring-boot.run.profiles=bench \
#       -Dspring-boot.run.arguments="--server.port=8097 \
#       --kepu.embedded-db.data-dir=bench-data/pg --kepu.embedded-db.port=54398 --kepu.embedded-db.clean=false \
#       --kepu.embedded-db.database=kepu_bench --kepu.files.dir=bench-data/files --logging.level.root=WARN \
#       --spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.session.SessionAutoConfiguration"
#
# then: bench/list-under-load-wrk.sh [seconds] [port] [jit-warm-up-seconds]
# (environment: KEPU_BENCH_USER=bench-township for a township admin's list, KEPU_BENCH_LIST=/activities?... for
# another list path)
# (the accounts bench-county and bench-township are created by DashboardBenchmark. First both paths in turn for the
# JIT warm-up, default 120 s: C2 keeps compiling the request path for a minute or two under load. Then each path gets 5 s of warm-up and
# is measured twice, alternating with the other path.)
set -euo pipefail
SECONDS_EACH=${1:-20}
PORT=${2:-8097}
JIT_WARMUP=${3:-120}
BASE="http://127.0.0.1:$PORT"
JAR=$(mktemp)
trap 'rm -f "$JAR"' EXIT
CSRF=$(curl -s -c "$JAR" -b "$JAR" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')
curl -s -c "$JAR" -b "$JAR" -o /dev/null --data-urlencode "username=${KEPU_BENCH_USER:-bench-county}" \
    --data-urlencode "password=Bench-Passw0rd!" --data-urlencode "_csrf=$CSRF" "$BASE/login"
COOKIE=$(awk '$6 ~ /SESSION/ {print $6"="$7}' "$JAR" | tail -1)
LIST="${KEPU_BENCH_LIST:-/activities?year=2026}"
STATUS=$(curl -s -o /dev/null -w "%{http_code}" -H "Cookie: $COOKIE" "$BASE$LIST")
if [ "$STATUS" != 200 ]; then
  echo "the list answered $STATUS, not 200: not signed in?" >&2
  exit 1
fi
for ((t = 0; t < JIT_WARMUP; t += 20)); do
  wrk -t2 -c50 -d10s -H "Cookie: $COOKIE" "$BASE/actuator/health" >/dev/null
  wrk -t2 -c50 -d10s -H "Cookie: $COOKIE" "$BASE$LIST" >/dev/null
done
echo "| run | path | req/s | p50 | p99 |"
echo "|---|---|---|---|---|"
for run in 1 2; do
  for path in /actuator/health "$LIST"; do
    wrk -t2 -c50 -d5s -H "Cookie: $COOKIE" "$BASE$path" >/dev/null
    out=$(wrk -t2 -c50 -d"${SECONDS_EACH}s" --latency -H "Cookie: $COOKIE" "$BASE$path")
    if echo "$out" | grep -q "Non-2xx"; then
      echo "$path answered non-2xx responses: not meaningful" >&2
      exit 1
    fi
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
    p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
    echo "| $run | \`$path\` | $rps | $p50 | $p99 |"
  done
done
