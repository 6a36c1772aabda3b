#!/usr/bin/env bash
# Proves each path of the breaking-change gates (docs/7-changing-the-spec.md) on a real build of a
# throw-away copy of this work tree, with a local Maven repository of its own (the usual one is only
# read, as a tail), so that "nothing was installed" can be checked:
#   refused     an incompatible spec edit fails in the spec module: nothing generated, packaged or installed
#   overridden  the same edit with -Dspec.allowBreaking=true passes as BREAKING_OVERRIDDEN
#   major bump  the same edit with a higher major version (-Drevision=2...) passes as BREAKING_WITH_MAJOR_BUMP
#   compatible  a new optional response field passes as COMPATIBLE
#   java api    a client jar whose public API lost a class (against the recorded release) fails in
#               the client module after packaging, before anything is installed
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap '[[ -n "${KEEP:-}" ]] || rm -rf "$work"' EXIT
copy="$work/repo"
mkdir -p "$copy"
(cd "$root" && git ls-files -z --cached --others --exclude-standard | xargs -0 tar -cf - 2>/dev/null) | tar -xf - -C "$copy"
m2="$work/m2"
tail_repo="${MAVEN_REPO_TAIL:-$HOME/.m2/repository}"
mvn() { (cd "$copy" && ./mvnw -o -B -Dmaven.repo.local="$m2" -Dmaven.repo.local.tail="$tail_repo" "$@") >"$work/out" 2>&1; }
fail() { echo "gate-paths: FAILED: $*" >&2; tail -n 40 "$work/out" >&2; exit 1; }
expect() { grep -q -- "$1" "$work/out" || fail "expected '$1' in the build output"; }
spec="$copy/spec/openapi.yaml"
cp "$spec" "$work/openapi.yaml.orig"
# Every path runs at the released version's major (the tree's own version may already be a major bump,
# which lets any break through), except the one that proves a major bump and the baseline's build.
released="$(cat "$root/spec/released/VERSION")"
same_major="-Drevision=$released"
next_major="-Drevision=$(( ${released%%.*} + 1 )).0.0-api.2025-03-12"

# The copy's release baseline is this tree itself (its spec and its client jar), so that each path below
# measures its own edit only: the tree may already differ from the last real release under a major bump.
cp "$spec" "$copy/spec/released/openapi.yaml"
mvn -pl client -am package -Dmaven.test.skip=true "$next_major" || fail "baseline: the client did not build"
baseline_jar="$(find "$copy/client/target" -maxdepth 1 -name 'atlas-credentials-client-*.jar' \
  ! -name '*-sources.jar' ! -name '*-javadoc.jar' ! -name '*-tests.jar' -print -quit)"
[[ -n "$baseline_jar" ]] || fail "baseline: no client jar"
cp "$baseline_jar" "$copy/spec/released/atlas-credentials-client.jar"
find "$copy" -name target -type d -prune -exec rm -rf {} +
[[ ! -e "$m2/io/github/atlascredentials" ]] || fail "baseline: something was installed"

# An incompatible edit: a lower maximum for the hours of an Atlas service-account secret.
grep -q 'maximum: 8760$' "$spec" || fail "the spec no longer has 'maximum: 8760' to narrow"
sed -i '0,/maximum: 8760$/s//maximum: 720/' "$spec"

mvn -pl client,server-stub -am install -DskipTests "$same_major" && fail "refused: the build passed"
expect "BREAKING_REFUSED\|Incompatible change to the API contract since release"
expect "spec-change-gate"
[[ ! -e "$copy/client/target/generated-sources" && ! -e "$copy/server-stub/target/generated-sources" ]] \
  || fail "refused: code was generated"
[[ -z "$(find "$copy" -path '*/target/*.jar' -print -quit)" ]] || fail "refused: a jar was packaged"
[[ ! -e "$m2/io/github/atlascredentials" ]] || fail "refused: something was installed"
echo "gate-paths: refused    OK (nothing generated, packaged or installed)"

mvn -pl spec process-classes -Dspec.allowBreaking=true "$same_major" || fail "overridden: the build failed"
expect "BREAKING_OVERRIDDEN"
echo "gate-paths: overridden OK"

mvn -pl spec process-classes "$next_major" || fail "major bump: the build failed"
expect "BREAKING_WITH_MAJOR_BUMP"
echo "gate-paths: major bump OK"

cp "$work/openapi.yaml.orig" "$spec"
python3 - "$spec" <<'PY'
import sys
path = sys.argv[1]
text = open(path).read()
anchor = "    ServiceAccountSecret:\n"
assert anchor in text, "no ServiceAccountSecret schema"
start = text.index(anchor)
props = text.index("      properties:\n", start) + len("      properties:\n")
text = text[:props] + "        rotatedFrom:\n          type: string\n          description: The secret this one replaces.\n" + text[props:]
open(path, "w").write(text)
PY
mvn -pl spec process-classes "$same_major" || fail "compatible: the build failed"
expect "COMPATIBLE"
echo "gate-paths: compatible OK"

# The Java API gate: the recorded release gains a public class that the current client lacks.
cp "$work/openapi.yaml.orig" "$spec"
mkdir -p "$work/extra/io/github/atlascredentials/client"
printf 'package io.github.atlascredentials.client;\npublic class RemovedSinceRelease { public void call() {} }\n' \
  > "$work/extra/io/github/atlascredentials/client/RemovedSinceRelease.java"
javac -d "$work/extra-classes" "$work/extra/io/github/atlascredentials/client/RemovedSinceRelease.java"
jar uf "$copy/spec/released/atlas-credentials-client.jar" -C "$work/extra-classes" .
mvn -pl client -am install -Dmaven.test.skip=true "$same_major" && fail "java api: the build passed"
expect "client-api-gate"
expect "RemovedSinceRelease"
[[ ! -e "$m2/io/github/atlascredentials/atlas-credentials-client" ]] || fail "java api: the client was installed"
echo "gate-paths: java api   OK (refused after packaging, nothing of the client installed)"
echo "gate-paths: all 5 paths behave as docs/7-changing-the-spec.md says"
