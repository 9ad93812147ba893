"""Writes wordnet-fields.tsv: the semantic field (WordNet's lexicographer file) of the most
frequent sense of every single-word verb and noun of WordNet 3.0, and of their irregular forms.

usage: python3 crates/annotate/data/wordnet_fields.py WORDNET_DICT_DIR > crates/annotate/data/wordnet-fields.tsv

WORDNET_DICT_DIR holds WordNet's `index.verb`, `data.verb`, `index.noun`, `data.noun`, `verb.exc` and `noun.exc`; the
Debian package wordnet-base ships them in /usr/share/wordnet (`apt-get download wordnet-base`,
then `dpkg-deb -x` it anywhere). Lines: `lemma<TAB>fields`, sorted by lemma, fields a
comma-separated list of `v:FIELD` and `n:FIELD` (the verb's and the noun's first sense).
Nouns are kept only in the fields that say what people think, say or feel, the ones an
attribution hangs on ("claim", "belief", "fear"); verbs in every field, since which verbs are
not cues tells as much as which are.
"""
import sys
from pathlib import Path

VERB_FIELDS = {
    29: "body", 30: "change", 31: "cognition", 32: "communication", 33: "competition",
    34: "consumption", 35: "contact", 36: "creation", 37: "emotion", 38: "motion",
    39: "perception", 40: "possession", 41: "social", 42: "stative", 43: "weather",
}
NOUN_FIELDS = {9: "cognition", 10: "communication", 12: "feeling", 16: "motive"}


def first_sense_fields(folder, pos, fields):
    """Lemma -> field of its first sense, for single-word lowercase lemmas in `fields`."""
    data = {}
    for line in (folder / f"data.{pos}").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        offset, lex_filenum = line.split(" ", 2)[:2]
        data[offset] = int(lex_filenum)
    result = {}
    for line in (folder / f"index.{pos}").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        parts = line.split()
        lemma = parts[0]
        if not lemma.isalpha() or not lemma.islower():
            continue
        n_pointers = int(parts[3])
        first_offset = parts[4 + n_pointers + 2]
        field = fields.get(data[first_offset])
        if field is not None:
            result[lemma] = field
    return result


def irregular_forms(folder, pos):
    """(form, lemma) pairs of WordNet's exception list for `pos`, single lowercase words."""
    for line in (folder / f"{pos}.exc").read_text(encoding="latin-1").splitlines():
        form, lemma = line.split()[:2]
        if form.isalpha() and form.islower() and lemma.isalpha():
            yield form, lemma


def main():
    folder = Path(sys.argv[1])
    verbs = first_sense_fields(folder, "verb", VERB_FIELDS)
    nouns = first_sense_fields(folder, "noun", NOUN_FIELDS)
    print("# The semantic field of the first sense of single-word verbs and nouns, from WordNet 3.0")
    print("# (c) 2006 Princeton University, under the WordNet 3.0 licence: see LICENSE-wordnet.")
    print("# Made by wordnet_fields.py; do not edit by hand.")
    lines = {}
    for lemma in set(verbs) | set(nouns):
        fields = []
        if lemma in verbs:
            fields.append(f"v:{verbs[lemma]}")
        if lemma in nouns:
            fields.append(f"n:{nouns[lemma]}")
        lines[lemma] = fields
    # Irregular forms ("said", "told", "children") are listed with their lemma's field, since
    # the reader finds lemmas only by taking regular endings off.
    for pos, fields_of in (("verb", verbs), ("noun", nouns)):
        for form, lemma in irregular_forms(folder, pos):
            fields = lines.setdefault(form, [])
            if lemma in fields_of and not any(f.startswith(pos[0]) for f in fields):
                fields.append(f"{pos[0]}:{fields_of[lemma]}")
                fields.sort(reverse=True)
    lines = {form: fields for form, fields in lines.items() if fields}
    for lemma in sorted(lines):
        print(f"{lemma}\t{','.join(lines[lemma])}")


if __name__ == "__main__":
    main()
