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
name=check_cells_linear bin=$1
. "$(dirname "$0")/lib/cpu_linear.sh"

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

offer 4000 >"$tmp/small.cdg" && offer 40000 >"$tmp/large.cdg" || exit 1
at_most_twice_linear forfaits 4000
