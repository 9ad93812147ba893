//! Summary: a neutral account of the story in a few sentences, each citing its sources.
//!
//! Extractive. Candidates are the statements of the consensus (each group of matching sentences
//! in its most neutral wordings: those with the fewest loaded words, words of denial or verdict
//! and first-person words; selection picks among them), the short one-clause sentences that
//! give an agreed fact, cited by every source that gives it ("The talks were requested by the mayor."),
//! and the sentences only one independent source states. Direct quotes are never candidates (they are someone's position rather than a
//! fact), and neither is a sentence that states a disputed value in its own voice: that value
//! appears in a sentence stating the dispute, or in a sentence attributing it to who gives it
//! (the annotate stage's claim attribution: quoted or reported).
//!
//! Selection is greedy and budgeted: each time, the candidate of highest salience that fits
//! and says nothing a chosen one says, among the corroborated ones while any is left
//! ([`salience`]: a linear model fitted on NeuS/AllSides
//! train, whose strongest feature is coverage of concepts in the manner of Gillick & Favre's
//! ICSISumm, with words for concepts). A content term weighs a little, plus the share of the
//! other independent sources that use it, plus the share of the sources' headlines that use
//! it, so what several outlets report outweighs what one adds, as in a roundup of them; a
//! candidate's coverage is the weight of its terms not yet covered and a little per other word,
//! per word raised to [`LENGTH_EXPONENT`]. The other features are the sentence's place in its
//! article, its length, how its terms and its pairs of words are shared and in the headlines,
//! its similarity to the centroid of the story, whether it is corroborated, quotes, attributes,
//! judges or gives numbers, and, as the choice goes on, the share of its terms still new and of
//! its words past a cap where the caller cuts the text. The first choice has weights of its
//! own: it is made for what one statement says alone, a later one for what it adds.
//! A candidate is the sentence as the summary states it, [`compress`]ed (no dateline or wire
//! credit, opening connective or party tag), and read for its features as such; its spans cite
//! the sentence it comes from. A candidate the cap will cut is covered only by its words before
//! the cap.
//! Disputes come first in the budget (at most [`MAX_DISPUTED`]), stated as disputed with every
//! side's sources. The output lists corroborated statements first, then disputes, then
//! single-source statements, each in the order chosen.

mod compress;
mod salience;

pub(crate) use compress::compress;
pub use salience::{SALIENCE_FEATURES, Salience, SalienceError, WordPrior};

use crate::consensus::{independent_sources, n_independent};
use crate::corpus::Corpus;
use crate::framing::n_loaded_words;
use parallax_model::{
    AgreedFact, Annotated, ArticleId, Attribution, Citation, ConsensusItem, Dispute, DisputeKind,
    EntityKind, QuoteKind, Span, Story, SummaryKind, SummarySentence, dateline_len,
};
use parallax_text::Terms;
use salience::{COVERAGE, Features, N_FEATURES, NOVELTY, OVERFLOW};
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::rc::Rc;

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

/// Candidates sharing this share of their terms with a chosen sentence say the same again.
const REDUNDANT_OVERLAP: f64 = 0.6;
/// A single-source sentence with more loaded, verdict or first-person words than this (a
/// first-person word counts two) is one outlet's framing, with no more neutral wording to take
/// instead: the summary leaves it to the readings and the single-source section.
const MAX_JUDGED_SINGLE_SOURCE: usize = 1;
/// A sentence of fewer words is a fragment the segmenter left ("Moscow time."), not a
/// statement: dense in terms, so coverage would favour it, but it tells the reader nothing.
const MIN_WORDS: usize = 4;

/// A sentence giving an agreed fact states it with the fact's sources only when it is one clause
/// of at most this many words: a longer one, or one with a clause of its own ("The talks, which
/// A proposed, were hosted by B"), says more than the fact, which the others need not say.
const MAX_AGREED_FACT_WORDS: usize = 20;

/// At most this many sentences of a summary state disputes.
const MAX_DISPUTED: usize = 2;
/// A term used by one source only still weighs this much: it is content, just not shared.
const UNSHARED_WEIGHT: f64 = 0.05;
/// Weight a term gains from being used by every other source, in proportion to the share of them
/// that use it.
const SHARED_WEIGHT: f64 = 0.6;
/// Weight a term gains from being in every source's headline, in proportion to the share of
/// headlines that use it.
const HEADLINE_WEIGHT: f64 = 0.6;
/// Weight of a word that is no content term.
const FUNCTION_WORD_WEIGHT: f64 = 0.3;
/// Gain is divided by the number of words raised to this power: 0 favours long sentences, 1
/// favours dense ones.
const LENGTH_EXPONENT: f64 = 0.9;

/// The summary of the whole story; see [`summary_of_sources`].
pub fn summary(
    story: &Story,
    consensus: &[ConsensusItem],
    agreed: &[AgreedFact],
    disputes: &[Dispute],
    length: SummaryLength,
) -> Vec<SummarySentence> {
    let statements = Statements {
        story,
        consensus,
        agreed,
        disputes,
    };
    summary_from(&Corpus::new(story), &statements, length)
}

/// [`summary`] with the story's terms already stemmed.
pub(crate) fn summary_from(
    corpus: &Corpus,
    statements: &Statements<'_>,
    length: SummaryLength,
) -> Vec<SummarySentence> {
    let every_source: Vec<usize> = (1..=statements.story.articles.len()).collect();
    summary_of_sources_from(corpus, statements, &every_source, length)
}

/// What a summary is made from: the story with its consensus, agreed facts and disputes.
#[derive(Clone, Copy)]
pub(crate) struct Statements<'a> {
    pub(crate) story: &'a Story,
    pub(crate) consensus: &'a [ConsensusItem],
    pub(crate) agreed: &'a [AgreedFact],
    pub(crate) disputes: &'a [Dispute],
}

/// The summary of what the sources numbered `sources` (citation numbers, from 1) say, from the
/// brief's consensus and disputes: statements corroborated within those sources first, then
/// their disputes, then what one of them alone states. Each sentence cites only sources of the
/// subset; the readings per side call it with the sources of one side.
pub fn summary_of_sources(
    story: &Story,
    consensus: &[ConsensusItem],
    agreed: &[AgreedFact],
    disputes: &[Dispute],
    sources: &[usize],
    length: SummaryLength,
) -> Vec<SummarySentence> {
    let statements = Statements {
        story,
        consensus,
        agreed,
        disputes,
    };
    summary_of_sources_from(&Corpus::new(story), &statements, sources, length)
}

/// What the summary of a story is made from, its terms stemmed once: for making many summaries
/// of one story with different weights of the salience model, as fitting them does.
pub struct SummaryInputs<'a> {
    corpus: Corpus,
    statements: Statements<'a>,
}

impl std::fmt::Debug for SummaryInputs<'_> {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("SummaryInputs")
            .field("story", &self.statements.story.id)
            .finish_non_exhaustive()
    }
}

/// A statement the summary of a story may choose next, with what the salience model reads of
/// it given what is chosen: for fitting the model.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryCandidate {
    /// The wording.
    pub text: String,
    /// Corroborated or single-source.
    pub kind: SummaryKind,
    /// The value of each feature of [`SALIENCE_FEATURES`], in that order.
    pub features: Vec<f64>,
}

impl<'a> SummaryInputs<'a> {
    /// The inputs of the summary of `story`.
    pub fn new(
        story: &'a Story,
        consensus: &'a [ConsensusItem],
        agreed: &'a [AgreedFact],
        disputes: &'a [Dispute],
    ) -> SummaryInputs<'a> {
        SummaryInputs {
            corpus: Corpus::new(story),
            statements: Statements {
                story,
                consensus,
                agreed,
                disputes,
            },
        }
    }

    /// [`summary`], with the weights `salience`.
    pub fn summary(&self, length: SummaryLength, salience: &Salience) -> Vec<SummarySentence> {
        summary_with(
            &self.corpus,
            &self.statements,
            &self.every_source(),
            length,
            salience,
        )
    }

    /// [`summary`], each statement chosen by `choose` instead of by salience: given the summary
    /// so far (the statements chosen and the disputes, in the order of [`summary`]) and the
    /// statements eligible next with their features given what is chosen, the index of the next
    /// choice among them, or none to stop. The summary's rules choose what is eligible (it fits,
    /// states something new, says nothing a chosen statement says; a corroborated one leads);
    /// fitting the salience model lets a teacher that reads the reference choose among them.
    /// The feature that reads the prior over words reads `salience`'s; its weights choose
    /// nothing.
    pub fn summary_guided(
        &self,
        length: SummaryLength,
        salience: &Salience,
        mut choose: impl FnMut(&[SummarySentence], &[SummaryCandidate]) -> Option<usize>,
    ) -> Vec<SummarySentence> {
        let choices = choices(
            &self.corpus,
            &self.statements,
            &self.every_source(),
            length,
            salience,
        );
        let disputes = choices.disputes.clone();
        select(choices, |left, chosen, eligible| {
            let so_far = in_order(chosen, disputes.clone());
            let options: Vec<SummaryCandidate> = eligible
                .iter()
                .map(|(idx, features)| SummaryCandidate {
                    text: left[*idx].text.clone(),
                    kind: left[*idx].kind,
                    features: features.0.to_vec(),
                })
                .collect();
            choose(&so_far, &options)
        })
    }

    fn every_source(&self) -> Vec<usize> {
        (1..=self.statements.story.articles.len()).collect()
    }
}

/// [`summary_of_sources`] with the story's terms already stemmed.
pub(crate) fn summary_of_sources_from(
    corpus: &Corpus,
    statements: &Statements<'_>,
    sources: &[usize],
    length: SummaryLength,
) -> Vec<SummarySentence> {
    summary_with(corpus, statements, sources, length, Salience::fitted())
}

fn summary_with(
    corpus: &Corpus,
    statements: &Statements<'_>,
    sources: &[usize],
    length: SummaryLength,
    salience: &Salience,
) -> Vec<SummarySentence> {
    select(
        choices(corpus, statements, sources, length, salience),
        |_, chosen, eligible| {
            eligible
                .iter()
                .enumerate()
                .map(|(at, (_, features))| (salience.score(features, chosen.is_empty()), at))
                .max_by(|(score_a, at_a), (score_b, at_b)| {
                    score_a.total_cmp(score_b).then(at_b.cmp(at_a))
                })
                .map(|(_, at)| at)
        },
    )
}

/// The candidates that may be chosen next, by index among those left, with their features
/// given what is chosen.
type Eligible = [(usize, Features)];

/// The summary of `choices`, its statements chosen one at a time by `pick`: given the
/// candidates left, those chosen (in the order of choice) and the eligible ones, the position
/// in the eligible ones of the next choice, or none to stop. Eligible are the candidates that
/// fit, state something new and say nothing a chosen one says; while any corroborated
/// statement is eligible only corroborated ones are: corroborated facts come first, however
/// salient a single source's sentence is.
fn select(
    choices: Choices,
    mut pick: impl FnMut(&[Candidate], &[Candidate], &Eligible) -> Option<usize>,
) -> Vec<SummarySentence> {
    let Choices {
        disputes,
        mut candidates,
        mut budget,
        weights,
        n_terms,
    } = choices;
    let mut covered = vec![false; n_terms];
    // Whether a candidate says again what a chosen one says; once so, always so, so each is
    // checked against each chosen candidate once, when that one is chosen.
    let mut redundant = vec![false; candidates.len()];
    let mut in_chosen = vec![false; n_terms];
    let mut quoted: Vec<Vec<u64>> = candidates
        .iter()
        .map(|candidate| quoted_runs(&candidate.text))
        .collect();
    let mut chosen: Vec<Candidate> = Vec::new();
    let mut eligible: Vec<(usize, Features)> = Vec::new();
    loop {
        eligible.clear();
        eligible.extend(
            candidates
                .iter()
                .enumerate()
                .filter(|(idx, candidate)| !redundant[*idx] && budget.allows(candidate.n_words))
                .filter_map(|(idx, candidate)| {
                    Some((
                        idx,
                        candidate.features_given(&weights, &covered, budget.remaining())?,
                    ))
                }),
        );
        let corroborated = |(idx, _): &(usize, Features)| {
            candidates[*idx].kind == SummaryKind::Corroborated && !candidates[*idx].by_clauses
        };
        if eligible.iter().any(corroborated) {
            eligible.retain(corroborated);
        }
        let Some(&(idx, _)) = pick(&candidates, &chosen, &eligible).and_then(|at| eligible.get(at))
        else {
            break;
        };
        let candidate = candidates.swap_remove(idx);
        redundant.swap_remove(idx);
        let candidate_quoted = quoted.swap_remove(idx);
        budget.take(candidate.n_words);
        for &term in &candidate.terms {
            covered[term as usize] = true;
            in_chosen[term as usize] = true;
        }
        for ((other, is_redundant), other_quoted) in
            candidates.iter().zip(redundant.iter_mut()).zip(&quoted)
        {
            // Two sentences quoting the same words report one statement ("… will do the right
            // thing and step aside", by the press secretary and in the statement).
            *is_redundant |= other_quoted
                .iter()
                .any(|run| candidate_quoted.binary_search(run).is_ok());
            // Another wording of the same consensus statement cites the same spans.
            *is_redundant |=
                other.kind == SummaryKind::Corroborated && other.spans == candidate.spans;
            *is_redundant |=
                term_overlap(&other.terms, &candidate.terms, &in_chosen) >= REDUNDANT_OVERLAP;
            // A sentence holding a clause that corroborates a sentence says it again.
            *is_redundant |= corroborates_by_clause(other, &candidate)
                || corroborates_by_clause(&candidate, other);
        }
        for &term in &candidate.terms {
            in_chosen[term as usize] = false;
        }
        chosen.push(candidate);
    }
    in_order(&chosen, disputes)
}

/// Whether `sentence` holds one of the clauses corroborating `corroborated`.
fn corroborates_by_clause(sentence: &Candidate, corroborated: &Candidate) -> bool {
    corroborated.by_clauses
        && corroborated.spans.iter().any(|span| {
            span.article == sentence.own_span.article
                && sentence.own_span.start <= span.start
                && span.end <= sentence.own_span.end
        })
}

/// The summary of the `chosen` candidates, in the order of choice, and the `disputes`: the
/// corroborated statements first, then the disputes, then the single-source statements.
fn in_order(chosen: &[Candidate], disputes: Vec<SummarySentence>) -> Vec<SummarySentence> {
    let mut sentences: Vec<SummarySentence> = Vec::new();
    sentences.extend(
        chosen
            .iter()
            .filter(|candidate| candidate.kind == SummaryKind::Corroborated)
            .map(Candidate::sentence),
    );
    sentences.extend(disputes);
    sentences.extend(
        chosen
            .iter()
            .filter(|candidate| candidate.kind == SummaryKind::SingleSource)
            .map(Candidate::sentence),
    );
    sentences
}

/// What the summary chooses from: the dispute sentences it states (chosen first, within half
/// the budget), the candidate statements with their features, the budget left, and the weight
/// of each content term by id.
struct Choices {
    disputes: Vec<SummarySentence>,
    candidates: Vec<Candidate>,
    budget: Budget,
    weights: Vec<f64>,
    n_terms: usize,
}

/// The disputes and candidates of a summary of the sources numbered `sources`; see
/// [`summary_of_sources`].
fn choices<'s>(
    corpus: &Corpus,
    statements: &Statements<'s>,
    sources: &[usize],
    length: SummaryLength,
    salience: &Salience,
) -> Choices {
    let Statements {
        story,
        consensus,
        agreed,
        disputes,
    } = *statements;
    let selected: HashSet<usize> = sources.iter().copied().collect();
    let independent = independent_sources(story);
    let term_stats = TermStats::new(corpus, &selected, &independent);
    let mut vocabulary = Vocabulary {
        corpus,
        terms: Terms::new(Some("en")),
        extra: HashMap::new(),
    };
    let disputed_spans = DisputedSpans::new(disputes);
    let in_dispute = |span: &Span| disputed_spans.holds(span);
    // A sentence stating a disputed value in its own voice would take one side; one that
    // attributes it ("police said", "according to") states whose figure it is.
    let is_disputed =
        |source: usize, span: &Span| disputed_spans.in_own_voice(&story.articles[source - 1], span);
    let states_disputed_value = |citation: &Citation| is_disputed(citation.source, &citation.span);
    // A sentence that agrees with others on a clause or a fact only is cited by them for that
    // much: a disputed value it gives, even attributed ("detained 11 people, according to
    // police"), is not theirs to cite.
    let gives_disputed_value = |citation: &Citation| in_dispute(&citation.span);

    let mut budget = Budget::new(length);
    let mut chosen_disputes: Vec<SummarySentence> = Vec::new();
    let n_disputed_max = match length {
        SummaryLength::Sentences(n) => MAX_DISPUTED.min(n / 2),
        SummaryLength::Words(_) | SummaryLength::FillWords(_) => MAX_DISPUTED,
    };
    // Disputes of different kinds first (a figure, who acted, whether it happened): two
    // disputes over figures tell the reader less than a figure and a denied statement. Within
    // a kind, in the order given (most sources first).
    let mut kinds_stated: Vec<DisputeKind> = Vec::new();
    let mut taken = vec![false; disputes.len()];
    for new_kinds_only in [true, false] {
        for (idx, dispute) in disputes.iter().enumerate() {
            if chosen_disputes.len() == n_disputed_max {
                break;
            }
            if taken[idx] || (new_kinds_only && kinds_stated.contains(&dispute.kind)) {
                continue;
            }
            let Some(sentence) = disputed(dispute, &selected) else {
                continue;
            };
            let n_words = sentence.text.split_whitespace().count();
            if budget.half_allows(n_words) {
                budget.take(n_words);
                chosen_disputes.push(sentence);
                kinds_stated.push(dispute.kind);
                taken[idx] = true;
            }
        }
    }

    let mut candidates: Vec<Candidate> = Vec::new();
    let mut in_groups: HashSet<(usize, usize)> = HashSet::new();
    let corroborating =
        |citations: Vec<&'s Citation>| corroborating(citations, &selected, &independent);
    // A sentence that agrees with others on one clause only is not corroborated as a whole,
    // and the summary states whole sentences.
    for item in consensus.iter().filter(|item| !item.in_clauses) {
        let Some((citations, n_independent)) = corroborating(item.citations.iter().collect())
        else {
            continue;
        };
        let n_before = candidates.len();
        in_groups.extend(
            citations
                .iter()
                .map(|citation| (citation.source, citation.span.start)),
        );
        candidates.extend(corroborated(
            story,
            corpus,
            &citations,
            &mut vocabulary,
            &disputed_spans,
            &states_disputed_value,
            &independent,
        ));
        for candidate in &mut candidates[n_before..] {
            candidate.n_sources_share = n_independent as f64 / term_stats.n_sources;
        }
    }
    // A sentence that is all of one clause of a clause group ("Ruiz said on Monday that the
    // port would close", the others: "…, Ruiz said the port would close, a blow to …") says
    // nothing the others' clauses do not: it is corroborated by them. Their longer sentences
    // are not, and stay single-source candidates, which it competes with (the sentence groups'
    // statements come first; a clause agreeing first cost NeuS ROUGE-1 0.13).
    for item in consensus.iter().filter(|item| item.in_clauses) {
        let Some((citations, n_independent)) = corroborating(item.citations.iter().collect())
        else {
            continue;
        };
        let is_whole_sentence = |citation: &Citation| {
            story.articles[citation.source - 1]
                .sentences
                .iter()
                .any(|sentence| {
                    sentence.range.start == citation.span.start
                        && sentence.range.end == citation.span.end
                })
        };
        let mut whole = corroborated(
            story,
            corpus,
            &citations,
            &mut vocabulary,
            &disputed_spans,
            &|citation: &Citation| !is_whole_sentence(citation) || gives_disputed_value(citation),
            &independent,
        );
        for candidate in &mut whole {
            candidate.by_clauses = true;
        }
        let share = n_independent as f64 / term_stats.n_sources;
        admit(&mut candidates, &mut in_groups, whole, share);
    }
    // A short sentence giving a fact two or more sources give alike ([`MAX_AGREED_FACT_WORDS`])
    // states it with all of them ("The talks were requested by the mayor.", the others:
    // "initiated by the Velmar mayor"), though their sentences match it no better than on that
    // fact.
    for fact in agreed {
        let citations = fact.values.iter().flat_map(|value| &value.citations);
        let Some((citations, n_independent)) = corroborating(citations.collect()) else {
            continue;
        };
        let mut stating = corroborated(
            story,
            corpus,
            &citations,
            &mut vocabulary,
            &disputed_spans,
            &gives_disputed_value,
            &independent,
        );
        stating.retain(|candidate| {
            candidate.n_words <= MAX_AGREED_FACT_WORDS
                && crate::clauses::clause_ranges(&candidate.text).len() == 1
        });
        let share = n_independent as f64 / term_stats.n_sources;
        admit(&mut candidates, &mut in_groups, stating, share);
    }
    for (idx, annotated) in story.articles.iter().enumerate() {
        let source = idx + 1;
        // A near-duplicate's sentences are its original's: the original speaks for both.
        let copy_of_selected =
            independent[idx] != idx && selected.contains(&(independent[idx] + 1));
        if !selected.contains(&source) || copy_of_selected {
            continue;
        }
        for (position, (sentence, wording)) in annotated
            .sentences
            .iter()
            .zip(&corpus.sentences[idx])
            .enumerate()
        {
            let dateline = wording.dateline;
            let text = wording.text.as_str();
            let span = Span::new(
                annotated.article.id.clone(),
                sentence.range.start + dateline,
                sentence.range.end,
            );
            // Consensus citations span the whole sentence, its dateline included.
            if in_groups.contains(&(source, sentence.range.start))
                || wording.n_body_words < MIN_WORDS
                || wording.n_judged > MAX_JUDGED_SINGLE_SOURCE
                || starts_with_quote(text)
                || is_fragment(text)
                || announces_quote(annotated, &sentence.range)
                || is_disputed(source, &span)
            {
                continue;
            }
            let (text, terms, first_word, n_words) = match restate(annotated, &sentence.range, text)
            {
                Restated::LeftOut => continue,
                // A quotation's rest, given its mark back, opens with a quotation as those
                // left out above do.
                Restated::Rewritten(text) if starts_with_quote(&text) => continue,
                Restated::Rewritten(text) => vocabulary.unlocated(text),
                Restated::AsWritten => (
                    text.to_string(),
                    wording.body_terms.clone(),
                    wording.first_word.clone(),
                    wording.n_body_words,
                ),
            };
            if leans_on_the_sentence_before(&text) {
                continue;
            }
            candidates.push(Candidate {
                kind: SummaryKind::SingleSource,
                opens_with_pronoun: starts_with_pronoun(&text),
                text,
                terms,
                first_word,
                n_words,
                position,
                judged: wording.n_judged,
                source,
                own_span: span.clone(),
                n_sources_share: 1.0 / term_stats.n_sources,
                features: Features([0.0; N_FEATURES]),
                sources: vec![source],
                cited: Rc::from([span.clone()]),
                spans: Rc::from([span]),
                by_clauses: false,
            });
        }
    }

    let n_terms = vocabulary.n_terms();
    let context = FeatureContext::new(
        story,
        corpus,
        &term_stats,
        n_terms,
        &selected,
        &independent,
        salience.word_prior(),
    );
    for candidate in &mut candidates {
        candidate.features = context.features(candidate);
    }
    Choices {
        disputes: chosen_disputes,
        candidates,
        budget,
        weights: term_stats.weights(),
        n_terms,
    }
}

/// The sentences giving a side of a dispute.
struct DisputedSpans<'d> {
    disputes: &'d [Dispute],
    by_article: HashMap<&'d ArticleId, Vec<SideSentence>>,
}

/// A sentence's bytes in its article, and the dispute and side it gives.
struct SideSentence {
    range: Range<usize>,
    dispute_idx: usize,
    side_idx: usize,
}

impl<'d> DisputedSpans<'d> {
    fn new(disputes: &'d [Dispute]) -> DisputedSpans<'d> {
        let mut by_article: HashMap<&ArticleId, Vec<_>> = HashMap::new();
        for (dispute_idx, dispute) in disputes.iter().enumerate() {
            for (side_idx, side) in dispute.sides.iter().enumerate() {
                for citation in &side.citations {
                    by_article
                        .entry(&citation.span.article)
                        .or_default()
                        .push(SideSentence {
                            range: citation.span.start..citation.span.end,
                            dispute_idx,
                            side_idx,
                        });
                }
            }
        }
        DisputedSpans {
            disputes,
            by_article,
        }
    }

    /// The disputes and sides that the sentences overlapping `span` give.
    fn sides_in<'a>(&'a self, span: &'a Span) -> impl Iterator<Item = (usize, usize)> + 'a {
        self.by_article
            .get(&span.article)
            .into_iter()
            .flatten()
            .filter(|side| side.range.start < span.end && span.start < side.range.end)
            .map(|side| (side.dispute_idx, side.side_idx))
    }

    /// Whether `span` overlaps a sentence giving a side of a dispute.
    fn holds(&self, span: &Span) -> bool {
        self.sides_in(span).next().is_some()
    }

    /// Whether the sentence at `span` of `annotated` gives a side of a dispute in the writer's
    /// own voice. A value the sentence's words hold is attributed when a quote's content holds
    /// it: "the delegation walked out, leaving mediators to announce that the talks would
    /// resume on 17 March" reports the date, and states the walk-out. A statement of an
    /// assertion dispute (the sentence as a whole), or a value its words do not hold as
    /// written, is attributed when any claim of the sentence is.
    fn in_own_voice(&self, annotated: &Annotated, span: &Span) -> bool {
        self.sides_in(span).any(|(dispute_idx, side_idx)| {
            let dispute = &self.disputes[dispute_idx];
            let value = dispute.sides[side_idx].value.as_str();
            // A date's value ends with its expression as written: "2026-03-17 (March 17)".
            let written = value
                .strip_suffix(')')
                .and_then(|rest| rest.rsplit_once(" ("))
                .map_or(value, |(_, written)| written);
            let at = (dispute.kind != DisputeKind::Assertion)
                .then(|| annotated.article.text.get(span.start..span.end))
                .flatten()
                .and_then(|sentence| sentence.find(written))
                .map(|offset| span.start + offset);
            match at {
                Some(at) => !annotated.quotes.iter().any(|quote| {
                    reports_speech(annotated, quote)
                        && std::iter::once(&quote.content)
                            .chain(&quote.continuation)
                            .any(|content| content.contains(&at))
                }),
                None => !is_attributed(annotated, span.start),
            }
        })
    }

    /// The disputes and sides the sentences overlapping `span` give, those of assertion
    /// disputes left aside: assertions are found with far less certainty than values (a denial
    /// matched to the wrong statement would take a source's citation from a sentence it agrees
    /// with).
    fn value_sides(&self, span: &Span) -> Vec<(usize, usize)> {
        self.sides_in(span)
            .filter(|&(dispute_idx, _)| self.disputes[dispute_idx].kind != DisputeKind::Assertion)
            .collect()
    }

    /// Whether a sentence giving the [`Self::value_sides`] `others` gives a value of a disputed
    /// slot that one giving `sides` gives a value of, and none that is the same as or
    /// compatible with one of `sides`.
    fn contradicts(&self, sides: &[(usize, usize)], others: &[(usize, usize)]) -> bool {
        let agrees = |dispute_idx: usize, side_idx: usize, other_idx: usize| {
            side_idx == other_idx
                || self.disputes[dispute_idx].sides[side_idx]
                    .compatible_with
                    .contains(&other_idx)
        };
        others.iter().any(|&(dispute_idx, _)| {
            sides.iter().any(|&(idx, _)| idx == dispute_idx)
                && !others.iter().any(|&(other_dispute, other_side)| {
                    other_dispute == dispute_idx
                        && sides.iter().any(|&(idx, side_idx)| {
                            idx == dispute_idx && agrees(idx, side_idx, other_side)
                        })
                })
        })
    }
}

/// Adds corroborated `wordings` stated by `share` of the summarized sources to `candidates`,
/// their sentences to `in_groups`, so that none is also a single-source candidate.
fn admit(
    candidates: &mut Vec<Candidate>,
    in_groups: &mut HashSet<(usize, usize)>,
    wordings: Vec<Candidate>,
    share: f64,
) {
    for mut wording in wordings {
        wording.n_sources_share = share;
        in_groups.insert((wording.source, wording.own_span.start));
        candidates.push(wording);
    }
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

    /// What a sentence of `n_words` words (as separated by whitespace) costs.
    fn cost(&self, n_words: usize) -> usize {
        match self.length {
            SummaryLength::Sentences(_) => 1,
            SummaryLength::Words(_) | SummaryLength::FillWords(_) => n_words,
        }
    }

    fn limit(&self) -> usize {
        match self.length {
            SummaryLength::Sentences(n) | SummaryLength::Words(n) | SummaryLength::FillWords(n) => {
                n
            }
        }
    }

    /// The words left before a [`SummaryLength::FillWords`] cap, where a caller cuts the text:
    /// what a sentence says past them is lost.
    fn remaining(&self) -> Option<usize> {
        match self.length {
            SummaryLength::FillWords(n) => Some(n.saturating_sub(self.used)),
            SummaryLength::Sentences(_) | SummaryLength::Words(_) => None,
        }
    }

    fn allows(&self, n_words: usize) -> bool {
        match self.length {
            SummaryLength::FillWords(n) => self.used < n,
            _ => self.used + self.cost(n_words) <= self.limit(),
        }
    }

    /// Whether a sentence of `n_words` fits in half the summary: disputes take no more, so
    /// that the common ground is told too.
    fn half_allows(&self, n_words: usize) -> bool {
        match self.length {
            SummaryLength::Sentences(_) => self.allows(n_words),
            SummaryLength::Words(n) | SummaryLength::FillWords(n) => {
                self.used + self.cost(n_words) <= n / 2
            }
        }
    }

    fn take(&mut self, n_words: usize) {
        self.used += self.cost(n_words);
    }
}

/// A statement the summary may state.
struct Candidate {
    kind: SummaryKind,
    /// The wording as the summary states it ([`compress`]ed).
    text: String,
    /// Content terms of the wording, deduplicated, in the order of their spelling.
    terms: Vec<u32>,
    /// For each of `terms`, the whitespace-separated word of the wording where it is first
    /// used, from 0.
    first_word: Vec<usize>,
    /// Words of the wording, as separated by whitespace.
    n_words: usize,
    /// Position of the sentence in its article (the earliest of a group), from 0.
    position: usize,
    /// Loaded, verdict and first-person words of the wording.
    judged: usize,
    /// Whether the wording opens with a pronoun ([`starts_with_pronoun`]).
    opens_with_pronoun: bool,
    /// The source of the wording (citation number, from 1) and its words.
    source: usize,
    own_span: Span,
    /// The share of the summarized independent sources that state it.
    n_sources_share: f64,
    /// Its features, but [`COVERAGE`], which depends on what is chosen before it
    /// ([`Candidate::features_given`]).
    features: Features,
    /// The sources the wording is cited by, and their sentences.
    sources: Vec<usize>,
    /// Shared by the wordings of a group, which most often cite the same.
    cited: Rc<[Span]>,
    /// The sentences of its consensus group, the wording's own among them: two wordings of one
    /// group say the same. Shared by them.
    spans: Rc<[Span]>,
    /// Whether it is corroborated by other sources' clauses only, not by their sentences.
    by_clauses: bool,
}

impl Candidate {
    fn sentence(&self) -> SummarySentence {
        SummarySentence {
            text: self.text.clone(),
            kind: self.kind,
            sources: self.sources.clone(),
            spans: self.cited.to_vec(),
        }
    }

    /// Its features once the terms marked in `covered` are stated; none when it states nothing
    /// new. `weights` and `covered` are by term id; a term past `weights` weighs
    /// [`UNSHARED_WEIGHT`].
    fn features_given(
        &self,
        weights: &[f64],
        covered: &[bool],
        remaining: Option<usize>,
    ) -> Option<Features> {
        let n_new = self
            .terms
            .iter()
            .filter(|&&term| !covered[term as usize])
            .count();
        if n_new == 0 {
            return None;
        }
        // A wording cut at the cap states only the words before it.
        let n_kept_words = remaining.map_or(self.n_words, |remaining| self.n_words.min(remaining));
        let kept_terms = || {
            self.terms
                .iter()
                .zip(&self.first_word)
                .filter(move |(_, first_word)| **first_word < n_kept_words)
                .map(|(term, _)| term)
        };
        let content: f64 = kept_terms()
            .filter(|&&term| !covered[term as usize])
            .map(|&term| {
                weights
                    .get(term as usize)
                    .copied()
                    .unwrap_or(UNSHARED_WEIGHT)
            })
            .sum();
        // Words that are no content term (function words, repeats) still carry some of what a
        // reader is told, less than a content word.
        let n_other_words = n_kept_words.saturating_sub(kept_terms().count()) as f64;
        let n_words = n_kept_words.max(1) as f64;
        let mut features = self.features;
        features.0[COVERAGE] =
            (content + FUNCTION_WORD_WEIGHT * n_other_words) / n_words.powf(LENGTH_EXPONENT);
        features.0[NOVELTY] = n_new as f64 / self.terms.len() as f64;
        features.0[OVERFLOW] = remaining.map_or(0.0, |remaining| {
            self.n_words.saturating_sub(remaining) as f64 / self.n_words.max(1) as f64
        });
        Some(features)
    }
}

/// Shared terms over the terms of the shorter of the two; `in_b` marks the terms of `b` by id.
/// Both are deduplicated.
fn term_overlap(a: &[u32], b: &[u32], in_b: &[bool]) -> f64 {
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        return 0.0;
    }
    let n_shared = a.iter().filter(|&&term| in_b[term as usize]).count();
    n_shared as f64 / smaller as f64
}

/// Term ids of the story's corpus, and of terms it lacks (a consensus item a caller made up
/// may quote text that is no sentence of the story).
struct Vocabulary<'a> {
    corpus: &'a Corpus,
    terms: Terms,
    extra: HashMap<String, u32>,
}

impl Vocabulary<'_> {
    /// `text`, which is no sentence of the story as written, with its terms, where each term
    /// is first used (without its words located, each counts as used from the start), and its
    /// number of words.
    fn unlocated(&mut self, text: String) -> (String, Vec<u32>, Vec<usize>, usize) {
        let terms = self.of(&text);
        let first_word = vec![0; terms.len()];
        let n_words = text.split_whitespace().count();
        (text, terms, first_word, n_words)
    }

    /// The content terms of `text`, as [`Terms::of`] gives them, as ids.
    fn of(&mut self, text: &str) -> Vec<u32> {
        self.terms
            .of(text)
            .into_iter()
            .map(|term| match self.corpus.id(&term) {
                Some(id) => id,
                None => {
                    let next_id = (self.corpus.n_terms() + self.extra.len()) as u32;
                    *self.extra.entry(term).or_insert(next_id)
                }
            })
            .collect()
    }

    fn n_terms(&self) -> usize {
        self.corpus.n_terms() + self.extra.len()
    }
}

/// Whether `text`, as the summary would state it, opens with what only the sentence before it
/// in its article tells (an unnamed person, a moment, or a thing pointed back to) or points
/// back to a claim it told. A summary puts its sentences in another order, so it is no candidate.
fn leans_on_the_sentence_before(text: &str) -> bool {
    opens_with_unnamed_person(text)
        || opens_after_an_untold_moment(text)
        || opens_pointing_back(text)
        || points_back_to_a_claim(text)
}

/// Whether `text` ends on a claim the sentence before told ("… is disputing that argument.",
/// "Ruiz denied the allegations.") or names one as "the same": what is disputed, denied or
/// repeated is not in the summary.
fn points_back_to_a_claim(text: &str) -> bool {
    const CLAIMS: &[&str] = &[
        "claim",
        "claims",
        "allegation",
        "allegations",
        "accusation",
        "accusations",
        "charge",
        "charges",
        "argument",
        "arguments",
        "report",
        "reports",
    ];
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|word| !word.is_empty())
        .collect();
    let ends_on_one = match words[..] {
        [.., determiner, last] => {
            matches!(determiner, "the" | "that" | "this" | "these" | "those")
                && CLAIMS.contains(&last)
        }
        _ => false,
    };
    // "Ruiz made the same argument on the stump."
    let the_same_one = words
        .windows(3)
        .any(|run| run[0] == "the" && run[1] == "same" && CLAIMS.contains(&run[2]));
    ends_on_one || the_same_one
}

/// Whether `text` opens at a moment told only by the sentence before it ("Then …",
/// "Twenty-three minutes later, …", "The next day, …", "Later in the day, …"): a summary puts
/// its sentences in another order, where the moment is no longer told.
fn opens_after_an_untold_moment(text: &str) -> bool {
    const UNITS: &[&str] = &[
        "seconds", "minutes", "hours", "days", "weeks", "months", "years", "second", "minute",
        "hour", "day", "week", "month", "year",
    ];
    const PARTS_OF_DAY: &[&str] = &["day", "night", "morning", "afternoon", "evening", "week"];
    const AFTER: &[&str] = &["later", "earlier", "afterward", "afterwards"];
    let first_ends_phrase = text
        .split_whitespace()
        .next()
        .is_some_and(|first| first.ends_with(','));
    let words: Vec<String> = text
        .split_whitespace()
        .take(4)
        .map(|word| {
            word.trim_end_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let word = |idx: usize| words.get(idx).map_or("", String::as_str);
    match word(0) {
        "then" | "afterward" | "afterwards" | "thereafter" | "subsequently" => true,
        "later" | "earlier" | "moments" | "minutes" | "hours" if first_ends_phrase => true,
        "moments" | "minutes" | "hours" | "days" | "weeks" => AFTER.contains(&word(1)),
        "later" | "earlier" => {
            word(1) == "that" && PARTS_OF_DAY.contains(&word(2))
                || word(1) == "in" && word(2) == "the" && PARTS_OF_DAY.contains(&word(3))
        }
        "that" => PARTS_OF_DAY.contains(&word(1)) && word(1) != "week",
        "the" => {
            matches!(word(1), "next" | "following" | "previous") && PARTS_OF_DAY.contains(&word(2))
        }
        _ => (1..=2).any(|idx| UNITS.contains(&word(idx)) && AFTER.contains(&word(idx + 1))),
    }
}

/// Words that point back to something said before.
const ANAPHORIC_OPENERS: &[&str] = &[
    "he", "she", "it", "they", "his", "her", "its", "their", "this", "these", "those", "that",
    "such", "both", "there",
];

/// Whether `text` opens with a personal or possessive pronoun for people ("He", "Her", "They")
/// that no resolution named: alone in a summary, it stands for whoever the sentence before
/// names, which is seldom the person meant.
fn opens_with_unnamed_person(text: &str) -> bool {
    let first = text
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    matches!(first, "He" | "She" | "They" | "His" | "Her" | "Their")
}

/// Nouns that, after "The" opening a sentence, name an act or event the sentence before told
/// ("The move comes after …", "The announcement comes on the 35th day …").
const SHELL_NOUNS: &[&str] = &[
    "move",
    "decision",
    "remarks",
    "remark",
    "comments",
    "comment",
    "statement",
    "announcement",
    "incident",
    "episode",
    "development",
];

/// Whether `text` opens with a word pointing back to what the sentence before told ("This
/// followed a vote …", "That money includes …", "Those actions include …", "It has been
/// prosecuted …", "The move …"), which a summary in another order no longer tells. Not a time
/// ("This week …"), "This is" or "It was" (most often what comes after), nor "Those who …",
/// "Those wondering …".
pub(crate) fn opens_pointing_back(text: &str) -> bool {
    const TIMES: &[&str] = &[
        "day",
        "night",
        "week",
        "year",
        "month",
        "morning",
        "afternoon",
        "evening",
        "weekend",
        "summer",
        "spring",
        "fall",
        "autumn",
        "winter",
        "season",
        "time",
    ];
    let mut words = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|word| !word.is_empty());
    let first = words.next().unwrap_or_default();
    let second = words.next().unwrap_or_default();
    let says_what_follows = TIMES.contains(&second) || matches!(second, "is" | "was");
    let people_described = matches!(first, "Those" | "These")
        && (second == "who" || (second.len() > 4 && second.ends_with("ing")));
    // "The move", "The statement": a noun that names what the sentence before told.
    let names_the_told = first == "The" && SHELL_NOUNS.contains(&second);
    names_the_told
        || matches!(
            first,
            "This" | "That" | "These" | "Those" | "Such" | "It" | "Its"
        ) && !says_what_follows
            && !people_described
}

fn starts_with_pronoun(text: &str) -> bool {
    text.split_whitespace().next().is_some_and(|word| {
        let word = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        ANAPHORIC_OPENERS.contains(&word.as_str())
    })
}

/// How the independent sources among those summarized use each content term, by id.
struct TermStats {
    /// The share of the other sources that use it (in text or headline): 0 for a term one
    /// source uses, 1 for one every source uses.
    shared: Vec<f64>,
    /// The share of the sources whose headline uses it.
    in_headlines: Vec<f64>,
    /// How many independent sources are summarized.
    n_sources: f64,
}

impl TermStats {
    fn new(corpus: &Corpus, selected: &HashSet<usize>, independent: &[usize]) -> TermStats {
        let mut users: Vec<(u32, usize)> = Vec::new();
        let mut headline_users: Vec<(u32, usize)> = Vec::new();
        let mut sources: Vec<usize> = Vec::new();
        for (idx, (terms, headline)) in corpus
            .article_terms
            .iter()
            .zip(&corpus.headline_terms)
            .enumerate()
        {
            if selected.contains(&(idx + 1)) {
                users.extend(terms.iter().map(|&term| (term, independent[idx])));
                headline_users.extend(headline.iter().map(|&term| (term, independent[idx])));
                sources.push(independent[idx]);
            }
        }
        sources.sort_unstable();
        sources.dedup();
        let n_sources = sources.len().max(1) as f64;
        let n_others = (sources.len().max(2) - 1) as f64;
        let count = |mut pairs: Vec<(u32, usize)>| {
            pairs.sort_unstable();
            pairs.dedup();
            let mut n_users = vec![0_usize; corpus.n_terms()];
            for (term, _) in pairs {
                n_users[term as usize] += 1;
            }
            n_users
        };
        TermStats {
            shared: count(users)
                .into_iter()
                .map(|n| n.saturating_sub(1) as f64 / n_others)
                .collect(),
            in_headlines: count(headline_users)
                .into_iter()
                .map(|n| n as f64 / n_sources)
                .collect(),
            n_sources,
        }
    }

    /// Weight of each term: [`UNSHARED_WEIGHT`], plus [`SHARED_WEIGHT`] times the share of the
    /// other sources that use it, plus [`HEADLINE_WEIGHT`] times the share of the sources whose
    /// headline uses it. What several outlets report is what a roundup of them restates.
    fn weights(&self) -> Vec<f64> {
        self.shared
            .iter()
            .zip(&self.in_headlines)
            .map(|(shared, in_headlines)| {
                UNSHARED_WEIGHT + SHARED_WEIGHT * shared + HEADLINE_WEIGHT * in_headlines
            })
            .collect()
    }
}

/// What the features of candidates are computed from, once per summary.
struct FeatureContext<'a> {
    story: &'a Story,
    corpus: &'a Corpus,
    term_stats: &'a TermStats,
    /// Whether any summarized source's headline uses the term, by id, and how many terms do.
    in_a_headline: Vec<bool>,
    n_headline_terms: usize,
    /// Per article, the sorted starts of its entity mentions and of its time expressions.
    mention_starts: Vec<Vec<usize>>,
    time_starts: Vec<Vec<usize>>,
    /// How many summarized independent sources use each pair of consecutive words (by hash)
    /// in their text or headline.
    bigram_users: HashMap<u64, usize>,
    /// The weight of each term in the centroid of the summarized sentences (tf-idf, sentences
    /// as the documents), and its inverse sentence frequency, by id; the centroid's norm.
    centroid: Vec<f64>,
    idf: Vec<f64>,
    centroid_norm: f64,
    /// The [`WordPrior`] weight of each term, by id.
    prior: Vec<f64>,
}

/// Hashes of the pairs of consecutive lowercase words of `text`.
/// Words in a row that two quotations must share to be one statement quoted twice.
const QUOTED_RUN_WORDS: usize = 5;

/// The runs of [`QUOTED_RUN_WORDS`] words inside the quotation marks of `text`, lowercased and
/// hashed, sorted.
fn quoted_runs(text: &str) -> Vec<u64> {
    let mut runs = Vec::new();
    let mut inside = false;
    let mut quotation = String::new();
    for c in text.chars() {
        let closes = match c {
            '\u{201c}' => false,
            '\u{201d}' => true,
            '"' => inside,
            _ => {
                if inside {
                    quotation.push(c);
                }
                continue;
            }
        };
        if closes && inside {
            runs.extend(window_hashes(&quotation, QUOTED_RUN_WORDS));
        }
        inside = !closes;
        quotation.clear();
    }
    runs.sort_unstable();
    runs.dedup();
    runs
}

pub(crate) fn bigram_hashes(text: &str) -> Vec<u64> {
    window_hashes(text, 2)
}

/// The hash of every run of `n` words of `text` in a row, lowercased, in text order.
fn window_hashes(text: &str, n: usize) -> Vec<u64> {
    use std::hash::{Hash, Hasher};
    // The words lowercased into one buffer, not a string each: this runs over every article.
    let mut lowercase = String::with_capacity(text.len());
    let mut ends: Vec<usize> = Vec::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
    {
        if word.is_ascii() {
            lowercase.extend(
                word.bytes()
                    .map(|byte| char::from(byte.to_ascii_lowercase())),
            );
        } else {
            lowercase.push_str(&word.to_lowercase());
        }
        ends.push(lowercase.len());
    }
    let words: Vec<&str> = std::iter::once(0)
        .chain(ends.iter().copied())
        .zip(&ends)
        .map(|(start, &end)| &lowercase[start..end])
        .collect();
    words
        .windows(n)
        .map(|run| {
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            run.hash(&mut hasher);
            hasher.finish()
        })
        .collect()
}

impl<'a> FeatureContext<'a> {
    fn new(
        story: &'a Story,
        corpus: &'a Corpus,
        term_stats: &'a TermStats,
        n_terms: usize,
        selected: &HashSet<usize>,
        independent: &[usize],
        word_prior: &WordPrior,
    ) -> FeatureContext<'a> {
        let mut bigram_users: HashMap<u64, usize> = HashMap::new();
        for (idx, bigrams) in corpus.article_bigrams.iter().enumerate() {
            // A near-duplicate's words are its original's: one source, counted once.
            if !selected.contains(&(idx + 1)) || independent[idx] != idx {
                continue;
            }
            for &bigram in bigrams {
                *bigram_users.entry(bigram).or_insert(0) += 1;
            }
        }
        // Sentence frequencies over the summarized sources.
        let mut n_sentences = 0_usize;
        let mut frequency = vec![0_usize; n_terms];
        for (idx, wordings) in corpus.sentences.iter().enumerate() {
            if !selected.contains(&(idx + 1)) {
                continue;
            }
            for wording in wordings {
                n_sentences += 1;
                for &term in &wording.body_terms {
                    frequency[term as usize] += 1;
                }
            }
        }
        let idf: Vec<f64> = frequency
            .iter()
            .map(|&n| {
                if n == 0 {
                    0.0
                } else {
                    (1.0 + n_sentences as f64 / n as f64).ln()
                }
            })
            .collect();
        let centroid: Vec<f64> = frequency
            .iter()
            .zip(&idf)
            .map(|(&n, idf)| n as f64 * idf)
            .collect();
        let centroid_norm = centroid.iter().map(|w| w * w).sum::<f64>().sqrt();
        let mut in_a_headline = vec![false; n_terms];
        for (term, share) in term_stats.in_headlines.iter().enumerate() {
            in_a_headline[term] = *share > 0.0;
        }
        let n_headline_terms = in_a_headline.iter().filter(|&&used| used).count();
        let sorted = |mut starts: Vec<usize>| {
            starts.sort_unstable();
            starts
        };
        FeatureContext {
            story,
            corpus,
            term_stats,
            in_a_headline,
            n_headline_terms,
            mention_starts: story
                .articles
                .iter()
                .map(|annotated| {
                    sorted(
                        annotated
                            .entities
                            .iter()
                            .flat_map(|entity| &entity.mentions)
                            .map(|mention| mention.range.start)
                            .collect(),
                    )
                })
                .collect(),
            time_starts: story
                .articles
                .iter()
                .map(|annotated| {
                    sorted(
                        annotated
                            .times
                            .iter()
                            .map(|time| time.range.start)
                            .collect(),
                    )
                })
                .collect(),
            bigram_users,
            centroid,
            idf,
            centroid_norm,
            prior: {
                let mut prior = vec![0.0; n_terms];
                for (term, id) in corpus.terms() {
                    prior[id as usize] = word_prior.weight(term);
                }
                prior
            },
        }
    }

    /// The share of the pairs of consecutive words of `candidate` that the other summarized
    /// sources use, on average over them: a phrase several outlets share is a reported fact.
    fn shared_bigrams(&self, candidate: &Candidate) -> f64 {
        let n_others = self.term_stats.n_sources - 1.0;
        let bigrams = bigram_hashes(&candidate.text);
        if n_others < 1.0 || bigrams.is_empty() {
            return 0.0;
        }
        // The wording's own source uses each of its pairs: the others are the rest.
        let n_shared: usize = bigrams
            .iter()
            .map(|bigram| {
                self.bigram_users
                    .get(bigram)
                    .map_or(0, |n_users| n_users.saturating_sub(1))
            })
            .sum();
        n_shared as f64 / (n_others * bigrams.len() as f64)
    }

    /// Cosine similarity of the candidate's terms (idf-weighted) with the centroid.
    fn centroid_similarity(&self, candidate: &Candidate) -> f64 {
        let weight = |values: &[f64], term: u32| values.get(term as usize).copied().unwrap_or(0.0);
        let dot: f64 = candidate
            .terms
            .iter()
            .map(|&term| weight(&self.idf, term) * weight(&self.centroid, term))
            .sum();
        let norm = candidate
            .terms
            .iter()
            .map(|&term| weight(&self.idf, term).powi(2))
            .sum::<f64>()
            .sqrt();
        if norm > 0.0 && self.centroid_norm > 0.0 {
            dot / (norm * self.centroid_norm)
        } else {
            0.0
        }
    }

    /// The features of `candidate` but those of coverage, which depend on what is chosen.
    fn features(&self, candidate: &Candidate) -> Features {
        let annotated = &self.story.articles[candidate.source - 1];
        let span = &candidate.own_span;
        let in_span = |starts: &[usize]| {
            starts.partition_point(|&start| start < span.end)
                - starts.partition_point(|&start| start < span.start)
        };
        let n_terms = candidate.terms.len().max(1) as f64;
        let mean_of = |values: &[f64]| {
            candidate
                .terms
                .iter()
                .map(|&term| values.get(term as usize).copied().unwrap_or(0.0))
                .sum::<f64>()
                / n_terms
        };
        let n_in_a_headline = candidate
            .terms
            .iter()
            .filter(|&&term| {
                self.in_a_headline
                    .get(term as usize)
                    .copied()
                    .unwrap_or(false)
            })
            .count();
        let own_headline = &self.corpus.headline_terms[candidate.source - 1];
        let n_in_own_headline = candidate
            .terms
            .iter()
            .filter(|term| own_headline.binary_search(term).is_ok())
            .count();
        let position = candidate.position.min(annotated.sentences.len()) as f64;
        let n_sentences = annotated.sentences.len().max(1) as f64;
        let quoted = candidate
            .text
            .chars()
            .any(|c| matches!(c, '"' | '\u{201c}' | '\u{201d}'));
        // In the order of SALIENCE_FEATURES; coverage, novelty and overflow are set as the
        // summary chooses.
        Features([
            1.0,
            f64::from(u8::from(candidate.position == 0)),
            (1.0 + position).ln(),
            position / n_sentences,
            (candidate.n_words.max(1) as f64).ln(),
            0.0,
            mean_of(&self.term_stats.shared),
            mean_of(&self.term_stats.in_headlines),
            n_in_a_headline as f64 / self.n_headline_terms.max(1) as f64,
            f64::from(u8::from(candidate.kind == SummaryKind::Corroborated)),
            candidate.n_sources_share,
            f64::from(u8::from(quoted)),
            f64::from(u8::from(is_attributed(annotated, span.start))),
            candidate.judged as f64,
            f64::from(u8::from(candidate.text.chars().any(|c| c.is_ascii_digit()))),
            (1.0 + in_span(&self.mention_starts[candidate.source - 1]) as f64).ln(),
            f64::from(u8::from(
                in_span(&self.time_starts[candidate.source - 1]) > 0,
            )),
            f64::from(u8::from(candidate.opens_with_pronoun)),
            n_sentences.ln(),
            f64::from(u8::from(candidate.text.contains('?'))),
            n_in_own_headline as f64 / own_headline.len().max(1) as f64,
            self.shared_bigrams(candidate),
            self.centroid_similarity(candidate),
            0.0,
            0.0,
            mean_of(&self.prior),
        ])
    }
}

/// `citations` of the `selected` sources when two or more independent sources remain among
/// them, with how many.
fn corroborating<'s>(
    citations: Vec<&'s Citation>,
    selected: &HashSet<usize>,
    independent: &[usize],
) -> Option<(Vec<&'s Citation>, usize)> {
    let citations: Vec<&Citation> = citations
        .into_iter()
        .filter(|citation| selected.contains(&citation.source))
        .collect();
    let n_independent = n_independent(independent, citations.iter().copied());
    (n_independent >= 2).then_some((citations, n_independent))
}

/// The candidate of one consensus group: its most neutral wording (fewest
/// judged words) that is no direct quote and not `is_left_out` (stating a disputed value, say);
/// selection takes the one that gains most and fits.
fn corroborated(
    story: &Story,
    corpus: &Corpus,
    citations: &[&Citation],
    vocabulary: &mut Vocabulary<'_>,
    disputed: &DisputedSpans<'_>,
    is_left_out: &impl Fn(&Citation) -> bool,
    independent: &[usize],
) -> Vec<Candidate> {
    // Sentences are in text order, so their starts are sorted.
    let sentence_of = |citation: &Citation| {
        story.articles[citation.source - 1]
            .sentences
            .binary_search_by_key(&citation.span.start, |sentence| sentence.range.start)
            .ok()
    };
    let position = citations
        .iter()
        .map(|citation| sentence_of(citation).unwrap_or(usize::MAX))
        .min()
        .unwrap_or(usize::MAX);
    let value_sides: Vec<Vec<(usize, usize)>> = citations
        .iter()
        .map(|citation| disputed.value_sides(&citation.span))
        .collect();
    let spans: Rc<[Span]> = citations
        .iter()
        .map(|citation| citation.span.clone())
        .collect();
    let wordings: Vec<Candidate> = citations
        .iter()
        .zip(&value_sides)
        .filter(|(citation, _)| {
            citation.text.split_whitespace().count() >= MIN_WORDS
                && !starts_with_quote(&citation.text)
                && !is_fragment(&citation.text)
                && !announces_quote(
                    &story.articles[citation.source - 1],
                    &(citation.span.start..citation.span.end),
                )
                && !is_left_out(citation)
        })
        .filter_map(|(citation, sides)| {
            let annotated = &story.articles[citation.source - 1];
            let range = citation.span.start..citation.span.end;
            // The wording is that of a sentence of the story, stemmed once per brief, unless
            // the citation quotes something else.
            let wording = sentence_of(citation)
                .filter(|&sentence_idx| {
                    let annotated = &story.articles[citation.source - 1];
                    annotated.sentence_text(&annotated.sentences[sentence_idx]) == citation.text
                })
                .map(|sentence_idx| &corpus.sentences[citation.source - 1][sentence_idx]);
            let (text, terms, first_word, n_words, judged) = match wording {
                Some(wording) => (
                    wording.text.clone(),
                    wording.body_terms.clone(),
                    wording.first_word.clone(),
                    wording.n_body_words,
                    wording.n_judged,
                ),
                None => {
                    let text = compress(&citation.text[dateline_len(&citation.text)..]);
                    let judged = n_judged_words(&text);
                    let (text, terms, first_word, n_words) = vocabulary.unlocated(text);
                    (text, terms, first_word, n_words, judged)
                }
            };
            let (text, terms, first_word, n_words) = match restate(annotated, &range, &text) {
                Restated::LeftOut => return None,
                Restated::Rewritten(text) => vocabulary.unlocated(text),
                Restated::AsWritten => (text, terms, first_word, n_words),
            };
            if leans_on_the_sentence_before(&text) {
                return None;
            }
            // A source whose sentence gives another side of a dispute than the wording's
            // ("at least 30 detained" against "detained 11") agrees with it on the rest only.
            let cited: Vec<&Citation> = citations
                .iter()
                .zip(&value_sides)
                .filter(|(_, others)| sides.is_empty() || !disputed.contradicts(sides, others))
                .map(|(other, _)| *other)
                .collect();
            let cited_spans = if cited.len() == citations.len() {
                Rc::clone(&spans)
            } else {
                cited.iter().map(|cited| cited.span.clone()).collect()
            };
            let mut sources: Vec<usize> = cited.iter().map(|cited| cited.source).collect();
            sources.sort_unstable();
            sources.dedup();
            // A wording only its own source is left to cite corroborates nothing: its value is
            // one side of a dispute, which the summary states as such.
            if n_independent(independent, cited.iter().copied()) < 2 {
                return None;
            }
            Some(Candidate {
                kind: SummaryKind::Corroborated,
                opens_with_pronoun: starts_with_pronoun(&text),
                text,
                terms,
                first_word,
                n_words,
                position,
                judged,
                source: citation.source,
                own_span: citation.span.clone(),
                n_sources_share: 0.0,
                features: Features([0.0; N_FEATURES]),
                sources,
                cited: cited_spans,
                spans: Rc::clone(&spans),
                by_clauses: false,
            })
        })
        .collect();
    // The least judged: loaded words and verdicts are where an outlet's own framing goes.
    // Among those, selection takes the wording that gains most.
    let Some(least_judged) = wordings.iter().map(|wording| wording.judged).min() else {
        return Vec::new();
    };
    wordings
        .into_iter()
        .filter(|wording| wording.judged == least_judged)
        .collect()
}

/// Whether `quote` reports what someone said or wrote: a direct quote, or reported speech
/// whose cue is a verb of saying. Annotation marks attitudes as sources' too ("offered …, only
/// for the minister to cut the meeting short"), and a value in such a clause is the writer's
/// own telling.
fn reports_speech(annotated: &Annotated, quote: &parallax_model::Quote) -> bool {
    if quote.kind == parallax_model::QuoteKind::Direct {
        return true;
    }
    let Some(cue) = quote
        .cue
        .as_ref()
        .and_then(|cue| annotated.article.text.get(cue.clone()))
    else {
        return false;
    };
    let cue = cue.to_lowercase();
    cue.split_whitespace()
        .any(|word| SAYING_STEMS.iter().any(|stem| word.starts_with(stem)))
}

/// Stems of the verbs (and "according to") that report speech or writing, each long enough to
/// start no other cue word ("said" but not "saw", "wrote" but not "wrong", "noted" but not
/// "nothing", "posted" but not "postponed").
const SAYING_STEMS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tell",
    "added",
    "adds",
    "adding",
    "accord",
    "state",
    "stating",
    "claim",
    "argu",
    "insist",
    "report",
    "announc",
    "note",
    "noting",
    "wrot",
    "writ",
    "warn",
    "explain",
    "acknowledg",
    "confirm",
    "deni",
    "deny",
    "alleg",
    "assert",
    "maintain",
    "suggest",
    "predict",
    "testif",
    "tweet",
    "poste",
    "posting",
    "posts",
    "repl",
    "respond",
    "declar",
    "recall",
    "conced",
    "admit",
    "estimat",
    "contend",
    "describ",
    "call",
];

/// Whether the claim of the sentence of `annotated` that holds byte `at` is attributed to
/// someone (quoted or reported) rather than made in the article's own voice.
fn is_attributed(annotated: &Annotated, at: usize) -> bool {
    let Some(sentence_idx) = annotated
        .sentences
        .iter()
        .position(|sentence| sentence.range.contains(&at))
    else {
        return false;
    };
    annotated
        .claims
        .iter()
        .any(|claim| claim.sentence == sentence_idx && claim.attribution != Attribution::Own)
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
pub(crate) fn n_judged_words(text: &str) -> usize {
    n_loaded_words(text) + n_verdict_words(text)
}

fn n_verdict_words(text: &str) -> usize {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|word| !word.is_empty())
        .map(|word| {
            let word = crate::stems::lowercase(word);
            if FIRST_PERSON.contains(&word.as_ref()) {
                2
            } else {
                usize::from(VERDICT_WORDS.contains(&word.as_ref()))
            }
        })
        .sum()
}

fn starts_with_quote(text: &str) -> bool {
    text.starts_with(['"', '\u{201c}', '\u{ab}', '\u{201e}', '\''])
}

/// How a candidate's wording goes into the summary.
enum Restated {
    /// As the source writes it.
    AsWritten,
    /// Reworded: a quotation put in its speaker's mouth, or an opening pronoun named.
    Rewritten(String),
    /// Not at all: a speaker's words whose speaker is unknown.
    LeftOut,
}

/// How `text`, the wording of the sentence at `range` of `annotated`, goes into the summary:
/// the speaker's words with the speaker named, or not at all; an opening pronoun named when a
/// quote resolved it.
fn restate(annotated: &Annotated, range: &Range<usize>, text: &str) -> Restated {
    if speaks_unattributed(annotated, range) {
        return match quotation_speaker(annotated, range.start) {
            Some(name) => Restated::Rewritten(attributed(&name, text)),
            None => Restated::LeftOut,
        };
    }
    // A quotation going on from an earlier sentence that names its speaker ("… status quo,”
    // Ruiz said."): its opening mark, left in that sentence, is given back.
    if inside_quotation(&annotated.article.text, range.start) {
        return Restated::Rewritten(with_opening_mark(text));
    }
    with_subject_named(annotated, range, text).map_or(Restated::AsWritten, Restated::Rewritten)
}

/// `text`, the rest of a quotation opened before it, with the opening mark that matches the
/// first closing one: “ before ”, a straight mark before a straight one.
fn with_opening_mark(text: &str) -> String {
    let mark = match text.find(['"', '\u{201d}']) {
        Some(at) if text[at..].starts_with('"') => '"',
        _ => '\u{201c}',
    };
    format!("{mark}{text}")
}

/// Whether the sentence at `range` of `annotated` goes on with a quotation an earlier sentence
/// opened and does not name the speaker itself (no quote's cue in it, as "…,” Ruiz said."
/// has): the speaker's words with the speaker left behind, which the summary would state as
/// fact.
fn speaks_unattributed(annotated: &Annotated, range: &Range<usize>) -> bool {
    inside_quotation(&annotated.article.text, range.start)
        && !annotated.quotes.iter().any(|quote| {
            quote.speaker.is_some()
                && quote
                    .cue
                    .as_ref()
                    .is_some_and(|cue| range.start <= cue.start && cue.end <= range.end)
        })
}

/// The name of who speaks the quotation that byte `at` of `annotated` lies inside, as the
/// voices show it; none when no quote found holds it or its speaker is unknown.
fn quotation_speaker(annotated: &Annotated, at: usize) -> Option<String> {
    // The innermost quotation: an excerpt quoted whole may hold the words of someone it quotes.
    let quote = annotated
        .quotes
        .iter()
        .filter(|quote| quote.kind == QuoteKind::Direct)
        .filter_map(|quote| {
            std::iter::once(&quote.content)
                .chain(&quote.continuation)
                .find(|piece| piece.start < at && at < piece.end)
                .map(|piece| (piece.len(), quote))
        })
        .min_by_key(|(len, _)| *len)
        .map(|(_, quote)| quote)?;
    crate::voices::shown_speaker(annotated, quote)
}

/// `text`, the wording of the sentence at `range` of `annotated`, with the personal or
/// possessive pronoun opening it ("He added that …", "Her bill …") replaced by the name of who it
/// stands for, when a quote's speaker was resolved from that pronoun or the annotator resolved
/// it ("Ana Ruiz added that …", "Ana Ruiz’s bill …"): alone in a summary, the pronoun stands for
/// no one. None when the text opens otherwise or the pronoun is unresolved.
fn with_subject_named(annotated: &Annotated, range: &Range<usize>, text: &str) -> Option<String> {
    let first = text.split(|c: char| !c.is_alphabetic()).next()?;
    let possessive = matches!(first, "His" | "Her");
    if first == "The" {
        return with_role_named(annotated, range, text)
            .or_else(|| with_clause_subject_named(annotated, range, text));
    }
    if !possessive && !matches!(first, "He" | "She" | "They") {
        return with_clause_subject_named(annotated, range, text);
    }
    let article = &annotated.article.text;
    let sentence = article.get(range.clone())?;
    // The pronoun as written in the sentence: its first occurrence as a word.
    let at = range.start
        + sentence
            .match_indices(first)
            .map(|(at, _)| at)
            .find(|&at| {
                let after = sentence[at + first.len()..].chars().next();
                let before = sentence[..at].chars().next_back();
                after.is_none_or(|c| !c.is_alphabetic())
                    && before.is_none_or(|c| !c.is_alphanumeric())
            })?;
    let name = name_of_pronoun_at(annotated, at).or_else(|| name_of_reference_at(annotated, at))?;
    // A description ("the minister") would not read as a subject here without its article.
    // A name the rest of the sentence gives again tells a resolution gone wrong ("He demanded
    // that Mr. Ruiz resign" is not Ruiz's demand).
    let rest = &text[first.len()..];
    let surname = name.split_whitespace().next_back()?;
    // "He’ll", "She’s": a name does not take the contraction.
    let contracted = rest.starts_with(['\'', '\u{2019}']);
    if name.starts_with(char::is_lowercase) || rest.contains(surname) || contracted {
        return None;
    }
    if possessive {
        let apostrophe = if article.contains('\u{2019}') {
            '\u{2019}'
        } else {
            '\''
        };
        return Some(format!("{name}{apostrophe}s{rest}"));
    }
    Some(format!("{name}{rest}"))
}

/// `text`, the wording of the sentence at `range` of `annotated`, with the speaker pronoun of
/// its main clause named when an opening clause stands before it ("Asked about the plan, he
/// said …", "Noting that he had voted for it, she said …"): the pronoun right after the first
/// comma, resolved as a quote's speaker. None otherwise.
/// `text`, the end of the sentence at `range`, with the description of a person opening it
/// ("The Velmar lawmaker said …") replaced by the person's name, when the annotator resolved the
/// description to a person it names: alone in a summary, the description names no one.
fn with_role_named(annotated: &Annotated, range: &Range<usize>, text: &str) -> Option<String> {
    let article = &annotated.article.text;
    let sentence = article.get(range.clone())?;
    let offset = sentence.len().checked_sub(text.len())?;
    if sentence.get(offset..)? != text {
        return None;
    }
    let at = range.start + offset;
    let (entity, mention) = annotated.entities.iter().find_map(|entity| {
        let mention = entity
            .mentions
            .iter()
            .find(|mention| mention.by_role && mention.range.start == at)?;
        Some((entity, mention))
    })?;
    let name = &entity.name;
    let rest = &text[mention.range.len()..];
    let surname = name.split_whitespace().next_back()?;
    // A role with a possessive or a clause of its own after it ("The senator’s aide", "The
    // senator who …") is left as written, and so is a name the rest gives again.
    let plain_subject = rest.starts_with([' ', ',']) && !rest.trim_start().starts_with("who ");
    if entity.kind != EntityKind::Person
        || name.split_whitespace().count() < 2
        || name.starts_with(char::is_lowercase)
        || !plain_subject
        || rest.contains(surname)
    {
        return None;
    }
    Some(format!("{name}{rest}"))
}

fn with_clause_subject_named(
    annotated: &Annotated,
    range: &Range<usize>,
    text: &str,
) -> Option<String> {
    let article = &annotated.article.text;
    let sentence = article.get(range.clone())?;
    // The text shown is the sentence's end, maybe with a connective or dateline cut before.
    let offset = sentence.len().checked_sub(text.len())?;
    if sentence.get(offset..)? != text {
        return None;
    }
    let comma = text.find(", ")?;
    let pronoun_start = comma + 2;
    let pronoun = text[pronoun_start..].split_whitespace().next()?;
    if !matches!(pronoun, "he" | "she" | "they") {
        return None;
    }
    let at = range.start + offset + pronoun_start;
    let name = name_of_pronoun_at(annotated, at)?;
    let surname = name.split_whitespace().next_back()?;
    if name.starts_with(char::is_lowercase) || text.contains(surname) {
        return None;
    }
    Some(format!(
        "{}{name}{}",
        &text[..pronoun_start],
        &text[pronoun_start + pronoun.len()..]
    ))
}

/// The name, as the voices show it, of the speaker a quote resolved from the pronoun written at
/// byte `at` of `annotated`; none when the annotator's references drop that resolution (the
/// person's given name or title calls for the other pronoun).
fn name_of_pronoun_at(annotated: &Annotated, at: usize) -> Option<String> {
    let quote = annotated.quotes.iter().find(|quote| {
        quote
            .speaker_pronoun
            .as_ref()
            .is_some_and(|pronoun| pronoun.start == at)
    })?;
    let referenced = annotated
        .references
        .iter()
        .any(|reference| reference.pronoun.start == at);
    if quote.speaker_entity.is_some() && !referenced {
        return None;
    }
    crate::voices::shown_speaker(annotated, quote)
}

/// The name of the entity the annotator resolved the pronoun written at byte `at` of
/// `annotated` to.
fn name_of_reference_at(annotated: &Annotated, at: usize) -> Option<String> {
    let reference = annotated
        .references
        .iter()
        .find(|reference| reference.pronoun.start == at)?;
    let entity = annotated.entities.get(reference.entity)?;
    Some(entity.name.clone())
}

/// `sentence`, a piece of a quotation, put in the mouth of `speaker`: “Ruiz said: “We know
/// why.”” for “We know why.””.
fn attributed(speaker: &str, sentence: &str) -> String {
    let marks: &[char] = &[
        '"', '\u{201c}', '\u{201d}', '\u{201e}', '\u{ab}', '\u{bb}', ' ',
    ];
    let words = sentence.trim_matches(marks);
    let mut speaker_chars = speaker.chars();
    let speaker: String = speaker_chars
        .next()
        .map(|first| first.to_uppercase().chain(speaker_chars).collect())
        .unwrap_or_default();
    format!("{speaker} said: \u{201c}{words}\u{201d}")
}

/// Whether byte `at` of `text`, a sentence's start, lies inside a quotation that an earlier
/// sentence of its paragraph opened ("“We lost. We know why.”": the second sentence).
fn inside_quotation(text: &str, at: usize) -> bool {
    let Some(before) = text.get(..at) else {
        return false;
    };
    let paragraph = &before[before.rfind('\n').map_or(0, |idx| idx + 1)..];
    // The mark that opened the quotation still open, if one is: English closes “ with ”,
    // German „ with “ and » with «, French « with »; scraped text mixes styles, so a straight
    // or a right double quotation mark closes whatever is open.
    // A straight mark doubled (`""We …`, a scraped block quotation) is one mark.
    let mut previous = None;
    let marks = paragraph.chars().filter(|&c| {
        let doubled = c == '"' && previous == Some('"');
        previous = Some(c);
        !doubled
    });
    let open = marks.fold(None, |open, c| match (open, c) {
        (Some(_), '"' | '\u{201d}')
        | (Some('\u{201e}'), '\u{201c}')
        | (Some('\u{bb}'), '\u{ab}')
        | (Some('\u{ab}'), '\u{bb}') => None,
        (None, '\u{201c}' | '\u{201e}' | '\u{ab}' | '\u{bb}' | '"') => Some(c),
        (open, _) => open,
    });
    open.is_some()
}

/// Whether `text` is a piece of a list or of a broken sentence rather than a sentence: its
/// first letter, after any dashes, bullets or spaces, is lowercase ("– spring – a new
/// quay …").
fn is_fragment(text: &str) -> bool {
    text.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_lowercase)
}

/// Whether the sentence of `annotated` at `range` only announces a quotation: it ends in a
/// quote's cue and a colon ("… went even further on Thursday, tweeting:"), the words it
/// announces coming after it. One that states what was said before the colon ("X suggested
/// that donations are being sent to Y:") or cues nothing ("The debate revealed new dynamics in
/// the race:") still states something.
fn announces_quote(annotated: &Annotated, range: &Range<usize>) -> bool {
    let text = &annotated.article.text;
    let Some(before_colon) = text
        .get(range.clone())
        .and_then(|sentence| sentence.trim_end().strip_suffix(':'))
    else {
        return false;
    };
    let cue_end = range.start + before_colon.trim_end().len();
    annotated.quotes.iter().any(|quote| {
        quote
            .cue
            .as_ref()
            .is_some_and(|cue| range.start <= cue.start && cue.end == cue_end)
    })
}

/// The sentence stating `dispute` with the sides that sources of `selected` take, each side
/// quoted with its sources; none when fewer than two sides remain. Sides that can be reconciled
/// ("about 10,000" and "10,000") are one position: stated together, marked as compatible, and
/// two positions at least must remain.
/// Whether the wording of a disputed statement opens with what it is about — a name, a number,
/// a determiner's noun ("Moscow has withdrawn …", "the council voted …") — rather than with
/// the rest of a clause whose subject it lost ("is collusion", "joined with conservatives …",
/// "provide information on …").
fn opens_with_subject(slot: &str) -> bool {
    let Some(first) = slot.split_whitespace().next() else {
        return false;
    };
    let first = first.trim_start_matches(['"', '\'', '\u{201c}', '\u{2018}', '(']);
    first.starts_with(|c: char| c.is_uppercase() || c.is_numeric())
        || matches!(
            first.to_lowercase().as_str(),
            "the"
                | "a"
                | "an"
                | "this"
                | "that"
                | "these"
                | "those"
                | "his"
                | "her"
                | "its"
                | "their"
                | "some"
                | "many"
                | "most"
                | "all"
                | "both"
                | "no"
                | "every"
                | "each"
                | "several"
                | "few"
        )
}

fn disputed(dispute: &Dispute, selected: &HashSet<usize>) -> Option<SummarySentence> {
    // Each side with the sources of `selected` that take it; sides no selected source takes
    // drop out.
    let sides: Vec<(usize, Vec<usize>)> = dispute
        .sides
        .iter()
        .enumerate()
        .filter_map(|(idx, side)| {
            let mut side_sources: Vec<usize> = side
                .citations
                .iter()
                .map(|citation| citation.source)
                .filter(|source| selected.contains(source))
                .collect();
            side_sources.sort_unstable();
            side_sources.dedup();
            (!side_sources.is_empty()).then_some((idx, side_sources))
        })
        .collect();
    // A source both stating and contesting a statement reports someone's claim and another's
    // answer, or was matched with a sentence it does not contest: the sources do not differ.
    let stating: Vec<usize> = sides
        .iter()
        .filter(|(idx, _)| dispute.sides[*idx].value == "asserted")
        .flat_map(|(_, side_sources)| side_sources.iter().copied())
        .collect();
    let in_two_stances = dispute.kind == DisputeKind::Assertion
        && sides.iter().any(|(idx, side_sources)| {
            dispute.sides[*idx].value != "asserted"
                && side_sources.iter().any(|source| stating.contains(source))
        });
    if in_two_stances {
        return None;
    }
    // A statement is stated as disputed only in words that say what it is about: "Sources
    // differ on “is collusion”" says nothing a reader can weigh (the Disputes section shows the
    // sentences).
    if dispute.kind == DisputeKind::Assertion && !opens_with_subject(&dispute.slot) {
        return None;
    }
    // Positions: the sides joined through their compatibility, in the order of their first side.
    let mut position_of: Vec<usize> = (0..sides.len()).collect();
    for (at, (idx, _)) in sides.iter().enumerate() {
        for other in &dispute.sides[*idx].compatible_with {
            if let Some(other_at) = sides.iter().position(|(side_idx, _)| side_idx == other) {
                let (keep, merge) = (
                    position_of[at].min(position_of[other_at]),
                    position_of[at].max(position_of[other_at]),
                );
                for position in &mut position_of {
                    if *position == merge {
                        *position = keep;
                    }
                }
            }
        }
    }
    let mut positions: Vec<Vec<String>> = Vec::new();
    let mut position_keys: Vec<usize> = Vec::new();
    for ((idx, side_sources), position) in sides.iter().zip(&position_of) {
        let label = if side_sources.len() == 1 {
            "source"
        } else {
            "sources"
        };
        let numbers: Vec<String> = side_sources.iter().map(usize::to_string).collect();
        let value = &dispute.sides[*idx].value;
        // A statement's sides are stances, no source's words: "stated (source 2)", unquoted.
        let value = if dispute.kind == DisputeKind::Assertion {
            match value.as_str() {
                "asserted" => "stated".to_string(),
                stance => stance.to_string(),
            }
        } else {
            format!("\u{201c}{value}\u{201d}")
        };
        let stated = format!("{value} ({label} {})", numbers.join(", "));
        match position_keys.iter().position(|key| key == position) {
            Some(at) => positions[at].push(stated),
            None => {
                position_keys.push(*position);
                positions.push(vec![stated]);
            }
        }
    }
    if positions.len() < 2 {
        return None;
    }
    let stated: Vec<String> = positions
        .into_iter()
        .map(|sides| match sides.len() {
            1 => sides.concat(),
            _ => format!("{}, compatible", sides.join(" and ")),
        })
        .collect();
    let citations: Vec<&Citation> = sides
        .iter()
        .flat_map(|(idx, _)| &dispute.sides[*idx].citations)
        .filter(|citation| selected.contains(&citation.source))
        .collect();
    let mut sources: Vec<usize> = citations.iter().map(|citation| citation.source).collect();
    sources.sort_unstable();
    sources.dedup();
    Some(SummarySentence {
        text: format!("{}: {}.", dispute_opening(dispute), stated.join("; ")),
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
    use crate::test_stories::{quote_in, range_in};
    use parallax_model::{
        Annotated, Article, DisputeSide, Entity, EntityKind, Mention, Origin, Quote, Reference,
        Sentence,
    };

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
            in_clauses: false,
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

    /// A claim of sentence `sentence` with `attribution`, all else empty.
    fn attributed_claim(sentence: usize, attribution: Attribution) -> parallax_model::Claim {
        parallax_model::Claim {
            sentence,
            subject: None,
            predicate: 0..0,
            object: None,
            time: None,
            quantity: None,
            attribution,
            polarity: parallax_model::Polarity::Asserted,
        }
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
    fn a_short_sentence_giving_an_agreed_fact_states_it_with_all_its_sources() {
        let story = Story::new(vec![
            article(
                "a.txt",
                &[
                    "The call was requested by the Velmar mayor.",
                    "Ferries to the islands were cancelled for the week.",
                ],
            ),
            article(
                "b.txt",
                &[
                    "The talks, which the mayor of Velmar had asked for, ran late into the night \
                     and ended without any statement.",
                ],
            ),
            article(
                "c.txt",
                &["The meeting, initiated by the Velmar mayor, was held in the old town hall."],
            ),
        ]);
        let fact = |citations: Vec<Citation>| AgreedFact {
            slot: "who asked for the meeting".into(),
            kind: DisputeKind::Agent,
            n_independent: 3,
            values: vec![parallax_model::AgreedValue {
                value: "the Velmar mayor".into(),
                citations,
            }],
        };
        let agreed = [fact(vec![
            citation(&story, 1, 0),
            citation(&story, 2, 0),
            citation(&story, 3, 0),
        ])];
        let found = summary(&story, &[], &agreed, &[], SummaryLength::Sentences(1));
        assert_eq!(
            texts(&found),
            [(
                SummaryKind::Corroborated,
                "The call was requested by the Velmar mayor.",
                vec![1, 2, 3]
            )]
        );
        // A disputed value it gives, even attributed, is not the others' to cite.
        let mut story = story;
        story.articles[0]
            .claims
            .push(attributed_claim(0, Attribution::Reported));
        let disputes = [Dispute {
            slot: "who asked for the meeting".into(),
            kind: DisputeKind::Agent,
            sides: vec![DisputeSide {
                value: "the Velmar mayor".into(),
                compatible_with: vec![],
                citations: vec![citation(&story, 1, 0)],
            }],
        }];
        let found = summary(&story, &[], &agreed, &disputes, SummaryLength::Sentences(3));
        assert!(
            found
                .iter()
                .all(|sentence| sentence.kind != SummaryKind::Corroborated),
            "{found:?}"
        );
        // The others' sentences say more than the fact: none of them stands for all.
        let agreed = [fact(vec![citation(&story, 2, 0), citation(&story, 3, 0)])];
        let found = summary(&story, &[], &agreed, &[], SummaryLength::Sentences(3));
        assert!(
            found.iter().all(|sentence| sentence.sources.len() == 1),
            "{found:?}"
        );
    }

    #[test]
    fn a_sentence_that_is_all_of_a_matched_clause_is_corroborated_by_the_clause() {
        let pilots = |other: &str| {
            Story::new(vec![
                article(
                    "a.txt",
                    &[
                        "The harbour pilots of Velmar voted on Monday to end their strike.",
                        "Ferries to the islands were cancelled for the week.",
                    ],
                ),
                article("b.txt", &[other]),
                article(
                    "c.txt",
                    &["Ostrava's council met to discuss the budget for the coming year."],
                ),
            ])
        };
        let clause_item = |story: &Story, clause: &str| {
            let annotated = &story.articles[1];
            let range = range_in(&annotated.article.text, clause);
            ConsensusItem {
                n_articles: 2,
                n_independent: 2,
                citations: vec![
                    citation(story, 1, 0),
                    Citation {
                        source: 2,
                        span: Span::new(annotated.article.id.clone(), range.start, range.end),
                        text: clause.to_string(),
                    },
                ],
                in_clauses: true,
            }
        };
        // The other sentence opens with a pronoun and is no candidate itself.
        let story =
            pilots("They voted to end their strike, which had kept the port shut since March.");
        let consensus = [clause_item(&story, "They voted to end their strike")];
        let found = summary(&story, &consensus, &[], &[], SummaryLength::Sentences(5));
        assert!(
            texts(&found).contains(&(
                SummaryKind::Corroborated,
                "The harbour pilots of Velmar voted on Monday to end their strike.",
                vec![1, 2]
            )),
            "{found:?}"
        );
        // The sentence holding the clause says it again: one of the two is stated.
        let story = pilots(
            "The pilots voted to end their strike, which had kept the port shut since March.",
        );
        let consensus = [clause_item(&story, "The pilots voted to end their strike")];
        let found = summary(&story, &consensus, &[], &[], SummaryLength::Sentences(5));
        let n_stating = found
            .iter()
            .filter(|sentence| sentence.text.contains("voted"))
            .count();
        assert_eq!(n_stating, 1, "{found:?}");
    }

    #[test]
    fn a_source_giving_another_value_does_not_cite_the_wording_that_gives_one() {
        let mut story = Story::new(vec![
            article(
                "a.txt",
                &[
                    "Riot police cleared the picket at Gate 4 on Tuesday and detained 11 people, police said.",
                ],
            ),
            article(
                "b.txt",
                &[
                    "Riot police cleared the picket at Gate 4 on Tuesday after the lorries were blocked.",
                ],
            ),
            article(
                "c.txt",
                &[
                    "Riot police detained at least 30 dockers when they cleared the picket at Gate 4 on Tuesday.",
                ],
            ),
            article(
                "d.txt",
                &[
                    "Riot police cleared the picket at Gate 4 on Tuesday and detained a dozen people.",
                ],
            ),
        ]);
        // What the annotator gives a sentence reporting `content`: a quote and its claim.
        let report = |annotated: &mut Annotated, content: &str, cue: &str| {
            let quote = quote_in(
                &annotated.article.text,
                QuoteKind::Indirect,
                content,
                Some(cue),
                None,
            );
            annotated.claims.push(attributed_claim(
                0,
                Attribution::Quoted {
                    quote: annotated.quotes.len(),
                },
            ));
            annotated.quotes.push(quote);
        };
        report(
            &mut story.articles[0],
            "Riot police cleared the picket at Gate 4 on Tuesday and detained 11 people",
            "said",
        );
        let consensus = [ConsensusItem {
            n_articles: 4,
            n_independent: 4,
            citations: (1..=4).map(|source| citation(&story, source, 0)).collect(),
            in_clauses: false,
        }];
        let side = |value: &str, compatible_with: Vec<usize>, source: usize| DisputeSide {
            value: value.into(),
            compatible_with,
            citations: vec![citation(&story, source, 0)],
        };
        let disputes = [Dispute {
            slot: "people".into(),
            kind: DisputeKind::Quantity,
            sides: vec![
                side("11 people", vec![2], 1),
                side("at least 30 dockers", vec![], 3),
                side("a dozen people", vec![0], 4),
            ],
        }];
        let disputed = DisputedSpans::new(&disputes);
        let sides = |source: usize| disputed.value_sides(&citation(&story, source, 0).span);
        // "at least 30" against "11": contradicted; a sentence giving no count, or a count
        // compatible with the wording's, agrees.
        assert!(disputed.contradicts(&sides(1), &sides(3)));
        assert!(!disputed.contradicts(&sides(1), &sides(2)));
        assert!(!disputed.contradicts(&sides(1), &sides(4)));
        assert!(!disputed.contradicts(&sides(2), &sides(3)));
        let statement_of = |story: &Story, consensus: &[ConsensusItem], disputes: &[Dispute]| {
            summary(story, consensus, &[], disputes, SummaryLength::Sentences(1))
                .into_iter()
                .find(|sentence| sentence.kind == SummaryKind::Corroborated)
                .expect("the group's statement")
        };
        let statement = statement_of(&story, &consensus, &disputes);
        assert!(statement.text.contains("11 people"), "{statement:?}");
        assert_eq!(statement.sources, vec![1, 2, 4]);
        assert_eq!(statement.spans.len(), 3);
        // With only the source of another value beside it, the wording corroborates nothing:
        // the dispute states both.
        let contradicted = [ConsensusItem {
            n_articles: 2,
            n_independent: 2,
            citations: vec![citation(&story, 1, 0), citation(&story, 3, 0)],
            in_clauses: false,
        }];
        let found = summary(
            &story,
            &contradicted,
            &[],
            &disputes,
            SummaryLength::Sentences(6),
        );
        assert!(
            found
                .iter()
                .all(|sentence| sentence.kind != SummaryKind::Corroborated),
            "{found:?}"
        );

        // A value outside what the sentence reports is the writer's own: that wording takes a
        // side, and another wording of the group states the rest.
        let mut own = story.clone();
        own.articles[0] = article(
            "a.txt",
            &[
                "Riot police detained 11 people, leaving the union to announce that the picket at \
               Gate 4 was cleared on Tuesday.",
            ],
        );
        report(
            &mut own.articles[0],
            "the picket at Gate 4 was cleared on Tuesday",
            "announce",
        );
        let consensus = [ConsensusItem {
            citations: (1..=4).map(|source| citation(&own, source, 0)).collect(),
            ..consensus[0].clone()
        }];
        let disputes = [Dispute {
            sides: vec![
                DisputeSide {
                    citations: vec![citation(&own, 1, 0)],
                    ..disputes[0].sides[0].clone()
                },
                disputes[0].sides[1].clone(),
                disputes[0].sides[2].clone(),
            ],
            ..disputes[0].clone()
        }];
        let statement = statement_of(&own, &consensus, &disputes);
        assert!(!statement.text.contains("11 people"), "{statement:?}");
    }

    #[test]
    fn two_sentences_quoting_the_same_words_are_one_statement() {
        let story = Story::new(vec![
            article(
                "a.txt",
                &[
                    "The mayor said the council “will do what the harbour needs” if the pilots strike again.",
                    "Ferries to the islands were cancelled for the rest of the week.",
                ],
            ),
            article(
                "b.txt",
                &[
                    "In a statement on Friday the city hall promised the council \"will do what the harbour needs\" soon.",
                    "The harbour pilots have been without a contract since the spring.",
                ],
            ),
        ]);
        let found = summary(&story, &[], &[], &[], SummaryLength::Sentences(4));
        let quoting = found
            .iter()
            .filter(|sentence| sentence.text.contains("will do what the harbour needs"))
            .count();
        assert_eq!(quoting, 1, "{found:?}");
        assert!(quoted_runs("No quotation here at all, not one word of it.").is_empty());
        // Words shared outside the quotation, or fewer than five in a row inside it, are
        // no repeated statement.
        let runs = quoted_runs(
            "She wrote: “I love my sister, but she is wrong on the issue of marriage.”",
        );
        let other = quoted_runs("“The issue of marriage must be decided by the states,” she said.");
        assert!(!runs.iter().any(|run| other.binary_search(run).is_ok()));
    }

    #[test]
    fn a_sentence_that_only_announces_a_quotation_is_left_out() {
        let mut announcing = article(
            "a.txt",
            &[
                "The harbour master went further on Thursday, tweeting:",
                "The strike closed the port of Velmar for a third day on Thursday.",
            ],
        );
        let text = announcing.article.text.clone();
        let at = |part: &str| {
            let start = text.find(part).expect("part of the text");
            start..start + part.len()
        };
        announcing.quotes.push(parallax_model::Quote {
            kind: parallax_model::QuoteKind::Direct,
            content: at("The strike"),
            continuation: Vec::new(),
            cue: Some(at("tweeting")),
            speaker: Some(at("The harbour master")),
            speaker_pronoun: None,
            speaker_entity: None,
            anonymous: false,
        });
        let story = Story::new(vec![announcing]);
        let found = summary(&story, &[], &[], &[], SummaryLength::Sentences(6));
        assert!(
            found.iter().all(|sentence| !sentence.text.ends_with(':')),
            "{found:?}"
        );
    }

    #[test]
    fn only_speech_reports_a_value_for_someone() {
        let text =
            "Ruiz said the port would close. Berg offered talks, only for Ana Lind to end them.";
        let annotated = Annotated::new(Article::new(Origin::Stdin, text.to_string()));
        let said = quote_in(
            text,
            QuoteKind::Indirect,
            "the port would close",
            Some("said"),
            Some("Ruiz"),
        );
        let offered = quote_in(
            text,
            QuoteKind::Indirect,
            "talks, only for Ana Lind to end them",
            Some("offered"),
            Some("Berg"),
        );
        assert!(reports_speech(&annotated, &said));
        assert!(!reports_speech(&annotated, &offered));
        let text = "Berg saw the vote as lost.";
        let annotated = Annotated::new(Article::new(Origin::Stdin, text.to_string()));
        let saw = quote_in(
            text,
            QuoteKind::Indirect,
            "the vote as lost",
            Some("saw"),
            None,
        );
        assert!(!reports_speech(&annotated, &saw));
    }

    #[test]
    fn disputes_of_different_kinds_come_before_a_second_of_one_kind() {
        let story = story();
        let (consensus, workers) = consensus_and_disputes(&story);
        let mut ferries = workers[0].clone();
        ferries.slot = "ferries".into();
        let who_closed = Dispute {
            slot: "who closed the port".into(),
            kind: DisputeKind::Agent,
            sides: vec![
                DisputeSide {
                    value: "Authorities".into(),
                    compatible_with: vec![],
                    citations: vec![citation(&story, 1, 0)],
                },
                DisputeSide {
                    value: "the minister".into(),
                    compatible_with: vec![],
                    citations: vec![citation(&story, 2, 1)],
                },
            ],
        };
        let disputes = [workers[0].clone(), ferries, who_closed];
        let found = summary(
            &story,
            &consensus,
            &[],
            &disputes,
            SummaryLength::Sentences(4),
        );
        let stated: Vec<&str> = found
            .iter()
            .filter(|sentence| sentence.kind == SummaryKind::Disputed)
            .map(|sentence| sentence.text.split(':').next().unwrap_or_default())
            .collect();
        assert_eq!(
            stated,
            [
                "Sources give different figures for workers",
                "Sources differ on \u{201c}who closed the port\u{201d}"
            ]
        );
    }

    #[test]
    fn corroborated_first_in_neutral_wording_then_disputes_then_single_source() {
        let story = story();
        let (consensus, disputes) = consensus_and_disputes(&story);
        let found = summary(
            &story,
            &consensus,
            &[],
            &disputes,
            SummaryLength::Sentences(4),
        );
        assert_eq!(
            texts(&found),
            [
                (
                    SummaryKind::Corroborated,
                    "Authorities closed the port of Velmar on Monday after the dock strike began.",
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
    fn compatible_sides_of_a_dispute_are_stated_as_one_position() {
        let story = story();
        let side =
            |value: &str, compatible_with: Vec<usize>, citations: Vec<Citation>| DisputeSide {
                value: value.into(),
                compatible_with,
                citations,
            };
        let mut dispute = Dispute {
            slot: "workers".into(),
            kind: DisputeKind::Quantity,
            sides: vec![
                side(
                    "about 4,000 dock workers",
                    vec![1],
                    vec![citation(&story, 1, 1)],
                ),
                side("4,000 workers", vec![0], vec![citation(&story, 3, 1)]),
                side(
                    "fewer than 1,500 workers",
                    vec![],
                    vec![citation(&story, 2, 2)],
                ),
            ],
        };
        let every_source: HashSet<usize> = [1, 2, 3].into();
        let sentence = disputed(&dispute, &every_source).expect("two positions");
        assert_eq!(
            sentence.text,
            "Sources give different figures for workers: \u{201c}about 4,000 dock workers\u{201d} \
             (source 1) and \u{201c}4,000 workers\u{201d} (source 3), compatible; \
             \u{201c}fewer than 1,500 workers\u{201d} (source 2)."
        );
        assert_eq!(sentence.sources, vec![1, 2, 3]);
        // Without the third side, what is left can be reconciled: no dispute to state.
        dispute.sides.pop();
        assert!(disputed(&dispute, &every_source).is_none());
        // A side no selected source takes drops out, with its compatibility.
        dispute.sides[1].citations = vec![citation(&story, 2, 2)];
        dispute.sides[1].value = "fewer than 1,500 workers".into();
        dispute.sides[0].compatible_with.clear();
        dispute.sides[1].compatible_with.clear();
        assert!(disputed(&dispute, &[1].into()).is_none());
        assert!(disputed(&dispute, &every_source).is_some());
    }

    #[test]
    fn a_contested_statement_names_each_side_s_stance_unquoted() {
        let story = story();
        let side = |value: &str, citations: Vec<Citation>| DisputeSide {
            value: value.into(),
            compatible_with: Vec::new(),
            citations,
        };
        let dispute = Dispute {
            slot: "the port reopened on Monday".into(),
            kind: DisputeKind::Assertion,
            sides: vec![
                side(
                    "asserted",
                    vec![citation(&story, 1, 1), citation(&story, 3, 1)],
                ),
                side("denied", vec![citation(&story, 2, 2)]),
            ],
        };
        let sentence = disputed(&dispute, &[1, 2, 3].into()).expect("two positions");
        assert_eq!(
            sentence.text,
            "Sources differ on \u{201c}the port reopened on Monday\u{201d}: stated (sources 1, \
             3); denied (source 2)."
        );
        // A source stating and contesting it reports both: the sources do not differ.
        let mut both = dispute.clone();
        both.sides[1].citations.push(citation(&story, 3, 0));
        assert_eq!(disputed(&both, &[1, 2, 3].into()), None);
        // Words that lost their subject say nothing a reader can weigh.
        let mut subjectless = dispute.clone();
        subjectless.slot = "is a hoax".into();
        assert_eq!(disputed(&subjectless, &[1, 2, 3].into()), None);
        subjectless.slot = "reopened the port on Monday".into();
        assert_eq!(disputed(&subjectless, &[1, 2, 3].into()), None);
    }

    #[test]
    fn pronoun_openers() {
        assert!(starts_with_pronoun("They were withdrawn."));
        assert!(!starts_with_pronoun("Theirs is a harbour town."));
    }

    #[test]
    fn word_cap_keeps_whole_sentences() {
        let story = story();
        let (consensus, _) = consensus_and_disputes(&story);
        let found = summary(&story, &consensus, &[], &[], SummaryLength::Words(12));
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
            &[],
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

    #[test]
    fn list_pieces_and_broken_sentences_are_fragments() {
        assert!(is_fragment("\u{2013} spring \u{2013} a new quay opened"));
        assert!(is_fragment("and then the talks resumed"));
        assert!(!is_fragment("\u{2013} In autumn the talks resumed."));
        assert!(!is_fragment("2022 will be a hard year."));
    }

    #[test]
    fn a_quotation_going_on_past_its_sentence_is_put_in_its_speaker_s_mouth() {
        let mut told = article(
            "a.txt",
            &[
                "Dock workers walked out of the port of Velmar on Monday morning.",
                "Mayor Ana Ruiz said: \u{201c}The port stays closed for now.",
                "It reopens once the dock strike ends.\u{201d}",
                "\u{201c}Nobody wanted this strike.",
                "We will talk again next week.\u{201d}",
            ],
        );
        let text = told.article.text.clone();
        let range_of = |part: &str| range_in(&text, part);
        let quote = |content: &str, speaker: Option<&str>| Quote {
            kind: QuoteKind::Direct,
            content: range_of(content),
            continuation: Vec::new(),
            cue: speaker.map(|_| range_of("said")),
            speaker: speaker.map(range_of),
            speaker_pronoun: None,
            speaker_entity: None,
            anonymous: false,
        };
        told.quotes = vec![
            quote(
                "\u{201c}The port stays closed for now. It reopens once the dock strike ends.\u{201d}",
                Some("Mayor Ana Ruiz"),
            ),
            // A quotation whose speaker no quote names stays out.
            quote(
                "\u{201c}Nobody wanted this strike. We will talk again next week.\u{201d}",
                None,
            ),
        ];
        let story = Story::new(vec![told]);
        let texts: Vec<String> = summary(&story, &[], &[], &[], SummaryLength::Sentences(6))
            .into_iter()
            .map(|sentence| sentence.text)
            .collect();
        assert!(
            texts.contains(
                &"Mayor Ana Ruiz said: \u{201c}It reopens once the dock strike ends.\u{201d}"
                    .to_string()
            ),
            "{texts:?}"
        );
        assert!(
            texts.iter().all(|text| !text.contains("talk again")),
            "{texts:?}"
        );
    }

    #[test]
    fn a_speaker_pronoun_after_an_opening_clause_is_named() {
        let mut told = article(
            "a.txt",
            &[
                "Mayor Ana Ruiz met the dock workers on Monday.",
                "Asked about the strike, she said the port would reopen on Friday.",
            ],
        );
        let text = told.article.text.clone();
        let range_of = |part: &str| range_in(&text, part);
        told.quotes = vec![Quote {
            kind: QuoteKind::Indirect,
            content: range_of("the port would reopen on Friday"),
            continuation: Vec::new(),
            cue: Some(range_of("said")),
            speaker: Some(range_of("Mayor Ana Ruiz")),
            speaker_pronoun: Some(range_of("she")),
            speaker_entity: None,
            anonymous: false,
        }];
        let sentence = told.sentences[1].range.clone();
        assert_eq!(
            with_subject_named(
                &told,
                &sentence,
                "Asked about the strike, she said the port would reopen on Friday."
            ),
            Some(
                "Asked about the strike, Mayor Ana Ruiz said the port would reopen on Friday."
                    .to_string()
            )
        );
    }

    #[test]
    fn an_unnamed_person_opening_a_sentence_keeps_it_out() {
        assert!(opens_with_unnamed_person(
            "He raised $200,000 for his campaign."
        ));
        assert!(opens_with_unnamed_person("Her plan reopens the port."));
        assert!(opens_with_unnamed_person("She’s due back on Tuesday."));
        assert!(!opens_with_unnamed_person(
            "Ana Ruiz’s plan reopens the port."
        ));
        assert!(!opens_with_unnamed_person(
            "Hereford voters went to the polls."
        ));
        assert!(!opens_with_unnamed_person("The port reopens on Friday."));
    }

    #[test]
    fn a_sentence_opening_with_a_word_pointing_back_is_no_candidate() {
        for opening in [
            "This followed a vote in the council.",
            "That money comes from the harbour fund.",
            "Those pilots walked out on Monday.",
            "It has been run by the city since 1990.",
            "Its ferries stopped on Monday.",
            "Such strikes are rare in Velmar.",
            "The move comes a week after the strike began.",
            "The statement came from the harbour pilots.",
        ] {
            assert!(opens_pointing_back(opening), "{opening}");
        }
        for opening in [
            "This week the council voted to close the port.",
            "That night the pilots walked out.",
            "It is unclear whether the ferries will run.",
            "Those who crossed the picket were jeered.",
            "Those wondering about the ferries found out on Monday.",
            "Thousands of pilots walked out.",
            "Italy sent two ferries.",
            "The council moved the ferries to Ostrava.",
        ] {
            assert!(!opens_pointing_back(opening), "{opening}");
        }
    }

    #[test]
    fn a_sentence_pointing_back_to_a_claim_is_no_candidate() {
        for text in [
            "The harbour pilots are disputing that argument.",
            "Ana Ruiz denied the allegations.",
            "The mayor made the same claim on the stump.",
        ] {
            assert!(points_back_to_a_claim(text), "{text}");
        }
        for text in [
            "The harbour pilots denied that the port was closed.",
            "The report came out on Monday.",
            "The mayor was not that sure.",
        ] {
            assert!(!points_back_to_a_claim(text), "{text}");
        }
    }

    #[test]
    fn a_sentence_opening_at_a_moment_the_sentence_before_told_is_no_candidate() {
        for opening in [
            "Then the council voted to close the port.",
            "Twenty-three minutes later, Ruiz wrote again.",
            "A few hours later the pilots walked out.",
            "Later in the day, Ruiz took to the radio.",
            "Earlier that morning, the ferries stopped.",
            "The next day, the council met again.",
            "That night, the pilots walked out.",
            "Afterwards, the mayor spoke to reporters.",
            "Moments later, the gates closed.",
            "Later, Ruiz denied it.",
        ] {
            assert!(opens_after_an_untold_moment(opening), "{opening}");
        }
        for opening in [
            "Later this month, the council will vote on the harbour plan.",
            "Earlier Thursday, the council passed the harbour plan.",
            "The next round of talks opens on Monday.",
            "Three days after the strike began, the port closed.",
            "Thousands of pilots walked out.",
            "That the port closed surprised no one.",
        ] {
            assert!(!opens_after_an_untold_moment(opening), "{opening}");
        }
        // Nor is a corroborated wording, another wording of its group being stated instead.
        let story = Story::new(vec![
            article(
                "a.txt",
                &["Later in the day, the Velmar council closed the port to all ferries."],
            ),
            article(
                "b.txt",
                &["The Velmar council closed the port to all ferries on Monday evening."],
            ),
        ]);
        let consensus = [ConsensusItem {
            n_articles: 2,
            n_independent: 2,
            citations: vec![citation(&story, 1, 0), citation(&story, 2, 0)],
            in_clauses: false,
        }];
        let found = summary(&story, &consensus, &[], &[], SummaryLength::Sentences(2));
        assert_eq!(
            texts(&found),
            [(
                SummaryKind::Corroborated,
                "The Velmar council closed the port to all ferries on Monday evening.",
                vec![1, 2]
            )]
        );
    }

    #[test]
    fn an_opening_description_the_annotator_resolved_is_named() {
        let mut told = article(
            "a.txt",
            &[
                "Mayor Ana Ruiz met the dock workers on Monday.",
                "The Velmar mayor promised to reopen the port on Friday.",
                "The mayor’s aides said nothing.",
                "The mayor added that Ruiz would not run again.",
            ],
        );
        let text = told.article.text.clone();
        let by_role = |from: usize, phrase: &str| {
            let start = from + text[from..].find(phrase).expect("in the text");
            Mention {
                range: start..start + phrase.len(),
                by_role: true,
            }
        };
        let sentence = |told: &Annotated, idx: usize| told.sentences[idx].range.clone();
        let mentions = vec![
            Mention {
                range: range_in(&text, "Ana Ruiz"),
                by_role: false,
            },
            by_role(0, "The Velmar mayor"),
            by_role(sentence(&told, 2).start, "The mayor"),
            by_role(sentence(&told, 3).start, "The mayor"),
        ];
        told.entities = vec![Entity {
            kind: EntityKind::Person,
            name: "Ana Ruiz".to_string(),
            mentions,
            country: None,
            role: None,
        }];
        assert_eq!(
            with_subject_named(
                &told,
                &sentence(&told, 1),
                "The Velmar mayor promised to reopen the port on Friday."
            ),
            Some("Ana Ruiz promised to reopen the port on Friday.".to_string())
        );
        // A possessive, or a sentence naming the person again, is left as written.
        assert_eq!(
            with_subject_named(
                &told,
                &sentence(&told, 2),
                "The mayor’s aides said nothing."
            ),
            None
        );
        assert_eq!(
            with_subject_named(
                &told,
                &sentence(&told, 3),
                "The mayor added that Ruiz would not run again."
            ),
            None
        );
    }

    #[test]
    fn an_opening_pronoun_the_annotator_resolved_is_named() {
        let mut told = article(
            "a.txt",
            &[
                "Mayor Ana Ruiz met the dock workers on Monday.",
                "Her plan reopens the port on Friday.",
                "She’s due back on Tuesday.",
            ],
        );
        let text = told.article.text.clone();
        told.entities = vec![Entity {
            kind: EntityKind::Person,
            name: "Ana Ruiz".to_string(),
            mentions: vec![Mention {
                range: range_in(&text, "Ana Ruiz"),
                by_role: false,
            }],
            country: None,
            role: None,
        }];
        told.references = ["Her", "She"]
            .iter()
            .map(|pronoun| Reference {
                pronoun: range_in(&text, pronoun),
                entity: 0,
            })
            .collect();
        let sentence = |idx: usize| told.sentences[idx].range.clone();
        assert_eq!(
            with_subject_named(&told, &sentence(1), "Her plan reopens the port on Friday."),
            Some("Ana Ruiz’s plan reopens the port on Friday.".to_string())
        );
        // A name does not take a contraction.
        assert_eq!(
            with_subject_named(&told, &sentence(2), "She’s due back on Tuesday."),
            None
        );
    }

    #[test]
    fn an_opening_pronoun_resolved_as_a_speaker_is_named() {
        let mut told = article(
            "a.txt",
            &[
                "Mayor Ana Ruiz met the dock workers on Monday.",
                "She said the port would reopen on Friday.",
                "He demanded that Ruiz resign at once.",
            ],
        );
        let text = told.article.text.clone();
        let range_of = |part: &str| range_in(&text, part);
        let quote = |pronoun: &str, cue: &str, content: &str| Quote {
            speaker_pronoun: Some(range_of(pronoun)),
            ..quote_in(
                &text,
                QuoteKind::Indirect,
                content,
                Some(cue),
                Some("Mayor Ana Ruiz"),
            )
        };
        // The second resolution is wrong: the sentence names Ruiz again.
        told.quotes = vec![
            quote("She", "said", "the port would reopen on Friday"),
            quote("He", "demanded", "that Ruiz resign at once"),
        ];
        let sentence = |idx: usize| told.sentences[idx].range.clone();
        assert_eq!(
            with_subject_named(
                &told,
                &sentence(1),
                "She said the port would reopen on Friday."
            ),
            Some("Mayor Ana Ruiz said the port would reopen on Friday.".to_string())
        );
        assert_eq!(
            with_subject_named(&told, &sentence(2), "He demanded that Ruiz resign at once."),
            None
        );
        assert_eq!(
            with_subject_named(
                &told,
                &sentence(0),
                "Mayor Ana Ruiz met the dock workers on Monday."
            ),
            None
        );
    }

    #[test]
    fn sentences_inside_a_quotation_opened_before_them_are_found() {
        let text = "Ruiz said: \u{201c}We lost. We know why.\u{201d} The vote was close. A \u{201c}mixed\" style. Still out.\n\u{201e}Wir haben verloren. Wir wissen warum.\u{201c} Dann ging sie.\n\"One. Two.\" Three.";
        let at = |sentence: &str| text.find(sentence).expect("in the text");
        assert!(!inside_quotation(text, at("Ruiz")));
        assert!(inside_quotation(text, at("We know")));
        assert!(!inside_quotation(text, at("The vote")));
        assert!(!inside_quotation(text, at("Still")));
        assert!(inside_quotation(text, at("Wir wissen")));
        assert!(!inside_quotation(text, at("Dann")));
        assert!(inside_quotation(text, at("Two")));
        assert!(!inside_quotation(text, at("Three")));
        // A doubled straight mark opening a scraped block quotation is one mark.
        let doubled = "\"\"We lost,\" Ruiz said. \"And you saw it. We know why.\"";
        assert!(inside_quotation(
            doubled,
            doubled.find("We know").expect("in it")
        ));
    }

    #[test]
    fn the_rest_of_a_quotation_gets_its_opening_mark_back() {
        assert_eq!(
            with_opening_mark("The pier stays shut,\" Ruiz said."),
            "\"The pier stays shut,\" Ruiz said."
        );
        assert_eq!(
            with_opening_mark("The pier stays shut,\u{201d} Ruiz said."),
            "\u{201c}The pier stays shut,\u{201d} Ruiz said."
        );
    }
}
