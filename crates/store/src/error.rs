//! The store's [`Error`]: what went wrong, with the file it went wrong in.

use std::path::PathBuf;

/// Why the store could not do what was asked. Every variant names the file or folder involved.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The data folder could not be created or read.
    #[error("data folder {}: {reason}", path.display())]
    Folder {
        /// The folder.
        path: PathBuf,
        /// What the operating system said.
        reason: String,
    },
    /// The database was written by a newer Parallax; opening it could lose data.
    #[error(
        "database {} has schema version {found}, newer than the {supported} this parallax knows; use a newer parallax or another --data-dir",
        path.display()
    )]
    NewerSchema {
        /// The database file.
        path: PathBuf,
        /// The version found in the file.
        found: i64,
        /// The newest version this build can read and write.
        supported: i64,
    },
    /// Another process holds the database's write lock past the busy timeout.
    #[error("database {} is locked by another process (another parallax ingest?); try again when it ends", path.display())]
    Locked {
        /// The database file.
        path: PathBuf,
    },
    /// The disk or the file system refuses more data.
    #[error("database {} could not grow: the disk is full; nothing of the failed batch was written", path.display())]
    DiskFull {
        /// The database file.
        path: PathBuf,
    },
    /// The database file or its folder is read-only.
    #[error("database {} is read-only: {reason}", path.display())]
    ReadOnly {
        /// The database file.
        path: PathBuf,
        /// What SQLite said.
        reason: String,
    },
    /// Any other database failure.
    #[error("database {}: {reason}", path.display())]
    Database {
        /// The database file.
        path: PathBuf,
        /// What SQLite said.
        reason: String,
    },
    /// The database server cannot be reached, or the connection to it broke. Nothing of the
    /// batch being written was committed; trying again once the server is back is safe.
    #[error("database server {}: {reason}; is it running and reachable?", address.display())]
    Unreachable {
        /// The server's address, without a password.
        address: PathBuf,
        /// What the client said.
        reason: String,
    },
    /// A build without the cargo feature a location needs.
    #[error("{location}: this parallax was built without the `{feature}` feature")]
    Unsupported {
        /// The location as given, without a password.
        location: String,
        /// The cargo feature of `parallax-store` that would support it.
        feature: &'static str,
    },
    /// A stored record could not be decoded: the file was damaged, or written in a format this
    /// build cannot read.
    #[error("database {}: article {article}: {reason}", path.display())]
    Record {
        /// The database file.
        path: PathBuf,
        /// The article whose record is unreadable.
        article: String,
        /// What was wrong with it.
        reason: String,
    },
    /// The search index failed in a way a rebuild did not repair.
    #[error("search index {}: {reason}", path.display())]
    Index {
        /// The index folder.
        path: PathBuf,
        /// What tantivy said.
        reason: String,
    },
    /// The search query could not be parsed.
    #[error("search query {query:?}: {reason}")]
    Query {
        /// The query as given.
        query: String,
        /// What is wrong with it.
        reason: String,
    },
}

impl Error {
    /// The error for a SQLite failure on `path`, sorted into the kinds a user acts on
    /// differently.
    pub(crate) fn sqlite(path: &std::path::Path, error: &rusqlite::Error) -> Error {
        let path = path.to_path_buf();
        if let rusqlite::Error::SqliteFailure(failure, _) = error {
            match failure.code {
                rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked => {
                    return Error::Locked { path };
                }
                rusqlite::ErrorCode::DiskFull => return Error::DiskFull { path },
                rusqlite::ErrorCode::ReadOnly => {
                    return Error::ReadOnly {
                        path,
                        reason: error.to_string(),
                    };
                }
                _ => {}
            }
        }
        Error::Database {
            path,
            reason: error.to_string(),
        }
    }

    /// The error for a PostgreSQL failure on the server at `address` (password removed): a
    /// connection failure is [`Error::Unreachable`], anything else [`Error::Database`].
    #[cfg(feature = "postgres")]
    pub(crate) fn postgres(address: &std::path::Path, error: &postgres::Error) -> Error {
        let address = address.to_path_buf();
        // The full chain: the top-level message alone is often just "db error".
        let mut reason = error.to_string();
        let mut source = std::error::Error::source(error);
        while let Some(inner) = source {
            reason = format!("{reason}: {inner}");
            source = inner.source();
        }
        if error.is_closed() || error.as_db_error().is_none() && error.code().is_none() {
            Error::Unreachable { address, reason }
        } else {
            Error::Database {
                path: address,
                reason,
            }
        }
    }

    /// The error for a tantivy failure in the index folder `path`.
    pub(crate) fn index(path: &std::path::Path, error: &tantivy::TantivyError) -> Error {
        Error::Index {
            path: path.to_path_buf(),
            reason: error.to_string(),
        }
    }
}
