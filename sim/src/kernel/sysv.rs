//! System V IPC calls: the kernel's glue between the caller's memory and
//! the objects of `ipc/sysv.rs`. A segment's bytes are a shared object,
//! attached like an `mmap`; its attach count is derived from the live
//! processes' mappings, so it cannot drift. A `msgsnd` to a full queue, a
//! `msgrcv` finding no message of its type and a `semop` that cannot go
//! on block (unless `IPC_NOWAIT`); a removed queue or set wakes them with
//! `EIDRM`.

use super::calls::Sys;
use super::{Machine, StepCtx};
use crate::abi::call::SysvCall;
use crate::abi::errno::*;
use crate::interp::memory::RegionKind;
use crate::ipc::sysv::{self, MsgQueue, Segment, SemOp, SemSet, Table, Try, MSGMAX, MSGMNB, SEMMSL, SEMOPM, SEMVMX, SEQ_MULTIPLIER};

use crate::ir::MemTy;

const IPC_CREAT: i32 = 0o1000;
const IPC_EXCL: i32 = 0o2000;
const IPC_NOWAIT: i32 = 0o4000;
const IPC_RMID: i32 = 0;
const IPC_SET: i32 = 1;
const IPC_STAT: i32 = 2;
const SHM_RDONLY: i32 = 0o10000;
const SHM_RND: i32 = 0o20000;
const MSG_NOERROR: i32 = 0o10000;
const MSG_EXCEPT: i32 = 0o20000;
const SEM_UNDO: i16 = 0x1000;
const GETPID: i32 = 11;
const GETVAL: i32 = 12;
const GETALL: i32 = 13;
const GETNCNT: i32 = 14;
const GETZCNT: i32 = 15;
const SETVAL: i32 = 16;
const SETALL: i32 = 17;

/// Finds or creates the object `key` names, as every `*get` does.
fn get<T>(
    t: &mut Table<T>,
    key: i32,
    flags: i32,
    exists: impl Fn(&T) -> Result<(), i32>,
    make: impl FnOnce() -> Result<T, i32>,
) -> Result<i64, i32> {
    if let Some(k) = t.by_key(key) {
        if flags & (IPC_CREAT | IPC_EXCL) == IPC_CREAT | IPC_EXCL {
            return Err(EEXIST);
        }
        exists(&t.get(k).obj)?;
        return Ok((k as i32 + t.get(k).seq * SEQ_MULTIPLIER) as i64);
    }
    if key != sysv::PRIVATE && flags & IPC_CREAT == 0 {
        return Err(ENOENT);
    }
    let obj = make()?;
    t.add(key, (flags & 0o777) as u16, obj).map(|id| id as i64)
}

impl Machine {
    /// Whether the call can go on now (or fails at once).
    pub(super) fn sysv_ready(&self, i: usize, c: &SysvCall) -> bool {
        match *c {
            SysvCall::Msgsnd { id, msg, size, flags } if flags & IPC_NOWAIT == 0 => {
                self.msgsnd_check(i, msg, size).is_err() || self.sysv.msg.by_id(id).is_none_or(|k| self.sysv.msg.get(k).obj.fits(size))
            }
            SysvCall::Msgrcv { id, typ, flags, .. } if flags & IPC_NOWAIT == 0 => {
                self.sysv.msg.by_id(id).is_none_or(|k| self.sysv.msg.get(k).obj.find(typ, flags & MSG_EXCEPT != 0).is_some())
            }
            SysvCall::Semop { id, sops, nsops } => match (self.sysv.sem.by_id(id), self.sem_ops(i, sops, nsops)) {
                (Some(k), Ok(ops)) => match self.sysv.sem.get(k).obj.try_ops(&ops) {
                    Try::Wait(w) => {
                        ops[w].flg & IPC_NOWAIT as i16 != 0 || ops.iter().any(|o| o.num as usize >= self.sysv.sem.get(k).obj.vals.len())
                    }
                    _ => true,
                },
                _ => true,
            },
            _ => true,
        }
    }

    pub(super) fn sysv_call(&mut self, i: usize, c: SysvCall, _cx: &mut StepCtx) -> Sys {
        let me = self.procs[i].pid;
        Sys::from(match c {
            SysvCall::Ftok { path, id } => self.ftok(i, path, id),
            SysvCall::Shmget { key, size, flags } => {
                let ok = self.may_create(size);
                get(
                    &mut self.sysv.shm,
                    key,
                    flags,
                    |s: &Segment| if size > s.size { Err(EINVAL) } else { Ok(()) },
                    || match () {
                        _ if !(1..=sysv::SHMMAX).contains(&size) => Err(EINVAL),
                        _ if !ok => Err(ENOMEM),
                        _ => Ok(Segment { obj: u32::MAX, size, removed: false, cpid: me, lpid: 0 }),
                    },
                )
                .inspect(|&id| self.back_segment(id as i32))
            }
            // An address of one's own must be page-aligned unless rounded;
            // the segment is then mapped where the simulator chooses.
            SysvCall::Shmat { addr, flags, .. } if addr % 4096 != 0 && flags & SHM_RND == 0 => Err(EINVAL),
            SysvCall::Shmat { id, flags, .. } => self.shmat(i, id, flags),
            SysvCall::Shmdt { addr } => self.shmdt(i, addr),
            SysvCall::Shmctl { id, cmd, buf } => self.shmctl(i, id, cmd, buf),
            SysvCall::Msgget { key, flags } => get(
                &mut self.sysv.msg,
                key,
                flags,
                |_| Ok(()),
                || Ok(MsgQueue { msgs: Default::default(), qbytes: MSGMNB, lspid: 0, lrpid: 0 }),
            ),
            SysvCall::Msgsnd { id, msg, size, flags } => self.msgsnd(i, id, msg, size, flags),
            SysvCall::Msgrcv { id, msg, size, typ, flags } => self.msgrcv(i, id, msg, size, typ, flags),
            SysvCall::Msgctl { id, cmd, buf } => self.msgctl(i, id, cmd, buf),
            // semget checks the count before the key (measured).
            SysvCall::Semget { nsems, .. } if !(0..=SEMMSL).contains(&nsems) => Err(EINVAL),
            SysvCall::Semget { key, nsems, flags } => {
                let now = self.realtime() / 1_000_000_000;
                get(
                    &mut self.sysv.sem,
                    key,
                    flags,
                    |s: &SemSet| if nsems as usize > s.vals.len() { Err(EINVAL) } else { Ok(()) },
                    || match nsems {
                        n if !(1..=SEMMSL).contains(&n) => Err(EINVAL),
                        n => Ok(SemSet { vals: vec![0; n as usize], pids: vec![0; n as usize], otime: 0, ctime: now }),
                    },
                )
            }
            SysvCall::Semop { id, sops, nsops } => self.semop(i, id, sops, nsops),
            SysvCall::Semctl { id, num, cmd, arg } => self.semctl(i, id, num, cmd, arg),
        })
    }

    /// A call on an id that names nothing: `EIDRM` for a process the
    /// removal woke, `EINVAL` otherwise (Linux's answers, measured).
    fn gone(&self, i: usize) -> i32 {
        if self.procs[i].idrm {
            EIDRM
        } else {
            EINVAL
        }
    }

    /// `IPC_RMID` of queue or set `id`: the processes blocked on it will
    /// fail with `EIDRM`.
    fn wake_removed(&mut self, id: i32) {
        for j in 0..self.procs.len() {
            let super::Pending::Call(crate::abi::call::Call::Sysv(c)) = self.procs[j].pending else { continue };
            let on = match c {
                SysvCall::Msgsnd { id: x, .. } | SysvCall::Msgrcv { id: x, .. } | SysvCall::Semop { id: x, .. } => x,
                _ => continue,
            };
            if on == id && self.procs[j].status.is_none() && !self.sysv_ready(j, &c) {
                self.procs[j].idrm = true;
            }
        }
    }

    /// Gives a new segment its bytes.
    fn back_segment(&mut self, id: i32) {
        let Some(k) = self.sysv.shm.by_id(id) else { return };
        if self.sysv.shm.get(k).obj.obj == u32::MAX {
            let size = self.sysv.shm.get(k).obj.size;
            let obj = self.shared.create(size);
            self.sysv.shm.get_mut(k).obj.obj = obj;
        }
    }

    /// `ftok`: the key of an existing path of the run's file system (its
    /// inode is a hash of the resolved path: keys are stable, not the
    /// host's).
    fn ftok(&self, i: usize, path: u64, id: i32) -> Result<i64, i32> {
        let raw = self.path_arg(i, path)?;
        let resolved = crate::ipc::sockname::resolve(&raw)?;
        if !self.socks.names.exists(&resolved) {
            return Err(ENOENT);
        }
        let ino = resolved.iter().fold(0x811c_9dc5u32, |h, &b| (h ^ b as u32).wrapping_mul(0x0100_0193));
        // The device byte of the run's file system is 0 (as measured here).
        // The key as an unsigned number: a key with its top bit set is a
        // negative `key_t`, not an error.
        Ok(((id as u32 & 0xff) << 24 | (ino & 0xffff)) as i64)
    }

    fn shmat(&mut self, i: usize, id: i32, flags: i32) -> Result<i64, i32> {
        let k = self.sysv.shm.by_id(id).ok_or(EINVAL)?;
        let s = &mut self.sysv.shm.get_mut(k).obj;
        s.lpid = self.procs[i].pid;
        let (obj, size) = (s.obj, crate::ipc::shm::pages(s.size));
        Ok(self.procs[i].proc.mem.map_shared(obj, 0, size, flags & SHM_RDONLY == 0) as i64)
    }

    fn shmdt(&mut self, i: usize, addr: u64) -> Result<i64, i32> {
        let obj = match self.procs[i].proc.mem.regions().get((addr >> 32) as usize) {
            Some(r) if addr & 0xffff_ffff == 0 => match r.kind {
                RegionKind::Shared { obj, .. } => obj,
                _ => return Err(EINVAL),
            },
            _ => return Err(EINVAL),
        };
        let Some(k) = self.segment_of(obj) else { return Err(EINVAL) };
        let len = crate::ipc::shm::pages(self.sysv.shm.get(k).obj.size);
        self.procs[i].proc.mem.unmap(addr, len).map_err(|_| EINVAL)?;
        self.sysv.shm.get_mut(k).obj.lpid = self.procs[i].pid;
        self.collect_shared();
        Ok(0)
    }

    fn segment_of(&self, obj: u32) -> Option<usize> {
        self.sysv.shm.slots.iter().position(|s| s.as_ref().is_some_and(|s| s.obj.obj == obj))
    }

    /// Attachments of shared object `obj` now, in every live process (a
    /// process attached twice counts twice).
    fn nattch(&self, obj: u32) -> u64 {
        let attached = |r: &&crate::interp::memory::Region| matches!(r.kind, RegionKind::Shared { obj: o, .. } if o == obj);
        self.procs.iter().filter(|p| p.status.is_none()).map(|p| p.proc.mem.regions().iter().filter(attached).count() as u64).sum()
    }

    fn shmctl(&mut self, i: usize, id: i32, cmd: i32, buf: u64) -> Result<i64, i32> {
        let k = self.sysv.shm.by_id(id).ok_or(EINVAL)?;
        match cmd {
            IPC_RMID => {
                let slot = self.sysv.shm.get_mut(k);
                slot.key = sysv::PRIVATE;
                slot.obj.removed = true;
                self.collect_shared();
                Ok(0)
            }
            IPC_STAT => {
                let slot = self.sysv.shm.get(k);
                let s = &slot.obj;
                let words = [(48, s.size), (80, s.cpid as u32 as u64 | (s.lpid as u32 as u64) << 32), (88, self.nattch(s.obj))];
                self.store_perm(i, buf, slot.key, slot.mode | if s.removed { 0o1000 } else { 0 }, slot.seq, 112)?;
                for (off, v) in words {
                    self.store(i, buf + off, MemTy::I64, v).map_err(|_| EFAULT)?;
                }
                Ok(0)
            }
            IPC_SET => self.procs[i].proc.mem.slice(&self.shared, buf, 112).map(|_| 0).map_err(|_| EFAULT),
            _ => Err(EINVAL),
        }
    }

    /// Zeroes a `*_ds` of `len` bytes and writes its `ipc_perm`.
    fn store_perm(&mut self, i: usize, at: u64, key: i32, mode: u16, seq: i32, len: usize) -> Result<(), i32> {
        let dst = self.procs[i].proc.mem.slice_mut(&mut self.shared, at, len).map_err(|_| EFAULT)?;
        dst.fill(0);
        dst[..4].copy_from_slice(&key.to_le_bytes());
        dst[20..22].copy_from_slice(&mode.to_le_bytes());
        dst[24..26].copy_from_slice(&(seq as u16).to_le_bytes());
        self.wake_if_shared(i, at);
        Ok(())
    }

    /// What `msgsnd` refuses before it looks at the queue: an unreadable
    /// type, a size past `msgmax`, a type below 1 (Linux's order).
    fn msgsnd_check(&self, i: usize, msg: u64, size: u64) -> Result<i64, i32> {
        let typ = self.procs[i].proc.mem.load(&self.shared, msg, MemTy::I64).map_err(|_| EFAULT)? as i64;
        if size > MSGMAX || typ < 1 {
            return Err(EINVAL);
        }
        Ok(typ)
    }

    fn msgsnd(&mut self, i: usize, id: i32, msg: u64, size: u64, flags: i32) -> Result<i64, i32> {
        let typ = self.msgsnd_check(i, msg, size)?;
        let k = self.sysv.msg.by_id(id).ok_or_else(|| self.gone(i))?;
        let mem = &self.procs[i].proc.mem;
        let text = mem.slice(&self.shared, msg.wrapping_add(8), size as usize).map_err(|_| EFAULT)?.to_vec();
        if !self.sysv.msg.get(k).obj.fits(size) {
            debug_assert!(flags & IPC_NOWAIT != 0, "a blocked msgsnd is never stepped");
            return Err(EAGAIN);
        }
        if !self.reserve(size) {
            return Err(ENOMEM);
        }
        let q = &mut self.sysv.msg.get_mut(k).obj;
        q.msgs.push_back((typ, text));
        q.lspid = self.procs[i].pid;
        Ok(0)
    }

    fn msgrcv(&mut self, i: usize, id: i32, msg: u64, size: u64, typ: i64, flags: i32) -> Result<i64, i32> {
        if (size as i64) < 0 {
            return Err(EINVAL);
        }
        let k = self.sysv.msg.by_id(id).ok_or_else(|| self.gone(i))?;
        let q = &self.sysv.msg.get(k).obj;
        let Some(m) = q.find(typ, flags & MSG_EXCEPT != 0) else {
            debug_assert!(flags & IPC_NOWAIT != 0, "a blocked msgrcv is never stepped");
            return Err(ENOMSG);
        };
        let len = q.msgs[m].1.len() as u64;
        if len > size && flags & MSG_NOERROR == 0 {
            return Err(E2BIG);
        }
        let n = len.min(size) as usize;
        let (mtype, text) = self.sysv.msg.get_mut(k).obj.msgs.remove(m).expect("found");
        self.release(text.len() as u64);
        self.sysv.msg.get_mut(k).obj.lrpid = self.procs[i].pid;
        self.store(i, msg, MemTy::I64, mtype as u64).map_err(|_| EFAULT)?;
        let dst = self.procs[i].proc.mem.slice_mut(&mut self.shared, msg.wrapping_add(8), n).map_err(|_| EFAULT)?;
        dst.copy_from_slice(&text[..n]);
        self.wake_if_shared(i, msg);
        Ok(n as i64)
    }

    fn msgctl(&mut self, i: usize, id: i32, cmd: i32, buf: u64) -> Result<i64, i32> {
        let k = self.sysv.msg.by_id(id).ok_or(EINVAL)?;
        match cmd {
            IPC_RMID => {
                self.wake_removed(id);
                let held = self.sysv.msg.get(k).obj.cbytes();
                self.release(held);
                self.sysv.msg.slots[k] = None;
                Ok(0)
            }
            IPC_STAT => {
                let slot = self.sysv.msg.get(k);
                let q = &slot.obj;
                let words = [
                    (72, q.cbytes()),
                    (80, q.msgs.len() as u64),
                    (88, q.qbytes),
                    (96, q.lspid as u32 as u64 | (q.lrpid as u32 as u64) << 32),
                ];
                self.store_perm(i, buf, slot.key, slot.mode, slot.seq, 120)?;
                for (off, v) in words {
                    self.store(i, buf + off, MemTy::I64, v).map_err(|_| EFAULT)?;
                }
                Ok(0)
            }
            IPC_SET => {
                let qbytes = self.procs[i].proc.mem.load(&self.shared, buf + 88, MemTy::I64).map_err(|_| EFAULT)?;
                // Past msgmnb needs CAP_SYS_RESOURCE (measured without it).
                if qbytes > MSGMNB {
                    return Err(EPERM);
                }
                self.sysv.msg.get_mut(k).obj.qbytes = qbytes;
                Ok(0)
            }
            _ => Err(EINVAL),
        }
    }

    /// The `struct sembuf`s of a `semop`.
    fn sem_ops(&self, i: usize, sops: u64, nsops: u64) -> Result<Vec<SemOp>, i32> {
        if nsops > SEMOPM {
            return Err(E2BIG);
        }
        let bytes = self.procs[i].proc.mem.slice(&self.shared, sops, nsops as usize * 6).map_err(|_| EFAULT)?;
        Ok(bytes
            .chunks(6)
            .map(|b| SemOp {
                num: u16::from_le_bytes([b[0], b[1]]),
                op: i16::from_le_bytes([b[2], b[3]]),
                flg: i16::from_le_bytes([b[4], b[5]]),
            })
            .collect())
    }

    fn semop(&mut self, i: usize, id: i32, sops: u64, nsops: u64) -> Result<i64, i32> {
        if nsops == 0 {
            return Err(EINVAL);
        }
        let ops = self.sem_ops(i, sops, nsops)?;
        let k = self.sysv.sem.by_id(id).ok_or_else(|| self.gone(i))?;
        let set = &self.sysv.sem.get(k).obj;
        // Measured: a semaphore past the set is EFBIG even after an
        // operation that would wait.
        if ops.iter().any(|o| o.num as usize >= set.vals.len()) {
            return Err(EFBIG);
        }
        match set.try_ops(&ops) {
            Try::Bad => return Err(EFBIG),
            Try::Range => return Err(ERANGE),
            Try::Wait(_) => return Err(EAGAIN),
            Try::Go => {}
        }
        // An undo adjustment stays within SEMAEM (32767), or the whole
        // operation fails (measured: ERANGE).
        let seq = self.sysv.sem.get(k).seq;
        let undo = &self.procs[i].sem_undo;
        let past = ops.iter().filter(|o| o.flg & SEM_UNDO != 0).any(|o| {
            let now = undo.iter().find(|u| u.0 == k && u.1 == seq && u.2 == o.num).map_or(0, |u| u.3);
            (now - o.op as i32).abs() > SEMVMX
        });
        if past {
            return Err(ERANGE);
        }
        let (pid, now) = (self.procs[i].pid, self.realtime() / 1_000_000_000);
        let set = &mut self.sysv.sem.get_mut(k).obj;
        for o in &ops {
            set.vals[o.num as usize] += o.op as i32;
            set.pids[o.num as usize] = pid;
        }
        set.otime = now;
        for o in ops.iter().filter(|o| o.flg & SEM_UNDO != 0 && o.op != 0) {
            let undo = &mut self.procs[i].sem_undo;
            match undo.iter_mut().find(|u| u.0 == k && u.1 == seq && u.2 == o.num) {
                Some(u) => u.3 -= o.op as i32,
                None => undo.push((k, seq, o.num, -(o.op as i32))),
            }
        }
        Ok(0)
    }

    fn semctl(&mut self, i: usize, id: i32, num: i32, cmd: i32, arg: u64) -> Result<i64, i32> {
        // Linux checks a SETVAL's value before the id.
        if cmd == SETVAL && !(0..=SEMVMX).contains(&(arg as i32)) {
            return Err(ERANGE);
        }
        let k = self.sysv.sem.by_id(id).ok_or(EINVAL)?;
        let n = self.sysv.sem.get(k).obj.vals.len();
        let one = |num: i32| if (0..n as i32).contains(&num) { Ok(num as usize) } else { Err(EINVAL) };
        match cmd {
            GETVAL => Ok(self.sysv.sem.get(k).obj.vals[one(num)?] as i64),
            GETPID => Ok(self.sysv.sem.get(k).obj.pids[one(num)?] as i64),
            SETVAL => {
                let s = one(num)?;
                let v = arg as i32;
                if !(0..=SEMVMX).contains(&v) {
                    return Err(ERANGE);
                }
                self.sysv.sem.get_mut(k).obj.vals[s] = v;
                self.clear_undo(k, Some(s as u16));
                Ok(0)
            }
            GETALL => {
                let vals: Vec<u8> = self.sysv.sem.get(k).obj.vals.iter().flat_map(|&v| (v as u16).to_le_bytes()).collect();
                let dst = self.procs[i].proc.mem.slice_mut(&mut self.shared, arg, vals.len()).map_err(|_| EFAULT)?;
                dst.copy_from_slice(&vals);
                self.wake_if_shared(i, arg);
                Ok(0)
            }
            SETALL => {
                let bytes = self.procs[i].proc.mem.slice(&self.shared, arg, n * 2).map_err(|_| EFAULT)?;
                let vals: Vec<i32> = bytes.chunks(2).map(|b| u16::from_le_bytes([b[0], b[1]]) as i32).collect();
                if vals.iter().any(|&v| v > SEMVMX) {
                    return Err(ERANGE);
                }
                self.sysv.sem.get_mut(k).obj.vals = vals;
                self.clear_undo(k, None);
                Ok(0)
            }
            GETNCNT | GETZCNT => {
                let s = one(num)?;
                Ok(self.sem_waiters(k, s as u16, cmd == GETZCNT) as i64)
            }
            IPC_RMID => {
                self.wake_removed(id);
                self.sysv.sem.slots[k] = None;
                Ok(0)
            }
            IPC_STAT => {
                let slot = self.sysv.sem.get(k);
                let (key, mode, seq, otime, ctime) = (slot.key, slot.mode, slot.seq, slot.obj.otime, slot.obj.ctime);
                self.store_perm(i, arg, key, mode, seq, 104)?;
                for (off, v) in [(48, otime), (64, ctime), (80, n as u64)] {
                    self.store(i, arg + off, MemTy::I64, v).map_err(|_| EFAULT)?;
                }
                Ok(0)
            }
            IPC_SET => self.procs[i].proc.mem.slice(&self.shared, arg, 104).map(|_| 0).map_err(|_| EFAULT),
            _ => Err(EINVAL),
        }
    }

    /// Processes blocked in `semop` on semaphore `num` of set `k`, waiting
    /// for it to be zero (`zero`) or to grow.
    fn sem_waiters(&self, k: usize, num: u16, zero: bool) -> usize {
        let seq = self.sysv.sem.get(k).seq;
        let id = k as i32 + seq * SEQ_MULTIPLIER;
        (0..self.procs.len())
            .filter(|&j| {
                let p = &self.procs[j];
                let super::Pending::Call(crate::abi::call::Call::Sysv(SysvCall::Semop { id: pid_, sops, nsops })) = p.pending else {
                    return false;
                };
                if pid_ != id || p.status.is_some() {
                    return false;
                }
                let Ok(ops) = self.sem_ops(j, sops, nsops) else { return false };
                match self.sysv.sem.get(k).obj.try_ops(&ops) {
                    Try::Wait(w) => ops[w].num == num && (ops[w].op == 0) == zero,
                    _ => false,
                }
            })
            .count()
    }

    /// `SETVAL`/`SETALL` clear the undo adjustments of what they set.
    fn clear_undo(&mut self, k: usize, num: Option<u16>) {
        for p in &mut self.procs {
            p.sem_undo.retain(|u| !(u.0 == k && num.is_none_or(|n| n == u.2)));
        }
    }

    /// A process ends: its `SEM_UNDO` adjustments are applied (clamped to
    /// the values' range, as Linux does).
    pub(super) fn undo_semaphores(&mut self, i: usize) {
        for (k, seq, num, adj) in std::mem::take(&mut self.procs[i].sem_undo) {
            if let Some(Some(slot)) = self.sysv.sem.slots.get_mut(k) {
                if slot.seq == seq {
                    if let Some(v) = slot.obj.vals.get_mut(num as usize) {
                        *v = (*v + adj).clamp(0, SEMVMX);
                    }
                }
            }
        }
    }

    /// Drops removed segments no process is attached to any more.
    pub(super) fn collect_segments(&mut self) {
        for k in 0..self.sysv.shm.slots.len() {
            let gone = match &self.sysv.shm.slots[k] {
                Some(s) if s.obj.removed => self.nattch(s.obj.obj) == 0,
                _ => false,
            };
            if gone {
                self.sysv.shm.slots[k] = None;
            }
        }
    }
}
