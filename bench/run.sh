#!/usr/bin/env bash
# Runs every benchmark of the project and writes docs/benchmarks.md and docs/benchmarks.png.
#
#   bench/run.sh           full run (about 20 minutes on 2 cores)
#   bench/run.sh --quick   smoke run of a few minutes; its report goes to bench/target/quick-report/
#   bench/run.sh --report-only   rewrites the report from bench/target/results (e.g. after editing
#                                bench/report-notes.md, the hand-written analysis it includes)
#
# Steps: build (./mvnw install -DskipTests -Pbench), install wrk (Debian) and Prism (npm, pinned in
# bench/package-lock.json) when missing, then
#   1. emulator throughput and latency with wrk, next to (a) a fixed-body Jersey+Grizzly server and (b) Prism;
#   1b. where the time goes: a JFR profile of the in-memory emulator and of (a), summarized by part of the path;
#   1c. steady state: create-then-delete pairs for minutes (p99 and heap over time), and a run that stores
#       1,000,000 credentials (bytes per stored credential, p99 at the end vs the start);
#   2. client overhead with JMH, and round trips through a counting proxy;
#   3. start-up time to the first successful 201, and what a test class pays for the JUnit extension;
#   4. build times in a clean copy of the tree;
#   5. resident memory: the emulator idle and after STORE_TARGET credentials (plain java -jar, from 1c, and the
#      README's command, loaded to the same count), beside (a), WireMock and Prism;
# and the report. Settings can be overridden with BENCH_WARMUP, BENCH_DURATION, BENCH_RUNS,
# BENCH_FORKS, BENCH_STARTUP_RUNS, BENCH_BUILD (0/1: time the build), BENCH_FULL_VERIFY (0/1: also
# with tests), BENCH_PORT_BASE, BENCH_SKIP_BUILD (1: reuse the jars already built), BENCH_STORE_TARGET.
# BENCH_ONLY=memory runs section 5 alone (3-4 minutes; its stored row is the README's command's only),
# into bench/target/results-memory without a report, e.g. to try launcher options through
# ATLAS_EMULATOR_JAVA_OPTS, which the launcher adds to its own.
# Only 127.0.0.1 is ever targeted.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
MODE=full
case "${1:-}" in
  --quick) MODE=quick;;
  --report-only)  # rewrite docs/benchmarks.md from the last full run (after editing bench/report-notes.md)
    exec java -Djava.awt.headless=true -cp bench/target/atlas-bench.jar io.github.atlascredentials.bench.report.ReportMain \
      bench/target/results docs/benchmarks.md docs/benchmarks.png bench/report-notes.md;;
  "") ;;
  *) echo "usage: bench/run.sh [--quick | --report-only]" >&2; exit 2;;
esac

if [ "$MODE" = full ]; then
  # 60 s of warm-up per server (30 s per workload): with --data-dir the rate still rose from 1.4k to 9k
  # creations/s over the first 30 s (the JIT compiling H2's write path), so 30 s measured a cold server.
  WARMUP=${BENCH_WARMUP:-60}; DURATION=${BENCH_DURATION:-8}; RUNS=${BENCH_RUNS:-3}
  # JMH: 10 warm-up iterations of 2 s: with 4, a fork of bareJersey still went 1,114 -> 193 us/op during
  # warm-up and its measured iterations kept falling (the client and the in-process emulator share the JVM).
  FORKS=${BENCH_FORKS:-3}; JMH_ITER="-wi 10 -i 5 -w 2s -r 2s"; STARTUP_RUNS=${BENCH_STARTUP_RUNS:-10}
  BUILD=${BENCH_BUILD:-1}; REPORT_DIR=docs
  STEADY_SEGMENTS=${BENCH_STEADY_SEGMENTS:-10}; STEADY_SEGMENT_S=${BENCH_STEADY_SEGMENT_S:-30}
  STORE_TARGET=${BENCH_STORE_TARGET:-1000000}; PROFILE_S=${BENCH_PROFILE_S:-20}
else
  WARMUP=${BENCH_WARMUP:-6}; DURATION=${BENCH_DURATION:-4}; RUNS=${BENCH_RUNS:-2}
  FORKS=${BENCH_FORKS:-1}; JMH_ITER="-wi 2 -i 2 -w 1s -r 1s"; STARTUP_RUNS=${BENCH_STARTUP_RUNS:-3}
  BUILD=${BENCH_BUILD:-0}; REPORT_DIR=bench/target/quick-report
  STEADY_SEGMENTS=${BENCH_STEADY_SEGMENTS:-4}; STEADY_SEGMENT_S=${BENCH_STEADY_SEGMENT_S:-5}
  STORE_TARGET=${BENCH_STORE_TARGET:-100000}; PROFILE_S=${BENCH_PROFILE_S:-6}
fi
FULL_VERIFY=${BENCH_FULL_VERIFY:-0}
ONLY=${BENCH_ONLY:-}
case "$ONLY" in "" | memory) ;; *) echo "BENCH_ONLY: memory or nothing" >&2; exit 2;; esac
PORT_BASE=${BENCH_PORT_BASE:-18100}
CONNECTIONS=(16 64)
WORKLOADS=(secret apikey)
SERVERS=(emulator-memory emulator-disk fixed-body prism)

OUT=bench/target/results
# A partial run keeps the full run's results (--report-only) as they are.
[ -z "$ONLY" ] || OUT=bench/target/results-$ONLY
rm -rf "$OUT"; mkdir -p "$OUT" "$REPORT_DIR"
exec > >(tee "$OUT/run.log") 2>&1
BENCH_JAR=bench/target/atlas-bench.jar
FIXED_JAR=bench/target/fixed-body-server.jar
WIREMOCK_JAR=bench/target/wiremock-standalone.jar
EMULATOR_JAR=server-stub/target/atlas-emulator.jar
PRISM=bench/target/prism/node_modules/.bin/prism
SEED=bench/target/bench-seed.json
# Demo credentials of the emulator's built-in seed (docs/5-emulator.md), for the start-up probe.
DEMO_ORG=4888442a3354817a7320eb61
DEMO_TARGET=mdb_sa_id_1234567890abcdef12345678
DEMO_API_KEY=zmmrboas:0f6b8c1e-2d3a-4b5c-9e7f-db2c132ca78d
# The bench seed's caller (BenchSeed.java): a throwaway credential of a throwaway emulator.
BENCH_OWNER=mdb_sa_id_aaaaaaaaaaaaaaaaaaaaaaaa:mdb_sa_sk_BenchOwnerSecretForTheEmulatorOnly000000
EMULATOR_LIMITS=(--max-secrets-per-account 100000000 --api-rate-limit 1000000000 --token-rate-limit 100000 --atlas-rate-limit 1000000000,1000000000,1)

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

log() { printf '\n=== %s  [%s, load %s]\n' "$*" "$(date +%T)" "$(cut -d' ' -f1-3 /proc/loadavg)"; }
note() { printf '%s\n' "$*" >> "$OUT/commands.txt"; }
machine() { printf '%s\t%s\n' "$1" "$2" >> "$OUT/machine.tsv"; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

printf 'key\tvalue\n' > "$OUT/machine.tsv"
machine date "$(date -u +%Y-%m-%dT%H:%MZ)"
machine mode "$MODE"
machine load_at_start "$(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"

# ---------------------------------------------------------------------------------------- tools
log "Build: client, emulator and bench jars"
note "./mvnw -q install -DskipTests -Pbench -pl bench -am"
if [ "${BENCH_SKIP_BUILD:-0}" = 1 ]; then
  echo "BENCH_SKIP_BUILD=1: using the jars already built"
else
  ./mvnw -q install -DskipTests -Pbench -pl bench -am
fi

log "Tools: wrk and Prism"
if ! command -v wrk >/dev/null; then
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk
fi
if [ ! -x "$PRISM" ] || ! cmp -s bench/package-lock.json bench/target/prism/package-lock.json; then
  rm -rf bench/target/prism && mkdir -p bench/target/prism
  cp bench/package.json bench/package-lock.json bench/target/prism/
  note "npm ci --prefix bench/target/prism   # bench/package.json + package-lock.json: @stoplight/prism-cli pinned"
  npm ci --prefix bench/target/prism --no-audit --no-fund
fi
# The README's run command: the launcher (ZGC, class-data archive); the throughput rows measure it.
EMULATOR_CMD=(server-stub/scripts/atlas-emulator)

machine cpu "$(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
machine memory "$(free -g | awk '/^Mem:/{print $2}') GiB"
machine os "$(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
machine java "$(java -version 2>&1 | head -2 | tr '\n' ' ')"
machine wrk "$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
machine node "$(node --version)"
machine prism "@stoplight/prism-cli $("$PRISM" --version 2>/dev/null | tail -1)"
machine emulator_launch "${EMULATOR_CMD[*]}"
machine warmup_s "$WARMUP"
machine duration_s "$DURATION"
machine runs "$RUNS"
machine jmh "$FORKS forks per benchmark (one per round, rounds interleaved), $JMH_ITER"
machine startup_runs "$STARTUP_RUNS"
machine steady "$STEADY_SEGMENTS segments of $STEADY_SEGMENT_S s, create-then-delete pairs, wrk -t64 -c64"
machine store_target "$STORE_TARGET"

java -cp "$BENCH_JAR" io.github.atlascredentials.bench.BenchSeed "$SEED"

wait_listening() { # port
  local deadline=$(( $(date +%s) + 60 ))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$1/" || true)" != 000 ]; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "nothing listens on port $1" >&2; exit 1; }
    sleep 0.2
  done
}

port_of() {
  case $1 in emulator-memory) echo $((PORT_BASE + 1));; emulator-disk) echo $((PORT_BASE + 2));;
    fixed-body) echo $((PORT_BASE + 3));; prism) echo $((PORT_BASE + 4));; esac
}

token_of() { # port: a fresh access token of the bench caller
  curl -s --fail --user "$BENCH_OWNER" --data grant_type=client_credentials "http://127.0.0.1:$1/api/oauth/token" \
    | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}

# Prepares a server for one measurement and prints the bearer token to send.
prepare() { # server
  local port; port=$(port_of "$1")
  case $1 in
    emulator-*)
      # Back to the seed (forgets created secrets, keys and tokens), so every run starts alike.
      curl -s --fail -X POST "http://127.0.0.1:$port/_emulator/reset" >/dev/null
      token_of "$port";;
    *) echo "unchecked-by-this-server";;
  esac
}

wrk_run() { # server workload connections seconds -> RESULT line
  local port extra=; port=$(port_of "$1")
  [ "$1" = prism ] && extra=prefer201
  BENCH_TOKEN=$(prepare "$1") wrk -t2 -c"$3" -d"$4"s --timeout 10s -s bench/wrk/create.lua \
    "http://127.0.0.1:$port" -- "$2" $extra | grep '^RESULT'
}

# CPU time the server process used (user + system), in microseconds: per request, it does not depend on how
# much of the machine the server got, unlike requests/s.
declare -A SERVER_PID
CLOCK_TICKS=$(getconf CLK_TCK)
cpu_us() { # server
  awk -v tick="$CLOCK_TICKS" '{printf "%d", ($14 + $15) * 1000000 / tick}' "/proc/${SERVER_PID[$1]}/stat"
}

# CPU time of a process's threads, in microseconds, by kind: "GC JIT JFR JAVA" (JAVA: every other thread,
# the ones JFR samples: request workers, selectors). For 1b: where each microsecond of a request goes.
thread_cpu_us() { # pid
  for t in /proc/"$1"/task/*; do
    printf '%s\t%s\n' "$(cat "$t/comm" 2> /dev/null)" "$(sed 's/.*) //' "$t/stat" 2> /dev/null | cut -d' ' -f12,13)"
  done | awk -F'\t' -v tick="$CLOCK_TICKS" '{ split($2, t, " "); us = (t[1] + t[2]) * 1000000 / tick
      if ($1 ~ /^(GC Thread|G1 |ZWorker|ZDriver|ZDirector|ZStat|ZUncommit|ZUnmapper)/) gc += us
      else if ($1 ~ /^(C1 |C2 |Sweeper)/) jit += us; else if ($1 ~ /^JFR/) jfr += us; else java += us }
    END { printf "%d %d %d %d", gc, jit, jfr, java }'
}

# Resident memory of a process, in KiB: "RSS PSS" from /proc/PID/smaps. PSS shares the pages other processes
# also map, such as the JDK's libraries, among them. RSS counts ZGC's heap once: JDK 17's ZGC maps each heap
# page at up to three addresses (one per pointer colour) and the kernel's RSS counts it once per address (13 GiB
# for 5 GiB of memory after a load), while a container's limit counts the page once; so the heap's mappings
# (memfd:java_heap, all within this process) count by their PSS, which is each page once.
memory_kb() { # pid
  awk '/^[0-9a-f]+-[0-9a-f]+ / { heap = /memfd:java_heap/ }
    /^Rss:/ { rss += $2; if (heap) heap_rss += $2 }
    /^Pss:/ { pss += $2; if (heap) heap_pss += $2 }
    END { printf "%d\t%d", rss - heap_rss + heap_pss, pss }' "/proc/$1/smaps"
}

# Heap in use after a full GC, in KiB, from jcmd: G1 prints it in K, ZGC in M.
heap_used_kb() { # pid
  jcmd "$1" GC.run > /dev/null
  jcmd "$1" GC.heap_info | sed -n 's/.* used \([0-9]*\)\([KMG]\).*/\1 \2/p' | head -1 \
    | awk '{print $1 * ($2 == "K" ? 1 : $2 == "M" ? 1024 : 1048576)}'
}

# Start-up probes (sections 3 and 5), on port SPORT.
SPORT=$((PORT_BASE + 9))
probe_emulator() { # Digest: curl answers the challenge, as any Cloud Manager client does
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 --digest --user "$DEMO_API_KEY" \
    -H 'Content-Type: application/json' --data '{"secretExpiresAfterHours":"3600"}' \
    "http://127.0.0.1:$SPORT/api/public/v1.0/orgs/$DEMO_ORG/serviceAccounts/$DEMO_TARGET/secrets/" || true)" = 201 ]
}
probe_bearer() {
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 -H 'Authorization: Bearer x' -H 'Prefer: code=201' \
    -H 'Content-Type: application/vnd.atlas.2024-08-05+json' --data '{"secretExpiresAfterHours":24}' \
    "http://127.0.0.1:$SPORT/api/atlas/v2/orgs/$DEMO_ORG/serviceAccounts/$DEMO_TARGET/secrets" || true)" = 201 ]
}

# Sections 1 to 3b; BENCH_ONLY=memory skips them (not indented, to keep the sections' history readable).
if [ -z "$ONLY" ]; then

# ---------------------------------------------------------------------------- 1. throughput
log "1. Throughput: starting the four servers"
rm -rf bench/target/emulator-data
# JFR keeps 128 frames per sample (64 by default cuts Jersey's deep stacks) for the profile of 1b.
JAVA_TOOL_OPTIONS="-XX:FlightRecorderOptions:stackdepth=128" "${EMULATOR_CMD[@]}" --port "$(port_of emulator-memory)" \
  --seed "$SEED" "${EMULATOR_LIMITS[@]}" > "$OUT/emulator-memory.log" 2>&1 &
PIDS+=($!); SERVER_PID[emulator-memory]=$!
"${EMULATOR_CMD[@]}" --port "$(port_of emulator-disk)" --seed "$SEED" "${EMULATOR_LIMITS[@]}" \
  --data-dir bench/target/emulator-data > "$OUT/emulator-disk.log" 2>&1 &
PIDS+=($!); SERVER_PID[emulator-disk]=$!
JAVA_TOOL_OPTIONS="-XX:FlightRecorderOptions:stackdepth=128" java -jar "$FIXED_JAR" "$(port_of fixed-body)" \
  > "$OUT/fixed-body.log" 2>&1 &
PIDS+=($!); SERVER_PID[fixed-body]=$!
"$PRISM" mock spec/openapi.yaml -h 127.0.0.1 -p "$(port_of prism)" > "$OUT/prism.log" 2>&1 &
PIDS+=($!); SERVER_PID[prism]=$!
for s in "${SERVERS[@]}"; do wait_listening "$(port_of "$s")"; done
note "${EMULATOR_CMD[*]} --port P --seed $SEED ${EMULATOR_LIMITS[*]} [--data-dir bench/target/emulator-data]"
note "java -jar $FIXED_JAR P"
note "$PRISM mock spec/openapi.yaml -h 127.0.0.1 -p P"
note "BENCH_TOKEN=<token> wrk -t2 -c{16,64} -d${DURATION}s --timeout 10s -s bench/wrk/create.lua http://127.0.0.1:P -- {secret,apikey} [prefer201 for Prism]"

for s in "${SERVERS[@]}"; do
  log "Warm-up of $s: $((WARMUP / 2)) s secret + $((WARMUP / 2)) s apikey at 64 connections"
  for w in "${WORKLOADS[@]}"; do wrk_run "$s" "$w" 64 $((WARMUP / 2)) | cut -f2 | sed 's/^/  warm-up requests\/s: /'; done
done

printf 'server\tworkload\tconnections\tround\trps\tp50_us\tp99_us\trequests\tnot_2xx\tsocket_errors\tmax_us\tcpu_us_per_request\n' > "$OUT/throughput.tsv"
machine load_before_throughput "$(cut -d' ' -f1-3 /proc/loadavg)"
# Rounds interleave the servers, so that load from elsewhere spreads over all of them alike.
for ((round = 1; round <= RUNS; round++)); do
  log "Round $round of $RUNS"
  for c in "${CONNECTIONS[@]}"; do
    for w in "${WORKLOADS[@]}"; do
      for s in "${SERVERS[@]}"; do
        cpu_before=$(cpu_us "$s")
        result=$(wrk_run "$s" "$w" "$c" "$DURATION")
        cpu_per_request=$(( ($(cpu_us "$s") - cpu_before) / $(cut -f5 <<< "$result") ))
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$s" "$w" "$c" "$round" "$(cut -f2- <<< "$result")" "$cpu_per_request" \
          >> "$OUT/throughput.tsv"
        printf '  %-16s %-6s c%-3s %s\n' "$s" "$w" "$c" "$(cut -f2-4 <<< "$result" | awk -F'\t' '{printf "%8.0f req/s  p50 %6.2f ms  p99 %7.2f ms", $1, $2/1000, $3/1000}')"
      done
    done
  done
done
machine load_after_throughput "$(cut -d' ' -f1-3 /proc/loadavg)"

# ------------------------------------------------------------------------ 1b. where the time goes
log "1b. Profile (JFR) of the in-memory emulator and of (a): $PROFILE_S s of Atlas secret creations at 64 connections each"
note "jcmd PID JFR.start name=bench settings=profile; wrk (as in 1, secret, 64 connections, ${PROFILE_S} s); jcmd PID JFR.stop name=bench filename=$OUT/profile-SERVER.jfr"
note "java -cp $BENCH_JAR io.github.atlascredentials.bench.report.ProfileSummary $OUT/profile-SERVER.jfr REQUESTS $OUT/profile-SERVER.tsv"
note "CPU per request by thread kind during the recording: /proc/PID/task/*/stat (utime + stime) by thread name: GC, JIT compilers, JFR, the rest (Java threads, which JFR samples)"
for s in emulator-memory fixed-body; do
  jcmd "${SERVER_PID[$s]}" JFR.start name=bench settings=profile > /dev/null
  read -r -a threads_before <<< "$(thread_cpu_us "${SERVER_PID[$s]}")"
  result=$(wrk_run "$s" secret 64 "$PROFILE_S")
  read -r -a threads_after <<< "$(thread_cpu_us "${SERVER_PID[$s]}")"
  jcmd "${SERVER_PID[$s]}" JFR.stop name=bench filename="$PWD/$OUT/profile-$s.jfr" > /dev/null
  java -cp "$BENCH_JAR" io.github.atlascredentials.bench.report.ProfileSummary "$OUT/profile-$s.jfr" \
    "$(cut -f5 <<< "$result")" "$OUT/profile-$s.tsv"
  requests=$(cut -f5 <<< "$result")
  kinds=(gc jit jfr java)
  for k in 0 1 2 3; do
    printf 'cpu_%s_us_per_request\t%s\n' "${kinds[$k]}" \
      "$(awk -v a="${threads_after[$k]}" -v b="${threads_before[$k]}" -v n="$requests" 'BEGIN{printf "%.1f", (a - b) / n}')" \
      >> "$OUT/profile-$s.tsv"
  done
  printf '  %-16s %s\n' "$s" "$(tr '\n' ' ' < "$OUT/profile-$s.tsv" | cut -c1-300)"
done
cleanup; PIDS=()

# ---------------------------------------------------------------------------- 1c. steady state
log "1c. Steady state: $STEADY_SEGMENTS x $STEADY_SEGMENT_S s of create-then-delete pairs; then $STORE_TARGET stored credentials"
STEADY_PORT=$((PORT_BASE + 5))
start_steady_emulator() {
  java -jar "$EMULATOR_JAR" --port "$STEADY_PORT" --seed "$SEED" "${EMULATOR_LIMITS[@]}" > "$OUT/emulator-steady.log" 2>&1 &
  STEADY_PID=$!; PIDS+=($STEADY_PID)
  wait_listening "$STEADY_PORT"
}
note "java -jar $EMULATOR_JAR --port P --seed $SEED ${EMULATOR_LIMITS[*]}   # steady state (plain java, so that jcmd sees the pid)"
note "BENCH_TOKEN=<token> wrk -t64 -c64 -d${STEADY_SEGMENT_S}s --timeout 10s -s bench/wrk/pairs.lua http://127.0.0.1:P   # x $STEADY_SEGMENTS, then jcmd GC.run + GC.heap_info"
printf 'segment\trps\tp50_us\tp99_us\trequests\tnot_2xx\tsocket_errors\tmax_us\theap_kb\n' > "$OUT/steady.tsv"
start_steady_emulator
token=$(token_of "$STEADY_PORT")
BENCH_TOKEN=$token wrk -t64 -c64 -d"$((WARMUP / 2))"s --timeout 10s -s bench/wrk/pairs.lua "http://127.0.0.1:$STEADY_PORT" > /dev/null
printf '0\t\t\t\t\t\t\t\t%s\n' "$(heap_used_kb "$STEADY_PID")" >> "$OUT/steady.tsv"
for ((seg = 1; seg <= STEADY_SEGMENTS; seg++)); do
  result=$(BENCH_TOKEN=$token wrk -t64 -c64 -d"$STEADY_SEGMENT_S"s --timeout 10s -s bench/wrk/pairs.lua \
    "http://127.0.0.1:$STEADY_PORT" | grep '^RESULT')
  heap=$(heap_used_kb "$STEADY_PID")
  printf '%d\t%s\t%s\n' "$seg" "$(cut -f2- <<< "$result")" "$heap" >> "$OUT/steady.tsv"
  printf '  segment %2d %s  heap after GC %6d KiB\n' "$seg" "$(cut -f2-4 <<< "$result" | awk -F'\t' '{printf "%8.0f req/s  p50 %6.2f ms  p99 %7.2f ms", $1, $2/1000, $3/1000}')" "$heap"
done
kill "$STEADY_PID"; wait "$STEADY_PID" 2>/dev/null || true

# Stored credentials: Atlas secret creations over the 1,024 target accounts until STORE_TARGET are stored.
note "BENCH_TOKEN=<token> wrk -t2 -c64 -d10s --timeout 10s -s bench/wrk/create.lua http://127.0.0.1:P -- secret   # repeated until $STORE_TARGET are stored; first and last runs give p99"
printf 'run\tstored_before\trps\tp50_us\tp99_us\trequests\tnot_2xx\tsocket_errors\tmax_us\theap_kb\n' > "$OUT/store.tsv"
start_steady_emulator
token=$(token_of "$STEADY_PORT")
# JIT warm-up first, with create-then-delete pairs (they leave at most one secret per connection behind), so that
# the first run's p99, the "none stored" figure, is not a cold start's.
BENCH_TOKEN=$token wrk -t64 -c64 -d"$((WARMUP / 2))"s --timeout 10s -s bench/wrk/pairs.lua "http://127.0.0.1:$STEADY_PORT" > /dev/null
stored=0; run=0
base_heap=$(heap_used_kb "$STEADY_PID")
printf '0\t0\t\t\t\t\t\t\t\t%s\n' "$base_heap" >> "$OUT/store.tsv"
while :; do
  run=$((run + 1))
  result=$(BENCH_TOKEN=$token wrk -t2 -c64 -d10s --timeout 10s -s bench/wrk/create.lua "http://127.0.0.1:$STEADY_PORT" -- secret | grep '^RESULT')
  requests=$(cut -f5 <<< "$result"); bad=$(cut -f6 <<< "$result")
  before=$stored; stored=$((stored + requests - bad))
  heap=$(heap_used_kb "$STEADY_PID")
  printf '%d\t%d\t%s\t%s\n' "$run" "$before" "$(cut -f2- <<< "$result")" "$heap" >> "$OUT/store.tsv"
  printf '  run %3d: %8d stored before, %s, heap after GC %7d KiB\n' "$run" "$before" \
    "$(cut -f2-4 <<< "$result" | awk -F'\t' '{printf "%8.0f req/s  p50 %6.2f ms  p99 %7.2f ms", $1, $2/1000, $3/1000}')" "$heap"
  # The run that starts at or above the target is the measurement "at STORE_TARGET".
  [ "$before" -ge "$STORE_TARGET" ] && break
  [ "$run" -lt 400 ] || { echo "  stopped after 400 runs"; break; }
done
stored_memory=$(memory_kb "$STEADY_PID"); stored_heap=$heap  # for section 5
kill "$STEADY_PID"; wait "$STEADY_PID" 2>/dev/null || true
machine load_after_steady "$(cut -d' ' -f1-3 /proc/loadavg)"

# ------------------------------------------------------------------------ 2. client overhead
log "2. Client overhead (JMH) and round trips"
# One fork per benchmark per round, rounds interleaved: load from elsewhere then hits all four alike.
note "for each round and benchmark B: java -jar $BENCH_JAR 'ClientOverheadBenchmark.B\$' -f 1 $JMH_ITER -rf json -rff $OUT/client-ROUND-B.json"
for ((round = 1; round <= FORKS; round++)); do
  for b in client_oauth client_staticBearer bareJersey jdkHttpClient; do
    java -jar "$BENCH_JAR" "ClientOverheadBenchmark.$b\$" -f 1 $JMH_ITER -rf json -rff "$OUT/client-$round-$b.json" \
      > "$OUT/jmh-$round-$b.log" 2>&1 || { tail -30 "$OUT/jmh-$round-$b.log"; exit 1; }
    printf '  round %d %-20s %s\n' "$round" "$b" "$(grep -A1 '^Result' "$OUT/jmh-$round-$b.log" | tail -1 | xargs)"
  done
done
note "java -cp $BENCH_JAR io.github.atlascredentials.bench.client.RoundTripCount $OUT/roundtrips.tsv 1000"
java -cp "$BENCH_JAR" io.github.atlascredentials.bench.client.RoundTripCount "$OUT/roundtrips.tsv" 1000 2>&1 \
  | grep -v -e '^[A-Z][a-z][a-z] [0-9]' -e '^INFO:' -e '^WARNING:' -e '^SLF4J'
machine load_after_client "$(cut -d' ' -f1-3 /proc/loadavg)"

# -------------------------------------------------------------------------------- 3. start-up
machine load_before_startup "$(cut -d' ' -f1-3 /proc/loadavg)"
log "3. Start-up to the first successful 201, $STARTUP_RUNS runs each"
printf 'server\trun\tms\n' > "$OUT/startup.tsv"
startup() { # name probe command...
  local name=$1 probe=$2; shift 2
  note "start-up $name: $*  (then poll: $probe)"
  for ((i = 1; i <= STARTUP_RUNS; i++)); do
    local start; start=$(now_ms)
    "$@" > /dev/null 2>&1 &
    local pid=$!
    until $probe; do
      if [ $(( $(now_ms) - start )) -gt 30000 ]; then echo "$name: no 201 within 30 s" >&2; kill "$pid"; exit 1; fi
      sleep 0.005
    done
    local end; end=$(now_ms)
    kill "$pid"; wait "$pid" 2>/dev/null || true
    printf '%s\t%d\t%d\n' "$name" "$i" $((end - start)) >> "$OUT/startup.tsv"
  done
  printf '  %-14s %s ms\n' "$name" "$(awk -F'\t' -v n="$name" '$1==n{printf "%s ", $3}' "$OUT/startup.tsv")"
}
startup emulator-cds probe_emulator "${EMULATOR_CMD[@]}" --port "$SPORT"
startup emulator-jar probe_emulator java -jar "$EMULATOR_JAR" --port "$SPORT"
startup fixed-body probe_bearer java -jar "$FIXED_JAR" "$SPORT"
startup prism probe_bearer "$PRISM" mock spec/openapi.yaml -h 127.0.0.1 -p "$SPORT"

log "3b. The JUnit extension's in-process emulator: what a test class pays ($STARTUP_RUNS fresh JVMs per setting, 6 classes each)"
# The test JVM's defaults, and C1 only (-XX:TieredStopAtLevel=1), the setting guide 5 suggests for test JVMs.
note "java [-XX:TieredStopAtLevel=1] -cp $BENCH_JAR io.github.atlascredentials.bench.startup.ExtensionStartup $OUT/extension.tsv FORK_EPOCH_MS LABEL   # x $STARTUP_RUNS per setting, alternating; each a fresh JVM running 6 test classes with @ExtendWith(AtlasEmulatorExtension.class)"
rm -f "$OUT/extension.tsv"
for ((i = 1; i <= STARTUP_RUNS; i++)); do
  java -cp "$BENCH_JAR" io.github.atlascredentials.bench.startup.ExtensionStartup "$OUT/extension.tsv" "$(now_ms)" defaults
  java -XX:TieredStopAtLevel=1 -cp "$BENCH_JAR" io.github.atlascredentials.bench.startup.ExtensionStartup \
    "$OUT/extension.tsv" "$(now_ms)" c1
done
for label in defaults c1; do
  printf '  %-8s first class (from the fork): %s ms\n' "$label" \
    "$(awk -F'\t' -v l="$label" '$1==l && $2=="fork-to-first-class-end"{printf "%s ", $4}' "$OUT/extension.tsv")"
  printf '  %-8s later classes: %s ms\n' "$label" \
    "$(awk -F'\t' -v l="$label" '$1==l && $2=="later-class"{printf "%s ", $4}' "$OUT/extension.tsv")"
done
fi # sections 1 to 3b

# ------------------------------------------------------------------------------ 5. memory
log "5. Resident memory, idle (5 s after the first successful 201) and after stored credentials"
machine load_before_memory "$(cut -d' ' -f1-3 /proc/loadavg)"
# heap_kb: the heap in use after a full GC (stored rows only).
printf 'server\tstate\trss_kb\tpss_kb\theap_kb\n' > "$OUT/memory.tsv"
probe_wiremock() {
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$SPORT/__admin/health" || true)" = 200 ]
}
idle_memory() { # name probe command...
  local name=$1 probe=$2; shift 2
  note "memory $name: $*  (then poll: $probe; 5 s idle; /proc/PID/smaps)"
  "$@" > /dev/null 2>&1 &
  local pid=$! start; start=$(now_ms)
  until $probe; do
    if [ $(( $(now_ms) - start )) -gt 60000 ]; then echo "$name: not ready within 60 s" >&2; kill "$pid"; exit 1; fi
    sleep 0.05
  done
  sleep 5
  local mem; mem=$(memory_kb "$pid")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  printf '%s\tidle\t%s\t\n' "$name" "$mem" >> "$OUT/memory.tsv"
  printf '  %-14s RSS %6d KiB  PSS %6d KiB\n' "$name" $mem
}
idle_memory emulator-cds probe_emulator "${EMULATOR_CMD[@]}" --port "$SPORT"
idle_memory emulator-jar probe_emulator java -jar "$EMULATOR_JAR" --port "$SPORT"
idle_memory fixed-body probe_bearer java -jar "$FIXED_JAR" "$SPORT"
idle_memory wiremock probe_wiremock java -jar "$WIREMOCK_JAR" --port "$SPORT" --bind-address 127.0.0.1 --disable-banner
idle_memory prism probe_bearer "$PRISM" mock spec/openapi.yaml -h 127.0.0.1 -p "$SPORT"
if [ -n "${stored_memory:-}" ]; then
  printf 'emulator-jar\tstored %d\t%s\t%s\n' "$stored" "$stored_memory" "$stored_heap" >> "$OUT/memory.tsv"
  printf '  after %d stored (plain java -jar, 1c): RSS %d KiB  PSS %d KiB  heap after GC %d KiB\n' "$stored" \
    $stored_memory "$stored_heap"
fi

# The README's command after as many stored credentials as 1c's plain java -jar (at least STORE_TARGET): the same
# Atlas secret creations as 1c, loaded once more (1-3 minutes) rather than extrapolated, because the RSS
# depends on how the collector sizes its heap under that allocation rate, which a smaller load does not show.
# No warm-up and no GC between runs (only the end counts); the last run is shortened to end near the count.
LOAD_PORT=$((PORT_BASE + 6))
load_target=$(( ${stored:-0} > STORE_TARGET ? ${stored:-0} : STORE_TARGET ))
log "5b. The README's command after $load_target stored credentials${ATLAS_EMULATOR_JAVA_OPTS:+ (ATLAS_EMULATOR_JAVA_OPTS=$ATLAS_EMULATOR_JAVA_OPTS)}"
machine memory_launcher_java_opts "${ATLAS_EMULATOR_JAVA_OPTS:-(none)}"
note "memory emulator-cds stored: ${EMULATOR_CMD[*]} --port P --seed $SEED ${EMULATOR_LIMITS[*]}; BENCH_TOKEN=<token> wrk -t2 -c64 -d10s --timeout 10s -s bench/wrk/create.lua http://127.0.0.1:P -- secret   # repeated until $load_target are stored (the last run shorter); then jcmd GC.run + GC.heap_info, /proc/PID/smaps"
"${EMULATOR_CMD[@]}" --port "$LOAD_PORT" --seed "$SEED" "${EMULATOR_LIMITS[@]}" > "$OUT/emulator-cds-stored.log" 2>&1 &
LOAD_PID=$!; PIDS+=($LOAD_PID)
wait_listening "$LOAD_PORT"
token=$(token_of "$LOAD_PORT")
loaded=0; seconds=10; runs=0
while [ "$loaded" -lt "$load_target" ]; do
  result=$(BENCH_TOKEN=$token wrk -t2 -c64 -d"$seconds"s --timeout 10s -s bench/wrk/create.lua \
    "http://127.0.0.1:$LOAD_PORT" -- secret | grep '^RESULT')
  loaded=$((loaded + $(cut -f5 <<< "$result") - $(cut -f6 <<< "$result")))
  printf '  %8d stored, %s, RSS %d KiB\n' "$loaded" "$(cut -f2 <<< "$result" | xargs printf '%.0f req/s')" \
    "$(memory_kb "$LOAD_PID" | cut -f1)"
  rate=$(cut -f2 <<< "$result" | cut -d. -f1)
  seconds=$(( (load_target - loaded) / (rate > 0 ? rate : 1) + 1 )); [ "$seconds" -le 10 ] || seconds=10
  runs=$((runs + 1)); [ "$runs" -lt 400 ] || { echo "  stopped after 400 runs"; break; }
done
heap=$(heap_used_kb "$LOAD_PID")
mem=$(memory_kb "$LOAD_PID")
kill "$LOAD_PID"; wait "$LOAD_PID" 2>/dev/null || true
printf 'emulator-cds\tstored %d\t%s\t%s\n' "$loaded" "$mem" "$heap" >> "$OUT/memory.tsv"
printf '  after %d stored (the README'"'"'s command): RSS %d KiB  PSS %d KiB  heap after GC %d KiB\n' \
  "$loaded" $mem "$heap"

# ----------------------------------------------------------------------------------- 4. build
printf 'step\tseconds\tstatus\n' > "$OUT/build.tsv"
if [ "$BUILD" = 1 ] && [ -z "$ONLY" ]; then
  log "4. Build times in a clean copy of the tree"
  COPY=bench/target/build-copy
  rm -rf "$COPY"; mkdir -p "$COPY"
  # No target/ folders (clean), no bench/ (not in the default reactor), no .git.
  tar -C "$ROOT" --exclude=./.git --exclude=./bench --exclude=target --exclude=node_modules \
    --exclude=emulator-data -cf - . | tar -C "$COPY" -xf -
  timed() { # label command...
    local label=$1; shift
    local start; start=$(now_ms)
    local status=ok
    (cd "$COPY" && "$@") > "$OUT/build-$(tr -c 'a-z0-9' '-' <<< "$label" | cut -c1-30).log" 2>&1 || status="failed (see $OUT/build-*.log)"
    local seconds; seconds=$(awk -v ms=$(( $(now_ms) - start )) 'BEGIN{printf "%.1f", ms/1000}')
    printf '%s\t%s\t%s\n' "$label" "$seconds" "$status" >> "$OUT/build.tsv"
    echo "  $label: $seconds s, $status"
  }
  machine load_before_build "$(cut -d' ' -f1-3 /proc/loadavg)"
  note "(cd <clean copy> && ./mvnw -o verify -DskipTests)"
  timed "clean ./mvnw -o verify -DskipTests (whole reactor)" ./mvnw -o -q verify -DskipTests
  if tail -1 "$OUT/build.tsv" | grep -q failed; then
    # A fresh machine lacks some plugins offline: fetch once, clean again, time again.
    echo "  offline build failed: fetching dependencies once, then timing again"
    (cd "$COPY" && ./mvnw -q verify -DskipTests > "$OUT/build-online.log" 2>&1) || true
    find "$COPY" -name target -type d -prune -exec rm -rf {} +
    sed -i '$d' "$OUT/build.tsv"
    timed "clean ./mvnw -o verify -DskipTests (whole reactor)" ./mvnw -o -q verify -DskipTests
  fi
  sed -i '0,/summary: Create an API Key (Cloud Manager)$/s//summary: Create an API Key (Cloud Manager)./' "$COPY/spec/openapi.yaml"
  note "(cd <copy> && edit a summary in spec/openapi.yaml && ./mvnw -o -pl client package -DskipTests)"
  timed "spec edit (one summary) -> new client jar: ./mvnw -o -pl client package -DskipTests" \
    ./mvnw -o -q -pl client package -DskipTests
  if [ "$FULL_VERIFY" = 1 ]; then
    find "$COPY" -name target -type d -prune -exec rm -rf {} +
    note "(cd <clean copy> && ./mvnw -o verify)"
    timed "clean ./mvnw -o verify (with all tests)" ./mvnw -o -q verify
  fi
  rm -rf "$COPY"
fi

machine load_at_end "$(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min)"
if [ -n "$ONLY" ]; then
  echo "BENCH_ONLY=$ONLY: results in $OUT (no report)"
  exit 0
fi
log "Report"
java -Djava.awt.headless=true -cp "$BENCH_JAR" io.github.atlascredentials.bench.report.ReportMain \
  "$OUT" "$REPORT_DIR/benchmarks.md" "$REPORT_DIR/benchmarks.png" bench/report-notes.md
