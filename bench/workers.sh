#!/usr/bin/env bash
# Worker throughput with 1 and 2 `parallax worker`s, and the kill test, against the local NATS
# (JetStream on, 127.0.0.1:4222) and PostgreSQL (trust auth, 127.0.0.1:5432, database test).
#
#   bench/workers.sh [N_ARTICLES] [N_KILLS]
#
# The corpus is invented text generated into target/bench-workers/ (never committed). Each run
# uses a fresh PostgreSQL schema and a fresh JetStream stream. Throughput is articles stored per
# second, from the first worker's start until the database holds all N articles.
set -euo pipefail
cd "$(dirname "$0")/.."
n_articles=${1:-2000}
n_kills=${2:-5}
nats=nats://127.0.0.1:4222
server=postgres://postgres@127.0.0.1:5432/test
work=target/bench-workers
bin=${PARALLAX:-target/release/parallax}

# SKIP_BUILD=1 runs the binary as it is (when another build holds the lock); PARALLAX=BIN picks
# another binary than target/release/parallax (a copy kept for a long run).
[ -n "${SKIP_BUILD:-}" ] || cargo build --release -p parallax-cli >&2
rm -rf "$work" && mkdir -p "$work/corpus"
python3 - "$work/corpus" "$n_articles" <<'PY'
import random, sys
folder, n = sys.argv[1], int(sys.argv[2])
random.seed(6)
places = ["Lund Bay", "Carrow", "Essel Ridge", "Marn Valley", "Port Tavish", "Oldwick"]
topics = ["ferry crews", "dock workers", "bus drivers", "nurses", "teachers", "miners"]
causes = ["pay", "night shifts", "safety rules", "pensions", "staffing", "contracts"]
bodies = ["the regional board", "the city council", "the union", "the ministry", "the operator"]
for i in range(n):
    place, topic, cause = random.choice(places), random.choice(topics), random.choice(causes)
    body = random.choice(bodies)
    days = random.randint(2, 40)
    text = (f"{topic.capitalize()} in {place} stop work over {cause}\n\n"
            f"{topic.capitalize()} in {place} stopped work on Monday in a dispute over {cause}, "
            f"{body} said. Talks would resume in {days} days at offices near the harbor, "
            f"according to a statement issued on the evening of the walkout (item {i}).\n\n"
            f"A spokesperson said {random.randint(40, 900)} workers had joined the action. "
            f"\"We have waited {random.randint(2, 18)} months for an answer,\" she told reporters.")
    with open(f"{folder}/{i:06}.txt", "w") as f:
        f.write(text)
PY

psql_q() { PGOPTIONS="-c client_min_messages=warning" psql -h 127.0.0.1 -U postgres test -tAq -c "$1"; }
fresh() { # fresh schema and stream named $1
    psql_q "DROP SCHEMA IF EXISTS $1 CASCADE; CREATE SCHEMA $1" >/dev/null
    echo "$server?options=-csearch_path%3D$1"
}
count() { psql_q "SELECT COUNT(*) FROM $1.articles" 2>/dev/null || echo 0; }
wait_for() { # schema, n: waits until the schema holds n articles
    while [ "$(count "$1")" -lt "$2" ]; do sleep 0.1; done
}

run_id=$$
for n_workers in 1 2; do
    name="bench_workers_${n_workers}_$run_id"
    db=$(fresh "$name")
    "$bin" ingest "$work/corpus" --queue "$nats" --stream "$name" 2>&1 | tail -1 >&2
    start=$(date +%s.%N)
    pids=()
    for _ in $(seq "$n_workers"); do
        "$bin" worker --queue "$nats" --stream "$name" --db "$db" --exit-when-idle 3 \
            2>"$work/worker-$n_workers-$RANDOM.log" &
        pids+=($!)
    done
    wait_for "$name" "$n_articles"
    end=$(date +%s.%N)
    wait "${pids[@]}"
    seconds=$(echo "$end - $start" | bc -l)
    printf 'workers=%d articles=%d seconds=%.2f articles_per_second=%.1f\n' \
        "$n_workers" "$n_articles" "$seconds" "$(echo "$n_articles / $seconds" | bc -l)"
    psql_q "DROP SCHEMA $name CASCADE" >/dev/null
done

# The kill test: two workers, one of them SIGKILLed every second and restarted, K times.
name="bench_kill_$run_id"
db=$(fresh "$name")
"$bin" ingest "$work/corpus" --queue "$nats" --stream "$name" 2>&1 | tail -1 >&2
"$bin" worker --queue "$nats" --stream "$name" --db "$db" --ack-wait 5 --exit-when-idle 10 \
    2>"$work/survivor.log" &
survivor=$!
for _ in $(seq "$n_kills"); do
    "$bin" worker --queue "$nats" --stream "$name" --db "$db" --ack-wait 5 \
        2>>"$work/killed.log" &
    victim=$!
    sleep 1
    kill -KILL "$victim"
    wait "$victim" 2>/dev/null || true
done
wait "$survivor"
stored=$(count "$name")
distinct=$(psql_q "SELECT COUNT(DISTINCT id) FROM $name.articles")
placed=$(psql_q "SELECT COUNT(*) FROM $name.story_members")
printf 'kill test: enqueued=%d kills=%d stored=%d distinct=%d placed_in_stories=%d\n' \
    "$n_articles" "$n_kills" "$stored" "$distinct" "$placed"
psql_q "DROP SCHEMA $name CASCADE" >/dev/null
