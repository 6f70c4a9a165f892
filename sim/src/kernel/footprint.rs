//! What a process's next step reads and writes of the kernel's state,
//! known before the step is taken: the independence relation a
//! partial-order reduction needs. Two steps of different processes whose
//! footprints do not conflict commute: taken in either order they reach
//! the same machine (a property test checks it on every scenario).
//!
//! Each object names its own cells (a pipe, an open file, a range of a
//! shared object). A process's private state is no cell: only its own
//! steps touch it. Approximations, and two known gaps:
//! - the run's memory budget (`abi::limits::MAX_MEMORY`) is left out, so
//!   near it two `malloc`s of different processes do not commute although
//!   their footprints say so;
//! - a call's shared buffer (`read` into shared memory, `wait`'s status),
//!   a struct copy and a library routine on shared memory count as
//!   writing whole objects (a routine may write through any pointer);
//! - a fault in a process's private code is a pending step of its own
//!   ([`Pending::Fault`]), with the footprint of an exit;
//! - a try-send to a rendezvous mailbox succeeds only if a receiver is
//!   blocked on it, which reads other processes' pending calls: no cell
//!   says so, so the step that takes a process into its receive and the
//!   try-send do not commute although their footprints say so;
//! - in lower-bound time every step reads the clock: the step that runs a
//!   process into a `sleep` fixes its deadline from it.

use super::fd::FileKind;
use super::{Machine, Pending, TimeMode};
use crate::abi::call::{
    Call, FdCall, FsCall, MqCall, MsgCall, OpCall, PipeCall, ProcCall, SemCall, ShmCall, SockCall, Src, SysvCall, TimeCall,
};
use crate::interp::memory::RegionKind;
use crate::interp::AccessKind;

/// One piece of kernel state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Cell {
    /// Bytes `[off, off + len)` of shared object `obj` (its size, for
    /// the whole range).
    Shared {
        /// Object.
        obj: u32,
        /// First byte.
        off: u64,
        /// Bytes (`u64::MAX`: to the end, and the size).
        len: u64,
    },
    /// A pipe: its bytes and how many readers and writers it has.
    Pipe(u32),
    /// An open file description: offset, flags, references.
    File(u32),
    /// What other processes see of a process: alive or a zombie, its
    /// parent, its ignored signals, a pending kill.
    Proc(i32),
    /// Which processes exist, which are reaped, the next pid.
    ProcTable,
    /// The numbering of new pipes, files and shared objects.
    Tables,
    /// The `/dev/shm` namespace.
    ShmNames,
    /// A message queue's messages.
    Queue(u32),
    /// The message queues' names.
    MqNames,
    /// Every socket and the socket names (one cell: a send touches the
    /// sender's charge and the receiver's queue, a close its peer).
    Sockets,
    /// `ipcsim.h`'s mailboxes, their names and the links.
    Messages,
    /// System V objects (and who is attached to a segment).
    Sysv,
    /// The order of writes to stdout and stderr.
    Output,
    /// Virtual time.
    Clock,
    /// The history of marked operations (specification mode): marks
    /// are ordered among themselves, whatever else they touch.
    Ops,
    /// Every file lock (`flock`'s and record locks) and who waits in a
    /// lock call: one cell, since a `F_SETLKW`'s deadlock check follows
    /// waiting owners from file to file.
    Locks,
}

impl Cell {
    fn overlaps(&self, other: &Cell) -> bool {
        match (*self, *other) {
            (Cell::Shared { obj: a, off: x, len: n }, Cell::Shared { obj: b, off: y, len: m }) => {
                a == b && x < y.saturating_add(m) && y < x.saturating_add(n)
            }
            (a, b) => a == b,
        }
    }
}

/// What a step reads and writes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Footprint {
    /// Cells read.
    pub reads: Vec<Cell>,
    /// Cells written.
    pub writes: Vec<Cell>,
}

impl Footprint {
    /// Whether the two steps may not commute: one writes what the other
    /// reads or writes.
    pub fn conflicts(&self, other: &Footprint) -> bool {
        let hits = |w: &[Cell], c: &[Cell]| w.iter().any(|a| c.iter().any(|b| a.overlaps(b)));
        hits(&self.writes, &other.writes) || hits(&self.writes, &other.reads) || hits(&other.writes, &self.reads)
    }

    fn read(&mut self, c: Cell) {
        self.reads.push(c);
    }

    fn write(&mut self, c: Cell) {
        self.writes.push(c);
    }
}

fn whole(obj: u32) -> Cell {
    Cell::Shared { obj, off: 0, len: u64::MAX }
}

impl Machine {
    /// The footprint of a move of the ready list: a process's step, or
    /// the flush of its store buffer's oldest store (which writes that
    /// store's bytes; it is ordered with every step of its own process,
    /// which reads the process's cell). Not for injected faults or stale
    /// loads, which searches with sleep sets do not offer.
    pub fn move_footprint(&self, entry: usize, time: TimeMode) -> Footprint {
        if !super::inject::is_flush(entry) {
            return self.footprint(entry, time);
        }
        let p = &self.procs[super::inject::proc_of(entry)];
        let mut f = Footprint::default();
        f.write(Cell::Proc(p.pid));
        if let Some(b) = p.buffer.oldest() {
            f.write(Cell::Shared { obj: b.obj, off: b.off, len: b.ty.width() as u64 });
        }
        f
    }

    /// The footprint of process `i`'s next step under time mode `time`.
    pub fn footprint(&self, i: usize, time: TimeMode) -> Footprint {
        let p = &self.procs[i];
        let mut f = Footprint::default();
        // Whether it was killed, and how it ends, others can change.
        f.read(Cell::Proc(p.pid));
        // Every step but a load may drain the store buffer.
        for b in p.buffer.entries() {
            f.write(Cell::Shared { obj: b.obj, off: b.off, len: b.ty.width() as u64 });
        }
        // In lower-bound time a sleeper's step moves the clock, and any
        // step may run its process into a sleep whose deadline reads it.
        if time == TimeMode::LowerBound {
            f.read(Cell::Clock);
        }
        if p.dying.is_some() {
            self.ending(i, &mut f);
            return f;
        }
        if p.signals.is_some() {
            // An alarm going off moves the clock and may kill; a handler
            // taken changes the mask and what is pending.
            if self.alarm_due(i, time) {
                f.write(Cell::Clock);
                self.ending(i, &mut f);
                return f;
            }
            // Taking a signal reads whether the call it would interrupt is
            // ready (EINTR, or the handler first) and a sleep's time left.
            if self.deliverable(i).is_some() {
                f.write(Cell::Proc(p.pid));
                match p.pending {
                    Pending::Call(call) => self.call_footprint(i, &call, &mut f),
                    Pending::Sleep(..) => f.read(Cell::Clock),
                    _ => {}
                }
                return f;
            }
            // Whether it waits or performs the call depends on what the
            // call reads.
            if let (true, Pending::Call(call)) = (self.enters_wait(i, time), p.pending) {
                f.write(Cell::Proc(p.pid));
                self.call_footprint(i, &call, &mut f);
                return f;
            }
        }
        match p.pending {
            Pending::Access(a) => {
                let (obj, off) = (a.obj, a.off);
                match a.kind {
                    AccessKind::Load(m) => {
                        f.read(Cell::Shared { obj, off, len: m.width() as u64 });
                        // Parking compares what was read since the loop began.
                        for w in p.spin.watches() {
                            f.read(Cell::Shared { obj: w.obj, off: w.off, len: w.width as u64 });
                        }
                    }
                    AccessKind::Store(m) => f.write(Cell::Shared { obj, off, len: m.width() as u64 }),
                    AccessKind::Atomic(at) if at.op.writes() => f.write(Cell::Shared { obj, off, len: at.ty.width() as u64 }),
                    AccessKind::Atomic(at) => f.read(Cell::Shared { obj, off, len: at.ty.width() as u64 }),
                    // The access names one shared object; a struct copy or
                    // a routine may touch others the process maps.
                    AccessKind::Copy(_) | AccessKind::Lib(_) => {
                        for r in p.proc.mem.regions() {
                            if let RegionKind::Shared { obj, .. } = r.kind {
                                f.write(whole(obj));
                            }
                        }
                    }
                }
            }
            Pending::Call(call) => self.call_footprint(i, &call, &mut f),
            Pending::Sleep(..) => f.write(Cell::Clock),
            // Entering the exit only changes whether signals reach it.
            Pending::Exit(_) => f.write(Cell::Proc(p.pid)),
            Pending::Exiting(_) | Pending::Fault => self.ending(i, &mut f),
            Pending::Looping | Pending::Done => {}
        }
        f
    }

    /// A process ends: its descriptors close, its parent may reap it,
    /// its children get a new parent.
    fn ending(&self, i: usize, f: &mut Footprint) {
        let p = &self.procs[i];
        f.write(Cell::Proc(p.pid));
        // Its parent may catch SIGCHLD.
        f.write(Cell::Proc(p.ppid));
        f.write(Cell::ProcTable);
        for c in self.procs.iter().filter(|c| c.ppid == p.pid) {
            f.write(Cell::Proc(c.pid));
        }
        for fd in p.fds.iter().flatten() {
            self.file_cells(fd.file, f);
        }
        if self.end_touches_locks(i) {
            f.write(Cell::Locks);
        }
    }

    /// A close of process `i`'s descriptor `fd`: its open file, and the
    /// locks if the close releases one.
    fn close_cells(&self, i: usize, fd: i64, f: &mut Footprint) {
        self.fd_cells(i, fd, f);
        if let Some((file, _)) = self.file_of(i, fd) {
            if self.close_touches_locks(i, file) {
                f.write(Cell::Locks);
            }
        }
    }

    /// A lock call on descriptor `fd`: it reads the open file (its offset,
    /// for `SEEK_CUR`) and the file's size (`SEEK_END`), and reads
    /// (`F_GETLK`) or writes the locks.
    fn lock_cells(&self, i: usize, fd: i64, write: bool, f: &mut Footprint) {
        if let Some((file, o)) = self.file_of(i, fd) {
            f.read(Cell::File(file));
            if let FileKind::Shm(obj) = o.kind {
                f.read(whole(obj));
            }
        }
        if write {
            f.write(Cell::Locks);
        } else {
            f.read(Cell::Locks);
        }
    }

    /// An open file and the pipe behind it, written.
    fn file_cells(&self, file: u32, f: &mut Footprint) {
        f.write(Cell::File(file));
        match self.files.get(file as usize).and_then(|o| o.as_ref()).map(|o| o.kind) {
            Some(FileKind::PipeRead(p) | FileKind::PipeWrite(p) | FileKind::PipeBoth(p)) => f.write(Cell::Pipe(p)),
            Some(FileKind::Shm(obj)) => f.write(whole(obj)),
            Some(FileKind::Out(_)) => f.write(Cell::Output),
            Some(FileKind::Mq(q)) => f.write(Cell::Queue(q)),
            Some(FileKind::Socket(_)) => f.write(Cell::Sockets),
            Some(FileKind::Mbox(_)) => f.write(Cell::Messages),
            _ => {}
        }
    }

    fn fd_cells(&self, i: usize, fd: i64, f: &mut Footprint) {
        if let Some(fd) = usize::try_from(fd).ok().and_then(|k| self.procs[i].fds.get(k).copied().flatten()) {
            self.file_cells(fd.file, f);
        }
    }

    fn writes_to_closed_pipe(&self, i: usize, fd: i64) -> bool {
        match self.file_of(i, fd).map(|(_, o)| o.kind) {
            Some(FileKind::PipeWrite(p) | FileKind::PipeBoth(p)) => self.pipes[p as usize].readers == 0,
            // A stream send may raise SIGPIPE.
            Some(FileKind::Socket(_)) => true,
            _ => false,
        }
    }

    /// A buffer in the caller's memory: if shared, its object.
    fn buffer(&self, i: usize, addr: u64, write: bool, f: &mut Footprint) {
        if let Some((obj, _)) = self.procs[i].proc.mem.shared_location(addr) {
            if write {
                f.write(whole(obj));
            } else {
                f.read(whole(obj));
            }
        }
    }

    /// The 32 bytes of a `sem_t`, if in shared memory (a private one is
    /// the caller's own).
    fn sem_cell(&self, i: usize, sem: u64, write: bool, f: &mut Footprint) {
        if let Some((obj, off)) = self.procs[i].proc.mem.shared_location(sem) {
            let c = Cell::Shared { obj, off, len: crate::ipc::sem::SEM_SIZE };
            if write {
                f.write(c);
            } else {
                f.read(c);
            }
        }
    }

    fn call_footprint(&self, i: usize, call: &Call, f: &mut Footprint) {
        let me = self.procs[i].pid;
        // A timed call's outcome depends on the clock.
        if call.deadline().is_some() {
            f.read(Cell::Clock);
        }
        match *call {
            Call::Proc(c) => match c {
                ProcCall::Getpid | ProcCall::Yield => {}
                // A parent may move its child to another group.
                ProcCall::Getpgrp => f.read(Cell::Proc(me)),
                ProcCall::Getpgid { pid } | ProcCall::Getsid { pid } => {
                    f.read(Cell::ProcTable);
                    f.read(Cell::Proc(if pid == 0 { me } else { pid }));
                }
                ProcCall::Setpgid { pid, .. } => {
                    f.read(Cell::ProcTable);
                    self.procs.iter().for_each(|p| f.read(Cell::Proc(p.pid)));
                    f.write(Cell::Proc(if pid == 0 { me } else { pid }));
                }
                ProcCall::Setsid => {
                    self.procs.iter().for_each(|p| f.read(Cell::Proc(p.pid)));
                    f.write(Cell::Proc(me));
                }
                ProcCall::Getppid => {}
                ProcCall::Signal { .. } | ProcCall::Sigprocmask { .. } | ProcCall::Pause | ProcCall::Sigsuspend { .. } => {
                    f.write(Cell::Proc(me))
                }
                // A new image: descriptors closed, mappings dropped.
                ProcCall::Exec { .. } => {
                    self.ending(i, f);
                    f.write(Cell::Sysv);
                    for r in self.procs[i].proc.mem.regions() {
                        if let RegionKind::Shared { obj, .. } = r.kind {
                            f.write(whole(obj));
                        }
                    }
                }
                // The caller may die of it (its parent then gets SIGCHLD).
                ProcCall::Raise { .. } => {
                    f.write(Cell::Proc(me));
                    self.ending(i, f);
                }
                ProcCall::Sigaction { act, old, .. } => {
                    f.write(Cell::Proc(me));
                    self.buffer(i, act, false, f);
                    self.buffer(i, old, true, f);
                }
                ProcCall::Sigpending { set } => self.buffer(i, set, true, f),
                ProcCall::Alarm { .. } => {
                    f.write(Cell::Proc(me));
                    f.read(Cell::Clock);
                }
                ProcCall::Sigqueue { pid, .. } => {
                    f.write(Cell::Proc(me));
                    if let Some(j) = self.index(pid) {
                        f.write(Cell::Proc(self.procs[j].pid));
                    }
                }
                ProcCall::Longjmp { .. } => f.write(Cell::Proc(me)),
                ProcCall::Sigtimedwait { info, .. } => {
                    f.write(Cell::Proc(me));
                    f.read(Cell::Clock);
                    self.buffer(i, info, true, f);
                }
                ProcCall::Setitimer { old, .. } => {
                    f.write(Cell::Proc(me));
                    f.read(Cell::Clock);
                    self.buffer(i, old, true, f);
                }
                ProcCall::Getitimer { out, .. } => {
                    f.read(Cell::Proc(me));
                    f.read(Cell::Clock);
                    self.buffer(i, out, true, f);
                }
                ProcCall::Fork => {
                    f.write(Cell::ProcTable);
                    for fd in self.procs[i].fds.iter().flatten() {
                        self.file_cells(fd.file, f);
                    }
                }
                ProcCall::Wait { status } | ProcCall::Waitpid { status, .. } => {
                    f.write(Cell::ProcTable);
                    for c in self.procs.iter().filter(|c| c.ppid == me) {
                        f.read(Cell::Proc(c.pid));
                    }
                    self.buffer(i, status, true, f);
                }
                ProcCall::Kill { pid, .. } => {
                    f.read(Cell::ProcTable);
                    if pid > 0 && pid != me {
                        f.write(Cell::Proc(pid));
                    } else {
                        // A group, or itself: the caller may die in the call.
                        self.procs.iter().for_each(|p| f.write(Cell::Proc(p.pid)));
                        self.ending(i, f);
                    }
                }
            },
            Call::Time(c) => match c {
                TimeCall::Sleep { .. } => f.write(Cell::Clock),
                TimeCall::Time { out } | TimeCall::ClockGettime { out, .. } => {
                    f.read(Cell::Clock);
                    self.buffer(i, out, true, f);
                }
            },
            Call::Fd(c) => match c {
                FdCall::Read { fd, buf, .. } => {
                    self.fd_cells(i, fd as i64, f);
                    self.buffer(i, buf, true, f);
                }
                FdCall::Write { fd, src, .. } => {
                    self.fd_cells(i, fd as i64, f);
                    if self.writes_to_closed_pipe(i, fd as i64) {
                        self.ending(i, f); // SIGPIPE
                    }
                    if let Src::Mem(addr) = src {
                        self.buffer(i, addr, false, f);
                    }
                }
                FdCall::Close { fd } => self.close_cells(i, fd as i64, f),
                FdCall::Lock { fd, cmd, lock } => {
                    let getlk = cmd == crate::abi::flags::F_GETLK;
                    self.lock_cells(i, fd as i64, !getlk, f);
                    self.buffer(i, lock, getlk, f);
                }
                FdCall::Flock { fd, .. } => self.lock_cells(i, fd as i64, true, f),
                FdCall::Dup { fd } | FdCall::Fcntl { fd, .. } | FdCall::Fill { fd, .. } | FdCall::Isatty { fd } | FdCall::Fsync { fd } => {
                    self.fd_cells(i, fd as i64, f)
                }
                FdCall::Dup2 { old, new } => {
                    self.fd_cells(i, old as i64, f);
                    self.close_cells(i, new as i64, f);
                }
                // Readiness of any descriptor: every kernel object.
                FdCall::Poll { fds, .. } => {
                    f.read(Cell::Tables);
                    f.read(Cell::Sockets);
                    f.write(Cell::Tables);
                    self.buffer(i, fds, true, f);
                }
                FdCall::Select { sets, timeout, .. } => {
                    f.read(Cell::Tables);
                    f.read(Cell::Sockets);
                    f.write(Cell::Tables);
                    for s in sets {
                        self.buffer(i, s, true, f);
                    }
                    self.buffer(i, timeout, true, f);
                }
            },
            Call::Pipe(PipeCall::Pipe { fds, .. }) => {
                f.write(Cell::Tables);
                self.buffer(i, fds, true, f);
            }
            Call::Shm(c) => match c {
                ShmCall::Open { name, .. } => {
                    f.write(Cell::ShmNames);
                    f.write(Cell::Tables);
                    self.buffer(i, name, false, f);
                }
                ShmCall::Unlink { name } => {
                    f.write(Cell::ShmNames);
                    self.buffer(i, name, false, f);
                }
                ShmCall::Ftruncate { fd, .. } => self.fd_cells(i, fd as i64, f),
                ShmCall::Mmap { fd, .. } => {
                    f.write(Cell::Tables);
                    self.fd_cells(i, fd as i64, f);
                }
                ShmCall::Munmap { .. } | ShmCall::Fence { .. } => {}
            },
            Call::Mq(c) => match c {
                MqCall::Open { name, attr, .. } => {
                    f.write(Cell::MqNames);
                    f.write(Cell::Tables);
                    self.buffer(i, name, false, f);
                    self.buffer(i, attr, false, f);
                }
                MqCall::Unlink { name } => {
                    f.write(Cell::MqNames);
                    self.buffer(i, name, false, f);
                }
                MqCall::Close { mqd } => self.fd_cells(i, mqd as i64, f),
                MqCall::Send { mqd, msg, .. } => {
                    self.fd_cells(i, mqd as i64, f);
                    self.buffer(i, msg, false, f);
                    // A registered notification looks for a blocked
                    // receiver and may signal its owner (the caller too).
                    if self.mq_of(i, mqd).is_some_and(|(_, q, _)| self.mq.queues[q as usize].as_ref().is_some_and(|q| q.notify.is_some())) {
                        f.write(Cell::ProcTable);
                        self.procs.iter().for_each(|p| f.write(Cell::Proc(p.pid)));
                        self.ending(i, f);
                    }
                }
                MqCall::Receive { mqd, buf, prio, .. } => {
                    self.fd_cells(i, mqd as i64, f);
                    self.buffer(i, buf, true, f);
                    self.buffer(i, prio, true, f);
                }
                MqCall::GetAttr { mqd, attr } => {
                    self.fd_cells(i, mqd as i64, f);
                    self.buffer(i, attr, true, f);
                }
                MqCall::SetAttr { mqd, new, old } => {
                    self.fd_cells(i, mqd as i64, f);
                    self.buffer(i, new, false, f);
                    self.buffer(i, old, true, f);
                }
                MqCall::Notify { mqd, sev } => {
                    self.fd_cells(i, mqd as i64, f);
                    self.buffer(i, sev, false, f);
                }
            },
            Call::Sock(c) => {
                f.write(Cell::Sockets);
                f.write(Cell::Tables);
                if let Some(fd) = c.fd() {
                    self.fd_cells(i, fd as i64, f);
                }
                match c {
                    SockCall::Socketpair { sv, .. } => self.buffer(i, sv, true, f),
                    SockCall::Bind { addr, .. } | SockCall::Connect { addr, .. } => self.buffer(i, addr, false, f),
                    SockCall::Accept { addr, len, .. } => {
                        self.buffer(i, addr, true, f);
                        self.buffer(i, len, true, f);
                    }
                    SockCall::Send { fd, buf, to, .. } => {
                        self.buffer(i, buf, false, f);
                        self.buffer(i, to, false, f);
                        if self.writes_to_closed_pipe(i, fd as i64) {
                            self.ending(i, f);
                        }
                    }
                    SockCall::Recv { buf, from, fromlen, .. } => {
                        self.buffer(i, buf, true, f);
                        self.buffer(i, from, true, f);
                        self.buffer(i, fromlen, true, f);
                    }
                    SockCall::Name { addr, len, .. } | SockCall::GetOpt { val: addr, len, .. } => {
                        self.buffer(i, addr, true, f);
                        self.buffer(i, len, true, f);
                    }
                    SockCall::SetOpt { val, .. } => self.buffer(i, val, false, f),
                    SockCall::Socket { .. } | SockCall::Listen { .. } | SockCall::Shutdown { .. } => {}
                }
            }
            Call::Op(c) => {
                f.write(Cell::Ops);
                if let OpCall::Begin { name, .. } = c {
                    self.buffer(i, name, false, f);
                }
            }
            Call::Msg(c) => {
                f.write(Cell::Messages);
                match c {
                    MsgCall::MboxOpen { name, .. } => {
                        f.write(Cell::Tables);
                        self.buffer(i, name, false, f);
                    }
                    MsgCall::MboxClose { mb } => self.fd_cells(i, mb as i64, f),
                    MsgCall::MboxSend { msg, .. } | MsgCall::SendTo { msg, .. } => {
                        f.read(Cell::ProcTable);
                        self.buffer(i, msg, false, f);
                    }
                    MsgCall::MboxReceive { buf, .. } | MsgCall::ReceiveFrom { buf, .. } => {
                        f.read(Cell::ProcTable);
                        self.buffer(i, buf, true, f);
                    }
                    MsgCall::LinkCapacity { .. } => {}
                }
            }
            Call::Sysv(c) => {
                f.write(Cell::Sysv);
                f.write(Cell::Tables);
                f.read(Cell::ProcTable);
                match c {
                    SysvCall::Ftok { path, .. } => {
                        f.read(Cell::Sockets);
                        self.buffer(i, path, false, f);
                    }
                    SysvCall::Shmdt { addr } => self.buffer(i, addr, true, f),
                    SysvCall::Shmctl { buf, .. } | SysvCall::Msgctl { buf, .. } => self.buffer(i, buf, true, f),
                    SysvCall::Msgsnd { msg, .. } => self.buffer(i, msg, false, f),
                    SysvCall::Msgrcv { msg, .. } => self.buffer(i, msg, true, f),
                    SysvCall::Semop { sops, .. } => self.buffer(i, sops, false, f),
                    SysvCall::Semctl { arg, .. } => self.buffer(i, arg, true, f),
                    SysvCall::Shmget { .. } | SysvCall::Shmat { .. } | SysvCall::Msgget { .. } | SysvCall::Semget { .. } => {}
                }
            }
            Call::Fs(FsCall::Unlink { path }) => {
                f.write(Cell::Sockets);
                self.buffer(i, path, false, f);
            }
            // A file's name is in the socket namespace; its bytes are a
            // shared object.
            Call::Fs(FsCall::Open { path, .. }) => {
                f.write(Cell::Sockets);
                f.write(Cell::Tables);
                self.buffer(i, path, false, f);
                if let Ok(raw) = self.path_arg(i, path) {
                    match self.socks.names.lookup_file(&raw) {
                        Ok((_, crate::ipc::sockname::Node::File(obj))) => f.write(whole(obj)),
                        // A named pipe's open counts an end of its pipe.
                        Ok((_, crate::ipc::sockname::Node::Fifo(id))) => {
                            if let Some(p) = self.fifos[id as usize].pipe {
                                f.write(Cell::Pipe(p));
                            }
                        }
                        _ => {}
                    }
                }
            }
            Call::Fs(FsCall::Lseek { fd, .. }) => self.fd_cells(i, fd as i64, f),
            // The mask is the caller's own; a later mkfifo of it reads it.
            Call::Fs(FsCall::Umask { .. }) => {}
            Call::Fs(FsCall::Chmod { path, .. }) => {
                f.write(Cell::Sockets);
                self.buffer(i, path, false, f);
            }
            Call::Fs(FsCall::Fchmod { fd, .. }) => {
                f.write(Cell::Sockets);
                self.fd_cells(i, fd as i64, f);
            }
            Call::Fs(FsCall::Fstat { fd, buf }) => {
                self.fd_cells(i, fd as i64, f);
                self.buffer(i, buf, true, f);
            }
            Call::Fs(FsCall::Mkdir { path, .. } | FsCall::Rmdir { path } | FsCall::Mkfifo { path, .. }) => {
                f.write(Cell::Sockets);
                self.buffer(i, path, false, f);
            }
            Call::Fs(FsCall::Chdir { path }) => {
                f.write(Cell::Proc(me));
                f.read(Cell::Sockets);
                self.buffer(i, path, false, f);
            }
            Call::Fs(FsCall::Getcwd { buf, .. }) => {
                f.read(Cell::Proc(me));
                self.buffer(i, buf, true, f);
            }
            Call::Fs(FsCall::Rename { old, new }) => {
                f.write(Cell::Sockets);
                self.buffer(i, old, false, f);
                self.buffer(i, new, false, f);
            }
            Call::Fs(FsCall::Opendir { path }) => {
                f.read(Cell::Sockets);
                self.buffer(i, path, false, f);
            }
            Call::Fs(FsCall::Access { path, .. }) => {
                f.read(Cell::Sockets);
                self.buffer(i, path, false, f);
            }
            Call::Fs(FsCall::Stat { path, buf }) => {
                f.read(Cell::Sockets);
                self.buffer(i, path, false, f);
                self.buffer(i, buf, true, f);
                if let Ok(raw) = self.path_arg(i, path) {
                    if let Ok((_, crate::ipc::sockname::Node::File(obj))) = self.socks.names.lookup_file(&raw) {
                        f.read(whole(obj));
                    }
                }
            }
            Call::Sem(c) => match c {
                SemCall::Open { name, .. } | SemCall::Unlink { name } => {
                    f.write(Cell::ShmNames);
                    f.write(Cell::Tables);
                    self.buffer(i, name, false, f);
                }
                SemCall::Close { .. } => {}
                SemCall::GetValue { sem, out } => {
                    self.sem_cell(i, sem, false, f);
                    self.buffer(i, out, true, f);
                }
                _ => self.sem_cell(i, c.sem().unwrap_or(0), true, f),
            },
        }
    }
}
