//! How a process dies: the signal Linux would deliver and why, with the
//! place in the program.

use super::memory::BadAccess;
use super::process::Frame;
use crate::ir::{LocalObject, Program};
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
    /// A bad memory access.
    Memory(BadAccess),
    /// An access out of the bounds of a local array or struct.
    StackBufferOverflow(Overflow),
    /// Integer division by zero (or `INT_MIN / -1`).
    DivideByZero,
    /// `abort()` was called.
    Abort,
    /// `assert` failed (glibc's message already written to stderr).
    Assertion,
    /// `free` of something `malloc` did not return.
    BadFree,
    /// `free` of a block already freed.
    DoubleFree,
    /// A `printf` conversion ipcsim does not support (`%n`, `%f`).
    BadFormat(char),
    /// A write to a pipe whose read ends are all closed.
    BrokenPipe,
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

/// A process killed by a signal, at a place.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Fault {
    /// The signal.
    pub signal: Signal,
    /// Why.
    pub cause: Cause,
    /// Where in the source.
    pub span: Span,
}

impl Fault {
    /// One sentence describing the cause.
    pub fn describe(&self, prog: &Program, mem: &super::memory::Memory) -> String {
        match &self.cause {
            Cause::Memory(b) => match b {
                BadAccess::Null => "null pointer dereference".into(),
                BadAccess::Unmapped => "access through an invalid pointer (no object there)".into(),
                BadAccess::OutOfBounds { region, offset, size } => {
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
            Cause::StackBufferOverflow(o) => format!("stack buffer overflow: {}", o.describe(prog)),
            Cause::DivideByZero => "integer division by zero".into(),
            Cause::Abort => "abort() called".into(),
            Cause::Assertion => "assertion failed".into(),
            Cause::BadFree => "free() of a pointer malloc did not return".into(),
            Cause::DoubleFree => "double free".into(),
            Cause::BadFormat(c) => format!("printf conversion `%{c}` is not supported"),
            Cause::BrokenPipe => "write to a pipe with no reader left (every read end is closed)".into(),
        }
    }
}
