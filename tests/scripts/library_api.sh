#!/bin/sh
# The command line uses only the library's public API: src/cli_*.c include
# no project header but cli.h, and cli.h none but the umbrella header
# include/cdgrules.h, whose "cdgrules/…" includes are the public headers.
# Usage: tests/scripts/library_api.sh BUILD/cdgrules
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
bad=$(grep -Hn '^#include "' "$root"/src/cli_*.c | grep -v '#include "cli.h"' || true)
[ -z "$bad" ] || { echo "$bad"; echo "library_api: FAIL: CLI files must include only \"cli.h\" (add the header to include/cdgrules.h)"; exit 1; }
bad=$(grep -Hn '^#include "' "$root"/src/cli.h | grep -v '#include "cdgrules.h"' || true)
[ -z "$bad" ] || { echo "$bad"; echo "library_api: FAIL: cli.h must include only \"cdgrules.h\""; exit 1; }
for h in $(sed -n 's|^#include "cdgrules/\(.*\)"|\1|p' "$root/include/cdgrules.h"); do
    [ -f "$root/src/$h" ] || { echo "library_api: FAIL: include/cdgrules.h names src/$h, which does not exist"; exit 1; }
done
echo "library_api: ok"
