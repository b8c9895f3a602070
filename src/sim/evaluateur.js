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

// ---- Prices (MODELE.prix, MODELE.options[].montant) -----------------------
// Exact as src/prix.c: amounts are ten-thousandths of a euro, coefficients
// ten-thousandths of 1, a computed line hundred-millionths of a euro, then
// rounded to the cent by the forfait's rule. All of it in BigInt: an
// amount times a count (up to 2^53) times a coefficient passes 2^53, and
// the command computes in 64 bits, which BigInt checks exactly (a line
// beyond 2^63 - 1 "déborde" as there). Never a float.
const ECHELLE = 10000n, EXACT_CENT = 1000000n, INT64_MAX = 9223372036854775807n;

// The value v within 64 bits, else null (the command's overflow).
function int64(v) {
  return v > INT64_MAX || v < -INT64_MAX - 1n ? null : v;
}

// An exact amount rounded to cents: half up ("proche"), or up ("superieur").
function arrondir(exact, mode) {
  const q = exact / EXACT_CENT, r = exact % EXACT_CENT;
  return mode === "superieur" ? q + (r > 0n ? 1n : 0n) : q + (r * 2n >= EXACT_CENT ? 1n : 0n);
}

// The expression of price p for stratum k (the stratum's for "strate"), or null.
function prixPourStrate(p, k) {
  return p && p.type === "strate" ? p.par_strate[k] : p;
}

// Evaluates price p for profile pr (read) in stratum k, with the declared
// counts besoins (Map service index -> count) and rounding mode: a line
// {etat: "chiffre"|"non_donne"|"sans_mesure"|"sans_besoin"|"depassement",
// prix, service, unites, termes [{unites, coef}], bornee, brut, exact,
// centimes} as cdg_prix_eval.
function evaluerPrix(p, k, pr, besoins, mode) {
  const l = { etat: "non_donne", prix: null, service: -1, unites: -1n, termes: [], bornee: 0, brut: 0n, exact: 0n, centimes: 0n };
  p = l.prix = prixPourStrate(p, k);
  if (!p) return l;
  let ok = true;
  const ajouter = (unites, coef) => {
    const t = int64(BigInt(p.montant) * unites);
    const u = t === null ? null : int64(t * coef);
    const s = u === null ? null : int64(l.brut + u);
    if (s === null) return false;
    l.brut = s;
    return true;
  };
  if (p.type === "fixe") ok = ajouter(1n, ECHELLE);
  else if (p.type === "mesure") {
    if (!pr || pr.mesure < 0) { l.etat = "sans_mesure"; return l; }
    l.unites = BigInt(pr.mesure);
    l.termes.push({ unites: l.unites, coef: ECHELLE });
    ok = ajouter(l.unites, ECHELLE);
  } else if (p.type === "unite") {
    l.service = p.service;
    const n = besoins && besoins.has(p.service) ? BigInt(besoins.get(p.service)) : -1n;
    l.unites = n;
    if (n < 0n) { l.etat = "sans_besoin"; return l; }
    if (!p.tranches) {
      l.termes.push({ unites: n, coef: ECHELLE });
      ok = ajouter(n, ECHELLE);
    } else if (!p.marginal) {
      const t = p.tranches.find((t) => n >= BigInt(t[0]) && (t[1] === null || n <= BigInt(t[1])));
      const coef = t ? BigInt(t[2]) : ECHELLE;
      l.termes.push({ unites: n, coef });
      ok = ajouter(n, coef);
    } else {
      for (const t of p.tranches) {
        const lo = BigInt(t[0]) < 1n ? 1n : BigInt(t[0]);
        const hi = t[1] === null || BigInt(t[1]) > n ? n : BigInt(t[1]);
        if (hi < lo) continue;
        if (l.termes.length < 16) l.termes.push({ unites: hi - lo + 1n, coef: BigInt(t[2]) });
        if (!(ok = ajouter(hi - lo + 1n, BigInt(t[2])))) break;
      }
    }
  } else return l;
  if (ok) {
    l.exact = l.brut;
    for (const [borne, sens] of [[p.min, -1], [p.max, 1]]) {
      if (borne === null) continue;
      const lim = int64(BigInt(borne) * ECHELLE);
      if (lim === null) { ok = false; break; }
      if (sens < 0 ? l.exact < lim : l.exact > lim) { l.exact = lim; l.bornee = sens; }
    }
  }
  if (!ok || l.exact > INT64_MAX - EXACT_CENT) { l.etat = "depassement"; return l; }
  l.etat = "chiffre";
  l.centimes = arrondir(l.exact, mode);
  return l;
}

// Groups the digits of a non-negative BigInt by three with plain spaces,
// as the command writes numbers in French ("1 200").
function grouper(n) {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, " ");
}

// v (an integer of 10^-decimales units) as French money, as
// cdg_money_text_scaled: at least two decimals, trailing zeros dropped
// beyond them ("1 320,00 €", "0,4125 €").
function argent(v, decimales) {
  const unite = 10n ** BigInt(decimales), mag = v < 0n ? -v : v;
  let frac = (mag % unite).toString().padStart(decimales, "0");
  while (frac.length > 2 && frac.endsWith("0")) frac = frac.slice(0, -1);
  while (frac.length < 2) frac += "0";
  return (v < 0n ? "-" : "") + grouper(mag / unite) + "," + frac + " €";
}

// v (10^-decimales units) as French decimals, trailing zeros dropped ("0,9").
function decimal(v, decimales) {
  const unite = 10n ** BigInt(decimales);
  const frac = (v % unite).toString().padStart(decimales, "0").replace(/0+$/, "");
  return grouper(v / unite) + (frac ? "," + frac : "");
}

// The money shape of the JSON answers, {centimes, devise}; centimes a
// decimal number when v (10^-decimales units) is finer than a cent, as
// cdg_money_json_scaled.
function argentJson(v, decimales) {
  const unite = 10n ** BigInt(decimales - 2), mag = v < 0n ? -v : v;
  const frac = (mag % unite).toString().padStart(decimales - 2, "0").replace(/0+$/, "");
  const texte = (v < 0n ? "-" : "") + (mag / unite).toString() + (frac ? "." + frac : "");
  return { centimes: Number(texte), devise: "EUR" };
}

// The singular of a measure's word: "habitants" gives "habitant".
function singulier(w) {
  return w.length > 3 && w.endsWith("s") ? w.slice(0, -1) : w;
}

// The formula of line l (chiffré) in French, as cdg_prix_formule: "0,35 € ×
// 1 200 habitants = 420,00 €"; amounts exact when the rule rounds the
// total only.
function formule(l, pr, mode, exact) {
  const montant = (v) => exact ? argent(v, 8) : argent(arrondir(v, mode), 2);
  const p = l.prix;
  if (!p || l.unites < 0n || l.termes.length === 0) return montant(l.exact);
  let un = "", plusieurs = "";
  if (p.type === "unite" && p.service >= 0) {
    const s = MODELE.services[p.service];
    un = s[3]; plusieurs = s[4] || s[3];
  } else if (pr && pr.categorie.mesure) {
    un = null; plusieurs = pr.categorie.mesure;
  }
  const mots = (n) => n <= 1n ? (un === null ? singulier(plusieurs) : un) : plusieurs;
  let t = l.termes.map((x) => {
    const w = mots(x.unites);
    return argent(BigInt(p.montant), 4) + " × " + grouper(x.unites) + (w ? " " + w : "") +
      (x.coef !== ECHELLE ? " × " + decimal(x.coef, 4) : "");
  }).join(" + ") + " = " + montant(l.brut);
  if (l.bornee)
    t += (l.bornee < 0 ? ", porté au minimum de " : ", ramené au maximum de ") + montant(l.exact);
  return t;
}

// Why line l has no amount, as cdg_prix_raison in French.
function raison(l) {
  switch (l.etat) {
    case "non_donne": return "non chiffré (les règles ne donnent pas de montant)";
    case "sans_mesure": return "non chiffré (le prix est par unité d'une mesure que cette collectivité n'a pas)";
    case "sans_besoin": {
      const s = MODELE.services[l.service];
      return "non chiffré (le prix compte des " + (s[4] || s[3]) + " : dites combien, " + s[0] + "=N)";
    }
    case "depassement": return "le montant déborde";
  }
  return "";
}

// The price of forfait index fi for one year as `query --json` writes it
// ({chiffre, montant, formule}), with the line itself (ligne) kept apart.
// Throws as the command fails when the amount passes 64 bits.
function prixAnnuel(fi, k, pr, besoins, premiere) {
  const fp = MODELE.prix[fi];
  const l = evaluerPrix(premiere && fp.premiere ? fp.premiere : fp.suivantes, k, pr, besoins, fp.arrondi);
  if (l.etat === "depassement") throw new Error("le total déborde");
  const chiffre = l.etat === "chiffre";
  return {
    ligne: l,
    json: {
      chiffre,
      montant: chiffre ? argentJson(l.centimes, 2) : null,
      formule: chiffre ? formule(l, pr, fp.arrondi, fp.sur_total) : raison(l),
    },
  };
}

// The "prix" key of `query --json` for forfait fi: null when the forfait
// is not priced, else both years.
function prixQuery(fi, k, pr) {
  if (!MODELE.prix[fi]) return null;
  return { premiere_annee: prixAnnuel(fi, k, pr, null, true).json, suivantes: prixAnnuel(fi, k, pr, null, false).json };
}

// The amount of option o in stratum k, in ten-thousandths (BigInt), or null.
function montantOption(o, k) {
  const m = Array.isArray(o.montant) ? o.montant[k] : o.montant;
  return m === null || m === undefined ? null : BigInt(m);
}

// An option of forfait fi in stratum k as `query --json` writes it.
function ligneOption(o, fi, k) {
  const m = montantOption(o, k);
  return {
    id: o.id, libelle: o.libelle,
    statut: STATUTS[o.cellules[fi][0]],
    tarif: o.tarif,
    service: o.service >= 0 ? MODELE.services[o.service][0] : null,
    montant: m === null ? null : argentJson(m, 4),
    texte: o.cellules[fi][1],
  };
}

// query(profil, forfait): {forfait, strate, prix, services, options} as `cdgrules
// query --json`, or null when no stratum takes the profile; throws when a
// price passes 64 bits (where the command fails).
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
    prix: prixQuery(fi, k, p),
    services: MODELE.services.map((_, i) => ligne(f, i, k)),
    options: MODELE.options.map((o) => ligneOption(o, fi, k)),
  };
}

// which(profil, besoins): which forfaits include every need (a service, or
// else an option needed inclus), as `cdgrules which --json`; null when no
// stratum takes the profile. Throws on an unknown need, or when a price
// passes 64 bits (where the command fails).
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
  const forfaits = MODELE.forfaits.map((f, fi) => {
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
    return { id: f.id, libelle: f.libelle, inclut_tout: manque.length === 0, manque, rang: null, devis: null };
  });
  // The forfaits that fit, priced for the following years (needs without
  // counts: the quote is the forfait's price), ranked as `which`: fully
  // priced ones by total (declaration order between equals), then the others.
  const classes = [];
  forfaits.forEach((r, fi) => {
    if (!r.inclut_tout || !MODELE.prix[fi]) return;
    const l = prixAnnuel(fi, k, p, null, false).ligne;
    const total = l.etat === "chiffre" ? arrondir(l.exact, MODELE.prix[fi].arrondi) : 0n;
    r.devis = { total: argentJson(total, 2), partiel: l.etat !== "chiffre" };
    if (!r.devis.partiel) classes.push({ r, total });
  });
  classes.sort((a, b) => (a.total < b.total ? -1 : a.total > b.total ? 1 : 0));
  classes.forEach((c, i) => { c.r.rang = i + 1; });
  return {
    profil: texteProfil(p),
    strate: { id: s.id, libelle: s.libelle },
    annee: "suivantes",
    besoins: services.map((i) => MODELE.services[i][0]).concat(options.map((o) => o.id)),
    forfaits,
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
