//! Matching sentences across articles: which sentences of different articles say the same
//! thing, and which of their clauses ([`crate::clauses`]) do, for facts that one source packs
//! into a longer sentence.
//!
//! Sentences (and, apart, clauses) are compared by the IDF-weighted overlap of their content terms (weighted
//! Jaccard). Pairs above [`Config::min_similarity`] are merged greedily, most similar first,
//! into groups that never hold two sentences of the same article. Greedy merging under that
//! constraint avoids the chaining of plain connected components, where one vague sentence glues
//! unrelated groups.

use crate::Config;
use crate::clauses::{self, clause_ranges};
use crate::stems::Stems;
use crate::timeline::{Dated, dated_sentences, story_anchor};
use parallax_model::Story;
use std::collections::HashMap;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// A term, the place of its word among a clause's words, and whether the word is marked
/// (quoted, denied, or telling an action, a time or a count).
type TermAt = (u32, u32, bool);

/// One sentence (or clause) and its content terms, as ids into the story's vocabulary.
pub(crate) struct SentenceTerms {
    pub(crate) article_idx: usize,
    pub(crate) sentence_idx: usize,
    /// Where it is in its article's text: the whole sentence, or the clause without the spaces
    /// and punctuation around it.
    pub(crate) range: Range<usize>,
    pub(crate) terms: Vec<u32>,
    /// The terms that are numbers ("30", "4000"), sorted.
    pub(crate) numbers: Vec<u32>,
    /// The terms that carry what it states, sorted: for a sentence, those outside attributions
    /// (speakers and cues of quotes); for a clause, those outside attributions and the names of
    /// entities too.
    pub(crate) unnamed: Vec<u32>,
    /// `None` when it holds no negation (most do not); else the terms it denies, sorted: those
    /// a negation shortly before each of their occurrences reaches ("not *politically
    /// motivated*", "not a one *defended*").
    pub(crate) negation: Option<Vec<u32>>,
    /// For a sentence that gives calendar days, what [`same_day_event`] reads; `None` for a
    /// clause and for most sentences.
    day: Option<Days>,
    /// Whether it only supposes ("If the allegations are true, …"), or, for a clause, asks
    /// ("wait for what?"): it matches only another that does (the same words quoted by two
    /// sources), never a statement.
    supposes: bool,
    /// For a clause, each of [`SentenceTerms::unnamed`] with the place of its first word among
    /// the clause's words and whether that word is quoted, denied, or tells an action, a time or
    /// a count ([`tells_action_time_or_count`]), sorted by term ([`shares_one_phrase_only`] reads
    /// them); empty for a sentence.
    unnamed_at: Vec<TermAt>,
    /// For a clause that opens with a person's name, the term of the name's last word: two
    /// clauses about different people state different facts, however alike their words ("X has
    /// led the party since 2003" / "Y and Z have been part of its leadership since 2003").
    subject: Option<u32>,
}

/// The sentences of one story with their terms and every pair of sentences of different articles
/// that say the same thing. Built once per brief; consensus, the timeline, single-source claims
/// and the disputes group from it or read its terms, so no sentence is stemmed twice.
pub(crate) struct Matches {
    /// Every sentence of the story, in article order.
    pub(crate) sentences: Vec<SentenceTerms>,
    /// Inverse article frequency of each term id.
    pub(crate) idf: Vec<f64>,
    /// Each term by its id.
    terms: Vec<String>,
    /// Each term's id.
    ids: HashMap<String, u32>,
    /// Similar pairs, most similar first.
    pairs: Vec<(f64, usize, usize)>,
    /// The clauses of every sentence, in article and sentence order; a sentence that does not
    /// divide is one clause.
    pub(crate) clauses: Vec<SentenceTerms>,
    /// Similar pairs of clauses, most similar first.
    clause_pairs: Vec<(f64, usize, usize)>,
    /// The calendar-anchored dates of each article's sentences ([`dated_sentences`]), by
    /// article: read once here for the same-day rule and again by the timeline.
    pub(crate) dated: Vec<Vec<(usize, Vec<Dated>)>>,
    /// What [`Config::similarity`] could not do: fail, or check every pair.
    pub(crate) similarity_diagnostics: Vec<parallax_model::Diagnostic>,
}

impl Matches {
    pub(crate) fn new(story: &Story, config: &Config) -> Matches {
        let Index {
            sentences,
            clauses,
            terms,
            idf,
            dated,
        } = index(story);
        // A sentence has its other words to outweigh its names, so one term stated outside
        // attributions is enough; a clause has few, so it needs as many as any match.
        let stances: Vec<Stance> = terms.iter().map(|term| Stance::of(term)).collect();
        let mut pairs = similar_pairs(&sentences, &idf, &stances, config, 1);
        let mut clause_pairs =
            similar_pairs(&clauses, &idf, &stances, config, config.min_shared_terms);
        let mut similarity_diagnostics = Vec::new();
        if let Some(similarity) = &config.similarity {
            let checked = keep_alike_in_meaning(
                story,
                similarity.as_ref(),
                &mut [
                    PairSet {
                        units: &sentences,
                        pairs: &mut pairs,
                        floor: config.min_sentence_cosine,
                    },
                    PairSet {
                        units: &clauses,
                        pairs: &mut clause_pairs,
                        floor: config.min_clause_cosine,
                    },
                ],
            );
            let diagnostic = |severity, message: String| {
                parallax_model::Diagnostic::new(severity, "sentence model", message)
            };
            match checked {
                Ok(0) => {}
                Ok(n_unchecked) => similarity_diagnostics.push(diagnostic(
                    parallax_model::Severity::Note,
                    format!(
                        "{n_unchecked} matches not checked by meaning (at most \
                         {MAX_CHECKED_PAIRS} a brief, the least alike in words first)"
                    ),
                )),
                Err(reason) => similarity_diagnostics.push(diagnostic(
                    parallax_model::Severity::Warning,
                    format!("{reason}; consensus matched by words alone"),
                )),
            }
        }
        let ids = terms
            .iter()
            .enumerate()
            .map(|(id, term)| (term.clone(), id as u32))
            .collect();
        Matches {
            sentences,
            idf,
            terms,
            ids,
            pairs,
            clauses,
            clause_pairs,
            dated,
            similarity_diagnostics,
        }
    }

    /// The term with id `id`.
    pub(crate) fn term(&self, id: u32) -> &str {
        &self.terms[id as usize]
    }

    /// The inverse article frequency of `term`: `ln(1 + n_articles / n_articles_using_term)`,
    /// 0 for a term no sentence of the story uses.
    pub(crate) fn idf_of(&self, term: &str) -> f64 {
        self.ids.get(term).map_or(0.0, |&id| self.idf[id as usize])
    }

    /// The index in [`Matches::sentences`] of sentence `sentence_idx` of article `article_idx`.
    pub(crate) fn sentence_position(&self, article_idx: usize, sentence_idx: usize) -> usize {
        self.sentences.partition_point(|sentence| {
            (sentence.article_idx, sentence.sentence_idx) < (article_idx, sentence_idx)
        })
    }

    /// The groups of matching sentences among those `include` accepts, as indexes into
    /// [`Matches::sentences`]; unmatched sentences are groups of one.
    pub(crate) fn group(&self, include: impl Fn(usize, usize) -> bool) -> Vec<Vec<usize>> {
        group(&self.sentences, &self.pairs, include)
    }

    /// The sentences, as indexes into [`Matches::sentences`], that tell an event of a calendar
    /// day that sentence `idx` tells too, in other words ([`same_day_event`]): what the
    /// matching of two sentences of different lengths can miss ("On December 30, the leaders
    /// held talks." / "Three weeks later, on December 30, the two leaders held another
    /// meeting and discussed …").
    pub(crate) fn same_day_events(&self, idx: usize) -> impl Iterator<Item = usize> + '_ {
        let sentence = &self.sentences[idx];
        // Most sentences give no day: they are spared the walk over the story.
        let others = if sentence.day.is_some() {
            &self.sentences[..]
        } else {
            &[]
        };
        others
            .iter()
            .enumerate()
            .filter(move |(other, candidate)| {
                *other != idx && candidate.day.is_some() && same_day_event(sentence, candidate)
            })
            .map(|(other, _)| other)
    }

    /// The groups of matching clauses, as indexes into [`Matches::clauses`]; unmatched clauses
    /// are groups of one. A group never holds two clauses of one article.
    pub(crate) fn group_clauses(&self) -> Vec<Vec<usize>> {
        group(&self.clauses, &self.clause_pairs, |_, _| true)
    }
}

/// The groups `pairs` make of the `units` that `include` accepts, the most similar pairs merged
/// first.
fn group(
    units: &[SentenceTerms],
    pairs: &[(f64, usize, usize)],
    include: impl Fn(usize, usize) -> bool,
) -> Vec<Vec<usize>> {
    let included: Vec<bool> = units
        .iter()
        .map(|unit| include(unit.article_idx, unit.sentence_idx))
        .collect();
    let mut groups = Groups::new(units);
    for &(_, left, right) in pairs {
        if included[left] && included[right] {
            groups.merge(left, right);
        }
    }
    groups
        .members()
        .into_iter()
        .filter(|members| members.iter().all(|&member| included[member]))
        .collect()
}

/// The calendar days a sentence gives and the terms that tell its event apart from its day.
struct Days {
    /// The single days (`2021-12-30`), sorted.
    days: Vec<String>,
    /// The terms of the expressions that give them ("December", "30", "Friday"), sorted.
    words: Vec<u32>,
    /// The sentence's terms outside names and attributions, sorted.
    plain: Vec<u32>,
}

/// One clause of a sentence as it is read: where it is shown, and its terms as stem ids.
struct ClauseStems {
    range: Range<usize>,
    /// Every term, in text order.
    all: Vec<u32>,
    /// The terms outside names and attributions.
    unnamed: Vec<u32>,
    /// Each of `unnamed` with the place of its word among the clause's words (stop words
    /// counted) and whether the word is quoted, denied, or tells an action, a time or a count.
    unnamed_at: Vec<TermAt>,
    /// The terms outside attributions.
    unattributed: Vec<u32>,
    /// As [`SentenceTerms::negation`].
    negation: Option<Vec<u32>>,
    /// As [`SentenceTerms::subject`], as a stem.
    subject: Option<u32>,
}

/// A story's sentences and clauses with their terms as ids, each term by its id, and the inverse
/// article frequency of each term id.
struct Index {
    sentences: Vec<SentenceTerms>,
    clauses: Vec<SentenceTerms>,
    terms: Vec<String>,
    idf: Vec<f64>,
    dated: Vec<Vec<(usize, Vec<Dated>)>>,
}

fn index(story: &Story) -> Index {
    let mut vocabulary: HashMap<String, u32> = HashMap::new();
    let mut terms_by_id: Vec<String> = Vec::new();
    let mut article_frequency: Vec<usize> = Vec::new();
    // The last article each term id was counted for, so each article counts a term once.
    let mut last_article: Vec<usize> = Vec::new();
    let mut is_number: Vec<bool> = Vec::new();
    let mut sentences = Vec::new();
    let mut clauses = Vec::new();
    // The stems of each language, and the id here of each of their terms.
    let mut by_language: HashMap<Option<&str>, (Stems, Vec<Option<u32>>)> = HashMap::new();
    // The distinct stems of one sentence, and those not yet given an id here.
    let mut distinct: Vec<u32> = Vec::new();
    let mut dated = Vec::with_capacity(story.articles.len());
    let mut unnamed: Vec<u32> = Vec::new();
    let anchor = story_anchor(story);
    for (article_idx, annotated) in story.articles.iter().enumerate() {
        let language = annotated.article.language.as_deref();
        let article_dated = dated_sentences(annotated, anchor);
        let (stems, ids) = by_language
            .entry(language)
            .or_insert_with(|| (Stems::new(language), Vec::new()));
        // Attributions ("Minister X said", "according to the port authority"): who speaks is
        // not what a sentence states. Nor, in a clause, who is named: a clause has few other
        // words to outweigh the names.
        // A speaker named by a pronoun is attributed at the pronoun: the name the pronoun was
        // resolved to stands in another sentence, where it is that sentence's own word.
        let mut attributions: Vec<Range<usize>> = annotated
            .quotes
            .iter()
            .flat_map(|quote| {
                let speaker = quote
                    .speaker
                    .as_ref()
                    .filter(|_| quote.speaker_pronoun.is_none());
                [speaker, quote.speaker_pronoun.as_ref(), quote.cue.as_ref()]
                    .into_iter()
                    .flatten()
                    .cloned()
            })
            .collect();
        attributions.sort_unstable_by_key(|range| range.start);
        let mut names: Vec<Range<usize>> = annotated
            .entities
            .iter()
            .flat_map(|entity| entity.mentions.iter().map(|mention| mention.range.clone()))
            .collect();
        names.sort_unstable_by_key(|range| range.start);
        let mut persons: Vec<Range<usize>> = annotated
            .entities
            .iter()
            .filter(|entity| entity.kind == parallax_model::EntityKind::Person)
            .flat_map(|entity| &entity.mentions)
            .filter(|mention| !mention.by_role)
            .map(|mention| mention.range.clone())
            .collect();
        persons.sort_unstable_by_key(|range| range.start);
        let mut quotations: Vec<Range<usize>> = annotated
            .quotes
            .iter()
            .filter(|quote| quote.kind == parallax_model::QuoteKind::Direct)
            .flat_map(|quote| std::iter::once(&quote.content).chain(&quote.continuation))
            .cloned()
            .collect();
        quotations.sort_unstable_by_key(|range| range.start);
        for (sentence_idx, sentence) in annotated.sentences.iter().enumerate() {
            let text = annotated.sentence_text(sentence);
            // Each clause is stemmed on its own; the sentence's terms are theirs together.
            let clause_stems: Vec<ClauseStems> = clause_ranges(text)
                .into_iter()
                .map(|range| {
                    let start = sentence.range.start + range.start;
                    let shown = clauses::trimmed(text, &range);
                    read_clause(
                        stems,
                        &text[range],
                        start,
                        &Marked {
                            names: &names,
                            persons: &persons,
                            attributions: &attributions,
                            quotations: &quotations,
                        },
                        sentence.range.start + shown.start..sentence.range.start + shown.end,
                    )
                })
                .collect();
            distinct.clear();
            distinct.extend(clause_stems.iter().flat_map(|clause| &clause.all).copied());
            distinct.sort_unstable();
            distinct.dedup();
            if ids.len() < stems.n_terms() {
                ids.resize(stems.n_terms(), None);
            }
            // New terms get ids in the order of their spelling, as if the sentence's terms
            // were read sorted by spelling: ids decide the order weights are added in, so
            // they must not depend on how the stems happen to be numbered.
            unnamed.clear();
            unnamed.extend(
                distinct
                    .iter()
                    .copied()
                    .filter(|&stem| ids[stem as usize].is_none()),
            );
            unnamed.sort_unstable_by(|&a, &b| stems.spelling(a).cmp(stems.spelling(b)));
            for &stem in &unnamed {
                let term = stems.spelling(stem);
                let id = match vocabulary.get(term) {
                    Some(&id) => id,
                    None => {
                        let id = terms_by_id.len() as u32;
                        vocabulary.insert(term.to_string(), id);
                        terms_by_id.push(term.to_string());
                        article_frequency.push(0);
                        last_article.push(usize::MAX);
                        is_number.push(term.chars().any(|c| c.is_ascii_digit()));
                        id
                    }
                };
                ids[stem as usize] = Some(id);
            }
            let mut terms: Vec<u32> = distinct
                .iter()
                .filter_map(|&stem| ids[stem as usize])
                .collect();
            terms.sort_unstable();
            for &id in &terms {
                if last_article[id as usize] != article_idx {
                    last_article[id as usize] = article_idx;
                    article_frequency[id as usize] += 1;
                }
            }
            let numbers_of = |terms: &[u32]| -> Vec<u32> {
                terms
                    .iter()
                    .copied()
                    .filter(|&id| is_number[id as usize])
                    .collect()
            };
            let as_ids = |stems: &[u32]| -> Vec<u32> {
                let mut terms: Vec<u32> = stems
                    .iter()
                    .filter_map(|&stem| ids.get(stem as usize).copied().flatten())
                    .collect();
                terms.sort_unstable();
                terms.dedup();
                terms
            };
            let days: Vec<(&String, &Range<usize>)> = article_dated
                .binary_search_by_key(&sentence_idx, |(idx, _)| *idx)
                .map_or(&[][..], |at| &article_dated[at].1[..])
                .iter()
                .filter(|(value, _, _)| is_single_day(value))
                .map(|(value, range, _)| (value, range))
                .collect();
            let day = (!days.is_empty()).then(|| {
                let day_words: Vec<u32> = days
                    .iter()
                    .flat_map(|(_, range)| stems.of(text_of(annotated, range)))
                    .collect();
                let plain: Vec<u32> = clause_stems
                    .iter()
                    .flat_map(|clause| &clause.unnamed)
                    .copied()
                    .collect();
                let mut days: Vec<String> =
                    days.into_iter().map(|(value, _)| value.clone()).collect();
                days.sort_unstable();
                days.dedup();
                Days {
                    days,
                    words: as_ids(&day_words),
                    plain: as_ids(&plain),
                }
            });
            for clause in &clause_stems {
                let terms = as_ids(&clause.all);
                // The first place of each term, by term id.
                let mut unnamed_at: Vec<TermAt> = clause
                    .unnamed_at
                    .iter()
                    .filter_map(|&(stem, place, marked)| {
                        ids.get(stem as usize)
                            .copied()
                            .flatten()
                            .map(|id| (id, place, marked))
                    })
                    .collect();
                unnamed_at.sort_unstable();
                unnamed_at.dedup_by_key(|(id, _, _)| *id);
                clauses.push(SentenceTerms {
                    article_idx,
                    sentence_idx,
                    range: clause.range.clone(),
                    numbers: numbers_of(&terms),
                    unnamed: as_ids(&clause.unnamed),
                    negation: clause.negation.as_ref().map(|denied| as_ids(denied)),
                    terms,
                    day: None,
                    supposes: crate::disputes::supposes_or_asks(text_of(annotated, &clause.range)),
                    unnamed_at,
                    subject: clause
                        .subject
                        .and_then(|stem| ids.get(stem as usize).copied().flatten()),
                });
            }
            let unattributed: Vec<u32> = clause_stems
                .iter()
                .flat_map(|clause| &clause.unattributed)
                .copied()
                .collect();
            sentences.push(SentenceTerms {
                article_idx,
                sentence_idx,
                range: sentence.range.clone(),
                numbers: numbers_of(&terms),
                unnamed: as_ids(&unattributed),
                negation: sentence_negation(&clause_stems).map(|denied| as_ids(&denied)),
                terms,
                day,
                // A sentence reporting a question ("“Is it true …?” he asked.") is told by
                // sources that report it without asking: only a supposition counts here.
                supposes: crate::disputes::supposes(text),
                unnamed_at: Vec::new(),
                subject: None,
            });
        }
        dated.push(article_dated);
    }
    let n_articles = story.articles.len() as f64;
    let idf = article_frequency
        .iter()
        .map(|&frequency| (1.0 + n_articles / frequency as f64).ln())
        .collect();
    Index {
        sentences,
        clauses,
        terms: terms_by_id,
        idf,
        dated,
    }
}

/// Pairs of sentences (or clauses) from different articles that are similar enough, most similar
/// first, ties broken by position so the result is deterministic. At least `min_stated` shared
/// terms must carry what both state ([`SentenceTerms::unnamed`]): two sentences whose common
/// words are a speaker and a cue ("Another man then tells X, …", "“Tell me …,” X said") state
/// no common fact.
fn similar_pairs(
    sentences: &[SentenceTerms],
    idf: &[f64],
    stances: &[Stance],
    config: &Config,
    min_stated: usize,
) -> Vec<(f64, usize, usize)> {
    // Candidates come from an inverted index, so sentences sharing no term are never compared.
    // Postings are in sentence order, so each sentence only walks the part after itself.
    let mut postings: Vec<Vec<usize>> = vec![Vec::new(); idf.len()];
    for (sentence_idx, sentence) in sentences.iter().enumerate() {
        for &term in &sentence.terms {
            postings[term as usize].push(sentence_idx);
        }
    }
    // The shared terms of a pair weigh at most its `n_shared` heaviest on either side, which
    // bounds the pair's similarity before it is worked out.
    let heaviest: Vec<Vec<f64>> = sentences
        .iter()
        .map(|sentence| heaviest_sums(&sentence.terms, idf))
        .collect();
    let taken: Vec<Stance> = sentences
        .iter()
        .map(|sentence| stance_taken(sentence, stances))
        .collect();
    let totals: Vec<f64> = heaviest.iter().map(|sums| sums[sums.len() - 1]).collect();
    let least_similarity = config.min_similarity * SAME_DAY_SIMILARITY_SHARE;
    let mut pairs = Vec::new();
    // Shared-term counts per candidate, in a dense array reset through the list of candidates
    // touched: hashing every posting was the costliest part of a brief.
    let mut n_shared: Vec<u32> = vec![0; sentences.len()];
    let mut candidates: Vec<usize> = Vec::new();
    // Where each term's posting is: sentences are visited in the order the postings list
    // them, so the entry after the visited one starts the later sentences.
    let mut visited: Vec<usize> = vec![0; idf.len()];
    // The first sentence of the next article, for the sentences of the current one.
    let mut next_article = 0;
    for (left, sentence) in sentences.iter().enumerate() {
        if left == next_article {
            next_article = left
                + sentences[left..]
                    .partition_point(|other| other.article_idx == sentence.article_idx);
        }
        for &term in &sentence.terms {
            let posting = &postings[term as usize];
            visited[term as usize] += 1;
            let later = &posting[visited[term as usize].min(posting.len())..];
            // Sentences are in article order, so the rest of left's own article comes first in
            // the posting and is skipped in one step: one long article costs no pairs.
            let other_articles = match later.first() {
                Some(&right) if right < next_article => {
                    later.partition_point(|&right| right < next_article)
                }
                // Most often no later sentence of left's article uses the term.
                _ => 0,
            };
            for &right in &later[other_articles..] {
                if n_shared[right] == 0 {
                    candidates.push(right);
                }
                n_shared[right] += 1;
            }
        }
        for right in candidates.drain(..) {
            let shared = std::mem::take(&mut n_shared[right]) as usize;
            if shared < config.min_shared_terms
                || !numbers_agree(&sentence.numbers, &sentences[right].numbers)
            {
                continue;
            }
            // Most pairs share too little weight to be alike; the bound leaves them out before
            // their terms are merged (with a margin for the sums' rounding).
            // The left side's bound first: it needs only the right's total from memory.
            let left_sums = &heaviest[left];
            let total = left_sums[left_sums.len() - 1] + totals[right];
            let left_most_shared = left_sums[shared.min(left_sums.len() - 1)];
            if !can_reach(left_most_shared, total, least_similarity) {
                continue;
            }
            let right_sums = &heaviest[right];
            let most_shared = left_most_shared.min(right_sums[shared.min(right_sums.len() - 1)]);
            if !can_reach(most_shared, total, least_similarity) {
                continue;
            }
            // Few pairs are alike enough; the finer tests are left for them.
            let other = &sentences[right];
            let similarity = weighted_jaccard(&sentence.terms, &other.terms, idf);
            // The same-day test is the costlier one, so it is only made where it decides.
            let alike_enough = similarity >= config.min_similarity
                || (similarity >= least_similarity && same_day_event(sentence, other));
            if alike_enough
                && sentence.supposes == other.supposes
                && n_common(&sentence.unnamed, &other.unnamed) >= min_stated
                && !shares_one_phrase_only(sentence, other)
                && !(sentence.subject.is_some()
                    && other.subject.is_some()
                    && sentence.subject != other.subject)
                && !denies_what_other_states(sentence, other, idf)
                && !opposite_stances(taken[left], taken[right])
            {
                pairs.push((similarity, left, right));
            }
        }
    }
    // Every (left, right) is unique, so the unstable sort gives the one order there is.
    pairs.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    pairs
}

/// Pairs a sentence model checks in one brief at most, the least alike in words first: the
/// model reads tens of texts a second on two cores (more for short ones), and a hostile page can
/// match thousands of sentences; with this cap, 180,000 matching pairs took 5 s. The rest are
/// kept as the words matched them, and the brief says how many.
const MAX_CHECKED_PAIRS: usize = 500;

/// Drops the pairs whose texts `similarity` puts below their floor: word overlap that is not
/// one statement ("“This is very emotional for me,” X said on the floor" / "… the estimated cost
/// of reading it on the floor"). The pairs are checked in one call, so a model embeds each text
/// once, at most [`MAX_CHECKED_PAIRS`] of them. Returns how many were left unchecked; on an
/// error nothing is dropped.
fn keep_alike_in_meaning(
    story: &Story,
    similarity: &dyn crate::SentenceSimilarity,
    sets: &mut [PairSet<'_>],
) -> Result<usize, String> {
    let text = |unit: &SentenceTerms| text_of(&story.articles[unit.article_idx], &unit.range);
    // (set, pair) of every pair, the least alike in words first.
    let mut order: Vec<(usize, usize)> = sets
        .iter()
        .enumerate()
        .flat_map(|(set_idx, set)| (0..set.pairs.len()).map(move |pair_idx| (set_idx, pair_idx)))
        .collect();
    order.sort_by(|a, b| {
        let similarity = |(set_idx, pair_idx): (usize, usize)| sets[set_idx].pairs[pair_idx].0;
        similarity(*a).total_cmp(&similarity(*b)).then(a.cmp(b))
    });
    let n_unchecked = order.len().saturating_sub(MAX_CHECKED_PAIRS);
    order.truncate(MAX_CHECKED_PAIRS);
    let texts: Vec<(&str, &str)> = order
        .iter()
        .map(|&(set_idx, pair_idx)| {
            let set = &sets[set_idx];
            let (_, left, right) = set.pairs[pair_idx];
            (text(&set.units[left]), text(&set.units[right]))
        })
        .collect();
    let cosines = similarity.cosines(&texts)?;
    if cosines.len() != texts.len() {
        return Err(format!(
            "the sentence model gave {} cosines for {} pairs",
            cosines.len(),
            texts.len()
        ));
    }
    let mut dropped: Vec<Vec<bool>> = sets
        .iter()
        .map(|set| vec![false; set.pairs.len()])
        .collect();
    for (&(set_idx, pair_idx), cosine) in order.iter().zip(cosines) {
        dropped[set_idx][pair_idx] = cosine < sets[set_idx].floor;
    }
    for (set, dropped) in sets.iter_mut().zip(dropped) {
        let mut dropped = dropped.into_iter();
        set.pairs.retain(|_| !dropped.next().unwrap_or(false));
    }
    Ok(n_unchecked)
}

/// Pairs of units (sentences or clauses) and the least cosine they must have.
struct PairSet<'a> {
    units: &'a [SentenceTerms],
    pairs: &'a mut Vec<(f64, usize, usize)>,
    floor: f32,
}

/// Whether two clauses share no more than a two-word name of a thing ("the plea agreement",
/// "an executive order", "reopen the government" / "the government reopens"): their two
/// shared terms outside names stand side by side, or with one word between, in each, and no
/// word of them tells an action, a time or a count, is quoted or is denied, in either. Such
/// pairs name the same thing and say different things of it, where "pleaded guilty", "the end
/// of February", "four days", the same words quoted ("“a grain of salt”"), "no joint
/// statement" or a phrase of three shared terms and more tell one fact.
/// Sentences (whose `unnamed_at` is empty) are never held to it.
fn shares_one_phrase_only(left: &SentenceTerms, right: &SentenceTerms) -> bool {
    // Both lists are sorted by term, one entry a term: the shared terms come out of one merge,
    // in term order, and a third ends the search. This runs for every pair of alike clauses.
    // Each shared term's entry in the left list and in the right.
    let mut shared: [(TermAt, TermAt); 2] = Default::default();
    let mut n_shared = 0;
    let (mut i, mut j) = (0, 0);
    while let (Some(&in_left), Some(&in_right)) = (left.unnamed_at.get(i), right.unnamed_at.get(j))
    {
        match in_left.0.cmp(&in_right.0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if n_shared == 2 {
                    return false;
                }
                shared[n_shared] = (in_left, in_right);
                n_shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    if n_shared != 2
        || shared
            .iter()
            .any(|((id, _, _), _)| left.numbers.binary_search(id).is_ok())
    {
        return false;
    }
    let names_a_thing = |(_, first, first_marked): TermAt, (_, second, second_marked): TermAt| {
        first.abs_diff(second) <= 2 && !first_marked && !second_marked
    };
    let [(left_first, right_first), (left_second, right_second)] = shared;
    names_a_thing(left_first, left_second) && names_a_thing(right_first, right_second)
}

/// Whether `word` tells an action (a form in "-ed" or "-ing"), a time (a day, a month, a unit
/// of time) or a count (a number word): what makes two shared words a fact, not a thing named.
fn tells_action_time_or_count(word: &str) -> bool {
    let lower = crate::stems::lowercase(word);
    let lower = lower.as_ref();
    let long = lower.chars().count() > 4;
    (long && (lower.ends_with("ed") || lower.ends_with("ing")))
        || parallax_model::WEEKDAY_NAMES.contains(&lower)
        || parallax_model::MONTH_NAMES.contains(&lower)
        || matches!(
            lower,
            "day"
                | "days"
                | "week"
                | "weeks"
                | "month"
                | "months"
                | "year"
                | "years"
                | "hour"
                | "hours"
                | "minute"
                | "minutes"
                | "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "eleven"
                | "twelve"
                | "dozen"
                | "dozens"
                | "hundred"
                | "hundreds"
                | "thousand"
                | "thousands"
                | "million"
                | "millions"
                | "billion"
                | "billions"
        )
}

/// Two sentences (or clauses) that give the same calendar day need only this share of
/// [`Config::min_similarity`] ([`same_day_event`]): a day is a rarer thing to share than any
/// word, and one event told by two outlets is often worded further apart than the threshold
/// allows ("The harbour pilots walked off the job on Tuesday and two tankers waited outside the
/// breakwater overnight" / "On Tuesday pilots walked off the job over unpaid night shifts").
/// Read by hand on held-out BASIL stories, the pairs this admits are about as often right as
/// those just above the threshold (about three in four).
const SAME_DAY_SIMILARITY_SHARE: f64 = 0.75;
/// Terms outside names, attributions and the day's own words that two sentences of one day
/// must share to be read as one event.
const SAME_DAY_MIN_STATED: usize = 2;

/// How many words after a negation it reaches: "is not politically motivated", "asked not to be
/// named", "Not a one defended".
const NEGATION_REACH: usize = 3;

/// The entity names (and those of persons), the attributions and the quotations of an article,
/// each sorted by start.
struct Marked<'a> {
    names: &'a [Range<usize>],
    persons: &'a [Range<usize>],
    attributions: &'a [Range<usize>],
    quotations: &'a [Range<usize>],
}

/// The terms of `clause`, which starts at byte `start` of its article and is shown as `shown`,
/// read in one pass over its words: all of them, those outside names and attributions, those
/// outside attributions, and the negation ([`SentenceTerms::negation`]; a negation reaches
/// [`NEGATION_REACH`] words and never denies a figure: "none of the $5.7 billion he demanded"
/// still states the sum).
fn read_clause(
    stems: &mut Stems,
    clause: &str,
    start: usize,
    marked: &Marked,
    shown: Range<usize>,
) -> ClauseStems {
    let end = start + clause.len();
    let within = |ranges: &[Range<usize>]| -> Vec<Range<usize>> {
        let first = ranges.partition_point(|range| range.end <= start);
        ranges[first..]
            .iter()
            .take_while(|range| range.start < end)
            .cloned()
            .collect()
    };
    let (names, attributions) = (within(marked.names), within(marked.attributions));
    let subject = clause_subject(stems, clause, start, &within(marked.persons), &attributions);

    let quotations = within(marked.quotations);
    let (mut all, mut unnamed, mut unattributed) = (Vec::new(), Vec::new(), Vec::new());
    let mut unnamed_at = Vec::new();
    let (mut denied, mut stated) = (Vec::new(), Vec::new());
    let mut holds_negation = false;
    let mut reach = 0;
    // A negation opening the clause denies all of it ("Not a one defended the plan", "No one
    // attended", "Never has the council met"), but "Not only …" denies nothing.
    let second_word = clause.unicode_words().nth(1);
    for (place, (offset, word)) in clause.unicode_word_indices().enumerate() {
        if clauses::is_negation(word) {
            holds_negation = true;
            reach = if place == 0
                && !second_word.is_some_and(|next| next.eq_ignore_ascii_case("only"))
            {
                usize::MAX
            } else {
                NEGATION_REACH
            };
            continue;
        }
        let Some(term) = stems.term(word) else {
            reach = reach.saturating_sub(1);
            continue;
        };
        all.push(term);
        let at = start + offset..start + offset + word.len();
        let overlaps = |range: &Range<usize>| range.start < at.end && at.start < range.end;
        if !attributions.iter().any(overlaps) {
            unattributed.push(term);
            if !names.iter().any(overlaps) {
                unnamed.push(term);
                // Words quoted are the speaker's: two sources giving them give one quotation;
                // words a negation reaches are what is denied ("no joint statement").
                let quoted = quotations.iter().any(overlaps);
                unnamed_at.push((
                    term,
                    place as u32,
                    quoted || reach > 0 || tells_action_time_or_count(word),
                ));
            }
        }
        if reach > 0 && !word.chars().any(|c| c.is_ascii_digit()) {
            denied.push(term);
        } else {
            stated.push(term);
        }
        reach = reach.saturating_sub(1);
    }
    let negation = holds_negation.then(|| {
        denied.retain(|term| !stated.contains(term));
        denied
    });
    ClauseStems {
        range: shown,
        all,
        unnamed,
        unnamed_at,
        unattributed,
        negation,
        subject,
    }
}

/// The person the clause opens with, by the last word of the name: named by its first word,
/// or by its second after a capitalized title ("Mr. Hoyer and …", "Sen. Ana Ruiz said …"); a
/// speaker is an attribution and a possessive a modifier ("Ruiz's plan"), neither a subject.
fn clause_subject(
    stems: &mut Stems,
    clause: &str,
    start: usize,
    persons: &[Range<usize>],
    attributions: &[Range<usize>],
) -> Option<u32> {
    let mut first_words = clause.unicode_word_indices().take(2);
    let opening = first_words.next();
    let after_title = first_words
        .next()
        .filter(|_| opening.is_some_and(|(_, word)| word.starts_with(char::is_uppercase)));
    opening
        .into_iter()
        .chain(after_title)
        .find_map(|(offset, word)| {
            let at = start + offset..start + offset + word.len();
            persons
                .iter()
                .find(|range| range.start < at.end && at.start < range.end)
        })
        .filter(|name| {
            let spoken = attributions
                .iter()
                .any(|range| range.start < name.end && name.start < range.end);
            let after = clause
                .get(name.end.saturating_sub(start)..)
                .unwrap_or_default();
            !spoken && !after.starts_with("'s") && !after.starts_with("\u{2019}s")
        })
        .and_then(|name| {
            let written =
                clause.get(name.start.saturating_sub(start)..name.end.saturating_sub(start))?;
            // "Trump Jr." is a Trump: a generation is no surname.
            written
                .unicode_words()
                .rfind(|word| !matches!(*word, "Jr" | "Sr" | "II" | "III" | "IV"))
        })
        .and_then(|last| stems.term(last))
}

/// The negation of a sentence from its clauses': the terms denied in a clause and stated in
/// none.
fn sentence_negation(clauses: &[ClauseStems]) -> Option<Vec<u32>> {
    if clauses.iter().all(|clause| clause.negation.is_none()) {
        return None;
    }
    let denied_in = |clause: &ClauseStems, term: &u32| {
        clause
            .negation
            .as_ref()
            .is_some_and(|denied| denied.contains(term))
    };
    let mut denied: Vec<u32> = clauses
        .iter()
        .flat_map(|clause| clause.negation.iter().flatten())
        .copied()
        .filter(|term| {
            clauses
                .iter()
                .all(|clause| !clause.all.contains(term) || denied_in(clause, term))
        })
        .collect();
    denied.sort_unstable();
    denied.dedup();
    Some(denied)
}

/// How much of what two units state in common one must deny, by weight, to be its contradiction
/// rather than its match: a negation in a long sentence often reaches one shared word of many
/// ("if the port was not working normally" against "to force the port back to work").
const MIN_DENIED_SHARE: f64 = 0.25;

/// Whether one of two units denies enough of what both state ([`MIN_DENIED_SHARE`]) while the
/// other holds no negation at all: "this investigation is not politically motivated" against
/// "… and politically motivated" is a contradiction, not a match. When both hold negations,
/// where each reaches is too uncertain to tell them apart ("does not discriminate", "not the
/// intent of the law to discriminate").
fn denies_what_other_states(left: &SentenceTerms, right: &SentenceTerms, idf: &[f64]) -> bool {
    let (denier, other) = match (&left.negation, &right.negation) {
        (Some(_), None) => (left, right),
        (None, Some(_)) => (right, left),
        _ => return false,
    };
    let denied = denier.negation.as_deref().unwrap_or_default();
    let (mut shared_weight, mut denied_weight) = (0.0, 0.0);
    for &term in &denier.unnamed {
        if other.unnamed.binary_search(&term).is_ok() {
            shared_weight += idf[term as usize];
            if denied.binary_search(&term).is_ok() {
                denied_weight += idf[term as usize];
            }
        }
    }
    denied_weight > 0.0 && denied_weight >= MIN_DENIED_SHARE * shared_weight
}

/// Which side of a question a term takes, by its stem: for ("support", "favor", "approve",
/// "endorse", "accept") or against ("oppose", "opposition", "opponent", "reject",
/// "disapprove").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stance {
    For,
    Against,
    Neither,
}

impl Stance {
    fn of(stem: &str) -> Stance {
        match stem {
            "support" | "favor" | "favour" | "approv" | "endors" | "accept" => Stance::For,
            "oppos" | "opposit" | "oppon" | "reject" | "disapprov" => Stance::Against,
            _ => Stance::Neither,
        }
    }
}

/// Whether one of two units takes one side and the other the opposite side only ("voiced
/// support for same-sex marriage" / "voicing her opposition to same-sex marriage"): what they
/// share is the question, not an answer. A unit naming both sides ("supporters and opponents
/// of the bill") takes neither.
fn opposite_stances(left: Stance, right: Stance) -> bool {
    left != Stance::Neither && right != Stance::Neither && left != right
}

/// The side `unit` takes, given the stance of each term.
fn stance_taken(unit: &SentenceTerms, stances: &[Stance]) -> Stance {
    let (mut for_, mut against) = (false, false);
    for &term in &unit.terms {
        match stances[term as usize] {
            Stance::For => for_ = true,
            Stance::Against => against = true,
            Stance::Neither => {}
        }
    }
    match (for_, against) {
        (true, false) => Stance::For,
        (false, true) => Stance::Against,
        _ => Stance::Neither,
    }
}

/// How many elements two sorted lists have in common.
fn n_common(left: &[u32], right: &[u32]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0);
    while let (Some(a), Some(b)) = (left.get(i), right.get(j)) {
        match a.cmp(b) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common
}

/// Whether two sentences tell one event of one calendar day in other words: both give the day,
/// and besides its words they share [`SAME_DAY_MIN_STATED`] terms outside names and
/// attributions ("pilots walked off the job"), not only who and when ("The harbour pilots on
/// Tuesday released a statement …" / "On Tuesday the harbour pilots' pension records were
/// released …").
fn same_day_event(left: &SentenceTerms, right: &SentenceTerms) -> bool {
    let (Some(left_day), Some(right_day)) = (&left.day, &right.day) else {
        return false;
    };
    if !left_day
        .days
        .iter()
        .any(|day| right_day.days.binary_search(day).is_ok())
    {
        return false;
    }
    let is_day_word = |term: &u32| {
        left_day.words.binary_search(term).is_ok() || right_day.words.binary_search(term).is_ok()
    };
    let stated = |day: &Days| -> Vec<u32> {
        day.plain
            .iter()
            .copied()
            .filter(|term| !is_day_word(term))
            .collect()
    };
    n_common(&stated(left_day), &stated(right_day)) >= SAME_DAY_MIN_STATED
}

/// A TIMEX3 value that is one day on the calendar (`2021-12-30`), not a month, range or time.
fn is_single_day(value: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(idx, byte)| {
            if idx == 4 || idx == 7 {
                *byte == b'-'
            } else {
                byte.is_ascii_digit()
            }
        })
}

/// Two sentences that both state numbers say the same thing only if they share one: "talks on
/// December 7" and "talks on December 30" are two events, and "11 people" against "30 dockers"
/// is a dispute, not a consensus.
fn numbers_agree(left: &[u32], right: &[u32]) -> bool {
    left.is_empty()
        || right.is_empty()
        || left
            .iter()
            .any(|number| right.binary_search(number).is_ok())
}

/// The weights of `terms` summed from the heaviest down, from 0: entry `k` is the most that `k`
/// of them weigh together, the last their whole weight.
fn heaviest_sums(terms: &[u32], idf: &[f64]) -> Vec<f64> {
    let mut weights: Vec<f64> = terms.iter().map(|&term| idf[term as usize]).collect();
    weights.sort_unstable_by(|a, b| b.total_cmp(a));
    std::iter::once(0.0)
        .chain(weights.iter().scan(0.0, |sum, weight| {
            *sum += weight;
            Some(*sum)
        }))
        .collect()
}

/// Whether two units weighing `total` together, whose shared terms weigh at most
/// `most_shared`, can reach a [`weighted_jaccard`] similarity of `floor`: the similarity is
/// `shared / (total - shared)`, which grows with the shared weight. The margin keeps a pair
/// whose sums round differently from the merge's.
fn can_reach(most_shared: f64, total: f64, floor: f64) -> bool {
    most_shared >= floor * (total - most_shared) * (1.0 - 1e-9)
}

fn weighted_jaccard(left: &[u32], right: &[u32], idf: &[f64]) -> f64 {
    let (mut both, mut either) = (0.0, 0.0);
    let (mut i, mut j) = (0, 0);
    while i < left.len() || j < right.len() {
        match (left.get(i), right.get(j)) {
            (Some(a), Some(b)) if a == b => {
                both += idf[*a as usize];
                either += idf[*a as usize];
                i += 1;
                j += 1;
            }
            (Some(a), Some(b)) if a < b => {
                either += idf[*a as usize];
                i += 1;
            }
            (Some(_), Some(b)) => {
                either += idf[*b as usize];
                j += 1;
            }
            (Some(a), None) => {
                either += idf[*a as usize];
                i += 1;
            }
            (None, Some(b)) => {
                either += idf[*b as usize];
                j += 1;
            }
            (None, None) => break,
        }
    }
    if either == 0.0 { 0.0 } else { both / either }
}

/// Disjoint groups of sentences in which no article appears twice.
struct Groups {
    parent: Vec<usize>,
    /// The articles of each group, sorted, kept at its root.
    articles: Vec<Vec<usize>>,
}

impl Groups {
    fn new(sentences: &[SentenceTerms]) -> Groups {
        Groups {
            parent: (0..sentences.len()).collect(),
            articles: sentences
                .iter()
                .map(|sentence| vec![sentence.article_idx])
                .collect(),
        }
    }

    fn root(&mut self, mut node: usize) -> usize {
        while self.parent[node] != node {
            self.parent[node] = self.parent[self.parent[node]];
            node = self.parent[node];
        }
        node
    }

    fn merge(&mut self, left: usize, right: usize) {
        let (left, right) = (self.root(left), self.root(right));
        if left == right || !disjoint(&self.articles[left], &self.articles[right]) {
            return;
        }
        let moved = std::mem::take(&mut self.articles[right]);
        let kept = &mut self.articles[left];
        kept.extend(moved);
        kept.sort_unstable();
        self.parent[right] = left;
    }

    /// The groups, each in sentence order, in the order of their roots.
    fn members(&mut self) -> Vec<Vec<usize>> {
        let mut by_root: Vec<Vec<usize>> = vec![Vec::new(); self.parent.len()];
        for node in 0..self.parent.len() {
            let root = self.root(node);
            by_root[root].push(node);
        }
        by_root.retain(|members| !members.is_empty());
        by_root
    }
}

/// Whether two sorted lists have no element in common.
fn disjoint(left: &[usize], right: &[usize]) -> bool {
    let (mut i, mut j) = (0, 0);
    while let (Some(a), Some(b)) = (left.get(i), right.get(j)) {
        match a.cmp(b) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return false,
        }
    }
    true
}

/// The text of `range` in `annotated`'s article; empty where the range does not fall on its
/// characters.
fn text_of<'a>(annotated: &'a parallax_model::Annotated, range: &Range<usize>) -> &'a str {
    annotated
        .article
        .text
        .get(range.clone())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two units' sorted terms.
    type TermsPair = (Vec<u32>, Vec<u32>);

    /// Pairs of term lists drawn from a small vocabulary with uneven weights, deterministically.
    fn drawn_pairs() -> (Vec<f64>, Vec<TermsPair>) {
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move |below: u64| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) % below
        };
        let idf: Vec<f64> = (0..40).map(|_| 0.1 + next(490) as f64 / 100.0).collect();
        let mut draw = || {
            let n = 1 + next(20);
            let mut terms: Vec<u32> = (0..n).map(|_| next(40) as u32).collect();
            terms.sort_unstable();
            terms.dedup();
            terms
        };
        let pairs = (0..3_000).map(|_| (draw(), draw())).collect();
        (idf, pairs)
    }

    #[test]
    fn the_similarity_bound_never_rules_out_a_pair_at_its_own_similarity() {
        let (idf, pairs) = drawn_pairs();
        let mut n_ruled_out = 0;
        for (left, right) in &pairs {
            let (left_sums, right_sums) = (heaviest_sums(left, &idf), heaviest_sums(right, &idf));
            let shared = n_common(left, right);
            let most_shared = left_sums[shared].min(right_sums[shared]);
            let total = left_sums[left.len()] + right_sums[right.len()];
            let similarity = weighted_jaccard(left, right, &idf);
            assert!(
                can_reach(most_shared, total, similarity),
                "{left:?} / {right:?}: similarity {similarity}, bound from {most_shared} of {total}"
            );
            n_ruled_out += usize::from(!can_reach(most_shared, total, 0.15));
        }
        // The bound is of use: it rules out many of the pairs under the lowest floor.
        assert!(n_ruled_out > 300, "{n_ruled_out} pairs ruled out");
    }
}
