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
