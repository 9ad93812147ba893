//! Tests of the quote annotator on invented sentences.
