"""Cosines of consensus pairs under all-MiniLM-L6-v2, for bench/minilm-cosines.sh.

usage: minilm_cosines.py MODEL_DIR ECBPLUS_PAIRS_TSV N_LOWEST [BASIL_CONSENSUS_TXT]
"""
import math
import re
import sys

import numpy as np
from safetensors.numpy import load_file
from tokenizers import Tokenizer

FLOORS = [0.3, 0.35, 0.4, 0.5, 0.6, 0.7]


class MiniLM:
    """The BERT encoder of all-MiniLM-L6-v2 (6 layers, 12 heads, 384 wide), mean-pooled."""

    def __init__(self, folder):
        self.weights = {k: v.astype(np.float32) for k, v in load_file(folder + "/model.safetensors").items()}
        self.tokenizer = Tokenizer.from_file(folder + "/tokenizer.json")
        self.tokenizer.enable_truncation(256)
        self.tokenizer.no_padding()

    def _norm(self, x, name):
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / np.sqrt(var + 1e-12) * self.weights[name + ".weight"] + self.weights[name + ".bias"]

    def _linear(self, x, name):
        return x @ self.weights[name + ".weight"].T + self.weights[name + ".bias"]

    def embed(self, texts, batch=32):
        w = self.weights
        out = []
        for at in range(0, len(texts), batch):
            encodings = self.tokenizer.encode_batch(texts[at:at + batch])
            length = max(len(e.ids) for e in encodings)
            ids = np.zeros((len(encodings), length), np.int64)
            mask = np.zeros((len(encodings), length), np.float32)
            for row, e in enumerate(encodings):
                ids[row, :len(e.ids)] = e.ids
                mask[row, :len(e.ids)] = e.attention_mask
            x = (w["embeddings.word_embeddings.weight"][ids]
                 + w["embeddings.position_embeddings.weight"][:length][None]
                 + w["embeddings.token_type_embeddings.weight"][0])
            x = self._norm(x, "embeddings.LayerNorm")
            n, heads, width = x.shape[0], 12, 32
            masked = (1 - mask)[:, None, None, :] * -1e9
            for layer in range(6):
                p = f"encoder.layer.{layer}."
                split = lambda y: y.reshape(n, length, heads, width).transpose(0, 2, 1, 3)
                q = split(self._linear(x, p + "attention.self.query"))
                k = split(self._linear(x, p + "attention.self.key"))
                v = split(self._linear(x, p + "attention.self.value"))
                scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(width) + masked
                scores = np.exp(scores - scores.max(-1, keepdims=True))
                scores /= scores.sum(-1, keepdims=True)
                context = (scores @ v).transpose(0, 2, 1, 3).reshape(n, length, heads * width)
                x = self._norm(x + self._linear(context, p + "attention.output.dense"), p + "attention.output.LayerNorm")
                hidden = self._linear(x, p + "intermediate.dense")
                hidden = 0.5 * hidden * (1 + np.tanh(math.sqrt(2 / math.pi) * (hidden + 0.044715 * hidden ** 3)))
                x = self._norm(x + self._linear(hidden, p + "output.dense"), p + "output.LayerNorm")
            pooled = (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
            out.append(pooled / np.linalg.norm(pooled, axis=1, keepdims=True))
        return np.concatenate(out)


def cosines(model, pairs):
    texts = sorted({a for a, _ in pairs} | {b for _, b in pairs})
    vectors = dict(zip(texts, model.embed(texts)))
    return np.array([float(vectors[a] @ vectors[b]) for a, b in pairs])


def ecbplus(model, path):
    rows = [line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8")]
    cos = cosines(model, [(r[5], r[7]) for r in rows])
    right = np.array([r[3] == "right" for r in rows])
    clause = np.array([r[2] == "clause" for r in rows])
    print("ECB+ consensus pairs (train and dev):")
    for name, chosen in [("all", np.ones(len(rows), bool)), ("clauses", clause), ("sentences", ~clause)]:
        print(f"  {name}: {chosen.sum()} pairs, precision {right[chosen].mean():.3f}; mean cosine "
              f"right {cos[chosen & right].mean():.3f}, wrong {cos[chosen & ~right].mean():.3f}")
        for floor in FLOORS:
            kept = chosen & (cos >= floor)
            print(f"    floor {floor}: kept {kept.sum()}, precision {right[kept].mean():.3f}, "
                  f"right lost {(chosen & right & ~kept).sum()}, wrong removed {(chosen & ~right & ~kept).sum()}")


def basil(model, path, n_lowest):
    text = open(path, encoding="utf-8").read()
    pairs = []
    for group in re.split(r"\n(?=== )", text):
        head, *lines = group.split("\n")
        if " clauses " not in head:
            continue
        members = [re.sub(r"^\[\d+\] ", "", line.strip()) for line in lines if line.strip().startswith("[")]
        if len(members) >= 2:
            pairs.append((head.split()[1], members[0], members[1]))
    cos = cosines(model, [(a, b) for _, a, b in pairs])
    print(f"\nheld-out BASIL clause groups: {len(pairs)}; cosine quartiles "
          + " / ".join(f"{q:.3f}" for q in np.quantile(cos, [0.25, 0.5, 0.75])))
    for floor in FLOORS:
        print(f"  below {floor}: {(cos < floor).sum()}")
    print(f"  the {n_lowest} lowest, for reading:")
    for at in np.argsort(cos)[:n_lowest]:
        story, a, b = pairs[at]
        print(f"    {cos[at]:.3f} {story} | {a[:120]} | {b[:120]}")


def main():
    folder, ecbplus_pairs, n_lowest = sys.argv[1], sys.argv[2], int(sys.argv[3])
    model = MiniLM(folder)
    check = model.embed(["A man is eating food.", "A man is eating a piece of bread."])
    print(f"model check: {float(check[0] @ check[1]):.3f} (the model card's example: 0.755)")
    ecbplus(model, ecbplus_pairs)
    if len(sys.argv) > 4:
        basil(model, sys.argv[4], n_lowest)


if __name__ == "__main__":
    main()
