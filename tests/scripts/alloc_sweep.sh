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
# contains it.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/.." && pwd)/golden
vg=${VALGRIND_CMD:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
limit=100000
cases=0 runs=0 fail=0
for dir in "$root"/*/*/; do
    dir=${dir%/} name=${dir#"$root"/}
    case "$name" in *"${ALLOC_SWEEP_FILTER:-}"*) ;; *) continue ;; esac
    [ -f "$dir/cmd" ] || continue
    cases=$((cases + 1))
    args=$(cat "$dir/cmd")
    input=/dev/null
    [ -f "$dir/stdin" ] && input="$dir/stdin"
    mkdir -p "$tmp/ref"
    n=-1
    while [ $n -lt $limit ]; do
        # A copy of the case directory: commands that write files must not
        # touch the repository. N=-1 is the reference run.
        rm -rf "$tmp/case" && cp -R "$dir" "$tmp/case"
        (cd "$tmp/case" && eval "set -- $args" && CDGRULES_FAIL_ALLOC=$n NO_COLOR=1 LC_ALL=C.UTF-8 \
            $vg "$bin" "$@" <"$input" >"$tmp/out" 2>"$tmp/err"; echo $? >"$tmp/code")
        if [ $n = -1 ]; then
            cp "$tmp/out" "$tmp/err" "$tmp/code" "$tmp/ref/"
            n=0
            continue
        fi
        runs=$((runs + 1))
        code=$(cat "$tmp/code")
        if grep -aq 'Sanitizer\|runtime error:\|ERROR SUMMARY: [1-9]' "$tmp/err"; then
            echo "alloc_sweep: FAIL $name N=$n: sanitizer or valgrind report"; head -30 "$tmp/err"
            fail=$((fail + 1)); break
        fi
        if ! grep -aq 'out of memory' "$tmp/err"; then
            # Allocation N was never reached: the run must be the normal one.
            for k in out err code; do
                if ! cmp -s "$tmp/$k" "$tmp/ref/$k"; then
                    echo "alloc_sweep: FAIL $name N=$n: std$k differs from the normal run without an out-of-memory report"
                    diff -u "$tmp/ref/$k" "$tmp/$k" | head -20
                    fail=$((fail + 1)); break 2
                fi
            done
            break
        fi
        if [ "$code" != 2 ]; then
            echo "alloc_sweep: FAIL $name N=$n: out of memory but exit status $code (expected 2)"
            head -10 "$tmp/err"
            fail=$((fail + 1)); break
        fi
        n=$((n + 1))
    done
    if [ $n -ge $limit ]; then
        echo "alloc_sweep: FAIL $name: still out of memory after $limit allocations"
        fail=$((fail + 1))
    fi
done
echo "alloc_sweep: $cases cases, $runs runs, $fail failed"
[ $cases -gt 0 ] && [ $fail = 0 ]
