"""B-cubed F1 of Parallax's story split against BASIL's events. For bench/basil-clustering.sh.

usage: basil_clustering.py BRIEFS_JSONL

BRIEFS_JSONL holds one brief a line of a folder of BASIL story folders (bench/basil_stories.py),
one per story Parallax found. Each article's gold story is the folder it lies in (one BASIL
event, three outlets). Prints articles, gold and found stories, and B-cubed F1 / P / R.
"""
import json
import os
import sys

from bcubed import bcubed

found = {}
for number, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    for source in json.loads(line)["sources"]:
        found[source["input"]] = number
gold = {path: os.path.basename(os.path.dirname(path)) for path in found}
print(bcubed(found, gold)[3])
