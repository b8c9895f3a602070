#!/bin/sh
# Checks the build and test dependencies; installs them with apt-get when
# running as root on Debian, otherwise says exactly what to install.
missing=""
command -v flex >/dev/null 2>&1 || missing="$missing flex"
command -v bison >/dev/null 2>&1 || missing="$missing bison"
[ -f /usr/include/criterion/criterion.h ] || missing="$missing libcriterion-dev"
command -v jq >/dev/null 2>&1 || missing="$missing jq"
command -v msgfmt >/dev/null 2>&1 || missing="$missing gettext"
# Needed by `make test` (install, man page and timing tests).
command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
command -v man >/dev/null 2>&1 || missing="$missing man-db"
command -v groff >/dev/null 2>&1 || missing="$missing groff-base"
[ -x /usr/bin/time ] || missing="$missing time"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "deps: installing$missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq && apt-get install -y -qq $missing; } >&2 || {
        echo "deps: apt-get failed; install these packages:$missing" >&2; exit 2; }
else
    echo "deps: missing packages:$missing" >&2
    echo "deps: install them with: sudo apt-get install$missing" >&2
    exit 2
fi
