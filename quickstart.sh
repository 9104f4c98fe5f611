#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The README's quick start. On a fresh Debian 12 machine (as root, or with sudo):
#   ./quickstart.sh paper   reproduce the paper's fit (examples/paper_fit); extra arguments go to it
#   ./quickstart.sh test    build everything with g++ and run all tests, then the ASan+UBSan build
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(g++ cmake make libeigen3-dev libboost-dev doctest-dev libbenchmark-dev gnuplot-nox)

ensure_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "quickstart: installing ${missing[*]}" >&2
  local SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

jobs=$(nproc 2>/dev/null || echo 2)
what=${1:-}
[ $# -gt 0 ] && shift

case "$what" in
  paper)
    ensure_packages "${PACKAGES[@]}"
    cmake --preset gcc -DDARKLOOPS_BUILD_TESTS=OFF -DDARKLOOPS_BUILD_BENCHMARKS=OFF >/dev/null
    if ! cmake --build build/gcc --target paper_fit -j "$jobs" >/dev/null 2>&1; then
      if [ ! -f examples/paper_fit.cpp ]; then
        echo "quickstart: the paper's fit (examples/paper_fit) is not there yet — see issue 'The fit layer and the main job'." >&2
        exit 3
      fi
      cmake --build build/gcc --target paper_fit -j "$jobs"   # show the errors
    fi
    exec build/gcc/examples/paper_fit "$@"
    ;;
  test)
    ensure_packages "${PACKAGES[@]}"
    echo "== g++ build: tests, examples, benchmarks (warnings are errors)"
    cmake --preset gcc
    cmake --build --preset gcc -j "$jobs"
    ctest --preset gcc
    echo "== AddressSanitizer + UndefinedBehaviorSanitizer build of the tests"
    cmake --preset asan
    cmake --build --preset asan -j "$jobs"
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      ctest --preset asan
    ;;
  *)
    echo "usage: ./quickstart.sh paper [paper_fit options] | ./quickstart.sh test" >&2
    exit 2
    ;;
esac
