#!/usr/bin/env bash
# deps-web.sh — installs what the web build and its tests need. Idempotent: every step checks
# first and does nothing when its result is already there.
#
#   1. Debian packages: emscripten (3.1.6, clang-14, binaryen, node-acorn), chromium and
#      Mesa's EGL/llvmpipe (a faster CPU rasterizer for the benchmark).
#   2. Dear ImGui 1.90.1 sources from Debian 13's (trixie) source package, through a private
#      apt configuration (no change to /etc), checked by sha256, unpacked to .deps/imgui-1.90.1.
#      CMake finds it there on its own (IMGUI_DIR defaults to that folder).
#   3. playwright-core from npm into tests/web/node_modules (no browser download: the tests
#      drive Debian's /usr/bin/chromium).
#
# Usage: bash .ci/deps-web.sh            (from anywhere; paths are relative to the repo)
# web/README.md, "Dear ImGui from Debian's source package", says why the source package needs a
# private apt configuration.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEPS="$ROOT/.deps"
IMGUI_VERSION=1.90.1
IMGUI_ORIG_SHA256=ecce377df0f90b292f15dcbd83d438bddc162b2388c881132bde18c787572a1c
IMGUI_DIR="$DEPS/imgui-$IMGUI_VERSION"

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

#-- 1. Debian packages --------------------------------------------------------------------------
need=()
command -v em++ >/dev/null 2>&1 || need+=(emscripten)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
command -v dpkg-source >/dev/null 2>&1 || need+=(dpkg-dev)
command -v xz >/dev/null 2>&1 || need+=(xz-utils)
[ -f /usr/share/keyrings/debian-archive-keyring.gpg ] || need+=(debian-archive-keyring)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
# Mesa's llvmpipe: the benchmark's second WebGL backend (tests/web/lib.mjs GL_ARGS)
dpkg -s libegl-mesa0 >/dev/null 2>&1 || need+=(libegl-mesa0)
dpkg -s libgl1-mesa-dri >/dev/null 2>&1 || need+=(libgl1-mesa-dri)
if [ ${#need[@]} -gt 0 ]; then
  echo "deps-web: apt-get install ${need[*]}"
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q "${need[@]}"
fi

#-- 2. Dear ImGui source (trixie's imgui 1.90.1+ds-1) -------------------------------------------
if [ ! -f "$IMGUI_DIR/imgui.cpp" ] || [ ! -f "$IMGUI_DIR/backends/imgui_impl_glfw.cpp" ]; then
  echo "deps-web: fetching imgui $IMGUI_VERSION source package"
  A="$DEPS/apt"
  mkdir -p "$A/lists/partial" "$A/cache/archives/partial" "$A/parts" "$DEPS/src"
  printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: trixie\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    > "$A/parts/trixie-src.sources"
  O=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$A/parts"
     -o "Dir::State::Lists=$A/lists" -o "Dir::Cache=$A/cache")
  apt-get "${O[@]}" update -q
  (cd "$DEPS/src" && apt-get "${O[@]}" source --download-only "imgui=$IMGUI_VERSION+ds-1")
  orig="$DEPS/src/imgui_$IMGUI_VERSION+ds.orig.tar.xz"
  echo "$IMGUI_ORIG_SHA256  $orig" | sha256sum -c -
  rm -rf "$IMGUI_DIR.tmp"
  (cd "$DEPS/src" && dpkg-source -x "imgui_$IMGUI_VERSION+ds-1.dsc" "$IMGUI_DIR.tmp")
  rm -rf "$IMGUI_DIR"
  mv "$IMGUI_DIR.tmp" "$IMGUI_DIR"
fi
echo "deps-web: imgui at $IMGUI_DIR"

#-- 3. playwright-core (npm; drives Debian's chromium) ------------------------------------------
if [ ! -f "$ROOT/tests/web/node_modules/playwright-core/package.json" ]; then
  echo "deps-web: npm install in tests/web"
  if [ -f "$ROOT/tests/web/package-lock.json" ]; then
    (cd "$ROOT/tests/web" && npm ci --no-audit --no-fund)
  else
    (cd "$ROOT/tests/web" && npm install --no-audit --no-fund)
  fi
fi
echo "deps-web: ok"
