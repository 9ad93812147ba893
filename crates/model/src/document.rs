//! [`Document`]: the raw bytes of one input.

use serde::{Deserialize, Serialize};

/// Where a document came from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "lowercase")]
pub enum Origin {
    /// A file, by the path the user gave (or found under a folder the user gave).
    File(String),
    /// Standard input.
    Stdin,
    /// One item of a feed: the feed's path and the item's index in it.
    FeedItem {
        /// The feed's path or URL.
        feed: String,
        /// Index of the item in the feed, from 0.
        item: usize,
    },
    /// One record of a web archive (WARC file).
    WarcRecord {
        /// The archive's path.
        archive: String,
        /// Index of the record in the archive, from 0, counting every record.
        record: usize,
        /// The record's `WARC-Target-URI`: the address the page was archived from.
        url: Option<String>,
    },
    /// A page fetched from the web.
    Url {
        /// The address the user gave.
        requested: String,
        /// The address that answered, after redirects.
        url: String,
    },
}

impl Origin {
    /// How the user would name this input in a message.
    pub fn label(&self) -> String {
        match self {
            Origin::File(path) => path.clone(),
            Origin::Stdin => "-".to_string(),
            Origin::FeedItem { feed, item } => format!("{feed}#item{item}"),
            Origin::WarcRecord {
                archive, record, ..
            } => format!("{archive}#record{record}"),
            Origin::Url { requested, .. } => requested.clone(),
        }
    }

    /// The web address the bytes were fetched or archived from, when the origin records one.
    pub fn url(&self) -> Option<&str> {
        match self {
            Origin::WarcRecord { url, .. } => url.as_deref(),
            Origin::Url { url, .. } => Some(url),
            Origin::File(_) | Origin::Stdin | Origin::FeedItem { .. } => None,
        }
    }
}

/// What the bytes of a document are, as far as the reader can tell before parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocumentFormat {
    /// An HTML page.
    Html,
    /// Plain text, possibly with scraping leftovers.
    Text,
    /// An RSS or Atom feed.
    Feed,
}

/// The bytes of one input and where they came from. Bytes are kept as read: decoding belongs to
/// extraction, which knows about charsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Where it came from.
    pub origin: Origin,
    /// What the bytes look like.
    pub format: DocumentFormat,
    /// The (decompressed) bytes.
    pub bytes: Vec<u8>,
}
