//! The JSON brief: a public, versioned schema.
//!
//! `parallax brief --format json` prints one [`BriefJson`] object. Fields are only ever added
//! within a `schema_version`; a removal or change of meaning bumps it. Absent values are `null`,
//! never omitted, so scripts can rely on every key being there. Sections the pipeline does not
//! build yet are not keys at all.

use parallax_model::{
    AgreedFact, BlindSpots, Brief, Citation, ConsensusItem, Diagnostic, Dispute, DisputeKind,
    Framing, Genre, Readings, SideGrouping, SourceEntry, SourceTone, SummaryKind, SummarySentence,
    TimelineEvent, Voice,
};
use serde::Serialize;
use std::collections::BTreeMap;

/// The version of this schema.
pub const SCHEMA_VERSION: u32 = 1;

/// The whole brief.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BriefJson {
    /// Version of the schema, [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Id of the story: a hash of its articles' ids.
    pub story: String,
    /// The articles, in citation order.
    pub sources: Vec<SourceJson>,
    /// A neutral summary: corroborated statements first, then disputes stated as disputed.
    pub summary: Vec<SummarySentenceJson>,
    /// Statements made by two or more articles, most widely stated first.
    pub consensus: Vec<ConsensusJson>,
    /// Facts two or more independent sources give alike (the same number, the same actor),
    /// most widely given first. Added in schema 1.
    pub agreed_facts: Vec<AgreedFactJson>,
    /// Slots the sources fill differently, most widely reported first.
    pub disputes: Vec<DisputeJson>,
    /// Statements only one independent source makes, most central first.
    pub single_source: Vec<SingleSourceJson>,
    /// Who is quoted or paraphrased, most quoted first.
    pub voices: Vec<VoiceJson>,
    /// Dated events, earliest first.
    pub timeline: Vec<TimelineEventJson>,
    /// How each source frames the story, in source order.
    pub framing: Vec<FramingJson>,
    /// Per source, the tone of its own words near the story's main entities (quotes excluded),
    /// in source order; sources with no toned words near them are left out. Added in schema 1.
    pub tone: Vec<SourceToneJson>,
    /// Per source, what more than half of the other independent sources state and it does
    /// not, in source order; sources without blind spots are left out. Added in schema 1.
    pub blind_spots: Vec<BlindSpotsJson>,
    /// The sources grouped into sides, each with a short summary citing only its sources (the
    /// polarized readings); `null` when fewer than two sides form. Added in schema 1.
    pub readings: Option<ReadingsJson>,
    /// Inputs that were skipped or read with trouble.
    pub diagnostics: Vec<DiagnosticJson>,
}

/// One article.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SourceJson {
    /// Citation number, from 1: `[3]` in the brief means the source whose number is 3.
    pub number: usize,
    /// Article id: 16 hex digits, stable for the same clean text.
    pub article: String,
    /// The input as the user named it (a path, `-` for stdin, `feed#itemN` for a feed item).
    pub input: String,
    /// The outlet.
    pub outlet: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// Bylines.
    pub authors: Vec<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// ISO 639-1 language code.
    pub language: Option<String>,
    /// Words in the clean text.
    pub n_words: usize,
    /// Boilerplate blocks removed, counted by reason (`caption`, `widget`, `related`, …).
    pub removed: BTreeMap<String, usize>,
    /// Number of the source this one re-publishes with small edits (a wire story on an
    /// aggregator); the two count as one source of evidence.
    pub duplicate_of: Option<usize>,
}

/// A statement several articles make.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConsensusJson {
    /// How many distinct articles make it.
    pub n_articles: usize,
    /// How many independent sources make it: a near-duplicate and its original count once.
    pub n_independent: usize,
    /// Where each article makes it.
    pub citations: Vec<CitationJson>,
    /// Whether the articles agree on clauses of longer sentences (the citations are the
    /// clauses) rather than on whole sentences. Added in schema 1.
    pub in_clauses: bool,
}

/// A pointer into one article's clean text.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CitationJson {
    /// Citation number of the source.
    pub source: usize,
    /// Article id of the source.
    pub article: String,
    /// First byte of the cited text in the article's clean text.
    pub start: usize,
    /// Byte after the last of the cited text.
    pub end: usize,
    /// The cited text.
    pub text: String,
}

/// A person or body quoted or paraphrased.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VoiceJson {
    /// The fullest name given, or the description of an unnamed source.
    pub speaker: String,
    /// Whether the source is unnamed ("a senior official").
    pub anonymous: bool,
    /// Quotes in quotation marks.
    pub n_direct: usize,
    /// Reported speech.
    pub n_indirect: usize,
    /// Cue verbs as written, most frequent first.
    pub cues: Vec<String>,
    /// Citation number of each source that quotes the speaker, with its count.
    pub by_source: Vec<VoiceSourceJson>,
    /// The content of every quote.
    pub citations: Vec<CitationJson>,
}

/// How often one source quotes a speaker.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VoiceSourceJson {
    /// Citation number of the source.
    pub source: usize,
    /// Quotes of the speaker in it.
    pub n_quotes: usize,
}

impl From<&Voice> for VoiceJson {
    fn from(voice: &Voice) -> VoiceJson {
        VoiceJson {
            speaker: voice.speaker.clone(),
            anonymous: voice.anonymous,
            n_direct: voice.n_direct,
            n_indirect: voice.n_indirect,
            cues: voice.cues.clone(),
            by_source: voice
                .by_source
                .iter()
                .map(|source| VoiceSourceJson {
                    source: source.source,
                    n_quotes: source.n_quotes,
                })
                .collect(),
            citations: voice.citations.iter().map(CitationJson::from).collect(),
        }
    }
}

/// One sentence of the summary.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SummarySentenceJson {
    /// The sentence.
    pub text: String,
    /// `corroborated` (two or more independent sources), `disputed` (every side attributed) or
    /// `single_source` (one independent source, cited).
    pub kind: String,
    /// Citation numbers of its sources.
    pub sources: Vec<usize>,
    /// The sources' words it stands on: article id and byte range.
    pub spans: Vec<SpanJson>,
}

/// A byte range of one article's clean text.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SpanJson {
    /// Article id.
    pub article: String,
    /// First byte.
    pub start: usize,
    /// Byte after the last.
    pub end: usize,
}

impl From<&SummarySentence> for SummarySentenceJson {
    fn from(sentence: &SummarySentence) -> SummarySentenceJson {
        let kind = match sentence.kind {
            SummaryKind::Corroborated => "corroborated",
            SummaryKind::Disputed => "disputed",
            SummaryKind::SingleSource => "single_source",
        };
        SummarySentenceJson {
            text: sentence.text.clone(),
            kind: kind.to_string(),
            sources: sentence.sources.clone(),
            spans: sentence
                .spans
                .iter()
                .map(|span| SpanJson {
                    article: span.article.to_string(),
                    start: span.start,
                    end: span.end,
                })
                .collect(),
        }
    }
}

/// A statement only one independent source makes.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SingleSourceJson {
    /// Share of its content words other articles of the story use too, 0 to 1.
    pub centrality: f64,
    /// The sentence.
    pub citation: CitationJson,
    /// Whose words the sentence gives, as the voices show them, when it is a quote's content
    /// that does not name its speaker itself ("…,” he said."); `null` otherwise. Added in
    /// schema 1.
    pub speaker: Option<String>,
}

/// A slot the sources fill differently.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DisputeJson {
    /// What is disputed, in the sources' words ("troops").
    pub slot: String,
    /// `quantity` (a number), `date` (when), `agent` (who did it) or `assertion` (a statement
    /// some sources make and others deny or doubt; its sides' values are `asserted`, `denied`
    /// and `doubted`). Further kinds may be added within this schema version.
    pub kind: String,
    /// Each value with its sources; at least two sides cannot both be true.
    pub sides: Vec<DisputeSideJson>,
}

/// One value of a disputed slot.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DisputeSideJson {
    /// The value as written ("about 4,000 workers").
    pub value: String,
    /// Indexes into `sides` of the sides this one can be reconciled with.
    pub compatible_with: Vec<usize>,
    /// The sentence of each source that gives this value.
    pub citations: Vec<CitationJson>,
}

/// The name of a slot's kind in the schema.
fn kind_name(kind: DisputeKind) -> &'static str {
    match kind {
        DisputeKind::Quantity => "quantity",
        DisputeKind::Date => "date",
        DisputeKind::Agent => "agent",
        DisputeKind::Assertion => "assertion",
    }
}

impl From<&Dispute> for DisputeJson {
    fn from(dispute: &Dispute) -> DisputeJson {
        DisputeJson {
            slot: dispute.slot.clone(),
            kind: kind_name(dispute.kind).to_string(),
            sides: dispute
                .sides
                .iter()
                .map(|side| DisputeSideJson {
                    value: side.value.clone(),
                    compatible_with: side.compatible_with.clone(),
                    citations: side.citations.iter().map(CitationJson::from).collect(),
                })
                .collect(),
        }
    }
}

/// A slot two or more independent sources fill alike.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgreedFactJson {
    /// What is agreed on, in the sources' words ("length of the call", "who asked for the
    /// call").
    pub slot: String,
    /// `quantity` (a number) or `agent` (who did it); the kinds of [`DisputeJson`].
    pub kind: String,
    /// How many independent sources give it (a re-published copy counts with its original).
    pub n_independent: usize,
    /// Each wording of the value with the sentences that give it; every value can be true
    /// with every other.
    pub values: Vec<AgreedValueJson>,
}

/// One wording of an agreed value.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AgreedValueJson {
    /// The value as written ("50-minute").
    pub value: String,
    /// The sentence of each source that gives it.
    pub citations: Vec<CitationJson>,
}

impl From<&AgreedFact> for AgreedFactJson {
    fn from(fact: &AgreedFact) -> AgreedFactJson {
        AgreedFactJson {
            slot: fact.slot.clone(),
            kind: kind_name(fact.kind).to_string(),
            n_independent: fact.n_independent,
            values: fact
                .values
                .iter()
                .map(|value| AgreedValueJson {
                    value: value.value.clone(),
                    citations: value.citations.iter().map(CitationJson::from).collect(),
                })
                .collect(),
        }
    }
}

/// How one source frames the story.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FramingJson {
    /// Citation number of the source.
    pub source: usize,
    /// `news`, `opinion` or `analysis`.
    pub genre: String,
    /// What decided the genre.
    pub genre_signals: Vec<String>,
    /// Claims in the article.
    pub n_claims: usize,
    /// Share of claims attributed to someone, 0 to 1.
    pub attributed_share: f64,
    /// First-person singular words in the article's own voice per 1,000 words.
    pub first_person_per_1000: f64,
    /// Hedged claims.
    pub n_hedged: usize,
    /// Loaded words per 1,000 words.
    pub loaded_per_1000: f64,
    /// Loaded and emotive words in the article's own voice, most frequent first.
    pub loaded_words: Vec<LoadedWordJson>,
    /// Quotes by the speaker's country (ISO 3166 alpha-3), most quoted first.
    pub voices_by_country: Vec<CountryCountJson>,
}

/// A loaded word and its uses.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoadedWordJson {
    /// The word as the lexicon lists it.
    pub word: String,
    /// Byte ranges `[start, end]` of each use in the article's clean text.
    pub spans: Vec<[usize; 2]>,
}

/// Quotes of speakers from one country.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CountryCountJson {
    /// ISO 3166 alpha-3 code.
    pub country: String,
    /// Quotes.
    pub n_quotes: usize,
}

impl From<&Framing> for FramingJson {
    fn from(framing: &Framing) -> FramingJson {
        let genre = match framing.genre {
            Genre::News => "news",
            Genre::Opinion => "opinion",
            Genre::Analysis => "analysis",
        };
        FramingJson {
            source: framing.source,
            genre: genre.to_string(),
            genre_signals: framing.genre_signals.clone(),
            n_claims: framing.n_claims,
            attributed_share: framing.attributed_share,
            first_person_per_1000: framing.first_person_per_1000,
            n_hedged: framing.n_hedged,
            loaded_per_1000: framing.loaded_per_1000,
            loaded_words: framing
                .loaded_words
                .iter()
                .map(|word| LoadedWordJson {
                    word: word.word.clone(),
                    spans: word
                        .spans
                        .iter()
                        .map(|span| [span.start, span.end])
                        .collect(),
                })
                .collect(),
            voices_by_country: framing
                .voices_by_country
                .iter()
                .map(|(country, n_quotes)| CountryCountJson {
                    country: country.clone(),
                    n_quotes: *n_quotes,
                })
                .collect(),
        }
    }
}

/// An event on the timeline.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimelineEventJson {
    /// The date most sources give: a TIMEX3 value (`2026-03-11`, `2026-03`, `2026-W11`) or a
    /// range `start/end`.
    pub date: String,
    /// Whether some source gives a date that cannot be the same.
    pub disputed: bool,
    /// Each source's sentence and the date it gives.
    pub mentions: Vec<TimelineMentionJson>,
}

/// One source dating an event.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimelineMentionJson {
    /// The date this source gives.
    pub date: String,
    /// The time expression as written.
    pub expression: String,
    /// Whether the year was inferred from the story's dated articles (the article has no date
    /// and the expression gives no year).
    pub year_inferred: bool,
    /// The sentence.
    pub citation: CitationJson,
}

impl From<&TimelineEvent> for TimelineEventJson {
    fn from(event: &TimelineEvent) -> TimelineEventJson {
        TimelineEventJson {
            date: event.date.clone(),
            disputed: event.disputed,
            mentions: event
                .mentions
                .iter()
                .map(|mention| TimelineMentionJson {
                    date: mention.date.clone(),
                    expression: mention.expression.clone(),
                    year_inferred: mention.year_inferred,
                    citation: CitationJson::from(&mention.citation),
                })
                .collect(),
        }
    }
}

/// Trouble with one input.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DiagnosticJson {
    /// `note`, `warning` (part of the input unused) or `error` (input skipped).
    pub severity: String,
    /// The input as the user named it.
    pub input: String,
    /// What happened.
    pub message: String,
}

impl From<&Brief> for BriefJson {
    fn from(brief: &Brief) -> BriefJson {
        BriefJson {
            schema_version: SCHEMA_VERSION,
            story: brief.story.to_string(),
            sources: brief.sources.iter().map(SourceJson::from).collect(),
            summary: brief
                .summary
                .iter()
                .map(SummarySentenceJson::from)
                .collect(),
            consensus: brief.consensus.iter().map(ConsensusJson::from).collect(),
            agreed_facts: brief
                .agreed_facts
                .iter()
                .map(AgreedFactJson::from)
                .collect(),
            disputes: brief.disputes.iter().map(DisputeJson::from).collect(),
            single_source: brief
                .single_source
                .iter()
                .map(|item| SingleSourceJson {
                    centrality: item.centrality,
                    citation: CitationJson::from(&item.citation),
                    speaker: item.speaker.clone(),
                })
                .collect(),
            voices: brief.voices.iter().map(VoiceJson::from).collect(),
            timeline: brief.timeline.iter().map(TimelineEventJson::from).collect(),
            framing: brief.framing.iter().map(FramingJson::from).collect(),
            tone: brief.tone.iter().map(SourceToneJson::from).collect(),
            blind_spots: brief.blind_spots.iter().map(BlindSpotsJson::from).collect(),
            readings: brief.readings.as_ref().map(ReadingsJson::from),
            diagnostics: brief.diagnostics.iter().map(DiagnosticJson::from).collect(),
        }
    }
}

impl From<&SourceEntry> for SourceJson {
    fn from(source: &SourceEntry) -> SourceJson {
        SourceJson {
            number: source.number,
            article: source.article.to_string(),
            input: source.input.clone(),
            outlet: source.outlet.clone(),
            title: source.title.clone(),
            authors: source.authors.clone(),
            published: source
                .published
                .map(|date| date.format("%Y-%m-%d").to_string()),
            language: source.language.clone(),
            n_words: source.n_words,
            removed: source
                .removed
                .iter()
                .map(|(reason, count)| (reason_name(*reason), *count))
                .collect(),
            duplicate_of: source.duplicate_of,
        }
    }
}

/// The snake_case name of a removal reason, as the model serializes it.
pub(crate) fn reason_name(reason: parallax_model::RemovalReason) -> String {
    serde_json::to_value(reason)
        .ok()
        .and_then(|value| value.as_str().map(str::to_string))
        .unwrap_or_else(|| format!("{reason:?}").to_lowercase())
}

impl From<&ConsensusItem> for ConsensusJson {
    fn from(item: &ConsensusItem) -> ConsensusJson {
        ConsensusJson {
            n_articles: item.n_articles,
            n_independent: item.n_independent,
            citations: item.citations.iter().map(CitationJson::from).collect(),
            in_clauses: item.in_clauses,
        }
    }
}

impl From<&Citation> for CitationJson {
    fn from(citation: &Citation) -> CitationJson {
        CitationJson {
            source: citation.source,
            article: citation.span.article.to_string(),
            start: citation.span.start,
            end: citation.span.end,
            text: citation.text.clone(),
        }
    }
}

impl From<&Diagnostic> for DiagnosticJson {
    fn from(diagnostic: &Diagnostic) -> DiagnosticJson {
        let severity = match diagnostic.severity {
            parallax_model::Severity::Note => "note",
            parallax_model::Severity::Warning => "warning",
            parallax_model::Severity::Error => "error",
        };
        DiagnosticJson {
            severity: severity.to_string(),
            input: diagnostic.input.clone(),
            message: diagnostic.message.clone(),
        }
    }
}

/// How one source's own words sound near the story's main entities.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SourceToneJson {
    /// Citation number of the source.
    pub source: usize,
    /// One row per main entity with toned words near it, most toned first.
    pub entities: Vec<EntityToneJson>,
}

/// The tone of one source toward one entity.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EntityToneJson {
    /// The entity, by its fullest name in the story.
    pub entity: String,
    /// From -1 (only words of blame) to 1 (only words of praise): (positive - negative) / all.
    pub score: f64,
    /// Loaded words of praise about it.
    pub n_positive: usize,
    /// Loaded words of blame about it.
    pub n_negative: usize,
    /// The loaded words of the source's own voice about it, in text order.
    pub words: Vec<TonedWordJson>,
}

/// A loaded word about an entity.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TonedWordJson {
    /// The word as written.
    pub word: String,
    /// Whether it counts as praise (a glorifying label, or a word of blame after "not").
    pub positive: bool,
    /// Where it is.
    pub span: SpanJson,
}

impl From<&SourceTone> for SourceToneJson {
    fn from(tone: &SourceTone) -> SourceToneJson {
        SourceToneJson {
            source: tone.source,
            entities: tone
                .entities
                .iter()
                .map(|entity| EntityToneJson {
                    entity: entity.entity.clone(),
                    score: entity.score,
                    n_positive: entity.n_positive,
                    n_negative: entity.n_negative,
                    words: entity
                        .words
                        .iter()
                        .map(|word| TonedWordJson {
                            word: word.word.clone(),
                            positive: word.positive,
                            span: SpanJson {
                                article: word.span.article.to_string(),
                                start: word.span.start,
                                end: word.span.end,
                            },
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

/// What one source leaves out.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BlindSpotsJson {
    /// Citation number of the source.
    pub source: usize,
    /// The statements it leaves out, most widely stated first.
    pub missing: Vec<BlindSpotJson>,
}

/// One statement a source leaves out.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BlindSpotJson {
    /// Independent sources that state it.
    pub n_independent: usize,
    /// Independent sources other than this one (its copies count with it).
    pub n_others: usize,
    /// One source's wording of it.
    pub citation: CitationJson,
}

impl From<&BlindSpots> for BlindSpotsJson {
    fn from(spots: &BlindSpots) -> BlindSpotsJson {
        BlindSpotsJson {
            source: spots.source,
            missing: spots
                .missing
                .iter()
                .map(|spot| BlindSpotJson {
                    n_independent: spot.n_independent,
                    n_others: spot.n_others,
                    citation: CitationJson::from(&spot.citation),
                })
                .collect(),
        }
    }
}

/// The sources grouped into sides, each with its own summary.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReadingsJson {
    /// `outlets` (grouped by a field of the outlet metadata the user gave) or `inferred`
    /// (clustered by framing: loaded words, attribution, quotes by country, tone).
    pub grouping: String,
    /// For `outlets`, the field: `leaning`, `country`, `ownership` or `state_affiliation`;
    /// `null` when inferred.
    pub key: Option<String>,
    /// The sides, the one with most sources first.
    pub sides: Vec<SideJson>,
}

/// One side.
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SideJson {
    /// The field's value ("left"; "unlisted" for sources no outlet matched), or for an
    /// inferred side what sets it apart, starting with "inferred".
    pub label: String,
    /// Citation numbers of its sources.
    pub sources: Vec<usize>,
    /// A short summary citing only its sources.
    pub summary: Vec<SummarySentenceJson>,
}

impl From<&Readings> for ReadingsJson {
    fn from(readings: &Readings) -> ReadingsJson {
        let (grouping, key) = match &readings.grouping {
            SideGrouping::Outlets { key } => ("outlets", Some(key.clone())),
            SideGrouping::Inferred => ("inferred", None),
        };
        ReadingsJson {
            grouping: grouping.to_string(),
            key,
            sides: readings
                .sides
                .iter()
                .map(|side| SideJson {
                    label: side.label.clone(),
                    sources: side.sources.clone(),
                    summary: side.summary.iter().map(SummarySentenceJson::from).collect(),
                })
                .collect(),
        }
    }
}
