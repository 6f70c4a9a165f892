//! Running a program under a strategy: every choice of which process
//! takes the next step goes through [`Strategy`], and is recorded, so the
//! list of choices (a token) replays the run exactly.

pub mod pct;
pub mod random;
pub mod replay;
pub mod rr;
pub mod token;

use crate::ir::Program;
use crate::kernel::{Config, End, Machine, StepCtx};
use crate::outcome::Outcome;
use crate::trace::{Edge, TraceEvent};

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
    pub trace: Option<Vec<TraceEvent>>,
    /// Happens-before edges.
    pub edges: Vec<Edge>,
    /// The final machine.
    pub machine: Machine,
}

impl RunResult {
    /// A failure by DESIGN.md's definition.
    pub fn failed(&self) -> bool {
        self.end.is_failure() || self.machine.failed()
    }
}

/// Visible operations after which strict time lets sleepers wake even
/// though some process is still ready (it must be busy-waiting).
const STEPS_WITHOUT_TIME: u32 = 1000;

/// Runs `prog` to its end, asking `strategy` at every real choice.
pub fn run(prog: &Program, config: &Config, strategy: &mut dyn Strategy, trace: bool) -> RunResult {
    let mut edges = Vec::new();
    let mut trace_buf = trace.then(Vec::new);
    let mut cx = StepCtx { prog, config, trace: trace_buf.as_mut(), edges: &mut edges, instructions: 0 };
    let mut m = Machine::new(&mut cx);
    let (mut ready, mut pids, mut choices) = (Vec::new(), Vec::new(), Vec::new());
    let (mut clock, mut still) = (m.clock, 0u32);
    let end = loop {
        if m.steps >= config.limits.max_steps {
            break End::StepBudget;
        }
        m.ready(config, &mut ready);
        if ready.is_empty() {
            match m.idle(prog, config) {
                Some(end) => break end,
                None => continue,
            }
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
        if still >= STEPS_WITHOUT_TIME && config.time == crate::kernel::TimeMode::Strict && m.wake_next_sleeper() {
            still = 0;
        }
    };
    let instructions = cx.instructions;
    RunResult { end, outcome: m.outcome.clone(), steps: m.steps, instructions, choices, trace: trace_buf, edges, machine: m }
}
