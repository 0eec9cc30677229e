#!/usr/bin/env bash
# Installs what Capstan needs, builds it with the tests (CAPSTAN_BUILD_TESTS) and runs the whole suite with ctest.
#   bash tests/run.sh          normal Debug build (preset "dev")
#   bash tests/run.sh asan     AddressSanitizer + UndefinedBehaviorSanitizer build (preset "asan")
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-dev}"

bash packaging/install-deps.sh
helm="$(bash tests/tools/fetch-helm.sh)"
export CAPSTAN_REQUIRE_HELM=1
export CCACHE_BASEDIR="$PWD"

cmake --preset "$preset" -DCAPSTAN_BUILD_TESTS=ON -DCAPSTAN_HELM="$helm"
cmake --build --preset "$preset"
ctest --preset "$preset"
