//! The renderings of trace events: the canonical text form and JSON
//! lines. Everything shown comes from the events and the source map.

use super::event::{Data, Event, Loc, What};
use crate::abi::call::{Call, FdCall, FsCall, MqCall, MsgCall, OpCall, ProcCall, SemCall, ShmCall, SockCall, Src, SysvCall, TimeCall};
use crate::abi::{errno, signal};
use crate::ir::MemTy;
use crate::source::{SourceMap, Span};

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

/// The C expression of a span, on one line and shortened.
fn expr_text(sources: &SourceMap, span: Span) -> Option<String> {
    let file = sources.files().get(span.file as usize)?;
    let text = file.text.get(span.lo as usize..span.hi as usize)?;
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!one_line.is_empty() && one_line.len() <= 60).then_some(one_line)
}

/// `s->in (shm#0+16)`, or `shm#0+16` where the expression is unknown.
pub fn describe_loc(at: &Loc, sources: &SourceMap) -> String {
    match loc_expr(at, sources) {
        Some(e) => format!("{e} (shm#{}+{})", at.obj, at.off),
        None => loc_place(at),
    }
}

/// The C expression that made an access (`s->in`), on one line, if known.
pub fn loc_expr(at: &Loc, sources: &SourceMap) -> Option<String> {
    at.expr.and_then(|e| expr_text(sources, e))
}

/// Where a location is: `shm#0+16`.
pub fn loc_place(at: &Loc) -> String {
    format!("shm#{}+{}", at.obj, at.off)
}

/// What one step did, as a narrow column has room for: a load or store
/// by its C expression alone (`load s->in = 0`), anything else as
/// [`describe`] says it.
pub fn describe_short(what: &What, sources: &SourceMap) -> String {
    let name = |at: &Loc| loc_expr(at, sources).unwrap_or_else(|| loc_place(at));
    match what {
        What::Load { at, ty, value, .. } => format!("load {} = {}", name(at), show_value(*ty, *value)),
        What::Store { at, ty, value } => format!("store {} := {}", name(at), show_value(*ty, *value)),
        What::Buffered { at, ty, value } => format!("store {} := {} (buffered)", name(at), show_value(*ty, *value)),
        What::Flush { at, ty, value } => format!("flush {} := {}", name(at), show_value(*ty, *value)),
        other => describe(other, sources),
    }
}

fn type_name(m: MemTy) -> &'static str {
    match m {
        MemTy::I8 => "i8",
        MemTy::U8 => "u8",
        MemTy::I16 => "i16",
        MemTy::U16 => "u16",
        MemTy::I32 => "i32",
        MemTy::U32 => "u32",
        MemTy::I64 => "i64",
        MemTy::F32 => "float",
        MemTy::F64 => "double",
    }
}

/// A loaded or stored value as C would print it: floating ones as the
/// shortest decimal that reads back the same bits.
pub fn show_value(m: MemTy, v: u64) -> String {
    match m {
        MemTy::F32 => format!("{:?}", f32::from_bits(v as u32)),
        MemTy::F64 => format!("{:?}", f64::from_bits(v)),
        _ => (v as i64).to_string(),
    }
}

/// What a step did, as the text form shows it.
pub fn describe(what: &What, sources: &SourceMap) -> String {
    match what {
        What::Call { call, ret, data } => describe_call(call, *ret, data),
        What::Load { at, ty, value, passed, stale } => {
            let mut s = format!("load {} {} = {}", type_name(*ty), describe_loc(at, sources), show_value(*ty, *value));
            if let Some(p) = passed {
                s.push_str(&format!(" (ahead of its buffered store {} := {})", describe_loc(&p.at, sources), show_value(p.ty, p.value)));
            }
            match stale {
                0 => {}
                1 => s.push_str(" (a stale value: the newest store to it not yet seen)"),
                n => s.push_str(&format!(" (a stale value: the {n} newest stores to it not yet seen)")),
            }
            s
        }
        What::Buffered { at, ty, value } => {
            format!("store {} {} := {} (into the store buffer)", type_name(*ty), describe_loc(at, sources), show_value(*ty, *value))
        }
        What::Flush { at, ty, value } => {
            format!(
                "flush {} {} := {} (the buffered store reaches memory)",
                type_name(*ty),
                describe_loc(at, sources),
                show_value(*ty, *value)
            )
        }
        What::Atomic { at, atomic, value } => {
            let ty = atomic.ty;
            let verb = if atomic.op == crate::ir::atomic::AtomicOp::Store { ":=" } else { "read" };
            format!(
                "atomic {} {} {} {verb} {} ({})",
                atomic.op.name(),
                type_name(ty),
                describe_loc(at, sources),
                show_value(ty, *value),
                atomic.order.name()
            )
        }
        What::Store { at, ty, value } => format!("store {} {} := {}", type_name(*ty), describe_loc(at, sources), show_value(*ty, *value)),
        What::Copy { at, len } => format!("copy {len} bytes at {}", describe_loc(at, sources)),
        What::Lib { func, at } => format!("{}() on {}", func.name(), describe_loc(at, sources)),
        What::Parked { on } => {
            format!("parked: spinning on {}", on.iter().map(|l| describe_loc(l, sources)).collect::<Vec<_>>().join(", "))
        }
        What::Sleep { until } => format!("sleep until {}", fmt_time(*until)),
        What::Exit { code } => format!("exit({code})"),
        What::Killed { sig } => format!("killed by {}", signal::name(*sig)),
        What::Blocks { call } => format!("blocks in {call}()"),
        What::Handler { sig, interrupted: false } => format!("{} handler runs", signal::name(*sig)),
        What::Handler { sig, interrupted: true } => format!("{} handler runs (the blocked call fails with EINTR)", signal::name(*sig)),
        What::Fault { sig: Some(sig) } => format!("killed by {} (its own fault)", signal::name(*sig)),
        What::Fault { sig: None } => "stopped at undefined behaviour".into(),
    }
}

fn result(call: &Call, ret: Option<i64>, data: &Data) -> String {
    match ret {
        None => "...".into(),
        Some(r) if r < 0 => match errno::name((-r) as i32) {
            Some(n) => format!("-1 {n}"),
            None => format!("-1 errno {}", -r),
        },
        Some(r) if matches!(call, Call::Sem(SemCall::Open { .. })) => match data {
            Data::Mapping(Some(obj)) => format!("shm#{obj}"),
            _ => format!("{r:#x}"),
        },
        Some(_) if matches!(call, Call::Shm(ShmCall::Mmap { .. })) => match data {
            Data::Mapping(Some(obj)) => format!("shm#{obj}"),
            _ => "private mapping".into(),
        },
        Some(r) => r.to_string(),
    }
}

fn args(call: &Call, data: &Data) -> String {
    let bytes = || match data {
        Data::Bytes(b) | Data::Name(b) => quote(b),
        _ => String::new(),
    };
    match *call {
        Call::Fd(FdCall::Write { fd, len, at, .. }) => {
            let shown = if matches!(data, Data::Bytes(_)) { bytes() } else { "?".into() };
            format!("{fd}, {shown}, {len}{}", at.map_or(String::new(), |o| format!(", {o}")))
        }
        Call::Fd(FdCall::Read { fd, len, at, .. }) => format!("{fd}, {}, {len}{}", bytes(), at.map_or(String::new(), |o| format!(", {o}"))),
        Call::Fd(FdCall::Fill { fd, len }) => format!("{fd}, <stdin buffer>, {len}"),
        Call::Fd(FdCall::Close { fd } | FdCall::Dup { fd } | FdCall::Isatty { fd } | FdCall::Fsync { fd }) => fd.to_string(),
        Call::Fd(FdCall::Poll { nfds, timeout_ms, .. }) => format!("{nfds} fds, {timeout_ms}"),
        Call::Fd(FdCall::Select { nfds, .. }) => nfds.to_string(),
        Call::Fd(FdCall::Dup2 { old, new }) => format!("{old}, {new}"),
        Call::Fd(FdCall::Fcntl { fd, cmd, arg }) => format!("{fd}, {cmd}, {arg}"),
        Call::Fd(FdCall::Lock { fd, cmd, .. }) => {
            use crate::abi::flags::{F_GETLK, F_SETLK};
            let name = match cmd {
                F_GETLK => "F_GETLK",
                F_SETLK => "F_SETLK",
                _ => "F_SETLKW",
            };
            format!("{fd}, {name}, {}", lock_args(cmd == F_GETLK, data))
        }
        Call::Fd(FdCall::Flock { fd, op }) => format!("{fd}, {}", crate::abi::lock::flock_op_name(op)),
        Call::Pipe(_) => match data {
            Data::Fds(r, w) => format!("[{r}, {w}]"),
            _ => "[0, 0]".into(),
        },
        Call::Proc(ProcCall::Waitpid { pid, options, .. }) => format!("{pid}, {options}"),
        Call::Proc(ProcCall::Kill { pid, sig }) => format!("{pid}, {sig}"),
        Call::Proc(ProcCall::Signal { sig, handler }) => {
            let h = match handler {
                0 => "SIG_DFL",
                1 => "SIG_IGN",
                _ if crate::ir::region::code_func(handler).is_some() => "handler",
                _ => "?",
            };
            format!("{sig}, {h}")
        }
        Call::Proc(ProcCall::Sigaction { sig, .. } | ProcCall::Raise { sig }) => sig.to_string(),
        Call::Proc(ProcCall::Sigprocmask { how, .. }) => how.to_string(),
        Call::Proc(ProcCall::Alarm { secs }) => secs.to_string(),
        Call::Proc(ProcCall::Setitimer { which, value, old }) => match value {
            Ok(v) => format!("{which}, {{{} ns, every {} ns}}, {old:#x}", v.value, v.interval),
            Err(_) => format!("{which}, (bad), {old:#x}"),
        },
        Call::Proc(ProcCall::Getitimer { which, out }) => format!("{which}, {out:#x}"),
        Call::Proc(ProcCall::Sigqueue { pid, sig, value }) => format!("{pid}, {sig}, {value}"),
        Call::Proc(ProcCall::Longjmp { handlers, mask, val }) => match mask {
            Some(m) => format!("{val}, out of {handlers} handlers, mask {m:#x}"),
            None => format!("{val}, out of {handlers} handlers"),
        },
        Call::Proc(ProcCall::Sigtimedwait { set, info, timeout }) => {
            let set = set.map_or("(bad)".to_string(), |s| format!("{s:#x}"));
            let timeout = match timeout {
                Ok(Some(ns)) => format!("{ns} ns"),
                Ok(None) => "no timeout".to_string(),
                Err(_) => "(bad)".to_string(),
            };
            format!("{set}, {info:#x}, {timeout}")
        }
        Call::Proc(ProcCall::Exec { .. }) => bytes(),
        Call::Proc(_) => String::new(),
        Call::Time(TimeCall::Sleep { ns, .. }) => ns.map_or_else(|e| format!("-{e}"), |n| n.to_string()),
        Call::Time(TimeCall::Time { out }) => (out as i64).to_string(),
        Call::Time(TimeCall::ClockGettime { clock, out, micro: false }) => format!("{clock}, {}", out as i64),
        Call::Time(TimeCall::ClockGettime { out, micro: true, .. }) => (out as i64).to_string(),
        Call::Shm(ShmCall::Open { oflag, .. }) => format!("{}, {oflag:#o}", bytes()),
        Call::Shm(ShmCall::Unlink { .. }) => bytes(),
        Call::Shm(ShmCall::Ftruncate { fd, len }) => format!("{fd}, {len}"),
        Call::Shm(ShmCall::Mmap { len, prot, flags, fd, off }) => format!("{len}, {prot}, {flags:#x}, {fd}, {off}"),
        Call::Shm(ShmCall::Munmap { addr, .. }) => (addr as i64).to_string(),
        Call::Shm(ShmCall::Fence { order }) => match crate::ir::atomic::Order::from_value(order as i64) {
            crate::ir::atomic::Order::SeqCst => String::new(),
            o => o.name().to_string(),
        },
        Call::Mq(MqCall::Open { oflag, .. }) => format!("{}, {oflag:#o}", bytes()),
        Call::Mq(MqCall::Unlink { .. }) => bytes(),
        Call::Mq(MqCall::Send { mqd, len, prio, .. }) => format!("{mqd}, {}, {len}, {prio}", bytes()),
        Call::Mq(MqCall::Receive { mqd, len, .. }) => format!("{mqd}, {}, {len}", bytes()),
        Call::Mq(MqCall::Close { mqd } | MqCall::GetAttr { mqd, .. } | MqCall::SetAttr { mqd, .. }) => mqd.to_string(),
        Call::Mq(MqCall::Notify { mqd, sev }) => format!("{mqd}, {}", if sev == 0 { "NULL" } else { "&sev" }),
        Call::Sem(SemCall::Open { oflag, value, .. }) => format!("{}, {oflag:#o}, {value}", bytes()),
        Call::Sem(SemCall::Unlink { .. }) => bytes(),
        Call::Sem(c) => match data {
            Data::Sem { at: Some((obj, off)), .. } => format!("shm#{obj}+{off}"),
            _ => format!("{:#x}", c.sem().unwrap_or(0)),
        },
        Call::Sock(c) => sock_args(c, data, bytes),
        Call::Fs(FsCall::Unlink { .. }) => bytes(),
        Call::Fs(FsCall::Open { flags, .. }) => format!("{}, {flags:#o}", bytes()),
        Call::Fs(FsCall::Lseek { fd, off, whence }) => format!("{fd}, {off}, {whence}"),
        Call::Fs(FsCall::Stat { .. }) => bytes(),
        Call::Fs(FsCall::Access { mode, .. }) => format!("{}, {mode}", bytes()),
        Call::Fs(FsCall::Mkdir { .. } | FsCall::Rmdir { .. } | FsCall::Opendir { .. } | FsCall::Rename { .. } | FsCall::Chdir { .. }) => {
            bytes()
        }
        Call::Fs(FsCall::Getcwd { buf, size }) => format!("{buf:#x}, {size}"),
        Call::Fs(FsCall::Mkfifo { mode, .. }) => format!("{}, {mode:#o}", bytes()),
        Call::Fs(FsCall::Umask { mask }) => format!("{mask:#o}"),
        Call::Fs(FsCall::Chmod { mode, .. }) => format!("{}, {mode:#o}", bytes()),
        Call::Fs(FsCall::Fchmod { fd, mode }) => format!("{fd}, {mode:#o}"),
        Call::Fs(FsCall::Fstat { fd, .. }) => fd.to_string(),
        Call::Sysv(c) => match c {
            SysvCall::Ftok { id, .. } => format!("{}, {id}", bytes()),
            SysvCall::Shmget { key, size, flags } => format!("{key:#x}, {size}, {flags:#o}"),
            SysvCall::Shmat { id, flags, .. } => format!("{id}, {flags:#o}"),
            SysvCall::Shmdt { addr } => format!("{addr:#x}"),
            SysvCall::Shmctl { id, cmd, .. } | SysvCall::Msgctl { id, cmd, .. } => format!("{id}, {cmd}"),
            SysvCall::Msgget { key, flags } => format!("{key:#x}, {flags:#o}"),
            SysvCall::Msgsnd { id, size, flags, .. } => format!("{id}, {size}, {flags:#o}"),
            SysvCall::Msgrcv { id, size, typ, flags, .. } => format!("{id}, {size}, {typ}, {flags:#o}"),
            SysvCall::Semget { key, nsems, flags } => format!("{key:#x}, {nsems}, {flags:#o}"),
            SysvCall::Semop { id, nsops, .. } => format!("{id}, {nsops}"),
            SysvCall::Semctl { id, num, cmd, .. } => format!("{id}, {num}, {cmd}"),
        },
        Call::Msg(c) => match c {
            MsgCall::MboxOpen { capacity, .. } => format!("{}, {capacity}", bytes()),
            MsgCall::MboxSend { mb, len, .. } => format!("{mb}, {}, {len}", bytes()),
            MsgCall::MboxReceive { mb, cap, .. } => format!("{mb}, {}, {cap}", bytes()),
            MsgCall::MboxClose { mb } => mb.to_string(),
            MsgCall::SendTo { pid, len, .. } => format!("{pid}, {}, {len}", bytes()),
            MsgCall::ReceiveFrom { pid, cap, .. } => format!("{pid}, {}, {cap}", bytes()),
            MsgCall::LinkCapacity { n } => n.to_string(),
        },
        Call::Op(OpCall::Begin { value, .. }) => format!("{}, {value}", bytes()),
        Call::Op(OpCall::End { value }) => value.to_string(),
    }
}

fn sock_args(c: SockCall, data: &Data, bytes: impl Fn() -> String) -> String {
    match c {
        SockCall::Socketpair { domain, ty, protocol, .. } => match data {
            Data::Fds(a, b) => format!("{domain}, {ty}, {protocol}, [{a}, {b}]"),
            _ => format!("{domain}, {ty}, {protocol}"),
        },
        SockCall::Socket { domain, ty, protocol } => format!("{domain}, {ty}, {protocol}"),
        SockCall::Bind { fd, .. } | SockCall::Connect { fd, .. } => format!("{fd}, {}", bytes()),
        SockCall::Listen { fd, backlog } => format!("{fd}, {backlog}"),
        SockCall::Accept { fd, .. } => fd.to_string(),
        SockCall::Send { fd, len, flags, .. } | SockCall::Recv { fd, len, flags, .. } => format!("{fd}, {}, {len}, {flags:#x}", bytes()),
        SockCall::Shutdown { fd, how } => format!("{fd}, {how}"),
        SockCall::Name { fd, .. } => fd.to_string(),
        SockCall::SetOpt { fd, level, name, .. } | SockCall::GetOpt { fd, level, name, .. } => format!("{fd}, {level}, {name}"),
    }
}

/// A `struct flock` as a trace shows it: the lock a `F_SETLK` or
/// `F_SETLKW` asks for (`{F_WRLCK, SEEK_SET, 0, 10}`), or what `F_GETLK`
/// found: the holder's lock (`{F_WRLCK, SEEK_SET, 0, 10, pid 1001}`) or
/// `{F_UNLCK}`.
fn lock_args(getlk: bool, data: &Data) -> String {
    let Data::Lock(fl) = data else { return "?".into() };
    if getlk && fl.ty == crate::abi::flags::F_UNLCK {
        return "{F_UNLCK}".into();
    }
    let whence = match fl.whence {
        0 => "SEEK_SET".to_string(),
        1 => "SEEK_CUR".to_string(),
        2 => "SEEK_END".to_string(),
        w => w.to_string(),
    };
    let pid = if getlk { format!(", pid {}", fl.pid) } else { String::new() };
    format!("{{{}, {whence}, {}, {}{pid}}}", crate::abi::lock::type_name(fl.ty), fl.start, fl.len)
}

fn describe_call(call: &Call, ret: Option<i64>, data: &Data) -> String {
    let status = match data {
        Data::Status(s) => format!(" [status {s:#06x}]"),
        Data::Sem { value: Some(v), .. } => format!(" [value {v}]"),
        _ => String::new(),
    };
    let via = if matches!(call, Call::Fd(FdCall::Write { src: Src::Stdio, .. })) { "  [stdio flush]" } else { "" };
    format!("{}({}) = {}{status}{via}", call.name(), args(call, data), result(call, ret, data))
}

/// A call not yet made: its name and arguments (`sem_wait(shm#0+0)`),
/// with no result; `data` as the arguments need it (where a semaphore
/// is).
pub fn describe_pending(call: &Call, data: &Data) -> String {
    format!("{}({})", call.name(), args(call, data))
}

/// The line of an event in the canonical text form, without its place.
fn line(e: &Event, sources: &SourceMap) -> String {
    let mut what = describe(&e.what, sources);
    if let Some(since) = e.blocked_since {
        what.push_str(&format!("  [blocked since {}]", fmt_time(since)));
    }
    if let Some(f) = e.injected {
        what.push_str(&format!("  [{}]", f.describe()));
    }
    what
}

/// The canonical text form: `step  time  pid  what  @ file:line`.
pub fn to_text(events: &[Event], sources: &SourceMap) -> String {
    to_text_marked(events, sources, &[])
}

/// The text form with notes between the events: each `(step, note)`
/// is printed before the first event at or after that step (how a
/// shrunk schedule's preemptions are marked). A load that overtook a
/// buffered store says so the first time only: the process's later loads
/// overtake the same store until it is flushed.
pub fn to_text_marked(events: &[Event], sources: &SourceMap, marks: &[(u64, String)]) -> String {
    let mut out = String::new();
    let mut marks = marks.iter().peekable();
    // The buffered store each process's loads were last said to overtake.
    let mut told: std::collections::BTreeMap<i32, super::Passed> = Default::default();
    for e in events {
        while let Some((_, note)) = marks.next_if(|(step, _)| *step <= e.step) {
            out.push_str(&format!("    -  {note}\n"));
        }
        let at = if sources.files().is_empty() {
            String::new()
        } else {
            let lc = sources.line_col(e.span.file, e.span.lo);
            format!("  @ {}:{}", sources.file(e.span.file).name, lc.line)
        };
        let text = match &e.what {
            What::Load { passed: Some(p), .. } if told.get(&e.pid) == Some(p) => {
                let mut quiet = e.clone();
                if let What::Load { passed, .. } = &mut quiet.what {
                    *passed = None;
                }
                line(&quiet, sources)
            }
            What::Load { passed: Some(p), .. } => {
                told.insert(e.pid, *p);
                line(e, sources)
            }
            What::Flush { .. } => {
                told.remove(&e.pid);
                line(e, sources)
            }
            _ => line(e, sources),
        };
        out.push_str(&format!("{:>5}  {}  {}  {text}{at}\n", e.step, fmt_time(e.time), e.pid));
    }
    out
}

/// JSON lines: one object per event.
pub fn to_json_lines(events: &[Event], sources: &SourceMap) -> String {
    let mut out = String::new();
    for e in events {
        out.push_str(&to_json(e, sources).to_string());
        out.push('\n');
    }
    out
}

/// One event as a JSON object (also what `--json` reports embed).
pub fn to_json(e: &Event, sources: &SourceMap) -> serde_json::Value {
    let lc = sources.line_col(e.span.file, e.span.lo);
    let file = sources.files().get(e.span.file as usize).map(|f| f.name.clone()).unwrap_or_default();
    serde_json::json!({
        "step": e.step, "time_ns": e.time, "pid": e.pid, "what": line(e, sources),
        "file": file, "line": lc.line,
    })
}
