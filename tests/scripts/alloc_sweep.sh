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
# of processors).
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/.." && pwd)/golden
vg=${VALGRIND_CMD:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
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
        (cd "$here" && eval "set -- $args" && CDGRULES_FAIL_ALLOC=$n NO_COLOR=1 LC_ALL=C.UTF-8 \
            $vg "$bin" "$@" <"$input" >"$w/out" 2>"$w/err"; echo $? >"$w/code")
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

for dir in "$root"/*/*/; do
    dir=${dir%/} name=${dir#"$root"/}
    case "$name" in *"${ALLOC_SWEEP_FILTER:-}"*) ;; *) continue ;; esac
    [ -f "$dir/cmd" ] || continue
    echo "$dir"
done >"$tmp/cases"
# TEST_JOBS groups (default: the number of processors), reported in the
# cases' order.
. "$(dirname "$0")/../groups.sh"
in_groups "$tmp/cases" "$tmp" "$jobs" sweep
cases=$(wc -l <"$tmp/cases")
runs=0 fail=0 i=0
while [ $i -lt "$ngroups" ]; do
    cat "$tmp/g$i/log"
    runs=$((runs + $(awk '$1 == "runs" { s += $2 } END { print s + 0 }' "$tmp/g$i/results")))
    fail=$((fail + $(grep -c '^fail$' "$tmp/g$i/results")))
    i=$((i + 1))
done
# Every case must have reported (a group that died would skip the rest).
swept=$(cat "$tmp"/g*/results 2>/dev/null | grep -c '^runs ')
[ "$swept" = "$cases" ] || { echo "alloc_sweep: FAIL only $swept of $cases cases swept"; fail=$((fail + 1)); }
echo "alloc_sweep: $cases cases, $runs runs, $fail failed"
[ $cases -gt 0 ] && [ $fail = 0 ]
