//! Reported speech: "Ruiz said (that) …", "…, Ruiz said", "…, officials said, …", "according
//! to Ruiz, …", "…, adding …", "it was reported that …", passives ("is expected to …", "was
//! criticized by …"), findings of polls, nouns of saying ("his claim that …"), hearsay adverbs
//! and impressions ("the plan seems to work").
//!
//! Each sentence is read left to right; a cue that is already part of a quote, or that stands
//! inside quotation marks, is skipped, because the annotation is flat: a word belongs to at most
//! one quote. Two kinds of attribution are read before the rest: one that closes the sentence,
//! and a verb of saying after an appositive chain; the words of that chain stay free, so what
//! it says of its speaker ("a delegate backing the reform") is read as well.

use super::cues::{self, Class, Entry, Form};
use super::direct::participle_subject;
use super::speaker::{self, Speaker};
use super::tokens::Doc;
use super::{Found, State};
use parallax_model::QuoteKind;
use std::ops::Range;

/// Finds reported speech in every sentence of `doc`.
pub(crate) fn find(doc: &Doc, state: &mut State) {
    for sentence in doc.sentence_tokens.clone() {
        // A sentence that ends in its attribution ("The union rejected it, a negotiator
        // said.") is that speaker's content whole: the cues inside it ("rejected") are what
        // the speaker reports, so the closing one is read first.
        // Read as the closing attribution only in that shape: the content before the cue.
        if let Some(found) = closing_cue(doc, state, &sentence)
            .and_then(|cue| reported(doc, state, cue, &sentence))
            .filter(|found| {
                let cue_start = found
                    .cue
                    .map_or(0, |(first, _)| doc.token(first).range.start);
                found.pieces.iter().all(|piece| piece.end <= cue_start)
                    && !found.speaker.as_ref().is_some_and(|speaker| {
                        found
                            .cue
                            .is_some_and(|(_, cue_last)| speaker.first > cue_last)
                            && opens_clause_after(doc, speaker, &sentence)
                    })
            })
        {
            state.push(
                doc,
                Found {
                    construction: "closing",
                    ..found
                },
            );
        }
        // "…, according to the county's figures." closes the sentence the same way.
        if let Some(according) = closing_according_to(doc, state, &sentence)
            && let Some(found) = according_to(doc, state, according, &sentence)
        {
            state.push(
                doc,
                Found {
                    construction: "according_to",
                    ..found
                },
            );
        }
        // "Ana Ruiz, a lawyer representing the union, said …": a verb of saying after a
        // comma closes an appositive chain about its subject, so it is read before the cues
        // inside the chain ("supporting the bill"), which describe the speaker.
        for cue in sentence.clone() {
            if cue > sentence.start
                && doc.token(cue - 1).is_punct(',')
                && !state.used[cue]
                && !state.quoted[cue]
                && cues::verb_at(doc, cue).is_some_and(|entry| {
                    matches!(entry.class(), Class::Speech | Class::Tell)
                        && matches!(entry.form, Form::Past | Form::Present)
                })
                && let Some(found) = reported(doc, state, cue, &sentence)
                && let Some((first, last)) = found
                    .speaker
                    .as_ref()
                    .map(|speaker| (speaker.first, speaker.last))
                    .filter(|&(_, last)| last < cue)
            {
                state.push(
                    doc,
                    Found {
                        construction: "reported",
                        ..found
                    },
                );
                // The chain stays free for what it says of the speaker ("who backed the plan").
                for flag in &mut state.used[first..=last] {
                    *flag = false;
                }
            }
        }
        let mut idx = sentence.start;
        while idx < sentence.end {
            if !state.is_free(idx) {
                idx += 1;
                continue;
            }
            // A quote carries the name of the rule that found it, for the quote filter.
            let tagged = |construction: &'static str, found: Option<Found>| {
                found.map(|found| Found {
                    construction,
                    ..found
                })
            };
            let found = tagged("headline_colon", headline_colon(doc, state, idx, &sentence))
                .or_else(|| tagged("according_to", according_to(doc, state, idx, &sentence)))
                .or_else(|| tagged("in_poll", in_poll(doc, state, idx, &sentence)))
                .or_else(|| tagged("in_poll_after", in_poll_after(doc, state, idx, &sentence)))
                .or_else(|| tagged("impersonal", impersonal(doc, state, idx, &sentence)))
                .or_else(|| tagged("hearsay", hearsay(doc, state, idx, &sentence)))
                .or_else(|| tagged("seeming", seeming(doc, state, idx, &sentence)))
                .or_else(|| tagged("raised", raised(doc, state, idx, &sentence)))
                .or_else(|| tagged("passive_by", passive_by(doc, state, idx, &sentence)))
                .or_else(|| tagged("stance", stance(doc, state, idx, &sentence)))
                .or_else(|| tagged("asked", asked(doc, state, idx, &sentence)))
                .or_else(|| tagged("reported", reported(doc, state, idx, &sentence)))
                .or_else(|| tagged("noun_cue", noun_cue(doc, state, idx, &sentence)));
            match found {
                Some(found) => {
                    let last_token = last_token_of(doc, &found);
                    state.push(doc, found);
                    idx = last_token.max(idx) + 1;
                }
                None => idx += 1,
            }
        }
    }
}

/// Words a closing attribution may hold between its comma and its verb ("…, a senior
/// negotiator at the talks said.").
const MAX_CLOSING_SPEAKER_WORDS: usize = 8;

/// The verb of saying that ends `sentence` after a comma and a few words ("…, officials
/// said."), or that follows a comma with its speaker after it ("…, said Ana Ruiz, a fellow at
/// the institute."), when it is free.
fn closing_cue(doc: &Doc, state: &State, sentence: &Range<usize>) -> Option<usize> {
    let cue = (sentence.start..sentence.end)
        .rev()
        .find(|&idx| doc.token(idx).is_word())?;
    if state.is_free(cue)
        && cues::verb_at(doc, cue).is_some_and(|entry| entry.class() == Class::Speech)
    {
        let comma = (sentence.start..cue)
            .rev()
            .take(MAX_CLOSING_SPEAKER_WORDS + 1)
            .find(|&idx| doc.token(idx).is_punct(','))?;
        return (comma + 1 < cue).then_some(cue);
    }
    // The inverted form: the last verb of saying right after a comma, in the sentence's last
    // words (its speaker and the speaker's description), outside quotation marks.
    (sentence.start + 1..cue)
        .rev()
        .take(MAX_CLOSING_INVERTED_WORDS)
        .take_while(|&idx| !doc.token(idx).is_terminal() && !doc.token(idx).is_quote())
        .find(|&idx| {
            state.is_free(idx)
                && doc.token(idx - 1).is_punct(',')
                && cues::verb_at(doc, idx).is_some_and(|entry| entry.inverts())
                // "…, tweeted their approval": a possessive opens the verb's object.
                && !matches!(
                    doc.lower(idx + 1),
                    "their" | "his" | "her" | "its" | "our" | "my" | "your"
                )
        })
}

/// The "according" of a free "…, according to X." that ends `sentence`: after a comma, its
/// source running to the end with no comma or quotation mark.
fn closing_according_to(doc: &Doc, state: &State, sentence: &Range<usize>) -> Option<usize> {
    let according = (sentence.start + 1..sentence.end.saturating_sub(2))
        .rev()
        .take(MAX_CLOSING_INVERTED_WORDS)
        .take_while(|&idx| {
            let token = doc.token(idx);
            !token.is_terminal() && !token.is_quote() && !token.is_punct(',')
        })
        .find(|&idx| doc.lower(idx) == "according" && doc.lower(idx + 1) == "to")?;
    (doc.token(according - 1).is_punct(',')
        && (according..sentence.end).all(|idx| state.is_free(idx)))
    .then_some(according)
}

/// Whether the words after a speaker found after its verb go on as a clause of which the
/// speaker is the subject ("X, an adviser, said Republicans are engaged in …", "…, said Ruiz
/// would run"): the verb then opens its content, it does not close the sentence.
fn opens_clause_after(doc: &Doc, speaker: &Speaker, sentence: &Range<usize>) -> bool {
    let next = speaker.last + 1;
    next < sentence.end
        && doc.token(next).is_word()
        && (speaker::is_finite_auxiliary(doc.lower(next))
            || cues::verb_at(doc, next)
                .is_some_and(|entry| matches!(entry.form, Form::Past | Form::Present)))
}

/// How far from the end of a sentence an inverted closing attribution ("…, said Ana Ruiz, the
/// director of …") may start.
const MAX_CLOSING_INVERTED_WORDS: usize = 30;

/// The last token a quote covers.
fn last_token_of(doc: &Doc, found: &Found) -> usize {
    let end = found
        .pieces
        .iter()
        .map(|piece| piece.end)
        .chain(found.cue.map(|(_, last)| doc.token(last).range.end))
        .chain(
            found
                .speaker
                .as_ref()
                .map(|speaker| doc.token(speaker.last).range.end),
        )
        .max()
        .unwrap_or(0);
    doc.tokens
        .partition_point(|token| token.range.end <= end)
        .saturating_sub(1)
}

/// Whether `subject` opens with a determiner of one ("a", "an", "each", "no", …) and its last
/// word is no plural: it cannot be the subject of a verb's base form. A share ("a mere 9
/// percent", "about one in five") counts people, and after an auxiliary the verb is a question's
/// ("how does a mayor persuade …").
pub(crate) fn singular_subject(doc: &Doc, subject: &speaker::Speaker) -> bool {
    let head = doc.lower(subject.last);
    // A day after its month ("a Sept. 14 email") is a date, no count.
    let day = |idx: usize| {
        idx > subject.first && crate::quantities::is_month(doc.lower(idx - 1).trim_end_matches('.'))
    };
    let share = (subject.first..=subject.last).any(|idx| {
        let word = doc.lower(idx);
        word == "percent"
            || word == "%"
            || (word.starts_with(|c: char| c.is_ascii_digit()) && !day(idx))
    }) || parallax_model::is_quantifier(head);
    let question =
        subject.first > 0 && speaker::FINITE_AUXILIARIES.contains(&doc.lower(subject.first - 1));
    let plural = (head.ends_with('s') && !head.ends_with("ss"))
        || head.ends_with("men")
        || matches!(
            head,
            "people" | "police" | "staff" | "media" | "children" | "clergy" | "personnel"
        );
    // A possessive opens a phrase whose number is its head's: "his on-camera claim that …" is
    // a noun, as "his aides claim that …" is a verb.
    let opener = doc.lower(subject.first);
    let of_one = matches!(
        opener,
        "a" | "an" | "another" | "each" | "every" | "one" | "no"
    ) || is_possessive_determiner(opener)
        // "the Velmar attack …", "the Irish dance show …": "the" and a singular noun are one,
        // as American English counts them; but after a preposition the phrase is an object,
        // and the subject lies further back ("observers in Velmar and around the country say").
        || (opener == "the"
            && (subject.first == 0 || !speaker::is_preposition(doc.lower(subject.first - 1))));
    // "A number of members echo …": the count's noun gives the number.
    let counted = (subject.first..subject.last).any(|idx| {
        doc.lower(idx + 1) == "of"
            && matches!(
                doc.lower(idx),
                "number"
                    | "majority"
                    | "lot"
                    | "couple"
                    | "handful"
                    | "group"
                    | "host"
                    | "series"
                    | "bunch"
                    | "variety"
                    | "minority"
            )
    });
    let one_person = {
        // "Hillary Ruiz | email probes": a person's name, opened by a given name, is one.
        let first_word = &doc.text[doc.token(subject.first).range.clone()];
        subject.kind == speaker::Kind::Name
            && subject.last > subject.first
            && speaker::gender_of_given_name(first_word).is_some()
            && (subject.first..=subject.last)
                .all(|idx| doc.token(idx).capitalized && !matches!(doc.lower(idx), "and" | "&"))
    };
    (of_one || one_person) && !(plural || share || question || counted)
}

/// Whether `word` (lowercase) is a possessive determiner ("his", "their").
pub(crate) fn is_possessive_determiner(word: &str) -> bool {
    matches!(
        word,
        "his" | "her" | "its" | "their" | "my" | "our" | "your"
    )
}

/// The "and" or "but" that coordinates the verb at `verb` with the one before it: right before
/// it, or before a phrase of a preposition that stands before it ("… but at the same time
/// acknowledged …"); not before `floor`.
fn conjunction_before_verb(doc: &Doc, verb: usize, floor: usize) -> Option<usize> {
    let conjunction = (verb.saturating_sub(6).max(floor)..verb)
        .rev()
        .find(|&at| matches!(doc.lower(at), "and" | "but"))?;
    let adjacent = conjunction + 1 == verb;
    let phrase_between = speaker::is_preposition(doc.lower(conjunction + 1))
        && (conjunction + 1..verb).all(|at| doc.token(at).is_word());
    (adjacent || phrase_between).then_some(conjunction)
}

/// Gerunds that open a second attribution after a comma ("…, adding that …"), so the content
/// before them ends there.
fn splits_content(doc: &Doc, idx: usize) -> bool {
    /// Nouns that sum up the clause before them in an apposition ("…, a decision that Ruiz
    /// said had …"): what follows tells of the act, not what was said.
    const SUMMING_UP: &[&str] = &["decision", "move", "step", "measure", "choice", "ruling"];
    let word = doc.lower(idx);
    let sums_up = matches!(word, "a" | "an")
        && SUMMING_UP.contains(&doc.lower(idx + 1))
        && matches!(doc.lower(idx + 2), "that" | "which");
    sums_up
        || (word == "according" && doc.lower(idx + 1) == "to")
        || cues::verb_at(doc, idx).is_some_and(|entry| {
            entry.form == Form::Gerund
                && matches!(entry.class(), Class::Speech | Class::Tell | Class::Act)
        })
}

/// Conjunctions that can open a new clause inside a content: "…, but she denied …".
const CLAUSE_CONJUNCTIONS: &[&str] = &[
    "and", "but", "or", "though", "although", "while", "as", "because", "whereas", "yet", "so",
    "even",
];

/// Whether a new attribution starts at token `idx` inside a content that began at `first`: a
/// reporting verb with its own subject after a conjunction, comma or dash ("…, but she denied"),
/// right after "and"/"but" ("… and said …"), or right after a comma ("…, said Ruiz", "Ruiz, who
/// …, said"). Returns where the content must end (exclusive).
fn new_clause(doc: &Doc, state: &State, first: usize, idx: usize) -> Option<usize> {
    if state.quoted[idx] {
        return None;
    }
    let entry = cues::verb_at(doc, idx)?;
    let (cue_first, _) = cues::extent(doc, idx, first + 1);
    // A base form is a present tense right after a plural or a personal pronoun: "…, and aides
    // say …"; after anything else it is more often a noun ("the real decline").
    let plural_before = || {
        let word = doc.lower(cue_first.saturating_sub(1));
        matches!(word, "they" | "we" | "i" | "you" | "people" | "police")
            || (word.len() > 3 && word.ends_with('s') && !word.ends_with("ss"))
    };
    // "…, but would not say whether …": an auxiliary makes a verb of saying finite, coordinated
    // with the verb before; without the comma it more often goes on the reported clause ("she
    // has signed a plea and would plead guilty").
    let auxiliary = cue_first < idx
        && speaker::FINITE_AUXILIARIES.contains(&doc.lower(cue_first))
        && matches!(entry.class(), Class::Speech | Class::Tell)
        && cue_first > first + 2
        && matches!(doc.lower(cue_first - 1), "and" | "but")
        && doc.token(cue_first - 2).is_punct(',');
    // "…, and Ruiz is promising …": a gerund right after a form of "be" is a progressive
    // tense, whose subject stands before the auxiliary; with none ("… and is seeking …") it
    // goes on the clause before.
    let progressive = entry.form == Form::Gerund
        && cue_first == idx
        && idx > first + 2
        && matches!(doc.lower(idx - 1), "is" | "are" | "was" | "were")
        && doc.token(idx - 2).is_word()
        && !matches!(doc.lower(idx - 2), "and" | "but" | "or");
    let cue_first = if progressive { idx - 1 } else { cue_first };
    let finite = matches!(entry.form, Form::Past | Form::Present)
        || (entry.form == Form::Base && cue_first == idx && plural_before())
        || (entry.form == Form::Base && auxiliary)
        || progressive;
    if !finite || entry.class() == Class::Thought {
        return None;
    }
    let before = cue_first.checked_sub(1).filter(|&before| before > first)?;
    let is_boundary = |idx: usize| {
        let token = doc.token(idx);
        token.is_punct(',')
            || token.is_punct(';')
            || token.is_dash()
            || CLAUSE_CONJUNCTIONS.contains(&token.lower.as_ref())
    };
    let boundary = if matches!(doc.lower(before), "and" | "but") || doc.token(before).is_punct(',')
    {
        before
    } else if let Some(subject) = speaker::before(doc, before, first + 1) {
        // The conjunction may stand a few words before the subject the phrase rule found:
        // "…, and more than half said …".
        (subject.first.saturating_sub(3).max(first + 1)..subject.first)
            .rev()
            .find(|&boundary| is_boundary(boundary))?
    } else {
        conjunction_before_verb(doc, cue_first, first + 1)?
    };
    // A comma right before the conjunction goes with it.
    Some(
        if boundary > first + 1 && doc.token(boundary - 1).is_punct(',') {
            boundary - 1
        } else {
            boundary
        },
    )
}

/// The content from token `first` to the end of the sentence: it stops before a comma that
/// opens another attribution ("…, adding …", "…, according to …"), before a new clause with its
/// own reporting verb ("…, but she denied …"), at the first comma when `to_comma` is set, or at
/// a token another quote holds, and leaves out the final punctuation unless a closing quotation
/// mark follows it. Returns the last token, or `None` when fewer than `min_words` words remain.
fn content_end(
    doc: &Doc,
    state: &State,
    first: usize,
    sentence: &Range<usize>,
    min_words: usize,
    to_comma: bool,
) -> Option<usize> {
    let mut end = first;
    while end < sentence.end {
        if state.used[end] {
            break;
        }
        let token = doc.token(end);
        // A dash sets off a second attribution as a comma does ("… big tax hikes on the rich —
        // lambasting the plan"); only a comma ends a content that stops at the first one.
        let dash = token.is_dash() || token.lower == "--";
        if end > first
            && (token.is_punct(',') || dash)
            && !state.quoted[end]
            && ((to_comma && !dash) || splits_content(doc, end + 1))
        {
            break;
        }
        if end > first + 1
            && let Some(boundary) = new_clause(doc, state, first, end)
        {
            end = boundary;
            break;
        }
        end += 1;
    }
    let mut last = end.checked_sub(1)?;
    while last > first {
        let token = doc.token(last);
        if token.is_word() || token.is_quote() || token.is_punct(')') || token.is_punct('%') {
            break;
        }
        last -= 1;
    }
    let n_words = (first..=last)
        .filter(|&idx| doc.token(idx).is_word())
        .count();
    (last >= first && n_words >= min_words).then_some(last)
}

/// Words that open a clause without "that": pronouns, determiners, "there".
const CLAUSE_OPENERS: &[&str] = &[
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "you",
    "there",
    "the",
    "a",
    "an",
    "his",
    "her",
    "its",
    "their",
    "our",
    "this",
    "these",
    "those",
    "some",
    "many",
    "most",
    "no",
    "all",
    "both",
    "neither",
    "each",
    "every",
    "any",
    "nobody",
    "nothing",
    "everyone",
    "everything",
    "if",
    "when",
    "what",
    "why",
    "how",
    "whether",
    "more",
    "several",
    "one",
    "only",
    "not",
    "he's",
    "she's",
    "it's",
    "they're",
    "we're",
    "i'm",
    "there's",
    "i've",
    "we've",
    "they've",
    "he'd",
    "she'd",
    "i'd",
    "we'd",
    "they'd",
    "he'll",
    "she'll",
    "it'll",
    "we'll",
    "they'll",
    "i'll",
    "that's",
    "nobody's",
    "everyone's",
];

/// Whether the word at `idx` can open a clause: a pronoun, a determiner, a name or a number.
fn opens_clause(doc: &Doc, idx: usize) -> bool {
    let token = doc.token(idx);
    token.is_word()
        && (CLAUSE_OPENERS.contains(&token.lower.as_ref())
            || token.capitalized
            || token.lower.chars().next().is_some_and(char::is_numeric))
}

/// Words that ask: the content of "asked whether …".
const QUESTION_WORDS: &[&str] = &[
    "whether", "if", "why", "how", "what", "who", "when", "where", "which", "about",
];

/// Words that may come between a cue and "that" or a colon: a prepositional phrase or a time
/// ("said in a statement on Monday that …").
fn detour_word(doc: &Doc, idx: usize) -> bool {
    let token = doc.token(idx);
    token.is_punct(',')
        || token.is_quote()
        || token.is_punct('‘')
        || token.is_punct('\'')
        || token.is_word()
            && (speaker::fits(token)
                || matches!(
                    token.lower.as_ref(),
                    "in" | "on"
                        | "at"
                        | "during"
                        | "to"
                        | "via"
                        | "after"
                        | "before"
                        | "from"
                        | "with"
                        | "over"
                        | "again"
                        | "repeatedly"
                        | "also"
                        // "said in a written statement that …".
                        | "written"
                        | "prepared"
                        | "emailed"
                        | "televised"
                        | "earlier"
                        | "later"
                        | "recently"
                        | "yesterday"
                        | "today"
                        | "last"
                        | "this"
                        | "him"
                        | "her"
                        | "them"
                        | "me"
                        | "us"
                ))
}

/// Words that cannot open a content: auxiliaries ("Everything he says is …"), conjunctions
/// ("said as he left"), prepositions ("reported from Lyon") and a few objects of "say" that are
/// not speech ("said goodbye").
const NOT_CONTENT: &[&str] = &[
    "is", "was", "are", "were", "be", "been", "will", "would", "can", "could", "should", "may",
    "might", "must", "has", "have", "had", "does", "did", "do", "as", "when", "while", "after",
    "before", "since", "until", "unless", "where", "in", "on", "at", "during", "to", "via", "of",
    "about", "for", "with", "from", "by", "into", "over", "against", "up", "out", "down", "off",
    "back", "so", "goodbye", "yes", "hello", "sorry", "also", "and", "or", "but", "than", "like",
    "amid", "through", "without", "again", "instead",
];

/// Whether `word` (lowercase) is a word of time: [`TIME_WORDS`] or a weekday.
pub(crate) fn is_time_word(word: &str) -> bool {
    TIME_WORDS.contains(&word) || parallax_model::WEEKDAY_NAMES.contains(&word)
}

/// Parts of a day that may follow a weekday after "on" ("on Monday night").
pub(crate) const DAY_PARTS: &[&str] = &["morning", "afternoon", "evening", "night"];

/// Words of time that may stand between a cue and its content ("said Friday the talks …"),
/// besides the weekdays ([`is_time_word`]).
const TIME_WORDS: &[&str] = &[
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
    "again",
    "repeatedly",
    "earlier",
    "later",
    "recently",
    "previously",
    "privately",
    "publicly",
    "last",
    "this",
    "week",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "weekend",
];

/// Words after "that" that show it is a relative pronoun ("the states that joined"), not the
/// start of a that-clause.
const RELATIVE_FOLLOWERS: &[&str] = &[
    "is", "was", "are", "were", "will", "would", "can", "could", "should", "may", "might", "must",
    "has", "have", "had", "does", "did", "do",
];

/// Where the content of the verb `entry`, whose cue ends at token `last`, starts: at "that", after
/// a colon, after an addressee for verbs of telling, at "to" for promises and wishes, at a
/// question word for questions, at the object of a speech act, or right after the cue when a
/// clause follows.
fn content_start(doc: &Doc, entry: Entry, last: usize, sentence: &Range<usize>) -> Option<usize> {
    let next = last + 1;
    let token = doc.tokens.get(next).filter(|_| next < sentence.end)?;
    let class = entry.class();
    let word = token.lower.as_ref();
    // After a form that is usually a noun, "that" followed by a verb is a relative pronoun ("the
    // reports that were leaked"); after a verb it opens the content, even as a demonstrative
    // ("said that is a distortion").
    let that_clause = word == "that"
        && !(entry.noun_like()
            && (RELATIVE_FOLLOWERS.contains(&doc.lower(next + 1))
                || doc.lower(next + 1).ends_with("ed")));
    if entry.noun_like() {
        // A form that is usually a noun ("reports", "remarks") is a cue only when what follows
        // cannot continue a noun phrase.
        let clear = that_clause
            || token.is_punct(':')
            || matches!(word, "he" | "she" | "they" | "it" | "we" | "i" | "you")
            || (word == "to" && matches!(class, Class::Commit | Class::Thought));
        if !clear {
            return None;
        }
    }
    if word == "that" {
        return that_clause.then_some(next);
    }
    if token.is_punct(':') {
        return (next + 1 < sentence.end).then_some(next + 1);
    }
    // A finite auxiliary right after the cue is the verb of a clause the cue's phrase is the
    // subject of: "Everything Ruiz says is a lie" says nothing of what Ruiz says.
    if matches!(word, "is" | "was" | "are" | "were") {
        return None;
    }
    // So is "said" or "told" after another cue: in "pilots who complained said the fees …"
    // the relative clause ends at its cue, and "said" is the subject's ("that he said
    // indicated …" is another shape, where "said" is the cue).
    if entry.base() != "say" && matches!(word, "said" | "says" | "told" | "tells") {
        return None;
    }
    if !token.is_word() && !token.is_punct(',') {
        return None;
    }
    let opens_clause = |idx: usize| opens_clause(doc, idx);
    // "agreed to step down", "proposed to cut taxes": a few verbs of saying also commit.
    let wants_to = class == Class::Commit
        || (class == Class::Thought && matches!(entry.base(), "hope" | "expect"))
        || matches!(entry.base(), "agree" | "propose");
    match class {
        Class::Ask if QUESTION_WORDS.contains(&word) => return Some(next),
        _ if wants_to && word == "to" => return Some(next),
        _ => {}
    }
    // "learn to plant …", "wants to say …": an infinitive right after the verb is what the
    // subject does, and a "that" further on belongs to it, not to the cue.
    if word == "to"
        && !matches!(class, Class::Tell | Class::Ask | Class::Commit)
        && doc.tokens.get(next + 1).is_some_and(|after| {
            after.is_word()
                && !after.capitalized
                && !speaker::is_determiner(&after.lower)
                && !matches!(
                    after.lower.as_ref(),
                    "him" | "them" | "me" | "us" | "reporters"
                )
        })
    {
        return None;
    }
    // The addressee of a verb of telling can be a long phrase before "that": "told a packed hall
    // in the old town that …".
    if class == Class::Tell
        && let Some(that) = (next + 1..(next + 15).min(sentence.end))
            .take_while(|&at| doc.token(at).is_word() && doc.lower(at) != "to")
            .find(|&at| doc.lower(at) == "that")
        && !RELATIVE_FOLLOWERS.contains(&doc.lower(that + 1))
    {
        return Some(that);
    }
    // A detour before "that", a colon or a comma: "said in a statement on Monday that …".
    let mut probe = next;
    while probe < sentence.end && probe - next < 10 && detour_word(doc, probe) {
        probe += 1;
        let after = doc.token(probe.min(sentence.end - 1));
        if after.lower == "that" {
            return Some(probe);
        }
        if after.is_punct(':') && probe + 1 < sentence.end {
            return Some(probe + 1);
        }
        if matches!(class, Class::Tell | Class::Ask | Class::Commit)
            && probe < sentence.end
            && after.is_word()
            && probe - next <= 6
        {
            // "asked the council to …" requests; "told a packed hall in Lyon he …" names the
            // addressee before the clause.
            let word = after.lower.as_ref();
            // "offered a deal to the pilots" names a recipient; "urged the council to act"
            // asks for an act.
            // (A quotation may open between them: "urged voters to “go to your place”".)
            let after_to = if doc
                .tokens
                .get(probe + 1)
                .is_some_and(|token| token.is_quote())
            {
                probe + 2
            } else {
                probe + 1
            };
            let infinitive = word == "to"
                && doc.tokens.get(after_to).is_some_and(|verb| {
                    verb.is_word()
                        && !verb.capitalized
                        && !speaker::is_determiner(&verb.lower)
                        && !matches!(verb.lower.as_ref(), "him" | "her" | "them" | "me" | "us")
                });
            if (class == Class::Ask && QUESTION_WORDS.contains(&word))
                || infinitive
                || (class == Class::Tell
                    && matches!(word, "he" | "she" | "they" | "we" | "i" | "it" | "there"))
            {
                return Some(probe);
            }
        }
    }
    if !token.is_word() {
        return None;
    }
    let mut start = next;
    // "said on Monday (night) the fees …": a day after "on" is a time too.
    if doc.lower(start) == "on" && parallax_model::WEEKDAY_NAMES.contains(&doc.lower(start + 1)) {
        start += 2;
        if DAY_PARTS.contains(&doc.lower(start)) {
            start += 1;
        }
    }
    // "this" and "last" are a time only before one ("said last week"); "said this is …" opens
    // the content with them.
    while start < sentence.end
        && start - next < 3
        && is_time_word(doc.lower(start))
        && (!matches!(doc.lower(start), "this" | "last") || is_time_word(doc.lower(start + 1)))
    {
        start += 1;
    }
    // A short prepositional phrase before a subject pronoun: "said for weeks he is …", "said
    // in a Sept. 14 email that she …".
    if matches!(
        doc.lower(start),
        "in" | "on" | "at" | "for" | "during" | "after" | "over" | "since" | "via"
    ) {
        let subject = (start + 1..(start + 8).min(sentence.end)).find(|&idx| {
            matches!(
                doc.lower(idx),
                "he" | "she"
                    | "they"
                    | "it"
                    | "we"
                    | "i"
                    | "there"
                    | "he's"
                    | "she's"
                    | "they're"
                    | "it's"
                    | "we're"
                    | "i'm"
                    | "there's"
            )
        });
        if let Some(subject) = subject
            && (start..subject).all(|idx| doc.token(idx).is_word())
        {
            return Some(subject);
        }
    }
    if start >= sentence.end || !doc.token(start).is_word() {
        return None;
    }
    let start_word = doc.lower(start);
    match class {
        Class::Tell | Class::Ask => {
            // The addressee is one pronoun or a name: "told him the talks", "told CNN he".
            let mut after_addressee = start;
            if matches!(
                start_word,
                "him" | "her" | "them" | "me" | "us" | "reporters"
            ) {
                after_addressee += 1;
            } else if doc.token(start).capitalized {
                while after_addressee < sentence.end && doc.token(after_addressee).capitalized {
                    after_addressee += 1;
                }
            } else if class == Class::Tell {
                // A short addressee with a determiner or a role ("told the Associated Press the
                // port …", "told host Ana Ruiz it …", "told the AP her group …"): the clause
                // opens at the next determiner or subject pronoun that no preposition governs.
                return (start + 1..(start + 8).min(sentence.end))
                    .take_while(|&at| doc.token(at).is_word())
                    .find(|&at| {
                        matches!(
                            doc.lower(at),
                            "the"
                                | "a"
                                | "an"
                                | "his"
                                | "her"
                                | "their"
                                | "its"
                                | "our"
                                | "he"
                                | "she"
                                | "they"
                                | "it"
                                | "we"
                                | "i"
                                | "there"
                        ) && !ADDRESSEE_PREPOSITIONS.contains(&doc.lower(at - 1))
                    });
            } else {
                return None;
            }
            (after_addressee < sentence.end && opens_clause(after_addressee))
                .then_some(after_addressee)
        }
        // "worried about the plan", "knew of the talks": the topic of a thought is its content.
        Class::Thought if matches!(start_word, "about" | "of") => topic(doc, start, sentence),
        // A clause opening with a bare noun shows itself by an auxiliary soon after it:
        // "realized reinforcements weren't coming".
        Class::Thought => (opens_clause(start)
            || (!NOT_CONTENT.contains(&start_word)
                && (start + 1..(start + 5).min(sentence.end))
                    .take_while(|&at| doc.token(at).is_word())
                    .any(|at| speaker::AUXILIARIES.contains(&doc.lower(at)))))
        .then_some(start),
        Class::Regard => {
            // The "as" must come within the clause: "sees the deal as a retreat".
            let regarded = (start..(start + 10).min(sentence.end))
                .take_while(|&idx| doc.token(idx).is_word())
                .any(|idx| idx > start && doc.lower(idx) == "as");
            (regarded && !NOT_CONTENT.contains(&start_word)).then_some(start)
        }
        Class::Speech | Class::Commit | Class::Act => {
            // "about" before a number is an approximation opening the content ("said about
            // half of …"), not the topic of the verb.
            let approximation = start_word == "about"
                && (doc.lower(start + 1) == "half"
                    || doc
                        .lower(start + 1)
                        .starts_with(|c: char| c.is_ascii_digit()));
            // After a phrasal cue the preposition that follows leads to its object: "lashed out
            // at the council", "weighed in on the bill".
            let particle =
                last > 0 && doc.lower(last) != "it" && entry.particles().contains(&doc.lower(last));
            if particle
                && matches!(
                    start_word,
                    "at" | "on" | "against" | "about" | "with" | "for"
                )
                && start + 1 < sentence.end
                && doc.token(start + 1).is_word()
            {
                return Some(start + 1);
            }
            if NOT_CONTENT.contains(&start_word) && !approximation {
                return None;
            }
            if entry.base() == "release" && names_people(doc, start, sentence) {
                return None;
            }
            (opens_clause(start) || class != Class::Commit).then_some(start)
        }
    }
}

/// Whether the phrase at `start` names people ("the prisoners", "all 14 Velmarians", "two
/// journalists"): what "released" then did is free them, which says nothing.
fn names_people(doc: &Doc, start: usize, sentence: &Range<usize>) -> bool {
    const PEOPLE: &[&str] = &[
        "prisoners",
        "prisoner",
        "hostages",
        "hostage",
        "detainees",
        "detainee",
        "captives",
        "inmates",
        "people",
        "citizens",
        "nationals",
        "men",
        "women",
        "children",
        "soldiers",
        "troops",
        "sailors",
        "crew",
        "crews",
        "journalists",
        "workers",
        "suspects",
        "protesters",
        "passengers",
        "him",
        "her",
        "them",
        "everyone",
        "others",
    ];
    const BEFORE_THE_HEAD: &[&str] = &[
        "the",
        "all",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "our",
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
        "of",
        "remaining",
        "last",
        "other",
        "jailed",
        "detained",
        "captured",
    ];
    (start..(start + 5).min(sentence.end))
        .take_while(|&at| doc.token(at).is_word())
        .find(|&at| {
            let word = doc.lower(at);
            !BEFORE_THE_HEAD.contains(&word) && !word.starts_with(|c: char| c.is_ascii_digit())
        })
        .is_some_and(|head| {
            let word = doc.lower(head);
            PEOPLE.contains(&word)
                || (doc.token(head).capitalized
                    && word.len() > 5
                    && (word.ends_with("ans") || word.ends_with("ese")))
        })
}

/// Prepositions after which a determiner opens a phrase of the addressee, not the content:
/// "told the crowd about the plan".
const ADDRESSEE_PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "of", "about", "for", "with", "to", "from", "by", "over", "into", "during",
    "after", "before", "than", "like", "and", "or",
];

/// The object of the preposition at `at` ("about the plan"), when a word follows it.
fn topic(doc: &Doc, at: usize, sentence: &Range<usize>) -> Option<usize> {
    (at + 1 < sentence.end && doc.token(at + 1).is_word()).then_some(at + 1)
}

/// Words before a gerund cue that make it a clause of the sentence's subject: "while saying
/// that …", "after telling reporters …", "by calling for …".
const GERUND_LINKS: &[&str] = &[
    "while",
    "after",
    "before",
    "by",
    "when",
    "without",
    "since",
    "upon",
    "in",
    "from",
    "also",
    "even",
    "again",
    "repeatedly",
    "publicly",
    "privately",
    "then",
];

/// Words right before the "to" of an infinitive cue whose subject is the speaker: "went on to
/// say", "declined to comment", "wants to tell".
const SUBJECT_CONTROL: &[&str] = &[
    "on",
    "went",
    "goes",
    "continued",
    "continues",
    "declined",
    "declines",
    "refused",
    "refuses",
    "wanted",
    "wants",
    "want",
    "planned",
    "plans",
    "decided",
    "tried",
    "tries",
    "promised",
    "vowed",
    "hoped",
    "hopes",
    "began",
    "begins",
    "sought",
    "seeks",
    "used",
    "agreed",
    "chose",
    "would",
    "like",
    "able",
    "ready",
    "willing",
    "eager",
    "quick",
    "first",
    "last",
];

/// Conjunctions that make the attribution a subordinate clause, whose content ends at its comma.
const SUBORDINATORS: &[&str] = &[
    "while", "although", "though", "as", "because", "if", "when", "since", "whereas", "after",
    "before", "even",
];

/// The fewest words a reported content may have.
fn min_words(class: Class) -> usize {
    match class {
        Class::Act => 1,
        Class::Commit | Class::Regard => 2,
        _ => 3,
    }
}

/// A quote around the reporting verb at `idx`: subject before the verb and content after it,
/// content before it ("…, Ruiz said"), or content around it ("…, officials said, …"); or a
/// participle continuing an earlier attribution ("…, adding …").
fn reported(doc: &Doc, state: &State, idx: usize, sentence: &Range<usize>) -> Option<Found> {
    let entry = cues::verb_at(doc, idx)?;
    let floor = (sentence.start..idx)
        .rev()
        .find(|&before| state.used[before])
        .map_or(sentence.start, |before| before + 1);
    let (mut first, last) = cues::extent(doc, idx, floor);
    let class = entry.class();
    // "They should resist it", "she must back the plan": what someone ought to do is the
    // writer's advice, not a stance its subject took.
    if matches!(class, Class::Act | Class::Commit)
        && (first..idx).any(|at| matches!(doc.lower(at), "should" | "must" | "ought"))
    {
        return None;
    }
    // "is saying", "were showing": the form of "to be" and its auxiliaries join the cue.
    let progressive = entry.form == Form::Gerund
        && first > floor
        && matches!(
            doc.lower(first - 1),
            "is" | "are" | "was" | "were" | "been" | "be" | "am"
        );
    // "he's saying", "they're hoping": the contraction holds the subject and the "to be".
    let contracted = entry.form == Form::Gerund
        && first > floor
        && speaker::contracted_pronoun(doc.lower(first - 1)).is_some()
        && matches!(
            doc.lower(first - 1).rsplit_once('\'').map(|(_, rest)| rest),
            Some("s" | "re" | "m")
        );
    // "the party needs to be defending …": an infinitive's progressive tells what someone
    // ought to be doing, not what they say.
    if progressive && doc.lower(first - 1) == "be" && first >= 2 && doc.lower(first - 2) == "to" {
        return None;
    }
    let entry = if progressive {
        first = cues::extent(doc, first - 1, floor).0;
        entry.progressive()
    } else if contracted {
        entry.progressive()
    } else {
        entry
    };

    // "…, adding (that) …", "while saying that …", "Noting that …, Ruiz …": the subject is the
    // earlier speaker or the subject of the sentence. "with Ruiz calling it a mistake": the
    // phrase before the gerund.
    // An infinitive is read the same way: "went on to say …", "led them to say …".
    let infinitive = entry.form == Form::Base && first > floor && doc.lower(first - 1) == "to";
    if entry.form == Form::Gerund || infinitive {
        // A thought in a gerund is a finding only right after its source: "with polls showing
        // her ahead".
        let after_finding = first > floor && FINDING_SOURCES.contains(&doc.lower(first - 1));
        if class == Class::Thought && !(after_finding && shows_findings(entry)) {
            return None;
        }
        let before = (first > floor).then(|| doc.token(first - 1));
        // A dash links as a comma does, unless it closes a pair of dashes around an
        // apposition ("X — still a voice among lawmakers — writing …" is X's writing).
        let is_dash = |idx: usize| doc.token(idx).is_long_dash();
        let linked = infinitive
            || before.is_some_and(|token| {
                token.is_punct(',') || GERUND_LINKS.contains(&token.lower.as_ref())
            })
            || (first > floor && is_dash(first - 1) && !(sentence.start..first - 1).any(is_dash));
        let opens_sentence =
            (floor..first).all(|idx| !doc.token(idx).is_word()) && doc.token(first).capitalized;
        let mut subject = match before {
            Some(token) if token.is_word() && !linked => {
                Some(speaker::before(doc, first - 1, floor)?)
            }
            _ => None,
        };
        // "spent the past month telling …": a time before the gerund is no speaker; the
        // sentence's subject is.
        // Nor is a figure ("burned through 2.4 billion lodras of reserves in October
        // defending the currency").
        let after_time = subject.as_ref().is_some_and(|subject| {
            is_time_word(doc.token(subject.last).stem())
                || parallax_model::MONTH_NAMES.contains(&doc.lower(subject.last))
                || doc
                    .lower(subject.first)
                    .starts_with(|c: char| c.is_ascii_digit())
        });
        if after_time {
            subject = None;
        }
        let linked = linked || after_time;
        let start = content_start(doc, entry, last, sentence)?;
        let clear = before.is_some_and(|token| token.is_punct(','))
            || doc.lower(start) == "that"
            || doc.token(start - 1).is_punct(':')
            || (class != Class::Speech && start > last + 1)
            || opens_clause(doc, start);
        if !(linked || opens_sentence || subject.is_some()) || !clear {
            return None;
        }
        // "Senior officials, discussing the review, relayed that …": a participle set off right
        // after the sentence's subject ends at its comma, where the subject's verb follows.
        let after_subject = before.is_some_and(|token| token.is_punct(','))
            && speaker::subject_name(doc, sentence.start..first, &state.quoted)
                .is_some_and(|(_, subject_last)| subject_last + 2 == first);
        let end = content_end(doc, state, start, sentence, min_words(class), after_subject)?;
        // An infinitive is the subject's only after a verb the subject controls ("went on to
        // say", "declined to say"); after an object ("leaving the mediators to announce") the
        // speaker is not the subject, and is left unknown.
        let controlled = !infinitive
            || first
                .checked_sub(2)
                .is_some_and(|verb| SUBJECT_CONTROL.contains(&doc.lower(verb)));
        let speaker = if controlled {
            subject.or_else(|| participle_subject(doc, state, first))
        } else {
            None
        };
        return Some(found(doc, vec![(start, end)], (first, last), speaker));
    }

    let subject = (first > floor)
        .then(|| speaker::before(doc, first - 1, floor))
        .flatten();
    if let Some(mut subject) = subject {
        // "a comprehensive plan to …", "in a Sept. 14 email that …": a base form right after a
        // singular subject is no verb ("a spokesman say" is not English), but the noun that
        // phrase goes on with; after a possessive, the possessor's ("its own plan to …").
        if entry.form == Form::Base && first == idx && singular_subject(doc, &subject) {
            let possessor_of_noun =
                is_possessive_determiner(doc.lower(subject.first)) && first - subject.first <= 2;
            if !possessor_of_noun {
                return None;
            }
            subject = speaker::pronoun(subject.first);
        }
        // A form that is usually a noun is a verb after a name or pronoun ("Ruiz calls …"), in
        // its base form after a plural ("polls show …"), and after a source of findings ("the
        // survey shows …").
        let head = doc.lower(subject.last);
        let reads_as_verb = match entry.form {
            Form::Present | Form::Past => {
                subject.kind != speaker::Kind::Role || FINDING_SOURCES.contains(&head)
            }
            // "The strike threat increases pressure on the mayor": before "on" or "from" the
            // word is the noun that verb in -s takes.
            Form::Base => {
                subject.kind != speaker::Kind::Role
                    || (head.ends_with('s')
                        && !head.ends_with("ss")
                        && !matches!(doc.lower(last + 1), "on" | "from"))
            }
            _ => false,
        };
        let entry = if reads_as_verb && subject.last + 1 == first {
            entry.after_subject()
        } else {
            entry
        };
        // A one-word answer or a pronoun for what was said: "most voters said yes", "I think
        // so", "by the time he said that."
        let answer = last + 1;
        let closes = |at: usize, loose: bool| {
            doc.tokens.get(at).is_none_or(|next| {
                at >= sentence.end
                    || next.is_terminal()
                    || loose
                        && (next.is_punct(',')
                            || matches!(next.lower.as_ref(), "while" | "and" | "but"))
            })
        };
        let one_word = match doc.lower(answer) {
            "yes" | "no" | "so" => closes(answer + 1, true),
            "that" | "this" => closes(answer + 1, false),
            _ => false,
        };
        if matches!(class, Class::Speech | Class::Thought) && answer < sentence.end && one_word {
            return Some(found(
                doc,
                vec![(answer, answer)],
                (first, last),
                Some(subject),
            ));
        }
        // Content after the cue: "Ruiz said (that) …". Under a subordinating conjunction the
        // content ends at the comma that closes the clause: "While Ruiz said …, the council …".
        // A source of findings shows a plain noun phrase too: "polls show voters trust her".
        let finding = FINDING_SOURCES.contains(&head) && shows_findings(entry);
        let start = content_start(doc, entry, last, sentence).or_else(|| {
            let start = last + 1;
            (finding
                && start < sentence.end
                && doc.token(start).is_word()
                && !NOT_CONTENT.contains(&doc.lower(start))
                && doc.lower(start) != "that")
                .then_some(start)
        });
        if let Some(start) = start {
            let subordinate = subject.first > floor
                && SUBORDINATORS.contains(&doc.lower(subject.first - 1))
                && (subject.first - 1 == floor || doc.token(subject.first - 2).is_punct(','));
            // "Ana Ruiz, who said she left on good terms, wept": a relative clause between the
            // sentence's subject and its verb ends at its comma.
            let inside_subject = subject.kind == speaker::Kind::Pronoun
                && subject
                    .antecedent
                    .as_ref()
                    .is_some_and(|antecedent| antecedent.first == sentence.start);
            // A clause of two words is enough with its own subject pronoun ("said she could"),
            // and a topic of one ("worried about Ruiz").
            let topic = start == last + 2 && matches!(doc.lower(last + 1), "about" | "of");
            let fewest = if topic {
                1
            } else if matches!(class, Class::Speech | Class::Thought)
                && matches!(
                    doc.lower(start),
                    "he" | "she" | "they" | "it" | "we" | "i" | "you"
                )
            {
                2
            } else {
                min_words(class)
            };
            let end = content_end(
                doc,
                state,
                start,
                sentence,
                fewest,
                subordinate || inside_subject,
            )?;
            return Some(found(doc, vec![(start, end)], (first, last), Some(subject)));
        }
        // Content before the cue: "…, Ruiz said.", "…, officials said, …" and "…, as Ruiz
        // noted, …".
        if !matches!(
            class,
            Class::Speech | Class::Tell | Class::Ask | Class::Thought
        ) {
            return None;
        }
        // "As Ruiz noted, …" opening the sentence: the content follows the comma.
        if subject.first == floor + 1
            && doc.lower(floor) == "as"
            && last + 1 < sentence.end
            && doc.token(last + 1).is_punct(',')
        {
            let start = last + 2;
            let end = content_end(doc, state, start, sentence, 3, false)?;
            return Some(found(doc, vec![(start, end)], (first, last), Some(subject)));
        }
        if subject.first <= floor {
            return None;
        }
        // "…, which Ruiz said were split", "what they described as a bias": the relative pronoun
        // stands for the content, which goes on after the cue.
        let relative = subject.first - 1;
        if matches!(doc.lower(relative), "which" | "what") {
            let mut pieces = vec![(relative, relative)];
            let rest = last + 1;
            let closes = doc.tokens.get(rest).is_none_or(|next| {
                rest >= sentence.end || next.is_terminal() || next.is_punct(',')
            });
            if !closes {
                pieces.push((rest, content_end(doc, state, rest, sentence, 1, false)?));
            }
            return Some(found(doc, pieces, (first, last), Some(subject)));
        }
        let mut boundary = subject.first - 1;
        if doc.lower(boundary) == "as" && boundary > floor {
            boundary -= 1;
        }
        if doc.token(boundary).is_punct(',') {
            return before_and_around(
                doc,
                state,
                (first, last),
                subject,
                boundary,
                floor,
                sentence,
            );
        }
        // The phrase rules stop at a lowercase modifier that cannot open a phrase ("…, election
        // officials said"): a short run of such words back to a comma is the subject all the same.
        if entry.noun_like() {
            return None;
        }
        // Coordinated subjects count too ("…, teachers and union officials said"), when the
        // conjunction stands between two of its words; members of a list set off after its noun
        // do not ("…, including numerous mayors mentioned as …").
        let comma = (subject.first.saturating_sub(5).max(floor + 1)..subject.first)
            .rev()
            .take_while(|&at| doc.lower(at) != "including")
            .take_while(|&at| {
                let token = doc.token(at);
                token.is_punct(',')
                    || (matches!(token.lower.as_ref(), "and" | "or") && doc.token(at - 1).is_word())
                    || (speaker::fits(token)
                        && !token.capitalized
                        && !INNER_PREPOSITIONS_AND_DETERMINERS.contains(&token.lower.as_ref()))
            })
            .find(|&at| doc.token(at).is_punct(','))
            .filter(|&comma| !matches!(doc.lower(comma + 1), "and" | "or"))?;
        let subject = speaker::described(doc, comma + 1, subject.last);
        return before_and_around(doc, state, (first, last), subject, comma, floor, sentence);
    }

    // The main verb after a relative clause or a participle set off by commas that is itself
    // an attribution: "Ruiz, who has argued …, said …" takes the antecedent of "who", "Ruiz,
    // echoing other critics, has said …" the participle's speaker.
    if first > floor
        && doc.token(first - 1).is_punct(',')
        && let Some(antecedent) =
            relative_subject(doc, state, first - 1).or_else(|| aside_subject(doc, state, first - 1))
    {
        let start = content_start(doc, entry, last, sentence)?;
        let end = content_end(doc, state, start, sentence, min_words(class), false)?;
        return Some(found(
            doc,
            vec![(start, end)],
            (first, last),
            Some(antecedent),
        ));
    }

    // A second verb of the same subject: "Ruiz met the council and said …", "… but at the
    // same time acknowledged …".
    if first > floor && conjunction_before_verb(doc, first, floor).is_some() {
        let start = content_start(doc, entry, last, sentence)?;
        let end = content_end(doc, state, start, sentence, min_words(class), false)?;
        let speaker = participle_subject(doc, state, first);
        return Some(found(doc, vec![(start, end)], (first, last), speaker));
    }

    // Inverted, after the content: "…, said Ruiz."
    if entry.inverts() && first > floor && doc.token(first - 1).is_punct(',') {
        let mut speaker = speaker::after(doc, last + 1, sentence.end)?;
        let ends = |at: usize| {
            doc.tokens
                .get(at)
                .is_none_or(|next| at >= sentence.end || next.is_terminal())
        };
        if !ends(speaker.last + 1) {
            // A relative clause or a second appositive after the speaker's own runs to the end
            // of the sentence and describes the speaker: "…, said Ana Ruiz, the director of the
            // institute, which tracks shipping."
            let comma = speaker.last + 1;
            let set_off = comma + 1 < sentence.end && doc.token(comma).is_punct(',');
            // "…, said Ana Ruiz, who argued that …": the relative clause is an attribution of
            // its own, read after this one.
            let reports = set_off && speaker::relative_clause_reports(doc, comma + 1, sentence.end);
            let describes = set_off
                && matches!(
                    doc.lower(comma + 1),
                    "who" | "which" | "whose" | "a" | "an" | "the"
                );
            let end = (comma + 1..(comma + 30).min(sentence.end)).find(|&at| {
                let token = doc.token(at);
                token.is_terminal() || token.is_quote()
            });
            match end {
                _ if reports => {}
                Some(end) if describes && ends(end) && doc.token(end - 1).is_word() => {
                    speaker.last = end - 1;
                }
                _ => return None,
            }
        }
        let comma = first - 1;
        let end = trim_back(doc, floor, comma)?;
        let n_words = (floor..=end).filter(|&i| doc.token(i).is_word()).count();
        return (n_words >= 3)
            .then(|| found(doc, vec![(floor, end)], (first, last), Some(speaker)));
    }

    // A subject the phrase rules cannot read ("most of them said", "the group's director
    // Ana Ruiz told …"): a finite verb of saying right after a word, with a that-clause, a colon
    // or a clause of its own after it, is speech all the same. The speaker is the run of words
    // before the cue.
    if matches!(entry.form, Form::Past | Form::Present)
        && !entry.noun_like()
        && class != Class::Regard
        && first > floor
        && doc.token(first - 1).is_word()
    {
        let start = content_start(doc, entry, last, sentence)?;
        let clear = doc.lower(start) == "that"
            || doc.token(start - 1).is_punct(':')
            || opens_clause(doc, start);
        if !clear {
            return None;
        }
        let end = content_end(doc, state, start, sentence, min_words(class), false)?;
        // A form of "to be" before the verb makes it a passive ("are being told that …"), whose
        // subject is the addressee: the speaker is unknown.
        let passive = matches!(
            doc.lower(first - 1),
            "is" | "are" | "was" | "were" | "be" | "been" | "being" | "get" | "got"
        );
        // An infinitive after the verb is what the subject learns or decides to do, not what
        // anyone said ("the farmers learn to plant …").
        if doc.lower(start) == "to" {
            return None;
        }
        if passive {
            return Some(found(doc, vec![(start, end)], (first, last), None));
        }
        // Without a subject to read (the verb of a relative clause, "a commission that found
        // …", or an imperative after an adverb, "Now consider …") it is not reported speech.
        let speaker = loose_subject(doc, first - 1, floor)?;
        return Some(found(doc, vec![(start, end)], (first, last), Some(speaker)));
    }
    None
}

/// Whether the verb reports what a poll or a record shows: "show", "find", "suggest", ….
fn shows_findings(entry: Entry) -> bool {
    matches!(
        entry.base(),
        "show" | "find" | "suggest" | "indicate" | "reveal" | "confirm"
    )
}

/// Words that end a loose subject, read backwards from its verb: conjunctions and relative
/// words that open the clause it stands in.
const LOOSE_SUBJECT_STOPS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "and", "but", "or", "because", "while", "when", "if",
    "as", "after", "before", "since", "though", "although", "where", "whether", "than", "so",
];

/// The run of up to eight words ending at `last`, back to punctuation or a conjunction, not
/// before `floor`: the subject of a verb whose subject the phrase rules could not read.
fn loose_subject(doc: &Doc, last: usize, floor: usize) -> Option<Speaker> {
    if LOOSE_SUBJECT_STOPS.contains(&doc.lower(last)) {
        return None;
    }
    let mut first = last;
    while first > floor
        && last - first < 7
        && doc.token(first - 1).is_word()
        && !LOOSE_SUBJECT_STOPS.contains(&doc.lower(first - 1))
    {
        first -= 1;
    }
    let token = doc.token(first);
    // "an air that never quite felt warm": adverbs alone are no subject.
    let only_adverbs = (first..=last).all(|i| {
        let word = doc.lower(i);
        speaker::SENTENCE_ADVERBS.contains(&word)
            || speaker::is_stop_word(word)
            || !doc.token(i).is_word()
    });
    (token.is_word() && !LOOSE_SUBJECT_STOPS.contains(&token.lower.as_ref()) && !only_adverbs)
        .then(|| speaker::described(doc, first, last))
}

/// The antecedent of the relative pronoun speaker of the quote that ends right before the comma
/// `comma`, in the same sentence.
fn relative_subject(doc: &Doc, state: &State, comma: usize) -> Option<Speaker> {
    let sentence = doc.token(comma).sentence;
    let previous = state.found.last()?;
    let speaker = previous.speaker.as_ref()?;
    let ends_here = previous
        .pieces
        .last()
        .is_some_and(|piece| piece.end <= doc.token(comma).range.start);
    if doc.token(speaker.first).sentence != sentence || !ends_here {
        return None;
    }
    speaker.antecedent.as_deref().cloned()
}

/// The speaker of the attribution that ends right before `comma` when it is a participle set
/// off after its speaker ("Ruiz, echoing other critics, …"): the subject of the verb after
/// the comma.
fn aside_subject(doc: &Doc, state: &State, comma: usize) -> Option<Speaker> {
    let previous = state.found.last()?;
    let speaker = previous.speaker.as_ref()?;
    let (cue_first, _) = previous.cue?;
    let set_off = speaker.last + 2 == cue_first
        && doc.token(speaker.last + 1).is_punct(',')
        && doc.lower(cue_first).ends_with("ing");
    let ends_here = previous
        .pieces
        .last()
        .is_some_and(|piece| piece.end <= doc.token(comma).range.start)
        && (cue_first..comma).all(|at| doc.token(at).sentence == doc.token(comma).sentence);
    (set_off && ends_here).then(|| speaker.clone())
}

/// The last word-like token before `end` (exclusive), not before `first`.
fn trim_back(doc: &Doc, first: usize, end: usize) -> Option<usize> {
    let mut last = end.checked_sub(1)?;
    while last > first {
        let token = doc.token(last);
        if token.is_word() || token.is_quote() || token.is_punct(')') || token.is_punct('%') {
            return Some(last);
        }
        last -= 1;
    }
    (last == first && doc.token(last).is_word()).then_some(last)
}

/// "…, Ruiz said." (content before) or "…, Ruiz said on Monday, …" (content on both sides);
/// `comma` is the comma before the subject (or before "as" in "…, as Ruiz noted, …"). Content
/// before the cue alone needs three words, so a fronted phrase ("In May, Ruiz said.") is not
/// taken for speech; with content on both sides one word will do ("The deal, officials said,
/// …").
fn before_and_around(
    doc: &Doc,
    state: &State,
    cue: (usize, usize),
    subject: Speaker,
    comma: usize,
    floor: usize,
    sentence: &Range<usize>,
) -> Option<Found> {
    let head_end = trim_back(doc, floor, comma)?;
    let n_head = (floor..=head_end)
        .filter(|&i| doc.token(i).is_word())
        .count();
    if n_head == 0 {
        return None;
    }
    // Words after the cue that do not start a clause: a time, a place, an addressee ("said on
    // Monday", "told reporters", "said on the show “Morning Call”").
    let mut tail = cue.1 + 1;
    while tail < sentence.end
        && tail - cue.1 <= 8
        && (doc.token(tail).is_word() || doc.token(tail).is_quote())
        && doc.lower(tail) != "that"
        && !SUBORDINATORS.contains(&doc.lower(tail))
    {
        tail += 1;
    }
    // A preposition right after the cue takes the verb's own object ("…, shops have warned of
    // shortages, …"): what comes before is another clause, not what was said. "to" names an
    // addressee ("confirmed to the paper") and stays.
    if tail > cue.1 + 1 && matches!(doc.lower(cue.1 + 1), "of" | "about" | "for" | "against") {
        return None;
    }
    let token = doc.tokens.get(tail).filter(|_| tail < sentence.end);
    // A subordinate clause after the tail is the circumstance of the saying, not more content:
    // "…, Ruiz told aides as she left."
    let circumstance = token.is_some_and(|token| SUBORDINATORS.contains(&token.lower.as_ref()));
    // After a tail that is only a time or a place ("said on Monday"), a dash or a semicolon
    // closes the attribution as a full stop does: what follows comments on it ("…, the office
    // reported on Tuesday — a shift that …").
    let adverbial = tail == cue.1 + 1
        || matches!(
            doc.lower(cue.1 + 1),
            "on" | "in" | "at" | "during" | "late" | "early"
        )
        || is_time_word(doc.lower(cue.1 + 1));
    let ends = token.is_none_or(|token| {
        token.is_terminal() || (adverbial && (token.is_punct(';') || token.is_dash()))
    });
    let rest = match token {
        Some(token) if token.is_punct(',') && tail + 1 < sentence.end => {
            let rest = tail + 1;
            if splits_content(doc, rest) {
                None
            } else {
                content_end(doc, state, rest, sentence, 2, false).map(|end| (rest, end))
            }
        }
        _ => None,
    };
    let comma_after = token.is_some_and(|token| token.is_punct(','));
    if rest.is_none() && subordinate_head(doc, floor, head_end) {
        return None;
    }
    let ends = ends || circumstance;
    match rest {
        Some(rest) => Some(found(
            doc,
            vec![(floor, head_end), rest],
            cue,
            Some(subject),
        )),
        None if (ends || comma_after) && n_head >= 3 => {
            Some(found(doc, vec![(floor, head_end)], cue, Some(subject)))
        }
        None => None,
    }
}

/// Words that never stand as a modifier in front of a subject's head ("election officials").
const INNER_PREPOSITIONS_AND_DETERMINERS: &[&str] = &[
    "of", "for", "at", "with", "from", "in", "the", "a", "an", "this", "that", "his", "her", "its",
    "their", "our", "my", "your",
];

/// Whether the content before a cue, from `floor` to `head_end`, is only a subordinate clause
/// ("When the vote ended, Ruiz said."), which reports nothing. One with a main clause after its
/// comma is a content ("If the bill fails, the port closes, Ruiz said."), and "even" and "after"
/// open a clause only as "even though" and without "all".
fn subordinate_head(doc: &Doc, floor: usize, head_end: usize) -> bool {
    let word = doc.lower(floor);
    let next = doc.lower(floor + 1);
    if !SUBORDINATORS.contains(&word)
        || (word == "even" && !matches!(next, "though" | "if" | "as" | "when"))
        || (word == "after" && next == "all")
    {
        return false;
    }
    !(floor + 1..head_end).any(|at| doc.token(at).is_punct(','))
}

/// "according to Ruiz, …", "…, according to Ruiz." and "…, according to Ruiz, …".
fn according_to(doc: &Doc, state: &State, idx: usize, sentence: &Range<usize>) -> Option<Found> {
    if doc.lower(idx) != "according" || doc.lower(idx + 1) != "to" {
        return None;
    }
    let cue = (idx, idx + 1);
    let source_first = idx + 2;
    let mut source_end = source_first;
    while source_end < sentence.end
        && source_end - source_first < 25
        && !doc.token(source_end).is_punct(',')
        && !doc.token(source_end).is_terminal()
        && !doc.token(source_end).is_quote()
        && !state.used[source_end]
    {
        source_end += 1;
    }
    // "according to the town's mayor, Tomas Berg, who …": a person's role goes on with the
    // name set off after it.
    if source_end > source_first
        && source_end < sentence.end
        && doc.token(source_end).is_punct(',')
        && !doc.token(source_end - 1).capitalized
        && speaker::is_one_person_noun(doc.token(source_end - 1).stem())
    {
        let name_end = (source_end + 1..sentence.end.min(source_end + 6))
            .find(|&at| !(doc.token(at).is_word() && doc.token(at).capitalized))
            .unwrap_or(sentence.end);
        let set_off = name_end == sentence.end
            || doc.token(name_end).is_punct(',')
            || doc.token(name_end).is_terminal();
        if name_end > source_end + 1
            && set_off
            && (source_end + 1..name_end).all(|at| !state.used[at])
        {
            source_end = name_end;
        }
    }
    let source_last = trim_back(doc, source_first, source_end)?;
    let source = speaker::described(doc, source_first, source_last);
    let floor = (sentence.start..idx)
        .rev()
        .find(|&before| state.used[before])
        .map_or(sentence.start, |before| before + 1);
    // A conjunction before the cue does not belong to a content: "But according to Ruiz, …".
    let leading = (floor..idx).all(|before| {
        !doc.token(before).is_word()
            || matches!(
                doc.lower(before),
                "but" | "and" | "yet" | "so" | "still" | "however" | "now" | "also"
            )
    });
    let rest_start = source_end + 1;
    // "…, according to Ruiz, who has been counting them." tells of Ruiz, not what Ruiz said.
    let has_rest = source_end < sentence.end
        && doc.token(source_end).is_punct(',')
        && !matches!(doc.lower(source_end + 1), "who" | "whose" | "which");
    if leading {
        if !has_rest {
            return None;
        }
        let end = content_end(doc, state, rest_start, sentence, 3, false)?;
        return Some(found(doc, vec![(rest_start, end)], cue, Some(source)));
    }
    let head_end = trim_back(doc, floor, idx)?;
    let mut pieces = vec![(floor, head_end)];
    if has_rest && let Some(end) = content_end(doc, state, rest_start, sentence, 2, false) {
        pieces.push((rest_start, end));
    }
    let n_words = (floor..=head_end)
        .filter(|&i| doc.token(i).is_word())
        .count();
    // One word before the cue will do when the content goes on after it: "Turnout, according
    // to the board, doubled".
    (n_words >= 2 || pieces.len() > 1).then(|| found(doc, pieces, cue, Some(source)))
}

/// Heads of sources whose findings a sentence can report after "In …,": "In the latest poll,
/// …".
const FINDING_SOURCES: &[&str] = &[
    "poll",
    "polls",
    "survey",
    "surveys",
    "study",
    "studies",
    "analysis",
    "report",
    "data",
    "polling",
    "sample",
    "findings",
    "results",
    "research",
    "numbers",
    "figures",
    "records",
    "documents",
    "review",
    "audit",
    "average",
];

/// "In a new poll, the mayor leads by ten points": a finding reported with its source opening
/// the sentence. The cue is "In", the source the phrase up to the comma, the content the rest
/// of the sentence. A sentence that goes on to a reporting verb ("In a study, researchers
/// found …") is left to that verb.
fn in_poll(doc: &Doc, state: &State, idx: usize, sentence: &Range<usize>) -> Option<Found> {
    if doc.lower(idx) != "in" || (sentence.start..idx).any(|before| doc.token(before).is_word()) {
        return None;
    }
    let comma = (idx + 1..(idx + 16).min(sentence.end)).find(|&at| {
        let token = doc.token(at);
        token.is_punct(',') || !token.is_word()
    })?;
    if !doc.token(comma).is_punct(',') {
        return None;
    }
    // The head may be followed by a participle phrase: "In a poll released Monday, …".
    let head = (idx + 1..comma).find(|&at| FINDING_SOURCES.contains(&doc.lower(at)))?;
    let start = comma + 1;
    let end = content_end(doc, state, start, sentence, 3, false)?;
    let reported_later = (start..=end).any(|at| {
        cues::verb_at(doc, at).is_some_and(|entry| {
            matches!(entry.form, Form::Past | Form::Present)
                && !matches!(entry.class(), Class::Act | Class::Regard)
        })
    });
    if reported_later || head == idx + 1 {
        return None;
    }
    let source = speaker::described(doc, idx + 1, comma - 1);
    Some(found(doc, vec![(start, end)], (idx, idx), Some(source)))
}

/// Heads of the findings `in_poll_after` reads: polls and surveys.
/// Only a single poll is a source: "in the polls" mostly describes a standing, not a finding.
const POLL_HEADS: &[&str] = &["poll", "survey"];

/// Words that open a phrase closing the name of a poll: "in a survey from Elm College", "in a
/// poll released Monday".
const POLL_TAILS: &[&str] = &[
    "from",
    "by",
    "of",
    "released",
    "conducted",
    "published",
    "taken",
    "last",
    "this",
];

/// "The mayor leads by ten points in the latest poll.": a finding with its source after it, at
/// the end of the sentence or before a comma. The cue is "in", the source the phrase after it,
/// the content what comes before it.
fn in_poll_after(doc: &Doc, state: &State, idx: usize, sentence: &Range<usize>) -> Option<Found> {
    if doc.lower(idx) != "in" || idx == sentence.start {
        return None;
    }
    let head = (idx + 1..(idx + 7).min(sentence.end))
        .take_while(|&at| doc.token(at).is_word())
        .find(|&at| POLL_HEADS.contains(&doc.lower(at)))?;
    let closes = |at: usize| {
        doc.tokens
            .get(at)
            .is_none_or(|next| at >= sentence.end || next.is_terminal() || next.is_punct(','))
    };
    let mut head = head;
    if !closes(head + 1) {
        if !POLL_TAILS.contains(&doc.lower(head + 1)) {
            return None;
        }
        head = (head + 2..(head + 10).min(sentence.end))
            .take_while(|&at| doc.token(at).is_word())
            .find(|&at| closes(at + 1))?;
    }
    let mut floor = (sentence.start..idx)
        .rev()
        .find(|&before| state.used[before])
        .map_or(sentence.start, |before| before + 1);
    // After an earlier finding the content opens past the comma and conjunction between them:
    // "…, although Ruiz moved up in a later poll".
    while floor < idx && (!doc.token(floor).is_word() || SUBORDINATORS.contains(&doc.lower(floor)))
    {
        floor += 1;
    }
    let head_end = trim_back(doc, floor, idx)?;
    let n_words = (floor..=head_end)
        .filter(|&at| doc.token(at).is_word())
        .count();
    if n_words < 3 {
        return None;
    }
    let source = speaker::described(doc, idx + 1, head);
    Some(found(
        doc,
        vec![(floor, head_end)],
        (idx, idx),
        Some(source),
    ))
}

/// A question put to someone, with no speaker written: "Asked whether …, Ruiz said …" and "she
/// was asked whether …". The content is the question.
fn asked(doc: &Doc, state: &State, idx: usize, sentence: &Range<usize>) -> Option<Found> {
    if doc.lower(idx) != "asked" {
        return None;
    }
    let opens_sentence = (sentence.start..idx).all(|before| !doc.token(before).is_word());
    let passive = idx > sentence.start
        && matches!(
            doc.lower(idx - 1),
            "was" | "were" | "been" | "being" | "is" | "are" | "when" | "once" | "if"
        );
    if !(passive || opens_sentence && doc.token(idx).capitalized) {
        return None;
    }
    // Who asked, and where, may come first: "Asked by a reporter on Monday whether …".
    let mut start = idx + 1;
    while start < sentence.end
        && start - idx <= 8
        && doc.token(start).is_word()
        && !QUESTION_WORDS.contains(&doc.lower(start))
        && doc.lower(start) != "to"
    {
        start += 1;
    }
    if start >= sentence.end
        || !(QUESTION_WORDS.contains(&doc.lower(start)) || doc.lower(start) == "to")
        || (start > idx + 1 && !detour_word(doc, idx + 1))
    {
        return None;
    }
    let end = content_end(doc, state, start, sentence, 2, opens_sentence)?;
    let cue_first = if passive { idx - 1 } else { idx };
    Some(found(doc, vec![(start, end)], (cue_first, idx), None))
}

/// Forms of "to be" in impersonal passives.
const BE_FORMS: &[&str] = &[
    "is", "was", "has", "had", "have", "been", "being", "are", "were",
];

/// "it was reported that …", "it is believed that …": anonymous, with no speaker.
fn impersonal(doc: &Doc, state: &State, idx: usize, sentence: &Range<usize>) -> Option<Found> {
    if doc.lower(idx) != "it" {
        return None;
    }
    let mut verb = idx + 1;
    while verb < sentence.end && verb - idx <= 3 && BE_FORMS.contains(&doc.lower(verb)) {
        verb += 1;
    }
    if verb == idx + 1 || !cues::IMPERSONAL_PARTICIPLES.contains(&doc.lower(verb)) {
        return None;
    }
    if doc.lower(verb + 1) != "that" {
        return None;
    }
    let end = content_end(doc, state, verb + 1, sentence, 3, false)?;
    let mut quote = found(doc, vec![(verb + 1, end)], (idx + 1, verb), None);
    quote.anonymous = true;
    Some(quote)
}

/// "the talks reportedly stalled": hearsay with no source; the content is the rest of the
/// sentence around the adverb.
fn hearsay(doc: &Doc, state: &State, idx: usize, sentence: &Range<usize>) -> Option<Found> {
    if !cues::HEARSAY_ADVERBS.contains(&doc.lower(idx)) {
        return None;
    }
    // "Ruiz reportedly said …" is Ruiz's; the verb's rule takes the adverb into its cue.
    if (idx + 1..(idx + 3).min(sentence.end)).any(|next| cues::verb_at(doc, next).is_some()) {
        return None;
    }
    let floor = (sentence.start..idx)
        .rev()
        .find(|&before| state.used[before])
        .map_or(sentence.start, |before| before + 1);
    let mut pieces = Vec::new();
    if let Some(head_end) = trim_back(doc, floor, idx) {
        pieces.push((floor, head_end));
    }
    if let Some(end) = content_end(doc, state, idx + 1, sentence, 1, false) {
        pieces.push((idx + 1, end));
    }
    let n_words: usize = pieces
        .iter()
        .map(|&(first, last)| (first..=last).filter(|&i| doc.token(i).is_word()).count())
        .sum();
    if n_words < 3 {
        return None;
    }
    let mut quote = found(doc, pieces, (idx, idx), None);
    quote.anonymous = true;
    Some(quote)
}

/// Words that head a sentence before a colon without saying anything: rubrics and labels
/// ("Breaking: …", "The Latest: …", "Update: …").
const RUBRICS: &[&str] = &[
    "analysis",
    "breaking",
    "byline",
    "correction",
    "editorial",
    "exclusive",
    "latest",
    "live",
    "note",
    "opinion",
    "photos",
    "revealed",
    "update",
    "updated",
    "video",
    "watch",
    "wow",
];

/// The headline style "Ruiz: Port will reopen in May" and the transcript style "RUIZ: We will
/// …": a name of at most four words opening the sentence, a colon, and what the name says, to
/// the end of the sentence. PolNeAR marks the single word in capitals of a transcript as a
/// source, and datelines in its news are written with a dash, so that form is kept.
fn headline_colon(doc: &Doc, state: &State, idx: usize, sentence: &Range<usize>) -> Option<Found> {
    if idx != sentence.start {
        return None;
    }
    let colon = (idx + 1..(idx + 5).min(sentence.end)).find(|&at| doc.token(at).is_punct(':'))?;
    let subject = speaker::before(doc, colon - 1, idx)?;
    // A phrase with lowercase words names someone only after a determiner or a possessive
    // ("The mayor: …", "Ruiz's warning: …"); otherwise it is a clause ("Make no mistake: …").
    let opener = doc.lower(idx);
    let noun_phrase = (idx + 1..colon)
        .all(|at| !doc.token(at).is_word() || doc.token(at).capitalized)
        || matches!(
            opener,
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my"
        )
        || opener.ends_with("'s")
        || opener.ends_with('\'');
    if subject.first != idx
        || !noun_phrase
        || subject.kind == speaker::Kind::Pronoun
        || (idx..colon).any(|at| RUBRICS.contains(&doc.lower(at)) || state.quoted[at])
    {
        return None;
    }
    let end = content_end(doc, state, colon + 1, sentence, 3, false)?;
    Some(found(
        doc,
        vec![(colon + 1, end)],
        (colon, colon),
        Some(subject),
    ))
}

/// "The plan seems to work", "voters appeared unconvinced", "it appears that …": an impression
/// the writer reports without a source. The content is the subject (from the last comma before
/// the verb) and what it seems; an empty subject ("it", "there") is left out.
fn seeming(doc: &Doc, state: &State, idx: usize, sentence: &Range<usize>) -> Option<Found> {
    let is_seem = matches!(doc.lower(idx), "seem" | "seems" | "seemed");
    let is_appear = matches!(doc.lower(idx), "appear" | "appears" | "appeared");
    if !is_seem && !is_appear || idx + 1 >= sentence.end {
        return None;
    }
    // "appeared on television" and "appeared in court" are no impressions.
    if is_appear && !matches!(doc.lower(idx + 1), "to" | "that") {
        return None;
    }
    sourceless(doc, state, sentence, (idx, idx), 1)
}

/// An attribution without a source: the words before the cue back to a comma or an earlier
/// quote (unless only an expletive "it" or "there") and the content right after the cue, of at
/// least `min_words` words.
fn sourceless(
    doc: &Doc,
    state: &State,
    sentence: &Range<usize>,
    (cue_first, cue_last): (usize, usize),
    min_words: usize,
) -> Option<Found> {
    let floor = (sentence.start..cue_first)
        .rev()
        .find(|&before| state.used[before] || doc.token(before).is_punct(','))
        .map_or(sentence.start, |before| before + 1);
    let mut pieces = Vec::new();
    if let Some(head_end) = trim_back(doc, floor, cue_first) {
        let expletive = head_end == floor && matches!(doc.lower(floor), "it" | "there");
        if !expletive {
            pieces.push((floor, head_end));
        }
    }
    let end = content_end(doc, state, cue_last + 1, sentence, min_words, false)?;
    pieces.push((cue_last + 1, end));
    let mut quote = found(doc, pieces, (cue_first, cue_last), None);
    quote.anonymous = true;
    Some(quote)
}

/// Participles of passives that raise the subject of what is believed or said: "the bill is
/// expected to pass", "Ruiz is said to favor it", "the plan was seen as a retreat". PolNeAR
/// counts them as attributions without a source.
const RAISING_PARTICIPLES: &[&str] = &[
    "expected",
    "known",
    "believed",
    "said",
    "thought",
    "reported",
    "rumored",
    "rumoured",
    "alleged",
    "projected",
    "predicted",
    "estimated",
    "understood",
    "seen",
    "viewed",
    "regarded",
    "perceived",
    "considered",
];

/// Participles of `RAISING_PARTICIPLES` that take their content with "as" ("seen as") rather
/// than with "to".
const AS_PARTICIPLES: &[&str] = &["seen", "viewed", "regarded", "perceived", "considered"];

/// Adverbs between the form of "to be" and the participle that belong to the cue ("is widely
/// expected", "was not seen").
const RAISING_ADVERBS: &[&str] = &[
    "not",
    "n't",
    "widely",
    "also",
    "generally",
    "largely",
    "still",
    "now",
    "long",
    "increasingly",
    "broadly",
    "already",
    "initially",
    "originally",
];

/// "The bill is expected to pass", "the move was widely seen as a retreat": a passive that
/// reports what unnamed people expect or believe. The cue runs from the form of "to be" to the
/// participle; the content is the subject (from the last comma before it, as for impressions)
/// and what follows the participle.
fn raised(doc: &Doc, state: &State, idx: usize, sentence: &Range<usize>) -> Option<Found> {
    if !matches!(
        doc.lower(idx),
        "is" | "are" | "was" | "were" | "be" | "been" | "being" | "isn't" | "aren't" | "wasn't"
    ) {
        return None;
    }
    let mut participle = idx + 1;
    while participle < sentence.end
        && participle - idx <= 2
        && RAISING_ADVERBS.contains(&doc.lower(participle))
    {
        participle += 1;
    }
    let word = doc.lower(participle);
    if participle + 1 >= sentence.end || !RAISING_PARTICIPLES.contains(&word) {
        return None;
    }
    let link = doc.lower(participle + 1);
    let takes_as = AS_PARTICIPLES.contains(&word);
    if !(link == "to" || (takes_as && link == "as")) {
        return None;
    }
    // The cue starts at the auxiliary before "be" ("will be seen as", "has been said to").
    let cue_first = auxiliaries_before(
        doc,
        state,
        idx,
        sentence,
        &[
            "will", "would", "could", "may", "might", "has", "have", "had", "to",
        ],
    );
    sourceless(doc, state, sentence, (cue_first, participle), 2)
}

/// "The plan was criticized by the council": a passive speech act or stance with its agent
/// after "by". The content is the subject (from the last comma before it), the cue runs from
/// the form of "to be" to the participle, and the source is the agent.
fn passive_by(doc: &Doc, state: &State, idx: usize, sentence: &Range<usize>) -> Option<Found> {
    if !matches!(
        doc.lower(idx),
        "am" | "is" | "are" | "was" | "were" | "be" | "been" | "being"
    ) {
        return None;
    }
    let mut participle = idx + 1;
    while participle < sentence.end
        && participle - idx <= 2
        && RAISING_ADVERBS.contains(&doc.lower(participle))
    {
        participle += 1;
    }
    let entry = cues::verb_at(doc, participle)?;
    let by = participle + 1;
    if !matches!(entry.form, Form::Past | Form::Participle)
        || !matches!(
            entry.class(),
            Class::Act | Class::Speech | Class::Regard | Class::Tell | Class::Ask
        )
    {
        return None;
    }
    if doc.lower(by) != "by" {
        return passive_without_agent(doc, state, idx, participle, sentence);
    }
    let agent = speaker::after(doc, by + 1, sentence.end)?;
    if matches!(entry.class(), Class::Tell | Class::Ask) {
        // "I was told by two officials that …": the subject is who heard it, the content
        // follows the agent.
        return passive_told(doc, state, idx, participle, agent, sentence);
    }
    let cue_first = auxiliaries_before(
        doc,
        state,
        idx,
        sentence,
        &[
            "will", "would", "could", "may", "might", "has", "have", "had", "also",
        ],
    );
    let floor = (sentence.start..cue_first)
        .rev()
        .find(|&before| state.used[before] || doc.token(before).is_punct(','))
        .map_or(sentence.start, |before| before + 1);
    let head_end = trim_back(doc, floor, cue_first)?;
    if matches!(doc.lower(floor), "it" | "there") && head_end == floor {
        return None;
    }
    Some(found(
        doc,
        vec![(floor, head_end)],
        (cue_first, participle),
        Some(agent),
    ))
}

/// Where a cue that starts at `at` starts once the (at most three) unused auxiliaries among
/// `words` right before it are taken in: "could have been told", "will be asked".
fn auxiliaries_before(
    doc: &Doc,
    state: &State,
    at: usize,
    sentence: &Range<usize>,
    words: &[&str],
) -> usize {
    let mut first = at;
    while first > sentence.start
        && at - first < 3
        && words.contains(&doc.lower(first - 1))
        && !state.used[first - 1]
    {
        first -= 1;
    }
    first
}

/// "From what I have been told by two people on the pier, the crane stood idle": a passive
/// of telling with its agent. The content is what follows the agent (after a comma or "that");
/// the cue runs from the auxiliaries before the form of "to be" to the participle.
fn passive_told(
    doc: &Doc,
    state: &State,
    be: usize,
    participle: usize,
    mut agent: Speaker,
    sentence: &Range<usize>,
) -> Option<Found> {
    // The agent's relative clause ("two people who were in the room") ends at a comma, where
    // the content begins.
    if let Some(comma) = (agent.first..agent.last).find(|&idx| doc.token(idx).is_punct(',')) {
        agent.last = comma.checked_sub(1)?;
    }
    // "by a diplomat who sat through the talks that …": the agent's relative clause runs to the
    // "that" of what was told.
    if let Some(who) = (agent.first..agent.last).find(|&idx| doc.lower(idx) == "who")
        && let Some(that) = (who + 2..agent.last).find(|&idx| doc.lower(idx) == "that")
    {
        agent.last = that - 1;
    }
    let mut first = agent.last + 1;
    while first < sentence.end && (doc.token(first).is_punct(',') || doc.lower(first) == "that") {
        first += 1;
    }
    if first >= sentence.end || state.used[first] {
        return None;
    }
    let last = trim_back(doc, first, sentence.end)?;
    if last < first + 2 {
        return None;
    }
    let cue_first = auxiliaries_before(doc, state, be, sentence, &["has", "have", "had"]);
    Some(found(
        doc,
        vec![(first, last)],
        (cue_first, participle),
        Some(agent),
    ))
}

/// "Ruiz was asked about the pier", "the plan was criticized as reckless": a passive speech act
/// with no agent. The content is the subject (from the last comma before it, not an expletive
/// "it" or "there") and what follows the participle; the source is unknown.
fn passive_without_agent(
    doc: &Doc,
    state: &State,
    be: usize,
    participle: usize,
    sentence: &Range<usize>,
) -> Option<Found> {
    // Impersonal passives ("it was reported that") and raised ones ("is expected to") have
    // their own rules; a participle used as an adjective before a noun is no passive.
    // A passive of telling or asking with a clause after it reports the clause, to an
    // addressee: "dockers are being told that …" is the reported rule's.
    let next = doc.lower(participle + 1);
    if matches!(doc.lower(be.saturating_sub(1)), "it" | "there")
        || next == "to"
        || next == "that"
        || QUESTION_WORDS.contains(&next)
    {
        return None;
    }
    let floor = (sentence.start..be)
        .rev()
        .find(|&before| state.used[before] || doc.token(before).is_punct(','))
        .map_or(sentence.start, |before| before + 1);
    let head_end = trim_back(doc, floor, be)?;
    let mut pieces = vec![(floor, head_end)];
    let rest = participle + 1;
    let closes = doc
        .tokens
        .get(rest)
        .is_none_or(|next| rest >= sentence.end || next.is_terminal());
    if !closes && let Some(end) = content_end(doc, state, rest, sentence, 1, false) {
        pieces.push((rest, end));
    }
    let mut quote = found(doc, pieces, (be, participle), None);
    quote.anonymous = true;
    Some(quote)
}

/// Adjectives of stance after a form of "to be", with the words that may take their content:
/// "is confident that …", "were eager to …", "was critical of …", "is not sure she …".
const STANCE_ADJECTIVES: &[(&str, &[&str])] = &[
    ("confident", &["that", "about", "in", "clause"]),
    ("sure", &["that", "about", "of", "clause"]),
    ("certain", &["that", "about", "of", "clause"]),
    ("convinced", &["that", "of", "clause"]),
    ("aware", &["that", "of"]),
    ("adamant", &["that", "about"]),
    ("hopeful", &["that", "about"]),
    ("optimistic", &["that", "about"]),
    ("skeptical", &["that", "about", "of"]),
    ("sceptical", &["that", "about", "of"]),
    ("doubtful", &["that", "about"]),
    ("worried", &["that", "about"]),
    ("concerned", &["that", "about"]),
    ("afraid", &["that", "of", "to"]),
    ("fearful", &["that", "of"]),
    ("eager", &["to"]),
    ("willing", &["to"]),
    ("unwilling", &["to"]),
    ("reluctant", &["to"]),
    ("determined", &["to"]),
    ("glad", &["that", "to"]),
    ("happy", &["that", "to"]),
    ("pleased", &["that", "to", "with"]),
    ("proud", &["that", "to", "of"]),
    ("disappointed", &["that", "in", "with"]),
    ("frustrated", &["that", "with"]),
    ("upset", &["that", "about", "with"]),
    ("angry", &["that", "about", "at", "with"]),
    ("critical", &["of"]),
    ("supportive", &["of"]),
    ("wary", &["of", "about"]),
    ("nervous", &["that", "about"]),
    ("divided", &["on", "over"]),
    ("split", &["on", "over"]),
    ("enamored", &["of", "with"]),
];

/// "Ruiz is confident that …", "the aides were eager to …", "she has been critical of the
/// plan": a stance held by the subject. The cue runs from the form of "to be" to the adjective
/// (and its preposition); the content follows.
fn stance(doc: &Doc, state: &State, idx: usize, sentence: &Range<usize>) -> Option<Found> {
    if !matches!(
        doc.lower(idx),
        "is" | "are" | "was" | "were" | "am" | "been" | "remain" | "remains" | "remained"
    ) {
        return None;
    }
    let mut adjective = idx + 1;
    while adjective < sentence.end
        && adjective - idx <= 3
        && (RAISING_ADVERBS.contains(&doc.lower(adjective))
            || matches!(
                doc.lower(adjective),
                "so" | "very" | "both" | "all" | "more"
            )
            || (doc.lower(adjective).len() > 4 && doc.lower(adjective).ends_with("ly")))
    {
        adjective += 1;
    }
    let (_, links) = STANCE_ADJECTIVES
        .iter()
        .find(|(word, _)| *word == doc.lower(adjective))?;
    let link = adjective + 1;
    if link >= sentence.end {
        return None;
    }
    let word = doc.lower(link);
    let (cue_last, start) = if matches!(word, "that" | "to") && links.contains(&word) {
        (adjective, link)
    } else if links.contains(&word) {
        (link, link + 1)
    } else if links.contains(&"clause")
        && matches!(word, "he" | "she" | "they" | "we" | "i" | "it" | "there")
    {
        (adjective, link)
    } else {
        return None;
    };
    if start >= sentence.end || !doc.token(start).is_word() {
        return None;
    }
    let floor = (sentence.start..idx)
        .rev()
        .find(|&before| state.used[before])
        .map_or(sentence.start, |before| before + 1);
    let first = cues::extent(doc, idx, floor).0;
    let subject = speaker::before(doc, first.checked_sub(1).filter(|&at| at >= floor)?, floor)?;
    let end = content_end(doc, state, start, sentence, 1, false)?;
    Some(found(
        doc,
        vec![(start, end)],
        (first, cue_last),
        Some(subject),
    ))
}

/// Nouns of saying and believing that take a that-clause: "his claim that …", "fears that …".
const CLAUSE_NOUNS: &[&str] = &[
    "claim",
    "claims",
    "belief",
    "beliefs",
    "view",
    "argument",
    "arguments",
    "assertion",
    "assertions",
    "suggestion",
    "suggestions",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "charge",
    "charges",
    "fear",
    "fears",
    "hope",
    "hopes",
    "concern",
    "concerns",
    "worry",
    "worries",
    "warning",
    "warnings",
    "promise",
    "promises",
    "pledge",
    "insistence",
    "assurance",
    "assurances",
    "complaint",
    "complaints",
    "criticism",
    "denial",
    "denials",
    "speculation",
    "rumor",
    "rumors",
    "rumours",
    "expectation",
    "expectations",
    "prediction",
    "predictions",
    "admission",
    "acknowledgment",
    "acknowledgement",
    "announcement",
    "statement",
    "reports",
    "conclusion",
    "finding",
    "findings",
    "impression",
    "perception",
    "contention",
    "reminder",
    "doubts",
    "confidence",
    "insinuation",
    "notion",
    "idea",
    "theory",
    "sense",
    "recognition",
    "assumption",
];

/// Nouns of speech acts and stances with the preposition that takes their object: "criticism
/// of the plan", "support for the bill", "his decision to run".
const OBJECT_NOUNS: &[(&str, &[&str])] = &[
    ("criticism", &["of", "for"]),
    ("criticisms", &["of"]),
    ("support", &["for"]),
    ("attack", &["on"]),
    ("attacks", &["on"]),
    ("opposition", &["to"]),
    ("endorsement", &["of"]),
    ("question", &["about"]),
    ("questions", &["about"]),
    ("concerns", &["about", "over"]),
    ("praise", &["for"]),
    ("call", &["for"]),
    ("calls", &["for"]),
    ("demand", &["for"]),
    ("demands", &["for"]),
    ("accusations", &["of"]),
    ("allegations", &["of"]),
    ("complaints", &["about"]),
    ("warnings", &["about"]),
    ("decision", &["to"]),
    ("refusal", &["to"]),
    ("promise", &["to"]),
    ("pledge", &["to"]),
    ("vow", &["to"]),
    ("threat", &["to"]),
    ("push", &["for"]),
    ("views", &["on"]),
    ("stance", &["on"]),
    ("position", &["on"]),
    ("comments", &["about", "on"]),
    ("remarks", &["about", "on"]),
    ("defense", &["of"]),
    ("embrace", &["of"]),
    ("rejection", &["of"]),
    ("condemnation", &["of"]),
    ("denunciation", &["of"]),
    ("dismissal", &["of"]),
    ("disdain", &["for"]),
    ("contempt", &["for"]),
    ("admiration", &["for"]),
    ("critique", &["of"]),
    ("mention", &["of"]),
    ("reference", &["to"]),
    ("references", &["to"]),
    ("endorsements", &["of"]),
    ("chants", &["of"]),
    ("critic", &["of"]),
    ("proponent", &["of"]),
    ("opinion", &["on", "of"]),
    ("thoughts", &["on", "about"]),
    ("message", &["about"]),
    ("words", &["about"]),
    ("inclination", &["to"]),
    ("reluctance", &["to"]),
    ("passion", &["for"]),
    ("doubts", &["about"]),
    ("statement", &["on"]),
    ("proposal", &["for"]),
    ("consensus", &["on"]),
    ("conversations", &["about"]),
    ("apology", &["for"]),
];

/// Possessive determiners that name the holder of a claim or stance.
const POSSESSIVES: &[&str] = &["his", "her", "their", "its", "my", "our", "your"];

/// "his claim that …", "the fear that …", "Ruiz's criticism of the plan", "their support for
/// the bill": a noun of saying or believing with its content, the possessor as source.
fn noun_cue(doc: &Doc, state: &State, idx: usize, sentence: &Range<usize>) -> Option<Found> {
    let token = doc.token(idx);
    let next = idx + 1;
    // The word after the noun is checked first: it rules out almost every token cheaply.
    if !matches!(
        doc.lower(next),
        "that" | "of" | "for" | "on" | "to" | "about" | "over"
    ) || !token.is_word()
        || token.capitalized && idx != sentence.start
    {
        return None;
    }
    let word = token.lower.as_ref();
    let (cue_last, start) = if CLAUSE_NOUNS.contains(&word) && doc.lower(next) == "that" {
        // "the reports that were leaked": "that" is a relative pronoun when a verb follows.
        let follower = doc.lower(next + 1);
        if RELATIVE_FOLLOWERS.contains(&follower) || follower.ends_with("ed") {
            return None;
        }
        (idx, next)
    } else {
        let (_, prepositions) = OBJECT_NOUNS.iter().find(|(noun, _)| *noun == word)?;
        if !prepositions.contains(&doc.lower(next)) {
            return None;
        }
        (next, next + 1)
    };
    if start >= sentence.end || !doc.token(start).is_word() {
        return None;
    }
    let end = content_end(doc, state, start, sentence, 1, false)?;
    // "The city's leading critic of the plan said …": a verb of saying after the object, before
    // any comma, makes the noun's phrase its subject; that verb's quote is the one to read.
    if cue_last == next
        && (start..=end)
            .take_while(|&at| !doc.token(at).is_punct(','))
            .any(|at| {
                cues::verb_at(doc, at).is_some_and(|entry| {
                    matches!(entry.form, Form::Past | Form::Present)
                        && matches!(entry.class(), Class::Speech | Class::Tell)
                        && !entry.noun_like()
                })
            })
    {
        return None;
    }
    // The possessor, over an adjective or two: "his repeated attacks on …".
    let mut before = idx;
    while before > sentence.start
        && idx - before < 3
        && doc.token(before - 1).is_word()
        && !doc.token(before - 1).capitalized
        && !POSSESSIVES.contains(&doc.lower(before - 1))
        && !doc.lower(before - 1).ends_with("'s")
        && !state.used[before - 1]
    {
        before -= 1;
    }
    let possessor = before.checked_sub(1).filter(|&at| {
        at >= sentence.start
            && !state.used[at]
            && (POSSESSIVES.contains(&doc.lower(at)) || doc.lower(at).ends_with("'s"))
    });
    let source = possessor.map(|last| {
        // "his claim that …": the possessive stands for a name before it, as "he" would.
        if speaker::possessive_class(doc.lower(last)).is_some() {
            return speaker::pronoun(last);
        }
        let mut first = last;
        while first > sentence.start
            && last - first < 4
            && doc.token(first - 1).capitalized
            && doc.token(first - 1).is_word()
            && !state.used[first - 1]
        {
            first -= 1;
        }
        speaker::described(doc, first, last)
    });
    Some(found(doc, vec![(start, end)], (idx, cue_last), source))
}

/// A reported quote from token pieces.
fn found(
    doc: &Doc,
    pieces: Vec<(usize, usize)>,
    cue: (usize, usize),
    speaker: Option<Speaker>,
) -> Found {
    let last = pieces
        .iter()
        .map(|&(_, last)| last)
        .chain([cue.1])
        .chain(speaker.as_ref().map(|speaker| speaker.last))
        .max()
        .unwrap_or(cue.1);
    let anonymous = speaker.as_ref().is_some_and(|speaker| speaker.anonymous);
    Found {
        kind: QuoteKind::Indirect,
        pieces: pieces
            .into_iter()
            .map(|(first, last)| doc.span(first, last))
            .collect(),
        cue: Some(cue),
        speaker,
        resolved: None,
        anonymous,
        last_sentence: doc.token(last).sentence,
        cue_score: None,
        // `find` names the rule that called this.
        construction: "",
    }
}
