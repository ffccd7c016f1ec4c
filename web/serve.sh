#!/usr/bin/env bash
# serve.sh — builds the playground (the build contract below) and serves build-web/site/ on
# http://127.0.0.1:${PORT:-8080}/ . Installs what is missing first (.ci/deps-web.sh).
#
#   emcmake cmake -S . -B build-web -DCMAKE_BUILD_TYPE=Release && cmake --build build-web
#
# The site is plain static files (index.html, app.js, app.wasm): any static host serves it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash .ci/deps-web.sh
emcmake cmake -S . -B build-web -DCMAKE_BUILD_TYPE=Release
cmake --build build-web -j"$(nproc 2>/dev/null || echo 2)"
exec node web/tools/serve.mjs build-web/site "${PORT:-8080}"
