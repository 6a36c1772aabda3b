#!/usr/bin/env bash
# Publishes the artifacts the way docs/5-emulator.md tells users to (./mvnw deploy into the file
# repository target/repo), starts the emulator's runnable jar straight from that repository on a free
# port of 127.0.0.1, and runs a stand-alone user project (.ci/user-project) against it (its JUnit test
# uses the extension atlas-emulator-junit, its main class the running emulator jar). The user
# project has a local Maven repository of its own (target/user-project-m2), so the client can only
# come from target/repo; third-party jars come from Maven Central as for any user. Then checks the
# project's runtime classpath: no OAuth library, no multipart support, and the jars client/README.md
# lists. Stops the emulator.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

version="$(sed -n 's:.*<revision>\(.*\)</revision>.*:\1:p' pom.xml | head -n 1)"
repo="$root/target/repo"
rm -rf "$repo" "$root/target/user-project-m2"
./mvnw -q deploy -DskipTests -Demulator.cds.skip=true

group="$repo/io/github/atlascredentials"
for artifact in atlas-credentials-parent/$version/atlas-credentials-parent-$version.pom \
    atlas-credentials-spec/$version/atlas-credentials-spec-$version.jar \
    atlas-credentials-client/$version/atlas-credentials-client-$version.jar \
    atlas-credentials-client/$version/atlas-credentials-client-$version-sources.jar \
    atlas-credentials-client/$version/atlas-credentials-client-$version-javadoc.jar \
    atlas-emulator/$version/atlas-emulator-$version-standalone.jar \
    atlas-emulator-junit/$version/atlas-emulator-junit-$version.jar; do
  [[ -f "$group/$artifact" ]] || { echo "user-project smoke: $artifact was not deployed" >&2; exit 1; }
done
if grep -q '\${revision}' "$group/atlas-credentials-client/$version/atlas-credentials-client-$version.pom"; then
  echo "user-project smoke: the deployed client pom still says \${revision}" >&2; exit 1
fi
[[ -z "$(find "$repo" -name 'atlas-credentials-contract-tests*' -o -name 'atlas-credentials-docs*' -o -name 'atlas-credentials-reliability*')" ]] \
  || { echo "user-project smoke: a test-only module was deployed" >&2; exit 1; }

log="$(mktemp)"
java -jar "$group/atlas-emulator/$version/atlas-emulator-$version-standalone.jar" --port 0 >"$log" 2>&1 &
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

user_project=(-f .ci/user-project/pom.xml -Dmaven.repo.local="$root/target/user-project-m2"
  -Datlas.repo.url="file://$repo" -Dclient.version="$version")
./mvnw -q "${user_project[@]}" test exec:java -Dexec.args="$base"

# The runtime classpath the user project got: nothing for OAuth or multipart, and exactly the jars
# client/README.md lists (besides the user's own SLF4J provider and this project's jars).
classpath="$(mktemp)"
./mvnw -q "${user_project[@]}" dependency:build-classpath -DincludeScope=runtime -Dmdep.outputFile="$classpath"
jars="$(tr ':' '\n' <"$classpath" | grep -v '^$' | sort)"
rm -f "$classpath"
if unwanted="$(grep -E '/(scribejava[^/]*|jersey-media-multipart|mimepull)/' <<<"$jars")"; then
  echo "user-project smoke: the user's runtime classpath holds $unwanted" >&2; exit 1
fi
listed="$(sed -n 's/^| `\([^`]*\.jar\)` |.*/\1/p' client/README.md | sort)"
resolved="$(xargs -n1 basename <<<"$jars" | grep -v -e '^slf4j-simple-' -e '^atlas-credentials-' | sort)"
if [[ "$listed" != "$resolved" ]]; then
  echo "user-project smoke: client/README.md does not list the jars a user gets:" >&2
  diff <(echo "$listed") <(echo "$resolved") >&2 || true
  exit 1
fi
kilobytes="$(xargs stat -c %s <<<"$jars" | awk '{ sum += $1 } END { printf "%d", sum / 1000 }')"
echo "user-project smoke: runtime classpath of $(wc -l <<<"$jars") jars, $kilobytes kB, as client/README.md lists"
origin="$root/target/user-project-m2/io/github/atlascredentials/atlas-credentials-client/$version/_remote.repositories"
grep -q 'atlas-credentials-local' "$origin" \
  || { echo "user-project smoke: the client did not come from target/repo" >&2; exit 1; }
echo "user-project smoke: OK (client resolved from target/repo, emulator run from it)"
