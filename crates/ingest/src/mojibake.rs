//! Mojibake: UTF-8 text that was once read as Windows-1252 (or Latin-1) and saved again, so that
//! every non-ASCII character became two to four others ("Ã©" for "é", "â€™" for "’"). Scrapers,
//! databases and CMS exports do this; the damage is reversible because UTF-8's byte patterns are
//! strict: a lead byte (0xC2–0xF4) followed by the right number of continuation bytes
//! (0x80–0xBF) almost never occurs by chance in real text once each byte is shown as its
//! Windows-1252 character.
//!
//! Written here rather than taken from a crate: `plsfix`, the Rust port of ftfy, brings all of
//! ICU 1.5 (a second copy beside the ICU 2 the URL crates use; about 70 s more to build on two
//! cores) and by default also rewrites curly quotes, which news text must keep.
//!
//! A repaired character must be plausible where it stands, so that real text is never changed:
//! an isolated sequence whose second character is punctuation that can follow a word ("’", "”",
//! "–", "…") is read as mojibake only inside a word ("ESPAÃ‘A", "Ã‰tats"), never at a word's end
//! ("NÃO”" stays), and sequences that would decode to phonetic symbols or combining marks
//! ("CAFÉ’s") stay as they are.

/// Repaired text and at how many places of the input.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Repaired {
    pub(crate) text: String,
    /// Sequences decoded by the first pass: each is one place of the input (a later pass only
    /// decodes again what an earlier one produced).
    pub(crate) places: usize,
}

/// Text read twice as Windows-1252 needs two passes; three covers what is seen in the wild.
const MAX_PASSES: usize = 3;

/// `text` with its mojibake turned back into the characters meant, or `None` when there is
/// none.
pub(crate) fn repair(text: &str) -> Option<Repaired> {
    let (mut repaired, places) = repair_once(text)?;
    for _ in 1..MAX_PASSES {
        let Some((again, _)) = repair_once(&repaired) else {
            break;
        };
        repaired = again;
    }
    Some(Repaired {
        text: without_stranded_circumflex(&repaired),
        places,
    })
}

/// Text whose mojibake was repaired, without the "Â" left where the no-break space it came with
/// became a plain space ("Ã‚ Democratic" is "Â Democratic" after a pass): in text known to be
/// mojibake, an "Â" before a space that no capital letter precedes is that leftover, not a word's
/// last letter ("PÂ " in capitals stays).
fn without_stranded_circumflex(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        let stranded =
            ch == 'Â' && chars.peek() == Some(&' ') && !previous.is_some_and(char::is_uppercase);
        if !stranded {
            out.push(ch);
        }
        previous = Some(ch);
    }
    out
}

/// What a diagnostic says of a repair at `places` places.
pub(crate) fn note(places: usize) -> String {
    let places = if places == 1 {
        "1 place".to_string()
    } else {
        format!("{places} places")
    };
    format!("mojibake (UTF-8 once read as Windows-1252, \"Ã©\" for \"é\") repaired at {places}")
}

/// One pass: every run of mojibake sequences that reads as plausible text, decoded. Only the
/// places where a sequence can start are looked at, so that text without mojibake costs a byte
/// scan.
fn repair_once(text: &str) -> Option<(String, usize)> {
    let mut out = String::new();
    let mut copied_to = 0;
    let mut n_repaired = 0;
    let mut from = 0;
    while let Some(start) = next_lead(text, from) {
        let mut run = Vec::new();
        let mut end = start;
        while let Some(sequence) = sequence_at(text, end) {
            end += sequence.n_bytes;
            run.push(sequence);
        }
        if run.is_empty() || !plausible(&run, text[end..].chars().next()) {
            // The lead character is two bytes long.
            from = start + 2;
            continue;
        }
        out.push_str(&text[copied_to..start]);
        out.extend(run.iter().map(|sequence| sequence.decoded));
        copied_to = end;
        n_repaired += run.len();
        from = end;
    }
    if n_repaired == 0 {
        return None;
    }
    out.push_str(&text[copied_to..]);
    Some((out, n_repaired))
}

/// The byte offset, at or after `from`, of the next character that can open a sequence
/// (U+00C2–U+00F4, which UTF-8 writes as 0xC3 0x82–0xB4).
fn next_lead(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut idx = from;
    // Every page is scanned: memchr's vectorised search, not a byte at a time.
    while let Some(offset) = memchr::memchr(0xc3, bytes.get(idx..)?) {
        idx += offset;
        if bytes
            .get(idx + 1)
            .is_some_and(|next| (0x82..=0xb4).contains(next))
        {
            return Some(idx);
        }
        idx += 1;
    }
    None
}

/// One UTF-8 sequence shown as Windows-1252 characters.
struct Sequence {
    /// The character it encodes.
    decoded: char,
    /// The second character shown: the sign that follows the lead letter.
    continuation: char,
    /// Bytes of the text it takes.
    n_bytes: usize,
}

/// The sequence starting at byte `start` of `text`, when the characters there are a lead byte
/// and its continuation bytes as Windows-1252 (or Latin-1, for the bytes Windows-1252 leaves
/// undefined).
fn sequence_at(text: &str, start: usize) -> Option<Sequence> {
    let mut chars = text.get(start..)?.chars();
    let lead_char = chars.next()?;
    let lead = windows_1252_byte(lead_char)?;
    let n_utf8 = match lead {
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return None,
    };
    let mut bytes = [lead, 0, 0, 0];
    let mut n_bytes = lead_char.len_utf8();
    let mut continuation = None;
    for byte in bytes.iter_mut().take(n_utf8).skip(1) {
        let ch = chars.next()?;
        let value = windows_1252_byte(ch)?;
        if !(0x80..=0xbf).contains(&value) {
            return None;
        }
        *byte = value;
        n_bytes += ch.len_utf8();
        continuation = continuation.or(Some(ch));
    }
    let decoded = std::str::from_utf8(&bytes[..n_utf8]).ok()?.chars().next()?;
    Some(Sequence {
        decoded,
        continuation: continuation?,
        n_bytes,
    })
}

/// Whether a run of sequences, followed by `next`, is what the writer meant.
fn plausible(run: &[Sequence], next: Option<char>) -> bool {
    let [sequence] = run else {
        // Two or more sequences side by side: a mojibake word, or text read wrongly twice,
        // whose first pass leaves C1 controls for the next one to join ("â€\u{9d}" is "”").
        return !run
            .iter()
            .any(|sequence| is_implausible(sequence.decoded) && !is_c1_control(sequence.decoded));
    };
    let ch = sequence.decoded;
    if is_implausible(ch) {
        return false;
    }
    if u32::from(ch) >= 0x800 {
        // Three or four bytes (punctuation, symbols, CJK, emoji): never real text as
        // Windows-1252, whose accented letter would need two continuation signs after it.
        return true;
    }
    if sequence.continuation == '\u{a0}' {
        // "Â " is a no-break space and "Ã " an "à": nothing else puts a no-break space after
        // these capitals.
        return true;
    }
    // Punctuation that can follow a word is mojibake only inside one, and only of a Latin
    // letter ("ESPAÃ‘A" but not "MÖTLEY CRÜE’s"); any other sign after a lead letter is.
    if follows_words(sequence.continuation) {
        return next.is_some_and(char::is_alphabetic) && is_latin(ch);
    }
    true
}

/// Characters no news text carries, which a wrong repair would produce: controls, phonetic
/// symbols and modifier letters, combining marks, private use.
fn is_implausible(ch: char) -> bool {
    matches!(u32::from(ch), 0x80..=0x9f | 0x250..=0x36f | 0xe000..=0xf8ff | 0xfff0..=0xffff)
}

fn is_c1_control(ch: char) -> bool {
    matches!(u32::from(ch), 0x80..=0x9f)
}

fn is_latin(ch: char) -> bool {
    matches!(u32::from(ch), 0xa0..=0x24f)
}

/// Punctuation that real text puts right after a word, which so can follow an accented capital
/// letter for real ("NÃO”", "SÃO…").
fn follows_words(ch: char) -> bool {
    matches!(ch, '’' | '‘' | '”' | '“' | '–' | '—' | '…' | '»' | '«')
}

/// The byte Windows-1252 writes as `ch`; the C1 controls stand for the five bytes it leaves
/// undefined, as a Latin-1 reading shows them.
fn windows_1252_byte(ch: char) -> Option<u8> {
    let code = u32::from(ch);
    if (0x80..=0xff).contains(&code) {
        return u8::try_from(code).ok();
    }
    let byte = match ch {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8a,
        '‹' => 0x8b,
        'Œ' => 0x8c,
        'Ž' => 0x8e,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9a,
        '›' => 0x9b,
        'œ' => 0x9c,
        'ž' => 0x9e,
        'Ÿ' => 0x9f,
        _ => return None,
    };
    Some(byte)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repaired(text: &str) -> String {
        repair(text).map_or_else(|| text.to_string(), |done| done.text)
    }

    #[test]
    fn accented_letters_and_punctuation_come_back() {
        assert_eq!(repaired("Mayor FranÃ§ois Ruiz"), "Mayor François Ruiz");
        assert_eq!(
            repaired("the pier at GuantÃ¡namo"),
            "the pier at Guantánamo"
        );
        assert_eq!(repaired("it donâ€™t matter"), "it don’t matter");
        assert_eq!(
            repaired("â€œNo,â€\u{9d} she said â€” twice"),
            "“No,” she said — twice"
        );
        assert_eq!(
            repaired("a naÃ¯ve plan, Ã‰tats, ESPAÃ‘A"),
            "a naïve plan, États, ESPAÑA"
        );
        assert_eq!(repaired("costs 5Â\u{a0}euros"), "costs 5\u{a0}euros");
        assert_eq!(repaired("Ã\u{a0} Paris"), "à Paris");
        assert_eq!(repaired("the ðŸ™‚ sign"), "the 🙂 sign");
        assert_eq!(
            repaired("costs Â£5, a cafÃ© in MÃ©xico, adiÃ³s"),
            "costs £5, a café in México, adiós"
        );
    }

    #[test]
    fn other_scripts_come_back_as_words() {
        assert_eq!(repaired("ÐŸÑ€Ð¸Ð²ÐµÑ‚ Ð¸ Ð¿Ð¾ÐºÐ°"), "Привет и пока");
        assert_eq!(repaired("ÎšÎ±Î»Î·Î¼Î\u{AD}Ï\u{81}Î±"), "Καλημέρα");
    }

    #[test]
    fn text_read_wrongly_twice_comes_back() {
        assert_eq!(repaired("FranÃƒÂ§ois"), "François");
        assert_eq!(
            repaired("so should you.Ã¢â‚¬Â\u{9d} Now"),
            "so should you.” Now"
        );
        let twice =
            repair("caf\u{c3}\u{192}\u{c2}\u{a9} and caf\u{c3}\u{a9}").map(|done| done.places);
        assert_eq!(twice, Some(3));
    }

    #[test]
    fn real_text_is_left_alone() {
        for text in [
            "Plain ASCII text.",
            "Café, naïve, Zürich, São Paulo, Ærø, Łódź, Привет, Καλημέρα, 東京.",
            "“NÃO”, they shouted.",
            "CAFÉ’s menu",
            "GROß” was the sign",
            "ÎLE-DE-FRANCE — and MÖTLEY CRÜE’s tour",
            "Ã alone is a letter; NÃO… and SÃO–Rio too.",
            "A 5×” bolt",
        ] {
            assert_eq!(repair(text), None, "{text}");
        }
    }

    #[test]
    fn broken_sequences_are_left_as_they_are() {
        // A byte lost on the way: nothing can be put back, and nothing else is touched.
        assert_eq!(repaired("the realÃ¢€world"), "the realâ€world");
        // A no-break space that became a space leaves its "Â" behind, which goes too; an "Â"
        // ending a word in capitals stays.
        assert_eq!(
            repaired("a Ã‚ Velmar vote, ANDRÂ Ruiz, donÃ¢â‚¬â„¢t"),
            "a  Velmar vote, ANDRÂ Ruiz, don’t"
        );
        assert_eq!(repaired("Ã"), "Ã");
        assert_eq!(repaired("ends with Ã©"), "ends with é");
    }
}
