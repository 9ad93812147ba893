//! Quantities: numbers in digits or words, with ranges, hedges, units, money and the noun they
//! count ("about 4,000 workers", "60,000 to 90,000 troops", "$1.2 billion", "40 percent").
//!
//! Numbers that belong to other annotators are left out: dates and years, clock times, lengths
//! of time ("three weeks", "50-minute"; the time annotator gives those TIMEX3 durations), ordinals,
//! and identifiers such as "Gate 4". A quantity needs a unit or a counted noun, or a hedge, or a
//! range, so bare numbers in running text ("one of them") are not reported.

use parallax_model::{Article, Quantity, is_currency};
use regex::Regex;
use std::sync::LazyLock;

/// Whether `word` (lowercase) is a number written as a word ("two", "forty"); not "one", which
/// is as often a pronoun.
pub(crate) fn is_number_word(word: &str) -> bool {
    WORD_NUMBERS.iter().any(|(number, _)| *number == word)
}

const WORD_NUMBERS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("dozen", 12.0),
];

const MULTIPLIERS: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("bn", 1e9),
    ("mn", 1e6),
    ("m", 1e6),
    ("k", 1e3),
];

/// Units, each with the name it is reported under. Currencies by symbol come from the pattern.
const UNITS: &[(&str, &str)] = &[
    ("percentage points", "percentage point"),
    ("percentage point", "percentage point"),
    ("per cent", "percent"),
    ("percent", "percent"),
    ("%", "percent"),
    ("dollars", "USD"),
    ("euros", "EUR"),
    ("pounds", "GBP"),
    ("roubles", "RUB"),
    ("rubles", "RUB"),
    ("yuan", "CNY"),
    ("yen", "JPY"),
    ("rupees", "INR"),
    ("kilometres", "km"),
    ("kilometers", "km"),
    ("km", "km"),
    ("miles", "mi"),
    ("metres", "m"),
    ("meters", "m"),
    ("tonnes", "t"),
    ("tons", "t"),
    ("kilograms", "kg"),
    ("kg", "kg"),
    ("megawatts", "MW"),
    ("megawatt", "MW"),
    ("mw", "MW"),
    ("gigawatts", "GW"),
    ("gigawatt", "GW"),
    ("gw", "GW"),
    ("barrels", "barrel"),
    ("hectares", "ha"),
    ("square kilometres", "km2"),
    ("square kilometers", "km2"),
    ("square miles", "mi2"),
];

/// Lengths of time: a number counting these is a duration, which the time annotator reports.
const TIME_UNITS: &[&str] = &[
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "fortnight",
    "month",
    "year",
    "decade",
    "century",
    "centuries",
    "weekend",
    "night",
    "morning",
    "evening",
    "a.m",
    "p.m",
    "am",
    "pm",
    "o'clock",
    "min",
    "mins",
    "hr",
    "hrs",
    "sec",
    "secs",
];

/// Abbreviated month names; the full ones are [`parallax_model::MONTH_NAMES`].
const MONTH_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Whether `word` (in lowercase) names a month, in full or abbreviated.
pub(crate) fn is_month(word: &str) -> bool {
    parallax_model::MONTH_NAMES.contains(&word) || MONTH_ABBREVIATIONS.contains(&word)
}

/// Words that end a noun phrase after a number: the counted noun is the phrase's last word.
const PHRASE_STOPS: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or",
    "but", "as", "than", "that", "which", "who", "whom", "were", "was", "are", "is", "be", "been",
    "have", "has", "had", "will", "would", "could", "should", "may", "might", "can", "did", "do",
    "does", "said", "say", "says", "more", "less", "each", "per", "this", "these", "those", "it",
    "they", "their", "its", "his", "her", "our", "not", "into", "over", "under", "since", "after",
    "before", "during", "while", "when", "where", "if", "so", "still", "now", "then", "also",
    "already", "again", "near", "along", "across", "out", "off", "up", "down", "about", "around",
    "he", "she", "we", "i", "you", "him", "them", "us", "me", "there", "what",
];

const HEDGES: &str = r"about|around|roughly|approximately|nearly|almost|some|up to|more than|over|at least|at most|fewer than|less than|under|below|above|as many as|as much as|as few as|close to|an estimated|estimated|just over|just under|well over|upwards of|between|from";

static QUANTITY: LazyLock<Regex> = LazyLock::new(|| {
    // Each word ends at a word boundary: "four" must not stop inside "fourteen", which the
    // alternation would otherwise try first and then find glued to letters.
    let word_number = format!(
        r"(?:(?:{words})\b(?:[\s-](?:{words})\b)*)",
        words = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|zero|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|half a dozen|a dozen|dozen|one"
    );
    let number = format!(r"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|{word_number})");
    let multiplier = r"(?:\s?(?:thousand|million|billion|trillion)\b|(?:bn|mn|m|k)\b)";
    let pattern = format!(
        r"(?i)(?:\b(?P<hedge>{HEDGES})\s+)?(?P<currency>[$€£¥₽]\s?)?\b(?P<low>{number})(?P<low_multiplier>{multiplier})?(?:\s*(?P<connector>-|–|—|to|and)\s*(?P<currency_high>[$€£¥₽]\s?)?(?P<high>{number})(?P<high_multiplier>{multiplier})?)?"
    );
    // ASCII word boundaries: every word the pattern matches is ASCII, and a Unicode `\b` makes
    // the regex crate leave its DFA for a much slower engine on any text with a non-ASCII letter
    // or a curly quote, which is most news text.
    let pattern = pattern.replace(r"\b", r"(?-u:\b)");
    Regex::new(&pattern).expect("the quantity pattern is valid")
});

/// The quantities of `article`, in text order.
pub fn quantities(article: &Article) -> Vec<Quantity> {
    quantities_in(&article.text)
}

/// The quantities of `text`, in text order, with byte ranges into it.
pub fn quantities_in(text: &str) -> Vec<Quantity> {
    QUANTITY
        .captures_iter(text)
        .filter_map(|captures| quantity(text, &captures))
        .collect()
}

fn quantity(text: &str, captures: &regex::Captures<'_>) -> Option<Quantity> {
    let whole = captures.get(0)?;
    let low = captures.name("low")?;
    let mut hedge = captures.name("hedge").map(|m| m.as_str().to_lowercase());
    let mut end = whole.end();

    // A range needs a second number; "and" joins a range only after "between".
    let mut high = captures.name("high");
    let mut high_multiplier = captures.name("high_multiplier");
    if let Some(connector) = captures.name("connector") {
        let connector = connector.as_str().to_lowercase();
        let valid = match connector.as_str() {
            "and" => hedge.as_deref() == Some("between"),
            "to" => true,
            _ => true,
        };
        if !valid {
            high = None;
            high_multiplier = None;
            end = captures
                .name("low_multiplier")
                .map_or(low.end(), |multiplier| multiplier.end());
        }
    }
    // "between" and "from" are hedges only when they open a range.
    if high.is_none() && matches!(hedge.as_deref(), Some("between" | "from")) {
        hedge = None;
    }
    let start = if hedge.is_some() || captures.name("currency").is_some() {
        whole.start()
    } else {
        captures
            .name("currency")
            .map_or(low.start(), |currency| currency.start())
    };

    let low_text = low.as_str();
    if is_excluded(text, low.start(), low_text, end) {
        return None;
    }
    let low_multiplier = captures
        .name("low_multiplier")
        .and_then(|m| multiplier(m.as_str()));
    let high_multiplier = high_multiplier.and_then(|m| multiplier(m.as_str()));
    let mut value = parse_number(low_text)?;
    let mut upper = match high {
        Some(high) => Some(parse_number(high.as_str())?),
        None => None,
    };
    // "60,000 to 90,000" carries no multiplier; "3 to 5 million" shares the second one.
    match (low_multiplier, high_multiplier) {
        (Some(low), Some(high)) => {
            value *= low;
            upper = upper.map(|upper| upper * high);
        }
        (Some(low), None) => {
            value *= low;
            upper = upper.map(|upper| upper * low);
        }
        (None, Some(high)) => {
            value *= high;
            upper = upper.map(|upper| upper * high);
        }
        (None, None) => {}
    }

    let mut unit = captures
        .name("currency")
        .or_else(|| captures.name("currency_high"))
        .map(|currency| currency_code(currency.as_str().trim()).to_string());
    let rest = &text[end..];
    let mut counted = None;
    if unit.is_none()
        && let Some((name, length)) = unit_after(rest)
    {
        unit = Some(name.to_string());
        end += length;
    }
    if let Some((noun, noun_end)) = counted_noun(&text[end..]) {
        if is_time_unit(&noun) {
            return None;
        }
        // After a sum, a word in -ed is what was done with it ("$1.4 billion authorized for
        // fencing"), not a thing priced.
        let done_with_sum = unit.is_some() && noun.ends_with("ed");
        if unit.as_deref().is_none_or(is_currency) && !done_with_sum {
            counted = Some(noun);
            end += noun_end;
        }
    } else if unit
        .as_deref()
        .is_some_and(|unit| !is_currency(unit) && !matches!(unit, "percent" | "percentage points"))
        && let Some((substance, substance_end)) = measured_substance(&text[end..])
    {
        counted = Some(substance);
        end += substance_end;
    }
    let is_range = upper.is_some();
    let is_word_number = low_text
        .chars()
        .all(|c| c.is_alphabetic() || c == ' ' || c == '-');
    if unit.is_none() && counted.is_none() && (hedge.is_none() || is_word_number) && !is_range {
        return None;
    }
    if low_text.eq_ignore_ascii_case("one") && low_multiplier.is_none() {
        return None;
    }
    Some(Quantity {
        range: start..end,
        value,
        upper,
        hedge,
        unit,
        counted,
    })
}

/// Whether the number at `start` is part of a date, a time, an ordinal, a year or a name.
fn is_excluded(text: &str, start: usize, number: &str, end: usize) -> bool {
    let before = &text[..start];
    let after = &text[end..];
    let previous_word = before
        .trim_end()
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or_default();
    let previous_lower = previous_word.trim_end_matches(['.', ',']).to_lowercase();
    let next_word = after
        .trim_start()
        .split(|c: char| c.is_whitespace() || c == ',' || c == ';' || c == ')')
        .next()
        .unwrap_or_default()
        .trim_end_matches('.')
        .to_lowercase();

    // Glued to letters, a colon or a slash: "G7", "3:30", "12/30", "COVID-19", "3rd", "50-minute".
    let glued_before = before
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, ':' | '/' | '-'));
    let glued_after = after
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || matches!(c, ':' | '/'))
        || after.starts_with('-') && !after[1..].starts_with(|c: char| c.is_ascii_digit());
    if glued_before || glued_after {
        return true;
    }
    if is_month(&previous_lower) || is_month(&next_word) {
        return true;
    }
    if is_time_unit(&next_word) {
        return true;
    }
    // News writes counts of this size with a separator ("2,000 troops"), so a bare four-digit
    // number in this range is a year.
    let digits_only = number.chars().all(|c| c.is_ascii_digit());
    if digits_only
        && number.len() == 4
        && number
            .parse::<u32>()
            .is_ok_and(|year| (1800..=2100).contains(&year))
    {
        return true;
    }
    // "Gate 4", "Terminal 2", "Article 5": a capitalized word then a short bare number; a
    // hedge or determiner opening a sentence ("About 140 homes …", "The 12 jurors …") is
    // no name.
    const OPENERS: &[&str] = &[
        "about",
        "around",
        "roughly",
        "approximately",
        "nearly",
        "almost",
        "some",
        "over",
        "under",
        "estimated",
        "the",
        "only",
        "just",
        "all",
        "another",
        "these",
        "those",
        "its",
        "their",
        "exactly",
        "fully",
        "barely",
        "perhaps",
        "and",
        "but",
    ];
    let capitalized_before = previous_word.chars().next().is_some_and(char::is_uppercase)
        && previous_word.chars().all(char::is_alphanumeric)
        && !OPENERS.contains(&previous_lower.as_str());
    capitalized_before && digits_only && number.len() <= 3
}

fn is_time_unit(word: &str) -> bool {
    let word = word.trim_end_matches(['.', ',']).to_lowercase();
    let singular = word
        .strip_suffix("ies")
        .map(|stem| format!("{stem}y"))
        .or_else(|| word.strip_suffix('s').map(str::to_string))
        .unwrap_or_else(|| word.clone());
    TIME_UNITS.contains(&word.as_str()) || TIME_UNITS.contains(&singular.as_str())
}

fn multiplier(text: &str) -> Option<f64> {
    let text = text.trim().to_lowercase();
    MULTIPLIERS
        .iter()
        .find(|(name, _)| *name == text)
        .map(|(_, value)| *value)
}

fn currency_code(symbol: &str) -> &'static str {
    match symbol {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        "₽" => "RUB",
        _ => "currency",
    }
}

/// Characters after a number that [`unit_after`] looks at: more than the longest unit in
/// [`UNITS`] ("percentage points", 17).
const UNIT_WINDOW: usize = 24;

/// A unit right after the number, and how many bytes it takes (leading space included).
fn unit_after(rest: &str) -> Option<(&'static str, usize)> {
    let trimmed = rest.trim_start();
    let skipped = rest.len() - trimmed.len();
    // Only the first characters can hold a unit: lowercasing the whole rest of the text for
    // every number made a page of 40,000 numbers take minutes. Every unit is at most
    // UNIT_WINDOW - 1 characters long and a character never lowercases to fewer, so the window
    // also holds the character after the longest unit.
    let window = trimmed
        .char_indices()
        .nth(UNIT_WINDOW)
        .map_or(trimmed.len(), |(byte_idx, _)| byte_idx);
    let lower = trimmed[..window].to_lowercase();
    UNITS.iter().find_map(|(surface, name)| {
        let matches = lower.starts_with(surface)
            && lower[surface.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
        (matches && (skipped > 0 || *surface == "%")).then(|| (*name, skipped + surface.len()))
    })
}

/// Most words of what a measure is of ("tonnes of ammonium nitrate").
const MAX_SUBSTANCE_WORDS: usize = 3;

/// What a measure after a number is of: "of" and at most [`MAX_SUBSTANCE_WORDS`] lowercase
/// words, up to a word of [`PHRASE_STOPS`], a form in "-ed" or "-ing" or anything but a word
/// ("2,400 tonnes of ammonium nitrate were …" measures nitrate, "40 km of road" road); the last
/// word is the head, and how many bytes the phrase takes. "Of the …" is a share of a thing named
/// elsewhere and gives none.
fn measured_substance(rest: &str) -> Option<(String, usize)> {
    let after_of = rest.strip_prefix(" of ")?;
    let mut offset = rest.len() - after_of.len();
    let mut head = None;
    for _ in 0..MAX_SUBSTANCE_WORDS {
        let remaining = &rest[offset..];
        let word_len = remaining
            .find(|c: char| !(c.is_ascii_lowercase() || c == '-'))
            .unwrap_or(remaining.len());
        let word = &remaining[..word_len];
        let verb_form = word.len() > 4 && (word.ends_with("ed") || word.ends_with("ing"));
        if word.len() < 2 || PHRASE_STOPS.contains(&word) || verb_form {
            break;
        }
        head = Some((word.to_string(), offset + word_len));
        offset += word_len;
        if !rest[offset..].starts_with(' ') {
            break;
        }
        offset += 1;
    }
    head
}

/// The noun counted by a number: the first word after it, or a later one when the words before
/// it modify it ("Orvian troops", "remote-controlled cranes", "container ships"). Without
/// part-of-speech tags a plural ends the phrase, so "workers walked" stops at "workers".
fn counted_noun(rest: &str) -> Option<(String, usize)> {
    if let Some(after_name) = noun_after_name(rest) {
        return Some(after_name);
    }
    let mut head: Option<(String, usize)> = None;
    let mut offset = 0;
    for _ in 0..3 {
        let remaining = &rest[offset..];
        let trimmed = remaining.trim_start_matches([' ', '\u{a0}']);
        let skipped = remaining.len() - trimmed.len();
        if skipped == 0 || trimmed.is_empty() {
            break;
        }
        let word_len = trimmed
            .find(|c: char| !(c.is_alphabetic() || c == '-' || c == '\'' || c == '\u{2019}'))
            .unwrap_or(trimmed.len());
        let word = &trimmed[..word_len];
        let lower = word.to_lowercase();
        if word_len == 0 || PHRASE_STOPS.contains(&lower.as_str()) {
            break;
        }
        if lower.ends_with("'s") || lower.ends_with("\u{2019}s") {
            break;
        }
        offset += skipped + word_len;
        // A plural possessive ("countries' relations") is the counted noun itself.
        if let Some(plural) = lower.strip_suffix(['\'', '\u{2019}']) {
            head = Some((plural.to_string(), offset));
            break;
        }
        let next_word = trimmed[word_len..]
            .strip_prefix(' ')
            .map(|after| {
                after
                    .split(|c: char| !c.is_alphabetic())
                    .next()
                    .unwrap_or_default()
            })
            .unwrap_or_default();
        let modifies_next = !next_word.is_empty()
            && !PHRASE_STOPS.contains(&next_word.to_lowercase().as_str())
            && (word.chars().next().is_some_and(char::is_uppercase)
                || word.contains('-')
                || ADJECTIVE_SUFFIXES
                    .iter()
                    .any(|suffix| lower.ends_with(suffix))
                || (!lower.ends_with('s') && next_word.ends_with('s')));
        head = Some((lower, offset));
        if !modifies_next {
            break;
        }
    }
    head.filter(|(word, _)| word.chars().count() > 1)
}

/// The noun a number counts after a name that modifies it, when the name holds a connector or
/// an acronym in parentheses, which the word-by-word reading of [`counted_noun`] stops at:
/// "700,000 Deferred Action for Childhood Arrivals (DACA) recipients" counts recipients.
fn noun_after_name(rest: &str) -> Option<(String, usize)> {
    let mut offset = 0;
    let mut n_capitalized = 0;
    let mut joined = false;
    for _ in 0..10 {
        let remaining = &rest[offset..];
        let trimmed = remaining.trim_start_matches([' ', '\u{a0}']);
        let skipped = remaining.len() - trimmed.len();
        if skipped == 0 || trimmed.is_empty() {
            return None;
        }
        // An acronym of the name in parentheses: "(DACA)".
        if let Some(inside) = trimmed.strip_prefix('(') {
            let close = inside.find(')')?;
            let acronym = &inside[..close];
            if n_capitalized < 2
                || acronym.is_empty()
                || !acronym
                    .chars()
                    .all(|c| c.is_uppercase() || c == '.' || c == '&')
            {
                return None;
            }
            joined = true;
            offset += skipped + close + 2;
            continue;
        }
        let word_len = trimmed
            .find(|c: char| !(c.is_alphabetic() || c == '-'))
            .unwrap_or(trimmed.len());
        let word = &trimmed[..word_len];
        if word.is_empty() {
            return None;
        }
        let lower = word.to_lowercase();
        if word.starts_with(char::is_uppercase) {
            n_capitalized += 1;
        } else if matches!(lower.as_str(), "for" | "of" | "and") && n_capitalized > 0 {
            joined = true;
        } else {
            // The first lowercase word after the name is the noun, when the name was one.
            return (joined
                && n_capitalized >= 2
                && !PHRASE_STOPS.contains(&lower.as_str())
                && word.chars().count() > 1)
                .then(|| (lower, offset + skipped + word_len));
        }
        offset += skipped + word_len;
    }
    None
}

/// Endings of adjectives that stand before the noun a number counts ("military", "Orvian").
const ADJECTIVE_SUFFIXES: &[&str] = &["al", "ic", "ive", "ous", "ian", "ese", "ish", "ary", "ful"];

fn parse_number(text: &str) -> Option<f64> {
    let cleaned: String = text.chars().filter(|c| *c != ',').collect();
    if let Ok(value) = cleaned.parse::<f64>() {
        return Some(value);
    }
    let lower = text.to_lowercase();
    let mut current: f64 = 0.0;
    // "half a dozen" is six.
    let lower = match lower.strip_prefix("half a dozen") {
        Some(rest) => format!("six{rest}"),
        None => lower,
    };
    for word in lower.split([' ', '-']).filter(|word| !word.is_empty()) {
        match word {
            "a" => current = current.max(1.0),
            "one" => current += 1.0,
            "hundred" => current = current.max(1.0) * 100.0,
            _ => {
                let (_, value) = WORD_NUMBERS.iter().find(|(name, _)| *name == word)?;
                if word == "dozen" {
                    current = current.max(1.0) * 12.0;
                } else {
                    current += value;
                }
            }
        }
    }
    Some(current)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (surface, value, upper, hedge, unit, counted)
    type Expected<'a> = (
        &'a str,
        f64,
        Option<f64>,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
    );

    fn check(text: &str, expected: &[Expected<'_>]) {
        let quantities = quantities_in(text);
        let found: Vec<Expected<'_>> = quantities
            .iter()
            .map(|quantity| {
                (
                    &text[quantity.range.clone()],
                    quantity.value,
                    quantity.upper,
                    quantity.hedge.as_deref(),
                    quantity.unit.as_deref(),
                    quantity.counted.as_deref(),
                )
            })
            .collect();
        let found: Vec<String> = found.iter().map(|q| format!("{q:?}")).collect();
        let expected: Vec<String> = expected.iter().map(|q| format!("{q:?}")).collect();
        assert_eq!(found, expected, "in {text:?}");
    }

    #[test]
    fn teens_in_words() {
        check(
            "Velmar freed fourteen Ostravan pilots and Ostrava freed seventeen.",
            &[(
                "fourteen Ostravan pilots",
                14.0,
                None,
                None,
                None,
                Some("pilots"),
            )],
        );
        check(
            "Nineteen ships and sixty-six crews waited.",
            &[
                ("Nineteen ships", 19.0, None, None, None, Some("ships")),
                ("sixty-six crews", 66.0, None, None, None, Some("crews")),
            ],
        );
    }

    #[test]
    fn half_a_dozen_is_six() {
        check(
            "Half a dozen hospitals closed and a dozen clinics opened.",
            &[
                (
                    "Half a dozen hospitals",
                    6.0,
                    None,
                    None,
                    None,
                    Some("hospitals"),
                ),
                ("a dozen clinics", 12.0, None, None, None, Some("clinics")),
            ],
        );
    }

    #[test]
    fn counts_with_hedges() {
        check(
            "About 4,000 workers walked out and more than 60 ships wait offshore.",
            &[
                (
                    "About 4,000 workers",
                    4000.0,
                    None,
                    Some("about"),
                    None,
                    Some("workers"),
                ),
                (
                    "more than 60 ships",
                    60.0,
                    None,
                    Some("more than"),
                    None,
                    Some("ships"),
                ),
            ],
        );
    }

    #[test]
    fn a_hedge_or_determiner_opening_a_sentence_is_no_label() {
        check(
            "About 140 homes burned. The 12 jurors left. Gate 4 opened.",
            &[
                (
                    "About 140 homes",
                    140.0,
                    None,
                    Some("about"),
                    None,
                    Some("homes"),
                ),
                ("12 jurors", 12.0, None, None, None, Some("jurors")),
            ],
        );
    }

    #[test]
    fn ranges() {
        check(
            "Officials counted 60,000 to 90,000 Orvian troops near the border.",
            &[(
                "60,000 to 90,000 Orvian troops",
                60000.0,
                Some(90000.0),
                None,
                None,
                Some("troops"),
            )],
        );
        check(
            "Between 3,000 and 5,000 dockers stayed out.",
            &[(
                "Between 3,000 and 5,000 dockers",
                3000.0,
                Some(5000.0),
                Some("between"),
                None,
                Some("dockers"),
            )],
        );
        check(
            "Losses reached 3 to 5 million marks.",
            &[(
                "3 to 5 million marks",
                3e6,
                Some(5e6),
                None,
                None,
                Some("marks"),
            )],
        );
    }

    #[test]
    fn money_percent_and_units() {
        check(
            "The plan costs $1.2 billion, about 40 percent of the budget, for a 1,200 megawatt dam.",
            &[
                ("$1.2 billion", 1.2e9, None, None, Some("USD"), None),
                (
                    "about 40 percent",
                    40.0,
                    None,
                    Some("about"),
                    Some("percent"),
                    None,
                ),
                ("1,200 megawatt", 1200.0, None, None, Some("MW"), None),
            ],
        );
        check(
            "Prices rose 2.5% and fuel cost 300 euros a tonne.",
            &[
                ("2.5%", 2.5, None, None, Some("percent"), None),
                ("300 euros", 300.0, None, None, Some("EUR"), None),
            ],
        );
    }

    #[test]
    fn a_sum_counts_no_pronoun_or_participle() {
        check(
            "Of the $5.7 billion he sought, $1.4 billion authorized for fences went to a $43,000 survey.",
            &[
                ("$5.7 billion", 5.7e9, None, None, Some("USD"), None),
                ("$1.4 billion", 1.4e9, None, None, Some("USD"), None),
                (
                    "$43,000 survey",
                    43_000.0,
                    None,
                    None,
                    Some("USD"),
                    Some("survey"),
                ),
            ],
        );
    }

    #[test]
    fn a_measure_is_of_what_follows_it() {
        check(
            "The shed held 2,400 tonnes of ammonium nitrate, 40 km of the road flooded and 12 percent of voters stayed home.",
            &[
                (
                    "2,400 tonnes of ammonium nitrate",
                    2400.0,
                    None,
                    None,
                    Some("t"),
                    Some("nitrate"),
                ),
                ("40 km", 40.0, None, None, Some("km"), None),
                ("12 percent", 12.0, None, None, Some("percent"), None),
            ],
        );
    }

    #[test]
    fn counted_noun_is_the_head_of_the_phrase() {
        check(
            "Crews moved 24 remote-controlled cranes and 300 container ships while 12 police officers watched.",
            &[
                (
                    "24 remote-controlled cranes",
                    24.0,
                    None,
                    None,
                    None,
                    Some("cranes"),
                ),
                (
                    "300 container ships",
                    300.0,
                    None,
                    None,
                    None,
                    Some("ships"),
                ),
                (
                    "12 police officers",
                    12.0,
                    None,
                    None,
                    None,
                    Some("officers"),
                ),
            ],
        );
    }

    #[test]
    fn a_name_with_connectors_or_an_acronym_modifies_the_counted_noun() {
        check(
            "The plan covers 700,000 Harbour Access for Seasonal Pilots (HASP) recipients and 40 Velmar Ferries boats.",
            &[
                (
                    "700,000 Harbour Access for Seasonal Pilots (HASP) recipients",
                    700_000.0,
                    None,
                    None,
                    None,
                    Some("recipients"),
                ),
                (
                    "40 Velmar Ferries boats",
                    40.0,
                    None,
                    None,
                    None,
                    Some("boats"),
                ),
            ],
        );
    }

    #[test]
    fn number_words() {
        check(
            "Police detained forty-five people and some twenty reporters.",
            &[
                ("forty-five people", 45.0, None, None, None, Some("people")),
                (
                    "some twenty reporters",
                    20.0,
                    None,
                    Some("some"),
                    None,
                    Some("reporters"),
                ),
            ],
        );
    }

    #[test]
    fn dates_times_durations_and_names_are_not_quantities() {
        check(
            "On March 3, 2026 at 10:30 the 40-minute meeting at Gate 4 began; \
             in 2014 talks lasted three weeks and the 3rd round began on 9-10 January.",
            &[],
        );
        check("One of them left, and no one stayed.", &[]);
        check("2022 represents a test; the 3 min read ends.", &[]);
        check(
            "The two countries' relations soured.",
            &[("two countries'", 2.0, None, None, None, Some("countries"))],
        );
    }

    #[test]
    fn non_ascii_text_around_numbers() {
        check(
            "\u{201c}The café sent 5,000 troops,\u{201d} said Zoë; it cost about €3 million.",
            &[
                ("5,000 troops", 5000.0, None, None, None, Some("troops")),
                (
                    "about €3 million",
                    3_000_000.0,
                    None,
                    Some("about"),
                    Some("EUR"),
                    None,
                ),
            ],
        );
    }

    #[test]
    fn hostile_input_is_bounded() {
        let text = "1, 2 to 3 and ".repeat(20_000);
        let started = std::time::Instant::now();
        let _ = quantities_in(&text);
        assert!(started.elapsed().as_secs() < 5);
    }

    #[test]
    fn many_numbers_with_units_stay_linear() {
        // The adversarial corpus's page of 20,000 paragraphs: each number used to lowercase
        // the whole rest of the text to look for a unit.
        let text = "About 1,200 workers, or 40 per cent, struck on 3 March. ".repeat(20_000);
        let started = std::time::Instant::now();
        let found = quantities_in(&text);
        assert!(started.elapsed().as_secs() < 5);
        assert_eq!(found.len(), 40_000);
        assert_eq!(found[1].unit.as_deref(), Some("percent"));
        assert_eq!(
            unit_after(&format!(" percentage points{}", "x".repeat(100))),
            None
        );
        assert_eq!(
            unit_after(" percentage points."),
            Some(("percentage point", 18))
        );
    }
}
