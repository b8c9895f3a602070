# bash completion for cdgrules(1).
# Commands and options are read from `cdgrules --help` and
# `cdgrules COMMAND --help`, names (forfaits, services, profiles) from the
# rules file on the command line (`cdgrules __complete KIND FILE`), so that
# nothing here can drift from the program or the offer.

# The first existing .cdg file among the words after the command.
_cdgrules_rules_file()
{
    local w
    for w in "${COMP_WORDS[@]:2}"; do
        case $w in
            *.cdg) if [[ -f $w ]]; then printf '%s' "$w"; return; fi ;;
        esac
    done
}

_cdgrules()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
    local cmd="" i words
    COMPREPLY=()
    # The command: the first word that is not a global option; "--color=WHEN"
    # arrives as three words when '=' breaks words.
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            =) ((i++)) ;;
            -*) ;;
            *) cmd=${COMP_WORDS[i]}; break ;;
        esac
    done
    if [[ $prev == = ]]; then
        prev=${COMP_WORDS[COMP_CWORD-2]}
    fi
    if [[ $prev == --color || $cur == --color=* ]]; then
        COMPREPLY=($(compgen -W "auto always never" -- "${cur#--color=}"))
        [[ $cur == = ]] && COMPREPLY=(auto always never)
        return
    fi
    if [[ -z $cmd ]]; then
        words=$(cdgrules --help 2>/dev/null | sed -n 's/^  \([a-z][a-z_-]*\)  .*/\1/p')
        if [[ $cur == -* ]]; then
            words="--help --version --color="
        fi
        COMPREPLY=($(compgen -W "$words" -- "$cur"))
        [[ ${COMPREPLY[0]-} == *= ]] && compopt -o nospace 2>/dev/null
        return
    fi

    # `cdgrules help COMMAND`: the commands.
    if [[ $cmd == help ]]; then
        ((COMP_CWORD == i + 1)) || return
        words=$(cdgrules --help 2>/dev/null | sed -n 's/^  \([a-z][a-z_-]*\)  .*/\1/p')
        COMPREPLY=($(compgen -W "$words" -- "$cur"))
        return
    fi

    local help file kind="" extra=""
    help=$(cdgrules "$cmd" --help 2>/dev/null)
    case $prev in
        --forfait) kind=forfaits
            # query answers for every forfait with "--forfait tous"
            [[ $cmd == query ]] && extra=tous ;;
        --service | --besoin) kind=services
            # query --service and which --besoin also take option ids
            [[ $cmd == query || $cmd == which ]] && kind="services options" ;;
        --profil) kind=profils ;;
        --strate) kind=strates ;;
        --option) kind=options ;;
        --categorie) kind=categories ;;
        -o | --output)
            compopt -o filenames 2>/dev/null
            COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
    esac
    if [[ -n $kind ]]; then
        file=$(_cdgrules_rules_file)
        [[ -n $file ]] || return
        words=$extra
        for i in $kind; do
            words+=" $(cdgrules __complete "$i" "$file" 2>/dev/null)"
        done
        COMPREPLY=($(compgen -W "$(printf '%s\n' $words | sort -u)" -- "$cur"))
        [[ ${#COMPREPLY[@]} == 1 && ${COMPREPLY[0]-} == *= ]] && compopt -o nospace 2>/dev/null
        return
    fi
    # An option whose values the help lists: "--format text|json|github".
    if [[ $prev == -* ]]; then
        words=$(printf '%s\n' "$help" | sed -n "s/.*$prev[ =]\([a-z]*|[a-z|]*\).*/\1/p" | head -1)
        if [[ -n $words ]]; then
            COMPREPLY=($(compgen -W "${words//|/ }" -- "$cur"))
            return
        fi
    fi
    if [[ $cur == -* ]]; then
        words=$(printf '%s\n' "$help" | grep -o -- '\(^\|[ [|,]\)--*[a-zA-Z][a-zA-Z-]*' | sed 's/^[ [|,]//' | sort -u)
        COMPREPLY=($(compgen -W "$words --color=" -- "$cur"))
        [[ ${COMPREPLY[0]-} == *= ]] && compopt -o nospace 2>/dev/null
        return
    fi
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -X '!*.cdg' -- "$cur") $(compgen -d -- "$cur"))
}
complete -F _cdgrules cdgrules
