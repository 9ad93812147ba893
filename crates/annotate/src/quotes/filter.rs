//! The quote filter: a linear model over every quote the rules and the learned cue finder
//! build, fitted on the PolNeAR train split (`parallax eval quotes --fit-filter`), that drops
//! those unlike any attribution.
//!
//! Each rule is right most of the time but wrong in ways of its own: a reporting verb used for
//! an act ("called the meeting"), a stance verb with a bare object, a headline colon before a
//! title. What tells them apart is spread over the rule that fired, the cue word, the speaker
//! found, the length and shape of the content and the words around the cue, which a weighted
//! sum of those features reads where no single rule can. The filter runs once all quotes are
//! found, so a dropped quote frees no words for another rule.
//!
//! The weights file holds one weight per feature: a rule name, a single word, a pair or a
//! shape, never longer text, so no article text can be read back from it.

use super::learned::{self, PassThrough, Piece, Sink, bin, piece};
use super::speaker;
use super::tokens::Doc;
use super::{Found, State, cues};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

/// The weights of the quote filter and the score a quote must pass.
#[derive(Clone)]
pub struct QuoteFilter {
    /// Feature hash to its weight.
    weights: HashMap<u64, f32, BuildHasherDefault<PassThrough>>,
    /// A quote is kept when its score is above this.
    threshold: f32,
}

impl std::fmt::Debug for QuoteFilter {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("QuoteFilter")
            .field("n_weights", &self.weights.len())
            .field("threshold", &self.threshold)
            .finish()
    }
}

/// The value of a yes-or-no feature.
fn flag(value: bool) -> Piece<'static> {
    if value { piece!("1") } else { piece!("0") }
}

/// The fitted weights, compiled in.
const FITTED: &str = include_str!("../../data/quote-filter.tsv");

/// Why a quote filter weights file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("quote filter weights, line {line}: {reason}")]
pub struct QuoteFilterError {
    /// Line of the file, from 1.
    pub line: usize,
    /// What is wrong with it.
    pub reason: String,
}

impl QuoteFilter {
    /// The weights fitted on PolNeAR train (`data/quote-filter.tsv`).
    pub fn fitted() -> Arc<QuoteFilter> {
        static FITTED_FILTER: OnceLock<Arc<QuoteFilter>> = OnceLock::new();
        FITTED_FILTER
            .get_or_init(|| {
                Arc::new(
                    QuoteFilter::parse(FITTED)
                        .expect("the compiled-in weights file is checked by a test"),
                )
            })
            .clone()
    }

    /// Reads a weights file: a `threshold<TAB>number` line, then `keep<TAB>feature<TAB>weight`
    /// lines. Blank lines and
    /// lines starting with `#` are comments.
    ///
    /// # Errors
    ///
    /// When a line is none of these, a number does not parse, or the threshold is missing.
    pub fn parse(text: &str) -> Result<QuoteFilter, QuoteFilterError> {
        let mut weights: HashMap<u64, f32, BuildHasherDefault<PassThrough>> = HashMap::default();
        let mut threshold = None;
        for (line, fields) in learned::weight_lines(text) {
            let error = |reason: String| QuoteFilterError { line, reason };
            let number = |text: &str| learned::weight_number(text).map_err(error);
            match fields.as_slice() {
                ["threshold", value] => threshold = Some(number(value)?),
                ["keep", feature, weight] => {
                    weights.insert(learned::hash(feature), number(weight)?);
                }
                _ => return Err(error("not a threshold or keep line, tab-separated".into())),
            }
        }
        let threshold = threshold.ok_or_else(|| QuoteFilterError {
            line: text.lines().count(),
            reason: "no threshold line".into(),
        })?;
        Ok(QuoteFilter { weights, threshold })
    }

    /// The same weights with another threshold, for tuning it.
    pub fn with_threshold(&self, threshold: f32) -> QuoteFilter {
        QuoteFilter {
            threshold,
            ..self.clone()
        }
    }
}

/// Sums the weights of the features it receives.
struct Scorer<'a> {
    filter: &'a QuoteFilter,
    score: f32,
}

impl Sink for Scorer<'_> {
    fn feature(&mut self, template: Piece<'_>, first: Piece<'_>, second: Option<Piece<'_>>) {
        let second = second.filter(|piece| !piece.text.is_empty());
        let key = learned::feature_hash(
            template.hash,
            first.hash,
            second.map_or(0, |piece| piece.hash),
        );
        if let Some(weight) = self.filter.weights.get(&key) {
            self.score += weight;
        }
    }
}

/// Drops every quote of `state` whose score is not above the filter's threshold.
pub(crate) fn apply(doc: &Doc, state: &mut State, filter: &QuoteFilter) {
    let neighbourhoods = neighbourhoods(doc, state);
    let keep: Vec<bool> = state
        .found
        .iter()
        .zip(&neighbourhoods)
        .map(|(found, neighbourhood)| {
            let mut scorer = Scorer { filter, score: 0.0 };
            features(doc, state, found, neighbourhood, &mut scorer);
            scorer.score > filter.threshold
        })
        .collect();
    let mut keep = keep.into_iter();
    state.found.retain(|_| keep.next().unwrap_or(true));
}

/// The features of each quote of `state`, as text, for fitting.
pub(crate) fn feature_texts(doc: &Doc, state: &State) -> Vec<Vec<String>> {
    let neighbourhoods = neighbourhoods(doc, state);
    state
        .found
        .iter()
        .zip(&neighbourhoods)
        .map(|(found, neighbourhood)| {
            let mut collector = learned::Collector(Vec::new());
            features(doc, state, found, neighbourhood, &mut collector);
            collector.0
        })
        .collect()
}

/// How a quote stands among the other quotes of its article: a second reading of one sentence
/// is often a cue inside another's content, or a content holding another's cue.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Neighbourhood {
    /// The other quotes whose cue stands in the sentence of this one's cue (of its content's
    /// first word, when it has no cue).
    n_neighbors: usize,
    /// Whether its cue stands inside another quote's content.
    inside_other: bool,
    /// Whether its content holds another quote's cue.
    holds_other: bool,
}

/// The [`Neighbourhood`] of each quote of `state`, in one pass over them all: asking each
/// quote about every other one costs the square of their number, which a page of twenty
/// thousand quotes turns into minutes.
fn neighbourhoods(doc: &Doc, state: &State) -> Vec<Neighbourhood> {
    // Each cue's first token and first byte, in text order, with the quote it belongs to.
    let mut cue_tokens: Vec<usize> = state
        .found
        .iter()
        .filter_map(|found| found.cue.map(|(first, _)| first))
        .collect();
    cue_tokens.sort_unstable();
    let mut cue_bytes: Vec<(usize, usize)> = state
        .found
        .iter()
        .enumerate()
        .filter_map(|(idx, found)| {
            found
                .cue
                .map(|(first, _)| (doc.token(first).range.start, idx))
        })
        .collect();
    cue_bytes.sort_unstable();
    let cues_within = |range: &Range<usize>| -> Range<usize> {
        let first = cue_bytes.partition_point(|&(start, _)| start < range.start);
        let end = cue_bytes.partition_point(|&(start, _)| start < range.end);
        first..end.max(first)
    };
    // How many contents cover each cue's first byte: a step up at each content's first cue and
    // down past its last, summed over the cues' order.
    let mut coverage = vec![0_i64; cue_bytes.len() + 1];
    for found in &state.found {
        for piece in &found.pieces {
            let covered = cues_within(piece);
            coverage[covered.start] += 1;
            coverage[covered.end] -= 1;
        }
    }
    for at in 1..coverage.len() {
        coverage[at] += coverage[at - 1];
    }
    state
        .found
        .iter()
        .enumerate()
        .map(|(idx, found)| {
            let Some(content_first) = found
                .pieces
                .iter()
                .find_map(|piece| doc.tokens_within(piece))
                .map(|(first, _)| first)
            else {
                return Neighbourhood::default();
            };
            let cue_first = found.cue.map_or(content_first, |(first, _)| first);
            let sentence = doc.sentence_of(cue_first);
            let cues_in_sentence = cue_tokens.partition_point(|&at| at < sentence.end)
                - cue_tokens.partition_point(|&at| at < sentence.start);
            let own_cue = found.cue.map(|(first, _)| doc.token(first).range.start);
            let inside_other = own_cue.is_some_and(|start| {
                let at = cue_bytes.partition_point(|&cue| cue < (start, idx));
                let own_pieces = found
                    .pieces
                    .iter()
                    .filter(|piece| piece.contains(&start))
                    .count() as i64;
                coverage.get(at).is_some_and(|&n| n > own_pieces)
            });
            let holds_other = found.pieces.iter().any(|piece| {
                cue_bytes[cues_within(piece)]
                    .iter()
                    .any(|&(_, owner)| owner != idx)
            });
            Neighbourhood {
                n_neighbors: cues_in_sentence - usize::from(found.cue.is_some()),
                inside_other,
                holds_other,
            }
        })
        .collect()
}

/// Words that make a content a clause rather than a noun phrase, with the words ending in "-ed".
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "will", "would", "can", "could", "should",
    "may", "might", "must", "has", "have", "had", "do", "does", "did", "won't", "can't", "isn't",
    "wasn't", "don't", "doesn't", "didn't",
];

/// A count in a few bins, finer than [`bin`] for the lengths of contents.
fn length_bin(count: usize) -> Piece<'static> {
    match count {
        0 => piece!("0"),
        1 => piece!("1"),
        2 => piece!("2"),
        3 => piece!("3"),
        4..=5 => piece!("4-5"),
        6..=8 => piece!("6-8"),
        9..=14 => piece!("9-14"),
        15..=25 => piece!("15-25"),
        _ => piece!("long"),
    }
}

/// The features of `found`, one of the quotes of `state`, which stands among the others as
/// `neighbourhood` tells.
fn features(
    doc: &Doc,
    state: &State,
    found: &Found,
    neighbourhood: &Neighbourhood,
    sink: &mut dyn Sink,
) {
    let construction = Piece::new(found.construction);
    sink.feature(piece!("bias"), piece!("1"), None);
    sink.feature(piece!("construction"), construction, None);
    if let Some(score) = found.cue_score {
        // The cue score in whole points: the filter weighs how sure the cue finder was along
        // with what it could not see.
        let points = score.floor().clamp(-9.0, 9.0) as i32;
        sink.feature(piece!("cue_score"), Piece::new(&points.to_string()), None);
    }
    let pieces: Vec<(usize, usize)> = found
        .pieces
        .iter()
        .filter_map(|piece| doc.tokens_within(piece))
        .collect();
    let (Some(&(content_first, _)), Some(&(_, content_last))) = (pieces.first(), pieces.last())
    else {
        return;
    };
    // The cue anchors the sentence-level features; a quote without one hangs on its content.
    let (cue_first, cue_last) = found.cue.unwrap_or((content_first, content_first));
    let sentence = doc.sentence_of(cue_first);

    // The cue: its words, and each with the rule that took it.
    let cue_words: Vec<&str> = (cue_first..=cue_last)
        .filter(|&at| doc.token(at).is_word())
        .map(|at| doc.token(at).stem())
        .collect();
    let cue_text = match (found.cue, cue_words.len()) {
        (None, _) => "none".to_string(),
        (Some(_), 1..=3) => cue_words.join("_"),
        (Some(_), _) => "long".to_string(),
    };
    let cue = Piece::new(&cue_text);
    sink.feature(piece!("cue"), cue, None);
    sink.feature(piece!("cue_rule"), construction, Some(cue));
    if let Some(head) = cue_words.last().filter(|_| found.cue.is_some()) {
        sink.feature(piece!("cue_head"), Piece::new(head), None);
    }
    sink.feature(piece!("cue_length"), bin(cue_last - cue_first + 1), None);

    // The speaker as written.
    let speaker_kind = match &found.speaker {
        Some(speaker) if speaker.anonymous => "anonymous",
        Some(speaker) => match speaker.kind {
            speaker::Kind::Name => "name",
            speaker::Kind::Role => "role",
            speaker::Kind::Pronoun => "pronoun",
        },
        None => "none",
    };
    let speaker_kind = Piece::new(speaker_kind);
    sink.feature(piece!("speaker"), speaker_kind, None);
    sink.feature(piece!("speaker_rule"), construction, Some(speaker_kind));
    sink.feature(piece!("speaker_cue"), speaker_kind, Some(cue));
    let speaker_side = match &found.speaker {
        Some(speaker) if speaker.last < cue_first => "before",
        Some(_) => "after",
        None => "none",
    };
    sink.feature(piece!("speaker_side"), Piece::new(speaker_side), None);

    // The content: its side of the cue, length, pieces, quotation marks and whether it reads
    // as a clause.
    let side = match found.cue {
        None => "none",
        Some(_) if content_first > cue_last => "after",
        Some(_) if content_last < cue_first => "before",
        Some(_) => "around",
    };
    let side = Piece::new(side);
    sink.feature(piece!("side"), side, None);
    sink.feature(piece!("side_rule"), construction, Some(side));
    let content_tokens = || pieces.iter().flat_map(|&(first, last)| first..=last);
    let n_words = content_tokens()
        .filter(|&at| doc.token(at).is_word())
        .count();
    sink.feature(piece!("length"), length_bin(n_words), None);
    sink.feature(
        piece!("length_rule"),
        construction,
        Some(length_bin(n_words)),
    );
    sink.feature(piece!("pieces"), bin(pieces.len()), None);
    let marks = content_tokens().any(|at| doc.token(at).is_quote());
    sink.feature(piece!("marks"), flag(marks), None);
    let clause = content_tokens().any(|at| {
        let lower = doc.lower(at);
        AUXILIARIES.contains(&lower)
            || (lower.len() > 4 && lower.ends_with("ed"))
            || cues::verb_at(doc, at).is_some()
    });
    sink.feature(piece!("clause"), flag(clause), None);
    sink.feature(piece!("clause_rule"), construction, Some(flag(clause)));
    let content_sentences = doc.token(content_last).sentence - doc.token(content_first).sentence;
    sink.feature(piece!("sentences"), bin(content_sentences), None);
    let content_sentence = doc.sentence_of(content_first);
    let first_word = learned::word(doc, Some(content_first), &content_sentence);
    sink.feature(piece!("content_first"), first_word, None);
    sink.feature(piece!("content_first_rule"), construction, Some(first_word));
    sink.feature(
        piece!("content_two"),
        first_word,
        Some(learned::word(
            doc,
            Some(content_first + 1),
            &content_sentence,
        )),
    );
    let reaches_end = content_last + 2 >= doc.sentence_of(content_last).end;
    sink.feature(piece!("reaches_end"), flag(reaches_end), None);

    // Where the cue stands, and the words around it.
    let sentence_words = sentence
        .clone()
        .filter(|&at| doc.token(at).is_word())
        .count();
    sink.feature(piece!("sentence_length"), length_bin(sentence_words), None);
    sink.feature(piece!("cue_start"), bin(cue_first - sentence.start), None);
    sink.feature(piece!("cue_end"), bin(sentence.end - 1 - cue_last), None);
    let previous = learned::word(doc, cue_first.checked_sub(1), &sentence);
    let before_previous = learned::word(doc, cue_first.checked_sub(2), &sentence);
    let next = learned::word(doc, Some(cue_last + 1), &sentence);
    sink.feature(piece!("p1"), previous, None);
    sink.feature(piece!("p2"), before_previous, Some(previous));
    sink.feature(piece!("n1"), next, None);
    sink.feature(piece!("p1_cue"), previous, Some(cue));
    sink.feature(piece!("p1_rule"), construction, Some(previous));
    sink.feature(piece!("cue_n1"), cue, Some(next));
    let headline = doc.token(cue_first).paragraph == 0;
    sink.feature(piece!("headline"), flag(headline), None);
    let quoted = state.quoted[sentence.clone()].contains(&true);
    sink.feature(piece!("quoted"), flag(quoted), None);

    // Other quotes whose cue stands in the same sentence, whose content holds this one's cue, or
    // whose cue this one's content holds.
    sink.feature(piece!("neighbors"), bin(neighbourhood.n_neighbors), None);
    sink.feature(
        piece!("inside_other"),
        flag(neighbourhood.inside_other),
        None,
    );
    sink.feature(piece!("holds_other"), flag(neighbourhood.holds_other), None);
}
