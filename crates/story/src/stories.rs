//! [`Stories`]: the incremental split, for articles that arrive one at a time (a store, a feed).

use crate::cluster::{Collection, split};
use crate::similarity::{Vector, idf, similarity, term_frequency_weight, unit_length};
use crate::{Config, Profile};
use chrono::{NaiveDate, TimeDelta};
use parallax_model::ArticleId;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};
use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

/// How many of a new article's terms, rarest first, find the earlier articles it is compared
/// with: its rarest terms are what a story's articles share and other stories' do not.
const QUERY_TERMS: usize = 20;

/// At most this many terms are tried to find [`QUERY_TERMS`] that have a holder inside the new
/// article's window: an archive's older stories hold many of its rare words, and a term only
/// they hold finds nothing.
const MAX_TERMS_TRIED: usize = 4 * QUERY_TERMS;

/// At most this many earlier articles (those sharing the most idf weight of the query terms)
/// are compared with a new one in full, so that adding stays as fast however big the archive
/// and its time window grow.
const MAX_CANDIDATES: usize = 256;

/// At most this many holders of one query term, latest first, are looked at. When even an
/// article's rarest terms are common (a short article of everyday words), walking every holder
/// would cost as much as the archive is big; the latest holders are the ones a stream's time
/// window keeps, and a term held by more articles than this is not what tells a story apart.
const MAX_HOLDERS_WALKED: usize = 1_000;

/// At most this many held articles, the new one included, are split again with the batch
/// algorithm on each add: the stories of its candidates, the closest first. It bounds an add's
/// cost (quadratic in it) and covers a busy story's articles in one time window.
const MAX_NEIGHBOURHOOD: usize = 256;

/// How far before the stream's present a dated profile is still held, in time windows: a new
/// article is compared with the articles within one window of it, and articles may arrive up
/// to another window late. Older profiles are dropped from memory (a store keeps them).
const HELD_WINDOWS: i64 = 2;

/// The stream's present is the date of this many-th newest held article, so that a few
/// articles with wrong dates far in the future do not move the window and drop the rest.
const PRESENT_RANK: usize = 100;

/// At most this many undated profiles (the latest) are held: undated articles are compared
/// with every held profile, and without a date only arrival order tells old from new.
const MAX_UNDATED_HELD: usize = 5_000;

/// At most this many dated profiles (the latest published) are held, however many articles
/// one time window brings.
const MAX_DATED_HELD: usize = 200_000;

/// Profiles past the horizon are dropped every this many adds, so that the bookkeeping is
/// paid once per batch rather than once per article.
const EVICT_EVERY: usize = 512;

/// The stories of the articles seen so far, grown one [`Profile`] at a time.
///
/// A story is known by its *key*: the id of the first article that was added to it. That
/// article never leaves the story, so the key never changes while the story lives; when two
/// stories merge, the one whose first article came earlier keeps its key and the other key is
/// reported as merged into it.
///
/// Each new article is split again together with its *neighbourhood*: the stories of the held
/// articles most like it (its candidates, below), at most [`MAX_NEIGHBOURHOOD`] articles, by
/// the batch split ([`cluster`](crate::cluster), both stages, idf over the neighbourhood as
/// the batch split counts it over a topic). The state then follows that split: stories whose
/// first articles it puts together merge, and articles it puts elsewhere than their story are
/// moved (reported in the [`Placement`]), so an early wrong choice is undone once later
/// articles show it. When a story's articles all fit in the neighbourhood, its split is the
/// batch split of them; articles outside it (older than the window, or beyond the bound) stay
/// where they were. Articles are compared only with articles published within
/// [`Config::window_days`] of them (articles without a date are compared with all).
///
/// So that an add costs the same at 100 articles and at 100,000, the candidates are the earlier
/// articles in the window that hold one of the new article's [`QUERY_TERMS`] rarest terms (at
/// most [`MAX_HOLDERS_WALKED`] holders of each, latest first), at most [`MAX_CANDIDATES`] of
/// them, those sharing the most idf weight first. Terms and entity keys are interned: the state
/// holds each profile as sorted `(id, count)` pairs.
///
/// So that memory stays flat however long a stream goes on, the state holds only the articles
/// that new ones can still be compared with: those published within [`HELD_WINDOWS`] windows
/// of the stream's present (at most [`MAX_DATED_HELD`]) and the latest [`MAX_UNDATED_HELD`]
/// undated ones. An older article leaves the state entirely, and so does a story none of whose
/// articles is held, and a term no held article uses. What the state knows of stories is
/// therefore only their held part: the caller (a store) keeps every article's story and applies
/// each [`Placement`]'s merges and moves to it, in order. An article that arrives dated before every held profile is
/// compared with the held ones alone, so in an archive ingested far out of date order it starts
/// a story more often; the same id added again after it left is taken as new.
///
/// The state is not serde: [`Stories::saved`] gives what to keep (the held articles and their
/// stories), and [`Stories::restore`] makes the state again from it and the held articles'
/// profiles, which a store keeps anyway; [`Stories::rebuild`] makes it from the profiles alone
/// by adding them again.
#[derive(Debug, Clone, PartialEq)]
pub struct Stories {
    config: Config,
    terms: Vocabulary,
    entities: Vocabulary,
    /// How many articles were added, the ones no longer held included: the next one's
    /// arrival number.
    n_added: u32,
    /// The latest article added, held or not.
    last_added: Option<ArticleId>,
    /// The held profiles by arrival number.
    profiles: FxHashMap<u32, Compact>,
    /// The arrival number of each held article.
    index_of: HashMap<ArticleId, u32>,
    /// For each term id, the held profiles that hold it, ascending.
    holders_of_term: Vec<Vec<u32>>,
    /// Each story with a held member, by its first article's arrival number.
    members_of: FxHashMap<u32, Members>,
    /// The held dated profiles by publication date.
    held_by_date: BTreeMap<NaiveDate, Vec<u32>>,
    /// The held undated profiles, ascending (arrival order).
    held_undated: BTreeSet<u32>,
}

/// Interned keys (terms or entity keys) of the held profiles and how many of them hold each;
/// the id of a key no held profile holds any more is given to the next new key.
#[derive(Debug, Clone, PartialEq, Default)]
struct Vocabulary {
    id_of: HashMap<Arc<str>, u32>,
    /// By id; `None` for a free id.
    key_of: Vec<Option<Arc<str>>>,
    /// By id.
    frequency: Vec<u32>,
    free: Vec<u32>,
}

impl Vocabulary {
    /// The counts of one profile as sorted `(id, count)` pairs, counting the profile in.
    fn add(&mut self, counts: &BTreeMap<String, u32>) -> Box<[(u32, u32)]> {
        let mut pairs: Vec<(u32, u32)> = counts
            .iter()
            .map(|(key, &count)| {
                let id = match self.id_of.get(key.as_str()) {
                    Some(&id) => id,
                    None => self.intern(key),
                };
                self.frequency[id as usize] += 1;
                (id, count)
            })
            .collect();
        pairs.sort_unstable();
        pairs.into_boxed_slice()
    }

    fn intern(&mut self, key: &str) -> u32 {
        let key: Arc<str> = key.into();
        let id = match self.free.pop() {
            Some(id) => {
                self.key_of[id as usize] = Some(key.clone());
                id
            }
            None => {
                let id = u32::try_from(self.frequency.len()).expect("fewer than 2^32 held keys");
                self.key_of.push(Some(key.clone()));
                self.frequency.push(0);
                id
            }
        };
        self.id_of.insert(key, id);
        id
    }

    /// Counts one profile's `pairs` out, freeing the ids no held profile holds any more.
    fn remove(&mut self, pairs: &[(u32, u32)]) {
        for &(id, _) in pairs {
            let frequency = &mut self.frequency[id as usize];
            *frequency = frequency.saturating_sub(1);
            if *frequency == 0
                && let Some(key) = self.key_of[id as usize].take()
            {
                self.id_of.remove(&key);
                self.free.push(id);
            }
        }
    }

    /// One more than the largest id given out.
    fn n_ids(&self) -> usize {
        self.frequency.len()
    }
}

/// A held profile as the state keeps it.
#[derive(Debug, Clone, PartialEq)]
struct Compact {
    article: ArticleId,
    published: Option<NaiveDate>,
    /// The arrival number of its story's first article.
    founder: u32,
    terms: Box<[(u32, u32)]>,
    entities: Box<[(u32, u32)]>,
}

/// The held members of one story.
#[derive(Debug, Clone, PartialEq)]
struct Members {
    /// The story's key: its first article, held or not.
    key: ArticleId,
    /// Ascending.
    idxs: Vec<u32>,
}

impl Members {
    fn new(key: ArticleId) -> Members {
        Members {
            key,
            idxs: Vec::new(),
        }
    }

    fn insert(&mut self, idx: u32) {
        if let Err(at) = self.idxs.binary_search(&idx) {
            self.idxs.insert(at, idx);
        }
    }

    fn remove(&mut self, idx: u32) {
        if let Ok(at) = self.idxs.binary_search(&idx) {
            self.idxs.remove(at);
        }
    }

    fn absorb(&mut self, other: Members) {
        self.idxs.extend(other.idxs);
        self.idxs.sort_unstable();
    }
}

/// What to keep of a [`Stories`] to [`Stories::restore`] it: the held articles in arrival order
/// with their stories, and the latest article added, so that a store can tell which of its
/// articles came after the state was saved. Small (no profiles: a store keeps those beside it).
/// It also reads what earlier versions saved (every article in arrival order with its story,
/// or the whole state with its profiles), taking the articles and their stories; a saved state
/// that does not hold together does not read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "AnyVersion")]
pub struct SavedStories {
    /// How many articles were added, held or not.
    n_added: u32,
    /// The latest article added.
    last_added: Option<ArticleId>,
    /// The held articles, in arrival order.
    held: Vec<SavedArticle>,
    /// Whether it is the state of an earlier version, which held every article.
    #[serde(skip_serializing)]
    from_earlier_version: bool,
}

/// One held article of a [`SavedStories`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct SavedArticle {
    article: ArticleId,
    /// Its arrival number.
    idx: u32,
    /// Its story's first article's arrival number, and that article (the story's key).
    founder: u32,
    key: ArticleId,
}

/// A [`SavedStories`] of this version or an earlier one, as read.
#[derive(Deserialize)]
struct AnyVersion {
    #[serde(default)]
    n_added: u32,
    #[serde(default)]
    last_added: Option<ArticleId>,
    #[serde(default)]
    held: Vec<SavedArticle>,
    /// Earlier versions: every article, in arrival order.
    #[serde(default)]
    articles: Vec<ArticleId>,
    /// Earlier versions: for each article, the position of its story's first article.
    #[serde(default)]
    founder_of: Vec<u32>,
    /// Earlier versions still: where each article is, instead of `articles`.
    #[serde(default)]
    index_of: Option<BTreeMap<ArticleId, u32>>,
}

impl TryFrom<AnyVersion> for SavedStories {
    type Error = &'static str;

    fn try_from(read: AnyVersion) -> Result<SavedStories, &'static str> {
        const BROKEN: &str = "the saved story state does not hold together";
        if read.articles.is_empty() && read.index_of.is_none() {
            let ascending = read.held.windows(2).all(|pair| pair[0].idx < pair[1].idx);
            // A moved article may be older than its story's first article.
            let placed = read
                .held
                .iter()
                .all(|held| held.founder < read.n_added && held.idx < read.n_added);
            if !(ascending && placed) {
                return Err(BROKEN);
            }
            return Ok(SavedStories {
                n_added: read.n_added,
                last_added: read.last_added,
                held: read.held,
                from_earlier_version: false,
            });
        }
        let n_articles = read.founder_of.len();
        let articles = match read.index_of {
            Some(index_of) => {
                let mut slots: Vec<Option<ArticleId>> = vec![None; n_articles];
                for (article, idx) in index_of {
                    let slot = slots.get_mut(idx as usize).ok_or(BROKEN)?;
                    if slot.replace(article).is_some() {
                        return Err(BROKEN);
                    }
                }
                slots
                    .into_iter()
                    .collect::<Option<Vec<_>>>()
                    .ok_or(BROKEN)?
            }
            None => read.articles,
        };
        // A founder is its own story's first article.
        let founder_of = &read.founder_of;
        let holds_together = articles.len() == n_articles
            && founder_of.iter().enumerate().all(|(idx, &founder)| {
                founder as usize <= idx && founder_of[founder as usize] == founder
            });
        if !holds_together {
            return Err(BROKEN);
        }
        let held = articles
            .iter()
            .zip(founder_of)
            .enumerate()
            .map(|(idx, (article, &founder))| SavedArticle {
                article: article.clone(),
                idx: idx as u32,
                founder,
                key: articles[founder as usize].clone(),
            })
            .collect();
        Ok(SavedStories {
            n_added: u32::try_from(n_articles).map_err(|_| BROKEN)?,
            last_added: articles.last().cloned(),
            held,
            from_earlier_version: true,
        })
    }
}

impl SavedStories {
    /// How many articles the saved state has placed.
    pub fn len(&self) -> usize {
        self.n_added as usize
    }

    /// Whether it has placed none.
    pub fn is_empty(&self) -> bool {
        self.n_added == 0
    }

    /// The articles whose profiles [`Stories::restore`] needs, in arrival order.
    pub fn held_articles(&self) -> impl Iterator<Item = &ArticleId> {
        self.held.iter().map(|held| &held.article)
    }

    /// The latest article the saved state placed: a store's articles stored after it are
    /// the ones to add again after restoring.
    pub fn last_added(&self) -> Option<&ArticleId> {
        self.last_added.as_ref()
    }
}

/// Where an added article went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    /// The key of the story the article is in now.
    pub story: ArticleId,
    /// Whether the article started that story (no earlier story was similar enough).
    pub started: bool,
    /// Stories the article showed to be one with another, as `(merged, into)` keys in the
    /// order they merged: every article of the first, held or not, now belongs to the second.
    pub merged: Vec<(ArticleId, ArticleId)>,
    /// Held articles the re-split moved to another story, as `(article, story)`, after the
    /// merges: a story's early article that the later ones show to be of another event.
    pub moved: Vec<(ArticleId, ArticleId)>,
}

impl Stories {
    /// No articles yet.
    pub fn new(config: Config) -> Stories {
        Stories {
            config,
            terms: Vocabulary::default(),
            entities: Vocabulary::default(),
            n_added: 0,
            last_added: None,
            profiles: FxHashMap::default(),
            index_of: HashMap::new(),
            holders_of_term: Vec::new(),
            members_of: FxHashMap::default(),
            held_by_date: BTreeMap::new(),
            held_undated: BTreeSet::new(),
        }
    }

    /// The stories of `profiles` added one by one in the given order: the same state as the
    /// run that added them, for a store that keeps the profiles rather than this state.
    pub fn rebuild(profiles: impl IntoIterator<Item = Profile>, config: Config) -> Stories {
        let mut stories = Stories::new(config);
        for profile in profiles {
            stories.add(profile);
        }
        stories
    }

    /// What to keep to [`Stories::restore`] this state.
    pub fn saved(&self) -> SavedStories {
        let mut held: Vec<SavedArticle> = self
            .profiles
            .iter()
            .map(|(&idx, profile)| SavedArticle {
                article: profile.article.clone(),
                idx,
                founder: profile.founder,
                key: self.key(profile.founder),
            })
            .collect();
        held.sort_unstable_by_key(|held| held.idx);
        SavedStories {
            n_added: self.n_added,
            last_added: self.last_added.clone(),
            held,
            from_earlier_version: false,
        }
    }

    /// The state `saved` describes, made again from the profiles of its held articles
    /// ([`SavedStories::held_articles`]), which may come in any order, with the profiles of
    /// other articles among them; those are returned, in the order given, for the caller to
    /// [`Stories::add`]. Much cheaper than [`Stories::rebuild`]: nothing is compared. Given the
    /// held profiles in arrival order, the state is the one that was saved.
    ///
    /// `None` when a profile of one of its articles is missing; [`Stories::rebuild`] is then
    /// the way back.
    pub fn restore(
        saved: SavedStories,
        config: Config,
        profiles: impl IntoIterator<Item = Profile>,
    ) -> Option<(Stories, Vec<Profile>)> {
        struct Expected {
            held: SavedArticle,
            found: bool,
        }
        // The state of an earlier version held every article: they are dropped as they come,
        // so that restoring it never holds every profile at once.
        let drop_as_read = saved.from_earlier_version;
        let mut stories = Stories::new(config);
        stories.n_added = saved.n_added;
        stories.last_added = saved.last_added;
        let mut expected: HashMap<ArticleId, Expected> = saved
            .held
            .into_iter()
            .map(|held| (held.article.clone(), Expected { held, found: false }))
            .collect();
        let mut unsaved = Vec::new();
        let mut n_since_eviction = 0;
        for profile in profiles {
            let Some(expected) = expected.get_mut(&profile.article) else {
                unsaved.push(profile);
                continue;
            };
            if expected.found {
                continue;
            }
            expected.found = true;
            let (idx, founder) = (expected.held.idx, expected.held.founder);
            let compact = stories.compact(&profile, founder);
            stories.note_held(idx, compact.published);
            stories.index_of.insert(profile.article, idx);
            stories.profiles.insert(idx, compact);
            n_since_eviction += 1;
            if drop_as_read && n_since_eviction == EVICT_EVERY {
                n_since_eviction = 0;
                stories.evict();
            }
        }
        if expected.values().any(|expected| !expected.found) {
            return None;
        }
        if drop_as_read {
            stories.evict();
        }
        let mut held: Vec<u32> = stories.profiles.keys().copied().collect();
        held.sort_unstable();
        for idx in held {
            stories.hold(idx);
            let profile = &stories.profiles[&idx];
            let founder = profile.founder;
            let key = &expected.get(&profile.article)?.held.key;
            stories
                .members_of
                .entry(founder)
                .or_insert_with(|| Members::new(key.clone()))
                .insert(idx);
        }
        Some((stories, unsaved))
    }

    /// How many articles have been added, the ones no longer held included.
    pub fn len(&self) -> usize {
        self.n_added as usize
    }

    /// Whether no article has been added.
    pub fn is_empty(&self) -> bool {
        self.n_added == 0
    }

    /// Adds one article and says which story it joined or started, and which stories it
    /// merged. A held article added again (same id) is left where it is.
    pub fn add(&mut self, profile: Profile) -> Placement {
        if let Some(idx) = self.index_of.get(&profile.article) {
            return Placement {
                story: self.key(self.profiles[idx].founder),
                started: false,
                merged: Vec::new(),
                moved: Vec::new(),
            };
        }
        if self.n_added > 0 && (self.n_added as usize).is_multiple_of(EVICT_EVERY) {
            self.evict();
        }
        let new_idx = self.n_added;
        self.n_added = new_idx.checked_add(1).expect("fewer than 2^32 articles");
        let compact = self.compact(&profile, new_idx);
        let published = compact.published;
        self.note_held(new_idx, published);
        self.profiles.insert(new_idx, compact);
        let mut own = Members::new(profile.article.clone());
        own.insert(new_idx);
        self.members_of.insert(new_idx, own);
        self.index_of.insert(profile.article.clone(), new_idx);
        self.last_added = Some(profile.article);

        let candidates = self.candidates(new_idx);
        self.hold(new_idx);
        let neighbourhood = self.neighbourhood(new_idx, &candidates);
        let clusters = split(
            &Neighbourhood {
                stories: self,
                idxs: &neighbourhood,
            },
            &self.config,
        );
        self.settle(new_idx, &neighbourhood, &clusters)
    }

    /// The held articles a new one is re-split with: the stories of its candidates that are
    /// at least as similar to it as two articles of one topic (most similar first), each with
    /// its members in the new article's window, latest first, until there are
    /// [`MAX_NEIGHBOURHOOD`]; ascending, the new article last. Stories of the same kind of
    /// event that share only common words with it stay out, which keeps the re-split small.
    fn neighbourhood(&self, new_idx: u32, candidates: &[u32]) -> Vec<u32> {
        let compared: Vec<u32> = candidates
            .iter()
            .copied()
            .chain(std::iter::once(new_idx))
            .collect();
        let vectors = self.neighbourhood_vectors(&compared);
        let new_vector = vectors
            .last()
            .expect("the new profile is the compared profiles' last");
        let floor = self.config.topic_threshold.unwrap_or(self.config.threshold);
        let mut related: Vec<(f64, u32)> = candidates
            .iter()
            .zip(&vectors)
            .map(|(&candidate, vector)| (similarity(new_vector, vector, &self.config), candidate))
            .filter(|&(score, _)| score >= floor)
            .collect();
        related
            .sort_unstable_by(|left, right| right.0.total_cmp(&left.0).then(right.1.cmp(&left.1)));

        let published = self.profiles[&new_idx].published;
        let mut chosen: FxHashSet<u32> = FxHashSet::default();
        chosen.insert(new_idx);
        let mut stories_seen: FxHashSet<u32> = FxHashSet::default();
        'stories: for (_, candidate) in related {
            if chosen.len() >= MAX_NEIGHBOURHOOD {
                break;
            }
            // The candidate first: a story too big to fit whole still brings what matched.
            chosen.insert(candidate);
            let founder = self.profiles[&candidate].founder;
            if !stories_seen.insert(founder) {
                continue;
            }
            for member in self.members_of[&founder].idxs.iter().rev() {
                if chosen.len() >= MAX_NEIGHBOURHOOD {
                    break 'stories;
                }
                if within_window(self.profiles[member].published, published, &self.config) {
                    chosen.insert(*member);
                }
            }
        }
        let mut neighbourhood: Vec<u32> = chosen.into_iter().collect();
        neighbourhood.sort_unstable();
        neighbourhood
    }

    /// Makes the stories of `neighbourhood` (ascending, the new article `new_idx` last) what
    /// the batch split `clusters` (of positions in it) says, keeping keys, and says where the
    /// new article went.
    ///
    /// A story's first article never leaves it, so a cluster holding the first articles of
    /// several stories merges them into the oldest; a cluster holding none takes over the
    /// story most of its articles are in, when no other cluster has it, or else starts a story
    /// keyed by its earliest article (the new article alone keeps the story it started). Then
    /// every article of the neighbourhood moves to its cluster's story. Articles outside the
    /// neighbourhood stay where they are, but follow a merge of their story.
    fn settle(
        &mut self,
        new_idx: u32,
        neighbourhood: &[u32],
        clusters: &[Vec<usize>],
    ) -> Placement {
        let mut target_of: Vec<Option<u32>> = vec![None; clusters.len()];
        let mut claimed: FxHashSet<u32> = FxHashSet::default();
        let mut merges: Vec<(u32, u32)> = Vec::new();
        for (cluster, target) in clusters.iter().zip(&mut target_of) {
            // Positions ascend and so do arrival numbers: the first founder is the oldest.
            let mut founders = cluster
                .iter()
                .map(|&position| neighbourhood[position])
                .filter(|&idx| idx != new_idx && self.profiles[&idx].founder == idx);
            let Some(oldest) = founders.next() else {
                continue;
            };
            *target = Some(oldest);
            claimed.insert(oldest);
            for other in founders {
                claimed.insert(other);
                merges.push((other, oldest));
            }
        }
        // The other clusters, the biggest first, take the unclaimed story most of them is in.
        let mut founderless: Vec<usize> = (0..clusters.len())
            .filter(|&cluster| target_of[cluster].is_none())
            .collect();
        founderless.sort_by_key(|&cluster| std::cmp::Reverse(clusters[cluster].len()));
        let mut started = Vec::new();
        for cluster in founderless {
            let mut counts: BTreeMap<u32, usize> = BTreeMap::new();
            for &position in &clusters[cluster] {
                let story = self.profiles[&neighbourhood[position]].founder;
                if story != new_idx && !claimed.contains(&story) {
                    *counts.entry(story).or_default() += 1;
                }
            }
            let taken = counts
                .into_iter()
                .max_by(|left, right| left.1.cmp(&right.1).then(right.0.cmp(&left.0)))
                .map(|(story, _)| story);
            let earliest = neighbourhood[clusters[cluster][0]];
            let target = taken.unwrap_or_else(|| {
                if earliest != new_idx {
                    let key = self.profiles[&earliest].article.clone();
                    self.members_of.insert(earliest, Members::new(key));
                }
                started.push(earliest);
                earliest
            });
            claimed.insert(target);
            target_of[cluster] = Some(target);
        }

        let mut merged = Vec::new();
        for &(story, into) in &merges {
            let key = self.key(story);
            self.merge(story, into);
            merged.push((key, self.key(into)));
        }
        let mut moved = Vec::new();
        let mut new_story = new_idx;
        for (cluster, target) in clusters.iter().zip(target_of) {
            let Some(target) = target else { continue };
            for &position in cluster {
                let idx = neighbourhood[position];
                if idx == new_idx {
                    new_story = target;
                }
                if self.profiles[&idx].founder != target {
                    self.move_member(idx, target);
                    if idx != new_idx {
                        moved.push((self.profiles[&idx].article.clone(), self.key(target)));
                    }
                }
            }
        }
        Placement {
            story: self.key(new_story),
            started: started.contains(&new_story),
            merged,
            moved,
        }
    }

    /// Moves every held member of the story founded by `story` into the one founded by `into`.
    fn merge(&mut self, story: u32, into: u32) {
        let Some(members) = self.members_of.remove(&story) else {
            return;
        };
        for member in &members.idxs {
            if let Some(profile) = self.profiles.get_mut(member) {
                profile.founder = into;
            }
        }
        if let Some(target) = self.members_of.get_mut(&into) {
            target.absorb(members);
        }
    }

    /// Moves the held article `idx` into the story founded by `to`, which has members; a
    /// story it leaves empty is gone from the state.
    fn move_member(&mut self, idx: u32, to: u32) {
        let Some(profile) = self.profiles.get_mut(&idx) else {
            return;
        };
        let from = profile.founder;
        profile.founder = to;
        if let Entry::Occupied(mut story) = self.members_of.entry(from) {
            story.get_mut().remove(idx);
            if story.get().idxs.is_empty() {
                story.remove();
            }
        }
        if let Some(target) = self.members_of.get_mut(&to) {
            target.insert(idx);
        }
    }

    /// `profile` of a story first added as `founder`, interned and counted in (the state's
    /// idf includes it from now on).
    fn compact(&mut self, profile: &Profile, founder: u32) -> Compact {
        Compact {
            article: profile.article.clone(),
            published: profile.published,
            founder,
            terms: self.terms.add(&profile.terms),
            entities: self.entities.add(&profile.entities),
        }
    }

    /// Counts profile `idx`, published on `published`, among the held ones.
    fn note_held(&mut self, idx: u32, published: Option<NaiveDate>) {
        match published {
            Some(date) => self.held_by_date.entry(date).or_default().push(idx),
            None => {
                self.held_undated.insert(idx);
            }
        }
    }

    /// The held profiles that no new article is likely to be compared with any more, taken
    /// out of the held ones: those published more than [`HELD_WINDOWS`] windows before the
    /// present, then the oldest beyond [`MAX_DATED_HELD`] and [`MAX_UNDATED_HELD`].
    fn take_evicted(&mut self) -> Vec<u32> {
        let mut evicted = Vec::new();
        if let Some(present) = self.present() {
            let reach = self.config.window_days.saturating_mul(HELD_WINDOWS);
            let horizon = TimeDelta::try_days(reach)
                .and_then(|reach| present.checked_sub_signed(reach))
                .unwrap_or(NaiveDate::MIN);
            let kept = self.held_by_date.split_off(&horizon);
            let past = std::mem::replace(&mut self.held_by_date, kept);
            evicted.extend(past.into_values().flatten());
        }
        let mut n_dated: usize = self.held_by_date.values().map(Vec::len).sum();
        while n_dated > MAX_DATED_HELD {
            let Some((_, oldest)) = self.held_by_date.pop_first() else {
                break;
            };
            n_dated -= oldest.len();
            evicted.extend(oldest);
        }
        while self.held_undated.len() > MAX_UNDATED_HELD {
            evicted.extend(self.held_undated.pop_first());
        }
        evicted
    }

    /// The date of the [`PRESENT_RANK`]-th newest held profile, `None` while fewer are held.
    fn present(&self) -> Option<NaiveDate> {
        let mut n_newer = 0;
        for (&date, idxs) in self.held_by_date.iter().rev() {
            n_newer += idxs.len();
            if n_newer >= PRESENT_RANK {
                return Some(date);
            }
        }
        None
    }

    /// Drops the profiles past the horizon from the state: from the holders lists, their
    /// stories' held members (a story left with none goes) and the vocabulary.
    fn evict(&mut self) {
        let mut touched_terms = Vec::new();
        for idx in self.take_evicted() {
            let Some(profile) = self.profiles.remove(&idx) else {
                continue;
            };
            self.index_of.remove(&profile.article);
            self.terms.remove(&profile.terms);
            self.entities.remove(&profile.entities);
            touched_terms.extend(profile.terms.iter().map(|&(term, _)| term));
            if let Entry::Occupied(mut story) = self.members_of.entry(profile.founder) {
                story.get_mut().remove(idx);
                if story.get().idxs.is_empty() {
                    story.remove();
                }
            }
        }
        touched_terms.sort_unstable();
        touched_terms.dedup();
        let profiles = &self.profiles;
        for term in touched_terms {
            let Some(holders) = self.holders_of_term.get_mut(term as usize) else {
                continue;
            };
            holders.retain(|idx| profiles.contains_key(idx));
            if holders.len() < holders.capacity() / 4 {
                holders.shrink_to_fit();
            }
        }
    }

    /// Lists profile `idx` among the holders of its terms.
    fn hold(&mut self, idx: u32) {
        self.holders_of_term
            .resize_with(self.terms.n_ids(), Vec::new);
        for &(term, _) in &self.profiles[&idx].terms {
            self.holders_of_term[term as usize].push(idx);
        }
    }

    /// The weighted vectors of the profiles `neighbourhood` (a new article and the earlier
    /// ones it is compared with), with idf counted over just them. The neighbourhood is the
    /// new article's topic, as the batch split's first stage finds it: within it, words of the
    /// kind of event are common and fade, and the names and details that tell two events of a
    /// kind apart decide, as in the batch split's second stage.
    fn neighbourhood_vectors(&self, neighbourhood: &[u32]) -> Vec<Vector> {
        let n_profiles = u32::try_from(neighbourhood.len()).unwrap_or(u32::MAX);
        let profiles: Vec<&Compact> = neighbourhood
            .iter()
            .map(|idx| &self.profiles[idx])
            .collect();
        let mut term_frequency: FxHashMap<u32, u32> = FxHashMap::default();
        let mut entity_frequency: FxHashMap<u32, u32> = FxHashMap::default();
        for profile in &profiles {
            for &(term, _) in &profile.terms {
                *term_frequency.entry(term).or_default() += 1;
            }
            for &(entity, _) in &profile.entities {
                *entity_frequency.entry(entity).or_default() += 1;
            }
        }
        // Each key's idf once, rather than once per profile holding it: the logarithms were
        // a good part of an add.
        let idf_of = |frequency: FxHashMap<u32, u32>| -> FxHashMap<u32, f64> {
            frequency
                .into_iter()
                .map(|(id, frequency)| (id, idf(n_profiles, frequency)))
                .collect()
        };
        let (term_idf, entity_idf) = (idf_of(term_frequency), idf_of(entity_frequency));
        let weigh = |pairs: &[(u32, u32)], idf: &FxHashMap<u32, f64>| {
            unit_length(
                pairs
                    .iter()
                    .map(|&(id, count)| (id, term_frequency_weight(count) * idf[&id]))
                    .collect(),
            )
        };
        profiles
            .into_iter()
            .map(|profile| {
                Vector::new(
                    weigh(&profile.terms, &term_idf),
                    weigh(&profile.entities, &entity_idf),
                    profile.published,
                )
            })
            .collect()
    }

    /// The earlier profiles in the window of profile `new_idx` that are among the latest
    /// [`MAX_HOLDERS_WALKED`] holders of one of its [`QUERY_TERMS`] rarest shared terms, at most
    /// [`MAX_CANDIDATES`] of them, those sharing the most idf weight (then the latest) first.
    /// Rarity is counted over the held profiles: the stream's recent past.
    fn candidates(&self, new_idx: u32) -> Vec<u32> {
        let new_profile = &self.profiles[&new_idx];
        let n_profiles = u32::try_from(self.profiles.len()).unwrap_or(u32::MAX);
        // Terms no earlier article holds find nothing, and in a young archive they would be
        // all of an article's rarest terms: only terms shared with earlier articles query.
        let mut query: Vec<(f64, u32)> = new_profile
            .terms
            .iter()
            .filter(|&&(term, _)| {
                self.holders_of_term
                    .get(term as usize)
                    .is_some_and(|holders| !holders.is_empty())
            })
            .map(|&(term, _)| (idf(n_profiles, self.terms.frequency[term as usize]), term))
            .collect();
        query.sort_by(|left, right| right.0.total_cmp(&left.0).then(left.1.cmp(&right.1)));
        let mut shared: FxHashMap<u32, f64> = FxHashMap::default();
        // A term whose holders all lie outside the window finds nothing: it does not count
        // among the terms queried, or an archive's older stories, holding the same rare words,
        // would hide the new article's own story from it.
        let mut n_queried = 0;
        for (idf, term) in query.into_iter().take(MAX_TERMS_TRIED) {
            if n_queried == QUERY_TERMS {
                break;
            }
            let holders = self.holders_of_term.get(term as usize);
            let mut found = false;
            for idx in holders.into_iter().flatten().rev().take(MAX_HOLDERS_WALKED) {
                let published = self.profiles[idx].published;
                if within_window(published, new_profile.published, &self.config) {
                    *shared.entry(*idx).or_default() += idf;
                    found = true;
                }
            }
            n_queried += usize::from(found);
        }
        let mut ranked: Vec<(u32, f64)> = shared.into_iter().collect();
        if ranked.len() > MAX_CANDIDATES {
            // A total order (indexes are distinct), so the kept set is that of a full sort.
            ranked.select_nth_unstable_by(MAX_CANDIDATES, |left, right| {
                right.1.total_cmp(&left.1).then(right.0.cmp(&left.0))
            });
            ranked.truncate(MAX_CANDIDATES);
        }
        ranked
            .sort_unstable_by(|left, right| right.1.total_cmp(&left.1).then(right.0.cmp(&left.0)));
        ranked.into_iter().map(|(idx, _)| idx).collect()
    }

    /// The held articles of the story keyed `story`, in arrival order; empty when no held
    /// article is in such a story.
    pub fn members(&self, story: &ArticleId) -> Vec<ArticleId> {
        self.members_of
            .values()
            .filter(|members| members.key == *story)
            .flat_map(|members| &members.idxs)
            .map(|idx| self.profiles[idx].article.clone())
            .collect()
    }

    /// Every story with a held article, as its key and its held articles' ids in arrival
    /// order; stories in the order they were started.
    pub fn stories(&self) -> Vec<(ArticleId, Vec<ArticleId>)> {
        let mut founders: Vec<u32> = self.members_of.keys().copied().collect();
        founders.sort_unstable();
        founders
            .into_iter()
            .map(|founder| {
                let members = &self.members_of[&founder];
                let articles = members
                    .idxs
                    .iter()
                    .map(|idx| self.profiles[idx].article.clone())
                    .collect();
                (members.key.clone(), articles)
            })
            .collect()
    }

    /// The key of the story whose first article arrived as `founder`, which has a held member.
    fn key(&self, founder: u32) -> ArticleId {
        self.members_of[&founder].key.clone()
    }
}

/// Whether two articles are close enough in time to be evidence about each other.
fn within_window(left: Option<NaiveDate>, right: Option<NaiveDate>, config: &Config) -> bool {
    match (left, right) {
        (Some(left), Some(right)) => (left - right).num_days().abs() <= config.window_days,
        _ => true,
    }
}

/// An add's neighbourhood as the batch split sees it: position `n` is held article
/// `idxs[n]`, weighted with idf over the members asked for.
struct Neighbourhood<'stories> {
    stories: &'stories Stories,
    idxs: &'stories [u32],
}

impl Collection for Neighbourhood<'_> {
    fn len(&self) -> usize {
        self.idxs.len()
    }

    fn vectors(&self, members: &[usize]) -> Vec<Vector> {
        let idxs: Vec<u32> = members
            .iter()
            .map(|&position| self.idxs[position])
            .collect();
        self.stories.neighbourhood_vectors(&idxs)
    }
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
                let merged: Vec<&str> = placement
                    .merged
                    .iter()
                    .map(|(merged, _)| merged.as_str())
                    .collect();
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
        // Only the order and the stories are saved; the profiles come from the caller.
        let json = serde_json::to_string(&stories.saved()).expect("saved stories serialize");
        let saved: SavedStories = serde_json::from_str(&json).expect("saved stories load");
        let (restored, unsaved) =
            Stories::restore(saved, Config::new(), profiles.to_vec()).expect("restored");
        assert_eq!(restored, stories);
        assert!(unsaved.is_empty());
        for (key, members) in stories.stories() {
            assert_eq!(stories.members(&key), members);
        }
    }

    #[test]
    fn terms_only_the_new_article_holds_do_not_hide_its_story() {
        // Each article has more words of its own than there are query terms; those are the
        // rarest, yet they find nothing, so the shared ones must do the finding.
        let with_own_words = |id: &str| {
            let mut terms: Vec<String> = ["harbor", "strike", "docker", "pay", "union", "crane"]
                .iter()
                .map(|term| term.to_string())
                .collect();
            terms.extend((0..QUERY_TERMS + 5).map(|n| format!("{id}own{n}")));
            let terms: Vec<&str> = terms.iter().map(String::as_str).collect();
            profile(id, &terms)
        };
        let mut stories = Stories::new(Config::new());
        stories.add(with_own_words("a"));
        let placement = stories.add(with_own_words("b"));
        assert!(!placement.started, "b should join a's story");
        assert_eq!(placement.story.as_str(), "a");
    }

    fn dated(id: &str, date: &str, terms: &[&str]) -> Profile {
        Profile {
            published: NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
            ..profile(id, terms)
        }
    }

    #[test]
    fn articles_out_of_the_window_start_their_own_story() {
        check(
            &[
                dated("a", "2030-01-01", &["harbor", "strike", "docker", "pay"]),
                dated("b", "2030-06-01", &["harbor", "strike", "docker", "pay"]),
                dated("c", "2030-01-05", &["harbor", "strike", "docker", "union"]),
            ],
            &[
                "a started []",
                "b started []",
                "a joined []",
                "a: a,c",
                "b: b",
            ],
        );
    }

    #[test]
    fn an_older_story_with_the_same_rare_words_does_not_hide_the_new_ones() {
        // The old article, months before, holds 25 words the last one uses too, as rare as the
        // words the last one shares with its own story's first article.
        let old_words: Vec<String> = (0..25).map(|idx| format!("word{idx:02}")).collect();
        let old_words: Vec<&str> = old_words.iter().map(String::as_str).collect();
        let mut last_words = vec!["harbor", "strike", "docker", "pay"];
        last_words.extend(&old_words);
        check(
            &[
                dated("a", "2030-01-01", &old_words),
                dated("b", "2030-06-01", &["harbor", "strike", "docker", "pay"]),
                dated("c", "2030-06-01", &last_words),
            ],
            &[
                "a started []",
                "b started []",
                "b joined []",
                "a: a",
                "b: b,c",
            ],
        );
    }

    /// One article a day for `n_days` from 2030-01-01, every five days a new story of its own
    /// words.
    fn daily_stream(n_days: u32) -> Vec<Profile> {
        let start = NaiveDate::from_ymd_opt(2030, 1, 1).expect("a valid date");
        (0..n_days)
            .map(|day| {
                let story = day / 5;
                let mut profile = profile(
                    &format!("day{day:05}"),
                    &[&format!("alpha{story}"), &format!("beta{story}")],
                );
                profile.published = Some(start + TimeDelta::days(i64::from(day)));
                profile
            })
            .collect()
    }

    fn n_held(stories: &Stories) -> usize {
        stories.profiles.len()
    }

    /// Every article's story as a store keeps it: each placement's article, with the merges
    /// applied to every earlier article, held or not, then the moves.
    fn placed_like_a_store(stories: &mut Stories, profiles: &[Profile]) -> Vec<Vec<String>> {
        let mut story_of: Vec<(String, String)> = Vec::new();
        for profile in profiles {
            let placement = stories.add(profile.clone());
            for (merged, into) in &placement.merged {
                for (_, story) in &mut story_of {
                    if story == merged.as_str() {
                        *story = into.0.clone();
                    }
                }
            }
            for (moved, into) in &placement.moved {
                for (article, story) in &mut story_of {
                    if article == moved.as_str() {
                        *story = into.0.clone();
                    }
                }
            }
            story_of.push((profile.article.0.clone(), placement.story.0));
        }
        let mut by_story: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (article, story) in story_of {
            by_story.entry(story).or_default().push(article);
        }
        by_story.into_values().collect()
    }

    #[test]
    fn profiles_past_the_window_are_dropped_and_stories_still_form() {
        let stream = daily_stream(1_500);
        let mut stories = Stories::new(Config::new());
        let found = placed_like_a_store(&mut stories, &stream);
        assert_eq!(found.len(), 300);
        assert!(found.iter().all(|members| members.len() == 5));
        // The present's rank, two windows before it, and the adds since the last eviction.
        let bound = PRESENT_RANK + 2 * 30 + EVICT_EVERY + 1;
        assert!(n_held(&stories) <= bound, "{} held", n_held(&stories));
        let held_postings: usize = stories.holders_of_term.iter().map(Vec::len).sum();
        assert!(held_postings <= 3 * bound, "{held_postings} postings");
        // Only the stories and terms of held articles are kept.
        assert!(stories.members_of.len() <= bound.div_ceil(5) + 1);
        assert!(stories.terms.id_of.len() <= 2 * (bound.div_ceil(5) + 1));
        assert!(stories.index_of.len() == n_held(&stories));

        // Restored from the saved state and the held articles' profiles, it is the same state
        // but for the ids of terms.
        let saved = stories.saved();
        let held: BTreeSet<&ArticleId> = saved.held_articles().collect();
        assert_eq!(held.len(), n_held(&stories));
        let held_profiles: Vec<Profile> = stream
            .iter()
            .filter(|profile| held.contains(&profile.article))
            .cloned()
            .collect();
        let (restored, unsaved) =
            Stories::restore(saved.clone(), Config::new(), held_profiles).expect("restored");
        assert!(unsaved.is_empty());
        assert_eq!(restored.stories(), stories.stories());
        assert_eq!(restored.len(), stream.len());
        assert_eq!(
            saved.last_added(),
            stream.last().map(|profile| &profile.article)
        );
    }

    #[test]
    fn a_far_future_date_does_not_drop_the_window() {
        let mut stream = daily_stream(1_000);
        stream[10].published = NaiveDate::from_ymd_opt(2999, 1, 1);
        let stories = Stories::rebuild(stream, Config::new());
        assert!(n_held(&stories) > 2 * 30);
        assert!(n_held(&stories) <= PRESENT_RANK + 2 * 30 + EVICT_EVERY + 2);
    }

    #[test]
    fn only_the_latest_undated_profiles_are_held() {
        let undated: Vec<Profile> = (0..MAX_UNDATED_HELD + 2 * EVICT_EVERY)
            .map(|n| profile(&format!("u{n}"), &[&format!("alpha{n}")]))
            .collect();
        let stories = Stories::rebuild(undated, Config::new());
        assert!(n_held(&stories) <= MAX_UNDATED_HELD + EVICT_EVERY);
        let last = format!("u{}", MAX_UNDATED_HELD + 2 * EVICT_EVERY - 1);
        assert!(stories.index_of.contains_key(&ArticleId(last)));
        assert!(!stories.index_of.contains_key(&ArticleId("u0".to_string())));
    }

    #[test]
    fn a_merge_reports_the_stories_it_merged() {
        let mut stories = Stories::new(Config::new());
        stories.add(profile("a", &["harbor", "strike", "docker", "pay"]));
        stories.add(profile("b", &["crane", "port", "wage", "walkout"]));
        stories.add(profile("d", &["crane", "port", "wage", "picket"]));
        let placement = stories.add(profile(
            "c",
            &[
                "harbor", "strike", "docker", "pay", "crane", "port", "wage", "walkout",
            ],
        ));
        let merged: Vec<(&str, &str)> = placement
            .merged
            .iter()
            .map(|(merged, into)| (merged.as_str(), into.as_str()))
            .collect();
        assert_eq!((placement.story.as_str(), merged), ("a", vec![("b", "a")]));
        assert_eq!(stories.members(&ArticleId("a".to_string())).len(), 4);
    }

    #[test]
    fn later_articles_move_an_early_one_to_the_story_it_belongs_to() {
        // c shares the dockers' words and joins them; the flood reports that follow show it is
        // theirs, and once there are enough of them c and its followers leave for a story of
        // their own, keyed by c, its first article.
        let profiles = [
            profile(
                "a",
                &["harbor", "docker", "pay", "union", "overtime", "shift"],
            ),
            profile(
                "b",
                &["harbor", "docker", "pay", "union", "overtime", "picket"],
            ),
            profile(
                "c",
                &["harbor", "docker", "crane", "barge", "river", "flood"],
            ),
            profile("d", &["crane", "barge", "river", "flood", "levee", "rain"]),
            profile("e", &["crane", "barge", "river", "flood", "levee", "storm"]),
            profile("f", &["crane", "barge", "river", "flood", "rain", "storm"]),
            profile("g", &["barge", "river", "flood", "levee", "rain", "storm"]),
        ];
        let mut stories = Stories::new(Config::new());
        let placements: Vec<Placement> = profiles[..5]
            .iter()
            .map(|profile| stories.add(profile.clone()))
            .collect();
        assert!(
            placements
                .iter()
                .all(|placement| placement.story.as_str() == "a")
        );
        let split = stories.add(profiles[5].clone());
        let moved: Vec<(&str, &str)> = split
            .moved
            .iter()
            .map(|(article, story)| (article.as_str(), story.as_str()))
            .collect();
        assert_eq!(moved, [("c", "c"), ("d", "c"), ("e", "c")]);
        assert_eq!((split.story.as_str(), split.started), ("c", true));
        check(
            &profiles,
            &[
                "a started []",
                "a joined []",
                "a joined []",
                "a joined []",
                "a joined []",
                "c started []",
                "c joined []",
                "a: a,b",
                "c: c,d,e,f,g",
            ],
        );
        // A store that applies the moves has the same stories.
        let mut stories = Stories::new(Config::new());
        let mut found = placed_like_a_store(&mut stories, &profiles);
        found.sort();
        assert_eq!(found, [vec!["a", "b"], vec!["c", "d", "e", "f", "g"]]);
    }

    #[test]
    fn restores_the_state_earlier_versions_saved() {
        let profiles = [
            profile("a", &["harbor", "strike", "docker", "pay"]),
            profile("b", &["dam", "river", "spillway", "rain"]),
            profile("c", &["harbor", "strike", "docker", "union"]),
        ];
        let stories = Stories::rebuild(profiles.to_vec(), Config::new());
        // The shape of the whole state as it was saved before, profiles and idf included.
        let old = r#"{"config":{"threshold":0.085,"entity_weight":0.3,"window_days":30},
            "corpus":{"n_profiles":3,"term_frequency":{"harbor":2},"entity_frequency":{}},
            "profiles":[{"article":"a","published":null,"terms":{"harbor":1},"entities":{}}],
            "founder_of":[0,1,0],"index_of":{"a":0,"b":1,"c":2}}"#;
        let saved: SavedStories = serde_json::from_str(old).expect("the old state reads");
        assert_eq!(saved.len(), 3);
        // A store's order, and an article the saved state has not placed yet.
        let mut given = vec![
            profiles[2].clone(),
            profiles[0].clone(),
            profiles[1].clone(),
        ];
        given.push(profile("e", &["dam", "river", "spillway", "flood"]));
        let (restored, unsaved) = Stories::restore(saved, Config::new(), given).expect("restored");
        assert_eq!(restored.stories(), stories.stories());
        assert_eq!(unsaved.len(), 1);

        let broken = r#"{"articles":["a","b"],"founder_of":[1,1]}"#;
        assert!(serde_json::from_str::<SavedStories>(broken).is_err());
        let missing: SavedStories =
            serde_json::from_str(r#"{"articles":["a","x"],"founder_of":[0,1]}"#).expect("reads");
        assert!(Stories::restore(missing, Config::new(), profiles.to_vec()).is_none());
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
