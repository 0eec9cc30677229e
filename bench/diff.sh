#!/usr/bin/env bash
# bench/diff.sh: how long comparing two versions of a big chart takes, capstan against helm + diff.
#
# Generates a deterministic chart (400 files, about 21 MB: generated ConfigMaps under templates/ and
# text assets under files/), packages version 1.0.0-1 and a version 1.0.0-2 with a few files changed
# (helm package), serves both from a local ChartMuseum (`capstan --cli sandbox-serve --dir`), warms
# Capstan's chart cache once, then times in the same run:
#
#   capstan  `capstan --cli diff bench 1.0.0-1 1.0.0-2`          (cached packages, libgit2 patches)
#   helm     `helm template` of both packages, then `diff -u`      (the usual way to see what changed)
#
# RUNS runs each (default 5), with hyperfine when installed, else a `date +%s%N` loop. Prints both
# medians and the ratio helm/capstan (target >= 20x). Every step has a time limit.
#
#   cmake -S . -B build/diff-rel -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo && ninja -C build/diff-rel capstan
#   bench/diff.sh --capstan build/diff-rel/src/capstan [--runs 10] [--keep]
set -euo pipefail

# shellcheck source=bench/options.sh
. "$(dirname "$0")/options.sh"

work="$(mktemp -d)"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
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

timeout 30 "$capstan" --cli sandbox-serve --dir "$storage" > "$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
for _ in $(seq 100); do [ -s "$work/serve.out" ] && break; sleep 0.1; done
url="$(head -n1 "$work/serve.out")"
[ -n "$url" ] || { echo "diff.sh: the server did not start: $(cat "$work/serve.err")" >&2; exit 1; }
printf 'chartmuseum:\n  url: %s\n' "$url" > "$work/capstan.yaml"
echo "Server: $url" >&2

capstan_cmd="'$capstan' --cli --config '$work/capstan.yaml' diff bench 1.0.0-1 1.0.0-2 > '$work/capstan.diff'; test \$? -eq 1"
helm_cmd="'$helm' template bench '$storage/bench-1.0.0-1.tgz' > '$work/a.yaml' && '$helm' template bench '$storage/bench-1.0.0-2.tgz' > '$work/b.yaml'; diff -u '$work/a.yaml' '$work/b.yaml' > '$work/helm.diff'; test \$? -eq 1"

# Warm the cache (and check both commands work and find differences).
timeout 60 bash -c "$capstan_cmd" || { echo "diff.sh: capstan diff failed" >&2; exit 1; }
timeout 60 bash -c "$helm_cmd" || { echo "diff.sh: helm template + diff failed" >&2; exit 1; }
cached=$(find "$XDG_CACHE_HOME" -name '*.tgz' | wc -l)
[ "$cached" = 2 ] || { echo "diff.sh: expected 2 cached packages, found $cached" >&2; exit 1; }

median_ms() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
time_runs() { # command -> one millisecond figure per line
    local i start end
    for i in $(seq "$runs"); do
        start=$(date +%s%N)
        timeout 60 bash -c "$1"
        end=$(date +%s%N)
        echo $(( (end - start) / 1000000 ))
    done
}

if command -v hyperfine >/dev/null; then
    timeout 170 hyperfine --runs "$runs" --export-json "$work/h.json" -n capstan "$capstan_cmd" -n helm "$helm_cmd" >&2
    capstan_ms=$(python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results']; print(round(r[0]['median']*1000,1))" "$work/h.json")
    helm_ms=$(python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results']; print(round(r[1]['median']*1000,1))" "$work/h.json")
else
    capstan_ms=$(time_runs "$capstan_cmd" | median_ms)
    helm_ms=$(time_runs "$helm_cmd" | median_ms)
fi
ratio=$(awk -v h="$helm_ms" -v c="$capstan_ms" 'BEGIN {printf "%.1f", h / c}')
echo "capstan diff (cached):           median ${capstan_ms} ms"
echo "helm template x2 + diff -u:      median ${helm_ms} ms"
echo "ratio helm/capstan:              ${ratio}x (target >= 20x)"
echo "capstan diff: $(grep -c '^diff --git' "$work/capstan.diff") files; helm diff: $(wc -l < "$work/helm.diff") lines"
