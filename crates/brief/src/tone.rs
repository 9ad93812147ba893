//! Tone: how each source's own words sound near the story's main entities.
//!
//! The main entities are those most sources mention (a person by the last word of the name, a
//! body or place by its country when known, else by name). The words of a sentence within
//! [`WINDOW`] words of a mention, and no nearer to another entity's mention, are looked up in a small general sentiment
//! lexicon the team wrote (`data/sentiment.txt`; no licensed list was available without the
//! GPL); a word just after "not", "no" or "never" counts for the other side. Words inside quotes
//! are someone else's voice and are left out, and so are the words of entity names. The score
//! is (positive − negative) / (positive + negative).

use parallax_model::{Annotated, EntityKind, EntityTone, SourceTone, Span, Story, TonedWord};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;
use std::sync::LazyLock;

/// Words on either side of a mention that count as near it.
const WINDOW: usize = 5;
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

/// The key that identifies an entity across articles, and its fullest name.
fn entity_key(entity: &parallax_model::Entity) -> String {
    match (entity.kind, &entity.country) {
        (EntityKind::Person, _) => entity
            .name
            .split_whitespace()
            .next_back()
            .unwrap_or(&entity.name)
            .to_lowercase(),
        (_, Some(country)) => country.clone(),
        (_, None) => entity.name.to_lowercase(),
    }
}

/// The tone of every source toward the story's main entities, in source order.
pub fn tone(story: &Story) -> Vec<SourceTone> {
    let main = main_entities(story);
    if main.is_empty() {
        return Vec::new();
    }
    story
        .articles
        .iter()
        .enumerate()
        .filter_map(|(idx, annotated)| {
            let read = Read::new(annotated);
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
    /// The text of quotes: someone else's voice.
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
    fn new(annotated: &Annotated) -> Read {
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
                .flat_map(|quote| std::iter::once(&quote.content).chain(&quote.continuation))
                .cloned()
                .collect(),
            named: annotated
                .entities
                .iter()
                .flat_map(|entity| entity.mentions.iter().map(|mention| mention.range.clone()))
                .collect(),
            keys: annotated.entities.iter().map(entity_key).collect(),
            sentences,
        }
    }
}

/// The keys of the entities most sources mention, with the fullest name any source gives.
fn main_entities(story: &Story) -> Vec<(String, String)> {
    let mut sources: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    let mut mentions: BTreeMap<String, usize> = BTreeMap::new();
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    for (idx, annotated) in story.articles.iter().enumerate() {
        for entity in &annotated.entities {
            let key = entity_key(entity);
            sources.entry(key.clone()).or_default().insert(idx);
            *mentions.entry(key.clone()).or_insert(0) += entity.mentions.len();
            let name = names.entry(key).or_default();
            if entity.name.len() > name.len() {
                name.clone_from(&entity.name);
            }
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
            let name = names.get(&key).cloned().unwrap_or_else(|| key.clone());
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
            if inside(&read.quoted, range) || inside(&read.named, range) {
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

    /// An entity's tone as the test expects it: (name, score in hundredths, words).
    type FoundTone = (String, i64, Vec<String>);

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
}
