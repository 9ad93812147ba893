#!/usr/bin/env bash
# Checks Parallax's ROUGE port against Google's `rouge-score` on the same summaries.
#
#   bench/rouge-check.sh [DATA_DIR] [SPLIT]
#
# DATA_DIR defaults to ../shared/data/neus-allsides, SPLIT to val. `parallax eval summary --dump`
# writes every method's summary of every example with the ROUGE F1s the Rust scorer gave; this
# script scores the same texts with rouge-score (use_stemmer=True; rouge1, rouge2, rougeL)
# installed from PyPI into a virtual environment under target/ (never a product dependency;
# set ROUGE_SCORE_VERSION to pick another release), and prints the largest difference per
# example and the mean F1s of both scorers side by side.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/rouge-common.sh
source "$root/bench/rouge-common.sh"
dump="$root/target/rouge-check"
dump_summaries "$dump"

"$venv/bin/python" - "$dump/summaries.jsonl" "$version" <<'PY'
import json, sys
from rouge_score import rouge_scorer

path, version = sys.argv[1], sys.argv[2]
scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
examples = [json.loads(line) for line in open(path, encoding="utf-8")]
methods = sorted(examples[0]["summaries"])
rust = {method: [0.0, 0.0, 0.0] for method in methods}
python = {method: [0.0, 0.0, 0.0] for method in methods}
worst, n_differing = (0.0, None), 0
for example in examples:
    for method in methods:
        scores = scorer.score(example["reference"], example["summaries"][method])
        ours = example["scores"][method]
        theirs = [scores[kind].fmeasure for kind in ("rouge1", "rouge2", "rougeL")]
        for idx in range(3):
            rust[method][idx] += ours[idx]
            python[method][idx] += theirs[idx]
        gap = max(abs(a - b) for a, b in zip(ours, theirs))
        n_differing += gap > 1e-9
        if gap > worst[0]:
            worst = (gap, (example["line"], method))
n = len(examples)
print(f"{n} examples x {len(methods)} methods; rouge-score {version}, use_stemmer=True")
print(f"{'method':<10} {'R1 rust':>8} {'R1 py':>8} {'R2 rust':>8} {'R2 py':>8} {'RL rust':>8} {'RL py':>8}")
for method in methods:
    cells = []
    for idx in range(3):
        cells += [100 * rust[method][idx] / n, 100 * python[method][idx] / n]
    print(f"{method:<10} " + " ".join(f"{cell:>8.2f}" for cell in cells))
print(f"summaries whose F1 differ by more than 1e-9: {n_differing}; largest difference {worst[0]:.2e} {worst[1] or ''}")
PY
