#!/bin/sh
# Runs every libFuzzer target for SECONDS seconds, as many at once as there
# are processors, at low priority. Each target keeps its growing corpus in
# BINDIR/corpus/NAME; crashers, leaks and timeouts are written to
# tests/fuzz/regressions/ (which `make test` replays) and fail the run.
# Usage: tests/fuzz/run.sh BINDIR SECONDS   (FUZZ_TARGET=NAME: that target only)
set -u
bindir=$1 seconds=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seeds="$bindir/seeds"
rm -rf "$seeds"
mkdir -p "$seeds"
(cd "$root" && "$here/seeds.sh") | while read -r f; do
    cp "$root/$f" "$seeds/$(echo "$f" | tr '/' '_')"
done
# fuzz_one TARGET: runs it; its report in BINDIR/NAME.report, its status
# in BINDIR/NAME.rc.
fuzz_one() {
    target=$1 name=$(basename "$1")
    corpus="$bindir/corpus/$name"
    mkdir -p "$corpus"
    log="$bindir/$name.log"
    nice -n 19 "$target" "$corpus" "$seeds" -dict="$here/cdg.dict" -max_len=8192 \
        -timeout=10 -rss_limit_mb=2048 -max_total_time="$seconds" -print_final_stats=1 \
        -artifact_prefix="$here/regressions/$name-" >"$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    {
        echo "fuzz: $name: ${execs:-?} executions, ${rate:-?}/s, exit $rc"
        if [ $rc != 0 ]; then
            tail -40 "$log"
            echo "fuzz: $name FAILED; the input is in tests/fuzz/regressions/"
        fi
    } >"$bindir/$name.report"
    echo $rc >"$bindir/$name.rc"
}
# One target a processor at a time (each runs SECONDS of wall time).
jobs=$(nproc 2>/dev/null || echo 1)
running=0
for target in "$bindir"/${FUZZ_TARGET:-fuzz_*}; do
    [ -x "$target" ] || continue
    echo "fuzz: $(basename "$target") for ${seconds}s (log: $bindir/$(basename "$target").log)"
    rm -f "$bindir/$(basename "$target").rc"
    fuzz_one "$target" &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
        wait
        running=0
    fi
done
wait
status=0
for target in "$bindir"/${FUZZ_TARGET:-fuzz_*}; do
    [ -x "$target" ] || continue
    name=$(basename "$target")
    cat "$bindir/$name.report" 2>/dev/null
    [ "$(cat "$bindir/$name.rc" 2>/dev/null)" = 0 ] || status=1
done
exit $status
