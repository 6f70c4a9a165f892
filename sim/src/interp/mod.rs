//! The interpreter: runs one process's IR until its next visible
//! operation (DESIGN.md's seam). It knows nothing about kernels: it
//! stops with an [`Event`] (a system call, an exit, a fault) and is
//! resumed with the call's result.

pub mod fault;
mod handler;
pub mod jump;
pub mod libc;
pub mod mapping;
pub mod memory;
mod process;
mod run;
pub mod spin;

pub use fault::{Fault, Signal};
pub use handler::HandlerFrame;
pub use process::{After, Frame, Process, StdoutMode};

pub use memory::{NoShared, Shared};

use crate::abi::call::Call;
use crate::ir::MemTy;
pub use libc::LibFn;

/// What a shared-memory access does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AccessKind {
    /// A load of this width.
    Load(MemTy),
    /// A store of this width.
    Store(MemTy),
    /// A struct copy of n bytes.
    Copy(u32),
    /// A library routine reading or writing shared bytes (`memcpy`,
    /// `strcpy`, `printf("%s")`): one step for its whole range.
    Lib(LibFn),
    /// An atomic operation (`atomic_fetch_add`, `__sync_*`, ...).
    Atomic(crate::ir::atomic::Atomic),
}

impl AccessKind {
    /// Whether it is a store a store buffer may hold (a plain store, or
    /// an atomic one weaker than `seq_cst`): under x86-TSO no visible
    /// operation while the buffer has room.
    pub fn is_buffered_store(self) -> bool {
        match self {
            AccessKind::Store(_) => true,
            AccessKind::Atomic(at) => at.op == crate::ir::atomic::AtomicOp::Store && !at.locked(),
            _ => false,
        }
    }
}

/// A pending access to shared memory: the visible operation the process
/// will perform when scheduled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Access {
    /// What.
    pub kind: AccessKind,
    /// Backing object of the (first) shared address.
    pub obj: u32,
    /// Offset in the object.
    pub off: u64,
    /// The C expression making the access (its span in the source).
    pub expr: Option<crate::source::Span>,
}

/// A shared access as performed: what was read or written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Performed {
    /// The access.
    pub access: Access,
    /// The value loaded or stored (scalar accesses; the old value of a
    /// read-modify-write).
    pub value: u64,
}

/// Why a process stopped running.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// It needs the kernel.
    Syscall(Call),
    /// It is about to access shared memory (re-run with a grant).
    Access(Access),
    /// It exited with this status (stdio already flushed as it should be).
    Exit(i32),
    /// It was killed by a signal.
    Killed(Fault),
    /// It ran its fuel of loop iterations and calls without a visible
    /// operation: an endless private loop.
    OutOfFuel,
    /// A signal handler returned: the kernel restores the signal mask
    /// and what the handler interrupted ([`Process::leave_handler`]).
    SigReturn,
}

/// What one call of [`Process::run`] may use and reports back.
pub struct RunCtx<'a> {
    /// The bytes of shared objects.
    pub shared: &'a mut dyn Shared,
    /// Loop iterations and calls allowed before `OutOfFuel`.
    pub fuel: u64,
    /// IR instructions executed (accumulates).
    pub instructions: u64,
    /// Whether the pending shared access may be performed now (one shot).
    pub granted: bool,
    /// The shared access performed under the grant, if any.
    pub performed: Option<Performed>,
    /// Shared accesses after the granted one that may be performed
    /// without stopping (counts down). The simulator gives none: every
    /// access is a step. The real backend gives many, so the hardware
    /// orders them as it orders the native binary's, with no stop in
    /// between wider than its store buffer's window.
    pub through: u32,
}

/// Options that change how a process runs.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ProcessOptions {
    /// Buffering of stdout (glibc: line on a terminal, full on a pipe).
    pub stdout: StdoutMode,
    /// `argv` (the first is the program name).
    pub argv: Vec<String>,
    /// The environment, `NAME=VALUE` strings in order.
    pub env: Vec<String>,
}
