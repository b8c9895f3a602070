// The evaluator of the offer, on the model MODELE written before it by
// `cdgrules dump --format js|simulateur` (src/dump_js.c). It answers as
// `cdgrules strate|query|which --json` do, with the same JSON shapes; it
// holds no answer of its own: everything comes from MODELE.

const STATUTS = ["inclus", "non_inclus", "en_option", "sans_objet"];
const MESURE_MAX = 9007199254740991;

// The comparison form of a name: case and accents folded, '_' and '-'
// read as spaces (as the command line's lookups).
function plier(s) {
  return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .toLowerCase().replace(/[_-]/g, " ").trim();
}

// The element of list named nom: exact id, then folded id, then folded
// label; null when none.
function trouver(liste, nom, id, libelle) {
  id = id || ((x) => x.id);
  libelle = libelle || ((x) => x.libelle);
  const exact = liste.find((x) => id(x) === nom);
  if (exact) return exact;
  const p = plier(nom);
  return liste.find((x) => plier(id(x)) === p) || liste.find((x) => plier(libelle(x)) === p) || null;
}

// Reads a measure as the command line does (decimal digits, '_' between
// digits), also accepting the spaces people type between thousands
// ("1 200"). Returns {valeur} or {erreur: "vide"|"negative"|"invalide"|"trop_grande"}.
function lireMesure(texte) {
  const t = String(texte == null ? "" : texte).replace(/[\s\u00a0\u202f]+/g, " ").trim();
  if (t === "") return { erreur: "vide" };
  if (/^-\s*\d/.test(t)) return { erreur: "negative" };
  const chiffres = t.replace(/(\d)[ _](?=\d)/g, "$1");
  if (!/^\d+$/.test(chiffres)) return { erreur: "invalide" };
  const sans0 = chiffres.replace(/^0+(?=\d)/, "");
  if (sans0.length > 16 || Number(sans0) > MESURE_MAX) return { erreur: "trop_grande" };
  return { valeur: Number(sans0) };
}

// A profile {categorie, mesure} from "commune=1200", "non_affiliee" or an
// object {categorie: id or label, mesure}. Throws an Error (message in
// French) when the category is unknown or the measure is wrong.
function lireProfil(profil) {
  let nom = profil, mesure;
  if (typeof profil === "string") {
    const eq = profil.indexOf("=");
    nom = (eq < 0 ? profil : profil.slice(0, eq)).trim();
    mesure = eq < 0 ? undefined : profil.slice(eq + 1);
  } else if (profil && typeof profil === "object") {
    nom = profil.categorie;
    mesure = profil.mesure;
  }
  const index = MODELE.categories.indexOf(trouver(MODELE.categories, String(nom)));
  if (index < 0) throw new Error("catégorie inconnue : « " + nom + " »");
  const categorie = MODELE.categories[index];
  if (!categorie.mesure) return { categorie, index, mesure: -1 };
  const lu = typeof mesure === "number" && Number.isSafeInteger(mesure) && mesure >= 0
    ? { valeur: mesure } : lireMesure(mesure);
  if (lu.erreur) throw new Error("mesure (" + categorie.mesure + ") : " + lu.erreur);
  return { categorie, index, mesure: lu.valeur };
}

// "commune=1200" or "non_affiliee", as the command line writes a profile.
function texteProfil(p) {
  return p.categorie.mesure ? p.categorie.id + "=" + p.mesure : p.categorie.id;
}

// The stratum (model object) of a read profile under the file's overlap
// rule, or null.
function strateDe(p) {
  let trouvee = null;
  for (const s of MODELE.strates) {
    const m = s.membres[p.index];
    const prend = m === true || (Array.isArray(m) && p.mesure >= m[0] && (m[1] === null || p.mesure <= m[1]));
    if (prend) {
      trouvee = s;
      if (MODELE.offre.chevauchement === "premiere") break;
    }
  }
  return trouvee;
}

// strate(profil): {id, libelle} of the stratum, or null when none takes it.
function strate(profil) {
  const s = strateDe(lireProfil(profil));
  return s ? { id: s.id, libelle: s.libelle } : null;
}

// The forfait named nom (id or label); throws when unknown.
function forfaitNomme(nom) {
  const f = trouver(MODELE.forfaits, String(nom));
  if (!f) throw new Error("forfait inconnu : « " + nom + " »");
  return f;
}

// The quantity a cell gives in stratum k (index), or -1.
function quantite(cellule, k) {
  const q = cellule[1];
  return q === null ? -1 : Array.isArray(q) ? q[k] : q;
}

// One service's row as `query --json` writes it.
function ligne(f, i, k) {
  const s = MODELE.services[i];
  const c = MODELE.cellules[f.cellules[i]];
  const q = quantite(c, k);
  return {
    id: s[0], libelle: s[1],
    rubrique: s[2] >= 0 ? MODELE.rubriques[s[2]].id : null,
    statut: STATUTS[c[0]],
    quantite: q >= 0 ? q : null,
    unite: q >= 0 ? s[3] : null,
    texte: c[2],
    attaches: c[3].map((a) => ({ service: MODELE.services[a[0]][0], quantite: a[1] })),
  };
}

// An option of forfait fi as `query --json` writes it.
function ligneOption(o, fi) {
  return {
    id: o.id, libelle: o.libelle,
    statut: STATUTS[o.cellules[fi][0]],
    tarif: o.tarif,
    service: o.service >= 0 ? MODELE.services[o.service][0] : null,
    montant: o.montant === null ? null : { centimes: o.montant, devise: "EUR" },
    texte: o.cellules[fi][1],
  };
}

// query(profil, forfait): {forfait, strate, services, options} as `cdgrules
// query --json`, or null when no stratum takes the profile.
function query(profil, forfait) {
  const p = lireProfil(profil);
  const f = forfaitNomme(forfait);
  const s = strateDe(p);
  if (!s) return null;
  const k = MODELE.strates.indexOf(s);
  const fi = MODELE.forfaits.indexOf(f);
  return {
    forfait: { id: f.id, libelle: f.libelle },
    strate: { id: s.id, libelle: s.libelle },
    services: MODELE.services.map((_, i) => ligne(f, i, k)),
    options: MODELE.options.map((o) => ligneOption(o, fi)),
  };
}

// which(profil, besoins): which forfaits include every need (a service, or
// else an option needed inclus), as `cdgrules which --json`; null when no
// stratum takes the profile. Throws on an unknown need.
function which(profil, besoins) {
  const p = lireProfil(profil);
  const s = strateDe(p);
  if (!s) return null;
  const k = MODELE.strates.indexOf(s);
  const services = [], options = [];
  for (const nom of besoins) {
    const i = MODELE.services.indexOf(trouver(MODELE.services, String(nom), (x) => x[0], (x) => x[1]));
    if (i >= 0) { services.push(i); continue; }
    const o = trouver(MODELE.options, String(nom));
    if (!o) throw new Error("service inconnu : « " + nom + " »");
    options.push(o);
  }
  return {
    profil: texteProfil(p),
    strate: { id: s.id, libelle: s.libelle },
    besoins: services.map((i) => MODELE.services[i][0]).concat(options.map((o) => o.id)),
    forfaits: MODELE.forfaits.map((f, fi) => {
      const manque = [];
      for (const i of services) {
        const c = MODELE.cellules[f.cellules[i]];
        const q = quantite(c, k);
        if (STATUTS[c[0]] !== "inclus" || q === 0)
          manque.push({ service: MODELE.services[i][0], statut: STATUTS[c[0]], quantite: q >= 0 ? q : null });
      }
      for (const o of options)
        if (STATUTS[o.cellules[fi][0]] !== "inclus")
          manque.push({ option: o.id, statut: STATUTS[o.cellules[fi][0]] });
      return { id: f.id, libelle: f.libelle, inclut_tout: manque.length === 0, manque };
    }),
  };
}

// "1 200": an integer with French thousands separators.
function nombre(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
}

// The unit of service s for a count of n: singular for 0 and 1, else plural.
function unitePour(s, n) {
  return n >= 2 ? s[4] || s[3] : s[3];
}

// The index of each service by id (built once).
let INDEX_SERVICES = null;
function indexService(id) {
  if (!INDEX_SERVICES) INDEX_SERVICES = new Map(MODELE.services.map((s, i) => [s[0], i]));
  const i = INDEX_SERVICES.get(id);
  return i === undefined ? -1 : i;
}

// pourquoi(profil, forfait[, ids]): the reasons of the answer in plain
// French: {strate: sentence, services: {id: sentence}} for every service,
// or only those whose id is in ids (a large offer shows a page at a
// time); null when no stratum.
function pourquoi(profil, forfait, ids) {
  const p = lireProfil(profil);
  const f = forfaitNomme(forfait);
  const s = strateDe(p);
  if (!s) return null;
  const k = MODELE.strates.indexOf(s);
  const m = s.membres[p.index];
  let phrase;
  if (m === true)
    phrase = "Toute la catégorie « " + p.categorie.libelle + " » est dans la strate " + s.id + " (" + s.libelle + ").";
  else
    phrase = "Avec " + nombre(p.mesure) + " " + p.categorie.mesure + " (catégorie « " + p.categorie.libelle +
      " »), la collectivité est dans la strate " + s.id + ", qui va " + (m[1] === null
        ? "à partir de " + nombre(m[0]) + " " + p.categorie.mesure
        : "de " + nombre(m[0]) + " à " + nombre(m[1]) + " " + p.categorie.mesure) + " (" + s.libelle + ").";
  const services = {};
  const indices = ids ? ids.map(indexService).filter((i) => i >= 0) : MODELE.services.map((_, i) => i);
  for (const i of indices) {
    const sv = MODELE.services[i];
    let g = f, chemin = [];
    while (g.provenance[i] === "b" && g.base >= 0) {
      chemin.push(g.libelle);
      g = MODELE.forfaits[g.base];
    }
    const c = MODELE.cellules[f.cellules[i]];
    const q = quantite(c, k);
    let t = g.provenance[i] === "d"
      ? "Règle par défaut du " + g.libelle + "."
      : "Indiqué par le " + g.libelle + ".";
    if (chemin.length)
      t = "Hérité : le " + chemin[0] + " reprend le " + MODELE.forfaits[f.base].libelle +
        (chemin.length > 1 ? " (et ses bases)" : "") + ". " + t;
    if (q >= 0 && Array.isArray(c[1]))
      t += " Quantité selon la strate " + s.id + " : " + nombre(q) + " " + unitePour(sv, q) + ".";
    else if (q >= 0)
      t += " Quantité fixe, la même dans toutes les strates : " + nombre(q) + " " + unitePour(sv, q) + ".";
    services[sv[0]] = t;
  }
  return { strate: phrase, services };
}
