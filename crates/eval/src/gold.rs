//! The example corpus against its gold files.
//!
//! `examples/gold/<story>.json` describes what a brief of `examples/<story>/` must show: each
//! article's metadata, the boilerplate lines a cleaner must remove, the facts several sources
//! agree on (with each source's exact wording), disputes, quotes and dates. This task scores the
//! parts the pipeline builds so far:
//!
//! - `metadata_accuracy`: outlet, title, date and author of each source as in the gold (an
//!   outlet the input does not name must be left empty).
//! - `boilerplate_removed`: gold boilerplate lines absent from the clean text.
//! - `text_kept`: gold wordings (agreements, disputes, quotes, dates) present in the clean text.
//! - `agreement_recall`: gold agreements for which one consensus item or one agreed fact cites
//!   two or more independent supporting sources at the gold wording (a near-duplicate and its
//!   original count once).
//! - `agreement_pair_recall`: pairs of supporting sources that one consensus item or agreed fact
//!   puts together.
//! - `quantity_dispute_recall`, `date_dispute_recall`, `agent_dispute_recall`,
//!   `assertion_dispute_recall`: gold disputes of that kind for which one dispute of the brief,
//!   of the same kind,
//!   cites two different gold sides at their wording.
//! - `quote_recall`: gold quotes whose content a found quote overlaps; `quote_speaker_accuracy`:
//!   of those, the share whose speaker is right (the gold speaker's last name in the found
//!   speaker or its entity; anonymous gold speakers must be found anonymous).
//! - `date_recall`: gold time expressions that a found one overlaps; `date_value_accuracy`: of
//!   those with a gold value, the share whose TIMEX3 value is exactly the gold one.

use crate::{Error, Report, Result};
use parallax_engine::model::{
    Annotated, Article, Brief, DisputeKind, TimeExpression, TimeModifier,
};
use parallax_engine::{Config, Input};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

/// A gold file. Fields this task does not score yet are still parsed, so a malformed gold file
/// is caught here.
#[derive(Debug, Deserialize)]
pub struct Gold {
    /// The story's folder name under the examples folder.
    pub story: String,
    /// The articles.
    pub articles: Vec<GoldArticle>,
    /// Facts two or more sources state.
    pub agreements: Vec<GoldAgreement>,
    /// Slots filled differently by different sources.
    pub disputes: Vec<GoldDispute>,
    /// Quotes and reported speech.
    pub quotes: Vec<GoldQuote>,
    /// Time expressions with their resolved values.
    pub dates: Vec<GoldDate>,
    /// Lines a cleaner must remove.
    pub boilerplate: Vec<Wording>,
}

/// Expected metadata of one article.
#[derive(Debug, Deserialize)]
pub struct GoldArticle {
    /// File name inside the story folder.
    pub file: String,
    /// Outlet.
    pub outlet: String,
    /// Whether the input names its outlet (a page's site name, a feed's title). Scraped text
    /// often does not; the extractor must then leave the outlet empty rather than guess.
    pub outlet_in_input: bool,
    /// Headline.
    pub title: String,
    /// `YYYY-MM-DD`, or null when the article carries no date.
    pub published: Option<String>,
    /// Author, or null when the article names none.
    pub author: Option<String>,
    /// `news`, `opinion` or `analysis`.
    pub genre: String,
    /// The file this one re-publishes, if any.
    pub near_duplicate_of: Option<String>,
}

/// Exact words of one file.
#[derive(Debug, Deserialize)]
pub struct Wording {
    /// File name inside the story folder.
    pub file: String,
    /// The words, verbatim.
    pub text: String,
}

/// A fact stated by several sources.
#[derive(Debug, Deserialize)]
pub struct GoldAgreement {
    /// The fact, paraphrased neutrally.
    pub fact: String,
    /// Where each source states it.
    pub support: Vec<Wording>,
}

/// A slot filled differently across sources.
#[derive(Debug, Deserialize)]
pub struct GoldDispute {
    /// What is disputed.
    pub slot: String,
    /// `quantity`, `date`, `agent` or `assertion`.
    pub kind: String,
    /// Each value with its sources.
    pub sides: Vec<GoldSide>,
}

/// One side of a dispute.
#[derive(Debug, Deserialize)]
pub struct GoldSide {
    /// The value, normalized.
    pub value: String,
    /// Where each source states it.
    pub support: Vec<Wording>,
}

/// A quote.
#[derive(Debug, Deserialize)]
pub struct GoldQuote {
    /// File name.
    pub file: String,
    /// Who speaks.
    pub speaker: String,
    /// `direct` or `indirect`.
    pub kind: String,
    /// What is said, verbatim.
    pub text: String,
}

/// A time expression.
#[derive(Debug, Deserialize)]
pub struct GoldDate {
    /// File name.
    pub file: String,
    /// The expression, verbatim.
    pub expression: String,
    /// TIMEX3 value, or null for an undated article.
    pub value: Option<String>,
}

/// Reads one gold file.
pub fn load(path: &Path) -> Result<Gold> {
    crate::read_json(path)
}

/// Counts behind the metrics of one story, so stories can be pooled.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    /// Gold articles found among the sources.
    pub sources_found: usize,
    /// Gold articles.
    pub sources: usize,
    /// Metadata fields as in the gold.
    pub metadata_correct: usize,
    /// Metadata fields checked.
    pub metadata: usize,
    /// Gold boilerplate lines absent from the clean text.
    pub boilerplate_removed: usize,
    /// Gold boilerplate lines.
    pub boilerplate: usize,
    /// Gold wordings present in the clean text.
    pub text_kept: usize,
    /// Gold wordings.
    pub text: usize,
    /// Agreements found.
    pub agreements_found: usize,
    /// Agreements.
    pub agreements: usize,
    /// Supporting pairs found together.
    pub pairs_found: usize,
    /// Supporting pairs.
    pub pairs: usize,
    /// Gold quantity disputes found.
    pub quantity_disputes_found: usize,
    /// Gold quantity disputes.
    pub quantity_disputes: usize,
    /// Gold date disputes found.
    pub date_disputes_found: usize,
    /// Gold date disputes.
    pub date_disputes: usize,
    /// Gold agent disputes found.
    pub agent_disputes_found: usize,
    /// Gold agent disputes.
    pub agent_disputes: usize,
    /// Gold assertion disputes found.
    pub assertion_disputes_found: usize,
    /// Gold assertion disputes.
    pub assertion_disputes: usize,
    /// Gold quotes found.
    pub quotes_found: usize,
    /// Found gold quotes with the right speaker.
    pub quote_speakers_correct: usize,
    /// Gold quotes.
    pub quotes: usize,
    /// Gold time expressions found.
    pub dates_found: usize,
    /// Found gold time expressions that have a gold value.
    pub dates_with_value: usize,
    /// Of those, the ones with the gold value.
    pub date_values_correct: usize,
    /// Gold time expressions.
    pub dates: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.sources_found += other.sources_found;
        self.sources += other.sources;
        self.metadata_correct += other.metadata_correct;
        self.metadata += other.metadata;
        self.boilerplate_removed += other.boilerplate_removed;
        self.boilerplate += other.boilerplate;
        self.text_kept += other.text_kept;
        self.text += other.text;
        self.agreements_found += other.agreements_found;
        self.agreements += other.agreements;
        self.pairs_found += other.pairs_found;
        self.pairs += other.pairs;
        self.quantity_disputes_found += other.quantity_disputes_found;
        self.quantity_disputes += other.quantity_disputes;
        self.date_disputes_found += other.date_disputes_found;
        self.date_disputes += other.date_disputes;
        self.agent_disputes_found += other.agent_disputes_found;
        self.agent_disputes += other.agent_disputes;
        self.assertion_disputes_found += other.assertion_disputes_found;
        self.assertion_disputes += other.assertion_disputes;
        self.quotes_found += other.quotes_found;
        self.quote_speakers_correct += other.quote_speakers_correct;
        self.quotes += other.quotes;
        self.dates_found += other.dates_found;
        self.dates_with_value += other.dates_with_value;
        self.date_values_correct += other.date_values_correct;
        self.dates += other.dates;
    }

    fn metrics(&self) -> BTreeMap<String, f64> {
        BTreeMap::from([
            (
                "metadata_accuracy".to_string(),
                ratio(self.metadata_correct, self.metadata),
            ),
            (
                "boilerplate_removed".to_string(),
                ratio(self.boilerplate_removed, self.boilerplate),
            ),
            ("text_kept".to_string(), ratio(self.text_kept, self.text)),
            (
                "agreement_recall".to_string(),
                ratio(self.agreements_found, self.agreements),
            ),
            (
                "agreement_pair_recall".to_string(),
                ratio(self.pairs_found, self.pairs),
            ),
            (
                "quantity_dispute_recall".to_string(),
                ratio(self.quantity_disputes_found, self.quantity_disputes),
            ),
            (
                "date_dispute_recall".to_string(),
                ratio(self.date_disputes_found, self.date_disputes),
            ),
            (
                "agent_dispute_recall".to_string(),
                ratio(self.agent_disputes_found, self.agent_disputes),
            ),
            (
                "assertion_dispute_recall".to_string(),
                ratio(self.assertion_disputes_found, self.assertion_disputes),
            ),
            (
                "quote_recall".to_string(),
                ratio(self.quotes_found, self.quotes),
            ),
            (
                "quote_speaker_accuracy".to_string(),
                ratio(self.quote_speakers_correct, self.quotes_found),
            ),
            (
                "date_recall".to_string(),
                ratio(self.dates_found, self.dates),
            ),
            (
                "date_value_accuracy".to_string(),
                ratio(self.date_values_correct, self.dates_with_value),
            ),
        ])
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// Scores every story that has a gold file in `examples/gold/`.
pub fn evaluate(examples: &Path) -> Result<Report> {
    let gold_dir = examples.join("gold");
    let gold_paths = crate::files_in(&gold_dir, "json")?;
    if gold_paths.is_empty() {
        return Err(Error::Empty {
            what: "gold files",
            path: gold_dir,
        });
    }

    let mut rows = Vec::new();
    let mut misses = Vec::new();
    let mut total = Tally::default();
    for path in &gold_paths {
        let gold = load(path)?;
        let (tally, story_misses) = score_story(&examples.join(&gold.story), &gold);
        misses.extend(
            story_misses
                .into_iter()
                .map(|miss| format!("{}: {miss}", gold.story)),
        );
        rows.push(row(&gold.story, &tally));
        total.add(&tally);
    }
    rows.push(row("all", &total));
    Ok(Report {
        task: "gold",
        columns: [
            "story",
            "sources",
            "metadata",
            "boilerplate removed",
            "text kept",
            "agreements",
            "agreement pairs",
            "quantity disputes",
            "date disputes",
            "agent disputes",
            "assertion disputes",
            "quotes",
            "speakers",
            "dates",
            "date values",
        ]
        .map(str::to_string)
        .to_vec(),
        rows,
        metrics: total.metrics(),
        misses,
    })
}

fn row(name: &str, tally: &Tally) -> Vec<String> {
    let cell = |part: usize, whole: usize| format!("{part}/{whole} ({:.2})", ratio(part, whole));
    vec![
        name.to_string(),
        format!("{}/{}", tally.sources_found, tally.sources),
        cell(tally.metadata_correct, tally.metadata),
        cell(tally.boilerplate_removed, tally.boilerplate),
        cell(tally.text_kept, tally.text),
        cell(tally.agreements_found, tally.agreements),
        cell(tally.pairs_found, tally.pairs),
        cell(tally.quantity_disputes_found, tally.quantity_disputes),
        cell(tally.date_disputes_found, tally.date_disputes),
        cell(tally.agent_disputes_found, tally.agent_disputes),
        cell(tally.assertion_disputes_found, tally.assertion_disputes),
        cell(tally.quotes_found, tally.quotes),
        cell(tally.quote_speakers_correct, tally.quotes_found),
        cell(tally.dates_found, tally.dates),
        cell(tally.date_values_correct, tally.dates_with_value),
    ]
}

/// For each file the gold names, the index of its article among `annotated`: of a feed with
/// several items, the item that holds the most of the gold's wordings for the file (an
/// unrelated item of the feed may have joined the story).
fn gold_articles<'g>(gold: &'g Gold, annotated: &[Annotated]) -> HashMap<&'g str, usize> {
    let file_of = |annotated: &Annotated| -> String {
        let label = annotated.article.origin.label();
        let path = label.split('#').next().unwrap_or_default().to_string();
        Path::new(&path)
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or_default()
            .to_string()
    };
    let files: Vec<String> = annotated.iter().map(file_of).collect();
    let wordings = |file: &str| -> Vec<&str> {
        gold.quotes
            .iter()
            .filter(|quote| quote.file == file)
            .map(|quote| quote.text.as_str())
            .chain(
                gold.dates
                    .iter()
                    .filter(|date| date.file == file)
                    .map(|date| date.expression.as_str()),
            )
            .collect()
    };
    gold.articles
        .iter()
        .filter_map(|expected| {
            let candidates: Vec<usize> = (0..annotated.len())
                .filter(|&idx| files[idx] == expected.file)
                .collect();
            let best = match candidates.as_slice() {
                [] => return None,
                [only] => *only,
                several => {
                    let texts = wordings(&expected.file);
                    *several
                        .iter()
                        .max_by_key(|&&idx| {
                            let text = &annotated[idx].article.text;
                            (
                                texts
                                    .iter()
                                    .filter(|wording| text.contains(*wording))
                                    .count(),
                                std::cmp::Reverse(idx),
                            )
                        })
                        .unwrap_or(&several[0])
                }
            };
            Some((expected.file.as_str(), best))
        })
        .collect()
}

/// Runs the brief on `story_dir` and scores it against `gold`, with one line per miss. The
/// folder's largest story is scored, as a user reads the first brief `parallax brief` prints:
/// an unrelated item of a feed in the folder is a story of its own. A story whose brief fails
/// scores zero on everything but boilerplate.
pub fn score_story(story_dir: &Path, gold: &Gold) -> (Tally, Vec<String>) {
    let outcomes = parallax_engine::briefs(&[Input::Path(story_dir.to_path_buf())], &Config::new());
    match outcomes.as_deref() {
        Ok([largest, ..]) => score(gold, Some(&largest.brief), &largest.story.articles),
        _ => score(gold, None, &[]),
    }
}

fn score(gold: &Gold, brief: Option<&Brief>, annotated: &[Annotated]) -> (Tally, Vec<String>) {
    let mut misses = Vec::new();
    let chosen = gold_articles(gold, annotated);
    let annotated_by_file =
        |file: &str| -> Option<&Annotated> { chosen.get(file).map(|&idx| &annotated[idx]) };
    let by_file = |file: &str| -> Option<(usize, &Article)> {
        chosen
            .get(file)
            .map(|&idx| (idx + 1, &annotated[idx].article))
    };
    let locate_in = |wording: &Wording| -> Option<(usize, Range<usize>)> {
        let (number, article) = by_file(&wording.file)?;
        locate(&article.text, &wording.text).map(|range| (number, range))
    };

    let mut tally = Tally::default();
    for expected in &gold.articles {
        tally.sources += 1;
        tally.metadata += 4;
        let Some((_, article)) = by_file(&expected.file) else {
            continue;
        };
        tally.sources_found += 1;
        let same = |found: Option<&str>, wanted: Option<&str>| {
            found.map(normalize) == wanted.map(normalize)
        };
        let published = article.published.map(|date| date.to_string());
        let author_correct = match &expected.author {
            Some(author) => article
                .authors
                .iter()
                .any(|found| same(Some(found), Some(author))),
            None => article.authors.is_empty(),
        };
        let checks = [
            (
                "outlet",
                same(
                    article.outlet.as_deref(),
                    expected.outlet_in_input.then_some(expected.outlet.as_str()),
                ),
                format!("{:?}", article.outlet),
            ),
            (
                "title",
                same(article.title.as_deref(), Some(&expected.title)),
                format!("{:?}", article.title),
            ),
            (
                "date",
                published == expected.published,
                format!("{published:?}"),
            ),
            ("author", author_correct, format!("{:?}", article.authors)),
        ];
        for (field, correct, found) in checks {
            tally.metadata_correct += usize::from(correct);
            if !correct {
                misses.push(format!("{}: {field} is {found}", expected.file));
            }
        }
    }

    for line in &gold.boilerplate {
        tally.boilerplate += 1;
        let present = by_file(&line.file)
            .is_some_and(|(_, article)| locate(&article.text, &line.text).is_some());
        tally.boilerplate_removed += usize::from(!present);
        if present {
            misses.push(format!("{}: boilerplate kept: {:?}", line.file, line.text));
        }
    }

    let wordings = gold
        .agreements
        .iter()
        .flat_map(|agreement| agreement.support.iter())
        .chain(
            gold.disputes
                .iter()
                .flat_map(|dispute| dispute.sides.iter().flat_map(|side| side.support.iter())),
        );
    let quotes = gold.quotes.iter().map(|quote| (&quote.file, &quote.text));
    let dates = gold.dates.iter().map(|date| (&date.file, &date.expression));
    let all_wordings = wordings
        .map(|wording| (&wording.file, &wording.text))
        .chain(quotes)
        .chain(dates);
    for (file, text) in all_wordings {
        tally.text += 1;
        let kept = by_file(file).is_some_and(|(_, article)| locate(&article.text, text).is_some());
        tally.text_kept += usize::from(kept);
        if !kept {
            misses.push(format!("{file}: text lost: {text:?}"));
        }
    }

    for agreement in &gold.agreements {
        let mut support: Vec<(usize, Range<usize>)> =
            agreement.support.iter().filter_map(locate_in).collect();
        support.sort_by_key(|(number, range)| (*number, range.start));
        support.dedup_by_key(|(number, _)| *number);
        let n_support = agreement
            .support
            .iter()
            .map(|wording| wording.file.as_str())
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        tally.agreements += 1;
        tally.pairs += n_support * n_support.saturating_sub(1) / 2;
        let (best, best_independent) = brief.map_or((0, 0), |brief| {
            // A consensus item, or an agreed fact with all its wordings.
            let groups = brief
                .consensus
                .iter()
                .map(|item| item.citations.iter().collect::<Vec<_>>())
                .chain(brief.agreed_facts.iter().map(|fact| {
                    fact.values
                        .iter()
                        .flat_map(|value| &value.citations)
                        .collect()
                }));
            groups
                .map(|citations| {
                    let covered: Vec<usize> = support
                        .iter()
                        .filter(|(number, range)| {
                            citations.iter().any(|citation| {
                                citation.source == *number
                                    && citation.span.start < range.end
                                    && range.start < citation.span.end
                            })
                        })
                        .map(|(number, _)| *number)
                        .collect();
                    // A near-duplicate and its original are one source of evidence.
                    let independent: std::collections::BTreeSet<usize> = covered
                        .iter()
                        .map(|number| {
                            brief
                                .sources
                                .get(number - 1)
                                .and_then(|source| source.duplicate_of)
                                .unwrap_or(*number)
                        })
                        .collect();
                    (covered.len(), independent.len())
                })
                .max_by_key(|(covered, independent)| (*independent, *covered))
                .unwrap_or((0, 0))
        });
        tally.agreements_found += usize::from(best_independent >= 2);
        tally.pairs_found += best * best.saturating_sub(1) / 2;
        if best < n_support {
            misses.push(format!(
                "agreement with {best} of {n_support} sources together: {:?}",
                agreement.fact
            ));
        }
    }
    for dispute in &gold.disputes {
        let (kind, found_count, count) = match dispute.kind.as_str() {
            "quantity" => (
                DisputeKind::Quantity,
                &mut tally.quantity_disputes_found,
                &mut tally.quantity_disputes,
            ),
            "date" => (
                DisputeKind::Date,
                &mut tally.date_disputes_found,
                &mut tally.date_disputes,
            ),
            "agent" => (
                DisputeKind::Agent,
                &mut tally.agent_disputes_found,
                &mut tally.agent_disputes,
            ),
            "assertion" => (
                DisputeKind::Assertion,
                &mut tally.assertion_disputes_found,
                &mut tally.assertion_disputes,
            ),
            _ => continue,
        };
        *count += 1;
        // Each gold side as the places its sources give it.
        let sides: Vec<Vec<(usize, Range<usize>)>> = dispute
            .sides
            .iter()
            .map(|side| side.support.iter().filter_map(locate_in).collect())
            .collect();
        let found = brief.is_some_and(|brief| {
            brief
                .disputes
                .iter()
                .filter(|found| found.kind == kind)
                .any(|found| {
                    let cites = |side: &Vec<(usize, Range<usize>)>| {
                        found
                            .sides
                            .iter()
                            .flat_map(|found_side| &found_side.citations)
                            .any(|citation| {
                                side.iter().any(|(number, range)| {
                                    citation.source == *number
                                        && citation.span.start < range.end
                                        && range.start < citation.span.end
                                })
                            })
                    };
                    sides.iter().filter(|side| cites(side)).count() >= 2
                })
        });
        *found_count += usize::from(found);
        if !found {
            misses.push(format!(
                "{} dispute not found: {:?}",
                dispute.kind, dispute.slot
            ));
        }
    }
    score_quotes(gold, &annotated_by_file, &mut tally, &mut misses);
    score_dates(gold, &annotated_by_file, &mut tally, &mut misses);
    (tally, misses)
}

fn score_quotes<'a>(
    gold: &Gold,
    annotated_by_file: &dyn Fn(&str) -> Option<&'a Annotated>,
    tally: &mut Tally,
    misses: &mut Vec<String>,
) {
    for expected in &gold.quotes {
        tally.quotes += 1;
        let Some(annotated) = annotated_by_file(&expected.file) else {
            continue;
        };
        let text = &annotated.article.text;
        let Some(range) = locate(text, &expected.text) else {
            continue;
        };
        let found = annotated.quotes.iter().find(|quote| {
            std::iter::once(&quote.content)
                .chain(&quote.continuation)
                .any(|content| content.start < range.end && range.start < content.end)
        });
        let Some(quote) = found else {
            misses.push(format!(
                "{}: quote not found: {:?}",
                expected.file, expected.text
            ));
            continue;
        };
        tally.quotes_found += 1;
        let speaker_text = quote
            .speaker
            .clone()
            .and_then(|speaker| text.get(speaker))
            .unwrap_or_default();
        let entity_name = quote
            .speaker_entity
            .and_then(|entity| annotated.entities.get(entity))
            .map_or("", |entity| entity.name.as_str());
        let correct = if expected.speaker.starts_with("anonymous") {
            quote.anonymous
        } else {
            let surname = expected
                .speaker
                .split_whitespace()
                .last()
                .unwrap_or_default();
            let surname = normalize(surname);
            normalize(speaker_text).contains(&surname) || normalize(entity_name).contains(&surname)
        };
        tally.quote_speakers_correct += usize::from(correct);
        if !correct {
            misses.push(format!(
                "{}: speaker of {:?} is {:?} (entity {:?}), not {:?}",
                expected.file, expected.text, speaker_text, entity_name, expected.speaker
            ));
        }
    }
}

fn score_dates<'a>(
    gold: &Gold,
    annotated_by_file: &dyn Fn(&str) -> Option<&'a Annotated>,
    tally: &mut Tally,
    misses: &mut Vec<String>,
) {
    for expected in &gold.dates {
        tally.dates += 1;
        let Some(annotated) = annotated_by_file(&expected.file) else {
            continue;
        };
        // A gold expression written twice in its file ("on Wednesday", and "on Wednesday
        // night" elsewhere) is the place no longer gold expression of the file covers.
        let text = &annotated.article.text;
        let longer: Vec<Range<usize>> = gold
            .dates
            .iter()
            .filter(|other| {
                other.file == expected.file && other.expression.len() > expected.expression.len()
            })
            .filter_map(|other| locate(text, &other.expression))
            .collect();
        let places = locate_all(text, &expected.expression);
        let Some(range) = places
            .iter()
            .find(|place| {
                !longer
                    .iter()
                    .any(|other| other.start <= place.start && place.end <= other.end)
            })
            .or(places.first())
            .cloned()
        else {
            continue;
        };
        let overlapping: Vec<&TimeExpression> = annotated
            .times
            .iter()
            .filter(|time| time.range.start < range.end && range.start < time.range.end)
            .collect();
        let Some(time) = overlapping.first() else {
            misses.push(format!(
                "{}: date not found: {:?}",
                expected.file, expected.expression
            ));
            continue;
        };
        tally.dates_found += 1;
        if let Some(value) = &expected.value {
            tally.dates_with_value += 1;
            let correct = same_time_value(value, &overlapping);
            tally.date_values_correct += usize::from(correct);
            if !correct {
                misses.push(format!(
                    "{}: {:?} resolved to {}, not {value}",
                    expected.file, expected.expression, time.value
                ));
            }
        }
    }
}

/// Whether the found expressions carry the gold value. The gold writes a range as `A/B` and a
/// part of a period as `2026-04-MID`; TimeML, which the annotator follows, writes a range as two
/// expressions ("[17]-[18 March]") and keeps the part in the `mod` attribute.
fn same_time_value(gold: &str, found: &[&TimeExpression]) -> bool {
    // A range is either one expression valued as the range ("the first half of July") or two
    // expressions giving its ends ("between October and December").
    if let Some((first, last)) = gold.split_once('/') {
        return found.iter().any(|time| time.value == gold)
            || (found.first().is_some_and(|time| time.value == first)
                && found.last().is_some_and(|time| time.value == last));
    }
    let Some(time) = found.first() else {
        return false;
    };
    let modifier = match time.modifier {
        Some(TimeModifier::Start) => "-START",
        Some(TimeModifier::Mid) => "-MID",
        Some(TimeModifier::End) => "-END",
        _ => "",
    };
    time.value == gold || format!("{}{modifier}", time.value) == gold
}

/// Text compared loosely: whitespace runs as one space, typographic quotes and dashes as ASCII,
/// lowercase.
fn normalize(text: &str) -> String {
    normalized_chars(text).map(|(_, c)| c).collect()
}

fn normalized_chars(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut previous_space = true;
    text.char_indices().filter_map(move |(idx, c)| {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            if previous_space {
                return None;
            }
            previous_space = true;
        } else {
            previous_space = false;
        }
        Some((idx, c.to_lowercase().next().unwrap_or(c)))
    })
}

/// Where `needle` is in `haystack`, compared loosely (see [`normalize`]), as a byte range of
/// `haystack`.
pub fn locate(haystack: &str, needle: &str) -> Option<Range<usize>> {
    locate_all(haystack, needle).into_iter().next()
}

/// Every place of `needle` in `haystack`, compared as [`locate`] does, in text order.
pub fn locate_all(haystack: &str, needle: &str) -> Vec<Range<usize>> {
    let needle = normalize(needle.trim());
    if needle.is_empty() {
        return Vec::new();
    }
    let mapped: Vec<(usize, char)> = normalized_chars(haystack).collect();
    let flat: String = mapped.iter().map(|(_, c)| *c).collect();
    let n_chars = needle.chars().count();
    flat.match_indices(&needle)
        .filter_map(|(found, _)| {
            let start_char = flat[..found].chars().count();
            let start = mapped.get(start_char)?.0;
            let (last_idx, _) = *mapped.get(start_char + n_chars - 1)?;
            let end = haystack[last_idx..]
                .chars()
                .next()
                .map_or(last_idx, |c| last_idx + c.len_utf8());
            Some(start..end)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_ignores_typography_and_spacing() {
        let text = "He said \u{201c}no\u{201d}  to the\nplan \u{2014} twice.";
        let range = locate(text, "said \"no\" to the plan - twice").expect("found");
        assert_eq!(
            &text[range],
            "said \u{201c}no\u{201d}  to the\nplan \u{2014} twice"
        );
        assert_eq!(locate(text, "absent words"), None);
        assert_eq!(
            locate_all("on Monday night, and on Monday", "on Monday").len(),
            2
        );
    }
}
