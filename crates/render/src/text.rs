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
