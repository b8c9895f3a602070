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
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")" && pwd)
localedir=$(dirname "$bin")/locale
filter=${GOLDEN_FILTER:-}
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for dir in "$root"/*/*/; do
    [ -d "$dir" ] || continue
    dir=${dir%/}
    name=${dir#"$root"/}
    case "$name" in fixtures/*) continue ;; esac
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
    # What the case expects: a missing file means no output, or status 0.
    for k in out err; do
        if [ -f "$dir/expected.$k" ]; then cp "$dir/expected.$k" "$tmp/want.$k"; else : >"$tmp/want.$k"; fi
    done
    if [ -f "$dir/expected.code" ]; then cp "$dir/expected.code" "$tmp/want.code"; else echo 0 >"$tmp/want.code"; fi
    if [ -n "${UPDATE:-}" ]; then
        for k in out err; do
            if [ -s "$tmp/$k" ]; then cp "$tmp/$k" "$dir/expected.$k"; else rm -f "$dir/expected.$k"; fi
        done
        if [ "$(cat "$tmp/code")" != 0 ]; then cp "$tmp/code" "$dir/expected.code"; else rm -f "$dir/expected.code"; fi
        pass=$((pass + 1))
        continue
    fi
    ok=1
    for k in out err code; do
        if ! cmp -s "$tmp/$k" "$tmp/want.$k"; then
            ok=0
            echo "golden: FAIL $name (std$k differs)"
            diff -u --label "expected.$k" --label "actual" "$tmp/want.$k" "$tmp/$k" 2>&1 | head -20
        fi
    done
    if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "golden: $pass passed, $fail failed"
[ $fail = 0 ]
