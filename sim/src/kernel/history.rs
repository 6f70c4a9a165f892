//! A run's history, kept beside the machine rather than in it: step
//! counts, when each process was born and ended, which pipe write each
//! byte came from, the happens-before edges, the faults, the observed
//! outcome and the trace. The [`super::Machine`] holds only what
//! determines the future, so two interleavings that reach the same state
//! give equal machines (what state matching in a search needs).

use crate::check::races::{Races, SyncKey};
use crate::interp::fault::Faulted;
use crate::outcome::Outcome;
use crate::trace::{Edge, EdgeKind, Event};
use std::collections::{BTreeMap, VecDeque};

/// Writes into one pipe not yet fully read: (end offset in the pipe's
/// byte stream, step of the write).
#[derive(Debug, Clone, Default)]
struct PipeLog {
    written: u64,
    read: u64,
    writes: VecDeque<(u64, u64)>,
}

/// The kinds of named objects a run can leave behind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    /// A POSIX shared memory object.
    Shm,
    /// A named semaphore.
    Sem,
    /// A message queue.
    Queue,
    /// A socket file.
    SocketPath,
    /// A System V segment, queue or semaphore set (by kind letter and id).
    Sysv,
}

/// What a run did so far.
#[derive(Debug, Default)]
pub struct History {
    /// Visible operations performed.
    pub steps: u64,
    /// The injected fault of the step being taken, for its trace event.
    pub injecting: Option<super::Fault>,
    /// What has been observed: writes to stdout/stderr, exits.
    pub outcome: Outcome,
    /// Processes killed by a signal the kernel raised for them (faults,
    /// `abort`, a failed `assert`, `SIGPIPE`) or stopped at undefined
    /// behaviour, in order.
    pub faults: Vec<Faulted>,
    /// Signals sent with `kill` to another process of the run (or the
    /// caller itself): (target pid, signal). Deaths by them are the
    /// program's own doing, not failures.
    pub sent: Vec<(i32, i32)>,
    /// Happens-before edges, as the objects create them.
    pub edges: Vec<Edge>,
    /// Trace events, when tracing.
    pub trace: Option<Vec<Event>>,
    /// Named objects made, with the line that made each (for leak
    /// reports): (kind, name as the namespace keys it, call site).
    pub created: Vec<(Named, String, crate::source::Span)>,
    /// Children a parent never waited for: zombies when it exited
    /// (pid, parent, the `fork` that made it).
    pub zombies: Vec<(i32, i32, Option<crate::source::Span>)>,
    /// The `fork` that made each pid.
    pub fork_sites: Vec<(i32, crate::source::Span)>,
    /// Programs `exec` did not find (`ENOENT`), with the first call's site.
    pub missing_execs: Vec<(String, crate::source::Span)>,
    /// The marks of operations' starts and ends (specification mode), in
    /// the order made: part of a search's state, as the output is.
    pub ops: Vec<crate::check::linearizable::OpMark>,
    /// Step of the `fork` that created each pid, until its first step.
    born: Vec<(i32, u64)>,
    /// Step at which each pid ended.
    ended: Vec<(i32, u64)>,
    pipes: Vec<PipeLog>,
    /// Steps of the posts not yet taken, by semaphore (shared object and
    /// offset), oldest first (traced runs only).
    posts: BTreeMap<(u32, u64), VecDeque<u64>>,
    /// Signals made pending and not yet handled: (target pid, signal,
    /// step that sent it), oldest first (traced runs only).
    signalled: Vec<(i32, i32, u64)>,
    /// Virtual time at which each process (by index) reached its pending
    /// operation, for "blocked since" in traces.
    reached: Vec<u64>,
    /// Whether to record [`EdgeKind::ReadsFrom`] edges: they cost a map
    /// update per shared byte stored, so only a run that is traced (or a
    /// race detector) asks for them.
    pub reads_from: bool,
    /// The step of the last store to each byte of shared memory, by
    /// (object, offset): only bytes ever stored to are here.
    stores: BTreeMap<(u32, u64), u64>,
    /// The data-race detector, when asked for.
    pub races: Option<Box<Races>>,
    /// Stores the step being taken put in a store buffer (traced runs
    /// only): their events follow the step's.
    pub buffered: Vec<(i32, super::store_buffer::Buffered)>,
}

crate::reuse::fieldwise_clone!(History {
    steps,
    injecting,
    outcome,
    faults,
    sent,
    edges,
    trace,
    created,
    zombies,
    fork_sites,
    missing_execs,
    ops,
    born,
    ended,
    pipes,
    posts,
    signalled,
    reached,
    reads_from,
    stores,
    races,
    buffered
});

impl History {
    /// An empty history; `trace` turns the trace on.
    pub fn new(trace: bool) -> History {
        History { trace: trace.then(Vec::new), reads_from: trace, ..Default::default() }
    }

    /// Process `i` reached its pending operation at virtual time `t`.
    #[inline]
    pub fn reached(&mut self, i: usize, t: u64) {
        if self.reached.len() <= i {
            self.reached.resize(i + 1, 0);
        }
        self.reached[i] = t;
    }

    /// Process index `from` became `to` (the table dropped reaped ones).
    pub fn moved(&mut self, from: usize, to: usize) {
        if from != to && from < self.reached.len() {
            self.reached[to] = self.reached[from];
        }
    }

    /// When process `i` reached its pending operation.
    pub fn since(&self, i: usize) -> u64 {
        self.reached.get(i).copied().unwrap_or(0)
    }

    /// The current step is a `fork` that created `pid`.
    pub fn forked(&mut self, pid: i32) {
        if let Some(r) = &mut self.races {
            r.forked(pid);
        }
        self.born.push((pid, self.steps));
    }

    /// `pid` takes a step: its first one is ordered after its `fork`.
    /// (Inlined: at every step of every run, with nothing to do in most.)
    #[inline]
    pub fn stepping(&mut self, pid: i32) {
        if self.races.is_some() || !self.born.is_empty() {
            self.stepping_noted(pid);
        }
    }

    fn stepping_noted(&mut self, pid: i32) {
        if let Some(r) = &mut self.races {
            r.step(pid, self.steps);
        }
        if let Some(k) = self.born.iter().position(|b| b.0 == pid) {
            let (_, from) = self.born.swap_remove(k);
            self.edges.push(Edge { from, to: self.steps, kind: EdgeKind::Fork });
        }
    }

    /// `pid` ended at the current step.
    pub fn ended(&mut self, pid: i32) {
        if let Some(r) = &mut self.races {
            r.ended();
        }
        self.ended.push((pid, self.steps));
    }

    /// The current step reaps `pid` (a `wait`): its end happens before.
    pub fn reaped(&mut self, pid: i32) {
        if let Some(r) = &mut self.races {
            r.reaped(pid);
        }
        if let Some(&(_, from)) = self.ended.iter().find(|e| e.0 == pid) {
            self.edges.push(Edge { from, to: self.steps, kind: EdgeKind::ExitWait });
        }
    }

    /// The current step posted the semaphore at `off` of `obj`.
    pub fn sem_posted(&mut self, obj: u32, off: u64) {
        if self.reads_from {
            self.posts.entry((obj, off)).or_default().push_back(self.steps);
        }
    }

    /// The current step took a unit of the semaphore at `off` of `obj`:
    /// the oldest post not yet taken happens before it (a unit the
    /// semaphore started with has none).
    pub fn sem_taken(&mut self, obj: u32, off: u64) {
        if !self.reads_from {
            return;
        }
        if let Some(from) = self.posts.get_mut(&(obj, off)).and_then(|q| q.pop_front()) {
            self.edges.push(Edge { from, to: self.steps, kind: EdgeKind::Semaphore });
        }
    }

    /// The current step made `sig` pending for process `to` (`kill`).
    pub fn signal_sent(&mut self, to: i32, sig: i32) {
        if self.reads_from {
            self.signalled.push((to, sig, self.steps));
        }
    }

    /// `child`'s end made `SIGCHLD` pending for `parent`: from the step
    /// its end was recorded at (the traced `exit`, which may come steps
    /// before the kernel finishes it).
    pub fn child_signalled(&mut self, parent: i32, child: i32) {
        if let Some(&(_, at)) = self.ended.iter().find(|e| e.0 == child).filter(|_| self.reads_from) {
            self.signalled.push((parent, crate::abi::signal::SIGCHLD, at));
        }
    }

    /// The current step runs `pid`'s handler for `sig`: the oldest send
    /// of it not yet handled happens before (sends of one pending signal
    /// merge, as on Linux).
    pub fn signal_handled(&mut self, pid: i32, sig: i32) {
        if let Some(k) = self.signalled.iter().position(|&(to, s, _)| (to, s) == (pid, sig)) {
            let (_, _, from) = self.signalled.remove(k);
            self.signalled.retain(|&(to, s, _)| (to, s) != (pid, sig));
            self.edges.push(Edge { from, to: self.steps, kind: EdgeKind::Signal });
        }
    }

    /// The current step stored `len` bytes at `off` of shared object `obj`.
    /// (Inlined: only a traced run keeps the stores.)
    #[inline]
    pub fn shm_stored(&mut self, obj: u32, off: u64, len: u64) {
        if self.reads_from {
            self.stores_noted(obj, off, len);
        }
    }

    fn stores_noted(&mut self, obj: u32, off: u64, len: u64) {
        for b in off..off.saturating_add(len) {
            self.stores.insert((obj, b), self.steps);
        }
    }

    /// The current step loaded `len` bytes at `off` of `obj`: each store
    /// it reads a byte of happens before it.
    /// (Inlined: only a traced run collects the edges.)
    #[inline]
    pub fn shm_loaded(&mut self, obj: u32, off: u64, len: u64) {
        if self.reads_from {
            self.reads_noted(obj, off, len);
        }
    }

    fn reads_noted(&mut self, obj: u32, off: u64, len: u64) {
        let to = self.steps;
        let mut last = None;
        for (_, &from) in self.stores.range((obj, off)..(obj, off.saturating_add(len))) {
            if last != Some(from) && !self.edges.iter().rev().take(8).any(|e| e.from == from && e.to == to) {
                self.edges.push(Edge { from, to, kind: EdgeKind::ReadsFrom });
            }
            last = Some(from);
        }
    }

    /// The current process released (`true`) or acquired a
    /// synchronising object (for the race detector).
    pub fn sync(&mut self, key: SyncKey, release: bool) {
        if let Some(r) = &mut self.races {
            if release {
                r.release(key);
            } else {
                r.acquire(key);
            }
        }
    }

    fn pipe(&mut self, p: u32) -> &mut PipeLog {
        let p = p as usize;
        if self.pipes.len() <= p {
            self.pipes.resize(p + 1, PipeLog::default());
        }
        &mut self.pipes[p]
    }

    /// The current step wrote `n` bytes into pipe `p`.
    pub fn pipe_wrote(&mut self, p: u32, n: u64) {
        if let Some(r) = &mut self.races {
            r.pipe_wrote(p, n);
        }
        // The log is for the edges of a traced run: a search copies the
        // history with each state on its path, and a log that grows with
        // every unread write made a long path's copies quadratic.
        if !self.reads_from {
            return;
        }
        let step = self.steps;
        let log = self.pipe(p);
        log.written += n;
        let end = log.written;
        log.writes.push_back((end, step));
    }

    /// The current step read `n` bytes from pipe `p`: each write it took
    /// bytes of happens before it.
    pub fn pipe_read(&mut self, p: u32, n: u64) {
        if let Some(r) = &mut self.races {
            r.pipe_read(p, n);
        }
        if !self.reads_from {
            return;
        }
        let to = self.steps;
        let log = self.pipe(p);
        let (from_byte, to_byte) = (log.read, log.read + n);
        log.read = to_byte;
        let mut sources = Vec::new();
        let mut start = from_byte;
        for &(end, step) in &log.writes {
            if end > from_byte && start < to_byte && !sources.contains(&step) {
                sources.push(step);
            }
            start = end;
            if start >= to_byte {
                break;
            }
        }
        while log.writes.front().is_some_and(|&(end, _)| end <= to_byte) {
            log.writes.pop_front();
        }
        for from in sources {
            self.edges.push(Edge { from, to, kind: EdgeKind::Pipe });
        }
    }
}
