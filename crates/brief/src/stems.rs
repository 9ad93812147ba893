//! Content terms with each distinct word stemmed once: a story says the same words many times,
//! and stemming was the costliest part of reading its sentences, which several sections do.

use parallax_text::Terms;
// Read for every word of every sentence: SipHash was most of the lookup's cost.
use rustc_hash::FxHashMap as HashMap;

/// The content terms of texts in one language, as ids numbered in the order first seen.
pub(crate) struct Stems {
    terms: Terms,
    /// The term of each word read so far, `None` for a stopword.
    by_word: HashMap<String, Option<u32>>,
    /// Each term by its id.
    spellings: Vec<String>,
    ids: HashMap<String, u32>,
}

impl Stems {
    /// Terms as [`Terms::new`] for `language` gives them.
    pub(crate) fn new(language: Option<&str>) -> Stems {
        Stems {
            terms: Terms::new(language),
            by_word: HashMap::default(),
            spellings: Vec::new(),
            ids: HashMap::default(),
        }
    }

    /// The terms of `text` in text order, repeats included (as [`Terms::each`]).
    pub(crate) fn each(&mut self, text: &str) -> Vec<u32> {
        Terms::words(text)
            .filter_map(|word| self.term(word))
            .collect()
    }

    /// The term of one word of [`Terms::words`] ([`Terms::term_alike`]: "nine" and "9" are one
    /// term), `None` for a stopword.
    pub(crate) fn term(&mut self, word: &str) -> Option<u32> {
        if let Some(id) = self.by_word.get(word) {
            return *id;
        }
        let id = self
            .terms
            .term_alike(word)
            .map(|term| match self.ids.get(&term) {
                Some(&id) => id,
                None => {
                    let id = self.spellings.len() as u32;
                    self.ids.insert(term.clone(), id);
                    self.spellings.push(term);
                    id
                }
            });
        self.by_word.insert(word.to_string(), id);
        id
    }

    /// The distinct terms of `text` in the order of their spelling (as [`Terms::of`]).
    pub(crate) fn of(&mut self, text: &str) -> Vec<u32> {
        let mut found = self.each(text);
        found.sort_unstable_by(|&a, &b| self.spelling(a).cmp(self.spelling(b)));
        found.dedup();
        found
    }

    /// The term with id `id`.
    pub(crate) fn spelling(&self, id: u32) -> &str {
        &self.spellings[id as usize]
    }

    /// How many terms have ids.
    pub(crate) fn n_terms(&self) -> usize {
        self.spellings.len()
    }
}

/// `word` lowercased, borrowed as written when it has no capital: most words are lowercase
/// already, and every word of a story is compared with word lists.
pub(crate) fn lowercase(word: &str) -> std::borrow::Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        std::borrow::Cow::Owned(word.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}
