#!/bin/sh
# The TSV round trip: `cdgrules dump rules/cdg47.cdg --format tsv` must
# reproduce the source document rules/source/offre-cdg47.tsv table by table,
# cell by cell (its footnote and table titles too). Markup (<sup>, <b>, the
# Markdown ** and * around titles and the footnote) and spaces are ignored;
# a merged cell (a row whose cells after the first are all blank) counts as
# repeated in every column, whichever way a side writes it.
# Then each of a few one-cell changes to the rules must break the match.
# Usage: tests/scripts/dump_tsv_roundtrip.sh BUILD/cdgrules
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
src=$root/rules/source/offre-cdg47.tsv rules=$root/rules/cdg47.cdg
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

normalise() {
    awk -F'\t' -v OFS='\t' '
    {
        sub(/\r$/, "")
        if ($0 ~ /^\*\*.*\*\*$/) $0 = substr($0, 3, length($0) - 4)
        else if ($0 ~ /^\*.*\*$/) $0 = substr($0, 2, length($0) - 2)
        sub(/^#+ /, "")
        gsub(/\\\*/, "*")
        gsub(/<[^>]*>/, "")
        gsub(/ /, "")
        $0 = $0
        if (NF >= 3 && $2 != "") {
            blank = 1
            for (i = 3; i <= NF; i++) if ($i != "") blank = 0
            if (blank) for (i = 3; i <= NF; i++) $i = $2
        }
        if ($0 ~ /[^\t]/) print
    }' "$1"
}

# compare RULES: 0 when the dump of RULES matches the source document.
compare() {
    "$bin" dump "$1" --format tsv >"$tmp/dump.tsv" 2>"$tmp/dump.err" || { cat "$tmp/dump.err"; return 2; }
    normalise "$src" >"$tmp/want"
    normalise "$tmp/dump.tsv" >"$tmp/got"
    diff "$tmp/want" "$tmp/got" >"$tmp/diff"
}

if ! compare "$rules"; then
    echo "dump_tsv_roundtrip: rules/cdg47.cdg does not reproduce the source document:"
    cat "$tmp/diff"
    exit 1
fi
cells=$(awk -F'\t' '{n += NF} END {print n}' "$tmp/want")
lines=$(wc -l <"$tmp/want")
echo "dump_tsv_roundtrip: $lines lines, $cells cells identical"

# Each mutation changes one published cell; the comparison must see it.
status=0
mutate() {
    sed "$1" "$rules" >"$tmp/mutant.cdg"
    if cmp -s "$rules" "$tmp/mutant.cdg"; then
        echo "dump_tsv_roundtrip: mutation '$2' did not apply"; status=1; return
    fi
    if compare "$tmp/mutant.cdg"; then
        echo "dump_tsv_roundtrip: mutation '$2' went unnoticed"; status=1
    else
        echo "dump_tsv_roundtrip: mutation '$2' detected"
    fi
}
mutate '/^forfait Heberge/,/^>/s/chorus_pro: inclus;/chorus_pro: non_inclus;/' "table 1 cell"
mutate 's/"Gestion de parc"/"Gestion du parc"/' "table 1 service label"
mutate 's/S3: 2; S4: 2; S5: 5/S3: 2; S4: 3; S5: 5/' "table 2 quantity"
mutate 's/colonne: "Sauvegarde externalisée (volume en Go)"/colonne: "Sauvegarde (Go)"/' "table 2 heading"
mutate '/^option formation_site/,/^>/s/tarif: journalier;/tarif: sur_etude;/' "table 3 merged cell"
mutate 's/Heberge: en_option "Selon strate et coût du certificat"/Heberge: en_option/' "table 3 cell"
mutate 's/détenus par la collectivité\.";$/détenus par la collectivité";/' "footnote"
mutate 's/^  logiciels_metiers: inclus;$/  logiciels_metiers: non_inclus;/' "table 1 first column"
exit $status
