//! Running a program under a strategy: every choice of which process
//! takes the next step goes through [`Strategy`], and is recorded, so the
//! list of choices (a token) replays the run exactly.

pub mod pct;
pub mod random;
pub mod replay;
pub mod rr;
pub mod token;

use crate::check::{self, End, Failure};
use crate::interp::Fault;
use crate::ir::Program;
use crate::kernel::{Config, History, Machine, StepCtx, TimeMode};
use crate::outcome::Outcome;
use crate::trace::{Edge, Event};

/// Decides which ready process takes the next step.
pub trait Strategy {
    /// Index into `ready` (pids in increasing order, at least two).
    fn pick(&mut self, ready: &[i32]) -> usize;
}

/// Everything a run produced.
#[derive(Debug, Clone)]
pub struct RunResult {
    /// How it ended.
    pub end: End,
    /// What was observed.
    pub outcome: Outcome,
    /// Visible operations.
    pub steps: u64,
    /// IR instructions executed.
    pub instructions: u64,
    /// The choice made at each step with more than one ready process.
    pub choices: Vec<u32>,
    /// The trace, if asked for.
    pub trace: Option<Vec<Event>>,
    /// Happens-before edges.
    pub edges: Vec<Edge>,
    /// Processes killed by signals the kernel raised, with the cause.
    pub faults: Vec<(i32, Fault)>,
    /// Signals sent with `kill`: (target, signal).
    pub sent: Vec<(i32, i32)>,
    /// The final machine.
    pub machine: Machine,
}

impl RunResult {
    /// The run's failure by DESIGN.md's definition ([`check::failure`]).
    pub fn failure(&self) -> Option<Failure> {
        check::failure(&self.outcome, &self.sent, Some(&self.end))
    }

    /// True if the run failed.
    pub fn failed(&self) -> bool {
        self.failure().is_some()
    }
}

/// Visible operations after which strict time lets sleepers wake even
/// though some process is still ready (it must be busy-waiting).
const STEPS_WITHOUT_TIME: u32 = 1000;

/// Runs `prog` to its end, asking `strategy` at every real choice.
pub fn run(prog: &Program, config: &Config, strategy: &mut dyn Strategy, trace: bool) -> RunResult {
    let mut history = History::new(trace);
    let mut cx = StepCtx { prog, config, history: &mut history, instructions: 0, since: Vec::new() };
    let mut m = Machine::new(&mut cx);
    let (mut ready, mut pids, mut choices) = (Vec::new(), Vec::new(), Vec::new());
    let (mut clock, mut still) = (m.clock, 0u32);
    let end = loop {
        if cx.history.steps >= config.limits.max_steps {
            break End::StepBudget;
        }
        m.ready(config, &mut ready);
        if ready.is_empty() {
            if config.time == TimeMode::Strict && m.wake_next_sleeper() {
                continue;
            }
            break check::judge(&m, prog);
        }
        let k = if ready.len() == 1 {
            0
        } else {
            pids.clear();
            pids.extend(ready.iter().map(|&i| m.procs[i].pid));
            let k = strategy.pick(&pids).min(ready.len() - 1);
            choices.push(k as u32);
            k
        };
        m.step(ready[k], &mut cx);
        // Strict time: computing takes no time, but a process busy-waiting
        // for ever must not freeze the clock for a sleeping one.
        still = if m.clock == clock { still + 1 } else { 0 };
        clock = m.clock;
        if still >= STEPS_WITHOUT_TIME && config.time == TimeMode::Strict && m.wake_next_sleeper() {
            still = 0;
        }
    };
    let instructions = cx.instructions;
    let h = history;
    RunResult {
        end,
        outcome: h.outcome,
        steps: h.steps,
        instructions,
        choices,
        trace: h.trace,
        edges: h.edges,
        faults: h.faults,
        sent: h.sent,
        machine: m,
    }
}
