//! A library of invented articles, and requests sent to the router.

use axum::body::Body;
use axum::http::{Request, Response, StatusCode};
use parallax_engine::model::{Article, Origin, RemovalReason, RemovedBlock};
use parallax_server::{Config, Memory, StoryRecord, router};
use std::sync::Arc;
use tower::ServiceExt;

/// Script that must never run and markup that must never appear unescaped.
pub(crate) const PAYLOAD: &str = "<script>alert('x')</script><img src=x onerror=alert(1)>";

fn article(outlet: &str, title: &str, text: &str, day: u32) -> Article {
    let mut article = Article::new(Origin::File(format!("{outlet}.txt")), text.to_string());
    article.outlet = Some(outlet.to_string());
    article.title = Some(title.to_string());
    article.published = chrono::NaiveDate::from_ymd_opt(2031, 4, day);
    article.language = Some("en".to_string());
    article
}

/// One story told by three invented outlets; the third carries [`PAYLOAD`] in its title and
/// its text.
pub(crate) fn story() -> StoryRecord {
    let mut articles = vec![
        article(
            "Vell Courier",
            "Ferry strike halts crossings in Vell",
            "Ferry crews in Vell walked off the job on Monday, halting all crossings to the island.\n\n\
             About 300 crew members joined the strike, union leader Ana Brisk said.\n\n\
             \"We will not sail until the rota is fixed,\" Brisk said on Monday.",
            6,
        ),
        article(
            "Harbour Post",
            "Crossings to Vell island stop as ferry crews strike",
            "Ferry crews in Vell walked off the job on Monday and all crossings to the island stopped.\n\n\
             The operator said fewer than 120 crew members joined the strike.\n\n\
             Talks are set for Thursday, the operator added.",
            7,
        ),
        article(
            "Tide Daily",
            &format!("Outrageous ferry chaos {PAYLOAD}"),
            &format!(
                "Ferry crews in Vell walked off the job on Monday, halting crossings to the island. {PAYLOAD}\n\n\
                 The disastrous walkout stranded hundreds of travellers, witnesses said."
            ),
            7,
        ),
    ];
    articles[2].removed.push(RemovedBlock {
        text: format!("Share this story {PAYLOAD}"),
        reason: RemovalReason::Widget,
    });
    let outcome = parallax_engine::brief_articles(articles, &parallax_engine::Config::new())
        .expect("three articles give a brief");
    StoryRecord {
        brief: outcome.brief,
        story: outcome.story,
    }
}

/// The app over [`story`] with `config`.
pub(crate) fn app_with(config: Config) -> (axum::Router, StoryRecord) {
    let record = story();
    let library = Memory::new(vec![record.clone()], &config.brief);
    (router(Arc::new(library), config), record)
}

/// The app over [`story`] on loopback without a token.
pub(crate) fn app() -> (axum::Router, StoryRecord) {
    app_with(Config::loopback(0))
}

/// A response's status, headers and body as text.
pub(crate) struct Answer {
    pub(crate) status: StatusCode,
    pub(crate) headers: axum::http::HeaderMap,
    pub(crate) body: String,
}

impl Answer {
    pub(crate) fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|error| panic!("not JSON ({error}): {}", self.body))
    }

    pub(crate) fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
    }
}

async fn answer(response: Response<Body>) -> Answer {
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("body reads");
    Answer {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

/// Sends `request` to `app`.
pub(crate) async fn send(app: &axum::Router, request: Request<Body>) -> Answer {
    answer(
        app.clone()
            .oneshot(request)
            .await
            .expect("the router answers"),
    )
    .await
}

/// GETs `path`.
pub(crate) async fn get(app: &axum::Router, path: &str) -> Answer {
    send(
        app,
        Request::get(path)
            .body(Body::empty())
            .expect("valid request"),
    )
    .await
}

/// POSTs `body` as JSON to `path`.
pub(crate) async fn post_json(app: &axum::Router, path: &str, body: &str) -> Answer {
    send(
        app,
        Request::post(path)
            .header("content-type", "application/json")
            .body(Body::from(body.to_string()))
            .expect("valid request"),
    )
    .await
}

/// POSTs `body`, a multipart form whose parts are separated by `boundary`, to `path`.
pub(crate) async fn post_multipart(
    app: &axum::Router,
    path: &str,
    boundary: &str,
    body: String,
) -> Answer {
    send(
        app,
        Request::post(path)
            .header(
                "content-type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(Body::from(body))
            .expect("valid request"),
    )
    .await
}
