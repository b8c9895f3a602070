#!/bin/sh
# run-all: alone (it measures time or loads the machine itself)
# `test` must stay linear in the number of examples (docs/perf/runs.md):
# on offers of bench-gen's `exemples` shape with ~10,000 and ~100,000
# exemple blocks, two in three of them made to fail (each failure is
# reported with notes that locate its forfait and service in the file),
# the CPU time (user + system, best of 3) of the larger must be at most
# 13/10 of the ratio of examples times that of the smaller (measured:
# x9.7-9.9 for x10.1; loaded machines add noise), and its peak memory at
# most 11/10 of that ratio times the smaller's. The notes once
# looked their forfait up through every declaration of the file, examples
# included: x17 for x10 examples. CPU time, not wall time, and best of 3:
# other processes on the machine do not make it flaky.
# Usage: tests/scripts/test_linear.sh BUILD/cdgrules (BUILD/bench-gen next to it).
set -u
bin=$1
[ -z "${CDG_SANITIZER:-}" ] || { echo "test_linear: skipped under sanitizers"; exit 0; }
gen=$(dirname "$bin")/bench-gen
[ -x "$gen" ] || { echo "test_linear: $gen missing (make BUILD=... test builds it)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# offer BYTES: the exemples shape with most expectations turned false
# (inclus -> en_option, non_inclus -> inclus).
offer() {
    "$gen" shape exemples "$1" |
        sed '/^  attendu </ { s/: inclus;/: en_option;/g; s/: non_inclus;/: inclus;/g; }'
}

# best FILE: "CPU_SECONDS PEAK_KB EXAMPLES" of the best of 3 runs of test
# on FILE, which must exit 1 and count more failed examples than passed.
best() {
    for i in 1 2 3; do
        "$gen" time "$tmp/rep" "$bin" test "$1" >"$tmp/out" 2>"$tmp/err" || exit 1
        read -r wall user sys kb st <"$tmp/rep"
        [ "$st" = 1 ] || { echo "test_linear: test $1 exited $st, not 1" >&2; head -5 "$tmp/err" >&2; exit 1; }
        set -- "$1" $(sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$tmp/out")
        [ $# = 3 ] && [ "$3" -gt "$2" ] ||
            { echo "test_linear: test $1: no 'N passed, M failed' line with M > N" >&2; cat "$tmp/out" >&2; exit 1; }
        echo "$user $sys $kb $(($2 + $3))"
    done | awk 'NR == 1 || $1 + $2 < t { t = $1 + $2 } $3 > k { k = $3 } { n = $4 }
                END { if (NR != 3) exit 1; printf "%.6f %d %d\n", t, k, n }'
}

offer 1300000 >"$tmp/small.cdg" && offer 13000000 >"$tmp/large.cdg" || exit 1
r=$(best "$tmp/small.cdg") || { echo "test_linear: FAIL no measurement on the small file"; exit 1; }
set -- $r; ts=$1 ks=$2 ns=$3
r=$(best "$tmp/large.cdg") || { echo "test_linear: FAIL no measurement on the large file"; exit 1; }
set -- $r; tl=$1 kl=$2 nl=$3
echo "test_linear: $ns examples: ${ts}s ${ks} KB; $nl examples: ${tl}s ${kl} KB"
awk -v ts="$ts" -v tl="$tl" -v ns="$ns" -v nl="$nl" -v ks="$ks" -v kl="$kl" 'BEGIN {
    bound = 1.3 * (nl / ns) * ts
    if (tl > bound) { printf "test_linear: FAIL time x%.1f for examples x%.1f (bound %.3fs)\n", tl / ts, nl / ns, bound; exit 1 }
    mem = 1.1 * (nl / ns) * ks
    if (kl > mem) { printf "test_linear: FAIL peak x%.1f for examples x%.1f (bound %d KB)\n", kl / ks, nl / ns, mem; exit 1 }
    printf "test_linear: time x%.1f, peak x%.1f for examples x%.1f\n", tl / ts, kl / ks, nl / ns }'
