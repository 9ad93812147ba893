//! Fitting the summary's salience model (`parallax_brief::Salience`) on a split of
//! NeuS/AllSides: which statement, at each step of the summary's greedy choice, raises the
//! ROUGE of the summary against the story's roundup the most.
//!
//! A teacher that reads the roundup makes the summary of each story: at every step it takes,
//! among the statements the summary's rules leave eligible, the one whose gain is highest, the
//! gain being how much it raises ROUGE-1 plus [`ROUGE2_WEIGHT`] times ROUGE-2 F1 of the summary
//! so far, cut at the roundup's length as the evaluation cuts it. Every step is a sample: the
//! eligible statements with their features given what is chosen before them (coverage,
//! novelty, words past the cap), labelled with their gains. The model is a conditional logit
//! over the statements of one step (the summary ranks them, so only differences within a step
//! matter), its target the softmax of the gains at temperature [`TEMPERATURE`], with an L2
//! penalty, fitted by Newton's method on standardized features; the weights are written back in
//! the features' own units. The first choice and the later ones get a logit each: the first is
//! chosen among corroborated statements for what it says alone, the later ones for what they
//! add.
//!
//! The prior over terms that one feature reads ([`parallax_engine::brief_stage::WordPrior`]) is
//! counted on the split's stories: of the stories whose sources use a term, the share whose
//! roundup restates it, against that share over all terms, smoothed. A story's feature must
//! not read its own roundup, so the stories are split in fifths and each fifth's features read
//! the prior of the other four (cross-fitting); the file gets the prior of the whole split.
//!
//! The fit is measured by cross-validation: each fifth of the stories is summarized with the
//! weights (and the prior) fitted on the other four, and the mean ROUGE-1 over all the stories
//! goes into the weights file's header (a single held-out fifth, as before, moved by ±0.3 with
//! which fifth it was); the weights are then fitted on the whole split. An earlier fit searched the weights on the ROUGE of the summaries themselves after the logit:
//! that raised ROUGE on the stories it searched on and lowered it on held-out ones.

use super::baselines::cut;
use super::{Example, rouge, without_citations};
use parallax_engine::brief_stage::{
    SALIENCE_FEATURES, Salience, SummaryInputs, SummaryLength, WordPrior,
};
use parallax_engine::model::SummaryKind;
use parallax_text::Terms;
use std::collections::{HashMap, HashSet};

/// Softmax temperature of the target, in units of the gain (F1, 0 to 1): small makes the target
/// the best statement alone, large spreads it over every good one. Chosen on a held-out fifth of
/// NeuS/AllSides train (ROUGE-1 there 43.87, 43.90 at 0.003, 0.01; 43.99 at 0.02 with ROUGE-2
/// weighing 1).
const TEMPERATURE: f64 = 0.01;
/// Weight of ROUGE-2 F1 in the gain, beside ROUGE-1's 1: bigrams favour wordings that restate
/// the roundup's phrases, not just its words (held-out ROUGE-1 43.90 at 0, 44.06 at 0.5).
const ROUGE2_WEIGHT: f64 = 0.5;
/// L2 penalty on the standardized weights, per sample (held-out ROUGE-1 43.68, 43.90, 43.57 at
/// 0.001, 0.01, 0.1).
const RIDGE: f64 = 0.01;
/// Newton steps at most; the fit stops earlier once a step changes no weight by 1e-9.
const MAX_NEWTON_STEPS: usize = 50;
/// The fit is measured by cross-validation in this many parts; the prior and the term model
/// are cross-fitted over the same parts.
const CROSS_VALIDATION_PARTS: usize = 5;
/// The prior weighs only terms the sources of at least this many stories use; the rest weigh 0.
const MIN_PRIOR_STORIES: usize = 20;
/// Stories of the average share added to each term's counts, which draws the weights of rare
/// terms towards 0.
const PRIOR_SMOOTHING: f64 = 20.0;

/// One story as the fit reads it: its summary inputs, the roundup's ROUGE tokens and length,
/// and, for the prior, the terms its sources use and those of them its roundup restates.
struct Story<'a> {
    inputs: SummaryInputs<'a>,
    reference: Vec<String>,
    max_words: usize,
    source_terms: Vec<String>,
    restated: Vec<String>,
}

/// Fits the salience weights on `examples` (see the module's documentation). Returns the
/// weights file as [`Salience::parse`] reads it, with `header` and the held-out measure as its
/// opening comment, and the weights.
pub(crate) fn fit(examples: &[Example], header: &str) -> (String, Salience) {
    let terms = Terms::new(Some("en"));
    let stories: Vec<Story<'_>> = examples
        .iter()
        .map(|example| {
            let story = &example.outcome.story;
            let mut source_terms: Vec<String> = story
                .articles
                .iter()
                .flat_map(|annotated| {
                    let article = &annotated.article;
                    terms
                        .each(&article.text)
                        .chain(terms.each(article.title.as_deref().unwrap_or_default()))
                        .collect::<Vec<_>>()
                })
                .collect();
            source_terms.sort_unstable();
            source_terms.dedup();
            let in_reference: HashSet<String> = terms.each(&example.reference).collect();
            let restated = source_terms
                .iter()
                .filter(|term| in_reference.contains(*term))
                .cloned()
                .collect();
            Story {
                inputs: SummaryInputs::new(
                    story,
                    &example.consensus,
                    &example.outcome.brief.agreed_facts,
                    &example.outcome.brief.disputes,
                ),
                reference: rouge::tokens(&example.reference),
                max_words: example.reference.split_whitespace().count(),
                source_terms,
                restated,
            }
        })
        .collect();
    let part_of = |idx: usize| idx % CROSS_VALIDATION_PARTS;
    let priors: Vec<WordPrior> = (0..CROSS_VALIDATION_PARTS)
        .map(|part| {
            word_prior(
                stories
                    .iter()
                    .enumerate()
                    .filter(|(idx, _)| part_of(*idx) != part)
                    .map(|(_, story)| story),
            )
        })
        .collect();
    let part_salience = |part: usize, weights: &[Vec<f64>; 2]| {
        salience(weights).with_word_prior(priors[part].clone())
    };
    // The teacher reads the features, which read the prior, not the weights.
    let unweighted = [
        vec![0.0; SALIENCE_FEATURES.len()],
        vec![0.0; SALIENCE_FEATURES.len()],
    ];
    let samples: Vec<Vec<Sample>> = stories
        .iter()
        .enumerate()
        .map(|(idx, story)| teach(story, &part_salience(part_of(idx), &unweighted)))
        .collect();
    // Each part's stories summarized with the weights fitted on the other parts.
    let mut held_out_rouge1 = vec![0.0; stories.len()];
    for part in 0..CROSS_VALIDATION_PARTS {
        let partial = part_salience(
            part,
            &fit_both(
                samples
                    .iter()
                    .enumerate()
                    .filter_map(|(idx, story_samples)| {
                        (part_of(idx) != part).then_some(story_samples)
                    }),
            ),
        );
        for (idx, story) in stories.iter().enumerate() {
            if part_of(idx) == part {
                held_out_rouge1[idx] = rouge1(story, &partial);
            }
        }
    }
    let mean = |values: &mut dyn Iterator<Item = f64>| {
        let (sum, n) = values.fold((0.0, 0_usize), |(sum, n), value| (sum + value, n + 1));
        sum / n.max(1) as f64 * 100.0
    };
    let measured = format!(
        "Cross-validated in {CROSS_VALIDATION_PARTS} parts (every {CROSS_VALIDATION_PARTS}th story \
         from the 1st, 2nd, ...; each part summarized with the weights and prior fitted on the \
         others): ROUGE-1 F1 {:.2} on all {} stories; {:.2} on the last part.",
        mean(&mut held_out_rouge1.iter().copied()),
        stories.len(),
        mean(
            &mut held_out_rouge1
                .iter()
                .enumerate()
                .filter(|(idx, _)| part_of(*idx) == CROSS_VALIDATION_PARTS - 1)
                .map(|(_, value)| *value)
        ),
    );
    let weights = fit_both(samples.iter());
    let prior = word_prior(stories.iter());
    let mut file = String::new();
    for line in header.lines().chain([measured.as_str()]) {
        file.push_str("# ");
        file.push_str(line);
        file.push('\n');
    }
    file.push_str(&weights_file(&weights));
    file.push_str(&format!(
        "# The prior over terms (roundup_words): ln of the smoothed share of the stories using \
         the term whose roundup restates it, over that share for all terms; terms of at least \
         {MIN_PRIOR_STORIES} stories.\n"
    ));
    file.push_str(&prior.lines());
    let fitted = Salience::parse(&file).expect("the weights file is written as it is read");
    (file, fitted)
}

/// The prior over terms counted on `stories` (see the module's documentation).
fn word_prior<'a>(stories: impl Iterator<Item = &'a Story<'a>>) -> WordPrior {
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for story in stories {
        for term in &story.source_terms {
            counts.entry(term).or_default().0 += 1;
        }
        for term in &story.restated {
            counts.entry(term).or_default().1 += 1;
        }
    }
    let (n_used, n_restated) = counts.values().fold((0, 0), |(used, restated), counts| {
        (used + counts.0, restated + counts.1)
    });
    let average = n_restated as f64 / n_used.max(1) as f64;
    if average <= 0.0 {
        return WordPrior::default();
    }
    WordPrior::new(
        counts
            .into_iter()
            .filter(|(_, (used, _))| *used >= MIN_PRIOR_STORIES)
            .map(|(term, (used, restated))| {
                let share =
                    (restated as f64 + PRIOR_SMOOTHING * average) / (used as f64 + PRIOR_SMOOTHING);
                // Rounded as the file writes it, so the fitted model and the file agree.
                let weight = ((share / average).ln() * 1e4).round() / 1e4;
                (term.to_string(), weight)
            })
            .collect(),
    )
}

/// The weights of the first choice and of the later ones, each a logit fitted on its samples
/// of `stories`.
fn fit_both<'a>(stories: impl Iterator<Item = &'a Vec<Sample>>) -> [Vec<f64>; 2] {
    let (first, later): (Vec<&Sample>, Vec<&Sample>) =
        stories.flatten().partition(|sample| sample.first);
    [logit(&first), logit(&later)]
}

/// The weights file of `weights` (for the first choice and the later ones, in the features'
/// own units), without comments.
fn weights_file(weights: &[Vec<f64>; 2]) -> String {
    SALIENCE_FEATURES
        .iter()
        .enumerate()
        .map(|(idx, name)| format!("{name}\t{:.6}\t{:.6}\n", weights[0][idx], weights[1][idx]))
        .collect()
}

/// The model of `weights` as the summary reads it: rounded as the weights file has them, with
/// no prior (the callers set theirs).
fn salience(weights: &[Vec<f64>; 2]) -> Salience {
    Salience::parse(&weights_file(weights)).expect("the weights file is written as it is read")
}

/// The ROUGE-1 F1 of the summary of `story` made with `salience`, cut at its roundup's length
/// as the evaluation cuts it.
fn rouge1(story: &Story<'_>, salience: &Salience) -> f64 {
    let sentences: Vec<String> = story
        .inputs
        .summary(SummaryLength::FillWords(story.max_words), salience)
        .iter()
        .map(|sentence| without_citations(&sentence.text))
        .collect();
    let summary = cut(&sentences.join(" "), story.max_words);
    rouge::ngram_score(&story.reference, &rouge::tokens(&summary), 1).f1
}

/// The statements eligible at one step of a summary: features and gains.
struct Sample {
    /// Whether it is the first choice.
    first: bool,
    features: Vec<Vec<f64>>,
    labels: Vec<f64>,
}

/// The steps of the teacher's summary of `story` with two or more eligible statements, each
/// labelled with their gains (see the module's documentation).
fn teach(story: &Story<'_>, salience: &Salience) -> Vec<Sample> {
    let mut samples = Vec::new();
    let mut cache = TokenCache::default();
    let mut gain_of = |texts: &[&str]| {
        let tokens = cache.cut(texts, story.max_words);
        rouge::ngram_score(&story.reference, &tokens, 1).f1
            + ROUGE2_WEIGHT * rouge::ngram_score(&story.reference, &tokens, 2).f1
    };
    story.inputs.summary_guided(
        SummaryLength::FillWords(story.max_words),
        salience,
        |so_far, options| {
            let texts: Vec<String> = so_far
                .iter()
                .map(|sentence| without_citations(&sentence.text))
                .collect();
            let mut texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            let n_leading = so_far
                .iter()
                .filter(|sentence| sentence.kind == SummaryKind::Corroborated)
                .count();
            let base = gain_of(&texts);
            // Each statement where the summary would put it: corroborated ones before the
            // disputes, single-source ones last.
            let labels: Vec<f64> = options
                .iter()
                .map(|option| {
                    let at = if option.kind == SummaryKind::Corroborated {
                        n_leading
                    } else {
                        texts.len()
                    };
                    texts.insert(at, &option.text);
                    let gain = gain_of(&texts) - base;
                    texts.remove(at);
                    gain
                })
                .collect();
            let best = labels
                .iter()
                .enumerate()
                .max_by(|(at_a, a), (at_b, b)| a.total_cmp(b).then(at_b.cmp(at_a)))
                .map(|(at, _)| at);
            if options.len() >= 2 {
                samples.push(Sample {
                    first: so_far
                        .iter()
                        .all(|sentence| sentence.kind == SummaryKind::Disputed),
                    features: options
                        .iter()
                        .map(|option| option.features.clone())
                        .collect(),
                    labels,
                });
            }
            best
        },
    );
    samples
}

/// The ROUGE tokens of each whitespace-separated word of the sentences of one story's
/// summaries, tokenized once: the teacher scores every eligible statement at every step.
#[derive(Default)]
struct TokenCache {
    words: HashMap<String, Vec<Vec<String>>>,
}

impl TokenCache {
    /// The tokens of `texts` joined and cut at `max_words` words, as [`cut`] cuts them.
    fn cut(&mut self, texts: &[&str], max_words: usize) -> Vec<String> {
        let mut tokens = Vec::new();
        let mut n_words = 0;
        for text in texts {
            let words = self
                .words
                .entry((*text).to_string())
                .or_insert_with(|| text.split_whitespace().map(rouge::tokens).collect());
            for word in words.iter() {
                if n_words == max_words {
                    return tokens;
                }
                tokens.extend(word.iter().cloned());
                n_words += 1;
            }
        }
        tokens
    }
}

/// The conditional logit's weights over `samples`, in the features' own units; a feature
/// constant over the samples keeps weight 0.
fn logit(samples: &[&Sample]) -> Vec<f64> {
    let n_features = SALIENCE_FEATURES.len();
    let n_candidates = samples
        .iter()
        .map(|sample| sample.labels.len())
        .sum::<usize>()
        .max(1) as f64;
    // Standardize, so one penalty suits every feature and Newton's steps are well scaled.
    let mut mean = vec![0.0; n_features];
    let mut spread = vec![0.0; n_features];
    for row in samples.iter().flat_map(|sample| &sample.features) {
        for (sum, value) in mean.iter_mut().zip(row) {
            *sum += value / n_candidates;
        }
    }
    for row in samples.iter().flat_map(|sample| &sample.features) {
        for ((sum, value), mean) in spread.iter_mut().zip(row).zip(&mean) {
            *sum += (value - mean).powi(2) / n_candidates;
        }
    }
    let spread: Vec<f64> = spread
        .into_iter()
        .map(|variance| {
            if variance > 1e-12 {
                variance.sqrt()
            } else {
                0.0
            }
        })
        .collect();
    let standardized: Vec<(Vec<Vec<f64>>, Vec<f64>)> = samples
        .iter()
        .map(|sample| {
            let rows = sample
                .features
                .iter()
                .map(|row| {
                    row.iter()
                        .zip(&mean)
                        .zip(&spread)
                        .map(|((value, mean), spread)| {
                            if *spread > 0.0 {
                                (value - mean) / spread
                            } else {
                                0.0
                            }
                        })
                        .collect()
                })
                .collect();
            (rows, target(&sample.labels))
        })
        .collect();

    let mut weights = vec![0.0; n_features];
    let penalty = RIDGE * samples.len() as f64;
    for _ in 0..MAX_NEWTON_STEPS {
        let mut gradient: Vec<f64> = weights.iter().map(|weight| penalty * weight).collect();
        let mut hessian = vec![vec![0.0; n_features]; n_features];
        for (idx, row) in hessian.iter_mut().enumerate() {
            row[idx] = penalty;
        }
        for (rows, target) in &standardized {
            let probabilities = softmax(
                &rows
                    .iter()
                    .map(|row| dot(&weights, row))
                    .collect::<Vec<_>>(),
            );
            let mut expected = vec![0.0; n_features];
            for ((row, probability), wanted) in rows.iter().zip(&probabilities).zip(target) {
                for j in 0..n_features {
                    gradient[j] += (probability - wanted) * row[j];
                    expected[j] += probability * row[j];
                    for k in 0..n_features {
                        hessian[j][k] += probability * row[j] * row[k];
                    }
                }
            }
            for j in 0..n_features {
                for k in 0..n_features {
                    hessian[j][k] -= expected[j] * expected[k];
                }
            }
        }
        let step = solve(hessian, gradient);
        let largest = step.iter().fold(0.0_f64, |acc, value| acc.max(value.abs()));
        for (weight, change) in weights.iter_mut().zip(&step) {
            *weight -= change;
        }
        if largest < 1e-9 {
            break;
        }
    }

    // Back to the features' own units: w·(x - mean)/spread = (w/spread)·x - w·mean/spread; the
    // constant goes to the bias, which ranks nothing but keeps the scores those of the logit.
    let mut raw: Vec<f64> = weights
        .iter()
        .zip(&spread)
        .map(
            |(weight, spread)| {
                if *spread > 0.0 { weight / spread } else { 0.0 }
            },
        )
        .collect();
    let offset: f64 = raw
        .iter()
        .zip(&mean)
        .map(|(weight, mean)| weight * mean)
        .sum();
    raw[0] -= offset;
    raw
}

/// The target distribution over one story's candidates: the softmax of their labels at
/// [`TEMPERATURE`].
fn target(labels: &[f64]) -> Vec<f64> {
    softmax(
        &labels
            .iter()
            .map(|label| label / TEMPERATURE)
            .collect::<Vec<_>>(),
    )
}

fn softmax(logits: &[f64]) -> Vec<f64> {
    let largest = logits.iter().fold(f64::NEG_INFINITY, |acc, &x| acc.max(x));
    let exps: Vec<f64> = logits.iter().map(|x| (x - largest).exp()).collect();
    let sum: f64 = exps.iter().sum();
    exps.into_iter().map(|x| x / sum).collect()
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// `x` with `matrix · x = rhs`, by Gaussian elimination with partial pivoting; `matrix` is
/// symmetric positive definite here (the ridge penalty sees to it), so no pivot is zero.
fn solve(mut matrix: Vec<Vec<f64>>, mut rhs: Vec<f64>) -> Vec<f64> {
    let n = rhs.len();
    for col in 0..n {
        let pivot = (col..n)
            .max_by(|&a, &b| matrix[a][col].abs().total_cmp(&matrix[b][col].abs()))
            .unwrap_or(col);
        matrix.swap(col, pivot);
        rhs.swap(col, pivot);
        let diagonal = matrix[col][col];
        if diagonal.abs() < 1e-300 {
            continue;
        }
        let pivot_row = matrix[col].clone();
        for row in col + 1..n {
            let factor = matrix[row][col] / diagonal;
            for (value, pivot_value) in matrix[row][col..].iter_mut().zip(&pivot_row[col..]) {
                *value -= factor * pivot_value;
            }
            rhs[row] -= factor * rhs[col];
        }
    }
    let mut x = vec![0.0; n];
    for row in (0..n).rev() {
        let rest: f64 = (row + 1..n).map(|k| matrix[row][k] * x[k]).sum();
        x[row] = if matrix[row][row].abs() < 1e-300 {
            0.0
        } else {
            (rhs[row] - rest) / matrix[row][row]
        };
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solves_a_small_system() {
        let x = solve(vec![vec![2.0, 1.0], vec![1.0, 3.0]], vec![3.0, 5.0]);
        assert!(
            (x[0] - 0.8).abs() < 1e-12 && (x[1] - 1.4).abs() < 1e-12,
            "{x:?}"
        );
    }
}
