//! The general gazetteer: countries, capitals and regions, demonyms, role titles, honorifics,
//! government-seat metonyms, organisations and given names, compiled in from
//! `data/gazetteer.tsv` (made by `data/generate.py`; see `data/README.md` for provenance).
//!
//! Lookups walk Aho-Corasick automata from each word's start, so a walk costs the few letters
//! the phrases share with the text however large the list is; matches that do not end on a
//! token boundary are dropped by the caller. Titles and honorifics match in any case and have
//! an automaton of their own; every other phrase is a name, looked for only where a capitalized
//! word starts.

use aho_corasick::automaton::OverlappingState;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
use std::collections::HashMap;
use std::sync::LazyLock;

/// The committed gazetteer file.
pub(crate) const SOURCE: &str = include_str!("../../data/gazetteer.tsv");

/// What a gazetteer phrase is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// A country's name; its code is the country.
    Country,
    /// A city, region or province; its code is its country or `-`.
    Place,
    /// A nationality adjective ("Russian"); its code is the country.
    Demonym,
    /// A plural nationality ("Russians"); its code is the country.
    People,
    /// An organisation; its code is a country or a CAMEO sector (`IGO`, `NGO`, `MNC`, `MED`).
    Org,
    /// A seat of government standing for it ("Kremlin"); its code is the country.
    Metonym,
    /// A role title ("prime minister"); its code is the role group (`head`, `minister`, …).
    Title,
    /// An honorific ("Mr", "Dr."): marks a person.
    Honorific,
    /// A given name: marks a person.
    Given,
}

impl Class {
    fn from_name(name: &str) -> Option<Class> {
        Some(match name {
            "country" => Class::Country,
            "place" => Class::Place,
            "demonym" => Class::Demonym,
            "people" => Class::People,
            "org" => Class::Org,
            "metonym" => Class::Metonym,
            "title" => Class::Title,
            "honorific" => Class::Honorific,
            "given" => Class::Given,
            _ => return None,
        })
    }

    /// Whether phrases of this class match in any case ("prime minister", "Prime Minister");
    /// the others are names and must be capitalized, so "turkey" and "chad" stay words.
    pub(crate) fn any_case(self) -> bool {
        matches!(self, Class::Title | Class::Honorific)
    }
}

/// One gazetteer phrase.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    /// The phrase, lowercased, words separated by one space.
    pub(crate) key: String,
    /// What it is.
    pub(crate) class: Class,
    /// Its code, or `-`.
    pub(crate) code: String,
}

impl Entry {
    /// The code as an ISO 3166-1 alpha-3 country code, when it is one.
    pub(crate) fn country(&self) -> Option<&str> {
        let is_country = self.code.len() == 3
            && self.code.bytes().all(|byte| byte.is_ascii_uppercase())
            && !matches!(self.code.as_str(), "IGO" | "NGO" | "MNC" | "MED");
        is_country.then_some(self.code.as_str())
    }
}

/// The gazetteer, parsed and indexed.
#[derive(Debug)]
pub(crate) struct Gazetteer {
    /// The phrases, in file order.
    pub(crate) entries: Vec<Entry>,
    /// Titles and honorifics, looked for at every word.
    any_case: Phrases,
    /// The other phrases, looked for at capitalized words.
    names: Phrases,
    by_key: HashMap<String, usize>,
}

/// The compiled-in gazetteer.
pub(crate) static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    // The committed file is checked by a unit test (`gazetteer_file_is_consistent`), so a parse
    // error here is a bug in this crate, not odd input.
    Gazetteer::parse(SOURCE).expect("the committed gazetteer.tsv parses")
});

impl Gazetteer {
    /// Parses the TSV; an error names the first bad line.
    pub(crate) fn parse(source: &str) -> Result<Gazetteer, String> {
        let mut entries = Vec::new();
        let mut by_key = HashMap::new();
        for (line_idx, line) in source.lines().enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t');
            let (Some(key), Some(class), Some(code), None) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                return Err(format!("line {}: expected 3 fields", line_idx + 1));
            };
            let class = Class::from_name(class)
                .ok_or_else(|| format!("line {}: unknown class {class:?}", line_idx + 1))?;
            if key.is_empty() || key != key.to_lowercase() || key.contains("  ") {
                return Err(format!(
                    "line {}: key {key:?} is not normalized",
                    line_idx + 1
                ));
            }
            if by_key.insert(key.to_string(), entries.len()).is_some() {
                return Err(format!("line {}: duplicate key {key:?}", line_idx + 1));
            }
            entries.push(Entry {
                key: key.to_string(),
                class,
                code: code.to_string(),
            });
        }
        // ASCII case folding is all the automaton offers; keys with other letters get a
        // capitalized variant too, which covers the way names are written ("Élysée").
        let mut any_case = Vec::new();
        let mut names = Vec::new();
        for (entry_idx, entry) in entries.iter().enumerate() {
            let patterns = if entry.class.any_case() {
                &mut any_case
            } else {
                &mut names
            };
            patterns.push((entry.key.clone(), entry_idx));
            if !entry.key.is_ascii() {
                patterns.push((capitalize_words(&entry.key), entry_idx));
            }
            // "Presidents Ruiz and Holt", "foreign ministers": a title in the plural is the
            // title of each name after it.
            let plural = format!("{}s", entry.key);
            if entry.class == Class::Title
                && !entry.key.ends_with('s')
                && !by_key.contains_key(&plural)
            {
                patterns.push((plural, entry_idx));
            }
        }
        Ok(Gazetteer {
            entries,
            any_case: Phrases::new(any_case)?,
            names: Phrases::new(names)?,
            by_key,
        })
    }

    /// Every phrase in `text` that starts at one of `starts`, the longer and shorter ones alike,
    /// as `(start, end, entry index)`; each start says whether its word is capitalized, as
    /// names must be.
    pub(crate) fn find_at(
        &self,
        text: &str,
        starts: impl IntoIterator<Item = (usize, bool)>,
    ) -> Vec<(usize, usize, usize)> {
        let mut found = Vec::new();
        for (start, capitalized) in starts {
            self.any_case.find_at(text, start, &mut found);
            if capitalized {
                self.names.find_at(text, start, &mut found);
            }
        }
        found
    }

    /// The entry for a lowercased phrase.
    pub(crate) fn get(&self, key: &str) -> Option<&Entry> {
        self.by_key.get(key).and_then(|&idx| self.entries.get(idx))
    }

    /// Whether `word` (lowercased) is a given name.
    pub(crate) fn is_given_name(&self, word: &str) -> bool {
        self.get(word)
            .is_some_and(|entry| entry.class == Class::Given)
    }
}

/// Phrases in an automaton for anchored searches, with the entry each stands for.
#[derive(Debug)]
struct Phrases {
    automaton: AhoCorasick,
    entries: Vec<usize>,
    /// The first two bytes of every phrase, ASCII-lowercased, a bit per pair: most words
    /// start with a pair no phrase starts with, and are passed over without a walk.
    openings: Vec<u64>,
    /// Whether a phrase of one byte starts with this byte.
    single: [bool; 256],
}

/// The bit of a pair of bytes in [`Phrases::openings`].
fn opening(first: u8, second: u8) -> usize {
    usize::from(first.to_ascii_lowercase()) << 8 | usize::from(second.to_ascii_lowercase())
}

impl Phrases {
    fn new(patterns: Vec<(String, usize)>) -> Result<Phrases, String> {
        let (patterns, entries): (Vec<String>, Vec<usize>) = patterns.into_iter().unzip();
        let mut openings = vec![0u64; 1 << 10];
        let mut single = [false; 256];
        for pattern in &patterns {
            match *pattern.as_bytes() {
                [first, second, ..] => {
                    let bit = opening(first, second);
                    openings[bit / 64] |= 1 << (bit % 64);
                }
                [only] => single[usize::from(only.to_ascii_lowercase())] = true,
                [] => {}
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .start_kind(StartKind::Anchored)
            .build(&patterns)
            .map_err(|error| format!("building the automaton: {error}"))?;
        Ok(Phrases {
            automaton,
            entries,
            openings,
            single,
        })
    }

    /// Adds every phrase starting at `start` to `found`: one walk from there, where an
    /// unanchored scan would pay for every byte of the text and every phrase ending inside a
    /// word ("bus" in "Airbus").
    fn find_at(&self, text: &str, start: usize, found: &mut Vec<(usize, usize, usize)>) {
        let Some(rest) = text.get(start..) else {
            return;
        };
        let may_start = match *rest.as_bytes() {
            [first, second, ..] => {
                let bit = opening(first, second);
                self.openings[bit / 64] & (1 << (bit % 64)) != 0
                    || self.single[usize::from(first.to_ascii_lowercase())]
            }
            [only] => self.single[usize::from(only.to_ascii_lowercase())],
            [] => false,
        };
        if !may_start {
            return;
        }
        let input = Input::new(text).range(start..).anchored(Anchored::Yes);
        let mut state = OverlappingState::start();
        // Errors only come from a search the automaton was not built for; it was built for
        // anchored ones.
        while self
            .automaton
            .try_find_overlapping(input.clone(), &mut state)
            .is_ok()
        {
            let Some(matched) = state.get_match() else {
                break;
            };
            if let Some(&entry_idx) = self.entries.get(matched.pattern().as_usize()) {
                found.push((matched.start(), matched.end(), entry_idx));
            }
        }
    }
}

fn capitalize_words(phrase: &str) -> String {
    phrase
        .split(' ')
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// The committed list of given names that tell a gender (`data/given-names.tsv`, hand-written:
/// the gazetteer's given names say nothing of gender).
const GIVEN_NAMES: &str = include_str!("../../data/given-names.tsv");

/// Which pronoun a given name calls for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Masculine,
    Feminine,
}

/// Given name → gender. Lines the file cannot parse are skipped; a unit test checks that there
/// are none.
static GENDER_OF_GIVEN_NAME: LazyLock<HashMap<&'static str, Gender>> =
    LazyLock::new(|| GIVEN_NAMES.lines().filter_map(given_name_line).collect());

/// One line of [`GIVEN_NAMES`]: `None` for comments and bad lines.
fn given_name_line(line: &str) -> Option<(&str, Gender)> {
    match line.split_once('\t')? {
        ("m", name) => Some((name, Gender::Masculine)),
        ("f", name) => Some((name, Gender::Feminine)),
        _ => None,
    }
}

/// The gender a given name, written as names are ("Nancy"), calls for; `None` for names that
/// do not tell one or are not on the list.
pub(crate) fn gender_of_given_name(name: &str) -> Option<Gender> {
    GENDER_OF_GIVEN_NAME.get(name).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_names_file_parses_whole() {
        for line in GIVEN_NAMES.lines() {
            if line.starts_with('#') {
                continue;
            }
            assert!(given_name_line(line).is_some(), "bad line {line:?}");
        }
        assert_eq!(gender_of_given_name("Nancy"), Some(Gender::Feminine));
        assert_eq!(gender_of_given_name("Hank"), Some(Gender::Masculine));
    }
}
