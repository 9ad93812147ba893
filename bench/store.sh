#!/usr/bin/env bash
# Embedded store at scale: generates a synthetic corpus of N articles (deterministic, from a
# seed; written under target/, never committed), ingests it with `parallax ingest` under
# /usr/bin/time -v (articles/s, peak memory; the ingest's resident memory is sampled every
# 5 s and its progress lines timestamped, for the rate and memory per 10% of the articles),
# then times Q `parallax search` commands (p50/p99, each a whole command: process start, store
# open, query, snippets).
#
#   bench/store.sh [N=100000] [Q=200] [SEED=7] [KIND=stories]
#   (PARALLAX=BIN runs a fixed copy of the binary, safe from rebuilds during a long run)
#
# KIND `stories`: many invented events, each told by 1 to 50 articles (15% alone) over about two
# weeks, events spread over two years, 5% of articles undated, files in publication order (a
# feed archive's order). KIND `fillers`: the worst case kept from the first version of this
# script: every article repeats the same few filler sentences, in random date order, so that the
# archive clusters into a few huge stories.
set -euo pipefail
n_articles=${1:-100000}
n_queries=${2:-200}
seed=${3:-7}
kind=${4:-stories}
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/target/store-bench"
corpus="$work/corpus-$kind-$n_articles-$seed"
data="$work/data-$kind-$n_articles-$seed"
parallax="${PARALLAX:-$root/target/release/parallax}"
mkdir -p "$work"
case "$kind" in stories|fillers) ;; *) echo "KIND is stories or fillers, not $kind" >&2; exit 2 ;; esac

if [ ! -d "$corpus" ]; then
python3 - "$corpus" "$n_articles" "$seed" "$kind" <<'PY'
import os, random, sys, datetime
out, n, seed, kind = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rng = random.Random(seed)
os.makedirs(out, exist_ok=True)
start = datetime.date(2030, 1, 1)

def write(i, text):
    folder = os.path.join(out, f"{i // 1000:03d}")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{i:06d}.txt"), "w") as f:
        f.write(text)

if kind == "fillers":
    # Worst case: every article shares the same filler sentences, so the stories are few and huge.
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
    for i in range(n):
        kind_, what, group = rng.choice(events)
        place, person, outlet = rng.choice(places), rng.choice(people), rng.choice(outlets)
        day = start + datetime.timedelta(days=rng.randrange(730))
        count = rng.randrange(50, 5000)
        paragraphs = [f"In {place}, {what} on {day.strftime('%A')}, and {count} {group} were involved, {person} {rng.choice(verbs)}."]
        for _ in range(rng.randrange(4, 9)):
            paragraphs.append(" ".join(rng.sample(fillers, 3)) + f" Case {i} in {place} was noted by {rng.choice(people)}.")
        write(i, f"{place} {kind_} update {i}\n\nBy {rng.choice(people)}\n\n{day.isoformat()}\n\n" + "\n\n".join(paragraphs) + f"\n\nSource: {outlet}\n")
    sys.exit(0)

# Stories: an archive of many events, each told by 1 to 50 articles over two weeks, events spread
# over two years, 5% of articles undated, files in publication order as a feed archive keeps them.
onsets = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "kr", "st", "tr", "gl", "sh", "th"]
vowels = ["a", "e", "i", "o", "u", "ai", "ou", "ea"]
codas = ["", "", "n", "r", "s", "l", "m", "k", "nd", "rt", "st"]
def word(n_syllables):
    return "".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(n_syllables - 1)) + rng.choice(onsets) + rng.choice(vowels) + rng.choice(codas)
def name(n_syllables):
    return word(n_syllables).capitalize()
given = sorted({name(2) for _ in range(600)})
surnames = sorted({name(rng.choice([2, 3])) for _ in range(6000)})
places = sorted({name(rng.choice([2, 3])) for _ in range(3000)})
details = sorted({word(rng.choice([3, 4])) for _ in range(20000)})
outlets = sorted({f"{name(2)} {rng.choice(['Courier', 'Post', 'Ledger', 'Times', 'Gazette', 'Herald', 'Tribune', 'Chronicle'])}" for _ in range(150)})
# General news vocabulary (no event, person or outlet of the world).
kinds = {
    "strike": ["workers", "union", "pay", "walkout", "picket", "wages", "contract", "shift"],
    "flood": ["river", "rain", "residents", "water", "evacuation", "banks", "levee", "homes"],
    "election": ["voters", "ballot", "council", "candidate", "turnout", "count", "seat", "campaign"],
    "fire": ["firefighters", "blaze", "warehouse", "smoke", "flames", "crews", "damage", "alarm"],
    "talks": ["negotiators", "ceasefire", "delegation", "agreement", "mediators", "truce", "border", "envoy"],
    "budget": ["spending", "deficit", "tax", "council", "funds", "revenue", "cuts", "vote"],
    "trial": ["court", "judge", "jury", "verdict", "defendant", "prosecutors", "charges", "testimony"],
    "storm": ["winds", "power", "outage", "roofs", "forecast", "gusts", "shelters", "debris"],
    "crash": ["train", "passengers", "derailment", "injured", "investigators", "track", "carriages", "rescue"],
    "protest": ["marchers", "police", "square", "demonstrators", "banners", "arrests", "rally", "crowd"],
    "outbreak": ["cases", "hospital", "virus", "patients", "vaccine", "clinic", "infections", "quarantine"],
    "merger": ["shares", "deal", "company", "investors", "board", "acquisition", "market", "regulators"],
}
common = ("the officials said on statement week month year city region government people local national report "
          "according spokesperson added told reporters earlier later meeting plan public service minister office "
          "morning evening night area centre district police authorities question response support concern "
          "expected continue remain early hours days weeks further information confirmed described").split()
verbs = ["said", "told reporters", "confirmed", "denied", "warned", "announced", "added", "insisted"]
templates = [
    "{person} {verb} that the {k1} in {place} would {outcome}.",
    "By {weekday}, about {number} {k2} had been affected, {person} {verb}.",
    "The {detail1} {k1} near {place} drew {k2} from across the {c1}.",
    "{org} {verb} it was reviewing the {detail2} {k3} and would {outcome}.",
    "Witnesses described the {detail1} as {adj}, with {k2} {c2} for {number2} hours.",
    "{person2}, a {role} at {org}, {verb} the {detail3} had been {adj}.",
    "In {place}, the {k3} around the {detail2} {c3} {adj} on {weekday}.",
]
outcomes = ["resume next week", "take several days", "cost more than planned", "be reviewed", "end soon", "continue"]
adjs = ["unusual", "severe", "limited", "unexpected", "orderly", "chaotic", "widespread", "brief"]
roles = ["spokesperson", "director", "councillor", "engineer", "analyst", "organiser", "official"]
weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

articles = []
while len(articles) < n:
    size = 1 if rng.random() < 0.15 else min(50, 2 + int(rng.expovariate(1 / 8)))
    kind_ = rng.choice(sorted(kinds))
    event = {
        "kind": kind_,
        "place": rng.choice(places),
        "people": [f"{rng.choice(given)} {rng.choice(surnames)}" for _ in range(3)],
        "org": f"{rng.choice(places)} {rng.choice(['Council', 'Authority', 'Agency', 'Union', 'Group', 'Company'])}",
        "details": rng.sample(details, 6),
        "number": rng.randrange(20, 5000),
        "day": start + datetime.timedelta(days=rng.randrange(730)),
    }
    event["id"] = len(articles)
    for _ in range(min(size, n - len(articles))):
        day = event["day"] + datetime.timedelta(days=min(int(rng.expovariate(1 / 3)), 14))
        articles.append((day, rng.random(), event))
articles.sort(key=lambda article: (article[0], article[1]))
# Which event each file tells, beside the corpus (not in it, or ingest would read it).
with open(out + ".events.tsv", "w") as f:
    for i, (_, _, event) in enumerate(articles):
        f.write(f"{i // 1000:03d}/{i:06d}.txt\t{event['id']}\n")
for i, (day, _, event) in enumerate(articles):
    k = kinds[event["kind"]]
    def fill(template):
        return template.format(
            person=rng.choice(event["people"]), person2=rng.choice(event["people"]), verb=rng.choice(verbs),
            k1=rng.choice(k), k2=rng.choice(k), k3=rng.choice(k), place=event["place"], org=event["org"],
            detail1=rng.choice(event["details"]), detail2=rng.choice(event["details"]), detail3=rng.choice(event["details"]),
            number=event["number"] + rng.randrange(-5, 6), number2=rng.randrange(2, 48), weekday=rng.choice(weekdays),
            outcome=rng.choice(outcomes), adj=rng.choice(adjs), role=rng.choice(roles),
            c1=rng.choice(common), c2=rng.choice(common), c3=rng.choice(common))
    paragraphs = []
    for _ in range(rng.randrange(5, 10)):
        sentences = [fill(rng.choice(templates)) for _ in range(rng.randrange(2, 4))]
        sentences.append(" ".join(rng.sample(common, 8)).capitalize() + ".")
        paragraphs.append(" ".join(sentences))
    title = f"{event['place']} {event['kind']}: {rng.choice(event['details'])} {rng.choice(k)}"
    dateline = "" if rng.random() < 0.05 else f"Published: {day.day} {day.strftime('%B %Y')}\n\n"
    write(i, f"{title}\n\nBy {rng.choice(given)} {rng.choice(surnames)}\n\n{dateline}" + "\n\n".join(paragraphs) + f"\n\nSource: {rng.choice(outlets)}\n")
PY
fi

rm -rf "$data"
log="$work/ingest-$kind-$n_articles-$seed.log"
samples="$work/rss-$kind-$n_articles-$seed.txt"
begin=$(date +%s.%N)
/usr/bin/time -v -o "$work/time.txt" "$parallax" ingest "$corpus" --data-dir "$data" 2>&1 \
  | while IFS= read -r line; do echo "$(date +%s.%N) $line"; done > "$log" &
: > "$samples"
# Sample the ingest's resident memory until it ends.
while sleep 5; do
  pid=$(pgrep -n -f -- "ingest $corpus --data-dir $data" | head -1 || true)
  [ -n "$pid" ] || { jobs -r | grep -q . || break; continue; }
  # Resident memory, and its anonymous part (heap) apart from file pages (the mapped index).
  rss=$(awk '/^VmRSS/ {r=$2} /^RssAnon/ {a=$2} /^RssFile/ {f=$2} END {if (r) print r, a, f}' "/proc/$pid/status" 2>/dev/null || true)
  [ -n "$rss" ] && echo "$(date +%s.%N) $rss" >> "$samples"
done
wait
cat "$work/time.txt" >> "$log"
grep -q "Exit status: 0" "$work/time.txt" || { tail -20 "$log"; exit 1; }
grep -E "ingested|Elapsed|Maximum resident" "$log"
seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$work/time.txt")
echo "articles/s: $(python3 -c "print(round($n_articles / $seconds, 1))")"
# Rate and memory per tenth of the articles, from the timestamped progress lines and samples.
python3 - "$log" "$samples" "$begin" "$n_articles" <<'PY'
import re, sys
log, samples, begin, n = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
points = [(0.0, 0)]
for line in open(log):
    match = re.match(r"(\S+) parallax: ingest: \d+/\d+ inputs, (\d+) new articles", line)
    if match:
        points.append((float(match.group(1)) - begin, int(match.group(2))))
rss = [(float(t) - begin, int(kb), int(anon), int(file)) for t, kb, anon, file in (line.split() for line in open(samples))]
step = max(n // 10, 1)
def time_at(count):
    for (t0, c0), (t1, c1) in zip(points, points[1:]):
        if c0 <= count <= c1 and c1 > c0:
            return t0 + (t1 - t0) * (count - c0) / (c1 - c0)
    return None
rates = []
for start in range(0, n, step):
    t0, t1 = time_at(start), time_at(min(start + step, n))
    if t0 is None or t1 is None or t1 <= t0:
        continue
    inside = [(kb, anon, file) for t, kb, anon, file in rss if t0 <= t <= t1]
    peak, anon, file = max(inside, default=(0, 0, 0))
    rates.append(step / (t1 - t0))
    print(f"articles {start:>7}-{min(start + step, n):>7}: {step / (t1 - t0):7.1f} articles/s, "
          f"RSS up to {peak / 1024:6.0f} MB (anonymous {anon / 1024:4.0f}, file {file / 1024:4.0f})")
if len(rates) >= 2:
    print(f"last / first segment rate: {rates[-1] / rates[0]:.2f}")
PY
du -sh "$data"
if [ -f "$corpus.events.tsv" ]; then
# How the stories formed compare with the events the corpus was generated from (B-cubed).
python3 - "$corpus" "$data/parallax.sqlite3" <<'PY'
import json, sqlite3, sys
corpus, database = sys.argv[1], sys.argv[2]
event_of = dict(line.rstrip("\n").split("\t") for line in open(corpus + ".events.tsv"))
rows = sqlite3.connect(database).execute(
    "SELECT a.origin, m.story_id FROM articles a JOIN story_members m ON m.article_id = a.id").fetchall()
pairs = []
for origin, story in rows:
    path = json.loads(origin).get("value", "")
    key = path[len(corpus) + 1:] if path.startswith(corpus) else path
    if key in event_of:
        pairs.append((event_of[key], story))
from collections import Counter
both, by_event, by_story = Counter(pairs), Counter(e for e, _ in pairs), Counter(s for _, s in pairs)
precision = sum(n * n / by_story[s] for (e, s), n in both.items()) / len(pairs)
recall = sum(n * n / by_event[e] for (e, s), n in both.items()) / len(pairs)
print(f"stories vs generated events (B-cubed, {len(pairs)} articles): P {precision:.3f} R {recall:.3f} "
      f"F1 {2 * precision * recall / (precision + recall):.3f}; {len(by_story)} stories, {len(by_event)} events")
PY
fi

words=(strike flood election fire talks budget workers troops council "\"told reporters\"" "\"town hall\"" residents ceasefire warehouse voters)
: > "$work/latency.txt"
for q in $(seq 1 "$n_queries"); do
  word=${words[$(( (q * 7 + seed) % ${#words[@]} ))]}
  begin=$(date +%s%N)
  "$parallax" search "$word" --limit 10 --data-dir "$data" > /dev/null
  end=$(date +%s%N)
  echo $(( (end - begin) / 1000 )) >> "$work/latency.txt"
done
sort -n "$work/latency.txt" | awk '{v[NR]=$1} END {printf "search latency (whole command), ms: p50 %.1f  p99 %.1f  (n=%d)\n", v[int(NR*0.5)]/1000, v[int(NR*0.99)]/1000, NR}'
