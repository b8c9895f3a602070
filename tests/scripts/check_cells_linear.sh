#!/bin/sh
# run-all: alone (it measures time or loads the machine itself)
# check's cost stays linear in the number of distinct cells of one
# service: the checker interns each cell in a table whose probe starts in
# the service's own run of slots, and a service with a quantity of its own
# in every forfait put all its cells in one cluster (34,000 forfaits took
# 1.1 s, 83 % of it probing; 17,000 took 0.34 s). On a generated offer of
# N forfaits, each giving service s1 the quantity of its number, the CPU
# time (user + system, best of 3) for 10 x N must be at most 20 times that
# for N: twice linear, as the small run is mostly the process starting.
# Skipped under sanitizers.
# Usage: tests/scripts/check_cells_linear.sh BUILD/cdgrules (BUILD/bench-gen next to it).
set -u
bin=$1
[ -z "${CDG_SANITIZER:-}" ] || { echo "check_cells_linear: skipped under sanitizers"; exit 0; }
gen=$(dirname "$bin")/bench-gen
[ -x "$gen" ] || { echo "check_cells_linear: $gen missing (make BUILD=... test builds it)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# offer N: N forfaits, forfait Fi giving s0 inclus and s1 the quantity i.
offer() {
    awk -v n="$1" 'BEGIN {
        print "offre t \"Cellules\" < editeur: \"E\"; >"
        print "categorie commune \"Communes\" < mesure: habitants; >"
        print "strate S1 \"Toutes\" < commune: 0..; >"
        print "service s0 \"Service 0\";"
        print "service s1 \"Service 1\" < unite: \"Go\"; >"
        for (i = 1; i <= n; i++) printf "forfait F%d \"Forfait %d\" < s0: inclus; s1: %d; >\n", i, i, i
    }'
}

# best FILE: the best CPU seconds of 3 runs of check --werror on FILE.
best() {
    for i in 1 2 3; do
        "$gen" time "$tmp/rep" "$bin" check --werror "$1" >/dev/null 2>"$tmp/err" || exit 1
        read -r wall user sys kb st <"$tmp/rep"
        [ "$st" = 0 ] || { echo "check_cells_linear: check $1 exited $st" >&2; cat "$tmp/err" >&2; exit 1; }
        echo "$user $sys"
    done | awk 'NR == 1 || $1 + $2 < t { t = $1 + $2 } END { if (NR == 3) printf "%.6f\n", t }'
}

offer 4000 >"$tmp/small.cdg" && offer 40000 >"$tmp/large.cdg" || exit 1
ts=$(best "$tmp/small.cdg") && tl=$(best "$tmp/large.cdg") || exit 1
[ -n "$ts" ] && [ -n "$tl" ] || { echo "check_cells_linear: FAIL no measurement"; exit 1; }
echo "check_cells_linear: 4000 forfaits: ${ts}s; 40000 forfaits: ${tl}s"
awk -v ts="$ts" -v tl="$tl" 'BEGIN {
    if (ts <= 0) { printf "check_cells_linear: FAIL no CPU time measured (%s s)\n", ts; exit 1 }
    bound = 2 * 10 * ts
    if (tl > bound) { printf "check_cells_linear: FAIL time x%.1f for forfaits x10 (bound %.3fs)\n", tl / ts, bound; exit 1 }
    printf "check_cells_linear: time x%.1f for forfaits x10\n", tl / ts }'
