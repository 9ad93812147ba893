#!/usr/bin/env bash
# Inferred sides on stories Parallax was never tuned on: the 100 BASIL triplets (Fox News, The
# New York Times and HuffPost on one event), each briefed without outlet metadata, so that the
# readings' sides are inferred from how alike the sources' framing is. BASIL's outlets lean right
# (Fox News) and left (HuffPost), with The New York Times between; the script counts the stories
# whose inferred sides put the Fox News and the HuffPost article apart. Three sources split into
# two sides at random put those two apart in 2 of 3 stories: a count near 67 of 100 means the
# framing features say nothing of leaning, one above it that they do.
#
#   bench/basil-sides.sh [BASIL_DIR]
#
# BASIL_DIR defaults to ../shared/data/basil.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:-$root/../shared/data/basil}"
parallax="${PARALLAX:-$root/target/release/parallax}"

# shellcheck source=bench/basil-common.sh
source "$root/bench/basil-common.sh"

for story in "$stories"/t*/; do
    story="${story%/}"
    if ! "$parallax" brief "$story" --format json >"$stories/$(basename "$story").json" \
        2>"$stories/stderr"; then
        echo "parallax brief failed on BASIL story $(basename "$story"):" >&2
        head -n 5 "$stories/stderr" >&2
        exit 1
    fi
done
python3 - "$stories" <<'PY'
import glob, json, os, sys

apart = together = one_side = 0
for path in sorted(glob.glob(os.path.join(sys.argv[1], "t*.json"))):
    with open(path, encoding="utf-8") as f:
        brief = json.load(f)
    outlet_of = {source["number"]: os.path.basename(source["input"]).split(".")[0]
                 for source in brief["sources"]}
    sides = [{outlet_of[number] for number in side["sources"]}
             for side in (brief.get("readings") or {}).get("sides", [])]
    if len(sides) < 2:
        one_side += 1
        continue
    side_of = {outlet: idx for idx, side in enumerate(sides) for outlet in side}
    if side_of.get("fox") != side_of.get("hpo"):
        apart += 1
    else:
        together += 1
print("stories with two or more inferred sides: %d (one side or none: %d)" % (apart + together, one_side))
print("  Fox News and HuffPost on different sides: %d" % apart)
print("  on the same side: %d" % together)
PY
