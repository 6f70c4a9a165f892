//! glibc's `rand()`, bit for bit: the additive feedback generator
//! (TYPE_3, degree 31, separation 3) seeded through the Park-Miller LCG,
//! with the first 310 outputs discarded.

/// The generator's state (34 words: the 31-word table plus the three
/// older values the recurrence reaches back to, in a ring).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Rand {
    r: [u32; 34],
    i: usize,
}

impl Default for Rand {
    /// The state after `srand(1)`, which is glibc's default (computed once).
    fn default() -> Self {
        static DEFAULT: std::sync::LazyLock<Rand> = std::sync::LazyLock::new(|| {
            let mut r = Rand { r: [0; 34], i: 0 };
            r.seed(1);
            r
        });
        DEFAULT.clone()
    }
}

impl Rand {
    /// `srand(seed)`.
    pub fn seed(&mut self, seed: u32) {
        let seed = if seed == 0 { 1 } else { seed };
        let mut r = [0u32; 34];
        r[0] = seed;
        for i in 1..31 {
            // r[i] = 16807 * r[i-1] mod (2^31 - 1), Schrage's method on i32.
            let prev = r[i - 1] as i32;
            let hi = prev / 127773;
            let lo = prev % 127773;
            let mut word = 16807i32.wrapping_mul(lo).wrapping_sub(2836i32.wrapping_mul(hi));
            if word < 0 {
                word = word.wrapping_add(2147483647);
            }
            r[i] = word as u32;
        }
        for i in 31..34 {
            r[i] = r[i - 31];
        }
        self.r = r;
        self.i = 34;
        for _ in 0..310 {
            self.step();
        }
    }

    fn step(&mut self) -> u32 {
        let i = self.i;
        let v = self.r[(i + 34 - 31) % 34].wrapping_add(self.r[(i + 34 - 3) % 34]);
        self.r[i % 34] = v;
        self.i = (i + 1) % 34 + 34;
        v
    }

    /// A cheap summary of the state for the spin detector: its position
    /// and the two words next read. Equal states give equal digests; two
    /// states that differ elsewhere but agree here (a chance of 2^-64 for
    /// generated words) could only park a spinning process early, which
    /// the next write undoes.
    pub fn digest(&self) -> (usize, u32, u32) {
        // `i` is in 34..68 (see `step`): the words at (i + 3) % 34 and
        // (i + 31) % 34, without a division (this runs at every shared load).
        let i = self.i;
        let wrap = |j: usize| if j >= 68 { j - 68 } else { j - 34 };
        (i, self.r[wrap(i + 3)], self.r[wrap(i + 31)])
    }

    /// `rand()`.
    pub fn rand(&mut self) -> i32 {
        (self.step() >> 1) as i32
    }
}

#[cfg(test)]
mod tests {
    use super::Rand;

    #[test]
    fn digest_names_the_two_words_the_next_step_reads() {
        let mut r = Rand::default();
        for _ in 0..100 {
            let (i, a, b) = r.digest();
            assert_eq!((a, b), (r.r[(i + 34 - 31) % 34], r.r[(i + 34 - 3) % 34]));
            let next = r.step();
            assert_eq!(next, a.wrapping_add(b));
        }
    }
}
