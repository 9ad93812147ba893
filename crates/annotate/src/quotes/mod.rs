//! Quotes: direct quotes and reported speech, each with its cue and speaker.
//!
//! [`quotes`] reads an article's clean text and sentences and returns every [`Quote`] it finds,
//! in text order:
//!
//! - Direct quotes between double quotation marks (straight, curly, « », „ “, or a doubled
//!   apostrophe), with the speaker before them ("Ruiz said: “…”"), after them ("“…,” Ruiz
//!   said", "“…,” said Ruiz, the mayor", "“…” ― Ruiz"), around them ("“…,” she said, “…”"), or
//!   in the sentence before, when a quote stands alone after an attributed one ("“…,” Ruiz
//!   said. “…”"). A quote that runs on past the end of a paragraph continues when the next
//!   paragraph opens with a quotation mark, as news style writes long quotes. A quote of one to
//!   three words with no cue is a scare quote (a "moment of truth") and is left out, as are
//!   quoted titles and phrases inside a sentence; a longer quote standing alone with no cue
//!   near it is kept with no speaker.
//! - Reported speech: "Ruiz said (that) …", "Ruiz told reporters …", "…, Ruiz said", "…,
//!   officials said, …", "…, as Ruiz noted, …", "according to Ruiz, …", "…, adding …", "while
//!   saying …", "went on to say …", "is saying …", "he's hoping …", "Ruiz, however, said …",
//!   "lashed out at …", "…, as Ruiz put it", "Ruiz met them and said …", "asked whether
//!   …", the impersonal "it was reported that …", passives of belief ("the bill is expected to
//!   pass", "was seen as a retreat") and of speech acts with their agent ("was criticized by
//!   the council") or without one ("the plan was criticized as reckless"), stances held with an
//!   adjective ("is confident that …", "was critical of …"), findings opening or closing a
//!   sentence ("In a new poll, …", "… in the latest poll"), a relative pronoun standing for the
//!   content ("…, which Ruiz said were split"), one-word answers ("said yes"), nouns of saying
//!   with a clause or an object ("his claim that …", "their criticism of the plan"), transcript and
//!   headline labels ("RUIZ: …"), hearsay adverbs ("the talks reportedly stalled"), and
//!   impressions with no source ("the plan seems to work"), which PolNeAR counts as
//!   attributions. Speech inside quotation marks is the quoted person's, so cues inside a
//!   direct quote are not attributions.
//!
//! Cues come from a general lexicon of reporting verbs with their inflections (`cues.rs`):
//! verbs of saying, telling and asking, promises and wishes ("vowed to"), thoughts and findings
//! with a clause ("believes that", "the poll shows"), speech acts and stances with an object
//! ("criticized the plan", "called for talks", "backed the bill"), and verbs of regarding with
//! "as" ("sees the deal as a retreat"), the classes of PARC-style attribution cues. Nothing in
//! it belongs to a particular story. After the rules, a learned cue finder (`learned.rs`, issue
//! #4) reads the words they leave free: PolNeAR's attributions also hang on nouns, adjectives
//! and phrases no lexicon lists, and two linear models fitted on its train split take a word
//! for a cue and put its content after or before it. A learned filter (`filter.rs`) then weighs
//! every quote found, by the rule that built it, its cue, speaker and content, and drops those
//! unlike any attribution. In a headline written in title case a capitalized verb
//! still counts ("Ruiz Says Port Will Reopen"). A
//! speaker is a name ("Gen. Ana Ruiz"), a role ("the ministry", "a spokesperson for the
//! council") or a pronoun. Personal pronouns ("he said") are resolved to the most recent
//! compatible name: an earlier speaker or the subject of an earlier sentence, skipping
//! organizations for "he" and "she" and people for "it" ("the Russian leader" is a person:
//! its capitalized word only qualifies a person's noun), and keeping each name's pronoun once
//! it has one (or once a title or role word such as "Mrs." or "spokesman" tells). The quote then
//! carries the name as [`Quote::speaker`] and the pronoun as [`Quote::speaker_pronoun`].
//!
//! ```
//! use parallax_annotate::{quotes, sentences};
//! use parallax_model::{Article, Origin};
//!
//! let text = "“We stay,” said Ana Ruiz. She added that the port would reopen.";
//! let article = Article::new(Origin::Stdin, text.to_string());
//! let found = quotes(&article, &sentences(&article, "en"), &[], &quotes::Config::new());
//! let slice = |range: &std::ops::Range<usize>| &article.text[range.clone()];
//! assert_eq!(slice(&found[0].content), "“We stay,”");
//! assert_eq!(found[1].speaker.as_ref().map(slice), Some("Ana Ruiz"));
//! assert_eq!(found[1].speaker_pronoun.as_ref().map(slice), Some("She"));
//! ```
//!
//! Odd input is never an error: unbalanced quotation marks end at the end of their paragraph,
//! and a quote with no speaker has `speaker: None`. The work is linear in the length of the
//! text: every rule looks at a bounded window of tokens around a cue or a quotation mark.
//! The article's entities, when given, tell a name opening a sentence from a capitalized common
//! word there ("Notably, …", "Memories have faded"), which no pronoun stands for. Entities are
//! not linked yet, so [`Quote::speaker_entity`] stays `None`.

mod cues;
mod direct;
mod filter;
mod indirect;
mod learned;
mod speaker;
#[cfg(test)]
mod tests;
mod tokens;

use parallax_model::{Article, Entity, EntityKind, Quote, QuoteKind, Sentence};
use speaker::Speaker;
pub(crate) use speaker::{
    ANONYMOUS_HEADS, GenderEvidence, Pronoun, gender_of_given_name, gender_of_word,
    is_finite_auxiliary, is_preposition, possessive_class, pronoun_class,
};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;
use tokens::Doc;

pub use filter::{QuoteFilter, QuoteFilterError};
pub use learned::{Candidate, CueModel, CueModelError};

/// Settings for [`quotes`].
#[derive(Debug, Clone)]
pub struct Config {
    /// A direct quote with no cue and at most this many words is a scare quote and is left out.
    pub max_scare_quote_words: usize,
    /// How many sentences back a pronoun speaker looks for its name.
    pub pronoun_window: usize,
    /// The learned cue finder that reads the words the rules leave free; `None` keeps to the
    /// rules.
    pub cue_model: Option<Arc<CueModel>>,
    /// The learned filter that drops quotes unlike any attribution, read after the rules and
    /// the cue finder; `None` keeps every quote they find.
    pub quote_filter: Option<Arc<QuoteFilter>>,
}

impl Config {
    /// The settings `parallax brief` uses.
    pub fn new() -> Config {
        Config {
            max_scare_quote_words: 3,
            pronoun_window: 8,
            cue_model: Some(CueModel::fitted()),
            quote_filter: Some(QuoteFilter::fitted()),
        }
    }
}

/// Finds the direct quotes and reported speech in `article`, whose sentences are `sentences`
/// (as [`crate::sentences`] returns them: in text order, with paragraph indexes). Quotes come in
/// text order of their content; their ranges are byte ranges into the article text.
pub fn quotes(
    article: &Article,
    sentences: &[Sentence],
    entities: &[Entity],
    config: &Config,
) -> Vec<Quote> {
    quotes_and_subjects(article, sentences, entities, config).0
}

/// [`quotes`], and the name or description opening each sentence outside quotations as its
/// subject ("Mayor Ana Ruiz" of "Mayor Ana Ruiz opened the session."; none for a sentence that
/// opens with a phrase before its subject, a pronoun or a quotation): byte ranges in text order.
/// The subjects are what the quotes' pronouns resolve to; [`crate::references`] reads them too.
pub fn quotes_and_subjects(
    article: &Article,
    sentences: &[Sentence],
    entities: &[Entity],
    config: &Config,
) -> (Vec<Quote>, Vec<Range<usize>>) {
    let doc = Doc::new(&article.text, sentences);
    let mut state = rules_and_model(&doc, config);
    if let Some(filter) = &config.quote_filter {
        filter::apply(&doc, &mut state, filter);
    }
    learned::move_verbs_into_cues(&doc, &mut state.found);
    learned::drop_function_word_cues(&doc, &mut state.found);
    drop_times_said(&doc, &mut state.found);
    drop_questions_to_the_speaker(&doc, &mut state.found);
    drop_phone_calls(&doc, &mut state.found);
    drop_called_events(&doc, &mut state.found);
    let found = std::mem::take(&mut state.found);
    let subjects = sentence_subjects(&doc, &state.quoted);
    let quotes = finish(&doc, found, &subjects, entities, config);
    let subjects = subjects
        .into_iter()
        .map(|(first, last)| doc.span(first, last))
        .collect();
    (quotes, subjects)
}

/// The first and last token of the name or description opening each sentence of `doc` outside
/// the quotations `quoted` marks, for the sentences that open with one, in text order.
fn sentence_subjects(doc: &Doc, quoted: &[bool]) -> Vec<(usize, usize)> {
    doc.sentence_tokens
        .iter()
        .filter_map(|sentence| speaker::subject_name(doc, sentence.clone(), quoted))
        .collect()
}

/// The quotes of `found` in text order, with their pronouns resolved.
fn finish(
    doc: &Doc,
    mut found: Vec<Found>,
    subjects: &[(usize, usize)],
    entities: &[Entity],
    config: &Config,
) -> Vec<Quote> {
    found.sort_by_key(|found| {
        (
            found.pieces.first().map(|piece| piece.start),
            found.cue_start(),
        )
    });
    widen_speakers_to_names(doc, &mut found, entities);
    resolve_pronouns(doc, &mut found, subjects, entities, config);
    found
        .into_iter()
        .map(|found| found.into_quote(doc))
        .collect()
}

/// Widens each speaker that starts inside an entity's name to the whole name: the phrase rules
/// stop at an "and", which a body's name may hold ("the Office of Management and Budget",
/// "Citizenship and Immigration Services, the agency that …"), and "Budget" alone names no one.
/// An article right before the name comes with it.
fn widen_speakers_to_names(doc: &Doc, found: &mut [Found], entities: &[Entity]) {
    for quote in found.iter_mut() {
        let Some(speaker) = quote.speaker.as_mut() else {
            continue;
        };
        if speaker.kind == speaker::Kind::Pronoun {
            continue;
        }
        let start = doc.token(speaker.first).range.start;
        let sentence_start = doc.token(doc.sentence_of(speaker.first).start).range.start;
        let Some(name_start) = entities
            .iter()
            .flat_map(|entity| &entity.mentions)
            .filter(|mention| {
                sentence_start <= mention.range.start
                    && mention.range.start < start
                    && start < mention.range.end
            })
            .map(|mention| mention.range.start)
            .min()
        else {
            continue;
        };
        let Some(mut first) = doc
            .tokens_within(&(name_start..start))
            .map(|(first, _)| first)
        else {
            continue;
        };
        if first > 0 && doc.lower(first - 1) == "the" {
            first -= 1;
        }
        speaker.first = first;
    }
}

/// What the rules and then the learned cue finder find in `doc`, before the filter.
fn rules_and_model(doc: &Doc, config: &Config) -> State {
    let mut state = rules(doc, config);
    if let Some(model) = &config.cue_model {
        learned::find(doc, &mut state, model);
    }
    drop_counterfactual(doc, &mut state);
    forget_common_word_speakers(doc, &mut state);
    state
}

/// Forgets a speaker that is only a capitalized word opening its sentence and no noun by its
/// form: a participle or a gerund the text also writes in lowercase, or a word that opens
/// clauses ("Speaking on the radio, Sen. …", "Updated: …", "But determined …", "Rather than
/// …"). Its capital says nothing there, and such a word is no one; a noun may be a source
/// ("Poll: …", "Police say …").
fn forget_common_word_speakers(doc: &Doc, state: &mut State) {
    let lowercase_words = doc.lowercase_words();
    for found in &mut state.found {
        let Some(speaker) = &found.speaker else {
            continue;
        };
        let word = doc.lower(speaker.first);
        // A surname may end so too ("Manning", "Reed"): the lowercase use tells.
        let verb_form =
            (word.ends_with("ing") || word.ends_with("ed")) && lowercase_words.contains(word);
        let function_word = word == "rather" || speaker::is_stop_word(word);
        let common = speaker.first == speaker.last
            && speaker.kind == speaker::Kind::Name
            && doc.opens_sentence(speaker.first)
            && (verb_form || function_word);
        if common {
            found.speaker = None;
            found.anonymous = false;
        }
    }
}

/// Drops what is reported of a speaker in a clause of comparison ("…, as if the old chief were
/// afraid of dying", "as though the mayor said so"): the clause says the speaker did not say it.
fn drop_counterfactual(doc: &Doc, state: &mut State) {
    state.found.retain(|found| {
        let Some(first) = found.speaker.as_ref().map(|speaker| speaker.first) else {
            return true;
        };
        !(first >= 2
            && doc.lower(first - 2) == "as"
            && matches!(doc.lower(first - 1), "if" | "though"))
    });
}

/// A quote the rules or the cue finder build, with the features the quote filter reads of it.
#[derive(Debug, Clone)]
pub struct FilterCandidate {
    /// The quote.
    pub quote: Quote,
    /// Its features, as text.
    pub features: Vec<String>,
}

/// Every quote of `article` before the filter (whatever `config.quote_filter` says), with its
/// features: what `parallax eval quotes --fit-filter` fits [`QuoteFilter`] on.
pub fn filter_candidates(
    article: &Article,
    sentences: &[Sentence],
    entities: &[Entity],
    config: &Config,
) -> Vec<FilterCandidate> {
    let doc = Doc::new(&article.text, sentences);
    let mut state = rules_and_model(&doc, config);
    let features = filter::feature_texts(&doc, &state);
    // Sorted here so each quote stays next to its features; `finish` sorts them again by the
    // same key, stably, which keeps this order.
    let found = std::mem::take(&mut state.found);
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&idx| {
        (
            found[idx].pieces.first().map(|piece| piece.start),
            found[idx].cue_start(),
        )
    });
    let found: Vec<Found> = order.iter().map(|&idx| found[idx].clone()).collect();
    let features: Vec<Vec<String>> = order.iter().map(|&idx| features[idx].clone()).collect();
    let subjects = sentence_subjects(&doc, &state.quoted);
    finish(&doc, found, &subjects, entities, config)
        .into_iter()
        .zip(features)
        .map(|(quote, features)| FilterCandidate { quote, features })
        .collect()
}

/// Drops the quotes whose whole content is a time: "Ana Ruiz asked on | Tuesday" says when she
/// asked, not what.
fn drop_times_said(doc: &Doc, found: &mut Vec<Found>) {
    // The words that may stand between a cue and its content, the months, the words of a
    // date's phrase and its figures.
    let is_time_word = |word: &str| {
        indirect::is_time_word(word)
            || parallax_model::MONTH_NAMES.contains(&word)
            || matches!(word, "next" | "the" | "on" | "in" | "at" | "early" | "late")
            || word.chars().all(|c| c.is_ascii_digit())
    };
    found.retain(|quote| {
        let words: Vec<&str> = quote.content_words(doc).map(|at| doc.lower(at)).collect();
        words.is_empty() || !words.iter().all(|word| is_time_word(word))
    });
}

/// Drops the quotes whose cue a question asks of the speaker ("Do you know where the returns
/// are?", "Why do I know?"): an auxiliary before the speaker in a sentence that ends with a
/// question mark asks, and attributes nothing.
fn drop_questions_to_the_speaker(doc: &Doc, found: &mut Vec<Found>) {
    found.retain(|quote| {
        let Some(speaker) = &quote.speaker else {
            return true;
        };
        let inverted =
            speaker.first > 0 && matches!(doc.lower(speaker.first - 1), "do" | "does" | "did");
        let sentence = doc.sentence_of(speaker.first);
        let asks = (sentence.start..sentence.end)
            .rev()
            .find(|&at| {
                doc.token(at).is_word()
                    || doc.token(at).is_punct('?')
                    || doc.token(at).is_punct('.')
            })
            .is_some_and(|at| doc.token(at).is_punct('?'));
        !(inverted && asks)
    });
}

/// Drops the quotes of "call" that phone a person: in "Ruiz called Tomas Berg." or "… called
/// Berg on Tuesday" the content is only a name, with a time at most. "Ruiz called Berg “a
/// liar”" labels, and stays; so may "… he called them" after the label.
fn drop_phone_calls(doc: &Doc, found: &mut Vec<Found>) {
    found.retain(|quote| {
        let Some((cue_first, cue_last)) = quote.cue else {
            return true;
        };
        // A headline in title case capitalizes every word, the label too.
        if cue_first != cue_last
            || doc.token(cue_first).capitalized
            || !matches!(doc.lower(cue_first), "call" | "calls" | "called")
        {
            return true;
        }
        let words: Vec<usize> = quote.content_words(doc).collect();
        let object_end = words
            .iter()
            .position(|&at| !doc.token(at).capitalized)
            .unwrap_or(words.len());
        let phones = object_end > 0
            && words.first().is_some_and(|&at| at == cue_last + 1)
            && words[object_end..]
                .iter()
                .all(|&at| indirect::is_time_word(doc.lower(at)) || doc.lower(at) == "on");
        !phones
    });
}

/// Gatherings and stoppages that "call" convenes rather than says: "the union has called a
/// strike", "called a news conference for Monday". An election only with "a" or "an" ("called
/// a snap election"): "called the election for Ruiz" declares who won, which is a statement.
const CALLED_EVENTS: &[&str] = &[
    "strike",
    "strikes",
    "walkout",
    "rally",
    "rallies",
    "protest",
    "march",
    "meeting",
    "meetings",
    "conference",
    "briefing",
    "hearing",
    "hearings",
    "session",
    "summit",
    "recess",
    "halt",
    "truce",
    "ceasefire",
    "cease-fire",
    "referendum",
    "vote",
];

/// Words that may stand between "called" and the event it convenes ("a general strike", "an
/// emergency meeting", "a news conference").
const MAX_WORDS_BEFORE_CALLED_EVENT: usize = 3;

/// Drops the quotes of "call" that convene an event ([`CALLED_EVENTS`]): nobody is reported
/// saying anything in "the union has called a strike for Monday".
fn drop_called_events(doc: &Doc, found: &mut Vec<Found>) {
    found.retain(|quote| {
        let Some((cue_first, cue_last)) = quote.cue else {
            return true;
        };
        if !matches!(doc.lower(cue_last), "call" | "calls" | "called" | "calling")
            || doc.token(cue_first).capitalized
        {
            return true;
        }
        let mut words = quote.content_words(doc);
        let determiner = doc.lower(cue_last + 1);
        if words.next() != Some(cue_last + 1)
            || !matches!(determiner, "a" | "an" | "the" | "another")
        {
            return true;
        }
        let event = words.take(MAX_WORDS_BEFORE_CALLED_EVENT).find(|&at| {
            let word = doc.lower(at);
            CALLED_EVENTS.contains(&word) || (word == "election" && determiner != "the")
        });
        // A phrase after the event labels it: "called the vote a “moment of truth”".
        let labelled = event.is_some_and(|at| {
            matches!(
                doc.lower(at + 1),
                "a" | "an" | "the" | "his" | "her" | "its" | "their" | "our" | "my"
            ) || doc.tokens.get(at + 1).is_some_and(|next| next.is_quote())
        });
        event.is_none() || labelled
    });
}

/// What the rules find in `doc`, before the learned cue finder reads the words they leave free.
fn rules(doc: &Doc, config: &Config) -> State {
    let spans = direct::spans(doc);
    let mut state = State::new(doc, &spans);
    direct::attribute(doc, &spans, &mut state);
    indirect::find(doc, &mut state);
    direct::continue_or_drop(doc, &spans, &mut state, config);
    state
}

/// The words of `article` that the rules leave free for the learned cue finder, with their
/// features: what `parallax eval quotes --fit` fits [`CueModel`] on.
pub fn candidates(article: &Article, sentences: &[Sentence], config: &Config) -> Vec<Candidate> {
    let doc = Doc::new(&article.text, sentences);
    let state = rules(&doc, config);
    learned::candidates(&doc, &state)
}

/// A quote being built: content pieces, cue and speaker as tokens.
#[derive(Debug, Clone)]
struct Found {
    /// Verbatim or reported.
    kind: QuoteKind,
    /// Byte ranges of the content, in text order; never empty.
    pieces: Vec<Range<usize>>,
    /// First and last token of the cue.
    cue: Option<(usize, usize)>,
    /// The speaker phrase as written next to the cue.
    speaker: Option<Speaker>,
    /// The name a pronoun speaker stands for: first and last token.
    resolved: Option<(usize, usize)>,
    /// Whether the source is unnamed on purpose.
    anonymous: bool,
    /// Index of the last sentence the quote reaches into, so a lone quote in the next sentence
    /// can continue it.
    last_sentence: usize,
    /// The rule or model that built it ("direct-after", "according_to", "learned-before"): the
    /// quote filter weighs how reliable each one is.
    construction: &'static str,
    /// For a quote of the learned cue finder, the score of its cue.
    cue_score: Option<f32>,
}

impl Found {
    /// The tokens of the content's words, in text order.
    fn content_words<'d>(&'d self, doc: &'d Doc<'_>) -> impl Iterator<Item = usize> + 'd {
        self.pieces
            .iter()
            .filter_map(|piece| doc.tokens_within(piece))
            .flat_map(|(first, last)| first..=last)
            .filter(|&at| doc.token(at).is_word())
    }

    fn cue_start(&self) -> usize {
        self.cue.map_or(usize::MAX, |(first, _)| first)
    }

    fn into_quote(self, doc: &Doc) -> Quote {
        let mut pieces = self.pieces.into_iter();
        let content = pieces.next().unwrap_or_default();
        let written = self.speaker.as_ref().map(|speaker| speaker.range(doc));
        let (speaker, speaker_pronoun) = match (self.resolved, written) {
            (Some((first, last)), Some(pronoun)) => (Some(doc.span(first, last)), Some(pronoun)),
            (_, written) => (written, None),
        };
        Quote {
            kind: self.kind,
            content,
            continuation: pieces.collect(),
            cue: self.cue.map(|(first, last)| doc.span(first, last)),
            speaker,
            speaker_pronoun,
            speaker_entity: None,
            anonymous: self.anonymous,
        }
    }
}

/// What the passes have found so far, and which tokens they have used.
#[derive(Debug)]
struct State {
    /// Quotes found.
    found: Vec<Found>,
    /// Per token: part of a quote already found (content, cue or speaker).
    used: Vec<bool>,
    /// Per token: inside a pair of quotation marks.
    quoted: Vec<bool>,
    /// Per direct span: whether a quote holds it.
    span_used: Vec<bool>,
}

impl State {
    /// Whether the token at `idx` is outside every quote found and every quotation.
    fn is_free(&self, idx: usize) -> bool {
        !self.used[idx] && !self.quoted[idx]
    }

    fn new(doc: &Doc, spans: &[direct::Span]) -> State {
        let mut quoted = vec![false; doc.tokens.len()];
        for span in spans {
            for flag in &mut quoted[span.open..=span.last] {
                *flag = true;
            }
        }
        State {
            found: Vec::new(),
            used: vec![false; doc.tokens.len()],
            quoted,
            span_used: vec![false; spans.len()],
        }
    }

    /// Marks tokens `first..=last` as used.
    fn claim(&mut self, first: usize, last: usize) {
        for flag in &mut self.used[first..=last] {
            *flag = true;
        }
    }

    /// Records `found`, claiming its tokens.
    fn push(&mut self, doc: &Doc, found: Found) {
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        if let Some(cue) = found.cue {
            ranges.push(cue);
        }
        // A speaker words away before its cue is the subject of the sentence, lent to a verb
        // further on ("Ruiz slammed the mayor for refusing “…”"): it stays free for the verbs
        // before that one.
        if let Some(speaker) = &found.speaker {
            let lent = found.cue.is_some_and(|(cue_first, _)| {
                speaker.last < cue_first
                    && (speaker.last + 1..cue_first).any(|idx| doc.token(idx).is_word())
            });
            if !lent {
                ranges.push((speaker.first, speaker.last));
            }
        }
        ranges.extend(
            found
                .pieces
                .iter()
                .filter_map(|piece| doc.tokens_within(piece)),
        );
        for (first, last) in ranges {
            self.claim(first, last);
        }
        self.found.push(found);
    }
}

/// A name a later pronoun may stand for.
#[derive(Debug, Clone, Copy)]
struct Antecedent {
    first: usize,
    last: usize,
    sentence: usize,
    /// Whether it is an earlier quote's speaker: a document that speaks ("the report called
    /// for …") may be a later "it" that speaks again.
    speaks: bool,
    /// Whether it is an earlier quote's anonymous speaker: a pronoun that stands for "a fitter
    /// who asked not to be named" is no more named than the fitter.
    anonymous: bool,
}

/// Replaces each personal-pronoun speaker with the most recent compatible name before it.
fn resolve_pronouns(
    doc: &Doc,
    found: &mut [Found],
    subjects: &[(usize, usize)],
    entities: &[Entity],
    config: &Config,
) {
    // Candidates are earlier speakers and the subjects of earlier sentences, outside quotes.
    // A lone capitalized word opening a sentence that the article also writes in lowercase
    // ("Progressivism is …", "progressivism") is a common word there, not a name; so is one
    // that no entity mention covers, when entities are given ("Notably, …", "Memories have
    // faded"): capitals say nothing at the start of a sentence.
    let lowercase_words = doc.lowercase_words();
    let mut mentions: Vec<&Range<usize>> = entities
        .iter()
        .flat_map(|entity| entity.mentions.iter().map(|mention| &mention.range))
        .collect();
    mentions.sort_by_key(|range| range.start);
    let in_a_mention = |token: usize| {
        let range = &doc.token(token).range;
        let after = mentions.partition_point(|mention| mention.start <= range.start);
        mentions[..after]
            .iter()
            .rev()
            .take(8)
            .any(|mention| mention.end > range.start)
    };
    let mut antecedents: Vec<Antecedent> = Vec::new();
    for &(first, last) in subjects {
        let opens_sentence = doc.opens_sentence(first);
        if first == last
            && (lowercase_words.contains(doc.lower(first))
                || (!entities.is_empty() && opens_sentence && !in_a_mention(first)))
        {
            continue;
        }
        antecedents.push(Antecedent {
            first,
            last,
            sentence: doc.token(first).sentence,
            speaks: false,
            anonymous: false,
        });
    }
    for quote in found.iter() {
        if let Some(speaker) = &quote.speaker {
            let named = speaker
                .antecedent
                .as_deref()
                .or((speaker.kind != speaker::Kind::Pronoun).then_some(speaker));
            if let Some(named) = named {
                antecedents.push(Antecedent {
                    first: named.first,
                    last: named.last,
                    sentence: doc.token(named.first).sentence,
                    speaks: true,
                    anonymous: named.anonymous,
                });
            }
        }
    }
    // Of two phrases that start at the same word, the longer one is kept: a sentence's subject
    // may stop where a speaker's phrase goes on ("DWU" of "DWU leader Anna Holm").
    antecedents.sort_by_key(|antecedent| (antecedent.first, std::cmp::Reverse(antecedent.last)));
    antecedents.dedup_by(|later, kept| {
        let same = later.first == kept.first;
        if same {
            kept.speaks |= later.speaks;
            kept.anonymous |= later.anonymous;
        }
        same
    });

    // What the article tells of a name's gender anywhere — a title or a gendered role word
    // ("Mrs.", "spokesman"), a given name ("Tim Ryan" for a later "Ryan") — holds for every
    // mention of it; where it tells nothing, a name keeps the pronoun it was first resolved
    // from, so "she" after "he" skips him.
    let name_key = |first: usize, last: usize| -> String {
        let head = speaker::head(doc, first, last);
        let key_idx = (first..=head)
            .rev()
            .find(|&idx| doc.token(idx).is_word() && doc.token(idx).capitalized)
            .unwrap_or(head);
        doc.token(key_idx).stem().to_string()
    };
    // A surname that people of several given names share ("Teodor Grusan" and his mother
    // "Radka Grusan") says nothing of which of them a later "Grusan" is.
    let mut given_names_of: HashMap<String, Vec<String>> = HashMap::new();
    let mut note_full_name = |given: &str, surname: String| {
        let given_names = given_names_of.entry(surname).or_default();
        if !given_names
            .iter()
            .any(|known| known.eq_ignore_ascii_case(given))
        {
            given_names.push(given.to_string());
        }
    };
    for entity in entities
        .iter()
        .filter(|entity| entity.kind == EntityKind::Person)
    {
        let mut words = entity.name.split_whitespace();
        if let (Some(given), Some(surname)) = (words.next(), words.next_back()) {
            note_full_name(given, crate::lowercase(surname).into_owned());
        }
    }
    for antecedent in &antecedents {
        let head = speaker::head(doc, antecedent.first, antecedent.last);
        let Some(surname) = (antecedent.first..=head)
            .rev()
            .find(|&idx| doc.token(idx).is_word() && doc.token(idx).capitalized)
        else {
            continue;
        };
        let given = (antecedent.first..surname)
            .rev()
            .take_while(|&idx| doc.token(idx).is_word() && doc.token(idx).capitalized)
            .last();
        if let Some(given) = given
            && let Some(written) = doc.text.get(doc.token(given).range.clone())
        {
            note_full_name(written, doc.token(surname).stem().to_string());
        }
    }
    let mut told: GenderEvidence<String> = GenderEvidence::new();
    for (surname, given_names) in &given_names_of {
        if given_names.len() > 1 {
            told.leave_unknown(surname.clone());
        }
    }
    for antecedent in &antecedents {
        if let Some(class) = speaker::gender(doc, antecedent.first, antecedent.last) {
            told.learn(name_key(antecedent.first, antecedent.last), class);
        }
    }
    for (surname, given_names) in given_names_of {
        if let [given] = &given_names[..]
            && let Some(class) = speaker::gender_of_given_name(given)
        {
            told.learn(surname, class);
        }
    }
    let mut pronoun_of: HashMap<String, speaker::Pronoun> = HashMap::new();
    for quote in found.iter_mut() {
        let Some(written) = &quote.speaker else {
            continue;
        };
        if let Some(antecedent) = &written.antecedent {
            quote.resolved = Some((antecedent.first, antecedent.last));
            continue;
        }
        if written.kind != speaker::Kind::Pronoun {
            continue;
        }
        let word = doc.lower(written.first);
        let Some(class) = speaker::pronoun_class(word).or_else(|| speaker::possessive_class(word))
        else {
            continue;
        };
        let sentence = doc.token(written.first).sentence;
        let before = antecedents.partition_point(|antecedent| antecedent.last < written.first);
        // "Velmar released the pilots without conditions, she added": the speaker of words is
        // none of the names inside them (a pronoun cannot stand for a name in its own clause's
        // complement), and here it is the one who spoke before.
        let content: Vec<(usize, usize)> = quote
            .pieces
            .iter()
            .filter_map(|piece| doc.tokens_within(piece))
            .collect();
        let in_the_content = |antecedent: &Antecedent| {
            content
                .iter()
                .any(|&(first, last)| first <= antecedent.first && antecedent.last <= last)
        };
        // The window bounds the work on hostile input: a few dozen candidates at most.
        for antecedent in antecedents[..before].iter().rev().take(50) {
            if sentence.saturating_sub(antecedent.sentence) > config.pronoun_window {
                break;
            }
            if in_the_content(antecedent) {
                continue;
            }
            let referent = speaker::referent(doc, antecedent.first, antecedent.last);
            let document_speaking_again = class == speaker::Pronoun::Neuter
                && referent == speaker::Referent::Thing
                && antecedent.speaks;
            if !speaker::compatible(class, referent) && !document_speaking_again {
                continue;
            }
            // The last capitalized word of the name's head keys it, so "Ana Ruiz, the mayor,"
            // and "Ruiz" share what is known of them (and "Ana Ruiz, an ally of Mr. Holt," is
            // not Holt).
            let head = speaker::head(doc, antecedent.first, antecedent.last);
            let key = name_key(antecedent.first, antecedent.last);
            if matches!(
                class,
                speaker::Pronoun::Masculine | speaker::Pronoun::Feminine
            ) {
                // The phrase's own title first: "Mrs. Clinton" where the article names
                // Clintons of both genders.
                let known = speaker::gender(doc, antecedent.first, antecedent.last)
                    .or_else(|| told.known(&key))
                    .or_else(|| pronoun_of.get(&key).copied());
                match known {
                    Some(known) if known != class => continue,
                    _ => {
                        pronoun_of.insert(key, class);
                    }
                }
            }
            // A pronoun stands for the person, not for what qualifies them ("Ana Ruiz of the
            // Velmar Institute" is "Ana Ruiz").
            quote.resolved = Some((antecedent.first, head));
            quote.anonymous |= antecedent.anonymous;
            break;
        }
    }
}
