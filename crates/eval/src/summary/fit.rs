//! Fitting the summary's salience model (`parallax_brief::Salience`) on a split of
//! NeuS/AllSides: which of a story's candidate statements a roundup of its sources restates.
//!
//! Every candidate of every story is labelled by the ROUGE-1 plus ROUGE-2 precision of its
//! wording against the story's roundup: the summary is cut at the roundup's length, so what a
//! sentence is worth is how much of each word it spends the roundup shares. The model is a
//! conditional logit over each story's candidates (the summary ranks the candidates of one
//! story, so only differences within a story matter), its target the softmax of the labels at
//! temperature [`TEMPERATURE`], with an L2 penalty, fitted by Newton's method on standardized
//! features; the weights are written back in the features' own units. A search on the ROUGE of
//! the summaries themselves then adjusts them ([`fit`]).

use super::baselines::cut;
use super::{Example, rouge, without_citations};
use parallax_engine::brief_stage::{SALIENCE_FEATURES, Salience, SummaryInputs, SummaryLength};

/// Softmax temperature of the target, in units of the label (precision, 0 to 2): small makes
/// the target the best candidate alone, large spreads it over every good one. Measured on
/// NeuS/AllSides with the logit alone (train 43.53, 43.51, 43.52; val 43.20, 43.44, 43.81 at
/// 0.03, 0.1, 0.3).
const TEMPERATURE: f64 = 0.3;
/// L2 penalty on the standardized weights, per story.
const RIDGE: f64 = 0.01;
/// Newton steps at most; the fit stops earlier once a step changes no weight by 1e-9.
const MAX_NEWTON_STEPS: usize = 50;
/// The search's first step, in standard deviations of the feature, and the step below which it
/// stops (the step halves whenever no move of one weight raises ROUGE).
const FIRST_STEP: f64 = 0.5;
const LAST_STEP: f64 = 0.1;

/// One story as the fit reads it: its summary inputs, the roundup's ROUGE tokens and length.
struct Story<'a> {
    inputs: SummaryInputs<'a>,
    reference: Vec<String>,
    max_words: usize,
}

/// Fits the salience weights on `examples` in two stages: a conditional logit on the labels of
/// the candidates (see the module's documentation), then a search that moves one weight at a
/// time, in steps of [`FIRST_STEP`] down to [`LAST_STEP`] standard deviations, while that
/// raises the mean ROUGE-1 F1 of the summaries themselves: the logit learns which sentence a
/// roundup restates, the search how the summary's greedy choice and the cut at the roundup's
/// length reward it. Returns the weights file as [`Salience::parse`] reads it, with `header`
/// as its opening comment, and the weights.
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
    let samples: Vec<Sample> = stories.iter().filter_map(sample).collect();
    let (mut weights, spread) = logit(&samples);
    let mut best = mean_rouge1(&stories, &salience(&weights));
    let mut step = FIRST_STEP;
    while step >= LAST_STEP {
        let mut improved = false;
        for (feature, spread) in spread.iter().enumerate() {
            if *spread == 0.0 {
                continue;
            }
            for direction in [1.0, -1.0] {
                let mut trial = weights.clone();
                trial[feature] += direction * step / spread;
                let score = mean_rouge1(&stories, &salience(&trial));
                if score > best {
                    best = score;
                    weights = trial;
                    improved = true;
                    break;
                }
            }
        }
        if !improved {
            step /= 2.0;
        }
    }
    let mut file = String::new();
    for line in header.lines() {
        file.push_str("# ");
        file.push_str(line);
        file.push('\n');
    }
    file.push_str(&weights_file(&weights));
    (file, salience(&weights))
}

/// The weights file of `weights` (one per feature, in the features' own units), without
/// comments.
fn weights_file(weights: &[f64]) -> String {
    SALIENCE_FEATURES
        .iter()
        .zip(weights)
        .map(|(name, weight)| format!("{name}\t{weight:.6}\n"))
        .collect()
}

/// The model of `weights` as the summary reads it: rounded as the weights file has them.
fn salience(weights: &[f64]) -> Salience {
    Salience::parse(&weights_file(weights)).expect("the weights file is written as it is read")
}

/// Mean ROUGE-1 F1 of the summaries of `stories` made with `salience`, each cut at its
/// roundup's length as the evaluation cuts it.
fn mean_rouge1(stories: &[Story<'_>], salience: &Salience) -> f64 {
    let sum: f64 = stories
        .iter()
        .map(|story| {
            let sentences: Vec<String> = story
                .inputs
                .summary(SummaryLength::FillWords(story.max_words), salience)
                .iter()
                .map(|sentence| without_citations(&sentence.text))
                .collect();
            let summary = cut(&sentences.join(" "), story.max_words);
            rouge::score_tokens(&story.reference, &rouge::tokens(&summary))
                .rouge1
                .f1
        })
        .sum();
    sum / stories.len().max(1) as f64
}

/// The candidates of one story: features and labels.
struct Sample {
    features: Vec<Vec<f64>>,
    labels: Vec<f64>,
}

/// The conditional logit's weights in the features' own units, and each feature's standard
/// deviation over the candidates (0 for a constant one, whose weight stays 0).
fn logit(samples: &[Sample]) -> (Vec<f64>, Vec<f64>) {
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
    (raw, spread)
}

/// The candidates of one story, labelled by the ROUGE-1 plus ROUGE-2 precision of each wording
/// against the roundup; none when it has fewer than two (nothing to rank).
fn sample(story: &Story<'_>) -> Option<Sample> {
    let candidates = story.inputs.candidates();
    if candidates.len() < 2 {
        return None;
    }
    let labels = candidates
        .iter()
        .map(|candidate| {
            let scored = rouge::score_tokens(&story.reference, &rouge::tokens(&candidate.text));
            scored.rouge1.precision + scored.rouge2.precision
        })
        .collect();
    Some(Sample {
        features: candidates
            .into_iter()
            .map(|candidate| candidate.features)
            .collect(),
        labels,
    })
}

/// The target distribution over one story's candidates: the softmax of their labels at
/// [`TEMPERATURE`].
fn target(labels: &[f64]) -> Vec<f64> {
    softmax(
        &labels
            .iter()
            .map(|label| {
                label
                    / std::env::var("PARALLAX_DEV_TEMP")
                        .ok()
                        .and_then(|t| t.parse().ok())
                        .unwrap_or(TEMPERATURE)
            })
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
