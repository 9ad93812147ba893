//! Sides and readings: the sources grouped into sides, each side with a short summary of its
//! own (the "polarized readings").
//!
//! With outlet metadata from the user ([`Outlets`], a TOML file), a source belongs to the
//! outlet whose `name` equals its outlet name (ignoring case) or whose `domain` occurs in its
//! address or input name, and sources are grouped by one field of that outlet ([`SideKey`]);
//! sources no outlet matches, or whose outlet leaves the field empty, form the side
//! "unlisted". Without metadata, sides are inferred from framing: each independent source is a
//! vector of its loaded words per 1,000, attributed share, first person per 1,000, opinion or
//! not, the share of its quotes given to each country's speakers and its tone toward each main
//! entity; the features are standardized and the sources split in two by average-linkage
//! clustering (kodama). A near-duplicate joins the side of the article it copies. Inferred sides
//! are labelled as such, with what sets each apart.

use crate::consensus::independent_sources;
use crate::corpus::Corpus;
use crate::summary::{Statements, SummaryLength, summary_of_sources_from};
use parallax_model::{Framing, Genre, Readings, Side, SideGrouping, SourceTone, Story};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

/// Sentences in each side's summary.
const READING_SENTENCES: usize = 3;

/// Outlet metadata supplied by the user: the `[[outlet]]` tables of a TOML file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outlets {
    /// The outlets.
    #[serde(rename = "outlet", default)]
    pub outlets: Vec<Outlet>,
}

/// One outlet: how to recognise its articles, and what is known about it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outlet {
    /// The outlet's name as articles give it ("The Daily Example"), matched ignoring case.
    pub name: Option<String>,
    /// A web domain or part of a file name ("dailyexample.example"), matched in the article's
    /// address and the input's name.
    pub domain: Option<String>,
    /// The country it publishes from (ISO 3166-1 alpha-3, or any label).
    pub country: Option<String>,
    /// Its political leaning ("left", "centre", "right", or any label).
    pub leaning: Option<String>,
    /// Who owns it ("public broadcaster", "family-owned", …).
    pub ownership: Option<String>,
    /// The state it is affiliated with, or "none".
    pub state_affiliation: Option<String>,
}

/// A malformed outlets file.
#[derive(Debug, thiserror::Error)]
pub enum OutletsError {
    /// The file is not valid TOML, or has fields this format does not know.
    #[error("outlets file {file}: {reason}")]
    Toml {
        /// The file, as the user named it.
        file: String,
        /// What is wrong, with the line.
        reason: String,
    },
    /// An outlet gives neither a name nor a domain, so no article can match it.
    #[error("outlets file {file}: outlet {index} has neither `name` nor `domain`")]
    Unmatchable {
        /// The file, as the user named it.
        file: String,
        /// The outlet's position in the file, from 1.
        index: usize,
    },
}

impl Outlets {
    /// Parses the text of the outlets file `file` (named for errors only).
    pub fn parse(text: &str, file: &str) -> Result<Outlets, OutletsError> {
        let outlets: Outlets = toml::from_str(text).map_err(|error| OutletsError::Toml {
            file: file.to_string(),
            reason: error.to_string(),
        })?;
        if let Some(index) = outlets
            .outlets
            .iter()
            .position(|outlet| outlet.name.is_none() && outlet.domain.is_none())
        {
            return Err(OutletsError::Unmatchable {
                file: file.to_string(),
                index: index + 1,
            });
        }
        Ok(outlets)
    }

    /// The side `article` falls on when sources are grouped by `key`: that field of its
    /// outlet, or "unlisted" when no outlet matches or the outlet leaves the field empty.
    pub fn side(&self, article: &parallax_model::Article, key: SideKey) -> String {
        self.of(article)
            .and_then(|outlet| key.of(outlet))
            .cloned()
            .unwrap_or_else(|| "unlisted".to_string())
    }

    /// The outlet of an article, when one matches.
    fn of(&self, article: &parallax_model::Article) -> Option<&Outlet> {
        let outlet_name = article.outlet.as_deref().map(str::to_lowercase);
        let address = format!(
            "{} {}",
            article.url.as_deref().unwrap_or_default(),
            article.display_source()
        )
        .to_lowercase();
        self.outlets.iter().find(|outlet| {
            let by_name = outlet
                .name
                .as_ref()
                .is_some_and(|name| outlet_name.as_deref() == Some(name.to_lowercase().as_str()));
            let by_domain = outlet
                .domain
                .as_ref()
                .is_some_and(|domain| address.contains(&domain.to_lowercase()));
            by_name || by_domain
        })
    }
}

/// The field of outlet metadata that groups sources into sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SideKey {
    /// Political leaning.
    Leaning,
    /// Country.
    Country,
    /// Ownership.
    Ownership,
    /// State affiliation.
    StateAffiliation,
}

impl SideKey {
    /// The field's name in the outlets file.
    pub fn name(self) -> &'static str {
        match self {
            SideKey::Leaning => "leaning",
            SideKey::Country => "country",
            SideKey::Ownership => "ownership",
            SideKey::StateAffiliation => "state_affiliation",
        }
    }

    fn of(self, outlet: &Outlet) -> Option<&String> {
        match self {
            SideKey::Leaning => outlet.leaning.as_ref(),
            SideKey::Country => outlet.country.as_ref(),
            SideKey::Ownership => outlet.ownership.as_ref(),
            SideKey::StateAffiliation => outlet.state_affiliation.as_ref(),
        }
    }
}

/// What the readings are built from.
pub(crate) struct ReadingInputs<'a> {
    pub(crate) corpus: &'a Corpus,
    /// The story with its consensus, agreed facts and disputes.
    pub(crate) statements: Statements<'a>,
    pub(crate) framing: &'a [Framing],
    pub(crate) tone: &'a [SourceTone],
}

/// The sides of the story with a summary each, or `None` when fewer than two sides form.
pub(crate) fn readings(
    inputs: &ReadingInputs<'_>,
    outlets: Option<&Outlets>,
    key: SideKey,
) -> Option<Readings> {
    let (grouping, groups) = match outlets {
        Some(outlets) => (
            SideGrouping::Outlets {
                key: key.name().to_string(),
            },
            by_outlet(inputs.statements.story, outlets, key),
        ),
        None => (SideGrouping::Inferred, inferred(inputs)?),
    };
    if groups.len() < 2 {
        return None;
    }
    let mut sides: Vec<Side> = groups
        .into_iter()
        .map(|(label, sources)| Side {
            summary: summary_of_sources_from(
                inputs.corpus,
                &inputs.statements,
                &sources,
                SummaryLength::Sentences(READING_SENTENCES),
            ),
            label,
            sources,
        })
        .collect();
    sides.sort_by(|a, b| {
        b.sources
            .len()
            .cmp(&a.sources.len())
            .then(a.sources.cmp(&b.sources))
    });
    Some(Readings { grouping, sides })
}

fn by_outlet(story: &Story, outlets: &Outlets, key: SideKey) -> Vec<(String, Vec<usize>)> {
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (idx, annotated) in story.articles.iter().enumerate() {
        groups
            .entry(outlets.side(&annotated.article, key))
            .or_default()
            .push(idx + 1);
    }
    groups.into_iter().collect()
}

/// Two sides inferred from framing, labelled; `None` with fewer than three independent sources.
fn inferred(inputs: &ReadingInputs<'_>) -> Option<Vec<(String, Vec<usize>)>> {
    let independent = independent_sources(inputs.statements.story);
    let originals: Vec<usize> = independent
        .iter()
        .enumerate()
        .filter(|(idx, original)| idx == *original)
        .map(|(idx, _)| idx)
        .collect();
    if originals.len() < 3 {
        return None;
    }
    let vectors = standardized(
        &originals
            .iter()
            .map(|&idx| features(inputs, idx))
            .collect::<Vec<_>>(),
    );
    let mut dissimilarities = Vec::with_capacity(originals.len() * (originals.len() - 1) / 2);
    for (left_idx, left) in vectors.iter().enumerate() {
        for right in &vectors[left_idx + 1..] {
            let distance: f64 = left
                .iter()
                .zip(right)
                .map(|(a, b)| (a - b) * (a - b))
                .sum::<f64>()
                .sqrt();
            dissimilarities.push(distance);
        }
    }
    let dendrogram = kodama::linkage(
        &mut dissimilarities,
        originals.len(),
        kodama::Method::Average,
    );
    // Replay all merges but the last: what is left are the two sides.
    let mut members: Vec<Vec<usize>> = (0..originals.len()).map(|idx| vec![idx]).collect();
    for step in dendrogram.steps().iter().take(originals.len() - 2) {
        let mut merged = std::mem::take(&mut members[step.cluster1]);
        merged.append(&mut members[step.cluster2]);
        members.push(merged);
    }
    let sides: Vec<Vec<usize>> = members
        .into_iter()
        .filter(|side| !side.is_empty())
        .map(|side| {
            let chosen: BTreeSet<usize> = side.iter().map(|&member| originals[member]).collect();
            // Sources as citation numbers, copies with their originals.
            independent
                .iter()
                .enumerate()
                .filter(|(_, original)| chosen.contains(original))
                .map(|(idx, _)| idx + 1)
                .collect()
        })
        .collect();
    Some(
        sides
            .iter()
            .map(|side| (inferred_label(inputs, side), side.clone()))
            .collect(),
    )
}

/// The framing features of the article at `idx`, unscaled: loaded words per 1,000, attributed
/// share, first person per 1,000, opinion, then each country's share of the quotes and the tone
/// toward each main entity in a fixed order.
fn features(inputs: &ReadingInputs<'_>, idx: usize) -> Vec<f64> {
    let source = idx + 1;
    let framing = inputs
        .framing
        .iter()
        .find(|framing| framing.source == source);
    let mut vector = vec![
        framing.map_or(0.0, |framing| framing.loaded_per_1000),
        framing.map_or(0.0, |framing| framing.attributed_share),
        framing.map_or(0.0, |framing| framing.first_person_per_1000),
        framing.map_or(0.0, |framing| {
            f64::from(u8::from(framing.genre == Genre::Opinion))
        }),
    ];
    let countries: BTreeSet<&String> = inputs
        .framing
        .iter()
        .flat_map(|framing| framing.voices_by_country.iter().map(|(country, _)| country))
        .collect();
    let n_quotes: usize = framing.map_or(0, |framing| {
        framing
            .voices_by_country
            .iter()
            .map(|(_, count)| count)
            .sum()
    });
    for country in &countries {
        let count = framing
            .and_then(|framing| {
                framing
                    .voices_by_country
                    .iter()
                    .find(|(other, _)| other == *country)
            })
            .map_or(0, |(_, count)| *count);
        vector.push(if n_quotes == 0 {
            0.0
        } else {
            count as f64 / n_quotes as f64
        });
    }
    let entities: BTreeSet<&String> = inputs
        .tone
        .iter()
        .flat_map(|tone| tone.entities.iter().map(|entity| &entity.entity))
        .collect();
    let own = inputs.tone.iter().find(|tone| tone.source == source);
    for entity in entities {
        vector.push(
            own.and_then(|tone| tone.entities.iter().find(|other| other.entity == *entity))
                .map_or(0.0, |tone| tone.score),
        );
    }
    vector
}

/// Each feature as standard scores across the sources; a feature that does not vary is 0.
fn standardized(vectors: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let n_features = vectors.first().map_or(0, Vec::len);
    let n = vectors.len() as f64;
    let mut scaled = vectors.to_vec();
    for feature in 0..n_features {
        let mean = vectors.iter().map(|vector| vector[feature]).sum::<f64>() / n;
        let variance = vectors
            .iter()
            .map(|vector| (vector[feature] - mean).powi(2))
            .sum::<f64>()
            / n;
        let deviation = variance.sqrt();
        for vector in &mut scaled {
            vector[feature] = if deviation > 0.0 {
                (vector[feature] - mean) / deviation
            } else {
                0.0
            };
        }
    }
    scaled
}

/// "inferred: quotes mostly OLT voices; 4.2 loaded words per 1,000".
fn inferred_label(inputs: &ReadingInputs<'_>, sources: &[usize]) -> String {
    let framings: Vec<&Framing> = inputs
        .framing
        .iter()
        .filter(|framing| sources.contains(&framing.source))
        .collect();
    let mut by_country: BTreeMap<&str, usize> = BTreeMap::new();
    for framing in &framings {
        for (country, count) in &framing.voices_by_country {
            *by_country.entry(country.as_str()).or_insert(0) += count;
        }
    }
    let loaded = if framings.is_empty() {
        0.0
    } else {
        framings
            .iter()
            .map(|framing| framing.loaded_per_1000)
            .sum::<f64>()
            / framings.len() as f64
    };
    let mut parts = vec!["inferred".to_string()];
    if let Some((country, _)) = by_country
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
    {
        parts.push(format!("quotes {country} voices most"));
    }
    parts.push(format!("{loaded:.1} loaded words per 1,000"));
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlets_file_parses_and_names_its_errors() {
        let outlets = Outlets::parse(
            "[[outlet]]\nname = \"The Daily Example\"\nleaning = \"left\"\n\n[[outlet]]\ndomain = \"wire.example\"\ncountry = \"NOR\"\n",
            "outlets.toml",
        )
        .expect("valid outlets");
        assert_eq!(outlets.outlets.len(), 2);
        assert_eq!(outlets.outlets[0].leaning.as_deref(), Some("left"));
        let unknown = Outlets::parse("[[outlet]]\nname = \"X\"\nslant = \"left\"\n", "o.toml")
            .expect_err("unknown field");
        assert!(
            unknown.to_string().starts_with("outlets file o.toml: "),
            "{unknown}"
        );
        let unmatchable = Outlets::parse("[[outlet]]\ncountry = \"NOR\"\n", "o.toml")
            .expect_err("no name or domain");
        assert_eq!(
            unmatchable.to_string(),
            "outlets file o.toml: outlet 1 has neither `name` nor `domain`"
        );
    }

    #[test]
    fn standardized_features_center_and_drop_constant_ones() {
        let scaled = standardized(&[vec![1.0, 5.0], vec![3.0, 5.0]]);
        assert_eq!(scaled, [vec![-1.0, 0.0], vec![1.0, 0.0]]);
    }
}
