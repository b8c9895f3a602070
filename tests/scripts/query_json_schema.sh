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
          (keys == ["forfait","options","services","strate"]) and
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
rm -f /tmp/cdg-q.$$.json
