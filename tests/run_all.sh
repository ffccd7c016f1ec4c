#!/usr/bin/env bash
# tests/run_all.sh — every test of the project, from a fresh Debian 12 machine.
#
#   bash tests/run_all.sh            (the README's test command; CI runs exactly this)
#
# 1. installs what is missing (cmake, g++, GoogleTest; every Go release offered, 1.19 and
#    1.21–1.27, unpacked from its Debian suite's .debs; emscripten, chromium, Dear ImGui's
#    source, playwright-core),
# 2. builds natively with warnings as errors and runs the GoogleTest suites (ctest),
# 3. runs the oracle: every oracle program on every release's real Go and on gomapsim,
# 4. builds the web site with Emscripten and runs the Node (Embind) and browser tests.
# Every stage runs even when an earlier one failed; the exit status and the closing
# "N passed, N failed" line count the stages.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
JOBS="$(nproc 2>/dev/null || echo 2)"
passed=0
failed=0
failed_stages=()

stage() {   # stage NAME COMMAND...
  local name="$1"; shift
  echo
  echo "==== $name"
  local t0=$SECONDS
  if "$@"; then
    passed=$((passed + 1)); echo "==== $name: ok ($((SECONDS - t0)) s)"
  else
    failed=$((failed + 1)); failed_stages+=("$name"); echo "==== $name: FAILED ($((SECONDS - t0)) s)"
  fi
}

native_build() {
  cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DGOMAPSIM_WERROR=ON && cmake --build build -j"$JOBS"
}
native_tests() {
  ctest --test-dir build --output-on-failure -j"$JOBS"
}
oracle() {
  bash tests/oracle/run.sh --gomapsim build/gomapsim --go all
}
web() {
  bash .ci/deps-web.sh && NATIVE_BUILD_DIR=build bash tests/web/run.sh
}

stage "dependencies (native, Go)" bash -c "bash .ci/deps-native.sh && bash .ci/deps-go.sh"
stage "native build" native_build
stage "engine and language tests (GoogleTest)" native_tests
stage "oracle: real Go vs gomapsim" oracle
stage "web: build, Node API tests, browser tests" web

echo
if [ $failed -gt 0 ]; then echo "failed stages: ${failed_stages[*]}"; fi
echo "stages: $passed passed, $failed failed"
[ $failed -eq 0 ]
