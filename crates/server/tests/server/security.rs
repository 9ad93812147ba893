//! Headers, the access token, Host and Origin checks.

use crate::util::{app, app_with, get, send};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use parallax_server::Config;

#[tokio::test]
async fn every_answer_carries_the_security_headers() {
    let (app, _) = app();
    for path in ["/", "/api/v1/stories", "/nothing", "/static/style.css"] {
        let answer = get(&app, path).await;
        let policy = answer.header("content-security-policy");
        assert!(policy.contains("script-src 'none'"), "{path}: {policy}");
        assert!(policy.contains("frame-ancestors 'none'"), "{path}");
        assert_eq!(answer.header("x-content-type-options"), "nosniff", "{path}");
        assert_eq!(answer.header("referrer-policy"), "same-origin", "{path}");
    }
}

fn with_token() -> axum::Router {
    let mut config = Config::loopback(0);
    config.token = Some("s3cret-token".to_string());
    app_with(config).0
}

#[tokio::test]
async fn a_token_is_needed_on_every_request_when_set() {
    let app = with_token();
    assert_eq!(get(&app, "/").await.status, StatusCode::UNAUTHORIZED);
    let api = get(&app, "/api/v1/stories").await;
    assert_eq!(api.status, StatusCode::UNAUTHORIZED);
    assert_eq!(api.json()["error"]["status"], 401);
    let bearer = send(
        &app,
        Request::get("/api/v1/stories")
            .header("authorization", "Bearer s3cret-token")
            .body(Body::empty())
            .expect("valid"),
    )
    .await;
    assert_eq!(bearer.status, StatusCode::OK);
    let wrong = send(
        &app,
        Request::get("/")
            .header("authorization", "Bearer s3cret-tokeN")
            .body(Body::empty())
            .expect("valid"),
    )
    .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_login_link_sets_a_cookie_and_drops_the_token_from_the_address() {
    let app = with_token();
    let login = get(&app, "/?token=s3cret-token").await;
    assert_eq!(login.status, StatusCode::SEE_OTHER);
    assert_eq!(login.header("location"), "/");
    let cookie = login.header("set-cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let pair = cookie.split(';').next().unwrap_or_default().to_string();
    let page = send(
        &app,
        Request::get("/")
            .header("cookie", pair)
            .body(Body::empty())
            .expect("valid"),
    )
    .await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        get(&app, "/?token=guess").await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn other_hosts_are_refused_on_loopback() {
    let (app, _) = app();
    let rebound = send(
        &app,
        Request::get("/")
            .header("host", "attacker.example:8080")
            .body(Body::empty())
            .expect("valid"),
    )
    .await;
    assert_eq!(rebound.status, StatusCode::FORBIDDEN);
    let local = send(
        &app,
        Request::get("/")
            .header("host", "127.0.0.1:8080")
            .body(Body::empty())
            .expect("valid"),
    )
    .await;
    assert_eq!(local.status, StatusCode::OK);
}

#[tokio::test]
async fn cross_site_posts_are_refused() {
    let (app, _) = app();
    let answer = send(
        &app,
        Request::post("/api/v1/briefs")
            .header("host", "127.0.0.1:8080")
            .header("origin", "https://attacker.example")
            .header("content-type", "application/json")
            .body(Body::from(r#"{"texts": ["x"]}"#))
            .expect("valid"),
    )
    .await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    let fetched = send(
        &app,
        Request::post("/api/v1/briefs")
            .header("sec-fetch-site", "cross-site")
            .header("content-type", "application/json")
            .body(Body::from(r#"{"texts": ["x"]}"#))
            .expect("valid"),
    )
    .await;
    assert_eq!(fetched.status, StatusCode::FORBIDDEN);
}

#[test]
fn other_addresses_need_a_token() {
    let mut config = Config::loopback(0);
    config.address = "0.0.0.0:0".parse().expect("an address");
    let library = std::sync::Arc::new(parallax_server::Memory::new(Vec::new(), &config.brief));
    let error = parallax_server::serve(library, config, |_| {}).expect_err("refused");
    assert!(matches!(
        error,
        parallax_server::Error::TokenRequired { .. }
    ));
}
