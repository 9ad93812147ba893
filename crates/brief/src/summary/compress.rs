//! Compression: a summary sentence without the words that tie it to its article rather than
//! tell the story, so that the summary's length goes to what happened.
//!
//! Two rules, each removing a part the sentence stays grammatical and means the same without:
//! a discourse connective opening the sentence ("However,", "But", "And" before a clause or a
//! fronted phrase closed by a comma), which out of its article
//! points at nothing, and a politician's party tag in parentheses ("(D-Ore.)"); and one repair,
//! a full stop added to a sentence that ends in a word (a standfirst written without one). A
//! wire credit
//! opening the sentence is left out with its dateline ([`parallax_model::dateline_len`]). No rule touches
//! who said what: attributions ("the minister said", "according to police") stay, since without
//! them a reported claim would read as the summary's own assertion.
//!
//! Measured on NeuS/AllSides, neither rule moves ROUGE by more than a few hundredths (the words
//! they drop are few); they are kept for how the sentences read. Dropping every short
//! parenthesis, acronyms after a name, asides between dashes or opening time phrases ("On
//! Monday,") did no better and loses meaning ("should (or should not)", an acronym a later
//! sentence uses, the day of the event).

use parallax_model::is_party_tag;

/// Discourse connectives that open a sentence and tie it to the one before it in its article.
/// Those with a comma are dropped with it; the conjunctions only before the start of a clause
/// ([`CLAUSE_OPENERS`]), since "And so" or "But for" would leave a fragment.
const CONNECTIVES: &[&str] = &[
    "however,",
    "meanwhile,",
    "still,",
    "instead,",
    "in addition,",
    "additionally,",
    "also,",
    "moreover,",
    "furthermore,",
    "indeed,",
    "nonetheless,",
    "nevertheless,",
    "separately,",
    "now,",
    "so,",
    "but",
    "and",
    "yet",
];

/// Lowercase words that open a clause after a conjunction; a capitalized word or a figure
/// does too.
const CLAUSE_OPENERS: &[&str] = &[
    "the", "a", "an", "he", "she", "it", "they", "we", "this", "that", "these", "those", "his",
    "her", "its", "their", "some", "many", "most", "several", "there",
];

/// Prepositions that open a phrase fronted before a clause, and the most words such a phrase
/// runs before its comma.
const FRONTING_PREPOSITIONS: &[&str] = &[
    "on", "in", "at", "after", "before", "during", "since", "until", "by", "with", "under",
];
const MAX_FRONTED_WORDS: usize = 8;

/// `text` without the parts the summary does not need; see the module's docs.
pub(crate) fn compress(text: &str) -> String {
    let mut compressed = without_party_tags(&without_opening_connective(text));
    if compressed.ends_with(char::is_alphanumeric) {
        compressed.push('.');
    }
    compressed
}

/// Upper-cases the first letter of `text`.
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn without_opening_connective(text: &str) -> String {
    for connective in CONNECTIVES {
        // Connectives are ASCII, so a prefix of that many bytes is a prefix of characters.
        let Some(head) = text.get(..connective.len()) else {
            continue;
        };
        let rest = &text[connective.len()..];
        if !head.eq_ignore_ascii_case(connective) || !rest.starts_with(' ') {
            continue;
        }
        let rest = rest.trim_start();
        let next_word = rest
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_lowercase();
        // A fronted phrase closed by a comma opens a clause too ("And on the second day, the
        // council …").
        let fronted_phrase = FRONTING_PREPOSITIONS.contains(&next_word.as_str())
            && rest
                .split_whitespace()
                .take(MAX_FRONTED_WORDS)
                .any(|word| word.ends_with(','));
        let opens_clause = connective.ends_with(',')
            || CLAUSE_OPENERS.contains(&next_word.as_str())
            || fronted_phrase
            || rest.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
        if opens_clause && !rest.is_empty() {
            return capitalized(rest);
        }
    }
    text.to_string()
}

/// `text` without its parenthesized party tags and the space before each (a no-break space
/// too, which pages often put between a name and its tag).
fn without_party_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(')') else {
            break;
        };
        let before = &rest[..open];
        let spaced = before.ends_with(char::is_whitespace);
        if spaced && is_party_tag(&after[..close]) {
            out.push_str(before.trim_end());
        } else {
            out.push_str(&rest[..open + 1 + close + 1]);
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connectives_and_party_tags_go() {
        assert_eq!(
            compress("However, Sen. Ada Morn (D-Ore.) backed the plan, her office said."),
            "Sen. Ada Morn backed the plan, her office said."
        );
        assert_eq!(
            compress("But the ferry resumed on Monday, the port said."),
            "The ferry resumed on Monday, the port said."
        );
        assert_eq!(
            compress("Rep. Tom Vale (R) and Rep. Ida Crane\u{a0}(D., Mont.) voted no."),
            "Rep. Tom Vale and Rep. Ida Crane voted no."
        );
        assert_eq!(
            compress("And on the second day of the strike, the ferries stopped."),
            "On the second day of the strike, the ferries stopped."
        );
    }

    #[test]
    fn a_sentence_ending_in_a_word_gets_a_full_stop() {
        assert_eq!(
            compress("Ruiz asks the council for a meeting for the second time in six months"),
            "Ruiz asks the council for a meeting for the second time in six months."
        );
        assert_eq!(compress("Is the port closed?"), "Is the port closed?");
        assert_eq!(
            compress("“The port is closed,” Ruiz said."),
            "“The port is closed,” Ruiz said."
        );
    }

    #[test]
    fn what_carries_meaning_stays() {
        for kept in [
            "And so the strike went on.",
            "But for the storm, the ferries would have sailed.",
            "Butler County (DHS) closed its offices.",
            "The Harbor Board (HB) met (briefly) on Friday.",
            "Officials said (without giving figures) that the port reopened.",
        ] {
            assert_eq!(compress(kept), kept);
        }
    }
}
