"""B-cubed F1 of the stories a store holds against the invented events of bench/store.sh's
corpus. For bench/store-clustering.sh.

usage: store_clustering.py BRIEFS_JSONL EVENTS_TSV

BRIEFS_JSONL: one brief a line (`parallax brief --data-dir DIR --story ID --format jsonl` for
every story the store lists); EVENTS_TSV: the corpus's `FILE<TAB>EVENT` lines, FILE relative to
the corpus folder.
"""
import collections
import json
import sys

gold = {}
for line in open(sys.argv[2], encoding="utf-8"):
    path, event = line.split()
    gold[path] = event
found = {}
for number, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    for source in json.loads(line)["sources"]:
        found["/".join(source["input"].split("/")[-2:])] = number

members_found = collections.defaultdict(set)
members_gold = collections.defaultdict(set)
for path in found:
    members_found[found[path]].add(path)
    members_gold[gold[path]].add(path)
precision = sum(len(members_found[found[p]] & members_gold[gold[p]]) / len(members_found[found[p]]) for p in found) / len(found)
recall = sum(len(members_found[found[p]] & members_gold[gold[p]]) / len(members_gold[gold[p]]) for p in found) / len(found)
f1 = 2 * precision * recall / (precision + recall)
print(f"{len(found)} articles, {len(members_gold)} events, {len(members_found)} stories: "
      f"B3 F1 {f1:.4f} (P {precision:.4f} / R {recall:.4f})")
