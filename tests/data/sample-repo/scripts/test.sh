#!/bin/sh
# The sample's unit tests.
set -eu
. "$(dirname "$0")/common.sh"
run_check test "test: 12 passed, 0 failed"
