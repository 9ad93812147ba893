//! The Porter stemmer as NLTK's `PorterStemmer` runs it by default (`NLTK_EXTENSIONS` mode), the
//! stemmer Google's `rouge-score` uses with `use_stemmer=True`.
//!
//! rust-stemmers' English is Porter2 (Snowball), which stems many words differently ("generally"
//! → "general" vs "gener"), so ROUGE figures would not match the reference scorer with it. This is
//! a rule-for-rule port of `nltk/stem/porter.py` (NLTK 3.x) for lowercase ASCII words, which is
//! all the ROUGE tokenizer hands it.

/// The stem of `word`, a lowercase ASCII word.
pub(crate) fn stem(word: &str) -> String {
    if let Some(irregular) = irregular_form(word) {
        return irregular.to_string();
    }
    if word.len() <= 2 {
        return word.to_string();
    }
    let mut stem = word.as_bytes().to_vec();
    stem = step1a(stem);
    stem = step1b(stem);
    stem = step1c(stem);
    stem = step2(stem);
    stem = step3(stem);
    stem = step4(stem);
    stem = step5a(stem);
    stem = step5b(stem);
    String::from_utf8_lossy(&stem).into_owned()
}

/// NLTK's pool of words its extensions stem by lookup.
fn irregular_form(word: &str) -> Option<&'static str> {
    Some(match word {
        "sky" | "skies" => "sky",
        "dying" => "die",
        "lying" => "lie",
        "tying" => "tie",
        "news" => "news",
        "innings" | "inning" => "inning",
        "outings" | "outing" => "outing",
        "cannings" | "canning" => "canning",
        "howe" => "howe",
        "proceed" => "proceed",
        "exceed" => "exceed",
        "succeed" => "succeed",
        _ => return None,
    })
}

fn is_vowel(letter: u8) -> bool {
    matches!(letter, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Whether the letter at `idx` is a consonant: a `y` is one unless a consonant precedes it,
/// counting back over a run of `y`s.
fn is_consonant(word: &[u8], idx: usize) -> bool {
    consonant_flags(word)[idx]
}

fn consonant_flags(word: &[u8]) -> Vec<bool> {
    let mut flags: Vec<bool> = Vec::with_capacity(word.len());
    for (idx, &letter) in word.iter().enumerate() {
        let flag = if is_vowel(letter) {
            false
        } else if letter == b'y' {
            idx == 0 || !flags[idx - 1]
        } else {
            true
        };
        flags.push(flag);
    }
    flags
}

/// Porter's m: the number of vowel-consonant sequences.
fn measure(stem: &[u8]) -> usize {
    let flags = consonant_flags(stem);
    flags.windows(2).filter(|pair| !pair[0] && pair[1]).count()
}

fn contains_vowel(stem: &[u8]) -> bool {
    consonant_flags(stem).iter().any(|&consonant| !consonant)
}

fn ends_double_consonant(word: &[u8]) -> bool {
    let n = word.len();
    n >= 2 && word[n - 1] == word[n - 2] && is_consonant(word, n - 1)
}

/// Consonant-vowel-consonant at the end, the last not w, x or y; NLTK also counts a
/// two-letter vowel-consonant word.
fn ends_cvc(word: &[u8]) -> bool {
    let n = word.len();
    (n >= 3
        && is_consonant(word, n - 3)
        && !is_consonant(word, n - 2)
        && is_consonant(word, n - 1)
        && !matches!(word[n - 1], b'w' | b'x' | b'y'))
        || (n == 2 && !is_consonant(word, 0) && is_consonant(word, 1))
}

/// When a rule's condition holds.
#[derive(Clone, Copy)]
enum Condition {
    Always,
    /// m(stem) > 0.
    PositiveMeasure,
    /// m(stem) > 1.
    MeasureAboveOne,
    /// m(stem) > 1 and the stem ends in s or t (step 4's "ion").
    MeasureAboveOneEndsST,
}

impl Condition {
    fn holds(self, stem: &[u8]) -> bool {
        match self {
            Condition::Always => true,
            Condition::PositiveMeasure => measure(stem) > 0,
            Condition::MeasureAboveOne => measure(stem) > 1,
            Condition::MeasureAboveOneEndsST => {
                measure(stem) > 1 && matches!(stem.last(), Some(b's' | b't'))
            }
        }
    }
}

/// The first rule whose suffix ends the word decides: its replacement when its condition holds,
/// else the word unchanged (NLTK's `_apply_rule_list`).
fn apply_rules(word: Vec<u8>, rules: &[(&str, &str, Condition)]) -> Vec<u8> {
    for &(suffix, replacement, condition) in rules {
        if let Some(stem) = word.strip_suffix(suffix.as_bytes()) {
            if condition.holds(stem) {
                let mut replaced = stem.to_vec();
                replaced.extend_from_slice(replacement.as_bytes());
                return replaced;
            }
            return word;
        }
    }
    word
}

fn replace_suffix(word: &[u8], suffix_len: usize, replacement: &str) -> Vec<u8> {
    let mut replaced = word[..word.len() - suffix_len].to_vec();
    replaced.extend_from_slice(replacement.as_bytes());
    replaced
}

fn step1a(word: Vec<u8>) -> Vec<u8> {
    if word.ends_with(b"ies") && word.len() == 4 {
        return replace_suffix(&word, 3, "ie");
    }
    apply_rules(
        word,
        &[
            ("sses", "ss", Condition::Always),
            ("ies", "i", Condition::Always),
            ("ss", "ss", Condition::Always),
            ("s", "", Condition::Always),
        ],
    )
}

fn step1b(word: Vec<u8>) -> Vec<u8> {
    if word.ends_with(b"ied") {
        let replacement = if word.len() == 4 { "ie" } else { "i" };
        return replace_suffix(&word, 3, replacement);
    }
    if let Some(stem) = word.strip_suffix(b"eed") {
        if measure(stem) > 0 {
            return replace_suffix(&word, 1, "");
        }
        return word;
    }
    let Some(stem) = [&b"ed"[..], &b"ing"[..]].iter().find_map(|suffix| {
        word.strip_suffix(*suffix)
            .filter(|stem| contains_vowel(stem))
    }) else {
        return word;
    };
    let stem = stem.to_vec();
    for (suffix, replacement) in [("at", "ate"), ("bl", "ble"), ("iz", "ize")] {
        if stem.ends_with(suffix.as_bytes()) {
            return replace_suffix(&stem, suffix.len(), replacement);
        }
    }
    if ends_double_consonant(&stem) {
        // "*d": undouble, except l, s and z ("hopping" → "hop", "falling" → "fall").
        let last = stem[stem.len() - 1];
        if matches!(last, b'l' | b's' | b'z') {
            return stem;
        }
        return stem[..stem.len() - 1].to_vec();
    }
    if measure(&stem) == 1 && ends_cvc(&stem) {
        let mut restored = stem;
        restored.push(b'e');
        return restored;
    }
    stem
}

fn step1c(word: Vec<u8>) -> Vec<u8> {
    if let Some(stem) = word.strip_suffix(b"y")
        && stem.len() > 1
        && is_consonant(stem, stem.len() - 1)
    {
        return replace_suffix(&word, 1, "i");
    }
    word
}

fn step2(word: Vec<u8>) -> Vec<u8> {
    if let Some(stem) = word.strip_suffix(b"alli")
        && measure(stem) > 0
    {
        return step2(replace_suffix(&word, 4, "al"));
    }
    // NLTK's "logi" rule comes last, and no earlier suffix ends in "logi"; its condition tests
    // the word less "ogi", not less the suffix.
    if word.ends_with(b"logi") {
        if measure(&word[..word.len() - 3]) > 0 {
            return replace_suffix(&word, 1, "");
        }
        return word;
    }
    let positive = Condition::PositiveMeasure;
    apply_rules(
        word,
        &[
            ("ational", "ate", positive),
            ("tional", "tion", positive),
            ("enci", "ence", positive),
            ("anci", "ance", positive),
            ("izer", "ize", positive),
            ("bli", "ble", positive),
            ("alli", "al", positive),
            ("entli", "ent", positive),
            ("eli", "e", positive),
            ("ousli", "ous", positive),
            ("ization", "ize", positive),
            ("ation", "ate", positive),
            ("ator", "ate", positive),
            ("alism", "al", positive),
            ("iveness", "ive", positive),
            ("fulness", "ful", positive),
            ("ousness", "ous", positive),
            ("aliti", "al", positive),
            ("iviti", "ive", positive),
            ("biliti", "ble", positive),
            ("fulli", "ful", positive),
        ],
    )
}

fn step3(word: Vec<u8>) -> Vec<u8> {
    let positive = Condition::PositiveMeasure;
    apply_rules(
        word,
        &[
            ("icate", "ic", positive),
            ("ative", "", positive),
            ("alize", "al", positive),
            ("iciti", "ic", positive),
            ("ical", "ic", positive),
            ("ful", "", positive),
            ("ness", "", positive),
        ],
    )
}

fn step4(word: Vec<u8>) -> Vec<u8> {
    let above_one = Condition::MeasureAboveOne;
    apply_rules(
        word,
        &[
            ("al", "", above_one),
            ("ance", "", above_one),
            ("ence", "", above_one),
            ("er", "", above_one),
            ("ic", "", above_one),
            ("able", "", above_one),
            ("ible", "", above_one),
            ("ant", "", above_one),
            ("ement", "", above_one),
            ("ment", "", above_one),
            ("ent", "", above_one),
            ("ion", "", Condition::MeasureAboveOneEndsST),
            ("ou", "", above_one),
            ("ism", "", above_one),
            ("ate", "", above_one),
            ("iti", "", above_one),
            ("ous", "", above_one),
            ("ive", "", above_one),
            ("ize", "", above_one),
        ],
    )
}

fn step5a(word: Vec<u8>) -> Vec<u8> {
    if let Some(stem) = word.strip_suffix(b"e") {
        let m = measure(stem);
        if m > 1 || (m == 1 && !ends_cvc(stem)) {
            return stem.to_vec();
        }
    }
    word
}

fn step5b(word: Vec<u8>) -> Vec<u8> {
    if word.ends_with(b"ll") && measure(&word[..word.len() - 1]) > 1 {
        return word[..word.len() - 1].to_vec();
    }
    word
}

#[cfg(test)]
mod tests {
    use super::stem;

    fn check(pairs: &[(&str, &str)]) {
        let found: Vec<(&str, String)> =
            pairs.iter().map(|(word, _)| (*word, stem(word))).collect();
        let expected: Vec<(&str, String)> = pairs
            .iter()
            .map(|(word, stemmed)| (*word, stemmed.to_string()))
            .collect();
        assert_eq!(found, expected);
    }

    /// Stems as NLTK 3.10's `PorterStemmer().stem` gives them.
    #[test]
    fn stems_as_nltk_does() {
        check(&[
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("ties", "tie"),
            ("cats", "cat"),
            ("feed", "feed"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("motoring", "motor"),
            ("sing", "sing"),
            ("conflated", "conflat"),
            ("troubled", "troubl"),
            ("sized", "size"),
            ("hopping", "hop"),
            ("falling", "fall"),
            ("filing", "file"),
            ("happy", "happi"),
            ("relational", "relat"),
            ("generally", "gener"),
            ("electricity", "electr"),
            ("adjustment", "adjust"),
            ("controll", "control"),
            ("dying", "die"),
            ("died", "die"),
            ("studied", "studi"),
            ("analogies", "analog"),
            ("says", "say"),
            ("president", "presid"),
            ("republicans", "republican"),
        ]);
    }
}
