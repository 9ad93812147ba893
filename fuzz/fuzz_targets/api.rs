//! The server's request parsing on arbitrary bytes: the first byte picks a route and the rest is
//! its body or its address: the ad hoc brief's JSON (`POST /api/v1/briefs`), the ad hoc form's
//! multipart body (`POST /adhoc`), the search query string, and story and article paths. The
//! router answers without a socket. Never panics and never answers 5xx: a panic inside a
//! handler's blocking task would come back as 500.
//!
//! Inputs that would name a URL to fetch are skipped: a fetch would leave the process (the
//! fuzzer has no network) and is tested in ingest, not here.
#![no_main]

use axum::body::Body;
use axum::http::{Method, Request, header};
use libfuzzer_sys::fuzz_target;
use parallax_server::{Config, Memory, router};
use std::sync::{Arc, OnceLock};
use tower::ServiceExt;

const BOUNDARY: &str = "parallax-fuzz-boundary";

fn app() -> &'static (tokio::runtime::Runtime, axum::Router) {
    static APP: OnceLock<(tokio::runtime::Runtime, axum::Router)> = OnceLock::new();
    APP.get_or_init(|| {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        let config = Config::loopback(0);
        let library = Memory::new(Vec::new(), &config.brief);
        let app = router(Arc::new(library), config);
        (runtime, app)
    })
}

/// Whether a JSON body could carry URLs: any object with a non-empty `urls` array (the server's
/// struct refuses duplicate and unknown fields, so this is the only way in).
fn json_names_urls(body: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Value>(body).is_ok_and(|value| {
        value
            .get("urls")
            .is_some_and(|urls| urls.as_array().is_none_or(|urls| !urls.is_empty()))
    })
}

/// Whether a multipart body could hold a `urls` field, however its name is quoted or escaped.
fn multipart_names_urls(body: &[u8]) -> bool {
    let plain: Vec<u8> = body
        .iter()
        .filter(|byte| **byte != b'\\')
        .map(u8::to_ascii_lowercase)
        .collect();
    plain.windows(4).any(|window| window == b"urls")
}

fn request(
    method: Method,
    uri: &str,
    content_type: Option<String>,
    body: Vec<u8>,
) -> Option<Request<Body>> {
    let mut builder = Request::builder()
        .method(method)
        .uri(uri)
        .header(header::HOST, "127.0.0.1");
    if let Some(content_type) = content_type {
        builder = builder.header(header::CONTENT_TYPE, content_type);
    }
    builder.body(Body::from(body)).ok()
}

fuzz_target!(|bytes: &[u8]| {
    let Some((&route, body)) = bytes.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(body);
    let request = match route % 5 {
        0 => {
            if json_names_urls(body) {
                return;
            }
            request(
                Method::POST,
                "/api/v1/briefs",
                Some("application/json".to_string()),
                body.to_vec(),
            )
        }
        1 => {
            if multipart_names_urls(body) {
                return;
            }
            request(
                Method::POST,
                "/adhoc",
                Some(format!("multipart/form-data; boundary={BOUNDARY}")),
                body.to_vec(),
            )
        }
        // A well-formed multipart body around arbitrary pasted text, which reaches the pasted
        // text splitter and the engine rather than stopping at the multipart parser.
        2 => {
            let form = format!(
                "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n{text}\r\n--{BOUNDARY}--\r\n"
            );
            if multipart_names_urls(text.as_bytes()) {
                return;
            }
            request(
                Method::POST,
                "/adhoc",
                Some(format!("multipart/form-data; boundary={BOUNDARY}")),
                form.into_bytes(),
            )
        }
        3 => request(
            Method::GET,
            &format!("/api/v1/search?{text}"),
            None,
            Vec::new(),
        ),
        _ => {
            let prefix = [
                "/stories/",
                "/api/v1/stories/",
                "/api/v1/articles/",
                "/articles/",
            ][usize::from(route / 5) % 4];
            request(Method::GET, &format!("{prefix}{text}"), None, Vec::new())
        }
    };
    // An address that does not parse is refused before the router, by the HTTP layer.
    let Some(request) = request else {
        return;
    };
    let (runtime, app) = app();
    let response = runtime
        .block_on(app.clone().oneshot(request))
        .expect("the router never fails");
    assert!(
        !response.status().is_server_error(),
        "answered {}",
        response.status()
    );
});
