#!/usr/bin/env bash
# bench/diff.sh: how long comparing two versions of a big chart takes, capstan against helm + diff.
#
# Generates a deterministic chart (400 files, about 21 MB), packages 1.0.0-1 and a 1.0.0-2 with a few
# files changed (helm package), serves both from a local ChartMuseum (`capstan --cli sandbox-serve`) and
# times, in the same run: `capstan --cli diff bench 1.0.0-1 1.0.0-2` against the usual way to see what
# changed, `helm template` of both packages + `diff -u`, in three cases:
#   cached  Capstan's chart cache warm; helm templates the local .tgz files    (target >= 20x)
#   fresh   empty XDG_CACHE_HOME; helm also downloads first: `helm pull` x2     (target >= 40x)
#   static  fresh again, against `python3 -m http.server` over a byte-for-byte copy of the index, the
#           version JSON and the .tgz files (bench/static.sh); prints capstan minus `curl` fetching the
#           same four files as Capstan's client-side time, beside the helm ratio.
# RUNS runs each (default 5), with hyperfine (else a `date +%s%N` loop); medians. Time limits on all.
#
#   cmake --preset bench && ninja -C build/bench capstan
#   bench/diff.sh --capstan build/bench/src/capstan [--runs 10] [--keep]
# helm comes from tests/tools/helm/helm (tests/tools/fetch-helm.sh fetches it).
set -euo pipefail

# shellcheck source=bench/options.sh
. "$(dirname "$0")/options.sh"
# shellcheck source=bench/static.sh
. "$here/static.sh"

work="$(mktemp -d)"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    static_stop
    if [ "$keep" = 1 ]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
chart="$work/bench"
export XDG_CACHE_HOME="$work/cache" XDG_CONFIG_HOME="$work/config" HELM_CACHE_HOME="$work/helm-cache" \
       HELM_CONFIG_HOME="$work/helm-config" HELM_DATA_HOME="$work/helm-data" LC_ALL=C.UTF-8

echo "Generating the chart in $chart…" >&2
timeout 120 python3 - "$chart" <<'PY'
import os, random, sys
root = sys.argv[1]
rng = random.Random(20261126)
def write(rel, data):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
write("Chart.yaml", b"apiVersion: v2\nname: bench\ndescription: generated benchmark chart\n"
                    b"type: application\nversion: 1.0.0-1\nappVersion: \"1.0.0\"\n")
write("values.yaml", b"replicas: 2\nimage:\n  repository: example/app\n  tag: \"1.0.0\"\n")
words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma".split()
def configmap(i, size):
    lines = ["apiVersion: v1", "kind: ConfigMap", "metadata:", "  name: cm-%d" % i, "data:"]
    n = 0
    total = 0
    while total < size:
        line = "  key-%d: \"%s %032x\"" % (n, " ".join(rng.choice(words) for _ in range(4)), rng.getrandbits(128))
        lines.append(line)
        total += len(line) + 1
        n += 1
    return ("\n".join(lines) + "\n").encode()
# 300 templates (~55 KB) + 97 assets (~50 KB) + Chart.yaml, values.yaml, README.md = 400 files, ~21 MB.
for i in range(300):
    write("templates/cm-%03d.yaml" % i, configmap(i, 54000 + rng.randrange(2000)))
for i in range(97):
    text = "".join("%s %08x\n" % (" ".join(rng.choice(words) for _ in range(6)), rng.getrandbits(32))
                   for _ in range(1050))
    write("files/asset-%03d.txt" % i, text.encode())
write("README.md", b"# bench\n\nGenerated chart for bench/diff.sh.\n")
PY
size=$(du -sb "$chart" | cut -f1)
files=$(find "$chart" -type f | wc -l)
echo "Chart: $files files, $size bytes" >&2

storage="$work/storage"
mkdir -p "$storage"
timeout 120 "$helm" package "$chart" -d "$storage" >/dev/null
# Version 2: a few files changed, one added, one removed, metadata changed.
timeout 60 python3 - "$chart" <<'PY'
import os, sys
root = sys.argv[1]
def edit(rel, old, new):
    path = os.path.join(root, rel)
    with open(path) as f:
        text = f.read()
    with open(path, "w") as f:
        f.write(text.replace(old, new, 1))
edit("Chart.yaml", "version: 1.0.0-1", "version: 1.0.0-2")
edit("Chart.yaml", "appVersion: \"1.0.0\"", "appVersion: \"1.0.1\"")
edit("values.yaml", "tag: \"1.0.0\"", "tag: \"1.0.1\"")
for i in (7, 123, 250):
    edit("templates/cm-%03d.yaml" % i, "key-10:", "key-10-changed:")
edit("files/asset-042.txt", "alpha", "ALPHA")
os.remove(os.path.join(root, "files/asset-043.txt"))
with open(os.path.join(root, "files/asset-new.txt"), "w") as f:
    f.write("a new asset\n")
PY
timeout 120 "$helm" package "$chart" -d "$storage" >/dev/null
ls -l "$storage" >&2

timeout 1800 "$capstan" --cli sandbox-serve --dir "$storage" > "$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
for _ in $(seq 100); do [ -s "$work/serve.out" ] && break; sleep 0.1; done
url="$(head -n1 "$work/serve.out")"
[ -n "$url" ] || { echo "diff.sh: the server did not start: $(cat "$work/serve.err")" >&2; exit 1; }
printf 'chartmuseum:\n  url: %s\n' "$url" > "$work/capstan.yaml"
echo "Server: $url" >&2

capstan_cmd="'$capstan' --cli --config '$work/capstan.yaml' diff bench 1.0.0-1 1.0.0-2 > '$work/capstan.diff'; test \$? -eq 1"
helm_cmd="{ '$helm' template bench '$storage/bench-1.0.0-1.tgz' > '$work/a.yaml' && '$helm' template bench '$storage/bench-1.0.0-2.tgz' > '$work/b.yaml'; } || exit 2; diff -u '$work/a.yaml' '$work/b.yaml' > '$work/helm.diff'; test \$? -eq 1"

# Warm the cache (and check both commands work and find differences).
timeout 60 bash -c "$capstan_cmd" || { echo "diff.sh: capstan diff failed" >&2; exit 1; }
timeout 60 bash -c "$helm_cmd" || { echo "diff.sh: helm template + diff failed" >&2; exit 1; }
cached=$(find "$XDG_CACHE_HOME" -name '*.tgz' | wc -l)
[ "$cached" = 2 ] || { echo "diff.sh: expected 2 cached packages, found $cached" >&2; exit 1; }

median_ms() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
timed() { # NAME PREPARE COMMAND -> the median in ms
    local i start end
    if command -v hyperfine >/dev/null && command -v jq >/dev/null; then
        timeout 600 hyperfine --style basic --warmup 1 --runs "$runs" --prepare "$2" \
            --export-json "$work/$1.json" -n "$1" "$3" >&2
        jq '.results[0].median * 1000 * 10 | round / 10' "$work/$1.json"
    else
        for i in $(seq "$runs"); do
            timeout 60 bash -c "$2"
            start=$(date +%s%N)
            timeout 60 bash -c "$3"
            end=$(date +%s%N)
            echo $(( (end - start) / 1000000 ))
        done | median_ms
    fi
}
ratio() { awk -v h="$1" -v c="$2" 'BEGIN {printf "%.1f", h / c}'; }

# Cached: both packages already in Capstan's cache; helm reads them from local files.
capstan_ms=$(timed capstan-cached true "$capstan_cmd")
helm_ms=$(timed helm-cached true "$helm_cmd")

# Fresh: nothing cached on either side. helm pull --repo fetches the index and the package, as a first
# look at two versions would.
pull="$work/pull"
fresh_prepare="rm -rf '$XDG_CACHE_HOME' '$pull' '$HELM_CACHE_HOME' && mkdir -p '$pull'"
helm_fresh() { # URL -> the command
    echo "{ '$helm' pull bench --repo '$1' --version 1.0.0-1 -d '$pull' && '$helm' pull bench --repo '$1' --version 1.0.0-2 -d '$pull' && '$helm' template bench '$pull/bench-1.0.0-1.tgz' > '$work/a.yaml' && '$helm' template bench '$pull/bench-1.0.0-2.tgz' > '$work/b.yaml'; } || exit 2; diff -u '$work/a.yaml' '$work/b.yaml' > '$work/helm.diff'; test \$? -eq 1"
}
fresh_ms=$(timed capstan-fresh "$fresh_prepare" "$capstan_cmd")
helm_fresh_ms=$(timed helm-fresh "$fresh_prepare" "$(helm_fresh "$url")")

# Static: the same bytes from a server that is not Capstan's.
static="$work/static"
paths=(index.yaml api/charts/bench/1.0.0-1 api/charts/bench/1.0.0-2)
static_copy "$url" "$static" "${paths[@]}"
for v in 1.0.0-1 1.0.0-2; do
    chart_url=$(jq -r '.urls[0]' "$static/api/charts/bench/$v")
    case "$chart_url" in
        http://* | https://* | /*) echo "diff.sh: the server lists $chart_url, not a relative URL" >&2; exit 1 ;;
    esac
    paths+=("$chart_url")
    static_copy "$url" "$static" "$chart_url"
done
static_serve "$static"
printf 'chartmuseum:\n  url: %s\n' "$static_url" > "$work/static.yaml"
static_cmd="'$capstan' --cli --config '$work/static.yaml' diff bench 1.0.0-1 1.0.0-2 > '$work/static.diff'; test \$? -eq 1"
timeout 60 bash -c "$fresh_prepare; $static_cmd" || { echo "diff.sh: capstan diff against the static server failed" >&2; exit 1; }
cmp -s "$work/capstan.diff" "$work/static.diff" || { echo "diff.sh: the static server gives another diff" >&2; exit 1; }
curl_cmd="timeout 60 curl -sf$(printf " -o /dev/null '$static_url/%s'" "${paths[@]:1}")"
static_ms=$(timed capstan-static "$fresh_prepare" "$static_cmd")
curl_ms=$(timed curl-static true "$curl_cmd")
helm_static_ms=$(timed helm-static "$fresh_prepare" "$(helm_fresh "$static_url")")
bytes=$(cat "$static/${paths[1]}" "$static/${paths[2]}" "$static/${paths[3]}" "$static/${paths[4]}" | wc -c)

echo
echo "chart: $files files, $size bytes; packages $(stat -c %s "$storage/bench-1.0.0-1.tgz") and $(stat -c %s "$storage/bench-1.0.0-2.tgz") bytes"
echo "capstan diff: $(grep -c '^diff --git' "$work/capstan.diff") files; helm diff: $(wc -l < "$work/helm.diff") lines"
echo "cached (in-repo server):"
echo "  capstan diff:                  median ${capstan_ms} ms"
echo "  helm template x2 + diff -u:    median ${helm_ms} ms"
echo "  ratio helm/capstan:            $(ratio "$helm_ms" "$capstan_ms")x (target >= 20x)"
echo "fresh, empty caches (in-repo server):"
echo "  capstan diff:                  median ${fresh_ms} ms"
echo "  helm pull x2 + template x2 + diff -u: median ${helm_fresh_ms} ms"
echo "  ratio helm/capstan:            $(ratio "$helm_fresh_ms" "$fresh_ms")x (target >= 40x)"
echo "fresh, plain static server (python3 -m http.server, $bytes bytes fetched):"
echo "  capstan diff:                  median ${static_ms} ms"
echo "  curl of the same 4 files:      median ${curl_ms} ms"
echo "  client-side (capstan - curl):  $(ms_minus "$static_ms" "$curl_ms") ms"
echo "  helm pull x2 + template x2 + diff -u: median ${helm_static_ms} ms"
echo "  ratio helm/capstan:            $(ratio "$helm_static_ms" "$static_ms")x (target >= 40x)"
