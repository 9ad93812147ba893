"""Which sentences would a sentence model call central? For bench/minilm-summary-signals.sh.

usage: minilm_summary_signals.py MODEL_DIR NEUS_DIR [SPLIT]

For each NeuS/AllSides story, ranks the sentences of its three sources by one signal each and
fills a summary in that order up to the roundup's length in words (skipping a sentence whose
cosine with a chosen one is over 0.9), then scores it with rouge-score's stemmed ROUGE-1 F1:
- tfidf: cosine with the tf-idf centroid of the story's sentences (Radev's Centroid);
- sentences: cosine of the sentence's embedding with the mean of the story's sentence embeddings;
- headlines: cosine with the mean of the three headlines' embeddings;
- tfidf+headlines: the sum of the two, each standardized within the story.
Sentences are split by a plain regular expression, not Parallax's annotator, so the figures
compare the signals with one another, not with `parallax eval summary`.
"""
import collections
import math
import re
import sys

import numpy as np
from rouge_score import rouge_scorer

from minilm_cosines import MiniLM

STOPWORDS = set("""the a an of to in and or for on at by with from that this is are was were be
been has have had it its as but not he she they his her their we you i said says will would""".split())


def sentences(text):
    return [s for s in re.split(r'(?<=[.!?])\s+(?=[A-Z"“])', text.strip()) if len(s.split()) >= 4]


def terms(sentence):
    return [w for w in re.findall(r"[a-z0-9]+", sentence.lower()) if w not in STOPWORDS]


def body(record):
    return record.split("ARTICLE=>", 1)[-1].strip()


def headline(record):
    return record.split("ARTICLE=>", 1)[0].replace("TITLE=>", "").strip()


def tfidf_centroid_cosines(units):
    bags = [collections.Counter(terms(s)) for s in units]
    df = collections.Counter(w for bag in bags for w in bag)
    vectors = [{w: c * math.log(len(bags) / df[w] + 1) for w, c in bag.items()} for bag in bags]
    centroid = collections.Counter()
    for vector in vectors:
        centroid.update(vector)
    norm = lambda v: math.sqrt(sum(x * x for x in v.values()))
    out = []
    for vector in vectors:
        dot = sum(x * centroid.get(w, 0) for w, x in vector.items())
        out.append(dot / (norm(vector) * norm(centroid)) if norm(vector) and norm(centroid) else 0.0)
    return np.array(out)


def unit(rows):
    return rows / np.maximum(np.linalg.norm(rows, axis=-1, keepdims=True), 1e-12)


def main():
    model_dir, neus = sys.argv[1], sys.argv[2]
    split = sys.argv[3] if len(sys.argv) > 3 else "val"
    folder = f"{neus}/naacl2022_lrc_roundup_random_order_probe/"
    sources = open(folder + split + ".source", encoding="utf-8").read().splitlines()
    targets = open(folder + split + ".target", encoding="utf-8").read().splitlines()
    model = MiniLM(model_dir)
    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    scores = collections.defaultdict(list)
    for source, target in zip(sources, targets):
        records = [r.strip() for r in source.split("[SEP]")]
        units = [s for r in records for s in sentences(body(r))]
        if not units:
            continue
        reference = body(target)
        cap = len(reference.split())
        embeddings = unit(np.array(model.embed(units)))
        heads = unit(np.array(model.embed([headline(r) for r in records])))
        standardized = lambda x: (x - x.mean()) / (x.std() + 1e-9)
        signals = {
            "tfidf": tfidf_centroid_cosines(units),
            "sentences": embeddings @ unit(embeddings.mean(0)),
            "headlines": embeddings @ unit(heads.mean(0)),
        }
        signals["tfidf+headlines"] = standardized(signals["tfidf"]) + standardized(signals["headlines"])
        for name, signal in signals.items():
            words, chosen = [], []
            for idx in np.argsort(-signal, kind="stable"):
                if any(float(embeddings[idx] @ embeddings[k]) > 0.9 for k in chosen):
                    continue
                words.extend(units[idx].split()[: cap - len(words)])
                chosen.append(idx)
                if len(words) >= cap:
                    break
            scores[name].append(scorer.score(reference, " ".join(words))["rouge1"].fmeasure)
    print(f"{'signal':<18} ROUGE-1 F1 ({len(scores['tfidf'])} stories of {split})")
    for name, values in scores.items():
        print(f"{name:<18} {100 * np.mean(values):.2f}")


if __name__ == "__main__":
    main()
