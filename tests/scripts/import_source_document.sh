#!/bin/sh
# `cdgrules import rules/source/offre-cdg47.tsv` (issue 18, done-when):
#  1. gives a rules file that checks, the S7/S8 overlap reported as the
#     document writes it (a warning of import, and of check);
#  2. whose `dump --format tsv` is the source document, byte for byte
#     (cmp), once the document's markup is removed from both sides exactly
#     as tests/scripts/dump_tsv_roundtrip.sh removes it;
#  3. which answers every stratum boundary (each end of each range, and
#     one past it) x forfait x service and option exactly as
#     rules/cdg47.cdg does (`query --forfait tous --json`, compared by
#     labels, since the imported ids are derived from the labels).
# Usage: tests/scripts/import_source_document.sh BUILD/cdgrules
set -u
bin=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
src=$root/rules/source/offre-cdg47.tsv rules=$root/rules/cdg47.cdg
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "import_source_document: FAIL: $*"; exit 1; }

# 1. import, check
"$bin" import "$src" -o "$tmp/imported.cdg" 2>"$tmp/import.err" || { cat "$tmp/import.err"; fail "import exited $?"; }
grep -q 'strata S7 and S8 overlap' "$tmp/import.err" || { cat "$tmp/import.err"; fail "import did not report the S7/S8 overlap"; }
"$bin" check "$tmp/imported.cdg" 2>"$tmp/check.err" || { cat "$tmp/check.err"; fail "the imported rules do not check"; }
grep -q "strates 'S7' and 'S8' overlap" "$tmp/check.err" || { cat "$tmp/check.err"; fail "check does not report the S7/S8 overlap"; }
grep -q '^# as the document writes them, strata S7 and S8 overlap' "$tmp/imported.cdg" ||
    fail "no comment at the S7/S8 overlap in the imported rules"
"$bin" fmt --check "$tmp/imported.cdg" >/dev/null || fail "the imported rules are not in the canonical layout"

# 2. the dump is the document
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
"$bin" dump "$tmp/imported.cdg" --format tsv >"$tmp/dump.tsv" 2>/dev/null || fail "dump of the imported rules failed"
if ! cmp "$tmp/source.tsv" "$tmp/dump.tsv"; then
    diff "$tmp/source.tsv" "$tmp/dump.tsv"
    fail "the dump of the imported rules is not the source document"
fi
echo "import_source_document: dump of the import = source document ($(wc -l <"$tmp/dump.tsv") lines, $(wc -c <"$tmp/dump.tsv") bytes, cmp)"

# 3. the same answers as rules/cdg47.cdg at every boundary
"$bin" dump "$rules" --format json >"$tmp/a.json" 2>/dev/null || fail "dump json of rules/cdg47.cdg"
"$bin" dump "$tmp/imported.cdg" --format json >"$tmp/b.json" 2>/dev/null || fail "dump json of the import"
# profiles: CATEGORY-LABEL<TAB>MEASURE ('' for a whole category)
jq -r '(.categories | map({(.id): .libelle}) | add) as $lab
  | [.strates[].membres[]
     | if .tous then [$lab[.categorie], ""]
       else ([.min, .max, .min - 1, (if .max then .max + 1 else empty end)]
             | map(select(. != null and . >= 0)) | .[] ) as $n | [$lab[.categorie], ($n | tostring)]
       end]
  | unique[] | @tsv' "$tmp/a.json" >"$tmp/profiles"
[ -s "$tmp/profiles" ] || fail "no boundary profiles"
# id of a category label in a dump
cat_id() { jq -r --arg l "$2" '.categories[] | select(.libelle == $l) | .id' "$1"; }
# answers by labels: strate, then per forfait label, services and options by label
by_labels() {
    jq -S --slurpfile m "$2" '
      ($m[0].services | map({(.id): .libelle}) | add) as $svc
      | {strate: .strate.libelle,
         forfaits: (.forfaits | to_entries | map({(.value.forfait.libelle): {
            services: (.value.services | map({(.libelle): {statut, quantite, unite, texte, rubrique: (.rubrique != null),
                        attaches: (.attaches | map({service: $svc[.service], quantite}))}}) | add),
            options: (.value.options | map({(.libelle): {statut, tarif, montant, texte,
                        service: (if .service then $svc[.service] else null end)}}) | add)}}) | add)}' "$1"
}
n=0 bad=0
while IFS="$(printf '\t')" read -r label measure; do
    ca=$(cat_id "$tmp/a.json" "$label") cb=$(cat_id "$tmp/b.json" "$label")
    [ -n "$cb" ] || fail "the import has no category '$label'"
    pa=$ca pb=$cb
    [ -z "$measure" ] || { pa="$ca=$measure"; pb="$cb=$measure"; }
    "$bin" query "$rules" --forfait tous --profil "$pa" --json >"$tmp/qa.json" 2>/dev/null; sa=$?
    "$bin" query "$tmp/imported.cdg" --forfait tous --profil "$pb" --json >"$tmp/qb.json" 2>/dev/null; sb=$?
    n=$((n + 1))
    if [ "$sa" != "$sb" ]; then
        echo "import_source_document: $label $measure: exit $sa for rules/cdg47.cdg, $sb for the import"; bad=$((bad + 1)); continue
    fi
    [ "$sa" = 0 ] || continue
    by_labels "$tmp/qa.json" "$tmp/a.json" >"$tmp/la.json"
    by_labels "$tmp/qb.json" "$tmp/b.json" >"$tmp/lb.json"
    if ! cmp -s "$tmp/la.json" "$tmp/lb.json"; then
        echo "import_source_document: $label $measure: answers differ:"
        diff "$tmp/la.json" "$tmp/lb.json" | head -20
        bad=$((bad + 1))
    fi
done <"$tmp/profiles"
[ "$bad" -eq 0 ] || fail "$bad of $n boundary profiles answered differently"
forfaits=$(jq '.forfaits | length' "$tmp/a.json") services=$(jq '.services | length' "$tmp/a.json")
options=$(jq '.options | length' "$tmp/a.json")
echo "import_source_document: $n boundary profiles x $forfaits forfaits x ($services services + $options options): same answers as rules/cdg47.cdg"
