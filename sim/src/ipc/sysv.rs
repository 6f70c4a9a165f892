//! System V IPC as Linux implements it: keys, ids (`index + 32768 *
//! seq`: indices are given out cyclically, and the sequence number of a
//! kind advances when they wrap, so a fresh namespace gives 0, 1, 2...), and
//! the three kinds of object with their rules: shared memory segments
//! (bytes in the shared store, alive until removed and detached), message
//! queues (typed messages, a capacity in bytes), semaphore sets (atomic
//! operation lists, `SEM_UNDO`).

use std::collections::VecDeque;

/// `IPC_PRIVATE`.
pub const PRIVATE: i32 = 0;
/// `IPCMNI`: the id multiplier.
pub const SEQ_MULTIPLIER: i32 = 32768;
/// `shmmax`: the largest segment.
pub const SHMMAX: u64 = u64::MAX - (1 << 24);
/// `shmmni`, `msgmni`, `semmni`: objects of a kind.
pub const MNI: usize = 32000;
/// `msgmax`: the largest message.
pub const MSGMAX: u64 = 8192;
/// `msgmnb`: a queue's default capacity in bytes.
pub const MSGMNB: u64 = 16384;
/// `semmsl`: semaphores in a set.
pub const SEMMSL: i32 = 32000;
/// `semopm`: operations in one `semop`.
pub const SEMOPM: u64 = 500;
/// `SEMVMX`: the largest value.
pub const SEMVMX: i32 = 32767;

/// One object of a kind, by index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Slot<T> {
    /// Its key (`IPC_PRIVATE` once removed).
    pub key: i32,
    /// Its sequence number (the id's high part).
    pub seq: i32,
    /// `mode` of its `ipc_perm`.
    pub mode: u16,
    /// The object.
    pub obj: T,
}

/// The objects of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Table<T> {
    /// By index; `None` when free.
    pub slots: Vec<Option<Slot<T>>>,
    /// The sequence number of new objects.
    pub seq: i32,
    /// The index given out last (-1: none yet).
    pub last: i32,
}

impl<T> Default for Table<T> {
    fn default() -> Self {
        Table { slots: Vec::new(), seq: 0, last: -1 }
    }
}

impl<T> Table<T> {
    /// The index of the live object `key` names.
    pub fn by_key(&self, key: i32) -> Option<usize> {
        if key == PRIVATE {
            return None;
        }
        self.slots.iter().position(|s| s.as_ref().is_some_and(|s| s.key == key))
    }

    /// The index of object `id`, if it exists.
    pub fn by_id(&self, id: i32) -> Option<usize> {
        if id < 0 {
            return None;
        }
        let k = (id % SEQ_MULTIPLIER) as usize;
        self.slots.get(k)?.as_ref().filter(|s| s.seq == id / SEQ_MULTIPLIER).map(|_| k)
    }

    /// Adds an object at the next free index after the last one given
    /// (wrapping, which advances the sequence number); its id, or
    /// `ENOSPC`.
    pub fn add(&mut self, key: i32, mode: u16, obj: T) -> Result<i32, i32> {
        let live = self.slots.iter().flatten().count();
        if live >= MNI {
            return Err(crate::abi::errno::ENOSPC);
        }
        // Linux's cyclic allocation below max(64, in use * 3/2).
        let end = (live * 3 / 2).max(64);
        let free = |t: &Self, k: usize| t.slots.get(k).is_none_or(Option::is_none);
        let after = (self.last + 1) as usize;
        let k = match (after..end).find(|&k| free(self, k)) {
            Some(k) => k,
            None => {
                let k = (0..end).find(|&k| free(self, k)).ok_or(crate::abi::errno::ENOSPC)?;
                self.seq = (self.seq + 1) % (i32::MAX / SEQ_MULTIPLIER);
                k
            }
        };
        if k >= self.slots.len() {
            self.slots.resize_with(k + 1, || None);
        }
        self.last = k as i32;
        let seq = self.seq;
        self.slots[k] = Some(Slot { key, seq, mode, obj });
        Ok(k as i32 + seq * SEQ_MULTIPLIER)
    }

    /// The object at index `k`.
    pub fn get(&self, k: usize) -> &Slot<T> {
        self.slots[k].as_ref().expect("a live index")
    }

    /// The object at index `k`, to change.
    pub fn get_mut(&mut self, k: usize) -> &mut Slot<T> {
        self.slots[k].as_mut().expect("a live index")
    }
}

/// A shared memory segment.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Segment {
    /// Its bytes in the shared store.
    pub obj: u32,
    /// Its size.
    pub size: u64,
    /// `IPC_RMID` done: it goes with its last detach.
    pub removed: bool,
    /// The creator's pid and the last attaching or detaching pid.
    pub cpid: i32,
    /// Last `shmat`/`shmdt`.
    pub lpid: i32,
}

/// A message queue.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MsgQueue {
    /// Messages in order: (type, text).
    pub msgs: VecDeque<(i64, Vec<u8>)>,
    /// Capacity in bytes (`msg_qbytes`).
    pub qbytes: u64,
    /// Last sender and receiver.
    pub lspid: i32,
    /// Last receiver.
    pub lrpid: i32,
}

impl MsgQueue {
    /// Text bytes queued.
    pub fn cbytes(&self) -> u64 {
        self.msgs.iter().map(|m| m.1.len() as u64).sum()
    }

    /// A message of `size` bytes fits (Linux counts bytes, and messages
    /// against the same limit).
    pub fn fits(&self, size: u64) -> bool {
        self.cbytes() + size <= self.qbytes && (self.msgs.len() as u64) < self.qbytes
    }

    /// The message `msgrcv` with this type and flags would take.
    pub fn find(&self, typ: i64, except: bool) -> Option<usize> {
        match typ {
            0 => (!self.msgs.is_empty()).then_some(0),
            t if t > 0 => self.msgs.iter().position(|m| (m.0 == t) != except),
            t => {
                let lim = t.unsigned_abs();
                let best = self.msgs.iter().filter(|m| m.0.unsigned_abs() <= lim).map(|m| m.0).min()?;
                self.msgs.iter().position(|m| m.0 == best)
            }
        }
    }
}

/// A semaphore set.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SemSet {
    /// Values.
    pub vals: Vec<i32>,
    /// Last pid that operated on each.
    pub pids: Vec<i32>,
    /// `sem_otime`: seconds (realtime) of the last `semop`, 0 if none.
    pub otime: u64,
    /// `sem_ctime`: seconds of its creation or last change by `semctl`.
    pub ctime: u64,
}

/// One `struct sembuf`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SemOp {
    /// Which semaphore.
    pub num: u16,
    /// The change (0: wait for zero).
    pub op: i16,
    /// `IPC_NOWAIT`, `SEM_UNDO`.
    pub flg: i16,
}

/// What a `semop` list can do now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Try {
    /// All operations can be done at once.
    Go,
    /// Operation `k` must wait.
    Wait(usize),
    /// A value would pass `SEMVMX`.
    Range,
    /// An operation names a semaphore the set does not have.
    Bad,
}

impl SemSet {
    /// Whether `ops` can all be done now, in order, atomically.
    pub fn try_ops(&self, ops: &[SemOp]) -> Try {
        let mut vals = self.vals.clone();
        for (k, o) in ops.iter().enumerate() {
            let Some(v) = vals.get_mut(o.num as usize) else { return Try::Bad };
            match o.op {
                0 if *v != 0 => return Try::Wait(k),
                op if op < 0 && *v < -(op as i32) => return Try::Wait(k),
                op if *v + op as i32 > SEMVMX => return Try::Range,
                op => *v += op as i32,
            }
        }
        Try::Go
    }
}

/// The run's System V objects.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Sysv {
    /// Shared memory segments.
    pub shm: Table<Segment>,
    /// Message queues.
    pub msg: Table<MsgQueue>,
    /// Semaphore sets.
    pub sem: Table<SemSet>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_index_plus_sequence_times_32768() {
        let mut t: Table<()> = Table::default();
        let a = t.add(5, 0o600, ()).unwrap();
        let b = t.add(6, 0o600, ()).unwrap();
        assert_eq!((a, b), (0, 1), "measured in a fresh namespace");
        t.slots[0] = None;
        assert_eq!(t.add(7, 0o600, ()).unwrap(), 2, "indices are given out cyclically");
        assert_eq!(t.by_id(1), Some(1));
        assert_eq!(t.by_id(32769), None, "another sequence number");
        assert_eq!(t.by_key(6), Some(1));
        // Measured: with a few objects alive, indices run up to 63, then
        // wrap with the next sequence number.
        let mut last = 0;
        for _ in 0..70 {
            last = t.add(9, 0o600, ()).unwrap();
            let k = (last % SEQ_MULTIPLIER) as usize;
            t.slots[k] = None;
        }
        assert!(last > SEQ_MULTIPLIER, "{last}");
    }

    #[test]
    fn msgrcv_picks_by_type() {
        let q = MsgQueue { msgs: [(3, vec![]), (1, vec![]), (2, vec![]), (1, vec![])].into(), qbytes: MSGMNB, lspid: 0, lrpid: 0 };
        assert_eq!(q.find(0, false), Some(0));
        assert_eq!(q.find(2, false), Some(2));
        assert_eq!(q.find(1, true), Some(0));
        assert_eq!(q.find(-2, false), Some(1), "the lowest type up to 2, first of it");
        assert_eq!(q.find(9, false), None);
    }
}
