// Measures the simulator page of a rules file in headless Chromium: its
// size, when it is ready after navigation start, the time of the first
// answer (a forfait for a measured profile, layout included), of a needs
// filter and of a which answer. Best of three loads.
// Usage: node mesure.mjs BIN RULES [COMMUNES.csv]   (docs/DUMP.md, "Size and speed")
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer from "puppeteer-core";
import { cdgrules } from "./commun.mjs";

const [bin, rules, communes] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), "cdg-mesure-"));
const html = join(dir, "simulateur.html");
const args = ["dump", rules, "--format", "simulateur", "-o", html];
if (communes) args.push("--communes", communes);
const t = Date.now();
if (cdgrules(bin, args).code !== 0) throw new Error("dump failed");
const generation = Date.now() - t;
const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", headless: true, args: ["--no-sandbox"] });
let best = null;
for (let essai = 0; essai < 3; essai++) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto("file://" + html);
  await page.waitForSelector("html[data-pret]");
  const r = await page.evaluate(() => {
    const $ = (id) => document.getElementById(id);
    const pret = Number(document.documentElement.dataset.pret);
    const c = MODELE.categories.findIndex((x) => x.mesure);
    $("categorie").value = String(c < 0 ? 0 : c);
    $("categorie").dispatchEvent(new Event("change"));
    $("mesure").value = "1200";
    let t = performance.now();
    $("simulateur").requestSubmit();
    $("resultat").getBoundingClientRect();
    const reponse = performance.now() - t;
    $("mode-besoins").click();
    t = performance.now();
    $("filtre").value = "e";
    $("filtre").dispatchEvent(new Event("input"));
    $("liste-besoins").getBoundingClientRect();
    const filtre = performance.now() - t;
    $("besoin-0").click();
    t = performance.now();
    $("simulateur").requestSubmit();
    $("resultat").getBoundingClientRect();
    return { pret, reponse, filtre, which: performance.now() - t, services: MODELE.services.length, options: MODELE.options.length };
  });
  if (!best || r.pret + r.reponse < best.pret + best.reponse) best = r;
  await page.close();
}
await browser.close();
console.log(`${rules}: ${best.services} services, ${best.options} options; page ${readFileSync(html).length} bytes, generated in ${generation} ms; ` +
  `ready ${best.pret.toFixed(0)} ms after navigation start; first answer ${best.reponse.toFixed(0)} ms; ` +
  `needs filter ${best.filtre.toFixed(0)} ms; which ${best.which.toFixed(0)} ms`);
rmSync(dir, { recursive: true, force: true });
