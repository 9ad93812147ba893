"""B-cubed F1 of the stories a store holds against the invented events of bench/store.sh's
corpus. For bench/store-clustering.sh.

usage: store_clustering.py BRIEFS_JSONL EVENTS_TSV

BRIEFS_JSONL: one brief a line (`parallax brief --data-dir DIR --story ID --format jsonl` for
every story the store lists); EVENTS_TSV: the corpus's `FILE<TAB>EVENT` lines, FILE relative to
the corpus folder.
"""
import json
import sys

from bcubed import bcubed

gold = {}
for line in open(sys.argv[2], encoding="utf-8"):
    path, event = line.split()
    gold[path] = event
found = {}
for number, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    for source in json.loads(line)["sources"]:
        found["/".join(source["input"].split("/")[-2:])] = number
print(bcubed(found, gold)[3])
