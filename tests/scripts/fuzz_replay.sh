#!/bin/sh
# Replays tests/fuzz/regressions/ (inputs that once crashed a fuzz target)
# and the fuzz seeds through every fuzz target built with a plain main()
# (BUILD/replay/fuzz_*), and feeds each regression input to the CLI: every
# run must end normally (status 0, 1 or 2), without a sanitizer report.
# Usage: tests/scripts/fuzz_replay.sh BUILD/cdgrules
set -u
bin=$1
replay=$(dirname "$bin")/replay
root=$(cd "$(dirname "$0")/../.." && pwd)
vg=${VALGRIND_CMD:-}
fail=0 runs=0
files=$(mktemp)
err=$(mktemp)
trap 'rm -f "$files" "$err"' EXIT
(cd "$root" && tests/fuzz/seeds.sh | sed "s|^|$root/|") >"$files"
find "$root/tests/fuzz/regressions" -type f ! -name README.md >>"$files"

# Whether the last run ended normally; reports it otherwise.
check_run() {
    rc=$1 what=$2
    runs=$((runs + 1))
    if [ "$rc" -gt 2 ] || grep -aq 'Sanitizer\|runtime error:' "$err"; then
        echo "fuzz_replay: FAIL (status $rc): $what"
        head -30 "$err"
        fail=$((fail + 1))
    fi
}

ntargets=0
for target in "$replay"/fuzz_*; do
    [ -x "$target" ] || continue
    ntargets=$((ntargets + 1))
    # Every input in one process (process start-up dominates under the
    # sanitizers); only when that run fails, one process per input, to
    # name the input that fails.
    tr '\n' '\0' <"$files" | xargs -0 $vg "$target" >/dev/null 2>"$err"
    # The plain main returns 0 after the last input: any other status
    # (xargs's 123-125 for a failed, killed or crashed run) is a failure.
    if [ $? = 0 ] && ! grep -aq 'Sanitizer\|runtime error:' "$err"; then
        runs=$((runs + $(wc -l <"$files")))
        continue
    fi
    while read -r f; do
        $vg "$target" "$f" >/dev/null 2>"$err"
        check_run $? "$(basename "$target") $f"
    done <"$files"
done
[ $ntargets -gt 0 ] || { echo "fuzz_replay: no replay binaries in $replay"; exit 1; }

find "$root/tests/fuzz/regressions" -type f ! -name README.md | while read -r f; do
    for args in "check" "check --format json"; do
        # shellcheck disable=SC2086
        $vg "$bin" $args "$f" >/dev/null 2>"$err"
        rc=$?
        if [ "$rc" -gt 2 ] || grep -aq 'Sanitizer\|runtime error:' "$err"; then
            echo "fuzz_replay: FAIL (status $rc): cdgrules $args $f"
            head -30 "$err"
            exit 1
        fi
    done
done || fail=$((fail + 1))
echo "fuzz_replay: $runs target runs over $(wc -l <"$files") inputs, $fail failed"
[ $fail = 0 ]
