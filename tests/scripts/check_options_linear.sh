#!/bin/sh
# run-all: alone (it measures time or loads the machine itself)
# check's cost stays linear in the number of options: every en_option cell
# asks whether an option sells its service there, and asking every option
# for every cell cost cells x options (3.2 s of CPU on a 2 MB offer of
# 15,000 services and options, 17 s on the bench's 30 MB grid offer). On a
# generated offer of N services stated en_option in two forfaits, each
# sold by an option named after it, the CPU time (user + system, best of
# 3) for 10 x N must be at most 20 times that for N: twice linear, as the
# small run is mostly the process starting (linear measures x5-x7 on a
# busy machine; the quadratic version took x83-x178). Skipped under
# sanitizers.
# Usage: tests/scripts/check_options_linear.sh BUILD/cdgrules (BUILD/bench-gen next to it).
set -u
name=check_options_linear bin=$1
. "$(dirname "$0")/lib/cpu_linear.sh"

# offer N: N services, all en_option in F1 and (but the first) in F2, each
# sold everywhere by option o_sK (a run of whole words of its id).
offer() {
    awk -v n="$1" 'BEGIN {
        print "offre t \"Options\" < editeur: \"E\"; >"
        print "categorie commune \"Communes\" < mesure: habitants; >"
        print "strate S1 \"Toutes\" < commune: 0..; >"
        for (i = 1; i <= n; i++) printf "service s%d \"Service %d\";\n", i, i
        for (f = 1; f <= 2; f++) {
            printf "forfait F%d \"Forfait %d\" <\n", f, f
            for (i = 1; i <= n; i++) printf "  s%d: %s;\n", i, f == 2 && i == 1 ? "inclus" : "en_option"
            print ">"
        }
        for (i = 1; i <= n; i++)
            printf "option o_s%d \"Option %d\" < tarif: journalier; defaut: en_option; >\n", i, i
    }'
}

offer 1500 >"$tmp/small.cdg" && offer 15000 >"$tmp/large.cdg" || exit 1
at_most_twice_linear options 1500
