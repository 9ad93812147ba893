//! Cleaning text into article paragraphs: splitting into units, finding the title, and removing
//! boilerplate with the rules that depend on position (repeats, related-link blocks, the closing
//! signature). Plain text comes here directly; HTML and feeds come here with their main text.

use crate::boilerplate::{
    self, Shape, count_words_up_to, ends_like_sentence, is_headline_like, lexicon_key,
};
use crate::decode::{normalize_line, unify_newlines};
use crate::html;
use chrono::NaiveDate;
use parallax_model::{RemovalReason, RemovedBlock};
use std::borrow::Cow;
use std::collections::HashMap;

/// How [`clean`] treats its input.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Options<'a> {
    /// Take the first unit as the title when it looks like a headline (plain text).
    pub(crate) detect_title: bool,
    /// The title already known from metadata; units repeating it are removed.
    pub(crate) known_title: Option<&'a str>,
    /// Join lines that look hard-wrapped into one paragraph (plain text; an HTML extractor's
    /// lines are never wrapped).
    pub(crate) unwrap_lines: bool,
}

/// Paragraphs of article text, what was removed, and the metadata found on the way.
#[derive(Debug, Default)]
pub(crate) struct Cleaned {
    /// Normalized paragraphs, none empty and none with a newline.
    pub(crate) paragraphs: Vec<String>,
    pub(crate) removed: Vec<RemovedBlock>,
    pub(crate) notes: Vec<String>,
    pub(crate) title: Option<String>,
    pub(crate) authors: Vec<String>,
    pub(crate) published: Option<NaiveDate>,
    pub(crate) outlet: Option<String>,
    /// The outlet a syndication credit line named.
    pub(crate) syndicated_from: Option<String>,
}

/// A date line within this many units of the top gives the publication date; lower down it is
/// more likely an update stamp or a comment's date, so it is only removed.
const DATE_LINE_TOP_UNITS: usize = 8;

/// Cleans `text` into paragraphs.
///
/// Units are the text's lines, except that lines of a hard-wrapped paragraph are joined when
/// `options.unwrap_lines` is set; blank lines only separate. Each unit is either kept whole or
/// removed whole, and every removal is recorded with its reason.
pub(crate) fn clean(text: &str, options: &Options<'_>) -> Cleaned {
    let units = units(text, options.unwrap_lines);
    let mut cleaned = Cleaned::default();
    let mut decisions: Vec<Option<RemovalReason>> = vec![None; units.len()];

    if options.detect_title
        && let Some(title_idx) = title_unit(&units)
    {
        cleaned.title = Some(units[title_idx].clone());
        decisions[title_idx] = Some(RemovalReason::Title);
        if title_idx > 0 && looks_like_title(&units[0]) && !is_kicker(&units[0]) {
            decisions[0] = Some(RemovalReason::OutsideMainContent);
        }
    }
    let title_key = cleaned
        .title
        .as_deref()
        .or(options.known_title)
        .map(lexicon_key)
        .filter(|key| !key.is_empty());

    let mut occurrences: HashMap<&str, Vec<usize>> = HashMap::new();
    for (unit_idx, unit) in units.iter().enumerate() {
        occurrences.entry(unit.as_str()).or_default().push(unit_idx);
    }

    let mut in_related_block = false;
    let mut in_advert = false;
    let mut summary_disclaimers = Vec::new();
    for (unit_idx, unit) in units.iter().enumerate() {
        if decisions[unit_idx].is_some() {
            continue;
        }
        if let Some(title_key) = &title_key
            && unit.len() <= 4 * title_key.len() + 16
            && lexicon_key(unit) == *title_key
        {
            decisions[unit_idx] = Some(RemovalReason::Title);
            continue;
        }
        if let Some(shape) = boilerplate::classify(unit) {
            decisions[unit_idx] = Some(shape.reason());
            in_advert = boilerplate::is_advert_label(unit);
            match shape {
                Shape::EditorNote if !cleaned.notes.contains(unit) => {
                    cleaned.notes.push(unit.clone());
                }
                Shape::Byline { authors, published } => {
                    add_authors(&mut cleaned.authors, authors);
                    cleaned.published = cleaned.published.or(published);
                }
                Shape::DateLine { published } if unit_idx < DATE_LINE_TOP_UNITS => {
                    cleaned.published = cleaned.published.or(published);
                }
                Shape::RunningHeader { outlet, published } => {
                    cleaned.published = cleaned.published.or(published);
                    cleaned.outlet = cleaned.outlet.take().or(outlet);
                }
                Shape::RelatedMarker => in_related_block = true,
                Shape::Syndication { outlet } => {
                    cleaned.syndicated_from = cleaned.syndicated_from.take().or(outlet);
                }
                _ => {}
            }
            continue;
        }
        // The lines of an advertisement under its label, up to the first sentence: "QUAYSIDE
        // MOTORS · Spring servicing now booking".
        if (options.unwrap_lines && is_kicker(unit)) || (in_advert && is_headline_like(unit)) {
            decisions[unit_idx] = Some(RemovalReason::Widget);
            continue;
        }
        in_advert = false;
        // "Shipping Correspondent" under "By Ana Ruiz".
        if unit_idx > 0
            && decisions[unit_idx - 1] == Some(RemovalReason::Byline)
            && count_words_up_to(unit, 5) <= 4
            && !ends_like_sentence(unit)
            && boilerplate::names_a_newsroom(unit)
        {
            decisions[unit_idx] = Some(RemovalReason::Byline);
            continue;
        }
        // "Ana Ruiz, Ledger Radio Service" under the headline, before any article text.
        if unit_idx < DATE_LINE_TOP_UNITS
            && decisions[..unit_idx].iter().all(Option::is_some)
            && let Some((name, Some(outlet))) = boilerplate::signature(unit)
            && boilerplate::names_a_newsroom(&outlet)
        {
            decisions[unit_idx] = Some(RemovalReason::Byline);
            add_authors(&mut cleaned.authors, vec![name]);
            continue;
        }
        if boilerplate::is_summary_disclaimer(unit) {
            summary_disclaimers.push(unit_idx);
            continue;
        }
        // The headlines listed after a "Related" or "Previous Article" marker, up to the first
        // unit that reads like a sentence.
        if in_related_block && is_headline_like(unit) {
            decisions[unit_idx] = Some(RemovalReason::Related);
            continue;
        }
        in_related_block = false;

        let copies = occurrences
            .get(unit.as_str())
            .map_or(&[][..], Vec::as_slice);
        if copies.len() > 1 {
            if repeat_is_boilerplate(unit, copies) {
                for &copy_idx in copies {
                    decisions[copy_idx] = Some(RemovalReason::Repeated);
                }
            } else if copies.first() != Some(&unit_idx) {
                decisions[unit_idx] = Some(RemovalReason::Repeated);
            }
        }
    }

    // A short unit right over a bare photo credit ("Picture: LEDGER PHOTO DESK") is the
    // picture's caption, which print text sets apart from its credit.
    for unit_idx in 1..units.len() {
        let credit = &units[unit_idx];
        let captioned = &units[unit_idx - 1];
        if decisions[unit_idx] == Some(RemovalReason::Caption)
            && decisions[unit_idx - 1].is_none()
            && boilerplate::is_bare_credit(credit)
            && count_words_up_to(captioned, 31) <= 30
            && !captioned.contains(['"', '“', '”'])
        {
            decisions[unit_idx - 1] = Some(RemovalReason::Caption);
        }
    }
    resolve_summary_disclaimers(&summary_disclaimers, &units, &mut decisions);
    trim_trailing_promotions(&units, &mut decisions);

    // A signature closing the article: "Firstname Lastname, Outlet".
    if let Some(last_kept) = decisions.iter().rposition(Option::is_none)
        && decisions
            .iter()
            .filter(|decision| decision.is_none())
            .count()
            > 1
        && let Some((name, outlet)) = boilerplate::signature(&units[last_kept])
    {
        decisions[last_kept] = Some(RemovalReason::Byline);
        add_authors(&mut cleaned.authors, vec![name]);
        cleaned.outlet = outlet;
    }

    for (unit, decision) in units.into_iter().zip(decisions) {
        match decision {
            None => cleaned.paragraphs.push(without_stray_full_stops(unit)),
            Some(reason) => cleaned.removed.push(RemovedBlock { text: unit, reason }),
        }
    }
    cleaned
}

/// Removes the lines that speak about a machine-made summary where summary widgets sit: next to
/// a widget, or with no article text on one side of them. Elsewhere such a line is a sentence of
/// the article and stays; a later copy of a kept one is removed as repeated.
fn resolve_summary_disclaimers(
    candidates: &[usize],
    units: &[String],
    decisions: &mut [Option<RemovalReason>],
) {
    let is_widget = |decision: Option<&Option<RemovalReason>>| {
        matches!(decision, Some(Some(RemovalReason::Widget)))
    };
    let mut is_candidate = vec![false; decisions.len()];
    for &unit_idx in candidates {
        if let Some(flag) = is_candidate.get_mut(unit_idx) {
            *flag = true;
        }
    }
    // Article paragraphs before each unit, counted before any candidate is resolved, so the
    // order of candidates does not matter.
    let mut n_kept_before = Vec::with_capacity(decisions.len());
    let mut n_kept_total = 0;
    for (decision, candidate) in decisions.iter().zip(&is_candidate) {
        n_kept_before.push(n_kept_total);
        if decision.is_none() && !candidate {
            n_kept_total += 1;
        }
    }
    let mut kept: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut removals = Vec::new();
    for &unit_idx in candidates {
        let next_to_widget = unit_idx
            .checked_sub(1)
            .is_some_and(|previous| is_widget(decisions.get(previous)))
            || is_widget(decisions.get(unit_idx + 1));
        let n_before = n_kept_before.get(unit_idx).copied().unwrap_or(0);
        let at_edge = n_before == 0 || n_before == n_kept_total;
        let unit = units.get(unit_idx).map_or("", String::as_str);
        if next_to_widget || at_edge {
            removals.push((unit_idx, RemovalReason::Widget));
        } else if !kept.insert(unit) {
            removals.push((unit_idx, RemovalReason::Repeated));
        }
    }
    for (unit_idx, reason) in removals {
        if let Some(decision) = decisions.get_mut(unit_idx) {
            *decision = Some(reason);
        }
    }
}

/// Most paragraphs at the end of an article that [`trim_trailing_promotions`] removes.
const MAX_TRAILING_PROMOTIONS: usize = 3;

/// Removes the site's promotions that close an article ("Follow him on Twitter", "Sign up for
/// our newsletter …"): the last kept paragraphs, up to [`MAX_TRAILING_PROMOTIONS`] of them, while
/// each is one. A paragraph before them that is not stops the trimming, so nothing inside the
/// article body is touched, and at least one paragraph always stays.
fn trim_trailing_promotions(units: &[String], decisions: &mut [Option<RemovalReason>]) {
    let kept: Vec<usize> = (0..units.len())
        .filter(|&unit_idx| decisions[unit_idx].is_none())
        .collect();
    for &unit_idx in kept.iter().skip(1).rev().take(MAX_TRAILING_PROMOTIONS) {
        if !boilerplate::is_promotion(&units[unit_idx]) {
            break;
        }
        decisions[unit_idx] = Some(RemovalReason::Widget);
    }
}

/// Adds authors not already present (compared without case).
pub(crate) fn add_authors(authors: &mut Vec<String>, new_authors: Vec<String>) {
    for author in new_authors {
        let Some(author) = boilerplate::author_name(&author) else {
            continue;
        };
        let author = boilerplate::as_written_in_titles(
            &normalize_line(boilerplate::strip_by(&author)),
            false,
        );
        if author.is_empty() || author.chars().count() > 100 {
            continue;
        }
        if !authors
            .iter()
            .any(|known| known.to_lowercase() == author.to_lowercase())
        {
            authors.push(author);
        }
    }
}

/// Splits text into normalized units: lines, or whole hard-wrapped paragraphs.
fn units(text: &str, unwrap_lines: bool) -> Vec<String> {
    let text = without_leftover_entities(unify_newlines(text));
    let width = unwrap_lines.then(|| wrap_width(&text)).flatten();
    let mut units = Vec::new();
    let mut block: Vec<String> = Vec::new();
    let flush = |block: &mut Vec<String>, units: &mut Vec<String>| {
        if let Some(width) = width {
            units.extend(unwrapped(block, width));
            block.clear();
        } else if unwrap_lines && is_hard_wrapped(block) {
            units.push(block.join(" "));
            block.clear();
        } else {
            units.append(block);
        }
    };
    for raw_line in text.split('\n') {
        let line = normalize_line(raw_line);
        if line.is_empty() {
            flush(&mut block, &mut units);
        } else {
            block.push(line);
        }
    }
    flush(&mut block, &mut units);
    units
}

/// Text with the character references a scraper or CMS left in it decoded ("don&#8217;t",
/// "&quot;No&quot;", "AT&amp;T"), twice where they were escaped twice ("&amp;#8217;"). No
/// article means "&amp;" literally, and a page's own references were decoded by its parser, so
/// what is left is escaping applied once too often.
fn without_leftover_entities(text: Cow<'_, str>) -> Cow<'_, str> {
    if !text.contains('&') {
        return text;
    }
    let Cow::Owned(once) = html::decode_entities(&text) else {
        return text;
    };
    Cow::Owned(html::decode_entities(&once).into_owned())
}

/// Whether the lines of a block are one paragraph wrapped at a fixed width: every line at most
/// 100 characters, the lines before the last of similar length (50 or more, within 25 of each
/// other), and most of them ending mid-sentence.
/// The width a whole text is hard-wrapped at, as a print edition's or an e-mail's text is: at
/// least [`MIN_WRAPPED_LINES`] lines that another line follows in their paragraph, most of them
/// filled to within [`WRAP_SLACK`] characters of the longest (at most 100).
fn wrap_width(text: &str) -> Option<usize> {
    const MIN_WRAPPED_LINES: usize = 8;
    let mut continued: Vec<usize> = Vec::new();
    let mut lines = text.split('\n').map(str::trim).peekable();
    while let Some(line) = lines.next() {
        if !line.is_empty() && lines.peek().is_some_and(|next| !next.is_empty()) {
            continued.push(line.chars().count());
        }
    }
    let width = continued
        .iter()
        .copied()
        .filter(|&length| length <= 100)
        .max()?;
    let filled = continued
        .iter()
        .filter(|&&length| length + WRAP_SLACK >= width && length <= width)
        .count();
    (continued.len() >= MIN_WRAPPED_LINES && width >= 50 && filled * 5 >= continued.len() * 3)
        .then_some(width)
}

/// How far short of the wrap width a line may end and still have been wrapped.
const WRAP_SLACK: usize = 15;

/// The units of a block of a hard-wrapped text: a line filled to near the width goes on in the
/// next ("… as the number of people confirmed dead after yes-" / "terday's capsize", the word
/// joined again), and so does a headline in capitals wrapped short; a short line ends its unit
/// ("By ANA RUIZ" / "Shipping Correspondent").
fn unwrapped(block: &[String], width: usize) -> Vec<String> {
    let in_capitals =
        |text: &str| text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase);
    let mut units: Vec<String> = Vec::new();
    // Whether the last line goes on in the next: filled to the width, or a headline in
    // capitals, which goes on only into more capitals.
    let mut filled = false;
    let mut capitals = false;
    let mut unfinished = false;
    for line in block {
        // A line a lowercase word goes on from, or one ending in a word that cannot end a
        // sentence ("… as death toll in" / "Askell Channel …"), was wrapped too, at a
        // narrower column (a standfirst's, a caption's).
        let goes_on = unfinished && line.starts_with(char::is_lowercase);
        match units.last_mut() {
            Some(unit) if filled || goes_on || (capitals && in_capitals(line)) => {
                let hyphenated = unit.ends_with('-')
                    && unit[..unit.len() - 1].ends_with(char::is_alphabetic)
                    && line.starts_with(char::is_lowercase);
                if hyphenated {
                    unit.pop();
                } else {
                    unit.push(' ');
                }
                unit.push_str(line);
            }
            _ => units.push(line.clone()),
        }
        let length = line.chars().count();
        let last_word = line.rsplit(' ').next().unwrap_or_default();
        filled = length + WRAP_SLACK >= width;
        capitals = in_capitals(line) && !ends_like_sentence(line) && length >= 12;
        unfinished = !ends_like_sentence(line) && !line.ends_with(':');
        filled |= unfinished && UNFINISHING_WORDS.contains(&last_word);
    }
    units
}

/// Words no sentence or heading ends with: a line ending in one was wrapped.
const UNFINISHING_WORDS: &[&str] = &[
    "a", "an", "the", "in", "of", "to", "for", "with", "at", "by", "on", "from", "and", "or", "as",
    "into", "than", "that", "its", "their", "his", "her",
];

fn is_hard_wrapped(block: &[String]) -> bool {
    let Some((last, body)) = block.split_last() else {
        return false;
    };
    if body.is_empty() || last.chars().count() > 100 {
        return false;
    }
    let lengths: Vec<usize> = body.iter().map(|line| line.chars().count()).collect();
    let (Some(&shortest), Some(&longest)) = (lengths.iter().min(), lengths.iter().max()) else {
        return false;
    };
    let n_open = body
        .iter()
        .filter(|line| !line.ends_with(['.', '!', '?', ':', '"', '”', '»', ')']))
        .count();
    shortest >= 50 && longest <= 100 && longest - shortest <= 25 && n_open * 2 >= body.len()
}

/// The headline's unit: the first unit, or the first after leading navigation ("Home › World")
/// or a print edition's running header,
/// or, when a masthead comes first ("Ledger Radio | English Service") with navigation under it,
/// the headline-like unit under the navigation.
fn title_unit(units: &[String]) -> Option<usize> {
    const MOST_LEADING_NAVIGATION: usize = 2;
    let is_navigation = |unit: &str| boilerplate::classify(unit) == Some(Shape::Widget);
    let first = units
        .iter()
        .take(MOST_LEADING_NAVIGATION + 1)
        .position(|unit| {
            !matches!(
                boilerplate::classify(unit),
                Some(Shape::Widget | Shape::RunningHeader { .. } | Shape::DateLine { .. })
            )
        })?;
    if !looks_like_title(&units[first]) {
        return None;
    }
    // "FERRY DISASTER" over the headline: a section's kicker in capitals.
    if is_kicker(&units[first])
        && units
            .get(first + 1)
            .is_some_and(|next| looks_like_title(next) && next.len() > units[first].len())
    {
        return Some(first + 1);
    }
    // Only a breadcrumb: a row of share buttons often sits between a headline and its standfirst.
    let is_breadcrumb = |unit: &str| unit.contains(['›', '»']) && is_navigation(unit);
    if first == 0 && units.len() > 3 && is_breadcrumb(&units[1]) && looks_like_title(&units[2]) {
        return Some(2);
    }
    Some(first)
}

/// A section's label in capitals over a headline, or over the rest of a story continued on
/// another page: at most three words, every letter a capital (a script without capitals is
/// no label), no figure. (Only plain text loses them in its body: a page's subheadings in
/// capitals are its own.)
fn is_kicker(unit: &str) -> bool {
    // A clock time over a live blog's entry ("14:05 GMT") is the entry's, and no label.
    count_words_up_to(unit, 4) <= 3
        && unit.chars().any(char::is_alphabetic)
        && !unit.chars().any(|c| c.is_ascii_digit())
        && unit
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
        && !ends_like_sentence(unit)
}

/// Whether a unit of a plain text reads as its headline: 2 to 30 words, no sentence ending,
/// not starting in lowercase, and no boilerplate shape.
fn looks_like_title(unit: &str) -> bool {
    let n_words = count_words_up_to(unit, 30);
    (2..=30).contains(&n_words)
        && unit.len() <= 400
        && !ends_like_sentence(unit)
        && !unit.chars().next().is_some_and(char::is_lowercase)
        && boilerplate::classify(unit).is_none()
}

/// Whether a line that occurs more than once is boilerplate in all its copies (a short label, or
/// a caption shown twice next to its photo) rather than a sentence quoted again, whose first copy
/// is kept.
fn repeat_is_boilerplate(unit: &str, copies: &[usize]) -> bool {
    let n_words = count_words_up_to(unit, 60);
    if n_words <= 8 && !ends_like_sentence(unit) {
        return true;
    }
    if n_words > 60 {
        return false;
    }
    let adjacent = copies.windows(2).any(|pair| pair[1] == pair[0] + 1);
    let key = lexicon_key(unit);
    let names_positions = [
        "(left)",
        "(right)",
        "(center)",
        "(centre)",
        "(l)",
        "(r)",
        "(l-r)",
        "from left",
        "(file)",
    ]
    .iter()
    .any(|marker| key.contains(marker));
    let ends_with_year = key
        .rsplit(|ch: char| !ch.is_alphanumeric())
        .find(|word| !word.is_empty())
        .is_some_and(|word| word.len() == 4 && word.chars().all(|ch| ch.is_ascii_digit()));
    names_positions || (adjacent && ends_with_year)
}

/// `paragraph` without a full stop that scraping left before a comma, where a link or a
/// footnote was cut out ("a meeting with Velmar. , Ostrava and …"): no sentence ends there, and
/// every stage after this one would show it. One after a capital is kept, as it may end an
/// abbreviation ("the U.S. , which" reads as written). Lines are normalized by then, so the
/// stop and the comma have one space between them.
pub(crate) fn without_stray_full_stops(paragraph: String) -> String {
    if !paragraph.contains(". ,") {
        return paragraph;
    }
    let text = paragraph.as_str();
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(stop) = rest.find('.') {
        let before = &rest[..stop];
        let after = &rest[stop + 1..];
        let stray = before.ends_with(|c: char| c.is_lowercase())
            && after.starts_with(char::is_whitespace)
            && after.trim_start().starts_with(',');
        out.push_str(before);
        if stray {
            rest = after.trim_start();
        } else {
            out.push('.');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: Options<'static> = Options {
        detect_title: true,
        known_title: None,
        unwrap_lines: true,
    };

    /// Cleans `input` and compares the kept paragraphs and the removed blocks (as
    /// `"Reason: text"`) with the expected ones.
    fn check(input: &str, expected_paragraphs: &[&str], expected_removed: &[&str]) -> Cleaned {
        let cleaned = clean(input, &PLAIN);
        assert_eq!(cleaned.paragraphs, expected_paragraphs);
        let removed: Vec<String> = cleaned
            .removed
            .iter()
            .map(|block| format!("{:?}: {}", block.reason, block.text))
            .collect();
        assert_eq!(removed, expected_removed);
        cleaned
    }

    const BODY_ONE: &str = "Negotiators from the two harbour towns met again on Tuesday and agreed to extend the fishing truce for another month.";
    const BODY_TWO: &str = "The mayor of Vell said the agreement was fragile, but that both sides wanted to avoid a return to the blockade.";

    #[test]
    fn title_and_widgets() {
        let input = format!(
            "Harbour truce extended in Vell\n\nNo time to read?\nGet a summary\n\n{BODY_ONE}\n\n{BODY_TWO}\n\nNo time to read?\nGet a summary\n"
        );
        let cleaned = check(
            &input,
            &[BODY_ONE, BODY_TWO],
            &[
                "Title: Harbour truce extended in Vell",
                "Widget: No time to read?",
                "Widget: Get a summary",
                "Widget: No time to read?",
                "Widget: Get a summary",
            ],
        );
        assert_eq!(
            cleaned.title.as_deref(),
            Some("Harbour truce extended in Vell")
        );
    }

    #[test]
    fn summary_widget_and_its_disclaimer() {
        let offer = "Pressed for time? Read our 60-second briefing";
        let disclaimer =
            "The briefing is generated by software from the article text and may contain mistakes.";
        let input = format!(
            "Harbour truce extended in Vell\n\n{offer}\n\n{disclaimer}\n\n{BODY_ONE}\n\n{BODY_TWO}\n\n{offer}\n\n{disclaimer}"
        );
        check(
            &input,
            &[BODY_ONE, BODY_TWO],
            &[
                "Title: Harbour truce extended in Vell",
                &format!("Widget: {offer}"),
                &format!("Widget: {disclaimer}"),
                &format!("Widget: {offer}"),
                &format!("Widget: {disclaimer}"),
            ],
        );
    }

    #[test]
    fn summary_disclaimer_at_the_edge_without_its_widget() {
        let disclaimer = "Summaries on this page are machine-made and may contain errors.";
        let input = format!("{BODY_ONE}\n\n{BODY_TWO}\n\n{disclaimer}");
        check(
            &input,
            &[BODY_ONE, BODY_TWO],
            &[&format!("Widget: {disclaimer}")],
        );
    }

    #[test]
    fn sentences_about_summaries_in_the_body_stay() {
        let sentence =
            "The summary of the court ruling was generated by software, the ministry admitted.";
        let input = format!("{BODY_ONE}\n\n{sentence}\n\n{BODY_TWO}");
        check(&input, &[BODY_ONE, sentence, BODY_TWO], &[]);
    }

    #[test]
    fn promotions_closing_the_article_are_trimmed() {
        let follow =
            "Ilse Marr's book about the harbour, \"Low Tide\", is out now. Follow her on Mastodon.";
        let newsletter = "There is more where that came from. Sign up for the Vell Morning to get it in your inbox.";
        let input = format!("{BODY_ONE}\n\n{BODY_TWO}\n\n{follow}\n\n{newsletter}");
        check(
            &input,
            &[BODY_ONE, BODY_TWO],
            &[
                &format!("Widget: {follow}"),
                &format!("Widget: {newsletter}"),
            ],
        );
    }

    #[test]
    fn promotions_inside_the_body_or_quoted_stay() {
        let inside = "The council asked residents to sign up for flood alerts before the winter.";
        let quoted = "“Follow us on the march to the quay,” the union leader told the crowd.";
        let input = format!("{BODY_ONE}\n\n{inside}\n\n{BODY_TWO}\n\n{quoted}");
        check(&input, &[BODY_ONE, inside, BODY_TWO, quoted], &[]);
    }

    #[test]
    fn syndication_credit_names_the_outlet() {
        let input = format!("{BODY_ONE}\n\n{BODY_TWO}\n\nSource: Vell Wire Service");
        let cleaned = check(
            &input,
            &[BODY_ONE, BODY_TWO],
            &["Syndication: Source: Vell Wire Service"],
        );
        assert_eq!(
            cleaned.syndicated_from.as_deref(),
            Some("Vell Wire Service")
        );
    }

    #[test]
    fn first_line_ending_like_a_sentence_is_not_a_title() {
        let input = format!("{BODY_ONE}\n\n{BODY_TWO}");
        let cleaned = check(&input, &[BODY_ONE, BODY_TWO], &[]);
        assert_eq!(cleaned.title, None);
    }

    #[test]
    fn related_block_at_the_end() {
        let input = format!(
            "Harbour truce extended\n\n{BODY_ONE}\n\n{BODY_TWO}\nPrevious Article\n\nStorm Damages Lighthouse on the Northern Cape\n\nNext Article\n\nA Gallery of Old Fishing Nets Opens Downtown"
        );
        check(
            &input,
            &[BODY_ONE, BODY_TWO],
            &[
                "Title: Harbour truce extended",
                "Related: Previous Article",
                "Related: Storm Damages Lighthouse on the Northern Cape",
                "Related: Next Article",
                "Related: A Gallery of Old Fishing Nets Opens Downtown",
            ],
        );
    }

    #[test]
    fn related_block_stops_at_a_sentence() {
        let input = format!("Related\n\nStorm damages lighthouse\n\n{BODY_ONE}");
        check(
            &input,
            &[BODY_ONE],
            &["Related: Related", "Related: Storm damages lighthouse"],
        );
    }

    #[test]
    fn repeated_captions_are_removed_in_every_copy() {
        let caption = "The mayor of Vell (left) and the harbour master meet at the quay in Vell, March 3, 2023.";
        let input = format!("Truce holds\n\n{caption}\n\n{caption}\n\n{BODY_ONE}\n\n{BODY_TWO}");
        check(
            &input,
            &[BODY_ONE, BODY_TWO],
            &[
                "Title: Truce holds",
                &format!("Repeated: {caption}"),
                &format!("Repeated: {caption}"),
            ],
        );
    }

    #[test]
    fn repeated_sentence_keeps_its_first_copy() {
        let quote = "\"We will not go back to the blockade,\" the mayor said.";
        let input = format!("{BODY_ONE}\n\n{quote}\n\n{BODY_TWO}\n\n{quote}");
        check(
            &input,
            &[BODY_ONE, quote, BODY_TWO],
            &[&format!("Repeated: {quote}")],
        );
    }

    #[test]
    fn byline_dateline_caption_and_note() {
        let input = format!(
            "Truce extended: talks will be hard\n\nMonday January 10 2022\nMayorHarbour pic\n\nThe mayor speaks at the quay. FILE PHOTO | VNA\n\nBy Mara Quill\n\nEditor’s Note: Mara Quill covers the harbour towns for several weeklies.\n\n{BODY_ONE}\n\n{BODY_TWO}\n\n(If you would like to write for us, please contact us at [email protected])\n\n\nComments are closed."
        );
        let cleaned = check(
            &input,
            &[BODY_ONE, BODY_TWO],
            &[
                "Title: Truce extended: talks will be hard",
                "Byline: Monday January 10 2022",
                "Caption: MayorHarbour pic",
                "Caption: The mayor speaks at the quay. FILE PHOTO | VNA",
                "Byline: By Mara Quill",
                "EditorNote: Editor’s Note: Mara Quill covers the harbour towns for several weeklies.",
                "Contact: (If you would like to write for us, please contact us at [email protected])",
                "Comments: Comments are closed.",
            ],
        );
        assert_eq!(cleaned.authors, ["Mara Quill"]);
        assert_eq!(cleaned.published, NaiveDate::from_ymd_opt(2022, 1, 10));
        assert_eq!(
            cleaned.notes,
            ["Editor’s Note: Mara Quill covers the harbour towns for several weeklies."]
        );
    }

    #[test]
    fn masthead_and_breadcrumb_over_the_headline() {
        let input = format!(
            "Ledger Radio | English Service\n\nHome › Norland › Politics\n\nPilots return to the harbour after the strike\n\n13 March 2026 09:30\n\nAna Ruiz, Ledger Radio English Service\n\n{BODY_ONE}\n\n{BODY_TWO}"
        );
        let cleaned = check(
            &input,
            &[BODY_ONE, BODY_TWO],
            &[
                "OutsideMainContent: Ledger Radio | English Service",
                "Widget: Home › Norland › Politics",
                "Title: Pilots return to the harbour after the strike",
                "Byline: 13 March 2026 09:30",
                "Byline: Ana Ruiz, Ledger Radio English Service",
            ],
        );
        assert_eq!(
            cleaned.title.as_deref(),
            Some("Pilots return to the harbour after the strike")
        );
        assert_eq!(cleaned.authors, ["Ana Ruiz"]);
        assert_eq!(cleaned.published, NaiveDate::from_ymd_opt(2026, 3, 13));
    }

    #[test]
    fn a_print_edition_s_text() {
        let wrapped = "THE Velmar harbour pilots last night ended the strike that had closed\nthe port for nine days, as the number of ships waiting offshore fell\nto 14 and the council promised an inquiry into the dispute's yes-\nterday's talks, which ran late into the night at the town hall and\nwhich the mayor called the hardest of her time in office, she said.";
        let input = format!(
            "THE VELL LEDGER — MONDAY 4 MAY 2026 — PAGE 3\n\nHARBOUR STRIKE\n\nPILOTS END STRIKE AFTER\nNINE DAYS\n\nBy ANA RUIZ\nShipping Correspondent\n\n{wrapped}\n\nThe quay at Velmar\nyesterday, with tugs standing by.\nPicture: LEDGER PHOTO DESK\n\nADVERTISEMENT\n\nQUAY MOTORS · Spring servicing now booking\n\nContinued on Page 4\n\nTHE VELL LEDGER — MONDAY 4 MAY 2026 — PAGE 4\n\nPILOTS\n\nContinued from Page 3\n\n{wrapped}\n\n{wrapped}\n\nPublished by Ledger Newspapers Ltd, 14 Quay Street, Velmar."
        );
        let cleaned = clean(&input, &PLAIN);
        assert_eq!(
            cleaned.title.as_deref(),
            Some("PILOTS END STRIKE AFTER NINE DAYS")
        );
        assert_eq!(cleaned.outlet.as_deref(), Some("The Vell Ledger"));
        assert_eq!(cleaned.published, NaiveDate::from_ymd_opt(2026, 5, 4));
        assert_eq!(cleaned.authors, ["Ana Ruiz"]);
        let joined = wrapped.replace("-\nter", "ter").replace('\n', " ");
        // The repeat of one paragraph is removed as such; every other unit is boilerplate.
        assert_eq!(cleaned.paragraphs, [joined]);
        assert!(cleaned.paragraphs[0].contains("dispute's yesterday's talks"));
    }

    #[test]
    fn breadcrumb_before_the_headline_and_a_place_under_it() {
        let input = format!(
            "Velmar Review › Opinion\n\nOpinion: The pilots were right\n\nPORTVALE, Norland\n\n{BODY_ONE}\n\n{BODY_TWO}"
        );
        let cleaned = clean(&input, &PLAIN);
        assert_eq!(
            cleaned.title.as_deref(),
            Some("Opinion: The pilots were right")
        );
        assert!(cleaned.authors.is_empty(), "{:?}", cleaned.authors);
    }

    #[test]
    fn cookie_notice_and_signature_at_the_end() {
        let input = format!(
            "{BODY_ONE}\n\n{BODY_TWO}\n\nOde Fenn, Vell Courier\n\n\ncomments powered by SomeWidget\n\nThis website uses cookies to improve your experience. You can opt-out if you wish. Accept Read More"
        );
        let cleaned = check(
            &input,
            &[BODY_ONE, BODY_TWO],
            &[
                "Byline: Ode Fenn, Vell Courier",
                "Comments: comments powered by SomeWidget",
                "Cookie: This website uses cookies to improve your experience. You can opt-out if you wish. Accept Read More",
            ],
        );
        assert_eq!(cleaned.authors, ["Ode Fenn"]);
        assert_eq!(cleaned.outlet.as_deref(), Some("Vell Courier"));
    }

    #[test]
    fn headline_repeated_in_the_body() {
        let input =
            format!("Why Vell wants a truce\n\n{BODY_ONE}\n\nWhy Vell wants a truce\n{BODY_TWO}");
        check(
            &input,
            &[BODY_ONE, BODY_TWO],
            &[
                "Title: Why Vell wants a truce",
                "Title: Why Vell wants a truce",
            ],
        );
    }

    #[test]
    fn hard_wrapped_lines_are_joined() {
        let input = "The harbour council met on Tuesday evening to discuss the\nproposal for a new breakwater, which engineers say would\nprotect the old town from winter storms for decades.\n\nA second paragraph.";
        let cleaned = clean(input, &PLAIN);
        assert_eq!(
            cleaned.paragraphs,
            [
                "The harbour council met on Tuesday evening to discuss the proposal for a new breakwater, which engineers say would protect the old town from winter storms for decades.",
                "A second paragraph."
            ]
        );
    }

    #[test]
    fn lines_of_a_list_stay_apart() {
        let input = format!(
            "{BODY_ONE}\n– spring – the first round of talks;\n– summer – the second round."
        );
        let cleaned = clean(&input, &PLAIN);
        assert_eq!(
            cleaned.paragraphs,
            [
                BODY_ONE,
                "– spring – the first round of talks;",
                "– summer – the second round."
            ]
        );
    }

    #[test]
    fn normalizes_whitespace() {
        let input = "  First\u{a0}\u{a0}line\r\nof text.\r\n\r\n\u{200b}Second   one.";
        let cleaned = clean(
            input,
            &Options {
                detect_title: false,
                known_title: None,
                unwrap_lines: true,
            },
        );
        assert_eq!(
            cleaned.paragraphs,
            ["First line", "of text.", "Second one."]
        );
    }

    #[test]
    fn multilingual_leftovers() {
        let input = format!(
            "{BODY_ONE}\n\nLire aussi : La grève du port continue\n\nMehr zum Thema\n\nLeer más\n\nЧитайте также: Забастовка в порту\n\n{BODY_TWO}"
        );
        check(
            &input,
            &[BODY_ONE, BODY_TWO],
            &[
                "Related: Lire aussi : La grève du port continue",
                "Related: Mehr zum Thema",
                "Widget: Leer más",
                "Related: Читайте также: Забастовка в порту",
            ],
        );
    }

    #[test]
    fn a_full_stop_scraping_left_before_a_comma_goes() {
        assert_eq!(
            without_stray_full_stops(
                "Talks follow on May 13 with Velmar. , Ostrava and the other members.".into()
            ),
            "Talks follow on May 13 with Velmar, Ostrava and the other members."
        );
        for kept in [
            "Envoys of the U.S. , Velmar and Ostrava met.",
            "The port reopened. Ferries sailed at dawn.",
            "It cost 3.5 million marks, the port said.",
        ] {
            assert_eq!(without_stray_full_stops(kept.into()), kept);
        }
    }
}
