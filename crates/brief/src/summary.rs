//! Summary: a neutral account of the story in a few sentences, each citing its sources.
//!
//! Extractive. Candidates are the statements of the consensus (each group of matching sentences
//! in its most neutral wording: fewest loaded words, words of denial or verdict and first-person
//! words, then fewest words, since words past the shared statement carry an outlet's framing)
//! and the sentences only one independent source states. Direct quotes are
//! never candidates (they are someone's position rather than a fact), and neither is a sentence
//! that states a disputed value, which appears only in a sentence stating the dispute.
//!
//! Selection is greedy coverage of the story's shared content: a term weighs as many independent
//! sources as use it (in text or headline) less one, plus a little, so what several outlets
//! report outweighs what one adds; a candidate gains the weight of the terms not yet covered, per
//! word raised to [`LENGTH_EXPONENT`], plus its TextRank centrality among all the sources'
//! sentences ([`CENTRALITY_WEIGHT`]: a roundup is mostly what many sentences say), with a bonus
//! for an article's first sentence and a prior that decays with position (news puts the event
//! first) and a bonus for corroboration. Disputes come first in the budget (at most
//! [`MAX_DISPUTED`]), stated as disputed with every side's sources. The output lists
//! corroborated statements first, then disputes, then single-source statements, each in the
//! order chosen.

use crate::consensus::independent_sources;
use crate::framing::n_loaded_words;
use parallax_model::{
    ArticleId, Citation, ConsensusItem, Dispute, DisputeKind, Span, Story, SummaryKind,
    SummarySentence,
};
use parallax_text::Terms;
use std::collections::{HashMap, HashSet};

/// How long a summary may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SummaryLength {
    /// At most this many sentences.
    Sentences(usize),
    /// At most this many words (separated by whitespace), in whole sentences: a sentence that
    /// would pass the cap is skipped and a later, shorter one may take its place.
    Words(usize),
    /// Sentences until they hold this many words, the last one allowed past the cap: for a
    /// caller that cuts the text at the cap, as ROUGE evaluations at a reference's length do.
    FillWords(usize),
}

/// Sentences of one article that enter the centrality graph. The graph costs the square of its
/// size (a page of thousands of near-identical paragraphs made it run for minutes), news puts
/// what matters first, and the position prior already discounts later sentences; the rest get
/// no centrality.
const MAX_GRAPH_SENTENCES_PER_ARTICLE: usize = 80;

/// Candidates sharing this share of their terms with a chosen sentence say the same again.
const REDUNDANT_OVERLAP: f64 = 0.6;
/// A sentence opening with a pronoun leans on a sentence the summary may not hold.
const PRONOUN_START_PENALTY: f64 = 0.7;

/// At most this many sentences of a summary state disputes.
const MAX_DISPUTED: usize = 2;
/// A term used by one source only still weighs this much: it is content, just not shared.
const UNSHARED_WEIGHT: f64 = 0.1;
/// Gain is divided by the number of words raised to this power: 0 favours long sentences, 1
/// favours dense ones.
const LENGTH_EXPONENT: f64 = 0.5;
/// Gain multiplier of an article's first sentence.
const FIRST_SENTENCE_BONUS: f64 = 1.5;
/// Gain multiplier of a statement two or more independent sources make.
const CORROBORATED_BONUS: f64 = 1.2;
/// Gain divisor per loaded, verdict or first-person word of the wording.
const JUDGED_PENALTY: f64 = 0.2;
/// Weight of a candidate's graph centrality (from 0 to 1) beside its content gain.
const CENTRALITY_WEIGHT: f64 = 3.0;
/// Gain divisor per sentence before it in its article.
const POSITION_DECAY: f64 = 0.1;
/// PageRank's damping factor, as TextRank and LexRank use it.
const DAMPING: f64 = 0.85;
/// PageRank iterations: enough to settle on graphs of a story's size.
const PAGE_RANK_ITERATIONS: usize = 30;

/// The summary of the whole story; see [`summary_of_sources`].
pub fn summary(
    story: &Story,
    consensus: &[ConsensusItem],
    disputes: &[Dispute],
    length: SummaryLength,
) -> Vec<SummarySentence> {
    let every_source: Vec<usize> = (1..=story.articles.len()).collect();
    summary_of_sources(story, consensus, disputes, &every_source, length)
}

/// The summary of what the sources numbered `sources` (citation numbers, from 1) say, from the
/// brief's consensus and disputes: statements corroborated within those sources first, then
/// their disputes, then what one of them alone states. Each sentence cites only sources of the
/// subset; the readings per side call it with the sources of one side.
pub fn summary_of_sources(
    story: &Story,
    consensus: &[ConsensusItem],
    disputes: &[Dispute],
    sources: &[usize],
    length: SummaryLength,
) -> Vec<SummarySentence> {
    let selected: HashSet<usize> = sources.iter().copied().collect();
    let independent = independent_sources(story);
    let terms = Terms::new(Some("en"));
    let weights = term_weights(story, &selected, &independent, &terms);
    let mut disputed_ranges: HashMap<&ArticleId, Vec<(usize, usize)>> = HashMap::new();
    for citation in disputes
        .iter()
        .flat_map(|dispute| &dispute.sides)
        .flat_map(|side| &side.citations)
    {
        disputed_ranges
            .entry(&citation.span.article)
            .or_default()
            .push((citation.span.start, citation.span.end));
    }
    let is_disputed = |span: &Span| {
        disputed_ranges.get(&span.article).is_some_and(|ranges| {
            ranges
                .iter()
                .any(|&(start, end)| start < span.end && span.start < end)
        })
    };

    let mut budget = Budget::new(length);
    let mut chosen_disputes = Vec::new();
    let n_disputed_max = match length {
        SummaryLength::Sentences(n) => MAX_DISPUTED.min(n / 2),
        SummaryLength::Words(_) | SummaryLength::FillWords(_) => MAX_DISPUTED,
    };
    for dispute in disputes {
        if chosen_disputes.len() == n_disputed_max {
            break;
        }
        let Some(sentence) = disputed(dispute, &selected) else {
            continue;
        };
        if budget.half_allows(&sentence.text) {
            budget.take(&sentence.text);
            chosen_disputes.push(sentence);
        }
    }

    let mut candidates: Vec<Candidate> = Vec::new();
    let mut in_groups: HashSet<(usize, usize)> = HashSet::new();
    for item in consensus {
        let citations: Vec<&Citation> = item
            .citations
            .iter()
            .filter(|citation| selected.contains(&citation.source))
            .collect();
        let n_independent = citations
            .iter()
            .map(|citation| independent[citation.source - 1])
            .collect::<HashSet<_>>()
            .len();
        if n_independent < 2 {
            continue;
        }
        in_groups.extend(
            citations
                .iter()
                .map(|citation| (citation.source, citation.span.start)),
        );
        candidates.extend(corroborated(story, &citations, &terms, &is_disputed));
    }
    for (idx, annotated) in story.articles.iter().enumerate() {
        let source = idx + 1;
        // A near-duplicate's sentences are its original's: the original speaks for both.
        let copy_of_selected =
            independent[idx] != idx && selected.contains(&(independent[idx] + 1));
        if !selected.contains(&source) || copy_of_selected {
            continue;
        }
        for (position, sentence) in annotated.sentences.iter().enumerate() {
            let full_text = annotated.sentence_text(sentence);
            let dateline = dateline_len(full_text);
            let text = &full_text[dateline..];
            let span = Span::new(
                annotated.article.id.clone(),
                sentence.range.start + dateline,
                sentence.range.end,
            );
            if in_groups.contains(&(source, span.start))
                || starts_with_quote(text)
                || is_disputed(&span)
            {
                continue;
            }
            candidates.push(Candidate {
                kind: SummaryKind::SingleSource,
                text: text.to_string(),
                terms: terms.of(text),
                position,
                judged: n_judged_words(text),
                centrality: 0.0,
                sources: vec![source],
                spans: vec![span],
                sentence_starts: vec![sentence.range.start],
            });
        }
    }

    let centrality = centrality(story, &selected, &terms);
    for candidate in &mut candidates {
        candidate.centrality = candidate
            .spans
            .iter()
            .zip(&candidate.sentence_starts)
            .filter_map(|(span, start)| centrality.get(&(span.article.clone(), *start)))
            .copied()
            .fold(0.0, f64::max);
    }
    let mut covered: HashSet<String> = HashSet::new();
    let mut chosen: Vec<Candidate> = Vec::new();
    loop {
        let best = candidates
            .iter()
            .enumerate()
            .filter(|(_, candidate)| budget.allows(&candidate.text))
            .filter(|(_, candidate)| {
                !chosen
                    .iter()
                    .any(|other| term_overlap(&candidate.terms, &other.terms) >= REDUNDANT_OVERLAP)
            })
            .map(|(idx, candidate)| (candidate.gain(&weights, &covered), idx))
            .filter(|(gain, _)| *gain > 0.0)
            .max_by(|(gain_a, idx_a), (gain_b, idx_b)| {
                gain_a.total_cmp(gain_b).then(idx_b.cmp(idx_a))
            });
        let Some((_, idx)) = best else {
            break;
        };
        let candidate = candidates.swap_remove(idx);
        budget.take(&candidate.text);
        covered.extend(candidate.terms.iter().cloned());
        chosen.push(candidate);
    }

    let mut sentences: Vec<SummarySentence> = Vec::new();
    let into_sentence = |candidate: &Candidate| SummarySentence {
        text: candidate.text.clone(),
        kind: candidate.kind,
        sources: candidate.sources.clone(),
        spans: candidate.spans.clone(),
    };
    sentences.extend(
        chosen
            .iter()
            .filter(|candidate| candidate.kind == SummaryKind::Corroborated)
            .map(into_sentence),
    );
    sentences.extend(chosen_disputes);
    sentences.extend(
        chosen
            .iter()
            .filter(|candidate| candidate.kind == SummaryKind::SingleSource)
            .map(into_sentence),
    );
    sentences
}

/// What is left of the summary's length.
struct Budget {
    length: SummaryLength,
    used: usize,
}

impl Budget {
    fn new(length: SummaryLength) -> Budget {
        Budget { length, used: 0 }
    }

    fn cost(&self, text: &str) -> usize {
        match self.length {
            SummaryLength::Sentences(_) => 1,
            SummaryLength::Words(_) | SummaryLength::FillWords(_) => {
                text.split_whitespace().count()
            }
        }
    }

    fn limit(&self) -> usize {
        match self.length {
            SummaryLength::Sentences(n) | SummaryLength::Words(n) | SummaryLength::FillWords(n) => {
                n
            }
        }
    }

    fn allows(&self, text: &str) -> bool {
        match self.length {
            SummaryLength::FillWords(n) => self.used < n,
            _ => self.used + self.cost(text) <= self.limit(),
        }
    }

    /// Whether `text` fits in half the summary: disputes take no more, so that the common
    /// ground is told too.
    fn half_allows(&self, text: &str) -> bool {
        match self.length {
            SummaryLength::Sentences(_) => self.allows(text),
            SummaryLength::Words(n) | SummaryLength::FillWords(n) => {
                self.used + self.cost(text) <= n / 2
            }
        }
    }

    fn take(&mut self, text: &str) {
        self.used += self.cost(text);
    }
}

/// A statement the summary may state.
struct Candidate {
    kind: SummaryKind,
    text: String,
    /// Content terms of the wording, deduplicated.
    terms: Vec<String>,
    /// Position of the sentence in its article (the earliest of a group), from 0.
    position: usize,
    /// Loaded, verdict and first-person words of the wording.
    judged: usize,
    /// The graph centrality of its sentences among the story's ([`centrality`]), the highest.
    centrality: f64,
    sources: Vec<usize>,
    spans: Vec<Span>,
    /// Where the sentence behind each span starts (a span may leave out a dateline).
    sentence_starts: Vec<usize>,
}

impl Candidate {
    fn gain(&self, weights: &HashMap<String, f64>, covered: &HashSet<String>) -> f64 {
        let content: f64 = self
            .terms
            .iter()
            .filter(|term| !covered.contains(*term))
            .map(|term| weights.get(term).copied().unwrap_or(UNSHARED_WEIGHT))
            .sum();
        let n_words = self.text.split_whitespace().count().max(1) as f64;
        let mut gain =
            content / n_words.powf(LENGTH_EXPONENT) + CENTRALITY_WEIGHT * self.centrality;
        if self.position == 0 {
            gain *= FIRST_SENTENCE_BONUS;
        }
        gain /= 1.0 + POSITION_DECAY * self.position as f64;
        if self.kind == SummaryKind::Corroborated {
            gain *= CORROBORATED_BONUS;
        }
        if starts_with_pronoun(&self.text) {
            gain *= PRONOUN_START_PENALTY;
        }
        gain / (1.0 + JUDGED_PENALTY * self.judged as f64)
    }
}

/// Shared terms over the terms of the shorter of the two.
fn term_overlap(a: &[String], b: &[String]) -> f64 {
    let a: HashSet<&String> = a.iter().collect();
    let b: HashSet<&String> = b.iter().collect();
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / smaller as f64
}

/// Words that point back to something said before.
const ANAPHORIC_OPENERS: &[&str] = &[
    "he", "she", "it", "they", "his", "her", "its", "their", "this", "these", "those", "that",
    "such", "both", "there",
];

fn starts_with_pronoun(text: &str) -> bool {
    text.split_whitespace().next().is_some_and(|word| {
        let word = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        ANAPHORIC_OPENERS.contains(&word.as_str())
    })
}

/// Length in bytes of a wire-style dateline opening `text` ("CITY, Region, March 9 (Agency) -
/// "), 0 when there is none: a place in capitals, then a date or an agency in parentheses,
/// then a dash, within the first 100 bytes. It locates the story, which the summary does not need.
fn dateline_len(text: &str) -> usize {
    let Some((dash_at, dash)) = [" - ", " \u{2013} ", " \u{2014} "]
        .iter()
        .filter_map(|dash| text.find(dash).map(|at| (at, *dash)))
        .min()
    else {
        return 0;
    };
    if dash_at > 100 {
        return 0;
    }
    let head = &text[..dash_at];
    let place = head.split([',', '(']).next().unwrap_or_default().trim();
    let place_in_capitals = place.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && place
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_uppercase());
    let dated_or_credited =
        head.contains('(') && head.ends_with(')') || head.chars().any(|c| c.is_ascii_digit());
    if place_in_capitals && dated_or_credited {
        dash_at + dash.len()
    } else {
        0
    }
}

/// TextRank centrality (Mihalcea & Tarau 2004) of every sentence of the sources in `selected`,
/// by (article id, start), scaled so the most central is 1: a roundup of several sources is
/// mostly what many of their sentences say.
fn centrality(
    story: &Story,
    selected: &HashSet<usize>,
    terms: &Terms,
) -> HashMap<(ArticleId, usize), f64> {
    let mut keys = Vec::new();
    let mut sentence_terms: Vec<Vec<String>> = Vec::new();
    for (idx, annotated) in story.articles.iter().enumerate() {
        if !selected.contains(&(idx + 1)) {
            continue;
        }
        for sentence in annotated
            .sentences
            .iter()
            .take(MAX_GRAPH_SENTENCES_PER_ARTICLE)
        {
            keys.push((annotated.article.id.clone(), sentence.range.start));
            sentence_terms.push(terms.of(annotated.sentence_text(sentence)));
        }
    }
    let n = keys.len();
    // The graph is sparse (most sentence pairs share no term): edges come from an index of
    // the sentences each term appears in, and neighbours are kept in ascending order so every
    // sum adds the same terms in the same order as over a dense matrix.
    let mut term_ids: HashMap<&str, usize> = HashMap::new();
    let mut postings: Vec<Vec<usize>> = Vec::new();
    let sentence_ids: Vec<Vec<usize>> = sentence_terms
        .iter()
        .enumerate()
        .map(|(sentence_idx, sentence)| {
            sentence
                .iter()
                .map(|term| {
                    let next_id = term_ids.len();
                    let id = *term_ids.entry(term.as_str()).or_insert(next_id);
                    if id == postings.len() {
                        postings.push(Vec::new());
                    }
                    postings[id].push(sentence_idx);
                    id
                })
                .collect()
        })
        .collect();
    let mut neighbours: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    let mut shared = vec![0usize; n];
    let mut touched: Vec<usize> = Vec::new();
    for a in 0..n {
        if sentence_ids[a].len() < 2 {
            continue;
        }
        for &term in &sentence_ids[a] {
            for &b in postings[term].iter().filter(|&&b| b > a) {
                if shared[b] == 0 {
                    touched.push(b);
                }
                shared[b] += 1;
            }
        }
        touched.sort_unstable();
        for &b in &touched {
            let n_b = sentence_ids[b].len();
            if n_b >= 2 {
                let similarity =
                    shared[b] as f64 / ((sentence_ids[a].len() as f64).ln() + (n_b as f64).ln());
                neighbours[a].push((b, similarity));
                neighbours[b].push((a, similarity));
            }
            shared[b] = 0;
        }
        touched.clear();
    }
    let out_weights: Vec<f64> = neighbours
        .iter()
        .map(|edges| edges.iter().map(|(_, weight)| weight).sum())
        .collect();
    let mut rank = vec![1.0; n];
    for _ in 0..PAGE_RANK_ITERATIONS {
        rank = (0..n)
            .map(|b| {
                let inflow: f64 = neighbours[b]
                    .iter()
                    .filter(|&&(a, _)| out_weights[a] > 0.0)
                    .map(|&(a, weight)| weight / out_weights[a] * rank[a])
                    .sum();
                1.0 - DAMPING + DAMPING * inflow
            })
            .collect();
    }
    let highest = rank.iter().copied().fold(f64::MIN_POSITIVE, f64::max);
    keys.into_iter()
        .zip(rank.into_iter().map(|score| score / highest))
        .collect()
}

/// Weight of each content term: the independent sources among `selected` that use it, in text
/// or headline, less one, plus [`UNSHARED_WEIGHT`].
fn term_weights(
    story: &Story,
    selected: &HashSet<usize>,
    independent: &[usize],
    terms: &Terms,
) -> HashMap<String, f64> {
    let mut users: HashMap<String, HashSet<usize>> = HashMap::new();
    for (idx, annotated) in story.articles.iter().enumerate() {
        if !selected.contains(&(idx + 1)) {
            continue;
        }
        let article = &annotated.article;
        let headline = article.title.as_deref().unwrap_or_default();
        for term in terms.each(&article.text).chain(terms.each(headline)) {
            users.entry(term).or_default().insert(independent[idx]);
        }
    }
    users
        .into_iter()
        .map(|(term, sources)| (term, (sources.len() - 1) as f64 + UNSHARED_WEIGHT))
        .collect()
}

/// The candidate of one consensus group: its most neutral wording (fewest
/// judged words) that state no disputed value and are no direct quote; selection takes the one
/// that gains most and fits.
fn corroborated(
    story: &Story,
    citations: &[&Citation],
    terms: &Terms,
    is_disputed: &impl Fn(&Span) -> bool,
) -> Vec<Candidate> {
    let position_of = |citation: &Citation| {
        story.articles[citation.source - 1]
            .sentences
            .iter()
            .position(|sentence| sentence.range.start == citation.span.start)
            .unwrap_or(usize::MAX)
    };
    let mut sources: Vec<usize> = citations.iter().map(|citation| citation.source).collect();
    sources.sort_unstable();
    sources.dedup();
    let position = citations
        .iter()
        .map(|citation| position_of(citation))
        .min()
        .unwrap_or(usize::MAX);
    let wordings: Vec<Candidate> = citations
        .iter()
        .filter(|citation| !starts_with_quote(&citation.text) && !is_disputed(&citation.span))
        .map(|citation| {
            let text = &citation.text[dateline_len(&citation.text)..];
            Candidate {
                kind: SummaryKind::Corroborated,
                text: text.to_string(),
                terms: terms.of(text),
                position,
                judged: n_judged_words(text),
                centrality: 0.0,
                sources: sources.clone(),
                spans: citations
                    .iter()
                    .map(|citation| citation.span.clone())
                    .collect(),
                sentence_starts: citations
                    .iter()
                    .map(|citation| citation.span.start)
                    .collect(),
            }
        })
        .collect();
    // The shortest of the least judged: words past the shared statement are where an outlet's
    // own framing goes.
    wordings
        .into_iter()
        .min_by_key(|wording| (wording.judged, wording.text.split_whitespace().count()))
        .into_iter()
        .collect()
}

/// Words that deny or judge a statement, or speak in the writer's own person, rather than make
/// it: a wording that carries them is one side's verdict, not the common ground.
const VERDICT_WORDS: &[&str] = &[
    "not",
    "never",
    "no",
    "untrue",
    "false",
    "denied",
    "denies",
    "deny",
    "simply",
    "claim",
    "claims",
    "claimed",
    "supposedly",
    "allegedly",
    "so-called",
];

/// The writer's own person: it marks a view more surely than a denial does ("asked not to be
/// named" is reporting), so it counts double.
const FIRST_PERSON: &[&str] = &["i", "me", "my", "we", "our"];

/// Loaded words of the framing lexicon, verdict words, and first-person words (twice).
fn n_judged_words(text: &str) -> usize {
    n_loaded_words(text) + n_verdict_words(text)
}

fn n_verdict_words(text: &str) -> usize {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .map(|word| {
            let word = word.to_lowercase();
            if FIRST_PERSON.contains(&word.as_str()) {
                2
            } else {
                usize::from(VERDICT_WORDS.contains(&word.as_str()))
            }
        })
        .sum()
}

fn starts_with_quote(text: &str) -> bool {
    text.starts_with(['"', '\u{201c}', '\u{ab}', '\u{201e}', '\''])
}

/// The sentence stating `dispute` with the sides that sources of `selected` take, each side
/// quoted with its sources; none when fewer than two sides remain.
fn disputed(dispute: &Dispute, selected: &HashSet<usize>) -> Option<SummarySentence> {
    let mut sides: Vec<String> = Vec::new();
    let mut citations: Vec<&Citation> = Vec::new();
    for side in &dispute.sides {
        let mut side_sources: Vec<usize> = side
            .citations
            .iter()
            .map(|citation| citation.source)
            .filter(|source| selected.contains(source))
            .collect();
        side_sources.dedup();
        if side_sources.is_empty() {
            continue;
        }
        citations.extend(
            side.citations
                .iter()
                .filter(|citation| selected.contains(&citation.source)),
        );
        let label = if side_sources.len() == 1 {
            "source"
        } else {
            "sources"
        };
        let numbers: Vec<String> = side_sources.iter().map(usize::to_string).collect();
        sides.push(format!(
            "\u{201c}{}\u{201d} ({label} {})",
            side.value,
            numbers.join(", ")
        ));
    }
    if sides.len() < 2 {
        return None;
    }
    let mut sources: Vec<usize> = citations.iter().map(|citation| citation.source).collect();
    sources.sort_unstable();
    sources.dedup();
    Some(SummarySentence {
        text: format!("{}: {}.", dispute_opening(dispute), sides.join("; ")),
        kind: SummaryKind::Disputed,
        sources,
        spans: citations
            .iter()
            .map(|citation| citation.span.clone())
            .collect(),
    })
}

/// How a dispute sentence opens, by what the sources disagree on.
fn dispute_opening(dispute: &Dispute) -> String {
    match dispute.kind {
        DisputeKind::Quantity => format!("Sources give different figures for {}", dispute.slot),
        DisputeKind::Date => match dispute.slot.strip_prefix("when: ") {
            Some(event) => format!("Sources give different dates for \u{201c}{event}\u{201d}"),
            None => format!("Sources differ on the {}", dispute.slot),
        },
        _ => format!("Sources differ on \u{201c}{}\u{201d}", dispute.slot),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::{Annotated, Article, DisputeSide, Origin, Sentence};

    /// An annotated article whose sentences are `sentences`, joined by spaces.
    fn article(name: &str, sentences: &[&str]) -> Annotated {
        let text = sentences.join(" ");
        let mut ranges = Vec::new();
        let mut start = 0;
        for sentence in sentences {
            ranges.push(Sentence {
                range: start..start + sentence.len(),
                paragraph: 0,
            });
            start += sentence.len() + 1;
        }
        let mut annotated = Annotated::new(Article::new(Origin::File(name.into()), text));
        annotated.sentences = ranges;
        annotated
    }

    fn citation(story: &Story, source: usize, sentence: usize) -> Citation {
        let annotated = &story.articles[source - 1];
        let range = annotated.sentences[sentence].range.clone();
        Citation {
            source,
            span: Span::new(annotated.article.id.clone(), range.start, range.end),
            text: annotated.article.text[range].to_string(),
        }
    }

    fn story() -> Story {
        Story::new(vec![
            article(
                "a.txt",
                &[
                    "The reckless regime closed the port of Velmar on Monday.",
                    "About 4,000 dock workers joined the strike.",
                ],
            ),
            article(
                "b.txt",
                &[
                    "Authorities closed the port of Velmar on Monday after the dock strike began.",
                    "\u{201c}We closed the port,\u{201d} the minister said.",
                    "Fewer than 1,500 workers took part, the ministry said.",
                ],
            ),
            article(
                "c.txt",
                &[
                    "The Velmar port closure halted shipping on Monday.",
                    "Ferries to the islands were cancelled as the strike went on.",
                ],
            ),
        ])
    }

    fn consensus_and_disputes(story: &Story) -> (Vec<ConsensusItem>, Vec<Dispute>) {
        let consensus = vec![ConsensusItem {
            n_articles: 3,
            n_independent: 3,
            citations: vec![
                citation(story, 1, 0),
                citation(story, 2, 0),
                citation(story, 3, 0),
            ],
        }];
        let disputes = vec![Dispute {
            slot: "workers".into(),
            kind: DisputeKind::Quantity,
            sides: vec![
                DisputeSide {
                    value: "fewer than 1,500 workers".into(),
                    compatible_with: vec![],
                    citations: vec![citation(story, 2, 2)],
                },
                DisputeSide {
                    value: "about 4,000 dock workers".into(),
                    compatible_with: vec![],
                    citations: vec![citation(story, 1, 1)],
                },
            ],
        }];
        (consensus, disputes)
    }

    fn texts(sentences: &[SummarySentence]) -> Vec<(SummaryKind, &str, Vec<usize>)> {
        sentences
            .iter()
            .map(|sentence| {
                (
                    sentence.kind,
                    sentence.text.as_str(),
                    sentence.sources.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn corroborated_first_in_neutral_wording_then_disputes_then_single_source() {
        let story = story();
        let (consensus, disputes) = consensus_and_disputes(&story);
        let found = summary(&story, &consensus, &disputes, SummaryLength::Sentences(4));
        assert_eq!(
            texts(&found),
            [
                (
                    SummaryKind::Corroborated,
                    "The Velmar port closure halted shipping on Monday.",
                    vec![1, 2, 3]
                ),
                (
                    SummaryKind::Disputed,
                    "Sources give different figures for workers: \u{201c}fewer than 1,500 workers\u{201d} (source 2); \u{201c}about 4,000 dock workers\u{201d} (source 1).",
                    vec![1, 2]
                ),
                (
                    SummaryKind::SingleSource,
                    "Ferries to the islands were cancelled as the strike went on.",
                    vec![3]
                ),
            ]
        );
    }

    #[test]
    fn datelines_are_left_out_and_only_datelines() {
        let check = |text: &str, rest: &str| {
            assert_eq!(&text[dateline_len(text)..], rest, "{text:?}");
        };
        check(
            "PORTVALE, Brask, May 3 (Wire) - Ferries stopped.",
            "Ferries stopped.",
        );
        check(
            "PORTVALE (Wire) \u{2014} Ferries stopped.",
            "Ferries stopped.",
        );
        check(
            "Portvale, May 3 - Ferries stopped.",
            "Portvale, May 3 - Ferries stopped.",
        );
        check("NATO said 40 - 50 ships.", "NATO said 40 - 50 ships.");
        check("Ferries stopped - again.", "Ferries stopped - again.");
        assert!(starts_with_pronoun("They were withdrawn."));
        assert!(!starts_with_pronoun("Theirs is a harbour town."));
    }

    #[test]
    fn word_cap_keeps_whole_sentences() {
        let story = story();
        let (consensus, _) = consensus_and_disputes(&story);
        let found = summary(&story, &consensus, &[], SummaryLength::Words(12));
        let n_words: usize = found
            .iter()
            .map(|sentence| sentence.text.split_whitespace().count())
            .sum();
        assert!(n_words <= 12, "{found:?}");
        assert_eq!(
            found[0].text,
            "The Velmar port closure halted shipping on Monday."
        );
    }

    #[test]
    fn a_subset_cites_only_its_sources() {
        let story = story();
        let (consensus, disputes) = consensus_and_disputes(&story);
        let found = summary_of_sources(
            &story,
            &consensus,
            &disputes,
            &[1, 3],
            SummaryLength::Sentences(3),
        );
        assert!(
            found
                .iter()
                .all(|sentence| sentence.sources.iter().all(|&source| source != 2))
        );
        assert!(
            found
                .iter()
                .all(|sentence| sentence.kind != SummaryKind::Disputed)
        );
    }
}
