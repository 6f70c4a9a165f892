//! File locks: the kernel's glue between descriptors, the caller's
//! `struct flock` and the rules of `ipc/lock.rs`.
//!
//! A lock call that finds a conflict and may wait takes one step to
//! start waiting (recorded in [`Pcb::lock_wait`](super::Pcb)), and
//! another to finish once it can: Linux checks for a deadlock when a
//! `F_SETLKW` first blocks (and again when a wake-up finds another
//! conflict), never for a waiter already asleep, so the process that
//! closes a cycle is the one that gets `EDEADLK` (measured: the second of
//! two processes locking AB and BA). A blocking `flock` conversion
//! releases the description's own lock in that first step, as Linux does.
//! Which of several waiters gets a lock freed is the scheduler's choice.

use super::calls::Sys;
use super::fd::{FileKind, ACCMODE};
use super::{Machine, StepCtx};
use crate::abi::call::FdCall;
use crate::abi::errno::{EAGAIN, EBADF, EDEADLK, EFAULT, EINVAL};
use crate::abi::flags::{F_GETLK, F_RDLCK, F_SETLKW, F_UNLCK, F_WRLCK, LOCK_EX, LOCK_MAND, LOCK_NB, LOCK_SH, LOCK_UN, O_RDONLY, O_WRONLY};
use crate::abi::lock::{Flock, FLOCK_SIZE};
use crate::ipc::lock::{range, Inode, MAX_DEADLK_ITERATIONS};

/// A process waiting in a lock call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LockWait {
    /// `flock`: until no other description's lock conflicts (its own
    /// lock, when converting, is already gone).
    Flock,
    /// `F_SETLKW`: the request as Linux resolved it when the call began
    /// (offsets are not looked at again), and the owner of the lock it
    /// blocked on, which a deadlock check follows.
    Record {
        /// The file.
        inode: Inode,
        /// `F_WRLCK` (else `F_RDLCK`).
        write: bool,
        /// First byte.
        start: i64,
        /// Last byte.
        end: i64,
        /// The owner of the first conflicting lock when it began to wait.
        blocker: i32,
    },
}

/// The file a lock on an open file of `kind` is on.
pub(crate) fn inode_of(kind: FileKind) -> Inode {
    match kind {
        FileKind::Shm(obj) => Inode::Object(obj),
        FileKind::PipeRead(p) | FileKind::PipeWrite(p) | FileKind::PipeBoth(p) => Inode::Pipe(p),
        FileKind::Socket(s) => Inode::Socket(s),
        FileKind::Mq(q) => Inode::Queue(q),
        FileKind::Mbox(b) => Inode::Mbox(b),
        FileKind::Stdin | FileKind::DevNull => Inode::Null,
        FileKind::DevZero => Inode::Zero,
        FileKind::Out(k) => Inode::Out(k),
        FileKind::Dir(d) => Inode::Dir(d),
    }
}

/// What `flock`'s operation asks for: `Some(exclusive)`, or `None` to
/// unlock; `EINVAL` for anything but one of `LOCK_SH`, `LOCK_EX`,
/// `LOCK_UN` (with `LOCK_NB`), as Linux's `flock_translate_cmd`.
fn flock_wants(op: i32) -> Result<Option<bool>, i32> {
    match op & !LOCK_NB {
        LOCK_SH => Ok(Some(false)),
        LOCK_EX => Ok(Some(true)),
        LOCK_UN => Ok(None),
        _ => Err(EINVAL),
    }
}

impl Machine {
    /// Whether a waiting lock call can take its next step: a `flock`
    /// once nothing conflicts; a `F_SETLKW` once the owner it blocked on
    /// holds nothing in its way any more (Linux wakes it then, to look
    /// again: it locks, or blocks on the next conflict, or finds a
    /// deadlock). A call not yet waiting always goes on (to lock, fail,
    /// or start waiting).
    pub(super) fn lock_ready(&self, i: usize, c: &FdCall) -> bool {
        match (self.procs[i].lock_wait, *c) {
            (None, _) => true,
            (Some(LockWait::Flock), FdCall::Flock { fd, op }) => match (self.file_of(i, fd as i64), flock_wants(op)) {
                (Some((f, file)), Ok(Some(write))) => !self.locks.flock_conflicts(inode_of(file.kind), f, write),
                _ => true,
            },
            (Some(LockWait::Record { inode, write, start, end, blocker }), _) => {
                !self.locks.blocks(inode, blocker, self.procs[i].pid, write, start, end)
            }
            (Some(LockWait::Flock), _) => true,
        }
    }

    /// Process `i` starts waiting in its lock call: from now on a signal
    /// interrupts the call (or restarts it) rather than coming before it.
    fn start_waiting(&mut self, i: usize, w: LockWait) {
        self.procs[i].lock_wait = Some(w);
        self.now_waiting(i);
    }

    /// `flock(fd, op)`: a whole-file lock of the open file description.
    /// Measured on Linux: any `op` with `LOCK_MAND` (32) returns 0 and
    /// does nothing; a bad `op` is `EINVAL` before a bad descriptor's
    /// `EBADF`; a conflict with `LOCK_NB` is `EWOULDBLOCK` (`EAGAIN`);
    /// any open file can be locked, whatever its access mode.
    pub(super) fn flock_call(&mut self, i: usize, fd: i32, op: i32) -> Sys {
        self.procs[i].lock_wait = None;
        if op & LOCK_MAND != 0 {
            return Sys::Ret(0);
        }
        let want = match flock_wants(op) {
            Ok(w) => w,
            Err(e) => return Sys::err(e),
        };
        let Some((f, file)) = self.file_of(i, fd as i64) else { return Sys::err(EBADF) };
        let inode = inode_of(file.kind);
        // Linux's flock_lock_inode: the description's lock of the other
        // type goes first, so a conversion that fails or waits has lost
        // it (measured: LOCK_SH held, LOCK_EX|LOCK_NB refused, and another
        // description's LOCK_EX then succeeds).
        match (self.locks.flock_held(inode, f), want) {
            (Some(held), Some(w)) if held == w => return Sys::Ret(0),
            (Some(_), _) => self.locks.set_flock(inode, f, None),
            (None, _) => {}
        }
        let Some(write) = want else { return Sys::Ret(0) };
        if self.locks.flock_conflicts(inode, f, write) {
            if op & LOCK_NB != 0 {
                return Sys::err(EAGAIN);
            }
            self.start_waiting(i, LockWait::Flock);
            return Sys::Progress;
        }
        self.locks.set_flock(inode, f, Some(write));
        Sys::Ret(0)
    }

    /// `fcntl(fd, F_GETLK | F_SETLK | F_SETLKW, lock)`: POSIX record
    /// locks, owned by the process. Linux's order of checks (measured):
    /// the descriptor (`EBADF`), the struct's bytes (`EFAULT`), for
    /// `F_GETLK` the type then the range (`EINVAL`), for the others the
    /// range then the type, then the access mode (`F_RDLCK` needs read
    /// access and `F_WRLCK` write access, else `EBADF`).
    pub(super) fn record_call(&mut self, i: usize, fd: i32, cmd: i32, at: u64) -> Sys {
        if let Some(LockWait::Record { inode, write, start, end, .. }) = self.procs[i].lock_wait {
            return self.try_record(i, inode, write, start, end, true);
        }
        let Some((_, file)) = self.file_of(i, fd as i64) else { return Sys::err(EBADF) };
        let (kind, flags, pos) = (file.kind, file.flags, file.offset);
        let Some(fl) = self.read_flock(i, at) else { return Sys::err(EFAULT) };
        let size = match kind {
            FileKind::Shm(obj) => self.shared.sizes[obj as usize],
            _ => 0,
        };
        let inode = inode_of(kind);
        if cmd == F_GETLK && fl.ty != F_RDLCK && fl.ty != F_WRLCK {
            return Sys::err(EINVAL);
        }
        let (start, end) = match range(&fl, pos, size) {
            Ok(r) => r,
            Err(e) => return Sys::err(e),
        };
        if cmd == F_GETLK {
            return self.test_record(i, inode, &fl, start, end, at);
        }
        let access = flags & ACCMODE;
        if fl.ty == F_RDLCK && access == O_WRONLY || fl.ty == F_WRLCK && access == O_RDONLY {
            return Sys::err(EBADF);
        }
        if fl.ty == F_UNLCK {
            let pid = self.procs[i].pid;
            self.locks.set_record(inode, pid, None, start, end);
            return Sys::Ret(0);
        }
        self.try_record(i, inode, fl.ty == F_WRLCK, start, end, cmd == F_SETLKW)
    }

    /// `F_GETLK`: writes back the first conflicting lock (`l_whence`
    /// `SEEK_SET`, `l_len` 0 for a lock to the end, the holder's pid), or
    /// only `l_type = F_UNLCK`, the rest left as the caller wrote it
    /// (measured). The caller's own locks never conflict.
    fn test_record(&mut self, i: usize, inode: Inode, fl: &Flock, start: i64, end: i64, at: u64) -> Sys {
        let pid = self.procs[i].pid;
        let answer = match self.locks.record_conflict(inode, pid, fl.ty == F_WRLCK, start, end) {
            Some(r) => r.report(),
            None => Flock { ty: F_UNLCK, ..*fl },
        };
        match self.write_flock(i, at, &answer) {
            Some(()) => Sys::Ret(0),
            None => Sys::err(EFAULT),
        }
    }

    /// Takes the record lock `start..=end` of `inode` if nothing
    /// conflicts; else `EAGAIN` (`F_SETLK`: measured, never `EACCES` on
    /// Linux), `EDEADLK` if waiting would close a cycle of waiting owners,
    /// or starts (or goes on) waiting for the first conflicting lock.
    fn try_record(&mut self, i: usize, inode: Inode, write: bool, start: i64, end: i64, wait: bool) -> Sys {
        let pid = self.procs[i].pid;
        self.procs[i].lock_wait = None;
        match self.locks.record_conflict(inode, pid, write, start, end) {
            None => {
                self.locks.set_record(inode, pid, Some(write), start, end);
                Sys::Ret(0)
            }
            Some(_) if !wait => Sys::err(EAGAIN),
            Some(r) if self.would_deadlock(pid, r.owner) => Sys::err(EDEADLK),
            Some(r) => {
                self.start_waiting(i, LockWait::Record { inode, write, start, end, blocker: r.owner });
                Sys::Progress
            }
        }
    }

    /// Linux's `posix_locks_deadlock`: from the owner `me` would wait
    /// for, follow each owner to the owner of the lock it waits for; a
    /// cycle back to `me` is a deadlock. Gives up after
    /// [`MAX_DEADLK_ITERATIONS`] owners, as Linux does.
    fn would_deadlock(&self, me: i32, owner: i32) -> bool {
        let mut owner = owner;
        for _ in 0..=MAX_DEADLK_ITERATIONS {
            match self.record_waits_for(owner) {
                Some(next) if next == me => return true,
                Some(next) => owner = next,
                None => return false,
            }
        }
        false
    }

    /// The owner whose lock process `pid` waits for in `F_SETLKW`, while
    /// that lock still blocks it (a waiter woken to look again is no
    /// longer on Linux's list of blocked requests).
    pub(crate) fn record_waits_for(&self, pid: i32) -> Option<i32> {
        let p = &self.procs[self.index(pid)?];
        match p.lock_wait {
            Some(LockWait::Record { inode, write, start, end, blocker }) if p.status.is_none() => {
                self.locks.blocks(inode, blocker, pid, write, start, end).then_some(blocker)
            }
            _ => None,
        }
    }

    /// The caller's `struct flock` at `at`, if readable.
    fn read_flock(&self, i: usize, at: u64) -> Option<Flock> {
        let b = self.procs[i].proc.mem.slice(&self.shared, at, FLOCK_SIZE).ok()?;
        Some(Flock::from_bytes(b.try_into().ok()?))
    }

    /// Writes `fl`'s fields into the caller's `struct flock` at `at`.
    fn write_flock(&mut self, i: usize, at: u64, fl: &Flock) -> Option<()> {
        let b = self.procs[i].proc.mem.slice_mut(&mut self.shared, at, FLOCK_SIZE).ok()?;
        fl.write_to(b.try_into().ok()?);
        self.wake_if_shared(i, at);
        Some(())
    }

    /// A close of any of process `i`'s descriptors of a file releases
    /// every record lock it holds on that file (POSIX; measured: closing
    /// a second `open` of the file, or a `dup`, releases the lock taken
    /// through the first).
    pub(super) fn release_records_on_close(&mut self, i: usize, file: u32) {
        if self.locks.is_empty() {
            return;
        }
        if let Some(kind) = self.files.get(file as usize).and_then(|f| f.as_ref()).map(|f| f.kind) {
            let pid = self.procs[i].pid;
            self.locks.release_records(inode_of(kind), pid);
        }
    }

    /// Process `i` ends: its record locks go (its descriptors' `flock`
    /// locks went with their last close), and so does any wait. The race
    /// detector sees the release, as it sees an unlock.
    pub(super) fn release_all_locks(&mut self, i: usize, cx: &mut StepCtx) {
        self.procs[i].lock_wait = None;
        let pid = self.procs[i].pid;
        if self.locks.release_owner(pid) && cx.history.races.is_some() {
            cx.history.sync(crate::check::races::SyncKey::Family("file"), true);
        }
    }

    /// Whether a close of process `i`'s descriptor of open file `file`
    /// changes any lock (for the footprint): it holds record locks on
    /// the file, or the description holds a `flock` lock.
    pub fn close_touches_locks(&self, i: usize, file: u32) -> bool {
        if self.locks.is_empty() {
            return false;
        }
        let Some(kind) = self.files.get(file as usize).and_then(|f| f.as_ref()).map(|f| f.kind) else { return false };
        self.locks.holds_records(inode_of(kind), self.procs[i].pid) || self.locks.holds_flock(file)
    }

    /// Whether process `i`'s end changes any lock or any other process's
    /// deadlock check (for the footprint).
    pub fn end_touches_locks(&self, i: usize) -> bool {
        let p = &self.procs[i];
        p.lock_wait.is_some()
            || !self.locks.is_empty()
                && (self.locks.holds_any_record(p.pid) || p.fds.iter().flatten().any(|d| self.locks.holds_flock(d.file)))
    }

    /// A file's name for a report: its path, its `/dev/shm` name, or
    /// what it is.
    pub fn lock_target(&self, inode: Inode) -> String {
        match inode {
            Inode::Object(obj) => {
                if let Some((path, _)) = self.socks.names.files.iter().find(|(_, &o)| o == obj) {
                    return format!("\"{}\"", String::from_utf8_lossy(path));
                }
                match self.shm.names.iter().find(|(_, &o)| o == obj) {
                    Some((name, _)) => format!("the shm object \"/{name}\""),
                    None => format!("shm#{obj} (its name since removed)"),
                }
            }
            Inode::Pipe(p) => format!("pipe#{p}"),
            Inode::Socket(s) => format!("socket#{s}"),
            Inode::Queue(q) => format!("message queue#{q}"),
            Inode::Mbox(b) => format!("mailbox#{b}"),
            Inode::Null => "\"/dev/null\"".into(),
            Inode::Zero => "\"/dev/zero\"".into(),
            Inode::Out(1) => "stdout".into(),
            Inode::Out(_) => "stderr".into(),
            Inode::Dir(_) => "a directory".into(),
        }
    }

    /// Every lock held, in words (`ipcsim step`'s objects): each file's
    /// `flock` locks with the processes holding a descriptor of the
    /// description, and its record locks with their owners.
    pub fn lock_summary(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (&inode, holds) in &self.locks.flocks {
            for h in holds {
                let pids: Vec<String> = self
                    .procs
                    .iter()
                    .filter(|p| p.status.is_none() && p.fds.iter().flatten().any(|d| d.file == h.file))
                    .map(|p| p.pid.to_string())
                    .collect();
                let kind = if h.write { "LOCK_EX" } else { "LOCK_SH" };
                out.push(format!("flock {kind} on {}, through an open file of {}", self.lock_target(inode), pids.join(", ")));
            }
        }
        for (&inode, records) in &self.locks.records {
            let each: Vec<String> = records
                .iter()
                .map(|r| {
                    let end = if r.end == crate::ipc::lock::OFFSET_MAX { "end".to_string() } else { r.end.to_string() };
                    let kind = if r.write { "F_WRLCK" } else { "F_RDLCK" };
                    format!("{kind} [{}, {end}] by {}", r.start, r.owner)
                })
                .collect();
            out.push(format!("record locks on {}: {}", self.lock_target(inode), each.join(", ")));
        }
        out
    }

    /// What process `i`, waiting in lock call `c`, waits for: the file
    /// and the processes holding the locks in the way (for `flock`, every
    /// process with a descriptor of a description holding one).
    pub fn lock_waits(&self, i: usize, c: &FdCall) -> Option<(String, Vec<i32>)> {
        let me = self.procs[i].pid;
        match (self.procs[i].lock_wait?, *c) {
            (LockWait::Flock, FdCall::Flock { fd, op }) => {
                let (f, file) = self.file_of(i, fd as i64)?;
                let inode = inode_of(file.kind);
                let write = flock_wants(op).ok().flatten()?;
                let blockers = self.locks.flock_blockers(inode, f, write);
                let holders: Vec<i32> = self
                    .procs
                    .iter()
                    .filter(|p| p.status.is_none() && p.fds.iter().flatten().any(|d| blockers.contains(&d.file)))
                    .map(|p| p.pid)
                    .collect();
                Some((self.lock_target(inode), holders))
            }
            (LockWait::Record { inode, write, start, end, .. }, _) => {
                Some((self.lock_target(inode), self.locks.record_blockers(inode, me, write, start, end)))
            }
            (LockWait::Flock, _) => None,
        }
    }
}
