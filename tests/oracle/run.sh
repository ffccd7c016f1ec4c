#!/usr/bin/env bash
# tests/oracle/run.sh — the oracle tests: real Go vs gomapsim (see README.md beside this file).
#
#   tests/oracle/run.sh [run_oracle.py options]     e.g. --go 1.19 --go 1.24, --real-only --runs 3
#
# First checks the harness itself (test_run_oracle.py, no Go needed), then runs it.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if ! python3 "$HERE/test_run_oracle.py" >/dev/null 2>&1; then
  python3 "$HERE/test_run_oracle.py"
  echo "run.sh: the harness's own unit tests failed" >&2
  exit 2
fi
exec python3 "$HERE/run_oracle.py" "$@"
