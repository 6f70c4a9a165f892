//! Traces: one visible event a line, in a canonical text form (stable,
//! diff-friendly: what the snapshots in `traces/` hold) and as JSON lines.
//! Happens-before edges recorded by IPC operations live here too.

use crate::interp::{Access, AccessKind, LibFn, Syscall, WriteSrc};
use crate::kernel::Machine;
use crate::source::{SourceMap, Span};
use serde::Serialize;

/// One step of a run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TraceEvent {
    /// Step number (1-based).
    pub step: u64,
    /// Virtual time, ns.
    pub time: u64,
    /// Who.
    pub pid: i32,
    /// What, with its values.
    pub what: String,
    /// The source of the operation.
    #[serde(skip)]
    pub span: Span,
}

/// The kind of a happens-before edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum EdgeKind {
    /// `fork` before the child's first step.
    Fork,
    /// A child's exit before the `wait` that reaps it.
    ExitWait,
    /// A pipe write before the read that takes its bytes.
    Pipe,
}

/// A happens-before edge between two steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Edge {
    /// Earlier step.
    pub from: u64,
    /// Later step.
    pub to: u64,
    /// What created it.
    pub kind: EdgeKind,
}

/// Virtual time as seconds with microseconds: `2.000000`.
pub fn fmt_time(ns: u64) -> String {
    format!("{}.{:06}", ns / 1_000_000_000, ns % 1_000_000_000 / 1000)
}

/// `"hi\n"`, escaped and shortened.
pub fn quote(bytes: &[u8]) -> String {
    const MAX: usize = 40;
    let shown: String = bytes.iter().take(MAX).flat_map(|&b| std::ascii::escape_default(b)).map(char::from).collect();
    if bytes.len() > MAX {
        format!("\"{shown}\"...")
    } else {
        format!("\"{shown}\"")
    }
}

/// A shared access as a trace line.
pub fn describe_access(a: &Access, value: u64) -> String {
    let at = format!("shm#{}+{}", a.obj, a.off);
    match a.kind {
        AccessKind::Load(m) => format!("load {} {at} = {}", type_name(m), value as i64),
        AccessKind::Store(m) => format!("store {} {at} := {}", type_name(m), value as i64),
        AccessKind::Copy(n) => format!("copy {n} bytes at {at}"),
        AccessKind::Lib(f) => format!("{}() on {at}", f.name()),
    }
}

fn type_name(m: crate::ir::MemTy) -> &'static str {
    use crate::ir::MemTy::*;
    match m {
        I8 => "i8",
        U8 => "u8",
        I16 => "i16",
        U16 => "u16",
        I32 => "i32",
        U32 => "u32",
        I64 => "i64",
    }
}

fn errno_name(e: i64) -> String {
    let name = match e {
        1 => "EPERM",
        2 => "ENOENT",
        3 => "ESRCH",
        4 => "EINTR",
        9 => "EBADF",
        10 => "ECHILD",
        11 => "EAGAIN",
        12 => "ENOMEM",
        13 => "EACCES",
        14 => "EFAULT",
        16 => "EBUSY",
        17 => "EEXIST",
        19 => "ENODEV",
        22 => "EINVAL",
        24 => "EMFILE",
        32 => "EPIPE",
        36 => "ENAMETOOLONG",
        _ => return format!("errno {e}"),
    };
    name.into()
}

/// A system call as a trace line (before the process resumes).
pub fn describe_syscall(call: &Syscall, ret: &Option<i64>, m: &Machine, i: usize) -> String {
    let a = call.args;
    let p = &m.procs[i].proc;
    let int = |k: usize| a[k] as i64;
    let args = match call.func {
        LibFn::Write => {
            let data = p.write_bytes(&m.shared, call).map(quote).unwrap_or_else(|_| "?".into());
            format!("{}, {data}, {}", a[0] as i32, a[2])
        }
        LibFn::Read => {
            let n = ret.unwrap_or(0).max(0) as usize;
            let data = p.mem.slice(&m.shared, a[1], n).map(quote).unwrap_or_default();
            format!("{}, {data}, {}", a[0] as i32, a[2])
        }
        LibFn::Pipe => {
            let r = p.mem.load(&m.shared, a[0], crate::ir::MemTy::I32).unwrap_or(0);
            let w = p.mem.load(&m.shared, a[0].wrapping_add(4), crate::ir::MemTy::I32).unwrap_or(0);
            format!("[{r}, {w}]")
        }
        LibFn::Wait | LibFn::Waitpid => {
            let at = if call.func == LibFn::Wait { a[0] } else { a[1] };
            let st = if at != 0 && ret.is_some_and(|r| r > 0) {
                p.mem.load(&m.shared, at, crate::ir::MemTy::I32).map(|s| format!(" [status {s:#06x}]")).unwrap_or_default()
            } else {
                String::new()
            };
            let head = if call.func == LibFn::Wait { String::new() } else { format!("{}, {}", a[0] as i32, a[2]) };
            return format!("{}({head}) = {}{st}", call.func.name(), ret.map_or("...".into(), |r| r.to_string()));
        }
        LibFn::ShmOpen | LibFn::ShmUnlink => {
            let name = p.mem.cstr(&m.shared, a[0]).map(quote).unwrap_or_default();
            if call.func == LibFn::ShmOpen {
                format!("{name}, {:#o}", a[1])
            } else {
                name
            }
        }
        LibFn::Mmap => format!("{}, {}, {:#x}, {}, {}", a[1], a[2], a[3], a[4] as i32, a[5]),
        LibFn::Fork | LibFn::Getpid | LibFn::Getppid | LibFn::SchedYield => String::new(),
        LibFn::Kill | LibFn::Signal | LibFn::Dup2 | LibFn::Ftruncate | LibFn::ClockGettime => {
            format!("{}, {}", int(0), int(1))
        }
        LibFn::Fcntl => format!("{}, {}, {}", int(0), int(1), int(2)),
        _ => format!("{}", int(0)),
    };
    let result = match ret {
        None => "...".to_string(),
        Some(r) if *r < 0 => format!("-1 {}", errno_name(-r)),
        Some(r) if call.func == LibFn::Mmap => match m.procs[i].proc.mem.shared_location(*r as u64) {
            Some((obj, _)) => format!("shm#{obj}"),
            None => "private mapping".into(),
        },
        Some(r) => r.to_string(),
    };
    let via = if call.func == LibFn::Write && call.src == WriteSrc::Stdio { "  [stdio flush]" } else { "" };
    format!("{}({args}) = {result}{via}", call.func.name())
}

/// The canonical text form: `step  time  pid  what  @ file:line`.
pub fn to_text(events: &[TraceEvent], sources: &SourceMap) -> String {
    let mut out = String::new();
    for e in events {
        let at = if sources.files().is_empty() {
            String::new()
        } else {
            let lc = sources.line_col(e.span.file, e.span.lo);
            format!("  @ {}:{}", sources.file(e.span.file).name, lc.line)
        };
        out.push_str(&format!("{:>5}  {}  {}  {}{at}\n", e.step, fmt_time(e.time), e.pid, e.what));
    }
    out
}

/// JSON lines: one object per event.
pub fn to_json_lines(events: &[TraceEvent], sources: &SourceMap) -> String {
    let mut out = String::new();
    for e in events {
        let lc = sources.line_col(e.span.file, e.span.lo);
        let v = serde_json::json!({
            "step": e.step, "time_ns": e.time, "pid": e.pid, "what": e.what,
            "file": sources.file(e.span.file).name, "line": lc.line,
        });
        out.push_str(&v.to_string());
        out.push('\n');
    }
    out
}
