//! How a process dies: the signal Linux would deliver and why, with the
//! place in the program.

use super::memory::BadAccess;
use crate::ir::Program;
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
                BadAccess::PastObjectEnd { offset, size, .. } => {
                    format!("access at offset {offset} of a shared object of {size} bytes, past its last page (ftruncate it first)")
                }
            },
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
