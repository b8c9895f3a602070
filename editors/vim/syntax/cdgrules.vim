" Vim syntax file
" Language:    cdgrules (.cdg rules of a service offer; docs/LANGUAGE.md)
" Maintainer:  the cdgrules project
" The keyword lists below are tested against the lexer's keyword table
" (tests/scripts/editors.sh): add a keyword there and here together.

if exists("b:current_syntax")
  finish
endif

" Identifiers may hold accented letters; keywords are matched whole.
syn iskeyword @,48-57,_,192-255

syn keyword cdgDeclaration offre categorie strate rubrique service note forfait option exemple
syn keyword cdgKey editeur edition chevauchement titre mesure unite colonne texte base defaut tarif montant profil attendu
syn keyword cdgKey prix prix_premiere_annee arrondi millesime tranche besoin annee devis
syn keyword cdgValue inclus non_inclus en_option sans_objet selon_strate tous
syn keyword cdgValue journalier par_unite sur_etude premiere derniere EUR
syn keyword cdgValue par_mesure minimum maximum global marginal centime_proche centime_superieur par_ligne sur_total suivantes

syn match cdgComment "#.*$" contains=@Spell
syn match cdgEscape +\\[\\"]+ contained
syn region cdgString start=+"+ skip=+\\[\\"]+ end=+"+ oneline contains=cdgEscape,@Spell
syn match cdgNumber "\<\d[0-9_]*\%(\.\d\+\)\=\>"
syn match cdgRange "\<\d[0-9_]*\.\.\%(\d[0-9_]*\)\=\|\.\.\d[0-9_]*\>"
syn match cdgDelimiter "[<>:;]"

hi def link cdgDeclaration Statement
hi def link cdgKey Identifier
hi def link cdgValue Constant
hi def link cdgComment Comment
hi def link cdgString String
hi def link cdgEscape SpecialChar
hi def link cdgNumber Number
hi def link cdgRange Number
hi def link cdgDelimiter Delimiter

let b:current_syntax = "cdgrules"
