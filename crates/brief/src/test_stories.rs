//! Helpers for the unit tests' small stories.

use parallax_model::{Annotated, Entity, EntityKind, Mention, Story, TimeExpression, TimeKind};

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
