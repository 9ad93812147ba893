//! The cue lexicon: reporting verbs with their inflections, and the other words that mark
//! speech ("according to", "reportedly").
//!
//! The list is general English, never words of a particular story. Each verb is listed with all
//! five forms written out, rather than inflected by rule, so the table can be read and corrected
//! by someone who does not read Rust.

use super::tokens::Doc;
// Fx hashing: a fixed table that a text's words are only looked up in.
use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

/// How a reporting verb takes what was said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Verbs of saying that take a clause directly: "said (that) …", "warned …".
    Speech,
    /// Verbs of telling that name the addressee first: "told reporters (that) …".
    Tell,
    /// Verbs of asking: the content is a question.
    Ask,
    /// Verbs of commitment that take a to-infinitive: "vowed to …".
    Commit,
    /// Verbs of thinking and finding: "believes that …", "the poll shows …". They stand for
    /// speech less often, so they need a that-clause or a clause with its own subject.
    Thought,
    /// Speech acts and stances reported with an object rather than a clause: "criticized the
    /// plan", "called for talks", "backed the bill".
    Act,
    /// Verbs of regarding, whose object is judged with "as": "sees the deal as a retreat". They
    /// are cues only with the "as".
    Regard,
}

/// Which inflection of a verb a word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// "say".
    Base,
    /// "says".
    Present,
    /// "said" (simple past).
    Past,
    /// "written" (only where it differs from the past).
    Participle,
    /// "saying".
    Gerund,
}

/// A reporting verb.
#[derive(Debug)]
pub(crate) struct Verb {
    /// Base, third person present, past, past participle, gerund.
    forms: [&'static str; 5],
    /// How it takes its content.
    pub(crate) class: Class,
    /// Particles that belong to the cue when they follow the verb ("called for").
    particles: &'static [&'static str],
    /// Whether the verb is a cue only with one of its particles ("pointed out", not "pointed").
    needs_particle: bool,
}

const fn verb(forms: [&'static str; 5], class: Class) -> Verb {
    Verb {
        forms,
        class,
        particles: &[],
        needs_particle: false,
    }
}

const fn phrasal(
    forms: [&'static str; 5],
    class: Class,
    particles: &'static [&'static str],
    needs_particle: bool,
) -> Verb {
    Verb {
        forms,
        class,
        particles,
        needs_particle,
    }
}

use Class::{Act, Ask, Commit, Regard, Speech, Tell, Thought};

/// Reporting verbs. Forms that are more often nouns ("claims", "reports", "notes") are kept:
/// the speaker rule rejects them when no subject stands before them.
const VERBS: &[Verb] = &[
    verb(["say", "says", "said", "said", "saying"], Speech),
    verb(["add", "adds", "added", "added", "adding"], Speech),
    verb(
        ["stress", "stresses", "stressed", "stressed", "stressing"],
        Speech,
    ),
    verb(["warn", "warns", "warned", "warned", "warning"], Speech),
    verb(["note", "notes", "noted", "noted", "noting"], Speech),
    verb(["argue", "argues", "argued", "argued", "arguing"], Speech),
    verb(
        ["claim", "claims", "claimed", "claimed", "claiming"],
        Speech,
    ),
    verb(
        ["insist", "insists", "insisted", "insisted", "insisting"],
        Speech,
    ),
    verb(["deny", "denies", "denied", "denied", "denying"], Speech),
    verb(
        ["admit", "admits", "admitted", "admitted", "admitting"],
        Speech,
    ),
    verb(
        [
            "acknowledge",
            "acknowledges",
            "acknowledged",
            "acknowledged",
            "acknowledging",
        ],
        Speech,
    ),
    verb(
        [
            "announce",
            "announces",
            "announced",
            "announced",
            "announcing",
        ],
        Speech,
    ),
    verb(
        [
            "explain",
            "explains",
            "explained",
            "explained",
            "explaining",
        ],
        Speech,
    ),
    verb(
        [
            "suggest",
            "suggests",
            "suggested",
            "suggested",
            "suggesting",
        ],
        Speech,
    ),
    verb(
        ["assert", "asserts", "asserted", "asserted", "asserting"],
        Speech,
    ),
    verb(
        [
            "contend",
            "contends",
            "contended",
            "contended",
            "contending",
        ],
        Speech,
    ),
    verb(
        [
            "maintain",
            "maintains",
            "maintained",
            "maintained",
            "maintaining",
        ],
        Speech,
    ),
    verb(
        [
            "reiterate",
            "reiterates",
            "reiterated",
            "reiterated",
            "reiterating",
        ],
        Speech,
    ),
    verb(
        [
            "emphasize",
            "emphasizes",
            "emphasized",
            "emphasized",
            "emphasizing",
        ],
        Speech,
    ),
    verb(
        [
            "emphasise",
            "emphasises",
            "emphasised",
            "emphasised",
            "emphasising",
        ],
        Speech,
    ),
    verb(
        ["declare", "declares", "declared", "declared", "declaring"],
        Speech,
    ),
    verb(["write", "writes", "wrote", "written", "writing"], Speech),
    verb(
        ["tweet", "tweets", "tweeted", "tweeted", "tweeting"],
        Speech,
    ),
    verb(
        ["report", "reports", "reported", "reported", "reporting"],
        Speech,
    ),
    verb(
        ["reply", "replies", "replied", "replied", "replying"],
        Speech,
    ),
    verb(
        [
            "respond",
            "responds",
            "responded",
            "responded",
            "responding",
        ],
        Speech,
    ),
    verb(
        ["answer", "answers", "answered", "answered", "answering"],
        Speech,
    ),
    verb(
        [
            "continue",
            "continues",
            "continued",
            "continued",
            "continuing",
        ],
        Speech,
    ),
    verb(
        ["recall", "recalls", "recalled", "recalled", "recalling"],
        Speech,
    ),
    verb(
        [
            "conclude",
            "concludes",
            "concluded",
            "concluded",
            "concluding",
        ],
        Speech,
    ),
    verb(
        [
            "confirm",
            "confirms",
            "confirmed",
            "confirmed",
            "confirming",
        ],
        Speech,
    ),
    verb(
        ["reveal", "reveals", "revealed", "revealed", "revealing"],
        Speech,
    ),
    verb(
        [
            "disclose",
            "discloses",
            "disclosed",
            "disclosed",
            "disclosing",
        ],
        Speech,
    ),
    verb(
        ["observe", "observes", "observed", "observed", "observing"],
        Speech,
    ),
    verb(
        ["remark", "remarks", "remarked", "remarked", "remarking"],
        Speech,
    ),
    verb(
        [
            "comment",
            "comments",
            "commented",
            "commented",
            "commenting",
        ],
        Speech,
    ),
    verb(
        [
            "mention",
            "mentions",
            "mentioned",
            "mentioned",
            "mentioning",
        ],
        Speech,
    ),
    verb(
        [
            "complain",
            "complains",
            "complained",
            "complained",
            "complaining",
        ],
        Speech,
    ),
    verb(
        ["boast", "boasts", "boasted", "boasted", "boasting"],
        Speech,
    ),
    verb(["brag", "brags", "bragged", "bragged", "bragging"], Speech),
    verb(
        ["concede", "concedes", "conceded", "conceded", "conceding"],
        Speech,
    ),
    verb(
        [
            "counter",
            "counters",
            "countered",
            "countered",
            "countering",
        ],
        Speech,
    ),
    verb(["quip", "quips", "quipped", "quipped", "quipping"], Speech),
    verb(["joke", "jokes", "joked", "joked", "joking"], Speech),
    verb(
        ["lament", "laments", "lamented", "lamented", "lamenting"],
        Speech,
    ),
    verb(
        ["allege", "alleges", "alleged", "alleged", "alleging"],
        Speech,
    ),
    verb(
        ["charge", "charges", "charged", "charged", "charging"],
        Speech,
    ),
    verb(["hint", "hints", "hinted", "hinted", "hinting"], Speech),
    verb(
        [
            "caution",
            "cautions",
            "cautioned",
            "cautioned",
            "cautioning",
        ],
        Speech,
    ),
    verb(
        [
            "testify",
            "testifies",
            "testified",
            "testified",
            "testifying",
        ],
        Speech,
    ),
    verb(
        [
            "proclaim",
            "proclaims",
            "proclaimed",
            "proclaimed",
            "proclaiming",
        ],
        Speech,
    ),
    verb(
        ["affirm", "affirms", "affirmed", "affirmed", "affirming"],
        Speech,
    ),
    verb(
        ["repeat", "repeats", "repeated", "repeated", "repeating"],
        Speech,
    ),
    verb(
        ["shout", "shouts", "shouted", "shouted", "shouting"],
        Speech,
    ),
    verb(["yell", "yells", "yelled", "yelled", "yelling"], Speech),
    verb(
        [
            "exclaim",
            "exclaims",
            "exclaimed",
            "exclaimed",
            "exclaiming",
        ],
        Speech,
    ),
    verb(
        [
            "whisper",
            "whispers",
            "whispered",
            "whispered",
            "whispering",
        ],
        Speech,
    ),
    verb(
        ["mutter", "mutters", "muttered", "muttered", "muttering"],
        Speech,
    ),
    phrasal(
        ["agree", "agrees", "agreed", "agreed", "agreeing"],
        Speech,
        &["with"],
        false,
    ),
    verb(
        ["propose", "proposes", "proposed", "proposed", "proposing"],
        Speech,
    ),
    verb(
        ["demand", "demands", "demanded", "demanded", "demanding"],
        Speech,
    ),
    verb(
        [
            "predict",
            "predicts",
            "predicted",
            "predicted",
            "predicting",
        ],
        Speech,
    ),
    verb(
        ["retort", "retorts", "retorted", "retorted", "retorting"],
        Speech,
    ),
    verb(
        ["scoff", "scoffs", "scoffed", "scoffed", "scoffing"],
        Speech,
    ),
    verb(
        [
            "protest",
            "protests",
            "protested",
            "protested",
            "protesting",
        ],
        Speech,
    ),
    verb(["muse", "muses", "mused", "mused", "musing"], Speech),
    verb(["state", "states", "stated", "stated", "stating"], Speech),
    verb(
        ["signal", "signals", "signaled", "signaled", "signaling"],
        Speech,
    ),
    verb(
        ["signal", "signals", "signalled", "signalled", "signalling"],
        Speech,
    ),
    verb(
        [
            "indicate",
            "indicates",
            "indicated",
            "indicated",
            "indicating",
        ],
        Speech,
    ),
    verb(
        [
            "speculate",
            "speculates",
            "speculated",
            "speculated",
            "speculating",
        ],
        Speech,
    ),
    phrasal(
        ["point", "points", "pointed", "pointed", "pointing"],
        Speech,
        &["out", "to"],
        true,
    ),
    verb(["tell", "tells", "told", "told", "telling"], Tell),
    verb(
        ["assure", "assures", "assured", "assured", "assuring"],
        Tell,
    ),
    verb(
        ["remind", "reminds", "reminded", "reminded", "reminding"],
        Tell,
    ),
    verb(
        ["inform", "informs", "informed", "informed", "informing"],
        Tell,
    ),
    verb(["urge", "urges", "urged", "urged", "urging"], Tell),
    verb(
        ["advise", "advises", "advised", "advised", "advising"],
        Tell,
    ),
    verb(["ask", "asks", "asked", "asked", "asking"], Ask),
    verb(
        ["wonder", "wonders", "wondered", "wondered", "wondering"],
        Ask,
    ),
    verb(["vow", "vows", "vowed", "vowed", "vowing"], Commit),
    verb(
        ["pledge", "pledges", "pledged", "pledged", "pledging"],
        Commit,
    ),
    verb(
        ["promise", "promises", "promised", "promised", "promising"],
        Commit,
    ),
    verb(
        [
            "threaten",
            "threatens",
            "threatened",
            "threatened",
            "threatening",
        ],
        Commit,
    ),
    verb(["swear", "swears", "swore", "sworn", "swearing"], Commit),
    verb(
        ["think", "thinks", "thought", "thought", "thinking"],
        Thought,
    ),
    verb(
        ["believe", "believes", "believed", "believed", "believing"],
        Thought,
    ),
    verb(
        ["expect", "expects", "expected", "expected", "expecting"],
        Thought,
    ),
    verb(["hope", "hopes", "hoped", "hoped", "hoping"], Thought),
    verb(["fear", "fears", "feared", "feared", "fearing"], Thought),
    verb(["feel", "feels", "felt", "felt", "feeling"], Thought),
    verb(
        ["worry", "worries", "worried", "worried", "worrying"],
        Thought,
    ),
    verb(
        ["doubt", "doubts", "doubted", "doubted", "doubting"],
        Thought,
    ),
    verb(
        [
            "suspect",
            "suspects",
            "suspected",
            "suspected",
            "suspecting",
        ],
        Thought,
    ),
    verb(
        ["assume", "assumes", "assumed", "assumed", "assuming"],
        Thought,
    ),
    verb(
        ["realize", "realizes", "realized", "realized", "realizing"],
        Thought,
    ),
    verb(
        ["realise", "realises", "realised", "realised", "realising"],
        Thought,
    ),
    verb(["know", "knows", "knew", "known", "knowing"], Thought),
    verb(
        ["reckon", "reckons", "reckoned", "reckoned", "reckoning"],
        Thought,
    ),
    verb(
        [
            "estimate",
            "estimates",
            "estimated",
            "estimated",
            "estimating",
        ],
        Thought,
    ),
    verb(["show", "shows", "showed", "shown", "showing"], Thought),
    verb(["find", "finds", "found", "found", "finding"], Thought),
    verb(["want", "wants", "wanted", "wanted", "wanting"], Commit),
    verb(
        ["intend", "intends", "intended", "intended", "intending"],
        Commit,
    ),
    verb(["seek", "seeks", "sought", "sought", "seeking"], Commit),
    verb(["plan", "plans", "planned", "planned", "planning"], Commit),
    verb(
        ["refuse", "refuses", "refused", "refused", "refusing"],
        Commit,
    ),
    verb(
        ["decline", "declines", "declined", "declined", "declining"],
        Commit,
    ),
    verb(
        ["offer", "offers", "offered", "offered", "offering"],
        Commit,
    ),
    phrasal(
        ["call", "calls", "called", "called", "calling"],
        Act,
        &["for", "on"],
        false,
    ),
    verb(["accuse", "accuses", "accused", "accused", "accusing"], Act),
    verb(["blame", "blames", "blamed", "blamed", "blaming"], Act),
    verb(["praise", "praises", "praised", "praised", "praising"], Act),
    verb(
        [
            "criticize",
            "criticizes",
            "criticized",
            "criticized",
            "criticizing",
        ],
        Act,
    ),
    verb(
        [
            "criticise",
            "criticises",
            "criticised",
            "criticised",
            "criticising",
        ],
        Act,
    ),
    verb(
        [
            "condemn",
            "condemns",
            "condemned",
            "condemned",
            "condemning",
        ],
        Act,
    ),
    verb(
        [
            "denounce",
            "denounces",
            "denounced",
            "denounced",
            "denouncing",
        ],
        Act,
    ),
    verb(
        ["attack", "attacks", "attacked", "attacked", "attacking"],
        Act,
    ),
    verb(["slam", "slams", "slammed", "slammed", "slamming"], Act),
    verb(["blast", "blasts", "blasted", "blasted", "blasting"], Act),
    verb(
        ["reject", "rejects", "rejected", "rejected", "rejecting"],
        Act,
    ),
    verb(
        [
            "dismiss",
            "dismisses",
            "dismissed",
            "dismissed",
            "dismissing",
        ],
        Act,
    ),
    verb(
        [
            "question",
            "questions",
            "questioned",
            "questioned",
            "questioning",
        ],
        Act,
    ),
    verb(
        ["welcome", "welcomes", "welcomed", "welcomed", "welcoming"],
        Act,
    ),
    verb(
        ["endorse", "endorses", "endorsed", "endorsed", "endorsing"],
        Act,
    ),
    verb(
        ["defend", "defends", "defended", "defended", "defending"],
        Act,
    ),
    verb(["cite", "cites", "cited", "cited", "citing"], Act),
    verb(
        [
            "describe",
            "describes",
            "described",
            "described",
            "describing",
        ],
        Act,
    ),
    verb(["echo", "echoes", "echoed", "echoed", "echoing"], Act),
    verb(["decry", "decries", "decried", "decried", "decrying"], Act),
    verb(
        [
            "applaud",
            "applauds",
            "applauded",
            "applauded",
            "applauding",
        ],
        Act,
    ),
    verb(["hail", "hails", "hailed", "hailed", "hailing"], Act),
    verb(["mock", "mocks", "mocked", "mocked", "mocking"], Act),
    verb(
        [
            "ridicule",
            "ridicules",
            "ridiculed",
            "ridiculed",
            "ridiculing",
        ],
        Act,
    ),
    verb(
        [
            "lambaste",
            "lambastes",
            "lambasted",
            "lambasted",
            "lambasting",
        ],
        Act,
    ),
    verb(["chide", "chides", "chided", "chided", "chiding"], Act),
    verb(["rebuke", "rebukes", "rebuked", "rebuked", "rebuking"], Act),
    verb(
        [
            "challenge",
            "challenges",
            "challenged",
            "challenged",
            "challenging",
        ],
        Act,
    ),
    verb(
        ["dispute", "disputes", "disputed", "disputed", "disputing"],
        Act,
    ),
    verb(["deride", "derides", "derided", "derided", "deriding"], Act),
    verb(["tout", "touts", "touted", "touted", "touting"], Act),
    verb(
        [
            "highlight",
            "highlights",
            "highlighted",
            "highlighted",
            "highlighting",
        ],
        Act,
    ),
    verb(
        [
            "discuss",
            "discusses",
            "discussed",
            "discussed",
            "discussing",
        ],
        Act,
    ),
    verb(
        [
            "recommend",
            "recommends",
            "recommended",
            "recommended",
            "recommending",
        ],
        Act,
    ),
    verb(["oppose", "opposes", "opposed", "opposed", "opposing"], Act),
    verb(
        [
            "support",
            "supports",
            "supported",
            "supported",
            "supporting",
        ],
        Act,
    ),
    verb(["thank", "thanks", "thanked", "thanked", "thanking"], Act),
    verb(
        [
            "address",
            "addresses",
            "addressed",
            "addressed",
            "addressing",
        ],
        Act,
    ),
    phrasal(
        ["talk", "talks", "talked", "talked", "talking"],
        Act,
        &["about"],
        true,
    ),
    phrasal(
        ["speak", "speaks", "spoke", "spoken", "speaking"],
        Act,
        &["about", "of", "out"],
        true,
    ),
    phrasal(
        ["refer", "refers", "referred", "referred", "referring"],
        Act,
        &["to"],
        true,
    ),
    verb(
        [
            "express",
            "expresses",
            "expressed",
            "expressed",
            "expressing",
        ],
        Act,
    ),
    verb(["post", "posts", "posted", "posted", "posting"], Speech),
    verb(
        [
            "recount",
            "recounts",
            "recounted",
            "recounted",
            "recounting",
        ],
        Speech,
    ),
    verb(
        ["email", "emails", "emailed", "emailed", "emailing"],
        Speech,
    ),
    verb(
        ["rebut", "rebuts", "rebutted", "rebutted", "rebutting"],
        Speech,
    ),
    verb(["quote", "quotes", "quoted", "quoted", "quoting"], Act),
    verb(["invoke", "invokes", "invoked", "invoked", "invoking"], Act),
    verb(
        [
            "reference",
            "references",
            "referenced",
            "referenced",
            "referencing",
        ],
        Act,
    ),
    verb(
        [
            "eviscerate",
            "eviscerates",
            "eviscerated",
            "eviscerated",
            "eviscerating",
        ],
        Act,
    ),
    phrasal(
        ["rail", "rails", "railed", "railed", "railing"],
        Act,
        &["against", "at"],
        true,
    ),
    verb(["knock", "knocks", "knocked", "knocked", "knocking"], Act),
    verb(
        ["assail", "assails", "assailed", "assailed", "assailing"],
        Act,
    ),
    verb(
        [
            "portray",
            "portrays",
            "portrayed",
            "portrayed",
            "portraying",
        ],
        Act,
    ),
    verb(
        ["outline", "outlines", "outlined", "outlined", "outlining"],
        Act,
    ),
    verb(
        ["unveil", "unveils", "unveiled", "unveiled", "unveiling"],
        Act,
    ),
    verb(["recite", "recites", "recited", "recited", "reciting"], Act),
    verb(["chant", "chants", "chanted", "chanted", "chanting"], Act),
    verb(["order", "orders", "ordered", "ordered", "ordering"], Act),
    verb(["back", "backs", "backed", "backed", "backing"], Act),
    verb(["favor", "favors", "favored", "favored", "favoring"], Act),
    verb(
        ["favour", "favours", "favoured", "favoured", "favouring"],
        Act,
    ),
    verb(
        ["prefer", "prefers", "preferred", "preferred", "preferring"],
        Act,
    ),
    verb(
        [
            "request",
            "requests",
            "requested",
            "requested",
            "requesting",
        ],
        Act,
    ),
    verb(
        [
            "consider",
            "considers",
            "considered",
            "considered",
            "considering",
        ],
        Act,
    ),
    verb(["view", "views", "viewed", "viewed", "viewing"], Act),
    phrasal(
        ["vote", "votes", "voted", "voted", "voting"],
        Act,
        &["for", "against"],
        true,
    ),
    verb(["see", "sees", "saw", "seen", "seeing"], Regard),
    verb(
        ["regard", "regards", "regarded", "regarded", "regarding"],
        Regard,
    ),
    verb(
        [
            "perceive",
            "perceives",
            "perceived",
            "perceived",
            "perceiving",
        ],
        Regard,
    ),
    verb(
        ["decide", "decides", "decided", "decided", "deciding"],
        Commit,
    ),
    verb(
        ["learn", "learns", "learned", "learned", "learning"],
        Thought,
    ),
    verb(
        [
            "recognize",
            "recognizes",
            "recognized",
            "recognized",
            "recognizing",
        ],
        Thought,
    ),
    verb(
        ["imply", "implies", "implied", "implied", "implying"],
        Speech,
    ),
    verb(
        [
            "reaffirm",
            "reaffirms",
            "reaffirmed",
            "reaffirmed",
            "reaffirming",
        ],
        Speech,
    ),
    verb(
        ["bemoan", "bemoans", "bemoaned", "bemoaned", "bemoaning"],
        Speech,
    ),
    verb(
        [
            "confess",
            "confesses",
            "confessed",
            "confessed",
            "confessing",
        ],
        Speech,
    ),
    verb(
        [
            "underscore",
            "underscores",
            "underscored",
            "underscored",
            "underscoring",
        ],
        Speech,
    ),
    verb(
        ["divulge", "divulges", "divulged", "divulged", "divulging"],
        Speech,
    ),
    verb(
        ["grumble", "grumbles", "grumbled", "grumbled", "grumbling"],
        Speech,
    ),
    verb(["gripe", "gripes", "griped", "griped", "griping"], Speech),
    verb(
        [
            "retweet",
            "retweets",
            "retweeted",
            "retweeted",
            "retweeting",
        ],
        Speech,
    ),
    verb(
        ["guess", "guesses", "guessed", "guessed", "guessing"],
        Thought,
    ),
    verb(
        ["imagine", "imagines", "imagined", "imagined", "imagining"],
        Thought,
    ),
    verb(
        ["suppose", "supposes", "supposed", "supposed", "supposing"],
        Thought,
    ),
    verb(
        [
            "understand",
            "understands",
            "understood",
            "understood",
            "understanding",
        ],
        Thought,
    ),
    verb(
        [
            "remember",
            "remembers",
            "remembered",
            "remembered",
            "remembering",
        ],
        Thought,
    ),
    verb(
        [
            "anticipate",
            "anticipates",
            "anticipated",
            "anticipated",
            "anticipating",
        ],
        Thought,
    ),
    verb(
        [
            "forecast",
            "forecasts",
            "forecast",
            "forecast",
            "forecasting",
        ],
        Thought,
    ),
    verb(
        [
            "encourage",
            "encourages",
            "encouraged",
            "encouraged",
            "encouraging",
        ],
        Tell,
    ),
    verb(
        ["implore", "implores", "implored", "implored", "imploring"],
        Tell,
    ),
    verb(
        [
            "reassure",
            "reassures",
            "reassured",
            "reassured",
            "reassuring",
        ],
        Tell,
    ),
    verb(
        [
            "instruct",
            "instructs",
            "instructed",
            "instructed",
            "instructing",
        ],
        Tell,
    ),
    verb(
        [
            "congratulate",
            "congratulates",
            "congratulated",
            "congratulated",
            "congratulating",
        ],
        Act,
    ),
    verb(
        [
            "downplay",
            "downplays",
            "downplayed",
            "downplayed",
            "downplaying",
        ],
        Act,
    ),
    verb(
        [
            "trumpet",
            "trumpets",
            "trumpeted",
            "trumpeted",
            "trumpeting",
        ],
        Act,
    ),
    verb(["refute", "refutes", "refuted", "refuted", "refuting"], Act),
    verb(
        [
            "commend",
            "commends",
            "commended",
            "commended",
            "commending",
        ],
        Act,
    ),
    verb(["laud", "lauds", "lauded", "lauded", "lauding"], Act),
    verb(["taunt", "taunts", "taunted", "taunted", "taunting"], Act),
    verb(
        ["insult", "insults", "insulted", "insulted", "insulting"],
        Act,
    ),
    verb(
        [
            "disparage",
            "disparages",
            "disparaged",
            "disparaged",
            "disparaging",
        ],
        Act,
    ),
    verb(
        [
            "belittle",
            "belittles",
            "belittled",
            "belittled",
            "belittling",
        ],
        Act,
    ),
    verb(["scold", "scolds", "scolded", "scolded", "scolding"], Act),
    verb(
        [
            "chastise",
            "chastises",
            "chastised",
            "chastised",
            "chastising",
        ],
        Act,
    ),
    verb(
        [
            "reprimand",
            "reprimands",
            "reprimanded",
            "reprimanded",
            "reprimanding",
        ],
        Act,
    ),
    verb(
        [
            "excoriate",
            "excoriates",
            "excoriated",
            "excoriated",
            "excoriating",
        ],
        Act,
    ),
    verb(["berate", "berates", "berated", "berated", "berating"], Act),
    verb(
        ["embrace", "embraces", "embraced", "embraced", "embracing"],
        Act,
    ),
    verb(
        [
            "characterize",
            "characterizes",
            "characterized",
            "characterized",
            "characterizing",
        ],
        Regard,
    ),
    verb(["label", "labels", "labeled", "labeled", "labeling"], Act),
    verb(["dub", "dubs", "dubbed", "dubbed", "dubbing"], Act),
    verb(["liken", "likens", "likened", "likened", "likening"], Act),
    verb(
        ["credit", "credits", "credited", "credited", "crediting"],
        Act,
    ),
    // Verbs found on PolNeAR's training split to be attribution cues about half of the times
    // they occur or more, kept where the rules above read them right more often than not (their
    // forms that are mostly something else are in `NOT_CUES`).
    verb(["opine", "opines", "opined", "opined", "opining"], Speech),
    verb(
        [
            "interject",
            "interjects",
            "interjected",
            "interjected",
            "interjecting",
        ],
        Speech,
    ),
    phrasal(
        [
            "elaborate",
            "elaborates",
            "elaborated",
            "elaborated",
            "elaborating",
        ],
        Speech,
        &["on"],
        false,
    ),
    verb(
        [
            "clarify",
            "clarifies",
            "clarified",
            "clarified",
            "clarifying",
        ],
        Speech,
    ),
    phrasal(
        ["rule", "rules", "ruled", "ruled", "ruling"],
        Speech,
        &["out"],
        false,
    ),
    verb(
        ["foresee", "foresees", "foresaw", "foreseen", "foreseeing"],
        Thought,
    ),
    verb(
        ["notice", "notices", "noticed", "noticed", "noticing"],
        Thought,
    ),
    verb(
        [
            "contemplate",
            "contemplates",
            "contemplated",
            "contemplated",
            "contemplating",
        ],
        Act,
    ),
    phrasal(
        ["mull", "mulls", "mulled", "mulled", "mulling"],
        Act,
        &["over"],
        false,
    ),
    verb(["sign", "signs", "signed", "signed", "signing"], Act),
    phrasal(
        ["push", "pushes", "pushed", "pushed", "pushing"],
        Act,
        &["for", "back"],
        true,
    ),
    verb(
        [
            "identify",
            "identifies",
            "identified",
            "identified",
            "identifying",
        ],
        Act,
    ),
    verb(
        [
            "nominate",
            "nominates",
            "nominated",
            "nominated",
            "nominating",
        ],
        Act,
    ),
    verb(["list", "lists", "listed", "listed", "listing"], Act),
    verb(["deem", "deems", "deemed", "deemed", "deeming"], Act),
    verb(["voice", "voices", "voiced", "voiced", "voicing"], Act),
    verb(["press", "presses", "pressed", "pressed", "pressing"], Tell),
    verb(
        [
            "present",
            "presents",
            "presented",
            "presented",
            "presenting",
        ],
        Act,
    ),
    verb(
        ["approve", "approves", "approved", "approved", "approving"],
        Act,
    ),
    verb(
        ["promote", "promotes", "promoted", "promoted", "promoting"],
        Act,
    ),
    verb(
        [
            "champion",
            "champions",
            "championed",
            "championed",
            "championing",
        ],
        Act,
    ),
    verb(
        [
            "attribute",
            "attributes",
            "attributed",
            "attributed",
            "attributing",
        ],
        Act,
    ),
    phrasal(
        [
            "apologize",
            "apologizes",
            "apologized",
            "apologized",
            "apologizing",
        ],
        Act,
        &["for"],
        true,
    ),
    phrasal(
        ["weigh", "weighs", "weighed", "weighed", "weighing"],
        Act,
        &["in"],
        true,
    ),
    phrasal(
        ["lash", "lashes", "lashed", "lashed", "lashing"],
        Act,
        &["out"],
        true,
    ),
    verb(
        ["detail", "details", "detailed", "detailed", "detailing"],
        Act,
    ),
    phrasal(
        ["balk", "balks", "balked", "balked", "balking"],
        Act,
        &["at"],
        false,
    ),
    phrasal(
        ["brush", "brushes", "brushed", "brushed", "brushing"],
        Act,
        &["off", "aside"],
        true,
    ),
    verb(
        [
            "articulate",
            "articulates",
            "articulated",
            "articulated",
            "articulating",
        ],
        Act,
    ),
    phrasal(
        [
            "advocate",
            "advocates",
            "advocated",
            "advocated",
            "advocating",
        ],
        Act,
        &["for"],
        false,
    ),
    verb(
        [
            "disavow",
            "disavows",
            "disavowed",
            "disavowed",
            "disavowing",
        ],
        Act,
    ),
    phrasal(
        ["shrug", "shrugs", "shrugged", "shrugged", "shrugging"],
        Act,
        &["off"],
        true,
    ),
    verb(
        [
            "contradict",
            "contradicts",
            "contradicted",
            "contradicted",
            "contradicting",
        ],
        Act,
    ),
    verb(["coin", "coins", "coined", "coined", "coining"], Act),
    verb(
        ["author", "authors", "authored", "authored", "authoring"],
        Act,
    ),
    phrasal(
        [
            "acquiesce",
            "acquiesces",
            "acquiesced",
            "acquiesced",
            "acquiescing",
        ],
        Act,
        &["to", "in"],
        false,
    ),
    phrasal(
        ["spar", "spars", "sparred", "sparred", "sparring"],
        Act,
        &["with", "over"],
        false,
    ),
    phrasal(
        ["single", "singles", "singled", "singled", "singling"],
        Act,
        &["out"],
        true,
    ),
    phrasal(
        ["focus", "focuses", "focused", "focused", "focusing"],
        Act,
        &["on"],
        true,
    ),
    verb(["issue", "issues", "issued", "issued", "issuing"], Act),
    verb(
        ["release", "releases", "released", "released", "releasing"],
        Act,
    ),
    verb(["share", "shares", "shared", "shared", "sharing"], Act),
    phrasal(
        ["side", "sides", "sided", "sided", "siding"],
        Act,
        &["with"],
        true,
    ),
    phrasal(
        ["lay", "lays", "laid", "laid", "laying"],
        Act,
        &["out"],
        true,
    ),
    verb(
        [
            "convince",
            "convinces",
            "convinced",
            "convinced",
            "convincing",
        ],
        Tell,
    ),
    verb(
        [
            "persuade",
            "persuades",
            "persuaded",
            "persuaded",
            "persuading",
        ],
        Tell,
    ),
    verb(["read", "reads", "read", "read", "reading"], Speech),
    phrasal(
        ["vouch", "vouches", "vouched", "vouched", "vouching"],
        Act,
        &["for"],
        true,
    ),
    verb(["utter", "utters", "uttered", "uttered", "uttering"], Act),
    verb(["pass", "passes", "passed", "passed", "passing"], Act),
    verb(
        ["surmise", "surmises", "surmised", "surmised", "surmising"],
        Speech,
    ),
    phrasal(
        ["allude", "alludes", "alluded", "alluded", "alluding"],
        Act,
        &["to"],
        true,
    ),
    verb(
        ["marvel", "marvels", "marveled", "marveled", "marveling"],
        Speech,
    ),
    verb(["vent", "vents", "vented", "vented", "venting"], Act),
    verb(
        ["lecture", "lectures", "lectured", "lectured", "lecturing"],
        Act,
    ),
    verb(["bark", "barks", "barked", "barked", "barking"], Speech),
    verb(
        ["preach", "preaches", "preached", "preached", "preaching"],
        Act,
    ),
    verb(
        ["herald", "heralds", "heralded", "heralded", "heralding"],
        Act,
    ),
    verb(["revile", "reviles", "reviled", "reviled", "reviling"], Act),
    verb(
        ["relish", "relishes", "relished", "relished", "relishing"],
        Act,
    ),
    verb(
        [
            "repudiate",
            "repudiates",
            "repudiated",
            "repudiated",
            "repudiating",
        ],
        Act,
    ),
    verb(
        [
            "disregard",
            "disregards",
            "disregarded",
            "disregarded",
            "disregarding",
        ],
        Act,
    ),
    verb(["bill", "bills", "billed", "billed", "billing"], Regard),
    verb(
        ["paint", "paints", "painted", "painted", "painting"],
        Regard,
    ),
    verb(["pitch", "pitches", "pitched", "pitched", "pitching"], Act),
    phrasal(
        ["dwell", "dwells", "dwelled", "dwelled", "dwelling"],
        Act,
        &["on"],
        true,
    ),
    verb(
        ["resist", "resists", "resisted", "resisted", "resisting"],
        Act,
    ),
    verb(
        ["dislike", "dislikes", "disliked", "disliked", "disliking"],
        Act,
    ),
    verb(
        [
            "interpret",
            "interprets",
            "interpreted",
            "interpreted",
            "interpreting",
        ],
        Regard,
    ),
    phrasal(
        [
            "empathize",
            "empathizes",
            "empathized",
            "empathized",
            "empathizing",
        ],
        Act,
        &["with"],
        true,
    ),
    verb(
        [
            "pressure",
            "pressures",
            "pressured",
            "pressured",
            "pressuring",
        ],
        Tell,
    ),
    verb(
        ["posit", "posits", "posited", "posited", "positing"],
        Speech,
    ),
    verb(
        [
            "theorize",
            "theorizes",
            "theorized",
            "theorized",
            "theorizing",
        ],
        Speech,
    ),
    verb(
        ["concur", "concurs", "concurred", "concurred", "concurring"],
        Speech,
    ),
    verb(
        [
            "disagree",
            "disagrees",
            "disagreed",
            "disagreed",
            "disagreeing",
        ],
        Speech,
    ),
    verb(["wish", "wishes", "wished", "wished", "wishing"], Commit),
    verb(["tease", "teases", "teased", "teased", "teasing"], Speech),
    verb(["snap", "snaps", "snapped", "snapped", "snapping"], Speech),
    verb(["fume", "fumes", "fumed", "fumed", "fuming"], Speech),
    verb(["gush", "gushes", "gushed", "gushed", "gushing"], Speech),
    verb(["rave", "raves", "raved", "raved", "raving"], Speech),
    verb(["rant", "rants", "ranted", "ranted", "ranting"], Speech),
    verb(["sigh", "sighs", "sighed", "sighed", "sighing"], Speech),
    verb(
        ["groan", "groans", "groaned", "groaned", "groaning"],
        Speech,
    ),
    verb(["beg", "begs", "begged", "begged", "begging"], Tell),
    verb(
        ["plead", "pleads", "pleaded", "pleaded", "pleading"],
        Speech,
    ),
    verb(["grill", "grills", "grilled", "grilled", "grilling"], Act),
    verb(
        [
            "retract",
            "retracts",
            "retracted",
            "retracted",
            "retracting",
        ],
        Act,
    ),
    verb(
        [
            "apologise",
            "apologises",
            "apologised",
            "apologised",
            "apologising",
        ],
        Speech,
    ),
    phrasal(
        ["attest", "attests", "attested", "attested", "attesting"],
        Speech,
        &["to"],
        false,
    ),
    verb(
        ["verify", "verifies", "verified", "verified", "verifying"],
        Speech,
    ),
    verb(
        ["debunk", "debunks", "debunked", "debunked", "debunking"],
        Act,
    ),
    verb(
        ["infer", "infers", "inferred", "inferred", "inferring"],
        Thought,
    ),
    verb(
        [
            "determine",
            "determines",
            "determined",
            "determined",
            "determining",
        ],
        Thought,
    ),
    verb(
        [
            "underline",
            "underlines",
            "underlined",
            "underlined",
            "underlining",
        ],
        Speech,
    ),
    phrasal(
        ["spell", "spells", "spelled", "spelled", "spelling"],
        Act,
        &["out"],
        true,
    ),
    verb(
        [
            "calculate",
            "calculates",
            "calculated",
            "calculated",
            "calculating",
        ],
        Thought,
    ),
    verb(["hate", "hates", "hated", "hated", "hating"], Act),
    verb(["love", "loves", "loved", "loved", "loving"], Act),
    verb(["like", "likes", "liked", "liked", "liking"], Act),
    verb(["aim", "aims", "aimed", "aimed", "aiming"], Commit),
    verb(["hear", "hears", "heard", "heard", "hearing"], Thought),
    phrasal(
        ["walk", "walks", "walked", "walked", "walking"],
        Act,
        &["back"],
        true,
    ),
    phrasal(
        ["sound", "sounds", "sounded", "sounded", "sounding"],
        Act,
        &["off"],
        true,
    ),
    phrasal(
        ["hit", "hits", "hit", "hit", "hitting"],
        Act,
        &["back"],
        true,
    ),
    phrasal(
        ["fire", "fires", "fired", "fired", "firing"],
        Act,
        &["back"],
        true,
    ),
    phrasal(
        ["double", "doubles", "doubled", "doubled", "doubling"],
        Act,
        &["down"],
        true,
    ),
    phrasal(
        ["stand", "stands", "stood", "stood", "standing"],
        Act,
        &["by"],
        true,
    ),
    phrasal(
        ["come", "comes", "came", "come", "coming"],
        Act,
        &["out"],
        true,
    ),
    phrasal(
        ["make", "makes", "made", "made", "making"],
        Speech,
        &["clear"],
        true,
    ),
    phrasal(
        ["put", "puts", "put", "put", "putting"],
        Speech,
        &["it"],
        true,
    ),
];

/// Forms that are more often nouns than verbs ("the states", "a report", "his remarks"): as
/// cues they need "that", a colon or a subject pronoun right after them.
const NOUN_LIKE: &[&str] = &[
    "vent",
    "vents",
    "lecture",
    "lectures",
    "bill",
    "bills",
    "paint",
    "pitch",
    "pitches",
    "pressure",
    "pressures",
    "wish",
    "wishes",
    "snap",
    "rant",
    "rants",
    "sigh",
    "grill",
    "love",
    "aim",
    "aims",
    "fumes",
    "list",
    "lists",
    "voice",
    "voices",
    "detail",
    "details",
    "champion",
    "champions",
    "author",
    "authors",
    "releases",
    "share",
    "shares",
    "notice",
    "notices",
    "coin",
    "coins",
    "single",
    "singles",
    "side",
    "sides",
    "lay",
    "focus",
    "attribute",
    "attributes",
    "spar",
    "utter",
    "advocate",
    "advocates",
    "brush",
    "approve",
    "state",
    "states",
    "demand",
    "demands",
    "show",
    "shows",
    "report",
    "reports",
    "charge",
    "charges",
    "comment",
    "comments",
    "remark",
    "remarks",
    "claim",
    "claims",
    "note",
    "notes",
    "promise",
    "promises",
    "vow",
    "vows",
    "pledge",
    "pledges",
    "answer",
    "answers",
    "reply",
    "replies",
    "protest",
    "protests",
    "counter",
    "counters",
    "estimate",
    "estimates",
    "fears",
    "hopes",
    "doubts",
    "signal",
    "signals",
    "hint",
    "hints",
    "repeat",
    "repeats",
    "plan",
    "plans",
    "offer",
    "offers",
    "call",
    "calls",
    "attack",
    "attacks",
    "question",
    "questions",
    "support",
    "supports",
    "address",
    "addresses",
    "challenge",
    "challenges",
    "dispute",
    "disputes",
    "highlight",
    "highlights",
    "welcome",
    "echo",
    "echoes",
    "blast",
    "blasts",
    "slam",
    "slams",
    "praise",
    "blame",
    "tout",
    "mock",
    "thanks",
    "cite",
    "joke",
    "jokes",
    "quip",
    "quips",
    "tweet",
    "tweets",
    "find",
    "mention",
    "mentions",
    "decline",
    "declines",
    "refuse",
    "boast",
    "boasts",
    "post",
    "posts",
    "talks",
    "talk",
    "email",
    "emails",
    "quote",
    "quotes",
    "reference",
    "references",
    "outline",
    "outlines",
    "chant",
    "chants",
    "order",
    "orders",
    "back",
    "favor",
    "favour",
    "request",
    "requests",
    "view",
    "views",
    "vote",
    "votes",
    "insult",
    "insults",
    "label",
    "labels",
    "credit",
    "credits",
    "forecast",
    "forecasts",
    "embrace",
    "gripe",
    "gripes",
    "guess",
    "understanding",
];

/// A word found in the lexicon.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    /// The verb.
    pub(crate) verb: &'static Verb,
    /// Which form the word is.
    pub(crate) form: Form,
    /// Whether a subject that cannot be a noun's determiner (a name or a personal pronoun) stands
    /// right before the word, so it is a verb even in a form that is usually a noun ("Ruiz
    /// calls the plan a mistake").
    after_subject: bool,
    /// Whether an article or a possessive stands right before the word, so it heads a noun
    /// phrase whatever its form ("during the protests that …", "their support").
    after_determiner: bool,
}

impl Entry {
    /// How the verb takes its content.
    pub(crate) fn class(&self) -> Class {
        self.verb.class
    }

    /// The particles that belong to the cue when they follow the verb ("called for").
    pub(crate) fn particles(&self) -> &'static [&'static str] {
        self.verb.particles
    }

    /// Whether the word is a cue only before one of its particles ("talks about"), so alone it
    /// is most likely a noun ("the talks").
    pub(crate) fn needs_particle(&self) -> bool {
        self.verb.needs_particle
    }

    /// The base form ("say").
    pub(crate) fn base(&self) -> &'static str {
        self.verb.forms[0]
    }

    /// Whether the form is more often a noun ("reports", "remarks"), unless a subject stands
    /// before it; and whatever its form, right after an article or a possessive.
    pub(crate) fn noun_like(&self) -> bool {
        self.after_determiner
            || !self.after_subject && NOUN_LIKE.contains(&self.verb.forms[self.form as usize])
    }

    /// A gerund after a form of "to be" ("is saying", "were showing"), read as the finite verb
    /// it makes with it.
    pub(crate) fn progressive(self) -> Entry {
        Entry {
            form: Form::Present,
            after_subject: true,
            ..self
        }
    }

    /// The same word read as a verb after a name or a personal pronoun.
    pub(crate) fn after_subject(self) -> Entry {
        Entry {
            after_subject: true,
            ..self
        }
    }

    /// Whether the verb can stand before its subject after a quotation: "“…,” said Ortiz".
    pub(crate) fn inverts(&self) -> bool {
        matches!(self.verb.class, Class::Speech | Class::Ask)
            && matches!(self.form, Form::Past | Form::Present)
    }
}

static LOOKUP: LazyLock<HashMap<&'static str, Entry>> = LazyLock::new(|| {
    let mut lookup = HashMap::default();
    let forms = [
        Form::Base,
        Form::Present,
        Form::Past,
        Form::Participle,
        Form::Gerund,
    ];
    for verb in VERBS {
        for (word, form) in verb.forms.iter().zip(forms) {
            lookup.entry(*word).or_insert(Entry {
                verb,
                form,
                after_subject: false,
                after_determiner: false,
            });
        }
    }
    lookup
});

/// Forms that are some other word far more often than a reporting verb in news ("the states",
/// "maintained their lead", "continues to grow"), measured on the PolNeAR training split.
/// "support" is not among them: as a verb after a subject it states a stance PolNeAR counts.
const NOT_CUES: &[&str] = &[
    "like",
    "bill",
    "read",
    "rule",
    "rules",
    "issue",
    "issues",
    "issuing",
    "sign",
    "signs",
    "notices",
    "pass",
    "passes",
    "passing",
    "present",
    "presents",
    "press",
    "push",
    "release",
    "state",
    "states",
    "maintain",
    "maintained",
    "maintains",
    "continue",
    "continues",
    "continuing",
    "address",
    "addressed",
    "addresses",
];

/// The reporting verb `word` (lowercase) is a form of, if any.
pub(crate) fn reporting_verb(word: &str) -> Option<Entry> {
    let entry = LOOKUP.get(word).copied()?;
    (!NOT_CUES.contains(&word)).then_some(entry)
}

/// Adverbs that report hearsay with no source: "the talks reportedly stalled".
pub(crate) const HEARSAY_ADVERBS: &[&str] = &[
    "reportedly",
    "allegedly",
    "purportedly",
    "supposedly",
    "reputedly",
];

/// Past participles of impersonal passives: "it was reported that …", "it is believed that …".
pub(crate) const IMPERSONAL_PARTICIPLES: &[&str] = &[
    "reported",
    "said",
    "believed",
    "alleged",
    "claimed",
    "understood",
    "thought",
    "rumored",
    "rumoured",
    "expected",
    "feared",
    "announced",
    "known",
    "estimated",
    "argued",
    "suggested",
];

/// Words between a subject and its reporting verb that belong to the cue: auxiliaries,
/// negation and common adverbs ("has also said", "did not deny").
const CUE_PREFIXES: &[&str] = &[
    "has",
    "have",
    "had",
    "would",
    "will",
    "could",
    "may",
    "might",
    "should",
    "must",
    "did",
    "does",
    "do",
    "not",
    "n't",
    "didn't",
    "doesn't",
    "don't",
    "hasn't",
    "haven't",
    "hadn't",
    "wouldn't",
    "won't",
    "can't",
    "couldn't",
    "been",
    "also",
    "later",
    "then",
    "now",
    "again",
    "once",
    "even",
    "still",
    "further",
    "already",
    "earlier",
    "first",
    "never",
    "often",
    "soon",
    "recently",
    "previously",
    "repeatedly",
    "reportedly",
    "allegedly",
    "long",
    "always",
    "just",
    "ever",
];

/// Words ending in "-ly" that are not adverbs.
const NOT_ADVERBS: &[&str] = &[
    "family", "ally", "rally", "supply", "assembly", "reply", "anomaly", "july", "monopoly",
    "bully", "jelly", "belly", "fly", "italy", "only", "early", "holy", "lily", "daily", "weekly",
    "monthly", "nightly", "silly", "ugly", "friendly", "likely", "elderly", "lonely",
];

/// Whether the word at `idx` may stand between a subject and its verb as part of the cue.
pub(crate) fn cue_prefix(doc: &Doc, idx: usize) -> bool {
    let token = doc.token(idx);
    let word = token.lower.as_ref();
    // "has been saying" is the subject's own speech, "has been told" is a passive: its subject
    // heard it.
    if word == "been" && !doc.lower(idx + 1).ends_with("ing") {
        return false;
    }
    // "has not yet said"; alone, "yet" joins clauses ("…, yet refuses to …").
    let not_yet = word == "yet"
        && idx > 0
        && (matches!(doc.lower(idx - 1), "not" | "never") || doc.lower(idx - 1).ends_with("n't"));
    // "has at times said".
    let at_times = (word == "times" && idx > 0 && doc.lower(idx - 1) == "at")
        || (word == "at" && doc.lower(idx + 1) == "times");
    // "has so far refused", "has thus far declined"; before the auxiliary ("The board so far
    // has insisted") it is neither the subject's nor the cue's.
    let after_auxiliary = |at: usize| at > 0 && CUE_PREFIXES.contains(&doc.lower(at - 1));
    let so_far = (word == "far"
        && idx > 0
        && matches!(doc.lower(idx - 1), "so" | "thus")
        && after_auxiliary(idx - 1))
        || (matches!(word, "so" | "thus") && doc.lower(idx + 1) == "far" && after_auxiliary(idx));
    token.is_word()
        && !token.capitalized
        && (CUE_PREFIXES.contains(&word)
            || not_yet
            || at_times
            || so_far
            || (word.len() > 4 && word.ends_with("ly") && !NOT_ADVERBS.contains(&word)))
}

/// The reporting verb at token `idx`, if it is one: a lowercase form from the lexicon, followed
/// by its particle when it needs one ("pointed out").
pub(crate) fn verb_at(doc: &Doc, idx: usize) -> Option<Entry> {
    let token = doc.tokens.get(idx)?;
    if !token.is_word() || token.capitalized && !in_title_case(doc, idx) {
        return None;
    }
    if names_what_it_follows(doc, idx) {
        return None;
    }
    let mut entry = reporting_verb(&token.lower)?;
    // ("her" may be an object before a bare infinitive: "heard her say …".)
    entry.after_determiner = idx > 0
        && matches!(
            doc.lower(idx - 1),
            "the" | "a" | "an" | "his" | "its" | "their" | "our" | "my" | "your"
        );
    if entry.verb.needs_particle && !entry.particles().contains(&doc.lower(idx + 1)) {
        return None;
    }
    Some(entry)
}

/// Whether the word at `idx` is a "called" that names what a short indefinite description
/// before it stands for ("a group called the Velmar Harbour Party", "an app called Ferry"):
/// nobody is reported saying anything.
fn names_what_it_follows(doc: &Doc, idx: usize) -> bool {
    if doc.lower(idx) != "called" {
        return false;
    }
    let described = (idx.saturating_sub(4)..idx.saturating_sub(1))
        .rev()
        .find(|&at| matches!(doc.lower(at), "a" | "an"))
        .is_some_and(|article| {
            (article + 1..idx).all(|at| {
                let token = doc.token(at);
                token.is_word() && !token.capitalized
            })
        });
    let name_at = if doc.lower(idx + 1) == "the" {
        idx + 2
    } else {
        idx + 1
    };
    let capitalized = |at: usize| {
        doc.tokens
            .get(at)
            .is_some_and(|token| token.is_word() && token.capitalized)
    };
    if !described || !capitalized(name_at) {
        return false;
    }
    // "A spokesman called Ruiz a liar": a label after the name makes it a judgement.
    let after_name = (name_at..).find(|&at| !capitalized(at)).unwrap_or(name_at);
    !matches!(doc.lower(after_name), "a" | "an" | "the")
        && !doc
            .tokens
            .get(after_name)
            .is_some_and(|token| token.is_quote())
}

/// Whether the word at `idx` stands inside a headline written in title case ("Ruiz Says Port
/// Will Reopen"), where a capital letter does not make a verb a name: between two capitalized
/// words, in a sentence of at least four words of which at least two thirds are capitalized.
fn in_title_case(doc: &Doc, idx: usize) -> bool {
    let sentence = doc.sentence_of(idx);
    let capitalized_word = |at: usize| {
        doc.tokens
            .get(at)
            .is_some_and(|token| token.is_word() && token.capitalized)
    };
    // The verb may also close the headline: "Port Will Reopen, Ruiz Says."
    let closes_headline = doc
        .tokens
        .get(idx + 1)
        .is_none_or(|next| idx + 1 >= sentence.end || next.is_terminal());
    if idx <= sentence.start
        || !capitalized_word(idx - 1)
        || !(capitalized_word(idx + 1) || closes_headline)
    {
        return false;
    }
    // A headline is short; the count stops there so a long sentence costs nothing more.
    let words = doc.tokens[sentence.start..sentence.end.min(sentence.start + 40)]
        .iter()
        .filter(|token| token.is_word());
    let (n_words, n_capitalized) = words.fold((0, 0), |(n_words, n_capitalized), token| {
        (n_words + 1, n_capitalized + usize::from(token.capitalized))
    });
    n_words >= 4 && n_capitalized * 3 >= n_words * 2
}

/// The first and last token of the cue around the verb at `verb`: up to four auxiliaries and
/// adverbs before it (not reaching before `floor`) and its particle after it.
pub(crate) fn extent(doc: &Doc, verb: usize, floor: usize) -> (usize, usize) {
    let mut first = verb;
    while first > floor && verb - first < 4 && cue_prefix(doc, first - 1) {
        first -= 1;
    }
    let particle = reporting_verb(doc.lower(verb))
        .is_some_and(|entry| entry.particles().contains(&doc.lower(verb + 1)));
    (first, if particle { verb + 1 } else { verb })
}
