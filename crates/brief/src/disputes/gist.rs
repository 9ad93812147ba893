//! Short names for what a sentence states, for slots named after one (agreed dates, assertion
//! disputes): the claim's verb and object led by its subject as the sentence writes it, cut to a
//! few words that end where a phrase can.

use parallax_model::Annotated;
use std::ops::Range;

/// A short name for what a sentence states: its claim's predicate and object, at most
/// [`GIST_WORDS`] words, or the sentence's first words when it has no claim or its claim no
/// object; a name cut short
/// ends on a word that can end a phrase, and with "…".
pub(super) fn gist(annotated: &Annotated, sentence: &Range<usize>) -> String {
    let text = &annotated.article.text;
    let claim = annotated.claims.iter().find(|claim| {
        sentence.start <= claim.predicate.start && claim.predicate.end <= sentence.end
    });
    // A verb alone ("“Already done,” she replied.") names nothing: the sentence's first words do.
    let owned;
    let words = match claim.filter(|claim| claim.object.is_some()) {
        Some(claim) => {
            let end = claim.object.as_ref().map_or(claim.predicate.end, |object| {
                object.end.max(claim.predicate.end)
            });
            let action = text.get(claim.predicate.start..end).unwrap_or_default();
            match existential_there(text, claim, sentence, end) {
                Some(there) => there,
                None => match subject_as_written(annotated, claim, sentence)
                    .or_else(|| opening_subject(text, claim, sentence))
                {
                    Some(subject) => {
                        owned = format!("{subject} {action}");
                        owned.as_str()
                    }
                    // A verb found words into its sentence with no subject the gist can name is
                    // often a clause's inside a longer one ("The House vote to reaffirm that … is
                    // the motto is …" gave "is the motto is"); the sentence's own opening, which
                    // holds whoever or whatever it is about, names it better, unless it points back
                    // to a sentence before ("It also follows …", "The move …").
                    None if words_before(text, claim, sentence)
                        >= MIN_WORDS_BEFORE_A_HEADLESS_VERB
                        && !crate::summary::opens_pointing_back(opening(text, sentence)) =>
                    {
                        opening(text, sentence)
                    }
                    None => action,
                },
            }
        }
        None => opening(text, sentence),
    };
    let words: Vec<&str> = words.split_whitespace().collect();
    let cut = words.len() > GIST_WORDS;
    let mut kept = &words[..words.len().min(GIST_WORDS)];
    // A cut phrase ends on a word that can end one: "… is a Christian when he" ends before
    // "when he".
    while cut && kept.len() > MIN_GIST_WORDS {
        let last = kept[kept.len() - 1]
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if !DANGLING_WORDS.contains(&last.as_str()) {
            break;
        }
        kept = &kept[..kept.len() - 1];
    }
    let gist = kept.join(" ");
    let gist = gist.trim_end_matches([',', '.', ';', ':']);
    if cut {
        // A quotation the cut leaves open is closed after the ellipsis.
        let open_curly = gist.matches('\u{201c}').count() > gist.matches('\u{201d}').count();
        let open_straight = gist.matches('"').count() % 2 == 1;
        let close = match (open_curly, open_straight) {
            (true, _) => "\u{201d}",
            (false, true) => "\"",
            (false, false) => "",
        };
        format!("{gist}\u{2026}{close}")
    } else {
        gist.to_string()
    }
}

/// The claim's action from an existential "there" right before its verb, which is its subject
/// and names what it asserts with it: "there is collusion", not "is collusion". `end` is where
/// the action ends.
fn existential_there<'a>(
    text: &'a str,
    claim: &parallax_model::Claim,
    sentence: &Range<usize>,
    end: usize,
) -> Option<&'a str> {
    let before = text.get(sentence.start..claim.predicate.start)?.trim_end();
    let word_start = before
        .char_indices()
        .rfind(|(_, c)| !c.is_alphabetic())
        .map_or(0, |(at, c)| at + c.len_utf8());
    before[word_start..]
        .eq_ignore_ascii_case("there")
        .then(|| text.get(sentence.start + word_start..end))
        .flatten()
}

/// The claim's subject as the sentence writes it right before the verb, when a name or a
/// description the annotator resolved is its subject: "Ruiz resigned", not "resigned". Up to
/// two words may stand between them ("Ruiz, though, told …"); they are left out.
fn subject_as_written<'a>(
    annotated: &'a Annotated,
    claim: &parallax_model::Claim,
    sentence: &Range<usize>,
) -> Option<&'a str> {
    let text = &annotated.article.text;
    let entity = annotated.entities.get(claim.subject?)?;
    let mention = entity
        .mentions
        .iter()
        .filter(|mention| {
            sentence.start <= mention.range.start && mention.range.end <= claim.predicate.start
        })
        .max_by_key(|mention| mention.range.end)?;
    let between = text.get(mention.range.end..claim.predicate.start)?;
    let words_between: Vec<String> = between
        .split_whitespace()
        .map(|word| {
            word.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|word| !word.is_empty())
        .collect();
    let adverbs_between = words_between.len() <= 2
        && words_between
            .iter()
            .all(|word| word.ends_with("ly") || SUBJECT_VERB_ADVERBS.contains(&word.as_str()));
    // "Ruiz's office said": a possessive is no subject.
    let possessive = between.starts_with(['\'', '\u{2019}']);
    let breaks = between.contains(['.', ';', ':', '\u{201c}', '\u{201d}', '"']);
    // A gerund's subject is seldom the name before it ("the inquiry into Velmar, becoming …"),
    // unless a form of "be" makes it a verb ("Ruiz is railing …"); and a plural verb after one
    // person's name tells a subject of two ("Ruiz and his wife Ana Ruiz were …").
    let verb = text
        .get(claim.predicate.clone())
        .and_then(|predicate| predicate.split_whitespace().next())
        .map(str::to_lowercase)
        .unwrap_or_default();
    let progressive = words_between
        .iter()
        .any(|word| matches!(word.as_str(), "is" | "was" | "are" | "were"));
    let gerund = verb.ends_with("ing") && !progressive;
    let plural_after_person = entity.kind == parallax_model::EntityKind::Person
        && std::iter::once(&verb)
            .chain(&words_between)
            .any(|word| matches!(word.as_str(), "were" | "are" | "have"));
    // "a farmer from Velmar never went …", "Ruiz and her husband Tomas Ruiz were …".
    let word_before = text
        .get(sentence.start..mention.range.start)
        .and_then(|before| before.split_whitespace().last())
        .map(str::to_lowercase);
    let inside_phrase = word_before.is_some_and(|word| LINKING_WORDS.contains(&word.as_str()));
    (adverbs_between && !breaks && !possessive && !gerund && !inside_phrase && !plural_after_person)
        .then(|| text.get(mention.range.clone()))
        .flatten()
}

/// The sentence without its dateline.
fn opening<'a>(text: &'a str, sentence: &Range<usize>) -> &'a str {
    let whole = text.get(sentence.clone()).unwrap_or_default();
    &whole[parallax_model::dateline_len(whole)..]
}

/// Words of the sentence (after its dateline) before the claim's verb.
fn words_before(text: &str, claim: &parallax_model::Claim, sentence: &Range<usize>) -> usize {
    let Some(before) = text.get(sentence.start..claim.predicate.start) else {
        return 0;
    };
    before[parallax_model::dateline_len(before)..]
        .split_whitespace()
        .count()
}

/// A verb with no subject the gist can name and at least this many words before it is named by
/// its sentence's opening instead ([`gist`]); fewer, and the verb nearly opens the sentence.
const MIN_WORDS_BEFORE_A_HEADLESS_VERB: usize = 3;

/// The words opening the sentence before the claim's verb, when they can only be its subject:
/// a short run (up to [`MAX_OPENING_SUBJECT_WORDS`]) with no comma or quotation mark, opened by
/// no preposition, conjunction or pronoun ("The new rules took effect Friday").
fn opening_subject<'a>(
    text: &'a str,
    claim: &parallax_model::Claim,
    sentence: &Range<usize>,
) -> Option<&'a str> {
    let whole = text.get(sentence.start..claim.predicate.start)?;
    let opening = whole[parallax_model::dateline_len(whole)..].trim();
    let words: Vec<&str> = opening.split_whitespace().collect();
    let first = words.first()?.to_lowercase();
    let opens_clause =
        LINKING_WORDS.contains(&first.as_str()) || NOT_SUBJECT_OPENERS.contains(&first.as_str());
    let plain = !opening.contains([',', ';', ':', '"', '\u{201c}', '\u{201d}', '(', '\u{2014}']);
    // "President X said Friday he is …": an attribution before the claim is no subject.
    let attributes = words
        .iter()
        .any(|word| ATTRIBUTION_VERBS.contains(&word.to_lowercase().as_str()));
    (words.len() <= MAX_OPENING_SUBJECT_WORDS && plain && !opens_clause && !attributes)
        .then_some(opening)
}

/// Prepositions and conjunctions: a name right after one is inside a phrase, not the subject's
/// head ("a farmer from Velmar"), and an opening that starts with one is no subject.
const LINKING_WORDS: &[&str] = &[
    "of", "from", "in", "at", "to", "for", "with", "by", "on", "into", "and", "or", "than",
    "about", "against",
];

/// Other first words of an opening that is no subject: prepositions and conjunctions that open
/// clauses, pronouns (which stand for someone the gist cannot name) and adverbs of time.
const NOT_SUBJECT_OPENERS: &[&str] = &[
    "as",
    "after",
    "before",
    "since",
    "until",
    "during",
    "but",
    "nor",
    "so",
    "yet",
    "when",
    "while",
    "because",
    "if",
    "whether",
    "though",
    "although",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "then",
    "also",
    "still",
    "last",
    "earlier",
    "later",
    "now",
    "meanwhile",
    "however",
];

/// Verbs of saying that make an opening an attribution, not a subject.
const ATTRIBUTION_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "announced",
    "added",
    "wrote",
    "reported",
    "stated",
    "argued",
    "claimed",
];

/// Words an opening subject ([`opening_subject`]) may have.
const MAX_OPENING_SUBJECT_WORDS: usize = 5;

/// Words that may stand between a subject and its verb: "Ruiz, though, told …", "Ruiz also
/// said …"; besides these, words in "-ly".
const SUBJECT_VERB_ADVERBS: &[&str] = &[
    "though", "however", "also", "then", "now", "still", "never", "later", "again", "already",
    "too", "once", "first", "last", "soon", "often", "even", "not", "has", "had", "have", "was",
    "is", "were", "are", "will", "would",
];

/// Words in a slot named after a sentence.
const GIST_WORDS: usize = 10;

/// Words a cut gist keeps at least.
const MIN_GIST_WORDS: usize = 3;

/// Words that cannot end a phrase cut short: articles, prepositions, conjunctions, subject
/// pronouns and auxiliaries.
const DANGLING_WORDS: &[&str] = &[
    "a", "an", "the", "to", "of", "in", "on", "at", "for", "with", "by", "from", "into", "about",
    "as", "than", "and", "or", "but", "nor", "when", "while", "because", "if", "whether", "that",
    "which", "who", "whose", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its",
    "their", "our", "my", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will",
    "would", "could", "should", "can", "may", "might", "must", "do", "does", "did", "not",
];

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::{Article, Origin};

    #[test]
    fn a_gist_cut_short_ends_on_a_word_that_ends_a_phrase() {
        let annotated = Annotated::new(Article::new(
            Origin::Stdin,
            "Ruiz said she was not closing the port when she spoke on Monday. The port \
             closed. Ruiz called it \u{201c}a lockout of the whole harbor staff on the day\u{201d}."
                .to_string(),
        ));
        let text = &annotated.article.text;
        let first = 0..text.find(" The port").expect("in the text");
        assert_eq!(
            gist(&annotated, &first),
            "Ruiz said she was not closing the port\u{2026}"
        );
        let second = text.find("The port").expect("in the text")
            ..text.find(" Ruiz called").expect("in the text");
        assert_eq!(gist(&annotated, &second), "The port closed");
        let third = text.find("Ruiz called").expect("in the text")..text.len();
        assert_eq!(
            gist(&annotated, &third),
            "Ruiz called it \u{201c}a lockout of the whole harbor staff\u{2026}\u{201d}"
        );
    }

    #[test]
    fn a_gist_of_a_verb_alone_or_of_no_claim_is_the_sentence_without_its_dateline() {
        let text =
            "VELMAR \u{2014} The council reopened the port. \u{201c}Done,\u{201d} Ruiz replied.";
        let mut annotated = Annotated::new(Article::new(Origin::Stdin, text.to_string()));
        let second_start = text.find('\u{201c}').expect("in the text");
        let replied = text.find("replied").expect("in the text");
        annotated.claims.push(parallax_model::Claim {
            sentence: 1,
            subject: None,
            predicate: replied..replied + "replied".len(),
            object: None,
            time: None,
            quantity: None,
            attribution: parallax_model::Attribution::Own,
            polarity: parallax_model::Polarity::Asserted,
        });
        assert_eq!(
            gist(&annotated, &(0..second_start - 1)),
            "The council reopened the port"
        );
        assert_eq!(
            gist(&annotated, &(second_start..text.len())),
            "\u{201c}Done,\u{201d} Ruiz replied"
        );
    }

    #[test]
    fn a_gist_names_the_subject_written_before_its_verb() {
        let text = "Ana Ruiz, though, reopened the port on Monday. A pilot from Velmar closed \
                    the gate. Ruiz's office praised the pilots.";
        let mut annotated = Annotated::new(Article::new(Origin::Stdin, text.to_string()));
        let at = |needle: &str| {
            let start = text.find(needle).expect("in the text");
            start..start + needle.len()
        };
        let person = |name: &str, mentions: &[&str], kind| parallax_model::Entity {
            kind,
            name: name.to_string(),
            mentions: mentions
                .iter()
                .map(|mention| parallax_model::Mention {
                    range: at(mention),
                    by_role: false,
                })
                .collect(),
            country: None,
            role: None,
        };
        annotated.entities = vec![
            person(
                "Ana Ruiz",
                &["Ana Ruiz", "Ruiz's"],
                parallax_model::EntityKind::Person,
            ),
            person("Velmar", &["Velmar"], parallax_model::EntityKind::Place),
        ];
        annotated.entities[0].mentions[1].range.end -= "'s".len();
        let claim = |sentence, subject, predicate: &str, object: &str| parallax_model::Claim {
            sentence,
            subject: Some(subject),
            predicate: at(predicate),
            object: Some(at(object)),
            time: None,
            quantity: None,
            attribution: parallax_model::Attribution::Own,
            polarity: parallax_model::Polarity::Asserted,
        };
        annotated.claims = vec![
            claim(0, 0, "reopened", "the port on Monday"),
            claim(1, 1, "closed", "the gate"),
            claim(2, 0, "praised", "the pilots"),
        ];
        let sentence =
            |first: &str, last: &str| text.find(first).expect("in the text")..at(last).end;
        assert_eq!(
            gist(&annotated, &sentence("Ana Ruiz", "Monday.")),
            "Ana Ruiz reopened the port on Monday"
        );
        // A name after a preposition, and a possessive, are not the subject: the short phrase
        // opening the sentence is.
        assert_eq!(
            gist(&annotated, &sentence("A pilot", "the gate.")),
            "A pilot from Velmar closed the gate"
        );
        assert_eq!(
            gist(&annotated, &sentence("Ruiz's office", "pilots.")),
            "Ruiz's office praised the pilots"
        );
    }

    #[test]
    fn a_gist_without_a_named_subject_takes_a_short_opening_subject() {
        let text = "The new pier rules took effect on Friday. On Friday, the rules took effect \
                    at noon. The mayor said Friday the rules took effect at noon.";
        let mut annotated = Annotated::new(Article::new(Origin::Stdin, text.to_string()));
        let mut claims = Vec::new();
        for (sentence, from) in [
            (0, 0),
            (1, text.find("On Friday").expect("in the text")),
            (2, text.find("The mayor").expect("in the text")),
        ] {
            let predicate = from + text[from..].find("took effect").expect("in the text");
            let object = predicate + "took effect ".len();
            let end = object + text[object..].find('.').expect("in the text");
            claims.push(parallax_model::Claim {
                sentence,
                subject: None,
                predicate: predicate..predicate + "took effect".len(),
                object: Some(object..end),
                time: None,
                quantity: None,
                attribution: parallax_model::Attribution::Own,
                polarity: parallax_model::Polarity::Asserted,
            });
        }
        annotated.claims = claims;
        let sentence_at = |start: &str, next: Option<&str>| {
            let from = text.find(start).expect("in the text");
            from..next.map_or(text.len(), |next| text.find(next).expect("in the text") - 1)
        };
        assert_eq!(
            gist(&annotated, &sentence_at("The new pier", Some("On Friday"))),
            "The new pier rules took effect on Friday"
        );
        // A fronted phrase or an attribution before the verb is no subject: words into the
        // sentence, the sentence's own opening names what the verb is about.
        assert_eq!(
            gist(&annotated, &sentence_at("On Friday", Some("The mayor"))),
            "On Friday, the rules took effect at noon"
        );
        assert_eq!(
            gist(&annotated, &sentence_at("The mayor", None)),
            "The mayor said Friday the rules took effect at noon"
        );
    }

    /// `text` as an article with one claim of no subject: `predicate` followed by `object`,
    /// each where it first occurs in `text`.
    fn with_claim(text: &str, predicate: &str, object: &str) -> Annotated {
        let mut annotated = Annotated::new(Article::new(Origin::Stdin, text.to_string()));
        let predicate_at = text.find(predicate).expect("the predicate in the text");
        let object_at = text.find(object).expect("the object in the text");
        annotated.claims = vec![parallax_model::Claim {
            sentence: 0,
            subject: None,
            predicate: predicate_at..predicate_at + predicate.len(),
            object: Some(object_at..object_at + object.len()),
            time: None,
            quantity: None,
            attribution: parallax_model::Attribution::Own,
            polarity: parallax_model::Polarity::Asserted,
        }];
        annotated
    }

    #[test]
    fn a_verb_nearly_opening_its_sentence_is_named_by_its_action() {
        let text = "Then, abruptly, took effect at noon.";
        let annotated = with_claim(text, "took effect", "at noon");
        assert_eq!(gist(&annotated, &(0..text.len())), "took effect at noon");
    }

    #[test]
    fn an_existential_there_opens_the_gist_of_its_verb() {
        let text = "\u{201c}Surely\u{2014}there is a leak,\u{201d} Ruiz told reporters.";
        let annotated = with_claim(text, "is", "a leak");
        let quoted = text.find("Surely").expect("in the text")..text.find(',').expect("a comma");
        assert_eq!(gist(&annotated, &quoted), "there is a leak");
    }
}
