#!/bin/sh
# `cdgrules test` on rules/cdg47.cdg and on deliberately broken copies:
# - the repository's examples pass;
# - one quantity changed in table 2 (sauvegarde, S4: 5 -> 6) fails exactly
#   the examples that pin it, at the FILE:LINE:COL of each expectation,
#   with a note at the changed table line;
# - one expected value changed in an example fails at that expectation;
# - the examples printed by --generate-boundaries are canonical (fmt
#   --check), pass when appended to the rules, and catch the same broken
#   quantity.
# Usage: tests/scripts/test_examples.sh BUILD/cdgrules
set -eu
bin=$1
rules=$(dirname "$0")/../../rules/cdg47.cdg
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "test_examples: FAIL: $*"; exit 1; }
export NO_COLOR=1 LC_ALL=C.UTF-8

"$bin" test "$rules" >"$tmp/out" 2>"$tmp/err" || fail "the repository's examples do not pass: $(cat "$tmp/err")"
grep -q '^[1-9][0-9]* passed, 0 failed$' "$tmp/out" || fail "unexpected summary: $(cat "$tmp/out")"

# 1. One quantity of table 2 changed.
cp "$rules" "$tmp/broken.cdg"
sed -i 's/\(selon_strate < S1: 3; S2: 3; S3: 3; S4: \)5;/\16;/' "$tmp/broken.cdg"
! cmp -s "$rules" "$tmp/broken.cdg" || fail "sed did not change the sauvegarde table"
table_line=$(grep -n 'S3: 3; S4: 6;' "$tmp/broken.cdg" | cut -d: -f1)
set +e
"$bin" test "$tmp/broken.cdg" >"$tmp/out" 2>"$tmp/err"
code=$?
set -e
[ "$code" = 1 ] || fail "broken quantity: exit $code, expected 1"
# Every example profile in S4 that states sauvegarde must fail, at its
# expectation; the others pass.
expected_failures=0
for line in $(grep -n 'attendu < strate: S4;.* sauvegarde: 5;' "$tmp/broken.cdg" | cut -d: -f1); do
    text=$(sed -n "${line}p" "$tmp/broken.cdg")
    prefix=${text%%sauvegarde: 5;*}
    col=$(($(printf '%s' "$prefix" | wc -m) + 1))
    grep -q "^$tmp/broken.cdg:$line:$col: error: exemple \".*\": sauvegarde expected 5 Go, got 6 Go\$" "$tmp/err" ||
        fail "no failure at $line:$col: $(head -5 "$tmp/err")"
    expected_failures=$((expected_failures + 1))
done
[ "$expected_failures" -ge 2 ] || fail "expected several S4 examples with sauvegarde, found $expected_failures"
[ "$(grep -c ': error: ' "$tmp/err")" = "$expected_failures" ] || fail "other failures than the S4 sauvegarde ones: $(grep ': error: ' "$tmp/err")"
grep -q "^$tmp/broken.cdg:$table_line:[0-9]*: note: in stratum S4, the table of service sauvegarde gives 6 Go" "$tmp/err" ||
    fail "no note at the changed table line $table_line"
grep -q "^[0-9]* passed, $expected_failures failed\$" "$tmp/out" || fail "summary: $(cat "$tmp/out")"

# 2. One expected value changed in one example.
cp "$rules" "$tmp/wrong.cdg"
sed -i '/^exemple "Commune de 1 200 habitants au forfait Technologie"/,/^>/s/certificat: 1;/certificat: 3;/' "$tmp/wrong.cdg"
line=$(grep -n 'certificat: 3;' "$tmp/wrong.cdg" | cut -d: -f1)
[ -n "$line" ] || fail "sed did not change the example"
set +e
"$bin" test "$tmp/wrong.cdg" >"$tmp/out" 2>"$tmp/err"
code=$?
set -e
[ "$code" = 1 ] || fail "wrong example: exit $code, expected 1"
grep -q "^$tmp/wrong.cdg:$line:[0-9]*: error: exemple \"Commune de 1 200 habitants au forfait Technologie\": certificat expected 3 certificat, got 1 certificat\$" "$tmp/err" ||
    fail "wrong example not reported at line $line: $(head -3 "$tmp/err")"
grep -q '^[0-9]* passed, 1 failed$' "$tmp/out" || fail "summary: $(cat "$tmp/out")"

# 3. Generated boundary examples.
"$bin" test --generate-boundaries "$rules" >"$tmp/gen.cdg" || fail "--generate-boundaries failed"
n=$(grep -c '^exemple ' "$tmp/gen.cdg")
# 7 boundaries x 2 sides x 2 measured categories + non_affiliee, x 5 forfaits
[ "$n" = 145 ] || fail "expected 145 generated examples, got $n"
"$bin" fmt --check "$tmp/gen.cdg" >/dev/null || fail "generated examples are not in the canonical layout"
cat "$rules" "$tmp/gen.cdg" >"$tmp/pinned.cdg"
"$bin" fmt --check "$tmp/pinned.cdg" >/dev/null || fail "rules + generated examples are not canonical"
before=$("$bin" test "$rules" | tail -1 | cut -d' ' -f1)
"$bin" test "$tmp/pinned.cdg" >"$tmp/out" 2>"$tmp/err" || fail "generated examples fail: $(head -5 "$tmp/err")"
[ "$(tail -1 "$tmp/out")" = "$((before + n)) passed, 0 failed" ] || fail "summary: $(cat "$tmp/out")"
sed -i 's/\(selon_strate < S1: 3; S2: 3; S3: 3; S4: \)5;/\16;/' "$tmp/pinned.cdg"
set +e
"$bin" test "$tmp/pinned.cdg" >"$tmp/out" 2>"$tmp/err"
code=$?
set -e
[ "$code" = 1 ] || fail "pinned examples did not catch the broken quantity (exit $code)"
# the 4 profiles at S4's boundaries, for the 4 forfaits that count sauvegarde
[ "$(grep -c 'commune=1[09]99 (S4)\|commune=1000 (S4)\|etablissement=1[09] (S4)' "$tmp/err")" -ge 16 ] ||
    fail "the generated S4 examples did not fail"
echo "test_examples: ok"
