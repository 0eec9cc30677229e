# Shared by the sample checks. Knobs for tests:
#   SAMPLE_FAIL=<check>     that check fails (exit 1)
#   SAMPLE_SLEEP=<seconds>  every check sleeps that long (SAMPLE_SLOW=<check>: only that one)
#   SAMPLE_OVERLAP=<dir>    each check marks <dir>/<check> and waits (30 s at most) until every check of
#                           SAMPLE_CHECKS (default: test lint typecheck) has marked it, else fails (exit 3)
#   SAMPLE_MARKS=<dir>      each check writes <dir>/<check>.pid (its shell and its sleep) while it runs
run_check() {
    name=$1
    shift
    echo "$name: starting"
    if [ -n "${SAMPLE_OVERLAP:-}" ]; then
        mkdir -p "$SAMPLE_OVERLAP"
        : >"$SAMPLE_OVERLAP/$name"
        tries=0
        for other in ${SAMPLE_CHECKS:-test lint typecheck}; do
            while [ ! -e "$SAMPLE_OVERLAP/$other" ]; do
                if [ "$tries" -ge 300 ]; then
                    echo "$name: $other did not run alongside" >&2
                    exit 3
                fi
                sleep 0.1
                tries=$((tries + 1))
            done
        done
        echo "$name: ran alongside ${SAMPLE_CHECKS:-test lint typecheck}"
    fi
    if [ -n "${SAMPLE_SLEEP:-}" ] && { [ -z "${SAMPLE_SLOW:-}" ] || [ "$SAMPLE_SLOW" = "$name" ]; }; then
        sleep "$SAMPLE_SLEEP" &
        sleeper=$!
        if [ -n "${SAMPLE_MARKS:-}" ]; then
            mkdir -p "$SAMPLE_MARKS"
            echo "$$ $sleeper" >"$SAMPLE_MARKS/$name.pid.tmp"
            mv "$SAMPLE_MARKS/$name.pid.tmp" "$SAMPLE_MARKS/$name.pid"
        fi
        wait "$sleeper"
    fi
    if [ "${SAMPLE_FAIL:-}" = "$name" ]; then
        echo "$name: 1 problem found (SAMPLE_FAIL=$name)" >&2
        exit 1
    fi
    echo "$@"
}
