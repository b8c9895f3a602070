#!/bin/sh
# `cdgrules import TABLE -o FILE`: the rules are written atomically (the
# file is what stdout would have been); a table with errors writes nothing
# (no new file, an existing one byte-identical, no temporary file left),
# exit 1; an unwritable output is an I/O error, exit 2, the table's
# warnings printed. Also: stdin ("-") is read.
# Usage: tests/scripts/import_output.sh BUILD/cdgrules
set -u
bin=$1
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
fail() { echo "import_output: FAIL: $*"; exit 1; }
printf '\t\tForfait A\tForfait B\nVeille\t\tInclus\tNon inclus\nSaisine\t\tInclus\tInclus\n' >"$tmp/good.tsv"
printf '\t\tForfait A\tForfait B\nVeille\t\tInclus\tNon inclus\nSaisine\t\tInclus\n' >"$tmp/ragged.tsv"

"$bin" import "$tmp/good.tsv" >"$tmp/stdout.cdg" 2>/dev/null || fail "import of a good table to stdout"
"$bin" import "$tmp/good.tsv" -o "$tmp/out.cdg" >"$tmp/none" 2>/dev/null || fail "import -o of a good table"
[ ! -s "$tmp/none" ] || fail "import -o printed on stdout"
cmp -s "$tmp/stdout.cdg" "$tmp/out.cdg" || fail "-o wrote something else than stdout"
"$bin" check "$tmp/out.cdg" 2>/dev/null || fail "the written rules do not check"
# from stdin the offer is named after "-" instead of the file: the rest is the same
"$bin" import - <"$tmp/good.tsv" 2>/dev/null | grep -v '^offre ' >"$tmp/stdin.cdg"
grep -v '^offre ' "$tmp/stdout.cdg" | cmp -s - "$tmp/stdin.cdg" || fail "stdin is not read as the same table"

"$bin" import "$tmp/ragged.tsv" -o "$tmp/new.cdg" 2>/dev/null
st=$?
[ "$st" -eq 1 ] || fail "a ragged table exits $st, not 1"
[ ! -e "$tmp/new.cdg" ] || fail "a table with errors created its output file"
cp "$tmp/out.cdg" "$tmp/before.cdg"
"$bin" import "$tmp/ragged.tsv" -o "$tmp/out.cdg" 2>/dev/null
cmp -s "$tmp/before.cdg" "$tmp/out.cdg" || fail "a table with errors changed the existing output"
[ "$(ls "$tmp" | grep -c -v -e '\.tsv$' -e '\.cdg$' -e '^none$' -e '^stdin.cdg$')" -eq 0 ] || { ls -a "$tmp"; fail "a temporary file was left"; }

mkdir "$tmp/ro" && chmod a-w "$tmp/ro"
if [ ! -w "$tmp/ro" ]; then
    "$bin" import "$tmp/good.tsv" -o "$tmp/ro/x.cdg" 2>"$tmp/err"
    st=$?
    [ "$st" -eq 2 ] || fail "an unwritable output exits $st, not 2"
    [ ! -e "$tmp/ro/x.cdg" ] || fail "an unwritable output was written"
fi
echo "import_output: -o atomic, same bytes as stdout; errors write nothing (exit 1); unwritable output exit 2"
