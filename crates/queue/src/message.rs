//! A document as a message: one line of JSON (origin and format), a newline, then the bytes as
//! read. JSON escapes newlines inside strings, so the first newline always ends the header.

use parallax_model::{Document, DocumentFormat, Origin};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

#[derive(Serialize, Deserialize)]
struct Header {
    origin: Origin,
    format: DocumentFormat,
}

/// The message payload of `document`.
pub(crate) fn encode(document: &Document) -> Vec<u8> {
    let header = Header {
        origin: document.origin.clone(),
        format: document.format,
    };
    // Plain data (strings, a number, an enum): serializing it cannot fail.
    let mut payload = serde_json::to_vec(&header).expect("the header serializes to JSON");
    payload.push(b'\n');
    payload.extend_from_slice(&document.bytes);
    payload
}

/// The document a payload holds, or why it holds none.
pub(crate) fn decode(payload: &[u8]) -> Result<Document, String> {
    let newline = payload
        .iter()
        .position(|&byte| byte == b'\n')
        .ok_or("no header line")?;
    let header: Header =
        serde_json::from_slice(&payload[..newline]).map_err(|error| format!("header: {error}"))?;
    Ok(Document {
        origin: header.origin,
        format: header.format,
        bytes: payload[newline + 1..].to_vec(),
    })
}

/// The message id of a document: the SHA-256 of its bytes, so that the server drops the same
/// bytes published twice. A cryptographic hash, because a collision would silently drop an
/// article.
pub(crate) fn id(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}
