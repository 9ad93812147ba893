//! Quantities in arbitrary text: never panics, and every quantity's range is a slice of the text
//! on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    for quantity in parallax_annotate::quantities_in(text) {
        assert!(text.get(quantity.range.clone()).is_some());
    }
});
