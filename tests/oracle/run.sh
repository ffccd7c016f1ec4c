#!/usr/bin/env bash
# tests/oracle/run.sh — the oracle tests: real Go vs gomapsim (see README.md beside this file).
#
#   tests/oracle/run.sh [run_oracle.py options]     e.g. --go 1.19 --go 1.24, --real-only --runs 3
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec python3 "$HERE/run_oracle.py" "$@"
