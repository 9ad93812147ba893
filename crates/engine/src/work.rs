//! Work for `parallax worker`: one queued [`Document`] → extracted, annotated and stored with
//! its story profile; then, one worker at a time, the stored articles that are in no story yet
//! placed in stories.
//!
//! Placement is a separate step rather than part of each item's transaction because it needs
//! the whole story state (every profile so far), which only one process may change at a time:
//! holding that lock in every item's transaction would serialize the workers. Instead each item
//! commits on its own, and whichever worker gets the store's story lock
//! ([`Store::try_lock_stories`]) places everything stored so far; an article a worker stored
//! just before dying is placed by the next pass of any worker.

use crate::archive::{load_stories, place_profile};
use crate::{Config, annotate_all};
use parallax_model::{ArticleId, Diagnostic, Document};
use parallax_store::{Batch, Store};
use parallax_story::{Profile, Stories};
use std::collections::HashSet;

/// What [`store_document`] did with one document.
#[derive(Debug)]
pub struct Stored {
    /// Articles new to the store.
    pub n_articles_added: usize,
    /// Articles the store already held (same text): a redelivered item, or a copy.
    pub n_articles_known: usize,
    /// Problems with the document (no article in it, an unreadable feed).
    pub diagnostics: Vec<Diagnostic>,
}

/// Extracts and annotates the articles of `document` that `store` does not hold yet, and writes
/// them with their story profiles in one transaction. Idempotent: run twice on one document
/// (a redelivery), it stores nothing the second time. A document with no usable article is not
/// an error: it gives diagnostics and stores nothing.
///
/// # Errors
///
/// A [`parallax_store::Error`] when the store cannot be read or written; nothing of the
/// document was stored then.
pub fn store_document(
    store: &mut Store,
    document: &Document,
    config: &Config,
) -> parallax_store::Result<Stored> {
    let (articles, diagnostics) = match parallax_ingest::extract(document, &config.extract) {
        Ok(extracted) => (extracted.articles, extracted.diagnostics),
        Err(error) => (Vec::new(), vec![error.to_diagnostic()]),
    };
    let mut seen = HashSet::new();
    let mut new = Vec::with_capacity(articles.len());
    let mut n_articles_known = 0;
    for article in articles {
        if !seen.insert(article.id.clone()) || store.contains(&article.id)? {
            n_articles_known += 1;
            continue;
        }
        new.push(article);
    }
    let n_new = new.len();
    let annotated = annotate_all(new, config);
    let profiles = annotated
        .iter()
        .map(|annotated| {
            let profile = parallax_story::profile(annotated);
            (
                annotated.article.id.clone(),
                serde_json::to_string(&profile).expect("a profile serializes to JSON"),
            )
        })
        .collect();
    let n_articles_added = store.write(&Batch {
        articles: annotated,
        profiles,
        ..Batch::default()
    })?;
    Ok(Stored {
        n_articles_added,
        // Another worker may have stored one of them meanwhile (the same text in two documents).
        n_articles_known: n_articles_known + n_new - n_articles_added,
        diagnostics,
    })
}

/// The story state a worker keeps between placement passes, so that a pass after its own last
/// one does not read every profile again.
#[derive(Debug, Default)]
pub struct Placer {
    stories: Option<Stories>,
}

impl Placer {
    /// No state yet: the first pass reads it from the store.
    pub fn new() -> Placer {
        Placer { stories: None }
    }
}

/// Places every stored article that is in no story yet, in arrival order, and stores the
/// memberships and the story state in one transaction; returns how many articles it placed, or
/// `None` when another worker holds the story lock (that worker places them).
///
/// # Errors
///
/// A [`parallax_store::Error`] when the store cannot be read or written; nothing was placed
/// then, and the next pass does it.
pub fn place_stored(
    store: &mut Store,
    placer: &mut Placer,
    config: &Config,
) -> parallax_store::Result<Option<usize>> {
    if !store.try_lock_stories()? {
        return Ok(None);
    }
    let placed = place_locked(store, placer, config);
    let unlocked = store.unlock_stories();
    if placed.is_err() {
        // The kept state may have moved ahead of what was stored.
        placer.stories = None;
    }
    let n_placed = placed?;
    unlocked?;
    Ok(Some(n_placed))
}

fn place_locked(
    store: &mut Store,
    placer: &mut Placer,
    config: &Config,
) -> parallax_store::Result<usize> {
    let unplaced = store.unplaced_profiles()?;
    if unplaced.is_empty() {
        return Ok(0);
    }
    let n_placed = store.counts()?.articles as usize - unplaced.len();
    let mut stories = match placer.stories.take() {
        Some(kept) if kept.len() == n_placed => kept,
        _ => {
            let unplaced: HashSet<&ArticleId> =
                unplaced.iter().map(|(article, _)| article).collect();
            load_stories(store, config, &unplaced, &mut Vec::new())?
        }
    };
    let mut batch = Batch::default();
    for (_, json) in &unplaced {
        // A profile this build cannot read is left unplaced rather than guessed at.
        if let Ok(profile) = serde_json::from_str::<Profile>(json) {
            place_profile(&mut stories, profile, &mut batch);
        }
    }
    batch.clusterer = serde_json::to_string(&stories.saved()).ok();
    store.write(&batch)?;
    let n_new = stories.len() - n_placed;
    placer.stories = Some(stories);
    Ok(n_new)
}
