#!/bin/sh
# The whole test suite: Criterion unit tests, then the golden CLI tests.
# Usage: tests/run-all.sh BUILD/cdgrules BUILD/unit-tests
# TEST_JOBS=N: golden cases and scripts run N at a time (default: the
# number of processors).
# With VALGRIND=1 every process runs under valgrind; any valgrind error or
# leak fails the run. The last line is "N passed, N failed".
set -u
bin=$1 units=$2
log=$(mktemp)
trap 'rm -f "$log"' EXIT
upass=0 ufail=0 gpass=0 gfail=0 status=0

if [ -n "${VALGRIND:-}" ]; then
    vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect,possible --trace-children=yes --suppressions=$(dirname "$0")/valgrind.supp"
    $vg "$units" --jobs 1 >"$log" 2>&1
else
    "$units" --jobs 2 >"$log" 2>&1
fi
rc=$?
cat "$log"
syn=$(grep -a 'Synthesis:' "$log" | tail -1)
if [ -n "$syn" ]; then
    upass=$(echo "$syn" | sed -n 's/.*Passing: *\([0-9]*\).*/\1/p')
    ufail=$(echo "$syn" | sed -n 's/.*Failing: *\([0-9]*\).*/\1/p')
    ucrash=$(echo "$syn" | sed -n 's/.*Crashing: *\([0-9]*\).*/\1/p')
    ufail=$((ufail + ucrash))
fi
if [ $rc != 0 ] && [ "$ufail" = 0 ]; then ufail=1; fi
if grep -aq 'LeakSanitizer\|ERROR: AddressSanitizer\|runtime error:' "$log"; then
    echo "unit: sanitizer report above"; ufail=$((ufail + 1))
fi

if [ -n "${VALGRIND:-}" ]; then
    export VALGRIND_CMD="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect,possible"
fi
"$(dirname "$0")"/golden/run.sh "$bin" >"$log" 2>&1
cat "$log"
g=$(tail -1 "$log")
gpass=$(echo "$g" | sed -n 's/.* \([0-9]*\) passed.*/\1/p')
gfail=$(echo "$g" | sed -n 's/.*passed, \([0-9]*\) failed.*/\1/p')
: "${gpass:=0}" "${gfail:=1}"
if grep -aq 'LeakSanitizer\|ERROR: AddressSanitizer\|runtime error:' "$log"; then
    echo "golden: sanitizer report above"; gfail=$((gfail + 1))
fi

# The scripts, TEST_JOBS at a time (default: the number of processors),
# their outputs shown in name order; a script whose text says
# "run-all: alone" (it measures time, or loads the machine itself) runs
# by itself afterwards.
jobs=${TEST_JOBS:-$(nproc 2>/dev/null || echo 1)}
logs=$(mktemp -d)
trap 'rm -f "$log"; rm -rf "$logs"' EXIT
: >"$logs/pool" && : >"$logs/alone"
for extra in "$(dirname "$0")"/scripts/*.sh; do
    [ -f "$extra" ] || continue
    if grep -q 'run-all: alone' "$extra"; then echo "$extra" >>"$logs/alone"; else echo "$extra" >>"$logs/pool"; fi
done
# run_script SCRIPT: its output in $logs/NAME.log, its status in NAME.rc.
export bin logs
run_one='n=$(basename "$1" .sh); t=$(date +%s); sh "$1" "$bin" >"$logs/$n.log" 2>&1; echo $? >"$logs/$n.rc"; echo "$(($(date +%s) - t)) $n" >"$logs/$n.time"'
tr '\n' '\0' <"$logs/pool" | xargs -0 -r -n 1 -P "$jobs" sh -c "$run_one" run_script
tr '\n' '\0' <"$logs/alone" | xargs -0 -r -n 1 sh -c "$run_one" run_script
for extra in "$(dirname "$0")"/scripts/*.sh; do
    [ -f "$extra" ] || continue
    n=$(basename "$extra" .sh)
    if [ "$(cat "$logs/$n.rc" 2>/dev/null)" = 0 ]; then
        gpass=$((gpass + 1))
    else
        cat "$logs/$n.log" 2>/dev/null; echo "script: FAIL $n.sh"; gfail=$((gfail + 1))
    fi
done

# Where the time goes (wall seconds; the pool's scripts overlap).
echo "slowest scripts: $(cat "$logs"/*.time 2>/dev/null | sort -rn | head -5 | awk '{ printf "%s%s %ss", (NR > 1 ? ", " : ""), $2, $1 }')"

total_pass=$((upass + gpass)) total_fail=$((ufail + gfail))
echo "unit: $upass passed, $ufail failed; golden and scripts: $gpass passed, $gfail failed"
echo "$total_pass passed, $total_fail failed"
[ $total_fail = 0 ]
