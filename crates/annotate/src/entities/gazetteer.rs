//! The general gazetteer: countries, capitals and regions, demonyms, role titles, honorifics,
//! government-seat metonyms, organisations and given names, compiled in from
//! `data/gazetteer.tsv` (made by `data/generate.py`; see `data/README.md` for provenance).
//!
//! Lookups go through one Aho-Corasick automaton over the whole text, so finding every known
//! phrase costs one pass however large the list is; matches that do not start and end on token
//! boundaries are dropped by the caller.

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
    automaton: AhoCorasick,
    /// Which entry each automaton pattern stands for.
    pattern_entries: Vec<usize>,
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
        let mut patterns = Vec::with_capacity(entries.len());
        let mut pattern_entries = Vec::with_capacity(entries.len());
        for (entry_idx, entry) in entries.iter().enumerate() {
            patterns.push(entry.key.clone());
            pattern_entries.push(entry_idx);
            if !entry.key.is_ascii() {
                patterns.push(capitalize_words(&entry.key));
                pattern_entries.push(entry_idx);
            }
            // "Presidents Ruiz and Holt", "foreign ministers": a title in the plural is the
            // title of each name after it.
            let plural = format!("{}s", entry.key);
            if entry.class == Class::Title
                && !entry.key.ends_with('s')
                && !by_key.contains_key(&plural)
            {
                patterns.push(plural);
                pattern_entries.push(entry_idx);
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .start_kind(StartKind::Anchored)
            .build(&patterns)
            .map_err(|error| format!("building the automaton: {error}"))?;
        Ok(Gazetteer {
            entries,
            automaton,
            pattern_entries,
            by_key,
        })
    }

    /// Every phrase in `text` that starts at one of `starts`, the longer and shorter ones alike,
    /// as `(start, end, entry index)`.
    ///
    /// Phrases count only where a word begins, so the automaton walks from each word's start
    /// instead of scanning every byte: most walks end after a letter or two, where an
    /// unanchored overlapping scan paid for every byte and every phrase ending inside a word
    /// ("bus" in "Airbus").
    pub(crate) fn find_at(
        &self,
        text: &str,
        starts: impl IntoIterator<Item = usize>,
    ) -> Vec<(usize, usize, usize)> {
        let mut found = Vec::new();
        for start in starts {
            let Some(input) = text
                .get(start..)
                .map(|_| Input::new(text).range(start..).anchored(Anchored::Yes))
            else {
                continue;
            };
            let mut state = OverlappingState::start();
            // Errors only come from a search the automaton was not built for; it was built
            // for anchored ones.
            while self
                .automaton
                .try_find_overlapping(input.clone(), &mut state)
                .is_ok()
            {
                let Some(matched) = state.get_match() else {
                    break;
                };
                if let Some(&entry_idx) = self.pattern_entries.get(matched.pattern().as_usize()) {
                    found.push((matched.start(), matched.end(), entry_idx));
                }
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
