#!/bin/sh
# Renders `cdgrules dump --format html` in headless Chromium (Debian's
# `chromium`): a screenshot, a print-to-PDF, and checks that the browser
# built the three tables and painted them.
# Usage: tools/html-screenshot.sh BUILD/cdgrules RULES.cdg OUTDIR
# Writes OUTDIR/offre.html, OUTDIR/offre.png (1280 px wide), OUTDIR/offre.pdf.
set -eu
bin=$1 rules=$2 outdir=$3
if ! command -v chromium >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "html-screenshot: installing chromium" >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
    else
        echo "html-screenshot: chromium is missing: sudo apt-get install chromium" >&2
        exit 2
    fi
fi
mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chrome() {
    timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$profile" "$@" 2>"$profile/chromium.log"
}
"$bin" dump "$rules" --format html -o "$outdir/offre.html"
chrome --window-size=1280,2560 --hide-scrollbars --screenshot="$outdir/offre.png" "file://$outdir/offre.html" >/dev/null
chrome --no-pdf-header-footer --print-to-pdf="$outdir/offre.pdf" "file://$outdir/offre.html" >/dev/null
chrome --dump-dom "file://$outdir/offre.html" >"$outdir/dom.html"

fail() { echo "html-screenshot: FAIL: $*" >&2; exit 1; }
# The browser parsed three captioned tables with every row.
[ "$(grep -o '<table id=' "$outdir/dom.html" | wc -l)" = 3 ] || fail "the page does not hold 3 tables"
[ "$(grep -o '<caption[ >]' "$outdir/dom.html" | wc -l)" = 3 ] || fail "the tables lack captions"
rows=$(grep -o '<tr>' "$outdir/dom.html" | wc -l)
[ "$rows" -ge 3 ] || fail "the tables have no rows"
# The screenshot is a PNG of the requested width, and the tables painted
# pixels: it is much larger than the same page without its tables.
[ "$(head -c 8 "$outdir/offre.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "offre.png is not a PNG"
[ "$(od -An -tu1 -j16 -N4 "$outdir/offre.png" | awk '{print $1*16777216+$2*65536+$3*256+$4}')" = 1280 ] ||
    fail "offre.png is not 1280 px wide"
sed '/^<table/,/^<\/table>/d' "$outdir/offre.html" >"$outdir/empty.html"
chrome --window-size=1280,2560 --hide-scrollbars --screenshot="$outdir/empty.png" "file://$outdir/empty.html" >/dev/null
full=$(wc -c <"$outdir/offre.png") empty=$(wc -c <"$outdir/empty.png")
[ "$full" -gt $((empty * 3)) ] || fail "the tables did not render (screenshot $full bytes, without tables $empty)"
[ "$(head -c 5 "$outdir/offre.pdf")" = "%PDF-" ] || fail "offre.pdf is not a PDF"
rm -f "$outdir/empty.html" "$outdir/empty.png"
echo "html-screenshot: $rows table rows rendered; screenshot $outdir/offre.png ($full bytes, $empty without tables), print $outdir/offre.pdf"
