#!/bin/sh
# run-all: alone (it measures time or loads the machine itself)
# fmt and diff in bounded memory and linear time on every shape of offer
# (issue 19, docs/perf/fmtdiff.md). For each shape of `bench-gen shape`,
# on generated files of ~0.5 MB and ~5 MB (FMT_DIFF_MB=10: 1 and 10 MB,
# twice the time):
# - the peak memory (the whole process) of `fmt`, `fmt --check` and
#   `fmt -w` on the 10 MB file must stay under 4x the file, and that of
#   `diff` of the 10 MB file against a copy with one cell changed under
#   4x the two files together (before: fmt 6x, as it held two copies of
#   its output and a model it never read). Where `check` itself needs more
#   than 4x (its syntax tree and model, guarded by check_linear.sh), that
#   shape's line says so and the bound is what loading costs: fmt (a
#   syntax tree, no model) at most check's peak, diff (two loaded
#   editions) at most twice check's peak, plus 2 % for its own tables and
#   4 MB for the rounding of its two arenas to 2 MB pages;
#   on the forfaits shape, diff of two seeds (most cells differ) too;
# - the CPU time (user + system, best of 2 or 3; not wall time, so a busy
#   machine does not make it flaky) of fmt and of diff on the 10 MB files
#   must be at most 11/10 (fmt) or 15/10 (diff) of the size ratio times
#   that on the small files (diff compared the examples of the two
#   editions pairwise: x65). diff's bound is looser: its small run is two
#   loads, and loading (check) itself grows x12 for x10 on the services
#   shape (check_linear.sh's matter), which made a 1.1 bound fail. Where
#   diff grows faster, check's own growth on the same files is measured:
#   diff may grow as fast as loading, times 1.1. A time over its bound is
#   measured three more rounds before it fails (as check_linear.sh does).
# Every run must end with its expected status and a measurement: a failed
# run, a missing report or a zero figure fails the guard. Every shape is
# measured even after a failure; the last line names the failing ones.
# About 20 s of CPU (40 s with FMT_DIFF_MB=10).
# Usage: tests/scripts/fmt_diff_memory.sh BUILD/cdgrules (BUILD/bench-gen
# next to it). FMT_DIFF_SHAPES="a b" measures only those shapes.
set -u
bin=$1
# Sanitizer builds (make test-asan) trade memory and time for checks.
[ -z "${CDG_SANITIZER:-}" ] || { echo "fmt_diff_memory: skipped under sanitizers"; exit 0; }
gen=$(dirname "$bin")/bench-gen
[ -x "$gen" ] || { echo "fmt_diff_memory: FAIL $gen missing (make BUILD=... test builds it)"; exit 1; }
[ -x "$bin" ] || { echo "fmt_diff_memory: FAIL $bin missing"; exit 1; }
shapes=${FMT_DIFF_SHAPES:-$("$gen" shapes)}
large_mb=${FMT_DIFF_MB:-5}
[ -n "$shapes" ] || { echo "fmt_diff_memory: FAIL '$gen shapes' names no shape"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# edit IN OUT: OUT is IN with one cell changed in every 100000 lines (in
# the middle of a smaller file): an `inclus` cell becomes `non_inclus`.
edit() {
    lines=$(wc -l <"$1")
    step=$((lines / 2 < 100000 ? lines / 2 : 100000))
    awk -v step="$step" 'BEGIN { n = step }
        NR >= n && (sub(/: inclus;/, ": non_inclus;") || sub(/: inclus "/, ": non_inclus \"")) { n += step }
        { print }' "$1" >"$2" || return 1
    # diff must have a change to find: a copy left identical proves nothing.
    ! cmp -s "$1" "$2" || { echo "fmt_diff_memory: FAIL no cell of $1 could be edited"; return 1; }
}

# best RUNS OKSTATUS CMD...: sets t (CPU seconds, best of RUNS runs of
# cdgrules CMD) and k (the largest peak RSS in KB); returns 1, saying why,
# when a run fails (its status is not in OKSTATUS) or reports no figure.
# $prep, when set, runs before each run (not timed).
best() {
    runs=$1 ok=$2
    shift 2
    t="" k=0
    i=0
    while [ "$i" -lt "$runs" ]; do
        i=$((i + 1))
        [ -z "${prep:-}" ] || eval "$prep"
        rm -f "$tmp/rep"
        if ! "$gen" time "$tmp/rep" "$bin" "$@" >/dev/null 2>"$tmp/err"; then
            echo "fmt_diff_memory: FAIL could not time $*"; cat "$tmp/err"; return 1
        fi
        read -r wall user sys kb st <"$tmp/rep" || { echo "fmt_diff_memory: FAIL no report for $*"; return 1; }
        case " $ok " in
        *" ${st:-x} "*) ;;
        *) echo "fmt_diff_memory: FAIL cdgrules $* exited ${st:-?}:"; head -20 "$tmp/err"; return 1 ;;
        esac
        cpu=$(awk -v u="${user:-0}" -v s="${sys:-0}" 'BEGIN { printf "%.6f", u + s }')
        if ! awk -v c="$cpu" -v k="${kb:-0}" 'BEGIN { exit !(c > 0 && k > 0) }'; then
            echo "fmt_diff_memory: FAIL no measurement for $* (cpu ${cpu}s, peak ${kb:-?} KB)"; return 1
        fi
        t=$(awk -v a="$t" -v b="$cpu" 'BEGIN { print (a == "" || b < a) ? b : a }')
        [ "$kb" -gt "$k" ] && k=$kb
    done
    return 0
}

# mem SHAPE WHAT PEAK_KB INPUT_BYTES LOAD_KB: fails when PEAK_KB > 4 x
# INPUT_BYTES, or, when loading alone (LOAD_KB, from check) is above that,
# when PEAK_KB > LOAD_KB.
mem() {
    awk -v sh="$1" -v what="$2" -v k="$3" -v b="$4" -v load="$5" 'BEGIN {
        if (k * 1024 <= 4 * b) exit 0
        if (load * 1024 > 4 * b && k <= load) {
            printf "fmt_diff_memory: %s: %s peak %.1fx input, not 4x: loading alone (check) needs %.1fx\n", sh, what, k * 1024 / b, load * 1024 / b
            exit 0
        }
        printf "fmt_diff_memory: FAIL %s: %s peak %d KB > 4 x input (%d KB)", sh, what, k, 4 * b / 1024
        if (load * 1024 > 4 * b) printf " and > what loading needs (check: %d KB)", load
        printf "\n"; exit 1 }'
}

# lin SHAPE WHAT SMALL_S LARGE_S SMALL_BYTES LARGE_BYTES [LOAD_GROWTH]:
# fails when the time grows more than 1.1 x the input (or, with
# LOAD_GROWTH, more than 1.1 x what loading grows).
lin() {
    awk -v sh="$1" -v what="$2" -v ts="$3" -v tl="$4" -v s="$5" -v l="$6" -v g="${7:-0}" -v k="${LIN_FACTOR:-1.1}" 'BEGIN {
        r = l / s; if (g > r) r = g
        bound = k * r * ts
        if (tl <= bound) { if (g > l / s) printf "fmt_diff_memory: %s: %s time x%.1f for input x%.1f: loading alone (check) grows x%.1f\n", sh, what, tl / ts, l / s, g; exit 0 }
        printf "fmt_diff_memory: FAIL %s: %s time x%.1f for input x%.1f (%.3fs > bound %.3fs, %.1f x linear)", sh, what, tl / ts, l / s, tl, bound, k
        if (g > 0) printf "; loading alone (check) grows x%.1f", g
        printf "\n"; exit 1 }'
}

failed=""
for shape in $shapes; do
    if ! "$gen" shape "$shape" $((large_mb * 100000)) >"$tmp/s.cdg" || ! "$gen" shape "$shape" $((large_mb * 1000000)) >"$tmp/l.cdg"; then
        echo "fmt_diff_memory: FAIL $gen shape $shape did not write its files"; failed="$failed $shape"; continue
    fi
    edit "$tmp/s.cdg" "$tmp/se.cdg" && edit "$tmp/l.cdg" "$tmp/le.cdg" && sed 's/^ *//' "$tmp/l.cdg" >"$tmp/flat.cdg" ||
        { echo "fmt_diff_memory: FAIL $shape: could not edit its files"; failed="$failed $shape"; continue; }
    s=$(wc -c <"$tmp/s.cdg") l=$(wc -c <"$tmp/l.cdg")
    s2=$((s + $(wc -c <"$tmp/se.cdg"))) l2=$((l + $(wc -c <"$tmp/le.cdg")))
    bad=0
    prep=""
    best 3 0 fmt "$tmp/s.cdg" || { failed="$failed $shape"; continue; }
    fs=$t
    best 1 0 fmt "$tmp/l.cdg" || { failed="$failed $shape"; continue; }
    fl=$t fk=$k
    # --check walks the same text (compared, not printed): its time is a
    # second sample of fmt's.
    best 1 "0 1" fmt --check "$tmp/l.cdg" || { failed="$failed $shape"; continue; }
    ck=$k
    fl=$(awk -v a="$fl" -v b="$t" 'BEGIN { print b < a ? b : a }')
    # -w on a copy without indentation: the file is rewritten.
    prep='cp "$tmp/flat.cdg" "$tmp/w.cdg"'
    best 1 0 fmt -w "$tmp/w.cdg" || { failed="$failed $shape"; continue; }
    prep=""
    wk=$k
    cmp -s "$tmp/w.cdg" "$tmp/flat.cdg" && { echo "fmt_diff_memory: FAIL $shape: fmt -w left the file as it was"; bad=1; }
    best 3 "0 1" diff "$tmp/s.cdg" "$tmp/se.cdg" || { failed="$failed $shape"; continue; }
    ds=$t
    best 2 "0 1" diff "$tmp/l.cdg" "$tmp/le.cdg" || { failed="$failed $shape"; continue; }
    dl=$t dk=$k
    # What loading costs, measured only where a 4x bound is not met.
    lk=0
    if awk -v l="$l" -v l2="$l2" -v fk="$fk" -v ck="$ck" -v wk="$wk" -v dk="$dk" 'BEGIN {
        exit !((fk > ck ? (fk > wk ? fk : wk) : (ck > wk ? ck : wk)) * 1024 > 4 * l || dk * 1024 > 4 * l2) }'; then
        best 1 0 check "$tmp/l.cdg" || { failed="$failed $shape"; continue; }
        lk=$k
    fi
    awk -v sh="$shape" -v l="$l" -v l2="$l2" -v fs="$fs" -v fl="$fl" -v fk="$fk" -v ck="$ck" -v wk="$wk" \
        -v ds="$ds" -v dl="$dl" -v dk="$dk" -v s="$s" -v s2="$s2" 'BEGIN {
        printf "fmt_diff_memory: %-12s fmt %.1fx file (--check %.1fx, -w %.1fx), time x%.1f for x%.1f; diff %.1fx both files, time x%.1f for x%.1f\n",
            sh, fk * 1024 / l, ck * 1024 / l, wk * 1024 / l, fl / fs, l / s, dk * 1024 / l2, dl / ds, l2 / s2 }'
    mem "$shape" "fmt" "$fk" "$l" "$lk" || bad=1
    mem "$shape" "fmt --check" "$ck" "$l" "$lk" || bad=1
    mem "$shape" "fmt -w" "$wk" "$l" "$lk" || bad=1
    # diff holds two loaded editions, and its own tables (2 % allowed);
    # each edition's arena becomes resident in 2 MB pages (arena.c), so
    # up to 2 MB of each is rounding (4 MB allowed).
    mem "$shape" "diff" "$dk" "$l2" "$((2 * lk + 2 * lk / 100 + 4096))" || bad=1
    # A time over the bound is measured three more rounds (the best of
    # every round kept) before it counts: a busy machine slows one run.
    r=0
    while [ "$r" -lt 3 ] && ! LIN_FACTOR=1.5 lin "$shape" "diff" "$ds" "$dl" "$s2" "$l2" >/dev/null; do
        r=$((r + 1))
        best 3 "0 1" diff "$tmp/s.cdg" "$tmp/se.cdg" || { bad=1; break; }
        ds=$(awk -v a="$ds" -v b="$t" 'BEGIN { print b < a ? b : a }')
        best 2 "0 1" diff "$tmp/l.cdg" "$tmp/le.cdg" || { bad=1; break; }
        dl=$(awk -v a="$dl" -v b="$t" 'BEGIN { print b < a ? b : a }')
    done
    r=0
    while [ "$r" -lt 3 ] && ! lin "$shape" "fmt" "$fs" "$fl" "$s" "$l" >/dev/null; do
        r=$((r + 1))
        best 3 0 fmt "$tmp/s.cdg" || { bad=1; break; }
        fs=$(awk -v a="$fs" -v b="$t" 'BEGIN { print b < a ? b : a }')
        best 2 0 fmt "$tmp/l.cdg" || { bad=1; break; }
        fl=$(awk -v a="$fl" -v b="$t" 'BEGIN { print b < a ? b : a }')
    done
    lin "$shape" "fmt" "$fs" "$fl" "$s" "$l" || bad=1
    if ! LIN_FACTOR=1.5 lin "$shape" "diff" "$ds" "$dl" "$s2" "$l2" >/dev/null; then
        best 3 0 check "$tmp/s.cdg" || { failed="$failed $shape"; continue; }
        cs=$t
        best 3 0 check "$tmp/l.cdg" || { failed="$failed $shape"; continue; }
        LIN_FACTOR=1.5 lin "$shape" "diff" "$ds" "$dl" "$s2" "$l2" "$(awk -v a="$cs" -v b="$t" 'BEGIN { print b / a }')" || bad=1
    fi
    # Two unrelated offers (another seed) differ in most cells: the
    # changes are more words than the files (printed as they come; held
    # as a list they took 29x the files). One shape: this costs 2 s.
    if [ "$shape" = forfaits ]; then
        "$gen" shape "$shape" $((large_mb * 1000000)) 2 >"$tmp/l2.cdg" ||
            { echo "fmt_diff_memory: FAIL $gen shape $shape (seed 2)"; failed="$failed $shape"; continue; }
        if [ "$lk" = 0 ]; then
            best 1 0 check "$tmp/l.cdg" || { failed="$failed $shape"; continue; }
            lk=$k
        fi
        best 1 1 diff "$tmp/l.cdg" "$tmp/l2.cdg" || { failed="$failed $shape"; continue; }
        l3=$((l + $(wc -c <"$tmp/l2.cdg")))
        echo "fmt_diff_memory: $shape: diff of two seeds $(awk -v k="$k" -v b="$l3" 'BEGIN { printf "%.1fx both files", k * 1024 / b }')"
        mem "$shape" "diff of two seeds" "$k" "$l3" "$((2 * lk + 2 * lk / 100))" || bad=1
    fi
    [ "$bad" = 0 ] || failed="$failed $shape"
done
if [ -n "$failed" ]; then
    echo "fmt_diff_memory: FAIL on:$failed"
    exit 1
fi
echo "fmt_diff_memory: fmt and diff linear on every shape, under 4 x their input or what loading needs:" $shapes
