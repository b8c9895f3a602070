#!/bin/sh
# What the command line does with its environment and a failing standard
# output: a full disk on stdout is an I/O error (exit 2, a message, for
# every command that prints), an empty CDGRULES_FAIL_ALLOC or NO_COLOR is
# ignored, and TERM=dumb or NO_COLOR keep colour off.
# Usage: tests/scripts/cov_cli_env.sh BUILD/cdgrules
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
rules=$root/rules/cdg47.cdg
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "cov_cli_env: FAIL: $*"; exit 1; }

[ -w /dev/full ] || { echo "cov_cli_env: no /dev/full here, skipped"; exit 0; }
for args in "check --summary $rules" "dump $rules --format md" "strate $rules --profil commune=1200" \
            "--help" "--version" "test $rules"; do
    # shellcheck disable=SC2086
    "$bin" $args >/dev/full 2>"$tmp/err"
    code=$?
    [ $code = 2 ] || fail "'$args' >/dev/full: exit $code, expected 2"
    grep -q 'error writing\|No space left' "$tmp/err" || fail "'$args' >/dev/full: no message: $(cat "$tmp/err")"
done

"$bin" check --summary "$rules" >"$tmp/ref" 2>&1 || fail "reference run"
CDGRULES_FAIL_ALLOC= "$bin" check --summary "$rules" >"$tmp/out" 2>&1 || fail "empty CDGRULES_FAIL_ALLOC"
cmp -s "$tmp/ref" "$tmp/out" || fail "an empty CDGRULES_FAIL_ALLOC changed the run"

# Colour: the escape sequences appear only when asked for.
bad="$tmp/bad.cdg"
printf 'offre t "T" < editeur: "E"; >\nforfait A "A" < x: inclus; >\n' >"$bad"
esc=$(printf '\033')
NO_COLOR= TERM=dumb "$bin" check "$bad" 2>"$tmp/e1"
grep -q "$esc" "$tmp/e1" && fail "TERM=dumb printed colour"
NO_COLOR=1 "$bin" check "$bad" 2>"$tmp/e2"
grep -q "$esc" "$tmp/e2" && fail "NO_COLOR printed colour"
NO_COLOR=1 "$bin" --color=always check "$bad" 2>"$tmp/e3"
grep -q "$esc" "$tmp/e3" || fail "--color=always printed no colour"
NO_COLOR=1 "$bin" check --color=auto "$bad" 2>"$tmp/e4"
grep -q "$esc" "$tmp/e4" && fail "--color=auto printed colour on a file"
exit 0
