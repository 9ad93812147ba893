//! Speakers: the noun phrase next to a cue, whether it names someone, describes a role or is a
//! pronoun, whether it is anonymous, and which earlier name a pronoun stands for.
//!
//! There is no parser underneath: a speaker is the run of name-like words that ends at the cue
//! (or starts after it, in "said Ortiz"), stopped by punctuation, conjunctions and verbs. That is
//! right for the short subjects news attributions use, and costs a few tokens per cue.

use super::tokens::{Doc, Token};
use super::{cues, indirect};
use std::collections::HashMap;
use std::hash::Hash;
use std::ops::Range;

/// What kind of phrase a speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A name: "Ana Ruiz", "Gen. Ortiz", "the Kremlin".
    Name,
    /// A description without a name: "the minister", "officials".
    Role,
    /// A personal pronoun that needs an antecedent: "he", "she", "they", "it".
    Pronoun,
}

/// A speaker phrase in the text.
#[derive(Debug, Clone)]
pub(crate) struct Speaker {
    /// Index of its first token.
    pub(crate) first: usize,
    /// Index of its last token.
    pub(crate) last: usize,
    /// What it is.
    pub(crate) kind: Kind,
    /// Whether it names no one on purpose ("a senior official", "sources").
    pub(crate) anonymous: bool,
    /// For a relative pronoun ("Ana Ruiz, who said …"), the phrase it refers to.
    pub(crate) antecedent: Option<Box<Speaker>>,
}

impl Speaker {
    /// Its byte range.
    pub(crate) fn range(&self, doc: &Doc) -> Range<usize> {
        doc.span(self.first, self.last)
    }
}

/// Words that can open a noun phrase besides quantifiers ([`parallax_model::is_quantifier`]):
/// determiners, possessives and a few words of rank that open anonymous subjects ("senior
/// officials", "unnamed sources"); see [`is_determiner`].
const DETERMINERS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "these",
    "those",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "any",
    "no",
    "senior",
    "top",
    "unnamed",
    "anonymous",
];

/// Whether `word` (in lowercase) can open a noun phrase: "the", "his", "several", "two", "senior".
pub(crate) fn is_determiner(word: &str) -> bool {
    DETERMINERS.contains(&word) || parallax_model::is_quantifier(word)
}

/// Personal pronouns that can be speakers, and how they resolve.
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];

/// Finite auxiliaries and modals, which show that a clause has begun.
pub(crate) const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "will", "would", "could", "can", "should", "may", "might", "must",
    "has", "have", "had", "isn't", "aren't", "wasn't", "weren't", "won't", "wouldn't", "can't",
    "couldn't", "hasn't", "haven't", "hadn't", "didn't", "doesn't", "don't",
];

/// Auxiliaries that make the base form of a verb after them finite.
pub(crate) const FINITE_AUXILIARIES: &[&str] = &[
    "did", "does", "do", "would", "will", "could", "can", "should", "may", "might", "must",
];

/// Whether `word` is a finite auxiliary or modal ("is", "has", "would", "did", "won't").
pub(crate) fn is_finite_auxiliary(word: &str) -> bool {
    AUXILIARIES.contains(&word) || FINITE_AUXILIARIES.contains(&word)
}

/// Pronouns as objects, which end a phrase such as "a source close to him".
const OBJECT_PRONOUNS: &[&str] = &["him", "her", "them", "us", "me", "it"];

/// Relative pronouns that stand for the phrase before them.
const RELATIVES: &[&str] = &["who", "which"];

/// Lowercase words that end a speaker phrase: conjunctions, auxiliaries, adverbs and
/// prepositions that do not occur inside short subjects.
const STOP_WORDS: &[&str] = &[
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "and",
    "or",
    "but",
    "nor",
    "because",
    "while",
    "when",
    "whenever",
    "if",
    "unless",
    "as",
    "after",
    "before",
    "since",
    "though",
    "although",
    "so",
    "than",
    "where",
    "whether",
    "then",
    "once",
    "until",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "being",
    "am",
    "has",
    "have",
    "had",
    "having",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
    "not",
    "never",
    "to",
    "also",
    "however",
    "meanwhile",
    "still",
    "already",
    "now",
    "later",
    "earlier",
    "today",
    "yesterday",
    "recently",
    "previously",
    "repeatedly",
    "again",
    "even",
    "just",
    "only",
    "too",
    "into",
    "onto",
    "about",
    "over",
    "under",
    "during",
    "through",
    "against",
    "between",
    "without",
    "within",
    "across",
    "toward",
    "towards",
    "upon",
    "by",
    "like",
    "there",
    "here",
    "him",
    "them",
    "me",
    "us",
    "what",
    "how",
    "why",
    "instead",
    "indeed",
    "thus",
    "yet",
    "on",
    "says",
    "said",
    "told",
    "reportedly",
    "allegedly",
    "n't",
    "not",
    "ever",
    "quite",
    "rather",
    "hardly",
    "barely",
    "always",
    "often",
    "sometimes",
    "first",
    "last",
    "finally",
    "in",
    "up",
    "out",
    "off",
    "down",
    "back",
    "it's",
    "he's",
    "she's",
    "they're",
    "we're",
    "i'm",
    "there's",
    "let",
    "let's",
    "with",
    "from",
];

/// Prepositions allowed inside a speaker phrase ("a spokesperson for the ministry", "officials
/// at the embassy", "a source familiar with the talks", "the head of the party").
const INNER_PREPOSITIONS: &[&str] = &["of", "for", "at", "with", "from", "in"];

/// Words ending in "-ed" that are adjectives in subjects, or participles after them ("those
/// surveyed", "pilots involved in the strike"), not verbs.
const ED_ADJECTIVES: &[&str] = &[
    "unnamed",
    "retired",
    "unidentified",
    "elected",
    "armed",
    "united",
    "concerned",
    "alleged",
    "indicted",
    "related",
    "based",
    "detained",
    "accused",
    "embattled",
    "disgraced",
    "embedded",
    "advanced",
    "experienced",
    "appointed",
    "self-described",
    "so-called",
    "unelected",
    "renowned",
    "celebrated",
    "respected",
    "acclaimed",
    "surveyed",
    "polled",
    "briefed",
    "interviewed",
    "sampled",
    "involved",
    "affiliated",
    "associated",
    "aligned",
    "allied",
];

/// Words that open a description of someone not named ("a", "one", "two", "several").
const INDEFINITE_OPENINGS: &[&str] = &[
    "a", "an", "one", "two", "three", "four", "five", "several", "some",
];

/// Head nouns that name no one: a speaker built on them is anonymous unless a name follows.
pub(crate) const ANONYMOUS_HEADS: &[&str] = &[
    "official",
    "officials",
    "source",
    "sources",
    "person",
    "people",
    "aide",
    "aides",
    "diplomat",
    "diplomats",
    "insider",
    "insiders",
    "someone",
    "somebody",
    "staffer",
    "staffers",
    "witness",
    "witnesses",
    "observer",
    "observers",
    "resident",
    "residents",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "critics",
    "member",
    "members",
    "officer",
    "officers",
    "employee",
    "employees",
    "worker",
    "workers",
    "staff",
    "representative",
    "representatives",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "operative",
    "operatives",
    "strategist",
    "strategists",
    "negotiator",
    "negotiators",
    "mediator",
    "mediators",
    "lawmakers",
    "lawmaker",
    "others",
    "some",
    "many",
    "reports",
];

/// Phrases that make a speaker anonymous wherever they occur in it.
const ANONYMOUS_MARKERS: &[&str] = &[
    "anonymity",
    "anonymously",
    "anonymous",
    "unnamed",
    "unidentified",
    "familiar",
    "briefed",
    "knowledgeable",
    "close",
    "closer",
    "named",
    "authorized",
    "authorised",
];

/// Plural or collective heads that can open a speaker without a determiner ("officials said").
const BARE_PLURALS: &[&str] = &[
    "officials",
    "sources",
    "aides",
    "analysts",
    "experts",
    "critics",
    "supporters",
    "opponents",
    "diplomats",
    "lawmakers",
    "economists",
    "investigators",
    "prosecutors",
    "police",
    "authorities",
    "witnesses",
    "residents",
    "voters",
    "observers",
    "insiders",
    "advisers",
    "advisors",
    "people",
    "scientists",
    "researchers",
    "polls",
    "reports",
    "studies",
    "surveys",
    "documents",
    "records",
    "data",
    "figures",
    "organizers",
    "organisers",
    "activists",
    "protesters",
    "doctors",
    "officers",
    "leaders",
    "members",
    "spokesmen",
    "spokeswomen",
    "staffers",
    "allies",
    "republicans",
    "democrats",
    "conservatives",
    "liberals",
    "polling",
    "others",
    "some",
    "many",
    "both",
    "most",
    "few",
];

/// Words in names of organizations, so "it" and "they" can find them and "he" skips them.
const ORGANIZATION_WORDS: &[&str] = &[
    "ministry",
    "department",
    "office",
    "house",
    "kremlin",
    "pentagon",
    "government",
    "administration",
    "campaign",
    "committee",
    "party",
    "council",
    "commission",
    "agency",
    "court",
    "company",
    "corporation",
    "group",
    "bank",
    "association",
    "union",
    "institute",
    "university",
    "foundation",
    "organization",
    "organisation",
    "times",
    "post",
    "journal",
    "news",
    "network",
    "newspaper",
    "daily",
    "magazine",
    "paper",
    "report",
    "poll",
    "survey",
    "study",
    "statement",
    "service",
    "board",
    "fund",
    "bureau",
    "police",
    "army",
    "military",
    "embassy",
    "parliament",
    "congress",
    "senate",
    "inc.",
    "corp.",
    "ltd",
    "press",
    "tv",
    "radio",
    "channel",
    "team",
    "club",
    "coalition",
    "alliance",
    "federation",
    "movement",
    "cabinet",
    "center",
    "centre",
    "council",
    "authority",
    "authorities",
    "firm",
    "editorial",
    "website",
    "site",
    "blog",
    "outlet",
    "federal",
    "state",
    "city",
    "county",
    "nation",
    "country",
    "watchdog",
    "regulator",
    "tribunal",
    "prosecutor's",
    "review",
    "data",
    "document",
    "memo",
    "letter",
    "filing",
    "filings",
    "analysis",
    "index",
];

/// Titles that open a name: "President Ortiz", "Gen. Ruiz".
const TITLES: &[&str] = &[
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "gen.",
    "sen.",
    "rep.",
    "gov.",
    "lt.",
    "col.",
    "sgt.",
    "capt.",
    "prof.",
    "president",
    "minister",
    "secretary",
    "senator",
    "governor",
    "mayor",
    "general",
    "chancellor",
    "premier",
    "king",
    "queen",
    "prince",
    "princess",
    "judge",
    "justice",
    "ambassador",
    "commissioner",
    "chairman",
    "chairwoman",
    "chair",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "director",
    "chief",
    "sheriff",
    "pope",
    "rabbi",
    "imam",
    "father",
    "sister",
    "professor",
    "representative",
    "congressman",
    "congresswoman",
];

/// Whether `word` is an acronym ("NATO", "U.N.", "AT&T"): capitals, periods and ampersands with
/// at least two letters, so a middle initial ("Byron L. Dorgan") is none.
fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '&')
}

/// Offices written capitalized before a name that a body's name may hold too ("House Majority
/// Whip Ana Ruiz", "House Speaker Ana Ruiz").
const CAPITALIZED_OFFICES: &[&str] = &[
    "whip",
    "speaker",
    "adviser",
    "advisor",
    "attorney",
    "counsel",
    "treasurer",
    "clerk",
];

/// Role nouns that may stand before a person's name besides [`TITLES`] ("union leader Anna
/// Holm"): the name after them is a person's.
const NAME_ROLES: &[&str] = &[
    "leader",
    "head",
    "boss",
    "official",
    "negotiator",
    "analyst",
];

/// Whether `word` is one of the conjunctions, relative pronouns and auxiliaries that never
/// stand in a speaker phrase ([`STOP_WORDS`]).
pub(crate) fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(&word)
}

/// Whether `token` may be part of a speaker phrase.
pub(crate) fn fits(token: &Token<'_>) -> bool {
    if !token.is_word() {
        return false;
    }
    if token.capitalized {
        return true;
    }
    let word = token.lower.as_ref();
    if STOP_WORDS.contains(&word) && !INNER_PREPOSITIONS.contains(&word) {
        return false;
    }
    // A negated auxiliary starts a clause: "those arguments didn't sway lawmakers, who say".
    if word.ends_with("n't") {
        return false;
    }
    // A gerund inside a phrase is a noun ("a source familiar with her thinking").
    if cues::reporting_verb(word).is_some_and(|entry| {
        entry.form != cues::Form::Gerund && !entry.needs_particle() && !BARE_PLURALS.contains(&word)
    }) {
        return false;
    }
    if word.ends_with("ed") && !ED_ADJECTIVES.contains(&word) {
        return false;
    }
    // Nor does an irregular past: "The evening began | with chants" has no speaker.
    !IRREGULAR_PASTS.contains(&word)
}

/// Documents that speak, whose nouns are also verbs of saying ("the report says", "a study
/// estimates").
const DOCUMENT_NOUNS: &[&str] = &[
    "report",
    "reports",
    "note",
    "notes",
    "memo",
    "study",
    "survey",
    "poll",
    "review",
    "release",
    "filing",
    "ruling",
    "order",
    "estimate",
    "estimates",
    "complaint",
    "statement",
];

/// Irregular simple pasts that are no noun or adjective, so never inside a speaker phrase.
const IRREGULAR_PASTS: &[&str] = &[
    "began", "became", "brought", "bought", "came", "caught", "chose", "drove", "fell", "fought",
    "gave", "grew", "held", "kept", "knew", "made", "meant", "met", "paid", "ran", "rose", "sent",
    "sought", "spent", "spoke", "stood", "taught", "thought", "took", "went", "wrote",
];

/// Whether token `idx` is a preposition that goes on a speaker phrase, as "familiar with" does:
/// "to" after "close" ("a source close to the campaign", "people close to Ruiz") or after a noun
/// of serving someone ("an aide to the committee", "a senior adviser to the mayor"); "on" or
/// "about" after "briefed" or "knowledgeable" ("a person briefed on the talks").
fn links_phrase(doc: &Doc, idx: usize) -> bool {
    if idx == 0 {
        return false;
    }
    match doc.lower(idx) {
        "to" => matches!(
            doc.lower(idx - 1),
            "close"
                | "closer"
                | "aide"
                | "aides"
                | "adviser"
                | "advisers"
                | "advisor"
                | "advisors"
                | "assistant"
                | "counsel"
                | "spokesman"
                | "spokeswoman"
                | "spokesperson"
                | "envoy"
                | "successor"
        ),
        "on" | "about" => matches!(doc.lower(idx - 1), "briefed" | "knowledgeable"),
        _ => false,
    }
}

/// Whether `token` can open a speaker phrase.
fn opens(token: &Token<'_>) -> bool {
    token.is_word()
        && (token.capitalized
            || is_determiner(&token.lower)
            || BARE_PLURALS.contains(&token.lower.as_ref())
            // A plural, not a singular in -s ("status", "census", "crisis", "analysis").
            || (token.lower.len() > 3
                && token.lower.ends_with('s')
                && !token.lower.ends_with("ss")
                && !token.lower.ends_with("us")
                && !token.lower.ends_with("is"))
            || token.lower.chars().next().is_some_and(char::is_numeric))
}

/// Whether `token` can end a speaker phrase: not a determiner, preposition or possessive.
fn closes(token: &Token<'_>) -> bool {
    let word = token.lower.as_ref();
    token.is_word()
        && !INNER_PREPOSITIONS.contains(&word)
        && !matches!(
            word,
            "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "its"
                | "their"
                | "our"
                | "my"
                | "no"
                | "any"
                | "every"
                | "each"
        )
        && !word.ends_with("'s")
        && !word.ends_with('\'')
}

/// Adverbs that open a sentence in the place of a subject ("Now consider …", "Then came …"):
/// a loose subject of nothing but these is no subject.
pub(crate) const SENTENCE_ADVERBS: &[&str] = &[
    "now",
    "then",
    "here",
    "there",
    "still",
    "yet",
    "also",
    "just",
    "only",
    "even",
    "instead",
    "meanwhile",
    "again",
    "finally",
    "first",
    "today",
    "perhaps",
    "maybe",
    "indeed",
    "thus",
];

/// The pronoun of a pronoun contracted with an auxiliary ("he's", "they'll", "she'd"), which
/// stands as the subject of the verb after it ("he's hoping", "she's said").
pub(crate) fn contracted_pronoun(word: &str) -> Option<&str> {
    let (pronoun, auxiliary) = word.split_once('\'')?;
    (PRONOUNS.contains(&pronoun) && matches!(auxiliary, "s" | "re" | "ll" | "d" | "ve" | "m"))
        .then_some(pronoun)
}

/// Adverbs set off by commas between a subject and its verb: "Ruiz, however, said …".
const PARENTHETICAL_ADVERBS: &[&str] = &[
    "however",
    "meanwhile",
    "though",
    "too",
    "instead",
    "nevertheless",
    "nonetheless",
    "moreover",
    "therefore",
    "likewise",
    "similarly",
    "meantime",
];

/// The speaker phrase that ends at token `last`, not reaching before token `floor`. Handles a
/// pronoun ("he said"), a relative pronoun with its antecedent ("Ruiz, who said"), an appositive
/// or relative clause between commas ("Ana Ruiz, the mayor, said") and a plain phrase.
pub(crate) fn before(doc: &Doc, last: usize, floor: usize) -> Option<Speaker> {
    let token = doc.tokens.get(last)?;
    if last < floor {
        return None;
    }
    let word = token.lower.as_ref();
    if PRONOUNS.contains(&word) || contracted_pronoun(word).is_some() {
        return Some(pronoun(last));
    }
    // A negated auxiliary between the speaker and the cue is neither's: "Ana Ruiz isn't |
    // rattled about …".
    if word.ends_with("n't") && last > floor {
        return before(doc, last - 1, floor);
    }
    // So is an adverbial of time: "Congress so far has approved …".
    if word == "far" && last > floor + 1 && matches!(doc.lower(last - 1), "so" | "thus") {
        return before(doc, last - 2, floor);
    }
    let opens_sentence = last == floor || !doc.token(last - 1).is_word();
    if opens_sentence && SENTENCE_ADVERBS.contains(&word) {
        return None;
    }
    if RELATIVES.contains(&word) {
        let mut end = last.checked_sub(1)?;
        let after_comma = doc.token(end).is_punct(',');
        if after_comma {
            end = end.checked_sub(1)?;
        }
        let nearest = phrase_before(doc, end, floor)?;
        // A relative clause is about the noun right before it: "aides to House conservatives
        // who oppose the plan" is the conservatives' opposing.
        let nearest = match (nearest.first..nearest.last).rfind(|&idx| links_phrase(doc, idx)) {
            Some(to) if nearest.kind != Kind::Pronoun => described(doc, to + 1, nearest.last),
            _ => nearest,
        };
        let nearest = match people_inside(doc, &nearest) {
            Some(object_first) if word == "who" => described(doc, object_first, nearest.last),
            _ => nearest,
        };
        // A tag or a description between commas after a name is no antecedent: the name is
        // ("Ana Ruiz, D-Lyon, who …", "Ana Ruiz, a former mayor, who …").
        let set_off = after_comma
            && (is_tag(doc, end) || nearest.kind != Kind::Name)
            && nearest.first > floor
            && doc.token(nearest.first - 1).is_punct(',');
        let name_before = set_off
            .then(|| phrase_before(doc, nearest.first.checked_sub(2)?, floor))
            .flatten()
            .filter(|name| name.kind == Kind::Name)
            .map(|name| Speaker {
                last: head(doc, name.first, name.last),
                ..name
            });
        let antecedent = name_before.unwrap_or(nearest);
        return Some(Speaker {
            first: last,
            last,
            kind: Kind::Pronoun,
            anonymous: antecedent.anonymous,
            antecedent: Some(Box::new(antecedent)),
        });
    }
    if token.is_punct(',') {
        return appositive_before(doc, last, floor);
    }
    match phrase_before(doc, last, floor) {
        // A time is no speaker ("but at the same time acknowledged …").
        Some(phrase) if phrase.kind != Kind::Pronoun && is_time_after_at_or_on(doc, &phrase) => {
            relative_clause_before(doc, last, floor)
        }
        // The object of a preposition is no subject: "Senators who pushed the bill through the
        // Legislature are now calling for …" is the senators'.
        Some(phrase) if phrase.kind != Kind::Pronoun && follows_preposition(doc, phrase.first) => {
            widened_place(doc, &phrase, floor)
                .or_else(|| people_placed(doc, &phrase, floor))
                .or_else(|| relative_clause_before(doc, last, floor))
                .or(Some(phrase))
        }
        Some(phrase) => Some(joined_names(doc, &phrase, floor).unwrap_or(phrase)),
        None => relative_clause_before(doc, last, floor),
    }
}

/// "Ana Ruiz and Tomas Berg said …", "Velmar and Ostrava agreed …": a name joined by "and" to a
/// name before it speaks with it; the joined phrase is the speaker. Only names: "the mayor and
/// her deputy" may be one phrase the rules already read, and a name after a phrase of people
/// ("officials and Ruiz") is rarer than one speaker standing for two.
fn joined_names(doc: &Doc, phrase: &Speaker, floor: usize) -> Option<Speaker> {
    if phrase.kind != Kind::Name {
        return None;
    }
    let conjunction = phrase.first.checked_sub(1).filter(|&at| at > floor)?;
    if doc.lower(conjunction) != "and" {
        return None;
    }
    let earlier = phrase_before(doc, conjunction - 1, floor)?;
    let joins = earlier.kind == Kind::Name
        && doc.token(earlier.last).capitalized
        && !follows_preposition(doc, earlier.first)
        && !(earlier.first > floor && doc.token(earlier.first - 1).is_punct(','));
    joins.then_some(Speaker {
        first: earlier.first,
        last: phrase.last,
        kind: Kind::Name,
        anonymous: false,
        antecedent: None,
    })
}

/// Where the people inside `phrase` begin when its head names none: "the votes of the
/// half-dozen senators", "the point of contention for lawmakers" end in people after their last
/// preposition, so a "who" after them is about those people. A count or share ("two of the
/// officials", "some of the members") keeps its head.
fn people_inside(doc: &Doc, phrase: &Speaker) -> Option<usize> {
    if phrase.kind != Kind::Role {
        return None;
    }
    let preposition = (phrase.first + 1..phrase.last)
        .rev()
        .find(|&idx| matches!(doc.lower(idx), "of" | "for" | "among" | "with"))?;
    let head = doc.token(preposition - 1);
    let object = doc.token(phrase.last);
    let head_is_people = is_person_noun(head.stem())
        || head.capitalized
        || is_determiner(&head.lower)
        || head.lower.starts_with(|c: char| c.is_ascii_digit())
        || crate::quantities::is_number_word(&head.lower)
        || matches!(
            head.lower.as_ref(),
            "one" | "none" | "half" | "percent" | "number"
        );
    let singular = object.stem().strip_suffix('s').unwrap_or(object.stem());
    let object_is_people =
        is_person_noun(object.stem()) || is_person_noun(singular) || object.capitalized;
    (!head_is_people && object_is_people).then_some(preposition + 1)
}

/// "Harbour pilots in Velmar and around the country": a second place joined by "and" or "or"
/// to the place of a phrase widens that phrase, which is the speaker; `phrase` is the second
/// place's object ("the country").
fn widened_place(doc: &Doc, phrase: &Speaker, floor: usize) -> Option<Speaker> {
    let conjunction = phrase.first.checked_sub(2).filter(|&at| at > floor)?;
    if !matches!(doc.lower(conjunction), "and" | "or") {
        return None;
    }
    let earlier = phrase_before(doc, conjunction - 1, floor)?;
    let placed = (earlier.first + 1..=earlier.last).any(|idx| is_preposition(doc.lower(idx)));
    let widens =
        earlier.kind != Kind::Pronoun && placed && !follows_preposition(doc, earlier.first);
    widens.then_some(Speaker {
        last: phrase.last,
        ..earlier
    })
}

/// "Several lawmakers on Harbour Hill", "Ruiz on Monday": the speaker is the phrase before a
/// preposition the phrase rule does not take in ("on", "across", "around", …), not its object
/// (`phrase`): people with their place, and anyone before a day ("on Monday night").
fn people_placed(doc: &Doc, phrase: &Speaker, floor: usize) -> Option<Speaker> {
    let preposition = phrase.first.checked_sub(1).filter(|&at| at > floor)?;
    if !matches!(
        doc.lower(preposition),
        "on" | "across" | "around" | "near" | "inside" | "outside" | "throughout"
    ) {
        return None;
    }
    let people = phrase_before(doc, preposition - 1, floor)?;
    if people.kind == Kind::Pronoun || follows_preposition(doc, people.first) {
        return None;
    }
    let is_day = (phrase.first..=phrase.last).all(|idx| {
        let word = doc.lower(idx);
        indirect::is_time_word(word) || indirect::DAY_PARTS.contains(&word)
    });
    if is_day {
        return Some(people);
    }
    let head_token = doc.token(head(doc, people.first, people.last));
    let singular = head_token
        .stem()
        .strip_suffix('s')
        .unwrap_or(head_token.stem());
    (is_person_noun(head_token.stem()) || is_person_noun(singular)).then_some(Speaker {
        last: phrase.last,
        ..people
    })
}

/// Whether `phrase` is a time after "at" or "on", or opening with them: "at the same time", "on
/// a few occasions", "at one point".
fn is_time_after_at_or_on(doc: &Doc, phrase: &Speaker) -> bool {
    let head_token = doc.token(head(doc, phrase.first, phrase.last));
    let at_or_on = |idx: usize| matches!(doc.lower(idx), "at" | "on");
    !head_token.capitalized
        && TIME_NOUNS.contains(&head_token.stem())
        && (at_or_on(phrase.first) || (phrase.first > 0 && at_or_on(phrase.first - 1)))
}

/// Nouns of a time or an occasion, which a phrase after "at" or "on" may end in ("at the same
/// time", "on a few occasions", "at one point").
const TIME_NOUNS: &[&str] = &[
    "time",
    "times",
    "moment",
    "point",
    "occasion",
    "occasions",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "stage",
];

/// Prepositions whose object a phrase ending before a cue can be, inside a relative clause
/// about the subject.
const OBJECT_PREPOSITIONS: &[&str] = &[
    "through", "by", "to", "into", "against", "about", "over", "under", "between", "among",
    "toward", "towards", "across", "behind", "via", "upon", "onto", "of", "for", "at", "with",
    "from", "in", "on", "amid", "amidst", "despite", "without", "within", "beyond", "near",
    "around",
];

/// Whether the word after token `last` is a gerund ("saying", "insisting").
fn before_gerund(doc: &Doc, last: usize) -> bool {
    doc.tokens.get(last + 1).is_some_and(|token| {
        let word = token.lower.as_ref();
        word.len() > 4 && word.ends_with("ing")
    })
}

/// Prepositions that take a noun phrase but no clause: a phrase they open at the start of a
/// sentence is fronted, never its subject.
const FRONTED_ONLY: &[&str] = &[
    "despite",
    "amid",
    "amidst",
    "among",
    "amongst",
    "throughout",
];

/// Whether `word` is a preposition that can govern a noun phrase.
pub(crate) fn is_preposition(word: &str) -> bool {
    OBJECT_PREPOSITIONS.contains(&word)
}

/// Whether the token at `idx` is a party tag ("D-Lyon", "R-N.Y."), an age ("59") or an
/// abbreviated state or province ("Neb.", "Ont."), which follow a name between commas.
fn is_tag(doc: &Doc, idx: usize) -> bool {
    let text = &doc.text[doc.token(idx).range.clone()];
    let party = parallax_model::is_party_tag(text);
    let abbreviation = text.len() <= 6
        && text.ends_with('.')
        && text.starts_with(|c: char| c.is_ascii_uppercase());
    party || abbreviation || (!text.is_empty() && text.bytes().all(|byte| byte.is_ascii_digit()))
}

/// Nouns of time whose phrase, after a fronted time, describes it ("On Friday, the day …").
const FRONTED_TIME_NOUNS: &[&str] = &[
    "day",
    "week",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    "weekend",
];

/// Prepositions of time that open a fronted phrase before a sentence's subject.
const FRONTED_SUBORDINATORS: &[&str] = &[
    "after",
    "before",
    "during",
    "since",
    "despite",
    "following",
    "until",
];

/// Whether the token before `first` is a lowercase preposition (one written in capitals opens
/// the sentence: "In Lyon officials said").
fn follows_preposition(doc: &Doc, first: usize) -> bool {
    first
        .checked_sub(1)
        .map(|idx| doc.token(idx))
        .is_some_and(|token| {
            token.is_word()
                && !token.capitalized
                && OBJECT_PREPOSITIONS.contains(&token.lower.as_ref())
        })
}

/// "Diplomats who asked not to be named" ending at `last`: a phrase followed by a short relative
/// clause without commas.
fn relative_clause_before(doc: &Doc, last: usize, floor: usize) -> Option<Speaker> {
    let limit = last.saturating_sub(10).max(floor + 1);
    let who = (limit..last)
        .rev()
        .take_while(|&idx| doc.token(idx).is_word())
        .find(|&idx| matches!(doc.lower(idx), "who" | "whose"))?;
    let head = phrase_before(doc, who - 1, floor)?;
    if head.kind == Kind::Pronoun {
        return None;
    }
    let anonymous = head.anonymous || (who..=last).any(|idx| is_anonymous_marker(doc, idx));
    Some(Speaker {
        first: head.first,
        last,
        kind: head.kind,
        anonymous,
        antecedent: None,
    })
}

/// Words that can open an appositive or a parenthetical phrase between commas: "Ruiz, the
/// mayor,", "Ruiz, who leads the council,", "Ruiz, 59, of Lyon,", "Ruiz, at a rally,".
const APPOSITIVE_OPENERS: &[&str] = &[
    "who", "which", "whose", "the", "a", "an", "his", "her", "its", "their", "one", "of", "at",
    "in", "on", "during", "speaking", "writing", "himself", "herself", "also", "now", "then",
    "once", "former", "newly",
];

/// "Ana Ruiz, the mayor," or "Ana Ruiz, 59, of Lyon," ending at the comma `comma`: walks back
/// over up to four phrases between commas, each opening like an appositive, to the name that
/// starts the chain.
fn appositive_before(doc: &Doc, comma: usize, floor: usize) -> Option<Speaker> {
    let mut right = comma;
    let mut anonymous = false;
    // Whether every phrase of the chain opens like an appositive; a chain with other phrases
    // ("Ruiz, national director of …,") must lead back to a name.
    let mut all_appositive = true;
    // Whether every phrase of the chain is an adverb ("Ruiz, however,"), which the speaker
    // leaves out.
    let mut adverbs_only = true;
    // The phrase between the chain's previous two commas, with the flags as they stood before
    // it was read: where the chain starts when what opens it is a fronted clause or an adverb
    // rather than a phrase of its own ("After the vote ended, Ana Ruiz, the mayor, said").
    let mut inner: Option<(usize, usize, bool, bool)> = None;
    // Whether a phrase of the chain is a second relative clause ("…, and who …,"): the chain is
    // then about a phrase with the first one.
    let mut joins_a_second_relative = false;
    for _ in 0..4 {
        let limit = right.saturating_sub(40).max(floor);
        let mut idx = right.checked_sub(1)?;
        while idx > limit && !doc.token(idx).is_punct(',') {
            let token = doc.token(idx);
            let inner = token.is_word()
                || token.is_punct('-')
                || token.is_punct('.')
                || token.is_punct('(')
                || token.is_punct(')');
            if !inner {
                break;
            }
            idx -= 1;
        }
        let token = doc.token(idx);
        if !token.is_punct(',') || idx < floor {
            // The chain starts here: the phrase before `right` is the name it is about.
            let chain = |right: usize, floor: usize, all_appositive: bool, adverbs_only: bool| {
                // The chain may be about a phrase with a relative clause of its own ("A pilot
                // who has worked there for years, and who …, said").
                let head = relative_clause_before(doc, right.checked_sub(1)?, floor)
                    .filter(|_| joins_a_second_relative)
                    .or_else(|| phrase_before(doc, right.checked_sub(1)?, floor))?;
                // A name alone before the comma is no chain, unless a parenthesis closes it:
                // "Sen. Ana Ruiz (D-Lyon), said".
                let parenthesized = doc.token(comma - 1).is_punct(')') && head.kind == Kind::Name;
                if head.kind == Kind::Pronoun
                    || (right == comma && !parenthesized)
                    || (!all_appositive && head.kind != Kind::Name)
                {
                    return None;
                }
                // "one of her lawyers, Tomas Kerr,": a name set off after an unnamed phrase
                // names it.
                let named_after = (head.last + 1..comma).any(|idx| {
                    doc.token(idx - 1).is_punct(',')
                        && doc.token(idx).is_word()
                        && doc.token(idx).capitalized
                });
                Some(Speaker {
                    first: head.first,
                    last: if adverbs_only { head.last } else { comma },
                    kind: head.kind,
                    anonymous: (head.anonymous && !named_after) || anonymous,
                    antecedent: None,
                })
            };
            let opener = phrase_before(doc, right.checked_sub(1)?, floor);
            let is_adverb = opener.as_ref().is_some_and(|opener| {
                let word = doc.lower(opener.first);
                opener.first == opener.last
                    && (SENTENCE_ADVERBS.contains(&word) || PARENTHETICAL_ADVERBS.contains(&word))
            });
            // "On Thursday, Senator Ana Ruiz, D-Lyon, argued": the phrase opening the chain is
            // the object of a preposition that opens the sentence.
            let is_fronted = opener.as_ref().is_some_and(|opener| {
                let word = doc.lower(floor);
                opener.first > floor
                    && (OBJECT_PREPOSITIONS.contains(&word)
                        || FRONTED_SUBORDINATORS.contains(&word))
            });
            if opener.is_some() && !is_adverb && !is_fronted {
                return chain(right, floor, all_appositive, adverbs_only);
            }
            let (start, right, all_appositive, adverbs_only) = inner?;
            return chain(right, start, all_appositive, adverbs_only)
                .filter(|speaker| speaker.first == start);
        }
        if idx + 1 >= right {
            return None;
        }
        let (all_before, adverbs_before) = (all_appositive, adverbs_only);
        let opener = doc.token(idx + 1);
        let word = opener.lower.as_ref();
        if idx + 2 == right && PARENTHETICAL_ADVERBS.contains(&word) {
            right = idx;
            continue;
        }
        adverbs_only = false;
        // "X who has worked there for years, and who asked not to be named, said": a second
        // relative clause joined to the first.
        let second_relative = matches!(word, "and" | "but")
            && matches!(doc.lower(idx + 2), "who" | "whose" | "which");
        joins_a_second_relative |= second_relative;
        let appositive = opener.capitalized
            || second_relative
            || APPOSITIVE_OPENERS.contains(&word)
            || (word.ends_with("ing") && word.len() > 5)
            || TITLES.contains(&word)
            || word.chars().next().is_some_and(char::is_numeric);
        if !appositive {
            if !opener.is_word() || STOP_WORDS.contains(&word) {
                return None;
            }
            all_appositive = false;
        }
        anonymous |= (idx + 1..right).any(|inner_idx| is_anonymous_marker(doc, inner_idx));
        inner = Some((idx + 1, right, all_before, adverbs_before));
        right = idx;
    }
    None
}

/// How far back a plain speaker phrase reaches from its last token: far enough for a long
/// description ("A two-term councilwoman from Velmar with a record of challenging the harbour
/// board said"), and a bound on the work per cue.
const MAX_PHRASE_TOKENS: usize = 20;

/// A plain phrase ending at `last`: the longest run of fitting words that starts with a word
/// that can open a phrase.
fn phrase_before(doc: &Doc, last: usize, floor: usize) -> Option<Speaker> {
    let token = doc.tokens.get(last)?;
    // A parenthesis after a name belongs to it: "Ana Ruiz (D-Lyon)".
    if token.is_punct(')') {
        let open = (last.saturating_sub(10).max(floor)..last)
            .rev()
            .find(|&idx| doc.token(idx).is_punct('('))?;
        let mut speaker = phrase_before(doc, open.checked_sub(1)?, floor)?;
        if speaker.kind == Kind::Pronoun {
            return None;
        }
        speaker.last = last;
        return Some(speaker);
    }
    if PRONOUNS.contains(&token.lower.as_ref()) {
        return Some(pronoun(last));
    }
    // "the authorities in Velmar and elsewhere": an adverb of place after "and" ends the
    // phrase before the conjunction, whose place it widens.
    if matches!(
        token.lower.as_ref(),
        "elsewhere" | "abroad" | "overseas" | "nationwide" | "worldwide"
    ) && last >= floor + 2
        && matches!(doc.lower(last - 1), "and" | "or")
    {
        let mut speaker = phrase_before(doc, last - 2, floor)?;
        speaker.last = last;
        return Some(speaker);
    }
    // "close to him": an object pronoun ends the phrase of someone near whom it stands for.
    let after_linked_phrase = last > floor && links_phrase(doc, last - 1);
    // A document's noun that is also a verb of saying heads the phrase after an article: "…,
    // and the report says …" (but "since the attacks articulating …" has no speaker).
    let noun_of_saying = last > floor
        && matches!(doc.lower(last - 1), "the" | "a" | "an")
        && DOCUMENT_NOUNS.contains(&token.lower.as_ref());
    if !after_linked_phrase && !noun_of_saying && (!fits(token) || !closes(token)) {
        return None;
    }
    let limit = last.saturating_sub(MAX_PHRASE_TOKENS).max(floor);
    let mut first = last;
    while first > limit
        && (fits(doc.token(first - 1))
            || links_phrase(doc, first - 1)
            || joins_body_name(doc, first - 1, last)
            || noun_of_saying_inside(doc, first - 1, limit, last))
    {
        first -= 1;
    }
    // A capitalized conjunction or adverb opening the sentence is not part of the subject
    // ("But officials said").
    while first < last && STOP_WORDS.contains(&doc.lower(first)) {
        first += 1;
    }
    // The run may begin with words that belong to the clause before the subject ("In Paris
    // officials said"): drop words until one opens a phrase.
    while first < last && !opens(doc.token(first)) {
        first += 1;
    }
    // A lowercase preposition right after the start means the start was a fronted phrase
    // ("Monday in Paris"), not the subject; and a subject never starts with a preposition.
    while first < last && INNER_PREPOSITIONS.contains(&doc.lower(first)) {
        first += 1;
    }
    // An article right after a noun opens a clause whose object is that noun ("a point the
    // press office denied", "the rifles the ministry intends to ban"): its subject starts at
    // the article.
    if let Some(article) = (first + 1..last).rfind(|&idx| {
        let before = doc.token(idx - 1);
        let token = doc.token(idx);
        matches!(token.lower.as_ref(), "the" | "a" | "an")
            && !token.capitalized
            && before.is_word()
            && !before.capitalized
            && !STOP_WORDS.contains(&before.lower.as_ref())
            && !is_preposition(&before.lower)
            && !parallax_model::is_quantifier(&before.lower)
            // A participle takes the article's noun as its object ("a memo detailing the
            // findings reads").
            && !before.lower.ends_with("ing")
            && !before.lower.ends_with("ed")
            && !links_phrase(doc, idx - 1)
    }) {
        first = article;
    }
    // So does a quantifier right after an article's noun: "the port both sides say …" is what
    // both sides say of the port. (One closing the phrase floats after its noun: "the workers
    // both said".)
    if matches!(doc.lower(first), "the" | "a" | "an")
        && let Some(quantifier) = (first + 2..last).find(|&idx| {
            let before = doc.token(idx - 1);
            parallax_model::is_quantifier(doc.lower(idx))
                && !matches!(doc.lower(idx), "other" | "another")
                && before.is_word()
                && !before.capitalized
                && !before.lower.ends_with(['\'', '\u{2019}', 's'])
                && !STOP_WORDS.contains(&before.lower.as_ref())
                && !is_preposition(&before.lower)
                && !parallax_model::is_quantifier(&before.lower)
                && !doc.token(idx + 1).capitalized
        })
    {
        first = quantifier;
    }
    // Nor is one a preposition alone, capitalized for opening the sentence ("Amid calls for
    // …"), nor a phrase opened by one that takes no clause ("Despite discussions earlier about
    // …"): the subject comes after such a phrase. After "despite" or "amid", before a gerund,
    // the phrase is the gerund's subject ("Despite Trump saying …"); "Among those predicting"
    // is still fronted.
    // "half deemed …", "neither said much": a share alone names no one.
    if !opens(doc.token(first))
        || (first == last && is_preposition(doc.lower(first)))
        || (first == last && matches!(doc.lower(first), "none" | "neither" | "either" | "half"))
        // "the most favored city": a superlative's "most" after an article heads no phrase.
        || (first < last && matches!(doc.lower(last), "most" | "least"))
        || (doc.token(first).capitalized
            && FRONTED_ONLY.contains(&doc.lower(first))
            && !(matches!(doc.lower(first), "despite" | "amid") && before_gerund(doc, last)))
    {
        return None;
    }
    Some(described(doc, first, last))
}

/// Whether the token at `idx` is a word of saying used as a noun inside a phrase: right before
/// a preposition the phrase goes on with, and after a possessive or article that opens it, or
/// one modifier after it ("an examination of his remarks at the ceremonies shows", "the
/// nation's leading advocate for pilots says"), where a verb never stands. Before a
/// participle, ending at `last`, the phrase is the nearest noun's: in "led the charge of
/// conservatives calling for …" the conservatives call.
fn noun_of_saying_inside(doc: &Doc, idx: usize, limit: usize, last: usize) -> bool {
    if doc.lower(last + 1).ends_with("ing") {
        return false;
    }
    let token = doc.token(idx);
    let opens = |at: usize| is_determiner(doc.lower(at)) || doc.lower(at).ends_with("'s");
    // One modifier may stand between them: "the nation's leading advocate for …".
    let modifier = |at: usize| {
        let word = doc.token(at);
        word.is_word()
            && !word.capitalized
            && !STOP_WORDS.contains(&word.lower.as_ref())
            && !INNER_PREPOSITIONS.contains(&word.lower.as_ref())
    };
    let determined =
        idx > limit && (opens(idx - 1) || (idx - 1 > limit && modifier(idx - 1) && opens(idx - 2)));
    token.is_word()
        && !token.capitalized
        && INNER_PREPOSITIONS.contains(&doc.lower(idx + 1))
        && cues::reporting_verb(&token.lower).is_some()
        && determined
}

/// Whether the token at `idx` is an "and" inside the capitalized name of a body that the
/// phrase ending at `last` heads: "the Oversight and Government Reform Committee". Elsewhere an
/// "and" between names joins two speakers ("Ana Ruiz and Bo Holm said"), and the phrase stops
/// at it.
fn joins_body_name(doc: &Doc, idx: usize, last: usize) -> bool {
    let capitalized = |at: usize| {
        doc.tokens
            .get(at)
            .is_some_and(|token| token.is_word() && token.capitalized)
    };
    matches!(doc.lower(idx), "and" | "&")
        && idx > 0
        && capitalized(idx - 1)
        && (idx + 1..=last).all(capitalized)
        && ORGANIZATION_WORDS.contains(&doc.token(last).stem())
}

/// Whether the token at `idx` is an "and" between the capitalized subjects of an office whose
/// holder's name follows before `limit`: "said former Housing and Urban Development Secretary
/// Ana Ruiz".
fn joins_office_subjects(doc: &Doc, idx: usize, limit: usize) -> bool {
    let capitalized = |at: usize| {
        doc.tokens
            .get(at)
            .is_some_and(|token| token.is_word() && token.capitalized)
    };
    doc.lower(idx) == "and"
        && idx > 0
        && capitalized(idx - 1)
        && (idx + 2..limit.saturating_sub(1))
            .take_while(|&at| capitalized(at - 1))
            .any(|at| {
                let word = doc.token(at).stem();
                capitalized(at)
                    && (TITLES.contains(&word) || CAPITALIZED_OFFICES.contains(&word))
                    && capitalized(at + 1)
            })
}

/// The speaker phrase that starts at token `first` (after an inverted cue: "said Ana Ruiz, the
/// mayor"), not reaching past token `ceiling` (exclusive).
pub(crate) fn after(doc: &Doc, first: usize, ceiling: usize) -> Option<Speaker> {
    let token = doc.tokens.get(first)?;
    if first >= ceiling {
        return None;
    }
    if PRONOUNS.contains(&token.lower.as_ref()) {
        return Some(pronoun(first));
    }
    // A role in lowercase before the name opens the phrase too: "said crane operator Ana Ruiz".
    let role_before_name = || {
        (first + 1..(first + 4).min(ceiling))
            .take_while(|&idx| fits(doc.token(idx)))
            .any(|idx| doc.token(idx).capitalized)
            && fits(token)
            && !INNER_PREPOSITIONS.contains(&token.lower.as_ref())
    };
    if !opens(token) && !role_before_name() {
        return None;
    }
    let limit = (first + 12).min(ceiling);
    let mut last = first;
    while last + 1 < limit {
        let next = doc.token(last + 1);
        let word = next.lower.as_ref();
        let inner_ok = match word {
            "of" | "for" | "at" | "from" => true,
            // "with" after a role in lowercase says where the speaker works: "said analyst with
            // the Velmar Institute Ana Ruiz" (after a name it may be anything: "with a smile").
            "with" => {
                doc.lower(last) == "familiar"
                    || ((first..=last).all(|idx| !doc.token(idx).capitalized)
                        && (last + 2..(last + 4).min(limit))
                            .take_while(|&idx| {
                                doc.token(idx).capitalized || doc.lower(idx) == "the"
                            })
                            .any(|idx| doc.token(idx).capitalized))
            }
            _ => !INNER_PREPOSITIONS.contains(&word),
        };
        if joins_office_subjects(doc, last + 1, limit) {
            last += 1;
            continue;
        }
        if links_phrase(doc, last + 1) {
            last += 1;
            // "close to him" ends with its pronoun.
            if last + 1 < limit && OBJECT_PRONOUNS.contains(&doc.lower(last + 1)) {
                last += 1;
                break;
            }
            continue;
        }
        if !fits(next) || !inner_ok {
            break;
        }
        last += 1;
    }
    while last > first && !closes(doc.token(last)) {
        last -= 1;
    }
    if !closes(doc.token(last)) {
        return None;
    }
    let mut speaker = described(doc, first, last);
    if last + 1 < ceiling
        && doc.token(last + 1).is_punct('(')
        && let Some(close) =
            (last + 2..(last + 10).min(ceiling)).find(|&idx| doc.token(idx).is_punct(')'))
    {
        speaker.last = close;
        last = close;
    }
    // A relative clause right after the name belongs to the speaker too: "said one official who
    // spoke on condition of anonymity."
    if last + 1 < ceiling
        && matches!(doc.lower(last + 1), "who" | "whose")
        && !relative_clause_reports(doc, last + 1, ceiling)
    {
        let end = (last + 1..ceiling)
            .take_while(|&idx| doc.token(idx).is_word() || doc.token(idx).is_punct(','))
            .last()
            .unwrap_or(last);
        if let Some(end) = (last + 2..=end).rev().find(|&idx| doc.token(idx).is_word()) {
            speaker.last = end;
            speaker.anonymous |= (last + 1..=end).any(|idx| is_anonymous_marker(doc, idx));
            return Some(speaker);
        }
    }
    // An appositive after a comma belongs to the speaker: "said Ana Ruiz, the mayor."
    let comma = last + 1;
    if comma + 1 < ceiling && doc.token(comma).is_punct(',') {
        let inner = doc.token(comma + 1);
        let inner_word = inner.lower.as_ref();
        let is_appositive = inner.capitalized
            || matches!(
                inner_word,
                "who" | "the" | "a" | "an" | "his" | "her" | "its" | "their"
            )
            || TITLES.contains(&inner_word);
        if is_appositive && !relative_clause_reports(doc, comma + 1, ceiling) {
            let mut end = comma + 1;
            while end + 1 < ceiling
                && doc.token(end + 1).is_word()
                && !matches!(doc.lower(end + 1), "and" | "but" | "adding" | "saying")
            {
                end += 1;
            }
            if end > comma + 1 && closes(doc.token(end)) {
                speaker.last = end;
                speaker.anonymous |= (comma + 1..=end).any(|idx| is_anonymous_marker(doc, idx));
            }
        }
    }
    Some(speaker)
}

/// Whether the relative pronoun at `relative` opens a clause that reports what its antecedent
/// said or thinks ("said Ana Ruiz, who argued that …"): an attribution of its own, which the
/// speaker's description leaves free to be read as one.
pub(crate) fn relative_clause_reports(doc: &Doc, relative: usize, ceiling: usize) -> bool {
    matches!(doc.lower(relative), "who" | "which")
        && (relative + 1..(relative + 4).min(ceiling))
            .take_while(|&idx| doc.token(idx).is_word())
            .find(|&idx| !RELATIVE_CLAUSE_FILLERS.contains(&doc.lower(idx)))
            .and_then(|verb| cues::verb_at(doc, verb))
            .is_some_and(|entry| {
                matches!(entry.form, cues::Form::Past | cues::Form::Present)
                    && matches!(
                        entry.class(),
                        cues::Class::Speech | cues::Class::Tell | cues::Class::Thought
                    )
            })
}

/// Auxiliaries and adverbs between a relative pronoun and its verb ("who has long argued").
const RELATIVE_CLAUSE_FILLERS: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "later",
    "then",
    "once",
    "long",
    "previously",
    "repeatedly",
    "often",
    "still",
    "recently",
    "earlier",
];

/// A speaker made of the pronoun (or possessive: "his claim that …") at `idx`.
pub(crate) fn pronoun(idx: usize) -> Speaker {
    Speaker {
        first: idx,
        last: idx,
        kind: Kind::Pronoun,
        anonymous: false,
        antecedent: None,
    }
}

/// Adjectives that follow the noun they qualify, with a phrase after them: "people familiar
/// with the talks", "officials involved in them".
const POSTPOSED_ADJECTIVES: &[&str] = &[
    "familiar",
    "close",
    "briefed",
    "aware",
    "knowledgeable",
    "involved",
];

/// Classifies the phrase from `first` to `last` as a name or a role, and decides whether it is
/// anonymous.
pub(crate) fn described(doc: &Doc, first: usize, last: usize) -> Speaker {
    // The head is the last word before any post-modifier ("officials at the embassy").
    let mut head = last;
    for idx in first..=last {
        if idx > first && INNER_PREPOSITIONS.contains(&doc.lower(idx)) {
            head = idx - 1;
            break;
        }
    }
    // "two officials involved in the talks": an adjective after its noun qualifies it.
    if head > first && POSTPOSED_ADJECTIVES.contains(&doc.lower(head)) {
        head -= 1;
    }
    // A capital opening the phrase may be the sentence's ("Aides said …"): a word that names
    // no one is no name for it, unless a name follows ("Officials with the Velmar council").
    let name_follows = (head + 1..=last).any(|idx| doc.token(idx).capitalized);
    let named = (first..=head).any(|idx| {
        let token = doc.token(idx);
        token.capitalized
            && !(idx == first
                && (is_determiner(&token.lower)
                    || (!name_follows && ANONYMOUS_HEADS.contains(&token.stem()))))
    });
    let head_word = doc.token(head).stem();
    // "One Brenmoor systems engineer", "a Republican senator": one person the words before the
    // noun only describe, whatever they name. A spokesperson speaks for the body named, on
    // record.
    // So is "one of the technicians", by the noun after "of".
    let noun = if head_word == "one" && doc.lower(head + 1) == "of" {
        doc.token(last).stem()
    } else {
        head_word
    };
    let singular = noun.strip_suffix('s').unwrap_or(noun);
    let unnamed_one = INDEFINITE_OPENINGS.contains(&doc.lower(first))
        && (!doc.token(head).capitalized || (head == first && doc.opens_sentence(head)))
        && (is_person_noun(noun) || is_person_noun(singular))
        && !noun.starts_with("spokes")
        && !(head + 1..=last).any(|idx| doc.token(idx).capitalized);
    // "Three of them told the Ledger …": a part of a group the article names only by "them".
    let part_of_them = head == first
        && INDEFINITE_OPENINGS.contains(&head_word)
        && !matches!(head_word, "a" | "an")
        && doc.lower(first + 1) == "of"
        && last == first + 2
        && matches!(doc.lower(last), "them" | "those");
    let anonymous = (!named && ANONYMOUS_HEADS.contains(&head_word))
        || unnamed_one
        || part_of_them
        || (first..=last).any(|idx| is_anonymous_marker(doc, idx))
        || (named
            && ANONYMOUS_HEADS.contains(&head_word)
            && !doc.token(head).capitalized
            && (head_word.ends_with('s') || head_word == "staff"));
    Speaker {
        first,
        last,
        kind: if named { Kind::Name } else { Kind::Role },
        anonymous,
        antecedent: None,
    }
}

/// Whether token `idx` makes a speaker anonymous: "unnamed", "familiar (with)", "close (to)",
/// "(not to be) named", "(not) authorized (to speak)".
fn is_anonymous_marker(doc: &Doc, idx: usize) -> bool {
    let word = doc.lower(idx);
    if !ANONYMOUS_MARKERS.contains(&word) {
        return false;
    }
    match word {
        "named" => doc.lower(idx.saturating_sub(1)) == "be",
        "authorized" | "authorised" => doc.lower(idx.saturating_sub(1)) == "not",
        "close" | "closer" => doc.lower(idx + 1) == "to",
        _ => true,
    }
}

/// The speaker phrase at the start of the sentence holding `idx`, for cues whose subject is the
/// subject of the whole sentence ("Ruiz met the mayor, saying …").
pub(crate) fn sentence_subject(doc: &Doc, idx: usize, quoted: &[bool]) -> Option<Speaker> {
    let sentence = doc.sentence_of(idx);
    let mut first = sentence.start;
    // A fronted phrase ("During his news conference Friday, Ruiz …") ends at its comma; so
    // does a fronted participle clause ("Asked whether …, Ruiz did not back down, saying …").
    let opening = doc.lower(sentence.start);
    // A name in "-ing" or "-ed" ("Manning said") is followed by its verb, a participle by
    // what it governs.
    let governed = doc.lower(sentence.start + 1);
    let participle = opening.chars().count() > 4
        && (opening.ends_with("ed") || opening.ends_with("ing"))
        && (OBJECT_PREPOSITIONS.contains(&governed)
            || FRONTED_SUBORDINATORS.contains(&governed)
            || is_determiner(governed)
            || matches!(governed, "whether" | "if" | "what" | "why" | "how"));
    if OBJECT_PREPOSITIONS.contains(&opening)
        || FRONTED_SUBORDINATORS.contains(&opening)
        || participle
    {
        // The comma may close a quoted title: "Speaking on “Fox News Sunday,” Ruiz …".
        let phrase_end = |from: usize| {
            (from..idx).find(|&at| {
                let token = doc.token(at);
                token.is_punct(',')
                    && (token.space_after
                        || doc
                            .tokens
                            .get(at + 1)
                            .is_some_and(|next| next.is_quote() && next.space_after))
            })
        };
        first = phrase_end(sentence.start)? + 1;
        // "On Friday, the day that …, Ruiz …": an appositive of the fronted time goes with it.
        if doc.lower(first) == "the" && FRONTED_TIME_NOUNS.contains(&doc.lower(first + 1)) {
            first = phrase_end(first)? + 1;
        }
    }
    while first < idx
        && (!doc.token(first).is_word() || quoted[first] || STOP_WORDS.contains(&doc.lower(first)))
    {
        first += 1;
    }
    if first >= idx {
        return None;
    }
    let token = doc.token(first);
    if PRONOUNS.contains(&token.lower.as_ref()) {
        return Some(pronoun(first));
    }
    if !opens(token) {
        return None;
    }
    let mut last = first;
    while last + 1 < idx && fits(doc.token(last + 1)) {
        if INNER_PREPOSITIONS.contains(&doc.lower(last + 1)) {
            break;
        }
        last += 1;
    }
    (closes(doc.token(last)) && last - first < 8).then(|| described(doc, first, last))
}

/// How a personal pronoun constrains what it can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pronoun {
    /// "he".
    Masculine,
    /// "she".
    Feminine,
    /// "they": a group or an organization.
    Plural,
    /// "it": an organization or a document.
    Neuter,
}

/// The pronoun class of `word`, or `None` for pronouns that are not resolved ("I", "we", "you"
/// speak for themselves).
pub(crate) fn pronoun_class(word: &str) -> Option<Pronoun> {
    match contracted_pronoun(word).unwrap_or(word) {
        "he" => Some(Pronoun::Masculine),
        "she" => Some(Pronoun::Feminine),
        "they" => Some(Pronoun::Plural),
        "it" => Some(Pronoun::Neuter),
        _ => None,
    }
}

/// The pronoun class of a possessive ("his", "her", "their", "its"), which stands for its
/// antecedent as the pronoun does; `None` for other words and for "my", "our", "your".
pub(crate) fn possessive_class(word: &str) -> Option<Pronoun> {
    match word {
        "his" => Some(Pronoun::Masculine),
        "her" => Some(Pronoun::Feminine),
        "their" => Some(Pronoun::Plural),
        "its" => Some(Pronoun::Neuter),
        _ => None,
    }
}

/// Titles and role words that tell which pronoun a person takes.
const FEMININE_WORDS: &[&str] = &[
    "mrs.",
    "ms.",
    "miss",
    "madam",
    "spokeswoman",
    "chairwoman",
    "congresswoman",
    "businesswoman",
    "queen",
    "princess",
    "mother",
    "wife",
    "daughter",
    "sister",
    "actress",
    "grandmother",
    "woman",
    "girl",
    "lady",
    "duchess",
    "countess",
    "baroness",
    "dame",
];

/// Titles and role words of men.
const MASCULINE_WORDS: &[&str] = &[
    "mr.",
    "spokesman",
    "chairman",
    "congressman",
    "businessman",
    "king",
    "prince",
    "father",
    "husband",
    "son",
    "brother",
    "actor",
    "grandfather",
    "man",
    "boy",
    "lord",
    "duke",
    "count",
    "baron",
    "sir",
];

/// The pronoun the phrase from `first` to `last` takes, when a title or role word in it tells.
pub(crate) fn gender(doc: &Doc, first: usize, last: usize) -> Option<Pronoun> {
    (first..=last).find_map(|idx| {
        let token = doc.token(idx);
        // A given name is one before a surname: "Nancy Doe", not "Doe" alone.
        let given_name = token.capitalized
            && idx < last
            && doc.token(idx + 1).capitalized
            && doc.token(idx + 1).is_word();
        gender_of_word(token.stem()).or_else(|| {
            given_name
                .then(|| doc.text.get(token.range.clone()))
                .flatten()
                .and_then(gender_of_given_name)
        })
    })
}

/// What an article tells of the gender of each name or person, keyed by `K`: `None` where its
/// evidence conflicts (two people of one surname, a title against a given name).
#[derive(Debug)]
pub(crate) struct GenderEvidence<K>(HashMap<K, Option<Pronoun>>);

impl<K: Hash + Eq> GenderEvidence<K> {
    pub(crate) fn new() -> GenderEvidence<K> {
        GenderEvidence(HashMap::new())
    }

    /// Records that `key` takes `class`; evidence against what was recorded leaves it unknown.
    /// Classes other than "he" and "she" say nothing of gender.
    pub(crate) fn learn(&mut self, key: K, class: Pronoun) {
        if !matches!(class, Pronoun::Masculine | Pronoun::Feminine) {
            return;
        }
        self.0
            .entry(key)
            .and_modify(|known| {
                if *known != Some(class) {
                    *known = None;
                }
            })
            .or_insert(Some(class));
    }

    /// Records that nothing may tell the gender of `key`: a surname of two people.
    pub(crate) fn leave_unknown(&mut self, key: K) {
        self.0.insert(key, None);
    }

    /// Records `class` for a key nothing was recorded for yet: weaker evidence, which fills in
    /// what stronger evidence leaves open.
    pub(crate) fn settle(&mut self, key: K, class: Pronoun) {
        if matches!(class, Pronoun::Masculine | Pronoun::Feminine) {
            self.0.entry(key).or_insert(Some(class));
        }
    }

    /// The gender known for `key`; `None` when nothing or conflicting evidence was recorded.
    pub(crate) fn known(&self, key: &K) -> Option<Pronoun> {
        self.0.get(key).copied().flatten()
    }

    /// Whether `class` can stand for `key`: nothing known says otherwise.
    pub(crate) fn allows(&self, key: &K, class: Pronoun) -> bool {
        self.known(key).is_none_or(|known| known == class)
    }
}

/// The pronoun a given name calls for ("Nancy" → "she"), written as names are.
pub(crate) fn gender_of_given_name(name: &str) -> Option<Pronoun> {
    crate::entities::gender_of_given_name(name).map(|gender| match gender {
        crate::entities::Gender::Masculine => Pronoun::Masculine,
        crate::entities::Gender::Feminine => Pronoun::Feminine,
    })
}

/// The pronoun a title or role word calls for ("mrs." → "she", "spokesman" → "he"), given
/// lowercased with its abbreviation point.
pub(crate) fn gender_of_word(word: &str) -> Option<Pronoun> {
    if FEMININE_WORDS.contains(&word) {
        Some(Pronoun::Feminine)
    } else if MASCULINE_WORDS.contains(&word) {
        Some(Pronoun::Masculine)
    } else {
        None
    }
}

/// What sort of antecedent a phrase can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Referent {
    /// One person.
    Person,
    /// Several people.
    Group,
    /// An organization, outlet or document.
    Organization,
    /// Something other than people, which no pronoun of a speaker stands for: "the crowd",
    /// "the truth", "a staggering 55 percent" ("it said" stands for an organization or a
    /// document, whose words [`referent`] tells apart).
    Thing,
}

/// The last word of the phrase from `first` to `last` before what qualifies it: a preposition,
/// a relative pronoun or a comma ("Ana Ruiz" of "Ana Ruiz of the Velmar Institute", "Senators"
/// of "Senators who pushed the bill").
///
/// An office's "of" qualifies no one when the holder's name follows the body it is of: the head
/// of "Former Speaker of the House Ana Ruiz" is "Ruiz"; nor does a role set off before a name:
/// the head of "The town's mayor, Tomas Berg," is "Berg".
pub(crate) fn head(doc: &Doc, first: usize, last: usize) -> usize {
    let Some(boundary) = (first + 1..=last).find(|&idx| {
        (INNER_PREPOSITIONS.contains(&doc.lower(idx)) && !names_office_holder(doc, idx, last))
            || matches!(doc.lower(idx), "who" | "whose" | "which")
            || doc.token(idx).is_punct(',')
    }) else {
        return last;
    };
    // "The town's mayor, Tomas Berg,": a person's role set before the name it is the name's
    // ("the organisers, Count Every Vote," stays the organisers).
    let role_before =
        !doc.token(boundary - 1).capitalized && is_one_person_noun(doc.token(boundary - 1).stem());
    let name = (boundary + 1..=last)
        .take_while(|&idx| doc.token(idx).is_word() && doc.token(idx).capitalized)
        .last();
    match name {
        Some(name_last)
            if doc.token(boundary).is_punct(',')
                && role_before
                && (name_last == last || doc.token(name_last + 1).is_punct(',')) =>
        {
            name_last
        }
        // "two people familiar with the talks": an adjective after its noun qualifies it.
        _ if boundary >= first + 2 && POSTPOSED_ADJECTIVES.contains(&doc.lower(boundary - 1)) => {
            boundary - 2
        }
        _ => boundary - 1,
    }
}

/// Whether the "of" at `of_at` joins a capitalized title to its body and the holder's name
/// after it, up to `last`: two or more capitalized words ("Secretary of State Ana Ruiz",
/// "Speaker of the House Ruiz").
fn names_office_holder(doc: &Doc, of_at: usize, last: usize) -> bool {
    if doc.lower(of_at) != "of" || of_at == 0 {
        return false;
    }
    let title = doc.token(of_at - 1);
    if !title.capitalized
        || !(TITLES.contains(&title.stem()) || CAPITALIZED_OFFICES.contains(&title.stem()))
    {
        return false;
    }
    let mut after = of_at + 1;
    if after <= last && doc.lower(after) == "the" {
        after += 1;
    }
    (after..=last)
        .take_while(|&idx| doc.token(idx).is_word() && doc.token(idx).capitalized)
        .count()
        >= 2
}

/// Classifies the phrase from `first` to `last` for pronoun resolution.
pub(crate) fn referent(doc: &Doc, first: usize, last: usize) -> Referent {
    let head = head(doc, first, last);
    let head_token = doc.token(head);
    let head_word = head_token.stem();
    // "The Post", "the White House": a capitalized name after "the" is not a person, unless
    // the name only qualifies a person's noun ("the Russian leader", "the Democratic senator").
    let the_name = doc.lower(first) == "the"
        && first < head
        && doc.token(first + 1).capitalized
        && (head_token.capitalized || !is_person_noun(head_word));
    let organization = the_name
        || (first..=head).any(|idx| {
            let token = doc.token(idx);
            ORGANIZATION_WORDS.contains(&token.stem()) || is_acronym(&doc.text[token.range.clone()])
        });
    // "union leader Anna Holm", "port authority spokesperson Jo Lind": a name after a title or
    // role word is a person, whatever organization the words before it name; so is one after a
    // title written in capitals ("City Hall Press Secretary Jo Lind"), unless the title's word
    // is also one of a name's own ("General Motors", "Justice Department").
    let is_role = |idx: usize| {
        let word = doc.token(idx).stem();
        TITLES.contains(&word)
            || NAME_ROLES.contains(&word)
            || (doc.token(idx).capitalized && CAPITALIZED_OFFICES.contains(&word))
    };
    let named_by_role = || {
        (first..head)
            .rev()
            .find(|&idx| !doc.token(idx).capitalized)
            .is_some_and(is_role)
            || (head_token.capitalized
                && (first..head).any(|idx| {
                    is_role(idx)
                        && !matches!(
                            doc.token(idx).stem(),
                            "general" | "justice" | "chief" | "head" | "father" | "sister"
                        )
                }))
    };
    // "Democrats", "Republicans", "Russians", "Socialists": a capitalized plural of a party,
    // people or creed, not after a first name ("Ann Evans").
    let capitalized_group = head_token.capitalized
        && ["ans", "ats", "ists", "ites"].iter().any(|ending| {
            head_token.lower.len() > ending.len() + 3 && head_token.lower.ends_with(ending)
        })
        && (head == first || !doc.token(head - 1).capitalized);
    // "Critics said …": a person's noun that opens the sentence is capitalized for the
    // sentence, not as a name.
    let capitalized_as_a_name = head_token.capitalized
        && !(head == first && doc.opens_sentence(head) && is_person_noun(head_word));
    let plural = capitalized_group
        || (!capitalized_as_a_name
            && (BARE_PLURALS.contains(&head_word)
                || (head_word.ends_with('s')
                    && !head_word.ends_with("ss")
                    && !head_word.ends_with("us")
                    && !head_word.ends_with("is"))));
    // "The crowd cheered", "a staggering 55 percent": a description without a name whose
    // head names no person is a thing, whatever the pronoun's gender.
    let description = is_determiner(doc.lower(first))
        && !(first + 1..=head).any(|idx| doc.token(idx).capitalized);
    if plural {
        Referent::Group
    } else if organization
        && !named_by_role()
        && (head_token.capitalized || !is_person_noun(head_word))
    {
        // "a Health Ministry spokeswoman" is a person, whoever she speaks for.
        Referent::Organization
    } else if description && !is_person_noun(head_word) {
        Referent::Thing
    } else {
        Referent::Person
    }
}

/// Nouns of people that head descriptions ("the lawyer", "a former aide") besides titles, role
/// words, unnamed sources and gendered words, which are looked up apart.
const PERSON_NOUNS: &[&str] = &[
    "lawyer",
    "attorney",
    "candidate",
    "nominee",
    "legislator",
    "politician",
    "speaker",
    "owner",
    "founder",
    "executive",
    "investor",
    "billionaire",
    "millionaire",
    "mogul",
    "tycoon",
    "singer",
    "author",
    "writer",
    "journalist",
    "reporter",
    "columnist",
    "editor",
    "host",
    "anchor",
    "commentator",
    "activist",
    "protester",
    "voter",
    "victim",
    "suspect",
    "defendant",
    "plaintiff",
    "prosecutor",
    "investigator",
    "detective",
    "agent",
    "soldier",
    "doctor",
    "nurse",
    "scientist",
    "researcher",
    "economist",
    "teacher",
    "student",
    "worker",
    "manager",
    "coach",
    "player",
    "athlete",
    "shooter",
    "attacker",
    "driver",
    "pilot",
    "veteran",
    "child",
    "friend",
    "partner",
    "colleague",
    "rival",
    "opponent",
    "challenger",
    "incumbent",
    "successor",
    "predecessor",
    "ally",
    "critic",
    "supporter",
    "backer",
    "donor",
    "fan",
    "envoy",
    "delegate",
    "lobbyist",
    "consultant",
    "pollster",
    "administrator",
    "inspector",
    "ruler",
    "dictator",
    "monarch",
    "bishop",
    "cardinal",
    "priest",
    "pastor",
    "cleric",
    "individual",
    "citizen",
    "farmer",
    "miner",
    "docker",
    "lord",
    "parent",
    "relative",
    "neighbor",
    "neighbour",
    "tenant",
    "patient",
    "prisoner",
    "detainee",
    "refugee",
    "migrant",
    "immigrant",
    "employer",
    "heir",
    "widow",
    "widower",
    "guard",
    "trooper",
    "deputy",
    "ranger",
    "captain",
    "commander",
    "lieutenant",
    "sergeant",
    "colonel",
    "admiral",
    "marshal",
    "clerk",
    "attendee",
    "organizer",
    "organiser",
    "protestor",
    "demonstrator",
    "winner",
    "loser",
    "contender",
    "frontrunner",
    "hopeful",
    "newcomer",
    // Trades and jobs: a quoted worker is often described by their trade alone.
    "fitter",
    "welder",
    "mechanic",
    "plumber",
    "carpenter",
    "engineer",
    "operator",
    "foreman",
    "labourer",
    "laborer",
    "firefighter",
    "paramedic",
    "survivor",
    "shopkeeper",
    "fisherman",
    "sailor",
    "seaman",
    "trader",
    "vendor",
    "cashier",
    "baker",
    "butcher",
    "cook",
    "waiter",
    "waitress",
    "cleaner",
    "janitor",
];

/// Whether `word` (a lowercase stem) names a person: [`PERSON_NOUNS`], titles, role words,
/// the heads of unnamed sources, gendered words, and words made of "-man", "-woman",
/// "-person", "-ist", "-ian".
fn is_person_noun(word: &str) -> bool {
    PERSON_NOUNS.contains(&word)
        || TITLES.contains(&word)
        || NAME_ROLES.contains(&word)
        || ANONYMOUS_HEADS.contains(&word)
        || FEMININE_WORDS.contains(&word)
        || MASCULINE_WORDS.contains(&word)
        || ["man", "woman", "person", "ist", "ian"]
            .iter()
            .any(|ending| word.len() > ending.len() + 2 && word.ends_with(ending))
}

/// Whether `word` names one person ("mayor", "spokeswoman", not "organisers").
pub(crate) fn is_one_person_noun(word: &str) -> bool {
    is_person_noun(word) && (!word.ends_with('s') || word.ends_with("ss"))
}

/// Whether a phrase of kind `referent` can be what `pronoun` stands for.
pub(crate) fn compatible(pronoun: Pronoun, referent: Referent) -> bool {
    match pronoun {
        Pronoun::Masculine | Pronoun::Feminine => referent == Referent::Person,
        Pronoun::Plural => matches!(referent, Referent::Group | Referent::Organization),
        Pronoun::Neuter => referent == Referent::Organization,
    }
}

/// Prepositions and conjunctions that open a phrase before a sentence's subject.
const OPENING_PREPOSITIONS: &[&str] = &[
    "at",
    "in",
    "on",
    "after",
    "before",
    "during",
    "since",
    "with",
    "from",
    "by",
    "as",
    "while",
    "when",
    "if",
    "although",
    "though",
    "because",
    "despite",
    "amid",
    "under",
    "over",
    "until",
    "unlike",
    "like",
    "without",
    "through",
    "following",
    "according",
];

/// The name or description that opens the sentence `sentence`, outside quotes, as a candidate
/// for later pronouns: a capitalized run ("Mayor Ana Ruiz opened …") or a determiner with a
/// capitalized run or up to three lowercase words ("The harbor authority published …").
pub(crate) fn subject_name(
    doc: &Doc,
    sentence: Range<usize>,
    quoted: &[bool],
) -> Option<(usize, usize)> {
    // The first word from `idx` on outside quotes.
    let next_word = |mut idx: usize| {
        while idx < sentence.end && (!doc.token(idx).is_word() || quoted[idx]) {
            idx += 1;
        }
        idx
    };
    let mut first = next_word(sentence.start);
    // A dateline ("WASHINGTON — The court said …") is no subject: the sentence starts after it.
    if first < sentence.end {
        let opening = doc.token(first).range.start;
        let sentence_end = doc.token(sentence.end - 1).range.end;
        let body = opening + parallax_model::dateline_len(&doc.text[opening..sentence_end]);
        if body > opening {
            let tokens = &doc.tokens[first..sentence.end];
            first = next_word(first + tokens.partition_point(|token| token.range.start < body));
        }
    }
    // "At a rally …", "After the vote …", "Noting the delay, …", "Asked about the poll, …": a
    // sentence that opens with a phrase before its subject gives no subject here.
    let opening = doc.lower(first);
    let participle = opening.ends_with("ed")
        && cues::reporting_verb(opening).is_some()
        && doc
            .tokens
            .get(first + 1)
            .is_some_and(|next| !next.capitalized);
    if first < sentence.end
        && (OPENING_PREPOSITIONS.contains(&opening) || opening.ends_with("ing") || participle)
    {
        return None;
    }
    while first < sentence.end
        && (!doc.token(first).is_word() || quoted[first] || STOP_WORDS.contains(&doc.lower(first)))
    {
        first += 1;
    }
    let token = doc.tokens.get(first).filter(|_| first < sentence.end)?;
    let word = token.lower.as_ref();
    let determiner = matches!(word, "the" | "a" | "an" | "this");
    if !token.capitalized || PRONOUNS.contains(&word) {
        return None;
    }
    let capitalized =
        |idx: usize| idx < sentence.end && doc.token(idx).is_word() && doc.token(idx).capitalized;
    let mut last = first;
    // A noun phrase goes on over lowercase words that are no verb: "The county's budget",
    // "Another candidate", "Senior administration officials".
    let goes_on = |last: usize| {
        if last + 1 >= sentence.end {
            return false;
        }
        let next = doc.token(last + 1);
        let next_word = next.lower.as_ref();
        // A word in "-s" after the first is a verb ("The company says") unless a comma or a
        // verb follows it, which make it the phrase's head ("Senior administration officials,
        // discussing …", "Two heartland states sued").
        let head_after = last + 2 < sentence.end && {
            let after = doc.token(last + 2);
            after.is_punct(',')
                || (after.is_word()
                    && (after.lower.ends_with("ed")
                        || is_finite_auxiliary(&after.lower)
                        || cues::verb_at(doc, last + 2).is_some_and(|entry| {
                            matches!(entry.form, cues::Form::Past | cues::Form::Present)
                        })))
        };
        let verb_like =
            next_word.ends_with("ed") || (last > first && next_word.ends_with('s') && !head_after);
        last - first < 3 && fits(next) && !verb_like && !INNER_PREPOSITIONS.contains(&next_word)
    };
    let opens_phrase = determiner || is_determiner(word);
    if opens_phrase && !capitalized(first + 1) {
        while goes_on(last) {
            last += 1;
        }
    } else {
        while capitalized(last + 1) {
            last += 1;
        }
        // A name after a role that the capitalized words qualify is the subject's head:
        // "Former GOP presidential nominee Mitt Romney", not "Former GOP".
        let role = (last + 1..sentence.end.min(last + 4))
            .take_while(|&idx| {
                let token = doc.token(idx);
                token.is_word() && !token.capitalized && fits(token)
            })
            .filter(|&role| is_person_noun(doc.token(role).stem()))
            .last();
        if let Some(role) = role.filter(|&role| capitalized(role + 1)) {
            last = role + 1;
            while capitalized(last + 1) {
                last += 1;
            }
        } else if let Some(role) = role.filter(|&role| {
            opens_phrase || (last + 1..role).all(|idx| !is_determiner(doc.lower(idx)))
        }) {
            // The capitalized words qualify the people the phrase is about: "The Velmar
            // councilwoman", not "The Velmar"; "Velmari officials", not "Velmari" (but "Born
            // the son of …" opens with no subject).
            last = role;
        }
    }
    (last > first || !opens_phrase).then_some((first, last))
}
