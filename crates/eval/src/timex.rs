//! TempEval-3 Task A for time expressions: finding TIMEX3 extents and normalizing their type and
//! value, against the TimeML gold of `../shared/data/tempeval3`.
//!
//! Each document's `<TEXT>` becomes plain text (tags stripped, entities decoded) with the gold
//! TIMEX3 spans as byte ranges into it; the annotator runs on that text with the document's
//! creation time (the `CREATION_TIME` TIMEX3) as publication date, so offsets compare exactly.
//! The scoring ports the official TempEval-3 entity scorer (`evaluate_entities.py` with the
//! TimeML-Normalizer's alignment):
//!
//! - a system expression and a gold one match when their extents overlap (each is matched at most
//!   once, in text order);
//! - `relaxed_precision` and `relaxed_recall` count matches; `strict_*` count matches with the
//!   same extent;
//! - `type_accuracy` and `value_accuracy` are the fractions of matches whose type and value are
//!   right, and `type_f1` and `value_f1` are those accuracies times the relaxed F1, as in the
//!   official script's "Attribute F1".
//!
//! Splits: `platinum` (`te3-platinum`, the TempEval-3 test set) and `tbaq` (TimeBank and
//! AQUAINT of `TBAQ-cleaned`, the training set, the only one to tune on).

use crate::{Error, Report, Result, f1};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// Which documents to score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    /// `te3-platinum`: the 20 documents of the TempEval-3 test set.
    Platinum,
    /// `TBAQ-cleaned/TimeBank` and `TBAQ-cleaned/AQUAINT`: the 256 training documents.
    Tbaq,
}

impl Split {
    /// The split named as on the command line (`platinum`, `tbaq`).
    pub fn from_name(name: &str) -> Option<Split> {
        match name {
            "platinum" => Some(Split::Platinum),
            "tbaq" => Some(Split::Tbaq),
            _ => None,
        }
    }

    /// Folders of the split, relative to the data folder.
    fn folders(self) -> &'static [&'static str] {
        match self {
            Split::Platinum => &["te3-platinum"],
            Split::Tbaq => &["TBAQ-cleaned/TimeBank", "TBAQ-cleaned/AQUAINT"],
        }
    }
}

/// A time expression, gold or found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    /// Byte range in the document's plain text.
    pub range: Range<usize>,
    /// TIMEX3 type: `DATE`, `TIME`, `DURATION` or `SET`.
    pub kind: String,
    /// TIMEX3 value.
    pub value: String,
}

/// One TimeML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The `<TEXT>` element with its tags stripped and entities decoded.
    pub text: String,
    /// The document creation time.
    pub published: Option<NaiveDate>,
    /// The gold time expressions of the text, in text order.
    pub timexes: Vec<Timex>,
}

/// Reads a TimeML document; `None` when it has no `<TEXT>` element.
///
/// A small tag scanner is enough: TimeML inside `<TEXT>` is flat (TIMEX3, EVENT and SIGNAL tags
/// around words), and a full XML parser would be a dependency for nothing more.
pub fn parse(timeml: &str) -> Option<Document> {
    let published = creation_time(timeml);
    let body_start = timeml.find("<TEXT>")? + "<TEXT>".len();
    let body_end = timeml[body_start..]
        .find("</TEXT>")
        .map_or(timeml.len(), |idx| body_start + idx);
    let body = &timeml[body_start..body_end];
    let mut text = String::with_capacity(body.len());
    let mut timexes = Vec::new();
    let mut open: Option<(usize, BTreeMap<String, String>)> = None;
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        text.push_str(&decode(&rest[..lt]));
        let Some(gt) = rest[lt..].find('>') else {
            rest = &rest[lt..];
            break;
        };
        let tag = &rest[lt + 1..lt + gt];
        if let Some(attributes) = tag.strip_prefix("TIMEX3") {
            open = Some((text.len(), attributes_of(attributes)));
        } else if tag == "/TIMEX3"
            && let Some((start, attributes)) = open.take()
        {
            timexes.push(Timex {
                range: start..text.len(),
                kind: attributes.get("type").cloned().unwrap_or_default(),
                value: attributes.get("value").cloned().unwrap_or_default(),
            });
        }
        rest = &rest[lt + gt + 1..];
    }
    text.push_str(&decode(rest));
    Some(Document {
        text,
        published,
        timexes,
    })
}

/// The date of the `CREATION_TIME` TIMEX3.
fn creation_time(timeml: &str) -> Option<NaiveDate> {
    let at = timeml.find("functionInDocument=\"CREATION_TIME\"")?;
    let tag_start = timeml[..at].rfind('<')?;
    let tag_end = at + timeml[at..].find('>')?;
    let attributes = attributes_of(&timeml[tag_start..tag_end]);
    let value = attributes.get("value")?;
    value.get(..10)?.parse().ok()
}

/// The `name="value"` attributes of a tag.
fn attributes_of(tag: &str) -> BTreeMap<String, String> {
    let mut attributes = BTreeMap::new();
    let mut rest = tag;
    while let Some(eq) = rest.find("=\"") {
        let name = rest[..eq]
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or_default()
            .to_string();
        let after = &rest[eq + 2..];
        let Some(close) = after.find('"') else {
            break;
        };
        attributes.insert(name, decode(&after[..close]));
        rest = &after[close + 1..];
    }
    attributes
}

/// Text with XML character entities decoded.
fn decode(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp..];
        let entity_end = after.find(';').filter(|end| *end <= 10);
        let decoded = entity_end.and_then(|end| {
            let name = &after[1..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => name
                    .strip_prefix("#x")
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|dec| dec.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The counts behind the metrics, so documents can be pooled.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    /// Gold expressions.
    pub gold: usize,
    /// Expressions found.
    pub system: usize,
    /// Matches with the same extent.
    pub strict: usize,
    /// Matches with overlapping extents.
    pub relaxed: usize,
    /// Matches with the right type.
    pub kind: usize,
    /// Matches with the right value.
    pub value: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.gold += other.gold;
        self.system += other.system;
        self.strict += other.strict;
        self.relaxed += other.relaxed;
        self.kind += other.kind;
        self.value += other.value;
    }

    /// The metrics of these counts, scores in 0–1.
    pub fn metrics(&self) -> BTreeMap<String, f64> {
        let strict_precision = ratio(self.strict, self.system);
        let strict_recall = ratio(self.strict, self.gold);
        let relaxed_precision = ratio(self.relaxed, self.system);
        let relaxed_recall = ratio(self.relaxed, self.gold);
        let relaxed_f1 = f1(relaxed_precision, relaxed_recall);
        let type_accuracy = ratio(self.kind, self.relaxed);
        let value_accuracy = ratio(self.value, self.relaxed);
        BTreeMap::from([
            ("strict_precision".to_string(), strict_precision),
            ("strict_recall".to_string(), strict_recall),
            ("strict_f1".to_string(), f1(strict_precision, strict_recall)),
            ("relaxed_precision".to_string(), relaxed_precision),
            ("relaxed_recall".to_string(), relaxed_recall),
            ("relaxed_f1".to_string(), relaxed_f1),
            ("type_accuracy".to_string(), type_accuracy),
            ("value_accuracy".to_string(), value_accuracy),
            ("type_f1".to_string(), type_accuracy * relaxed_f1),
            ("value_f1".to_string(), value_accuracy * relaxed_f1),
        ])
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// A difference between the gold and what was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mismatch {
    /// A gold expression nothing overlaps.
    Missed(Timex),
    /// A found expression no gold one overlaps.
    Spurious(Timex),
    /// A match whose extent, type or value differs.
    Different {
        /// The gold expression.
        gold: Timex,
        /// The one found.
        found: Timex,
    },
}

/// Scores `found` against `gold`, both in text order: each gold expression is matched with the
/// first unmatched found one that overlaps it.
pub fn score(gold: &[Timex], found: &[Timex]) -> (Tally, Vec<Mismatch>) {
    let mut tally = Tally {
        gold: gold.len(),
        system: found.len(),
        ..Tally::default()
    };
    let mut mismatches = Vec::new();
    let mut used = vec![false; found.len()];
    for expected in gold {
        let overlapping = found.iter().enumerate().find(|(idx, candidate)| {
            !used[*idx]
                && candidate.range.start < expected.range.end
                && expected.range.start < candidate.range.end
        });
        let Some((idx, candidate)) = overlapping else {
            mismatches.push(Mismatch::Missed(expected.clone()));
            continue;
        };
        used[idx] = true;
        tally.relaxed += 1;
        tally.strict += usize::from(candidate.range == expected.range);
        tally.kind += usize::from(candidate.kind == expected.kind);
        tally.value += usize::from(candidate.value == expected.value);
        if candidate != expected {
            mismatches.push(Mismatch::Different {
                gold: expected.clone(),
                found: candidate.clone(),
            });
        }
    }
    mismatches.extend(
        found
            .iter()
            .zip(&used)
            .filter(|(_, used)| !**used)
            .map(|(candidate, _)| Mismatch::Spurious(candidate.clone())),
    );
    (tally, mismatches)
}

/// The annotator's time expressions in a document's text.
pub fn annotate(document: &Document) -> Vec<Timex> {
    parallax_engine::annotate::times_in(&document.text, document.published, "en")
        .into_iter()
        .map(|expression| Timex {
            range: expression.range,
            kind: match expression.kind {
                parallax_engine::model::TimeKind::Date => "DATE",
                parallax_engine::model::TimeKind::Time => "TIME",
                parallax_engine::model::TimeKind::Duration => "DURATION",
                parallax_engine::model::TimeKind::Set => "SET",
            }
            .to_string(),
            value: expression.value,
        })
        .collect()
}

/// A scored document.
#[derive(Debug, Clone)]
pub struct Scored {
    /// File name.
    pub name: String,
    /// The document.
    pub document: Document,
    /// Its counts.
    pub tally: Tally,
    /// Where the annotator and the gold differ.
    pub mismatches: Vec<Mismatch>,
}

/// Scores every document of `split` under `data`.
pub fn score_split(data: &Path, split: Split) -> Result<Vec<Scored>> {
    let mut paths: Vec<PathBuf> = Vec::new();
    for folder in split.folders() {
        let dir = data.join(folder);
        let entries = std::fs::read_dir(&dir).map_err(|source| Error::Read {
            path: dir.clone(),
            source,
        })?;
        paths.extend(
            entries
                .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                .filter(|path| path.extension().is_some_and(|ext| ext == "tml")),
        );
    }
    paths.sort();
    if paths.is_empty() {
        return Err(Error::Empty {
            what: "TimeML (.tml) files",
            path: data.to_path_buf(),
        });
    }
    let mut scored = Vec::new();
    for path in paths {
        let bytes = std::fs::read(&path).map_err(|source| Error::Read {
            path: path.clone(),
            source,
        })?;
        let timeml = String::from_utf8_lossy(&bytes);
        let document = parse(&timeml).ok_or_else(|| Error::Empty {
            what: "<TEXT> element",
            path: path.clone(),
        })?;
        let found = annotate(&document);
        let (tally, mismatches) = score(&document.timexes, &found);
        scored.push(Scored {
            name: path
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default(),
            document,
            tally,
            mismatches,
        });
    }
    Ok(scored)
}

/// Scores the annotator on `split` of the TempEval-3 data in `data`.
pub fn evaluate(data: &Path, split: Split) -> Result<Report> {
    let scored = score_split(data, split)?;
    let mut rows = Vec::new();
    let mut total = Tally::default();
    for document in &scored {
        rows.push(row(&document.name, &document.tally));
        total.add(&document.tally);
    }
    rows.push(row("all", &total));
    Ok(Report {
        task: "timex",
        columns: [
            "document",
            "gold",
            "found",
            "strict P",
            "strict R",
            "strict F1",
            "relaxed F1",
            "type acc",
            "value acc",
        ]
        .map(str::to_string)
        .to_vec(),
        rows,
        metrics: total.metrics(),
        misses: Vec::new(),
    })
}

fn row(name: &str, tally: &Tally) -> Vec<String> {
    let metrics = tally.metrics();
    let cell = |name: &str| format!("{:.3}", metrics.get(name).copied().unwrap_or_default());
    vec![
        name.to_string(),
        tally.gold.to_string(),
        tally.system.to_string(),
        cell("strict_precision"),
        cell("strict_recall"),
        cell("strict_f1"),
        cell("relaxed_f1"),
        cell("type_accuracy"),
        cell("value_accuracy"),
    ]
}

/// One line per mismatch of `scored`, for reading the errors: file, gold and found extents with
/// their type and value, the text around them and the publication date.
pub fn mismatch_lines(scored: &[Scored]) -> Vec<String> {
    let show = |document: &Document, timex: &Timex| {
        format!(
            "{:?} {} {}",
            document.text.get(timex.range.clone()).unwrap_or_default(),
            timex.kind,
            timex.value
        )
    };
    let context = |document: &Document, timex: &Timex| {
        let text = &document.text;
        let mut start = timex.range.start.saturating_sub(70);
        while !text.is_char_boundary(start) {
            start += 1;
        }
        let mut end = (timex.range.end + 50).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let before = text.get(start..timex.range.start).unwrap_or_default();
        let inside = text.get(timex.range.clone()).unwrap_or_default();
        let after = text.get(timex.range.end..end).unwrap_or_default();
        format!("{before}[{inside}]{after}").replace(['\n', '\t'], " ")
    };
    let mut lines = Vec::new();
    for document in scored {
        for mismatch in &document.mismatches {
            let line = match mismatch {
                Mismatch::Missed(gold) => format!("missed    {}", show(&document.document, gold)),
                Mismatch::Spurious(found) => {
                    format!("spurious  {}", show(&document.document, found))
                }
                Mismatch::Different { gold, found } => format!(
                    "different {} => {}",
                    show(&document.document, gold),
                    show(&document.document, found)
                ),
            };
            let anchor = match mismatch {
                Mismatch::Missed(timex) | Mismatch::Spurious(timex) => timex,
                Mismatch::Different { gold, .. } => gold,
            };
            lines.push(format!(
                "{}\t{line}\t{} (published {})",
                document.name,
                context(&document.document, anchor),
                document
                    .document
                    .published
                    .map_or_else(|| "unknown".to_string(), |date| date.to_string())
            ));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(timeml: &str, expected: &[(&str, f64)]) {
        let document = parse(timeml).expect("a TEXT element");
        let found = annotate(&document);
        let (tally, _) = score(&document.timexes, &found);
        let metrics = tally.metrics();
        for (name, value) in expected {
            let actual = metrics.get(*name).copied().unwrap_or(f64::NAN);
            assert!(
                (actual - value).abs() < 1e-9,
                "{name}: expected {value}, got {actual} ({tally:?})"
            );
        }
    }

    const SNIPPET: &str = r#"<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2022-01-14" functionInDocument="CREATION_TIME">January 14, 2022</TIMEX3></DCT>
<TEXT>
The harbor board <EVENT eid="e1" class="OCCURRENCE">met</EVENT> <TIMEX3 tid="t1" type="DATE" value="2022-01-13">Thursday</TIMEX3> for <TIMEX3 tid="t2" type="DURATION" value="PT2H">two hours</TIMEX3> &amp; agreed to meet again <TIMEX3 tid="t3" type="DATE" value="2022-01-MID">in mid-January</TIMEX3>.
</TEXT>
</TimeML>
"#;

    #[test]
    fn parse_strips_tags_and_keeps_offsets() {
        let document = parse(SNIPPET).expect("a TEXT element");
        assert_eq!(document.published, NaiveDate::from_ymd_opt(2022, 1, 14));
        let spans: Vec<&str> = document
            .timexes
            .iter()
            .map(|timex| &document.text[timex.range.clone()])
            .collect();
        assert_eq!(spans, ["Thursday", "two hours", "in mid-January"]);
        assert!(document.text.contains("two hours & agreed"));
    }

    #[test]
    fn scorer_counts_strict_and_relaxed_matches() {
        // The gold's third extent includes "in", so the annotator's "mid-January" matches it
        // only relaxed, and its value (2022-01, as TimeML writes it) differs from this gold's.
        check(
            SNIPPET,
            &[
                ("strict_precision", 2.0 / 3.0),
                ("strict_recall", 2.0 / 3.0),
                ("relaxed_f1", 1.0),
                ("type_accuracy", 1.0),
                ("value_accuracy", 2.0 / 3.0),
                ("value_f1", 2.0 / 3.0),
            ],
        );
    }

    #[test]
    fn scorer_matches_each_expression_once() {
        let timex = |range: Range<usize>| Timex {
            range,
            kind: "DATE".to_string(),
            value: "2022".to_string(),
        };
        let (tally, mismatches) = score(&[timex(0..10)], &[timex(0..4), timex(5..10)]);
        assert_eq!((tally.relaxed, tally.strict, tally.system), (1, 0, 2));
        assert_eq!(mismatches.len(), 2);
    }

    #[test]
    fn missing_data_names_the_folder() {
        let error = evaluate(Path::new("no/such/folder"), Split::Platinum)
            .expect_err("the folder does not exist");
        assert!(error.to_string().contains("no/such/folder"), "{error}");
    }

    #[test]
    fn platinum_metrics_are_fractions() {
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/tempeval3");
        if !data.join("te3-platinum").is_dir() {
            #[expect(clippy::print_stderr, reason = "a skipped test says why")]
            {
                eprintln!("skipping: {} not found", data.display());
            }
            return;
        }
        let report = evaluate(&data, Split::Platinum).expect("the data set is readable");
        for name in [
            "strict_f1",
            "strict_precision",
            "strict_recall",
            "relaxed_f1",
            "value_f1",
            "type_accuracy",
        ] {
            let value = report.metrics[name];
            assert!((0.0..=1.0).contains(&value), "{name} = {value}");
        }
        assert!(report.metrics["relaxed_f1"] > 0.5, "{:?}", report.metrics);
    }
}
