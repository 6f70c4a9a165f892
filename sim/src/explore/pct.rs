//! PCT, probabilistic concurrency testing: every process gets a random
//! priority when first seen; the highest-priority ready process runs; at
//! `depth - 1` random steps the running process drops to the lowest
//! priority. A bug needing `d` ordering constraints is found with
//! probability at least 1/(n k^(d-1)) per run; starving one process for a
//! long stretch (a child that runs late) is the common case, not a rarity.

use super::scheduler::{Scheduler, Task};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::BTreeMap;

/// The PCT strategy.
pub struct Pct {
    seed: u64,
    depth: u32,
    horizon: u64,
    rng: ChaCha8Rng,
    /// By process, and by its store buffer (the flushes of a buffer get
    /// a priority of their own, so a low one leaves stores buffered long).
    priority: BTreeMap<(i32, bool), u64>,
    change_points: Vec<u64>,
    step: u64,
    lowest: u64,
    /// The process whose steps ran last without a break, and how many.
    run: (i32, u32),
}

/// Steps one process may take in a row while its own store buffer waits
/// (`--memory tso`): then its oldest store is flushed. The hardware drains
/// a buffer in bounded time; without this, a process spinning on a store
/// of its own it still holds would spin for ever at a high priority.
const FLUSH_AFTER: u32 = 256;

impl Pct {
    /// Seeded; `depth` priority change points minus one are spread over the
    /// first `horizon` choices.
    pub fn new(seed: u64, depth: u32, horizon: u64) -> Pct {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let change_points = (1..depth.max(1)).map(|_| rng.gen_range(0..horizon.max(1))).collect();
        Pct { seed, depth, horizon, rng, priority: BTreeMap::new(), change_points, step: 0, lowest: 0, run: (0, 0) }
    }
}

impl Scheduler for Pct {
    fn new_execution(&mut self) -> bool {
        *self = Pct::new(self.seed.wrapping_add(1), self.depth, self.horizon);
        true
    }

    fn next_u64(&mut self) -> u64 {
        self.rng.gen()
    }

    fn next_task(&mut self, tasks: &[Task], _current: Option<i32>) -> usize {
        let k = self.by_priority(tasks);
        let t = &tasks[k];
        if t.flush {
            self.run = (t.pid, 0);
            return k;
        }
        self.run = if self.run.0 == t.pid { (t.pid, self.run.1 + 1) } else { (t.pid, 1) };
        if self.run.1 > FLUSH_AFTER {
            if let Some(f) = tasks.iter().position(|u| u.flush && u.pid == t.pid) {
                self.run.1 = 0;
                return f;
            }
        }
        k
    }
}

impl Pct {
    /// The task PCT's priorities choose.
    fn by_priority(&mut self, tasks: &[Task]) -> usize {
        // Priorities order processes and their buffers; PCT injects no
        // faults and reads no stale stores (they come last, so indices
        // agree).
        let pids: Vec<(i32, bool)> = tasks.iter().filter(|t| !t.fault && !t.stale).map(|t| (t.pid, t.flush)).collect();
        let ready = &pids[..];
        for &p in ready {
            if !self.priority.contains_key(&p) {
                let prio = self.rng.gen_range(1_000_000..u64::MAX / 2);
                self.priority.insert(p, prio);
            }
        }
        let best = (0..ready.len()).max_by_key(|&k| self.priority[&ready[k]]).unwrap_or(0);
        self.step += 1;
        if self.change_points.contains(&self.step) {
            // Demote the process that would run: lower than anyone so far.
            self.lowest += 1;
            self.priority.insert(ready[best], 1_000_000 - self.lowest);
            return (0..ready.len()).max_by_key(|&k| self.priority[&ready[k]]).unwrap_or(0);
        }
        best
    }
}
