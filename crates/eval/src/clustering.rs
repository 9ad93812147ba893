//! Story clustering on ECB+ (`../shared/data/ecbplus`): documents into the events they report.
//!
//! Every ECB+ topic holds two real events of the same kind (two earthquakes, two product
//! launches), one per subtopic (`*ecb.xml` and `*ecbplus.xml`), so each topic is a split into
//! two stories with hard negatives. Documents are rebuilt as text from their tokens (one line
//! per sentence), annotated, profiled and clustered by the story stage; ECB+ has no titles or
//! dates, so only terms and entities speak.
//!
//! Settings, each a row per system:
//!
//! - `topic`: each topic's documents clustered on their own (the standard setting; gold: 2
//!   stories per topic), on the train topics (tuned on) and the dev topics (reported).
//! - `mixed`: all documents of the dev topics clustered together (gold: 2 stories per topic),
//!   the harder case of a folder holding many stories.
//!
//! Systems: `parallax` (the story stage with [`Config::new`]: topics first, then stories within
//! each topic), `parallax (store)` (the same settings in the incremental split a store uses,
//! [`Stories`], the documents added one at a time in reading order) and `tf-idf` (a plain baseline: lowercased words, no stemming, no stopwords, no
//! entities, tf-idf cosine and one stage of average-link clustering, its threshold tuned on the
//! train topics like ours).
//!
//! Metrics (dev topics, `topic` setting, micro-averaged over documents or pairs): `b3_precision`,
//! `b3_recall`, `b3_f1` (B-cubed), `pairwise_f1` (pairs of documents put together); the same
//! with prefixes `store_`, `baseline_`, `mixed_`, `baseline_mixed_` and `train_`. The test topics
//! (36–45) are not in the shared copy and are never read.

use crate::{Error, Report, Result, f1};
use parallax_engine::model::{Annotated, Article, ArticleId, Origin};
use parallax_engine::story::{Config, Profile, Stories, cluster, profile};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The dev topics of the standard split (Cybulska & Vossen 2015); the rest of the shared copy
/// is train.
pub const DEV_TOPICS: &[u32] = &[2, 5, 12, 18, 21, 23, 34, 35];
/// The test topics, kept aside: never read even when present.
const FIRST_TEST_TOPIC: u32 = 36;

/// The baseline's threshold, tuned on the train topics (`parallax eval clustering --sweep`).
pub const BASELINE_THRESHOLD: f64 = 0.1;

/// One ECB+ document as the systems see it.
#[derive(Debug, Clone)]
pub struct Document {
    /// The file name without `.xml` (`1_10ecbplus`).
    pub name: String,
    /// The topic number.
    pub topic: u32,
    /// Whether it belongs to the added (`ecbplus`) subtopic rather than the original one.
    pub plus: bool,
    /// The story stage's profile.
    pub profile: Profile,
    /// The baseline's profile: plain lowercased words, no entities.
    pub baseline: Profile,
}

impl Document {
    fn gold(&self) -> (u32, bool) {
        (self.topic, self.plus)
    }
}

/// A clustering system: the profiles it reads and its settings.
#[derive(Debug, Clone)]
pub struct System {
    /// Its name in the report.
    pub name: &'static str,
    /// Whether it reads [`Document::baseline`] rather than [`Document::profile`].
    pub baseline: bool,
    /// Whether it adds the documents one at a time, in reading order, as a store does
    /// ([`Stories`]), rather than splitting them all at once.
    pub incremental: bool,
    /// Its clustering settings.
    pub config: Config,
}

impl System {
    /// The story stage as `parallax brief` runs it.
    pub fn parallax() -> System {
        System {
            name: "parallax",
            baseline: false,
            incremental: false,
            config: Config::new(),
        }
    }

    /// The story stage as a store runs it: articles placed one at a time as they arrive.
    pub fn incremental() -> System {
        System {
            name: "parallax (store)",
            incremental: true,
            ..System::parallax()
        }
    }

    /// The plain tf-idf agglomerative baseline.
    pub fn baseline() -> System {
        System {
            name: "tf-idf",
            baseline: true,
            incremental: false,
            config: Config {
                threshold: BASELINE_THRESHOLD,
                topic_threshold: None,
                attach_threshold: None,
                entity_weight: 0.0,
                window_days: Config::new().window_days,
                half_life_days: None,
            },
        }
    }

    fn profile<'doc>(&self, document: &'doc Document) -> &'doc Profile {
        if self.baseline {
            &document.baseline
        } else {
            &document.profile
        }
    }
}

/// Reads and profiles every train and dev document under `data` (the `ecbplus` folder), by
/// topic then file name.
pub fn read(data: &Path) -> Result<Vec<Document>> {
    let annotate_config = parallax_engine::annotate::Config::new();
    let mut documents = Vec::new();
    for (topic, paths) in ecbplus_topics(data)? {
        for path in paths {
            let xml = crate::read_text(&path)?;
            let name = crate::document_name(&path);
            let text = crate::entities::parse(&xml, &name).text;
            let article = Article::new(Origin::File(path.display().to_string()), text);
            let annotated = parallax_engine::annotate::annotate(article, &annotate_config);
            documents.push(Document {
                plus: name.ends_with("ecbplus"),
                topic,
                profile: profile(&annotated),
                baseline: baseline_profile(&annotated),
                name,
            });
        }
    }
    if documents.is_empty() {
        return Err(Error::Empty {
            what: "ECB+ documents",
            path: data.join("ECB+"),
        });
    }
    Ok(documents)
}

/// The train and dev topics of ECB+ under `data`, in number order, each with its documents' XML
/// files in name order; the test topics are left out.
pub(crate) fn ecbplus_topics(data: &Path) -> Result<Vec<(u32, Vec<PathBuf>)>> {
    let root = data.join("ECB+");
    let entries = std::fs::read_dir(&root).map_err(|source| Error::Read {
        path: root.clone(),
        source,
    })?;
    let mut topics: Vec<(u32, PathBuf)> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter_map(|path| {
            let topic = path.file_name()?.to_str()?.parse::<u32>().ok()?;
            (topic < FIRST_TEST_TOPIC).then_some((topic, path))
        })
        .collect();
    topics.sort();
    topics
        .into_iter()
        .map(|(topic, folder)| Ok((topic, crate::files_in(&folder, "xml")?)))
        .collect()
}

/// The baseline's view of an article: lowercased words as they are.
fn baseline_profile(annotated: &Annotated) -> Profile {
    let mut terms: BTreeMap<String, u32> = BTreeMap::new();
    for word in annotated
        .article
        .text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
    {
        *terms.entry(word.to_lowercase()).or_default() += 1;
    }
    Profile {
        article: annotated.article.id.clone(),
        published: None,
        terms,
        entities: BTreeMap::new(),
    }
}

/// B-cubed and pairwise counts, summed over documents and pairs so settings can be pooled.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    /// Documents scored.
    pub n_documents: usize,
    /// Stories found.
    pub n_found: usize,
    /// Gold stories.
    pub n_gold: usize,
    /// Sum over documents of B-cubed precision.
    pub b3_precision_sum: f64,
    /// Sum over documents of B-cubed recall.
    pub b3_recall_sum: f64,
    /// Pairs together in both the found and the gold split.
    pub pairs_both: usize,
    /// Pairs together in the found split.
    pub pairs_found: usize,
    /// Pairs together in the gold split.
    pub pairs_gold: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.n_documents += other.n_documents;
        self.n_found += other.n_found;
        self.n_gold += other.n_gold;
        self.b3_precision_sum += other.b3_precision_sum;
        self.b3_recall_sum += other.b3_recall_sum;
        self.pairs_both += other.pairs_both;
        self.pairs_found += other.pairs_found;
        self.pairs_gold += other.pairs_gold;
    }

    /// B-cubed precision, recall and F1.
    pub fn b3(&self) -> (f64, f64, f64) {
        let n_documents = self.n_documents.max(1) as f64;
        let precision = self.b3_precision_sum / n_documents;
        let recall = self.b3_recall_sum / n_documents;
        (precision, recall, f1(precision, recall))
    }

    /// Pairwise F1.
    pub fn pairwise_f1(&self) -> f64 {
        let precision = self.pairs_both as f64 / self.pairs_found.max(1) as f64;
        let recall = self.pairs_both as f64 / self.pairs_gold.max(1) as f64;
        f1(precision, recall)
    }

    fn metrics(&self, prefix: &str) -> BTreeMap<String, f64> {
        let (precision, recall, f1) = self.b3();
        [
            ("b3_precision", precision),
            ("b3_recall", recall),
            ("b3_f1", f1),
            ("pairwise_f1", self.pairwise_f1()),
        ]
        .into_iter()
        .map(|(name, value)| (format!("{prefix}{name}"), value))
        .collect()
    }
}

/// Scores one clustering of `documents` (`found`: indices into it) against their subtopics.
pub fn score(documents: &[&Document], found: &[Vec<usize>]) -> Tally {
    let mut gold_sizes: BTreeMap<(u32, bool), usize> = BTreeMap::new();
    for document in documents {
        *gold_sizes.entry(document.gold()).or_default() += 1;
    }
    let mut tally = Tally {
        n_documents: documents.len(),
        n_found: found.len(),
        n_gold: gold_sizes.len(),
        ..Tally::default()
    };
    for story in found {
        tally.pairs_found += story.len() * story.len().saturating_sub(1) / 2;
        let mut overlaps: BTreeMap<(u32, bool), usize> = BTreeMap::new();
        for &idx in story {
            *overlaps.entry(documents[idx].gold()).or_default() += 1;
        }
        for (gold, overlap) in overlaps {
            tally.pairs_both += overlap * overlap.saturating_sub(1) / 2;
            let gold_size = gold_sizes.get(&gold).copied().unwrap_or(overlap);
            // Each of the `overlap` documents has `overlap` correct partners (itself included).
            tally.b3_precision_sum += (overlap * overlap) as f64 / story.len() as f64;
            tally.b3_recall_sum += (overlap * overlap) as f64 / gold_size as f64;
        }
    }
    tally.pairs_gold = gold_sizes
        .values()
        .map(|n| n * n.saturating_sub(1) / 2)
        .sum();
    tally
}

/// Clusters `documents` with `system` and scores the result; misses name the documents put in
/// a story whose majority is another event.
fn run(system: &System, documents: &[&Document], misses: &mut Vec<String>) -> Tally {
    let profiles: Vec<Profile> = documents
        .iter()
        .map(|document| system.profile(document).clone())
        .collect();
    let found = if system.incremental {
        placed_one_at_a_time(profiles, &system.config)
    } else {
        cluster(&profiles, &system.config)
    };
    for story in &found {
        let mut counts: BTreeMap<(u32, bool), usize> = BTreeMap::new();
        for &idx in story {
            *counts.entry(documents[idx].gold()).or_default() += 1;
        }
        let majority = counts
            .iter()
            .max_by_key(|(gold, count)| (**count, std::cmp::Reverse(**gold)))
            .map(|(gold, _)| *gold);
        let names: Vec<&str> = story
            .iter()
            .map(|&idx| documents[idx].name.as_str())
            .collect();
        let strays: Vec<&str> = story
            .iter()
            .filter(|&&idx| Some(documents[idx].gold()) != majority)
            .map(|&idx| documents[idx].name.as_str())
            .collect();
        if !strays.is_empty() {
            misses.push(format!(
                "{}: {} in a story of {}",
                system.name,
                strays.join(" "),
                names.join(" ")
            ));
        }
    }
    // An event told in stories whose majority is another event is listed above; one split over
    // stories of its own is listed here, by the stories it lies in.
    let mut stories_of: BTreeMap<(u32, bool), Vec<Vec<&str>>> = BTreeMap::new();
    for story in &found {
        let mut by_event: BTreeMap<(u32, bool), Vec<&str>> = BTreeMap::new();
        for &idx in story {
            by_event
                .entry(documents[idx].gold())
                .or_default()
                .push(documents[idx].name.as_str());
        }
        for (event, names) in by_event {
            stories_of.entry(event).or_default().push(names);
        }
    }
    for parts in stories_of.values().filter(|parts| parts.len() > 1) {
        let parts: Vec<String> = parts.iter().map(|names| names.join(" ")).collect();
        misses.push(format!(
            "{}: one event split: {}",
            system.name,
            parts.join(" | ")
        ));
    }
    score(documents, &found)
}

/// The stories of `profiles` added one at a time in the given order, as indexes into it. The
/// story state holds only the recent articles, so each article's story is followed as a store
/// follows it: its placement, then every merge.
fn placed_one_at_a_time(profiles: Vec<Profile>, config: &Config) -> Vec<Vec<usize>> {
    let mut stories = Stories::new(config.clone());
    let mut story_of: Vec<ArticleId> = Vec::with_capacity(profiles.len());
    let mut position_of: BTreeMap<ArticleId, usize> = BTreeMap::new();
    for profile in profiles {
        position_of.insert(profile.article.clone(), story_of.len());
        let placement = stories.add(profile);
        for (merged, into) in &placement.merged {
            for story in &mut story_of {
                if story == merged {
                    *story = into.clone();
                }
            }
        }
        for (moved, into) in placement.moved {
            if let Some(&position) = position_of.get(&moved) {
                story_of[position] = into;
            }
        }
        story_of.push(placement.story);
    }
    let mut members_of: BTreeMap<&ArticleId, Vec<usize>> = BTreeMap::new();
    for (idx, story) in story_of.iter().enumerate() {
        members_of.entry(story).or_default().push(idx);
    }
    members_of.into_values().collect()
}

/// Clusters each topic of `documents` on its own and pools the scores.
fn per_topic(system: &System, documents: &[&Document], misses: &mut Vec<String>) -> Tally {
    let mut by_topic: BTreeMap<u32, Vec<&Document>> = BTreeMap::new();
    for document in documents {
        by_topic.entry(document.topic).or_default().push(document);
    }
    let mut total = Tally::default();
    for topic_documents in by_topic.values() {
        total.add(&run(system, topic_documents, misses));
    }
    total
}

fn split(documents: &[Document]) -> (Vec<&Document>, Vec<&Document>) {
    documents
        .iter()
        .partition(|document| !DEV_TOPICS.contains(&document.topic))
}

/// Scores both systems in every setting on the documents under `data`.
pub fn evaluate(data: &Path) -> Result<Report> {
    let documents = read(data)?;
    let (train, dev) = split(&documents);
    let mut rows = Vec::new();
    let mut metrics = BTreeMap::new();
    let mut misses = Vec::new();
    for (system, prefix) in [
        (System::parallax(), ""),
        (System::incremental(), "store_"),
        (System::baseline(), "baseline_"),
    ] {
        let mut ignored = Vec::new();
        let train_tally = per_topic(&system, &train, &mut ignored);
        let dev_misses = if system.baseline || system.incremental {
            &mut ignored
        } else {
            &mut misses
        };
        let dev_tally = per_topic(&system, &dev, dev_misses);
        let mixed_tally = run(&system, &dev, &mut ignored);
        rows.push(row(&system, "topic (train)", &train_tally));
        rows.push(row(&system, "topic (dev)", &dev_tally));
        rows.push(row(&system, "mixed (dev)", &mixed_tally));
        metrics.extend(dev_tally.metrics(prefix));
        metrics.extend(mixed_tally.metrics(&format!("{prefix}mixed_")));
        metrics.extend(train_tally.metrics(&format!("{prefix}train_")));
    }
    Ok(Report {
        task: "clustering",
        columns: columns(),
        rows,
        metrics,
        misses,
    })
}

/// Scores the story stage over a grid of thresholds and entity weights, and the baseline over
/// thresholds, on the train topics (per topic and mixed): the table the defaults were picked
/// from. Dev topics are not read into the choice.
pub fn sweep(data: &Path) -> Result<Report> {
    let documents = read(data)?;
    let (train, _) = split(&documents);
    let mut rows = Vec::new();
    let mut metrics = BTreeMap::new();
    let mut ignored = Vec::new();
    // The story stage's similarities are small (idf with a prior), so its grid is fine and
    // low; the baseline's is coarse and wide.
    let fine: Vec<f64> = (10..=30).map(|step| f64::from(step) * 0.005).collect();
    let thresholds: Vec<f64> = (1..=20).map(|step| f64::from(step) * 0.025).collect();
    let mut systems = Vec::new();
    // The batch split with and without topics; the store's incremental split has no topic
    // stage.
    let grids = [
        (
            System::parallax(),
            vec![None, Some(0.03), Some(0.04), Some(0.05)],
            vec![0.2, 0.3, 0.4, 0.5],
        ),
        (System::incremental(), vec![None], vec![0.2, 0.3, 0.4, 0.5]),
    ];
    for (base, topic_thresholds, entity_weights) in grids {
        for &entity_weight in &entity_weights {
            for &topic_threshold in &topic_thresholds {
                for &threshold in &fine {
                    let mut system = base.clone();
                    system.config.threshold = threshold;
                    system.config.topic_threshold = topic_threshold;
                    system.config.entity_weight = entity_weight;
                    systems.push(system);
                }
            }
        }
    }
    for &threshold in &thresholds {
        let mut system = System::baseline();
        system.config.threshold = threshold;
        systems.push(system);
    }
    for system in &systems {
        let topic_tally = per_topic(system, &train, &mut ignored);
        let mixed_tally = run(system, &train, &mut ignored);
        let (_, _, topic_f1) = topic_tally.b3();
        let (_, _, mixed_f1) = mixed_tally.b3();
        let topic_threshold = system
            .config
            .topic_threshold
            .map_or_else(|| "-".to_string(), |threshold| format!("{threshold:.2}"));
        let name = format!(
            "{} topic={topic_threshold} t={:.3} e={:.1}",
            system.name, system.config.threshold, system.config.entity_weight
        );
        rows.push(vec![
            name.clone(),
            format!("{topic_f1:.3}"),
            format!("{:.3}", topic_tally.pairwise_f1()),
            format!("{mixed_f1:.3}"),
            mixed_tally.n_found.to_string(),
        ]);
        metrics.insert(format!("{name} b3_f1"), topic_f1);
    }
    Ok(Report {
        task: "clustering",
        columns: [
            "system",
            "topic B3 F1",
            "topic pair F1",
            "mixed B3 F1",
            "mixed found",
        ]
        .map(str::to_string)
        .to_vec(),
        rows,
        metrics,
        misses: Vec::new(),
    })
}

fn columns() -> Vec<String> {
    [
        "system", "setting", "docs", "gold", "found", "B3 P", "B3 R", "B3 F1", "pair F1",
    ]
    .map(str::to_string)
    .to_vec()
}

fn row(system: &System, setting: &str, tally: &Tally) -> Vec<String> {
    let (precision, recall, f1) = tally.b3();
    vec![
        system.name.to_string(),
        setting.to_string(),
        tally.n_documents.to_string(),
        tally.n_gold.to_string(),
        tally.n_found.to_string(),
        format!("{precision:.3}"),
        format!("{recall:.3}"),
        format!("{f1:.3}"),
        format!("{:.3}", tally.pairwise_f1()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(name: &str, topic: u32, plus: bool) -> Document {
        let empty = Profile {
            article: parallax_engine::model::ArticleId(name.to_string()),
            published: None,
            terms: BTreeMap::new(),
            entities: BTreeMap::new(),
        };
        Document {
            name: name.to_string(),
            topic,
            plus,
            profile: empty.clone(),
            baseline: empty,
        }
    }

    fn check(found: &[Vec<usize>], expected: (f64, f64, f64, f64)) {
        let documents = [
            document("a", 1, false),
            document("b", 1, false),
            document("c", 1, true),
            document("d", 1, true),
        ];
        let refs: Vec<&Document> = documents.iter().collect();
        let tally = score(&refs, found);
        let (precision, recall, f1) = tally.b3();
        let actual = (precision, recall, f1, tally.pairwise_f1());
        let close = |left: f64, right: f64| (left - right).abs() < 1e-9;
        assert!(
            close(actual.0, expected.0)
                && close(actual.1, expected.1)
                && close(actual.2, expected.2)
                && close(actual.3, expected.3),
            "{actual:?} != {expected:?}"
        );
    }

    #[test]
    fn perfect_split() {
        check(&[vec![0, 1], vec![2, 3]], (1.0, 1.0, 1.0, 1.0));
    }

    #[test]
    fn everything_together() {
        // B3: precision 1/2 for each document, recall 1; pairs: 2 of 6 right, both gold found.
        check(&[vec![0, 1, 2, 3]], (0.5, 1.0, 2.0 / 3.0, 0.5));
    }

    #[test]
    fn all_apart() {
        check(
            &[vec![0], vec![1], vec![2], vec![3]],
            (1.0, 0.5, 2.0 / 3.0, 0.0),
        );
    }

    #[test]
    fn smoke_on_ecbplus_when_present() {
        let Some(data) = crate::shared_data("ecbplus") else {
            return;
        };
        let xml = std::fs::read_to_string(data.join("ECB+/1/1_1ecb.xml"))
            .expect("a document of topic 1 reads");
        let text = crate::entities::parse(&xml, "1_1ecb").text;
        assert!(text.split_whitespace().count() > 50, "{text}");
    }
}
