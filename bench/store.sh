#!/usr/bin/env bash
# Embedded store at scale: generates a synthetic corpus of N articles (deterministic, from a
# seed; written under target/, never committed), ingests it with `parallax ingest` under
# /usr/bin/time -v (articles/s, peak memory), then times Q `parallax search` commands (p50/p99,
# each a whole command: process start, store open, query, snippets).
#
#   bench/store.sh [N=100000] [Q=200] [SEED=7]
set -euo pipefail
n_articles=${1:-100000}
n_queries=${2:-200}
seed=${3:-7}
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/target/store-bench"
corpus="$work/corpus-$n_articles-$seed"
data="$work/data-$n_articles-$seed"
parallax="$root/target/release/parallax"
mkdir -p "$work"

if [ ! -d "$corpus" ]; then
python3 - "$corpus" "$n_articles" "$seed" <<'PY'
import os, random, sys, datetime
out, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
# Invented vocabulary: places, people, outlets and events of no real story.
places = ["Vell", "Ostrana", "Carrow Bay", "Mirelund", "Tazan", "Quillport", "Dunmere", "Sarevo", "Elkwater", "Brannock"]
people = ["Tova Marrin", "Ilse Varga", "Oren Halloway", "Mara Quill", "Jonas Pell", "Rhea Donnet", "Casimir Ledge", "Anouk Brel"]
outlets = ["Harbor Ledger", "Valley Post", "Northern Courier", "Tidewater Times", "Daily Meridian", "Ridge Gazette"]
events = [("strike", "dock workers walked out over pay", "workers"), ("flood", "the river burst its banks after heavy rain", "residents"),
          ("election", "voters chose a new council", "voters"), ("fire", "a warehouse fire spread to nearby homes", "firefighters"),
          ("talks", "negotiators met to discuss a ceasefire", "troops"), ("budget", "the council approved a new budget", "officials")]
verbs = ["said", "told reporters", "confirmed", "denied", "warned", "announced"]
fillers = ["The situation remained tense through the evening.", "Officials promised an update on Friday.",
           "Local businesses reported losses of several thousand dollars.", "Residents gathered near the town hall.",
           "Independent observers could not verify the figures.", "Talks are expected to resume next week.",
           "Schools in the district stayed closed.", "Emergency crews worked through the night."]
os.makedirs(out, exist_ok=True)
start = datetime.date(2030, 1, 1)
for i in range(n):
    kind, what, group = rng.choice(events)
    place, person, outlet = rng.choice(places), rng.choice(people), rng.choice(outlets)
    day = start + datetime.timedelta(days=rng.randrange(730))
    count = rng.randrange(50, 5000)
    paragraphs = [f"In {place}, {what} on {day.strftime('%A')}, and {count} {group} were involved, {person} {rng.choice(verbs)}."]
    for _ in range(rng.randrange(4, 9)):
        paragraphs.append(" ".join(rng.sample(fillers, 3)) + f" Case {i} in {place} was noted by {rng.choice(people)}.")
    text = f"{place} {kind} update {i}\n\nBy {rng.choice(people)}\n\n{day.isoformat()}\n\n" + "\n\n".join(paragraphs) + f"\n\nSource: {outlet}\n"
    folder = os.path.join(out, f"{i // 1000:03d}")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{i:06d}.txt"), "w") as f:
        f.write(text)
PY
fi

rm -rf "$data"
/usr/bin/time -v "$parallax" ingest "$corpus" --data-dir "$data" 2> "$work/ingest.log" || { tail -20 "$work/ingest.log"; exit 1; }
grep -E "ingested|Elapsed|Maximum resident" "$work/ingest.log"
seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$work/ingest.log")
echo "articles/s: $(python3 -c "print(round($n_articles / $seconds, 1))")"
du -sh "$data"

words=(strike flood election fire talks budget workers troops council "\"heavy rain\"" "\"town hall\"" residents ceasefire warehouse voters)
: > "$work/latency.txt"
for q in $(seq 1 "$n_queries"); do
  word=${words[$(( (q * 7 + seed) % ${#words[@]} ))]}
  begin=$(date +%s%N)
  "$parallax" search "$word" --limit 10 --data-dir "$data" > /dev/null
  end=$(date +%s%N)
  echo $(( (end - begin) / 1000 )) >> "$work/latency.txt"
done
sort -n "$work/latency.txt" | awk '{v[NR]=$1} END {printf "search latency (whole command), ms: p50 %.1f  p99 %.1f  (n=%d)\n", v[int(NR*0.5)]/1000, v[int(NR*0.99)]/1000, NR}'
