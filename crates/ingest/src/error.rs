//! The crate's [`Error`]: every variant names the input and says why it was not used.

use parallax_model::{Diagnostic, Severity};

/// Why an input could not be read or gave no article.
///
/// Every variant carries the input's label as the user named it (a path, `-` for standard input,
/// `feed.xml#item3` for a feed item), and the message reads `"<input>: <reason>"`, lowercase, with
/// no final period.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input could not be opened or read: missing, not permitted, a broken folder.
    #[error("{input}: {reason}")]
    Io {
        /// The input as named.
        input: String,
        /// What the operating system said, lowercased.
        reason: String,
    },
    /// The input, after decompression, is larger than [`ReadConfig::max_input_bytes`](crate::ReadConfig::max_input_bytes).
    #[error("{input}: larger than the limit of {limit} bytes")]
    TooLarge {
        /// The input as named.
        input: String,
        /// The limit that was hit, in bytes.
        limit: u64,
    },
    /// The input looks gzip-compressed but could not be decompressed.
    #[error("{input}: broken gzip data: {reason}")]
    Gzip {
        /// The input as named.
        input: String,
        /// What the decompressor said.
        reason: String,
    },
    /// The bytes are not text: NUL bytes or many control characters.
    #[error("{input}: binary data, not an article")]
    Binary {
        /// The input as named.
        input: String,
    },
    /// No article text was found, or too little of it.
    #[error("{input}: no article text: {reason}")]
    NoText {
        /// The input as named.
        input: String,
        /// What was found instead, such as "3 words, fewer than 20".
        reason: String,
    },
    /// The input is a WARC file with a broken record: a length past the end of the data, a
    /// header that cannot be read. Pages from the records before it are still read.
    #[error("{input}: broken WARC data: {reason}")]
    Warc {
        /// The input as named.
        input: String,
        /// Which record, and what is wrong with it.
        reason: String,
    },
    /// A web address could not be fetched: refused (a private address, too many redirects),
    /// unreachable, timed out, or answered with an error status.
    #[error("{input}: cannot fetch: {reason}")]
    Fetch {
        /// The address as given.
        input: String,
        /// Why.
        reason: String,
    },
    /// The input looks like a feed but could not be parsed as one.
    #[error("{input}: not a readable feed: {reason}")]
    Feed {
        /// The input as named.
        input: String,
        /// What the feed parser said.
        reason: String,
    },
}

impl Error {
    /// The input the error is about, as the user named it.
    pub fn input(&self) -> &str {
        match self {
            Error::Io { input, .. }
            | Error::TooLarge { input, .. }
            | Error::Gzip { input, .. }
            | Error::Binary { input }
            | Error::NoText { input, .. }
            | Error::Feed { input, .. }
            | Error::Warc { input, .. }
            | Error::Fetch { input, .. } => input,
        }
    }

    /// The error as an [`Severity::Error`] diagnostic: the input was skipped.
    pub fn to_diagnostic(&self) -> Diagnostic {
        let message = self.to_string();
        let prefix_len = self.input().len() + 2;
        let reason = message.get(prefix_len..).unwrap_or(&message);
        Diagnostic::new(Severity::Error, self.input(), reason)
    }

    pub(crate) fn io(input: &str, error: &std::io::Error) -> Error {
        Error::Io {
            input: input.to_string(),
            reason: io_reason(error),
        }
    }
}

/// An I/O error in the project's message style: lowercase, no "(os error 2)".
pub(crate) fn io_reason(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => "no such file or folder".to_string(),
        ErrorKind::PermissionDenied => "permission denied".to_string(),
        ErrorKind::IsADirectory => "is a folder".to_string(),
        ErrorKind::UnexpectedEof => "unexpected end of data".to_string(),
        _ => lowercase_reason(&error.to_string()),
    }
}

/// A foreign error message made to fit ours: first letter lowercased, " (os error N)" and a final
/// period dropped.
pub(crate) fn lowercase_reason(message: &str) -> String {
    let message = match message.find(" (os error") {
        Some(idx) => &message[..idx],
        None => message,
    };
    let message = message.trim().trim_end_matches('.');
    let mut chars = message.chars();
    match chars.next() {
        Some(first) if !chars.clone().next().is_some_and(char::is_uppercase) => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => message.to_string(),
    }
}
