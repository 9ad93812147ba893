//! Bytes to clean characters: charset decoding, the binary-data check, whitespace normalization.

use crate::error::Error;
use crate::mojibake;
use encoding_rs::Encoding;
use std::borrow::Cow;

/// Decoded text and, when the bytes were not UTF-8, a note saying how they were read.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub(crate) text: String,
    pub(crate) note: Option<String>,
}

/// How many leading bytes the binary check and the charset guess look at.
const SNIFF_BYTES: usize = 8 * 1024;

/// Bytes to text.
///
/// UTF-8 is taken as is (a byte order mark is dropped); UTF-16 with a byte order mark is decoded.
/// Otherwise the charset `declared` finds in the bytes (a page's `<meta charset>`) is used if
/// there is one, else the charset chardetng guesses, and the result carries a note naming it. Mostly-valid UTF-8 (at least four
/// good non-ASCII characters per bad sequence) is read as UTF-8 with the bad bytes replaced, because a charset guess would garble every
/// other non-ASCII character.
///
/// Errors with [`Error::Binary`] when the bytes hold NUL bytes or many control characters.
///
/// `declared` is called only for bytes that are not UTF-8: looking for the declaration cost more
/// than the rest of decoding, and most pages are UTF-8, which a declaration cannot override.
///
/// Mojibake in the text (UTF-8 once read as Windows-1252: "Ã©" for "é") is repaired, with a
/// note saying so.
pub(crate) fn decode(
    bytes: &[u8],
    label: &str,
    declared: impl FnOnce(&[u8]) -> Option<&'static Encoding>,
) -> Result<Decoded, Error> {
    let mut decoded = decode_charset(bytes, label, declared)?;
    if let Some(repaired) = mojibake::repair(&decoded.text) {
        let note = mojibake::note(repaired.places);
        decoded.note = Some(match decoded.note {
            Some(charset_note) => format!("{charset_note}; {note}"),
            None => note,
        });
        decoded.text = repaired.text;
    }
    Ok(decoded)
}

fn decode_charset(
    bytes: &[u8],
    label: &str,
    declared: impl FnOnce(&[u8]) -> Option<&'static Encoding>,
) -> Result<Decoded, Error> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        if encoding == encoding_rs::UTF_8 {
            return decode_unmarked(body, label, declared);
        }
        let (text, _) = encoding.decode_without_bom_handling(body);
        if control_share_is_binary(&text) {
            return Err(binary(label));
        }
        return Ok(Decoded {
            text: text.into_owned(),
            note: None,
        });
    }
    decode_unmarked(bytes, label, declared)
}

fn decode_unmarked(
    bytes: &[u8],
    label: &str,
    declared: impl FnOnce(&[u8]) -> Option<&'static Encoding>,
) -> Result<Decoded, Error> {
    if looks_binary(bytes) {
        return Err(binary(label));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_string(),
            note: None,
        });
    }
    let (n_valid_multibyte, n_invalid) = utf8_census(bytes);
    if n_valid_multibyte > 0 && n_invalid * 4 <= n_valid_multibyte {
        return Ok(Decoded {
            text: String::from_utf8_lossy(bytes).into_owned(),
            note: Some(format!(
                "{n_invalid} invalid UTF-8 sequences replaced with U+FFFD"
            )),
        });
    }
    let declared = declared(bytes).filter(|encoding| {
        *encoding != encoding_rs::UTF_8
            && *encoding != encoding_rs::UTF_16LE
            && *encoding != encoding_rs::UTF_16BE
    });
    let encoding = declared.unwrap_or_else(|| guess(bytes));
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Ok(Decoded {
        text: text.into_owned(),
        note: Some(format!(
            "not valid UTF-8; decoded as {}",
            encoding.name().to_ascii_lowercase()
        )),
    })
}

fn binary(label: &str) -> Error {
    Error::Binary {
        input: label.to_string(),
    }
}

fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    // The first 64 KB are plenty for a guess and keep the cost flat on huge inputs.
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    detector.feed(sample, sample.len() == bytes.len());
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

/// Counts valid non-ASCII characters and invalid sequences of UTF-8.
fn utf8_census(bytes: &[u8]) -> (usize, usize) {
    let mut n_valid_multibyte = 0;
    let mut n_invalid = 0;
    for chunk in bytes.utf8_chunks() {
        n_valid_multibyte += chunk.valid().chars().filter(|ch| !ch.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            n_invalid += 1;
        }
    }
    (n_valid_multibyte, n_invalid)
}

/// Whether the first bytes hold a NUL or more than 5% control bytes (tab, newlines and form feed
/// excepted): the mark of images, archives and executables.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.contains(&0) {
        return true;
    }
    let n_control = head
        .iter()
        .filter(|byte| matches!(byte, 0x01..=0x08 | 0x0b | 0x0e..=0x1f | 0x7f))
        .count();
    n_control * 20 > head.len()
}

fn control_share_is_binary(text: &str) -> bool {
    let mut n_chars = 0;
    let mut n_control = 0;
    for ch in text.chars().take(SNIFF_BYTES) {
        n_chars += 1;
        if ch == '\0' {
            return true;
        }
        if ch.is_control() && !matches!(ch, '\t' | '\n' | '\r' | '\x0c') {
            n_control += 1;
        }
    }
    n_control * 20 > n_chars
}

/// The charset an HTML page declares in its first 4 KB (`<meta charset>` or `http-equiv`), or an
/// XML declaration's `encoding`.
pub(crate) fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    use std::sync::LazyLock;
    static CHARSET: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
        regex::bytes::Regex::new(
            r#"(?i-u)(?:<meta[^>]{0,200}?charset\s*=\s*["']?\s*|<\?xml[^>]{0,100}?encoding\s*=\s*["'])([a-z0-9_:.\-]{1,40})"#,
        )
        .expect("the charset pattern is valid")
    });
    let head = &bytes[..bytes.len().min(4096)];
    let captures = CHARSET.captures(head)?;
    Encoding::for_label(captures.get(1)?.as_bytes())
}

/// Text with `\r\n`, `\r` and the Unicode separators turned into `\n` (a paragraph separator into
/// `\n\n`); borrowed when there is nothing to change.
pub(crate) fn unify_newlines(text: &str) -> Cow<'_, str> {
    if !text.contains(['\r', '\u{2028}', '\u{2029}']) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.replace("\r\n", "\n")
            .replace(['\r', '\u{2028}'], "\n")
            .replace('\u{2029}', "\n\n"),
    )
}

/// Characters that have no width and no meaning in news text: zero-width space, word joiner, byte
/// order mark, soft hyphen and the bidirectional controls.
///
/// The zero-width joiner and non-joiner are kept: they change how Persian, Indic scripts and
/// emoji are written, so dropping them would change words.
fn is_invisible(ch: char) -> bool {
    matches!(
        ch,
        '\u{00ad}'
            | '\u{061c}'
            | '\u{200b}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
    )
}

/// One line made clean: invisible characters dropped, every run of whitespace (no-break spaces,
/// tabs, other control characters) turned into one space, and the ends trimmed.
pub(crate) fn normalize_line(line: &str) -> String {
    if line.is_ascii() {
        return normalize_ascii_line(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut pending_space = false;
    for ch in line.chars() {
        if is_invisible(ch) {
            continue;
        }
        if ch.is_whitespace() || ch.is_control() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(ch);
    }
    out
}

/// [`normalize_line`] for ASCII text, the most common, split into words without decoding
/// characters: an ASCII character is whitespace or a control character exactly when it is at
/// most a space or is DEL, and none is invisible.
fn normalize_ascii_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for word in line
        .split(|ch: char| ch <= ' ' || ch == '\x7f')
        .filter(|word| !word.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_decode(bytes: &[u8], expected_text: &str, expected_note: Option<&str>) {
        let decoded = decode(bytes, "in.txt", |_| None).expect("decodes");
        assert_eq!(decoded.text, expected_text);
        assert_eq!(decoded.note.as_deref(), expected_note);
    }

    #[test]
    fn decodes_utf8_and_drops_the_bom() {
        check_decode("\u{feff}Café".as_bytes(), "Café", None);
        check_decode("plain".as_bytes(), "plain", None);
    }

    #[test]
    fn decodes_latin1_with_a_note() {
        check_decode(
            b"Le caf\xe9 de la gare a ferm\xe9 ses portes l'\xe9t\xe9 dernier.",
            "Le café de la gare a fermé ses portes l'été dernier.",
            Some("not valid UTF-8; decoded as windows-1252"),
        );
    }

    #[test]
    fn decodes_utf16_with_bom() {
        let mut bytes = vec![0xff, 0xfe];
        for unit in "Hé".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        check_decode(&bytes, "Hé", None);
    }

    #[test]
    fn mostly_utf8_keeps_utf8() {
        let mut bytes = "Zürich, Genève, Kraków, Łódź and Malmö "
            .as_bytes()
            .to_vec();
        bytes.push(0xff);
        check_decode(
            &bytes,
            "Zürich, Genève, Kraków, Łódź and Malmö \u{fffd}",
            Some("1 invalid UTF-8 sequences replaced with U+FFFD"),
        );
    }

    #[test]
    fn declared_charset_wins_over_the_guess() {
        let page = b"<meta charset=\"koi8-r\"><p>\xf0\xd2\xc9\xd7\xc5\xd4</p>";
        let declared = declared_charset(page);
        assert_eq!(declared, Some(encoding_rs::KOI8_R));
        let decoded = decode(page, "in.html", |_| declared).expect("decodes");
        assert!(decoded.text.contains("Привет"), "{}", decoded.text);
    }

    #[test]
    fn binary_is_refused() {
        let error =
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "photo.txt", |_| None).expect_err("binary");
        assert_eq!(error.to_string(), "photo.txt: binary data, not an article");
        let controls: Vec<u8> = (0..400)
            .map(|idx| if idx % 4 == 0 { 0x01 } else { b'a' })
            .collect();
        assert!(decode(&controls, "x", |_| None).is_err());
    }

    fn check_normalize(line: &str, expected: &str) {
        assert_eq!(normalize_line(line), expected);
    }

    #[test]
    fn normalizes_lines() {
        check_normalize("  a\u{a0}\u{a0}b\tc  ", "a b c");
        check_normalize("zero\u{200b}width\u{200f}", "zerowidth");
        check_normalize("\u{a0}\"Quoted\"", "\"Quoted\"");
        check_normalize("soft\u{ad}hyphen", "softhyphen");
        check_normalize(" a\u{1}\u{7f}b\r\n c\t", "a b c");
        check_normalize("", "");
    }

    #[test]
    fn unifies_newlines() {
        assert_eq!(unify_newlines("a\r\nb\rc\u{2029}d"), "a\nb\nc\n\nd");
    }
}
