//! [`Stories`]: the incremental split, for articles that arrive one at a time (a store, a feed).

use crate::similarity::{Vector, idf, similarity, unit_length, weight};
use crate::{Config, Profile};
use chrono::{NaiveDate, TimeDelta};
use parallax_model::ArticleId;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

/// How many of a new article's terms, rarest first, find the earlier articles it is compared
/// with: its rarest terms are what a story's articles share and other stories' do not.
const QUERY_TERMS: usize = 20;

/// At most this many earlier articles (those sharing the most idf weight of the query terms)
/// are compared with a new one in full, so that adding stays as fast however big the archive
/// and its time window grow.
const MAX_CANDIDATES: usize = 256;

/// At most this many holders of one query term, latest first, are looked at. When even an
/// article's rarest terms are common (a short article of everyday words), walking every holder
/// would cost as much as the archive is big; the latest holders are the ones a stream's time
/// window keeps, and a term held by more articles than this is not what tells a story apart.
const MAX_HOLDERS_WALKED: usize = 1_000;

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
/// A story is known by its *key*: the id of the first article that was added to it. The key
/// never changes while the story grows; when two stories merge, the one whose first article
/// came earlier keeps its key and the other key is reported as merged into it.
///
/// An article is compared only with articles published within [`Config::window_days`] of it
/// (articles without a date are compared with all), and joins the story whose members in that
/// window are, on average, the most similar to it, when that average reaches
/// [`Config::threshold`]. Idf is counted over the articles compared (the new one and its
/// candidates, below), its neighbourhood in the archive, as the batch split counts it over a
/// topic. The same articles added in another order can split differently, and the split can
/// differ from the batch [`cluster`](crate::cluster) of the same articles: an early choice is
/// never undone, only merged.
///
/// So that an add costs the same at 100 articles and at 100,000, a new article is scored in full
/// only against earlier articles in its window that hold one of its [`QUERY_TERMS`] rarest
/// terms (at most [`MAX_HOLDERS_WALKED`] holders of each, latest first), at most
/// [`MAX_CANDIDATES`] of them; the other members of a story in the window count as not similar.
/// A story keeps its members' dates sorted, so counting its members in a window is a binary
/// search. Terms and entity keys are interned: the state holds each profile as sorted
/// `(id, count)` pairs.
///
/// So that memory stays flat however long a stream goes on, the state holds only the articles
/// that new ones can still be compared with: those published within [`HELD_WINDOWS`] windows
/// of the stream's present (at most [`MAX_DATED_HELD`]) and the latest [`MAX_UNDATED_HELD`]
/// undated ones. An older article leaves the state entirely, and so does a story none of whose
/// articles is held, and a term no held article uses. What the state knows of stories is
/// therefore only their held part: the caller (a store) keeps every article's story and applies
/// each [`Placement`]'s merges to it. An article that arrives dated before every held profile is
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
    /// The dated members' dates, ascending.
    dates: Vec<NaiveDate>,
    n_undated: usize,
}

impl Members {
    fn new(key: ArticleId) -> Members {
        Members {
            key,
            idxs: Vec::new(),
            dates: Vec::new(),
            n_undated: 0,
        }
    }

    /// Adds a member that arrived after every other.
    fn push(&mut self, idx: u32, published: Option<NaiveDate>) {
        self.idxs.push(idx);
        match published {
            Some(date) => {
                let at = self.dates.partition_point(|&member| member <= date);
                self.dates.insert(at, date);
            }
            None => self.n_undated += 1,
        }
    }

    fn remove(&mut self, idx: u32, published: Option<NaiveDate>) {
        if let Ok(at) = self.idxs.binary_search(&idx) {
            self.idxs.remove(at);
        }
        match published {
            Some(date) => {
                if let Ok(at) = self.dates.binary_search(&date) {
                    self.dates.remove(at);
                }
            }
            None => self.n_undated = self.n_undated.saturating_sub(1),
        }
    }

    fn absorb(&mut self, other: Members) {
        self.idxs.extend(other.idxs);
        self.idxs.sort_unstable();
        self.dates.extend(other.dates);
        self.dates.sort_unstable();
        self.n_undated += other.n_undated;
    }

    /// How many members are within `window_days` of `published` (all of them for an undated
    /// article, and the undated ones always).
    fn n_within(&self, published: Option<NaiveDate>, window_days: i64) -> usize {
        let Some(date) = published else {
            return self.idxs.len();
        };
        let window = TimeDelta::try_days(window_days).unwrap_or(TimeDelta::MAX);
        let first = date.checked_sub_signed(window).unwrap_or(NaiveDate::MIN);
        let last = date.checked_add_signed(window).unwrap_or(NaiveDate::MAX);
        let n_dated = self.dates.partition_point(|&member| member <= last)
            - self.dates.partition_point(|&member| member < first);
        self.n_undated + n_dated
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
            let placed = read
                .held
                .iter()
                .all(|held| held.founder <= held.idx && held.idx < read.n_added);
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
    /// Keys of earlier stories the article showed to be part of `story`, merged into it, in
    /// arrival order: every article of theirs, held or not, now belongs to `story`.
    pub merged: Vec<ArticleId>,
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
            let (founder, published) = (profile.founder, profile.published);
            let key = &expected.get(&profile.article)?.held.key;
            stories
                .members_of
                .entry(founder)
                .or_insert_with(|| Members::new(key.clone()))
                .push(idx, published);
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
        own.push(new_idx, published);
        self.members_of.insert(new_idx, own);
        self.index_of.insert(profile.article.clone(), new_idx);
        self.last_added = Some(profile.article);

        // Only the candidates are compared in full; every other article of a story in the
        // window counts as not similar (it shares none of the new article's rarest terms, or
        // fewer than the candidates do), so it still weighs on the story's average.
        let candidates = self.candidates(new_idx);
        self.hold(new_idx);
        let neighbourhood: Vec<u32> = candidates
            .iter()
            .copied()
            .chain(std::iter::once(new_idx))
            .collect();
        let vectors = self.neighbourhood_vectors(&neighbourhood);
        let new_vector = vectors
            .last()
            .expect("the new profile is the compared profiles' last");

        // Each candidate story, keyed by founder (ascending, so ties go to the older story):
        // its candidates' vectors and how many of its articles are in the window.
        let mut groups: BTreeMap<u32, Group> = BTreeMap::new();
        for (vector, idx) in vectors.iter().zip(&candidates) {
            let founder = self.profiles[idx].founder;
            groups
                .entry(founder)
                .or_insert_with(|| Group {
                    vectors: Vec::new(),
                    n_in_window: self.members_of[&founder]
                        .n_within(published, self.config.window_days),
                })
                .vectors
                .push(vector);
        }
        let new_group = Group {
            vectors: vec![new_vector],
            n_in_window: 1,
        };
        let mut best: Option<(u32, f64)> = None;
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
            let mut best: Option<(u32, f64)> = None;
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
        merged_founders.sort_unstable();
        let merged = merged_founders
            .iter()
            .map(|&founder| self.key(founder))
            .collect();
        // Every story involved: the joined one, the new article's own, and each merged one
        // (the oldest of them keeps its key, so it is `story_founder`, possibly not `founder`).
        let mut story_members = self
            .members_of
            .remove(&story_founder)
            .expect("a candidate's story has members");
        for old_founder in [founder, new_idx]
            .into_iter()
            .chain(merged_founders.iter().copied())
        {
            let Some(members) = self.members_of.remove(&old_founder) else {
                continue;
            };
            for member in &members.idxs {
                if let Some(profile) = self.profiles.get_mut(member) {
                    profile.founder = story_founder;
                }
            }
            story_members.absorb(members);
        }
        self.members_of.insert(story_founder, story_members);
        Placement {
            story: self.key(story_founder),
            started: false,
            merged,
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
                story.get_mut().remove(idx, profile.published);
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
        let weigh = |pairs: &[(u32, u32)], frequency: &FxHashMap<u32, u32>| {
            unit_length(
                pairs
                    .iter()
                    .map(|&(id, count)| (id, weight(count, n_profiles, frequency[&id])))
                    .collect(),
            )
        };
        profiles
            .into_iter()
            .map(|profile| {
                Vector::new(
                    weigh(&profile.terms, &term_frequency),
                    weigh(&profile.entities, &entity_frequency),
                    profile.published,
                )
            })
            .collect()
    }

    /// The earlier profiles in the window of profile `new_idx` that are among the latest
    /// [`MAX_HOLDERS_WALKED`] holders of one of its [`QUERY_TERMS`] rarest shared terms, at most
    /// [`MAX_CANDIDATES`] of them (those sharing the most idf weight, then the latest),
    /// ascending. Rarity is counted over the held profiles: the stream's recent past.
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
        for (idf, term) in query.into_iter().take(QUERY_TERMS) {
            let holders = self.holders_of_term.get(term as usize);
            for idx in holders.into_iter().flatten().rev().take(MAX_HOLDERS_WALKED) {
                let published = self.profiles[idx].published;
                if within_window(published, new_profile.published, &self.config) {
                    *shared.entry(*idx).or_default() += idf;
                }
            }
        }
        let mut ranked: Vec<(u32, f64)> = shared.into_iter().collect();
        if ranked.len() > MAX_CANDIDATES {
            // A total order (indexes are distinct), so the kept set is that of a full sort.
            ranked.select_nth_unstable_by(MAX_CANDIDATES, |left, right| {
                right.1.total_cmp(&left.1).then(right.0.cmp(&left.0))
            });
            ranked.truncate(MAX_CANDIDATES);
        }
        let mut candidates: Vec<u32> = ranked.into_iter().map(|(idx, _)| idx).collect();
        candidates.sort_unstable();
        candidates
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
    fn window_counts_dated_and_undated_members() {
        let mut members = Members::new(ArticleId("a".to_string()));
        for (idx, date) in ["2030-01-01", "2030-01-20", "2030-03-01"]
            .iter()
            .enumerate()
        {
            members.push(idx as u32, NaiveDate::parse_from_str(date, "%Y-%m-%d").ok());
        }
        members.push(3, None);
        let on = |date: &str| NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
        assert_eq!(members.n_within(on("2030-01-31"), 30), 4);
        assert_eq!(members.n_within(on("2030-02-01"), 30), 3);
        assert_eq!(members.n_within(on("2030-03-31"), 30), 2);
        assert_eq!(members.n_within(on("2031-01-01"), 30), 1);
        assert_eq!(members.n_within(None, 30), 4);
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
    /// applied to every earlier article, held or not.
    fn placed_like_a_store(stories: &mut Stories, profiles: &[Profile]) -> Vec<Vec<String>> {
        let mut story_of: Vec<(String, String)> = Vec::new();
        for profile in profiles {
            let placement = stories.add(profile.clone());
            for (_, story) in &mut story_of {
                if placement
                    .merged
                    .iter()
                    .any(|merged| merged.as_str() == story)
                {
                    *story = placement.story.0.clone();
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
        let merged: Vec<&str> = placement.merged.iter().map(ArticleId::as_str).collect();
        assert_eq!((placement.story.as_str(), merged), ("a", vec!["b"]));
        assert_eq!(stories.members(&ArticleId("a".to_string())).len(), 4);
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
