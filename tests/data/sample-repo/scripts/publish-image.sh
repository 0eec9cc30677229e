#!/bin/sh
# Prints what a real image publish would push (tags from CAPSTAN_IMAGE_TAGS); pushes nothing.
set -eu
version=${1:?usage: publish-image.sh VERSION}
for tag in ${CAPSTAN_IMAGE_TAGS:-$version}; do
    echo "would push ghcr.io/homelab/sample-app:$tag"
done
