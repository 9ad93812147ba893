//! Ingest: bytes from files, folders, stdin and feeds → [`Document`]s → clean [`Article`]s.
//!
//! API sketch agreed with the engine (the ingest owner fills in the bodies and docs):
//!
//! ```ignore
//! pub enum Input { Path(PathBuf), Stdin }
//! pub struct ReadConfig { pub max_input_bytes: u64 }
//! pub fn read(inputs: &[Input], config: &ReadConfig) -> (Vec<Document>, Vec<Diagnostic>);
//! pub struct ExtractConfig { .. }            // has a Default-free constructor `ExtractConfig::new()`
//! pub fn extract(document: &Document, config: &ExtractConfig) -> Result<Extracted>;
//! pub struct Extracted { pub articles: Vec<Article>, pub diagnostics: Vec<Diagnostic> }
//! pub enum Error { .. }  // #[non_exhaustive], thiserror, every variant names the input
//! pub type Result<T> = std::result::Result<T, Error>;
//! ```
