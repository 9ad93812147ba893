//! Reported speech: "Ruiz said (that) …", "…, Ruiz said", "…, officials said, …", "according
//! to Ruiz, …", "…, adding …", "it was reported that …", hearsay adverbs and impressions ("the
//! plan seems to work").
//!
//! Each sentence is read left to right; a cue that is already part of a quote, or that stands
//! inside quotation marks, is skipped, because the annotation is flat: a word belongs to at most
//! one quote.

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
        let mut idx = sentence.start;
        while idx < sentence.end {
            if state.used[idx] || state.quoted[idx] {
                idx += 1;
                continue;
            }
            let found = headline_colon(doc, state, idx, &sentence)
                .or_else(|| according_to(doc, state, idx, &sentence))
                .or_else(|| impersonal(doc, state, idx, &sentence))
                .or_else(|| hearsay(doc, state, idx, &sentence))
                .or_else(|| seeming(doc, state, idx, &sentence))
                .or_else(|| asked(doc, state, idx, &sentence))
                .or_else(|| reported(doc, state, idx, &sentence));
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

/// Gerunds that open a second attribution after a comma ("…, adding that …"), so the content
/// before them ends there.
fn splits_content(doc: &Doc, idx: usize) -> bool {
    let word = doc.lower(idx);
    (word == "according" && doc.lower(idx + 1) == "to")
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
    if !matches!(entry.form, Form::Past | Form::Present) || entry.class() == Class::Thought {
        return None;
    }
    let (cue_first, _) = cues::extent(doc, idx, first + 1);
    let before = cue_first.checked_sub(1).filter(|&before| before > first)?;
    let is_boundary = |idx: usize| {
        let token = doc.token(idx);
        token.is_punct(',')
            || token.is_punct(';')
            || ["-", "—", "–"].iter().any(|dash| token.lower == *dash)
            || CLAUSE_CONJUNCTIONS.contains(&token.lower.as_str())
    };
    let boundary = if matches!(doc.lower(before), "and" | "but") || doc.token(before).is_punct(',')
    {
        before
    } else {
        let subject = speaker::before(doc, before, first + 1)?;
        // The conjunction may stand a few words before the subject the phrase rule found:
        // "…, and more than half said …".
        (subject.first.saturating_sub(3).max(first + 1)..subject.first)
            .rev()
            .find(|&boundary| is_boundary(boundary))?
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
        if end > first
            && token.is_punct(',')
            && !state.quoted[end]
            && (to_comma || splits_content(doc, end + 1))
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
                    token.lower.as_str(),
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

/// Words of time that may stand between a cue and its content ("said Friday the talks …").
const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
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
    let word = token.lower.as_str();
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
    if !token.is_word() && !token.is_punct(',') {
        return None;
    }
    let opens_clause = |idx: usize| {
        let token = doc.token(idx);
        token.is_word()
            && (CLAUSE_OPENERS.contains(&token.lower.as_str())
                || token.capitalized
                || token.lower.chars().next().is_some_and(char::is_numeric))
    };
    let wants_to = class == Class::Commit
        || (class == Class::Thought && matches!(entry.base(), "hope" | "expect"));
    match class {
        Class::Ask if QUESTION_WORDS.contains(&word) => return Some(next),
        _ if wants_to && word == "to" => return Some(next),
        _ => {}
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
            && probe - next <= 4
        {
            let word = after.lower.as_str();
            if (class == Class::Ask && QUESTION_WORDS.contains(&word))
                || (class != Class::Ask && word == "to")
            {
                return Some(probe);
            }
        }
    }
    if !token.is_word() {
        return None;
    }
    let mut start = next;
    while start < sentence.end && start - next < 3 && TIME_WORDS.contains(&doc.lower(start)) {
        start += 1;
    }
    // A short prepositional phrase before a subject pronoun: "said for weeks he is …".
    if matches!(
        doc.lower(start),
        "in" | "on" | "at" | "for" | "during" | "after" | "over" | "since" | "via"
    ) {
        let subject = (start + 1..(start + 6).min(sentence.end)).find(|&idx| {
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
            } else {
                return None;
            }
            (after_addressee < sentence.end && opens_clause(after_addressee))
                .then_some(after_addressee)
        }
        Class::Thought => opens_clause(start).then_some(start),
        Class::Speech | Class::Commit | Class::Act => {
            if NOT_CONTENT.contains(&start_word) {
                return None;
            }
            (opens_clause(start) || class != Class::Commit).then_some(start)
        }
    }
}

/// Conjunctions that make the attribution a subordinate clause, whose content ends at its comma.
const SUBORDINATORS: &[&str] = &[
    "while", "although", "though", "as", "because", "if", "when", "since", "whereas", "after",
    "before", "even",
];

/// The fewest words a reported content may have.
fn min_words(class: Class) -> usize {
    match class {
        Class::Act => 1,
        Class::Commit => 2,
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
    let (first, last) = cues::extent(doc, idx, floor);
    let class = entry.class();

    // "…, adding (that) …": the subject is the earlier speaker.
    if entry.form == Form::Gerund {
        if first > floor && doc.token(first - 1).is_punct(',') {
            let start = content_start(doc, entry, last, sentence)?;
            let end = content_end(doc, state, start, sentence, min_words(class), false)?;
            let speaker = participle_subject(doc, state, first);
            return Some(found(doc, vec![(start, end)], (first, last), speaker));
        }
        return None;
    }

    let subject = (first > floor)
        .then(|| speaker::before(doc, first - 1, floor))
        .flatten();
    if let Some(subject) = subject {
        // Content after the cue: "Ruiz said (that) …". Under a subordinating conjunction the
        // content ends at the comma that closes the clause: "While Ruiz said …, the council …".
        if let Some(start) = content_start(doc, entry, last, sentence) {
            let subordinate = subject.first > floor
                && SUBORDINATORS.contains(&doc.lower(subject.first - 1))
                && (subject.first - 1 == floor || doc.token(subject.first - 2).is_punct(','));
            let end = content_end(doc, state, start, sentence, min_words(class), subordinate)?;
            return Some(found(doc, vec![(start, end)], (first, last), Some(subject)));
        }
        // Content before the cue: "…, Ruiz said.", "…, officials said, …" and "…, as Ruiz
        // noted, …".
        if class == Class::Thought || subject.first <= floor {
            return None;
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
        return None;
    }

    // The main verb after a relative clause that is itself an attribution: "Ruiz, who has
    // argued …, said …" takes the antecedent of "who".
    if first > floor
        && doc.token(first - 1).is_punct(',')
        && let Some(antecedent) = relative_subject(doc, state, first - 1)
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

    // A second verb of the same subject: "Ruiz met the council and said …".
    if first > floor && matches!(doc.lower(first - 1), "and" | "but") {
        let start = content_start(doc, entry, last, sentence)?;
        let end = content_end(doc, state, start, sentence, min_words(class), false)?;
        let speaker = participle_subject(doc, state, first);
        return Some(found(doc, vec![(start, end)], (first, last), speaker));
    }

    // Inverted, after the content: "…, said Ruiz."
    if entry.inverts() && first > floor && doc.token(first - 1).is_punct(',') {
        let speaker = speaker::after(doc, last + 1, sentence.end)?;
        let ends = doc
            .tokens
            .get(speaker.last + 1)
            .is_none_or(|next| speaker.last + 1 >= sentence.end || next.is_terminal());
        if !ends {
            return None;
        }
        let comma = first - 1;
        let end = trim_back(doc, floor, comma)?;
        let n_words = (floor..=end).filter(|&i| doc.token(i).is_word()).count();
        return (n_words >= 3)
            .then(|| found(doc, vec![(floor, end)], (first, last), Some(speaker)));
    }
    None
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
    if n_head == 0 || SUBORDINATORS.contains(&doc.lower(floor)) {
        return None;
    }
    // Words after the cue that do not start a clause: a time, a place, an addressee ("said on
    // Monday", "told reporters").
    let mut tail = cue.1 + 1;
    while tail < sentence.end
        && tail - cue.1 <= 8
        && doc.token(tail).is_word()
        && doc.lower(tail) != "that"
    {
        tail += 1;
    }
    let token = doc.tokens.get(tail).filter(|_| tail < sentence.end);
    let ends = token.is_none_or(|token| token.is_terminal());
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

/// "according to Ruiz, …", "…, according to Ruiz." and "…, according to Ruiz, …".
fn according_to(doc: &Doc, state: &State, idx: usize, sentence: &Range<usize>) -> Option<Found> {
    if doc.lower(idx) != "according" || doc.lower(idx + 1) != "to" {
        return None;
    }
    let cue = (idx, idx + 1);
    let source_first = idx + 2;
    let mut source_end = source_first;
    while source_end < sentence.end
        && source_end - source_first < 15
        && !doc.token(source_end).is_punct(',')
        && !doc.token(source_end).is_terminal()
        && !doc.token(source_end).is_quote()
        && !state.used[source_end]
    {
        source_end += 1;
    }
    let source_last = trim_back(doc, source_first, source_end)?;
    let source = speaker::described(doc, source_first, source_last);
    let floor = (sentence.start..idx)
        .rev()
        .find(|&before| state.used[before])
        .map_or(sentence.start, |before| before + 1);
    let leading = (floor..idx).all(|before| !doc.token(before).is_word());
    let rest_start = source_end + 1;
    let has_rest = source_end < sentence.end && doc.token(source_end).is_punct(',');
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
    (n_words >= 2).then(|| found(doc, pieces, cue, Some(source)))
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
            "was" | "were" | "been" | "being" | "is" | "are"
        );
    if !(passive || opens_sentence && doc.token(idx).capitalized) {
        return None;
    }
    let start = idx + 1;
    if !QUESTION_WORDS.contains(&doc.lower(start)) {
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

/// The headline style "Ruiz: Port will reopen in May": a name of at most four words opening the
/// sentence, a colon, and what the name says, to the end of the sentence. A single word in
/// capitals ("WASHINGTON: …") is more often a dateline or rubric than a speaker.
fn headline_colon(doc: &Doc, state: &State, idx: usize, sentence: &Range<usize>) -> Option<Found> {
    if idx != sentence.start {
        return None;
    }
    let colon = (idx + 1..(idx + 5).min(sentence.end)).find(|&at| doc.token(at).is_punct(':'))?;
    let subject = speaker::before(doc, colon - 1, idx)?;
    if subject.first != idx
        || subject.kind == speaker::Kind::Pronoun
        || (idx..colon).any(|at| RUBRICS.contains(&doc.lower(at)) || state.quoted[at])
    {
        return None;
    }
    let head = doc.token(idx);
    let word_count = (idx..colon).filter(|&at| doc.token(at).is_word()).count();
    let text = doc.text.get(head.range.clone()).unwrap_or_default();
    if word_count == 1 && text.chars().all(|c| !c.is_lowercase()) {
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
    let floor = (sentence.start..idx)
        .rev()
        .find(|&before| state.used[before] || doc.token(before).is_punct(','))
        .map_or(sentence.start, |before| before + 1);
    let mut pieces = Vec::new();
    if let Some(head_end) = trim_back(doc, floor, idx) {
        let expletive = head_end == floor && matches!(doc.lower(floor), "it" | "there");
        if !expletive {
            pieces.push((floor, head_end));
        }
    }
    let end = content_end(doc, state, idx + 1, sentence, 1, false)?;
    pieces.push((idx + 1, end));
    let mut quote = found(doc, pieces, (idx, idx), None);
    quote.anonymous = true;
    Some(quote)
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
    }
}
