#!/usr/bin/env bash
# .ci/deps-go.sh — the real Go toolchains the oracle tests compare gomapsim against.
#
#   bash .ci/deps-go.sh          install / unpack (idempotent), then print where things are
#
# * Go 1.19 (classic bucket maps): Debian 12's golang-1.19-go, installed with apt when missing
#   → /usr/lib/go-1.19/bin/go.
# * Go 1.24 (Swiss-table maps): Debian 13 (trixie) golang-1.24-go + golang-1.24-src .debs,
#   fetched with a PRIVATE apt configuration (own sources, lists and cache under .deps/apt; the
#   system's apt sources are never touched), unpacked with `dpkg -x` into .deps/go1.24
#   → .deps/go1.24/usr/lib/go-1.24/bin/go (run it with GOROOT set to .deps/go1.24/usr/lib/go-1.24).
#
# Nothing is installed from trixie; the unpacked tree is gitignored (.deps/).
# tests/oracle/run_oracle.py finds both toolchains at these paths.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEPS="$ROOT/.deps"
GO119="/usr/lib/go-1.19/bin/go"
GO124_ROOT="$DEPS/go1.24/usr/lib/go-1.24"
GO124="$GO124_ROOT/bin/go"

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

#-- Go 1.19 from Debian 12 ----------------------------------------------------------------------
if [ ! -x "$GO119" ]; then
  echo "deps-go: installing golang-1.19-go with apt"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends golang-1.19-go
fi

#-- Go 1.24 from Debian 13 (private apt configuration, download only) -------------------------
go124_ok() {
  [ -x "$GO124" ] && [ -f "$GO124_ROOT/src/runtime/map_swiss.go" ] \
    && env -u GOFLAGS GOROOT="$GO124_ROOT" GOTOOLCHAIN=local GOCACHE="$DEPS/gocache-1.24" \
       "$GO124" version >/dev/null 2>&1
}

if ! go124_ok; then
  A="$DEPS/apt"
  mkdir -p "$A/lists/partial" "$A/cache/archives/partial" "$A/parts" "$A/debs"
  printf 'Types: deb\nURIs: http://deb.debian.org/debian\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    > "$A/parts/trixie.sources"
  # The keyring ships with debian-archive-keyring (present on any Debian 12); trixie's key is in it.
  if [ ! -f /usr/share/keyrings/debian-archive-keyring.gpg ]; then
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q debian-archive-keyring
  fi
  O=(-o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$A/parts"
     -o "Dir::State::Lists=$A/lists" -o "Dir::Cache=$A/cache"
     -o "Dir::State::status=/dev/null" -o "APT::Sandbox::User=root")
  echo "deps-go: fetching trixie package lists (private apt config in $A)"
  apt-get "${O[@]}" -q update
  rm -f "$A/debs"/*.deb
  (cd "$A/debs" && apt-get "${O[@]}" -q download golang-1.24-go golang-1.24-src)
  rm -rf "$DEPS/go1.24"
  mkdir -p "$DEPS/go1.24"
  for deb in "$A/debs"/*.deb; do
    echo "deps-go: unpacking $(basename "$deb")"
    dpkg -x "$deb" "$DEPS/go1.24"
  done
  # Drop the package lists (tens of MB); the .debs stay as a record of what was unpacked.
  rm -rf "$A/lists" "$A/cache"
  go124_ok || { echo "deps-go: Go 1.24 did not unpack into a working toolchain" >&2; exit 1; }
fi

#-- Report --------------------------------------------------------------------------------------
echo "deps-go: go1.19  $GO119  ($("$GO119" version))"
echo "deps-go: go1.24  $GO124  ($(env -u GOFLAGS GOROOT="$GO124_ROOT" GOTOOLCHAIN=local \
  GOCACHE="$DEPS/gocache-1.24" "$GO124" version))"
echo "deps-go: run 1.24 with GOROOT=$GO124_ROOT GOTOOLCHAIN=local"
