//! The library's operations over runs: search for a failure, list the
//! distinct outcomes, replay a token. The CLI is a thin layer over these.

use super::replay::Replay;
use super::token::{self, TokenError};
use super::{run, RunResult, Runner};
use crate::ir::Program;
use crate::options::Options;
use crate::outcome::Outcome;
use std::collections::BTreeMap;

/// A failing run found by a search.
#[derive(Debug, Clone)]
pub struct Found {
    /// Which run of the search (1-based).
    pub run: u64,
    /// The seed of that run (random and PCT strategies).
    pub seed: u64,
    /// The run, replayed with its trace.
    pub result: RunResult,
    /// The token that replays it.
    pub token: String,
    /// What shrinking did to the schedule the search found, if it ran.
    pub shrunk: Option<super::exhaustive::ShrinkNote>,
}

/// One distinct outcome of a search.
#[derive(Debug, Clone)]
pub struct Seen {
    /// What a user observes.
    pub outcome: Outcome,
    /// Runs that ended so.
    pub count: u64,
    /// The token of the first of them.
    pub token: String,
    /// Those runs failed.
    pub failed: bool,
}

/// What a search did.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// Runs made.
    pub runs: u64,
    /// The first failure, if any.
    pub failure: Option<Found>,
    /// The distinct outcomes, most frequent first (when collected).
    pub outcomes: Vec<Seen>,
}

/// Runs up to `opts.runs` executions and stops at the first failure.
/// `on_run` is called after each run (for progress bars).
pub fn explore(prog: &Program, opts: &Options, on_run: &mut dyn FnMut(u64)) -> Search {
    search(prog, opts, false, on_run)
}

/// Runs all `opts.runs` executions and collects the distinct outcomes
/// (and the first failure).
pub fn outcomes(prog: &Program, opts: &Options, on_run: &mut dyn FnMut(u64)) -> Search {
    search(prog, opts, true, on_run)
}

fn search(prog: &Program, opts: &Options, collect: bool, on_run: &mut dyn FnMut(u64)) -> Search {
    let config = opts.config();
    let runner = Runner::new(prog, &config);
    let binding = token::binding(prog, &config);
    let mut sched = super::scheduler(opts);
    let mut seen: BTreeMap<String, Seen> = BTreeMap::new();
    let mut out = Search::default();
    for k in 0..opts.runs {
        if k > 0 && !sched.new_execution() {
            break;
        }
        let r = runner.run(&mut *sched, false);
        out.runs = k + 1;
        on_run(k + 1);
        let failed = r.failed();
        if collect {
            // Keyed by the serialised outcome, so the order is stable.
            let key = serde_json::to_string(&r.outcome).unwrap_or_default();
            let tok = || token::encode(binding, &r.choices);
            seen.entry(key).or_insert_with(|| Seen { outcome: r.outcome.clone(), count: 0, token: tok(), failed }).count += 1;
        }
        if failed && out.failure.is_none() {
            // Shrink the failing schedule, and replay it with the trace
            // on, to show it.
            let (run, seed) = (k + 1, opts.seed.wrapping_add(k));
            out.failure = Some(match shrinkable(&r).filter(|_| opts.shrink) {
                Some(key) => {
                    let s = super::exhaustive::shrink(prog, opts, &key, r.choices.clone(), r.preempted, r.steps);
                    Found { run, seed, ..s.found }
                }
                None => {
                    let result = runner.run(&mut Replay::new(r.choices.clone()), true);
                    Found { run, seed, result, token: token::encode(binding, &r.choices), shrunk: None }
                }
            });
            if !collect {
                break;
            }
        }
    }
    out.outcomes = seen.into_values().collect();
    out.outcomes.sort_by(|x, y| y.count.cmp(&x.count).then_with(|| x.token.cmp(&y.token)));
    out
}

/// The key of a run's failure, if shrinking can look for it (a run cut
/// by the step budget cannot be: a search never calls that a failure).
fn shrinkable(r: &RunResult) -> Option<super::exhaustive::FailureKey> {
    let f = r.failure()?;
    (r.end != crate::check::End::StepBudget).then(|| super::exhaustive::failure_key(&f, Some(&r.end), &r.faults))
}

/// Why a token cannot be replayed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReplayError {
    /// Malformed, or made for another program, version or options.
    Token(TokenError),
    /// Its choices do not fit this program's runs.
    Misfit,
}

impl std::fmt::Display for ReplayError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReplayError::Token(e) => e.fmt(f),
            ReplayError::Misfit => f.write_str("the token's choices do not fit this program's runs"),
        }
    }
}

/// Replays a token: the same run, with its trace when `trace` is set.
pub fn replay(prog: &Program, opts: &Options, tok: &str, trace: bool) -> Result<RunResult, ReplayError> {
    let config = opts.config();
    let choices = token::decode(tok, token::binding(prog, &config)).map_err(ReplayError::Token)?;
    // Past its choices a run goes on without preemption: a livelock's
    // token holds the way into its cycle, and the run goes round it.
    let mut st = Replay::then_go_on(choices);
    let r = run(prog, &config, &mut st, trace);
    if st.misfit || !st.exhausted() {
        return Err(ReplayError::Misfit);
    }
    Ok(r)
}
