//! How similar two articles are: tf-idf cosine of content terms blended with the cosine of
//! idf-weighted named-entity keys, zero outside the time window.

use crate::{Config, Profile};
use std::collections::{BTreeMap, HashMap};

/// Profiles counted in every collection that hold no term: a prior that keeps idf nearly flat
/// when the collection is small (two articles of one story share most of their words, and
/// plain idf would give those words no weight at all) and fades as the collection grows.
const PSEUDO_PROFILES: f64 = 10.0;

/// How many profiles of a collection hold each term and each entity key: the idf side of
/// tf-idf, for the batch split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Corpus {
    n_profiles: u32,
    term_frequency: BTreeMap<String, u32>,
    entity_frequency: BTreeMap<String, u32>,
}

/// A profile's weights, unit length per channel, as sorted `(id, weight)` pairs whose ids come
/// from one [`Corpus::vectors`] call (vectors of different calls do not compare).
#[derive(Debug, Clone)]
pub(crate) struct Vector {
    terms: Vec<(u32, f64)>,
    entities: Vec<(u32, f64)>,
    published: Option<chrono::NaiveDate>,
}

impl Corpus {
    /// An empty collection.
    pub(crate) fn new() -> Corpus {
        Corpus {
            n_profiles: 0,
            term_frequency: BTreeMap::new(),
            entity_frequency: BTreeMap::new(),
        }
    }

    /// The collection of `profiles`.
    pub(crate) fn of<'profile>(profiles: impl IntoIterator<Item = &'profile Profile>) -> Corpus {
        let mut corpus = Corpus::new();
        for profile in profiles {
            corpus.add(profile);
        }
        corpus
    }

    /// Counts `profile` in.
    pub(crate) fn add(&mut self, profile: &Profile) {
        self.n_profiles = self.n_profiles.saturating_add(1);
        for term in profile.terms.keys() {
            *self.term_frequency.entry(term.clone()).or_default() += 1;
        }
        for key in profile.entities.keys() {
            *self.entity_frequency.entry(key.clone()).or_default() += 1;
        }
    }

    /// The weighted vectors of `profiles` against this collection, comparable with each other.
    pub(crate) fn vectors(&self, profiles: &[&Profile]) -> Vec<Vector> {
        let mut vocabulary: HashMap<&str, u32> = HashMap::new();
        profiles
            .iter()
            .map(|profile| Vector {
                terms: self.weigh(&profile.terms, &self.term_frequency, &mut vocabulary),
                entities: self.weigh(&profile.entities, &self.entity_frequency, &mut vocabulary),
                published: profile.published,
            })
            .collect()
    }

    /// [`weight`] of each key, scaled to unit length.
    fn weigh<'profile>(
        &self,
        counts: &'profile BTreeMap<String, u32>,
        document_frequency: &BTreeMap<String, u32>,
        vocabulary: &mut HashMap<&'profile str, u32>,
    ) -> Vec<(u32, f64)> {
        let weights: Vec<(u32, f64)> = counts
            .iter()
            .map(|(key, count)| {
                let frequency = document_frequency.get(key).copied().unwrap_or(0);
                let n_known = u32::try_from(vocabulary.len()).unwrap_or(u32::MAX);
                let id = *vocabulary.entry(key.as_str()).or_insert(n_known);
                (id, weight(*count, self.n_profiles, frequency))
            })
            .collect();
        unit_length(weights)
    }
}

impl Vector {
    /// A vector of weights already scaled to unit length and sorted by id (see [`unit_length`]).
    pub(crate) fn new(
        terms: Vec<(u32, f64)>,
        entities: Vec<(u32, f64)>,
        published: Option<chrono::NaiveDate>,
    ) -> Vector {
        Vector {
            terms,
            entities,
            published,
        }
    }
}

/// The weight of a key an article holds `count` times and `frequency` of `n_profiles` profiles
/// hold: [`term_frequency_weight`] times idf (with [`PSEUDO_PROFILES`]).
pub(crate) fn weight(count: u32, n_profiles: u32, frequency: u32) -> f64 {
    term_frequency_weight(count) * idf(n_profiles, frequency)
}

/// Sublinear tf, `1 + ln(count)`: a word an article repeats ten times is not ten times the
/// evidence. Most keys occur once, and those need no logarithm.
pub(crate) fn term_frequency_weight(count: u32) -> f64 {
    if count == 1 {
        1.0
    } else {
        1.0 + f64::from(count).ln()
    }
}

/// `weights` scaled to unit length and sorted by id, ready for [`similarity`].
pub(crate) fn unit_length(mut weights: Vec<(u32, f64)>) -> Vec<(u32, f64)> {
    let norm = weights
        .iter()
        .map(|(_, weight)| weight * weight)
        .sum::<f64>()
        .sqrt();
    if norm > 0.0 {
        for (_, weight) in &mut weights {
            *weight /= norm;
        }
    }
    weights.sort_unstable_by_key(|(id, _)| *id);
    weights
}

/// The idf (with [`PSEUDO_PROFILES`]) of a key held by `frequency` of `n_profiles` profiles.
pub(crate) fn idf(n_profiles: u32, frequency: u32) -> f64 {
    ((1.0 + f64::from(n_profiles) + PSEUDO_PROFILES) / (1.0 + f64::from(frequency))).ln()
}

/// The similarity (0–1) of two articles.
pub(crate) fn similarity(left: &Vector, right: &Vector, config: &Config) -> f64 {
    blend(
        left,
        right,
        || cosine(&left.terms, &right.terms),
        || cosine(&left.entities, &right.entities),
        config,
    )
}

/// The [`similarity`] of every pair of `vectors`, as the condensed upper triangle: (0,1),
/// (0,2), …, (1,2), ….
///
/// The batch split needs every pair, quadratic in the articles, and this is where it spends
/// its time: each left vector is spread once into a dense array indexed by id, and each right
/// one is read against it, rather than merging two sorted lists per pair. The sums add the same
/// products in the same order, so the values are those of [`similarity`].
pub(crate) fn pairwise(vectors: &[Vector], config: &Config) -> Vec<f64> {
    let n_vectors = vectors.len();
    let mut similarities = Vec::with_capacity(n_vectors * n_vectors.saturating_sub(1) / 2);
    let dense_length = |channel: fn(&Vector) -> &[(u32, f64)]| {
        vectors
            .iter()
            .filter_map(|vector| channel(vector).last())
            .map(|&(id, _)| id as usize + 1)
            .max()
            .unwrap_or(0)
    };
    let mut dense_terms = vec![0.0; dense_length(|vector| &vector.terms)];
    let mut dense_entities = vec![0.0; dense_length(|vector| &vector.entities)];
    for (left_idx, left) in vectors.iter().enumerate() {
        spread(&mut dense_terms, &left.terms, true);
        spread(&mut dense_entities, &left.entities, true);
        for right in &vectors[left_idx + 1..] {
            similarities.push(blend(
                left,
                right,
                || dot_dense(&dense_terms, &right.terms),
                || dot_dense(&dense_entities, &right.entities),
                config,
            ));
        }
        spread(&mut dense_terms, &left.terms, false);
        spread(&mut dense_entities, &left.entities, false);
    }
    similarities
}

/// Writes `weights` into `dense` (or clears them again).
fn spread(dense: &mut [f64], weights: &[(u32, f64)], write: bool) {
    for &(id, weight) in weights {
        dense[id as usize] = if write { weight } else { 0.0 };
    }
}

/// The dot product of a vector spread into `dense` with `weights`.
fn dot_dense(dense: &[f64], weights: &[(u32, f64)]) -> f64 {
    weights
        .iter()
        .map(|&(id, weight)| dense[id as usize] * weight)
        .fold(0.0, |total, product| total + product)
}

/// The similarity of two articles from the cosines of their terms and their entities, each
/// computed only when needed: zero outside the time window, terms alone when either has no
/// entity.
fn blend(
    left: &Vector,
    right: &Vector,
    terms: impl FnOnce() -> f64,
    entities: impl FnOnce() -> f64,
    config: &Config,
) -> f64 {
    let days_apart = match (left.published, right.published) {
        (Some(left_date), Some(right_date)) => Some((left_date - right_date).num_days().abs()),
        _ => None,
    };
    if days_apart.is_some_and(|days| days > config.window_days) {
        return 0.0;
    }
    let decay = match (days_apart, config.half_life_days) {
        (Some(days), Some(half_life)) if days > 1 => 0.5f64.powf((days - 1) as f64 / half_life),
        _ => 1.0,
    };
    // An article in which the annotator found no names says nothing either way about shared
    // entities; judging it on terms alone keeps it from being pushed away.
    if left.entities.is_empty() || right.entities.is_empty() {
        return decay * terms();
    }
    decay * ((1.0 - config.entity_weight) * terms() + config.entity_weight * entities())
}

/// The dot product of two unit vectors sorted by id.
fn cosine(left: &[(u32, f64)], right: &[(u32, f64)]) -> f64 {
    let (mut left_idx, mut right_idx, mut dot) = (0, 0, 0.0);
    while let (Some((left_id, left_weight)), Some((right_id, right_weight))) =
        (left.get(left_idx), right.get(right_idx))
    {
        match left_id.cmp(right_id) {
            std::cmp::Ordering::Less => left_idx += 1,
            std::cmp::Ordering::Greater => right_idx += 1,
            std::cmp::Ordering::Equal => {
                dot += left_weight * right_weight;
                left_idx += 1;
                right_idx += 1;
            }
        }
    }
    dot
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairwise_gives_each_pairs_similarity() {
        let date = |day: u32| chrono::NaiveDate::from_ymd_opt(2030, 1, day);
        let vector = |terms: &[(u32, f64)], entities: &[(u32, f64)], day: Option<u32>| {
            Vector::new(
                unit_length(terms.to_vec()),
                unit_length(entities.to_vec()),
                day.and_then(date),
            )
        };
        let vectors = [
            vector(&[(0, 1.0), (3, 2.0), (7, 0.5)], &[(2, 1.0)], Some(1)),
            vector(
                &[(3, 1.0), (7, 1.5), (9, 0.3)],
                &[(2, 1.0), (4, 2.0)],
                Some(3),
            ),
            vector(&[(1, 1.0), (3, 0.7)], &[], None),
            vector(&[(0, 0.2), (9, 1.0)], &[(4, 1.0)], Some(31)),
        ];
        let config = Config {
            window_days: 20,
            ..Config::new()
        };
        let mut expected = Vec::new();
        for (left_idx, left) in vectors.iter().enumerate() {
            for right in &vectors[left_idx + 1..] {
                expected.push(similarity(left, right, &config));
            }
        }
        assert_eq!(pairwise(&vectors, &config), expected);
        assert_eq!(expected[2], 0.0, "30 days apart, outside the window");
        assert!(expected.iter().filter(|&&value| value > 0.0).count() >= 3);
    }
}
