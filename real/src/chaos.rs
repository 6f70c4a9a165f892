//! Chaos: seeded random yields and short sleeps at visible operations, so
//! races show up on real hardware far more often than by luck.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// A process's chaos source (seeded from the run's seed and its pid).
pub struct Chaos {
    rng: ChaCha8Rng,
    /// Shared accesses to let pass before the next one perturbed.
    quiet: u32,
}

impl Chaos {
    /// For process `pid` of a run seeded with `seed`.
    pub fn new(seed: u64, pid: i32) -> Chaos {
        let mut c = Chaos { rng: ChaCha8Rng::seed_from_u64(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ pid as u64), quiet: 0 };
        c.quiet = c.draw_quiet();
        c
    }

    /// Perturbs the schedule before a visible operation (5 times in 16).
    pub fn before_step(&mut self) {
        if self.rng.gen_range(0..16) < 5 {
            self.perturb();
        }
    }

    /// Before a shared access the process stopped at: perturbs if it is
    /// the one drawn, so accesses are perturbed as often as other steps.
    pub fn before_access(&mut self) {
        if self.quiet == 0 {
            self.perturb();
            self.quiet = self.draw_quiet();
        } else {
            self.quiet -= 1;
        }
    }

    /// Shared accesses that may pass unperturbed from here.
    pub fn quiet(&self) -> u32 {
        self.quiet
    }

    /// `n` accesses passed unperturbed.
    pub fn passed(&mut self, n: u32) {
        self.quiet -= n.min(self.quiet);
    }

    /// How many accesses pass before the next perturbed one: geometric,
    /// as if each were perturbed with probability 5/16.
    fn draw_quiet(&mut self) -> u32 {
        let mut k = 0;
        while k < u32::MAX && self.rng.gen_range(0..16) >= 5 {
            k += 1;
        }
        k
    }

    fn perturb(&mut self) {
        match self.rng.gen_range(0..5) {
            // SAFETY: plain system calls without memory arguments.
            0..=3 => unsafe {
                libc::sched_yield();
            },
            _ => unsafe {
                libc::usleep(self.rng.gen_range(1..200));
            },
        }
    }
}
