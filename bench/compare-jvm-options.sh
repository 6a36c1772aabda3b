#!/usr/bin/env bash
# Requests/s and p99 of the in-memory emulator, started with exactly the given JVM options (no class-data
# archive: it changes start-up, not these figures), on the workloads of bench/run.sh (reset before each run,
# as there). For trying a GC or heap setting before it goes into server-stub/scripts/atlas-emulator.
#
#   bench/compare-jvm-options.sh LABEL "JVM OPTIONS"
#   e.g.  bench/compare-jvm-options.sh launcher "-XX:+UseZGC -Xms16m"; bench/compare-jvm-options.sh g1 "-XX:+UseG1GC"
#   COMPARE_WARMUP=12 COMPARE_DURATION=6 COMPARE_ROUNDS=2 (defaults)
#
# Needs wrk and the jars of ./mvnw -q install -DskipTests -Pbench -pl bench -am. Only 127.0.0.1 is targeted;
# the emulator is stopped at the end. Prints one line per run.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
LABEL=${1:?label}; OPTIONS=${2:-}
WARMUP=${COMPARE_WARMUP:-12}; DURATION=${COMPARE_DURATION:-6}; ROUNDS=${COMPARE_ROUNDS:-2}
PORT=${COMPARE_PORT:-18251}
OWNER=mdb_sa_id_aaaaaaaaaaaaaaaaaaaaaaaa:mdb_sa_sk_BenchOwnerSecretForTheEmulatorOnly000000
SEED=$(mktemp --suffix=.json)
java -cp bench/target/atlas-bench.jar io.github.atlascredentials.bench.BenchSeed "$SEED"
# shellcheck disable=SC2086 # the options are words on purpose
java $OPTIONS -jar server-stub/target/atlas-emulator.jar --port "$PORT" --seed "$SEED" --max-secrets-per-account 100000000 \
  --api-rate-limit 1000000000 --token-rate-limit 100000 --atlas-rate-limit 1000000000,1000000000,1 > /dev/null 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; rm -f "$SEED"' EXIT
for _ in $(seq 1 300); do curl -s -o /dev/null "http://127.0.0.1:$PORT/_emulator/health" && break; sleep 0.2; done
run() { # workload connections seconds -> RESULT line
  curl -s --fail -X POST "http://127.0.0.1:$PORT/_emulator/reset" > /dev/null
  local token
  token=$(curl -s --fail --user "$OWNER" --data grant_type=client_credentials "http://127.0.0.1:$PORT/api/oauth/token" \
    | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
  BENCH_TOKEN=$token wrk -t2 -c"$2" -d"$3"s --timeout 10s -s bench/wrk/create.lua "http://127.0.0.1:$PORT" -- "$1" | grep '^RESULT'
}
run secret 64 "$WARMUP" > /dev/null
run apikey 64 "$WARMUP" > /dev/null
for ((round = 1; round <= ROUNDS; round++)); do
  for w in secret apikey; do
    for c in 16 64; do
      run "$w" "$c" "$DURATION" | awk -v l="$LABEL" -v w="$w" -v c="$c" -F'\t' \
        '{printf "%-12s %-6s c%-3s %8.0f req/s  p99 %6.1f ms  non-2xx %s\n", l, w, c, $2, $4 / 1000, $6}'
    done
  done
done
