//! [`Stories`]: the incremental split, for articles that arrive one at a time (a store, a feed).

use crate::similarity::{Corpus, Vector, similarity};
use crate::{Config, Profile};
use parallax_model::ArticleId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The stories of the articles seen so far, grown one [`Profile`] at a time.
///
/// A story is known by its *key*: the id of the first article that was added to it. The key
/// never changes while the story grows; when two stories merge, the one whose first article
/// came earlier keeps its key and the other key is reported as merged into it. Serde saves and
/// restores the whole state; [`Stories::rebuild`] makes the same state again from the profiles
/// in their arrival order.
///
/// An article is compared only with articles published within [`Config::window_days`] of it
/// (articles without a date are compared with all), and joins the story whose members in that
/// window are, on average, the most similar to it, when that average reaches
/// [`Config::threshold`]. Weights (idf) are those of all articles seen so far, so the same
/// articles added in another order can split differently, and the split can differ from the
/// batch [`cluster`](crate::cluster) of the same articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stories {
    config: Config,
    corpus: Corpus,
    /// Every profile, in arrival order.
    profiles: Vec<Profile>,
    /// For each profile, the index of its story's first profile.
    founder_of: Vec<usize>,
    /// Where each article's profile is.
    index_of: BTreeMap<ArticleId, usize>,
}

/// Where an added article went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    /// The key of the story the article is in now.
    pub story: ArticleId,
    /// Whether the article started that story (no earlier story was similar enough).
    pub started: bool,
    /// Keys of earlier stories the article showed to be part of `story`, merged into it, in
    /// arrival order; their articles now belong to `story`.
    pub merged: Vec<ArticleId>,
}

impl Stories {
    /// No articles yet.
    pub fn new(config: Config) -> Stories {
        Stories {
            config,
            corpus: Corpus::new(),
            profiles: Vec::new(),
            founder_of: Vec::new(),
            index_of: BTreeMap::new(),
        }
    }

    /// The stories of `profiles` added one by one in the given order: the same state as the
    /// run that added them, for a store that keeps the profiles rather than this state.
    pub fn rebuild(profiles: Vec<Profile>, config: Config) -> Stories {
        let mut stories = Stories::new(config);
        for profile in profiles {
            stories.add(profile);
        }
        stories
    }

    /// Adds one article and says which story it joined or started, and which stories it
    /// merged. An article already added (same id) is left where it is.
    pub fn add(&mut self, profile: Profile) -> Placement {
        if let Some(&idx) = self.index_of.get(&profile.article) {
            return Placement {
                story: self.key(self.founder_of[idx]),
                started: false,
                merged: Vec::new(),
            };
        }
        let new_idx = self.profiles.len();
        self.corpus.add(&profile);
        self.index_of.insert(profile.article.clone(), new_idx);
        self.profiles.push(profile);
        self.founder_of.push(new_idx);

        // Only articles within the window are evidence for or against joining a story.
        let new_profile = &self.profiles[new_idx];
        let in_window: Vec<usize> = (0..new_idx)
            .filter(|&idx| within_window(&self.profiles[idx], new_profile, &self.config))
            .chain(std::iter::once(new_idx))
            .collect();
        let window_profiles: Vec<&Profile> =
            in_window.iter().map(|&idx| &self.profiles[idx]).collect();
        let vectors = self.corpus.vectors(&window_profiles);
        let new_vector = vectors
            .last()
            .expect("the new profile is the window's last");

        // Members in the window of each earlier story, keyed by founder (ascending, so ties
        // go to the older story).
        let mut groups: BTreeMap<usize, Vec<&Vector>> = BTreeMap::new();
        for (window_idx, &idx) in in_window.iter().enumerate() {
            if idx != new_idx {
                groups
                    .entry(self.founder_of[idx])
                    .or_default()
                    .push(&vectors[window_idx]);
            }
        }
        let mut best: Option<(usize, f64)> = None;
        for (&founder, members) in &groups {
            let score = average_link(&[new_vector], members, &self.config);
            if score >= self.config.threshold && best.is_none_or(|(_, best)| score > best) {
                best = Some((founder, score));
            }
        }
        let Some((founder, _)) = best else {
            return Placement {
                story: self.key(new_idx),
                started: true,
                merged: Vec::new(),
            };
        };

        // The new article may bridge its story and others: merge while some story's average
        // similarity to the grown story reaches the threshold, most similar first.
        let mut story_founder = founder;
        let mut story_members: Vec<&Vector> = groups.remove(&founder).unwrap_or_default();
        story_members.push(new_vector);
        let mut merged_founders = Vec::new();
        loop {
            let mut best: Option<(usize, f64)> = None;
            for (&other, members) in &groups {
                let score = average_link(&story_members, members, &self.config);
                if score >= self.config.threshold && best.is_none_or(|(_, best)| score > best) {
                    best = Some((other, score));
                }
            }
            let Some((other, _)) = best else { break };
            story_members.extend(groups.remove(&other).unwrap_or_default());
            merged_founders.push(story_founder.max(other));
            story_founder = story_founder.min(other);
        }
        for owner in &mut self.founder_of {
            if *owner == founder || merged_founders.contains(owner) {
                *owner = story_founder;
            }
        }
        self.founder_of[new_idx] = story_founder;
        merged_founders.sort_unstable();
        Placement {
            story: self.key(story_founder),
            started: false,
            merged: merged_founders
                .into_iter()
                .map(|founder| self.key(founder))
                .collect(),
        }
    }

    /// Every story as its key and its articles' ids in arrival order; stories in the order
    /// they were started.
    pub fn stories(&self) -> Vec<(ArticleId, Vec<ArticleId>)> {
        let mut members: BTreeMap<usize, Vec<ArticleId>> = BTreeMap::new();
        for (profile, &founder) in self.profiles.iter().zip(&self.founder_of) {
            members
                .entry(founder)
                .or_default()
                .push(profile.article.clone());
        }
        members
            .into_iter()
            .map(|(founder, articles)| (self.key(founder), articles))
            .collect()
    }

    /// The key of the story `article` is in, `None` when it was never added.
    pub fn story_of(&self, article: &ArticleId) -> Option<ArticleId> {
        let idx = *self.index_of.get(article)?;
        Some(self.key(self.founder_of[idx]))
    }

    fn key(&self, founder: usize) -> ArticleId {
        self.profiles[founder].article.clone()
    }
}

/// Whether two articles are close enough in time to be evidence about each other.
fn within_window(left: &Profile, right: &Profile, config: &Config) -> bool {
    match (left.published, right.published) {
        (Some(left), Some(right)) => (left - right).num_days().abs() <= config.window_days,
        _ => true,
    }
}

/// The average similarity over every pair of one article of `left` and one of `right`.
fn average_link(left: &[&Vector], right: &[&Vector], config: &Config) -> f64 {
    let n_pairs = left.len() * right.len();
    if n_pairs == 0 {
        return 0.0;
    }
    let total: f64 = left
        .iter()
        .flat_map(|left| right.iter().map(|right| similarity(left, right, config)))
        .sum();
    total / n_pairs as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(id: &str, terms: &[&str]) -> Profile {
        Profile {
            article: ArticleId(id.to_string()),
            published: None,
            terms: terms.iter().map(|term| (term.to_string(), 1)).collect(),
            entities: BTreeMap::new(),
        }
    }

    /// Adds the profiles in order and returns each placement as `key started merged-keys`,
    /// then the final stories.
    fn check(profiles: &[Profile], expected: &[&str]) {
        let mut stories = Stories::new(Config::new());
        let mut actual: Vec<String> = profiles
            .iter()
            .map(|profile| {
                let placement = stories.add(profile.clone());
                let merged: Vec<&str> = placement.merged.iter().map(ArticleId::as_str).collect();
                format!(
                    "{} {} [{}]",
                    placement.story,
                    if placement.started {
                        "started"
                    } else {
                        "joined"
                    },
                    merged.join(",")
                )
            })
            .collect();
        for (key, members) in stories.stories() {
            let members: Vec<&str> = members.iter().map(ArticleId::as_str).collect();
            actual.push(format!("{key}: {}", members.join(",")));
        }
        assert_eq!(actual, expected);
        let rebuilt = Stories::rebuild(profiles.to_vec(), Config::new());
        assert_eq!(rebuilt, stories);
    }

    #[test]
    fn joins_and_starts() {
        check(
            &[
                profile("a", &["harbor", "strike", "docker", "pay"]),
                profile("b", &["dam", "river", "spillway", "rain"]),
                profile("c", &["harbor", "strike", "docker", "union"]),
                profile("a", &["harbor", "strike", "docker", "pay"]),
            ],
            &[
                "a started []",
                "b started []",
                "a joined []",
                "a joined []",
                "a: a,c",
                "b: b",
            ],
        );
    }

    #[test]
    fn bridging_article_merges_stories() {
        check(
            &[
                profile("a", &["harbor", "strike", "docker", "pay"]),
                profile("b", &["crane", "port", "wage", "walkout"]),
                profile(
                    "c",
                    &[
                        "harbor", "strike", "docker", "pay", "crane", "port", "wage", "walkout",
                    ],
                ),
            ],
            &["a started []", "b started []", "a joined [b]", "a: a,b,c"],
        );
    }
}
