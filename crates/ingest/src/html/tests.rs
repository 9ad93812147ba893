//! Tests of HTML extraction: metadata, main text, removed blocks, fallbacks.

use super::*;
use parallax_model::DocumentFormat;

const PARAGRAPH_ONE: &str = "Negotiators from the two harbour towns met again on Tuesday and agreed to extend the fishing truce for another month, the mayor of Vell said in a statement released after the talks.";
const PARAGRAPH_TWO: &str = "The agreement, which covers the northern bay and its three islands, had been due to expire at the end of the week, and fishing families had warned of a return to the blockade.";
const PARAGRAPH_THREE: &str = "Both sides will meet again in February to discuss quotas for the winter season, according to a senior official who spoke on condition of anonymity because the talks are private.";

fn page_with(head: &str, article: &str, around: &str) -> String {
    format!(
        r#"<!doctype html><html lang="en-GB"><head><meta charset="utf-8">{head}</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article>{article}</article></main>
<aside><h3>Related</h3><ul><li><a href="/a">Storm damages lighthouse on the cape</a></li><li><a href="/b">Ferry fares to rise in spring</a></li></ul></aside>
{around}
<footer><p>© 2024 The Vell Courier. All rights reserved.</p><p>Cookie settings</p></footer>
</body></html>"#
    )
}

fn check(html: &str) -> Extracted {
    let document = Document {
        origin: Origin::File("page.html".to_string()),
        format: DocumentFormat::Html,
        bytes: html.as_bytes().to_vec(),
    };
    extract(&document, &ExtractConfig::new()).expect("the page has an article")
}

#[test]
fn metadata_from_the_head() {
    let head = r#"<title>Truce extended in Vell | The Vell Courier</title>
<meta property="og:site_name" content="The Vell Courier">
<meta property="og:url" content="https://www.courier.example/truce">
<meta name="author" content="Mara Quill">
<meta property="article:published_time" content="2023-01-10T09:30:00+01:00">"#;
    let article = format!(
        "<h1>Truce extended in Vell</h1><p>{PARAGRAPH_ONE}</p><p>{PARAGRAPH_TWO}</p><p>{PARAGRAPH_THREE}</p>"
    );
    let extracted = check(&page_with(head, &article, ""));
    let article = &extracted.articles[0];
    assert_eq!(article.title.as_deref(), Some("Truce extended in Vell"));
    assert_eq!(article.outlet.as_deref(), Some("The Vell Courier"));
    assert_eq!(
        article.url.as_deref(),
        Some("https://www.courier.example/truce")
    );
    assert_eq!(article.authors, ["Mara Quill"]);
    assert_eq!(
        article.published,
        chrono::NaiveDate::from_ymd_opt(2023, 1, 10)
    );
    assert_eq!(article.language.as_deref(), Some("en"));
    assert_eq!(
        article.text,
        format!("{PARAGRAPH_ONE}\n\n{PARAGRAPH_TWO}\n\n{PARAGRAPH_THREE}")
    );
    let removed: Vec<(RemovalReason, &str)> = article
        .removed
        .iter()
        .map(|block| (block.reason, block.text.as_str()))
        .collect();
    assert!(
        removed.contains(&(RemovalReason::OutsideMainContent, "Home")),
        "{removed:?}"
    );
    assert!(
        removed.contains(&(RemovalReason::Related, "Related")),
        "{removed:?}"
    );
    assert!(
        removed.contains(&(RemovalReason::Title, "Truce extended in Vell")),
        "{removed:?}"
    );
    assert!(
        removed.contains(&(
            RemovalReason::Contact,
            "© 2024 The Vell Courier. All rights reserved."
        )),
        "{removed:?}"
    );
    // Blocks are in page order.
    let home_idx = removed.iter().position(|(_, text)| *text == "Home");
    let footer_idx = removed.iter().position(|(_, text)| text.starts_with('©'));
    assert!(home_idx < footer_idx);
}

#[test]
fn metadata_from_json_ld() {
    let head = r#"<title>Quotas agreed - Harbour Notes</title>
<link rel="canonical" href="https://notes.example/quotas">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Harbour Notes"},
{"@type":"NewsArticle","headline":"Quotas agreed for the winter","datePublished":"2023-02-01T08:00:00Z",
"author":[{"@type":"Person","name":"Ode Fenn"},{"@type":"Person","name":"Ilse Marr"}],
"publisher":{"@type":"Organization","name":"Harbour Notes"},"inLanguage":"en"}]}</script>"#;
    let article = format!("<p>{PARAGRAPH_ONE}</p><p>{PARAGRAPH_TWO}</p><p>{PARAGRAPH_THREE}</p>");
    let extracted = check(&page_with(head, &article, ""));
    let article = &extracted.articles[0];
    assert_eq!(
        article.title.as_deref(),
        Some("Quotas agreed for the winter")
    );
    assert_eq!(article.authors, ["Ode Fenn", "Ilse Marr"]);
    assert_eq!(
        article.published,
        chrono::NaiveDate::from_ymd_opt(2023, 2, 1)
    );
    assert_eq!(article.outlet.as_deref(), Some("Harbour Notes"));
    assert_eq!(article.url.as_deref(), Some("https://notes.example/quotas"));
}

#[test]
fn the_fetched_or_archived_address_is_the_url() {
    let head = r#"<link rel="canonical" href="https://notes.example/quotas">"#;
    let article = format!("<p>{PARAGRAPH_ONE}</p><p>{PARAGRAPH_TWO}</p><p>{PARAGRAPH_THREE}</p>");
    let html = page_with(head, &article, "");
    let extract_from = |origin: Origin| {
        let document = Document {
            origin,
            format: DocumentFormat::Html,
            bytes: html.as_bytes().to_vec(),
        };
        let mut extracted = extract(&document, &ExtractConfig::new()).expect("an article");
        extracted.articles.remove(0)
    };
    let archived = extract_from(Origin::WarcRecord {
        archive: "crawl.warc".to_string(),
        record: 3,
        url: Some("https://www.courier.example/truce".to_string()),
    });
    assert_eq!(
        archived.url.as_deref(),
        Some("https://www.courier.example/truce")
    );
    assert_eq!(archived.outlet.as_deref(), Some("courier.example"));
    assert_eq!(archived.origin.label(), "crawl.warc#record3");

    let fetched = extract_from(Origin::Url {
        requested: "https://short.example/t".to_string(),
        url: "https://www.courier.example/truce?ref=short".to_string(),
    });
    assert_eq!(
        fetched.url.as_deref(),
        Some("https://www.courier.example/truce?ref=short")
    );
    assert_eq!(fetched.origin.label(), "https://short.example/t");

    // A record without a target address falls back to the page's canonical link.
    let unaddressed = extract_from(Origin::WarcRecord {
        archive: "crawl.warc".to_string(),
        record: 0,
        url: None,
    });
    assert_eq!(
        unaddressed.url.as_deref(),
        Some("https://notes.example/quotas")
    );
}

#[test]
fn byline_caption_and_widgets_inside_the_article() {
    let article = format!(
        r#"<h1>Truce extended</h1><p class="byline">By Mara Quill</p>
<figure><img src="quay.jpg" alt=""><figcaption>The quay at dawn, January 9, 2023. / VNA</figcaption></figure>
<p>{PARAGRAPH_ONE}</p><p>Read more</p><p>{PARAGRAPH_TWO}</p>
<p><em>Editor's note: Mara Quill covers the harbour towns for several weeklies.</em></p>
<p>{PARAGRAPH_THREE}</p><p>Share this article</p>"#
    );
    let extracted = check(&page_with("<title>Truce extended</title>", &article, ""));
    let article = &extracted.articles[0];
    assert_eq!(
        article.text,
        format!("{PARAGRAPH_ONE}\n\n{PARAGRAPH_TWO}\n\n{PARAGRAPH_THREE}")
    );
    assert_eq!(article.authors, ["Mara Quill"]);
    assert_eq!(
        article.notes,
        ["Editor's note: Mara Quill covers the harbour towns for several weeklies."]
    );
    for (reason, text) in [
        (
            RemovalReason::Caption,
            "The quay at dawn, January 9, 2023. / VNA",
        ),
        (RemovalReason::Widget, "Read more"),
        (RemovalReason::Widget, "Share this article"),
    ] {
        assert!(
            article
                .removed
                .iter()
                .any(|block| block.reason == reason && block.text == text),
            "{reason:?} {text:?} not in {:?}",
            article.removed
        );
    }
}

#[test]
fn json_ld_article_body_wins_when_readability_finds_little() {
    let body = format!("{PARAGRAPH_ONE}\n{PARAGRAPH_TWO}\n{PARAGRAPH_THREE}");
    let head = format!(
        r#"<title>Truce</title><script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"Truce","articleBody":{}}}</script>"#,
        serde_json::Value::String(body)
    );
    let article = "<p>A teaser of a dozen words about the truce and the harbour towns.</p>";
    let extracted = check(&page_with(&head, article, ""));
    assert_eq!(
        extracted.articles[0].text,
        format!("{PARAGRAPH_ONE}\n\n{PARAGRAPH_TWO}\n\n{PARAGRAPH_THREE}")
    );
    assert!(
        extracted
            .diagnostics
            .iter()
            .any(|diagnostic| diagnostic.message.contains("articleBody"))
    );
}

#[test]
fn declared_charset_is_used() {
    let page = format!(
        "<html><head><meta charset=\"iso-8859-1\"><title>Caf\u{e9}</title></head><body><article><p>{PARAGRAPH_ONE} Caf\u{e9}.</p><p>{PARAGRAPH_TWO}</p></article></body></html>"
    );
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&page);
    let document = Document {
        origin: Origin::File("latin.html".to_string()),
        format: DocumentFormat::Html,
        bytes: bytes.into_owned(),
    };
    let extracted = extract(&document, &ExtractConfig::new()).expect("readable");
    assert!(extracted.articles[0].text.contains("Café."));
    assert_eq!(
        extracted.diagnostics[0].message,
        "not valid UTF-8; decoded as windows-1252"
    );
}

#[test]
fn mojibake_in_a_page_is_repaired() {
    let page = format!(
        "<html><head><title>CafÃ© talks</title></head><body><article><p>{PARAGRAPH_ONE} CafÃ©.</p><p>{PARAGRAPH_TWO}</p></article></body></html>"
    );
    let document = Document {
        origin: Origin::File("scraped.html".to_string()),
        format: DocumentFormat::Html,
        bytes: page.into_bytes(),
    };
    let extracted = extract(&document, &ExtractConfig::new()).expect("readable");
    assert!(extracted.articles[0].text.contains("Café."));
    assert_eq!(extracted.articles[0].title.as_deref(), Some("Café talks"));
    assert!(
        extracted.diagnostics[0]
            .message
            .contains("repaired at 2 places")
    );
}

#[test]
fn cleans_titles() {
    assert_eq!(
        clean_title(
            "Truce extended | The Vell Courier",
            Some("The Vell Courier")
        ),
        "Truce extended"
    );
    assert_eq!(
        clean_title(
            "The Vell Courier - Truce extended",
            Some("The Vell Courier")
        ),
        "Truce extended"
    );
    assert_eq!(
        clean_title("Truce extended in Vell - Courier", None),
        "Truce extended in Vell"
    );
    assert_eq!(
        clean_title("Vell - Dorn talks: day two", None),
        "Vell - Dorn talks: day two"
    );
    assert_eq!(
        clean_title("Pilots strike at Velmar port – live", None),
        "Pilots strike at Velmar port – live"
    );
}

#[test]
fn a_site_named_before_the_title() {
    assert_eq!(
        site_before_title("Velmar Ledger :: Analysis: the pilots were right all along"),
        Some("Velmar Ledger")
    );
    assert_eq!(
        site_before_title("Opinion | The pilots were right all along"),
        None
    );
    assert_eq!(site_before_title("Velmar Ledger :: Pilots win"), None);
}

#[test]
fn finds_domains() {
    assert_eq!(
        domain("https://www.courier.example/a/b?c").as_deref(),
        Some("courier.example")
    );
    assert_eq!(
        domain("http://user@news.example:8080").as_deref(),
        Some("news.example")
    );
    assert_eq!(domain("not a url"), None);
}

#[test]
fn estimates_nesting_depth() {
    // Tags a script writes, or a style sheet names, are not markup.
    let script = format!(
        "<div><script>document.write('{}')</script><STYLE>{}</STYLE></div>",
        "<div>".repeat(300),
        "<span>".repeat(300)
    );
    assert_eq!(scan::scan(&script).depth, 1);
}

#[test]
fn strips_tags() {
    let stripped = strip_tags(
        "<p>One &amp; two</p><script>var x = '<p>';</script><div>Three<br>four</div><!-- gone -->",
    );
    let lines: Vec<&str> = stripped
        .split('\n')
        .filter(|line| !line.is_empty())
        .collect();
    assert_eq!(lines, ["One & two", "Three", "four"]);
    assert_eq!(strip_tags("a < b > c"), "a < b > c");
    assert_eq!(
        decode_entities("&#233;t&eacute; &#x2014; &nope; &"),
        "été — &nope; &"
    );
}

#[test]
fn large_page_stays_fast() {
    let mut article = String::new();
    for idx in 0..5000 {
        article.push_str(&format!("<p>Paragraph {idx}. {PARAGRAPH_ONE}</p>\n"));
    }
    let started = std::time::Instant::now();
    let extracted = check(&page_with("<title>Long</title>", &article, ""));
    let elapsed = started.elapsed();
    assert_eq!(extracted.articles[0].paragraphs().count(), 5000);
    assert!(elapsed.as_secs() < 20, "took {elapsed:?}");
}

#[test]
fn a_related_heading_ends_the_article_in_its_container() {
    // A blog's post followed, in the same container, by teasers of other posts under "You may
    // also like"; and a "Read also" heading before a paragraph that carries the article on.
    let teaser = "A different story about the harbour pilots of the southern coast, who went on strike last spring over the new rota, and what came of it";
    let article = format!(
        "<h1>Truce extended in Vell</h1><p>{PARAGRAPH_ONE}</p><p>{PARAGRAPH_TWO}</p>\
         <h3>Read also</h3><p>{PARAGRAPH_THREE}</p>\
         <h3 class=\"relatedpoststitle\">You may also like...</h3>\
         <article><h2><a href=\"/pilots\">Pilots strike</a></h2><p>{teaser}…</p></article>\
         <article><h2><a href=\"/pilots-2\">Pilots return</a></h2><p>{teaser} again…</p></article>"
    );
    let extracted = check(&page_with("", &article, ""));
    let text = &extracted.articles[0].text;
    assert!(text.contains(PARAGRAPH_THREE), "{text}");
    assert!(!text.contains("harbour pilots"), "{text}");
}

#[test]
fn a_card_that_pops_up_over_a_name_is_not_text() {
    let card = "<span class=\"people-card\"><img src=\"/mara.jpg\" alt=\"\"><a href=\"/mara\">Mara Quill</a>\
                <a href=\"/a\">Lighthouse keepers vote to strike over winter rota</a>\
                <a href=\"/b\">Ferry fares to rise in spring</a></span>";
    let article = format!(
        "<h1>Truce extended in Vell</h1><p><span style=\"font-weight: 400\">The harbour master \
         <span class=\"people\"><a href=\"/mara\">Mara Quill</a>{card}</span> welcomed the truce \
         on Tuesday.</span> {PARAGRAPH_ONE}</p><p>{PARAGRAPH_TWO}</p><p>{PARAGRAPH_THREE}</p>"
    );
    let extracted = check(&page_with("", &article, ""));
    let text = &extracted.articles[0].text;
    assert!(
        text.contains("The harbour master Mara Quill welcomed the truce on Tuesday."),
        "{text}"
    );
    assert!(!text.contains("Lighthouse keepers"), "{text}");
}
