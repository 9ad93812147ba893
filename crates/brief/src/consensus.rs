//! Consensus: what several articles say, each in its own words.
//!
//! Sentences of different articles are compared by the IDF-weighted overlap of their content
//! terms (weighted Jaccard). Pairs above [`Config::min_similarity`] are merged greedily, most
//! similar first, into groups that never hold two sentences of the same article; a group that
//! spans two or more independent articles is a consensus item: a near-duplicate and the article
//! it re-publishes count as one source of evidence. Greedy merging under that constraint avoids
//! the chaining of plain connected components, where one vague sentence glues unrelated groups.

use crate::Config;
use crate::disputes::ASSERTED;
use crate::matching::{Matches, SentenceTerms};
use parallax_model::{Citation, ConsensusItem, Dispute, DisputeKind, DisputeSide, Span, Story};

/// The consensus items of `story`, most widely stated first.
pub fn consensus(story: &Story, config: &Config) -> Vec<ConsensusItem> {
    consensus_from(story, &Matches::new(story, config))
}

/// [`consensus`] from matches already made.
pub(crate) fn consensus_from(story: &Story, matches: &Matches) -> Vec<ConsensusItem> {
    let independent = independent_sources(story);
    let mut items: Vec<(f64, ConsensusItem)> = matches
        .group(|_, _| true)
        .iter()
        .filter_map(|members| {
            item(
                story,
                &matches.sentences,
                members,
                matches,
                &independent,
                false,
            )
        })
        .collect();
    // A fact that one source states in a clause of a longer sentence makes a clause group,
    // shown when no item already cites all its sentences; the larger ones are taken first.
    let mut clause_items: Vec<(f64, ConsensusItem)> = matches
        .group_clauses()
        .iter()
        .filter_map(|members| {
            item(
                story,
                &matches.clauses,
                members,
                matches,
                &independent,
                true,
            )
        })
        .collect();
    clause_items.sort_by_key(|(_, item)| std::cmp::Reverse(item.citations.len()));
    for (weight, clause_item) in clause_items {
        if !items.iter().any(|(_, item)| cites_all(item, &clause_item)) {
            items.push((weight, clause_item));
        }
    }
    items.sort_by(|(weight_a, a), (weight_b, b)| {
        b.n_independent
            .cmp(&a.n_independent)
            .then(b.n_articles.cmp(&a.n_articles))
            .then(weight_b.total_cmp(weight_a))
            .then_with(|| first_position(a).cmp(&first_position(b)))
    });
    items.into_iter().map(|(_, item)| item).collect()
}

/// The consensus item of a group of matching `units` (sentences, or clauses when `in_clauses`)
/// with its weight, the mean IDF its units carry, when two or more independent sources are in
/// it. Each unit is cited by its own words: a clause alone, without the rest of its sentence.
fn item(
    story: &Story,
    units: &[SentenceTerms],
    members: &[usize],
    matches: &Matches,
    independent: &[usize],
    in_clauses: bool,
) -> Option<(f64, ConsensusItem)> {
    if members.len() < 2 {
        return None;
    }
    let weight: f64 = members
        .iter()
        .flat_map(|&member| &units[member].terms)
        .map(|&term| matches.idf[term as usize])
        .sum::<f64>()
        / members.len() as f64;
    let mut citations: Vec<Citation> = members
        .iter()
        .map(|&member| citation(story, &units[member]))
        .collect();
    citations.sort_by_key(|citation| (citation.source, citation.span.start));
    let n_independent = n_independent(independent, &citations);
    (n_independent >= 2).then_some((
        weight,
        ConsensusItem {
            n_articles: citations.len(),
            n_independent,
            citations,
            in_clauses,
        },
    ))
}

/// Whether `item` cites, for every citation of `other`, the same source at a place that
/// overlaps it (a sentence, or a clause of it).
fn cites_all(item: &ConsensusItem, other: &ConsensusItem) -> bool {
    other
        .citations
        .iter()
        .all(|wanted| item.citations.iter().any(|cited| cited.overlaps(wanted)))
}

/// `items` without the sentences that contest what another sentence of their item asserts, as
/// the assertion `disputes` read them: "The government's claim that it has withdrawn the riot
/// police is simply untrue" shares its words with the sentences that state the withdrawal, but
/// does not state it. An item left with fewer than two independent sources goes; the others
/// stay in the order of [`consensus`].
pub(crate) fn without_contesting<'a>(
    story: &Story,
    items: Vec<ConsensusItem>,
    disputes: &'a [Dispute],
) -> Vec<ConsensusItem> {
    let independent = independent_sources(story);
    let assertions: Vec<(Vec<&'a Citation>, Vec<&'a Citation>)> = disputes
        .iter()
        .filter(|dispute| dispute.kind == DisputeKind::Assertion)
        .map(|dispute| {
            let (asserted, contesting): (Vec<&DisputeSide>, Vec<&DisputeSide>) = dispute
                .sides
                .iter()
                .partition(|side| side.value == ASSERTED);
            let citations = |sides: &[&'a DisputeSide]| -> Vec<&'a Citation> {
                sides.iter().flat_map(|side| &side.citations).collect()
            };
            (citations(&asserted), citations(&contesting))
        })
        .collect();
    let mut items: Vec<ConsensusItem> = items
        .into_iter()
        .filter_map(|mut item| {
            for (asserted, contesting) in &assertions {
                let states = item
                    .citations
                    .iter()
                    .any(|cited| asserted.iter().any(|side| side.overlaps(cited)));
                if states {
                    item.citations
                        .retain(|cited| !contesting.iter().any(|side| side.overlaps(cited)));
                }
            }
            item.n_articles = item.citations.len();
            item.n_independent = n_independent(&independent, &item.citations);
            (item.n_independent >= 2).then_some(item)
        })
        .collect();
    // Stable: items as widely stated as before keep their order.
    items.sort_by_key(|item| {
        (
            std::cmp::Reverse(item.n_independent),
            std::cmp::Reverse(item.n_articles),
        )
    });
    items
}

/// How many independent sources `citations` come from ([`independent_sources`]).
pub(crate) fn n_independent<'a>(
    independent: &[usize],
    citations: impl IntoIterator<Item = &'a Citation>,
) -> usize {
    citations
        .into_iter()
        .map(|citation| independent[citation.source - 1])
        .collect::<std::collections::BTreeSet<_>>()
        .len()
}

/// For each article, the index of the article it re-publishes, or its own index: articles with
/// the same value are one source of evidence.
pub(crate) fn independent_sources(story: &Story) -> Vec<usize> {
    story
        .articles
        .iter()
        .enumerate()
        .map(|(idx, annotated)| {
            annotated
                .article
                .duplicate_of
                .as_ref()
                .and_then(|original| {
                    story
                        .articles
                        .iter()
                        .position(|other| other.article.id == *original)
                })
                .unwrap_or(idx)
        })
        .collect()
}

fn first_position(item: &ConsensusItem) -> (usize, usize) {
    item.citations.first().map_or((usize::MAX, 0), |citation| {
        (citation.source, citation.span.start)
    })
}

/// The citation of a sentence or clause: its own words.
pub(crate) fn citation(story: &Story, unit: &SentenceTerms) -> Citation {
    let annotated = &story.articles[unit.article_idx];
    let range = unit.range.clone();
    Citation {
        source: unit.article_idx + 1,
        span: Span::new(annotated.article.id.clone(), range.start, range.end),
        text: annotated
            .article
            .text
            .get(range)
            .unwrap_or_default()
            .to_string(),
    }
}

/// `citation` of a clause shown so that it reads alone. A clause with no subject of its own
/// ([`crate::clauses::opens_headless`]: "… weighed in to defend the plan on Monday" leaves the
/// reader to guess who did) is shown from its sentence's start; one that ends waiting for more
/// ([`crate::clauses::ends_open`]: "… said in a statement that if elected", a quotation still
/// open) goes on to the end of the first clause after it that does not, at most to its
/// sentence's end. A whole sentence, or a clause that reads alone, is left as it is. Only the
/// display widens: what an item corroborates was decided on the clause, so this is applied once
/// the sections that read the clauses are built.
pub(crate) fn readable_alone(story: &Story, citation: &mut Citation) {
    let Some(annotated) = citation
        .source
        .checked_sub(1)
        .and_then(|idx| story.articles.get(idx))
    else {
        return;
    };
    let text = &annotated.article.text;
    let clause = citation.span.start..citation.span.end;
    let Some(sentence) = crate::timeline::sentence_holding(annotated, &clause)
        .map(|idx| annotated.sentences[idx].range.clone())
    else {
        return;
    };
    let (Some(words), Some(sentence_text)) = (text.get(clause.clone()), text.get(sentence.clone()))
    else {
        return;
    };
    let mut shown = clause.clone();
    if sentence.start < clause.start && crate::clauses::opens_headless(words, false) {
        shown.start = sentence.start;
    }
    if clause.end < sentence.end && crate::clauses::ends_open(words) {
        shown.end = crate::clauses::clause_ranges(sentence_text)
            .iter()
            .map(|range| sentence.start + crate::clauses::trimmed(sentence_text, range).end)
            .filter(|&end| end > clause.end)
            .find(|&end| {
                text.get(shown.start..end)
                    .is_some_and(|part| !crate::clauses::ends_open(part))
            })
            .unwrap_or(sentence.end);
    }
    if let Some(part) = text.get(shown.clone()).filter(|_| shown != clause) {
        citation.text = part.to_string();
        citation.span.start = shown.start;
        citation.span.end = shown.end;
    }
}

/// `items` with each clause item's citations shown so that they read alone
/// ([`readable_alone`]).
pub(crate) fn clauses_readable_alone(
    story: &Story,
    mut items: Vec<ConsensusItem>,
) -> Vec<ConsensusItem> {
    for item in items.iter_mut().filter(|item| item.in_clauses) {
        for citation in &mut item.citations {
            readable_alone(story, citation);
        }
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_stories::{with_date, with_names};
    use parallax_model::{Annotated, Article, Origin};

    fn story(articles: &[&[&str]]) -> Story {
        Story::new(
            articles
                .iter()
                .enumerate()
                .map(|(idx, sentences)| {
                    let text = sentences.join(" ");
                    let mut annotated =
                        Annotated::new(Article::new(Origin::File(format!("{idx}.txt")), text));
                    let mut start = 0;
                    for sentence in *sentences {
                        annotated.sentences.push(parallax_model::Sentence {
                            range: start..start + sentence.len(),
                            paragraph: 0,
                        });
                        start += sentence.len() + 1;
                    }
                    annotated
                })
                .collect(),
        )
    }

    /// A story of one sentence per article, each quoting its `quoted` words directly.
    #[test]
    fn a_clause_is_shown_with_its_subject_and_what_it_waits_for() {
        let story = story(&[&[
            "The port reopened on Monday.",
            "Ana Ruiz, the harbour master, signed the order, and the pilots returned on Friday.",
            "“The port must reopen before the harvest — and soon,” Ana Ruiz said.",
            "Tomas Berg said that if the pilots strike again, the port will close.",
        ]]);
        let annotated = &story.articles[0];
        let shown = |words: &str| {
            let start = annotated
                .article
                .text
                .find(words)
                .expect("words in the text");
            let mut citation = Citation {
                source: 1,
                span: Span::new(annotated.article.id.clone(), start, start + words.len()),
                text: words.to_string(),
            };
            readable_alone(&story, &mut citation);
            assert_eq!(
                annotated
                    .article
                    .text
                    .get(citation.span.start..citation.span.end),
                Some(citation.text.as_str())
            );
            citation.text
        };
        assert_eq!(
            shown("signed the order"),
            "Ana Ruiz, the harbour master, signed the order"
        );
        assert_eq!(
            shown("and the pilots returned on Friday."),
            "Ana Ruiz, the harbour master, signed the order, and the pilots returned on Friday."
        );
        // A clause opening with its own subject, or a whole sentence, stays as it is.
        assert_eq!(
            shown("Ana Ruiz, the harbour master"),
            "Ana Ruiz, the harbour master"
        );
        assert_eq!(
            shown("The port reopened on Monday."),
            "The port reopened on Monday."
        );
        // A clause that leaves a quotation open, or ends on a word waiting for more, goes on.
        assert_eq!(
            shown("“The port must reopen before the harvest"),
            "“The port must reopen before the harvest — and soon,” Ana Ruiz said."
        );
        assert_eq!(
            shown("Tomas Berg said that if"),
            "Tomas Berg said that if the pilots strike again"
        );
    }

    fn story_with_quotes(articles: &[(&str, &str)]) -> Story {
        let sentences: Vec<[&str; 1]> = articles.iter().map(|(text, _)| [*text]).collect();
        let sentences: Vec<&[&str]> = sentences.iter().map(|one| &one[..]).collect();
        let mut story = story(&sentences);
        for (annotated, (text, quoted)) in story.articles.iter_mut().zip(articles) {
            let start = text.find(quoted).expect("the quoted words are in the text");
            annotated.quotes.push(parallax_model::Quote {
                kind: parallax_model::QuoteKind::Direct,
                content: start..start + quoted.len(),
                continuation: Vec::new(),
                cue: None,
                speaker: None,
                speaker_pronoun: None,
                speaker_entity: None,
                anonymous: false,
            });
        }
        story
    }

    /// The sources of each consensus item of `story`, and whether it agrees on clauses.
    fn items_of(story: &Story) -> Vec<(Vec<usize>, bool)> {
        consensus(story, &Config::new())
            .iter()
            .map(|item| {
                (
                    item.citations.iter().map(|c| c.source).collect(),
                    item.in_clauses,
                )
            })
            .collect()
    }

    /// A stand-in sentence model: texts holding "deadlock" are far from every other; with
    /// `broken`, it fails.
    #[derive(Debug)]
    struct FakeModel {
        broken: bool,
    }

    impl crate::SentenceSimilarity for FakeModel {
        fn cosines(&self, pairs: &[(&str, &str)]) -> Result<Vec<f32>, String> {
            if self.broken {
                return Err("the model is broken".to_string());
            }
            Ok(pairs
                .iter()
                .map(|(left, right)| {
                    if left.contains("deadlock") != right.contains("deadlock") {
                        0.1
                    } else {
                        0.9
                    }
                })
                .collect())
        }
    }

    #[test]
    fn a_sentence_model_drops_matches_far_apart_in_meaning_and_a_failing_one_drops_none() {
        let story = story(&[
            &["The three-hour session at the ministry on Wednesday was meant to end the deadlock."],
            &["The three-hour session at the ministry on Wednesday ended without agreement."],
            &["Ferry services to the islands were cancelled for the week."],
        ]);
        let with_model = |broken: bool| Config {
            similarity: Some(std::sync::Arc::new(FakeModel { broken })),
            ..Config::new()
        };
        assert_eq!(items_of(&story), [(vec![1, 2], false)]);
        assert!(consensus(&story, &with_model(false)).is_empty());
        assert_eq!(consensus(&story, &with_model(true)).len(), 1);
        let brief = crate::brief(&story, &with_model(true));
        assert_eq!(brief.diagnostics.len(), 1, "{:?}", brief.diagnostics);
        assert!(brief.diagnostics[0].message.contains("the model is broken"));
    }

    #[test]
    fn a_sentence_model_checks_a_bounded_number_of_matches_and_says_so() {
        let sentence = "Ships waited at the breakwater while the harbour pilots stayed out.";
        let many = vec![sentence; 40];
        let story = story(&[&many, &many]);
        let config = Config {
            similarity: Some(std::sync::Arc::new(FakeModel { broken: false })),
            ..Config::new()
        };
        let brief = crate::brief(&story, &config);
        assert_eq!(brief.diagnostics.len(), 1, "{:?}", brief.diagnostics);
        assert_eq!(
            brief.diagnostics[0].severity,
            parallax_model::Severity::Note
        );
        assert!(
            brief.diagnostics[0]
                .message
                .contains("not checked by meaning"),
            "{:?}",
            brief.diagnostics
        );
    }

    #[test]
    fn a_fact_one_source_states_in_a_clause_groups_with_the_same_fact_alone() {
        let story = story(&[
            &[
                "Both unions agreed on Friday to resume talks over the pension fund, after a \
               two-hour meeting at the labour ministry ended without a joint statement.",
            ],
            &["No joint statement was issued after the meeting."],
            &["Ferry services to the islands were cancelled for the week."],
        ]);
        assert_eq!(items_of(&story), [(vec![1, 2], true)]);
        // The longer sentence is cited by its clause alone.
        let items = consensus(&story, &Config::new());
        assert_eq!(
            items[0].citations[0].text,
            "after a two-hour meeting at the labour ministry ended without a joint statement."
        );
    }

    #[test]
    fn a_sentence_denying_what_its_group_states_is_taken_out_of_the_group() {
        let story = story(&[
            &["The army withdrew 2,000 soldiers from the river crossing on Friday."],
            &["The army has withdrawn 2,000 soldiers from the river crossing, officials said."],
            &[
                "The claim that the army has withdrawn 2,000 soldiers from the river crossing is \
               untrue.",
            ],
        ]);
        let brief = crate::brief(&story, &Config::new());
        let denied: Vec<usize> = brief
            .disputes
            .iter()
            .filter(|dispute| dispute.kind == DisputeKind::Assertion)
            .flat_map(|dispute| &dispute.sides)
            .filter(|side| side.value != ASSERTED)
            .flat_map(|side| side.citations.iter().map(|citation| citation.source))
            .collect();
        assert_eq!(denied, [3]);
        let stated: Vec<Vec<usize>> = brief
            .consensus
            .iter()
            .map(|item| {
                item.citations
                    .iter()
                    .map(|citation| citation.source)
                    .collect()
            })
            .collect();
        assert_eq!(stated, [vec![1, 2]]);
    }

    #[test]
    fn clauses_that_only_name_the_same_people_state_no_common_fact() {
        let names = ["President Ilse Marov", "Minister Tomas Beck"];
        let story = story(&[
            &[
                "President Ilse Marov and Minister Tomas Beck met at the harbour office, while \
               the ferries kept running to the islands all week despite storms, floods and \
               closed northern roads.",
            ],
            &[
                "The cargo strike went on through the holidays in every port along the coast, \
               and President Ilse Marov and Minister Tomas Beck spoke by phone late at night.",
            ],
        ]);
        let story = with_names(with_names(story, 0, &names), 1, &names);
        assert_eq!(items_of(&story), []);
    }

    #[test]
    fn clauses_about_different_people_state_different_facts() {
        let led = "Ana Ruiz has led the harbour pilots union since 2003";
        let same = "Ana Ruiz has led the harbour pilots union since 2003, and critics say that is \
                    the trouble.";
        let other = "Mr. Tomas Berg and Mr. Olaf Lind have been part of the harbour pilots union \
                     leadership since 2003 and 2007.";
        let names = ["Ana Ruiz", "Tomas Berg", "Olaf Lind"];
        let with_both = |second: &str| {
            let story = story(&[
                &[&format!("{led}, while the ferries kept running all week.")],
                &[second],
            ]);
            with_names(with_names(story, 0, &names), 1, &names)
        };
        assert_eq!(items_of(&with_both(other)), []);
        assert_eq!(items_of(&with_both(same)), [(vec![1, 2], false)]);
        // A generation is no surname: "Tomas Berg Jr." and "Mr. Berg" may be one person.
        let junior = story(&[
            &[
                "Tomas Berg Jr. has led the harbour pilots union since 2003, while storms closed \
               the mountain roads and three freighters waited at anchor for a week.",
            ],
            &[
                "Mr. Berg has led the harbour pilots union since 2003, but the island council cut \
               the school budget again this spring after a long dispute over teacher salaries.",
            ],
        ]);
        let junior = with_names(with_names(junior, 0, &["Tomas Berg Jr."]), 1, &["Berg"]);
        assert_eq!(items_of(&junior), [(vec![1, 2], true)]);
    }

    #[test]
    fn clauses_that_share_only_the_name_of_a_thing_state_no_common_fact() {
        let pilots = "Harbour pilots walked off the job on Tuesday and two tankers waited outside \
                      the breakwater overnight";
        let named = story(&[
            &[&format!("{pilots}, while critics doubted the port budget.")],
            &["The union read the offer coldly, and the port budget was cut."],
        ]);
        assert_eq!(items_of(&named), []);
        // The same two words quoted by both are one quotation.
        let critics =
            format!("{pilots}, while critics took it \u{201c}with a grain of salt.\u{201d}");
        let board = "The union read the offer coldly, and the board heard it \u{201c}with a grain of \
                     salt.\u{201d}";
        let unquoted = story(&[&[critics.as_str()], &[board]]);
        assert_eq!(items_of(&unquoted), []);
        let quoted = story_with_quotes(&[
            (critics.as_str(), "with a grain of salt."),
            (board, "with a grain of salt."),
        ]);
        assert_eq!(items_of(&quoted), [(vec![1, 2], true)]);
    }

    #[test]
    fn a_negation_opening_a_sentence_denies_all_of_it() {
        let story = story(&[
            &["Not a one of the council members defended the harbour master Ana Ruiz."],
            &["Councilman Tomas Berg defended the harbour master Ana Ruiz on Monday."],
        ]);
        let story = with_names(
            with_names(story, 0, &["Ana Ruiz"]),
            1,
            &["Ana Ruiz", "Tomas Berg"],
        );
        assert_eq!(items_of(&story), []);
    }

    #[test]
    fn opposite_stances_on_one_question_are_no_agreement() {
        check(
            &[
                &["The harbour council voted on Monday to support the new pier plan."],
                &["The harbour council voted on Monday to oppose the new pier plan."],
            ],
            &[],
        );
        check(
            &[
                &["The harbour council voted on Monday to support the new pier plan."],
                &["On Monday the harbour council voted in support of the new pier plan."],
            ],
            &[&[1, 2]],
        );
    }

    fn check(articles: &[&[&str]], expected: &[&[usize]]) {
        let items = consensus(&story(articles), &Config::new());
        let found: Vec<Vec<usize>> = items
            .iter()
            .map(|item| item.citations.iter().map(|c| c.source).collect())
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn paraphrases_group_and_unrelated_sentences_do_not() {
        check(
            &[
                &[
                    "Dock workers in Porto Vell walked out on Monday over pay.",
                    "The weather was mild.",
                ],
                &["On Monday, dock workers in Porto Vell walked out demanding better pay."],
                &["Ferry services to the islands were cancelled for the week."],
            ],
            &[&[1, 2]],
        );
    }

    /// `story` with each article's `expression` marked as the calendar day `value`.
    fn dated(mut story: Story, expression: &str, value: &str) -> Story {
        for annotated in &mut story.articles {
            with_date(annotated, expression, value);
        }
        story
    }

    #[test]
    fn one_event_of_one_day_told_in_other_words_groups() {
        let event = [
            &[
                "The harbour pilots walked off the job on Tuesday and two tankers waited outside \
               the breakwater overnight.",
            ][..],
            &[
                "On Tuesday pilots walked off the job over unpaid night shifts according to the \
               port master.",
            ][..],
        ];
        // Worded too far apart for sentences without a day in common.
        assert_eq!(items_of(&story(&event)), []);
        let same_day = dated(story(&event), "Tuesday", "2026-03-10");
        assert_eq!(items_of(&same_day), [(vec![1, 2], false)]);
        let other_days = {
            let mut story = dated(story(&event), "Tuesday", "2026-03-10");
            story.articles[1].times[0].value = "2026-03-17".to_string();
            story
        };
        assert_eq!(items_of(&other_days), []);
        // Sharing the day and who acted is not enough: what they did must be shared too.
        let who_and_when = [
            &[
                "The harbour pilots on Tuesday released a statement from their lawyer about the \
               stranded tankers and the damaged grain ship.",
            ][..],
            &[
                "On Tuesday the harbour pilots' pension records were released by the archive \
               office in the old customs house.",
            ][..],
        ];
        let unnamed = dated(story(&who_and_when), "Tuesday", "2026-03-10");
        assert_eq!(items_of(&unnamed), [(vec![1, 2], false)]);
        let names = ["harbour pilots"];
        let story = dated(story(&who_and_when), "Tuesday", "2026-03-10");
        let story = with_names(with_names(story, 0, &names), 1, &names);
        assert_eq!(items_of(&story), []);
    }

    #[test]
    fn a_supposition_matches_only_another() {
        let supposed = "If the harbour pilots end their strike on Monday, the grain ships can \
                        finally leave the outer anchorage.";
        // One source supposes what another states: no agreement.
        assert_eq!(
            items_of(&story(&[
                &[supposed],
                &[
                    "The harbour pilots end their strike on Monday, the union announced late \
                   last night."
                ],
            ])),
            []
        );
        // Two sources quoting the same supposition agree on it.
        assert_eq!(
            items_of(&story(&[&[supposed], &[supposed]])),
            [(vec![1, 2], false)]
        );
    }

    #[test]
    fn a_group_never_holds_two_sentences_of_one_article() {
        check(
            &[
                &[
                    "Harbor pilots in Porto Vell joined the strike on Monday.",
                    "Harbor pilots in Porto Vell joined the strike on Monday evening.",
                ],
                &["Harbor pilots in Porto Vell joined the strike on Monday."],
            ],
            &[&[1, 2]],
        );
    }

    #[test]
    fn larger_groups_come_first() {
        check(
            &[
                &[
                    "Minister Lund met union leaders for forty minutes.",
                    "The port authority closed berth seven after the fire.",
                ],
                &[
                    "The port authority closed berth seven after the fire.",
                    "Minister Lund met union leaders for forty minutes on Tuesday.",
                ],
                &["Union leaders met Minister Lund for forty minutes."],
            ],
            &[&[1, 2, 3], &[1, 2]],
        );
    }

    #[test]
    fn a_denial_of_what_another_source_states_is_no_agreement() {
        check(
            &[
                &["The harbour board said the dismissals were politically motivated and unlawful."],
                &["The minister insisted the dismissals were not politically motivated at all."],
            ],
            &[],
        );
        check(
            &[
                &["The ferry operator confirmed the leaked timetable for the winter crossings."],
                &[
                    "The ferry operator could not confirm the leaked timetable for the winter crossings.",
                ],
            ],
            &[],
        );
    }

    #[test]
    fn negations_that_reach_other_words_or_both_sides_leave_a_match() {
        check(
            &[
                // "not to be named" denies no word the other source uses.
                &[
                    "An official who asked not to be named said the port would delay the crane \
                   automation by six months.",
                ],
                &["A senior official has floated a six-month delay to the crane automation."],
            ],
            &[&[1, 2]],
        );
        check(
            &[
                // The negation reaches one shared word of many.
                &[
                    "The premier has hinted at emergency legislation to force the striking port \
                   back to work.",
                ],
                &[
                    "The premier warned of emergency legislation against the striking port if it \
                   was not working normally by the end of the month.",
                ],
            ],
            &[&[1, 2]],
        );
        check(
            &[
                &["The union said the new rota does not discriminate against night workers."],
                &[
                    "It is not the intent of the rota to discriminate against night workers, the \
                   union said.",
                ],
            ],
            &[&[1, 2]],
        );
        check(
            &[
                // Denied once and stated once in the same quote: not a denial of it.
                &[
                    "\"We will not close the western terminal. We will close the western \
                   terminal's night shift.\"",
                ],
                &["The operator will close the western terminal's night shift next month."],
            ],
            &[&[1, 2]],
        );
    }

    #[test]
    fn a_speaker_and_a_reporting_verb_in_common_are_no_agreement() {
        let names = ["Lena Ostrova"];
        let story = story(&[
            &["A stranger off camera then tells Lena Ostrova, \"We are only filming a project.\""],
            &["\"Tell me who you are,\" Lena Ostrova said."],
        ]);
        let mut story = with_names(with_names(story, 0, &names), 1, &names);
        // The second sentence quotes the name it shares: without the attribution, only "Tell"
        // is left in common, a reporting verb in the first.
        let quote = parallax_model::Quote {
            speaker_entity: Some(0),
            ..crate::test_stories::quote_in(
                &story.articles[1].article.text,
                parallax_model::QuoteKind::Direct,
                "Tell me who you are,",
                Some("said"),
                Some("Lena Ostrova"),
            )
        };
        story.articles[1].quotes.push(quote);
        assert_eq!(items_of(&story), []);
    }
}
