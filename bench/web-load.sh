#!/usr/bin/env bash
# Load on the web app over loopback: requests/s and p50/p99 latency of the story page and the
# brief API with wrk (a bounded run per endpoint), then the server's memory (VmRSS, VmHWM).
# Serves the example corpus, ingested into a temporary data folder.
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
# The first request makes the brief and caches it; the runs measure the cached path.
curl -sf "$base/stories/$story" >/dev/null
printf '%s\t%s\t%s\t%s\n' endpoint requests/s p50 p99
for path in "/stories/$story" "/api/v1/stories/$story"; do
    out=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "$base$path")
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
    p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
    errors=$(echo "$out" | grep -E 'Non-2xx|Socket errors' || true)
    printf '%s\t%s\t%s\t%s\t%s\n' "$path" "$rps" "$p50" "$p99" "$errors"
done
grep -E 'VmRSS|VmHWM' "/proc/$server_pid/status"
