//! The story's English content terms, stemmed once per brief for the summary and the readings'
//! summaries: each article's distinct terms (text and headline), its headline's, and each
//! sentence's after its dateline, compressed as the summary states it, with the counts the
//! summary weighs a wording by; and each article's pairs of consecutive words, hashed, which
//! the summary counts shared phrases by.
//!
//! Terms are ids numbered in the order of their spelling, so a sorted list of ids is in the
//! order [`parallax_text::Terms::of`] gives the terms, and sums over it add in the same order as
//! over the strings.

use crate::stems::Stems;
use crate::summary::{bigram_hashes, compress, n_judged_words};
use parallax_model::{Annotated, EntityKind, Story, dateline_len};
use std::collections::HashMap;

/// The English content terms of one story.
pub(crate) struct Corpus {
    /// Each term's id.
    ids: HashMap<String, u32>,
    /// Each article's distinct terms of text and headline, sorted.
    pub(crate) article_terms: Vec<Vec<u32>>,
    /// Each article's distinct headline terms, sorted.
    pub(crate) headline_terms: Vec<Vec<u32>>,
    /// The hashes of each article's distinct pairs of consecutive words (text and headline),
    /// sorted.
    pub(crate) article_bigrams: Vec<Vec<u64>>,
    /// Each article's sentences, in order.
    pub(crate) sentences: Vec<Vec<Wording>>,
}

/// A sentence as the summary reads it.
pub(crate) struct Wording {
    /// Bytes of the dateline opening the sentence, 0 when there is none.
    pub(crate) dateline: usize,
    /// The sentence after its dateline, compressed: what the summary states of it.
    pub(crate) text: String,
    /// Content terms of the compressed sentence, sorted and deduplicated.
    pub(crate) body_terms: Vec<u32>,
    /// For each of `body_terms`, in its order, the whitespace-separated word of the compressed
    /// sentence where it is first used, from 0: what a cut after some words keeps.
    pub(crate) first_word: Vec<usize>,
    /// Words of the compressed sentence, as separated by whitespace.
    pub(crate) n_body_words: usize,
    /// Loaded, verdict and first-person words of the compressed sentence.
    pub(crate) n_judged: usize,
}

impl Corpus {
    pub(crate) fn new(story: &Story) -> Corpus {
        let mut stems = Stems::new(Some("en"));
        let mut article_terms = Vec::with_capacity(story.articles.len());
        let mut headline_terms = Vec::with_capacity(story.articles.len());
        let mut article_bigrams = Vec::with_capacity(story.articles.len());
        let mut sentences: Vec<Vec<Wording>> = Vec::with_capacity(story.articles.len());
        for annotated in &story.articles {
            let article = &annotated.article;
            let headline = stems.each(article.title.as_deref().unwrap_or_default());
            let mut terms = stems.each(&article.text);
            terms.extend_from_slice(&headline);
            article_terms.push(terms);
            headline_terms.push(headline);
            let mut bigrams = bigram_hashes(&article.text);
            bigrams.extend(bigram_hashes(article.title.as_deref().unwrap_or_default()));
            bigrams.sort_unstable();
            bigrams.dedup();
            article_bigrams.push(bigrams);
            sentences.push(
                annotated
                    .sentences
                    .iter()
                    .enumerate()
                    .map(|(sentence_idx, sentence)| {
                        let text = annotated.sentence_text(sentence);
                        let dateline = match dateline_len(text) {
                            0 if sentence_idx == 0 => {
                                place_dateline_len(annotated, sentence.range.start, text)
                            }
                            len => len,
                        };
                        let body = compress(&text[dateline..]);
                        let first_word: Vec<(u32, usize)> = body
                            .split_whitespace()
                            .enumerate()
                            .flat_map(|(word_idx, word)| {
                                stems
                                    .each(word)
                                    .into_iter()
                                    .map(move |term| (term, word_idx))
                            })
                            .collect();
                        Wording {
                            body_terms: first_word.iter().map(|&(term, _)| term).collect(),
                            first_word: first_word.iter().map(|&(_, word_idx)| word_idx).collect(),
                            dateline,
                            n_body_words: body.split_whitespace().count(),
                            n_judged: n_judged_words(&body),
                            text: body,
                        }
                    })
                    .collect(),
            );
        }
        // Renumber the terms by spelling, so that sorted ids are sorted terms.
        let mut by_spelling: Vec<u32> = (0..stems.n_terms() as u32).collect();
        by_spelling.sort_unstable_by(|&a, &b| stems.spelling(a).cmp(stems.spelling(b)));
        let mut renumbered = vec![0_u32; by_spelling.len()];
        for (new_id, &id) in by_spelling.iter().enumerate() {
            renumbered[id as usize] = new_id as u32;
        }
        let renumber = |terms: &mut Vec<u32>| {
            for id in terms.iter_mut() {
                *id = renumbered[*id as usize];
            }
            terms.sort_unstable();
            terms.dedup();
        };
        article_terms.iter_mut().for_each(renumber);
        headline_terms.iter_mut().for_each(renumber);
        for wording in sentences.iter_mut().flatten() {
            let mut first_word: Vec<(u32, usize)> = wording
                .body_terms
                .iter()
                .map(|&id| renumbered[id as usize])
                .zip(wording.first_word.iter().copied())
                .collect();
            // Sorted by term, then word: the first of each term's uses is its first word.
            first_word.sort_unstable();
            first_word.dedup_by_key(|(term, _)| *term);
            (wording.body_terms, wording.first_word) = first_word.into_iter().unzip();
        }
        let ids = (0..stems.n_terms() as u32)
            .map(|id| (stems.spelling(id).to_string(), renumbered[id as usize]))
            .collect();
        Corpus {
            ids,
            article_terms,
            headline_terms,
            article_bigrams,
            sentences,
        }
    }

    /// How many distinct terms the story has; ids are below it.
    pub(crate) fn n_terms(&self) -> usize {
        self.ids.len()
    }

    /// Every term of the story with its id.
    pub(crate) fn terms(&self) -> impl Iterator<Item = (&str, u32)> {
        self.ids.iter().map(|(term, &id)| (term.as_str(), id))
    }

    /// The id of `term`, when the story uses it.
    pub(crate) fn id(&self, term: &str) -> Option<u32> {
        self.ids.get(term).copied()
    }
}

/// Bytes of a dateline naming a place in ordinary capitals, or before a typed dash, at the
/// opening of an article ("Ostrava – The council …", "New Velmar — …", "OSTRAVA - The …"), 0
/// when there is none. Unlike a place
/// in capitals ([`dateline_len`]), such words could open a sentence about the place, so the
/// annotator must have found them as one place, with nothing else before the dash. `text` is
/// the article's first sentence, from byte `start` of its text.
fn place_dateline_len(annotated: &Annotated, start: usize, text: &str) -> usize {
    let Some(dash_at) = text
        .char_indices()
        .take_while(|&(at, _)| at <= 40)
        .find(|&(at, c)| {
            let spaced = text[..at].ends_with(' ');
            // A hyphen between spaces is a typed dash ("Velmar - The council …").
            let typed_dash = c == '-' && text[at + 1..].starts_with(' ');
            spaced && (matches!(c, '\u{2013}' | '\u{2014}' | '\u{2015}') || typed_dash)
        })
        .map(|(at, _)| at)
    else {
        return 0;
    };
    let head = text[..dash_at].trim_end();
    let n_words = head.split_whitespace().count();
    if n_words == 0 || n_words > 3 {
        return 0;
    }
    let is_place = annotated.entities.iter().any(|entity| {
        entity.kind == EntityKind::Place
            && entity
                .mentions
                .iter()
                .any(|mention| mention.range == (start..start + head.len()))
    });
    if !is_place {
        return 0;
    }
    let after = text[dash_at..].trim_start_matches(['-', '\u{2013}', '\u{2014}', '\u{2015}']);
    text.len() - after.trim_start().len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::{Article, Entity, Mention, Origin, Sentence};

    fn opening(text: &str, place: Option<&str>) -> Corpus {
        let mut annotated =
            Annotated::new(Article::new(Origin::File("a.txt".into()), text.to_string()));
        annotated.sentences = vec![Sentence {
            range: 0..text.len(),
            paragraph: 0,
        }];
        if let Some(place) = place {
            annotated.entities.push(Entity {
                kind: EntityKind::Place,
                name: place.into(),
                mentions: vec![Mention {
                    range: 0..place.len(),
                    by_role: false,
                }],
                country: None,
                role: None,
            });
        }
        Corpus::new(&Story::new(vec![annotated]))
    }

    #[test]
    fn a_place_in_ordinary_capitals_before_a_dash_opening_an_article_is_a_dateline() {
        for (place, dash) in [("New Velmar", "–"), ("OSTRAVA", "-")] {
            let corpus = opening(
                &format!("{place} {dash} The council voted on Monday to close the port."),
                Some(place),
            );
            assert_eq!(
                corpus.sentences[0][0].text,
                "The council voted on Monday to close the port."
            );
        }
        // Words the annotator did not find as a place open a sentence about something.
        let corpus = opening(
            "Harbour pilots – the few left – voted on Monday to end the strike.",
            None,
        );
        assert_eq!(corpus.sentences[0][0].dateline, 0);
    }
}
