//! Sentence boundaries for news text.
//!
//! Segmentation is sentencex's (Wikimedia's rule-based segmenter: abbreviations, initials and
//! decimals in many languages). Six repairs follow, for shapes that are common in news and that
//! sentencex splits: a time of day followed by its zone ("3 p.m. Eastern"), an initialism cut
//! between its letters ("D-N.Y." in a party tag), a quotation ending in "!" or "?" followed by
//! its speaker ("“Not one cent!” Ruiz said."), a state's abbreviation before a title ("Wash.
//! Gov."), a sentence that is only closing punctuation left over after a quotation, and the mark
//! opening a quotation left at the end of the sentence before it.

use parallax_model::{Article, Sentence, paragraph_ranges};

/// Words that continue a sentence after "a.m."/"p.m." rather than start a new one.
const TIME_ZONE_WORDS: &[&str] = &[
    "Eastern", "Central", "Mountain", "Pacific", "GMT", "UTC", "CET", "CEST", "EST", "EDT", "PST",
    "PDT", "BST", "MSK", "local", "ET", "PT", "CT",
];

/// Titles written with a period that never end a sentence before a name.
pub(crate) const TITLES: &[&str] = &[
    "Ms.", "Mr.", "Mrs.", "Dr.", "Gen.", "Sen.", "Rep.", "Gov.", "Lt.", "Col.", "Capt.", "Sgt.",
    "Prof.", "Rev.", "Adm.", "Maj.", "Cmdr.", "Supt.", "Insp.", "Amb.", "Pres.", "Sr.", "Mme.",
];

/// Splits each paragraph of `article` into sentences, using the rules of `language` (ISO 639-1;
/// unknown languages fall back to sentencex's defaults).
pub fn sentences(article: &Article, language: &str) -> Vec<Sentence> {
    sentences_in(&article.text, language)
}

/// The sentences of `text` cut into paragraphs as [`Article::text`] is, as [`sentences`] finds
/// them.
pub(crate) fn sentences_in(full_text: &str, language: &str) -> Vec<Sentence> {
    let mut result = Vec::new();
    for (paragraph_idx, paragraph) in paragraph_ranges(full_text).enumerate() {
        let text = &full_text[paragraph.clone()];
        let mut pieces: Vec<std::ops::Range<usize>> = Vec::new();
        for boundary in sentencex::get_sentence_boundaries(language, text) {
            let Some(range) = trimmed(text, boundary.start_byte, boundary.end_byte) else {
                continue;
            };
            match pieces.last_mut() {
                Some(previous) if continues(text, previous, &range) => previous.end = range.end,
                Some(previous) => {
                    let mut range = range;
                    if let Some(mark) = opening_mark_left_behind(&text[..previous.end]) {
                        range.start = previous.end - mark;
                        previous.end =
                            previous.start + text[previous.start..range.start].trim_end().len();
                    }
                    pieces.push(range);
                }
                None => pieces.push(range),
            }
        }
        result.extend(pieces.into_iter().map(|range| Sentence {
            range: paragraph.start + range.start..paragraph.start + range.end,
            paragraph: paragraph_idx,
        }));
    }
    result
}

/// The range without surrounding whitespace, or `None` if nothing is left.
fn trimmed(text: &str, start: usize, end: usize) -> Option<std::ops::Range<usize>> {
    let piece = text.get(start..end)?;
    let leading = piece.len() - piece.trim_start().len();
    let trailing = piece.len() - piece.trim_end().len();
    let range = start + leading..end - trailing;
    (!range.is_empty()).then_some(range)
}

/// The length in bytes of a quotation mark that `before`, a paragraph up to a sentence's end,
/// ends with after a space, when the mark opens a quotation: sentencex, pairing the marks of a
/// paragraph whose quotations are not all closed (a scraper's leftovers, a curly mark opening
/// and a straight one closing), can end a sentence after the mark that opens the next one ("…
/// he told reporters. “" | "We will …"). A straight mark closes a quotation still open before
/// it ("… is wrong. "" where a scraper dropped the space after it) and stays.
fn opening_mark_left_behind(before: &str) -> Option<usize> {
    let mark = before.chars().next_back()?;
    let rest = &before[..before.len() - mark.len_utf8()];
    if !rest.ends_with(char::is_whitespace) {
        return None;
    }
    let opens = match mark {
        '\u{201C}' | '\u{2018}' | '\u{00AB}' => true,
        '"' => !quotation_open(rest),
        _ => false,
    };
    opens.then_some(mark.len_utf8())
}

/// Whether a quotation opened in `text` is still open at its end. Scraped text mixes styles,
/// so a straight or right double mark closes whatever is open.
fn quotation_open(text: &str) -> bool {
    text.chars().fold(false, |open, c| match c {
        '"' => !open,
        '\u{201D}' | '\u{00BB}' => false,
        '\u{201C}' | '\u{00AB}' => true,
        _ => open,
    })
}

/// The Associated Press's abbreviations of US states, which a title and a name often follow
/// ("Wash. Gov. Ana Ruiz"); sentencex's English list lacks some of them.
const STATE_ABBREVIATIONS: &[&str] = &[
    "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.",
    "Kan.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.",
    "Nev.", "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "Okla.", "Ore.", "Pa.", "R.I.", "S.C.",
    "S.D.", "Tenn.", "Vt.", "Va.", "Wash.", "W.Va.", "Wis.", "Wyo.",
];

/// Whether `text` ends with `word` as a word of its own.
fn ends_with_word(text: &str, word: &str) -> bool {
    text.ends_with(word)
        && text[..text.len() - word.len()]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
}

/// Whether `next` should be glued to `previous` instead of standing alone.
fn continues(text: &str, previous: &std::ops::Range<usize>, next: &std::ops::Range<usize>) -> bool {
    let previous_text = &text[previous.clone()];
    let next_text = &text[next.clone()];
    let first_word = next_text
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    let after_title = TITLES
        .iter()
        .any(|title| ends_with_word(previous_text, title));
    if after_title {
        return true;
    }
    let state_before_title = STATE_ABBREVIATIONS
        .iter()
        .any(|state| ends_with_word(previous_text, state))
        && TITLES.iter().any(|title| {
            next_text
                .strip_prefix(title)
                .is_some_and(|rest| rest.starts_with(char::is_whitespace))
        });
    if state_before_title {
        return true;
    }
    // An initialism split between its letters ("D-N." | "Y., said"): the piece before ends in
    // one capital and a period, the piece after is one capital and a period, then no letter.
    let ends_in_initial = |text: &str| {
        let mut letters = text.chars().rev();
        letters.next() == Some('.')
            && letters.next().is_some_and(char::is_uppercase)
            && letters.next().is_none_or(|c| !c.is_alphanumeric())
    };
    let mut opening = next_text.chars();
    let opens_with_initial = opening.next().is_some_and(char::is_uppercase)
        && opening.next() == Some('.')
        && opening.next().is_none_or(|c| !c.is_alphanumeric());
    if ends_in_initial(previous_text) && opens_with_initial {
        return true;
    }
    if quotation_then_speaker(previous_text, next_text) {
        return true;
    }
    let after_clock = previous_text.ends_with("a.m.") || previous_text.ends_with("p.m.");
    let punctuation_only = next_text.chars().all(|c| !c.is_alphanumeric());
    let continues_clock = TIME_ZONE_WORDS.contains(&first_word)
        || first_word.chars().next().is_some_and(char::is_lowercase);
    (after_clock && continues_clock) || punctuation_only
}

/// Verbs of saying that follow a quotation with its speaker ("…!” Ruiz told reporters").
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "asked",
    "asks",
    "added",
    "adds",
    "wrote",
    "writes",
    "shouted",
    "yelled",
    "exclaimed",
    "replied",
    "declared",
    "tweeted",
    "insisted",
    "continued",
];

/// Whether `previous` ends a quotation with "!" or "?" and `next` opens with its speaker and a
/// verb of saying ("“Not one cent!” Ana Ruiz told the council."): one sentence, which the
/// exclamation inside the quotation does not end.
fn quotation_then_speaker(previous: &str, next: &str) -> bool {
    let closes_quotation = ["!\u{201d}", "?\u{201d}", "!\"", "?\""]
        .iter()
        .any(|ending| previous.ends_with(ending));
    if !closes_quotation {
        return false;
    }
    let words: Vec<&str> = next.split_whitespace().take(5).collect();
    words.iter().enumerate().skip(1).any(|(at, word)| {
        SPEECH_VERBS.contains(&word.trim_end_matches([',', '.']))
            && words[..at]
                .iter()
                .all(|word| word.starts_with(char::is_uppercase))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::Origin;

    fn check(text: &str, expected: &[&str]) {
        let article = Article::new(Origin::Stdin, text.to_string());
        let found: Vec<&str> = sentences(&article, "en")
            .iter()
            .map(|sentence| &article.text[sentence.range.clone()])
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn abbreviations_and_initials_do_not_split() {
        check(
            "The U.S. envoy met Gen. Ortiz on Dec. 3. Dr. J. R. Velez Jr. was there.",
            &[
                "The U.S. envoy met Gen. Ortiz on Dec. 3.",
                "Dr. J. R. Velez Jr. was there.",
            ],
        );
    }

    #[test]
    fn party_tags_with_a_state_initialism_do_not_split() {
        check(
            "Ana Ruiz, D-N.Y., said on Monday that it would fail. Then she left.",
            &[
                "Ana Ruiz, D-N.Y., said on Monday that it would fail.",
                "Then she left.",
            ],
        );
    }

    #[test]
    fn a_state_before_a_title_does_not_split() {
        check(
            "The row grew, with Wash. Gov. Ana Ruiz banning travel. Mass. Sen. Ivo Lind agreed.",
            &[
                "The row grew, with Wash. Gov. Ana Ruiz banning travel.",
                "Mass. Sen. Ivo Lind agreed.",
            ],
        );
    }

    #[test]
    fn titles_before_names_do_not_split() {
        check(
            "We met Ms. Varro there. Then Prof. Lind spoke.",
            &["We met Ms. Varro there.", "Then Prof. Lind spoke."],
        );
    }

    #[test]
    fn time_zone_after_clock_time_stays_in_sentence() {
        check(
            "The call began at 3:35 p.m. Eastern on Tuesday. It ended at 4 p.m. local time.",
            &[
                "The call began at 3:35 p.m. Eastern on Tuesday.",
                "It ended at 4 p.m. local time.",
            ],
        );
    }

    #[test]
    fn an_exclamation_inside_a_quotation_before_its_speaker_does_not_split() {
        check(
            "\u{201c}Not one cent for that pier!\u{201d} Ana Ruiz told the council. She left.",
            &[
                "\u{201c}Not one cent for that pier!\u{201d} Ana Ruiz told the council.",
                "She left.",
            ],
        );
        check(
            "\"Who pays?\" Ruiz asked. Nobody answered.",
            &["\"Who pays?\" Ruiz asked.", "Nobody answered."],
        );
    }

    #[test]
    fn a_quotation_mark_opening_the_next_sentence_moves_to_it() {
        check(
            "\"It is about safety,\" she told reporters.  \u{201C}We will not move.\"",
            &[
                "\"It is about safety,\" she told reporters.",
                "\u{201C}We will not move.\"",
            ],
        );
        check(
            "\"The port will reopen,\" Ruiz added. \"Until then, the pilots stay home.",
            &[
                "\"The port will reopen,\" Ruiz added.",
                "\"Until then, the pilots stay home.",
            ],
        );
        // A straight mark that closes a quotation stays with it.
        check(
            "Ruiz said, \"the port will reopen. \"Until then, pilots stay home, she added.",
            &[
                "Ruiz said, \"the port will reopen. \"",
                "Until then, pilots stay home, she added.",
            ],
        );
    }

    #[test]
    fn sentences_never_cross_paragraphs() {
        let article = Article::new(
            Origin::Stdin,
            "First paragraph ends here\n\nSecond one. Third.".to_string(),
        );
        let found = sentences(&article, "en");
        let paragraphs: Vec<usize> = found.iter().map(|sentence| sentence.paragraph).collect();
        assert_eq!(paragraphs, [0, 1, 1]);
    }

    #[test]
    fn text_without_punctuation_is_one_sentence() {
        let long = "word ".repeat(20_000);
        let article = Article::new(Origin::Stdin, long.trim().to_string());
        assert_eq!(sentences(&article, "en").len(), 1);
    }

    #[test]
    fn unknown_language_falls_back() {
        let article = Article::new(Origin::Stdin, "Uno. Dos.".to_string());
        assert_eq!(sentences(&article, "xx").len(), 2);
    }
}
