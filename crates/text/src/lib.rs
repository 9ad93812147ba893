//! Text utilities several Parallax stages share (the brief's sentence matching, the story
//! stage's clustering), kept below the stages so that they never depend on each other.
//!
//! # Overview
//!
//! - [`Terms`]: the content terms of a text: lowercased, stemmed words without stopwords, and
//!   numbers without their thousands separators.
//!
//! ```
//! use parallax_text::Terms;
//!
//! let terms = Terms::new(Some("en"));
//! assert_eq!(terms.of("The workers were striking"), ["strike", "worker"]);
//! ```
//!
//! No I/O; the stopword list is compiled in.
#![deny(missing_docs)]

use rust_stemmers::{Algorithm, Stemmer};
use unicode_segmentation::UnicodeSegmentation;

/// English function words. They carry no content of their own, so two sentences sharing them
/// say nothing about whether the sentences agree. A general list, not tuned to any story.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "shall",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "said",
    "says",
    "say",
    "told",
    "tell",
    "tells",
    "telling",
    "according",
    "its",
    "it's",
    "mr",
    "ms",
    "mrs",
];

/// Turns sentences into content terms with the stemmer of one language.
pub struct Terms {
    stemmer: Stemmer,
    /// Whether words are read as English, whose number words become figures.
    english: bool,
}

impl Terms {
    /// A term extractor for `language` (ISO 639-1); languages without a stemmer use English.
    pub fn new(language: Option<&str>) -> Terms {
        let algorithm = match language.unwrap_or("en") {
            "ar" => Algorithm::Arabic,
            "da" => Algorithm::Danish,
            "nl" => Algorithm::Dutch,
            "fi" => Algorithm::Finnish,
            "fr" => Algorithm::French,
            "de" => Algorithm::German,
            "el" => Algorithm::Greek,
            "hu" => Algorithm::Hungarian,
            "it" => Algorithm::Italian,
            "no" | "nb" | "nn" => Algorithm::Norwegian,
            "pt" => Algorithm::Portuguese,
            "ro" => Algorithm::Romanian,
            "ru" => Algorithm::Russian,
            "es" => Algorithm::Spanish,
            "sv" => Algorithm::Swedish,
            "ta" => Algorithm::Tamil,
            "tr" => Algorithm::Turkish,
            _ => Algorithm::English,
        };
        Terms {
            stemmer: Stemmer::create(algorithm),
            english: matches!(algorithm, Algorithm::English),
        }
    }

    /// The sorted, deduplicated content terms of `sentence`.
    pub fn of(&self, sentence: &str) -> Vec<String> {
        let mut terms: Vec<String> = self.each(sentence).collect();
        terms.sort_unstable();
        terms.dedup();
        terms
    }

    /// Every content term of `text` in text order, repeats included (for term frequencies).
    pub fn each<'text>(&'text self, text: &'text str) -> impl Iterator<Item = String> + 'text {
        Terms::words(text).filter_map(|word| self.term(word))
    }

    /// The words of `text` that [`Terms::each`] reads, in text order; [`Terms::term`] of each
    /// is what `each` yields. Apart so that a caller stemming much text can keep the term of
    /// each distinct word.
    pub fn words(text: &str) -> impl Iterator<Item = &str> {
        text.unicode_words()
    }

    /// [`Terms::term`], but one term for the ways English writes the same figure or unit: a
    /// number word is its figure ("nine hours", "9 hours"; "one" is too often no count to be
    /// one) and a kilometre is one term in its abbreviation and spellings ("2 km", "two
    /// kilometres"). For comparing statements; a document's profile keeps the words (story
    /// clustering on ECB+ train fell from 0.943 to 0.930 with figures for words).
    pub fn term_alike(&self, word: &str) -> Option<String> {
        if self.english
            && let Some(same) = same_as_written_otherwise(&word.to_lowercase())
        {
            return Some(same.to_string());
        }
        self.term(word)
    }

    /// The content term of one word of [`Terms::words`], or `None` for a stopword or a word
    /// of one letter.
    pub fn term(&self, word: &str) -> Option<String> {
        if word.chars().any(|c| c.is_ascii_digit()) {
            let number: String = word.chars().filter(|c| *c != ',').collect();
            return Some(number);
        }
        let lower = word.to_lowercase();
        let lower = lower
            .strip_suffix("'s")
            .or_else(|| lower.strip_suffix("\u{2019}s"))
            .unwrap_or(&lower);
        if lower.chars().count() < 2 || is_stopword(lower) {
            return None;
        }
        Some(self.stemmer.stem(lower).into_owned())
    }
}

/// The term [`Terms::term_alike`] gives a word written otherwise for the same figure or unit.
fn same_as_written_otherwise(lower: &str) -> Option<&'static str> {
    Some(match lower {
        "two" => "2",
        "three" => "3",
        "four" => "4",
        "five" => "5",
        "six" => "6",
        "seven" => "7",
        "eight" => "8",
        "nine" => "9",
        "ten" => "10",
        "eleven" => "11",
        "twelve" => "12",
        "twenty" => "20",
        "thirty" => "30",
        "forty" => "40",
        "fifty" => "50",
        "sixty" => "60",
        "seventy" => "70",
        "eighty" => "80",
        "ninety" => "90",
        "km" | "kms" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => "kilometr",
        _ => return None,
    })
}

/// Whether `word` (lowercased) is an English function word from the compiled-in list.
fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(&word)
}

// `rust_stemmers::Stemmer` is not `Debug`, so the derive is not available.
impl std::fmt::Debug for Terms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Terms").finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(sentence: &str, expected: &[&str]) {
        assert_eq!(Terms::new(Some("en")).of(sentence), expected);
    }

    #[test]
    fn stems_and_drops_stopwords() {
        check(
            "The workers were striking at the docks",
            &["dock", "strike", "worker"],
        );
    }

    #[test]
    fn numbers_lose_separators_and_possessives_go() {
        check(
            "About 4,000 of the union's members",
            &["4000", "member", "union"],
        );
    }

    #[test]
    fn figures_and_kilometres_written_otherwise_are_one_term_alike() {
        let terms = Terms::new(Some("en"));
        let alike = |text: &str| -> Vec<String> {
            Terms::words(text)
                .filter_map(|word| terms.term_alike(word))
                .collect()
        };
        assert_eq!(
            alike("nine hours, two kilometres"),
            ["9", "hour", "2", "kilometr"]
        );
        assert_eq!(alike("9 hours, 2 km"), ["9", "hour", "2", "kilometr"]);
        // The plain terms keep the words, and other languages' words are their own.
        assert_eq!(terms.term("nine").as_deref(), Some("nine"));
        assert_eq!(
            Terms::new(Some("nl")).term_alike("ten").as_deref(),
            Some("ten")
        );
    }
}
