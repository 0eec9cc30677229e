#!/usr/bin/env bash
# bench/versions.sh: how long listing every version of a big chart takes, capstan against helm.
#
# The hidden developer command `capstan --cli sandbox-serve --versions N` seeds N versions
# (1.0.0-1 … 1.0.0-N) of chart `torvalds` with SandboxSeeder and serves them from one local
# ChartMuseum-compatible server. Both tools are then timed against that same server, in the same run:
#
#   capstan  `capstan --cli --config <tmp>/capstan.yaml versions torvalds`
#            A fresh process each time; capstan keeps no cache.
#   helm     `helm repo update bench && helm search repo torvalds --versions --devel`
#            HELM_CACHE_HOME, HELM_CONFIG_HOME and HELM_DATA_HOME are in a temp dir, and
#            `helm repo add` runs once, before timing.
#
# Each tool runs RUNS times (default 5), with hyperfine when it is installed and a `date +%s%N` loop
# otherwise. The script prints both medians and the ratio helm/capstan. Every step has a time limit.
#
# Then the same data, copied byte for byte (index.yaml and api/charts/<chart>), is served as plain files
# by `python3 -m http.server`, a server that is not Capstan's. Against it, capstan and helm are timed
# again, and so is `curl` fetching the bytes capstan reads: capstan minus curl is the client-side time.
#
# Time a release build. A debug build measures the wrong thing.
#   cmake --preset release && cmake --build --preset release --target capstan
#   bench/versions.sh                      # uses build/release/src/capstan
#   bench/versions.sh --capstan build/x/src/capstan --versions 2000 --runs 10
# helm comes from tests/tools/helm/helm. tests/tools/fetch-helm.sh fetches it if it is missing.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
capstan="$root/build/release/src/capstan"
helm="$root/tests/tools/helm/helm"
versions=10000
runs=5
chart=torvalds

while [ $# -gt 0 ]; do
    case "$1" in
        --capstan) capstan="$2"; shift 2 ;;
        --helm) helm="$2"; shift 2 ;;
        --versions) versions="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
        *) echo "versions.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done

[ -x "$capstan" ] || { echo "versions.sh: no capstan binary at $capstan (build the release preset first)" >&2; exit 2; }
if [ ! -x "$helm" ]; then
    helm="$(timeout 300 "$root/tests/tools/fetch-helm.sh")" || { echo "versions.sh: cannot fetch helm" >&2; exit 2; }
fi

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

# One server for both tools. The timeout wrapper passes our SIGTERM on to capstan.
echo "Seeding $versions versions of $chart and starting the server…" >&2
seed_start=$(date +%s%N)
timeout 3600 "$capstan" --cli sandbox-serve --versions "$versions" --chart "$chart" --dir "$work/storage" \
    >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
url=""
for _ in $(seq 1 1800); do   # up to 15 minutes for seeding and the first index
    url="$(head -n 1 "$work/serve.out" 2>/dev/null || true)"
    [ -n "$url" ] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.err" >&2; echo "versions.sh: the server stopped" >&2; exit 1; }
    sleep 0.5
done
[ -n "$url" ] || { echo "versions.sh: the server did not start in time" >&2; exit 1; }
echo "Server: $url (ready after $(( ($(date +%s%N) - seed_start) / 1000000 )) ms)" >&2

printf 'chartmuseum:\n  url: %s\n' "$url" >"$work/capstan.yaml"
export HELM_CACHE_HOME="$work/helm/cache" HELM_CONFIG_HOME="$work/helm/config" HELM_DATA_HOME="$work/helm/data"
timeout 300 "$helm" repo add bench "$url" >/dev/null

capstan_cmd=("$capstan" --cli --config "$work/capstan.yaml" versions "$chart")
helm_script="timeout 300 '$helm' repo update bench >/dev/null && timeout 300 '$helm' search repo $chart --versions --devel"

# Both must list every version, or the timing compares different work.
capstan_count=$(timeout 300 "${capstan_cmd[@]}" | tail -n +2 | wc -l)
helm_count=$(timeout 600 bash -c "$helm_script" | tail -n +2 | wc -l)
echo "capstan lists $capstan_count versions, helm lists $helm_count" >&2
if [ "$capstan_count" -ne "$versions" ] || [ "$helm_count" -ne "$versions" ]; then
    echo "versions.sh: expected $versions versions from both tools" >&2
    exit 1
fi

median_ms() { # reads one number (ns) per line
    sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) m = v[(NR + 1) / 2]; else m = (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f", m / 1e6 }'
}

if command -v hyperfine >/dev/null; then
    capstan_line="$(printf '%q ' "${capstan_cmd[@]}")"
    timeout 1800 hyperfine --style basic --warmup 1 --runs "$runs" \
        --export-json "$work/capstan.json" "timeout 300 $capstan_line" >&2
    timeout 3600 hyperfine --style basic --warmup 1 --runs "$runs" \
        --export-json "$work/helm.json" "$helm_script" >&2
    capstan_ms=$(jq '.results[0].median * 1000' "$work/capstan.json")
    helm_ms=$(jq '.results[0].median * 1000' "$work/helm.json")
else
    : >"$work/capstan.ns"; : >"$work/helm.ns"
    for _ in $(seq 1 "$runs"); do
        t0=$(date +%s%N); timeout 300 "${capstan_cmd[@]}" >/dev/null; t1=$(date +%s%N)
        echo $((t1 - t0)) >>"$work/capstan.ns"
        t0=$(date +%s%N); timeout 600 bash -c "$helm_script" >/dev/null; t1=$(date +%s%N)
        echo $((t1 - t0)) >>"$work/helm.ns"
    done
    capstan_ms=$(median_ms <"$work/capstan.ns")
    helm_ms=$(median_ms <"$work/helm.ns")
fi

printf 'versions of %s:  %d\n' "$chart" "$versions"
printf 'capstan median:  %.1f ms  (%s)\n' "$capstan_ms" "${capstan_cmd[*]##*/}"
printf 'helm median:     %.1f ms  (repo update + search --versions --devel)\n' "$helm_ms"
awk -v h="$helm_ms" -v c="$capstan_ms" 'BEGIN { printf "ratio helm/capstan: %.1fx\n", h / c }'

# --- The same bytes from a plain static file server --------------------------------------------------
static="$work/static"
mkdir -p "$static/api/charts"
timeout 120 curl -sf -o "$static/index.yaml" "$url/index.yaml"
timeout 120 curl -sf -o "$static/api/charts/$chart" "$url/api/charts/$chart"
static_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
timeout 3600 python3 -m http.server "$static_port" --bind 127.0.0.1 --directory "$static" \
    >"$work/static.log" 2>&1 &
static_pid=$!
trap 'kill "$static_pid" 2>/dev/null || true; cleanup' EXIT
static_url="http://127.0.0.1:$static_port"
for _ in $(seq 1 100); do
    curl -sf -o /dev/null "$static_url/index.yaml" && break
    sleep 0.1
done
printf 'chartmuseum:\n  url: %s\n' "$static_url" >"$work/static.yaml"
timeout 300 "$helm" repo add static "$static_url" >/dev/null

static_cmd=("$capstan" --cli --config "$work/static.yaml" versions "$chart")
static_helm="timeout 300 '$helm' repo update static >/dev/null && timeout 300 '$helm' search repo static/$chart --versions --devel"
curl_cmd="timeout 60 curl -sf -o /dev/null $static_url/api/charts/$chart"
static_count=$(timeout 300 "${static_cmd[@]}" | tail -n +2 | wc -l)
[ "$static_count" -eq "$versions" ] || { echo "versions.sh: capstan lists $static_count versions from the static server" >&2; exit 1; }

if command -v hyperfine >/dev/null; then
    static_line="$(printf '%q ' "${static_cmd[@]}")"
    timeout 1800 hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$work/static-capstan.json" \
        "timeout 300 $static_line" >&2
    timeout 1800 hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$work/static-curl.json" \
        "$curl_cmd" >&2
    timeout 3600 hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$work/static-helm.json" \
        "$static_helm" >&2
    s_capstan_ms=$(jq '.results[0].median * 1000' "$work/static-capstan.json")
    s_curl_ms=$(jq '.results[0].median * 1000' "$work/static-curl.json")
    s_helm_ms=$(jq '.results[0].median * 1000' "$work/static-helm.json")
else
    : >"$work/s-capstan.ns"; : >"$work/s-curl.ns"; : >"$work/s-helm.ns"
    for _ in $(seq 1 "$runs"); do
        t0=$(date +%s%N); timeout 300 "${static_cmd[@]}" >/dev/null; t1=$(date +%s%N)
        echo $((t1 - t0)) >>"$work/s-capstan.ns"
        t0=$(date +%s%N); bash -c "$curl_cmd"; t1=$(date +%s%N)
        echo $((t1 - t0)) >>"$work/s-curl.ns"
        t0=$(date +%s%N); timeout 600 bash -c "$static_helm" >/dev/null; t1=$(date +%s%N)
        echo $((t1 - t0)) >>"$work/s-helm.ns"
    done
    s_capstan_ms=$(median_ms <"$work/s-capstan.ns")
    s_curl_ms=$(median_ms <"$work/s-curl.ns")
    s_helm_ms=$(median_ms <"$work/s-helm.ns")
fi

bytes=$(stat -c %s "$static/api/charts/$chart")
echo
printf 'plain static server (python3 -m http.server), %d bytes of JSON:\n' "$bytes"
printf 'capstan median:  %.1f ms\n' "$s_capstan_ms"
printf 'curl median:     %.1f ms  (the same bytes, fetched and dropped)\n' "$s_curl_ms"
awk -v c="$s_capstan_ms" -v u="$s_curl_ms" 'BEGIN { printf "client-side:     %.1f ms  (capstan - curl; target <= 60 ms)\n", c - u }'
printf 'helm median:     %.1f ms  (repo update + search --versions --devel)\n' "$s_helm_ms"
awk -v h="$s_helm_ms" -v c="$s_capstan_ms" 'BEGIN { printf "ratio helm/capstan: %.1fx  (target >= 10x)\n", h / c }'
