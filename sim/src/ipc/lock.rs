//! File locks, by the rules of Linux's `fs/locks.c`: `flock`'s
//! whole-file locks, owned by an open file description, and POSIX
//! record locks (`fcntl`), owned by a process, on byte ranges. The two
//! kinds never conflict with each other (measured: a `flock(LOCK_EX)`
//! and another process's `F_WRLCK` on the same file both succeed).
//!
//! Record locks of a file are kept as Linux keeps them: one list, each
//! owner's locks together and sorted by start, an owner's first lock
//! appended at the end; `F_GETLK` reports, and a deadlock check follows,
//! the first lock of that list that conflicts.

use crate::abi::errno::{EINVAL, EOVERFLOW};
use crate::abi::flags::{F_RDLCK, F_UNLCK, F_WRLCK};
use crate::abi::lock::Flock;
use std::collections::BTreeMap;

/// The last byte a lock can cover (Linux's `OFFSET_MAX`): a lock of
/// `l_len` 0 runs to it.
pub const OFFSET_MAX: i64 = i64::MAX;

/// How many owners a deadlock check follows before it gives up (Linux's
/// `MAX_DEADLK_ITERATIONS`).
pub const MAX_DEADLK_ITERATIONS: usize = 10;

/// What a lock is on: the file (Linux's inode) behind a descriptor.
/// Every kind of file can be locked (measured: `flock` and `F_SETLK` on
/// a pipe, `/dev/null`, a directory and stdout all succeed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Inode {
    /// A regular file or a POSIX shm object: its shared object.
    Object(u32),
    /// A pipe (both ends are one inode).
    Pipe(u32),
    /// A socket.
    Socket(u32),
    /// A message queue.
    Queue(u32),
    /// A mailbox of `ipcsim.h`.
    Mbox(u32),
    /// `/dev/null` (standard input is it too).
    Null,
    /// `/dev/zero`.
    Zero,
    /// The captured stdout (1) or stderr (2).
    Out(i32),
    /// A directory, by a hash of its resolved path.
    Dir(u32),
}

/// A POSIX record lock: bytes `start..=end` of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Record {
    /// The process that holds it.
    pub owner: i32,
    /// `F_WRLCK` (else `F_RDLCK`).
    pub write: bool,
    /// First byte.
    pub start: i64,
    /// Last byte ([`OFFSET_MAX`]: to the end and beyond).
    pub end: i64,
}

impl Record {
    /// Whether `self` and a request of `owner` for `start..=end` conflict:
    /// different owners, overlapping, one of them a write lock.
    pub fn conflicts(&self, owner: i32, write: bool, start: i64, end: i64) -> bool {
        self.owner != owner && (self.write || write) && self.start <= end && start <= self.end
    }

    /// The `struct flock` `F_GETLK` reports for it (`l_whence` is
    /// `SEEK_SET`; a lock to the end has `l_len` 0).
    pub fn report(&self) -> Flock {
        let len = if self.end == OFFSET_MAX { 0 } else { self.end - self.start + 1 };
        Flock { ty: if self.write { F_WRLCK } else { F_RDLCK }, whence: 0, start: self.start, len, pid: self.owner }
    }
}

/// A `flock` lock: the open file description that holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Hold {
    /// The open file description (its index in the kernel's table).
    pub file: u32,
    /// `LOCK_EX` (else `LOCK_SH`).
    pub write: bool,
}

/// Every lock of the run, by file. A file without locks has no entry, so
/// equal lock states are equal values.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Locks {
    /// POSIX record locks, in Linux's list order.
    pub records: BTreeMap<Inode, Vec<Record>>,
    /// `flock` locks, in the order taken.
    pub flocks: BTreeMap<Inode, Vec<Hold>>,
}

/// The byte range a `struct flock` names, as Linux's
/// `flock64_to_posix_lock` computes it from the file's offset (`pos`)
/// and size: `EINVAL` for a bad `l_whence`, a start before 0 or a
/// negative length reaching before 0, `EOVERFLOW` past [`OFFSET_MAX`]
/// (measured: start `OFFSET_MAX` with length 2). The type is checked
/// last (`EINVAL`), as Linux's `assign_type` does.
pub fn range(fl: &Flock, pos: u64, size: u64) -> Result<(i64, i64), i32> {
    let base = match fl.whence {
        0 => 0,
        1 => pos.min(OFFSET_MAX as u64) as i64,
        2 => size.min(OFFSET_MAX as u64) as i64,
        _ => return Err(EINVAL),
    };
    if fl.start > OFFSET_MAX - base {
        return Err(EOVERFLOW);
    }
    let start = base + fl.start;
    if start < 0 {
        return Err(EINVAL);
    }
    let (start, end) = match fl.len {
        0 => (start, OFFSET_MAX),
        len if len > 0 => {
            if len - 1 > OFFSET_MAX - start {
                return Err(EOVERFLOW);
            }
            (start, start + (len - 1))
        }
        len => match start.checked_add(len) {
            Some(first) if first >= 0 => (first, start - 1),
            _ => return Err(EINVAL),
        },
    };
    if !matches!(fl.ty, F_RDLCK | F_WRLCK | F_UNLCK) {
        return Err(EINVAL);
    }
    Ok((start, end))
}

/// An owner's locks after it locks (`Some(write)`) or unlocks (`None`)
/// `start..=end`: the parts of its old locks outside the range stay, the
/// range takes the new type, and neighbours of one type that touch or
/// overlap merge (Linux's `posix_lock_inode`), sorted by start.
fn apply(mine: &[Record], owner: i32, set: Option<bool>, start: i64, end: i64) -> Vec<Record> {
    let mut out = Vec::with_capacity(mine.len() + 2);
    for r in mine {
        if r.start < start {
            out.push(Record { end: r.end.min(start - 1), ..*r });
        }
        if r.end > end {
            out.push(Record { start: r.start.max(end + 1), ..*r });
        }
    }
    if let Some(write) = set {
        out.push(Record { owner, write, start, end });
    }
    out.sort_by_key(|r| r.start);
    let mut merged: Vec<Record> = Vec::with_capacity(out.len());
    for r in out {
        match merged.last_mut() {
            Some(last) if last.write == r.write && last.end >= r.start - 1 => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

impl Locks {
    /// The first record lock on `inode` (in list order) that conflicts
    /// with `owner`'s request: what `F_GETLK` reports and `F_SETLKW`
    /// waits for.
    pub fn record_conflict(&self, inode: Inode, owner: i32, write: bool, start: i64, end: i64) -> Option<Record> {
        self.records.get(&inode)?.iter().find(|r| r.conflicts(owner, write, start, end)).copied()
    }

    /// Whether a record lock of `holder` on `inode` conflicts with
    /// `owner`'s request (whether a waiter's blocker still blocks it).
    pub fn blocks(&self, inode: Inode, holder: i32, owner: i32, write: bool, start: i64, end: i64) -> bool {
        self.records.get(&inode).is_some_and(|l| l.iter().any(|r| r.owner == holder && r.conflicts(owner, write, start, end)))
    }

    /// Every owner of a record lock on `inode` that conflicts with the
    /// request (who could release a waiter).
    pub fn record_blockers(&self, inode: Inode, owner: i32, write: bool, start: i64, end: i64) -> Vec<i32> {
        let mut v: Vec<i32> = self
            .records
            .get(&inode)
            .map_or(Vec::new(), |l| l.iter().filter(|r| r.conflicts(owner, write, start, end)).map(|r| r.owner).collect());
        v.sort_unstable();
        v.dedup();
        v
    }

    /// `owner` locks (`Some(write)`) or unlocks (`None`) `start..=end` of
    /// `inode`; the caller has checked for conflicts. Its locks keep their
    /// place in the list (its first lock is appended at the end).
    pub fn set_record(&mut self, inode: Inode, owner: i32, set: Option<bool>, start: i64, end: i64) {
        let list = self.records.entry(inode).or_default();
        let at = list.iter().position(|r| r.owner == owner).unwrap_or(list.len());
        let n = list[at..].iter().take_while(|r| r.owner == owner).count();
        let mine = apply(&list[at..at + n], owner, set, start, end);
        list.splice(at..at + n, mine);
        if list.is_empty() {
            self.records.remove(&inode);
        }
    }

    /// Whether `owner` holds a record lock on `inode`.
    pub fn holds_records(&self, inode: Inode, owner: i32) -> bool {
        self.records.get(&inode).is_some_and(|l| l.iter().any(|r| r.owner == owner))
    }

    /// Whether `owner` holds a record lock on any file.
    pub fn holds_any_record(&self, owner: i32) -> bool {
        self.records.values().any(|l| l.iter().any(|r| r.owner == owner))
    }

    /// Drops every record lock of `owner` on `inode` (a close of any of
    /// its descriptors of the file); true if there was one.
    pub fn release_records(&mut self, inode: Inode, owner: i32) -> bool {
        let Some(list) = self.records.get_mut(&inode) else { return false };
        let before = list.len();
        list.retain(|r| r.owner != owner);
        let released = list.len() != before;
        if list.is_empty() {
            self.records.remove(&inode);
        }
        released
    }

    /// Drops every record lock of `owner` (its end); true if there was one.
    pub fn release_owner(&mut self, owner: i32) -> bool {
        let before: usize = self.records.values().map(Vec::len).sum();
        for list in self.records.values_mut() {
            list.retain(|r| r.owner != owner);
        }
        self.records.retain(|_, l| !l.is_empty());
        self.records.values().map(Vec::len).sum::<usize>() != before
    }

    /// The `flock` lock open file description `file` holds on `inode`:
    /// `Some(exclusive)`.
    pub fn flock_held(&self, inode: Inode, file: u32) -> Option<bool> {
        self.flocks.get(&inode)?.iter().find(|h| h.file == file).map(|h| h.write)
    }

    /// Whether a `flock` of `file` would conflict: another description
    /// holds a lock, and one of the two is exclusive (a description never
    /// conflicts with itself; two `open`s of one file in one process do).
    pub fn flock_conflicts(&self, inode: Inode, file: u32, write: bool) -> bool {
        self.flocks.get(&inode).is_some_and(|l| l.iter().any(|h| h.file != file && (h.write || write)))
    }

    /// The descriptions whose `flock` locks conflict with `file`'s request.
    pub fn flock_blockers(&self, inode: Inode, file: u32, write: bool) -> Vec<u32> {
        self.flocks.get(&inode).map_or(Vec::new(), |l| l.iter().filter(|h| h.file != file && (h.write || write)).map(|h| h.file).collect())
    }

    /// `file` holds a `flock` lock on `inode` (`Some(exclusive)`) or none.
    pub fn set_flock(&mut self, inode: Inode, file: u32, set: Option<bool>) {
        let list = self.flocks.entry(inode).or_default();
        list.retain(|h| h.file != file);
        if let Some(write) = set {
            list.push(Hold { file, write });
        }
        if list.is_empty() {
            self.flocks.remove(&inode);
        }
    }

    /// Whether open file description `file` holds a `flock` lock.
    pub fn holds_flock(&self, file: u32) -> bool {
        self.flocks.values().any(|l| l.iter().any(|h| h.file == file))
    }

    /// Drops the `flock` lock of `file` (its last descriptor closed);
    /// true if there was one.
    pub fn release_flock(&mut self, file: u32) -> bool {
        let had = self.holds_flock(file);
        if had {
            for list in self.flocks.values_mut() {
                list.retain(|h| h.file != file);
            }
            self.flocks.retain(|_, l| !l.is_empty());
        }
        had
    }

    /// Whether no lock is held at all (most runs).
    pub fn is_empty(&self) -> bool {
        self.records.is_empty() && self.flocks.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lock(ty: i16, whence: i16, start: i64, len: i64) -> Flock {
        Flock { ty, whence, start, len, pid: 0 }
    }

    #[test]
    fn ranges_resolve_as_linux_measures_them() {
        // Measured on Linux 6.18 (tests/diff/287 and the commit's notes).
        assert_eq!(range(&lock(F_WRLCK, 0, 10, -5), 0, 10), Ok((5, 9)));
        assert_eq!(range(&lock(F_WRLCK, 0, 3, -5), 0, 10), Err(EINVAL));
        assert_eq!(range(&lock(F_WRLCK, 0, 3, -3), 0, 10), Ok((0, 2)));
        assert_eq!(range(&lock(F_WRLCK, 0, -1, 2), 0, 10), Err(EINVAL));
        assert_eq!(range(&lock(F_WRLCK, 1, 1, 2), 4, 10), Ok((5, 6)));
        assert_eq!(range(&lock(F_WRLCK, 2, -2, 1), 4, 10), Ok((8, 8)));
        assert_eq!(range(&lock(F_WRLCK, 2, -20, 1), 4, 10), Err(EINVAL));
        assert_eq!(range(&lock(F_WRLCK, 3, 0, 1), 0, 10), Err(EINVAL));
        assert_eq!(range(&lock(3, 0, 0, 1), 0, 10), Err(EINVAL));
        assert_eq!(range(&lock(F_WRLCK, 0, OFFSET_MAX, 1), 0, 0), Ok((OFFSET_MAX, OFFSET_MAX)));
        assert_eq!(range(&lock(F_WRLCK, 0, OFFSET_MAX, 2), 0, 0), Err(EOVERFLOW));
        assert_eq!(range(&lock(F_WRLCK, 0, 1, OFFSET_MAX), 0, 0), Ok((1, OFFSET_MAX)));
        assert_eq!(range(&lock(F_WRLCK, 0, 0, i64::MIN), 0, 0), Err(EINVAL));
    }

    #[test]
    fn an_owners_locks_split_convert_and_merge() {
        let mut l = Locks::default();
        let f = Inode::Object(0);
        l.set_record(f, 7, Some(true), 0, 9);
        l.set_record(f, 7, None, 3, 4);
        let r = &l.records[&f];
        assert_eq!(r.iter().map(|r| (r.start, r.end)).collect::<Vec<_>>(), vec![(0, 2), (5, 9)]);
        l.set_record(f, 7, Some(false), 3, 4);
        l.set_record(f, 7, Some(true), 3, 4);
        assert_eq!(l.records[&f].len(), 1, "adjacent write locks merge: {:?}", l.records[&f]);
        l.set_record(f, 8, Some(false), 20, 30);
        l.set_record(f, 7, Some(false), 40, 50);
        // The owner's locks stay together, before the later owner's.
        assert_eq!(l.records[&f].iter().map(|r| r.owner).collect::<Vec<_>>(), vec![7, 7, 8]);
        assert_eq!(l.record_conflict(f, 9, true, 0, OFFSET_MAX).map(|r| r.owner), Some(7));
        assert!(l.record_conflict(f, 9, false, 20, 30).is_none());
        l.set_record(f, 7, None, 0, OFFSET_MAX);
        l.set_record(f, 8, None, 0, OFFSET_MAX);
        assert!(l.is_empty());
    }

    #[test]
    fn flock_conflicts_only_between_descriptions() {
        let mut l = Locks::default();
        let f = Inode::Object(1);
        l.set_flock(f, 3, Some(true));
        assert!(!l.flock_conflicts(f, 3, true));
        assert!(l.flock_conflicts(f, 4, false));
        l.set_flock(f, 3, Some(false));
        assert!(!l.flock_conflicts(f, 4, false));
        assert!(l.flock_conflicts(f, 4, true));
        assert!(l.release_flock(3));
        assert!(l.is_empty());
    }
}
