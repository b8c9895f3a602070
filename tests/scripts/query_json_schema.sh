#!/bin/sh
# `query --json` parses with jq and has the documented schema, for every
# forfait and a profile of each category.
set -eu
bin=$1
rules=$(dirname "$0")/../../rules/cdg47.cdg
command -v jq >/dev/null || { echo "jq is needed (apt-get install jq)"; exit 1; }
for f in Metiers MetiersCommunication Heberge Technologie TechnologiePlus; do
    for p in commune=1200 etablissement=60 non_affiliee; do
        "$bin" query "$rules" --forfait "$f" --profil "$p" --json >/tmp/cdg-q.$$.json
        jq -e --arg f "$f" '
          (keys == ["forfait","options","prix","services","strate"]) and .prix == null and
          (.forfait | keys == ["id","libelle"]) and .forfait.id == $f and
          (.strate | keys == ["id","libelle"]) and
          (.services | length == 21) and
          all(.services[];
              (keys == ["attaches","id","libelle","quantite","rubrique","statut","texte","unite"]) and
              (.statut | IN("inclus","non_inclus","en_option","sans_objet")) and
              ((.quantite == null and .unite == null) or
               ((.quantite | type == "number") and (.unite | type == "string"))) and
              (.texte | type == "string") and (.attaches | type == "array")) and
          (.options | length == 10) and
          all(.options[]; (.statut | IN("inclus","non_inclus","en_option")) and
                          (.tarif | IN("journalier","par_unite","sur_etude")))
        ' /tmp/cdg-q.$$.json >/dev/null || { echo "bad JSON for $f $p"; cat /tmp/cdg-q.$$.json; rm -f /tmp/cdg-q.$$.json; exit 1; }
    done
done
# A counted service has its quantity; a status-only one has nulls.
"$bin" query "$rules" --forfait TechnologiePlus --profil commune=3500 --json >/tmp/cdg-q.$$.json
jq -e '
  (.strate.id == "S6") and
  (.services[] | select(.id == "certificat") | .quantite == 2 and .unite == "certificat") and
  (.services[] | select(.id == "parapheur") | .quantite == null and .unite == null and
     .attaches == [{"service":"certificat","quantite":1}])
' /tmp/cdg-q.$$.json >/dev/null || { echo "wrong values"; cat /tmp/cdg-q.$$.json; rm -f /tmp/cdg-q.$$.json; exit 1; }
# A priced forfait: "prix" has both years, each {chiffre, montant (the one
# money shape, or null), formule}; every option's montant is money or null.
tarifs=$(dirname "$0")/../../examples/tarifs.cdg
for f in Essentiel Habitant Parc ParcProgressif; do
    for p in commune=300 commune=1200 etablissement=60 non_affiliee; do
        "$bin" query "$tarifs" --forfait "$f" --profil "$p" --json >/tmp/cdg-q.$$.json
        jq -e '
          def money: (keys == ["centimes","devise"]) and .devise == "EUR" and (.centimes | type == "number");
          (keys == ["forfait","options","prix","services","strate"]) and
          (.prix | keys == ["premiere_annee","suivantes"]) and
          all(.prix[]; (keys == ["chiffre","formule","montant"]) and (.formule | type == "string") and
                       (if .chiffre then (.montant | money) else .montant == null end)) and
          all(.options[]; .montant == null or (.montant | money))
        ' /tmp/cdg-q.$$.json >/dev/null || { echo "bad priced JSON for $f $p"; cat /tmp/cdg-q.$$.json; rm -f /tmp/cdg-q.$$.json; exit 1; }
    done
done
# The figures are quote's: Essentiel for commune=1200 costs 650,00 EUR the
# first year and 450,00 EUR after; Habitant 0,35 EUR x 300 is raised to 300,00 EUR.
"$bin" query "$tarifs" --forfait Essentiel --profil commune=1200 --json >/tmp/cdg-q.$$.json
jq -e '.prix.premiere_annee.montant.centimes == 65000 and .prix.suivantes.montant.centimes == 45000' \
    /tmp/cdg-q.$$.json >/dev/null || { echo "wrong Essentiel prices"; cat /tmp/cdg-q.$$.json; rm -f /tmp/cdg-q.$$.json; exit 1; }
q=$("$bin" quote "$tarifs" --forfait Habitant --profil commune=300 --json | jq '.total.centimes')
"$bin" query "$tarifs" --forfait Habitant --profil commune=300 --json >/tmp/cdg-q.$$.json
jq -e --argjson q "$q" '.prix.suivantes.montant.centimes == $q and $q == 30000' /tmp/cdg-q.$$.json >/dev/null ||
    { echo "query and quote disagree"; cat /tmp/cdg-q.$$.json; rm -f /tmp/cdg-q.$$.json; exit 1; }
rm -f /tmp/cdg-q.$$.json
