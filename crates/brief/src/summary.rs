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
//! word raised to [`LENGTH_EXPONENT`], with a bonus for an article's first sentence (news puts
//! the event first) and for corroboration. Disputes come first in the budget (at most
//! [`MAX_DISPUTED`]), stated as disputed with every side's sources. The output lists
//! corroborated statements first, then disputes, then single-source statements, each in the
//! order chosen.

use crate::consensus::independent_sources;
use crate::framing::n_loaded_words;
use parallax_model::{
    Citation, ConsensusItem, Dispute, DisputeKind, Span, Story, SummaryKind, SummarySentence,
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
}

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
const JUDGED_PENALTY: f64 = 0.5;

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
    let disputed_spans: Vec<&Span> = disputes
        .iter()
        .flat_map(|dispute| &dispute.sides)
        .flat_map(|side| &side.citations)
        .map(|citation| &citation.span)
        .collect();
    let is_disputed = |span: &Span| {
        disputed_spans.iter().any(|disputed| {
            disputed.article == span.article
                && disputed.start < span.end
                && span.start < disputed.end
        })
    };

    let mut budget = Budget::new(length);
    let mut chosen_disputes = Vec::new();
    let n_disputed_max = match length {
        SummaryLength::Sentences(n) => MAX_DISPUTED.min(n / 2),
        SummaryLength::Words(_) => MAX_DISPUTED,
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
        candidates.extend(corroborated(
            story,
            &citations,
            candidates.len(),
            &terms,
            &is_disputed,
        ));
    }
    for (idx, annotated) in story.articles.iter().enumerate() {
        let source = idx + 1;
        if !selected.contains(&source) {
            continue;
        }
        for (position, sentence) in annotated.sentences.iter().enumerate() {
            let text = annotated.sentence_text(sentence);
            let span = Span::new(
                annotated.article.id.clone(),
                sentence.range.start,
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
                group: candidates.len(),
                text: text.to_string(),
                terms: terms.of(text),
                position,
                judged: n_judged_words(text),
                sources: vec![source],
                spans: vec![span],
            });
        }
    }

    let mut covered: HashSet<String> = HashSet::new();
    let mut chosen: Vec<Candidate> = Vec::new();
    loop {
        let best = candidates
            .iter()
            .enumerate()
            .filter(|(_, candidate)| budget.allows(&candidate.text))
            .map(|(idx, candidate)| (candidate.gain(&weights, &covered), idx))
            .filter(|(gain, _)| *gain > 0.0)
            .max_by(|(gain_a, idx_a), (gain_b, idx_b)| {
                gain_a.total_cmp(gain_b).then(idx_b.cmp(idx_a))
            });
        let Some((_, idx)) = best else {
            break;
        };
        let candidate = candidates.swap_remove(idx);
        candidates.retain(|other| other.group != candidate.group);
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
            SummaryLength::Words(_) => text.split_whitespace().count(),
        }
    }

    fn limit(&self) -> usize {
        match self.length {
            SummaryLength::Sentences(n) | SummaryLength::Words(n) => n,
        }
    }

    fn allows(&self, text: &str) -> bool {
        self.used + self.cost(text) <= self.limit()
    }

    /// Whether `text` fits in half the summary: disputes take no more, so that the common
    /// ground is told too.
    fn half_allows(&self, text: &str) -> bool {
        match self.length {
            SummaryLength::Sentences(_) => self.allows(text),
            SummaryLength::Words(n) => self.used + self.cost(text) <= n / 2,
        }
    }

    fn take(&mut self, text: &str) {
        self.used += self.cost(text);
    }
}

/// A statement the summary may state.
struct Candidate {
    kind: SummaryKind,
    /// The statement it words: the wordings of one consensus group share it, and once one is
    /// chosen the others leave.
    group: usize,
    text: String,
    /// Content terms of the wording, deduplicated.
    terms: Vec<String>,
    /// Position of the sentence in its article (the earliest of a group), from 0.
    position: usize,
    /// Loaded, verdict and first-person words of the wording.
    judged: usize,
    sources: Vec<usize>,
    spans: Vec<Span>,
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
        let mut gain = content / n_words.powf(LENGTH_EXPONENT);
        if self.position == 0 {
            gain *= FIRST_SENTENCE_BONUS;
        }
        if self.kind == SummaryKind::Corroborated {
            gain *= CORROBORATED_BONUS;
        }
        gain / (1.0 + JUDGED_PENALTY * self.judged as f64)
    }
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

/// The candidates of one consensus group, numbered `group`: its most neutral wordings (fewest
/// judged words) that state no disputed value and are no direct quote; selection takes the one
/// that gains most and fits.
fn corroborated(
    story: &Story,
    citations: &[&Citation],
    group: usize,
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
        .map(|citation| Candidate {
            kind: SummaryKind::Corroborated,
            group,
            text: citation.text.clone(),
            terms: terms.of(&citation.text),
            position,
            judged: n_judged_words(&citation.text),
            sources: sources.clone(),
            spans: citations
                .iter()
                .map(|citation| citation.span.clone())
                .collect(),
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
        DisputeKind::Date => format!("Sources give different dates for {}", dispute.slot),
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
