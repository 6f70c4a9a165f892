//! What a program can do, as grading sees it: its distinct outcomes and
//! what the detectors found. By exhaustive search when it completes within
//! the budget (then the set is every outcome the program can produce),
//! else by random and PCT runs with fixed seeds: the same budget, and so
//! the same verdict on every machine, for every program graded.

use serde::Serialize;
use sim::check::linearizable::{self, OpMark};
use sim::check::races::Race;
use sim::explore::{self, exhaustive, random::Random, token, Options, Runner, StrategyKind};
use sim::ir::Program;
use sim::options::RaceMode;
use sim::outcome::Outcome;
use sim::source::Span;

/// How much searching each program gets: counts, never times, so that a
/// grade is the same on every machine. A submission that forks without
/// end or prints without end uses up its own budget, nobody else's.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Budget {
    /// States of the exhaustive search.
    pub states: u64,
    /// Live processes summed over those states (a fork bomb's states
    /// cost sixty times a three-process program's).
    pub work: u64,
    /// Runs of each of random and PCT search when it does not complete.
    pub runs: u64,
    /// IR instructions of those runs in all (each strategy): fewer runs
    /// when they are long.
    pub instructions: u64,
    /// Visible steps of those runs in all (each strategy).
    pub steps: u64,
}

impl Default for Budget {
    fn default() -> Budget {
        Budget { states: 200_000, work: 1_000_000, runs: 2_000, instructions: 400_000_000, steps: 4_000_000 }
    }
}

/// Runs whose leftovers are looked at (exhaustive search reports none).
const LEAK_RUNS: u64 = 20;

/// One distinct outcome, and how to see it again.
#[derive(Debug, Clone)]
pub struct Example {
    /// What was observed.
    pub outcome: Outcome,
    /// How to replay a run that ended so.
    pub shown: Shown,
    /// That run failed.
    pub failed: bool,
    /// Its schedule was shrunk: preemptions before and after.
    pub shrunk: Option<(u32, u32)>,
}

/// How to see a finding or an outcome again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Shown {
    /// `ipcsim replay FILE TOKEN`.
    Token(String),
    /// `ipcsim run FILE --seed SEED` (the random strategy's seed).
    Seed(u64),
}

/// What a detector found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Every process blocked for good.
    Deadlock,
    /// Processes running for ever without getting anywhere.
    Livelock,
    /// A crash, a failed assertion, a non-zero exit, undefined behaviour,
    /// an endless loop.
    Fault,
    /// Unsynchronised accesses to shared memory.
    Race,
    /// Names never unlinked, children never waited for.
    Leak,
    /// A history of marked operations that is not linearizable against
    /// the specification (`--spec`), or cannot be judged.
    Spec,
}

/// One finding.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// Which detector.
    pub kind: Kind,
    /// What it is and where, in words.
    pub what: String,
    /// How to see it (none for a leak seen in a run of the random
    /// strategy's seed shown in `what`).
    pub shown: Option<Shown>,
}

/// What one program can do.
#[derive(Debug, Clone, Default)]
pub struct Behaviour {
    /// The exhaustive search completed: `outcomes` is all of them.
    pub exhaustive: bool,
    /// States explored (exhaustive) or runs made (random and PCT).
    pub explored: u64,
    /// Distinct outcomes, by the first way found.
    pub outcomes: Vec<Example>,
    /// Findings, each once.
    pub findings: Vec<Finding>,
    /// Real-kernel outcomes the simulator did not produce (`None`: not
    /// run on the real kernel).
    pub unexplained: Option<Vec<String>>,
    /// The specification histories were judged against (`None`: not
    /// in specification mode).
    pub spec: Option<sim::check::linearizable::Spec>,
    /// Paths whose history the check could not judge within its budget.
    pub spec_unknown: u64,
}

/// Explores `prog` under `base` (its argv, stdin, time mode) within
/// `budget`.
pub fn behaviour(prog: &Program, base: &Options, budget: Budget) -> Behaviour {
    let mut o = base.clone();
    (o.strategy, o.keep_going, o.max_states, o.races, o.jobs, o.time_limit) =
        (StrategyKind::Exhaustive, true, budget.states, RaceMode::Warn, 1, None);
    o.max_work = Some(budget.work);
    // Not shrunk: shrinking is searches of its own, with budgets a heavy
    // program (sixty processes a state) would spend minutes on.
    o.shrink = false;
    let v = exhaustive::exhaustive(prog, &o, &mut |_| true);
    let mut b = Behaviour { spec: base.spec, spec_unknown: v.spec_unknown, ..Behaviour::default() };
    if v.complete {
        (b.exhaustive, b.explored) = (true, v.states);
        for s in v.outcomes {
            b.add(Example { outcome: s.outcome, shown: Shown::Token(s.token), failed: s.failed, shrunk: None });
        }
        for d in &v.failures {
            b.found(prog, &d.key, Shown::Token(d.found.token.clone()), &d.found.result.ops);
        }
        for (r, token) in &v.races {
            b.raced(prog, r, Shown::Token(token.clone()));
        }
    } else {
        // As many runs as the instruction budget pays for, by the first
        // run's length.
        let first = Runner::new(prog, &base.config()).run(&mut Random::new(0), false);
        let runs = budget.runs.min(budget.instructions / first.instructions.max(1)).min(budget.steps / first.steps.max(1)).max(1);
        for strategy in [StrategyKind::Random, StrategyKind::Pct { depth: 3 }] {
            let mut o = base.clone();
            (o.strategy, o.seed, o.runs, o.races, o.jobs, o.shrink) = (strategy, 0, runs, RaceMode::Warn, 1, false);
            let s = explore::search::outcomes(prog, &o, &mut |_| {});
            b.explored += s.runs;
            for x in s.outcomes {
                b.add(Example { outcome: x.outcome, shown: Shown::Token(x.token), failed: x.failed, shrunk: None });
            }
            if let Some(f) = &s.failure {
                if let Some(failure) = f.result.failure() {
                    let key = exhaustive::failure_key(&failure, Some(&f.result.end), &f.result.faults);
                    b.found(prog, &key, Shown::Token(f.token.clone()), &f.result.ops);
                }
            }
            for (r, seed) in &s.races {
                b.raced(prog, r, Shown::Seed(*seed));
            }
        }
    }
    b.leaks(prog, base);
    b
}

impl Behaviour {
    fn add(&mut self, e: Example) {
        if !self.outcomes.iter().any(|x| x.outcome == e.outcome) {
            self.outcomes.push(e);
        }
    }

    fn note(&mut self, f: Finding) {
        if !self.findings.iter().any(|x| x.kind == f.kind && x.what == f.what) {
            self.findings.push(f);
        }
    }

    /// A failure the search found (`ops`: the history of its run).
    fn found(&mut self, prog: &Program, key: &exhaustive::FailureKey, shown: Shown, ops: &[OpMark]) {
        let kind = match key.kind.as_str() {
            "deadlock" => Kind::Deadlock,
            "livelock" => Kind::Livelock,
            "data race" => Kind::Race,
            k if k == "not linearizable" || k.starts_with("history cannot be judged") => Kind::Spec,
            _ => Kind::Fault,
        };
        let history = match kind {
            Kind::Spec => format!(
                " (against {}; the history: {})",
                self.spec.map_or_else(String::new, |s| s.to_string()),
                linearizable::one_line(ops)
            ),
            _ => String::new(),
        };
        self.note(Finding { kind, what: format!("{}{}{history}", key.kind, places(prog, &key.spans)), shown: Some(shown) });
    }

    fn raced(&mut self, prog: &Program, r: &Race, shown: Shown) {
        let at = |a: &sim::check::races::Access| prog.sources.describe(a.expr.unwrap_or(a.span));
        let what = format!(
            "data race: {} by one process and {} by another, unordered ({} and {})",
            if r.first.write { "a write" } else { "a read" },
            if r.second.write { "a write" } else { "a read" },
            at(&r.first),
            at(&r.second)
        );
        self.note(Finding { kind: Kind::Race, what, shown: Some(shown) });
    }

    /// What runs of the random strategy leave behind.
    fn leaks(&mut self, prog: &Program, base: &Options) {
        let config = base.config();
        let runner = Runner::new(prog, &config);
        for seed in 0..LEAK_RUNS {
            for l in runner.run(&mut Random::new(seed), false).leaks {
                let at = l.span.map(|s| format!(" (made at {})", prog.sources.describe(s))).unwrap_or_default();
                let what = format!("left behind: {}{at}: {}", l.what, l.fix);
                self.note(Finding { kind: Kind::Leak, what, shown: Some(Shown::Seed(seed)) });
            }
        }
    }
}

/// Unsafe outcomes shown with a shrunk schedule (the first ones, in the
/// grade's order): each shrinking is searches of its own.
pub const SHRUNK: usize = 3;

/// Shrinks the schedules of the first [`SHRUNK`] examples, each to the
/// fewest preemptions that still end in its outcome (by searches of at
/// most `budget.states` states, and `budget.work`, each: counts, so the
/// same schedules on every machine).
pub fn shrink_shown(prog: &Program, base: &Options, budget: Budget, examples: &mut [Example]) {
    let mut o = base.clone();
    (o.strategy, o.jobs, o.races, o.max_states) =
        (StrategyKind::Exhaustive, 1, RaceMode::Off, budget.states.min(exhaustive::SHRINK_STATES));
    o.max_work = Some(budget.work);
    let binding = token::binding(prog, &o.config());
    for e in examples.iter_mut().take(SHRUNK) {
        let Shown::Token(t) = &e.shown else { continue };
        let Ok(choices) = token::decode(t, binding) else { continue };
        if let Some(s) = exhaustive::shrink_outcome(prog, &o, &e.outcome, choices) {
            let from = s.found.shrunk.map_or(s.preemptions, |n| n.from.0);
            (e.shown, e.shrunk) = (Shown::Token(s.found.token), Some((from, s.preemptions)));
        }
    }
}

/// " at file:line:col, ..." of some places.
fn places(prog: &Program, spans: &[Span]) -> String {
    if spans.is_empty() {
        return String::new();
    }
    let at: Vec<String> = spans.iter().map(|s| prog.sources.describe(*s)).collect();
    format!(" at {}", at.join(", "))
}
