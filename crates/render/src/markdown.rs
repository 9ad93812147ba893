//! The brief as Markdown.

use crate::json::reason_name;
use crate::text::markdown as escape;
use parallax_model::{Brief, DisputeKind, Severity, SideGrouping, SourceEntry};
use std::fmt::Write;

pub(crate) fn render(brief: &Brief) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail; the results are ignored for that reason.
    let _ = writeln!(out, "# Brief\n");
    let _ = writeln!(
        out,
        "{} sources · story `{}`\n",
        brief.sources.len(),
        brief.story
    );
    sources(&mut out, &brief.sources);
    summary(&mut out, brief);
    readings(&mut out, brief);
    consensus(&mut out, brief);
    disputes(&mut out, brief);
    single_source(&mut out, brief);
    voices(&mut out, brief);
    timeline(&mut out, brief);
    framing(&mut out, brief);
    tone(&mut out, brief);
    blind_spots(&mut out, brief);
    diagnostics(&mut out, brief);
    out
}

/// Citation marks of the sources numbered `numbers`, in their order, each once: "[2][4]" (a
/// source citing two of its sentences for one value is one source).
fn cited(numbers: impl Iterator<Item = usize>) -> String {
    let mut seen = std::collections::HashSet::new();
    numbers
        .filter(|number| seen.insert(*number))
        .map(|number| format!("[{number}]"))
        .collect()
}

fn sources(out: &mut String, sources: &[SourceEntry]) {
    let _ = writeln!(out, "## Sources\n");
    let _ = writeln!(
        out,
        "| # | Outlet | Title | Author | Date | Words | Language | Removed as boilerplate |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|---|---|");
    for source in sources {
        let mut outlet = escape(source.outlet.as_deref().unwrap_or(&source.input));
        if let Some(original) = source.duplicate_of {
            let _ = write!(outlet, " (copy of [{original}])");
        }
        let removed: Vec<String> = source
            .removed
            .iter()
            .map(|(reason, count)| format!("{} {count}", reason_name(*reason).replace('_', " ")))
            .collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            source.number,
            outlet,
            escape(source.title.as_deref().unwrap_or("—")),
            escape(&or_dash(&source.authors.join(", "))),
            source
                .published
                .map_or("—".to_string(), |date| date.to_string()),
            source.n_words,
            escape(source.language.as_deref().unwrap_or("—")),
            escape(&or_dash(&removed.join(", "))),
        );
    }
    let _ = writeln!(out);
}

fn summary(out: &mut String, brief: &Brief) {
    if brief.summary.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Summary\n");
    let sentences: Vec<String> = brief
        .summary
        .iter()
        .map(|sentence| {
            let sources = cited(sentence.sources.iter().copied());
            format!("{} {sources}", escape(&sentence.text))
        })
        .collect();
    let _ = writeln!(out, "{}\n", sentences.join(" "));
}

fn or_dash(text: &str) -> String {
    if text.is_empty() {
        "—".to_string()
    } else {
        text.to_string()
    }
}

fn consensus(out: &mut String, brief: &Brief) {
    let _ = writeln!(out, "## Consensus\n");
    agreed_facts(out, brief);
    if brief.consensus.is_empty() {
        let _ = writeln!(out, "No statement is made by more than one source.\n");
        return;
    }
    let _ = writeln!(
        out,
        "Statements that two or more independent sources make, each in its own words (a re-published copy counts with its original).\n"
    );
    let mut current = 0;
    for item in &brief.consensus {
        if item.n_independent != current {
            if current != 0 {
                let _ = writeln!(out);
            }
            current = item.n_independent;
            let _ = writeln!(out, "### Stated by {current} independent sources\n");
        }
        if item.in_clauses {
            let _ = writeln!(out, "- *clauses of longer sentences:*");
        }
        for (idx, citation) in item.citations.iter().enumerate() {
            let bullet = if idx == 0 && !item.in_clauses {
                "-"
            } else {
                "  -"
            };
            let _ = writeln!(
                out,
                "{bullet} [{}] {}",
                citation.source,
                escape(&citation.text)
            );
        }
    }
    let _ = writeln!(out);
}

fn agreed_facts(out: &mut String, brief: &Brief) {
    if brief.agreed_facts.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "Facts two or more independent sources give alike, each in its own words:\n"
    );
    for fact in &brief.agreed_facts {
        let values: Vec<String> = fact
            .values
            .iter()
            .map(|value| {
                let sources = cited(value.citations.iter().map(|citation| citation.source));
                format!("\"{}\" {sources}", escape(&value.value))
            })
            .collect();
        let _ = writeln!(
            out,
            "- **{}** ({}, {} independent sources): {}",
            escape(&fact.slot),
            dispute_kind_name(fact.kind),
            fact.n_independent,
            values.join(", ")
        );
        for citation in fact.values.iter().flat_map(|value| &value.citations) {
            let _ = writeln!(out, "  - [{}] {}", citation.source, escape(&citation.text));
        }
    }
    let _ = writeln!(out);
}

fn disputes(out: &mut String, brief: &Brief) {
    if brief.disputes.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Disputes\n");
    let _ = writeln!(
        out,
        "The same thing reported differently; values marked compatible can both be true.\n"
    );
    for dispute in &brief.disputes {
        let _ = writeln!(
            out,
            "### {} ({})\n",
            escape(&dispute.slot),
            dispute_kind_name(dispute.kind)
        );
        for side in &dispute.sides {
            let sources = cited(side.citations.iter().map(|citation| citation.source));
            let compatible: Vec<String> = side
                .compatible_with
                .iter()
                .filter_map(|other| dispute.sides.get(*other))
                .map(|other| format!("\"{}\"", escape(&other.value)))
                .collect();
            let note = if compatible.is_empty() {
                String::new()
            } else {
                format!(" (compatible with {})", compatible.join(", "))
            };
            let _ = writeln!(out, "- **{}** {sources}{note}", escape(&side.value));
            for citation in &side.citations {
                let _ = writeln!(out, "  - [{}] {}", citation.source, escape(&citation.text));
            }
        }
        let _ = writeln!(out);
    }
}

fn dispute_kind_name(kind: DisputeKind) -> &'static str {
    match kind {
        DisputeKind::Quantity => "number",
        DisputeKind::Date => "date",
        DisputeKind::Agent => "who",
        DisputeKind::Assertion => "asserted and contested",
    }
}

fn readings(out: &mut String, brief: &Brief) {
    let Some(readings) = &brief.readings else {
        return;
    };
    let _ = writeln!(out, "## Readings\n");
    let basis = match &readings.grouping {
        SideGrouping::Outlets { key } => {
            format!("Sources grouped by the outlets' {}", key.replace('_', " "))
        }
        SideGrouping::Inferred => {
            "Sides inferred from how alike the sources' framing is (no outlet metadata given)"
                .to_string()
        }
    };
    let _ = writeln!(out, "{basis}; each side in its own sources' words.\n");
    for side in &readings.sides {
        let sources = cited(side.sources.iter().copied());
        let _ = writeln!(out, "### {} {sources}\n", escape(&side.label));
        if side.summary.is_empty() {
            let _ = writeln!(out, "- —");
        }
        for sentence in &side.summary {
            let sources = cited(sentence.sources.iter().copied());
            let _ = writeln!(out, "- {} {sources}", escape(&sentence.text));
        }
        let _ = writeln!(out);
    }
}

fn tone(out: &mut String, brief: &Brief) {
    if brief.tone.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Tone toward the main actors\n");
    let _ = writeln!(
        out,
        "Loaded words each source uses in its own voice about each actor (quotes excluded): glorifying labels count as praise (+), the rest as blame (−); score from -1 to 1. Most of what a writer thinks shows in which facts are told, which no word list sees.\n"
    );
    let _ = writeln!(out, "| # | Actor | Score | Words |");
    let _ = writeln!(out, "|---|---|---|---|");
    for source in &brief.tone {
        for entity in &source.entities {
            let words: Vec<String> = entity
                .words
                .iter()
                .map(|word| format!("{}{}", if word.positive { "+" } else { "−" }, word.word))
                .collect();
            let _ = writeln!(
                out,
                "| [{}] | {} | {:+.2} | {} |",
                source.source,
                escape(&entity.entity),
                entity.score,
                escape(&words.join(", ")),
            );
        }
    }
    let _ = writeln!(out);
}

fn blind_spots(out: &mut String, brief: &Brief) {
    if brief.blind_spots.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Blind spots\n");
    let _ = writeln!(
        out,
        "What most other independent sources state and this source does not.\n"
    );
    for spots in &brief.blind_spots {
        let _ = writeln!(out, "- [{}] leaves out:", spots.source);
        for spot in &spots.missing {
            let _ = writeln!(
                out,
                "  - {} of {} others: [{}] {}",
                spot.n_independent,
                spot.n_others,
                spot.citation.source,
                escape(&spot.citation.text)
            );
        }
    }
    let _ = writeln!(out);
}

fn single_source(out: &mut String, brief: &Brief) {
    if brief.single_source.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Single-source claims\n");
    let _ = writeln!(
        out,
        "What only one independent source says, most central to the story first: worth a second look.\n"
    );
    for item in &brief.single_source {
        let speaker = item
            .speaker
            .as_deref()
            .map(|speaker| format!("(attributed to {}) ", escape(speaker)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "- [{}] {speaker}{}",
            item.citation.source,
            escape(&item.citation.text)
        );
    }
    let _ = writeln!(out);
}

fn voices(out: &mut String, brief: &Brief) {
    if brief.voices.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Voices\n");
    let _ = writeln!(
        out,
        "Who is quoted (in quotation marks) or paraphrased, and by which sources.\n"
    );
    let _ = writeln!(
        out,
        "| Speaker | Quoted | Paraphrased | Sources | Cue verbs |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|");
    for voice in &brief.voices {
        let speaker = if voice.anonymous {
            format!("{} (unnamed)", escape(&voice.speaker))
        } else {
            escape(&voice.speaker)
        };
        let sources: Vec<String> = voice
            .by_source
            .iter()
            .map(|source| format!("[{}]×{}", source.source, source.n_quotes))
            .collect();
        let _ = writeln!(
            out,
            "| {speaker} | {} | {} | {} | {} |",
            voice.n_direct,
            voice.n_indirect,
            sources.join(" "),
            escape(&or_dash(&voice.cues.join(", ")))
        );
    }
    let _ = writeln!(out);
}

fn timeline(out: &mut String, brief: &Brief) {
    if brief.timeline.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Timeline\n");
    let _ = writeln!(
        out,
        "Dated events, with each source's date resolved from its own publication date; for an undated article the year is inferred from the story's dated articles and marked so.\n"
    );
    for event in &brief.timeline {
        let sources = cited(event.mentions.iter().map(|mention| mention.citation.source));
        let flag = if event.disputed {
            " — dates disputed"
        } else {
            ""
        };
        let inferred = if event.mentions.iter().all(|mention| mention.year_inferred) {
            " (year inferred)"
        } else {
            ""
        };
        let what = event
            .mentions
            .first()
            .map_or(String::new(), |mention| escape(&mention.citation.text));
        let _ = writeln!(
            out,
            "- **{}**{inferred}{flag} {sources}: {what}",
            escape(&parallax_model::readable_date(&event.date))
        );
        if event.disputed {
            for mention in &event.mentions {
                let _ = writeln!(
                    out,
                    "  - [{}] {} (\"{}\")",
                    mention.citation.source,
                    escape(&parallax_model::readable_date(&mention.date)),
                    escape(&mention.expression)
                );
            }
        }
    }
    let _ = writeln!(out);
}

fn framing(out: &mut String, brief: &Brief) {
    if brief.framing.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Framing\n");
    let _ = writeln!(
        out,
        "How each source tells it: genre, how much it attributes, hedges, loaded words in its own voice (not in quotes), and whose officials it quotes.\n"
    );
    let _ = writeln!(
        out,
        "| # | Genre | Attributed | Hedged claims | Loaded words per 1,000 | Loaded words | Quotes by country |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|---|");
    for framing in &brief.framing {
        let genre = match framing.genre {
            parallax_model::Genre::News => "news",
            parallax_model::Genre::Opinion => "opinion",
            parallax_model::Genre::Analysis => "analysis",
        };
        let genre = if framing.genre_signals.is_empty() {
            genre.to_string()
        } else {
            format!("{genre} ({})", framing.genre_signals.join("; "))
        };
        let words: Vec<String> = framing
            .loaded_words
            .iter()
            .take(8)
            .map(|word| format!("{} ×{}", word.word, word.spans.len()))
            .collect();
        let countries: Vec<String> = framing
            .voices_by_country
            .iter()
            .map(|(country, count)| format!("{country} {count}"))
            .collect();
        let _ = writeln!(
            out,
            "| [{}] | {} | {:.0}% of {} | {} | {:.1} | {} | {} |",
            framing.source,
            escape(&genre),
            framing.attributed_share * 100.0,
            framing.n_claims,
            framing.n_hedged,
            framing.loaded_per_1000,
            escape(&or_dash(&words.join(", "))),
            escape(&or_dash(&countries.join(", "))),
        );
    }
    let _ = writeln!(out);
}

fn diagnostics(out: &mut String, brief: &Brief) {
    if brief.diagnostics.is_empty() {
        return;
    }
    let _ = writeln!(out, "## Inputs with problems\n");
    for diagnostic in &brief.diagnostics {
        let severity = match diagnostic.severity {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "skipped",
        };
        let _ = writeln!(
            out,
            "- {severity}: `{}`: {}",
            escape(&diagnostic.input).replace('`', "'"),
            escape(&diagnostic.message)
        );
    }
    let _ = writeln!(out);
}
