//! [`Stories`]: the incremental split, for articles that arrive one at a time (a store, a feed).

use crate::similarity::{Corpus, Vector, similarity};
use crate::{Config, Profile};
use parallax_model::ArticleId;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// How many of a new article's terms, rarest first, find the earlier articles it is compared
/// with: its rarest terms are what a story's articles share and other stories' do not.
const QUERY_TERMS: usize = 20;

/// At most this many earlier articles (those sharing the most idf weight of the query terms)
/// are compared with a new one in full, so that adding stays as fast however big the archive
/// and its time window grow.
const MAX_CANDIDATES: usize = 256;

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
#[serde(from = "SavedStories")]
pub struct Stories {
    config: Config,
    corpus: Corpus,
    /// Every profile, in arrival order.
    profiles: Vec<Profile>,
    /// For each profile, the index of its story's first profile.
    founder_of: Vec<usize>,
    /// Where each article's profile is.
    index_of: BTreeMap<ArticleId, usize>,
    /// For each term, the profiles that hold it, ascending: finds the candidates of an add
    /// without looking at every profile. Derived from `profiles`, so not saved.
    #[serde(skip_serializing)]
    holders_of_term: HashMap<String, Vec<usize>>,
    /// For each story's founder, its profiles ascending: a merge touches only the merged
    /// stories. Derived from `founder_of`, so not saved.
    #[serde(skip_serializing)]
    members_of: BTreeMap<usize, Vec<usize>>,
}

/// What [`Stories`] saves: the indexes are rebuilt on load, so the saved JSON stays as it was.
#[derive(Deserialize)]
struct SavedStories {
    config: Config,
    corpus: Corpus,
    profiles: Vec<Profile>,
    founder_of: Vec<usize>,
    index_of: BTreeMap<ArticleId, usize>,
}

impl From<SavedStories> for Stories {
    fn from(saved: SavedStories) -> Stories {
        let mut holders_of_term: HashMap<String, Vec<usize>> = HashMap::new();
        for (idx, profile) in saved.profiles.iter().enumerate() {
            for term in profile.terms.keys() {
                holders_of_term.entry(term.clone()).or_default().push(idx);
            }
        }
        let mut members_of: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (idx, &founder) in saved.founder_of.iter().enumerate() {
            members_of.entry(founder).or_default().push(idx);
        }
        Stories {
            config: saved.config,
            corpus: saved.corpus,
            profiles: saved.profiles,
            founder_of: saved.founder_of,
            index_of: saved.index_of,
            holders_of_term,
            members_of,
        }
    }
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
            holders_of_term: HashMap::new(),
            members_of: BTreeMap::new(),
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
        self.members_of.insert(new_idx, vec![new_idx]);

        // Only the candidates are compared in full; every other article of a story in the
        // window counts as not similar (it shares none of the new article's rarest terms, or
        // fewer than the candidates do), so it still weighs on the story's average.
        let candidates = self.candidates(new_idx);
        for term in self.profiles[new_idx].terms.keys() {
            self.holders_of_term
                .entry(term.clone())
                .or_default()
                .push(new_idx);
        }
        let new_profile = &self.profiles[new_idx];
        let compared: Vec<&Profile> = candidates
            .iter()
            .chain(std::iter::once(&new_idx))
            .map(|&idx| &self.profiles[idx])
            .collect();
        let vectors = self.corpus.vectors(&compared);
        let new_vector = vectors
            .last()
            .expect("the new profile is the compared profiles' last");

        // Each candidate story, keyed by founder (ascending, so ties go to the older story):
        // its candidates' vectors and how many of its articles are in the window.
        let mut groups: BTreeMap<usize, Group> = BTreeMap::new();
        for (vector, &idx) in vectors.iter().zip(&candidates) {
            let founder = self.founder_of[idx];
            groups
                .entry(founder)
                .or_insert_with(|| Group {
                    vectors: Vec::new(),
                    n_in_window: self.members_of[&founder]
                        .iter()
                        .filter(|&&member| {
                            within_window(&self.profiles[member], new_profile, &self.config)
                        })
                        .count(),
                })
                .vectors
                .push(vector);
        }
        let new_group = Group {
            vectors: vec![new_vector],
            n_in_window: 1,
        };
        let mut best: Option<(usize, f64)> = None;
        for (&founder, group) in &groups {
            let score = average_link(&new_group, group, &self.config);
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
        let mut story = groups.remove(&founder).unwrap_or(Group {
            vectors: Vec::new(),
            n_in_window: 0,
        });
        story.vectors.push(new_vector);
        story.n_in_window += 1;
        let mut merged_founders = Vec::new();
        loop {
            let mut best: Option<(usize, f64)> = None;
            for (&other, group) in &groups {
                let score = average_link(&story, group, &self.config);
                if score >= self.config.threshold && best.is_none_or(|(_, best)| score > best) {
                    best = Some((other, score));
                }
            }
            let Some((other, _)) = best else { break };
            if let Some(group) = groups.remove(&other) {
                story.vectors.extend(group.vectors);
                story.n_in_window += group.n_in_window;
            }
            merged_founders.push(story_founder.max(other));
            story_founder = story_founder.min(other);
        }
        let mut story_members = Vec::new();
        // Every story involved: the joined one, the new article's own, and each merged one
        // (the oldest of them keeps its key, so it is `story_founder`, possibly not `founder`).
        for old_founder in [founder, new_idx, story_founder]
            .into_iter()
            .chain(merged_founders.iter().copied())
        {
            story_members.extend(self.members_of.remove(&old_founder).unwrap_or_default());
        }
        story_members.sort_unstable();
        for &member in &story_members {
            self.founder_of[member] = story_founder;
        }
        self.members_of.insert(story_founder, story_members);
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

    /// The earlier profiles in the window of profile `new_idx` that hold at least one of its
    /// [`QUERY_TERMS`] rarest terms, at most [`MAX_CANDIDATES`] of them (those sharing the most
    /// idf weight, then the latest), ascending.
    fn candidates(&self, new_idx: usize) -> Vec<usize> {
        let new_profile = &self.profiles[new_idx];
        let mut query: Vec<(f64, &str)> = new_profile
            .terms
            .keys()
            .map(|term| (self.corpus.term_idf(term), term.as_str()))
            .collect();
        query.sort_by(|left, right| right.0.total_cmp(&left.0).then(left.1.cmp(right.1)));
        let mut shared: HashMap<usize, f64> = HashMap::new();
        for (idf, term) in query.into_iter().take(QUERY_TERMS) {
            for &idx in self.holders_of_term.get(term).into_iter().flatten() {
                if within_window(&self.profiles[idx], new_profile, &self.config) {
                    *shared.entry(idx).or_default() += idf;
                }
            }
        }
        let mut ranked: Vec<(usize, f64)> = shared.into_iter().collect();
        ranked.sort_by(|left, right| right.1.total_cmp(&left.1).then(right.0.cmp(&left.0)));
        let mut candidates: Vec<usize> = ranked
            .into_iter()
            .take(MAX_CANDIDATES)
            .map(|(idx, _)| idx)
            .collect();
        candidates.sort_unstable();
        candidates
    }

    /// The ids of the articles of the story keyed `story`, in arrival order; empty when there
    /// is no such story.
    pub fn members(&self, story: &ArticleId) -> Vec<ArticleId> {
        self.index_of
            .get(story)
            .and_then(|founder| self.members_of.get(founder))
            .into_iter()
            .flatten()
            .map(|&idx| self.profiles[idx].article.clone())
            .collect()
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

/// A story as one add sees it: the vectors of its candidates, and how many of its articles
/// are in the window (the others among them count as not similar).
struct Group<'vector> {
    vectors: Vec<&'vector Vector>,
    n_in_window: usize,
}

/// The average similarity over every pair of one article of `left` and one of `right` in
/// the window; pairs without a vector count as zero.
fn average_link(left: &Group, right: &Group, config: &Config) -> f64 {
    let n_pairs = left.n_in_window * right.n_in_window;
    if n_pairs == 0 {
        return 0.0;
    }
    let total: f64 = left
        .vectors
        .iter()
        .flat_map(|left| {
            right
                .vectors
                .iter()
                .map(|right| similarity(left, right, config))
        })
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
        // The indexes are not saved; loading rebuilds them.
        let json = serde_json::to_string(&stories).expect("stories serialize");
        let loaded: Stories = serde_json::from_str(&json).expect("saved stories load");
        assert_eq!(loaded, stories);
        for (key, members) in stories.stories() {
            assert_eq!(stories.members(&key), members);
        }
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
