//! Reading inputs into [`Document`]s: files, folders, standard input, gzip, format sniffing.

use crate::error::{Error, lowercase_reason};
use parallax_model::{Diagnostic, Document, DocumentFormat, Origin, Severity};
use std::fs;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// One input the user named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file or a folder; folders are read recursively.
    Path(PathBuf),
    /// Standard input, read to its end.
    Stdin,
    /// A web address (`http://` or `https://`), fetched within the limits of [`ReadConfig`].
    /// Without the `url` cargo feature it gives an error diagnostic.
    Url(String),
    /// Bytes already in memory (an uploaded file, a pasted text), read like a file: gzip and
    /// WARC are recognised and the format is sniffed.
    Bytes {
        /// How messages name it, such as the uploaded file's name.
        name: String,
        /// The bytes as received.
        bytes: Vec<u8>,
    },
}

impl Input {
    /// The input a user named on the command line: `-` is standard input, an `http://` or
    /// `https://` address is a URL, anything else a path.
    pub fn from_arg(arg: &std::ffi::OsStr) -> Input {
        let text = arg.to_string_lossy();
        if text == "-" {
            Input::Stdin
        } else if crate::url::is_url(&text) {
            Input::Url(text.into_owned())
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }
}

/// Limits for [`read`].
#[derive(Debug, Clone)]
pub struct ReadConfig {
    /// Largest input accepted, in bytes, counted after decompression. Reading stops as soon as
    /// an input passes it, so a gzip bomb never takes more memory than this. A fetched page is
    /// held to it too.
    pub max_input_bytes: u64,
    /// Whether a URL may be fetched from a private, loopback, link-local or metadata address
    /// (checked after DNS resolution and on every redirect).
    pub allow_private_urls: bool,
    /// Longest a URL's fetch may take, connection and body together.
    pub fetch_timeout: std::time::Duration,
    /// Most redirects followed when fetching a URL.
    pub max_redirects: usize,
}

impl ReadConfig {
    /// The defaults: inputs up to 64 MiB; URLs fetched in at most 30 seconds with at most 5
    /// redirects, and never from private addresses.
    pub fn new() -> ReadConfig {
        ReadConfig {
            max_input_bytes: 64 * 1024 * 1024,
            allow_private_urls: false,
            fetch_timeout: std::time::Duration::from_secs(30),
            max_redirects: 5,
        }
    }
}

/// File name extensions read from folders, with the format each one means.
const EXTENSIONS: &[(&str, DocumentFormat)] = &[
    ("html", DocumentFormat::Html),
    ("htm", DocumentFormat::Html),
    ("xhtml", DocumentFormat::Html),
    ("txt", DocumentFormat::Text),
    ("text", DocumentFormat::Text),
    ("xml", DocumentFormat::Feed),
    ("rss", DocumentFormat::Feed),
    ("atom", DocumentFormat::Feed),
];

/// Folders deeper than this below the folder the user named are not entered; it stops a runaway
/// walk without following symbolic links, which are never followed into folders anyway.
const MAX_FOLDER_DEPTH: usize = 64;

/// Reads every input into [`Document`]s, in the order given; a folder's files come in path order.
///
/// A folder is read recursively. Files in it are kept when their extension is one of `.html`,
/// `.htm`, `.xhtml`, `.txt`, `.text`, `.xml`, `.rss`, `.atom`, `.warc`, each optionally followed
/// by `.gz`;
/// other files are skipped without a word, and links to folders are not followed. A file named
/// explicitly is read whatever its extension, and its format is sniffed from its bytes when the
/// extension says nothing. Gzip data is recognised by its `.gz` extension or its magic bytes and
/// decompressed. Standard input is sniffed the same way.
///
/// A WARC file (recognised by its first line, whatever its name) gives one HTML document per
/// successful HTML response or resource record, labelled `<file>#record<N>`; a broken record
/// ends its reading with a diagnostic, keeping the pages before it.
///
/// Every input that could not be used gives one [`Severity::Error`] diagnostic naming it: a
/// missing file, a permission error, broken gzip data, an input over
/// [`ReadConfig::max_input_bytes`], a folder with no article files in it.
pub fn read(inputs: &[Input], config: &ReadConfig) -> (Vec<Document>, Vec<Diagnostic>) {
    let mut documents = Vec::new();
    let mut diagnostics = Vec::new();
    for input in inputs {
        match input {
            Input::Stdin => {
                let stdin = io::stdin();
                match read_stream("-", stdin.lock(), None, config) {
                    Ok((bytes, format)) => add_document(
                        Document {
                            origin: Origin::Stdin,
                            format,
                            bytes,
                        },
                        config,
                        &mut documents,
                        &mut diagnostics,
                    ),
                    Err(error) => diagnostics.push(error.to_diagnostic()),
                }
            }
            Input::Path(path) => read_path(path, config, &mut documents, &mut diagnostics),
            Input::Url(url) => match read_url(url, config) {
                Ok(document) => add_document(document, config, &mut documents, &mut diagnostics),
                Err(error) => diagnostics.push(error.to_diagnostic()),
            },
            Input::Bytes { name, bytes } => {
                match read_stream(name, io::Cursor::new(bytes), None, config) {
                    Ok((bytes, format)) => add_document(
                        Document {
                            origin: Origin::File(name.clone()),
                            format,
                            bytes,
                        },
                        config,
                        &mut documents,
                        &mut diagnostics,
                    ),
                    Err(error) => diagnostics.push(error.to_diagnostic()),
                }
            }
        }
    }
    (documents, diagnostics)
}

/// The inputs with every folder replaced by the article files under it, in the order [`read`]
/// reads them, so that a caller can read a large folder a few files at a time. Other inputs are
/// kept as they are; a folder that cannot be walked or holds no article files gives a
/// [`Severity::Error`] diagnostic, as in [`read`].
pub fn expand_folders(inputs: &[Input]) -> (Vec<Input>, Vec<Diagnostic>) {
    let mut expanded = Vec::new();
    let mut diagnostics = Vec::new();
    for input in inputs {
        match input {
            Input::Path(path) if path.is_dir() => {
                let mut files = Vec::new();
                walk_folder(path, 0, &mut files, &mut diagnostics);
                files.sort();
                if files.is_empty() {
                    diagnostics.push(Diagnostic::new(
                        Severity::Error,
                        path_label(path),
                        "no article files in folder",
                    ));
                }
                expanded.extend(files.into_iter().map(Input::Path));
            }
            other => expanded.push(other.clone()),
        }
    }
    (expanded, diagnostics)
}

fn read_path(
    path: &Path,
    config: &ReadConfig,
    documents: &mut Vec<Document>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let label = path_label(path);
    match fs::metadata(path) {
        Err(error) => diagnostics.push(Error::io(&label, &error).to_diagnostic()),
        Ok(metadata) if metadata.is_dir() => {
            let n_before = documents.len();
            let n_errors_before = diagnostics.len();
            let mut files = Vec::new();
            walk_folder(path, 0, &mut files, diagnostics);
            files.sort();
            for file in &files {
                match read_file(file, config) {
                    Ok(document) => add_document(document, config, documents, diagnostics),
                    Err(error) => diagnostics.push(error.to_diagnostic()),
                }
            }
            if documents.len() == n_before {
                let message = if files.is_empty() && diagnostics.len() == n_errors_before {
                    "no article files in folder (looked for .html, .htm, .xhtml, .txt, .text, .xml, .rss, .atom, .warc, optionally .gz)"
                } else {
                    "no readable article files in folder"
                };
                diagnostics.push(Diagnostic::new(Severity::Error, label, message));
            }
        }
        Ok(_) => match read_file(path, config) {
            Ok(document) => add_document(document, config, documents, diagnostics),
            Err(error) => diagnostics.push(error.to_diagnostic()),
        },
    }
}

/// Fetches a URL and reads its body like a file's, gzip and sniffing included.
#[cfg(feature = "url")]
fn read_url(url: &str, config: &ReadConfig) -> Result<Document, Error> {
    let fetched = crate::url::fetch(url, config)?;
    let (bytes, format) = read_stream(url, io::Cursor::new(fetched.bytes), None, config)?;
    Ok(Document {
        origin: Origin::Url {
            requested: url.to_string(),
            url: fetched.url,
        },
        format,
        bytes,
    })
}

#[cfg(not(feature = "url"))]
fn read_url(url: &str, _config: &ReadConfig) -> Result<Document, Error> {
    Err(Error::Fetch {
        input: url.to_string(),
        reason:
            "this build of parallax cannot fetch web addresses (built without the `url` feature)"
                .to_string(),
    })
}

/// Adds a document that was read, or, for a WARC file, the HTML pages of its records: a broken
/// record after some pages is a warning, a WARC file that gave no page an error.
fn add_document(
    document: Document,
    config: &ReadConfig,
    documents: &mut Vec<Document>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if !crate::warc::is_warc(&document.bytes) {
        documents.push(document);
        return;
    }
    let label = document.origin.label();
    let pages = crate::warc::pages(&label, &document.bytes, config.max_input_bytes);
    let n_pages = pages.documents.len();
    documents.extend(pages.documents);
    match pages.error {
        Some(error) => {
            let mut diagnostic = error.to_diagnostic();
            if n_pages > 0 {
                diagnostic.severity = Severity::Warning;
            }
            diagnostics.push(diagnostic);
        }
        None if n_pages == 0 => diagnostics.push(Diagnostic::new(
            Severity::Error,
            label,
            format!(
                "no HTML pages among the {} records of the WARC file",
                pages.n_records
            ),
        )),
        None => {}
    }
}

/// Collects the article files under `folder`; errors on subfolders become diagnostics.
fn walk_folder(
    folder: &Path,
    depth: usize,
    files: &mut Vec<PathBuf>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) => {
            diagnostics.push(Error::io(&path_label(folder), &error).to_diagnostic());
            return;
        }
    };
    let mut paths = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => paths.push((entry.path(), entry.file_type())),
            Err(error) => diagnostics.push(Error::io(&path_label(folder), &error).to_diagnostic()),
        }
    }
    paths.sort_by(|left, right| left.0.cmp(&right.0));
    for (path, file_type) in paths {
        let Ok(file_type) = file_type else { continue };
        if file_type.is_dir() {
            if depth < MAX_FOLDER_DEPTH {
                walk_folder(&path, depth + 1, files, diagnostics);
            }
        } else if extension_format(&path).is_some() || is_warc_name(&path) {
            files.push(path);
        }
    }
}

/// The format a file's extension names, looking through a final `.gz`; `None` when the extension
/// is not one of ours.
fn extension_format(path: &Path) -> Option<DocumentFormat> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let (_, extension) = name.rsplit_once('.')?;
    EXTENSIONS
        .iter()
        .find(|(known, _)| *known == extension)
        .map(|(_, format)| *format)
}

/// Whether a file is named as a WARC file: `.warc`, optionally followed by `.gz`.
fn is_warc_name(path: &Path) -> bool {
    let Some(name) = path.file_name() else {
        return false;
    };
    let name = name.to_string_lossy().to_ascii_lowercase();
    name.strip_suffix(".gz").unwrap_or(&name).ends_with(".warc")
}

fn is_gzip_name(path: &Path) -> bool {
    path.extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("gz"))
}

fn path_label(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// Reads one file, decompressing it when it is gzip, and decides its format.
fn read_file(path: &Path, config: &ReadConfig) -> Result<Document, Error> {
    let label = path_label(path);
    let file = fs::File::open(path).map_err(|error| Error::io(&label, &error))?;
    let hint = extension_format(path);
    let (bytes, sniffed) = read_stream(&label, file, Some(is_gzip_name(path)), config)?;
    let format = match hint {
        // `.xml` is as often XHTML or some other XML as it is a feed: let the bytes decide,
        // but only between a feed and a page.
        Some(DocumentFormat::Feed) if sniffed == DocumentFormat::Html => DocumentFormat::Html,
        Some(format) => format,
        None => sniffed,
    };
    Ok(Document {
        origin: Origin::File(label),
        format,
        bytes,
    })
}

/// Reads a stream to its end, at most `max_input_bytes` after decompression, and sniffs it.
/// `gzip_by_name` says whether the name promised gzip; the magic bytes are checked either way.
fn read_stream(
    label: &str,
    stream: impl Read,
    gzip_by_name: Option<bool>,
    config: &ReadConfig,
) -> Result<(Vec<u8>, DocumentFormat), Error> {
    let mut reader = BufReader::new(stream);
    let head = reader
        .fill_buf()
        .map_err(|error| Error::io(label, &error))?;
    let is_gzip = head.starts_with(&[0x1f, 0x8b]);
    let limit = config.max_input_bytes;
    let mut bytes = Vec::new();
    if is_gzip {
        let decoder = flate2::bufread::MultiGzDecoder::new(reader);
        read_capped(decoder, limit, &mut bytes).map_err(|error| Error::Gzip {
            input: label.to_string(),
            reason: gzip_reason(&error),
        })?;
    } else {
        if gzip_by_name == Some(true) && !head.is_empty() {
            return Err(Error::Gzip {
                input: label.to_string(),
                reason: "the file is named .gz but does not start with the gzip magic bytes"
                    .to_string(),
            });
        }
        read_capped(reader, limit, &mut bytes).map_err(|error| Error::io(label, &error))?;
    }
    if bytes.len() as u64 > limit {
        return Err(Error::TooLarge {
            input: label.to_string(),
            limit,
        });
    }
    let format = sniff(&bytes);
    Ok((bytes, format))
}

/// Reads at most `limit + 1` bytes, so that the caller can tell "exactly at the limit" from "over".
fn read_capped(stream: impl Read, limit: u64, bytes: &mut Vec<u8>) -> io::Result<()> {
    stream.take(limit.saturating_add(1)).read_to_end(bytes)?;
    Ok(())
}

fn gzip_reason(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::UnexpectedEof => "the data ends early (truncated file)".to_string(),
        _ => lowercase_reason(&error.to_string()),
    }
}

/// Guesses a document's format from its first bytes: `<html` or `<!doctype html` is a page,
/// `<rss`, `<feed` or `<rdf:RDF` (after an optional `<?xml ...?>`) a feed, anything else text.
pub(crate) fn sniff(bytes: &[u8]) -> DocumentFormat {
    let head = &bytes[..bytes.len().min(4096)];
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let head: Vec<u8> = if head.starts_with(b"\xff\xfe") || head.starts_with(b"\xfe\xff") {
        // UTF-16 with a byte order mark: look at the code units' low bytes, which is enough to
        // see ASCII markup.
        let (text, _, _) = encoding_rs::UTF_16LE.decode(head);
        let (text_be, _, _) = encoding_rs::UTF_16BE.decode(head);
        let text = if head.starts_with(b"\xff\xfe") {
            text
        } else {
            text_be
        };
        text.to_ascii_lowercase().into_bytes()
    } else {
        head.to_ascii_lowercase()
    };
    let start = head
        .iter()
        .position(|byte| !byte.is_ascii_whitespace())
        .unwrap_or(head.len());
    let trimmed = &head[start..];
    let contains = |needle: &[u8]| trimmed.windows(needle.len()).any(|window| window == needle);
    if trimmed.starts_with(b"<!doctype html") || trimmed.starts_with(b"<html") {
        return DocumentFormat::Html;
    }
    if trimmed.starts_with(b"<rss")
        || trimmed.starts_with(b"<feed")
        || trimmed.starts_with(b"<rdf:rdf")
    {
        return DocumentFormat::Feed;
    }
    if trimmed.starts_with(b"<?xml") || trimmed.starts_with(b"<!--") {
        if contains(b"<rss") || contains(b"<feed") || contains(b"<rdf:rdf") {
            return DocumentFormat::Feed;
        }
        if contains(b"<html") || contains(b"<!doctype html") {
            return DocumentFormat::Html;
        }
        return DocumentFormat::Text;
    }
    if trimmed.starts_with(b"<")
        && (contains(b"<body") || contains(b"<head") || contains(b"<div") || contains(b"<p>"))
    {
        return DocumentFormat::Html;
    }
    DocumentFormat::Text
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn check_sniff(bytes: &str, expected: DocumentFormat) {
        assert_eq!(sniff(bytes.as_bytes()), expected, "{bytes:?}");
    }

    #[test]
    fn sniffs_formats() {
        check_sniff("  <!DOCTYPE html><html>", DocumentFormat::Html);
        check_sniff("<html lang=en>", DocumentFormat::Html);
        check_sniff("\u{feff}<HTML>", DocumentFormat::Html);
        check_sniff("<rss version=\"2.0\">", DocumentFormat::Feed);
        check_sniff(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
            DocumentFormat::Feed,
        );
        check_sniff("<?xml version=\"1.0\"?>\n<rss>", DocumentFormat::Feed);
        check_sniff("<?xml version=\"1.0\"?>\n<html>", DocumentFormat::Html);
        check_sniff(
            "<?xml version=\"1.0\"?>\n<inventory/>",
            DocumentFormat::Text,
        );
        check_sniff("<div><p>Hello</p></div>", DocumentFormat::Html);
        check_sniff("Talks resume in Vell\n\nThe text.", DocumentFormat::Text);
        check_sniff("", DocumentFormat::Text);
    }

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).expect("create test folder");
        }
        fs::write(&path, bytes).expect("write test file");
        path
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).expect("compress in memory");
        encoder.finish().expect("compress in memory")
    }

    fn check_read(
        inputs: &[Input],
        config: &ReadConfig,
        expected_documents: &[(&str, DocumentFormat)],
        expected_diagnostics: &[(&str, &str)],
    ) {
        let (documents, diagnostics) = read(inputs, config);
        let documents: Vec<(String, DocumentFormat)> = documents
            .iter()
            .map(|document| (document.origin.label(), document.format))
            .collect();
        let expected: Vec<(String, DocumentFormat)> = expected_documents
            .iter()
            .map(|(label, format)| (label.to_string(), *format))
            .collect();
        assert_eq!(documents, expected);
        assert_eq!(
            diagnostics.len(),
            expected_diagnostics.len(),
            "{diagnostics:?}"
        );
        for (diagnostic, (input, message_part)) in diagnostics.iter().zip(expected_diagnostics) {
            assert_eq!(diagnostic.severity, Severity::Error);
            assert_eq!(&diagnostic.input, input);
            assert!(
                diagnostic.message.contains(message_part),
                "{:?} does not contain {message_part:?}",
                diagnostic.message
            );
        }
    }

    fn label(path: &Path) -> String {
        path_label(path)
    }

    #[test]
    fn reads_folders_sorted_and_skips_other_files() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let root = dir.path().join("corpus");
        write(&root, "b.txt", b"Second text.");
        write(&root, "a.html", b"<p>First page</p>");
        write(&root, "notes.md", b"# skipped");
        write(&root, "image.png", b"\x89PNG");
        write(&root, "sub/c.rss.gz", &gzip(b"<rss version=\"2.0\"></rss>"));
        write(
            &root,
            "sub/d.xml",
            b"<?xml version=\"1.0\"?><html><body>x</body></html>",
        );
        let a = label(&root.join("a.html"));
        let b = label(&root.join("b.txt"));
        let c = label(&root.join("sub/c.rss.gz"));
        let d = label(&root.join("sub/d.xml"));
        check_read(
            &[Input::Path(root)],
            &ReadConfig::new(),
            &[
                (&a, DocumentFormat::Html),
                (&b, DocumentFormat::Text),
                (&c, DocumentFormat::Feed),
                (&d, DocumentFormat::Html),
            ],
            &[],
        );
    }

    #[test]
    fn bytes_in_memory_are_read_like_a_file() {
        let mut small = ReadConfig::new();
        small.max_input_bytes = 64;
        check_read(
            &[
                Input::Bytes {
                    name: "upload.gz".to_string(),
                    bytes: gzip(b"<rss version=\"2.0\"></rss>"),
                },
                Input::Bytes {
                    name: "pasted".to_string(),
                    bytes: b"Plain words here.".to_vec(),
                },
                Input::Bytes {
                    name: "huge".to_string(),
                    bytes: vec![b'a'; 65],
                },
            ],
            &small,
            &[
                ("upload.gz", DocumentFormat::Feed),
                ("pasted", DocumentFormat::Text),
            ],
            &[("huge", "")],
        );
    }

    #[test]
    fn explicit_file_with_unknown_extension_is_sniffed() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let page = write(dir.path(), "page.php", b"<!doctype html><title>x</title>");
        let text = write(dir.path(), "story", b"Plain words here.");
        let gzipped = write(dir.path(), "story.dat", &gzip(b"<rss></rss>"));
        check_read(
            &[
                Input::Path(page.clone()),
                Input::Path(text.clone()),
                Input::Path(gzipped.clone()),
            ],
            &ReadConfig::new(),
            &[
                (&label(&page), DocumentFormat::Html),
                (&label(&text), DocumentFormat::Text),
                (&label(&gzipped), DocumentFormat::Feed),
            ],
            &[],
        );
    }

    #[test]
    fn missing_file_is_a_diagnostic() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let missing = dir.path().join("missing.html");
        check_read(
            &[Input::Path(missing.clone())],
            &ReadConfig::new(),
            &[],
            &[(&label(&missing), "no such file or folder")],
        );
    }

    #[test]
    fn folder_without_articles_is_a_diagnostic() {
        let dir = tempfile::tempdir().expect("temporary folder");
        write(dir.path(), "photo.jpg", b"\xff\xd8\xff");
        write(dir.path(), "readme.md", b"nothing");
        check_read(
            &[Input::Path(dir.path().to_path_buf())],
            &ReadConfig::new(),
            &[],
            &[(&label(dir.path()), "no article files in folder")],
        );
    }

    #[test]
    fn gzip_bomb_stops_at_the_cap() {
        let dir = tempfile::tempdir().expect("temporary folder");
        // 200 MB of zeros compress to about 200 KB; reading must stop after the 1 MB cap instead
        // of allocating the whole output.
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        let chunk = vec![0_u8; 1024 * 1024];
        for _ in 0..200 {
            encoder.write_all(&chunk).expect("compress in memory");
        }
        let bomb = write(
            dir.path(),
            "bomb.txt.gz",
            &encoder.finish().expect("compress"),
        );
        let config = ReadConfig {
            max_input_bytes: 1024 * 1024,
            ..ReadConfig::new()
        };
        check_read(
            &[Input::Path(bomb.clone())],
            &config,
            &[],
            &[(&label(&bomb), "larger than the limit of 1048576 bytes")],
        );
    }

    #[test]
    fn plain_file_over_the_cap_is_refused() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let big = write(dir.path(), "big.txt", &[b'a'; 2000]);
        let exact = write(dir.path(), "exact.txt", &[b'a'; 1000]);
        let config = ReadConfig {
            max_input_bytes: 1000,
            ..ReadConfig::new()
        };
        check_read(
            &[Input::Path(big.clone()), Input::Path(exact.clone())],
            &config,
            &[(&label(&exact), DocumentFormat::Text)],
            &[(&label(&big), "larger than the limit")],
        );
    }

    #[test]
    fn truncated_gzip_is_a_diagnostic() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let text = "Harbour talks in Vell resumed on Tuesday. ".repeat(200);
        let compressed = gzip(text.as_bytes());
        let truncated = write(
            dir.path(),
            "cut.txt.gz",
            &compressed[..compressed.len() / 2],
        );
        let fake = write(dir.path(), "fake.txt.gz", b"not compressed at all");
        check_read(
            &[Input::Path(truncated.clone()), Input::Path(fake.clone())],
            &ReadConfig::new(),
            &[],
            &[
                (&label(&truncated), "broken gzip data"),
                (&label(&fake), "gzip magic bytes"),
            ],
        );
    }

    fn warc_resource(page: &str) -> String {
        format!(
            "WARC/1.1\r\nWARC-Type: resource\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n{page}\r\n\r\n",
            page.len()
        )
    }

    #[test]
    fn warc_records_become_pages() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let page = "<!doctype html><html><body><p>Truce extended.</p></body></html>";
        let warc = format!("{}{}", warc_resource(page), warc_resource(page));
        let archive = write(dir.path(), "crawl.warc.gz", &gzip(warc.as_bytes()));
        let empty = write(
            dir.path(),
            "empty.warc",
            b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n",
        );
        let cut = write(
            dir.path(),
            "cut.warc",
            format!(
                "{}WARC/1.1\r\nContent-Length: 500\r\n\r\n<p>",
                warc_resource(page)
            )
            .as_bytes(),
        );
        let archive = label(&archive);
        let cut = label(&cut);
        let (documents, diagnostics) =
            read(&[Input::Path(dir.path().to_path_buf())], &ReadConfig::new());
        let labels: Vec<String> = documents
            .iter()
            .map(|document| document.origin.label())
            .collect();
        assert_eq!(
            labels,
            [
                format!("{archive}#record0"),
                format!("{archive}#record1"),
                format!("{cut}#record0"),
            ]
        );
        assert!(
            documents
                .iter()
                .all(|document| document.format == DocumentFormat::Html)
        );
        let messages: Vec<(Severity, String)> = diagnostics
            .iter()
            .map(|diagnostic| (diagnostic.severity, diagnostic.message.clone()))
            .collect();
        assert_eq!(
            messages,
            [
                (
                    Severity::Warning,
                    "broken WARC data: record 1: Content-Length 500 runs past the end of the data (3 bytes left)".to_string()
                ),
                (
                    Severity::Error,
                    "no HTML pages among the 1 records of the WARC file".to_string()
                ),
            ]
        );
        assert_eq!(diagnostics[1].input, label(&empty));
    }

    #[test]
    fn folder_with_only_broken_files_says_so() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let broken = write(dir.path(), "a.html.gz", b"\x1f\x8b\x08garbage");
        check_read(
            &[Input::Path(dir.path().to_path_buf())],
            &ReadConfig::new(),
            &[],
            &[
                (&label(&broken), "broken gzip data"),
                (&label(dir.path()), "no readable article files in folder"),
            ],
        );
    }
}
