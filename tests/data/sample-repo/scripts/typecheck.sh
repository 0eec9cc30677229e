#!/bin/sh
# The sample's type check; runs in app/.
set -eu
. "$(dirname "$0")/common.sh"
[ -f package.json ] || { echo "typecheck: run me in app/" >&2; exit 2; }
run_check typecheck "typecheck: src/index.ts ok"
