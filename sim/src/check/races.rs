//! Data races: two accesses to the same shared bytes from different
//! processes, at least one a write, that no happens-before order sets
//! apart. Happens-before is kept with vector clocks (one per process,
//! joined along the edges the kernel's objects create):
//! - `fork`: the child starts with its parent's clock;
//! - a process's exit before the `wait` that reaps it;
//! - each pipe write before the read that takes its bytes (a read joins
//!   the clocks of exactly the writes whose bytes it consumes);
//! - `sem_post` before each later `sem_wait`/`sem_trywait` that succeeds
//!   on the same semaphore (a release/acquire of the semaphore's clock);
//! - the close of a pipe's write end (by `close`, or by an exit) before a
//!   read that sees end-of-file;
//! - `kill` before the delivery of a signal;
//! - the objects not yet modelled one by one (message queues, sockets,
//!   mailboxes and links, System V objects, files, signals) order every
//!   two calls on the same kind of object: more order than Linux gives,
//!   so a race through them may be missed, but none is invented.
//!
//! Plain loads and stores never synchronise. The detector only observes:
//! a run goes the same with it on or off.

use crate::source::Span;
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::hash::{BuildHasherDefault, Hasher};

/// A fast hasher for (object, offset) keys.
#[derive(Default)]
struct ByteHasher(u64);

impl Hasher for ByteHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(b as u64);
        }
    }
    fn write_u32(&mut self, i: u32) {
        self.write_u64(i as u64);
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 29)
    }
}

/// A vector clock: each process's count of steps known to happen before.
type Clock = BTreeMap<i32, u32>;

fn join(into: &mut Clock, from: &Clock) {
    for (&p, &c) in from {
        let e = into.entry(p).or_insert(0);
        *e = (*e).max(c);
    }
}

/// One access to shared memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Access {
    /// Who.
    pub pid: i32,
    /// Its step in the run's trace.
    pub step: u64,
    /// The statement.
    pub span: Span,
    /// The C expression, if known.
    pub expr: Option<Span>,
    /// A store (else a load).
    pub write: bool,
    /// The process's own clock at the access.
    clock: u32,
}

/// Two unordered accesses to the same shared bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Race {
    /// The earlier access.
    pub first: Access,
    /// The later one.
    pub second: Access,
    /// The shared object and the offset of the first byte they share.
    pub obj: u32,
    /// Offset.
    pub off: u64,
}

/// What a synchronising object's clock is kept under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SyncKey {
    /// A semaphore in shared memory (object, offset).
    Sem(u32, u64),
    /// A named semaphore.
    NamedSem(u64),
    /// The closes of a pipe's write ends (an end-of-file read acquires).
    PipeClosed(u32),
    /// An atomic object in shared memory (object, offset): a release
    /// operation on it orders what came before for an acquire one.
    Atomic(u32, u64),
    /// Every object of one kind (a coarse order; see the module doc).
    Family(&'static str),
}

/// The last write and the reads since, of one shared byte.
#[derive(Debug, Clone, Default)]
struct Shadow {
    write: Option<Access>,
    reads: Vec<Access>,
}

/// The writes into one pipe not yet read, with their writers' clocks.
#[derive(Debug, Clone, Default)]
struct PipeClocks {
    written: u64,
    read: u64,
    writes: VecDeque<(u64, Clock)>,
}

/// The detector's state for one run.
#[derive(Debug, Clone, Default)]
pub struct Races {
    clocks: BTreeMap<i32, Clock>,
    current: i32,
    step: u64,
    ended: BTreeMap<i32, Clock>,
    sync: BTreeMap<SyncKey, Clock>,
    pipes: BTreeMap<u32, PipeClocks>,
    /// Looked up by byte, never iterated: a hash map (no order reaches
    /// any output).
    shadow: HashMap<(u32, u64), Shadow, BuildHasherDefault<ByteHasher>>,
    pairs: BTreeSet<(Span, Span)>,
    /// The races found, each pair of source places once, in order.
    pub found: Vec<Race>,
}

impl Races {
    /// `pid` takes step `step`.
    pub fn step(&mut self, pid: i32, step: u64) {
        (self.current, self.step) = (pid, step);
        *self.clocks.entry(pid).or_default().entry(pid).or_insert(0) += 1;
    }

    fn mine(&mut self) -> &mut Clock {
        self.clocks.entry(self.current).or_default()
    }

    /// The current process forked `child`.
    pub fn forked(&mut self, child: i32) {
        let c = self.mine().clone();
        self.clocks.insert(child, c);
    }

    /// The current process ended.
    pub fn ended(&mut self) {
        let c = self.mine().clone();
        self.ended.insert(self.current, c);
    }

    /// The current process reaped `child`.
    pub fn reaped(&mut self, child: i32) {
        // A reaped child never steps again: its clocks live on only in
        // what the reaper joined (a loop of forks and waits kept every
        // child's clock, each as long as the children before it).
        self.clocks.remove(&child);
        if let Some(c) = self.ended.remove(&child) {
            join(self.clocks.entry(self.current).or_default(), &c);
        }
    }

    /// The current process released `key` (a post, a send).
    pub fn release(&mut self, key: SyncKey) {
        if let Some(c) = self.clocks.get(&self.current) {
            join(self.sync.entry(key).or_default(), c);
        }
    }

    /// The current process acquired `key` (a successful wait, a receive).
    pub fn acquire(&mut self, key: SyncKey) {
        if let Some(c) = self.sync.get(&key) {
            join(self.clocks.entry(self.current).or_default(), c);
        }
    }

    /// The current process wrote `n` bytes into pipe `p`.
    pub fn pipe_wrote(&mut self, p: u32, n: u64) {
        let c = self.mine().clone();
        let log = self.pipes.entry(p).or_default();
        log.written += n;
        let end = log.written;
        log.writes.push_back((end, c));
    }

    /// The current process read `n` bytes from pipe `p`: it joins the
    /// clocks of the writes it took bytes of; a read of end-of-file (0
    /// bytes) joins those of the closes of the write ends, explicit ones
    /// and those an exit made.
    pub fn pipe_read(&mut self, p: u32, n: u64) {
        if n == 0 {
            self.acquire(SyncKey::PipeClosed(p));
            let mine = self.clocks.entry(self.current).or_default();
            self.ended.values().for_each(|c| join(mine, c));
            return;
        }
        let log = self.pipes.entry(p).or_default();
        let mine = self.clocks.entry(self.current).or_default();
        let (from, to) = (log.read, log.read + n);
        log.read = to;
        let mut start = 0;
        for (end, c) in &log.writes {
            if *end > from && start < to {
                join(mine, c);
            }
            start = *end;
        }
        while log.writes.front().is_some_and(|&(end, _)| end <= to) {
            log.writes.pop_front();
        }
    }

    /// The current process accessed `len` bytes at `off` of shared object
    /// `obj`, at `span` (`expr`).
    pub fn access(&mut self, obj: u32, off: u64, len: u64, write: bool, span: Span, expr: Option<Span>) {
        let pid = self.current;
        let empty = Clock::new();
        let now = self.clocks.get(&pid).unwrap_or(&empty);
        let clock = now.get(&pid).copied().unwrap_or(0);
        let me = Access { pid, step: self.step, span, expr, write, clock };
        let before = |a: &Access| a.pid == pid || a.clock <= now.get(&a.pid).copied().unwrap_or(0);
        let mut raced: Option<(Access, u64)> = None;
        let shadow = &mut self.shadow;
        if shadow.capacity() == 0 {
            // A run's first access: room for a few variables' bytes.
            shadow.reserve(64);
        }
        for b in off..off.saturating_add(len.min(1 << 16)) {
            let s = shadow.entry((obj, b)).or_default();
            if raced.is_none() {
                let w = s.write.filter(|w| !before(w));
                let r = if write { s.reads.iter().find(|r| !before(r)).copied() } else { None };
                raced = w.or(r).map(|a| (a, b));
            }
            if write {
                s.write = Some(me);
                s.reads.clear();
            } else {
                s.reads.retain(|r| r.pid != pid);
                s.reads.push(me);
            }
        }
        if let Some((first, b)) = raced {
            let pair = if first.span <= me.span { (first.span, me.span) } else { (me.span, first.span) };
            if self.pairs.insert(pair) {
                self.found.push(Race { first, second: me, obj, off: b });
            }
        }
    }
}
