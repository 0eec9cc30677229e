# Sourced by the helm benchmarks: their shared options and checks.
#   --capstan BIN  --helm BIN  --runs N  --keep  --help (prints lines 2-17 of the script)
# Sets: here, root, name, capstan, helm, runs, keep; capstan and helm are checked and made absolute.
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
name="$(basename "$0")"
capstan="$root/build/release/src/capstan"
helm="$root/tests/tools/helm/helm"
runs=5
keep=0

while [ $# -gt 0 ]; do
    case "$1" in
        --capstan) capstan="$2"; shift 2 ;;
        --helm) helm="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --keep) keep=1; shift ;;
        -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
        *) echo "$name: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done

[ -x "$capstan" ] || { echo "$name: no capstan binary at $capstan (build a release first)" >&2; exit 2; }
[ -x "$helm" ] || { echo "$name: no helm binary at $helm" >&2; exit 2; }
capstan="$(realpath "$capstan")"
helm="$(realpath "$helm")"
command -v python3 >/dev/null || { echo "$name: python3 is needed to generate the chart" >&2; exit 2; }
