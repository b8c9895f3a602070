#!/bin/sh
# `cdgrules dump -o OUT`: the file gets exactly what stdout would; a run
# that fails (rules with errors, usage error, unwritable target, memory
# exhausted at any allocation) leaves an existing OUT byte-identical and no
# temporary file behind.
# Usage: tests/scripts/dump_output.sh BUILD/cdgrules
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
rules=$root/rules/cdg47.cdg
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp"; rm -rf "$tmp"' EXIT
fail() { echo "dump_output: FAIL: $*"; exit 1; }

for fmt in tsv csv md html json; do
    "$bin" dump "$rules" --format $fmt >"$tmp/stdout.$fmt" || fail "dump --format $fmt"
    "$bin" dump "$rules" --format $fmt -o "$tmp/out.$fmt" >"$tmp/o.out" 2>"$tmp/o.err" || fail "dump -o ($fmt)"
    cmp -s "$tmp/stdout.$fmt" "$tmp/out.$fmt" || fail "-o and stdout differ ($fmt)"
    [ -s "$tmp/o.out" ] && fail "-o also wrote to stdout ($fmt)"
done

# Without --format, the extension of OUT names the format, in any case;
# --format wins over it; an extension no format has is a usage error that
# writes nothing.
for pair in html:html htm:html HTML:html md:md csv:csv tsv:tsv Json:json; do
    ext=${pair%%:*} fmt=${pair#*:}
    "$bin" dump "$rules" -o "$tmp/ext.$ext" || fail "dump -o ext.$ext"
    cmp -s "$tmp/stdout.$fmt" "$tmp/ext.$ext" || fail "-o ext.$ext is not $fmt"
done
"$bin" dump "$rules" --format tsv -o "$tmp/ext.html" || fail "dump --format tsv -o ext.html"
cmp -s "$tmp/stdout.tsv" "$tmp/ext.html" || fail "--format tsv -o ext.html is not tsv"
"$bin" dump "$rules" -o "$tmp/ext.xlsx" 2>"$tmp/err"
[ $? = 2 ] || fail "unknown extension: exit status is not 2"
[ ! -e "$tmp/ext.xlsx" ] || fail "unknown extension: a file was written"
grep -q 'md, csv, tsv, html, json, js or simulateur' "$tmp/err" || fail "unknown extension: the formats are not named"

# An existing file is replaced atomically, and kept when the run fails.
printf 'previous content\n' >"$tmp/keep.html"
printf 'offre t "T";\nforfait A "A" < x: inclus; >\n' >"$tmp/bad.cdg"
"$bin" dump "$tmp/bad.cdg" --format html -o "$tmp/keep.html" 2>/dev/null
[ $? = 1 ] || fail "rules with errors: exit status is not 1"
[ "$(cat "$tmp/keep.html")" = "previous content" ] || fail "rules with errors changed the output file"
"$bin" dump "$rules" --format nope -o "$tmp/keep.html" 2>/dev/null
[ $? = 2 ] || fail "usage error: exit status is not 2"
[ "$(cat "$tmp/keep.html")" = "previous content" ] || fail "a usage error changed the output file"

# Memory exhausted at each allocation in turn: exit 2 with a message, never
# a crash, and the target untouched; the first run that gets enough memory
# writes the whole file.
n=0 done_ok=0
while [ $n -lt 2000 ]; do
    CDGRULES_FAIL_ALLOC=$n "$bin" dump "$rules" --format html -o "$tmp/keep.html" 2>"$tmp/err"
    rc=$?
    if [ $rc = 0 ]; then done_ok=1; break; fi
    [ $rc = 2 ] || fail "allocation $n: exit status $rc"
    grep -q 'out of memory' "$tmp/err" || fail "allocation $n: no message: $(cat "$tmp/err")"
    [ "$(cat "$tmp/keep.html")" = "previous content" ] || fail "allocation $n: the output file changed"
    n=$((n + 1))
done
[ $done_ok = 1 ] || fail "no run succeeded"
"$bin" dump "$rules" --format html | cmp -s - "$tmp/keep.html" || fail "the final file is incomplete"

# An unwritable directory: exit 2, a located message, nothing left behind.
mkdir "$tmp/ro"
chmod a-w "$tmp/ro"
if [ "$(id -u)" != 0 ]; then
    "$bin" dump "$rules" -o "$tmp/ro/out.tsv" 2>"$tmp/err"
    [ $? = 2 ] || fail "unwritable directory: exit status is not 2"
    grep -q "$tmp/ro/out.tsv" "$tmp/err" || fail "unwritable directory: message does not name the file"
fi
"$bin" dump "$rules" -o "$tmp/missing/out.tsv" 2>"$tmp/err"
[ $? = 2 ] || fail "missing directory: exit status is not 2"
[ -z "$(ls -A "$tmp/ro")" ] || fail "files left in $tmp/ro"
leftovers=$(ls -A "$tmp" | grep -v '^\(stdout\|out\|ext\)\.\|^o\.\|^keep.html$\|^bad.cdg$\|^err$\|^ro$')
[ -z "$leftovers" ] || fail "temporary files left: $leftovers"
echo "dump_output: -o matches stdout in 5 formats, by --format or extension; $n memory failures handled; failed runs leave the file intact"
