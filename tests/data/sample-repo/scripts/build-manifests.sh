#!/bin/sh
# Writes the Kubernetes manifests of version $1 into dist/, as `bun run build` does in the homelab repo: each
# file of deploy/ with __VERSION__ replaced.
set -eu
version=${1:?usage: build-manifests.sh VERSION}
mkdir -p dist
written=""
for manifest in deploy/*.yaml; do
    sed "s/__VERSION__/$version/g" "$manifest" >"dist/${manifest#deploy/}"
    written="$written dist/${manifest#deploy/}"
done
echo "manifests: wrote$written for $version"
