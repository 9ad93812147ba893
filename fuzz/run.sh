#!/usr/bin/env bash
# Fuzzes every target for a set time each and writes a summary line per target.
#
#   fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Needs the nightly toolchain (rustup) and cargo-fuzz; installs cargo-fuzz into target/ when
# missing. The working corpora grow under fuzz/corpus/ (ignored by git), seeded from fuzz/seeds/;
# crashes land in fuzz/artifacts/<target>/ and become regression tests in the crate they hit.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(extract_html extract_text extract_feed read_bytes times quantities quotes annotate brief api)
fi
if ! rustup run nightly rustc --version >/dev/null 2>&1; then
    echo "skipped: the nightly toolchain is not installed (rustup toolchain install nightly)" >&2
    exit 0
fi
fuzz_bin=$(command -v cargo-fuzz || true)
if [ -z "$fuzz_bin" ]; then
    cargo install --locked --root ../target/cargo-fuzz cargo-fuzz >&2
    fuzz_bin=../target/cargo-fuzz/bin/cargo-fuzz
fi
for target in "${targets[@]}"; do
    mkdir -p "corpus/$target" "artifacts/$target"
    cp -n seeds/"$target"/* "corpus/$target/" 2>/dev/null || true
    start=$(date +%s)
    status=ok
    if ! rustup run nightly "$fuzz_bin" fuzz run "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
        -artifact_prefix="artifacts/$target/" >"artifacts/$target.log" 2>&1; then
        status=crash
    fi
    runs=$(grep -oE '#[0-9]+' "artifacts/$target.log" | tail -1 | tr -d '#')
    crashes=$(find "artifacts/$target" -type f | wc -l)
    echo "$target: ${status}, $(( $(date +%s) - start )) s, ${runs:-0} runs, ${crashes} crash files, corpus $(ls "corpus/$target" | wc -l)"
done
