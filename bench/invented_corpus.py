"""Writes N invented articles (places, people and events of no real story) as text files, for
the crash benches (bench/crash-ingest.sh, bench/crash-worker.sh).

usage: invented_corpus.py OUT_DIR N SEED
"""
import os
import random
import sys

out, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
places = ["Vell", "Ostrana", "Carrow Bay", "Mirelund", "Tazan", "Quillport"]
people = ["Tova Marrin", "Ilse Varga", "Oren Halloway", "Jonas Pell", "Rhea Donnet"]
events = ["dock workers walked out over pay", "the river burst its banks", "negotiators met again",
          "a warehouse fire spread to nearby homes", "the council approved a new budget"]
os.makedirs(out, exist_ok=True)
for i in range(n):
    place, person, event = rng.choice(places), rng.choice(people), rng.choice(events)
    paragraphs = [f"In {place}, {event} on Monday, {person} said, in report number {i}."]
    for _ in range(rng.randrange(3, 7)):
        paragraphs.append(f"{rng.choice(people)} told reporters that {rng.randrange(10, 900)} people in {place} were affected by case {i}.")
    with open(os.path.join(out, f"{i:05d}.txt"), "w") as f:
        f.write(f"{place} update {i}\n\n" + "\n\n".join(paragraphs) + "\n")
