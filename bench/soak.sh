#!/usr/bin/env bash
# Soak under faults: N prod deploys with `capstan --cli deploy` against the sandbox's ChartMuseum, Argo CD and
# GitHub (`capstan --cli sandbox-serve --all`), which answer a share of all requests with 500, add latency and
# drop some answers after applying the change; then K deploys killed with SIGKILL at a random point, each
# followed by a deploy that must proceed. After every deploy it checks that
#   - Argo CD never targets a chart version ChartMuseum lacks (spec, operation, sync, history),
#   - no chart version was stored twice with different bytes,
#   - no deploy lock is left behind (after a deploy that was not killed),
#   - the deploy is in the journal (`capstan --cli journal`) with its outcome, a killed one as interrupted.
# Prints the success rate and figures. Exit 1 when an invariant broke, a deploy after a kill did not
# proceed, or fewer than --min-success % of the deploys (kill rounds' next deploys included) succeeded.
#
# Usage: bench/soak.sh [--capstan BIN] [--deploys N] [--kills K] [--error-rate R] [--drop-rate R]
#                      [--latency MIN-MAX] [--seed S] [--min-success PCT] [--keep]
#   defaults: --deploys 100 --kills 20 --error-rate 0.2 --drop-rate 0.02 --latency 5-50 --min-success 95
#   The binary defaults to build/release/src/capstan, else build/dev/src/capstan.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
capstan=""
deploys=100
kills=20
error_rate=0.2
drop_rate=0.02
latency=5-50
seed=$((RANDOM * 32768 + RANDOM + 1))
min_success=95
keep=0

while [ $# -gt 0 ]; do
    case "$1" in
        --capstan) capstan="$2"; shift 2 ;;
        --deploys) deploys="$2"; shift 2 ;;
        --kills) kills="$2"; shift 2 ;;
        --error-rate) error_rate="$2"; shift 2 ;;
        --drop-rate) drop_rate="$2"; shift 2 ;;
        --latency) latency="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --min-success) min_success="$2"; shift 2 ;;
        --keep) keep=1; shift ;;
        -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
        *) echo "soak.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    esac
done

if [ -z "$capstan" ]; then
    for candidate in "$root/build/release/src/capstan" "$root/build/dev/src/capstan"; do
        if [ -x "$candidate" ]; then capstan="$candidate"; break; fi
    done
fi
[ -n "$capstan" ] && [ -x "$capstan" ] || { echo "soak.sh: no capstan binary (build one, or pass --capstan)" >&2; exit 2; }
capstan="$(realpath "$capstan")"
for tool in jq curl sha256sum timeout; do
    command -v "$tool" >/dev/null || { echo "soak.sh: $tool is needed" >&2; exit 2; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/capstan-soak.XXXXXX")"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    if [ "$keep" = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# Everything Capstan reads or writes stays in the work directory; the keychain is never asked.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/config" XDG_CACHE_HOME="$work/home/cache" \
    XDG_DATA_HOME="$work/home/data" CAPSTAN_JOURNAL="$work/journal.sqlite" USER=soak LC_ALL=C.UTF-8 \
    QT_QPA_PLATFORM=offscreen
mkdir -p "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_DATA_HOME" "$work/logs"
unset SAMPLE_SLEEP SAMPLE_FAIL CAPSTAN_SANDBOX_FAULTS || true
secret() { head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '='; }
export CAPSTAN_CHARTMUSEUM_PASSWORD="$(secret)"
export CAPSTAN_ARGOCD_TOKEN="$(secret).$(secret).$(secret)"
export CAPSTAN_GITHUB_TOKEN="ghp_$(secret)"

faults="error=$error_rate,drop=$drop_rate,latency=$latency,seed=$seed"
runs=$((deploys + 3 * kills + 10)) # a kill round: the killed deploy, the next one, maybe one more
"$capstan" --cli -o json sandbox-serve --all --dir "$work/sandbox" --runs "$runs" --faults "$faults" \
    >"$work/server.json" 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 1 600); do
    grep -q '^}' "$work/server.json" 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || { echo "soak.sh: the sandbox did not start:" >&2; cat "$work/server.log" >&2; exit 1; }
    sleep 0.1
done
info() { jq -r ".$1" "$work/server.json"; }
argocd="$(info argocd)"
charts="$(info charts)"
repo="$(info repository)"
next_build="$(info firstRun)"
[ "$next_build" -gt 0 ] || { echo "soak.sh: the sandbox seeded no runs" >&2; exit 1; }

# Each deploy builds its run's own commit: the sandbox's sample repository has one per run.
deploy_flags=()

echo "capstan:  $capstan"
echo "sandbox:  $(info directory) (Argo CD $argocd)"
echo "faults:   $faults on ChartMuseum, Argo CD and GitHub"
echo "deploys:  $deploys, then $kills killed at random points, each followed by a deploy that must proceed"
[ ${#deploy_flags[@]} -eq 0 ] || echo "flags:    ${deploy_flags[*]}"
echo

# ---- checks -----------------------------------------------------------------------------------------------
violations=0
violation() { violations=$((violations + 1)); echo "  VIOLATION: $*"; }

app_json() {
    curl -fs --compressed --retry 20 --retry-all-errors --retry-delay 0 --max-time 20 \
        -H "Authorization: Bearer $CAPSTAN_ARGOCD_TOKEN" "$argocd/api/v1/applications/torvalds"
}

declare -A digests
check_charts() {
    local file version sum
    for file in "$charts"/torvalds-*.tgz; do
        [ -e "$file" ] || continue
        version="${file##*/torvalds-}"
        version="${version%.tgz}"
        sum="$(sha256sum "$file" | cut -d' ' -f1)"
        if [ -n "${digests[$version]:-}" ] && [ "${digests[$version]}" != "$sum" ]; then
            violation "chart $version was stored twice with different bytes"
        fi
        digests[$version]="$sum"
    done
}

check_argo() { # $1: "lock-free" when no lock may be held
    local app version
    if ! app="$(app_json)"; then
        violation "cannot read the Argo CD application"
        return
    fi
    while read -r version; do
        [ -n "$version" ] || continue
        [[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]] || continue
        [ -e "$charts/torvalds-$version.tgz" ] || violation "Argo CD targets $version, which ChartMuseum lacks"
    done < <(jq -r '[.spec.source.targetRevision, .operation.sync.revision?,
                      .status.operationState.operation.sync.revision?, .status.operationState.syncResult.revision?,
                      .status.sync.revision?, (.status.history // [] | .[].revision)] | .[] | select(. != null)' <<<"$app")
    holder="$(jq -r '.metadata.annotations["capstan.net/deploy-lock-holder"] // empty' <<<"$app")"
    if [ "$1" = lock-free ] && [ -n "$holder" ]; then
        violation "the deploy lock is left behind (held by $holder)"
    fi
}

journal_outcome() { # $1: build; prints the outcome of its newest journal entry, "missing" when none
    local out
    out="$(cd "$repo" && "$capstan" --cli journal --limit 100000 -o json 2>/dev/null)" || { echo "unreadable"; return; }
    jq -r --arg b "$1" '[.[] | select(.build == $b)] | if length == 0 then "missing" else (.[0].outcome // "none") end' \
        <<<"$out" 2>/dev/null || echo "unreadable"
}

# ---- deploys ----------------------------------------------------------------------------------------------
attempted=0
succeeded=0
durations=()
declare -A reasons=()

reason_of() { # $1: log; the deploy's own words on why it failed
    local line
    line="$(jq -Rr 'fromjson? | select(.event == "finished") | .message // empty' <"$1" | tail -n 1)"
    # An error before the run: {"error": {..., "message": "..."}} (pretty-printed) on stderr.
    [ -n "$line" ] || line="$(grep -A8 '"error": {' "$1" | sed -n 's/^ *"message": "\(.*\)",\{0,1\}$/\1/p' | tail -n 1)"
    [ -n "$line" ] || line="$(grep -v -e '^[{} ]' -e '^warning:' -e '^hint:' "$1" | tail -n 1)"
    [ -n "$line" ] || line="(no message)"
    # Numbers and versions vary; the kind of failure does not.
    sed -E 's/\\"/"/g; s/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z/TIME/g; s/[0-9]+\.[0-9]+\.[0-9]+-[0-9]+/V/g;
            s/[0-9]+(\.[0-9]+)? ?(ms|s)\b/T/g; s/#[0-9]+/#N/g; s/(kill|build) [0-9]+/\1 N/g' <<<"$line" | cut -c1-160
}

run_deploy() { # $1: build, $2: label; sets rc and elapsed_ms
    local log="$work/logs/deploy-$1.log" start end
    start=$(date +%s%N)
    set +e
    (cd "$repo" && timeout -s KILL 600 "$capstan" --cli -o json deploy --build "$1" --yes --reason "soak $2" \
        "${deploy_flags[@]}" >"$log" 2>&1)
    rc=$?
    set -e
    end=$(date +%s%N)
    elapsed_ms=$(((end - start) / 1000000))
}

account() { # $1: build, $2: label; after run_deploy
    attempted=$((attempted + 1))
    durations+=("$elapsed_ms")
    if [ "$rc" -eq 0 ]; then
        succeeded=$((succeeded + 1))
    else
        local why
        why="$(reason_of "$work/logs/deploy-$1.log")"
        reasons["exit $rc: $why"]=$(( ${reasons["exit $rc: $why"]:-0} + 1 ))
        echo "  build $1 ($2) failed, exit $rc: $why"
    fi
    local outcome
    outcome="$(journal_outcome "$1")"
    case "$outcome" in
        succeeded|failed|cancelled) ;;
        missing) if [ "$rc" -eq 6 ]; then
                     violation "build $1 ($2) was refused before its run (exit 6) and is not in the journal"
                 else
                     violation "build $1 ($2) is not in the journal (exit $rc)"
                 fi ;;
        *) violation "build $1 ($2): the journal shows \"$outcome\" (exit $rc)" ;;
    esac
}

check_charts
soak_start=$(date +%s)
for i in $(seq 1 "$deploys"); do
    build=$next_build
    next_build=$((next_build + 1))
    run_deploy "$build" "$i/$deploys"
    account "$build" "$i/$deploys"
    check_charts
    check_argo lock-free
    if [ $((i % 10)) -eq 0 ] || [ "$i" -eq "$deploys" ]; then
        echo "$i/$deploys deploys, $succeeded succeeded, $violations violations"
    fi
done
phase1_seconds=$(($(date +%s) - soak_start))
phase1_attempted=$attempted
phase1_succeeded=$succeeded

# Kill points: anywhere from 0.1 s to 90 % of the typical length of a deploy.
sorted=($(printf '%s\n' "${durations[@]}" | sort -n))
median_ms=${sorted[$(((${#sorted[@]} - 1) / 2))]:-3000}
killed=0
killed_after_run=0
killed_early=0
not_killed=0
proceeded=0
blocked_by_lock=0
journal_shows_kill=0
for k in $(seq 1 "$kills"); do
    build=$next_build
    next_build=$((next_build + 1))
    span=$((median_ms * 9 / 10 - 100))
    delay_ms=$((100 + RANDOM % (span > 1 ? span : 1)))
    log="$work/logs/deploy-$build.log"
    (cd "$repo" && exec "$capstan" --cli -o json deploy --build "$build" --yes --reason "soak kill $k" \
        "${deploy_flags[@]}" >"$log" 2>&1) &
    pid=$!
    sleep "$(awk -v ms="$delay_ms" 'BEGIN { printf "%.3f", ms / 1000 }')"
    if kill -0 "$pid" 2>/dev/null; then
        kill -9 "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        killed=$((killed + 1))
        was_killed=1
        step="$(jq -Rr 'fromjson? | select(.event == "start") | .step' <"$log" | tail -n 1)"
        echo "kill $k: build $build killed after ${delay_ms} ms${step:+ (last step started: $step)}"
    else
        wait "$pid" 2>/dev/null || true
        not_killed=$((not_killed + 1))
        was_killed=0
        echo "kill $k: build $build finished before the kill at ${delay_ms} ms"
        step=""
    fi

    after=$next_build
    next_build=$((next_build + 1))
    run_deploy "$after" "after kill $k"
    if [ "$rc" -ne 0 ] && [ "$rc" -eq 6 ] && grep -q 'locked by soak@' "$work/logs/deploy-$after.log"; then
        blocked_by_lock=$((blocked_by_lock + 1))
        echo "  build $after did not proceed: the killed deploy's lock is still held (exit 6)"
        account "$after" "after kill $k"
        (cd "$repo" && "$capstan" --cli unlock --force --reason "soak: deploy of build $build was killed" \
            >/dev/null 2>&1) || true
        after=$next_build
        next_build=$((next_build + 1))
        run_deploy "$after" "after kill $k, lock broken"
        account "$after" "after kill $k, lock broken"
    else
        account "$after" "after kill $k"
        [ "$rc" -ne 0 ] || proceeded=$((proceeded + 1))
    fi
    check_charts
    check_argo lock-free

    outcome="$(journal_outcome "$build")"
    if [ "$was_killed" = 1 ]; then
        case "$outcome" in
            interrupted) journal_shows_kill=$((journal_shows_kill + 1)) ;;
            missing)
                # Killed before it took the lock and opened its journal entry: nothing happened to show.
                if [ -z "$step" ]; then killed_early=$((killed_early + 1))
                else violation "killed build $build ran step $step but is not in the journal"; fi ;;
            # Killed after its run was journaled, while it released the lock: the journal is right.
            succeeded|failed|cancelled) killed_after_run=$((killed_after_run + 1)) ;;
            *) violation "killed build $build: the journal shows \"$outcome\", not interrupted" ;;
        esac
    else
        case "$outcome" in
            succeeded|failed|cancelled) ;;
            *) violation "build $build (finished before its kill): the journal shows \"$outcome\"" ;;
        esac
    fi
done
total_seconds=$(($(date +%s) - soak_start))

# ---- figures ----------------------------------------------------------------------------------------------
kill -TERM "$server_pid" 2>/dev/null || true
wait "$server_pid" 2>/dev/null || true
server_pid=""
percent() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.1f", 100 * a / b }'; }
sorted=($(printf '%s\n' "${durations[@]}" | sort -n))
pick() { local n=${#sorted[@]}; [ "$n" -gt 0 ] || { echo 0; return; }; local i=$(((n - 1) * $1 / 100)); echo "${sorted[$i]}"; }

echo
echo "== soak: $faults"
echo "deploys under faults:    $phase1_succeeded/$phase1_attempted succeeded ($(percent "$phase1_succeeded" "$phase1_attempted") %) in ${phase1_seconds} s"
echo "kill rounds:             $killed killed, $not_killed finished before the kill"
echo "  journal:               $journal_shows_kill interrupted, $killed_after_run killed after their run was journaled,"
echo "                         $killed_early killed before their journal entry"
echo "  next deploy proceeded: $proceeded/$kills; blocked by the killed deploy's lock: $blocked_by_lock"
echo "all deploys:             $succeeded/$attempted succeeded ($(percent "$succeeded" "$attempted") %) in ${total_seconds} s"
echo "deploy time (ms):        median $(pick 50), p90 $(pick 90), max $(pick 100)"
echo "invariant violations:    $violations"
if [ ${#reasons[@]} -gt 0 ]; then
    echo "failures by reason:"
    for reason in "${!reasons[@]}"; do echo "  ${reasons[$reason]} x $reason"; done | sort -rn
fi
grep -i -e 'requests' "$work/server.log" | sed 's/^/server: /' || true

rate_ok=$(awk -v s="$succeeded" -v a="$attempted" -v m="$min_success" 'BEGIN { print (a > 0 && 100 * s / a >= m) ? 1 : 0 }')
status=0
[ "$violations" -eq 0 ] || { echo "FAIL: $violations invariant violation(s)"; status=1; }
[ "$blocked_by_lock" -eq 0 ] || { echo "FAIL: $blocked_by_lock deploy(s) after a kill did not proceed (stale lock)"; status=1; }
[ "$rate_ok" = 1 ] || { echo "FAIL: success rate below $min_success %"; status=1; }
[ "$status" -ne 0 ] || echo "PASS"
exit "$status"
