#!/usr/bin/env bash
# Runs a test inside the current D-Bus session with a real, unlocked Secret Service (gnome-keyring).
set -euo pipefail
XDG_DATA_HOME="$(mktemp -d)"
XDG_RUNTIME_DIR="$(mktemp -d)"
chmod 700 "$XDG_RUNTIME_DIR"
export XDG_DATA_HOME XDG_RUNTIME_DIR
trap 'rm -rf "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"' EXIT
printf 'capstan-test\n' | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null
"$@"
