//! Chaos: seeded random yields and short sleeps at visible operations, so
//! races show up on real hardware far more often than by luck.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// A process's chaos source (seeded from the run's seed and its pid).
pub struct Chaos(ChaCha8Rng);

impl Chaos {
    /// For process `pid` of a run seeded with `seed`.
    pub fn new(seed: u64, pid: i32) -> Chaos {
        Chaos(ChaCha8Rng::seed_from_u64(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ pid as u64))
    }

    /// Perturbs the schedule before a visible operation.
    pub fn before_step(&mut self) {
        match self.0.gen_range(0..16) {
            // SAFETY: plain system calls without memory arguments.
            0..=3 => unsafe {
                libc::sched_yield();
            },
            4 => unsafe {
                libc::usleep(self.0.gen_range(1..200));
            },
            _ => {}
        }
    }
}
