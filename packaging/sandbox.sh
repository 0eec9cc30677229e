#!/usr/bin/env bash
# Installs what Capstan needs, builds it (release preset) and starts it in sandbox mode: local servers on
# 127.0.0.1 seeded with a realistic history, so there is real data to look at.
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/install-deps.sh
export CCACHE_BASEDIR="$PWD"
cmake --preset release >/dev/null
cmake --build --preset release
exec build/release/src/capstan --sandbox "$@"
