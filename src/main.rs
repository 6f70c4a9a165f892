//! `ipcsim`: find, explain and replay race conditions in inter-process C
//! programs. The command line; every command's work is in `sim`.

mod cli;
mod commands;

use clap::Parser;
use std::process::ExitCode;

/// Exit statuses shared by every command (DESIGN.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Nothing found.
    Clean = 0,
    /// A failure found in the program.
    Failure = 1,
    /// Unusable input.
    Usage = 2,
    /// A budget ended the search before a verdict.
    Incomplete = 3,
    /// Environment or internal error.
    Internal = 4,
}

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        eprintln!("ipcsim: internal error (a bug of ipcsim, not of your program): {info}");
    }));
    let args = match cli::Cli::try_parse() {
        Ok(a) => a,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { Status::Usage as u8 } else { 0 });
        }
    };
    let status = std::panic::catch_unwind(|| commands::dispatch(args)).unwrap_or(Status::Internal);
    ExitCode::from(status as u8)
}
