//! Detectors, in one place: how a run ended (all exited, deadlock with
//! its wait-for graph, livelock, endless loop, budget) and the single
//! definition of failure that every command and both backends use.

mod failure;
pub mod leaks;
pub mod linearizable;
pub mod races;
pub mod verdict;
mod waits;

pub use failure::{failure, Failure};
pub use verdict::{judge, End, Stuck};
pub use waits::Waits;
