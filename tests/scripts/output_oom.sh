#!/bin/sh
# Running out of memory while writing a file named by -o never leaves a
# half-written file: every command that writes one (batch -o, dump -o in
# each format, import -o; fmt -w has fmt_write.sh) is run with
# CDGRULES_FAIL_ALLOC=N for N = 0, 1, 2, … until it succeeds. Each failing
# run must exit 2 saying "out of memory", and leave neither the target nor
# a temporary file beside it. batch reads 2,000 rows with --prix, so that
# allocations fail in the middle of the stream too (its quotes' arena is
# renewed every few dozen rows).
# Usage: tests/scripts/output_oom.sh BUILD/cdgrules
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0 runs=0

# sweep TARGET CMD...: runs CMD (in $tmp) failing allocation N = 0, 1, …
sweep() {
    target=$1
    shift
    n=0
    while [ $n -lt 20000 ]; do
        rm -f "$tmp/$target" "$tmp/$target".cdgrules-*
        (cd "$tmp" && CDGRULES_FAIL_ALLOC=$n LC_ALL=C.UTF-8 "$bin" "$@" >/dev/null 2>err; echo $? >code)
        code=$(cat "$tmp/code")
        runs=$((runs + 1))
        [ "$code" = 0 ] && break
        left=$(cd "$tmp" && ls -d "$target" "$target".cdgrules-* 2>/dev/null)
        if [ "$code" != 2 ] || [ -n "$left" ] || ! grep -q 'out of memory' "$tmp/err"; then
            echo "output_oom: FAIL $* (N=$n): exit $code, left behind: ${left:-nothing}"
            head -5 "$tmp/err"
            fail=$((fail + 1))
            return
        fi
        n=$((n + 1))
    done
    [ -s "$tmp/$target" ] || { echo "output_oom: FAIL $*: $target not written when memory sufficed"; fail=$((fail + 1)); }
    echo "output_oom: $1 -o $target: $n failing runs, all clean"
}

# 2,000 communes: the first 200 of the département, ten times over.
{ head -n 1 "$root/examples/communes-47.csv"
  for i in 1 2 3 4 5 6 7 8 9 10; do sed -n '2,201p' "$root/examples/communes-47.csv"; done
} >"$tmp/communes.csv"
cp "$root/tests/golden/fixtures/cdg47.cdg" "$root/tests/golden/fixtures/tarifs.cdg" "$tmp/"
sweep out.csv batch tarifs.cdg --forfait Essentiel --categorie commune --mesure population_municipale \
    --prix -o out.csv communes.csv
for f in tsv md html json js simulateur; do
    sweep "offre.$f" dump cdg47.cdg --format "$f" -o "offre.$f"
done
(cd "$tmp" && "$bin" dump cdg47.cdg --format tsv -o tables.tsv) || { echo "output_oom: FAIL dump tsv"; fail=$((fail + 1)); }
sweep offre.cdg import tables.tsv -o offre.cdg
echo "output_oom: $runs runs, $fail failed"
[ "$fail" = 0 ]
