//! Disputes: the same slot filled differently across sources: numbers (here), lengths of
//! meetings ([`durations`]), dates ([`dates`]), agents ([`agents`]) and statements some sources
//! make and others deny or doubt ([`assertions`]). A number or agent slot that two or more
//! independent sources fill alike, with no value against another, is an agreed fact: the other
//! face of the same comparison; so is a timeline event sources date alike ([`dates`]).
//!
//! Every quantity that counts something ("4,000 workers", "60,000 to 90,000 troops") becomes an
//! interval: a range as given, a hedged number widened by its hedge ("about" ±7%, "more than"
//! open above, "fewer than" open below), a bare number as itself. Two quantities of different
//! sources fill the same slot when their sentences share context, measured as the IDF-weighted
//! overlap of their content words without numbers: words most articles of the story use ("port",
//! "strike") weigh almost nothing, so the context that counts is what sets one event apart from
//! another ("detained", "picket"). Quantities counting the same noun need only some shared
//! context; quantities counting different nouns need much more ("11 people" and "30 dockers"
//! detained at the same picket), and so do counts of one noun more than three times apart
//! ("10 Democrats who gathered", "support from 33 Democrats"). Counts whose sentences give dates
//! that cannot be the same ("on Monday", "on Tuesday") are of different events and fill no slot
//! together, and a count whose sentence is dated long before the article ("In 2010, she lost 43
//! votes") or that runs over a long stretch up to now ("over the past six years") is background,
//! apart from the news. Figures a sentence supposes, asks about or names
//! as a threshold ("the 60 votes needed") count nothing, and the price of a thing ("a $43,000
//! watch") is no sum spent or given. A slot is disputed when two of its values cannot both be true, that is when their
//! intervals do not overlap; values whose intervals overlap are shown as compatible, not as
//! conflicting.

mod agents;
mod assertions;
mod dates;
mod durations;
mod gist;

use crate::Config;
use crate::consensus::{independent_sources, n_independent};
use crate::matching::Matches;
use gist::gist;
use parallax_model::{
    AgreedFact, AgreedValue, Citation, Dispute, DisputeKind, DisputeSide, Quantity, Span, Story,
    TimelineEvent,
};
use parallax_text::Terms;
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

struct Mention<'a> {
    source: usize,
    article_idx: usize,
    quantity: &'a Quantity,
    sentence: std::ops::Range<usize>,
    /// The counted noun's stem, or the unit.
    slot: String,
    /// Content terms of the sentence, without numbers and the slot, as ids of [`Contexts`],
    /// sorted.
    context: Vec<u32>,
    interval: (f64, f64),
    /// The calendar dates its sentence gives (TIMEX3 values).
    dates: Vec<&'a str>,
    /// Whether every date its sentence gives ends long before the article was published ("In
    /// 2010, she lost 43 votes"), or it counts over a long stretch up to now ("lost nearly 60
    /// seats over the past six years"): a figure of the background, not of the news.
    background: bool,
    /// What its sentence tells befell those counted: killed, hurt, shot, held, … (a set of
    /// [`Fate`]s).
    fates: u8,
    /// Whether it counts people ([`counts_people`]), read once: every pair of mentions asks.
    counts_people: bool,
    /// Whether it is the size of a group a part is counted out of ([`is_whole_of_a_part`]).
    whole_of_a_part: bool,
    /// Whether it names what it measures: a counted noun ("4,000 workers"), a physical unit
    /// ("12,000 hectares"), or the thing a change in per cent is of ("the lodra rose 1.2%").
    names_what_it_measures: bool,
    /// Who did to those counted what befell them, named right before its verb ("Velmar freed
    /// 12 people": "velmar"), lowercase.
    actor: Option<String>,
    /// The names qualifying the counted noun ("14 Ostravan pilots": "ostravan"), lowercase.
    group: Option<String>,
}

/// What a count of people may tell befell them. Counts of one noun ("four people", "six people")
/// with different fates are different counts, not a dispute: those shot are not all the injured,
/// the arrested not the dead.
#[derive(Clone, Copy)]
enum Fate {
    Killed = 1,
    Hurt = 1 << 1,
    Shot = 1 << 2,
    Held = 1 << 3,
    Displaced = 1 << 4,
    Missing = 1 << 5,
    Rescued = 1 << 6,
    Freed = 1 << 7,
}

/// Words telling a [`Fate`], lowercase.
const FATE_WORDS: &[(&str, Fate)] = &[
    ("killed", Fate::Killed),
    ("killing", Fate::Killed),
    ("kills", Fate::Killed),
    ("dead", Fate::Killed),
    ("died", Fate::Killed),
    ("death", Fate::Killed),
    ("deaths", Fate::Killed),
    ("fatalities", Fate::Killed),
    ("injured", Fate::Hurt),
    ("injuring", Fate::Hurt),
    ("injuries", Fate::Hurt),
    ("wounded", Fate::Hurt),
    ("hurt", Fate::Hurt),
    ("hospitalized", Fate::Hurt),
    ("hospitalised", Fate::Hurt),
    ("shot", Fate::Shot),
    ("struck", Fate::Shot),
    ("striking", Fate::Shot),
    ("gunfire", Fate::Shot),
    ("arrested", Fate::Held),
    ("arrests", Fate::Held),
    ("detained", Fate::Held),
    ("custody", Fate::Held),
    ("jailed", Fate::Held),
    ("evacuated", Fate::Displaced),
    ("displaced", Fate::Displaced),
    ("homeless", Fate::Displaced),
    ("missing", Fate::Missing),
    ("unaccounted", Fate::Missing),
    ("rescued", Fate::Rescued),
    ("survivors", Fate::Rescued),
    ("freed", Fate::Freed),
    ("frees", Fate::Freed),
    ("freeing", Fate::Freed),
    ("released", Fate::Freed),
    ("releases", Fate::Freed),
    ("releasing", Fate::Freed),
    ("freedom", Fate::Freed),
];

/// Every [`Fate`], in the order of their bits.
const FATES: [Fate; 8] = [
    Fate::Killed,
    Fate::Hurt,
    Fate::Shot,
    Fate::Held,
    Fate::Displaced,
    Fate::Missing,
    Fate::Rescued,
    Fate::Freed,
];

/// How a slot names the fate of `bit`: "when Ana Ruiz was freed".
fn fate_participle(bit: u8) -> &'static str {
    match FATES.iter().find(|&&fate| fate as u8 == bit) {
        Some(Fate::Killed) => "killed",
        Some(Fate::Hurt) => "hurt",
        Some(Fate::Shot) => "shot",
        Some(Fate::Held) => "detained",
        Some(Fate::Displaced) => "displaced",
        Some(Fate::Missing) => "missing",
        Some(Fate::Rescued) => "rescued",
        Some(Fate::Freed) | None => "freed",
    }
}

/// The [`Fate`]s the words of `sentence` tell, as a set; "lost their lives" tells a death too.
fn fates(sentence: &str) -> u8 {
    fates_at(sentence)
        .into_iter()
        .fold(0, |set, (_, fate)| set | fate)
}

/// Each word of `sentence` that tells a [`Fate`], as its byte offset and the fate's bit.
fn fates_at(sentence: &str) -> Vec<(usize, u8)> {
    let words: Vec<(usize, String)> = sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| {
            let offset = word.as_ptr() as usize - sentence.as_ptr() as usize;
            (offset, word.to_lowercase())
        })
        .collect();
    words
        .iter()
        .enumerate()
        .filter_map(|(at, (offset, word))| {
            let lives_lost = word == "lives"
                && at >= 2
                && matches!(words[at - 2].1.as_str(), "lost" | "lose" | "losing");
            if lives_lost {
                return Some((*offset, Fate::Killed as u8));
            }
            FATE_WORDS
                .iter()
                .find(|(fate_word, _)| fate_word == word)
                .map(|&(_, fate)| (*offset, fate as u8))
        })
        .collect()
}

/// The slot of a count with no counted noun in a sentence telling a [`Fate`]: the people it
/// befell.
const PEOPLE: &str = "people";

/// Nouns counting people, lowercase plurals: a count of any of them, or of nothing named in a
/// sentence telling a [`Fate`], counts people.
const PEOPLE_NOUNS: &[&str] = &[
    "people",
    "persons",
    "workers",
    "employees",
    "labourers",
    "laborers",
    "miners",
    "civilians",
    "residents",
    "victims",
    "passengers",
    "children",
    "adults",
    "men",
    "women",
    "students",
    "soldiers",
    "troops",
    "officers",
    "firefighters",
    "protesters",
    "demonstrators",
    "migrants",
    "patients",
    "pilgrims",
    "fishermen",
    "crew",
    "staff",
    "citizens",
    "nationals",
    "compatriots",
    "prisoners",
    "detainees",
    "hostages",
    "inmates",
    "captives",
    "refugees",
    "journalists",
];

/// Counted nouns that news uses for one thing, with the one the slot goes by: "140 homes" and
/// "60 houses" destroyed are one count. (Not "aircraft" and "planes": "all four planes" of one
/// base and "14 aircraft" fighting a fire are two counts, and "aircraft" is the wider word.)
const SAME_THINGS: &[(&str, &str)] = &[
    ("houses", "homes"),
    ("house", "homes"),
    ("home", "homes"),
    ("dwellings", "homes"),
    ("residences", "homes"),
];

/// The noun a count of `counted` is slotted by ([`SAME_THINGS`]).
fn same_thing(counted: &str) -> &str {
    let lower = counted.to_lowercase();
    SAME_THINGS
        .iter()
        .find(|(noun, _)| *noun == lower)
        .map_or(counted, |(_, slot)| slot)
}

/// Whether `quantity` counts people: no unit, and a counted noun of [`PEOPLE_NOUNS`] or none.
fn counts_people(quantity: &Quantity) -> bool {
    quantity.unit.is_none()
        && quantity
            .counted
            .as_deref()
            .is_none_or(|noun| PEOPLE_NOUNS.contains(&noun.to_lowercase().as_str()))
}

/// The IDF of the terms of the mentions' contexts, by id. Ids follow the terms' spelling, so
/// that weights add up in the same order as over sorted strings.
struct Contexts {
    idf: Vec<f64>,
}

/// What the sources give for each slot they share: the slots they fill differently and the ones
/// they fill alike.
/// The value of an assertion dispute's side that states the statement (the others deny or doubt
/// it).
pub(crate) const ASSERTED: &str = "asserted";

pub(crate) struct Slots {
    /// Most sources first.
    pub(crate) disputes: Vec<Dispute>,
    /// Most independent sources first.
    pub(crate) agreed: Vec<AgreedFact>,
}

/// How one slot is filled across sources.
enum Verdict {
    Disputed(Dispute),
    Agreed(AgreedFact),
}

/// The disputes of `story` of every kind, the ones most sources take part in first.
pub fn disputes(story: &Story, config: &Config) -> Vec<Dispute> {
    slots(story, config).disputes
}

/// The facts two or more independent sources of `story` give alike, the most widely given
/// first.
pub fn agreed_facts(story: &Story, config: &Config) -> Vec<AgreedFact> {
    slots(story, config).agreed
}

fn slots(story: &Story, config: &Config) -> Slots {
    let matches = Matches::new(story, config);
    let matched_events = crate::timeline::matched_events(story, &matches);
    let timeline = crate::timeline::timeline_of(matched_events.clone());
    slots_from(story, &matches, &timeline, &matched_events, &mut |_| {})
}

/// [`disputes`] and [`agreed_facts`] from the story's timeline, already built; `lap` is called
/// after each kind (see [`crate::brief_with_laps`]).
pub(crate) fn slots_from(
    story: &Story,
    matches: &Matches,
    timeline: &[TimelineEvent],
    matched_events: &[TimelineEvent],
    lap: &mut dyn FnMut(&'static str),
) -> Slots {
    let independent = independent_sources(story);
    let mut verdicts = quantity_verdicts(story, matches, &independent);
    lap("disputes: quantities");
    verdicts.extend(agents::agent_verdicts(story, &independent));
    lap("disputes: agents");
    let (mut disputes, mut agreed) = partition(verdicts);
    disputes.extend(dates::date_disputes(story, timeline));
    // A day sources are shown to dispute is no day they agree on, though the sentences of one
    // side match.
    let date_disputed: Vec<&Citation> = disputes
        .iter()
        .filter(|dispute| dispute.kind == DisputeKind::Date)
        .flat_map(|dispute| &dispute.sides)
        .flat_map(|side| &side.citations)
        .collect();
    agreed.extend(
        dates::date_agreements(story, matched_events, &independent)
            .into_iter()
            .filter(|fact| {
                !fact
                    .values
                    .iter()
                    .flat_map(|value| &value.citations)
                    .any(|citation| {
                        date_disputed.iter().any(|disputed| {
                            disputed.source == citation.source
                                && disputed.span.start == citation.span.start
                        })
                    })
            }),
    );
    lap("disputes: dates");
    let assertion_disputes = assertions::assertion_disputes(story, &|term| matches.idf_of(term));
    let mut agreed = without_contesting_sentences(agreed, &assertion_disputes, &independent);
    disputes.extend(assertion_disputes);
    lap("disputes: assertions");
    disputes.sort_by(|a, b| {
        n_sources(b).cmp(&n_sources(a)).then_with(|| {
            earliest(a.sides.iter().flat_map(|side| &side.citations))
                .cmp(&earliest(b.sides.iter().flat_map(|side| &side.citations)))
        })
    });
    agreed.sort_by(|a, b| {
        b.n_independent.cmp(&a.n_independent).then_with(|| {
            earliest(a.values.iter().flat_map(|value| &value.citations)).cmp(&earliest(
                b.values.iter().flat_map(|value| &value.citations),
            ))
        })
    });
    Slots { disputes, agreed }
}

/// `agreed` without the sentences that deny or doubt a statement of an assertion dispute, as
/// givers of a number or an agent: "little evidence that Velmar pulled 2,000 soldiers from the
/// crossing" gives the figure, but does not agree that they were pulled back. A date
/// they give still counts: it most often times the denial itself ("said Thursday he has
/// doubts"). A fact left with fewer than two independent sources is no agreed fact.
fn without_contesting_sentences(
    agreed: Vec<AgreedFact>,
    assertion_disputes: &[Dispute],
    independent: &[usize],
) -> Vec<AgreedFact> {
    let contesting: Vec<&Citation> = assertion_disputes
        .iter()
        .flat_map(|dispute| &dispute.sides)
        .filter(|side| side.value != ASSERTED)
        .flat_map(|side| &side.citations)
        .collect();
    if contesting.is_empty() {
        return agreed;
    }
    agreed
        .into_iter()
        .filter_map(|mut fact| {
            if fact.kind == DisputeKind::Date {
                return Some(fact);
            }
            for value in &mut fact.values {
                value.citations.retain(|citation| {
                    !contesting.iter().any(|contested| {
                        contested.source == citation.source
                            && contested.span.start <= citation.span.start
                            && citation.span.end <= contested.span.end
                    })
                });
            }
            fact.values.retain(|value| !value.citations.is_empty());
            fact.n_independent = n_independent(
                independent,
                fact.values.iter().flat_map(|value| &value.citations),
            );
            (fact.n_independent >= 2).then_some(fact)
        })
        .collect()
}

/// The disputed slots and the agreed facts among `verdicts`, each in their order.
fn partition(verdicts: Vec<Verdict>) -> (Vec<Dispute>, Vec<AgreedFact>) {
    let mut disputes = Vec::new();
    let mut agreed = Vec::new();
    for verdict in verdicts {
        match verdict {
            Verdict::Disputed(dispute) => disputes.push(dispute),
            Verdict::Agreed(fact) => agreed.push(fact),
        }
    }
    (disputes, agreed)
}

/// The agreed fact of a slot whose `values` all hold together, when two or more independent
/// sources give it.
fn agreed(
    slot: String,
    kind: DisputeKind,
    values: Vec<AgreedValue>,
    independent: &[usize],
) -> Option<Verdict> {
    let n_independent = n_independent(
        independent,
        values.iter().flat_map(|value| &value.citations),
    );
    (n_independent >= 2).then_some(Verdict::Agreed(AgreedFact {
        slot,
        kind,
        n_independent,
        values,
    }))
}

/// The source and position of the earliest of `citations`, to order slots by where a reader
/// first meets them.
fn earliest<'a>(citations: impl Iterator<Item = &'a Citation>) -> (usize, usize) {
    citations
        .map(|citation| (citation.source, citation.span.start))
        .min()
        .unwrap_or((usize::MAX, 0))
}

/// Words that name a meeting or a round of talks: the events whose date and whose initiator
/// sources most often give differently. A general list, not tuned to any story.
const MEETING_WORDS: &[&str] = &[
    "meeting",
    "meetings",
    "meet",
    "talks",
    "session",
    "call",
    "conversation",
    "negotiations",
    "negotiation",
    "round",
    "summit",
    "consultations",
    "conference",
];

/// Words that announce a meeting without naming it ("the delegations return next week", "back
/// to the table"): enough to date the next meeting, not to name what an actor ended.
const SCHEDULING_WORDS: &[&str] = &[
    "table",
    "delegation",
    "delegations",
    "envoys",
    "resume",
    "reconvene",
];

/// Whether `word` (lowercase) names a meeting.
fn is_meeting_word(word: &str) -> bool {
    MEETING_WORDS.contains(&word)
}

/// Whether `word` (lowercase) names or announces a meeting.
fn is_scheduling_word(word: &str) -> bool {
    is_meeting_word(word) || SCHEDULING_WORDS.contains(&word)
}

/// The citation of the sentence at `range` of article `article_idx`.
fn sentence_citation(story: &Story, article_idx: usize, range: &Range<usize>) -> Citation {
    let article = &story.articles[article_idx].article;
    Citation {
        source: article_idx + 1,
        span: Span::new(article.id.clone(), range.start, range.end),
        text: article
            .text
            .get(range.clone())
            .unwrap_or_default()
            .to_string(),
    }
}

fn quantity_verdicts(story: &Story, matches: &Matches, independent: &[usize]) -> Vec<Verdict> {
    let lengths: Vec<Vec<Quantity>> = story
        .articles
        .iter()
        .map(durations::meeting_lengths)
        .collect();
    let (mentions, contexts) = mentions(story, matches, &lengths);

    // Each mention's unit as a number, so that the many pairs of different units are told
    // apart before anything else is compared.
    let mut units: Vec<Option<&str>> = Vec::new();
    let unit_ids: Vec<usize> = mentions
        .iter()
        .map(|mention| {
            let unit = mention.quantity.unit.as_deref();
            units
                .iter()
                .position(|known| *known == unit)
                .unwrap_or_else(|| {
                    units.push(unit);
                    units.len() - 1
                })
        })
        .collect();
    // Every pair that may fill one slot: pairs whose values can both be true first (sources
    // giving the same figure in like sentences most likely tell the same fact), then the
    // rest; most similar first within each.
    let mut pairs: Vec<(bool, f64, usize, usize)> = Vec::new();
    for (left_idx, left) in mentions.iter().enumerate() {
        for (right_idx, right) in mentions.iter().enumerate().skip(left_idx + 1) {
            if left.source != right.source
                && unit_ids[left_idx] == unit_ids[right_idx]
                && let Some(similarity) = slot_similarity(left, right, &contexts)
            {
                let compatible = overlap(left.interval, right.interval);
                pairs.push((compatible, similarity, left_idx, right_idx));
            }
        }
    }
    pairs.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.total_cmp(&a.1))
            .then((a.2, a.3).cmp(&(b.2, b.3)))
    });
    // Slots are merged in that order, and never into one that holds two values of one source
    // that cannot both be true: a source does not dispute itself, so its "10,000 troops
    // withdrawn" and "60,000 to 90,000 troops massed" are two slots, and the other sources'
    // figures go to the one they agree with or are most like. Plain single linkage chained
    // such slots into one.
    // Each slot is numbered by its first mention and holds its mentions; `slot_of` points a
    // mention to its slot.
    let mut members: Vec<Vec<usize>> = (0..mentions.len()).map(|idx| vec![idx]).collect();
    let mut slot_of: Vec<usize> = (0..mentions.len()).collect();
    for (_, _, left_idx, right_idx) in pairs {
        let (left_slot, right_slot) = (slot_of[left_idx], slot_of[right_idx]);
        if left_slot == right_slot {
            continue;
        }
        let conflicts_within_a_source = members[left_slot].iter().any(|&a| {
            members[right_slot].iter().any(|&b| {
                mentions[a].source == mentions[b].source
                    && !overlap(mentions[a].interval, mentions[b].interval)
            })
        });
        if conflicts_within_a_source {
            continue;
        }
        let (kept, merged) = (left_slot.min(right_slot), left_slot.max(right_slot));
        let moved = std::mem::take(&mut members[merged]);
        for &member in &moved {
            slot_of[member] = kept;
        }
        members[kept].extend(moved);
    }

    members
        .into_iter()
        .filter(|slot| !slot.is_empty())
        .filter_map(|mut slot| {
            slot.sort_unstable();
            verdict(story, &mentions, &slot, independent)
        })
        .collect()
}

fn n_sources(dispute: &Dispute) -> usize {
    dispute
        .sides
        .iter()
        .flat_map(|side| side.citations.iter().map(|citation| citation.source))
        .collect::<BTreeSet<_>>()
        .len()
}

/// The quantities of `story` that may be disputed, and the lengths of its meetings by article,
/// with their contexts from the terms of `matches`.
fn mentions<'a>(
    story: &'a Story,
    matches: &Matches,
    lengths: &'a [Vec<Quantity>],
) -> (Vec<Mention<'a>>, Contexts) {
    let mut mentions = Vec::new();
    // Contexts as ids of `matches` first; they are renumbered by spelling below.
    let mut context_terms: Vec<Vec<u32>> = Vec::new();
    for (article_idx, annotated) in story.articles.iter().enumerate() {
        let terms = Terms::new(annotated.article.language.as_deref());
        // The fates each sentence tells, read once a sentence: a sentence may hold thousands of
        // figures.
        let mut sentence_fates: HashMap<usize, u8> = HashMap::new();
        let article_lengths = lengths.get(article_idx).map_or(&[][..], Vec::as_slice);
        for quantity in annotated.quantities.iter().chain(article_lengths) {
            // "Two sides", "two people in the room": counts this small are rarely what sources
            // dispute, and words like these are everywhere; a small figure in a unit ("1.2%")
            // is a measure like any other.
            if quantity.value < 3.0 && quantity.upper.is_none() && quantity.unit.is_none() {
                continue;
            }
            // "The lodra rose 1.2%": a change in per cent is of the thing that changed.
            let changed = (quantity.counted.is_none()
                && quantity.unit.as_deref() == Some("percent"))
            .then(|| changed_subject(&annotated.article.text, &quantity.range))
            .flatten();
            let slot = match (&quantity.counted, &quantity.unit) {
                // Every meeting's length is one slot, whatever the meeting is called.
                (_, Some(unit)) if unit == durations::UNIT => Some(unit.clone()),
                (Some(counted), _) => terms.of(same_thing(counted)).into_iter().next(),
                (None, Some(unit)) => Some(match &changed {
                    Some(subject) => format!("{unit} of {subject}"),
                    None => unit.clone(),
                }),
                (None, None) => None,
            };
            let Some(sentence_idx) = annotated.sentences.iter().position(|sentence| {
                sentence.range.start <= quantity.range.start
                    && quantity.range.end <= sentence.range.end
            }) else {
                continue;
            };
            let sentence = &annotated.sentences[sentence_idx];
            let text = &annotated.article.text;
            let fates = *sentence_fates
                .entry(sentence_idx)
                .or_insert_with(|| fates(text.get(sentence.range.clone()).unwrap_or_default()));
            // A bare count in a sentence telling what befell people counts people ("the death
            // toll will end up between seven and nine").
            let Some(slot) = slot
                .or_else(|| (fates != 0 && quantity.unit.is_none()).then(|| PEOPLE.to_string()))
            else {
                continue;
            };
            // "cut its forecast to 0.9% from 1.4%": the figure a change started from is the
            // old one, no claim about the thing now.
            if is_former_value(text, &sentence.range, &quantity.range) {
                continue;
            }
            // A figure the sentence supposes or asks about, or names as a threshold ("60 votes
            // needed to end debate"), is no count of what happened.
            if supposes_or_asks(text.get(sentence.range.clone()).unwrap_or_default())
                || is_threshold(text, &sentence.range, &quantity.range)
            {
                continue;
            }
            let position = matches.sentence_position(article_idx, sentence_idx);
            context_terms.push(
                matches.sentences[position]
                    .terms
                    .iter()
                    .copied()
                    .filter(|&id| {
                        let term = matches.term(id);
                        !term.chars().any(|c| c.is_ascii_digit()) && term != slot
                    })
                    .collect(),
            );
            let dates: Vec<&str> = annotated
                .times
                .iter()
                .filter(|time| {
                    time.kind == parallax_model::TimeKind::Date
                        && sentence.range.start <= time.range.start
                        && time.range.end <= sentence.range.end
                        && crate::timeline::days(&time.value).is_some()
                })
                .map(|time| time.value.as_str())
                .collect();
            let dated_long_before = annotated.article.published.is_some_and(|published| {
                !dates.is_empty()
                    && dates.iter().all(|date| {
                        crate::timeline::days(date)
                            .is_some_and(|(_, end)| (published - end).num_days() > BACKGROUND_DAYS)
                    })
            });
            let over_a_long_past = annotated.times.iter().any(|time| {
                time.kind == parallax_model::TimeKind::Duration
                    && sentence.range.start <= time.range.start
                    && time.range.end <= sentence.range.end
                    && looks_back(text.get(time.range.clone()).unwrap_or_default())
                    && duration_days(&time.value).is_some_and(|days| days > BACKGROUND_DAYS)
                    && !in_a_later_relative_clause(text, &quantity.range, &time.range)
            });
            mentions.push(Mention {
                source: article_idx + 1,
                article_idx,
                quantity,
                sentence: sentence.range.clone(),
                slot,
                context: Vec::new(),
                interval: interval(quantity),
                dates,
                background: dated_long_before || over_a_long_past,
                fates,
                counts_people: counts_people(quantity),
                whole_of_a_part: is_whole_of_a_part(text, &sentence.range, &quantity.range),
                names_what_it_measures: quantity.counted.is_some()
                    || changed.is_some()
                    || quantity
                        .unit
                        .as_deref()
                        .is_some_and(|unit| PHYSICAL_UNITS.contains(&unit)),
                actor: acting_party(text, &sentence.range, &quantity.range),
                group: counted_group(text, quantity),
            });
        }
    }
    let mut used: Vec<u32> = context_terms.iter().flatten().copied().collect();
    used.sort_unstable_by(|a, b| matches.term(*a).cmp(matches.term(*b)));
    used.dedup();
    let mut renumbered: HashMap<u32, u32> = HashMap::new();
    for (new_id, &id) in used.iter().enumerate() {
        renumbered.insert(id, new_id as u32);
    }
    for (mention, terms) in mentions.iter_mut().zip(context_terms) {
        mention.context = terms.iter().map(|id| renumbered[id]).collect();
        mention.context.sort_unstable();
    }
    let contexts = Contexts {
        idf: used.iter().map(|&id| matches.idf[id as usize]).collect(),
    };
    (mentions, contexts)
}

/// Context similarity needed for quantities counting the same noun, and different nouns. Outlets
/// word the same count differently ("fewer than 1,500 workers have joined the so-called strike",
/// "about 4,000 workers have been on strike"), so within one story the counted noun is the strong
/// signal and any shared context word will do; across nouns the context must carry it (less of
/// it since a source's own conflicting values keep slots apart: 0.3 before, which missed a
/// disputed percentage worded differently by each source).
const SAME_NOUN_SIMILARITY: f64 = 0.02;
const OTHER_NOUN_SIMILARITY: f64 = 0.2;
/// Sources' figures for one count are most often of one order: two counts of the same noun
/// more than this many times apart need the context of [`FAR_APART_SIMILARITY`] to be one
/// slot ("10 Democrats who gathered" and "support from 33 Democrats" are two counts; police and
/// organisers counting one march share its words).
const FAR_APART_RATIO: f64 = 3.0;
const FAR_APART_SIMILARITY: f64 = 0.1;

/// Whether the text of a length looks back from now ("the past six years", "the last decade").
fn looks_back(expression: &str) -> bool {
    let lower = expression.to_lowercase();
    ["the past ", "the last ", "past ", "last "]
        .iter()
        .any(|opening| lower.starts_with(opening))
}

/// The days of a TIMEX3 length of years, months, weeks or days ("P6Y", "P2M"); an unknown
/// number of them ("PXY", "the past few years") counts as two.
fn duration_days(value: &str) -> Option<i64> {
    let amount = value.strip_prefix('P')?;
    let unit_days = match amount.chars().last()? {
        'Y' => 365,
        'M' => 30,
        'W' => 7,
        'D' => 1,
        _ => return None,
    };
    let count = &amount[..amount.len() - 1];
    let count: i64 = if count == "X" { 2 } else { count.parse().ok()? };
    Some(count * unit_days)
}

/// Days between a sentence's latest date and the article's publication past which the sentence
/// tells the background: half a year, well past the "last month" of a follow-up report.
const BACKGROUND_DAYS: i64 = 180;

/// How alike the contexts of two quantities are, when they are alike enough to fill one slot.
fn slot_similarity(left: &Mention<'_>, right: &Mention<'_>, contexts: &Contexts) -> Option<f64> {
    if left.quantity.unit != right.quantity.unit {
        return None;
    }
    // Counts whose sentences give dates that cannot be the same are of different events
    // ("4,000 joined on Monday", "6,000 joined on Tuesday"); a sentence with no date is apart
    // from none.
    let dated_apart = !left.dates.is_empty()
        && !right.dates.is_empty()
        && !left.dates.iter().any(|a| {
            right
                .dates
                .iter()
                .any(|b| crate::timeline::compatible(a, b))
        });
    // A sum with a counted noun is the price of one thing ("a $43,000 watch"), not an amount
    // given or spent ("$750,000 in campaign cash").
    if left.quantity.is_money()
        && left.quantity.counted.is_some() != right.quantity.counted.is_some()
    {
        return None;
    }
    // A figure of the background is compared only with another of the background whose date
    // may be the same: an undated figure of a news report is of the news.
    if dated_apart || left.background != right.background {
        return None;
    }
    if left.fates != 0 && right.fates != 0 && left.fates & right.fates == 0 {
        return None;
    }
    if !same_parties(left, right) {
        return None;
    }
    // The size of a group a part is counted out of ("five of the nine judges") may agree with
    // the same size, but parts of it counted elsewhere ("four judges dissented") dispute nothing.
    if (left.whole_of_a_part || right.whole_of_a_part)
        && (left.quantity.value, left.quantity.upper)
            != (right.quantity.value, right.quantity.upper)
    {
        return None;
    }
    // The IDF weight of the shared terms and of all terms, each added in the terms' order.
    let (mut shared, mut either) = (0.0, 0.0);
    let (mut i, mut j) = (0, 0);
    loop {
        let term = match (left.context.get(i), right.context.get(j)) {
            (Some(&a), Some(&b)) if a == b => {
                shared += contexts.idf[a as usize];
                i += 1;
                j += 1;
                a
            }
            (Some(&a), Some(&b)) if a < b => {
                i += 1;
                a
            }
            (Some(&a), None) => {
                i += 1;
                a
            }
            (_, Some(&b)) => {
                j += 1;
                b
            }
            (None, None) => break,
        };
        either += contexts.idf[term as usize];
    }
    let similarity = if either == 0.0 { 0.0 } else { shared / either };
    // A unit alone ("percent", a sum) says little about what is measured, so the context
    // must; an area, a mass, a volume or a power says what it measures ("12,000 hectares"
    // burned and "fewer than 6,000 hectares" burned), and so does the thing a change in per
    // cent is of.
    let counted = left.names_what_it_measures && right.names_what_it_measures;
    // Counts of people something befell alike are counts of one thing, whatever the people
    // are called ("killing seven people", "at least 12 workers were killed").
    let one_fate_of_people =
        left.fates & right.fates != 0 && left.counts_people && right.counts_people;
    let needed = if (counted && left.slot == right.slot) || one_fate_of_people {
        if far_apart(left.quantity, right.quantity) {
            FAR_APART_SIMILARITY
        } else {
            SAME_NOUN_SIMILARITY
        }
    } else {
        OTHER_NOUN_SIMILARITY
    };
    (similarity >= needed).then_some(similarity)
}

/// Whether two counts may be of the same people: "Velmar freed 12 people" and "Ostrava freed 14"
/// are two counts, nor is a count of one party's people a count of what that party did to
/// others ("Ostrava freed 12" and "14 Ostravan pilots were freed"). Two groups named
/// differently are not told apart: "Kremlin officers" and "Russian officers" are one.
fn same_parties(left: &Mention<'_>, right: &Mention<'_>) -> bool {
    let differ = |a: &Option<String>, b: &Option<String>| {
        a.as_ref().zip(b.as_ref()).is_some_and(|(a, b)| a != b)
    };
    // "velmar" and "velmarian" name one party: the longer begins with most of the shorter.
    let one_party = |actor: &Option<String>, group: &Option<String>| {
        actor
            .as_ref()
            .zip(group.as_ref())
            .is_some_and(|(actor, group)| {
                let stem: String = actor
                    .chars()
                    .take(actor.chars().count().max(5) - 1)
                    .collect();
                stem.chars().count() >= 4 && group.starts_with(&stem)
            })
    };
    !differ(&left.actor, &right.actor)
        && !one_party(&left.actor, &right.group)
        && !one_party(&right.actor, &left.group)
}

/// Words that name no party before a verb: pronouns and determiners.
const NO_PARTY: &[&str] = &[
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "who",
    "which",
    "that",
    "this",
    "these",
    "those",
    "the",
    "a",
    "an",
    "and",
    "but",
    "also",
    "then",
    "reportedly",
];

/// The party named right before the verb of a [`Fate`] that comes right before the count at
/// `quantity`: "Velmar freed 12 people" → "velmar"; none for "it freed 12", "were freed", or a
/// verb that tells no fate.
fn acting_party(text: &str, sentence: &Range<usize>, quantity: &Range<usize>) -> Option<String> {
    let before = text.get(sentence.start..quantity.start)?;
    let mut words = before.split_whitespace().rev();
    let verb = words.next()?;
    let party = words.next()?;
    let verb_tells_a_fate = FATE_WORDS
        .iter()
        .any(|(fate_word, _)| verb.eq_ignore_ascii_case(fate_word));
    let party = party.trim_matches(|c: char| !c.is_alphanumeric());
    let capitalized = party.chars().next().is_some_and(char::is_uppercase);
    let lower = party.to_lowercase();
    (verb_tells_a_fate && capitalized && !NO_PARTY.contains(&lower.as_str())).then_some(lower)
}

/// The capitalized words between a count's number and its counted noun: "14 Ostravan pilots" →
/// "ostravan"; none for "Fourteen pilots".
fn counted_group(text: &str, quantity: &Quantity) -> Option<String> {
    quantity.counted.as_ref()?;
    let written = text.get(quantity.range.clone())?;
    let words: Vec<&str> = written.split_whitespace().collect();
    let inner = words.get(1..words.len().saturating_sub(1))?;
    let names: Vec<String> = inner
        .iter()
        .filter(|word| word.chars().next().is_some_and(char::is_uppercase))
        .map(|word| word.to_lowercase())
        .collect();
    (!names.is_empty()).then(|| names.join(" "))
}

/// Whether the figure at `quantity` is where a change started: right after "from", in a
/// clause that gives where it ended with "to" ("to 0.9% from 1.4%", "from 4.25% to 4.75%").
fn is_former_value(text: &str, sentence: &Range<usize>, quantity: &Range<usize>) -> bool {
    let Some(before) = text.get(sentence.start..quantity.start) else {
        return false;
    };
    let Some(after) = text.get(quantity.end..sentence.end) else {
        return false;
    };
    let words_before: Vec<&str> = before.split_whitespace().collect();
    let after_from = words_before
        .last()
        .is_some_and(|word| word.eq_ignore_ascii_case("from"));
    let to_before = words_before
        .iter()
        .rev()
        .skip(1)
        .take(4)
        .any(|word| word.eq_ignore_ascii_case("to"));
    let to_after = after
        .split_whitespace()
        .next()
        .is_some_and(|word| word.eq_ignore_ascii_case("to"));
    after_from && (to_before || to_after)
}

/// Verbs of a change a figure in per cent measures ("rose 1.2%", "fell by 3 per cent").
const CHANGE_VERBS: &[&str] = &[
    "rose",
    "fell",
    "jumped",
    "gained",
    "dropped",
    "climbed",
    "slipped",
    "surged",
    "declined",
    "lost",
    "increased",
    "decreased",
    "grew",
    "shrank",
    "rallied",
    "slumped",
    "tumbled",
    "soared",
    "plunged",
    "advanced",
    "weakened",
    "strengthened",
    "sank",
    "dipped",
];

/// The word for what changed by the figure at `range` of `text`: the subject right before a
/// verb of change right before it ("The lodra rose 1.2%", "the index fell by 3 per cent").
fn changed_subject(text: &str, range: &Range<usize>) -> Option<String> {
    let before = text.get(..range.start)?;
    let mut words = before
        .rsplit(|c: char| c.is_whitespace())
        .filter(|word| !word.is_empty())
        .map(|word| {
            word.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        });
    let mut verb = words.next()?;
    if verb == "by" {
        verb = words.next()?;
    }
    if !CHANGE_VERBS.contains(&verb.as_str()) {
        return None;
    }
    let subject = words.next()?;
    (subject.len() > 2
        && subject.chars().all(char::is_alphabetic)
        && !matches!(
            subject.as_str(),
            "it" | "they" | "which" | "that" | "has" | "had" | "have" | "also" | "and"
        ))
    .then_some(subject)
}

/// Units of area, mass, volume and power, as the quantities annotator names them. Not lengths:
/// "8 miles south of the White House" and "seven miles southwest" of another place are
/// distances from different places.
const PHYSICAL_UNITS: &[&str] = &["ha", "km2", "mi2", "kg", "t", "barrel", "MW", "GW"];

/// Whether two counts are more than [`FAR_APART_RATIO`] times apart, each taken at its value
/// (the middle of a range).
fn far_apart(left: &Quantity, right: &Quantity) -> bool {
    let middle = |quantity: &Quantity| {
        quantity
            .upper
            .map_or(quantity.value, |upper| (quantity.value + upper) / 2.0)
    };
    let (a, b) = (middle(left), middle(right));
    let (low, high) = (a.min(b), a.max(b));
    low > 0.0 && high / low > FAR_APART_RATIO
}

/// Whether a sentence only supposes or asks what it says ("If the council votes no, …", "Have
/// you been debating coins?", "Could anyone win 60 votes?"): it states nothing, so it neither
/// contests another source's statement nor gives a figure of its own.
pub(crate) fn supposes_or_asks(sentence: &str) -> bool {
    let asks = sentence
        .trim_end_matches(|c: char| c.is_whitespace() || QUOTE_MARKS.contains(&c))
        .ends_with('?');
    supposes(sentence) || asks
}

const QUOTE_MARKS: &[char] = &['"', '\'', '\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}'];

/// Whether a sentence (or clause) opens by supposing: "If …", "Unless …", "But if …".
pub(crate) fn supposes(sentence: &str) -> bool {
    let opening = sentence
        .trim_start_matches(|c: char| c.is_whitespace() || QUOTE_MARKS.contains(&c))
        .to_lowercase();
    let words: Vec<&str> = opening.split_whitespace().take(2).collect();
    match words.as_slice() {
        [first, ..] if matches!(*first, "if" | "unless") => true,
        [first, second] => matches!(*first, "and" | "but" | "even" | "or") && *second == "if",
        _ => false,
    }
}

/// Whether the quantity at `quantity` of the sentence at `sentence` of `text` is named as a
/// threshold rather than counted: a word of need among the [`THRESHOLD_WORDS_BEFORE`] words before
/// it ("requires a supermajority of 60 votes") or the [`THRESHOLD_WORDS_AFTER`] after it ("the 41
/// votes necessary to …").
fn is_threshold(text: &str, sentence: &Range<usize>, quantity: &Range<usize>) -> bool {
    let is_need = |word: &str| {
        let word = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        NEED_WORDS.contains(&word.as_str())
    };
    let before = text.get(sentence.start..quantity.start).unwrap_or_default();
    let after = text.get(quantity.end..sentence.end).unwrap_or_default();
    before
        .split_whitespace()
        .rev()
        .take(THRESHOLD_WORDS_BEFORE)
        .any(is_need)
        || after
            .split_whitespace()
            .take(THRESHOLD_WORDS_AFTER)
            .any(is_need)
}

/// Whether `time` stands in a relative clause set off after the figure at `quantity` ("900,000
/// patients were copied, which is everyone treated in the last ten years"): it tells of what
/// the figure counts, not when it was counted.
fn in_a_later_relative_clause(text: &str, quantity: &Range<usize>, time: &Range<usize>) -> bool {
    quantity.end <= time.start
        && text
            .get(quantity.end..time.start)
            .is_some_and(|between| between.contains(", which ") || between.contains(", who "))
}

/// Whether the figure at `quantity` is the whole a part is counted out of ("three of the nine
/// judges", "most of the 40 crew", "two out of five members"): the size of a known group.
fn is_whole_of_a_part(text: &str, sentence: &Range<usize>, quantity: &Range<usize>) -> bool {
    const QUANTIFIERS: &[&str] = &[
        "all", "most", "some", "many", "several", "few", "none", "half", "each", "one", "two",
        "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    ];
    let before = text.get(sentence.start..quantity.start).unwrap_or_default();
    let mut words = before.split_whitespace().rev().map(|word| {
        word.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    let Some(mut word) = words.next() else {
        return false;
    };
    if matches!(
        word.as_str(),
        "the" | "its" | "their" | "our" | "his" | "her"
    ) {
        word = words.next().unwrap_or_default();
    }
    if word != "of" {
        return false;
    }
    let mut part = words.next().unwrap_or_default();
    if part == "out" {
        part = words.next().unwrap_or_default();
    }
    QUANTIFIERS.contains(&part.as_str())
        || part.chars().all(|c| c.is_ascii_digit()) && !part.is_empty()
}

/// Words that name what is needed or required, not what happened. A general list.
const NEED_WORDS: &[&str] = &[
    "need",
    "needs",
    "needed",
    "necessary",
    "require",
    "requires",
    "required",
    "requirement",
    "threshold",
    "minimum",
];
const THRESHOLD_WORDS_BEFORE: usize = 4;
const THRESHOLD_WORDS_AFTER: usize = 2;

/// The values a quantity allows, as a closed interval.
fn interval(quantity: &Quantity) -> (f64, f64) {
    let value = quantity.value;
    if let Some(upper) = quantity.upper {
        return (value.min(upper), value.max(upper));
    }
    match quantity.hedge.as_deref() {
        Some(
            "more than" | "over" | "above" | "at least" | "upwards of" | "well over" | "just over",
        ) => (value, f64::INFINITY),
        Some(
            "fewer than" | "less than" | "under" | "below" | "up to" | "at most" | "as many as"
            | "as much as" | "just under" | "as few as",
        ) => (0.0, value),
        // "About 100,000" and "60,000 to 90,000" are different claims; "about 4,000" and "3,000
        // to 5,000" are not. A narrow band keeps both true.
        Some(_) => (value * 0.93, value * 1.07),
        None => (value, value),
    }
}

fn overlap(a: (f64, f64), b: (f64, f64)) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}

/// How the sources fill one slot: disputed when two of its values cannot both be true, agreed
/// when two or more independent sources give values that all can; `None` for a slot of one
/// source.
fn verdict(
    story: &Story,
    mentions: &[Mention<'_>],
    members: &[usize],
    independent: &[usize],
) -> Option<Verdict> {
    // One side per distinct interval; the same value from several sources is one side.
    let mut sides: Vec<((f64, f64), Vec<usize>)> = Vec::new();
    for &member in members {
        let interval = mentions[member].interval;
        match sides.iter_mut().find(|(existing, _)| *existing == interval) {
            Some((_, side_members)) => side_members.push(member),
            None => sides.push((interval, vec![member])),
        }
    }
    let conflict = sides
        .iter()
        .enumerate()
        .any(|(idx, (a, _))| sides[idx + 1..].iter().any(|(b, _)| !overlap(*a, *b)));
    let n_sources: BTreeSet<usize> = members
        .iter()
        .map(|&member| mentions[member].source)
        .collect();
    if n_sources.len() < 2 {
        return None;
    }
    sides.sort_by(|a, b| a.0.0.total_cmp(&b.0.0).then(a.0.1.total_cmp(&b.0.1)));
    let intervals: Vec<(f64, f64)> = sides.iter().map(|(interval, _)| *interval).collect();
    let slot = members
        .iter()
        .find_map(|&member| {
            let quantity = mentions[member].quantity;
            quantity.counted.clone().or_else(|| quantity.unit.clone())
        })
        .unwrap_or_default();
    let value = |side_members: &[usize]| {
        let first = &mentions[side_members[0]];
        let text = &story.articles[first.article_idx].article.text;
        text.get(first.quantity.range.clone())
            .unwrap_or_default()
            .to_string()
    };
    let citations = |side_members: &[usize]| {
        side_members
            .iter()
            .map(|&member| citation(story, &mentions[member]))
            .collect::<Vec<_>>()
    };
    if !conflict {
        let values = sides
            .iter()
            .map(|(_, side_members)| AgreedValue {
                value: value(side_members),
                citations: citations(side_members),
            })
            .collect();
        return agreed(slot, DisputeKind::Quantity, values, independent);
    }
    Some(Verdict::Disputed(Dispute {
        slot,
        kind: DisputeKind::Quantity,
        sides: sides
            .iter()
            .enumerate()
            .map(|(idx, (interval, side_members))| DisputeSide {
                value: value(side_members),
                compatible_with: intervals
                    .iter()
                    .enumerate()
                    .filter(|(other, other_interval)| {
                        *other != idx && overlap(*interval, **other_interval)
                    })
                    .map(|(other, _)| other)
                    .collect(),
                citations: citations(side_members),
            })
            .collect(),
    }))
}

fn citation(story: &Story, mention: &Mention<'_>) -> Citation {
    sentence_citation(story, mention.article_idx, &mention.sentence)
}

pub(super) struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    pub(super) fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    pub(super) fn find(&mut self, mut node: usize) -> usize {
        while self.parent[node] != node {
            self.parent[node] = self.parent[self.parent[node]];
            node = self.parent[node];
        }
        node
    }

    pub(super) fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.parent[a.max(b)] = a.min(b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::{Annotated, Article, Origin, Sentence};

    /// A quantity by its surface form: (surface, value, upper, hedge, counted).
    type QuantitySpec<'a> = (&'a str, f64, Option<f64>, Option<&'a str>, &'a str);
    /// A side as the test expects it: (value, sources, compatible sides).
    type ExpectedSide<'a> = (&'a str, &'a [usize], &'a [usize]);
    /// A side as found.
    type FoundSide = (String, Vec<usize>, Vec<usize>);

    /// One article per text, annotated with one sentence and the given quantities.
    fn article(name: &str, text: &str, quantities: &[QuantitySpec<'_>]) -> Annotated {
        let mut annotated = Annotated::new(Article::new(Origin::File(name.into()), text.into()));
        annotated.sentences = vec![Sentence {
            range: 0..text.len(),
            paragraph: 0,
        }];
        for (surface, value, upper, hedge, counted) in quantities {
            let start = text.find(surface).expect("surface in text");
            annotated.quantities.push(Quantity {
                range: start..start + surface.len(),
                value: *value,
                upper: *upper,
                hedge: hedge.map(str::to_string),
                unit: None,
                counted: Some(counted.to_string()),
            });
        }
        annotated
    }

    fn check(articles: Vec<Annotated>, expected: &[&[ExpectedSide<'_>]]) {
        let story = Story::new(articles);
        let independent = independent_sources(&story);
        let (disputes, _) = partition(quantity_verdicts(
            &story,
            &Matches::new(&story, &Config::new()),
            &independent,
        ));
        let found: Vec<Vec<FoundSide>> = disputes
            .iter()
            .map(|dispute| {
                dispute
                    .sides
                    .iter()
                    .map(|side| {
                        (
                            side.value.clone(),
                            side.citations
                                .iter()
                                .map(|citation| citation.source)
                                .collect(),
                            side.compatible_with.clone(),
                        )
                    })
                    .collect()
            })
            .collect();
        let expected: Vec<Vec<FoundSide>> = expected
            .iter()
            .map(|sides| {
                sides
                    .iter()
                    .map(|(value, sources, compatible)| {
                        (value.to_string(), sources.to_vec(), compatible.to_vec())
                    })
                    .collect()
            })
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn a_change_in_per_cent_is_of_its_subject_and_its_start_is_no_claim() {
        let subject = |text: &str, figure: &str| {
            let start = text.find(figure).expect("figure in text");
            changed_subject(text, &(start..start + figure.len()))
        };
        assert_eq!(
            subject("The krona rose 1.2% against the euro.", "1.2%").as_deref(),
            Some("krona")
        );
        assert_eq!(
            subject("The index fell by 3 per cent on Friday.", "3 per cent").as_deref(),
            Some("index")
        );
        assert_eq!(subject("Turnout was 61 per cent.", "61 per cent"), None);
        let former = |text: &str, figure: &str| {
            let start = text.find(figure).expect("figure in text");
            is_former_value(text, &(0..text.len()), &(start..start + figure.len()))
        };
        assert!(former("It cut its forecast to 0.9% from 1.4%.", "1.4%"));
        assert!(former("The rate went from 4.25% to 4.75%.", "4.25%"));
        assert!(!former("The rate went from 4.25% to 4.75%.", "4.75%"));
        assert!(!former("Imports from 12 countries rose.", "12 countries"));
    }

    #[test]
    fn homes_and_houses_and_two_areas_are_one_slot_each() {
        check(
            vec![
                article(
                    "a.txt",
                    "About 140 homes have been destroyed, most of them in Velmar.",
                    &[("About 140 homes", 140.0, None, Some("about"), "homes")],
                ),
                article(
                    "b.txt",
                    "The ministry said around 60 houses had been destroyed.",
                    &[("around 60 houses", 60.0, None, Some("around"), "houses")],
                ),
            ],
            &[&[
                ("around 60 houses", &[2], &[]),
                ("About 140 homes", &[1], &[]),
            ]],
        );
        let area = |name: &str, text: &str, surface: &str, value: f64| {
            let mut annotated = article(name, text, &[(surface, value, None, None, "")]);
            annotated.quantities[0].counted = None;
            annotated.quantities[0].unit = Some("ha".to_string());
            annotated
        };
        check(
            vec![
                area(
                    "a.txt",
                    "The fire had burned 12,000 hectares by Thursday, the agency said.",
                    "12,000 hectares",
                    12_000.0,
                ),
                area(
                    "b.txt",
                    "The blaze had burned 6,000 hectares by Thursday, the ministry said.",
                    "6,000 hectares",
                    6_000.0,
                ),
            ],
            &[&[
                ("6,000 hectares", &[2], &[]),
                ("12,000 hectares", &[1], &[]),
            ]],
        );
    }

    #[test]
    fn counts_of_different_orders_are_far_apart() {
        let count = |value: f64, upper: Option<f64>| Quantity {
            range: 0..1,
            value,
            upper,
            hedge: None,
            unit: None,
            counted: Some("troops".into()),
        };
        assert!(far_apart(&count(10.0, None), &count(33.0, None)));
        assert!(!far_apart(&count(1500.0, None), &count(4000.0, None)));
        assert!(!far_apart(
            &count(60_000.0, Some(90_000.0)),
            &count(100_000.0, None)
        ));
        assert!(!far_apart(&count(0.0, None), &count(50.0, None)));
    }

    #[test]
    fn counts_of_days_apart_are_no_dispute() {
        let dated = |name: &str, text: &str, surface: &str, value: f64, day: &str, date: &str| {
            let mut annotated = article(name, text, &[(surface, value, None, None, "workers")]);
            crate::test_stories::with_date(&mut annotated, day, date);
            annotated
        };
        let monday = dated(
            "a.txt",
            "On Monday 4,000 workers joined the strike at the port.",
            "4,000 workers",
            4000.0,
            "Monday",
            "2026-03-02",
        );
        let tuesday = dated(
            "b.txt",
            "On Tuesday 6,000 workers joined the strike at the port.",
            "6,000 workers",
            6000.0,
            "Tuesday",
            "2026-03-03",
        );
        check(vec![monday.clone(), tuesday], &[]);
        let also_monday = dated(
            "b.txt",
            "On Monday 6,000 workers joined the strike at the port.",
            "6,000 workers",
            6000.0,
            "Monday",
            "2026-03-02",
        );
        check(
            vec![monday, also_monday],
            &[&[("4,000 workers", &[1], &[]), ("6,000 workers", &[2], &[])]],
        );
    }

    #[test]
    fn counts_of_people_who_met_different_fates_are_no_dispute() {
        let counted = |name: &str, text: &str, surface: &str, value: f64| {
            article(name, text, &[(surface, value, None, None, "people")])
        };
        let shot = counted(
            "a.txt",
            "A gunman opened fire at the harbour gate, striking four people before he fled.",
            "four people",
            4.0,
        );
        let injured = counted(
            "b.txt",
            "Seven people were injured in the attack at the harbour gate.",
            "Seven people",
            7.0,
        );
        check(vec![shot, injured.clone()], &[]);
        let also_injured = counted(
            "a.txt",
            "Four people were injured in the attack at the harbour gate.",
            "Four people",
            4.0,
        );
        check(
            vec![also_injured, injured],
            &[&[("Four people", &[1], &[]), ("Seven people", &[2], &[])]],
        );
    }

    #[test]
    fn counts_of_what_different_parties_did_are_no_dispute() {
        let freed = |name: &str, text: &str, surface: &str, value: f64, counted: &str| {
            article(name, text, &[(surface, value, None, None, counted)])
        };
        let by_velmar = freed(
            "a.txt",
            "Velmar freed 12 people at the harbour on Thursday.",
            "12 people",
            12.0,
            "people",
        );
        let by_ostrava = freed(
            "b.txt",
            "Ostrava freed 14 people at the harbour on Thursday.",
            "14 people",
            14.0,
            "people",
        );
        let velmarians = freed(
            "c.txt",
            "Fourteen Velmarian citizens were freed at the harbour on Thursday.",
            "Fourteen Velmarian citizens",
            14.0,
            "citizens",
        );
        check(vec![by_velmar.clone(), by_ostrava], &[]);
        check(vec![by_velmar.clone(), velmarians], &[]);
        let also_by_velmar = freed(
            "d.txt",
            "Velmar released 11 Ostravan nationals at the harbour on Thursday.",
            "11 Ostravan nationals",
            11.0,
            "nationals",
        );
        check(
            vec![by_velmar, also_by_velmar],
            &[&[
                ("11 Ostravan nationals", &[2], &[]),
                ("12 people", &[1], &[]),
            ]],
        );
    }

    #[test]
    fn a_count_of_the_background_is_no_count_of_the_news() {
        let published = chrono::NaiveDate::from_ymd_opt(2026, 3, 10);
        let mut earlier = article(
            "a.txt",
            "In 2019 the mayor lost 43 votes in the council.",
            &[("43 votes", 43.0, None, None, "votes")],
        );
        earlier.article.published = published;
        earlier.times.push(parallax_model::TimeExpression {
            range: 3..7,
            kind: parallax_model::TimeKind::Date,
            value: "2019".into(),
            modifier: None,
        });
        let mut now = article(
            "b.txt",
            "The mayor lost 60 votes in the council.",
            &[("60 votes", 60.0, None, None, "votes")],
        );
        now.article.published = published;
        check(vec![earlier.clone(), now.clone()], &[]);
        // A count over a long stretch up to now is of the background too.
        let mut over_years = article(
            "a.txt",
            "The mayor lost 43 votes in the council over the past six years.",
            &[("43 votes", 43.0, None, None, "votes")],
        );
        over_years.article.published = published;
        let stretch = "the past six years";
        let start = over_years
            .article
            .text
            .find(stretch)
            .expect("length in text");
        over_years.times.push(parallax_model::TimeExpression {
            range: start..start + stretch.len(),
            kind: parallax_model::TimeKind::Duration,
            value: "P6Y".into(),
            modifier: None,
        });
        check(vec![over_years, now.clone()], &[]);
        // A stretch in a relative clause after the count tells what is counted, not when.
        let mut described = article(
            "a.txt",
            "The mayor lost 43 votes in the council, which is more than in the past six years.",
            &[("43 votes", 43.0, None, None, "votes")],
        );
        described.article.published = published;
        let start = described
            .article
            .text
            .find(stretch)
            .expect("length in text");
        described.times.push(parallax_model::TimeExpression {
            range: start..start + stretch.len(),
            kind: parallax_model::TimeKind::Duration,
            value: "P6Y".into(),
            modifier: None,
        });
        check(
            vec![described, now.clone()],
            &[&[("43 votes", &[1], &[]), ("60 votes", &[2], &[])]],
        );
        assert_eq!(duration_days("P2M"), Some(60));
        assert_eq!(duration_days("PXY"), Some(730));
        assert_eq!(duration_days("PT5H"), None);
        // Without a publication date nothing is known to be long past.
        earlier.article.published = None;
        now.article.published = None;
        check(
            vec![earlier, now],
            &[&[("43 votes", &[1], &[]), ("60 votes", &[2], &[])]],
        );
    }

    #[test]
    fn supposed_asked_and_needed_figures_are_no_counts() {
        let counted = article(
            "a.txt",
            "The bill won 52 votes in the senate.",
            &[("52 votes", 52.0, None, None, "votes")],
        );
        for other in [
            "If the bill wins 60 votes in the senate, it passes.",
            "Can the bill win 60 votes in the senate?",
            "The bill needs 60 votes in the senate.",
            "The bill lacks the 60 votes necessary in the senate.",
        ] {
            let other = article("b.txt", other, &[("60 votes", 60.0, None, None, "votes")]);
            check(vec![counted.clone(), other], &[]);
        }
    }

    #[test]
    fn the_whole_a_part_is_counted_out_of_is_no_count() {
        let counted = article(
            "a.txt",
            "Four judges of the tribunal dissented on Friday.",
            &[("Four judges", 4.0, None, None, "judges")],
        );
        for other in [
            "Five of the nine judges of the tribunal ruled on Friday.",
            "Three out of nine judges of the tribunal were appointed on Friday.",
            "Most of the nine judges of the tribunal sat on Friday.",
        ] {
            let other = article(
                "b.txt",
                other,
                &[("nine judges", 9.0, None, None, "judges")],
            );
            check(vec![counted.clone(), other], &[]);
        }
        let other = article(
            "b.txt",
            "Nine judges of the tribunal dissented on Friday.",
            &[("Nine judges", 9.0, None, None, "judges")],
        );
        check(
            vec![counted, other],
            &[&[("Four judges", &[1], &[]), ("Nine judges", &[2], &[])]],
        );
    }

    #[test]
    fn the_price_of_a_thing_is_no_sum_spent() {
        let sum = |name: &str, text: &str, surface: &str, value: f64, counted: Option<&str>| {
            let mut annotated = article(name, text, &[]);
            let start = text.find(surface).expect("surface in text");
            annotated.quantities.push(Quantity {
                range: start..start + surface.len(),
                value,
                upper: None,
                hedge: None,
                unit: Some("USD".into()),
                counted: counted.map(str::to_string),
            });
            annotated
        };
        let spent = sum(
            "a.txt",
            "The mayor spent $750,000 of city funds on personal items.",
            "$750,000",
            750_000.0,
            None,
        );
        let priced = sum(
            "b.txt",
            "The mayor spent city funds on personal items such as a $43,000 watch.",
            "$43,000 watch",
            43_000.0,
            Some("watch"),
        );
        check(vec![spent.clone(), priced], &[]);
        let other_sum = sum(
            "b.txt",
            "The mayor spent $500,000 of city funds on personal items.",
            "$500,000",
            500_000.0,
            None,
        );
        check(
            vec![spent, other_sum],
            &[&[("$500,000", &[2], &[]), ("$750,000", &[1], &[])]],
        );
    }

    #[test]
    fn conflicting_counts_are_disputed_and_compatible_ones_marked() {
        check(
            vec![
                article(
                    "a.txt",
                    "About 4,000 dock workers are on strike at the port.",
                    &[(
                        "About 4,000 dock workers",
                        4000.0,
                        None,
                        Some("about"),
                        "workers",
                    )],
                ),
                article(
                    "b.txt",
                    "Fewer than 1,500 workers have joined the strike at the port.",
                    &[(
                        "Fewer than 1,500 workers",
                        1500.0,
                        None,
                        Some("fewer than"),
                        "workers",
                    )],
                ),
                article(
                    "c.txt",
                    "Between 3,000 and 5,000 workers are on strike at the port.",
                    &[(
                        "Between 3,000 and 5,000 workers",
                        3000.0,
                        Some(5000.0),
                        Some("between"),
                        "workers",
                    )],
                ),
            ],
            &[&[
                ("Fewer than 1,500 workers", &[2], &[]),
                ("Between 3,000 and 5,000 workers", &[3], &[2]),
                ("About 4,000 dock workers", &[1], &[1]),
            ]],
        );
    }

    #[test]
    fn agreeing_sources_and_unrelated_counts_are_no_dispute() {
        check(
            vec![
                article(
                    "a.txt",
                    "More than 60 ships wait off the port.",
                    &[("More than 60 ships", 60.0, None, Some("more than"), "ships")],
                ),
                article(
                    "b.txt",
                    "Some 62 ships wait off the port.",
                    &[("Some 62 ships", 62.0, None, Some("some"), "ships")],
                ),
                article(
                    "c.txt",
                    "Police detained 30 dockers at the gate on Tuesday.",
                    &[("30 dockers", 30.0, None, None, "dockers")],
                ),
                article(
                    "d.txt",
                    "Some 4,000 dockers have been out since March.",
                    &[("Some 4,000 dockers", 4000.0, None, Some("some"), "dockers")],
                ),
            ],
            &[],
        );
    }

    #[test]
    fn a_source_does_not_dispute_itself() {
        // Each source gives the soldiers withdrawn and the soldiers still massed: two slots,
        // where single linkage made one of all four figures.
        check(
            vec![
                article(
                    "a.txt",
                    "The army withdrew 2,000 soldiers from the border, but about 30,000 soldiers remain massed there.",
                    &[
                        ("2,000 soldiers", 2000.0, None, None, "soldiers"),
                        (
                            "about 30,000 soldiers",
                            30000.0,
                            None,
                            Some("about"),
                            "soldiers",
                        ),
                    ],
                ),
                article(
                    "b.txt",
                    "Only 2,000 soldiers left the border area, and some 50,000 soldiers remain massed there.",
                    &[
                        ("2,000 soldiers", 2000.0, None, None, "soldiers"),
                        (
                            "some 50,000 soldiers",
                            50000.0,
                            None,
                            Some("some"),
                            "soldiers",
                        ),
                    ],
                ),
            ],
            &[&[
                ("about 30,000 soldiers", &[1], &[]),
                ("some 50,000 soldiers", &[2], &[]),
            ]],
        );
    }

    #[test]
    fn a_sentence_doubting_a_count_does_not_agree_on_it() {
        let soldiers = |name: &str, text: &str| {
            article(
                name,
                text,
                &[("2,000 soldiers", 2000.0, None, None, "soldiers")],
            )
        };
        let sources_agreeing = |articles: Vec<Annotated>| -> Vec<Vec<usize>> {
            agreed_facts(&Story::new(articles), &Config::new())
                .iter()
                .map(|fact| {
                    fact.values
                        .iter()
                        .flat_map(|value| &value.citations)
                        .map(|citation| citation.source)
                        .collect()
                })
                .collect()
        };
        let stated = [
            soldiers(
                "a.txt",
                "The army withdrew 2,000 soldiers from the river crossing on Friday.",
            ),
            soldiers(
                "b.txt",
                "On Friday the army pulled 2,000 soldiers back from the river crossing.",
            ),
        ];
        let doubted = soldiers(
            "c.txt",
            "Observers say there is little evidence that 2,000 soldiers were withdrawn from the \
             river crossing.",
        );
        let repeated = soldiers(
            "c.txt",
            "Observers say that 2,000 soldiers were withdrawn from the river crossing.",
        );
        let mut with_doubt = stated.to_vec();
        with_doubt.push(doubted);
        assert_eq!(sources_agreeing(with_doubt), [[1, 2]]);
        let mut with_repeat = stated.to_vec();
        with_repeat.push(repeated);
        assert_eq!(sources_agreeing(with_repeat), [[1, 2, 3]]);
    }

    #[test]
    fn compatible_counts_of_independent_sources_are_an_agreed_fact() {
        let ships = |name: &str, text: &str, surface: &str, value: f64, hedge: &str| {
            article(name, text, &[(surface, value, None, Some(hedge), "ships")])
        };
        let agreed = |articles: Vec<Annotated>| {
            let story = Story::new(articles);
            let independent = independent_sources(&story);
            partition(quantity_verdicts(
                &story,
                &Matches::new(&story, &Config::new()),
                &independent,
            ))
            .1
        };
        let first = ships(
            "a.txt",
            "More than 60 ships wait off the port.",
            "More than 60 ships",
            60.0,
            "more than",
        );
        let second = ships(
            "b.txt",
            "Some 62 ships wait off the port.",
            "Some 62 ships",
            62.0,
            "some",
        );
        let found = agreed(vec![first.clone(), second.clone()]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].slot, "ships");
        assert_eq!(found[0].n_independent, 2);
        let values: Vec<&str> = found[0]
            .values
            .iter()
            .map(|value| value.value.as_str())
            .collect();
        assert_eq!(values, ["Some 62 ships", "More than 60 ships"]);

        // A re-published copy is no second source.
        let mut copy = second;
        copy.article.duplicate_of = Some(first.article.id.clone());
        assert!(agreed(vec![first, copy]).is_empty());
    }
}
