//! The library's operations over runs: search for a failure, list the
//! distinct outcomes, replay a token. The CLI is a thin layer over these.

use super::replay::Replay;
use super::token::{self, TokenError};
use super::{RunResult, Runner};
use crate::check::races::Race;
use crate::ir::Program;
use crate::options::{Options, StrategyKind};
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
    /// The seed of the first of them (random and PCT).
    pub seed: u64,
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
    /// The caller stopped it before its runs were made (Ctrl-C).
    pub interrupted: bool,
    /// Data races found (each pair of source places once), with the
    /// seed of the first run that showed each.
    pub races: Vec<(Race, u64)>,
    /// Runs whose history of operations the linearizability check could
    /// not judge within its budget (specification mode).
    pub spec_unknown: u64,
}

/// The run's history could not be judged within the check's budget.
fn unknown(r: &RunResult) -> bool {
    r.spec == Some(crate::check::linearizable::Linearizability::Unknown)
}

/// Adds the races of run `k` not seen yet (by their pair of places).
fn note_races(races: &mut Vec<(Race, u64)>, found: &[Race], seed: u64) {
    for r in found {
        let same = |x: &(Race, u64)| (x.0.first.span, x.0.second.span) == (r.first.span, r.second.span);
        match races.iter_mut().find(|x| same(x)) {
            Some(x) if seed < x.1 => *x = (*r, seed),
            Some(_) => {}
            None => races.push((*r, seed)),
        }
    }
}

/// Runs up to `opts.runs` executions and stops at the first failure.
/// `on_run` is called after each run (for progress bars).
pub fn explore(prog: &Program, opts: &Options, on_run: &mut dyn FnMut(u64)) -> Search {
    search(prog, opts, false, &mut |k| {
        on_run(k);
        true
    })
}

/// Runs all `opts.runs` executions and collects the distinct outcomes
/// (and the first failure).
pub fn outcomes(prog: &Program, opts: &Options, on_run: &mut dyn FnMut(u64)) -> Search {
    search(prog, opts, true, &mut |k| {
        on_run(k);
        true
    })
}

/// [`explore`] (or [`outcomes`], when `collect`) that the caller can
/// stop: `go_on` is called now and then with the runs made so far, and
/// the search stops (as interrupted, with what it found) when it returns
/// false.
pub fn search_until(prog: &Program, opts: &Options, collect: bool, go_on: &mut dyn FnMut(u64) -> bool) -> Search {
    search(prog, opts, collect, go_on)
}

fn search(prog: &Program, opts: &Options, collect: bool, on_run: &mut dyn FnMut(u64) -> bool) -> Search {
    let parallel = matches!(opts.strategy, StrategyKind::Random | StrategyKind::Pct { .. });
    if opts.jobs > 1 && parallel && opts.runs > 1 {
        return search_parallel(prog, opts, collect, on_run);
    }
    let config = opts.config();
    let runner = Runner::new(prog, &config).judging(opts);
    let binding = token::binding(prog, &config);
    let mut sched = super::scheduler(opts);
    let mut seen = Tally::new();
    let mut out = Search::default();
    for k in 0..opts.runs {
        if k > 0 && !sched.new_execution() {
            break;
        }
        let r = runner.run(&mut *sched, false);
        out.runs = k + 1;
        out.spec_unknown += u64::from(unknown(&r));
        note_races(&mut out.races, &r.races, opts.seed.wrapping_add(k));
        if !on_run(k + 1) {
            out.interrupted = true;
        }
        let failed = r.failed();
        if collect {
            tally(&mut seen, &r.outcome, 1, k, &r.choices, failed);
        }
        if failed && out.failure.is_none() {
            out.failure = Some(found(prog, opts, &runner, k, &r));
            if !collect {
                break;
            }
        }
        runner.recycle(r);
        if out.interrupted {
            break;
        }
    }
    out.outcomes = distinct(seen, binding, opts);
    out
}

/// The distinct outcomes of a search, keyed by the serialised outcome
/// (so the order is stable): the outcome, its runs, the lowest of them,
/// that run's choices, and whether it failed.
pub(super) type Tally = BTreeMap<String, (Outcome, u64, u64, Vec<u32>, bool)>;

/// Adds `count` runs that ended in `outcome`, the lowest of them run `k`.
pub(super) fn tally(t: &mut Tally, outcome: &Outcome, count: u64, k: u64, choices: &[u32], failed: bool) {
    let key = serde_json::to_string(outcome).unwrap_or_default();
    let e = t.entry(key).or_insert_with(|| (outcome.clone(), 0, k, choices.to_vec(), failed));
    e.1 += count;
    if k < e.2 {
        (e.2, e.3, e.4) = (k, choices.to_vec(), failed);
    }
}

/// The tally as the search reports it: most frequent first, each with
/// the token and seed of its lowest run.
pub(super) fn distinct(t: Tally, binding: u64, opts: &Options) -> Vec<Seen> {
    let mut v: Vec<Seen> = t
        .into_values()
        .map(|(outcome, count, k, choices, failed)| Seen {
            outcome,
            count,
            token: token::encode(binding, &choices),
            seed: opts.seed.wrapping_add(k),
            failed,
        })
        .collect();
    v.sort_by(|x, y| y.count.cmp(&x.count).then_with(|| x.token.cmp(&y.token)));
    v
}

/// Run `k` of a search failed: its schedule shrunk, and replayed with
/// the trace on, to show it.
fn found(prog: &Program, opts: &Options, runner: &Runner, k: u64, r: &RunResult) -> Found {
    let (run, seed) = (k + 1, opts.seed.wrapping_add(k));
    match shrinkable(r).filter(|_| opts.shrink) {
        Some(key) => {
            let s = super::exhaustive::shrink(prog, opts, &key, r.choices.clone(), r.preempted, r.steps);
            Found { run, seed, ..s.found }
        }
        None => {
            let result = runner.run(&mut Replay::new(r.choices.clone()), true);
            let token = token::encode(token::binding(prog, &opts.config()), &r.choices);
            Found { run, seed, result, token, shrunk: None }
        }
    }
}

/// The scheduler of run `k` of a search: run k uses seed + k, so any
/// thread can make any run.
fn scheduler_for_run(opts: &Options, k: u64) -> Box<dyn super::Scheduler> {
    let mut o = opts.clone();
    o.seed = opts.seed.wrapping_add(k);
    super::scheduler(&o)
}

/// The same search on `opts.jobs` threads, with the same result: the
/// failure reported is the lowest failing run's, each outcome's token is
/// its lowest run's, whatever thread made it and whenever.
fn search_parallel(prog: &Program, opts: &Options, collect: bool, on_run: &mut dyn FnMut(u64) -> bool) -> Search {
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering::Relaxed};
    let stop = AtomicBool::new(false);
    use std::sync::Mutex;
    let (next, done, lowest) = (AtomicU64::new(0), AtomicU64::new(0), AtomicU64::new(u64::MAX));
    // Runs past the lowest failure may be counted too: a count of what
    // was run, not of the runs reported.
    let unknowns = AtomicU64::new(0);
    let merged: Mutex<Tally> = Mutex::new(BTreeMap::new());
    let all_races: Mutex<Vec<(Race, u64)>> = Mutex::new(Vec::new());
    let work = || {
        let config = opts.config();
        let runner = Runner::new(prog, &config).judging(opts);
        let mut mine = Tally::new();
        let mut races = Vec::new();
        loop {
            let k = next.fetch_add(1, Relaxed);
            if k >= opts.runs || (!collect && k > lowest.load(Relaxed)) || stop.load(Relaxed) {
                break;
            }
            let r = runner.run(&mut *scheduler_for_run(opts, k), false);
            done.fetch_add(1, Relaxed);
            if unknown(&r) {
                unknowns.fetch_add(1, Relaxed);
            }
            note_races(&mut races, &r.races, opts.seed.wrapping_add(k));
            let failed = r.failed();
            if failed {
                lowest.fetch_min(k, Relaxed);
            }
            if collect {
                tally(&mut mine, &r.outcome, 1, k, &r.choices, failed);
            }
            runner.recycle(r);
        }
        {
            let mut all = all_races.lock().unwrap_or_else(|e| e.into_inner());
            for (r, seed) in races {
                note_races(&mut all, &[r], seed);
            }
        }
        let mut all = merged.lock().unwrap_or_else(|e| e.into_inner());
        for (outcome, count, k, choices, failed) in mine.into_values() {
            tally(&mut all, &outcome, count, k, &choices, failed);
        }
    };
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..opts.jobs).map(|_| s.spawn(work)).collect();
        while !workers.iter().all(|w| w.is_finished()) {
            if !on_run(done.load(Relaxed)) {
                stop.store(true, Relaxed);
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    });
    let interrupted = stop.into_inner();
    let config = opts.config();
    let runner = Runner::new(prog, &config).judging(opts);
    let binding = token::binding(prog, &config);
    let mut races = all_races.into_inner().unwrap_or_else(|e| e.into_inner());
    // In the order one thread would have found them.
    races.sort_by_key(|(r, seed)| (*seed, r.second.step));
    let mut out = Search { interrupted, races, spec_unknown: unknowns.into_inner(), ..Search::default() };
    let first = lowest.into_inner();
    // Interrupted, the runs made are not a prefix of the seeds: the
    // count is of runs made.
    out.runs = if first < u64::MAX && !collect {
        first + 1
    } else if interrupted {
        done.into_inner()
    } else {
        opts.runs
    };
    if first < u64::MAX {
        let r = runner.run(&mut *scheduler_for_run(opts, first), false);
        out.failure = Some(found(prog, opts, &runner, first, &r));
    }
    out.outcomes = distinct(merged.into_inner().unwrap_or_else(|e| e.into_inner()), binding, opts);
    out
}

/// The key of a run's failure, if shrinking can look for it (a run cut
/// by the step budget cannot be: a search never calls that a failure).
fn shrinkable(r: &RunResult) -> Option<super::exhaustive::FailureKey> {
    let f = r.failure()?;
    // A data race is no failure the search without the detector finds.
    let searchable = r.end != crate::check::End::StepBudget && !matches!(f, crate::check::Failure::DataRace { .. });
    searchable.then(|| super::exhaustive::failure_key(&f, Some(&r.end), &r.faults))
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
    let r = Runner::new(prog, &config).judging(opts).run(&mut st, trace);
    if st.misfit || !st.exhausted() {
        return Err(ReplayError::Misfit);
    }
    Ok(r)
}
