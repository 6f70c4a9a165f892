//! Trace events as data: what happened at one step, with every value a
//! rendering needs copied in, so the text form, JSON lines and snapshots
//! never read the machine.

use crate::abi::call::Call;
use crate::ir::{LibFn, MemTy};
use crate::source::Span;
use serde::Serialize;

/// One step of a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Step number (1-based).
    pub step: u64,
    /// Virtual time, ns.
    pub time: u64,
    /// Who.
    pub pid: i32,
    /// The source of the operation.
    pub span: Span,
    /// What happened.
    pub what: What,
    /// The virtual time since which the process had waited for this
    /// step, when that is earlier than the step's own time.
    pub blocked_since: Option<u64>,
    /// The fault injected at this step (`--crash`, `--net-faults`).
    pub injected: Option<crate::abi::injected::Fault>,
}

/// A location in a shared object, and the C expression that reached it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Loc {
    /// Shared object number.
    pub obj: u32,
    /// Byte offset in the object.
    pub off: u64,
    /// The C expression (`s->in`, `buffer[2]`) whose access this is.
    #[serde(skip)]
    pub expr: Option<Span>,
}

/// Values a system call produced or consumed that its arguments alone do
/// not show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Data {
    /// Nothing more.
    None,
    /// The bytes written or read.
    Bytes(Vec<u8>),
    /// The two descriptors `pipe` made.
    Fds(i32, i32),
    /// The status word `wait` stored.
    Status(i32),
    /// The name a `shm_open`/`shm_unlink` passed.
    Name(Vec<u8>),
    /// What `mmap` (or `sem_open`) mapped: a shared object, or private
    /// memory.
    Mapping(Option<u32>),
    /// A `struct flock`: the lock a `F_SETLK`/`F_SETLKW` asked for, or
    /// what `F_GETLK` answered.
    Lock(crate::abi::lock::Flock),
    /// The semaphore a call worked on: where (object and offset, if in
    /// shared memory) and its value after the call.
    Sem {
        /// Shared object and offset of the `sem_t`.
        at: Option<(u32, u64)>,
        /// The value after the call.
        value: Option<u32>,
    },
}

/// A buffered store a load overtook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Passed {
    /// Where it will go.
    pub at: Loc,
    /// Width and signedness.
    pub ty: MemTy,
    /// The value.
    pub value: u64,
}

/// What one step did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum What {
    /// A system call and its result (`None`: not finished at this step,
    /// e.g. a big pipe write that goes on at the next).
    Call {
        /// The call with its arguments.
        call: Call,
        /// The result; negative: `-errno`.
        ret: Option<i64>,
        /// More values for the rendering.
        data: Data,
    },
    /// A load from shared memory.
    Load {
        /// Where.
        at: Loc,
        /// Width and signedness.
        ty: MemTy,
        /// The value loaded.
        value: u64,
        /// The oldest store of the process to other bytes still in its
        /// store buffer, which the load overtook (`--memory tso`).
        passed: Option<Passed>,
        /// How many newer stores to the location the load did not see
        /// (`--memory arm`; 0: it read the newest).
        stale: u32,
    },
    /// A store put in the process's store buffer (`--memory tso`): not
    /// yet visible to any other process.
    Buffered {
        /// Where it will go.
        at: Loc,
        /// Width and signedness.
        ty: MemTy,
        /// The value.
        value: u64,
    },
    /// A buffered store reached shared memory.
    Flush {
        /// Where.
        at: Loc,
        /// Width and signedness.
        ty: MemTy,
        /// The value.
        value: u64,
    },
    /// An atomic operation on shared memory.
    Atomic {
        /// Where.
        at: Loc,
        /// What.
        atomic: crate::ir::atomic::Atomic,
        /// The value read (stored, for a store).
        value: u64,
    },
    /// A store to shared memory.
    Store {
        /// Where.
        at: Loc,
        /// Width and signedness.
        ty: MemTy,
        /// The value stored.
        value: u64,
    },
    /// A struct copy touching shared memory.
    Copy {
        /// Where.
        at: Loc,
        /// Bytes copied.
        len: u32,
    },
    /// A library routine (`memcpy`, `strcpy`, ...) on shared bytes.
    Lib {
        /// The routine.
        func: LibFn,
        /// The first shared address it touches.
        at: Loc,
    },
    /// The process was spin-parked on these locations.
    Parked {
        /// The locations whose change would wake it.
        on: Vec<Loc>,
    },
    /// A sleep ended at this virtual time.
    Sleep {
        /// The wake-up time, ns.
        until: u64,
    },
    /// `exit(code)`.
    Exit {
        /// The status as passed.
        code: i32,
    },
    /// The process starts waiting in a blocked call (with handlers
    /// installed, a signal from now on interrupts the call).
    Blocks {
        /// The call's name.
        call: &'static str,
    },
    /// A signal handler was entered.
    Handler {
        /// The signal.
        sig: i32,
        /// It interrupted a blocked call (which failed with `EINTR`).
        interrupted: bool,
    },
    /// Killed by a signal another process sent.
    Killed {
        /// The signal.
        sig: i32,
    },
    /// Ended by the fault its own code ran into: the signal Linux
    /// delivers, or `None` for undefined behaviour Linux may not trap.
    Fault {
        /// The signal.
        sig: Option<i32>,
    },
}
