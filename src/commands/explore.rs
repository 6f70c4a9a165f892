//! `explore`: runs seed after seed until a failure, or collects every
//! distinct outcome (the work is the library's `sim::explore::search`).

use super::run::show;
use super::{load, options, replay_command, JSON_VERSION};
use crate::cli::{ExploreArgs, StrategyArg, TimeArg};
use crate::Status;
use sim::explore::{self, Options, Seen};

pub fn explore(a: ExploreArgs) -> Status {
    let prog = match load(&a.file, a.json, &a.sim.exec) {
        Ok(p) => p,
        Err(s) => return s,
    };
    let mut opts = options(&a.file, &a.sim, Some(&a.sched), TimeArg::LowerBound).runs(a.runs);
    opts.jobs = a.jobs.map_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()), |j| j as usize);
    if a.sched.strategy == StrategyArg::Exhaustive {
        return super::exhaustive::explore(&a, &prog, opts);
    }
    let x = &a.exhaustive;
    if x.time_limit.is_some() || x.exact || x.preemptions.is_some() || x.keep_going || x.max_states != 10_000_000 {
        eprintln!("ipcsim: --max-states, --time-limit, --exact, --preemptions and --keep-going need --strategy exhaustive");
        return Status::Usage;
    }
    let bar = super::progress(a.runs, a.json, "runs");
    // Ctrl-C ends the search; what it found so far is reported.
    real::stop::catch_signals();
    let mut tick = |k| {
        if let Some(b) = &bar {
            b.set_position(k);
        }
        !real::stop::requested()
    };
    let found = explore::search_until(&prog, &opts, a.outcomes, &mut tick);
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if a.outcomes {
        list_outcomes(&a, &opts, &found.outcomes, found.runs, "runs");
    }
    match &found.failure {
        Some(f) => {
            if a.outcomes {
                eprintln!("ipcsim: replay the first failure: {}", replay_command(&a.file, &opts, &f.token));
                return Status::Failure;
            }
            if !a.json {
                let shrunk = match f.shrunk {
                    Some(n) => {
                        let r = &f.result;
                        let steps = r.steps;
                        format!("; shrunk to {}", super::exhaustive::schedule(r.preemptions.len() as u32, steps, Some(n)))
                    }
                    None => String::new(),
                };
                eprintln!("ipcsim: failure found in run {} (seed {}){shrunk}; its trace:", f.run, f.seed);
            }
            show(&a.file, &prog, &opts, &f.result, Some(crate::cli::TraceFormat::Text), a.json, "explore")
        }
        None if found.interrupted => {
            if a.json && !a.outcomes {
                let j = serde_json::json!({ "version": JSON_VERSION, "command": "explore", "complete": false, "interrupted": true, "runs": found.runs, "failed": false });
                println!("{j}");
            } else if !a.json {
                eprintln!("ipcsim: interrupted after {} runs; no failure in them", found.runs);
            }
            Status::Incomplete
        }
        None => {
            if a.json && !a.outcomes {
                println!(
                    "{}",
                    serde_json::json!({ "version": JSON_VERSION, "command": "explore", "complete": false, "runs": found.runs, "failed": false })
                );
            } else if !a.json {
                eprintln!(
                    "ipcsim: no failure in {} runs (seeds {}..{}); random search is not a proof",
                    found.runs,
                    opts.seed,
                    opts.seed + found.runs.saturating_sub(1)
                );
            }
            Status::Clean
        }
    }
}

/// Prints the distinct outcomes of `total` runs (or steps: `unit`).
pub fn list_outcomes(a: &ExploreArgs, opts: &Options, outcomes: &[Seen], total: u64, unit: &str) {
    if a.json {
        let list: Vec<_> = outcomes
            .iter()
            .map(|s| serde_json::json!({ "count": s.count, "failed": s.failed, "token": s.token, "outcome": s.outcome }))
            .collect();
        println!(
            "{}",
            serde_json::json!({ "version": JSON_VERSION, "command": "explore", "complete": false, "runs": total, "outcomes": list })
        );
        return;
    }
    let n = outcomes.len();
    println!("{n} distinct outcome{} in {total} {unit}:", if n == 1 { "" } else { "s" });
    for s in outcomes {
        let exits: Vec<String> = s.outcome.exits.iter().map(|(p, st)| format!("{p}: {st}")).collect();
        let plural = if s.count == 1 { "" } else { "s" };
        println!("\n{} run{plural}{}: {}", s.count, if s.failed { " (FAILURE)" } else { "" }, exits.join(", "));
        println!("  stdout: {}", sim::trace::quote(&s.outcome.stream(1)));
        let err = s.outcome.stream(2);
        if !err.is_empty() {
            println!("  stderr: {}", sim::trace::quote(&err));
        }
        println!("  replay: {}", replay_command(&a.file, opts, &s.token));
    }
}
