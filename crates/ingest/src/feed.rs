//! RSS and Atom feeds: one article per item, its text taken from the item's content or summary.

use crate::decode::{looks_binary, normalize_line};
use crate::html;
use crate::text::{self, Options, add_authors};
use crate::{Error, ExtractConfig, Extracted, Metadata, finish};
use parallax_model::{Article, Diagnostic, Document, Origin, Severity};

/// Extracts one article per feed item; items without enough text become warnings.
///
/// Errors with [`Error::Feed`] when the bytes are not a feed, and with [`Error::NoText`] when no
/// item has article text.
pub(crate) fn extract(document: &Document, config: &ExtractConfig) -> Result<Extracted, Error> {
    let label = document.origin.label();
    if looks_binary(&document.bytes) {
        return Err(Error::Binary { input: label });
    }
    let mut diagnostics = Vec::new();
    // feed-rs reads the charset from the XML declaration itself; mojibake is repaired in UTF-8
    // feeds, as `decode` does for pages and text.
    let repaired = std::str::from_utf8(&document.bytes)
        .ok()
        .and_then(crate::mojibake::repair);
    let bytes = match &repaired {
        Some(repaired) => {
            diagnostics.push(Diagnostic::new(
                Severity::Note,
                &label,
                crate::mojibake::note(repaired.places),
            ));
            repaired.text.as_bytes()
        }
        None => document.bytes.as_slice(),
    };
    let feed = feed_rs::parser::parse(bytes).map_err(|error| Error::Feed {
        input: label.clone(),
        reason: crate::error::lowercase_reason(&error.to_string()),
    })?;
    let outlet = feed
        .title
        .as_ref()
        .map(|title| outlet_of_feed_title(&inline_text(&title.content)).to_string())
        .filter(|title| !title.is_empty());
    let feed_language = feed.language.as_deref().and_then(crate::language::from_tag);

    let mut articles = Vec::new();
    let n_items = feed.entries.len();
    for (item_idx, entry) in feed.entries.iter().enumerate() {
        let origin = Origin::FeedItem {
            feed: label.clone(),
            item: item_idx,
        };
        let mut item_diagnostics = Vec::new();
        match item(
            origin,
            entry,
            outlet.as_deref(),
            feed_language.as_deref(),
            config,
            &mut item_diagnostics,
        ) {
            Ok(article) => {
                articles.push(article);
                diagnostics.append(&mut item_diagnostics);
            }
            Err(error) => {
                let mut diagnostic = error.to_diagnostic();
                diagnostic.severity = Severity::Warning;
                diagnostics.push(diagnostic);
            }
        }
    }
    if articles.is_empty() {
        let reason = if n_items == 0 {
            "the feed has no items".to_string()
        } else {
            format!(
                "none of the feed's {n_items} items has {} or more words of text",
                config.min_words
            )
        };
        return Err(Error::NoText {
            input: label,
            reason,
        });
    }
    Ok(Extracted {
        articles,
        diagnostics,
    })
}

/// The outlet a feed's title names: a feed of one section is titled by the outlet and then the
/// section ("Vell Courier: World", "Harbour Notes - Business", "The Lantern | Top stories"), so a
/// part of at most three words after the first separator is left out.
fn outlet_of_feed_title(title: &str) -> &str {
    const SEPARATORS: &[&str] = &[": ", " - ", " – ", " — ", " | ", " > ", " » ", " · "];
    let first_separator = SEPARATORS
        .iter()
        .filter_map(|separator| title.find(separator).map(|at| (at, separator.len())))
        .min();
    match first_separator {
        Some((at, len))
            if at > 0 && crate::boilerplate::count_words_up_to(&title[at + len..], 4) <= 3 =>
        {
            title[..at].trim()
        }
        _ => title,
    }
}

fn item(
    origin: Origin,
    entry: &feed_rs::model::Entry,
    outlet: Option<&str>,
    feed_language: Option<&str>,
    config: &ExtractConfig,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Article, Error> {
    let title = entry
        .title
        .as_ref()
        .map(|title| inline_text(&title.content))
        .filter(|title| !title.is_empty());
    let content = entry
        .content
        .as_ref()
        .and_then(|content| content.body.as_deref());
    let summary = entry
        .summary
        .as_ref()
        .map(|summary| summary.content.as_str());
    // The longer of content and summary: some feeds put the whole text in the summary.
    let body = match (content, summary) {
        (Some(content), Some(summary)) if summary.len() > content.len() => summary,
        (Some(content), _) => content,
        (None, Some(summary)) => summary,
        (None, None) => "",
    };
    let url = entry
        .links
        .iter()
        .find(|link| link.rel.as_deref().is_none_or(|rel| rel == "alternate"))
        .map(|link| link.href.trim().to_string())
        .filter(|href| !href.is_empty());
    let mut authors = Vec::new();
    add_authors(
        &mut authors,
        entry
            .authors
            .iter()
            .filter_map(|person| person.name.clone())
            .collect(),
    );
    let metadata = Metadata {
        title: title.clone(),
        authors,
        published: entry
            .published
            .or(entry.updated)
            .map(|time| time.date_naive()),
        outlet: outlet.map(str::to_string),
        url,
        language: entry
            .language
            .as_deref()
            .and_then(crate::language::from_tag)
            .or(feed_language.map(str::to_string)),
    };

    let lower_head: String = body.chars().take(512).collect::<String>().to_lowercase();
    if lower_head.contains("<html") || lower_head.contains("<!doctype html") {
        // A whole page inside an item: the page path, with its own metadata first.
        let mut article = html::page(origin, body, config, diagnostics)?;
        article.title = article.title.or(metadata.title);
        article.url = article.url.or(metadata.url);
        article.published = article.published.or(metadata.published);
        article.outlet = metadata.outlet.or(article.outlet);
        let mut authors = metadata.authors;
        add_authors(&mut authors, std::mem::take(&mut article.authors));
        article.authors = authors;
        return Ok(article);
    }
    let text = if looks_like_markup(body) {
        html::fragment_text(body)
    } else {
        body.to_string()
    };
    let cleaned = text::clean(
        &text,
        &Options {
            detect_title: false,
            known_title: title.as_deref(),
            unwrap_lines: false,
        },
    );
    finish(origin, cleaned, metadata, config, diagnostics)
}

/// Whether text holds HTML tags.
fn looks_like_markup(text: &str) -> bool {
    text.match_indices('<').take(1000).any(|(idx, _)| {
        text[idx + 1..]
            .chars()
            .next()
            .is_some_and(|next| next.is_ascii_alphabetic() || next == '/' || next == '!')
    })
}

/// Text meant for one line (a title) with any markup dropped.
fn inline_text(text: &str) -> String {
    if looks_like_markup(text) {
        normalize_line(&html::strip_tags(text))
    } else {
        normalize_line(&html::decode_entities(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::DocumentFormat;

    fn document(xml: &str) -> Document {
        Document {
            origin: Origin::File("news.rss".to_string()),
            format: DocumentFormat::Feed,
            bytes: xml.as_bytes().to_vec(),
        }
    }

    const STORY: &str = "Negotiators from the two harbour towns met again on Tuesday and agreed to extend the fishing truce for another month, the mayor of Vell said in a statement.";

    #[test]
    fn mojibake_in_a_feed_is_repaired() {
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>The Vell Courier</title>
<item><title>Truce extended at the cafÃ©</title><description>{STORY} Mayor FranÃ§ois Ruiz agreed.</description></item>
</channel></rss>"#
        );
        let extracted = extract(&document(&xml), &ExtractConfig::new()).expect("a feed");
        let article = &extracted.articles[0];
        assert_eq!(article.title.as_deref(), Some("Truce extended at the café"));
        assert!(
            article.text.ends_with("Mayor François Ruiz agreed."),
            "{}",
            article.text
        );
        assert!(
            extracted.diagnostics[0]
                .message
                .contains("repaired at 2 places")
        );
    }

    #[test]
    fn rss_items_become_articles() {
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>The Vell Courier</title><link>https://courier.example/</link><language>en-gb</language>
<item><title>Truce extended</title><link>https://courier.example/truce</link>
<pubDate>Tue, 10 Jan 2023 09:00:00 GMT</pubDate><dc:creator>Mara Quill</dc:creator>
<description>Short teaser.</description>
<content:encoded><![CDATA[<p>{STORY}</p><p>Read more</p><p>Both sides will meet again in February to discuss quotas for the winter season.</p>]]></content:encoded></item>
<item><title>Teaser only</title><description>Too short.</description></item>
</channel></rss>"#
        );
        let extracted = extract(&document(&xml), &ExtractConfig::new()).expect("a feed");
        assert_eq!(extracted.articles.len(), 1);
        let article = &extracted.articles[0];
        assert_eq!(
            article.origin,
            Origin::FeedItem {
                feed: "news.rss".to_string(),
                item: 0
            }
        );
        assert_eq!(article.title.as_deref(), Some("Truce extended"));
        assert_eq!(
            article.url.as_deref(),
            Some("https://courier.example/truce")
        );
        assert_eq!(article.authors, ["Mara Quill"]);
        assert_eq!(article.outlet.as_deref(), Some("The Vell Courier"));
        assert_eq!(
            article.published,
            chrono::NaiveDate::from_ymd_opt(2023, 1, 10)
        );
        assert_eq!(article.language.as_deref(), Some("en"));
        assert_eq!(
            article.text,
            format!(
                "{STORY}\n\nBoth sides will meet again in February to discuss quotas for the winter season."
            )
        );
        assert_eq!(extracted.diagnostics.len(), 1);
        assert_eq!(extracted.diagnostics[0].input, "news.rss#item1");
        assert_eq!(extracted.diagnostics[0].severity, Severity::Warning);
    }

    #[test]
    fn atom_entries_become_articles() {
        let xml = format!(
            r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Notes</title><id>urn:x</id><updated>2023-01-11T00:00:00Z</updated>
<entry><title>Quotas agreed</title><id>urn:y</id><updated>2023-01-11T08:00:00Z</updated>
<author><name>Ode Fenn</name></author><link href="https://notes.example/quotas"/>
<content type="text">{STORY}</content></entry></feed>"#
        );
        let extracted = extract(&document(&xml), &ExtractConfig::new()).expect("a feed");
        let article = &extracted.articles[0];
        assert_eq!(article.text, STORY);
        assert_eq!(article.authors, ["Ode Fenn"]);
        assert_eq!(article.outlet.as_deref(), Some("Harbour Notes"));
        assert_eq!(
            article.published,
            chrono::NaiveDate::from_ymd_opt(2023, 1, 11)
        );
    }

    /// Extracts the one item of an RSS feed whose `<author>` element is `author`, and checks
    /// the authors found.
    fn check_rss_author(author: &str, expected: &[&str]) {
        let xml = format!(
            r#"<rss version="2.0"><channel><title>Vell Wire</title>
<item><title>Quotas agreed</title><author>{author}</author><description>{STORY}</description></item>
</channel></rss>"#
        );
        let extracted = extract(&document(&xml), &ExtractConfig::new()).expect("a feed");
        assert_eq!(extracted.articles[0].authors, expected, "{author:?}");
    }

    #[test]
    fn rss_author_addresses_give_names() {
        check_rss_author("desk@wire.example (Ilse Marr)", &["Ilse Marr"]);
        check_rss_author("Ilse Marr &lt;desk@wire.example&gt;", &["Ilse Marr"]);
        check_rss_author("desk@wire.example", &[]);
    }

    #[test]
    fn broken_feed_is_an_error() {
        let error = extract(
            &document("<rss><channel><item><title>x</ti"),
            &ExtractConfig::new(),
        )
        .expect_err("broken");
        assert!(
            matches!(error, Error::Feed { .. } | Error::NoText { .. }),
            "{error}"
        );
        assert_eq!(error.input(), "news.rss");
        let error =
            extract(&document("<rss><channel><item>"), &ExtractConfig::new()).expect_err("broken");
        assert_eq!(error.input(), "news.rss");
        let error =
            extract(&document("plainly not xml"), &ExtractConfig::new()).expect_err("broken");
        assert!(
            error
                .to_string()
                .starts_with("news.rss: not a readable feed: "),
            "{error}"
        );
    }

    #[test]
    fn empty_feed_is_no_text() {
        let xml = r#"<rss version="2.0"><channel><title>Empty</title></channel></rss>"#;
        let error = extract(&document(xml), &ExtractConfig::new()).expect_err("empty");
        assert_eq!(
            error.to_string(),
            "news.rss: no article text: the feed has no items"
        );
    }

    #[test]
    fn a_feed_of_one_section_names_its_outlet() {
        assert_eq!(outlet_of_feed_title("Vell Courier: World"), "Vell Courier");
        assert_eq!(
            outlet_of_feed_title("Harbour Notes - Top stories"),
            "Harbour Notes"
        );
        assert_eq!(
            outlet_of_feed_title("The Lantern | Business news"),
            "The Lantern"
        );
        assert_eq!(outlet_of_feed_title("The Vell Courier"), "The Vell Courier");
        // A long part after the separator is the outlet's own name, not a section.
        assert_eq!(
            outlet_of_feed_title("Notes: from the harbour front to the hills"),
            "Notes: from the harbour front to the hills"
        );
    }
}
