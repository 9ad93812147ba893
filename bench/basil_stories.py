#!/usr/bin/env python3
"""Writes the 100 BASIL events as story folders Parallax can brief, one per triplet.

    bench/basil_stories.py ARTICLES_DIR OUT_DIR

Each event (Fox News, The New York Times and HuffPost on one story) becomes OUT_DIR/tNNN/ with
one text file per outlet (fox.txt, nyt.txt, hpo.txt): the title, the publication date as a
line under it (as scraped text gives it), and the body, one paragraph per block and the
sentences of a paragraph joined by spaces. Used, through bench/basil-common.sh, by
bench/basil-disputes.sh and bench/basil-loaded.sh; nothing is written into the repository.
"""
import glob
import json
import os
import sys

articles, out = sys.argv[1], sys.argv[2]
by_event = {}
for path in sorted(glob.glob(os.path.join(articles, "*", "*.json"))):
    with open(path, encoding="utf-8") as f:
        article = json.load(f)
    by_event.setdefault(article["triplet-uuid"], []).append(article)
for idx, (_, triplet) in enumerate(sorted(by_event.items())):
    folder = os.path.join(out, f"t{idx:03d}")
    os.makedirs(folder)
    for article in triplet:
        body = "\n\n".join(" ".join(paragraph) for paragraph in article["body-paragraphs"])
        name = article["source"].lower() + ".txt"
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            f.write(article["title"] + "\n\n" + article["date"] + "\n\n" + body + "\n")
