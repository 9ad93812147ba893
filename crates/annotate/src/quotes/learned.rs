//! The learned cue finder: two linear models over single-word and shape features, fitted on the
//! PolNeAR train split (`parallax eval quotes --fit`), that find the attribution cues the rules
//! miss among the words no rule has claimed, and tell on which side of each its content lies.
//!
//! The rules know a lexicon of reporting verbs; PolNeAR's attributions also hang on nouns
//! ("his claim"), adjectives ("is skeptical"), phrases and verbs outside any lexicon, thousands of
//! forms with a few examples each (issue #4). A weighted sum of general features (the word, its
//! suffix, its neighbors, a following "that", colon or quotation mark, a name or pronoun before
//! it, where it stands in its sentence) generalizes over them where a list cannot. The rules run
//! first and keep what they find; the model only reads the words they leave free.
//!
//! The weights file holds one weight per feature: a single word, a pair of neighboring words or
//! a shape, never longer text, so no article text can be read back from it.

use super::cues;
use super::speaker::{self, Speaker};
use super::tokens::{Doc, Kind};
use super::{Found, State};
use parallax_model::QuoteKind;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::{Arc, OnceLock};

/// The two linear models and the score a cue must pass.
#[derive(Clone)]
pub struct CueModel {
    /// Feature hash to its two weights: is this word a cue, and does the content of this cue
    /// follow it (rather than precede it)?
    weights: HashMap<u64, [f32; 2], BuildHasherDefault<PassThrough>>,
    /// The most the speaker features can add to a cue score, so a word far below the threshold
    /// is dropped before its speaker is looked for.
    subject_bound: f32,
    /// A word is a cue when its score is above this.
    threshold: f32,
}

/// A hasher for keys that are hashes already: it passes them through.
#[derive(Default)]
pub(super) struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 << 8) ^ u64::from(byte);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

impl std::fmt::Debug for CueModel {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("CueModel")
            .field("n_weights", &self.weights.len())
            .field("threshold", &self.threshold)
            .finish()
    }
}

/// The fitted weights, compiled in.
const FITTED: &str = include_str!("../../data/quote-cues.tsv");

/// Why a weights file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CueModelError {
    /// Line of the file, from 1.
    pub line: usize,
    /// What is wrong with it.
    pub reason: String,
}

impl std::fmt::Display for CueModelError {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            formatter,
            "quote cue weights, line {}: {}",
            self.line, self.reason
        )
    }
}

impl std::error::Error for CueModelError {}

impl CueModel {
    /// The weights fitted on PolNeAR train (`data/quote-cues.tsv`).
    pub fn fitted() -> Arc<CueModel> {
        static FITTED_MODEL: OnceLock<Arc<CueModel>> = OnceLock::new();
        FITTED_MODEL
            .get_or_init(|| {
                Arc::new(
                    CueModel::parse(FITTED)
                        .expect("the compiled-in weights file is checked by a test"),
                )
            })
            .clone()
    }

    /// Reads a weights file: a `threshold<TAB>number` line, then `cue<TAB>feature<TAB>weight`
    /// and `after<TAB>feature<TAB>weight` lines. Blank lines and lines starting with `#` are
    /// comments.
    ///
    /// # Errors
    ///
    /// When a line is none of these, a number does not parse, or the threshold is missing.
    pub fn parse(text: &str) -> Result<CueModel, CueModelError> {
        let mut weights: HashMap<u64, [f32; 2], BuildHasherDefault<PassThrough>> =
            HashMap::default();
        let mut subject_bounds = [0.0f32; 2];
        let mut threshold = None;
        for (line, fields) in weight_lines(text) {
            let error = |reason: String| CueModelError { line, reason };
            let number = |text: &str| weight_number(text).map_err(error);
            match fields.as_slice() {
                ["threshold", value] => threshold = Some(number(value)?),
                ["cue", feature, weight] => {
                    let weight = number(weight)?;
                    weights.entry(hash(feature)).or_default()[0] = weight;
                    if let Some(value) = feature.strip_prefix("subject=") {
                        let bound = &mut subject_bounds[usize::from(value.contains('|'))];
                        *bound = bound.max(weight);
                    }
                }
                ["after", feature, weight] => {
                    weights.entry(hash(feature)).or_default()[1] = number(weight)?;
                }
                _ => {
                    return Err(error(
                        "not a threshold, cue or after line, tab-separated".into(),
                    ));
                }
            }
        }
        let threshold = threshold.ok_or_else(|| CueModelError {
            line: text.lines().count(),
            reason: "no threshold line".into(),
        })?;
        Ok(CueModel {
            weights,
            subject_bound: subject_bounds[0] + subject_bounds[1],
            threshold,
        })
    }

    /// The score a word must pass to be a cue.
    pub fn threshold(&self) -> f32 {
        self.threshold
    }

    /// The same weights with another threshold, for tuning it.
    pub fn with_threshold(&self, threshold: f32) -> CueModel {
        CueModel {
            threshold,
            ..self.clone()
        }
    }
}

/// The lines of a weights file that are not blank or `#` comments, with their line numbers
/// (from 1) and their tab-separated fields.
pub(super) fn weight_lines(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|(idx, line)| (idx + 1, line.split('\t').collect()))
}

/// A number of a weights file, or why it is none.
pub(super) fn weight_number(text: &str) -> Result<f32, String> {
    text.trim()
        .parse::<f32>()
        .map_err(|_| format!("{text:?} is no number"))
}

/// The hash of one piece of a feature's text (its template, or a value), eight bytes at a time,
/// little-endian, the last word padded with zeros. A `const fn`, so the templates' and the
/// fixed values' hashes are worked out when compiling.
pub(super) const fn piece_hash(piece: &str) -> u64 {
    let bytes = piece.as_bytes();
    let mut hash = 0x9e37_79b9_7f4a_7c15u64 ^ bytes.len() as u64;
    let mut at = 0;
    while at < bytes.len() {
        let mut word = 0u64;
        let mut shift = 0;
        while shift < 8 && at + shift < bytes.len() {
            word |= (bytes[at + shift] as u64) << (8 * shift);
            shift += 1;
        }
        hash = (hash ^ word)
            .wrapping_mul(0xff51_afd7_ed55_8ccd)
            .rotate_left(29);
        at += 8;
    }
    hash
}

/// The hash of a feature from those of its pieces (`second` 0 when it has one value): a
/// feature written out as text and one scored while annotating meet here, without a string
/// being built per word.
pub(super) fn feature_hash(template: u64, first: u64, second: u64) -> u64 {
    let mut hash = (template ^ first.rotate_left(17)).wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    hash = (hash ^ second.rotate_left(41)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    hash ^ (hash >> 32)
}

/// The hash of a feature written out as `template=first` or `template=first|second`.
pub(super) fn hash(feature: &str) -> u64 {
    let (template, values) = feature.split_once('=').unwrap_or((feature, ""));
    let (first, second) = values.split_once('|').unwrap_or((values, ""));
    let second = if second.is_empty() {
        0
    } else {
        piece_hash(second)
    };
    feature_hash(piece_hash(template), piece_hash(first), second)
}

/// A piece of a feature's text with its hash: a word's value is hashed once and used in each
/// feature it takes part in.
#[derive(Clone, Copy)]
pub(super) struct Piece<'a> {
    pub(super) text: &'a str,
    pub(super) hash: u64,
}

impl<'a> Piece<'a> {
    pub(super) const fn new(text: &'a str) -> Piece<'a> {
        Piece {
            text,
            hash: piece_hash(text),
        }
    }
}

/// A `Piece` made when compiling.
macro_rules! piece {
    ($text:expr) => {{
        const PIECE: $crate::quotes::learned::Piece<'static> =
            $crate::quotes::learned::Piece::new($text);
        PIECE
    }};
}
pub(super) use piece;

/// Receives each feature of a word as a template and one or two values (`second` `None` when
/// there is one); the feature's text is `template=first` or `template=first|second`. Values
/// never hold `|`: words cannot, and other tokens stand for their class.
pub(super) trait Sink {
    fn feature(&mut self, template: Piece<'_>, first: Piece<'_>, second: Option<Piece<'_>>);
}

/// Sums the weights of the features it receives, under both models.
struct Scorer<'a> {
    model: &'a CueModel,
    cue: f32,
    after: f32,
}

impl Sink for Scorer<'_> {
    fn feature(&mut self, template: Piece<'_>, first: Piece<'_>, second: Option<Piece<'_>>) {
        let second = second.filter(|piece| !piece.text.is_empty());
        let key = feature_hash(
            template.hash,
            first.hash,
            second.map_or(0, |piece| piece.hash),
        );
        if let Some([cue, after]) = self.model.weights.get(&key) {
            self.cue += cue;
            self.after += after;
        }
    }
}

/// Collects the features as text, for fitting.
pub(super) struct Collector(pub(super) Vec<String>);

impl Sink for Collector {
    fn feature(&mut self, template: Piece<'_>, first: Piece<'_>, second: Option<Piece<'_>>) {
        self.0
            .push(match second.filter(|piece| !piece.text.is_empty()) {
                None => format!("{}={}", template.text, first.text),
                Some(second) => format!("{}={}|{}", template.text, first.text, second.text),
            });
    }
}

/// A coarse class of the token at `idx`, or the edge of its sentence.
fn class(doc: &Doc, idx: Option<usize>, sentence: &Range<usize>) -> Piece<'static> {
    let Some(idx) = idx.filter(|idx| sentence.contains(idx)) else {
        return piece!("edge");
    };
    let token = doc.token(idx);
    match token.kind {
        Kind::Quote(_) => piece!("quote"),
        Kind::Punct => match token.lower.as_ref() {
            "," => piece!("comma"),
            ":" => piece!("colon"),
            ";" => piece!("semicolon"),
            "(" | ")" => piece!("paren"),
            "-" | "—" | "–" => piece!("dash"),
            _ if token.is_terminal() => piece!("stop"),
            _ => piece!("punct"),
        },
        Kind::Word if speaker::pronoun_class(&token.lower).is_some() => piece!("pronoun"),
        Kind::Word if token.lower.starts_with(|c: char| c.is_numeric()) => piece!("number"),
        Kind::Word if token.capitalized && idx > sentence.start => piece!("name"),
        Kind::Word if token.capitalized => piece!("initial"),
        Kind::Word => piece!("word"),
    }
}

/// The token at `idx` as a feature value: a word's lowercase stem, the class of any other
/// token, or the edge of its sentence.
pub(super) fn word<'a>(doc: &'a Doc, idx: Option<usize>, sentence: &Range<usize>) -> Piece<'a> {
    match idx.filter(|idx| sentence.contains(idx)) {
        Some(idx) if doc.token(idx).is_word() => Piece::new(doc.token(idx).stem()),
        other => class(doc, other, sentence),
    }
}

/// A distance in a few bins, so that near positions are told apart and far ones pooled.
pub(super) fn bin(distance: usize) -> Piece<'static> {
    match distance {
        0 => piece!("0"),
        1 => piece!("1"),
        2 => piece!("2"),
        3..=5 => piece!("3-5"),
        6..=10 => piece!("6-10"),
        _ => piece!("far"),
    }
}

/// The last `n` characters of `word`.
fn suffix(word: &str, n: usize) -> &str {
    let start = word
        .char_indices()
        .rev()
        .nth(n - 1)
        .map_or(0, |(idx, _)| idx);
    &word[start..]
}

/// What the features of a word read of its whole sentence, worked out once per sentence.
struct SentenceContext {
    /// Whether a quote found holds a token of the sentence.
    claimed: bool,
    /// Whether a token of the sentence stands between quotation marks.
    quoted: bool,
}

impl SentenceContext {
    fn new(state: &State, sentence: &Range<usize>) -> SentenceContext {
        SentenceContext {
            claimed: state.used[sentence.clone()].contains(&true),
            quoted: state.quoted[sentence.clone()].contains(&true),
        }
    }
}

/// The features of the word at `idx` in `sentence` but those of its speaker.
fn features(
    doc: &Doc,
    context: &SentenceContext,
    idx: usize,
    sentence: &Range<usize>,
    sink: &mut dyn Sink,
) {
    let at = |offset: isize| idx.checked_add_signed(offset);
    let token = doc.token(idx);
    let stem = Piece::new(token.stem());
    sink.feature(piece!("bias"), piece!("1"), None);
    let shape = if stem.text.starts_with(|c: char| c.is_numeric()) {
        piece!("digit")
    } else if !token.capitalized {
        piece!("lower")
    } else if idx == sentence.start {
        piece!("initial")
    } else if token.lower.chars().count() > 1
        && doc.text[token.range.clone()]
            .chars()
            .all(|c| !c.is_lowercase())
    {
        piece!("upper")
    } else {
        piece!("capital")
    };
    sink.feature(piece!("shape"), shape, None);
    let previous = word(doc, at(-1), sentence);
    let next = word(doc, at(1), sentence);
    sink.feature(piece!("p1"), previous, None);
    sink.feature(piece!("n1"), next, None);
    sink.feature(piece!("pw"), previous, Some(stem));
    sink.feature(piece!("wn"), stem, Some(next));
    let previous_class = class(doc, at(-1), sentence);
    let next_class = class(doc, at(1), sentence);
    sink.feature(piece!("pc"), previous_class, None);
    sink.feature(piece!("nc"), next_class, None);
    sink.feature(
        piece!("pc2"),
        class(doc, at(-2), sentence),
        Some(previous_class),
    );
    sink.feature(piece!("nc2"), next_class, Some(class(doc, at(2), sentence)));
    let suffix3 = Piece::new(suffix(stem.text, 3));
    sink.feature(piece!("s3nc"), suffix3, Some(next_class));
    sink.feature(piece!("pcs3"), previous_class, Some(suffix3));
    // What follows within a few words: a that-clause, a colon or a quotation.
    let ahead = idx + 1..(idx + 4).min(sentence.end);
    if ahead.clone().any(|at| doc.lower(at) == "that") {
        sink.feature(piece!("that"), piece!("1"), None);
    }
    if ahead.clone().any(|at| doc.token(at).is_punct(':')) {
        sink.feature(piece!("colon"), piece!("1"), None);
    }
    if ahead.clone().any(|at| doc.token(at).is_quote()) {
        sink.feature(piece!("quote"), piece!("1"), None);
    }
    if let Some(entry) = cues::verb_at(doc, idx) {
        sink.feature(piece!("lexicon"), Piece::new(entry.base()), None);
        sink.feature(piece!("lexicon"), piece!("any"), None);
    }
    sink.feature(piece!("start"), bin(idx - sentence.start), None);
    sink.feature(piece!("end"), bin(sentence.end - 1 - idx), None);
    let flag = |set: bool| if set { piece!("1") } else { piece!("0") };
    sink.feature(piece!("claimed"), flag(context.claimed), None);
    sink.feature(piece!("quoted"), flag(context.quoted), None);
}

/// The features of the speaker phrase right before the word at `idx`, as the rules read one
/// ("the senator's aides insist", "Ruiz, a skeptic,"), not reaching before `bottom`.
fn subject_features(doc: &Doc, idx: usize, bottom: usize, sink: &mut dyn Sink) {
    let subject = (idx > bottom)
        .then(|| speaker::before(doc, idx - 1, bottom))
        .flatten();
    let subject_kind = match subject.as_ref().map(|subject| subject.kind) {
        Some(speaker::Kind::Name) => piece!("name"),
        Some(speaker::Kind::Role) => piece!("role"),
        Some(speaker::Kind::Pronoun) => piece!("pronoun"),
        None => piece!("none"),
    };
    sink.feature(piece!("subject"), subject_kind, None);
    sink.feature(
        piece!("subject"),
        subject_kind,
        Some(Piece::new(suffix(doc.token(idx).stem(), 2))),
    );
}

/// A word no rule has claimed, with its features, for fitting the model.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// The word's byte range in the article text.
    pub range: Range<usize>,
    /// Its features, as text.
    pub features: Vec<String>,
}

/// Whether the model may read the token at `idx`: a word outside every quote found and every
/// quotation.
fn free(doc: &Doc, state: &State, idx: usize) -> bool {
    state.is_free(idx) && doc.token(idx).is_word()
}

/// The words the rules leave free in `doc`, with their features.
pub(crate) fn candidates(doc: &Doc, state: &State) -> Vec<Candidate> {
    let mut found = Vec::new();
    for sentence in &doc.sentence_tokens {
        let context = SentenceContext::new(state, sentence);
        let mut bottom = sentence.start;
        for idx in sentence.clone() {
            if state.used[idx] {
                bottom = idx + 1;
            }
            if free(doc, state, idx) {
                let mut collector = Collector(Vec::new());
                features(doc, &context, idx, sentence, &mut collector);
                subject_features(doc, idx, bottom, &mut collector);
                found.push(Candidate {
                    range: doc.token(idx).range.clone(),
                    features: collector.0,
                });
            }
        }
    }
    found
}

/// Adds a quote for every free word the model takes for a cue, with its content on the side
/// the model chooses (or the other, when that side is empty) and the speaker next to it.
pub(crate) fn find(doc: &Doc, state: &mut State, model: &CueModel) {
    for sentence in doc.sentence_tokens.clone() {
        let mut context = SentenceContext::new(state, &sentence);
        let mut bottom = sentence.start;
        for idx in sentence.clone() {
            if state.used[idx] {
                bottom = idx + 1;
            }
            if !free(doc, state, idx) {
                continue;
            }
            let mut scorer = Scorer {
                model,
                cue: 0.0,
                after: 0.0,
            };
            features(doc, &context, idx, &sentence, &mut scorer);
            // Reading the speaker costs more than all the other features together; most words
            // are too far below the threshold for it to matter.
            if scorer.cue + model.subject_bound <= model.threshold {
                continue;
            }
            subject_features(doc, idx, bottom, &mut scorer);
            if scorer.cue <= model.threshold {
                continue;
            }
            let found = if scorer.after > 0.0 {
                content_after(doc, state, idx, &sentence)
                    .or_else(|| content_before(doc, state, idx, &sentence))
            } else {
                content_before(doc, state, idx, &sentence)
                    .or_else(|| content_after(doc, state, idx, &sentence))
            };
            if let Some(found) = found {
                let cue_score = Some(scorer.cue);
                state.push(doc, Found { cue_score, ..found });
                context = SentenceContext::new(state, &sentence);
                bottom = floor(state, idx + 1, &sentence);
            }
        }
    }
}

/// The first token of `sentence` after the last claimed one before `idx`.
fn floor(state: &State, idx: usize, sentence: &Range<usize>) -> usize {
    (sentence.start..idx)
        .rev()
        .find(|&at| state.used[at])
        .map_or(sentence.start, |at| at + 1)
}

/// Whether the tokens `first..=last` hold a word.
fn has_word(doc: &Doc, first: usize, last: usize) -> bool {
    (first..=last).any(|at| doc.token(at).is_word())
}

/// The last token of a content ending before `end`, past trailing punctuation, not before
/// `first`.
fn trim_end(doc: &Doc, first: usize, end: usize) -> Option<usize> {
    (first..end).rev().find(|&at| {
        let token = doc.token(at);
        token.is_word() || token.is_quote() || token.is_punct(')') || token.is_punct('%')
    })
}

/// Prepositions that belong to the cue they follow ("worried about", "a critic of", "pushing
/// for"), as PolNeAR marks them: its contents start with one of these far less often than its
/// cues end with it.
const CUE_PREPOSITIONS: &[&str] = &[
    "about", "against", "at", "for", "from", "of", "on", "over", "with",
];

/// The content after the cue at `cue`: up to the end of the sentence or the next claimed token.
/// Auxiliaries and adverbs right before the cue ("has repeatedly"), and a preposition right
/// after it when words follow, join the cue; the speaker stands before them.
fn content_after(doc: &Doc, state: &State, cue: usize, sentence: &Range<usize>) -> Option<Found> {
    let end = (cue + 1..sentence.end)
        .find(|&at| state.used[at])
        .unwrap_or(sentence.end);
    let cue_last = if CUE_PREPOSITIONS.contains(&doc.lower(cue + 1))
        && (cue + 2..end).any(|at| doc.token(at).is_word())
    {
        cue + 1
    } else {
        cue
    };
    let start = cue_last + 1;
    let last = trim_end(doc, start, end)?;
    // "Everything Ruiz says | is a lie": a finite verb right after the cue makes the cue's
    // phrase a subject, and what follows no content.
    if !has_word(doc, start, last) || matches!(doc.lower(start), "is" | "was" | "are" | "were") {
        return None;
    }
    let bottom = floor(state, cue, sentence);
    let cue_first = cue_start(doc, cue, bottom);
    let speaker = (cue_first > bottom)
        .then(|| speaker::before(doc, cue_first - 1, bottom))
        .flatten();
    Some(found(doc, (start, last), (cue_first, cue_last), speaker))
}

/// The first token of the learned cue at `cue`, not before `bottom`: the auxiliaries and
/// adverbs before it, and where the model took an article for the cue, the verb the article's
/// noun phrase makes a stance of ("made | the case for …", "will make | the announcement"), with
/// its particle ("set out | a goal"), so that the speaker is read before the verb, not through
/// it ("She'll make").
fn cue_start(doc: &Doc, cue: usize, bottom: usize) -> usize {
    const PARTICLES: &[&str] = &["out", "up", "down", "off", "forth"];
    // A word that can be a verb: not a preposition ("in | the hope of") or a conjunction.
    let lowercase_word = |at: usize| {
        at > bottom && {
            let token = doc.token(at - 1);
            let word = doc.lower(at - 1);
            token.is_word()
                && !token.capitalized
                && !speaker::is_preposition(word)
                && !matches!(word, "and" | "or" | "but" | "nor" | "that" | "than" | "as")
        }
    };
    let mut head = cue;
    if matches!(doc.lower(cue), "the" | "a" | "an") && lowercase_word(cue) {
        head = cue - 1;
        if PARTICLES.contains(&doc.lower(head)) && lowercase_word(head) {
            head -= 1;
        }
    }
    cues::extent(doc, head, bottom).0
}

/// Moves the verb a learned cue stands for from the start of its content into the cue, where
/// the model took an auxiliary or an adverb for the cue ("has also | commented on the strike"
/// → "has also commented on | the strike"). Done after the quote filter, which was fitted on
/// the quotes as the model finds them, so the quotes kept are the same.
pub(crate) fn move_verbs_into_cues(doc: &Doc, found: &mut [Found]) {
    for quote in found
        .iter_mut()
        .filter(|quote| quote.construction == "learned-after")
    {
        let (Some((cue_first, cue_last)), Some(content)) = (quote.cue, quote.pieces.first()) else {
            continue;
        };
        let Some((content_first, content_last)) = doc.tokens_within(content) else {
            continue;
        };
        let Some(verb) = verb_after_auxiliary(doc, cue_last, content_last + 1) else {
            continue;
        };
        if verb < content_first {
            continue;
        }
        let new_cue_last = if CUE_PREPOSITIONS.contains(&doc.lower(verb + 1))
            && (verb + 2..=content_last).any(|at| doc.token(at).is_word())
        {
            verb + 1
        } else {
            verb
        };
        let start = new_cue_last + 1;
        if start > content_last || !has_word(doc, start, content_last) {
            continue;
        }
        quote.cue = Some((cue_first, new_cue_last));
        quote.pieces[0] = doc.span(start, content_last);
    }
}

/// Words that say nothing of speech, thought or stance alone: a learned cue made of them only
/// that found no verb to take ([`move_verbs_into_cues`]) marks no attribution ("X was | named
/// director", "pay | back the loan", "X has to | justify …": an obligation, not a stance; "X
/// had the | support of …").
const FUNCTION_WORD_CUES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "back", "to", "the",
    "a", "an",
];

/// Drops the learned quotes whose cue is function words only.
pub(crate) fn drop_function_word_cues(doc: &Doc, found: &mut Vec<Found>) {
    found.retain(|quote| {
        let Some((cue_first, cue_last)) = quote.cue else {
            return true;
        };
        // "To" alone is a cue of PolNeAR's ("To Ruiz, the strike is …"), and so is an article
        // alone where a noun phrase makes the verb a stance ("made the | case for Ruiz"); after
        // an auxiliary or a particle it is none ("X had the | support of …").
        let words = || (cue_first..=cue_last).map(|at| doc.lower(at));
        !(quote.construction.starts_with("learned")
            && words().all(|word| FUNCTION_WORD_CUES.contains(&word))
            && !words().all(|word| matches!(word, "the" | "a" | "an"))
            && doc.lower(cue_first) != "to")
    });
}

/// The verb a cue the model found on an auxiliary or an adverb stands for: the word after it,
/// past adverbs, when it makes a perfect ("has | asked the campaign to …", "has also |
/// commented on …"), a progressive ("is | telling customers that …") or, with no auxiliary, is
/// a reporting verb ("also | argued that …"); not reaching `end`. A passive ("was named
/// director") is none: its subject is no speaker, and [`drop_function_word_cues`] drops it.
fn verb_after_auxiliary(doc: &Doc, cue: usize, end: usize) -> Option<usize> {
    const PERFECT: &[&str] = &["has", "have", "had"];
    const PROGRESSIVE: &[&str] = &["is", "are", "was", "were"];
    if !(PROGRESSIVE.contains(&doc.lower(cue)) || cues::cue_prefix(doc, cue)) {
        return None;
    }
    // The auxiliary the cue word is or follows, back over the adverbs between them.
    let mut auxiliary = cue;
    while !PROGRESSIVE.contains(&doc.lower(auxiliary))
        && !PERFECT.contains(&doc.lower(auxiliary))
        && auxiliary > 0
        && cue - auxiliary < 4
        && cues::cue_prefix(doc, auxiliary - 1)
    {
        auxiliary -= 1;
    }
    let mut at = cue + 1;
    while at < end && at - cue <= 4 && cues::cue_prefix(doc, at) {
        at += 1;
    }
    let token = doc.tokens.get(at).filter(|_| at < end)?;
    let word = token.lower.as_ref();
    let long = word.chars().count() > 4;
    let reporting = cues::reporting_verb(word).is_some();
    let verb_form = if PERFECT.contains(&doc.lower(auxiliary)) {
        reporting || (long && word.ends_with("ed"))
    } else if PROGRESSIVE.contains(&doc.lower(auxiliary)) {
        long && word.ends_with("ing")
    } else {
        reporting
    };
    (token.is_word() && !token.capitalized && verb_form).then_some(at)
}

/// The content before the cue at `cue`: from the last claimed token (or the start of the
/// sentence) up to the speaker before the cue, if there is one, or the cue with the
/// auxiliaries and adverbs before it.
fn content_before(doc: &Doc, state: &State, cue: usize, sentence: &Range<usize>) -> Option<Found> {
    let bottom = floor(state, cue, sentence);
    let cue_first = cue_start(doc, cue, bottom);
    if cue_first <= bottom {
        return None;
    }
    let speaker = speaker::before(doc, cue_first - 1, bottom);
    let end = speaker.as_ref().map_or(cue_first, |speaker| speaker.first);
    let last = trim_end(doc, bottom, end)?;
    if !has_word(doc, bottom, last) {
        return None;
    }
    let speaker = speaker.or_else(|| speaker::after(doc, cue + 1, sentence.end));
    Some(found(doc, (bottom, last), (cue_first, cue), speaker))
}

/// A quote of a learned cue, its first and last token `cue`.
fn found(
    doc: &Doc,
    content: (usize, usize),
    cue: (usize, usize),
    speaker: Option<Speaker>,
) -> Found {
    // Next to a word the rules do not know as a cue, what the phrase rules read as a speaker is
    // often none ("no hurry to", "the recent days saw"): only a name or a pronoun is kept, and
    // not a lone capitalized word opening the sentence ("That said").
    // Nor is a name after a preposition ("a restaurant in Velmar to talk with …"), but for
    // "with", which may open a clause of its own ("with one senator even talking about …").
    let after_preposition = |speaker: &Speaker| {
        speaker.first > 0 && {
            let before = doc.lower(speaker.first - 1);
            before != "with" && speaker::is_preposition(before)
        }
    };
    let speaker = speaker.filter(|speaker| match speaker.kind {
        speaker::Kind::Pronoun => true,
        speaker::Kind::Name if after_preposition(speaker) => false,
        speaker::Kind::Name => {
            speaker.first < speaker.last || speaker.first != doc.sentence_of(speaker.first).start
        }
        speaker::Kind::Role => false,
    });
    let last = [content.1, cue.1]
        .into_iter()
        .chain(speaker.as_ref().map(|speaker| speaker.last))
        .max()
        .unwrap_or(cue.1);
    let anonymous = speaker.as_ref().is_some_and(|speaker| speaker.anonymous);
    Found {
        kind: QuoteKind::Indirect,
        pieces: vec![doc.span(content.0, content.1)],
        cue: Some(cue),
        speaker,
        resolved: None,
        anonymous,
        last_sentence: doc.token(last).sentence,
        // `find` sets it from the score.
        cue_score: None,
        construction: if content.0 > cue.1 {
            "learned-after"
        } else {
            "learned-before"
        },
    }
}
