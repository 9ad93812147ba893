#!/usr/bin/env bash
# Loaded words on stories Parallax was never tuned on: the framing section's loaded words in each
# source's own voice against BASIL's lexical-bias spans (Fan et al. 2019: words and phrases
# annotators marked as carrying the writer's bias through word choice, outside quotations), on
# the 300 articles of its 100 events, side by side with Recasens et al.'s bias lexicon (2013)
# matched outside quotation marks, which is the general lexicon the issue names and cannot ship
# (no licence).
#
#   bench/basil-loaded.sh [BASIL_DIR]
#
# BASIL_DIR defaults to ../shared/data/basil. Precision: the share of the words found (each
# use) that fall inside a lexical-bias span. Recall: the share of BASIL's lexical-bias spans
# outside quotations that hold a word found. Spans are located by their sentence in the text
# `parallax extract` gives; a sentence the extraction changed is counted as not located.
# Figures are given for all events and apart for the events of 2010-2014 and of 2015-2019: the
# lexicon's words were chosen reading the first half only, so the second is held out.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:-$root/../shared/data/basil}"
parallax="${PARALLAX:-$root/target/release/parallax}"
lexicon="$root/../shared/data/bias-lexicons-recasens2013/bias-lexicon.txt"

# shellcheck source=bench/basil-common.sh
source "$root/bench/basil-common.sh"

python3 - "$data" "$stories" "$parallax" "$lexicon" <<'PY'
import glob, json, os, re, subprocess, sys

data, stories, parallax, lexicon_path = sys.argv[1:5]

# The events in the order basil_stories.py writes them.
by_event = {}
for path in sorted(glob.glob(os.path.join(data, "articles", "*", "*.json"))):
    with open(path, encoding="utf-8") as f:
        article = json.load(f)
    by_event.setdefault(article["triplet-uuid"], []).append((path, article))

recasens = set()
if os.path.exists(lexicon_path):
    with open(lexicon_path, encoding="utf-8") as f:
        recasens = {line.strip().lower() for line in f if line.strip() and not line.startswith("#")}

QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def char_offset(text_bytes, byte):
    return len(text_bytes[:byte].decode("utf-8", errors="ignore"))


def recasens_uses(text):
    quoted = [m.span() for m in QUOTED.finditer(text)]
    for m in WORD.finditer(text):
        if m.group().lower() in recasens and not any(a <= m.start() < b for a, b in quoted):
            yield m.span()


HALVES = (("all", range(2010, 2020)), ("2010-2014", range(2010, 2015)), ("2015-2019", range(2015, 2020)))
NAMES = ("parallax", "recasens")
found_n = {(h, n): 0 for h, _ in HALVES for n in NAMES}
in_span = dict(found_n)
recalled = dict(found_n)
gold_total = {h: 0 for h, _ in HALVES}
gold_located = dict(gold_total)
for idx, (_, triplet) in enumerate(sorted(by_event.items())):
    folder = os.path.join(stories, f"t{idx:03d}")
    brief = json.loads(subprocess.run([parallax, "brief", folder, "--format", "json"],
                                      capture_output=True, text=True, check=True).stdout)
    extracted = {}
    for line in subprocess.run([parallax, "extract", folder, "--format", "jsonl"],
                               capture_output=True, text=True, check=True).stdout.splitlines():
        item = json.loads(line)
        extracted[item["article"]] = item
    by_outlet = {}
    for source in brief["sources"]:
        item = extracted.get(source["article"])
        if item is None:
            continue
        outlet = os.path.basename(item["file"])[: -len(".txt")]
        framing = next((f for f in brief["framing"] if f["source"] == source["number"]), None)
        by_outlet[outlet] = (item["text"], framing)
    for path, article in triplet:
        outlet = article["source"].lower()
        if outlet not in by_outlet:
            continue
        year = int(os.path.basename(os.path.dirname(path)))
        halves = [h for h, years in HALVES if year in years]
        text, framing = by_outlet[outlet]
        text_bytes = text.encode("utf-8")
        uses = {
            "parallax": [
                (char_offset(text_bytes, start), char_offset(text_bytes, end))
                for word in (framing or {}).get("loaded_words", [])
                for start, end in word["spans"]
            ],
            "recasens": list(recasens_uses(text)),
        }
        annotation_path = path.replace(os.sep + "articles" + os.sep, os.sep + "annotations" + os.sep)
        annotation_path = annotation_path[: -len(".json")] + "_ann.json"
        with open(annotation_path, encoding="utf-8") as f:
            annotation = json.load(f)
        sentences = [s for paragraph in article["body-paragraphs"] for s in paragraph]
        spans = []  # (start, end, outside quotation) in the clean text
        for phrase in annotation["phrase-level-annotations"]:
            if phrase["bias"] != "lex":
                continue
            sentence = next((s for s in sentences
                             if s[phrase["start"]:phrase["end"]] == phrase["txt"]), None)
            at = text.find(sentence) if sentence else -1
            own_voice = phrase["quote"] == "no"
            for h in halves:
                gold_total[h] += own_voice
            if at < 0:
                continue
            spans.append((at + phrase["start"], at + phrase["end"], own_voice))
            for h in halves:
                gold_located[h] += own_voice
        for name, found in uses.items():
            hits = sum(any(a <= start and end <= b for a, b, _ in spans) for start, end in found)
            covered = sum(1 for a, b, own in spans
                          if own and any(a <= start and end <= b for start, end in found))
            for h in halves:
                found_n[(h, name)] += len(found)
                in_span[(h, name)] += hits
                recalled[(h, name)] += covered

for h, _ in HALVES:
    print(f"events of {h}: lexical-bias spans outside quotations {gold_total[h]} "
          f"({gold_located[h]} located in the extracted text)")
    print(f"  {'lexicon':<24} {'words found':>11} {'precision':>9} {'recall':>7}")
    for name, label in (("parallax", "parallax loaded words"), ("recasens", "Recasens et al. 2013")):
        found = found_n[(h, name)]
        precision = in_span[(h, name)] / found if found else 0.0
        recall = recalled[(h, name)] / gold_located[h] if gold_located[h] else 0.0
        print(f"  {label:<24} {found:>11} {precision:>9.3f} {recall:>7.3f}")
PY
