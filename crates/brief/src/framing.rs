//! Framing: how each source tells the story, in numbers a reader can check.
//!
//! Per source: its genre (an editor's note about the author's views or a first-person voice makes
//! opinion; a headline that announces analysis, or weighing without a disclaimer, makes analysis;
//! otherwise news), how much of what it says it attributes to someone, how often it hedges, the
//! loaded and emotive words it uses in its own voice (quotes are the speakers' words, not the
//! outlet's), and whose officials it lets speak, by the speakers' countries. The loaded-word
//! lexicon (`data/loaded-words.txt`) is general and written by the team.

use parallax_model::{Annotated, Attribution, Framing, Genre, LoadedWord, Polarity, Span, Story};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

/// The loaded-word lexicon, by the first word of each entry, so each word of a text is looked
/// up once. Fx hashing: a fixed table that every word of every sentence is looked up in.
static LOADED_WORDS: LazyLock<FxHashMap<&'static str, Vec<&'static str>>> = LazyLock::new(|| {
    let mut by_first_word: FxHashMap<&str, Vec<&str>> = FxHashMap::default();
    for entry in include_str!("../data/loaded-words.txt")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
    {
        let first = entry.split([' ', '-']).next().unwrap_or(entry);
        let entries = by_first_word.entry(first).or_default();
        if !entries.contains(&entry) {
            entries.push(entry);
        }
    }
    by_first_word
});

/// The lexicon's entries that praise: its "Glorifying labels" section. Every other entry
/// condemns or alarms, which is how the tone section reads them.
static GLORIFYING: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    let mut in_section = false;
    let mut glorifying = HashSet::new();
    for line in include_str!("../data/loaded-words.txt")
        .lines()
        .map(str::trim)
    {
        if let Some(heading) = line.strip_prefix('#') {
            if !heading.trim().is_empty() {
                in_section = heading.trim() == "Glorifying labels";
            }
        } else if in_section && !line.is_empty() {
            glorifying.insert(line);
        }
    }
    glorifying
});

/// Whether a loaded word of the lexicon praises ("heroic") rather than condemns ("reckless").
pub(crate) fn is_glorifying(phrase: &str) -> bool {
    GLORIFYING.contains(phrase)
}

/// The loaded words of the lexicon in `text`, each with its byte range; `words` are the words of
/// `text` as [`words`] gives them. A phrase inside a capitalized name ("the Cuban Missile
/// Crisis", "the Radical Reform Caucus") names a thing and is no word of the writer's.
fn loaded_matches<'a>(
    text: &'a str,
    words: &'a [(Range<usize>, Cow<'_, str>)],
) -> impl Iterator<Item = (&'static str, Range<usize>)> + 'a {
    words
        .iter()
        .enumerate()
        .flat_map(move |(start_idx, (range, word))| {
            let phrases = LOADED_WORDS
                .get(word.as_ref())
                .map_or(&[][..], Vec::as_slice);
            phrases.iter().filter_map(move |phrase| {
                let n_phrase_words = phrase.split([' ', '-']).count();
                let end_idx = start_idx + n_phrase_words - 1;
                let end = words.get(end_idx)?.0.end;
                let candidate = text[range.start..end]
                    .to_lowercase()
                    .replace('\u{2019}', "'");
                (candidate == *phrase && !inside_a_name(text, words, start_idx, end_idx))
                    .then_some((*phrase, range.start..end))
            })
        })
}

/// Whether the words `first..=last` of `words` are capitalized, do not open their sentence
/// (where "Reckless Norland …" is a word of the writer's before a name), and stand in a run of
/// capitalized words: after one ([`follows_a_name_word`]) or before one set off by a space.
fn inside_a_name(
    text: &str,
    words: &[(Range<usize>, Cow<'_, str>)],
    first: usize,
    last: usize,
) -> bool {
    let capitalized = |at: usize| {
        words.get(at).is_some_and(|(range, _)| {
            text[range.clone()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        })
    };
    if !(first..=last).all(capitalized) || opens_sentence(text, words[first].0.start) {
        return false;
    }
    let name_goes_on = words.get(last + 1).is_some_and(|(next, _)| {
        text[words[last].0.end..next.start] == *" " && capitalized(last + 1)
    });
    follows_a_name_word(text, words, first) || name_goes_on
}

/// How many loaded words of the lexicon `text` uses.
pub(crate) fn n_loaded_words(text: &str) -> usize {
    loaded_matches(text, &words(text)).count()
}

/// First-person singular words per 1,000 above which an article speaks in the writer's voice.
const FIRST_PERSON_OPINION: f64 = 3.0;

/// A news report attributes much of what it states; an article of at least
/// [`MIN_CLAIMS_FOR_VOICE`] claims attributing a smaller share than this tells the story in its
/// writer's own voice. Of the 170 news articles of BASIL (Fox News, NYT, HuffPost) with that
/// many claims, the lowest share is 0.38 (`bench/basil-disputes.sh` builds the stories).
const MIN_ATTRIBUTED_NEWS: f64 = 0.35;
const MIN_CLAIMS_FOR_VOICE: usize = 20;
/// Loaded words per 1,000 from which an article in its own voice argues (opinion) rather than
/// explains (analysis); about what the most loaded tenth of BASIL's news articles use.
const LOADED_OPINION: f64 = 3.0;

/// The framing of each source of `story`.
pub fn framing(story: &Story) -> Vec<Framing> {
    story
        .articles
        .iter()
        .enumerate()
        .map(|(idx, annotated)| framing_of(idx + 1, annotated))
        .collect()
}

fn framing_of(source: usize, annotated: &Annotated) -> Framing {
    let article = &annotated.article;
    let text = &article.text;
    let quoted: Vec<Range<usize>> = annotated
        .quotes
        .iter()
        .filter(|quote| quote.kind == parallax_model::QuoteKind::Direct)
        .flat_map(|quote| std::iter::once(quote.content.clone()).chain(quote.continuation.clone()))
        .collect();
    let in_quote = |range: &Range<usize>| inside(&quoted, range);

    let n_words = article.n_words().max(1) as f64;
    let words = words(text);
    // The writer's own first person: not a speaker's inside quotation marks, whether or not
    // the quote was attributed ("“I love this country,” he said" is the speaker's).
    let marked = within_quotation_marks(text);
    let first_person = words
        .iter()
        .enumerate()
        .filter(|(at, (range, _))| {
            is_first_person(text, &words, *at) && !in_quote(range) && !inside(&marked, range)
        })
        .count();
    let first_person_per_1000 = first_person as f64 * 1000.0 / n_words;

    let mut loaded: BTreeMap<&str, Vec<Span>> = BTreeMap::new();
    for (phrase, range) in loaded_matches(text, &words) {
        if !in_quote(&range) {
            loaded.entry(phrase).or_default().push(Span::new(
                article.id.clone(),
                range.start,
                range.end,
            ));
        }
    }
    let mut loaded_words: Vec<LoadedWord> = loaded
        .into_iter()
        .map(|(word, spans)| LoadedWord {
            word: word.to_string(),
            spans,
        })
        .collect();
    loaded_words.sort_by(|a, b| b.spans.len().cmp(&a.spans.len()).then(a.word.cmp(&b.word)));
    let n_loaded: usize = loaded_words.iter().map(|word| word.spans.len()).sum();

    let n_claims = annotated.claims.len();
    let attributed = annotated
        .claims
        .iter()
        .filter(|claim| !matches!(claim.attribution, Attribution::Own))
        .count();
    let n_hedged = annotated
        .claims
        .iter()
        .filter(|claim| claim.polarity == Polarity::Hedged)
        .count();

    let mut by_country: HashMap<&str, usize> = HashMap::new();
    for quote in &annotated.quotes {
        for country in speaker_countries(annotated, quote) {
            *by_country.entry(country).or_insert(0) += 1;
        }
    }
    let mut voices_by_country: Vec<(String, usize)> = by_country
        .into_iter()
        .map(|(country, count)| (country.to_string(), count))
        .collect();
    voices_by_country.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));

    let attributed_share = if n_claims == 0 {
        0.0
    } else {
        attributed as f64 / n_claims as f64
    };
    let loaded_per_1000 = n_loaded as f64 * 1000.0 / n_words;
    let own_voice = (n_claims >= MIN_CLAIMS_FOR_VOICE && attributed_share < MIN_ATTRIBUTED_NEWS)
        .then_some((attributed_share, n_claims));
    let (genre, genre_signals) =
        genre(annotated, first_person_per_1000, own_voice, loaded_per_1000);
    Framing {
        source,
        genre,
        genre_signals,
        n_claims,
        attributed_share,
        first_person_per_1000,
        n_hedged,
        loaded_per_1000,
        loaded_words,
        voices_by_country,
    }
}

/// The countries a quote's speaker speaks for: its entity's, or, for two names joined by "and"
/// that no one entity names ([`parallax_model::joined_names`], "Velmar and Ostrava agreed …",
/// "Velmari and Ostravan officials said …"), each of theirs once.
fn speaker_countries<'a>(annotated: &'a Annotated, quote: &parallax_model::Quote) -> Vec<&'a str> {
    let country_of = |entity: usize| {
        annotated
            .entities
            .get(entity)
            .and_then(|entity| entity.country.as_deref())
    };
    if let Some(entity) = quote.speaker_entity {
        return country_of(entity).into_iter().collect();
    }
    let pair = quote.speaker.as_ref().and_then(|speaker| {
        parallax_model::joined_names(&annotated.article.text, &annotated.entities, speaker)
            .map(|(pair, _)| pair)
    });
    let mut countries: Vec<&str> = pair.into_iter().flatten().filter_map(country_of).collect();
    countries.dedup();
    countries
}

/// The genre of `annotated` and the signals that tell it; `own_voice` is the share of claims
/// attributed and their number when the article attributes too little for a news report.
fn genre(
    annotated: &Annotated,
    first_person_per_1000: f64,
    own_voice: Option<(f64, usize)>,
    loaded_per_1000: f64,
) -> (Genre, Vec<String>) {
    let article = &annotated.article;
    let views_note = article.notes.iter().any(|note| {
        let note = note.to_lowercase();
        ["views", "opinion", "commentary", "column"]
            .iter()
            .any(|word| note.contains(word))
    });
    let title = article.title.as_deref().unwrap_or_default().to_lowercase();
    let announces_analysis = ["analysis", "explainer", "explained", "insight"]
        .iter()
        .any(|word| title.starts_with(word));
    let announces_opinion = ["opinion", "comment", "editorial", "op-ed", "column"]
        .iter()
        .any(|word| title.starts_with(word));
    let first_person = first_person_per_1000 >= FIRST_PERSON_OPINION;
    let mut signals = Vec::new();
    if views_note {
        signals.push("editor's note about the author's views".to_string());
    }
    if announces_analysis {
        signals.push("headline announces analysis".to_string());
    }
    if announces_opinion {
        signals.push("headline announces opinion".to_string());
    }
    if first_person {
        signals.push(format!(
            "first person {first_person_per_1000:.1} per 1,000 words"
        ));
    }
    if let Some((share, n_claims)) = own_voice {
        signals.push(format!(
            "own voice: {:.0}% of {n_claims} claims attributed",
            share * 100.0
        ));
    }
    let genre = if announces_analysis {
        Genre::Analysis
    } else if views_note || announces_opinion || first_person {
        Genre::Opinion
    } else if own_voice.is_some() {
        if loaded_per_1000 >= LOADED_OPINION {
            Genre::Opinion
        } else {
            Genre::Analysis
        }
    } else {
        Genre::News
    };
    (genre, signals)
}

/// Whether the word at `at` of `words` (of `text`) is a first-person pronoun. The pronoun "I"
/// is written as a capital alone; a capital I inside a dotted abbreviation ("F.B.I."), a party
/// tag or a road's number ("I-Vt.", "I-95"), a middle initial ("Joseph I. Ruiz") or a numeral
/// after a name ("World War I", "Title I") is none, and
/// "ME" or "MY" in capitals is a state's or a country's code, not "me".
fn is_first_person(text: &str, words: &[(Range<usize>, Cow<'_, str>)], at: usize) -> bool {
    let (range, word) = &words[at];
    let written = &text[range.clone()];
    match word.as_ref() {
        "i" => {
            if written != "I" {
                return false;
            }
            let before = text[..range.start].chars().next_back();
            let mut after = text[range.end..].chars();
            let next = after.next();
            let dotted = next == Some('.') && after.next().is_some_and(char::is_alphabetic);
            if before == Some('.') || dotted || next == Some('-') {
                return false;
            }
            !follows_a_name_word(text, words, at)
        }
        "me" | "my" => written != "ME" && written != "MY",
        "mine" | "myself" => true,
        _ => false,
    }
}

/// Whether the word before `at` is capitalized, set off from it by spaces alone, and does not
/// open its sentence: a name or title the word at `at` belongs to ("Joseph I.", "World War I").
fn follows_a_name_word(text: &str, words: &[(Range<usize>, Cow<'_, str>)], at: usize) -> bool {
    let Some((previous, _)) = at.checked_sub(1).and_then(|before| words.get(before)) else {
        return false;
    };
    let between = &text[previous.end..words[at].0.start];
    if between.is_empty() || !between.chars().all(|ch| ch == ' ') {
        return false;
    }
    if !text[previous.clone()]
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
    {
        return false;
    }
    !opens_sentence(text, previous.start)
}

/// Whether the word starting at byte `start` of `text` opens a sentence (or a line, or what
/// follows a colon or dash), where any word may be capitalized.
fn opens_sentence(text: &str, start: usize) -> bool {
    text[..start]
        .trim_end_matches([' ', '\u{201c}', '"', '(', '\''])
        .chars()
        .next_back()
        .is_none_or(|ch| matches!(ch, '.' | '!' | '?' | ':' | ';' | '\n' | '\u{2014}' | '-'))
}

/// Whether `range` lies within one of `spans`.
fn inside(spans: &[Range<usize>], range: &Range<usize>) -> bool {
    spans
        .iter()
        .any(|span| span.start <= range.start && range.end <= span.end)
}

/// The spans of `text` between double quotation marks, straight or curly, paragraph by
/// paragraph: a quotation still open at the end of its paragraph runs to that end, as a quote
/// that goes on into the next paragraph opens it again; and a mark that closes a quotation no
/// mark of its paragraph opened (the last paragraph of a quote running over several, a
/// transcript's answer) closes one that runs from the paragraph's start or the last quotation
/// closed before it.
fn within_quotation_marks(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    // Where a quotation closed by a mark with none open would have started.
    let mut unquoted_from = 0;
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        match c {
            '\n' => {
                if let Some(start) = open.take() {
                    spans.push(start..at);
                }
                unquoted_from = end;
            }
            '\u{201c}' => open = open.or(Some(at)),
            '\u{201d}' => {
                spans.push(open.take().unwrap_or(unquoted_from)..end);
                unquoted_from = end;
            }
            '"' => match open.take() {
                Some(start) => {
                    spans.push(start..end);
                    unquoted_from = end;
                }
                None if closes(text, at) => {
                    spans.push(unquoted_from..end);
                    unquoted_from = end;
                }
                None => open = Some(at),
            },
            _ => {}
        }
    }
    if let Some(start) = open {
        spans.push(start..text.len());
    }
    spans
}

/// Whether the straight mark at `at` of `text` closes a quotation: a word or a punctuation
/// mark ends right before it and a space, the paragraph's end or a punctuation mark comes after
/// it (`… like you."`).
fn closes(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + 1..].chars().next();
    before.is_some_and(|c| !c.is_whitespace())
        && after.is_none_or(|c| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | ')'))
}

/// Lowercase words of `text` with their byte ranges; hyphenated words are split so a phrase
/// such as "so-called" is two words. A word already in lowercase is borrowed, not copied: most
/// are, and copying every word was most of the cost of framing.
fn words(text: &str) -> Vec<(Range<usize>, Cow<'_, str>)> {
    let mut words = Vec::new();
    let mut start = None;
    for (offset, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let in_word = c.is_alphanumeric() || c == '\'' || c == '\u{2019}';
        match (start, in_word) {
            (None, true) => start = Some(offset),
            (Some(word_start), false) => {
                let word = text[word_start..offset].trim_end_matches(['\'', '\u{2019}']);
                if !word.is_empty() {
                    let end = word_start + word.len();
                    let lower = if word.is_ascii() && !word.bytes().any(|b| b.is_ascii_uppercase())
                    {
                        Cow::Borrowed(word)
                    } else {
                        Cow::Owned(word.to_lowercase())
                    };
                    words.push((word_start..end, lower));
                }
                start = None;
            }
            _ => {}
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::{Article, Origin};

    fn framed(title: &str, text: &str, notes: &[&str]) -> Framing {
        let mut article = Article::new(Origin::File("a.txt".into()), text.to_string());
        article.title = Some(title.to_string());
        article.notes = notes.iter().map(|note| note.to_string()).collect();
        framing_of(1, &Annotated::new(article))
    }

    #[test]
    fn names_joined_by_and_count_for_each_country() {
        use parallax_model::{Entity, EntityKind, Mention, QuoteKind};
        let text = "Velmar and Ostrava agreed that the fees were too high. A Velmari official \
                    said the port and the mayor agreed. Unnamed Velmar and Ostrava officials \
                    said the talks would resume.";
        let mut annotated = Annotated::new(Article::new(Origin::File("a.txt".into()), text.into()));
        for (name, country) in [("Velmar", "VEL"), ("Ostrava", "OST")] {
            annotated.entities.push(Entity {
                kind: EntityKind::Place,
                name: name.to_string(),
                mentions: text
                    .match_indices(name)
                    .map(|(start, _)| Mention {
                        range: start..start + name.len(),
                        by_role: false,
                    })
                    .collect(),
                country: Some(country.to_string()),
                role: None,
            });
        }
        annotated.quotes = vec![
            crate::test_stories::quote_in(
                text,
                QuoteKind::Indirect,
                "that the fees were too high",
                Some("agreed"),
                Some("Velmar and Ostrava"),
            ),
            crate::test_stories::quote_in(
                text,
                QuoteKind::Indirect,
                "the port and the mayor agreed",
                Some("said"),
                Some("A Velmari official"),
            ),
            // Two names joined inside an unnamed source's phrase count for both too.
            parallax_model::Quote {
                anonymous: true,
                ..crate::test_stories::quote_in(
                    text,
                    QuoteKind::Indirect,
                    "the talks would resume",
                    Some("said"),
                    Some("Unnamed Velmar and Ostrava officials"),
                )
            },
        ];
        assert_eq!(
            framing_of(1, &annotated).voices_by_country,
            [("OST".to_string(), 2), ("VEL".to_string(), 2)]
        );
    }

    #[test]
    fn first_person_inside_quotation_marks_is_the_speakers() {
        let quoted =
            "\"I love this port, and my family worked here,\" he said.\n\n\u{201c}I will stay.";
        assert_eq!(
            framed("Dockers stay", quoted, &[]).first_person_per_1000,
            0.0
        );
        let own = "I have watched this port for years, and my readers deserve better.";
        assert!(framed("A port in trouble", own, &[]).first_person_per_1000 > 0.0);
        // The last paragraph of a quotation over several paragraphs has only its closing mark.
        let continued = "She wrote: \u{201c}The pilots were right.\n\nSo I am asking you to \
                         leave me be.\u{201d}\n\nRuiz: I do not know that. I will see.\"";
        assert_eq!(
            framed("Pilots right", continued, &[]).first_person_per_1000,
            0.0
        );
    }

    #[test]
    fn initials_abbreviations_numerals_and_codes_are_no_first_person() {
        let text = "The F.B.I. named Joseph I. Ruiz, a World War I historian, to the panel in \
                    Portland, ME, on Tuesday. Officials cut Title I funds, said Sen. Ana Ruiz (I-Vt.).";
        assert_eq!(framed("Panel named", text, &[]).first_person_per_1000, 0.0);
        let own = "Yesterday I walked the harbour. Then I wrote to the F.B.I. and they called me.";
        let framing = framed("A walk", own, &[]);
        assert!(
            (framing.first_person_per_1000 - 3.0 * 1000.0 / 15.0).abs() < 1e-9,
            "{}",
            framing.first_person_per_1000
        );
    }

    #[test]
    fn an_article_that_attributes_little_speaks_in_its_own_voice() {
        let mut article = Article::new(Origin::File("a.txt".into()), "The port reopened.".into());
        article.title = Some("Why the port matters".into());
        let annotated = Annotated::new(article);
        let own_voice = Some((0.3, 40));
        assert_eq!(genre(&annotated, 0.0, own_voice, 5.0).0, Genre::Opinion);
        let (analysis, signals) = genre(&annotated, 0.0, own_voice, 1.0);
        assert_eq!(analysis, Genre::Analysis);
        assert_eq!(signals, ["own voice: 30% of 40 claims attributed"]);
        assert_eq!(genre(&annotated, 0.0, None, 5.0).0, Genre::News);
    }

    /// The loaded words of `framing`, each with how often it is used.
    fn loaded_in(framing: &Framing) -> Vec<(&str, usize)> {
        framing
            .loaded_words
            .iter()
            .map(|word| (word.word.as_str(), word.spans.len()))
            .collect()
    }

    #[test]
    fn loaded_words_are_found_outside_quotes_with_their_spans() {
        let framing = framed(
            "Port talks collapse",
            "The so-called reforms of the regime were reckless, and the regime knew it.",
            &[],
        );
        assert_eq!(
            loaded_in(&framing),
            [("regime", 2), ("reckless", 1), ("so-called", 1)]
        );
        assert_eq!(framing.genre, Genre::News);
    }

    #[test]
    fn loaded_words_inside_names_are_not_the_writers() {
        let framing = framed(
            "Port talks",
            "The Harbour Crisis Committee met. Reckless spending went on, and the crisis deepened.",
            &[],
        );
        assert_eq!(loaded_in(&framing), [("crisis", 1), ("reckless", 1)]);
    }

    #[test]
    fn genre_from_notes_headline_and_voice() {
        let note = "Editor's note: the views expressed are the author's own.";
        assert_eq!(
            framed("Why the port matters", "The port reopened.", &[note]).genre,
            Genre::Opinion
        );
        assert_eq!(
            framed("Analysis: who blinks first", "The port reopened.", &[]).genre,
            Genre::Analysis
        );
        let voice = "I have watched this port for years and I think my readers deserve better.";
        assert_eq!(
            framed("A port in trouble", voice, &[]).genre,
            Genre::Opinion
        );
    }
}
