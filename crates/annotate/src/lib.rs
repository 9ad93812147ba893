//! Annotate: [`Article`] → [`Annotated`], one article at a time.
//!
//! Each annotator reads the article's clean text and returns byte ranges into it, so every
//! annotation can be traced back to the words it stands on. Articles are independent: the engine
//! runs this stage in parallel.
//!
//! # Overview
//!
//! - [`annotate`]: all annotators, in order, on one article.
//! - [`sentences`]: sentence boundaries that survive news text (abbreviations, initials, times of
//!   day, quotes).
//! - [`entities`]: people, organisations, places and groups, each with its mentions, grouped
//!   within the article ("Jane Doe", "Doe", "the minister").
//! - [`quotes`]: direct quotes and reported speech with their cue verbs and speakers.
//! - [`references`]: the entity each resolved pronoun stands for: speakers' ("he added") and
//!   those opening sentences ("She voted …", "His bill …").
//! - [`times`]: time expressions with TIMEX3 values resolved against the publication date
//!   ("on Thursday", "mid-January", "three weeks later").
//!
//! ```
//! use parallax_annotate::{annotate, Config};
//! use parallax_model::{Article, Origin};
//!
//! let article = Article::new(Origin::Stdin, "The U.S. envoy met Gen. Ortiz. They spoke for an hour.".into());
//! let annotated = annotate(article, &Config::new());
//! assert_eq!(annotated.sentences.len(), 2);
//! assert_eq!(annotated.sentence_text(&annotated.sentences[0]), "The U.S. envoy met Gen. Ortiz.");
//! ```
//!
//! This crate does no I/O and never reads the clock: "now" is the article's own publication date.
#![deny(missing_docs)]

mod claims;
mod entities;
mod quantities;
pub mod quotes;
mod references;
mod sentences;
mod times;

pub use claims::claims;
pub use entities::{entities, entities_in};
pub use quantities::{quantities, quantities_in};
pub use quotes::quotes;
pub use references::references;
pub use sentences::sentences;
pub use times::{times, times_in};

use parallax_model::{
    Annotated, Article, EntityKind, mentions_within, speaker_head_len,
    speaker_relative_clause_start,
};
use std::borrow::Cow;

/// Settings for the annotate stage.
#[derive(Debug, Clone)]
pub struct Config {
    /// Language used when the article does not declare one (ISO 639-1).
    pub fallback_language: String,
    /// Settings for [`quotes`].
    pub quotes: quotes::Config,
}

impl Config {
    /// The settings `parallax brief` uses.
    pub fn new() -> Config {
        Config {
            fallback_language: "en".to_string(),
            quotes: quotes::Config::new(),
        }
    }
}

/// Runs every annotator on `article`.
pub fn annotate(article: Article, config: &Config) -> Annotated {
    let language = article
        .language
        .clone()
        .unwrap_or_else(|| config.fallback_language.clone());
    let sentences = sentences(&article, &language);
    let mut annotated = Annotated::new(article);
    annotated.sentences = sentences;
    annotated.entities = entities(&annotated.article, &annotated.sentences);
    annotated.times = times(&annotated.article, &annotated.sentences, &language);
    annotated.quantities = quantities(&annotated.article);
    let (quotes, subjects) = quotes::quotes_and_subjects(
        &annotated.article,
        &annotated.sentences,
        &annotated.entities,
        &config.quotes,
    );
    annotated.quotes = quotes;
    link_speakers(&mut annotated);
    annotated.references = references(&annotated, &subjects);
    // Claims read every other annotation, so they come last.
    annotated.claims = claims(&annotated);
    annotated
}

/// Points each quote's speaker at the entity one of whose mentions covers it, so that "Doe",
/// "the minister" and "Transport Minister Jane Doe" are one speaker. The head of a speaker
/// phrase is its last name ("union leader Jane Doe" is Doe, not the union), so the mention
/// that ends last wins; but a name that ends the phrase's head ([`head_len`]) is the head
/// ("Chairman Jane Doe, R-N.C.,", "Jane Doe (D-N.Y.)", "Senator Jane Doe of Ohio").
fn link_speakers(annotated: &mut Annotated) {
    let text = &annotated.article.text;
    let entities = &annotated.entities;
    for quote in &mut annotated.quotes {
        let Some(speaker) = quote.speaker.clone() else {
            continue;
        };
        // "Ana Ruiz and Tomas Berg said …" is neither's alone: the voice is the pair as
        // written.
        if parallax_model::speaker_pair(text, entities, &speaker).is_some() {
            continue;
        }
        let head_end = text
            .get(speaker.clone())
            .and_then(head_len)
            .map(|len| speaker.start + len);
        // A party word describes the speaker, whether it qualifies a noun ("Democratic
        // lawmakers", "a senior Republican aide") or is one ("the Senate's top Democrat",
        // "Another Republican, Rep. Jane Doe,"): all the party's members are not one voice.
        let is_party = |entity_idx: usize| {
            let name = entities[entity_idx].name.as_str();
            PARTY_WORDS.contains(&name) && name != "GOP"
        };
        let named_head = head_end.and_then(|head_end| {
            mentions_within(entities, speaker.start..head_end)
                .find(|(mention, entity_idx)| {
                    !mention.by_role && mention.range.end == head_end && !is_party(*entity_idx)
                })
                .map(|(_, entity_idx)| entity_idx)
        });
        // Without a name heading it, the phrase speaks for the body it names ("a spokesman for
        // the ministry", "the Estavian ministry"), but not for one named in a relative clause
        // about it ("senators who pushed the bill through the Legislature").
        let before_relative = text
            .get(speaker.clone())
            .and_then(speaker_relative_clause_start)
            .map_or(speaker.end, |start| speaker.start + start);
        // Of the names in it, one that closes a phrase of the chain is what the phrase is
        // about: "a spokesman for Acme Inc., the Gazette's parent company," speaks for Acme.
        let closes_phrase = |end: usize| {
            text.get(end..before_relative).is_some_and(|rest| {
                let rest = rest.trim_start_matches('.').trim_start();
                rest.is_empty() || rest.starts_with([',', ')'])
            })
        };
        // A name qualifying the one before it ("Mitch McConnell of Kentucky") closes the phrase
        // for that one.
        let mentions: Vec<(std::ops::Range<usize>, usize)> =
            mentions_within(entities, speaker.start..before_relative)
                .map(|(mention, entity_idx)| (mention.range.clone(), entity_idx))
                .collect();
        // Each mention's qualifier, found once: a speaker phrase is short, but bounded work per
        // quote keeps hostile input linear.
        let qualifier_of: Vec<Option<usize>> = mentions
            .iter()
            .map(|(range, _)| {
                mentions.iter().position(|(other, _)| {
                    other.start > range.end
                        && text
                            .get(range.end..other.start)
                            .is_some_and(|between| matches!(between.trim(), "of" | "from"))
                })
            })
            .collect();
        let apposed = named_head
            .is_none()
            .then(|| appositive_of_name(text, entities, &speaker))
            .flatten();
        // Two names joined by "and" ("the mayors of the twin ports, Velmar and Ostrava,") are a
        // pair that speaks together, for neither alone.
        let joined = |first: &std::ops::Range<usize>, second: &std::ops::Range<usize>| {
            first.end <= second.start
                && text
                    .get(first.end..second.start)
                    .is_some_and(parallax_model::joins_two_names)
        };
        let paired = |range: &std::ops::Range<usize>| {
            mentions
                .iter()
                .any(|(other, _)| joined(other, range) || joined(range, other))
        };
        quote.speaker_entity = named_head.or(apposed).or_else(|| {
            mentions
                .iter()
                .enumerate()
                .filter(|(_, (range, entity_idx))| !is_party(*entity_idx) && !paired(range))
                .map(|(idx, (range, entity_idx))| {
                    let end = qualifier_of[idx].map_or(range.end, |other| mentions[other].0.end);
                    let qualifies = qualifier_of.contains(&Some(idx));
                    (!qualifies && closes_phrase(end), range.end, *entity_idx)
                })
                .max()
                .map(|(_, _, entity_idx)| entity_idx)
        });
        // A person's name closing the phrase right after a role or a body, with no preposition
        // before it, is the speaker's own: "analyst with the Velmar Institute Ana Ruiz" (but
        // "a source close to Ana Ruiz" is someone else's source).
        let named_last = mentions.iter().any(|(range, entity_idx)| {
            Some(*entity_idx) == quote.speaker_entity
                && entities[*entity_idx].kind == EntityKind::Person
                && closes_phrase(range.end)
                && words_before(text, &speaker, range)
                    .next()
                    .is_some_and(|word| !quotes::is_preposition(&word))
        });
        if apposed.is_some() || named_last {
            quote.anonymous = false;
        }
        if named_head.is_none() && apposed.is_none() {
            relink_placed_speaker(text, entities, &speaker, &mentions, &is_party, quote);
        }
        if !quote.anonymous && names_no_one(text, entities, &speaker, before_relative) {
            quote.anonymous = true;
        }
        // "The lawmaker said": a role description that names someone the article names is
        // that person, not an unnamed source.
        let identified_by_role = quote.speaker_entity.is_some_and(|entity_idx| {
            entities[entity_idx].mentions.iter().any(|mention| {
                mention.by_role
                    && mention.range.start <= speaker.start
                    && speaker.end <= mention.range.end
            })
        });
        if identified_by_role {
            quote.anonymous = false;
        }
    }
}

/// The person a speaker phrase opened by "a" or "an", or by a party's name and "of", stands in
/// apposition to, when the phrase follows that person's name and a comma ("Senator Jane Doe, a
/// Republican who has been critical of the plan, …", "Jane Doe, Democrat of Lyon, who had
/// suggested …"): the relative clause reports what the person named said.
fn appositive_of_name(
    text: &str,
    entities: &[parallax_model::Entity],
    speaker: &std::ops::Range<usize>,
) -> Option<usize> {
    let phrase = text.get(speaker.clone())?;
    let described = phrase.starts_with("a ")
        || phrase.starts_with("an ")
        || PARTY_WORDS.iter().any(|party| {
            phrase
                .strip_prefix(party)
                .is_some_and(|rest| rest.starts_with(" of "))
        });
    if !described {
        return None;
    }
    let before = text.get(..speaker.start)?.trim_end();
    let name_end = before.strip_suffix(',')?.trim_end().len();
    entities
        .iter()
        .enumerate()
        .find(|(_, entity)| {
            entity.kind == EntityKind::Person
                && entity
                    .mentions
                    .iter()
                    .any(|mention| mention.range.end == name_end)
        })
        .map(|(entity_idx, _)| entity_idx)
}

/// Whether a speaker phrase whose head names no one ("official", "aide", "staffer") has only
/// modifiers for capitals: a place, a body or a party qualifying the head ("a senior American
/// official", "A White House aide", "a senior Democratic staffer"). Such a source is unnamed;
/// the entity it mentions still tells whose side it speaks for.
fn names_no_one(
    text: &str,
    entities: &[parallax_model::Entity],
    speaker: &std::ops::Range<usize>,
    before_relative: usize,
) -> bool {
    let Some(phrase) = text.get(speaker.start..before_relative) else {
        return false;
    };
    // The head is the last word before any apposition or prepositional phrase ("Delegates at
    // the convention of …"); a name in the apposition ("One of its members, Jane Doe,") names
    // the speaker.
    let Some(head) = phrase
        .get(..speaker_head_len(phrase))
        .and_then(|head_phrase| head_phrase.split_whitespace().next_back())
    else {
        return false;
    };
    if !quotes::ANONYMOUS_HEADS.contains(&lowercase(head).as_ref()) {
        return false;
    }
    let modifiers: Vec<std::ops::Range<usize>> =
        mentions_within(entities, speaker.start..before_relative)
            .map(|(mention, _)| mention.range.clone())
            .filter(|range| {
                text.get(range.end..).is_some_and(|rest| {
                    rest.strip_prefix([' ', '-'])
                        .and_then(|rest| rest.chars().next())
                        .is_some_and(char::is_lowercase)
                })
            })
            .collect();
    let mut offset = speaker.start;
    phrase.split(' ').enumerate().all(|(idx, word)| {
        let range = offset..offset + word.len();
        offset += word.len() + 1;
        idx == 0
            || !word
                .trim_start_matches(|ch: char| !ch.is_alphanumeric())
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            || modifiers
                .iter()
                .any(|modifier| modifier.start <= range.start && range.end <= modifier.end)
    })
}

/// The lowercase words of the speaker phrase at `speaker` before `mention`, nearest first.
fn words_before<'t>(
    text: &'t str,
    speaker: &std::ops::Range<usize>,
    mention: &std::ops::Range<usize>,
) -> impl Iterator<Item = Cow<'t, str>> {
    text.get(speaker.start..mention.start)
        .unwrap_or_default()
        .split_whitespace()
        .rev()
        .map(lowercase)
}

/// Relinks `quote`, whose phrase at `speaker` names no one at its head, when the entity it is
/// linked to is a place after a preposition of place: where the speaker is, not who speaks. A
/// person the phrase names is the speaker ("The developer, Ana Ruiz, an investor born in
/// Velmar,"), or else a body it names ("a spokeswoman for Velmar College in Estavia"); without
/// either, "the federal prosecutor in Velmar" and "officers along Estavia's border" are
/// unnamed, the place still telling whose side they speak for. "The government in Velmar" is
/// Velmar's voice.
fn relink_placed_speaker(
    text: &str,
    entities: &[parallax_model::Entity],
    speaker: &std::ops::Range<usize>,
    mentions: &[(std::ops::Range<usize>, usize)],
    is_party: &dyn Fn(usize) -> bool,
    quote: &mut parallax_model::Quote,
) {
    let kind_of = |entity_idx: usize| entities[entity_idx].kind;
    let placed = mentions.iter().any(|(range, entity_idx)| {
        let mut before = words_before(text, speaker, range);
        Some(*entity_idx) == quote.speaker_entity
            && kind_of(*entity_idx) == EntityKind::Place
            && before
                .next()
                .is_some_and(|word| LOCATIVE_PREPOSITIONS.contains(&word.as_ref()))
            && !before
                .next()
                .is_some_and(|word| GOVERNING_BODIES.contains(&word.as_ref()))
    });
    if !placed {
        return;
    }
    let person = mentions
        .iter()
        .find(|(_, entity_idx)| kind_of(*entity_idx) == EntityKind::Person);
    let body = mentions.iter().find(|(_, entity_idx)| {
        kind_of(*entity_idx) == EntityKind::Organization && !is_party(*entity_idx)
    });
    // Two capitalized words opening the phrase are a name the annotator may not know ("Tomas
    // Berg, the party chairman in Velmar County,"): left as it was.
    let opens_with_name = || {
        text.get(speaker.clone()).is_some_and(|phrase| {
            let mut words = phrase.split_whitespace();
            words
                .next()
                .zip(words.next())
                .is_some_and(|(first, second)| {
                    first.starts_with(char::is_uppercase) && second.starts_with(char::is_uppercase)
                })
        })
    };
    if let Some((_, person)) = person {
        quote.speaker_entity = Some(*person);
        quote.anonymous = false;
    } else if let Some((_, body)) = body {
        quote.speaker_entity = Some(*body);
    } else if !opens_with_name() {
        quote.anonymous = true;
    }
}

/// Bodies that speak for the place they sit in: "the government in Velmar" is Velmar's voice.
const GOVERNING_BODIES: &[&str] = &[
    "government",
    "administration",
    "authorities",
    "regime",
    "leadership",
    "ministry",
    "cabinet",
    "parliament",
    "legislature",
    "embassy",
];

/// Prepositions that place a speaker somewhere ([`link_speakers`]).
const LOCATIVE_PREPOSITIONS: &[&str] = &[
    "in", "at", "near", "along", "outside", "inside", "across", "around", "from",
];

/// Party names that, written alone in a speaker's description, describe the speaker.
pub(crate) const PARTY_WORDS: &[&str] =
    &["Republican", "Democrat", "Democratic", "Independent", "GOP"];

/// The length of the head of `phrase`, a speaker phrase with an apposition, a parenthesis, a
/// prepositional phrase or a relative clause ([`speaker_head_len`]); `None` for a phrase with
/// none of them, whose last name is its head.
fn head_len(phrase: &str) -> Option<usize> {
    let head = speaker_head_len(phrase);
    (head < phrase.trim_end().len()).then_some(head)
}

/// `text` lowercased, a typographic apostrophe written as ASCII ("didn’t" reads as "didn't"),
/// as every word of every article is compared with the lexicons. Lowercase ASCII, most words,
/// is borrowed; other ASCII is lowercased without Unicode tables.
pub(crate) fn lowercase(text: &str) -> Cow<'_, str> {
    if !text.is_ascii() {
        Cow::Owned(text.to_lowercase().replace('\u{2019}', "'"))
    } else if text.bytes().any(|byte| byte.is_ascii_uppercase()) {
        Cow::Owned(text.to_ascii_lowercase())
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::Origin;

    fn annotated(text: &str) -> Annotated {
        annotate(
            Article::new(Origin::File("speakers.txt".into()), text.to_string()),
            &Config::new(),
        )
    }

    /// The entity name of each quote's speaker in `text`.
    fn speakers(text: &str) -> Vec<String> {
        let annotated = annotated(text);
        annotated
            .quotes
            .iter()
            .filter_map(|quote| quote.speaker_entity)
            .map(|entity| annotated.entities[entity].name.clone())
            .collect()
    }

    #[test]
    fn every_prefix_of_a_text_is_annotated_without_a_panic() {
        // A text cut anywhere (a truncated scrape, a lead cut at a word limit) ends where a
        // rule may look a word further: each rule must stop at the end.
        let text = "PORTVALE, May 3 (Wire) - Mayor Ana Ruiz of Portvale, a former union leader, \
                    said on Monday that the harbor would reopen by mid-June. \u{201c}We lost a \
                    week,\u{201d} she added. Another council member, who asked not to be named, \
                    told reporters that about 4,000 to 5,000 workers had struck. The new pier, \
                    according to the port authority, will open in May. Senior officials say the \
                    ferries run again; critics disagree. The board";
        for (end, _) in text.char_indices().filter(|&(_, c)| c == ' ') {
            annotated(&text[..end]);
        }
    }

    #[test]
    fn a_party_word_describes_a_speaker_and_names_no_one() {
        assert_eq!(
            speakers(
                "The bill drew fire on Monday. Another moderate Democrat, Senator Ana Ruiz of \
                 Lyon, also said she would reject the plan."
            ),
            ["Ana Ruiz"]
        );
        // A description after a name and a comma is that person's, relative clause and all.
        assert_eq!(
            speakers(
                "That sent lawmakers like Senator Ilona Marsh, a Republican who has been \
                 critical of the board, back to the rules."
            ),
            ["Ilona Marsh"]
        );
        assert_eq!(
            speakers(
                "It pleased Senator Karel Vostrik, Republican of Lyon, who had suggested this \
                 week that the harbor plan was doomed."
            ),
            ["Karel Vostrik"]
        );
        let member = "Among the groups is Harbor Watch. One of its members, Tomas Irwin, said \
                      the critics had missed the point.";
        assert_eq!(speakers(member), ["Tomas Irwin"]);
        assert!(
            annotated(member)
                .quotes
                .iter()
                .all(|quote| !quote.anonymous)
        );
        let staffer = annotated(
            "The bill drew fire on Monday. A senior Democratic staffer told the Herald that \
             the vote was likely to happen tonight. A White House official said the talks \
             would resume.",
        );
        let unnamed: Vec<(bool, bool)> = staffer
            .quotes
            .iter()
            .map(|quote| (quote.speaker_entity.is_some(), quote.anonymous))
            .collect();
        // The party is no speaker; the White House still tells whose official spoke.
        assert_eq!(unnamed, [(false, true), (true, true)]);
    }

    /// Each quote's speaker entity, by name, and whether the quote is unnamed.
    fn speaker_links(text: &str) -> Vec<(Option<String>, bool)> {
        let annotated = annotated(text);
        annotated
            .quotes
            .iter()
            .map(|quote| {
                let name = quote
                    .speaker_entity
                    .map(|entity| annotated.entities[entity].name.clone());
                (name, quote.anonymous)
            })
            .collect()
    }

    #[test]
    fn a_place_after_a_preposition_of_place_is_where_the_speaker_is() {
        let text = "A spokesman for the federal prosecutor in Velmar said the case was closed. \
                    The developer, Ana Ruiz, an investor born in Velmar, has said the pier \
                    would open. The government in Velmar says the dam is safe. A spokeswoman \
                    for the Tarrow Institute in Velmar said the report was late.";
        let speakers = speaker_links(text);
        assert_eq!(
            speakers,
            [
                (Some("Velmar".to_string()), true),
                (Some("Ana Ruiz".to_string()), false),
                (Some("Velmar".to_string()), false),
                (Some("Tarrow Institute".to_string()), false)
            ]
        );
    }

    #[test]
    fn two_names_joined_by_and_in_a_speaker_phrase_speak_for_neither() {
        let text = "The port's two pilots' unions, the Velmar Guild and the Ostrava Guild, have \
                    condemned the plan.";
        let speakers = speaker_links(text);
        assert_eq!(speakers.len(), 1);
        assert!(
            !matches!(
                speakers[0].0.as_deref(),
                Some("Velmar Guild" | "Ostrava Guild")
            ),
            "{speakers:?}"
        );
    }

    #[test]
    fn a_name_closing_a_role_and_its_body_is_the_speaker() {
        let text = "\"Both sides are stuck,\" said analyst with the Velmar Institute Ana Ruiz. A \
                    source close to Tomas Berg said the talks would resume.";
        let speakers = speaker_links(text);
        // The second source is close to the person named, not the person.
        assert_eq!(
            speakers,
            [
                (Some("Ana Ruiz".to_string()), false),
                (Some("Tomas Berg".to_string()), true)
            ]
        );
    }

    #[test]
    fn the_name_heading_a_speaker_phrase_speaks_not_its_tag_state_or_office() {
        assert_eq!(
            speakers(
                "\"The harbour must reopen this week,\" Transport Committee Chairman Karel \
                 Vostrik, R-N.C., said on Tuesday."
            ),
            ["Karel Vostrik"]
        );
        assert_eq!(
            speakers(
                "\"This is a dangerous plan,\" Senator Ilona Marsh of Virginia, the ranking \
                 member of the Finance Committee, said in a statement."
            ),
            ["Ilona Marsh"]
        );
        assert_eq!(
            speakers("\"We need more time,\" said Representative Tomas Irwin of Ohio."),
            ["Tomas Irwin"]
        );
        // The body a chairman's office is of does not speak; the chairman named after it does.
        assert_eq!(
            speakers(
                "The chairman of the Senate Harbor and Fisheries Committee, Senator Ana Ruiz, \
                 Democrat of Lyon, said she intends to hold a hearing in July."
            ),
            ["Ana Ruiz"]
        );
        // A role description resolved to a person named before is that person.
        let lawmaker = annotated(
            "Days after a video showed Veskland Rep. Ana Ruiz in a scuffle, the lawmaker said \
             she is sorry.",
        );
        let said = lawmaker
            .quotes
            .iter()
            .find(|quote| {
                quote
                    .speaker
                    .clone()
                    .and_then(|range| lawmaker.article.text.get(range))
                    == Some("the lawmaker")
            })
            .expect("the lawmaker's quote");
        assert!(!said.anonymous);
        assert_eq!(
            said.speaker_entity
                .map(|entity| lawmaker.entities[entity].name.as_str()),
            Some("Ana Ruiz")
        );
        // The head is an office, not a name: the name that follows it speaks.
        assert_eq!(
            speakers(
                "\"We will appeal,\" a spokeswoman for Karel Vostrik, Anna Lenk, said on \
                 Monday."
            ),
            ["Anna Lenk"]
        );
    }

    #[test]
    fn a_phrase_speaks_for_the_name_closing_one_of_its_parts_not_for_a_possessive() {
        assert_eq!(
            speakers(
                "Reached for comment, a spokesman for Veltro Media Inc., the Harbor Gazette's \
                 parent company, denied that the story had been bought."
            ),
            ["Veltro Media Inc."]
        );
        // A name's state and party describe it: "Republicans led by Senator Ivo Brandt of
        // Velmar, the majority leader," speak for Brandt, not for Velmar.
        assert_eq!(
            speakers(
                "Republicans led by Senator Ivo Brandt of Velmar, the majority leader, \
                 pressured the governor to sign the bill."
            ),
            ["Ivo Brandt"]
        );
        // A party tag names no one; nor does what a participle says the speaker was doing.
        assert_eq!(
            speakers(
                "Senator Ivo Brandt, D-N.Y., speaking on the floor of the Harbor Assembly, \
                 said the count was flawed."
            ),
            ["Ivo Brandt"]
        );
    }

    /// The written speaker phrase of each quote of `text`.
    fn speaker_phrases(text: &str) -> Vec<String> {
        annotated(text)
            .quotes
            .iter()
            .filter_map(|quote| quote.speaker.clone())
            .map(|range| text[range].to_string())
            .collect()
    }

    #[test]
    fn a_capitalized_party_plural_is_a_group_for_pronouns() {
        assert_eq!(
            speaker_phrases(
                "Senator Ann Holm met the port unions on Monday. Democrats say the ferry plan \
                 fails. They said the vote would come later. She said she would vote against it."
            ),
            ["Democrats", "Democrats", "Senator Ann Holm"]
        );
    }

    #[test]
    fn a_phrase_speaks_for_the_body_it_names_not_for_one_in_a_relative_clause() {
        let text = "Some Brask senators who pushed the bill through the Harbor Assembly are now \
                    calling for a veto.";
        assert_eq!(
            speaker_phrases(text),
            ["Some Brask senators who pushed the bill through the Harbor Assembly"]
        );
        assert!(
            !speakers(text).iter().any(|name| name.contains("Assembly")),
            "{:?}",
            speakers(text)
        );
        assert_eq!(
            speakers("A spokesman for the Harbor Authority said the port would reopen."),
            ["Harbor Authority"]
        );
    }
}
