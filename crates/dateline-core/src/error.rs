//! The error type of the core crate.

use thiserror::Error;

/// Everything that can go wrong in the core. Messages name the bad value and
/// where it came from.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum Error {
    /// A date string that is malformed or names a day that does not exist.
    #[error("invalid date {value:?}: {reason}")]
    InvalidDate {
        /// The offending input.
        value: String,
        /// Why it was rejected.
        reason: &'static str,
    },
    /// A gazetteer source that cannot be used, with the line it came from
    /// (1-based; 0 when the problem is not tied to a line).
    #[error("{source_name}{}: {message}", if *line > 0 { format!(", line {line}") } else { String::new() })]
    Gazetteer {
        /// File name or `records`.
        source_name: String,
        /// 1-based line or record number, 0 if none.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A configuration value that is out of range or unknown.
    #[error("invalid configuration: {0}")]
    Config(String),
    /// Serialized data that cannot be read back.
    #[error("cannot load serialized data: {0}")]
    Serialization(String),
    /// An I/O failure on a named path.
    #[error("{path}: {source}")]
    Io {
        /// The path involved.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}
