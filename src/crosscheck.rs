//! Does the simulator tell the truth? Run the program on the real kernel,
//! collect its distinct outcomes, then search the simulator for each: an
//! outcome the real kernel shows and the simulator never produces is a
//! bug of the simulator (or a search budget too small to find it).

use real::{RealConfig, RealRun, RunError};
use sim::check::End;
use sim::explore::{self, pct::Pct, random::Random, token, RunResult, Scheduler};
use sim::ir::Program;
use sim::options::Options;
use sim::outcome::{ExitStatus, Outcome};
use std::collections::BTreeMap;
use std::path::Path;

/// One distinct outcome of the real runs.
#[derive(Debug, Clone)]
pub struct RealSeen {
    /// The first run that ended so.
    pub run: RealRun,
    /// How many runs ended so.
    pub count: u64,
}

/// Runs the program `runs` times on the real kernel (seeds `seed..`)
/// through `worker` (the `ipcsim` binary, which serves `ipcsim __worker`),
/// `jobs` runs at a time; the distinct outcomes, hung runs apart, in a
/// stable order, each shown by its lowest seed. `on_run` is called after
/// each run with the number ended so far (for progress bars). A stop
/// signal ([`real::stop`]) ends the runs early: the outcomes of the runs
/// that ended are returned, and [`real::stop::requested`] says so.
pub fn real_outcomes(
    worker: &Path,
    file: &Path,
    cfg: &RealConfig,
    (seed, runs): (u64, u64),
    jobs: usize,
    on_run: &mut dyn FnMut(u64),
) -> Result<Vec<RealSeen>, RunError> {
    real::cleanup_dead_runs();
    // By hash, then compared: a key is not a copy of the output (up to
    // 16 MiB a run).
    let mut seen: BTreeMap<u64, Vec<(u64, RealSeen)>> = BTreeMap::new();
    let mut ended = 0;
    real::pool::run_many(worker, file, cfg, (seed, runs), jobs, &mut |k, r| {
        ended += 1;
        on_run(ended);
        let same = seen.entry(key(&r)).or_default();
        match same.iter_mut().find(|(_, s)| s.run.hung == r.hung && s.run.outcome == r.outcome) {
            Some((first, s)) => {
                s.count += 1;
                if k < *first {
                    (*first, s.run) = (k, r);
                }
            }
            None => same.push((k, RealSeen { run: r, count: 1 })),
        }
    })?;
    Ok(seen.into_values().flatten().map(|(_, s)| s).collect())
}

fn key(r: &RealRun) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    (r.hung, &r.outcome).hash(&mut h);
    h.finish()
}

/// What the simulator made of the real outcomes.
#[derive(Debug, Clone, Default)]
pub struct Crosscheck {
    /// Real outcomes the simulator produced, with the token of the run.
    pub explained: Vec<(RealRun, String)>,
    /// Real outcomes it did not produce within the budget.
    pub unexplained: Vec<RealRun>,
    /// Simulated runs made.
    pub sim_runs: u64,
}

/// Searches the simulator (up to `sim_runs` runs, seed by seed) for each
/// real outcome. Uniform random and PCT take turns: PCT starves a process
/// for long stretches, as real schedulers often do to a freshly forked
/// child. Random search cannot prove an outcome impossible, so an
/// unexplained outcome means "not found", not "impossible".
pub fn explain(prog: &Program, opts: &Options, real: &[RealSeen], sim_runs: u64) -> Crosscheck {
    let config = opts.config();
    let binding = token::binding(prog, &config);
    let runner = explore::Runner::new(prog, &config);
    let mut out = Crosscheck { unexplained: real.iter().map(|s| s.run.clone()).collect(), ..Default::default() };
    for s in 0..sim_runs {
        if out.unexplained.is_empty() || real::stop::requested() {
            break;
        }
        let mut sched: Box<dyn Scheduler> =
            if s % 2 == 0 { Box::new(Random::new(s)) } else { Box::new(Pct::new(s, 3, explore::PCT_HORIZON)) };
        let r = runner.run(&mut *sched, false);
        out.sim_runs = s + 1;
        let explained = &mut out.explained;
        out.unexplained.retain(|real| {
            let same = produces(&r, real);
            if same {
                explained.push((real.clone(), token::encode(binding, &r.choices)));
            }
            !same
        });
        runner.recycle(r);
    }
    out
}

/// Whether a simulated run shows what a real run showed. A hung real run
/// (killed at the timeout or when all blocked) matches a simulated run
/// that never ends (stuck, an endless loop, or out of steps) with the same
/// writes so far and the same exits of the processes that did exit. A
/// simulated run that stopped at undefined behaviour matches any real run
/// that agrees with it up to there (after undefined behaviour, anything
/// may happen): see [`agrees_until_undefined`].
pub fn produces(sim: &RunResult, real: &RealRun) -> bool {
    if let End::Undefined { pid } = sim.end {
        return agrees_until_undefined(&sim.outcome, pid, &real.outcome);
    }
    if real.hung {
        let stuck = sim.end.is_stuck() || matches!(sim.end, End::StepBudget | End::EndlessLoop { .. });
        stuck && prefix_of(&real.outcome, &sim.outcome)
    } else {
        real.outcome == sim.outcome
    }
}

/// A simulated run stopped when process `ub` reached undefined behaviour:
/// the real writes must start with the simulated ones (all made before
/// it), and every process that ended before it must have ended the same
/// way for real. What the real run did afterwards is not compared.
pub fn agrees_until_undefined(sim: &Outcome, ub: i32, real: &Outcome) -> bool {
    real.writes.starts_with(&sim.writes) && sim.exits.iter().filter(|(pid, _)| *pid != ub).all(|e| real.exits.contains(e))
}

fn prefix_of(real: &Outcome, sim: &Outcome) -> bool {
    real.writes == sim.writes && real.exits.iter().filter(|(_, s)| !matches!(s, ExitStatus::Signal(9))).all(|e| sim.exits.contains(e))
}

/// One line for a real outcome: how it ended and each process's exit.
pub fn describe(r: &RealRun) -> String {
    let exits = exit_ranges(&r.outcome.exits);
    let how = match (r.hung, r.blocked, r.livelock) {
        (true, true, _) => "DEADLOCK (every process blocked in a system call, then killed); ",
        (true, _, true) => "LIVELOCK (every process blocked or spinning on shared memory nobody changes, then killed); ",
        (true, _, _) => "HUNG (killed at the timeout); ",
        _ => "",
    };
    let cut = if r.outcome.truncated {
        format!(" (output truncated: only the first {} MiB kept)", sim::abi::limits::MAX_OUTPUT >> 20)
    } else {
        String::new()
    };
    format!("{how}{}{cut}", exits.join(", "))
}

/// Exits with consecutive pids and the same status in one entry
/// (`1001-1063: exit 0`): a fork bomb's outcome stays one line.
fn exit_ranges(exits: &[(i32, ExitStatus)]) -> Vec<String> {
    let mut out: Vec<(i32, i32, ExitStatus)> = Vec::new();
    for &(pid, st) in exits {
        match out.last_mut() {
            Some(last) if last.1 + 1 == pid && last.2 == st => last.1 = pid,
            _ => out.push((pid, pid, st)),
        }
    }
    out.iter().map(|&(a, b, st)| if a == b { format!("{a}: {st}") } else { format!("{a}-{b}: {st}") }).collect()
}

#[cfg(test)]
mod tests {
    use super::exit_ranges;
    use sim::outcome::ExitStatus::{Code, Signal};

    #[test]
    fn consecutive_pids_that_ended_alike_share_one_entry() {
        let exits = [(1000, Code(0)), (1001, Code(0)), (1002, Code(0)), (1003, Signal(9)), (1005, Signal(9)), (1006, Code(0))];
        assert_eq!(exit_ranges(&exits), ["1000-1002: exit 0", "1003: killed by SIGKILL", "1005: killed by SIGKILL", "1006: exit 0"]);
    }
}
