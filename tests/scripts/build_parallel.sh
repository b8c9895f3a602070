#!/bin/sh
# run-all: alone (it measures time or loads the machine itself)
# Clean parallel builds never race: builds the binary and the libraries
# from an empty build directory with `make -j4`, BUILD_PARALLEL_RUNS times
# (3 by default), and fails on the first failed build or on a generator
# (bison, flex) that ran more than once in a build.
# Usage: tests/scripts/build_parallel.sh [BUILD/cdgrules]  (argument unused:
# every build is a fresh one in a temporary directory)
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${BUILD_PARALLEL_RUNS:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
# It checks the Makefile, which sanitizer builds share: run once, in make test.
[ -z "${CDG_SANITIZER:-}" ] || { echo "build_parallel: skipped under sanitizers"; exit 0; }
unset MAKEFLAGS MFLAGS MAKELEVEL CFLAGS LDFLAGS || true
fail() { echo "build_parallel: FAIL: $*"; exit 1; }
version=$(sed -n 's/^#define CDGRULES_VERSION "\(.*\)"/\1/p' include/cdgrules.h)
[ -n "$version" ] || fail "no CDGRULES_VERSION in include/cdgrules.h"

i=1
while [ "$i" -le "$runs" ]; do
    b=$tmp/b$i
    make -j4 BUILD="$b" "$b/cdgrules" "$b/libcdgrules.a" "$b/libcdgrules.so.$version" \
        >"$tmp/log$i" 2>&1 || { tail -n 30 "$tmp/log$i"; fail "clean make -j4, run $i of $runs"; }
    for gen in bison flex; do
        n=$(grep -c "^$gen " "$tmp/log$i" || true)
        [ "$n" = 1 ] || { cat "$tmp/log$i"; fail "$gen ran $n times in run $i (expected once)"; }
    done
    [ -x "$b/cdgrules" ] || fail "run $i: no binary"
    "$b/cdgrules" --version >/dev/null || fail "run $i: the built binary does not run"
    rm -rf "$b"
    i=$((i + 1))
done
echo "build_parallel: $runs clean make -j4 builds, all good"
