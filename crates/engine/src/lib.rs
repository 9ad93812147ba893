//! Engine: runs the Parallax stages in order, inputs → [`Brief`].
//!
//! This is the only crate that knows the order of the stages; the command line, the server and
//! the evaluation harness call it and hold no analysis code of their own. It re-exports the
//! stage crates for library users.
//!
//! # Overview
//!
//! - [`brief`]: inputs (files, folders, stdin) → one [`Brief`] of the story they tell.
//! - [`stories`] and [`briefs`]: inputs → the stories they tell (the story stage's split) →
//!   one brief per story.
//! - [`articles`]: inputs → clean [`Article`]s, the ingest stage alone.
//! - [`brief_articles`]: articles made in memory → their brief, the stages after ingest.
//! - [`render`] and [`Format`]: a brief as Markdown, JSON or HTML.
//! - [`archive`]: inputs → a [`store::Store`], stories formed as articles arrive, and briefs
//!   of stored stories.
//! - [`work`]: what `parallax worker` does with one queued document, and placing what workers
//!   stored in stories.
//!
//! ```no_run
//! use parallax_engine::{brief, render, Config, Format, Input};
//!
//! let outcome = brief(&[Input::Path("examples/harbor-strike".into())], &Config::new())?;
//! print!("{}", render(&outcome.brief, Format::Markdown)?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Articles are extracted and annotated in parallel (rayon); the result does not depend on the
//! number of threads.
#![deny(missing_docs)]

pub use parallax_annotate as annotate;
pub use parallax_brief as brief_stage;
pub use parallax_ingest as ingest;
pub use parallax_ingest::Input;
pub use parallax_model as model;
pub use parallax_render::{Format, render};
pub use parallax_store as store;
pub use parallax_story as story;

pub mod archive;
pub mod work;

use parallax_model::{Annotated, Article, Brief, Diagnostic, Severity, Story};
use rayon::prelude::*;
use std::borrow::Cow;
use std::collections::HashMap;

/// Most sentences of one article that the brief reads: its sections compare sentences with
/// each other, so their cost grows faster than the text, and a hostile page of 20,000
/// near-identical paragraphs took about 30 s. A long read has a few hundred sentences; an
/// article over the cap is kept whole (stored, shown, searched) and its brief notes that only
/// the first sentences were read.
pub const MAX_BRIEF_SENTENCES: usize = 2_000;

/// Settings of every stage, built by the caller (the CLI turns flags into it).
#[derive(Debug)]
pub struct Config {
    /// Reading inputs.
    pub read: parallax_ingest::ReadConfig,
    /// Extracting articles.
    pub extract: parallax_ingest::ExtractConfig,
    /// Annotating articles.
    pub annotate: parallax_annotate::Config,
    /// Splitting articles into stories.
    pub story: parallax_story::Config,
    /// Building the brief.
    pub brief: parallax_brief::Config,
}

impl Config {
    /// The settings `parallax brief` uses.
    pub fn new() -> Config {
        Config {
            read: parallax_ingest::ReadConfig::new(),
            extract: parallax_ingest::ExtractConfig::new(),
            annotate: parallax_annotate::Config::new(),
            story: parallax_story::Config::new(),
            brief: parallax_brief::Config::new(),
        }
    }
}

/// Why no brief could be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// None of the inputs held a readable article.
    #[error("no readable article in the inputs")]
    NoArticles {
        /// What went wrong with each input.
        diagnostics: Vec<Diagnostic>,
    },
}

/// The result of the engine.
pub type Result<T> = std::result::Result<T, Error>;

/// Articles read from the inputs, and what went wrong on the way.
#[derive(Debug)]
pub struct Articles {
    /// Articles in input order; exact duplicates are dropped, near-duplicates kept and marked
    /// with [`Article::duplicate_of`].
    pub articles: Vec<Article>,
    /// One diagnostic per input problem, in input order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Articles {
    /// How many inputs were skipped entirely.
    pub fn n_skipped(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|diagnostic| diagnostic.severity == Severity::Error)
            .count()
    }
}

/// A brief and what it was made from.
#[derive(Debug)]
pub struct Outcome {
    /// The brief; its diagnostics list every input problem.
    pub brief: Brief,
    /// The annotated story the brief was made from.
    pub story: Story,
    /// How many inputs were skipped entirely.
    pub n_skipped: usize,
}

/// Reads `inputs` and extracts their articles. Bad inputs become diagnostics; the others go on.
pub fn articles(inputs: &[Input], config: &Config) -> Articles {
    let (documents, mut diagnostics) = parallax_ingest::read(inputs, &config.read);
    let extracted: Vec<_> = documents
        .par_iter()
        .map(|document| parallax_ingest::extract(document, &config.extract))
        .collect();

    let mut articles: Vec<Article> = Vec::new();
    let mut first_input_of: HashMap<parallax_model::ArticleId, String> = HashMap::new();
    for result in extracted {
        match result {
            Ok(extracted) => {
                diagnostics.extend(extracted.diagnostics);
                for article in extracted.articles {
                    let input = article.origin.label();
                    if let Some(first) = first_input_of.get(&article.id) {
                        diagnostics.push(Diagnostic::new(
                            Severity::Note,
                            input,
                            format!("same text as {first}; counted once"),
                        ));
                        continue;
                    }
                    first_input_of.insert(article.id.clone(), input);
                    articles.push(article);
                }
            }
            Err(error) => diagnostics.push(error.to_diagnostic()),
        }
    }
    mark_near_duplicates(&mut articles, &mut diagnostics);
    Articles {
        articles,
        diagnostics,
    }
}

/// Sets [`Article::duplicate_of`] on every article that re-publishes another one of the run
/// with small edits, with a note saying so; the copy stays, so its edits remain visible, but it
/// counts as one source of evidence with its original.
fn mark_near_duplicates(articles: &mut [Article], diagnostics: &mut Vec<Diagnostic>) {
    let originals = parallax_ingest::near_duplicates(articles);
    for (article_idx, original_idx) in originals.into_iter().enumerate() {
        let Some(original_idx) = original_idx else {
            continue;
        };
        let original = &articles[original_idx];
        let (original_id, original_input) = (original.id.clone(), original.origin.label());
        let article = &mut articles[article_idx];
        article.duplicate_of = Some(original_id);
        diagnostics.push(Diagnostic::new(
            Severity::Note,
            article.origin.label(),
            format!(
                "re-publishes {original_input} with small edits; counted as one source of evidence"
            ),
        ));
    }
}

/// Annotates `articles` in parallel, keeping their order.
pub fn annotate_all(articles: Vec<Article>, config: &Config) -> Vec<Annotated> {
    articles
        .into_par_iter()
        .map(|article| parallax_annotate::annotate(article, &config.annotate))
        .collect()
}

/// Reads `inputs` and annotates their articles; returns them with the diagnostics and the
/// number of inputs skipped, or [`Error::NoArticles`] when none holds a readable article.
fn read_and_annotate(
    inputs: &[Input],
    config: &Config,
) -> Result<(Vec<Annotated>, Vec<Diagnostic>, usize)> {
    let read = articles(inputs, config);
    let n_skipped = read.n_skipped();
    let Articles {
        articles,
        diagnostics,
    } = read;
    if articles.is_empty() {
        return Err(Error::NoArticles { diagnostics });
    }
    Ok((annotate_all(articles, config), diagnostics, n_skipped))
}

/// Reads `inputs` as one story and builds its brief.
///
/// # Errors
///
/// [`Error::NoArticles`] when no input holds a readable article.
pub fn brief(inputs: &[Input], config: &Config) -> Result<Outcome> {
    let (annotated, diagnostics, n_skipped) = read_and_annotate(inputs, config)?;
    let story = Story::new(annotated);
    let brief = brief_of(&story, config, diagnostics);
    Ok(Outcome {
        brief,
        story,
        n_skipped,
    })
}

/// Builds the brief of `articles`, already made in memory (the evaluation harness makes them
/// from data set text), as one story: near-duplicates are marked and the articles annotated as
/// [`brief`] does after reading.
///
/// # Errors
///
/// [`Error::NoArticles`] when `articles` is empty.
pub fn brief_articles(mut articles: Vec<Article>, config: &Config) -> Result<Outcome> {
    let mut diagnostics = Vec::new();
    if articles.is_empty() {
        return Err(Error::NoArticles { diagnostics });
    }
    mark_near_duplicates(&mut articles, &mut diagnostics);
    let story = Story::new(annotate_all(articles, config));
    let brief = brief_of(&story, config, diagnostics);
    Ok(Outcome {
        brief,
        story,
        n_skipped: 0,
    })
}

/// The brief of `story`, carrying `diagnostics`, a note for each article over
/// [`MAX_BRIEF_SENTENCES`] and the brief stage's own.
fn brief_of(story: &Story, config: &Config, mut diagnostics: Vec<Diagnostic>) -> Brief {
    let read = first_sentences(story, MAX_BRIEF_SENTENCES);
    let mut brief = parallax_brief::brief(&read, &config.brief);
    for annotated in &story.articles {
        let n_sentences = annotated.sentences.len();
        if n_sentences > MAX_BRIEF_SENTENCES {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                annotated.article.origin.label(),
                format!(
                    "{n_sentences} sentences; the brief reads the first {MAX_BRIEF_SENTENCES} \
                     (the article is kept whole)"
                ),
            ));
        }
    }
    // The brief's own (a sentence model that failed or checked only some matches) come after
    // those of the inputs.
    diagnostics.append(&mut brief.diagnostics);
    brief.diagnostics = diagnostics;
    brief
}

/// `story` with every article's annotations cut after its first `max` sentences; the texts stay
/// whole, so every range the brief cites is still a range of the article's text.
fn first_sentences(story: &Story, max: usize) -> Cow<'_, Story> {
    if story
        .articles
        .iter()
        .all(|annotated| annotated.sentences.len() <= max)
    {
        return Cow::Borrowed(story);
    }
    let articles = story
        .articles
        .iter()
        .map(|annotated| {
            let Some(cut) = annotated.sentences.get(max) else {
                return annotated.clone();
            };
            let end = cut.range.start;
            let mut read = annotated.clone();
            read.sentences.truncate(max);
            read.claims.retain(|claim| claim.sentence < max);
            read.quotes.retain(|quote| quote.content.end <= end);
            // Times and quantities are in text order and claims point at them by position, so
            // only a tail is dropped; entities keep their positions (claims and quotes point at
            // them) and lose the mentions past the cut.
            let n_times = read.times.partition_point(|time| time.range.end <= end);
            read.times.truncate(n_times);
            let n_quantities = read
                .quantities
                .partition_point(|quantity| quantity.range.end <= end);
            read.quantities.truncate(n_quantities);
            // A kept claim's time and quantity lie inside its sentence, before the cut; an
            // index past the kept ones (expressions overlapping the cut) is dropped, never read.
            for claim in &mut read.claims {
                claim.time = claim.time.filter(|&time_idx| time_idx < n_times);
                claim.quantity = claim
                    .quantity
                    .filter(|&quantity_idx| quantity_idx < n_quantities);
            }
            for entity in &mut read.entities {
                entity.mentions.retain(|mention| mention.range.end <= end);
            }
            read
        })
        .collect();
    Cow::Owned(Story {
        id: story.id.clone(),
        articles,
    })
}

/// The stories the inputs tell, and what went wrong on the way.
#[derive(Debug)]
pub struct Split {
    /// The stories, most articles first (a stray article in a folder about one story comes
    /// after that story), then by their first article's input order; inside a story, articles
    /// keep input order.
    pub stories: Vec<Story>,
    /// One diagnostic per input problem, in input order.
    pub diagnostics: Vec<Diagnostic>,
    /// How many inputs were skipped entirely.
    pub n_skipped: usize,
}

impl Split {
    /// The diagnostics a brief of `story` carries: those about its own articles, and those
    /// about inputs that gave no article to any story (a skipped file), so that the brief of a
    /// run with one story carries them all.
    pub fn diagnostics_of(&self, story: &Story) -> Vec<Diagnostic> {
        let labels_of = |story: &Story| -> Vec<String> {
            story
                .articles
                .iter()
                .map(|annotated| annotated.article.origin.label())
                .collect()
        };
        let own = labels_of(story);
        let all: Vec<String> = self.stories.iter().flat_map(labels_of).collect();
        self.diagnostics
            .iter()
            .filter(|diagnostic| {
                own.contains(&diagnostic.input) || !all.contains(&diagnostic.input)
            })
            .cloned()
            .collect()
    }
}

/// Reads `inputs`, annotates their articles and splits them into stories
/// ([`parallax_story::cluster`]).
///
/// # Errors
///
/// [`Error::NoArticles`] when no input holds a readable article.
pub fn stories(inputs: &[Input], config: &Config) -> Result<Split> {
    let (annotated, diagnostics, n_skipped) = read_and_annotate(inputs, config)?;
    let profiles: Vec<_> = annotated.iter().map(parallax_story::profile).collect();
    let clusters = parallax_story::cluster(&profiles, &config.story);
    let mut slots: Vec<Option<Annotated>> = annotated.into_iter().map(Some).collect();
    let mut clusters = clusters;
    // Stable: stories of one size keep their first article's input order.
    clusters.sort_by_key(|members| std::cmp::Reverse(members.len()));
    let stories = clusters
        .into_iter()
        .map(|members| {
            Story::new(
                members
                    .into_iter()
                    .filter_map(|idx| slots.get_mut(idx).and_then(Option::take))
                    .collect(),
            )
        })
        .collect();
    Ok(Split {
        stories,
        diagnostics,
        n_skipped,
    })
}

/// Reads `inputs`, splits them into stories and builds the brief of each, in the order of
/// [`Split::stories`]. When every article tells one story, the one brief is the one [`brief`]
/// makes.
///
/// # Errors
///
/// [`Error::NoArticles`] when no input holds a readable article.
pub fn briefs(inputs: &[Input], config: &Config) -> Result<Vec<Outcome>> {
    Ok(brief_stories(stories(inputs, config)?, config))
}

/// The brief of each story of `split`, in order, each carrying [`Split::diagnostics_of`] it.
pub fn brief_stories(split: Split, config: &Config) -> Vec<Outcome> {
    let diagnostics: Vec<Vec<Diagnostic>> = split
        .stories
        .iter()
        .map(|story| split.diagnostics_of(story))
        .collect();
    split
        .stories
        .into_iter()
        .zip(diagnostics)
        .map(|(story, diagnostics)| {
            let brief = brief_of(&story, config, diagnostics);
            Outcome {
                brief,
                story,
                n_skipped: split.n_skipped,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::Origin;

    #[test]
    fn long_articles_are_briefed_from_their_first_sentences() {
        let long: String = (0..MAX_BRIEF_SENTENCES + 3)
            .map(|sentence_idx| format!("Crews met on day {sentence_idx}.\n\n"))
            .collect();
        let articles = vec![
            Article::new(Origin::File("long.txt".into()), long),
            Article::new(
                Origin::File("short.txt".into()),
                "Crews met on day 1 and talked.".into(),
            ),
        ];
        let outcome = brief_articles(articles, &Config::new()).expect("a brief");
        // The story keeps every sentence; only the brief reads fewer.
        assert_eq!(
            outcome.story.articles[0].sentences.len(),
            MAX_BRIEF_SENTENCES + 3
        );
        let notes: Vec<_> = outcome
            .brief
            .diagnostics
            .iter()
            .map(|diagnostic| (diagnostic.input.as_str(), diagnostic.message.as_str()))
            .collect();
        assert_eq!(
            notes,
            [(
                "long.txt",
                "2003 sentences; the brief reads the first 2000 (the article is kept whole)"
            )]
        );
        let read = first_sentences(&outcome.story, MAX_BRIEF_SENTENCES);
        let cut = &read.articles[0];
        assert_eq!(cut.sentences.len(), MAX_BRIEF_SENTENCES);
        let end = outcome.story.articles[0].sentences[MAX_BRIEF_SENTENCES]
            .range
            .start;
        assert!(cut.times.iter().all(|time| time.range.end <= end));
        assert!(
            cut.quantities
                .iter()
                .all(|quantity| quantity.range.end <= end)
        );
        assert!(matches!(
            first_sentences(&read, MAX_BRIEF_SENTENCES),
            Cow::Borrowed(_)
        ));
    }
}
