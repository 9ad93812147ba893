//! Text a scraper saved as Markdown ("# Headline", "**By Ana Ruiz**", "[Home](…) › [News](…)",
//! "![photo](…)", "> pull quote"): its blocks as plain lines for the line classifier, with the
//! markup gone. pulldown-cmark reads the Markdown; what is dropped here (pictures, a pull quote
//! the body says again) is recorded like every other removal.

use parallax_model::{RemovalReason, RemovedBlock};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// Lines that show Markdown's markup: a heading, a picture, a link, a block quote or a line in
/// bold, and how many of them make a text Markdown. One alone may be a writer's habit.
const MIN_MARKUP_LINES: usize = 3;

/// Whether `text` is Markdown: several of its lines carry Markdown's own markup.
pub(crate) fn looks_like_markdown(text: &str) -> bool {
    text.lines()
        .map(str::trim_start)
        .filter(|line| {
            line.starts_with("# ")
                || line.starts_with("## ")
                || line.starts_with("![")
                || line.starts_with("> ")
                || (line.starts_with("**") && line.trim_end().ends_with("**"))
                || line.contains("](http")
        })
        .take(MIN_MARKUP_LINES)
        .count()
        >= MIN_MARKUP_LINES
}

/// The blocks of `markdown` as plain lines, one block a paragraph (blank lines between), and
/// what was left out: pictures (their alternative text, as captions) and block quotes whose
/// words a paragraph says again (pull quotes).
pub(crate) fn to_text(markdown: &str) -> (String, Vec<RemovedBlock>) {
    let mut blocks: Vec<(String, BlockKind)> = Vec::new();
    let mut current = String::new();
    let mut quote_depth = 0usize;
    let mut in_image = false;
    let mut image_alt = String::new();
    let mut removed = Vec::new();
    let finish = |current: &mut String, kind: BlockKind, blocks: &mut Vec<(String, BlockKind)>| {
        let block = current.split_whitespace().collect::<Vec<_>>().join(" ");
        if !block.is_empty() {
            blocks.push((block, kind));
        }
        current.clear();
    };
    for event in Parser::new(markdown) {
        let kind = if quote_depth > 0 {
            BlockKind::Quote
        } else {
            BlockKind::Text
        };
        match event {
            Event::Start(Tag::Image { .. }) => {
                in_image = true;
                image_alt.clear();
            }
            Event::End(TagEnd::Image) => {
                in_image = false;
                let alt = image_alt.trim();
                removed.push(RemovedBlock {
                    text: alt.to_string(),
                    reason: RemovalReason::Caption,
                });
            }
            Event::Start(Tag::BlockQuote(_)) => {
                finish(&mut current, kind, &mut blocks);
                quote_depth += 1;
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                finish(&mut current, kind, &mut blocks);
                quote_depth = quote_depth.saturating_sub(1);
            }
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::CodeBlock,
            ) => finish(&mut current, kind, &mut blocks),
            Event::Text(text) | Event::Code(text) | Event::InlineHtml(text) | Event::Html(text) => {
                if in_image {
                    image_alt.push_str(&text);
                } else {
                    current.push_str(&text);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if in_image {
                    image_alt.push(' ');
                } else {
                    current.push(' ');
                }
            }
            _ => {}
        }
    }
    finish(&mut current, BlockKind::Text, &mut blocks);

    let mut lines = Vec::with_capacity(blocks.len());
    for (block, kind) in &blocks {
        let pulled = *kind == BlockKind::Quote
            && blocks.iter().any(|(other, other_kind)| {
                *other_kind == BlockKind::Text
                    && other.len() > block.len()
                    && other.contains(unquoted(block))
            });
        if pulled {
            removed.push(RemovedBlock {
                text: block.clone(),
                reason: RemovalReason::Repeated,
            });
        } else {
            lines.push(block.as_str());
        }
    }
    (lines.join("\n\n"), removed)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BlockKind {
    Text,
    Quote,
}

/// `block` without the quotation marks around it, so that a pull quote is found inside the
/// paragraph that quotes it at more length.
fn unquoted(block: &str) -> &str {
    let marks: &[char] = &['"', '“', '”', '\'', '‘', '’'];
    let inner = block.trim_matches(marks);
    // "…waving people on." is said in the body as "…waving people on, even when …".
    inner
        .strip_suffix(['.', ',', '!', '?'])
        .unwrap_or(inner)
        .trim_matches(marks)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCRAPED: &str = "# Ferry bosses face questions\n\n**By Ana Ruiz, Chief Reporter**\n\n[Home](https://x.example/) › [News](https://x.example/news)\n\n![Relatives wait at the quay](https://x.example/a.jpg)\n\nThe ferry left at dawn.\n\n> \"They kept waving people on.\"\n\nA survivor said: \"They kept waving people on, even when there was no room.\"\n\n* [Read more](https://x.example/more)";

    #[test]
    fn markdown_is_recognised_by_its_markup() {
        assert!(looks_like_markdown(SCRAPED));
        assert!(!looks_like_markdown(
            "The ferry left at dawn.\n\n# 1 of 3\n\nNo more markup."
        ));
    }

    #[test]
    fn blocks_become_plain_lines() {
        let (text, removed) = to_text(SCRAPED);
        assert_eq!(
            text,
            "Ferry bosses face questions\n\nBy Ana Ruiz, Chief Reporter\n\nHome › News\n\nThe ferry left at dawn.\n\nA survivor said: \"They kept waving people on, even when there was no room.\"\n\nRead more"
        );
        let removed: Vec<(&str, RemovalReason)> = removed
            .iter()
            .map(|block| (block.text.as_str(), block.reason))
            .collect();
        assert_eq!(
            removed,
            [
                ("Relatives wait at the quay", RemovalReason::Caption),
                ("\"They kept waving people on.\"", RemovalReason::Repeated),
            ]
        );
    }
}
