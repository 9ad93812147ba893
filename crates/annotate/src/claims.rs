//! Claims: one small structured statement per sentence — who did what to whom, when, how many —
//! with whose voice it is in and whether it is asserted, denied or hedged.
//!
//! Without a parser, the predicate is found with a lexicon of news verbs and their inflections
//! (auxiliaries and negation included: "did not withdraw"), the subject is the entity mentioned
//! before it, and the object is the rest of the clause. A sentence that carries a quote is
//! analysed inside the quote's content, so "The ministry said it had withdrawn the police" gives
//! the claim "it had withdrawn the police", attributed to the ministry, with "it" read as the
//! speaker. The story stage aligns these claims across articles.

use parallax_model::{Annotated, Attribution, Claim, Polarity, Quote};
// Fx hashing: a fixed table that a text's words are only looked up in.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;
use std::sync::LazyLock;

/// Auxiliaries and modals that belong to the predicate when they stand before its verb.
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did",
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "not", "never",
    "n't", "no", "longer", "also", "already", "still", "yet", "just", "now", "even", "ever",
    "again", "only",
];

/// Particles that complete a verb ("walked out", "broke off", "stepped down").
const PARTICLES: &[&str] = &["out", "up", "down", "off", "back", "away", "over", "in"];

/// Base forms of verbs common in news; inflections are derived by [`verb_forms`].
const VERBS: &[&str] = &[
    "accept",
    "accuse",
    "achieve",
    "add",
    "admit",
    "agree",
    "aim",
    "allow",
    "announce",
    "appear",
    "approve",
    "argue",
    "arrest",
    "arrive",
    "ask",
    "attack",
    "attend",
    "ban",
    "begin",
    "believe",
    "block",
    "blame",
    "break",
    "bring",
    "build",
    "call",
    "cancel",
    "capture",
    "cause",
    "claim",
    "clear",
    "close",
    "collapse",
    "come",
    "comment",
    "condemn",
    "confirm",
    "consider",
    "continue",
    "control",
    "cost",
    "criticize",
    "criticise",
    "cut",
    "decide",
    "declare",
    "decline",
    "delay",
    "demand",
    "deny",
    "deploy",
    "describe",
    "detain",
    "die",
    "discuss",
    "dismiss",
    "dispute",
    "drop",
    "end",
    "ensure",
    "escalate",
    "expand",
    "expect",
    "explain",
    "face",
    "fail",
    "fall",
    "file",
    "fire",
    "follow",
    "force",
    "give",
    "go",
    "grow",
    "halt",
    "hand",
    "hold",
    "host",
    "impose",
    "include",
    "increase",
    "initiate",
    "insist",
    "intend",
    "invade",
    "issue",
    "join",
    "keep",
    "kill",
    "launch",
    "lead",
    "leave",
    "lift",
    "lose",
    "make",
    "mass",
    "meet",
    "move",
    "need",
    "negotiate",
    "note",
    "offer",
    "open",
    "order",
    "oppose",
    "pass",
    "pay",
    "plan",
    "pledge",
    "post",
    "prepare",
    "promise",
    "propose",
    "protest",
    "provide",
    "pull",
    "push",
    "raise",
    "reach",
    "receive",
    "reduce",
    "refuse",
    "reject",
    "release",
    "remain",
    "remove",
    "report",
    "request",
    "require",
    "resign",
    "respond",
    "resume",
    "return",
    "reveal",
    "rise",
    "rule",
    "run",
    "say",
    "see",
    "seek",
    "seize",
    "sell",
    "send",
    "set",
    "show",
    "sign",
    "speak",
    "start",
    "state",
    "stay",
    "stop",
    "strike",
    "suggest",
    "support",
    "suspend",
    "take",
    "talk",
    "tell",
    "threaten",
    "urge",
    "use",
    "visit",
    "vote",
    "walk",
    "want",
    "warn",
    "win",
    "withdraw",
    "work",
    "accept",
    "hit",
    "put",
    "fight",
    "let",
    "think",
    "feel",
    "find",
    "become",
    "buy",
];

/// Irregular past forms and participles of the verbs above.
const IRREGULAR: &[&str] = &[
    "began",
    "begun",
    "broke",
    "broken",
    "brought",
    "built",
    "came",
    "cost",
    "cut",
    "fell",
    "fallen",
    "gave",
    "given",
    "went",
    "gone",
    "grew",
    "grown",
    "held",
    "kept",
    "led",
    "left",
    "lost",
    "made",
    "met",
    "paid",
    "ran",
    "rose",
    "risen",
    "said",
    "saw",
    "seen",
    "sought",
    "sold",
    "sent",
    "set",
    "showed",
    "shown",
    "spoke",
    "spoken",
    "struck",
    "took",
    "taken",
    "told",
    "won",
    "withdrew",
    "withdrawn",
    "hit",
    "put",
    "fought",
    "let",
    "thought",
    "felt",
    "found",
    "became",
    "bought",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
];

/// Words that deny a statement.
const NEGATIONS: &[&str] = &[
    "not",
    "n't",
    "never",
    "no",
    "denied",
    "denies",
    "deny",
    "denying",
    "rejected",
    "rejects",
    "refuted",
    "refutes",
    "dismissed",
    "dismisses",
    "false",
    "untrue",
    "nothing",
    "none",
];

/// Words that put a statement in doubt.
const HEDGES: &[&str] = &[
    "may",
    "might",
    "could",
    "possibly",
    "perhaps",
    "likely",
    "unlikely",
    "probably",
    "appears",
    "appeared",
    "seems",
    "seemed",
    "reportedly",
    "allegedly",
    "apparently",
    "purportedly",
    "suggests",
    "suggested",
    "believed",
    "unconfirmed",
    "unclear",
    "little",
    "doubt",
    "doubts",
    "doubted",
    "questioned",
    "expected",
    "would",
];

/// Phrases that make a sentence hearsay without a named source.
const HEARSAY: &[&str] = &[
    "reportedly",
    "allegedly",
    "it is said",
    "is said to",
    "are said to",
    "is believed to",
    "are believed to",
    "it is understood",
    "rumoured",
    "rumored",
    "purportedly",
];

/// One claim per sentence of `annotated` that has a predicate, in text order.
pub fn claims(annotated: &Annotated) -> Vec<Claim> {
    let index = Index::new(annotated);
    annotated
        .sentences
        .iter()
        .enumerate()
        .filter_map(|(sentence_idx, sentence)| {
            claim(annotated, &index, sentence_idx, sentence.range.clone())
        })
        .collect()
}

/// The annotations a claim reads, arranged so that each sentence finds its own without walking
/// the whole article's: a page of twenty thousand sentences would otherwise cost the square of
/// that.
struct Index {
    /// Per sentence, the first quote (in the article's order) whose content overlaps it and
    /// that is speech rather than emphasis or hearsay.
    quote_of_sentence: Vec<Option<usize>>,
    /// Every entity mention as (start, end, entity, by role), sorted.
    mentions: Vec<(usize, usize, usize, bool)>,
    /// Each pronoun a reference resolves, by its start: the entity of the first such reference.
    referent_at: HashMap<usize, usize>,
    /// Whether the times, and the quantities, are sorted by start, as the annotator gives them.
    times_sorted: bool,
    quantities_sorted: bool,
}

impl Index {
    fn new(annotated: &Annotated) -> Index {
        let text = &annotated.article.text;
        let sentences = &annotated.sentences;
        let mut quote_of_sentence: Vec<Option<usize>> = vec![None; sentences.len()];
        for (quote_idx, quote) in annotated.quotes.iter().enumerate() {
            if quote.content.is_empty() || is_scare_quote(quote) || is_hearsay_cue(text, quote) {
                continue;
            }
            // The sentences it overlaps: from the first ending after it starts, up to the first
            // starting at or after its end. Quotes come in the article's order, so the first
            // to reach a sentence is its quote.
            let first =
                sentences.partition_point(|sentence| sentence.range.end <= quote.content.start);
            for (_, slot) in sentences[first..]
                .iter()
                .zip(&mut quote_of_sentence[first..])
                .take_while(|(sentence, _)| sentence.range.start < quote.content.end)
            {
                slot.get_or_insert(quote_idx);
            }
        }
        let mut mentions: Vec<(usize, usize, usize, bool)> = annotated
            .entities
            .iter()
            .enumerate()
            .flat_map(|(entity_idx, entity)| {
                entity.mentions.iter().map(move |mention| {
                    (
                        mention.range.start,
                        mention.range.end,
                        entity_idx,
                        mention.by_role,
                    )
                })
            })
            .collect();
        mentions.sort_unstable();
        let mut referent_at = HashMap::default();
        for reference in &annotated.references {
            referent_at
                .entry(reference.pronoun.start)
                .or_insert(reference.entity);
        }
        Index {
            quote_of_sentence,
            mentions,
            referent_at,
            times_sorted: annotated.times.is_sorted_by_key(|time| time.range.start),
            quantities_sorted: annotated
                .quantities
                .is_sorted_by_key(|quantity| quantity.range.start),
        }
    }

    /// The mentions starting in `range`, in order.
    fn mentions_starting_in(&self, range: &Range<usize>) -> &[(usize, usize, usize, bool)] {
        let first = self
            .mentions
            .partition_point(|&(start, ..)| start < range.start);
        let end = self
            .mentions
            .partition_point(|&(start, ..)| start < range.end);
        &self.mentions[first..end.max(first)]
    }
}

/// The first of `items` (by index) whose range lies within `range`: items `sorted` by start,
/// as the annotator gives times and quantities, are searched from the first starting in it;
/// others, which no annotator gives, are walked whole.
fn first_within<T>(
    items: &[T],
    sorted: bool,
    range_of: impl Fn(&T) -> &Range<usize>,
    range: &Range<usize>,
) -> Option<usize> {
    let within = |item: &T| {
        let item = range_of(item);
        item.start >= range.start && item.end <= range.end
    };
    if !sorted {
        return items.iter().position(within);
    }
    let first = items.partition_point(|item| range_of(item).start < range.start);
    items[first..]
        .iter()
        .take_while(|item| range_of(item).start < range.end)
        .position(within)
        .map(|offset| first + offset)
}

fn claim(
    annotated: &Annotated,
    index: &Index,
    sentence_idx: usize,
    sentence: Range<usize>,
) -> Option<Claim> {
    let text = &annotated.article.text;
    let quote_idx = index.quote_of_sentence.get(sentence_idx).copied().flatten();
    let (span, attribution) = match quote_idx {
        Some(quote) => {
            let content = &annotated.quotes[quote].content;
            let span = content.start.max(sentence.start)..content.end.min(sentence.end);
            (span, Attribution::Quoted { quote })
        }
        None => {
            let lower = text[sentence.clone()].to_lowercase();
            let attribution = if HEARSAY.iter().any(|phrase| contains_words(&lower, phrase)) {
                Attribution::Reported
            } else {
                Attribution::Own
            };
            (sentence.clone(), attribution)
        }
    };
    // A quote whose content holds no verb (a fragment) is read through its whole sentence.
    let mut words = words(text, span.clone());
    let mut span = span;
    if !words.iter().any(|(_, word)| is_verb(word)) {
        span = sentence.clone();
        words = self::words(text, span.clone());
    }
    // A verb form inside a name ("the United States", "Bay Watch") is the name's.
    let names: Vec<Range<usize>> = index
        .mentions_starting_in(&sentence)
        .iter()
        .filter(|&&(_, end, _, by_role)| !by_role && end <= sentence.end)
        .map(|&(start, end, _, _)| start..end)
        .collect();
    let in_a_name = |idx: usize| {
        let word = &words[idx].0;
        names
            .iter()
            .any(|name| name.start <= word.start && word.end <= name.end)
    };
    let verb_idx = (0..words.len())
        .find(|&idx| {
            is_verb_at(&words, idx) && !between_names(text, &words, idx) && !in_a_name(idx)
        })
        // A verb the list does not know reads by its form or place: "Trump assumed the office",
        // "I am not running for mayor", "they feel".
        .or_else(|| {
            (0..words.len()).find(|&idx| has_a_verb_form(text, &words, idx) && !in_a_name(idx))
        })?;
    let mut predicate_start_idx = verb_idx;
    while predicate_start_idx > 0
        && AUXILIARIES.contains(&words[predicate_start_idx - 1].1.as_str())
    {
        predicate_start_idx -= 1;
    }
    // "has withdrawn", "did not withdraw", "were reportedly moved": the predicate runs over
    // auxiliaries and adverbs to the last verb of the chain.
    let mut predicate_end_idx = verb_idx;
    let mut probe = verb_idx + 1;
    while let Some((_, next)) = words.get(probe) {
        if is_verb(next)
            || AUXILIARIES.contains(&next.as_str())
            || has_a_verb_form(text, &words, probe)
        {
            predicate_end_idx = probe;
        } else if !next.ends_with("ly") {
            break;
        }
        probe += 1;
    }
    if words
        .get(predicate_end_idx + 1)
        .is_some_and(|(_, next)| PARTICLES.contains(&next.as_str()))
    {
        predicate_end_idx += 1;
    }
    let predicate = words[predicate_start_idx].0.start..words[predicate_end_idx].0.end;

    // The entity mentioned last before the predicate (of two mentions starting there, the
    // later entity's).
    let subject = index
        .mentions_starting_in(&(span.start..predicate.start))
        .iter()
        .filter(|&&(_, end, _, _)| end <= predicate.start)
        .map(|&(start, _, entity_idx, _)| (start, entity_idx))
        .max()
        .map(|(_, entity_idx)| entity_idx)
        .or_else(|| {
            let (first_range, first) = words.first()?;
            let pronoun = matches!(first.as_str(), "he" | "she" | "it" | "they" | "we" | "i");
            if !pronoun || predicate_start_idx != 1 {
                return None;
            }
            quote_idx
                .and_then(|quote| annotated.quotes[quote].speaker_entity)
                .or_else(|| index.referent_at.get(&first_range.start).copied())
        });

    // A mark between digits is part of a number ("$84,000", "3.5 percent", "5:30").
    let between_digits = |at: usize| {
        text[..at].ends_with(|c: char| c.is_ascii_digit())
            && text[at + 1..].starts_with(|c: char| c.is_ascii_digit())
    };
    let clause_end = text[predicate.end..span.end]
        .match_indices([',', ';', ':', '.', '?', '!', '\u{2014}'])
        .find(|&(offset, mark)| {
            let at = predicate.end + offset;
            !(matches!(mark, "," | "." | ":") && between_digits(at))
                && (mark != "." || !in_abbreviation(text, at))
        })
        .map_or(span.end, |(offset, _)| predicate.end + offset);
    let object = trimmed(text, predicate.end..clause_end);

    // The claim's own time is one inside its words ("took the oath of office Friday"), not a
    // time of the clause before it ("Five hundred days after announcing, X took …").
    let claim_end = object.as_ref().map_or(predicate.end, |object| object.end);
    let time_within = |range: &Range<usize>| {
        first_within(
            &annotated.times,
            index.times_sorted,
            |time| &time.range,
            range,
        )
    };
    let time = time_within(&(predicate.start..claim_end)).or_else(|| time_within(&sentence));
    let quantity = first_within(
        &annotated.quantities,
        index.quantities_sorted,
        |quantity| &quantity.range,
        &span,
    );
    let span_words: Vec<&str> = words.iter().map(|(_, word)| word.as_str()).collect();
    let sentence_lower = text[sentence.clone()].to_lowercase();
    let polarity = if span_words.iter().any(|word| NEGATIONS.contains(word))
        || contains_words(&sentence_lower, "no evidence")
    {
        Polarity::Negated
    } else if span_words.iter().any(|word| HEDGES.contains(word))
        || matches!(attribution, Attribution::Reported)
    {
        Polarity::Hedged
    } else {
        Polarity::Asserted
    };

    Some(Claim {
        sentence: sentence_idx,
        subject,
        predicate,
        object,
        time,
        quantity,
        attribution,
        polarity,
    })
}

/// A "quote" cued only by a hearsay adverb ("reportedly") with no speaker is hearsay.
fn is_hearsay_cue(text: &str, quote: &Quote) -> bool {
    quote.speaker.is_none()
        && quote.cue.as_ref().is_some_and(|cue| {
            let cue = text.get(cue.clone()).unwrap_or_default().to_lowercase();
            HEARSAY.contains(&cue.as_str())
        })
}

/// A quote of one to three words with no cue is emphasis, not speech.
fn is_scare_quote(quote: &Quote) -> bool {
    quote.cue.is_none() && quote.speaker.is_none() && quote.content.len() < 30
}

/// Lowercase words of `text[span]` with their byte ranges; "didn't" gives "did" and "n't".
fn words(text: &str, span: Range<usize>) -> Vec<(Range<usize>, String)> {
    let mut words = Vec::new();
    let Some(slice) = text.get(span.clone()) else {
        return words;
    };
    let mut start = None;
    for (offset, c) in slice
        .char_indices()
        .chain(std::iter::once((slice.len(), ' ')))
    {
        let in_word = c.is_alphanumeric() || c == '\'' || c == '\u{2019}' || c == '-';
        match (start, in_word) {
            (None, true) => start = Some(offset),
            (Some(word_start), false) => {
                let word = crate::lowercase(
                    slice[word_start..offset].trim_matches(|c: char| !c.is_alphanumeric()),
                )
                .into_owned();
                let absolute = span.start + word_start..span.start + offset;
                match word.strip_suffix("n't") {
                    Some(stem) if !stem.is_empty() => {
                        let stem = if stem == "ca" {
                            "can"
                        } else if stem == "wo" {
                            "will"
                        } else {
                            stem
                        };
                        words.push((absolute.clone(), stem.to_string()));
                        words.push((absolute, "n't".to_string()));
                    }
                    _ if !word.is_empty() => words.push((absolute, word)),
                    _ => {}
                }
                start = None;
            }
            _ => {}
        }
    }
    words
}

/// Words after which a verb form is a noun ("the talks", "a strike").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my",
    "your", "any", "some", "every", "each", "no", "new", "further", "more",
];

/// Whether `words[idx]` is a verb in its place: not after a determiner, and not a plural that
/// opens the text ("Talks between the two sides …").
fn is_verb_at(words: &[(Range<usize>, String)], idx: usize) -> bool {
    let word = words[idx].1.as_str();
    if !is_verb(word) {
        return false;
    }
    match idx.checked_sub(1) {
        Some(previous) => !DETERMINERS.contains(&words[previous].1.as_str()),
        None => !word.ends_with('s') || IRREGULAR.contains(&word),
    }
}

/// Words ending in "-ed" that are no verb form.
const NOT_PAST_FORMS: &[&str] = &[
    "hundred", "sacred", "naked", "wicked", "beloved", "kindred", "rugged", "ragged",
];

/// Whether `words[idx]` has the form or the place of a verb the list does not know, written in
/// lowercase: a past form ("assumed") not after a determiner, a gerund after a form of "be"
/// ("is running"), or a word after a subject pronoun ("I feel").
fn has_a_verb_form(text: &str, words: &[(Range<usize>, String)], idx: usize) -> bool {
    let (range, word) = &words[idx];
    let lowercase = text
        .get(range.clone())
        .and_then(|written| written.chars().next())
        .is_some_and(char::is_lowercase);
    let previous = idx
        .checked_sub(1)
        .map(|previous| words[previous].1.as_str());
    let past = word.len() >= 5
        && word.ends_with("ed")
        && !word.ends_with("eed")
        && !NOT_PAST_FORMS.contains(&word.as_str())
        && previous.is_none_or(|previous| !DETERMINERS.contains(&previous));
    let progressive = word.len() >= 5
        && word.ends_with("ing")
        && previous.is_some_and(|previous| {
            matches!(
                previous,
                "am" | "is" | "are" | "was" | "were" | "be" | "been" | "not"
            )
        });
    // What follows a subject pronoun is its verb ("I feel responsible", "they work").
    let after_a_pronoun = previous.is_some_and(|previous| {
        matches!(previous, "i" | "we" | "you" | "he" | "she" | "they" | "who")
    }) && !word.ends_with("ly")
        && !AUXILIARIES.contains(&word.as_str());
    lowercase && (past || progressive || after_a_pronoun)
}

/// Verbs of [`VERBS`] that also name a role written before a name ("Fox News host Glenn
/// Beck"): [`between_names`].
const ROLE_NOUNS: &[&str] = &["host", "lead"];

/// Whether `words[idx]`, a role noun written in lowercase, stands between a capitalized word
/// and a capitalized name ("Fox News host Glenn Beck"): a role, not a verb. Other verbs there are
/// verbs ("Most Americans oppose Mr. Velmar's plan").
fn between_names(text: &str, words: &[(Range<usize>, String)], idx: usize) -> bool {
    if !ROLE_NOUNS.contains(&words[idx].1.as_str()) {
        return false;
    }
    let capitalized = |word: Option<&(Range<usize>, String)>| {
        word.and_then(|(range, _)| text.get(range.clone()))
            .and_then(|written| written.chars().next())
            .is_some_and(char::is_uppercase)
    };
    let lowercase = !capitalized(words.get(idx));
    lowercase
        && idx > 0
        && capitalized(words.get(idx - 1))
        && capitalized(words.get(idx + 1))
        && capitalized(words.get(idx + 2))
}

/// Every form of every verb in [`VERBS`] and [`IRREGULAR`], built once.
static VERB_FORMS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    VERBS
        .iter()
        .flat_map(|base| verb_forms(base))
        .chain(IRREGULAR.iter().map(|form| form.to_string()))
        .collect()
});

fn is_verb(word: &str) -> bool {
    VERB_FORMS.contains(word)
}

/// Regular inflections of a base verb: walk, walks, walked, walking.
fn verb_forms(base: &str) -> impl Iterator<Item = String> + '_ {
    let stem_e = base.strip_suffix('e');
    let stem_y = base
        .strip_suffix('y')
        .filter(|stem| !stem.ends_with(['a', 'e', 'o', 'u']));
    let third = match stem_y {
        Some(stem) => format!("{stem}ies"),
        None if base.ends_with(['s', 'x', 'z', 'h']) || base.ends_with('o') => format!("{base}es"),
        None => format!("{base}s"),
    };
    let past = match (stem_e, stem_y) {
        (Some(_), _) => format!("{base}d"),
        (_, Some(stem)) => format!("{stem}ied"),
        _ => format!("{base}ed"),
    };
    let gerund = match stem_e {
        Some(stem) if !base.ends_with("ee") => format!("{stem}ing"),
        _ => format!("{base}ing"),
    };
    [base.to_string(), third, past, gerund].into_iter()
}

fn contains_words(haystack: &str, phrase: &str) -> bool {
    haystack.match_indices(phrase).any(|(idx, _)| {
        let before = haystack[..idx].chars().next_back();
        let after = haystack[idx + phrase.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

fn trimmed(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let slice = text.get(range.clone())?;
    let leading = slice.len() - slice.trim_start().len();
    let trailing = slice.len() - slice.trim_end().len();
    let range = range.start + leading..range.end - trailing;
    (!range.is_empty()).then_some(range)
}

/// Abbreviations besides the titles before names ([`crate::sentences::TITLES`]) whose full
/// stop ends no clause.
const ABBREVIATIONS: &[&str] = &["St", "Jr", "Mt", "Ft", "No", "vs"];

/// Whether the full stop at byte `at` of `text` belongs to an abbreviation ("the U.S. motto",
/// "introduced by Rep. Ana Ruiz") rather than ending a clause.
fn in_abbreviation(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let after = &text[at + 1..];
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric() && c != '.')
        .next()
        .unwrap_or_default();
    let last = word.rsplit('.').next().unwrap_or_default();
    let an_initial = last.chars().count() == 1 && last.chars().all(char::is_uppercase);
    let a_title = crate::sentences::TITLES
        .iter()
        .any(|title| title.strip_suffix('.') == Some(last));
    after.starts_with(char::is_alphanumeric)
        || an_initial
        || a_title
        || ABBREVIATIONS.contains(&last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, annotate};
    use parallax_model::{Article, Origin};

    /// (predicate, object, attribution kind, polarity) per claim.
    fn check(text: &str, expected: &[(&str, Option<&str>, &str, Polarity)]) {
        let annotated = annotate(
            Article::new(Origin::Stdin, text.to_string()),
            &Config::new(),
        );
        let found: Vec<(&str, Option<&str>, &str, Polarity)> = annotated
            .claims
            .iter()
            .map(|claim| {
                let attribution = match claim.attribution {
                    Attribution::Own => "own",
                    Attribution::Quoted { .. } => "quoted",
                    Attribution::Reported => "reported",
                };
                (
                    &text[claim.predicate.clone()],
                    claim.object.clone().map(|object| &text[object]),
                    attribution,
                    claim.polarity,
                )
            })
            .collect();
        assert_eq!(found, expected, "in {text:?}");
    }

    #[test]
    fn own_voice_assertion() {
        check(
            "The ministry withdrew the riot police from Gate 4 on Wednesday.",
            &[(
                "withdrew",
                Some("the riot police from Gate 4 on Wednesday"),
                "own",
                Polarity::Asserted,
            )],
        );
    }

    #[test]
    fn an_abbreviation_s_full_stop_ends_no_object() {
        check(
            "The council sent the plan to Rep. Ana Ruiz of the U.S. harbour board on Monday.",
            &[(
                "sent",
                Some("the plan to Rep. Ana Ruiz of the U.S. harbour board on Monday"),
                "own",
                Polarity::Asserted,
            )],
        );
    }

    #[test]
    fn a_mark_inside_a_number_ends_no_object() {
        check(
            "The council used $84,000 on 3.5 miles of fence.",
            &[(
                "used",
                Some("$84,000 on 3.5 miles of fence"),
                "own",
                Polarity::Asserted,
            )],
        );
    }

    #[test]
    fn negation_and_hedges() {
        check(
            "The union did not accept the offer.",
            &[(
                "did not accept",
                Some("the offer"),
                "own",
                Polarity::Negated,
            )],
        );
        check(
            "About 300 troops were reportedly moved to the border.",
            &[(
                "were reportedly moved",
                Some("to the border"),
                "reported",
                Polarity::Hedged,
            )],
        );
        check(
            "Officials reportedly moved 300 troops to the border.",
            &[(
                "moved",
                Some("300 troops to the border"),
                "reported",
                Polarity::Hedged,
            )],
        );
    }

    #[test]
    fn nouns_that_look_like_verbs_are_skipped() {
        check(
            "Talks between the two sides ended without a deal.",
            &[("ended", Some("without a deal"), "own", Polarity::Asserted)],
        );
        check(
            "The strikers have now been out for ten days.",
            &[(
                "have now been out",
                Some("for ten days"),
                "own",
                Polarity::Asserted,
            )],
        );
        // A role before a name; the verb after it is the predicate.
        check(
            "Velmar Radio host Ana Ruiz closed the harbour on Monday.",
            &[(
                "closed",
                Some("the harbour on Monday"),
                "own",
                Polarity::Asserted,
            )],
        );
    }

    #[test]
    fn verbs_the_list_does_not_know_read_by_form_and_place_and_names_hold_none() {
        // "States" is the name's, not a verb; "repainted" is one by its form.
        check(
            "The crew repainted the harbour office on Friday for the envoy of the United States.",
            &[(
                "repainted",
                Some("the harbour office on Friday for the envoy of the United States"),
                "own",
                Polarity::Asserted,
            )],
        );
        check(
            "She is not running for mayor of Velmar.",
            &[(
                "is not running",
                Some("for mayor of Velmar"),
                "own",
                Polarity::Negated,
            )],
        );
        check(
            "They feel responsible for the pilots.",
            &[(
                "feel",
                Some("responsible for the pilots"),
                "own",
                Polarity::Asserted,
            )],
        );
    }

    #[test]
    fn a_claim_is_timed_by_a_time_inside_its_words_first() {
        let text = "Five days after the vote, the council reopened the port on Friday.";
        let annotated = annotate(
            Article::new(Origin::Stdin, text.to_string()),
            &Config::new(),
        );
        let timed: Vec<&str> = annotated
            .claims
            .iter()
            .filter_map(|claim| claim.time)
            .map(|idx| &text[annotated.times[idx].range.clone()])
            .collect();
        assert_eq!(timed, ["Friday"]);
    }

    #[test]
    fn a_sentence_without_a_verb_has_no_claim() {
        check("Rain, wind and more rain.", &[]);
    }

    #[test]
    fn contractions_split() {
        let text = "They didn't leave";
        let found: Vec<String> = words(text, 0..text.len())
            .into_iter()
            .map(|(_, word)| word)
            .collect();
        assert_eq!(found, ["they", "did", "n't", "leave"]);
    }
}
