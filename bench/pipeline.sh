#!/usr/bin/env bash
# The deploy pipeline runner: eight parallel 1-second steps (target <= 1.3 s wall), overhead per step against
# starting the same commands directly (target <= 5 ms), and the longest event-loop stall of the runner's thread
# while eight chatty steps print 50,000 lines each, and the longest stall of a GUI thread showing the live
# deploy (a 1360x820 PipelineView, offscreen) over eight such steps plus later short stages (target <= 16 ms).
# Usage: bench/pipeline.sh <build-dir> [iterations] [steps]   (configure with -DCAPSTAN_BENCH=ON)
set -eu
build=${1:?build directory}
n=${2:-5}
steps=${3:-200}
bin="$build/bench/pipeline_bench"
[ -x "$bin" ] || { echo "build $bin first (cmake -DCAPSTAN_BENCH=ON, ninja pipeline_bench)" >&2; exit 2; }
field() { awk -v k="$1" '$1 == k {print $2}'; }

parallel=$("$bin" --mode parallel --iterations "$n")
p_runner=$(echo "$parallel" | field runner_ms)
p_direct=$(echo "$parallel" | field direct_ms)
echo "8 x sleep 1, parallel 8, runner median: ${p_runner} ms (target <= 1300 ms)"
echo "8 x sleep 1 started directly, median:   ${p_direct} ms"
awk -v r="$p_runner" -v d="$p_direct" 'BEGIN { printf "runner/direct ratio: %.3f\n", r / d }'

overhead=$("$bin" --mode overhead --iterations "$n" --steps "$steps")
o_runner=$(echo "$overhead" | field runner_ms)
o_direct=$(echo "$overhead" | field direct_ms)
echo "${steps} x true in a chain, runner median: ${o_runner} ms; directly one after another: ${o_direct} ms"
awk -v r="$o_runner" -v d="$o_direct" -v s="$steps" \
  'BEGIN { printf "runner overhead per command step: %.3f ms (target <= 5 ms)\n", (r - d) / s }'

noop=$("$bin" --mode noop --iterations "$n" --steps "$steps")
s_runner=$(echo "$noop" | field runner_ms)
awk -v r="$s_runner" -v s="$steps" \
  'BEGIN { printf "scheduling overhead per step (in-process no-op executor): %.3f ms\n", r / s }'

stall=$("$bin" --mode stall --iterations "$n")
gap=$(echo "$stall" | field max_gap_ms)
wall=$(echo "$stall" | field wall_ms)
echo "8 chatty steps x 50000 lines: longest gap of a 5 ms timer, median: ${gap} ms (target <= 50 ms); wall ${wall} ms"

gui=$(QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES="qt.qpa.*=false" "$bin" --mode gui --iterations "$n" 2> >(grep -v -e propagateSizeHints -e XDG_RUNTIME_DIR >&2))
g_max=$(echo "$gui" | field gui_max_gap_ms)
g_own=$(echo "$gui" | field gui_max_own_gap_ms)
g_p99=$(echo "$gui" | field gui_p99_gap_ms)
g_wall=$(echo "$gui" | field wall_ms)
echo "GUI (PipelineView 1360x820) during a deploy of 8 chatty steps x 50000 lines + 3 short steps:"
echo "  longest gap of a 5 ms timer, median of ${n} runs: ${g_max} ms (target <= 16 ms); 99th percentile ${g_p99} ms; wall ${g_wall} ms"
echo "  the same without the time the GUI thread waited for a CPU (its own work): ${g_own} ms"
