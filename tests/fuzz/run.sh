#!/bin/sh
# Runs every libFuzzer target for SECONDS seconds, one after the other, at
# low priority. Each target keeps its growing corpus in BINDIR/corpus/NAME;
# crashers, leaks and timeouts are written to tests/fuzz/regressions/ (which
# `make test` replays) and fail the run.
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
status=0
for target in "$bindir"/${FUZZ_TARGET:-fuzz_*}; do
    [ -x "$target" ] || continue
    name=$(basename "$target")
    corpus="$bindir/corpus/$name"
    mkdir -p "$corpus"
    log="$bindir/$name.log"
    echo "fuzz: $name for ${seconds}s (log: $log)"
    nice -n 19 "$target" "$corpus" "$seeds" -dict="$here/cdg.dict" -max_len=8192 \
        -timeout=10 -rss_limit_mb=2048 -max_total_time="$seconds" -print_final_stats=1 \
        -artifact_prefix="$here/regressions/$name-" >"$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    echo "fuzz: $name: ${execs:-?} executions, ${rate:-?}/s, exit $rc"
    if [ $rc != 0 ]; then
        tail -40 "$log"
        echo "fuzz: $name FAILED; the input is in tests/fuzz/regressions/"
        status=1
    fi
done
exit $status
