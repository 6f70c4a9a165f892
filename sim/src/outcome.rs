//! What a user can observe of a run (DESIGN.md): the writes to stdout
//! and stderr per process and in global order, and how each process
//! ended. Simulated and real runs are compared on this.

use crate::abi::limits::MAX_OUTPUT;
use serde::Serialize;

/// How a process ended, as `wait` reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum ExitStatus {
    /// `exit(code)` (already reduced to 0..=255).
    Code(i32),
    /// Killed by this signal.
    Signal(i32),
    /// Stopped by ipcsim at undefined behaviour of C that Linux may not
    /// trap (an out-of-bounds access, a use after free, a double free):
    /// natively the process may run on, so no signal is claimed. The
    /// simulated run ends there (what follows is undefined).
    UndefinedBehaviour,
}

impl ExitStatus {
    /// The status word `wait` stores (`WEXITSTATUS`, `WTERMSIG` decode it).
    pub fn wait_status(self) -> i32 {
        match self {
            ExitStatus::Code(c) => (c & 0xff) << 8,
            ExitStatus::Signal(s) => s & 0x7f,
            // Never waited for in the simulator (its run ends at the
            // undefined behaviour); as a status word: killed, by nothing
            // a program could send.
            ExitStatus::UndefinedBehaviour => 0x7e,
        }
    }
}

impl std::fmt::Display for ExitStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExitStatus::Code(c) => write!(f, "exit {c}"),
            ExitStatus::Signal(s) => write!(f, "killed by {}", signal_name(*s)),
            ExitStatus::UndefinedBehaviour => f.write_str("stopped at undefined behaviour"),
        }
    }
}

/// The name of a signal number (`SIGSEGV`, or `signal 40`).
pub fn signal_name(s: i32) -> String {
    crate::abi::signal::name(s)
}

/// One `write` to descriptor 1 or 2.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Write {
    /// Virtual pid of the writer.
    pub pid: i32,
    /// 1 or 2.
    pub fd: i32,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// A regular file in the run's file system when it ended.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct File {
    /// Its path: relative to the working directory when inside it.
    pub path: String,
    /// Its bytes (at most [`MAX_OUTPUT`] over all files).
    pub bytes: Vec<u8>,
}

/// Everything observable of one run.
#[derive(Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Outcome {
    /// Writes in global order.
    pub writes: Vec<Write>,
    /// How each process ended, in pid order.
    pub exits: Vec<(i32, ExitStatus)>,
    /// The regular files left in the run's file system, by path.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<File>,
    /// Writes past [`MAX_OUTPUT`] bytes in all were not kept.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub truncated: bool,
    /// Bytes kept in `writes`.
    #[serde(skip)]
    kept: usize,
}

crate::reuse::fieldwise_clone!(Outcome { writes, exits, files, truncated, kept });

impl Outcome {
    /// An outcome of these writes and exits.
    pub fn new(writes: Vec<Write>, exits: Vec<(i32, ExitStatus)>) -> Outcome {
        let kept = writes.iter().map(|w| w.bytes.len()).sum();
        Outcome { writes, exits, files: Vec::new(), truncated: false, kept }
    }

    /// Sets the files left (by absolute path, in any order), at most
    /// [`MAX_OUTPUT`] bytes of them in all, sorted by path.
    pub fn set_files(&mut self, files: impl IntoIterator<Item = (Vec<u8>, Vec<u8>)>) {
        let mut v: Vec<File> = files.into_iter().map(|(p, bytes)| File { path: shown_path(&p), bytes }).collect();
        v.sort_by(|a, b| a.path.cmp(&b.path));
        let mut room = MAX_OUTPUT;
        for f in &mut v {
            f.bytes.truncate(room);
            room -= f.bytes.len();
        }
        self.files = v;
    }

    /// Records a write, keeping at most [`MAX_OUTPUT`] bytes of the
    /// run's output (the program's write succeeds either way): a program
    /// that prints for ever must not exhaust ipcsim. The same rule in
    /// both backends, so their outcomes compare.
    pub fn record(&mut self, pid: i32, fd: i32, mut bytes: Vec<u8>) {
        let keep = bytes.len().min(MAX_OUTPUT - self.kept);
        self.truncated |= keep < bytes.len();
        if keep > 0 {
            bytes.truncate(keep);
            self.kept += keep;
            self.writes.push(Write { pid, fd, bytes });
        }
    }

    /// Bytes of output kept.
    pub fn kept(&self) -> usize {
        self.kept
    }

    /// All bytes written to `fd`, in order.
    pub fn stream(&self, fd: i32) -> Vec<u8> {
        self.writes.iter().filter(|w| w.fd == fd).flat_map(|w| w.bytes.iter().copied()).collect()
    }

    /// How the first process (pid 1000) ended, if it has.
    pub fn main_status(&self) -> Option<ExitStatus> {
        self.exits.iter().find(|(pid, _)| *pid == crate::abi::FIRST_PID).map(|(_, s)| *s)
    }
}

/// A path of the run's file system as a report shows it: relative to the
/// working directory when inside it.
fn shown_path(p: &[u8]) -> String {
    let p = String::from_utf8_lossy(p).into_owned();
    let cwd = format!("{}/", crate::ipc::sockname::CWD);
    p.strip_prefix(&cwd).map(str::to_string).unwrap_or(p)
}
