#!/usr/bin/env bash
# Releases the version set in the root pom (<revision>): builds and tests everything (the
# breaking-change gate first), deploys the published artifacts (parent, spec, client, emulator with
# its runnable jar, JUnit extension) to the release repository, then records this release as the
# baseline of the gates (docs/scripts/release-spec.sh).
#
# Usage:  docs/scripts/release.sh                        # deploys to target/repo (a file repository)
#         RELEASE_REPO_URL=https://... docs/scripts/release.sh   # another repository
# Then:   commit spec/released/ and CHANGELOG.md, and tag v<version>.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

version="$(sed -n 's:.*<revision>\(.*\)</revision>.*:\1:p' pom.xml | head -n 1)"
[[ -n "$version" ]] || { echo "release: no <revision> in pom.xml" >&2; exit 1; }
if ! grep -q "^## ${version//./\\.}\$" CHANGELOG.md; then
  echo "release: CHANGELOG.md has no '## $version' section; move the Unreleased entries there first" >&2
  exit 1
fi

repo="${RELEASE_REPO_URL:-file://$root/target/repo}"
echo "release: building, testing and deploying $version to $repo"
./mvnw clean deploy -Drelease.repo.url="$repo"

bash docs/scripts/release-spec.sh
echo "release: $version deployed. Commit spec/released/ and CHANGELOG.md, then: git tag v$version"
