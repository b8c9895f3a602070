// What the browser and module tests share: running cdgrules, and the
// profiles to try (every stratum boundary of every measured category, and
// each category taken whole), read from the rules' own JSON dump.
import { execFileSync } from "node:child_process";

// Runs cdgrules with args; {code, out} (exit 1 still gives its output).
export function cdgrules(bin, args) {
  try {
    return { code: 0, out: execFileSync(bin, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 30 }) };
  } catch (e) {
    if (typeof e.status !== "number") throw e;
    return { code: e.status, out: e.stdout || "", err: e.stderr || "" };
  }
}

// The parsed JSON answer of a cdgrules command, or null when it printed none.
export function cdgrulesJson(bin, args) {
  const r = cdgrules(bin, args);
  return r.out.trim() ? JSON.parse(r.out) : null;
}

// The whole model (dump --format json).
export function modele(bin, rules) {
  return cdgrulesJson(bin, ["dump", rules, "--format", "json"]);
}

// Profiles at every stratum boundary: for a measured category, 0, and each
// range's min - 1, min, max and max + 1; a category without a measure as is.
// Each is {categorie, mesure|null, texte: "commune=1200"}.
export function profils(m) {
  const out = [];
  for (const c of m.categories) {
    if (!c.mesure) {
      out.push({ categorie: c.id, mesure: null, texte: c.id });
      continue;
    }
    const v = new Set([0]);
    for (const s of m.strates)
      for (const mb of s.membres)
        if (mb.categorie === c.id && !mb.tous) {
          if (mb.min !== null) { v.add(mb.min); if (mb.min > 0) v.add(mb.min - 1); }
          if (mb.max !== null) { v.add(mb.max); v.add(mb.max + 1); }
        }
    for (const x of [...v].sort((a, b) => a - b))
      out.push({ categorie: c.id, mesure: x, texte: c.id + "=" + x });
  }
  return out;
}
