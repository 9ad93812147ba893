//! The queue's [`Error`]: what went wrong, with the server, stream or input it went wrong on.

/// Why the queue could not do what was asked.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The stream name is not one NATS accepts.
    #[error("stream name {stream:?}: use letters, digits, '-' and '_' only")]
    StreamName {
        /// The name as given.
        stream: String,
    },
    /// The runtime that drives the connection could not start.
    #[error("starting the NATS client: {reason}")]
    Runtime {
        /// What the operating system said.
        reason: String,
    },
    /// No NATS server answered.
    #[error("NATS server {url}: {reason}; is it running, with JetStream on (-js)?")]
    Unreachable {
        /// The server's address as given.
        url: String,
        /// What the client said.
        reason: String,
    },
    /// The stream or the workers' consumer could not be created or read.
    #[error("stream {stream}: {reason}")]
    Stream {
        /// The stream's name.
        stream: String,
        /// What the server said.
        reason: String,
    },
    /// A document is larger than the largest message the server takes.
    #[error(
        "{origin}: {size} bytes, more than the {max} bytes a message may hold on this NATS server; not queued (raise max_payload on the server, or run parallax ingest without --queue)"
    )]
    TooLarge {
        /// The document's input.
        origin: String,
        /// Its size as a message.
        size: usize,
        /// The server's limit.
        max: usize,
    },
    /// The server did not confirm a published document.
    #[error("{origin}: not queued: {reason}")]
    Publish {
        /// The document's input.
        origin: String,
        /// What the client said.
        reason: String,
    },
    /// The next item could not be fetched.
    #[error("stream {stream}: fetching the next item: {reason}")]
    Fetch {
        /// The stream's name.
        stream: String,
        /// What the client said.
        reason: String,
    },
    /// A message is not a document this build can read; it was terminated.
    #[error("stream {stream}: message {sequence} is not a parallax document ({reason}); dropped")]
    Message {
        /// The stream's name.
        stream: String,
        /// The message's sequence number in the stream.
        sequence: u64,
        /// What is wrong with it.
        reason: String,
    },
    /// An acknowledgement (or a nak) was not confirmed by the server.
    #[error("stream {stream}: message {sequence}: acknowledgement not confirmed: {reason}")]
    Ack {
        /// The stream's name.
        stream: String,
        /// The message's sequence number in the stream.
        sequence: u64,
        /// What the client said.
        reason: String,
    },
}
