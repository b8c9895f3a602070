#!/bin/sh
# check's cost must grow linearly on every shape of offer (docs/PERFORMANCE.md,
# issue 19): for each shape of `bench-gen shape`, on generated rules files
# of ~1 MB and ~10 MB, the CPU time (user + system, best of 3) of the larger
# must be at most 11/10 of the size ratio times that of the smaller, and
# its peak memory (the whole process) at most 4x its size, the floor of
# issue 8. A quadratic lookup or sort would cost ~100x. CPU time, not wall
# time, and best of 3: other processes on the machine do not make it flaky.
# Every run must exit 0 with a measurement: a failed run, a missing report
# or a zero figure fails the guard (it must never pass without measuring).
# Every shape is measured even after a failure; the last line says which
# failed. About 15-30 s.
# Usage: tests/scripts/check_linear.sh BUILD/cdgrules (BUILD/bench-gen next to
# it). CHECK_LINEAR_SHAPES="a b" measures only those shapes.
set -u
bin=$1
# Sanitizer builds (make test-asan) trade memory and time for checks.
[ -z "${CDG_SANITIZER:-}" ] || { echo "check_linear: skipped under sanitizers"; exit 0; }
gen=$(dirname "$bin")/bench-gen
[ -x "$gen" ] || { echo "check_linear: FAIL $gen missing (make BUILD=... test builds it)"; exit 1; }
[ -x "$bin" ] || { echo "check_linear: FAIL $bin missing"; exit 1; }
shapes=${CHECK_LINEAR_SHAPES:-$("$gen" shapes)}
[ -n "$shapes" ] || { echo "check_linear: FAIL '$gen shapes' names no shape"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# best FILE: sets t (CPU seconds, best of 3 runs of check --werror on FILE)
# and k (the largest peak RSS in KB); returns 1, saying why, when a run
# fails or reports no figure.
best() {
    t="" k=0
    for i in 1 2 3; do
        rm -f "$tmp/rep"
        if ! "$gen" time "$tmp/rep" "$bin" check --werror "$1" >/dev/null 2>"$tmp/err"; then
            echo "check_linear: FAIL could not time check on $1"; cat "$tmp/err"; return 1
        fi
        read -r wall user sys kb st <"$tmp/rep" || { echo "check_linear: FAIL no report for $1"; return 1; }
        if [ "${st:-}" != 0 ]; then
            echo "check_linear: FAIL check --werror $1 exited ${st:-?}:"; head -20 "$tmp/err"; return 1
        fi
        cpu=$(awk -v u="${user:-0}" -v s="${sys:-0}" 'BEGIN { printf "%.6f", u + s }')
        if ! awk -v c="$cpu" -v k="${kb:-0}" 'BEGIN { exit !(c > 0 && k > 0) }'; then
            echo "check_linear: FAIL no measurement for $1 (cpu ${cpu}s, peak ${kb:-?} KB)"; return 1
        fi
        t=$(awk -v a="$t" -v b="$cpu" 'BEGIN { print (a == "" || b < a) ? b : a }')
        [ "$kb" -gt "$k" ] && k=$kb
    done
    return 0
}

failed=""
for shape in $shapes; do
    if ! "$gen" shape "$shape" 1000000 >"$tmp/small.cdg" || ! "$gen" shape "$shape" 10000000 >"$tmp/large.cdg"; then
        echo "check_linear: FAIL $gen shape $shape did not write its files"; failed="$failed $shape"; continue
    fi
    small=$(wc -c <"$tmp/small.cdg") large=$(wc -c <"$tmp/large.cdg")
    best "$tmp/small.cdg" || { failed="$failed $shape"; continue; }
    ts=$t ks=$k
    best "$tmp/large.cdg" || { failed="$failed $shape"; continue; }
    tl=$t kl=$k
    awk -v sh="$shape" -v ts="$ts" -v tl="$tl" -v s="$small" -v l="$large" -v ks="$ks" -v kl="$kl" 'BEGIN {
        bound = 1.1 * (l / s) * ts; mem = 4 * l / 1024; bad = 0
        printf "check_linear: %-12s %9d bytes %.3fs %6d KB; %9d bytes %.3fs %7d KB (%.0f MB/s): time x%.1f for input x%.1f, peak %.1f x file\n",
            sh, s, ts, ks, l, tl, kl, l / 1e6 / tl, tl / ts, l / s, kl * 1024 / l
        if (tl > bound) { printf "check_linear: FAIL %s: time x%.1f for input x%.1f (%.3fs > bound %.3fs)\n", sh, tl / ts, l / s, tl, bound; bad = 1 }
        if (kl > mem) { printf "check_linear: FAIL %s: peak %d KB > 4 x file (%d KB)\n", sh, kl, mem; bad = 1 }
        exit bad }' || failed="$failed $shape"
done
if [ -n "$failed" ]; then
    echo "check_linear: FAIL on:$failed"
    exit 1
fi
echo "check_linear: every shape linear and under 4 x its file:" $shapes
