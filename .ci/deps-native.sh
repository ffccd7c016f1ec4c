#!/usr/bin/env bash
# .ci/deps-native.sh — what the native build needs on a fresh Debian 12: cmake, g++,
# GoogleTest, python3 (oracle harness). Idempotent: installs only what is missing.
set -euo pipefail
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
missing=()
command -v cmake >/dev/null || missing+=(cmake)
command -v g++ >/dev/null || missing+=(g++)
command -v python3 >/dev/null || missing+=(python3)
[ -f /usr/lib/x86_64-linux-gnu/cmake/GTest/GTestConfig.cmake ] || [ -d /usr/lib/cmake/GTest ] \
  || missing+=(libgtest-dev googletest)
if [ ${#missing[@]} -gt 0 ]; then
  echo "deps-native: installing ${missing[*]}"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
