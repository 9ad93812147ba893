//! Wire datelines: the place, date and agency that open a news report ("PORTVALE, Brask, May 3
//! (Wire) - …"). They locate the story and are no part of its first sentence: the annotator's
//! sentence subjects start after them, and the brief leaves them out of what it shows. One
//! reader for every stage, so that all of them agree on where a dateline ends.

use crate::is_party_tag;

/// Length in bytes of a wire-style dateline opening `text` ("CITY, Region, March 9 (Agency) -
/// "), 0 when there is none: a place in capitals, then a date or an agency in parentheses (or
/// nothing, before a long dash: "CITY — "), then a dash, within the first 100 bytes; or a
/// wire credit ([`credit_len`]).
pub fn dateline_len(text: &str) -> usize {
    if let Some(len) = credit_len(text) {
        return len;
    }
    // A dash after a space, with or without a space after it ("WASHINGTON \u{2015}House").
    let Some((dash_at, dash)) =
        text.char_indices()
            .take_while(|&(at, _)| at <= 100)
            .find(|&(at, c)| {
                matches!(c, '-' | '\u{2013}' | '\u{2014}' | '\u{2015}') && text[..at].ends_with(' ')
            })
    else {
        return 0;
    };
    // Two hyphens are a typed long dash ("WASHINGTON -- The …").
    let (dash, after) = match text[dash_at..].strip_prefix("--") {
        Some(after) => ('\u{2014}', after),
        None => (dash, &text[dash_at + dash.len_utf8()..]),
    };
    if dash == '-' && !after.starts_with(' ') {
        return 0;
    }
    // A dash typed twice over ("WASHINGTON \u{2013}- The …") is one.
    let after = after.trim_start_matches(['-', '\u{2013}', '\u{2014}', '\u{2015}']);
    let head = &text[..dash_at - 1];
    let place = head.split([',', '(']).next().unwrap_or_default().trim();
    let place_in_capitals = place.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && place
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_uppercase());
    let dated_or_credited =
        head.contains('(') && head.ends_with(')') || head.chars().any(|c| c.is_ascii_digit());
    // So is its region, capitalized after a comma ("KANSAS CITY, Mo. \u{2014} …").
    let region = head
        .strip_prefix(place)
        .and_then(|rest| rest.strip_prefix(','))
        .map(str::trim);
    let place_and_region = head == place
        || region.is_some_and(|region| {
            let words = region.split_whitespace();
            (1..=3).contains(&words.clone().count())
                && !region.contains(',')
                && words
                    .into_iter()
                    .all(|word| word.chars().next().is_some_and(char::is_uppercase))
        });
    // A place alone before a long dash is a dateline too ("WASHINGTON \u{2014} Leading …"); before
    // a hyphen it may be an acronym saying something ("NATO - the alliance …").
    let place_alone = dash != '-' && place_and_region && place.split_whitespace().count() <= 3;
    if place_in_capitals && (dated_or_credited || place_alone) {
        text.len() - after.trim_start().len()
    } else {
        0
    }
}

/// Length in bytes of a wire credit opening `text`, with the place before it and the dash
/// after it ("(Wire) - ", "Portvale (Wire)The"): a few capitalized words, at most, then one to
/// three capitalized words in parentheses, then a dash or, with no space, the sentence, which
/// goes on with a capital or a digit. The credit names the agency, which the summary's
/// citations name already. A party tag is no credit: "Ada Morn (D) - Tuesday" names who.
fn credit_len(text: &str) -> Option<usize> {
    let open = text.find('(')?;
    let close = open + text[open..].find(')')?;
    let place = &text[..open];
    let credit = &text[open + 1..close];
    let place_words: Vec<&str> = place.split_whitespace().collect();
    let is_place = place_words.len() <= 4
        && place_words
            .iter()
            .all(|word| word.starts_with(|c: char| c.is_uppercase()));
    let credit_words: Vec<&str> = credit.split_whitespace().collect();
    let is_credit = !credit_words.is_empty()
        && credit_words.len() <= 3
        && credit.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && credit_words
            .iter()
            .all(|word| word.starts_with(|c: char| c.is_uppercase()));
    if !is_place || !is_credit || is_party_tag(credit) {
        return None;
    }
    let after = &text[close + 1..];
    let trimmed = after.trim_start();
    let body = match trimmed
        .strip_prefix("--")
        .or_else(|| trimmed.strip_prefix(['-', '\u{2013}', '\u{2014}']))
    {
        Some(body) => body.trim_start(),
        // Without a dash, the credit is glued to the sentence, as pages scraped of their
        // markup leave it.
        None if trimmed.len() == after.len() => after,
        None => return None,
    };
    body.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        .then(|| text.len() - body.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_are_left_out_and_only_datelines() {
        let check = |text: &str, rest: &str| {
            assert_eq!(&text[dateline_len(text)..], rest, "{text:?}");
        };
        check(
            "PORTVALE, Brask, May 3 (Wire) - Ferries stopped.",
            "Ferries stopped.",
        );
        check(
            "PORTVALE (Wire) \u{2014} Ferries stopped.",
            "Ferries stopped.",
        );
        check(
            "Portvale, May 3 - Ferries stopped.",
            "Portvale, May 3 - Ferries stopped.",
        );
        check("NATO said 40 - 50 ships.", "NATO said 40 - 50 ships.");
        check("PORTVALE \u{2014} Ferries stopped.", "Ferries stopped.");
        check(
            "NEW PORTVALE, Brk. \u{2014} Ferries stopped.",
            "Ferries stopped.",
        );
        check(
            "PORTVALE, North Brask \u{2014} Ferries stopped.",
            "Ferries stopped.",
        );
        check(
            "PORTVALE, the ministry said \u{2014} ferries stopped.",
            "PORTVALE, the ministry said \u{2014} ferries stopped.",
        );
        check(
            "NATO, Brask and Velmar \u{2014} three sides met.",
            "NATO, Brask and Velmar \u{2014} three sides met.",
        );
        check("PORTVALE \u{2015}Ferries stopped.", "Ferries stopped.");
        check("PORTVALE -- Ferries stopped.", "Ferries stopped.");
        check("PORTVALE \u{2013}- Ferries stopped.", "Ferries stopped.");
        check("NATO said 40 -- 50 ships.", "NATO said 40 -- 50 ships.");
        check("NATO - the alliance met.", "NATO - the alliance met.");
        check("(Wire)The ferries stopped.", "The ferries stopped.");
        check("Portvale (Wire) -- Ferries stopped.", "Ferries stopped.");
        check(
            "Sen. Ada Morn (D-Ore.) - Tuesday was the vote.",
            "Sen. Ada Morn (D-Ore.) - Tuesday was the vote.",
        );
        check(
            "The Harbor Board (HB) Chair resigned.",
            "The Harbor Board (HB) Chair resigned.",
        );
        check("Port Authority (PA) closed.", "Port Authority (PA) closed.");
        check("Ferries stopped - again.", "Ferries stopped - again.");
    }
}
