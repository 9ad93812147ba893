//! Salience: how much of a roundup of the sources a candidate sentence would restate, as a
//! linear model over features of the sentence (its place in its article, its length, how many
//! sources and headlines share its terms, whether it quotes or attributes, …).
//!
//! The weights are fitted on NeuS/AllSides train, not written by hand: `parallax eval summary
//! --split train --fit FILE` (`parallax_eval::summary::fit`) has a teacher that reads each
//! story's roundup make its summary under the summary's rules, labels the statements eligible
//! at every step by how much each would raise the ROUGE of the summary so far, and fits a
//! conditional logit to the labels, one for the first choice and one for the later ones; the
//! result is `data/summary-salience.tsv`, compiled in. Since the summary ranks the candidates
//! of one step, only differences of scores matter: the bias ranks nothing.
//!
//! One feature reads a prior over words, fitted with the weights and kept in the same file: how
//! much likelier than the average term a term is to be restated by a roundup of sources that
//! use it ([`WordPrior`]). Some kinds of words are restated more than others whatever the
//! story (what was decided, who acted, the figures) and others less (a reporter's framing, the
//! colour of a scene); Hong and Nenkova (EACL 2014) found such a prior, learned from human
//! summaries, the strongest single estimate of word importance in news summarization.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The features the model reads, in the order of [`Features`] and of the weights file.
pub const SALIENCE_FEATURES: [&str; N_FEATURES] = [
    "bias",
    "lead",
    "position",
    "relative_position",
    "words",
    "coverage",
    "shared",
    "in_headlines",
    "headline_coverage",
    "corroborated",
    "sources_share",
    "quote",
    "attributed",
    "judged",
    "number",
    "entities",
    "time",
    "pronoun_start",
    "article_sentences",
    "question",
    "own_headline",
    "shared_bigrams",
    "centroid",
    "novelty",
    "overflow",
    "roundup_words",
];

pub(crate) const N_FEATURES: usize = 26;

/// Index of the feature the summary sets while it chooses, as terms become covered.
pub(crate) const COVERAGE: usize = 5;
/// Indices of the other features the summary sets while it chooses: the share of the
/// candidate's terms not yet stated, and the share of its words past a cap where the text is
/// cut.
pub(crate) const NOVELTY: usize = 23;
pub(crate) const OVERFLOW: usize = 24;

/// The values of [`SALIENCE_FEATURES`] for one candidate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Features(pub(crate) [f64; N_FEATURES]);

/// The weights of the salience model: a candidate's score is their dot product with its
/// [`SALIENCE_FEATURES`]. The first statement chosen has weights of its own: it is chosen on
/// what it says alone, where a later one is chosen for what it adds.
#[derive(Debug, Clone, PartialEq)]
pub struct Salience {
    first: [f64; N_FEATURES],
    later: [f64; N_FEATURES],
    word_prior: WordPrior,
}

/// For each term (as `parallax_text::Terms` spells it), the log of how much likelier than the
/// average term it is to be in a roundup of sources that use it; terms it does not list weigh 0.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WordPrior {
    weights: HashMap<String, f64>,
}

impl WordPrior {
    /// The prior of `weights`, by term.
    pub fn new(weights: HashMap<String, f64>) -> WordPrior {
        WordPrior { weights }
    }

    /// The weight of `term`: 0 for a term the prior does not list.
    pub fn weight(&self, term: &str) -> f64 {
        self.weights.get(term).copied().unwrap_or(0.0)
    }

    /// The prior's lines of a weights file: `term<TAB>weight`, sorted by term.
    pub fn lines(&self) -> String {
        let mut terms: Vec<(&String, &f64)> = self.weights.iter().collect();
        terms.sort_unstable_by(|a, b| a.0.cmp(b.0));
        terms
            .into_iter()
            .map(|(term, weight)| format!("{term}\t{weight:.4}\n"))
            .collect()
    }
}

/// The fitted weights, compiled in.
const FITTED: &str = include_str!("../../data/summary-salience.tsv");

/// Why a weights file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("salience weights, line {line}: {reason}")]
pub struct SalienceError {
    /// Line of the file, from 1.
    pub line: usize,
    /// What is wrong with it.
    pub reason: String,
}

impl Salience {
    /// The weights fitted on NeuS/AllSides train (`data/summary-salience.tsv`).
    pub fn fitted() -> &'static Salience {
        static FITTED_SALIENCE: OnceLock<Salience> = OnceLock::new();
        FITTED_SALIENCE.get_or_init(|| {
            Salience::parse(FITTED).expect("the compiled-in weights file is checked by a test")
        })
    }

    /// Reads a weights file: one `feature<TAB>first<TAB>later` line per feature of
    /// [`SALIENCE_FEATURES`], in that order, with its weight for the first choice and for the
    /// later ones; then the [`WordPrior`], one `term<TAB>weight` line per term. Blank lines and
    /// lines starting with `#` are comments.
    ///
    /// # Errors
    ///
    /// When a line is not a feature and two numbers, a feature is out of order, or one is
    /// missing; when a line of the prior is not a term and a number.
    pub fn parse(text: &str) -> Result<Salience, SalienceError> {
        let mut first = [0.0; N_FEATURES];
        let mut later = [0.0; N_FEATURES];
        let mut word_prior = HashMap::new();
        let mut n_read = 0;
        for (line_idx, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let error = |reason: String| SalienceError {
                line: line_idx + 1,
                reason,
            };
            if n_read == N_FEATURES {
                let (Some((term, weight)), false) =
                    (line.split_once('\t'), line.matches('\t').count() > 1)
                else {
                    return Err(error("not a term and its weight, tab-separated".into()));
                };
                let weight: f64 = weight
                    .trim()
                    .parse()
                    .map_err(|_| error(format!("weight {weight:?} is no number")))?;
                word_prior.insert(term.to_string(), weight);
                continue;
            }
            let mut fields = line.split('\t');
            let name = fields.next().unwrap_or_default();
            let (Some(weight_first), Some(weight_later), None) =
                (fields.next(), fields.next(), fields.next())
            else {
                return Err(error("not a feature and two weights, tab-separated".into()));
            };
            let expected = SALIENCE_FEATURES
                .get(n_read)
                .ok_or_else(|| error(format!("feature {name:?} past the last one")))?;
            if name != *expected {
                return Err(error(format!(
                    "feature {name:?} where {expected:?} was due"
                )));
            }
            let weight = |text: &str| {
                text.trim()
                    .parse()
                    .map_err(|_| error(format!("weight {text:?} is no number")))
            };
            first[n_read] = weight(weight_first)?;
            later[n_read] = weight(weight_later)?;
            n_read += 1;
        }
        if n_read < N_FEATURES {
            return Err(SalienceError {
                line: text.lines().count(),
                reason: format!("feature {:?} missing", SALIENCE_FEATURES[n_read]),
            });
        }
        Ok(Salience {
            first,
            later,
            word_prior: WordPrior::new(word_prior),
        })
    }

    /// These weights with the prior `word_prior` instead of the file's.
    pub fn with_word_prior(self, word_prior: WordPrior) -> Salience {
        Salience { word_prior, ..self }
    }

    /// The prior over terms that the feature `roundup_words` reads.
    pub fn word_prior(&self) -> &WordPrior {
        &self.word_prior
    }

    pub(crate) fn score(&self, features: &Features, first: bool) -> f64 {
        self.score_features(&features.0, first)
    }

    /// The score of a candidate whose features are `features`, in the order of
    /// [`SALIENCE_FEATURES`], as the summary scores it for its `first` choice or a later one.
    pub fn score_features(&self, features: &[f64], first: bool) -> f64 {
        let weights = if first { &self.first } else { &self.later };
        weights
            .iter()
            .zip(features)
            .map(|(weight, value)| weight * value)
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fitted_weights_parse() {
        assert!(Salience::parse(FITTED).is_ok());
    }

    #[test]
    fn files_out_of_order_or_short_are_refused() {
        let check = |text: &str, line: usize| {
            assert_eq!(Salience::parse(text).map_err(|error| error.line), Err(line));
        };
        check("# weights\nlead\t1.0\t1.0\n", 2);
        check("bias 1.0 1.0\n", 1);
        check("bias\tone\t1.0\n", 1);
        check("bias\t1.0\n", 1);
        check("bias\t1.0\t1.0\n", 1);
    }

    #[test]
    fn the_prior_follows_the_features() {
        let mut file: String = SALIENCE_FEATURES
            .iter()
            .map(|name| format!("{name}\t1.0\t2.0\n"))
            .collect();
        file.push_str("# prior\nsenat\t0.5\nvote\t-0.25\n");
        let salience = Salience::parse(&file).expect("a well-formed file");
        assert_eq!(salience.word_prior().weight("senat"), 0.5);
        assert_eq!(salience.word_prior().weight("vote"), -0.25);
        assert_eq!(salience.word_prior().weight("unlisted"), 0.0);
        assert_eq!(
            salience.word_prior().lines(),
            "senat\t0.5000\nvote\t-0.2500\n"
        );
        let broken = format!("{file}senat 0.5\n");
        assert_eq!(
            Salience::parse(&broken).map_err(|error| error.line),
            Err(broken.lines().count())
        );
    }
}
