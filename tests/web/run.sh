#!/usr/bin/env bash
# run.sh — builds the web site with the build contract and runs every web test:
#   1. native GoogleTest of the share codec and knobs (build-webnative/web_tests)
#   2. node --test of the Embind API (tests/web/node), against the native CLI when it is built
#   3. node --test of the page in Debian's chromium via playwright-core (tests/web/browser)
# Screenshots go to tests/web/artifacts/. Ends with "N passed, N failed"; exits non-zero on any
# failure or build error.
#
# Usage: bash tests/web/run.sh           (SKIP_BUILD=1 to reuse build-web as it is)
set -uo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
cd "$ROOT"
# The native build to use (tests/run_all.sh passes its own, already built).
NATIVE="${NATIVE_BUILD_DIR:-build-webnative}"
export GOMAPSIM_CLI="${GOMAPSIM_CLI:-$ROOT/$NATIVE/gomapsim}"
PASSED=0
FAILED=0
LOG="$HERE/artifacts"
mkdir -p "$LOG"

fail_build() {
  echo "run.sh: $1 failed"
  echo "$PASSED passed, $((FAILED + 1)) failed"
  exit 1
}

bash .ci/deps-web.sh || fail_build "deps-web.sh"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  # The build contract (README): one command, one folder build-web/site/.
  emcmake cmake -S . -B build-web -DCMAKE_BUILD_TYPE=Release > "$LOG/configure-web.log" 2>&1 ||
    { tail -30 "$LOG/configure-web.log"; fail_build "web configure"; }
  cmake --build build-web -j2 > "$LOG/build-web.log" 2>&1 ||
    { grep -E "error|Error" "$LOG/build-web.log" | head -30; fail_build "web build"; }
  # Native: the CLI (the figures the API must match) and the codec/knob tests.
  cmake -S . -B "$NATIVE" -DCMAKE_BUILD_TYPE=Release > "$LOG/configure-native.log" 2>&1 ||
    { tail -30 "$LOG/configure-native.log"; fail_build "native configure"; }
  cmake --build "$NATIVE" -j2 --target web_tests > "$LOG/build-native.log" 2>&1 ||
    { grep -E "error|Error" "$LOG/build-native.log" | head -30; fail_build "native web_tests build"; }
  cmake --build "$NATIVE" -j2 --target gomapsim >> "$LOG/build-native.log" 2>&1 ||
    { grep -E "error|Error" "$LOG/build-native.log" | head -30; fail_build "native CLI build"; }
fi
for f in build-web/site/index.html build-web/site/app.js build-web/site/app.wasm build-web/node/gomapsim_api.js; do
  [ -f "$f" ] || fail_build "missing $f"
done

count_gtest() {   # adds a GoogleTest run's results
  local out="$1"
  local p f
  p=$(grep -oE '^\[  PASSED  \] [0-9]+' <<<"$out" | grep -oE '[0-9]+$' || echo 0)
  f=$(grep -oE '^\[  FAILED  \] [0-9]+ test' <<<"$out" | grep -oE '[0-9]+' | head -1 || echo 0)
  PASSED=$((PASSED + ${p:-0}))
  FAILED=$((FAILED + ${f:-0}))
}

print_failures() {   # the spec reporter repeats each failure, with its assertion, at the end
  sed -n '/failing tests:/,$p' <<<"$1" | grep -vE '^\s+at ' | head -80
}
count_node() {    # adds a node --test run's results (TAP "# pass N" / spec "ℹ pass N")
  local out="$1"
  local p f
  p=$(grep -oE '^(#|ℹ) pass [0-9]+' <<<"$out" | grep -oE '[0-9]+$' | tail -1)
  f=$(grep -oE '^(#|ℹ) fail [0-9]+' <<<"$out" | grep -oE '[0-9]+$' | tail -1)
  PASSED=$((PASSED + ${p:-0}))
  FAILED=$((FAILED + ${f:-1}))
}

echo "== native: share codec and knobs"
out=$("$NATIVE"/web_tests 2>&1); rc=$?
echo "$out" | tail -3
count_gtest "$out"
[ $rc -eq 0 ] || echo "web_tests exited $rc"

echo "== node: Embind API"
out=$(node --test --test-reporter=spec "$HERE"/node/*.test.mjs 2>&1); rc=$?
echo "$out" | grep -E '^(✔|✖|﹣)|^ℹ' | head -200
print_failures "$out"
count_node "$out"

echo "== browser: chromium + playwright-core"
out=$(node --test --test-concurrency=1 --test-reporter=spec "$HERE"/browser/*.test.mjs 2>&1); rc=$?
echo "$out" | grep -E '^(✔|✖|﹣)|^ℹ|Error' | head -200
print_failures "$out"
count_node "$out"

echo "screenshots: $HERE/artifacts/"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
