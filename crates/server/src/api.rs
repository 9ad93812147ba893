//! The JSON API under `/api/v1/` and its OpenAPI document at `/api/openapi.json`.
//!
//! Briefs use the published schema of `parallax brief --format json`
//! ([`parallax_render::json::BriefJson`]); the other wire types are defined here, apart from the
//! model, and converted by hand. Errors are JSON too: `{"error": {"status": 404, "message": …}}`.

use crate::adhoc::{self, AdhocError, AdhocInputs};
use crate::library::{Coverage, SearchHit, StoryRecord, StorySummary};
use crate::{AppState, Library};
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use parallax_engine::model::{Annotated, Attribution, Polarity, QuoteKind};
use parallax_render::json::{BriefJson, DiagnosticJson, SCHEMA_VERSION};
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use utoipa::{OpenApi, ToSchema};

/// Most search hits one request returns.
const MAX_SEARCH_LIMIT: usize = 100;

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/stories", get(stories))
        .route("/api/v1/stories/{id}", get(story))
        .route("/api/v1/articles/{id}", get(article))
        .route("/api/v1/search", get(search))
        .route("/api/v1/briefs", post(adhoc_brief))
        .route("/api/openapi.json", get(openapi_json))
}

/// The OpenAPI document of the API.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Parallax",
        description = "Stories told by many sources, their briefs, articles and search."
    ),
    paths(stories, story, article, search, adhoc_brief),
    components(schemas(ErrorJson, ErrorDetailJson))
)]
struct ApiDoc;

/// The OpenAPI 3.1 document of `/api/v1/`, as served at `/api/openapi.json`.
pub fn openapi() -> utoipa::openapi::OpenApi {
    ApiDoc::openapi()
}

async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(openapi())
}

/// An error answer: `{"error": {"status": …, "message": …}}`.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ErrorJson {
    /// What went wrong.
    error: ErrorDetailJson,
}

/// The body of an error answer.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ErrorDetailJson {
    /// The HTTP status code.
    status: u16,
    /// What went wrong, for people.
    message: String,
    /// For an ad hoc brief that found no article: what went wrong with each input.
    #[schema(value_type = Vec<Object>)]
    diagnostics: Vec<DiagnosticJson>,
}

/// An API error, answered as [`ErrorJson`].
#[derive(Debug)]
pub(crate) struct ApiError {
    status: StatusCode,
    message: String,
    diagnostics: Vec<DiagnosticJson>,
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
            diagnostics: Vec::new(),
        }
    }
}

impl ApiError {
    /// The status and the message, for a page that shows the error.
    pub(crate) fn parts(self) -> (StatusCode, String) {
        (self.status, self.message)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorJson {
            error: ErrorDetailJson {
                status: self.status.as_u16(),
                message: self.message,
                diagnostics: self.diagnostics,
            },
        };
        (self.status, Json(body)).into_response()
    }
}

impl From<crate::Error> for ApiError {
    fn from(error: crate::Error) -> ApiError {
        let status = match error {
            crate::Error::Query { .. } => StatusCode::BAD_REQUEST,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        ApiError::new(status, error.to_string())
    }
}

impl From<AdhocError> for ApiError {
    fn from(error: AdhocError) -> ApiError {
        let status = if matches!(error, AdhocError::NoArticles { .. }) {
            StatusCode::UNPROCESSABLE_ENTITY
        } else {
            StatusCode::BAD_REQUEST
        };
        let mut api_error = ApiError::new(status, error.to_string());
        if let AdhocError::NoArticles { diagnostics } = &error {
            api_error.diagnostics = diagnostics.iter().map(DiagnosticJson::from).collect();
        }
        api_error
    }
}

/// Runs a blocking library call off the async threads.
pub(crate) async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(work).await.map_err(|error| {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("the request's work stopped: {error}"),
        )
    })?
}

/// One story of the list.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct StorySummaryJson {
    /// Story id.
    id: String,
    /// The first source's headline, if any.
    title: Option<String>,
    /// Articles in the story.
    n_articles: usize,
    /// Distinct outlets, in source order.
    outlets: Vec<String>,
    /// Earliest publication date, `YYYY-MM-DD`.
    first_published: Option<String>,
    /// Latest publication date, `YYYY-MM-DD`.
    last_published: Option<String>,
    /// How its articles divide among sides.
    coverage: CoverageJson,
}

/// How a story's articles divide among sides.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct CoverageJson {
    /// `sides` (worked out, see `by` and `sides`), `no_sides` (inferring sides takes three
    /// independent sources) or `pending` (a stored story not worked out yet; the stories list
    /// works out a few per request).
    status: String,
    /// What groups the articles: an outlet field (`leaning`, `country`, `ownership`,
    /// `state_affiliation`) from the outlet metadata the server was given, or `inferred` (from
    /// framing, as the brief's readings); `null` unless `status` is `sides`.
    by: Option<String>,
    /// Each side, most articles first; empty unless `status` is `sides`.
    sides: Vec<SideCountJson>,
}

/// One side of a story.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct SideCountJson {
    /// The outlet field's value (`unlisted` for articles no outlet matches), or for an
    /// inferred side what sets it apart.
    label: String,
    /// Articles on this side.
    n_articles: usize,
}

impl From<Coverage> for CoverageJson {
    fn from(coverage: Coverage) -> CoverageJson {
        let (status, by, sides) = match coverage {
            Coverage::Sides { by, sides } => ("sides", Some(by), sides),
            Coverage::NoSides => ("no_sides", None, Vec::new()),
            Coverage::Pending => ("pending", None, Vec::new()),
        };
        CoverageJson {
            status: status.to_string(),
            by,
            sides: sides
                .into_iter()
                .map(|side| SideCountJson {
                    label: side.label,
                    n_articles: side.n_articles,
                })
                .collect(),
        }
    }
}

impl From<StorySummary> for StorySummaryJson {
    fn from(summary: StorySummary) -> StorySummaryJson {
        StorySummaryJson {
            id: summary.id,
            title: summary.title,
            n_articles: summary.n_articles,
            outlets: summary.outlets,
            first_published: summary.first_published,
            last_published: summary.last_published,
            coverage: CoverageJson::from(summary.coverage),
        }
    }
}

/// Every story, newest first.
#[utoipa::path(get, path = "/api/v1/stories", responses(
    (status = 200, description = "The stories", body = Vec<StorySummaryJson>),
    (status = 500, description = "The library could not be read", body = ErrorJson),
))]
async fn stories(State(state): State<AppState>) -> Result<Json<Vec<StorySummaryJson>>, ApiError> {
    let library = Arc::clone(&state.library);
    let stories = blocking(move || Ok(library.stories()?)).await?;
    Ok(Json(
        stories.into_iter().map(StorySummaryJson::from).collect(),
    ))
}

pub(crate) async fn load_story(
    library: &Arc<dyn Library>,
    id: String,
) -> Result<Arc<StoryRecord>, ApiError> {
    let library = Arc::clone(library);
    blocking(move || {
        library
            .story(&id)?
            .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, format!("no story {id}")))
    })
    .await
}

/// The brief of one story, in the schema of `parallax brief --format json`.
#[utoipa::path(get, path = "/api/v1/stories/{id}", params(("id" = String, Path, description = "Story id")), responses(
    (status = 200, description = "The brief", body = BriefJson),
    (status = 404, description = "No such story", body = ErrorJson),
))]
async fn story(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<BriefJson>, ApiError> {
    let record = load_story(&state.library, id).await?;
    Ok(Json(BriefJson::from(&record.brief)))
}

/// An article: its clean text, metadata, annotations and removed boilerplate.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ArticleJson {
    /// Version of the schema: the brief's `schema_version`, which versions every JSON
    /// document Parallax publishes. Fields are only added within a version.
    schema_version: u32,
    /// Article id.
    article: String,
    /// The story it belongs to.
    story: Option<String>,
    /// The input it was read from.
    input: String,
    /// The page's address.
    url: Option<String>,
    /// Outlet.
    outlet: Option<String>,
    /// Headline.
    title: Option<String>,
    /// Bylines.
    authors: Vec<String>,
    /// Publication date, `YYYY-MM-DD`.
    published: Option<String>,
    /// ISO 639-1 language code.
    language: Option<String>,
    /// The clean text; every range below is a byte range `[start, end]` of it.
    text: String,
    /// Sentences.
    sentences: Vec<[usize; 2]>,
    /// Entities with their mentions.
    entities: Vec<EntityJson>,
    /// Time expressions with their TIMEX3 values.
    times: Vec<TimeJson>,
    /// Quotes and reported speech.
    quotes: Vec<QuoteJson>,
    /// Claims, one per sentence at most.
    claims: Vec<ClaimJson>,
    /// Blocks removed as boilerplate.
    removed: Vec<RemovedJson>,
}

/// An entity of an article.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct EntityJson {
    /// `person`, `organization`, `place` or `group`.
    kind: String,
    /// Fullest name.
    name: String,
    /// Mentions.
    mentions: Vec<[usize; 2]>,
}

/// A time expression.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct TimeJson {
    /// Where it is.
    range: [usize; 2],
    /// TIMEX3 type: `DATE`, `TIME`, `DURATION`, `SET`.
    kind: String,
    /// TIMEX3 value, resolved against the publication date.
    value: String,
}

/// A quote.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct QuoteJson {
    /// `direct` or `indirect`.
    kind: String,
    /// The content.
    content: [usize; 2],
    /// The speaker as named, when found.
    speaker: Option<String>,
    /// Whether the speaker is unnamed.
    anonymous: bool,
}

/// A claim.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct ClaimJson {
    /// The sentence it is in.
    sentence: [usize; 2],
    /// `asserted`, `negated` or `hedged`.
    polarity: String,
    /// `own`, `quoted` or `reported`.
    attribution: String,
}

/// A removed block.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct RemovedJson {
    /// Why it was removed.
    reason: String,
    /// Its text.
    text: String,
}

fn range_pair(range: &std::ops::Range<usize>) -> [usize; 2] {
    [range.start, range.end]
}

/// The speaker of quote `quote_idx` as named, for the API and the article page.
pub(crate) fn speaker_name(annotated: &Annotated, quote_idx: usize) -> Option<String> {
    let quote = annotated.quotes.get(quote_idx)?;
    if let Some(entity) = quote
        .speaker_entity
        .and_then(|idx| annotated.entities.get(idx))
    {
        return Some(entity.name.clone());
    }
    quote
        .speaker
        .as_ref()
        .and_then(|range| annotated.article.text.get(range.clone()))
        .map(str::to_string)
}

pub(crate) fn polarity_name(polarity: Polarity) -> &'static str {
    match polarity {
        Polarity::Asserted => "asserted",
        Polarity::Negated => "negated",
        Polarity::Hedged => "hedged",
    }
}

pub(crate) fn attribution_name(attribution: &Attribution) -> &'static str {
    match attribution {
        Attribution::Own => "own",
        Attribution::Quoted { .. } => "quoted",
        Attribution::Reported => "reported",
    }
}

/// The name serde gives a unit enum variant (`person`, `DATE`).
pub(crate) fn variant_name(value: impl Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|value| value.as_str().map(str::to_string))
        .unwrap_or_default()
}

impl ArticleJson {
    fn new(annotated: &Annotated, story: Option<String>) -> ArticleJson {
        let article = &annotated.article;
        ArticleJson {
            schema_version: SCHEMA_VERSION,
            article: article.id.to_string(),
            story,
            input: article.origin.label(),
            url: article.url.clone(),
            outlet: article.outlet.clone(),
            title: article.title.clone(),
            authors: article.authors.clone(),
            published: article
                .published
                .map(|date| date.format("%Y-%m-%d").to_string()),
            language: article.language.clone(),
            text: article.text.clone(),
            sentences: annotated
                .sentences
                .iter()
                .map(|sentence| range_pair(&sentence.range))
                .collect(),
            entities: annotated
                .entities
                .iter()
                .map(|entity| EntityJson {
                    kind: variant_name(entity.kind),
                    name: entity.name.clone(),
                    mentions: entity
                        .mentions
                        .iter()
                        .map(|mention| range_pair(&mention.range))
                        .collect(),
                })
                .collect(),
            times: annotated
                .times
                .iter()
                .map(|time| TimeJson {
                    range: range_pair(&time.range),
                    kind: variant_name(time.kind),
                    value: time.value.clone(),
                })
                .collect(),
            quotes: annotated
                .quotes
                .iter()
                .enumerate()
                .map(|(quote_idx, quote)| QuoteJson {
                    kind: match quote.kind {
                        QuoteKind::Direct => "direct",
                        QuoteKind::Indirect => "indirect",
                    }
                    .to_string(),
                    content: range_pair(&quote.content),
                    speaker: speaker_name(annotated, quote_idx),
                    anonymous: quote.anonymous,
                })
                .collect(),
            claims: annotated
                .claims
                .iter()
                .filter_map(|claim| {
                    let sentence = annotated.sentences.get(claim.sentence)?;
                    Some(ClaimJson {
                        sentence: range_pair(&sentence.range),
                        polarity: polarity_name(claim.polarity).to_string(),
                        attribution: attribution_name(&claim.attribution).to_string(),
                    })
                })
                .collect(),
            removed: article
                .removed
                .iter()
                .map(|block| RemovedJson {
                    reason: variant_name(block.reason),
                    text: block.text.clone(),
                })
                .collect(),
        }
    }
}

/// One article with its annotations.
#[utoipa::path(get, path = "/api/v1/articles/{id}", params(("id" = String, Path, description = "Article id")), responses(
    (status = 200, description = "The article", body = ArticleJson),
    (status = 404, description = "No such article", body = ErrorJson),
))]
async fn article(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<ArticleJson>, ApiError> {
    let library = Arc::clone(&state.library);
    let record = blocking(move || {
        library
            .article(&id)?
            .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, format!("no article {id}")))
    })
    .await?;
    Ok(Json(ArticleJson::new(&record.annotated, record.story)))
}

/// A search request.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub(crate) struct SearchParams {
    /// The query.
    q: String,
    /// Most hits returned, 1 to 100 (default 20).
    limit: Option<usize>,
}

/// Search results.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct SearchJson {
    /// Version of the schema: the brief's `schema_version`.
    schema_version: u32,
    /// The query as given.
    query: String,
    /// Matching articles, best first.
    hits: Vec<SearchHitJson>,
}

/// One matching article.
#[derive(Debug, Serialize, ToSchema)]
pub(crate) struct SearchHitJson {
    /// Article id.
    article: String,
    /// The story it belongs to.
    story: Option<String>,
    /// Headline.
    title: Option<String>,
    /// Outlet.
    outlet: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    published: Option<String>,
    /// Text around the match.
    snippet: String,
    /// Byte ranges `[start, end]` of `snippet` that match.
    highlights: Vec<[usize; 2]>,
}

impl From<SearchHit> for SearchHitJson {
    fn from(hit: SearchHit) -> SearchHitJson {
        SearchHitJson {
            article: hit.article,
            story: hit.story,
            title: hit.title,
            outlet: hit.outlet,
            published: hit.published,
            snippet: hit.snippet,
            highlights: hit
                .highlights
                .into_iter()
                .map(|(start, end)| [start, end])
                .collect(),
        }
    }
}

pub(crate) async fn run_search(
    library: &Arc<dyn Library>,
    query: String,
    limit: Option<usize>,
) -> Result<Vec<SearchHit>, ApiError> {
    let limit = limit.unwrap_or(20).clamp(1, MAX_SEARCH_LIMIT);
    let library = Arc::clone(library);
    blocking(move || Ok(library.search(&query, limit)?)).await
}

/// Articles matching a query, best first.
#[utoipa::path(get, path = "/api/v1/search", params(SearchParams), responses(
    (status = 200, description = "The hits", body = SearchJson),
    (status = 400, description = "No query", body = ErrorJson),
))]
async fn search(
    State(state): State<AppState>,
    params: Result<Query<SearchParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<SearchJson>, ApiError> {
    let Query(params) = params
        .map_err(|rejection| ApiError::new(StatusCode::BAD_REQUEST, rejection.body_text()))?;
    if params.q.trim().is_empty() {
        return Err(ApiError::new(
            StatusCode::BAD_REQUEST,
            "the query q is empty",
        ));
    }
    let hits = run_search(&state.library, params.q.clone(), params.limit).await?;
    Ok(Json(SearchJson {
        schema_version: SCHEMA_VERSION,
        query: params.q,
        hits: hits.into_iter().map(SearchHitJson::from).collect(),
    }))
}

/// Articles to brief without storing them.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct AdhocRequestJson {
    /// Articles as text or HTML, one per entry.
    #[serde(default)]
    texts: Vec<String>,
    /// `http(s)://` addresses to fetch; private, loopback and link-local addresses are refused.
    #[serde(default)]
    urls: Vec<String>,
}

/// The brief of the given articles, made now and kept nowhere.
#[utoipa::path(post, path = "/api/v1/briefs", request_body = AdhocRequestJson, responses(
    (status = 200, description = "The brief", body = BriefJson),
    (status = 400, description = "Nothing given, too much given, or not JSON", body = ErrorJson),
    (status = 413, description = "The body is over the size limit", body = ErrorJson),
    (status = 422, description = "No readable article in the inputs", body = ErrorJson),
))]
async fn adhoc_brief(
    State(state): State<AppState>,
    request: Result<Json<AdhocRequestJson>, JsonRejection>,
) -> Result<Json<BriefJson>, ApiError> {
    let Json(request) =
        request.map_err(|rejection| ApiError::new(rejection.status(), rejection.body_text()))?;
    let inputs = AdhocInputs {
        texts: request.texts,
        files: Vec::new(),
        urls: request.urls,
    };
    let record = run_adhoc(&state, inputs).await?;
    Ok(Json(BriefJson::from(&record.brief)))
}

pub(crate) async fn run_adhoc(
    state: &AppState,
    inputs: AdhocInputs,
) -> Result<StoryRecord, AdhocErrorOrFailure> {
    let config = Arc::clone(&state.config);
    tokio::task::spawn_blocking(move || adhoc::brief(&inputs, &config))
        .await
        .map_err(|error| {
            AdhocErrorOrFailure::Failure(ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                format!("the ad hoc brief stopped: {error}"),
            ))
        })?
        .map_err(AdhocErrorOrFailure::Adhoc)
}

/// An ad hoc brief's error, or the server failing to run it.
#[derive(Debug)]
pub(crate) enum AdhocErrorOrFailure {
    Adhoc(AdhocError),
    Failure(ApiError),
}

impl From<AdhocErrorOrFailure> for ApiError {
    fn from(error: AdhocErrorOrFailure) -> ApiError {
        match error {
            AdhocErrorOrFailure::Adhoc(error) => ApiError::from(error),
            AdhocErrorOrFailure::Failure(error) => error,
        }
    }
}
