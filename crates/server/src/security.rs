//! What every request passes through: the access token, the Host and Origin checks, and the
//! security headers on every response.

use crate::AppState;
use crate::api::ApiError;
use axum::extract::{Request, State};
use axum::http::header::{self, HeaderMap, HeaderName, HeaderValue};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

/// The cookie the login link sets, so that a browser carries the token on every request.
const TOKEN_COOKIE: &str = "parallax_token";

/// Pages and the API load nothing from elsewhere and run no script at all: every value is
/// served by the binary, and article text can never become code even if escaping failed.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Sets the security headers on every response.
pub(crate) async fn headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let fixed: [(HeaderName, &str); 6] = [
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        // Same-origin rather than no-referrer: with no referrer at all, browsers send `Origin:
        // null` on form posts, which the cross-site check could not tell from a foreign page.
        (header::REFERRER_POLICY, "same-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
        (
            HeaderName::from_static("cross-origin-resource-policy"),
            "same-origin",
        ),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    // Briefs and articles may be private; a shared cache must not keep them.
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    response
}

/// Lets a request through only when it carries the token (if one is set), names this server in
/// its Host (on loopback without a token, against DNS rebinding), and, when it changes
/// something, comes from this server's own pages.
pub(crate) async fn guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let is_api = request.uri().path().starts_with("/api/");
    let refuse = |status: StatusCode, message: &str| -> Response {
        if is_api {
            ApiError::new(status, message).into_response()
        } else {
            (status, message.to_string()).into_response()
        }
    };
    match state
        .config
        .token
        .as_deref()
        .filter(|token| !token.is_empty())
    {
        Some(token) => {
            if let Some(given) = query_token(request.uri()) {
                if !same_secret(given.as_bytes(), token.as_bytes()) {
                    return refuse(StatusCode::UNAUTHORIZED, "wrong access token");
                }
                return login(request.uri().path(), token);
            }
            if !carries_token(request.headers(), token) {
                return refuse(
                    StatusCode::UNAUTHORIZED,
                    "this server needs its access token: open it with ?token=TOKEN once, or send the header Authorization: Bearer TOKEN",
                );
            }
        }
        None => {
            if !host_is_loopback(request.headers()) {
                return refuse(
                    StatusCode::FORBIDDEN,
                    "this server answers only to localhost, 127.0.0.1 and [::1]",
                );
            }
        }
    }
    if request.method() != Method::GET
        && request.method() != Method::HEAD
        && is_cross_site(request.headers())
    {
        return refuse(
            StatusCode::FORBIDDEN,
            "requests that change something must come from this server's own pages",
        );
    }
    next.run(request).await
}

/// The `token` query parameter, as given.
fn query_token(uri: &axum::http::Uri) -> Option<String> {
    uri.query()?;
    let axum::extract::Query(pairs) =
        axum::extract::Query::<Vec<(String, String)>>::try_from_uri(uri).ok()?;
    pairs
        .into_iter()
        .find(|(name, _)| name == "token")
        .map(|(_, value)| value)
}

/// Sets the token cookie and sends the browser back to `path` without the token in its address,
/// so it stays out of history and logs.
fn login(path: &str, token: &str) -> Response {
    let mut response = Redirect::to(path).into_response();
    let cookie = format!("{TOKEN_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict");
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

fn carries_token(headers: &HeaderMap, token: &str) -> bool {
    let bearer = headers
        .get_all(header::AUTHORIZATION)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .filter_map(|value| value.strip_prefix("Bearer "))
        .any(|given| same_secret(given.trim().as_bytes(), token.as_bytes()));
    let cookie = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().strip_prefix(TOKEN_COOKIE)?.strip_prefix('='))
        .any(|given| same_secret(given.as_bytes(), token.as_bytes()));
    bearer || cookie
}

/// Compares two secrets in time that depends only on their lengths, so the answer time does not
/// tell how much of a guess was right.
fn same_secret(given: &[u8], expected: &[u8]) -> bool {
    given.len() == expected.len()
        && given
            .iter()
            .zip(expected)
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

/// Whether the Host header names a loopback host. A request without one (HTTP/1.0, or a test
/// calling the router directly) passes: browsers, which DNS rebinding needs, always send it.
fn host_is_loopback(headers: &HeaderMap) -> bool {
    let Some(host) = headers.get(header::HOST) else {
        return true;
    };
    let Ok(host) = host.to_str() else {
        return false;
    };
    let name = match host.strip_prefix('[') {
        Some(bracketed) => bracketed.split(']').next().unwrap_or_default(),
        None => host.split(':').next().unwrap_or_default(),
    };
    matches!(name, "localhost" | "127.0.0.1" | "::1")
}

/// Whether the browser says the request comes from elsewhere than this server's own pages:
/// `Sec-Fetch-Site` other than `same-origin` (or `none`, typed by the user), or, from a browser
/// that does not send it, an `Origin` that is opaque or names another host.
fn is_cross_site(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        return !matches!(site.as_bytes(), b"same-origin" | b"none");
    }
    let Some(origin) = headers
        .get(header::ORIGIN)
        .and_then(|value| value.to_str().ok())
    else {
        return false;
    };
    let host = headers
        .get(header::HOST)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    let origin_host = origin
        .split_once("://")
        .map_or(origin, |(_, rest)| rest)
        .trim_end_matches('/');
    origin == "null" || origin_host != host
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_hosts_pass_and_others_do_not() {
        let check = |host: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::HOST, HeaderValue::from_str(host).expect("valid"));
            host_is_loopback(&headers)
        };
        assert!(check("127.0.0.1:8080"));
        assert!(check("localhost"));
        assert!(check("[::1]:3000"));
        assert!(!check("evil.example:8080"));
        assert!(!check("127.0.0.1.evil.example"));
    }

    #[test]
    fn secrets_compare_whole() {
        assert!(same_secret(b"abc", b"abc"));
        assert!(!same_secret(b"abd", b"abc"));
        assert!(!same_secret(b"ab", b"abc"));
    }
}
