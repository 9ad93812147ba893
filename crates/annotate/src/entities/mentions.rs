//! Finding named mentions: capitalized runs of words, cut into names, titles and the
//! organisation or country a title belongs to, with what the words around them say of their kind.

use super::gazetteer::{Class, GAZETTEER};
use super::tokens::Token;
use std::collections::HashSet;

/// The longest name the rules build, in words. Names are rarely longer ("European Aeronautic
/// Defence and Space Company" is six); the cap keeps a run of capitalized words (a shouted
/// headline, hostile input) from becoming one mention that every later step has to walk.
const MAX_RUN: usize = 10;

/// Capitalized words that start sentences but are not names ("In", "The"): with the months and
/// weekdays ([`is_not_name`]) they never start a name.
const NOT_NAMES: &[&str] = &[
    "a",
    "about",
    "according",
    "additionally",
    "after",
    "afterward",
    "afterwards",
    "again",
    "against",
    "all",
    "already",
    "also",
    "although",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "besides",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "despite",
    "did",
    "do",
    "does",
    "during",
    "each",
    "earlier",
    "either",
    "even",
    "every",
    "few",
    "first",
    "following",
    "for",
    "former",
    "from",
    "further",
    "furthermore",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "including",
    "indeed",
    "instead",
    "into",
    "is",
    "it",
    "its",
    "last",
    "later",
    "like",
    "many",
    "meanwhile",
    "might",
    "more",
    "moreover",
    "most",
    "much",
    "must",
    "my",
    "neither",
    "nevertheless",
    "next",
    "no",
    "nonetheless",
    "nor",
    "not",
    "now",
    "of",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "otherwise",
    "our",
    "over",
    "perhaps",
    "plus",
    "several",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "three",
    "thus",
    "to",
    "today",
    "tomorrow",
    "tonight",
    "two",
    "ultimately",
    "under",
    "unlike",
    "until",
    "upon",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yesterday",
    "yet",
    "you",
    "your",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "ok",
    "no.",
    "yes",
    "oh",
    "well",
    "dear",
    "please",
    "thanks",
    "hello",
    "let",
    "let's",
    "it's",
    "i'm",
    "we're",
    "they're",
    "he's",
    "she's",
    "that's",
    "there's",
    "don't",
    "can't",
    "won't",
];

/// Lowercase particles inside personal names ("Ludwig van Beethoven", "Ana de Souza").
const PARTICLES: &[&str] = &[
    "van", "von", "de", "der", "den", "du", "da", "di", "del", "della", "la", "le", "bin", "ibn",
    "al", "el", "ben", "ter", "dos", "das", "y",
];

/// A company's legal form closing its name ("Velmar Inc."), as tokens lowercased.
const LEGAL_FORMS: &[&str] = &[
    "inc", "inc.", "corp", "corp.", "ltd", "ltd.", "co.", "llc", "plc", "gmbh",
];

/// Last words that make a name an organisation.
pub(crate) const ORG_SUFFIXES: &[&str] = &[
    "ministry",
    "department",
    "party",
    "council",
    "agency",
    "inc",
    "inc.",
    "corp",
    "corp.",
    "corporation",
    "co.",
    "company",
    "bank",
    "university",
    "federation",
    "union",
    "authority",
    "commission",
    "committee",
    "association",
    "institute",
    "group",
    "ltd",
    "ltd.",
    "plc",
    "llc",
    "gmbh",
    "ag",
    "nv",
    "n.v.",
    "s.a.",
    "foundation",
    "organization",
    "organisation",
    "office",
    "bureau",
    "board",
    "court",
    "parliament",
    "assembly",
    "congress",
    "senate",
    "army",
    "navy",
    "force",
    "forces",
    "police",
    "service",
    "services",
    "airlines",
    "airline",
    "airways",
    "motors",
    "systems",
    "industries",
    "holdings",
    "technologies",
    "laboratories",
    "securities",
    "exchange",
    "fund",
    "trust",
    "league",
    "network",
    "news",
    "times",
    "post",
    "journal",
    // Newspapers' and magazines' names end in these: "Press Herald", "Daily Gazette".
    "herald",
    "tribune",
    "gazette",
    "chronicle",
    "examiner",
    "inquirer",
    "courier",
    "sentinel",
    "dispatch",
    "bulletin",
    "telegraph",
    "globe",
    "magazine",
    "press",
    "television",
    "tv",
    "radio",
    "club",
    "school",
    "college",
    "academy",
    "hospital",
    "church",
    "coalition",
    "alliance",
    "front",
    "movement",
    "brigade",
    "brigades",
    "government",
    "administration",
    "cabinet",
    "reserve",
    "partners",
    "guard",
    "commission",
    "tribunal",
    "conference",
    "chamber",
    "society",
    "caucus",
    "research",
    "team",
    "consortium",
    "aerospace",
    "airbus",
    "electronics",
    "communications",
    "pharmaceuticals",
    "energy",
    "petroleum",
    "oil",
    "insurance",
    "capital",
    "bancorp",
    "aircraft",
    "airplanes",
    "aviation",
];

/// Last words that make a name a place.
pub(crate) const PLACE_SUFFIXES: &[&str] = &[
    "city",
    "county",
    "province",
    "river",
    "island",
    "islands",
    "mountains",
    "mountain",
    "valley",
    "bay",
    "sea",
    "ocean",
    "street",
    "avenue",
    "square",
    "airport",
    "region",
    "district",
    "strait",
    "gulf",
    "lake",
    "peninsula",
    "coast",
    "center",
    "centre",
    "park",
    "plaza",
    "bridge",
    "port",
    "harbour",
    "harbor",
    "village",
    "town",
];

/// First words that make a name an organisation ("Ministry of …", "University of …").
const ORG_PREFIXES: &[&str] = &[
    "center",
    "centre",
    "society",
    "foundation",
    "fund",
    "museum",
    "coalition",
    "alliance",
    "ministry",
    "department",
    "university",
    "bank",
    "office",
    "council",
    "court",
    "house",
    "church",
    "institute",
    "commission",
    "committee",
    "federation",
    "union",
    "league",
    "board",
    "bureau",
    "agency",
    "academy",
    "college",
    "school",
    "party",
    "association",
];

/// First words that make a "… of …" name a place ("Republic of …", "Gulf of …").
pub(crate) const PLACE_PREFIXES: &[&str] = &[
    "republic", "kingdom", "state", "states", "gulf", "bay", "sea", "isle", "island", "islands",
    "city", "province", "county", "strait", "lake", "cape", "mount", "port",
];

/// Ranks written before a role title that the gazetteer does not hold with it ("Deputy
/// Foreign Minister", "Acting Interior Minister").
const TITLE_RANKS: &[&str] = &["deputy", "vice", "acting", "assistant", "interim"];

/// Words after which a capitalized word is likely a place ("in Veskland").
const PLACE_PREPOSITIONS: &[&str] = &["in", "near", "across", "outside", "inside", "throughout"];

/// Verbs whose subject is likely a person ("Villmark said").
pub(crate) const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stated",
    "explained",
    "argued",
    "insisted",
    "warned",
    "claimed",
    "noted",
    "recalled",
    "wrote",
    "asked",
    "replied",
    "announced",
    "acknowledged",
    "admitted",
    "denied",
    "confirmed",
];

/// One gazetteer phrase found on token boundaries.
#[derive(Debug, Clone, Copy)]
pub(crate) struct GazMatch {
    /// Its last token.
    pub(crate) last: usize,
    /// Index into the gazetteer's entries.
    pub(crate) entry: usize,
}

/// The tokens of one text and the gazetteer phrases that start at each.
#[derive(Debug)]
pub(crate) struct Context<'a> {
    /// The text.
    pub(crate) text: &'a str,
    /// Its tokens.
    pub(crate) tokens: Vec<Token<'a>>,
    /// The longest usable gazetteer phrase starting at each token.
    pub(crate) gazetteer_at: Vec<Option<GazMatch>>,
}

impl Context<'_> {
    /// The text of tokens `first..=last`.
    pub(crate) fn span_text(&self, first: usize, last: usize) -> &str {
        match (self.tokens.get(first), self.tokens.get(last)) {
            (Some(first), Some(last)) => self
                .text
                .get(first.range.start..last.range.end)
                .unwrap_or_default(),
            _ => "",
        }
    }

    /// The lowercased words of tokens `first..=last`, separated by one space.
    pub(crate) fn span_key(&self, first: usize, last: usize) -> String {
        let words: Vec<&str> = self
            .tokens
            .get(first..=last)
            .unwrap_or_default()
            .iter()
            .map(|token| token.lower.as_ref())
            .collect();
        words.join(" ")
    }

    /// The gazetteer phrase starting at `idx` when it is of one of `classes`.
    pub(crate) fn gazetteer_match(&self, idx: usize, classes: &[Class]) -> Option<GazMatch> {
        let found = (*self.gazetteer_at.get(idx)?)?;
        let entry = GAZETTEER.entries.get(found.entry)?;
        classes.contains(&entry.class).then_some(found)
    }

    /// Whether the gazetteer phrase `found` is a role title written in the plural
    /// ("Presidents", "the leaders"): its last word has an "s" its entry lacks.
    pub(crate) fn is_plural_title(&self, found: GazMatch) -> bool {
        GAZETTEER.entries.get(found.entry).is_some_and(|entry| {
            entry.class == Class::Title
                && self
                    .tokens
                    .get(found.last)
                    .is_some_and(|token| token.lower.ends_with('s') && !entry.key.ends_with('s'))
        })
    }

    fn lower(&self, idx: usize) -> &str {
        self.tokens
            .get(idx)
            .map_or("", |token| token.lower.as_ref())
    }
}

/// Builds the context: tokens plus the gazetteer phrases that sit on token boundaries. Titles
/// and honorifics match in any case ("prime minister", "Prime Minister"); names must be
/// capitalized, so "turkey" and "chad" stay words.
pub(crate) fn context<'a>(text: &'a str, tokens: Vec<Token<'a>>) -> Context<'a> {
    // Tokens come in text order and do not overlap, so the word tokens' starts and ends are
    // both sorted: a binary search finds the token at a byte offset without hashing every one.
    let word_tokens: Vec<usize> = tokens
        .iter()
        .enumerate()
        .filter(|(_, token)| token.word)
        .map(|(idx, _)| idx)
        .collect();
    let token_at = |offset: usize, edge: fn(&Token<'_>) -> usize| {
        word_tokens
            .binary_search_by_key(&offset, |&idx| tokens.get(idx).map_or(0, edge))
            .ok()
            .and_then(|found| word_tokens.get(found).copied())
    };
    let mut gazetteer_at: Vec<Option<GazMatch>> = vec![None; tokens.len()];
    let word_starts = word_tokens
        .iter()
        .filter_map(|&idx| tokens.get(idx))
        .map(|token| (token.range.start, token.capitalized));
    for (start, end, entry_idx) in GAZETTEER.find_at(text, word_starts) {
        let (Some(first), Some(last)) = (
            token_at(start, |token| token.range.start),
            token_at(end, |token| token.range.end),
        ) else {
            continue;
        };
        let Some(entry) = GAZETTEER.entries.get(entry_idx) else {
            continue;
        };
        let any_case = entry.class.any_case();
        let words = tokens.get(first..=last).unwrap_or_default();
        let capitalized = words.iter().all(|token| {
            !token.word
                || token.capitalized
                || matches!(
                    token.lower.as_ref(),
                    "of" | "the" | "and" | "for" | "de" | "d'"
                )
        }) && words.first().is_some_and(|token| token.capitalized);
        if !any_case && !capitalized {
            continue;
        }
        // Possessive words end a phrase: "Russia's" is a match, "Russia's Federation" is not.
        if words
            .iter()
            .take(words.len().saturating_sub(1))
            .any(|token| token.possessive)
        {
            continue;
        }
        let Some(slot) = gazetteer_at.get_mut(first) else {
            continue;
        };
        let longer = slot.is_none_or(|old| last > old.last);
        if longer {
            *slot = Some(GazMatch {
                last,
                entry: entry_idx,
            });
        }
    }
    Context {
        text,
        tokens,
        gazetteer_at,
    }
}

/// What a named mention is linked to besides its entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Affiliation {
    /// A country the gazetteer knows, by code.
    Country(String),
    /// Another candidate (an organisation or a country the gazetteer does not know).
    Candidate(usize),
}

/// A named mention before grouping.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    /// First token of the name.
    pub(crate) first: usize,
    /// Last token of the name.
    pub(crate) last: usize,
    /// The gazetteer phrase that is exactly this name.
    pub(crate) entry: Option<usize>,
    /// A role title written before the name ("Prime Minister", "spokeswoman"), as a gazetteer
    /// entry.
    pub(crate) title: Option<usize>,
    /// Whether an honorific ("Ms", "Dr.") comes before the name.
    pub(crate) honorific: bool,
    /// The country or organisation the title belongs to ("Russian President X").
    pub(crate) affiliation: Option<Affiliation>,
    /// Whether this candidate is itself an affiliation of a title ("Veskland" in "Veskland's
    /// Prime Minister X"), and the role group of that title.
    pub(crate) affiliates: Option<String>,
    /// Whether it names the body of an office written before it ("House" in "Speaker of the
    /// House Ana Ruiz"), which makes it an organisation.
    pub(crate) office_body: bool,
    /// For an acronym in parentheses after a name, the candidate it abbreviates.
    pub(crate) expands: Option<usize>,
    /// Whether it is the first word of a sentence, where capitals say nothing.
    pub(crate) sentence_initial: bool,
    /// Whether it stands in a sentence written in headline case, where it was kept only for
    /// being written the same elsewhere ([`HeadlineCase`]).
    pub(crate) in_headline: bool,
}

impl Candidate {
    fn new(first: usize, last: usize) -> Candidate {
        Candidate {
            first,
            last,
            entry: None,
            title: None,
            honorific: false,
            affiliation: None,
            affiliates: None,
            office_body: false,
            expands: None,
            sentence_initial: false,
            in_headline: false,
        }
    }
}

/// Whether `word` (lowercase) never starts a name: [`NOT_NAMES`], months and weekdays.
fn is_not_name(word: &str) -> bool {
    NOT_NAMES.contains(&word)
        || parallax_model::MONTH_NAMES.contains(&word)
        || parallax_model::WEEKDAY_NAMES.contains(&word)
}

/// Whether the word can be part of a name: capitalized, or a particle-prefixed family name
/// ("al-Assad").
fn is_name_word(token: &Token<'_>) -> bool {
    if !token.word || token.currency {
        return false;
    }
    if token.capitalized {
        return !is_not_name(&token.lower) || token.all_caps;
    }
    ["al-", "el-", "bin-", "ad-", "as-", "ash-"]
        .iter()
        .any(|prefix| token.lower.starts_with(prefix) && token.lower.len() > prefix.len() + 1)
}

/// The longest run of capitalized words [`HeadlineCase`] remembers from ordinary sentences.
const MAX_KNOWN_WORDS: usize = 4;

/// Sentences written in headline case ("Obama Willing to Use Executive Orders on Guns", a
/// subhead left in the text), where capitals say nothing of what is a name, and the runs of
/// capitalized words the other sentences write, which say it.
struct HeadlineCase<'t> {
    /// Whether each sentence, by index, is in headline case.
    sentences: Vec<bool>,
    /// Runs of up to [`MAX_KNOWN_WORDS`] capitalized words outside headline case, as written.
    known: HashSet<&'t str>,
}

/// What [`HeadlineCase`] counts in a sentence.
#[derive(Debug, Clone, Default)]
struct SentenceShape {
    words: usize,
    /// Words of four letters or more, and how many of them are capitalized.
    long_words: usize,
    capitalized_long_words: usize,
    ends_in_period: bool,
}

impl SentenceShape {
    /// Four words or more, four in five of the long ones capitalized, no closing period.
    fn is_headline_case(&self) -> bool {
        self.words >= 4
            && self.long_words >= 3
            && self.capitalized_long_words * 5 >= self.long_words * 4
            && !self.ends_in_period
    }
}

impl<'t> HeadlineCase<'t> {
    /// `None` when no sentence is in headline case, or when most words are: a text shouted in
    /// capitals throughout has no ordinary sentences to learn its names from.
    fn new(ctx: &Context<'t>) -> Option<HeadlineCase<'t>> {
        let tokens = &ctx.tokens;
        let n_sentences = tokens.last().map_or(0, |token| token.sentence + 1);
        let mut shapes = vec![SentenceShape::default(); n_sentences];
        for token in tokens {
            let Some(shape) = shapes.get_mut(token.sentence) else {
                continue;
            };
            shape.ends_in_period = token.is_punct('.');
            if token.word {
                shape.words += 1;
                if token.lower.chars().count() >= 4 {
                    shape.long_words += 1;
                    shape.capitalized_long_words += usize::from(token.capitalized);
                }
            }
        }
        let sentences: Vec<bool> = shapes.iter().map(SentenceShape::is_headline_case).collect();
        let headline_words: usize = shapes
            .iter()
            .filter(|shape| shape.is_headline_case())
            .map(|shape| shape.words)
            .sum();
        let all_words: usize = shapes.iter().map(|shape| shape.words).sum();
        if headline_words == 0 || headline_words * 2 >= all_words {
            return None;
        }
        let mut known = HashSet::new();
        let ordinary_name_word = |idx: usize| {
            tokens.get(idx).is_some_and(|token| {
                is_name_word(token) && !sentences.get(token.sentence).copied().unwrap_or(true)
            })
        };
        for first in 0..tokens.len() {
            let mut last = first;
            while last < first + MAX_KNOWN_WORDS
                && ordinary_name_word(last)
                && tokens[last].sentence == tokens[first].sentence
            {
                if let Some(written) = ctx
                    .text
                    .get(tokens[first].range.start..tokens[last].range.end)
                {
                    known.insert(written);
                }
                last += 1;
            }
        }
        Some(HeadlineCase { sentences, known })
    }

    fn in_headline(&self, token: &Token<'_>) -> bool {
        self.sentences.get(token.sentence).copied().unwrap_or(false)
    }

    /// Cuts the run `first..=last` of a headline-case sentence into the names it holds: the
    /// longest pieces written the same outside headline case, places, countries and bodies
    /// the gazetteer knows, and words in capitals throughout ("NRA"). The other words are
    /// capitalized for the headline only.
    fn split_run(&self, ctx: &Context, first: usize, last: usize, candidates: &mut Vec<Candidate>) {
        let tokens = &ctx.tokens;
        let is_name = |start: usize, end: usize| {
            let written = tokens
                .get(start)
                .zip(tokens.get(end))
                .and_then(|(a, b)| ctx.text.get(a.range.start..b.range.end));
            let known = written.is_some_and(|written| self.known.contains(written));
            let gazetteer = ctx
                .gazetteer_match(
                    start,
                    &[
                        Class::Country,
                        Class::Place,
                        Class::Demonym,
                        Class::People,
                        Class::Org,
                        Class::Metonym,
                    ],
                )
                .is_some_and(|found| found.last == end);
            let capitals = start == end
                && tokens
                    .get(start)
                    .is_some_and(|token| token.all_caps && token.lower.chars().count() >= 2);
            known || gazetteer || capitals
        };
        let mut start = first;
        while start <= last {
            let longest = (start..=last.min(start + MAX_KNOWN_WORDS - 1))
                .rev()
                .find(|&end| is_name(start, end));
            match longest {
                Some(end) => {
                    let n_before = candidates.len();
                    split_run(ctx, start, end, candidates);
                    // Written the same in an ordinary sentence, it is a name wherever it
                    // stands in the headline.
                    for candidate in candidates.get_mut(n_before..).unwrap_or_default() {
                        candidate.sentence_initial = false;
                        candidate.in_headline = true;
                    }
                    start = end + 1;
                }
                None => start += 1,
            }
        }
    }
}

/// Finds the named mentions of the text, in text order.
pub(crate) fn find(ctx: &Context) -> Vec<Candidate> {
    let mut candidates: Vec<Candidate> = Vec::new();
    let tokens = &ctx.tokens;
    let headline_case = HeadlineCase::new(ctx);
    let mut idx = 0;
    // The title of a plural title's first name ("Presidents Ruiz and Holt"), for the name after
    // the "and", at that token.
    let mut shared_title: Option<(usize, usize)> = None;
    while idx < tokens.len() {
        let title = ctx.gazetteer_match(idx, &[Class::Title, Class::Honorific]);
        let starts_run = match title {
            // A lowercase title starts a run only when a name follows ("prime minister Edda
            // Villmark"); a capitalized one is a capitalized word like any other.
            Some(found) => {
                tokens.get(idx).is_some_and(|token| token.capitalized)
                    || tokens.get(found.last + 1).is_some_and(is_name_word)
            }
            None => tokens.get(idx).is_some_and(is_name_word),
        };
        if !starts_run || is_set_off_party_tag(ctx, idx) {
            idx += 1;
            continue;
        }
        let last = extend_run(ctx, idx);
        if let Some(headline_case) = &headline_case
            && tokens
                .get(idx)
                .is_some_and(|token| headline_case.in_headline(token))
        {
            headline_case.split_run(ctx, idx, last, &mut candidates);
            idx = last + 1;
            continue;
        }
        let n_before = candidates.len();
        split_run(ctx, idx, last, &mut candidates);
        if let Some((at, title_entry)) = shared_title.take()
            && at == idx
            && let Some(candidate) = candidates.get_mut(n_before..).and_then(<[_]>::first_mut)
            && candidate.title.is_none()
        {
            candidate.title = Some(title_entry);
        }
        let plural_title = title.filter(|&found| ctx.is_plural_title(found));
        if let Some(found) = plural_title
            && found.last < last
            && tokens
                .get(last + 1)
                .is_some_and(|token| token.lower == "and")
            && tokens.get(last + 2).is_some_and(is_name_word)
        {
            shared_title = Some((last + 2, found.entry));
        }
        idx = last + 1;
    }
    link_acronyms(ctx, &mut candidates);
    link_appositives(ctx, &mut candidates);
    distribute_plural_titles(ctx, &mut candidates);
    candidates
}

/// The country a gazetteer country or demonym at token `idx` names, with its last token.
fn country_at(ctx: &Context, idx: usize) -> Option<(String, usize)> {
    let found = ctx.gazetteer_match(idx, &[Class::Country, Class::Demonym])?;
    let code = GAZETTEER.entries.get(found.entry)?.country()?.to_string();
    Some((code, found.last))
}

/// Two countries joined by "and" from token `idx` ("Russia and the United States", "Russian
/// and US"): their codes and the last token.
fn country_pair_at(ctx: &Context, idx: usize) -> Option<(String, String, usize)> {
    let (first, first_last) = country_at(ctx, idx)?;
    if ctx.lower(first_last + 1) != "and" {
        return None;
    }
    let mut at = first_last + 2;
    if ctx.lower(at) == "the" {
        at += 1;
    }
    let (second, second_last) = country_at(ctx, at)?;
    Some((first, second, second_last))
}

/// Gives each of two coordinated names the plural title before them and, respectively, the
/// countries it names: "Presidents of Russia and the United States Ivan Morvin and Dana Holt",
/// "Veskland and Norland Prime Ministers Edda Villmark and Oskar Linde".
fn distribute_plural_titles(ctx: &Context, candidates: &mut [Candidate]) {
    for idx in 0..ctx.tokens.len() {
        let Some(title) = ctx.gazetteer_match(idx, &[Class::Title]) else {
            continue;
        };
        if !ctx.is_plural_title(title) {
            continue;
        }
        // The countries after the title ("Presidents of A and B") or before it ("A and B
        // Presidents").
        let (countries, names_at) = if ctx.lower(title.last + 1) == "of" {
            let mut at = title.last + 2;
            if ctx.lower(at) == "the" {
                at += 1;
            }
            match country_pair_at(ctx, at) {
                Some((first, second, last)) => ((first, second), last + 1),
                None => continue,
            }
        } else {
            let before = (idx.saturating_sub(6)..idx).find_map(|start| {
                country_pair_at(ctx, start).filter(|&(_, _, last)| last + 1 == idx)
            });
            match before {
                Some((first, second, _)) => ((first, second), title.last + 1),
                None => continue,
            }
        };
        let Some(first_name) = candidates.iter().position(|c| c.first == names_at) else {
            continue;
        };
        let second_name = candidates.get(first_name).and_then(|first| {
            (ctx.lower(first.last + 1) == "and")
                .then(|| candidates.iter().position(|c| c.first == first.last + 2))
                .flatten()
        });
        let Some(second_name) = second_name else {
            continue;
        };
        for (name, country) in [(first_name, countries.0), (second_name, countries.1)] {
            if let Some(candidate) = candidates.get_mut(name) {
                candidate.title = Some(title.entry);
                candidate.affiliation = Some(Affiliation::Country(country));
            }
        }
    }
}

/// Whether the token at `idx` is a politician's party tag as US outlets write it after the
/// name, set off by a comma or a parenthesis ("Ana Ruiz, D-N.Y.,", "(R-Ohio)"): a party and a
/// state, neither of them named there.
fn is_set_off_party_tag(ctx: &Context, idx: usize) -> bool {
    let set_off = idx
        .checked_sub(1)
        .is_some_and(|before| matches!(ctx.span_text(before, before), "," | "("));
    set_off && parallax_model::is_party_tag(ctx.span_text(idx, idx))
}

/// The last token of the run of name words starting at `first`.
fn extend_run(ctx: &Context, first: usize) -> usize {
    let tokens = &ctx.tokens;
    let mut last = first;
    // Whether "of", "for" or "on" after an organisation's head word joined the run: then "and"
    // may join the last part of its subject ("Department of Housing and Urban Development").
    let mut after_head_preposition = false;
    loop {
        if let Some(found) = ctx.gazetteer_at.get(last).copied().flatten() {
            last = last.max(found.last);
        }
        let Some(current) = tokens.get(last) else {
            return last;
        };
        if last + 1 - first >= MAX_RUN {
            return last;
        }
        let Some(next) = tokens.get(last + 1) else {
            return last;
        };
        // An office's or a group's possessive before a body's word is inside the body's name
        // ("the U.S. Attorney's Office", "Children's Hospital"); other possessives end it
        // ("Veskland's Prime Minister").
        if current.possessive
            && !(is_name_word(next)
                && ORG_SUFFIXES.contains(&next.lower.as_ref())
                && (ctx
                    .gazetteer_match(last, &[Class::Title])
                    .is_some_and(|title| title.last == last)
                    || matches!(
                        current.lower.as_ref(),
                        "attorney" | "children" | "women" | "men" | "people"
                    )))
        {
            return last;
        }
        if next.sentence != current.sentence {
            return last;
        }
        if is_name_word(next)
            || ctx
                .gazetteer_match(last + 1, &[Class::Title])
                .is_some_and(|_| next.capitalized)
        {
            last += 1;
            continue;
        }
        // A nickname in quotation marks between a given name and a family name: William "Mo"
        // Cowan.
        let nickname = |offset: usize| tokens.get(last + offset);
        let is_mark = |token: Option<&Token<'_>>| {
            token.is_some_and(|token| {
                ['"', '\u{201c}', '\u{201d}']
                    .iter()
                    .any(|&mark| token.is_punct(mark))
            })
        };
        if current.capitalized
            && is_mark(Some(next))
            && nickname(2).is_some_and(|token| token.word && token.capitalized)
            && is_mark(nickname(3))
            && nickname(4)
                .is_some_and(|token| is_name_word(token) && token.sentence == current.sentence)
        {
            last += 4;
            continue;
        }
        // Connectors inside names: particles before a family name, "of" and "for" after an
        // organisation's head word, "and" and "&" inside a company's name.
        let after = tokens.get(last + 2);
        let after_is_name = after.is_some_and(is_name_word);
        if next.word && PARTICLES.contains(&next.lower.as_ref()) {
            // "van der Berg": one to three particles, then the family name.
            let n_particles = (1..=3)
                .take_while(|offset| {
                    tokens.get(last + offset).is_some_and(|token| {
                        token.word && PARTICLES.contains(&token.lower.as_ref())
                    })
                })
                .count();
            if tokens.get(last + n_particles + 1).is_some_and(is_name_word) {
                last += n_particles + 1;
                continue;
            }
            return last;
        }
        let connects = match next.lower.as_ref() {
            "of" | "for" | "on" => {
                let head = ctx.lower(first);
                let is_head = if next.lower == "on" {
                    // "Committee on Foreign Relations", "Center on Budget …": a body's topic;
                    // "The Senate Committee on Tuesday approved …" is a time.
                    ON_HEADS.contains(&current.lower.as_ref())
                        && after.is_some_and(|token| !is_calendar_word(&token.lower))
                } else {
                    // After a body's "for the", its subject may go on with "of": "Association
                    // for the Advancement of Harbour Pilots".
                    ORG_PREFIXES.contains(&head)
                        || PLACE_PREFIXES.contains(&head)
                        || ORG_SUFFIXES.contains(&current.lower.as_ref())
                        || (after_head_preposition && next.lower == "of")
                };
                let joins = if is_head && after.is_some_and(|token| token.lower == "the") {
                    if tokens.get(last + 3).is_some_and(is_name_word) {
                        last += 1;
                        true
                    } else {
                        false
                    }
                } else {
                    is_head && after_is_name
                };
                after_head_preposition |= joins;
                joins
            }
            "&" => after_is_name,
            "and" => {
                after_is_name
                    && (org_name_ahead(ctx, last + 2)
                        || (after_head_preposition && subject_name_ahead(ctx, last + 2))
                        || office_of_subjects_ahead(ctx, last + 2))
            }
            _ => false,
        };
        if !connects {
            return last;
        }
        last += 2;
    }
}

/// Whether `word` (lowercase) ends like a noun of a subject or a field ("Development",
/// "Security", "Services", "Affairs"), or is one that no ending marks ("Budget", "Labor").
fn is_abstract_noun(word: &str) -> bool {
    let ending = [
        "ment", "ity", "ion", "ions", "ics", "ies", "ance", "ence", "ure", "ism", "ogy", "ices",
        "ness", "ship", "fairs",
    ]
    .iter()
    .any(|ending| word.ends_with(ending));
    (ending && word.chars().count() > 5) || FIELD_NOUNS.contains(&word)
}

/// Fields a ministry, office or agency is named after that no ending of [`is_abstract_noun`]
/// marks: "the Office of Management and Budget", "the Department of Health and Human Services",
/// "the Bureau of Alcohol, Tobacco, Firearms and Explosives".
const FIELD_NOUNS: &[&str] = &[
    "budget",
    "trade",
    "labor",
    "labour",
    "commerce",
    "energy",
    "defense",
    "defence",
    "health",
    "welfare",
    "justice",
    "finance",
    "housing",
    "transport",
    "treasury",
    "research",
    "industry",
    "planning",
    "sport",
    "sports",
    "forestry",
    "mines",
    "water",
    "customs",
    "revenue",
    "control",
    "safety",
    "response",
    "relief",
    "reform",
    "tobacco",
    "firearms",
    "explosives",
    "alcohol",
    "fisheries",
    "food",
    "drugs",
    "taxation",
    "veterans",
    "aging",
    "families",
    "youth",
    "women",
    "children",
    "land",
    "lands",
    "oceans",
    "wildlife",
    "parks",
    "space",
];

/// Whether the words from `idx` end a department's subjects and name its office and the
/// holder: "… and Urban Development Secretary Ana Ruiz", "… and Human Services Secretary …".
fn office_of_subjects_ahead(ctx: &Context, idx: usize) -> bool {
    (1..=3).any(|n_words| {
        let title_at = idx + n_words;
        (idx..title_at).all(|at| ctx.tokens.get(at).is_some_and(is_name_word))
            && is_abstract_noun(ctx.lower(title_at - 1))
            && ctx
                .tokens
                .get(title_at)
                .is_some_and(|token| token.capitalized)
            && ctx
                .gazetteer_match(title_at, &[Class::Title])
                .is_some_and(|title| ctx.tokens.get(title.last + 1).is_some_and(is_name_word))
    })
}

/// Whether `word` (lowercase) is a day or a month, which follows "on" as a time, not as a
/// body's topic.
fn is_calendar_word(word: &str) -> bool {
    parallax_model::WEEKDAY_NAMES.contains(&word)
        || parallax_model::MONTH_NAMES.contains(&word)
        || matches!(
            word,
            "jan." | "feb." | "aug." | "sept." | "sep." | "oct." | "nov." | "dec."
        )
}

/// Head words of bodies named with "on" and their topic: "Committee on Foreign Relations",
/// "Council on Foreign Relations", "Center on Budget and Policy Priorities", "Task Force on
/// Harbour Safety".
const ON_HEADS: &[&str] = &[
    "board",
    "center",
    "centre",
    "commission",
    "committee",
    "conference",
    "council",
    "force",
    "institute",
    "panel",
    "subcommittee",
    "summit",
    "forum",
];

/// Whether the capitalized words from `idx` (one to three) close a body's subject named after
/// "of", "for" or "on": they end the run, and the last is an abstract or plural noun
/// ("Urban Development", "Policy Priorities", "Human Services", "Technology"), not a person's
/// name ("… of Justice and Attorney General Ana Ruiz").
fn subject_name_ahead(ctx: &Context, idx: usize) -> bool {
    let run = (0..3)
        .take_while(|offset| ctx.tokens.get(idx + offset).is_some_and(is_name_word))
        .count();
    let ends_run = ctx
        .tokens
        .get(idx + run)
        .is_none_or(|token| !is_name_word(token));
    if run == 0 || !ends_run {
        return false;
    }
    is_abstract_noun(ctx.lower(idx + run - 1))
}

/// Whether the capitalized words from `idx` end in an organisation's last word within three
/// words ("… Defence and Space Company").
fn org_name_ahead(ctx: &Context, idx: usize) -> bool {
    for offset in 0..3 {
        let Some(token) = ctx.tokens.get(idx + offset) else {
            return false;
        };
        if !is_name_word(token) {
            return false;
        }
        if ORG_SUFFIXES.contains(&token.lower.as_ref()) {
            return true;
        }
    }
    false
}

/// Cuts a run into its parts: leading non-names, an affiliation before a title ("Russian",
/// "Apple Computer", "Veskland's"), the title or honorific, and the name.
fn split_run(ctx: &Context, first: usize, last: usize, candidates: &mut Vec<Candidate>) {
    let tokens = &ctx.tokens;
    let mut start = first;
    // "The" and its kind start many runs at a sentence start; "The Hague" is in the gazetteer.
    while start <= last
        && ctx.gazetteer_at.get(start).copied().flatten().is_none()
        && tokens
            .get(start)
            .is_some_and(|token| is_not_name(&token.lower) && !token.all_caps)
    {
        start += 1;
    }
    let mut segment_start = start;
    let mut title: Option<usize> = None;
    let mut honorific = false;
    let mut affiliation: Option<Affiliation> = None;
    // A run ending in a body's word is the body's name, whatever titles it holds ("the Velmar
    // Governors Association", "Chiefs of Police Union").
    let names_a_body = last > start
        && tokens
            .get(last)
            .is_some_and(|token| ORG_SUFFIXES.contains(&token.lower.as_ref()));
    let mut idx = if names_a_body { last + 1 } else { start };
    while idx <= last {
        let Some(found) = ctx.gazetteer_match(idx, &[Class::Title, Class::Honorific]) else {
            idx += 1;
            continue;
        };
        if found.last >= last {
            // A title with no name after it ("the Prime Minister") is a role, found later; so
            // is one with only its ranks before it ("Assistant Secretary").
            if (segment_start..idx).all(|at| TITLE_RANKS.contains(&ctx.lower(at))) {
                return;
            }
            break;
        }
        let is_honorific = GAZETTEER
            .entries
            .get(found.entry)
            .is_some_and(|entry| entry.class == Class::Honorific);
        // A rank before the title is the title's, not its owner's: "Norland Deputy Foreign
        // Minister X" is titled by Norland.
        let mut owner_end = idx;
        while owner_end > segment_start && TITLE_RANKS.contains(&ctx.lower(owner_end - 1)) {
            owner_end -= 1;
        }
        if segment_start < owner_end {
            // What comes before the title is whom the title belongs to.
            affiliation =
                affiliation_of(ctx, segment_start, owner_end - 1, found.entry, candidates);
        }
        if is_honorific {
            honorific = true;
        } else {
            title = Some(found.entry);
        }
        idx = found.last + 1;
        segment_start = idx;
    }
    // A model number makes a product name ("Airbus A380", "Boeing 787 Dreamliner"), and a
    // product is not an entity; its maker named inside it is not a mention either, as MEANTIME
    // annotates it (`parallax eval entities`: MEANTIME F1 0.713 → 0.720). Gazetteer names with digits ("G20") stay.
    let known = ctx
        .gazetteer_at
        .get(segment_start)
        .copied()
        .flatten()
        .is_some_and(|found| found.last >= last);
    let has_model_number = tokens
        .get(segment_start..=last)
        .unwrap_or_default()
        .iter()
        .any(|token| token.lower.chars().any(|c| c.is_ascii_digit()));
    if segment_start > last || (has_model_number && !known) {
        return;
    }
    // A country right before a given name and a surname is no part of the name: "the leaders of
    // France and the United States Ivan Morvin and Dana Holt" lists the countries, then the
    // people. "United States Navy" has no given name after the country and stays whole.
    if title.is_none()
        && !honorific
        && let Some(country) = ctx.gazetteer_match(segment_start, &[Class::Country])
        && country.last + 1 < last
        && ctx
            .gazetteer_match(country.last + 1, &[Class::Given])
            .is_some_and(|given| given.last == country.last + 1)
    {
        push_name(ctx, segment_start, country.last, candidates, |_| {});
        segment_start = country.last + 1;
    }
    // After "Speaker of the", "Minister of", the run opens with the body the office is of, and the
    // person holding it follows: "Speaker of the House Ana Ruiz", "Minister of Foreign Affairs
    // Ana Ruiz". The body is a name the gazetteer knows or, in a run of three or more words,
    // all but the person's last two (three when a given name opens them).
    if title.is_none()
        && !honorific
        && segment_start == first
        && let Some(office) = office_before(ctx, first)
        && let Some(body_last) = office_body_end(ctx, first, last)
    {
        let n_before = candidates.len();
        push_name(ctx, first, body_last, candidates, |candidate| {
            candidate.office_body = true;
        });
        if candidates.len() > n_before {
            affiliation = Some(Affiliation::Candidate(n_before));
        }
        title = Some(office);
        segment_start = body_last + 1;
    }
    // So is a party, or a state and a party, before a given name: "Democrat Ana Ruiz", "Ohio
    // Republican Ana Ruiz" describe the person, who is the entity.
    if title.is_none()
        && !honorific
        && let Some(party_at) = (segment_start..last.saturating_sub(1))
            .take(4)
            .find(|&idx| crate::PARTY_WORDS.contains(&ctx.span_text(idx, idx)))
        && ctx
            .gazetteer_match(party_at + 1, &[Class::Given])
            .is_some_and(|given| given.last == party_at + 1)
    {
        if party_at > segment_start {
            push_name(ctx, segment_start, party_at - 1, candidates, |_| {});
        }
        segment_start = party_at + 1;
    }
    // So is a company whose name ends in its legal form, or a body whose name ends in the word
    // that makes it one: "the chief executive of Velmar Inc. Ana Ruiz", "analyst with the
    // Velmar Institute Ana Ruiz" name the body, then the person.
    if title.is_none()
        && !honorific
        && let Some(form_at) = (segment_start + 1..last.saturating_sub(1)).find(|&idx| {
            tokens.get(idx).is_some_and(|token| {
                LEGAL_FORMS.contains(&token.lower.as_ref())
                    || ORG_SUFFIXES.contains(&token.lower.as_ref())
            })
        })
        && ctx
            .gazetteer_match(form_at + 1, &[Class::Given])
            .is_some_and(|given| given.last == form_at + 1)
    {
        push_name(ctx, segment_start, form_at, candidates, |_| {});
        segment_start = form_at + 1;
    }
    // A name right before the title is whom it belongs to: "Veskland's Prime Minister Edda
    // Villmark", "Brightwater Ferries spokeswoman Lena Moor".
    if title.is_some()
        && affiliation.is_none()
        && segment_start > first
        && let Some(previous) = candidates.last_mut()
        && previous.last + 1 == first
    {
        previous.affiliates = title.and_then(role_group);
        affiliation = Some(Affiliation::Candidate(candidates.len() - 1));
    }
    push_name(ctx, segment_start, last, candidates, |candidate| {
        candidate.title = title;
        candidate.honorific = honorific;
        candidate.affiliation = affiliation;
    });
}

/// The title entry of an office written right before the run at `first` with "of" or "for",
/// and maybe "the", between them ("Speaker of the", "Minister of", "Assistant Secretary for").
fn office_before(ctx: &Context, first: usize) -> Option<usize> {
    let mut of_at = first.checked_sub(1)?;
    if ctx.lower(of_at) == "the" {
        of_at = of_at.checked_sub(1)?;
    }
    if !matches!(ctx.lower(of_at), "of" | "for") {
        return None;
    }
    // "representatives of the Velmar Guild" are its members, not the holders of one office.
    let title_last = of_at.checked_sub(1)?;
    (title_last.saturating_sub(3)..=title_last).find_map(|start| {
        ctx.gazetteer_match(start, &[Class::Title])
            .filter(|found| found.last == title_last && !ctx.is_plural_title(*found))
            .map(|found| found.entry)
    })
}

/// Where the office's body ends in the run `first..=last` that follows an office, when a
/// person's name follows it: see [`split_run`]. The name is the run's last two capitalized words
/// (three when a given name opens them; one, a surname, after a body the gazetteer knows), and
/// names no body or place itself ("American Bar Association" is one body, "National
/// Organization for Marriage" another).
fn office_body_end(ctx: &Context, first: usize, last: usize) -> Option<usize> {
    // A run opening with a given name is a person's whole name: "a spokesman for Ana M. Ruiz"
    // speaks for her.
    if ctx
        .gazetteer_match(first, &[Class::Given])
        .is_some_and(|given| given.last == first)
    {
        return None;
    }
    let n_words = last + 1 - first;
    let person_words = match n_words {
        0 | 1 => return None,
        2 if ctx
            .gazetteer_match(first, &[Class::Org, Class::Place, Class::Country])
            .is_some_and(|known| known.last == first) =>
        {
            1
        }
        2 => return None,
        _ if n_words > 3
            && ctx
                .gazetteer_match(last - 2, &[Class::Given])
                .is_some_and(|given| given.last == last - 2) =>
        {
            3
        }
        _ => 2,
    };
    let body_last = last - person_words;
    // Nor does a name open with a middle initial: "… Robert | P. Ruiz" is one name.
    let opens_with_initial = ctx
        .tokens
        .get(body_last + 1)
        .is_some_and(|token| token.lower.len() == 2 && token.lower.ends_with('.'));
    (!opens_with_initial
        && is_person_name(ctx, body_last + 1, last)
        && ctx
            .tokens
            .get(body_last)
            .is_some_and(|token| token.capitalized))
    .then_some(body_last)
}

/// Whether `first..=last` can be a person's name on its own: capitalized words, none a word
/// that makes a body or a place ("Association", "County") nor a gazetteer name of one.
fn is_person_name(ctx: &Context, first: usize, last: usize) -> bool {
    let words_fit = ctx.tokens.get(first..=last).is_some_and(|tokens| {
        tokens.iter().all(|token| {
            token.word
                && token.capitalized
                && !ORG_SUFFIXES.contains(&token.lower.as_ref())
                && !PLACE_SUFFIXES.contains(&token.lower.as_ref())
                && !LEGAL_FORMS.contains(&token.lower.as_ref())
        })
    });
    words_fit
        && (first..=last).all(|idx| {
            ctx.gazetteer_match(
                idx,
                &[Class::Org, Class::Place, Class::Country, Class::Demonym],
            )
            .is_none()
        })
}

/// The role group of a title entry ("head", "minister").
pub(crate) fn role_group(entry_idx: usize) -> Option<String> {
    GAZETTEER
        .entries
        .get(entry_idx)
        .map(|entry| entry.code.clone())
}

/// Turns the words before a title into an affiliation: a demonym or country the gazetteer
/// knows becomes its code; anything else becomes a candidate of its own.
fn affiliation_of(
    ctx: &Context,
    first: usize,
    last: usize,
    title_entry: usize,
    candidates: &mut Vec<Candidate>,
) -> Option<Affiliation> {
    let n_before = candidates.len();
    push_name(ctx, first, last, candidates, |candidate| {
        candidate.affiliates = role_group(title_entry);
    });
    let code = ctx
        .gazetteer_match(first, &[Class::Demonym, Class::Country])
        .filter(|found| found.last == last)
        .and_then(|found| GAZETTEER.entries.get(found.entry))
        .and_then(|entry| entry.country());
    match code {
        Some(code) => Some(Affiliation::Country(code.to_string())),
        None if candidates.len() > n_before => Some(Affiliation::Candidate(n_before)),
        // Only a title or an honorific was there: nothing to point to.
        None => None,
    }
}

/// Adds the name `first..=last` unless it is only a title or an honorific.
fn push_name(
    ctx: &Context,
    first: usize,
    last: usize,
    candidates: &mut Vec<Candidate>,
    configure: impl FnOnce(&mut Candidate),
) {
    let mut candidate = Candidate::new(first, last);
    if let Some(found) = ctx.gazetteer_at.get(first).copied().flatten()
        && found.last == last
    {
        let class = GAZETTEER.entries.get(found.entry).map(|entry| entry.class);
        if matches!(class, Some(Class::Title | Class::Honorific)) {
            return;
        }
        candidate.entry = Some(found.entry);
    }
    candidate.sentence_initial = ctx
        .tokens
        .get(first)
        .is_some_and(|token| token.starts_sentence);
    configure(&mut candidate);
    candidates.push(candidate);
}

/// Links "Harbour Workers' Federation (HWF)": the acronym in parentheses abbreviates the name
/// before it.
fn link_acronyms(ctx: &Context, candidates: &mut [Candidate]) {
    for idx in 1..candidates.len() {
        let (before, after) = candidates.split_at_mut(idx);
        let (Some(name), Some(acronym)) = (before.last(), after.first_mut()) else {
            continue;
        };
        let is_acronym = acronym.first == acronym.last
            && ctx
                .tokens
                .get(acronym.first)
                .is_some_and(|token| token.all_caps);
        let in_parentheses = acronym.first == name.last + 2
            && ctx
                .tokens
                .get(name.last + 1)
                .is_some_and(|token| token.is_punct('('))
            && ctx
                .tokens
                .get(acronym.last + 1)
                .is_some_and(|token| token.is_punct(')'));
        if is_acronym && in_parentheses && name.last > name.first {
            acronym.expands = Some(idx - 1);
        }
    }
}

/// Reads titles given after a name: "Edda Villmark, the prime minister of Veskland" and
/// "Edda Villmark, Veskland's prime minister".
fn link_appositives(ctx: &Context, candidates: &mut [Candidate]) {
    let tokens = &ctx.tokens;
    let mut by_first_token = std::collections::HashMap::new();
    for (idx, candidate) in candidates.iter().enumerate() {
        by_first_token.insert(candidate.first, idx);
    }
    for idx in 0..candidates.len() {
        let Some(candidate) = candidates.get(idx) else {
            continue;
        };
        if candidate.title.is_some() {
            // "Prime Minister Dana Holt of Veskland".
            let of_at = candidate.last + 1;
            if candidate.affiliation.is_none()
                && tokens.get(of_at).is_some_and(|token| token.lower == "of")
                && let Some(&owner) = by_first_token.get(&(of_at + 1))
            {
                {
                    let group = candidate.title.and_then(role_group);
                    if let Some(owner) = candidates.get_mut(owner) {
                        owner.affiliates = group;
                    }
                    if let Some(candidate) = candidates.get_mut(idx) {
                        candidate.affiliation = Some(Affiliation::Candidate(owner));
                    }
                }
            }
            continue;
        }
        // "the Velmar Herald, the mayor …": an organisation's name has no title.
        let organisation = candidate.last > candidate.first
            && tokens
                .get(candidate.last)
                .is_some_and(|token| ORG_SUFFIXES.contains(&token.lower.as_ref()));
        let mut at = candidate.last + 1;
        if organisation || !tokens.get(at).is_some_and(|token| token.is_punct(',')) {
            continue;
        }
        at += 1;
        let mut affiliation = None;
        let mut affiliate_idx = None;
        if tokens
            .get(at)
            .is_some_and(|token| matches!(token.lower.as_ref(), "the" | "a"))
        {
            at += 1;
        } else if let Some(&owner) = by_first_token.get(&at) {
            // "X, Veskland's prime minister".
            let owner_last = candidates.get(owner).map_or(at, |owner| owner.last);
            if !tokens.get(owner_last).is_some_and(|token| token.possessive) {
                continue;
            }
            affiliation = Some(Affiliation::Candidate(owner));
            affiliate_idx = Some(owner);
            at = owner_last + 1;
        }
        if let Some(found) = ctx.gazetteer_match(at, &[Class::Demonym]) {
            affiliation = GAZETTEER
                .entries
                .get(found.entry)
                .and_then(|entry| entry.country())
                .map(|code| Affiliation::Country(code.to_string()));
            at = found.last + 1;
        }
        let Some(title) = ctx.gazetteer_match(at, &[Class::Title]) else {
            continue;
        };
        at = title.last + 1;
        // "In a letter sent to Ana Ruiz, the mayor apologized": a verb after the title makes it
        // the subject of the sentence, not a phrase about the name before the comma.
        if tokens.get(at).is_some_and(|token| {
            token.word
                && !token.capitalized
                && (token.lower.ends_with("ed")
                    || SPEECH_VERBS.contains(&token.lower.as_ref())
                    || crate::quotes::is_finite_auxiliary(&token.lower))
        }) {
            continue;
        }
        // "Another leading voice, Sen. Ana Ruiz,": a title before a name is that name's.
        if by_first_token.contains_key(&at) {
            continue;
        }
        if affiliation.is_none() && tokens.get(at).is_some_and(|token| token.lower == "of") {
            at += 1;
            if tokens.get(at).is_some_and(|token| token.lower == "the") {
                at += 1;
            }
            if let Some(found) = ctx.gazetteer_match(at, &[Class::Country]) {
                affiliation = GAZETTEER
                    .entries
                    .get(found.entry)
                    .and_then(|entry| entry.country())
                    .map(|code| Affiliation::Country(code.to_string()));
            }
            if let Some(&owner) = by_first_token.get(&at) {
                affiliate_idx = Some(owner);
                if affiliation.is_none() {
                    affiliation = Some(Affiliation::Candidate(owner));
                }
            }
        }
        let group = role_group(title.entry);
        if let Some(owner) = affiliate_idx.and_then(|owner| candidates.get_mut(owner)) {
            owner.affiliates = group;
        }
        if let Some(candidate) = candidates.get_mut(idx) {
            candidate.title = Some(title.entry);
            if candidate.affiliation.is_none() {
                candidate.affiliation = affiliation;
            }
        }
    }
}

/// Whether the word before `idx` puts a place after it ("in Veskland").
pub(crate) fn after_place_preposition(ctx: &Context, idx: usize) -> bool {
    idx > 0 && PLACE_PREPOSITIONS.contains(&ctx.lower(idx - 1))
}

/// Whether a speech verb follows token `idx` ("Villmark said").
pub(crate) fn before_speech_verb(ctx: &Context, idx: usize) -> bool {
    SPEECH_VERBS.contains(&ctx.lower(idx + 1))
}
