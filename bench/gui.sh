#!/usr/bin/env bash
# The desktop app with a chart of 10,000 versions (bench/gui_bench.cpp), all in one run:
#   first window: the capstan binary from its start to the main window's first paint, against the smallest
#                 Qt Widgets window (bench/gui_hello.cpp) started the same way (target <= 150 ms);
#   memory:       resident memory of capstan showing the 10,000 versions (target <= 100 MB);
#   stalls:       the longest gap of a 5 ms timer on the GUI thread while the Charts view's versions table
#                 is scrolled a page per frame from top to bottom, and while a filter is typed (8 keys per
#                 second: "0-99", erased, ">=1.0.0-5000", erased) (target <= 16 ms).
# The server is `capstan --cli sandbox-serve --versions 10000 --chart torvalds`. Runs under xvfb-run (and a
# private D-Bus session, as on a desktop) when there is no display.
# Usage: bench/gui.sh <build-dir> [iterations] [versions]   (configure with -DCAPSTAN_BENCH=ON)
set -euo pipefail
build=${1:?build directory}
n=${2:-7}
versions=${3:-10000}
capstan="$build/src/capstan"
bench="$build/bench/gui_bench"
hello="$build/bench/gui_hello"
for bin in "$capstan" "$bench" "$hello"; do
    [ -x "$bin" ] || { echo "build $bin first (cmake --preset bench; ninja capstan gui_bench gui_hello)" >&2; exit 2; }
done
if [ -z "${DISPLAY:-}" ] && [ -z "${CAPSTAN_GUI_BENCH_INNER:-}" ]; then
    wrap=(xvfb-run -a -s "-screen 0 1400x900x24")
    command -v dbus-run-session >/dev/null && wrap=(dbus-run-session -- "${wrap[@]}")
    CAPSTAN_GUI_BENCH_INNER=1 exec "${wrap[@]}" "$0" "$@"
fi
field() { awk -v k="$1" '$1 == k {print $2}'; }

work="$(mktemp -d)"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
export XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" XDG_STATE_HOME="$work/state"
timeout 3600 "$capstan" --cli sandbox-serve --versions "$versions" --chart torvalds --dir "$work/storage" \
    >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
url=""
for _ in $(seq 1 1800); do
    url="$(head -n 1 "$work/serve.out" 2>/dev/null || true)"
    [ -n "$url" ] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.err" >&2; echo "gui.sh: the server stopped" >&2; exit 1; }
    sleep 0.5
done
[ -n "$url" ] || { echo "gui.sh: the server did not start in time" >&2; exit 1; }
printf 'chartmuseum:\n  url: %s\n' "$url" >"$work/capstan.yaml"
quiet() { grep -v -e propagateSizeHints -e XDG_RUNTIME_DIR >&2 || true; }

startup=$("$bench" --mode startup --capstan "$capstan" --hello "$hello" --config "$work/capstan.yaml" \
    --iterations "$n" 2> >(quiet))
ours=$(echo "$startup" | field capstan_first_paint_median_ms)
peer=$(echo "$startup" | field hello_first_paint_median_ms)
echo "first window (process start to first paint), median of $n: capstan ${ours} ms, Qt hello-world window ${peer} ms (target <= 150 ms)"
awk -v a="$ours" -v b="$peer" 'BEGIN { printf "  capstan/hello %.2f; capstan - hello %.1f ms\n", a / b, a - b }'
echo "  CPU time (all threads) by the first paint: capstan $(echo "$startup" | field capstan_first_paint_cpu_median_ms) ms, hello $(echo "$startup" | field hello_first_paint_cpu_median_ms) ms"

memory=$("$bench" --mode rss --capstan "$capstan" --config "$work/capstan.yaml" --iterations 3 2> >(quiet))
echo "resident memory with $(echo "$memory" | field versions_shown | head -n 1) versions shown, median of 3: $(echo "$memory" | field rss_median_mb) MB (peak $(echo "$memory" | field peak_median_mb) MB) (target <= 100 MB)"

stalls=$("$bench" --mode scroll --url "$url" --iterations "$n" 2> >(quiet))
echo "$stalls" | grep '^versions ' | sed 's/^/  /'
echo "longest stall of a 5 ms timer, median of $n: scrolling $(echo "$stalls" | field scroll_max_gap_median_ms) ms (p99 $(echo "$stalls" | field scroll_p99_gap_median_ms)), typing a filter $(echo "$stalls" | field filter_max_gap_median_ms) ms (p99 $(echo "$stalls" | field filter_p99_gap_median_ms)) (target <= 16 ms)"
