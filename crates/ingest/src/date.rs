//! Calendar dates as pages and datelines write them: ISO timestamps, "10 January 2022",
//! "Monday January 10 2022", "10.01.2022", "13/01/2022" (slashed only where the order is
//! unambiguous), with month names in English, French, German, Spanish
//! and Russian.

use chrono::NaiveDate;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// Month names and abbreviations, lowercase, with their month number.
const MONTHS: &[(&str, u32)] = &[
    // English.
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    // French.
    ("janvier", 1),
    ("janv", 1),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("mars", 3),
    ("avril", 4),
    ("avr", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("juil", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    // German.
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("maerz", 3),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("okt", 10),
    ("dezember", 12),
    ("dez", 12),
    // Spanish.
    ("enero", 1),
    ("ene", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("abr", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("ago", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("dic", 12),
    // Russian, genitive (as in dates) and nominative.
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    ("январь", 1),
    ("февраль", 2),
    ("март", 3),
    ("апрель", 4),
    ("май", 5),
    ("июнь", 6),
    ("июль", 7),
    ("август", 8),
    ("сентябрь", 9),
    ("октябрь", 10),
    ("ноябрь", 11),
    ("декабрь", 12),
];

fn month_number(name: &str) -> Option<u32> {
    let name = name.to_lowercase();
    MONTHS
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(_, number)| *number)
}

fn month_alternation() -> String {
    let mut names: Vec<&str> = MONTHS.iter().map(|(name, _)| *name).collect();
    // Longest first, so that "june" is tried before "jun".
    names.sort_by_key(|name| std::cmp::Reverse(name.chars().count()));
    names.join("|")
}

struct Patterns {
    iso: Regex,
    year_first_slash: Regex,
    day_first_dotted: Regex,
    slashed: Regex,
    month_day_year: Regex,
    day_month_year: Regex,
}

static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| {
    let months = month_alternation();
    let compile = |pattern: &str| Regex::new(pattern).expect("the date patterns are valid");
    Patterns {
        iso: compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:\b|T)"),
        year_first_slash: compile(r"\b(\d{4})/(\d{1,2})/(\d{1,2})\b"),
        day_first_dotted: compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b"),
        slashed: compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"),
        month_day_year: compile(&format!(
            r"(?i)\b({months})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
        )),
        day_month_year: compile(&format!(
            r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th|er|\.)?\s+(?:of\s+|de\s+)?({months})\.?,?\s+(?:de\s+|del\s+)?(\d{{4}})\b"
        )),
    }
});

fn ymd(year: &str, month: Option<u32>, day: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year.parse().ok()?, month?, day.parse().ok()?)
}

/// "13/03/2026" is day first and "03/13/2026" month first, as British and American pages write
/// them; "05/03/2026" could be either, and a wrong publication date would shift every relative
/// date of the article, so it is no date at all.
fn unambiguous_slashed(first: &str, second: &str, year: &str) -> Option<NaiveDate> {
    let (first_number, second_number): (u32, u32) = (first.parse().ok()?, second.parse().ok()?);
    match (first_number > 12, second_number > 12) {
        (true, false) => ymd(year, Some(second_number), first),
        (false, true) => ymd(year, Some(first_number), second),
        _ if first_number == second_number => ymd(year, Some(first_number), second),
        _ => None,
    }
}

/// The first full date (day, month and year) in `text`, with the byte range it covers.
pub(crate) fn find_date(text: &str) -> Option<(NaiveDate, Range<usize>)> {
    // Every pattern needs a year of four digits, and only ASCII digits parse as one; most lines
    // have none, and this check is much cheaper than the patterns.
    if !has_four_ascii_digits(text) {
        return None;
    }
    let patterns = &*PATTERNS;
    let mut candidates: Vec<(Option<NaiveDate>, Range<usize>)> = Vec::new();
    if let Some(found) = patterns.iso.captures(text) {
        let date = ymd(&found[1], found[2].parse().ok(), &found[3]);
        candidates.push((date, found.get(0).map_or(0..0, |whole| whole.range())));
    }
    if let Some(found) = patterns.year_first_slash.captures(text) {
        let date = ymd(&found[1], found[2].parse().ok(), &found[3]);
        candidates.push((date, found.get(0).map_or(0..0, |whole| whole.range())));
    }
    if let Some(found) = patterns.day_first_dotted.captures(text) {
        let date = ymd(&found[3], found[2].parse().ok(), &found[1]);
        candidates.push((date, found.get(0).map_or(0..0, |whole| whole.range())));
    }
    if let Some(found) = patterns.slashed.captures(text) {
        let date = unambiguous_slashed(&found[1], &found[2], &found[3]);
        candidates.push((date, found.get(0).map_or(0..0, |whole| whole.range())));
    }
    if let Some(found) = patterns.month_day_year.captures(text) {
        let date = ymd(&found[3], month_number(&found[1]), &found[2]);
        candidates.push((date, found.get(0).map_or(0..0, |whole| whole.range())));
    }
    if let Some(found) = patterns.day_month_year.captures(text) {
        let date = ymd(&found[3], month_number(&found[2]), &found[1]);
        candidates.push((date, found.get(0).map_or(0..0, |whole| whole.range())));
    }
    candidates
        .into_iter()
        .filter_map(|(date, range)| Some((date?, range)))
        .min_by_key(|(_, range)| range.start)
}

fn has_four_ascii_digits(text: &str) -> bool {
    let mut run = 0;
    for byte in text.bytes() {
        run = if byte.is_ascii_digit() { run + 1 } else { 0 };
        if run == 4 {
            return true;
        }
    }
    false
}

/// The first full date in `text`.
pub(crate) fn parse_date(text: &str) -> Option<NaiveDate> {
    find_date(text).map(|(date, _)| date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Option<(i32, u32, u32)>) {
        let expected =
            expected.and_then(|(year, month, day)| NaiveDate::from_ymd_opt(year, month, day));
        assert_eq!(parse_date(text), expected, "{text:?}");
    }

    #[test]
    fn parses_dates() {
        check("2022-01-10T08:30:00+03:00", Some((2022, 1, 10)));
        check("Monday January 10 2022", Some((2022, 1, 10)));
        check("Jan. 9, 2022, 10:35 a.m.", Some((2022, 1, 9)));
        check("10 January 2022", Some((2022, 1, 10)));
        check("1st of March, 2021", Some((2021, 3, 1)));
        check("le 10 janvier 2022", Some((2022, 1, 10)));
        check("10. Januar 2022", Some((2022, 1, 10)));
        check("10 de enero de 2022", Some((2022, 1, 10)));
        check("10 января 2022 г.", Some((2022, 1, 10)));
        check("10.01.2022 12:00", Some((2022, 1, 10)));
        check("2022/01/10", Some((2022, 1, 10)));
        check("13/03/2026 · 07:42", Some((2026, 3, 13)));
        check("03/13/2026", Some((2026, 3, 13)));
        check("05/03/2026", None);
        check("31/02/2026", None);
        check("February 30, 2022", None);
        check("in May the talks", None);
        check("", None);
    }
}
