#!/usr/bin/env bash
# Installs the artifacts, starts the emulator jar on a free port of 127.0.0.1 and runs a stand-alone
# user project (.ci/user-project) against it: proves the README's main job and that the client jar
# works on a user's classpath (transitive versions as users resolve them). Stops the emulator itself.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -q install -DskipTests

log="$(mktemp)"
java -jar server-stub/target/atlas-emulator.jar --port 0 >"$log" 2>&1 &
emulator=$!
trap 'kill "$emulator" 2>/dev/null || true; wait "$emulator" 2>/dev/null || true; rm -f "$log"' EXIT

base=""
for _ in $(seq 1 100); do
  base="$(sed -n 's/^Listening on \(http:\/\/[^ ]*\)$/\1/p' "$log")"
  [[ -n "$base" ]] && break
  kill -0 "$emulator" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.2
done
[[ -n "$base" ]] || { echo "user-project smoke: the emulator did not start" >&2; exit 1; }

version="$(sed -n 's:.*<revision>\(.*\)</revision>.*:\1:p' pom.xml | head -n 1)"
./mvnw -q -f .ci/user-project/pom.xml compile exec:java -Dclient.version="$version" -Dexec.args="$base"
