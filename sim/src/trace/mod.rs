//! Traces: one visible event a line. Events are data ([`Event`]); the
//! canonical text form (stable, diff-friendly: what the snapshots in
//! `traces/` hold) and JSON lines are renderings of them that read
//! nothing but the events and the program's source.

mod columns;
mod event;
mod render;

pub use columns::to_columns;
pub use event::{Data, Event, Loc, Passed, What};
pub use render::{
    describe, describe_loc, describe_pending, describe_short, fmt_time, loc_expr, loc_place, quote, show_value, to_json, to_json_lines,
    to_text, to_text_marked,
};

use serde::Serialize;

/// The kind of a happens-before edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum EdgeKind {
    /// `fork` before the child's first step.
    Fork,
    /// A child's exit before the `wait` that reaps it.
    ExitWait,
    /// A pipe write before the read that takes its bytes.
    Pipe,
    /// A `sem_post` before the wait that takes its unit (posts are taken
    /// oldest first).
    Semaphore,
    /// A `kill` (or a child's exit, for `SIGCHLD`) before the handler it
    /// made run.
    Signal,
    /// A store to shared memory before a load that reads what it stored
    /// (sequentially consistent: the load sees the last store to each
    /// byte).
    ReadsFrom,
}

/// What a process was doing when a step was taken (for timelines).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LaneState {
    /// It took this step.
    Running,
    /// It could have taken it.
    Ready,
    /// Waiting in this call.
    Blocked(&'static str),
    /// Spin-parked: busy-waiting on memory nobody has changed.
    Spinning,
    /// In `sleep` (strict time).
    Sleeping,
    /// Ended, not yet reaped.
    Zombie,
}

/// Each live (or zombie) process's state when one step was taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Lanes {
    /// The step.
    pub step: u64,
    /// (pid, state), in pid order.
    pub states: Vec<(i32, LaneState)>,
}

/// A happens-before edge between two steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Edge {
    /// Earlier step.
    pub from: u64,
    /// Later step.
    pub to: u64,
    /// What created it.
    pub kind: EdgeKind,
}
