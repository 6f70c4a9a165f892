//! Calls on POSIX semaphores: the kernel's glue between the caller's
//! memory, where a `sem_t` lives, and the rules of `ipc/sem.rs`. A
//! `sem_wait` at 0 blocks: the call is not ready until some process
//! posts, which readiness reads from the semaphore's bytes.

use super::calls::Sys;
use super::{Machine, StepCtx};
use crate::abi::call::SemCall;
use crate::abi::errno::{EEXIST, EFAULT, EINVAL, ENOENT, ENOMEM};
use crate::abi::flags::{O_CREAT, O_EXCL};
use crate::check::races::SyncKey;
use crate::interp::fault::{Cause, Fault, Signal};
use crate::interp::memory::BadAccess;
use crate::ipc::sem::{self, SEM_SIZE};
use crate::ir::MemTy;

/// How a call on a `sem_t` fails: with an errno, or by glibc touching
/// memory it cannot (the process dies of SIGSEGV).
enum SemError {
    Errno(i32),
    Bad(BadAccess),
}

impl From<BadAccess> for SemError {
    fn from(b: BadAccess) -> SemError {
        SemError::Bad(b)
    }
}

impl Machine {
    /// Whether the call can go on now: a `sem_wait` needs a value above
    /// 0 (a bad pointer goes on, to fail).
    ///
    /// A wait on a process-private semaphore (`pshared` 0) can always
    /// go on, until it finds the value at 0 and falls asleep: it then
    /// waits for a wake-up that only its own process could send (natively
    /// the futex is keyed by the process's address space), so a post by
    /// another process raises the value and leaves it asleep.
    pub(super) fn sem_ready(&self, i: usize, c: &SemCall) -> bool {
        let go_on = |sem: u64| match self.sem_private(i, sem) {
            Ok(true) => !self.procs[i].asleep,
            Ok(false) => self.sem_value(i, sem).map_or(true, |v| v > 0),
            Err(_) => true,
        };
        match *c {
            SemCall::Wait { sem } => go_on(sem),
            SemCall::TimedWait { sem, abstime } => abstime.is_err() || go_on(sem),
            _ => true,
        }
    }

    /// Whether the semaphore at `sem` is process-private: glibc's
    /// `private` word (offset 8) is 0 for `pshared` 0 (and for a `sem_t`
    /// never initialised), `FUTEX_SHARED` (128) otherwise.
    pub fn sem_private(&self, i: usize, sem: u64) -> Result<bool, BadAccess> {
        self.procs[i].proc.mem.load(&self.shared, sem.wrapping_add(8), MemTy::U32).map(|v| v == 0)
    }

    /// A wait on a process-private semaphore at 0 falls asleep (see
    /// [`Machine::sem_ready`]); one that was asleep and ran out of time
    /// times out, whatever the value became.
    fn sem_sleep(&mut self, i: usize, c: &SemCall) -> Option<Sys> {
        let (SemCall::Wait { sem } | SemCall::TimedWait { sem, abstime: Ok(_) }) = *c else {
            return None;
        };
        if self.sem_private(i, sem) != Ok(true) {
            return None;
        }
        if self.procs[i].asleep {
            return Some(Sys::err(crate::abi::errno::ETIMEDOUT));
        }
        if self.sem_value(i, sem) == Ok(0) {
            self.procs[i].asleep = true;
            return Some(Sys::Progress);
        }
        None
    }

    /// The value of the semaphore at `sem` in process `i`'s memory.
    pub fn sem_value(&self, i: usize, sem: u64) -> Result<u32, BadAccess> {
        self.procs[i].proc.mem.load(&self.shared, sem, MemTy::U32).map(|v| v as u32)
    }

    pub(super) fn sem_call(&mut self, i: usize, c: SemCall, cx: &mut StepCtx) -> Sys {
        if let Some(slept) = self.sem_sleep(i, &c) {
            return slept;
        }
        let r = match c {
            SemCall::Init { sem, value, pshared } => {
                sem::initial(value).map_err(SemError::Errno).and_then(|v| self.sem_init(i, sem, v, pshared != 0))
            }
            SemCall::Destroy { sem } => self.sem_value(i, sem).map(|_| 0).map_err(SemError::Bad),
            SemCall::Wait { sem } | SemCall::TryWait { sem } => self.sem_update(i, sem, sem::take),
            // glibc refuses a bad timeout before it looks at the value; a
            // wait that had to go on past its deadline times out.
            SemCall::TimedWait { abstime: Err(e), .. } => Err(SemError::Errno(e)),
            SemCall::TimedWait { sem, .. } => self.sem_update(i, sem, sem::take).map_err(|e| match e {
                SemError::Errno(crate::abi::errno::EAGAIN) => SemError::Errno(crate::abi::errno::ETIMEDOUT),
                other => other,
            }),
            SemCall::Post { sem } => self.sem_update(i, sem, sem::post),
            // glibc stores the value itself: a bad `out` is SIGSEGV too.
            SemCall::GetValue { sem, out } => {
                self.sem_value(i, sem).and_then(|v| self.sem_store(i, out, v)).map(|()| 0).map_err(SemError::Bad)
            }
            SemCall::Open { name, oflag, value, .. } => return Sys::from(self.sem_open(i, name, oflag, value)),
            SemCall::Close { sem } => return Sys::from(self.sem_close(i, sem)),
            SemCall::Unlink { name } => return Sys::from(self.sem_unlink(i, name)),
        };
        // A post releases, a wait that took a unit acquires: the edge a
        // timeline draws (traced runs) and the race detector's order.
        let release = match c {
            SemCall::Wait { sem } | SemCall::TryWait { sem } | SemCall::TimedWait { sem, .. } => Some((sem, false)),
            SemCall::Post { sem } => Some((sem, true)),
            _ => None,
        };
        if let (true, Some((sem, release))) = (r.is_ok(), release) {
            let at = self.procs[i].proc.mem.shared_location(sem);
            match at {
                Some((obj, off)) if release => cx.history.sem_posted(obj, off),
                Some((obj, off)) => cx.history.sem_taken(obj, off),
                None => {}
            }
            if cx.history.races.is_some() {
                cx.history.sync(at.map_or(SyncKey::NamedSem(sem), |(obj, off)| SyncKey::Sem(obj, off)), release);
            }
        }
        match r {
            Ok(v) => Sys::Ret(v),
            Err(SemError::Errno(e)) => Sys::err(e),
            Err(SemError::Bad(bad)) => self.sem_fault(i, bad, cx),
        }
    }

    /// Writes a fresh semaphore as glibc does: no waiters, whether it is
    /// shared between processes, then the value.
    fn sem_init(&mut self, i: usize, sem: u64, value: u32, shared: bool) -> Result<i64, SemError> {
        self.sem_value(i, sem)?;
        let private = if shared { sem::FUTEX_SHARED } else { 0 };
        for (off, v) in [(4, 0), (8, private), (0, value)] {
            self.sem_store(i, sem + off, v)?;
        }
        Ok(0)
    }

    /// Stores into a `sem_t`; a read-only one is glibc's SIGSEGV.
    fn sem_store(&mut self, i: usize, at: u64, v: u32) -> Result<(), BadAccess> {
        self.procs[i].proc.mem.store(&mut self.shared, at, MemTy::U32, v as u64)?;
        if let Some((obj, off)) = self.procs[i].proc.mem.shared_location(at) {
            self.unpark(obj, off, 4);
        }
        Ok(())
    }

    /// Applies `rule` (which may refuse with an errno) to the value.
    fn sem_update(&mut self, i: usize, sem: u64, rule: fn(u32) -> Result<u32, i32>) -> Result<i64, SemError> {
        let new = rule(self.sem_value(i, sem)?).map_err(SemError::Errno)?;
        self.sem_store(i, sem, new)?;
        Ok(0)
    }

    /// A `sem_t` pointer into no object: glibc dereferences it, and the
    /// process dies of SIGSEGV there.
    fn sem_fault(&mut self, i: usize, bad: BadAccess, cx: &mut StepCtx) -> Sys {
        let span = self.procs[i].span(cx.prog);
        let fault = Fault::signal(Signal::Segv, Cause::Memory(bad), span);
        self.fault_next(i, fault, cx);
        Sys::Dead
    }

    /// `sem_open`: the object `/dev/shm/sem.NAME` of 32 bytes, mapped
    /// once per process (glibc returns the same pointer to a second open).
    fn sem_open(&mut self, i: usize, name: u64, oflag: i32, value: u32) -> Result<i64, i32> {
        let raw = self.procs[i].proc.mem.cstr(&self.shared, name).map_err(|_| EFAULT)?;
        let name = sem::object_name(raw)?;
        // glibc opens an existing semaphore first (unless O_EXCL), and
        // checks the value only when it is to create one.
        let exists = self.shm.names.contains_key(&name);
        if oflag & O_CREAT != 0 && (oflag & O_EXCL != 0 || !exists) {
            sem::initial(value)?;
        }
        let obj = match self.shm.names.get(&name) {
            Some(_) if oflag & (O_CREAT | O_EXCL) == O_CREAT | O_EXCL => return Err(EEXIST),
            Some(&obj) => obj,
            None if oflag & O_CREAT == 0 => return Err(ENOENT),
            None => {
                let value = sem::initial(value)?;
                if !self.may_create(SEM_SIZE) {
                    return Err(ENOMEM);
                }
                let obj = self.shared.create(SEM_SIZE);
                self.shared.write_at(obj, 0, &value.to_le_bytes()).map_err(|_| EINVAL)?;
                self.shared.write_at(obj, 8, &sem::FUTEX_SHARED.to_le_bytes()).map_err(|_| EINVAL)?;
                self.shm.names.insert(name, obj);
                obj
            }
        };
        let mem = &mut self.procs[i].proc.mem;
        let at = match mem.mapping_of(obj) {
            Some(at) => at,
            None => mem.map_shared(obj, 0, SEM_SIZE, true),
        };
        if !self.procs[i].named_sems.contains(&at) {
            self.procs[i].named_sems.push(at);
        }
        Ok(at as i64)
    }

    /// `sem_close`: unmaps what `sem_open` mapped.
    /// `sem_close`: unmaps what `sem_open` returned; any other pointer
    /// is `EINVAL`, as glibc keeps a list of its named semaphores.
    fn sem_close(&mut self, i: usize, sem: u64) -> Result<i64, i32> {
        let k = self.procs[i].named_sems.iter().position(|&a| a == sem).ok_or(EINVAL)?;
        self.procs[i].named_sems.swap_remove(k);
        self.procs[i].proc.mem.unmap(sem, SEM_SIZE).map_err(|_| EINVAL)?;
        self.collect_shared();
        Ok(0)
    }

    /// `sem_unlink`: the name goes; open semaphores keep working.
    fn sem_unlink(&mut self, i: usize, name: u64) -> Result<i64, i32> {
        let raw = self.procs[i].proc.mem.cstr(&self.shared, name).map_err(|_| EFAULT)?;
        let name = sem::object_name(raw).map_err(crate::ipc::shm::unlink_errno)?;
        self.shm.names.remove(&name).ok_or(ENOENT)?;
        self.collect_shared();
        Ok(0)
    }
}
