//! The HTML pages: stories, story (the brief), article, search, ad hoc, and the style sheet.
//!
//! Templates are compiled into the binary and named `*.html`, so minijinja escapes every value
//! they print; no page builds markup by concatenating strings.

use crate::AppState;
use crate::adhoc::{AdhocError, AdhocInputs};
use crate::api::{AdhocErrorOrFailure, ApiError, blocking, load_story, run_adhoc, run_search};
use crate::library::{Coverage, StoryRecord};
use crate::view::{self, Paragraph};
use axum::Router;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{StatusCode, Uri, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use minijinja::value::Serde;
use minijinja::{Environment, context};
use parallax_render::{display_text, displayed_brief};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::Arc;

const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("stories.html", include_str!("../templates/stories.html")),
    ("story.html", include_str!("../templates/story.html")),
    ("article.html", include_str!("../templates/article.html")),
    ("search.html", include_str!("../templates/search.html")),
    ("adhoc.html", include_str!("../templates/adhoc.html")),
    ("error.html", include_str!("../templates/error.html")),
];

const STYLE_SHEET: &str = include_str!("../static/style.css");

/// The compiled-in templates.
pub(crate) fn templates() -> Environment<'static> {
    let mut environment = Environment::new();
    for (name, source) in TEMPLATES {
        environment
            .add_template(name, source)
            .expect("the compiled-in templates parse (every_template_parses checks them)");
    }
    environment
}

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(stories))
        .route("/stories/{id}", get(story))
        .route("/stories/{id}/print", get(story_print))
        .route("/articles/{id}", get(article))
        .route("/search", get(search))
        .route("/adhoc", get(adhoc_form).post(adhoc_submit))
        .route("/static/style.css", get(style_sheet))
}

/// A page that could not be shown: its status and why.
#[derive(Debug)]
pub(crate) struct PageError {
    status: StatusCode,
    message: String,
    templates: Arc<Environment<'static>>,
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let page = render(
            &self.templates,
            "error.html",
            context! { title => self.status.canonical_reason().unwrap_or("Error"), status => self.status.as_u16(), message => self.message },
        );
        match page {
            Ok(html) => (self.status, html).into_response(),
            Err(error) => error.into_response(),
        }
    }
}

fn page_error(state: &AppState, error: ApiError) -> PageError {
    let (status, message) = error.parts();
    PageError {
        status,
        message,
        templates: Arc::clone(&state.templates),
    }
}

fn render(
    templates: &Environment<'static>,
    name: &str,
    context: minijinja::Value,
) -> Result<Html<String>, PageError> {
    templates
        .get_template(name)
        .and_then(|template| template.render(context))
        .map(Html)
        .map_err(|error| PageError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: format!("rendering the page {name}: {error}"),
            templates: Arc::new(Environment::new()),
        })
}

/// Answers an unknown path: a JSON error under `/api/`, a page elsewhere.
pub(crate) async fn not_found(State(state): State<AppState>, uri: Uri) -> Response {
    let error = ApiError::new(StatusCode::NOT_FOUND, format!("nothing at {}", uri.path()));
    if uri.path().starts_with("/api/") {
        error.into_response()
    } else {
        page_error(&state, error).into_response()
    }
}

async fn style_sheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        STYLE_SHEET,
    )
        .into_response()
}

async fn stories(State(state): State<AppState>) -> Result<Html<String>, PageError> {
    let library = Arc::clone(&state.library);
    let stories = blocking(move || Ok(library.stories()?))
        .await
        .map_err(|error| page_error(&state, error))?;
    let bars = view::coverage_bars(
        &stories
            .iter()
            .map(|story| &story.coverage)
            .collect::<Vec<_>>(),
    );
    // One grouping serves the whole list: the server's outlet metadata, or inferred sides.
    let sides_by = bars.iter().flatten().next().map(|bar| bar.by().to_string());
    let stories: Vec<minijinja::Value> = stories
        .into_iter()
        .zip(bars)
        .map(|(story, bar)| {
            let coverage_note = match story.coverage {
                Coverage::Sides { .. } => "",
                Coverage::NoSides => "no sides: too few independent sources",
                Coverage::Pending => "not worked out yet: open the story, or reload",
            };
            context! {
                id => story.id,
                title => story.title.as_deref().map(display_text),
                n_articles => story.n_articles,
                outlets => story.outlets.iter().map(|outlet| display_text(outlet)).collect::<Vec<_>>(),
                first_published => story.first_published,
                last_published => story.last_published,
                bar => Serde(bar),
                coverage_note,
            }
        })
        .collect();
    render(
        &state.templates,
        "stories.html",
        context! { title => "Stories", stories, sides_by },
    )
}

async fn story(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Html<String>, PageError> {
    let record = load_story(&state.library, id)
        .await
        .map_err(|error| page_error(&state, error))?;
    story_page(&state, &record, true, false)
}

async fn story_print(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Html<String>, PageError> {
    let record = load_story(&state.library, id)
        .await
        .map_err(|error| page_error(&state, error))?;
    story_page(&state, &record, true, true)
}

/// The story page: the brief of `record`. `stored` says whether its articles have pages of
/// their own (an ad hoc brief's do not); `print` lays it out for paper.
fn story_page(
    state: &AppState,
    record: &StoryRecord,
    stored: bool,
    print: bool,
) -> Result<Html<String>, PageError> {
    let wire = displayed_brief(&record.brief);
    let source_of: BTreeMap<String, usize> = wire
        .sources
        .iter()
        .map(|source| (source.article.clone(), source.number))
        .collect();
    let title = wire
        .sources
        .iter()
        .find_map(|source| source.title.clone())
        .unwrap_or_else(|| format!("Story {}", wire.story));
    let columns = view::source_columns(&record.brief, &record.story.articles);
    let chart = view::timeline_chart(&record.brief.timeline);
    let matrix = view::voices_matrix(&record.brief);
    render(
        &state.templates,
        "story.html",
        context! {
            title,
            stored,
            print,
            story => wire.story,
            sources => Serde(&wire.sources),
            summary => Serde(&wire.summary),
            consensus => Serde(&wire.consensus),
            agreed_facts => Serde(&wire.agreed_facts),
            disputes => Serde(&wire.disputes),
            single_source => Serde(&wire.single_source),
            voices => Serde(&wire.voices),
            timeline => Serde(&wire.timeline),
            framing => Serde(&wire.framing),
            readings => Serde(&wire.readings),
            diagnostics => Serde(&wire.diagnostics),
            source_of,
            columns => Serde(&columns),
            chart => Serde(&chart),
            matrix => Serde(&matrix),
        },
    )
}

async fn article(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Html<String>, PageError> {
    let library = Arc::clone(&state.library);
    let record = blocking(move || {
        library
            .article(&id)?
            .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, format!("no article {id}")))
    })
    .await
    .map_err(|error| page_error(&state, error))?;
    let annotated = &record.annotated;
    let article = &annotated.article;
    let marks = view::article_marks(annotated);
    let anchors = annotated
        .sentences
        .iter()
        .map(|sentence| sentence.range.start)
        .collect();
    let paragraphs: Vec<Paragraph> = view::paragraphs(
        &article.text,
        article.paragraphs(),
        &marks,
        &anchors,
        &|start| format!("at-{start}"),
    );
    let quotes: Vec<minijinja::Value> = annotated
        .quotes
        .iter()
        .enumerate()
        .map(|(quote_idx, quote)| {
            context! {
                start => quote.content.start,
                text => article.text.get(quote.content.clone()).unwrap_or_default(),
                kind => crate::api::variant_name(quote.kind),
                speaker => crate::api::speaker_name(annotated, quote_idx),
                anonymous => quote.anonymous,
            }
        })
        .collect();
    // The hover titles of the marks, also as tables: for keyboards and screen readers, which
    // do not show titles.
    let entities: Vec<minijinja::Value> = annotated
        .entities
        .iter()
        .map(|entity| {
            context! {
                name => display_text(&entity.name),
                kind => crate::api::variant_name(entity.kind),
                n_mentions => entity.mentions.len(),
                first => entity.mentions.first().and_then(|mention| sentence_start(annotated, mention.range.start)),
            }
        })
        .collect();
    let times: Vec<minijinja::Value> = annotated
        .times
        .iter()
        .map(|time| {
            context! {
                text => article.text.get(time.range.clone()).unwrap_or_default(),
                kind => crate::api::variant_name(time.kind),
                value => time.value.clone(),
                at => sentence_start(annotated, time.range.start),
            }
        })
        .collect();
    let claims: Vec<minijinja::Value> = annotated
        .claims
        .iter()
        .filter_map(|claim| {
            let sentence = annotated.sentences.get(claim.sentence)?;
            Some(context! {
                text => article.text.get(sentence.range.clone()).unwrap_or_default(),
                polarity => crate::api::polarity_name(claim.polarity),
                attribution => crate::api::attribution_name(&claim.attribution),
                at => sentence.range.start,
            })
        })
        .collect();
    let removed: Vec<minijinja::Value> = article
        .removed
        .iter()
        .map(|block| {
            context! {
                reason => crate::api::variant_name(block.reason).replace('_', " "),
                text => display_text(&block.text),
            }
        })
        .collect();
    // Only web addresses become links; anything else (a `javascript:` URL from a page's
    // metadata) is shown as text.
    let link = article
        .url
        .as_deref()
        .filter(|url| url.starts_with("https://") || url.starts_with("http://"));
    render(
        &state.templates,
        "article.html",
        context! {
            title => article.title.as_deref().map(display_text).unwrap_or_else(|| "Untitled article".to_string()),
            article_id => article.id.to_string(),
            story => record.story,
            outlet => article.outlet.as_deref().map(display_text),
            authors => article.authors.iter().map(|author| display_text(author)).collect::<Vec<_>>(),
            published => article.published.map(|date| date.to_string()),
            language => article.language.clone(),
            url => article.url.as_deref().map(display_text),
            link,
            input => display_text(&article.origin.label()),
            paragraphs => Serde(&paragraphs),
            entities,
            times,
            claims,
            quotes,
            removed,
        },
    )
}

/// The start of the sentence holding byte `at`: the link target on the article page nearest
/// before it.
fn sentence_start(annotated: &parallax_engine::model::Annotated, at: usize) -> Option<usize> {
    annotated
        .sentences
        .iter()
        .find(|sentence| sentence.range.start <= at && at < sentence.range.end)
        .map(|sentence| sentence.range.start)
}

#[derive(Debug, Deserialize)]
struct SearchQuery {
    #[serde(default)]
    q: String,
}

async fn search(
    State(state): State<AppState>,
    Query(query): Query<SearchQuery>,
) -> Result<Html<String>, PageError> {
    let hits = if query.q.trim().is_empty() {
        Vec::new()
    } else {
        run_search(&state.library, query.q.clone(), None)
            .await
            .map_err(|error| page_error(&state, error))?
    };
    let hits: Vec<minijinja::Value> = hits
        .into_iter()
        .map(|hit| {
            let snippet = &hit.snippet;
            let mut pieces = Vec::new();
            let mut at = 0;
            for &(start, end) in &hit.highlights {
                let (Some(before), Some(matched)) =
                    (snippet.get(at..start), snippet.get(start..end))
                else {
                    continue;
                };
                pieces.push(context! { text => before, hit => false });
                pieces.push(context! { text => matched, hit => true });
                at = end;
            }
            pieces.push(context! { text => snippet.get(at..).unwrap_or_default(), hit => false });
            context! {
                article => hit.article,
                story => hit.story,
                title => hit.title.as_deref().map(display_text),
                outlet => hit.outlet.as_deref().map(display_text),
                published => hit.published,
                pieces,
            }
        })
        .collect();
    render(
        &state.templates,
        "search.html",
        context! { title => "Search", query => query.q, hits },
    )
}

async fn adhoc_form(State(state): State<AppState>) -> Result<Html<String>, PageError> {
    render(
        &state.templates,
        "adhoc.html",
        context! { title => "Ad hoc brief", max_inputs => state.config.max_adhoc_inputs },
    )
}

/// The separator between pasted articles: a line holding only `---`.
fn split_pasted(text: &str) -> Vec<String> {
    let mut articles = vec![String::new()];
    for line in text.lines() {
        if line.trim() == "---" {
            articles.push(String::new());
        } else if let Some(current) = articles.last_mut() {
            current.push_str(line);
            current.push('\n');
        }
    }
    articles
        .into_iter()
        .filter(|article| !article.trim().is_empty())
        .collect()
}

async fn adhoc_submit(
    State(state): State<AppState>,
    mut multipart: Multipart,
) -> Result<Response, PageError> {
    let bad_form = |state: &AppState, message: String| {
        page_error(state, ApiError::new(StatusCode::BAD_REQUEST, message))
    };
    let mut inputs = AdhocInputs::default();
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(error) => {
                return Err(page_error(
                    &state,
                    ApiError::new(error.status(), error.body_text()),
                ));
            }
        };
        let name = field.name().unwrap_or_default().to_string();
        let file_name = field.file_name().map(str::to_string);
        let bytes = match field.bytes().await {
            Ok(bytes) => bytes,
            Err(error) => {
                return Err(page_error(
                    &state,
                    ApiError::new(error.status(), error.body_text()),
                ));
            }
        };
        match name.as_str() {
            "text" => inputs
                .texts
                .extend(split_pasted(&String::from_utf8_lossy(&bytes))),
            "urls" => inputs.urls.extend(
                String::from_utf8_lossy(&bytes)
                    .lines()
                    .map(str::trim)
                    .filter(|line| !line.is_empty())
                    .map(str::to_string),
            ),
            "files" => {
                // A file input left empty still sends one part, with no name and no bytes.
                if !bytes.is_empty() {
                    inputs
                        .files
                        .push((file_name.unwrap_or_default(), bytes.to_vec()));
                }
            }
            other => return Err(bad_form(&state, format!("unknown form field {other}"))),
        }
    }
    match run_adhoc(&state, inputs).await {
        Ok(record) => Ok(story_page(&state, &record, false, false)?.into_response()),
        Err(AdhocErrorOrFailure::Adhoc(AdhocError::NoArticles { diagnostics })) => {
            let problems: Vec<String> = diagnostics
                .iter()
                .map(|diagnostic| {
                    display_text(&format!("{}: {}", diagnostic.input, diagnostic.message))
                })
                .collect();
            let page = render(
                &state.templates,
                "adhoc.html",
                context! {
                    title => "Ad hoc brief",
                    max_inputs => state.config.max_adhoc_inputs,
                    error => "No readable article in what was given.",
                    problems,
                },
            )?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(error) => Err(page_error(&state, ApiError::from(error))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_articles_split_on_dashes() {
        assert_eq!(
            split_pasted("One.\nMore.\n---\nTwo.\n --- \n\n"),
            ["One.\nMore.\n", "Two.\n"]
        );
    }

    #[test]
    fn every_template_parses() {
        let environment = templates();
        for (name, _) in TEMPLATES {
            assert!(environment.get_template(name).is_ok(), "{name}");
        }
    }
}
