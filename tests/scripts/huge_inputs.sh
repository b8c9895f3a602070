#!/bin/sh
# Absurd inputs at 5 MB (the 1,000,000-deep nesting attempt included):
# clear message, exit 1, bounded memory. `make test-huge` runs 100 MB.
# Usage: tests/scripts/huge_inputs.sh BUILD/cdgrules
exec "$(dirname "$0")/../hard/huge.sh" "$1" 5
