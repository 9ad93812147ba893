//! Tests of reading and extraction as a whole: bad inputs of every kind, and the seed articles in
//! `../shared/seeds` when they are present.

use super::*;
use crate::text::without_stray_full_stops;
use parallax_model::RemovalReason;
use std::path::{Path, PathBuf};

fn text_document(label: &str, bytes: &[u8]) -> Document {
    Document {
        origin: Origin::File(label.to_string()),
        format: DocumentFormat::Text,
        bytes: bytes.to_vec(),
    }
}

/// Extracts `document` and checks that it fails, naming the input, with a message containing
/// `expected`.
fn check_error(document: &Document, expected: &str) {
    let error = extract(document, &ExtractConfig::new()).expect_err("extraction should fail");
    assert_eq!(error.input(), document.origin.label());
    let message = error.to_string();
    assert!(message.starts_with(&document.origin.label()), "{message}");
    assert!(
        message.contains(expected),
        "{message:?} does not contain {expected:?}"
    );
    assert!(!message.ends_with('.'), "{message}");
}

#[test]
fn empty_input_is_no_text() {
    check_error(&text_document("empty.txt", b""), "the input is empty");
    check_error(
        &text_document("blank.txt", b" \n\n\t "),
        "the input is empty",
    );
}

#[test]
fn short_input_is_no_text() {
    check_error(
        &text_document("short.txt", b"Harbour talks\n\nThey met."),
        "2 words, fewer than 20",
    );
    check_error(
        &text_document(
            "widgets.txt",
            b"Intro line here\n\nRead more\n\nShare this article",
        ),
        "nothing is left after removing 3 blocks of boilerplate",
    );
}

#[test]
fn binary_junk_is_refused() {
    let mut junk = b"\x7fELF\x02\x01\x01\0\0\0".to_vec();
    junk.extend((0..4000_u32).map(|idx| (idx.wrapping_mul(2_654_435_761) >> 24) as u8));
    check_error(
        &text_document("program.txt", &junk),
        "binary data, not an article",
    );
    let html = Document {
        format: DocumentFormat::Html,
        ..text_document("page.html", &junk)
    };
    check_error(&html, "binary data, not an article");
    let feed = Document {
        format: DocumentFormat::Feed,
        ..text_document("feed.rss", &junk)
    };
    check_error(&feed, "binary data, not an article");
}

#[test]
fn latin1_text_is_decoded_with_a_note() {
    let text = b"La tr\xeave du port\n\nLes n\xe9gociateurs des deux villes portuaires se sont retrouv\xe9s mardi et ont prolong\xe9 la tr\xeave de la p\xeache d'un mois, a d\xe9clar\xe9 le maire de Vell dans un communiqu\xe9.";
    let extracted = extract(&text_document("latin1.txt", text), &ExtractConfig::new())
        .expect("latin-1 text is readable");
    let article = &extracted.articles[0];
    assert_eq!(article.title.as_deref(), Some("La trêve du port"));
    assert!(article.text.contains("négociateurs"), "{}", article.text);
    assert_eq!(article.language.as_deref(), Some("fr"));
    assert_eq!(extracted.diagnostics.len(), 1);
    assert_eq!(extracted.diagnostics[0].severity, Severity::Note);
    assert_eq!(extracted.diagnostics[0].input, "latin1.txt");
    assert_eq!(
        extracted.diagnostics[0].message,
        "not valid UTF-8; decoded as windows-1252"
    );
}

#[test]
fn mojibake_is_repaired_with_a_note() {
    let text = "Harbour talks in Vell\n\nMayor FranÃ§ois Ruiz said the negotiators from the two harbour towns met again on Tuesday and agreed to extend the fishing truce for another month, and that it donâ€™t matter who asked first.";
    let extracted = extract(
        &text_document("scraped.txt", text.as_bytes()),
        &ExtractConfig::new(),
    )
    .expect("scraped text is readable");
    let article = &extracted.articles[0];
    assert!(
        article.text.contains("Mayor François Ruiz"),
        "{}",
        article.text
    );
    assert!(article.text.contains("it don’t matter"), "{}", article.text);
    assert_eq!(extracted.diagnostics.len(), 1);
    assert_eq!(extracted.diagnostics[0].severity, Severity::Note);
    assert_eq!(
        extracted.diagnostics[0].message,
        "mojibake (UTF-8 once read as Windows-1252, \"Ã©\" for \"é\") repaired at 2 places"
    );
}

#[test]
fn character_references_a_scraper_left_are_decoded() {
    let text = "Harbour talks in Vell\n\nThe mayor said the talks don&#8217;t matter and &quot;nothing&quot; will change, according to staff of Vell Ports &amp; Docks, who met on Tuesday for an hour; the union&amp;#8217;s leader &lt;Ana Ruiz&gt; agreed.";
    let extracted = extract(
        &text_document("scraped.txt", text.as_bytes()),
        &ExtractConfig::new(),
    )
    .expect("scraped text is readable");
    assert_eq!(
        extracted.articles[0].text,
        "The mayor said the talks don’t matter and \"nothing\" will change, according to staff of Vell Ports & Docks, who met on Tuesday for an hour; the union’s leader <Ana Ruiz> agreed."
    );
}

#[test]
fn deeply_nested_html_is_read_as_text() {
    let mut page = String::from("<html><body>");
    for _ in 0..10_000 {
        page.push_str("<div>");
    }
    page.push_str("<p>Negotiators from the two harbour towns met again on Tuesday and agreed to extend the fishing truce for another month, the mayor said.</p>");
    let document = Document {
        origin: Origin::File("deep.html".to_string()),
        format: DocumentFormat::Html,
        bytes: page.into_bytes(),
    };
    let started = std::time::Instant::now();
    let extracted = extract(&document, &ExtractConfig::new()).expect("deep page is readable");
    assert!(
        started.elapsed().as_secs() < 5,
        "took {:?}",
        started.elapsed()
    );
    assert!(extracted.articles[0].text.starts_with("Negotiators"));
    assert!(
        extracted
            .diagnostics
            .iter()
            .any(|diagnostic| diagnostic.severity == Severity::Warning
                && diagnostic.input == "deep.html"
                && diagnostic.message.contains("nested more than 256 levels")),
        "{:?}",
        extracted.diagnostics
    );

    let shallow_junk = Document {
        bytes: b"<div><div><span>x".to_vec(),
        ..document
    };
    check_error(&shallow_junk, "1 words, fewer than 20");
}

#[test]
fn huge_single_line_is_bounded() {
    // One line with no blank lines: every rule must stay linear. 5 MB already shows a quadratic
    // rule (it would not finish); PARALLAX_SLOW_TESTS=1 runs the full 50 MB, which takes about
    // ten seconds in a debug build.
    let n_bytes = if std::env::var_os("PARALLAX_SLOW_TESTS").is_some() {
        50 * 1024 * 1024
    } else {
        5 * 1024 * 1024
    };
    let sentence = "The harbour council met again on Tuesday to discuss the breakwater. ";
    let text = sentence.repeat(n_bytes / sentence.len());
    let started = std::time::Instant::now();
    let extracted = extract(
        &text_document("huge.txt", text.as_bytes()),
        &ExtractConfig::new(),
    )
    .expect("huge text is readable");
    assert_eq!(extracted.articles[0].paragraphs().count(), 1);
    assert!(
        started.elapsed().as_secs() < 60,
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn hostile_bytes_never_panic() {
    let inputs: [&[u8]; 8] = [
        b"\xff\xfe\xff",
        b"<",
        b"<html><head><meta charset=\"nonsense\"><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":",
        b"<html><body><p>&#0; &#xFFFFFFFF; &bogus; &#x110000;</p></body></html>",
        b"\xe2\x82",
        b"By\n\nBy Mara\n\n\xe2\x80\xa8\xe2\x80\xa9",
        b"<?xml version=\"1.0\"?><rss><channel><item><description><![CDATA[<p>x",
        "\u{feff}Заголовок\n\n– – –\n\n©".as_bytes(),
    ];
    for bytes in inputs {
        for format in [
            DocumentFormat::Html,
            DocumentFormat::Text,
            DocumentFormat::Feed,
        ] {
            let document = Document {
                origin: Origin::Stdin,
                format,
                bytes: bytes.to_vec(),
            };
            if let Err(error) = extract(&document, &ExtractConfig::new()) {
                assert_eq!(error.input(), "-");
            }
        }
    }
}

#[test]
fn read_then_extract_names_every_bad_input() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").expect("write");
    let missing = dir.path().join("missing.txt");
    let (documents, diagnostics) = read(
        &[Input::Path(empty.clone()), Input::Path(missing.clone())],
        &ReadConfig::new(),
    );
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0].input, missing.to_string_lossy());
    assert_eq!(documents.len(), 1);
    let error = extract(&documents[0], &ExtractConfig::new()).expect_err("empty");
    assert_eq!(error.input(), empty.to_string_lossy());
    let diagnostic = error.to_diagnostic();
    assert_eq!(diagnostic.severity, Severity::Error);
    assert_eq!(diagnostic.message, "no article text: the input is empty");
}

// The seed articles: real scraped text with its leftovers. The checks are generic: they compute
// what to expect from the files and never quote them.

fn seeds_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds")
}

fn flatten(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A photo caption ending in its credit after a slash or a bar ("... / AGENCY"), checked here
/// independently of the classifier: captions are removed even when they are long.
fn is_credited_caption(paragraph: &str) -> bool {
    paragraph
        .trim()
        .rsplit_once(['/', '|'])
        .is_some_and(|(_, credit)| {
            let words: Vec<&str> = credit.split_whitespace().collect();
            (1..=3).contains(&words.len())
                && words
                    .iter()
                    .all(|word| word.chars().next().is_some_and(char::is_uppercase))
        })
}

fn is_editor_note(paragraph: &str) -> bool {
    let lower = paragraph.to_lowercase().replace('’', "'");
    lower.starts_with("editor's note") || lower.starts_with("editors' note")
}

#[test]
#[expect(
    clippy::print_stderr,
    reason = "the seed test says when it is skipped and what it found"
)]
fn seeds_come_out_clean() {
    let folder = seeds_folder();
    if !folder.is_dir() {
        eprintln!("skipping: ../shared/seeds not found");
        return;
    }
    let (documents, diagnostics) = read(&[Input::Path(folder)], &ReadConfig::new());
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert!(!documents.is_empty());
    for document in &documents {
        let label = document.origin.label();
        let seed = String::from_utf8_lossy(&document.bytes).replace("\r\n", "\n");
        let extracted = extract(document, &ExtractConfig::new())
            .unwrap_or_else(|error| panic!("{label}: {error}"));
        assert_eq!(extracted.articles.len(), 1);
        let article = &extracted.articles[0];
        let text = &article.text;
        let lower = text.to_lowercase().replace('’', "'");

        // Known leftover shapes are gone.
        for leftover in [
            "no time to read",
            "previous article",
            "next article",
            "comments powered by",
            "comments are closed",
            "contact us at",
            "editor's note",
            "[email protected]",
        ] {
            assert!(
                !lower.contains(leftover),
                "{label}: {leftover:?} left in the text"
            );
        }
        for paragraph in text.split("\n\n") {
            let paragraph_lower = paragraph.to_lowercase();
            assert!(
                !(paragraph_lower.contains("cookie")
                    && ["accept", "opt-out", "consent"]
                        .iter()
                        .any(|word| paragraph_lower.contains(word))),
                "{label}: cookie notice left: {paragraph:?}"
            );
            assert_eq!(
                text.split("\n\n")
                    .filter(|other| *other == paragraph)
                    .count(),
                1,
                "{label}: paragraph kept twice: {paragraph:?}"
            );
        }
        assert!(!text.contains('\r') && !text.contains("\n\n\n") && !text.contains('\u{a0}'));
        for (paragraph_idx, paragraph) in text.split("\n\n").enumerate() {
            assert!(
                !paragraph.contains('\n'),
                "{label}: paragraph {paragraph_idx} has a newline"
            );
        }

        // Editor's notes move to the notes.
        let seed_notes: Vec<&str> = seed
            .split("\n\n")
            .map(str::trim)
            .filter(|paragraph| is_editor_note(paragraph))
            .collect();
        for note in &seed_notes {
            assert!(
                article
                    .notes
                    .iter()
                    .any(|kept| flatten(kept) == flatten(note)),
                "{label}: editor's note not in notes"
            );
        }

        // No article sentence is lost: every line of every long paragraph is still there,
        // except the headline that opens the seed, editor's notes and credited photo captions.
        let flat_text = flatten(text);
        let headline = seed.lines().next().map(flatten).unwrap_or_default();
        for paragraph in seed.split("\n\n") {
            if paragraph.split_whitespace().count() <= 25
                || is_editor_note(paragraph.trim())
                || is_credited_caption(paragraph)
            {
                continue;
            }
            for line in paragraph.lines() {
                let line = without_stray_full_stops(flatten(line));
                if line.is_empty() || line == headline {
                    continue;
                }
                assert!(flat_text.contains(&line), "{label}: lost {line:?}");
            }
        }

        let mut reasons: Vec<String> = Vec::new();
        for reason in [
            RemovalReason::Title,
            RemovalReason::Byline,
            RemovalReason::Caption,
            RemovalReason::Repeated,
            RemovalReason::Widget,
            RemovalReason::Related,
            RemovalReason::Cookie,
            RemovalReason::Comments,
            RemovalReason::Contact,
            RemovalReason::EditorNote,
            RemovalReason::OutsideMainContent,
        ] {
            let n_blocks = article
                .removed
                .iter()
                .filter(|block| block.reason == reason)
                .count();
            if n_blocks > 0 {
                reasons.push(format!("{reason:?}={n_blocks}"));
            }
        }
        eprintln!(
            "{}: {} paragraphs, {} words; removed [{}]; title {}; authors {:?}; published {:?}; outlet {:?}; language {:?}; notes {}",
            Path::new(&label)
                .file_name()
                .map_or(label.clone(), |name| name.to_string_lossy().into_owned()),
            article.paragraphs().count(),
            article.n_words(),
            reasons.join(", "),
            if article.title.is_some() {
                "found"
            } else {
                "none"
            },
            article.authors.len(),
            article.published,
            article.outlet.is_some(),
            article.language,
            article.notes.len(),
        );
    }
}

/// Hand-made labels for the seed articles: for each seed file, the 1-based numbers of the lines
/// that are boilerplate and of those that are metadata. Line numbers only, so that no text of
/// the seeds is copied into the repository; its `_about` field says more.
const SEED_GOLD: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/seeds-boilerplate.json"
));

/// The line numbers listed under `key` in one seed's gold entry.
fn gold_line_numbers(entry: &serde_json::Value, name: &str, key: &str) -> Vec<usize> {
    let numbers = entry
        .get(key)
        .and_then(serde_json::Value::as_array)
        .unwrap_or_else(|| panic!("{name}: the gold has no {key:?} list"));
    numbers
        .iter()
        .map(|number| {
            number
                .as_u64()
                .and_then(|number| usize::try_from(number).ok())
                .filter(|&number| number > 0)
                .unwrap_or_else(|| panic!("{name}: {key:?} holds {number}, not a line number"))
        })
        .collect()
}

#[test]
#[expect(
    clippy::print_stderr,
    reason = "the seed test says when it is skipped and what it found"
)]
fn seeds_match_the_gold() {
    let gold: serde_json::Value =
        serde_json::from_str(SEED_GOLD).expect("the gold file is valid JSON");
    let gold = gold.as_object().expect("the gold file is a JSON object");
    let folder = seeds_folder();
    if !folder.is_dir() {
        eprintln!("skipping: ../shared/seeds not found");
        return;
    }
    let (documents, diagnostics) = read(&[Input::Path(folder)], &ReadConfig::new());
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let names: Vec<String> = documents
        .iter()
        .map(|document| {
            let label = document.origin.label();
            Path::new(&label)
                .file_name()
                .map_or(label.clone(), |name| name.to_string_lossy().into_owned())
        })
        .collect();
    // Keys starting with an underscore document the file; every other key names a seed, and
    // every seed has a key, so a seed added or renamed cannot go unchecked.
    let mut gold_names: Vec<&String> = gold.keys().filter(|key| !key.starts_with('_')).collect();
    let mut seed_names: Vec<&String> = names.iter().collect();
    gold_names.sort();
    seed_names.sort();
    assert_eq!(
        gold_names, seed_names,
        "the gold and the seeds name different files"
    );

    for (document, name) in documents.iter().zip(&names) {
        let entry = &gold[name.as_str()];
        let seed = String::from_utf8_lossy(&document.bytes);
        // The seed's lines normalized the way the cleaner normalizes its units, so that a
        // no-break space or a stray tab is no difference.
        let lines: Vec<String> = seed.lines().map(crate::decode::normalize_line).collect();
        let boilerplate = gold_line_numbers(entry, name, "boilerplate");
        let metadata = gold_line_numbers(entry, name, "metadata");
        let mut is_gold_removed = vec![false; lines.len()];
        for &line_number in boilerplate.iter().chain(&metadata) {
            let line_idx = line_number - 1;
            assert!(
                lines.get(line_idx).is_some_and(|line| !line.is_empty()),
                "{name}:{line_number}: the gold names a blank or missing line"
            );
            assert!(
                !is_gold_removed[line_idx],
                "{name}:{line_number}: the gold lists the line twice"
            );
            is_gold_removed[line_idx] = true;
        }

        let extracted = extract(document, &ExtractConfig::new())
            .unwrap_or_else(|error| panic!("{name}: {error}"));
        assert_eq!(extracted.articles.len(), 1);
        let article = &extracted.articles[0];
        let flat_text = flatten(&article.text);
        let removal_of = |line: &str| {
            article
                .removed
                .iter()
                .find(|block| flatten(&block.text).contains(line))
                .map(|block| block.reason)
        };

        let mut failures = Vec::new();
        for (line_idx, line) in lines.iter().enumerate() {
            let line_number = line_idx + 1;
            if line.is_empty() {
                continue;
            }
            // A kept line is in the text as the cleaner repairs it.
            let in_text = flat_text.contains(&without_stray_full_stops(line.clone()));
            if is_gold_removed[line_idx] && in_text {
                failures.push(format!(
                    "{name}:{line_number}: gold boilerplate or metadata is still in the text"
                ));
            } else if !is_gold_removed[line_idx] && !in_text {
                failures.push(format!(
                    "{name}:{line_number}: article line lost (removed as {:?})",
                    removal_of(line)
                ));
            }
        }
        // Metadata leaves the body but must be recognized as such, not thrown away as clutter.
        for &line_number in &metadata {
            let reason = removal_of(&lines[line_number - 1]);
            if !matches!(
                reason,
                Some(
                    RemovalReason::Title
                        | RemovalReason::Byline
                        | RemovalReason::EditorNote
                        | RemovalReason::Syndication
                )
            ) {
                failures.push(format!(
                    "{name}:{line_number}: metadata removed as {reason:?}, not kept as metadata"
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        eprintln!(
            "{name}: gold {} boilerplate and {} metadata lines removed, {} article lines kept",
            boilerplate.len(),
            metadata.len(),
            lines.iter().filter(|line| !line.is_empty()).count()
                - boilerplate.len()
                - metadata.len(),
        );
    }
}

/// A small deterministic fuzz: random splices of markup, text and bytes through every format.
#[test]
fn random_inputs_never_panic() {
    const PIECES: &[&str] = &[
        "<html>",
        "<body>",
        "<div>",
        "</div>",
        "<p>",
        "</p>",
        "<br>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "<![CDATA[",
        "]]>",
        "<rss>",
        "<channel>",
        "<item>",
        "</item>",
        "<description>",
        "<feed>",
        "<entry>",
        "&amp;",
        "&#x",
        "&#99999999;",
        "\u{a0}",
        "\u{200b}",
        "\u{2029}",
        "\r",
        "\n",
        "\n\n",
        "By Mara Quill",
        "Read more",
        "Related",
        "© 2024",
        "10 January 2022",
        "Editor's note:",
        "/ AP",
        "| AFP",
        "cookies accept this website",
        "The harbour council met again on Tuesday.",
        "Ж",
        "€",
        "\u{10ffff}",
        "<meta charset=\"koi8-r\">",
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\"",
        "\"}",
        "[",
        "{",
        "<",
        ">",
        "/",
        "|",
        "(",
        ")",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..300 {
        let mut bytes = Vec::new();
        let n_pieces = next() % 60;
        for _ in 0..n_pieces {
            let roll = next();
            if roll % 7 == 0 {
                bytes.push((roll >> 8) as u8);
            } else {
                let piece = PIECES[(roll >> 8) as usize % PIECES.len()];
                bytes.extend_from_slice(piece.as_bytes());
            }
        }
        for format in [
            DocumentFormat::Html,
            DocumentFormat::Text,
            DocumentFormat::Feed,
        ] {
            let document = Document {
                origin: Origin::Stdin,
                format,
                bytes: bytes.clone(),
            };
            match extract(&document, &ExtractConfig::new()) {
                Ok(extracted) => {
                    for article in &extracted.articles {
                        assert!(!article.text.contains("\n\n\n"));
                        assert!(article.text.split("\n\n").all(
                            |paragraph| !paragraph.contains('\n')
                                && !paragraph.is_empty()
                                && paragraph.trim() == paragraph
                        ));
                    }
                }
                Err(error) => assert_eq!(error.input(), "-"),
            }
        }
    }
}

#[test]
fn broken_feed_reason_is_reported() {
    let document = Document {
        origin: Origin::File("broken.rss".to_string()),
        format: DocumentFormat::Feed,
        bytes: b"<rss><channel><item><title>x</ti".to_vec(),
    };
    let error = extract(&document, &ExtractConfig::new()).expect_err("broken");
    assert!(matches!(error, Error::Feed { .. }), "{error}");
}

#[test]
fn deeply_nested_feed_is_safe_on_a_small_stack() {
    let mut xml =
        String::from("<rss version=\"2.0\"><channel><title>x</title><item><title>Deep</title>");
    for _ in 0..50_000 {
        xml.push_str("<x>");
    }
    xml.push_str("</item></channel></rss>");
    let document = Document {
        origin: Origin::File("deep.rss".to_string()),
        format: DocumentFormat::Feed,
        bytes: xml.into_bytes(),
    };
    // Worker threads such as rayon's have small stacks: extraction must not recurse per level.
    let handle = std::thread::Builder::new()
        .stack_size(1024 * 1024)
        .spawn(move || {
            extract(&document, &ExtractConfig::new()).map(|extracted| extracted.articles.len())
        })
        .expect("spawn a thread");
    let result = handle.join().expect("no panic");
    if let Err(error) = result {
        assert_eq!(error.input(), "deep.rss");
    }
}

#[test]
fn nesting_just_under_the_limit_is_safe_on_a_small_stack() {
    let mut page = String::from("<html><body>");
    // 240 levels, just under the 256 that sends a page down the plain-text path.
    for _ in 0..80 {
        page.push_str("<div><span><b>");
    }
    page.push_str("Negotiators from the two harbour towns met again on Tuesday and agreed to extend the fishing truce for another month, the mayor said.");
    let document = Document {
        origin: Origin::File("nested.html".to_string()),
        format: DocumentFormat::Html,
        bytes: page.into_bytes(),
    };
    let handle = std::thread::Builder::new()
        .stack_size(1024 * 1024)
        .spawn(move || {
            extract(&document, &ExtractConfig::new())
                .map(|extracted| (extracted.articles.len(), extracted.diagnostics.len()))
        })
        .expect("spawn a thread");
    let result = handle.join().expect("no panic");
    // One article and no diagnostic: the page went through the tree, not the plain-text path.
    assert_eq!(result.map_err(|error| error.to_string()), Ok((1, 0)));
}

/// Extracts plain `text` and checks the authors found.
fn check_authors(text: &str, expected: &[&str]) {
    let extracted = extract(
        &text_document("column.txt", text.as_bytes()),
        &ExtractConfig::new(),
    )
    .expect("an article");
    assert_eq!(extracted.articles[0].authors, expected);
}

#[test]
fn editor_note_names_the_author_when_no_byline_does() {
    let body = "Negotiators from the two harbour towns met again on Tuesday and agreed to extend the fishing truce for another month, which few had expected.";
    let note = "Editor's note: Ilse Marr is a former harbour master in Vell. The views expressed are her own.";
    check_authors(
        &format!("Why the truce matters\n\n{body}\n\n{note}"),
        &["Ilse Marr"],
    );
    check_authors(
        &format!("Why the truce matters\n\nBy Ode Fenn\n\n{body}\n\n{note}"),
        &["Ode Fenn"],
    );
}
