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

/// Runs `runs` real runs with a progress bar; the distinct outcomes.
fn real_runs(file: &Path, cfg: &RealConfig, runs: u64, seed: u64, json: bool) -> Result<Vec<RealSeen>, Status> {
    let exe = std::env::current_exe().map_err(|_| Status::Internal)?;
    let bar = super::progress(runs, json, "real runs");
    let seen = crosscheck::real_outcomes(&exe, file, cfg, runs, seed, &mut |_| {
        if let Some(b) = &bar {
            b.inc(1);
        }
    });
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    seen.map_err(|e| {
        eprintln!("ipcsim: environment error: {}", e.0);
        Status::Internal
    })
}

pub fn real(a: RealArgs) -> Status {
    if let Err(s) = load(&a.file, a.json) {
        return s;
    }
    let cfg = real_config(&a.file, &a.sim, a.chaos, a.timeout_ms);
    let seen = match real_runs(&a.file, &cfg, a.runs, a.seed, a.json) {
        Ok(s) => s,
        Err(st) => return st,
    };
    let failed = seen.iter().any(|s| s.run.failed());
    if a.json {
        let list: Vec<_> = seen
            .iter()
            .map(|s| serde_json::json!({ "count": s.count, "hung": s.run.hung, "failed": s.run.failed(), "outcome": s.run.outcome }))
            .collect();
        println!("{}", serde_json::json!({ "version": JSON_VERSION, "command": "real", "runs": a.runs, "outcomes": list }));
    } else {
        let isolated = seen.iter().all(|s| s.run.isolated);
        println!(
            "{} distinct outcome{} in {} real runs{}{}:",
            seen.len(),
            if seen.len() == 1 { "" } else { "s" },
            a.runs,
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
    let seen = match real_runs(&a.file, &rcfg, a.runs, a.seed, a.json) {
        Ok(s) => s,
        Err(st) => return st,
    };
    let sopts = options(&a.file, &a.sim, None, TimeArg::LowerBound);
    let check = crosscheck::explain(&prog, &sopts, &seen, a.sim_runs);
    if !a.json {
        println!("{} distinct real outcome{} in {} chaos runs", seen.len(), if seen.len() == 1 { "" } else { "s" }, a.runs);
        for (r, t) in &check.explained {
            println!("  explained: {}\n    by: {}", describe(r), replay_command(&a.file, &sopts, t));
        }
        for r in &check.unexplained {
            println!(
                "  NOT FOUND in {} simulated runs: {}\n    stdout: {}",
                a.sim_runs,
                describe(r),
                sim::trace::quote(&r.outcome.stream(1))
            );
        }
    } else {
        let un: Vec<_> = check.unexplained.iter().map(|r| serde_json::json!({ "hung": r.hung, "outcome": r.outcome })).collect();
        println!(
            "{}",
            serde_json::json!({ "version": JSON_VERSION, "command": "crosscheck", "complete": false, "real_outcomes": seen.len(), "explained": check.explained.len(), "unexplained": un })
        );
    }
    if check.unexplained.is_empty() {
        Status::Clean
    } else {
        // Random search cannot prove an outcome impossible: the budget ran out.
        Status::Incomplete
    }
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
    let cfg = RealConfig { stdout, argv, chaos: a.chaos, timeout_ms: a.timeout_ms, max_procs: a.max_procs };
    let report = real::worker::run(&prog, &cfg, a.seed).finish();
    println!("{}", serde_json::to_string(&report).unwrap_or_default());
    Status::Clean
}
