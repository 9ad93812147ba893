//! Tokens for the quote annotator: words, punctuation and quotation marks, each with its byte
//! range, sentence and paragraph.
//!
//! The quote rules look at a few tokens around a cue, so they need a token stream rather than
//! the raw text; a full tokenizer would be wasted on them, so this one knows only what they ask:
//! whether a word is capitalized, which way a quotation mark faces, and where sentences end.

use parallax_model::Sentence;
use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;

/// Which way a quotation mark faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    /// Only ever opens a quotation: “ „ « ‟.
    Open,
    /// Only ever closes one: ” ».
    Close,
    /// Opens or closes depending on its neighbors: " and a doubled apostrophe.
    Either,
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters and digits, with inner apostrophes, hyphens and periods ("U.S.", "Trump’s").
    Word,
    /// One punctuation character.
    Punct,
    /// A double quotation mark.
    Quote(Mark),
}

/// One token of the text.
#[derive(Debug, Clone)]
pub(crate) struct Token<'a> {
    /// Where it is in the text.
    pub(crate) range: Range<usize>,
    /// What it is.
    pub(crate) kind: Kind,
    /// The token lowercased, with a typographic apostrophe written as ASCII: borrowed from the
    /// text when it is so already, as most words are.
    pub(crate) lower: Cow<'a, str>,
    /// Whether its first character is uppercase.
    pub(crate) capitalized: bool,
    /// Whether whitespace (or the start of the text) comes right before it.
    pub(crate) space_before: bool,
    /// Whether whitespace (or the end of the text) comes right after it.
    pub(crate) space_after: bool,
    /// Index of its sentence.
    pub(crate) sentence: usize,
    /// Index of its paragraph.
    pub(crate) paragraph: usize,
}

impl Token<'_> {
    /// Whether this is a word.
    pub(crate) fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    /// Whether this is the punctuation character `c`.
    pub(crate) fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.lower.starts_with(c) && self.lower.len() == c.len_utf8()
    }

    /// Whether this is a long dash set between words (em or en).
    pub(crate) fn is_long_dash(&self) -> bool {
        matches!(self.lower.as_ref(), "\u{2014}" | "\u{2013}")
    }

    /// Whether this is a dash between words: a long one, or a hyphen standing alone.
    pub(crate) fn is_dash(&self) -> bool {
        self.is_long_dash() || self.lower == "-"
    }

    /// Whether this is a quotation mark.
    pub(crate) fn is_quote(&self) -> bool {
        matches!(self.kind, Kind::Quote(_))
    }

    /// Whether this ends a sentence: a period, question mark or exclamation mark.
    pub(crate) fn is_terminal(&self) -> bool {
        self.kind == Kind::Punct && matches!(self.lower.as_ref(), "." | "?" | "!" | "…")
    }

    /// The word without a possessive ending ("Trump’s" → "trump").
    pub(crate) fn stem(&self) -> &str {
        self.lower
            .strip_suffix("'s")
            .or_else(|| self.lower.strip_suffix('\''))
            .unwrap_or(&self.lower)
    }
}

/// The text of one article as tokens, with each sentence's token range.
#[derive(Debug)]
pub(crate) struct Doc<'a> {
    /// The article text.
    pub(crate) text: &'a str,
    /// Tokens in text order.
    pub(crate) tokens: Vec<Token<'a>>,
    /// For each sentence, the range of indexes of its tokens.
    pub(crate) sentence_tokens: Vec<Range<usize>>,
}

/// Titles and other abbreviations whose period belongs to the word.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "cmdr", "adm",
    "prof", "st", "jr", "sr", "maj", "pres", "supt", "insp", "rev", "hon", "amb", "atty", "co",
    "corp", "inc", "ltd", "dept", "u.s", "u.k", "u.n", "e.u", "jan", "feb", "aug", "sept", "sep",
    "oct", "nov", "dec", "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill",
    "ind", "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev",
    "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
];

impl<'a> Doc<'a> {
    /// Tokenizes `text`, whose sentences are `sentences` (in text order, as the sentence
    /// annotator returns them). Text outside every sentence joins the sentence before it, and a
    /// sentence that ends with "Ms." joins the next one, as the segmenter splits there.
    pub(crate) fn new(text: &'a str, sentences: &[Sentence]) -> Doc<'a> {
        let mut tokens = tokenize(text);
        let mut merged = Vec::with_capacity(sentences.len());
        for (idx, sentence) in sentences.iter().enumerate() {
            let joins = idx > 0 && {
                let previous = &sentences[idx - 1];
                let previous_text = text.get(previous.range.clone()).unwrap_or_default();
                previous.paragraph == sentence.paragraph
                    && (previous_text == "Ms." || previous_text.ends_with(" Ms."))
            };
            let number = match merged.last() {
                Some(&last) if joins => last,
                Some(&last) => last + 1,
                None => 0,
            };
            merged.push(number);
        }
        let n_sentences = merged.last().map_or(1, |last| last + 1);
        let mut sentence_tokens = vec![0..0; n_sentences];
        let mut sentence_idx = 0;
        for (token_idx, token) in tokens.iter_mut().enumerate() {
            while sentence_idx + 1 < sentences.len()
                && sentences[sentence_idx + 1].range.start <= token.range.start
            {
                sentence_idx += 1;
            }
            token.sentence = merged.get(sentence_idx).copied().unwrap_or(0);
            token.paragraph = sentences
                .get(sentence_idx)
                .map_or(0, |sentence| sentence.paragraph);
            let range = &mut sentence_tokens[token.sentence];
            if range.start == range.end {
                *range = token_idx..token_idx + 1;
            } else {
                range.end = token_idx + 1;
            }
        }
        Doc {
            text,
            tokens,
            sentence_tokens,
        }
    }

    /// The token at `idx`; callers index only within the token list.
    pub(crate) fn token(&self, idx: usize) -> &Token<'a> {
        &self.tokens[idx]
    }

    /// The lowercased token at `idx`, or "" past either end.
    pub(crate) fn lower(&self, idx: usize) -> &str {
        self.tokens
            .get(idx)
            .map_or("", |token| token.lower.as_ref())
    }

    /// The byte range from the start of token `first` to the end of token `last`.
    pub(crate) fn span(&self, first: usize, last: usize) -> Range<usize> {
        self.tokens[first].range.start..self.tokens[last].range.end
    }

    /// The first and last token lying wholly inside the byte range `range`, when one does.
    pub(crate) fn tokens_within(&self, range: &Range<usize>) -> Option<(usize, usize)> {
        let first = self
            .tokens
            .partition_point(|token| token.range.start < range.start);
        let end = self
            .tokens
            .partition_point(|token| token.range.end <= range.end);
        (first < end).then(|| (first, end - 1))
    }

    /// The token range of the sentence holding token `idx`.
    pub(crate) fn sentence_of(&self, idx: usize) -> Range<usize> {
        self.sentence_tokens[self.tokens[idx].sentence].clone()
    }

    /// Whether no word of its sentence stands before token `idx`.
    pub(crate) fn opens_sentence(&self, idx: usize) -> bool {
        (self.sentence_of(idx).start..idx).all(|at| !self.token(at).is_word())
    }

    /// The words the text writes in lowercase somewhere: a capitalized word opening a sentence
    /// that is among them is a common word there, not a name.
    pub(crate) fn lowercase_words(&self) -> HashSet<&str> {
        self.tokens
            .iter()
            .filter(|token| token.is_word() && !token.capitalized)
            .map(|token| token.lower.as_ref())
            .collect()
    }
}

/// Whether `c` is an invisible formatting character (zero-width spaces and joiners, direction
/// marks, the byte-order mark), which scraped text carries and which separate nothing.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
}

/// Splits `text` into tokens; sentence and paragraph are left at 0 for [`Doc::new`] to fill.
fn tokenize(text: &str) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    let mut tokens: Vec<Token<'_>> = Vec::new();
    let mut idx = 0;
    while idx < text.len() {
        let Some(c) = text[idx..].chars().next() else {
            break;
        };
        let width = c.len_utf8();
        if c.is_whitespace() || c.is_control() || is_invisible(c) {
            idx += width;
            continue;
        }
        let start = idx;
        let kind;
        if c.is_alphanumeric() {
            idx += width;
            loop {
                let mut rest = text[idx..].chars();
                match (rest.next(), rest.next()) {
                    (Some(next), _) if next.is_alphanumeric() => idx += next.len_utf8(),
                    // A period joins only initials and lowercase or numeric continuations
                    // ("U.S.", "3.5", "e.g."), so "said.Trump" with a missing space splits.
                    (Some('.'), Some(after))
                        if after.is_alphanumeric()
                            && (after.is_lowercase()
                                || after.is_numeric()
                                || text[start..idx]
                                    .chars()
                                    .rev()
                                    .take_while(|c| c.is_alphanumeric())
                                    .count()
                                    == 1) =>
                    {
                        idx += 1 + after.len_utf8();
                    }
                    (Some(joiner), Some(after))
                        if matches!(joiner, '\'' | '’' | '-' | '‑' | '&')
                            && after.is_alphanumeric() =>
                    {
                        idx += joiner.len_utf8() + after.len_utf8();
                    }
                    _ => break,
                }
            }
            // A plural's possessive apostrophe belongs to the word when a word follows it
            // ("Sanders' senior adviser"), so the phrase reads as one noun phrase; single quotes
            // mark no quotation here.
            let mut rest = text[idx..].chars();
            if text[start..idx].ends_with(['s', 'S'])
                && let (Some(apostrophe @ ('\'' | '’')), Some(' '), Some(after)) =
                    (rest.next(), rest.next(), rest.next())
                && after.is_alphanumeric()
            {
                idx += apostrophe.len_utf8();
            } else if bytes.get(idx) == Some(&b'.') {
                // A period after an abbreviation or an initial belongs to the word, so "Gen.
                // Ortiz" and "J. Smith" stay names rather than sentence ends.
                // So does one after a party tag's state ("R-Ky.").
                let word = text[start..idx].to_lowercase();
                let initial = word.chars().count() == 1 && c.is_uppercase();
                let last_part = word.rsplit('-').next().unwrap_or_default();
                if initial || word.contains('.') || ABBREVIATIONS.contains(&last_part) {
                    idx += 1;
                }
            }
            kind = Kind::Word;
        } else {
            let next = text[idx + width..].chars().next();
            kind = match (c, next) {
                // A straight mark doubled (`""We …`, a scraped block quotation) is one mark: an
                // empty quotation says nothing.
                ('"', Some('"')) => {
                    idx += 1;
                    Kind::Quote(Mark::Either)
                }
                ('"', _) => Kind::Quote(Mark::Either),
                ('“' | '„' | '«' | '‟', _) => Kind::Quote(Mark::Open),
                ('”' | '»', _) => Kind::Quote(Mark::Close),
                // Three apostrophes close a single quote inside a double one: the first is
                // the single mark.
                ('\'', Some('\'')) if text[idx + 2..].starts_with('\'') => Kind::Punct,
                ('\'', Some('\'')) => {
                    idx += 1;
                    Kind::Quote(Mark::Either)
                }
                ('‘', Some('‘')) => {
                    idx += '‘'.len_utf8();
                    Kind::Quote(Mark::Open)
                }
                ('’', Some('’')) => {
                    idx += '’'.len_utf8();
                    Kind::Quote(Mark::Close)
                }
                _ => Kind::Punct,
            };
            idx += width;
        }
        let piece = &text[start..idx];
        let space_before = text[..start].chars().next_back().is_none_or(|before| {
            before.is_whitespace() || before.is_control() || is_invisible(before)
        });
        let space_after = text[idx..]
            .chars()
            .next()
            .is_none_or(|after| after.is_whitespace() || after.is_control() || is_invisible(after));
        let lower = crate::lowercase(piece);
        tokens.push(Token {
            range: start..idx,
            kind,
            lower,
            capitalized: c.is_uppercase(),
            space_before,
            space_after,
            sentence: 0,
            paragraph: 0,
        });
    }
    tokens
}
