//! Entities: the people, organisations, places and groups an article names, each with every
//! mention of it in the article.
//!
//! There is no statistical model here; the rules and the compiled-in gazetteer (countries,
//! capitals, demonyms, role titles, government-seat metonyms, organisations, given names; see
//! `data/README.md`) are what is available offline, and they explain themselves.
//!
//! The steps:
//!
//! 1. Tokens, and every gazetteer phrase on token boundaries (one Aho-Corasick pass).
//! 2. Names: runs of capitalized words, with particles ("van", "al-"), "of" and "for" after an
//!    organisation's head word ("Ministry of Defence"), possessives cut off ("Villmark's" →
//!    "Villmark"). Sentence-initial function words, months and weekdays never start a name.
//!    A run is cut at a role title or honorific: "Veskland Prime Minister Edda Villmark" is the
//!    place "Veskland" and the person "Edda Villmark", titled "prime minister" of Veskland.
//!    A title in the plural is each name's: "Presidents Ana Ruiz and Tomas Holt" are both
//!    titled "president". A country right before a given name and a surname is cut off: "the
//!    United States Dana Holt" (after a list of countries) is the place and the person.
//! 3. Grouping within the article: the same words; a country by its code ("U.S." and "United
//!    States"); a family name after a full name ("Doe" after "Jane Doe"); a first word after an
//!    organisation's full name ("Northrop" after "Northrop Grumman"); an acronym after its
//!    expansion ("… Federation (HWF)", or one matching the initials); an unknown one-word name
//!    that is another's with a demonym ending ("Estrelian" when the article names "Estrelia")
//!    is a mention of that place, as a known demonym is of its country.
//! 4. Kinds from all of an entity's mentions: the gazetteer, titles and honorifics (person),
//!    name suffixes ("… Ministry", "… Inc." organisation; "… River" place), acronyms
//!    (organisation), given names (person), "in X" (place), "X said" (person). A name seen only
//!    at sentence starts with no other evidence is dropped; any other unknown is an
//!    organisation.
//! 5. Role descriptions: "the Russian leader", "the Veskland prime minister", "the minister"
//!    become mentions ([`Mention::by_role`](parallax_model::Mention::by_role)) of the person
//!    most recently named with a matching title and, when the description names one, the same
//!    country. Metonyms ("the Kremlin", "the White House") are organisations with their country.
//!
//! Time is linear in the text: the automaton is one pass, runs are capped at ten words, and a
//! role description is compared with a bounded number of earlier people.

mod gazetteer;
mod grouping;
mod mentions;
mod tokens;

pub(crate) use gazetteer::{Gender, gender_of_given_name};

#[cfg(test)]
mod tests;

use parallax_model::{Article, Entity, Sentence};

/// Finds the entities of `article`, whose sentences are `sentences` (from
/// [`sentences`](crate::sentences)), sorted by first mention.
pub fn entities(article: &Article, sentences: &[Sentence]) -> Vec<Entity> {
    entities_in(&article.text, sentences)
}

/// Finds the entities of `text` split into `sentences`; the text need not be an article's.
pub fn entities_in(text: &str, sentences: &[Sentence]) -> Vec<Entity> {
    let tokens = tokens::tokenize(text, sentences);
    let ctx = mentions::context(text, tokens);
    let candidates = mentions::find(&ctx);
    grouping::group(&ctx, &candidates)
}
