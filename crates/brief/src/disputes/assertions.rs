//! Assertion disputes: a statement some sources make and others deny or doubt.
//!
//! A sentence contests a statement when it carries a word of denial ("denied", "untrue", "no
//! evidence", "baseless", called "a hoax", "pure fantasy") or of doubt ("little evidence", "not persuaded",
//! "unverified"). A plain negation
//! ("would not abandon it") is not enough: most are statements of their own, not answers to
//! another source. It contests the statements of other sentences that say the
//! same thing without such words: their content terms (stemmed, irregular verb forms reduced to
//! their base, the words of denial and doubt, of attribution and of the calendar left out) overlap in at least two terms and in a
//! good share of the shorter sentence's IDF weight, what the denial is said of shares two terms
//! with what the other asserts (or one that is half of a short statement besides names), its
//! verb when it tells a clause or an action is stated too (or, for a denial in other words,
//! every term after it: "disputed that Democrats feel betrayed by the deal" contests no "Congress
//! will pass the deal"), and when both give numbers they share one
//! ("withdrew 10,000 troops" is not contested by a doubt about 100,000). One shared term must
//! lie outside the names of people, organisations and places: sentences about the same people
//! share their names whatever they say. Nor is a word for a claim that term ("denied the
//! allegations" / "resigned after allegations of bribery"): what is contested is what the
//! allegations say, which the other sentence must state, not mention. Of each other source, only the sentence most like it is
//! contested: an article states a fact once. A sentence that supposes ("If the council votes
//! no, …") or asks asserts nothing, and neither do a negated clause ("there is no racism in the
//! movement" says what the denial says) or the words after "whether" ("probing whether the
//! campaign colluded") or "any" ("sue for any role it may have played"): the shared term outside names must lie elsewhere. A denial or doubt
//! with nothing after it in its clause ("Scalia was unconvinced.", "something he has denied")
//! answers what its own article said before, so it contests no other source's sentence. Words of denial that contest nothing are no stance: negated
//! ("did not deny"), what someone is refused ("denied access", "denied a request"), certainty
//! ("no doubt"), an interrogation ("was questioned"), "no sign of backing down", "could not
//! confirm or deny", "false" said of a thing rather than of a statement ("false records"),
//! places ("the disputed island"). Nor does a speaker's denial contest a negation another
//! source reports in the same speaker's words ("Ruiz said she had not met the envoy" / "Ruiz
//! denied meeting the envoy"): the two sources agree on what Ruiz says. Every statement and the sentences contesting it form one
//! dispute with up to three sides: asserted, denied, doubted.

use super::{UnionFind, gist, sentence_citation};
use crate::clauses;
use crate::stems::Stems;
use parallax_model::{Citation, Dispute, DisputeKind, DisputeSide, Quote, Story};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

/// Phrases that deny a statement said after them ("denied that …", "no evidence that …").
const DENYING: &[&str] = &[
    "denied",
    "denies",
    "deny",
    "denying",
    "no evidence",
    "no record of",
    "no report of",
    "no reports of",
    "rejected claims",
    "rejects claims",
    "dismissed claims",
    "dismissed reports",
    "dismissed as",
];

/// Phrases that deny a statement already named, judging it ("the claim is false").
const DENYING_JUDGMENTS: &[&str] = &[
    "untrue",
    "not true",
    "false",
    "never happened",
    "did not happen",
    "fabricated",
    "baseless",
    "unfounded",
    "bogus",
    "hoax",
    "fantasy",
    "smear",
    "distortion",
];

/// Phrases that doubt a statement said after them.
const DOUBTING: &[&str] = &[
    "little evidence",
    "no independent evidence",
    "scant evidence",
    "little sign",
    "no sign",
    "no signs",
    "not persuaded",
    "not been persuaded",
    "not convinced",
    "unconvinced",
    "skeptical",
    "sceptical",
    "doubt",
    "doubts",
    "doubted",
    "questioned",
    "could not confirm",
    "cannot confirm",
    "disputed",
];

/// Phrases that doubt a statement already named ("the report could not be verified").
const DOUBTING_JUDGMENTS: &[&str] = &[
    "unverified",
    "could not be verified",
    "could not be independently verified",
    "cannot be verified",
    "with caution",
    "cautious",
];

/// Every phrase that denies a statement.
static DENIAL: LazyLock<Vec<&str>> =
    LazyLock::new(|| DENYING.iter().chain(DENYING_JUDGMENTS).copied().collect());

/// Every phrase that doubts a statement.
static DOUBT: LazyLock<Vec<&str>> =
    LazyLock::new(|| DOUBTING.iter().chain(DOUBTING_JUDGMENTS).copied().collect());

/// Whether a phrase of denial or doubt judges something already named: its scope comes
/// before it.
fn is_judgment(phrase: &str) -> bool {
    DENYING_JUDGMENTS.contains(&phrase) || DOUBTING_JUDGMENTS.contains(&phrase)
}

/// Words of the calendar, left out of the terms two statements share like the words of denial
/// and doubt, with the names of weekdays and months ([`calendar_words`]): two articles of one
/// month both say "last month" whatever else they say.
const CALENDAR_WORDS: &[&str] = &[
    "last",
    "next",
    "ago",
    "earlier",
    "later",
    "today",
    "yesterday",
    "tomorrow",
    "day",
    "days",
    "week",
    "weeks",
    "weekend",
    "month",
    "months",
    "year",
    "years",
    "morning",
    "afternoon",
    "evening",
    "night",
];

/// Words telling who said something and how ("said in a statement", "told an interview"),
/// left out like the words of the calendar: a denial "in a statement" shares nothing with
/// another statement for it.
const ATTRIBUTION_WORDS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tell",
    "tells",
    "added",
    "statement",
    "statements",
    "interview",
];

/// [`CALENDAR_WORDS`] and the names of weekdays and months.
fn calendar_words() -> impl Iterator<Item = &'static &'static str> {
    CALENDAR_WORDS
        .iter()
        .chain(&parallax_model::WEEKDAY_NAMES)
        .chain(&parallax_model::MONTH_NAMES)
}

/// Irregular verb forms reduced to their base, so "withdrew" and "withdraw" are one term.
const IRREGULAR: &[(&str, &str)] = &[
    ("withdrew", "withdraw"),
    ("withdrawn", "withdraw"),
    ("drew", "draw"),
    ("drawn", "draw"),
    ("took", "take"),
    ("taken", "take"),
    ("gave", "give"),
    ("given", "give"),
    ("broke", "break"),
    ("broken", "break"),
    ("began", "begin"),
    ("begun", "begin"),
    ("sent", "send"),
    ("held", "hold"),
    ("made", "make"),
    ("shot", "shoot"),
    ("fought", "fight"),
    ("brought", "bring"),
    ("struck", "strike"),
    ("rose", "rise"),
    ("risen", "rise"),
    ("fell", "fall"),
    ("fallen", "fall"),
    ("met", "meet"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("won", "win"),
    ("lost", "lose"),
    ("paid", "pay"),
    ("built", "build"),
    ("kept", "keep"),
    ("led", "lead"),
    ("ran", "run"),
    ("went", "go"),
    ("gone", "go"),
    ("hid", "hide"),
    ("hidden", "hide"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("froze", "freeze"),
    ("frozen", "freeze"),
    ("bought", "buy"),
    ("caught", "catch"),
    ("told", "tell"),
    ("left", "leave"),
    ("sought", "seek"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("blew", "blow"),
    ("blown", "blow"),
];

/// Share of the shorter sentence's term weight the two must share.
const MIN_SHARED_WEIGHT: f64 = 0.3;
/// Asserted sentences one contesting sentence may match at most.
const MAX_MATCHES: usize = 6;
/// Terms two sentences must share at least.
const MIN_SHARED_TERMS: usize = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stance {
    Asserted,
    Denied,
    Doubted,
}

impl Stance {
    fn value(self) -> &'static str {
        match self {
            Stance::Asserted => super::ASSERTED,
            Stance::Denied => "denied",
            Stance::Doubted => "doubted",
        }
    }
}

struct Statement {
    article_idx: usize,
    sentence: Range<usize>,
    stance: Stance,
    /// Content terms, numbers included, as ids in the order of the terms' spelling.
    terms: Vec<u32>,
    /// The terms that are numbers, as ids, sorted.
    numbers: Vec<u32>,
    /// The IDF weight of `terms`.
    weight: f64,
}

/// The assertion disputes of `story`; `idf` weighs each term by how few articles use it.
pub(super) fn assertion_disputes(story: &Story, idf: &impl Fn(&str) -> f64) -> Vec<Dispute> {
    let (statements, term_idf) = statements(story, idf);
    // Asserted statements by term, so that a contesting sentence is compared only with those
    // sharing a term (every contesting sentence against every sentence of the story took a
    // large part of a brief).
    let mut postings: Vec<Vec<usize>> = vec![Vec::new(); term_idf.len()];
    for (idx, statement) in statements.iter().enumerate() {
        if statement.stance == Stance::Asserted && !hypothetical(story, statement) {
            for &term in &statement.terms {
                postings[term as usize].push(idx);
            }
        }
    }
    let mut unnamed = UnnamedTerms::new(story);
    let mut n_shared = vec![0_usize; statements.len()];
    let mut candidates: Vec<usize> = Vec::new();
    let mut groups = UnionFind::new(statements.len());
    // How many sentences each statement was matched with.
    let mut matched = vec![0_usize; statements.len()];
    for (left_idx, left) in statements.iter().enumerate() {
        if left.stance == Stance::Asserted {
            continue;
        }
        for &term in &left.terms {
            for &right_idx in &postings[term as usize] {
                if n_shared[right_idx] == 0 {
                    candidates.push(right_idx);
                }
                n_shared[right_idx] += 1;
            }
        }
        candidates.sort_unstable();
        let mut matches = Vec::new();
        for right_idx in candidates.drain(..) {
            let n_shared_terms = std::mem::take(&mut n_shared[right_idx]);
            let right = &statements[right_idx];
            if n_shared_terms < MIN_SHARED_TERMS || !numbers_agree(left, right) {
                continue;
            }
            let shorter = left.weight.min(right.weight);
            let share = if shorter > 0.0 {
                shared_weight(left, right, &term_idf) / shorter
            } else {
                0.0
            };
            if share >= MIN_SHARED_WEIGHT {
                matches.push((share, right_idx));
            }
        }
        // A denial that matches much of the story ("Russia denies any plan to attack") says
        // too little to tell which statement it answers.
        if matches.len() > MAX_MATCHES {
            continue;
        }
        matches.retain(|&(_, right_idx)| {
            let right = &statements[right_idx];
            unnamed.shared(left, left_idx, right, right_idx)
                && !denies_in_own_words(story, left, right)
        });
        // Of each source, the sentence most like it is the one it answers: an article states
        // a fact once, and its other sentences with the same names are about something else.
        matches.sort_by(|(share_a, idx_a), (share_b, idx_b)| {
            share_b.total_cmp(share_a).then(idx_a.cmp(idx_b))
        });
        let mut answered_sources = BTreeSet::new();
        let matches: Vec<usize> = matches
            .into_iter()
            .filter(|&(_, right_idx)| answered_sources.insert(statements[right_idx].article_idx))
            .map(|(_, right_idx)| right_idx)
            .collect();
        for right_idx in matches {
            groups.union(left_idx, right_idx);
            matched[left_idx] += 1;
            matched[right_idx] += 1;
        }
    }
    let mut by_group: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for idx in (0..statements.len()).filter(|&idx| matched[idx] > 0) {
        by_group.entry(groups.find(idx)).or_default().push(idx);
    }
    by_group
        .into_values()
        .filter_map(|members| dispute(story, &statements, &matched, &members))
        .collect()
}

/// The IDF weight of the terms two statements share, added in the order of their spelling.
fn shared_weight(left: &Statement, right: &Statement, term_idf: &[f64]) -> f64 {
    let (mut shared, mut i, mut j) = (0.0, 0, 0);
    while let (Some(&a), Some(&b)) = (left.terms.get(i), right.terms.get(j)) {
        match a.cmp(&b) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += term_idf[a as usize];
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// The terms of what statements assert or contest, worked out only for the few pairs of
/// statements alike enough to be a dispute, with those of them outside the names of people,
/// organisations and places: two sentences about the same people share their names whatever
/// they say of them.
struct UnnamedTerms<'a> {
    story: &'a Story,
    /// Each article's name mentions, sorted by start.
    names: Vec<Vec<Range<usize>>>,
    stems: Stems,
    /// The terms of each statement read so far, by spelling, by its index.
    by_statement: HashMap<usize, ContentTerms>,
}

/// The terms of what a statement asserts, or of what a denial or doubt is about.
struct ContentTerms {
    all: BTreeSet<String>,
    /// Those of `all` that are no part of a name.
    outside_names: BTreeSet<String>,
    /// Every term, words of attribution and claim nouns included.
    every: BTreeSet<String>,
    /// Of a denial or doubt, the verb of what it contests, when that is a clause or an action.
    verb: Option<ContestedVerb>,
}

/// The verb of what a denial or doubt contests, as a term, and the terms after it outside
/// names: "that the committee would agree to grant him immunity" contests an agreement, not
/// every sentence about immunity.
struct ContestedVerb {
    term: String,
    after: BTreeSet<String>,
}

impl<'a> UnnamedTerms<'a> {
    fn new(story: &'a Story) -> UnnamedTerms<'a> {
        let names = story
            .articles
            .iter()
            .map(|annotated| {
                let mut names: Vec<Range<usize>> = annotated
                    .entities
                    .iter()
                    .flat_map(|entity| &entity.mentions)
                    .filter(|mention| !mention.by_role)
                    .map(|mention| mention.range.clone())
                    .collect();
                names.sort_unstable_by_key(|range| range.start);
                names
            })
            .collect();
        UnnamedTerms {
            story,
            names,
            stems: Stems::new(Some("en")),
            by_statement: HashMap::new(),
        }
    }

    /// Whether what a denial or doubt contests shares with what a statement asserts two
    /// terms, one of them outside names, or a term outside names that is half of what the
    /// statement asserts besides names: a denial of "Republican claims that the conversations
    /// were illegal" shares one term with "the White House initiated the conversation", which
    /// it does not contest.
    fn shared(
        &mut self,
        contesting: &Statement,
        contesting_idx: usize,
        asserted: &Statement,
        asserted_idx: usize,
    ) -> bool {
        self.of(contesting, contesting_idx);
        self.of(asserted, asserted_idx);
        match (
            self.by_statement.get(&contesting_idx),
            self.by_statement.get(&asserted_idx),
        ) {
            (Some(contesting), Some(asserted)) => {
                let n_shared_outside = contesting
                    .outside_names
                    .intersection(&asserted.outside_names)
                    .count();
                let n_shared = contesting.all.intersection(&asserted.all).count();
                // "Undoubtedly there is collusion, X told the paper" says little besides the
                // one term a "false narrative about collusion" contests.
                n_shared_outside > 0
                    && (n_shared >= MIN_SHARED_TERMS
                        || 2 * n_shared_outside >= asserted.outside_names.len())
                    && asserts_the_contested_verb(contesting.verb.as_ref(), asserted)
            }
            _ => false,
        }
    }

    fn of(&mut self, statement: &Statement, idx: usize) {
        if self.by_statement.contains_key(&idx) {
            return;
        }
        let annotated = &self.story.articles[statement.article_idx];
        let text = annotated
            .article
            .text
            .get(statement.sentence.clone())
            .unwrap_or_default();
        let said = stance(text);
        let mut normalized = String::new();
        let mut terms_of = |text: &str, stems: &mut Stems| -> BTreeSet<String> {
            normalize(text, &mut normalized);
            stems
                .each(&normalized)
                .into_iter()
                .map(|id| stems.spelling(id).to_string())
                .collect()
        };
        // Nor is a word for a claim ("denied the allegations" / "resigned after allegations of
        // harassment"): what it contests is what the allegations say, which the other sentence
        // must state, not mention.
        let cues: BTreeSet<String> = DENIAL
            .iter()
            .chain(DOUBT.iter())
            .chain(calendar_words())
            .chain(ATTRIBUTION_WORDS)
            .chain(CLAIM_NOUNS)
            .flat_map(|phrase| terms_of(phrase, &mut self.stems))
            .collect();
        let own = if said.stance == Stance::Asserted {
            asserted_part(&said.clauses, &mut self.stems)
        } else {
            said.clauses.clone()
        };
        let every = terms_of(&own, &mut self.stems);
        let mut terms: BTreeSet<String> = every.difference(&cues).cloned().collect();
        // What a denial is about must be what the other sentence says: "questioned whether
        // they could trust the officials" does not contest that the leaders met. A scope of
        // one term besides the words of denial ("disputed the account") points elsewhere, so
        // the clause stands for it; an empty one contests nothing here.
        if said.stance != Stance::Asserted {
            let scope: BTreeSet<String> = terms_of(&said.scope, &mut self.stems)
                .difference(&cues)
                .cloned()
                .collect();
            if scope.len() >= 2 {
                terms.retain(|term| scope.contains(term));
            } else if scope.is_empty() {
                // "Scalia was unconvinced.", "Officials denied it.": what is contested was said
                // in the article before, not in this sentence.
                terms.clear();
            }
        }
        let mut outside_names = terms.clone();
        if let Some(rest) = without_names(
            &annotated.article.text,
            &statement.sentence,
            &self.names[statement.article_idx],
        ) {
            let outside = terms_of(&rest.to_lowercase(), &mut self.stems);
            outside_names.retain(|term| outside.contains(term));
        }
        let verb = if said.stance == Stance::Asserted {
            None
        } else {
            let predicates: Vec<String> = annotated
                .claims
                .iter()
                .filter(|claim| {
                    statement.sentence.start <= claim.predicate.start
                        && claim.predicate.end <= statement.sentence.end
                })
                .filter_map(|claim| annotated.article.text.get(claim.predicate.clone()))
                .flat_map(|predicate| {
                    predicate
                        .split(|c: char| !c.is_alphanumeric() && c != '\'')
                        .filter(|word| !word.is_empty())
                        .map(str::to_lowercase)
                })
                .collect();
            contested_verb(&said.scope, &predicates).and_then(|(verb, after)| {
                let term = terms_of(verb, &mut self.stems).into_iter().next()?;
                let after = terms_of(after, &mut self.stems)
                    .into_iter()
                    .filter(|term| outside_names.contains(term))
                    .collect();
                Some(ContestedVerb { term, after })
            })
        };
        self.by_statement.insert(
            idx,
            ContentTerms {
                all: terms,
                outside_names,
                every,
                verb,
            },
        );
    }
}

/// Whether `asserted` states the verb of what a denial or doubt contests (`verb`), or failing
/// that every term after it, two at least: "Democrats feel betrayed by the deal with the
/// Republicans on tax cuts" is not contested by "Congress will pass the deal struck with
/// Republicans", though they share three terms; "she had ever provided false information"
/// contests "she gave false or misleading information".
fn asserts_the_contested_verb(verb: Option<&ContestedVerb>, asserted: &ContentTerms) -> bool {
    verb.is_none_or(|verb| {
        asserted.every.contains(&verb.term)
            || (verb.after.len() >= MIN_SHARED_TERMS
                && verb.after.is_subset(&asserted.outside_names))
    })
}

/// Words that give a verb its tense, mood or voice, not its meaning.
const AUXILIARIES: &[&str] = &[
    "would", "will", "could", "can", "may", "might", "should", "must", "shall", "had", "has",
    "have", "having", "did", "does", "do", "was", "were", "is", "are", "be", "been", "being",
];

/// Words that open no verb where one is looked for: after "there were" comes a noun phrase.
const NO_VERBS: &[&str] = &[
    "the", "a", "an", "any", "some", "no", "this", "that", "these", "those", "there", "it", "its",
    "his", "her", "their", "to", "of", "in", "on", "at", "for", "by", "with", "from",
];

/// The verb of `scope`, what a denial or doubt is said of, and the words after it, when the
/// scope tells a clause or an action: the first of the annotator's `predicates` (lowercase words
/// of the sentence's verb phrases) in it ("Democrats generally feel betrayed"), else the word
/// after an auxiliary among its first eight words ("that she had ever provided false …"), else a
/// gerund opening it ("colluding with …", "being biased against …"). None for a noun phrase
/// ("any role in the attacks") or a clause whose verb opens no meaning ("there were …").
fn contested_verb<'a>(scope: &'a str, predicates: &[String]) -> Option<(&'a str, &'a str)> {
    let words = word_spans(scope);
    let is_auxiliary = |word: &str| AUXILIARIES.contains(&word);
    let modifies_a_verb = |word: &str| {
        clauses::is_negation(word)
            || matches!(
                word,
                "ever" | "already" | "also" | "still" | "just" | "even" | "yet" | "really"
            )
            || (word.len() > 4 && word.ends_with("ly"))
    };
    let verb_from = |from: usize| {
        words[from..]
            .iter()
            .position(|(_, word)| !is_auxiliary(word) && !modifies_a_verb(word))
            .map(|offset| from + offset)
    };
    let gerund = |word: &str| {
        word.len() >= 5 && word.ends_with("ing") && !word.ends_with("thing") && word != "during"
    };
    let idx = words
        .iter()
        .position(|(_, word)| !is_auxiliary(word) && predicates.iter().any(|p| p == word))
        .or_else(|| {
            words
                .iter()
                .take(8)
                .position(|(_, word)| is_auxiliary(word))
                .and_then(verb_from)
        })
        .or_else(|| {
            words
                .first()
                .filter(|(_, word)| gerund(word))
                .and_then(|_| verb_from(0))
        })?;
    let (at, verb) = words[idx];
    if NO_VERBS.contains(&verb) || clauses::is_negation(verb) {
        return None;
    }
    Some((verb, &scope[at + verb.len()..]))
}

/// Whether the `asserted` statement is a negation that the speaker of the `contesting` one's
/// denial or doubt says in their own words: "Ruiz said she had not met the envoy" and "Ruiz
/// denied meeting the envoy" tell the same, in two sources. Speakers are the same when their
/// names (as resolved, else as written) end in the same word.
fn denies_in_own_words(story: &Story, contesting: &Statement, asserted: &Statement) -> bool {
    let quotes_in = |statement: &Statement| {
        let annotated = &story.articles[statement.article_idx];
        let sentence = statement.sentence.clone();
        annotated.quotes.iter().filter_map(move |quote| {
            let cue = quote.cue.as_ref()?;
            let in_sentence = sentence.start <= cue.start && cue.end <= sentence.end;
            let surname = speaker_surname(annotated, quote)?;
            in_sentence.then(|| (annotated, quote, cue.clone(), surname))
        })
    };
    let deniers: Vec<String> = quotes_in(contesting)
        .filter(|(annotated, _, cue, _)| {
            let cue = annotated
                .article
                .text
                .get(cue.clone())
                .unwrap_or_default()
                .to_lowercase();
            DENIAL
                .iter()
                .chain(DOUBT.iter())
                .any(|phrase| cue.contains(phrase))
        })
        .map(|(.., surname)| surname)
        .collect();
    !deniers.is_empty()
        && quotes_in(asserted).any(|(annotated, quote, _, surname)| {
            let content = annotated
                .article
                .text
                .get(quote.content.clone())
                .unwrap_or_default();
            deniers.contains(&surname)
                && content
                    .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
                    .any(clauses::is_negation)
        })
}

/// The last word of the name of a quote's speaker, lowercased: the entity's name when the
/// speaker was resolved to one, else the phrase as written.
fn speaker_surname(annotated: &parallax_model::Annotated, quote: &Quote) -> Option<String> {
    let name = match quote
        .speaker_entity
        .and_then(|idx| annotated.entities.get(idx))
    {
        Some(entity) => entity.name.as_str(),
        None => annotated.article.text.get(quote.speaker.clone()?)?,
    };
    let last = name
        .split_whitespace()
        .next_back()?
        .trim_end_matches(['\'', '\u{2019}', 's'])
        .to_lowercase();
    (!last.is_empty()).then_some(last)
}

/// Whether an asserted sentence only supposes or asks what it says; see [`super::supposes_or_asks`].
fn hypothetical(story: &Story, statement: &Statement) -> bool {
    super::supposes_or_asks(
        story.articles[statement.article_idx]
            .article
            .text
            .get(statement.sentence.clone())
            .unwrap_or_default(),
    )
}

fn numbers_agree(left: &Statement, right: &Statement) -> bool {
    left.numbers.is_empty()
        || right.numbers.is_empty()
        || left
            .numbers
            .iter()
            .any(|number| right.numbers.binary_search(number).is_ok())
}

fn dispute(
    story: &Story,
    statements: &[Statement],
    matched: &[usize],
    members: &[usize],
) -> Option<Dispute> {
    let sources: BTreeSet<usize> = members
        .iter()
        .map(|&member| statements[member].article_idx)
        .collect();
    if sources.len() < 2 {
        return None;
    }
    let mut sides: BTreeMap<Stance, Vec<Citation>> = BTreeMap::new();
    for &member in members {
        let statement = &statements[member];
        sides
            .entry(statement.stance)
            .or_default()
            .push(sentence_citation(
                story,
                statement.article_idx,
                &statement.sentence,
            ));
    }
    // The slot is named after the asserted wording most contested sentences matched.
    let asserted = members
        .iter()
        .filter(|&&member| statements[member].stance == Stance::Asserted)
        .max_by_key(|&&member| (matched[member], std::cmp::Reverse(member)))
        .map(|&member| &statements[member])?;
    let contesting: Vec<&Statement> = members
        .iter()
        .map(|&member| &statements[member])
        .filter(|statement| statement.stance != Stance::Asserted)
        .collect();
    let clause = contested_clause(story, asserted, &contesting);
    Some(Dispute {
        slot: gist(&story.articles[asserted.article_idx], &clause),
        kind: DisputeKind::Assertion,
        sides: sides
            .into_iter()
            .map(|(stance, citations)| DisputeSide {
                value: stance.value().to_string(),
                compatible_with: Vec::new(),
                citations,
            })
            .collect(),
    })
}

/// Every sentence of the story as a statement with its stance and terms, and the IDF of each
/// term id. Term ids follow the terms' spelling, so that weights add up in the same order as
/// over sorted strings.
fn statements(story: &Story, idf: &impl Fn(&str) -> f64) -> (Vec<Statement>, Vec<f64>) {
    let mut stems = Stems::new(Some("en"));
    let mut is_left_out: Vec<bool> = Vec::new();
    for phrase in DENIAL
        .iter()
        .chain(DOUBT.iter())
        .chain(calendar_words())
        .chain(ATTRIBUTION_WORDS)
    {
        for stem in stems.of(phrase) {
            if is_left_out.len() <= stem as usize {
                is_left_out.resize(stem as usize + 1, false);
            }
            is_left_out[stem as usize] = true;
        }
    }
    let mut sentence_terms: Vec<SentenceTerms> = Vec::new();
    let mut normalized = String::new();
    for (article_idx, annotated) in story.articles.iter().enumerate() {
        for sentence in &annotated.sentences {
            let text = annotated.sentence_text(sentence);
            let said = stance(text);
            normalize(&said.clauses, &mut normalized);
            // The distinct terms by stem id; they are renumbered by spelling below, so the
            // order stems happen to be numbered in does not matter.
            let mut terms = stems.each(&normalized);
            terms.sort_unstable();
            terms.dedup();
            terms.retain(|&term| !is_left_out.get(term as usize).copied().unwrap_or(false));
            sentence_terms.push(SentenceTerms {
                article_idx,
                sentence: sentence.range.clone(),
                stance: said.stance,
                terms,
            });
        }
    }
    let mut vocabulary: Vec<u32> = sentence_terms
        .iter()
        .flat_map(|sentence| sentence.terms.iter().copied())
        .collect();
    vocabulary.sort_unstable();
    vocabulary.dedup();
    vocabulary.sort_unstable_by(|&a, &b| stems.spelling(a).cmp(stems.spelling(b)));
    let mut id_of = vec![0_u32; stems.n_terms()];
    for (id, &stem) in vocabulary.iter().enumerate() {
        id_of[stem as usize] = id as u32;
    }
    let term_idf: Vec<f64> = vocabulary
        .iter()
        .map(|&stem| idf(stems.spelling(stem)))
        .collect();
    let is_number: Vec<bool> = vocabulary
        .iter()
        .map(|&stem| stems.spelling(stem).chars().any(|c| c.is_ascii_digit()))
        .collect();
    let statements = sentence_terms
        .into_iter()
        .map(|found| {
            let mut terms: Vec<u32> = found
                .terms
                .iter()
                .map(|&stem| id_of[stem as usize])
                .collect();
            terms.sort_unstable();
            let numbers: Vec<u32> = terms
                .iter()
                .copied()
                .filter(|&id| is_number[id as usize])
                .collect();
            Statement {
                article_idx: found.article_idx,
                sentence: found.sentence,
                stance: found.stance,
                weight: terms.iter().map(|&id| term_idf[id as usize]).sum(),
                terms,
                numbers,
            }
        })
        .collect();
    (statements, term_idf)
}

/// A sentence's stance and its terms by stem id, before the ids are renumbered by spelling.
struct SentenceTerms {
    article_idx: usize,
    sentence: Range<usize>,
    stance: Stance,
    terms: Vec<u32>,
}

/// The text of `sentence` with the `names` in it (sorted by start) blanked out, or `None` when
/// it holds no name.
fn without_names(text: &str, sentence: &Range<usize>, names: &[Range<usize>]) -> Option<String> {
    let first = names.partition_point(|name| name.end <= sentence.start);
    let inside: Vec<&Range<usize>> = names[first..]
        .iter()
        .take_while(|name| name.start < sentence.end)
        .collect();
    if inside.is_empty() {
        return None;
    }
    let mut rest = String::with_capacity(sentence.len());
    let mut from = sentence.start;
    for name in inside {
        let start = name.start.clamp(from, sentence.end);
        rest.push_str(text.get(from..start)?);
        rest.push(' ');
        from = name.end.clamp(start, sentence.end);
    }
    rest.push_str(text.get(from..sentence.end)?);
    Some(rest)
}

/// `lower` with its irregular verb forms reduced to their base ("withdrew" → "withdraw"), into
/// `out`.
fn normalize(lower: &str, out: &mut String) {
    out.clear();
    for piece in lower.split_inclusive(|c: char| !c.is_alphanumeric()) {
        let word = piece.trim_end_matches(|c: char| !c.is_alphanumeric());
        match base_form(word) {
            Some(base) => out.push_str(&piece.replacen(word, base, 1)),
            None => out.push_str(piece),
        }
    }
}

/// The clause of the asserted sentence (between commas, semicolons, colons and dashes) that
/// shares the most terms with the sentences contesting it: what the dispute is about. "Moscow
/// has withdrawn 10,000 troops, a sign that it is ready to talk" doubted on the troops is named
/// after the troops, not after the readiness. The whole sentence when no clause shares a term.
fn contested_clause(
    story: &Story,
    asserted: &Statement,
    contesting: &[&Statement],
) -> Range<usize> {
    let mut stems = Stems::new(Some("en"));
    // A time both sentences give ("last month") is no part of what is contested.
    let calendar: BTreeSet<u32> = calendar_words().flat_map(|word| stems.of(word)).collect();
    let mut normalized = String::new();
    let mut terms_of = |article_idx: usize, range: &Range<usize>| -> BTreeSet<u32> {
        let text = story.articles[article_idx]
            .article
            .text
            .get(range.clone())
            .unwrap_or_default();
        normalize(&text.to_lowercase(), &mut normalized);
        stems.each(&normalized).into_iter().collect()
    };
    let contested: BTreeSet<u32> = contesting
        .iter()
        .flat_map(|statement| terms_of(statement.article_idx, &statement.sentence))
        .filter(|term| !calendar.contains(term))
        .collect();
    let sentence = &asserted.sentence;
    let text = story.articles[asserted.article_idx]
        .article
        .text
        .get(sentence.clone())
        .unwrap_or_default();
    let mut clauses: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let between_digits = |idx: usize| {
        idx > 0
            && bytes[idx - 1].is_ascii_digit()
            && bytes.get(idx + 1).is_some_and(u8::is_ascii_digit)
    };
    for (idx, c) in text.char_indices() {
        // "10,000" and "3:30" are numbers, not clause breaks.
        if matches!(c, ',' | ';' | ':' | '\u{2014}' | '\u{2013}') && !between_digits(idx) {
            clauses.push(sentence.start + start..sentence.start + idx);
            start = idx + c.len_utf8();
        }
    }
    clauses.push(sentence.start + start..sentence.end);
    let mut best: Option<(usize, Range<usize>)> = None;
    for clause in clauses {
        let shared = terms_of(asserted.article_idx, &clause)
            .intersection(&contested)
            .count();
        if shared > 0 && best.as_ref().is_none_or(|(most, _)| shared > *most) {
            best = Some((shared, clause));
        }
    }
    best.map_or_else(|| sentence.clone(), |(_, clause)| clause)
}

/// The base form of an irregular verb form of [`IRREGULAR`], looked up by binary search: every
/// word of the story comes here.
fn base_form(word: &str) -> Option<&'static str> {
    static BY_FORM: LazyLock<Vec<(&str, &str)>> = LazyLock::new(|| {
        let mut by_form = IRREGULAR.to_vec();
        by_form.sort_unstable();
        by_form
    });
    BY_FORM
        .binary_search_by(|(form, _)| (*form).cmp(word))
        .ok()
        .map(|idx| BY_FORM[idx].1)
}

/// The first words of the phrases of denial and doubt: a sentence without any of them denies
/// and doubts nothing, which spares most sentences the search for every phrase. Fx hashing: a
/// fixed table that every word of the story is looked up in.
static CUE_FIRST_WORDS: LazyLock<rustc_hash::FxHashSet<&str>> = LazyLock::new(|| {
    DENIAL
        .iter()
        .chain(DOUBT.iter())
        .map(|phrase| phrase.split(' ').next().unwrap_or(phrase))
        .collect()
});

/// Nouns for what someone said: "false" before one of them calls a statement false.
const CLAIM_NOUNS: &[&str] = &[
    "claim",
    "claims",
    "report",
    "reports",
    "reporting",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "assertion",
    "assertions",
    "narrative",
    "story",
    "stories",
    "account",
    "accounts",
    "rumor",
    "rumors",
    "rumour",
    "rumours",
    "charge",
    "charges",
    "news",
    "characterization",
    "characterizations",
    "version",
];

/// Whether a phrase of denial or doubt, between `before` and `after`, contests a statement.
/// Many of its uses do not: negated ones ("never denied"), what someone is refused ("were denied
/// service", "denied them access", "denied the request"), certainty ("no doubt"), an
/// interrogation ("when he was questioned"), an unchanged course ("no sign of backing down"), a
/// refusal to comment ("could not confirm or deny"), "false" describing a thing ("false
/// statements to the FBI", "filing false records"), and places in contention ("the disputed
/// territory").
/// Whether the denial or doubt whose phrase stands between `before` and `after` closes its
/// sentence as an aside on what the sentence reports ("The union said the planes stayed on the
/// ground, a claim the ministry denied."): the sentence still tells the report, which a denial
/// elsewhere can contest, and its own aside contests nothing new.
fn trails_a_report(before: &str, after: &str) -> bool {
    let aside_start = before
        .rfind(", a claim")
        .or_else(|| before.rfind(", an allegation"));
    let aside_is_short = aside_start.is_some_and(|at| {
        before[at..]
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .count()
            <= 7
    });
    let closes = after
        .trim_start()
        .chars()
        .next()
        .is_none_or(|c| matches!(c, '.' | ';' | '!'));
    aside_is_short && closes
}

fn contests(before: &str, phrase: &str, after: &str) -> bool {
    let mut previous = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty());
    let (last, second_last) = (previous.next().unwrap_or(""), previous.next().unwrap_or(""));
    let mut following = after
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty());
    let (next, second_next) = (
        following.next().unwrap_or(""),
        following.next().unwrap_or(""),
    );
    let is_be = |word: &str| {
        matches!(
            word,
            "is" | "are" | "was" | "were" | "be" | "been" | "being" | "previously" | "routinely"
        )
    };
    // "did not deny", "never disputed", "I don't think anyone doubted": a negated denial
    // contests nothing.
    let negated = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .take(3)
        .any(|word| matches!(word, "not" | "t" | "never" | "nobody" | "neither" | "nor"));
    // "asked whether the claim was false", "if he denies it": a denial that is asked about or
    // supposed is not made.
    let clause_start = before
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, ',' | ';' | ':' | '\u{2014}' | '(' | ')'))
        .map_or(0, |(idx, c)| idx + c.len_utf8());
    let supposed = before[clause_start..]
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| matches!(word, "whether" | "if"));
    if negated || supposed || trails_a_report(before, after) {
        return false;
    }
    match phrase {
        // "was dismissed as head of the agency" is a sacking; "dismissed as “a fairy tale” the
        // claim that …" judges a claim.
        "dismissed as" => !is_be(last),
        "denied" | "denies" | "deny" | "denying" => {
            let refused = is_be(last)
                || matches!(
                    next,
                    "service"
                        | "services"
                        | "access"
                        | "entry"
                        | "bail"
                        | "funding"
                        | "funds"
                        | "benefits"
                        | "permission"
                        | "admission"
                        | "to"
                        | "him"
                        | "her"
                        | "them"
                        | "us"
                        | "me"
                        | "visas"
                        | "coverage"
                        | "treatment"
                        | "parole"
                )
                || (next == "the"
                    && matches!(second_next, "right" | "rights" | "opportunity" | "chance"));
            let no_comment = last == "confirm" || (last == "or" && second_last == "confirm");
            // "denied a request for the records" refuses it.
            let request = matches!(next, "a" | "an" | "the" | "his" | "her" | "their" | "its")
                && matches!(
                    second_next,
                    "request" | "requests" | "motion" | "application" | "appeal" | "petition"
                );
            !refused && !no_comment && !request
        }
        "doubt" | "doubts" => {
            let certain = matches!(last, "no" | "little" | "without" | "beyond")
                || (last == "a" && second_last == "without");
            !certain
        }
        "questioned" => !is_be(last) && next != "by",
        "no sign" | "no signs" | "little sign" => !(next == "of" && second_next.ends_with("ing")),
        "could not confirm" => !after.trim_start().starts_with(", deny") && next != "or",
        // A noun judging a statement when something is called one ("called the report …
        // an outrageous distortion", "It is a total hoax"), not "distortions of the record".
        "hoax" | "smear" | "distortion" => called_what(&before[clause_start..]).is_some(),
        // "As for the claim that the fee was paid, I would be cautious": caution about a claim
        // the sentence names, not "the bank was cautious".
        "cautious" => before
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| CLAIM_NOUNS.contains(&word)),
        // "The claims are pure fantasy": ending its phrase, not "a work of fantasy" or
        // "fantasy football".
        "fantasy" => {
            called_what(&before[clause_start..]).is_some()
                && last != "of"
                && !after.starts_with(|c: char| c.is_whitespace())
        }
        // "False" (and "baseless", …) contests a statement when it is said of one ("the claim
        // is false", rated "false", "a false narrative"), not when it describes a thing ("false
        // records", "a false prophet", "bogus lawsuits").
        "false" | "baseless" | "unfounded" | "bogus" => {
            let predicative = is_be(last)
                || matches!(last, "as" | "entirely" | "completely" | "totally" | "100")
                || after
                    .trim_start()
                    .starts_with(|c: char| !c.is_alphanumeric() && c != '-');
            predicative || CLAIM_NOUNS.contains(&next)
        }
        "disputed" => !matches!(
            next,
            "territory"
                | "territories"
                | "region"
                | "regions"
                | "border"
                | "borders"
                | "area"
                | "areas"
                | "island"
                | "islands"
                | "land"
                | "lands"
                | "zone"
                | "waters"
                | "sea"
                | "province"
                | "city"
                | "district"
                | "enclave"
        ),
        _ => true,
    }
}

/// What a sentence says and how: its stance, the lowercase words it says it in and, of those,
/// the words its denial or doubt is about.
struct Said {
    stance: Stance,
    /// For a denial or doubt, only the clauses that carry one (between punctuation marks), so
    /// "no evidence that a gate was opened, and levels fell again" contests the gate alone.
    clauses: String,
    /// For a denial or doubt, what each phrase of it is said of within its clause: the words
    /// after a verb or noun of denial ("denied *that the gates were opened*"), the words before
    /// a judgment ("*the claim* is false"); empty where there are none ("something he denied").
    scope: String,
}

/// Nouns of [`DENYING_JUDGMENTS`]: something is called one ("called the report a hoax") or is one ("it
/// is a smear"); see [`called_what`].
const NOUN_JUDGMENTS: &[&str] = &["hoax", "smear", "distortion", "fantasy"];

/// What a noun of judgment is said of, in the words of its clause before it (`clause`): what
/// was called one ("called *the report* an outrageous distortion"), what is one ("*it* is a
/// hoax"), nothing where it follows "as" ("disputed the report as a distortion": the verb's own
/// words say what); `None` when nothing is called or is one ("distortions of the record"), and
/// the noun judges no statement.
fn called_what(clause: &str) -> Option<&str> {
    let words = word_spans(clause);
    if let Some(&(at, word)) = words
        .iter()
        .rev()
        .find(|(_, word)| matches!(*word, "called" | "calls" | "calling"))
    {
        return Some(&clause[at + word.len()..]);
    }
    match words.iter().rev().take(4).find(|(_, word)| {
        matches!(
            *word,
            "as" | "is" | "are" | "was" | "were" | "be" | "been" | "being"
        )
    })? {
        (_, "as") => Some(""),
        (at, _) => Some(&clause[..*at]),
    }
}

/// Whether `text` denies, doubts or asserts what it says, and in which words (see [`Said`]).
fn stance(text: &str) -> Said {
    let lower = format!(" {} ", text.to_lowercase().replace(['\u{2019}'], "'"));
    // A phrase matches only between non-alphanumeric characters, so its first word is a word
    // of the text.
    if !lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| CUE_FIRST_WORDS.contains(word))
    {
        return Said::asserted(lower);
    }
    let lower_text = lower.as_str();
    // For the same reason a phrase is searched for only when the text has its first word (as the
    // text's words are split): most phrases are not, and each search reads the whole text.
    let words: rustc_hash::FxHashSet<&str> = lower_text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    let may_occur = |phrase: &str| {
        phrase
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .is_none_or(|first| first.is_empty() || words.contains(first))
    };
    let found = |phrases: &[&'static str]| -> Vec<(usize, &'static str)> {
        phrases
            .iter()
            .filter(|phrase| may_occur(phrase))
            .flat_map(|&phrase| {
                lower_text
                    .match_indices(phrase)
                    .filter_map(move |(idx, _)| {
                        let before = lower_text[..idx].chars().next_back().unwrap_or(' ');
                        let after = lower_text[idx + phrase.len()..]
                            .chars()
                            .next()
                            .unwrap_or(' ');
                        (!before.is_alphanumeric()
                            && !after.is_alphanumeric()
                            && contests(
                                &lower_text[..idx],
                                phrase,
                                &lower_text[idx + phrase.len()..],
                            ))
                        .then_some((idx, phrase))
                    })
            })
            .collect()
    };
    let (doubts, denials) = (found(&DOUBT), found(&DENIAL));
    let stance = if !doubts.is_empty() {
        Stance::Doubted
    } else if !denials.is_empty() {
        Stance::Denied
    } else {
        return Said::asserted(lower);
    };
    let boundaries = clause_boundaries(&lower);
    let mut clauses = Vec::new();
    let mut scopes = Vec::new();
    for &(at, phrase) in doubts.iter().chain(&denials) {
        let start = boundaries
            .iter()
            .rev()
            .find(|mark| mark.start < at)
            .map_or(0, |mark| mark.end);
        let end = boundaries
            .iter()
            .find(|mark| mark.start >= at)
            .map_or(lower.len(), |mark| mark.start)
            .max(at + phrase.len());
        // "a false narrative about the port" judges what follows it.
        let before_a_claim = lower[at + phrase.len()..]
            .split(|c: char| !c.is_alphanumeric())
            .find(|word| !word.is_empty())
            .is_some_and(|next| CLAIM_NOUNS.contains(&next));
        if NOUN_JUDGMENTS.contains(&phrase) {
            clauses.push(&lower[start..end]);
            scopes.push(called_what(&lower[start..at]).unwrap_or_default());
        } else if is_judgment(phrase) && !before_a_claim {
            clauses.push(&lower[start..end]);
            scopes.push(&lower[start..at]);
        } else {
            let after = at + phrase.len();
            let (from, to) = what_is_contested(&lower[after..end]);
            // The words after a claim the sentence names but does not tell ("denied the
            // report even before the filing") are no part of what it contests either.
            clauses.push(&lower[start..after + to]);
            scopes.push(&lower[after + from..after + to]);
        }
    }
    Said {
        stance,
        clauses: clauses.join(" "),
        scope: scopes.join(" "),
    }
}

/// Where, in the words after a verb or noun of denial or doubt (`scope`), what is contested
/// starts and ends, as byte offsets: from the claim noun when they open with whose claim it is
/// ("the Velmar council's account of the flood": who made the claim is not what is contested),
/// and up to the claim noun when they name a claim without telling it ("the report, even before
/// the council met": what follows is not the claim; "the claim that …", "the account of …", "a
/// report on Monday that …" go on).
fn what_is_contested(scope: &str) -> (usize, usize) {
    let words = word_spans(scope);
    let Some(noun_idx) = words
        .iter()
        .position(|(_, word)| CLAIM_NOUNS.contains(word))
    else {
        return (0, scope.len());
    };
    let claimant = noun_idx
        .checked_sub(1)
        .map(|idx| words[idx].1)
        .is_some_and(|word| word.ends_with("'s") || word.ends_with("s'"));
    let from = if claimant { words[noun_idx].0 } else { 0 };
    let (noun_at, noun) = words[noun_idx];
    // "a report on Monday that the locks reopened" tells it after a time.
    let told = words
        .get(noun_idx + 1)
        .is_some_and(|(_, next)| matches!(*next, "of" | "about" | "on" | "which" | "who"))
        || words[noun_idx + 1..]
            .iter()
            .any(|(_, word)| *word == "that");
    // "the report", "the Velmar Post report", "Ruiz's account": a noun, not "claims that".
    let named_as_a_claim = words[noun_idx.saturating_sub(3)..noun_idx]
        .iter()
        .any(|&(at, word)| names_a_claim(&scope[..at + word.len()]));
    // "denied that the report was accurate" tells what it denies in a clause.
    let a_clause = words.first().is_some_and(|(_, word)| *word == "that");
    let to = if named_as_a_claim && !told && !a_clause {
        noun_at + noun.len()
    } else {
        scope.len()
    };
    (from, to)
}

impl Said {
    fn asserted(lower: String) -> Said {
        Said {
            stance: Stance::Asserted,
            scope: lower.clone(),
            clauses: lower,
        }
    }
}

/// Whether a claim noun after `before` is a noun ("the claim", "Ruiz's claim"), not a verb
/// ("Ruiz claims that …", which asserts through its speaker).
fn names_a_claim(before: &str) -> bool {
    let before = before.trim_end();
    let previous = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or_default();
    matches!(
        previous,
        "the" | "a" | "an" | "this" | "that" | "his" | "her" | "its" | "their" | "our" | "your"
    ) || previous.ends_with("'s")
        || previous.ends_with("\u{2019}s")
        || previous.ends_with("s'")
}

/// What lowercase sentence `lower` asserts: its clauses without a negation ("there is no
/// racism within the movement" says what a denial says, it does not assert what the denial
/// contests) and without two terms of one ("people allege that we built a back door, but we
/// have no back door" reports what it denies), each cut before a "whether" or "if" ("investigators
/// probing whether the campaign colluded" asserts no collusion) or an "any" ("the right to sue for
/// any role it may have played" asserts no role) and before what a claim says
/// ("the claim that …").
fn asserted_part(lower: &str, stems: &mut Stems) -> String {
    let mut clauses: Vec<(&str, Vec<(usize, &str)>)> = Vec::new();
    let mut start = 0;
    let boundaries = clause_boundaries(lower);
    for end in boundaries
        .iter()
        .map(|mark| mark.start)
        .chain(std::iter::once(lower.len()))
    {
        let clause = lower.get(start..end).unwrap_or_default();
        start = boundaries
            .iter()
            .find(|mark| mark.start == end)
            .map_or(lower.len(), |mark| mark.end);
        clauses.push((clause, word_spans(clause)));
    }
    let is_negated =
        |words: &[(usize, &str)]| words.iter().any(|(_, word)| clauses::is_negation(word));
    let negated_terms: HashSet<u32> = clauses
        .iter()
        .filter(|(_, words)| is_negated(words))
        .flat_map(|(clause, _)| stems.each(clause))
        .collect();
    let mut asserted = String::with_capacity(lower.len());
    for (clause, words) in &clauses {
        let mut terms = stems.each(clause);
        terms.sort_unstable();
        terms.dedup();
        let n_denied = terms
            .iter()
            .filter(|term| negated_terms.contains(term))
            .count();
        if is_negated(words) || n_denied >= MIN_SHARED_TERMS {
            continue;
        }
        // What is chased or searched for is sought, not asserted ("chasing after a leak").
        let sought_at = words
            .windows(2)
            .find(|pair| is_seeking(pair[0].1, pair[1].1))
            .map(|pair| pair[1].0);
        let supposed_at = words
            .iter()
            .find(|(_, word)| matches!(*word, "whether" | "if" | "any"))
            .map(|&(at, _)| at)
            .into_iter()
            .chain(sought_at)
            .min();
        // "Dravic's claim that it opened the gates is propaganda": what a claim says is
        // reported, not asserted.
        let reported_at = words
            .windows(2)
            .find(|pair| {
                pair[1].1 == "that"
                    && CLAIM_NOUNS.contains(&pair[0].1)
                    && names_a_claim(&clause[..pair[0].0])
            })
            .map(|pair| pair[0].0);
        let cut = match (supposed_at, reported_at) {
            (Some(a), Some(b)) => a.min(b),
            (at, None) | (None, at) => at.unwrap_or(clause.len()),
        };
        asserted.push_str(&clause[..cut]);
        asserted.push(' ');
    }
    asserted
}

/// Whether `verb` and the `next` word seek what follows them: a form of "chase", or one of
/// "search", "hunt", "look" or "fish" before "for".
fn is_seeking(verb: &str, next: &str) -> bool {
    matches!(verb, "chase" | "chases" | "chased" | "chasing")
        || (next == "for"
            && matches!(
                verb,
                "search"
                    | "searches"
                    | "searched"
                    | "searching"
                    | "hunt"
                    | "hunts"
                    | "hunted"
                    | "hunting"
                    | "look"
                    | "looks"
                    | "looked"
                    | "looking"
                    | "fish"
                    | "fishing"
            ))
}

/// The words of `text` (letters, digits and apostrophes) with their byte offsets.
fn word_spans(text: &str) -> Vec<(usize, &str)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (idx, c) in text.char_indices() {
        let in_word = c.is_alphanumeric() || c == '\'';
        match (in_word, start) {
            (true, None) => start = Some(idx),
            (false, Some(from)) => {
                spans.push((from, &text[from..idx]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        spans.push((from, &text[from..]));
    }
    spans
}

/// Where the clauses of lowercase `text` end, as the byte ranges of their marks: a comma,
/// semicolon or colon before a space ("2,000" is one word), a dash or a bracket. A clause starts
/// after the whole mark (an em dash is three bytes).
fn clause_boundaries(text: &str) -> Vec<Range<usize>> {
    let spaced = |idx: usize, c: char| {
        text[..idx].ends_with(char::is_whitespace)
            && text[idx + c.len_utf8()..].starts_with(char::is_whitespace)
    };
    text.char_indices()
        .filter(|&(idx, c)| match c {
            ',' | ';' | ':' => text[idx + 1..].starts_with(char::is_whitespace),
            '\u{2014}' | '\u{2015}' | '(' | ')' => true,
            // A hyphen or an en dash between spaces is typed for a dash ("of his service - six
            // months …"); within a word it joins ("well-known", "2012–2014").
            '-' | '\u{2013}' => spaced(idx, c),
            _ => false,
        })
        .map(|(idx, c)| idx..idx + c.len_utf8())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_stories::with_names;
    use parallax_model::{Annotated, Article, Origin, QuoteKind, Sentence};

    fn story(texts: &[&str]) -> Story {
        Story::new(
            texts
                .iter()
                .enumerate()
                .map(|(idx, text)| {
                    let article = Article::new(Origin::File(format!("{idx}.txt")), (*text).into());
                    let mut annotated = Annotated::new(article);
                    annotated.sentences = vec![Sentence {
                        range: 0..text.len(),
                        paragraph: 0,
                    }];
                    annotated
                })
                .collect(),
        )
    }

    fn check(texts: &[&str], expected: &[(&str, &[usize])]) {
        let story = story(texts);
        let matches = crate::matching::Matches::new(&story, &crate::Config::new());
        let found = assertion_disputes(&story, &|term| matches.idf_of(term));
        let found: Vec<(String, Vec<usize>)> = found
            .iter()
            .flat_map(|dispute| &dispute.sides)
            .map(|side| {
                (
                    side.value.clone(),
                    side.citations
                        .iter()
                        .map(|citation| citation.source)
                        .collect(),
                )
            })
            .collect();
        let expected: Vec<(String, Vec<usize>)> = expected
            .iter()
            .map(|(value, sources)| (value.to_string(), sources.to_vec()))
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn dismissing_a_claim_as_something_denies_it() {
        check(
            &[
                "The opposition leader told reporters that Harbour Minister Tomas Berg had \
                 telephoned the port director on Wednesday night to press for a closure.",
                "Mr Berg dismissed as “a fairy tale” the opposition’s claim that he had \
                 telephoned the port director on the eve of the vote.",
                "The port reopened on Tuesday after the storm, and ferries sailed again.",
            ],
            &[("asserted", &[1]), ("denied", &[2])],
        );
        check(
            &[
                "Tomas Berg was dismissed as head of the port authority on Monday.",
                "Tomas Berg led the port authority until Monday.",
            ],
            &[],
        );
    }

    #[test]
    fn a_report_with_a_denial_as_its_aside_still_asserts_the_report() {
        check(
            &[
                "Claims that the pilots' boats had stayed in port for lack of fuel money are \
                 “simply untrue”, a ministry spokesman said.",
                "The pilots' union said two of the four boats had stayed in port on Monday \
                 because money for fuel had run out, a claim the ministry denied.",
                "The harbour reopened on Tuesday after the storm, and ferries sailed again.",
            ],
            &[("asserted", &[2]), ("denied", &[1])],
        );
    }

    #[test]
    fn a_speaker_s_denial_agrees_with_their_own_negation_in_another_source() {
        let n_disputes = |asserter: &str| {
            let asserted = format!(
                "{asserter} said she had not met the envoy, but had discussed the harbour talks \
                 with pilots."
            );
            let denial = "Ruiz denied that she had discussed the harbour talks with the envoy.";
            let mut story = story(&[&asserted, denial]);
            for (annotated, (speaker, cue)) in story
                .articles
                .iter_mut()
                .zip([(asserter, "said"), ("Ruiz", "denied")])
            {
                let text = &annotated.article.text;
                let cue_at = text.find(cue).expect("a cue");
                let speaker_at = text.find(speaker).expect("a speaker");
                let quote = Quote {
                    kind: QuoteKind::Indirect,
                    content: cue_at + cue.len() + 1..text.len() - 1,
                    continuation: Vec::new(),
                    cue: Some(cue_at..cue_at + cue.len()),
                    speaker: Some(speaker_at..speaker_at + speaker.len()),
                    speaker_pronoun: None,
                    speaker_entity: None,
                    anonymous: false,
                };
                annotated.quotes.push(quote);
            }
            let matches = crate::matching::Matches::new(&story, &crate::Config::new());
            assertion_disputes(&story, &|term| matches.idf_of(term)).len()
        };
        // Another's statement is contested by the denial; the speaker's own negation is not.
        assert_eq!(n_disputes("Ortiz"), 1);
        assert_eq!(n_disputes("Ruiz"), 0);
    }

    #[test]
    fn asserted_denied_and_doubted_sides() {
        check(
            &[
                "The army withdrew 2,000 soldiers from the river crossing on Friday.",
                "The claim that the army has withdrawn soldiers from the crossing is untrue.",
                "Observers say there is little evidence that 2,000 soldiers were withdrawn.",
                "Farmers at the crossing expect rain this week.",
            ],
            &[("asserted", &[1]), ("denied", &[2]), ("doubted", &[3])],
        );
    }

    #[test]
    fn the_dispute_is_named_after_the_contested_clause() {
        let army = story(&[
            "The army has withdrawn 2,000 soldiers from the crossing, a sign that it wants talks.",
            "Observers say there is little evidence that 2,000 soldiers were withdrawn.",
        ]);
        let matches = crate::matching::Matches::new(&army, &crate::Config::new());
        let found = assertion_disputes(&army, &|term| matches.idf_of(term));
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].slot,
            "The army has withdrawn 2,000 soldiers from the crossing"
        );
        // A time both sentences give names nothing: what they share besides it does.
        let timed = story(&[
            "Last month, the senator joined critics who call the ranking rules proof of biased \
             attacks on their views.",
            "A ferry operator apologized last month, and the port has denied being biased \
             against critics.",
        ]);
        let matches = crate::matching::Matches::new(&timed, &crate::Config::new());
        let found = assertion_disputes(&timed, &|term| matches.idf_of(term));
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].slot,
            "the senator joined critics who call the ranking rules proof…"
        );
    }

    #[test]
    fn denying_allegations_contests_no_sentence_that_only_mentions_them() {
        let names = ["Ilse Marov"];
        let sides = |texts: &[&str]| -> usize {
            let story = story(texts);
            let story = crate::test_stories::with_names(story, 0, &names);
            let story = crate::test_stories::with_names(story, 1, &names);
            let matches = crate::matching::Matches::new(&story, &crate::Config::new());
            assertion_disputes(&story, &|term| matches.idf_of(term)).len()
        };
        // Both mention the allegations; neither states what they say.
        assert_eq!(
            sides(&[
                "Mayor Ilse Marov resigned on Friday after allegations of bribery.",
                "In a video, Ilse Marov continued to deny the allegations.",
            ]),
            0
        );
        // What the allegations say, stated and denied, is a dispute.
        assert_eq!(
            sides(&[
                "Mayor Ilse Marov took bribes from the harbour board for years.",
                "Ilse Marov continued to deny that she took bribes from the harbour board.",
            ]),
            1
        );
    }

    #[test]
    fn a_clause_after_an_em_dash_is_read_whole() {
        let said = stance("Troops left the valley \u{2014} officials denied it.");
        assert_eq!(said.stance, Stance::Denied);
        assert_eq!(said.clauses, " officials denied it. ");
    }

    #[test]
    fn suppositions_and_questions_assert_nothing() {
        check(
            &[
                "If the army withdrew 2,000 soldiers from the river crossing, talks would resume.",
                "Has the army withdrawn 2,000 soldiers from the river crossing?",
                "Observers say there is little evidence that 2,000 soldiers were withdrawn from the crossing.",
            ],
            &[],
        );
    }

    /// What `lower` asserts, its words separated by single spaces.
    fn asserted_words(lower: &str) -> String {
        asserted_part(lower, &mut Stems::new(Some("en")))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn what_a_claim_says_is_reported_not_asserted() {
        check(
            &[
                "The army withdrew 2,000 soldiers from the river crossing on Friday.",
                "The ministry's claim that the army withdrew 2,000 soldiers from the river crossing is propaganda.",
                "Observers say there is little evidence that 2,000 soldiers were withdrawn from the crossing.",
            ],
            &[("asserted", &[1]), ("doubted", &[3])],
        );
        assert_eq!(
            asserted_words("the ministry\u{2019}s claim that the army withdrew is propaganda."),
            "the ministry\u{2019}s"
        );
        // A verb of claiming asserts through its speaker.
        assert_eq!(
            asserted_words("the ministry claims that the army withdrew."),
            "the ministry claims that the army withdrew."
        );
    }

    #[test]
    fn negated_clauses_and_open_questions_assert_nothing() {
        check(
            &[
                "Investigators are probing whether the army withdrew 2,000 soldiers from the river crossing.",
                "The ministry says the army has not withdrawn 2,000 soldiers from the river crossing.",
                "Observers say there is little evidence that 2,000 soldiers were withdrawn from the crossing.",
            ],
            &[],
        );
        assert_eq!(
            asserted_words("the bridge opened, but no trucks crossed it whether or not it rained."),
            "the bridge opened"
        );
        assert_eq!(
            asserted_words("they asked if the bridge opened; it did."),
            "they asked it did."
        );
        // A clause with two terms of a negated one is what the sentence denies.
        assert_eq!(
            asserted_words(
                "critics allege that the ministry built a secret sluice, but the ministry has no secret sluice."
            ),
            ""
        );
        assert_eq!(
            asserted_words("the ministry opened the sluice, but the river did not rise."),
            "the ministry opened the sluice"
        );
    }

    #[test]
    fn a_denial_of_nothing_in_its_sentence_contests_nothing() {
        check(
            &[
                "The army withdrew 2,000 soldiers from the river crossing on Friday.",
                "Officials at the river crossing were unconvinced.",
            ],
            &[],
        );
    }

    #[test]
    fn sentences_sharing_only_names_are_no_dispute() {
        let texts = [
            "Mayor Ruiz Berg opened the Ruiz Berg bridge on Friday.",
            "Ruiz Berg denied that Ruiz Berg funds paid for it.",
        ];
        let story = with_names(story(&texts), 0, &["Ruiz Berg"]);
        let story = with_names(story, 1, &["Ruiz Berg"]);
        let matches = crate::matching::Matches::new(&story, &crate::Config::new());
        assert!(assertion_disputes(&story, &|term| matches.idf_of(term)).is_empty());
    }

    #[test]
    fn other_numbers_and_unrelated_denials_are_no_dispute() {
        check(
            &[
                "The army withdrew 2,000 soldiers from the river crossing.",
                "There is little evidence that 9,000 soldiers were withdrawn.",
                "The mayor denied any plan to close the market.",
            ],
            &[],
        );
    }

    #[test]
    fn words_of_denial_that_contest_nothing_are_no_stance() {
        for text in [
            "Families were denied access to the harbour for a week.",
            "The clinic denied them treatment.",
            "There is no doubt the ferry will sail on Monday.",
            "The skipper was questioned by the coastguard for an hour.",
            "The union showed no sign of backing down.",
            "A spokesman could not confirm or deny the report.",
            "He admitted giving false statements to the inspectors.",
            "The firm was charged with filing false shipping records.",
            "The skipper did not deny that the nets were cut.",
            "I don't think anyone doubted the tally.",
            "The board denied a request for the minutes.",
            "Reporters asked whether the tally was false.",
            "Boats crossed into the disputed waters near the disputed island.",
        ] {
            assert_eq!(stance(text).stance, Stance::Asserted, "{text}");
        }
        for text in [
            "The ministry denied that the gates were opened.",
            "Officials doubt the figures.",
            "The claim is false, the union said.",
            "The union rated the claim \"false.\"",
            "The mayor called it a false narrative about the port.",
            "There was no sign of a withdrawal.",
            "The council called the harbour report an outrageous distortion.",
            "It is a total hoax, the mayor said.",
            "Claims that the fee was paid are \u{201c}pure fantasy\u{201d}, the port said.",
            "As for the claim that the fee was paid, I would be cautious.",
            "The union said the report was baseless.",
            "She dismissed the unfounded allegations.",
        ] {
            assert_ne!(stance(text).stance, Stance::Asserted, "{text}");
        }
        for text in [
            "The campaign was marked by distortions of the record.",
            "These are not hoax calls.",
            "The novel is a work of fantasy.",
            "He is a fantasy football fan.",
            "The central bank was cautious on Tuesday.",
            "Shippers fear bogus lawsuits.",
            "Rivals would want to smear the mayor.",
        ] {
            assert_eq!(stance(text).stance, Stance::Asserted, "{text}");
        }
    }

    #[test]
    fn what_a_denial_contests_leaves_out_whose_claim_it_is_and_what_follows_it() {
        let scope = |text: &str| stance(text).scope.trim().to_string();
        assert_eq!(
            scope("Critics disputed the Velmar council's account of the flood."),
            "account of the flood."
        );
        assert_eq!(
            scope("The port denied the Velmar Post report even before the council met."),
            "the velmar post report"
        );
        assert_eq!(
            scope("Pilots doubt a report on Monday that the locks reopened."),
            "a report on monday that the locks reopened."
        );
        assert_eq!(
            scope("The council called the harbour report an outrageous distortion."),
            "the harbour report an outrageous"
        );
        assert_eq!(
            scope("The union disputed the report as a distortion - its pay is fair."),
            "the report"
        );
    }

    #[test]
    fn a_denial_shares_two_terms_of_what_it_contests_or_most_of_a_short_statement() {
        // One term of what is denied ("conversations") is not what the statement says.
        check(
            &[
                "The port authority initiated the conversations, which took place by phone.",
                "The port authority disputed union claims that the conversations were illegal.",
            ],
            &[],
        );
        // A statement saying little more than the contested term besides names is contested.
        let names = ["Ilse Marov", "Velmar Post"];
        let story = story(&[
            "\u{201c}Undoubtedly there is sabotage,\u{201d} Ilse Marov told the Velmar Post.",
            "The minister attacked Ilse Marov for a false narrative about sabotage at the locks.",
        ]);
        let story = with_names(with_names(story, 0, &names), 1, &names);
        let matches = crate::matching::Matches::new(&story, &crate::Config::new());
        assert_eq!(
            assertion_disputes(&story, &|term| matches.idf_of(term)).len(),
            1
        );
    }

    #[test]
    fn what_a_denial_contests_is_its_verb_not_the_words_around_it() {
        // Doubting an agreement to come contests no offer, though both tell of immunity.
        check(
            &[
                "The harbour pilots have renewed their offer to testify before the council in exchange for immunity from prosecution.",
                "The mayor is skeptical that the council would agree to grant the harbour pilots immunity from prosecution.",
            ],
            &[],
        );
        check(
            &[
                "The council agreed on Monday to grant the harbour pilots immunity from prosecution.",
                "The mayor is skeptical that the council would agree to grant the pilots immunity.",
            ],
            &[("asserted", &[1]), ("doubted", &[2])],
        );
        // A denial in other words is a denial when all that follows its verb is stated.
        check(
            &[
                "The committee asked why the director gave false information to the council.",
                "The director denied that she had ever provided false information to the council.",
            ],
            &[("asserted", &[1]), ("denied", &[2])],
        );
        // Denying one action contests no other told of the same people.
        check(
            &[
                "The pilots met envoys of Ostrava who were trying to delay the harbour vote.",
                "The union has denied colluding with the envoys of Ostrava to stall the harbour vote.",
            ],
            &[],
        );
    }

    #[test]
    fn what_is_chased_or_searched_for_is_sought_not_asserted() {
        check(
            &[
                "\u{201c}Now the council is chasing after a leak at the harbour pilots' office.\u{201d}",
                "The pilots' union denied there was a leak at the harbour pilots' office.",
            ],
            &[],
        );
        assert_eq!(
            asserted_words("inspectors searched for a leak at the office."),
            "inspectors searched"
        );
    }

    #[test]
    fn what_follows_any_is_supposed_not_asserted() {
        check(
            &[
                "The new law lets families sue the operator for any role its pilots may have played in the collision.",
                "The operator denies any role in the collision of the two ferries.",
            ],
            &[],
        );
    }
}
