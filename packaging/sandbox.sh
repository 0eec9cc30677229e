#!/usr/bin/env bash
# Installs what the app needs, builds the app alone (release preset: optimised, no debug info, no tests)
# and starts it in sandbox mode: local servers on 127.0.0.1 seeded with a realistic history, so there is
# real data to look at.
#   bash packaging/sandbox.sh [OPTIONS]     build, then open the window (OPTIONS go to capstan)
#   bash packaging/sandbox.sh --build-only  build, then say how to start it
# The window needs a display. Without one (neither DISPLAY nor WAYLAND_DISPLAY nor QT_QPA_PLATFORM set)
# the script says so before installing or building anything and exits with 2, naming the commands that
# work instead (a virtual display, the command line, --build-only).
set -euo pipefail
cd "$(dirname "$0")/.."
binary=build/release/src/capstan

build_only=0
if [ "${1:-}" = "--build-only" ]; then
  build_only=1
  shift
fi

if [ "$build_only" -eq 0 ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] &&
   [ -z "${QT_QPA_PLATFORM:-}" ]; then
  args=""
  [ "$#" -gt 0 ] && args=" $(printf '%q ' "$@")" && args="${args% }"
  cat >&2 <<MESSAGE
sandbox.sh: there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set), so the sandbox window
cannot open. Nothing was built. Instead:
  - on a virtual display (the app runs; nothing is shown on this screen):
      xvfb-run -a -s "-screen 0 1400x900x24" bash packaging/sandbox.sh$args
  - the sandbox from the command line, which needs no display:
      bash packaging/sandbox.sh --build-only && $binary --cli --sandbox charts
  - from a desktop session, or over ssh -X, this same command opens the window.
MESSAGE
  exit 2
fi

bash packaging/install-deps.sh app
export CCACHE_BASEDIR="$PWD"
cmake --preset release >/dev/null
cmake --build --preset release # the capstan target only
if [ "$build_only" -eq 1 ]; then
  echo "Built $binary. Start the sandbox with:"
  echo "  $binary --sandbox                                   (needs a display)"
  echo "  xvfb-run -a -s \"-screen 0 1400x900x24\" $binary --sandbox   (virtual display)"
  echo "  $binary --cli --sandbox charts                      (command line, no display)"
  exit 0
fi
exec "$binary" --sandbox "$@"
