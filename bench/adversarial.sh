#!/usr/bin/env bash
# Every hostile input of bench/adversarial.py through `parallax brief` (and `parallax ingest`
# into one shared data folder, when the build has that command), one process per input, each
# with a time limit. Prints one line per failure and a summary: inputs tried, failures (a panic,
# a signal, a timeout, an exit code other than 0/1/2, or an exit 2 without a message), peak
# memory and worst time.
#
#   bench/adversarial.sh [CORPUS_DIR]
#
# CORPUS_DIR defaults to target/adversarial and is generated when missing. PARALLAX=BINARY runs
# that binary instead of building target/release/parallax (a copy stays the same while other
# builds replace the one in target/).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:-$root/target/adversarial}"
limit_s="${ADVERSARIAL_TIME_LIMIT:-60}"
parallax="${PARALLAX:-$root/target/release/parallax}"

[ -n "${PARALLAX:-}" ] || cargo build --release --quiet --manifest-path "$root/Cargo.toml"
if [[ ! -d "$corpus" ]]; then
    python3 "$root/bench/adversarial.py" "$corpus" >&2
fi
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

commands=(brief)
if "$parallax" ingest --help >/dev/null 2>&1; then
    commands+=(ingest)
fi

tried=0 failures=0 peak_kb=0 worst_s=0 worst_input=""
while IFS= read -r -d '' input; do
    for command in "${commands[@]}"; do
        case "$command" in
            brief) args=(brief --format json --out "$scratch/out.json" -- "$input") ;;
            ingest) args=(ingest --data-dir "$scratch/store" -- "$input") ;;
        esac
        set +e
        /usr/bin/time -f '%M %e' -o "$scratch/time" timeout "$limit_s" "$parallax" "${args[@]}" \
            >/dev/null 2>"$scratch/stderr"
        status=$?
        set -e
        # GNU time writes "Command exited with non-zero status N" first when the command fails.
        read -r kb seconds < <(tail -n 1 "$scratch/time") || { kb=0; seconds=0; }
        [[ "$kb" =~ ^[0-9]+$ ]] || kb=0
        tried=$((tried + 1))
        if (( kb > peak_kb )); then peak_kb=$kb; fi
        if awk -v a="$seconds" -v b="$worst_s" 'BEGIN { exit !(a > b) }'; then
            worst_s=$seconds
            worst_input="$command $(basename "$input")"
        fi
        reason=""
        if grep -q "panicked" "$scratch/stderr"; then
            reason="panic"
        elif (( status == 124 )); then
            reason="timeout after ${limit_s}s"
        elif (( status > 2 )); then
            reason="exit $status"
        elif (( status == 2 )) && [[ ! -s "$scratch/stderr" ]]; then
            reason="exit 2 without a message"
        fi
        if [[ -n "$reason" ]]; then
            failures=$((failures + 1))
            printf 'FAIL %s %q: %s\n' "$command" "$(basename "$input")" "$reason"
            head -c 300 "$scratch/stderr" | sed 's/^/    /'
        fi
        # A full run takes hours on two shared cores; a line now and then shows how far it got.
        if (( tried % 100 == 0 )); then
            printf 'progress: %d runs, %d failures, peak %d MiB, worst %s s (%s)\n' \
                "$tried" "$failures" "$((peak_kb / 1024))" "$worst_s" "$worst_input"
        fi
    done
done < <(find "$corpus" -type f -print0 | sort -z)

printf 'inputs tried: %d (commands: %s)\nfailures: %d\npeak memory: %d MiB\nworst time: %s s (%s)\n' \
    "$tried" "${commands[*]}" "$failures" "$((peak_kb / 1024))" "$worst_s" "$worst_input"
