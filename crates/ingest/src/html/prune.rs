//! Pruning a page before main-content extraction: elements that are never article text by what
//! they are (figures and their captions, asides, navigation) or by the names a site gives them
//! (`class="related-stories"`, `id="share-bar"`), removed from the tree.
//!
//! Readability scores whole containers and keeps everything inside the best one, so a caption,
//! a gallery or a "more stories" box set inside the article body comes out as article text. This
//! step removes them first. Every removed element's text is still among the page's lines, so it
//! is recorded as removed like the rest of the page outside the main content.

use dom_query::{Document as Dom, NodeData, NodeRef, local_name};

/// Elements that never hold article text.
const PRUNED_ELEMENTS: &[&str] = &[
    "figure",
    "figcaption",
    "aside",
    "nav",
    "footer",
    "form",
    "button",
    "select",
    "dialog",
];

/// Whether `part` (lowercase ASCII) is a word that, as a whole part of an element's class or id
/// (parts are split at `-`, `_` and spaces), marks an element holding no article text. Parts are
/// compared whole so that `commentary` or `shared-content` do not match `comment` or `share`. A
/// news dateline (`<span class="dateline">VELL, May 3 -</span>`) opens the first paragraph and
/// stays.
fn is_pruned_word(part: &[u8]) -> bool {
    matches!(
        part,
        b"caption"
            | b"captions"
            | b"credit"
            | b"credits"
            | b"gallery"
            | b"slideshow"
            | b"carousel"
            | b"related"
            | b"share"
            | b"sharing"
            | b"sharebar"
            | b"social"
            | b"newsletter"
            | b"promo"
            | b"cta"
            | b"advert"
            | b"advertisement"
            | b"ad"
            | b"ads"
            | b"sponsor"
            | b"sponsored"
            | b"sidebar"
            | b"comments"
            | b"byline"
            | b"timestamp"
            | b"breadcrumb"
            | b"breadcrumbs"
            | b"tags"
            | b"subscribe"
            | b"subscription"
            | b"signup"
            | b"popup"
            | b"modal"
            | b"tooltip"
            | b"hovercard"
            | b"outbrain"
            | b"taboola"
            | b"recirc"
            | b"recommended"
            | b"trending"
            | b"popular"
            | b"readmore"
            | b"toolbar"
            | b"paywall"
            | b"cookie"
            | b"consent"
            | b"hidden"
            | b"visually"
            | b"sr"
    )
}

/// Bytes in the longest word [`is_pruned_word`] knows.
const MAX_PRUNED_WORD_LEN: usize = 13;

/// An element holding more than this share of the page's paragraph text (the text inside `<p>`
/// elements) is never pruned, whatever its name: it is a wrapper (`<div class="page
/// and-w-sidebar">`) around the article, not a box beside it. Paragraph text rather than all
/// text, because menus and link lists can outweigh a short article.
const MAX_PRUNED_SHARE: f64 = 0.3;

/// Paragraph characters (not counting whitespace) that must come before a "related" heading for
/// it to end the article: one at the top of a page heads a list, not the end of an article.
const MIN_CHARS_BEFORE_RELATED: usize = 400;

/// Most elements looked at; past it, the rest of the page is left as it is, which keeps the cost
/// linear on huge pages.
const MAX_ELEMENTS: usize = 50_000;

/// Removes the elements of `dom` that are never article text; returns how many were removed.
pub(crate) fn prune(dom: &Dom) -> usize {
    let body = dom.select("body");
    let Some(body_node) = body.nodes().first().cloned() else {
        return 0;
    };
    let n_page_chars = paragraph_chars(&body_node).max(1);
    let mut pruned: Vec<NodeRef<'_>> = Vec::new();
    // Paragraph text met so far, in document order: a "related" heading ends the article only
    // after some of it.
    let mut n_chars_before = 0;
    let mut related_block = Vec::new();
    for node in body_node.descendants_it().take(MAX_ELEMENTS) {
        // Counted only until there is enough: it reads the text of every paragraph.
        if n_chars_before < MIN_CHARS_BEFORE_RELATED && is_named(&node, "p") {
            n_chars_before += paragraph_chars(&node);
        }
        // An element inside one already chosen goes with it. The chosen ones are in document
        // order, but a related block's siblings are chosen ahead of their insides.
        let inside_chosen = || {
            node.ancestors_it(None).any(|ancestor| {
                pruned.last().is_some_and(|last| ancestor.id == last.id)
                    || related_block.contains(&ancestor.id)
            })
        };
        if n_chars_before >= MIN_CHARS_BEFORE_RELATED
            && is_related_heading(&node)
            && !inside_chosen()
        {
            // The heading and the teasers after it: its following siblings, up to a bare
            // paragraph, which would be the article going on.
            let mut block = vec![node];
            let mut sibling = node.next_element_sibling();
            while let Some(next) = sibling {
                if is_named(&next, "p") {
                    break;
                }
                sibling = next.next_element_sibling();
                block.push(next);
            }
            related_block.extend(block.iter().map(|chosen| chosen.id));
            pruned.extend(block);
            continue;
        }
        if !node.is_element() || !is_prunable(&node) || inside_chosen() {
            continue;
        }
        let share = paragraph_chars(&node) as f64 / n_page_chars as f64;
        if share <= MAX_PRUNED_SHARE {
            pruned.push(node);
        }
    }
    for node in &pruned {
        node.remove_from_parent();
    }
    pruned.len()
}

/// Characters, not counting whitespace, of the text inside `<p>` elements under `node` (or of
/// `node` itself when it is one).
fn paragraph_chars(node: &NodeRef<'_>) -> usize {
    // The text nodes are counted where they are: this runs for every element that may be
    // pruned, and copying each paragraph's text out cost more than counting it.
    let count = |paragraph: &NodeRef<'_>| -> usize {
        paragraph
            .descendants_it()
            .filter_map(|descendant| {
                descendant.query(|tree_node| match &tree_node.data {
                    NodeData::Text { contents } => non_whitespace_chars(contents),
                    _ => 0,
                })
            })
            .sum()
    };
    if is_named(node, "p") {
        return count(node);
    }
    node.descendants_it()
        .filter(|descendant| is_named(descendant, "p"))
        .map(|paragraph| count(&paragraph))
        .sum()
}

/// Whether `node` is a heading that announces other articles ("You may also like", "Leia
/// também"): the boilerplate lexicon's related markers.
fn is_related_heading(node: &NodeRef<'_>) -> bool {
    let is_heading = node.element_ref().is_some_and(|element| {
        let name: &str = &element.name.local;
        ["h2", "h3", "h4", "h5", "h6"]
            .iter()
            .any(|heading| name.eq_ignore_ascii_case(heading))
    });
    is_heading
        && matches!(
            crate::boilerplate::classify(&node.text()),
            Some(crate::boilerplate::Shape::RelatedMarker)
        )
}

/// Whether the inline element `node` is a card that pops up over a name (a person's photo and
/// links to other articles): it holds a picture and two or more links, does not open with a
/// link (the element holding both the name it pops up over and the card opens with the name),
/// and its text is nearly all link text. A run of the article's text holds no picture, or text
/// of its own; an avatar beside an author's name has one link.
fn is_hover_card(node: &NodeRef<'_>) -> bool {
    let mut n_links = 0;
    let mut n_link_chars = 0;
    let mut has_picture = false;
    for inside in node.descendants_it().take(MAX_HOVER_CARD_ELEMENTS) {
        if is_named(&inside, "a") {
            n_links += 1;
            n_link_chars += non_whitespace_chars(&inside.text());
        } else if is_named(&inside, "img") {
            has_picture = true;
        }
    }
    has_picture
        && n_links >= 2
        && !node
            .children_it(false)
            .find(NodeRef::is_element)
            .is_some_and(|first| is_named(&first, "a"))
        && n_link_chars as f64
            >= MIN_HOVER_CARD_LINK_SHARE * non_whitespace_chars(&node.text()) as f64
}

fn non_whitespace_chars(text: &str) -> usize {
    text.chars().filter(|ch| !ch.is_whitespace()).count()
}

/// The least share of a hover card's text that is link text.
const MIN_HOVER_CARD_LINK_SHARE: f64 = 0.8;

/// Elements of an inline element looked at to tell a hover card.
const MAX_HOVER_CARD_ELEMENTS: usize = 200;

/// Whether `node` is an element named `name`; the name is compared in place, not copied.
fn is_named(node: &NodeRef<'_>, name: &str) -> bool {
    node.element_ref()
        .is_some_and(|element| (*element.name.local).eq_ignore_ascii_case(name))
}

fn is_prunable(node: &NodeRef<'_>) -> bool {
    // The element is borrowed once, and its name and attributes read in place: this runs on
    // every element of the page.
    let Some(element) = node.element_ref() else {
        return false;
    };
    let name: &str = &element.name.local;
    let is = |names: &[&str]| names.iter().any(|known| name.eq_ignore_ascii_case(known));
    if is(PRUNED_ELEMENTS) {
        return true;
    }
    if is(&["body", "html", "main", "article"]) {
        return false;
    }
    if element.attr_ref(local_name!("hidden")).is_some()
        || element
            .attr_ref(local_name!("aria-hidden"))
            .is_some_and(|value| value.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    if name.eq_ignore_ascii_case("p") && is_link_paragraph(node) {
        return true;
    }
    if name.eq_ignore_ascii_case("span") && is_hover_card(node) {
        return true;
    }
    let class = element.attr_ref(local_name!("class")).unwrap_or_default();
    let id = element.attr_ref(local_name!("id")).unwrap_or_default();
    has_pruned_part(class) || has_pruned_part(id)
}

/// Most words of a paragraph that is only a link to another article; a longer linked paragraph
/// is more likely article text that happens to be linked.
const MAX_LINK_PARAGRAPH_WORDS: usize = 20;

/// Whether a paragraph is only a link to another article, set in the body between paragraphs:
/// "SEE MORE: Harbour strike enters third week", a headline in capitals. All of its text is link
/// text, and it is short.
fn is_link_paragraph(paragraph: &NodeRef<'_>) -> bool {
    let text = paragraph.text();
    let n_words = crate::boilerplate::count_words(&text);
    // A bare address is a reference the article gives, not a teaser for another article.
    let is_address = text.contains("://") || text.contains("www.");
    if n_words == 0 || n_words > MAX_LINK_PARAGRAPH_WORDS || is_address {
        return false;
    }
    let n_chars = text.chars().filter(|ch| !ch.is_whitespace()).count();
    let n_link_chars: usize = paragraph
        .descendants_it()
        .filter(|descendant| is_named(descendant, "a"))
        .map(|link| link.text().chars().filter(|ch| !ch.is_whitespace()).count())
        .sum();
    n_link_chars * 10 >= n_chars * 9
}

/// Whether a class or id names a box that holds no article text. Names are split into parts at
/// spaces, `-`, `_` and lowercase-to-uppercase steps (`newsCaption` is `news` and `caption`).
fn has_pruned_part(names: &str) -> bool {
    // Parts are slices of `names`, lowercased on the stack: every listed word is ASCII, and a
    // page has thousands of class names, so nothing is allocated per part.
    let is_pruned = |part: &str| {
        let mut lowercase = [0u8; MAX_PRUNED_WORD_LEN];
        let Some(lowercase) = lowercase.get_mut(..part.len()) else {
            return false;
        };
        lowercase.copy_from_slice(part.as_bytes());
        lowercase.make_ascii_lowercase();
        is_pruned_word(lowercase)
    };
    let mut start = 0;
    let mut previous_lowercase = false;
    if names.is_ascii() {
        // Nearly every class and id is ASCII: its bytes are its characters, and the ASCII
        // classes below are what `char`'s Unicode ones give for them, at a fraction of the cost.
        for (idx, byte) in names.bytes().enumerate() {
            let boundary = matches!(byte, b' ' | b'\t'..=b'\r' | b'-' | b'_');
            if boundary || (previous_lowercase && byte.is_ascii_uppercase()) {
                if is_pruned(&names[start..idx]) {
                    return true;
                }
                start = if boundary { idx + 1 } else { idx };
            }
            previous_lowercase = byte.is_ascii_lowercase();
        }
        return is_pruned(&names[start..]);
    }
    for (idx, ch) in names.char_indices() {
        let boundary = ch.is_whitespace() || ch == '-' || ch == '_';
        if boundary || (previous_lowercase && ch.is_uppercase()) {
            if is_pruned(&names[start..idx]) {
                return true;
            }
            start = if boundary { idx + ch.len_utf8() } else { idx };
        }
        previous_lowercase = ch.is_lowercase();
    }
    is_pruned(&names[start..])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Prunes `body` and compares the text left with `expected`, whitespace normalized.
    fn check(body: &str, expected: &str) {
        let dom = Dom::from(format!("<html><body>{body}</body></html>"));
        prune(&dom);
        let text = dom.select("body").formatted_text();
        let text: Vec<&str> = text.split_whitespace().collect();
        assert_eq!(text.join(" "), expected);
    }

    const ARTICLE: &str = "<p>Negotiators met again on Tuesday and agreed to extend the truce for another month, and both towns welcomed the news.</p><p>The agreement covers the northern bay and its three islands, officials said after the talks.</p>";

    #[test]
    fn figures_and_named_boxes_go() {
        check(
            &format!(
                "<article><figure><img src=x><figcaption>The quay at dawn. Credit: Ilse Marr</figcaption></figure>{ARTICLE}<div class=\"related-stories\"><a>Storm hits cape</a></div><span class=\"image-credit\">Photo: Ode Fenn</span></article>"
            ),
            "Negotiators met again on Tuesday and agreed to extend the truce for another month, and both towns welcomed the news. The agreement covers the northern bay and its three islands, officials said after the talks.",
        );
    }

    #[test]
    fn names_are_matched_by_whole_parts() {
        check(
            &format!("<div class=\"commentary-body shared-content\">{ARTICLE}</div>"),
            "Negotiators met again on Tuesday and agreed to extend the truce for another month, and both towns welcomed the news. The agreement covers the northern bay and its three islands, officials said after the talks.",
        );
    }

    #[test]
    fn paragraphs_that_are_only_a_short_link_go() {
        check(
            &format!(
                "{ARTICLE}<p><strong><a href=\"/storm\">SEE MORE: Storm hits the cape</a></strong></p><p>Sources: <a href=\"https://vell.example/report\">https://vell.example/report</a></p><p>The <a href=\"/mayor\">mayor</a> spoke last.</p>"
            ),
            "Negotiators met again on Tuesday and agreed to extend the truce for another month, and both towns welcomed the news. The agreement covers the northern bay and its three islands, officials said after the talks. Sources: https://vell.example/report The mayor spoke last.",
        );
    }

    #[test]
    fn camel_case_names_are_split() {
        check(
            &format!("{ARTICLE}<span class=\"newsCaption\">The quay at dawn</span>"),
            "Negotiators met again on Tuesday and agreed to extend the truce for another month, and both towns welcomed the news. The agreement covers the northern bay and its three islands, officials said after the talks.",
        );
        assert!(!has_pruned_part("Adventure"));
        assert!(has_pruned_part("storyAd"));
    }

    #[test]
    fn a_wrapper_with_most_of_the_text_stays() {
        check(
            &format!("<div class=\"layout has-sidebar\">{ARTICLE}</div><nav>Home</nav>"),
            "Negotiators met again on Tuesday and agreed to extend the truce for another month, and both towns welcomed the news. The agreement covers the northern bay and its three islands, officials said after the talks.",
        );
    }
}
