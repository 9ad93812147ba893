//! Integration tests of the `parallax` binary: one test binary, one module per area.
#![expect(
    clippy::print_stdout,
    reason = "tests print why they skip and what the gold check missed"
)]

/// Shared harness: a fresh folder per test and the built binary.
mod util;

/// `parallax brief` on the shipped example corpus, checked against its gold files.
mod examples;

/// Bad input: missing files, junk, empty articles, stdin.
mod errors;

/// `parallax extract`: the extraction alone, WARC and URL inputs.
mod extract;

/// The output formats and `--out`.
mod formats;

/// The real articles in ../shared/seeds, when present.
mod seeds;

/// `parallax eval`.
mod eval;

/// The store: `ingest`, `stories`, `search`, `export`, `brief --story` over a data folder.
mod store;

/// Many machines: `ingest --queue` and `parallax worker` against the local NATS and
/// PostgreSQL servers (skipped where none listens), a worker killed mid-run.
#[cfg(feature = "queue")]
mod workers;

/// Mixed inputs: `parallax stories`, the split into stories and `--story`.
mod stories;

/// Whole briefs of the example stories as insta file snapshots; review a change with the
/// `.snap.new` files, accept it with `INSTA_UPDATE=always` (or `cargo insta accept`).
mod snapshots;
