//! Extraction of a html document from arbitrary bytes: never panics, and every article it
//! returns has ranges inside its own text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_model::{Document, DocumentFormat, Origin};

fuzz_target!(|bytes: &[u8]| {
    let document = Document {
        origin: Origin::File("fuzz".to_string()),
        format: DocumentFormat::Html,
        bytes: bytes.to_vec(),
    };
    if let Ok(extracted) = parallax_ingest::extract(&document, &parallax_ingest::ExtractConfig::new()) {
        for article in &extracted.articles {
            for paragraph in article.paragraphs() {
                assert!(article.text.get(paragraph).is_some());
            }
        }
    }
});
