//! Exit codes, in one place.
//!
//! Ctrl-C is left to the default signal handling, which shells report as 130.

use std::process::ExitCode;

/// What the process tells its caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Exit {
    /// Everything the user asked for was done, from every input.
    Success,
    /// The output was made, but some inputs were skipped.
    PartialSuccess,
    /// No output: bad usage, nothing readable, or the output could not be written.
    Failure,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(match exit {
            Exit::Success => 0,
            Exit::PartialSuccess => 1,
            Exit::Failure => 2,
        })
    }
}
