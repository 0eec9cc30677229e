#!/bin/sh
# The sample's linter.
set -eu
. "$(dirname "$0")/common.sh"
run_check lint "lint: 3 files, no problems"
