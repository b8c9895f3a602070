#!/bin/sh
# The round trip of issue 18: for every rules file in rules/ and examples/,
# `dump --format tsv` -> `import` -> `dump --format tsv` is a fixed point
# (cmp), and so is the same trip through `dump --format csv` (one sheet,
# CRLF, quoted fields). The imported file must check (exit 0) and be in
# the canonical layout (`fmt --check`).
# Then a change to a dumped table must show in the second dump: the trip
# does not merely copy.
# Usage: tests/scripts/import_roundtrip.sh BUILD/cdgrules
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0 n=0

# trip FORMAT RULES: 0 when dump -> import -> dump gives the same bytes.
trip() {
    "$bin" dump "$2" --format "$1" >"$tmp/d1.$1" 2>/dev/null || { echo "import_roundtrip: cannot dump $2"; return 1; }
    "$bin" import "$tmp/d1.$1" -o "$tmp/r.cdg" 2>"$tmp/import.err" || { cat "$tmp/import.err"; return 1; }
    "$bin" check "$tmp/r.cdg" >/dev/null 2>"$tmp/check.err" || { cat "$tmp/check.err"; return 1; }
    "$bin" fmt --check "$tmp/r.cdg" >/dev/null || { echo "import_roundtrip: not canonical"; return 1; }
    "$bin" dump "$tmp/r.cdg" --format "$1" >"$tmp/d2.$1" 2>/dev/null || return 1
    cmp "$tmp/d1.$1" "$tmp/d2.$1" >"$tmp/cmp" 2>&1 || { diff "$tmp/d1.$1" "$tmp/d2.$1" | head -20; return 1; }
}

for rules in "$root"/rules/*.cdg "$root"/examples/*.cdg; do
    for format in tsv csv; do
        n=$((n + 1))
        if trip "$format" "$rules"; then
            echo "import_roundtrip: ${rules#"$root"/} ($format): fixed point ($(wc -c <"$tmp/d1.$format") bytes)"
        else
            echo "import_roundtrip: FAIL: ${rules#"$root"/} ($format): dump -> import -> dump changed the table"
            status=1
        fi
    done
done

# A changed table gives a changed dump (the import reads what it is given).
"$bin" dump "$root/rules/cdg47.cdg" --format tsv >"$tmp/t.tsv" 2>/dev/null
perl -pe 's/^(\tChorus Pro\t(?:[^\t]*\t){2})Inclus/${1}Non inclus/' "$tmp/t.tsv" >"$tmp/m.tsv"
cmp -s "$tmp/t.tsv" "$tmp/m.tsv" && { echo "import_roundtrip: FAIL: the mutation did not apply"; status=1; }
"$bin" import "$tmp/m.tsv" -o "$tmp/m.cdg" 2>/dev/null && "$bin" dump "$tmp/m.cdg" --format tsv >"$tmp/m2.tsv" 2>/dev/null
if cmp -s "$tmp/m.tsv" "$tmp/m2.tsv" && ! cmp -s "$tmp/t.tsv" "$tmp/m2.tsv"; then
    echo "import_roundtrip: a changed cell (Chorus Pro, Forfait Hébergé) comes back changed"
else
    echo "import_roundtrip: FAIL: a changed cell did not come back as changed"; status=1
fi
echo "import_roundtrip: $n trips"
exit $status
