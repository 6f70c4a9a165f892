//! Round-robin, the textbook scheduler: the running process keeps the CPU
//! for `quantum` visible operations (or until it blocks), then the next
//! ready process in pid order gets it.

use super::scheduler::{Scheduler, Task};

/// The round-robin strategy.
pub struct RoundRobin {
    quantum: u32,
    current: i32,
    used: u32,
}

impl RoundRobin {
    /// With a quantum counted in visible operations (at least 1).
    pub fn new(quantum: u32) -> RoundRobin {
        RoundRobin { quantum: quantum.max(1), current: i32::MIN, used: 0 }
    }
}

impl Scheduler for RoundRobin {
    fn new_execution(&mut self) -> bool {
        *self = RoundRobin::new(self.quantum);
        true
    }

    fn next_u64(&mut self) -> u64 {
        0
    }

    fn next_task(&mut self, tasks: &[Task], _current: Option<i32>) -> usize {
        // The textbook machine is sequentially consistent: a buffered
        // store reaches memory at once.
        if let Some(k) = tasks.iter().position(|t| t.flush) {
            return k;
        }
        let ready: Vec<i32> = tasks.iter().filter(|t| !t.fault && !t.stale).map(|t| t.pid).collect();
        if let Some(k) = ready.iter().position(|&p| p == self.current) {
            if self.used < self.quantum {
                self.used += 1;
                return k;
            }
        }
        let k = ready.iter().position(|&p| p > self.current).unwrap_or(0);
        self.current = ready[k];
        self.used = 1;
        k
    }
}
