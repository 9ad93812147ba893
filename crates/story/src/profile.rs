//! [`Profile`]: what story clustering needs to know of one article.

use chrono::NaiveDate;
use parallax_model::{Annotated, ArticleId, EntityKind};
use parallax_text::Terms;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One article as clustering sees it: raw counts only, so the weights (idf) can be computed
/// against whatever set of articles it is compared with, and a stored profile never goes
/// stale when the collection grows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// The article it describes.
    pub article: ArticleId,
    /// The article's publication date, when known.
    pub published: Option<NaiveDate>,
    /// Stemmed content terms of the title and text (stopwords left out), with how often each
    /// occurs.
    pub terms: BTreeMap<String, u32>,
    /// Named entities by key, with how many times the article names them (mentions by role
    /// such as "the minister" are not counted). A person's key is the last word of the name,
    /// so "Jane Doe" and "Doe" in another article meet; other entities are keyed by their
    /// whole lowercased name.
    pub entities: BTreeMap<String, u32>,
}

/// The profile of `annotated`, from its title, text, entities and publication date.
pub fn profile(annotated: &Annotated) -> Profile {
    let article = &annotated.article;
    let extractor = Terms::new(article.language.as_deref());
    let mut terms: BTreeMap<String, u32> = BTreeMap::new();
    let title = article.title.as_deref().unwrap_or_default();
    for term in extractor.each(title).chain(extractor.each(&article.text)) {
        *terms.entry(term).or_default() += 1;
    }
    let mut entities: BTreeMap<String, u32> = BTreeMap::new();
    for entity in &annotated.entities {
        let n_named = entity
            .mentions
            .iter()
            .filter(|mention| !mention.by_role)
            .count();
        let Some(key) = entity_key(&entity.name, entity.kind) else {
            continue;
        };
        if n_named > 0 {
            // Counts are far below u32::MAX in any article; saturate rather than panic.
            *entities.entry(key).or_default() += u32::try_from(n_named).unwrap_or(u32::MAX);
        }
    }
    Profile {
        article: article.id.clone(),
        published: article.published,
        terms,
        entities,
    }
}

/// The key an entity is matched by across articles, `None` for a name with no letters.
fn entity_key(name: &str, kind: EntityKind) -> Option<String> {
    let lower = name.trim().to_lowercase();
    let key = match kind {
        EntityKind::Person => lower.split_whitespace().last()?.to_string(),
        EntityKind::Organization | EntityKind::Place | EntityKind::Group => lower,
    };
    key.chars().any(char::is_alphabetic).then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::{Article, Entity, Mention, Origin};

    fn check(title: Option<&str>, text: &str, entities: Vec<Entity>, expected: &[(&str, u32)]) {
        let mut article = Article::new(Origin::Stdin, text.to_string());
        article.title = title.map(str::to_string);
        let mut annotated = Annotated::new(article);
        annotated.entities = entities;
        let profile = profile(&annotated);
        let mut actual: Vec<(String, u32)> = profile
            .terms
            .iter()
            .map(|(term, count)| (term.clone(), *count))
            .collect();
        actual.extend(
            profile
                .entities
                .iter()
                .map(|(key, count)| (format!("@{key}"), *count)),
        );
        let expected: Vec<(String, u32)> = expected
            .iter()
            .map(|(term, count)| (term.to_string(), *count))
            .collect();
        assert_eq!(actual, expected);
    }

    fn entity(kind: EntityKind, name: &str, by_role: &[bool]) -> Entity {
        Entity {
            kind,
            name: name.to_string(),
            mentions: by_role
                .iter()
                .map(|&by_role| Mention {
                    range: 0..1,
                    by_role,
                })
                .collect(),
            country: None,
            role: None,
        }
    }

    #[test]
    fn counts_title_and_text_terms() {
        check(
            Some("Dockers strike"),
            "The dockers struck again.",
            Vec::new(),
            &[("docker", 2), ("strike", 1), ("struck", 1)],
        );
    }

    #[test]
    fn persons_keyed_by_surname_and_role_mentions_skipped() {
        check(
            None,
            "Mayor",
            vec![
                entity(EntityKind::Person, "Vera Halloway", &[false, true, false]),
                entity(EntityKind::Organization, "Port Authority", &[true]),
                entity(EntityKind::Place, "Eastmoor", &[false]),
            ],
            &[("mayor", 1), ("@eastmoor", 1), ("@halloway", 2)],
        );
    }
}
