//! [`Brief`]: what the user reads.
//!
//! A section that the pipeline does not build yet is not a field here: the brief never shows an
//! empty stand-in for work that was not done.

use crate::{ArticleId, Diagnostic, RemovalReason, Span, StoryId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The brief of one story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Brief {
    /// The story it briefs.
    pub story: StoryId,
    /// The articles, numbered from 1 in the order citations use.
    pub sources: Vec<SourceEntry>,
    /// A neutral summary: corroborated statements first, then what the sources dispute; every
    /// sentence cites its sources.
    pub summary: Vec<SummarySentence>,
    /// What several articles say, most widely stated first.
    pub consensus: Vec<ConsensusItem>,
    /// Facts two or more independent sources give alike (the same number, the same actor),
    /// each source in its own words, most widely given first: the other face of [`Self::disputes`].
    #[serde(default)]
    pub agreed_facts: Vec<AgreedFact>,
    /// Who is quoted or paraphrased, most often quoted first; empty when no article quotes
    /// anyone.
    pub voices: Vec<Voice>,
    /// Slots the sources fill differently, most widely reported first.
    pub disputes: Vec<Dispute>,
    /// Statements only one independent source makes, most central to the story first: the
    /// place a reader should look twice.
    pub single_source: Vec<SingleSourceItem>,
    /// Dated events, earliest first.
    pub timeline: Vec<TimelineEvent>,
    /// How each source frames the story, in source order.
    pub framing: Vec<Framing>,
    /// Per source, the tone of its own words near the story's main entities, in source order;
    /// sources that say nothing toned near them are left out.
    #[serde(default)]
    pub tone: Vec<SourceTone>,
    /// Per source, what most other independent sources state and it does not, in source order;
    /// sources without blind spots are left out.
    #[serde(default)]
    pub blind_spots: Vec<BlindSpots>,
    /// The sources grouped into sides, each with a short summary of its own: the polarized
    /// readings. `None` when the story has too few sources to form two sides.
    #[serde(default)]
    pub readings: Option<Readings>,
    /// Inputs that were skipped or read with trouble.
    pub diagnostics: Vec<Diagnostic>,
}

/// One row of the sources table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceEntry {
    /// Citation number, from 1.
    pub number: usize,
    /// The article.
    pub article: ArticleId,
    /// The input it was read from, as the user named it.
    pub input: String,
    /// The outlet, when known.
    pub outlet: Option<String>,
    /// The headline, when known.
    pub title: Option<String>,
    /// Bylines.
    pub authors: Vec<String>,
    /// Publication date, when known.
    pub published: Option<NaiveDate>,
    /// ISO 639-1 language code, when known.
    pub language: Option<String>,
    /// Words in the clean text.
    pub n_words: usize,
    /// Blocks removed as boilerplate, counted by reason.
    pub removed: BTreeMap<RemovalReason, usize>,
    /// Citation number of the source this article re-publishes with small edits, when it is a
    /// near-duplicate ([`Article::duplicate_of`](crate::Article::duplicate_of)).
    #[serde(default)]
    pub duplicate_of: Option<usize>,
}

/// A statement made by several articles, each in its own words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConsensusItem {
    /// How many distinct articles state it.
    pub n_articles: usize,
    /// How many independent sources state it: a near-duplicate counts with the article it
    /// re-publishes, as one.
    pub n_independent: usize,
    /// Where each article states it, by citation number.
    pub citations: Vec<Citation>,
    /// Whether the articles agree on clauses of longer sentences rather than on whole
    /// sentences: the citations are then the clauses (one with no subject of its own shown from
    /// its sentence's start), and the rest of each sentence is not corroborated by this item.
    #[serde(default)]
    pub in_clauses: bool,
}

/// A slot that two or more independent sources fill alike: every value given can be true with
/// every other ("about 10,000" and "10,000"; "the Russian leader" and the named president).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgreedFact {
    /// What is agreed on, in the sources' words ("troops", "who asked for the call").
    pub slot: String,
    /// What kind of slot.
    pub kind: DisputeKind,
    /// How many independent sources give it: a near-duplicate counts with its original.
    pub n_independent: usize,
    /// Each wording of the value, with the sentences that give it.
    pub values: Vec<AgreedValue>,
}

/// One wording of an agreed value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgreedValue {
    /// The value as the sources write it ("50-minute", "the Russian leader").
    pub value: String,
    /// Where each source gives it: the sentence.
    pub citations: Vec<Citation>,
}

/// A pointer from a brief item to the words of one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// Citation number of the article in [`Brief::sources`].
    pub source: usize,
    /// Where the words are.
    pub span: Span,
    /// The words, copied for display.
    pub text: String,
}

impl Citation {
    /// Whether `other` cites the same source at a place that overlaps this one (a sentence and
    /// a clause of it, say).
    pub fn overlaps(&self, other: &Citation) -> bool {
        self.source == other.source
            && self.span.start < other.span.end
            && other.span.start < self.span.end
    }
}

/// One person or body quoted or paraphrased in the story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Voice {
    /// The fullest name the articles give ("Transport Minister Jane Doe"), or the description of
    /// an unnamed source ("a senior ministry official").
    pub speaker: String,
    /// Whether the source is unnamed.
    pub anonymous: bool,
    /// Quotes in quotation marks.
    pub n_direct: usize,
    /// Reported speech.
    pub n_indirect: usize,
    /// Cue verbs as written, most frequent first ("said", "warned").
    pub cues: Vec<String>,
    /// The sources that quote this speaker, with how often each does.
    pub by_source: Vec<VoiceSource>,
    /// Where each quote is: the content of each quote, in source order.
    pub citations: Vec<Citation>,
}

/// How often one source quotes a speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoiceSource {
    /// Citation number of the source.
    pub source: usize,
    /// Quotes of the speaker in that source.
    pub n_quotes: usize,
}

/// One event on the timeline: what happened, when, according to which sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEvent {
    /// The date most sources give: a TIMEX3 value (`2026-03-11`, `2026-03`, `2026-W11`) or a
    /// range (`2026-03-17/2026-03-18`).
    pub date: String,
    /// Whether some source gives a date that cannot be the same as `date`.
    pub disputed: bool,
    /// Each source's words for the event, with the date it gives.
    pub mentions: Vec<TimelineMention>,
}

/// One source dating an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineMention {
    /// The date this source gives, as a TIMEX3 value or range.
    pub date: String,
    /// The time expression as written ("on Thursday", "17-18 March").
    pub expression: String,
    /// Whether the year was inferred from the story's dated articles because this article has
    /// no publication date and the expression gives no year.
    pub year_inferred: bool,
    /// The words that date the event: its sentence, or, when the sentence dates several events
    /// ("… on March 10, followed by talks on March 12"), the part of it around this date.
    pub citation: Citation,
}

/// The same slot filled differently by different sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dispute {
    /// What is disputed, in the sources' words ("troops", "workers").
    pub slot: String,
    /// What kind of slot.
    pub kind: DisputeKind,
    /// Each value given, with its sources; at least two sides cannot both be true.
    pub sides: Vec<DisputeSide>,
}

/// What kind of slot a dispute or an agreed fact is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisputeKind {
    /// A number: how many, how much.
    Quantity,
    /// A date: when something happened or will happen.
    Date,
    /// An agent: who did something (asked for the meeting, ended the talks).
    Agent,
    /// A statement some sources make and others deny or doubt; the sides' values are
    /// `asserted`, `denied` and `doubted`.
    Assertion,
}

/// One value of a disputed slot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DisputeSide {
    /// The value as the sources write it ("about 4,000", "60,000 to 90,000").
    pub value: String,
    /// Indexes of the other sides this one can be reconciled with (a range containing a number).
    pub compatible_with: Vec<usize>,
    /// Where each source gives this value: the sentence.
    pub citations: Vec<Citation>,
}

/// How one source frames the story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Framing {
    /// Citation number of the source.
    pub source: usize,
    /// News report, opinion or analysis.
    pub genre: Genre,
    /// What decided the genre, in words ("editor's note", "first person 6.1 per 1,000 words").
    pub genre_signals: Vec<String>,
    /// Claims in the article.
    pub n_claims: usize,
    /// Share of claims attributed to someone (quoted, or hearsay), from 0 to 1.
    pub attributed_share: f64,
    /// First-person singular words (I, me, my) in the article's own voice, per 1,000 words.
    pub first_person_per_1000: f64,
    /// Hedged claims ("may", "reportedly", "little evidence").
    pub n_hedged: usize,
    /// Loaded and emotive words in the article's own voice, most frequent first.
    pub loaded_words: Vec<LoadedWord>,
    /// Loaded words per 1,000 words.
    pub loaded_per_1000: f64,
    /// Quotes by the country of the speaker, where the speaker's country is known (ISO 3166
    /// alpha-3), most quoted first: whose officials this source lets speak.
    pub voices_by_country: Vec<(String, usize)>,
}

/// The kind of article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Genre {
    /// Reports events, attributes what it does not witness.
    News,
    /// Argues a view in the writer's own voice.
    Opinion,
    /// Explains and weighs, in the writer's voice but without an editor's disclaimer.
    Analysis,
}

/// A loaded word and where the source uses it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoadedWord {
    /// The word as the lexicon lists it.
    pub word: String,
    /// Each use, as a span of the word.
    pub spans: Vec<Span>,
}

/// One sentence of the summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummarySentence {
    /// The sentence: a source's own words for a corroborated statement, or a sentence that
    /// states a dispute with each side's words quoted.
    pub text: String,
    /// Whether it states something corroborated or something disputed.
    pub kind: SummaryKind,
    /// Citation numbers of the sources behind it.
    pub sources: Vec<usize>,
    /// The words of the sources it stands on.
    pub spans: Vec<Span>,
}

/// What a summary sentence states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SummaryKind {
    /// Stated by two or more independent sources.
    Corroborated,
    /// Given differently by different sources; every side is attributed.
    Disputed,
    /// Stated by one independent source only; it cites that source.
    SingleSource,
}

/// A statement only one independent source makes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SingleSourceItem {
    /// The sentence.
    pub citation: Citation,
    /// How central it is to the story, from 0 to 1: the share of its content words that other
    /// articles of the story use too.
    pub centrality: f64,
    /// Whose words the sentence gives, when it is a quote's content and does not name the
    /// speaker itself (a quotation going on from the sentence before, "…,” he said."): the
    /// speaker as the voices show them. `None` for the source's own words and for a sentence
    /// that names its speaker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
}

/// How one source's own words sound near the story's main entities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceTone {
    /// Citation number of the source.
    pub source: usize,
    /// One row per main entity the source mentions with toned words nearby, most toned first.
    pub entities: Vec<EntityTone>,
}

/// The tone of one source toward one entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityTone {
    /// The entity, by the fullest name the sources give.
    pub entity: String,
    /// From -1 (only words of blame) to 1 (only words of praise): (positive - negative) /
    /// (positive + negative).
    pub score: f64,
    /// Loaded words of praise about it.
    pub n_positive: usize,
    /// Loaded words of blame about it.
    pub n_negative: usize,
    /// The toned words, as written, each with a span of the word.
    pub words: Vec<TonedWord>,
}

/// A loaded word of a source's own voice, in a sentence about an entity and nearest to its
/// mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TonedWord {
    /// The word as written.
    pub word: String,
    /// Whether it praises (a glorifying label, or a word of blame after "not").
    pub positive: bool,
    /// Where it is.
    pub span: Span,
}

/// What one source leaves out that most other independent sources state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BlindSpots {
    /// Citation number of the source.
    pub source: usize,
    /// The statements it leaves out, most widely stated first.
    pub missing: Vec<BlindSpot>,
}

/// One statement a source leaves out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BlindSpot {
    /// How many independent sources state it.
    pub n_independent: usize,
    /// Of how many independent sources other than this one (and its copies).
    pub n_others: usize,
    /// One of the sources' wordings: the shortest that is not a direct quote.
    pub citation: Citation,
}

/// The sources grouped into sides, each side with a short summary of its own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Readings {
    /// How the sides were formed.
    pub grouping: SideGrouping,
    /// The sides, the one with most sources first.
    pub sides: Vec<Side>,
}

/// How sources were grouped into sides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum SideGrouping {
    /// By a field of the outlet metadata the user supplied.
    Outlets {
        /// The field: `leaning`, `country`, `ownership` or `state_affiliation`.
        key: String,
    },
    /// Inferred from how alike the sources' framing is; no outlet metadata was given.
    Inferred,
}

/// One group of sources and what they say.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Side {
    /// The value of the grouping field ("left", "RUS"), or for an inferred side what sets it
    /// apart ("quotes mostly OLT voices").
    pub label: String,
    /// Citation numbers of its sources.
    pub sources: Vec<usize>,
    /// A short summary of what its sources say, citing only them.
    pub summary: Vec<SummarySentence>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ArticleId, Span};

    #[test]
    fn scores_read_back_from_json_are_the_scores_written() {
        // A centrality the fuzzer found one bit off after a round trip through JSON.
        let item = SingleSourceItem {
            citation: Citation {
                source: 1,
                span: Span::new(ArticleId::for_text("a"), 0, 1),
                text: "a".into(),
            },
            centrality: 0.181_818_181_818_181_82,
            speaker: None,
        };
        let json = serde_json::to_string(&item).expect("serializing");
        let restored: SingleSourceItem = serde_json::from_str(&json).expect("reading back");
        assert_eq!(restored, item);
    }
}
