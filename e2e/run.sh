#!/usr/bin/env bash
# End-to-end tests of the web app in headless Chromium, driven by playwright-core.
# Builds the release binary, ingests the example corpus and invented hostile articles
# (e2e/payloads.mjs) into a temporary data folder, serves it on a free loopback port, and
# drives the pages as a person would (see e2e/test.mjs). Screenshots go to target/e2e/.
# Not part of `cargo test`.
#
#   e2e/run.sh
#
# Installs what it needs: playwright-core into e2e/node_modules (npm), Chromium with apt-get
# when it is missing and this user may install packages; skips (exit 0, reason printed) when
# it cannot.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
chromium=/usr/bin/chromium
skip() { echo "e2e: SKIPPED: $*"; exit 0; }

command -v node >/dev/null || skip "node is not installed"
command -v npm >/dev/null || skip "npm is not installed"
if [ ! -x "$chromium" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get install -y chromium >/dev/null 2>&1 ||
            { apt-get update >/dev/null 2>&1 && apt-get install -y chromium >/dev/null 2>&1; } ||
            skip "chromium could not be installed with apt-get"
    else
        skip "$chromium is missing and this user cannot apt-get install chromium"
    fi
fi
[ -x "$chromium" ] || skip "$chromium is missing"
if [ ! -d "$root/e2e/node_modules/playwright-core" ]; then
    (cd "$root/e2e" && npm install --no-audit --no-fund --silent) || skip "npm install playwright-core failed"
fi

(cd "$root" && cargo build --release -p parallax-cli)
parallax="$root/target/release/parallax"
work=$(mktemp -d)
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# Invented hostile articles (HTML, JSON-LD, RSS, scraped text with a hostile file name) with
# markup in every field; written here, never committed.
node "$root/e2e/payloads.mjs" "$work/xss"

# Exit code 1 says some input was skipped; the pages are checked all the same.
"$parallax" ingest --data-dir "$work/data" "$root/examples" "$work/xss" >/dev/null || [ $? = 1 ]
"$parallax" serve --data-dir "$work/data" --address 127.0.0.1:0 2>"$work/serve.log" &
server_pid=$!
base=""
for _ in $(seq 1 100); do
    base=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.log" | head -1 || true)
    [ -n "$base" ] && break
    sleep 0.1
done
[ -n "$base" ] || { cat "$work/serve.log"; echo "e2e: the server did not start"; exit 1; }

mkdir -p "$root/target/e2e"
node "$root/e2e/test.mjs" "$base" "$root/target/e2e" "$chromium"
