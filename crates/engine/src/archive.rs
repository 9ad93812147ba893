//! Keeping what is read: inputs → articles → annotated → stored in a [`Store`], each new article
//! placed in a story as it arrives (the story stage's incremental [`Stories`]).

use crate::{Config, Input, annotate_all};
use parallax_model::{Annotated, Article, ArticleId, Diagnostic, Severity, StoryId};
use parallax_store::{Batch, InputStamp, Store, StoryChange};
use parallax_story::{Profile, SavedStories, Stories};
use rayon::prelude::*;
use std::collections::HashSet;

/// Inputs read, annotated and committed together. One transaction per batch bounds what an
/// interruption can lose to one batch (re-done by the next run) and keeps memory flat however
/// many inputs there are.
const BATCH_INPUTS: usize = 128;

/// The story state is saved with every this many batches (and with the last): small as it is
/// (article order and stories, no profiles), an interrupted run then re-adds at most this many
/// batches' articles to the saved state rather than placing every stored article again.
const SAVE_EVERY_BATCHES: usize = 16;

/// How far an [`ingest`] has got, reported after every batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Inputs handled so far (files, feeds, addresses, after folders were expanded).
    pub n_inputs_done: usize,
    /// Inputs in all.
    pub n_inputs: usize,
    /// Articles new to the store so far.
    pub n_articles_added: usize,
}

/// What an [`ingest`] did.
#[derive(Debug)]
pub struct Ingested {
    /// Inputs after folders were expanded.
    pub n_inputs: usize,
    /// Inputs skipped because they were ingested before and have not changed.
    pub n_inputs_unchanged: usize,
    /// Articles new to the store.
    pub n_articles_added: usize,
    /// Articles read that the store already held (same text).
    pub n_articles_known: usize,
    /// Inputs that could not be used at all.
    pub n_skipped: usize,
    /// Problems with inputs, and repairs made to the store, in order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads `inputs`, annotates the articles the store does not hold yet, places each in a story,
/// and writes them to `store` a batch at a time; `progress` hears after every batch.
///
/// Idempotent: an article already stored (same clean text) is not annotated or written again,
/// and a file ingested before is skipped when its size and modification time are unchanged.
/// An interrupted run loses at most its last batch, which the next run does again.
///
/// # Errors
///
/// A [`parallax_store::Error`] when the store cannot be written (locked, read-only, disk
/// full); the batches before the failing one stay stored.
pub fn ingest(
    store: &mut Store,
    inputs: &[Input],
    config: &Config,
    progress: &mut dyn FnMut(Progress),
) -> parallax_store::Result<Ingested> {
    let (inputs, mut diagnostics) = parallax_ingest::expand_folders(inputs);
    diagnostics.extend(store.notes().iter().cloned());
    let mut stories = load_stories(store, config, &HashSet::new(), &mut diagnostics)?;
    let mut n_saved = stories.len();
    let mut ingested = Ingested {
        n_inputs: inputs.len(),
        n_inputs_unchanged: 0,
        n_articles_added: 0,
        n_articles_known: 0,
        n_skipped: 0,
        diagnostics: Vec::new(),
    };
    let n_batches = inputs.len().div_ceil(BATCH_INPUTS);
    for (batch_idx, chunk) in inputs.chunks(BATCH_INPUTS).enumerate() {
        let mut to_read = Vec::with_capacity(chunk.len());
        let mut stamps = Vec::new();
        for input in chunk {
            let stamp = stamp(input);
            if let Some(stamp) = &stamp
                && store.input_unchanged(stamp)?
            {
                ingested.n_inputs_unchanged += 1;
                continue;
            }
            to_read.push(input.clone());
            stamps.extend(stamp);
        }
        let (articles, batch_diagnostics) = read_new(store, &to_read, config)?;
        ingested.n_articles_known += articles.n_known;
        // An input with an error is not stamped, so that the next run tries it again.
        let failed: HashSet<&str> = batch_diagnostics
            .iter()
            .filter(|diagnostic| diagnostic.severity == Severity::Error)
            .map(|diagnostic| diagnostic.input.as_str())
            .collect();
        ingested.n_skipped += failed.len();
        stamps.retain(|stamp| !failed.contains(stamp.label.as_str()));
        diagnostics.extend(batch_diagnostics);

        let annotated = annotate_all(articles.new, config);
        let mut batch = place(&mut stories, annotated);
        batch.inputs = stamps;
        if stories.len() != n_saved
            && (batch_idx + 1 == n_batches || (batch_idx + 1) % SAVE_EVERY_BATCHES == 0)
        {
            batch.clusterer = serde_json::to_string(&stories.saved()).ok();
            n_saved = stories.len();
        }
        ingested.n_articles_added += store.write(&batch)?;
        progress(Progress {
            n_inputs_done: (batch_idx * BATCH_INPUTS + chunk.len()).min(inputs.len()),
            n_inputs: inputs.len(),
            n_articles_added: ingested.n_articles_added,
        });
    }
    store.finish()?;
    ingested.diagnostics = diagnostics;
    Ok(ingested)
}

/// The size and modification time of a file input; other inputs are always read.
fn stamp(input: &Input) -> Option<InputStamp> {
    let Input::Path(path) = input else {
        return None;
    };
    let metadata = std::fs::metadata(path).ok()?;
    let modified = metadata
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?;
    Some(InputStamp {
        label: path.to_string_lossy().into_owned(),
        size: metadata.len(),
        modified: i64::try_from(modified.as_nanos()).unwrap_or(i64::MAX),
    })
}

struct NewArticles {
    new: Vec<Article>,
    n_known: usize,
}

/// Reads and extracts `inputs` in parallel and keeps the articles the store does not hold,
/// each once.
fn read_new(
    store: &Store,
    inputs: &[Input],
    config: &Config,
) -> parallax_store::Result<(NewArticles, Vec<Diagnostic>)> {
    let (documents, mut diagnostics) = parallax_ingest::read(inputs, &config.read);
    let extracted: Vec<_> = documents
        .par_iter()
        .map(|document| parallax_ingest::extract(document, &config.extract))
        .collect();
    let mut seen: HashSet<ArticleId> = HashSet::new();
    let mut new = Vec::new();
    let mut n_known = 0;
    for result in extracted {
        match result {
            Ok(extracted) => {
                diagnostics.extend(extracted.diagnostics);
                for article in extracted.articles {
                    if !seen.insert(article.id.clone()) || store.contains(&article.id)? {
                        n_known += 1;
                        continue;
                    }
                    new.push(article);
                }
            }
            Err(error) => diagnostics.push(error.to_diagnostic()),
        }
    }
    Ok((NewArticles { new, n_known }, diagnostics))
}

/// The story state of the store's articles but `excluded`: the saved state restored from the
/// stored profiles of the articles it holds, with the articles stored after it was saved (an
/// interrupted run) added again; rebuilt from every profile, with a note, when there is no
/// usable saved state. The profiles are read a chunk at a time.
pub(crate) fn load_stories(
    store: &Store,
    config: &Config,
    excluded: &HashSet<&ArticleId>,
    diagnostics: &mut Vec<Diagnostic>,
) -> parallax_store::Result<Stories> {
    if store.counts()?.articles == 0 {
        return Ok(Stories::new(config.story.clone()));
    }
    // A profile this build cannot read is left out rather than guessed at.
    let readable = |row: parallax_store::Result<(ArticleId, String)>| match row {
        Ok((article, json)) if !excluded.contains(&article) => {
            serde_json::from_str::<Profile>(&json).ok().map(Ok)
        }
        Ok(_) => None,
        Err(error) => Some(Err(error)),
    };
    let saved = store
        .clusterer()?
        .and_then(|json| serde_json::from_str::<SavedStories>(&json).ok());
    let stored_after = match saved.as_ref().and_then(SavedStories::last_added) {
        Some(last) => store.profiles_after(last)?,
        None => None,
    };
    if let (Some(saved), Some(stored_after)) = (saved, stored_after) {
        let held: Vec<ArticleId> = saved.held_articles().cloned().collect();
        // A held article whose profile is not stored makes the restore fail: rebuilt below.
        let held_profiles = held.into_iter().filter_map(|article| {
            let json = store.profile(&article).transpose()?;
            Some(json.map(|json| (article, json)))
        });
        let mut failed = None;
        let profiles = held_profiles
            .chain(stored_after)
            .filter_map(readable)
            .map_while(|row| row.map_err(|error| failed = Some(error)).ok());
        let restored = Stories::restore(saved, config.story.clone(), profiles);
        if let Some(error) = failed {
            return Err(error);
        }
        if let Some((mut stories, unsaved)) = restored {
            for profile in unsaved {
                stories.add(profile);
            }
            return Ok(stories);
        }
    }
    let mut stories = Stories::new(config.story.clone());
    for profile in store.profiles().filter_map(readable) {
        stories.add(profile?);
    }
    diagnostics.push(Diagnostic::new(
        Severity::Note,
        "stories",
        format!("story state rebuilt from {} stored profiles", stories.len()),
    ));
    Ok(stories)
}

/// Places each new article in a story and returns the batch that stores them: the articles,
/// their profiles, and the story of every article whose story is new or changed by a merge.
fn place(stories: &mut Stories, annotated: Vec<Annotated>) -> Batch {
    let mut batch = Batch::default();
    for article in &annotated {
        let profile = parallax_story::profile(article);
        batch.profiles.push((
            article.article.id.clone(),
            serde_json::to_string(&profile).expect("a profile serializes to JSON"),
        ));
        place_profile(stories, profile, &mut batch);
    }
    batch.articles = annotated;
    batch
}

/// Places one article, by its profile, in a story, and adds to `batch` the stories its
/// placement merged, the articles it moved and the article's own story, in that order (the
/// order the story state made them in).
pub(crate) fn place_profile(stories: &mut Stories, profile: Profile, batch: &mut Batch) {
    let article = profile.article.clone();
    let placement = stories.add(profile);
    // The merged stories' articles, most of them no longer in the story state, move in the
    // store; the story that kept its key stays.
    batch
        .story_changes
        .extend(
            placement
                .merged
                .into_iter()
                .map(|(merged, into)| StoryChange::Merge {
                    merged: StoryId(merged.0),
                    into: StoryId(into.0),
                }),
        );
    batch
        .story_changes
        .extend(
            placement
                .moved
                .into_iter()
                .map(|(moved, into)| StoryChange::Join {
                    article: moved,
                    story: StoryId(into.0),
                }),
        );
    batch.story_changes.push(StoryChange::Join {
        article,
        story: StoryId(placement.story.0),
    });
}
