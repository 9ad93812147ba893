//! Ad hoc briefs: pasted texts, uploaded files and URLs → a brief, kept nowhere.
//!
//! Texts and files go to ingest as in-memory inputs ([`Input::Bytes`]), so they get exactly the
//! command line's sniffing, decompression and size cap, labelled `pasted-N` and
//! `upload-N-NAME` (the name cleaned). URLs go to ingest as they are, which
//! fetches them with its SSRF checks (no private, loopback or link-local address, on every
//! redirect too) unless [`crate::Config::allow_private_urls`] is set.

use crate::library::StoryRecord;
use parallax_engine::model::Diagnostic;
use parallax_engine::{Config as EngineConfig, Input};

/// What the user handed in.
#[derive(Debug, Default)]
pub(crate) struct AdhocInputs {
    /// Pasted articles, one per entry.
    pub(crate) texts: Vec<String>,
    /// Uploaded files: the name the browser gave and the bytes.
    pub(crate) files: Vec<(String, Vec<u8>)>,
    /// Web addresses.
    pub(crate) urls: Vec<String>,
}

impl AdhocInputs {
    fn len(&self) -> usize {
        self.texts.len() + self.files.len() + self.urls.len()
    }
}

/// Why no ad hoc brief was made.
#[derive(Debug, thiserror::Error)]
pub(crate) enum AdhocError {
    /// Nothing was handed in.
    #[error("no article given: paste a text, upload a file or give a URL")]
    Empty,
    /// More articles than the server takes at once.
    #[error("{given} articles given; at most {max} are briefed at once")]
    TooMany { given: usize, max: usize },
    /// A URL that is not `http://` or `https://`.
    #[error("not an http(s) address: {url}")]
    NotHttp { url: String },
    /// None of the inputs held a readable article.
    #[error("no readable article in the inputs")]
    NoArticles { diagnostics: Vec<Diagnostic> },
}

/// The brief of the story `inputs` tell.
///
/// # Errors
///
/// See [`AdhocError`]: every variant is the user's to fix.
pub(crate) fn brief(
    inputs: &AdhocInputs,
    config: &crate::Config,
) -> Result<StoryRecord, AdhocError> {
    let max_inputs = config.max_adhoc_inputs;
    let n_inputs = inputs.len();
    if n_inputs == 0 {
        return Err(AdhocError::Empty);
    }
    if n_inputs > max_inputs {
        return Err(AdhocError::TooMany {
            given: n_inputs,
            max: max_inputs,
        });
    }
    for url in &inputs.urls {
        let lowered = url.to_ascii_lowercase();
        if !lowered.starts_with("http://") && !lowered.starts_with("https://") {
            return Err(AdhocError::NotHttp { url: url.clone() });
        }
    }
    let mut engine_inputs = Vec::with_capacity(n_inputs);
    engine_inputs.extend(
        inputs
            .texts
            .iter()
            .enumerate()
            .map(|(text_idx, text)| Input::Bytes {
                name: format!("pasted-{}", text_idx + 1),
                bytes: text.clone().into_bytes(),
            }),
    );
    engine_inputs.extend(
        inputs
            .files
            .iter()
            .enumerate()
            .map(|(file_idx, (name, bytes))| Input::Bytes {
                name: format!("upload-{}-{}", file_idx + 1, safe_file_name(name)),
                bytes: bytes.clone(),
            }),
    );
    engine_inputs.extend(
        inputs
            .urls
            .iter()
            .map(|url| Input::Url(url.trim().to_string())),
    );

    let mut engine_config = EngineConfig::new();
    engine_config.read.allow_private_urls = config.allow_private_urls;
    engine_config.brief = config.brief.clone();
    match parallax_engine::brief(&engine_inputs, &engine_config) {
        Ok(outcome) => Ok(StoryRecord {
            brief: outcome.brief,
            story: outcome.story,
        }),
        Err(parallax_engine::Error::NoArticles { diagnostics }) => {
            Err(AdhocError::NoArticles { diagnostics })
        }
        Err(error) => Err(AdhocError::NoArticles {
            diagnostics: vec![Diagnostic::new(
                parallax_engine::model::Severity::Error,
                "ad hoc",
                error.to_string(),
            )],
        }),
    }
}

/// `name` reduced to letters, digits, `.`, `-` and `_`, at most 64 bytes, never starting with
/// a dot: a label that reads plainly in messages, keeping the extension (`.html`, `.gz`) the
/// user will recognise.
fn safe_file_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        .collect();
    let cleaned = cleaned.trim_start_matches('.');
    let start = cleaned.len().saturating_sub(64);
    let cleaned = &cleaned[start..];
    if cleaned.is_empty() {
        "file".to_string()
    } else {
        cleaned.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_cannot_leave_the_folder() {
        assert_eq!(safe_file_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_file_name("..\\x\\.bashrc"), "bashrc");
        assert_eq!(safe_file_name("story one.html.gz"), "storyone.html.gz");
        assert_eq!(safe_file_name("..."), "file");
    }

    #[test]
    fn non_http_urls_are_refused() {
        let inputs = AdhocInputs {
            urls: vec!["file:///etc/passwd".into()],
            ..AdhocInputs::default()
        };
        assert!(matches!(
            brief(&inputs, &crate::Config::loopback(0)),
            Err(AdhocError::NotHttp { .. })
        ));
    }
}
