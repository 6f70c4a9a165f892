//! Exhaustive search on many cores and many machines: the tree of
//! choices is cut, at the first depth where it has [`SUBTREES`] branches
//! or more, into subtrees that are searched apart, each with its own
//! stored states, and joined in the order of the tree.
//!
//! Every path from the start passes through one subtree's root, so every
//! reachable state is reached in some subtree, and every bottom component
//! (a livelock) reachable from a root is found by that root's search:
//! the split is sound. The searches of one process share the states whose
//! components they completed ([`Completed`]): a state another search
//! finished is not explored again, and a state finished in doubt stays a
//! doubt. A state that two threads are in at once is still explored by
//! both: on programs whose subtrees meet at once (every thread in the same
//! states at the same time) that is most of the work. Shards on other
//! machines share nothing.
//!
//! The cut depends on the program alone, never on the number of jobs or
//! shards. Which subtree reaches a state first depends on the threads'
//! timing, so path counts and, when the program fails in more than one
//! way, which failure is found first may differ from run to run; with
//! `--keep-going` the distinct failures and outcomes do not.

use super::exhaustive::{Completed, Dfs, Pending, Progress, RanOut, Verdict};
use super::search::{tally, Tally};
use crate::check::races::Race;
use crate::ir::Program;
use crate::options::Options;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering::Relaxed};
use std::sync::Mutex;
use std::time::Instant;

/// Subtrees the search is cut into (at least; fewer if the tree is small).
pub const SUBTREES: usize = 64;

/// The deepest level of choices the cut looks at.
const MAX_LEVELS: usize = 24;

/// Which subtrees a search explores: all, or shard `i` of `n` (1-based;
/// subtree `k` belongs to shard `k % n + 1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// This shard (1-based).
    pub index: u64,
    /// How many shards.
    pub count: u64,
}

impl Shard {
    fn owns(self, k: usize) -> bool {
        k as u64 % self.count + 1 == self.index
    }
}

/// What one subtree's search found.
struct Part {
    failures: Vec<Pending>,
    outcomes: Tally,
    /// Its states, steps, matches, depth, and what it ran out of.
    sizes: (u64, u64, u64, u64),
    /// Runs whose history the linearizability check could not judge.
    spec_unknown: u64,
    ran_out: Option<RanOut>,
    races: Vec<(Race, Vec<u32>)>,
}

/// The roots of the subtrees, as choices from the start, in the order of
/// the tree: the whole tree's first level with [`SUBTREES`] branches or
/// more (a branch that ends or has no choice left stays a root).
pub fn subtrees(prog: &Program, opts: &Options) -> Vec<Vec<u32>> {
    let config = opts.config();
    let mut never = |_: &Progress| true;
    let dfs = Dfs::new(prog, opts, &config, &mut never);
    let mut level: Vec<(Vec<u32>, bool)> = vec![(Vec::new(), false)];
    for _ in 0..MAX_LEVELS {
        if level.len() >= SUBTREES || level.iter().all(|(_, leaf)| *leaf) {
            break;
        }
        let mut next = Vec::new();
        for (p, leaf) in level {
            let ready = if leaf { 0 } else { dfs.state_at(&p).map_or(0, |s| s.3.len()) };
            if ready > 1 {
                next.extend((0..ready as u32).map(|k| ([p.as_slice(), &[k]].concat(), false)));
            } else {
                next.push((p, true));
            }
        }
        level = next;
    }
    level.into_iter().map(|(p, _)| p).collect()
}

/// Searches the subtrees (of `shard`, or all) on `opts.jobs` threads and
/// joins what they found in the order of the tree. `on_progress` is
/// called on this thread now and then with the sums so far, and stops the
/// search (as interrupted) by returning false.
pub fn exhaustive_split(prog: &Program, opts: &Options, shard: Option<Shard>, on_progress: &mut dyn FnMut(&Progress) -> bool) -> Verdict {
    let roots = subtrees(prog, opts);
    let mine: Vec<usize> = (0..roots.len()).filter(|&k| shard.is_none_or(|s| s.owns(k))).collect();
    let parts: Vec<Mutex<Option<Part>>> = roots.iter().map(|_| Mutex::new(None)).collect();
    // Without --keep-going, the first subtree with a failure: the ones
    // after it need not be searched.
    let cutoff = AtomicUsize::new(usize::MAX);
    let (next, states, transitions) = (AtomicUsize::new(0), AtomicU64::new(0), AtomicU64::new(0));
    let stop = AtomicBool::new(false);
    let completed = Completed::new();
    let started = Instant::now();
    let out_of = |states: u64| (states >= opts.max_states, opts.time_limit.is_some_and(|t| started.elapsed() >= t));
    let work = || loop {
        let j = next.fetch_add(1, Relaxed);
        let Some(&k) = mine.get(j) else { return };
        if k > cutoff.load(Relaxed) || stop.load(Relaxed) {
            continue;
        }
        let config = opts.config();
        let (mut seen_states, mut seen_steps) = (0, 0);
        let mut go_on = |p: &Progress| {
            states.fetch_add(p.states - seen_states, Relaxed);
            transitions.fetch_add(p.transitions - seen_steps, Relaxed);
            (seen_states, seen_steps) = (p.states, p.transitions);
            let (full, late) = out_of(states.load(Relaxed));
            !(full || late || stop.load(Relaxed) || k > cutoff.load(Relaxed))
        };
        let mut dfs = Dfs::new(prog, opts, &config, &mut go_on);
        dfs.from(roots[k].clone(), &completed);
        dfs.search();
        let (failures, outcomes, races) =
            (std::mem::take(&mut dfs.failures), std::mem::take(&mut dfs.outcomes), std::mem::take(&mut dfs.races));
        let v = &dfs.v;
        let (sizes, ran_out, spec_unknown) = ((v.states, v.transitions, v.matched, v.max_depth), v.ran_out, v.spec_unknown);
        drop(dfs);
        states.fetch_add(sizes.0 - seen_states, Relaxed);
        transitions.fetch_add(sizes.1 - seen_steps, Relaxed);
        if !opts.keep_going && !failures.is_empty() {
            cutoff.fetch_min(k, Relaxed);
        }
        *parts[k].lock().unwrap_or_else(|e| e.into_inner()) = Some(Part { failures, outcomes, sizes, ran_out, races, spec_unknown });
    };
    std::thread::scope(|s| {
        let workers: Vec<_> = (0..opts.jobs.max(1)).map(|_| s.spawn(work)).collect();
        while !workers.iter().all(|w| w.is_finished()) {
            let p = Progress { states: states.load(Relaxed), transitions: transitions.load(Relaxed), depth: 0, frontier: 0 };
            if !on_progress(&p) {
                stop.store(true, Relaxed);
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    });
    let parts: Vec<Option<Part>> = parts.into_iter().map(|m| m.into_inner().unwrap_or_else(|e| e.into_inner())).collect();
    let (full, late) = out_of(states.load(Relaxed));
    let why = if full {
        Some(RanOut::States)
    } else if late {
        Some(RanOut::Time)
    } else if stop.into_inner() {
        Some(RanOut::Interrupted)
    } else {
        None
    };
    join(prog, opts, &mine, parts, cutoff.into_inner(), why)
}

/// The parts in the order of the tree (up to the cutoff), as one search's
/// verdict.
fn join(prog: &Program, opts: &Options, mine: &[usize], mut parts: Vec<Option<Part>>, cutoff: usize, why: Option<RanOut>) -> Verdict {
    let config = opts.config();
    let mut never = |_: &Progress| true;
    let mut all = Dfs::new(prog, opts, &config, &mut never);
    all.v.ran_out = why;
    for &k in mine.iter().filter(|&&k| k <= cutoff) {
        let Some(part) = parts[k].take() else {
            // Never searched: stopped before its turn.
            all.v.ran_out.get_or_insert(RanOut::Interrupted);
            continue;
        };
        let (states, transitions, matched, depth) = part.sizes;
        all.v.states += states;
        all.v.transitions += transitions;
        all.v.matched += matched;
        all.v.spec_unknown += part.spec_unknown;
        all.v.max_depth = all.v.max_depth.max(depth);
        if let Some(r) = part.ran_out {
            all.v.ran_out.get_or_insert(r);
        }
        for p in part.failures {
            let first = all.failures.is_empty();
            match all.failures.iter_mut().find(|q| q.key == p.key) {
                Some(q) => q.count += p.count,
                None if opts.keep_going || first => all.failures.push(p),
                None => {}
            }
        }
        for (r, choices) in part.races {
            if !all.races.iter().any(|(x, _)| (x.first.span, x.second.span) == (r.first.span, r.second.span)) {
                all.races.push((r, choices));
            }
        }
        for (outcome, count, _, choices, failed) in part.outcomes.into_values() {
            tally(&mut all.outcomes, &outcome, count, k as u64, &choices, failed);
        }
    }
    all.finish()
}
