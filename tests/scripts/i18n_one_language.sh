#!/bin/sh
# One language per run: a representative set of commands (check with errors
# and notes, a failing example's notes, query, query --why, query --forfait
# tous, an option queried as a service, quote, quote --why, which, which --why,
# strate, test --coverage, diff text and md) prints none of the tool's own
# French words under LANGUAGE=en (and with no language at all: the sources'
# words are English), and none of its English words under LANGUAGE=fr.
# The offer's own French (labels, `texte`, generated wordings such as
# "Inclus" or "Coût par Go supplémentaire", quoted rules lines) is allowed
# in both: the word lists below hold only words the tool itself writes and
# the offer does not use. Each list is first proved to match in the other
# language, so that the test can fail.
# Usage: tests/scripts/i18n_one_language.sh BUILD/cdgrules
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "i18n_one_language: FAIL: $*"; exit 1; }
cd "$root"
fix=tests/golden/fixtures/cdg47.cdg

# A failing example (sauvegarde in S4: 5 -> 6) for notes, and a misspelt
# service for a checker error with a note or a hint.
sed 's/S4: 5; S5: 10;/S4: 6; S5: 10;/' "$fix" >"$tmp/broken.cdg"
cmp -s "$fix" "$tmp/broken.cdg" && fail "the fixture changed: no failing example made"
sed 's/^  sauvegarde: selon_strate "De 3Go/  sauvgarde: selon_strate "De 3Go/' "$fix" >"$tmp/typo.cdg"
cmp -s "$fix" "$tmp/typo.cdg" && fail "the fixture changed: no misspelt service made"

# Every command's stdout and stderr in language $1 (empty: none) into $2.
run_all() {
    : >"$2"
    while IFS= read -r args; do
        # shellcheck disable=SC2086
        (LC_ALL=C.UTF-8 LANGUAGE=$1 CDGRULES_LOCALEDIR="$(dirname "$bin")/locale" \
            "$bin" --color=never $args >>"$2" 2>&1) || true
    done <<EOF
check $tmp/typo.cdg
test $tmp/broken.cdg
test --coverage $fix
query $fix --forfait Metiers --profil commune=1200
query $fix --forfait TechnologiePlus --profil commune=1200 --why
query $fix --forfait Heberge --profil commune=1200 --why
quote $fix --forfait Metiers --profil etablissement=120 --besoin sauvegarde=20 --besoin certificat=3
quote $fix --forfait Heberge --profil commune=1200 --besoin sauvegarde=20
which $fix --profil commune=1200 --besoin parapheur --besoin sauvegarde
which $fix --profil commune=1200 --besoin parapheur --besoin sauvegarde --why
quote $fix --forfait Metiers --profil etablissement=120 --besoin sauvegarde=20 --besoin certificat=3 --why
query $fix --forfait tous --profil commune=1200
query $fix --forfait Metiers --profil commune=1200 --service filtrage_spam
strate $fix --profil commune=1200
diff $fix examples/cdg47-2027.cdg
diff $fix examples/cdg47-2027.cdg --format md
query $fix --forfait Metier --profil commune=1200
EOF
}

# Words only the tool writes, as extended regular expressions.
french='est dans la strate|couverture|cellules|besoins|manque|demandé|supplément([^a]|$)|prix unitaire|non chiffré|'\
'autres forfaits|qui incluent|ne fixe pas|reprend|ne cite pas|donne [0-9]|Évolutions|Ajout|Suppression|'\
'libellé publié|quantités attachées|titre de colonne|erreur|avertissement|pourquoi|rubrique|statut|'\
'quantité|tarif journalier|par unité|sur étude|en option|non inclus|sans objet|[0-9],[0-9] %|: strate|'\
'vouliez-vous|inconnu'
english='is in stratum|stratum|coverage|cells|needs|missing|requested|extra|unit price|not priced|'\
'other forfaits|include everything|does not state|does not name|takes it from|gives [0-9]|Changes to|'\
'Added|Removed|published wording|attached quantities|column heading|error:|warning:|section|status|'\
'quantity|daily rate|per unit|on quotation|optional|not included|not applicable|[0-9]\.[0-9]%|'\
'did you mean|unknown| why$|^why'

run_all en "$tmp/en"
run_all "" "$tmp/none"
run_all fr "$tmp/fr"
for f in en none fr; do [ -s "$tmp/$f" ] || fail "no output ($f)"; done

# The lists really match the other language: the test can fail.
grep -Eq "$french" "$tmp/fr" || fail "no French tool word under LANGUAGE=fr: the list is stale"
grep -Eq "$english" "$tmp/en" || fail "no English tool word under LANGUAGE=en: the list is stale"

if grep -En "$french" "$tmp/en"; then fail "French tool words under LANGUAGE=en (above)"; fi
if grep -En "$french" "$tmp/none"; then fail "French tool words with no language (above)"; fi
if grep -En "$english" "$tmp/fr"; then fail "English tool words under LANGUAGE=fr (above)"; fi
exit 0
