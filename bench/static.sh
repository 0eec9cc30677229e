# Sourced by the benchmarks that also time Capstan against a plain static file server, one that is not
# Capstan's: `python3 -m http.server` over a byte-for-byte copy of what the in-repo server serves.
#   static_copy URL DIR PATH...  copies each PATH below URL to DIR/PATH, byte for byte
#   static_serve DIR             serves DIR on a free local port; sets static_url and static_pid
#   static_stop                  stops it (call it from the caller's EXIT trap)
#   ms_minus A B                 prints A - B (milliseconds, one decimal)
static_url=""
static_pid=""

static_copy() {
    local url="$1" dir="$2" path
    shift 2
    for path in "$@"; do
        mkdir -p "$dir/$(dirname "$path")"
        timeout 120 curl -sf -o "$dir/$path" "$url/$path" || { echo "static.sh: cannot copy $url/$path" >&2; return 1; }
    done
}

static_serve() {
    local dir="$1" port
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    timeout 3600 python3 -m http.server "$port" --bind 127.0.0.1 --directory "$dir" >"$dir.log" 2>&1 &
    static_pid=$!
    static_url="http://127.0.0.1:$port"
    for _ in $(seq 1 100); do
        curl -sf -o /dev/null "$static_url/" && return 0
        sleep 0.1
    done
    echo "static.sh: python3 -m http.server did not start on port $port" >&2
    return 1
}

static_stop() {
    if [ -n "$static_pid" ]; then
        kill "$static_pid" 2>/dev/null || true
        wait "$static_pid" 2>/dev/null || true
        static_pid=""
    fi
}

ms_minus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a - b }'; }
