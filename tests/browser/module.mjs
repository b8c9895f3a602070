// The ES module of `cdgrules dump --format js` gives the same answers as
// `cdgrules strate|query|which --json`, for every boundary profile, every
// forfait, and a few sets of needs. Usage: node module.mjs BIN RULES...
// Prints "module: N comparisons" or the first differences; exit 1 on any.
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { cdgrules, cdgrulesJson, modele, profils } from "./commun.mjs";

// The formulas of prices are in the run's language; the module speaks French.
process.env.LANGUAGE = "fr";

const [bin, ...fichiers] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), "cdg-module-"));
let comparaisons = 0, erreurs = 0, prix = 0, debordements = 0;

// What f() returns, or {erreur: message} when it throws.
function essai(f) {
  try {
    return f();
  } catch (e) {
    return { erreur: e.message };
  }
}

// The JSON answer of cdgrules, or {erreur} when it failed because an
// amount passes 64 bits ("le total déborde": the module throws the same).
function reponse(args) {
  const r = cdgrules(bin, args);
  const deborde = r.code !== 0 && /: le total déborde$/m.exec(r.err || "");
  if (deborde) return { erreur: "le total déborde" };
  return r.out.trim() ? JSON.parse(r.out) : null;
}

// Records a difference (the first few are printed in full).
function compare(quoi, attendu, obtenu) {
  comparaisons++;
  if (isDeepStrictEqual(attendu, obtenu)) return;
  if (++erreurs <= 5)
    console.log("DIFF " + quoi + "\n  cdgrules: " + JSON.stringify(attendu) + "\n  module:   " + JSON.stringify(obtenu));
}

try {
  for (const rules of fichiers) {
    const js = join(dir, "offre-" + comparaisons + ".mjs");
    const r = cdgrules(bin, ["dump", rules, "--format", "js"]);
    if (r.code !== 0) throw new Error(rules + ": dump --format js failed: " + r.err);
    writeFileSync(js, r.out);
    const mod = await import(js);
    const m = modele(bin, rules);
    const besoins = [m.services.map((s) => s.id), m.services.slice(0, 2).map((s) => s.id),
      m.services.slice(-1).map((s) => s.id).concat(m.options.slice(0, 1).map((o) => o.id))];
    for (const p of profils(m)) {
      const st = cdgrulesJson(bin, ["strate", rules, "--profil", p.texte, "--json"]);
      compare(rules + " strate " + p.texte, st ? st[0].strate : null, mod.strate(p.texte));
      for (const f of m.forfaits) {
        const q = reponse(["query", rules, "--forfait", f.id, "--profil", p.texte, "--json"]);
        compare(rules + " query " + f.id + " " + p.texte, q, essai(() => mod.query(p.texte, f.id)));
        compare(rules + " query (objet) " + f.id + " " + p.texte, q,
          essai(() => mod.query({ categorie: p.categorie, mesure: p.mesure ?? undefined }, f.libelle)));
        if (q && q.prix) prix += 2;
        if (q && q.erreur) debordements++;
      }
      for (const b of besoins) {
        if (!b.length) continue;
        const w = reponse(["which", rules, "--profil", p.texte, "--json", ...b.flatMap((x) => ["--besoin", x])]);
        compare(rules + " which " + p.texte + " " + b.join(","), w, essai(() => mod.which(p.texte, b)));
      }
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log("module: " + comparaisons + " comparisons (" + prix + " with a forfait's price, " + debordements +
  " where the total overflows), " + erreurs + " differences");
process.exit(erreurs || comparaisons === 0 || prix === 0 ? 1 : 0);
