#!/usr/bin/env bash
# Runs a test inside the current D-Bus session with a real, unlocked Secret Service (gnome-keyring).
set -euo pipefail
export XDG_DATA_HOME="${XDG_DATA_HOME:-$(mktemp -d)}"
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
chmod 700 "$XDG_RUNTIME_DIR"
eval "$(printf 'capstan-test\n' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
trap 'kill "${GNOME_KEYRING_PID:-0}" 2>/dev/null || true' EXIT
"$@"
