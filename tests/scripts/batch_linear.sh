#!/bin/sh
# run-all: alone (it measures time or loads the machine itself)
# `batch --prix` must stay linear in rows, in constant memory, and cheap
# next to `batch` without prices (docs/perf/runs.md): over 35,000 and
# 350,000 generated rows (as many as there are French communes, and ten
# times more) priced by examples/cdg47-2027.cdg's forfait Technologie,
# the CPU time (user + system, best of 3) of the larger must be at most
# 11/10 of the ratio of rows times that of the smaller, its peak memory
# at most 1 MB above the smaller's, and its CPU time at most 2x that of
# the same rows without --prix. Each row's quote once went to an arena
# renewed every megabyte (a fresh mapping each time: page faults) and its
# amount through snprintf: 6.5x the rows without prices. CPU time, not
# wall time, and best of 3: other processes do not make it flaky.
# Usage: tests/scripts/batch_linear.sh BUILD/cdgrules (BUILD/bench-gen next to it).
set -u
bin=$1
[ -z "${CDG_SANITIZER:-}" ] || { echo "batch_linear: skipped under sanitizers"; exit 0; }
gen=$(dirname "$bin")/bench-gen
[ -x "$gen" ] || { echo "batch_linear: $gen missing (make BUILD=... test builds it)"; exit 1; }
rules=$(dirname "$0")/../../examples/cdg47-2027.cdg
[ -f "$rules" ] || { echo "batch_linear: $rules missing"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# best ROWS FILE [ARG...]: "CPU_SECONDS PEAK_KB" of the best of 3 runs of
# batch on FILE, which must write ROWS rows and a header, priced with
# --prix (the last field of the last row an amount).
best() {
    rows=$1 f=$2
    shift 2
    for i in 1 2 3; do
        "$gen" time "$tmp/rep" "$bin" batch "$rules" --forfait Technologie "$@" -o "$tmp/out.csv" "$f" 2>"$tmp/err" || exit 1
        read -r wall user sys kb st <"$tmp/rep"
        [ "$st" = 0 ] || { echo "batch_linear: batch $* $f exited $st" >&2; head -5 "$tmp/err" >&2; exit 1; }
        got=$(wc -l <"$tmp/out.csv")
        [ "$got" = $((rows + 1)) ] || { echo "batch_linear: batch $* $f wrote $got lines, not $((rows + 1))" >&2; exit 1; }
        if [ "${1:-}" = --prix ]; then
            tail -n 1 "$tmp/out.csv" | grep -q ',[0-9][0-9]*\.[0-9][0-9]$' ||
                { echo "batch_linear: batch $* $f: no amount on the last row" >&2; exit 1; }
        fi
        echo "$user $sys $kb"
    done | awk 'NR == 1 || $1 + $2 < t { t = $1 + $2 } $3 > k { k = $3 }
                END { if (NR != 3) exit 1; printf "%.6f %d\n", t, k }'
}

"$gen" csv 35000 >"$tmp/small.csv" && "$gen" csv 350000 >"$tmp/large.csv" || exit 1
r=$(best 35000 "$tmp/small.csv" --prix) || { echo "batch_linear: FAIL no measurement on 35000 rows"; exit 1; }
set -- $r; ts=$1 ks=$2
r=$(best 350000 "$tmp/large.csv" --prix) || { echo "batch_linear: FAIL no measurement on 350000 rows"; exit 1; }
set -- $r; tl=$1 kl=$2
r=$(best 350000 "$tmp/large.csv") || { echo "batch_linear: FAIL no measurement without --prix"; exit 1; }
set -- $r; tn=$1
echo "batch_linear: --prix 35000 rows ${ts}s ${ks} KB, 350000 rows ${tl}s ${kl} KB; without --prix ${tn}s"
awk -v ts="$ts" -v tl="$tl" -v tn="$tn" -v ks="$ks" -v kl="$kl" 'BEGIN {
    bound = 1.1 * 10 * ts
    if (tl > bound) { printf "batch_linear: FAIL time x%.1f for rows x10 (bound %.3fs)\n", tl / ts, bound; exit 1 }
    if (kl > ks + 1024) { printf "batch_linear: FAIL peak %d KB on 350000 rows > %d KB on 35000 + 1 MB\n", kl, ks; exit 1 }
    if (tl > 2 * tn) { printf "batch_linear: FAIL --prix %.3fs > 2 x %.3fs without it\n", tl, tn; exit 1 }
    printf "batch_linear: time x%.1f for rows x10, --prix %.1f x without\n", tl / ts, tl / tn }'
