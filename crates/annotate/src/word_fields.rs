//! Semantic fields of English words: which of WordNet's lexicographer files ("verb.communication",
//! "verb.cognition", "noun.feeling", …) a word's most frequent verb and noun senses fall in.
//!
//! The learned quote cue finder reads them so that what it learned of the cues it saw reaches
//! the many it did not: PolNeAR's attributions hang on thousands of verbs and nouns with a few
//! examples each ("touts", "documents", "vied"), most of them words of saying, thinking or
//! feeling, which is what these fields tell.
//!
//! The table (`data/wordnet-fields.tsv`, from WordNet 3.0 by `data/wordnet_fields.py`) lists
//! lemmas and irregular forms; a regular form finds its lemma by WordNet's own detachment rules
//! ("touting" → "tout", "claims" → "claim"), each rule giving only its part of speech's field.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// The fields of one word: its first verb sense's and its first noun sense's, as written in the
/// table ("v:communication", "n:cognition").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Fields {
    pub(crate) verb: Option<&'static str>,
    pub(crate) noun: Option<&'static str>,
}

impl Fields {
    /// The fields that are set, verb first.
    pub(crate) fn iter(self) -> impl Iterator<Item = &'static str> {
        self.verb.into_iter().chain(self.noun)
    }
}

const TABLE: &str = include_str!("../data/wordnet-fields.tsv");

fn table() -> &'static FxHashMap<&'static str, Fields> {
    static TABLE_BY_WORD: OnceLock<FxHashMap<&'static str, Fields>> = OnceLock::new();
    TABLE_BY_WORD.get_or_init(|| {
        TABLE
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| line.split_once('\t'))
            .map(|(word, fields)| {
                let mut found = Fields::default();
                for field in fields.split(',') {
                    if field.starts_with("v:") {
                        found.verb = Some(field);
                    } else if field.starts_with("n:") {
                        found.noun = Some(field);
                    }
                }
                (word, found)
            })
            .collect()
    })
}

/// Endings a regular verb form adds to its lemma, with what the lemma ends in instead
/// (WordNet's `morphy`).
const VERB_ENDINGS: [(&str, &str); 8] = [
    ("ies", "y"),
    ("es", "e"),
    ("es", ""),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
    ("s", ""),
];

/// The same for a noun's plural.
const NOUN_ENDINGS: [(&str, &str); 8] = [
    ("ses", "s"),
    ("xes", "x"),
    ("zes", "z"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("men", "man"),
    ("ies", "y"),
    ("s", ""),
];

/// The fields of `lower`, a lowercase word: its own entry's, else those of the lemma a regular
/// ending leads to (the first that is listed, for each part of speech).
pub(crate) fn fields(lower: &str) -> Fields {
    let table = table();
    if let Some(fields) = table.get(lower) {
        return *fields;
    }
    Fields {
        verb: lemma_field(table, lower, &VERB_ENDINGS, |fields| fields.verb),
        noun: lemma_field(table, lower, &NOUN_ENDINGS, |fields| fields.noun),
    }
}

fn lemma_field(
    table: &FxHashMap<&'static str, Fields>,
    lower: &str,
    endings: &[(&str, &str)],
    field: impl Fn(&Fields) -> Option<&'static str>,
) -> Option<&'static str> {
    let mut lemma = String::new();
    for (ending, replacement) in endings {
        let Some(base) = lower.strip_suffix(ending) else {
            continue;
        };
        if base.len() < 2 {
            continue;
        }
        lemma.clear();
        lemma.push_str(base);
        lemma.push_str(replacement);
        if let Some(found) = table.get(lemma.as_str()).and_then(&field) {
            return Some(found);
        }
        // A consonant doubled before "-ed" or "-ing" ("stopped", "vetting").
        let bytes = base.as_bytes();
        let doubled = replacement.is_empty()
            && (*ending == "ed" || *ending == "ing")
            && bytes.len() >= 3
            && bytes[bytes.len() - 1] == bytes[bytes.len() - 2]
            && !b"aeiou".contains(&bytes[bytes.len() - 1]);
        if doubled
            && let Some(found) = table.get(&base[..base.len() - 1]).and_then(&field)
        {
            return Some(found);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_parses_and_every_line_has_a_field() {
        let mut previous = "";
        for line in TABLE.lines().filter(|line| !line.starts_with('#')) {
            let (word, fields) = line.split_once('\t').expect("word<TAB>fields");
            assert!(word > previous, "sorted, no duplicate: {word}");
            previous = word;
            assert!(
                fields
                    .split(',')
                    .all(|field| field.starts_with("v:") || field.starts_with("n:")),
                "{line}"
            );
        }
        assert!(table().len() > 10_000);
    }

    #[test]
    fn regular_and_irregular_forms_find_their_lemma() {
        assert_eq!(fields("touting").verb, Some("v:communication"));
        assert_eq!(fields("touting").noun, None);
        assert_eq!(fields("claims").noun, Some("n:communication"));
        assert_eq!(fields("told").verb, Some("v:communication"));
        assert_eq!(fields("believed").verb, Some("v:cognition"));
        assert_eq!(fields("worries").verb, Some("v:emotion"));
        assert_eq!(fields("fears").noun, Some("n:feeling"));
        assert_eq!(fields("planned").verb, fields("plan").verb);
        assert_eq!(fields("xqzt"), Fields::default());
        assert_eq!(fields("ing"), Fields::default());
    }
}
