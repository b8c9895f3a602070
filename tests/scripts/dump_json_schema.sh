#!/bin/sh
# `cdgrules dump --format json` validates against docs/dump-json-schema.json
# (checked by tests/scripts/jsonschema.jq) and its cross-references hold
# (every id it names exists; one cell per service and per forfait; every
# per-stratum object has every stratum; a merged option's cells are all
# the same). Broken documents must be rejected.
# Usage: tests/scripts/dump_json_schema.sh BUILD/cdgrules
set -u
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
schema=$root/docs/dump-json-schema.json
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

validate() {   # FILE: prints the violations; 0 when there are none
    { jq -r --slurpfile schema "$schema" -f "$here/jsonschema.jq" "$1" &&
      jq -r '
        . as $d | ($d.strates | map(.id)) as $k | ($d.services | map(.id)) as $s
        | ($d.forfaits | map(.id)) as $f | ($d.notes | map(.id)) as $n
        | ($d.categories | map(.id)) as $c | ($d.rubriques | map(.id)) as $r
        | def known($ids; $what): . as $v | select($v != null and ($ids | index([$v]) | not)) | "unknown \($what) \($v)";
          def strata: select(. != null and (keys_unsorted != $k)) | "per-stratum object without every stratum: \(keys_unsorted)";
          ($d.offre | has("millesime") or has("arrondi")) as $priced
          | def pricekeys($ks): ($ks - keys) as $missing | ($ks - $missing) as $present
              | if $priced and $missing != [] then "price keys missing: \($missing)"
                elif ($priced | not) and $present != [] then "price keys in a file without prices: \($present)"
                else empty end;
          ($d.offre | pricekeys(["millesime", "arrondi"])),
          ($d.forfaits[] | pricekeys(["prix", "prix_premiere_annee", "arrondi"])),
          ($d.options[] | pricekeys(["montant_par_strate"])),
          ($d.strates[].membres[].categorie | known($c; "categorie")),
          ($d.rubriques[].services[] | known($s; "service")),
          ($d.services[] | (.rubrique | known($r; "rubrique")), (.note | known($n; "note")), (.par_strate | strata)),
          ($d.forfaits[] | (.base | known($f; "forfait")),
             (select((.cellules | map(.service)) != $s) | "forfait \(.id): cells not one per service in order"),
             (.cellules[] | (.par_strate | strata), (.attaches[].service | known($s; "service")))),
          ($d.forfaits[] | (.prix, .prix_premiere_annee) | select(. != null)
             | (.par_strate | strata), (.service | known($s; "service")),
               (.par_strate // {} | .[] | .service | known($s; "service"))),
          ($d.options[] | (.service | known($s; "service")), (.montant_par_strate | strata),
             (select((.cellules | map(.forfait)) != $f) | "option \(.id): cells not one per forfait in order"),
             (select(.fusionne and (.cellules | map([.statut, .texte]) | unique | length) > 1) | "option \(.id): merged but its cells differ"))
      ' "$1"; } >"$tmp/violations" 2>&1
    cat "$tmp/violations"
    [ ! -s "$tmp/violations" ]
}

for rules in "$root/rules/cdg47.cdg" "$root/examples/dump-special.cdg" "$root/examples/dump-options.cdg" \
    "$root/examples/tarifs.cdg" "$root/examples/cdg47-2027.cdg"; do
    if ! "$bin" dump "$rules" --format json >"$tmp/doc.json"; then
        echo "dump_json_schema: dump failed for $rules"; status=1; continue
    fi
    if validate "$tmp/doc.json" >/dev/null; then
        echo "dump_json_schema: $(basename "$rules"): valid"
    else
        echo "dump_json_schema: $(basename "$rules"): INVALID"; cat "$tmp/violations"; status=1
    fi
done

# Documents that break the schema or the references must be rejected.
"$bin" dump "$root/rules/cdg47.cdg" --format json >"$tmp/doc.json"
for broken in 'del(.offre.edition)' '.version = 2' '.services[0].libelle = 1' \
    '.forfaits[1].cellules[0].statut = "gratuit"' '.forfaits[0].cellules[3].quantite = -1' \
    '.options[0].montant = {"centimes": 5}' '.strates[0].membres[0].max = "249"' \
    '.forfaits[0].extra = true' '.forfaits[0].cellules |= .[1:]' \
    '.services[1].rubrique = "nulle_part"' '.forfaits[0].cellules[3].par_strate |= del(.S8)' \
    '.options[2].cellules[0].forfait = "Inconnu"' '.options[2].cellules[1].texte = "Sur étude"' \
    '.forfaits[0].prix = null'; do
    jq "$broken" "$tmp/doc.json" >"$tmp/broken.json"
    if validate "$tmp/broken.json" >/dev/null; then
        echo "dump_json_schema: broken document accepted: $broken"; status=1
    else
        echo "dump_json_schema: rejected ($broken): $(head -1 "$tmp/violations")"
    fi
done
# The same with prices (examples/tarifs.cdg: forfaits 0 selon_strate, 1
# par_mesure, 2 par_unite with tranches; option 1 an amount per stratum).
"$bin" dump "$root/examples/tarifs.cdg" --format json >"$tmp/doc.json"
for broken in 'del(.offre.millesime)' 'del(.offre.millesime, .offre.arrondi)' '.offre.arrondi.mode = "euro"' 'del(.forfaits[0].prix_premiere_annee)' \
    '.forfaits[0].prix.forme = "forfaitaire"' '.forfaits[0].prix.par_strate |= del(.S3)' \
    '.forfaits[1].prix.montant.centimes = -1' '.forfaits[2].prix.tranches[0].coefficient = "1"' \
    '.forfaits[2].prix.service = "inconnu"' '.forfaits[2].prix.echelle = "progressive"' \
    '.forfaits[0].arrondi = null' '.options[1].montant_par_strate |= del(.S1)' \
    '.options[1].montant_par_strate.S2 = 45'; do
    jq "$broken" "$tmp/doc.json" >"$tmp/broken.json"
    if validate "$tmp/broken.json" >/dev/null; then
        echo "dump_json_schema: broken document accepted: $broken"; status=1
    else
        echo "dump_json_schema: rejected ($broken): $(head -1 "$tmp/violations")"
    fi
done
exit $status
