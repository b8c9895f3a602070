#!/bin/sh
# Bash completion (completion/cdgrules.bash): sourced in bash, the
# completion function is called with COMP_WORDS as bash would split the
# line, and COMPREPLY is checked: commands, options per command, option
# values from --help, names from the rules file, files.
# Usage: tests/scripts/completion.sh BUILD/cdgrules
set -eu
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
command -v bash >/dev/null 2>&1 || { echo "completion: FAIL: bash is not installed"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/bin"
ln -s "$bin" "$tmp/bin/cdgrules"
cd "$root"
PATH="$tmp/bin:$PATH" bash -c '
set -u
source completion/cdgrules.bash
complete -p cdgrules | grep -q "_cdgrules" || { echo "not registered"; exit 1; }
fails=0
# expect "WORDS..." "EXPECTED REPLY (sorted, space-separated)"
expect() {
    read -r -a COMP_WORDS <<<"$1"
    [[ $1 == *" " ]] && COMP_WORDS+=("")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=()
    _cdgrules 2>/dev/null
    local got
    got=$(printf "%s\n" "${COMPREPLY[@]}" | sed "/^$/d" | sort | tr "\n" " " | sed "s/ $//")
    if [[ $got != "$2" ]]; then
        echo "completion: \"$1\": got \"$got\", expected \"$2\""
        fails=$((fails + 1))
    fi
}
expect "cdgrules ch" "check"
expect "cdgrules __" ""
expect "cdgrules --v" "--version"
expect "cdgrules check --w" "--werror"
expect "cdgrules check --format " "github json sarif text"
expect "cdgrules check --format s" "sarif"
expect "cdgrules --color = never check --su" "--summary"
expect "cdgrules --color = " "always auto never"
expect "cdgrules check --color = n" "never"
expect "cdgrules check rules/cdg4" "rules/cdg47.cdg"
expect "cdgrules query rules/cdg47.cdg --forfait Tech" "Technologie TechnologiePlus"
expect "cdgrules query --forfait Tech" ""
expect "cdgrules query rules/cdg47.cdg --profil " "commune= etablissement= non_affiliee"
expect "cdgrules query rules/cdg47.cdg --profil n" "non_affiliee"
expect "cdgrules which rules/cdg47.cdg --besoin sauv" "sauvegarde"
expect "cdgrules query rules/cdg47.cdg --service messa" "messagerie"
expect "cdgrules dump rules/cdg47.cdg --table " "all forfaits options strates tarifs"
expect "cdgrules query absent.cdg --forfait " ""
expect "cdgrules query rules/cdg47.cdg --forfait to" "tous"
expect "cdgrules query rules/cdg47.cdg --forfait T" "Technologie TechnologiePlus"
expect "cdgrules which rules/cdg47.cdg --forfait to" ""
expect "cdgrules query rules/cdg47.cdg --service filt" "filtrage_spam"
expect "cdgrules query rules/cdg47.cdg --service sauv" "sauvegarde"
expect "cdgrules which rules/cdg47.cdg --besoin parapheur_" "parapheur_certificat"
expect "cdgrules quote rules/cdg47.cdg --besoin parapheur_" ""
expect "cdgrules which rules/cdg47.cdg --j" "--json"
expect "cdgrules quote rules/cdg47.cdg --w" "--why"
expect "cdgrules help q" "query quote"
expect "cdgrules help query " ""
[ $fails = 0 ]
' || { echo "completion: FAIL"; exit 1; }
echo "completion: ok"
