//! `real` and `crosscheck`: the program on the real kernel, and whether
//! the simulator can produce everything the real kernel shows.

use super::{load, options, replay_command, JSON_VERSION};
use crate::cli::{CrosscheckArgs, RealArgs, SimArgs, StdoutArg, TimeArg, WorkerArgs};
use crate::Status;
use ipcsim::crosscheck::{self, describe, RealSeen};
use real::RealConfig;
use sim::interp::StdoutMode;
use std::path::Path;

fn real_config(file: &Path, sim: &SimArgs, chaos: bool, timeout_ms: u64) -> RealConfig {
    RealConfig::new(&options(file, sim, None, TimeArg::Strict), chaos, timeout_ms)
}

/// The real runs made: their distinct outcomes, and how many ended before
/// a stop signal (Ctrl-C, SIGTERM, SIGHUP), if one came.
struct Runs {
    seen: Vec<RealSeen>,
    done: u64,
    interrupted: bool,
}

impl Runs {
    /// The line saying the runs were cut short, if they were.
    fn interrupted_line(&self, runs: u64) -> Option<String> {
        self.interrupted.then(|| format!("ipcsim: interrupted after {} runs of {runs}; outcomes found so far:", self.done))
    }
}

/// Runs `runs` real runs with a progress bar. A stop signal ends them
/// (the running one's processes killed and its names removed).
fn real_runs(file: &Path, cfg: &RealConfig, (seed, runs): (u64, u64), jobs: Option<u32>, json: bool) -> Result<Runs, Status> {
    let exe = std::env::current_exe().map_err(|_| Status::Internal)?;
    real::stop::catch_signals();
    let bar = super::progress(runs, json, "real runs");
    let mut done = 0;
    let seen = crosscheck::real_outcomes(&exe, file, cfg, (seed, runs), super::jobs(jobs), &mut |k| {
        done = k;
        if let Some(b) = &bar {
            b.inc(1);
        }
    });
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let seen = seen.map_err(|e| {
        eprintln!("ipcsim: environment error: {e}");
        Status::Internal
    })?;
    Ok(Runs { seen, done, interrupted: real::stop::requested() })
}

/// Exit status of what was found: a failure, else incomplete if cut short.
fn found(failed: bool, interrupted: bool) -> Status {
    match (failed, interrupted) {
        (true, _) => Status::Failure,
        (false, true) => Status::Incomplete,
        (false, false) => Status::Clean,
    }
}

pub fn real(a: RealArgs) -> Status {
    if let Err(s) = load(&a.file, a.json, &a.sim.exec) {
        return s;
    }
    let cfg = real_config(&a.file, &a.sim, a.chaos, a.timeout_ms);
    let runs = match real_runs(&a.file, &cfg, (a.seed, a.runs), a.jobs, a.json) {
        Ok(s) => s,
        Err(st) => return st,
    };
    let seen = &runs.seen;
    let failed = seen.iter().any(|s| s.run.failed());
    if let Some(line) = runs.interrupted_line(a.runs) {
        eprintln!("{line}");
    }
    if a.json {
        let list: Vec<_> = seen
            .iter()
            .map(|s| serde_json::json!({ "count": s.count, "hung": s.run.hung, "deadlock": s.run.blocked, "livelock": s.run.livelock, "failed": s.run.failed(), "outcome": s.run.outcome }))
            .collect();
        println!(
            "{}",
            serde_json::json!({ "version": JSON_VERSION, "command": "real", "runs": runs.done, "interrupted": runs.interrupted, "outcomes": list })
        );
    } else {
        let isolated = seen.iter().all(|s| s.run.isolated);
        println!(
            "{} distinct outcome{} in {} real runs{}{}:",
            seen.len(),
            if seen.len() == 1 { "" } else { "s" },
            runs.done,
            if a.chaos { " with chaos" } else { "" },
            if isolated { "" } else { " (no private /dev/shm: names were prefixed)" }
        );
        let mut rows: Vec<_> = seen.iter().collect();
        rows.sort_by_key(|s| std::cmp::Reverse(s.count));
        for s in rows {
            let (r, n) = (&s.run, s.count);
            println!("\n{n} run{}{}: {}", if n == 1 { "" } else { "s" }, if r.failed() { " (FAILURE)" } else { "" }, describe(r));
            println!("  stdout: {}", sim::trace::quote(&r.outcome.stream(1)));
            let err = r.outcome.stream(2);
            if !err.is_empty() {
                println!("  stderr: {}", sim::trace::quote(&err));
            }
        }
    }
    found(failed, runs.interrupted)
}

pub fn crosscheck(a: CrosscheckArgs) -> Status {
    let prog = match load(&a.file, a.json, &a.sim.exec) {
        Ok(p) => p,
        Err(s) => return s,
    };
    let rcfg = real_config(&a.file, &a.sim, !a.no_chaos, a.timeout_ms);
    let runs = match real_runs(&a.file, &rcfg, (a.seed, a.runs), a.jobs, a.json) {
        Ok(s) => s,
        Err(st) => return st,
    };
    if let Some(line) = runs.interrupted_line(a.runs) {
        eprintln!("{line}");
    }
    let seen = &runs.seen;
    let sopts = options(&a.file, &a.sim, None, TimeArg::LowerBound);
    let check = crosscheck::explain(&prog, &sopts, seen, a.sim_runs);
    if !a.json {
        let kind = if a.no_chaos { "plain" } else { "chaos" };
        println!("{} distinct real outcome{} in {} {kind} runs", seen.len(), if seen.len() == 1 { "" } else { "s" }, runs.done);
        for (r, t) in &check.explained {
            println!("  explained: {}\n    stdout: {}", describe(r), sim::trace::quote(&r.outcome.stream(1)));
            println!("    by: {}", replay_command(&a.file, &sopts, t));
        }
        // A stop signal also ends the simulator's search: say how far it got.
        let searched = if real::stop::requested() { format!("{} (interrupted)", check.sim_runs) } else { a.sim_runs.to_string() };
        for r in &check.unexplained {
            println!("  NOT FOUND in {searched} simulated runs: {}\n    stdout: {}", describe(r), sim::trace::quote(&r.outcome.stream(1)));
        }
    } else {
        let un: Vec<_> = check.unexplained.iter().map(|r| serde_json::json!({ "hung": r.hung, "outcome": r.outcome })).collect();
        println!(
            "{}",
            serde_json::json!({ "version": JSON_VERSION, "command": "crosscheck", "complete": false, "real_outcomes": seen.len(), "explained": check.explained.len(), "unexplained": un })
        );
    }
    if check.unexplained.is_empty() && !real::stop::requested() {
        Status::Clean
    } else {
        // Random search cannot prove an outcome impossible: the budget ran
        // out (or a stop signal cut it short).
        Status::Incomplete
    }
}

/// The hidden worker server: a real run per seed read on stdin, each
/// run's report as a line of JSON on stdout.
pub fn worker(a: WorkerArgs) -> Status {
    let prog = match load(&a.file, true, &a.exec) {
        Ok(p) => p,
        Err(s) => return s,
    };
    let mut argv = vec![super::program_name(&a.file)];
    argv.extend(a.args);
    let stdout = if a.stdout == StdoutArg::Tty { StdoutMode::Tty } else { StdoutMode::Pipe };
    let cfg = RealConfig {
        stdout,
        argv,
        chaos: a.chaos,
        timeout_ms: a.timeout_ms,
        max_procs: a.max_procs,
        stdin: a.stdin,
        execs: a.exec,
        files: a.seed_files,
        env: a.environ,
    };
    real::serve(&prog, &cfg);
    Status::Clean
}
