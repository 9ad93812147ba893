//! The JSON API and its OpenAPI document.

use crate::util::{PAYLOAD, app, app_with, get, post_json, post_multipart};
use axum::http::StatusCode;
use parallax_server::Config;

#[tokio::test]
async fn stories_and_briefs_are_json() {
    let (app, record) = app();
    let stories = get(&app, "/api/v1/stories").await;
    assert_eq!(stories.status, StatusCode::OK);
    assert!(
        stories
            .header("content-type")
            .starts_with("application/json")
    );
    let stories = stories.json();
    assert_eq!(stories[0]["id"], record.brief.story.to_string());
    assert_eq!(stories[0]["n_articles"], 3);

    let brief = get(&app, &format!("/api/v1/stories/{}", record.brief.story))
        .await
        .json();
    assert_eq!(
        brief["schema_version"],
        parallax_render::json::SCHEMA_VERSION
    );
    assert_eq!(brief["sources"].as_array().map(Vec::len), Some(3));
    // JSON carries the text as it is; escaping is the page's job.
    assert!(
        brief["sources"][2]["title"]
            .as_str()
            .unwrap_or_default()
            .contains(PAYLOAD)
    );
}

#[tokio::test]
async fn articles_carry_their_annotations() {
    let (app, record) = app();
    let id = record.brief.sources[0].article.to_string();
    let article = get(&app, &format!("/api/v1/articles/{id}")).await.json();
    assert_eq!(article["article"], id);
    assert_eq!(
        article["schema_version"],
        parallax_render::json::SCHEMA_VERSION
    );
    assert_eq!(article["story"], record.brief.story.to_string());
    assert!(
        article["sentences"]
            .as_array()
            .is_some_and(|sentences| sentences.len() >= 3)
    );
    assert!(
        article["times"][0]["value"]
            .as_str()
            .is_some_and(|value| value.starts_with("2031"))
    );
}

#[tokio::test]
async fn errors_are_json_with_their_status() {
    let (app, _) = app();
    let missing = get(&app, "/api/v1/stories/nope").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert_eq!(missing.json()["error"]["status"], 404);
    let unknown = get(&app, "/api/v1/nothing-here").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert_eq!(unknown.json()["error"]["status"], 404);
    let no_query = get(&app, "/api/v1/search?q=").await;
    assert_eq!(no_query.status, StatusCode::BAD_REQUEST);
    let bad_json = post_json(&app, "/api/v1/briefs", "{\"texts\": ").await;
    assert_eq!(
        bad_json.status,
        StatusCode::BAD_REQUEST,
        "{}",
        bad_json.body
    );
    assert_eq!(bad_json.json()["error"]["status"], 400);
    let empty = post_json(&app, "/api/v1/briefs", "{}").await;
    assert_eq!(empty.status, StatusCode::BAD_REQUEST);
    let not_http = post_json(
        &app,
        "/api/v1/briefs",
        r#"{"urls": ["file:///etc/passwd"]}"#,
    )
    .await;
    assert_eq!(not_http.status, StatusCode::BAD_REQUEST);
    let unreadable = post_json(&app, "/api/v1/briefs", r#"{"texts": ["   "]}"#).await;
    assert_eq!(
        unreadable.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        unreadable.body
    );
    assert!(unreadable.json()["error"]["diagnostics"][0]["input"] == "pasted-1");
}

#[tokio::test]
async fn private_urls_are_refused_by_ingest() {
    let (app, _) = app();
    let answer = post_json(
        &app,
        "/api/v1/briefs",
        r#"{"urls": ["http://127.0.0.1:9/x"]}"#,
    )
    .await;
    assert_eq!(
        answer.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        answer.body
    );
    assert!(
        answer.body.contains("private") || answer.body.contains("loopback"),
        "{}",
        answer.body
    );
}

#[tokio::test]
async fn adhoc_briefs_are_made_from_texts() {
    let (app, _) = app();
    let body = serde_json::json!({
        "texts": [
            "Rail staff in Oster went on strike on Tuesday, stopping trains across the region for the whole day, the operator said.",
            "Trains across the Oster region stopped on Tuesday as rail staff went on strike over new rotas, a union spokesperson said."
        ]
    });
    let answer = post_json(&app, "/api/v1/briefs", &body.to_string()).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let brief = answer.json();
    assert_eq!(brief["sources"].as_array().map(Vec::len), Some(2));
    assert_eq!(brief["sources"][0]["input"], "pasted-1");
}

#[tokio::test]
async fn bodies_over_the_limit_are_413() {
    let mut config = Config::loopback(0);
    config.max_body_bytes = 1024;
    let (app, _) = app_with(config);
    let big = serde_json::json!({ "texts": ["word ".repeat(1000)] });
    let answer = post_json(&app, "/api/v1/briefs", &big.to_string()).await;
    assert_eq!(
        answer.status,
        StatusCode::PAYLOAD_TOO_LARGE,
        "{}",
        answer.body
    );
}

#[tokio::test]
async fn openapi_document_describes_every_endpoint() {
    let (app, _) = app();
    let document = get(&app, "/api/openapi.json").await.json();
    assert!(
        document["openapi"]
            .as_str()
            .is_some_and(|version| version.starts_with("3."))
    );
    for schema in ["ArticleJson", "SearchJson"] {
        assert!(
            document["components"]["schemas"][schema]["required"]
                .as_array()
                .is_some_and(|required| required.contains(&"schema_version".into())),
            "{schema} has no schema_version"
        );
    }
    assert!(document["components"]["schemas"]["CoverageJson"].is_object());
    for path in [
        "/api/v1/stories",
        "/api/v1/stories/{id}",
        "/api/v1/articles/{id}",
        "/api/v1/search",
        "/api/v1/briefs",
    ] {
        assert!(document["paths"][path].is_object(), "{path} missing");
    }
    // Every schema reference resolves to a component.
    let text = document.to_string();
    for reference in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
        let name = reference.split('"').next().unwrap_or_default();
        assert!(
            document["components"]["schemas"][name].is_object(),
            "{name} unresolved"
        );
    }
}

#[tokio::test]
async fn form_bodies_over_the_limit_are_413() {
    let mut config = Config::loopback(0);
    config.max_body_bytes = 1024;
    let (app, _) = app_with(config);
    let boundary = "XBOUNDARYX";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.txt\"\r\n\r\n{}\r\n--{boundary}--\r\n",
        "word ".repeat(1000)
    );
    let answer = post_multipart(&app, "/adhoc", boundary, body).await;
    assert_eq!(
        answer.status,
        StatusCode::PAYLOAD_TOO_LARGE,
        "{}",
        answer.body
    );
}
