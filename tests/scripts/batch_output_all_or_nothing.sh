#!/bin/sh
# batch -o writes its file all or nothing: a bad row leaves an existing
# target byte-identical and creates nothing new; a good run replaces it and
# keeps its mode; stdin and the input file give the same output; a full
# disk and a record longer than the 1 MiB buffer are reported.
set -eu
bin=$1
rules=$(dirname "$0")/../../rules/cdg47.cdg
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'nom,habitants\nA,100\nB,abc\nC,300\n' >"$tmp/bad.csv"
printf 'nom,habitants\nA,100\nC,3000\n' >"$tmp/good.csv"
echo "old content" >"$tmp/out.csv"
chmod 640 "$tmp/out.csv"
if "$bin" batch "$rules" --forfait Metiers --categorie commune -o "$tmp/out.csv" "$tmp/bad.csv" 2>"$tmp/err"; then
    echo "a bad row must fail"; exit 1
fi
grep -q "bad.csv:3: column 'habitants': the measure (habitants) 'abc'" "$tmp/err" || { cat "$tmp/err"; exit 1; }
grep -q "out.csv was not written" "$tmp/err" || { cat "$tmp/err"; exit 1; }
[ "$(cat "$tmp/out.csv")" = "old content" ] || { echo "target changed"; exit 1; }
if "$bin" batch "$rules" --forfait Metiers --categorie commune -o "$tmp/new.csv" "$tmp/bad.csv" 2>/dev/null; then
    echo "a bad row must fail"; exit 1
fi
[ ! -e "$tmp/new.csv" ] || { echo "a failed run created its output"; exit 1; }
[ -z "$(ls "$tmp" | grep cdgrules-)" ] || { echo "temporary file left behind"; ls "$tmp"; exit 1; }
"$bin" batch "$rules" --forfait Metiers --service sauvegarde --categorie commune -o "$tmp/out.csv" "$tmp/good.csv"
printf 'nom,habitants,strate,sauvegarde\nA,100,S1,3\nC,3000,S5,10\n' >"$tmp/want.csv"
cmp "$tmp/want.csv" "$tmp/out.csv"
[ "$(stat -c %a "$tmp/out.csv")" = 640 ] || { echo "mode not kept"; exit 1; }
"$bin" batch "$rules" --forfait Metiers --service sauvegarde --categorie commune <"$tmp/good.csv" >"$tmp/stdout.csv"
cmp "$tmp/want.csv" "$tmp/stdout.csv"
if "$bin" batch "$rules" --forfait Metiers --categorie commune "$tmp/good.csv" >/dev/full 2>"$tmp/err"; then
    echo "writing to a full disk must fail"; exit 1
else
    [ $? = 2 ] || { echo "a write error is exit 2"; exit 1; }
fi
grep -q "cannot write the output: No space left on device" "$tmp/err" || { cat "$tmp/err"; exit 1; }
{ echo "nom,habitants"; echo "A,1"; head -c 1100000 /dev/zero | tr '\0' x; echo ",2"; } >"$tmp/long.csv"
if "$bin" batch "$rules" --forfait Metiers --categorie commune "$tmp/long.csv" >/dev/null 2>"$tmp/err"; then
    echo "a record over 1 MiB must fail"; exit 1
fi
grep -q "long.csv:3: record longer than 1048576 bytes" "$tmp/err" || { cat "$tmp/err"; exit 1; }
