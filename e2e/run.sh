#!/usr/bin/env bash
# End-to-end tests of the web app in headless Chromium, driven by playwright-core.
# Builds the release binary, ingests the example corpus and an invented XSS article into a
# temporary data folder, serves it on a free loopback port, and drives the pages as a person
# would (see e2e/test.mjs). Screenshots go to target/e2e/. Not part of `cargo test`.
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

# An invented article whose title, byline and body carry markup that must never run.
mkdir -p "$work/xss"
cat > "$work/xss/payload.html" <<'HTML'
<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Quillmoor lantern fair &lt;script&gt;window.__pwned=1;alert(1)&lt;/script&gt;</title>
<meta property="og:title" content="Quillmoor lantern fair <script>window.__pwned=1;alert(1)</script><img src=x onerror=&quot;window.__pwned=2;alert(2)&quot;>">
<meta property="og:site_name" content="Lantern Gazette <b onmouseover=alert(3)>bold</b>">
<meta name="author" content="Ivo Threnn <svg onload=alert(4)>">
<meta property="article:published_time" content="2031-05-02">
</head><body><article>
<h1>Quillmoor lantern fair &lt;img src=x onerror=alert(5)&gt;</h1>
<p>The Quillmoor lantern fair opened on Friday with more than two hundred stalls along the river, organisers said, and crowds stayed until late in the evening.</p>
<p>Visitors wrote &lt;script&gt;window.__pwned=3;alert(6)&lt;/script&gt; on paper lanterns and &lt;img src=x onerror="window.__pwned=4"&gt; on the signs, which the fair's volunteers found funny.</p>
<p>The fair runs until Sunday, when the lanterns are released over the water at dusk, the organisers added.</p>
</article></body></html>
HTML

"$parallax" ingest --data-dir "$work/data" "$root/examples" "$work/xss" >/dev/null
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
