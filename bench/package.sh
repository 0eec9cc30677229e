#!/usr/bin/env bash
# bench/package.sh: how long packaging a big chart takes, capstan against helm, on the same directory.
#
# Generates two deterministic charts of 400 files, about 21 MB each, and times on each, in the same run:
#   capstan  `capstan --cli package DIR -d OUT`   (native: libarchive framing, libdeflate gzip)
#   helm     `helm package DIR -d OUT`
# Charts: "yaml", generated Kubernetes YAML only (Deployments, Services, ConfigMaps as a cdk8s-style
# synth writes them; the case the targets are for), and "assets", ConfigMaps plus base64-alphabet noise.
# Each tool runs RUNS times (default 5) with hyperfine (else a `date +%s%N` loop). Prints per chart both
# medians, the ratio helm/capstan (target >= 2.5x on "yaml"), both output sizes (capstan's must be no
# larger than helm's) and whether capstan's package is byte-identical on every run. Time limits on all.
#
#   cmake --preset bench && ninja -C build/bench capstan
#   bench/package.sh --capstan build/bench/src/capstan [--runs 10] [--keep]
#   BENCH_CHARTS=yaml bench/package.sh ...   # only the all-YAML chart
# Profile one run: --keep, then perf record -g / strace -c on the capstan command over the kept chart.
# helm comes from tests/tools/helm/helm (tests/tools/fetch-helm.sh fetches it).
set -euo pipefail

# shellcheck source=bench/options.sh
. "$(dirname "$0")/options.sh"

work="$(mktemp -d)"
cleanup() { if [ "$keep" = 1 ]; then echo "kept $work" >&2; else rm -rf "$work"; fi; }
trap cleanup EXIT
export HELM_CACHE_HOME="$work/helm/cache" HELM_CONFIG_HOME="$work/helm/config" HELM_DATA_HOME="$work/helm/data"
export XDG_CONFIG_HOME="$work/xdg"   # no user capstan.yaml: DIR and -d decide everything
mkdir -p "$XDG_CONFIG_HOME"
cd "$work"

generate() { # KIND DIR
    timeout 120 python3 - "$2" "$1" <<'PY'
import os, random, sys
root, kind = sys.argv[1], sys.argv[2]
rng = random.Random(20261208 if kind == "yaml" else 20261125)
def write(rel, data):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
write("Chart.yaml", b"apiVersion: v2\nname: bench\ndescription: generated benchmark chart\n"
                    b"type: application\nversion: 1.0.0-1\nappVersion: \"1.0.0\"\n")
write("values.yaml", b"replicas: 2\nimage:\n  repository: example/app\n  tag: latest\n")
write(".helmignore", b"*.tmp\n.git/\n")
words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma " \
        "tau upsilon phi chi psi omega".split()
bwords = [w.encode() for w in words]
ports = (8080, 8443, 9090, 3000)
cpus = (100, 250, 500, 1000, 2000)
mems = (128, 256, 512, 1024, 2048)
def h8():
    return "%08x" % rng.getrandbits(32)
def resource(app, i):
    name = "%s-%s-c8%s" % (app, rng.choice(words), h8())
    labels = "      app.kubernetes.io/name: %s\n      app.kubernetes.io/instance: %s-%d\n" \
             "      cdk8s.io/metadata.addr: c8%s\n" % (app, app, i, h8())
    kind = rng.randrange(3)
    if kind == 0:
        env = "".join("            - name: %s_%s\n              value: \"%s-%d\"\n"
                      % (rng.choice(words).upper(), rng.choice(words).upper(), rng.choice(words),
                         rng.randrange(4)) for _ in range(rng.randrange(4, 12)))
        return ("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: %s\n  labels:\n%s"
                "spec:\n  replicas: %d\n  selector:\n    matchLabels:\n%s  template:\n    metadata:\n"
                "      labels:\n%s    spec:\n      automountServiceAccountToken: false\n      containers:\n"
                "        - name: main\n          image: registry.example.com/%s:%d.%d.%d\n"
                "          imagePullPolicy: IfNotPresent\n          env:\n%s"
                "          ports:\n            - containerPort: %d\n          resources:\n"
                "            limits:\n              cpu: %dm\n              memory: %dMi\n"
                "            requests:\n              cpu: %dm\n              memory: %dMi\n"
                "          securityContext:\n            allowPrivilegeEscalation: false\n"
                "            readOnlyRootFilesystem: true\n            runAsNonRoot: true\n"
                "          readinessProbe:\n            httpGet:\n              path: /healthz\n"
                "              port: %d\n            periodSeconds: 10\n"
                % (name, labels.replace("      ", "    "), rng.randrange(1, 6), labels, labels.replace("      ", "        "),
                   app, 1, rng.randrange(3), rng.randrange(4), env, rng.choice(ports),
                   rng.choice(cpus), rng.choice(mems), rng.choice(cpus) // 2, rng.choice(mems) // 2, rng.choice(ports)))
    if kind == 1:
        return ("apiVersion: v1\nkind: Service\nmetadata:\n  name: %s\n  labels:\n%s"
                "spec:\n  ports:\n    - port: %d\n      targetPort: %d\n      protocol: TCP\n"
                "  selector:\n%s  type: ClusterIP\n"
                % (name, labels.replace("      ", "    "), rng.choice((80, 443)), rng.choice(ports),
                   labels.replace("      ", "    ")))
    data = "".join("  %s.setting-%d: \"%s\"\n" % (app, k, rng.choice(words[:8]))
                   for k in range(rng.randrange(10, 40)))
    return ("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %s\n  labels:\n%sdata:\n%s"
            % (name, labels.replace("      ", "    "), data))
def manifest(i, size):
    app = "%s-%s" % (rng.choice(words), rng.choice(words))
    out = []
    total = 0
    n = 0
    while total < size:
        r = resource(app, n)
        out.append(r)
        total += len(r) + 4
        n += 1
    return "---\n".join(out).encode()
def configmaps(i, size):
    out = bytearray()
    n = 0
    while len(out) < size:
        name = b"-".join(rng.choice(bwords) for _ in range(3))
        out += (b"---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-%d-%d\n  labels:\n"
                b"    app.kubernetes.io/name: %s\n    app.kubernetes.io/instance: bench-%d\n"
                b"data:\n  key-%d: \"%s\"\n  checksum: \"%032x\"\n  replicas: \"%d\"\n"
                % (i, n, name, rng.randrange(1000), n, name, rng.getrandbits(128), rng.randrange(10)))
        n += 1
    return bytes(out)
total = 0
if kind == "yaml":
    # 397 synthesised manifests (~53 KB each, several resources apiece) with the 3 files above.
    for i in range(397):
        data = manifest(i, 50000 + rng.randrange(6000))
        write("templates/%03d-%s.k8s.yaml" % (i, h8()) if i < 300 else "files/rendered/%03d.k8s.yaml" % i, data)
        total += len(data)
else:
    # 340 generated ConfigMaps (~37 KB each) and 57 assets (~150 KB each): 400 files with the 3 above.
    alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    for i in range(340):
        data = configmaps(i, 36000 + rng.randrange(4000))
        write("templates/generated/cm-%03d.yaml" % i if i < 200 else "files/config/cfg-%03d.yaml" % i, data)
        total += len(data)
    for i in range(57):
        size = 140000 + rng.randrange(20000)
        data = bytes(alphabet[b & 63] for b in rng.randbytes(size))
        write("files/assets/blob-%02d.bin" % i, data)
        total += len(data)
print("%d bytes" % total, file=sys.stderr)
PY
}

median_ms() { # one number (ns) per line
    sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) m = v[(NR + 1) / 2]; else m = (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f", m / 1e6 }'
}

status=0
bench_chart() { # KIND
    local kind="$1" chart="$work/$1/bench" out="$work/$1/out"
    echo "Generating the $kind chart in $chart…" >&2
    generate "$kind" "$chart"
    local files bytes
    files=$(find "$chart" -type f | wc -l)
    bytes=$(du -sb "$chart" | cut -f1)
    mkdir -p "$out/capstan" "$out/capstan-again" "$out/helm"
    local capstan_cmd="timeout 120 '$capstan' --cli package '$chart' -d '$out/capstan' >/dev/null"
    local helm_cmd="timeout 120 '$helm' package '$chart' -d '$out/helm' >/dev/null"
    local ours="$out/capstan/bench-1.0.0-1.tgz" theirs="$out/helm/bench-1.0.0-1.tgz"

    # Both must package the same files, or the timing compares different work.
    bash -c "$capstan_cmd"
    bash -c "$helm_cmd"
    if ! diff <(tar tzf "$ours" | sort) <(tar tzf "$theirs" | sort) >/dev/null; then
        echo "package.sh: capstan and helm packaged different file lists ($kind)" >&2
        exit 1
    fi
    # Reproducible: a second package, and the last timed one, must be the same bytes as the first.
    cp "$ours" "$out/first.tgz"
    timeout 120 "$capstan" --cli package "$chart" -d "$out/capstan-again" >/dev/null

    local capstan_ms helm_ms capstan_cpu="" helm_cpu=""
    if command -v hyperfine >/dev/null && command -v jq >/dev/null; then
        timeout 170 hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$work/$kind.json" \
            -n capstan "$capstan_cmd" -n helm "$helm_cmd" >&2
        capstan_ms=$(jq '.results[0].median * 1000' "$work/$kind.json")
        helm_ms=$(jq '.results[1].median * 1000' "$work/$kind.json")
        # CPU time is steadier than wall time on a shared machine: report it too.
        capstan_cpu=$(jq '(.results[0].user + .results[0].system) * 1000' "$work/$kind.json")
        helm_cpu=$(jq '(.results[1].user + .results[1].system) * 1000' "$work/$kind.json")
    else
        : >"$work/capstan.ns"; : >"$work/helm.ns"
        for _ in $(seq 1 "$runs"); do
            t0=$(date +%s%N); bash -c "$capstan_cmd"; t1=$(date +%s%N); echo $((t1 - t0)) >>"$work/capstan.ns"
            t0=$(date +%s%N); bash -c "$helm_cmd"; t1=$(date +%s%N); echo $((t1 - t0)) >>"$work/helm.ns"
        done
        capstan_ms=$(median_ms <"$work/capstan.ns")
        helm_ms=$(median_ms <"$work/helm.ns")
    fi
    local same="yes"
    cmp -s "$out/first.tgz" "$out/capstan-again/bench-1.0.0-1.tgz" && cmp -s "$out/first.tgz" "$ours" || same="NO"

    local ours_size theirs_size
    ours_size=$(stat -c %s "$ours")
    theirs_size=$(stat -c %s "$theirs")
    echo
    printf '%s chart:       %d files, %d bytes\n' "$kind" "$files" "$bytes"
    printf 'capstan median:   %.1f ms\n' "$capstan_ms"
    printf 'helm median:      %.1f ms\n' "$helm_ms"
    awk -v h="$helm_ms" -v c="$capstan_ms" 'BEGIN { printf "ratio helm/capstan: %.2fx (target >= 2.5x, stretch 3x)\n", h / c }'
    if [ -n "$capstan_cpu" ]; then
        printf 'cpu (user+sys, mean): capstan %.1f ms, helm %.1f ms\n' "$capstan_cpu" "$helm_cpu"
    fi
    printf 'output size:      capstan %d bytes, helm %d bytes\n' "$ours_size" "$theirs_size"
    printf 'reproducible:     %s (%d packages compared byte for byte)\n' "$same" $((runs + 3))
    if [ "$ours_size" -gt "$theirs_size" ]; then
        echo "package.sh: capstan's package is larger than helm's ($kind)" >&2
        status=1
    fi
    if [ "$same" != yes ]; then
        echo "package.sh: capstan's package differs between runs ($kind)" >&2
        status=1
    fi
}

for kind in ${BENCH_CHARTS:-yaml assets}; do
    bench_chart "$kind"
done
exit "$status"
