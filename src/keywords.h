/* keywords.h — the reserved words of the language, in one table that the
 * lexer, the checker, the docs and the editor grammars are tested against. */
#ifndef CDG_KEYWORDS_H
#define CDG_KEYWORDS_H

#define CDG_KEYWORD_LIST(X)                                              \
    /* declarations */                                                   \
    X(OFFRE, "offre") X(CATEGORIE, "categorie") X(STRATE, "strate")       \
    X(RUBRIQUE, "rubrique") X(SERVICE, "service") X(NOTE, "note")         \
    X(FORFAIT, "forfait") X(OPTION, "option") X(EXEMPLE, "exemple")       \
    /* entry keys */                                                     \
    X(EDITEUR, "editeur") X(EDITION, "edition")                          \
    X(CHEVAUCHEMENT, "chevauchement") X(TITRE, "titre")                   \
    X(MESURE, "mesure")                                                  \
    X(UNITE, "unite") X(COLONNE, "colonne") X(TEXTE, "texte")             \
    X(BASE, "base") X(DEFAUT, "defaut") X(TARIF, "tarif")                 \
    X(MONTANT, "montant") X(PROFIL, "profil") X(ATTENDU, "attendu")       \
    X(PRIX, "prix") X(PRIX_PREMIERE_ANNEE, "prix_premiere_annee")        \
    X(ARRONDI, "arrondi") X(MILLESIME, "millesime") X(TRANCHE, "tranche") \
    X(BESOIN, "besoin") X(ANNEE, "annee") X(DEVIS, "devis")             \
    /* values */                                                         \
    X(INCLUS, "inclus") X(NON_INCLUS, "non_inclus")                      \
    X(EN_OPTION, "en_option") X(SANS_OBJET, "sans_objet")                \
    X(SELON_STRATE, "selon_strate") X(TOUS, "tous")                      \
    X(JOURNALIER, "journalier") X(PAR_UNITE, "par_unite")                \
    X(SUR_ETUDE, "sur_etude") X(PREMIERE, "premiere")                    \
    X(DERNIERE, "derniere") X(EUR, "EUR")                               \
    X(PAR_MESURE, "par_mesure") X(MINIMUM, "minimum")                   \
    X(MAXIMUM, "maximum") X(GLOBAL, "global") X(MARGINAL, "marginal")  \
    X(CENTIME_PROCHE, "centime_proche")                                  \
    X(CENTIME_SUPERIEUR, "centime_superieur")                            \
    X(PAR_LIGNE, "par_ligne") X(SUR_TOTAL, "sur_total")                 \
    X(SUIVANTES, "suivantes")

typedef enum {
    CDG_KW_NONE = -1,
#define CDG_KW_ENUM(name, text) CDG_KW_##name,
    CDG_KEYWORD_LIST(CDG_KW_ENUM)
#undef CDG_KW_ENUM
    CDG_KW_COUNT
} cdg_keyword;

/* The keyword's spelling; "" for CDG_KW_NONE. */
const char *cdg_keyword_name(cdg_keyword kw);

#endif
