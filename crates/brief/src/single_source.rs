//! Single-source claims: what only one independent source says, the place a reader should look
//! twice.
//!
//! A sentence qualifies when no sentence of another independent article matches it (the
//! matching behind consensus) or tells an event of the same calendar day in other words, when
//! clauses the consensus finds in another source too make less than half of it, when
//! the annotate stage found a claim in it, and when it is long enough to state something. They are ranked by centrality: the share of their content words
//! that other articles of the story use too, so a new detail about the story's core outranks an
//! aside.

use crate::Config;
use crate::consensus::{citation, independent_sources};
use crate::matching::Matches;
use parallax_model::{Annotated, ConsensusItem, SingleSourceItem, Story};
use std::ops::Range;

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
    let matches = Matches::new(story, config);
    let consensus = crate::consensus::consensus_from(story, &matches);
    single_source_from(story, &matches, &consensus)
}

/// [`single_source`] from matches and the story's consensus already made.
pub(crate) fn single_source_from(
    story: &Story,
    matches: &Matches,
    consensus: &[ConsensusItem],
) -> Vec<SingleSourceItem> {
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

    // Each article's clauses that a consensus clause group cites, sorted.
    let mut corroborated_clauses: Vec<Vec<(usize, usize)>> = vec![Vec::new(); story.articles.len()];
    for citation in consensus
        .iter()
        .filter(|item| item.in_clauses)
        .flat_map(|item| &item.citations)
    {
        if let Some(clauses) = corroborated_clauses.get_mut(citation.source.wrapping_sub(1)) {
            clauses.push((citation.span.start, citation.span.end));
        }
    }
    for clauses in &mut corroborated_clauses {
        clauses.sort_unstable();
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
            if mostly_corroborated(&corroborated_clauses[sentence.article_idx], &sentence.range) {
                return None;
            }
            let has_claim = annotated
                .claims
                .iter()
                .any(|claim| claim.sentence == sentence.sentence_idx);
            if !has_claim
                || text.split_whitespace().count() < MIN_WORDS
                || sentence.terms.is_empty()
                || asks(text)
                || only_attributes(annotated, &sentence.range)
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
                speaker: unnamed_speaker(&story.articles[sentence.article_idx], &sentence.range),
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

/// Whether `clauses` (sorted byte ranges of one article that the consensus cites, agreeing with
/// another independent source) make up half or more of the sentence at `range`: "X confirmed
/// that Y is his top choice, according to pool reports" is no single-source claim where another
/// source says "his leading contender is Y".
fn mostly_corroborated(clauses: &[(usize, usize)], range: &std::ops::Range<usize>) -> bool {
    // Two groups may cite overlapping clauses of one sentence: each byte counts once.
    let (mut corroborated, mut covered_to) = (0, range.start);
    for &(start, end) in clauses
        .iter()
        .filter(|&&(start, end)| range.start <= start && end <= range.end)
    {
        let start = start.max(covered_to);
        if end > start {
            corroborated += end - start;
            covered_to = end;
        }
    }
    !range.is_empty() && 2 * corroborated >= range.len()
}

/// Whether `sentence` is a question, which asserts nothing ("Are they taking the position the
/// seat should never be filled?”").
fn asks(sentence: &str) -> bool {
    sentence
        .trim_end()
        .trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')'])
        .ends_with('?')
}

/// Whether the sentence at `range` only tells who said a quotation of another sentence ("Senate
/// Majority Leader Ana Ruiz, D-Velmar, asked on Tuesday."): a quote's speaker and cue lie in it,
/// its content outside it, and at most three words of it are neither.
fn only_attributes(annotated: &Annotated, range: &Range<usize>) -> bool {
    let inside = |piece: &Range<usize>| range.start <= piece.start && piece.end <= range.end;
    let outside = |piece: &Range<usize>| piece.end <= range.start || range.end <= piece.start;
    annotated.quotes.iter().any(|quote| {
        let (Some(speaker), Some(cue)) = (&quote.speaker, &quote.cue) else {
            return false;
        };
        if !inside(speaker)
            || !inside(cue)
            || !std::iter::once(&quote.content)
                .chain(&quote.continuation)
                .all(outside)
        {
            return false;
        }
        let text = &annotated.article.text;
        let rest = |piece: Range<usize>| {
            text.get(piece)
                .unwrap_or_default()
                .split_whitespace()
                .filter(|word| word.chars().any(char::is_alphanumeric))
                .count()
        };
        let (first, second) = if speaker.start <= cue.start {
            (speaker, cue)
        } else {
            (cue, speaker)
        };
        rest(range.start..first.start) + rest(first.end..second.start) + rest(second.end..range.end)
            <= 3
    })
}

/// Who speaks the sentence at `range` of `annotated` when most of it is a quote's content and
/// the sentence does not name the speaker: the quote's speaker is outside the sentence (a
/// quotation going on from the sentence before) or written in it only as a pronoun ("…,” he
/// said."). A reader of the list sees the sentence alone, so the name is given beside it.
fn unnamed_speaker(annotated: &Annotated, range: &Range<usize>) -> Option<String> {
    let overlap = |piece: &Range<usize>| {
        piece
            .end
            .min(range.end)
            .saturating_sub(piece.start.max(range.start))
    };
    let quote = annotated.quotes.iter().find(|quote| {
        let quoted: usize = std::iter::once(&quote.content)
            .chain(&quote.continuation)
            .map(overlap)
            .sum();
        quoted * 2 > range.len()
    })?;
    let speaker = quote.speaker.as_ref()?;
    // A pronoun resolved inside the sentence ("three women who said") still names the speaker
    // in it; so does the name's last word ("Ruiz, a critic of the plan, has said …").
    if range.start <= speaker.start && speaker.end <= range.end {
        return None;
    }
    let name = crate::voices::shown_speaker(annotated, quote)?;
    let sentence = annotated.article.text.get(range.clone())?;
    let last_word = name.rsplit(' ').next().unwrap_or(&name);
    let named_here = sentence
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| word == last_word);
    (!named_here).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_stories::{quote_in, range_in};
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
    fn a_quote_that_does_not_name_its_speaker_is_given_the_speaker() {
        let mut annotated = article(
            "a.txt",
            &[
                "Ana Ruiz, the harbour master, spoke to reporters on Monday.",
                "\u{201c}The pilots will be back at work on Friday,\u{201d} she said.",
                "The mayor said the port would reopen within the week.",
                "Ruiz, who runs the port, has said the cranes are ready.",
                "The council approved the harbour budget.",
            ],
        );
        let text = annotated.article.text.clone();
        let quote = |content: &str, speaker: &str, pronoun: Option<&str>| parallax_model::Quote {
            speaker_pronoun: pronoun.map(|pronoun| range_in(&text, pronoun)),
            ..quote_in(
                &text,
                parallax_model::QuoteKind::Direct,
                content,
                None,
                Some(speaker),
            )
        };
        annotated.quotes = vec![
            quote(
                "\u{201c}The pilots will be back at work on Friday,\u{201d}",
                "Ana Ruiz",
                Some("she"),
            ),
            quote("the port would reopen within the week", "The mayor", None),
            quote("the cranes are ready", "Ana Ruiz", Some("who")),
        ];
        let speaker_of = |sentence: usize| {
            unnamed_speaker(&annotated, &annotated.sentences[sentence].range.clone())
        };
        assert_eq!(speaker_of(1).as_deref(), Some("Ana Ruiz"));
        // Named in the sentence: as its subject, or by the name's last word.
        assert_eq!(speaker_of(2), None);
        assert_eq!(speaker_of(3), None);
        // The source's own words.
        assert_eq!(speaker_of(4), None);
    }

    /// The words each single-source claim cites, in order.
    fn texts(items: &[SingleSourceItem]) -> Vec<&str> {
        items
            .iter()
            .map(|item| item.citation.text.as_str())
            .collect()
    }

    #[test]
    fn questions_and_bare_attributions_are_no_claims() {
        let mut first = article(
            "a.txt",
            &[
                "\u{201c}Will the pilots ever come back to the harbour at all?\u{201d}",
                "Harbour Master Ana Ruiz, D-Velmar, asked on Tuesday.",
                "The council approved the harbour budget for the coming year.",
            ],
        );
        first.quotes = vec![quote_in(
            &first.article.text,
            parallax_model::QuoteKind::Direct,
            "\u{201c}Will the pilots ever come back to the harbour at all?\u{201d}",
            Some("asked"),
            Some("Harbour Master Ana Ruiz"),
        )];
        let second = article(
            "b.txt",
            &["Ferry services from the port will run on a reduced timetable this week."],
        );
        let items = single_source(&Story::new(vec![first, second]), &Config::new());
        assert_eq!(
            texts(&items),
            [
                "The council approved the harbour budget for the coming year.",
                "Ferry services from the port will run on a reduced timetable this week.",
            ]
        );
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
        assert_eq!(
            texts(&items),
            [
                "The union says the port authority secretly hired replacement crews for the docks.",
                "Ferry services from the port will run on a reduced timetable this week.",
                "A local bakery reported record sales of pastries to travelling fans this spring.",
            ]
        );
    }

    #[test]
    fn an_event_of_a_day_another_source_tells_in_other_words_is_no_single_source_claim() {
        let lead = "Three weeks after the first round failed, on Tuesday, the harbour pilots walked \
                    off the job again and discussed not only their pay but also the night shifts, \
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

    #[test]
    fn a_sentence_mostly_of_clauses_another_source_states_is_no_single_source_claim() {
        let confirmed = "The mayor confirmed that the harbour pilots will return to the grain \
                         terminal after the strike, according to council minutes.";
        let story = |other: &str| {
            Story::new(vec![
                article("a.txt", &[confirmed]),
                article(
                    "b.txt",
                    &[
                        other,
                        "Ferry services from the port will run on a reduced timetable this week.",
                    ],
                ),
            ])
        };
        let texts = |story: &Story| -> Vec<String> {
            single_source(story, &Config::new())
                .into_iter()
                .map(|item| item.citation.text)
                .collect()
        };
        let corroborated = story(
            "After a long night of talks with the union, the ferry operators and the regional \
             transport board over wages, pensions and the night shifts, the harbour pilots will \
             return to the grain terminal after the strike, while the dredging of the outer \
             channel, delayed by storms since January, resumes in April under a new contractor \
             from Ostrava.",
        );
        assert!(
            crate::consensus::consensus(&corroborated, &Config::new())
                .iter()
                .any(|item| item.in_clauses)
        );
        assert!(!texts(&corroborated).iter().any(|text| text == confirmed));
        let unrelated = story(
            "After a long night of talks with the union and the ferry operators, the council \
             approved the budget for the dredging of the outer channel in April.",
        );
        assert!(texts(&unrelated).iter().any(|text| text == confirmed));
    }
}
