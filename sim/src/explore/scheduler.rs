//! The scheduler interface (as shuttle's): an execution boundary, the
//! choice of the next process, and data choices. Strategies are
//! schedulers; wrappers add behaviour without touching a policy: the
//! [`Recorder`] turns the choices into a token, [`Determinism`] replays
//! every schedule and checks that the same choices meet the same ready
//! sets (determinism as a property any test can switch on).

/// A ready process as the scheduler sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Task {
    /// Its pid.
    pub pid: i32,
    /// Its next operation is `sched_yield`: it asks to let others run.
    pub yielding: bool,
    /// Not its step but a fault injected into it (`--crash`,
    /// `--net-faults`): such tasks come after every step in the list.
    pub fault: bool,
    /// Not its step but the flush of its oldest buffered store
    /// (`--memory tso`): such tasks come after the steps, before the
    /// faults.
    pub flush: bool,
    /// Its step, its load reading an older store than the newest
    /// (`--memory arm`): such tasks come after the flushes, before the
    /// faults.
    pub stale: bool,
}

/// Decides every choice of a run.
pub trait Scheduler {
    /// Starts the next execution; `false` when the scheduler has no more
    /// (a search is then complete). The first execution starts at
    /// construction, so a single run needs no call.
    fn new_execution(&mut self) -> bool;
    /// Index into `ready` (at least two, pids increasing) of the process
    /// that takes the next step; `current` took the last one.
    fn next_task(&mut self, ready: &[Task], current: Option<i32>) -> usize;
    /// A data choice (which of several results a call may have).
    fn next_u64(&mut self) -> u64;
}

impl<S: Scheduler + ?Sized> Scheduler for &mut S {
    fn new_execution(&mut self) -> bool {
        (**self).new_execution()
    }
    fn next_task(&mut self, ready: &[Task], current: Option<i32>) -> usize {
        (**self).next_task(ready, current)
    }
    fn next_u64(&mut self) -> u64 {
        (**self).next_u64()
    }
}

/// Records the choices of the current execution (the token's content).
pub struct Recorder<S> {
    inner: S,
    choices: Vec<u32>,
}

impl<S: Scheduler> Recorder<S> {
    /// Wraps a scheduler.
    pub fn new(inner: S) -> Recorder<S> {
        Recorder::reusing(inner, Vec::new())
    }

    /// Wraps a scheduler, recording into `buffer` (cleared): a search
    /// hands each run the buffer of the run before.
    pub fn reusing(inner: S, mut buffer: Vec<u32>) -> Recorder<S> {
        buffer.clear();
        Recorder { inner, choices: buffer }
    }

    /// The choices made, taken.
    pub fn into_choices(self) -> Vec<u32> {
        self.choices
    }

    /// The choices made in the current execution.
    pub fn choices(&self) -> &[u32] {
        &self.choices
    }

    /// The wrapped scheduler.
    pub fn inner(&self) -> &S {
        &self.inner
    }
}

impl<S: Scheduler> Scheduler for Recorder<S> {
    fn new_execution(&mut self) -> bool {
        self.choices.clear();
        self.inner.new_execution()
    }
    fn next_task(&mut self, ready: &[Task], current: Option<i32>) -> usize {
        let k = self.inner.next_task(ready, current).min(ready.len() - 1);
        self.choices.push(k as u32);
        k
    }
    fn next_u64(&mut self) -> u64 {
        self.inner.next_u64()
    }
}

/// Runs every schedule of the inner scheduler twice: the second time it
/// replays the first one's choices and records any step whose ready set
/// differs (which would mean that something other than the scheduler
/// decides the run: a wall clock, an address, a hash order).
pub struct Determinism<S> {
    inner: S,
    first: Vec<(Vec<Task>, usize)>,
    step: usize,
    replaying: bool,
    /// Mismatches found: (step, ready set recorded, ready set seen).
    pub mismatches: Vec<(usize, Vec<Task>, Vec<Task>)>,
}

impl<S: Scheduler> Determinism<S> {
    /// Wraps a scheduler.
    pub fn new(inner: S) -> Determinism<S> {
        Determinism { inner, first: Vec::new(), step: 0, replaying: false, mismatches: Vec::new() }
    }
}

impl<S: Scheduler> Scheduler for Determinism<S> {
    fn new_execution(&mut self) -> bool {
        let steps = std::mem::take(&mut self.step);
        if !self.replaying {
            self.replaying = true;
            return true;
        }
        if steps != self.first.len() {
            // The replay made fewer choices than the original.
            self.mismatches.push((steps, Vec::new(), Vec::new()));
        }
        self.replaying = false;
        self.first.clear();
        self.inner.new_execution()
    }
    fn next_task(&mut self, ready: &[Task], current: Option<i32>) -> usize {
        let at = self.step;
        self.step += 1;
        if !self.replaying {
            let k = self.inner.next_task(ready, current);
            self.first.push((ready.to_vec(), k));
            return k;
        }
        match self.first.get(at) {
            Some((seen, k)) if seen == ready => *k,
            Some((seen, k)) => {
                self.mismatches.push((at, seen.clone(), ready.to_vec()));
                (*k).min(ready.len() - 1)
            }
            None => {
                self.mismatches.push((at, Vec::new(), ready.to_vec()));
                0
            }
        }
    }
    fn next_u64(&mut self) -> u64 {
        self.inner.next_u64()
    }
}
