//! Direct quotes: pairing quotation marks into spans, then finding each span's cue and speaker
//! before it, after it or in the sentence before.

use super::cues::{self, Class, Form};
use super::speaker::{self, Speaker};
use super::tokens::{Doc, Kind, Mark};
use super::{Config, Found, State};
use parallax_model::QuoteKind;
use std::ops::Range;

/// Text between a pair of quotation marks.
#[derive(Debug, Clone)]
pub(crate) struct Span {
    /// Index of the opening mark.
    pub(crate) open: usize,
    /// Index of the closing mark, or of the last token of the paragraph for a quote left open.
    pub(crate) last: usize,
}

impl Span {
    /// Its byte range, marks included.
    pub(crate) fn range(&self, doc: &Doc) -> Range<usize> {
        doc.span(self.open, self.last)
    }

    /// How many words it holds.
    fn n_words(&self, doc: &Doc) -> usize {
        (self.open..=self.last)
            .filter(|&idx| doc.token(idx).is_word())
            .count()
    }
}

/// Whether the mark at `idx` can open a quotation.
fn opens(doc: &Doc, idx: usize, mark: Mark) -> bool {
    let token = doc.token(idx);
    match mark {
        Mark::Open => true,
        // A closing mark typed where an opening one belongs: free before, glued after, or
        // opening a paragraph that closes a quotation later (”… it holds,” Ruiz wrote).
        Mark::Close => {
            (token.space_before && !token.space_after) || opens_paragraph_quotation(doc, idx)
        }
        // A straight mark opens unless it is glued to the word before and free after ("no" ).
        Mark::Either => (token.space_before || !token.space_after) && idx + 1 < doc.tokens.len(),
    }
}

/// Whether the mark at `idx` is the first token of its paragraph and a closing mark follows it in
/// that paragraph: nothing can be open for it to close, so it opens.
fn opens_paragraph_quotation(doc: &Doc, idx: usize) -> bool {
    let paragraph = doc.token(idx).paragraph;
    let first_of_paragraph = idx == 0 || doc.token(idx - 1).paragraph != paragraph;
    first_of_paragraph
        && doc.tokens[idx + 1..]
            .iter()
            .take_while(|token| token.paragraph == paragraph)
            .any(|token| matches!(token.kind, Kind::Quote(Mark::Close | Mark::Either)))
}

/// Whether the mark at `idx` can close the open quotation.
fn closes(doc: &Doc, idx: usize, mark: Mark) -> bool {
    let token = doc.token(idx);
    match mark {
        Mark::Close => true,
        // An opening mark closes only when it is clearly glued to the end of a word, as in
        // careless typing ("no“ ).
        Mark::Open => token.space_after && !token.space_before,
        Mark::Either => !token.space_before || token.space_after,
    }
}

/// Pairs the quotation marks of `doc` into spans, in text order. A quote still open at the end of
/// its paragraph goes on when the next paragraph opens with a quotation mark (news style for long
/// quotes); otherwise it ends with its paragraph. An opening mark inside an open quote ends the
/// open one just before it, so one missing mark never swallows the rest of the text.
pub(crate) fn spans(doc: &Doc) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    let mut paragraph = 0;
    for (idx, token) in doc.tokens.iter().enumerate() {
        let mark = match token.kind {
            Kind::Quote(mark) => Some(mark),
            _ => None,
        };
        if let Some(start) = open {
            if token.paragraph != paragraph {
                let continues = token.paragraph == paragraph + 1
                    && mark.is_some_and(|mark| mark != Mark::Close);
                if continues && label(doc, idx).is_some() {
                    // A labelled paragraph of a transcript is the next speaker's turn, however
                    // the quotation marks run on.
                    spans.push(Span {
                        open: start,
                        last: idx - 1,
                    });
                    open = Some(idx);
                    paragraph = token.paragraph;
                    continue;
                }
                if continues {
                    paragraph = token.paragraph;
                    continue;
                }
                spans.push(Span {
                    open: start,
                    last: idx - 1,
                });
                open = None;
            } else {
                if let Some(mark) = mark {
                    if closes(doc, idx, mark) {
                        spans.push(Span {
                            open: start,
                            last: idx,
                        });
                        open = None;
                    } else {
                        spans.push(Span {
                            open: start,
                            last: idx - 1,
                        });
                        open = Some(idx);
                    }
                }
                continue;
            }
        }
        if let Some(mark) = mark
            && opens(doc, idx, mark)
        {
            open = Some(idx);
            paragraph = token.paragraph;
        }
    }
    if let Some(start) = open {
        spans.push(Span {
            open: start,
            last: doc.tokens.len() - 1,
        });
    }
    spans
}

/// Most words a transcript's speaker label holds ("SEN. RUIZ").
const MAX_LABEL_WORDS: usize = 3;

/// The speaker label of a transcript turn opening right after the quotation mark at `open`
/// ("“RUIZ: We will …"): words in capitals, each of two letters or more, then a colon. Returns
/// the label's first and last token and the colon. "Q:" and "A:" are left out: their turns are
/// not speech of a named speaker.
fn label(doc: &Doc, open: usize) -> Option<(usize, usize, usize)> {
    let first = open + 1;
    let colon = (first..(first + 2 * MAX_LABEL_WORDS).min(doc.tokens.len()))
        .find(|&idx| doc.token(idx).is_punct(':'))?;
    let upper = |idx: usize| {
        let token = doc.token(idx);
        let text = &doc.text[token.range.clone()];
        token.is_word()
            && text.chars().filter(|c| c.is_alphabetic()).count() > 1
            && text.chars().all(|c| !c.is_lowercase())
    };
    let words = (first..colon)
        .filter(|&idx| doc.token(idx).is_word())
        .count();
    let fits = colon > first
        && words <= MAX_LABEL_WORDS
        && (first..colon).all(|idx| upper(idx) || doc.token(idx).is_punct('.'))
        && doc.token(colon).paragraph == doc.token(open).paragraph;
    fits.then_some((first, colon - 1, colon))
}

/// A cue and speaker found next to a span.
#[derive(Debug)]
struct Attribution {
    /// First and last token of the cue.
    cue: (usize, usize),
    /// The speaker, if one is written.
    speaker: Option<Speaker>,
    /// The last token of the attribution.
    last: usize,
    /// Whether it follows the span, so another span right after it continues the quote.
    after: bool,
}

/// Finds the cue and speaker of each span that has them next to it, and records those quotes.
/// "“…,” she said, “…”" becomes one quote of two pieces.
pub(crate) fn attribute(doc: &Doc, spans: &[Span], state: &mut State) {
    for idx in 0..spans.len() {
        if state.span_used[idx] {
            continue;
        }
        let span = &spans[idx];
        if let Some((first, last, colon)) = label(doc, span.open)
            && colon < span.last
        {
            state.span_used[idx] = true;
            let content_first = colon + 1;
            state.push(
                doc,
                Found {
                    kind: QuoteKind::Direct,
                    pieces: vec![doc.span(content_first, span.last)],
                    cue: Some((colon, colon)),
                    speaker: Some(speaker::described(doc, first, last)),
                    resolved: None,
                    anonymous: false,
                    last_sentence: doc.token(span.last).sentence,
                    cue_score: None,
                    construction: "direct-label",
                },
            );
            continue;
        }
        let after_colon = span.open > 0 && doc.token(span.open - 1).is_punct(':');
        let passage_after_colon =
            after_colon && doc.token(span.open - 1).paragraph != doc.token(span.open).paragraph;
        let attribution = if passage_after_colon {
            // A paragraph a colon introduces ("an excerpt from the report:") may quote someone
            // with an attribution of its own ("“…,” Ruiz said. “…”"): those are Ruiz's words.
            let own = after(doc, span, state);
            if own.as_ref().is_some_and(|own| own.speaker.is_some()) {
                own
            } else {
                before(doc, span, state).or(own)
            }
        } else if after_colon {
            before(doc, span, state).or_else(|| after(doc, span, state))
        } else {
            after(doc, span, state).or_else(|| before(doc, span, state))
        };
        let Some(attribution) = attribution else {
            continue;
        };
        state.span_used[idx] = true;
        let mut pieces = vec![span.range(doc)];
        let mut last = span.last.max(attribution.last);
        if attribution.after
            && let Some(next) = spans.get(idx + 1)
        {
            let gap = attribution.last + 1;
            let joined = next.open == gap
                || (next.open == gap + 1
                    && [',', ':', '—', '-']
                        .iter()
                        .any(|&c| doc.token(gap).is_punct(c)));
            if joined && doc.token(next.open).paragraph == doc.token(span.last).paragraph {
                pieces.push(next.range(doc));
                state.span_used[idx + 1] = true;
                last = last.max(next.last);
            }
        }
        let anonymous = attribution
            .speaker
            .as_ref()
            .is_some_and(|speaker| speaker.anonymous);
        state.push(
            doc,
            Found {
                kind: QuoteKind::Direct,
                pieces,
                cue: Some(attribution.cue),
                speaker: attribution.speaker,
                resolved: None,
                anonymous,
                last_sentence: doc.token(last).sentence,
                cue_score: None,
                construction: if attribution.after {
                    "direct-after"
                } else {
                    "direct-before"
                },
            },
        );
    }
}

/// Words that may follow an attribution after a quote without starting a new clause.
const TRAILING_WORDS: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "to",
    "after",
    "before",
    "while",
    "of",
    "as",
    "about",
    "via",
    "from",
    "when",
    "last",
    "this",
    "late",
    "early",
    "earlier",
    "later",
    "recently",
    "yesterday",
    "today",
    "tonight",
    "with",
    "through",
    "according",
    "before",
    "outside",
    "inside",
    "adding",
    "noting",
    "saying",
    "explaining",
    "insisting",
    "arguing",
    "warning",
    "again",
    "then",
    "but",
    "and",
    "because",
    "since",
    "though",
    "although",
    "referring",
    "speaking",
    "told",
    "for",
    "shortly",
    "afterward",
    "afterwards",
    "over",
    "amid",
    "without",
    "following",
    "here",
    "there",
    "once",
    "too",
    "also",
    "aboard",
];

/// Whether the attribution ending at token `last` ends the clause, so it is not the subject and
/// verb of a new one ("a “deal” Ruiz said was dead").
fn clause_ends(doc: &Doc, last: usize, ceiling: usize) -> bool {
    let next = last + 1;
    if next >= ceiling {
        return true;
    }
    let token = doc.token(next);
    if token.is_word() {
        // A possessive opens a clause of what was said: "“…,” Ruiz said Berg's plan failed".
        let possessive = token.lower.ends_with("'s") || token.lower.ends_with("\u{2019}s");
        token.capitalized && !token.lower.starts_with("i'") && !possessive
            || TRAILING_WORDS.contains(&token.lower.as_ref())
            || (token.lower.ends_with("ly") && token.lower.len() > 4)
            // A number opens a time after the cue: "“…,” Ruiz said 30 minutes into the debate".
            || token.lower.starts_with(|c: char| c.is_ascii_digit())
    } else {
        !token.is_quote() || next + 1 >= doc.tokens.len() || doc.token(next).space_before
    }
}

/// The last token of what a verb of telling or asking takes before its content ("told the
/// paper", "asked him"), or `last` itself for other verbs.
fn addressee_end(doc: &Doc, class: Class, last: usize, ceiling: usize) -> usize {
    if !matches!(class, Class::Tell | Class::Ask) {
        return last;
    }
    let mut end = last;
    while end + 1 < ceiling && end - last < 8 {
        let token = doc.token(end + 1);
        // A word that is more often a noun than a verb may name the addressee: "told the show".
        let noun = token.is_word()
            && !token.capitalized
            && cues::reporting_verb(&token.lower).is_some_and(|entry| entry.noun_like());
        if !(speaker::fits(token)
            || noun
            || matches!(token.lower.as_ref(), "him" | "her" | "them" | "me" | "us"))
        {
            break;
        }
        end += 1;
    }
    end
}

/// "“…,” Ruiz said." or "“…,” said Ruiz, the mayor.": the attribution right after the span.
fn after(doc: &Doc, span: &Span, state: &State) -> Option<Attribution> {
    let mut start = span.last + 1;
    if doc.tokens.get(start)?.is_punct(',') {
        start += 1;
    }
    // "“constructive”, and the farmers learn …": a clause joined by a conjunction goes on with
    // the sentence; it attributes nothing to the quote.
    if matches!(
        doc.tokens.get(start).map(|token| token.lower.as_ref()),
        Some("and" | "but" | "or" | "nor" | "yet")
    ) {
        return None;
    }
    let paragraph = doc.token(span.last).paragraph;
    let mut ceiling = start;
    while ceiling < doc.tokens.len() && ceiling - start < 40 {
        let token = doc.token(ceiling);
        // A period closing an abbreviation in parentheses ("(D-Ore.)") ends no sentence.
        let in_parentheses = doc
            .tokens
            .get(ceiling + 1)
            .is_some_and(|next| next.is_punct(')'));
        if token.paragraph != paragraph
            || token.is_quote()
            || (token.is_terminal() && !in_parentheses)
            || token.is_punct(';')
        {
            break;
        }
        ceiling += 1;
    }
    // "“…” ― Ana Ruiz, a nurse": a dash before a name at the end of the paragraph or sentence.
    let dash = doc.token(start);
    if start == span.last + 1 && ["―", "—", "–"].iter().any(|d| dash.lower == *d) {
        let speaker = speaker::after(doc, start + 1, ceiling)?;
        return (speaker.last + 1 >= ceiling).then_some(Attribution {
            cue: (start, start),
            last: speaker.last,
            speaker: Some(speaker),
            after: true,
        });
    }
    if let Some(attribution) = text_reads(doc, start, ceiling, state) {
        return Some(attribution);
    }
    for verb in start..(start + 30).min(ceiling) {
        if state.used[verb] {
            return None;
        }
        let Some(entry) = cues::verb_at(doc, verb) else {
            continue;
        };
        let (first, last) = cues::extent(doc, verb, start);
        if first > start {
            let mut speaker = speaker::before(doc, first - 1, start)?;
            // "“…,” a handwritten note on the form said": a base form after a singular phrase
            // is a noun of it, and the verb comes later.
            if entry.form == Form::Base
                && first == verb
                && super::indirect::singular_subject(doc, &speaker)
            {
                continue;
            }
            // "“…” her private personal emails": a word more often a noun, right after a phrase
            // a possessive opens, is that phrase's noun.
            if entry.noun_like()
                && first == verb
                && super::indirect::is_possessive_determiner(doc.lower(speaker.first))
            {
                continue;
            }
            // Up to three words the phrase rule left out still belong to the speaker ("retired
            // general Ana Ruiz", "port authority spokesperson Ana Ruiz").
            // A preposition among them makes them an adverbial ("for his daughter's security
            // detail"), a relative pronoun a clause ("what he called") and a subordinator a
            // clause about the quoted words ("“…” because they believed …"), not part of a name.
            if speaker.first > start + 3
                || (start..speaker.first).any(|idx| {
                    let word = doc.lower(idx);
                    !doc.token(idx).is_word()
                        || speaker::is_preposition(word)
                        || matches!(
                            word,
                            "what"
                                | "which"
                                | "who"
                                | "whom"
                                | "whose"
                                | "that"
                                | "because"
                                | "although"
                                | "though"
                                | "unless"
                                | "if"
                                | "whereas"
                        )
                })
            {
                return None;
            }
            // A phrase opened by an article takes none of them: they name what the clause is
            // about ("“…,” a point the union's office denied").
            if !matches!(doc.token(speaker.first).lower.as_ref(), "the" | "a" | "an")
                || doc.token(speaker.first).capitalized
            {
                speaker.first = start;
            }
            let end = addressee_end(doc, entry.class(), last, ceiling);
            return clause_ends(doc, end, ceiling).then_some(Attribution {
                cue: (first, last),
                speaker: Some(speaker),
                last: end,
                after: true,
            });
        }
        if !entry.inverts() {
            return None;
        }
        let speaker = speaker::after(doc, last + 1, ceiling)?;
        return clause_ends(doc, speaker.last, ceiling).then_some(Attribution {
            cue: (first, last),
            last: speaker.last,
            speaker: Some(speaker),
            after: true,
        });
    }
    None
}

/// "“…,” the statement read.": a written text quoted, with "read" ending the sentence right after
/// its subject. Elsewhere "read" is no verb of saying ("she read the bill"), so the lexicon leaves
/// it out and only this shape makes it a cue.
fn text_reads(doc: &Doc, start: usize, ceiling: usize, state: &State) -> Option<Attribution> {
    let verb = ceiling.checked_sub(1)?;
    if verb <= start || state.used[verb] || !matches!(doc.lower(verb), "read" | "reads") {
        return None;
    }
    let speaker = speaker::before(doc, verb - 1, start)?;
    (speaker.first == start).then_some(Attribution {
        cue: (verb, verb),
        speaker: Some(speaker),
        last: verb,
        after: true,
    })
}

/// Whether the word at `idx` can stand between a cue and the quote it introduces: part of an
/// addressee or a prepositional phrase ("told reporters in Lyon: “…”").
fn complement_word(doc: &Doc, idx: usize) -> bool {
    let token = doc.token(idx);
    let word = token.lower.as_ref();
    token.is_word()
        && word != "that"
        && (speaker::fits(token)
            || matches!(
                word,
                "in" | "on"
                    | "at"
                    | "to"
                    | "during"
                    | "via"
                    | "with"
                    | "from"
                    | "out"
                    | "him"
                    | "her"
                    | "them"
                    | "me"
                    | "us"
                    | "over"
                    | "after"
                    | "before"
                    | "again"
                    | "last"
                    | "this"
                    | "next"
                    | "earlier"
                    | "later"
                    | "today"
                    | "yesterday"
                    | "tonight"
                    | "also"
                    | "then"
                    | "once"
                    | "about"
            ))
}

/// "Ruiz said: “…”", "Ruiz told reporters, “…”", "according to Ruiz, “…”", "…, adding: “…”":
/// the attribution right before the span, or at the end of the sentence before it when that
/// sentence ends with a colon; else a paragraph that introduces the quote with a colon.
fn before(doc: &Doc, span: &Span, state: &State) -> Option<Attribution> {
    cue_before(doc, span, state).or_else(|| introduced_by_a_paragraph(doc, span, state))
}

/// "Mayor Ana Ruiz, speaking on Tuesday, was blunt:" ending a paragraph, and the quote opening
/// the next: the sentence's subject, a name, speaks, with the colon for its cue. A short
/// sentence with no verb of saying (but in a participle clause before its subject, "Speaking
/// to reporters, Ruiz was blunt:"), which only hands over to the quote.
fn introduced_by_a_paragraph(doc: &Doc, span: &Span, state: &State) -> Option<Attribution> {
    /// Most tokens of such a paragraph.
    const MAX_INTRODUCTION_TOKENS: usize = 20;
    let colon = span.open.checked_sub(1)?;
    if !doc.token(colon).is_punct(':')
        || doc.token(colon).paragraph == doc.token(span.open).paragraph
    {
        return None;
    }
    let sentence = doc.sentence_of(colon);
    // "Speaking to the Sentinel yesterday, Mr Dalmau left no room for doubt:": a participle
    // clause before the subject, whose verb of speaking is no cue.
    let fronted_clause_end = doc
        .lower(sentence.start)
        .ends_with("ing")
        .then(|| (sentence.start + 1..colon).find(|&idx| doc.token(idx).is_punct(',')))
        .flatten();
    let subject_start = fronted_clause_end.map_or(sentence.start, |comma| comma + 1);
    if colon - sentence.start > MAX_INTRODUCTION_TOKENS
        || (sentence.start..colon).any(|idx| state.used[idx] || doc.token(idx).is_quote())
        || (subject_start..colon).any(|idx| {
            // "no room for doubt": a noun after a preposition or determiner says nothing.
            cues::verb_at(doc, idx).is_some()
                && !matches!(
                    doc.lower(idx.saturating_sub(1)),
                    "for" | "no" | "the" | "a" | "of" | "without" | "any"
                )
        })
    {
        return None;
    }
    let (first, last) = speaker::subject_name(doc, subject_start..colon, &state.quoted)?;
    let speaker = speaker::described(doc, first, last);
    (speaker.kind == speaker::Kind::Name).then_some(Attribution {
        cue: (colon, colon),
        speaker: Some(speaker),
        last: colon,
        after: false,
    })
}

fn cue_before(doc: &Doc, span: &Span, state: &State) -> Option<Attribution> {
    let open = span.open;
    let previous = doc.token(open.checked_sub(1)?);
    let colon = previous.is_punct(':');
    let punctuated = colon || previous.is_punct(',') || previous.is_punct('—');
    let mut end = open - 1;
    if punctuated {
        end = end.checked_sub(1)?;
    } else if !previous.is_word() {
        return None;
    }
    let same_paragraph = doc.token(end).paragraph == doc.token(open).paragraph;
    if !colon && (!same_paragraph || doc.token(end).sentence != doc.token(open).sentence) {
        return None;
    }
    let floor = doc.sentence_of(end).start;
    let low = end.saturating_sub(8).max(floor);
    for idx in (low..=end).rev() {
        let token = doc.token(idx);
        if state.used[idx] || token.is_quote() {
            return None;
        }
        if token.lower == "according" && doc.lower(idx + 1) == "to" && idx + 2 <= end {
            return Some(Attribution {
                cue: (idx, idx + 1),
                speaker: Some(speaker::described(doc, idx + 2, end)),
                last: end,
                after: false,
            });
        }
        if let Some(entry) = cues::verb_at(doc, idx) {
            // "a decision that Ruiz said had “stopped the infection in its tracks”": the
            // relative clause's verb after the cue, its subject the "that" before the speaker.
            let relative_gap = end == idx + 1
                && is_relative_auxiliary(doc.lower(end))
                && (idx.saturating_sub(6).max(floor)..idx)
                    .any(|before| matches!(doc.lower(before), "that" | "which"));
            if !relative_gap {
                if !(idx + 1..=end).all(|complement| complement_word(doc, complement)) {
                    return None;
                }
                // Words between the cue and a quote with no punctuation make the quote their
                // object, a title more often than speech: "said on “The Evening Show” that …".
                if idx < end && !punctuated {
                    return None;
                }
            }
            // A form that is usually a noun introduces a quote only with a colon or comma:
            // "a report “Arrogant”" is a title, "he reports: “…”" is speech.
            if entry.class() == Class::Thought || (entry.noun_like() && end == open - 1) {
                return None;
            }
            let (first, last) = cues::extent(doc, idx, floor);
            let mut speaker = (first > floor)
                .then(|| speaker::before(doc, first - 1, floor))
                .flatten();
            // "her Facebook post: “…”": a base form after a singular phrase opened by a
            // possessive is that phrase's noun, and the possessor the speaker.
            if let Some(phrase) = &speaker
                && entry.form == Form::Base
                && first == idx
                && super::indirect::is_possessive_determiner(doc.lower(phrase.first))
                && super::indirect::singular_subject(doc, phrase)
            {
                speaker = Some(speaker::pronoun(phrase.first));
            }
            let coordinated = first > floor && matches!(doc.lower(first - 1), "and" | "but");
            if speaker.is_none() && (entry.form == Form::Gerund || coordinated) {
                speaker = participle_subject(doc, state, first);
            } else if speaker.is_none() {
                return None;
            }
            return Some(Attribution {
                cue: (first, last),
                speaker,
                last: end,
                after: false,
            });
        }
        // The auxiliary of a relative clause's verb after the cue ("that Ruiz said had
        // “…”") is read with the cue before it.
        let auxiliary_after_cue = idx == end
            && idx > low
            && cues::verb_at(doc, idx - 1).is_some()
            && is_relative_auxiliary(doc.lower(idx));
        if !complement_word(doc, idx) && !auxiliary_after_cue {
            return None;
        }
    }
    None
}

/// Whether `word` is an auxiliary that opens a relative clause's verb right after a cue
/// ("a decision that Ruiz said *had* “…”").
fn is_relative_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "had" | "has" | "have" | "was" | "were" | "is" | "are" | "would" | "will" | "could"
    )
}

/// The speaker of a participle cue ("…, adding …"): the speaker of the last quote found in the
/// same sentence, else the subject of the sentence.
pub(crate) fn participle_subject(doc: &Doc, state: &State, cue: usize) -> Option<Speaker> {
    let sentence = doc.token(cue).sentence;
    state
        .found
        .iter()
        .rev()
        .find(|found| {
            found
                .cue
                .is_some_and(|(first, _)| first < cue && doc.token(first).sentence == sentence)
        })
        .and_then(|found| found.speaker.clone())
        .or_else(|| {
            let sentence = doc.sentence_of(cue);
            speaker::subject_name(doc, sentence.start..cue, &state.quoted)
                .map(|(first, last)| speaker::described(doc, first, last))
        })
        .or_else(|| speaker::sentence_subject(doc, cue, &state.quoted))
}

/// Whether a span stands as a sentence of its own (or several), rather than inside one: a title,
/// a scare quote or a quoted phrase.
fn standalone(doc: &Doc, span: &Span) -> bool {
    let starts = span.open == 0 || {
        let previous = doc.token(span.open - 1);
        previous.paragraph != doc.token(span.open).paragraph
            || previous.is_terminal()
            || previous.is_punct(':')
            || previous.is_quote()
            || doc.sentence_of(span.open).start == span.open
    };
    // "“Nobody is counting what that costs.” She said …": a sentence that ends inside the
    // quote ends with it when the next token opens a sentence.
    let ends = doc.tokens.get(span.last + 1).is_none_or(|next| {
        next.paragraph != doc.token(span.last).paragraph
            || next.is_terminal()
            || next.is_quote()
            || (span.last > span.open
                && doc.token(span.last - 1).is_terminal()
                && doc.sentence_of(span.last + 1).start == span.last + 1)
    });
    starts && ends
}

/// Deals with the spans no cue claimed: a lone quote right after an attributed one (in the next
/// sentence or paragraph) continues it; other standalone quotes longer than a scare quote are
/// kept with no speaker; the rest (scare quotes, titles, quoted phrases) are left out.
pub(crate) fn continue_or_drop(doc: &Doc, spans: &[Span], state: &mut State, config: &Config) {
    state
        .found
        .sort_by_key(|found| found.pieces.last().map_or(0, |piece| piece.end));
    let mut previous: Option<usize> = None;
    let mut orphans = Vec::new();
    for (idx, span) in spans.iter().enumerate() {
        if state.span_used[idx] || state.used[span.open] || !standalone(doc, span) {
            continue;
        }
        let range = span.range(doc);
        let mut next = previous.map_or(0, |found_idx| found_idx + 1);
        while next < state.found.len()
            && state.found[next]
                .pieces
                .last()
                .is_some_and(|piece| piece.end <= range.start)
        {
            previous = Some(next);
            next += 1;
        }
        let sentence = doc.token(span.open).sentence;
        // A quote after a colon is introduced by the words before it, and one in a later
        // paragraph continues only if it opens that paragraph: "Ruiz has apologized: “…”" is
        // not the earlier speaker's.
        let previous_token = span.open.checked_sub(1).map(|open| doc.token(open));
        let after_colon = previous_token.is_some_and(|token| token.is_punct(':'));
        let opens_paragraph =
            previous_token.is_none_or(|token| token.paragraph != doc.token(span.open).paragraph);
        if let Some(found) = previous.map(|found_idx| &mut state.found[found_idx])
            && (found.last_sentence + 1 == sentence || found.last_sentence == sentence)
            && !after_colon
            && (opens_paragraph
                || found.pieces.last().is_some_and(|piece| {
                    let last = doc
                        .tokens
                        .partition_point(|token| token.range.end < piece.end);
                    doc.tokens
                        .get(last)
                        .is_some_and(|token| token.paragraph == doc.token(span.open).paragraph)
                }))
        {
            found.pieces.push(range);
            found.last_sentence = doc.token(span.last).sentence;
            state.span_used[idx] = true;
            state.claim(span.open, span.last);
            continue;
        }
        if span.n_words(doc) > config.max_scare_quote_words {
            orphans.push(idx);
        }
    }
    for idx in orphans {
        let span = &spans[idx];
        state.span_used[idx] = true;
        state.push(
            doc,
            Found {
                kind: QuoteKind::Direct,
                pieces: vec![span.range(doc)],
                cue: None,
                speaker: None,
                resolved: None,
                anonymous: false,
                last_sentence: doc.token(span.last).sentence,
                cue_score: None,
                construction: "direct-alone",
            },
        );
    }
}
