//! Consensus matching on ECB+ (`../shared/data/ecbplus`): do the sentences and clauses the brief
//! says two sources state alike tell the same event?
//!
//! ECB+ links event mentions across the documents of one subtopic (one real event, reported by
//! several outlets) in cross-document coreference chains. Each subtopic is briefed as one story
//! (the gold split, so story clustering does not speak here), and every pair of consensus
//! citations from different documents is read against those chains: a pair is right when its two
//! sentences hold mentions of one chain of actions (`ACTION_*`, `NEG_ACTION_*`). Only the
//! sentences whose annotation ECB+ validated (`ECBplus_coreference_sentences.csv`) are read: a
//! pair with a side outside them is not counted either way.
//!
//! Two sentences telling one event may still say different things of it ("checked into the
//! clinic" / "left the clinic a day later" share the clinic, not the action), so precision here is
//! an upper bound of the share of matches that state the same fact; an action chain never shared
//! ("checked into one clinic" / "checked into another", two real check-ins) is a sure error.
//! ECB+ also leaves some mentions unlinked, which reads a few right matches as wrong.
//!
//! Metrics (dev topics; the same with the prefix `train_`): `precision` (pairs telling one event
//! of the pairs counted), `sentence_precision` and `clause_precision` (whole-sentence items and
//! clause items apart), `recall` (pairs of validated sentences of different documents sharing an
//! action chain that some consensus item pairs; a low ceiling, since most such pairs say
//! different things of the event), `f1`, `n_pairs` (pairs counted). The test topics (36–45) are
//! never read.

use crate::clustering::{DEV_TOPICS, ecbplus_topics};
use crate::entities::{ANCHOR, TOKEN, attributes};
use crate::{Error, Report, Result, f1};
use parallax_engine::brief_stage::SentenceSimilarity;
use parallax_engine::model::{Article, ArticleId, Citation, ConsensusItem, Origin, Story};
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, LazyLock};

/// A mention of an action, with the body holding its token anchors. Instance markables (the
/// chains' targets) close themselves and are not matched.
static ACTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?s)<(?:NEG_)?ACTION_[A-Z_]+ m_id="(\d+)"[^>/]*>(.*?)</(?:NEG_)?ACTION_[A-Z_]+>"#)
        .expect("a valid regex")
});
static CROSS_DOC_CHAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?s)<CROSS_DOC_COREF [^>]*note="([^"]*)"[^>]*>(.*?)</CROSS_DOC_COREF>"#)
        .expect("a valid regex")
});
static CHAIN_SOURCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"<source m_id="(\d+)"\s*/>"#).expect("a valid regex"));

/// One ECB+ document: its text, and per sentence of the text what the gold tells of it.
struct Document {
    name: String,
    text: String,
    sentences: Vec<GoldSentence>,
}

/// One sentence of a document as the gold has it.
struct GoldSentence {
    /// Bytes of the document's text.
    range: Range<usize>,
    /// Whether ECB+ validated its annotation.
    validated: bool,
    /// The cross-document chains of the actions mentioned in it.
    chains: BTreeSet<String>,
}

/// The documents of one subtopic: one event told by several outlets.
struct Subtopic {
    topic: u32,
    plus: bool,
    documents: Vec<Document>,
}

/// Reads the actions' cross-document chains of one ECB+ document, per sentence in the order of
/// [`crate::entities::parse`]'s sentences.
fn parse(xml: &str, name: &str, validated: &HashSet<(String, u32)>) -> Document {
    let parsed = crate::entities::parse(xml, name);
    // Each token's sentence, by token id, and each sentence's number, in order: parse starts a
    // sentence wherever the number changes, and so does this.
    let mut sentence_of_token: HashMap<&str, usize> = HashMap::new();
    let mut numbers: Vec<Option<u32>> = Vec::new();
    let mut current: Option<&str> = None;
    for caps in TOKEN.captures_iter(xml) {
        let Some(tag) = caps.get(1) else { continue };
        let tag = attributes(tag.as_str());
        let number = tag.get("sentence").copied();
        if numbers.is_empty() || number != current {
            current = number;
            numbers.push(number.and_then(|n| n.parse().ok()));
        }
        if let Some(id) = tag.get("t_id") {
            sentence_of_token.insert(id, numbers.len() - 1);
        }
    }
    let mut sentences_of_mention: HashMap<&str, BTreeSet<usize>> = HashMap::new();
    let markables = xml.find("<Markables>").map_or("", |at| &xml[at..]);
    for caps in ACTION.captures_iter(markables) {
        let (Some(id), Some(body)) = (caps.get(1), caps.get(2)) else {
            continue;
        };
        let sentences: BTreeSet<usize> = ANCHOR
            .captures_iter(body.as_str())
            .filter_map(|anchor| sentence_of_token.get(anchor.get(1)?.as_str()).copied())
            .collect();
        sentences_of_mention.insert(id.as_str(), sentences);
    }
    let mut chains: Vec<BTreeSet<String>> = vec![BTreeSet::new(); numbers.len()];
    for caps in CROSS_DOC_CHAIN.captures_iter(markables) {
        let (Some(chain), Some(body)) = (caps.get(1), caps.get(2)) else {
            continue;
        };
        for source in CHAIN_SOURCE.captures_iter(body.as_str()) {
            let Some(mention) = source.get(1) else {
                continue;
            };
            for &sentence in sentences_of_mention
                .get(mention.as_str())
                .into_iter()
                .flatten()
            {
                chains[sentence].insert(chain.as_str().to_string());
            }
        }
    }
    // Each sentence a paragraph of its own: a headline or a dateline without a full stop would
    // otherwise run on into the sentence after it.
    let mut text = String::with_capacity(parsed.text.len() + parsed.sentences.len());
    let mut sentences = Vec::with_capacity(parsed.sentences.len());
    for ((sentence, number), chains) in parsed.sentences.iter().zip(numbers).zip(chains) {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(&parsed.text[sentence.range.clone()]);
        sentences.push(GoldSentence {
            range: start..text.len(),
            validated: number.is_some_and(|n| validated.contains(&(name.to_string(), n))),
            chains,
        });
    }
    Document {
        name: name.to_string(),
        text,
        sentences,
    }
}

/// The validated sentences, as (document name, sentence number).
fn read_validated(data: &Path) -> Result<HashSet<(String, u32)>> {
    let path = data.join("ECBplus_coreference_sentences.csv");
    let csv = std::fs::read_to_string(&path).map_err(|source| Error::Read {
        path: path.clone(),
        source,
    })?;
    Ok(csv
        .lines()
        .skip(1)
        .filter_map(|line| {
            let mut fields = line.split(',').map(str::trim);
            let (topic, file, number) = (fields.next()?, fields.next()?, fields.next()?);
            Some((format!("{topic}_{file}"), number.parse().ok()?))
        })
        .collect())
}

fn read(data: &Path) -> Result<Vec<Subtopic>> {
    let validated = read_validated(data)?;
    let mut subtopics = Vec::new();
    for (topic, paths) in ecbplus_topics(data)? {
        let mut original = Subtopic {
            topic,
            plus: false,
            documents: Vec::new(),
        };
        let mut plus = Subtopic {
            topic,
            plus: true,
            documents: Vec::new(),
        };
        for path in paths {
            let xml = crate::read_text(&path)?;
            let name = crate::document_name(&path);
            let document = parse(&xml, &name, &validated);
            if name.ends_with("ecbplus") {
                plus.documents.push(document);
            } else {
                original.documents.push(document);
            }
        }
        subtopics.extend(
            [original, plus]
                .into_iter()
                .filter(|s| s.documents.len() > 1),
        );
    }
    if subtopics.is_empty() {
        return Err(Error::Empty {
            what: "ECB+ subtopics",
            path: data.join("ECB+"),
        });
    }
    Ok(subtopics)
}

/// Pairs counted, right and found, summed over subtopics.
#[derive(Debug, Clone, Default, PartialEq)]
struct Tally {
    n_subtopics: usize,
    /// Consensus pairs of different documents, all of them.
    n_pairs_all: usize,
    /// Pairs counted and right, for whole-sentence items and clause items.
    sentences: (usize, usize),
    clauses: (usize, usize),
    /// Pairs of validated sentences of different documents sharing an action chain.
    n_gold: usize,
    /// Of those, the ones some counted pair covers.
    n_found: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.n_subtopics += other.n_subtopics;
        self.n_pairs_all += other.n_pairs_all;
        self.sentences.0 += other.sentences.0;
        self.sentences.1 += other.sentences.1;
        self.clauses.0 += other.clauses.0;
        self.clauses.1 += other.clauses.1;
        self.n_gold += other.n_gold;
        self.n_found += other.n_found;
    }

    fn n_pairs(&self) -> usize {
        self.sentences.0 + self.clauses.0
    }

    fn precision(&self) -> f64 {
        ratio(self.sentences.1 + self.clauses.1, self.n_pairs())
    }

    fn recall(&self) -> f64 {
        ratio(self.n_found, self.n_gold)
    }

    fn metrics(&self, prefix: &str) -> BTreeMap<String, f64> {
        [
            ("precision", self.precision()),
            ("recall", self.recall()),
            ("f1", f1(self.precision(), self.recall())),
            (
                "sentence_precision",
                ratio(self.sentences.1, self.sentences.0),
            ),
            ("clause_precision", ratio(self.clauses.1, self.clauses.0)),
            ("n_pairs", self.n_pairs() as f64),
        ]
        .into_iter()
        .map(|(name, value)| (format!("{prefix}{name}"), value))
        .collect()
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// A pair of documents' sentences, the lower document first.
type SentencePair = (usize, usize, usize, usize);

/// One consensus pair counted: both its sentences validated.
#[derive(Debug, Clone, PartialEq)]
pub struct CountedPair {
    /// The subtopic, as its topic number and `plus` for the added one (`12plus`).
    pub subtopic: String,
    /// Whether the topic is one of the dev topics.
    pub dev: bool,
    /// Whether the pair comes from a clause item.
    pub in_clauses: bool,
    /// Whether its sentences share an action chain.
    pub right: bool,
    /// The documents and the cited words, the lower document first.
    pub first: (String, String),
    /// The other document and its cited words.
    pub second: (String, String),
}

impl CountedPair {
    /// One tab-separated line: subtopic, split, kind, verdict, then each side's document and
    /// words.
    pub fn tsv_line(&self) -> String {
        [
            self.subtopic.as_str(),
            if self.dev { "dev" } else { "train" },
            if self.in_clauses {
                "clause"
            } else {
                "sentence"
            },
            if self.right { "right" } else { "wrong" },
            &self.first.0,
            &self.first.1,
            &self.second.0,
            &self.second.1,
        ]
        .join("\t")
    }
}

/// Scores one subtopic's brief; every pair counted is added to `pairs`.
fn score<'a>(
    subtopic: &Subtopic,
    ids: &[ArticleId],
    consensus: &'a [ConsensusItem],
    dev: bool,
    pairs: &mut Vec<CountedPair>,
) -> Tally {
    let documents = &subtopic.documents;
    let shares_chain = |(a, x, b, y): SentencePair| {
        !documents[a].sentences[x]
            .chains
            .is_disjoint(&documents[b].sentences[y].chains)
    };
    let mut tally = Tally {
        n_subtopics: 1,
        ..Tally::default()
    };
    let validated: Vec<Vec<usize>> = documents
        .iter()
        .map(|document| {
            (0..document.sentences.len())
                .filter(|&idx| document.sentences[idx].validated)
                .collect()
        })
        .collect();
    for a in 0..documents.len() {
        for b in a + 1..documents.len() {
            for &x in &validated[a] {
                for &y in &validated[b] {
                    tally.n_gold += usize::from(shares_chain((a, x, b, y)));
                }
            }
        }
    }
    let document_of: HashMap<&ArticleId, usize> =
        ids.iter().enumerate().map(|(idx, id)| (id, idx)).collect();
    // Each citation as its document, the validated sentences it overlaps and its words.
    let place = |citation: &'a Citation| -> Option<(usize, Vec<usize>, &'a str)> {
        let doc = *document_of.get(&citation.span.article)?;
        let span = citation.span.start..citation.span.end;
        let sentences: Vec<usize> = documents[doc]
            .sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| s.validated && s.range.start < span.end && span.start < s.range.end)
            .map(|(idx, _)| idx)
            .collect();
        Some((doc, sentences, citation.text.as_str()))
    };
    let mut found: HashSet<SentencePair> = HashSet::new();
    for item in consensus {
        let places: Vec<_> = item.citations.iter().filter_map(place).collect();
        for (left_idx, left) in places.iter().enumerate() {
            for right in &places[left_idx + 1..] {
                if left.0 == right.0 {
                    continue;
                }
                tally.n_pairs_all += 1;
                if left.1.is_empty() || right.1.is_empty() {
                    continue;
                }
                let (first, second) = if left.0 < right.0 {
                    (left, right)
                } else {
                    (right, left)
                };
                let mut right_pair = false;
                for &x in &first.1 {
                    for &y in &second.1 {
                        let pair = (first.0, x, second.0, y);
                        if shares_chain(pair) {
                            right_pair = true;
                            found.insert(pair);
                        }
                    }
                }
                let kind = if item.in_clauses {
                    &mut tally.clauses
                } else {
                    &mut tally.sentences
                };
                kind.0 += 1;
                kind.1 += usize::from(right_pair);
                pairs.push(CountedPair {
                    subtopic: format!(
                        "{}{}",
                        subtopic.topic,
                        if subtopic.plus { "plus" } else { "" }
                    ),
                    dev,
                    in_clauses: item.in_clauses,
                    right: right_pair,
                    first: (documents[first.0].name.clone(), one_line(first.2)),
                    second: (documents[second.0].name.clone(), one_line(second.2)),
                });
            }
        }
    }
    tally.n_found = found.len();
    tally
}

/// Briefs every subtopic of `subtopics` and scores the consensus.
fn run(
    subtopics: &[&Subtopic],
    dev: bool,
    config: &parallax_engine::Config,
    pairs: &mut Vec<CountedPair>,
) -> Tally {
    let mut tally = Tally::default();
    for subtopic in subtopics {
        let articles: Vec<Article> = subtopic
            .documents
            .iter()
            .map(|document| {
                Article::new(
                    Origin::File(format!("{}.xml", document.name)),
                    document.text.clone(),
                )
            })
            .collect();
        let ids: Vec<ArticleId> = articles.iter().map(|article| article.id.clone()).collect();
        let story = Story::new(parallax_engine::annotate_all(articles, config));
        let brief = parallax_engine::brief_stage::brief(&story, &config.brief);
        tally.add(&score(subtopic, &ids, &brief.consensus, dev, pairs));
    }
    tally
}

/// Consensus matching on the train and dev topics of ECB+; the misses are the dev pairs read
/// as wrong.
pub fn evaluate(data: &Path) -> Result<Report> {
    Ok(evaluate_with_pairs(data, None)?.0)
}

/// [`evaluate`], with every pair counted (train and dev) for whoever studies them, and the brief
/// checking its matches with `similarity` when given.
pub fn evaluate_with_pairs(
    data: &Path,
    similarity: Option<Arc<dyn SentenceSimilarity>>,
) -> Result<(Report, Vec<CountedPair>)> {
    let subtopics = read(data)?;
    let (dev, train): (Vec<&Subtopic>, Vec<&Subtopic>) = subtopics
        .iter()
        .partition(|subtopic| DEV_TOPICS.contains(&subtopic.topic));
    let mut pairs = Vec::new();
    let mut config = parallax_engine::Config::new();
    config.brief.similarity = similarity;
    let train_tally = run(&train, false, &config, &mut pairs);
    let dev_tally = run(&dev, true, &config, &mut pairs);
    let mut metrics = dev_tally.metrics("");
    metrics.extend(train_tally.metrics("train_"));
    let misses = pairs
        .iter()
        .filter(|pair| pair.dev && !pair.right)
        .map(|pair| {
            format!(
                "{} {}: {} | {}: {}",
                pair.subtopic, pair.first.0, pair.first.1, pair.second.0, pair.second.1
            )
        })
        .collect();
    let report = Report {
        task: "matching",
        columns: [
            "topics", "stories", "pairs", "counted", "P", "P sent", "P clause", "gold", "found",
            "R",
        ]
        .map(str::to_string)
        .to_vec(),
        rows: vec![row("train", &train_tally), row("dev", &dev_tally)],
        metrics,
        misses,
    };
    Ok((report, pairs))
}

fn row(topics: &str, tally: &Tally) -> Vec<String> {
    vec![
        topics.to_string(),
        tally.n_subtopics.to_string(),
        tally.n_pairs_all.to_string(),
        tally.n_pairs().to_string(),
        format!("{:.3}", tally.precision()),
        format!("{:.3}", ratio(tally.sentences.1, tally.sentences.0)),
        format!("{:.3}", ratio(tally.clauses.1, tally.clauses.0)),
        tally.n_gold.to_string(),
        tally.n_found.to_string(),
        format!("{:.3}", tally.recall()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two sentences: the first mentions an action of chain ACT1 (a markable with a note, as
    /// ECB+ writes those added by a tool), the second one of no chain.
    const XML: &str = r#"<Document doc_name="9_1ecb.xml">
<token t_id="1" sentence="0" number="0">Ana</token>
<token t_id="2" sentence="0" number="1">resigned</token>
<token t_id="3" sentence="0" number="2">.</token>
<token t_id="4" sentence="1" number="0">She</token>
<token t_id="5" sentence="1" number="1">left</token>
<token t_id="6" sentence="1" number="2">.</token>
<Markables>
<ACTION_OCCURRENCE m_id="7" note="byCROMER" >
  <token_anchor t_id="2"/>
</ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="8"  >
  <token_anchor t_id="5"/>
</ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="9" RELATED_TO="" TAG_DESCRIPTOR="t9_resigning" instance_id="ACT1" />
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="10" note="ACT1" >
  <source m_id="7" />
  <target m_id="9" />
</CROSS_DOC_COREF>
</Relations>
</Document>"#;

    #[test]
    fn actions_chains_and_validation_are_read_per_sentence() {
        let validated: HashSet<(String, u32)> = [("9_1ecb".to_string(), 0)].into();
        let document = parse(XML, "9_1ecb", &validated);
        assert_eq!(document.text, "Ana resigned.\n\nShe left.");
        assert_eq!(document.sentences.len(), 2);
        assert!(document.sentences[0].validated);
        assert!(!document.sentences[1].validated);
        assert_eq!(
            document.sentences[0].chains,
            BTreeSet::from(["ACT1".to_string()])
        );
        assert!(document.sentences[1].chains.is_empty());
    }

    #[test]
    fn consensus_pairs_are_right_when_their_sentences_share_an_action_chain() {
        let validated: HashSet<(String, u32)> =
            [("9_1ecb".to_string(), 0), ("9_2ecb".to_string(), 0)].into();
        let first = parse(XML, "9_1ecb", &validated);
        let second = parse(XML, "9_2ecb", &validated);
        let subtopic = Subtopic {
            topic: 9,
            plus: false,
            documents: vec![first, second],
        };
        let ids = [ArticleId("a".into()), ArticleId("b".into())];
        let citation = |article: &ArticleId, range: Range<usize>| Citation {
            source: 1,
            span: parallax_engine::model::Span::new(article.clone(), range.start, range.end),
            text: String::new(),
        };
        let item = |citations| ConsensusItem {
            n_articles: 2,
            n_independent: 2,
            citations,
            in_clauses: false,
        };
        // The resignations match; the first article's resignation with the second's leaving
        // (unvalidated there) is not counted.
        let consensus = vec![
            item(vec![citation(&ids[0], 0..13), citation(&ids[1], 0..13)]),
            item(vec![citation(&ids[0], 0..13), citation(&ids[1], 15..25)]),
        ];
        let mut pairs = Vec::new();
        let tally = score(&subtopic, &ids, &consensus, true, &mut pairs);
        assert_eq!(tally.n_pairs_all, 2);
        assert_eq!(tally.sentences, (1, 1));
        assert_eq!((tally.n_gold, tally.n_found), (1, 1));
        assert_eq!(pairs.len(), 1);
        assert!(pairs[0].right);
    }

    #[test]
    fn smoke_on_ecbplus_when_present() {
        let Some(data) = crate::shared_data("ecbplus") else {
            return;
        };
        let validated = read_validated(&data).expect("the validated sentences read");
        let xml = std::fs::read_to_string(data.join("ECB+/1/1_1ecb.xml"))
            .expect("a document of topic 1 reads");
        let document = parse(&xml, "1_1ecb", &validated);
        assert!(
            document
                .sentences
                .iter()
                .any(|sentence| sentence.validated && !sentence.chains.is_empty()),
            "a validated sentence of 1_1ecb mentions a linked action"
        );
    }
}
