#!/bin/sh
# run-all: alone (it measures time or loads the machine itself)
# Printing many diagnostics must stay linear and cheap (docs/perf/runs.md):
# on generated offers with 4,000 and 40,000 warnings (notes no service
# uses, each shown with its source line and caret), the CPU time (user +
# system, best of 3) of `check` in the text format must grow at most x20
# for the x10 warnings (linear: x9; quadratic: x100; the runs of the
# small file take 0.03 s, so the margin is wide), and on the larger file
# be at most 2x that of `--format json` plus 0.1 s: the text renderer once
# wrote stderr (unbuffered) a character at a time, 50x the JSON's cost.
# The same offers with 1,000 and 10,000 notes written on one line must
# also grow at most x20: each column was counted from the start of its
# line, x60 there. CPU time, not wall time, and best of 3: other
# processes on the machine do not make it flaky.
# Usage: tests/scripts/diag_text_linear.sh BUILD/cdgrules (BUILD/bench-gen next to it).
set -u
bin=$1
[ -z "${CDG_SANITIZER:-}" ] || { echo "diag_text_linear: skipped under sanitizers"; exit 0; }
gen=$(dirname "$bin")/bench-gen
[ -x "$gen" ] || { echo "diag_text_linear: $gen missing (make BUILD=... test builds it)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# offer N [oneline]: a valid offer with N notes that no service uses (N
# warnings), on one line when asked.
offer() {
    awk -v n="$1" -v one="${2:-}" 'BEGIN {
        if (one != "") ORS = " "
        print "offre t \"Test\" < editeur: \"E\"; >"
        print "categorie commune \"Communes\" < mesure: habitants; >"
        print "strate S1 \"Toutes\" < commune: 0..; >"
        print "service s \"Service\";"
        print "forfait A \"A\" < s: inclus; >"
        for (i = 1; i <= n; i++)
            printf "note n%d \"Les interventions sur site (note %d) ne concernent pas les interventions à l’initiative du centre.\";%s", i, i, ORS
    }'
}

# best N FILE [ARG...]: "CPU_SECONDS" of the best of 3 runs of check ARG...
# on FILE, which must print N warnings (text) or N objects (json).
best() {
    n=$1 f=$2
    shift 2
    for i in 1 2 3; do
        "$gen" time "$tmp/rep" "$bin" check "$@" "$f" >"$tmp/out" 2>"$tmp/err" || exit 1
        read -r wall user sys kb st <"$tmp/rep"
        [ "$st" = 0 ] || { echo "diag_text_linear: check $* $f exited $st" >&2; head -5 "$tmp/err" >&2; exit 1; }
        if [ $# = 0 ]; then
            got=$(grep -c '^ *|  *^~' "$tmp/err")
        else
            got=$(grep -c '"severity":"warning"' "$tmp/out")
        fi
        [ "$got" = "$n" ] || { echo "diag_text_linear: check $* $f printed $got warnings, not $n" >&2; exit 1; }
        echo "$user $sys"
    done | awk 'NR == 1 || $1 + $2 < t { t = $1 + $2 } END { if (NR != 3) exit 1; printf "%.6f\n", t }'
}

offer 4000 >"$tmp/small.cdg" && offer 40000 >"$tmp/large.cdg" || exit 1
ts=$(best 4000 "$tmp/small.cdg") || { echo "diag_text_linear: FAIL no measurement on 4000 warnings"; exit 1; }
tl=$(best 40000 "$tmp/large.cdg") || { echo "diag_text_linear: FAIL no measurement on 40000 warnings"; exit 1; }
tj=$(best 40000 "$tmp/large.cdg" --format json) || { echo "diag_text_linear: FAIL no json measurement"; exit 1; }
offer 1000 oneline >"$tmp/small1.cdg" && offer 10000 oneline >"$tmp/large1.cdg" || exit 1
[ "$(wc -l <"$tmp/large1.cdg")" = 0 ] || { echo "diag_text_linear: the one-line offer has several lines"; exit 1; }
t1s=$(best 1000 "$tmp/small1.cdg") || { echo "diag_text_linear: FAIL no measurement on 1000 warnings on one line"; exit 1; }
t1l=$(best 10000 "$tmp/large1.cdg") || { echo "diag_text_linear: FAIL no measurement on 10000 warnings on one line"; exit 1; }
echo "diag_text_linear: text 4000 warnings ${ts}s, 40000 warnings ${tl}s; json 40000 warnings ${tj}s"
echo "diag_text_linear: on one line, text 1000 warnings ${t1s}s, 10000 warnings ${t1l}s"
awk -v ts="$ts" -v tl="$tl" -v tj="$tj" -v t1s="$t1s" -v t1l="$t1l" 'BEGIN {
    bound = 20 * ts
    if (tl > bound) { printf "diag_text_linear: FAIL time x%.1f for warnings x10 (bound %.3fs)\n", tl / ts, bound; exit 1 }
    jbound = 2 * tj + 0.1
    if (tl > jbound) { printf "diag_text_linear: FAIL text %.3fs > 2 x json %.3fs + 0.1s\n", tl, tj; exit 1 }
    bound1 = 20 * t1s
    if (t1l > bound1) { printf "diag_text_linear: FAIL on one line, time x%.1f for warnings x10 (bound %.3fs)\n", t1l / t1s, bound1; exit 1 }
    printf "diag_text_linear: time x%.1f for warnings x10 (x%.1f on one line), text %.1f x json\n", tl / ts, t1l / t1s, tl / tj }'
