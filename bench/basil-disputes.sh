#!/usr/bin/env bash
# Disputes (and genres) on stories Parallax was never tuned on: the 100 BASIL triplets (Fan et al. 2019;
# one event each, told by Fox News, The New York Times and HuffPost), briefed one triplet at a
# time. BASIL has no dispute gold, so the script counts the disputes by kind and writes every
# one with its sides' sentences for reading: on real stories most sentence pairs a dispute rule
# can match are not contradictions, and this is where false disputes show.
#
#   bench/basil-disputes.sh [BASIL_DIR] [OUT_FILE]
#
# BASIL_DIR defaults to ../shared/data/basil; OUT_FILE to target/basil-disputes.txt. The
# consensus groups (statements two or more sources make) go beside it, in
# target/basil-consensus.txt, for reading the same way: false agreements show there; so do the
# voices, in target/basil-voices.txt (story | speaker | anonymous | direct indirect | cues),
# with a count of two kinds of wrong speaker: a party tag's fragment ("R-N" of "R-N.C.") and a
# US state (the "of Virginia" after a senator's name).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:-$root/../shared/data/basil}"
out="${2:-$root/target/basil-disputes.txt}"
consensus_out="$(dirname "$out")/basil-consensus.txt"
voices_out="$(dirname "$out")/basil-voices.txt"
parallax="${PARALLAX:-$root/target/release/parallax}"

# shellcheck source=bench/basil-common.sh
source "$root/bench/basil-common.sh"

: > "$out"
: > "$consensus_out"
: > "$voices_out"
for story in "$stories"/t*/; do
    story="${story%/}"
    if ! brief="$("$parallax" brief "$story" --format json 2>"$stories/stderr")"; then
        echo "parallax brief failed on BASIL story $(basename "$story"):" >&2
        head -n 5 "$stories/stderr" >&2
        exit 1
    fi
    printf '%s' "$brief" | python3 -c '
import json, sys
brief = json.load(sys.stdin)
with open(sys.argv[2], "a", encoding="utf-8") as genres:
    for framing in brief["framing"]:
        genres.write(framing["genre"] + "\n")
with open(sys.argv[3], "a", encoding="utf-8") as consensus:
    for group in brief["consensus"]:
        unit = "clauses" if group["in_clauses"] else "sentences"
        consensus.write("== %s %s %d\n" % (sys.argv[1], unit, group["n_independent"]))
        for citation in group["citations"]:
            consensus.write("   [%d] %s\n" % (citation["source"], citation["text"].replace("\n", " ")))
with open(sys.argv[4], "a", encoding="utf-8") as voices:
    for voice in brief["voices"]:
        voices.write("%s | %s | %s | %d %d | %s\n" % (sys.argv[1], voice["speaker"], voice["anonymous"],
            voice["n_direct"], voice["n_indirect"], ",".join(voice["cues"])))
for dispute in brief["disputes"]:
    print("==", sys.argv[1], dispute["kind"], "|", dispute["slot"])
    for side in dispute["sides"]:
        for citation in side["citations"]:
            print("   ", side["value"], "[%d]" % citation["source"], citation["text"].replace("\n", " "))
' "$(basename "$story")" "$stories/genres" "$consensus_out" "$voices_out" >> "$out"
done
echo "disputes by kind over $(ls -d "$stories"/t*/ | wc -l) stories (every one in $out):"
grep '^==' "$out" | awk '{print $3}' | sort | uniq -c
echo "consensus groups by unit (every one in $consensus_out):"
grep '^==' "$consensus_out" | awk '{print $3}' | sort | uniq -c
python3 - "$voices_out" <<'PY'
import re, sys
states = {name.replace("_", " ") for name in """Alabama Alaska Arizona Arkansas California Colorado
    Connecticut Delaware Florida Georgia Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana
    Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada
    New_Hampshire New_Jersey New_Mexico New_York North_Carolina North_Dakota Ohio Oklahoma Oregon
    Pennsylvania Rhode_Island South_Carolina South_Dakota Tennessee Texas Utah Vermont Virginia
    West_Virginia Wisconsin Wyoming""".split()}
rows = [line.split(" | ") for line in open(sys.argv[1], encoding="utf-8").read().splitlines()]
quotes = lambda row: sum(int(n) for n in row[3].split())
tags = [row for row in rows if re.fullmatch(r"[RDI]-[A-Za-z]+\.?|[A-Z]\.", row[1])]
named_states = [row for row in rows if row[1] in states]
print("voices (speakers by story): %d, of %d quotes" % (len(rows), sum(map(quotes, rows))))
print("  a party tag's fragment: %d voices, %d quotes" % (len(tags), sum(map(quotes, tags))))
print("  a US state: %d voices, %d quotes" % (len(named_states), sum(map(quotes, named_states))))
PY
echo "articles by genre (all BASIL articles are news reports):"
sort "$stories/genres" | uniq -c
