//! Cross-document timelines on SemEval-2015 Task 4 (TimeLine), Track A: from raw text, the
//! events each target entity takes part in, anchored to dates and ordered.
//!
//! The system timeline is built from the annotate stage alone, with nothing known about the
//! corpus: each document (the task's tokenized sentences, one per paragraph, published on its
//! creation date) is annotated; a sentence involves the target when the target's name appears
//! in it or an annotated entity of that name (or of its last word: "Gallois" for "Louis
//! Gallois") is mentioned there, by name or by role. Its events are the claim predicate of
//! each such sentence (not a bare "is", not inside a direct quote) and the cue of each quote the
//! target speaks ("said"). An event is anchored to its claim's date, else its sentence's first
//! date (a cue's sentence dates what was said, so not for cues), else the day of the article's
//! main event: the first day its text names outside the dateline, else its publication date.
//! Events are ordered by anchor, one order number per date, unknown dates first.
//! Scores: [`score`], the task's temporal awareness, micro-averaged over timelines.

pub mod score;

use crate::{Error, Report, Result};
use chrono::NaiveDate;
use parallax_engine::annotate;
use parallax_engine::model::{Annotated, Article, Origin, QuoteKind, Sentence, TimeKind};
use regex::Regex;
use score::{Awareness, Timeline, TimelineEvent, UNKNOWN_ANCHOR};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// Which part of the data set to score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    /// The trial data (30 documents on one theme, 6 timelines): the set to tune on.
    Trial,
    /// The evaluation data (3 corpora of 30 documents, 38 timelines): the task's test set.
    Eval,
}

impl Split {
    /// The split named on the command line: `trial` or `eval`.
    pub fn from_name(name: &str) -> Option<Split> {
        match name {
            "trial" => Some(Split::Trial),
            "eval" => Some(Split::Eval),
            _ => None,
        }
    }

    /// Each corpus of the split: its name, its documents folder and its gold timelines folder.
    fn corpora(self, data: &Path) -> Vec<(String, PathBuf, PathBuf)> {
        match self {
            Split::Trial => vec![(
                "trial".to_string(),
                data.join("trial/corpus_TimeML"),
                data.join("trial/timelines_gold"),
            )],
            Split::Eval => (1..=3)
                .map(|n| {
                    let corpus = data.join(format!("eval/corpus_{n}"));
                    (
                        format!("corpus_{n}"),
                        corpus.join("corpus_trackA_TimeML"),
                        corpus.join("TimeLines_Gold_Standard"),
                    )
                })
                .collect(),
        }
    }
}

/// One token of a document, where it sits in the text given to the annotate stage.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Token {
    /// The task's sentence number.
    sentence: String,
    /// The token as written.
    word: String,
    /// Where it is in the annotated text.
    range: Range<usize>,
}

/// One document of the corpus, annotated.
#[derive(Debug)]
struct Document {
    /// The task's document id.
    id: String,
    tokens: Vec<Token>,
    annotated: Annotated,
}

static DOCID: LazyLock<Regex> = LazyLock::new(|| regex_of(r"<DOCID>\s*([^<\s]+)\s*</DOCID>"));
static DCT: LazyLock<Regex> =
    LazyLock::new(|| regex_of(r#"(?s)<DCT>.*?value="(\d{4}-\d{2}-\d{2})"#));
static SENTENCE: LazyLock<Regex> = LazyLock::new(|| regex_of(r#"(?s)<s id="([^"]+)">(.*?)</s>"#));
static TAG: LazyLock<Regex> = LazyLock::new(|| regex_of(r"<[^>]*>"));

fn regex_of(pattern: &str) -> Regex {
    // The patterns are constants, checked by the tests.
    Regex::new(pattern).unwrap_or_else(|error| panic!("invalid pattern {pattern}: {error}"))
}

/// Tokens that attach to the word before them in running text.
const ATTACH_LEFT: &[&str] = &[
    ",", ".", ";", ":", "!", "?", "'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m", ")", "%",
];

/// Reads one TimeML document of the task: its id, creation date and tokenized sentences. Tags
/// inside sentences (the Track B event mentions) are dropped: Track A works from raw text.
fn parse_document(timeml: &str) -> Option<(String, Option<NaiveDate>, Vec<Token>, String)> {
    let id = DOCID.captures(timeml)?.get(1)?.as_str().to_string();
    let published = DCT
        .captures(timeml)
        .and_then(|captures| NaiveDate::parse_from_str(captures.get(1)?.as_str(), "%Y-%m-%d").ok());
    let mut text = String::new();
    let mut tokens = Vec::new();
    for captures in SENTENCE.captures_iter(timeml) {
        let (Some(sentence), Some(body)) = (captures.get(1), captures.get(2)) else {
            continue;
        };
        let plain = decode(&TAG.replace_all(body.as_str(), " "));
        if plain.split_whitespace().next().is_none() {
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let mut previous: Option<&str> = None;
        for word in plain.split_whitespace() {
            let joins = previous.is_none()
                || ATTACH_LEFT.contains(&word)
                || previous.is_some_and(|previous| previous == "(" || previous == "$");
            if !joins {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(word);
            tokens.push(Token {
                sentence: sentence.as_str().to_string(),
                word: word.to_string(),
                range: start..text.len(),
            });
            previous = Some(word);
        }
    }
    Some((id, published, tokens, text))
}

fn decode(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Annotates a document, one task sentence per paragraph so sentences stay the task's.
fn annotate_document(timeml: &str, path: &Path) -> Option<Document> {
    let (id, published, tokens, text) = parse_document(timeml)?;
    let mut article = Article::new(Origin::File(path.display().to_string()), text);
    article.published = published;
    article.language = Some("en".to_string());
    let annotated = annotate::annotate(article, &annotate::Config::new());
    Some(Document {
        id,
        tokens,
        annotated,
    })
}

/// The system timeline of `entity` over `documents`.
fn system_timeline(entity: &str, documents: &[Document]) -> Timeline {
    let mut by_anchor: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for document in documents {
        for (mention, anchor) in events_of(entity, document) {
            by_anchor.entry(anchor).or_default().insert(mention);
        }
    }
    let mut anchors: Vec<String> = by_anchor.keys().cloned().collect();
    // Unknown first (the task's order 0), then by date, a year before its months and days.
    anchors.sort_by_key(|anchor| (anchor != UNKNOWN_ANCHOR, anchor.replace('X', "0")));
    let events = anchors
        .iter()
        .enumerate()
        .flat_map(|(order, anchor)| {
            let mentions = by_anchor.get(anchor).cloned().unwrap_or_default();
            mentions.into_iter().map(move |mention| TimelineEvent {
                order: order as u32,
                anchor: anchor.clone(),
                mentions: vec![mention],
            })
        })
        .collect();
    Timeline {
        entity: entity.to_string(),
        events,
    }
}

/// The events of one document that involve `entity`, as `(mention id, anchor)`: the predicate
/// of each claim in a sentence that mentions it, and the cue of each quote it is the speaker of
/// ("said", "announced").
fn events_of(entity: &str, document: &Document) -> Vec<(String, String)> {
    let annotated = &document.annotated;
    let text = &annotated.article.text;
    let mentions = mentions_of(entity, annotated);
    let involved = |range: &Range<usize>| {
        mentions
            .iter()
            .any(|mention| range.start <= mention.start && mention.end <= range.end)
    };
    let sentence_at = |position: usize| {
        annotated
            .sentences
            .iter()
            .find(|sentence| sentence.range.contains(&position))
    };
    let mut events = Vec::new();
    // An undated event is taken to happen on the day of the article's main event.
    let undated = lead_date(annotated)
        .or_else(|| annotated.article.published.map(|date| date.to_string()))
        .unwrap_or_else(|| UNKNOWN_ANCHOR.to_string());
    let mut add = |predicate: &Range<usize>, claim_date: Option<String>, in_sentence: bool| {
        let (Some(token), Some(sentence)) = (
            head_token(&document.tokens, predicate),
            sentence_at(predicate.start),
        ) else {
            return;
        };
        let word = token.word.to_lowercase();
        if COPULAS.contains(&word.as_str()) || in_direct_quote(annotated, predicate) {
            return;
        }
        // A speech cue takes no date from its sentence: those are dates of what was said.
        let anchor = claim_date
            .or_else(|| {
                in_sentence
                    .then(|| sentence_date(annotated, sentence))
                    .flatten()
            })
            .unwrap_or_else(|| undated.clone());
        events.push((
            format!("{}-{}-{}", document.id, token.sentence, token.word),
            anchor,
        ));
    };
    for claim in &annotated.claims {
        let Some(sentence) = annotated.sentences.get(claim.sentence) else {
            continue;
        };
        if involved(&sentence.range) {
            let claim_date = claim
                .time
                .and_then(|idx| annotated.times.get(idx))
                .and_then(|time| anchor_of(time.kind, &time.value));
            add(&claim.predicate, claim_date, true);
        }
    }
    for quote in &annotated.quotes {
        let (Some(cue), Some(speaker)) = (&quote.cue, &quote.speaker) else {
            continue;
        };
        if involved(speaker) && !text.get(cue.clone()).unwrap_or_default().contains(' ') {
            add(cue, None, false);
        }
    }
    events
}

/// Where `entity` is mentioned: its name as written, or an annotated entity named like it (or
/// like its last word), by name or by role.
fn mentions_of(entity: &str, annotated: &Annotated) -> Vec<Range<usize>> {
    let text = &annotated.article.text;
    let lowered = text.to_lowercase();
    let target = entity.to_lowercase();
    let last_word = target.split_whitespace().last().unwrap_or_default();
    let mut ranges: Vec<Range<usize>> = Vec::new();
    // Lowercasing keeps byte offsets for the ASCII text of the corpus; other text is matched
    // through the annotated entities only.
    if lowered.len() == text.len() && !target.is_empty() {
        ranges.extend(
            lowered
                .match_indices(&target)
                .map(|(start, found)| start..start + found.len()),
        );
    }
    for found in &annotated.entities {
        let name = found.name.to_lowercase();
        let is_target = name == target || (target.contains(' ') && name == last_word);
        if is_target {
            ranges.extend(found.mentions.iter().map(|mention| mention.range.clone()));
        }
    }
    ranges
}

/// Forms of "be": a predicate that is only one states what something is, not an event.
const COPULAS: &[&str] = &[
    "is", "are", "am", "was", "were", "be", "been", "being", "'s",
];

/// Whether `range` lies inside the words of a direct quote: what a speaker says in quotation
/// marks is their wording, not an event the article reports.
fn in_direct_quote(annotated: &Annotated, range: &Range<usize>) -> bool {
    annotated.quotes.iter().any(|quote| {
        quote.kind == QuoteKind::Direct
            && std::iter::once(&quote.content)
                .chain(&quote.continuation)
                .any(|content| content.start <= range.start && range.end <= content.end)
    })
}

/// Particles that close a predicate ("picked up"): the event is the verb before them.
const PARTICLES: &[&str] = &["out", "up", "down", "off", "back", "away", "over", "in"];

/// The token of the predicate's main verb: its last word that is not a particle.
fn head_token<'a>(tokens: &'a [Token], predicate: &Range<usize>) -> Option<&'a Token> {
    let inside: Vec<&Token> = tokens
        .iter()
        .filter(|token| predicate.start <= token.range.start && token.range.end <= predicate.end)
        .collect();
    inside
        .iter()
        .rev()
        .find(|token| !PARTICLES.contains(&token.word.to_lowercase().as_str()))
        .or(inside.last())
        .copied()
}

/// The task's anchor for a time expression: a date with `XX` for unknown parts, or `None` for
/// what is no date (durations, unanchored values, weeks and seasons narrowed to their year).
fn anchor_of(kind: TimeKind, value: &str) -> Option<String> {
    if !matches!(kind, TimeKind::Date | TimeKind::Time) {
        return None;
    }
    let year = value
        .get(..4)
        .filter(|year| year.bytes().all(|b| b.is_ascii_digit()))?;
    let rest = value.get(4..).unwrap_or_default();
    let month = rest
        .get(1..3)
        .filter(|month| rest.starts_with('-') && month.bytes().all(|b| b.is_ascii_digit()));
    let day = rest
        .get(4..6)
        .filter(|day| month.is_some() && day.bytes().all(|b| b.is_ascii_digit()));
    Some(format!(
        "{year}-{}-{}",
        month.unwrap_or("XX"),
        day.unwrap_or("XX")
    ))
}

/// The date of the article's main event: the first day written in its text outside its
/// dateline (a sentence that is only a date), as news leads with what happened and when.
fn lead_date(annotated: &Annotated) -> Option<String> {
    annotated.times.iter().find_map(|time| {
        let sentence = annotated
            .sentences
            .iter()
            .find(|sentence| sentence.range.contains(&time.range.start))?;
        let is_dateline = annotated
            .article
            .text
            .get(sentence.range.clone())?
            .trim_end_matches('.')
            .len()
            <= time.range.len() + 1;
        let anchor = anchor_of(time.kind, &time.value)?;
        (!is_dateline && !anchor.ends_with("XX")).then_some(anchor)
    })
}

/// The first date written in `sentence`.
fn sentence_date(annotated: &Annotated, sentence: &Sentence) -> Option<String> {
    annotated
        .times
        .iter()
        .filter(|time| {
            sentence.range.start <= time.range.start && time.range.end <= sentence.range.end
        })
        .find_map(|time| anchor_of(time.kind, &time.value))
}

/// The documents of one corpus folder, annotated, in file-name order.
fn documents_in(folder: &Path) -> Result<Vec<Document>> {
    let mut documents = Vec::new();
    for path in crate::files_in(folder, "tml")? {
        let timeml = crate::read_text(&path)?;
        if let Some(document) = annotate_document(&timeml, &path) {
            documents.push(document);
        }
    }
    Ok(documents)
}

/// One timeline's score.
#[derive(Debug, Clone)]
pub struct Scored {
    /// The corpus it belongs to.
    pub corpus: String,
    /// The gold timeline's file name, without extension.
    pub name: String,
    /// The system timeline.
    pub system: Timeline,
    /// Its counts.
    pub awareness: Awareness,
}

/// Builds and scores every timeline of `split`.
pub fn score_split(data: &Path, split: Split) -> Result<Vec<Scored>> {
    let mut scored = Vec::new();
    for (corpus, documents_folder, gold_folder) in split.corpora(data) {
        let documents = documents_in(&documents_folder)?;
        if documents.is_empty() {
            return Err(Error::Empty {
                what: "TimeML documents",
                path: documents_folder,
            });
        }
        for path in crate::files_in(&gold_folder, "txt")? {
            let gold = Timeline::parse(&crate::read_text(&path)?);
            let system = system_timeline(&gold.entity, &documents);
            let awareness = score::awareness(&gold, &system);
            let name = path
                .file_stem()
                .map(|stem| stem.to_string_lossy().into_owned())
                .unwrap_or_default();
            scored.push(Scored {
                corpus: corpus.clone(),
                name,
                system,
                awareness,
            });
        }
    }
    if scored.is_empty() {
        return Err(Error::Empty {
            what: "gold timelines",
            path: data.to_path_buf(),
        });
    }
    Ok(scored)
}

/// Scores `split` of the data set in `data`: temporal-awareness F1, precision and recall per
/// corpus and over all timelines (micro-averaged, as the task reports it).
pub fn evaluate(data: &Path, split: Split) -> Result<Report> {
    let scored = score_split(data, split)?;
    let mut by_corpus: BTreeMap<&str, (usize, Awareness)> = BTreeMap::new();
    let mut total = Awareness::default();
    for timeline in &scored {
        let entry = by_corpus.entry(&timeline.corpus).or_default();
        entry.0 += 1;
        entry.1.add(&timeline.awareness);
        total.add(&timeline.awareness);
    }
    let row = |name: &str, n_timelines: usize, awareness: &Awareness| {
        vec![
            name.to_string(),
            n_timelines.to_string(),
            format!("{:.2}", awareness.f1() * 100.0),
            format!("{:.2}", awareness.precision() * 100.0),
            format!("{:.2}", awareness.recall() * 100.0),
            format!(
                "{}/{}",
                awareness.system_entailed, awareness.system_relations
            ),
            format!("{}/{}", awareness.gold_entailed, awareness.gold_relations),
        ]
    };
    let mut rows: Vec<Vec<String>> = by_corpus
        .iter()
        .map(|(corpus, (n, awareness))| row(corpus, *n, awareness))
        .collect();
    rows.push(row("all", scored.len(), &total));
    let misses = scored
        .iter()
        .map(|timeline| {
            format!(
                "{}/{}: F1 {:.2} ({} system events)",
                timeline.corpus,
                timeline.name,
                timeline.awareness.f1() * 100.0,
                timeline.system.events.len()
            )
        })
        .collect();
    Ok(Report {
        task: "timeline",
        columns: [
            "corpus",
            "timelines",
            "F1 (%)",
            "P (%)",
            "R (%)",
            "system entailed",
            "gold entailed",
        ]
        .map(str::to_string)
        .to_vec(),
        rows,
        metrics: BTreeMap::from([
            ("f1".to_string(), total.f1()),
            ("precision".to_string(), total.precision()),
            ("recall".to_string(), total.recall()),
        ]),
        misses,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOCUMENT: &str = r#"<?xml version='1.0' encoding='utf-8'?>
<TimeML><DOCID>4242</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2011-03-04">2011-03-04</TIMEX3></DCT>
<TEXT><s id="0">Acme Rail opens new line</s><s id="1">March 4 , 2011</s><s id="2">On Tuesday , Acme Rail <EVENT eid="e1">opened</EVENT> its line to Brackton .</s><s id="3">The weather was mild .</s><s id="4">Acme Rail 's chief says ridership is growing .</s></TEXT>
</TimeML>"#;

    fn document() -> Document {
        annotate_document(DOCUMENT, Path::new("4242.tml")).expect("the fixture parses")
    }

    #[test]
    fn parse_keeps_task_sentences_and_joins_punctuation() {
        let (id, published, tokens, text) = parse_document(DOCUMENT).expect("parses");
        assert_eq!(id, "4242");
        assert_eq!(published, NaiveDate::from_ymd_opt(2011, 3, 4));
        assert!(text.contains("On Tuesday, Acme Rail opened its line to Brackton."));
        assert!(text.contains("Acme Rail's chief says"));
        let opened = tokens.iter().find(|t| t.word == "opened").expect("token");
        assert_eq!(opened.sentence, "2");
        assert_eq!(&text[opened.range.clone()], "opened");
    }

    #[test]
    fn anchors_keep_known_parts_only() {
        assert_eq!(
            anchor_of(TimeKind::Date, "2011-03-01"),
            Some("2011-03-01".into())
        );
        assert_eq!(
            anchor_of(TimeKind::Date, "2011-03"),
            Some("2011-03-XX".into())
        );
        assert_eq!(anchor_of(TimeKind::Date, "2011"), Some("2011-XX-XX".into()));
        assert_eq!(
            anchor_of(TimeKind::Date, "2011-W09"),
            Some("2011-XX-XX".into())
        );
        assert_eq!(anchor_of(TimeKind::Date, "XXXX-03-01"), None);
        assert_eq!(anchor_of(TimeKind::Duration, "P3D"), None);
    }

    #[test]
    fn timeline_of_the_target_orders_dated_events() {
        let timeline = system_timeline("Acme Rail", &[document()]);
        let lines: Vec<(u32, &str, &str)> = timeline
            .events
            .iter()
            .map(|event| {
                (
                    event.order,
                    event.anchor.as_str(),
                    event.mentions[0].as_str(),
                )
            })
            .collect();
        assert!(
            lines.contains(&(0, "2011-03-01", "4242-2-opened")),
            "{lines:?}"
        );
        assert!(
            !lines
                .iter()
                .any(|(_, _, mention)| mention.starts_with("4242-3-")),
            "{lines:?}"
        );
    }

    #[test]
    fn missing_data_names_the_folder() {
        let result = evaluate(Path::new("no/such/folder"), Split::Trial);
        assert!(matches!(result, Err(Error::Read { .. })));
    }

    #[test]
    fn trial_split_scores_when_present() {
        let data = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/data/semeval2015-task4-timeline");
        let data = data.as_path();
        if !data.exists() {
            #[expect(clippy::print_stderr, reason = "a skipped test says why")]
            {
                eprintln!("skipped: {} is absent", data.display());
            }
            return;
        }
        let report = evaluate(data, Split::Trial).expect("the trial split scores");
        let f1 = report.metrics["f1"];
        assert!((0.0..=1.0).contains(&f1));
    }
}
