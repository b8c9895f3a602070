#!/bin/sh
# `batch --prix --besoin …` gives, row by row, the figures `quote` gives
# for the same profile, needs and year (forfait line and total), for every
# forfait of examples/tarifs.cdg, both years, and profiles on both sides of
# every stratum boundary, the minimum and the maximum.
# Usage: tests/scripts/batch_prices_match_quote.sh BUILD/cdgrules
set -eu
bin=$1
rules=$(dirname "$0")/../../examples/tarifs.cdg
command -v jq >/dev/null || { echo "jq is needed (apt-get install jq)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "batch_prices_match_quote: FAIL: $*"; exit 1; }

printf 'categorie,mesure\n' >"$tmp/in.csv"
for p in commune,0 commune,1 commune,857 commune,999 commune,1000 commune,4999 commune,5000 commune,17143 \
         commune,20000 etablissement,3 etablissement,9 etablissement,10 etablissement,49 etablissement,50 \
         non_affiliee,; do
    echo "$p" >>"$tmp/in.csv"
done
n=0
for f in Essentiel Habitant Parc ParcProgressif; do
    for annee in premiere suivantes; do
        "$bin" batch "$rules" --forfait "$f" --service messagerie --annee "$annee" \
            --besoin postes=23 --besoin sauvegarde=13 --besoin intervention=2 "$tmp/in.csv" >"$tmp/out.csv" ||
            fail "batch $f $annee"
        tail -n +2 "$tmp/out.csv" | while IFS=, read -r cat mes strate msg prix devis; do
            profil=$cat${mes:+=$mes}
            "$bin" quote "$rules" --forfait "$f" --profil "$profil" --annee "$annee" \
                --besoin postes=23 --besoin sauvegarde=13 --besoin intervention=2 --json >"$tmp/q.json" ||
                [ $? = 1 ] || fail "quote $f $profil"
            want=$(jq -r '
              def amount: (.centimes / 100 | floor | tostring) + "." +
                          ((.centimes % 100 | tostring) | if length == 1 then "0" + . else . end);
              [(.lignes[0] | if .chiffre then .montant | amount else "" end),
               (if .partiel or .supplements_sans_option > 0 then "" else .total | amount end)] | join(",")
            ' "$tmp/q.json")
            [ "$prix,$devis" = "$want" ] || fail "$f $annee $profil: batch gives '$prix,$devis', quote '$want'"
        done
        n=$((n + 1))
    done
done
[ "$n" = 8 ] || fail "only $n runs"
echo "batch_prices_match_quote: ok"
