//! Untrusted text made safe for display.

/// `text` without control characters (other than tab) and without the bidirectional
/// formatting characters that can make text display in a different order than it reads, with
/// every run of whitespace turned into one space.
pub fn display(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if c.is_control() || is_bidi_control(c) {
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// A TIMEX3 date value as a reader reads it: an ISO week ("2026-W11") as the week of its
/// Monday ("week of 2026-03-09"), a weekend ("2026-W11-WE") as the weekend of its Saturday, each
/// side of a range ("a/b") alike; other values (days, months, years) stay as they are, already
/// readable. The JSON keeps the value itself.
pub fn readable_date(value: &str) -> String {
    if let Some((start, end)) = value.split_once('/') {
        return format!("{}/{}", readable_date(start), readable_date(end));
    }
    let week_day = |year: &str, week: &str, day: chrono::Weekday| {
        let year: i32 = year.parse().ok()?;
        let week: u32 = week.parse().ok()?;
        chrono::NaiveDate::from_isoywd_opt(year, week, day)
    };
    let (weekend, week_value) = match value.strip_suffix("-WE") {
        Some(week_value) => (true, week_value),
        None => (false, value),
    };
    let Some((year, week)) = week_value.split_once("-W") else {
        return value.to_string();
    };
    match (weekend, week_day(year, week, chrono::Weekday::Mon)) {
        (false, Some(monday)) => format!("week of {monday}"),
        (true, Some(_)) => week_day(year, week, chrono::Weekday::Sat).map_or_else(
            || value.to_string(),
            |saturday| format!("weekend of {saturday}"),
        ),
        (_, None) => value.to_string(),
    }
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` made safe for display and escaped so Markdown shows it literally: no markup, links,
/// HTML or table breaks can come from it.
pub(crate) fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in display(text).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_read_as_the_dates_they_start_on() {
        assert_eq!(readable_date("2019-W03"), "week of 2019-01-14");
        assert_eq!(readable_date("2019-W03-WE"), "weekend of 2019-01-19");
        assert_eq!(
            readable_date("2019-W03/2019-W04"),
            "week of 2019-01-14/week of 2019-01-21"
        );
        for kept in [
            "2019-01-19",
            "2019-01",
            "2019",
            "2019-Q1",
            "2019-W99",
            "XXXX-WXX",
        ] {
            assert_eq!(readable_date(kept), kept);
        }
    }

    #[test]
    fn control_and_bidi_characters_are_removed() {
        assert_eq!(display("a\u{1b}[31mb\u{202e}c\u{0}d"), "a[31mbcd");
        assert_eq!(display("  two\n\nlines \t "), "two lines");
    }

    #[test]
    fn markdown_cannot_inject_markup() {
        assert_eq!(
            markdown("<script>x</script> [a](b) |"),
            "\\<script\\>x\\</script\\> \\[a\\](b) \\|"
        );
    }
}
