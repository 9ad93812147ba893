//! [`cluster`]: the batch split of a set of articles into stories.

use crate::similarity::{Corpus, similarity};
use crate::{Config, Profile};

/// Splits `profiles` into stories: average-link agglomerative clustering over
/// [`similarity`](crate) (idf from `profiles` themselves), merging groups while their average
/// pairwise similarity is at least [`Config::threshold`].
///
/// Returns each story as the indices of its profiles, ascending; stories are ordered by their
/// first index, so the same profiles in the same order always give the same answer. Every
/// index appears exactly once; an empty slice gives no story.
pub fn cluster(profiles: &[Profile], config: &Config) -> Vec<Vec<usize>> {
    let n_profiles = profiles.len();
    if n_profiles < 2 {
        return (0..n_profiles).map(|idx| vec![idx]).collect();
    }
    let corpus = Corpus::of(profiles);
    let profile_refs: Vec<&Profile> = profiles.iter().collect();
    let vectors = corpus.vectors(&profile_refs);
    // The condensed upper triangle kodama expects: (0,1), (0,2), …, (1,2), ….
    let mut dissimilarities = Vec::with_capacity(n_profiles * (n_profiles - 1) / 2);
    for (left_idx, left) in vectors.iter().enumerate() {
        for right in &vectors[left_idx + 1..] {
            dissimilarities.push(1.0 - similarity(left, right, config));
        }
    }
    let dendrogram = kodama::linkage(&mut dissimilarities, n_profiles, kodama::Method::Average);

    // Cluster labels as kodama numbers them: profiles are 0..n, the cluster made by step i is
    // n + i. Average linkage is monotone, so the steps under the cut form whole subtrees.
    let cut = 1.0 - config.threshold;
    let mut members: Vec<Vec<usize>> = (0..n_profiles).map(|idx| vec![idx]).collect();
    for step in dendrogram.steps() {
        let merged = if step.dissimilarity <= cut {
            let mut merged = std::mem::take(&mut members[step.cluster1]);
            merged.append(&mut members[step.cluster2]);
            merged
        } else {
            Vec::new()
        };
        members.push(merged);
    }
    let mut stories: Vec<Vec<usize>> = members
        .into_iter()
        .filter(|story| !story.is_empty())
        .map(|mut story| {
            story.sort_unstable();
            story
        })
        .collect();
    stories.sort_unstable_by_key(|story| story[0]);
    stories
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn profile(id: &str, terms: &[&str], date: Option<&str>) -> Profile {
        Profile {
            article: parallax_model::ArticleId(id.to_string()),
            published: date.and_then(|date| date.parse().ok()),
            terms: terms.iter().map(|term| (term.to_string(), 1)).collect(),
            entities: BTreeMap::new(),
        }
    }

    fn check(profiles: &[Profile], expected: &[&[usize]]) {
        assert_eq!(cluster(profiles, &Config::new()), expected);
    }

    #[test]
    fn splits_two_topics() {
        check(
            &[
                profile("a", &["harbor", "strike", "docker", "pay"], None),
                profile("b", &["dam", "river", "spillway", "rain"], None),
                profile("c", &["harbor", "strike", "docker", "union"], None),
                profile("d", &["dam", "river", "flood", "rain"], None),
            ],
            &[&[0, 2], &[1, 3]],
        );
    }

    #[test]
    fn far_apart_dates_split_same_words() {
        check(
            &[
                profile("a", &["harbor", "strike", "docker"], Some("2026-01-05")),
                profile("b", &["harbor", "strike", "docker"], Some("2026-09-05")),
            ],
            &[&[0], &[1]],
        );
    }

    #[test]
    fn empty_and_single() {
        check(&[], &[]);
        check(&[profile("a", &["harbor"], None)], &[&[0]]);
    }
}
