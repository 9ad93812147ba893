//! The HTML pages: what they show, and that untrusted text shows only escaped.

use crate::util::{PAYLOAD, app, get, post_multipart};
use axum::http::StatusCode;

/// No markup from the payload survives, and the page itself carries no script.
fn assert_escaped(body: &str) {
    assert!(!body.contains("<script"), "a script element: {body}");
    assert!(!body.contains("<img"), "an injected element: {body}");
}

#[tokio::test]
async fn stories_page_lists_the_story() {
    let (app, record) = app();
    let page = get(&app, "/").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.header("content-type").starts_with("text/html"));
    assert!(
        page.body
            .contains(&format!("/stories/{}", record.brief.story))
    );
    assert!(page.body.contains("Vell Courier, Harbour Post, Tide Daily"));
    assert!(page.body.contains("2031-04-06 – 2031-04-07"));
    assert_escaped(&page.body);
}

#[tokio::test]
async fn story_page_shows_the_brief_and_escapes_the_payload() {
    let (app, record) = app();
    let page = get(&app, &format!("/stories/{}", record.brief.story)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert_escaped(&page.body);
    assert!(page.body.contains("Outrageous ferry chaos &lt;script&gt;"));
    for section in ["sources", "consensus", "side-by-side"] {
        assert!(
            page.body.contains(&format!("id=\"{section}\"")),
            "{section}"
        );
    }
    // Every citation link has its target on the page.
    let mut n_links = 0;
    for link in page.body.split("class=\"cite\" href=\"#").skip(1) {
        let target = link.split('"').next().unwrap_or_default();
        assert!(
            page.body.contains(&format!("id=\"{target}\"")),
            "no target {target}"
        );
        n_links += 1;
    }
    assert!(n_links > 0, "no citations");
}

#[tokio::test]
async fn story_page_marks_loaded_words_and_draws_the_timeline() {
    let (app, record) = app();
    let page = get(&app, &format!("/stories/{}", record.brief.story)).await;
    if !record.brief.framing.is_empty() {
        assert!(
            page.body.contains("<mark class=\"loaded\""),
            "no loaded word marked"
        );
    }
    if !record.brief.timeline.is_empty() {
        assert!(page.body.contains("<svg"), "no timeline chart");
        assert!(page.body.contains("href=\"#event-0\""));
        assert!(page.body.contains("id=\"event-0\""));
    }
}

#[tokio::test]
async fn article_page_shows_annotations_and_escapes_the_payload() {
    let (app, record) = app();
    let source = record
        .brief
        .sources
        .iter()
        .find(|source| source.outlet.as_deref() == Some("Tide Daily"))
        .expect("the third source");
    let page = get(&app, &format!("/articles/{}", source.article)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert_escaped(&page.body);
    assert!(page.body.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(
        page.body.contains("<details>"),
        "removed boilerplate not collapsed"
    );
    assert!(page.body.contains("Share this story &lt;script&gt;"));
    let courier = &record.brief.sources[0];
    let page = get(&app, &format!("/articles/{}", courier.article)).await;
    // The Monday before Sunday 6 April 2031, resolved from the publication date.
    assert!(
        page.body.contains("title=\"DATE 2031-03-31"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("title=\"quote — Ana Brisk"),
        "{}",
        page.body
    );
}

#[tokio::test]
async fn search_page_highlights_matches() {
    let (app, _) = app();
    let page = get(&app, "/search?q=walked+off").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("<mark>walked off</mark>"),
        "{}",
        page.body
    );
    assert!(page.body.contains("3 results"));
    let page = get(&app, "/search?q=%3Cscript%3E").await;
    assert_escaped(&page.body);
    assert!(page.body.contains("<mark>&lt;script&gt;</mark>"));
}

#[tokio::test]
async fn unknown_pages_and_stories_are_404() {
    let (app, _) = app();
    assert_eq!(
        get(&app, "/stories/nope").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&app, "/articles/nope").await.status,
        StatusCode::NOT_FOUND
    );
    let page = get(&app, "/static/../Cargo.toml").await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    let page = get(&app, "/static/%2e%2e/%2e%2e/Cargo.toml").await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    let css = get(&app, "/static/style.css").await;
    assert_eq!(css.status, StatusCode::OK);
    assert!(css.header("content-type").starts_with("text/css"));
}

#[tokio::test]
async fn adhoc_form_makes_a_brief_without_storing() {
    let (app, _) = app();
    let form = get(&app, "/adhoc").await;
    assert!(form.body.contains("enctype=\"multipart/form-data\""));
    let boundary = "XBOUNDARYX";
    let text = format!(
        "Dock workers in Morrow stopped work on Friday over pay, the union said, and ships waited outside the harbour for most of the day. {PAYLOAD}\n---\nDock workers in Morrow stopped work on Friday in a pay dispute, officials said, leaving several ships waiting outside the harbour."
    );
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n{text}\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\"\r\nContent-Type: application/octet-stream\r\n\r\n\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"urls\"\r\n\r\n\r\n--{boundary}--\r\n"
    );
    let page = post_multipart(&app, "/adhoc", boundary, body).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert_escaped(&page.body);
    assert!(page.body.contains("not stored"));
    assert!(page.body.contains("pasted-1"), "{}", page.body);
    assert!(
        !page.body.contains("parallax-adhoc-"),
        "temporary path shown"
    );
    // The library is unchanged.
    let stories = get(&app, "/api/v1/stories").await.json();
    assert_eq!(stories.as_array().map(Vec::len), Some(1));
}

#[tokio::test]
async fn print_view_drops_the_navigation() {
    let (app, record) = app();
    let page = get(&app, &format!("/stories/{}/print", record.brief.story)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<body class=\"print\">"));
}

#[tokio::test]
async fn stories_list_shows_coverage_by_side_from_outlet_metadata() {
    let mut config = parallax_server::Config::loopback(0);
    config.brief.outlets = Some(
        parallax_engine::brief_stage::Outlets::parse(
            "[[outlet]]\nname = \"Vell Courier\"\nleaning = \"left\"\n\n\
             [[outlet]]\nname = \"harbour post\"\nleaning = \"left\"\n",
            "outlets.toml",
        )
        .expect("valid outlets"),
    );
    let (app, _) = crate::util::app_with(config);
    let page = get(&app, "/").await;
    assert!(
        page.body.contains("sides by the outlets' leaning"),
        "{}",
        page.body
    );
    // A bar as SVG attributes (the CSP allows no inline style), and its counts as text.
    assert!(
        page.body
            .contains("<rect class=\"side-0\" x=\"0.00\" y=\"0\" width=\"66.67\" height=\"10\">"),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("class=\"side-unlisted\" x=\"66.67\" y=\"0\" width=\"33.33\"")
    );
    assert!(page.body.contains("</svg>left: 2</li>"), "{}", page.body);
    assert!(page.body.contains("</svg>unlisted: 1</li>"));
    assert!(!page.body.contains("style="), "an inline style");
    let stories = get(&app, "/api/v1/stories").await.json();
    assert_eq!(stories[0]["coverage"]["status"], "sides");
    assert_eq!(stories[0]["coverage"]["by"], "leaning");
    assert_eq!(
        stories[0]["coverage"]["sides"][0],
        serde_json::json!({ "label": "left", "n_articles": 2 })
    );
}

#[tokio::test]
async fn article_page_lists_times_entities_and_claims_as_text() {
    let (app, record) = app();
    let page = get(
        &app,
        &format!("/articles/{}", record.brief.sources[0].article),
    )
    .await;
    assert!(page.body.contains("id=\"times-heading\""), "{}", page.body);
    // The resolved value is in the page's text, not only in a hover title.
    assert!(
        page.body.contains("<code>2031-03-31</code>"),
        "{}",
        page.body
    );
    assert!(page.body.contains("id=\"entities-heading\""));
    assert!(page.body.contains("id=\"claims-heading\""));
    // Every link from the tables lands on a sentence of the text.
    for link in page.body.split("href=\"#at-").skip(1) {
        let target = link.split('"').next().unwrap_or_default();
        assert!(
            page.body.contains(&format!("id=\"at-{target}\"")),
            "no target at-{target}"
        );
    }
}
