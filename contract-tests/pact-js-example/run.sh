#!/usr/bin/env bash
# The pact-js example end to end, as .ci/run runs it: installs the pinned packages (npm ci), runs the
# consumer tests (they write pacts/), starts the emulator jar as guide 5 says (demo seed, a free port of
# 127.0.0.1) and verifies the pact with pact-js's Verifier and the state-change URL only. Stops the
# emulator it started. Needs the jar: ./mvnw -pl server-stub -am package (the path may be given as $1).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$(realpath -m "${1:-$here/../../server-stub/target/atlas-emulator.jar}")"
cd "$here"
[[ -f "$jar" ]] || { echo "pact-js example: no emulator jar at $jar (./mvnw -pl server-stub -am package)" >&2; exit 1; }
export PACT_DO_NOT_TRACK=true

npm ci --no-audit --no-fund
npm run --silent consumer

log="$(mktemp)"
java -jar "$jar" --port 0 >"$log" 2>&1 &
emulator=$!
trap 'kill "$emulator" 2>/dev/null || true; wait "$emulator" 2>/dev/null || true; rm -f "$log"' EXIT
base=""
for _ in $(seq 1 100); do
  base="$(sed -n 's/^Listening on \(http:\/\/[^ ]*\)$/\1/p' "$log")"
  [[ -n "$base" ]] && break
  kill -0 "$emulator" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.2
done
[[ -n "$base" ]] || { echo "pact-js example: the emulator did not start" >&2; exit 1; }
node verify.js "$base"
