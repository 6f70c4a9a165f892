//! The C library subset, running on the process's own memory. Each
//! routine takes its arguments from the operand stack and either returns
//! a value, or stops the process with a system call (`write` of a
//! flushed buffer, `exit`) to be finished when the kernel answers.

mod decode;
pub mod dirs;
pub(crate) mod errtext;
mod exec;
mod files;
pub(crate) mod floatfmt;
pub mod format;
mod input;
mod math;
pub mod rand;
pub mod stdio;
mod stdlib;
mod strftime;
mod string;

pub use crate::ir::{is_syscall, LibFn};
pub use files::file_handle;

use super::fault::{Cause, Fault, Signal, Undefined};
use super::memory::NoShared;
use super::memory::{BadAccess, RegionKind};
use super::process::{After, Then};
use super::{Event, Process, Shared};
use crate::abi::call::{Call, FdCall, MqCall, MsgCall, PipeCall, ProcCall, SockCall, Src, SysvCall, TimeCall};
use crate::ipc::message::MSG_MAX;
use crate::ipc::sysv;
use crate::ir::MemTy;
use crate::ir::{region, Program};

/// What a library call did.
pub enum Outcome {
    /// Returned a value.
    Value(u64),
    /// Returned nothing (or its value comes after a drain).
    Void,
    /// Stopped the process: a system call, an exit, a fault.
    Stop(Event),
}

/// Most arguments a library call reads (printf's beyond are ignored).
const MAX_ARGS: usize = 64;

/// Performs library routine `f` with `argc` arguments from the stack.
pub fn call(p: &mut Process, prog: &Program, sh: &mut dyn Shared, f: LibFn, argc: u8) -> Outcome {
    let n = argc as usize;
    let base = p.stack.len().saturating_sub(n);
    let mut a = [0u64; MAX_ARGS];
    let take = n.min(MAX_ARGS);
    a[..take].copy_from_slice(&p.stack[base..base + take]);
    p.stack.truncate(base);
    let args = &a[..take];
    // The printf family gets one more argument from the lowering: which
    // of the variable ones are doubles (see `format::VaList`).
    let (args, floats) = match args.split_last() {
        Some((&mask, rest)) if f.takes_classes() => (rest, mask),
        _ => (args, 0),
    };
    let r = match f {
        LibFn::Printf
        | LibFn::Fprintf
        | LibFn::Sprintf
        | LibFn::Snprintf
        | LibFn::Puts
        | LibFn::Putchar
        | LibFn::Perror
        | LibFn::Fflush
        | LibFn::Setvbuf
        | LibFn::Setbuf
        | LibFn::Fputs
        | LibFn::Fputc
        | LibFn::Putc
        | LibFn::Psignal
        | LibFn::Fwrite
        | LibFn::Err
        | LibFn::Errx
        | LibFn::Warn
        | LibFn::Warnx => stdio_call(p, prog, sh, f, args, floats),
        LibFn::Vprintf | LibFn::Vfprintf | LibFn::Vsprintf | LibFn::Vsnprintf => v_call(p, prog, sh, f, args),
        LibFn::Atexit => Ok(atexit(p, args[0])),
        LibFn::Strftime => strftime::strftime(p, sh, args),
        LibFn::Setjmp => p.setjmp(sh, args[0]),
        LibFn::Longjmp => p.longjmp(sh, args[0], args[1] as i32),
        LibFn::Readdir | LibFn::Rewinddir | LibFn::Closedir => dirs::call(p, sh, f, args),
        LibFn::Execl | LibFn::Execlp | LibFn::Execle | LibFn::Execv | LibFn::Execvp | LibFn::Execve => exec::call(p, sh, f, args),
        LibFn::Fopen | LibFn::Fdopen | LibFn::Fclose | LibFn::Fread | LibFn::Fseek | LibFn::Ftell | LibFn::Rewind | LibFn::Clearerr => {
            files::call(p, prog, sh, f, args)
        }
        LibFn::Exit => Ok(match exit(p, prog, args[0] as i32) {
            Some(ev) => Outcome::Stop(ev),
            // A function registered with atexit runs first.
            None => Outcome::Void,
        }),
        LibFn::UnderscoreExit => Ok(Outcome::Stop(Event::Exit(args[0] as i32))),
        LibFn::Abort => Ok(kill(p, prog, Signal::Abrt, Cause::Abort)),
        LibFn::AssertFail => assert_fail(p, prog, sh, args),
        _ if is_syscall(f) => {
            let a: [u64; 6] = std::array::from_fn(|i| args.get(i).copied().unwrap_or(0));
            let call = decode::decode(f, &a, p, sh);
            check_syscall_buffer(p, &call).map(|()| {
                p.after = After::PushResult;
                Outcome::Stop(Event::Syscall(call))
            })
        }
        _ => {
            match string::call(p, sh, f, args).or_else(|| input::call(p, prog, sh, f, args)).or_else(|| math::call(p, prog, sh, f, args)) {
                Some(r) => r,
                None => stdlib::call(p, prog, sh, f, args),
            }
        }
    };
    match r {
        Ok(o) => o,
        Err(Stop::Memory(b)) => Outcome::Stop(p.mem_fault(prog, b)),
        Err(Stop::Call(name, b)) => Outcome::Stop(p.mem_fault_in(prog, b, Some(name))),
        Err(Stop::Undefined(ub)) => Outcome::Stop(Event::Killed(Fault::undefined(ub, None, p.span(prog)))),
        Err(Stop::Fault(sig, cause)) => kill(p, prog, sig, cause),
    }
}

/// A system call's buffer must lie inside the object it points into:
/// one running past the object's end (`write(1, "abc", 10)`, a 10-byte
/// buffer given to `read(fd, buf, 100)`) is undefined behaviour that
/// Linux does not trap (it copies the neighbouring bytes), so it stops
/// the process before the call, naming the call, as AddressSanitizer's
/// interceptors do. A pointer into no object at all (NULL, a wild
/// address) is left to the kernel: `EFAULT` in both backends. `read` is
/// checked for all the bytes it may write, as glibc's `__read_chk`.
fn check_syscall_buffer(p: &Process, call: &Call) -> Result<(), Stop> {
    let Some((addr, len, write)) = call_buffer(call) else { return Ok(()) };
    if len == 0 {
        return Ok(());
    }
    let stop = |b| Stop::Call(call.name(), b);
    p.mem.check_redzones(addr, len, write).map_err(stop)?;
    match overrun(&p.mem, addr, len, write) {
        Some(b) if Undefined::classify(&b, &p.mem.regions).is_ok() => Err(stop(b)),
        _ => Ok(()),
    }
}

/// The buffer a system call reads or writes in the caller's memory:
/// (address, bytes, written by the call).
fn call_buffer(call: &Call) -> Option<(u64, usize, bool)> {
    let len = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
    match *call {
        Call::Fd(FdCall::Read { buf, len: n, .. }) => Some((buf, len(n), true)),
        Call::Fd(FdCall::Write { src: Src::Mem(buf), len: n, .. }) => Some((buf, len(n), false)),
        Call::Pipe(PipeCall::Pipe { fds, .. }) => Some((fds, 8, true)),
        // A struct flock is 32 bytes; F_GETLK writes it back.
        Call::Fd(FdCall::Lock { cmd, lock, .. }) => Some((lock, crate::abi::lock::FLOCK_SIZE, cmd == crate::abi::flags::F_GETLK)),
        Call::Proc(ProcCall::Wait { status } | ProcCall::Waitpid { status, .. }) if status != 0 => Some((status, 4, true)),
        Call::Time(TimeCall::Time { out }) if out != 0 => Some((out, 8, true)),
        Call::Time(TimeCall::ClockGettime { out, .. }) if out != 0 => Some((out, 16, true)),
        // A sem_t is 32 bytes; a smaller object is overrun.
        Call::Sem(c) => c.sem().map(|sem| (sem, 32, true)),
        // Longer than any queue's messages: EMSGSIZE, and nothing is read.
        Call::Mq(MqCall::Send { msg, len: n, .. }) if n <= crate::ipc::mq::MAX_MSGSIZE as u64 => Some((msg, len(n), false)),
        Call::Mq(MqCall::GetAttr { attr, .. }) => Some((attr, 64, true)),
        Call::Sock(SockCall::Send { buf, len: n, .. }) => Some((buf, len(n), false)),
        Call::Msg(MsgCall::MboxSend { msg, len: n, .. } | MsgCall::SendTo { msg, len: n, .. }) if n <= MSG_MAX => {
            Some((msg, len(n), false))
        }
        // What a call surely reads or writes; a receive's buffer is only
        // touched as far as the message goes, so it is not checked here.
        // A message is its `long` type, then its text.
        Call::Sysv(SysvCall::Msgsnd { msg, size, .. }) if size <= sysv::MSGMAX => Some((msg, 8 + len(size), false)),
        Call::Sysv(SysvCall::Semop { sops, nsops, .. }) if nsops <= sysv::SEMOPM => Some((sops, 6 * len(nsops), false)),
        Call::Sysv(SysvCall::Shmctl { cmd: 2, buf, .. }) => Some((buf, 112, true)),
        Call::Sysv(SysvCall::Msgctl { cmd: 2, buf, .. }) => Some((buf, 120, true)),
        Call::Sysv(SysvCall::Semctl { cmd: 2, arg, .. }) => Some((arg, 104, true)),
        _ => None,
    }
}

/// The bad access `[addr, addr+len)` makes past the end of (or after the
/// `free` of) the object `addr` points into; `None` if it stays inside,
/// or if `addr` is in no object (the stack's locals are the redzones').
fn overrun(mem: &super::memory::Memory, addr: u64, len: usize, write: bool) -> Option<BadAccess> {
    let (r, off) = ((addr >> 32) as u32, addr & 0xffff_ffff);
    let reg = mem.regions.get(r as usize).filter(|_| r != region::STACK)?;
    match reg.kind {
        RegionKind::Freed => Some(BadAccess::UseAfterFree { region: r }),
        RegionKind::Null | RegionKind::Stack | RegionKind::Stdio | RegionKind::Unmapped => None,
        _ if off.saturating_add(len as u64) <= reg.size as u64 => None,
        _ => Some(BadAccess::OutOfBounds { region: r, offset: off, size: reg.size, len: len as u64, write }),
    }
}

/// Why a routine could not finish.
pub(crate) enum Stop {
    /// A bad access of the routine's own.
    Memory(BadAccess),
    /// A bad access by the buffer of this system call.
    Call(&'static str, BadAccess),
    /// Undefined behaviour other than an access (a double free).
    Undefined(Undefined),
    /// A signal Linux delivers.
    Fault(Signal, Cause),
}

impl From<BadAccess> for Stop {
    fn from(b: BadAccess) -> Self {
        Stop::Memory(b)
    }
}

pub(crate) type LibResult = Result<Outcome, Stop>;

fn kill(p: &Process, prog: &Program, signal: Signal, cause: Cause) -> Outcome {
    Outcome::Stop(Event::Killed(Fault::signal(signal, cause, p.span(prog))))
}

/// `stdout` and `stderr` as streams.
const STDOUT: stdio::Which = stdio::Which::Out(0);
const STDERR: stdio::Which = stdio::Which::Out(1);

/// Ends a routine whose output may need writing first.
fn finish(p: &mut Process, then: Then) -> Outcome {
    if p.stdio.outq.is_empty() {
        return match then {
            Then::Push(v) => Outcome::Value(v),
            Then::Continue => Outcome::Void,
            Then::Exit(c) => Outcome::Stop(exit_event(p, c)),
            Then::Kill(f) => Outcome::Stop(Event::Killed(f)),
            Then::Syscall(call, after) => {
                p.after = *after;
                Outcome::Stop(Event::Syscall(call))
            }
        };
    }
    p.after = After::Drain(then);
    Outcome::Void
}

/// Most functions `atexit` takes (glibc has no limit but memory; this
/// bounds what one process may hold).
const ATEXIT_MAX: usize = 1 << 16;

/// `atexit(f)`.
fn atexit(p: &mut Process, f: u64) -> Outcome {
    if p.atexit.len() >= ATEXIT_MAX {
        return Outcome::Value(u64::MAX);
    }
    p.atexit.push(f);
    Outcome::Value(0)
}

/// `exit(code)` (and returning from `main`): the functions `atexit`
/// registered, last first (`None`: the next one was entered, and exit
/// goes on when it returns), then stdio flushed, then the end.
pub fn exit(p: &mut Process, prog: &Program, code: i32) -> Option<Event> {
    if let Some(f) = p.atexit.pop() {
        let Some(func) = prog.callable(f) else {
            return Some(Event::Killed(Fault::signal(Signal::Segv, Cause::BadCall { addr: f }, p.span(prog))));
        };
        p.exiting = Some((p.frames.len() as u32, code));
        return match p.enter(prog, func) {
            Ok(()) => None,
            Err(b) => Some(p.mem_fault(prog, b)),
        };
    }
    p.stdio.flush_all();
    Some(match finish(p, Then::Exit(code)) {
        Outcome::Stop(ev) => ev,
        _ => {
            let (fd, bytes) = &p.stdio.outq[0];
            stdio_flush(*fd, bytes.len())
        }
    })
}

/// The last of `exit`, once the output is written: glibc gives back
/// what each input stream read ahead, moving its descriptor's offset to
/// the stream's position (so a parent sharing the offset reads those
/// bytes again: the classic `fork` in a `fgets` loop), then the process
/// exits.
pub fn exit_event(p: &mut Process, code: i32) -> Event {
    let streams = std::iter::once(stdio::Which::Stdin).chain((0..p.stdio.files.len()).map(stdio::Which::File));
    for w in streams {
        let ahead = p.stdio.input_of(w).map_or(0, |i| i.avail().len());
        if ahead > 0 {
            let fd = p.stdio.fd(w);
            p.after = After::Unread { w, code };
            return Event::Syscall(Call::Fs(crate::abi::call::FsCall::Lseek { fd, off: -(ahead as i64), whence: 1 }));
        }
    }
    Event::Exit(code)
}

/// Which stream a `FILE *` is: `stdin`, `stdout`, `stderr` at the start
/// of the stdio region, then the streams `fopen` made, 8 bytes apart.
/// A closed stream's `FILE *` is used after its `free` (glibc frees it).
fn stream(p: &Process, f: u64) -> Result<stdio::Which, Stop> {
    use stdio::Which;
    let base = (region::STDIO as u64) << 32;
    match f.wrapping_sub(base) {
        0 => Ok(Which::Stdin),
        8 => Ok(Which::Out(0)),
        16 => Ok(Which::Out(1)),
        _ if f == 0 => Err(Stop::Memory(BadAccess::Null)),
        off if off >= files::FIRST && off % 8 == 0 && off < files::FIRST + 8 * p.stdio.files.len() as u64 => {
            let k = ((off - files::FIRST) / 8) as usize;
            match p.stdio.files[k] {
                Some(_) => Ok(Which::File(k)),
                None => Err(Stop::Undefined(Undefined::UseAfterFree { region: region::STDIO })),
            }
        }
        _ => Err(Stop::Memory(BadAccess::Unmapped)),
    }
}

/// The `v` forms of the printf family: the `va_list` (last argument)
/// gives the variable arguments its function has not taken yet, and the
/// call is the plain form's with them.
fn v_call(p: &mut Process, prog: &Program, sh: &mut dyn Shared, f: LibFn, a: &[u64]) -> LibResult {
    let (plain, named) = match f {
        LibFn::Vprintf => (LibFn::Printf, 1),
        LibFn::Vfprintf => (LibFn::Fprintf, 2),
        LibFn::Vsprintf => (LibFn::Sprintf, 2),
        _ => (LibFn::Snprintf, 3),
    };
    let Some(&ap) = a.get(named) else { return Ok(Outcome::Value(u64::MAX)) };
    let (rest, floats) = va_rest(p, sh, ap)?;
    let mut args = a[..named].to_vec();
    args.extend(rest.iter().take(MAX_ARGS - named));
    stdio_call(p, prog, sh, plain, &args, floats)
}

/// The variable arguments a `va_list` at `ap` has not given out yet,
/// and which of them are doubles: the area its function's caller made
/// (count, doubles, then the values; see `lower::decl::VA_AREA`) less
/// the first `gp` integers and `fp` doubles `va_arg` took.
fn va_rest(p: &Process, sh: &dyn Shared, ap: u64) -> Result<(Vec<u64>, u64), Stop> {
    let area = p.mem.load(sh, ap, MemTy::I64)?;
    let gp = p.mem.load(sh, ap.wrapping_add(8), MemTy::U32)?;
    let fp = p.mem.load(sh, ap.wrapping_add(12), MemTy::U32)?;
    let ld = p.mem.load(sh, ap.wrapping_add(16), MemTy::U32)?;
    let n = p.mem.load(sh, area, MemTy::I64)?.min(MAX_ARGS as u64);
    let classes = p.mem.load(sh, area.wrapping_add(8), MemTy::I64)?;
    let (mut rest, mut floats, mut seen) = (Vec::new(), 0u64, [0u64; 3]);
    for k in 0..n {
        // Bit k: a double; bit 32 + k: a `long double` (k < 32).
        let class = match k < 32 {
            true if classes >> (32 + k) & 1 == 1 => 2,
            true if classes >> k & 1 == 1 => 1,
            _ => 0,
        };
        seen[class] += 1;
        if seen[class] <= [gp, fp, ld][class] {
            continue;
        }
        if rest.len() < 32 && class > 0 {
            floats |= 1 << (rest.len() + if class == 2 { 32 } else { 0 });
        }
        rest.push(p.mem.load(sh, area.wrapping_add(16 + 8 * k), MemTy::I64)?);
    }
    Ok((rest, floats))
}

fn stdio_call(p: &mut Process, prog: &Program, sh: &mut dyn Shared, f: LibFn, a: &[u64], floats: u64) -> LibResult {
    let mut text = std::mem::take(&mut p.scratch);
    text.clear();
    let r = stdio_with(p, prog, sh, f, a, floats, &mut text);
    text.clear();
    p.scratch = text;
    r
}

fn stdio_with(p: &mut Process, prog: &Program, sh: &mut dyn Shared, f: LibFn, a: &[u64], floats: u64, text: &mut Vec<u8>) -> LibResult {
    let (target, ret): (Option<stdio::Which>, u64) = match f {
        LibFn::Printf => (Some(STDOUT), formatted(p, prog, sh, a, 0, floats, text, STREAM_KEEP)?),
        LibFn::Fprintf => {
            let s = stream(p, a[0])?;
            let n = formatted(p, prog, sh, a, 1, floats, text, STREAM_KEEP)?;
            (Some(s), n)
        }
        LibFn::Sprintf | LibFn::Snprintf => {
            let (dst, size, fmt_at) = if f == LibFn::Sprintf { (a[0], u64::MAX, 1) } else { (a[0], a[1], 2) };
            // Keep no more than fits where it goes: a huge field into a
            // small buffer is caught as out of bounds, never allocated.
            let keep = size.saturating_sub(1).min(room(&p.mem, dst) as u64) as usize;
            let mut va = format::VaList::new(&a[fmt_at + 1..], floats, fmt_at + 1).with_errno(p.errno(prog));
            let r = format::format(&p.mem, sh, p.mem.cstr(sh, a[fmt_at])?, &mut va, text, keep);
            let (made, ret) = result_of(p, prog, r)?;
            if size > 0 {
                let n = made.min(size - 1) as usize;
                let out = p.mem.slice_mut(sh, dst, n.saturating_add(1))?;
                out[..n].copy_from_slice(&text[..n]);
                out[n] = 0;
            }
            return Ok(Outcome::Value(ret));
        }
        LibFn::Puts => {
            text.extend_from_slice(p.mem.cstr(sh, a[0])?);
            text.push(b'\n');
            (Some(STDOUT), text.len() as u64)
        }
        LibFn::Putchar => {
            text.push(a[0] as u8);
            (Some(STDOUT), a[0] as u8 as u64)
        }
        LibFn::Fputs => {
            text.extend_from_slice(p.mem.cstr(sh, a[0])?);
            (Some(stream(p, a[1])?), 1)
        }
        LibFn::Fputc | LibFn::Putc => {
            text.push(a[0] as u8);
            (Some(stream(p, a[1])?), a[0] as u8 as u64)
        }
        LibFn::Fwrite => {
            // glibc multiplies without an overflow check.
            let total = a[1].wrapping_mul(a[2]);
            let w = stream(p, a[3])?;
            let n = usize::try_from(total).unwrap_or(usize::MAX).min(STREAM_KEEP);
            text.extend_from_slice(p.mem.slice(sh, a[0], n)?);
            (Some(w), if total == 0 { 0 } else { a[2] })
        }
        LibFn::Perror => {
            if a[0] != 0 {
                let s = p.mem.cstr(sh, a[0])?;
                if !s.is_empty() {
                    text.extend_from_slice(s);
                    text.extend_from_slice(b": ");
                }
            }
            text.extend_from_slice(errtext::message(p.errno(prog)).as_bytes());
            text.push(b'\n');
            p.stdio.put(STDERR, text);
            return Ok(finish(p, Then::Continue));
        }
        // BSD's err.h: "prog: message[: strerror(errno)]" on stderr, then
        // (err, errx) exit as exit() does.
        LibFn::Err | LibFn::Errx | LibFn::Warn | LibFn::Warnx => {
            let exits = matches!(f, LibFn::Err | LibFn::Errx);
            let (fmt_at, status) = if exits { (1, a[0] as i32) } else { (0, 0) };
            let e = p.errno(prog);
            let name = argv0(p);
            text.extend_from_slice(name.rsplit(|&b| b == b'/').next().unwrap_or(&[]));
            text.extend_from_slice(b": ");
            if a[fmt_at] != 0 {
                let mut msg = Vec::new();
                formatted(p, prog, sh, a, fmt_at, floats, &mut msg, STREAM_KEEP)?;
                text.extend_from_slice(&msg);
                if matches!(f, LibFn::Err | LibFn::Warn) {
                    text.extend_from_slice(b": ");
                }
            }
            if matches!(f, LibFn::Err | LibFn::Warn) {
                text.extend_from_slice(errtext::message(e).as_bytes());
            }
            text.push(b'\n');
            p.stdio.put(STDERR, text);
            if exits {
                return Ok(match exit(p, prog, status) {
                    Some(ev) => Outcome::Stop(ev),
                    None => Outcome::Void,
                });
            }
            return Ok(finish(p, Then::Continue));
        }
        LibFn::Psignal => {
            if a[1] != 0 {
                let s = p.mem.cstr(sh, a[1])?;
                if !s.is_empty() {
                    text.extend_from_slice(s);
                    text.extend_from_slice(b": ");
                }
            }
            text.extend_from_slice(errtext::signal_text(a[0] as i32).as_bytes());
            text.push(b'\n');
            p.stdio.put(STDERR, text);
            return Ok(finish(p, Then::Continue));
        }
        LibFn::Fflush => {
            if a[0] == 0 {
                p.stdio.flush_all();
            } else {
                let w = stream(p, a[0])?;
                p.stdio.flush(w);
                // An input stream gives back what it read ahead.
                let ahead = p.stdio.input_of(w).map_or(0, |i| i.avail().len());
                if ahead > 0 {
                    let seek = Call::Fs(crate::abi::call::FsCall::Lseek { fd: p.stdio.fd(w), off: -(ahead as i64), whence: 1 });
                    return Ok(finish(p, Then::Syscall(seek, Box::new(After::Synced(w)))));
                }
            }
            return Ok(finish(p, Then::Push(0)));
        }
        LibFn::Setvbuf | LibFn::Setbuf => {
            let mode = if f == LibFn::Setbuf {
                if a[1] == 0 {
                    2
                } else {
                    0
                }
            } else {
                a[2] as i32
            };
            let w = stream(p, a[0])?;
            if let Some(st) = p.stdio.out_mut(w) {
                st.mode = match mode {
                    0 => stdio::Mode::Full,
                    1 => stdio::Mode::Line,
                    2 => stdio::Mode::Unbuffered,
                    _ => return Ok(Outcome::Value(u64::MAX)),
                };
            }
            return Ok(if f == LibFn::Setbuf { Outcome::Void } else { Outcome::Value(0) });
        }
        _ => unreachable!("only stdio routines are routed here"),
    };
    let ret = if f == LibFn::Fwrite { ret } else { ret as i32 as i64 as u64 };
    match target {
        Some(w) if p.stdio.out_mut(w).is_some() => {
            p.stdio.put(w, text);
            Ok(finish(p, Then::Push(ret)))
        }
        _ => {
            // Writing to a stream opened for reading: glibc fails with
            // EBADF (fwrite writes no item).
            p.set_errno(prog, crate::abi::errno::EBADF);
            Ok(Outcome::Value(if f == LibFn::Fwrite { 0 } else { u64::MAX }))
        }
    }
}

/// Bytes of one `printf` to a stream kept: the run's output limit (and
/// one more, so the limit notices), whatever width the format asks for.
const STREAM_KEEP: usize = crate::abi::limits::MAX_OUTPUT + 1;

/// Formats the format at `fmt` with `args` into `text` (at most `keep`
/// bytes kept); the value the routine returns.
/// `a[fmt_at]` formatted with the arguments after it (the named ones
/// before it are integers).
#[allow(clippy::too_many_arguments)]
fn formatted(
    p: &mut Process,
    prog: &Program,
    sh: &mut dyn Shared,
    a: &[u64],
    fmt_at: usize,
    floats: u64,
    text: &mut Vec<u8>,
    keep: usize,
) -> Result<u64, Stop> {
    let mut va = format::VaList::new(a.get(fmt_at + 1..).unwrap_or(&[]), floats, fmt_at + 1).with_errno(p.errno(prog));
    let r = format::format(&p.mem, sh, p.mem.cstr(sh, a.get(fmt_at).copied().unwrap_or(0))?, &mut va, text, keep);
    Ok(result_of(p, prog, r)?.1)
}

/// (bytes made, value returned) of a formatting: its length, or `-1`
/// with `errno` `EOVERFLOW` past `INT_MAX` (glibc: the text made before
/// stays).
fn result_of(p: &mut Process, prog: &Program, r: Result<u64, format::FormatError>) -> Result<(u64, u64), Stop> {
    match r {
        Ok(n) => Ok((n, n)),
        Err(format::FormatError::Overflow { made }) => {
            p.set_errno(prog, crate::abi::errno::EOVERFLOW);
            Ok((made, u64::MAX))
        }
        Err(format::FormatError::Memory(b)) => Err(Stop::Memory(b)),
        Err(format::FormatError::Unsupported(c)) => Err(Stop::Fault(Signal::Abrt, Cause::BadFormat(c))),
    }
}

/// Bytes from `addr` to the end of the object it points into (0 if none).
fn room(mem: &super::memory::Memory, addr: u64) -> usize {
    let (r, off) = ((addr >> 32) as usize, (addr & 0xffff_ffff) as usize);
    if r == region::STACK as usize {
        return mem.stack.len().saturating_sub(off);
    }
    mem.regions.get(r).map_or(0, |reg| (reg.size as usize).saturating_sub(off))
}

/// `__assert_fail`: glibc's message on stderr, then `SIGABRT`.
fn assert_fail(p: &mut Process, prog: &Program, sh: &mut dyn Shared, a: &[u64]) -> LibResult {
    let mut msg = Vec::new();
    let argv0 = argv0(p);
    let short = argv0.rsplit(|&b| b == b'/').next().unwrap_or(&[]).to_vec();
    msg.extend_from_slice(&short);
    if !short.is_empty() {
        msg.extend_from_slice(b": ");
    }
    msg.extend_from_slice(p.mem.cstr(sh, a[1])?);
    msg.extend_from_slice(format!(":{}: ", a[2] as u32).as_bytes());
    msg.extend_from_slice(p.mem.cstr(sh, a[3])?);
    msg.extend_from_slice(b": Assertion `");
    msg.extend_from_slice(p.mem.cstr(sh, a[0])?);
    msg.extend_from_slice(b"' failed.\n");
    p.stdio.put(STDERR, &msg);
    let fault = Fault::signal(Signal::Abrt, Cause::Assertion, p.span(prog));
    Ok(finish(p, Then::Kill(fault)))
}

fn argv0(p: &Process) -> Vec<u8> {
    let argv = p.mem.regions.iter().position(|r| r.kind == super::memory::RegionKind::Argv);
    let Some(r) = argv else { return Vec::new() };
    let base = (r as u64) << 32;
    let sh = NoShared;
    match p.mem.load(&sh, base, crate::ir::MemTy::I64) {
        Ok(ptr) if ptr != 0 => p.mem.cstr(&sh, ptr).map(|s| s.to_vec()).unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// The `write` that flushes the front of the stdio queue.
pub fn stdio_flush(fd: i32, len: usize) -> Event {
    Event::Syscall(Call::Fd(FdCall::Write { fd, src: Src::Stdio, len: len as u64, at: None }))
}
