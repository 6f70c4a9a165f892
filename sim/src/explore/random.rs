//! Uniform choice among the ready processes, from a ChaCha stream seeded
//! explicitly: the same seed gives the same run on every machine.

use super::Strategy;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// The random strategy.
pub struct Random {
    rng: ChaCha8Rng,
}

impl Random {
    /// Seeded.
    pub fn new(seed: u64) -> Random {
        Random { rng: ChaCha8Rng::seed_from_u64(seed) }
    }
}

impl Strategy for Random {
    fn pick(&mut self, ready: &[i32]) -> usize {
        self.rng.gen_range(0..ready.len())
    }
}
