//! WARC files (ISO 28500, versions 1.0 and 1.1): the HTML pages of a web archive's `response`
//! and `resource` records, one [`Document`] each.
//!
//! A small parser of our own rather than the `warc` crate: it works on the bytes [`crate::read`]
//! has already read (and decompressed, with the size cap applied), so it adds no second gzip
//! implementation and allocates nothing a record's header asks for. Every length in the file is
//! checked against the bytes that are really there; a lying or broken record ends the reading
//! with an error naming the record, and the records before it are kept.

use crate::error::Error;
use crate::read::sniff;
use parallax_model::{Document, DocumentFormat, Origin};
use std::io::Read;

/// Whether bytes are a WARC file: they start with a WARC version line.
pub(crate) fn is_warc(bytes: &[u8]) -> bool {
    bytes.starts_with(b"WARC/1.") || bytes.starts_with(b"WARC/0.")
}

/// The HTML pages of a WARC file, and the error that stopped the reading early, if any.
#[derive(Debug)]
pub(crate) struct Pages {
    pub(crate) documents: Vec<Document>,
    pub(crate) error: Option<Error>,
    /// How many records there were, HTML or not, up to where reading stopped.
    pub(crate) n_records: usize,
}

/// Most header lines in one WARC record or HTTP message; a record with more is refused, which
/// bounds the work a hostile header can cause.
const MAX_HEADER_LINES: usize = 200;

/// Reads every record of `bytes` (a whole, decompressed WARC file) and keeps the HTML pages of
/// successful responses. Each page's origin is an [`Origin::WarcRecord`] (labelled
/// `<label>#record<N>`, `N` counting every record from 0) with the record's target address.
/// `max_page_bytes` caps a page after its own content encoding is undone.
pub(crate) fn pages(label: &str, bytes: &[u8], max_page_bytes: u64) -> Pages {
    let mut documents = Vec::new();
    let mut position = 0;
    let mut record_idx = 0;
    let error = loop {
        position = skip_blank_lines(bytes, position);
        if position >= bytes.len() {
            break None;
        }
        let record = match record(bytes, position) {
            Ok(record) => record,
            Err(reason) => {
                break Some(Error::Warc {
                    input: label.to_string(),
                    reason: format!("record {record_idx}: {reason}"),
                });
            }
        };
        position = record.end;
        match page(&record, max_page_bytes) {
            Ok(Some(page)) => documents.push(Document {
                origin: Origin::WarcRecord {
                    archive: label.to_string(),
                    record: record_idx,
                    url: record.header("WARC-Target-URI").and_then(web_address),
                },
                format: match sniff(&page) {
                    DocumentFormat::Feed => DocumentFormat::Feed,
                    _ => DocumentFormat::Html,
                },
                bytes: page,
            }),
            Ok(None) => {}
            Err(reason) => {
                break Some(Error::Warc {
                    input: label.to_string(),
                    reason: format!("record {record_idx}: {reason}"),
                });
            }
        }
        record_idx += 1;
    };
    Pages {
        documents,
        error,
        n_records: record_idx,
    }
}

/// One record: its headers and where its block lies in the file.
#[derive(Debug)]
struct Record<'a> {
    headers: Vec<(String, String)>,
    block: &'a [u8],
    /// Just past the block.
    end: usize,
}

impl Record<'_> {
    fn header(&self, name: &str) -> Option<&str> {
        header(&self.headers, name)
    }
}

fn header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(found, _)| found.eq_ignore_ascii_case(name))
        .map(|(_, value)| value.as_str())
}

fn record(bytes: &[u8], start: usize) -> Result<Record<'_>, String> {
    let (first_line, after_version) =
        line(bytes, start).ok_or_else(|| "the data ends inside the record header".to_string())?;
    if !first_line.starts_with(b"WARC/") {
        return Err("does not start with a WARC version line".to_string());
    }
    let (headers, block_start) = header_lines(bytes, after_version)?;
    let length =
        header(&headers, "Content-Length").ok_or_else(|| "no Content-Length header".to_string())?;
    let length: usize = length
        .trim()
        .parse()
        .map_err(|_| format!("Content-Length {length:?} is not a number"))?;
    let block_end = block_start
        .checked_add(length)
        .filter(|&end| end <= bytes.len())
        .ok_or_else(|| {
            format!(
                "Content-Length {length} runs past the end of the data ({} bytes left)",
                bytes.len() - block_start
            )
        })?;
    Ok(Record {
        block: &bytes[block_start..block_end],
        end: block_end,
        headers,
    })
}

/// Header lines `Name: value` up to an empty line: the headers and where the content starts.
fn header_lines(bytes: &[u8], start: usize) -> Result<(Vec<(String, String)>, usize), String> {
    let mut headers = Vec::new();
    let mut position = start;
    loop {
        let (line, next) =
            line(bytes, position).ok_or_else(|| "the data ends inside a header".to_string())?;
        position = next;
        if line.is_empty() {
            return Ok((headers, position));
        }
        if headers.len() >= MAX_HEADER_LINES {
            return Err(format!("more than {MAX_HEADER_LINES} header lines"));
        }
        let line = String::from_utf8_lossy(line);
        // A line starting with a space continues the previous header (folding).
        if line.starts_with([' ', '\t'])
            && let Some((_, value)) = headers.last_mut()
        {
            value.push(' ');
            value.push_str(line.trim());
            continue;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_string(), value.trim().to_string()));
        }
    }
}

/// The line starting at `start` without its line ending, and where the next line starts; `None`
/// at the end of the data.
fn line(bytes: &[u8], start: usize) -> Option<(&[u8], usize)> {
    let rest = bytes.get(start..)?;
    let newline = rest.iter().position(|&byte| byte == b'\n')?;
    let line = &rest[..newline];
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    Some((line, start + newline + 1))
}

fn skip_blank_lines(bytes: &[u8], mut position: usize) -> usize {
    while let Some(&byte) = bytes.get(position) {
        if byte == b'\r' || byte == b'\n' {
            position += 1;
        } else {
            break;
        }
    }
    position
}

/// The HTML page a record holds, if it holds one: a `response` record with an HTTP response of
/// status 2xx and an HTML content type, or a `resource` record of type HTML. Other records
/// (requests, metadata, redirects, images) give `None`.
fn page(record: &Record<'_>, max_page_bytes: u64) -> Result<Option<Vec<u8>>, String> {
    let kind = record.header("WARC-Type").unwrap_or_default();
    let content_type = record.header("Content-Type").unwrap_or_default();
    if kind.eq_ignore_ascii_case("resource") {
        return Ok(is_html_type(content_type).then(|| record.block.to_vec()));
    }
    if !kind.eq_ignore_ascii_case("response")
        || !content_type
            .to_ascii_lowercase()
            .starts_with("application/http")
    {
        return Ok(None);
    }
    let (status_line, after_status) =
        line(record.block, 0).ok_or_else(|| "the HTTP response has no status line".to_string())?;
    let status_line = String::from_utf8_lossy(status_line);
    let status = status_line.split_whitespace().nth(1).unwrap_or_default();
    if !status.starts_with('2') {
        return Ok(None);
    }
    let (headers, body_start) = header_lines(record.block, after_status)?;
    if !header(&headers, "Content-Type").is_some_and(is_html_type) {
        return Ok(None);
    }
    let mut body = record.block[body_start..].to_vec();
    if header(&headers, "Transfer-Encoding")
        .is_some_and(|encoding| encoding.to_ascii_lowercase().contains("chunked"))
    {
        body = dechunk(&body)?;
    }
    if let Some(encoding) = header(&headers, "Content-Encoding") {
        let encoding = encoding.trim().to_ascii_lowercase();
        if encoding == "gzip" || encoding == "x-gzip" {
            body = gunzip(&body, max_page_bytes)?;
        } else if encoding != "identity" && !encoding.is_empty() {
            // Brotli or deflate: not something this reader decodes; the page is skipped
            // rather than read as garbage.
            return Ok(None);
        }
    }
    Ok(Some(body))
}

/// A `WARC-Target-URI` as an `http(s)` address; WARC 1.0 writers may wrap it in angle brackets.
fn web_address(target: &str) -> Option<String> {
    let target = target.trim();
    let target = target
        .strip_prefix('<')
        .and_then(|inner| inner.strip_suffix('>'))
        .unwrap_or(target)
        .trim();
    let scheme = target.get(..8).unwrap_or(target).to_ascii_lowercase();
    let is_web = scheme.starts_with("http://") || scheme.starts_with("https://");
    (is_web && !target.contains(char::is_whitespace)).then(|| target.to_string())
}

fn is_html_type(content_type: &str) -> bool {
    let content_type = content_type.to_ascii_lowercase();
    content_type.contains("text/html") || content_type.contains("application/xhtml")
}

/// Undoes HTTP chunked transfer coding; every chunk size is checked against the data.
fn dechunk(body: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(body.len());
    let mut position = 0;
    loop {
        let Some((size_line, data_start)) = line(body, position) else {
            // Some archives cut the last chunk's terminator; what was read is kept.
            return Ok(out);
        };
        let size_text = String::from_utf8_lossy(size_line);
        let size_text = size_text.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|_| format!("chunk size {size_text:?} is not a hexadecimal number"))?;
        if size == 0 {
            return Ok(out);
        }
        let data_end = data_start
            .checked_add(size)
            .filter(|&end| end <= body.len())
            .ok_or_else(|| format!("chunk of {size} bytes runs past the end of the response"))?;
        out.extend_from_slice(&body[data_start..data_end]);
        position = skip_line_ending(body, data_end);
    }
}

fn skip_line_ending(bytes: &[u8], mut position: usize) -> usize {
    if bytes.get(position) == Some(&b'\r') {
        position += 1;
    }
    if bytes.get(position) == Some(&b'\n') {
        position += 1;
    }
    position
}

/// Decompresses a gzip-encoded page, reading at most `max_bytes + 1` bytes of output.
fn gunzip(body: &[u8], max_bytes: u64) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(body)
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|error| format!("broken gzip content encoding: {error}"))?;
    if out.len() as u64 > max_bytes {
        return Err(format!(
            "the page is larger than the limit of {max_bytes} bytes once decompressed"
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A WARC record with the given type, content type and block.
    pub(crate) fn record(kind: &str, content_type: &str, block: &str) -> String {
        format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: https://courier.example/truce\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        )
    }

    fn response(status: &str, headers: &str, body: &str) -> String {
        record(
            "response",
            "application/http; msgtype=response",
            &format!("HTTP/1.1 {status}\r\n{headers}\r\n{body}"),
        )
    }

    const PAGE: &str = "<!doctype html><html><body><p>Truce extended.</p></body></html>";

    /// Reads `warc` and compares the pages' labels and bodies, and the error, with the expected
    /// ones.
    fn check(warc: &[u8], expected_pages: &[(&str, &str)], expected_error: Option<&str>) {
        let pages = pages("crawl.warc", warc, 1_000_000);
        let found: Vec<(String, String)> = pages
            .documents
            .iter()
            .map(|document| {
                (
                    document.origin.label(),
                    String::from_utf8_lossy(&document.bytes).into_owned(),
                )
            })
            .collect();
        let expected: Vec<(String, String)> = expected_pages
            .iter()
            .map(|(label, body)| (label.to_string(), body.to_string()))
            .collect();
        assert_eq!(found, expected);
        assert_eq!(
            pages.error.map(|error| error.to_string()).as_deref(),
            expected_error
        );
    }

    #[test]
    fn html_responses_become_pages() {
        let warc = [
            record("warcinfo", "application/warc-fields", "software: test\r\n"),
            record(
                "request",
                "application/http; msgtype=request",
                "GET /truce HTTP/1.1\r\n\r\n",
            ),
            response("200 OK", "Content-Type: text/html; charset=utf-8\r\n", PAGE),
            response(
                "301 Moved",
                "Location: /x\r\nContent-Type: text/html\r\n",
                "<p>moved</p>",
            ),
            response("200 OK", "Content-Type: image/png\r\n", "PNG"),
            record("resource", "text/html", PAGE),
        ]
        .concat();
        check(
            warc.as_bytes(),
            &[("crawl.warc#record2", PAGE), ("crawl.warc#record5", PAGE)],
            None,
        );
    }

    #[test]
    fn pages_carry_their_target_address() {
        let bracketed = format!(
            "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: <HTTPS://courier.example/a>\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n{PAGE}\r\n\r\n",
            PAGE.len()
        );
        let not_web = format!(
            "WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: dns:courier.example\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n{PAGE}\r\n\r\n",
            PAGE.len()
        );
        let warc = [record("resource", "text/html", PAGE), bracketed, not_web].concat();
        let pages = pages("crawl.warc", warc.as_bytes(), 1_000_000);
        let origins: Vec<Origin> = pages
            .documents
            .into_iter()
            .map(|document| document.origin)
            .collect();
        let warc_record = |record: usize, url: Option<&str>| Origin::WarcRecord {
            archive: "crawl.warc".to_string(),
            record,
            url: url.map(str::to_string),
        };
        assert_eq!(
            origins,
            [
                warc_record(0, Some("https://courier.example/truce")),
                warc_record(1, Some("HTTPS://courier.example/a")),
                warc_record(2, None),
            ]
        );
    }

    #[test]
    fn chunked_and_gzipped_bodies_are_decoded() {
        use std::io::Write;
        let chunked = format!(
            "{:x}\r\n{}\r\n{:x}\r\n{}\r\n0\r\n\r\n",
            20,
            &PAGE[..20],
            PAGE.len() - 20,
            &PAGE[20..]
        );
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder
            .write_all(PAGE.as_bytes())
            .expect("compress in memory");
        let gzipped = encoder.finish().expect("compress in memory");
        let mut warc = response(
            "200 OK",
            "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
            &chunked,
        )
        .into_bytes();
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n";
        let block: Vec<u8> = [head.as_bytes(), &gzipped].concat();
        warc.extend_from_slice(
            format!(
                "WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
                block.len()
            )
            .as_bytes(),
        );
        warc.extend_from_slice(&block);
        check(
            &warc,
            &[("crawl.warc#record0", PAGE), ("crawl.warc#record1", PAGE)],
            None,
        );
    }

    #[test]
    fn lying_lengths_are_errors_that_keep_earlier_records() {
        let good = record("resource", "text/html", PAGE);
        let lying = "WARC/1.1\r\nWARC-Type: resource\r\nContent-Type: text/html\r\nContent-Length: 99999999999\r\n\r\n<p>short</p>";
        check(
            format!("{good}{lying}").as_bytes(),
            &[("crawl.warc#record0", PAGE)],
            Some(
                "crawl.warc: broken WARC data: record 1: Content-Length 99999999999 runs past the end of the data (12 bytes left)",
            ),
        );
        let overflowing = "WARC/1.1\r\nContent-Length: 18446744073709551615\r\n\r\nx";
        assert!(pages("w", overflowing.as_bytes(), 100).error.is_some());
        let chunk = response(
            "200 OK",
            "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
            "ffffff\r\nshort",
        );
        check(
            chunk.as_bytes(),
            &[],
            Some(
                "crawl.warc: broken WARC data: record 0: chunk of 16777215 bytes runs past the end of the response",
            ),
        );
    }

    #[test]
    fn malformed_headers_are_errors() {
        check(
            b"WARC/1.1\r\nWARC-Type: resource\r\n\r\n",
            &[],
            Some("crawl.warc: broken WARC data: record 0: no Content-Length header"),
        );
        check(
            b"WARC/1.1\r\nContent-Length: ten\r\n\r\n",
            &[],
            Some("crawl.warc: broken WARC data: record 0: Content-Length \"ten\" is not a number"),
        );
        check(
            b"WARC/1.1\r\nWARC-Type: resource",
            &[],
            Some("crawl.warc: broken WARC data: record 0: the data ends inside a header"),
        );
        let many_headers = format!("WARC/1.1\r\n{}\r\n", "X-A: b\r\n".repeat(300));
        check(
            many_headers.as_bytes(),
            &[],
            Some("crawl.warc: broken WARC data: record 0: more than 200 header lines"),
        );
    }

    #[test]
    fn random_records_never_panic() {
        const PIECES: &[&str] = &[
            "WARC/1.1\r\n",
            "WARC-Type: response\r\n",
            "WARC-Type: resource\r\n",
            "Content-Type: application/http\r\n",
            "Content-Type: text/html\r\n",
            "Content-Length: 0\r\n",
            "Content-Length: 40\r\n",
            "Content-Length: 18446744073709551616\r\n",
            "Transfer-Encoding: chunked\r\n",
            "Content-Encoding: gzip\r\n",
            "HTTP/1.1 200 OK\r\n",
            "\r\n",
            "\n",
            " folded\r\n",
            "ff\r\n",
            "0\r\n",
            "<p>Truce</p>",
            "\x1f\u{8b}",
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..2000 {
            let n_pieces = next() % 30;
            let warc: String = (0..n_pieces)
                .map(|_| PIECES[(next() >> 8) as usize % PIECES.len()])
                .collect();
            let pages = pages("fuzz.warc", warc.as_bytes(), 10_000);
            if let Some(error) = pages.error {
                assert_eq!(error.input(), "fuzz.warc");
            }
        }
    }

    #[test]
    fn gzip_bombs_in_a_page_stop_at_the_cap() {
        use std::io::Write;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        encoder
            .write_all(&vec![b'a'; 10_000_000])
            .expect("compress in memory");
        let gzipped = encoder.finish().expect("compress in memory");
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n";
        let block: Vec<u8> = [head.as_bytes(), &gzipped].concat();
        let mut warc = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        warc.extend_from_slice(&block);
        let pages = pages("bomb.warc", &warc, 1000);
        assert!(pages.documents.is_empty());
        assert!(
            pages
                .error
                .is_some_and(|error| error.to_string().contains("larger than the limit of 1000"))
        );
    }
}
