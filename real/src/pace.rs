//! When a real process stops at a shared access. Stopping costs far more
//! than the store buffer's window (tens of nanoseconds), so a process
//! that stopped at every access could never show a store overtaken by a
//! later load, as the native binary does. It therefore runs through its
//! accesses inline ([`sim::interp::RunCtx::through`]) and stops only:
//! - for a look: every [`RUN`] accesses it stops at the next few, one by
//!   one, so a spin is seen and waited out on the real locations
//!   (`crate::spin`). Most looks are short, enough for a spin loop of a
//!   few loads; every [`LONG_EVERY`]th is two full streaks long
//!   (`sim::interp::spin`), enough for any spin the simulator parks;
//! - for chaos: before the access chaos perturbs, drawn as before one
//!   access in every 16/5 on average (`crate::chaos`).

use crate::chaos::Chaos;

/// Accesses run through between two looks: a process that spins while
/// the one it waits for is off the CPU gives its core up within some
/// tens of microseconds.
const RUN: u32 = 1024;

/// Accesses in a short look: a spin of up to 7 loads shows twice.
const SHORT_LOOK: u32 = 16;

/// Accesses in a long look: two full spin streaks.
const LONG_LOOK: u32 = 2 * sim::interp::spin::MAX_STREAK as u32 + 2;

/// Every how many looks one is long.
const LONG_EVERY: u32 = 8;

/// A process's pace (copied by `fork`, as the rest of the process).
#[derive(Debug, Clone, Copy)]
pub struct Pace {
    /// Accesses left to run through before the next look.
    run_left: u32,
    /// Accesses left in the current look (0: not looking).
    look_left: u32,
    /// Looks begun.
    looks: u32,
}

impl Default for Pace {
    fn default() -> Pace {
        Pace { run_left: RUN, look_left: 0, looks: 0 }
    }
}

impl Pace {
    /// How many accesses the process may run through now.
    pub fn through(&self, chaos: Option<&Chaos>) -> u32 {
        if self.look_left > 0 {
            return 0;
        }
        chaos.map_or(self.run_left, |c| c.quiet().min(self.run_left))
    }

    /// Counts `n` accesses run through.
    pub fn ran(&mut self, n: u32, chaos: Option<&mut Chaos>) {
        self.run_left -= n.min(self.run_left);
        if let Some(c) = chaos {
            c.passed(n);
        }
    }

    /// The process stopped at an access: true if it is to be looked at
    /// for a spin (the caller then waits it out, or not).
    pub fn stopped(&mut self) -> bool {
        if self.look_left == 0 && self.run_left == 0 {
            self.looks = self.looks.wrapping_add(1);
            self.look_left = if self.looks.is_multiple_of(LONG_EVERY) { LONG_LOOK } else { SHORT_LOOK };
            self.run_left = RUN;
        }
        if self.look_left == 0 {
            return false;
        }
        self.look_left -= 1;
        true
    }

    /// A spin was waited out: the look found what it was for, and the
    /// process runs through again (so a process handed the turn enters
    /// its critical section as fast as natively).
    pub fn waited(&mut self) {
        self.look_left = 0;
        self.run_left = RUN;
    }
}
