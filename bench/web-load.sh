#!/usr/bin/env bash
# Load on the web app over loopback: requests/s, p50/p99 latency and errors (non-2xx answers
# plus socket errors) of the story page and the brief API with wrk (a bounded run per
# endpoint), and the server's memory (VmRSS, VmHWM) before and after the runs. Serves the
# example corpus, ingested into a temporary data folder. Exits 1 when any request failed.
#
#   bench/web-load.sh [SECONDS=10] [THREADS=2] [CONNECTIONS=16]
set -euo pipefail
seconds=${1:-10}
threads=${2:-2}
connections=${3:-16}
root=$(cd "$(dirname "$0")/.." && pwd)
parallax="$root/target/release/parallax"

if ! command -v wrk >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y wrk >/dev/null 2>&1; }
    fi
    command -v wrk >/dev/null || { echo "web-load: wrk is missing and could not be installed"; exit 1; }
fi
(cd "$root" && cargo build --release -p parallax-cli)

work=$(mktemp -d)
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
"$parallax" ingest --data-dir "$work/data" "$root/examples" >/dev/null
"$parallax" serve --data-dir "$work/data" --address 127.0.0.1:0 2>"$work/serve.log" &
server_pid=$!
base=""
for _ in $(seq 1 100); do
    base=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.log" | head -1 || true)
    [ -n "$base" ] && break
    sleep 0.1
done
[ -n "$base" ] || { cat "$work/serve.log"; exit 1; }

# The story with the most articles.
story=$(curl -sf "$base/api/v1/stories" | python3 -c 'import json,sys; s=json.load(sys.stdin); print(max(s, key=lambda x: x["n_articles"])["id"])')
n_articles=$(curl -sf "$base/api/v1/stories" | python3 -c "import json,sys; print([x['n_articles'] for x in json.load(sys.stdin) if x['id']=='$story'][0])")
echo "story $story ($n_articles articles); wrk -t$threads -c$connections -d${seconds}s --latency"
memory() { awk '/VmRSS|VmHWM/ {printf "%s %s %s  ", $1, $2, $3} END {print ""}' "/proc/$server_pid/status"; }
echo "memory at start: $(memory)"
# The first request makes the brief and caches it; the runs measure the cached path.
curl -sf "$base/stories/$story" >/dev/null
echo "memory before the runs (brief cached): $(memory)"
printf '%s\t%s\t%s\t%s\t%s\t%s\n' endpoint requests requests/s p50 p99 errors
total_errors=0
for path in "/stories/$story" "/api/v1/stories/$story"; do
    out=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "$base$path")
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
    p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
    # "Non-2xx or 3xx responses: N" and "Socket errors: connect N, read N, write N, timeout N"
    # appear only when non-zero.
    errors=$(echo "$out" | awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}')
    total_errors=$((total_errors + errors))
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$path" "$requests" "$rps" "$p50" "$p99" "$errors"
done
echo "memory after the runs: $(memory)"
echo "errors: $total_errors"
[ "$total_errors" = 0 ]
