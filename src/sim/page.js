// The simulator page's behaviour (src/dump_sim.c writes the page, then
// MODELE, src/sim/evaluateur.js and this script). Reads the form, asks the
// evaluator, and writes the answer in the live region #resultat. Every
// message a visitor reads is French: the page is the offer's, in French.

(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const form = $("simulateur"), categorie = $("categorie"), mesure = $("mesure"),
    commune = $("commune"), forfait = $("forfait"), resultat = $("resultat"),
    filtre = $("filtre"), listeBesoins = $("liste-besoins");
  const MOTS = { inclus: "Inclus", non_inclus: "Non inclus", en_option: "En option", sans_objet: "Sans objet" };
  const MARQUES = { inclus: "✓", non_inclus: "✗", en_option: "+", sans_objet: "—" };
  const TARIFS = { journalier: "Tarif journalier", sur_etude: "Sur étude" };
  const MAX_CASES = 200;   // needs shown at once: a 10,000-service offer is filtered
  const PAGE = 200;        // services of an answer shown at once, then on request

  // An element with its class and text (text is never parsed as HTML).
  function el(nom, classe, texte) {
    const e = document.createElement(nom);
    if (classe) e.className = classe;
    if (texte !== undefined && texte !== null) e.textContent = texte;
    return e;
  }

  // "Nombre d'habitants", "Nombre de postes": the label of a measure.
  function libelleMesure(m) {
    return "Nombre " + (/^[aeiouyhéèêàâîïôû]/i.test(m) ? "d'" : "de ") + m;
  }

  // Fills the category and forfait lists and the communes' datalist from MODELE.
  function remplir() {
    MODELE.categories.forEach((c, i) => {
      const o = el("option", null, c.libelle);
      o.value = String(i);
      categorie.appendChild(o);
    });
    MODELE.forfaits.forEach((f, i) => {
      const o = el("option", null, f.libelle);
      o.value = String(i);
      forfait.appendChild(o);
    });
    if (MODELE.communes) {
      const dl = $("liste-communes");
      for (const c of MODELE.communes.liste) {
        const o = document.createElement("option");
        o.value = c[0];
        dl.appendChild(o);
      }
    }
    afficherBesoins();
  }

  // The needs' checkboxes that match the filter (at most MAX_CASES, the
  // ticked ones always kept).
  const coches = new Set();
  function afficherBesoins() {
    const p = plier(filtre.value);
    listeBesoins.textContent = "";
    let n = 0, caches = 0;
    MODELE.services.forEach((s, i) => {
      if (p && !plier(s[1]).includes(p) && !plier(s[0]).includes(p) && !coches.has(i)) return;
      if (n >= MAX_CASES && !coches.has(i)) { caches++; return; }
      n++;
      const li = el("li"), id = "besoin-" + i;
      const box = el("input");
      box.type = "checkbox";
      box.id = id;
      box.checked = coches.has(i);
      box.addEventListener("change", () => { box.checked ? coches.add(i) : coches.delete(i); });
      const lab = el("label", null, s[1]);
      lab.htmlFor = id;
      li.append(box, " ", lab);
      listeBesoins.appendChild(li);
    });
    $("besoins-reste").textContent = caches
      ? caches + " autres services correspondent : précisez le filtre pour les voir." : "";
  }

  // Shows or clears the message of a field (beside it, announced, and
  // tied to the field by aria-describedby and aria-invalid).
  function message(champ, texte) {
    const p = $(champ.id + "-erreur");
    p.textContent = texte || "";
    p.hidden = !texte;
    if (texte) champ.setAttribute("aria-invalid", "true");
    else champ.removeAttribute("aria-invalid");
  }

  const ERREURS = {
    vide: (m) => "Indiquez le " + libelleMesure(m).toLowerCase() + " (un nombre entier, par exemple 1200).",
    negative: (m) => "Le " + libelleMesure(m).toLowerCase() + " ne peut pas être négatif.",
    invalide: () => "Écrivez un nombre entier, avec des chiffres seulement (par exemple 1200).",
    trop_grande: () => "Ce nombre est trop grand : au plus 9 007 199 254 740 991.",
  };

  // The category chosen, and whether its field for the measure shows.
  function categorieChoisie() {
    const c = MODELE.categories[Number(categorie.value)];
    $("champ-mesure").hidden = !c.mesure;
    const avecCommunes = !!MODELE.communes && MODELE.communes.categorie === Number(categorie.value);
    $("champ-commune").hidden = !avecCommunes;
    if (c.mesure) $("mesure-libelle").textContent = libelleMesure(c.mesure);
    return c;
  }

  // The commune typed: fills the measure; a message when unknown.
  function communeChoisie() {
    const nom = commune.value.trim();
    if (!nom) { message(commune, ""); return true; }
    const c = trouver(MODELE.communes.liste, nom, (x) => x[0], (x) => x[0]);
    if (!c) {
      message(commune, "Commune inconnue : « " + nom + " ». Choisissez un nom de la liste, ou tapez le nombre d'habitants.");
      return false;
    }
    commune.value = c[0];
    mesure.value = String(c[1]);
    message(commune, "");
    message(mesure, "");
    return true;
  }

  // The profile of the form, or null after a message beside the field.
  function profil() {
    const c = categorieChoisie();
    if (!c.mesure) return { categorie: c.id };
    if (!$("champ-commune").hidden && commune.value.trim() && !communeChoisie()) return null;
    const lu = lireMesure(mesure.value);
    if (lu.erreur) {
      message(mesure, ERREURS[lu.erreur](c.mesure));
      return null;
    }
    message(mesure, "");
    return { categorie: c.id, mesure: lu.valeur };
  }

  // A table in its own scrolling box, named by its caption.
  function tableau(id, titre, entetes) {
    const boite = el("div", "defil cartes");
    boite.tabIndex = 0;
    boite.setAttribute("role", "region");
    boite.setAttribute("aria-labelledby", "titre-" + id);
    const t = el("table");
    t.id = id;
    const cap = el("caption", null, titre);
    cap.id = "titre-" + id;
    t.appendChild(cap);
    const tr = el("tr");
    for (const h of entetes) {
      const th = el("th", h === "Pourquoi" ? "pourquoi" : null, h);
      th.scope = "col";
      tr.appendChild(th);
    }
    t.appendChild(el("thead")).appendChild(tr);
    boite.appendChild(t);
    return { boite, corps: t.appendChild(el("tbody")), entetes };
  }

  // Names each data cell of table t (from row depuis on) by its column
  // heading (data-label), which a phone shows before the value when rows
  // become cards.
  function etiqueter(t, depuis) {
    for (const tr of [...t.corps.children].slice(depuis || 0))
      [...tr.children].forEach((c, i) => { if (c.tagName === "TD") c.dataset.label = t.entetes[i]; });
  }

  // Fills table t with the rows of items, PAGE at a time: ligne(lot,
  // debut) makes the rows of items[debut ..]; returns the button that
  // shows the next page (hidden when all are shown).
  function parPages(t, items, nom, ligne) {
    let montres = 0;
    const suite = el("button", "suite");
    suite.type = "button";
    const plus = () => {
      const fin = Math.min(items.length, montres + PAGE);
      for (const tr of ligne(items.slice(montres, fin), montres)) t.corps.appendChild(tr);
      etiqueter(t, montres);
      montres = fin;
      const reste = items.length - montres;
      suite.textContent = "Afficher " + Math.min(PAGE, reste) + " " + nom + " de plus (" + montres + " sur " + items.length + " affichés)";
      suite.hidden = reste === 0;
    };
    suite.addEventListener("click", plus);
    plus();
    return suite;
  }

  // A status cell: mark and word, classed (the colour only repeats them).
  function statut(tr, s) {
    const td = el("td", "statut " + s);
    td.dataset.statut = s;
    td.append(el("span", "marque", MARQUES[s]), " " + MOTS[s]);
    tr.appendChild(td);
  }

  // "2 antivirus" for a row, "" when not counted.
  function quantiteTexte(r) {
    if (r.quantite === null) return "";
    return nombre(r.quantite) + " " + unitePour(MODELE.services[indexService(r.id)], r.quantite);
  }

  // How an option is priced, in words, with its amount when given.
  function tarifTexte(o, modele) {
    let t = TARIFS[o.tarif];
    if (o.tarif === "par_unite") {
      const s = o.service ? MODELE.services.find((x) => x[0] === o.service) : null;
      t = s && s[3] ? "Par " + s[3] + " supplémentaire" : "Par unité";
    }
    return modele.montant_texte ? t + " : " + modele.montant_texte : t;
  }

  // A money answer {centimes} in French ("1 320,00 €", "0,4125 €"): the
  // decimal number of cents read as text, never computed in floats.
  function argentTexte(m) {
    const [ent, frac = ""] = String(m.centimes).split(".");
    const c = BigInt(ent);
    return argent(c * 10n ** BigInt(frac.length) + BigInt(frac || "0"), 2 + frac.length);
  }

  // A year's price in words: "450,00 € (formula)", or why it has none.
  function prixTexte(an) {
    return an.chiffre ? argentTexte(an.montant) + " (" + an.formule + ")" : an.formule;
  }

  // The legend of the marks (no information by colour alone).
  function legende() {
    const p = el("p", "legende");
    p.append("Légende : ");
    Object.keys(MOTS).forEach((s, i) => {
      if (i) p.append(" · ");
      p.append(el("span", "marque", MARQUES[s]), " " + MOTS[s].toLowerCase());
    });
    p.append(" (sans objet : le service ne s'applique pas à ce forfait).");
    return p;
  }

  // The answer for one forfait: stratum, services, options, reasons.
  function afficherForfait(p, nomForfait) {
    let q;
    resultat.textContent = "";
    try {
      q = query(p, nomForfait);
    } catch (e) {
      resultat.appendChild(el("p", "erreur-resultat", "Le prix ne peut pas être calculé : " + e.message + "."));
      return;
    }
    const w = pourquoi(p, nomForfait, []);
    if (!q) return aucuneStrate(p);
    const h = el("h2", null, q.forfait.libelle + " — strate " + q.strate.id);
    h.id = "resultat-titre";
    resultat.appendChild(h);
    const dl = el("dl", "resume");
    const ligneResume = (dt, dd, id) => {
      dl.append(el("dt", null, dt));
      const d = el("dd", null, dd);
      if (id) d.id = id;
      dl.append(d);
    };
    ligneResume("Forfait", q.forfait.libelle, "res-forfait");
    ligneResume("Strate", q.strate.id + " : " + q.strate.libelle, "res-strate");
    if (q.prix) {
      const a = prixTexte(q.prix.premiere_annee), b = prixTexte(q.prix.suivantes);
      if (a === b) ligneResume("Prix annuel", b, "res-prix");
      else {
        ligneResume("Prix la première année", a, "res-prix-premiere");
        ligneResume("Prix les années suivantes", b, "res-prix");
      }
    }
    ligneResume("Collectivité", profilTexte(p));
    ligneResume("Offre", MODELE.offre.libelle + (MODELE.offre.edition ? ", édition " + MODELE.offre.edition : ""));
    ligneResume("Date", dateDuJour());
    resultat.appendChild(dl);
    resultat.appendChild(el("p", "pourquoi-strate", "Pourquoi cette strate ? " + w.strate));

    const s = tableau("res-services", "Services du forfait", ["Service", "Statut", "Quantité", "Libellé publié", "Pourquoi"]);
    const suite = parPages(s, q.services, "services", (lot) => {
      const raisons = pourquoi(p, nomForfait, lot.map((r) => r.id)).services;
      return lot.map((r) => {
        const tr = el("tr");
        tr.dataset.service = r.id;
        const th = el("th", null, r.libelle);
        th.scope = "row";
        tr.appendChild(th);
        statut(tr, r.statut);
        const tq = el("td", "qte", quantiteTexte(r));
        tq.dataset.quantite = r.quantite === null ? "" : String(r.quantite);
        tr.appendChild(tq);
        tr.appendChild(el("td", "texte", r.texte || "—"));
        tr.appendChild(el("td", "pourquoi", raisons[r.id]));
        return tr;
      });
    });
    resultat.append(s.boite, suite, legende());

    const o = tableau("res-options", "Options", ["Option", "Statut", "Tarif", "Montant", "Libellé publié"]);
    const suiteOptions = parPages(o, q.options, "options", (lot, debut) => lot.map((opt, j) => {
      const tr = el("tr");
      tr.dataset.option = opt.id;
      const th = el("th", null, opt.libelle);
      th.scope = "row";
      tr.appendChild(th);
      statut(tr, opt.statut);
      tr.appendChild(el("td", "tarif", tarifTexte(opt, MODELE.options[debut + j])));
      tr.appendChild(el("td", "montant", opt.montant ? argentTexte(opt.montant) : "—"));
      tr.appendChild(el("td", "texte", opt.texte));
      return tr;
    }));
    if (q.options.length) resultat.append(o.boite, suiteOptions);
    const imprimer = el("button", "imprimer", "Imprimer la fiche");
    imprimer.type = "button";
    imprimer.addEventListener("click", () => window.print());
    resultat.appendChild(imprimer);
  }

  // Today's date in French words ("30 novembre 2026"), for the sheet.
  function dateDuJour() {
    const mois = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
      "septembre", "octobre", "novembre", "décembre"];
    const d = new Date();
    return (d.getDate() === 1 ? "1er" : d.getDate()) + " " + mois[d.getMonth()] + " " + d.getFullYear();
  }

  // "Communes, 1 200 habitants".
  function profilTexte(p) {
    const c = MODELE.categories.find((x) => x.id === p.categorie);
    const nom = !$("champ-commune").hidden && commune.value.trim() ? commune.value.trim() + " — " : "";
    return nom + c.libelle + (c.mesure ? ", " + nombre(p.mesure) + " " + c.mesure : "");
  }

  // The answer when no stratum takes the profile.
  function aucuneStrate(p) {
    resultat.textContent = "";
    const h = el("h2", null, "Aucune strate");
    h.id = "resultat-titre";
    resultat.append(h, el("p", "erreur-resultat", "Aucune strate de l'offre ne correspond à : " + profilTexte(p) + "."));
  }

  // The answer for needs: the forfaits that include them all, then the others.
  function repondreBesoins(p) {
    const besoins = [...coches].sort((a, b) => a - b).map((i) => MODELE.services[i][0]);
    resultat.textContent = "";
    if (!besoins.length) {
      message($("filtre"), "Cochez au moins un service nécessaire.");
      return;
    }
    message($("filtre"), "");
    let r;
    try {
      r = which(p, besoins);
    } catch (e) {
      resultat.appendChild(el("p", "erreur-resultat", "Le prix ne peut pas être calculé : " + e.message + "."));
      return;
    }
    if (!r) return aucuneStrate(p);
    const h = el("h2", null, "Forfaits pour vos besoins — strate " + r.strate.id);
    h.id = "resultat-titre";
    resultat.append(h, el("p", null, "Strate " + r.strate.id + " : " + r.strate.libelle));
    const oui = r.forfaits.filter((f) => f.inclut_tout), non = r.forfaits.filter((f) => !f.inclut_tout);
    resultat.appendChild(el("h3", null, oui.length ? "Forfaits qui incluent tous vos besoins" : "Aucun forfait n'inclut tous vos besoins"));
    // Ranked by price as `cdgrules which`: priced ones cheapest first, then the others.
    oui.sort((a, b) => (a.rang === null) - (b.rang === null) || (a.rang || 0) - (b.rang || 0));
    const ul = el(oui.some((f) => f.rang !== null) ? "ol" : "ul", "forfaits-ok");
    for (const f of oui) {
      const prix = !f.devis ? "" : f.devis.partiel
        ? " — non chiffré (" + argentTexte(f.devis.total) + " pour l'instant)"
        : " — " + argentTexte(f.devis.total) + " par an";
      const li = el("li", null, "✓ " + f.libelle + prix);
      li.dataset.forfait = f.id;
      ul.appendChild(li);
    }
    resultat.appendChild(ul);
    if (non.length) {
      resultat.appendChild(el("h3", null, "Autres forfaits"));
      const ul2 = el("ul", "forfaits-non");
      for (const f of non) {
        const manque = f.manque.map((m) => {
          const s = m.service ? MODELE.services.find((x) => x[0] === m.service) : null;
          const nom = s ? s[1] : MODELE.options.find((o) => o.id === m.option).libelle;
          return nom + " (" + MOTS[m.statut].toLowerCase() + (m.quantite === 0 ? ", 0" : "") + ")";
        });
        const li = el("li", null, "✗ " + f.libelle + " — manque : " + manque.join(", "));
        li.dataset.forfait = f.id;
        ul2.appendChild(li);
      }
      resultat.appendChild(ul2);
    }
  }

  // Answers the form: a message beside the wrong field, else the result.
  function repondre(ev) {
    if (ev) ev.preventDefault();
    const p = profil();
    if (!p) {
      resultat.textContent = "";
      resultat.appendChild(el("p", "erreur-resultat", "Corrigez le champ signalé pour voir le résultat."));
      return;
    }
    if ($("mode-besoins").checked) repondreBesoins(p);
    else afficherForfait(p, MODELE.forfaits[Number(forfait.value)].id);
    document.documentElement.dataset.reponses = String(Number(document.documentElement.dataset.reponses || 0) + 1);
  }

  // The mode (a forfait, or needs) shows its own fields.
  function mode() {
    const besoins = $("mode-besoins").checked;
    $("choix-forfait").hidden = besoins;
    $("choix-besoins").hidden = !besoins;
  }

  remplir();
  categorieChoisie();
  mode();
  categorie.addEventListener("change", () => { categorieChoisie(); message(mesure, ""); message(commune, ""); });
  commune.addEventListener("change", communeChoisie);
  filtre.addEventListener("input", afficherBesoins);
  $("mode-forfait").addEventListener("change", mode);
  $("mode-besoins").addEventListener("change", mode);
  form.addEventListener("submit", repondre);
  document.documentElement.dataset.pret = String(performance.now());
})();
