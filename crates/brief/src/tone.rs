//! Tone: the loaded words each source uses in its own voice about the story's main entities.
//!
//! The main entities are those most sources mention (a person by surname, people who share one
//! told apart by their given names; a body or place by its country when known, else by name).
//! In a sentence that mentions an entity, the loaded words framing found in the source's own
//! voice (the team's lexicon, `data/loaded-words.txt`; read from the framing, not found again)
//! that are nearer to its mention than to any other entity's count toward it: a glorifying label ("heroic") as praise, every other entry
//! ("reckless", "embattled", "regime") as blame, and a word just after "not", "no" or "never"
//! for the other side; one before a noun of measure ("extreme rates") does not count. Words
//! inside quotes are someone else's voice and are left out, as are the verbs that report them
//! ("X slammed Y" is X's judgement), the words of entity names and capitalized words inside a
//! sentence (names the annotator missed, titles, slogans). The score is (praise − blame) /
//! (praise + blame).
//!
//! Measured against BASIL's article-level reading of the writer's feeling toward each main
//! entity (`bench/basil-tone.sh`): of the pairs the table reads as negative, about a third are
//! negative to the annotators, against a fifth of all pairs, and it almost never gives the
//! opposite sign. A general sentiment lexicon near the names, used before, did no better than
//! chance: it caught what happened to an actor ("won", "concession") more than what the writer
//! thinks of them. Most feeling the annotators read comes from which facts are told, which no
//! word list sees, so most actors get no row: the section shows its words so that a reader can
//! judge them.

use crate::framing;
use parallax_model::{
    Annotated, EntityKind, EntityTone, Framing, LoadedWord, SourceTone, Span, Story, TonedWord,
};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

/// Nouns of measure after which a loaded word measures rather than judges ("extreme rates", "a
/// drastic share").
const MEASURE_NOUNS: &[&str] = &[
    "amount", "amounts", "share", "shares", "number", "rate", "rates", "tax", "taxes", "market",
    "value", "date", "odds", "price", "prices",
];
/// At most this many main entities.
const MAX_ENTITIES: usize = 5;

/// The people of a story told apart: of the people who share a surname, the given names of
/// each, most mentioned first ("Liz Cheney" and "Dick Cheney" are two; "Joe Biden" and
/// "Joseph Biden" one).
struct People {
    given_by_surname: BTreeMap<String, Vec<String>>,
}

impl People {
    fn new(story: &Story) -> People {
        let mut mentions: BTreeMap<(String, String), usize> = BTreeMap::new();
        for entity in story
            .articles
            .iter()
            .flat_map(|annotated| &annotated.entities)
        {
            if let Some((surname, given)) = person_name(entity) {
                *mentions.entry((surname, given)).or_insert(0) += entity.mentions.len();
            }
        }
        let mut by_surname: BTreeMap<String, Vec<(String, usize)>> = BTreeMap::new();
        for ((surname, given), count) in mentions {
            if !given.is_empty() {
                by_surname.entry(surname).or_default().push((given, count));
            }
        }
        let given_by_surname = by_surname
            .into_iter()
            .map(|(surname, mut given)| {
                given.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
                let mut people: Vec<String> = Vec::new();
                for (name, _) in given {
                    if !people
                        .iter()
                        .any(|kept| crate::voices::may_be_one_person(kept, &name))
                    {
                        people.push(name);
                    }
                }
                (surname, people)
            })
            .collect();
        People { given_by_surname }
    }

    /// The key that identifies an entity across articles: a person by surname and which of the
    /// people with it they are (a bare surname is the one mentioned most), a body or place by
    /// its country when known, else by name.
    fn key(&self, entity: &parallax_model::Entity) -> String {
        if let Some((surname, given)) = person_name(entity) {
            let person = self
                .given_by_surname
                .get(&surname)
                .and_then(|people| {
                    people
                        .iter()
                        .position(|kept| crate::voices::may_be_one_person(kept, &given))
                })
                .unwrap_or(0);
            return format!("{surname}#{person}");
        }
        let name = entity.name.to_lowercase();
        match &entity.country {
            Some(country) => country.clone(),
            // A one-word name that is a person's surname is taken for that person, as a bare
            // surname is: the entity's kind is a guess ("Bloomberg said" may be the man or
            // the company).
            None if !name.contains(char::is_whitespace)
                && self.given_by_surname.contains_key(&name) =>
            {
                format!("{name}#0")
            }
            None => name,
        }
    }
}

/// A person's surname and the words before it, lowercased; `None` for other entities.
fn person_name(entity: &parallax_model::Entity) -> Option<(String, String)> {
    if entity.kind != EntityKind::Person {
        return None;
    }
    let lower = entity.name.to_lowercase();
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    let surname = words.pop()?.to_string();
    Some((surname, words.join(" ")))
}

/// The tone of every source toward the story's main entities, in source order; `framing` is
/// the story's framing, whose loaded words of each source's own voice it reads.
pub fn tone(story: &Story, framing: &[Framing]) -> Vec<SourceTone> {
    let people = People::new(story);
    // Each entity's key, by article, worked out once for both uses below.
    let keys: Vec<Vec<String>> = story
        .articles
        .iter()
        .map(|annotated| {
            annotated
                .entities
                .iter()
                .map(|entity| people.key(entity))
                .collect()
        })
        .collect();
    let main = main_entities(story, &keys);
    if main.is_empty() {
        return Vec::new();
    }
    story
        .articles
        .iter()
        .zip(keys)
        .enumerate()
        .filter_map(|(idx, (annotated, keys))| {
            let loaded = framing
                .get(idx)
                .map_or(&[][..], |framing| &framing.loaded_words);
            let read = Read::new(annotated, keys, loaded);
            let mut entities: Vec<EntityTone> = main
                .iter()
                .filter_map(|(key, name)| entity_tone(annotated, &read, key, name))
                .collect();
            entities.sort_by_key(|tone| std::cmp::Reverse(tone.n_positive + tone.n_negative));
            (!entities.is_empty()).then_some(SourceTone {
                source: idx + 1,
                entities,
            })
        })
        .collect()
}

/// What the tone toward every main entity reads from one article, read once for all of them.
struct Read {
    /// The text of quotes and their cues: someone else's voice, and the verb telling what
    /// that someone did ("X praised Y" is X's judgement of Y, not the source's).
    quoted: Vec<Range<usize>>,
    /// The words of entity names.
    named: Vec<Range<usize>>,
    /// Each entity's key.
    keys: Vec<String>,
    /// Each sentence's words and its entity mentions.
    sentences: Vec<(Vec<Range<usize>>, Vec<MentionWords>)>,
    /// The loaded words of the article, with whether each praises, in text order.
    loaded: Vec<(Range<usize>, bool)>,
}

/// An entity mention of a sentence: the indexes of the words it covers, and its entity's index.
type MentionWords = (Range<usize>, usize);

impl Read {
    fn new(annotated: &Annotated, keys: Vec<String>, loaded: &[LoadedWord]) -> Read {
        let text = &annotated.article.text;
        let sentences = annotated
            .sentences
            .iter()
            .map(|sentence| {
                let words = words(text, sentence.range.clone());
                let mentions = annotated
                    .entities
                    .iter()
                    .enumerate()
                    .flat_map(|(entity_idx, entity)| {
                        entity
                            .mentions
                            .iter()
                            .map(move |mention| (&mention.range, entity_idx))
                    })
                    .filter(|(range, _)| {
                        sentence.range.start <= range.start && range.end <= sentence.range.end
                    })
                    .filter_map(|(range, entity_idx)| {
                        let first = words.iter().position(|word| word.start >= range.start)?;
                        let last = words.iter().rposition(|word| word.end <= range.end)?;
                        (first <= last).then_some((first..last + 1, entity_idx))
                    })
                    .collect();
                (words, mentions)
            })
            .collect();
        Read {
            quoted: annotated
                .quotes
                .iter()
                .flat_map(|quote| {
                    std::iter::once(&quote.content)
                        .chain(&quote.continuation)
                        .chain(&quote.cue)
                })
                .cloned()
                .collect(),
            named: annotated
                .entities
                .iter()
                .flat_map(|entity| entity.mentions.iter().map(|mention| mention.range.clone()))
                .collect(),
            keys,
            sentences,
            loaded: {
                let mut uses: Vec<(Range<usize>, bool)> = loaded
                    .iter()
                    .flat_map(|loaded| {
                        let praises = framing::is_glorifying(&loaded.word);
                        loaded
                            .spans
                            .iter()
                            .map(move |span| (span.start..span.end, praises))
                    })
                    .collect();
                uses.sort_by_key(|(range, _)| range.start);
                uses
            },
        }
    }
}

/// The keys of the entities most sources mention, each with the name it is shown by; `keys`
/// holds each article's entity keys.
fn main_entities(story: &Story, keys: &[Vec<String>]) -> Vec<(String, String)> {
    let mut sources: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    let mut mentions: BTreeMap<String, usize> = BTreeMap::new();
    // Each key's names with the source that gives each; whether the key is a person's.
    let mut names: BTreeMap<String, (Vec<(String, usize)>, bool)> = BTreeMap::new();
    for (idx, (annotated, keys)) in story.articles.iter().zip(keys).enumerate() {
        for (entity, key) in annotated.entities.iter().zip(keys) {
            let key = key.clone();
            sources.entry(key.clone()).or_default().insert(idx);
            *mentions.entry(key.clone()).or_insert(0) += entity.mentions.len();
            let (given, person) = names.entry(key).or_default();
            given.push((entity.name.clone(), idx));
            *person |= entity.kind == EntityKind::Person;
        }
    }
    let min_sources = story.articles.len().div_ceil(2).max(2);
    let mut main: Vec<(String, usize, usize)> = sources
        .into_iter()
        .filter(|(_, articles)| articles.len() >= min_sources)
        .map(|(key, articles)| {
            let n_mentions = mentions.get(&key).copied().unwrap_or(0);
            (key, articles.len(), n_mentions)
        })
        .collect();
    main.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
    main.into_iter()
        .take(MAX_ENTITIES)
        .map(|(key, _, _)| {
            // A person as the voices show them ("Joe Biden", as most sources write it); a body
            // or place by its fullest name.
            let name = match names.get(&key) {
                Some((given, true)) => crate::voices::shown_name(given),
                Some((given, false)) => given
                    .iter()
                    .map(|(name, _)| name)
                    .rev()
                    .max_by_key(|name| name.len())
                    .cloned()
                    .unwrap_or_default(),
                None => key.clone(),
            };
            (key, name)
        })
        .collect()
}

fn entity_tone(annotated: &Annotated, read: &Read, key: &str, name: &str) -> Option<EntityTone> {
    let text = &annotated.article.text;
    let inside = |ranges: &[Range<usize>], word: &Range<usize>| {
        ranges
            .iter()
            .any(|range| range.start <= word.start && word.end <= range.end)
    };
    let is_target: Vec<bool> = read.keys.iter().map(|entity| entity == key).collect();
    let mut toned: BTreeMap<usize, TonedWord> = BTreeMap::new();
    for (words, mentions) in &read.sentences {
        if !mentions
            .iter()
            .any(|&(_, entity_idx)| is_target[entity_idx])
        {
            continue;
        }
        let distance = |idx: usize, target: bool| {
            mentions
                .iter()
                .filter(|&&(_, entity_idx)| is_target[entity_idx] == target)
                .map(|(covered, _)| {
                    if idx < covered.start {
                        covered.start - idx
                    } else {
                        idx.saturating_sub(covered.end - 1)
                    }
                })
                .min()
                .unwrap_or(usize::MAX)
        };
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            continue;
        };
        let in_sentence = read
            .loaded
            .iter()
            .filter(|(range, _)| first.start <= range.start && range.end <= last.end);
        for (range, praises) in in_sentence {
            let Some(idx) = words
                .iter()
                .position(|word| word.start <= range.start && range.start < word.end)
            else {
                continue;
            };
            let word = &text[range.clone()];
            // A capitalized word inside the sentence belongs to a name, a title or a slogan
            // ("Justice Ana Ruiz", "Make Velmar Great Again") that the annotator did not
            // recognize, not to the writer's judgement.
            if inside(&read.quoted, range)
                || inside(&read.named, range)
                || (idx > 0 && word.starts_with(char::is_uppercase))
            {
                continue;
            }
            // "Extreme rates": before a noun of measure the word measures, it does not judge.
            if words
                .iter()
                .skip(idx + 1)
                .take(2)
                .any(|next| MEASURE_NOUNS.contains(&text[next.clone()].to_lowercase().as_str()))
            {
                continue;
            }
            // A word belongs to the nearest mention; a tie gives it to both.
            if distance(idx, true) > distance(idx, false) {
                continue;
            }
            let negated = idx > 0
                && matches!(
                    text[words[idx - 1].clone()].to_lowercase().as_str(),
                    "not" | "no" | "never"
                );
            toned.insert(
                range.start,
                TonedWord {
                    word: word.to_string(),
                    positive: *praises != negated,
                    span: Span::new(annotated.article.id.clone(), range.start, range.end),
                },
            );
        }
    }
    if toned.is_empty() {
        return None;
    }
    let words: Vec<TonedWord> = toned.into_values().collect();
    let n_positive = words.iter().filter(|word| word.positive).count();
    let n_negative = words.len() - n_positive;
    Some(EntityTone {
        entity: name.to_string(),
        score: (n_positive as f64 - n_negative as f64) / words.len() as f64,
        n_positive,
        n_negative,
        words,
    })
}

/// The word ranges of `text[range]`, as ranges of `text`.
fn words(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let Some(slice) = text.get(range.clone()) else {
        return Vec::new();
    };
    let mut words = Vec::new();
    let mut start = None;
    for (idx, c) in slice.char_indices() {
        match (c.is_alphanumeric() || (c == '-' && start.is_some()), start) {
            (true, None) => start = Some(idx),
            (false, Some(begin)) => {
                words.push(range.start + begin..range.start + idx);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(begin) = start {
        words.push(range.start + begin..range.end);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::{Article, Entity, Mention, Origin, Sentence};

    /// An article of one sentence where each name in `names` is a place entity.
    fn annotated(file: &str, text: &str, names: &[&str]) -> Annotated {
        let mut annotated = Annotated::new(Article::new(Origin::File(file.into()), text.into()));
        annotated.sentences = vec![Sentence {
            range: 0..text.len(),
            paragraph: 0,
        }];
        annotated.entities = names
            .iter()
            .map(|name| {
                let start = text.find(name).expect("name in text");
                Entity {
                    kind: EntityKind::Place,
                    name: (*name).to_string(),
                    mentions: vec![Mention {
                        range: start..start + name.len(),
                        by_role: false,
                    }],
                    country: None,
                    role: None,
                }
            })
            .collect();
        annotated
    }

    /// The tone of `story`, read from its own framing as the brief reads it.
    fn tone_of(story: &Story) -> Vec<SourceTone> {
        tone(story, &crate::framing(story))
    }

    /// Every toned word of `story` with its source's number.
    fn toned_words(story: &Story) -> Vec<(usize, String)> {
        tone_of(story)
            .into_iter()
            .flat_map(|source| {
                source.entities.into_iter().flat_map(move |tone| {
                    tone.words
                        .into_iter()
                        .map(move |word| (source.source, word.word))
                })
            })
            .collect()
    }

    /// An entity's tone as the test expects it: (name, score in hundredths, words).
    type FoundTone = (String, i64, Vec<String>);

    #[test]
    fn a_capitalized_word_inside_a_sentence_is_no_judgement() {
        let story = Story::new(vec![
            annotated(
                "a.txt",
                "Norland rallied under a Brutal Honesty banner with Justice Osmia.",
                &["Norland", "Osmia"],
            ),
            annotated(
                "b.txt",
                "Reckless talk came from Norland and Osmia.",
                &["Norland", "Osmia"],
            ),
        ]);
        let words = toned_words(&story);
        // The sentence's first word is the writer's.
        assert!(words.iter().all(|(source, _)| *source == 2), "{words:?}");
        assert!(words.contains(&(2, "Reckless".to_string())), "{words:?}");
    }

    #[test]
    fn a_word_before_a_noun_of_measure_is_no_judgement() {
        let story = Story::new(vec![
            annotated(
                "a.txt",
                "Norland charged extreme rates for a drastic share of the catch.",
                &["Norland"],
            ),
            annotated(
                "b.txt",
                "Norland made an extreme offer that Osmia welcomed.",
                &["Norland", "Osmia"],
            ),
        ]);
        let words = toned_words(&story);
        assert!(words.iter().all(|(source, _)| *source == 2), "{words:?}");
        assert!(words.contains(&(2, "extreme".to_string())), "{words:?}");
    }

    #[test]
    fn a_verb_reporting_someone_else_is_not_the_sources_tone() {
        let text =
            "The council slammed every request from Lessor, and Norland made a brazen offer.";
        let mut reported = annotated("a.txt", text, &["Lessor", "Norland"]);
        reported.quotes.push(crate::test_stories::quote_in(
            text,
            parallax_model::QuoteKind::Indirect,
            "every request from Lessor",
            Some("slammed"),
            Some("The council"),
        ));
        let words: Vec<String> = tone_of(&Story::new(vec![reported.clone(), reported]))
            .into_iter()
            .flat_map(|source| source.entities)
            .flat_map(|tone| tone.words.into_iter().map(|word| word.word))
            .collect();
        // "brazen" is the source's own word; "slammed" reports the council, near Lessor.
        assert!(!words.contains(&"slammed".to_string()), "{words:?}");
        assert!(words.contains(&"brazen".to_string()), "{words:?}");
    }

    #[test]
    fn loaded_words_about_mentions_score_each_entity_per_source() {
        let story = Story::new(vec![
            annotated(
                "a.txt",
                "Reckless Norland closed the strait while heroic Osmia waited.",
                &["Norland", "Osmia"],
            ),
            annotated(
                "b.txt",
                "Norland made a brazen offer that Osmia called not outrageous.",
                &["Norland", "Osmia"],
            ),
        ]);
        let found: Vec<(usize, Vec<FoundTone>)> = tone_of(&story)
            .into_iter()
            .map(|source| {
                (
                    source.source,
                    source
                        .entities
                        .into_iter()
                        .map(|tone| {
                            (
                                tone.entity,
                                (tone.score * 100.0).round() as i64,
                                tone.words.into_iter().map(|word| word.word).collect(),
                            )
                        })
                        .collect(),
                )
            })
            .collect();
        // A word as near to two mentions counts for both; "not" turns blame into praise.
        assert_eq!(
            found,
            [
                (
                    1,
                    vec![
                        ("Norland".to_string(), -100, vec!["Reckless".to_string()]),
                        ("Osmia".to_string(), 100, vec!["heroic".to_string()]),
                    ]
                ),
                (
                    2,
                    vec![
                        (
                            "Osmia".to_string(),
                            0,
                            vec!["brazen".to_string(), "outrageous".to_string()]
                        ),
                        ("Norland".to_string(), -100, vec!["brazen".to_string()]),
                    ]
                ),
            ]
        );
    }

    #[test]
    fn people_who_share_a_surname_are_told_apart() {
        let as_people = |mut annotated: Annotated| {
            for entity in &mut annotated.entities {
                entity.kind = EntityKind::Person;
            }
            annotated
        };
        let story = Story::new(vec![
            as_people(annotated(
                "a.txt",
                "Reckless Ana Vell closed the council while heroic Bo Vell waited.",
                &["Ana Vell", "Bo Vell"],
            )),
            as_people(annotated(
                "b.txt",
                "Anna Vell made a heroic offer to the council, and Bo Vell was not outrageous.",
                &["Anna Vell", "Bo Vell"],
            )),
        ]);
        let found: Vec<Vec<(String, i64)>> = tone_of(&story)
            .into_iter()
            .map(|source| {
                let mut entities: Vec<(String, i64)> = source
                    .entities
                    .into_iter()
                    .map(|tone| (tone.entity, (tone.score * 100.0).round() as i64))
                    .collect();
                entities.sort();
                entities
            })
            .collect();
        let shown = |name: &str, score: i64| (name.to_string(), score);
        // "Ana Vell" and "Anna Vell" are one person, shown by the longer name of the two.
        assert_eq!(
            found,
            [
                vec![shown("Anna Vell", -100), shown("Bo Vell", 100)],
                vec![shown("Anna Vell", 100), shown("Bo Vell", 100)],
            ]
        );
    }
}
