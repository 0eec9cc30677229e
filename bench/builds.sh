#!/bin/sh
# The Builds table over 1,000 CI runs: cold load vs warm refresh (every page a 304), painted offscreen.
# Target: a warm refresh costs 0 rate limit and takes <= 100 ms. The GUI thread's CPU time per warm refresh
# is printed too: the server stands in for github.com in this process and competes for the same cores.
# Usage: bench/builds.sh <build-dir> [runs] [iterations]   (configure with -DCAPSTAN_BENCH=ON)
set -eu
build=${1:?build directory}
runs=${2:-1000}
n=${3:-7}
bin="$build/bench/builds_refresh"
[ -x "$bin" ] || { echo "build $bin first (cmake -DCAPSTAN_BENCH=ON, ninja builds_refresh)" >&2; exit 2; }
QT_QPA_PLATFORM=offscreen "$bin" --runs "$runs" --iterations "$n"
