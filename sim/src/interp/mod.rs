//! The interpreter: runs one process's IR until its next visible
//! operation (DESIGN.md's seam). It knows nothing about kernels: it
//! stops with an [`Event`] (a system call, an exit, a fault) and is
//! resumed with the call's result.

pub mod arith;
pub mod fault;
pub mod libc;
pub mod memory;
mod process;
mod run;

pub use fault::{Fault, Signal};
pub use process::{Frame, Process, StdoutMode};

/// Where a `write` takes its bytes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WriteSrc {
    /// The program's memory.
    Mem(u64),
    /// The front of the process's stdio output queue.
    Stdio,
}

/// A system call the process asks the kernel to perform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Syscall {
    /// `write(fd, buf, len)`.
    Write {
        /// Descriptor.
        fd: i32,
        /// Bytes.
        src: WriteSrc,
        /// Length.
        len: u64,
    },
    /// `read(fd, buf, len)`.
    Read {
        /// Descriptor.
        fd: i32,
        /// Destination address.
        addr: u64,
        /// Capacity.
        len: u64,
    },
    /// `getpid()`.
    Getpid,
    /// `getppid()`.
    Getppid,
}

/// Why a process stopped running.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// It needs the kernel.
    Syscall(Syscall),
    /// It exited with this status (stdio already flushed as it should be).
    Exit(i32),
    /// It was killed by a signal.
    Killed(Fault),
    /// It ran `fuel` loop iterations and calls without a visible
    /// operation: an endless private loop.
    OutOfFuel,
}

/// Options that change how a process runs.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ProcessOptions {
    /// Buffering of stdout (glibc: line on a terminal, full on a pipe).
    pub stdout: StdoutMode,
    /// `argv` (the first is the program name).
    pub argv: Vec<String>,
}
