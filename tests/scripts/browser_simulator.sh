#!/bin/sh
# run-all: alone (it measures time or loads the machine itself)
# The simulator page and the published tables in headless Chromium
# (tests/browser/simulateur.mjs: the form filled by its labels for every
# stratum boundary and forfait against `cdgrules query --json`, needs
# against `which --json`, bad inputs, no sideways scrolling at 320, 390 and
# 1280 px, axe-core, the one-page print sheet, the time to the first
# answer), on rules/cdg47.cdg with the communes of examples/ and on every
# examples/*.cdg. Screenshots go to BUILD/screenshot/. Needs Debian's
# chromium, Node and `npm ci --prefix tests/browser` (tools/deps.sh does
# both as root); skipped without them, except in CI (CI=true).
# Usage: tests/scripts/browser_simulator.sh BUILD/cdgrules
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
skip() {
    [ "${CI:-}" = true ] && { echo "browser_simulator: FAIL: $*"; exit 1; }
    echo "browser_simulator: skipped: $*"
    exit 0
}
# Under the sanitizers (make test-asan) the browser would only re-run what
# make test checked: the C side of the page (dump --format js|simulateur)
# runs there through the golden cases and dump_js_module.sh.
if [ -n "${CDG_SANITIZER:-}" ]; then
    echo "browser_simulator: not run under sanitizers (make test runs it)"
    exit 0
fi
command -v node >/dev/null 2>&1 || skip "node is missing (apt-get install nodejs)"
command -v chromium >/dev/null 2>&1 || skip "chromium is missing (apt-get install chromium)"
[ -d "$root/tests/browser/node_modules/puppeteer-core" ] && [ -d "$root/tests/browser/node_modules/axe-core" ] ||
    skip "the npm packages are missing (npm ci --prefix tests/browser)"
cd "$root" && node tests/browser/simulateur.mjs "$bin" "$(dirname "$bin")/screenshot" examples/communes-47.csv \
    rules/cdg47.cdg examples/*.cdg tests/browser/chevauchement.cdg
