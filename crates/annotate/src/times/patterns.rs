//! The grammar: regular expressions over the lexicon's word classes, each with the code that reads
//! what it matched into a [`Meaning`].
//!
//! Every rule proposes candidates; `mod.rs` keeps the longest ones that do not overlap. The regex
//! engine matches in time linear in the text whatever the pattern, so no pattern here can
//! backtrack catastrophically on hostile input; the rules also keep their repetitions bounded
//! (`\s{1,3}`) so that a match never spans more than a few words.
//!
//! Most text holds no time expression, and running some forty regular expressions over all of it
//! was the largest cost of annotation. So each rule names its triggers, words of which every
//! match holds at least one ("quarter", a month name, any digit), one pass over the words of the
//! text finds where they stand, and a rule runs only in windows around its own triggers, each as
//! wide as the longest match the rule can make. A match holds a trigger and is no longer than
//! that, so it lies in one window, and a window starts where no match of the rule is under way:
//! the rule finds exactly what it would find in the whole text (the tests check this on every
//! test text).

use super::lexicon::{DayPart, Holiday, Lexicon, Position, Reference, Season, Unit};
use super::resolve::{Amount, Clock, Meaning, position_modifier};
use chrono::Weekday;
use parallax_model::TimeModifier;
use regex::Regex;
use regex_automata::util::captures::Captures as Groups;
use regex_automata::{Input, meta};
// Fx hashing: the tables are fixed word lists that a text's words are only looked up in,
// never inserted into, so no input can crowd one bucket, and every word of every text is
// looked up here.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

/// One time expression inside a candidate, with what it says.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Piece {
    pub(crate) range: Range<usize>,
    pub(crate) meaning: Meaning,
    pub(crate) modifier: Option<TimeModifier>,
}

/// A match of one rule: its extent and the expressions in it (two for a range such as "9-10
/// January", one otherwise).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Candidate {
    pub(crate) range: Range<usize>,
    pub(crate) rule: usize,
    pub(crate) pieces: Vec<Piece>,
}

type Parse = fn(&Captures<'_>, &Scan<'_>) -> Vec<Piece>;

/// A match of a rule's pattern, with its groups, over the text it was found in.
struct Captures<'t> {
    text: &'t str,
    groups: Groups,
}

/// A group of a match: where it is and what it says.
#[derive(Debug, Clone, Copy)]
struct Group<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Group<'t> {
    fn start(&self) -> usize {
        self.start
    }

    fn end(&self) -> usize {
        self.end
    }

    fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    fn as_str(&self) -> &'t str {
        self.text.get(self.start..self.end).unwrap_or_default()
    }
}

impl<'t> Captures<'t> {
    /// Group `idx` (0: the whole match), if it took part in the match.
    fn get(&self, idx: usize) -> Option<Group<'t>> {
        let span = self.groups.get_group(idx)?;
        Some(Group {
            text: self.text,
            start: span.start,
            end: span.end,
        })
    }

    /// The group named `name`, if it took part in the match.
    fn name(&self, name: &str) -> Option<Group<'t>> {
        let span = self.groups.get_group_by_name(name)?;
        Some(Group {
            text: self.text,
            start: span.start,
            end: span.end,
        })
    }
}

/// A pattern, the code that reads its matches, and where it can match.
struct Rule {
    regex: meta::Regex,
    parse: Parse,
    /// The most bytes a match can span: how far around a trigger the rule looks.
    reach: usize,
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("Rule")
            .field("reach", &self.reach)
            .finish_non_exhaustive()
    }
}

/// The lexicon's words, keyed by [`key`], for reading matches.
#[derive(Debug, Default)]
struct Words {
    months: HashMap<String, u32>,
    weekdays: HashMap<String, Weekday>,
    numbers: HashMap<String, u32>,
    tens: HashMap<String, u32>,
    one: HashSet<String>,
    couple: HashSet<String>,
    vague: HashSet<String>,
    ordinals: HashMap<String, u32>,
    units: HashMap<String, Unit>,
    frequencies: HashMap<String, &'static str>,
    day_parts: HashMap<String, DayPart>,
    seasons: HashMap<String, Season>,
    day_words: HashMap<String, i64>,
    shifts: HashMap<String, i32>,
    narrative_shifts: HashMap<String, i32>,
    positions: HashMap<String, Position>,
    references: HashMap<String, Reference>,
    hedges: HashMap<String, TimeModifier>,
    holidays: HashMap<String, Holiday>,
    ago: HashSet<String>,
    from_now: HashSet<String>,
    count_nouns: HashSet<String>,
}

/// The compiled rules for one lexicon.
#[derive(Debug)]
pub(crate) struct Grammar {
    pub(crate) lexicon: &'static Lexicon,
    words: Words,
    rules: Vec<Rule>,
    /// Where in a text each rule can match.
    triggers: TriggerIndex,
    /// A position word right before a candidate ("early", "mid-", "the end of"), anchored at the
    /// end of the text before it.
    prefix: Regex,
}

/// A word as the lookup tables key it: lower case, one space between words, one kind of hyphen,
/// no trailing period.
pub(crate) fn key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '\u{2010}' | '\u{2011}' | '\u{2013}' => out.push('-'),
                '\u{2019}' => out.push('\''),
                _ => out.extend(c.to_lowercase()),
            }
        }
    }
    while out.ends_with('.') {
        out.pop();
    }
    out
}

/// Any kind of hyphen between two words.
const HYPHEN: &str = "[-\u{2010}\u{2011}\u{2013}]";

/// A regex alternation of phrases, longest first so that the longest phrase wins at a position;
/// spaces in a phrase match up to three whitespace characters and hyphens any hyphen.
fn alternation<'a>(phrases: impl IntoIterator<Item = &'a str>) -> String {
    let mut phrases: Vec<&str> = phrases.into_iter().collect();
    phrases.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    phrases.dedup();
    let escaped: Vec<String> = phrases
        .iter()
        .map(|phrase| {
            phrase
                .split_whitespace()
                .map(|word| {
                    word.split('-')
                        .map(regex::escape)
                        .collect::<Vec<_>>()
                        .join(HYPHEN)
                })
                .collect::<Vec<_>>()
                .join(r"\s{1,3}")
        })
        .collect();
    format!("(?:{})", escaped.join("|"))
}

/// An alternation of capitalized words that also matches them in capitals ("May", "MAY"), and
/// never in lower case, where several are common words ("may", "march").
fn cased<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    let words: Vec<&str> = words.into_iter().collect();
    let upper: Vec<String> = words.iter().map(|word| word.to_uppercase()).collect();
    alternation(
        words
            .iter()
            .copied()
            .chain(upper.iter().map(String::as_str)),
    )
}

/// A case-insensitive alternation.
fn anycase<'a>(phrases: impl IntoIterator<Item = &'a str>) -> String {
    format!("(?i:{})", alternation(phrases))
}

/// A pattern with ASCII word boundaries: every word the rules match is ASCII, and a Unicode `\b`
/// would make the regex engine fall back from its DFA to a much slower one on any text with a
/// non-ASCII letter, which is most text in most languages.
fn ascii_boundaries(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)")
}

/// Compiles a rule's pattern, with how far its matches can reach.
///
/// The patterns are part of the program, so one that does not compile, or that could match
/// nothing or an unbounded stretch of text, is a bug the tests catch, not an input error.
fn compile_rule(pattern: &str, parse: Parse) -> Rule {
    let pattern = ascii_boundaries(pattern);
    let syntax = regex_automata::util::syntax::parse(&pattern)
        .unwrap_or_else(|error| panic!("time-expression pattern does not parse: {error}"));
    let properties = syntax.properties();
    assert!(
        properties.minimum_len().is_some_and(|len| len > 0),
        "a time-expression pattern matches the empty string: {pattern}"
    );
    let reach = properties
        .maximum_len()
        .unwrap_or_else(|| panic!("a time-expression pattern has no longest match: {pattern}"));
    let regex = meta::Regex::new(&pattern)
        .unwrap_or_else(|error| panic!("time-expression pattern does not compile: {error}"));
    Rule {
        regex,
        parse,
        reach,
    }
}

/// Compiles the position-word pattern.
fn compile_prefix(pattern: &str) -> Regex {
    Regex::new(&ascii_boundaries(pattern))
        .unwrap_or_else(|error| panic!("time-expression pattern does not compile: {error}"))
}

/// What a rule needs to see in a text before it runs: any of these words, or a digit. Each
/// phrase counts by its longest word, which every match of the phrase holds.
#[derive(Debug, Clone, Default)]
struct Triggers {
    digit: bool,
    /// Phrases the rule matches only as written or in capitals ("May", "MAY", never "may").
    cased: Vec<&'static str>,
    /// Phrases the rule matches in any case.
    anycase: Vec<&'static str>,
}

impl Triggers {
    fn digits() -> Triggers {
        Triggers {
            digit: true,
            ..Triggers::default()
        }
    }

    fn cased(phrases: impl IntoIterator<Item = &'static str>) -> Triggers {
        Triggers {
            cased: phrases.into_iter().collect(),
            ..Triggers::default()
        }
    }

    fn words(phrases: impl IntoIterator<Item = &'static str>) -> Triggers {
        Triggers {
            anycase: phrases.into_iter().collect(),
            ..Triggers::default()
        }
    }

    fn or(mut self, other: Triggers) -> Triggers {
        self.digit |= other.digit;
        self.cased.extend(other.cased);
        self.anycase.extend(other.anycase);
        self
    }
}

/// A bit per rule.
type RuleSet = u64;

/// Every rule's triggers, by word: which rules a word of a text wakes.
#[derive(Debug, Default)]
struct TriggerIndex {
    /// The rules a word with a digit wakes.
    digit: RuleSet,
    /// Words as written, and in capitals.
    cased: HashMap<String, RuleSet>,
    /// Words in lower case.
    anycase: HashMap<String, RuleSet>,
    /// The longest word in either table, so longer words skip the lookups.
    longest: usize,
}

/// A word of a text that wakes some rules.
#[derive(Debug, Clone, Copy)]
struct Hit {
    start: usize,
    end: usize,
    rules: RuleSet,
}

/// Whether a byte is part of a word for the patterns' ASCII `\b`.
fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

/// The longest run of ASCII letters and digits in `phrase`.
fn longest_word(phrase: &str) -> &str {
    phrase
        .split(|c: char| !c.is_ascii_alphanumeric())
        .fold("", |longest, word| {
            if word.len() > longest.len() {
                word
            } else {
                longest
            }
        })
}

impl TriggerIndex {
    fn add(&mut self, rule_idx: usize, triggers: &Triggers) {
        assert!(
            rule_idx < RuleSet::BITS as usize,
            "more time-expression rules than bits in a rule set"
        );
        let bit: RuleSet = 1 << rule_idx;
        if triggers.digit {
            self.digit |= bit;
        }
        for phrase in &triggers.cased {
            let word = longest_word(phrase);
            for form in [word.to_string(), word.to_uppercase()] {
                self.longest = self.longest.max(form.len());
                *self.cased.entry(form).or_default() |= bit;
            }
        }
        for phrase in &triggers.anycase {
            let word = longest_word(phrase).to_ascii_lowercase();
            self.longest = self.longest.max(word.len());
            *self.anycase.entry(word).or_default() |= bit;
        }
    }

    /// The words of `text` that wake some rule, in text order; `None` when every rule must run
    /// everywhere, because the text holds one of the two non-ASCII letters that a
    /// case-insensitive pattern matches as an ASCII one (the long s and the Kelvin sign).
    fn hits(&self, text: &str) -> Option<Vec<Hit>> {
        if text.contains(['\u{17f}', '\u{212a}']) {
            return None;
        }
        let bytes = text.as_bytes();
        let mut hits = Vec::new();
        let mut lower = String::new();
        let mut idx = 0;
        while idx < bytes.len() {
            if !is_word_byte(bytes[idx]) {
                idx += 1;
                continue;
            }
            let start = idx;
            while idx < bytes.len() && is_word_byte(bytes[idx]) {
                idx += 1;
            }
            // A run of ASCII bytes, so on character boundaries.
            let word = text.get(start..idx).unwrap_or_default();
            let mut rules = 0;
            if word.bytes().any(|byte| byte.is_ascii_digit()) {
                rules |= self.digit;
            }
            // One more than the longest word: a plural weekday ("Mondays") is looked up
            // without its "s".
            if word.len() <= self.longest + 1 {
                let singular = word.strip_suffix('s').unwrap_or(word);
                for form in [word, singular] {
                    rules |= self.cased.get(form).copied().unwrap_or_default();
                }
                lower.clear();
                lower.push_str(word);
                lower.make_ascii_lowercase();
                rules |= self.anycase.get(&lower).copied().unwrap_or_default();
            }
            if rules != 0 {
                hits.push(Hit {
                    start,
                    end: idx,
                    rules,
                });
            }
        }
        Some(hits)
    }
}

/// The stretches of `text` where rule `rule_idx`, whose matches span at most `reach` bytes, can
/// match: around each of its triggers in `hits`, overlapping stretches merged.
fn windows(
    text: &str,
    hits: &[Hit],
    rule_idx: usize,
    reach: usize,
) -> impl Iterator<Item = Range<usize>> {
    let bit: RuleSet = 1 << rule_idx;
    let mut pending: Option<Range<usize>> = None;
    let mut hits = hits.iter().filter(move |hit| hit.rules & bit != 0);
    std::iter::from_fn(move || {
        loop {
            let Some(hit) = hits.next() else {
                return pending.take();
            };
            let mut start = hit.start.saturating_sub(reach);
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = hit.end.saturating_add(reach).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            match &mut pending {
                Some(window) if start <= window.end => window.end = end,
                _ => {
                    if let Some(done) = pending.replace(start..end) {
                        return Some(done);
                    }
                }
            }
        }
    })
}

/// The text a match and the rules share.
pub(crate) struct Scan<'a> {
    pub(crate) text: &'a str,
    grammar: &'a Grammar,
}

impl Scan<'_> {
    /// The word right before byte `pos`, skipping spaces only, in lower case.
    fn word_before(&self, pos: usize) -> Option<String> {
        let before = self.before(pos).trim_end_matches([' ', '\t', '\u{a0}']);
        let start = before
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphanumeric() || *c == '\'' || *c == '-')
            .last()
            .map(|(idx, _)| idx)?;
        before.get(start..).map(str::to_lowercase)
    }

    /// The text right before byte `pos`, up to 64 bytes: what the rules look at before a match
    /// stays bounded however long the text's words are.
    fn before(&self, pos: usize) -> &str {
        let mut start = pos.saturating_sub(64);
        while !self.text.is_char_boundary(start) {
            start += 1;
        }
        self.text.get(start..pos).unwrap_or_default()
    }

    /// The character right before byte `pos`.
    fn char_before(&self, pos: usize) -> Option<char> {
        self.text.get(..pos)?.chars().next_back()
    }

    /// The text right after byte `pos`, up to 40 bytes.
    fn after(&self, pos: usize) -> &str {
        let mut end = (pos + 40).min(self.text.len());
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        self.text.get(pos..end).unwrap_or_default()
    }

    /// The word right after byte `pos`, skipping spaces only, in lower case.
    fn word_after(&self, pos: usize) -> Option<String> {
        let after = self.after(pos).trim_start_matches([' ', '\t', '\u{a0}']);
        let word: String = after.chars().take_while(|c| c.is_alphanumeric()).collect();
        (!word.is_empty()).then(|| word.to_lowercase())
    }

    fn words(&self) -> &Words {
        &self.grammar.words
    }

    fn month(&self, text: &str) -> Option<u32> {
        self.words().months.get(&key(text)).copied()
    }

    fn weekday(&self, text: &str) -> Option<Weekday> {
        self.words().weekdays.get(&key(text)).copied()
    }

    fn unit(&self, text: &str) -> Option<Unit> {
        self.words().units.get(&key(text)).copied()
    }

    /// A number as written in digits or words ("3", "1,000", "2 1/2", "twenty-four", "a",
    /// "several").
    fn amount(&self, text: &str) -> Option<Amount> {
        let words = self.words();
        let text = key(text);
        if words.vague.contains(&text) {
            return Some(Amount::Vague);
        }
        if words.one.contains(&text) {
            return Some(Amount::Exact(1.0));
        }
        if words.couple.contains(&text) {
            return Some(Amount::Exact(2.0));
        }
        if let Some(base) = text.strip_suffix(" and a half") {
            return match self.amount(base)? {
                Amount::Exact(count) => Some(Amount::Exact(count + 0.5)),
                Amount::Vague => Some(Amount::Vague),
            };
        }
        if text.starts_with(|c: char| c.is_ascii_digit()) {
            let mut parts = text.split(' ');
            let whole: f64 = parts.next()?.replace(',', "").parse().ok()?;
            return match parts.next() {
                Some("1/2") => Some(Amount::Exact(whole + 0.5)),
                Some(_) => None,
                None => Some(Amount::Exact(whole)),
            };
        }
        let mut total = 0u32;
        let mut current = 0u32;
        for word in text.split([' ', '-']) {
            match word {
                "" | "and" | "a" => {}
                "hundred" => current = current.max(1).saturating_mul(100),
                "thousand" => {
                    total = total.saturating_add(current.max(1).saturating_mul(1000));
                    current = 0;
                }
                _ => {
                    let value = words.numbers.get(word).or_else(|| words.tens.get(word))?;
                    current = current.saturating_add(*value);
                }
            }
        }
        Some(Amount::Exact(f64::from(total.saturating_add(current))))
    }
}

/// The byte range of capture group `name`.
fn span(captures: &Captures<'_>, name: &str) -> Option<Range<usize>> {
    captures.name(name).map(|group| group.range())
}

/// The text of capture group `name`.
fn group<'t>(captures: &Captures<'t>, name: &str) -> Option<&'t str> {
    captures.name(name).map(|group| group.as_str())
}

/// The whole match as one piece.
fn whole(captures: &Captures<'_>, meaning: Meaning) -> Vec<Piece> {
    let range = captures.get(0).map(|m| m.range()).unwrap_or_default();
    vec![Piece {
        range,
        meaning,
        modifier: None,
    }]
}

/// A day of the month as written ("5", "05", "5th").
fn day_number(text: &str) -> Option<u32> {
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok().filter(|day| (1..=31).contains(day))
}

/// A year as written: four digits, or two ("'98", "89"), which are read as the nearest year of
/// the 1900s or 2000s to 2000.
fn year_number(text: &str) -> Option<i32> {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let year: i32 = digits.parse().ok()?;
    match digits.len() {
        4 => Some(year),
        2 if year >= 50 => Some(1900 + year),
        2 => Some(2000 + year),
        _ => None,
    }
}

impl Grammar {
    /// Compiles the rules for `lexicon`.
    pub(crate) fn new(lexicon: &'static Lexicon) -> Grammar {
        let words = words(lexicon);
        let s = r"\s{1,3}";
        let sep = format!(r"(?:\s{{1,3}}|{HYPHEN})");
        let month_full = cased(lexicon.months.iter().map(|(word, _)| *word));
        let month_abbreviation = cased(lexicon.month_abbreviations.iter().map(|(word, _)| *word));
        let month = format!(r"(?:{month_full}\b|{month_abbreviation}\b\.?)");
        let weekday = format!(
            r"{}\b",
            cased(lexicon.weekdays.iter().map(|(word, _)| *word))
        );
        let weekday_plural = format!(
            r"(?:{})s\b",
            alternation(lexicon.weekdays.iter().map(|(word, _)| *word))
        );
        let day = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?\b";
        let year = r"(?:1[0-9]{3}|20[0-9]{2})\b";
        let units = anycase(lexicon.units.iter().map(|(word, _)| *word));
        let singular_units = anycase(
            lexicon
                .units
                .iter()
                .map(|(word, _)| *word)
                .filter(|word| !word.ends_with('s') && !word.ends_with('a')),
        );
        let number_words = alternation(lexicon.numbers.iter().map(|(word, _)| *word));
        let ones = alternation(
            lexicon
                .numbers
                .iter()
                .filter(|(_, value)| *value < 10)
                .map(|(word, _)| *word),
        );
        let tens = alternation(lexicon.tens.iter().map(|(word, _)| *word));
        // Digit groups are bounded ("1,000,000,000,000,000" is as long as a count of time gets) so
        // that every rule has a longest match; see the module documentation.
        let amount = format!(
            r"(?:[0-9]{{1,3}}(?:,[0-9]{{3}}){{1,5}}|[0-9]{{1,6}}(?:\.[0-9]{{1,3}})?(?:\s1/2)?|(?i:(?:{tens}(?:{HYPHEN}|\s)(?:{ones})|{number_words})(?:\s{{1,3}}hundred)?(?:\s{{1,3}}and\s{{1,3}}a\s{{1,3}}half)?|{}|{}|{}))",
            alternation(lexicon.couple.iter().copied()),
            alternation(lexicon.one.iter().copied()),
            alternation(lexicon.vague_numbers.iter().copied()),
        );
        let shifts = anycase(lexicon.shifts.iter().map(|(word, _)| *word));
        let the_shifts = format!(r"(?:(?i:the){s})?{shifts}");
        let day_parts = anycase(lexicon.day_parts.iter().map(|(word, _)| *word));
        let seasons = anycase(lexicon.seasons.iter().map(|(word, _)| *word));
        let day_words = anycase(lexicon.day_words.iter().map(|(word, _)| *word));
        let hedges = anycase(lexicon.hedges.iter().map(|(word, _)| *word));
        let approximate_hedges = anycase(
            lexicon
                .hedges
                .iter()
                .map(|(word, _)| *word)
                .chain(lexicon.approximations.iter().copied()),
        );
        let unit_adjectives = anycase(lexicon.unit_adjectives.iter().copied());
        let clock_hedges = anycase(lexicon.clock_hedges.iter().copied());
        let ordinals = anycase(lexicon.ordinals.iter().map(|(word, _)| *word));
        let zones = alternation(lexicon.zones.iter().copied());
        let holidays = alternation(lexicon.holidays.iter().map(|(word, _)| *word));
        let references = anycase(lexicon.references.iter().map(|(word, _)| *word));
        let frequencies = anycase(lexicon.frequencies.iter().map(|(word, _)| *word));
        let every = anycase(lexicon.every.iter().copied());
        let narrative_shifts = anycase(lexicon.narrative_shifts.iter().map(|(word, _)| *word));
        let ago = anycase(lexicon.ago.iter().chain(lexicon.from_now.iter()).copied());
        let clock = format!(
            r"(?:(?P<hour>[0-9]{{1,2}})(?:[:.](?P<minute>[0-5][0-9]))?\s{{0,2}}(?P<meridiem>(?i:[ap]\.m\.|[ap]\.m\b|[ap]m\b))|(?P<hour24>[01]?[0-9]|2[0-3]):(?P<minute24>[0-5][0-9])\b|(?P<noon>(?i:noon|midday|midnight))\b|(?P<oclock>[0-9]{{1,2}}|(?i:{ones}|ten|eleven|twelve)){s}(?i:o'clock)\b|(?P<hourin>[0-9]{{1,2}}|(?i:{ones}|ten|eleven|twelve)){s}(?i:in{s}the){s}(?P<inpart>(?i:morning|afternoon|evening|night))\b|(?P<fraction>(?i:(?:a{s})?quarter{s}(?:past|to)|half{s}past)){s}(?P<fhour>[0-9]{{1,2}}|(?i:{ones}|ten|eleven|twelve))\b)"
        );
        let day_after_clock =
            format!(r"(?:,?{s}(?P<day>{weekday}|{day_words}\b|{month}{s}{day}(?:,?{s}{year})?))?");

        // What each rule needs to see before it runs; see the module documentation.
        let on_digits = Triggers::digits();
        let on_months = Triggers::cased(
            lexicon
                .months
                .iter()
                .chain(lexicon.month_abbreviations)
                .map(|(word, _)| *word),
        );
        let on_full_months = Triggers::cased(lexicon.months.iter().map(|(word, _)| *word));
        let on_weekdays = Triggers::cased(lexicon.weekdays.iter().map(|(word, _)| *word));
        let on_units = Triggers::words(lexicon.units.iter().map(|(word, _)| *word));
        let on_singular_units = Triggers::words(
            lexicon
                .units
                .iter()
                .map(|(word, _)| *word)
                .filter(|word| !word.ends_with('s') && !word.ends_with('a')),
        );
        let on_day_parts = Triggers::words(lexicon.day_parts.iter().map(|(word, _)| *word));
        let on_day_words = Triggers::words(lexicon.day_words.iter().map(|(word, _)| *word));
        let on_seasons = Triggers::words(lexicon.seasons.iter().map(|(word, _)| *word));
        let on_frequencies = Triggers::words(lexicon.frequencies.iter().map(|(word, _)| *word));
        let on_every = Triggers::words(lexicon.every.iter().copied());
        let on_references = Triggers::words(lexicon.references.iter().map(|(word, _)| *word));
        let on_holidays = Triggers::cased(lexicon.holidays.iter().map(|(word, _)| *word));

        let rules: Vec<(String, Parse, Triggers)> = vec![
            // "January 9-10", "Jan. 9 to 10, 2022".
            (
                format!(
                    r"\b(?P<month>{month}){s}(?P<day>{day})\s{{0,3}}(?:{HYPHEN}|{s}(?i:to|and|through|until|or){s})\s{{0,3}}(?P<day2>{day})(?:,?{s}(?P<year>{year}))?"
                ),
                parse_month_day_range,
                on_months.clone(),
            ),
            // "9-10 January", "9 and 10 January 2022".
            (
                format!(
                    r"\b(?P<day1>{day})\s{{0,3}}(?:{HYPHEN}|{s}(?i:to|and|or){s})\s{{0,3}}(?P<day>{day})(?:{s}(?i:of))?{s}(?P<month>{month})(?:,?{s}(?P<year>{year}))?"
                ),
                parse_day_range_month,
                on_months.clone(),
            ),
            // "the night of 11 August", "the morning of May 5": that part of that date.
            (
                format!(
                    r"\b(?i:the){s}(?P<part>(?i:morning|afternoon|evening|night)){s}(?i:of){s}(?:(?P<weekday>{weekday}),?{s})?(?P<day>{day}){s}(?P<month>{month})(?:,?{s}(?P<year>{year}))?"
                ),
                parse_part_of_date,
                on_months.clone(),
            ),
            (
                format!(
                    r"\b(?i:the){s}(?P<part>(?i:morning|afternoon|evening|night)){s}(?i:of){s}(?:(?P<weekday>{weekday}),?{s})?(?P<month>{month}){s}(?P<day>{day})(?:,?{s}(?P<year>{year}))?"
                ),
                parse_part_of_date,
                on_months.clone(),
            ),
            // "December 30", "Thursday, Dec. 30, 2021".
            (
                format!(
                    r"\b(?:(?P<weekday>{weekday}),?{s})?(?P<month>{month}){s}(?:(?i:the){s})?(?P<day>{day})(?:,?{s}(?P<year>{year}))?"
                ),
                parse_month_day,
                on_months.clone(),
            ),
            // "30 December 2021", "the 30th of December".
            (
                format!(
                    r"\b(?:(?P<weekday>{weekday}),?{s})?(?:(?i:the){s})?(?P<day>{day})(?:{s}(?i:of))?{s}(?P<month>{month})(?:,?{s}(?P<year>{year}))?"
                ),
                parse_month_day,
                on_months.clone(),
            ),
            // "2021-12-30".
            (
                r"\b(?P<year>[0-9]{4})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})\b".to_string(),
                parse_numeric_date,
                on_digits.clone(),
            ),
            // "12/30/2021", "12/30/21"; the day first when the first number cannot be a month.
            (
                r"\b(?P<first>[0-9]{1,2})/(?P<second>[0-9]{1,2})/(?P<year>[0-9]{4}|[0-9]{2})\b"
                    .to_string(),
                parse_slashed_date,
                on_digits.clone(),
            ),
            // "30.12.2021".
            (
                r"\b(?P<day>[0-9]{1,2})\.(?P<month>[0-9]{1,2})\.(?P<year>[0-9]{4})\b".to_string(),
                parse_numeric_date,
                on_digits.clone(),
            ),
            // "December 2021", "March of 2014".
            (
                format!(r"\b(?P<month>{month})(?:,?{s}|{s}(?i:of){s})(?P<year>{year})"),
                parse_month_year,
                on_months.clone(),
            ),
            // "June last year", "January this year".
            (
                format!(
                    r"\b(?P<month>{month_full}){s}(?P<shift>(?i:last|this|next)){s}(?i:year)\b"
                ),
                parse_month_in_year,
                on_full_months.clone(),
            ),
            // "January", "last March", "this September".
            (
                format!(r"\b(?:(?P<shift>{the_shifts}){s})?(?P<month>{month_full})\b"),
                parse_month,
                on_full_months,
            ),
            // "the 1988 period", "the 1989 quarter": the period the story is about, in that year.
            (
                format!(r"\b(?i:the){s}(?P<year>{year}){s}(?i:period|quarter)\b"),
                parse_year_period,
                on_digits.clone(),
            ),
            // "2014", "fiscal 1989", "the year 2000", "2009-2010".
            (
                format!(
                    r"\b(?:(?P<fiscal>(?i:fiscal(?:{s}year)?|the{s}year)){s})?(?P<year>{year})(?:\s{{0,2}}{HYPHEN}\s{{0,2}}(?P<year2>[0-9]{{4}}|[0-9]{{2}})\b)?"
                ),
                parse_year,
                on_digits.clone(),
            ),
            // "nineteen ninety-six", "two thousand and one".
            (
                format!(
                    r"\b(?:(?P<the_year>(?i:the{s}year)){s})?(?i:(?P<century>nineteen|eighteen){s}(?P<rest>(?:{tens})(?:{HYPHEN}|\s)(?:{ones})|{number_words}|hundred)|(?P<millennium>two{s}thousand)(?:{s}(?:and{s})?(?P<rest2>(?:{tens})(?:{HYPHEN}|\s)(?:{ones})|{number_words}))?)\b"
                ),
                parse_spoken_year,
                Triggers::words(["nineteen", "eighteen", "thousand"]),
            ),
            // "the 1990s", "the '90s", "the nineties".
            (
                format!(
                    r"(?:\b(?i:the){s})?(?:\b(?P<decade>1[0-9]{{2}}0|20[0-9]0)['\u{{2019}}]?s|['\u{{2019}}](?P<short>[0-9]0)s)\b|\b(?i:the){s}(?P<word>(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b"
                ),
                parse_decade,
                on_digits.clone().or(Triggers::words([
                    "twenties",
                    "thirties",
                    "forties",
                    "fifties",
                    "sixties",
                    "seventies",
                    "eighties",
                    "nineties",
                ])),
            ),
            // "the 20th century", "the twenty-first century".
            (
                format!(
                    r"\b(?:(?i:the){s})?(?:(?P<number>[0-9]{{1,2}})(?i:st|nd|rd|th)|(?P<ordinal>{ordinals})){sep}(?i:century)\b"
                ),
                parse_century,
                Triggers::words(["century"]),
            ),
            // "Thursday", "last Friday", "next Monday".
            (
                format!(r"\b(?:(?P<shift>{the_shifts}){s})?(?P<weekday>{weekday})"),
                parse_weekday,
                on_weekdays.clone(),
            ),
            // "Thursday evening", "this morning", "last night", "tomorrow afternoon".
            (
                format!(
                    r"\b(?:(?P<shift>{the_shifts}){s})?(?P<day>{weekday}|(?i:yesterday|today|tomorrow)\b)?(?:{s})?(?P<part>{day_parts})\b"
                ),
                parse_day_part,
                on_day_parts.clone(),
            ),
            // "yesterday", "today", "the day after tomorrow".
            (
                format!(r"\b(?P<word>{day_words})\b"),
                parse_day_word,
                on_day_words,
            ),
            // "last week", "this year", "the coming month", "the next day", "the previous year".
            (
                format!(
                    r"\b(?P<shift>{the_shifts}|(?i:the)){s}(?:(?P<fiscal>(?i:fiscal|full|calendar)){s})?(?P<unit>(?i:week|weekend|month|year|quarter|decade|century|day))\b(?:{s}(?P<orso>(?i:or{s}so))\b)?"
                ),
                parse_period,
                Triggers::words([
                    "week", "weekend", "month", "year", "quarter", "decade", "century", "day",
                ]),
            ),
            // "the day before", "the night after".
            (
                format!(
                    r"\b(?i:the){s}(?P<part>(?i:day|night|morning|evening)){s}(?P<direction>(?i:before|after))\b"
                ),
                parse_day_before,
                Triggers::words(["day", "night", "morning", "evening"]),
            ),
            // "on the eve of the decision": the day before the event the story is on.
            (
                format!(
                    r"\b(?i:the){s}(?i:eve){s}(?i:of){s}(?i:the|his|her|its|their){s}\p{{L}}{{1,20}}"
                ),
                parse_eve,
                Triggers::words(["eve"]),
            ),
            // "that night", "that morning".
            (
                format!(r"\b(?i:that|the{s}same){s}(?P<part>{day_parts})\b"),
                parse_that_day_part,
                on_day_parts.clone(),
            ),
            // "during the morning", "by the evening": a part of the day the story is on, after
            // a preposition of time; the expression is "the morning", as TempEval-3 marks it.
            (
                format!(
                    r"\b(?i:in|during|by|through|throughout|until|till){s}(?P<expression>(?i:the){s}(?P<part>(?i:morning|afternoon|evening|night)))\b"
                ),
                parse_the_day_part,
                on_day_parts.clone(),
            ),
            // "by lunchtime": midday of the story's day.
            (
                format!(
                    r"\b(?i:by|at|until|till|before|after|over){s}(?P<expression>(?P<part>(?i:lunchtime)))\b"
                ),
                parse_the_day_part,
                on_day_parts,
            ),
            // "for the whole week", "the entire month": the period the story is in, all of it.
            (
                format!(
                    r"\b(?i:the{s}whole|the{s}entire){s}(?P<unit>(?i:week|month|year|weekend))\b"
                ),
                parse_whole_period,
                Triggers::words(["whole", "entire"]),
            ),
            // "the first half of July", "the second half of March 2026".
            (
                format!(
                    r"\b(?i:the){s}(?P<ordinal>(?i:first|second|latter)){s}(?i:half){s}(?i:of){s}(?P<month>{month})(?:,?{s}(?P<year>{year}))?"
                ),
                parse_half_of_month,
                Triggers::words(["half"]),
            ),
            // "the last week of May", "the first week of June 2026".
            (
                format!(
                    r"\b(?i:the){s}(?P<ordinal>(?i:first|second|third|fourth|last|final)){s}(?i:week){s}(?i:of){s}(?P<month>{month})(?:,?{s}(?P<year>{year}))?"
                ),
                parse_week_of_month,
                Triggers::words(["week"]),
            ),
            // "that day", "the same week".
            (
                format!(
                    r"\b(?i:that|the{s}same|that{s}same){s}(?P<unit>(?i:day|week|month|quarter|year|weekend))\b"
                ),
                parse_same_period,
                Triggers::words(["day", "week", "month", "quarter", "year", "weekend"]),
            ),
            // "the end of the year", "the beginning of the month".
            (
                format!(
                    r"\b(?P<position>(?i:the{s}(?:beginning|start|middle|end|close){s}of)){s}(?i:the){s}(?P<unit>(?i:year|month|week|quarter|decade|century))\b"
                ),
                parse_position_of_period,
                Triggers::words(["year", "month", "week", "quarter", "decade", "century"]),
            ),
            // "year-end".
            (
                format!(r"\b(?i:year(?:'s|\u{{2019}}s)?){sep}(?i:end)\b"),
                parse_year_end,
                Triggers::words(["year"]),
            ),
            // "two days ago", "a year earlier", "three weeks later", "years ago".
            (
                format!(
                    r"\b(?:(?P<hedge>{approximate_hedges}){s})?(?:(?P<amount>{amount}){sep})?(?P<unit>{units})(?:{s}(?i:or{s}so))?{s}(?P<direction>{ago}|{narrative_shifts})\b"
                ),
                parse_offset,
                on_units.clone(),
            ),
            // "year-earlier", "the year-ago quarter".
            (
                format!(
                    r"\b(?:(?i:the){s}(?i:year){HYPHEN}(?i:earlier|ago){s}(?i:quarter|period|(?:third|second|first|fourth){s}quarter)|(?i:year){HYPHEN}(?i:earlier|ago))\b"
                ),
                parse_year_earlier,
                Triggers::words(["year"]),
            ),
            // "every week", "each Thursday", "every other month".
            (
                format!(
                    r"\b(?P<every>{every}){s}(?:(?P<amount>(?i:other)|{amount}){s})?(?P<what>(?:{units}|{weekday}|{month_full}|{day_parts}|{seasons})\b)"
                ),
                parse_every,
                on_every,
            ),
            // "twice a week", "$5 a year".
            (
                format!(
                    r"\b(?:(?P<times>(?i:once|twice|thrice|(?:[0-9]{{1,3}}|{number_words}){s}times)){s})?(?i:a|an|per){s}(?P<unit>{singular_units})\b"
                ),
                parse_per,
                on_singular_units,
            ),
            // "daily", "annually".
            (
                format!(r"\b(?P<word>{frequencies})\b"),
                parse_frequency,
                on_frequencies,
            ),
            // "Mondays", "Tuesday nights".
            (
                format!(
                    r"\b(?:(?P<plural>{weekday_plural})|(?P<weekday>{weekday}){s}(?P<part>(?i:mornings|afternoons|evenings|nights)\b))"
                ),
                parse_weekday_set,
                on_weekdays,
            ),
            // "3:35 p.m. Eastern", "noon Thursday", "10 p.m. Wednesday", "around 7:15 p.m.", "a
            // quarter to ten".
            (
                format!(
                    r"(?:\b(?P<hedge>{clock_hedges}){s})?\b{clock}(?:{s}\(?(?P<zone>{zones})\b\)?)?{day_after_clock}"
                ),
                parse_clock,
                on_digits.clone().or(Triggers::words([
                    "noon",
                    "midday",
                    "midnight",
                    "clock",
                    "morning",
                    "afternoon",
                    "evening",
                    "night",
                    "quarter",
                    "half",
                ])),
            ),
            // "the third quarter", "third-quarter", "the fourth quarter of 1990", "the first
            // quarter of last year", "fiscal second-quarter".
            (
                format!(
                    r"\b(?:(?P<det>(?i:the|this|next|the{s}current|the{s}same|this{s}year's|last{s}year's|next{s}year's)){s})?(?:(?P<year1>{year}){s})?(?P<fiscal>(?i:fiscal){sep})?(?P<ordinal>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th))(?P<sep>{sep})(?i:quarter)\b(?:{s}(?i:of){s}(?:(?:(?i:fiscal){s})?(?P<year2>{year})|(?P<year_shift>(?i:last|this|next)){s}(?i:year)\b))?"
                ),
                parse_quarter,
                Triggers::words(["quarter"]),
            ),
            // "Q3 2021", "2021 Q3".
            (
                format!(
                    r"\b(?:Q(?P<quarter>[1-4])(?:{s}(?P<year>{year}))?|(?P<year2>{year}){s}Q(?P<quarter2>[1-4])\b)"
                ),
                parse_short_quarter,
                on_digits,
            ),
            // "the latest quarter", "the quarter", "the current quarter".
            (
                format!(
                    r"\b(?i:the|its){s}(?:(?P<which>(?i:latest|most{s}recent|recent|current|fiscal|just{s}ended|just{HYPHEN}ended)){s})?(?i:quarter|(?:latest|most{s}recent){s}period)\b"
                ),
                parse_latest_quarter,
                Triggers::words(["quarter", "period"]),
            ),
            // "the first half of 2021".
            (
                format!(
                    r"\b(?:(?i:the){s})?(?P<ordinal>(?i:first|second|last|latter)){sep}(?i:half){s}(?i:of){s}(?:(?P<year>{year})|(?P<shift>(?i:this|last|next|the)){s}(?i:year)\b)"
                ),
                parse_half,
                Triggers::words(["half"]),
            ),
            // "last summer", "the winter of 2021", "spring 2022".
            (
                format!(
                    r"\b(?:(?P<shift>{the_shifts}|(?i:the)){s})?(?P<season>{seasons})(?:(?:{s}(?i:of))?{s}(?P<year>{year}))?\b"
                ),
                parse_season,
                on_seasons,
            ),
            // "now", "currently", "recently", "the future".
            (
                format!(r"\b(?P<word>{references})\b"),
                parse_reference,
                on_references,
            ),
            // "three years", "a 50-minute", "the past two weeks", "nearly two years", "half an
            // hour".
            (
                format!(
                    r"\b(?:(?P<hedge>{hedges}){s})?(?:(?P<det>(?i:the|a|another|an{s}additional|an{s}extra)){s})?(?:(?P<span>(?i:past|last|next|first|final|previous|coming|following|remaining|initial|latest)){s})?(?:(?P<low>{amount}){s}(?i:to|or){s})?(?P<amount>{amount})(?:{s}(?i:more|additional|full|straight|consecutive|long))?(?P<sep>{sep})(?:{unit_adjectives}{s})?(?P<unit>{units})(?P<half>{s}(?i:and{s}a{s}half))?(?:{HYPHEN}(?P<suffix>(?i:old|long)))?(?:{s}(?P<orso>(?i:or{s}so)))?\b"
                ),
                parse_duration,
                on_units.clone(),
            ),
            // "half an hour", "a half-hour".
            (
                format!(r"\b(?i:half)(?:{s}(?i:an?){s}|{HYPHEN})(?P<unit>{singular_units})\b"),
                parse_half_unit,
                Triggers::words(["half"]),
            ),
            // "a quarter of an hour", "three quarters of an hour".
            (
                format!(
                    r"\b(?P<fraction>(?i:a{s}quarter|three{s}quarters|three-quarters)){s}(?i:of){s}(?i:an?){s}(?P<unit>{singular_units})\b"
                ),
                parse_half_unit,
                Triggers::words(["quarter", "quarters", "three-quarters"]),
            ),
            // "for years", "in decades".
            (
                r"\b(?P<unit>(?i:years|months|weeks|days|hours|minutes|decades|centuries))\b"
                    .to_string(),
                parse_bare_units,
                Triggers::words([
                    "years",
                    "months",
                    "weeks",
                    "days",
                    "hours",
                    "minutes",
                    "decades",
                    "centuries",
                ]),
            ),
            // "decades-long", "a week-long strike", "centuries-old": a length as an adjective,
            // without a number.
            (
                format!(r"\b(?P<unit>{units}){HYPHEN}(?P<suffix>(?i:long|old))\b"),
                parse_unit_adjective,
                on_units,
            ),
            // "the second day", "his first week": a period counted from the start of something.
            (
                format!(
                    r"\b(?:(?i:the){s})?(?P<ordinal>{ordinals}){s}(?P<unit>(?i:day|week|month|year))\b"
                ),
                parse_ordinal_period,
                Triggers::words(["day", "week", "month", "year"]),
            ),
            // "Christmas", "last Thanksgiving".
            (
                format!(r"\b(?:(?P<shift>(?i:last|this|next)){s})?(?P<name>{holidays})\b"),
                parse_holiday,
                on_holidays,
            ),
        ];
        let mut triggers = TriggerIndex::default();
        let rules = rules
            .into_iter()
            .enumerate()
            .map(|(rule_idx, (pattern, parse, rule_triggers))| {
                triggers.add(rule_idx, &rule_triggers);
                compile_rule(&pattern, parse)
            })
            .collect();
        let positions = anycase(lexicon.positions.iter().map(|(word, _)| *word));
        let position_nouns = anycase(lexicon.position_nouns.iter().map(|(word, _)| *word));
        let prefix = compile_prefix(&format!(
            r"(?:\b(?P<position>{positions})(?:{s}(?i:in){s})?(?:\s{{1,3}}|{HYPHEN})|\b(?P<noun>{position_nouns}){s})$"
        ));
        Grammar {
            lexicon,
            words,
            rules,
            triggers,
            prefix,
        }
    }

    /// Every candidate of every rule in `text`, each widened by a position word before it
    /// ("early", "the end of") where the expression is a period.
    pub(crate) fn candidates(&self, text: &str) -> Vec<Candidate> {
        let scan = Scan {
            text,
            grammar: self,
        };
        let mut candidates = Vec::new();
        let hits = self.triggers.hits(text);
        for (rule_idx, rule) in self.rules.iter().enumerate() {
            match &hits {
                Some(hits) => {
                    for window in windows(text, hits, rule_idx, rule.reach) {
                        self.find(&scan, rule_idx, window, &mut candidates);
                    }
                }
                None => self.find(&scan, rule_idx, 0..text.len(), &mut candidates),
            }
        }
        candidates
    }

    /// Like [`Grammar::candidates`], with every rule run over the whole text: what the windows
    /// around triggers must not change.
    #[cfg(test)]
    pub(crate) fn candidates_everywhere(&self, text: &str) -> Vec<Candidate> {
        let scan = Scan {
            text,
            grammar: self,
        };
        let mut candidates = Vec::new();
        for rule_idx in 0..self.rules.len() {
            self.find(&scan, rule_idx, 0..text.len(), &mut candidates);
        }
        candidates
    }

    /// The candidates of rule `rule_idx` in `window` of the scanned text, added to `candidates`.
    fn find(
        &self,
        scan: &Scan<'_>,
        rule_idx: usize,
        window: Range<usize>,
        candidates: &mut Vec<Candidate>,
    ) {
        let text = scan.text;
        let rule = &self.rules[rule_idx];
        // The window bounds the search, but the boundaries at its edges see the whole text.
        let input = Input::new(text).range(window);
        for groups in rule.regex.captures_iter(input) {
            let captures = Captures { text, groups };
            let Some(matched) = captures.get(0) else {
                continue;
            };
            if matched.start() == matched.end() {
                continue;
            }
            let mut pieces = (rule.parse)(&captures, scan);
            if pieces.is_empty() {
                continue;
            }
            let mut range = matched.range();
            range.start = pieces
                .iter()
                .map(|piece| piece.range.start)
                .min()
                .unwrap_or(range.start);
            range.end = pieces
                .iter()
                .map(|piece| piece.range.end)
                .max()
                .unwrap_or(range.end);
            if let [piece] = pieces.as_mut_slice()
                && piece.modifier.is_none()
                && positionable(&piece.meaning)
                && let Some((start, position)) = self.position_before(text, &range, &piece.meaning)
            {
                piece.range.start = start;
                piece.modifier = Some(position_modifier(position));
                range.start = start;
            }
            candidates.push(Candidate {
                range,
                rule: rule_idx,
                pieces,
            });
        }
    }

    /// A position word that ends right at the start of `range`, with where it begins.
    fn position_before(
        &self,
        text: &str,
        range: &Range<usize>,
        meaning: &Meaning,
    ) -> Option<(usize, Position)> {
        let start = range.start;
        let mut window_start = start.saturating_sub(40);
        while !text.is_char_boundary(window_start) {
            window_start += 1;
        }
        let window = text.get(window_start..start)?;
        let captures = self.prefix.captures(window)?;
        let matched = captures.get(0)?;
        let word = captures
            .name("position")
            .or_else(|| captures.name("noun"))?
            .as_str();
        let word = key(word);
        // TimeBank keeps "earlier" and "later" inside "earlier this month", "later that year"
        // and "earlier yesterday", but mostly outside "earlier this week" and "later Thursday".
        let comparative = word.starts_with("earlier") || word.starts_with("later");
        let week_or_weekday = matches!(
            meaning,
            Meaning::Period {
                unit: Unit::Week,
                ..
            } | Meaning::Weekday { .. }
        );
        if comparative && week_or_weekday {
            return None;
        }
        let position = self.words.positions.get(&word).copied()?;
        // In "to get around Friday's ruling" the date belongs to the noun after it, and
        // "around" is the verb's.
        let possessive = ["'s", "\u{2019}s"].iter().any(|suffix| {
            text.get(range.end..)
                .is_some_and(|after| after.starts_with(suffix))
        });
        if position == Position::Around && possessive {
            return None;
        }
        Some((window_start + matched.start(), position))
    }
}

/// Whether a position word may widen an expression of this meaning ("early March" yes, "early
/// three years" no).
fn positionable(meaning: &Meaning) -> bool {
    !matches!(
        meaning,
        Meaning::Duration { .. }
            | Meaning::Set(_)
            | Meaning::Reference(_)
            | Meaning::Offset { .. }
            | Meaning::LatestQuarter { .. }
    )
}

/// The lookup tables of `lexicon`.
fn words(lexicon: &Lexicon) -> Words {
    fn map<V: Copy>(entries: &[(&str, V)]) -> HashMap<String, V> {
        entries
            .iter()
            .map(|(word, value)| (key(word), *value))
            .collect()
    }
    fn set(entries: &[&str]) -> HashSet<String> {
        entries.iter().map(|word| key(word)).collect()
    }
    let mut months = map(lexicon.months);
    months.extend(map(lexicon.month_abbreviations));
    let mut positions = map(lexicon.positions);
    positions.extend(map(lexicon.position_nouns));
    Words {
        months,
        weekdays: map(lexicon.weekdays),
        numbers: map(lexicon.numbers),
        tens: map(lexicon.tens),
        one: set(lexicon.one),
        couple: set(lexicon.couple),
        vague: set(lexicon.vague_numbers),
        ordinals: map(lexicon.ordinals),
        units: map(lexicon.units),
        frequencies: map(lexicon.frequencies),
        day_parts: map(lexicon.day_parts),
        seasons: map(lexicon.seasons),
        day_words: map(lexicon.day_words),
        shifts: map(lexicon.shifts),
        narrative_shifts: map(lexicon.narrative_shifts),
        positions,
        references: map(lexicon.references),
        hedges: map(lexicon.hedges),
        holidays: map(lexicon.holidays),
        ago: set(lexicon.ago),
        from_now: set(lexicon.from_now),
        count_nouns: set(lexicon.count_nouns),
    }
}

/// The shift of a shift word, with or without "the" ("the past" is -1; "the next" and "the
/// following", which count from the story's own time, are +1).
fn shift_of(scan: &Scan<'_>, text: &str) -> Option<i32> {
    let text = key(text);
    let text = text.strip_prefix("the ").unwrap_or(&text);
    scan.words().shifts.get(text).copied()
}

/// Whether a shift word counts from the story's own time rather than the publication date
/// ("the next day", "the following week", "the previous year").
fn is_narrative_shift(text: &str) -> bool {
    let text = key(text);
    matches!(
        text.as_str(),
        "the next" | "the following" | "following" | "the previous" | "the preceding" | "preceding"
    )
}

fn parse_month_day(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    let (Some(month), Some(day)) = (
        group(captures, "month").and_then(|text| scan.month(text)),
        group(captures, "day").and_then(day_number),
    ) else {
        return Vec::new();
    };
    let year = group(captures, "year").and_then(year_number);
    // "5 May" is a date, "May 5 people" is not; a bare day number after a month is a date only
    // when no count noun follows it.
    if year.is_none()
        && let Some(next) = span(captures, "day").and_then(|range| scan.word_after(range.end))
        && scan.words().count_nouns.contains(&next)
    {
        return Vec::new();
    }
    let weekday = group(captures, "weekday").and_then(|text| scan.weekday(text));
    whole(
        captures,
        Meaning::Date {
            weekday,
            year,
            month,
            day: Some(day),
        },
    )
}

/// "the night of 11 August": the date of [`parse_month_day`] with the part of its day.
fn parse_part_of_date(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    let Some(part) =
        group(captures, "part").and_then(|text| scan.words().day_parts.get(&key(text)).copied())
    else {
        return Vec::new();
    };
    parse_month_day(captures, scan)
        .into_iter()
        .map(|piece| Piece {
            meaning: Meaning::Time {
                clock: Clock::Part(part),
                day: Some(Box::new(piece.meaning)),
            },
            ..piece
        })
        .collect()
}

fn parse_month_day_range(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    let (Some(month), Some(day), Some(day2)) = (
        group(captures, "month").and_then(|text| scan.month(text)),
        group(captures, "day").and_then(day_number),
        group(captures, "day2").and_then(day_number),
    ) else {
        return Vec::new();
    };
    if day2 <= day {
        return Vec::new();
    }
    let year = group(captures, "year").and_then(year_number);
    let (Some(first), Some(second)) = (span(captures, "day"), span(captures, "day2")) else {
        return Vec::new();
    };
    let start = span(captures, "month").map_or(first.start, |range| range.start);
    let end = span(captures, "year").map_or(second.end, |range| range.end);
    vec![
        Piece {
            range: start..first.end,
            meaning: Meaning::Date {
                weekday: None,
                year,
                month,
                day: Some(day),
            },
            modifier: None,
        },
        Piece {
            range: second.start..end,
            meaning: Meaning::Date {
                weekday: None,
                year,
                month,
                day: Some(day2),
            },
            modifier: None,
        },
    ]
}

fn parse_day_range_month(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    let (Some(month), Some(day1), Some(day)) = (
        group(captures, "month").and_then(|text| scan.month(text)),
        group(captures, "day1").and_then(day_number),
        group(captures, "day").and_then(day_number),
    ) else {
        return Vec::new();
    };
    if day <= day1 {
        return Vec::new();
    }
    let year = group(captures, "year").and_then(year_number);
    let (Some(first), Some(second)) = (span(captures, "day1"), span(captures, "day")) else {
        return Vec::new();
    };
    let end = captures.get(0).map_or(second.end, |m| m.end());
    vec![
        Piece {
            range: first,
            meaning: Meaning::Date {
                weekday: None,
                year,
                month,
                day: Some(day1),
            },
            modifier: None,
        },
        Piece {
            range: second.start..end,
            meaning: Meaning::Date {
                weekday: None,
                year,
                month,
                day: Some(day),
            },
            modifier: None,
        },
    ]
}

fn parse_numeric_date(captures: &Captures<'_>, _scan: &Scan<'_>) -> Vec<Piece> {
    let number = |name: &str| group(captures, name).and_then(|text| text.parse::<u32>().ok());
    let (Some(year), Some(month), Some(day)) = (
        group(captures, "year").and_then(year_number),
        number("month"),
        number("day"),
    ) else {
        return Vec::new();
    };
    if chrono::NaiveDate::from_ymd_opt(year, month, day).is_none() {
        return Vec::new();
    }
    whole(
        captures,
        Meaning::Date {
            weekday: None,
            year: Some(year),
            month,
            day: Some(day),
        },
    )
}

fn parse_slashed_date(captures: &Captures<'_>, _scan: &Scan<'_>) -> Vec<Piece> {
    let number = |name: &str| group(captures, name).and_then(|text| text.parse::<u32>().ok());
    let (Some(first), Some(second), Some(year)) = (
        number("first"),
        number("second"),
        group(captures, "year").and_then(year_number),
    ) else {
        return Vec::new();
    };
    let (month, day) = if first > 12 {
        (second, first)
    } else {
        (first, second)
    };
    if chrono::NaiveDate::from_ymd_opt(year, month, day).is_none() {
        return Vec::new();
    }
    whole(
        captures,
        Meaning::Date {
            weekday: None,
            year: Some(year),
            month,
            day: Some(day),
        },
    )
}

fn parse_month_year(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    let (Some(month), Some(year)) = (
        group(captures, "month").and_then(|text| scan.month(text)),
        group(captures, "year").and_then(year_number),
    ) else {
        return Vec::new();
    };
    whole(
        captures,
        Meaning::Date {
            weekday: None,
            year: Some(year),
            month,
            day: None,
        },
    )
}

fn parse_month_in_year(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    let (Some(month), Some(year_shift)) = (
        group(captures, "month").and_then(|text| scan.month(text)),
        group(captures, "shift").and_then(|text| shift_of(scan, text)),
    ) else {
        return Vec::new();
    };
    whole(captures, Meaning::MonthInYear { month, year_shift })
}

/// Words before a bare month name that show it is one ("in May"); "May" and "March" are also a
/// verb, so alone they need one of these.
const MONTH_CONTEXT: &[&str] = &[
    "in", "since", "until", "till", "by", "from", "to", "through", "during", "before", "after",
    "of", "early", "mid", "late", "last", "this", "next", "between", "and", "or", "end", "on",
    "for", "around", "mid-",
];

fn parse_month(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    let Some(month_text) = group(captures, "month") else {
        return Vec::new();
    };
    let Some(month) = scan.month(month_text) else {
        return Vec::new();
    };
    if let Some(shift) = group(captures, "shift") {
        if is_narrative_shift(shift) {
            return Vec::new();
        }
        let Some(shift) = shift_of(scan, shift) else {
            return Vec::new();
        };
        return whole(captures, Meaning::ShiftedMonth { month, shift });
    }
    let start = captures.get(0).map_or(0, |m| m.start());
    let ambiguous = matches!(key(month_text).as_str(), "may" | "march");
    if ambiguous {
        let before = scan.word_before(start).unwrap_or_default();
        let hyphenated = scan.char_before(start) == Some('-');
        if !hyphenated && !MONTH_CONTEXT.contains(&before.as_str()) {
            return Vec::new();
        }
    }
    whole(
        captures,
        Meaning::Date {
            weekday: None,
            year: None,
            month,
            day: None,
        },
    )
}

/// Words before a four-digit number that make it a quantity, not a year ("about 1500").
const QUANTITY_BEFORE: &[&str] = &[
    "about",
    "around",
    "some",
    "nearly",
    "almost",
    "approximately",
    "roughly",
    "only",
    "just",
    "least",
    "total",
    "totaling",
    "totalling",
    "no",
    "number",
    "page",
    "pages",
    "route",
    "flight",
    "room",
    "model",
    "code",
    "article",
    "section",
    "resolution",
    "uss",
    "at",
];

fn parse_year(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    let (Some(year), Some(year_span)) = (
        group(captures, "year").and_then(year_number),
        span(captures, "year"),
    ) else {
        return Vec::new();
    };
    let start = captures.get(0).map_or(year_span.start, |m| m.start());
    let end = captures.get(0).map_or(year_span.end, |m| m.end());
    // Currency, numbering and thousands separators around the number make it a quantity; a
    // hyphen does too after a number ("555-1989"), not after a word ("mid-1996", "post-1959").
    let after_word_hyphen = scan
        .before(start)
        .strip_suffix('-')
        .and_then(|rest| rest.chars().next_back())
        .is_some_and(char::is_alphabetic);
    if matches!(
        scan.char_before(start),
        Some('$' | '€' | '£' | '¥' | '#' | '.' | ',' | '/' | ':' | '+' | '-' | '\u{2212}')
    ) && group(captures, "fiscal").is_none()
        && !after_word_hyphen
    {
        return Vec::new();
    }
    let after = scan.after(year_span.end);
    if after.starts_with(['%', ':', '/'])
        || after.starts_with(",0")
        || after
            .strip_prefix([',', '.'])
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
    {
        return Vec::new();
    }
    if let Some(next) = scan.word_after(year_span.end)
        && scan.words().count_nouns.contains(&next)
    {
        return Vec::new();
    }
    if group(captures, "fiscal").is_none() {
        if let Some(before) = scan.word_before(start)
            && QUANTITY_BEFORE.contains(&before.as_str())
        {
            return Vec::new();
        }
        // A four-digit number far from the present is more likely a count than a year.
        if !(1600..=2099).contains(&year) {
            return Vec::new();
        }
    }
    let Some(year2_text) = group(captures, "year2") else {
        return whole(captures, Meaning::Year(year));
    };
    let year2 = if year2_text.len() == 2 {
        year2_text
            .parse::<i32>()
            .ok()
            .map(|short| year - year.rem_euclid(100) + short)
    } else {
        year_number(year2_text)
    };
    let (Some(year2), Some(year2_span)) = (year2, span(captures, "year2")) else {
        return Vec::new();
    };
    if year2 <= year || year2 - year > 100 {
        return Vec::new();
    }
    vec![
        Piece {
            range: start..year_span.end,
            meaning: Meaning::Year(year),
            modifier: None,
        },
        Piece {
            range: year2_span.start..end,
            meaning: Meaning::Year(year2),
            modifier: None,
        },
    ]
}

fn parse_year_period(captures: &Captures<'_>, _scan: &Scan<'_>) -> Vec<Piece> {
    match group(captures, "year").and_then(year_number) {
        Some(year) => whole(captures, Meaning::PeriodOfYear(year)),
        None => Vec::new(),
    }
}

fn parse_spoken_year(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    let number = |name: &str| -> Option<u32> {
        match scan.amount(group(captures, name)?)? {
            Amount::Exact(count) if count < 100.0 => Some(count as u32),
            _ => None,
        }
    };
    let year = if group(captures, "century").is_some() {
        let century = if group(captures, "century").map(key).as_deref() == Some("nineteen") {
            1900
        } else {
            1800
        };
        let rest = if group(captures, "rest").map(key).as_deref() == Some("hundred") {
            Some(0)
        } else {
            number("rest")
        };
        let Some(rest) = rest else {
            return Vec::new();
        };
        // "nineteen five" is not how years are said; "nineteen fifty" is.
        if rest < 10 && rest != 0 {
            return Vec::new();
        }
        century + rest
    } else {
        // "two thousand" alone is as often a count as a year; only "the year two thousand" and
        // years after it are read as years.
        let rest = number("rest2");
        let start = captures.get(0).map_or(0, |m| m.start());
        let before = scan.word_before(start).unwrap_or_default();
        if rest.is_none() && before != "year" && group(captures, "the_year").is_none() {
            return Vec::new();
        }
        2000 + rest.unwrap_or(0)
    };
    if let Some(next) = captures.get(0).and_then(|m| scan.word_after(m.end()))
        && scan.words().count_nouns.contains(&next)
    {
        return Vec::new();
    }
    whole(captures, Meaning::Year(year as i32))
}

fn parse_decade(captures: &Captures<'_>, _scan: &Scan<'_>) -> Vec<Piece> {
    let decade = if let Some(decade) = group(captures, "decade") {
        decade
            .get(..3)
            .and_then(|digits| digits.parse::<i32>().ok())
    } else if let Some(short) = group(captures, "short") {
        // "the '90s": the most recent such decade of the 1900s or 2000s, as of the 2020s.
        short
            .get(..1)
            .and_then(|digit| digit.parse::<i32>().ok())
            .map(|digit| if digit <= 2 { 200 + digit } else { 190 + digit })
    } else {
        let word = group(captures, "word").map(key).unwrap_or_default();
        let digit = match word.as_str() {
            "twenties" => 2,
            "thirties" => 3,
            "forties" => 4,
            "fifties" => 5,
            "sixties" => 6,
            "seventies" => 7,
            "eighties" => 8,
            _ => 9,
        };
        Some(190 + digit)
    };
    match decade {
        Some(decade) => whole(captures, Meaning::Decade(decade)),
        None => Vec::new(),
    }
}

fn parse_century(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    let number = group(captures, "number")
        .and_then(|text| text.parse::<i32>().ok())
        .or_else(|| {
            group(captures, "ordinal")
                .and_then(|text| scan.words().ordinals.get(&key(text)).copied())
                .map(|value| value as i32)
        });
    match number {
        Some(number @ 1..=30) => whole(captures, Meaning::Century(number - 1)),
        _ => Vec::new(),
    }
}

fn parse_weekday(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    let Some(weekday) = group(captures, "weekday").and_then(|text| scan.weekday(text)) else {
        return Vec::new();
    };
    let shift = match group(captures, "shift") {
        Some(text) if is_narrative_shift(text) => {
            // "the following Monday" counts from the story's time; without a better anchor it
            // is left to the tense, as a bare weekday.
            None
        }
        Some(text) => shift_of(scan, text),
        None => None,
    };
    whole(captures, Meaning::Weekday { weekday, shift })
}

fn parse_day_part(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    let Some(part) =
        group(captures, "part").and_then(|text| scan.words().day_parts.get(&key(text)).copied())
    else {
        return Vec::new();
    };
    let shift_text = group(captures, "shift");
    let shift = shift_text.and_then(|text| shift_of(scan, text));
    let day = match group(captures, "day") {
        Some(text) => {
            if let Some(weekday) = scan.weekday(text) {
                Meaning::Weekday { weekday, shift }
            } else {
                let Some(offset) = scan.words().day_words.get(&key(text)).copied() else {
                    return Vec::new();
                };
                if shift.is_some() {
                    return Vec::new();
                }
                Meaning::Day(offset)
            }
        }
        None if shift_text.is_some_and(is_narrative_shift) => Meaning::Narrative {
            unit: Unit::Day,
            shift: shift.unwrap_or(0),
        },
        None => match (shift, part) {
            // "last night" is the night before the publication date; "this morning" its morning.
            (Some(-1), DayPart::Night | DayPart::Evening) => Meaning::Day(-1),
            (Some(0), _) => Meaning::Day(0),
            (Some(1), _) => Meaning::Day(1),
            _ => return Vec::new(),
        },
    };
    whole(
        captures,
        Meaning::Time {
            clock: Clock::Part(part),
            day: Some(Box::new(day)),
        },
    )
}

fn parse_day_word(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    match group(captures, "word").and_then(|text| scan.words().day_words.get(&key(text)).copied()) {
        Some(offset) => whole(captures, Meaning::Day(offset)),
        None => Vec::new(),
    }
}

fn parse_period(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    let (Some(shift_text), Some(unit)) = (
        group(captures, "shift"),
        group(captures, "unit").and_then(|text| scan.unit(text)),
    ) else {
        return Vec::new();
    };
    let shift_key = key(shift_text);
    let end = captures.get(0).map_or(0, |m| m.end());
    if shift_key == "the"
        && unit == Unit::Year
        && matches!(scan.word_after(end).as_deref(), Some("ended" | "ending"))
    {
        // "the year ended March 31", "the fiscal year ending June 30": a company's reporting
        // year, which its closing date places; as written it is a length of one year.
        return whole(
            captures,
            Meaning::Duration {
                amount: Amount::Exact(1.0),
                unit,
            },
        );
    }
    if shift_key == "the" {
        // "the weekend" is the nearest one the tense points to, "the week" and "the fiscal
        // year" the current ones; "the year" and "the month" alone are too often generic to be
        // dated.
        let qualified = group(captures, "fiscal").is_some();
        return match unit {
            Unit::Weekend => whole(captures, Meaning::Weekend { shift: None }),
            Unit::Week => whole(captures, Meaning::Period { unit, shift: 0 }),
            Unit::Year if qualified => whole(captures, Meaning::Period { unit, shift: 0 }),
            _ => Vec::new(),
        };
    }
    let Some(shift) = shift_of(scan, shift_text) else {
        return Vec::new();
    };
    // "Spent the past week in talks": what one spends is a length of time, here the week
    // before now.
    let start = captures.get(0).map_or(0, |m| m.start());
    if shift < 0
        && matches!(
            scan.word_before(start).as_deref(),
            Some("spent" | "spend" | "spends" | "spending")
        )
    {
        return whole(
            captures,
            Meaning::Duration {
                amount: Amount::Exact(1.0),
                unit,
            },
        );
    }
    // "the following year" and "the previous week" count from the story's own time, and so do
    // "the next day" and "next day"; "the next week" in news is the week after publication.
    let narrative = matches!(
        shift_key.as_str(),
        "the following" | "following" | "the previous" | "the preceding" | "preceding"
    ) || (unit == Unit::Day && matches!(shift_key.as_str(), "the next" | "next"));
    if unit == Unit::Day && !narrative {
        return Vec::new();
    }
    if narrative {
        return whole(captures, Meaning::Narrative { unit, shift });
    }
    if unit == Unit::Weekend {
        return whole(captures, Meaning::Weekend { shift: Some(shift) });
    }
    let mut pieces = whole(captures, Meaning::Period { unit, shift });
    if group(captures, "orso").is_some() {
        for piece in &mut pieces {
            piece.modifier = Some(TimeModifier::Approx);
        }
    }
    pieces
}

fn parse_day_before(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    // In "the day before the vote" or "the day after he left", "before" and "after" open a
    // phrase that says which day; only a bare "the day before" counts from the story's time.
    let end = captures.get(0).map_or(0, |m| m.end());
    if scan.word_after(end).is_some() {
        // "On 10 August, the day before the fire started,": set off after a date, the phrase
        // names that date again.
        let start = captures.get(0).map_or(0, |m| m.start());
        let set_off_after_a_date =
            scan.before(start)
                .trim_end()
                .strip_suffix(',')
                .is_some_and(|before| {
                    let last_word = before
                        .rsplit(char::is_whitespace)
                        .next()
                        .unwrap_or_default();
                    last_word.chars().all(|c| c.is_ascii_digit()) && !last_word.is_empty()
                        || scan.month(last_word).is_some()
                        || scan.weekday(last_word).is_some()
                });
        if set_off_after_a_date && key(group(captures, "part").unwrap_or_default()) == "day" {
            return whole(
                captures,
                Meaning::Narrative {
                    unit: Unit::Day,
                    shift: 0,
                },
            );
        }
        // "phoned the governor the night before the decision": a part of the day before an
        // event the story is on, which is the day it last told; "the day before he left" says
        // another day, and TimeML reads "the day before the son …" as "the day" of an unknown
        // date.
        let before_an_event = key(group(captures, "part").unwrap_or_default()) != "day"
            && matches!(
                scan.word_after(end).as_deref(),
                Some("the" | "a" | "his" | "her" | "its" | "their")
            );
        if !before_an_event {
            return Vec::new();
        }
    }
    let shift = match group(captures, "direction").map(key).as_deref() {
        Some("before") => -1,
        Some("after") => 1,
        _ => return Vec::new(),
    };
    let day = Meaning::Narrative {
        unit: Unit::Day,
        shift,
    };
    let part = group(captures, "part").map(key).unwrap_or_default();
    if part == "day" {
        return whole(captures, day);
    }
    match scan.words().day_parts.get(&part).copied() {
        Some(part) => whole(
            captures,
            Meaning::Time {
                clock: Clock::Part(part),
                day: Some(Box::new(day)),
            },
        ),
        None => Vec::new(),
    }
}

/// "the eve of the vote": the day before the day the story last told.
fn parse_eve(captures: &Captures<'_>, _scan: &Scan<'_>) -> Vec<Piece> {
    whole(
        captures,
        Meaning::Narrative {
            unit: Unit::Day,
            shift: -1,
        },
    )
}

fn parse_that_day_part(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    match group(captures, "part").and_then(|text| scan.words().day_parts.get(&key(text)).copied()) {
        Some(part) => whole(
            captures,
            Meaning::Time {
                clock: Clock::Part(part),
                day: Some(Box::new(Meaning::Narrative {
                    unit: Unit::Day,
                    shift: 0,
                })),
            },
        ),
        None => Vec::new(),
    }
}

/// "during the morning": [`parse_that_day_part`] over the `expression` group alone.
fn parse_the_day_part(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    let Some(expression) = captures.name("expression") else {
        return Vec::new();
    };
    parse_that_day_part(captures, scan)
        .into_iter()
        .map(|piece| Piece {
            range: expression.range(),
            ..piece
        })
        .collect()
}

fn parse_same_period(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    match group(captures, "unit").and_then(|text| scan.unit(text)) {
        Some(unit) => whole(captures, Meaning::Narrative { unit, shift: 0 }),
        None => Vec::new(),
    }
}

fn parse_half_of_month(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    let Some(month) = group(captures, "month").and_then(|text| scan.month(text)) else {
        return Vec::new();
    };
    let first = group(captures, "ordinal").map(key).as_deref() == Some("first");
    whole(
        captures,
        Meaning::HalfOfMonth {
            first,
            month,
            year: group(captures, "year").and_then(year_number),
        },
    )
}

fn parse_week_of_month(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    let Some(month) = group(captures, "month").and_then(|text| scan.month(text)) else {
        return Vec::new();
    };
    let week = match group(captures, "ordinal").map(key).as_deref() {
        Some("first") => Some(1),
        Some("second") => Some(2),
        Some("third") => Some(3),
        Some("fourth") => Some(4),
        _ => None,
    };
    whole(
        captures,
        Meaning::WeekOfMonth {
            week,
            month,
            year: group(captures, "year").and_then(year_number),
        },
    )
}

fn parse_whole_period(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    match group(captures, "unit").and_then(|text| scan.unit(text)) {
        Some(unit) => whole(captures, Meaning::Period { unit, shift: 0 }),
        None => Vec::new(),
    }
}

fn parse_position_of_period(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    let (Some(unit), Some(position)) = (
        group(captures, "unit").and_then(|text| scan.unit(text)),
        group(captures, "position")
            .and_then(|text| scan.words().positions.get(&key(text)).copied()),
    ) else {
        return Vec::new();
    };
    let mut pieces = whole(captures, Meaning::Period { unit, shift: 0 });
    for piece in &mut pieces {
        piece.modifier = Some(position_modifier(position));
    }
    pieces
}

fn parse_year_end(captures: &Captures<'_>, _scan: &Scan<'_>) -> Vec<Piece> {
    let mut pieces = whole(
        captures,
        Meaning::Period {
            unit: Unit::Year,
            shift: 0,
        },
    );
    for piece in &mut pieces {
        piece.modifier = Some(TimeModifier::End);
    }
    pieces
}

fn parse_offset(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    let (Some(unit_text), Some(direction)) =
        (group(captures, "unit"), group(captures, "direction"))
    else {
        return Vec::new();
    };
    let Some(unit) = scan.unit(unit_text) else {
        return Vec::new();
    };
    let amount = match group(captures, "amount") {
        Some(text) => match scan.amount(text) {
            Some(amount) => amount,
            None => return Vec::new(),
        },
        // "years ago" without a number is a vague past; a singular unit alone ("year ago") is
        // not an expression.
        None if key(unit_text).ends_with('s') => Amount::Vague,
        None => return Vec::new(),
    };
    let direction = key(direction);
    let words = scan.words();
    // "a month earlier than usual" compares lengths; it names no date.
    let end = captures.get(0).map_or(0, |m| m.end());
    if scan.word_after(end).as_deref() == Some("than") {
        return Vec::new();
    }
    let (sign, narrative) = if words.ago.contains(&direction) {
        (-1, false)
    } else if words.from_now.contains(&direction) {
        (1, false)
    } else {
        match words.narrative_shifts.get(&direction) {
            // "two days before" and "two days after" are a duration followed by a signal in
            // TimeML; only "earlier" and "later" make a date of them.
            Some(_) if direction == "before" || direction == "after" => return Vec::new(),
            Some(sign) => (*sign, true),
            None => return Vec::new(),
        }
    };
    let modifier = group(captures, "hedge").map(|text| {
        words
            .hedges
            .get(&key(text))
            .copied()
            .unwrap_or(TimeModifier::Approx)
    });
    let mut pieces = whole(
        captures,
        Meaning::Offset {
            amount,
            unit,
            sign,
            narrative,
        },
    );
    for piece in &mut pieces {
        piece.modifier = modifier;
    }
    pieces
}

fn parse_year_earlier(captures: &Captures<'_>, _scan: &Scan<'_>) -> Vec<Piece> {
    // "the year-ago quarter" is a quarter even when the story has named none.
    let text = captures.get(0).map(|m| key(m.as_str())).unwrap_or_default();
    if text.ends_with("quarter") || text.ends_with("period") {
        return whole(captures, Meaning::LatestQuarter { year_shift: -1 });
    }
    // "year-earlier results" compare with the year before the report's, not the year before the
    // last one mentioned; a quarter mentioned is still honored (see `resolve::offset`).
    whole(
        captures,
        Meaning::Offset {
            amount: Amount::Exact(1.0),
            unit: Unit::Year,
            sign: -1,
            narrative: false,
        },
    )
}

fn parse_every(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    let Some(what) = group(captures, "what") else {
        return Vec::new();
    };
    let every = group(captures, "every").map(key).unwrap_or_default();
    if every == "per" && group(captures, "amount").is_some() {
        return Vec::new();
    }
    let count = match group(captures, "amount") {
        None => Amount::Exact(1.0),
        Some(text) if key(text) == "other" => Amount::Exact(2.0),
        Some(text) => match scan.amount(text) {
            Some(amount) => amount,
            None => return Vec::new(),
        },
    };
    let value = if let Some(unit) = scan.unit(what) {
        if unit == Unit::Weekend {
            "XXXX-WXX-WE".to_string()
        } else {
            super::resolve::duration_value(count, unit)
        }
    } else if let Some(weekday) = scan.weekday(what) {
        format!("XXXX-WXX-{}", weekday.number_from_monday())
    } else if let Some(month) = scan.month(what) {
        format!("XXXX-{month:02}")
    } else if let Some(part) = scan.words().day_parts.get(&key(what)) {
        format!("XXXX-XX-XXT{}", part.code())
    } else if let Some(season) = scan.words().seasons.get(&key(what)) {
        format!("XXXX-{}", season.code())
    } else {
        return Vec::new();
    };
    whole(captures, Meaning::Set(value))
}

/// Words before "a"/"per" + unit that make it a rate ("$5 million a year", "10 percent a
/// month").
const RATE_BEFORE: &[&str] = &[
    "million",
    "billion",
    "trillion",
    "thousand",
    "hundred",
    "percent",
    "dollars",
    "cents",
    "euros",
    "pounds",
    "times",
    "miles",
    "kilometers",
    "barrels",
    "tons",
    "points",
    "people",
    "hours",
    "days",
    "cases",
    "meetings",
    "shifts",
];

fn parse_per(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    let Some(unit) = group(captures, "unit").and_then(|text| scan.unit(text)) else {
        return Vec::new();
    };
    if group(captures, "times").is_none() {
        let start = captures.get(0).map_or(0, |m| m.start());
        let before = scan.word_before(start).unwrap_or_default();
        let last = scan.before(start).trim_end().chars().next_back();
        let numeric = last.is_some_and(|c| c.is_ascii_digit() || c == '%');
        if !numeric && !RATE_BEFORE.contains(&before.as_str()) {
            return Vec::new();
        }
    }
    whole(
        captures,
        Meaning::Set(super::resolve::duration_value(Amount::Exact(1.0), unit)),
    )
}

fn parse_frequency(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    match group(captures, "word").and_then(|text| scan.words().frequencies.get(&key(text)).copied())
    {
        Some(value) => whole(captures, Meaning::Set(value.to_string())),
        None => Vec::new(),
    }
}

fn parse_weekday_set(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    if let Some(plural) = group(captures, "plural") {
        let singular = plural.strip_suffix('s').unwrap_or(plural);
        return match scan.weekday(singular) {
            Some(weekday) => whole(
                captures,
                Meaning::Set(format!("XXXX-WXX-{}", weekday.number_from_monday())),
            ),
            None => Vec::new(),
        };
    }
    let (Some(weekday), Some(part)) = (
        group(captures, "weekday").and_then(|text| scan.weekday(text)),
        group(captures, "part").and_then(|text| {
            let singular = text.strip_suffix('s').unwrap_or(text);
            scan.words().day_parts.get(&key(singular)).copied()
        }),
    ) else {
        return Vec::new();
    };
    whole(
        captures,
        Meaning::Set(format!(
            "XXXX-WXX-{}T{}",
            weekday.number_from_monday(),
            part.code()
        )),
    )
}

fn parse_clock(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    let number = |name: &str| group(captures, name).and_then(|text| text.parse::<u32>().ok());
    let hour_word = |text: &str| {
        text.parse::<u32>()
            .ok()
            .or_else(|| match scan.amount(text) {
                Some(Amount::Exact(count)) => Some(count as u32),
                _ => None,
            })
    };
    // An hour told without "a.m." or "p.m." ("eleven o'clock", "a quarter to ten").
    let mut twelve_hour = false;
    let (hour, minute) = if let Some(hour) = number("hour") {
        let meridiem = group(captures, "meridiem").map(key).unwrap_or_default();
        if !(1..=12).contains(&hour) {
            return Vec::new();
        }
        let pm = meridiem.starts_with('p');
        let hour = match (hour, pm) {
            (12, false) => 0,
            (12, true) => 12,
            (hour, true) => hour + 12,
            (hour, false) => hour,
        };
        (hour, number("minute").unwrap_or(0))
    } else if let Some(hour) = number("hour24") {
        // A bare "h:mm" is a clock time only with a zone or a preposition of time before it;
        // otherwise it may be a score or a ratio.
        let start = span(captures, "hour24").map_or(0, |range| range.start);
        let before = scan.word_before(start).unwrap_or_default();
        let timely = matches!(
            before.as_str(),
            "at" | "until"
                | "till"
                | "by"
                | "from"
                | "before"
                | "after"
                | "around"
                | "about"
                | "to"
        );
        // "06:10": no score or ratio is written with a leading zero.
        let zero_padded = group(captures, "hour24").is_some_and(|hour| hour.starts_with('0'));
        let after_a_weekday = scan.words().weekdays.contains_key(before.as_str());
        if !timely && !zero_padded && !after_a_weekday && group(captures, "zone").is_none() {
            return Vec::new();
        }
        (hour, number("minute24").unwrap_or(0))
    } else if let Some(noon) = group(captures, "noon") {
        if key(noon) == "midnight" {
            (24, 0)
        } else {
            (12, 0)
        }
    } else if let Some(text) = group(captures, "hourin") {
        let hour = text
            .parse::<u32>()
            .ok()
            .or_else(|| match scan.amount(text) {
                Some(Amount::Exact(count)) => Some(count as u32),
                _ => None,
            });
        let later = matches!(
            group(captures, "inpart").map(key).as_deref(),
            Some("afternoon" | "evening")
        ) || (group(captures, "inpart").map(key).as_deref() == Some("night")
            && hour.is_some_and(|hour| hour >= 6));
        match hour {
            Some(hour @ 1..=11) if later => (hour + 12, 0),
            Some(hour @ 1..=12) => (hour, 0),
            _ => return Vec::new(),
        }
    } else if let Some(text) = group(captures, "oclock") {
        twelve_hour = true;
        match hour_word(text) {
            Some(hour @ 1..=12) => (hour, 0),
            _ => return Vec::new(),
        }
    } else if let (Some(fraction), Some(text)) =
        (group(captures, "fraction"), group(captures, "fhour"))
    {
        // "a quarter to ten" is 9:45, "a quarter past ten" 10:15, "half past ten" 10:30.
        twelve_hour = true;
        let Some(hour @ 1..=12) = hour_word(text) else {
            return Vec::new();
        };
        let fraction = key(fraction);
        if fraction.starts_with("half") {
            (hour, 30)
        } else if fraction.ends_with("to") {
            (if hour == 1 { 12 } else { hour - 1 }, 45)
        } else {
            (hour, 15)
        }
    } else {
        return Vec::new();
    };
    let day = match group(captures, "day") {
        Some(text) => match scan.grammar.whole_meaning(text) {
            Some(meaning) => Some(Box::new(meaning)),
            None => return Vec::new(),
        },
        None => None,
    };
    whole(
        captures,
        Meaning::Time {
            clock: Clock::At {
                hour,
                minute,
                twelve_hour,
            },
            day,
        },
    )
}

fn parse_quarter(captures: &Captures<'_>, _scan: &Scan<'_>) -> Vec<Piece> {
    let ordinal = group(captures, "ordinal").map(key).unwrap_or_default();
    let quarter = match ordinal.as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        "fourth" | "4th" | "final" => 4,
        _ => return Vec::new(),
    };
    let det = group(captures, "det").map(key);
    let year = group(captures, "year1")
        .or_else(|| group(captures, "year2"))
        .and_then(year_number);
    // "Last year's third quarter" and "the third quarter of last year" say the same.
    let year_shift = match (
        det.as_deref(),
        group(captures, "year_shift").map(key).as_deref(),
    ) {
        (Some("last year's"), _) | (_, Some("last")) => Some(-1),
        (Some("this year's"), _) | (_, Some("this")) => Some(0),
        (Some("next year's"), _) | (_, Some("next")) => Some(1),
        _ => None,
    };
    let meaning = match (year_shift, year) {
        (Some(year_shift), None) => Meaning::QuarterOfYear {
            quarter,
            year_shift,
        },
        _ => Meaning::Quarter { quarter, year },
    };
    let mut pieces = whole(captures, meaning);
    // In "the third-quarter loss" the article belongs to "loss"; TimeBank leaves it out.
    let hyphenated = group(captures, "sep").is_some_and(|sep| !sep.trim().is_empty());
    if hyphenated
        && det.as_deref() == Some("the")
        && let Some(start) = span(captures, "year1")
            .or_else(|| span(captures, "fiscal"))
            .or_else(|| span(captures, "ordinal"))
            .map(|range| range.start)
    {
        for piece in &mut pieces {
            piece.range.start = start;
        }
    }
    pieces
}

fn parse_short_quarter(captures: &Captures<'_>, _scan: &Scan<'_>) -> Vec<Piece> {
    let quarter = group(captures, "quarter")
        .or_else(|| group(captures, "quarter2"))
        .and_then(|text| text.parse::<u32>().ok());
    let year = group(captures, "year")
        .or_else(|| group(captures, "year2"))
        .and_then(year_number);
    match quarter {
        Some(quarter) => whole(captures, Meaning::Quarter { quarter, year }),
        None => Vec::new(),
    }
}

fn parse_latest_quarter(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    // "its quarter-century low" is no quarter of a year.
    let end = captures.get(0).map_or(0, |m| m.end());
    if scan.after(end).starts_with('-') && !scan.after(end).starts_with("-to-") {
        return Vec::new();
    }
    // "the quarter ended Sept. 30" says which quarter it is by its last month.
    let end = captures.get(0).map_or(0, |m| m.end());
    let after = scan.after(end).trim_start();
    if let Some(rest) = after
        .strip_prefix("ended ")
        .or_else(|| after.strip_prefix("ending "))
    {
        let month_word: String = rest
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        if let Some(month) = scan.month(&month_word) {
            return whole(
                captures,
                Meaning::Quarter {
                    quarter: month.div_ceil(3),
                    year: None,
                },
            );
        }
    }
    if group(captures, "which").map(key).as_deref() == Some("current") {
        return whole(
            captures,
            Meaning::Period {
                unit: Unit::Quarter,
                shift: 0,
            },
        );
    }
    whole(captures, Meaning::LatestQuarter { year_shift: 0 })
}

fn parse_half(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    let half = match group(captures, "ordinal").map(key).as_deref() {
        Some("first") => 1,
        Some(_) => 2,
        None => return Vec::new(),
    };
    if let Some(year) = group(captures, "year").and_then(year_number) {
        return whole(
            captures,
            Meaning::Half {
                half,
                year: Some(year),
            },
        );
    }
    let year_shift = group(captures, "shift")
        .and_then(|text| shift_of(scan, text))
        .unwrap_or(0);
    whole(captures, Meaning::HalfOfYear { half, year_shift })
}

fn parse_season(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    let Some(season_text) = group(captures, "season") else {
        return Vec::new();
    };
    let Some(season) = scan.words().seasons.get(&key(season_text)).copied() else {
        return Vec::new();
    };
    let year = group(captures, "year").and_then(year_number);
    let shift_text = group(captures, "shift").map(key);
    let shift = match shift_text.as_deref() {
        Some("the") | None => None,
        Some(text) if is_narrative_shift(text) => return Vec::new(),
        Some(text) => shift_of(scan, text),
    };
    // "the fall of" a city is no season; "the fall of 2021" is.
    if shift_text.as_deref() == Some("the") && year.is_none() {
        let end = captures.get(0).map_or(0, |m| m.end());
        if scan.word_after(end).as_deref() == Some("of") {
            return Vec::new();
        }
    }
    // "fall" and "spring" are also a verb and a noun; alone, they need a determiner or a year.
    let bare = shift_text.is_none() && year.is_none();
    if bare && matches!(key(season_text).as_str(), "fall" | "spring") {
        let start = captures.get(0).map_or(0, |m| m.start());
        let before = scan.word_before(start).unwrap_or_default();
        if !matches!(
            before.as_str(),
            "in" | "this" | "last" | "next" | "early" | "late" | "mid"
        ) {
            return Vec::new();
        }
    }
    whole(
        captures,
        Meaning::Season {
            season,
            year,
            shift,
        },
    )
}

fn parse_reference(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    let Some(word) = group(captures, "word").map(key) else {
        return Vec::new();
    };
    let Some(reference) = scan.words().references.get(&word).copied() else {
        return Vec::new();
    };
    let start = captures.get(0).map_or(0, |m| m.start());
    let end = captures.get(0).map_or(0, |m| m.end());
    let before = scan.word_before(start).unwrap_or_default();
    match word.as_str() {
        // "present" is a time only in "at present"; "now" in "now-defunct" still is.
        "present" if before != "at" => return Vec::new(),
        // "future" and "current" are times only as adjectives of a noun or after "the";
        // "the future" has its own entry.
        "future" | "current" if before == "the" && scan.word_after(end).is_none() => {
            return Vec::new();
        }
        // "the future of the talks" is a topic, not a time.
        "the future" if scan.word_after(end).as_deref() == Some("of") => return Vec::new(),
        _ => {}
    }
    whole(captures, Meaning::Reference(reference))
}

fn parse_duration(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    let (Some(amount_text), Some(unit)) = (
        group(captures, "amount"),
        group(captures, "unit").and_then(|text| scan.unit(text)),
    ) else {
        return Vec::new();
    };
    let Some(mut amount) = scan.amount(amount_text) else {
        return Vec::new();
    };
    let amount_key = key(amount_text);
    // "recent weeks" is a length of time as TimeBank mostly annotates it, and so is a range
    // ("two to three weeks", "the next 12 to 18 months"), one expression of no exact length.
    // "sentenced in 2023 to 15 years": a year before "to" says when, and is no range's low end.
    let year_before_to = group(captures, "low").is_some_and(|low| {
        let low = key(low);
        low.len() == 4 && low.chars().all(|c| c.is_ascii_digit())
    });
    if amount_key == "recent" || (group(captures, "low").is_some() && !year_before_to) {
        amount = Amount::Vague;
    }
    // In "a week-long strike" the article belongs to the noun; the unit adjective rule reads
    // "week-long" alone.
    if matches!(amount_key.as_str(), "a" | "an")
        && group(captures, "suffix").map(key).as_deref() == Some("long")
    {
        return Vec::new();
    }
    if group(captures, "half").is_some()
        && let Amount::Exact(count) = amount
    {
        amount = Amount::Exact(count + 0.5);
    }
    // Four-digit "amounts" are years ("the 1990 season"), which the year rule reads.
    if amount_key.len() == 4 && amount_key.chars().all(|c| c.is_ascii_digit()) {
        return Vec::new();
    }
    // Ages ("a 6-year-old", "52 years old") describe people, not times; TimeBank leaves them
    // untagged. "A second" before a noun is an ordinal ("a second term"), and "three-quarters
    // of" or "a quarter-century" a fraction.
    let end = captures.get(0).map_or(0, |m| m.end());
    if unit == Unit::Quarter
        && amount != Amount::Vague
        && (scan.word_after(end).as_deref() == Some("of")
            || scan.after(end).starts_with('-')
            || group(captures, "sep").is_some_and(|sep| sep.trim().len() == sep.len())
                && key(group(captures, "unit").unwrap_or_default()).ends_with('s'))
    {
        return Vec::new();
    }
    if scan.words().one.contains(&amount_key)
        && scan.unit(group(captures, "unit").unwrap_or_default()) == Some(Unit::Second)
        && scan.word_after(end).is_some()
    {
        return Vec::new();
    }
    if group(captures, "suffix").map(key).as_deref() == Some("old")
        || scan.word_after(end).as_deref() == Some("old")
    {
        return Vec::new();
    }
    let modifier = group(captures, "hedge")
        .and_then(|text| scan.words().hedges.get(&key(text)).copied())
        .or_else(|| group(captures, "orso").map(|_| TimeModifier::Approx));
    let mut pieces = whole(captures, Meaning::Duration { amount, unit });
    if year_before_to && let Some(amount_start) = span(captures, "amount").map(|range| range.start)
    {
        for piece in &mut pieces {
            piece.range.start = amount_start;
        }
    }
    // In "is expected to last several weeks", "last" is the verb.
    let start = captures.get(0).map_or(0, |m| m.start());
    let verb_last = group(captures, "span").map(key).as_deref() == Some("last")
        && group(captures, "det").is_none()
        && scan.word_before(start).is_some_and(|before| {
            matches!(
                before.as_str(),
                "to" | "will"
                    | "would"
                    | "could"
                    | "may"
                    | "might"
                    | "should"
                    | "can"
                    | "must"
                    | "did"
                    | "does"
                    | "didn't"
                    | "won't"
            )
        });
    if verb_last && let Some(amount_start) = span(captures, "amount").map(|range| range.start) {
        for piece in &mut pieces {
            piece.range.start = amount_start;
        }
    }
    // In "a two-year term" and "a five year low" the length is an adjective and the article
    // belongs to the noun after it; TimeBank leaves the article out.
    let hyphenated = group(captures, "sep").is_some_and(|sep| sep.trim().len() == sep.len());
    let singular = group(captures, "unit").is_some_and(|unit| !key(unit).ends_with('s'));
    let adjective = hyphenated || (singular && amount != Amount::Exact(1.0));
    if adjective
        && group(captures, "det").is_some()
        && group(captures, "span").is_none()
        && let Some(start) = span(captures, "amount").map(|range| range.start)
    {
        for piece in &mut pieces {
            piece.range.start = start;
        }
    }
    for piece in &mut pieces {
        piece.modifier = modifier;
    }
    pieces
}

/// "half an hour", and with a `fraction` group "a quarter of an hour" (0.25) or "three
/// quarters of an hour" (0.75).
fn parse_half_unit(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    let amount = match group(captures, "fraction").map(key).as_deref() {
        None => 0.5,
        Some(fraction) if fraction.starts_with("three") => 0.75,
        Some(_) => 0.25,
    };
    match group(captures, "unit").and_then(|text| scan.unit(text)) {
        Some(unit) => whole(
            captures,
            Meaning::Duration {
                amount: Amount::Exact(amount),
                unit,
            },
        ),
        None => Vec::new(),
    }
}

/// Words before a bare plural unit that make it a length of time ("for years").
const DURATION_BEFORE: &[&str] = &[
    "for", "in", "over", "within", "took", "lasted", "spent", "than",
];

fn parse_bare_units(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    let Some(unit) = group(captures, "unit").and_then(|text| scan.unit(text)) else {
        return Vec::new();
    };
    let start = captures.get(0).map_or(0, |m| m.start());
    let end = captures.get(0).map_or(0, |m| m.end());
    let before = scan.word_before(start).unwrap_or_default();
    // "in the weeks before the vote", "the years that followed": the article is outside, as
    // TimeML marks these.
    let bounded_by_event = before == "the"
        && matches!(
            scan.word_after(end).as_deref(),
            Some("before" | "after" | "that" | "following" | "since" | "leading")
        );
    // "days after the vote", "hours before the blast": an unstated number of units, counted
    // from an event; but not in "a matter of days before".
    let counted_from_event =
        before != "of" && matches!(scan.word_after(end).as_deref(), Some("after" | "before"));
    if !DURATION_BEFORE.contains(&before.as_str()) && !bounded_by_event && !counted_from_event {
        return Vec::new();
    }
    whole(
        captures,
        Meaning::Duration {
            amount: Amount::Vague,
            unit,
        },
    )
}

fn parse_unit_adjective(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    let (Some(unit_text), Some(suffix)) = (group(captures, "unit"), group(captures, "suffix"))
    else {
        return Vec::new();
    };
    let Some(unit) = scan.unit(unit_text) else {
        return Vec::new();
    };
    let start = captures.get(0).map_or(0, |m| m.start());
    // "two-year-old" and "a 10-day-long" carry their number, which the duration rule reads.
    if scan
        .char_before(start)
        .is_some_and(|c| c == '-' || c.is_ascii_digit())
    {
        return Vec::new();
    }
    let plural = key(unit_text).ends_with('s');
    // "year-old" is the end of an age; "decades-old" is not.
    if key(suffix) == "old" && !plural {
        return Vec::new();
    }
    let amount = if plural {
        Amount::Vague
    } else {
        Amount::Exact(1.0)
    };
    whole(captures, Meaning::Duration { amount, unit })
}

fn parse_ordinal_period(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    // "A day-long meeting" is a length, which the unit adjective rule reads, and "the sixth
    // month in a row" a count; TimeBank leaves the count untagged.
    let end = captures.get(0).map_or(0, |m| m.end());
    let after = scan.after(end);
    if after.starts_with(['-', '\u{2010}', '\u{2011}', '\u{2013}'])
        || after
            .trim_start()
            .as_bytes()
            .get(..8)
            .is_some_and(|next| next.eq_ignore_ascii_case(b"in a row"))
    {
        return Vec::new();
    }
    // "The second day of the strike" counts from an event the text does not date; the period
    // of the story's own time is the best stand-in for its value. "His first year in office",
    // "Ruiz's second year as mayor" count from the start of someone's tenure, which it does not
    // stand in for.
    let is_possessive = |word: &str| {
        let word = word.replace('\u{2019}', "'");
        matches!(
            word.as_str(),
            "his" | "her" | "their" | "His" | "Her" | "Their"
        ) || word.strip_suffix("'s").is_some_and(|owner| {
            owner.starts_with(char::is_uppercase)
                && !matches!(
                    owner,
                    "It" | "That" | "There" | "Here" | "What" | "Who" | "He" | "She"
                )
        })
    };
    let start = captures.get(0).map_or(0, |m| m.start());
    let before = scan.before(start).trim_end();
    let owner_at = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || matches!(c, '\'' | '\u{2019}'))
        .last()
        .map(|(idx, _)| idx);
    let with_article = captures.get(0).is_some_and(|m| {
        m.as_str()
            .get(..4)
            .is_some_and(|opening| opening.eq_ignore_ascii_case("the "))
    });
    let owned = !with_article && owner_at.is_some_and(|at| is_possessive(&before[at..]));
    let following = scan.after(end).trim_start();
    // "the third year of her presidency", "his second year of Ruiz's term"
    let of_an_office = following.strip_prefix("of ").is_some_and(|rest| {
        let mut words = rest.split_whitespace();
        words.next().is_some_and(is_possessive)
            && words.next().is_some_and(|word| {
                OFFICES.contains(&word.trim_end_matches(|c: char| !c.is_alphabetic()))
            })
    });
    let in_a_tenure = of_an_office
        || (owned && (following.starts_with("in office") || following.starts_with("as ")));
    match group(captures, "unit").and_then(|text| scan.unit(text)) {
        Some(unit) if in_a_tenure => whole(captures, Meaning::Unanchored(unit)),
        Some(unit) => whole(captures, Meaning::Narrative { unit, shift: 0 }),
        None => Vec::new(),
    }
}

fn parse_holiday(captures: &Captures<'_>, scan: &Scan<'_>) -> Vec<Piece> {
    let Some(holiday) =
        group(captures, "name").and_then(|text| scan.words().holidays.get(&key(text)).copied())
    else {
        return Vec::new();
    };
    let shift = group(captures, "shift").and_then(|text| shift_of(scan, text));
    // "celebrate Christmas", "a merry Christmas": the feast itself, not a day something
    // happens on ("was found Thanksgiving Day" is one).
    let start = captures.get(0).map_or(0, |m| m.start());
    let the_feast = shift.is_none()
        && scan
            .word_before(start)
            .is_some_and(|word| FEAST_WORDS.contains(&word.as_str()));
    if the_feast {
        return Vec::new();
    }
    whole(captures, Meaning::Holiday { holiday, shift })
}

/// Offices a tenure is counted in ([`parse_ordinal_period`]): "the third year of her presidency".
const OFFICES: &[&str] = &[
    "presidency",
    "term",
    "tenure",
    "premiership",
    "reign",
    "administration",
];

/// Words before a holiday's name that make it the feast rather than a day ([`parse_holiday`]).
const FEAST_WORDS: &[&str] = &[
    "celebrate",
    "celebrates",
    "celebrated",
    "celebrating",
    "observe",
    "observes",
    "observed",
    "observing",
    "merry",
    "happy",
];

impl Grammar {
    /// What `text` means when one candidate covers all of it ("Thursday", "Nov. 6").
    fn whole_meaning(&self, text: &str) -> Option<Meaning> {
        let text = text.trim_start_matches([',', ' ']);
        self.candidates(text)
            .into_iter()
            .filter(|candidate| candidate.range == (0..text.len()))
            .find_map(|candidate| match candidate.pieces.as_slice() {
                [piece] => Some(piece.meaning.clone()),
                _ => None,
            })
    }
}
