//! One linear pass over a page's markup before the tree is built: it cuts out the elements that
//! hold no text (scripts, style sheets, SVG drawings, comments, `noscript` and `iframe`
//! fallbacks) and the attributes that nothing reads (`data-*`, `title`, `onclick`, …), and
//! estimates how deeply the elements nest.
//!
//! These elements are most of a modern page's bytes (scripts and style sheets alone were 56% of
//! the benchmark's pages), and every one of them is removed right after parsing; the HTML tree
//! builder is the costliest step, so it is spared them. The scan follows the HTML tokenizer's
//! rules where they decide what is markup: quoted attribute values, comments, the raw text of
//! scripts and style sheets (including a script's `<!--` escapes), the text of `title` and
//! `textarea`. A JSON-LD script is kept: the metadata is read from it.

use memchr::{memchr, memchr2, memmem};
use std::borrow::Cow;

/// A page's markup without the elements that hold no text, and its nesting depth.
#[derive(Debug)]
pub(crate) struct Scanned<'a> {
    /// The markup, with the removed elements cut out whole, tags included, and the unread
    /// attributes cut out of the tags that stay.
    pub(crate) html: Cow<'a, str>,
    /// The deepest nesting of elements, estimated from tags alone: elements with no end tag or
    /// whose end tag may be left out (`p`, `li`, `td`) do not count.
    pub(crate) depth: usize,
}

/// Scans `html` once; see the module documentation.
pub(crate) fn scan(html: &str) -> Scanned<'_> {
    let bytes = html.as_bytes();
    let mut scanner = Scanner {
        html,
        out: None,
        copied: 0,
    };
    let mut depth: usize = 0;
    let mut max_depth: usize = 0;
    // Kinds of element whose end tag was searched for and not found: there is none further on
    // either, so each is searched for once, which keeps the scan linear.
    let mut unclosed = Unclosed::default();
    // The attributes of the current start tag that nothing reads, as byte ranges.
    let mut unread: Vec<(usize, usize)> = Vec::new();
    let mut idx = 0;
    while let Some(offset) = bytes.get(idx..).and_then(|rest| memchr(b'<', rest)) {
        let start = idx + offset;
        let rest = &bytes[start..];
        idx = start + 1;
        match rest.get(1).copied() {
            Some(b'!') if rest.starts_with(b"<!--") => {
                // An unclosed comment runs to the end of the page.
                let end = comment_end(bytes, start + 4).unwrap_or(bytes.len());
                scanner.cut(start, end);
                idx = end;
            }
            // A doctype or a bogus comment (`<!…>`, `<?…>`, `</ …>`): up to the first `>`.
            Some(b'!' | b'?') => idx = after_byte(bytes, idx, b'>'),
            Some(b'/') => {
                let name = tag_name(bytes, start + 2);
                if name.is_empty() {
                    idx = after_byte(bytes, idx, b'>');
                    continue;
                }
                let Some(tag) = tag_end(bytes, start + 2 + name.len(), None) else {
                    break;
                };
                if !is_flat(name) {
                    depth = depth.saturating_sub(1);
                }
                idx = tag.end;
            }
            Some(letter) if letter.is_ascii_alphabetic() => {
                let name = tag_name(bytes, start + 1);
                let mut buffer = [0u8; 10];
                let kind = lowercased(name, &mut buffer).map_or(Element::Other, Element::of);
                let cuts_attributes =
                    matches!(kind, Element::Other | Element::Flat) && !keeps_attributes(name);
                unread.clear();
                // A tag left open at the end of the page is dropped by the tokenizer.
                let Some(tag) = tag_end(
                    bytes,
                    start + 1 + name.len(),
                    cuts_attributes.then_some(&mut unread),
                ) else {
                    break;
                };
                idx = tag.end;
                for &(from, to) in &unread {
                    scanner.cut(from, to);
                }
                match kind {
                    Element::Script if tag.is_json_ld => {
                        idx = script_end(bytes, idx)
                            .map_or(bytes.len(), |end| end_tag_end(bytes, end));
                    }
                    Element::Script => {
                        // Without an end tag the rest of the page is script.
                        let end = script_end(bytes, idx)
                            .map_or(bytes.len(), |end| end_tag_end(bytes, end));
                        scanner.cut(start, end);
                        idx = end;
                    }
                    Element::Style | Element::Iframe => {
                        // Raw text: the first end tag closes it, whatever comes before.
                        let name = kind.name();
                        let end = find_end_tag(bytes, idx, name, false)
                            .map_or(bytes.len(), |end| end_tag_end(bytes, end));
                        scanner.cut(start, end);
                        idx = end;
                    }
                    Element::Svg if tag.self_closing => {
                        scanner.cut(start, idx);
                    }
                    Element::Noscript | Element::Svg => {
                        // Markup inside: when the end tag is missing, the tree builder decides
                        // where the element ends, so it is left to it.
                        let end = if unclosed.get(kind) {
                            None
                        } else if kind == Element::Svg {
                            svg_end(bytes, idx)
                        } else {
                            find_end_tag(bytes, idx, kind.name(), true)
                        };
                        match end {
                            Some(end) => {
                                let end = end_tag_end(bytes, end);
                                scanner.cut(start, end);
                                idx = end;
                            }
                            None => {
                                unclosed.set(kind);
                                depth += 1;
                                max_depth = max_depth.max(depth);
                            }
                        }
                    }
                    Element::Title | Element::Textarea | Element::ShownRawText => {
                        // Text, not markup, up to the end tag.
                        let name = if kind == Element::ShownRawText {
                            name
                        } else {
                            kind.name()
                        };
                        idx = find_end_tag(bytes, idx, name, false)
                            .map_or(bytes.len(), |end| end_tag_end(bytes, end));
                    }
                    // The rest of the page is text.
                    Element::Plaintext => break,
                    // "Analysis › Ferries</font><br><br><font size=4>Headline…": a run of
                    // line breaks parts paragraphs, which Readability would join again where
                    // they sit between inline elements; a paragraph start parts them for good.
                    Element::Flat if name.eq_ignore_ascii_case(b"br") => {
                        let run_end = br_run_end(bytes, idx);
                        if run_end > idx {
                            scanner.replace(start, run_end, "<p>");
                            idx = run_end;
                        }
                    }
                    Element::Other | Element::Flat => {
                        if kind != Element::Flat && !tag.self_closing {
                            depth += 1;
                            max_depth = max_depth.max(depth);
                        }
                    }
                }
            }
            // A `<` in text.
            _ => {}
        }
    }
    Scanned {
        html: scanner.finish(),
        depth: max_depth,
    }
}

/// Builds the markup left after the cuts; nothing is copied when nothing was cut.
struct Scanner<'a> {
    html: &'a str,
    out: Option<String>,
    /// Bytes before this were copied to `out` or cut.
    copied: usize,
}

impl<'a> Scanner<'a> {
    /// Cuts out `html[start..end]`; both are character boundaries (next to ASCII markup) or the
    /// end of the page.
    fn cut(&mut self, start: usize, end: usize) {
        let out = self
            .out
            .get_or_insert_with(|| String::with_capacity(self.html.len()));
        out.push_str(self.html.get(self.copied..start).unwrap_or_default());
        self.copied = end;
    }

    /// Puts `with` in place of `html[start..end]`.
    fn replace(&mut self, start: usize, end: usize, with: &str) {
        self.cut(start, end);
        if let Some(out) = self.out.as_mut() {
            out.push_str(with);
        }
    }

    fn finish(self) -> Cow<'a, str> {
        match self.out {
            None => Cow::Borrowed(self.html),
            Some(mut out) => {
                out.push_str(self.html.get(self.copied..).unwrap_or_default());
                Cow::Owned(out)
            }
        }
    }
}

/// The elements the scan treats apart from the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Element {
    Script,
    Style,
    Iframe,
    Noscript,
    Svg,
    Title,
    Textarea,
    /// `xmp`, `noembed` and `noframes`: raw text that the page shows.
    ShownRawText,
    Plaintext,
    /// An element with no end tag, or whose end tag may be left out: it does not deepen the
    /// tree when counted by tags alone.
    Flat,
    Other,
}

impl Element {
    fn of(lowercase_name: &[u8]) -> Element {
        match lowercase_name {
            b"script" => Element::Script,
            b"style" => Element::Style,
            b"iframe" => Element::Iframe,
            b"noscript" => Element::Noscript,
            b"svg" => Element::Svg,
            b"title" => Element::Title,
            b"textarea" => Element::Textarea,
            b"xmp" | b"noembed" | b"noframes" => Element::ShownRawText,
            b"plaintext" => Element::Plaintext,
            b"area" | b"base" | b"br" | b"col" | b"embed" | b"hr" | b"img" | b"input" | b"link"
            | b"meta" | b"source" | b"track" | b"wbr" | b"param" | b"keygen" | b"p" | b"li"
            | b"dt" | b"dd" | b"option" | b"optgroup" | b"tr" | b"td" | b"th" | b"thead"
            | b"tbody" | b"tfoot" | b"rt" | b"rp" | b"colgroup" | b"caption" => Element::Flat,
            _ => Element::Other,
        }
    }

    fn name(self) -> &'static [u8] {
        match self {
            Element::Script => b"script",
            Element::Style => b"style",
            Element::Iframe => b"iframe",
            Element::Noscript => b"noscript",
            Element::Svg => b"svg",
            Element::Title => b"title",
            Element::Textarea => b"textarea",
            Element::ShownRawText => b"",
            Element::Plaintext => b"plaintext",
            Element::Flat | Element::Other => b"",
        }
    }
}

/// `name` in lowercase, written into `buffer`; none when it is longer than `buffer`, and so
/// longer than every name it is compared with.
fn lowercased<'b>(name: &[u8], buffer: &'b mut [u8]) -> Option<&'b [u8]> {
    let lower = buffer.get_mut(..name.len())?;
    lower.copy_from_slice(name);
    lower.make_ascii_lowercase();
    Some(lower)
}

fn is_flat(name: &[u8]) -> bool {
    let mut buffer = [0u8; 10];
    lowercased(name, &mut buffer).is_some_and(|lower| Element::of(lower) == Element::Flat)
}

/// The elements with markup inside whose end tag is missing.
#[derive(Debug, Default)]
struct Unclosed {
    noscript: bool,
    svg: bool,
}

impl Unclosed {
    fn get(&self, kind: Element) -> bool {
        match kind {
            Element::Noscript => self.noscript,
            Element::Svg => self.svg,
            _ => false,
        }
    }

    fn set(&mut self, kind: Element) {
        match kind {
            Element::Noscript => self.noscript = true,
            Element::Svg => self.svg = true,
            _ => {}
        }
    }
}

/// The end of a tag whose name ends at `from`.
#[derive(Debug)]
struct Tag {
    /// Just after the closing `>`.
    end: usize,
    self_closing: bool,
    /// Whether its first `type` attribute is `application/ld+json`.
    is_json_ld: bool,
}

/// The tag name starting at `from`: up to whitespace, `/` or `>`.
fn tag_name(bytes: &[u8], from: usize) -> &[u8] {
    let rest = bytes.get(from..).unwrap_or_default();
    let len = rest
        .iter()
        .position(|&byte| is_space(byte) || byte == b'/' || byte == b'>')
        .unwrap_or(rest.len());
    if rest.first().is_some_and(u8::is_ascii_alphabetic) {
        &rest[..len]
    } else {
        &[]
    }
}

/// Reads a tag's attributes from `from` to its closing `>`, as the tokenizer does: a `>` inside
/// a quoted value does not close the tag. `None` when the page ends inside the tag. With
/// `unread`, the ranges of the attributes that [`is_read_attribute`] rejects are pushed to it,
/// name to end of value, so that cutting them leaves the others as they were; one right after a
/// `/` stays, since cutting it could make the tag self-closing.
fn tag_end(bytes: &[u8], from: usize, mut unread: Option<&mut Vec<(usize, usize)>>) -> Option<Tag> {
    let mut idx = from;
    let mut is_json_ld = None;
    let mut self_closing = false;
    loop {
        while bytes.get(idx).copied().is_some_and(is_space) {
            idx += 1;
        }
        match *bytes.get(idx)? {
            b'>' => {
                return Some(Tag {
                    end: idx + 1,
                    self_closing,
                    is_json_ld: is_json_ld.unwrap_or(false),
                });
            }
            b'/' => {
                idx += 1;
                self_closing = bytes.get(idx) == Some(&b'>');
                continue;
            }
            _ => {}
        }
        self_closing = false;
        // An attribute name; a leading `=` belongs to it.
        let name_start = idx;
        idx += 1;
        while bytes
            .get(idx)
            .is_some_and(|&byte| !is_space(byte) && !matches!(byte, b'/' | b'>' | b'='))
        {
            idx += 1;
        }
        let name = &bytes[name_start..idx];
        let name_end = idx;
        let is_cut = unread.is_some()
            && !is_read_attribute(name)
            && bytes.get(name_start.wrapping_sub(1)) != Some(&b'/');
        while bytes.get(idx).copied().is_some_and(is_space) {
            idx += 1;
        }
        if bytes.get(idx) != Some(&b'=') {
            if is_cut && let Some(unread) = unread.as_deref_mut() {
                unread.push((name_start, name_end));
            }
            continue;
        }
        idx += 1;
        while bytes.get(idx).copied().is_some_and(is_space) {
            idx += 1;
        }
        let value = match *bytes.get(idx)? {
            quote @ (b'"' | b'\'') => {
                let value_start = idx + 1;
                let len = memchr(quote, bytes.get(value_start..)?)?;
                idx = value_start + len + 1;
                &bytes[value_start..value_start + len]
            }
            _ => {
                let value_start = idx;
                while bytes
                    .get(idx)
                    .is_some_and(|&byte| !is_space(byte) && byte != b'>')
                {
                    idx += 1;
                }
                &bytes[value_start..idx]
            }
        };
        if is_cut && let Some(unread) = unread.as_deref_mut() {
            unread.push((name_start, idx));
        }
        if is_json_ld.is_none() && name.eq_ignore_ascii_case(b"type") {
            is_json_ld = Some(
                value
                    .trim_ascii()
                    .eq_ignore_ascii_case(b"application/ld+json"),
            );
        }
    }
}

/// Just after the `>` of the end tag whose `<` is at `start`, or the end of the page.
fn end_tag_end(bytes: &[u8], start: usize) -> usize {
    let name = tag_name(bytes, start + 2);
    tag_end(bytes, start + 2 + name.len(), None).map_or(bytes.len(), |tag| tag.end)
}

/// Just after the first `byte` from `from`, or the end of the page.
fn after_byte(bytes: &[u8], from: usize, byte: u8) -> usize {
    bytes
        .get(from..)
        .and_then(|rest| memchr(byte, rest))
        .map_or(bytes.len(), |offset| from + offset + 1)
}

/// Whitespace between attributes, as the tokenizer has it.
/// Where a run of further `<br>` tags (only whitespace between them) that starts at `from`
/// ends; `from` itself when the next tag is no `<br>`.
fn br_run_end(bytes: &[u8], from: usize) -> usize {
    let mut end = from;
    let mut at = from;
    loop {
        while at < bytes.len() && is_space(bytes[at]) {
            at += 1;
        }
        let rest = &bytes[at..];
        let is_br = rest.len() >= 4
            && rest[0] == b'<'
            && rest[1..3].eq_ignore_ascii_case(b"br")
            && matches!(rest[3], b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r');
        if !is_br {
            return end;
        }
        at = after_byte(bytes, at, b'>');
        end = at;
    }
}

fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Whether `rest` opens with `<` (`</` for an end tag) and `name` as a whole tag name.
fn opens_tag(rest: &[u8], name: &[u8], end: bool) -> bool {
    let prefix = if end { 2 } else { 1 };
    rest.len() > prefix + name.len()
        && rest[0] == b'<'
        && (!end || rest[1] == b'/')
        && rest[prefix..prefix + name.len()].eq_ignore_ascii_case(name)
        && matches!(
            rest[prefix + name.len()],
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>'
        )
}

/// Just after the end of a comment whose `<!--` ends at `from`, as the tokenizer ends it: at
/// `-->` or `--!>`, or at once for `<!-->` and `<!--->`.
fn comment_end(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    if rest.starts_with(b">") {
        return Some(from + 1);
    }
    if rest.starts_with(b"->") {
        return Some(from + 2);
    }
    let mut idx = from;
    loop {
        let dashes = idx + memmem::find(bytes.get(idx..)?, b"--")?;
        let after = &bytes[dashes + 2..];
        if after.starts_with(b">") {
            return Some(dashes + 3);
        }
        if after.starts_with(b"!>") {
            return Some(dashes + 4);
        }
        idx = dashes + 1;
    }
}

/// The `<` of the first end tag `</name` from `from`; comments are skipped when `skip_comments`
/// (markup inside the element) and read as text otherwise (raw text).
fn find_end_tag(bytes: &[u8], from: usize, name: &[u8], skip_comments: bool) -> Option<usize> {
    let mut idx = from;
    loop {
        let start = idx + memchr(b'<', bytes.get(idx..)?)?;
        let rest = &bytes[start..];
        if opens_tag(rest, name, true) {
            return Some(start);
        }
        idx = if skip_comments && rest.starts_with(b"<!--") {
            comment_end(bytes, start + 4)?
        } else {
            start + 1
        };
    }
}

/// The `<` of the end tag closing an `svg` element whose start tag ends at `from`, counting the
/// `svg` elements inside it and skipping comments and CDATA sections.
fn svg_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut open = 1usize;
    let mut idx = from;
    loop {
        let start = idx + memchr(b'<', bytes.get(idx..)?)?;
        let rest = &bytes[start..];
        idx = start + 1;
        if rest.starts_with(b"<!--") {
            idx = comment_end(bytes, start + 4)?;
        } else if rest.starts_with(b"<![CDATA[") {
            idx = start + memmem::find(rest, b"]]>")? + 3;
        } else if opens_tag(rest, b"svg", false) {
            open += 1;
        } else if opens_tag(rest, b"svg", true) {
            open -= 1;
            if open == 0 {
                return Some(start);
            }
        }
    }
}

/// Where a script's text ends: the `<` of its end tag. A script's text may hide an end tag
/// inside `<!-- <script> … </script>`, as old pages that write scripts do; the tokenizer's
/// escaped states are followed for that.
fn script_end(bytes: &[u8], from: usize) -> Option<usize> {
    #[derive(PartialEq)]
    enum State {
        Text,
        Escaped,
        DoubleEscaped,
    }
    let mut state = State::Text;
    let mut idx = from;
    loop {
        let rest = bytes.get(idx..)?;
        let found = match state {
            State::Text => memchr(b'<', rest)?,
            State::Escaped | State::DoubleEscaped => memchr2(b'<', b'-', rest)?,
        };
        let start = idx + found;
        let rest = &bytes[start..];
        idx = start + 1;
        if rest[0] == b'-' {
            if rest.starts_with(b"-->") {
                state = State::Text;
                idx = start + 3;
            }
            continue;
        }
        match state {
            State::Text if rest.starts_with(b"<!--") => {
                state = State::Escaped;
                // `<!-->` closes at once: the `-->` is read from its dashes.
                idx = start + 2;
            }
            State::Text | State::Escaped if opens_tag(rest, b"script", true) => {
                return Some(start);
            }
            State::Escaped if opens_tag(rest, b"script", false) => state = State::DoubleEscaped,
            State::DoubleEscaped if opens_tag(rest, b"script", true) => state = State::Escaped,
            _ => {}
        }
    }
}

/// Whether an attribute named `name` is read after parsing: by the tree builder, the metadata
/// reader, the pruning, Readability (visibility, class weights, links, bylines, tables, lazy
/// images) or the text. The others (`data-*`, `title`, `onclick`, `target`, `aria-label`, …)
/// are cut before parsing: they were about a tenth of the markup left after the scan, and every
/// attribute costs the tokenizer its name read a character at a time, an interned name and an
/// allocation (parsing the benchmark's pages took a tenth fewer instructions without them).
fn is_read_attribute(name: &[u8]) -> bool {
    // Readability marks tables with attributes of its own; a page that already has them is read
    // as it would be without the cut.
    const READABILITY_MARK: &[u8] = b"data-readability";
    if name
        .get(..READABILITY_MARK.len())
        .is_some_and(|prefix| prefix.eq_ignore_ascii_case(READABILITY_MARK))
    {
        return true;
    }
    let mut buffer = [0u8; 11];
    let Some(lower) = lowercased(name, &mut buffer) else {
        return false;
    };
    matches!(
        lower,
        b"class"
            | b"id"
            | b"style"
            | b"hidden"
            | b"aria-hidden"
            | b"aria-modal"
            | b"role"
            | b"rel"
            | b"href"
            | b"src"
            | b"srcset"
            | b"sizes"
            | b"loading"
            | b"poster"
            | b"itemprop"
            | b"itemscope"
            | b"itemtype"
            | b"lang"
            | b"xml:lang"
            | b"xmlns"
            | b"dir"
            | b"name"
            | b"property"
            | b"content"
            | b"http-equiv"
            | b"charset"
            | b"type"
            | b"datetime"
            | b"summary"
            | b"colspan"
            | b"rowspan"
            | b"datatable"
            | b"encoding"
            | b"color"
            | b"face"
            | b"size"
    )
}

/// Whether every attribute of the element named `name` is kept: elements whose attributes are
/// read whole (images and embeds, whose every attribute value Readability searches for an image
/// or a video address), the document's own elements, and those the tree builder reads
/// attributes of (`input`, `font`, `template`, MathML's `annotation-xml`, and the formatting
/// elements, of which it keeps at most three open with the same attributes; `a` is not among
/// them, as a new `a` first closes an open one).
fn keeps_attributes(name: &[u8]) -> bool {
    let mut buffer = [0u8; 14];
    let Some(lower) = lowercased(name, &mut buffer) else {
        return false;
    };
    matches!(
        lower,
        // `image` is read as `img` by the tree builder.
        b"img"
            | b"image"
            | b"picture"
            | b"source"
            | b"figure"
            | b"video"
            | b"audio"
            | b"track"
            | b"object"
            | b"embed"
            | b"param"
            | b"iframe"
            | b"html"
            | b"head"
            | b"body"
            | b"base"
            | b"meta"
            | b"link"
            | b"input"
            | b"font"
            | b"template"
            | b"math"
            | b"annotation-xml"
            | b"frame"
            | b"frameset"
            | b"b"
            | b"big"
            | b"code"
            | b"em"
            | b"i"
            | b"nobr"
            | b"s"
            | b"small"
            | b"strike"
            | b"strong"
            | b"tt"
            | b"u"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(html: &str) -> String {
        scan(html).html.into_owned()
    }

    #[test]
    fn elements_without_text_are_cut() {
        assert_eq!(
            cut("<p>One<script src=x.js></script> two<style>p > a { color: red }</style></p>"),
            "<p>One two</p>"
        );
        assert_eq!(
            cut(
                "<div>A<!-- <p>hidden</p> -->B<svg viewBox=\"0 0 1 1\"><svg><title>Icon</title></svg><path d=\"M0\"/></svg>C</div>"
            ),
            "<div>ABC</div>"
        );
        assert_eq!(
            cut("<p>A<noscript><img src=x></noscript><iframe src=y>Fallback</iframe>B<svg/>C</p>"),
            "<p>ABC</p>"
        );
        let untouched = "<p class=\"a > b\">Text</p>";
        assert!(matches!(scan(untouched).html, Cow::Borrowed(_)));
    }

    #[test]
    fn json_ld_and_text_elements_stay() {
        let page = "<xmp><style>shown</style></xmp><head><title>A <!-- b --></title><script type=\" Application/LD+JSON \">{\"a\": \"</p>\"}</script></head><body><textarea><script>x</script></textarea></body>";
        assert_eq!(cut(page), page);
    }

    #[test]
    fn markup_inside_quotes_and_scripts_is_not_read() {
        // A quoted `<script` is an attribute value; a script's own tags are its text.
        assert_eq!(
            cut("<a class=\"<script>\" href=x>Link</a><script>var a = '<style>';</script>"),
            "<a class=\"<script>\" href=x>Link</a>"
        );
        // An end tag inside an escaped script does not end it.
        assert_eq!(
            cut("<script><!-- document.write('<script>x()</script>'); --></script><p>After</p>"),
            "<p>After</p>"
        );
        assert_eq!(cut("<script>a</SCRIPTS></script >b"), "b");
    }

    #[test]
    fn runs_of_line_breaks_part_paragraphs() {
        assert_eq!(
            cut(
                "<td><font>Ferries</font><br> <BR/>\n<br><font>Headline</font><br>By Ana Ruiz</td>"
            ),
            "<td><font>Ferries</font><p><font>Headline</font><br>By Ana Ruiz</td>"
        );
        // An unclosed tag at the end is left to the tokenizer.
        assert_eq!(cut("a<br><br"), "a<br><br");
    }

    #[test]
    fn unread_attributes_are_cut() {
        assert_eq!(
            cut("<div data-id=\"7\" class=\"story\" onclick='go()' hidden>Text</div>"),
            "<div  class=\"story\"  hidden>Text</div>"
        );
        assert_eq!(
            cut("<P DATA-X=\"1\" CLASS=a><a title=\"t\"href=\"/x\" target>L</a></P>"),
            "<P  CLASS=a><a href=\"/x\" >L</a></P>"
        );
        // Readability's own marks, and attributes right after a `/`: cutting the one there
        // would make the tag self-closing.
        let kept = "<table data-readability-table=\"true\"><td/data-x=1>A</td></table>";
        assert_eq!(cut(kept), kept);
        // Images, embeds, inputs and formatting elements keep every attribute.
        let kept = "<img data-src=\"a.jpg\" alt=\"A\"><image data-src=b.jpg><input type=hidden data-x=1><b data-x=2>B</b>";
        assert!(matches!(scan(kept).html, Cow::Borrowed(_)));
    }

    #[test]
    fn unclosed_elements() {
        assert_eq!(cut("<p>A<!-- never closed <p>B</p>"), "<p>A");
        assert_eq!(cut("<p>A<script>never closed"), "<p>A");
        assert_eq!(cut("<p>A<svg><g>drawing"), "<p>A<svg><g>drawing");
    }

    #[test]
    fn estimates_depth() {
        assert_eq!(scan("<div><div><p>x</p><br><img/></div></div>").depth, 2);
        assert_eq!(scan("<div/><div/>").depth, 0);
        assert_eq!(scan(&"<div>".repeat(300)).depth, 300);
        assert_eq!(scan(&"<p>".repeat(300)).depth, 0);
        assert_eq!(
            scan("<div title='<div><div>'><!-- <div> --></div>").depth,
            1
        );
        assert_eq!(scan("a < b and c <").depth, 0);
    }
}
