//! Clauses: the parts of a sentence that can state a fact of their own.
//!
//! News sentences pack several facts into one ("X and Y agreed to meet again, after a 40-minute
//! meeting ended without a joint statement"), while another source gives one of them alone ("No
//! joint statement was issued"). Matching whole sentences dilutes such a fact below any useful
//! threshold and lets a sentence join only one group; matching the parts finds it. The parts are
//! cut at punctuation that separates clauses in most languages written with spaces (commas,
//! semicolons, colons, dashes), and pieces too short to state anything ("The meeting", "he
//! said") stay with their neighbour.

use std::ops::Range;

/// Pieces with fewer words than this join the piece after them ("The meeting, hosted by …"), or
/// the one before them at the end of a sentence ("…, officials said.").
const MIN_CLAUSE_WORDS: usize = 4;

/// Whether `word`, in any case, negates its clause ("not", "never", "without", "didn't",
/// "don’t"); it is not lowercased, since every word of every clause is asked.
pub(crate) fn is_negation(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "not", "never", "no", "nor", "none", "nothing", "nobody", "neither", "cannot", "without",
    ];
    let ends_with = |ending: &str| {
        word.len() >= ending.len()
            && word.is_char_boundary(word.len() - ending.len())
            && word[word.len() - ending.len()..].eq_ignore_ascii_case(ending)
    };
    (word.len() <= 8
        && WORDS
            .iter()
            .any(|negation| word.eq_ignore_ascii_case(negation)))
        || ends_with("n't")
        || ends_with("n\u{2019}t")
}

/// Words that open a phrase modifying a clause rather than a clause of its own ("with the
/// business community", "including the port", "following the allegations", "effective at 5
/// p.m.").
const MODIFIER_OPENERS: &[&str] = &[
    "with",
    "without",
    "including",
    "following",
    "effective",
    "amid",
    "despite",
    "at",
    "in",
    "on",
    "for",
    "by",
    "from",
    "of",
    "to",
    "during",
    "under",
    "over",
    "among",
    "like",
    "such",
    "except",
    "excluding",
    "plus",
    "than",
    "per",
    "via",
    "after",
    "before",
    "since",
    "until",
];

/// Pieces opening with one of [`MODIFIER_OPENERS`] with fewer words than this and no sign of a
/// verb are phrases, not clauses.
const MAX_MODIFIER_WORDS: usize = 8;

/// Whether the words of a piece are a phrase modifying a clause: a short piece opening with a
/// preposition ([`MODIFIER_OPENERS`]) and with no word that shows a verb (an auxiliary, a
/// past-tense ending, a verb of saying), so "after the meeting ended without a deal" stays a
/// clause.
fn is_modifier_phrase(words: &[&str]) -> bool {
    is_short_phrase_opened_by(words, MODIFIER_OPENERS)
}

/// Whether the words of a piece are a short phrase (fewer than [`MAX_MODIFIER_WORDS`]) opened
/// by one of `openers`, with no word after it that shows a verb: an auxiliary, a past-tense
/// ending, a verb of saying.
fn is_short_phrase_opened_by(words: &[&str], openers: &[&str]) -> bool {
    let opens = words
        .first()
        .is_some_and(|first| openers.contains(&lowercase(first).as_str()));
    opens && words.len() < MAX_MODIFIER_WORDS && !shows_verb(words.get(1..).unwrap_or_default())
}

/// Pieces opening a sentence with a time or a preposition and no sign of a verb, with fewer
/// words than this, are fronted phrases of the clause after them, however long
/// ([`is_fronted_phrase`]).
const MAX_FRONTED_WORDS: usize = 16;

/// Words that may count a time before "after", "before" or "later" ("Minutes after", "Two days
/// before", "Shortly after", "Only hours later").
const TIME_COUNT_WORDS: &[&str] = &[
    "minutes", "hours", "days", "weeks", "months", "years", "moments", "seconds", "minute", "hour",
    "day", "week", "month", "year", "shortly", "soon", "just", "only", "a", "an", "the", "few",
    "several", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// Whether the words of a piece that opens its sentence are a phrase fronted before the
/// sentence's clause, which states nothing alone ("Minutes after his tweets on Saturday morning
/// about social media, the president …", "After a night of talks in the harbour master's
/// office, …"): a preposition of [`MODIFIER_OPENERS`], or a count of time before "after",
/// "before" or "later", with no word after it that shows a verb.
fn is_fronted_phrase(words: &[&str]) -> bool {
    if words.len() >= MAX_FRONTED_WORDS {
        return false;
    }
    let lower: Vec<String> = words.iter().map(|word| lowercase(word)).collect();
    let opener_len = if lower
        .first()
        .is_some_and(|first| MODIFIER_OPENERS.contains(&first.as_str()))
    {
        Some(1)
    } else {
        lower
            .iter()
            .take(4)
            .position(|word| matches!(word.as_str(), "after" | "before" | "later"))
            .filter(|&at| {
                at > 0
                    && lower[..at].iter().all(|word| {
                        TIME_COUNT_WORDS.contains(&word.as_str())
                            || word.bytes().all(|byte| byte.is_ascii_digit())
                    })
            })
            .map(|at| at + 1)
    };
    opener_len.is_some_and(|len| !shows_verb(words.get(len..).unwrap_or_default()))
}

/// Whether the words of a piece are the last items of a list whose first items end the piece
/// before it: a short piece opening with a name and joining it to more by "and" or "or", with
/// no word that shows a verb ("…, including Lyon, Paris and other French cities.").
fn is_list_tail(words: &[&str]) -> bool {
    words
        .first()
        .is_some_and(|first| first.starts_with(char::is_uppercase))
        && words.len() < MAX_MODIFIER_WORDS
        && words
            .iter()
            .take(4)
            .skip(1)
            .any(|word| matches!(lowercase(word).as_str(), "and" | "or"))
        && !shows_verb(words)
}

/// Whether one of `words` shows a verb: an auxiliary, a past-tense ending, a verb of saying.
fn shows_verb(words: &[&str]) -> bool {
    const VERB_SIGNS: &[&str] = &[
        "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can",
        "could", "may", "might", "must", "should", "do", "does", "did", "said", "says",
    ];
    words.iter().any(|word| {
        let word = lowercase(word);
        VERB_SIGNS.contains(&word.as_str()) || (word.len() > 4 && word.ends_with("ed"))
    })
}

/// `word` lowercased without the punctuation around it.
fn lowercase(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Whether the words of a piece only name someone or something ("Democratic Attorney General
/// Ann Holm", "the Harbor Authority of Portvale"): capitalized words and the small words inside
/// names, with no word that could say anything about them (a figure does: "The 1,200-megawatt
/// Kessar Dam").
fn is_name_only(words: &[&str]) -> bool {
    words.iter().all(|word| {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        word.starts_with(char::is_uppercase)
            || matches!(word, "of" | "the" | "and" | "for" | "de" | "van" | "von")
    })
}

/// The clauses of `sentence` as byte ranges into it, in order, covering every word; one range
/// for a sentence that does not divide.
pub(crate) fn clause_ranges(sentence: &str) -> Vec<Range<usize>> {
    let mut pieces: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    let mut chars = sentence.char_indices().peekable();
    while let Some((idx, c)) = chars.next() {
        let next = chars.peek().map(|&(_, next)| next);
        // A comma between digits ("1,200") or a hyphen inside a word divides nothing.
        let divides = match c {
            ',' | ';' | ':' => next.is_none_or(char::is_whitespace),
            // Em and en dashes, and the horizontal bar some outlets set as a dash.
            '\u{2014}' | '\u{2013}' | '\u{2015}' => true,
            '-' => {
                next.is_some_and(char::is_whitespace)
                    && sentence[..idx].ends_with(char::is_whitespace)
            }
            _ => false,
        };
        if divides {
            let end = idx + c.len_utf8();
            pieces.push(start..end);
            start = end;
        }
    }
    pieces.push(start..sentence.len());
    let mut clauses: Vec<Range<usize>> = Vec::new();
    // The start of a run of short pieces waiting for the piece they belong with.
    let mut short_run: Option<usize> = None;
    // Whether the last clause ends in a name set off by commas ("the minister, Ana Ruiz,"),
    // which another noun may join ("and her deputy, Ivo Lind,").
    let mut ends_in_apposition = false;
    // Whether the piece before ends in a name, which a list's last items may follow.
    let mut ends_in_name = false;
    for piece in pieces {
        let start = short_run.take().unwrap_or(piece.start);
        let words: Vec<&str> = sentence[piece.clone()]
            .split_whitespace()
            .filter(|word| word.chars().any(char::is_alphanumeric))
            .collect();
        let names = is_name_only(&words);
        let opens_sentence = clauses.is_empty() && start == piece.start;
        let attaches_back = is_modifier_phrase(&words)
            || (opens_sentence && is_fronted_phrase(&words))
            || names
            || (ends_in_apposition && is_short_phrase_opened_by(&words, &["and", "or"]))
            || (ends_in_name && is_list_tail(&words));
        ends_in_name = words
            .last()
            .is_some_and(|last| last.starts_with(char::is_uppercase));
        let appends = start == piece.start && !clauses.is_empty();
        ends_in_apposition = appends && names && words.len() < MIN_CLAUSE_WORDS;
        if words.len() < MIN_CLAUSE_WORDS {
            // A short phrase after a clause that only names or places something is part of
            // it ("… to meet in Geneva, Lakeland, on May 10, followed by …"); anything else
            // short waits for the piece after it ("The meeting, hosted by …").
            match clauses.last_mut() {
                Some(last) if attaches_back && appends => last.end = piece.end,
                _ => short_run = Some(start),
            }
        } else if attaches_back {
            // A phrase modifying the clause before it stays with that clause; opening the
            // sentence, with the clause after it.
            match clauses.last_mut() {
                Some(last) => last.end = piece.end,
                None => short_run = Some(start),
            }
        } else {
            clauses.push(start..piece.end);
        }
    }
    if let Some(start) = short_run {
        match clauses.last_mut() {
            Some(last) => last.end = sentence.len(),
            None => clauses.push(start..sentence.len()),
        }
    }
    clauses
}

/// `range` of `sentence` without the spaces around it and the punctuation that divided it from
/// the next clause, for showing the clause alone.
pub(crate) fn trimmed(sentence: &str, range: &Range<usize>) -> Range<usize> {
    let text = &sentence[range.clone()];
    let start = range.start + (text.len() - text.trim_start().len());
    let kept = text.trim_start().trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                ',' | ';' | ':' | '-' | '\u{2014}' | '\u{2013}' | '\u{2015}'
            )
    });
    start..start + kept.len()
}

/// Words that open a clause about something named before them: a part of a sentence opening
/// with one has no subject of its own ("…, who pleaded guilty on Friday").
const RELATIVE_WORDS: &[&str] = &["who", "whom", "whose", "which", "that", "where"];

/// Words that, opening the part after a conjunction, show it goes on with the subject before
/// the conjunction ("… and again by the mayor in 2019", "… and said on Friday"): adverbs,
/// modals and verbs that no "-ed", "-ing" or "-ly" ending marks.
const SHARED_SUBJECT_OPENERS: &[&str] = &[
    "again", "also", "then", "still", "later", "even", "not", "never", "to", "said", "says",
    "told", "made", "took", "gave", "won", "lost", "left", "met", "sent", "spent", "held", "ran",
    "began", "became", "came", "went", "got", "paid", "sold", "brought", "found", "wrote", "would",
    "could", "should", "will", "can", "may", "might", "must",
];

/// Whether `part`, a part of a sentence after its start, cannot be read alone: it opens with a
/// relative word, or, after a bare clause mark, with any lowercase word — a verb whose subject
/// came before ("Ruiz, the port's director since 2015, | said on Friday …"), an appositive, a
/// participle or a subordinate clause. After a conjunction a lowercase word may be a subject
/// of its own ("…, while talks resume on Friday"); a verb or adverb is not ("… and injured
/// three in 2019", "… and roughly $2 million in 2020").
pub(crate) fn opens_headless(part: &str, after_conjunction: bool) -> bool {
    let Some(first) = part.split_whitespace().next() else {
        return false;
    };
    let word = first.trim_matches(|c: char| !c.is_alphanumeric());
    let lowercase = word.starts_with(|c: char| c.is_lowercase());
    // "… and on April 6, 2007, said that …": a time fronted after the conjunction leaves the
    // verb after it without a subject all the same.
    if after_conjunction && TIME_PREPOSITIONS.contains(&word) {
        let mut words = part.split_whitespace().skip(1).peekable();
        let mut time_skipped = false;
        while words
            .next_if(|word| word.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
            .is_some()
        {
            time_skipped = true;
        }
        if time_skipped && opens_headless(&words.collect::<Vec<_>>().join(" "), true) {
            return true;
        }
    }
    RELATIVE_WORDS.contains(&word)
        || (lowercase && !after_conjunction)
        || (lowercase
            && (word.ends_with("ed")
                || word.ends_with("ly")
                || (word.ends_with("ing") && !word.ends_with("thing"))
                || SHARED_SUBJECT_OPENERS.contains(&word)
                || is_verb_before_its_object(part)))
}

/// Prepositions that open a time fronted in a clause ("on April 6", "in 2019").
const TIME_PREPOSITIONS: &[&str] = &["on", "in", "at", "by", "since", "during", "until"];

/// Words that follow a verb in -s directly and never a plural noun that is a subject: a
/// determiner or possessive opening its object, or an adverb of time ("… and ends sometime in
/// December", "… and sends the bill back"; "talks resume", "officials in Velmar said" are
/// subjects).
const AFTER_A_VERB: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "our", "sometime", "again", "back",
];

/// Whether `part` opens with a word in -s (not -ss, -us, -is) followed by one of
/// [`AFTER_A_VERB`]: a verb in the present whose subject came before the part.
fn is_verb_before_its_object(part: &str) -> bool {
    let mut words = part.split_whitespace();
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    let first = first.trim_matches(|c: char| !c.is_alphanumeric());
    let second = second.trim_matches(|c: char| !c.is_alphanumeric());
    first.len() > 3
        && first.ends_with('s')
        && !["ss", "us", "is"].iter().any(|end| first.ends_with(end))
        && AFTER_A_VERB.contains(&second)
}

/// Words that cannot end what they belong to: a conjunction, subordinator or relative word, an
/// article, a preposition or an auxiliary leaves its part waiting for the words after it ("He
/// has no experience in the field and", "… said that if elected").
const DANGLING_WORDS: &[&str] = &[
    "and", "or", "but", "nor", "because", "if", "unless", "although", "though", "whether", "while",
    "when", "where", "that", "which", "who", "whom", "whose", "than", "as", "the", "a", "an",
    "this", "these", "those", "their", "his", "her", "its", "our", "my", "your", "of", "to", "for",
    "with", "from", "by", "in", "on", "at", "into", "about", "over", "under", "between", "against",
    "without", "after", "before", "during", "be", "is", "are", "was", "were", "been", "being",
    "am", "will", "would", "can", "could", "should", "shall", "must", "may", "might",
];

/// Whether `part`, a part of a sentence that its sentence goes on after, cannot end where it
/// does: its last word waits for more ([`DANGLING_WORDS`]), or a quotation it opens is still
/// open (“… needs to be made public).
pub(crate) fn ends_open(part: &str) -> bool {
    let last_word = part.split_whitespace().next_back().map(|word| {
        word.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    let dangling = last_word.is_some_and(|word| DANGLING_WORDS.contains(&word.as_str()));
    dangling || leaves_quotation_open(part)
}

/// Whether `part` opens a quotation it does not close: more opening curly marks than closing
/// ones, or a last straight mark that opens (a word right after it, a space or the start before).
fn leaves_quotation_open(part: &str) -> bool {
    if part.matches('\u{201C}').count() > part.matches('\u{201D}').count() {
        return true;
    }
    part.rfind('"').is_some_and(|at| {
        let before = part[..at].chars().next_back();
        let after = part[at + 1..].chars().next();
        before.is_none_or(char::is_whitespace) && after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_ends_open_on_a_waiting_word_or_an_open_quotation() {
        assert!(ends_open("He has no experience in the field and"));
        assert!(ends_open("The mayor said in a statement that if"));
        assert!(ends_open("“The report needs to be made public"));
        assert!(ends_open("She wrote: \"Talks will resume"));
        assert!(!ends_open("“The report needs to be made public,” she said"));
        assert!(!ends_open("The report needs to be made public,\" she said"));
        assert!(!ends_open("The port reopened on Monday"));
        assert!(!ends_open(""));
    }

    #[test]
    fn after_a_conjunction_a_verb_is_headless_and_a_subject_is_not() {
        assert!(opens_headless("ends sometime in December", true));
        assert!(opens_headless("sends the bill back to the council", true));
        assert!(opens_headless("reopened the port on Friday", true));
        assert!(opens_headless("on May 3, 2007, said he was not", true));
        assert!(!opens_headless("on May 3 it retracted it", true));
        assert!(!opens_headless("talks resume on Friday", true));
        assert!(!opens_headless(
            "officials in Velmar said the port would reopen",
            true
        ));
        assert!(!opens_headless(
            "his office says the port will reopen",
            true
        ));
        assert!(!opens_headless("business as usual returned", true));
        // After a bare clause mark any lowercase opening is.
        assert!(opens_headless("talks resume on Friday", false));
    }

    fn clauses(sentence: &str) -> Vec<&str> {
        clause_ranges(sentence)
            .into_iter()
            .map(|range| sentence[range].trim())
            .collect()
    }

    #[test]
    fn a_sentence_of_several_facts_divides_at_its_commas() {
        assert_eq!(
            clauses(
                "Both unions agreed on Friday to resume talks over the pension fund, after a \
                 two-hour meeting at the labour ministry ended without a settlement."
            ),
            [
                "Both unions agreed on Friday to resume talks over the pension fund,",
                "after a two-hour meeting at the labour ministry ended without a settlement.",
            ]
        );
    }

    #[test]
    fn short_pieces_stay_with_their_neighbours() {
        assert_eq!(
            clauses("The hearing, he said, lasted 3,500 seconds in all."),
            ["The hearing, he said, lasted 3,500 seconds in all."]
        );
        assert_eq!(
            clauses("The ferries stopped at noon on Monday, the operator said."),
            ["The ferries stopped at noon on Monday, the operator said."]
        );
        assert_eq!(
            clauses("On Monday, the ferry operators cancelled every crossing to the islands."),
            ["On Monday, the ferry operators cancelled every crossing to the islands."]
        );
    }

    #[test]
    fn phrases_modifying_a_clause_stay_with_it() {
        assert_eq!(
            clauses(
                "The governor met the port owners on Monday, with the business community \
                 watching closely, and signed the order."
            ),
            [
                "The governor met the port owners on Monday, with the business community \
                 watching closely,",
                "and signed the order.",
            ]
        );
        assert_eq!(
            clauses("Following the allegations, the director resigned from the harbor board."),
            ["Following the allegations, the director resigned from the harbor board."]
        );
        // A time or a preposition fronted before the sentence's clause, however long.
        for fronted in [
            "Minutes after her posts on Saturday morning about the harbour fees, the mayor \
             called the pilots in.",
            "After a long night of talks in the harbour master's office at the port, the mayor \
             called the pilots in.",
        ] {
            assert_eq!(clauses(fronted), [fronted]);
        }
        assert_eq!(
            clauses("Two days after the pilots walked out, the mayor called them in."),
            [
                "Two days after the pilots walked out,",
                "the mayor called them in."
            ]
        );
        assert_eq!(
            clauses(
                "The ferries stopped for a week, after the union's two-hour meeting ended \
                 without a deal."
            ),
            [
                "The ferries stopped for a week,",
                "after the union's two-hour meeting ended without a deal.",
            ]
        );
    }

    #[test]
    fn a_piece_that_only_names_stays_with_its_clause() {
        assert_eq!(
            clauses(
                "At the hearing on Monday, Democratic Harbor Commissioner Ann Holm, rose and \
                 spoke about the strike."
            ),
            [
                "At the hearing on Monday, Democratic Harbor Commissioner Ann Holm, rose and \
                 spoke about the strike."
            ]
        );
    }

    #[test]
    fn a_short_place_or_time_after_a_clause_stays_with_it() {
        assert_eq!(
            clauses(
                "The two delegations will meet in Brevane, Oltessa, on March 3, followed by \
                 talks with the river commission on March 5."
            ),
            [
                "The two delegations will meet in Brevane, Oltessa, on March 3,",
                "followed by talks with the river commission on March 5.",
            ]
        );
    }

    #[test]
    fn a_noun_joined_to_a_name_set_off_by_commas_stays_with_it() {
        assert_eq!(
            clauses(
                "The talks between the port's owner, Ana Ruiz, and the union's leader, Ivo \
                 Lind, settled nothing, and the strike goes on."
            ),
            [
                "The talks between the port's owner, Ana Ruiz, and the union's leader, Ivo \
                 Lind,",
                "settled nothing, and the strike goes on.",
            ]
        );
    }

    #[test]
    fn the_last_items_of_a_list_stay_with_its_first() {
        assert_eq!(
            clauses(
                "The ministers met in Lyon on Monday, and a wider conference followed with \
                 delegates from Lyon, Paris and other French cities."
            ),
            vec![
                "The ministers met in Lyon on Monday,",
                "and a wider conference followed with delegates from Lyon, Paris and other French cities."
            ]
        );
        // A name and a verb after it make a clause of their own.
        assert_eq!(
            clauses(
                "The mayor thanked the union leader Holm, Ruiz and her deputy signed the deal."
            ),
            vec![
                "The mayor thanked the union leader Holm,",
                "Ruiz and her deputy signed the deal."
            ]
        );
    }

    #[test]
    fn dashes_and_semicolons_divide_but_hyphens_do_not() {
        assert_eq!(
            clauses(
                "The well-known bridge reopened to traffic at noon - its repairs took \
                 six weeks; the tolls stay unchanged for now."
            ),
            [
                "The well-known bridge reopened to traffic at noon -",
                "its repairs took six weeks;",
                "the tolls stay unchanged for now.",
            ]
        );
        assert_eq!(
            clauses("The ferries kept sailing all week \u{2015} far more than the port expected."),
            [
                "The ferries kept sailing all week \u{2015}",
                "far more than the port expected.",
            ]
        );
    }

    #[test]
    fn a_clause_shown_alone_loses_its_dividing_punctuation() {
        let sentence = "Talks resumed at noon, and the ferries sailed again - all twelve of them.";
        let shown: Vec<&str> = clause_ranges(sentence)
            .iter()
            .map(|range| &sentence[trimmed(sentence, range)])
            .collect();
        assert_eq!(
            shown,
            [
                "Talks resumed at noon",
                "and the ferries sailed again",
                "all twelve of them."
            ]
        );
    }

    #[test]
    fn every_byte_is_in_one_clause() {
        for sentence in [
            "",
            ",",
            "A, b, c, d, e, f.",
            "\u{2014}\u{2014}",
            "x: y; z \u{2013} w",
            "x \u{2015} y",
        ] {
            let ranges = clause_ranges(sentence);
            assert_eq!(ranges.first().map(|range| range.start), Some(0));
            assert_eq!(ranges.last().map(|range| range.end), Some(sentence.len()));
            for pair in ranges.windows(2) {
                assert_eq!(pair[0].end, pair[1].start);
            }
        }
    }
}
