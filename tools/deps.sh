#!/bin/sh
# Checks the tools the tests need (building itself needs only flex, bison
# and a C compiler: README); installs them with apt-get when running as
# root on Debian, otherwise says exactly what to install and fails.
# Usage: tools/deps.sh [COMMAND...]  (extra commands whose Debian package
# has the same name, e.g. valgrind, gcovr)
# Also generates the fr_FR.UTF-8 locale used by the translation tests
# (localedef, Debian package locales) when root; otherwise a note.
missing=""
command -v flex >/dev/null 2>&1 || missing="$missing flex"
command -v bison >/dev/null 2>&1 || missing="$missing bison"
[ -f /usr/include/criterion/criterion.h ] || missing="$missing libcriterion-dev"
command -v jq >/dev/null 2>&1 || missing="$missing jq"
command -v msgfmt >/dev/null 2>&1 || missing="$missing gettext"
# The language server (cdgrules lsp) reads JSON with jansson; its
# end-to-end test drives Neovim (skipped without it outside CI).
[ -f /usr/include/jansson.h ] || missing="$missing libjansson-dev"
# Needed by `make test` (install, man page and timing tests).
command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
command -v man >/dev/null 2>&1 || missing="$missing man-db"
command -v groff >/dev/null 2>&1 || missing="$missing groff-base"
[ -x /usr/bin/time ] || missing="$missing time"
for extra in "$@"; do
    command -v "$extra" >/dev/null 2>&1 || missing="$missing $extra"
done
has_fr() { locale -a 2>/dev/null | grep -qix 'fr_FR\.utf-\{0,1\}8'; }
has_fr || command -v localedef >/dev/null 2>&1 || missing="$missing locales"
root=false
[ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && root=true

# Installed when root (CI); otherwise only a note: its test is skipped.
if ! command -v nvim >/dev/null 2>&1; then
    if $root; then
        missing="$missing neovim"
    else
        echo "deps: note: no nvim; the Neovim test of the language server is skipped (apt-get install neovim)" >&2
    fi
fi

if [ -n "$missing" ]; then
    if $root; then
        echo "deps: installing$missing" >&2
        export DEBIAN_FRONTEND=noninteractive
        { apt-get update -qq && apt-get install -y -qq $missing; } >&2 || {
            echo "deps: apt-get failed; install these packages:$missing" >&2; exit 2; }
    else
        echo "deps: missing packages:$missing" >&2
        echo "deps: install them with: sudo apt-get install$missing" >&2
        exit 2
    fi
fi

# The browser tests (tests/scripts/browser_simulator.sh, dump_js_module.sh):
# Debian's chromium and Node, then puppeteer-core and axe-core from npm at
# the versions of tests/browser/package-lock.json. Installed when root;
# otherwise a note, and those tests are skipped (they fail in CI).
browser_missing=""
command -v chromium >/dev/null 2>&1 || browser_missing="$browser_missing chromium"
command -v node >/dev/null 2>&1 || browser_missing="$browser_missing nodejs"
command -v npm >/dev/null 2>&1 || browser_missing="$browser_missing npm"
if [ -n "$browser_missing" ]; then
    if $root; then
        echo "deps: installing$browser_missing" >&2
        { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $browser_missing || {
            apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $browser_missing; }; } >&2 || {
            echo "deps: apt-get failed; install these packages:$browser_missing" >&2; exit 2; }
    else
        echo "deps: note: the browser tests need:$browser_missing (sudo apt-get install$browser_missing)" >&2
    fi
fi
browser_dir=$(cd "$(dirname "$0")/.." && pwd)/tests/browser
if command -v npm >/dev/null 2>&1 && ! [ -d "$browser_dir/node_modules/puppeteer-core" ]; then
    echo "deps: installing the browser tests' npm packages (npm ci in tests/browser)" >&2
    (cd "$browser_dir" && npm ci --no-audit --no-fund >&2) || {
        echo "deps: npm ci failed in tests/browser" >&2; exit 2; }
fi

# The French locale of tests/scripts/i18n_locale.sh (which fails without
# it in CI, and is skipped elsewhere).
if ! has_fr; then
    if [ "$(id -u)" = 0 ]; then
        echo "deps: generating the fr_FR.UTF-8 locale" >&2
        localedef -i fr_FR -f UTF-8 fr_FR.UTF-8 >&2 || {
            echo "deps: localedef failed: the French locale tests will not run" >&2; exit 2; }
    else
        echo "deps: note: no fr_FR.UTF-8 locale; generate it with: sudo localedef -i fr_FR -f UTF-8 fr_FR.UTF-8" >&2
    fi
fi
exit 0
