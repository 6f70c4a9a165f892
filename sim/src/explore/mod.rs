//! Running a program under a scheduler: every choice of which process
//! takes the next step goes through [`Scheduler`], and is recorded (by a
//! [`Recorder`]), so the list of choices (a token) replays the run
//! exactly. `search.rs` holds the library's operations over many runs.

mod ahead;
mod cycles;
pub mod exhaustive;
pub mod pct;
pub mod random;
pub mod replay;
pub mod rr;
pub mod scheduler;
pub mod search;
pub mod split;
pub mod stepper;
pub mod token;

pub use crate::options::{Options, StrategyKind, PCT_HORIZON};
pub use scheduler::{Determinism, Recorder, Scheduler, Task};
pub use search::{explore, outcomes, replay, search_until, Found, ReplayError, Search, Seen};

use crate::abi::call::{Call, ProcCall};
use crate::check::linearizable::{self, Linearizability, OpMark, Spec};
use crate::check::{self, End, Failure};
use crate::interp::fault::Faulted;
use crate::ir::Program;
use crate::kernel::inject::{is_fault, is_flush, is_stale, proc_of};
use crate::kernel::{Config, History, Machine, Pending, StepCtx, TimeMode};
use crate::outcome::Outcome;
use crate::trace::{Edge, Event};

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
    /// How many times the schedule preempted a process: it could have
    /// gone on, and another took the step.
    pub preempted: u32,
    /// Where, in a traced run (an untraced one only counts them).
    pub preemptions: Vec<Preemption>,
    /// Data races found (when the runner looks for them).
    pub races: Vec<crate::check::races::Race>,
    /// A data race counts as a failure (`--races=fail`).
    pub races_fail: bool,
    /// The trace, if asked for.
    pub trace: Option<Vec<Event>>,
    /// Happens-before edges.
    pub edges: Vec<Edge>,
    /// Processes killed by signals the kernel raised, with the cause.
    pub faults: Vec<Faulted>,
    /// Signals sent with `kill`: (target, signal).
    pub sent: Vec<(i32, i32)>,
    /// What it left behind (when every process exited).
    pub leaks: Vec<check::leaks::Leak>,
    /// Programs `exec` did not find, with the first call's site.
    pub missing_execs: Vec<(String, crate::source::Span)>,
    /// The marks of operations' starts and ends, in order.
    pub ops: Vec<OpMark>,
    /// The verdict on them (in specification mode).
    pub spec: Option<Linearizability>,
    /// Each process's state at each step (traced runs only).
    pub lanes: Vec<crate::trace::Lanes>,
    /// The final machine (boxed: a result moves through a search's
    /// hands several times, and the machine is most of its bytes).
    pub machine: Box<Machine>,
}

impl RunResult {
    /// The run's failure by DESIGN.md's definition ([`check::failure`]).
    pub fn failure(&self) -> Option<Failure> {
        check::failure(&self.outcome, &self.sent, Some(&self.end))
            .or_else(|| {
                let r = self.races.first().filter(|_| self.races_fail)?;
                Some(Failure::DataRace { first: r.first.span, second: r.second.span })
            })
            .or_else(|| linearizable::failure(self.spec.as_ref()?))
    }

    /// True if the run failed.
    pub fn failed(&self) -> bool {
        self.failure().is_some()
    }
}

/// A preemption in a schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preemption {
    /// The step the other process took instead.
    pub step: u64,
    /// The process that could have gone on.
    pub preempted: i32,
    /// The process that took the step.
    pub by: i32,
}

/// Visible operations after which strict time lets sleepers wake even
/// though some process is still ready (it must be busy-waiting).
const STEPS_WITHOUT_TIME: u32 = 1000;

/// Runs `prog` once to its end, asking `sched` at every real choice (the
/// current execution: a search calls [`Scheduler::new_execution`] between
/// runs). For many runs of one program, a [`Runner`] saves the start.
pub fn run(prog: &Program, config: &Config, sched: &mut dyn Scheduler, trace: bool) -> RunResult {
    Runner::new(prog, config).run(sched, trace)
}

/// Runs of one program with one configuration. Every run starts the
/// same way (the first process runs alone to its first visible
/// operation, with no choice to make), so that start is made once and
/// each run begins from a copy of it.
pub struct Runner<'a> {
    prog: &'a Program,
    config: &'a Config,
    /// Look for data races, and count them as failures.
    races: crate::options::RaceMode,
    /// Judge each run's history of operations against this.
    spec: Option<Spec>,
    /// The machine, the history and the instructions of the start, for
    /// an untraced and a traced run (the trace starts empty either way).
    start: (Machine, History, u64),
    /// The start carried through the steps every run takes alike, made
    /// by the first untraced run without the race detector (`None`
    /// inside: there are none).
    ahead: std::cell::OnceCell<Option<ahead::Ahead>>,
    /// What the runs before left to reuse ([`Runner::recycle`]).
    spare: std::cell::RefCell<Spare>,
}

/// The buffers of a finished run, kept for the next: a search's runs
/// then allocate next to nothing (the machine is reset in place from the
/// start, each buffer keeping its capacity).
#[derive(Default)]
struct Spare {
    machine: Option<Box<Machine>>,
    history: Option<Box<History>>,
    choices: Vec<u32>,
    ready: Vec<usize>,
    tasks: Vec<Task>,
}

impl<'a> Runner<'a> {
    /// Makes the start.
    pub fn new(prog: &'a Program, config: &'a Config) -> Runner<'a> {
        let mut history = History::new(false);
        let mut cx = StepCtx { prog, config, history: &mut history, instructions: 0 };
        let m = Machine::new(&mut cx);
        let instructions = cx.instructions;
        let start = (m, history, instructions);
        Runner {
            prog,
            config,
            races: crate::options::RaceMode::Off,
            spec: None,
            start,
            ahead: Default::default(),
            spare: Default::default(),
        }
    }

    /// The same runner, judging runs as `opts` say: looking for data
    /// races as its `races` says, and judging the history of operations
    /// against its `spec`.
    pub fn judging(self, opts: &crate::options::Options) -> Runner<'a> {
        self.with_races(opts.races).with_spec(opts.spec)
    }

    /// The same runner, looking for data races as `mode` says.
    pub fn with_races(mut self, mode: crate::options::RaceMode) -> Runner<'a> {
        self.races = mode;
        self
    }

    /// The same runner, judging each run's history of operations against
    /// `spec` (`None`: not judged).
    pub fn with_spec(mut self, spec: Option<Spec>) -> Runner<'a> {
        self.spec = spec;
        self
    }

    /// A copy of the start: the machine after the first process's first
    /// stretch, its history, and the instructions it took.
    /// The start, with the race detector on if the runner looks for races.
    pub(crate) fn start_detecting(&self) -> (Machine, History) {
        let (m, mut h, _) = self.start.clone();
        if self.races != crate::options::RaceMode::Off {
            h.races = Some(detector());
        }
        (m, h)
    }

    /// One run to its end, asking `sched` at every real choice.
    pub fn run(&self, sched: &mut dyn Scheduler, trace: bool) -> RunResult {
        let (prog, config) = (self.prog, self.config);
        let (start, start_history, instructions, resume) = match self.ahead(trace) {
            Some(a) => (&a.machine, &a.history, a.instructions, a.resume),
            None => (&self.start.0, &self.start.1, self.start.2, ahead::Resume::fresh(&self.start.0)),
        };
        let mut spare = self.spare.take();
        let mut history = match spare.history.take() {
            Some(mut h) => {
                h.as_mut().clone_from(start_history);
                h
            }
            None => Box::new(start_history.clone()),
        };
        if trace {
            history.trace = Some(Vec::new());
            history.reads_from = true;
        }
        if self.races != crate::options::RaceMode::Off {
            history.races = Some(detector());
        }
        let mut cx = StepCtx { prog, config, history: &mut history, instructions };
        let m = match spare.machine.take() {
            Some(mut m) => {
                m.reset_from(start);
                m
            }
            None => Box::new(start.clone()),
        };
        let mut r = drive(m, &mut cx, sched, &mut spare, resume);
        spare.history = Some(history);
        self.spare.replace(spare);
        r.races_fail = self.races.fails();
        r.spec = self.spec.map(|s| linearizable::check(&r.ops, s, linearizable::BUDGET));
        r
    }

    /// Where an untraced run without the race detector starts: past the
    /// steps every run takes alike (`None`: at the start; a traced run
    /// shows those steps, and the detector must see them).
    fn ahead(&self, trace: bool) -> Option<&ahead::Ahead> {
        if trace || self.races != crate::options::RaceMode::Off {
            return None;
        }
        self.ahead.get_or_init(|| ahead::make(&self.start, self.prog, self.config)).as_ref()
    }

    /// Gives a finished run's buffers back for the next run to reuse (a
    /// search calls it once it is done with a result).
    pub fn recycle(&self, r: RunResult) {
        let mut spare = self.spare.borrow_mut();
        spare.machine = Some(r.machine);
        spare.choices = r.choices;
        if let Some(h) = &mut spare.history {
            (h.outcome, h.edges) = (r.outcome, r.edges);
        }
    }
}

fn drive(mut m: Box<Machine>, cx: &mut StepCtx, sched: &mut dyn Scheduler, spare: &mut Spare, at: ahead::Resume) -> RunResult {
    let mut rec = Recorder::reusing(sched, std::mem::take(&mut spare.choices));
    let (ready, tasks) = (&mut spare.ready, &mut spare.tasks);
    let ahead::Resume { mut current, mut pace } = at;
    let (mut preemptions, mut preempted) = (Vec::new(), 0);
    let mut lanes = Vec::new();
    let end = loop {
        if let Some(end) = turn(&mut m, cx, ready) {
            break end;
        }
        let k = if ready.len() == 1 {
            0
        } else {
            tasks.clear();
            tasks.extend(ready.iter().map(|&i| task(&m, i)));
            rec.next_task(tasks, current)
        };
        let i = proc_of(ready[k]);
        let pid = m.procs[i].pid;
        let fault = is_fault(ready[k]);
        if is_flush(ready[k]) {
            // The memory system's move: no process's turn, no preemption.
            if cx.tracing() {
                lanes.push(m.lanes(cx.history.steps + 1, i, ready));
            }
            take(&mut m, ready[k], cx, &mut pace);
            continue;
        }
        if let Some(c) = current.filter(|&c| fault || c != pid && ready.len() > 1 && tasks.iter().any(|t| t.pid == c && !t.flush)) {
            preempted += 1;
            if cx.tracing() {
                preemptions.push(Preemption { step: cx.history.steps + 1, preempted: c, by: pid });
            }
        }
        current = Some(pid);
        if cx.tracing() {
            lanes.push(m.lanes(cx.history.steps + 1, i, ready));
        }
        take(&mut m, ready[k], cx, &mut pace);
    };
    if cx.tracing() {
        // How each process was left: blocked, spinning, a zombie.
        lanes.push(m.lanes(cx.history.steps + 1, usize::MAX, ready));
    }
    let instructions = cx.instructions;
    let choices = rec.into_choices();
    // The history's buffers stay with the runner, for the next run.
    let h = &mut *cx.history;
    let leaks = if matches!(end, End::AllExited) { check::leaks::find(&m, h) } else { Vec::new() };
    let outcome = with_files(&m, std::mem::take(&mut h.outcome));
    RunResult {
        leaks,
        missing_execs: std::mem::take(&mut h.missing_execs),
        ops: std::mem::take(&mut h.ops),
        spec: None,
        lanes,
        end,
        outcome,
        steps: h.steps,
        instructions,
        choices,
        preempted,
        preemptions,
        races: h.races.take().map(|r| r.found).unwrap_or_default(),
        races_fail: false,
        trace: h.trace.take(),
        edges: std::mem::take(&mut h.edges),
        faults: std::mem::take(&mut h.faults),
        sent: std::mem::take(&mut h.sent),
        machine: m,
    }
}

/// The outcome of a run that ended in `m`: `outcome` with the files left.
pub(crate) fn with_files(m: &Machine, mut outcome: Outcome) -> Outcome {
    outcome.set_files(
        m.socks.names.files.iter().map(|(path, &obj)| (path.clone(), m.shared.read_at(obj, 0, m.shared.sizes[obj as usize]).to_vec())),
    );
    outcome
}

/// Strict time's pacing: computing takes no time, but a process
/// busy-waiting for ever must not freeze the clock for a sleeping one, so
/// after [`STEPS_WITHOUT_TIME`] steps at one time the next sleeper wakes.
/// (Part of a search's state in strict time: it decides the future.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Pace {
    clock: u64,
    still: u32,
}

impl Pace {
    pub(crate) fn new(m: &Machine) -> Pace {
        Pace { clock: m.clock, still: 0 }
    }
}

/// Brings a run to its next choice: fills `ready` with the processes that
/// can step (pid order), or says how the run ended.
pub(crate) fn turn(m: &mut Machine, cx: &StepCtx, ready: &mut Vec<usize>) -> Option<End> {
    loop {
        if let Some(pid) = undefined(cx.history) {
            return Some(End::Undefined { pid });
        }
        if cx.history.steps >= cx.config.limits.max_steps || cx.config.limits.max_instructions.is_some_and(|n| cx.instructions >= n) {
            return Some(End::StepBudget);
        }
        m.ready(cx.config, ready);
        if !ready.is_empty() {
            return None;
        }
        if cx.config.time == TimeMode::Strict && m.wake_next_sleeper(true) {
            continue;
        }
        return Some(check::judge(m, cx.prog));
    }
}

/// Process `i` takes its step.
pub(crate) fn take(m: &mut Machine, i: usize, cx: &mut StepCtx, pace: &mut Pace) {
    m.play(i, cx);
    pace.still = if m.clock == pace.clock { pace.still + 1 } else { 0 };
    pace.clock = m.clock;
    if pace.still >= STEPS_WITHOUT_TIME && cx.config.time == TimeMode::Strict && m.wake_next_sleeper(false) {
        pace.still = 0;
    }
}

/// The process that reached undefined behaviour, if one did: the run
/// stops there (nothing after it is defined, so nothing after it is
/// claimed).
fn undefined(h: &History) -> Option<i32> {
    h.faults.iter().find(|f| f.fault.signal.is_none()).map(|f| f.pid)
}

fn task(m: &Machine, entry: usize) -> Task {
    let p = &m.procs[proc_of(entry)];
    let (fault, flush, stale) = (is_fault(entry), is_flush(entry), is_stale(entry));
    let own = !fault && !flush;
    Task { pid: p.pid, yielding: own && matches!(p.pending, Pending::Call(Call::Proc(ProcCall::Yield))), fault, flush, stale }
}

/// A fresh scheduler of the strategy `opts` names, at its first seed.
pub fn scheduler(opts: &Options) -> Box<dyn Scheduler> {
    match opts.strategy {
        StrategyKind::Random => Box::new(random::Random::new(opts.seed)),
        StrategyKind::Pct { depth } => Box::new(pct::Pct::new(opts.seed, depth, PCT_HORIZON)),
        StrategyKind::RoundRobin { quantum } => Box::new(rr::RoundRobin::new(quantum)),
        // A single run of the exhaustive strategy is its first path: the
        // running process keeps the CPU while it can.
        StrategyKind::Exhaustive => Box::new(replay::Replay::then_go_on(Vec::new())),
    }
}

/// A race detector at the start of a run: the first process's first step
/// is to come.
fn detector() -> Box<crate::check::races::Races> {
    let mut r = Box::<crate::check::races::Races>::default();
    r.step(crate::abi::FIRST_PID, 0);
    r
}
