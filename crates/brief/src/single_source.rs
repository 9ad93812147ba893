//! Single-source claims: what only one independent source says, the place a reader should look
//! twice.
//!
//! A sentence qualifies when no sentence of another independent article matches it (the
//! matching behind consensus) or tells an event of the same calendar day in other words, when
//! the annotate stage found a claim in it, and when it is long enough to state something. They are ranked by centrality: the share of their content words
//! that other articles of the story use too, so a new detail about the story's core outranks an
//! aside.

use crate::Config;
use crate::consensus::{citation, independent_sources};
use crate::matching::Matches;
use parallax_model::{SingleSourceItem, Story};

/// Sentences shorter than this state too little to stand alone.
const MIN_WORDS: usize = 8;
/// At most this many items: the brief points to them, it does not list every sentence.
const MAX_ITEMS: usize = 10;

/// Which independent sources use a term.
#[derive(Clone, Copy)]
enum Used {
    None,
    One(usize),
    Several,
}

/// The single-source claims of `story`, most central first.
pub fn single_source(story: &Story, config: &Config) -> Vec<SingleSourceItem> {
    single_source_from(story, &Matches::new(story, config))
}

/// [`single_source`] from matches already made.
pub(crate) fn single_source_from(story: &Story, matches: &Matches) -> Vec<SingleSourceItem> {
    if story.articles.len() < 2 {
        return Vec::new();
    }
    let sentences = &matches.sentences;
    let groups = matches.group(|_, _| true);
    let independent = independent_sources(story);

    // For each term, the one independent source using it, or `Used::Several`: a term counts
    // as shared when an article other than the sentence's own uses it.
    let mut articles_using: Vec<Used> = vec![Used::None; matches.idf.len()];
    for sentence in sentences {
        let article = independent[sentence.article_idx];
        for &term in &sentence.terms {
            let used = &mut articles_using[term as usize];
            *used = match *used {
                Used::None => Used::One(article),
                Used::One(other) if other == article => Used::One(other),
                _ => Used::Several,
            };
        }
    }

    let mut items: Vec<SingleSourceItem> = groups
        .into_iter()
        .filter(|members| {
            let mut sources = members
                .iter()
                .map(|&member| independent[sentences[member].article_idx]);
            let first = sources.next();
            sources.all(|source| Some(source) == first)
        })
        .filter_map(|members| {
            // A re-published copy matches its original; show the original's words.
            let member = *members.iter().min_by_key(|&&member| {
                (
                    sentences[member].article_idx,
                    sentences[member].sentence_idx,
                )
            })?;
            let sentence = &sentences[member];
            // Another independent source telling the same event of that day in other words
            // says it too.
            let told_elsewhere = matches.same_day_events(member).any(|other| {
                independent[sentences[other].article_idx] != independent[sentence.article_idx]
            });
            if told_elsewhere {
                return None;
            }
            let annotated = &story.articles[sentence.article_idx];
            let text = annotated.sentence_text(&annotated.sentences[sentence.sentence_idx]);
            let has_claim = annotated
                .claims
                .iter()
                .any(|claim| claim.sentence == sentence.sentence_idx);
            if !has_claim
                || text.split_whitespace().count() < MIN_WORDS
                || sentence.terms.is_empty()
            {
                return None;
            }
            let own = independent[sentence.article_idx];
            let shared = sentence
                .terms
                .iter()
                .filter(|&&term| match articles_using[term as usize] {
                    Used::None => false,
                    Used::One(article) => article != own,
                    Used::Several => true,
                })
                .count();
            Some(SingleSourceItem {
                citation: citation(story, sentence),
                centrality: shared as f64 / sentence.terms.len() as f64,
            })
        })
        .collect();
    items.sort_by(|a, b| {
        b.centrality.total_cmp(&a.centrality).then(
            (a.citation.source, a.citation.span.start)
                .cmp(&(b.citation.source, b.citation.span.start)),
        )
    });
    items.truncate(MAX_ITEMS);
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::{Annotated, Article, Attribution, Claim, Origin, Polarity, Sentence};

    fn article(name: &str, sentences: &[&str]) -> Annotated {
        let text = sentences.join(" ");
        let mut annotated = Annotated::new(Article::new(Origin::File(name.into()), text));
        let mut start = 0;
        for (idx, sentence) in sentences.iter().enumerate() {
            annotated.sentences.push(Sentence {
                range: start..start + sentence.len(),
                paragraph: 0,
            });
            annotated.claims.push(Claim {
                sentence: idx,
                subject: None,
                predicate: start..start + 1,
                object: None,
                time: None,
                quantity: None,
                attribution: Attribution::Own,
                polarity: Polarity::Asserted,
            });
            start += sentence.len() + 1;
        }
        annotated
    }

    #[test]
    fn only_unmatched_statements_and_the_central_one_first() {
        let story = Story::new(vec![
            article(
                "a.txt",
                &[
                    "Dock workers in Porto Vell walked out on Monday over pay and pensions.",
                    "The union says the port authority secretly hired replacement crews for the docks.",
                    "A local bakery reported record sales of pastries to travelling fans this spring.",
                ],
            ),
            article(
                "b.txt",
                &[
                    "On Monday dock workers in Porto Vell walked out over pay and pensions.",
                    "Ferry services from the port will run on a reduced timetable this week.",
                ],
            ),
        ]);
        let items = single_source(&story, &Config::new());
        let texts: Vec<&str> = items
            .iter()
            .map(|item| item.citation.text.as_str())
            .collect();
        assert_eq!(
            texts,
            [
                "The union says the port authority secretly hired replacement crews for the docks.",
                "Ferry services from the port will run on a reduced timetable this week.",
                "A local bakery reported record sales of pastries to travelling fans this spring.",
            ]
        );
    }

    #[test]
    fn an_event_of_a_day_another_source_tells_in_other_words_is_no_single_source_claim() {
        let lead = "Three weeks after the first round, on Tuesday, the harbour pilots walked off \
                    the job again and discussed not only their pay but also the night shifts, \
                    the pension fund, the new cranes and the dredging plan for the outer channel.";
        let story = |date_second: bool| {
            let mut first = article("a.txt", &[lead]);
            crate::test_stories::with_date(&mut first, "Tuesday", "2026-03-10");
            let mut second = article(
                "b.txt",
                &["On Tuesday the harbour pilots walked off the job at the grain terminal."],
            );
            if date_second {
                crate::test_stories::with_date(&mut second, "Tuesday", "2026-03-10");
            }
            Story::new(vec![first, second])
        };
        let texts = |story: &Story| -> Vec<String> {
            single_source(story, &Config::new())
                .into_iter()
                .map(|item| item.citation.text)
                .collect()
        };
        assert!(texts(&story(false)).iter().any(|text| text == lead));
        assert!(!texts(&story(true)).iter().any(|text| text == lead));
    }
}
