//! Exhaustive search (DESIGN.md, "Searching"): depth-first over every
//! interleaving of visible operations, matching states so that a state
//! reached again (by another order of independent steps, or around a
//! busy-wait's cycle) is not explored twice.
//!
//! - A state is the whole [`Machine`] (processes, memory, kernel objects,
//!   clock) with the output so far, the signals sent with `kill` (they
//!   decide whether a later death is a failure), strict time's pacing,
//!   and, under a preemption bound, the process that ran last. Never its
//!   history: two orders reaching one state are one state.
//! - Stored states are 128-bit fingerprints (8 more bytes of sleep set or
//!   preemption count each) unless `exact` stores them whole.
//! - Sleep sets (Godefroid) skip the second order of two independent
//!   steps, independence read from each step's [`footprint`]. Each stored
//!   state keeps the sleep set it was explored with; a revisit with a
//!   smaller one explores the difference (and the stored set becomes the
//!   intersection), which keeps the reduction sound with state matching
//!   and with cycles. Sleep sets prune transitions, never states, so every
//!   reachable state is still visited: terminal outcomes, deadlocks and
//!   failures are all found.
//! - Under a preemption bound the reduction is off (sleep sets and
//!   context bounds do not combine soundly) and a state revisited with
//!   fewer preemptions spent is explored again.
//!
//! [`footprint`]: crate::kernel::Machine::footprint

use super::cycles::{Component, Cycles};
use super::replay::Replay;
use super::search::{distinct, tally, Found, Seen, Tally};
use super::{take, token, turn, with_files, Pace, Runner};
use crate::check::races::Race;
use crate::check::{self, End, Failure};
use crate::interp::fault::Faulted;
use crate::ir::fingerprint;
use crate::ir::Program;
use crate::kernel::inject::{fault_of, flush_entry, is_flush, proc_of, MOVE};
use crate::kernel::{Config, History, Machine, StepCtx, TimeMode};
use crate::options::Options;
use crate::outcome::Outcome;
use crate::source::Span;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::time::Instant;

/// Why a search ended before it was complete.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RanOut {
    /// `max_states` distinct states were stored.
    States,
    /// The time limit passed.
    Time,
    /// A path reached `max_steps` visible operations.
    Depth,
    /// The caller asked it to stop (Ctrl-C).
    Interrupted,
    /// The work budget (`max_work`: live processes summed over the
    /// states explored, a measure of the copying and hashing) ran out.
    Work,
    /// The output and the bytes in pipes held by the states on the
    /// search's path passed [`PATH_OUTPUT`] bytes (each state holds a
    /// copy of both: two writers filling a pipe a byte a step made a path
    /// of 65,000 states hold 2 GB).
    Memory,
}

/// Most bytes of output the states on the search's path may hold: a
/// program that prints without end would otherwise fill memory with
/// copies of its output.
pub const PATH_OUTPUT: u64 = 512 << 20;

impl RanOut {
    /// What ran out, in words.
    pub fn describe(self) -> &'static str {
        match self {
            RanOut::States => "the state budget (--max-states) ran out",
            RanOut::Time => "the time limit (--time-limit) passed",
            RanOut::Depth => "a path reached the step budget (--max-steps)",
            RanOut::Interrupted => "it was interrupted",
            RanOut::Work => "the work budget ran out",
            RanOut::Memory => "the output and pipe contents held along the search's path passed 512 MiB",
        }
    }
}

/// What tells one failure from another: its kind and where it happened
/// (pids are left out: another order of forks numbers processes
/// differently).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FailureKey {
    /// "SIGABRT", "deadlock", "exit status 1", ...
    pub kind: String,
    /// The source places involved (the fault's; each stuck process's).
    pub spans: Vec<Span>,
}

/// One distinct failure a search found.
#[derive(Debug, Clone)]
pub struct Distinct {
    /// What it is.
    pub key: FailureKey,
    /// Paths of the search that reached it (after state matching).
    pub count: u64,
    /// Its first schedule, as a whole run with its trace and token.
    pub found: Found,
    /// Preemptions in that schedule up to the failure.
    pub preemptions: u32,
    /// Visible operations up to the failure.
    pub steps: u64,
}

/// What shrinking made of a failing schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShrinkNote {
    /// Preemptions and steps up to the failure before.
    pub from: (u32, u64),
    /// A complete search at one preemption fewer found nothing (else the
    /// schedule is locally minimal).
    pub minimal: bool,
}

/// What an exhaustive search did.
#[derive(Debug, Clone, Default)]
pub struct Verdict {
    /// Every state reachable (within the preemption bound) was explored.
    pub complete: bool,
    /// Why not, if not.
    pub ran_out: Option<RanOut>,
    /// Distinct states stored.
    pub states: u64,
    /// Steps taken (transitions explored).
    pub transitions: u64,
    /// Arrivals at a stored state that needed no more exploring.
    pub matched: u64,
    /// Deepest path, in visible operations.
    pub max_depth: u64,
    /// Distinct failures, in the order found (only the first unless
    /// `keep_going`).
    pub failures: Vec<Distinct>,
    /// Distinct outcomes of the runs that ended without failing, and of
    /// the failing ones (when `keep_going`), by first schedule.
    pub outcomes: Vec<Seen>,
    /// Whole states were stored (no fingerprint omissions possible).
    pub exact: bool,
    /// The preemption bound, if any.
    pub preemptions: Option<u32>,
    /// Sleep-set reduction was on.
    pub reduced: bool,
    /// An upper bound on the probability that a fingerprint collision
    /// skipped a state (0 when exact or without state matching).
    pub omission: f64,
    /// Data races found (each pair of places once), with the token of a
    /// path that shows each.
    pub races: Vec<(Race, String)>,
    /// Runs whose history of operations the linearizability check could
    /// not judge within its budget (specification mode).
    pub spec_unknown: u64,
}

/// How far a search has come (for progress bars).
#[derive(Debug, Clone, Copy, Default)]
pub struct Progress {
    /// Distinct states stored.
    pub states: u64,
    /// Steps taken.
    pub transitions: u64,
    /// Current depth.
    pub depth: u64,
    /// States on the current path with steps still to try.
    pub frontier: u64,
}

/// Searches every interleaving of `prog` under `opts` (its
/// `max_states`, `time_limit`, `exact`, `preemptions`, `keep_going`,
/// `reduce` and `matching`). `on_progress` is called now and then and
/// stops the search (as interrupted) by returning false. With more than
/// one job the tree is split ([`super::split`]).
pub fn exhaustive(prog: &Program, opts: &Options, on_progress: &mut dyn FnMut(&Progress) -> bool) -> Verdict {
    if opts.jobs > 1 {
        return super::split::exhaustive_split(prog, opts, None, on_progress);
    }
    let config = opts.config();
    let mut dfs = Dfs::new(prog, opts, &config, on_progress);
    dfs.search();
    dfs.finish()
}

/// A failure's schedule reduced before it is shown.
#[derive(Debug, Clone)]
pub struct Shrunk {
    /// The reduced schedule as a whole run, with its trace and token.
    pub found: Found,
    /// Its preemptions up to the failure.
    pub preemptions: u32,
    /// Its visible operations up to the failure.
    pub steps: u64,
}

/// Steps of a livelock's cycle shown after the way into it (twice this,
/// so that a cycle of up to this many steps is seen going round).
const CYCLE_SHOWN: u64 = 30;

/// The kind of a data race's failure (a race is not shrunk: the searches
/// that shrink do not look for races).
const RACE: &str = "data race";

/// States of a livelock's component walked to name its places.
const COMPONENT_STATES: usize = 10_000;

/// States each search of the shrinking may store (a count, not a time,
/// so that shrinking is deterministic).
pub const SHRINK_STATES: u64 = 200_000;

/// What shrinking looks for: a failure, or (when grading) a run that
/// ends in one outcome.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// A failure with this key.
    Failure(FailureKey),
    /// A run that ends with exactly this outcome (files included).
    Outcome(Box<Outcome>),
}

impl Target {
    /// A failure with `key` is not what is looked for.
    fn misses(&self, key: &FailureKey) -> bool {
        !matches!(self, Target::Failure(k) if k == key)
    }
}

/// Reduces a failing schedule (`prefix`, reaching failure `key` after
/// `preemptions` preemptions and `steps` steps) to the fewest
/// preemptions, by complete searches with bounds 0, 1, ...; then to fewer
/// steps, by searches with a smaller step budget (those are not complete
/// searches: the steps are locally minimal).
pub fn shrink(prog: &Program, opts: &Options, key: &FailureKey, prefix: Vec<u32>, preemptions: u32, steps: u64) -> Shrunk {
    shrink_to(prog, opts, &Target::Failure(key.clone()), prefix, preemptions, steps)
}

/// The schedule of a run (its `choices`) that ended with `outcome`,
/// reduced as [`shrink`] reduces a failure's, to the fewest preemptions
/// that still end so; `None` if the choices are not a whole run of
/// `prog`. The searches store at most `opts.max_states` states each.
pub fn shrink_outcome(prog: &Program, opts: &Options, outcome: &Outcome, choices: Vec<u32>) -> Option<Shrunk> {
    let config = opts.config();
    let r = Runner::new(prog, &config).run(&mut Replay::new(choices.clone()), false);
    if r.outcome != *outcome {
        return None;
    }
    Some(shrink_to(prog, opts, &Target::Outcome(Box::new(outcome.clone())), choices, r.preempted, r.steps))
}

fn shrink_to(prog: &Program, opts: &Options, target: &Target, prefix: Vec<u32>, preemptions: u32, steps: u64) -> Shrunk {
    let mut o = opts.clone();
    o.shrink = false;
    let opts = &o;
    let mut best = (prefix, preemptions, steps);
    let mut minimal = preemptions == 0;
    for k in 0..preemptions {
        let (found, complete) = look_for(prog, opts, target, k, opts.max_steps);
        if let Some(f) = found {
            best = f;
            minimal = true;
            break;
        }
        if !complete {
            break;
        }
        minimal = k + 1 == preemptions;
    }
    // An outcome is reached only at a run's end: its runs' lengths are
    // what the program does, not the schedule's detours.
    let rounds = if matches!(target, Target::Outcome(_)) { 0 } else { 32 };
    for _ in 0..rounds {
        match look_for(prog, opts, target, best.1, best.2.saturating_sub(1)).0 {
            Some(f) if f.2 < best.2 => best = f,
            _ => break,
        }
    }
    let config = opts.config();
    let runner = Runner::new(prog, &config).judging(opts);
    let mut found = whole_run(&runner, token::binding(prog, &config), best.0);
    found.shrunk = Some(ShrinkNote { from: (preemptions, steps), minimal });
    Shrunk { found, preemptions: best.1, steps: best.2 }
}

/// The schedule `prefix` (up to a failure) as a whole run: then each
/// process goes on without preemption; replayed with its trace, and its
/// token.
fn whole_run(runner: &Runner, binding: u64, prefix: Vec<u32>) -> Found {
    let whole = runner.run(&mut Replay::then_go_on(prefix), false);
    let result = runner.run(&mut Replay::new(whole.choices.clone()), true);
    Found { run: 0, seed: 0, result, token: token::encode(binding, &whole.choices), shrunk: None }
}

/// Searches within `bound` preemptions and `max_steps` steps for
/// `target`: its schedule (prefix, preemptions, steps), and whether the
/// search was complete.
fn look_for(prog: &Program, opts: &Options, target: &Target, bound: u32, max_steps: u64) -> (Option<(Vec<u32>, u32, u64)>, bool) {
    let mut o = opts.clone();
    o.preemptions = Some(bound);
    o.max_steps = max_steps;
    o.keep_going = false;
    // It looks for one failure, which a race is not.
    o.races = crate::options::RaceMode::Off;
    o.max_states = opts.max_states.min(SHRINK_STATES);
    let config = o.config();
    let mut go_on = |_: &Progress| true;
    let mut dfs = Dfs::new(prog, &o, &config, &mut go_on);
    dfs.target = Some(target.clone());
    dfs.search();
    let complete = dfs.v.ran_out.is_none();
    (dfs.failures.pop().map(|p| (p.prefix, p.preemptions, p.steps)), complete)
}

/// A state of the search stack: a machine between two steps and what is
/// left to try from it.
struct Node {
    /// The machine and history, until the last step from it is taken
    /// (that step takes them instead of a copy).
    state: Option<(Machine, History)>,
    pace: Pace,
    /// Ready processes (indices into `m.procs`).
    ready: Vec<usize>,
    /// Positions in `ready` still to try.
    todo: u64,
    /// Moves ([`move_bit`]) that need not be tried here: the sleep set
    /// it was entered with, plus the moves already tried.
    sleep: Moves,
    /// The pid that took the step into this state.
    current: Option<i32>,
    /// Preemptions spent to get here.
    pre: u32,
    /// Entries of the path's choices to drop when this node is done (1
    /// if its parent had a choice).
    pops: u32,
    /// Its position among the states of open components ([`Cycles`]),
    /// `usize::MAX` if not tracked, and its lowlink.
    pos: usize,
    low: usize,
    /// Entered with every ready process's step to explore.
    closed: bool,
    /// Entered with some asleep, and nothing else held back.
    asleep: bool,
    /// A step was not taken: the preemption bound.
    cut: bool,
    /// Bytes of output its state holds.
    output: u64,
}

/// What arriving at a state came to.
enum Arrival {
    /// A state with steps to try.
    Node(Box<Node>),
    /// A state on an open component, at this position.
    Back(usize),
    /// An end, a failure, or a state of a completed component.
    Exit,
    /// A state the reduction kept from being explored from here.
    Unknown,
}

/// A set of moves: bit `i` the step of process index `i`, bit `64 + i`
/// the flush of its store buffer.
type Moves = u128;

/// A ready-list entry's bit in a [`Moves`] set.
fn move_bit(entry: usize) -> Moves {
    1 << (proc_of(entry) + if is_flush(entry) { MOVE } else { 0 })
}

/// The ready-list entry of a bit of a [`Moves`] set.
fn bit_move(bit: usize) -> usize {
    if bit >= MOVE {
        flush_entry(bit - MOVE)
    } else {
        bit
    }
}

/// A map keyed by fingerprints.
type ByFingerprint<V> = HashMap<u128, V, BuildHasherDefault<Prehashed>>;

/// The stored states: fingerprints, or whole states (chained by
/// fingerprint). The [`Moves`] are a sleep set, or preemptions spent.
enum Store {
    Fingerprints(ByFingerprint<Moves>),
    Exact(ByFingerprint<Vec<(Box<Owned>, Moves)>>),
    None,
}

/// What a state is, borrowed for hashing.
#[derive(Hash)]
struct Key<'a> {
    m: &'a Machine,
    out: &'a Outcome,
    sent: &'a [(i32, i32)],
    ops: &'a [check::linearizable::OpMark],
    pace: Option<Pace>,
    current: Option<i32>,
}

/// What a state is, owned (for `exact`).
#[derive(PartialEq, Eq)]
struct Owned {
    m: Machine,
    out: Outcome,
    sent: Vec<(i32, i32)>,
    ops: Vec<check::linearizable::OpMark>,
    pace: Option<Pace>,
    current: Option<i32>,
}

impl Owned {
    fn of(k: &Key) -> Owned {
        Owned { m: k.m.clone(), out: k.out.clone(), sent: k.sent.to_vec(), ops: k.ops.to_vec(), pace: k.pace, current: k.current }
    }
    fn is(&self, k: &Key) -> bool {
        self.pace == k.pace && self.current == k.current && self.sent == k.sent && self.ops == k.ops && self.out == *k.out && self.m == *k.m
    }
}

/// Keys that are fingerprints already need no more hashing.
#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ b as u64;
        }
    }
    fn write_u128(&mut self, i: u128) {
        self.0 = i as u64;
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A failure on its way to the verdict.
pub(super) struct Pending {
    pub(super) key: FailureKey,
    pub(super) count: u64,
    prefix: Vec<u32>,
    preemptions: u32,
    steps: u64,
    /// A livelock's end ([`End::Cycle`]): its run is shown up to the
    /// cycle rather than to its (never coming) end.
    cycle: Option<End>,
}

pub(super) struct Dfs<'a> {
    on_progress: &'a mut dyn FnMut(&Progress) -> bool,
    runner: Runner<'a>,
    /// The state the search starts from (the program's start, or a
    /// state a livelock candidate is confirmed from).
    base: (Machine, History, Pace),
    cycles: Cycles,
    prog: &'a Program,
    config: &'a Config,
    opts: &'a Options,
    store: Store,
    reduce: bool,
    /// The choices along the current path.
    choices: Vec<u32>,
    /// The choices from the start to the state the search explores from
    /// (a subtree of a split search; empty: the whole tree).
    root: Vec<u32>,
    pub(super) failures: Vec<Pending>,
    pub(super) outcomes: Tally,
    pub(super) v: Verdict,
    started: Instant,
    stop: bool,
    /// Only this counts (shrinking looks for it); failures that are not
    /// it end their path unreported.
    target: Option<Target>,
    /// States whose components other searches completed (a split
    /// search's subtrees share them).
    completed: Option<&'a Completed>,
    /// Data races found (each pair of places once), with the choices of
    /// the path that showed each.
    pub(super) races: Vec<(Race, Vec<u32>)>,
    /// Live processes summed over the new states (for `max_work`).
    work: u64,
    /// Output bytes held by the states on the stack.
    held: u64,
}

impl<'a> Dfs<'a> {
    pub(super) fn new(
        prog: &'a Program,
        opts: &'a Options,
        config: &'a Config,
        on_progress: &'a mut dyn FnMut(&Progress) -> bool,
    ) -> Dfs<'a> {
        let store = match (opts.matching, opts.exact) {
            (false, _) => Store::None,
            (true, false) => Store::Fingerprints(HashMap::default()),
            (true, true) => Store::Exact(HashMap::default()),
        };
        // A try-send to a rendezvous mailbox succeeds only if a receiver
        // waits: no footprint cell says so (kernel/footprint.rs), so two
        // steps may not commute although their footprints say they do.
        let try_send =
            prog.functions.iter().flat_map(|f| &f.ops).any(|op| matches!(op, crate::ir::Op::Lib(crate::ir::LibFn::MboxTrySend, _)));
        // Sleep sets know process steps and store-buffer flushes, not
        // injected faults or stale loads.
        let reduce = opts.reduce && opts.preemptions.is_none() && !try_send && !opts.faults.any() && !opts.memory.weak();
        let v = Verdict { exact: opts.exact, preemptions: opts.preemptions, reduced: reduce, ..Verdict::default() };
        let runner = Runner::new(prog, config).judging(opts);
        let (m, h) = runner.start_detecting();
        let pace = Pace::new(&m);
        Dfs {
            on_progress,
            runner,
            base: (m, h, pace),
            cycles: Cycles::default(),
            prog,
            config,
            opts,
            store,
            reduce,
            choices: Vec::new(),
            root: Vec::new(),
            failures: Vec::new(),
            outcomes: Tally::new(),
            v,
            started: Instant::now(),
            stop: false,
            target: None,
            completed: None,
            races: Vec::new(),
            work: 0,
            held: 0,
        }
    }

    /// Explores only the subtree the choices `root` lead to, taking the
    /// states in `completed` as explored (and adding its own).
    pub(super) fn from(&mut self, root: Vec<u32>, completed: &'a Completed) {
        self.root = root;
        if !self.opts.exact && self.opts.matching && self.opts.preemptions.is_none() {
            self.completed = Some(completed);
        }
    }

    pub(super) fn search(&mut self) {
        let Some((m, h, pace, current, pre)) = self.after(&self.root) else { return };
        if self.opts.preemptions.is_some_and(|b| pre > b) {
            return;
        }
        self.choices = self.root.clone();
        let mut stack: Vec<Node> = Vec::new();
        if let Arrival::Node(root) = self.enter(m, h, pace, current, pre, &[], 0) {
            self.held += root.output;
            stack.push(*root);
        }
        let mut sleepers: Vec<(i32, bool)> = Vec::new();
        while let Some(top) = stack.last_mut() {
            if self.stop {
                break;
            }
            if top.todo == 0 {
                let n = stack.pop().expect("the top");
                self.held -= n.output;
                self.left(&n, stack.last_mut());
                self.choices.truncate(self.choices.len() - n.pops as usize);
                continue;
            }
            let k = next_position(top);
            top.todo &= !(1 << k);
            let i = top.ready[k];
            let (tm, _) = top.state.as_ref().expect("a node with steps to try has its state");
            let pid = tm.procs[proc_of(i)].pid;
            let preempts =
                fault_of(i).is_some() || top.current.is_some_and(|c| c != pid && top.ready.iter().any(|&j| tm.procs[proc_of(j)].pid == c));
            let pre = top.pre + preempts as u32;
            if self.opts.preemptions.is_some_and(|b| pre > b) {
                top.cut = true;
                if top.todo == 0 {
                    top.state = None;
                }
                continue;
            }
            sleepers.clear();
            if self.reduce {
                let t = tm.move_footprint(i, self.config.time);
                for u in bits(top.sleep).map(bit_move).filter(|&u| u != i) {
                    if !tm.move_footprint(u, self.config.time).conflicts(&t) {
                        sleepers.push((tm.procs[proc_of(u)].pid, is_flush(u)));
                    }
                }
                top.sleep |= move_bit(i);
            }
            let choice = (top.ready.len() > 1).then_some(k as u32);
            // The last step to try from a state takes its machine rather
            // than a copy: a forced move costs no clone.
            let (mut m, mut h) = if top.todo == 0 {
                top.state.take().expect("the state")
            } else {
                let (m, h) = top.state.as_ref().expect("the state");
                (m.clone(), h.clone())
            };
            let mut pace = top.pace;
            {
                let mut cx = StepCtx { prog: self.prog, config: self.config, history: &mut h, instructions: 0 };
                take(&mut m, i, &mut cx, &mut pace);
            }
            self.v.transitions += 1;
            if let Some(c) = choice {
                self.choices.push(c);
            }
            let pops = choice.is_some() as u32;
            let depth = h.steps;
            self.v.max_depth = self.v.max_depth.max(depth);
            let arrival = self.enter(m, h, pace, Some(pid), pre, &sleepers, pops);
            let top = stack.last_mut().expect("the parent");
            match arrival {
                Arrival::Node(node) => {
                    if node.pos == usize::MAX {
                        self.cycles.doubt(top.pos);
                    }
                    self.held += node.output;
                    if self.held > PATH_OUTPUT {
                        self.ran_out(RanOut::Memory);
                    }
                    stack.push(*node);
                }
                Arrival::Unknown => {
                    self.cycles.doubt(top.pos);
                    self.choices.truncate(self.choices.len() - pops as usize);
                }
                Arrival::Back(to) => {
                    top.low = top.low.min(to);
                    self.cycles.back(top.pos, to);
                    self.choices.truncate(self.choices.len() - pops as usize);
                }
                Arrival::Exit => {
                    self.cycles.exit(top.pos);
                    self.choices.truncate(self.choices.len() - pops as usize);
                }
            }
            if self.v.transitions.is_multiple_of(1024) {
                let frontier = stack.iter().filter(|n| n.todo != 0).count() as u64;
                self.budgets(depth, frontier);
            }
        }
    }

    /// Every step from `n` was tried (the path's choices still lead to
    /// it): if it is the root of its component, the component is
    /// complete, and a livelock if it is bottom.
    fn left(&mut self, n: &Node, parent: Option<&mut Node>) {
        if n.pos == usize::MAX {
            return;
        }
        self.cycles.done(n.pos, n.closed && !n.cut, n.asleep && !n.cut);
        if n.low != n.pos {
            if let Some(p) = parent {
                p.low = p.low.min(n.low);
            }
            return;
        }
        let (component, members) = self.cycles.complete(n.pos);
        if let (Some(done), Store::Fingerprints(map)) = (self.completed, &self.store) {
            let doubtful = matches!(component, Component::Doubtful | Component::Candidate);
            done.publish(members.iter().filter_map(|f| Some((*f, *map.get(f)?))), doubtful);
        }
        match component {
            Component::Open | Component::Doubtful => {}
            Component::Bottom => self.livelock(self.choices.clone()),
            Component::Candidate => self.confirm(self.choices.clone()),
        }
        if let Some(p) = parent {
            match component {
                Component::Doubtful | Component::Candidate => self.cycles.doubt(p.pos),
                Component::Open | Component::Bottom => self.cycles.exit(p.pos),
            }
        }
    }

    /// Checks the time budget, reports progress and asks whether to go on.
    fn budgets(&mut self, depth: u64, frontier: u64) {
        if self.opts.time_limit.is_some_and(|t| self.started.elapsed() >= t) {
            self.ran_out(RanOut::Time);
        }
        if !(self.on_progress)(&Progress { states: self.v.states, transitions: self.v.transitions, depth, frontier }) {
            self.ran_out(RanOut::Interrupted);
        }
    }

    fn ran_out(&mut self, why: RanOut) {
        self.v.ran_out.get_or_insert(why);
        if why != RanOut::Depth {
            self.stop = true;
        }
    }

    /// Arrives at a state: judges it, stores it, and says what it came to.
    #[allow(clippy::too_many_arguments)]
    fn enter(
        &mut self,
        mut m: Machine,
        mut h: History,
        pace: Pace,
        current: Option<i32>,
        pre: u32,
        sleepers: &[(i32, bool)],
        pops: u32,
    ) -> Arrival {
        if self.raced(&h, pre) {
            return Arrival::Exit;
        }
        // A failure is judged before the step budget: one at the last
        // step counts.
        if let Some(f) = check::failure(&h.outcome, &h.sent, None) {
            self.failed(&h, f, None, pre);
            return Arrival::Exit;
        }
        let mut ready = Vec::new();
        let end = {
            let cx = StepCtx { prog: self.prog, config: self.config, history: &mut h, instructions: 0 };
            turn(&mut m, &cx, &mut ready)
        };
        if let Some(end) = end {
            self.ended(&m, &h, end, pre);
            return Arrival::Exit;
        }
        let sleep = sleepers
            .iter()
            .filter_map(|&(p, flush)| m.index(p).map(|i| if flush { flush_entry(i) } else { i }))
            .fold(0, |s, e| s | move_bit(e));
        let strict = self.config.time == TimeMode::Strict;
        let key = Key {
            m: &m,
            out: &h.outcome,
            sent: &h.sent,
            ops: &h.ops,
            pace: strict.then_some(pace),
            current: current.filter(|_| self.opts.preemptions.is_some()),
        };
        let bounded = self.opts.preemptions.is_some();
        // What is stored with a state: its sleep set, or (bounded) the
        // preemptions spent reaching it.
        let mine = if bounded { pre as Moves } else { sleep };
        let fp = (!matches!(self.store, Store::None)).then(|| fingerprint::of(&key));
        if let Some(a) = self.elsewhere(fp, mine) {
            self.v.matched += 1;
            return a;
        }
        let visit = self.lookup(&key, fp, mine, bounded);
        let explore = match visit {
            Visit::New => Moves::MAX,
            Visit::Done => {
                self.v.matched += 1;
                return match fp.map(|f| (f, self.cycles.position(f))) {
                    Some((_, Some(pos))) => Arrival::Back(pos),
                    Some((f, None)) if self.cycles.is_doubtful(f) => Arrival::Unknown,
                    _ => Arrival::Exit,
                };
            }
            Visit::Again(mask) => mask,
        };
        let mut todo = 0u64;
        for (k, &i) in ready.iter().enumerate() {
            let i = move_bit(i);
            if sleep & i == 0 && explore & i != 0 {
                todo |= 1 << k;
            }
        }
        if todo == 0 {
            return Arrival::Unknown;
        }
        let full = todo.count_ones() as usize == ready.len();
        // A state explored again only in part is not tracked: whatever
        // component it is in is not reported.
        let pos = match (fp, &visit) {
            (Some(f), Visit::New) if !bounded => self.cycles.open(f),
            _ => usize::MAX,
        };
        let output = h.outcome.kept() as u64 + m.pipe_bytes();
        let state = Some((m, h));
        Arrival::Node(Box::new(Node {
            state,
            pace,
            ready,
            todo,
            sleep,
            current,
            pre,
            pops,
            pos,
            low: pos,
            closed: full,
            asleep: !full,
            cut: false,
            output,
        }))
    }

    /// Notes the races the path into this state showed that are new to
    /// the search; true if one is, and races are failures (the path
    /// failed).
    fn raced(&mut self, h: &History, pre: u32) -> bool {
        let Some(found) = h.races.as_ref().map(|r| &r.found) else { return false };
        let mut failed = false;
        for r in found {
            if self.races.iter().any(|(x, _)| (x.first.span, x.second.span) == (r.first.span, r.second.span)) {
                continue;
            }
            self.races.push((*r, self.choices.clone()));
            if self.opts.races.fails() {
                let key = failure_key(&Failure::DataRace { first: r.first.span, second: r.second.span }, None, &[]);
                self.record(key, self.choices.clone(), pre, h.steps, None);
                failed = true;
            }
        }
        failed
    }

    /// A state this search has not seen that another completed with no
    /// more asleep than `mine`: where the step into it leads.
    fn elsewhere(&self, fp: Option<u128>, mine: Moves) -> Option<Arrival> {
        let (done, fp, Store::Fingerprints(map)) = (self.completed?, fp?, &self.store) else { return None };
        if map.contains_key(&fp) {
            return None;
        }
        let (asleep, doubtful) = done.get(fp)?;
        (asleep & !mine == 0).then_some(if doubtful { Arrival::Unknown } else { Arrival::Exit })
    }

    /// Looks a state up, stores it, and says what of it to explore.
    fn lookup(&mut self, key: &Key, fp: Option<u128>, mine: Moves, bounded: bool) -> Visit {
        let stored = match (fp, &mut self.store) {
            (Some(fp), Store::Fingerprints(map)) => match map.entry(fp) {
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(mine);
                    None
                }
                std::collections::hash_map::Entry::Occupied(e) => Some(e.into_mut()),
            },
            (Some(fp), Store::Exact(map)) => {
                let bucket = map.entry(fp).or_default();
                match bucket.iter().position(|(o, _)| o.is(key)) {
                    Some(p) => Some(&mut bucket[p].1),
                    None => {
                        bucket.push((Box::new(Owned::of(key)), mine));
                        None
                    }
                }
            }
            // Without matching every arrival is a new state.
            _ => None,
        };
        let Some(old) = stored else {
            self.v.states += 1;
            if self.v.states >= self.opts.max_states {
                self.ran_out(RanOut::States);
            }
            self.work += key.m.procs.len() as u64;
            if self.opts.max_work.is_some_and(|w| self.work >= w) {
                self.ran_out(RanOut::Work);
            }
            return Visit::New;
        };
        if bounded {
            // Explored with at most as many preemptions spent: done.
            if *old <= mine {
                return Visit::Done;
            }
            *old = mine;
            return Visit::Again(Moves::MAX);
        }
        // Explored with a sleep set `old`: what it slept and we do not
        // is left to do.
        let left = *old & !mine;
        *old &= mine;
        if left == 0 {
            Visit::Done
        } else {
            Visit::Again(left)
        }
    }

    /// A run ended in state `m`.
    fn ended(&mut self, m: &Machine, h: &History, end: End, pre: u32) {
        if end == End::StepBudget {
            self.ran_out(RanOut::Depth);
            return;
        }
        if let Some(Target::Outcome(want)) = &self.target {
            if with_files(m, h.outcome.clone()) == **want {
                let key = FailureKey { kind: "the outcome looked for".into(), spans: Vec::new() };
                self.record(key, self.choices.clone(), pre, h.steps, None);
            }
            return;
        }
        let spec = self.opts.spec.map(|s| check::linearizable::check(&h.ops, s, check::linearizable::BUDGET));
        self.v.spec_unknown += u64::from(spec == Some(check::linearizable::Linearizability::Unknown));
        let failure = check::failure(&h.outcome, &h.sent, Some(&end)).or_else(|| check::linearizable::failure(spec.as_ref()?));
        if let Some(f) = &failure {
            self.failed(h, f.clone(), Some(&end), pre);
        }
        if self.opts.keep_going || failure.is_none() {
            let outcome = with_files(m, h.outcome.clone());
            tally(&mut self.outcomes, &outcome, 1, 0, &self.choices, failure.is_some());
        }
    }

    /// The current path failed.
    fn failed(&mut self, h: &History, f: Failure, end: Option<&End>, pre: u32) {
        let key = failure_key(&f, end, &h.faults);
        if self.target.as_ref().is_some_and(|t| t.misses(&key)) {
            return;
        }
        let prefix = self.choices.clone();
        self.record(key, prefix, pre, h.steps, None);
    }

    fn record(&mut self, key: FailureKey, prefix: Vec<u32>, preemptions: u32, steps: u64, cycle: Option<End>) {
        match self.failures.iter_mut().find(|p| p.key == key) {
            Some(p) => p.count += 1,
            None => self.failures.push(Pending { key, count: 1, prefix, preemptions, steps, cycle }),
        }
        if !self.opts.keep_going {
            self.stop = true;
        }
    }

    /// The state right after the step of the last of the choices `prefix`
    /// (the search's start if there are none), with the pid that took it
    /// and the preemptions on the way; `None` if they do not fit.
    fn after(&self, prefix: &[u32]) -> Option<(Machine, History, Pace, Option<i32>, u32)> {
        let (mut m, mut h, mut pace) = self.base.clone();
        let (mut ready, mut current, mut pre, mut forced) = (Vec::new(), None, 0, 0u64);
        for &c in prefix {
            loop {
                let mut cx = StepCtx { prog: self.prog, config: self.config, history: &mut h, instructions: 0 };
                if turn(&mut m, &cx, &mut ready).is_some() {
                    return None;
                }
                let choice = ready.len() > 1;
                let i = *ready.get(if choice { c as usize } else { 0 })?;
                let pid = m.procs[proc_of(i)].pid;
                pre += u32::from(
                    fault_of(i).is_some() || current.is_some_and(|c| c != pid && ready.iter().any(|&j| m.procs[proc_of(j)].pid == c)),
                );
                current = Some(pid);
                take(&mut m, i, &mut cx, &mut pace);
                forced += 1;
                if choice || forced > self.opts.max_steps {
                    break;
                }
            }
        }
        Some((m, h, pace, current, pre))
    }

    /// The state the choices `prefix` lead to from the search's start:
    /// after them, forced moves up to the next choice (at most 1000).
    /// With its ready processes and the preemptions on the way.
    pub(super) fn state_at(&self, prefix: &[u32]) -> Option<(Machine, History, Pace, Vec<usize>, u32)> {
        let (mut m, mut h, mut pace) = self.base.clone();
        let (mut ready, mut next, mut forced) = (Vec::new(), prefix.iter(), 0);
        let (mut current, mut pre) = (None, 0);
        loop {
            let mut cx = StepCtx { prog: self.prog, config: self.config, history: &mut h, instructions: 0 };
            if turn(&mut m, &cx, &mut ready).is_some() {
                return None;
            }
            let k = if ready.len() > 1 {
                match next.next() {
                    Some(&c) => c as usize,
                    None => break,
                }
            } else {
                forced += usize::from(next.len() == 0);
                if forced > 1000 {
                    break;
                }
                0
            };
            let i = *ready.get(k)?;
            let pid = m.procs[proc_of(i)].pid;
            pre += u32::from(
                fault_of(i).is_some() || current.is_some_and(|c| c != pid && ready.iter().any(|&j| m.procs[proc_of(j)].pid == c)),
            );
            current = Some(pid);
            take(&mut m, i, &mut cx, &mut pace);
        }
        Some((m, h, pace, ready, pre))
    }

    /// A bottom component was reached by `prefix`: a livelock.
    fn livelock(&mut self, prefix: Vec<u32>) {
        let Some((m, h, pace, ready, pre)) = self.state_at(&prefix) else { return };
        let stuck = check::verdict::cycling(&m, self.prog, &ready);
        let end = End::Cycle(stuck);
        let mut key = failure_key(&Failure::Stuck("livelock"), Some(&end), &h.faults);
        if let Some(spans) = self.component_places(&m, &h, pace) {
            key.spans = spans;
        }
        if self.target.as_ref().is_some_and(|t| t.misses(&key)) {
            return;
        }
        self.record(key, prefix, pre, h.steps, Some(end));
    }

    /// Where the live processes are, over every state of the bottom
    /// component `m` is in: what tells this livelock from another
    /// whichever of its states a search came in by (a split search's
    /// subtrees may come in by different ones). `None` past
    /// [`COMPONENT_STATES`] states.
    fn component_places(&self, m: &Machine, h: &History, pace: Pace) -> Option<Vec<Span>> {
        let mut seen = std::collections::HashSet::new();
        let mut places = std::collections::BTreeSet::new();
        let mut todo = vec![(m.clone(), h.clone(), pace)];
        let mut ready = Vec::new();
        while let Some((mut m, mut h, pace)) = todo.pop() {
            let strict = self.config.time == TimeMode::Strict;
            let key = Key { m: &m, out: &h.outcome, sent: &h.sent, ops: &h.ops, pace: strict.then_some(pace), current: None };
            if !seen.insert(fingerprint::of(&key)) {
                continue;
            }
            if seen.len() > COMPONENT_STATES {
                return None;
            }
            let cx = StepCtx { prog: self.prog, config: self.config, history: &mut h, instructions: 0 };
            if turn(&mut m, &cx, &mut ready).is_some() {
                return None;
            }
            places.extend(m.procs.iter().filter(|p| p.status.is_none()).map(|p| p.span(self.prog)));
            for &i in &ready {
                let (mut m2, mut h2, mut pace2) = (m.clone(), h.clone(), pace);
                let mut cx = StepCtx { prog: self.prog, config: self.config, history: &mut h2, instructions: 0 };
                take(&mut m2, i, &mut cx, &mut pace2);
                todo.push((m2, h2, pace2));
            }
        }
        Some(places.into_iter().collect())
    }

    /// A component that is bottom unless a step the sleep sets skipped
    /// leads out: explores from it without reduction, and reports the
    /// livelock that search finds, if any.
    fn confirm(&mut self, prefix: Vec<u32>) {
        let Some((m, h, pace, _, _)) = self.state_at(&prefix) else { return };
        let mut o = self.opts.clone();
        (o.reduce, o.keep_going, o.shrink, o.preemptions) = (false, false, false, None);
        o.races = crate::options::RaceMode::Off;
        o.max_states = self.opts.max_states.min(SHRINK_STATES);
        let mut go_on = |_: &Progress| true;
        let mut inner = Dfs::new(self.prog, &o, self.config, &mut go_on);
        inner.base = (m, h, pace);
        inner.search();
        let Some(p) = inner.failures.pop().filter(|p| p.cycle.is_some()) else { return };
        let whole: Vec<u32> = prefix.into_iter().chain(p.prefix).collect();
        self.livelock(whole);
    }

    /// The verdict, with each failure replayed as a whole run.
    pub(super) fn finish(mut self) -> Verdict {
        let binding = token::binding(self.prog, self.config);
        let runner = &self.runner;
        for p in std::mem::take(&mut self.failures) {
            let d = if let Some(end) = p.cycle {
                // Shown: the way into the cycle and a stretch of it; the
                // token replays the run going round it to the step budget.
                let mut o = self.opts.clone();
                o.max_steps = p.steps + 2 * CYCLE_SHOWN;
                let config = o.config();
                let mut result = Runner::new(self.prog, &config).run(&mut Replay::then_go_on(p.prefix.clone()), true);
                result.end = end;
                let found = Found { run: 0, seed: 0, result, token: token::encode(binding, &p.prefix), shrunk: None };
                Distinct { key: p.key, count: p.count, found, preemptions: p.preemptions, steps: p.steps }
            } else if self.opts.shrink && p.key.kind != RACE {
                let s = shrink(self.prog, self.opts, &p.key, p.prefix, p.preemptions, p.steps);
                Distinct { key: p.key, count: p.count, preemptions: s.preemptions, steps: s.steps, found: s.found }
            } else {
                let found = whole_run(runner, binding, p.prefix);
                Distinct { key: p.key, count: p.count, found, preemptions: p.preemptions, steps: p.steps }
            };
            self.v.failures.push(d);
        }
        self.v.outcomes = distinct(std::mem::take(&mut self.outcomes), binding, self.opts);
        self.v.races = self.races.iter().map(|(r, choices)| (*r, token::encode(binding, choices))).collect();
        let stopped_early = !self.v.failures.is_empty() && !self.opts.keep_going;
        self.v.complete = self.v.ran_out.is_none() && !stopped_early;
        if matches!(self.store, Store::Fingerprints(_)) {
            self.v.omission = fingerprint::omission_bound(self.v.states);
        }
        self.v
    }
}

/// The states whose components the searches of a split search completed:
/// each with the processes that were asleep when it was explored and
/// whether its component was left in doubt. Locked in slices by
/// fingerprint, so that threads seldom wait for each other.
pub(super) struct Completed {
    slices: Vec<std::sync::Mutex<ByFingerprint<(Moves, bool)>>>,
}

impl Completed {
    pub(super) fn new() -> Completed {
        Completed { slices: (0..64).map(|_| std::sync::Mutex::new(HashMap::default())).collect() }
    }

    fn slice(&self, fp: u128) -> std::sync::MutexGuard<'_, ByFingerprint<(Moves, bool)>> {
        self.slices[(fp >> 64) as usize % self.slices.len()].lock().unwrap_or_else(|e| e.into_inner())
    }

    fn get(&self, fp: u128) -> Option<(Moves, bool)> {
        self.slice(fp).get(&fp).copied()
    }

    /// Adds states of a completed component (a state completed twice
    /// keeps what both explored).
    fn publish(&self, states: impl Iterator<Item = (u128, Moves)>, doubtful: bool) {
        for (fp, asleep) in states {
            let mut slice = self.slice(fp);
            let e = slice.entry(fp).or_insert((asleep, doubtful));
            *e = (e.0 & asleep, e.1 && doubtful);
        }
    }
}

enum Visit {
    /// Not seen before (or seen with more preemptions spent): all of it.
    New,
    /// Nothing more to explore.
    Done,
    /// These moves only.
    Again(Moves),
}

/// The position in `ready` to try next: the process that ran last if it
/// can go on (no preemption first, so the first failures found have few),
/// else the lowest pid.
fn next_position(n: &Node) -> usize {
    let m = &n.state.as_ref().expect("a node with steps to try has its state").0;
    let cur = n.current.and_then(|c| n.ready.iter().position(|&j| m.procs[proc_of(j)].pid == c));
    match cur {
        Some(k) if n.todo & (1 << k) != 0 => k,
        _ => n.todo.trailing_zeros() as usize,
    }
}

/// The indices of a mask's set bits.
fn bits(mut mask: Moves) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        (mask != 0).then(|| {
            let i = mask.trailing_zeros() as usize;
            mask &= mask - 1;
            i
        })
    })
}

/// What tells failure `f` apart, given how the run ended (if it did) and
/// the faults it had.
pub fn failure_key(f: &Failure, end: Option<&End>, faults: &[Faulted]) -> FailureKey {
    let fault_span = |pid: i32| faults.iter().find(|x| x.pid == pid).map(|x| x.fault.span);
    let (kind, spans) = match f {
        Failure::Signal { pid, sig } => (crate::abi::signal::name(*sig).to_string(), fault_span(*pid).into_iter().collect()),
        Failure::Undefined { pid } => ("undefined behaviour".to_string(), fault_span(*pid).into_iter().collect()),
        Failure::NonZeroExit { code } => (format!("exit status {code}"), Vec::new()),
        Failure::DataRace { first, second } => (RACE.to_string(), vec![*first, *second]),
        Failure::NotLinearizable => ("not linearizable".to_string(), Vec::new()),
        Failure::BadHistory(why) => (format!("history cannot be judged: {why}"), Vec::new()),
        Failure::Stuck(what) => {
            let mut spans: Vec<Span> = match end {
                Some(End::Deadlock { stuck, .. }) | Some(End::Livelock(stuck)) | Some(End::Cycle(stuck)) => {
                    stuck.iter().map(|s| s.span).collect()
                }
                Some(End::EndlessLoop { span, .. }) => vec![*span],
                _ => Vec::new(),
            };
            spans.sort();
            spans.dedup();
            (what.to_string(), spans)
        }
    };
    FailureKey { kind, spans }
}
