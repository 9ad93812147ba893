#!/usr/bin/env bash
# Extraction speed, Parallax against Python trafilatura, side by side in one run on the same
# 181 pages of the Zyte article-extraction benchmark, each pinned to one core.
#
#   bench/extraction.sh [BENCHMARK_DIR]
#
# BENCHMARK_DIR defaults to ../shared/data/article-extraction-benchmark. trafilatura is
# installed from PyPI into a virtual environment under target/ (never a product dependency);
# set TRAFILATURA_VERSION to pick another release than the one the published F1 is for
# (lxml_html_clean comes along: newer lxml releases split it out, and trafilatura imports it).
# Both tools read the gzipped pages and decompress them inside the timed loop, one page at a
# time; Parallax's figure is the pages/s of `parallax eval extraction`, which also prints its F1.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:-$root/../shared/data/article-extraction-benchmark}"
version="${TRAFILATURA_VERSION:-2.0.0}"
venv="$root/target/bench-venv"

pin=()
if command -v taskset >/dev/null; then
    pin=(taskset -c 0)
fi

if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check "trafilatura==$version" lxml_html_clean

cargo build --release --quiet --manifest-path "$root/Cargo.toml"

parallax_json="$("${pin[@]}" "$root/target/release/parallax" eval extraction --data "$data" | tail -n 1)"
parallax_speed="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["metrics"]["pages_per_second"])' "$parallax_json")"
parallax_f1="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["metrics"]["f1"])' "$parallax_json")"

trafilatura_speed="$("${pin[@]}" "$venv/bin/python" - "$data" <<'PY'
import gzip, json, sys, time
from pathlib import Path
import trafilatura

data = Path(sys.argv[1])
ids = sorted(json.loads((data / "ground-truth.json").read_text(encoding="utf-8")))
# One untimed page first, so that imports and lazy set-up are not counted.
trafilatura.extract(gzip.decompress((data / "html" / f"{ids[0]}.html.gz").read_bytes()).decode("utf-8"))
started = time.perf_counter()
for page_id in ids:
    html = gzip.decompress((data / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8")
    trafilatura.extract(html)
print(len(ids) / (time.perf_counter() - started))
PY
)"

python3 - "$parallax_speed" "$trafilatura_speed" "$parallax_f1" "$version" <<'PY'
import sys
parallax, trafilatura, f1, version = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
print(f"{'extractor':<22} {'pages/s per core':>16}")
print(f"{'parallax':<22} {parallax:>16.1f}   (F1 {f1:.3f})")
print(f"{'trafilatura ' + version:<22} {trafilatura:>16.1f}")
print(f"ratio parallax / trafilatura: {parallax / trafilatura:.1f}x")
PY
