//! Render: [`Brief`] → Markdown, JSON or a self-contained HTML page.
//!
//! # Overview
//!
//! - [`render`]: one brief in one [`Format`].
//! - [`json::BriefJson`]: the published JSON schema. It is a contract with users' scripts, so
//!   its types live here, apart from the model, and are converted by hand: changing the model
//!   never changes the JSON by accident.
//!
//! Article text is untrusted. Markdown escapes it and strips control and bidirectional-override
//! characters, so it can neither inject markup nor rewrite the terminal; HTML goes through
//! minijinja's auto-escaping, and the page's Content-Security-Policy forbids scripts outright.
//!
//! ```
//! use parallax_model::{Brief, StoryId};
//! use parallax_render::{render, Format};
//!
//! let brief = Brief { story: StoryId("0".into()), sources: vec![], summary: vec![], consensus: vec![], agreed_facts: vec![], disputes: vec![], single_source: vec![], voices: vec![], timeline: vec![], framing: vec![], tone: vec![], blind_spots: vec![], readings: None, diagnostics: vec![] };
//! let json = render(&brief, Format::Json).unwrap();
//! assert!(json.contains("\"schema_version\": 1"));
//! ```
//!
//! This crate does no I/O: it returns strings.
#![deny(missing_docs)]

mod html;
pub mod json;
mod markdown;
mod text;

pub use html::displayed_brief;
pub use text::display as display_text;

use parallax_model::Brief;

/// An output format of the brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Markdown, for terminals and documents.
    Markdown,
    /// JSON following [`json::BriefJson`].
    Json,
    /// One HTML page with its styles inline and no scripts.
    Html,
}

/// Why rendering failed. Only a broken template can make it fail, which is a bug, but the
/// caller reports it as an error rather than crashing.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The HTML template could not be rendered.
    #[error("rendering the html brief: {0}")]
    Template(#[from] minijinja::Error),
    /// The JSON could not be serialized.
    #[error("serializing the json brief: {0}")]
    Json(#[from] serde_json::Error),
}

/// The result of rendering.
pub type Result<T> = std::result::Result<T, Error>;

/// Renders `brief` in `format`.
pub fn render(brief: &Brief, format: Format) -> Result<String> {
    match format {
        Format::Markdown => Ok(markdown::render(brief)),
        Format::Json => {
            let mut out = serde_json::to_string_pretty(&json::BriefJson::from(brief))?;
            out.push('\n');
            Ok(out)
        }
        Format::Html => html::render(brief),
    }
}
