//! Issue 8, "XSS payloads in every article field rendered by every page": every text field of a
//! brief and of its articles carries markup, and every page that shows them is checked for
//! tags and attributes the templates did not write.

use crate::util::{get, post_multipart, story};
use axum::http::StatusCode;
use parallax_engine::model::{
    Annotated, Brief, Origin, Quote, QuoteKind, Readings, Side, SideGrouping,
};
use parallax_server::{Config, Memory, StoryRecord, router};
use serde_json::Value;
use std::sync::Arc;

/// Markup that must show as text: elements with handlers, a script, attribute breakouts in
/// both quote styles, a closing tag of an element that holds raw text, a template expression.
const PAYLOADS: &[&str] = &[
    "<script>alert('xss-script')</script>",
    "<img src=x onerror=alert('xss-img')>",
    "\"><svg onload=alert('xss-svg')>",
    "' onmouseover='alert(1)' x='",
    "\" autofocus onfocus=\"alert(1)",
    "</textarea><script>alert('xss-textarea')</script>",
    "</title><iframe src=javascript:alert(1)>",
    "{{ 7*191 }}{% raw %}",
];

/// A `javascript:` address, for the fields a template could put into `href`.
const SCRIPT_URL: &str = "javascript:alert('xss-url')";

/// Every tag the templates write. Anything else on a page came from the data.
const TEMPLATE_TAGS: &[&str] = &[
    "!doctype",
    "html",
    "head",
    "meta",
    "title",
    "link",
    "body",
    "a",
    "header",
    "nav",
    "form",
    "label",
    "input",
    "button",
    "main",
    "footer",
    "h1",
    "h2",
    "h3",
    "p",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "span",
    "ul",
    "ol",
    "li",
    "code",
    "blockquote",
    "section",
    "article",
    "figure",
    "figcaption",
    "svg",
    "line",
    "rect",
    "text",
    "circle",
    "div",
    "mark",
    "details",
    "summary",
    "time",
    "strong",
    "textarea",
    "br",
];

/// Payload number `idx`, cycling.
fn payload(idx: usize) -> String {
    format!("P{idx} {}", PAYLOADS[idx % PAYLOADS.len()])
}

/// Replaces every string under a key in `keys`, at any depth, with the next payload; arrays of
/// strings under such a key get one payload each.
fn poison(value: &mut Value, keys: &[&str], counter: &mut usize) {
    match value {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                if keys.contains(&key.as_str()) {
                    poison_strings(child, counter);
                } else {
                    poison(child, keys, counter);
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                poison(item, keys, counter);
            }
        }
        _ => {}
    }
}

fn poison_strings(value: &mut Value, counter: &mut usize) {
    match value {
        Value::String(text) => {
            *text = payload(*counter);
            *counter += 1;
        }
        Value::Array(items) => {
            for item in items {
                poison_strings(item, counter);
            }
        }
        Value::Object(_) | Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// The fields of a brief that hold words from articles or inputs (ids, numbers, kinds and
/// event dates stay valid so the page still links and draws).
const BRIEF_TEXT_FIELDS: &[&str] = &[
    "input",
    "outlet",
    "title",
    "authors",
    "language",
    "text",
    "speaker",
    "cues",
    "expression",
    "slot",
    "value",
    "genre_signals",
    "word",
    "entity",
    "label",
    "message",
];

/// The fields of an annotated article outside its text.
const ARTICLE_TEXT_FIELDS: &[&str] = &[
    "outlet",
    "title",
    "authors",
    "language",
    "notes",
    "syndicated_from",
    "name",
    "country",
    "role",
    "value",
    "hedge",
    "unit",
    "counted",
];

fn poisoned<T: serde::Serialize + serde::de::DeserializeOwned>(
    value: &T,
    keys: &[&str],
    counter: &mut usize,
) -> T {
    let mut json = serde_json::to_value(value).expect("model types serialize");
    poison(&mut json, keys, counter);
    serde_json::from_value(json).expect("poisoned model types deserialize")
}

/// The test story with payloads in every text field of its brief and its articles, a
/// `javascript:` address, a side per payload and a quote whose speaker is a payload.
fn hostile_story() -> StoryRecord {
    let record = story();
    let mut counter = 0;
    let mut brief: Brief = poisoned(&record.brief, BRIEF_TEXT_FIELDS, &mut counter);
    brief.readings = Some(Readings {
        grouping: SideGrouping::Inferred,
        sides: vec![
            Side {
                label: payload(2),
                sources: vec![1, 2],
                summary: brief.summary.clone(),
            },
            Side {
                label: payload(3),
                sources: vec![3],
                summary: Vec::new(),
            },
        ],
    });
    brief
        .diagnostics
        .push(parallax_engine::model::Diagnostic::new(
            parallax_engine::model::Severity::Warning,
            payload(4),
            payload(5),
        ));
    let mut story = record.story.clone();
    story.articles = story
        .articles
        .iter()
        .map(|annotated| {
            let mut annotated: Annotated = poisoned(annotated, ARTICLE_TEXT_FIELDS, &mut counter);
            annotated.article.url = Some(SCRIPT_URL.to_string());
            annotated.article.origin = Origin::File(payload(counter));
            counter += 1;
            for block in &mut annotated.article.removed {
                block.text = payload(counter);
                counter += 1;
            }
            // A speaker named by the text itself: the payload in the third article's body.
            if let Some(at) = annotated.article.text.find("<script>") {
                let end = at + "<script>alert('x')</script>".len();
                annotated.quotes.push(Quote {
                    kind: QuoteKind::Direct,
                    content: at..end,
                    continuation: Vec::new(),
                    cue: Some(at..end),
                    speaker: Some(at..end),
                    speaker_pronoun: None,
                    speaker_entity: None,
                    anonymous: false,
                });
            }
            annotated
        })
        .collect();
    StoryRecord { brief, story }
}

/// The tags of `page`: every `<` starts one, since escaped text has none, and no attribute
/// value holds a `>`, since escaping turns it into `&gt;`.
fn tags(page: &str) -> Vec<&str> {
    page.split('<')
        .skip(1)
        .map(|rest| rest.split('>').next().unwrap_or_default())
        .collect()
}

/// A tag's name and its attributes as (name, value), the way a browser splits them.
fn parse_tag(tag: &str) -> (String, Vec<(String, String)>) {
    let tag = tag.trim_start_matches('/').trim_end_matches('/');
    let (name, mut rest) = tag.split_once(char::is_whitespace).unwrap_or((tag, ""));
    let mut attributes = Vec::new();
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        let name_end = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        let attribute = rest[..name_end].to_ascii_lowercase();
        rest = rest[name_end..].trim_start();
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (quote, body) = match after.chars().next() {
                Some(quote @ ('"' | '\'')) => (Some(quote), &after[1..]),
                _ => (None, after),
            };
            let end = match quote {
                Some(quote) => body.find(quote).unwrap_or(body.len()),
                None => body.find(char::is_whitespace).unwrap_or(body.len()),
            };
            value = body[..end].to_string();
            rest = &body[(end + usize::from(quote.is_some())).min(body.len())..];
        }
        attributes.push((attribute, value));
    }
    (name.to_ascii_lowercase(), attributes)
}

/// Nothing on `page` but what the templates write: known tags only, no event-handler
/// attribute, no `javascript:` link, no payload verbatim, no template expression evaluated.
fn assert_inert(path: &str, page: &str) {
    for tag in tags(page) {
        let (name, attributes) = parse_tag(tag);
        assert!(
            TEMPLATE_TAGS.contains(&name.as_str()),
            "{path}: a tag no template writes: <{tag}>"
        );
        for (attribute, value) in attributes {
            assert!(
                !attribute.starts_with("on") && attribute != "autofocus",
                "{path}: attribute {attribute} in <{tag}>"
            );
            assert!(
                !value.trim().to_ascii_lowercase().starts_with("javascript:"),
                "{path}: a script address in <{tag}>"
            );
        }
    }
    // Escaping changes every payload that holds markup or quotes; none may show verbatim.
    for payload in PAYLOADS
        .iter()
        .filter(|payload| payload.contains(['<', '"', '\'']))
    {
        assert!(!page.contains(payload), "{path}: {payload} verbatim");
    }
    assert!(!page.contains("1337"), "{path}: a template expression ran");
}

async fn check_page(app: &axum::Router, path: &str, status: StatusCode) -> String {
    let answer = get(app, path).await;
    assert_eq!(answer.status, status, "{path}: {}", answer.body);
    assert_inert(path, &answer.body);
    answer.body
}

/// `text` with every character other than letters and digits percent-encoded.
fn encoded(text: &str) -> String {
    text.bytes()
        .map(|byte| {
            if byte.is_ascii_alphanumeric() {
                (byte as char).to_string()
            } else {
                format!("%{byte:02X}")
            }
        })
        .collect()
}

#[tokio::test]
async fn payloads_in_every_field_stay_text_on_every_page() {
    let config = Config::loopback(0);
    let record = hostile_story();
    let library = Memory::new(vec![record.clone()], &config.brief);
    let app = router(Arc::new(library), config);
    let story = record.brief.story.to_string();

    let list = check_page(&app, "/", StatusCode::OK).await;
    assert!(list.contains("&lt;"), "no payload on the list");
    let page = check_page(&app, &format!("/stories/{story}"), StatusCode::OK).await;
    for section in ["readings", "sources", "side-by-side", "diagnostics"] {
        assert!(page.contains(&format!("id=\"{section}\"")), "no {section}");
    }
    assert!(page.contains("&lt;script&gt;"), "the payload is not shown");
    check_page(&app, &format!("/stories/{story}/print"), StatusCode::OK).await;
    for annotated in &record.story.articles {
        let page = check_page(
            &app,
            &format!("/articles/{}", annotated.article.id),
            StatusCode::OK,
        )
        .await;
        // The address is shown, never linked.
        assert!(!page.contains("href=\"javascript"));
    }
    check_page(&app, "/search?q=ferry", StatusCode::OK).await;
    for payload in PAYLOADS {
        check_page(
            &app,
            &format!("/search?q={}", encoded(payload)),
            StatusCode::OK,
        )
        .await;
        check_page(
            &app,
            &format!("/stories/{}", encoded(payload)),
            StatusCode::NOT_FOUND,
        )
        .await;
        check_page(
            &app,
            &format!("/articles/{}", encoded(payload)),
            StatusCode::NOT_FOUND,
        )
        .await;
        check_page(
            &app,
            &format!("/no-such-page/{}", encoded(payload)),
            StatusCode::NOT_FOUND,
        )
        .await;
    }
}

/// A multipart form of `(name, file name, content)` parts.
const BOUNDARY: &str = "XSSBOUNDARYX";

fn form(parts: &[(&str, Option<&str>, &str)]) -> String {
    let boundary = BOUNDARY;
    let mut body = String::new();
    for (name, file_name, content) in parts {
        body.push_str(&format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\""
        ));
        if let Some(file_name) = file_name {
            body.push_str(&format!(
                "; filename=\"{file_name}\"\r\nContent-Type: text/plain"
            ));
        }
        body.push_str(&format!("\r\n\r\n{content}\r\n"));
    }
    body.push_str(&format!("--{boundary}--\r\n"));
    body
}

async fn post_form(
    app: &axum::Router,
    parts: &[(&str, Option<&str>, &str)],
) -> (StatusCode, String) {
    let answer = post_multipart(app, "/adhoc", BOUNDARY, form(parts)).await;
    (answer.status, answer.body)
}

#[tokio::test]
async fn payloads_in_ad_hoc_inputs_stay_text() {
    let config = Config::loopback(0);
    let app = router(Arc::new(Memory::new(Vec::new(), &config.brief)), config);
    let all = PAYLOADS.join(" ");
    let pasted = format!(
        "Lantern makers in Quillmoor opened the river fair on Friday, {all}, the organisers said.\n\n\
         \"We {all} expect crowds,\" said Ivo {all} Threnn.\n---\n\
         The Quillmoor river fair opened on Friday with lantern makers along the water, {all}, organisers said."
    );
    let upload = format!(
        "The river fair in Quillmoor opened on Friday as lantern makers lined the banks, organisers said. {all}"
    );
    let file_name = "\"><img src=x onerror=alert(1)>.txt";
    let (status, page) = post_form(
        &app,
        &[
            ("text", None, pasted.as_str()),
            ("files", Some(file_name), upload.as_str()),
            ("urls", None, ""),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert_inert("/adhoc (brief)", &page);

    // Nothing readable: the form comes back with each input's problem.
    let (status, page) = post_form(&app, &[("files", Some(file_name), "   ")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{page}");
    assert_inert("/adhoc (no article)", &page);

    // A script address is refused with an error page that shows it as text.
    for url in [SCRIPT_URL, "javascript:\"><script>alert(1)</script>"] {
        let (status, page) = post_form(&app, &[("urls", None, url)]).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{page}");
        assert_inert("/adhoc (bad address)", &page);
    }
}
