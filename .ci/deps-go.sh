#!/usr/bin/env bash
# .ci/deps-go.sh — the real Go toolchains the oracle compares gomapsim against: every release
# the playground offers (1.19, 1.21–1.27; no Debian suite packages 1.20).
#
#   bash .ci/deps-go.sh [RELEASE ...]     unpack (idempotent) the named releases, default all,
#                                         then print where each one is
#
# Every release is a pair of Debian packages, golang-X.Y-go and golang-X.Y-src (the -src one
# holds the standard library `go build` needs, and that release's exact runtime source):
#
#   1.19  bookworm (Debian 12)     1.21, 1.22, 1.23  bookworm-backports
#   1.24  trixie                   1.25              trixie-backports
#   1.26, 1.27  sid
#
# They are fetched with a PRIVATE apt configuration (own sources, lists and cache under
# .deps/apt; the system's apt sources are never touched), downloaded with `apt-get download`
# and unpacked with `dpkg -x` into .deps/goX.Y → .deps/goX.Y/usr/lib/go-X.Y/bin/go. Nothing is
# installed. Run a toolchain with GOROOT set to its tree and GOTOOLCHAIN=local.
#
# The Debian version of each release is pinned to the one the project's figures were measured
# with (engine/runtime/README.md); when a suite has dropped it, the suite's current version of
# the same release is taken, with a warning.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEPS="$ROOT/.deps"

# release  suite               Debian version measured
RELEASES="
1.19 bookworm            1.19.8-2
1.21 bookworm-backports  1.21.13-1~bpo12+1
1.22 bookworm-backports  1.22.12-3~bpo12+1
1.23 bookworm-backports  1.23.5-1~bpo12+1
1.24 trixie              1.24.4-1
1.25 trixie-backports    1.25.12-1~bpo13+1
1.26 sid                 1.26.10-1
1.27 sid                 1.27.3-1
"

goroot() { echo "$DEPS/go$1/usr/lib/go-$1"; }

release_ok() {   # release_ok X.Y: the unpacked tree builds and reports its version
  local r="$1" gr
  gr="$(goroot "$r")"
  [ -x "$gr/bin/go" ] && [ -f "$gr/src/runtime/malloc.go" ] \
    && env -u GOFLAGS GOROOT="$gr" GOTOOLCHAIN=local GOCACHE="$DEPS/gocache-$r" \
       "$gr/bin/go" version >/dev/null 2>&1
}

wanted=("$@")
if [ ${#wanted[@]} -eq 0 ]; then
  wanted=($(echo "$RELEASES" | awk 'NF { print $1 }'))
fi

missing=()
for r in "${wanted[@]}"; do
  echo "$RELEASES" | awk -v r="$r" '$1 == r { found = 1 } END { exit !found }' \
    || { echo "deps-go: no such release: $r (known: $(echo "$RELEASES" | awk 'NF { printf "%s ", $1 }'))" >&2; exit 2; }
  release_ok "$r" || missing+=("$r")
done

if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  # The keyring ships with debian-archive-keyring (on any Debian 12); trixie's key is in it.
  if [ ! -f /usr/share/keyrings/debian-archive-keyring.gpg ]; then
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q debian-archive-keyring
  fi
  A="$DEPS/apt"
  mkdir -p "$A/lists/partial" "$A/cache/archives/partial" "$A/parts" "$A/debs"
  rm -f "$A/parts"/*.sources
  for suite in $(echo "$RELEASES" | awk 'NF { print $2 }' | sort -u); do
    printf 'Types: deb\nURIs: http://deb.debian.org/debian\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
      "$suite" > "$A/parts/$suite.sources"
  done
  O=(-o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$A/parts"
     -o "Dir::State::Lists=$A/lists" -o "Dir::Cache=$A/cache"
     -o "Dir::State::status=/dev/null" -o "APT::Sandbox::User=root")
  echo "deps-go: fetching package lists (private apt config in $A)"
  apt-get "${O[@]}" -q update >/dev/null
  pkgs=()
  for r in "${missing[@]}"; do
    pinned="$(echo "$RELEASES" | awk -v r="$r" '$1 == r { print $3 }')"
    version="$pinned"
    if ! apt-cache "${O[@]}" show "golang-$r-go=$pinned" >/dev/null 2>&1; then
      version="$(apt-cache "${O[@]}" policy "golang-$r-go" | awk '/Candidate:/ { print $2 }')"
      [ -n "$version" ] && [ "$version" != "(none)" ] \
        || { echo "deps-go: golang-$r-go is in none of the suites" >&2; exit 1; }
      echo "deps-go: WARNING: golang-$r-go $pinned is gone from its suite; taking $version" >&2
    fi
    pkgs+=("golang-$r-go=$version" "golang-$r-src=$version")
  done
  rm -f "$A/debs"/*.deb
  echo "deps-go: downloading ${pkgs[*]}"
  (cd "$A/debs" && apt-get "${O[@]}" -q download "${pkgs[@]}" >/dev/null)
  for r in "${missing[@]}"; do
    rm -rf "$DEPS/go$r" "$DEPS/gocache-$r"
    mkdir -p "$DEPS/go$r"
    for deb in "$A/debs"/golang-"$r"-*.deb; do
      echo "deps-go: unpacking $(basename "$deb")"
      dpkg -x "$deb" "$DEPS/go$r"
    done
    release_ok "$r" || { echo "deps-go: Go $r did not unpack into a working toolchain" >&2; exit 1; }
  done
  # The package lists and the .debs are tens to hundreds of MB: the unpacked trees are the record.
  rm -rf "$A/lists" "$A/cache" "$A/debs"
fi

for r in "${wanted[@]}"; do
  gr="$(goroot "$r")"
  echo "deps-go: go$r  $gr/bin/go  ($(env -u GOFLAGS GOROOT="$gr" GOTOOLCHAIN=local \
    GOCACHE="$DEPS/gocache-$r" "$gr/bin/go" version))"
done
