#!/usr/bin/env bash
# What a distribution checks, run by CI: the AppStream metainfo and the .desktop file validate; the .deb
# builds from a release build of the app alone (ccache reused); lintian finds no error in it; it installs
# with apt-get (its Depends resolve to what is installed, nothing else is pulled in); the installed capstan
# answers --help, --cli --version and --cli journal without a display; then it is purged again, leaving
# the machine as it was. Refuses to run where a capstan package is already installed.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

step() { printf '\n== %s\n' "$*"; }
fail() { echo "packaging/check.sh: $*" >&2; exit 1; }

if dpkg-query -W -f='${Status}' capstan 2>/dev/null | grep -q "installed"; then
  fail "a capstan package is installed on this machine; the check installs and purges its own, so remove it first"
fi
bash packaging/install-deps.sh

step "AppStream metainfo and desktop file"
appstreamcli validate --no-net packaging/net.capstan.Capstan.metainfo.xml
desktop-file-validate packaging/net.capstan.Capstan.desktop

step "release build of the app"
export CCACHE_BASEDIR="$root"
cmake --preset release >/dev/null
cmake --build --preset release

step ".deb"
work="$(mktemp -d)"
installed=0
cleanup() {
  if [ "$installed" -eq 1 ]; then $sudo apt-get purge -y -qq capstan >/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
chmod 755 "$work" # apt reads the local package as its own user
cpack --config build/release/CPackConfig.cmake -B "$work" >/dev/null
deb="$(ls "$work"/capstan_*.deb)"
dpkg-deb --field "$deb"
dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/bin/capstan >"$work/capstan"
echo "$(basename "$deb"): $(stat -c %s "$deb") bytes; usr/bin/capstan: $(stat -c %s "$work/capstan") bytes"
if readelf -S --wide "$work/capstan" | grep -q '\.symtab\|\.debug_'; then
  fail "usr/bin/capstan in the .deb is not stripped"
fi

step "lintian"
lintian --fail-on error --tag-display-limit 0 "$deb"

step "install with apt-get"
would="$(apt-get install --simulate --no-install-recommends "$deb" 2>/dev/null | awk '/^Inst /{print $2}' | tr '\n' ' ')"
[ "$would" = "capstan " ] || fail "installing the .deb would also install: ${would:-nothing resolvable} (its Depends must be installed by packaging/install-deps.sh)"
installed=1
$sudo apt-get install -y -qq --no-install-recommends "$deb" >/dev/null

step "the installed capstan, without a display"
headless=(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM)
version="$("${headless[@]}" /usr/bin/capstan --cli --version)"
echo "$version"
[ "$version" = "capstan $(sed -n 's/^project(Capstan VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)" ] ||
  fail "capstan --cli --version printed \"$version\""
help="$("${headless[@]}" /usr/bin/capstan --help)"
grep -q -- "capstan --cli --help" <<<"$help" || fail "capstan --help does not point to the command line: $help"
"${headless[@]}" CAPSTAN_JOURNAL="$work/journal.db" HOME="$work" XDG_CONFIG_HOME="$work" /usr/bin/capstan --cli journal >/dev/null ||
  fail "capstan --cli journal failed (is the Qt SQLite driver a dependency?)"

step "purge"
$sudo apt-get purge -y -qq capstan >/dev/null
installed=0
if dpkg-query -W -f='${Status}' capstan 2>/dev/null | grep -q "installed\|config-files"; then
  fail "capstan is still known to dpkg after the purge"
fi
echo "packaging check passed"
