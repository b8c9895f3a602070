#!/bin/sh
# The TSV round trip: `cdgrules dump rules/cdg47.cdg --format tsv` must be
# the source document rules/source/offre-cdg47.tsv, byte for byte, once the
# document's markup is removed. The markup is text the dump cannot carry
# (the rules file holds plain labels); `markup` below removes it, and only
# it, from BOTH sides:
#   - `<sup>*N</sup>` (a footnote call) becomes `*N`, the dump's call;
#   - ` <sup>TEXT</sup>` (a superscript suffix) becomes `TEXT`: "1 <sup>er</sup>"
#     is "1er", as rules/source/README.md transcribes it;
#   - `<b>` and `</b>` are removed;
#   - a title line `**TITLE**` or `### TITLE` becomes `TITLE`;
#   - the footnote line `*\*N : TEXT*` (Markdown italics) becomes `*N : TEXT`;
#   - blank lines before the first table are removed, and a last line
#     without its line end gets one.
# Everything else — every cell, blank cells of merged rows, repeated cells,
# row and column order, tabs, spaces, blank lines between tables — is
# compared by cmp. `markup` must leave the dump unchanged (it carries no
# markup), so the dump's own bytes are what is compared.
# Then each of a few changes to the rules, and to the dump's text, must
# break the match: one cell, a merged row written per forfait and the
# reverse, two rows swapped.
# Usage: tests/scripts/dump_tsv_roundtrip.sh BUILD/cdgrules
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
src=$root/rules/source/offre-cdg47.tsv rules=$root/rules/cdg47.cdg
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# markup FILE: FILE without the document's markup (see above), on stdout.
markup() {
    sed -e 's/<sup>\(\*[0-9][0-9]*\)<\/sup>/\1/g' \
        -e 's/ *<sup>\([^<]*\)<\/sup>/\1/g' \
        -e 's/<\/\{0,1\}b>//g' \
        -e 's/^\*\*\(.*\)\*\*$/\1/' \
        -e 's/^### //' \
        -e 's/^\*\\\*\([0-9][0-9]*\) : \(.*\)\*$/*\1 : \2/' \
        -e '/./,$!d' "$1" | awk 1
}

markup "$src" >"$tmp/source.tsv"

# same DUMP: 0 when the dump text DUMP is the source document (cmp).
same() {
    markup "$1" >"$tmp/dump.tsv"
    if ! cmp -s "$1" "$tmp/dump.tsv"; then
        echo "dump_tsv_roundtrip: the dump holds markup that the comparison would remove:" | tee "$tmp/cmp"
        diff "$1" "$tmp/dump.tsv"
        return 3
    fi
    (cd "$tmp" && cmp source.tsv dump.tsv) >"$tmp/cmp" 2>&1
}

# compare RULES: 0 when the dump of RULES is the source document.
compare() {
    "$bin" dump "$1" --format tsv >"$tmp/out.tsv" 2>"$tmp/dump.err" || { cat "$tmp/dump.err"; return 2; }
    same "$tmp/out.tsv"
}

if ! compare "$rules"; then
    echo "dump_tsv_roundtrip: rules/cdg47.cdg does not reproduce the source document:"
    cat "$tmp/cmp"
    diff "$tmp/source.tsv" "$tmp/dump.tsv"
    exit 1
fi
cp "$tmp/out.tsv" "$tmp/good.tsv"
echo "dump_tsv_roundtrip: $(wc -l <"$tmp/source.tsv") lines, $(wc -c <"$tmp/source.tsv") bytes identical (cmp)"

status=0
# verdict NAME: the last comparison must have failed.
verdict() {
    if [ "$1" -eq 0 ]; then
        echo "dump_tsv_roundtrip: mutation '$2' went unnoticed"; status=1
    else
        echo "dump_tsv_roundtrip: mutation '$2' detected: $(head -n 1 "$tmp/cmp")"
    fi
}

# mutate PERL-EXPR NAME: a change to the rules must break the match.
mutate() {
    perl -0pe "$1" "$rules" >"$tmp/mutant.cdg"
    if cmp -s "$rules" "$tmp/mutant.cdg"; then
        echo "dump_tsv_roundtrip: mutation '$2' did not apply"; status=1; return
    fi
    compare "$tmp/mutant.cdg"
    verdict $? "$2"
}
mutate 's/(forfait Heberge .*?chorus_pro: )inclus;/$1non_inclus;/s' "table 1 cell"
mutate 's/"Gestion de parc"/"Gestion du parc"/' "table 1 service label"
mutate 's/S3: 2; S4: 2; S5: 5/S3: 2; S4: 3; S5: 5/' "table 2 quantity"
mutate 's/colonne: "Sauvegarde externalisée \(volume en Go\)"/colonne: "Sauvegarde (Go)"/' "table 2 heading"
mutate 's/(option formation_site .*?tarif: )journalier;/$1sur_etude;/s' "table 3 merged cell"
mutate 's/Heberge: en_option "Selon strate et coût du certificat"/Heberge: en_option/' "table 3 cell"
mutate 's/(option filtrage_spam .*?)TechnologiePlus: en_option;/$1TechnologiePlus: en_option "Sur étude";/s' "table 3 one repeated cell"
mutate 's/détenus par la collectivité\.";\n/détenus par la collectivité";\n/' "footnote"
mutate 's/\n  logiciels_metiers: inclus;\n/\n  logiciels_metiers: non_inclus;\n/' "table 1 first column"
mutate 's/(option filtrage_spam .*?)  Metiers: en_option;\n.*?TechnologiePlus: en_option;\n/$1  defaut: en_option;\n/s' \
    "table 3 repeated row merged (defaut:)"
mutate 's/(option formation_site .*?)defaut: en_option;/$1Metiers: en_option; MetiersCommunication: en_option; Heberge: en_option; Technologie: en_option; TechnologiePlus: en_option;/s' \
    "table 3 merged row repeated (per forfait)"
mutate 's/(option formation_site .*?\n>\n\n)(option conseil_equipement .*?\n>\n\n)/$2$1/s' "table 3 two rows swapped"
mutate 's/(service saisine [^\n]*\n\n)(service fichiers_lourds [^\n]*\n\n)/$2$1/' "table 1 two rows swapped"

# alter PERL-EXPR NAME: a change to the dump's own text must break the match.
alter() {
    perl -0pe "$1" "$tmp/good.tsv" >"$tmp/altered.tsv"
    if cmp -s "$tmp/good.tsv" "$tmp/altered.tsv"; then
        echo "dump_tsv_roundtrip: alteration '$2' did not apply"; status=1; return
    fi
    same "$tmp/altered.tsv"
    verdict $? "$2"
}
alter 's/(\nFormation sur site\tTarif journalier\t\t\t)\t/$1\tTarif journalier/' "text: one blank merged cell filled"
alter 's/(\nFiltrage[^\n]*?collectivité)\t[^\t\n]*/$1\t/' "text: one repeated cell blanked"
alter 's/\n(Formation sur site[^\n]*)\n(Conseil en équipement[^\n]*)\n/\n$2\n$1\n/' "text: two rows swapped"
alter 's/Inclus\tInclus\n/Inclus\tInclus \n/' "text: one space added"
exit $status
