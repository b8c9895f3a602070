#!/bin/sh
# The examples of rules/cdg47.cdg exercise every forfait × service ×
# stratum cell: `cdgrules test --min-coverage 100` passes on it, and fails
# (exit 1, the share below 100 % named) on a copy without one example.
# Usage: tests/scripts/offer_coverage.sh BUILD/cdgrules
set -eu
bin=$1
rules=$(dirname "$0")/../../rules/cdg47.cdg
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "offer_coverage: FAIL: $*"; exit 1; }
export NO_COLOR=1 LC_ALL=C.UTF-8

# 1. The shipped offer: 100 %, every example passes.
"$bin" test --min-coverage 100 "$rules" >"$tmp/out" 2>"$tmp/err" ||
    fail "coverage below 100 % or a failing example: $(cat "$tmp/out" "$tmp/err")"
grep -q ' 100\.0% (840 ' "$tmp/out" || fail "unexpected coverage line: $(cat "$tmp/out")"
grep -q '^[1-9][0-9]* passed, 0 failed$' "$tmp/out" || fail "unexpected summary: $(cat "$tmp/out")"

# 2. The same offer without the only example of Forfait Métiers in S7:
#    its 21 cells are no longer exercised (819 of 840, 97.5 %).
label='Commune de 5 000 habitants (première de S7) au forfait Métiers, toutes les prestations'
awk -v start="exemple \"$label\" <" '$0 == start { skip = 1 } skip && $0 == ">" { skip = 0; next } !skip' \
    "$rules" >"$tmp/less.cdg"
[ "$(grep -c '^exemple ' "$tmp/less.cdg")" = "$(($(grep -c '^exemple ' "$rules") - 1))" ] ||
    fail "awk did not remove exactly one example"
set +e
"$bin" test --min-coverage 100 "$tmp/less.cdg" >"$tmp/out" 2>"$tmp/err"
code=$?
set -e
[ "$code" = 1 ] || fail "one example removed: exit $code, expected 1"
grep -q ' 97\.5% (819 ' "$tmp/out" || fail "unexpected coverage line: $(cat "$tmp/out")"
grep -q "$tmp/less.cdg: coverage 97.5% is below the minimum 100.0%" "$tmp/err" ||
    fail "no message for the coverage below the minimum: $(cat "$tmp/err")"
grep -q '^[1-9][0-9]* passed, 0 failed$' "$tmp/out" || fail "the remaining examples should pass: $(cat "$tmp/out")"

echo "offer_coverage: rules/cdg47.cdg exercises every cell; one example less fails"
