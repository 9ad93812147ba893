//! The language of an article: the declared one when it is plausible, else whatlang's reliable
//! guess, as an ISO 639-1 code.

use parallax_model::{Diagnostic, Severity};

/// whatlang looks at no more than this many bytes: the opening of an article (some 600 words of
/// Latin script) tells its language, and detection costs in proportion to the text.
const SAMPLE_BYTES: usize = 4 * 1024;

/// The ISO 639-1 code of a language tag such as `en-GB`, `pt_BR` or `fra`.
pub(crate) fn from_tag(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    if !primary.chars().all(|ch| ch.is_ascii_alphabetic()) {
        return None;
    }
    match primary.len() {
        2 => Some(primary),
        3 => whatlang::Lang::from_code(&primary)
            .and_then(iso_639_1)
            .map(str::to_string),
        _ => None,
    }
}

/// whatlang's guess for `text`, only when it calls the guess reliable, with its confidence.
fn detect(text: &str) -> Option<(&'static str, f64)> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let info = whatlang::detect(&text[..end])?;
    if !info.is_reliable() {
        return None;
    }
    Some((iso_639_1(info.lang())?, info.confidence()))
}

/// The language to record for an article: `declared` (from the page or the feed) unless the text
/// clearly reads as another language, which happens when a site's template declares one
/// language for every page; then whatlang's guess, with a note.
pub(crate) fn choose(
    declared: Option<String>,
    text: &str,
    label: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<String> {
    let detected = detect(text);
    match (declared, detected) {
        (Some(declared), Some((detected, confidence)))
            if declared != detected
                && confidence >= 0.9
                && text.split_whitespace().take(50).count() >= 50 =>
        {
            diagnostics.push(Diagnostic::new(
                Severity::Note,
                label,
                format!("the page declares language {declared} but the text reads as {detected}"),
            ));
            Some(detected.to_string())
        }
        (Some(declared), _) => Some(declared),
        (None, detected) => detected.map(|(code, _)| code.to_string()),
    }
}

fn iso_639_1(lang: whatlang::Lang) -> Option<&'static str> {
    let code = match lang.code() {
        "afr" => "af",
        "aka" => "ak",
        "amh" => "am",
        "ara" => "ar",
        "aze" => "az",
        "bel" => "be",
        "ben" => "bn",
        "bul" => "bg",
        "cat" => "ca",
        "ces" => "cs",
        "cmn" => "zh",
        "cym" => "cy",
        "dan" => "da",
        "deu" => "de",
        "ell" => "el",
        "eng" => "en",
        "epo" => "eo",
        "est" => "et",
        "fin" => "fi",
        "fra" => "fr",
        "guj" => "gu",
        "heb" => "he",
        "hin" => "hi",
        "hrv" => "hr",
        "hun" => "hu",
        "hye" => "hy",
        "ind" => "id",
        "ita" => "it",
        "jav" => "jv",
        "jpn" => "ja",
        "kan" => "kn",
        "kat" => "ka",
        "khm" => "km",
        "kor" => "ko",
        "lat" => "la",
        "lav" => "lv",
        "lit" => "lt",
        "mal" => "ml",
        "mar" => "mr",
        "mkd" => "mk",
        "mya" => "my",
        "nep" => "ne",
        "nld" => "nl",
        "nob" => "nb",
        "ori" => "or",
        "pan" => "pa",
        "pes" => "fa",
        "pol" => "pl",
        "por" => "pt",
        "ron" => "ro",
        "rus" => "ru",
        "sin" => "si",
        "slk" => "sk",
        "slv" => "sl",
        "sna" => "sn",
        "spa" => "es",
        "srp" => "sr",
        "swe" => "sv",
        "tam" => "ta",
        "tel" => "te",
        "tgl" => "tl",
        "tha" => "th",
        "tuk" => "tk",
        "tur" => "tr",
        "ukr" => "uk",
        "urd" => "ur",
        "uzb" => "uz",
        "vie" => "vi",
        "yid" => "yi",
        "zul" => "zu",
        _ => return None,
    };
    Some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        assert_eq!(from_tag("en-GB").as_deref(), Some("en"));
        assert_eq!(from_tag("pt_BR").as_deref(), Some("pt"));
        assert_eq!(from_tag("fra").as_deref(), Some("fr"));
        assert_eq!(from_tag("x1").as_deref(), None);
        assert_eq!(from_tag("").as_deref(), None);
    }

    fn check(declared: Option<&str>, text: &str, expected: Option<&str>) {
        let mut diagnostics = Vec::new();
        let chosen = choose(declared.map(str::to_string), text, "in", &mut diagnostics);
        assert_eq!(chosen.as_deref(), expected);
    }

    #[test]
    fn chooses() {
        let english = "The harbour council met on Tuesday evening to discuss the proposal for a new breakwater, which engineers say would protect the old town from winter storms for decades to come, and the mayor said that the vote would be held in the spring after a public consultation with the fishing families of the bay.";
        check(None, english, Some("en"));
        check(Some("de"), english, Some("en"));
        check(Some("en"), "Ok", Some("en"));
        check(None, "Ok", None);
    }
}
