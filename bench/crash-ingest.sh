#!/usr/bin/env bash
# Crash-safety of the embedded store (issue 8): kills `parallax ingest` with SIGKILL at a random
# moment, TRIALS times, over one growing data folder, and checks after each kill that
#   - the store opens (`parallax stories` exits 0),
#   - SQLite's integrity check passes,
#   - no article is lost: the count never falls, and every article the killed run reported as
#     stored (its last progress line) is there,
# then lets one last ingest finish and checks that exactly the corpus's articles are stored.
#
#   bench/crash-ingest.sh [TRIALS=100] [ARTICLES=600] [SEED=11]
#
# The corpus is invented and generated under target/crash-ingest/ (never committed).
set -euo pipefail

trials=${1:-100}
n_articles=${2:-600}
seed=${3:-11}
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/target/crash-ingest"
corpus="$work/corpus-$n_articles-$seed"
data="$work/data"
parallax="$root/target/release/parallax"

cargo build --release --quiet --manifest-path "$root/Cargo.toml"
mkdir -p "$work"
if [[ ! -d "$corpus" ]]; then
python3 "$root/bench/invented_corpus.py" "$corpus" "$n_articles" "$seed"
fi

rm -rf "$data"
count() {
    python3 - "$data/parallax.sqlite3" <<'PY'
import sqlite3, sys, os
path = sys.argv[1]
if not os.path.exists(path):
    print(0, "ok")
    sys.exit()
db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
print(db.execute("SELECT count(*) FROM articles").fetchone()[0], integrity)
PY
}

failures=0
stored_before=0
for trial in $(seq 1 "$trials"); do
    "$parallax" ingest --data-dir "$data" "$corpus" 2>"$work/ingest.log" >/dev/null &
    pid=$!
    sleep "$(python3 -c "import random; print(round(random.Random($seed * 1000 + $trial).uniform(0.05, 2.0), 3))")"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    reported=$(grep -oE '[0-9]+ new articles' "$work/ingest.log" | tail -1 | grep -oE '^[0-9]+' || echo 0)
    read -r stored integrity < <(count)
    problem=""
    if ! "$parallax" stories --data-dir "$data" >/dev/null 2>"$work/open.log"; then
        problem="store does not open: $(head -c 200 "$work/open.log")"
    elif [[ "$integrity" != "ok" ]]; then
        problem="integrity check: $integrity"
    elif (( stored < stored_before + reported )); then
        problem="lost articles: $stored stored, $stored_before before + $reported reported"
    fi
    if [[ -n "$problem" ]]; then
        failures=$((failures + 1))
        echo "trial $trial: FAIL: $problem"
    fi
    stored_before=$stored
done

"$parallax" ingest --data-dir "$data" "$corpus" 2>"$work/ingest.log" >/dev/null
read -r stored integrity < <(count)
expected=$(find "$corpus" -type f | wc -l)
if (( stored != expected )) || [[ "$integrity" != "ok" ]]; then
    failures=$((failures + 1))
    echo "final ingest: FAIL: $stored stored of $expected, integrity $integrity"
fi
echo "trials: $trials, failures: $failures, articles stored after the last ingest: $stored of $expected"
