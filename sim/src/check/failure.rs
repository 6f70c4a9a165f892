//! The one definition of failure (DESIGN.md), used by `run`, `explore`,
//! `replay`, `real` and `crosscheck` alike:
//! - a process killed by a signal the kernel raised for it: a fault
//!   (`SIGSEGV`, `SIGBUS`, `SIGFPE`), `abort` or a failed `assert`
//!   (`SIGABRT`), a write to a pipe nobody reads (`SIGPIPE`);
//! - the first process (pid 1000) exiting with a non-zero status;
//! - deadlock, livelock, an endless loop or the step budget.
//!
//! A signal one process of the run sent another with `kill` is the
//! program's own doing: the killed process's end is an outcome, not a
//! failure. So is a built-in utility's end by `SIGPIPE` (the writer of
//! `yes | head`): the kernels list both in `sent`.

use super::End;
use crate::abi::signal;
use crate::outcome::{ExitStatus, Outcome};

/// Why a run failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// A process was killed by a signal the kernel raised for it.
    Signal {
        /// Who.
        pid: i32,
        /// The signal.
        sig: i32,
    },
    /// A process stopped at undefined behaviour.
    Undefined {
        /// Who.
        pid: i32,
    },
    /// The first process exited with a non-zero status.
    NonZeroExit {
        /// The status.
        code: i32,
    },
    /// The run ended stuck or out of budget.
    Stuck(&'static str),
    /// The history of marked operations is not linearizable against the
    /// specification (`--spec`).
    NotLinearizable,
    /// The history of marked operations cannot be judged: why.
    BadHistory(String),
    /// Two accesses raced (with `--races=fail`).
    DataRace {
        /// The earlier access's statement.
        first: crate::source::Span,
        /// The later one's.
        second: crate::source::Span,
    },
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Signal { pid, sig } => write!(f, "process {pid} killed by {}", signal::name(*sig)),
            Failure::Undefined { pid } => write!(f, "process {pid} reached undefined behaviour"),
            Failure::NonZeroExit { code } => write!(f, "process {} exited with status {code}", crate::abi::FIRST_PID),
            Failure::Stuck(what) => f.write_str(what),
            Failure::DataRace { .. } => f.write_str("a data race"),
            Failure::NotLinearizable => f.write_str("the history of operations is not linearizable"),
            Failure::BadHistory(why) => write!(f, "the history of operations cannot be judged: {why}"),
        }
    }
}

/// The run's first failure, if it failed. `sent` lists the processes
/// some process of the run signalled with `kill`: their deaths by signal
/// are the program's doing. `end` is how a simulated run ended (`None`
/// for a real run that was not stuck).
pub fn failure(outcome: &Outcome, sent: &[(i32, i32)], end: Option<&End>) -> Option<Failure> {
    for &(pid, status) in &outcome.exits {
        match status {
            ExitStatus::Signal(sig) if !sent.contains(&(pid, sig)) => return Some(Failure::Signal { pid, sig }),
            ExitStatus::UndefinedBehaviour => return Some(Failure::Undefined { pid }),
            _ => {}
        }
    }
    if let Some(ExitStatus::Code(code)) = outcome.main_status() {
        if code != 0 {
            return Some(Failure::NonZeroExit { code });
        }
    }
    match end {
        Some(e) if !matches!(e, End::AllExited | End::Undefined { .. }) => Some(Failure::Stuck(e.name())),
        _ => None,
    }
}
