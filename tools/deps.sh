#!/bin/sh
# Checks the build and test dependencies; installs them with apt-get when
# running as root on Debian, otherwise says exactly what to install.
missing=""
command -v flex >/dev/null 2>&1 || missing="$missing flex"
command -v bison >/dev/null 2>&1 || missing="$missing bison"
[ -f /usr/include/criterion/criterion.h ] || missing="$missing libcriterion-dev"
command -v jq >/dev/null 2>&1 || missing="$missing jq"
command -v msgfmt >/dev/null 2>&1 || missing="$missing gettext"
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
