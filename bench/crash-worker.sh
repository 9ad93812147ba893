#!/usr/bin/env bash
# Crash-safety of `parallax worker` against PostgreSQL and NATS JetStream (issue 8): enqueues
# ARTICLES invented articles, then TRIALS times starts one worker and kills it with SIGKILL at a
# random moment, and checks after each kill that
#   - the database is consistent: every article has its annotations and its story profile (they
#     are written in one transaction), no origin is stored twice, story memberships point at
#     stored articles, and the count never falls;
#   - every item the queue counts as done (acknowledged: a work-queue stream deletes it) has its
#     article stored: the worker acknowledges only after its write committed;
# then lets a last worker drain the queue and checks that all ARTICLES are stored exactly once
# and placed in stories.
#
#   bench/crash-worker.sh [TRIALS=100] [ARTICLES=2000] [SEED=13]
#
# Needs NATS with JetStream on 127.0.0.1:4222 and PostgreSQL on 127.0.0.1:5432 (database test,
# trust auth); skips with a message when either is away. Each run uses a fresh schema and stream,
# dropped at the end. The corpus is invented and generated under target/crash-worker/ (never
# committed). PARALLAX=BINARY runs that binary instead of building target/release/parallax.
set -euo pipefail

trials=${1:-100}
n_articles=${2:-2000}
seed=${3:-13}
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/target/crash-worker"
corpus="$work/corpus-$n_articles-$seed"
parallax="${PARALLAX:-$root/target/release/parallax}"
nats=nats://127.0.0.1:4222
server=postgres://postgres@127.0.0.1:5432/test
name="crash_worker_$$"

# Every query runs in this run's schema.
psql_q() {
    PGOPTIONS="-c client_min_messages=warning -c search_path=$name" \
        psql -h 127.0.0.1 -U postgres test -tAq -c "$1"
}
if ! psql_q "SELECT 1" >/dev/null 2>&1; then
    echo "skipped: no PostgreSQL on 127.0.0.1:5432 (database test)" >&2
    exit 0
fi
if ! (exec 3<>/dev/tcp/127.0.0.1/4222) 2>/dev/null; then
    echo "skipped: no NATS on 127.0.0.1:4222" >&2
    exit 0
fi
[ -n "${PARALLAX:-}" ] || cargo build --release --quiet -p parallax-cli --manifest-path "$root/Cargo.toml"
mkdir -p "$work"
if [[ ! -d "$corpus" ]]; then
python3 "$root/bench/invented_corpus.py" "$corpus" "$n_articles" "$seed"
fi

# The queue's side, spoken in the NATS protocol over a socket (no NATS client is installed):
# `map` writes each message's sequence number and origin once; `acked` prints the origins of the
# messages the stream no longer holds (acknowledged); `delete` drops the stream.
jetstream() {
    python3 - "$1" "$name" "$work/messages.json" <<'PY'
import base64, json, socket, sys
mode, stream, map_path = sys.argv[1:4]
sock = socket.create_connection(("127.0.0.1", 4222))
buffer = b""
def line():
    global buffer
    while b"\r\n" not in buffer:
        buffer += sock.recv(65536)
    head, buffer = buffer.split(b"\r\n", 1)
    return head.decode()
def payload(size):
    global buffer
    while len(buffer) < size + 2:
        buffer += sock.recv(65536)
    data, buffer = buffer[:size], buffer[size + 2:]
    return data
line()  # INFO
sock.sendall(b'CONNECT {"verbose":false,"pedantic":false,"headers":true}\r\nSUB _INBOX.crash 1\r\n')
def request(subject, body):
    data = json.dumps(body).encode()
    sock.sendall(f"PUB {subject} _INBOX.crash {len(data)}\r\n".encode() + data + b"\r\n")
    while True:
        head = line()
        if head == "PING":
            sock.sendall(b"PONG\r\n")
        elif head.startswith("MSG "):
            return json.loads(payload(int(head.split()[-1])))
        elif head.startswith("HMSG "):
            parts = head.split()
            raw = payload(int(parts[-1]))
            return json.loads(raw[int(parts[-2]):])
        elif head.startswith("-ERR"):
            sys.exit(f"nats: {head}")
def origin_key(origin):
    return json.dumps(origin, sort_keys=True)
if mode == "map":
    info = request(f"$JS.API.STREAM.INFO.{stream}", {})
    state = info["state"]
    seqs = {}
    for seq in range(state["first_seq"], state["last_seq"] + 1):
        got = request(f"$JS.API.STREAM.MSG.GET.{stream}", {"seq": seq})
        if "message" in got:
            data = base64.b64decode(got["message"]["data"])
            seqs[seq] = origin_key(json.loads(data.split(b"\n", 1)[0])["origin"])
    json.dump(seqs, open(map_path, "w"))
    print(len(seqs))
elif mode == "acked":
    seqs = {int(seq): origin for seq, origin in json.load(open(map_path)).items()}
    info = request(f"$JS.API.STREAM.INFO.{stream}", {"deleted_details": True})
    state = info["state"]
    left = set(range(state["first_seq"], state["last_seq"] + 1)) - set(state.get("deleted") or [])
    if state["messages"] == 0:
        left = set()
    for seq, origin in seqs.items():
        if seq not in left:
            print(origin)
elif mode == "delete":
    request(f"$JS.API.STREAM.DELETE.{stream}", {})
PY
}

cleanup() {
    jetstream delete >/dev/null 2>&1 || true
    psql_q "DROP SCHEMA IF EXISTS $name CASCADE" >/dev/null 2>&1 || true
}
trap cleanup EXIT
psql_q "DROP SCHEMA IF EXISTS $name CASCADE; CREATE SCHEMA $name" >/dev/null
db="$server?options=-csearch_path%3D$name"
"$parallax" ingest "$corpus" --queue "$nats" --stream "$name" 2>"$work/enqueue.log" >/dev/null
enqueued=$(jetstream map)
if (( enqueued != n_articles )); then
    echo "enqueue: FAIL: $enqueued of $n_articles items in the stream" >&2
    exit 1
fi

# Prints the problems of the database after a kill, one per line; nothing when it is sound.
check() {
    local stored_before=$1
    psql_q "SELECT 'article without annotations: ' || a.id FROM articles a
                LEFT JOIN annotations n ON n.article_id = a.id WHERE n.article_id IS NULL LIMIT 3;
            SELECT 'article without a story profile: ' || a.id FROM articles a
                LEFT JOIN profiles p ON p.article_id = a.id WHERE p.article_id IS NULL LIMIT 3;
            SELECT 'origin stored ' || COUNT(*) || ' times: ' || origin FROM articles
                GROUP BY origin HAVING COUNT(*) > 1 LIMIT 3;
            SELECT 'member of no stored article: ' || m.article_id FROM story_members m
                LEFT JOIN articles a ON a.id = m.article_id WHERE a.id IS NULL LIMIT 3;" \
        | sed '/^$/d'
    local stored
    stored=$(psql_q "SELECT COUNT(*) FROM articles")
    if (( stored < stored_before )); then
        echo "articles fell from $stored_before to $stored"
    fi
    # Every acknowledged item's origin must be stored.
    jetstream acked | python3 -c '
import json, subprocess, sys
acked = set(line.strip() for line in sys.stdin if line.strip())
rows = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "test", "-tAq", "-c",
                       "SELECT origin FROM articles"], capture_output=True, text=True,
                      env={"PGOPTIONS": "-c search_path='"$name"'", "PATH": "/usr/bin:/bin"},
                      check=True).stdout.split("\n")
stored = set(json.dumps(json.loads(row), sort_keys=True) for row in rows if row.strip())
lost = sorted(acked - stored)
if lost:
    print(f"{len(lost)} acknowledged items not stored, first {lost[0]}")
print(f"acked {len(acked)}", file=sys.stderr)
' 2>"$work/acked.txt"
}

failures=0
stored_before=0
for trial in $(seq 1 "$trials"); do
    "$parallax" worker --queue "$nats" --stream "$name" --db "$db" --ack-wait 2 \
        2>>"$work/worker.log" >/dev/null &
    pid=$!
    sleep "$(python3 -c "import random; print(round(random.Random($seed * 1000 + $trial).uniform(0.2, 2.5), 3))")"
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    problems=$(check "$stored_before")
    stored=$(psql_q "SELECT COUNT(*) FROM articles")
    if [[ -n "$problems" ]]; then
        failures=$((failures + 1))
        echo "trial $trial: FAIL: $(echo "$problems" | head -3 | tr '\n' ';')"
    fi
    echo "trial $trial: stored $stored, $(cat "$work/acked.txt")" >>"$work/trials.log"
    stored_before=$stored
done

# A last worker drains the queue (killed items come back after the 2 s ack wait).
"$parallax" worker --queue "$nats" --stream "$name" --db "$db" --ack-wait 2 --exit-when-idle 5 \
    2>>"$work/worker.log" >/dev/null
problems=$(check "$stored_before")
read -r stored distinct placed < <(psql_q \
    "SELECT COUNT(*), COUNT(DISTINCT origin), (SELECT COUNT(*) FROM story_members) FROM articles" \
    | tr '|' ' ')
acked=$(grep -oE '[0-9]+' "$work/acked.txt")
if [[ -n "$problems" ]] || (( stored != n_articles || distinct != n_articles || placed != n_articles || acked != n_articles )); then
    failures=$((failures + 1))
    echo "final: FAIL: stored $stored, distinct $distinct, placed $placed, acknowledged $acked of $n_articles; $problems"
fi
echo "trials: $trials, failures: $failures, items: $n_articles, stored after the last worker: $stored (distinct $distinct, placed in stories $placed, acknowledged $acked)"
