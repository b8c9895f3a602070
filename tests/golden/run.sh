#!/bin/sh
# Golden CLI tests. Each case is a directory tests/golden/COMMAND/CASE/
# (see README.md) with
#   cmd        the arguments to cdgrules, one line, run from the case
#              directory (e.g. "check input.cdg"); optional "stdin" file;
#              optional "env" file: variable assignments (LANGUAGE=fr)
#   expected.out, expected.err   what the run must print (missing: nothing)
#   expected.code                its exit status (missing: 0)
# GOLDEN_FILTER=TEXT runs only the cases whose COMMAND/CASE contains TEXT.
# UPDATE=1 rewrites the expectations deliberately, writing only the
# non-empty ones and removing those that became empty (then review them
# with git diff). Prints "golden: N passed, N failed" last.
# TEST_JOBS=N runs the cases in N parallel groups (default: the number of
# processors); the output is the same, in the same order, as with 1.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")" && pwd)
localedir=$(dirname "$bin")/locale
filter=${GOLDEN_FILTER:-}
jobs=${TEST_JOBS:-$(nproc 2>/dev/null || echo 1)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run_case DIR WORK: runs one case in the scratch directory WORK, prints
# what differs, and appends "pass" or "fail" to WORK/results.
run_case() {
    dir=$1 w=$2
    name=${dir#"$root"/}
    [ -f "$dir/cmd" ] || { echo "golden: $name: no cmd file" >&2; echo fail >>"$w/results"; return; }
    args=$(cat "$dir/cmd")
    input=/dev/null
    [ -f "$dir/stdin" ] && input="$dir/stdin"
    # Messages in the sources' words unless the case's "env" file (shell
    # assignments, e.g. LANGUAGE=fr) says otherwise; catalogues of the build.
    (cd "$dir" && unset COLUMNS && export LANGUAGE= CDGRULES_LOCALEDIR="$localedir" &&
        { [ ! -f env ] || { set -a && . ./env && set +a; }; } &&
        eval "set -- $args" && NO_COLOR=1 LC_ALL=C.UTF-8 ${VALGRIND_CMD:-} "$bin" "$@" \
        <"$input" >"$w/out" 2>"$w/err"; echo $? >"$w/code")
    # What the case expects: a missing file means no output, or status 0.
    for k in out err; do
        if [ -f "$dir/expected.$k" ]; then cp "$dir/expected.$k" "$w/want.$k"; else : >"$w/want.$k"; fi
    done
    if [ -f "$dir/expected.code" ]; then cp "$dir/expected.code" "$w/want.code"; else echo 0 >"$w/want.code"; fi
    if [ -n "${UPDATE:-}" ]; then
        for k in out err; do
            if [ -s "$w/$k" ]; then cp "$w/$k" "$dir/expected.$k"; else rm -f "$dir/expected.$k"; fi
        done
        if [ "$(cat "$w/code")" != 0 ]; then cp "$w/code" "$dir/expected.code"; else rm -f "$dir/expected.code"; fi
        echo pass >>"$w/results"
        return
    fi
    ok=pass
    for k in out err code; do
        if ! cmp -s "$w/$k" "$w/want.$k"; then
            ok=fail
            echo "golden: FAIL $name (std$k differs)"
            diff -u --label "expected.$k" --label "actual" "$w/want.$k" "$w/$k" 2>&1 | head -20
        fi
    done
    echo $ok >>"$w/results"
}

# The selected cases, in order, one per line.
for dir in "$root"/*/*/; do
    [ -d "$dir" ] || continue
    dir=${dir%/}
    name=${dir#"$root"/}
    case "$name" in fixtures/*) continue ;; esac
    case "$name" in *"$filter"*) ;; *) continue ;; esac
    echo "$dir"
done >"$tmp/cases"

# The cases in TEST_JOBS groups, reported in the cases' order.
. "$root/../groups.sh"
in_groups "$tmp/cases" "$tmp" "$jobs" run_case
total=$(wc -l <"$tmp/cases")
pass=0 fail=0
i=0
while [ $i -lt "$ngroups" ]; do
    cat "$tmp/g$i/log"
    pass=$((pass + $(grep -c '^pass$' "$tmp/g$i/results")))
    fail=$((fail + $(grep -c '^fail$' "$tmp/g$i/results")))
    i=$((i + 1))
done
[ "$((pass + fail))" = "$total" ] || { echo "golden: $((total - pass - fail)) cases gave no result"; fail=$((fail + total - pass - fail)); }
echo "golden: $pass passed, $fail failed"
[ $fail = 0 ]
