//! Replays recorded choices; notices when they do not fit the run.

use super::scheduler::{Scheduler, Task};

/// The replay strategy.
pub struct Replay {
    choices: Vec<u32>,
    next: usize,
    /// Set if a choice was missing or out of range.
    pub misfit: bool,
}

impl Replay {
    /// From a token's choices.
    pub fn new(choices: Vec<u32>) -> Replay {
        Replay { choices, next: 0, misfit: false }
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

    fn next_task(&mut self, ready: &[Task], _current: Option<i32>) -> usize {
        let c = self.choices.get(self.next).copied();
        self.next += 1;
        match c {
            Some(c) if (c as usize) < ready.len() => c as usize,
            _ => {
                self.misfit = true;
                0
            }
        }
    }
}
