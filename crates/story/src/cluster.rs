//! [`cluster`]: the batch split of a set of articles into stories.

use crate::similarity::{Corpus, Vector, pairwise};
use crate::{Config, Profile};

/// A collection the batch split can run on: the weighted vectors of any of its members, with
/// idf counted over just those members.
pub(crate) trait Collection {
    /// How many members the collection has; they are numbered from 0.
    fn len(&self) -> usize;
    /// The vectors of `members` (in that order), weighted over them alone.
    fn vectors(&self, members: &[usize]) -> Vec<Vector>;
}

impl Collection for [Profile] {
    fn len(&self) -> usize {
        <[Profile]>::len(self)
    }

    fn vectors(&self, members: &[usize]) -> Vec<Vector> {
        let member_profiles: Vec<&Profile> = members.iter().map(|&idx| &self[idx]).collect();
        Corpus::of(member_profiles.iter().copied()).vectors(&member_profiles)
    }
}

/// Splits `profiles` into stories.
///
/// With [`Config::topic_threshold`], in two stages. First average-link agglomerative clustering
/// over [`similarity`](crate), with idf from all of `profiles`, cut at the topic threshold,
/// groups articles by topic. Then each topic is clustered again with idf from its own
/// articles, cut at [`Config::threshold`]: in a collection of many topics the words of a kind
/// of event ("quake", "magnitude") are rare and weigh a lot, so two earthquakes look alike;
/// within the topic every article has them and the names, places and numbers that tell the
/// two apart decide. The same cut then serves one topic and a folder of many alike. Last, an
/// article the second stage leaves alone joins the topic's story it is on average most similar
/// to when that reaches [`Config::attach_threshold`], and so does a fragment, a story at most a
/// [`FRAGMENT_SHARE`] of the topic's largest: a story of one article is rare, an
/// article that reports the event in few words is not. Without a topic threshold, one stage
/// over the whole collection cut at [`Config::threshold`].
///
/// Returns each story as the indices of its profiles, ascending; stories are ordered by their
/// first index, so the same profiles in the same order always give the same answer. Every
/// index appears exactly once; an empty slice gives no story.
pub fn cluster(profiles: &[Profile], config: &Config) -> Vec<Vec<usize>> {
    split(profiles, config)
}

/// [`cluster`] of any [`Collection`]: the incremental split re-splits an article's
/// neighbourhood with it.
pub(crate) fn split<C: Collection + ?Sized>(profiles: &C, config: &Config) -> Vec<Vec<usize>> {
    let everything: Vec<usize> = (0..profiles.len()).collect();
    let mut stories = match config.topic_threshold {
        None => Weighted::of(profiles, &everything, config).cut(config.threshold),
        Some(topic_threshold) => {
            let topics = Weighted::of(profiles, &everything, config).cut(topic_threshold);
            let mut stories = Vec::new();
            for topic in topics {
                let weighted = Weighted::of(profiles, &topic, config);
                let mut topic_stories = weighted.cut(config.threshold);
                if let Some(attach_threshold) = config.attach_threshold {
                    weighted.attach_fragments(&mut topic_stories, attach_threshold);
                }
                stories.extend(topic_stories);
            }
            stories
        }
    };
    for story in &mut stories {
        story.sort_unstable();
    }
    stories.sort_unstable_by_key(|story| story[0]);
    stories
}

/// A topic's story of at most this share (1/N) of its largest story's articles is a fragment of
/// another: the second stage's cut splits off reports of one event that use fewer of its
/// specific words. Tuned on ECB+ train topics (1/2 to 1/4 with the attach threshold; 1/4 best),
/// where stories of a topic are its two events, about ten reports each.
const FRAGMENT_SHARE: usize = 4;

/// Some of the profiles with the similarity of every pair of them, idf computed over just
/// these.
struct Weighted<'members> {
    /// Indices into the caller's profiles.
    members: &'members [usize],
    /// The condensed upper triangle of similarities kodama expects: (0,1), (0,2), …, (1,2), ….
    similarities: Vec<f64>,
}

impl<'members> Weighted<'members> {
    fn of<C: Collection + ?Sized>(
        profiles: &C,
        members: &'members [usize],
        config: &Config,
    ) -> Weighted<'members> {
        Weighted {
            members,
            similarities: pairwise(&profiles.vectors(members), config),
        }
    }

    /// The similarity of the members at positions `left` and `right` (not equal).
    fn between(&self, left: usize, right: usize) -> f64 {
        let (low, high) = (left.min(right), left.max(right));
        let n_members = self.members.len();
        // Rows before `low` hold n-1, n-2, … pairs; then the offset within row `low`.
        let row_start = low * n_members - low * (low + 1) / 2;
        self.similarities[row_start + high - low - 1]
    }

    /// Average-link agglomerative clustering cut where groups are on average less similar
    /// than `threshold`; groups hold member positions.
    fn cut(&self, threshold: f64) -> Vec<Vec<usize>> {
        let n_members = self.members.len();
        if n_members < 2 {
            return self.members.iter().map(|&idx| vec![idx]).collect();
        }
        let mut dissimilarities: Vec<f64> = self.similarities.iter().map(|s| 1.0 - s).collect();
        let dendrogram = kodama::linkage(&mut dissimilarities, n_members, kodama::Method::Average);

        // Cluster labels as kodama numbers them: members are 0..n, the cluster made by step i
        // is n + i. Average linkage is monotone, so the steps under the cut form whole
        // subtrees.
        let cut = 1.0 - threshold;
        let mut groups: Vec<Vec<usize>> = (0..n_members).map(|position| vec![position]).collect();
        for step in dendrogram.steps() {
            let merged = if step.dissimilarity <= cut {
                let mut merged = std::mem::take(&mut groups[step.cluster1]);
                merged.append(&mut groups[step.cluster2]);
                merged
            } else {
                Vec::new()
            };
            groups.push(merged);
        }
        groups
            .into_iter()
            .filter(|group| !group.is_empty())
            .map(|group| {
                group
                    .into_iter()
                    .map(|position| self.members[position])
                    .collect()
            })
            .collect()
    }

    /// Moves each story of one article, and each fragment (a story of at most a
    /// [`FRAGMENT_SHARE`] of the largest one's articles), in order, into the other story it is
    /// on average (over every pair of their articles) most similar to, when that reaches
    /// `threshold`. Stories hold the caller's indices.
    fn attach_fragments(&self, stories: &mut Vec<Vec<usize>>, threshold: f64) {
        let position_of = |idx: usize| self.members.iter().position(|&member| member == idx);
        let mut story_idx = 0;
        while story_idx < stories.len() {
            let size = stories[story_idx].len();
            let largest = stories.iter().map(Vec::len).max().unwrap_or(0);
            if size > 1 && size * FRAGMENT_SHARE > largest {
                story_idx += 1;
                continue;
            }
            let positions: Vec<usize> = stories[story_idx]
                .iter()
                .filter_map(|&idx| position_of(idx))
                .collect();
            if positions.len() != size {
                story_idx += 1;
                continue;
            }
            let mut best: Option<(usize, f64)> = None;
            for (other_idx, other) in stories.iter().enumerate() {
                if other_idx == story_idx {
                    continue;
                }
                let total: f64 = other
                    .iter()
                    .filter_map(|&idx| position_of(idx))
                    .flat_map(|other_position| {
                        positions
                            .iter()
                            .map(move |&position| self.between(position, other_position))
                    })
                    .sum();
                let average = total / (other.len() * size) as f64;
                if average >= threshold && best.is_none_or(|(_, best)| average > best) {
                    best = Some((other_idx, average));
                }
            }
            match best {
                Some((other_idx, _)) => {
                    let fragment = std::mem::take(&mut stories[story_idx]);
                    stories[other_idx].extend(fragment);
                    stories.remove(story_idx);
                }
                None => story_idx += 1,
            }
        }
    }
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
    fn events_of_a_running_story_days_apart_are_stories_of_their_own() {
        // A walkout and, ten days later, the vote that ends it: many words alike, inside the
        // window; each event's reports within a day of each other.
        let profiles = [
            profile(
                "a",
                &["harbor", "strike", "docker", "walkout", "gate"],
                Some("2026-03-02"),
            ),
            profile(
                "b",
                &["harbor", "strike", "docker", "walkout", "picket"],
                Some("2026-03-03"),
            ),
            profile(
                "c",
                &["harbor", "strike", "docker", "vote", "deal"],
                Some("2026-03-12"),
            ),
            profile(
                "d",
                &["harbor", "strike", "docker", "vote", "ballot"],
                Some("2026-03-13"),
            ),
            profile(
                "e",
                &["dam", "river", "spillway", "rain"],
                Some("2026-03-12"),
            ),
        ];
        check(&profiles, &[&[0, 1], &[2, 3], &[4]]);
        let without_decay = Config {
            half_life_days: None,
            ..Config::new()
        };
        assert_eq!(
            cluster(&profiles, &without_decay),
            [vec![0, 1, 2, 3], vec![4]]
        );
    }

    #[test]
    fn pair_lookup_matches_the_condensed_order() {
        let profiles: Vec<Profile> = ["a", "b", "c", "d"]
            .iter()
            .map(|id| profile(id, &[id], None))
            .collect();
        let members = [0, 1, 2, 3];
        let mut weighted = Weighted::of(&profiles[..], &members, &Config::new());
        weighted.similarities = (0..6).map(f64::from).collect();
        let pairs = [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)];
        for (expected, (left, right)) in pairs.into_iter().enumerate() {
            assert_eq!(weighted.between(right, left), expected as f64);
        }
    }

    #[test]
    fn loners_join_the_closest_story_above_the_threshold() {
        let profiles = [
            profile("a", &["harbor", "strike", "docker", "pay"], None),
            profile("b", &["harbor", "strike", "docker", "union"], None),
            profile("c", &["harbor", "strike", "crane"], None),
            profile("d", &["dam", "river", "spillway"], None),
        ];
        let members = [0, 1, 2, 3];
        let weighted = Weighted::of(&profiles[..], &members, &Config::new());
        let mut stories = vec![vec![0, 1], vec![2], vec![3]];
        weighted.attach_fragments(&mut stories, 0.01);
        assert_eq!(stories, [vec![0, 1, 2], vec![3]]);
    }

    #[test]
    fn fragments_join_the_closest_story_and_stories_of_a_size_do_not() {
        let harbor = |id| profile(id, &["harbor", "strike", "docker", "pay"], None);
        let mut profiles: Vec<Profile> = ["a", "b", "c", "d", "e", "f", "g", "h"]
            .into_iter()
            .map(harbor)
            .collect();
        profiles.push(profile("i", &["harbor", "strike", "crane"], None));
        profiles.push(profile("j", &["harbor", "strike", "crane"], None));
        let members: Vec<usize> = (0..profiles.len()).collect();
        let weighted = Weighted::of(&profiles[..], &members, &Config::new());
        // Two articles beside eight are a fragment…
        let mut stories = vec![(0..8).collect::<Vec<_>>(), vec![8, 9]];
        weighted.attach_fragments(&mut stories, 0.01);
        assert_eq!(stories, [(0..10).collect::<Vec<_>>()]);
        // … beside four they are a story of their own.
        let mut stories = vec![vec![0, 1, 2, 3], vec![8, 9]];
        weighted.attach_fragments(&mut stories, 0.01);
        assert_eq!(stories, [vec![0, 1, 2, 3], vec![8, 9]]);
    }

    #[test]
    fn one_stage_without_a_topic_threshold() {
        let config = Config {
            topic_threshold: None,
            attach_threshold: None,
            ..Config::new()
        };
        let profiles = [
            profile("a", &["harbor", "strike", "docker", "pay"], None),
            profile("b", &["dam", "river", "spillway", "rain"], None),
            profile("c", &["harbor", "strike", "docker", "union"], None),
        ];
        assert_eq!(cluster(&profiles, &config), [vec![0, 2], vec![1]]);
    }

    #[test]
    fn empty_and_single() {
        check(&[], &[]);
        check(&[profile("a", &["harbor"], None)], &[&[0]]);
    }
}
