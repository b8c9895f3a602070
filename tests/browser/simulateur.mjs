// The simulator page and the HTML tables in headless Chromium (Debian's
// `chromium`, driven by puppeteer-core), as a visitor uses them:
// - fills the form by its fields' labels for every stratum boundary of
//   every category and each forfait, and compares what the page shows with
//   `cdgrules query --json`; ticks needs and compares with `which --json`;
// - types each bad input and checks the French message beside the field;
// - picks a commune by name;
// - checks that no page scrolls sideways at 320, 390 and 1280 px;
// - runs axe-core in the page: 0 violations;
// - prints the sheet (one page) and takes phone and desktop screenshots;
// - measures the time to the first answer.
// Usage: node simulateur.mjs BIN OUTDIR COMMUNES.csv RULES...
// The first RULES file gets the communes list, screenshots and timings.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";
import puppeteer from "puppeteer-core";
import { cdgrules, cdgrulesJson, modele, profils } from "./commun.mjs";

// The formulas of prices are in the run's language; the page speaks French.
process.env.LANGUAGE = "fr";
const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const [bin, outdir, communes, ...fichiers] = process.argv.slice(2);
mkdirSync(outdir, { recursive: true });
const MOTS = { "Inclus": "inclus", "Non inclus": "non_inclus", "En option": "en_option", "Sans objet": "sans_objet" };
let verifs = 0, echecs = 0;
const mesures = {};

// One check: prints the failure (the first 10 in full).
function verifie(ok, quoi, detail) {
  verifs++;
  if (ok) return;
  if (++echecs <= 10) console.log("FAIL " + quoi + (detail ? "\n  " + detail : ""));
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--allow-file-access-from-files"],
});

// The form control whose visible label reads texte (the label's own text,
// as a person reads it), or null.
async function champ(page, texte) {
  const h = await page.evaluateHandle((t) => {
    for (const l of document.querySelectorAll("label"))
      if (l.textContent.trim() === t && l.offsetParent !== null) return document.getElementById(l.htmlFor);
    return null;
  }, texte);
  return h.asElement();
}

// Chooses, in the select labelled label, the option that reads texte.
async function choisir(page, label, texte) {
  const e = await champ(page, label);
  if (!e) throw new Error("no field labelled '" + label + "'");
  const ok = await e.evaluate((s, t) => {
    const o = [...s.options].find((x) => x.textContent === t);
    if (!o) return false;
    s.value = o.value;
    s.dispatchEvent(new Event("change", { bubbles: true }));
    return true;
  }, texte);
  if (!ok) throw new Error("no option '" + texte + "' in '" + label + "'");
}

// Types texte into the field labelled label, replacing what it held.
async function taper(page, label, texte) {
  const e = await champ(page, label);
  if (!e) throw new Error("no field labelled '" + label + "'");
  await e.click({ clickCount: 3 });
  await e.evaluate((x) => { x.value = ""; });
  if (texte) await e.type(texte);
  await e.evaluate((x) => x.dispatchEvent(new Event("change", { bubbles: true })));
}

// Clicks the radio or checkbox labelled label.
async function cocher(page, label) {
  const e = await champ(page, label);
  if (!e) throw new Error("no field labelled '" + label + "'");
  await e.click();
}

// Presses the form's button and returns the number of answers so far.
async function afficher(page) {
  const [b] = await page.$$("xpath/.//button[normalize-space()='Afficher']");
  await b.click();
}

// The label of a category's measure, as the page writes it.
function libelleMesure(m) {
  return "Nombre " + (/^[aeiouyhéèêàâîïôû]/i.test(m) ? "d'" : "de ") + m;
}

// Fills the authority part of the form for profile p of model m.
async function profilDans(page, m, p) {
  const c = m.categories.find((x) => x.id === p.categorie);
  await choisir(page, "Type de collectivité", c.libelle);
  if (c.mesure) await taper(page, libelleMesure(c.mesure), String(p.mesure));
}

// What the page shows for a forfait, read from its tables, in the shape of
// `query --json`'s answer (statut from the visible word, quantity from the
// visible number, wording from the cell).
async function lirePage(page) {
  return page.evaluate((mots) => {
    const strate = document.getElementById("res-strate");
    if (!strate) return null;
    const lignes = (sel) => [...document.querySelectorAll(sel)];
    const statut = (tr) => mots[tr.querySelector("td.statut").textContent.replace(/^\S+\s/, "").trim()];
    return {
      forfait: document.getElementById("res-forfait").textContent,
      prix: ["res-prix-premiere", "res-prix"].map((id) => document.getElementById(id)).filter((x) => x).map((x) => x.textContent),
      strate: strate.textContent.split(" : ")[0],
      services: lignes("#res-services tbody tr").map((tr) => {
        const q = tr.querySelector("td.qte").textContent.replace(/[\s\u00a0]/g, "").match(/^\d+/);
        const t = tr.querySelector("td.texte").textContent;
        return { id: tr.dataset.service, statut: statut(tr), quantite: q ? Number(q[0]) : null, texte: t === "—" ? "" : t };
      }),
      options: lignes("#res-options tbody tr").map((tr) => ({ id: tr.dataset.option, statut: statut(tr),
        montant: tr.querySelector("td.montant").textContent, texte: tr.querySelector("td.texte").textContent })),
    };
  }, MOTS);
}

// A money answer {centimes: N} of cdgrules in French, from the digits of N
// as JSON wrote them ("1 320,00 €", "0,4125 €").
function argentFr(m) {
  const [ent, frac = ""] = String(m.centimes).split(".");
  const euros = ent.length > 2 ? ent.slice(0, -2) : "0";
  const dec = (ent.length > 2 ? ent.slice(-2) : ent.padStart(2, "0")) + frac;
  return euros.replace(/\B(?=(\d{3})+(?!\d))/g, " ") + "," + dec + " €";
}

// A year's price as the page writes it, from cdgrules' answer.
function prixFr(an) {
  return an.chiffre ? argentFr(an.montant) + " (" + an.formule + ")" : an.formule;
}

// The same fields from cdgrules' answer: one price line when both years
// read the same, else the first year's then the following years'.
function attendu(q) {
  if (!q) return null;
  const prix = !q.prix ? [] : prixFr(q.prix.premiere_annee) === prixFr(q.prix.suivantes)
    ? [prixFr(q.prix.suivantes)] : [prixFr(q.prix.premiere_annee), prixFr(q.prix.suivantes)];
  return {
    forfait: q.forfait.libelle, prix, strate: q.strate.id,
    services: q.services.map((s) => ({ id: s.id, statut: s.statut, quantite: s.quantite, texte: s.texte })),
    options: q.options.map((o) => ({ id: o.id, statut: o.statut, montant: o.montant ? argentFr(o.montant) : "—", texte: o.texte })),
  };
}

// Whether the document scrolls sideways at the current width.
async function deborde(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

// axe-core's violations in the page, as "rule: target" lines.
async function axe(page) {
  await page.evaluate(AXE);
  const r = await page.evaluate(async () => {
    const res = await window.axe.run(document, { resultTypes: ["violations"] });
    return res.violations.map((v) => v.id + ": " + v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", "));
  });
  return r;
}

// The message beside field label after typing texte and pressing Afficher.
async function messageApres(page, label, texte) {
  await taper(page, label, texte);
  await afficher(page);
  const e = await champ(page, label);
  return e.evaluate((x) => {
    const p = document.getElementById(x.id + "-erreur");
    const beside = p && p.parentElement === x.parentElement && !p.hidden;
    return { texte: p ? p.textContent : "", beside, invalide: x.getAttribute("aria-invalid") === "true",
      decrit: (x.getAttribute("aria-describedby") || "").split(" ").includes(p && p.id) };
  });
}

for (const [n, rules] of fichiers.entries()) {
  const premier = n === 0;
  const html = resolve(join(outdir, premier ? "simulateur.html" : "simulateur-" + n + ".html"));
  const args = ["dump", rules, "--format", "simulateur", "-o", html];
  if (premier) args.push("--communes", communes);
  const d = cdgrules(bin, args);
  if (d.code !== 0) throw new Error(rules + ": dump failed: " + d.err);
  const m = modele(bin, rules);
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const erreursJs = [];
  page.on("pageerror", (e) => erreursJs.push(String(e)));
  const t0 = Date.now();
  await page.goto("file://" + html);
  await page.waitForSelector("html[data-pret]");

  if (premier) {
    // Time to the first answer: from navigation start to the answer of a
    // form filled and submitted in one go.
    mesures.taille = readFileSync(html).length;
    const c = m.categories.find((x) => x.mesure);
    // The best of three loads: the machine is shared, a slow run is noise.
    let premiere = null;
    for (let essai = 0; essai < 3; essai++) {
      if (essai) {
        await page.reload();
        await page.waitForSelector("html[data-pret]");
      }
      const r = await page.evaluate((cat) => {
        const pret = Number(document.documentElement.dataset.pret);
        document.getElementById("categorie").value = String(cat);
        document.getElementById("categorie").dispatchEvent(new Event("change"));
        document.getElementById("mesure").value = "1200";
        const t = performance.now();
        document.getElementById("simulateur").requestSubmit();
        document.getElementById("resultat").getBoundingClientRect();   // layout done
        const fin = performance.now();
        return { pret, reponse: fin - t, total: fin };
      }, m.categories.indexOf(c));
      if (!premiere || r.reponse < premiere.reponse) premiere = r;
    }
    mesures.premiere = premiere;
    verifie(premiere.reponse < 100, "first answer under 100 ms after load", JSON.stringify(premiere));
  }

  // Every boundary profile, every forfait, filled by label.
  await cocher(page, "Le contenu d'un forfait");
  for (const p of profils(m)) {
    await profilDans(page, m, p);
    for (const f of m.forfaits) {
      await choisir(page, "Forfait", f.libelle);
      await afficher(page);
      const vu = await lirePage(page);
      const q = cdgrulesJson(bin, ["query", rules, "--forfait", f.id, "--profil", p.texte, "--json"]);
      const a = attendu(q);
      if (!a) {
        const aucune = await page.$eval("#resultat", (r) => r.textContent);
        verifie(/Aucune strate/.test(aucune), rules + " " + p.texte + " " + f.id + ": no stratum", aucune);
      } else
        verifie(JSON.stringify(vu) === JSON.stringify(a), rules + " " + p.texte + " " + f.id,
          "page:     " + JSON.stringify(vu) + "\n  cdgrules: " + JSON.stringify(a));
    }
  }

  // Needs: tick services by their labels, compare with which --json.
  await cocher(page, "Les forfaits qui incluent mes besoins");
  const besoins = m.services.filter((s, i) => i % 3 === 1).slice(0, 4);
  for (const s of besoins) await cocher(page, s.libelle);
  for (const p of profils(m).filter((x, i) => i % 4 === 0)) {
    await profilDans(page, m, p);
    await afficher(page);
    const w = cdgrulesJson(bin, ["which", rules, "--profil", p.texte, "--json", ...besoins.flatMap((s) => ["--besoin", s.id])]);
    const vu = await page.evaluate(() => ({
      ok: [...document.querySelectorAll(".forfaits-ok li")].map((li) => li.dataset.forfait + ":" + li.textContent),
      non: [...document.querySelectorAll(".forfaits-non li")].map((li) => li.dataset.forfait),
    }));
    // Those that fit, ranked by price as `which` (rang), each with its price.
    const rang = (f) => f.rang === null ? Infinity : f.rang;
    const ok = w ? w.forfaits.filter((f) => f.inclut_tout).sort((a, b) => rang(a) - rang(b)).map((f) => f.id + ":✓ " + f.libelle +
      (!f.devis ? "" : f.devis.partiel ? " — non chiffré (" + argentFr(f.devis.total) + " pour l'instant)" : " — " + argentFr(f.devis.total) + " par an")) : null;
    const att = w ? { ok, non: w.forfaits.filter((f) => !f.inclut_tout).map((f) => f.id) } : null;
    verifie(att && JSON.stringify(vu) === JSON.stringify(att), rules + " which " + p.texte, JSON.stringify(vu) + " vs " + JSON.stringify(att));
  }
  if (premier) {
    verifie((await axe(page)).length === 0, "axe-core, needs mode", (await axe(page)).join("\n  "));
    await page.setViewport({ width: 390, height: 844 });
    verifie(!(await deborde(page)), "needs answer at 390 px: no horizontal scroll");
  }
  await page.setViewport({ width: 1280, height: 900 });
  await cocher(page, "Le contenu d'un forfait");

  if (premier) {
    // Bad inputs: a French message beside the field, nothing else breaks.
    const c = m.categories.find((x) => x.mesure === "habitants") || m.categories.find((x) => x.mesure);
    await choisir(page, "Type de collectivité", c.libelle);
    const lm = libelleMesure(c.mesure);
    const cas = [["", /Indiquez le nombre/], ["-5", /ne peut pas être négatif/], ["douze", /nombre entier/],
      ["12,5", /nombre entier/], ["100000000000000000000", /trop grand/]];
    for (const [texte, re] of cas) {
      const msg = await messageApres(page, lm, texte);
      verifie(re.test(msg.texte) && msg.beside && msg.invalide && msg.decrit, "message for '" + texte + "'", JSON.stringify(msg));
    }
    verifie(erreursJs.length === 0, "no script error", erreursJs.join("; "));
    const inconnue = await messageApres(page, "Commune (facultatif)", "Ville-Qui-N-Existe-Pas");
    verifie(/Commune inconnue/.test(inconnue.texte) && inconnue.beside && inconnue.invalide, "unknown commune", JSON.stringify(inconnue));
    // A commune picked by name fills the measure; the answer is its stratum's.
    const liste = readFileSync(communes, "utf8").trim().split(/\r?\n/).slice(1).map((l) => l.split(","));
    const [, nom, , pop] = liste.find((x) => x[1] === "Agen") || liste[0];
    await taper(page, "Commune (facultatif)", nom);
    await choisir(page, "Forfait", m.forfaits[0].libelle);
    await afficher(page);
    const q = cdgrulesJson(bin, ["query", rules, "--forfait", m.forfaits[0].id, "--profil", c.id + "=" + pop, "--json"]);
    verifie(JSON.stringify(await lirePage(page)) === JSON.stringify(attendu(q)), "commune " + nom + " (" + pop + ")");
    verifie((await page.$eval("#mesure", (x) => x.value)) === pop, "the commune fills the measure");

    // Accessibility, layout and pictures of an answer.
    const violations = await axe(page);
    verifie(violations.length === 0, "axe-core, forfait answer: 0 violations", violations.join("\n  "));
    for (const w of [1280, 390, 320]) {
      await page.setViewport({ width: w, height: w > 400 ? 900 : 844 });
      verifie(!(await deborde(page)), "simulator at " + w + " px: no horizontal scroll");
    }
    await page.setViewport({ width: 390, height: 844 });
    await page.screenshot({ path: join(outdir, "simulateur-390.png"), fullPage: true });
    await page.setViewport({ width: 1280, height: 900 });
    await page.screenshot({ path: join(outdir, "simulateur-1280.png"), fullPage: true });
    // Keyboard: the focus is visible (an outline) on the first field.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const focus = await page.evaluate(() => {
      const e = document.activeElement, s = getComputedStyle(e);
      return { id: e.id, outline: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    verifie(focus.outline !== "none" && focus.width >= 2, "visible focus", JSON.stringify(focus));
    // The print sheet: one page.
    await page.emulateMediaType("print");
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    writeFileSync(join(outdir, "fiche.pdf"), pdf);
    const pages = (Buffer.from(pdf).toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
    verifie(pages === 1, "print sheet on one page", pages + " pages");
    mesures.pages = pages;
    await page.emulateMediaType("screen");
  }
  await page.close();
  console.log("simulator: " + rules + " checked in " + (Date.now() - t0) + " ms");
}

// The published tables (dump --format html): no sideways page scroll at
// phone widths, sans objet marked and explained, axe-core clean.
{
  const html = resolve(join(outdir, "offre.html"));
  const d = cdgrules(bin, ["dump", fichiers[0], "--format", "html", "-o", html]);
  if (d.code !== 0) throw new Error("dump html failed");
  const page = await browser.newPage();
  await page.goto("file://" + html);
  for (const w of [1280, 390, 320]) {
    await page.setViewport({ width: w, height: 900 });
    verifie(!(await deborde(page)), "tables at " + w + " px: no horizontal scroll");
    const chevauche = await page.evaluate(() => {
      for (const tr of document.querySelectorAll("thead tr")) {
        const r = [...tr.children].map((th) => th.getBoundingClientRect());
        for (let i = 1; i < r.length; i++) if (r[i].left < r[i - 1].right - 1) return true;
      }
      return false;
    });
    verifie(!chevauche, "table headers at " + w + " px do not overlap");
  }
  const sansObjet = await page.evaluate(() => ({
    cellules: [...document.querySelectorAll("td.sans_objet")].every((td) => td.textContent.trim() !== ""),
    n: document.querySelectorAll("td.sans_objet").length,
    legende: !!document.querySelector(".legende") && /sans objet/i.test(document.querySelector(".legende").textContent),
  }));
  verifie(sansObjet.cellules && (sansObjet.n === 0 || sansObjet.legende), "sans objet cells marked, with a legend", JSON.stringify(sansObjet));
  const violations = await axe(page);
  verifie(violations.length === 0, "axe-core, published tables: 0 violations", violations.join("\n  "));
  await page.setViewport({ width: 390, height: 844 });
  await page.screenshot({ path: join(outdir, "offre-390.png"), fullPage: true });
  await page.setViewport({ width: 1280, height: 900 });
  await page.screenshot({ path: join(outdir, "offre-1280.png"), fullPage: true });
  await page.close();
}

await browser.close();
if (mesures.taille)
  console.log("simulator: page " + mesures.taille + " bytes; ready " + mesures.premiere.pret.toFixed(1) +
    " ms after navigation start; first answer " + mesures.premiere.reponse.toFixed(1) + " ms after the form is sent; print sheet " + mesures.pages + " page(s)");
console.log("browser: " + verifs + " checks, " + echecs + " failed");
process.exit(echecs || !verifs ? 1 : 0);
