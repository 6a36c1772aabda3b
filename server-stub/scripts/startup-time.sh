#!/usr/bin/env bash
# Measures the time from process start to the first successful 201 (a Digest-authenticated
# Cloud Manager secret creation against the demo organization), N runs; prints each run's wall time and
# the CPU time the JVM used until then (Linux /proc), then the minimum and median wall time.
# Usage: server-stub/scripts/startup-time.sh [runs] [extra java options...]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}; shift || true
jar=target/atlas-emulator.jar
path="/api/public/v1.0/orgs/4888442a3354817a7320eb61/serviceAccounts/mdb_sa_id_1234567890abcdef12345678/secrets/"
times=()
tick=$(getconf CLK_TCK)
for ((i = 0; i < runs; i++)); do
  port=$((20000 + RANDOM % 20000))
  url="http://127.0.0.1:$port$path"
  start=$(date +%s%N)
  java "$@" -jar "$jar" --port "$port" >/dev/null 2>&1 &
  pid=$!
  until code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 --user zmmrboas:0f6b8c1e-2d3a-4b5c-9e7f-db2c132ca78d \
        --digest --header 'Content-Type: application/json' --data '{"secretExpiresAfterHours": "3600"}' "$url") \
        && [ "$code" = 201 ]; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "the emulator exited (port $port taken?)" >&2; exit 1; fi
    if (( $(date +%s%N) - start > 30000000000 )); then kill "$pid"; echo "no 201 within 30 s" >&2; exit 1; fi
    sleep 0.005
  done
  end=$(date +%s%N)
  read -r utime stime < <(awk '{print $14, $15}' "/proc/$pid/stat")
  if ! kill "$pid" 2>/dev/null; then echo "the emulator on port $port had exited: another process answered" >&2; exit 1; fi
  wait "$pid" 2>/dev/null || true
  times+=($(( (end - start) / 1000000 )))
  echo "run $((i + 1)): $(( (end - start) / 1000000 )) ms wall, $(( (utime + stime) * 1000 / tick )) ms CPU"
done
printf "%s\n" "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "min " a[1] " ms, median " a[int((NR+1)/2)] " ms over " NR " runs"}'
