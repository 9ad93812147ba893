//! Agent disputes: who did something, when sources name different actors for one act.
//!
//! The acts are the ones whose actor news most often gives differently: who asked for or
//! initiated a meeting, who hosted it, and who ended it — each a class of general verbs
//! ("requested", "proposed", "called"; "hosted"; "walked out", "adjourned", "broke off") that
//! counts only next to a word naming a meeting, so "called for calm" is no initiative — and who
//! ordered something done ("ordered", "authorized", "approved" the thing a noun after the verb
//! names, or before it in the passive: "the evacuation had been ordered by …"), one slot for
//! each thing ordered, or what someone is told to act on ("instructed the port to close its
//! gates" orders "gates"); "gave the order" and "ordered the troops to withdraw" order nothing here —
//! and who brought the story's case ("brought", "filed", "lodged" a challenge, petition or
//! lawsuit: one slot whatever each source calls it) — and what caused the story's event, one
//! slot too: a passive of causing ("the fire was started by …", "set deliberately, by …"),
//! blaming ("blames lightning", not "blamed X for Y"), a cause named by a copula ("a lightning
//! strike was the most likely cause") or evidence pointing to it ("everything points to a
//! criminal act"); a cause need be no one. The actor is, in this order: the words
//! after "by" in a passive ("the call was requested by …"), a name set off by commas just before
//! the verb ("The port's director, Ana Ruiz, ordered …"), the noun phrase just before the verb
//! ("the union delegation walked out"), or the clefted phrase of "It was X … that called".
//! Asking for a meeting to be called off ("urged the president to cancel the summit") asks for
//! no meeting. Actors sharing a content word ("union
//! delegation", "militant union bosses") are one side; a slot with two or more sides from two or more sources is a dispute,
//! when two of them cannot be one actor: a country's unnamed representative ("the Russian
//! leader") and a named person of that country, or of no country the article gives, may be the
//! same, and are marked compatible; so are a place and a person or representative of it
//! ("hosted by Veskland", "hosted by Veskland's foreign minister"), and two sides when every
//! source of one names the other side's actor too (it says both acted).

use super::{MEETING_WORDS, UnionFind, Verdict, agreed, is_meeting_word, sentence_citation};
use parallax_model::{AgreedValue, Citation, Dispute, DisputeKind, DisputeSide, Story};
use parallax_text::Terms;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::LazyLock;

/// The classes of acts: what the slot asks, and the verbs (with a particle where the verb
/// needs one) that perform the act.
const ACTS: &[(&str, &[&str])] = &[
    (
        "who ended the",
        &[
            "walk out",
            "storm out",
            "break off",
            "call off",
            "cut short",
            "adjourn",
            "end",
            "abandon",
            "quit",
            "leave",
            "halt",
            "suspend",
            "terminate",
        ],
    ),
    (
        "who asked for the",
        &[
            "ask for", "push for", "call for", "request", "demand", "propose", "initiate",
            "invite", "seek", "suggest", "convene", "call", "arrange", "organise", "organize",
        ],
    ),
    ("who hosted the", &["host"]),
    (
        "who ordered the",
        &["order", "authorize", "authorise", "approve", "instruct"],
    ),
    ("who brought the", &["bring", "file", "lodge", "submit"]),
    // Read by `causes_in`, not by verb: causes are told by nouns and copulas as often.
    ("what caused the", &[]),
];

/// The index in [`ACTS`] of ending a meeting.
const END_CLASS: usize = 0;

/// The index in [`ACTS`] of ordering something done: its object is whatever was ordered ("the
/// evacuation", "the strike"), not a meeting, and each object is an act of its own.
const ORDER_CLASS: usize = 3;

/// The index in [`ACTS`] of bringing a case: its object is a legal action ([`LEGAL_ACTIONS`]),
/// and a story's case is one slot whatever each source calls it ("the challenge", "the
/// petition").
const CASE_CLASS: usize = 4;

/// The index in [`ACTS`] of causing the story's event: "the fire was started by …", "blames
/// lightning", "X was the most likely cause", "everything points to X". One slot, whatever the
/// event is called; the cause need not be anyone ("a lightning strike").
const CAUSE_CLASS: usize = 5;

/// Participles of causing, in the passive before the cause: "was started by", "was set by".
const CAUSING_PARTICIPLES: &[&str] = &[
    "caused",
    "started",
    "sparked",
    "triggered",
    "set",
    "lit",
    "ignited",
];

/// Nouns of an action brought before a court or a tribunal.
const LEGAL_ACTIONS: &[&str] = &[
    "challenge",
    "petition",
    "case",
    "lawsuit",
    "suit",
    "complaint",
    "appeal",
    "injunction",
];

/// Words an ordered thing's phrase may open with after the verb ("ordered the evacuation",
/// "approved its plan").
const OBJECT_DETERMINERS: &[&str] = &["the", "a", "an", "its", "their", "his", "her"];

/// Irregular past forms of the verbs above, with their base form.
const IRREGULAR: &[(&str, &str)] = &[
    ("left", "leave"),
    ("brought", "bring"),
    ("sought", "seek"),
    ("broke", "break"),
    ("broken", "break"),
    ("cut", "cut"),
];

/// How many words from the verb a meeting word may stand.
const MEETING_WINDOW: usize = 10;

/// Words that end an actor's noun phrase when reading back from the verb.
const PHRASE_STOPS: &[&str] = &[
    "the", "a", "an", "that", "which", "who", "and", "or", "but", "to", "for", "of", "said",
    "says", "after", "before", "when", "while", "as", "it", "he", "she", "they", "we", "i", "this",
    "then", "had", "has", "have", "would", "will", "did", "was", "were", "is", "are", "by", "in",
    "on", "at", "with", "not", "never",
];

/// Words between an actor and its verb that belong to neither ("the union had walked out").
const SKIPPED: &[&str] = &[
    "to",
    "had",
    "has",
    "have",
    "would",
    "will",
    "did",
    "does",
    "do",
    "also",
    "then",
    "reportedly",
    "allegedly",
    "abruptly",
    "eventually",
    "finally",
    "first",
];

/// Role words that do not tell actors apart: "the ministry's negotiators" and "the ministry" are
/// one actor.
const GENERIC: &[&str] = &[
    "negotiators",
    "delegation",
    "delegations",
    "officials",
    "official",
    "bosses",
    "leaders",
    "leader",
    "representatives",
    "side",
    "team",
    "envoys",
    "militant",
];

/// Nouns that name an actor without a capital letter ("the union delegation", "the ministry's
/// negotiators"); any other lowercase phrase before the verb ("a strategic choice") is no actor.
const ACTOR_NOUNS: &[&str] = &[
    "union",
    "unions",
    "ministry",
    "government",
    "delegation",
    "delegations",
    "negotiators",
    "officials",
    "mediator",
    "mediators",
    "side",
    "sides",
    "police",
    "army",
    "military",
    "president",
    "minister",
    "leader",
    "leaders",
    "bosses",
    "company",
    "management",
    "employers",
    "workers",
    "strikers",
    "protesters",
    "rebels",
    "opposition",
    "authorities",
    "party",
    "council",
    "committee",
    "envoy",
    "envoys",
    "chairman",
    "chair",
    "host",
    "hosts",
];

/// Whether `actor` names someone: a capitalised word that does not open the sentence, or an
/// actor noun at its head.
fn names_actor(text: &str, actor: &str) -> bool {
    let opens_sentence = text.trim_start().starts_with(actor);
    let capitalised = actor
        .split_whitespace()
        .enumerate()
        .any(|(idx, word)| word.starts_with(char::is_uppercase) && !(idx == 0 && opens_sentence));
    let head = actor
        .split_whitespace()
        .next_back()
        .unwrap_or_default()
        .to_lowercase();
    capitalised || ACTOR_NOUNS.contains(&head.trim_end_matches(['\'', '\u{2019}']))
}

struct Act {
    class: usize,
    /// What is acted on: the meeting word as written, or the thing ordered.
    object: String,
    /// The actor as the brief names it: a person by their name, anything else in the
    /// article's words.
    label: String,
    key: BTreeSet<String>,
    holder: Holder,
    citation: Citation,
}

/// Who an actor is, as far as the article's entities tell.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Holder {
    /// A named person, with their country when the article gives it.
    Person(Option<String>),
    /// Someone who acts for a country, named by the country and a role word only ("the Russian
    /// leader", "Veskland's negotiators").
    CountryRole(String),
    /// A place itself, by its key from [`place_keys`] ("hosted by Veskland").
    Place(String),
    /// Anything else: an organisation, a group.
    Other,
}

impl Holder {
    /// Whether acts by these two holders can be the same act: a country's unnamed
    /// representative and a named person of that country, or of no known country, may be one
    /// person ("the Russian leader" asked, "Putin" asked); a place acts through its people, so
    /// a place and a person or representative of it are one actor ("hosted by Veskland",
    /// "hosted by Veskland's foreign minister Edda Villmark").
    fn compatible(&self, other: &Holder) -> bool {
        match (self, other) {
            (Holder::CountryRole(country), Holder::Person(person_country))
            | (Holder::Person(person_country), Holder::CountryRole(country)) => {
                person_country.as_ref().is_none_or(|code| code == country)
            }
            (Holder::Place(place), Holder::Person(Some(person_place)))
            | (Holder::Person(Some(person_place)), Holder::Place(place))
            | (Holder::Place(place), Holder::CountryRole(person_place))
            | (Holder::CountryRole(person_place), Holder::Place(place)) => place == person_place,
            _ => false,
        }
    }
}

/// The key each entity of each article is compared by when it is a place: its country code,
/// or for a place the gazetteer does not know, one key for all the story's places that share
/// the words of a mention ("Estrelia" with its mention "Estrelian" in one article, "Estrelian"
/// alone in another).
fn place_keys(story: &Story) -> Vec<Vec<String>> {
    use std::collections::hash_map::{Entry, HashMap};
    let entities: Vec<(usize, &parallax_model::Entity)> = story
        .articles
        .iter()
        .enumerate()
        .flat_map(|(article_idx, annotated)| {
            annotated
                .entities
                .iter()
                .map(move |entity| (article_idx, entity))
        })
        .collect();
    let mut groups = UnionFind::new(entities.len());
    let mut first_with: HashMap<String, usize> = HashMap::new();
    for (node, (article_idx, entity)) in entities.iter().enumerate() {
        if entity.kind != parallax_model::EntityKind::Place || entity.country.is_some() {
            continue;
        }
        let text = &story.articles[*article_idx].article.text;
        for mention in entity.mentions.iter().filter(|mention| !mention.by_role) {
            let Some(words) = text.get(mention.range.clone()) else {
                continue;
            };
            match first_with.entry(words.to_lowercase()) {
                Entry::Occupied(first) => groups.union(*first.get(), node),
                Entry::Vacant(vacant) => {
                    vacant.insert(node);
                }
            }
        }
    }
    let mut keys: Vec<Vec<String>> = vec![Vec::new(); story.articles.len()];
    for (node, (article_idx, entity)) in entities.iter().enumerate() {
        let key = entity.country.clone().unwrap_or_else(|| {
            let (_, first) = entities[groups.find(node)];
            format!("name:{}", first.name.to_lowercase())
        });
        keys[*article_idx].push(key);
    }
    keys
}

/// The holder of the actor at `range` of `annotated`'s text: a person whose mention it
/// overlaps (of the country the entity gives, else of a place named before them in the actor:
/// "Estrelian Deputy Minister X"), a place when it is a mention of one, a country's
/// representative when every word of it that is no role word ([`GENERIC`]) lies in a mention
/// of a country and a role word is there, or something else.
/// `place_keys` are the keys of the article's entities, from [`place_keys`].
fn holder(
    annotated: &parallax_model::Annotated,
    place_keys: &[String],
    range: Range<usize>,
) -> Holder {
    use parallax_model::EntityKind;
    let places = || {
        annotated
            .entities
            .iter()
            .zip(place_keys)
            .filter(|(entity, _)| entity.kind == EntityKind::Place)
    };
    let overlaps = |mention: &parallax_model::Mention| {
        mention.range.start < range.end && range.start < mention.range.end
    };
    let person_mention = annotated.entities.iter().find_map(|entity| {
        (entity.kind == EntityKind::Person)
            .then(|| entity.mentions.iter().find(|mention| overlaps(mention)))
            .flatten()
            .map(|mention| (entity, mention.range.start))
    });
    if let Some((person, person_start)) = person_mention {
        let named_before = || {
            places()
                .find(|(place, _)| {
                    place.mentions.iter().any(|mention| {
                        range.start <= mention.range.start && mention.range.end <= person_start
                    })
                })
                .map(|(_, key)| key.clone())
        };
        return Holder::Person(person.country.clone().or_else(named_before));
    }
    let place =
        places().find(|(place, _)| place.mentions.iter().any(|mention| mention.range == range));
    if let Some((_, key)) = place {
        return Holder::Place(key.clone());
    }
    let Some(text) = annotated.article.text.get(range.clone()) else {
        return Holder::Other;
    };
    let mut country: Option<&str> = None;
    let mut has_role_word = false;
    for word in text.split_whitespace() {
        let start = range.start + (word.as_ptr() as usize - text.as_ptr() as usize);
        let lower = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if lower == "the" || lower.is_empty() {
            continue;
        }
        if GENERIC.contains(&lower.as_str()) {
            has_role_word = true;
            continue;
        }
        let word_range = start..start + word.len();
        let in_country = annotated.entities.iter().find_map(|entity| {
            (entity.kind == parallax_model::EntityKind::Place
                && entity.mentions.iter().any(|mention| {
                    mention.range.start < word_range.end && word_range.start < mention.range.end
                }))
            .then_some(entity.country.as_deref())
            .flatten()
        });
        match (in_country, country) {
            (Some(code), None) => country = Some(code),
            (Some(code), Some(known)) if code == known => {}
            _ => return Holder::Other,
        }
    }
    match country {
        Some(code) if has_role_word => Holder::CountryRole(code.to_string()),
        _ => Holder::Other,
    }
}

/// The agent slots of `story`, disputed or agreed.
pub(super) fn agent_verdicts(story: &Story, independent: &[usize]) -> Vec<Verdict> {
    let terms = Terms::new(Some("en"));
    let place_keys = place_keys(story);
    let mut acts: Vec<Act> = Vec::new();
    for (article_idx, annotated) in story.articles.iter().enumerate() {
        for sentence in &annotated.sentences {
            let text = annotated.sentence_text(sentence);
            for (class, object, actor) in acts_in(text) {
                // An actor that is a mention of an entity ("the Russian leader" for a named
                // president) goes by the entity's name, so it meets the other mentions of it.
                let at = text
                    .find(&actor)
                    .map(|offset| sentence.range.start + offset);
                // A person's mention wins over a place inside it ("the Russian leader" is a
                // mention of the president, and "Russian" one of the country).
                let entity_name = at.and_then(|start| {
                    let end = start + actor.len();
                    annotated
                        .entities
                        .iter()
                        .filter(|entity| {
                            entity.mentions.iter().any(|mention| {
                                mention.range.start < end && start < mention.range.end
                            })
                        })
                        .min_by_key(|entity| entity.kind != parallax_model::EntityKind::Person)
                });
                // A person goes by their name ("Vladimir Putin" for "the Russian leader");
                // anything else by the article's words.
                let label = entity_name
                    .filter(|entity| entity.kind == parallax_model::EntityKind::Person)
                    .map_or_else(|| actor.clone(), |entity| entity.name.clone());
                let entity_name = entity_name.map(|entity| entity.name.as_str());
                let key: BTreeSet<String> = entity_name
                    .unwrap_or(&actor)
                    .split_whitespace()
                    .filter(|word| !GENERIC.contains(&word.to_lowercase().as_str()))
                    .flat_map(|word| terms.of(word))
                    .collect();
                if key.is_empty() {
                    continue;
                }
                let holder = at.map_or(Holder::Other, |start| {
                    holder(
                        annotated,
                        &place_keys[article_idx],
                        start..start + actor.len(),
                    )
                });
                acts.push(Act {
                    class,
                    object,
                    label,
                    key,
                    holder,
                    citation: sentence_citation(story, article_idx, &sentence.range),
                });
            }
        }
    }
    // Acts of talks are one slot per class, whatever the meeting is called, and so is bringing
    // the story's case; each ordered thing is a slot of its own.
    let slot_of = |act: &Act| {
        (
            act.class,
            (act.class == ORDER_CLASS).then(|| act.object.clone()),
        )
    };
    let slots: BTreeSet<(usize, Option<String>)> = acts.iter().map(slot_of).collect();
    slots
        .into_iter()
        .filter_map(|slot| {
            let members: Vec<&Act> = acts.iter().filter(|act| slot_of(act) == slot).collect();
            verdict(&members, independent)
        })
        .collect()
}

/// How the sources name the actor of one class of acts: disputed when two sides cannot be one
/// actor, agreed when two or more independent sources name actors that can all be one.
fn verdict(acts: &[&Act], independent: &[usize]) -> Option<Verdict> {
    let first = acts.first()?;
    let mut groups = UnionFind::new(acts.len());
    for (left_idx, left) in acts.iter().enumerate() {
        for (right_idx, right) in acts.iter().enumerate().skip(left_idx + 1) {
            // Acts already on one side need no comparing: the sides are the same either way.
            if groups.find(left_idx) != groups.find(right_idx) && !left.key.is_disjoint(&right.key)
            {
                groups.union(left_idx, right_idx);
            }
        }
    }
    let mut sides: BTreeMap<usize, Vec<&Act>> = BTreeMap::new();
    for (idx, act) in acts.iter().enumerate() {
        sides.entry(groups.find(idx)).or_default().push(act);
    }
    let sources: BTreeSet<usize> = acts.iter().map(|act| act.citation.source).collect();
    if sources.len() < 2 {
        return None;
    }
    let mut sides: Vec<Vec<&Act>> = sides.into_values().collect();
    sides.sort_by_key(|side| std::cmp::Reverse(side.len()));
    // Two sides can both be true when every act of one could be the other's (a country's
    // unnamed representative and a person of that country), or when every source of one names
    // the other side's actor too: a source naming two actors ("the committee" and "leading
    // Democrats" called for it) says both acted, and disagrees with no one.
    let source_ids = |side: &[&Act]| -> BTreeSet<usize> {
        side.iter()
            .map(|act| {
                independent
                    .get(act.citation.source - 1)
                    .copied()
                    .unwrap_or(act.citation.source - 1)
            })
            .collect()
    };
    let compatible = |left: &[&Act], right: &[&Act]| {
        let (left_sources, right_sources) = (source_ids(left), source_ids(right));
        left_sources.is_subset(&right_sources)
            || right_sources.is_subset(&left_sources)
            || left
                .iter()
                .all(|a| right.iter().all(|b| a.holder.compatible(&b.holder)))
    };
    let conflict = sides.iter().enumerate().any(|(idx, side)| {
        sides[idx + 1..]
            .iter()
            .any(|other| !compatible(side, other))
    });
    // A cause's event is named in some sentences only ("the fire was started by …", "it was
    // set by …"); the slot goes by the first that names it.
    let object = acts
        .iter()
        .map(|act| act.object.as_str())
        .find(|object| !object.is_empty());
    let slot = match object {
        Some(object) => format!("{} {object}", ACTS[first.class].0),
        None => "what caused it".to_string(),
    };
    if !conflict {
        let values = sides
            .iter()
            .map(|side| AgreedValue {
                value: side[0].label.clone(),
                citations: side.iter().map(|act| act.citation.clone()).collect(),
            })
            .collect();
        return agreed(slot, DisputeKind::Agent, values, independent);
    }
    Some(Verdict::Disputed(Dispute {
        slot,
        kind: DisputeKind::Agent,
        sides: sides
            .iter()
            .enumerate()
            .map(|(idx, side)| DisputeSide {
                value: side[0].label.clone(),
                compatible_with: sides
                    .iter()
                    .enumerate()
                    .filter(|(other, other_side)| *other != idx && compatible(side, other_side))
                    .map(|(other, _)| other)
                    .collect(),
                citations: side.iter().map(|act| act.citation.clone()).collect(),
            })
            .collect(),
    }))
}

/// The acts of `text`: (class, the meeting word as written or the thing ordered, the actor).
fn acts_in(text: &str) -> Vec<(usize, String, String)> {
    let words = words(text);
    let mut found = Vec::new();
    // Every act needs a meeting word near it; most sentences have none, so they are looked for
    // before any word is lowercased.
    let names_meeting = words.iter().any(|range| {
        let word = &text[range.clone()];
        if word.is_ascii() {
            MEETING_WORDS
                .iter()
                .any(|meeting| meeting.eq_ignore_ascii_case(word))
        } else {
            is_meeting_word(&word.to_lowercase())
        }
    });
    // Orders and cases need no meeting, only a form of a verb of ordering (which starts with
    // the verb less a final "e": "approv|ed") or of bringing a case, looked for the same way.
    let names_object_act = words.iter().any(|range| {
        let word = text[range.clone()].as_bytes();
        [ORDER_CLASS, CASE_CLASS]
            .iter()
            .flat_map(|&class| ACTS[class].1.iter())
            .any(|verb| {
                let stem = verb.trim_end_matches('e').as_bytes();
                word.len() >= stem.len() && word[..stem.len()].eq_ignore_ascii_case(stem)
            })
            || word.eq_ignore_ascii_case(b"brought")
            || [&b"cause"[..], b"blame", b"points", b"point"]
                .iter()
                .any(|stem| {
                    word.len() >= stem.len() && word[..stem.len()].eq_ignore_ascii_case(stem)
                })
            || CAUSING_PARTICIPLES
                .iter()
                .any(|participle| word.eq_ignore_ascii_case(participle.as_bytes()))
            || ORDER_NOUNS
                .iter()
                .any(|noun| word.eq_ignore_ascii_case(noun.as_bytes()))
    });
    if !names_meeting && !names_object_act {
        return found;
    }
    let lower: Vec<String> = words
        .iter()
        .map(|range| text[range.clone()].to_lowercase())
        .collect();
    let mut idx = 0;
    while idx < words.len() {
        let Some((class, verb_end)) = act_at(&lower, idx) else {
            idx += 1;
            continue;
        };
        // Orders and cases act on a thing, not on a meeting.
        if class == ORDER_CLASS || class == CASE_CLASS {
            let object = if class == CASE_CLASS {
                legal_action(&lower, idx)
            } else {
                ordered_thing(text, &words, &lower, idx)
            };
            if let Some(object) = object
                && let Some(actor) = actor(text, &words, &lower, idx, verb_end)
                    .filter(|actor| names_actor(text, actor))
            {
                found.push((class, object, actor));
            }
            idx = verb_end + 1;
            continue;
        }
        if !names_meeting {
            idx += 1;
            continue;
        }
        let window =
            idx.saturating_sub(MEETING_WINDOW)..(verb_end + MEETING_WINDOW).min(words.len());
        // A verb of ending that can stand alone needs its meeting as its object: in "the
        // meeting in the capital ended without a statement" the meeting is no actor's object.
        // The object between a verb and its particle is the meeting it acts on ("cut the
        // session short"); else the first meeting word around them counts.
        let is_meeting = |other: &usize| is_meeting_at(&lower, *other);
        let meeting_word = if class == END_CLASS && verb_end == idx && !is_passive(&lower, idx) {
            object_meeting(&lower, idx)
        } else {
            (idx + 1..verb_end).find(is_meeting).or_else(|| {
                window
                    .filter(|&other| other != idx && other != verb_end)
                    .find(is_meeting)
            })
        };
        // "called on the president to cancel the meeting" asks for no meeting.
        let undone = |meeting: usize| {
            let (from, to) = if meeting > verb_end {
                (verb_end + 1, meeting)
            } else {
                (meeting + 1, idx)
            };
            // "called for the summit to (be) postponed"
            let undone_after = meeting > verb_end
                && lower.get(meeting + 1).is_some_and(|word| word == "to")
                && lower
                    .iter()
                    .skip(meeting + 2)
                    .take(2)
                    .any(|word| undoes_meeting(word));
            undone_after || lower[from..to].iter().any(|word| undoes_meeting(word))
        };
        let meeting_word = meeting_word.filter(|&meeting| class == END_CLASS || !undone(meeting));
        let actor = meeting_word
            .and_then(|_| actor(text, &words, &lower, idx, verb_end))
            .filter(|actor| names_actor(text, actor));
        if let (Some(meeting_word), Some(actor)) = (meeting_word, actor) {
            found.push((class, lower[meeting_word].clone(), actor));
        }
        idx = verb_end + 1;
    }
    found.extend(orders_by_noun(text, &words, &lower));
    found.extend(orders_issued_by(text, &words, &lower));
    found.extend(causes_in(text, &words, &lower));
    found
}

/// The causes `text` gives its event: (the cause class, the event's noun where the sentence
/// names it or else "", the cause). A passive of causing ("the fire was started by …", "It
/// was set deliberately, by people who …"), blaming ("Lumendra blames lightning"), a cause
/// named by a copula ("a lightning strike was the most likely cause") and "points to"
/// ("everything points to a criminal act").
fn causes_in(text: &str, words: &[Range<usize>], lower: &[String]) -> Vec<(usize, String, String)> {
    let mut found = Vec::new();
    let event_before = |at: usize| {
        let mut idx = at;
        while idx > 0 && is_auxiliary(&lower[idx - 1]) {
            idx -= 1;
        }
        idx.checked_sub(1)
            .map(|noun| &lower[noun])
            .filter(|noun| noun.len() > 3 && noun.chars().all(char::is_alphabetic))
            .filter(|noun| !PHRASE_STOPS.contains(&noun.as_str()))
            .cloned()
            .unwrap_or_default()
    };
    for (idx, word) in lower.iter().enumerate() {
        let cause = if CAUSING_PARTICIPLES.contains(&word.as_str()) && is_passive(lower, idx) {
            // "was set deliberately, by …": an adverb may stand before the agent. Setting and
            // lighting cause only on purpose ("the agenda was set by his party").
            let on_purpose = lower.get(idx + 1).is_some_and(|next| {
                matches!(
                    next.as_str(),
                    "deliberately" | "intentionally" | "alight" | "ablaze"
                )
            });
            let causing = !matches!(word.as_str(), "set" | "lit") || on_purpose;
            (idx + 1..(idx + 3).min(lower.len()))
                .filter(|_| causing)
                .find(|&at| lower[at] == "by")
                .and_then(|by| phrase_after(text, words, lower, by + 1))
                .map(|cause| (event_before(idx), cause))
        } else if matches!(word.as_str(), "blames" | "blamed" | "blame") && idx > 0 {
            // "is to blame" names no cause after it, and "blamed X for Y" names its own Y,
            // mostly a fault in politics rather than the story's event.
            let for_something = (idx + 2..(idx + 8).min(lower.len())).any(|at| lower[at] == "for");
            (lower[idx - 1] != "to" && !for_something)
                .then(|| phrase_after(text, words, lower, idx + 1))
                .flatten()
                .map(|cause| (String::new(), cause))
        } else if word == "cause" && idx >= 2 {
            // "X was the (most) likely cause": the phrase before the copula.
            let mut copula = idx - 1;
            while copula > 0
                && matches!(
                    lower[copula].as_str(),
                    "the" | "most" | "likely" | "probable" | "possible" | "main" | "real" | "only"
                )
            {
                copula -= 1;
            }
            (matches!(lower[copula].as_str(), "was" | "is") && copula > 0)
                .then(|| phrase_before(text, words, lower, copula))
                .flatten()
                .map(|cause| (String::new(), cause))
        } else if matches!(word.as_str(), "points" | "point" | "pointed")
            && lower.get(idx + 1).is_some_and(|next| next == "to")
            // Evidence points to a cause ("everything points to", "the evidence points to",
            // "all point to"); a person pointing to something cites it.
            && idx > 0
            && EVIDENCE_WORDS.contains(&lower[idx - 1].as_str())
            && words.get(idx + 2).is_some_and(|next| !punctuation_between(text, &words[idx + 1], next))
        {
            phrase_after(text, words, lower, idx + 2).map(|cause| (String::new(), cause))
        } else {
            None
        };
        if let Some((event, cause)) = cause
            && cause.split_whitespace().any(|word| word.len() > 3)
            && !PRONOUN_CAUSES.contains(&cause.to_lowercase().as_str())
        {
            found.push((CAUSE_CLASS, event, cause));
        }
    }
    found
}

/// Subjects of "points to" that are evidence, not someone citing something.
const EVIDENCE_WORDS: &[&str] = &[
    "everything",
    "evidence",
    "all",
    "signs",
    "indications",
    "clues",
    "findings",
    "traces",
];

/// Causes that name nothing: a pronoun or a word of the sentence's own making.
const PRONOUN_CAUSES: &[&str] = &[
    "it", "them", "this", "that", "him", "her", "himself", "herself",
];

/// The noun phrase that ends just before word `end`: up to four words back to a stop word or
/// punctuation ("a lightning strike" of "and that a lightning strike was"; "union delegation"
/// of "the union delegation walked out").
fn phrase_before(
    text: &str,
    words: &[Range<usize>],
    lower: &[String],
    end: usize,
) -> Option<String> {
    let mut start = end;
    while start > 0
        && end - start < 4
        && !PHRASE_STOPS.contains(&lower[start - 1].as_str())
        && words
            .get(start)
            .is_none_or(|word| !punctuation_between(text, &words[start - 1], word))
    {
        start -= 1;
    }
    (start < end).then(|| text[words[start].start..words[end - 1].end].to_string())
}

/// Verbs by which an order is given, in the passive before its giver.
const ISSUING_VERBS: &[&str] = &["issued", "signed", "given", "made", "sent", "drawn"];

/// How many words an order's noun may stand before the verb that issued it ("The closure order
/// that both the minister and the governor now claim was issued …").
const MAX_ORDER_TO_ISSUER_WORDS: usize = 14;

/// Orders named by a compound noun and given in the passive: "The closure order … was issued at
/// 3.50pm by the duty commander", "the evacuation order had been signed by the mayor": the
/// noun before "order" is the thing ordered, the phrase after "by" the actor.
fn orders_issued_by(
    text: &str,
    words: &[Range<usize>],
    lower: &[String],
) -> Vec<(usize, String, String)> {
    let mut found = Vec::new();
    for (idx, word) in lower.iter().enumerate().skip(1) {
        if word != "order" {
            continue;
        }
        let thing = &lower[idx - 1];
        let compound = thing.len() > 3
            && thing.chars().all(char::is_alphabetic)
            && !PHRASE_STOPS.contains(&thing.as_str())
            && !OBJECT_DETERMINERS.contains(&thing.as_str())
            && text[words[idx - 1].clone()].starts_with(char::is_lowercase)
            && !punctuation_between(text, &words[idx - 1], &words[idx]);
        if !compound {
            continue;
        }
        let last = (idx + MAX_ORDER_TO_ISSUER_WORDS).min(lower.len().saturating_sub(1));
        let Some(issued) = (idx + 1..=last)
            .find(|&at| ISSUING_VERBS.contains(&lower[at].as_str()) && is_passive(lower, at))
        else {
            continue;
        };
        // "was issued at 3.50pm on Wednesday by …": a time may stand before the giver.
        let Some(by) = (issued + 1..(issued + 7).min(lower.len())).find(|&at| lower[at] == "by")
        else {
            continue;
        };
        if let Some(actor) = phrase_after(text, words, lower, by + 1) {
            found.push((ORDER_CLASS, thing.clone(), actor));
        }
    }
    found
}

/// Nouns of an order or a request that name who gave it after "of" or "from" ("on the orders
/// of", "at the request of", "on instructions from").
const ORDER_NOUNS: &[&str] = &[
    "orders",
    "order",
    "request",
    "behest",
    "instructions",
    "instruction",
    "direction",
];

/// Bodies that act on someone's orders, looked for as the subject after an opening "On the
/// orders of X," where no verb tells where the subject ends; the second word is the one the
/// slot goes by, so that "officers" and "police" meet.
const ACTING_BODIES: &[(&str, &str)] = &[
    ("police", "police"),
    ("officers", "police"),
    ("policemen", "police"),
    ("gendarmes", "police"),
    ("troops", "troops"),
    ("soldiers", "troops"),
    ("army", "army"),
    ("guards", "guards"),
    ("firefighters", "firefighters"),
    ("inspectors", "inspectors"),
    ("bailiffs", "bailiffs"),
    ("crews", "crews"),
];

/// Orders given by a noun: "Police, acting at the request of the court's registrar, cleared
/// …", "officers had acted on the orders of …", "On the orders of the governor, troops …",
/// "the road was closed at the request of …". The thing ordered is whoever or whatever acted
/// (one slot for "police" and "officers"), and the actor the phrase after "of" or "from".
fn orders_by_noun(
    text: &str,
    words: &[Range<usize>],
    lower: &[String],
) -> Vec<(usize, String, String)> {
    let mut found = Vec::new();
    for (idx, word) in lower.iter().enumerate() {
        if !matches!(word.as_str(), "on" | "at" | "under") {
            continue;
        }
        let noun = if lower.get(idx + 1).is_some_and(|next| next == "the") {
            idx + 2
        } else {
            idx + 1
        };
        let of_the_giver = noun + 1;
        if !lower
            .get(noun)
            .is_some_and(|word| ORDER_NOUNS.contains(&word.as_str()))
            || !lower
                .get(of_the_giver)
                .is_some_and(|word| matches!(word.as_str(), "of" | "from"))
        {
            continue;
        }
        // Whoever gives an order or makes a request is an actor, capitalised or not ("the
        // court's registrar").
        let Some(actor) = phrase_after(text, words, lower, of_the_giver + 1) else {
            continue;
        };
        let Some(acted) = acting_party(text, words, lower, idx, of_the_giver + 1) else {
            continue;
        };
        if !is_meeting_word(&acted) {
            found.push((ORDER_CLASS, acted, actor));
        }
    }
    found
}

/// Who or what acted on the order whose phrase opens at word `opening` and names its giver
/// from word `giver` on: the subject before "acting" or "acted" ("Police, acting at …",
/// "officers had acted on …"), the subject of a passive ("the road was closed at …"), or, for
/// a phrase that opens the sentence or follows a comma, a body of [`ACTING_BODIES`] among the
/// first words after the comma that ends it.
fn acting_party(
    text: &str,
    words: &[Range<usize>],
    lower: &[String],
    opening: usize,
    giver: usize,
) -> Option<String> {
    let noun_at = |idx: usize| {
        let word = &lower[idx];
        (word.len() > 3
            && word.chars().all(char::is_alphabetic)
            && !PHRASE_STOPS.contains(&word.as_str()))
        .then(|| {
            ACTING_BODIES
                .iter()
                .find(|(body, _)| body == word)
                .map_or_else(|| word.clone(), |(_, slot)| (*slot).to_string())
        })
    };
    // "At dawn, on the orders of …, troops …": a phrase set off after a fronted one opens
    // its clause as well.
    let opens_a_clause =
        opening == 0 || text[words[opening - 1].end..words[opening].start].trim() == ",";
    if let Some(before) = opening.checked_sub(1).filter(|_| !opens_a_clause) {
        let acting = matches!(lower[before].as_str(), "acting" | "acted" | "working");
        let passive = lower[before].ends_with("ed") && is_passive(lower, before);
        if !acting && !passive {
            return None;
        }
        let mut subject = before;
        while subject > 0 && is_auxiliary(&lower[subject - 1]) {
            subject -= 1;
        }
        return subject.checked_sub(1).and_then(noun_at);
    }
    let comma = (giver..words.len().saturating_sub(1))
        .find(|&idx| text[words[idx].end..words[idx + 1].start].trim() == ",")?;
    (comma + 1..(comma + 4).min(words.len())).find_map(|idx| {
        ACTING_BODIES
            .iter()
            .find(|(body, _)| *body == lower[idx])
            .map(|(_, slot)| (*slot).to_string())
    })
}

/// What the verb of ordering at word `verb` orders: the head of the noun phrase after it ("ordered
/// the evacuation of the streets" → "evacuation"), or in the passive the one before it ("the
/// evacuation had been ordered by …"). `None` for a noun ("gave the order"), a person or body
/// ordered to act ("ordered the troops to withdraw", "ordered Ruiz"), or anything else.
fn ordered_thing(
    text: &str,
    words: &[Range<usize>],
    lower: &[String],
    verb: usize,
) -> Option<String> {
    let noun_at = |idx: usize| {
        let word = lower.get(idx)?;
        let lowercase = text[words[idx].clone()].starts_with(char::is_lowercase);
        (lowercase
            && word.len() > 3
            && word.chars().all(char::is_alphabetic)
            && !PHRASE_STOPS.contains(&word.as_str()))
        .then(|| word.clone())
    };
    let before = verb.checked_sub(1).map(|idx| lower[idx].as_str());
    if before.is_some_and(|word| OBJECT_DETERMINERS.contains(&word)) {
        return None;
    }
    // "ordered the N-40 highway closed", "ordered Bréval evacuated": what is done to the object
    // is the act ordered, one slot with "ordered the closure", "ordered the evacuation".
    let done_to_object = (verb + 2..(verb + 6).min(lower.len()))
        .take_while(|&idx| !punctuation_between(text, &words[idx - 1], &words[idx]))
        .find_map(|idx| {
            PARTICIPLE_ACTS
                .iter()
                .find(|(participle, _)| *participle == lower[idx])
                .map(|(_, act)| (*act).to_string())
        });
    if let Some(act) = done_to_object {
        return Some(act);
    }
    if lower.get(verb + 1).map(String::as_str) == Some("by") {
        // "the evacuation had been ordered by": back over the auxiliaries to the noun.
        let mut idx = verb;
        while idx > 0 && is_auxiliary(&lower[idx - 1]) {
            idx -= 1;
        }
        return (idx < verb && idx > 0).then(|| noun_at(idx - 1)).flatten();
    }
    // "ordered all of its systems taken offline": the determiner after "all of".
    let determiner = match (lower.get(verb + 1), lower.get(verb + 2)) {
        (Some(all), Some(of)) if all == "all" && of == "of" => verb + 3,
        _ => verb + 1,
    };
    if !lower
        .get(determiner)
        .is_some_and(|word| OBJECT_DETERMINERS.contains(&word.as_str()))
    {
        return None;
    }
    // "instructed the Velmar port authority to close its gates": whoever is told to act is
    // not the act; what they are told to do to a thing is ("gates"), and "ordered the troops
    // to withdraw" orders no thing.
    let to = (determiner + 1..(determiner + 1 + MAX_NAME_WORDS).min(lower.len()))
        .take_while(|&idx| {
            lower[idx] == "to"
                || (!PHRASE_STOPS.contains(&lower[idx].as_str())
                    && !punctuation_between(text, &words[idx - 1], &words[idx]))
        })
        .find(|&idx| lower[idx] == "to");
    if let Some(to) = to {
        return thing_acted_on(text, words, lower, to + 1);
    }
    let head = determiner + 1;
    let ordered = noun_at(head)?;
    (!punctuation_between(text, &words[determiner], &words[head])).then_some(ordered)
}

/// Participles of what is ordered done to a thing or a place, with the noun of the act.
const PARTICIPLE_ACTS: &[(&str, &str)] = &[
    ("closed", "closure"),
    ("shut", "closure"),
    ("evacuated", "evacuation"),
    ("demolished", "demolition"),
    ("arrested", "arrest"),
    ("detained", "detention"),
    ("released", "release"),
    ("suspended", "suspension"),
    ("reopened", "reopening"),
    ("banned", "ban"),
];

/// The thing the verb at word `verb` acts on: the head of its object ("close its gates" →
/// "gates", "shut down its IT systems" → "systems"), a particle and up to two words before the
/// head allowed; `None` when no determiner opens an object.
fn thing_acted_on(
    text: &str,
    words: &[Range<usize>],
    lower: &[String],
    verb: usize,
) -> Option<String> {
    let mut idx = verb + 1;
    if lower
        .get(idx)
        .is_some_and(|word| matches!(word.as_str(), "down" | "off" | "up" | "out"))
    {
        idx += 1;
    }
    if !lower
        .get(idx)
        .is_some_and(|word| OBJECT_DETERMINERS.contains(&word.as_str()))
    {
        return None;
    }
    // A capitalized word is a name's, not a stop word ("its IT systems").
    let stops_the_phrase = |idx: usize| {
        lower[idx].chars().any(|c| !c.is_alphabetic())
            || (PHRASE_STOPS.contains(&lower[idx].as_str())
                && !text[words[idx].clone()].starts_with(char::is_uppercase))
            || punctuation_between(text, &words[idx - 1], &words[idx])
    };
    let mut head = None;
    for next in idx + 1..(idx + 4).min(lower.len()) {
        if stops_the_phrase(next) {
            break;
        }
        head = Some(next);
    }
    let head = head?;
    (text[words[head].clone()].starts_with(char::is_lowercase) && lower[head].len() > 3)
        .then(|| lower[head].clone())
}

/// The legal action the verb of bringing at word `verb` brings: a noun of [`LEGAL_ACTIONS`]
/// among the three words after it ("filed a legal challenge"), or in the passive just before
/// it ("the petition was lodged by …"). "Filed a report" or "brought the dispute to a vote"
/// bring no case.
fn legal_action(lower: &[String], verb: usize) -> Option<String> {
    let is_action = |idx: usize| {
        lower
            .get(idx)
            .filter(|word| LEGAL_ACTIONS.contains(&word.as_str()))
            .cloned()
    };
    if is_passive(lower, verb) {
        let mut idx = verb;
        while idx > 0 && is_auxiliary(&lower[idx - 1]) {
            idx -= 1;
        }
        return idx.checked_sub(1).and_then(is_action);
    }
    (verb + 1..=verb + 3)
        .take_while(|&idx| {
            lower
                .get(idx)
                .is_some_and(|word| !OBJECT_STOPS.contains(&word.as_str()))
        })
        .find_map(is_action)
}

/// Whether `word` is a form of "be" or "have" before a participle ("had been ordered").
fn is_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "was" | "were" | "been" | "had" | "has" | "have" | "is" | "are" | "being"
    )
}

/// Verbs that call a meeting off before it happens, by the stem their forms share
/// ("cancelled", "postponing", "scrapped").
const UNDOING: &[&str] = &[
    "cancel", "postpon", "scrap", "delay", "boycott", "skip", "shelv", "abandon", "halt",
    "suspend", "scuttl",
];

/// Whether `word` is a form of a verb of [`UNDOING`].
fn undoes_meeting(word: &str) -> bool {
    UNDOING.iter().any(|stem| {
        word.strip_prefix(stem).is_some_and(|suffix| {
            matches!(
                suffix,
                "" | "e" | "s" | "es" | "ed" | "d" | "ing" | "led" | "ling" | "ped" | "ping"
            )
        })
    })
}

/// The act whose verb starts at word `idx`, and the index of its last word.
fn act_at(lower: &[String], idx: usize) -> Option<(usize, usize)> {
    let base = Some(base_form(&lower[idx])?);
    ACTS.iter().enumerate().find_map(|(class, (_, verbs))| {
        verbs.iter().find_map(|verb| match verb.split_once(' ') {
            Some((head, particle)) if base == Some(head) => {
                particle_after(lower, idx, particle).map(|particle_idx| (class, particle_idx))
            }
            Some(_) => None,
            None => (base == Some(*verb)
                && !matches!(
                    lower.get(idx + 1).map(String::as_str),
                    Some("off" | "out" | "for")
                ))
            .then_some((class, idx)),
        })
    })
}

/// Words a particle may stand after its verb when the meeting is the object between them ("cut
/// the meeting short", "called the talks off").
const MAX_PARTICLE_DISTANCE: usize = 3;

/// The index of `particle` after the verb at word `verb`: the next word, or a later one when
/// the words between them name a meeting.
fn particle_after(lower: &[String], verb: usize, particle: &str) -> Option<usize> {
    let last = (verb + MAX_PARTICLE_DISTANCE).min(lower.len().saturating_sub(1));
    let at = (verb + 1..=last).find(|&idx| lower[idx] == particle)?;
    (at == verb + 1 || lower[verb + 1..at].iter().any(|word| is_meeting_word(word))).then_some(at)
}

/// The base form of a verb form ("requested" → "request", "left" → "leave"), or `None` for a
/// word that is no form of a verb of [`ACTS`]: the verb itself, or with "s", "ed", "d" or "ing",
/// or with "ing" for a final "e".
fn base_form(word: &str) -> Option<&'static str> {
    if let Some((_, base)) = IRREGULAR.iter().find(|(form, _)| *form == word) {
        return Some(base);
    }
    // Every word of every sentence comes here, so the forms are matched in place rather than
    // spelled out.
    let is_form_of = |verb: &str| {
        word.strip_prefix(verb)
            .is_some_and(|suffix| matches!(suffix, "" | "s" | "ed" | "d" | "ing"))
            || word
                .strip_suffix("ing")
                .is_some_and(|stem| stem == verb.trim_end_matches('e'))
    };
    // A form starts with its verb's first letter, so only the verbs of that letter are tried,
    // in the order of [`ACTS`].
    static BY_FIRST_BYTE: LazyLock<Vec<Vec<&str>>> = LazyLock::new(|| {
        let mut by_first_byte = vec![Vec::new(); 256];
        for verb in ACTS.iter().flat_map(|(_, verbs)| verbs.iter()) {
            let head = verb.split(' ').next().unwrap_or(verb);
            if let Some(&first) = head.as_bytes().first() {
                by_first_byte[usize::from(first)].push(head);
            }
        }
        by_first_byte
    });
    let first = usize::from(*word.as_bytes().first()?);
    BY_FIRST_BYTE[first]
        .iter()
        .copied()
        .find(|verb| is_form_of(verb))
}

/// Who performs the act whose verb spans words `verb_start..=verb_end`.
fn actor(
    text: &str,
    words: &[Range<usize>],
    lower: &[String],
    verb_start: usize,
    verb_end: usize,
) -> Option<String> {
    // "The call was requested by …", and the reduced relative clause "their meeting, initiated
    // by …", whose participle follows the meeting word.
    let passive = is_passive(lower, verb_start)
        || verb_start.checked_sub(1).is_some_and(|before| {
            lower[verb_end].ends_with("ed") && is_meeting_word(&lower[before])
        });
    if passive {
        // "was brought in April by …": a time between the verb and its agent.
        let by = match lower.get(verb_end + 1).map(String::as_str) {
            Some("by") => Some(verb_end + 1),
            Some("in" | "on" | "last" | "this" | "early" | "late") => {
                (lower.get(verb_end + 3).map(String::as_str) == Some("by")).then_some(verb_end + 3)
            }
            _ => None,
        };
        if let Some(by) = by {
            return phrase_after(text, words, lower, by + 1);
        }
    }
    let mut end = verb_start;
    while end > 0 && SKIPPED.contains(&lower[end - 1].as_str()) {
        end -= 1;
    }
    // "The port's director, Ana Ruiz, ordered …": the name set off before the verb.
    if end > 1 && text[words[end - 1].end..words[end].start].trim() == "," {
        let capitalized = |idx: usize| text[words[idx].clone()].starts_with(char::is_uppercase);
        let mut start = end - 1;
        while start > 0
            && end - start < 4
            && capitalized(start - 1)
            && !punctuation_between(text, &words[start - 1], &words[start])
        {
            start -= 1;
        }
        let set_off = start > 0 && text[words[start - 1].end..words[start].start].trim() == ",";
        if set_off && (start..end).all(capitalized) && end - start >= 2 {
            return Some(text[words[start].start..words[end - 1].end].to_string());
        }
    }
    if let Some(phrase) = phrase_before(text, words, lower, end) {
        return Some(phrase);
    }
    // "It was X, not Y, that called the meeting."
    let cleft = (1..verb_start)
        .rev()
        .find(|&idx| lower[idx - 1] == "it" && matches!(lower[idx].as_str(), "was" | "is"))?;
    phrase_after(text, words, lower, cleft + 1)
}

/// Words an object may open with before its meeting word ("ended the meeting", "adjourned
/// Wednesday's session", "left their talks").
const MAX_OBJECT_WORDS: usize = 3;

/// The meeting word that is the object of the verb at word `verb`: within
/// [`MAX_OBJECT_WORDS`] after it, with no preposition between ("ended without a deal after a
/// session" ends no session).
fn object_meeting(lower: &[String], verb: usize) -> Option<usize> {
    let last = (verb + MAX_OBJECT_WORDS).min(lower.len().saturating_sub(1));
    (verb + 1..=last)
        .take_while(|&idx| !OBJECT_STOPS.contains(&lower[idx].as_str()))
        .find(|&idx| is_meeting_at(lower, idx))
}

/// Whether word `idx` of `lower` names a meeting of the story's parties: a "news conference" or
/// "press call" is an announcement to reporters, and who called it is no side's claim.
fn is_meeting_at(lower: &[String], idx: usize) -> bool {
    let announces = idx
        .checked_sub(1)
        .and_then(|before| lower.get(before))
        .is_some_and(|before| matches!(before.as_str(), "news" | "press"));
    lower.get(idx).is_some_and(|word| is_meeting_word(word)) && !announces
}

/// Words that end a verb's object before it starts: prepositions and conjunctions.
const OBJECT_STOPS: &[&str] = &[
    "without", "with", "after", "before", "on", "in", "at", "by", "for", "of", "to", "from", "and",
    "or", "but", "when", "while", "as",
];

/// Whether the verb at word `verb` follows a form of "be" ("was requested", "were ended").
fn is_passive(lower: &[String], verb: usize) -> bool {
    verb.checked_sub(1).is_some_and(|before| {
        matches!(
            lower[before].as_str(),
            "was" | "were" | "been" | "is" | "are" | "being"
        )
    })
}

/// Words a name with its titles may run to ("Estrelian Deputy Foreign Minister Ana Dorr").
const MAX_NAME_WORDS: usize = 8;

/// The noun phrase that starts at word `start`: up to four words, or up to
/// [`MAX_NAME_WORDS`] while they are capitalized (a name with its titles), to the first
/// punctuation or stop word, a leading article skipped.
fn phrase_after(
    text: &str,
    words: &[Range<usize>],
    lower: &[String],
    start: usize,
) -> Option<String> {
    let start = if matches!(
        lower.get(start).map(String::as_str),
        Some("the" | "a" | "an")
    ) {
        start + 1
    } else {
        start
    };
    let capitalized = |idx: usize| text[words[idx].clone()].starts_with(char::is_uppercase);
    // "the campaign of Gerold Vancek", "the government of Norland": an "of" before a name
    // goes on with the phrase.
    let of_a_name =
        |idx: usize| lower[idx] == "of" && idx + 1 < words.len() && capitalized(idx + 1);
    let mut end = start;
    while end < words.len()
        && (end - start < 4
            || (end - start < MAX_NAME_WORDS && capitalized(end) && capitalized(end - 1)))
        && (!PHRASE_STOPS.contains(&lower[end].as_str()) || (end > start && of_a_name(end)))
        && (end == start || !punctuation_between(text, &words[end - 1], &words[end]))
    {
        end += 1;
    }
    (start < end).then(|| text[words[start].start..words[end - 1].end].to_string())
}

fn punctuation_between(text: &str, left: &Range<usize>, right: &Range<usize>) -> bool {
    text.get(left.end..right.start)
        .is_some_and(|between| between.chars().any(|c| !c.is_whitespace()))
}

/// Word ranges of `text`; a possessive stays with its word ("ministry's").
fn words(text: &str) -> Vec<Range<usize>> {
    let mut words = Vec::new();
    let mut start = None;
    for (idx, c) in text.char_indices() {
        let in_word =
            c.is_alphanumeric() || ((c == '\'' || c == '\u{2019}' || c == '-') && start.is_some());
        match (in_word, start) {
            (true, None) => start = Some(idx),
            (false, Some(begin)) => {
                words.push(begin..idx);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(begin) = start {
        words.push(begin..text.len());
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The disputes and agreed facts of the agent slots of `story`, every article independent.
    fn agent_slots(story: &Story) -> (Vec<Dispute>, Vec<parallax_model::AgreedFact>) {
        let independent: Vec<usize> = (0..story.articles.len()).collect();
        super::super::partition(agent_verdicts(story, &independent))
    }

    fn agent_disputes(story: &Story) -> Vec<Dispute> {
        agent_slots(story).0
    }

    /// The values of the one agent slot of a story of two articles, `slot`, which both
    /// agree on with no dispute.
    fn agreed_by_both(story: &Story, slot: &str) -> Vec<String> {
        let (disputes, agreed) = agent_slots(story);
        assert!(disputes.is_empty());
        assert_eq!(agreed.len(), 1);
        assert_eq!(agreed[0].slot, slot);
        assert_eq!(agreed[0].n_independent, 2);
        agreed[0]
            .values
            .iter()
            .map(|value| value.value.clone())
            .collect()
    }
    use parallax_model::{Annotated, Article, Entity, EntityKind, Mention, Origin, Sentence};

    /// An article of one sentence, `text`.
    fn annotated(name: &str, text: &str) -> Annotated {
        let mut annotated = Annotated::new(Article::new(Origin::File(name.into()), text.into()));
        annotated.sentences = vec![Sentence {
            range: 0..text.len(),
            paragraph: 0,
        }];
        annotated
    }

    /// `annotated` with an entity per `(name, words, kind, country)`, mentioned by the first
    /// `words` of its text.
    fn with_entities(
        mut annotated: Annotated,
        entities: &[(&str, &str, EntityKind, Option<&str>)],
    ) -> Annotated {
        let text = annotated.article.text.clone();
        annotated.entities = entities
            .iter()
            .map(|&(name, words, kind, country)| {
                let start = text.find(words).expect("the words are in the text");
                Entity {
                    kind,
                    name: name.to_string(),
                    mentions: vec![Mention {
                        range: start..start + words.len(),
                        by_role: false,
                    }],
                    country: country.map(str::to_string),
                    role: None,
                }
            })
            .collect();
        annotated
    }

    fn check(text: &str, expected: &[(&str, &str)]) {
        let found: Vec<(String, String)> = acts_in(text)
            .into_iter()
            .map(|(class, meeting, actor)| (format!("{} {meeting}", ACTS[class].0), actor))
            .collect();
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(slot, actor)| (slot.to_string(), actor.to_string()))
            .collect();
        assert_eq!(found, expected, "{text}");
    }

    #[test]
    fn actors_in_active_passive_and_cleft_sentences() {
        check(
            "The farmers' union delegation walked out of the talks.",
            &[("who ended the talks", "farmers' union delegation")],
        );
        check(
            "The summit, which Norland proposed last spring, opens today.",
            &[("who asked for the summit", "Norland")],
        );
        check(
            "The call was requested by the Velmar government, aides said.",
            &[("who asked for the call", "Velmar government")],
        );
        check(
            "It was Osmia, not its rivals, that called the meeting.",
            &[("who asked for the meeting", "Osmia")],
        );
        check(
            "Their meeting, requested by the Osmian delegation, began at noon.",
            &[("who asked for the meeting", "Osmian delegation")],
        );
        check("Protest leaders called for calm in the capital.", &[]);
        check(
            "The summit, hosted by Quorvanese Deputy Interior Minister Pell Odrane, began at noon.",
            &[(
                "who hosted the summit",
                "Quorvanese Deputy Interior Minister Pell Odrane",
            )],
        );
    }

    #[test]
    fn what_someone_is_told_to_act_on_is_the_thing_ordered() {
        check(
            "Experts at the Velmar Cyber Centre instructed the Osmia Port Authority to shut down its IT systems.",
            &[("who ordered the systems", "Velmar Cyber Centre")],
        );
        check(
            "Its director, Ana Ruiz, ordered all of its systems taken offline.",
            &[("who ordered the systems", "Ana Ruiz")],
        );
        check("The captain ordered the crew to return to port.", &[]);
        check(
            "Mayor Tomas Berg ordered the evacuation of the quay and asked residents to leave their homes.",
            &[("who ordered the evacuation", "Mayor Tomas Berg")],
        );
    }

    #[test]
    fn who_brought_a_case() {
        check(
            "The challenge was brought in March by the campaign of Tomas Berg.",
            &[("who brought the challenge", "campaign of Tomas Berg")],
        );
        check(
            "The petition was lodged by Fair Count Velmar, a group of voters.",
            &[("who brought the petition", "Fair Count Velmar")],
        );
        check(
            "The harbour council filed a legal challenge on Monday.",
            &[("who brought the challenge", "harbour council")],
        );
        check("The inspectors filed their report on Monday.", &[]);
        check("The mayor brought the dispute to a vote.", &[]);
    }

    #[test]
    fn who_ordered_a_thing_in_active_passive_and_cleft_sentences() {
        check(
            "Harbour Master Ana Ruiz ordered the evacuation of the quay at dawn.",
            &[("who ordered the evacuation", "Harbour Master Ana Ruiz")],
        );
        check(
            "The ministry said the evacuation had been ordered by the Velmar port authority.",
            &[("who ordered the evacuation", "Velmar port authority")],
        );
        check(
            "It was Mayor Tomas Berg who ordered the evacuation.",
            &[("who ordered the evacuation", "Mayor Tomas Berg")],
        );
        // A noun of ordering, and those ordered to act, are no act.
        check("The mayor said he had given the order himself.", &[]);
        check("The ministry ordered the pilots to return to work.", &[]);
    }

    #[test]
    fn an_order_or_a_request_named_by_a_noun_orders_whoever_acted_on_it() {
        check(
            "Police, acting at the request of the port's harbour master, cleared the quay.",
            &[("who ordered the police", "port's harbour master")],
        );
        check(
            "The ministry said officers had acted on the orders of the Velmar port authority.",
            &[("who ordered the police", "Velmar port authority")],
        );
        check(
            "At dawn, on the orders of Mayor Tomas Berg, riot police drove the pickets off.",
            &[("who ordered the police", "Mayor Tomas Berg")],
        );
        check(
            "The coast road was closed on instructions from the Velmar council.",
            &[("who ordered the road", "Velmar council")],
        );
        // No one acting, or a meeting held at someone's request, orders nothing here.
        check("The pilots returned to work on the orders of the day.", &[]);
        check("On the orders of the mayor, the quay stayed shut.", &[]);
        check(
            "The talks were convened at the request of the Osmian delegation.",
            &[],
        );
    }

    #[test]
    fn what_is_ordered_done_to_a_thing_and_an_order_issued_by_someone() {
        check(
            "It was Mayor Tomas Berg who ordered the coast road closed on Monday.",
            &[("who ordered the closure", "Mayor Tomas Berg")],
        );
        check(
            "The Velmar port authority ordered the quay evacuated at dawn.",
            &[("who ordered the evacuation", "Velmar port authority")],
        );
        check(
            "The closure order that both the mayor and the minister now claim was issued at \
             3.50pm on Monday by the harbour master.",
            &[("who ordered the closure", "harbour master")],
        );
        check("The order was issued by the harbour master.", &[]);
    }

    #[test]
    fn causes_by_passive_blame_copula_and_evidence() {
        check(
            "The blaze was started by a faulty power line, the inspectors said.",
            &[("what caused the blaze", "faulty power line")],
        );
        check(
            "It was set deliberately, by people who knew the hills.",
            &[("what caused the ", "people")],
        );
        check(
            "The utility, which cut its budget, blames lightning.",
            &[("what caused the ", "lightning")],
        );
        check(
            "She said a lightning strike was “the most likely cause”.",
            &[("what caused the ", "lightning strike")],
        );
        check(
            "The minister said that “everything points to a criminal act”.",
            &[("what caused the ", "criminal act")],
        );
        // Citing, setting an agenda and blaming someone for something else cause nothing.
        check("The senator pointed to a series of rulings.", &[]);
        check("The agenda was set by the majority party.", &[]);
        check("Republicans blamed Democrats for the delay.", &[]);
    }

    #[test]
    fn each_ordered_thing_is_a_slot_of_its_own() {
        let story = Story::new(vec![
            annotated("a.txt", "The Velmar port authority ordered the evacuation."),
            annotated(
                "b.txt",
                "It was Mayor Tomas Berg who ordered the evacuation.",
            ),
            annotated("c.txt", "Mayor Tomas Berg ordered the closure of the quay."),
        ]);
        let found = agent_disputes(&story);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].slot, "who ordered the evacuation");
        let values: Vec<&str> = found[0]
            .sides
            .iter()
            .map(|side| side.value.as_str())
            .collect();
        assert_eq!(values, ["Velmar port authority", "Mayor Tomas Berg"]);
    }

    #[test]
    fn a_particle_may_follow_the_meeting_it_acts_on() {
        check(
            "The talks went well until the Osmian envoy cut the session short at noon.",
            &[("who ended the session", "Osmian envoy")],
        );
        check(
            "Velmar's negotiators called the talks off on Friday.",
            &[("who ended the talks", "Velmar's negotiators")],
        );
        // Only a meeting may stand between a verb and its particle.
        check("The mayor cut the ribbon short of the meeting hall.", &[]);
    }

    #[test]
    fn asking_to_call_a_meeting_off_is_no_asking_for_it() {
        check(
            "Senator Okafor called on the president to cancel his meeting with the Velmar envoy.",
            &[],
        );
        check(
            "The Osmian delegation called for the summit to be postponed.",
            &[],
        );
        check(
            "The Osmian delegation proposed the summit.",
            &[("who asked for the summit", "Osmian delegation")],
        );
    }

    #[test]
    fn a_news_conference_is_no_meeting_of_the_parties() {
        check(
            "At a news conference, the Osmian delegation said the Velmar envoy called him.",
            &[],
        );
        check(
            "The Osmian delegation called the conference.",
            &[("who asked for the conference", "Osmian delegation")],
        );
    }

    #[test]
    fn a_verb_of_ending_needs_the_meeting_as_its_object() {
        check(
            "Talks between the two ports ended without a deal after a long session.",
            &[],
        );
        check(
            "A mediator from the Velmar office adjourned the session at noon.",
            &[("who ended the session", "Velmar office")],
        );
        check(
            "The session was ended by the Osmian chair.",
            &[("who ended the session", "Osmian chair")],
        );
    }

    #[test]
    fn different_actors_of_one_act_are_disputed() {
        let story = Story::new(vec![
            annotated("a.txt", "The union delegation walked out of the talks."),
            annotated("b.txt", "Militant union bosses walked out of the talks."),
            annotated(
                "c.txt",
                "The ministry's negotiators walked out of the talks.",
            ),
        ]);
        let found = agent_disputes(&story);
        let sides: Vec<(String, Vec<usize>)> = found[0]
            .sides
            .iter()
            .map(|side| {
                (
                    side.value.clone(),
                    side.citations
                        .iter()
                        .map(|citation| citation.source)
                        .collect(),
                )
            })
            .collect();
        assert_eq!(found[0].slot, "who ended the talks");
        assert_eq!(
            sides,
            [
                ("union delegation".to_string(), vec![1, 2]),
                ("ministry's negotiators".to_string(), vec![3]),
            ]
        );
    }

    #[test]
    fn a_source_naming_two_actors_disputes_with_no_one() {
        let story = Story::new(vec![
            annotated("a.txt", "Velmar officials proposed the summit."),
            annotated(
                "b.txt",
                "The Osmian delegation proposed the summit, and Velmar officials proposed the summit too.",
            ),
        ]);
        assert!(agent_disputes(&story).is_empty());
        let story = Story::new(vec![
            annotated("a.txt", "Velmar officials proposed the summit."),
            annotated("b.txt", "The Osmian delegation proposed the summit."),
        ]);
        assert_eq!(agent_disputes(&story).len(), 1);
    }

    #[test]
    fn a_countrys_unnamed_leader_and_a_named_person_may_be_one_actor() {
        // One sentence per article, with the entities the annotate stage would give it.
        let annotated = |name: &str, text: &str, entities: &[(&str, EntityKind, Option<&str>)]| {
            let entities: Vec<(&str, &str, EntityKind, Option<&str>)> = entities
                .iter()
                .map(|&(words, kind, country)| (words, words, kind, country))
                .collect();
            with_entities(annotated(name, text), &entities)
        };
        let veskland = Some("VES");
        let leader = annotated(
            "a.txt",
            "The call was requested by the Veskland leader.",
            &[("Veskland", EntityKind::Place, veskland)],
        );
        let named = |country| {
            annotated(
                "b.txt",
                "The call was requested by Edda Villmark.",
                &[("Edda Villmark", EntityKind::Person, country)],
            )
        };
        // She may be the Veskland leader: no dispute, and both sources agree on who asked.
        for country in [None, veskland] {
            let story = Story::new(vec![leader.clone(), named(country)]);
            assert_eq!(
                agreed_by_both(&story, "who asked for the call"),
                ["Veskland leader", "Edda Villmark"],
                "{country:?}"
            );
        }
        // A leader of another country is someone else.
        let story = Story::new(vec![leader.clone(), named(Some("OLT"))]);
        let found = agent_disputes(&story);
        assert_eq!(found.len(), 1);
        assert!(
            found[0]
                .sides
                .iter()
                .all(|side| side.compatible_with.is_empty())
        );
    }

    #[test]
    fn a_place_and_its_minister_may_be_one_host() {
        // One sentence per article, with the entities the annotate stage would give it: a
        // place by its name, mentioned by the words given, and a person of no known country.
        let annotated = |name: &str, text: &str, entities: &[(&str, &str, EntityKind)]| {
            let entities: Vec<(&str, &str, EntityKind, Option<&str>)> = entities
                .iter()
                .map(|&(entity_name, words, kind)| (entity_name, words, kind, None))
                .collect();
            with_entities(annotated(name, text), &entities)
        };
        let minister = |place: &str| {
            annotated(
                "a.txt",
                "The summit, hosted by Quorvanese Deputy Interior Minister Pell Odrane, began.",
                &[
                    (place, "Quorvanese", EntityKind::Place),
                    ("Pell Odrane", "Pell Odrane", EntityKind::Person),
                ],
            )
        };
        let place = annotated(
            "b.txt",
            "The talks were hosted by Quorvan.",
            &[("Quorvan", "Quorvan", EntityKind::Place)],
        );
        // A minister of Quorvan hosting is Quorvan hosting: both sources agree on the host.
        let story = Story::new(vec![minister("Quorvan"), place.clone()]);
        assert_eq!(
            agreed_by_both(&story, "who hosted the summit"),
            ["Pell Odrane", "Quorvan"]
        );
        // A minister of another place is another host.
        let story = Story::new(vec![minister("Tessa"), place]);
        let (disputes, agreed) = agent_slots(&story);
        assert!(agreed.is_empty());
        assert_eq!(disputes.len(), 1);
    }
}
