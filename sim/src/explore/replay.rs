//! Replays recorded choices; notices when they do not fit the run.

use super::scheduler::{Scheduler, Task};

/// The replay strategy.
pub struct Replay {
    choices: Vec<u32>,
    next: usize,
    /// Past the recorded choices, go on without preempting (the running
    /// process keeps the CPU while it can) instead of calling it a misfit.
    go_on: bool,
    /// Set if a choice was missing or out of range.
    pub misfit: bool,
}

impl Replay {
    /// From a token's choices.
    pub fn new(choices: Vec<u32>) -> Replay {
        Replay { choices, next: 0, go_on: false, misfit: false }
    }

    /// Replays `prefix`, then goes on without preempting to the run's
    /// end (how a search turns the schedule that reached a failure into
    /// a whole run, and so a token).
    pub fn then_go_on(prefix: Vec<u32>) -> Replay {
        Replay { go_on: true, ..Replay::new(prefix) }
    }

    /// True if every recorded choice was used.
    pub fn exhausted(&self) -> bool {
        self.next == self.choices.len()
    }
}

impl Scheduler for Replay {
    /// A token holds one execution.
    fn new_execution(&mut self) -> bool {
        false
    }

    fn next_u64(&mut self) -> u64 {
        0
    }

    fn next_task(&mut self, ready: &[Task], current: Option<i32>) -> usize {
        let c = self.choices.get(self.next).copied();
        self.next += 1;
        match c {
            Some(c) if (c as usize) < ready.len() => c as usize,
            // Past the choices: buffered stores reach memory first (so a
            // process spinning on its own buffered store is not left
            // spinning for ever), then the running process goes on.
            None if self.go_on => {
                ready.iter().position(|t| t.flush).or_else(|| ready.iter().position(|t| Some(t.pid) == current)).unwrap_or(0)
            }
            _ => {
                self.misfit = true;
                0
            }
        }
    }
}
