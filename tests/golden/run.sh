#!/bin/sh
# Golden CLI tests. Each case is a directory tests/golden/cases/NAME/ with
#   cmd        the arguments to cdgrules, one line, run from the case
#              directory (e.g. "check input.cdg"); optional "stdin" file;
#              optional "env" file: variable assignments (LANGUAGE=fr)
#   expected.out, expected.err, expected.code   what the run must produce
# Run with UPDATE=1 to rewrite the expectations deliberately (then review
# them with git diff). Prints "N passed, N failed" last.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")" && pwd)
localedir=$(dirname "$bin")/locale
filter=${GOLDEN_FILTER:-}
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for dir in "$root"/cases/*/; do
    [ -d "$dir" ] || continue
    name=$(basename "$dir")
    case "$name" in *"$filter"*) ;; *) continue ;; esac
    [ -f "$dir/cmd" ] || { echo "golden: $name: no cmd file" >&2; fail=$((fail + 1)); continue; }
    args=$(cat "$dir/cmd")
    input=/dev/null
    [ -f "$dir/stdin" ] && input="$dir/stdin"
    # Messages in the sources' words unless the case's "env" file (shell
    # assignments, e.g. LANGUAGE=fr) says otherwise; catalogues of the build.
    (cd "$dir" && unset COLUMNS && export LANGUAGE= CDGRULES_LOCALEDIR="$localedir" &&
        { [ ! -f env ] || { set -a && . ./env && set +a; }; } &&
        eval "set -- $args" && NO_COLOR=1 LC_ALL=C.UTF-8 ${VALGRIND_CMD:-} "$bin" "$@" \
        <"$input" >"$tmp/out" 2>"$tmp/err"; echo $? >"$tmp/code")
    if [ -n "${UPDATE:-}" ]; then
        cp "$tmp/out" "$dir/expected.out"
        cp "$tmp/err" "$dir/expected.err"
        cp "$tmp/code" "$dir/expected.code"
        pass=$((pass + 1))
        continue
    fi
    ok=1
    for k in out err code; do
        if ! cmp -s "$tmp/$k" "$dir/expected.$k" 2>/dev/null; then
            ok=0
            echo "golden: FAIL $name (std$k differs)"
            diff -u "$dir/expected.$k" "$tmp/$k" 2>&1 | head -20
        fi
    done
    if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "golden: $pass passed, $fail failed"
[ $fail = 0 ]
