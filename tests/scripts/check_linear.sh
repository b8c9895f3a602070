#!/bin/sh
# run-all: alone (it measures time or loads the machine itself)
# check's cost must grow linearly (docs/PERFORMANCE.md): on generated rules
# files of ~1 MB and ~10 MB, the CPU time (user + system, best of 3) of the
# larger must be at most 11/10 of the size ratio times that of the smaller,
# and its peak memory (the whole process) at most 4x its size, the floor of
# issue 8 (measured: 3.5x; see docs/PERFORMANCE.md).
# A quadratic lookup or sort would cost ~100x. CPU time, not wall time,
# and best of 3: other processes on the machine do not make it flaky.
# Usage: tests/scripts/check_linear.sh BUILD/cdgrules (BUILD/bench-gen next to it).
set -u
bin=$1
# Sanitizer builds (make test-asan) trade memory and time for checks.
[ -z "${CDG_SANITIZER:-}" ] || { echo "check_linear: skipped under sanitizers"; exit 0; }
gen=$(dirname "$bin")/bench-gen
[ -x "$gen" ] || { echo "check_linear: $gen missing (make BUILD=... test builds it)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# best FILE: "CPU_SECONDS PEAK_KB" of the best of 3 runs of check on FILE.
best() {
    for i in 1 2 3; do
        "$gen" time "$tmp/rep" "$bin" check --werror "$1" >/dev/null 2>"$tmp/err" || exit 1
        read -r wall user sys kb st <"$tmp/rep"
        [ "$st" = 0 ] || { echo "check_linear: check $1 exited $st"; cat "$tmp/err"; exit 1; }
        echo "$user $sys $kb"
    done | awk 'NR == 1 || $1 + $2 < t { t = $1 + $2 } $3 > k { k = $3 } END { printf "%.6f %d\n", t, k }'
}

"$gen" rules 1000000 >"$tmp/small.cdg" && "$gen" rules 10000000 >"$tmp/large.cdg" || exit 1
small=$(wc -c <"$tmp/small.cdg") large=$(wc -c <"$tmp/large.cdg")
set -- $(best "$tmp/small.cdg"); ts=$1 ks=$2
set -- $(best "$tmp/large.cdg"); tl=$1 kl=$2
echo "check_linear: $small bytes: ${ts}s ${ks} KB; $large bytes: ${tl}s ${kl} KB"
awk -v ts="$ts" -v tl="$tl" -v s="$small" -v l="$large" -v ks="$ks" -v kl="$kl" 'BEGIN {
    bound = 1.1 * (l / s) * ts
    if (tl > bound) { printf "check_linear: FAIL time x%.1f for input x%.1f (bound %.3fs)\n", tl / ts, l / s, bound; exit 1 }
    mem = 4 * l / 1024
    if (kl > mem) { printf "check_linear: FAIL peak %d KB > 4 x file (%d KB)\n", kl, mem; exit 1 }
    printf "check_linear: time x%.1f for input x%.1f, peak %.1f x file\n", tl / ts, l / s, kl * 1024 / l }'
