//! How long a meeting lasted, as a quantity that sources can agree on or dispute ("a 50-minute
//! call", "the talks lasted more than two hours").
//!
//! The time annotator gives lengths of time as TIMEX3 durations; one is a meeting's length when
//! it qualifies a word naming a meeting ([`super::MEETING_WORDS`]) in one of three shapes: a
//! compound adjective just before it ("50-minute telephone talks", "an hour-long call"), a
//! measure of it ("two hours of talks"), or the object of "last" after it ("the meeting, which
//! lasted 40 minutes"). Any other length near a meeting ("two weeks before the summit") is not
//! its length. Lengths are counted in minutes so that "an hour" and "60 minutes" are one value.

use super::is_meeting_word;
use parallax_model::{Annotated, Quantity, TimeExpression, TimeKind, TimeModifier};

/// The unit meeting lengths are given in; no quantity of the quantity annotator has it (lengths
/// of time are left to the time annotator), so they are compared only with each other.
pub(super) const UNIT: &str = "minutes";

/// Words between a compound length and the meeting word it qualifies ("telephone", "phone").
const MAX_WORDS_BETWEEN: usize = 2;

/// How many words after the meeting word "lasted" may stand ("the call between the two leaders
/// lasted").
const LASTED_WINDOW: usize = 6;

/// The lengths of the meetings of `annotated`, as quantities of [`UNIT`] whose counted noun is
/// "length of the" and the meeting word.
pub(super) fn meeting_lengths(annotated: &Annotated) -> Vec<Quantity> {
    let text = annotated.article.text.as_str();
    annotated
        .times
        .iter()
        .filter(|time| time.kind == TimeKind::Duration)
        .filter_map(|time| {
            let minutes = minutes(&time.value)?;
            let meeting_word = meeting_after(text, time).or_else(|| meeting_before(text, time))?;
            Some(Quantity {
                range: time.range.clone(),
                value: minutes,
                upper: None,
                hedge: time.modifier.and_then(hedge).map(str::to_string),
                unit: Some(UNIT.to_string()),
                counted: Some(format!("length of the {meeting_word}")),
            })
        })
        .collect()
}

/// The hedge word of the quantity intervals ([`super::interval`]) that means what `modifier`
/// means, for the modifiers that say how exact a length is.
fn hedge(modifier: TimeModifier) -> Option<&'static str> {
    match modifier {
        TimeModifier::Approx => Some("about"),
        TimeModifier::LessThan => Some("less than"),
        TimeModifier::MoreThan => Some("more than"),
        TimeModifier::EqualOrLess => Some("up to"),
        TimeModifier::EqualOrMore => Some("at least"),
        TimeModifier::Start | TimeModifier::Mid | TimeModifier::End => None,
    }
}

/// A TIMEX3 duration value ("PT50M", "P2D", "PT1.5H") in minutes; `None` for a vague one
/// ("PXM") or any other value.
fn minutes(value: &str) -> Option<f64> {
    let rest = value.strip_prefix('P')?;
    let (date_part, time_part) = match rest.split_once('T') {
        Some((date, time)) => (date, time),
        None => (rest, ""),
    };
    let mut total = 0.0;
    let mut any = false;
    for (part, units) in [
        (
            date_part,
            &[
                ('Y', 525_600.0),
                ('M', 43_800.0),
                ('W', 10_080.0),
                ('D', 1_440.0),
            ][..],
        ),
        (time_part, &[('H', 60.0), ('M', 1.0), ('S', 1.0 / 60.0)][..]),
    ] {
        let mut number = String::new();
        for c in part.chars() {
            if c.is_ascii_digit() || c == '.' {
                number.push(c);
                continue;
            }
            let (_, per_unit) = units.iter().find(|(unit, _)| *unit == c)?;
            let amount: f64 = number.parse().ok()?;
            total += amount * per_unit;
            any = true;
            number.clear();
        }
        if !number.is_empty() {
            return None;
        }
    }
    (any && total > 0.0).then_some(total)
}

/// The meeting word a length stands before: a compound ("50-minute talks", "hour-long call")
/// with at most [`MAX_WORDS_BETWEEN`] words between, or a measure ("two hours of talks").
fn meeting_after(text: &str, time: &TimeExpression) -> Option<String> {
    let expression = text.get(time.range.clone())?;
    let after = text.get(time.range.end..)?;
    let words: Vec<String> = after
        .split_whitespace()
        .take(MAX_WORDS_BETWEEN + 2)
        .map(|word| word.to_lowercase())
        .collect();
    let is_compound = expression.contains('-') || expression.ends_with("long");
    // A compound is glued to its noun; punctuation between ("50-minute, and …") ends it.
    let bare = |word: &str| word.chars().all(char::is_alphabetic);
    if is_compound && after.starts_with(' ') {
        for word in words.iter().take(MAX_WORDS_BETWEEN + 1) {
            let noun = word.trim_end_matches(|c: char| !c.is_alphabetic());
            if is_meeting_word(noun) {
                return Some(noun.to_string());
            }
            if !bare(word) {
                return None;
            }
        }
        return None;
    }
    // "two hours of talks", "three days of tense negotiations".
    if words.first().map(String::as_str) == Some("of") {
        let noun = words
            .iter()
            .skip(1)
            .take(2)
            .map(|word| word.trim_end_matches(|c: char| !c.is_alphabetic()))
            .find(|word| is_meeting_word(word))?;
        return Some(noun.to_string());
    }
    None
}

/// Words that may stand between a length and what it measures: hedges ("just", "more than").
const HEDGE_WORDS: &[&str] = &[
    "about", "around", "nearly", "almost", "roughly", "some", "just", "over", "under", "than",
    "more", "less", "barely", "only",
];

/// Verbs of meeting whose "for" takes the meeting's length ("met for forty minutes", "talked
/// for fifty minutes"), each with the meeting word the length is shown under.
const MEETING_VERBS: &[(&str, &str)] = &[
    ("met", "meeting"),
    ("meet", "meeting"),
    ("meets", "meeting"),
    ("conferred", "meeting"),
    ("huddled", "meeting"),
    ("talked", "conversation"),
    ("talk", "conversation"),
    ("spoke", "conversation"),
    ("speak", "conversation"),
    ("spoken", "conversation"),
    ("chatted", "conversation"),
    ("negotiated", "negotiations"),
];

/// Words that may stand between a verb of meeting and its "for" ("spoke by phone for").
const MEETING_VERB_COMPLEMENTS: &[&str] = &[
    "by",
    "phone",
    "telephone",
    "video",
    "privately",
    "again",
    "alone",
    "separately",
    "directly",
    "briefly",
];

/// Words that end a meeting, after which "after" gives its length: "the talks collapsed after
/// two days", "cut the meeting short after forty minutes", "the session ended after an hour".
const ENDING_WORDS: &[&str] = &[
    "ended",
    "ends",
    "collapsed",
    "collapse",
    "collapses",
    "concluded",
    "adjourned",
    "short",
    "up",
];

/// The meeting word of a length that stands after what it measures: the object of "last" ("the
/// call lasted 50 minutes", "talks that lasted for more than two hours"), the length a verb of
/// meeting goes on for ("the two ministers met for forty minutes"), or the time after which a
/// meeting ended ("the talks collapsed after just two days").
fn meeting_before(text: &str, time: &TimeExpression) -> Option<String> {
    let before = text.get(..time.range.start)?;
    // A meeting and its length belong to one clause: the words are read back to the last
    // sentence or clause mark, at most far enough for the longest shape.
    let words: Vec<String> = before
        .split_whitespace()
        .rev()
        .take(LASTED_WINDOW + 6)
        .map(|word| word.to_lowercase())
        .collect();
    let clause_len = words
        .iter()
        .position(|word| word.ends_with(['.', ';', ':', '!', '?']))
        .unwrap_or(words.len());
    let raw = &words[..clause_len];
    let words: Vec<&str> = raw
        .iter()
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let hedges = words
        .iter()
        .take_while(|word| HEDGE_WORDS.contains(word))
        .count();
    let rest = &words[hedges..];
    match rest.first().copied() {
        Some("for") if is_lasted(rest.get(1).copied()) => meeting_word_in(&rest[2..]),
        Some("for") => rest
            .iter()
            .skip(1)
            .take(3)
            .take_while(|word| {
                MEETING_VERB_COMPLEMENTS.contains(word) || meeting_verb(word).is_some()
            })
            .find_map(|word| meeting_verb(word))
            .map(str::to_string),
        Some("after") => {
            let ending = rest
                .iter()
                .skip(1)
                .take(2)
                .position(|word| ENDING_WORDS.contains(word))?;
            let ended = &rest[2 + ending..];
            // "broke up", "wound up": "up" ends a meeting only after its verb.
            if rest[1 + ending] == "up" && !matches!(ended.first(), Some(&("broke" | "wound"))) {
                return None;
            }
            // What ended is its verb's subject: the words back to a comma or a conjunction.
            let subject_len = raw[hedges + 2 + ending..]
                .iter()
                .position(|word| {
                    word.ends_with(',') || matches!(word.as_str(), "and" | "but" | "while" | "as")
                })
                .unwrap_or(ended.len());
            meeting_word_in(&ended[..subject_len])
        }
        first if is_lasted(first) => meeting_word_in(&rest[1..]),
        _ => None,
    }
}

/// Whether `word` is a form of "last".
fn is_lasted(word: Option<&str>) -> bool {
    matches!(word, Some("lasted" | "lasting" | "lasts" | "last"))
}

/// The meeting word of a verb of meeting ([`MEETING_VERBS`]).
fn meeting_verb(word: &str) -> Option<&'static str> {
    MEETING_VERBS
        .iter()
        .find(|(verb, _)| *verb == word)
        .map(|(_, meeting_word)| *meeting_word)
}

/// The first meeting word among the [`LASTED_WINDOW`] words before a verb, read backwards.
fn meeting_word_in(words_before: &[&str]) -> Option<String> {
    words_before
        .iter()
        .take(LASTED_WINDOW)
        .find(|word| is_meeting_word(word))
        .map(|word| word.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::{Article, Origin};

    fn lengths(text: &str, durations: &[(&str, &str, Option<TimeModifier>)]) -> Vec<Quantity> {
        let mut annotated = Annotated::new(Article::new(Origin::File("a.txt".into()), text.into()));
        for (expression, value, modifier) in durations {
            let start = text.find(expression).expect("expression in text");
            annotated.times.push(TimeExpression {
                range: start..start + expression.len(),
                kind: TimeKind::Duration,
                value: value.to_string(),
                modifier: *modifier,
            });
        }
        meeting_lengths(&annotated)
    }

    #[test]
    fn durations_are_read_in_minutes() {
        assert_eq!(minutes("PT50M"), Some(50.0));
        assert_eq!(minutes("PT1H"), Some(60.0));
        assert_eq!(minutes("PT1.5H"), Some(90.0));
        assert_eq!(minutes("P2D"), Some(2_880.0));
        assert_eq!(minutes("P1DT2H"), Some(1_560.0));
        assert_eq!(minutes("PXM"), None);
        assert_eq!(minutes("P"), None);
        assert_eq!(minutes("2021-12-30"), None);
    }

    #[test]
    fn a_length_qualifying_a_meeting_is_its_length() {
        let found = lengths(
            "The two ministers held 40-minute phone talks.",
            &[("40-minute", "PT40M", None)],
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].value, 40.0);
        assert_eq!(found[0].counted.as_deref(), Some("length of the talks"));

        let found = lengths(
            "The meeting in the capital lasted more than two hours.",
            &[("two hours", "PT2H", Some(TimeModifier::MoreThan))],
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].value, 120.0);
        assert_eq!(found[0].hedge.as_deref(), Some("more than"));

        let found = lengths(
            "It took three days of negotiations to agree.",
            &[("three days", "P3D", None)],
        );
        assert_eq!(
            found[0].counted.as_deref(),
            Some("length of the negotiations")
        );
    }

    #[test]
    fn a_meeting_verb_or_its_end_gives_the_length() {
        let found = lengths(
            "The two ministers met for forty minutes in the capital.",
            &[("forty minutes", "PT40M", None)],
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].counted.as_deref(), Some("length of the meeting"));

        let found = lengths(
            "Ruiz and Berg spoke by phone for about an hour on Friday.",
            &[("an hour", "PT1H", Some(TimeModifier::Approx))],
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].value, 60.0);
        assert_eq!(
            found[0].counted.as_deref(),
            Some("length of the conversation")
        );

        let found = lengths(
            "The envoy cut the meeting short after barely forty minutes.",
            &[("forty minutes", "PT40M", None)],
        );
        assert_eq!(found[0].counted.as_deref(), Some("length of the meeting"));

        let found = lengths(
            "The talks in Osmia broke up after two days.",
            &[("two days", "P2D", None)],
        );
        assert_eq!(found[0].counted.as_deref(), Some("length of the talks"));
    }

    #[test]
    fn other_lengths_near_a_meeting_are_not_its_length() {
        assert!(
            lengths(
                "Two weeks before the summit, the envoys met in secret.",
                &[("Two weeks", "P2W", None)],
            )
            .is_empty()
        );
        assert!(
            lengths(
                "After a 30-minute drive, the delegation reached the meeting.",
                &[("30-minute", "PT30M", None)],
            )
            .is_empty()
        );
        assert!(
            lengths(
                "The ceasefire has lasted two years since the talks.",
                &[("two years", "P2Y", None)],
            )
            .is_empty()
        );
        for (text, expression, value) in [
            // Waiting, not meeting; a verb of meeting in another sentence.
            (
                "The envoys met. They waited for two hours.",
                "two hours",
                "PT2H",
            ),
            (
                "The delegates met and then waited for two hours.",
                "two hours",
                "PT2H",
            ),
            // Something else ended after the length.
            ("The strike ended after three weeks.", "three weeks", "P3W"),
            (
                "The talks went on, and the protest ended after an hour.",
                "an hour",
                "PT1H",
            ),
            // "up" ends a meeting only after "broke" or "wound".
            ("The talks picked up after two days.", "two days", "P2D"),
        ] {
            assert!(
                lengths(text, &[(expression, value, None)]).is_empty(),
                "{text}"
            );
        }
    }
}
