#!/bin/sh
# Two builds of cdgrules side by side on every shape of offer (the table
# by shape of docs/PERFORMANCE.md): check and fmt with both, diff (the
# file against a copy with one cell in 100,000 lines changed) with the
# second. CPU time (user + system, best of 3) and peak RSS from
# `bench-gen time`; memory in times the file (for diff: the two files).
# Usage: tests/bench/compare_shapes.sh BEFORE/cdgrules AFTER/cdgrules [BYTES]
# (BYTES: 28000000 by default; bench-gen is taken beside AFTER).
set -eu
before=$1 after=$2 bytes=${3:-28000000}
gen=$(dirname "$after")/bench-gen
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# best CMD...: "CPU_SECONDS PEAK_KB" of the best of 3 runs.
best() {
    for i in 1 2 3; do
        "$gen" time "$tmp/rep" "$@" >/dev/null 2>&1 || true
        read -r w u s k st <"$tmp/rep"
        [ "$st" = 0 ] || [ "$st" = 1 ] || { echo "compare_shapes: $* exited $st" >&2; exit 2; }
        echo "$u $s $k"
    done | awk '{ c = $1 + $2; if (NR == 1 || c < b) b = c; if ($3 > k) k = $3 } END { printf "%.3f %d", b, k }'
}
printf '| shape | bytes | check before | check after | fmt before | fmt after | diff after |\n|---|---|---|---|---|---|---|\n'
for s in $("$gen" shapes); do
    f=$tmp/$s.cdg
    "$gen" shape "$s" "$bytes" >"$f"
    awk 'NR % 100000 == 50000 { sub(/: inclus;/, ": non_inclus;") } { print }' "$f" >"$tmp/edited.cdg"
    sz=$(wc -c <"$f")
    echo "$s $sz $(best "$before" check "$f") $(best "$after" check "$f") $(best "$before" fmt "$f")" \
        "$(best "$after" fmt "$f") $(best "$after" diff "$f" "$tmp/edited.cdg")" |
    awk '{ mb = $2 / 1e6
           printf "| %s | %d | %.3f s, %.0f MB/s, %.2f× | %.3f s, %.0f MB/s, %.2f× | %.3f s, %.2f× | %.3f s, %.2f× | %.3f s, %.2f× |\n",
               $1, $2, $3, mb / $3, $4 * 1024 / $2, $5, mb / $5, $6 * 1024 / $2,
               $7, $8 * 1024 / $2, $9, $10 * 1024 / $2, $11, $12 * 1024 / (2 * $2) }'
    rm -f "$f" "$tmp/edited.cdg"
done
