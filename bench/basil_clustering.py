"""B-cubed F1 of Parallax's story split against BASIL's events. For bench/basil-clustering.sh.

usage: basil_clustering.py BRIEFS_JSONL

BRIEFS_JSONL holds `parallax brief FOLDER --format jsonl` of a folder of BASIL story folders
(bench/basil_stories.py): one brief per story Parallax found. Each article's gold story is the
folder it lies in (one BASIL event, three outlets). Prints articles, gold and found stories,
and B-cubed F1 / precision / recall (Bagga and Baldwin 1998), as `parallax eval clustering`
scores ECB+.
"""
import collections
import json
import os
import sys

found = {}
for number, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    for source in json.loads(line)["sources"]:
        found[source["input"]] = number
gold = {path: os.path.basename(os.path.dirname(path)) for path in found}

members_found = collections.defaultdict(set)
members_gold = collections.defaultdict(set)
for path in found:
    members_found[found[path]].add(path)
    members_gold[gold[path]].add(path)
precision = recall = 0.0
for path in found:
    shared = len(members_found[found[path]] & members_gold[gold[path]])
    precision += shared / len(members_found[found[path]])
    recall += shared / len(members_gold[gold[path]])
precision /= len(found)
recall /= len(found)
f1 = 2 * precision * recall / (precision + recall)
print(f"{len(found)} articles, {len(members_gold)} events, {len(members_found)} stories found: "
      f"B3 F1 {f1:.4f} (P {precision:.4f} / R {recall:.4f})")
