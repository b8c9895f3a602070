#!/bin/sh
# The JSON of `which`, `quote` and `query --forfait tous` parses with jq and
# has the documented keys (README "Commands", docs/ENTITLEMENTS.md); each
# forfait of `query --forfait tous --json` is exactly what `query --forfait
# F --json` prints; amounts use the one money shape.
# Usage: tests/scripts/answer_json_shapes.sh BUILD/cdgrules
set -eu
bin=$1
rules=$(dirname "$0")/../../rules/cdg47.cdg
command -v jq >/dev/null || { echo "jq is needed (apt-get install jq)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "answer_json_shapes: FAIL: $*"; exit 1; }

for p in commune=1200 etablissement=60 non_affiliee; do
    "$bin" which "$rules" --profil "$p" --besoin parapheur --besoin sauvegarde --besoin filtrage_spam \
        --json --why >"$tmp/w.json" || [ $? = 1 ] || fail "which $p"
    jq -e '
      (keys == ["annee","besoins","forfaits","profil","strate"]) and .annee == "suivantes" and
      (.besoins == ["parapheur","sauvegarde","filtrage_spam"]) and
      (.forfaits | length == 5) and
      all(.forfaits[];
          (.inclut_tout | type == "boolean") and
          (.inclut_tout == (.manque == [])) and
          .rang == null and .devis == null and
          (if .inclut_tout then (has("pourquoi") | not)
           else (.pourquoi | length > 0) and all(.pourquoi[]; keys == ["colonne","lieu","ligne","texte"])
           end) and
          all(.manque[]; (keys == ["quantite","service","statut"]) or (keys == ["option","statut"])))
    ' "$tmp/w.json" >/dev/null || { cat "$tmp/w.json"; fail "which --json shape ($p)"; }

    for f in Metiers Heberge TechnologiePlus; do
        "$bin" quote "$rules" --forfait "$f" --profil "$p" --besoin sauvegarde=40 --besoin messagerie=2 \
            --json --why >"$tmp/q.json" || [ $? = 1 ] || fail "quote $f $p"
        jq -e '
          (keys == ["annee","arrondi","besoins","forfait","lignes","lignes_non_chiffrees","partiel","profil","strate","supplements_sans_option","total"]) and
          all(.lignes[]; (.montant == null) or (.montant | keys == ["centimes","devise"])) and
          (.besoins | length == 2) and
          (.lignes | length == 3) and (.lignes[0].nature == "forfait") and
          all(.lignes[];
              (keys == ["chiffre","exact","formule","libelle","montant","nature","option","pourquoi","quantite"]) and
              ((.montant == null) == (.chiffre | not))) and
          (.partiel == (.lignes_non_chiffrees > 0)) and
          all(.besoins[];
              (keys == ["demande","inclus","option","pourquoi","prix_unitaire","service","statut","supplement","total","unite"]) and
              (.supplement == ([.demande - .inclus, 0] | max)) and
              ((.prix_unitaire == null) or (.prix_unitaire | keys == ["centimes","devise"])) and
              (.pourquoi | length > 0)) and
          (.total | keys == ["centimes","devise"])
        ' "$tmp/q.json" >/dev/null || { cat "$tmp/q.json"; fail "quote --json shape ($f $p)"; }
    done

    "$bin" query "$rules" --forfait tous --profil "$p" --json >"$tmp/all.json" || fail "query tous $p"
    jq -e '(keys == ["forfaits","profil","strate"]) and (.forfaits | keys | length == 5)' "$tmp/all.json" >/dev/null ||
        fail "query --forfait tous --json shape ($p)"
    for f in $(jq -r '.forfaits | keys[]' "$tmp/all.json"); do
        "$bin" query "$rules" --forfait "$f" --profil "$p" --json | jq -S . >"$tmp/one.json"
        jq -S --arg f "$f" '.forfaits[$f]' "$tmp/all.json" >"$tmp/col.json"
        cmp -s "$tmp/one.json" "$tmp/col.json" || { diff "$tmp/one.json" "$tmp/col.json" | head; fail "tous differs from --forfait $f ($p)"; }
    done
done
# With prices (examples/tarifs.cdg): the forfaits that include everything
# are ranked by the quote's total, each "devis" in the money shape and
# equal to what `quote` gives.
tarifs=$(dirname "$0")/../../examples/tarifs.cdg
"$bin" which "$tarifs" --profil etablissement=12 --besoin messagerie --besoin postes=23 --besoin sauvegarde=13 \
    --json >"$tmp/w.json" || fail "which priced"
jq -e '
  (keys == ["annee","besoins","forfaits","profil","strate"]) and
  ([.forfaits[] | select(.inclut_tout) | .rang] | sort == [1,2]) and
  all(.forfaits[]; if .inclut_tout then (.devis | keys == ["partiel","total"]) and (.devis.total | keys == ["centimes","devise"])
                   else .rang == null and .devis == null end) and
  ([.forfaits[] | select(.rang) | {rang, t: .devis.total.centimes}] | sort_by(.rang) | .[0].t <= .[1].t)
' "$tmp/w.json" >/dev/null || { cat "$tmp/w.json"; fail "which --json priced shape"; }
for f in $(jq -r '.forfaits[] | select(.inclut_tout) | .id' "$tmp/w.json"); do
    q=$("$bin" quote "$tarifs" --forfait "$f" --profil etablissement=12 --besoin postes=23 --besoin sauvegarde=13 --json |
        jq '.total.centimes')
    jq -e --arg f "$f" --argjson q "$q" '.forfaits[] | select(.id == $f) | .devis.total.centimes == $q' "$tmp/w.json" \
        >/dev/null || fail "which and quote disagree for $f"
done
echo "answer_json_shapes: ok"
