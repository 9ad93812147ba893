//! The boilerplate classifier shared by plain text, HTML and feeds: one paragraph or line in, its
//! shape out (caption, widget, related links, cookie notice, comment footer, contact line,
//! editor's note, byline, date line), from a small lexicon of general phrases in English, French,
//! German, Spanish and Russian.
//!
//! Every rule looks at one unit alone; rules that depend on position (the title, repeated lines,
//! the headlines after a "Related" marker, a signature at the end) live in [`crate::text`].
//! Units longer than [`MAX_SHAPE_WORDS`] words (or [`MAX_SHAPE_BYTES`] bytes) are article text by
//! definition, apart from an editor's note, so no rule ever removes a long paragraph for a phrase inside it, and the cost
//! per unit stays bounded whatever the input.

use crate::date::find_date;
use chrono::NaiveDate;
use parallax_model::{MONTH_NAMES, RemovalReason, WEEKDAY_NAMES};
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// Units with more words than this are never boilerplate, except an editor's note.
pub(crate) const MAX_SHAPE_WORDS: usize = 120;
/// Units longer than this many bytes are never boilerplate either, except an editor's note; it
/// keeps a huge unit with few spaces from going through every pattern.
const MAX_SHAPE_BYTES: usize = 4000;

/// What a unit of text is, when it is not article text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Shape {
    Caption,
    Widget,
    /// A marker that starts a block of links to other articles: "Related", "Previous Article".
    RelatedMarker,
    /// A link to another article with its marker on the same line: "Read also: ...".
    Related,
    Cookie,
    Comments,
    Contact,
    EditorNote,
    Byline {
        authors: Vec<String>,
        published: Option<NaiveDate>,
    },
    /// A line that is only the page's date ("Published 3 May 2026, 10:02"); not a wire
    /// dateline opening a report ("PORTVALE (Wire) -"), which `parallax_model::dateline_len`
    /// reads.
    DateLine {
        published: Option<NaiveDate>,
    },
    /// A syndication credit: "Source: Vell Wire", "This article first appeared on …", with the
    /// outlet it names when that reads as a name.
    Syndication {
        outlet: Option<String>,
    },
    /// A print edition's running header, "THE LEDGER — MONDAY 4 MAY 2026 — PAGE 3": the paper
    /// and the edition's date.
    RunningHeader {
        outlet: Option<String>,
        published: Option<NaiveDate>,
    },
}

impl Shape {
    pub(crate) fn reason(&self) -> RemovalReason {
        match self {
            Shape::Caption => RemovalReason::Caption,
            Shape::Widget => RemovalReason::Widget,
            Shape::RelatedMarker | Shape::Related => RemovalReason::Related,
            Shape::Cookie => RemovalReason::Cookie,
            Shape::Comments => RemovalReason::Comments,
            Shape::Contact => RemovalReason::Contact,
            Shape::EditorNote => RemovalReason::EditorNote,
            Shape::Byline { .. } | Shape::DateLine { .. } | Shape::RunningHeader { .. } => {
                RemovalReason::Byline
            }
            Shape::Syndication { .. } => RemovalReason::Syndication,
        }
    }
}

// The lexicon. Keys are compared after `lexicon_key`: lowercase, curly apostrophes made
// straight, leading bullets and trailing punctuation dropped. Phrases are general: none names an
// outlet, a person or an event.

/// Calls to action that make up a whole unit.
const WIDGET_EXACT: &[&str] = &[
    "live",
    "auto-refresh is on",
    "auto-refresh is off",
    "premium",
    "subscriber exclusive",
    "members only",
    "advert · close",
    // English.
    "no time to read",
    "get a summary",
    "summary",
    "read more",
    "read next",
    "read the full story",
    "read the full article",
    "read article",
    "continue reading",
    "keep reading",
    "show more",
    "load more",
    "see more",
    "subscribe",
    "subscribe now",
    "sign up",
    "sign in",
    "log in",
    "register",
    "sign up for our newsletter",
    "sign up to our newsletter",
    "subscribe to our newsletter",
    "newsletter",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share this page",
    "share on facebook",
    "share on twitter",
    "tweet",
    "print",
    "print this article",
    "email",
    "e-mail",
    "copy link",
    "copy url",
    "click here",
    "advertisement",
    "advertising",
    "ad",
    "sponsored",
    "sponsored content",
    "story continues below",
    "story continues after this message",
    "article continues after this message",
    "story continues below advertisement",
    "article continues below",
    "article continues after advertisement",
    "continue reading below",
    "listen to this article",
    "listen",
    "skip to main content",
    "skip to content",
    "back to top",
    "download the app",
    "get the app",
    "follow us",
    "follow us on social media",
    "watch video",
    "play video",
    "watch",
    "loading",
    "menu",
    "search",
    "close",
    "accept",
    "got it",
    "add to favorites",
    "bookmark",
    "save",
    "save article",
    "gift this article",
    "comment",
    // French.
    "lire la suite",
    "abonnez-vous",
    "s'abonner",
    "partager",
    "partager cet article",
    "inscrivez-vous à notre newsletter",
    "publicité",
    "cliquez ici",
    "voir plus",
    "écouter cet article",
    "suivez-nous",
    "imprimer",
    // German.
    "weiterlesen",
    "mehr lesen",
    "teilen",
    "artikel teilen",
    "jetzt abonnieren",
    "abonnieren",
    "newsletter abonnieren",
    "anzeige",
    "werbung",
    "hier klicken",
    "mehr anzeigen",
    "artikel vorlesen",
    "folgen sie uns",
    "drucken",
    // Spanish.
    "leer más",
    "seguir leyendo",
    "suscríbete",
    "suscribirse",
    "compartir",
    "comparte este artículo",
    "publicidad",
    "haz clic aquí",
    "haga clic aquí",
    "ver más",
    "síguenos",
    "escuchar",
    "imprimir",
    // Russian.
    "читать далее",
    "читать полностью",
    "подписаться",
    "подпишитесь",
    "поделиться",
    "реклама",
    "нажмите здесь",
    "показать ещё",
    "показать еще",
    "слушать",
    "распечатать",
];

/// Calls to action that begin a short unit.
const WIDGET_PREFIX: &[&str] = &[
    "sign up for",
    "swipe for",
    "swipe to",
    "turn on alerts",
    "turn on notifications",
    "sign up to",
    "subscribe to",
    "subscribe for",
    "click here",
    "follow us on",
    "share this",
    "share on",
    "download our app",
    "download the app",
    "get the app",
    "get our newsletter",
    "get the latest",
    "listen to this",
    "advertisement",
    "no time to read",
    "get a summary",
    "join our",
    "support our journalism",
    "support independent journalism",
    "become a member",
    "already a subscriber",
    "already have an account",
    "to continue reading",
    "you have reached your",
    "you've reached your",
    "log in to",
    "sign in to",
    "inscrivez-vous",
    "abonnez-vous",
    "téléchargez notre application",
    "melden sie sich",
    "abonnieren sie",
    "jetzt abonnieren",
    "suscríbete",
    "suscríbase",
    "descarga nuestra",
    "подпишитесь на",
    "подписывайтесь на",
    "скачайте наше",
];

/// Words for a short version of the article that a summary widget offers ("Get this story in
/// three bullet points", "Tap here for the 20-second version").
const SUMMARY_OFFERS: &[&str] = &[
    "summary",
    "summaries",
    "version",
    "this story in",
    "key facts",
    "briefing",
    "recap",
    "key points",
    "bullet points",
    "bullets",
    "gist",
    "highlights",
    "takeaways",
    "tl;dr",
    "tldr",
    "digest",
    "at a glance",
    "in brief",
    "résumé",
    "l'essentiel",
    "zusammenfassung",
    "das wichtigste",
    "resumen",
    "lo esencial",
    "кратко",
    "краткое содержание",
    "главное",
];

/// Words that, near the start of a unit, name the machine-made short version or reading it
/// speaks about ("Quick recaps are generated automatically", "Audio is machine-generated").
const SUMMARY_SUBJECTS: &[&str] = &[
    "summary",
    "audio",
    "narration",
    "summaries",
    "version",
    "versions",
    "key facts",
    "briefing",
    "briefings",
    "recap",
    "recaps",
    "key points",
    "bullet points",
    "bullets",
    "highlights",
    "takeaways",
    "gist",
    "digest",
    "résumé",
    "résumés",
    "zusammenfassung",
    "zusammenfassungen",
    "resumen",
    "resúmenes",
    "краткое содержание",
];

/// Words saying that something was made by a program rather than a person.
const GENERATED_BY_MACHINE: &[&str] = &[
    "generated",
    "automatic",
    "automatically",
    "automated",
    "software",
    "tool",
    "machine",
    "computer",
    "algorithm",
    "artificial intelligence",
    "ai",
    "bot",
    "générés automatiquement",
    "généré automatiquement",
    "automatisch",
    "automáticamente",
    "автоматически",
];

/// Phrases by which a site promotes itself to the reader: newsletters, apps, forums, social
/// accounts, feedback. A paragraph holding one is boilerplate only at the end of an article
/// ([`is_promotion`]); in the body it may be reported speech.
const PROMOTION_PHRASES: &[&str] = &[
    "click here",
    "sign up",
    "subscribe to",
    "subscribe now",
    "join our",
    "follow us",
    "follow him on",
    "follow her on",
    "follow me on",
    "let us know",
    "tell us what you think",
    "send us",
    "our newsletter",
    "delivered to your inbox",
    "to your inbox",
    "download our",
    "get the app",
    "share your thoughts",
    "leave your thoughts",
    "abonnez-vous",
    "inscrivez-vous",
    "suivez-nous",
    "abonnieren sie",
    "folgen sie uns",
    "suscríbete",
    "síguenos",
    "подписывайтесь",
    "подпишитесь",
];

/// Words that, all together and nothing else, make a row of share buttons.
const SHARE_BUTTONS: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "telegram",
    "linkedin",
    "email",
    "e-mail",
    "mail",
    "print",
    "copy",
    "link",
    "url",
    "reddit",
    "pinterest",
    "vk",
    "vkontakte",
    "odnoklassniki",
    "viber",
    "messenger",
    "share",
    "tweet",
    "flipboard",
    "pocket",
    "threads",
    "bluesky",
    "mastodon",
    "signal",
    "instagram",
    "youtube",
    "tiktok",
    "sms",
];

/// Markers that make up a whole unit and start a block of links to other articles.
const RELATED_MARKERS: &[&str] = &[
    // English.
    "previous article",
    "next article",
    "previous",
    "next",
    "previous post",
    "next post",
    "previous story",
    "next story",
    "related",
    "related articles",
    "related stories",
    "related news",
    "related content",
    "related posts",
    "related coverage",
    "related topics",
    "more stories",
    "more news",
    "more on this story",
    "more on this topic",
    "more like this",
    "you may also like",
    "you might also like",
    "you may be interested in",
    "you might be interested in",
    "recommended",
    "recommended for you",
    "recommended stories",
    "read also",
    "also read",
    "see also",
    "also on",
    "further reading",
    "previously in this series",
    "more in this series",
    "also in this series",
    "keep exploring",
    "explore more",
    "more to explore",
    "discover more",
    "don't miss",
    "latest news",
    "latest stories",
    "top stories",
    "most read",
    "most popular",
    "most shared",
    "readers also skimmed",
    "readers also read",
    "readers also liked",
    "readers also viewed",
    "most shared this week",
    "most shared today",
    "most read this week",
    "most read today",
    "popular",
    "trending",
    "trending now",
    "editor's picks",
    "tags",
    "topics",
    // French.
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "sur le même sujet",
    "voir aussi",
    "dans la même rubrique",
    "les plus lus",
    "article précédent",
    "article suivant",
    // German.
    "mehr zum thema",
    "das könnte sie auch interessieren",
    "auch interessant",
    "lesen sie auch",
    "weitere artikel",
    "meistgelesen",
    "vorheriger artikel",
    "nächster artikel",
    // Spanish.
    "lee también",
    "te puede interesar",
    "también te puede interesar",
    "noticias relacionadas",
    "más noticias",
    "lo más leído",
    "artículo anterior",
    "artículo siguiente",
    // Portuguese.
    "leia também",
    "leia mais",
    "veja também",
    "você pode gostar",
    "você também pode gostar",
    "notícias relacionadas",
    "artigos relacionados",
    "posts relacionados",
    "mais lidas",
    // Italian.
    "leggi anche",
    "potrebbe interessarti",
    "articoli correlati",
    "notizie correlate",
    "i più letti",
    // Russian.
    "читайте также",
    "смотрите также",
    "по теме",
    "похожие новости",
    "другие новости",
    "новости по теме",
    "самое читаемое",
    "предыдущая статья",
    "следующая статья",
];

/// Beginnings of a heading over other articles of a section or outlet: "More News from Sci-Tech",
/// "More from The Courier".
const RELATED_FROM: &[&str] = &[
    "more on",
    "more in",
    "also on",
    "from around the web",
    "around the web",
    "trending on",
    "most read on",
    "popular on",
    "more news from",
    "more stories from",
    "more articles from",
    "more from",
    "latest from",
    "mehr aus",
];

/// Most words of a heading that [`RELATED_FROM`] begins.
const MAX_RELATED_FROM_WORDS: usize = 6;

/// Markers that begin a short unit holding one related link ("Read also: Headline").
const RELATED_PREFIX: &[&str] = &[
    "read also",
    "read more",
    "read next",
    "skim next",
    "watch next",
    "keep reading",
    "continue reading",
    "up next",
    "also read",
    "see also",
    "related",
    "more from",
    "more on",
    "also on",
    "tags",
    "topics",
    "filed under",
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "voir aussi",
    "lesen sie auch",
    "mehr zum thema",
    "lee también",
    "leer más",
    "ver también",
    "читайте также",
    "смотрите также",
    "читать также",
];

/// Comment-system lines that make up a whole unit or begin a short one.
const COMMENTS_PREFIX: &[&str] = &[
    "comments are closed",
    "comments have been closed",
    "comments closed",
    "commenting is closed",
    "commenting has been disabled",
    "you must be logged in to post a comment",
    "log in to comment",
    "leave a comment",
    "leave a reply",
    "add a comment",
    "post a comment",
    "show comments",
    "view comments",
    "load comments",
    "join the discussion",
    "join the conversation",
    "comments are off",
    "comments are turned off",
    "comments are disabled",
    "les commentaires sont fermés",
    "laisser un commentaire",
    "ajouter un commentaire",
    "kommentar schreiben",
    "kommentare sind geschlossen",
    "die kommentarfunktion",
    "deja un comentario",
    "deja tu comentario",
    "los comentarios están cerrados",
    "оставить комментарий",
    "комментарии закрыты",
    "добавить комментарий",
];

/// Words of a comment section's rules ("BriefBay removes comments that break our house rules").
const COMMENT_RULES: &[&str] = &[
    "house rules",
    "community guidelines",
    "community standards",
    "our rules",
    "moderation policy",
];

/// Openings of an editor's note about the author or the article.
const EDITOR_NOTE_PREFIX: &[&str] = &[
    "editor's note",
    "editors' note",
    "editors note",
    "editor note",
    "note from the editor",
    "note to readers",
    "about the author",
    "about the writer",
    "note de la rédaction",
    "n.d.l.r",
    "ndlr",
    "anmerkung der redaktion",
    "hinweis der redaktion",
    "nota del editor",
    "nota de la redacción",
    "nota de los editores",
    "примечание редакции",
    "от редакции",
];

/// Phrases inviting readers to get in touch.
const CONTACT_PHRASES: &[&str] = &[
    "contact us",
    "contact the author",
    "contact the writer",
    "write to us",
    "email us",
    "e-mail us",
    "send us your",
    "contactez-nous",
    "écrivez-nous",
    "kontaktieren sie uns",
    "schreiben sie uns",
    "contáctenos",
    "contacta con nosotros",
    "escríbenos",
    "свяжитесь с нами",
    "пишите нам",
    "напишите нам",
];

/// Copyright phrases in the five languages.
const RIGHTS_RESERVED: &[&str] = &[
    "all rights reserved",
    "tous droits réservés",
    "alle rechte vorbehalten",
    "todos los derechos reservados",
    "все права защищены",
];

/// Words that mark a cookie notice together with "cookie": consent and its buttons.
const COOKIE_CONSENT: &[&str] = &[
    "accept",
    "agree",
    "consent",
    "opt-out",
    "opt out",
    "privacy policy",
    "cookie policy",
    "cookie settings",
    "preferences",
    "options",
    "settings",
    "got it",
    "understood",
    "accepter",
    "acceptez",
    "consentement",
    "politique de confidentialité",
    "akzeptieren",
    "zustimmen",
    "einwilligung",
    "datenschutz",
    "aceptar",
    "acepta",
    "consentimiento",
    "política de privacidad",
    "принять",
    "согласие",
    "соглашаетесь",
    "конфиденциальности",
];

/// Words by which a site speaks of itself in a cookie notice; a news sentence about cookies does
/// not say "this website".
const COOKIE_SELF: &[&str] = &[
    "this site",
    "this page",
    "this website",
    "our site",
    "our website",
    "we use",
    "we count",
    "we set",
    "we store",
    "we place",
    "no trackers",
    "uses cookies",
    "our partners",
    "ce site",
    "notre site",
    "nous utilisons",
    "diese website",
    "unsere website",
    "wir verwenden",
    "wir nutzen",
    "este sitio",
    "nuestro sitio",
    "utilizamos",
    "этот сайт",
    "наш сайт",
    "мы используем",
];

/// Words a date line may hold besides the date: labels, weekdays, time zones (the English
/// weekdays are [`WEEKDAY_NAMES`]).
const DATE_LINE_WORDS: &[&str] = &[
    "published",
    "updated",
    "last",
    "posted",
    "modified",
    "date",
    "on",
    "at",
    "am",
    "pm",
    "a",
    "m",
    "p",
    "gmt",
    "utc",
    "est",
    "edt",
    "cet",
    "cest",
    "bst",
    "pst",
    "pdt",
    "msk",
    "et",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "le",
    "publié",
    "mis",
    "à",
    "jour",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "um",
    "uhr",
    "veröffentlicht",
    "aktualisiert",
    "stand",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "el",
    "publicado",
    "actualizado",
    "las",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
    "опубликовано",
    "обновлено",
    "в",
    "г",
    "года",
    "мск",
    "понедельник",
    "вторник",
    "среда",
    "четверг",
    "пятница",
    "суббота",
    "воскресенье",
];

/// Words that cannot be a person's name in a byline, besides the weekdays and the months
/// ([`WEEKDAY_NAMES`], [`MONTH_NAMES`]) other than "May", which is a name too.
const NOT_NAMES: &[&str] = &[
    "the",
    "our",
    "staff",
    "writer",
    "writers",
    "reporter",
    "reporters",
    "correspondent",
    "editor",
    "editors",
    "contributor",
    "columnist",
    "bureau",
    "news",
    "desk",
    "team",
];

struct Patterns {
    byline: Regex,
    credits: Regex,
    signature: Regex,
    caption_slash: Regex,
    caption_pipe: Regex,
    caption_paren: Regex,
    caption_paren_credit: Regex,
    caption_lead: Regex,
    caption_credit: Regex,
    caption_glued_credit: Regex,
    price_per_period: Regex,
    available_at_the_source: Regex,
    /// A print edition's own lines: "Continued on Page 4", "INSIDE TODAY: Letters, Page 12 ·
    /// …", the imprint ("Published by … Ltd, 14 Quay Street"); and a helpline notice ("If you
    /// have been affected by this story, …").
    print_edition: Regex,
    give_at_address: Regex,
    email: Regex,
    email_in_parentheses: Regex,
    copyright: Regex,
    comment_count: Regex,
    comments_powered: Regex,
    comments_moderated: Regex,
    comments_tally: Regex,
    correction_request: Regex,
    disclaimer: Regex,
    reading_time: Regex,
    relative_time: Regex,
    clock_time: Regex,
    summary_offer: Regex,
    syndication: Regex,
    outlet_end: Regex,
    note_author: Regex,
    note_author_apposition: Regex,
}

/// One capitalized name word: "Mara", "O'Neill", "J.", "Jean-Luc".
const NAME_WORD: &str = r"\p{Lu}[\p{L}\p{M}'’.\-]*";
/// Lowercase particles inside names: "van", "de la".
const NAME_PARTICLE: &str = r"(?:de|da|di|del|della|van|von|der|den|la|le|du|bin|ibn|al|el)";

static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| {
    let name = format!(r"{NAME_WORD}(?:\s+(?:{NAME_PARTICLE}\s+)?{NAME_WORD}){{1,3}}");
    let compile = |pattern: &str| Regex::new(pattern).expect("the boilerplate patterns are valid");
    Patterns {
        byline: compile(&format!(
            r"^(?i:by|written by|words by|text by|story by|par|von|por|автор|текст)\s*:?\s+(?P<names>{name}(?:\s*(?:,|\band\b|&|\bund\b|\bet\b|\by\b|\bи\b)\s*{name})*)(?:\s*(?:[,|•·;—–]|\s-\s|\bin\b)\s*(?P<rest>.*))?$"
        )),
        credits: compile(
            r"^\(?(?i:(?:additional\s+)?reporting|writing|editing|compiled|translated|translation)\s+by\b",
        ),
        signature: compile(&format!(
            r"^(?:[—–-]\s*)?(?P<name>{name})\s*(?:,\s*(?P<outlet>[\p{{Lu}}\p{{N}}][^,]{{1,60}}|[\p{{L}}\p{{N}}-]+\.[\p{{L}}]{{2,}}))?$"
        )),
        caption_slash: compile(
            r"(?:^|[\s.,;:)\]])/\s*\p{Lu}[\p{L}.&'’-]*(?:\s+(?:via\s+)?\p{Lu}[\p{L}.&'’-]*){0,4}\s*$",
        ),
        caption_pipe: compile(
            r"\|\s*(?:\p{Lu}[\p{Lu}.&'’ /-]{1,40}|(?i:photo|foto|фото|image|credit)[^|]{0,60})$",
        ),
        caption_paren: compile(
            r"(?i)\((?:photo|photograph|picture|image|video|foto|фото|imagen|bild|credit|crédit)s?\b[^()]{0,100}\)\s*\.?$",
        ),
        // "… on Tuesday. (Morning Post / Ida Strand)": the outlet and the photographer.
        caption_paren_credit: compile(r"\(\p{Lu}[^()/]{0,40}\s/\s\p{Lu}[^()/]{0,40}\)\s*\.?$"),
        caption_lead: compile(
            r"(?i)^(?:photo|photograph|picture|image|video|foto|фото|imagen|bild|illustration|credit|crédit photo|photo credit|image credit)s?\s*(?:credit\s*)?[:|]",
        ),
        caption_credit: compile(
            r"(?:^|[|/(—–:]\s*|\s-\s*)(?:photo|photograph|image|picture|video)s?\s+(?:by|courtesy|credit)\b|\bfile photo\b|\(pictured\)|\bcrédit photo\b|(?:^|\.\s+)(?:photo|photograph|picture|image)s?\s*:\s*[^.:]{1,60}$",
        ),
        // A picture's credit scraped onto its caption with no space: "… at the Capitol.
        // CreditAna Ruiz/Wire Agency".
        caption_glued_credit: compile(
            r#"(?:^|[.!?\u{201d}"\u{2019})\]])\s*Credit\p{Lu}[^.!?]{0,80}$"#,
        ),
        price_per_period: compile(
            r"\b(?:from|for|at)\s+\d+(?:[.,]\d+)?\s*\S{0,12}\s+a\s+(?:month|week|year)\b",
        ),
        print_edition: compile(
            r"^(?:continued\s+(?:on|from)\s+(?:page|p\.)\s*\d+|inside(?:\s+today)?:\s.{0,200}\bpage\b|(?:published|printed)(?:\s+and\s+(?:published|printed))?\s+by\s+\S|if\s+you(?:'ve|\s+have)?\s+(?:been|are)\s+affected\s+by\b)",
        ),
        available_at_the_source: compile(
            r"^(?:more|further|full|all)\s+(?:updates|coverage|details|reporting|stories)\b.{0,80}\bat\s+the\s+(?:source|original)\b|^(?:(?:continue|keep|finish)\s+reading|read\s+the\s+(?:full|whole|rest\s+of\s+the)\s+(?:story|article|report|piece))\s+(?:at|on)\s|\bthe\s+(?:full|whole|complete)\s+(?:article|story|text|report)\s+is\s+(?:available\s+)?(?:on|at)\s+(?:the\s+)?(?:publisher|original|source)",
        ),
        give_at_address: compile(
            r"(?:^|[.!?]\s+)(?:give|donate|contribute|chip\s+in)\b[^.!?]{0,30}?\b(?:at|via|on)\s+(?:https?://)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?$",
        ),
        email: compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
        email_in_parentheses: compile(r"\([^()]*[\w.+-]+@[\w-]+(?:\.[\w-]+)+[^()]*\)"),
        copyright: compile(r"(?i)^(?:©|℗|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}))"),
        comment_count: compile(
            r"^(?:\d+\s+)?(?:comments?|replies|responses|commentaires?|kommentare?|comentarios?|комментари\w*)(?:\s*\(\d+\)|\s*:\s*\d+)?(?:\s*[·|•—–]\s.*)?$",
        ),
        comments_powered: compile(r"^(?:comments?\s+)?powered\s+by\b|^comments?\s+(?:by|via)\b"),
        comments_tally: compile(
            r"\b\d+\s+readers?\s+(?:have|has)\s+(?:weighed\s+in|commented|responded|had\s+their\s+say)\b",
        ),
        comments_moderated: compile(
            r"^(?:reader\s+)?comments?\s+(?:are|is)\s+(?:hosted|moderated|pre-moderated|reviewed|checked|provided|managed)\b",
        ),
        correction_request: compile(
            r"(?:^|[.?!]\s+|\()(?:to\s+report\s+an?\s+(?:error|mistake|correction)|(?:spotted|spot|seen|see|found|noticed?)\s+an?\s+(?:error|mistake|typo)\b)",
        ),
        disclaimer: compile(
            r"(?i)(?:\b(?:views|opinions)\s+expressed\b.{0,160}\b(?:author|writer|contributor|columnist)s?\b|\breflects?\s+(?:only\s+)?the\s+(?:author|writer)(?:'s|’s|s'|s’)?\s+(?:own\s+)?(?:views|opinions?)\b|^(?:this|the)\s+(?:article|story|piece|column|interview)\s+(?:was\s+)?(?:originally|first)\s+(?:published|appeared)\b|^a\s+version\s+of\s+this\s+(?:article|story)\b|^(?:this|the)\s+(?:post|article|page|story)\s+(?:may\s+)?contains?\s+(?:affiliate|sponsored|referral)\b|^this\s+(?:article|story|piece|column|post)\s+(?:was|has\s+been)\s+(?:amended|corrected|updated|changed|edited)\b|^an?\s+(?:earlier|previous)\s+version\s+of\s+this\s+(?:article|story|piece|entry|post|update|report)\b|^(?:corrected|clarified|amended)\s+(?:at|on)\s+[^:.]{1,40}:|^updated\s+(?:at|on)\s+[^.]{0,40}?\b(?:with|to\s+(?:include|add|reflect|correct|clarify))\b|^the\s+post\s+.{1,200}\s+appeared\s+first\s+on\b)",
        ),
        reading_time: compile(
            r"^(?:\d+\s*(?:min|mins|minutes?)\.?\s*(?:read|de lecture|lesezeit|de lectura|чтения)|(?:reading time|temps de lecture|lesezeit|tiempo de lectura|время чтения)\s*:?\s*(?:\d|~).*)$",
        ),
        relative_time: compile(
            r"^(?:(?:updated|posted|published)\s+)?(?:\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago|il y a \d+\s+\w+|vor \d+\s+\w+|hace \d+\s+\w+|\d+\s+\w+\s+назад)$",
        ),
        clock_time: compile(r"(?i)\b\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?"),
        // A short question, then the offer: "Busy morning? Get this story in three bullet points".
        summary_offer: compile(r"^(?P<question>[^?.!]{1,40}\?)\s+(?P<offer>[^?]+)$"),
        // The credit opens the unit; the outlet follows it. Matched on the unit as written, so
        // that the outlet keeps its capitals.
        syndication: compile(
            r"(?i)^(?:(?:source|via|courtesy of|syndicated from|distributed by|republished from|reprinted from)\s*:\s*|(?:this|the)\s+(?:article|story|piece|report|post|column)\s+(?:was\s+|is\s+)?(?:originally\s+|first\s+)(?:published|appeared|ran)\s+(?:on|in|by|at)\s+|originally\s+(?:published|appeared)\s+(?:on|in|by|at)\s+|(?:republished|reprinted)\s+(?:with\s+permission\s+)?(?:from|courtesy\s+of)\s+)(?P<outlet>.+)$",
        ),
        outlet_end: compile(
            r"(?:\s+(?:and|under|with|on|as|where)\s|\s+in\s+\d|[,;(|]|\.\s|\.$|\s[—–-]\s)",
        ),
        note_author: compile(&format!(
            r"^[^:]{{1,40}}:\s*(?P<name>{name})\s+(?:is|was|has been)\s+(?:a|an|the|now)\b"
        )),
        note_author_apposition: compile(&format!(
            r"^[^:]{{1,40}}:\s*(?P<name>{name}),\s+(?:a|an|the)\s[^,]{{1,160}},\s*(?:is|was|has|writes|wrote)\b"
        )),
    }
});

/// The unit lowercased for lexicon lookups, with curly apostrophes made straight, leading bullets
/// and trailing punctuation dropped.
pub(crate) fn lexicon_key(unit: &str) -> String {
    let mut lower = unit.to_lowercase();
    if lower.contains(['’', '‘', '`']) {
        lower = lower.replace(['’', '‘', '`'], "'");
    }
    let trimmed = lower
        .trim_start_matches(|ch: char| {
            ch.is_whitespace()
                || matches!(
                    ch,
                    '•' | '·' | '-' | '–' | '—' | '»' | '›' | '>' | '|' | '*' | '#' | '▶' | '►'
                )
        })
        .trim_end_matches(|ch: char| {
            ch.is_whitespace()
                || matches!(
                    ch,
                    '.' | '!'
                        | '?'
                        | ':'
                        | ';'
                        | ','
                        | '…'
                        | '|'
                        | '»'
                        | '›'
                        | '>'
                        | '→'
                        | '▶'
                        | '►'
                        | '—'
                        | '–'
                )
        });
    if trimmed.len() == lower.len() {
        // Nothing was trimmed: the lowercased unit is the key, without a copy.
        return lower;
    }
    trimmed.to_string()
}

fn starts_with_phrase(key: &str, phrase: &str) -> bool {
    key.strip_prefix(phrase).is_some_and(|rest| {
        rest.chars()
            .next()
            .is_none_or(|next| !next.is_alphanumeric())
    })
}

fn contains_any(key: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|phrase| key.contains(phrase))
}

/// Counts the words of `text`, stopping early past `limit` (at most `limit + 1`): runs between
/// whitespace, except that in scripts written without spaces (Chinese, Japanese, Thai, …) each
/// character counts as a word, as Unicode's word boundaries (UAX #29) split them. Counting the
/// runs alone made a Japanese article of many sentences a few "words", too short to keep.
pub(crate) fn count_words_up_to(text: &str, limit: usize) -> usize {
    // ASCII text, the most common, is split without decoding characters; the vertical tab is
    // the one ASCII space that the ASCII split does not know.
    if text.is_ascii() && !text.as_bytes().contains(&0x0b) {
        return text
            .split_ascii_whitespace()
            .take(limit.saturating_add(1))
            .count();
    }
    let mut n_words = 0;
    for run in text.split_whitespace() {
        // Most runs are ASCII, one word each, with no character to look at.
        if run.is_ascii() {
            n_words += 1;
            if n_words > limit {
                return limit + 1;
            }
            continue;
        }
        let n_unspaced = run.chars().filter(|&c| is_unspaced_script(c)).count();
        // A run mixing scripts ("iPhoneを") counts its spaced part once.
        let has_spaced_part = run
            .chars()
            .any(|c| c.is_alphanumeric() && !is_unspaced_script(c));
        n_words += n_unspaced + usize::from(n_unspaced == 0 || has_spaced_part);
        if n_words > limit {
            return limit + 1;
        }
    }
    n_words
}

/// Counts the words of `text` as [`count_words_up_to`] does, without a limit.
pub(crate) fn count_words(text: &str) -> usize {
    count_words_up_to(text, usize::MAX - 1)
}

/// Whether `c` is a letter of a script written without spaces between words: Han, kana, Thai,
/// Lao, Khmer, Myanmar.
fn is_unspaced_script(c: char) -> bool {
    matches!(
        c,
        '\u{3040}'..='\u{30FF}'
            | '\u{31F0}'..='\u{31FF}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{FF66}'..='\u{FF9F}'
            | '\u{20000}'..='\u{2FFFF}'
            | '\u{0E00}'..='\u{0EFF}'
            | '\u{1000}'..='\u{109F}'
            | '\u{1780}'..='\u{17FF}'
    ) && c.is_alphanumeric()
}

/// Whether a unit ends like a sentence: with a period (not an ellipsis), a comma, a semicolon or
/// a colon.
pub(crate) fn ends_like_sentence(unit: &str) -> bool {
    let trimmed = unit.trim_end_matches(['"', '”', '’', '\'', '»', ')', ']']);
    if trimmed.ends_with("...") || trimmed.ends_with('…') {
        return false;
    }
    trimmed.ends_with(['.', ',', ';', ':'])
}

/// Whether a unit is shaped like a headline: 1 to 20 words and no sentence ending.
pub(crate) fn is_headline_like(unit: &str) -> bool {
    let n_words = count_words_up_to(unit, 20);
    (1..=20).contains(&n_words) && !ends_like_sentence(unit)
}

/// Words one of which every disclaimer ("the views expressed…") holds: a cheap check before
/// the disclaimer pattern.
const DISCLAIMER_WORDS: &[&str] = &[
    "expressed",
    "reflect",
    "published",
    "appeared",
    "version",
    "contain",
    "amended",
    "corrected",
    "clarified",
];

/// Whether [`classify`] may find `unit` to be one of the shapes that carry metadata: an
/// editor's note, a byline or a syndication credit. `false` means it cannot (short of letters
/// that only Unicode case folding equates, such as the long s); `true` only means that the unit
/// opens or holds a word those shapes need. It looks for words, not patterns, so a caller that
/// needs only the metadata can skip the full classification of most units.
pub(crate) fn may_carry_metadata(unit: &str) -> bool {
    const NOTE_WORDS: &[&str] = &[
        // The editor's note openings (EDITOR_NOTE_PREFIX); the disclaimers' words follow.
        "editor",
        "note",
        "about the",
        "n.d.l.r",
        "ndlr",
        "redaktion",
        "nota",
        "редакции",
    ];
    const OPENINGS: &[&str] = &[
        // Bylines and credits (the `byline` and `credits` patterns).
        "by",
        "written",
        "words",
        "text",
        "story",
        "par",
        "von",
        "por",
        "автор",
        "текст",
        "additional",
        "reporting",
        "writing",
        "editing",
        "compiled",
        "translated",
        "translation",
        // Syndication credits (the `syndication` pattern).
        "source",
        "via",
        "courtesy",
        "syndicated",
        "distributed",
        "republished",
        "reprinted",
        "this",
        "the",
        "originally",
    ];
    let lower = unit.to_lowercase();
    let opening = lower.trim_start();
    OPENINGS.iter().any(|word| opening.starts_with(word))
        || NOTE_WORDS
            .iter()
            .chain(DISCLAIMER_WORDS)
            .any(|word| lower.contains(word))
}

/// What `unit` is, when it is boilerplate; `None` for article text.
pub(crate) fn classify(unit: &str) -> Option<Shape> {
    let n_words = count_words_up_to(unit, MAX_SHAPE_WORDS);
    if n_words == 0 {
        return None;
    }
    // An editor's note can be long; everything else past the limit is article text. Only the
    // opening is lowercased so that a huge single-line input costs nothing here. A unit of at
    // most 40 bytes is its own opening, and its key serves both (most units are short lines).
    const OPENING_CHARS: usize = 40;
    let short_key = (unit.len() <= OPENING_CHARS).then(|| lexicon_key(unit));
    let opening_key = match &short_key {
        Some(key) => Cow::Borrowed(key.as_str()),
        None => Cow::Owned(lexicon_key(
            &unit.chars().take(OPENING_CHARS).collect::<String>(),
        )),
    };
    if EDITOR_NOTE_PREFIX
        .iter()
        .any(|prefix| starts_with_phrase(&opening_key, prefix))
    {
        return Some(Shape::EditorNote);
    }
    if n_words > MAX_SHAPE_WORDS || unit.len() > MAX_SHAPE_BYTES {
        return None;
    }
    drop(opening_key);
    let key = short_key.unwrap_or_else(|| lexicon_key(unit));
    let patterns = &*PATTERNS;

    if n_words <= 30
        && let Some(shape) = syndication(unit)
    {
        return Some(shape);
    }
    // "updated", "changed" and "edited" are common in article text: a notice with them opens
    // with them or with "this article".
    let opens_a_notice = || {
        [
            "updated ",
            "this article ",
            "this story ",
            "this piece ",
            "this column ",
            "this post ",
        ]
        .iter()
        .any(|opening| key.starts_with(opening))
    };
    if n_words <= 80
        && (DISCLAIMER_WORDS.iter().any(|word| key.contains(word)) || opens_a_notice())
        && patterns.disclaimer.is_match(&key)
    {
        return Some(Shape::EditorNote);
    }
    if WIDGET_EXACT.contains(&key.as_str()) {
        return Some(Shape::Widget);
    }
    if RELATED_MARKERS.contains(&key.as_str())
        || (n_words <= MAX_RELATED_FROM_WORDS
            && !ends_like_sentence(unit)
            && RELATED_FROM
                .iter()
                .any(|prefix| starts_with_phrase(&key, prefix)))
    {
        return Some(Shape::RelatedMarker);
    }
    if n_words <= 14
        && (COMMENTS_PREFIX
            .iter()
            .any(|prefix| starts_with_phrase(&key, prefix))
            || patterns.comment_count.is_match(&key)
            || patterns.comments_moderated.is_match(&key)
            || patterns.comments_tally.is_match(&key)
            || (key.contains("comment") && contains_any(&key, COMMENT_RULES))
            || (n_words <= 8 && patterns.comments_powered.is_match(&key)))
    {
        return Some(Shape::Comments);
    }
    // A notice about a cookie that ends in its buttons is the site's own, whoever it says
    // keeps the cookie ("Gistly saves a cookie so … Okay · Settings").
    if n_words <= 100
        && key.contains("cookie")
        && ((contains_any(&key, COOKIE_CONSENT) && contains_any(&key, COOKIE_SELF))
            || ends_with_buttons(unit)
            || (ends_with_a_button(unit) && contains_any(&key, COOKIE_SELF)))
    {
        return Some(Shape::Cookie);
    }
    if is_contact(unit, &key, n_words) {
        return Some(Shape::Contact);
    }
    if n_words <= 80 && is_caption(unit, &key, n_words) {
        return Some(Shape::Caption);
    }
    if n_words <= 14 {
        if let Some(byline) = byline(unit) {
            return Some(byline);
        }
        if patterns.credits.is_match(unit) {
            return Some(Shape::Byline {
                authors: Vec::new(),
                published: None,
            });
        }
        if let Some(published) = date_line(&key) {
            return Some(Shape::DateLine { published });
        }
        if let Some(header) = running_header(unit) {
            return Some(header);
        }
        if WIDGET_PREFIX
            .iter()
            .any(|prefix| starts_with_phrase(&key, prefix))
            || patterns.reading_time.is_match(&key)
            || is_share_buttons(&key)
            || is_item_row(unit)
            || is_app_promo(&key)
            || (!ends_like_sentence(unit) && (is_summary_offer(&key) || is_labelled_promo(unit)))
        {
            return Some(Shape::Widget);
        }
    }
    if n_words <= 25 && (is_inline_related(&key) || PATTERNS.available_at_the_source.is_match(&key))
    {
        return Some(Shape::Related);
    }
    // "(Reporting by Ana Ruiz in Velmar and Tomas Berg in Ostrava; Editing by Ode Fenn)".
    if n_words <= 30 && unit.starts_with('(') && PATTERNS.credits.is_match(unit) {
        return Some(Shape::Byline {
            authors: Vec::new(),
            published: None,
        });
    }
    if n_words <= 30
        && ["continued", "inside", "published", "printed", "if you"]
            .iter()
            .any(|opening| key.starts_with(opening))
        && PATTERNS.print_edition.is_match(&key)
    {
        return Some(
            if key.starts_with(['p', 'i']) && !key.starts_with("inside") {
                Shape::Contact
            } else {
                Shape::Related
            },
        );
    }
    // "Listen to Money Matters, the Gazette's weekly business podcast, every Friday";
    // "Podcast: The Morning Minute — what the rise means for your mortgage (14 min)".
    if n_words <= 30
        && ((key.starts_with("listen to ") && key.contains("podcast"))
            || (!ends_like_sentence(unit) && is_labelled_promo(unit)))
    {
        return Some(Shape::Widget);
    }
    if n_words <= 60 && (is_funding_appeal(&key) || is_subscription_pitch(&key)) {
        return Some(Shape::Widget);
    }
    if n_words <= 20 && key.contains('?') && ends_with_buttons(unit) {
        return Some(Shape::Widget);
    }
    // "We keep a small file on your device so your list survives. Got it · Tell me more".
    if n_words <= 50 && ends_with_buttons(unit) && ends_with_an_acknowledgement(unit) {
        return Some(Shape::Widget);
    }
    if n_words <= 30 && is_labelled_advert(unit) {
        return Some(Shape::Widget);
    }
    None
}

/// A pitch for a newsletter or a subscription: a call to sign up or subscribe beside an inbox,
/// a newsletter or a count of free articles left ("… lands in your inbox at 6:30. Sign up free",
/// "You have two free analyses left this month. Subscribe"), or a meter of the free pieces this
/// month beside a call to join ("You're reading one of three free analyses this month. Members
/// read without limits. Join").
fn is_subscription_pitch(key: &str) -> bool {
    const OFFERS: &[&str] = &[
        "your inbox",
        "newsletter",
        "left this month",
        "remaining this month",
        "free articles",
    ];
    // "You're reading one of three free analyses this month. … Join": a meter, addressed to
    // the reader, of what is free this month.
    let metered = key.contains("free")
        && key.contains("this month")
        && ["you're", "you are", "you have", "you've"]
            .iter()
            .any(|you| key.contains(you));
    // "Subscribe from 5 lodras a month", "unlock … for 3 lodras a week": a price by the
    // month or week beside a call to subscribe.
    // The call is the site's own when it opens a sentence or a label's text, or ends the
    // unit ("… Subscribe"); "members can subscribe from 5 crowns a month, the club said"
    // reports a price.
    let called = || {
        ["subscribe", "subscribers", "unlock", "join"]
            .iter()
            .any(|call| {
                key.starts_with(call)
                    || key.ends_with(call)
                    || key.match_indices(call).any(|(at, _)| {
                        [". ", ": ", "! "]
                            .iter()
                            .any(|mark| key[..at].ends_with(mark))
                    })
            })
    };
    // The price's period is looked for before the pattern runs: most units name none.
    let priced = [" a month", " a week", " a year"]
        .iter()
        .any(|period| key.contains(period))
        && PATTERNS.price_per_period.is_match(key)
        && called();
    priced
        || (["sign up", "subscribe", "unlock"]
            .iter()
            .any(|call| contains_phrase(key, call))
            && OFFERS.iter().any(|offer| key.contains(offer)))
        || (metered
            && ["subscribe", "join", "members", "subscribers"]
                .iter()
                .any(|call| contains_phrase(key, call)))
}

fn is_contact(unit: &str, key: &str, n_words: usize) -> bool {
    let patterns = &*PATTERNS;
    if n_words <= 80 && key.contains("[email protected]") {
        return true;
    }
    if n_words <= 40 {
        if patterns.copyright.is_match(key)
            || contains_any(key, RIGHTS_RESERVED)
            || patterns.correction_request.is_match(key)
        {
            return true;
        }
        let has_address = unit.contains('@') && patterns.email.is_match(unit);
        if CONTACT_PHRASES.iter().any(|phrase| key.contains(phrase)) {
            // "Contact us" inside a quoted sentence is article text; with an address, or as the
            // opening of a plea to readers, it is a contact line.
            let is_plea = ["(", "if you", "please", "for more", "to contact", "contact"]
                .iter()
                .any(|opening| key.starts_with(opening));
            if has_address || is_plea {
                return true;
            }
        }
        if n_words <= 25 && has_address {
            return true;
        }
    }
    n_words <= 60 && unit.contains('@') && patterns.email_in_parentheses.is_match(unit)
}

/// A photo credit alone on its line, which print text sets apart from its caption: "Picture:
/// LEDGER PHOTO DESK", "Photo: Ana Ruiz" (a caption's label and at most seven words more).
pub(crate) fn is_bare_credit(unit: &str) -> bool {
    count_words_up_to(unit, 9) <= 8 && PATTERNS.caption_lead.is_match(unit)
}

fn is_caption(unit: &str, key: &str, n_words: usize) -> bool {
    let patterns = &*PATTERNS;
    // Each pattern needs a character or a word that most lines lack; checking for it first
    // skips the patterns, which were the costliest part of extracting a page.
    if (unit.contains('/') && patterns.caption_slash.is_match(unit))
        || (unit.contains('|') && patterns.caption_pipe.is_match(unit))
        || (key.ends_with(')') && patterns.caption_paren.is_match(key))
        || (unit.trim_end().ends_with(')') && patterns.caption_paren_credit.is_match(unit))
        || (key.contains([':', '|']) && patterns.caption_lead.is_match(key))
        || (unit.contains("Credit") && patterns.caption_glued_credit.is_match(unit))
    {
        return true;
    }
    if ["photo", "image", "picture", "video"]
        .iter()
        .any(|word| key.contains(word))
        && patterns.caption_credit.is_match(key)
    {
        return true;
    }
    // A picture a scraper left as its description: "[Image: a notice taped to a door]".
    if unit.starts_with('[')
        && unit.trim_end().ends_with(']')
        && ["[image", "[photo", "[picture", "[video", "[graphic"]
            .iter()
            .any(|opening| key.starts_with(opening))
    {
        return true;
    }
    // "pic" or "photo" in a two- or three-word line: an image's leftover alt text or label.
    n_words <= 3
        && !ends_like_sentence(unit)
        && key.split(|ch: char| !ch.is_alphanumeric()).any(|word| {
            matches!(
                word,
                "pic" | "pics" | "photo" | "photos" | "gallery" | "фото"
            )
        })
}

/// A summary widget's call to action: a question of at most four words, then an offer of a
/// short version that does not read as a sentence ("In a hurry? Tap here for the 20-second
/// version"). A question followed by a sentence ("Why now? The river is low.") is article text;
/// the caller checks the sentence ending, which `key` has lost.
fn is_summary_offer(key: &str) -> bool {
    let Some(captures) = PATTERNS.summary_offer.captures(key) else {
        return false;
    };
    let (Some(question), Some(offer)) = (captures.name("question"), captures.name("offer")) else {
        return false;
    };
    count_words_up_to(question.as_str(), 4) <= 4
        && count_words_up_to(offer.as_str(), 10) <= 10
        && !ends_like_sentence(offer.as_str())
        && SUMMARY_OFFERS
            .iter()
            .any(|word| contains_phrase(offer.as_str(), word))
}

/// Whether a paragraph promotes the site rather than telling the story: at most 60 words, not a
/// quotation, holding a promotion phrase ("Sign up for our newsletter to get …", "Follow him on
/// Twitter"). Only a candidate: [`crate::text`] removes such paragraphs at the end of an article.
pub(crate) fn is_promotion(unit: &str) -> bool {
    if count_words_up_to(unit, 60) > 60 || unit.starts_with(['"', '“', '«', '„', '\'', '‘'])
    {
        return false;
    }
    let key = lexicon_key(unit);
    PROMOTION_PHRASES
        .iter()
        .any(|phrase| contains_phrase(&key, phrase))
}

/// Whether `phrase` occurs in `key` as whole words.
fn contains_phrase(key: &str, phrase: &str) -> bool {
    key.match_indices(phrase).any(|(start, _)| {
        let before = key[..start].chars().next_back();
        let after = key[start + phrase.len()..].chars().next();
        before.is_none_or(|ch| !ch.is_alphanumeric())
            && after.is_none_or(|ch| !ch.is_alphanumeric())
    })
}

/// Whether a unit speaks about a machine-made short version of the article ("Summaries are
/// machine-made", "The briefing is generated by software …"): a summary word among its first
/// five words and a word for a program anywhere in at most 40 words.
///
/// Ordinary sentences can say the same, so this is only a candidate: [`crate::text`] removes it
/// next to a widget or at the edges of the article, where summary widgets sit.
pub(crate) fn is_summary_disclaimer(unit: &str) -> bool {
    if count_words_up_to(unit, 40) > 40 {
        return false;
    }
    let key = lexicon_key(unit);
    let opening: String = key.split_whitespace().take(5).collect::<Vec<_>>().join(" ");
    SUMMARY_SUBJECTS
        .iter()
        .any(|word| contains_phrase(&opening, word))
        && GENERATED_BY_MACHINE
            .iter()
            .any(|word| contains_phrase(&key, word))
}

/// A syndication credit line and the outlet it names. The outlet is kept when it reads as a name
/// (1 to 8 words starting with a capital letter or a digit, or a domain); "Source: company filings" is left
/// alone, since a chart's source line is not a credit for the article.
fn syndication(unit: &str) -> Option<Shape> {
    // "LIVE UPDATES · as published by Keystone Wire": the credit after a label.
    if let Some((_, credit)) = unit.rsplit_once(" · ")
        && let Some(outlet) = credit
            .trim()
            .strip_prefix("as published by ")
            .or_else(|| credit.trim().strip_prefix("as first published by "))
    {
        let outlet = outlet.trim().trim_end_matches('.');
        if (1..=8).contains(&count_words_up_to(outlet, 9)) && outlet.starts_with(char::is_uppercase)
        {
            return Some(Shape::Syndication {
                outlet: Some(outlet.to_string()),
            });
        }
    }
    // "Via Outlet" alone on a line, without the colon the pattern needs: a credit only when
    // nothing else is said.
    let bare_via = unit
        .get(..4)
        .filter(|opening| opening.eq_ignore_ascii_case("via "))
        .filter(|_| count_words_up_to(unit, 6) <= 6 && !ends_like_sentence(unit))
        .map(|_| &unit[4..]);
    let rest = match bare_via {
        Some(rest) => rest,
        None => PATTERNS
            .syndication
            .captures(unit)?
            .name("outlet")?
            .as_str(),
    };
    let end = PATTERNS
        .outlet_end
        .find(rest)
        .map_or(rest.len(), |found| found.start());
    let outlet = rest[..end].trim().trim_end_matches(['.', ':', '!']).trim();
    let n_words = count_words_up_to(outlet, 8);
    let is_domain = n_words == 1
        && outlet.contains('.')
        && outlet
            .chars()
            .all(|ch| ch.is_alphanumeric() || matches!(ch, '.' | '-'));
    let reads_as_name = (1..=8).contains(&n_words)
        && (is_domain
            || outlet
                .chars()
                .next()
                .is_some_and(|first| first.is_uppercase() || first.is_ascii_digit()));
    if !reads_as_name {
        return None;
    }
    Some(Shape::Syndication {
        outlet: Some(outlet.to_string()),
    })
}

/// The author an editor's note introduces: "Editor's note: Ilse Marr is a freelance writer …",
/// "About the author: Ilse Marr, a former diplomat, teaches …".
pub(crate) fn note_author(note: &str) -> Option<String> {
    let patterns = &*PATTERNS;
    let captures = patterns
        .note_author
        .captures(note)
        .or_else(|| patterns.note_author_apposition.captures(note))?;
    let name = captures.name("name")?.as_str().trim();
    is_person_name(name).then(|| name.to_string())
}

/// An author as a feed or a page gives it, made a name: the e-mail address of
/// "desk@vell.example (Mara Quill)" or "Mara Quill <desk@vell.example>" dropped. A bare address
/// gives no name: its local part is a mailbox ("desk", "news"), not a person.
pub(crate) fn author_name(author: &str) -> Option<String> {
    let without_address = PATTERNS.email.replace_all(author, "");
    let without_address = without_address.replace("mailto:", " ").replace("<>", " ");
    let mut name = without_address.trim();
    // "(Mara Quill)" once the address is gone, or as a feed parser left it.
    while let Some(inner) = name
        .strip_prefix('(')
        .and_then(|rest| rest.strip_suffix(')'))
        .or_else(|| {
            name.strip_prefix('<')
                .and_then(|rest| rest.strip_suffix('>'))
        })
    {
        name = inner.trim();
    }
    let name = name.trim_matches(|ch: char| ch.is_whitespace() || matches!(ch, ',' | ';' | '-'));
    (!name.is_empty()).then(|| name.to_string())
}

fn is_share_buttons(key: &str) -> bool {
    let words: Vec<&str> = key
        .split(|ch: char| ch.is_whitespace() || matches!(ch, ',' | '|' | '/' | '·' | '•'))
        .filter(|word| !word.is_empty())
        .collect();
    words.len() >= 2 && words.iter().all(|word| SHARE_BUTTONS.contains(word))
}

/// A row of short items set apart by dots, bars or arrows, and nothing else: a page's
/// breadcrumb ("Home › Nation › Security"), section tags ("World · Health"), share buttons
/// under a label ("Pass it on: Signal · Email · Print"), a toolbar ("Save · Copy link · Cite")
/// or reaction counts ("Agree 212 · Angry 97"). At least three items (two after a breadcrumb's
/// arrow, or when each opens with a toolbar's verb: "Print this page · Email it to a friend"),
/// none of more than four words (five in a toolbar) nor ending a sentence.
fn is_item_row(unit: &str) -> bool {
    const SEPARATORS: [char; 5] = ['·', '|', '•', '›', '»'];
    const TOOLBAR_VERBS: &[&str] = &[
        "print", "email", "e-mail", "share", "save", "bookmark", "download", "gift", "copy",
        "cite", "send", "listen",
    ];
    let items: Vec<&str> = unit
        .split(SEPARATORS)
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .collect();
    let breadcrumb = unit.contains('›') || unit.contains('»');
    // "Print this page · Email it to a friend": a toolbar's items say what they do.
    let toolbar = items.iter().all(|item| {
        item.split_whitespace()
            .next()
            .is_some_and(|verb| TOOLBAR_VERBS.contains(&verb.to_lowercase().as_str()))
    });
    // "World · Diplomacy": a section's kicker, two capitalised labels set apart by a dot.
    let kicker = !unit.contains('|')
        && items.iter().all(|item| {
            count_words_up_to(item, 3) <= 2
                && item
                    .split_whitespace()
                    .all(|word| word.chars().next().is_some_and(char::is_uppercase))
        });
    let (min_items, max_words) = match (breadcrumb, toolbar, kicker) {
        (true, _, _) => (2, 4),
        (false, true, _) => (2, 5),
        (false, false, true) => (2, 2),
        (false, false, false) => (3, 4),
    };
    items.len() >= min_items
        && items.iter().all(|item| {
            count_words_up_to(item, max_words + 1) <= max_words
                && !item.ends_with(['.', '?', '!', '"', '”'])
        })
}

/// A notice that ends in its buttons: "We use cookies to keep the site free. That's fine · Let
/// me choose", "Turn on alerts for breaking news? Allow · Not now". The buttons are two or more
/// items of at most three words set apart by dots or bars after the last sentence.
fn ends_with_buttons(unit: &str) -> bool {
    let tail_start = unit.rfind(['.', '?', '!']).map_or(0, |end| end + 1);
    let tail = unit[tail_start..].trim();
    let items: Vec<&str> = tail
        .split(['·', '|'])
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .collect();
    tail_start > 0 && items.len() >= 2 && items.iter().all(|item| count_words_up_to(item, 4) <= 3)
}

/// Whether one of the buttons that end a notice ([`ends_with_buttons`]) acknowledges it.
fn ends_with_an_acknowledgement(unit: &str) -> bool {
    const ACKNOWLEDGEMENTS: &[&str] = &[
        "got it",
        "ok",
        "okay",
        "accept",
        "accept all",
        "agree",
        "i agree",
        "allow",
        "allow all",
        "understood",
        "i understand",
        "fine",
        "that's fine",
        "close",
        "dismiss",
        "continue",
    ];
    let tail_start = unit.rfind(['.', '?', '!']).map_or(0, |end| end + 1);
    unit[tail_start..].split(['·', '|']).any(|button| {
        let button = button.trim().trim_matches(['[', ']']).to_lowercase();
        ACKNOWLEDGEMENTS.contains(&button.replace('’', "'").as_str())
    })
}

/// Whether `unit` is an advertisement's label alone ("ADVERTISEMENT"), which the advert's own
/// lines follow.
pub(crate) fn is_advert_label(unit: &str) -> bool {
    matches!(
        lexicon_key(unit).as_str(),
        "advertisement" | "advert" | "ad" | "anzeige" | "publicité" | "publicidad" | "реклама"
    )
}

/// An advertisement under its label, set off from it: "Sponsored · Spring breaks on the lakes
/// from 299", "Promoted: …", "Advertisement | …".
fn is_labelled_advert(unit: &str) -> bool {
    const ADVERT_LABELS: &[&str] = &[
        "sponsored",
        "promoted",
        "advertisement",
        "advert",
        "paid content",
        "paid post",
        "partner content",
        "from our partners",
        "anzeige",
        "publicité",
        "publicidad",
        "реклама",
    ];
    let Some(split) = unit.find(['·', '|', ':', '—', '–']) else {
        return false;
    };
    let label = unit[..split].trim().to_lowercase();
    let rest = unit[split..]
        .trim_start_matches(['·', '|', ':', '—', '–'])
        .trim();
    !rest.is_empty() && ADVERT_LABELS.contains(&label.as_str())
}

/// A call to get the site's app: "Get the gist in the Gistly app: every story in 60 seconds".
fn is_app_promo(key: &str) -> bool {
    let mut words = key.split_whitespace();
    matches!(words.next(), Some("get" | "download" | "try" | "install"))
        && words
            .take(7)
            .any(|word| matches!(word.trim_end_matches([':', ',']), "app" | "apps"))
}

/// A link to another of the site's features under a capitalised label of what it is: "LIVE
/// MAP: where the fire is burning now", "WATCH: the moment the dam opened", or under one such
/// word as a label in any case ("Podcast: The Morning Minute — … (14 min)").
fn is_labelled_promo(unit: &str) -> bool {
    const ONE_WORD_LABELS: &[&str] = &[
        "podcast",
        "video",
        "watch",
        "listen",
        "gallery",
        "quiz",
        "in pictures",
        "in photos",
        "in video",
        "photo gallery",
    ];
    if let Some((label, rest)) = unit.split_once(':')
        && !rest.trim().is_empty()
        && ONE_WORD_LABELS
            .iter()
            .any(|word| label.trim().eq_ignore_ascii_case(word))
    {
        return true;
    }
    const FEATURES: &[&str] = &[
        "LIVE",
        "MAP",
        "VIDEO",
        "WATCH",
        "LISTEN",
        "GALLERY",
        "PHOTOS",
        "PICTURES",
        "IN",
        "INTERACTIVE",
        "PODCAST",
        "QUIZ",
        "EXPLAINER",
        "TIMELINE",
        "GRAPHIC",
        "CHART",
        "BLOG",
        "UPDATES",
    ];
    unit.split_once(':').is_some_and(|(label, rest)| {
        !rest.trim().is_empty()
            && label
                .split_whitespace()
                .all(|word| FEATURES.contains(&word))
            && label.split_whitespace().any(|word| word != "IN")
    })
}

/// A notice that ends in one button after its last sentence: "… a cookie that forgets you after
/// a day. OK".
fn ends_with_a_button(unit: &str) -> bool {
    const BUTTONS: &[&str] = &[
        "ok", "okay", "got it", "accept", "i agree", "agree", "close", "dismiss", "continue",
    ];
    unit.rfind(['.', '?', '!']).is_some_and(|end| {
        let tail = unit[end + 1..].trim().to_lowercase();
        BUTTONS.contains(&tail.as_str())
    })
}

/// A plea for the reader's money: the site says readers pay for it and asks for a contribution
/// ("… is funded by its readers. Chip in …"). Both are needed: a report on a fundraiser asks
/// for donations without saying who pays for the page; or the plea ends by sending the reader
/// to a web address to give ("… has raised 1.2 million. Give at paper.example/appeal").
fn is_funding_appeal(key: &str) -> bool {
    const FUNDED_BY_READERS: &[&str] = &[
        "paid for by its readers",
        "paid for by our readers",
        "paid for by readers",
        "funded by its readers",
        "funded by our readers",
        "funded by readers",
        "supported by its readers",
        "supported by our readers",
        "reader-funded",
        "reader-supported",
        "readers like you",
        "no owners",
        "no adverts",
        "no advertisers",
        "no advertising",
        "no ads",
        "no shareholders",
    ];
    const ASKS: &[&str] = &[
        "chip in",
        "donate",
        "make a donation",
        "make a contribution",
        "contribute",
        "support us",
        "become a supporter",
        "become a member",
        "give what you can",
        "give today",
        "give now",
        "pay what you can",
    ];
    (FUNDED_BY_READERS
        .iter()
        .any(|phrase| contains_phrase(key, phrase))
        && ASKS.iter().any(|phrase| contains_phrase(key, phrase)))
        || (["give", "donate", "contribute", "chip in"]
            .iter()
            .any(|ask| key.contains(ask))
            && PATTERNS.give_at_address.is_match(key))
}

fn is_inline_related(key: &str) -> bool {
    RELATED_PREFIX.iter().any(|prefix| {
        key.strip_prefix(prefix).is_some_and(|rest| {
            // The marker must be set off from the headline: "Read also: ...", "Lire aussi | ...",
            // "More from the Post: ..." ("More from The Courier" alone is a heading,
            // [`RELATED_FROM`]).
            let set_off = |rest: &str| {
                rest.trim_start()
                    .starts_with([':', '|', '—', '–', '-', '>', '»', '›', '→'])
            };
            set_off(rest)
                || rest.find(':').is_some_and(|colon| {
                    count_words_up_to(&rest[..colon], 3) <= 2 && set_off(&rest[colon..])
                })
        })
    })
}

/// A byline: "By Mara Quill", "By Mara Quill and Ode Fenn, The Lantern | 10 May 2023".
fn byline(unit: &str) -> Option<Shape> {
    let captures = PATTERNS.byline.captures(unit)?;
    let names = captures.name("names")?.as_str();
    let authors: Vec<String> = split_names(names)
        .into_iter()
        .filter(|name| is_person_name(name))
        .collect();
    if authors.is_empty() {
        return None;
    }
    let published = captures
        .name("rest")
        .and_then(|rest| find_date(rest.as_str()))
        .map(|(date, _)| date);
    Some(Shape::Byline { authors, published })
}

fn split_names(names: &str) -> Vec<String> {
    static SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s*(?:,|\band\b|&|\bund\b|\bet\b|\by\b|\bи\b)\s*")
            .expect("the name separator pattern is valid")
    });
    SEPARATOR
        .split(names)
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_string)
        .collect()
}

fn is_person_name(name: &str) -> bool {
    let words: Vec<String> = name
        .split_whitespace()
        .map(|word| {
            word.trim_matches(|ch: char| !ch.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let not_a_name = |word: &str| {
        NOT_NAMES.contains(&word)
            || WEEKDAY_NAMES.contains(&word)
            || (word != "may" && MONTH_NAMES.contains(&word))
    };
    words.len() >= 2 && !words.iter().any(|word| not_a_name(word))
}

/// A line that is only a date, perhaps with a label, a weekday and a time: `Some(date)` when it
/// gives a full date, `Some(None)` for "3 hours ago", `None` when the line says anything else.
fn date_line(key: &str) -> Option<Option<NaiveDate>> {
    let patterns = &*PATTERNS;
    // Both a relative time and a date need a digit (`\d` is any Unicode digit); most lines have
    // none, and this check is much cheaper than the patterns.
    if !key.chars().any(char::is_numeric) {
        return None;
    }
    if patterns.relative_time.is_match(key) {
        return Some(None);
    }
    let (date, range) = find_date(key)?;
    let mut rest = String::with_capacity(key.len());
    rest.push_str(&key[..range.start]);
    rest.push(' ');
    rest.push_str(&key[range.end..]);
    // "Published 10.06.2026, 06:50 · Updated 10.06.2026, 09:12": the date of an update is a
    // label's too. The first date is the publication's.
    while let Some((_, later)) = find_date(&rest) {
        rest.replace_range(later, " ");
    }
    let rest = patterns.clock_time.replace_all(&rest, " ");
    let only_labels = rest
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .all(|word| DATE_LINE_WORDS.contains(&word) || WEEKDAY_NAMES.contains(&word));
    only_labels.then_some(Some(date))
}

/// A print edition's running header: a page number ("PAGE 3", "Page 12"), a date and the
/// paper's name, set apart by dashes, bars or dots, in any order.
fn running_header(unit: &str) -> Option<Shape> {
    let parts: Vec<&str> = unit
        .split(['—', '–', '|', '·'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect();
    if !(2..=4).contains(&parts.len()) {
        return None;
    }
    let is_page = |part: &str| {
        let mut words = part.split_whitespace();
        matches!(
            (words.next(), words.next(), words.next()),
            (Some(label), Some(number), None)
                if matches!(label.to_lowercase().as_str(), "page" | "p." | "seite")
                    && number.chars().all(|c| c.is_ascii_digit())
        )
    };
    let page = parts.iter().position(|part| is_page(part))?;
    let dated = parts
        .iter()
        .position(|part| date_line(&lexicon_key(part)).flatten().is_some());
    let published = dated.and_then(|at| date_line(&lexicon_key(parts[at])).flatten());
    let outlet = parts
        .iter()
        .enumerate()
        .filter(|(at, _)| *at != page && Some(*at) != dated)
        .map(|(_, part)| *part)
        .find(|part| (1..=6).contains(&count_words_up_to(part, 7)))
        .map(|outlet| as_written_in_titles(outlet, true));
    (published.is_some() || outlet.is_some()).then_some(Shape::RunningHeader { outlet, published })
}

/// A name of two or more words set in capitals as a name is written ("THE VELL LEDGER" →
/// "The Vell Ledger", "ANA RUIZ" → "Ana Ruiz"), with `acronyms` a short word other than a
/// particle kept in capitals as the acronym it most likely is in an outlet's name ("BBC NEWS"
/// → "BBC News"); one word ("RT", "KWCHCIK") and a name in mixed case as they are.
pub(crate) fn as_written_in_titles(name: &str, acronyms: bool) -> String {
    const PARTICLES: &[&str] = &[
        "THE", "OF", "AND", "FOR", "A", "AN", "IN", "ON", "AT", "BY", "TO", "DE", "LA", "EL", "DI",
        "DA", "DU", "LE", "VAN", "VON", "DER", "DEN",
    ];
    if name.chars().any(char::is_lowercase) || name.split_whitespace().count() < 2 {
        return name.to_string();
    }
    name.split(' ')
        .enumerate()
        .map(|(at, word)| {
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            if acronyms && letters <= 3 && !PARTICLES.contains(&word) {
                return word.to_string();
            }
            let mut chars = word.chars();
            match chars.next() {
                Some(first) if at > 0 && PARTICLES.contains(&word) => first
                    .to_lowercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// A signature closing an article, "Firstname Lastname, Outlet" or "— Firstname Lastname":
/// the name and the outlet, if any.
pub(crate) fn signature(unit: &str) -> Option<(String, Option<String>)> {
    if count_words_up_to(unit, 8) > 8 || ends_like_sentence(unit) {
        return None;
    }
    let captures = PATTERNS.signature.captures(unit)?;
    let name = captures.name("name")?.as_str().trim();
    if !is_person_name(name) {
        return None;
    }
    let outlet = captures
        .name("outlet")
        .map(|outlet| outlet.as_str().trim().to_string());
    if outlet
        .as_deref()
        .is_some_and(|outlet| find_date(outlet).is_some())
    {
        return None;
    }
    // A bare name with no comma is only a signature when set off by a dash.
    if outlet.is_none() && !unit.starts_with(['—', '–', '-']) {
        return None;
    }
    Some((name.to_string(), outlet))
}

/// Whether the second half of a byline like "Ana Ruiz, Ledger Radio Service" names a newsroom or
/// a role in one rather than a place ("PORTVALE, Norland" on a line of its own is a dateline).
pub(crate) fn names_a_newsroom(outlet: &str) -> bool {
    const NEWSROOM_WORDS: &[&str] = &[
        "service",
        "news",
        "staff",
        "correspondent",
        "reporter",
        "writer",
        "editor",
        "radio",
        "agency",
        "wire",
        "desk",
        "bureau",
        "contributor",
        "columnist",
        "television",
        "tv",
        "press",
        "media",
    ];
    outlet.split_whitespace().any(|word| {
        let word = word.trim_matches(|ch: char| !ch.is_alphanumeric());
        NEWSROOM_WORDS
            .iter()
            .any(|newsroom_word| word.eq_ignore_ascii_case(newsroom_word))
    })
}

/// "By Mara Quill" → "Mara Quill"; other author strings are returned trimmed.
pub(crate) fn strip_by(author: &str) -> &str {
    let author = author.trim();
    for prefix in [
        "by ", "By ", "BY ", "par ", "Par ", "von ", "Von ", "por ", "Por ",
    ] {
        if let Some(rest) = author.strip_prefix(prefix) {
            return rest.trim();
        }
    }
    author
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_scripts_without_spaces_are_their_characters() {
        assert_eq!(count_words("The harbor closed on Monday."), 5);
        // Eleven kana and kanji, and the Latin word among them.
        assert_eq!(count_words("港は月曜日にiPhoneを閉鎖した"), 12);
        // Thai vowel signs are letters too: an overcount, which a minimum length can bear.
        assert_eq!(count_words("ท่าเรือปิด"), 9);
        assert_eq!(count_words("「」、。"), 1);
        assert_eq!(count_words_up_to("港は月曜日に閉鎖した", 3), 4);
        assert_eq!(count_words(""), 0);
    }

    fn check(unit: &str, expected: Option<RemovalReason>) {
        assert_eq!(
            classify(unit).map(|shape| shape.reason()),
            expected,
            "{unit:?}"
        );
    }

    /// Ordinary sentences that mention the lexicon's words must stay article text.
    #[test]
    fn article_sentences_are_not_boilerplate() {
        for sentence in [
            "Readers who subscribe to the paper's print edition will see the change next week.",
            "The regulator said websites must obtain consent before placing cookies on a device.",
            "\"Nobody would contact us about the flooding,\" said Ines Varga, a resident.",
            "Copyright lawyers argue the ruling will reshape the music business.",
            "The minister said the report does not necessarily reflect the cabinet's view.",
            "Related talks between the two ports are due to start in March.",
            "More than 300 comments were submitted during the consultation.",
            "By Tuesday evening, the harbour was closed to all traffic.",
            "The photo, taken in 1998, shows the old bridge before it collapsed.",
            "Next year the council will vote on the budget again.",
            "The photo by the agency's new hire won a national award last year.",
            "Reading time has dropped among teenagers, the survey found.",
            "Comments from the minister drew criticism from both parties.",
            "Share prices fell by 4% on Monday after the announcement.",
            "Talks resumed in Vell on 10 January 2022 after a week of delays.",
            "The report was amended on Friday to include the pilots' objections.",
            "Members of the rowing club get free entry to the harbour museum this month.",
            "Updated figures from the port authority show the queue growing.",
            "Residents can give at the town hall or online, the mayor said.",
            "LIVE: the mayor spoke to reporters on the quay.",
            "Members can subscribe from 5 crowns a month, the club said.",
            "Also on Tuesday, police arrested two.",
            "More in Osmia now rent than own.",
            "Sponsored by the city, the ferry runs every hour.",
            "Continue reading the list, the clerk was told.",
            "Ana Ruiz and Tomas Berg met in Velmar.",
            "Published reports say the pilots were paid late.",
            "If you ask the pilots, the strike was overdue.",
            "Inside the terminal, passengers waited for hours.",
        ] {
            check(sentence, None);
        }
    }

    #[test]
    fn widgets() {
        check(
            "Get the gist in the Ledger app: every story in 60 seconds",
            Some(RemovalReason::Widget),
        );
        check("Advert · Close", Some(RemovalReason::Widget));
        check("Auto-refresh is on", Some(RemovalReason::Widget));
        check("Premium", Some(RemovalReason::Widget));
        check(
            "Podcast: The Harbour Minute — what the strike means for your ferry (14 min)",
            Some(RemovalReason::Widget),
        );
        check(
            "Listen to Tide Tables, the Ledger's weekly shipping podcast, every Friday.",
            Some(RemovalReason::Widget),
        );
        check(
            "The Ledger is funded by its subscribers. Subscribe from 5 crowns a month.",
            Some(RemovalReason::Widget),
        );
        check("No time to read?", Some(RemovalReason::Widget));
        check("Get a summary", Some(RemovalReason::Widget));
        check("Read more", Some(RemovalReason::Widget));
        check("Sign up for our newsletter", Some(RemovalReason::Widget));
        check("Share this article", Some(RemovalReason::Widget));
        check(
            "Click here to get the morning briefing.",
            Some(RemovalReason::Widget),
        );
        check("Subscribe", Some(RemovalReason::Widget));
        check(
            "Facebook Twitter WhatsApp Email",
            Some(RemovalReason::Widget),
        );
        check("4 min read", Some(RemovalReason::Widget));
        check("ADVERTISEMENT", Some(RemovalReason::Widget));
        check("Abonnez-vous", Some(RemovalReason::Widget));
        check("Weiterlesen", Some(RemovalReason::Widget));
        check("Поделиться", Some(RemovalReason::Widget));
        check(
            "Print this page · Email it to a friend",
            Some(RemovalReason::Widget),
        );
        check(
            "Save this report · Send it to a colleague · Download as PDF",
            Some(RemovalReason::Widget),
        );
        check(
            "LIVE MAP: where the harbour pilots are picketing now",
            Some(RemovalReason::Widget),
        );
        check(
            "You're reading one of five free reports this month. Members read without \
             limits. Join",
            Some(RemovalReason::Widget),
        );
        check(
            "The Ledger has no owners and no adverts. If our reporting helps you, give what \
             you can: 5 · 10 · 25 crowns",
            Some(RemovalReason::Widget),
        );
        check(
            "Help the pilots' families: our appeal has raised 40,000 crowns. Give at \
             ledger.example/appeal",
            Some(RemovalReason::Widget),
        );
        check(
            "Gistly keeps a small file on your device so your reading list survives a restart. \
             Got it · Tell me more",
            Some(RemovalReason::Widget),
        );
        check(
            "Sponsored · Harbour cruises around Velmar from 49 per person",
            Some(RemovalReason::Widget),
        );
        check(
            "Advertisement: Ostrava ferries",
            Some(RemovalReason::Widget),
        );
        check("World · Diplomacy", Some(RemovalReason::Widget));
        check(
            "In pictures: the search in the harbour",
            Some(RemovalReason::Widget),
        );
        check(
            "If you have been affected by this story, support is available on 0800 555 0110.",
            Some(RemovalReason::Contact),
        );
        check(
            "(Reporting by Ana Ruiz in Velmar and Tomas Berg in Ostrava; Editing by Ode Fenn)",
            Some(RemovalReason::Byline),
        );
        check("Continued on Page 4", Some(RemovalReason::Related));
        check(
            "INSIDE TODAY: Letters, Page 12 · Tide tables, Page 21",
            Some(RemovalReason::Related),
        );
        check(
            "Published by Ledger Newspapers Ltd, 14 Quay Street, Velmar.",
            Some(RemovalReason::Contact),
        );
    }

    #[test]
    fn related() {
        check("Readers also skimmed", Some(RemovalReason::Related));
        check("More in World", Some(RemovalReason::Related));
        check("ALSO ON LEDGER RADIO", Some(RemovalReason::Related));
        check(
            "Continue reading at Velmar Ledger: ledger.example/harbour/pilots",
            Some(RemovalReason::Related),
        );
        check(
            "Gistly shows the opening of stories from partner outlets. The full article is on \
             the publisher's site.",
            Some(RemovalReason::Related),
        );
        check("More on Harbour pilots", Some(RemovalReason::Related));
        check(
            "Skim next: Five charts that explain the strike",
            Some(RemovalReason::Related),
        );
        check(
            "More updates from the Velmar Wire are available at the source.",
            Some(RemovalReason::Related),
        );
        check("Previous Article", Some(RemovalReason::Related));
        check("You may also like", Some(RemovalReason::Related));
        check("More News from Sci-Tech", Some(RemovalReason::Related));
        check("Most shared this week", Some(RemovalReason::Related));
        check(
            "ALSO ON THE LEDGER: Ten questions for the harbour master",
            Some(RemovalReason::Related),
        );
        check(
            "Latest from the port authority shows the queue of ships growing again this week.",
            None,
        );
        check(
            "More from the harbour's three piers reached the market on Monday than in any week.",
            None,
        );
        check(
            "Read also: Harbour strike enters third week",
            Some(RemovalReason::Related),
        );
        check(
            "Lire aussi | La grève du port continue",
            Some(RemovalReason::Related),
        );
        check("Mehr zum Thema", Some(RemovalReason::Related));
        check(
            "Leer más: La huelga del puerto",
            Some(RemovalReason::Related),
        );
        check("Читайте также", Some(RemovalReason::Related));
        check("More from The Vell Courier", Some(RemovalReason::Related));
    }

    #[test]
    fn captions() {
        check(
            "Harbour workers gather at the gate in Vell, May 3, 2023. / LPA",
            Some(RemovalReason::Caption),
        );
        check(
            "Fishing boats idle in the bay, April 2, 2023./Getty Images",
            Some(RemovalReason::Caption),
        );
        check(
            "The mayor speaks to reporters. FILE PHOTO | VNA",
            Some(RemovalReason::Caption),
        );
        check(
            "The mayor of Vell at the town hall (Photo: Ilse Marr)",
            Some(RemovalReason::Caption),
        );
        check("Photo credit: Ilse Marr", Some(RemovalReason::Caption));
        check(
            "The mayor of Vell at the town hall in March.CreditIlse Marr/Vell Wire",
            Some(RemovalReason::Caption),
        );
        check(
            "Credit Vellbank said on Monday that it would cut jobs.",
            None,
        );
        check("MayorHarbour pic", Some(RemovalReason::Caption));
        check("Фото: Иван Петров", Some(RemovalReason::Caption));
    }

    #[test]
    fn cookies_comments_contact() {
        check(
            "Comments are off for this story.",
            Some(RemovalReason::Comments),
        );
        check(
            "The Ledger saves a cookie so we know what you read. Okay · Settings",
            Some(RemovalReason::Cookie),
        );
        check(
            "This website uses cookies to improve your experience. You can opt-out if you wish. Accept",
            Some(RemovalReason::Cookie),
        );
        check(
            "Nous utilisons des cookies. En poursuivant, vous acceptez leur utilisation.",
            Some(RemovalReason::Cookie),
        );
        check(
            "No trackers here. We count visits with a cookie that lasts a day. OK",
            Some(RemovalReason::Cookie),
        );
        check("Comments are closed.", Some(RemovalReason::Comments));
        check(
            "Comments: 57 · Join the conversation on our forum",
            Some(RemovalReason::Comments),
        );
        check(
            "Comments are moderated by Threadly and appear after review.",
            Some(RemovalReason::Comments),
        );
        check(
            "27 responses · Threads close after three days",
            Some(RemovalReason::Comments),
        );
        check(
            "The Courier uses cookies to remember your region. Fine · Show me the options",
            Some(RemovalReason::Cookie),
        );
        check(
            "This site keeps one cookie to count readers. Nothing else. Got it",
            Some(RemovalReason::Cookie),
        );
        check(
            "The Courier strives for accuracy. To report an error, write to the readers' editor.",
            Some(RemovalReason::Contact),
        );
        check(
            "Spotted a typo? Tell the desk.",
            Some(RemovalReason::Contact),
        );
        check(
            "Harbour Notes is funded by its readers. Chip in and keep it free for everyone.",
            Some(RemovalReason::Widget),
        );
        check(
            "Pass it on: Signal · Email · Print · Post",
            Some(RemovalReason::Widget),
        );
        check(
            "Send this: Mail · Message · Copy link",
            Some(RemovalReason::Widget),
        );
        check(
            "Keep reading → Why the harbour toll doubled",
            Some(RemovalReason::Related),
        );
        check("Keep exploring", Some(RemovalReason::Related));
        check("Home › World › Health", Some(RemovalReason::Widget));
        check(
            "Save to reading list · Copy gift link · Cite this piece",
            Some(RemovalReason::Widget),
        );
        check(
            "Reader reactions: Agree 12 · Surprised 4 · Angry 9",
            Some(RemovalReason::Widget),
        );
        check(
            "We use cookies to keep the Courier free. That's fine · Let me choose",
            Some(RemovalReason::Cookie),
        );
        check(
            "Turn on alerts for breaking news? Allow · Not now",
            Some(RemovalReason::Widget),
        );
        check(
            "— Story continues after this message —",
            Some(RemovalReason::Widget),
        );
        check(
            "The Courier Briefing lands in your inbox at 6:30 every morning. Sign up free →",
            Some(RemovalReason::Widget),
        );
        check(
            "The Courier runs on subscriptions. You have two free articles left this month. Subscribe",
            Some(RemovalReason::Widget),
        );
        check(
            "From around the web (sponsored)",
            Some(RemovalReason::Related),
        );
        check("Trending on the Courier", Some(RemovalReason::Related));
        check("Previously in this series", Some(RemovalReason::Related));
        check(
            "MORE FROM THE COURIER: Five ways to keep your data safe",
            Some(RemovalReason::Related),
        );
        check(
            "[Image: a notice taped to a glass door]",
            Some(RemovalReason::Caption),
        );
        check(
            "The mayor visits the ward on Tuesday. (Vell Courier / Ida Marr)",
            Some(RemovalReason::Caption),
        );
        check(
            "A triage board in the ward on Wednesday. Photo: Lior Benn for the Courier",
            Some(RemovalReason::Caption),
        );
        check(
            "Talkback: 22 readers have weighed in · Comments close at midnight",
            Some(RemovalReason::Comments),
        );
        check(
            "Be kind. The Courier removes comments that break our house rules.",
            Some(RemovalReason::Comments),
        );
        check(
            "Comments (154) — log in to join the conversation",
            Some(RemovalReason::Comments),
        );
        // Article text with the same marks is kept.
        check(
            "The vote was 5-4 · the court said, and the ruling is final.",
            None,
        );
        check(
            "Asked whether he would resign, he said: \"No.\" Then he left · quickly.",
            None,
        );
        // Sentences with the same words are article text.
        check(
            "Comments are welcome until the end of May, the council said.",
            None,
        );
        check(
            "Residents were urged to donate to the fund set up for the families.",
            None,
        );
        check(
            "The auditor said the ministry would report an error in the count to parliament.",
            None,
        );
        check(
            "The three options were signal, wait or turn back, the pilot said.",
            None,
        );
        check(
            "comments powered by SomeWidget",
            Some(RemovalReason::Comments),
        );
        check("12 comments", Some(RemovalReason::Comments));
        check("Leave a comment", Some(RemovalReason::Comments));
        check(
            "(If you want to write for us, please contact us at [email protected])",
            Some(RemovalReason::Contact),
        );
        check(
            "Tips? Write to newsdesk@vell-courier.example",
            Some(RemovalReason::Contact),
        );
        check(
            "© 2024 The Vell Courier. All rights reserved.",
            Some(RemovalReason::Contact),
        );
        check("Copyright 2023 Harbour Media", Some(RemovalReason::Contact));
    }

    #[test]
    fn editor_notes() {
        check(
            "Corrected at 13:41 GMT: an earlier version of this entry gave the wrong date.",
            Some(RemovalReason::EditorNote),
        );
        check(
            "Editor's note: Ilse Marr is a freelance writer based in Vell.",
            Some(RemovalReason::EditorNote),
        );
        check(
            "Editor’s Note: The author covers shipping for several magazines.",
            Some(RemovalReason::EditorNote),
        );
        check(
            "The views expressed in this article are those of the author alone.",
            Some(RemovalReason::EditorNote),
        );
        check(
            "Note de la rédaction : ce texte a été mis à jour.",
            Some(RemovalReason::EditorNote),
        );
        check(
            "This article was amended on 3 May 2026. An earlier version misspelled a name.",
            Some(RemovalReason::EditorNote),
        );
        check(
            "Updated at 14:20 GMT with comment from the port authority.",
            Some(RemovalReason::EditorNote),
        );
        check(
            "The post Pilots walk out at Velmar appeared first on The Harbour Ledger.",
            Some(RemovalReason::EditorNote),
        );
        check(
            "About the author: Ana Ruiz covers shipping for the Ledger.",
            Some(RemovalReason::EditorNote),
        );
    }

    #[test]
    fn bylines_and_datelines() {
        assert_eq!(
            classify("By Mara Quill and Ode Fenn"),
            Some(Shape::Byline {
                authors: vec!["Mara Quill".to_string(), "Ode Fenn".to_string()],
                published: None,
            })
        );
        assert_eq!(
            classify("By Mara Quill, Staff Writer | 10 May 2023"),
            Some(Shape::Byline {
                authors: vec!["Mara Quill".to_string()],
                published: NaiveDate::from_ymd_opt(2023, 5, 10),
            })
        );
        assert_eq!(
            classify("Monday January 10 2022"),
            Some(Shape::DateLine {
                published: NaiveDate::from_ymd_opt(2022, 1, 10)
            })
        );
        assert_eq!(
            classify("Published: 10 January 2022, 14:05 GMT"),
            Some(Shape::DateLine {
                published: NaiveDate::from_ymd_opt(2022, 1, 10)
            })
        );
        assert_eq!(
            classify("Published 10.06.2026, 06:50 · Updated 11.06.2026, 09:12"),
            Some(Shape::DateLine {
                published: NaiveDate::from_ymd_opt(2026, 6, 10)
            })
        );
        assert_eq!(
            classify("Updated 3 hours ago"),
            Some(Shape::DateLine { published: None })
        );
        check(
            "Reporting by Ode Fenn; Editing by Ilse Marr",
            Some(RemovalReason::Byline),
        );
    }

    #[test]
    fn signatures() {
        assert_eq!(
            signature("Mara Quill, Vell Courier"),
            Some(("Mara Quill".to_string(), Some("Vell Courier".to_string())))
        );
        assert_eq!(
            signature("Ode Fenn, vellnews.example"),
            Some(("Ode Fenn".to_string(), Some("vellnews.example".to_string())))
        );
        assert_eq!(
            signature("— Ilse Marr"),
            Some(("Ilse Marr".to_string(), None))
        );
        assert_eq!(signature("Mara Quill, 10 May 2023"), None);
        assert_eq!(signature("The talks will resume, officials said."), None);
        assert_eq!(signature("Mara Quill"), None);
    }

    #[test]
    fn summary_offers_are_widgets() {
        for offer in [
            "Busy morning? Get this story in three bullet points",
            "In a hurry? Tap here for the 20-second version",
            "Pressed for time? Read our 60-second briefing",
            "Too long? See the summary",
            "No time? The gist in five lines",
            "Pas le temps ? Lisez l'essentiel",
            "Skip the scroll? Get this story in 30 seconds",
            "Short of time? Tap for the key facts",
        ] {
            check(offer, Some(RemovalReason::Widget));
        }
        for sentence in [
            "Why now? The river is at its lowest level in a decade.",
            "What is in the summary?",
            "Who wrote it? The ministry's own summary does not say.",
            "Is this the final version? Officials would not say",
        ] {
            check(sentence, None);
        }
    }

    fn check_summary_disclaimer(unit: &str, expected: bool) {
        assert_eq!(is_summary_disclaimer(unit), expected, "{unit:?}");
    }

    #[test]
    fn summary_disclaimers() {
        for unit in [
            "Summaries are machine-made. Tap again to hide.",
            "The briefing is generated by software from the article text and may contain mistakes.",
            "Quick recaps are generated automatically and may leave out details.",
            "Key points are selected by our newsroom's assistant software.",
            "This summary was written by an automated tool and checked by no one.",
            "Bullet summaries are produced automatically. Always check the full article.",
            "Our 30-second versions are written by a computer and may miss key facts.",
            "Key facts are compiled automatically and may be incomplete.",
            "Audio is machine-generated and may mispronounce place names.",
        ] {
            check_summary_disclaimer(unit, true);
        }
        for unit in [
            "The software company said its tools would be ready by March.",
            "Engineers at the port say the automated cranes need fewer crews.",
            "A summary of the ruling was published on Tuesday.",
            "Earlier versions of the bill were drafted by the committee's staff.",
            "Audio recordings of the hearing were played to the jury.",
            "The ministry has not published the report on which the summary was based, and critics say the figures in it were produced by a tool that nobody has audited, which raises questions about the whole process and about who checked the numbers before they were released to the press on Monday morning.",
        ] {
            check_summary_disclaimer(unit, false);
        }
    }

    fn check_syndication(unit: &str, expected_outlet: Option<&str>) {
        let outlet = match classify(unit) {
            Some(Shape::Syndication { outlet }) => outlet,
            _ => None,
        };
        assert_eq!(outlet.as_deref(), expected_outlet, "{unit:?}");
    }

    #[test]
    fn syndication_credits() {
        check_syndication("Source: Vell Wire Service", Some("Vell Wire Service"));
        check_syndication("Via: Harbour Notes", Some("Harbour Notes"));
        check_syndication("Via Vell Wire Service", Some("Vell Wire Service"));
        check_syndication(
            "LIVE UPDATES · as published by Vell Wire Service",
            Some("Vell Wire Service"),
        );
        check_syndication("Via the old coast road, the trip takes an hour.", None);
        check_syndication(
            "Originally published by The Vell Courier.",
            Some("The Vell Courier"),
        );
        check_syndication(
            "This article first appeared on Harbour Notes and is republished with permission.",
            Some("Harbour Notes"),
        );
        check_syndication(
            "This story was originally published in The Lantern on 3 May 2023.",
            Some("The Lantern"),
        );
        check_syndication(
            "Republished from vellnews.example",
            Some("vellnews.example"),
        );
        check(
            "Source: Vell Wire Service",
            Some(RemovalReason::Syndication),
        );
        // A chart's source line and sentences about sources are not credits.
        check_syndication("Source: company filings", None);
        check("Sources said the talks would resume in March.", None);
        check(
            "The source of the leak was a ministry official, the paper reported.",
            None,
        );
        // Without a named outlet, the old reading stands: a note about the article.
        check(
            "This article was originally published in print.",
            Some(RemovalReason::EditorNote),
        );
    }

    #[test]
    fn authors_from_editor_notes() {
        let check_note = |note: &str, expected: Option<&str>| {
            assert_eq!(note_author(note).as_deref(), expected, "{note:?}");
        };
        check_note(
            "Editor's note: Ilse Marr is a maritime economist. The views expressed are her own.",
            Some("Ilse Marr"),
        );
        check_note(
            "Editor's note: Ode Fenn, a former diplomat in Vell, is a columnist for this paper.",
            Some("Ode Fenn"),
        );
        check_note(
            "Editor's note: This article was updated to correct the date of the vote.",
            None,
        );
        check_note("Editor's note: The Harbour Board is a public body.", None);
    }

    #[test]
    fn author_names_without_addresses() {
        let check_author = |author: &str, expected: Option<&str>| {
            assert_eq!(author_name(author).as_deref(), expected, "{author:?}");
        };
        check_author("desk@courier.example (Mara Quill)", Some("Mara Quill"));
        check_author("(Mara Quill)", Some("Mara Quill"));
        check_author("Mara Quill <mara@courier.example>", Some("Mara Quill"));
        check_author("desk@courier.example", None);
        check_author("Mara Quill", Some("Mara Quill"));
        check_author(
            "Mara Quill (Vell Courier)",
            Some("Mara Quill (Vell Courier)"),
        );
    }

    #[test]
    fn long_units_are_article_text() {
        let long = format!("Read more {}", "words ".repeat(200));
        check(&long, None);
        let note = format!("Editor's note: {}", "words ".repeat(200));
        check(&note, Some(RemovalReason::EditorNote));
    }
}
