//! Diagnostics: odd input is reported as a value, not an error.

use serde::{Deserialize, Serialize};

/// How much a [`Diagnostic`] matters to the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; the result is complete.
    Note,
    /// Part of the input could not be used; the result is still made.
    Warning,
    /// The input was skipped.
    Error,
}

/// Something about one input that the user should know: a skipped file, an article with no
/// date, a page whose main text was short.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// How much it matters.
    pub severity: Severity,
    /// The input it is about, as the user named it (a path, a URL, `-` for stdin).
    pub input: String,
    /// What happened, lowercase, no final period.
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic about `input`.
    pub fn new(severity: Severity, input: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            input: input.into(),
            message: message.into(),
        }
    }
}
