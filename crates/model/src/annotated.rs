//! [`Annotated`]: an article with what the annotate stage found in it.
//!
//! Ranges are byte ranges into the article's text. The annotate stage fills these collections as
//! its annotators land; an empty collection means "not annotated", which the brief shows by
//! leaving the matching section out.

use crate::Article;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// An article and its annotations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Annotated {
    /// The article, unchanged.
    pub article: Article,
    /// Sentences in text order; they do not overlap and never cross a paragraph break.
    pub sentences: Vec<Sentence>,
    /// Entities, each with its mentions.
    pub entities: Vec<Entity>,
    /// Time expressions in text order.
    pub times: Vec<TimeExpression>,
    /// Quantities in text order.
    pub quantities: Vec<Quantity>,
    /// Direct quotes and reported speech in text order.
    pub quotes: Vec<Quote>,
    /// Claims in text order.
    pub claims: Vec<Claim>,
    /// Personal and possessive pronouns resolved to the entity they stand for, in text order:
    /// quote speakers ("he added") and sentence subjects ("He voted …", "Her bill …").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Reference>,
}

impl Annotated {
    /// An article with no annotations yet.
    pub fn new(article: Article) -> Annotated {
        Annotated {
            article,
            sentences: Vec::new(),
            entities: Vec::new(),
            times: Vec::new(),
            quantities: Vec::new(),
            quotes: Vec::new(),
            claims: Vec::new(),
            references: Vec::new(),
        }
    }

    /// The text of a sentence.
    pub fn sentence_text(&self, sentence: &Sentence) -> &str {
        self.article
            .text
            .get(sentence.range.clone())
            .unwrap_or_default()
    }
}

/// One sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Where it is in the article text, without surrounding whitespace.
    pub range: Range<usize>,
    /// Index of its paragraph, from 0.
    pub paragraph: usize,
}

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A person.
    Person,
    /// An organisation, including governments and ministries ("the Kremlin", "the ministry").
    Organization,
    /// A place: country, city, region.
    Place,
    /// A nationality or group ("Russians", "separatists").
    Group,
}

/// One thing in the world the article talks about, with every mention of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// What it is.
    pub kind: EntityKind,
    /// Its fullest name in the article ("Jane Doe" rather than "Doe").
    pub name: String,
    /// Its mentions, in text order.
    pub mentions: Vec<Mention>,
    /// The country it is, belongs to or speaks for, as an ISO 3166-1 alpha-3 code ("RUS" for
    /// Russia, "the Kremlin", "Russians" and a person titled "Russian President"), when the
    /// gazetteer knows it; `None` for countries the gazetteer does not know.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// A person's role title as the article gives it, lowercased ("prime minister"), when it
    /// gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// One mention of an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Where it is.
    pub range: Range<usize>,
    /// Whether it names the entity ("Doe") or describes its role ("the minister").
    pub by_role: bool,
}

/// The TIMEX3 type of a time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimeKind {
    /// A calendar date or period ("December 30", "mid-January", "next month").
    Date,
    /// A time of day ("3:35 p.m.").
    Time,
    /// A length of time ("50-minute").
    Duration,
    /// A recurrence ("every week").
    Set,
}

/// A TIMEX3 date value as a reader reads it: an ISO week ("2026-W11") as the week of its
/// Monday ("week of 2026-03-09"), a weekend ("2026-W11-WE") as the weekend of its Saturday, each
/// side of a range ("a/b", read "a to b") alike; other values (days, months, years) stay as they are, already
/// readable. The JSON keeps the value itself.
pub fn readable_date(value: &str) -> String {
    if let Some((start, end)) = value.split_once('/') {
        return format!("{} to {}", readable_date(start), readable_date(end));
    }
    let week_day = |year: &str, week: &str, day: chrono::Weekday| {
        let year: i32 = year.parse().ok()?;
        let week: u32 = week.parse().ok()?;
        chrono::NaiveDate::from_isoywd_opt(year, week, day)
    };
    let (weekend, week_value) = match value.strip_suffix("-WE") {
        Some(week_value) => (true, week_value),
        None => (false, value),
    };
    let Some((year, week)) = week_value.split_once("-W") else {
        return value.to_string();
    };
    match (weekend, week_day(year, week, chrono::Weekday::Mon)) {
        (false, Some(monday)) => format!("week of {monday}"),
        (true, Some(_)) => week_day(year, week, chrono::Weekday::Sat).map_or_else(
            || value.to_string(),
            |saturday| format!("weekend of {saturday}"),
        ),
        (_, None) => value.to_string(),
    }
}

/// A time expression with its normalized value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeExpression {
    /// Where it is.
    pub range: Range<usize>,
    /// TIMEX3 type.
    pub kind: TimeKind,
    /// TIMEX3 value (`2021-12-30`, `2022-01`, `PT50M`, `PRESENT_REF`); relative to an unknown
    /// anchor when the article has no date (`XXXX-XX-XX`, `XXXX-03-05`).
    pub value: String,
    /// TIMEX3 `mod`: where in the period or how exactly ("mid-January" is `2022-01` with
    /// [`TimeModifier::Mid`]), as TimeML keeps it apart from the value.
    pub modifier: Option<TimeModifier>,
}

/// The TIMEX3 `mod` attribute of a time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TimeModifier {
    /// The beginning of the period ("early March").
    Start,
    /// The middle of the period ("mid-January").
    Mid,
    /// The end of the period ("late 2021", "the end of the year").
    End,
    /// Approximately ("around noon", "a week or so ago").
    Approx,
    /// Less than ("less than an hour", "nearly three years").
    LessThan,
    /// More than ("more than four hours", "over a week").
    MoreThan,
    /// At most ("up to 180 days", "no more than sixty days").
    EqualOrLess,
    /// At least ("at least 72 hours").
    EqualOrMore,
}

/// A number with what it counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// Where it is, hedge and counted noun included.
    pub range: Range<usize>,
    /// The value, or the low end of a range.
    pub value: f64,
    /// The high end of a range.
    pub upper: Option<f64>,
    /// A hedge as written: "about", "up to", "more than".
    pub hedge: Option<String>,
    /// A unit or currency.
    pub unit: Option<String>,
    /// The noun counted ("troops").
    pub counted: Option<String>,
}

impl Quantity {
    /// Whether it is a sum of money: its unit is a currency.
    pub fn is_money(&self) -> bool {
        self.unit.as_deref().is_some_and(is_currency)
    }
}

/// Whether `unit`, a [`Quantity::unit`], is a currency.
pub fn is_currency(unit: &str) -> bool {
    matches!(
        unit,
        "USD" | "EUR" | "GBP" | "JPY" | "RUB" | "CNY" | "INR" | "currency"
    )
}

/// Whether a quote is verbatim or reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Within quotation marks.
    Direct,
    /// Reported speech: "X said that …", "according to X".
    Indirect,
}

/// Something a source is reported to have said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Verbatim or reported.
    pub kind: QuoteKind,
    /// What was said; for a direct quote, the quotation marks included.
    pub content: Range<usize>,
    /// Further pieces of the same content, in text order, when the attribution interrupts it
    /// ("“We lost,” she said, “and we know why.”") or the quote goes on in the next sentence;
    /// empty when the content is one piece.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub continuation: Vec<Range<usize>>,
    /// The cue ("said", "warned", "according to").
    pub cue: Option<Range<usize>>,
    /// The speaker: as written at the quote, or, when the quote names its speaker by a pronoun
    /// that was resolved, the earlier mention of the name the pronoun stands for.
    pub speaker: Option<Range<usize>>,
    /// The pronoun written at the quote ("he added"; "who" in "Ortiz, who said …") when
    /// `speaker` holds the name it was resolved to; `None` when `speaker` is written at the
    /// quote. A pronoun that could not be resolved stays in `speaker`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_pronoun: Option<Range<usize>>,
    /// Index into [`Annotated::entities`] of the speaker, when resolved.
    pub speaker_entity: Option<usize>,
    /// Whether the speaker is unnamed ("a senior official").
    pub anonymous: bool,
}

/// A pronoun and the entity it stands for: "He" of "He voted against the bill." and Jane Doe,
/// the subject of the sentences before.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    /// The pronoun as written.
    pub pronoun: Range<usize>,
    /// Index into [`Annotated::entities`].
    pub entity: usize,
}

/// Words that end the head of a speaker phrase when they follow its first word: prepositions
/// and relative pronouns.
const SPEAKER_HEAD_ENDS: &[&str] = &[
    "of", "for", "at", "from", "in", "on", "with", "to", "by", "about", "who", "whose", "which",
];

/// Relative pronouns that open a clause about the head of a speaker phrase.
const RELATIVE_PRONOUNS: &[&str] = &["who", "whose", "which"];

/// The length in bytes of the head of `phrase`, a speaker phrase as [`Quote::speaker`] holds
/// it: the words before the first comma or parenthesis (an apposition) and before a
/// preposition or relative pronoun ("Senator Jane Doe" of "Senator Jane Doe of Ohio, the top
/// Democrat on the panel,"; "Senators" of "Senators who pushed the bill"), without the
/// spaces after them; the whole phrase when it has none of them.
pub fn speaker_head_len(phrase: &str) -> usize {
    let before_apposition = &phrase[..phrase.find([',', '(']).unwrap_or(phrase.len())];
    let end = offset_of_later_word(before_apposition, SPEAKER_HEAD_ENDS)
        .unwrap_or(before_apposition.len());
    before_apposition[..end].trim_end().len()
}

/// The byte offset in a speaker phrase of the relative pronoun that opens a clause about its
/// head ("Senators who …"), or of a participle set off by a comma ("the campaign, responding
/// to …"), if any: what such a clause says the speaker did does not tell who speaks.
pub fn speaker_relative_clause_start(phrase: &str) -> Option<usize> {
    let relative = offset_of_later_word(phrase, RELATIVE_PRONOUNS);
    let participle = phrase
        .match_indices(", ")
        .map(|(at, _)| at + 2)
        .find(|&start| {
            let word = phrase[start..].split([' ', ',']).next().unwrap_or_default();
            word.len() > 5
                && word.ends_with("ing")
                && word.bytes().all(|byte| byte.is_ascii_lowercase())
        });
    match (relative, participle) {
        (Some(relative), Some(participle)) => Some(relative.min(participle)),
        (relative, participle) => relative.or(participle),
    }
}

/// The mentions of `entities` that overlap `range`, each with its entity's index.
pub fn mentions_within(
    entities: &[Entity],
    range: Range<usize>,
) -> impl Iterator<Item = (&Mention, usize)> {
    entities
        .iter()
        .enumerate()
        .flat_map(move |(entity_idx, entity)| {
            let range = range.clone();
            entity
                .mentions
                .iter()
                .filter(move |mention| {
                    mention.range.start < range.end && range.start < mention.range.end
                })
                .map(move |mention| (mention, entity_idx))
        })
}

/// The two entities (indexes into `entities`) that the speaker phrase at `speaker` in `text`
/// names when it ends in two names of different entities joined by "and" ("Ana Ruiz and Tomas
/// Berg", "Velmar and Ostrava", also closing an apposition: "the port's unions, the Velmar
/// Guild and the Ostrava Guild,"): the earlier one first. `None` for one name holding an "and"
/// ("the Department of Health and Human Services") and for any other phrase. Such a pair
/// speaks together, for neither alone.
pub fn speaker_pair(text: &str, entities: &[Entity], speaker: &Range<usize>) -> Option<[usize; 2]> {
    let (pair, last_end) = joined_names(text, entities, speaker)?;
    let closes = text.get(last_end..speaker.end).is_some_and(|rest| {
        rest.trim_matches(|c: char| c.is_whitespace() || c == '.' || c == ',')
            .is_empty()
    });
    closes.then_some(pair)
}

/// The last two names of different entities in the speaker phrase at `speaker`, when "and"
/// joins them ([`joins_two_names`]), wherever they stand in it ("U.S. and Velmari officials",
/// "Velmar and Ostrava likewise"), with where the second ends: the countries such a phrase
/// speaks for are both names'.
pub fn joined_names(
    text: &str,
    entities: &[Entity],
    speaker: &Range<usize>,
) -> Option<([usize; 2], usize)> {
    let mentions: Vec<(&Range<usize>, usize)> = mentions_within(entities, speaker.clone())
        .map(|(mention, entity_idx)| (&mention.range, entity_idx))
        .collect();
    let &(last, last_entity) = mentions.iter().max_by_key(|(range, _)| range.end)?;
    let (_, first_entity) = mentions.iter().find(|(range, entity_idx)| {
        *entity_idx != last_entity && text.get(range.end..last.start).is_some_and(joins_two_names)
    })?;
    Some(([*first_entity, last_entity], last.end))
}

/// Whether `between`, the text between two names, joins them as a pair: "and", "&", with a
/// serial comma or an article before the second name ("Ana Ruiz and the Velmar Guild").
pub fn joins_two_names(between: &str) -> bool {
    let between = between.trim();
    let between = between.strip_prefix(',').unwrap_or(between).trim_start();
    let between = between.strip_suffix(" the").unwrap_or(between);
    matches!(between, "and" | "&")
}

/// Whether `text` is a politician's party tag as US outlets write it after the name, alone or
/// with the state: "D", "R-Ky.", "I-Vt.", "D-N.Y.", "D., Calif.".
pub fn is_party_tag(text: &str) -> bool {
    let Some(rest) = text
        .strip_prefix(['D', 'R', 'I'])
        .map(|rest| rest.trim_start_matches(['.', ',', '-', '\u{2013}', ' ']))
    else {
        return false;
    };
    if rest.is_empty() {
        return true;
    }
    // The party and the state are apart: "DHS" is an acronym, not a tag.
    let separated = text[1..].starts_with(['-', '\u{2013}', '.', ',', ' ']);
    separated
        && rest.len() <= 12
        && rest.starts_with(|c: char| c.is_uppercase())
        && rest
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | ' ' | ','))
}

/// The names of the weekdays, in lowercase, Monday first.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The names of the months, in lowercase, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Whether `word` (in lowercase) counts or quantifies what follows it ("some", "several",
/// "two", "dozens"): a phrase it opens describes people by how many they are, it names no one.
pub fn is_quantifier(word: &str) -> bool {
    const QUANTIFIERS: &[&str] = &[
        "some",
        "many",
        "several",
        "most",
        "both",
        "all",
        "each",
        "every",
        "another",
        "other",
        "few",
        "none",
        "neither",
        "either",
        "half",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "dozens",
        "hundreds",
        "thousands",
    ];
    QUANTIFIERS.contains(&word)
}

/// The byte offset of the first word of `phrase` after its first that is one of `words`.
fn offset_of_later_word(phrase: &str, words: &[&str]) -> Option<usize> {
    let mut offset = 0;
    for word in phrase.split(' ') {
        if offset > 0 && words.contains(&word) {
            return Some(offset);
        }
        offset += word.len() + 1;
    }
    None
}

/// Whose voice a claim is in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Attribution {
    /// The article's own voice.
    Own,
    /// Attributed to a source: index into [`Annotated::quotes`].
    Quoted {
        /// The quote the claim comes from.
        quote: usize,
    },
    /// Hearsay without a named source ("reportedly", "it is said").
    Reported,
}

/// Whether a claim is asserted, denied or hedged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    /// Stated as fact.
    Asserted,
    /// Stated as untrue ("denies", "did not").
    Negated,
    /// Stated with doubt ("may", "little evidence").
    Hedged,
}

/// A small structured statement from one sentence: who did what to whom, when, how many.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// Index into [`Annotated::sentences`].
    pub sentence: usize,
    /// The actor: index into [`Annotated::entities`].
    pub subject: Option<usize>,
    /// The verb phrase.
    pub predicate: Range<usize>,
    /// What is acted upon.
    pub object: Option<Range<usize>>,
    /// Index into [`Annotated::times`].
    pub time: Option<usize>,
    /// Index into [`Annotated::quantities`].
    pub quantity: Option<usize>,
    /// Whose voice.
    pub attribution: Attribution,
    /// Asserted, negated or hedged.
    pub polarity: Polarity,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_names_joined_by_and_are_a_pair_also_closing_an_apposition() {
        let entity = |name: &str, text: &str| {
            let start = text.find(name).expect("the name is in the text");
            Entity {
                kind: EntityKind::Organization,
                name: name.to_string(),
                mentions: vec![Mention {
                    range: start..start + name.len(),
                    by_role: false,
                }],
                country: None,
                role: None,
            }
        };
        let pair = |text: &str, phrase: &str| {
            let entities = [entity("Velmar Guild", text), entity("Ostrava Guild", text)];
            let start = text.find(phrase).expect("the phrase is in the text");
            speaker_pair(text, &entities, &(start..start + phrase.len()))
        };
        let text = "The unions, the Velmar Guild and the Ostrava Guild, have condemned it.";
        assert_eq!(
            pair(text, "The unions, the Velmar Guild and the Ostrava Guild,"),
            Some([0, 1])
        );
        let text = "Velmar Guild & Ostrava Guild said so.";
        assert_eq!(pair(text, "Velmar Guild & Ostrava Guild"), Some([0, 1]));
        // The second name qualifies a noun that closes the phrase: no pair of speakers.
        let text = "Velmar Guild and Ostrava Guild officials said so.";
        assert_eq!(pair(text, "Velmar Guild and Ostrava Guild officials"), None);
        assert!(joins_two_names(" , and the "));
        assert!(!joins_two_names(" the "));
        assert!(!joins_two_names(" or "));
    }

    #[test]
    fn weeks_read_as_the_dates_they_start_on() {
        assert_eq!(readable_date("2019-W03"), "week of 2019-01-14");
        assert_eq!(readable_date("2019-W03-WE"), "weekend of 2019-01-19");
        assert_eq!(
            readable_date("2019-W03/2019-W04"),
            "week of 2019-01-14 to week of 2019-01-21"
        );
        for kept in [
            "2019-01-19",
            "2019-01",
            "2019",
            "2019-Q1",
            "2019-W99",
            "XXXX-WXX",
        ] {
            assert_eq!(readable_date(kept), kept);
        }
    }

    #[test]
    fn a_speaker_phrase_has_its_head_and_where_a_clause_about_it_starts() {
        let phrase = "Senator Ilse Marrow of Ohio, the top Democrat on the panel,";
        assert_eq!(&phrase[..speaker_head_len(phrase)], "Senator Ilse Marrow");
        let relative = "Senators who pushed the bill";
        assert_eq!(speaker_relative_clause_start(relative), Some(9));
        // A participle set off by a comma says what the speaker did, not who it is.
        let participle = "the mayor's office, responding to the union, in a statement";
        assert_eq!(
            speaker_relative_clause_start(participle).map(|start| &participle[..start]),
            Some("the mayor's office, ")
        );
        assert_eq!(speaker_relative_clause_start("Ana Ruiz, the mayor"), None);
    }
}
