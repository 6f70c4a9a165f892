//! `real` and `crosscheck`: the program on the real kernel, and whether
//! the simulator can produce everything the real kernel shows.

use super::{load, options, replay_command, JSON_VERSION};
use crate::cli::{CrosscheckArgs, RealArgs, SimArgs, StdoutArg, TimeArg, WorkerArgs};
use crate::Status;
use real::{RealConfig, RealRun};
use sim::explore::{self, pct::Pct, random::Random, token, Scheduler};
use sim::interp::StdoutMode;
use sim::outcome::Outcome;
use std::collections::BTreeMap;
use std::path::Path;

fn real_config(file: &Path, sim: &SimArgs, chaos: bool, timeout_ms: u64) -> RealConfig {
    RealConfig::new(&options(file, sim, None, TimeArg::Strict), chaos, timeout_ms)
}

/// Runs `runs` real runs; the distinct outcomes (hung runs keyed apart).
fn real_runs(file: &Path, cfg: &RealConfig, runs: u64, seed: u64) -> Result<BTreeMap<String, (RealRun, u64)>, Status> {
    real::cleanup_dead_runs();
    let exe = std::env::current_exe().map_err(|_| Status::Internal)?;
    let mut seen: BTreeMap<String, (RealRun, u64)> = BTreeMap::new();
    let bar = super::progress(runs, false, "real runs");
    for k in 0..runs {
        if let Some(b) = &bar {
            b.inc(1);
        }
        let r = match real::run_once(&exe, file, cfg, seed + k) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("ipcsim: environment error: {}", e.0);
                return Err(Status::Internal);
            }
        };
        let key = format!("{}{}", if r.hung { "hung " } else { "" }, serde_json::to_string(&r.outcome).unwrap_or_default());
        seen.entry(key).or_insert((r, 0)).1 += 1;
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    Ok(seen)
}

fn describe(r: &RealRun) -> String {
    let exits: Vec<String> = r.outcome.exits.iter().map(|(p, s)| format!("{p}: {s}")).collect();
    let how = match (r.hung, r.blocked) {
        (true, true) => "DEADLOCK (every process blocked in a system call, then killed); ",
        (true, false) => "HUNG (killed at the timeout); ",
        _ => "",
    };
    format!("{how}{}", exits.join(", "))
}

pub fn real(a: RealArgs) -> Status {
    if let Err(s) = load(&a.file, a.json) {
        return s;
    }
    let cfg = real_config(&a.file, &a.sim, a.chaos, a.timeout_ms);
    let seen = match real_runs(&a.file, &cfg, a.runs, a.seed) {
        Ok(s) => s,
        Err(st) => return st,
    };
    let failed = seen.values().any(|(r, _)| r.failed());
    if a.json {
        let list: Vec<_> = seen
            .values()
            .map(|(r, n)| serde_json::json!({ "count": n, "hung": r.hung, "failed": r.failed(), "outcome": r.outcome }))
            .collect();
        println!("{}", serde_json::json!({ "version": JSON_VERSION, "command": "real", "runs": a.runs, "outcomes": list }));
    } else {
        let isolated = seen.values().all(|(r, _)| r.isolated);
        println!(
            "{} distinct outcome{} in {} real runs{}{}:",
            seen.len(),
            if seen.len() == 1 { "" } else { "s" },
            a.runs,
            if a.chaos { " with chaos" } else { "" },
            if isolated { "" } else { " (no private /dev/shm: names were prefixed)" }
        );
        let mut rows: Vec<_> = seen.values().collect();
        rows.sort_by_key(|r| std::cmp::Reverse(r.1));
        for (r, n) in rows {
            println!("\n{n} run{}{}: {}", if *n == 1 { "" } else { "s" }, if r.failed() { " (FAILURE)" } else { "" }, describe(r));
            println!("  stdout: {}", sim::trace::quote(&r.outcome.stream(1)));
            let err = r.outcome.stream(2);
            if !err.is_empty() {
                println!("  stderr: {}", sim::trace::quote(&err));
            }
        }
    }
    if failed {
        Status::Failure
    } else {
        Status::Clean
    }
}

pub fn crosscheck(a: CrosscheckArgs) -> Status {
    let prog = match load(&a.file, a.json) {
        Ok(p) => p,
        Err(s) => return s,
    };
    let rcfg = real_config(&a.file, &a.sim, true, a.timeout_ms);
    let seen = match real_runs(&a.file, &rcfg, a.runs, a.seed) {
        Ok(s) => s,
        Err(st) => return st,
    };
    // Search the simulator for each real outcome, seed by seed.
    let sopts = options(&a.file, &a.sim, None, TimeArg::LowerBound);
    let scfg = sopts.config();
    let binding = token::binding(&prog, &scfg);
    let mut unexplained: Vec<&RealRun> = seen.values().map(|(r, _)| r).collect();
    let mut explained: Vec<(String, String)> = Vec::new();
    for s in 0..a.sim_runs {
        if unexplained.is_empty() {
            break;
        }
        // Uniform random and PCT in turn: PCT starves a process for long
        // stretches, as real schedulers often do to a freshly forked child.
        let mut sched: Box<dyn Scheduler> =
            if s % 2 == 0 { Box::new(Random::new(s)) } else { Box::new(Pct::new(s, 3, explore::PCT_HORIZON)) };
        let r = explore::run(&prog, &scfg, &mut *sched, false);
        let stuck = r.end.is_stuck() || matches!(r.end, sim::check::End::StepBudget);
        unexplained.retain(|real| {
            let same = if real.hung { stuck && prefix_of(&real.outcome, &r.outcome) } else { real.outcome == r.outcome };
            if same {
                explained.push((describe(real), token::encode(binding, &r.choices)));
            }
            !same
        });
    }
    if !a.json {
        println!("{} distinct real outcome{} in {} chaos runs", seen.len(), if seen.len() == 1 { "" } else { "s" }, a.runs);
        for (d, t) in &explained {
            println!("  explained: {d}\n    by: {}", replay_command(&a.file, &sopts, t));
        }
        for r in &unexplained {
            println!(
                "  NOT FOUND in {} simulated runs: {}\n    stdout: {}",
                a.sim_runs,
                describe(r),
                sim::trace::quote(&r.outcome.stream(1))
            );
        }
    } else {
        let un: Vec<_> = unexplained.iter().map(|r| serde_json::json!({ "hung": r.hung, "outcome": r.outcome })).collect();
        println!(
            "{}",
            serde_json::json!({ "version": JSON_VERSION, "command": "crosscheck", "complete": false, "real_outcomes": seen.len(), "explained": explained.len(), "unexplained": un })
        );
    }
    if unexplained.is_empty() {
        Status::Clean
    } else {
        // Random search cannot prove an outcome impossible: the budget ran out.
        Status::Incomplete
    }
}

/// A hung real run matches a stuck simulated one with the same writes so
/// far and the same exits of the processes that did exit.
fn prefix_of(real: &Outcome, sim: &Outcome) -> bool {
    real.writes == sim.writes
        && real.exits.iter().filter(|(_, s)| !matches!(s, sim::outcome::ExitStatus::Signal(9))).all(|e| sim.exits.contains(e))
}

/// The hidden worker: one real run, its report as JSON on stdout.
pub fn worker(a: WorkerArgs) -> Status {
    let prog = match load(&a.file, true) {
        Ok(p) => p,
        Err(s) => return s,
    };
    let mut argv = vec![super::program_name(&a.file)];
    argv.extend(a.args);
    let stdout = if a.stdout == StdoutArg::Tty { StdoutMode::Tty } else { StdoutMode::Pipe };
    let cfg = RealConfig { stdout, argv, fuel: a.fuel, chaos: a.chaos, timeout_ms: a.timeout_ms, max_procs: real::MAX_PROCS };
    let report = real::worker::run(&prog, &cfg, a.seed).finish();
    println!("{}", serde_json::to_string(&report).unwrap_or_default());
    Status::Clean
}
