//! Reading in-memory bytes (gzip, WARC records, format sniffing) and extracting every document
//! they give: never panics, and no document is larger than the configured cap.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_ingest::{ExtractConfig, Input, ReadConfig};

fuzz_target!(|bytes: &[u8]| {
    let mut config = ReadConfig::new();
    config.max_input_bytes = 1 << 20;
    let input = Input::Bytes {
        name: "fuzz".to_string(),
        bytes: bytes.to_vec(),
    };
    let (documents, _diagnostics) = parallax_ingest::read(&[input], &config);
    for document in &documents {
        assert!(document.bytes.len() as u64 <= config.max_input_bytes);
        let _ = parallax_ingest::extract(document, &ExtractConfig::new());
    }
});
