//! Time expressions in arbitrary text: never panics, and every expression's range is a slice of
//! the text on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let published = chrono::NaiveDate::from_ymd_opt(2021, 12, 31);
    for expression in parallax_annotate::times_in(text, published, "en") {
        assert!(text.get(expression.range.clone()).is_some());
    }
});
