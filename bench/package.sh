#!/usr/bin/env bash
# bench/package.sh: how long packaging a big chart takes, capstan against helm, on the same directory.
#
# Generates a deterministic chart in a temp dir: 400 files, about 21 MB — generated Kubernetes YAML
# under templates/ and files/ plus binary-ish assets (base64-alphabet noise, each well under 5 MiB) —
# then times, in the same run:
#
#   capstan  `capstan --cli package DIR -d OUT`   (native: libarchive framing, libdeflate gzip)
#   helm     `helm package DIR -d OUT`
#
# Each tool runs RUNS times (default 5), with hyperfine when installed and a `date +%s%N` loop
# otherwise. Prints both medians, the ratio helm/capstan (target >= 2.5x) and both output sizes
# (capstan's must be no larger than helm's). Every step has a time limit.
#
# Time a release build:
#   cmake -S . -B build/pkg-rel -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo && ninja -C build/pkg-rel capstan
#   bench/package.sh --capstan build/pkg-rel/src/capstan [--runs 10] [--keep]
set -euo pipefail

# shellcheck source=bench/options.sh
. "$(dirname "$0")/options.sh"

work="$(mktemp -d)"
cleanup() { if [ "$keep" = 1 ]; then echo "kept $work" >&2; else rm -rf "$work"; fi; }
trap cleanup EXIT
chart="$work/bench-chart"

echo "Generating the chart in $chart…" >&2
timeout 120 python3 - "$chart" <<'PY'
import os, random, sys
root = sys.argv[1]
rng = random.Random(20261125)
def write(rel, data):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
write("Chart.yaml", b"apiVersion: v2\nname: bench\ndescription: generated benchmark chart\n"
                    b"type: application\nversion: 1.0.0-1\nappVersion: \"1.0.0\"\n")
write("values.yaml", b"replicas: 2\nimage:\n  repository: example/app\n  tag: latest\n")
write(".helmignore", b"*.tmp\n.git/\n")
words = [w.encode() for w in "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi "
         "omicron pi rho sigma tau upsilon phi chi psi omega".split()]
def manifest(i, size):
    out = bytearray()
    n = 0
    while len(out) < size:
        name = b"-".join(rng.choice(words) for _ in range(3))
        out += (b"---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-%d-%d\n  labels:\n"
                b"    app.kubernetes.io/name: %s\n    app.kubernetes.io/instance: bench-%d\n"
                b"data:\n  key-%d: \"%s\"\n  checksum: \"%032x\"\n  replicas: \"%d\"\n"
                % (i, n, name, rng.randrange(1000), n, name, rng.getrandbits(128), rng.randrange(10)))
        n += 1
    return bytes(out)
alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
total = 0
# 340 generated manifests (~37 KB each) and 57 assets (~150 KB each): 400 files with the 3 above.
for i in range(340):
    data = manifest(i, 36000 + rng.randrange(4000))
    write("templates/generated/cm-%03d.yaml" % i if i < 200 else "files/config/cfg-%03d.yaml" % i, data)
    total += len(data)
for i in range(57):
    size = 140000 + rng.randrange(20000)
    data = bytes(alphabet[b & 63] for b in rng.randbytes(size))
    write("files/assets/blob-%02d.bin" % i, data)
    total += len(data)
print("%d bytes" % total, file=sys.stderr)
PY
files=$(find "$chart" -type f | wc -l)
bytes=$(du -sb "$chart" | cut -f1)
echo "Chart: $files files, $bytes bytes" >&2

export HELM_CACHE_HOME="$work/helm/cache" HELM_CONFIG_HOME="$work/helm/config" HELM_DATA_HOME="$work/helm/data"
export XDG_CONFIG_HOME="$work/xdg"   # no user capstan.yaml: DIR and -d decide everything
mkdir -p "$work/out-capstan" "$work/out-helm" "$XDG_CONFIG_HOME"
cd "$work"

capstan_cmd="timeout 120 '$capstan' --cli package '$chart' -d '$work/out-capstan' >/dev/null"
helm_cmd="timeout 120 '$helm' package '$chart' -d '$work/out-helm' >/dev/null"

# Both must package the same files, or the timing compares different work.
bash -c "$capstan_cmd"
bash -c "$helm_cmd"
ours="$work/out-capstan/bench-1.0.0-1.tgz"
theirs="$work/out-helm/bench-1.0.0-1.tgz"
if ! diff <(tar tzf "$ours" | sort) <(tar tzf "$theirs" | sort) >/dev/null; then
    echo "package.sh: capstan and helm packaged different file lists" >&2
    exit 1
fi

median_ms() { # one number (ns) per line
    sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) m = v[(NR + 1) / 2]; else m = (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f", m / 1e6 }'
}

if command -v hyperfine >/dev/null && command -v jq >/dev/null; then
    timeout 170 hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$work/times.json" \
        -n capstan "$capstan_cmd" -n helm "$helm_cmd" >&2
    capstan_ms=$(jq '.results[0].median * 1000' "$work/times.json")
    helm_ms=$(jq '.results[1].median * 1000' "$work/times.json")
    # CPU time is steadier than wall time on a shared machine: report it too.
    capstan_cpu=$(jq '(.results[0].user + .results[0].system) * 1000' "$work/times.json")
    helm_cpu=$(jq '(.results[1].user + .results[1].system) * 1000' "$work/times.json")
else
    : >"$work/capstan.ns"; : >"$work/helm.ns"
    for _ in $(seq 1 "$runs"); do
        t0=$(date +%s%N); bash -c "$capstan_cmd"; t1=$(date +%s%N); echo $((t1 - t0)) >>"$work/capstan.ns"
        t0=$(date +%s%N); bash -c "$helm_cmd"; t1=$(date +%s%N); echo $((t1 - t0)) >>"$work/helm.ns"
    done
    capstan_ms=$(median_ms <"$work/capstan.ns")
    helm_ms=$(median_ms <"$work/helm.ns")
fi

if [ -n "${capstan_cpu:-}" ]; then
    printf 'cpu (user+sys, mean): capstan %.1f ms, helm %.1f ms, ratio %.1fx\n' "$capstan_cpu" "$helm_cpu" \
        "$(awk -v h="$helm_cpu" -v c="$capstan_cpu" 'BEGIN { print h / c }')"
fi
ours_size=$(stat -c %s "$ours")
theirs_size=$(stat -c %s "$theirs")
printf 'chart:            %d files, %d bytes\n' "$files" "$bytes"
printf 'capstan median:   %.1f ms\n' "$capstan_ms"
printf 'helm median:      %.1f ms\n' "$helm_ms"
awk -v h="$helm_ms" -v c="$capstan_ms" 'BEGIN { printf "ratio helm/capstan: %.1fx (target >= 2.5x)\n", h / c }'
printf 'output size:      capstan %d bytes, helm %d bytes\n' "$ours_size" "$theirs_size"
if [ "$ours_size" -gt "$theirs_size" ]; then
    echo "package.sh: capstan's package is larger than helm's: tune the libdeflate level in ChartArchiveWriter" >&2
    exit 1
fi
