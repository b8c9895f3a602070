#!/bin/sh
# `cdgrules batch` on the CSV files French spreadsheets write, made from
# examples/communes-47.csv: ';'-separated with CRLF line ends and numbers
# with thousands separators give the same answers as the original; a
# Latin-1 copy stops with one message before any row, and the iconv
# command it gives makes the file work.
# Usage: tests/scripts/batch_encodings.sh BUILD/cdgrules
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fail=0
ko() { echo "batch_encodings: FAIL $*"; fail=1; }
run() { "$bin" batch "$root/rules/cdg47.cdg" --forfait Metiers --categorie commune \
            --mesure population_totale "$@"; }
cd "$t" || exit 1
cp "$root/examples/communes-47.csv" utf8.csv
run utf8.csv >utf8.out 2>utf8.err || ko "original: exit $?"
[ "$(wc -l <utf8.out)" -gt 300 ] || ko "original: too few rows"

# ';' separators (the file has CRLF line ends): the same rows, with ';'.
grep -q "$(printf '\r')\$" utf8.csv || ko "the original no longer has CRLF line ends"
sed 's/,/;/g' utf8.csv >semi.csv
run semi.csv >semi.out 2>semi.err || ko "semicolons: exit $? ($(head -2 semi.err))"
sed 's/,/;/g' utf8.out | cmp -s - semi.out || ko "semicolons: output differs"
[ -s semi.err ] && ko "semicolons: unexpected stderr"

# "32 988" and 32<U+00A0>988: read as 32988.
awk -F, 'BEGIN { OFS = "," } { sub(/\r$/, "", $4) } NR > 1 && length($4) > 3 {
    n = $4; sep = NR % 2 ? "\302\240" : " "
    $4 = "\"" substr(n, 1, length(n) - 3) sep substr(n, length(n) - 2) "\"" } { print $0 "\r" }' utf8.csv >spaced.csv
grep -q '"32 988"' spaced.csv || ko "spaced: no spaced number made"
run spaced.csv >spaced.out 2>spaced.err || ko "spaced: exit $? ($(head -2 spaced.err))"
cut -d, -f5- spaced.out >a
cut -d, -f5- utf8.out >b
cmp -s a b || ko "spaced: answers differ"

# Saved as Windows-1252: one message at the first accented letter, nothing on stdout.
iconv -f UTF-8 -t WINDOWS-1252 utf8.csv >latin.csv
run latin.csv >latin.out 2>latin.err
[ $? = 1 ] || ko "latin-1: exit status"
[ -s latin.out ] && ko "latin-1: rows written"
grep -q "it looks like Windows-1252. Convert it with: iconv -f WINDOWS-1252 -t UTF-8 latin.csv" latin.err ||
    ko "latin-1: encoding not named"
[ "$(wc -l <latin.err)" = 1 ] || ko "latin-1: $(wc -l <latin.err) lines on stderr"
line=$(LC_ALL=C grep -n "$(printf '[\200-\377]')" utf8.csv | head -1 | cut -d: -f1)
grep -q "^latin.csv:$line: the file is not in UTF-8 (byte 0x" latin.err || ko "latin-1: message $(cat latin.err)"
fix=$(sed -n 's/.*Convert it with: //p' latin.err)
[ -n "$fix" ] || ko "latin-1: no command"
sh -c "$fix" || ko "latin-1: the command failed: $fix"
run latin.csv.utf8 2>/dev/null | sed 's/^[^,]*,[^,]*,//' >fixed.out
sed 's/^[^,]*,[^,]*,//' utf8.out | cmp -s - fixed.out || ko "latin-1: the converted file answers differently"

[ $fail = 0 ] && echo "batch_encodings: ok"
exit $fail
