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
//! Fitted on four fifths of the split first, the model's ROUGE-1 on the fifth it did not see
//! goes into the weights file's header; the weights are then fitted on the whole split. An
//! earlier fit searched the weights on the ROUGE of the summaries themselves after the logit:
//! that raised ROUGE on the stories it searched on and lowered it on held-out ones.

use super::baselines::cut;
use super::{Example, rouge, without_citations};
use parallax_engine::brief_stage::{SALIENCE_FEATURES, Salience, SummaryInputs, SummaryLength};
use parallax_engine::model::SummaryKind;
use std::collections::HashMap;

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
/// One story in this many is held out of the first fit, to measure it.
const HELD_OUT_EVERY: usize = 5;

/// One story as the fit reads it: its summary inputs, the roundup's ROUGE tokens and length.
struct Story<'a> {
    inputs: SummaryInputs<'a>,
    reference: Vec<String>,
    max_words: usize,
}

/// Fits the salience weights on `examples` (see the module's documentation). Returns the
/// weights file as [`Salience::parse`] reads it, with `header` and the held-out measure as its
/// opening comment, and the weights.
pub(crate) fn fit(examples: &[Example], header: &str) -> (String, Salience) {
    let stories: Vec<Story<'_>> = examples
        .iter()
        .map(|example| Story {
            inputs: SummaryInputs::new(
                &example.outcome.story,
                &example.outcome.brief.consensus,
                &example.outcome.brief.disputes,
            ),
            reference: rouge::tokens(&example.reference),
            max_words: example.reference.split_whitespace().count(),
        })
        .collect();
    let samples: Vec<Vec<Sample>> = stories.iter().map(teach).collect();
    let is_held_out = |idx: usize| idx % HELD_OUT_EVERY == HELD_OUT_EVERY - 1;
    let partial = salience(&fit_both(samples.iter().enumerate().filter_map(
        |(idx, story_samples)| (!is_held_out(idx)).then_some(story_samples),
    )));
    let mut held_out: Vec<&Story<'_>> = Vec::new();
    let mut fitting: Vec<&Story<'_>> = Vec::new();
    for (idx, story) in stories.iter().enumerate() {
        if is_held_out(idx) {
            held_out.push(story);
        } else {
            fitting.push(story);
        }
    }
    let rouge1_of = |part: &[&Story<'_>], model: &Salience| {
        part.iter().map(|story| rouge1(story, model)).sum::<f64>() / part.len().max(1) as f64
    };
    let measured = format!(
        "Fitted on the other four fifths first: ROUGE-1 F1 {:.2} on the {} held-out stories \
         (every {HELD_OUT_EVERY}th), {:.2} on the {} it was fitted on.",
        rouge1_of(&held_out, &partial) * 100.0,
        held_out.len(),
        rouge1_of(&fitting, &partial) * 100.0,
        fitting.len(),
    );
    let weights = fit_both(samples.iter());
    let mut file = String::new();
    for line in header.lines().chain([measured.as_str()]) {
        file.push_str("# ");
        file.push_str(line);
        file.push('\n');
    }
    file.push_str(&weights_file(&weights));
    (file, salience(&weights))
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

/// The model of `weights` as the summary reads it: rounded as the weights file has them.
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
fn teach(story: &Story<'_>) -> Vec<Sample> {
    let mut samples = Vec::new();
    let mut cache = TokenCache::default();
    let mut gain_of = |texts: &[&str]| {
        let tokens = cache.cut(texts, story.max_words);
        rouge::ngram_score(&story.reference, &tokens, 1).f1
            + ROUGE2_WEIGHT * rouge::ngram_score(&story.reference, &tokens, 2).f1
    };
    story.inputs.summary_guided(
        SummaryLength::FillWords(story.max_words),
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
