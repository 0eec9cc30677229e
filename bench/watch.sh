#!/bin/sh
# Time from the Argo CD server reporting Healthy to Capstan reporting it: watch stream vs a 5 s poll loop.
# Usage: bench/watch.sh <build-dir> [iterations]   (configure with -DCAPSTAN_BENCH=ON)
set -eu
build=${1:?build directory}
n=${2:-10}
bin="$build/bench/watch_latency"
[ -x "$bin" ] || { echo "build $bin first (cmake -DCAPSTAN_BENCH=ON, ninja watch_latency)" >&2; exit 2; }
stream=$("$bin" --mode stream --iterations "$n" | awk '/^median_ms/ {print $2}')
poll=$("$bin" --mode poll --poll-ms 5000 --iterations "$n" | awk '/^median_ms/ {print $2}')
echo "stream median: ${stream} ms"
echo "poll (5 s) median: ${poll} ms"
awk -v s="$stream" -v p="$poll" 'BEGIN { if (s > 0) printf "poll/stream ratio: %.0fx\n", p / s; else print "ratio: n/a" }'
