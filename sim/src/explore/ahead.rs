//! The forced start of every run, taken once. Until a second process can
//! step, a run has no choice to make and asks its scheduler nothing: the
//! `mmap`, the `fork` and whatever else a program does alone before its
//! processes race are the same steps in every run of a search. A runner
//! takes them once, and each untraced run begins where they end.

use super::{take, turn, Pace};
use crate::ir::Program;
use crate::kernel::inject::{proc_of, MOVE};
use crate::kernel::{Config, History, Machine, StepCtx};

/// Most forced steps taken ahead: a program that runs alone for ever
/// (no `fork`) would otherwise be run to its end once more.
const MAX_AHEAD: u64 = 4096;

/// Where a run goes on from: the scheduling state the steps before left.
#[derive(Debug, Clone, Copy)]
pub(super) struct Resume {
    /// The process that took the last step.
    pub current: Option<i32>,
    /// Strict time's pacing.
    pub pace: Pace,
}

impl Resume {
    /// At the start: no step taken yet.
    pub fn fresh(m: &Machine) -> Resume {
        Resume { current: None, pace: Pace::new(m) }
    }
}

/// The state after the forced steps, with its history, the instructions
/// they took and where the run goes on from.
pub(super) struct Ahead {
    pub machine: Machine,
    pub history: History,
    pub instructions: u64,
    pub resume: Resume,
}

/// Takes the forced steps from `start`, as a run would: `None` if there
/// are none, or if the run ends before any choice (its runs are then
/// made from the start as usual).
pub(super) fn make(start: &(Machine, History, u64), prog: &Program, config: &Config) -> Option<Ahead> {
    let (m, mut history, instructions) = start.clone();
    let mut cx = StepCtx { prog, config, history: &mut history, instructions };
    let (machine, resume) = take_forced(m, &mut cx)?;
    let instructions = cx.instructions;
    Some(Ahead { machine, history, instructions, resume })
}

/// Takes the forced steps in `m` (a copy of the start), as a run would.
fn take_forced(mut m: Machine, cx: &mut StepCtx) -> Option<(Machine, Resume)> {
    let mut ready = Vec::new();
    let mut at = Resume::fresh(&m);
    let mut taken = 0;
    while taken < MAX_AHEAD {
        if turn(&mut m, cx, &mut ready).is_some() {
            return None;
        }
        // A choice, or a move of the memory system or an injected fault
        // (which a run's loop treats apart): the run takes it from here.
        if ready.len() > 1 || ready[0] >= MOVE {
            break;
        }
        at.current = Some(m.procs[proc_of(ready[0])].pid);
        take(&mut m, ready[0], cx, &mut at.pace);
        taken += 1;
    }
    (taken > 0).then_some((m, at))
}
