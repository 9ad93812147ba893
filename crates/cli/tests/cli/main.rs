//! Integration tests of the `parallax` binary: one test binary, one module per area.

/// Shared harness: a fresh folder per test and the built binary.
mod util;

/// `parallax brief` on the shipped example corpus, checked against its gold files.
mod examples;

/// Bad input: missing files, junk, empty articles, stdin.
mod errors;

/// The output formats and `--out`.
mod formats;

/// The real articles in ../shared/seeds, when present.
mod seeds;

/// `parallax eval`.
mod eval;
