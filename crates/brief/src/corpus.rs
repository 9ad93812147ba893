//! The story's English content terms, stemmed once per brief for the summary and the readings'
//! summaries: each article's distinct terms (text and headline) and each sentence's, whole and
//! after a dateline, with the counts the summary weighs a wording by, and the sentences'
//! TextRank graph ([`crate::centrality`]).
//!
//! Terms are ids numbered in the order of their spelling, so a sorted list of ids is in the
//! order [`parallax_text::Terms::of`] gives the terms, and sums over it add in the same order as
//! over the strings.

use crate::centrality::Graph;
use crate::stems::Stems;
use crate::summary::{dateline_len, n_judged_words};
use parallax_model::Story;
use std::collections::HashMap;

/// The English content terms of one story.
pub(crate) struct Corpus {
    /// Each term's id.
    ids: HashMap<String, u32>,
    /// Each article's distinct terms of text and headline, sorted.
    pub(crate) article_terms: Vec<Vec<u32>>,
    /// Each article's sentences, in order.
    pub(crate) sentences: Vec<Vec<Wording>>,
    /// The sentences' TextRank graph, by their terms.
    pub(crate) graph: Graph,
}

/// A sentence as the summary reads it.
pub(crate) struct Wording {
    /// Content terms of the whole sentence, sorted and deduplicated.
    pub(crate) terms: Vec<u32>,
    /// Bytes of the dateline opening the sentence, 0 when there is none.
    pub(crate) dateline: usize,
    /// Content terms of the sentence after its dateline, sorted and deduplicated.
    pub(crate) body_terms: Vec<u32>,
    /// Words of the sentence after its dateline, as separated by whitespace.
    pub(crate) n_body_words: usize,
    /// Loaded, verdict and first-person words of the sentence after its dateline.
    pub(crate) n_judged: usize,
}

impl Corpus {
    pub(crate) fn new(story: &Story) -> Corpus {
        let mut stems = Stems::new(Some("en"));
        let mut article_terms = Vec::with_capacity(story.articles.len());
        let mut sentences: Vec<Vec<Wording>> = Vec::with_capacity(story.articles.len());
        for annotated in &story.articles {
            let article = &annotated.article;
            let mut terms = stems.each(&article.text);
            terms.extend(stems.each(article.title.as_deref().unwrap_or_default()));
            article_terms.push(terms);
            sentences.push(
                annotated
                    .sentences
                    .iter()
                    .map(|sentence| {
                        let text = annotated.sentence_text(sentence);
                        let dateline = dateline_len(text);
                        let body = &text[dateline..];
                        let terms = stems.each(text);
                        Wording {
                            body_terms: if dateline == 0 {
                                terms.clone()
                            } else {
                                stems.each(body)
                            },
                            terms,
                            dateline,
                            n_body_words: body.split_whitespace().count(),
                            n_judged: n_judged_words(body),
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
        for wording in sentences.iter_mut().flatten() {
            renumber(&mut wording.terms);
            renumber(&mut wording.body_terms);
        }
        let ids = (0..stems.n_terms() as u32)
            .map(|id| (stems.spelling(id).to_string(), renumbered[id as usize]))
            .collect();
        let sentence_terms: Vec<Vec<&[u32]>> = sentences
            .iter()
            .map(|wordings| wordings.iter().map(|wording| &wording.terms[..]).collect())
            .collect();
        let graph = Graph::new(story, &sentence_terms, by_spelling.len());
        Corpus {
            ids,
            article_terms,
            sentences,
            graph,
        }
    }

    /// How many distinct terms the story has; ids are below it.
    pub(crate) fn n_terms(&self) -> usize {
        self.ids.len()
    }

    /// The id of `term`, when the story uses it.
    pub(crate) fn id(&self, term: &str) -> Option<u32> {
        self.ids.get(term).copied()
    }
}
