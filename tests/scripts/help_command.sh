#!/bin/sh
# `cdgrules help COMMAND` prints exactly what `cdgrules COMMAND --help`
# prints, for every listed command, in English and French; `cdgrules help`
# is `cdgrules --help`.
# Usage: tests/scripts/help_command.sh BUILD/cdgrules
set -u
bin=$1
fails=0
cmds=$("$bin" --help | sed -n 's/^  \([a-z][a-z_-]*\)  .*/\1/p')
[ -n "$cmds" ] || { echo "help_command: FAIL: no command listed by --help"; exit 1; }
for lang in en fr; do
    for c in $cmds; do
        a=$(LANGUAGE=$lang "$bin" help "$c"; echo "rc=$?")
        b=$(LANGUAGE=$lang "$bin" "$c" --help; echo "rc=$?")
        [ "$a" = "$b" ] || { echo "help_command: 'help $c' differs from '$c --help' ($lang)"; fails=$((fails + 1)); }
    done
    a=$(LANGUAGE=$lang "$bin" help) b=$(LANGUAGE=$lang "$bin" --help)
    [ "$a" = "$b" ] || { echo "help_command: 'help' differs from '--help' ($lang)"; fails=$((fails + 1)); }
done
[ $fails = 0 ] || { echo "help_command: FAIL"; exit 1; }
echo "help_command: ok"
