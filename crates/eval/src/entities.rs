//! Named-entity mentions on MEANTIME (NewsReader, English Wikinews), against the CAT XML gold of
//! `../shared/data/meantime-newsreader-en/intra-doc_annotation`.
//!
//! Each document's tokens become plain text (one space between tokens except before closing
//! punctuation and "'s", one line per gold sentence), so every byte of a found mention maps back
//! to gold tokens; the annotator runs with the gold sentences.
//!
//! What is counted: MEANTIME annotates named (`NAM`, and `PRE.NAM` for names used as
//! modifiers), nominal (`NOM`: "the company") and pronominal mentions. The annotator finds names
//! and resolves only role descriptions among the nominals, so the gold is the named mentions
//! whose entity (through `REFERS_TO`) is a person (`PER`), an organisation (`ORG`) or a place
//! (`LOC`); products, financial entities and mixed ones (`PRO`, `FIN`, `MIX`) are not covered
//! and are left out of the scores (their counts are in the table). Found mentions are the ones
//! of person, organisation and place entities that name them (not
//! [`by_role`](parallax_engine::model::Mention::by_role)); group entities ("Russians") are left
//! out as MEANTIME has no such type.
//!
//! Scoring, per type and micro-averaged over the three, each gold and each found mention matched
//! at most once, exact matches first:
//!
//! - `exact_f1`: the same tokens and type; a gold mention's leading "the" is ignored, since
//!   MEANTIME puts determiners inside the extent ("the Defense Ministry") and the annotator
//!   does not.
//! - `f1`: overlapping tokens and the same type (the headline; MEANTIME extents also take in
//!   titles and modifiers: "Spokeswoman Sandy Angers", "Airbus parent EADS").
//! - `person_f1`, `organization_f1`, `place_f1`: `f1` for one type.
//! - `role_precision`: the share of role-description mentions ("the minister") that overlap a
//!   gold nominal or named mention of an entity of the same type.
//!
//! MEANTIME annotates only the title and the first sentences of each article (up to the sixth
//! sentence, the date line included); the annotator reads the whole article, and only its
//! mentions that start in that annotated part are scored.
//!
//! The corpora: `airbus` and `apple` are the ones rules were tuned on; `gm` and `stock` are held
//! out. Metrics are given for all four and, prefixed `heldout_`, for `gm` and `stock` alone.

use crate::{Error, Report, Result};
use parallax_engine::model::{EntityKind, Sentence};
use regex::Regex;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::Path;
use std::sync::LazyLock;

/// The corpora, in report order, and whether each was used for tuning.
pub const CORPORA: &[(&str, bool)] = &[
    ("airbus", true),
    ("apple", true),
    ("gm", false),
    ("stock", false),
];

/// A mention type MEANTIME and the annotator share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Type {
    /// `PER`.
    Person,
    /// `ORG`.
    Organization,
    /// `LOC`.
    Place,
}

impl Type {
    const ALL: [Type; 3] = [Type::Person, Type::Organization, Type::Place];

    fn name(self) -> &'static str {
        match self {
            Type::Person => "person",
            Type::Organization => "organization",
            Type::Place => "place",
        }
    }
}

/// A mention as a span of token indexes (0-based, inclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// First token.
    pub first: usize,
    /// Last token.
    pub last: usize,
    /// Its type.
    pub kind: Type,
}

/// One MEANTIME document, rebuilt as text.
#[derive(Debug, Clone)]
pub struct Document {
    /// The document's name (its file name without `.xml`).
    pub name: String,
    /// The text: tokens joined by spaces, one line per sentence.
    pub text: String,
    /// Byte range of each token in `text`.
    pub tokens: Vec<Range<usize>>,
    /// The gold sentences.
    pub sentences: Vec<Sentence>,
    /// Named person, organisation and place mentions.
    pub gold: Vec<Span>,
    /// Nominal and named mentions of those types, for role descriptions.
    pub gold_any: Vec<Span>,
    /// Named mentions of types the annotator does not cover (`PRO`, `FIN`, `MIX`).
    pub n_uncovered: usize,
    /// Tokens before this index are annotated in the gold; MEANTIME annotates only the title
    /// and the first sentences of each article.
    pub annotated_tokens: usize,
}

pub(crate) static TOKEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"<token ([^>]*)>([^<]*)</token>"#).expect("a valid regex"));
static ATTRIBUTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"([A-Za-z_]+)="([^"]*)""#).expect("a valid regex"));
static MENTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?s)<ENTITY_MENTION ([^>]*)>(.*?)</ENTITY_MENTION>"#).expect("a valid regex")
});
pub(crate) static ANCHOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"<token_anchor t_id="(\d+)"/>"#).expect("a valid regex"));
static ENTITY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"<ENTITY ([^>]*?)/?>"#).expect("a valid regex"));
static REFERS_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?s)<REFERS_TO [^>]*>(.*?)</REFERS_TO>"#).expect("a valid regex")
});
static SOURCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"<source m_id="(\d+)"/>"#).expect("a valid regex"));
static TARGET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"<target m_id="(\d+)"/>"#).expect("a valid regex"));

pub(crate) fn attributes(tag: &str) -> HashMap<&str, &str> {
    ATTRIBUTE
        .captures_iter(tag)
        .filter_map(|caps| Some((caps.get(1)?.as_str(), caps.get(2)?.as_str())))
        .collect()
}

fn decode(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Whether no space goes before this token when the text is rebuilt.
fn attaches_left(token: &str) -> bool {
    matches!(
        token,
        "," | "." | ";" | ":" | ")" | "?" | "!" | "%" | "'s" | "'" | "n't" | "’s" | "-"
    )
}

/// Reads one CAT XML document; `name` names it in the report.
pub fn parse(xml: &str, name: &str) -> Document {
    let mut text = String::new();
    let mut tokens = Vec::new();
    let mut token_index: HashMap<String, usize> = HashMap::new();
    let mut sentences: Vec<Sentence> = Vec::new();
    let mut current_sentence: Option<String> = None;
    let mut after_open = false;
    for caps in TOKEN.captures_iter(xml) {
        let (Some(tag), Some(word)) = (caps.get(1), caps.get(2)) else {
            continue;
        };
        let tag = attributes(tag.as_str());
        let word = decode(word.as_str());
        let sentence = tag.get("sentence").map(|s| (*s).to_string());
        if sentence != current_sentence {
            if !text.is_empty() {
                text.push('\n');
            }
            current_sentence = sentence;
            sentences.push(Sentence {
                range: text.len()..text.len(),
                paragraph: sentences.len(),
            });
        } else if !attaches_left(&word) && !after_open {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(&word);
        tokens.push(start..text.len());
        if let Some(last) = sentences.last_mut() {
            last.range.end = text.len();
        }
        // "O'" + "Leary" is one name, tokenized apart.
        let is_name_prefix = word.len() == 2 && word.ends_with('\'');
        after_open = matches!(word.as_str(), "(" | "$" | "-") || is_name_prefix;
        if let Some(id) = tag.get("t_id") {
            token_index.insert((*id).to_string(), tokens.len() - 1);
        }
    }
    let mut entity_type: HashMap<String, String> = HashMap::new();
    for caps in ENTITY.captures_iter(xml) {
        let Some(tag) = caps.get(1) else { continue };
        let tag = attributes(tag.as_str());
        if let (Some(id), Some(kind)) = (tag.get("m_id"), tag.get("ent_type")) {
            entity_type.insert((*id).to_string(), (*kind).to_string());
        }
    }
    let mut mention_type: HashMap<String, String> = HashMap::new();
    for caps in REFERS_TO.captures_iter(xml) {
        let Some(body) = caps.get(1) else { continue };
        let Some(target) = TARGET.captures(body.as_str()).and_then(|c| c.get(1)) else {
            continue;
        };
        let Some(kind) = entity_type.get(target.as_str()) else {
            continue;
        };
        for source in SOURCE.captures_iter(body.as_str()) {
            if let Some(id) = source.get(1) {
                mention_type.insert(id.as_str().to_string(), kind.clone());
            }
        }
    }
    // The annotated region ends with the last sentence holding any markable (entity, event or
    // time): MEANTIME annotated the title and the first five sentences only.
    let sentence_of: Vec<usize> = TOKEN
        .captures_iter(xml)
        .filter_map(|caps| {
            attributes(caps.get(1)?.as_str())
                .get("sentence")?
                .parse()
                .ok()
        })
        .collect();
    let markables = xml.find("<Markables>").map_or("", |at| &xml[at..]);
    let last_sentence = ANCHOR
        .captures_iter(markables)
        .filter_map(|caps| token_index.get(caps.get(1)?.as_str()).copied())
        .filter_map(|idx| sentence_of.get(idx).copied())
        .max();
    let annotated_tokens = match last_sentence {
        Some(last) => sentence_of
            .iter()
            .take_while(|&&sentence| sentence <= last)
            .count(),
        None => 0,
    };
    let mut gold = Vec::new();
    let mut gold_any = Vec::new();
    let mut n_uncovered = 0;
    for caps in MENTION.captures_iter(xml) {
        let (Some(tag), Some(body)) = (caps.get(1), caps.get(2)) else {
            continue;
        };
        let tag = attributes(tag.as_str());
        let syntactic = tag.get("syntactic_type").copied().unwrap_or_default();
        let Some(kind) = tag.get("m_id").and_then(|id| mention_type.get(*id)) else {
            continue;
        };
        let indexes: Vec<usize> = ANCHOR
            .captures_iter(body.as_str())
            .filter_map(|c| token_index.get(c.get(1)?.as_str()).copied())
            .collect();
        let (Some(&first), Some(&last)) = (indexes.iter().min(), indexes.iter().max()) else {
            continue;
        };
        let named = matches!(syntactic, "NAM" | "PRE.NAM");
        let kind = match kind.as_str() {
            "PER" => Type::Person,
            "ORG" => Type::Organization,
            "LOC" => Type::Place,
            _ => {
                if named {
                    n_uncovered += 1;
                }
                continue;
            }
        };
        let span = Span { first, last, kind };
        if named || syntactic == "NOM" {
            gold_any.push(span.clone());
        }
        if named {
            gold.push(span);
        }
    }
    Document {
        name: name.to_string(),
        text,
        tokens,
        sentences,
        gold,
        gold_any,
        n_uncovered,
        annotated_tokens,
    }
}

/// The annotator's mentions of `document`: named ones, and role descriptions.
pub fn annotate(document: &Document) -> (Vec<Span>, Vec<Span>) {
    let entities = parallax_engine::annotate::entities_in(&document.text, &document.sentences);
    let mut named = Vec::new();
    let mut roles = Vec::new();
    for entity in &entities {
        let kind = match entity.kind {
            EntityKind::Person => Type::Person,
            EntityKind::Organization => Type::Organization,
            EntityKind::Place => Type::Place,
            EntityKind::Group => continue,
        };
        for mention in &entity.mentions {
            let covered: Vec<usize> = document
                .tokens
                .iter()
                .enumerate()
                .filter(|(_, range)| {
                    range.start < mention.range.end && mention.range.start < range.end
                })
                .map(|(idx, _)| idx)
                .collect();
            let (Some(&first), Some(&last)) = (covered.first(), covered.last()) else {
                continue;
            };
            if first >= document.annotated_tokens {
                continue;
            }
            let span = Span { first, last, kind };
            if mention.by_role {
                roles.push(span);
            } else {
                named.push(span);
            }
        }
    }
    named.sort_by_key(|span| (span.first, span.last));
    roles.sort_by_key(|span| (span.first, span.last));
    (named, roles)
}

/// Counts for one document or a set of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// Documents.
    pub n_documents: usize,
    /// Gold mentions, per type.
    pub gold: BTreeMap<Type, usize>,
    /// Found mentions, per type.
    pub found: BTreeMap<Type, usize>,
    /// Exact matches, per type.
    pub exact: BTreeMap<Type, usize>,
    /// Overlap matches, per type.
    pub overlap: BTreeMap<Type, usize>,
    /// Named gold mentions of uncovered types.
    pub n_uncovered: usize,
    /// Role-description mentions found.
    pub n_roles: usize,
    /// Role-description mentions overlapping a gold mention of their type.
    pub n_roles_right: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.n_documents += other.n_documents;
        for (mine, theirs) in [
            (&mut self.gold, &other.gold),
            (&mut self.found, &other.found),
            (&mut self.exact, &other.exact),
            (&mut self.overlap, &other.overlap),
        ] {
            for (kind, count) in theirs {
                *mine.entry(*kind).or_default() += count;
            }
        }
        self.n_uncovered += other.n_uncovered;
        self.n_roles += other.n_roles;
        self.n_roles_right += other.n_roles_right;
    }

    fn sum(map: &BTreeMap<Type, usize>, kind: Option<Type>) -> usize {
        match kind {
            Some(kind) => map.get(&kind).copied().unwrap_or_default(),
            None => map.values().sum(),
        }
    }

    /// (precision, recall, F1) of exact or overlap matches, for one type or all.
    pub fn scores(&self, exact: bool, kind: Option<Type>) -> (f64, f64, f64) {
        let matched = Tally::sum(if exact { &self.exact } else { &self.overlap }, kind);
        let precision = ratio(matched, Tally::sum(&self.found, kind));
        let recall = ratio(matched, Tally::sum(&self.gold, kind));
        let f1 = crate::f1(precision, recall);
        (precision, recall, f1)
    }

    /// The named metrics, with `prefix` before each name.
    pub fn metrics(&self, prefix: &str) -> BTreeMap<String, f64> {
        let mut metrics = BTreeMap::new();
        let (precision, recall, f1) = self.scores(false, None);
        metrics.insert(format!("{prefix}precision"), precision);
        metrics.insert(format!("{prefix}recall"), recall);
        metrics.insert(format!("{prefix}f1"), f1);
        metrics.insert(format!("{prefix}exact_f1"), self.scores(true, None).2);
        for kind in Type::ALL {
            metrics.insert(
                format!("{prefix}{}_f1", kind.name()),
                self.scores(false, Some(kind)).2,
            );
        }
        metrics.insert(
            format!("{prefix}role_precision"),
            ratio(self.n_roles_right, self.n_roles),
        );
        metrics
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Scores found mentions against the gold; returns the tally and a line per miss.
pub fn score(document: &Document) -> (Tally, Vec<String>) {
    let (found, roles) = annotate(document);
    let mut tally = Tally {
        n_documents: 1,
        n_uncovered: document.n_uncovered,
        n_roles: roles.len(),
        ..Tally::default()
    };
    for span in &document.gold {
        *tally.gold.entry(span.kind).or_default() += 1;
    }
    for span in &found {
        *tally.found.entry(span.kind).or_default() += 1;
    }
    let is_the = |idx: usize| {
        document
            .tokens
            .get(idx)
            .and_then(|range| document.text.get(range.clone()))
            .is_some_and(|word| word.eq_ignore_ascii_case("the"))
    };
    let exact = |gold: &Span, found: &Span| {
        let first = if is_the(gold.first) && gold.last > gold.first {
            gold.first + 1
        } else {
            gold.first
        };
        gold.kind == found.kind && first == found.first && gold.last == found.last
    };
    let overlaps = |gold: &Span, found: &Span| {
        gold.kind == found.kind && gold.first <= found.last && found.first <= gold.last
    };
    let mut gold_used = vec![false; document.gold.len()];
    let mut found_used = vec![false; found.len()];
    for (found_idx, found_span) in found.iter().enumerate() {
        if let Some(gold_idx) = (0..document.gold.len()).find(|&idx| {
            !gold_used[idx]
                && document
                    .gold
                    .get(idx)
                    .is_some_and(|gold| exact(gold, found_span))
        }) {
            gold_used[gold_idx] = true;
            found_used[found_idx] = true;
            *tally.exact.entry(found_span.kind).or_default() += 1;
            *tally.overlap.entry(found_span.kind).or_default() += 1;
        }
    }
    for (found_idx, found_span) in found.iter().enumerate() {
        if found_used[found_idx] {
            continue;
        }
        if let Some(gold_idx) = (0..document.gold.len()).find(|&idx| {
            !gold_used[idx]
                && document
                    .gold
                    .get(idx)
                    .is_some_and(|gold| overlaps(gold, found_span))
        }) {
            gold_used[gold_idx] = true;
            found_used[found_idx] = true;
            *tally.overlap.entry(found_span.kind).or_default() += 1;
        }
    }
    tally.n_roles_right = roles
        .iter()
        .filter(|role| document.gold_any.iter().any(|gold| overlaps(gold, role)))
        .count();
    let words = |span: &Span| {
        let start = document
            .tokens
            .get(span.first)
            .map_or(0, |range| range.start);
        let end = document.tokens.get(span.last).map_or(0, |range| range.end);
        document
            .text
            .get(start..end)
            .unwrap_or_default()
            .to_string()
    };
    let mut misses = Vec::new();
    for (idx, span) in document.gold.iter().enumerate() {
        if !gold_used[idx] {
            misses.push(format!(
                "{}: missed {} {:?}",
                document.name,
                span.kind.name(),
                words(span)
            ));
        }
    }
    for (idx, span) in found.iter().enumerate() {
        if !found_used[idx] {
            misses.push(format!(
                "{}: extra {} {:?}",
                document.name,
                span.kind.name(),
                words(span)
            ));
        }
    }
    (tally, misses)
}

/// Reads the documents of one corpus folder, in name order.
pub fn read_corpus(data: &Path, corpus: &str) -> Result<Vec<Document>> {
    let folder = data
        .join("intra-doc_annotation")
        .join(format!("corpus_{corpus}"));
    let paths = crate::files_in(&folder, "xml")?;
    let mut documents = Vec::new();
    for path in paths {
        let xml = crate::read_text(&path)?;
        let name = crate::document_name(&path);
        documents.push(parse(&xml, &name));
    }
    if documents.is_empty() {
        return Err(Error::Empty {
            what: "MEANTIME documents",
            path: folder,
        });
    }
    Ok(documents)
}

/// The most misses listed in a report; the rest are counted.
const MAX_MISSES: usize = 200;

/// Scores the four corpora under `data` (the `meantime-newsreader-en` folder).
pub fn evaluate(data: &Path) -> Result<Report> {
    let mut rows = Vec::new();
    let mut total = Tally::default();
    let mut tuning = Tally::default();
    let mut heldout = Tally::default();
    let mut misses = Vec::new();
    for &(corpus, tuned) in CORPORA {
        let mut tally = Tally::default();
        for document in read_corpus(data, corpus)? {
            let (document_tally, document_misses) = score(&document);
            tally.add(&document_tally);
            misses.extend(document_misses);
        }
        rows.push(row(corpus, &tally));
        total.add(&tally);
        if tuned {
            tuning.add(&tally);
        } else {
            heldout.add(&tally);
        }
    }
    rows.push(row("tuning (airbus+apple)", &tuning));
    rows.push(row("held out (gm+stock)", &heldout));
    rows.push(row("all", &total));
    let mut metrics = total.metrics("");
    metrics.extend(heldout.metrics("heldout_"));
    let n_misses = misses.len();
    misses.truncate(MAX_MISSES);
    if n_misses > MAX_MISSES {
        misses.push(format!("… and {} more", n_misses - MAX_MISSES));
    }
    Ok(Report {
        task: "entities",
        columns: [
            "corpus", "docs", "gold", "found", "uncov", "P", "R", "F1", "exact F1", "PER F1",
            "ORG F1", "LOC F1", "roles",
        ]
        .map(str::to_string)
        .to_vec(),
        rows,
        metrics,
        misses,
    })
}

fn row(name: &str, tally: &Tally) -> Vec<String> {
    let (precision, recall, f1) = tally.scores(false, None);
    let per_type = |kind| format!("{:.3}", tally.scores(false, Some(kind)).2);
    vec![
        name.to_string(),
        tally.n_documents.to_string(),
        Tally::sum(&tally.gold, None).to_string(),
        Tally::sum(&tally.found, None).to_string(),
        tally.n_uncovered.to_string(),
        format!("{precision:.3}"),
        format!("{recall:.3}"),
        format!("{f1:.3}"),
        format!("{:.3}", tally.scores(true, None).2),
        per_type(Type::Person),
        per_type(Type::Organization),
        per_type(Type::Place),
        format!("{}/{}", tally.n_roles_right, tally.n_roles),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    const SNIPPET: &str = r#"<?xml version="1.0" ?><Document doc_id="1" doc_name="x" lang="en">
<token number="0" sentence="0" t_id="1">Dr.</token>
<token number="1" sentence="0" t_id="2">Ilse</token>
<token number="2" sentence="0" t_id="3">Marrow</token>
<token number="3" sentence="0" t_id="4">visited</token>
<token number="4" sentence="0" t_id="5">in</token>
<token number="5" sentence="0" t_id="6">Velmora</token>
<token number="6" sentence="0" t_id="7">.</token>
<Markables>
<ENTITY_MENTION m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/><token_anchor t_id="2"/><token_anchor t_id="3"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="2" syntactic_type="NAM"><token_anchor t_id="6"/></ENTITY_MENTION>
<ENTITY m_id="10" ent_type="PER"/>
<ENTITY m_id="11" ent_type="LOC"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="1"/><target m_id="10"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="2"/><target m_id="11"/></REFERS_TO>
</Relations></Document>"#;

    fn check(xml: &str, expected_text: &str, expected: &[(&str, f64)]) {
        let document = parse(xml, "snippet");
        assert_eq!(document.text, expected_text);
        let (tally, _) = score(&document);
        let metrics = tally.metrics("");
        for (name, value) in expected {
            let actual = metrics.get(*name).copied().unwrap_or(f64::NAN);
            assert!(
                (actual - value).abs() < 1e-9,
                "{name}: expected {value}, got {actual} ({tally:?})"
            );
        }
    }

    #[test]
    fn parse_and_score_a_snippet() {
        // The gold person includes the title; the annotator's mention does not: an overlap
        // match, not an exact one.
        check(
            SNIPPET,
            "Dr. Ilse Marrow visited in Velmora.",
            &[
                ("f1", 1.0),
                ("exact_f1", 0.5),
                ("person_f1", 1.0),
                ("place_f1", 1.0),
            ],
        );
    }

    #[test]
    fn smoke_on_meantime_when_present() {
        let Some(data) = crate::shared_data("meantime-newsreader-en") else {
            return;
        };
        let documents = read_corpus(&data, "airbus").expect("the airbus corpus reads");
        let mut total = Tally::default();
        for document in documents.iter().take(3) {
            total.add(&score(document).0);
        }
        assert_eq!(total.n_documents, 3);
        assert!(Tally::sum(&total.gold, None) > 0);
        assert!(total.scores(false, None).2 > 0.3, "{total:?}");
    }
}
