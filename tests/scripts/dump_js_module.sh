#!/bin/sh
# The ES module of `cdgrules dump --format js` answers as `cdgrules
# strate|query|which --json` for every stratum boundary of every category,
# every forfait and a few sets of needs, on rules/cdg47.cdg and examples/,
# prices included (tests/browser/prix-extremes.cdg: amounts past 2^53 and
# past 64 bits) (tests/browser/module.mjs, Node only, no npm package). Skipped without
# Node, except in CI (CI=true), where it fails.
# Usage: tests/scripts/dump_js_module.sh BUILD/cdgrules
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
if ! command -v node >/dev/null 2>&1; then
    [ "${CI:-}" = true ] && { echo "dump_js_module: FAIL: node is missing (apt-get install nodejs)"; exit 1; }
    echo "dump_js_module: skipped: node is missing (apt-get install nodejs)"
    exit 0
fi
# Under a sanitizer (CDG_SANITIZER, make test-asan), where each of the
# ~800 runs costs 0.15 s: the offer, one priced offer and the extreme
# prices; the other offers go through the same code of the program, and
# the plain build compares them all.
files="rules/cdg47.cdg examples/*.cdg tests/browser/chevauchement.cdg"
[ -n "${CDG_SANITIZER:-}" ] && files="rules/cdg47.cdg examples/tarifs.cdg"
cd "$root" && node tests/browser/module.mjs "$bin" $files tests/browser/prix-extremes.cdg
