//! How a run ended, and when it is stuck, why: who waits on what, and who
//! holds what would release it.

use super::fd::FileKind;
use super::{park, Machine, Pending};
use crate::interp::LibFn;
use crate::ir::Program;
use crate::source::Span;

/// A process that cannot go on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stuck {
    /// Who.
    pub pid: i32,
    /// Where it waits.
    pub span: Span,
    /// Spin-parked (rather than blocked in a system call).
    pub parked: bool,
    /// On what, and who could release it.
    pub why: String,
}

/// Why a run ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum End {
    /// Every process exited.
    AllExited,
    /// Every live process is blocked.
    Deadlock(Vec<Stuck>),
    /// Every live process is blocked or spin-parked, one at least parked.
    Livelock(Vec<Stuck>),
    /// A process ran its whole fuel without a visible operation.
    EndlessLoop {
        /// Who.
        pid: i32,
        /// Where.
        span: Span,
    },
    /// The step budget ran out.
    StepBudget,
}

impl End {
    /// A short name: "all exited", "deadlock", ...
    pub fn name(&self) -> &'static str {
        match self {
            End::AllExited => "all exited",
            End::Deadlock(_) => "deadlock",
            End::Livelock(_) => "livelock",
            End::EndlessLoop { .. } => "endless loop",
            End::StepBudget => "step budget",
        }
    }

    /// True for the ends that are failures in themselves.
    pub fn is_failure(&self) -> bool {
        !matches!(self, End::AllExited)
    }
}

/// The verdict when no process can take a step.
pub fn judge(m: &Machine, prog: &Program) -> End {
    let live: Vec<usize> = (0..m.procs.len()).filter(|&i| m.procs[i].status.is_none()).collect();
    if live.is_empty() {
        return End::AllExited;
    }
    if let Some(&i) = live.iter().find(|&&i| m.procs[i].parked.as_ref().is_some_and(|w| w.is_empty())) {
        return End::EndlessLoop { pid: m.procs[i].pid, span: m.procs[i].proc.span(prog) };
    }
    let stuck: Vec<Stuck> = live.iter().map(|&i| Stuck { span: m.procs[i].proc.span(prog), ..explain(m, i) }).collect();
    if stuck.iter().any(|s| s.parked) {
        End::Livelock(stuck)
    } else {
        End::Deadlock(stuck)
    }
}

fn holders(m: &Machine, want: FileKind, except: usize) -> String {
    let mut v = Vec::new();
    for (j, p) in m.procs.iter().enumerate() {
        if p.status.is_some() {
            continue;
        }
        for (fd, d) in p.fds.iter().enumerate() {
            if let Some(d) = d {
                if m.files[d.file as usize].as_ref().is_some_and(|f| f.kind == want) {
                    let me = if j == except { " (itself)" } else { "" };
                    v.push(format!("process {}{me} as fd {fd}", p.pid));
                }
            }
        }
    }
    if v.is_empty() {
        "nobody".into()
    } else {
        v.join(", ")
    }
}

fn explain(m: &Machine, i: usize) -> Stuck {
    let p = &m.procs[i];
    if let Some(w) = &p.parked {
        let values: Vec<String> =
            w.iter().map(|w| format!("{} = {}", park::describe(std::slice::from_ref(w)), park::peek(&m.shared, w))).collect();
        return Stuck {
            pid: p.pid,
            span: Span::default(),
            parked: true,
            why: format!("spinning on {}: nothing can change them any more", values.join(", ")),
        };
    }
    let why = match &p.pending {
        Pending::Syscall(c) => match c.func {
            LibFn::Read => match m.file_of(i, c.args[0] as i32 as i64).map(|(_, f)| f.kind) {
                Some(FileKind::PipeRead(pp)) => format!(
                    "blocked in read(fd {}) on an empty pipe; it would see end-of-file only when every write end is closed, but the write end is still open in {}",
                    c.args[0] as i32,
                    holders(m, FileKind::PipeWrite(pp), i)
                ),
                _ => format!("blocked in read(fd {})", c.args[0] as i32),
            },
            LibFn::Write => match m.file_of(i, c.args[0] as i32 as i64).map(|(_, f)| f.kind) {
                Some(FileKind::PipeWrite(pp)) => format!("blocked in write(fd {}) on a full pipe; its read end is open in {}, and nobody reads", c.args[0] as i32, holders(m, FileKind::PipeRead(pp), i)),
                _ => format!("blocked in write(fd {})", c.args[0] as i32),
            },
            LibFn::Wait | LibFn::Waitpid => {
                let kids: Vec<String> = m.procs.iter().filter(|c| c.ppid == p.pid && c.status.is_none()).map(|c| c.pid.to_string()).collect();
                format!("blocked in {}() for child{} {}, which {} not exit", c.func.name(), if kids.len() == 1 { "" } else { "ren" }, kids.join(", "), if kids.len() == 1 { "does" } else { "do" })
            }
            other => format!("blocked in {}()", other.name()),
        },
        Pending::Sleep(t) => format!("sleeping until {}", crate::trace::fmt_time(*t)),
        _ => "waiting".into(),
    };
    Stuck { pid: p.pid, span: Span::default(), parked: false, why }
}
