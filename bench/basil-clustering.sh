#!/usr/bin/env bash
# Story splitting on a mixed folder of real political news: the 100 BASIL events (Fan et al.
# 2019; each told by Fox News, The New York Times and HuffPost, 10 events a year over
# 2010–2019) put in one folder per half and split by `parallax brief`, scored with B-cubed F1
# against the events (bench/basil_clustering.py). The events of even years are the half to tune
# on, those of odd years the half to report; ECB+ (`parallax eval clustering`) has no dates, so
# this is where the split's use of publication dates is measured. Each half is split twice: as
# one folder by `parallax brief`, and ingested into a store article by article (the
# incremental split), then read back story by story.
#
#   bench/basil-clustering.sh [BASIL_DIR]
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:-$root/../shared/data/basil}"
parallax="${PARALLAX:-$root/target/release/parallax}"

# shellcheck source=bench/basil-common.sh
source "$root/bench/basil-common.sh"

for half in even odd; do
    folder="$stories/$half"
    mkdir -p "$folder"
    for story in "$stories"/t*/; do
        # The date line under each article's title; the folder is named after the earliest,
        # so that the store takes the events in the order they happened, as an archive grows.
        first_date="$(sed -n 3p "$story"/*.txt | sort | head -n 1)"
        parity=odd
        (( ${first_date:0:4} % 2 == 0 )) && parity=even
        if [[ "$parity" == "$half" ]]; then
            mv "$story" "$folder/${first_date}_$(basename "$story")"
        fi
    done
    "$parallax" brief "$folder" --format jsonl 2>/dev/null >"$stories/$half.jsonl"
    echo "$half years, one batch: $(python3 "$root/bench/basil_clustering.py" "$stories/$half.jsonl")"
    # The same articles ingested one at a time into a store, events in date order.
    store="$stories/$half-store"
    "$parallax" ingest "$folder" --data-dir "$store" >/dev/null 2>&1
    : >"$stories/$half-store.jsonl"
    for id in $("$parallax" stories --data-dir "$store" 2>/dev/null | cut -f1); do
        "$parallax" brief --data-dir "$store" --story "$id" --format jsonl 2>/dev/null \
            >>"$stories/$half-store.jsonl"
    done
    echo "$half years, store: $(python3 "$root/bench/basil_clustering.py" "$stories/$half-store.jsonl")"
done
