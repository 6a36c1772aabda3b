#!/usr/bin/env bash
# Builds the client jar twice from the same spec, cleaning the module in between, and fails
# unless both builds give byte-identical jars (same SHA-256 for every jar in target/).
#
# Usage:  docs/scripts/check-reproducible.sh
#   REPRO_MODULE=server-stub docs/scripts/check-reproducible.sh   # another module
#   MAVEN_ARGS=-o docs/scripts/check-reproducible.sh              # offline
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

module="${REPRO_MODULE:-client}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

build_once() {
  local run="$1"
  # Clean only the module under test: its generated sources and classes are made anew.
  ./mvnw -q -pl "$module" clean
  ./mvnw -q -pl "$module" -am package -DskipTests
  mkdir -p "$work/run-$run"
  local found=0
  for jar in "$module"/target/*.jar; do
    [[ -f "$jar" ]] || continue
    cp "$jar" "$work/run-$run/"
    found=1
  done
  if [[ "$found" -eq 0 ]]; then
    echo "check-reproducible: no jar in $module/target after build $run" >&2
    exit 2
  fi
  (cd "$work/run-$run" && sha256sum -- *.jar) > "$work/sums-$run"
  sed "s/^/build $run: /" "$work/sums-$run"
}

build_once 1
build_once 2

if ! diff -u "$work/sums-1" "$work/sums-2" >&2; then
  echo "check-reproducible: FAILED, the two builds of $module differ" >&2
  # Name the entries that differ, to show what to fix (timestamps, ordering, generated dates).
  for jar in "$work"/run-1/*.jar; do
    name="$(basename "$jar")"
    mkdir -p "$work/x1/$name" "$work/x2/$name"
    (cd "$work/x1/$name" && unzip -q "$jar") || true
    (cd "$work/x2/$name" && unzip -q "$work/run-2/$name") || true
  done
  diff -rq "$work/x1" "$work/x2" >&2 || true
  exit 1
fi
echo "check-reproducible: OK, both builds of $module give identical jars"
