#!/usr/bin/env bash
# Side-by-side throughput of two emulator jars (e.g. before and after a change), in one run:
# the same bench seed, the same wrk workloads, rounds alternating between the jars so that load from
# elsewhere hits both alike. Prints one line per measurement and a summary of ratios (B / A).
#
#   bench/compare-emulators.sh A.jar B.jar            (defaults: 20 s warm-up, 6 s runs, 3 rounds)
#   COMPARE_WARMUP=40 COMPARE_DURATION=10 COMPARE_ROUNDS=5 bench/compare-emulators.sh A.jar B.jar
#   COMPARE_DATA_DIR=1 bench/compare-emulators.sh A.jar B.jar    (both with --data-dir, each its own fresh folder)
#   COMPARE_JAVA_OPTS_A="-XX:+UseG1GC" COMPARE_JAVA_OPTS_B="-XX:+UseZGC -Xms16m" bench/compare-emulators.sh J.jar J.jar
#                                                     (one jar, two sets of JVM options: a GC or heap setting
#                                                      before it goes into server-stub/scripts/atlas-emulator)
#
# Needs wrk (Debian package) and bench/target/atlas-bench.jar (./mvnw -q install -DskipTests -Pbench -pl bench -am).
# Only 127.0.0.1 is targeted; both emulators are stopped at the end.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
A=${1:?jar A}; B=${2:?jar B}
WARMUP=${COMPARE_WARMUP:-20}; DURATION=${COMPARE_DURATION:-6}; ROUNDS=${COMPARE_ROUNDS:-3}
PORT_A=${COMPARE_PORT_A:-18201}; PORT_B=${COMPARE_PORT_B:-18202}
SEED=$(mktemp --suffix=.json)
OUT=$(mktemp)
OWNER=mdb_sa_id_aaaaaaaaaaaaaaaaaaaaaaaa:mdb_sa_sk_BenchOwnerSecretForTheEmulatorOnly000000
LIMITS=(--max-secrets-per-account 100000000 --api-rate-limit 1000000000 --token-rate-limit 100000)
limits_of() { # jar: the common limits, plus the Atlas token buckets' where the jar has them (older jars do not)
  if java -jar "$1" --help 2>/dev/null | grep -q -- --atlas-rate-limit; then
    echo "${LIMITS[*]} --atlas-rate-limit 1000000000,1000000000,1"
  else
    echo "${LIMITS[*]}"
  fi
}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
java -cp bench/target/atlas-bench.jar io.github.atlascredentials.bench.BenchSeed "$SEED"

PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -f "$SEED"
  for d in "${DATA_A[@]:1}" "${DATA_B[@]:1}"; do rm -rf "$d"; done
}
trap cleanup EXIT
DATA_A=(); DATA_B=()
if [ "${COMPARE_DATA_DIR:-0}" = 1 ]; then
  DATA_A=(--data-dir "$(mktemp -d)"); DATA_B=(--data-dir "$(mktemp -d)")
fi
read -r -a LIMITS_A <<< "$(limits_of "$A")"
read -r -a LIMITS_B <<< "$(limits_of "$B")"
read -r -a JAVA_OPTS_A <<< "${COMPARE_JAVA_OPTS_A:-}"
read -r -a JAVA_OPTS_B <<< "${COMPARE_JAVA_OPTS_B:-}"
java "${JAVA_OPTS_A[@]}" -jar "$A" --port "$PORT_A" --seed "$SEED" "${LIMITS_A[@]}" "${DATA_A[@]}" > /dev/null 2>&1 & PIDS+=($!)
java "${JAVA_OPTS_B[@]}" -jar "$B" --port "$PORT_B" --seed "$SEED" "${LIMITS_B[@]}" "${DATA_B[@]}" > /dev/null 2>&1 & PIDS+=($!)
for port in "$PORT_A" "$PORT_B"; do
  for _ in $(seq 1 300); do curl -s -o /dev/null "http://127.0.0.1:$port/_emulator/health" && break; sleep 0.2; done
done

run() { # port workload connections seconds
  curl -s --fail -X POST "http://127.0.0.1:$1/_emulator/reset" > /dev/null
  local token
  token=$(curl -s --fail --user "$OWNER" --data grant_type=client_credentials "http://127.0.0.1:$1/api/oauth/token" \
    | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
  BENCH_TOKEN=$token wrk -t2 -c"$3" -d"$4"s --timeout 10s -s bench/wrk/create.lua "http://127.0.0.1:$1" -- "$2" | grep '^RESULT'
}

for port in "$PORT_A" "$PORT_B"; do
  for w in secret apikey; do run "$port" "$w" 64 $((WARMUP / 2)) > /dev/null; done
done
# Server CPU (user + system) per request: unlike requests/s it hardly depends on how much of a busy machine
# the server got, so it still compares A and B while other work runs.
TICK=$(getconf CLK_TCK)
cpu_us() { awk -v t="$TICK" '{printf "%d", ($14 + $15) * 1000000 / t}' "/proc/$1/stat"; }
printf 'jar\tworkload\tconnections\tround\trps\tp50_us\tp99_us\tcpu_us_per_request\n' > "$OUT"
for ((r = 1; r <= ROUNDS; r++)); do
  for c in 16 64; do
    for w in secret apikey; do
      for side in A B; do
        port=$PORT_A; pid=${PIDS[0]}; [ "$side" = B ] && { port=$PORT_B; pid=${PIDS[1]}; }
        before=$(cpu_us "$pid")
        res=$(run "$port" "$w" "$c" "$DURATION")
        per_request=$(( ($(cpu_us "$pid") - before) / $(cut -f5 <<< "$res") ))
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$side" "$w" "$c" "$r" "$(cut -f2-4 <<< "$res")" "$per_request" | tee -a "$OUT"
      done
    done
  done
done
echo "--- median over rounds; ratio = B / A (requests/s), p99 B / A, server CPU per request B / A"
awk -F'\t' 'NR > 1 { k = $2 " c" $3; rps[$1, k] = rps[$1, k] " " $5; p99[$1, k] = p99[$1, k] " " $7; cpu[$1, k] = cpu[$1, k] " " $8; keys[k] = 1 }
  function median(list,   n, a, i, j, t) { n = split(list, a, " ");
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  END { for (k in keys) { ra = median(rps["A", k]); rb = median(rps["B", k]); pa = median(p99["A", k]); pb = median(p99["B", k]);
    ca = median(cpu["A", k]); cb = median(cpu["B", k]);
    printf "%-12s A %8.0f req/s p99 %7.2f ms %4d us CPU | B %8.0f req/s p99 %7.2f ms %4d us CPU | B/A %.2f, p99 B/A %.2f, CPU B/A %.2f\n", k, ra, pa / 1000, ca, rb, pb / 1000, cb, rb / ra, pb / pa, cb / ca } }' "$OUT"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
