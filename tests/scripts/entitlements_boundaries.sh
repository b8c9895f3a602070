#!/bin/sh
# The CLI answers at every stratum boundary of both categories and for
# non_affiliee, checked against table 2 of rules/source/offre-cdg47.tsv
# (logiciels de sécurité, sauvegarde en Go, certificats), through `strate`,
# `query --json` (every counted forfait) and `batch`.
set -eu
bin=$1
rules=$(dirname "$0")/../../rules/cdg47.cdg
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# profile  stratum  securite sauvegarde certificat   (from the source document)
cat >"$tmp/expected" <<'TABLE'
commune=0 S1 1 3 1
commune=249 S1 1 3 1
commune=250 S2 1 3 1
commune=499 S2 1 3 1
commune=500 S3 2 3 1
commune=999 S3 2 3 1
commune=1000 S4 2 5 1
commune=1999 S4 2 5 1
commune=2000 S5 5 10 1
commune=3499 S5 5 10 1
commune=3500 S6 5 10 2
commune=4999 S6 5 10 2
commune=5000 S7 10 15 2
commune=9999 S7 10 15 2
commune=10000 S8 10 15 2
etablissement=3 S1 1 3 1
etablissement=4 S2 1 3 1
etablissement=7 S2 1 3 1
etablissement=8 S3 2 3 1
etablissement=9 S3 2 3 1
etablissement=10 S4 2 5 1
etablissement=19 S4 2 5 1
etablissement=20 S5 5 10 1
etablissement=29 S5 5 10 1
etablissement=30 S6 5 10 2
etablissement=59 S6 5 10 2
etablissement=60 S7 10 15 2
etablissement=119 S7 10 15 2
etablissement=120 S8 10 15 2
non_affiliee S8 10 15 2
TABLE
fail=0
echo "categorie,mesure" >"$tmp/in.csv"
while read -r profil strate sec sau cer; do
    got=$("$bin" strate "$rules" --profil "$profil" | cut -f1)
    [ "$got" = "$strate" ] || { echo "strate $profil: got $got, want $strate"; fail=1; }
    for f in Metiers MetiersCommunication Technologie TechnologiePlus; do
        got=$("$bin" query "$rules" --forfait "$f" --profil "$profil" --json |
              jq -r '[.strate.id] + [.services[] | select(.id == "logiciels_securite" or .id == "sauvegarde" or .id == "certificat") | .quantite | tostring] | join(" ")')
        [ "$got" = "$strate $sec $sau $cer" ] || { echo "query $f $profil: got '$got', want '$strate $sec $sau $cer'"; fail=1; }
    done
    echo "$profil" | sed 's/=/,/; s/^non_affiliee$/non_affiliee,/' >>"$tmp/in.csv"
    echo "$strate,$sec,$sau,$cer" >>"$tmp/want.csv"
done <"$tmp/expected"
"$bin" batch "$rules" --forfait Metiers --service logiciels_securite --service sauvegarde \
    --service certificat "$tmp/in.csv" | tail -n +2 | cut -d, -f3- >"$tmp/got.csv"
cmp -s "$tmp/got.csv" "$tmp/want.csv" || { echo "batch differs:"; diff "$tmp/want.csv" "$tmp/got.csv"; fail=1; }
exit $fail
