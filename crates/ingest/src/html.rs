//! HTML pages: metadata from the head and JSON-LD, the main text from dom_smoothie's Readability,
//! everything else recorded as removed, then the shared boilerplate rules.

use crate::boilerplate::{self, Shape, strip_by};
use crate::date::parse_date;
use crate::decode::{declared_charset, decode, normalize_line};
use crate::text::{self, Cleaned, Options, add_authors};
use crate::{Error, ExtractConfig, Extracted, Metadata, finish};
use dom_query::{Document as Dom, Matcher, Selection};
use parallax_model::{
    Article, Diagnostic, Document, Origin, RemovalReason, RemovedBlock, Severity,
};
use serde_json::Value;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// The [`Matcher`] of a CSS selector, parsed once: parsing a selector cost more than matching it
/// against a page's few metadata elements.
macro_rules! matcher {
    ($selector:literal) => {{
        static MATCHER: LazyLock<Matcher> =
            LazyLock::new(|| Matcher::new($selector).expect("the selector is valid"));
        &*MATCHER
    }};
}

/// Pages nested deeper than this are read as plain text: the HTML tree builder and Readability
/// both slow down with depth (10,000 nested `div`s took half a minute), and real articles stay
/// far below it.
const MAX_NESTING_DEPTH: usize = 256;

/// At most this many of the page's lines are compared with the kept text to find what was outside
/// the main content; it bounds the cost on huge pages.
const MAX_PAGE_LINES: usize = 5000;

/// Extracts the one article of an HTML document.
pub(crate) fn extract(document: &Document, config: &ExtractConfig) -> Result<Extracted, Error> {
    let label = document.origin.label();
    let decoded = decode(&document.bytes, &label, declared_charset)?;
    let mut diagnostics = Vec::new();
    if let Some(note) = decoded.note {
        diagnostics.push(Diagnostic::new(Severity::Note, &label, note));
    }
    let article = page(
        document.origin.clone(),
        &decoded.text,
        config,
        &mut diagnostics,
    )?;
    Ok(Extracted {
        articles: vec![article],
        diagnostics,
    })
}

/// Extracts the article of a whole page, given as text.
pub(crate) fn page(
    origin: Origin,
    html: &str,
    config: &ExtractConfig,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Article, Error> {
    let label = origin.label();
    let scanned = scan::scan(html);
    if scanned.depth > MAX_NESTING_DEPTH {
        diagnostics.push(Diagnostic::new(
            Severity::Warning,
            &label,
            format!(
                "HTML nested more than {MAX_NESTING_DEPTH} levels deep; read as plain text without its markup"
            ),
        ));
        let cleaned = text::clean(
            &strip_tags(html),
            &Options {
                detect_title: true,
                known_title: None,
                unwrap_lines: false,
            },
        );
        return finish(origin, cleaned, Metadata::default(), config, diagnostics);
    }

    let dom = Dom::from(scanned.html.as_ref());
    let mut metadata = PageMetadata::read(&dom);
    remove_non_text(&dom);
    let page_lines = page_lines(&dom);
    prune::prune(&dom);

    let main_text = match main_content(dom, &scanned.html, config) {
        Ok(found) => {
            if let Some(byline) = found.byline.as_deref().map(normalize_line)
                && boilerplate::count_words_up_to(&byline, 8) <= 6
                && !byline.contains("http")
            {
                add_authors(&mut metadata.authors, vec![byline]);
            }
            metadata.site_name = metadata.site_name.or(found.site_name);
            metadata.published = metadata
                .published
                .or_else(|| found.published_time.as_deref().and_then(parse_date));
            metadata.language = metadata
                .language
                .or_else(|| found.lang.as_deref().and_then(crate::language::from_tag));
            if metadata.title.is_none() && !found.title.trim().is_empty() {
                metadata.title = Some(clean_title(&found.title, metadata.site_name.as_deref()));
            }
            found.text_content.to_string()
        }
        Err(error) => {
            diagnostics.push(Diagnostic::new(
                Severity::Warning,
                &label,
                format!(
                    "main content not found ({}); using the whole page text",
                    crate::error::lowercase_reason(&error.to_string())
                ),
            ));
            page_lines.join("\n")
        }
    };

    let main_text = match metadata.article_body.as_deref() {
        Some(article_body) if prefer_article_body(&main_text, article_body) => {
            diagnostics.push(Diagnostic::new(
                Severity::Note,
                &label,
                "used the page's JSON-LD articleBody, which holds more of the article than the main-content extractor found",
            ));
            article_body.to_string()
        }
        _ => main_text,
    };

    let mut cleaned = text::clean(
        &main_text,
        &Options {
            detect_title: false,
            known_title: metadata.title.as_deref(),
            unwrap_lines: false,
        },
    );
    record_outside_blocks(
        &page_lines,
        &mut cleaned,
        &metadata,
        config,
        diagnostics,
        &label,
    );

    let outlet = metadata
        .site_name
        .clone()
        .or(cleaned.outlet.take())
        .or_else(|| origin.url().or(metadata.url.as_deref()).and_then(domain));
    let mut authors = Vec::new();
    add_authors(&mut authors, std::mem::take(&mut metadata.authors));
    let found = Metadata {
        title: metadata.title,
        authors,
        published: metadata.published,
        outlet,
        url: metadata.url,
        language: metadata.language,
    };
    finish(origin, cleaned, found, config, diagnostics)
}

/// Removes the elements that hold no text. Most were cut out before parsing
/// ([`scan::scan`]); JSON-LD scripts, read for the metadata, and templates are left.
fn remove_non_text(dom: &Dom) {
    dom.select_matcher(matcher!("script, style, noscript, template, svg, iframe"))
        .remove();
}

/// Readability's main content of the pruned tree `dom`, which was built from `html`.
///
/// Readability's `parse` tries its policies from the strictest on, each on a fresh copy of the
/// tree, until one finds at least its threshold of characters; the copy is made before the
/// first attempt and costs about as much as the attempt. Here the strictest policy runs on the
/// tree itself, and only when it finds less is the tree built again for `parse`. The
/// non-whitespace characters of the text found never outnumber what Readability counts, so
/// every page gets what `parse` alone would give.
fn main_content(
    dom: Dom,
    html: &str,
    config: &ExtractConfig,
) -> Result<dom_smoothie::Article, dom_smoothie::ReadabilityError> {
    let readability_config = || dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        max_elements_to_parse: config.max_html_elements,
        // The scripts are gone before Readability runs; the page's JSON-LD is read here.
        disable_json_ld: true,
        ..dom_smoothie::Config::default()
    };
    let threshold = readability_config().char_threshold;
    let strict = dom_smoothie::Readability::with_document(dom, None, Some(readability_config()))?
        .parse_with_policy(dom_smoothie::ParsePolicy::Strict);
    match strict {
        Ok(found)
            if found
                .text_content
                .chars()
                .filter(|ch| !ch.is_whitespace())
                .count()
                >= threshold =>
        {
            Ok(found)
        }
        Err(error @ dom_smoothie::ReadabilityError::TooManyElements(..)) => Err(error),
        _ => {
            let dom = Dom::from(html);
            remove_non_text(&dom);
            prune::prune(&dom);
            dom_smoothie::Readability::with_document(dom, None, Some(readability_config()))?.parse()
        }
    }
}

/// What a page says about itself in its head, its JSON-LD and a few well-known elements.
#[derive(Debug, Default)]
struct PageMetadata {
    title: Option<String>,
    authors: Vec<String>,
    published: Option<chrono::NaiveDate>,
    site_name: Option<String>,
    url: Option<String>,
    language: Option<String>,
    article_body: Option<String>,
}

/// Whether the metadata may be read from `element`: `html`, `title`, `meta`, `link`,
/// `script[type]`, `time[datetime]`, `h1`, and the elements whose `rel`, `itemprop` or `class`
/// names an author. The page is walked once for them, by name rather than by a selector, and each
/// lookup filters this small set with its own selector, rather than walking the whole page again.
fn is_metadata_element(element: &dom_query::Element) -> bool {
    // Every element's attributes are searched: candidates are found by the word's first letter
    // in either case, and only they are compared.
    let contains = |value: &str, word: &[u8]| {
        let value = value.as_bytes();
        let Some(first) = word.first() else {
            return true;
        };
        memchr::memchr2_iter(
            first.to_ascii_lowercase(),
            first.to_ascii_uppercase(),
            value,
        )
        .any(|start| {
            value
                .get(start..start + word.len())
                .is_some_and(|window| window.eq_ignore_ascii_case(word))
        })
    };
    match &*element.name.local {
        "html" | "title" | "meta" | "link" | "h1" => true,
        "script" => element.has_attr("type"),
        "time" => element.has_attr("datetime"),
        _ => element.attrs.iter().any(|attr| match &*attr.name.local {
            "rel" | "itemprop" => contains(&attr.value, b"author"),
            "class" => {
                contains(&attr.value, b"byline__name") || contains(&attr.value, b"author-name")
            }
            _ => false,
        }),
    }
}

impl PageMetadata {
    fn read(dom: &Dom) -> PageMetadata {
        let elements: Selection<'_> = dom
            .root()
            .descendants_it()
            .filter(|node| {
                node.element_ref()
                    .is_some_and(|element| is_metadata_element(&element))
            })
            .collect::<Vec<_>>()
            .into();
        let json_ld = JsonLd::read(&elements);
        let meta = |matcher: &Matcher| -> Option<String> {
            elements
                .filter_matcher(matcher)
                .iter()
                .filter_map(|found| found.attr("content"))
                .map(|content| normalize_line(&decode_entities(&content)))
                .find(|content| !content.is_empty())
        };
        let site_name = meta(matcher!(r#"meta[property="og:site_name"]"#))
            .or_else(|| json_ld.publisher.clone())
            .or_else(|| meta(matcher!(r#"meta[name="application-name"]"#)));

        let raw_title = meta(matcher!(r#"meta[property="og:title"]"#))
            .or_else(|| meta(matcher!(r#"meta[name="twitter:title"]"#)))
            .or_else(|| json_ld.headline.clone())
            .or_else(|| {
                let title = normalize_line(&elements.filter_matcher(matcher!("head title")).text());
                (!title.is_empty()).then_some(title)
            })
            .or_else(|| {
                let heading =
                    normalize_line(&elements.filter_matcher(matcher!("h1")).first().text());
                (!heading.is_empty()).then_some(heading)
            });
        // "Slipway Review :: Analysis: …": a page with no other name for its site names it
        // before its title.
        let site_name = site_name.or_else(|| {
            raw_title
                .as_deref()
                .and_then(site_before_title)
                .map(str::to_string)
        });
        let title = raw_title.map(|title| clean_title(&title, site_name.as_deref()));

        let mut authors = Vec::new();
        add_authors(&mut authors, json_ld.authors.clone());
        for matcher in [
            matcher!(r#"meta[name="author"]"#),
            matcher!(r#"meta[property="article:author"]"#),
            matcher!(r#"meta[name="dc.creator"]"#),
            matcher!(r#"meta[name="DC.creator"]"#),
            matcher!(r#"meta[name="byl"]"#),
        ] {
            for found in elements.filter_matcher(matcher).iter() {
                if let Some(content) = found.attr("content") {
                    let content = normalize_line(&decode_entities(&content));
                    if !content.contains("://") && !content.is_empty() {
                        add_authors(&mut authors, vec![strip_by(&content).to_string()]);
                    }
                }
            }
        }
        for found in elements
            .filter_matcher(matcher!(
                r#"[rel~="author"], [itemprop="author"], .byline__name, .author-name"#
            ))
            .iter()
            .take(5)
        {
            let name = normalize_line(&found.text());
            let name = strip_by(&name);
            if (1..=6).contains(&boilerplate::count_words_up_to(name, 6)) {
                add_authors(&mut authors, vec![name.to_string()]);
            }
        }

        let published = meta(matcher!(r#"meta[property="article:published_time"]"#))
            .and_then(|value| parse_date(&value))
            .or_else(|| json_ld.date_published.as_deref().and_then(parse_date))
            .or_else(|| {
                meta(matcher!(r#"meta[itemprop="datePublished"]"#))
                    .and_then(|value| parse_date(&value))
            })
            .or_else(|| {
                elements
                    .filter_matcher(matcher!("time[datetime]"))
                    .iter()
                    .filter_map(|found| found.attr("datetime"))
                    .find_map(|value| parse_date(&value))
            })
            .or_else(|| {
                let named = elements.filter_matcher(matcher!("meta[name]"));
                [
                    "date",
                    "pubdate",
                    "publishdate",
                    "publish-date",
                    "publication_date",
                    "dc.date",
                    "dc.date.issued",
                    "dcterms.created",
                    "dcterms.date",
                    "sailthru.date",
                    "parsely-pub-date",
                    "article.published",
                    "originalpublicationdate",
                ]
                .iter()
                .find_map(|name| {
                    named
                        .iter()
                        .filter(|found| {
                            found
                                .attr("name")
                                .is_some_and(|found_name| found_name.eq_ignore_ascii_case(name))
                        })
                        .filter_map(|found| found.attr("content"))
                        .find_map(|value| parse_date(&value))
                })
            });

        let url = elements
            .filter_matcher(matcher!(r#"link[rel="canonical"]"#))
            .attr("href")
            .map(|href| href.trim().to_string())
            .or_else(|| meta(matcher!(r#"meta[property="og:url"]"#)))
            .or_else(|| json_ld.url.clone())
            .filter(|url| url.starts_with("http://") || url.starts_with("https://"));

        let language = elements
            .filter_matcher(matcher!("html"))
            .attr("lang")
            .and_then(|lang| crate::language::from_tag(&lang))
            .or_else(|| {
                meta(matcher!(r#"meta[http-equiv="content-language"]"#))
                    .and_then(|lang| crate::language::from_tag(&lang))
            })
            .or_else(|| {
                json_ld
                    .language
                    .as_deref()
                    .and_then(crate::language::from_tag)
            })
            .or_else(|| {
                meta(matcher!(r#"meta[property="og:locale"]"#))
                    .and_then(|lang| crate::language::from_tag(&lang))
            });

        PageMetadata {
            title,
            authors,
            published,
            site_name,
            url,
            language,
            article_body: json_ld.article_body,
        }
    }
}

/// The fields of the page's first schema.org article object.
#[derive(Debug, Default)]
struct JsonLd {
    headline: Option<String>,
    authors: Vec<String>,
    date_published: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
    language: Option<String>,
    article_body: Option<String>,
}

impl JsonLd {
    /// Reads the first article object of the page's JSON-LD scripts, among `elements`.
    fn read(elements: &Selection<'_>) -> JsonLd {
        for script in elements.filter_matcher(matcher!("script[type]")).iter() {
            let is_json_ld = script
                .attr("type")
                .is_some_and(|kind| kind.trim().eq_ignore_ascii_case("application/ld+json"));
            if !is_json_ld {
                continue;
            }
            let source = script.text();
            let source = source
                .trim()
                .trim_start_matches("<![CDATA[")
                .trim_end_matches("]]>")
                .trim();
            // serde_json stops at 128 levels of nesting, so a hostile script cannot exhaust the
            // stack here.
            let Ok(value) = serde_json::from_str::<Value>(source) else {
                continue;
            };
            if let Some(object) = find_article_object(&value, 0) {
                return JsonLd::from_object(object);
            }
        }
        JsonLd::default()
    }

    fn from_object(object: &Value) -> JsonLd {
        let string = |key: &str| -> Option<String> {
            object
                .get(key)
                .and_then(Value::as_str)
                .map(|text| normalize_line(&decode_entities(text)))
                .filter(|text| !text.is_empty())
        };
        let mut authors = Vec::new();
        collect_names(object.get("author"), &mut authors, 0);
        let publisher = match object.get("publisher") {
            Some(Value::String(name)) => Some(normalize_line(name)),
            Some(Value::Object(publisher)) => publisher
                .get("name")
                .and_then(Value::as_str)
                .map(normalize_line),
            _ => None,
        }
        .filter(|name| !name.is_empty());
        let url = string("url").or_else(|| match object.get("mainEntityOfPage") {
            Some(Value::String(url)) => Some(url.clone()),
            Some(Value::Object(page)) => {
                page.get("@id").and_then(Value::as_str).map(str::to_string)
            }
            _ => None,
        });
        let article_body = object
            .get("articleBody")
            .and_then(Value::as_str)
            .map(|body| {
                if body.contains('<') && body.contains('>') {
                    strip_tags(body)
                } else {
                    decode_entities(body).into_owned()
                }
            });
        JsonLd {
            headline: string("headline").or_else(|| string("name")),
            authors,
            date_published: string("datePublished").or_else(|| string("dateCreated")),
            publisher,
            url,
            language: string("inLanguage"),
            article_body,
        }
    }
}

/// The first object whose `@type` is an article kind, looking into arrays and `@graph`.
fn find_article_object(value: &Value, depth: usize) -> Option<&Value> {
    if depth > 4 {
        return None;
    }
    match value {
        Value::Array(items) => items
            .iter()
            .find_map(|item| find_article_object(item, depth + 1)),
        Value::Object(object) => {
            if is_article_type(object.get("@type")) {
                return Some(value);
            }
            object
                .get("@graph")
                .and_then(|graph| find_article_object(graph, depth + 1))
        }
        _ => None,
    }
}

fn is_article_type(kind: Option<&Value>) -> bool {
    let matches = |name: &str| {
        name.ends_with("Article")
            || matches!(
                name,
                "BlogPosting" | "Report" | "LiveBlogPosting" | "SocialMediaPosting"
            )
    };
    match kind {
        Some(Value::String(name)) => matches(name),
        Some(Value::Array(names)) => names.iter().filter_map(Value::as_str).any(matches),
        _ => false,
    }
}

fn collect_names(value: Option<&Value>, names: &mut Vec<String>, depth: usize) {
    if depth > 3 {
        return;
    }
    match value {
        Some(Value::String(name)) if !name.contains("://") => names.push(name.clone()),
        Some(Value::Object(person)) => {
            if let Some(name) = person.get("name").and_then(Value::as_str) {
                names.push(name.to_string());
            }
        }
        Some(Value::Array(items)) => {
            for item in items.iter().take(20) {
                collect_names(Some(item), names, depth + 1);
            }
        }
        _ => {}
    }
}

/// The site's name a title opens with, set off by a strong separator: "Slipway Review ::
/// Analysis: The ferry …" → "Slipway Review". Two to four words, capitalized (one word is
/// more often a section's label, "Opinion | …"), before a title of five or more; not after a
/// dash, which headlines use themselves.
fn site_before_title(title: &str) -> Option<&str> {
    [" :: ", " | ", " » "].iter().find_map(|separator| {
        let (head, rest) = title.split_once(separator)?;
        let head = head.trim();
        (head.starts_with(char::is_uppercase)
            && (2..=4).contains(&boilerplate::count_words_up_to(head, 5))
            && boilerplate::count_words_up_to(rest, 5) >= 5)
            .then_some(head)
    })
}

/// A title without the site's name around it: "Talks stall | The Lantern" → "Talks stall".
pub(crate) fn clean_title(raw: &str, site_name: Option<&str>) -> String {
    let title = normalize_line(raw);
    const SEPARATORS: [&str; 8] = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / "];
    if let Some(site_name) = site_name
        .map(str::to_lowercase)
        .filter(|name| !name.is_empty())
    {
        let lower = title.to_lowercase();
        for separator in SEPARATORS {
            if let Some(head) = lower.strip_suffix(&format!("{separator}{site_name}"))
                && let Some(kept) = title.get(..head.len())
            {
                return kept.trim().to_string();
            }
            if lower.starts_with(&format!("{site_name}{separator}"))
                && let Some(kept) = title.get(site_name.len() + separator.len()..)
            {
                return kept.trim().to_string();
            }
        }
    }
    // Without a known site name, drop a short last segment after a strong separator, unless
    // it says the page is live coverage ("… – live", "… – as it happened"): that is the
    // headline's.
    const LIVE_COVERAGE: &[&str] = &[
        "live",
        "live updates",
        "live blog",
        "as it happened",
        "latest updates",
        "latest",
    ];
    for separator in [" | ", " :: ", " · ", " — ", " – ", " - "] {
        if let Some((head, tail)) = title.rsplit_once(separator)
            && !LIVE_COVERAGE.contains(&tail.trim().to_lowercase().as_str())
            && boilerplate::count_words_up_to(tail, 4) <= 4
            && boilerplate::count_words_up_to(head, 3) >= 3
        {
            return head.trim().to_string();
        }
    }
    title
}

/// The domain of an absolute URL, without `www.`.
pub(crate) fn domain(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, host)| host);
    let host = host.split(':').next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty()).then_some(host)
}

/// The page's visible text as normalized lines, before Readability takes its part.
fn page_lines(dom: &Dom) -> Vec<String> {
    let body = dom.select("body");
    let text = if body.exists() {
        body.formatted_text()
    } else {
        dom.formatted_text()
    };
    text.split('\n')
        .map(normalize_line)
        .filter(|line| !line.is_empty())
        .take(MAX_PAGE_LINES)
        .collect()
}

/// Whether the JSON-LD `articleBody` should replace what Readability found: when it is long and
/// Readability found much less of it.
fn prefer_article_body(main_text: &str, article_body: &str) -> bool {
    let n_body_words = boilerplate::count_words(article_body);
    if n_body_words < 50 {
        return false;
    }
    let n_main_words = boilerplate::count_words(main_text);
    if n_main_words * 2 < n_body_words {
        return true;
    }
    let main_flat = main_text.split_whitespace().collect::<Vec<_>>().join(" ");
    let sentences: Vec<String> = article_body
        .split_inclusive(['.', '!', '?', '\n'])
        .map(|sentence| sentence.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|sentence| sentence.split(' ').count() >= 6)
        .take(40)
        .collect();
    if sentences.is_empty() {
        return false;
    }
    let n_found = sentences
        .iter()
        .filter(|sentence| main_flat.contains(sentence.as_str()))
        .count();
    n_found * 2 < sentences.len()
}

/// Records the page's lines that are in neither the kept nor the removed text, in page order,
/// at most `config.max_outside_blocks` of them. Lines that have a boilerplate shape get that
/// shape's reason (and an editor's note outside the main content still lands in the notes).
fn record_outside_blocks(
    page_lines: &[String],
    cleaned: &mut Cleaned,
    metadata: &PageMetadata,
    config: &ExtractConfig,
    diagnostics: &mut Vec<Diagnostic>,
    label: &str,
) {
    let kept: HashSet<&str> = cleaned.paragraphs.iter().map(String::as_str).collect();
    let kept_shingles = shingles(&cleaned.paragraphs);
    let removed: HashSet<&str> = cleaned
        .removed
        .iter()
        .map(|block| block.text.as_str())
        .collect();
    let title_key = metadata.title.as_deref().map(boilerplate::lexicon_key);

    let mut outside: Vec<(usize, RemovedBlock)> = Vec::new();
    let mut n_unrecorded = 0;
    let mut notes = Vec::new();
    let mut authors = Vec::new();
    for (line_idx, line) in page_lines.iter().enumerate() {
        if kept.contains(line.as_str()) || removed.contains(line.as_str()) {
            continue;
        }
        let is_recorded = outside.len() < config.max_outside_blocks;
        // A line past the recording limit is classified only for the metadata its shape may
        // carry; most lines cannot carry any, and classifying every line of a long page was the
        // costliest step after parsing.
        if !is_recorded && !boilerplate::may_carry_metadata(line) {
            if !is_kept_piece(line, &kept_shingles) {
                n_unrecorded += 1;
            }
            continue;
        }
        // A piece of a kept paragraph (inline markup can split a paragraph across lines), or a
        // line that opens with kept text.
        if is_kept_piece(line, &kept_shingles) {
            continue;
        }
        let reason = if title_key.as_deref().is_some_and(|title_key| {
            line.len() <= 4 * title_key.len() + 16 && boilerplate::lexicon_key(line) == title_key
        }) {
            RemovalReason::Title
        } else {
            match boilerplate::classify(line) {
                Some(Shape::EditorNote) => {
                    notes.push(line.clone());
                    RemovalReason::EditorNote
                }
                Some(Shape::Byline { authors: found, .. }) => {
                    authors.extend(found);
                    RemovalReason::Byline
                }
                Some(Shape::Syndication { outlet }) => {
                    cleaned.syndicated_from = cleaned.syndicated_from.take().or(outlet);
                    RemovalReason::Syndication
                }
                Some(shape) => shape.reason(),
                None => RemovalReason::OutsideMainContent,
            }
        };
        if is_recorded {
            outside.push((
                line_idx,
                RemovedBlock {
                    text: line.clone(),
                    reason,
                },
            ));
        } else {
            n_unrecorded += 1;
        }
    }
    if n_unrecorded > 0 {
        diagnostics.push(Diagnostic::new(
            Severity::Note,
            label,
            format!(
                "{n_unrecorded} more blocks outside the main content were removed but not recorded"
            ),
        ));
    }
    for note in notes {
        if !cleaned.notes.contains(&note) {
            cleaned.notes.push(note);
        }
    }
    if cleaned.authors.is_empty() && metadata.authors.is_empty() {
        add_authors(&mut cleaned.authors, authors);
    }

    // Merge in page order: a block removed from the main text takes the position of the page
    // line it came from, or stays right after the block before it.
    let positions: HashMap<&str, usize> = page_lines
        .iter()
        .enumerate()
        .rev()
        .map(|(line_idx, line)| (line.as_str(), line_idx))
        .collect();
    let mut merged: Vec<(usize, RemovedBlock)> =
        Vec::with_capacity(cleaned.removed.len() + outside.len());
    let mut position = 0;
    for block in std::mem::take(&mut cleaned.removed) {
        if let Some(&found) = positions.get(block.text.as_str()) {
            position = found;
        }
        merged.push((position, block));
    }
    merged.extend(outside);
    merged.sort_by_key(|(position, _)| *position);
    cleaned.removed = merged.into_iter().map(|(_, block)| block).collect();
}

/// Words per shingle when matching page lines against the kept text.
const SHINGLE_WORDS: usize = 5;
/// Most words of kept text indexed; it bounds memory on huge pages.
const MAX_SHINGLED_WORDS: usize = 500_000;

/// Hashes of every run of [`SHINGLE_WORDS`] consecutive words in the paragraphs, sorted: a page
/// line whose first words are among them is part of the kept text. A lookup keeps this linear
/// where a substring search of every line in the whole text would be quadratic. Each word is
/// hashed once and a window's hash combines its words' hashes.
fn shingles(paragraphs: &[String]) -> Vec<u64> {
    let mut hashes = Vec::new();
    let mut n_words = 0;
    for paragraph in paragraphs {
        let words: Vec<u64> = paragraph.split(' ').map(fnv1a).collect();
        hashes.extend(words.windows(SHINGLE_WORDS).map(combine));
        n_words += words.len();
        if n_words > MAX_SHINGLED_WORDS {
            break;
        }
    }
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

/// Whether `line` opens with words of the kept text, given its [`shingles`].
fn is_kept_piece(line: &str, kept_shingles: &[u64]) -> bool {
    opening_shingle(line).is_some_and(|shingle| kept_shingles.binary_search(&shingle).is_ok())
}

fn opening_shingle(line: &str) -> Option<u64> {
    let words: Vec<u64> = line.split(' ').take(SHINGLE_WORDS).map(fnv1a).collect();
    (words.len() == SHINGLE_WORDS).then(|| combine(&words))
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a: fast on short keys such as words, which is all it hashes here.
fn fnv1a(word: &str) -> u64 {
    word.bytes().fold(FNV_OFFSET, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(FNV_PRIME)
    })
}

/// One hash for a run of words, from their hashes; the order of the words counts.
fn combine(word_hashes: &[u64]) -> u64 {
    word_hashes.iter().fold(FNV_OFFSET, |hash, word| {
        (hash.rotate_left(5) ^ word).wrapping_mul(FNV_PRIME)
    })
}

/// The text of an HTML fragment (a feed item's content) as lines, one per block.
pub(crate) fn fragment_text(html: &str) -> String {
    let scanned = scan::scan(html);
    if scanned.depth > MAX_NESTING_DEPTH {
        return strip_tags(html);
    }
    let dom = Dom::fragment(scanned.html.as_ref());
    dom.select("script, style, noscript, template, svg, iframe")
        .remove();
    dom.formatted_text().to_string()
}

/// Elements whose content is not text.
const SKIPPED_ELEMENTS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "head", "iframe",
];
/// Elements that end a line of text.
const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "article",
    "section",
    "header",
    "footer",
    "blockquote",
    "ul",
    "ol",
    "table",
    "title",
    "figure",
    "figcaption",
    "aside",
    "nav",
    "main",
    "dd",
    "dt",
    "hr",
    "pre",
    "address",
    "form",
];

/// Text from HTML without building a tree, in one linear pass: tags dropped, block tags turned
/// into line breaks, scripts and styles skipped, entities decoded. Used where a tree would be too
/// costly (very deep nesting) or too much (JSON-LD bodies).
pub(crate) fn strip_tags(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut idx = 0;
    while idx < bytes.len() {
        let Some(offset) = bytes[idx..].iter().position(|&byte| byte == b'<') else {
            out.push_str(&html[idx..]);
            break;
        };
        out.push_str(&html[idx..idx + offset]);
        let tag_start = idx + offset;
        if bytes[tag_start..].starts_with(b"<!--") {
            idx = find_from(bytes, tag_start + 4, b"-->").map_or(bytes.len(), |end| end + 3);
            continue;
        }
        let Some(tag_end) = bytes[tag_start..].iter().position(|&byte| byte == b'>') else {
            // A lone "<" in text.
            out.push('<');
            idx = tag_start + 1;
            continue;
        };
        let tag_end = tag_start + tag_end;
        let inner = &html[tag_start + 1..tag_end];
        let closing = inner.starts_with('/');
        let name: String = inner
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        idx = tag_end + 1;
        if name.is_empty() && !closing && !inner.starts_with('!') && !inner.starts_with('?') {
            // Not a tag at all, such as "a < b > c".
            out.push_str(&html[tag_start..=tag_end]);
            continue;
        }
        if !closing && SKIPPED_ELEMENTS.contains(&name.as_str()) && !inner.ends_with('/') {
            let closing_tag = format!("</{name}");
            idx = find_ascii_case_insensitive(bytes, idx, closing_tag.as_bytes())
                .and_then(|found| {
                    bytes[found..]
                        .iter()
                        .position(|&byte| byte == b'>')
                        .map(|end| found + end + 1)
                })
                .unwrap_or(bytes.len());
            continue;
        }
        if BLOCK_ELEMENTS.contains(&name.as_str()) {
            out.push_str(if name == "br" { "\n" } else { "\n\n" });
        }
    }
    decode_entities(&out).into_owned()
}

fn find_from(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|window| window == needle)
        .map(|found| from + found)
}

fn find_ascii_case_insensitive(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
        .map(|found| from + found)
}

/// Decodes character references, numeric and named, that end with ";" ("&amp;", "&#8217;";
/// "&nope;" and "AT&T" stay).
pub(crate) fn decode_entities(text: &str) -> Cow<'_, str> {
    html_escape::decode_html_entities(text)
}

mod prune;
mod scan;

#[cfg(test)]
mod tests;
