# Shared by the ROUGE bench scripts (`rouge-check.sh`, `summary-span-hits.sh`); sourced, not run.
# Given `root`, it sets `data`, `split` and `version` from the script's arguments and the
# environment, makes the virtual environment `venv` under target/ with rouge-score from PyPI
# (never a product dependency), and `dump_summaries DIR` writes Parallax's summaries of the
# split with every baseline's to DIR/summaries.jsonl (building the binary unless SKIP_BUILD is
# set; PARALLAX picks another binary).
data="${1:-$root/../shared/data/neus-allsides}"
split="${2:-val}"
version="${ROUGE_SCORE_VERSION:-0.1.2}"
venv="$root/target/bench-venv"

if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check "rouge-score==$version"

dump_summaries() {
    if [[ -z "${SKIP_BUILD:-}" ]]; then
        cargo build --release --quiet --manifest-path "$root/Cargo.toml" -p parallax-cli
    fi
    mkdir -p "$1"
    "${PARALLAX:-$root/target/release/parallax}" eval summary --data "$data" --split "$split" \
        --dump "$1" >/dev/null
}
