//! The simulated kernel. Every live process sits at its next visible
//! operation ([`Pending`]); a step performs one of them and runs the
//! process's private code up to the next. Whether a process can take a
//! step is derived from its pending operation (a read on an empty pipe
//! cannot), so blocking needs no stored state that could drift.

mod calls;
mod fd;
mod fifo;
mod file;
pub mod footprint;
mod history;
mod inet;
pub mod inject;
mod lock;
mod message;
mod mq;
mod observe;
mod ops;
pub mod park;
mod poll;
mod process;
mod sem;
mod shm;
mod signal;
mod socket;
mod sockopt;
pub mod store_buffer;
mod sysv;
mod time;
pub mod weak;

pub use fd::{FileKind, OpenFile};
pub use history::{History, Named};
pub use inject::{CrashTarget, Fault, Faults};
pub use store_buffer::{Memory, MemoryModel, StoreBuffer};

use crate::abi::call::Call;
use crate::abi::{FIRST_PID, INIT_PID};
use crate::interp::{self, Access, AccessKind, Event, Process, ProcessOptions, RunCtx};
use crate::ipc::pipe::Pipe;
use crate::ipc::shm::{SharedStore, ShmNames};
use crate::ir::fingerprint::Memo;
use crate::ir::Program;
use crate::outcome::ExitStatus;
use crate::trace::{Loc, What};
use std::hash::{Hash, Hasher};

/// Limits on a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Limits {
    /// Loop iterations and calls a process may run between two visible
    /// operations before it is reported as an endless loop.
    pub fuel: u64,
    /// Visible operations in the whole run.
    pub max_steps: u64,
    /// IR instructions in the whole run (`None`: no such limit). Bounds
    /// what a run does between visible operations: a loop of `printf`
    /// runs four thousand calls between two writes.
    pub max_instructions: Option<u64>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { fuel: 1 << 25, max_steps: 1_000_000, max_instructions: None }
    }
}

/// How `sleep` behaves (DESIGN.md "Time").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeMode {
    /// A sleeper wakes exactly when its time comes; time advances only
    /// when every process waits (the timeline a machine would show).
    Strict,
    /// `sleep` is a lower bound: a sleeper may run at any step, so a race
    /// "fixed" by sleeping is still found.
    LowerBound,
}

/// Everything that changes how a run behaves (and so is bound into a
/// replay token).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Config {
    /// Budgets.
    pub limits: Limits,
    /// Sleep semantics.
    pub time: TimeMode,
    /// stdout buffering and argv.
    pub process: ProcessOptions,
    /// The bytes of standard input (`--stdin`; empty: `/dev/null`).
    pub stdin: Vec<u8>,
    /// Files the run's file system starts with: (path, bytes).
    pub files: Vec<(String, Vec<u8>)>,
    /// Faults the scheduler may inject (none by default).
    pub faults: Faults,
    /// The memory model of shared memory (`--memory`).
    pub memory: Memory,
}

/// The operation a process performs when next scheduled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pending {
    /// A system call.
    Call(Call),
    /// A shared-memory access.
    Access(Access),
    /// `sleep` (or `usleep`, `nanosleep`) until this virtual time (ns).
    Sleep(u64, crate::abi::call::SleepFn),
    /// `exit`/`_exit` with this status.
    Exit(i32),
    /// Exiting with this status: past its `exit` call (signals no longer
    /// reach it) but not yet a zombie (`wait` does not see it yet), as a
    /// Linux process in `exit_group` is for a while.
    Exiting(i32),
    /// Killed by the fault its private code ran into (or stopped at
    /// undefined behaviour), described in [`Pcb::fault`]: the death is a
    /// step of its own, so a search sees its effects (descriptors closed,
    /// a parent's `wait`) as one dependent step.
    Fault,
    /// Looping for good in private code (its fuel ran out): nothing to
    /// perform; only a signal moves it (a handler, then the loop goes on).
    Looping,
    /// Nothing: the process has ended.
    Done,
}

/// A descriptor-table entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Fd {
    /// Open file it refers to.
    pub file: u32,
    /// `FD_CLOEXEC`.
    pub cloexec: bool,
}

/// A location a parked process waits to see written.
pub use crate::interp::spin::Watch;

/// A process-table entry (the PCB).
#[derive(Debug, PartialEq, Eq)]
pub struct Pcb {
    /// Virtual pid.
    pub pid: i32,
    /// Parent's pid.
    pub ppid: i32,
    /// The interpreter state.
    pub proc: Process,
    /// Next visible operation.
    pub pending: Pending,
    /// Descriptor table.
    pub fds: Vec<Option<Fd>>,
    /// Signals set to `SIG_IGN` (bit n-1 for signal n, as the kernel's masks).
    pub ignored: u64,
    /// How it ended (a zombie until reaped).
    pub status: Option<ExitStatus>,
    /// Reaped by `wait` (or by init).
    pub reaped: bool,
    /// Spin-parked: waiting for one of these to be written.
    pub parked: Option<Vec<Watch>>,
    /// Shared loads since its last other visible operation (spin detection).
    pub spin: crate::interp::spin::Streak,
    /// The spin detector's cached hash of its regions.
    pub digest: park::RegionDigest,
    /// Bytes of a page-by-page pipe write done so far.
    pub io_done: usize,
    /// When the pending call's relative timeout (`poll`, `select`,
    /// `SO_RCVTIMEO`) runs out, on the virtual clock.
    pub timeout_at: Option<u64>,
    /// A signal sent to it that will kill it at its next step (delivery is
    /// asynchronous, as on Linux: `kill` returns before the target dies).
    pub dying: Option<i32>,
    /// The fault of a pending [`Pending::Fault`], described while the
    /// memory it names still exists.
    pub fault: Option<Box<crate::interp::fault::Faulted>>,
    /// Addresses `sem_open` returned (inherited by `fork`, as mappings
    /// are): `sem_close` accepts only these.
    pub named_sems: Vec<u64>,
    /// `link_capacity`: the buffering of the links it makes from now on.
    pub link_capacity: i32,
    /// `SEM_UNDO` adjustments: (set index, its sequence, semaphore,
    /// adjustment), applied when it ends.
    pub sem_undo: Vec<(usize, i32, u16, i32)>,
    /// Blocked on a System V queue or set that was removed: its call
    /// fails with `EIDRM`.
    pub idrm: bool,
    /// Asleep in a `sem_wait` that found a process-private semaphore
    /// (`sem_init` with `pshared` 0) at 0: glibc waits on a private
    /// futex, which another process's `sem_post` does not wake.
    pub asleep: bool,
    /// Stopped by this signal (`SIGSTOP`, or `SIGTSTP`, `SIGTTIN`,
    /// `SIGTTOU` not caught): it takes no step until a `SIGCONT`.
    pub stopped: Option<i32>,
    /// A stop or a continuation its parent's `waitpid` has not reported
    /// yet (`WUNTRACED`, `WCONTINUED`), as the wait status to report.
    pub job_news: Option<i32>,
    /// Waiting in `open` of a named pipe for the other side.
    pub fifo_wait: Option<fifo::FifoWait>,
    /// Waiting in `flock` or `fcntl(F_SETLKW)` for a lock: its call's
    /// first step found a conflict (and, for `F_SETLKW`, no deadlock).
    pub lock_wait: Option<lock::LockWait>,
    /// The file mode creation mask (`umask`), inherited by `fork`.
    pub umask: u32,
    /// The working directory, absolute, when `chdir` moved it (`None`:
    /// [`crate::ipc::sockname::CWD`]); inherited by `fork`, kept by `exec`.
    pub cwd: Option<Vec<u8>>,
    /// Process group (inherited by `fork`).
    pub pgid: i32,
    /// Session (inherited by `fork`).
    pub sid: i32,
    /// Has called `exec` since it was forked: its parent may no longer
    /// move it to another group.
    pub execd: bool,
    /// Handlers, blocked and pending signals, the alarm (none until used).
    pub signals: Option<Box<signal::Signals>>,
    /// Stores waiting to reach shared memory (`--memory tso`).
    pub buffer: StoreBuffer,
    /// What it has seen of shared memory (`--memory arm`).
    pub view: weak::ProcView,
    /// The fingerprint of `proc` once computed (0: not yet), so that a
    /// search hashes only the process that stepped. Only the process's
    /// own step changes its `proc` ([`Machine::step`] forgets it; a
    /// forked child starts without one).
    pub proc_fp: Memo,
}

crate::reuse::fieldwise_clone!(Pcb {
    pid,
    ppid,
    proc,
    pending,
    fds,
    ignored,
    status,
    reaped,
    parked,
    spin,
    digest,
    io_done,
    timeout_at,
    dying,
    fault,
    named_sems,
    link_capacity,
    sem_undo,
    idrm,
    asleep,
    stopped,
    job_news,
    fifo_wait,
    lock_wait,
    umask,
    cwd,
    pgid,
    sid,
    execd,
    signals,
    buffer,
    view,
    proc_fp
});

impl Pcb {
    /// The source location the process is at. Stopped in front of a
    /// shared access, it is at that access (its frame's pc is the op's
    /// own, not one past it, so the interpreter's answer, made for a
    /// process that has just run an op, would name the op before).
    pub fn span(&self, prog: &crate::ir::Program) -> crate::source::Span {
        match self.pending {
            Pending::Access(Access { expr: Some(at), .. }) => at,
            _ => self.proc.span(prog),
        }
    }

    /// The innermost place in the program's own code (see
    /// [`crate::interp::Process::user_span`]), with [`Pcb::span`]'s care
    /// for a process stopped in front of a shared access.
    pub fn user_span(&self, prog: &crate::ir::Program) -> Option<crate::source::Span> {
        match self.pending {
            Pending::Access(Access { expr: Some(at), .. }) if !prog.sources.is_library(at.file) => Some(at),
            _ => self.proc.user_span(prog),
        }
    }

    /// Forgets the cached fingerprints (tests check that a cached one is
    /// never stale).
    pub fn forget_fingerprints(&self) {
        self.proc_fp.forget();
        self.proc.mem.forget_fingerprints();
    }
}

impl Hash for Pcb {
    fn hash<H: Hasher>(&self, h: &mut H) {
        let Pcb {
            pid,
            ppid,
            proc: _,
            pending,
            fds,
            ignored,
            status,
            reaped,
            parked,
            spin,
            digest,
            io_done,
            timeout_at,
            dying,
            fault,
            named_sems,
            link_capacity,
            sem_undo,
            idrm,
            asleep,
            stopped,
            job_news,
            fifo_wait,
            lock_wait,
            umask,
            cwd,
            pgid,
            sid,
            execd,
            signals,
            buffer,
            view,
            proc_fp: _,
        } = self;
        h.write_u128(self.proc_fp.get(|| crate::ir::fingerprint::of(&self.proc)));
        (pid, ppid, pending, fds, ignored, status, reaped, parked, spin, digest, io_done, dying).hash(h);
        (fault, named_sems, link_capacity, sem_undo, idrm, fifo_wait, umask, pgid, sid, execd, signals, timeout_at).hash(h);
        cwd.hash(h);
        (asleep, stopped, job_news, lock_wait).hash(h);
        (buffer, view).hash(h);
    }
}

impl Pcb {
    /// Whether its ended children are reaped at once (`SIGCHLD` ignored,
    /// or `SA_NOCLDWAIT`): no zombies, and `wait` ends in `ECHILD`.
    pub fn leaves_no_zombies(&self) -> bool {
        self.ignores(crate::abi::signal::SIGCHLD) || self.signals.as_ref().is_some_and(|s| s.no_zombies())
    }

    /// Whether signal `sig` is set to `SIG_IGN`.
    pub fn ignores(&self, sig: i32) -> bool {
        self.ignored & signal::bit(sig) != 0
    }
}

/// The whole simulated machine: a value (`Clone + Eq + Hash`) holding
/// only what determines the future; what happened is in [`History`].
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Machine {
    /// Process table in pid order.
    pub procs: Vec<Box<Pcb>>,
    /// Open file descriptions.
    pub files: Vec<Option<OpenFile>>,
    /// Pipes.
    pub pipes: Vec<Pipe>,
    /// Named pipes (`mkfifo`), by the index their name holds.
    pub fifos: Vec<fifo::Fifo>,
    /// The `/dev/shm` namespace.
    pub shm: ShmNames,
    /// Message queues and their names.
    pub mq: crate::ipc::mq::Queues,
    /// Sockets and their names.
    pub socks: crate::ipc::socket::Sockets,
    /// Crashes injected so far.
    pub crashes: u32,
    /// The processes crashed by injection, and where (`file:line:col`,
    /// for the reports).
    pub crashed: Vec<(i32, String)>,
    /// Datagrams lost by injection: (receiving socket, bytes).
    pub lost: Vec<(u32, Vec<u8>)>,
    /// The network fault the step being taken suffers (between steps,
    /// always `None`).
    pub net_fault: Option<Fault>,
    /// Mailboxes and links of `ipcsim.h`.
    pub msg: crate::ipc::message::Messaging,
    /// System V segments, queues and semaphore sets.
    pub sysv: crate::ipc::sysv::Sysv,
    /// File locks: `flock`'s and POSIX record locks.
    pub locks: crate::ipc::lock::Locks,
    /// Bytes of shared objects.
    pub shared: SharedStore,
    /// The stores of each shared location a load may still read
    /// (`--memory arm`).
    pub hist: weak::Histories,
    /// The older store the step being taken reads (`--memory arm`; 0
    /// between steps).
    stale_pick: u32,
    /// The value the access the step grants reads, if not memory's (0
    /// between steps).
    read_as: Option<u64>,
    /// Virtual time in nanoseconds.
    pub clock: u64,
    /// Next pid to give out.
    pub next_pid: i32,
    /// A process was reaped during the current step (always false
    /// between steps, when the table is compacted).
    reaped_now: bool,
    /// Private memory the live processes hold, against
    /// [`MAX_MEMORY`](crate::abi::limits::MAX_MEMORY) (see
    /// [`Memory::committed`](crate::interp::memory::Memory::committed)).
    pub committed: u64,
    /// Entries of processes that left the table, kept so that a fork
    /// (or the next run of a search) reuses their buffers.
    retired: crate::reuse::Pool<Box<Pcb>>,
}

crate::reuse::fieldwise_clone!(Machine {
    procs,
    files,
    pipes,
    fifos,
    shm,
    mq,
    socks,
    crashes,
    crashed,
    lost,
    net_fault,
    msg,
    sysv,
    locks,
    shared,
    hist,
    stale_pick,
    read_as,
    clock,
    next_pid,
    reaped_now,
    committed,
    retired
});

/// What the interpreter sees of the kernel's memory while a process
/// runs: the shared objects' bytes, and the run's one memory budget.
struct KernelMemory<'a> {
    store: &'a mut SharedStore,
    committed: &'a mut u64,
    /// The running process's store buffer and its bound (`None`: `sc`).
    buffer: Option<(&'a mut StoreBuffer, u32)>,
    /// What the granted load reads, if not memory's (`--memory arm`: an
    /// older store). The only shared load of the run it is granted for.
    read_as: Option<u64>,
    /// Fences are steps (`--memory arm`).
    fences: bool,
}

impl interp::Shared for KernelMemory<'_> {
    fn bytes(&self, obj: u32) -> &[u8] {
        self.store.bytes(obj)
    }
    fn bytes_mut(&mut self, obj: u32) -> &mut [u8] {
        self.store.bytes_mut(obj)
    }
    fn size(&self, obj: u32) -> u64 {
        self.store.size(obj)
    }
    fn load(&self, obj: u32, off: usize, width: usize) -> u64 {
        if let Some(v) = self.read_as {
            return v;
        }
        let memory = self.store.load(obj, off, width);
        match &self.buffer {
            Some((b, _)) if !b.is_empty() => b.forward(obj, off as u64, width, memory),
            _ => memory,
        }
    }
    fn store(&mut self, obj: u32, off: usize, width: usize, v: u64) {
        self.store.store(obj, off, width, v)
    }
    fn reserve(&mut self, n: u64) -> bool {
        reserve(self.committed, self.store.held(), n)
    }
    fn release(&mut self, n: u64) {
        *self.committed = self.committed.saturating_sub(n);
    }
    fn buffers_stores(&self) -> bool {
        self.buffer.as_ref().is_some_and(|(b, bound)| b.len() < *bound as usize)
    }
    fn buffer_store(&mut self, obj: u32, off: usize, ty: crate::ir::MemTy, v: u64, expr: Option<crate::source::Span>, atomic: bool) {
        let b = store_buffer::Buffered { obj, off: off as u64, ty, value: v, expr, atomic };
        match &mut self.buffer {
            Some((buf, _)) => buf.push(b),
            None => self.store.store(obj, off, ty.width() as usize, v),
        }
    }
    fn fence(&mut self, order: crate::ir::atomic::Order) -> bool {
        use crate::ir::atomic::Order;
        match order {
            Order::Relaxed => false,
            Order::SeqCst if self.buffer.as_ref().is_some_and(|(b, _)| !b.is_empty()) => true,
            _ => self.fences,
        }
    }
}

/// Commits `n` bytes of private memory, if they fit the run's budget
/// beside what is committed and what the shared objects hold.
fn reserve(committed: &mut u64, shared: u64, n: u64) -> bool {
    let ok = fits(*committed, shared, n);
    if ok {
        *committed += n;
    }
    ok
}

/// Whether `more` bytes fit the run's budget beside what is committed
/// and what the shared objects hold.
fn fits(committed: u64, shared: u64, more: u64) -> bool {
    committed.checked_add(shared).and_then(|t| t.checked_add(more)).is_some_and(|t| t <= crate::abi::limits::MAX_MEMORY)
}

/// Per-step context: the program, the configuration, and the run's
/// history, where steps, edges, outcome and trace events go.
pub struct StepCtx<'a> {
    /// The program.
    pub prog: &'a Program,
    /// The run's configuration.
    pub config: &'a Config,
    /// What happened so far.
    pub history: &'a mut History,
    /// IR instructions executed (accumulates).
    pub instructions: u64,
}

impl StepCtx<'_> {
    /// Whether trace events are wanted.
    pub fn tracing(&self) -> bool {
        self.history.trace.is_some()
    }
}

impl Machine {
    /// A machine whose first process has run to its first visible operation.
    pub fn new(cx: &mut StepCtx) -> Machine {
        let mut m = Machine {
            procs: Vec::new(),
            files: Vec::new(),
            pipes: Vec::new(),
            fifos: Vec::new(),
            shm: ShmNames::default(),
            mq: Default::default(),
            socks: Default::default(),
            crashes: 0,
            crashed: Vec::new(),
            lost: Vec::new(),
            net_fault: None,
            msg: Default::default(),
            sysv: Default::default(),
            locks: Default::default(),
            shared: SharedStore::default(),
            clock: 0,
            next_pid: FIRST_PID + 1,
            committed: 0,
            retired: Default::default(),
            reaped_now: false,
            hist: Default::default(),
            stale_pick: 0,
            read_as: None,
        };
        let stdio = [FileKind::Stdin, FileKind::Out(1), FileKind::Out(2)];
        let fds =
            stdio.iter().map(|k| Some(Fd { file: m.open_file(*k, if *k == FileKind::Stdin { 0 } else { 1 }), cloexec: false })).collect();
        m.procs.push(Box::new(Pcb {
            pid: FIRST_PID,
            ppid: INIT_PID,
            proc: Process::new(cx.prog, &cx.config.process),
            pending: Pending::Done,
            fds,
            ignored: 0,
            status: None,
            reaped: false,
            parked: None,
            spin: Default::default(),
            digest: Default::default(),
            proc_fp: Default::default(),
            io_done: 0,
            timeout_at: None,
            dying: None,
            fault: None,
            named_sems: Vec::new(),
            link_capacity: 0,
            sem_undo: Vec::new(),
            idrm: false,
            asleep: false,
            stopped: None,
            job_news: None,
            fifo_wait: None,
            lock_wait: None,
            umask: 0o022,
            cwd: None,
            // The first process leads its group (as a native run under a
            // test harness does) but not its session.
            pgid: FIRST_PID,
            sid: crate::abi::groups::OUTER_SESSION,
            execd: false,
            signals: None,
            buffer: StoreBuffer::default(),
            view: Default::default(),
        }));
        // Static storage is bounded by the front-end, far below the budget.
        m.committed = m.procs[0].proc.mem.committed();
        for (path, bytes) in &cx.config.files {
            m.seed_file(path.as_bytes(), bytes);
        }
        m.advance(0, false, cx);
        m
    }

    /// Commits `n` bytes of the run's memory budget, if they fit
    /// (`fork`, a private mapping, bytes waiting in a kernel buffer).
    pub fn reserve(&mut self, n: u64) -> bool {
        reserve(&mut self.committed, self.shared.held(), n)
    }

    /// Gives back `n` bytes of the budget (a kernel buffer emptied).
    pub(super) fn release(&mut self, n: u64) {
        self.committed = self.committed.saturating_sub(n);
    }

    /// Whether shared object `obj` may grow to `size` bytes within the
    /// run's memory budget.
    pub(super) fn may_grow(&self, obj: u32, size: u64) -> bool {
        fits(self.committed, self.shared.held(), self.shared.growth(obj, size))
    }

    /// Whether a new shared object of `size` bytes fits the budget.
    pub(super) fn may_create(&self, size: u64) -> bool {
        fits(self.committed, self.shared.held(), crate::ipc::shm::pages(size))
    }

    /// Drops the bytes of shared objects nothing refers to any more: no
    /// name in `/dev/shm`, no open descriptor, no mapping in a live
    /// process (after `munmap`, `close`, an unlink, an exit).
    pub(super) fn collect_shared(&mut self) {
        self.collect_segments();
        let mut used = self.named_or_open(self.shared.count(), self.shm.names.values(), |k| match k {
            FileKind::Shm(obj) => Some(obj),
            _ => None,
        });
        // A regular file keeps its bytes while it has a name.
        for &obj in self.socks.names.files.values() {
            if let Some(u) = used.get_mut(obj as usize) {
                *u = true;
            }
        }
        // A System V segment keeps its bytes until removed and detached.
        for s in self.sysv.shm.slots.iter().flatten() {
            if let Some(u) = used.get_mut(s.obj.obj as usize) {
                *u = true;
            }
        }
        for p in self.procs.iter().filter(|p| p.status.is_none()) {
            for r in p.proc.mem.regions() {
                if let interp::memory::RegionKind::Shared { obj, .. } = r.kind {
                    used[obj as usize] = true;
                }
            }
        }
        for (obj, used) in used.into_iter().enumerate() {
            if !used && !self.shared.object(obj as u32).is_empty() {
                self.shared.free(obj as u32);
            }
        }
    }

    /// Which of `n` objects a name or an open file refers to (`which`
    /// says what object a kind of file is): the start of every object's
    /// collection.
    pub(super) fn named_or_open<'a>(
        &self,
        n: usize,
        names: impl Iterator<Item = &'a u32>,
        which: fn(FileKind) -> Option<u32>,
    ) -> Vec<bool> {
        let mut used = vec![false; n];
        for &o in names {
            used[o as usize] = true;
        }
        for o in self.files.iter().flatten().filter_map(|f| which(f.kind)) {
            used[o as usize] = true;
        }
        used
    }

    /// Bytes the pipes' pages hold (a search keeps a copy per state on
    /// its path, so it counts them against its memory budget).
    pub fn pipe_bytes(&self) -> u64 {
        self.pipes.iter().flat_map(|p| &p.slots).map(|s| s.data.len() as u64).sum()
    }

    /// Index of a pid in the table.
    pub fn index(&self, pid: i32) -> Option<usize> {
        self.procs.binary_search_by_key(&pid, |p| p.pid).ok()
    }

    /// The processes that can take a step, in pid order.
    pub fn ready(&self, config: &Config, out: &mut Vec<usize>) {
        out.clear();
        for i in 0..self.procs.len() {
            if self.is_ready(i, config) {
                out.push(i);
            }
        }
        if config.memory.buffers() {
            self.flush_moves(out);
        }
        if config.memory.weak() {
            self.stale_moves(config, out);
        }
        if config.faults.any() {
            self.fault_moves(config, out);
        }
    }

    /// (Inlined into [`Machine::ready`], with the usual answers first:
    /// it runs for every process at every turn of every run.)
    #[inline]
    fn is_ready(&self, i: usize, config: &Config) -> bool {
        let p = &self.procs[i];
        if p.status.is_some() {
            return false;
        }
        // A dying process takes its death as its step, stopped or not.
        if p.dying.is_some() {
            return true;
        }
        if p.stopped.is_some() {
            return false;
        }
        if p.signals.is_some() && (self.deliverable(i).is_some() || self.alarm_due(i, config.time) || self.enters_wait(i, config.time)) {
            return true;
        }
        self.runs_on(i, config.time)
    }

    /// Whether process `i`'s pending operation can be performed now.
    #[inline]
    pub(super) fn runs_on(&self, i: usize, time: TimeMode) -> bool {
        let p = &self.procs[i];
        if p.parked.is_some() {
            return false;
        }
        match &p.pending {
            Pending::Access(_) | Pending::Exit(_) | Pending::Exiting(_) | Pending::Fault => true,
            Pending::Looping | Pending::Done => false,
            Pending::Sleep(until, _) => time == TimeMode::LowerBound || self.clock >= *until,
            Pending::Call(call) => self.call_proceeds(i, call, time),
        }
    }

    /// [`Machine::runs_on`] for a call: whether the object lets it proceed
    /// or its time has come (out of line: the rarer, larger case).
    #[inline(never)]
    fn call_proceeds(&self, i: usize, call: &Call, time: TimeMode) -> bool {
        self.call_ready(i, call) || self.timed_out(call, time) || self.waited_out(i, time)
    }

    /// A timed call whose deadline has come: in lower-bound time at any
    /// step (as a sleep may end at any step), in strict time once the
    /// clock reaches it.
    fn timed_out(&self, call: &Call, time: TimeMode) -> bool {
        call.deadline().is_some_and(|d| time == TimeMode::LowerBound || self.realtime() >= d)
    }

    /// A call with a relative timeout (`poll`, `select`, a socket's
    /// `SO_RCVTIMEO`) whose time has come: in lower-bound time at any
    /// step, in strict time once the clock reaches it.
    pub(super) fn waited_out(&self, i: usize, time: TimeMode) -> bool {
        self.procs[i].timeout_at.is_some_and(|t| time == TimeMode::LowerBound || self.clock >= t)
    }

    /// `CLOCK_REALTIME` now, in ns.
    pub(crate) fn realtime(&self) -> u64 {
        (crate::abi::EPOCH_SECS * 1_000_000_000).saturating_add(self.clock)
    }

    /// Performs process `i`'s pending operation and runs it to the next.
    pub fn step(&mut self, i: usize, cx: &mut StepCtx) {
        self.procs[i].proc_fp.forget();
        cx.history.steps += 1;
        let pid = self.procs[i].pid;
        cx.history.stepping(pid);
        if let Some(a) = self.plain_access(i, cx) {
            // Most steps of most runs: nothing else to take first, to
            // drain or to trace.
            self.step_plain(i, a, cx);
            return;
        }
        // Where the operation is, and since when it waits: read before it
        // is performed, and only for the trace.
        let (span, since) = if cx.tracing() { (self.procs[i].span(cx.prog), cx.history.since(i)) } else { (Default::default(), 0) };
        let mut rang = false;
        if self.procs[i].signals.is_some() && self.alarm_due(i, cx.config.time) {
            self.ring_alarm(i);
            rang = true;
        }
        if !self.procs[i].buffer.is_empty() && !self.keeps_buffer(i, rang) {
            self.drain(i, cx);
        }
        if cx.config.memory.weak() {
            self.weak_step(i, rang);
        }
        let blocked = |m: &Machine| m.procs[i].dying.is_none() && m.deliverable(i).is_none() && !m.runs_on(i, cx.config.time);
        let what = if rang && blocked(self) {
            // The alarm went off and did nothing (SIGALRM ignored or
            // blocked): the process goes on waiting.
            None
        } else if let Some(sig) = self.procs[i].dying.take() {
            self.terminate(i, ExitStatus::Signal(sig), cx);
            cx.tracing().then_some(What::Killed { sig })
        } else if let Some(sig) = self.deliverable(i) {
            self.procs[i].parked = None;
            self.take_signal(i, sig, cx)
        } else if self.procs[i].signals.is_some() && self.enters_wait(i, cx.config.time) {
            self.enter_wait(i, cx)
        } else {
            match self.procs[i].pending {
                Pending::Access(a) => self.step_access(i, a, cx),
                Pending::Call(call) => self.step_call(i, call, cx),
                Pending::Sleep(until, _) => {
                    self.clock = self.clock.max(until);
                    self.procs[i].spin.clear();
                    self.procs[i].proc.resume(0);
                    self.advance(i, false, cx);
                    cx.tracing().then_some(What::Sleep { until })
                }
                Pending::Exit(code) => {
                    self.procs[i].pending = Pending::Exiting(code);
                    // The exit a `wait` is ordered after is this step, the
                    // one the trace shows (the end has no event).
                    cx.history.ended(pid);
                    cx.tracing().then_some(What::Exit { code })
                }
                Pending::Exiting(code) => {
                    self.terminate(i, ExitStatus::Code(code & 0xff), cx);
                    None
                }
                Pending::Fault => {
                    let f = self.procs[i].fault.take().expect("a pending fault is described");
                    let (status, sig) = (f.fault.status(), f.fault.signal.map(|s| s.number()));
                    cx.history.faults.push(*f);
                    self.terminate(i, status, cx);
                    cx.tracing().then_some(What::Fault { sig })
                }
                Pending::Looping | Pending::Done => None,
            }
        };
        if let Some(what) = what {
            let waited = since < self.clock && !matches!(what, What::Sleep { .. } | What::Killed { .. } | What::Fault { .. });
            let blocked_since = (waited && !matches!(self.procs[i].pending, Pending::Sleep(..))).then_some(since);
            let injected = cx.history.injecting;
            let event = crate::trace::Event { step: cx.history.steps, time: self.clock, pid, span, what, blocked_since, injected };
            if let Some(t) = cx.history.trace.as_mut() {
                t.push(event);
            }
        }
        if !cx.history.buffered.is_empty() {
            self.trace_buffered(cx);
        }
        if self.reaped_now {
            self.forget_reaped(cx);
        }
    }

    /// Process `i`'s pending shared access, if its step is only that:
    /// an untraced run under sequential consistency, with no signal, no
    /// death and no buffered store to see to first.
    #[inline]
    fn plain_access(&self, i: usize, cx: &StepCtx) -> Option<Access> {
        let p = &self.procs[i];
        match p.pending {
            Pending::Access(a)
                if p.signals.is_none()
                    && p.dying.is_none()
                    && p.buffer.is_empty()
                    && cx.config.memory.sc()
                    && !cx.tracing()
                    && cx.history.races.is_none() =>
            {
                Some(a)
            }
            _ => None,
        }
    }

    /// [`Machine::step_access`] of a plain load or store
    /// ([`Machine::plain_access`]): under sequential consistency, with no
    /// trace and no race detector, a load is its spin check and the
    /// access, a store the access and the wake-up of what spins on it.
    fn step_plain(&mut self, i: usize, a: Access, cx: &mut StepCtx) {
        match a.kind {
            AccessKind::Load(m) => {
                let pcb = &mut *self.procs[i];
                let fp = park::fingerprint(&pcb.proc, &mut pcb.digest);
                let watch = Watch { obj: a.obj, off: a.off, width: m.width() };
                if let Some(on) = park::spinning(&pcb.spin, fp, &self.shared) {
                    pcb.parked = Some(on);
                    return;
                }
                pcb.spin.push(fp, watch, park::peek(&self.shared, &watch), a.expr);
                self.advance(i, true, cx);
                cx.history.shm_loaded(a.obj, a.off, m.width() as u64);
            }
            AccessKind::Store(m) => {
                self.procs[i].spin.clear();
                self.advance(i, true, cx);
                cx.history.shm_stored(a.obj, a.off, m.width() as u64);
                self.unpark(a.obj, a.off, m.width() as u64);
            }
            _ => {
                self.step_access(i, a, cx);
            }
        }
    }

    /// Whether a load of `[off, off + width)` of `obj` by process `i`, or
    /// a load of its spin so far, reads bytes its store buffer holds.
    fn reads_own_buffer(&self, i: usize, obj: u32, off: u64, width: u64) -> bool {
        let p = &self.procs[i];
        let held = |o: u32, at: u64, w: u64| p.buffer.entries().any(|b| b.overlaps(o, at, w));
        !p.buffer.is_empty() && (held(obj, off, width) || p.spin.watches().any(|w| held(w.obj, w.off, w.width as u64)))
    }

    /// Whether process `i`'s step leaves its store buffer as it is: a load
    /// or a store into the buffer, with no signal to take first.
    fn keeps_buffer(&self, i: usize, rang: bool) -> bool {
        let p = &self.procs[i];
        let memory_op = matches!(p.pending, Pending::Access(a) if store_buffer::passes_buffer(a.kind));
        memory_op && !rang && p.dying.is_none() && (p.signals.is_none() || self.deliverable(i).is_none())
    }

    /// Drops the reaped processes from the table (their pids are never
    /// given out again): the table holds only processes that exist, so a
    /// step costs the same after a million forks as after one, and two
    /// runs that reaped different children can reach equal states.
    fn forget_reaped(&mut self, cx: &mut StepCtx) {
        let mut kept = 0;
        for k in 0..self.procs.len() {
            if !self.procs[k].reaped {
                cx.history.moved(k, kept);
                kept += 1;
            }
        }
        let mut k = 0;
        while k < self.procs.len() {
            if self.procs[k].reaped {
                let p = self.procs.remove(k);
                self.retire(p);
            } else {
                k += 1;
            }
        }
        self.reaped_now = false;
    }

    /// Keeps a process entry that left the table for reuse.
    fn retire(&mut self, mut p: Box<Pcb>) {
        p.proc.mem.let_go();
        self.retired.put(p);
    }

    /// A copy of process `i`'s entry, in a retired entry's buffers if
    /// one is kept (a fork).
    pub(super) fn copy_of(&mut self, i: usize) -> Box<Pcb> {
        match self.retired.take() {
            Some(mut p) => {
                p.clone_from(&self.procs[i]);
                p
            }
            None => self.procs[i].clone(),
        }
    }

    /// Makes this machine equal to `start` (the next run of a search
    /// begins where every run does), reusing its buffers: its process
    /// entries are matched to the start's, the rest kept for forks.
    pub fn reset_from(&mut self, start: &Machine) {
        while self.procs.len() > start.procs.len() {
            let p = self.procs.pop().expect("longer than the start's");
            self.retire(p);
        }
        while self.procs.len() < start.procs.len() {
            match self.retired.take() {
                Some(p) => self.procs.push(p),
                None => break,
            }
        }
        self.clone_from(start);
    }

    /// Marks process `j` reaped: it leaves the table at the step's end.
    pub(super) fn reap(&mut self, j: usize) {
        self.procs[j].reaped = true;
        self.reaped_now = true;
    }

    fn step_access(&mut self, i: usize, a: Access, cx: &mut StepCtx) -> Option<What> {
        let at = Loc { obj: a.obj, off: a.off, expr: a.expr };
        if cx.config.memory.buffers() && a.kind.is_buffered_store() {
            // A store into a full buffer: the oldest entry goes to memory
            // first; the store's event is its buffering.
            self.flush(i, cx);
            self.procs[i].spin.clear();
            self.advance(i, true, cx);
            return None;
        }
        let loaded = match a.kind {
            AccessKind::Load(m) => Some(m),
            AccessKind::Atomic(at) if at.op == crate::ir::atomic::AtomicOp::Load => Some(at.ty),
            _ => None,
        };
        let (read_as, stale, old) = if cx.config.memory.weak() { self.weak_before(i, &a) } else { (None, 0, None) };
        self.read_as = read_as;
        // A process reading its own buffered stores sees memory through
        // them: it is not parked on memory's values until they drain (its
        // flushes are moves of their own); nor is one reading an older
        // store than memory's.
        if let Some(m) = loaded.filter(|m| stale == 0 && !self.reads_own_buffer(i, a.obj, a.off, m.width() as u64)) {
            let pcb = &mut self.procs[i];
            let fp = park::fingerprint(&pcb.proc, &mut pcb.digest);
            let watch = Watch { obj: a.obj, off: a.off, width: m.width() };
            let value = park::peek(&self.shared, &watch);
            if let Some(watch) = park::spinning(&self.procs[i].spin, fp, &self.shared) {
                let on = cx.tracing().then(|| park::locs(&watch, &self.procs[i].spin));
                self.procs[i].parked = Some(watch);
                return on.map(|on| What::Parked { on });
            }
            self.procs[i].spin.push(fp, watch, value, a.expr);
        } else {
            self.procs[i].spin.clear();
        }
        let passed = loaded.and_then(|m| self.procs[i].buffer.overtaken(a.obj, a.off, m.width() as u64).copied());
        // The statement, for a race report (read before the process
        // moves on).
        let span = if cx.history.races.is_some() { self.procs[i].span(cx.prog) } else { Default::default() };
        let performed = self.advance(i, true, cx);
        if let Some(old) = old {
            self.weak_stored(i, &a, old, cx.config.memory.bound);
        }
        if let Some(r) = &mut cx.history.races {
            match a.kind {
                AccessKind::Load(m) => r.access(a.obj, a.off, m.width() as u64, false, span, a.expr),
                AccessKind::Store(m) => r.access(a.obj, a.off, m.width() as u64, true, span, a.expr),
                // The access does not say which side is the shared one:
                // counted as a read (a race of a struct store into shared
                // memory may be missed; none is invented).
                AccessKind::Copy(n) => r.access(a.obj, a.off, n as u64, false, span, a.expr),
                // Atomic operations never race (C11).
                AccessKind::Lib(_) | AccessKind::Atomic(_) => {}
            }
        }
        match a.kind {
            AccessKind::Load(m) => cx.history.shm_loaded(a.obj, a.off, m.width() as u64),
            AccessKind::Store(m) => {
                cx.history.shm_stored(a.obj, a.off, m.width() as u64);
                self.unpark(a.obj, a.off, m.width() as u64);
            }
            AccessKind::Copy(n) => {
                // Either side may be the shared one: a read and a write.
                cx.history.shm_loaded(a.obj, a.off, n as u64);
                cx.history.shm_stored(a.obj, a.off, n as u64);
                // Both sides may be shared (`*a = *b` across two
                // mappings): the access names only the first.
                self.unpark_all();
            }
            // A routine may write through any of its pointers
            // (`strtol(s, &shared->end, 10)`), not only the one named.
            AccessKind::Lib(_) => self.unpark_all(),
            AccessKind::Atomic(at) => {
                use crate::ir::atomic::Order;
                let w = at.ty.width() as u64;
                let key = crate::check::races::SyncKey::Atomic(a.obj, a.off);
                if at.op != crate::ir::atomic::AtomicOp::Store && at.order != Order::Relaxed && at.order != Order::Release {
                    cx.history.sync(key, false);
                }
                if at.op.writes() && matches!(at.order, Order::Release | Order::AcqRel | Order::SeqCst) {
                    cx.history.sync(key, true);
                }
                cx.history.shm_loaded(a.obj, a.off, w);
                if at.op.writes() {
                    cx.history.shm_stored(a.obj, a.off, w);
                    self.unpark(a.obj, a.off, w);
                }
            }
        }
        let value = performed.map_or(0, |p| p.value);
        cx.tracing().then_some(match a.kind {
            AccessKind::Load(ty) => What::Load { at, ty, value, passed: passed.map(|b| b.passed()), stale },
            AccessKind::Atomic(atomic) => What::Atomic { at, atomic, value },
            AccessKind::Store(ty) => What::Store { at, ty, value },
            AccessKind::Copy(len) => What::Copy { at, len },
            AccessKind::Lib(func) => What::Lib { func, at },
        })
    }

    /// Process `i` dies of `fault` at its next step (described now, while
    /// the memory the description names exists).
    pub(super) fn fault_next(&mut self, i: usize, fault: crate::interp::Fault, cx: &mut StepCtx) {
        let what = fault.describe(cx.prog, &self.procs[i].proc);
        let pid = self.procs[i].pid;
        self.procs[i].fault = Some(Box::new(crate::interp::fault::Faulted { pid, fault, what }));
        self.procs[i].pending = Pending::Fault;
        cx.history.reached(i, self.clock);
    }

    /// Records process `i`'s fault, described now, before its end drops
    /// the memory the description names.
    pub(super) fn faulted(&mut self, i: usize, fault: crate::interp::Fault, cx: &mut StepCtx) {
        let what = fault.describe(cx.prog, &self.procs[i].proc);
        cx.history.faults.push(crate::interp::fault::Faulted { pid: self.procs[i].pid, fault, what });
    }

    /// Wakes every parked process (a write whose extent is not known).
    pub fn unpark_all(&mut self) {
        for p in &mut self.procs {
            if p.parked.take().is_some() {
                p.spin.clear();
            }
        }
    }

    /// Wakes every process parked on a location of `obj` (a write to it
    /// may have changed what it spins on).
    pub fn unpark_object(&mut self, obj: u32) {
        self.unpark(obj, 0, u64::MAX);
    }

    /// Wakes every process parked on a location that bytes `[off, off +
    /// len)` of `obj` overlap: only a write to what it spins on can change
    /// what it does (so a store elsewhere in the object commutes with it).
    pub fn unpark(&mut self, obj: u32, off: u64, len: u64) {
        let hit = |w: &Watch| w.obj == obj && w.off < off.saturating_add(len) && off < w.off + w.width as u64;
        for p in &mut self.procs {
            if p.parked.as_ref().is_some_and(|ws| ws.iter().any(hit)) {
                p.parked = None;
                p.spin.clear();
            }
        }
    }

    /// Runs process `i` to its next visible operation and records it as
    /// pending. `granted` lets it perform the shared access it stopped at.
    pub fn advance(&mut self, i: usize, granted: bool, cx: &mut StepCtx) -> Option<interp::Performed> {
        let mut granted = granted;
        let mut performed = None;
        let mut read_as = self.read_as.take().filter(|_| granted);
        loop {
            let pcb = &mut self.procs[i];
            let buffered = pcb.buffer.len();
            let (ev, ran, done) = {
                let buffer = cx.config.memory.buffers().then_some((&mut pcb.buffer, cx.config.memory.bound));
                let fences = cx.config.memory.weak();
                let mut mem =
                    KernelMemory { store: &mut self.shared, committed: &mut self.committed, buffer, read_as: read_as.take(), fences };
                let mut ctx =
                    RunCtx { shared: &mut mem, fuel: cx.config.limits.fuel, instructions: 0, granted, performed: None, through: 0 };
                let ev = pcb.proc.run(cx.prog, &mut ctx);
                (ev, ctx.instructions, ctx.performed)
            };
            if pcb.buffer.len() > buffered {
                // A store, if buffered, is no spin's.
                pcb.spin.clear();
                if cx.tracing() {
                    cx.history.buffered.extend(pcb.buffer.entries().skip(buffered).map(|b| (pcb.pid, *b)));
                }
            }
            cx.instructions += ran;
            performed = performed.or(done);
            granted = false;
            // A handler returned: run on (in this loop, not by recursion).
            if let Event::SigReturn = ev {
                if self.return_from_handler(i, cx) {
                    continue;
                }
                return performed;
            }
            if self.set_pending(i, ev, cx) {
                continue;
            }
            return performed;
        }
    }

    /// Records the operation process `i` stopped at; true if it runs on
    /// at once (a handler for the signal of its fault was entered).
    fn set_pending(&mut self, i: usize, ev: Event, cx: &mut StepCtx) -> bool {
        self.procs[i].timeout_at = None;
        let pending = match ev {
            Event::Syscall(call) => match (call.sleep_ns(), call) {
                (Some(ns), Call::Time(crate::abi::call::TimeCall::Sleep { how, .. })) => Pending::Sleep(self.clock.saturating_add(ns), how),
                _ => {
                    self.procs[i].timeout_at = self.relative_timeout(i, &call).map(|d| self.clock.saturating_add(d));
                    Pending::Call(call)
                }
            },
            Event::Access(a) => Pending::Access(a),
            Event::Exit(code) => Pending::Exit(code),
            Event::Killed(fault) => {
                let sig = fault.signal.map(|s| s.number());
                self.fault_next(i, fault, cx);
                // A handler for the fault's signal (SIGSEGV, SIGFPE...)
                // runs first; if it returns, the process dies of the
                // fault (natively the instruction faults again, for ever).
                return sig.is_some_and(|s| self.handle_fault(i, s, cx));
            }
            Event::SigReturn => unreachable!("advance handles a handler's return"),
            Event::OutOfFuel => {
                // Looping in private code for good: parked with nothing to
                // wait for, so only a signal (a parent's kill) ends it.
                self.procs[i].parked = Some(Vec::new());
                self.procs[i].pending = Pending::Looping;
                return false;
            }
        };
        self.procs[i].pending = pending;
        self.arrive(i);
        cx.history.reached(i, self.clock);
        false
    }

    /// Ends process `i`: closes its descriptors, makes it a zombie,
    /// hands its children to init.
    pub fn terminate(&mut self, i: usize, status: ExitStatus, cx: &mut StepCtx) {
        self.drain(i, cx);
        let mut fds = std::mem::take(&mut self.procs[i].fds);
        for fd in fds.iter().flatten() {
            self.mq_flush(i, fd.file);
            self.unref_file(fd.file);
        }
        fds.clear();
        self.procs[i].fds = fds;
        self.release_all_locks(i, cx);
        self.undo_semaphores(i);
        let pid = self.procs[i].pid;
        let p = &mut self.procs[i];
        // An exit's end was recorded at its first step, the traced one.
        let recorded = matches!(p.pending, Pending::Exiting(_));
        self.committed = self.committed.saturating_sub(p.proc.mem.committed());
        p.proc.discard();
        p.status = Some(status);
        p.pending = Pending::Done;
        p.parked = None;
        self.collect_shared();
        if !recorded {
            cx.history.ended(pid);
        }
        let exits = &mut cx.history.outcome.exits;
        exits.push((pid, status));
        exits.sort_by_key(|(p, _)| *p);
        let parent = self.index(self.procs[i].ppid).filter(|&j| self.procs[j].status.is_none());
        let parent_reaps = parent.is_some_and(|j| !self.procs[j].leaves_no_zombies());
        if !parent_reaps {
            self.reap(i);
        }
        if let Some(j) = parent {
            if self.send(j, crate::abi::signal::SIGCHLD, signal::Info::child(pid, status)) {
                cx.history.child_signalled(self.procs[j].pid, pid);
            }
        }
        for j in 0..self.procs.len() {
            if self.procs[j].ppid == pid {
                self.procs[j].ppid = INIT_PID;
                if self.procs[j].status.is_some() {
                    let child = self.procs[j].pid;
                    let site = cx.history.fork_sites.iter().find(|s| s.0 == child).map(|s| s.1);
                    cx.history.zombies.push((child, pid, site));
                    self.reap(j);
                }
            }
        }
    }

    /// Strict time: moves the clock to the earliest sleeper's wake-up;
    /// false if nobody sleeps. Called when everyone waits, and also after
    /// a long stretch of steps without time passing (a busy-waiting
    /// process must not freeze the clock for a sleeping one); `alarms`
    /// (only when everyone waits) lets an alarm be the next event, so a
    /// busy process's watchdog alarm does not go off early.
    pub fn wake_next_sleeper(&mut self, alarms: bool) -> bool {
        // A stopped process's time runs on, but it takes no step to see it.
        let next = self
            .procs
            .iter()
            .filter(|p| p.status.is_none() && p.stopped.is_none())
            .filter_map(|p| {
                // A spinning process's alarm still rings.
                let wake = match p.pending {
                    _ if p.parked.is_some() => None,
                    Pending::Sleep(t, _) => Some(t),
                    // A timed call's deadline, as virtual time.
                    Pending::Call(c) => c.deadline().map(|d| d.saturating_sub(crate::abi::EPOCH_SECS * 1_000_000_000)).or(p.timeout_at),
                    _ => None,
                };
                let alarm = p.signals.as_ref().and_then(|s| s.alarm).filter(|_| alarms);
                wake.into_iter().chain(alarm).min()
            })
            .filter(|&t| t < crate::abi::HORIZON_NS - crate::abi::EPOCH_SECS * 1_000_000_000)
            .min();
        match next {
            Some(t) => {
                self.clock = self.clock.max(t);
                true
            }
            None => false,
        }
    }
}
