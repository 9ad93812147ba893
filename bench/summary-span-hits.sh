#!/usr/bin/env bash
# How much ROUGE-1 sentence compression could buy: of the words of each kind of span in
# Parallax's NeuS summaries (appositives, relative clauses, parentheses, asides between dashes,
# day phrases, quotations), the share the reference also has, against the share in the last
# quarter of each summary, which is what cutting a span would let in at the length cap.
#
#   bench/summary-span-hits.sh [DATA_DIR] [SPLIT]
#
# A span kind whose share is under the last quarter's is worth cutting; one above it costs
# ROUGE. Hits are clipped as ROUGE-1 counts them (each reference word once), tokens and stems
# are rouge-score's (see `rouge-common.sh`).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/rouge-common.sh
source "$root/bench/rouge-common.sh"
dump="$root/target/summary-span-hits"
dump_summaries "$dump"

"$venv/bin/python" - "$dump/summaries.jsonl" <<'PY'
import collections, json, re, sys
from nltk.stem import porter

stemmer = porter.PorterStemmer()
stems = {}

def stem(word):
    if len(word) <= 3:
        return word
    if word not in stems:
        stems[word] = stemmer.stem(word)
    return stems[word]

def tokens(text):
    return [(m.start(), stem(m.group())) for m in re.finditer(r"[a-z0-9]+", text.lower())]

SPANS = {
    "appositive": r"(?<=[A-Za-z]), (?:a|an|the) [^,.;“”\"]{2,80},",
    "relative clause": r", (?:who|which|whose) [^,.;]{2,120}[,.]",
    "parenthesis": r"\([^)]*\)",
    "aside between dashes": r"— [^—]{2,100} —",
    "day phrase": r"\b(?:on|last|this|early|late) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year)\b",
    "quotation": r"[“\"][^”\"]{1,400}[”\"]",
    "clause of time": r", (?:when|after|before|as|while) [^,.]{2,120}[,.]",
}
total, hit = collections.Counter(), collections.Counter()
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    example = json.loads(line)
    if "reference" not in example:
        continue
    n += 1
    left = collections.Counter(word for _, word in tokens(example["reference"]))
    summary = example["summaries"]["parallax"]
    words = tokens(summary)
    hits = []
    for _, word in words:
        hits.append(left[word] > 0)
        if hits[-1]:
            left[word] -= 1
    total["whole summary"] += len(words)
    hit["whole summary"] += sum(hits)
    tail = len(words) * 3 // 4
    total["last quarter"] += len(words) - tail
    hit["last quarter"] += sum(hits[tail:])
    for kind, pattern in SPANS.items():
        spans = [(m.start(), m.end()) for m in re.finditer(pattern, summary)]
        for (start, _), is_hit in zip(words, hits):
            if any(a <= start < b for a, b in spans):
                total[kind] += 1
                hit[kind] += is_hit
print(f"{n} summaries; share of each kind of span's words the reference also has")
for kind in total:
    print(f"{kind:<22} {total[kind]:>7} words  {hit[kind] / total[kind]:.3f}")
PY
