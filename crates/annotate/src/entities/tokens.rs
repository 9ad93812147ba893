//! Tokens for the entity annotator: words and punctuation with byte ranges, and what the name
//! rules ask of a word (capitalized, possessive, first of its sentence).

use parallax_model::Sentence;
use std::borrow::Cow;
use std::ops::Range;

/// Abbreviations that keep their final period ("Gen.", "Inc."), lowercased without it.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "sen", "rep",
    "gov", "rev", "st", "jr", "sr", "inc", "corp", "co", "ltd", "plc", "bros", "no",
];

/// One token of the text.
#[derive(Debug, Clone)]
pub(crate) struct Token<'a> {
    /// Where it is; for a possessive word, without the "'s".
    pub(crate) range: Range<usize>,
    /// Whether it is a word (letters, digits and inner apostrophes, hyphens, periods).
    pub(crate) word: bool,
    /// The token lowercased, typographic apostrophes written as ASCII: borrowed from the text
    /// when it is so already, as most words are.
    pub(crate) lower: Cow<'a, str>,
    /// Whether its first character is an uppercase letter.
    pub(crate) capitalized: bool,
    /// Whether it is written in capitals only, two letters or more ("HWF", "U.S.").
    pub(crate) all_caps: bool,
    /// Whether a possessive "'s" follows it.
    pub(crate) possessive: bool,
    /// Whether a currency sign follows it with no space ("US$", "A$"): a unit, not a name.
    pub(crate) currency: bool,
    /// Index of its sentence.
    pub(crate) sentence: usize,
    /// Whether it is the first word of its sentence, of a quotation or after a colon: a place
    /// where any word is capitalized.
    pub(crate) starts_sentence: bool,
}

impl Token<'_> {
    /// Whether this is the punctuation character `c`.
    pub(crate) fn is_punct(&self, c: char) -> bool {
        !self.word && self.lower.starts_with(c) && self.lower.len() == c.len_utf8()
    }
}

/// Splits `text` into tokens and assigns each to its sentence.
pub(crate) fn tokenize<'a>(text: &'a str, sentences: &[Sentence]) -> Vec<Token<'a>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let char_at = |idx: usize| chars.get(idx).map(|&(_, c)| c);
    let offset_at = |idx: usize| chars.get(idx).map_or(text.len(), |&(offset, _)| offset);
    let mut tokens = Vec::new();
    let mut idx = 0;
    while let Some(c) = char_at(idx) {
        if c.is_whitespace() {
            idx += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            let start = offset_at(idx);
            idx += 1;
            tokens.push(token(text, start..offset_at(idx), false, false));
            continue;
        }
        let start_idx = idx;
        let mut possessive = false;
        let mut end_idx;
        loop {
            idx += 1;
            end_idx = idx;
            let Some(next) = char_at(idx) else { break };
            if next.is_alphanumeric() {
                continue;
            }
            let after = char_at(idx + 1);
            let after_is_alnum = after.is_some_and(char::is_alphanumeric);
            if next == '\'' || next == '’' {
                let after_after = char_at(idx + 2);
                if matches!(after, Some('s' | 'S'))
                    && !after_after.is_some_and(char::is_alphanumeric)
                {
                    possessive = true;
                    idx += 2;
                    break;
                }
                if after_is_alnum {
                    continue;
                }
                // "Workers' Federation": a plural possessive stays inside a name.
                if char_at(idx - 1) == Some('s') {
                    idx += 1;
                    end_idx = idx;
                    break;
                }
                break;
            }
            if next == '-' && after_is_alnum && opens_compound_adjective(&chars, start_idx, idx) {
                break;
            }
            if (next == '-' || next == '&') && after_is_alnum {
                continue;
            }
            if next == '.' {
                let so_far: String = chars[start_idx..idx].iter().map(|&(_, c)| c).collect();
                let last_segment = so_far.rsplit(['.', '-']).next().unwrap_or_default();
                let single_letter = last_segment.chars().count() == 1;
                if single_letter
                    && after.is_some_and(char::is_alphabetic)
                    && char_at(idx + 2) == Some('.')
                {
                    // "U.S.", "U.N.": periods between single letters.
                    continue;
                }
                let letters = so_far.replace('.', "");
                let first_upper = so_far.chars().next().is_some_and(char::is_uppercase);
                let keeps_period = ABBREVIATIONS.contains(&so_far.to_lowercase().as_str())
                    || (first_upper && letters.chars().count() == 1)
                    || so_far.contains('.');
                if keeps_period {
                    idx += 1;
                    end_idx = idx;
                }
                break;
            }
            break;
        }
        let range = offset_at(start_idx)..offset_at(end_idx);
        let mut word = token(text, range, true, possessive);
        word.currency = !possessive && matches!(char_at(end_idx), Some('$' | '€' | '£'));
        tokens.push(word);
    }
    assign_sentences(&mut tokens, sentences);
    tokens
}

/// Second parts of compound adjectives: "Velmari-born", "Republican-controlled",
/// "Kremlin-backed" qualify a noun, so the name before the hyphen is a name of its own, not
/// one with the second part in it.
const COMPOUND_ADJECTIVE_ENDS: &[&str] = &[
    "affiliated",
    "aligned",
    "allied",
    "backed",
    "based",
    "born",
    "bred",
    "brokered",
    "built",
    "controlled",
    "dominated",
    "educated",
    "era",
    "friendly",
    "funded",
    "held",
    "inspired",
    "leaning",
    "led",
    "linked",
    "made",
    "occupied",
    "owned",
    "raised",
    "related",
    "run",
    "sponsored",
    "style",
    "supported",
    "trained",
];

/// Whether the hyphen at `hyphen` in `chars` ends a capitalized word opened at `start` and
/// begins one of [`COMPOUND_ADJECTIVE_ENDS`] written in lowercase.
fn opens_compound_adjective(chars: &[(usize, char)], start: usize, hyphen: usize) -> bool {
    if !chars.get(start).is_some_and(|&(_, c)| c.is_uppercase()) {
        return false;
    }
    let end: String = chars[hyphen + 1..]
        .iter()
        .map(|&(_, c)| c)
        .take_while(|c| c.is_alphanumeric())
        .take(12)
        .collect();
    COMPOUND_ADJECTIVE_ENDS.contains(&end.as_str())
}

fn token(text: &str, range: Range<usize>, word: bool, possessive: bool) -> Token<'_> {
    let raw = text.get(range.clone()).unwrap_or_default();
    let lower = crate::lowercase(raw);
    let capitalized = word && raw.chars().next().is_some_and(char::is_uppercase);
    let n_letters = raw.chars().filter(|c| c.is_alphabetic()).count();
    let all_caps = word
        && n_letters >= 2
        && raw
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    Token {
        range,
        word,
        lower,
        capitalized,
        all_caps,
        possessive,
        currency: false,
        sentence: 0,
        starts_sentence: false,
    }
}

/// Sets each token's sentence and marks the words where capitals are not news: the first word
/// of a sentence, and the first word after an opening quotation mark or a colon.
fn assign_sentences(tokens: &mut [Token<'_>], sentences: &[Sentence]) {
    let mut sentence_idx = 0;
    let mut previous_sentence = usize::MAX;
    let mut fresh = true;
    for token in tokens.iter_mut() {
        while sentences
            .get(sentence_idx)
            .is_some_and(|sentence| sentence.range.end <= token.range.start)
        {
            sentence_idx += 1;
        }
        token.sentence = sentence_idx;
        if sentence_idx != previous_sentence {
            previous_sentence = sentence_idx;
            fresh = true;
        }
        if token.word {
            token.starts_sentence = fresh;
            fresh = false;
        } else if matches!(
            token.lower.as_ref(),
            ":" | "\"" | "“" | "‘" | "«" | "(" | "—" | "–" | "-" | "•"
        ) {
            fresh = true;
        }
    }
}
