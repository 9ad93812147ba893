//! Summary: a neutral account of the story in a few sentences, each citing its sources.
//!
//! Extractive: corroborated statements come first, in the order consensus ranks them (most
//! independent sources first), each in the wording that is most neutral among its sources:
//! fewest loaded words, words of denial or verdict and first-person words, then shortest. A
//! direct quote is never chosen: it is someone's position rather than a fact. Then what the sources dispute, stated as disputed, every side quoted with its
//! sources. The summary never takes a side: a disputed value never appears as a plain fact.

use crate::framing::n_loaded_words;
use parallax_model::{Citation, ConsensusItem, Dispute, Span, SummaryKind, SummarySentence};

/// At most this many sentences of a summary state disputes.
const MAX_DISPUTED: usize = 2;

/// A summary of at most `n_sentences` sentences from the brief's consensus and disputes.
pub fn summary(
    consensus: &[ConsensusItem],
    disputes: &[Dispute],
    n_sentences: usize,
) -> Vec<SummarySentence> {
    let n_disputed = disputes.len().min(MAX_DISPUTED).min(n_sentences / 2);
    let n_corroborated = n_sentences.saturating_sub(n_disputed);
    let mut sentences: Vec<SummarySentence> = consensus
        .iter()
        .filter_map(corroborated)
        .take(n_corroborated)
        .collect();
    sentences.extend(disputes.iter().take(n_disputed).map(disputed));
    sentences
}

fn corroborated(item: &ConsensusItem) -> Option<SummarySentence> {
    let wording = item
        .citations
        .iter()
        .filter(|citation| !starts_with_quote(&citation.text))
        .min_by_key(|citation| {
            let judged = n_loaded_words(&citation.text) + n_verdict_words(&citation.text);
            (judged, citation.text.chars().count())
        })?;
    let mut sources: Vec<usize> = item
        .citations
        .iter()
        .map(|citation| citation.source)
        .collect();
    sources.dedup();
    Some(SummarySentence {
        text: wording.text.clone(),
        kind: SummaryKind::Corroborated,
        sources,
        spans: item
            .citations
            .iter()
            .map(|citation| citation.span.clone())
            .collect(),
    })
}

/// Words that deny or judge a statement, or speak in the writer's own person, rather than make
/// it: a wording that carries them is one side's verdict, not the common ground.
const VERDICT_WORDS: &[&str] = &[
    "not",
    "never",
    "no",
    "untrue",
    "false",
    "denied",
    "denies",
    "deny",
    "simply",
    "claim",
    "claims",
    "claimed",
    "supposedly",
    "allegedly",
    "so-called",
];

/// The writer's own person: it marks a view more surely than a denial does ("asked not to be
/// named" is reporting), so it counts double.
const FIRST_PERSON: &[&str] = &["i", "me", "my", "we", "our"];

fn n_verdict_words(text: &str) -> usize {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .map(|word| {
            let word = word.to_lowercase();
            if FIRST_PERSON.contains(&word.as_str()) {
                2
            } else {
                usize::from(VERDICT_WORDS.contains(&word.as_str()))
            }
        })
        .sum()
}

fn starts_with_quote(text: &str) -> bool {
    text.starts_with(['"', '\u{201c}', '\u{ab}', '\u{201e}', '\''])
}

fn disputed(dispute: &Dispute) -> SummarySentence {
    let sides: Vec<String> = dispute
        .sides
        .iter()
        .map(|side| {
            let mut sources: Vec<String> = side
                .citations
                .iter()
                .map(|citation| citation.source.to_string())
                .collect();
            sources.dedup();
            let label = if sources.len() == 1 {
                "source"
            } else {
                "sources"
            };
            format!(
                "\u{201c}{}\u{201d} ({label} {})",
                side.value,
                sources.join(", ")
            )
        })
        .collect();
    let citations: Vec<&Citation> = dispute
        .sides
        .iter()
        .flat_map(|side| &side.citations)
        .collect();
    let mut sources: Vec<usize> = citations.iter().map(|citation| citation.source).collect();
    sources.sort_unstable();
    sources.dedup();
    let spans: Vec<Span> = citations
        .iter()
        .map(|citation| citation.span.clone())
        .collect();
    SummarySentence {
        text: format!(
            "Sources give different figures for {}: {}.",
            dispute.slot,
            sides.join("; ")
        ),
        kind: SummaryKind::Disputed,
        sources,
        spans,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::{ArticleId, DisputeKind, DisputeSide};

    fn citation(source: usize, text: &str) -> Citation {
        Citation {
            source,
            span: Span::new(ArticleId(format!("{source}")), 0, text.len()),
            text: text.to_string(),
        }
    }

    #[test]
    fn neutral_wording_first_then_disputes_attributed() {
        let consensus = vec![ConsensusItem {
            n_articles: 3,
            n_independent: 3,
            citations: vec![
                citation(1, "The reckless regime closed the port on Monday."),
                citation(2, "\u{201c}We closed the port,\u{201d} the minister said."),
                citation(
                    3,
                    "Authorities closed the port on Monday after the strike began.",
                ),
            ],
        }];
        let disputes = vec![Dispute {
            slot: "workers".into(),
            kind: DisputeKind::Quantity,
            sides: vec![
                DisputeSide {
                    value: "fewer than 1,500 workers".into(),
                    compatible_with: vec![],
                    citations: vec![citation(2, "a")],
                },
                DisputeSide {
                    value: "about 4,000 workers".into(),
                    compatible_with: vec![],
                    citations: vec![citation(1, "b"), citation(3, "c")],
                },
            ],
        }];
        let found = summary(&consensus, &disputes, 4);
        let texts: Vec<(&str, Vec<usize>)> = found
            .iter()
            .map(|sentence| (sentence.text.as_str(), sentence.sources.clone()))
            .collect();
        assert_eq!(
            texts,
            [
                (
                    "Authorities closed the port on Monday after the strike began.",
                    vec![1, 2, 3]
                ),
                (
                    "Sources give different figures for workers: \u{201c}fewer than 1,500 workers\u{201d} (source 2); \u{201c}about 4,000 workers\u{201d} (sources 1, 3).",
                    vec![1, 2, 3]
                ),
            ]
        );
    }
}
