//! Tone: how each source's own words sound near the story's main entities.
//!
//! The main entities are those most sources mention (a person by surname, people who share one
//! told apart by their given names; a body or place by its country when known, else by name).
//! The words of a sentence within
//! [`WINDOW`] words of a mention, and no nearer to another entity's mention, are looked up in a small general sentiment
//! lexicon the team wrote (`data/sentiment.txt`; no licensed list was available without the
//! GPL); a word just after "not", "no" or "never" counts for the other side, and one before a
//! noun of measure ("an effective tax rate", "a fair amount") does not count. Words inside quotes
//! are someone else's voice and are left out, as are the verbs that report them ("X praised Y"
//! is X's judgement), the words of entity names and capitalized words inside a sentence (names
//! the annotator missed, titles, slogans). The score is (positive − negative) / (positive +
//! negative).
//!
//! Measured against BASIL's article-level reading of the writer's feeling toward each main
//! entity (`bench/basil-tone.sh`), these scores do not agree with the annotators better than
//! chance: a lexicon near a name catches what happened to an actor ("won", "concession") more
//! than what the writer thinks of them, and the annotators read the writer's feeling mostly from
//! which facts are told. The section shows its words so that a reader can judge them.

use parallax_model::{Annotated, EntityKind, EntityTone, SourceTone, Span, Story, TonedWord};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;
use std::sync::LazyLock;

/// Words on either side of a mention that count as near it.
const WINDOW: usize = 5;
/// Nouns of measure after which a lexicon word is no judgement ("effective tax rate", "fair
/// share", "better odds").
const MEASURE_NOUNS: &[&str] = &[
    "amount", "amounts", "share", "shares", "number", "rate", "rates", "tax", "taxes", "market",
    "value", "date", "odds", "price", "prices",
];
/// At most this many main entities.
const MAX_ENTITIES: usize = 5;

/// The sentiment lexicon: lowercase word → positive.
static LEXICON: LazyLock<HashMap<&'static str, bool>> = LazyLock::new(|| {
    include_str!("../data/sentiment.txt")
        .lines()
        .filter_map(|line| {
            let line = line.trim();
            let (sign, word) = line.split_at_checked(1)?;
            match sign {
                "+" => Some((word, true)),
                "-" => Some((word, false)),
                _ => None,
            }
        })
        .collect()
});

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

/// The tone of every source toward the story's main entities, in source order.
pub fn tone(story: &Story) -> Vec<SourceTone> {
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
            let read = Read::new(annotated, keys);
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
}

/// An entity mention of a sentence: the indexes of the words it covers, and its entity's index.
type MentionWords = (Range<usize>, usize);

impl Read {
    fn new(annotated: &Annotated, keys: Vec<String>) -> Read {
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
    let mut lower = String::new();
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
        for (idx, range) in words.iter().enumerate() {
            // The lexicon first: most words are not in it.
            let word = &text[range.clone()];
            let positive = if word.is_ascii() {
                lower.clear();
                lower.push_str(word);
                lower.make_ascii_lowercase();
                LEXICON.get(lower.as_str())
            } else {
                LEXICON.get(word.to_lowercase().as_str())
            };
            let Some(&positive) = positive else {
                continue;
            };
            // A capitalized word inside the sentence belongs to a name, a title or a slogan
            // ("Justice Ana Ruiz", "Make Velmar Great Again") that the annotator did not
            // recognize, not to the writer's judgement.
            if inside(&read.quoted, range)
                || inside(&read.named, range)
                || (idx > 0 && word.starts_with(char::is_uppercase))
            {
                continue;
            }
            // "An effective (federal) tax rate", "a fair amount of time": before a noun of
            // measure the word measures, it does not judge.
            if words
                .iter()
                .skip(idx + 1)
                .take(2)
                .any(|next| MEASURE_NOUNS.contains(&text[next.clone()].to_lowercase().as_str()))
            {
                continue;
            }
            // A word belongs to the nearest mention; a tie gives it to both.
            let to_target = distance(idx, true);
            if to_target > WINDOW || to_target > distance(idx, false) {
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
                    positive: positive != negated,
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

    /// Every toned word of `story` with its source's number.
    fn toned_words(story: &Story) -> Vec<(usize, String)> {
        tone(story)
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
                "Norland rallied under a Make Norland Great Again banner with Justice Osmia.",
                &["Norland", "Osmia"],
            ),
            annotated(
                "b.txt",
                "Good news came from Norland and Osmia.",
                &["Norland", "Osmia"],
            ),
        ]);
        let words = toned_words(&story);
        // The sentence's first word is the writer's.
        assert!(words.iter().all(|(source, _)| *source == 2), "{words:?}");
        assert!(words.contains(&(2, "Good".to_string())), "{words:?}");
    }

    #[test]
    fn a_word_before_a_noun_of_measure_is_no_judgement() {
        let story = Story::new(vec![
            annotated(
                "a.txt",
                "Norland paid an effective federal tax rate of 30 percent, a fair share.",
                &["Norland"],
            ),
            annotated(
                "b.txt",
                "Norland made an effective offer that Osmia welcomed.",
                &["Norland", "Osmia"],
            ),
        ]);
        let words = toned_words(&story);
        assert!(words.iter().all(|(source, _)| *source == 2), "{words:?}");
        assert!(words.contains(&(2, "effective".to_string())), "{words:?}");
    }

    #[test]
    fn a_verb_reporting_someone_else_is_not_the_sources_tone() {
        let text = "The regime refused every request from Lessor, and Norland praised the harbour.";
        let mut reported = annotated("a.txt", text, &["Lessor", "Norland"]);
        reported.quotes.push(crate::test_stories::quote_in(
            text,
            parallax_model::QuoteKind::Indirect,
            "every request from Lessor",
            Some("refused"),
            Some("The regime"),
        ));
        let words: Vec<String> = tone(&Story::new(vec![reported.clone(), reported]))
            .into_iter()
            .flat_map(|source| source.entities)
            .flat_map(|tone| tone.words.into_iter().map(|word| word.word))
            .collect();
        // "praised" is the source's own verb; "refused" reports the regime, near Lessor.
        assert!(!words.contains(&"refused".to_string()), "{words:?}");
        assert!(words.contains(&"praised".to_string()), "{words:?}");
    }

    #[test]
    fn words_near_mentions_score_each_entity_per_source() {
        let story = Story::new(vec![
            annotated(
                "a.txt",
                "Reckless Norland threatened its neighbour while calm Osmia waited.",
                &["Norland", "Osmia"],
            ),
            annotated(
                "b.txt",
                "Norland made a constructive offer that Osmia did not reject.",
                &["Norland", "Osmia"],
            ),
        ]);
        let found: Vec<(usize, Vec<FoundTone>)> = tone(&story)
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
        assert_eq!(
            found,
            [
                (
                    1,
                    vec![
                        (
                            "Norland".to_string(),
                            -100,
                            vec!["Reckless".to_string(), "threatened".to_string()]
                        ),
                        ("Osmia".to_string(), 100, vec!["calm".to_string()]),
                    ]
                ),
                (
                    2,
                    vec![
                        (
                            "Osmia".to_string(),
                            100,
                            vec!["constructive".to_string(), "reject".to_string()]
                        ),
                        ("Norland".to_string(), 100, vec!["constructive".to_string()]),
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
                "Reckless Ana Vell threatened the council while calm Bo Vell waited.",
                &["Ana Vell", "Bo Vell"],
            )),
            as_people(annotated(
                "b.txt",
                "Anna Vell made a constructive offer that Bo Vell did not reject.",
                &["Anna Vell", "Bo Vell"],
            )),
        ]);
        let found: Vec<Vec<(String, i64)>> = tone(&story)
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
