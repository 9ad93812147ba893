//! The server's errors: starting it, and reading its library.

use std::net::SocketAddr;

/// Why the server could not start, or a library read failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A non-loopback address was asked for without an access token.
    #[error(
        "serving on {address} needs an access token (--token or PARALLAX_TOKEN); without one only loopback addresses are served"
    )]
    TokenRequired {
        /// The address asked for.
        address: SocketAddr,
    },
    /// The address could not be bound.
    #[error("binding {address}: {source}")]
    Bind {
        /// The address asked for.
        address: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
    /// Serving stopped with an error.
    #[error("serving on {address}: {source}")]
    Serve {
        /// The bound address.
        address: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
    /// The async runtime could not start.
    #[error("starting the server's runtime: {0}")]
    Runtime(std::io::Error),
    /// A search query the library cannot parse.
    #[error("search query {query:?}: {reason}")]
    Query {
        /// The query as given.
        query: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The library (the store) failed to answer.
    #[error("reading {what} from the library: {source}")]
    Library {
        /// What was being read ("the stories", "article 1f2e…").
        what: String,
        /// Why.
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}

/// The result of the server's functions.
pub type Result<T> = std::result::Result<T, Error>;
