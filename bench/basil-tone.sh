#!/usr/bin/env bash
# Tone toward the main actors on stories Parallax was never tuned on: the brief's tone table
# against BASIL's article-level "author feeling" toward each main entity (Fan et al. 2019:
# annotators' reading of how the writer, in their own voice, feels about the person or group:
# negative, neutral or positive; "str-neg"/"str-pos" count as negative/positive), over the 300
# articles of its 100 events.
#
#   bench/basil-tone.sh [BASIL_DIR]
#
# BASIL_DIR defaults to ../shared/data/basil. A gold entity is matched to the tone row of the
# same source whose actor has the same last word ("Donald_Trump" and "Trump"); groups that name
# no one actor ("Republican_Lawmakers") are matched when a row's actor is the same words. An
# entity with no row, or a score of 0, reads as neutral. Printed: the pairs, how many the table
# covers, the accuracy of the three-way reading against always answering "neutral" (the
# majority), and of the pairs the annotators read as negative or positive, how many the table
# gives that sign (and the opposite one), and the two readings against each other. Figures are
# given for all events and apart for 2010-2014 and 2015-2019. Last, the words the table shows
# against BASIL's phrase-level spans (what annotators marked as biased, lexical or
# informational, each with its target): how many fall inside a span, and inside one aimed at
# the row's actor, beside the share of the text the spans cover (what words picked at random
# would score).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:-$root/../shared/data/basil}"
parallax="${PARALLAX:-$root/target/release/parallax}"

# shellcheck source=bench/basil-common.sh
source "$root/bench/basil-common.sh"

python3 - "$data" "$stories" "$parallax" <<'PY'
import glob, json, os, re, subprocess, sys

data, stories, parallax = sys.argv[1:4]

by_event = {}
for path in sorted(glob.glob(os.path.join(data, "articles", "*", "*.json"))):
    with open(path, encoding="utf-8") as f:
        article = json.load(f)
    by_event.setdefault(article["triplet-uuid"], []).append((path, article))

GOLD = {"str-neg": "neg", "neg": "neg", "neu": "neu", "pos": "pos", "str-pos": "pos"}
HALVES = (("all", range(2010, 2020)), ("2010-2014", range(2010, 2015)), ("2015-2019", range(2015, 2020)))
counts = {h: {"pairs": 0, "covered": 0, "correct": 0, "neutral": 0,
              "polar": 0, "same_sign": 0, "opposite": 0} for h, _ in HALVES}
# Gold reading by the table's reading, all events: rows found, columns gold.
confusion = {found: {gold: 0 for gold in ("neg", "neu", "pos")} for found in ("neg", "neu", "pos")}
words = {"shown": 0, "in_span": 0, "at_actor": 0, "text_chars": 0, "span_chars": 0}


def matches(gold_name, actor):
    gold_words = gold_name.lower().split("_")
    actor_words = actor.lower().replace("’", "'").split()
    return gold_words == actor_words or (len(gold_words) <= 3 and actor_words[-1:] == gold_words[-1:])


for idx, (_, triplet) in enumerate(sorted(by_event.items())):
    folder = os.path.join(stories, f"t{idx:03d}")
    brief = json.loads(subprocess.run([parallax, "brief", folder, "--format", "json"],
                                      capture_output=True, text=True, check=True).stdout)
    files = {}
    texts = {}
    for line in subprocess.run([parallax, "extract", folder, "--format", "jsonl"],
                               capture_output=True, text=True, check=True).stdout.splitlines():
        item = json.loads(line)
        files[item["article"]] = os.path.basename(item["file"])[: -len(".txt")]
        texts[item["article"]] = item["text"]
    outlet_article = {outlet: article for article, outlet in files.items()}
    rows_by_outlet = {}
    for source in brief["sources"]:
        outlet = files.get(source["article"])
        tone = next((t for t in brief["tone"] if t["source"] == source["number"]), None)
        if outlet is not None:
            rows_by_outlet[outlet] = (tone or {}).get("entities", [])
    for path, article in triplet:
        outlet = article["source"].lower()
        year = int(os.path.basename(os.path.dirname(path)))
        halves = [h for h, years in HALVES if year in years]
        annotation_path = path.replace(os.sep + "articles" + os.sep, os.sep + "annotations" + os.sep)
        annotation_path = annotation_path[: -len(".json")] + "_ann.json"
        with open(annotation_path, encoding="utf-8") as f:
            annotation = json.load(f)
        feelings = annotation["article-level-annotations"]
        article_id = outlet_article.get(outlet)
        if article_id is not None:
            text = texts[article_id]
            spans = [(m.start(), m.end(), (span["target"] or "").lower())
                     for span in annotation["phrase-level-annotations"]
                     if len(span["txt"].strip()) >= 3
                     for m in re.finditer(re.escape(span["txt"].strip()), text)]
            marked = set()
            for start, end, _ in spans:
                marked.update(range(start, end))
            words["text_chars"] += len(text)
            words["span_chars"] += len(marked)
            for row in rows_by_outlet.get(outlet, []):
                last = row["entity"].lower().split()[-1]
                for word in row["words"]:
                    at = word["span"]
                    holding = [s for s in spans if s[0] <= at["start"] and at["end"] <= s[1]]
                    words["shown"] += 1
                    words["in_span"] += bool(holding)
                    words["at_actor"] += any(last in target for _, _, target in holding)
        for key, value in feelings.items():
            if not key.startswith("author_feeling_") or key == "author_feeling_main_event":
                continue
            gold = GOLD.get(value)
            if gold is None:
                continue
            name = key[len("author_feeling_"):]
            row = next((r for r in rows_by_outlet.get(outlet, []) if matches(name, r["entity"])), None)
            score = row["score"] if row else 0.0
            found = "neg" if score < 0 else "pos" if score > 0 else "neu"
            confusion[found][gold] += 1
            for h in halves:
                c = counts[h]
                c["pairs"] += 1
                c["covered"] += row is not None
                c["correct"] += found == gold
                c["neutral"] += gold == "neu"
                if gold != "neu":
                    c["polar"] += 1
                    c["same_sign"] += found == gold
                    c["opposite"] += found not in (gold, "neu")

print(f"{'events':<10} {'pairs':>5} {'rows':>5} {'accuracy':>8} {'all neutral':>11} "
      f"{'polar':>5} {'same sign':>9} {'opposite':>8}")
for h, _ in HALVES:
    c = counts[h]
    pairs = c["pairs"] or 1
    print(f"{h:<10} {c['pairs']:>5} {c['covered']:>5} {c['correct'] / pairs:>8.3f} "
          f"{c['neutral'] / pairs:>11.3f} {c['polar']:>5} {c['same_sign']:>9} {c['opposite']:>8}")
print()
print("all events, the table's reading (rows) against the annotators' (columns):")
print(f"{'':<10} {'neg':>5} {'neu':>5} {'pos':>5}")
for found in ("neg", "neu", "pos"):
    row = confusion[found]
    print(f"{found:<10} {row['neg']:>5} {row['neu']:>5} {row['pos']:>5}")
print()
shown = words["shown"] or 1
print(f"words shown: {words['shown']}; inside a bias span {words['in_span'] / shown:.3f}, inside one "
      f"aimed at the row's actor {words['at_actor'] / shown:.3f}; the spans cover "
      f"{words['span_chars'] / max(words['text_chars'], 1):.3f} of the text")
PY
