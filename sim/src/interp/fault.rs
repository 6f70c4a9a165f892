//! How a process dies: the signal Linux would deliver and why, with the
//! place in the program; or, where C is undefined and Linux may not trap
//! (an access out of an object's bounds, a use after free, a double
//! free), the undefined behaviour itself, with no signal claimed.

use super::memory::{BadAccess, RegionKind};
use super::process::{Frame, Process};
use crate::ir::{LocalObject, Program};
use crate::outcome::ExitStatus;
use crate::source::Span;

/// A signal that ends a process.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Signal {
    /// `SIGABRT` (6): `abort`, failed `assert`, heap corruption.
    Abrt,
    /// `SIGFPE` (8): division by zero.
    Fpe,
    /// `SIGSEGV` (11): invalid memory access.
    Segv,
    /// `SIGBUS` (7): past the end of a shared object.
    Bus,
    /// `SIGPIPE` (13): write to a pipe nobody can read.
    Pipe,
}

impl Signal {
    /// The signal number on x86_64 Linux.
    pub fn number(self) -> i32 {
        match self {
            Signal::Abrt => 6,
            Signal::Fpe => 8,
            Signal::Segv => 11,
            Signal::Bus => 7,
            Signal::Pipe => 13,
        }
    }

    /// The name.
    pub fn name(self) -> &'static str {
        match self {
            Signal::Abrt => "SIGABRT",
            Signal::Fpe => "SIGFPE",
            Signal::Segv => "SIGSEGV",
            Signal::Bus => "SIGBUS",
            Signal::Pipe => "SIGPIPE",
        }
    }
}

/// Why: the account ipcsim gives of the death.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Cause {
    /// A bad memory access Linux traps deterministically (null, no
    /// object, read-only, stack exhaustion, past a shared object).
    Memory(BadAccess),
    /// Undefined behaviour Linux may not trap; `call` names the library
    /// routine or system call that made the access, if one did.
    Undefined {
        /// What.
        ub: Undefined,
        /// The routine (`write`, `read`, ...) whose buffer it was.
        call: Option<&'static str>,
    },
    /// Integer division by zero.
    DivideByZero,
    /// `INT_MIN / -1` (or `%`): the quotient does not fit, and x86's
    /// `idiv` faults as for a zero divisor.
    DivideOverflow,
    /// `abort()` was called.
    Abort,
    /// `assert` failed (glibc's message already written to stderr).
    Assertion,
    /// A `printf` conversion ipcsim does not support (`%n`, `%Lf`).
    BadFormat(char),
    /// A `<math.h>` routine, on a host whose glibc libm could not be
    /// loaded (ipcsim computes with glibc's own routines or not at all).
    NoLibm(&'static str),
    /// A write to a pipe whose read ends are all closed.
    BrokenPipe,
    /// A send on a connection that was shut, closed or reset.
    BrokenConnection,
    /// A call through a pointer that is null or not a function's
    /// address: the jump faults.
    BadCall {
        /// The pointer's value.
        addr: u64,
    },
}

/// Undefined behaviour of C that Linux may not trap: natively the
/// program may run on (reading a neighbour's bytes, corrupting the
/// heap), so ipcsim stops the process and says what happened instead of
/// claiming a signal.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Undefined {
    /// An access out of the bounds of an object (heap block, global,
    /// string literal, `argv`, a private mapping within its last page).
    OutOfBounds {
        /// The object's region.
        region: u32,
        /// Where the access starts, from the object's first byte.
        offset: u64,
        /// Bytes accessed.
        len: u64,
        /// A write (else a read).
        write: bool,
    },
    /// An access out of the bounds of a local array or struct.
    StackBufferOverflow(Overflow),
    /// An access to a freed `malloc` block.
    UseAfterFree {
        /// The block's region.
        region: u32,
    },
    /// `free` of a block already freed.
    DoubleFree {
        /// The block's region.
        region: u32,
    },
    /// `free` of something `malloc` did not return.
    BadFree,
    /// A call through a function pointer with another number of
    /// arguments than the function takes (incompatible types, C17 6.5.2.2).
    CallMismatch {
        /// The function called.
        func: u32,
        /// Arguments given.
        args: u32,
    },
    /// `longjmp` to a `setjmp` whose function has returned, or with a
    /// buffer no `setjmp` filled (C17 7.13.2.1).
    BadLongjmp,
}

impl Undefined {
    /// The undefined behaviour a bad access is, if it is one (else the
    /// signal Linux delivers for it deterministically). `regions` tells
    /// an object from a mapping: past a mapping's last page is `SIGSEGV`.
    pub fn classify(b: &BadAccess, regions: &[super::memory::Region]) -> Result<Undefined, Signal> {
        match *b {
            BadAccess::OutOfBounds { region, offset, len, write, .. } => {
                let Some(r) = regions.get(region as usize) else { return Err(Signal::Segv) };
                let mapped = r.size as u64;
                let in_pages = mapped.div_ceil(super::memory::PAGE) * super::memory::PAGE;
                let mapping = matches!(r.kind, RegionKind::Mapping | RegionKind::Shared { .. });
                if mapping && offset.saturating_add(len) > in_pages {
                    return Err(Signal::Segv);
                }
                Ok(Undefined::OutOfBounds { region, offset, len, write })
            }
            BadAccess::UseAfterFree { region } => Ok(Undefined::UseAfterFree { region }),
            BadAccess::PastObjectEnd { .. } => Err(Signal::Bus),
            _ => Err(Signal::Segv),
        }
    }

    /// One sentence: what, the object, its size, the offset and width.
    fn describe(&self, prog: &Program, p: &Process, call: Option<&str>) -> String {
        let by = call.map(|c| format!(" by {c}()")).unwrap_or_default();
        match self {
            Undefined::OutOfBounds { region, offset, len, write } => {
                let rw = if *write { "write" } else { "read" };
                format!("out-of-bounds {rw} of {len} {}{by} at offset {offset} of {}", plural(*len), object(prog, p, *region))
            }
            Undefined::StackBufferOverflow(o) => format!("stack buffer overflow{by}: {}", o.describe(prog)),
            Undefined::UseAfterFree { region } => format!("use after free{by} of {}", object(prog, p, *region)),
            Undefined::DoubleFree { region } => format!("double free of {}", object(prog, p, *region)),
            Undefined::BadFree => "free() of a pointer malloc did not return".into(),
            Undefined::BadLongjmp => "longjmp to a setjmp whose function has returned, or with a jmp_buf no setjmp filled".into(),
            Undefined::CallMismatch { func, args } => {
                let f = &prog.functions[*func as usize];
                let n = f.params.len();
                format!(
                    "call through a function pointer to `{}`, which takes {n} argument{}, with {args}",
                    f.name,
                    if n == 1 { "" } else { "s" }
                )
            }
        }
    }
}

fn plural(n: u64) -> &'static str {
    if n == 1 {
        "byte"
    } else {
        "bytes"
    }
}

/// The object at `region`, named for a report: a heap block with where
/// it was allocated, else as memory names it (a global by name).
fn object(prog: &Program, p: &Process, region: u32) -> String {
    let r = p.mem.regions.get(region as usize);
    match (r.map(|r| r.kind), p.heap_site(region)) {
        (Some(RegionKind::Heap | RegionKind::Freed), Some(site)) => {
            let size = r.map_or(0, |r| r.size);
            let at = prog.sources.describe(site);
            format!("a malloc block of {size} {} allocated at {at}", plural(size as u64))
        }
        (Some(RegionKind::Global { writable: false }), _) => {
            let size = r.map_or(0, |r| r.size);
            format!("a string literal of {size} {}", plural(size as u64))
        }
        _ => p.mem.describe(prog, region),
    }
}

/// An access that strayed out of a local object into a redzone, traced
/// back to the object (AddressSanitizer's "stack-buffer-overflow").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Overflow {
    /// The function whose frame holds the object.
    pub func: u32,
    /// The object: an index into that function's `objects`.
    pub object: u32,
    /// Where the access starts, from the object's first byte (negative:
    /// before it).
    pub offset: i64,
    /// Bytes accessed.
    pub len: u64,
    /// A write (else a read).
    pub write: bool,
}

impl Overflow {
    /// The object a redzone access strays from: in the frame holding the
    /// first poisoned byte, the object nearest that byte (on a tie, the
    /// one it runs past the end of: overflows are the common case).
    pub fn locate(prog: &Program, frames: &[Frame], b: &BadAccess) -> Option<Overflow> {
        let BadAccess::Redzone { start, len, poisoned, write } = *b else {
            return None;
        };
        let frame = frames.iter().rev().find(|f| f.fp <= poisoned)?;
        let objects = &prog.functions[frame.func as usize].objects;
        let at = poisoned - frame.fp;
        let (i, obj) = objects.iter().enumerate().min_by_key(|(_, o)| distance(o, at))?;
        let offset = start as i64 - (frame.fp + obj.off) as i64;
        Some(Overflow { func: frame.func, object: i as u32, offset, len, write })
    }

    /// "write of 4 bytes at offset 16 of local array `a` in `main` (16 bytes)".
    fn describe(&self, prog: &Program) -> String {
        let f = &prog.functions[self.func as usize];
        let o = &f.objects[self.object as usize];
        let (rw, len, off) = (if self.write { "write" } else { "read" }, self.len, self.offset);
        let bytes = if len == 1 { "byte" } else { "bytes" };
        format!("{rw} of {len} {bytes} at offset {off} of local {} `{}` in `{}` ({} bytes)", o.what, o.name, f.name, o.size)
    }
}

/// How far frame offset `at` lies from `o`, and whether before it (so
/// that, at equal distance, running past an end ranks first).
fn distance(o: &LocalObject, at: u32) -> (u32, bool) {
    if at < o.off {
        (o.off - at, true)
    } else {
        (at.saturating_sub(o.off + o.size), false)
    }
}

/// A process killed by a signal, or stopped at undefined behaviour, at
/// a place.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Fault {
    /// The signal; `None` when the process stopped at undefined
    /// behaviour ([`Cause::Undefined`]): no signal is claimed.
    pub signal: Option<Signal>,
    /// Why.
    pub cause: Cause,
    /// Where in the source.
    pub span: Span,
}

/// A process ended by a fault, described while its memory still
/// existed (an ended process drops its memory).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Faulted {
    /// Its pid.
    pub pid: i32,
    /// The fault.
    pub fault: Fault,
    /// One sentence naming the object, offset and size involved.
    pub what: String,
}

impl Fault {
    /// A process killed by `signal` for `cause`.
    pub fn signal(signal: Signal, cause: Cause, span: Span) -> Fault {
        Fault { signal: Some(signal), cause, span }
    }

    /// A process stopped at undefined behaviour.
    pub fn undefined(ub: Undefined, call: Option<&'static str>, span: Span) -> Fault {
        Fault { signal: None, cause: Cause::Undefined { ub, call }, span }
    }

    /// How the process ended, as `wait` and outcomes see it.
    pub fn status(&self) -> ExitStatus {
        match self.signal {
            Some(s) => ExitStatus::Signal(s.number()),
            None => ExitStatus::UndefinedBehaviour,
        }
    }

    /// One sentence describing the cause.
    pub fn describe(&self, prog: &Program, p: &Process) -> String {
        let mem = &p.mem;
        match &self.cause {
            Cause::Undefined { ub, call } => ub.describe(prog, p, *call),
            Cause::Memory(b) => match b {
                BadAccess::Null => "null pointer dereference".into(),
                BadAccess::Unmapped => "access through an invalid pointer (no object there)".into(),
                BadAccess::OutOfBounds { region, offset, size, .. } => {
                    format!("out-of-bounds access at offset {offset} of {}, which has {size} bytes", mem.describe(prog, *region))
                }
                BadAccess::UseAfterFree { region } => {
                    format!("use after free of {}", mem.describe(prog, *region))
                }
                BadAccess::ReadOnly { region } => format!("write to read-only memory ({})", mem.describe(prog, *region)),
                BadAccess::StackOverflow => "stack overflow (recursion too deep?)".into(),
                BadAccess::Redzone { start, len, write, .. } => {
                    let rw = if *write { "write" } else { "read" };
                    format!("stack buffer overflow: {rw} of {len} bytes at stack offset {start}, outside every local object")
                }
                BadAccess::PastObjectEnd { offset, size, .. } => {
                    format!("access at offset {offset} of a shared object of {size} bytes, past its last page (ftruncate it first)")
                }
            },
            Cause::DivideByZero => "integer division by zero".into(),
            Cause::DivideOverflow => "integer division overflow: the most negative value divided by -1 does not fit".into(),
            Cause::Abort => "abort() called".into(),
            Cause::Assertion => "assertion failed".into(),
            Cause::BadFormat(c) => format!("printf conversion `%{c}` is not supported"),
            Cause::NoLibm(f) => format!("`{f}` needs the host's glibc libm (libm.so.6), which could not be loaded"),
            Cause::BrokenPipe => "write to a pipe with no reader left (every read end is closed)".into(),
            Cause::BrokenConnection => "send on a socket whose connection is shut down, closed or reset".into(),
            Cause::BadCall { addr: 0 } => "call through a null function pointer".into(),
            Cause::BadCall { addr } => format!("call through a pointer that is no function's address ({addr:#x})"),
        }
    }
}
