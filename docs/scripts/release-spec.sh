#!/usr/bin/env bash
# Records the current spec as released: copies spec/openapi.yaml to spec/released/openapi.yaml, the
# client jar just built to spec/released/atlas-credentials-client.jar, and writes the project version
# beside them (spec/released/VERSION). The breaking-change gates then compare later specs and client
# jars with these. docs/scripts/release.sh runs it after a successful deploy.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

# The project version is set once, as <revision> in the root pom.
version="$(sed -n 's:.*<revision>\(.*\)</revision>.*:\1:p' pom.xml | head -n 1)"
if [[ -z "$version" ]]; then
  echo "release-spec: cannot read <revision> from pom.xml" >&2
  exit 1
fi

previous="$(cat spec/released/VERSION 2>/dev/null || echo none)"
mkdir -p spec/released
jar="client/target/atlas-credentials-client-$version.jar"
[[ -f "$jar" ]] || { echo "release-spec: no $jar; build it first (docs/scripts/release.sh does)" >&2; exit 1; }
cp spec/openapi.yaml spec/released/openapi.yaml
cp "$jar" spec/released/atlas-credentials-client.jar
printf '%s\n' "$version" > spec/released/VERSION
echo "release-spec: spec/released/ now holds the spec of $version (was $previous)."
echo "Next: move the CHANGELOG's Unreleased entries under [$version], then commit spec/released/ and CHANGELOG.md."
