//! Voices: who is quoted or paraphrased, by which sources, how often, with which cue verbs.
//!
//! A speaker is recognized across articles by the last word of their name ("Transport Minister
//! Jane Doe", "Ms Doe" and "Doe" are one voice), which is how news refers back to people. Two
//! full names that share it are two voices when the words before it cannot be one given name
//! ("Asa Doe" and his son "Seth Doe"; the "Justice Department" and the "State Department"), and
//! one when they can ("James Doe", "Jim Doe", "James R. Doe"; "Bill" and "William"); a bare
//! "Doe" is the one of them quoted most, and when no full name speaks, is shown by the full name
//! the story gives a person called Doe (unless two people are).
//! Descriptions ("the ministry", "a senior official") are matched as written, and unnamed
//! sources stay unnamed: the brief counts them, it does not guess who they are.

use parallax_model::{
    Annotated, Citation, QuoteKind, Span, Story, Voice, VoiceSource, speaker_head_len,
    speaker_relative_clause_start,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;
use unicode_normalization::UnicodeNormalization;

#[derive(Default)]
struct Accumulator {
    /// Each quote's name for its speaker, with the source that gives it.
    names: Vec<(String, usize)>,
    anonymous: bool,
    n_direct: usize,
    n_indirect: usize,
    cues: HashMap<String, usize>,
    by_source: BTreeMap<usize, usize>,
    citations: Vec<Citation>,
}

impl Accumulator {
    fn absorb(&mut self, other: Accumulator) {
        self.names.extend(other.names);
        self.anonymous |= other.anonymous;
        self.n_direct += other.n_direct;
        self.n_indirect += other.n_indirect;
        for (cue, count) in other.cues {
            *self.cues.entry(cue).or_insert(0) += count;
        }
        for (source, count) in other.by_source {
            *self.by_source.entry(source).or_insert(0) += count;
        }
        self.citations.extend(other.citations);
        self.citations
            .sort_by_key(|citation| (citation.source, citation.span.start));
    }

    fn n_quotes(&self) -> usize {
        self.n_direct + self.n_indirect
    }
}

/// Who a quote's speaker is across articles: the key of their surname or description, and,
/// when an entity gives their full name, the words before the surname and its generation as
/// "given words|generation" ("hillary rodham|", "jesse|jr"; `None` for a bare surname).
type VoiceKey = (String, Option<String>);

/// The voices of `story`, most quoted first.
pub fn voices(story: &Story) -> Vec<Voice> {
    let mut by_key: BTreeMap<VoiceKey, Accumulator> = BTreeMap::new();
    for (article_idx, annotated) in story.articles.iter().enumerate() {
        let source = article_idx + 1;
        for quote in &annotated.quotes {
            let Some((key, name)) = speaker(annotated, quote) else {
                continue;
            };
            let text = &annotated.article.text;
            let accumulator = by_key.entry(key).or_default();
            accumulator.names.push((name, source));
            accumulator.anonymous |= quote.anonymous;
            match quote.kind {
                QuoteKind::Direct => accumulator.n_direct += 1,
                QuoteKind::Indirect => accumulator.n_indirect += 1,
            }
            // A colon handing over to a quote ("Ruiz was blunt:") is no verb to list.
            if let Some(cue) = quote
                .cue
                .clone()
                .and_then(|cue| text.get(cue))
                .filter(|cue| cue.chars().any(char::is_alphabetic))
            {
                *accumulator.cues.entry(cue.to_lowercase()).or_insert(0) += 1;
            }
            *accumulator.by_source.entry(source).or_insert(0) += 1;
            accumulator.citations.push(Citation {
                source,
                span: Span::new(
                    annotated.article.id.clone(),
                    quote.content.start,
                    quote.content.end,
                ),
                text: text
                    .get(quote.content.clone())
                    .unwrap_or_default()
                    .to_string(),
            });
        }
    }

    let people = people_named_in_full(story);
    let mut voices: Vec<Voice> = with_bare_surnames_merged(by_key)
        .into_iter()
        .map(|accumulator| {
            let speaker = shown_name(&accumulator.names);
            let speaker = full_name_of(&speaker, &people).unwrap_or(speaker);
            let mut cues: Vec<(String, usize)> = accumulator.cues.into_iter().collect();
            cues.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            Voice {
                speaker,
                anonymous: accumulator.anonymous,
                n_direct: accumulator.n_direct,
                n_indirect: accumulator.n_indirect,
                cues: cues.into_iter().map(|(cue, _)| cue).collect(),
                by_source: accumulator
                    .by_source
                    .into_iter()
                    .map(|(source, n_quotes)| VoiceSource { source, n_quotes })
                    .collect(),
                citations: accumulator.citations,
            }
        })
        .collect();
    voices.sort_by(|a, b| {
        (b.n_direct + b.n_indirect)
            .cmp(&(a.n_direct + a.n_indirect))
            .then(b.by_source.len().cmp(&a.by_source.len()))
            .then(a.speaker.cmp(&b.speaker))
    });
    voices
}

/// People named with a given name, by the lowercase last word of their name: each with the
/// words before it as [`may_be_one_person`] compares them, and the name with the source that
/// writes it.
type PeopleBySurname = BTreeMap<String, Vec<(String, (String, usize))>>;

/// `name` as voices are keyed by it: lowercase, without accents, so the spellings of outlets
/// that drop them are one voice ("Felipe Calderón", "Felipe Calderon").
fn name_key(name: &str) -> String {
    name.nfd()
        .filter(|&c| !unicode_normalization::char::is_combining_mark(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The people of `story` named with a given name ([`PeopleBySurname`]).
fn people_named_in_full(story: &Story) -> PeopleBySurname {
    let mut people = PeopleBySurname::new();
    for (article_idx, annotated) in story.articles.iter().enumerate() {
        for entity in &annotated.entities {
            if entity.kind != parallax_model::EntityKind::Person {
                continue;
            }
            let lower = name_key(&entity.name);
            let Some((surname, Some(given_key))) = surname_and_given(&lower) else {
                continue;
            };
            if !entity.name.starts_with(char::is_uppercase) {
                continue;
            }
            people
                .entry(surname.to_string())
                .or_default()
                .push((given_key, (entity.name.clone(), article_idx + 1)));
        }
    }
    people
}

/// The full name a voice shown by a bare surname ("Ruiz") has in the story: the name of the
/// people [`people_named_in_full`] finds with that surname, when they may all be one person
/// (none when two are: "Ana Ruiz" and her brother "Tomas Ruiz" leave "Ruiz" as it is).
fn full_name_of(speaker: &str, people: &PeopleBySurname) -> Option<String> {
    if speaker.contains(char::is_whitespace) || !speaker.starts_with(char::is_uppercase) {
        return None;
    }
    let lower = name_key(speaker);
    let (surname, None) = surname_and_given(&lower)? else {
        return None;
    };
    let named = people.get(surname)?;
    let (first_given, _) = named.first()?;
    let one_person = named
        .iter()
        .all(|(given, _)| may_be_one_person(first_given, given));
    one_person.then(|| {
        let names: Vec<(String, usize)> = named.iter().map(|(_, name)| name.clone()).collect();
        shown_name(&names)
    })
}

/// The name a voice is shown by, of the names its quotes give (with their sources): a full name
/// before a bare surname, then the form most sources write ("Joe Biden" of four sources
/// before "Joseph Biden" of one), then the longest.
pub(crate) fn shown_name(names: &[(String, usize)]) -> String {
    let mut sources_of: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    for (name, source) in names {
        sources_of.entry(name).or_default().insert(*source);
    }
    sources_of
        .into_iter()
        .max_by(|(a, a_sources), (b, b_sources)| {
            let rank = |name: &str, sources: &BTreeSet<usize>| {
                (
                    name.split_whitespace().count() > 1,
                    sources.len(),
                    name.chars().count(),
                )
            };
            rank(a, a_sources).cmp(&rank(b, b_sources)).then(b.cmp(a))
        })
        .map(|(name, _)| name.to_string())
        .unwrap_or_default()
}

/// The voices of `by_key`, each bare surname's quotes given to the full name with that surname
/// quoted most, when the story has one.
fn with_bare_surnames_merged(by_key: BTreeMap<VoiceKey, Accumulator>) -> Vec<Accumulator> {
    let mut full: BTreeMap<VoiceKey, Accumulator> = BTreeMap::new();
    let mut bare: Vec<(String, Accumulator)> = Vec::new();
    for ((key, given), accumulator) in by_key {
        match given {
            Some(_) => {
                full.insert((key, given), accumulator);
            }
            None => bare.push((key, accumulator)),
        }
    }
    // Full names with one surname, most quoted first, each joining the first kept one whose
    // given name it can be.
    let mut by_surname: BTreeMap<String, Vec<(String, Accumulator)>> = BTreeMap::new();
    for ((key, given), accumulator) in full {
        by_surname
            .entry(key)
            .or_default()
            .push((given.unwrap_or_default(), accumulator));
    }
    let mut kept: BTreeMap<String, Vec<(String, Accumulator)>> = BTreeMap::new();
    for (key, mut names) in by_surname {
        names.sort_by_key(|(_, accumulator)| std::cmp::Reverse(accumulator.n_quotes()));
        // Bodies are one only by their whole name: the House Foreign Affairs and the House
        // Oversight committees share a last word and a first letter.
        let is_body = key
            .strip_prefix("name:")
            .is_some_and(|head| BODY_HEADS.contains(&head));
        let people = kept.entry(key).or_default();
        for (given, accumulator) in names {
            match people.iter_mut().find(|(kept_given, _)| {
                if is_body {
                    body_words(kept_given) == body_words(&given)
                } else {
                    may_be_one_person(kept_given, &given)
                }
            }) {
                Some((_, person)) => person.absorb(accumulator),
                None => people.push((given, accumulator)),
            }
        }
    }
    let mut merged = Vec::new();
    for (key, accumulator) in bare {
        match kept.get_mut(&key).and_then(|people| people.first_mut()) {
            Some((_, person)) => person.absorb(accumulator),
            None => merged.push(accumulator),
        }
    }
    merged.extend(
        kept.into_values()
            .flatten()
            .map(|(_, accumulator)| accumulator),
    );
    merged
}

/// The words of a body's name before its last, as compared across sources: "United States"
/// goes, as "U.S." does (its one-letter parts are no words of the key): "the U.S. Fish and
/// Wildlife Service" is the United States one.
fn body_words(given: &str) -> String {
    given
        .replace("united states", "")
        .replace("united kingdom", "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Last words of the names of bodies, which are not people's surnames.
const BODY_HEADS: &[&str] = &[
    "committee",
    "subcommittee",
    "commission",
    "council",
    "department",
    "ministry",
    "agency",
    "office",
    "bureau",
    "court",
    "party",
    "association",
    "institute",
    "university",
    "college",
    "foundation",
    "center",
    "centre",
    "union",
    "organization",
    "organisation",
    "corporation",
    "company",
    "network",
    "news",
    "service",
    "board",
    "authority",
];

/// Familiar forms of given names that do not share the name's first letter; those that do
/// ("Jim", "Mike", "Chuck") are taken for it by that letter.
const NICKNAMES: &[(&str, &str)] = &[
    ("bill", "william"),
    ("billy", "william"),
    ("will", "william"),
    ("bob", "robert"),
    ("bobby", "robert"),
    ("rob", "robert"),
    ("dick", "richard"),
    ("rick", "richard"),
    ("ted", "edward"),
    ("ted", "theodore"),
    ("ned", "edward"),
    ("liz", "elizabeth"),
    ("beth", "elizabeth"),
    ("betsy", "elizabeth"),
    ("betty", "elizabeth"),
    ("peggy", "margaret"),
    ("meg", "margaret"),
    ("jack", "john"),
    ("hank", "henry"),
    ("polly", "mary"),
    ("molly", "mary"),
    ("sally", "sarah"),
    ("jerry", "gerald"),
    ("tony", "anthony"),
    ("sandy", "alexander"),
    ("kathy", "catherine"),
    ("kate", "catherine"),
    ("cathy", "katherine"),
];

/// Whether two names with one surname may name one person, given the words before the
/// surname and the generation of each ("hillary rodham|", "jesse|jr"): the generation must be
/// the same, and the first word of one may be one of the other's, as the same word, a familiar
/// form of it ([`NICKNAMES`]) or, short of a list of every nickname, a word with the same first
/// letter ("James" and "Jim", "Raúl" and "Raul").
pub(crate) fn may_be_one_person(a: &str, b: &str) -> bool {
    let (a_given, a_generation) = a.split_once('|').unwrap_or((a, ""));
    let (b_given, b_generation) = b.split_once('|').unwrap_or((b, ""));
    if a_generation != b_generation {
        return false;
    }
    let one_name = |x: &str, y: &str| {
        x.chars().next() == y.chars().next()
            || NICKNAMES.iter().any(|&(nickname, name)| {
                (nickname == x && name == y) || (nickname == y && name == x)
            })
    };
    let first_of_one_in_other = |one: &str, other: &str| {
        one.split(' ')
            .next()
            .is_some_and(|first| other.split(' ').any(|word| one_name(first, word)))
    };
    first_of_one_in_other(a_given, b_given) || first_of_one_in_other(b_given, a_given)
}

/// Head nouns of occasions, which a quote's speaker phrase may name instead of the speaker
/// ("The visit signals …"); a press or news conference too, but not "the conference", which
/// may be a body.
const OCCASIONS: &[&str] = &[
    "interview",
    "interviews",
    "visit",
    "event",
    "events",
    "hearing",
    "speech",
    "rally",
    "debate",
    "briefing",
    "appearance",
    "ceremony",
    "summit",
];

/// Words after a surname that tell a father from a son ("Donald Doe Jr.").
const GENERATIONS: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// Pronouns and quantifiers that stand where a speaker would but name no one.
const NOT_SPEAKERS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "who", "every", "everyone", "none", "nobody",
    "each", "several", "some", "many", "both", "all", "any", "other", "others", "most", "few",
    "him", "her", "them", "us", "me", "one", "this", "that", "these", "those", "which", "what",
    "his", "their", "its", "our", "my", "your", "whose",
];

/// `name` without a possessive ending ("Ruiz's", "the officials'"); a plural or a name ending
/// in "s" ("the two sides", "Reuters") keeps it.
fn without_possessive(name: &str) -> &str {
    ["'s", "\u{2019}s", "'", "\u{2019}"]
        .iter()
        .find_map(|ending| name.strip_suffix(ending))
        .unwrap_or(name)
}

/// Whether the speaker's entity is named in its phrase only before a lowercase word of the
/// phrase's head ([`speaker_head_len`]), which the name modifies ("Estavian" in "the Estavian
/// foreign ministry"). A possessive ("the minister's spokesman") names whom the speaker speaks
/// for, as does a name after the head ("a spokesman for the ministry").
/// A quote's speaker phrase with the entity it is linked to: its range, its words, and where
/// its head ends ([`speaker_head_len`]).
struct LinkedSpeaker<'a> {
    speaker: Range<usize>,
    phrase: &'a str,
    entity: &'a parallax_model::Entity,
    head_end: usize,
}

fn linked_speaker<'a>(
    annotated: &'a Annotated,
    quote: &parallax_model::Quote,
) -> Option<LinkedSpeaker<'a>> {
    let speaker = quote.speaker.clone()?;
    let entity = annotated.entities.get(quote.speaker_entity?)?;
    let phrase = annotated.article.text.get(speaker.clone())?;
    let head_end = speaker.start + speaker_head_len(phrase);
    Some(LinkedSpeaker {
        speaker,
        phrase,
        entity,
        head_end,
    })
}

/// Whether the quote's speaker entity is only a place where the people the speaker phrase's
/// plural head names are ("the authorities in Velmar and elsewhere"), not who speaks; a body
/// in a place ("the government in Velmar") stands for the place.
fn entity_places_head(annotated: &Annotated, quote: &parallax_model::Quote) -> bool {
    let Some(LinkedSpeaker {
        speaker,
        phrase,
        entity,
        head_end,
    }) = linked_speaker(annotated, quote)
    else {
        return false;
    };
    let plural_head = phrase[..head_end - speaker.start]
        .split_whitespace()
        .next_back()
        .is_some_and(|head| head.ends_with('s') && !head.ends_with("ss"));
    if entity.kind != parallax_model::EntityKind::Place || !plural_head {
        return false;
    }
    let text = &annotated.article.text;
    let Some(first_mention) = entity
        .mentions
        .iter()
        .filter(|mention| speaker.start <= mention.range.start && mention.range.end <= speaker.end)
        .map(|mention| mention.range.start)
        .min()
    else {
        return false;
    };
    first_mention >= head_end
        && text
            .get(head_end..first_mention)
            .and_then(|between| between.split_whitespace().next())
            .is_some_and(|preposition| {
                matches!(
                    preposition,
                    "in" | "at" | "across" | "around" | "outside" | "near" | "throughout"
                )
            })
}

fn entity_modifies_head(annotated: &Annotated, quote: &parallax_model::Quote) -> bool {
    let Some(LinkedSpeaker {
        speaker,
        entity,
        head_end,
        ..
    }) = linked_speaker(annotated, quote)
    else {
        return false;
    };
    let text = &annotated.article.text;
    let mut in_head = entity
        .mentions
        .iter()
        .filter(|mention| speaker.start <= mention.range.start && mention.range.end <= head_end)
        .peekable();
    in_head.peek().is_some()
        && in_head.all(|mention| {
            text.get(mention.range.end..head_end).is_some_and(|rest| {
                match rest.strip_prefix(['\'', '\u{2019}']) {
                    // "the Kremlin's spokesman" speaks for the Kremlin; "America's allies" and
                    // "Ruiz's critics" speak for themselves.
                    Some(possessed) => possessed
                        .strip_prefix('s')
                        .unwrap_or(possessed)
                        .split_whitespace()
                        .next_back()
                        .is_some_and(|noun| {
                            OTHERS_THAN_THE_POSSESSOR.contains(&noun) || is_party_member(noun)
                        }),
                    // A compound adjective ("the Velmari-born journalist") only qualifies
                    // the noun after it.
                    None if rest.starts_with('-') => rest.split_whitespace().count() >= 2,
                    None => is_noun_head(rest),
                }
            })
        })
}

/// Whether `noun` is a party's member ("the Senate's top Democrat" is one senator, not the
/// Senate speaking).
fn is_party_member(noun: &str) -> bool {
    matches!(
        noun,
        "Democrat" | "Democrats" | "Republican" | "Republicans" | "Independent"
    )
}

/// Nouns for people who, after a possessive, are others than its owner: "America's allies",
/// "Ruiz's critics" are not America or Ruiz speaking.
const OTHERS_THAN_THE_POSSESSOR: &[&str] = &[
    "allies",
    "ally",
    "critics",
    "critic",
    "opponents",
    "opponent",
    "rivals",
    "rival",
    "enemies",
    "foes",
    "detractors",
    "challengers",
    "challenger",
    "neighbors",
    "neighbours",
    "partners",
    "victims",
    "accusers",
    "accuser",
];

/// Lowercase words after a name in a speaker phrase that are no noun it modifies: times,
/// quantifiers, reflexives and adverbs ("Ruiz this week", "Ruiz himself", "the Ruizes both").
const NOT_HEAD_NOUNS: &[&str] = &[
    "this",
    "that",
    "these",
    "those",
    "last",
    "next",
    "week",
    "month",
    "year",
    "day",
    "today",
    "himself",
    "herself",
    "itself",
    "themselves",
    "all",
    "both",
    "each",
    "alone",
    "too",
    "also",
    "again",
    "then",
    "now",
    "only",
    "even",
    "still",
    "just",
    "first",
    "and",
    "or",
    "but",
];

/// Singular nouns of people and bodies that head a speaker phrase after a name that modifies
/// them ("the Estavian foreign ministry", "a Romney campaign aide"); plurals are recognised by
/// their ending.
const HEAD_NOUNS: &[&str] = &[
    "ministry",
    "government",
    "administration",
    "regime",
    "department",
    "agency",
    "office",
    "committee",
    "commission",
    "council",
    "board",
    "panel",
    "caucus",
    "delegation",
    "group",
    "organization",
    "organisation",
    "association",
    "coalition",
    "union",
    "court",
    "party",
    "campaign",
    "team",
    "staff",
    "family",
    "television",
    "media",
    "press",
    "newspaper",
    "network",
    "broadcaster",
    "leadership",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "aide",
    "adviser",
    "advisor",
    "host",
    "director",
    "leader",
    "agent",
    "president",
    "chairman",
    "chairwoman",
    "candidate",
    "nominee",
    "operative",
    "lawyer",
    "attorney",
    "senator",
    "congressman",
    "congresswoman",
    "lawmaker",
    "legislator",
    "representative",
    "mayor",
    "judge",
    "prosecutor",
    "sheriff",
    "governor",
    "secretary",
    "minister",
    "source",
    "officer",
    "analyst",
    "commander",
    "envoy",
    "ambassador",
    "diplomat",
    "daughter",
    "son",
    "wife",
    "husband",
    "mother",
    "father",
];

/// Whether `words`, after a name, are the rest of a noun phrase's head that the name modifies:
/// one to three lowercase words ending in a plural or one of [`HEAD_NOUNS`] ("foreign
/// ministry", "senators", "state television"), none of them one of [`NOT_HEAD_NOUNS`].
fn is_noun_head(words: &str) -> bool {
    let words: Vec<&str> = words.split_whitespace().collect();
    let Some(last) = words.last() else {
        return false;
    };
    let is_plural = last.len() > 3 && last.ends_with('s') && !last.ends_with("ss");
    words.len() <= 3
        && (is_plural || HEAD_NOUNS.contains(last))
        && words.iter().all(|word| {
            word.chars().all(|c| c.is_lowercase() || c == '-') && !NOT_HEAD_NOUNS.contains(word)
        })
}

/// The name the voices show for the speaker of `quote`, if it has one.
pub(crate) fn shown_speaker(
    annotated: &Annotated,
    quote: &parallax_model::Quote,
) -> Option<String> {
    speaker(annotated, quote).map(|(_, name)| name)
}

/// The key that identifies a quote's speaker across articles, and the name to show.
fn speaker(annotated: &Annotated, quote: &parallax_model::Quote) -> Option<(VoiceKey, String)> {
    let text = &annotated.article.text;
    let written = quote
        .speaker
        .clone()
        .and_then(|range| text.get(range))
        .map(|name| without_possessive(name.trim()).trim());
    // "The past two months have worried …": a speaker that opens with a length or a date is
    // no one's voice (one that mentions a time later, in a relative clause, may be).
    let is_time = quote.speaker.as_ref().is_some_and(|range| {
        annotated
            .times
            .iter()
            .any(|time| time.range.contains(&range.start))
    });
    if is_time {
        return None;
    }
    let entity_name = quote
        .speaker_entity
        .and_then(|entity| annotated.entities.get(entity))
        .map(|entity| entity.name.as_str());
    // An apposition ("The minister, an engineer who …,") describes the speaker; the name is
    // before it. A conjunction before a name is left over from a list of speakers.
    // An unnamed source keeps its description ("Oltessan officials"); the entity it mentions
    // (a country, a ministry) is not the speaker.
    // So does a description whose head the entity only modifies ("the Estavian foreign
    // ministry", "both Republican U.S. senators"): the entity gives its side, not its name.
    let name = if quote.anonymous
        || entity_modifies_head(annotated, quote)
        || entity_places_head(annotated, quote)
    {
        written.or(entity_name)?
    } else {
        entity_name.or(written)?
    };
    // So does a relative clause ("Senators who pushed the bill …").
    let name = name.split(',').next().unwrap_or_default().trim();
    let name = speaker_relative_clause_start(name).map_or(name, |start| name[..start].trim_end());
    let name = ["and ", "but ", "or "]
        .iter()
        .find_map(|conjunction| name.strip_prefix(conjunction))
        .unwrap_or(name)
        .trim();
    if name.is_empty() {
        return None;
    }
    let lower = name_key(name);
    // A pronoun contracted with an auxiliary ("We've", "they’re") is a pronoun still.
    let uncontracted = lower
        .split_once(['\'', '\u{2019}'])
        .filter(|(_, auxiliary)| matches!(*auxiliary, "s" | "re" | "ll" | "d" | "ve" | "m"))
        .map_or(lower.as_str(), |(pronoun, _)| pronoun);
    if NOT_SPEAKERS.contains(&uncontracted) {
        return None;
    }
    // "None of the countries reported progress", "no official commented": no one spoke.
    let denies_a_speaker = lower
        .split_whitespace()
        .next()
        .is_some_and(|first| matches!(first, "none" | "neither" | "nobody" | "no"));
    if denies_a_speaker {
        return None;
    }
    // "This small detail indicates …", "these figures show …": a thing pointed back to, not a
    // person or body speaking (an unnamed source, "this official", is marked anonymous; "those
    // briefed on the talks" are people).
    let points_back = ["this ", "that ", "these "]
        .iter()
        .any(|demonstrative| lower.starts_with(demonstrative));
    if points_back && !quote.anonymous && quote.speaker_entity.is_none() {
        return None;
    }
    let without_article = ["the ", "a ", "an "]
        .iter()
        .find_map(|article| lower.strip_prefix(article));
    // A phrase opened by a quantifier describes its speakers ("Two heartland states", "Some
    // sheriffs"): keyed by its last word as a name is, two such would be one voice.
    let quantified = lower
        .split_whitespace()
        .next()
        .is_some_and(parallax_model::is_quantifier);
    let is_description = without_article.is_some()
        || quantified
        || (name.chars().next().is_some_and(char::is_lowercase) && !opens_with_particle(name));
    // "In a Wednesday press conference announcing …": an occasion is where someone spoke,
    // not who.
    let words: Vec<&str> = lower.split_whitespace().collect();
    let names_an_occasion = match words.as_slice() {
        [.., "press" | "news", "conference"] => true,
        [.., head] => words.len() <= 4 && OCCASIONS.contains(head),
        [] => false,
    };
    if is_description && names_an_occasion && !quote.anonymous && quote.speaker_entity.is_none() {
        return None;
    }
    if quote.anonymous || is_description {
        let key = without_article.unwrap_or(&lower);
        return Some(((format!("description:{key}"), None), name.to_string()));
    }
    // Two names joined by "and" that no one entity names ("Carvania and Oltessa agreed …")
    // speak together: one voice, whichever comes first, apart from each alone.
    if quote.speaker_entity.is_none()
        && let Some((left, right)) = lower.split_once(" and ")
    {
        let mut parts = [left.trim(), right.trim()];
        parts.sort_unstable();
        return Some((
            (format!("joint:{}|{}", parts[0], parts[1]), None),
            name.to_string(),
        ));
    }
    let (surname, given_key) = surname_and_given(&lower)?;
    // An entity's name is the fullest the article gives: the words before its surname (but
    // middle initials) tell apart people, and bodies, who share the surname.
    let from_entity = entity_name.is_some_and(|entity| entity.eq_ignore_ascii_case(name));
    let given_key = given_key.filter(|_| from_entity);
    Some(((format!("name:{surname}"), given_key), name.to_string()))
}

/// Whether `name` opens with a lowercase particle of a surname and the capitalized rest of it
/// ("de Léon", "van der Berg"): a name, not a description.
fn opens_with_particle(name: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "de", "del", "della", "der", "di", "da", "dos", "du", "la", "le", "van", "von", "bin",
        "ibn", "al",
    ];
    let mut words = name.split_whitespace().peekable();
    let mut n_particles = 0;
    while words.next_if(|word| PARTICLES.contains(word)).is_some() {
        n_particles += 1;
    }
    n_particles > 0
        && words
            .next()
            .is_some_and(|word| word.starts_with(char::is_uppercase))
}

/// The surname of `lower`, a lowercase name, and the words before it as two names of one
/// surname are compared ([`may_be_one_person`]): "given words|generation" ("hillary rodham|",
/// "jesse|jr"), middle initials left out; `None` for a bare surname.
fn surname_and_given(lower: &str) -> Option<(&str, Option<String>)> {
    let lower_words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|word| !word.is_empty())
        .collect();
    let generation = lower_words
        .last()
        .filter(|word| GENERATIONS.contains(word) && lower_words.len() > 2);
    let name_words = &lower_words[..lower_words.len() - usize::from(generation.is_some())];
    let (surname, before) = name_words.split_last()?;
    let given: Vec<&str> = before
        .iter()
        .filter(|word| word.chars().count() > 1)
        .copied()
        .collect();
    let given_key = (!given.is_empty()).then(|| {
        format!(
            "{}|{}",
            given.join(" "),
            generation.copied().unwrap_or_default()
        )
    });
    Some((surname, given_key))
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::{Article, Entity, EntityKind, Mention, Origin, Quote};

    fn quoted(name: &str, text: &str, quotes: &[(&str, &str, &str, QuoteKind, bool)]) -> Annotated {
        let mut annotated = Annotated::new(Article::new(Origin::File(name.into()), text.into()));
        for (speaker, cue, content, kind, anonymous) in quotes {
            let find = |needle: &str| text.find(needle).map(|start| start..start + needle.len());
            annotated.quotes.push(Quote {
                kind: *kind,
                content: find(content).expect("content in text"),
                continuation: Vec::new(),
                cue: find(cue),
                speaker: find(speaker),
                speaker_pronoun: None,
                speaker_entity: None,
                anonymous: *anonymous,
            });
        }
        annotated
    }

    #[test]
    fn bodies_are_one_voice_only_by_their_whole_name() {
        let by_key: BTreeMap<VoiceKey, Accumulator> = [
            ("committee", "house foreign affairs|"),
            ("committee", "house oversight and government reform|"),
            ("service", "united states fish and wildlife|"),
            ("service", "fish and wildlife|"),
            ("clinton", "bill|"),
            ("clinton", "billy|"),
        ]
        .into_iter()
        .map(|(surname, given)| {
            let accumulator = Accumulator {
                names: vec![(format!("{given} {surname}"), 1)],
                n_direct: 1,
                ..Accumulator::default()
            };
            (
                (format!("name:{surname}"), Some(given.to_string())),
                accumulator,
            )
        })
        .collect();
        let mut merged: Vec<usize> = with_bare_surnames_merged(by_key)
            .iter()
            .map(Accumulator::n_quotes)
            .collect();
        merged.sort_unstable();
        // Two committees; one service, written with and without "United States"; one person.
        assert_eq!(merged, [1, 1, 2, 2]);
    }

    #[test]
    fn a_place_the_speakers_are_in_is_no_voice() {
        let text = "The authorities in Velmar and elsewhere have warned that the pier is unsafe.";
        let mut annotated = quoted(
            "a.txt",
            text,
            &[(
                "The authorities in Velmar and elsewhere",
                "have warned",
                "that the pier is unsafe",
                QuoteKind::Indirect,
                false,
            )],
        );
        let velmar = text.find("Velmar").expect("in text");
        annotated.entities.push(Entity {
            kind: EntityKind::Place,
            name: "Velmar".into(),
            mentions: vec![Mention {
                range: velmar..velmar + "Velmar".len(),
                by_role: false,
            }],
            country: None,
            role: None,
        });
        annotated.quotes[0].speaker_entity = Some(0);
        let found = voices(&Story::new(vec![annotated]));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].speaker, "The authorities in Velmar and elsewhere");
    }

    #[test]
    fn names_joined_by_and_are_one_voice_apart_from_each_alone() {
        // No one entity names a pair: the annotator links such a speaker to none.
        let pair = |file: &str, name: &str| {
            let mut annotated = said_by(file, name);
            annotated.entities.clear();
            annotated.quotes[0].speaker_entity = None;
            annotated
        };
        let story = Story::new(vec![
            pair("a.txt", "Velmar and Ostrava"),
            pair("b.txt", "Ostrava and Velmar"),
            said_by("c.txt", "Ostrava"),
        ]);
        let found = voices(&story);
        let rows: Vec<(&str, usize)> = found
            .iter()
            .map(|voice| (voice.speaker.as_str(), voice.n_indirect))
            .collect();
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert!(rows.contains(&("Ostrava", 1)), "{rows:?}");
        assert!(
            rows.iter()
                .any(|(speaker, n)| speaker.contains(" and ") && *n == 2),
            "{rows:?}"
        );
    }

    #[test]
    fn a_surname_with_a_particle_is_a_name() {
        let story = Story::new(vec![
            said_by("a.txt", "Ana de Velmar"),
            said_by("b.txt", "de Velmar"),
        ]);
        let found = voices(&story);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].speaker, "Ana de Velmar");
    }

    #[test]
    fn spellings_with_and_without_accents_are_one_voice() {
        let story = Story::new(vec![
            said_by("a.txt", "Tomás Bergé"),
            said_by("b.txt", "Tomas Berge"),
            said_by("c.txt", "Bergé"),
        ]);
        let found = voices(&story);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].n_indirect, 3);
    }

    #[test]
    fn a_voice_is_shown_by_a_full_name_most_sources_write() {
        let names = |names: &[(&str, usize)]| -> Vec<(String, usize)> {
            names
                .iter()
                .map(|(name, source)| (name.to_string(), *source))
                .collect()
        };
        assert_eq!(
            shown_name(&names(&[
                ("Ana Ruiz", 1),
                ("Ana Ruiz", 2),
                ("Anabel M. Ruiz", 3),
                ("Ruiz", 4),
                ("Ruiz", 5),
                ("Ruiz", 6),
            ])),
            "Ana Ruiz"
        );
        // Of forms each source writes once, the longest.
        assert_eq!(
            shown_name(&names(&[("Ana Ruiz", 1), ("Anabel M. Ruiz", 2)])),
            "Anabel M. Ruiz"
        );
        assert_eq!(shown_name(&names(&[("Ruiz", 1)])), "Ruiz");
    }

    #[test]
    fn a_speaker_that_denies_anyone_spoke_is_no_voice() {
        let text = "None of the countries reported progress. No official commented on the talks.";
        let annotated = quoted(
            "a.txt",
            text,
            &[
                (
                    "None of the countries",
                    "reported",
                    "progress",
                    QuoteKind::Indirect,
                    false,
                ),
                (
                    "No official",
                    "commented on",
                    "the talks",
                    QuoteKind::Indirect,
                    true,
                ),
            ],
        );
        assert!(voices(&Story::new(vec![annotated])).is_empty());
    }

    #[test]
    fn times_bare_pronouns_and_things_pointed_back_to_are_no_voices() {
        use parallax_model::{TimeExpression, TimeKind};
        let text = "The past two months have worried the region. This suggests talks, according to him. This small detail shows fear. We’ve spoken about it.";
        let mut annotated = quoted(
            "a.txt",
            text,
            &[
                (
                    "The past two months",
                    "have worried",
                    "the region",
                    QuoteKind::Indirect,
                    false,
                ),
                ("This", "suggests", "talks", QuoteKind::Indirect, false),
                (
                    "This small detail",
                    "shows",
                    "fear",
                    QuoteKind::Indirect,
                    false,
                ),
                (
                    "him",
                    "according to",
                    "This suggests talks",
                    QuoteKind::Indirect,
                    false,
                ),
                ("We’ve", "spoken about", "it", QuoteKind::Indirect, false),
            ],
        );
        annotated.times.push(TimeExpression {
            range: 0.."The past two months".len(),
            kind: TimeKind::Duration,
            value: "P2M".into(),
            modifier: None,
        });
        assert!(voices(&Story::new(vec![annotated])).is_empty());
    }

    #[test]
    fn nouns_of_groups_and_offices_head_a_description_a_name_modifies() {
        // "The Velmar group said", "a Democratic lawmaker", "a Ruiz representative": the
        // description speaks, not the name in it.
        for head in [
            "group",
            "lawmaker",
            "representative",
            "computer crimes prosecutor",
        ] {
            assert!(is_noun_head(head), "{head}");
        }
        assert!(!is_noun_head("this week"));
    }

    #[test]
    fn a_description_a_name_only_modifies_is_its_own_voice() {
        let text = "The Estavian foreign ministry said talks would resume. Estavia said it would \
                    attend. A spokesman for Estavia added that the delegation was ready.";
        let mut annotated = quoted(
            "a.txt",
            text,
            &[
                (
                    "The Estavian foreign ministry",
                    "said",
                    "talks would resume",
                    QuoteKind::Indirect,
                    false,
                ),
                (
                    "Estavia said",
                    "said",
                    "it would attend",
                    QuoteKind::Indirect,
                    false,
                ),
                (
                    "A spokesman for Estavia",
                    "added",
                    "the delegation was ready",
                    QuoteKind::Indirect,
                    false,
                ),
            ],
        );
        // "Estavia said" finds the phrase with its cue; the speaker is the name alone.
        annotated.quotes[1].speaker = text.find("Estavia said").map(|at| at..at + 7);
        let mention = |needle: &str| {
            let at = text.find(needle).expect("mention in text");
            Mention {
                range: at..at + needle.split(' ').next().unwrap_or_default().len(),
                by_role: false,
            }
        };
        let mentions = vec![
            mention("Estavian"),
            mention("Estavia said"),
            mention("Estavia added"),
        ];
        annotated.entities.push(Entity {
            kind: EntityKind::Place,
            name: "Estavia".to_string(),
            mentions,
            country: Some("EST".to_string()),
            role: None,
        });
        for quote in &mut annotated.quotes {
            quote.speaker_entity = Some(0);
        }
        let names: Vec<String> = voices(&Story::new(vec![annotated]))
            .into_iter()
            .map(|voice| voice.speaker)
            .collect();
        assert_eq!(names, ["Estavia", "The Estavian foreign ministry"]);
    }

    /// The voice of "SPEAKER said talks would resume.", the speaker linked to an entity of
    /// `kind` named `name` whose one mention is `mention`.
    fn voice_of_one_speaker(
        speaker: &str,
        kind: EntityKind,
        name: &str,
        mention: std::ops::Range<usize>,
    ) -> Vec<String> {
        let text = format!("{speaker} said talks would resume.");
        let mut annotated = quoted(
            "a.txt",
            &text,
            &[(
                speaker,
                "said",
                "talks would resume",
                QuoteKind::Indirect,
                false,
            )],
        );
        annotated.entities.push(Entity {
            kind,
            name: name.to_string(),
            mentions: vec![Mention {
                range: mention,
                by_role: false,
            }],
            country: None,
            role: None,
        });
        annotated.quotes[0].speaker_entity = Some(0);
        voices(&Story::new(vec![annotated]))
            .into_iter()
            .map(|voice| voice.speaker)
            .collect()
    }

    #[test]
    fn a_name_in_a_compound_adjective_only_modifies() {
        assert_eq!(
            voice_of_one_speaker(
                "The Estavia-born envoy",
                EntityKind::Place,
                "Estavia",
                4..11
            ),
            ["The Estavia-born envoy"]
        );
    }

    #[test]
    fn a_party_member_of_a_body_is_not_the_body() {
        assert_eq!(
            voice_of_one_speaker(
                "The Senate's top Democrat",
                EntityKind::Organization,
                "Senate",
                4..10
            ),
            ["The Senate's top Democrat"]
        );
    }

    #[test]
    fn the_allies_of_a_body_are_not_the_body() {
        let text = "Velmar’s allies said they would wait. Velmar’s spokesman said it would act.";
        let mut annotated = quoted(
            "a.txt",
            text,
            &[
                (
                    "Velmar’s allies",
                    "said they",
                    "they would wait",
                    QuoteKind::Indirect,
                    false,
                ),
                (
                    "Velmar’s spokesman",
                    "said it",
                    "it would act",
                    QuoteKind::Indirect,
                    false,
                ),
            ],
        );
        // Cues found by their first word.
        for (quote, cue) in annotated.quotes.iter_mut().zip(["said they", "said it"]) {
            quote.cue = text.find(cue).map(|at| at..at + 4);
            quote.speaker_entity = Some(0);
        }
        let mentions = text
            .match_indices("Velmar")
            .map(|(at, name)| Mention {
                range: at..at + name.len(),
                by_role: false,
            })
            .collect();
        annotated.entities.push(Entity {
            kind: EntityKind::Organization,
            name: "Velmar".to_string(),
            mentions,
            country: None,
            role: None,
        });
        let mut names: Vec<String> = voices(&Story::new(vec![annotated]))
            .into_iter()
            .map(|voice| voice.speaker)
            .collect();
        names.sort();
        assert_eq!(names, ["Velmar", "Velmar’s allies"]);
    }

    /// An article of one sentence in which `name`, an entity, says something.
    fn said_by(file: &str, name: &str) -> Annotated {
        let text = format!("{name} said the vote was close.");
        let mut annotated = quoted(
            file,
            &text,
            &[(
                name,
                "said",
                "the vote was close",
                QuoteKind::Indirect,
                false,
            )],
        );
        annotated.entities.push(Entity {
            kind: EntityKind::Person,
            name: name.to_string(),
            mentions: vec![Mention {
                range: 0..name.len(),
                by_role: false,
            }],
            country: None,
            role: None,
        });
        annotated.quotes[0].speaker_entity = Some(0);
        annotated
    }

    #[test]
    fn a_bare_surname_is_shown_by_the_full_name_the_story_gives() {
        let bare = |file: &str| {
            quoted(
                file,
                "Ruiz said the vote was close.",
                &[(
                    "Ruiz",
                    "said",
                    "the vote was close",
                    QuoteKind::Indirect,
                    false,
                )],
            )
        };
        let named = |file: &str, name: &str| {
            let mut annotated = said_by(file, name);
            annotated.quotes.clear();
            annotated
        };
        let speakers = |articles: Vec<Annotated>| -> Vec<String> {
            voices(&Story::new(articles))
                .into_iter()
                .map(|voice| voice.speaker)
                .collect()
        };
        assert_eq!(
            speakers(vec![bare("a.txt"), named("b.txt", "Ana Ruiz")]),
            ["Ana Ruiz"]
        );
        assert_eq!(
            speakers(vec![
                bare("a.txt"),
                named("b.txt", "Ana Ruiz"),
                named("c.txt", "Tomas Ruiz")
            ]),
            ["Ruiz"]
        );
        assert_eq!(speakers(vec![bare("a.txt")]), ["Ruiz"]);
    }

    #[test]
    fn full_names_that_share_a_surname_are_one_voice_only_if_one_given_name_fits_both() {
        let story = Story::new(
            [
                "Asa Vell",
                "Seth Vell",
                "Vell",
                "Asa Vell",
                "William Tarn",
                "Bill Tarn",
                "James Q. Orr",
                "Jim Orr",
                "Hana Rodham Orr",
                "Ivo Orr Jr.",
            ]
            .iter()
            .enumerate()
            .map(|(idx, name)| said_by(&format!("{idx}.txt"), name))
            .collect(),
        );
        let mut summary: Vec<(String, Vec<usize>)> = voices(&story)
            .into_iter()
            .map(|voice| {
                let sources = voice.by_source.iter().map(|source| source.source).collect();
                (voice.speaker, sources)
            })
            .collect();
        summary.sort();
        let expected = [
            // The bare surname goes to the one of them quoted most.
            ("Asa Vell", vec![1, 3, 4]),
            ("Hana Rodham Orr", vec![9]),
            ("Ivo Orr Jr.", vec![10]),
            ("James Q. Orr", vec![7, 8]),
            ("Seth Vell", vec![2]),
            ("William Tarn", vec![5, 6]),
        ]
        .map(|(name, sources)| (name.to_string(), sources));
        assert_eq!(summary, expected);
    }

    #[test]
    fn an_occasion_is_no_voice() {
        let story = Story::new(vec![quoted(
            "a.txt",
            "A Monday press conference announcing the plan drew crowds. The visit signals a thaw.",
            &[
                (
                    "A Monday press conference",
                    "announcing",
                    "the plan",
                    QuoteKind::Indirect,
                    false,
                ),
                ("The visit", "signals", "a thaw", QuoteKind::Indirect, false),
            ],
        )]);
        assert!(voices(&story).is_empty());
    }

    #[test]
    fn one_voice_across_articles_by_surname() {
        let story = Story::new(vec![
            quoted(
                "a.txt",
                "Transport Minister Ida Sorn said the port must reopen.",
                &[(
                    "Transport Minister Ida Sorn",
                    "said",
                    "the port must reopen",
                    QuoteKind::Indirect,
                    false,
                )],
            ),
            quoted(
                "b.txt",
                "\u{201c}We will not wait,\u{201d} Sorn warned. A senior official said talks were over.",
                &[
                    (
                        "Sorn",
                        "warned",
                        "We will not wait,",
                        QuoteKind::Direct,
                        false,
                    ),
                    (
                        "A senior official",
                        "said",
                        "talks were over",
                        QuoteKind::Indirect,
                        true,
                    ),
                ],
            ),
        ]);
        let voices = voices(&story);
        type Summary = (String, bool, usize, usize, Vec<String>, Vec<usize>);
        let summary: Vec<Summary> = voices
            .iter()
            .map(|voice| {
                (
                    voice.speaker.clone(),
                    voice.anonymous,
                    voice.n_direct,
                    voice.n_indirect,
                    voice.cues.clone(),
                    voice.by_source.iter().map(|source| source.source).collect(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                (
                    "Transport Minister Ida Sorn".to_string(),
                    false,
                    1,
                    1,
                    vec!["said".to_string(), "warned".to_string()],
                    vec![1, 2]
                ),
                (
                    "A senior official".to_string(),
                    true,
                    0,
                    1,
                    vec!["said".to_string()],
                    vec![2]
                ),
            ]
        );
    }

    #[test]
    fn descriptions_opened_by_a_quantifier_are_not_keyed_by_their_last_word() {
        let story = Story::new(vec![quoted(
            "a.txt",
            "Two coastal states said the port must reopen. Some sheriffs in bordering states said \
             it must not.",
            &[
                (
                    "Two coastal states",
                    "said",
                    "the port must reopen",
                    QuoteKind::Indirect,
                    false,
                ),
                (
                    "Some sheriffs in bordering states",
                    "said",
                    "it must not",
                    QuoteKind::Indirect,
                    false,
                ),
            ],
        )]);
        let mut names: Vec<String> = voices(&story)
            .into_iter()
            .map(|voice| voice.speaker)
            .collect();
        names.sort();
        assert_eq!(
            names,
            ["Some sheriffs in bordering states", "Two coastal states"]
        );
    }

    #[test]
    fn an_unresolved_possessive_pronoun_is_no_voice() {
        let story = Story::new(vec![quoted(
            "a.txt",
            "The plan won their support for the port.",
            &[(
                "their",
                "support for",
                "the port",
                QuoteKind::Indirect,
                false,
            )],
        )]);
        assert!(voices(&story).is_empty());
    }

    #[test]
    fn possessives_are_cut_and_plurals_kept() {
        assert_eq!(without_possessive("Ruiz's"), "Ruiz");
        assert_eq!(without_possessive("the officials\u{2019}"), "the officials");
        assert_eq!(without_possessive("the two sides"), "the two sides");
        assert_eq!(without_possessive("Reuters"), "Reuters");
        assert_eq!(without_possessive("Jones's"), "Jones");
    }
}
