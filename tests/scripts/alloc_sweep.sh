#!/bin/sh
# Allocation-failure sweep: runs every golden case's command with
# CDGRULES_FAIL_ALLOC=N for N = 0, 1, 2, … until the run no longer runs out
# of memory. Each failing run must exit 2 with an "out of memory" message
# (and, in the sanitizer or valgrind builds, without a leak report); the
# first run that gets all its memory must give exactly the output of a run
# without failure injection (whether that matches expected.* is the golden
# runner's business).
# Usage: tests/scripts/alloc_sweep.sh BUILD/cdgrules
# ALLOC_SWEEP_FILTER=TEXT limits the sweep to cases whose COMMAND/CASE
# contains it. TEST_JOBS=N sweeps N cases at a time (default: the number
# of processors), each taking the next case as it finishes one.
# A case whose command, standard input and files are another's is swept
# once: the sweep runs without the case's `env`, so a French twin
# (LANGUAGE=fr) would repeat its English case's runs exactly.
# ALLOC_SWEEP_LATER=1 (set by .ci/run, which runs `make test-asan` after
# `make test`) skips the sweep in a plain build: the sanitizer build's
# sweep checks the same runs and, besides, leaks and invalid accesses.
set -u
if [ -n "${ALLOC_SWEEP_LATER:-}" ] && [ -z "${CDG_SANITIZER:-}" ] && [ -z "${VALGRIND_CMD:-}" ]; then
    echo "alloc_sweep: left to the sanitizer run (ALLOC_SWEEP_LATER)"
    exit 0
fi
if [ "${1:-}" = --case ]; then
    # Internal: tests/scripts/alloc_sweep.sh --case BIN ROOT DIR W (one
    # case, run by the queue below).
    bin=$2 root=$3
    set -- "$4" "$5"
else
    bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
    root=$(cd "$(dirname "$0")/.." && pwd)/golden
fi
vg=${VALGRIND_CMD:-}
limit=100000
jobs=${TEST_JOBS:-$(nproc 2>/dev/null || echo 1)}

# sweep DIR W: sweeps one case with the scratch directory W; appends
# "runs N" and "fail" lines to W/results.
sweep() {
    dir=$1 w=$2
    name=${dir#"$root"/}
    args=$(cat "$dir/cmd")
    input=/dev/null
    [ -f "$dir/stdin" ] && input="$dir/stdin"
    mkdir -p "$w/ref"
    case " $args " in
        *" -o "* | *" -w "* | *" --output "* | *" --write "* | *" -o"[!\ ]* ) writes=1 ;;
        *) writes=0 ;;
    esac
    n=-1 runs=0
    while [ $n -lt $limit ]; do
        # A command that may write files (-o, -w) runs in a copy of the
        # golden tree (its relative paths to fixtures/ and to other cases
        # resolve as in place), the case copied afresh each run; the others
        # run in place, as the golden runner runs them. N=-1 is the
        # reference run.
        here=$dir
        if [ "$writes" = 1 ]; then
            [ -d "$w/tree" ] || cp -R "$root" "$w/tree"
            rm -rf "$w/tree/$name" && cp -R "$dir" "$w/tree/$name"
            here=$w/tree/$name
        fi
        # The reference run is the golden runner's own, whose leaks it
        # checks: no leak check here (LeakSanitizer costs 40 ms a process).
        lsan=${ASAN_OPTIONS:-}
        [ $n = -1 ] && lsan=${lsan:+$lsan:}detect_leaks=0
        (cd "$here" && eval "set -- $args" && CDGRULES_FAIL_ALLOC=$n NO_COLOR=1 LC_ALL=C.UTF-8 \
            ASAN_OPTIONS=$lsan $vg "$bin" "$@" <"$input" >"$w/out" 2>"$w/err"; echo $? >"$w/code")
        if [ $n = -1 ]; then
            cp "$w/out" "$w/err" "$w/code" "$w/ref/"
            n=0
            continue
        fi
        runs=$((runs + 1))
        code=$(cat "$w/code")
        if grep -aq 'Sanitizer\|runtime error:\|ERROR SUMMARY: [1-9]' "$w/err"; then
            echo "alloc_sweep: FAIL $name N=$n: sanitizer or valgrind report"; head -30 "$w/err"
            echo fail >>"$w/results"; break
        fi
        if ! grep -aq 'out of memory' "$w/err"; then
            # Allocation N was never reached: the run must be the normal one.
            for k in out err code; do
                if ! cmp -s "$w/$k" "$w/ref/$k"; then
                    echo "alloc_sweep: FAIL $name N=$n: std$k differs from the normal run without an out-of-memory report"
                    diff -u "$w/ref/$k" "$w/$k" | head -20
                    echo fail >>"$w/results"; break 2
                fi
            done
            break
        fi
        if [ "$code" != 2 ]; then
            echo "alloc_sweep: FAIL $name N=$n: out of memory but exit status $code (expected 2)"
            head -10 "$w/err"
            echo fail >>"$w/results"; break
        fi
        n=$((n + 1))
    done
    echo "runs $runs" >>"$w/results"
    if [ $n -ge $limit ]; then
        echo "alloc_sweep: FAIL $name: still out of memory after $limit allocations"
        echo fail >>"$w/results"
    fi
}

if [ "$#" = 2 ] && [ -d "${1:-}" ]; then
    mkdir -p "$2" && : >"$2/results"
    sweep "$1" "$2" >"$2/log" 2>&1
    exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The cases, each with a key of what it runs: its command line, its
# standard input and the files of its directory (expected.* and env
# aside).
i=0
for dir in "$root"/*/*/; do
    dir=${dir%/} name=${dir#"$root"/}
    case "$name" in *"${ALLOC_SWEEP_FILTER:-}"*) ;; *) continue ;; esac
    [ -f "$dir/cmd" ] || continue
    key=$(for f in "$dir"/*; do
              case ${f##*/} in expected.* | env) continue ;; esac
              [ -f "$f" ] && { echo "${f##*/}"; cat "$f"; }
          done | cksum)
    if grep -qxF "$key" "$tmp/keys" 2>/dev/null; then
        echo "$name" >>"$tmp/twins"
        continue
    fi
    echo "$key" >>"$tmp/keys"
    printf '%s\t%s\n' "$dir" "$tmp/c$i"
    i=$((i + 1))
done >"$tmp/cases"
# A queue: each of the TEST_JOBS workers takes the next case when done
# with one (a case takes 1 to 45 runs); reported in order.
tr '\t\n' '\0\0' <"$tmp/cases" |
    xargs -0 -r -n 2 -P "$jobs" sh "$0" --case "$bin" "$root"
cases=$i
runs=0 fail=0 swept=0 i=0
while [ $i -lt "$cases" ]; do
    cat "$tmp/c$i/log" 2>/dev/null
    if [ -f "$tmp/c$i/results" ]; then
        runs=$((runs + $(awk '$1 == "runs" { s += $2 } END { print s + 0 }' "$tmp/c$i/results")))
        fail=$((fail + $(grep -c '^fail$' "$tmp/c$i/results")))
        swept=$((swept + $(grep -c '^runs ' "$tmp/c$i/results")))
    fi
    i=$((i + 1))
done
# Every case must have reported (a worker that died would skip it).
[ "$swept" = "$cases" ] || { echo "alloc_sweep: FAIL only $swept of $cases cases swept"; fail=$((fail + 1)); }
twins=$(cat "$tmp/twins" 2>/dev/null | wc -l)
echo "alloc_sweep: $cases cases ($twins more run as another), $runs runs, $fail failed"
[ $cases -gt 0 ] && [ $fail = 0 ]
