//! Helpers for the unit tests' small stories.

use parallax_model::{
    Annotated, Entity, EntityKind, Mention, Quote, QuoteKind, Story, TimeExpression, TimeKind,
};
use std::ops::Range;

/// The byte range where `part` first stands in `text`.
pub(crate) fn range_in(text: &str, part: &str) -> Range<usize> {
    let start = text.find(part).expect("the part is in the text");
    start..start + part.len()
}

/// A quote of `text` whose content, cue and speaker are where those words first stand; no
/// pronoun, entity or continuation.
pub(crate) fn quote_in(
    text: &str,
    kind: QuoteKind,
    content: &str,
    cue: Option<&str>,
    speaker: Option<&str>,
) -> Quote {
    Quote {
        kind,
        content: range_in(text, content),
        continuation: Vec::new(),
        cue: cue.map(|cue| range_in(text, cue)),
        speaker: speaker.map(|speaker| range_in(text, speaker)),
        speaker_pronoun: None,
        speaker_entity: None,
        anonymous: false,
    }
}

/// Marks every occurrence of each of `names` in article `idx` as a person's name.
pub(crate) fn with_names(mut story: Story, idx: usize, names: &[&str]) -> Story {
    let annotated = &mut story.articles[idx];
    for name in names {
        let mentions = annotated
            .article
            .text
            .match_indices(name)
            .map(|(start, _)| Mention {
                range: start..start + name.len(),
                by_role: false,
            })
            .collect();
        annotated.entities.push(Entity {
            kind: EntityKind::Person,
            name: name.to_string(),
            mentions,
            country: None,
            role: None,
        });
    }
    story
}

/// Marks the first `expression` in `annotated`'s text as the calendar date `value`.
pub(crate) fn with_date(annotated: &mut Annotated, expression: &str, value: &str) {
    let start = annotated
        .article
        .text
        .find(expression)
        .expect("the expression is in the text");
    annotated.times.push(TimeExpression {
        range: start..start + expression.len(),
        kind: TimeKind::Date,
        value: value.to_string(),
        modifier: None,
    });
}
