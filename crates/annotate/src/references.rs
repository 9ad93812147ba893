//! Who a pronoun stands for, as [`Reference`]s to entities: the speaker pronouns the quote
//! annotator resolved ("he added"), and the personal or possessive pronoun opening a sentence
//! ("He voted against it." after "Jane Doe opposed the bill.").
//!
//! A sentence-opening "he", "she", "his" or "her" stands for the person the sentence before it
//! is about: its subject ("Mayor Ana Ruiz opened the session. She said …"), whom a pronoun
//! opening it stood for, or the speaker of a quote it holds ("“We won,” said Ruiz. Her
//! rival …"); a sentence wholly inside a quotation is passed over. What is known of a person's
//! gender comes from given names ("Nancy"), titles and role words ("Mrs.", "spokesman") and
//! from pronouns already resolved to them, so "she" never stands for a man the article calls
//! "he".
//!
//! The rule prefers no answer to a wrong one, as a brief names the person in place of the
//! pronoun: nothing is resolved across a sentence that opens otherwise ("After the vote, …",
//! "The 49-year-old …": whose subject this reading cannot tell), a pronoun whose own sentence
//! names a person it could stand for is left alone ("His face flushed, Mr. Doe left" names him
//! after the pronoun; "He met Ruiz" may be about anyone), and so are "they" and "it", which
//! stand for things as often as for people or bodies.

use crate::quotes::{
    GenderEvidence, Pronoun, gender_of_given_name, gender_of_word, possessive_class, pronoun_class,
};
use parallax_model::{Annotated, EntityKind, QuoteKind, Reference};
use std::collections::HashMap;
use std::ops::Range;

/// How many sentences wholly inside quotations the look back passes over.
const MAX_QUOTED_SKIPPED: usize = 2;

/// The references of `annotated`, whose entities and quotes (with their speakers linked to
/// entities) are annotated and whose sentences open with the subjects `subjects` (byte ranges in
/// text order, as [`crate::quotes::quotes_and_subjects`] finds them), in text order.
pub fn references(annotated: &Annotated, subjects: &[Range<usize>]) -> Vec<Reference> {
    let text = &annotated.article.text;
    let quotations = Quotations::new(annotated);
    let mut genders = genders(annotated);

    // Person mentions, by start.
    let mut people: Vec<(Range<usize>, usize)> = annotated
        .entities
        .iter()
        .enumerate()
        .filter(|(_, entity)| entity.kind == EntityKind::Person)
        .flat_map(|(entity_idx, entity)| {
            entity
                .mentions
                .iter()
                .map(move |mention| (mention.range.clone(), entity_idx))
        })
        .collect();
    people.sort_by_key(|(range, _)| range.start);
    let people_within = |range: &Range<usize>| -> &[(Range<usize>, usize)] {
        let first = people.partition_point(|(mention, _)| mention.start < range.start);
        let end = people.partition_point(|(mention, _)| mention.start < range.end);
        &people[first..end.max(first)]
    };
    let subject_of = |range: &Range<usize>| -> Option<usize> {
        let first = subjects.partition_point(|subject| subject.start < range.start);
        let Some(subject) = subjects
            .get(first)
            .filter(|subject| subject.end <= range.end)
        else {
            return subject_after_opening_phrase(text, range, people_within(range));
        };
        // The name heads the phrase: "Ana Ruiz" of "Ohio Mayor Ana Ruiz".
        people_within(subject)
            .iter()
            .rfind(|(mention, _)| mention.end <= subject.end)
            .map(|(_, entity)| *entity)
    };

    // The quotes resolve their speakers' pronouns by a looser rule, blind to given names: what
    // the article tells of the person's gender overrules it.
    // Each speaker pronoun's start, with the person it stands for where that is kept.
    let mut speaker_pronouns: HashMap<usize, Option<usize>> = HashMap::new();
    let mut references: Vec<Reference> = Vec::new();
    for quote in &annotated.quotes {
        let (Some(pronoun), Some(entity)) = (&quote.speaker_pronoun, quote.speaker_entity) else {
            continue;
        };
        let word = text.get(pronoun.clone()).unwrap_or_default().to_lowercase();
        let class = pronoun_class(&word).or_else(|| possessive_class(&word));
        let kept = class.is_none_or(|class| genders.allows(&entity, class));
        speaker_pronouns.insert(pronoun.start, kept.then_some(entity));
        if kept {
            references.push(Reference {
                pronoun: pronoun.clone(),
                entity,
            });
        }
    }
    // The people who speak in quotes, by where the cue stands. A speaker pronoun was resolved by
    // the quotes' own, looser rule; the one who asks a question is seldom who the next sentence
    // is about ("Vieira asked Ruiz, “…?” His response: …").
    let mut named_speakers: Vec<(Range<usize>, usize)> = annotated
        .quotes
        .iter()
        .filter(|quote| !quote.anonymous && quote.speaker_pronoun.is_none())
        .filter_map(|quote| Some((quote.cue.clone()?, quote.speaker_entity?)))
        .filter(|(cue, entity)| {
            let asks = text
                .get(cue.clone())
                .is_some_and(|cue| cue.to_lowercase().starts_with("ask"));
            !asks && annotated.entities[*entity].kind == EntityKind::Person
        })
        .collect();
    named_speakers.sort_by_key(|(cue, _)| cue.start);
    // The first person speaking in a quote whose cue the sentence at `range` holds.
    let speaker_in = |range: &Range<usize>| -> Option<usize> {
        let first = named_speakers.partition_point(|(cue, _)| cue.start < range.start);
        named_speakers[first..]
            .iter()
            .take_while(|(cue, _)| cue.start < range.end)
            .find(|(cue, _)| cue.end <= range.end)
            .map(|(_, entity)| *entity)
    };

    // Per sentence, the entity its opening pronoun was resolved to.
    let mut opened_by: Vec<Option<usize>> = vec![None; annotated.sentences.len()];
    for (idx, sentence) in annotated.sentences.iter().enumerate() {
        let Some((pronoun, class)) = opening_pronoun(text, &sentence.range) else {
            continue;
        };
        if quotations.contains(pronoun.start) {
            continue;
        }
        if let Some(&entity) = speaker_pronouns.get(&pronoun.start) {
            opened_by[idx] = entity;
            continue;
        }
        let could_be = |entity: usize| genders.allows(&entity, class);
        let names_one_itself = people_within(&sentence.range)
            .iter()
            .any(|(mention, entity)| !quotations.contains(mention.start) && could_be(*entity));
        if names_one_itself {
            continue;
        }
        // The sentence before, past at most a few wholly quoted ones.
        let before = (0..idx).rev().take(MAX_QUOTED_SKIPPED + 1).find(|&before| {
            !is_quoted_whole(text, &quotations, &annotated.sentences[before].range)
        });
        let Some(before) = before else {
            continue;
        };
        let range = &annotated.sentences[before].range;
        let found = subject_of(range)
            .or(opened_by[before])
            .or_else(|| speaker_in(range))
            .filter(|&entity| could_be(entity));
        if let Some(entity) = found {
            genders.settle(entity, class);
            opened_by[idx] = Some(entity);
            references.push(Reference { pronoun, entity });
        }
    }
    references.sort_by_key(|reference| reference.pronoun.start);
    references
}

/// Words that open a phrase set before a sentence's subject: "After the vote, Ana Ruiz left."
const OPENING_PHRASE_WORDS: &[&str] = &[
    "after",
    "before",
    "in",
    "on",
    "at",
    "during",
    "despite",
    "since",
    "as",
    "when",
    "while",
    "following",
    "with",
    "without",
    "for",
    "from",
    "although",
    "though",
    "because",
    "unlike",
    "amid",
    "by",
    "under",
    "over",
    "once",
    "until",
    "asked",
    "earlier",
    "later",
    "last",
    "this",
];

/// The person whose name opens the main clause of the sentence at `range` of `text` after an
/// opening phrase ("After growing up in Ohio, Ana Ruiz moved …", "Speaking to reporters, Ruiz
/// …"): the person mention of `people` (those within the sentence) right after the phrase's
/// comma; `None` when the sentence opens otherwise.
fn subject_after_opening_phrase(
    text: &str,
    range: &Range<usize>,
    people: &[(Range<usize>, usize)],
) -> Option<usize> {
    let sentence = text.get(range.clone())?;
    let first_word = sentence
        .split(|c: char| !c.is_alphabetic())
        .next()?
        .to_lowercase();
    if !(OPENING_PHRASE_WORDS.contains(&first_word.as_str()) || first_word.ends_with("ing")) {
        return None;
    }
    let comma = sentence.find(", ")?;
    // The phrase is short: a comma far in is a list or a clause of its own.
    if sentence[..comma].split_whitespace().count() > 12 {
        return None;
    }
    let subject_start = range.start + comma + 2;
    // A title may stand before the name the mention holds ("Sen. Ana Ruiz").
    people
        .iter()
        .find(|(mention, _)| {
            mention.start >= subject_start
                && text
                    .get(subject_start..mention.start)
                    .is_some_and(|between| {
                        between.split_whitespace().count() <= 2
                            && between
                                .split_whitespace()
                                .all(|word| word.starts_with(char::is_uppercase))
                    })
        })
        .map(|(_, entity)| *entity)
}

/// The byte range and class of the "he", "she", "his" or "her" opening the sentence at `range`
/// of `text`, capitalized as a sentence's first word is; a contracted auxiliary ("She's") is left
/// out of the range.
fn opening_pronoun(text: &str, range: &Range<usize>) -> Option<(Range<usize>, Pronoun)> {
    let sentence = text.get(range.clone())?;
    let word = sentence.split(|c: char| !c.is_alphabetic()).next()?;
    if !matches!(word, "He" | "She" | "His" | "Her") {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    let class = pronoun_class(&lower).or_else(|| possessive_class(&lower))?;
    Some((range.start..range.start + word.len(), class))
}

/// Whether the sentence at `range` of `text` lies inside one quotation: one the quotes hold, or
/// one the sentence opens and closes itself (a quotation with no attribution is no quote).
fn is_quoted_whole(text: &str, quotations: &Quotations, range: &Range<usize>) -> bool {
    let sentence = text.get(range.clone()).unwrap_or_default().trim();
    let marked = sentence
        .strip_prefix(['"', '\u{201c}'])
        .and_then(|inner| {
            inner
                .trim_end_matches(['.', '!', '?'])
                .strip_suffix(['"', '\u{201d}'])
        })
        .is_some_and(|inner| !inner.contains(['"', '\u{201c}', '\u{201d}']));
    marked || quotations.covers(range)
}

/// The direct quotations of an article: byte ranges, sorted and merged.
struct Quotations(Vec<Range<usize>>);

impl Quotations {
    fn new(annotated: &Annotated) -> Quotations {
        let mut ranges: Vec<Range<usize>> = annotated
            .quotes
            .iter()
            .filter(|quote| quote.kind == QuoteKind::Direct)
            .flat_map(|quote| std::iter::once(&quote.content).chain(&quote.continuation))
            .cloned()
            .collect();
        ranges.sort_by_key(|range| range.start);
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
        for range in ranges {
            match merged.last_mut() {
                Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
                _ => merged.push(range),
            }
        }
        Quotations(merged)
    }

    fn contains(&self, at: usize) -> bool {
        self.around(at).is_some()
    }

    /// Whether every letter of `range` lies inside one quotation.
    fn covers(&self, range: &Range<usize>) -> bool {
        self.around(range.start)
            .or_else(|| self.around(range.start + 1))
            .is_some_and(|quotation| range.end <= quotation.end + 1)
    }

    /// The quotation holding byte `at`.
    fn around(&self, at: usize) -> Option<&Range<usize>> {
        let after = self.0.partition_point(|range| range.start <= at);
        self.0[..after].last().filter(|range| at < range.end)
    }
}

/// What the article tells of each person's gender, by entity index: given names ("Nancy Doe")
/// and the titles and role words at each mention ("Mrs. Doe", "the spokesman"), then, for people
/// these leave open, the speaker pronouns the quotes resolved.
fn genders(annotated: &Annotated) -> GenderEvidence<usize> {
    let text = &annotated.article.text;
    let mut genders = GenderEvidence::new();
    for (entity_idx, entity) in annotated.entities.iter().enumerate() {
        if entity.kind != EntityKind::Person {
            continue;
        }
        let mut words = entity.name.split_whitespace();
        if let (Some(given), Some(_)) = (words.next(), words.next())
            && let Some(class) = gender_of_given_name(given)
        {
            genders.learn(entity_idx, class);
        }
        for mention in &entity.mentions {
            let before = text
                .get(..mention.range.start)
                .and_then(|before| before.split_whitespace().next_back());
            let first = text
                .get(mention.range.clone())
                .and_then(|mention| mention.split_whitespace().next());
            for word in before.into_iter().chain(first) {
                if let Some(class) = gender_of_word(&word.to_lowercase()) {
                    genders.learn(entity_idx, class);
                }
            }
        }
    }
    for quote in &annotated.quotes {
        let (Some(pronoun), Some(entity)) = (&quote.speaker_pronoun, quote.speaker_entity) else {
            continue;
        };
        let word = text.get(pronoun.clone()).unwrap_or_default().to_lowercase();
        if let Some(class) = pronoun_class(&word).or_else(|| possessive_class(&word)) {
            genders.settle(entity, class);
        }
    }
    genders
}

#[cfg(test)]
mod tests {
    use crate::{Config, annotate};
    use parallax_model::{Article, Origin};

    /// Each sentence-opening pronoun of `text` with the name of the entity it resolved to.
    fn resolved(text: &str) -> Vec<(String, String)> {
        let annotated = annotate(
            Article::new(Origin::File("pronouns.txt".into()), text.to_string()),
            &Config::new(),
        );
        annotated
            .references
            .iter()
            .map(|reference| {
                (
                    text[reference.pronoun.clone()].to_string(),
                    annotated.entities[reference.entity].name.clone(),
                )
            })
            .collect()
    }

    fn pair(pronoun: &str, name: &str) -> (String, String) {
        (pronoun.to_string(), name.to_string())
    }

    #[test]
    fn an_opening_pronoun_stands_for_the_subject_before_it_and_chains_on() {
        assert_eq!(
            resolved(
                "Mayor Ana Ruiz opened the session on Monday. She voted against the budget. \
                 Her deputy abstained."
            ),
            vec![pair("She", "Ana Ruiz"), pair("Her", "Ana Ruiz")]
        );
    }

    #[test]
    fn the_subject_after_an_opening_phrase_is_whom_the_sentence_is_about() {
        assert_eq!(
            resolved("After the vote on Monday, Mayor Ana Ruiz left. She flew to the capital."),
            vec![pair("She", "Ana Ruiz")]
        );
    }

    #[test]
    fn a_wholly_quoted_sentence_is_passed_over() {
        assert_eq!(
            resolved(
                "Governor Tom Berg signed the bill on Monday.\n\n“This is a good day.”\n\n\
                 He left for the capital."
            ),
            vec![pair("He", "Tom Berg")]
        );
    }

    #[test]
    fn unclear_pronouns_stay_unresolved() {
        // The gender of the given name rules him out.
        assert!(
            resolved("Tom Berg opened the session on Monday. She voted against it.").is_empty()
        );
        // The sentence names someone the pronoun may stand for.
        assert!(
            resolved("Ana Ruiz opened the session. His face flushed, Tom Berg walked out.")
                .is_empty()
        );
        // Whom the sentence before is about is not its first name.
        assert!(
            resolved("When the vote ended, reporters asked Ana Ruiz about it. She left.")
                .is_empty()
        );
        // "They" may be anything.
        assert!(resolved("Ana Ruiz and Tom Berg opened the session. They spoke.").is_empty());
    }

    #[test]
    fn a_claim_opened_by_a_resolved_pronoun_has_its_subject() {
        let text = "Mayor Ana Ruiz opened the session on Monday. She signed the budget.";
        let annotated = annotate(
            Article::new(Origin::File("claims.txt".into()), text.to_string()),
            &Config::new(),
        );
        let claim = annotated
            .claims
            .iter()
            .find(|claim| claim.sentence == 1)
            .expect("a claim for the second sentence");
        let subject = claim
            .subject
            .map(|entity| annotated.entities[entity].name.as_str());
        assert_eq!(subject, Some("Ana Ruiz"));
    }
}
