#!/bin/sh
# Lists the seed inputs of the fuzz targets, one path a line: every .cdg
# file of the repository and every input file of the golden tests.
# Usage: tests/fuzz/seeds.sh (from anywhere)
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
find . -path ./build -prune -o -path ./.git -prune -o -type f -name '*.cdg' -print
find tests/golden -mindepth 3 -type f ! -name cmd ! -name 'expected.*' ! -name '*.cdg' -print
