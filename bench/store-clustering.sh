#!/usr/bin/env bash
# How well the store's incremental split finds the invented events of bench/store.sh's
# `stories` corpus (each event told by 1 to 50 articles over up to two weeks, files in
# publication order): the corpus ingested into a fresh store, every story read back, B-cubed F1
# against the corpus's events file (bench/store_clustering.py).
#
#   bench/store-clustering.sh [N=5000] [SEED=7]
#   (PARALLAX=BIN scores another binary on the same corpus)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-5000}"
seed="${2:-7}"
parallax="${PARALLAX:-$root/target/release/parallax}"
corpus="$root/target/store-bench/corpus-stories-$n-$seed"

if [[ ! -f "$corpus.events.tsv" ]]; then
    # Generates the corpus (and runs that bench once, with a single search).
    "$root/bench/store.sh" "$n" 1 "$seed" stories >/dev/null
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$parallax" ingest "$corpus" --data-dir "$work/data" >/dev/null 2>&1
for id in $("$parallax" stories --data-dir "$work/data" 2>/dev/null | cut -f1); do
    "$parallax" brief --data-dir "$work/data" --story "$id" --format jsonl 2>/dev/null >>"$work/briefs.jsonl"
done
python3 "$root/bench/store_clustering.py" "$work/briefs.jsonl" "$corpus.events.tsv"
