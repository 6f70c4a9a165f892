//! Uniform choice among the ready processes, from a ChaCha stream seeded
//! explicitly: the same seed gives the same run on every machine. Each
//! new execution takes the next seed (seed, seed+1, ...), so execution k
//! of a search is exactly the single run with seed `seed + k`.

use super::scheduler::{Scheduler, Task};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The random strategy.
pub struct Random {
    seed: u64,
    rng: ChaCha8Rng,
}

impl Random {
    /// Seeded; the first execution uses `seed`.
    pub fn new(seed: u64) -> Random {
        Random { seed, rng: ChaCha8Rng::seed_from_u64(seed) }
    }
}

/// How much likelier a ready process's step is than one fault injected
/// into it.
const FAULT_ODDS: usize = 16;

impl Scheduler for Random {
    fn new_execution(&mut self) -> bool {
        self.seed = self.seed.wrapping_add(1);
        self.rng = ChaCha8Rng::seed_from_u64(self.seed);
        true
    }
    fn next_task(&mut self, ready: &[Task], _current: Option<i32>) -> usize {
        // Faults come last: most choices have none, and cost one test.
        if !ready.last().is_some_and(|t| t.fault) {
            return self.rng.gen_range(0..ready.len());
        }
        let steps = ready.iter().take_while(|t| !t.fault).count();
        if steps == 0 {
            return self.rng.gen_range(0..ready.len());
        }
        // A fault is rarer than a step: a run injects one now and then,
        // not at its first choice.
        let k = self.rng.gen_range(0..steps * FAULT_ODDS + (ready.len() - steps));
        if k < steps * FAULT_ODDS {
            k / FAULT_ODDS
        } else {
            steps + (k - steps * FAULT_ODDS)
        }
    }
    fn next_u64(&mut self) -> u64 {
        self.rng.gen()
    }
}
