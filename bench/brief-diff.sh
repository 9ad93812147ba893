#!/usr/bin/env bash
# What a change does to the briefs: every held-out BASIL story (bench/basil_stories.py), the
# seeds and the example stories briefed by two binaries, and the names of those whose briefs
# differ. Read the differences with `diff OUT/before/NAME.md OUT/after/NAME.md`.
#
#   bench/brief-diff.sh BEFORE_BINARY AFTER_BINARY OUT_DIR [BASIL_DIR]
#
# Keep the binary of the tree before the change aside first (`cp target/release/parallax
# /tmp/parallax-before`). Stories or data sets that are absent are left out with a note.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
before="$1"
after="$2"
out="$3"
basil="${4:-$root/../shared/data/basil}"
mkdir -p "$out/before" "$out/after"

stories=()
if [[ -d "$basil/articles" ]]; then
    basil_stories="$out/basil-stories"
    [[ -d "$basil_stories" ]] || python3 "$root/bench/basil_stories.py" "$basil/articles" "$basil_stories" >/dev/null
    stories+=("$basil_stories"/*)
else
    echo "note: no BASIL articles under $basil: left out" >&2
fi
if [[ -d "$root/../shared/seeds" ]]; then
    stories+=("$root/../shared/seeds")
else
    echo "note: no ../shared/seeds: left out" >&2
fi
for example in "$root"/examples/*/; do
    # examples/gold holds the example stories' gold files, not a story.
    [[ "$(basename "$example")" == gold ]] || stories+=("${example%/}")
done

n_changed=0
for story in "${stories[@]}"; do
    name="$(basename "$story")"
    "$before" brief "$story" >"$out/before/$name.md" 2>/dev/null || true
    "$after" brief "$story" >"$out/after/$name.md" 2>/dev/null || true
    if ! cmp -s "$out/before/$name.md" "$out/after/$name.md"; then
        echo "changed: $name"
        n_changed=$((n_changed + 1))
    fi
done
echo "$n_changed of ${#stories[@]} briefs changed"
