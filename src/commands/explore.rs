//! `explore`: runs seed after seed until a failure, or collects every
//! distinct outcome.

use super::run::{show, strategy};
use super::{config, load, replay_command, JSON_VERSION};
use crate::cli::{ExploreArgs, TimeArg};
use crate::Status;
use sim::explore::{self, replay::Replay, token};
use sim::outcome::Outcome;
use std::collections::BTreeMap;

pub fn explore(a: ExploreArgs) -> Status {
    let prog = match load(&a.file, a.json) {
        Ok(p) => p,
        Err(s) => return s,
    };
    let cfg = config(&a.file, &a.sim, TimeArg::LowerBound);
    let binding = token::binding(&prog, &cfg);
    // Outcome (serialised, so the order is stable) -> (outcome, count, token, failed).
    let mut seen: BTreeMap<String, (Outcome, u64, String, bool)> = BTreeMap::new();
    let mut first_failure = None;
    let bar = super::progress(a.runs, a.json, "runs");
    for k in 0..a.runs {
        if let Some(b) = &bar {
            b.inc(1);
        }
        let seed = a.sched.seed + k;
        let mut st = strategy(&a.sched, seed);
        let r = explore::run(&prog, &cfg, st.as_mut(), false);
        let failed = r.failed();
        if a.outcomes {
            let key = serde_json::to_string(&r.outcome).unwrap_or_default();
            let e = seen.entry(key).or_insert_with(|| (r.outcome.clone(), 0, token::encode(binding, &r.choices), failed));
            e.1 += 1;
        }
        if failed && first_failure.is_none() {
            first_failure = Some((seed, k + 1, r.choices.clone()));
            if !a.outcomes {
                break;
            }
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    if a.outcomes {
        list_outcomes(&a, &cfg, &seen);
    }
    match first_failure {
        Some((seed, n, choices)) => {
            // Replay the failing schedule with the trace on, to show it.
            let mut st = Replay::new(choices);
            let r = explore::run(&prog, &cfg, &mut st, true);
            if !a.json {
                eprintln!("ipcsim: failure found in run {n} (seed {seed}); its trace:");
            }
            if a.outcomes {
                let tok = token::encode(binding, &r.choices);
                eprintln!("ipcsim: replay the first failure: {}", replay_command(&a.file, &cfg, &tok));
                return Status::Failure;
            }
            show(&a.file, &prog, &cfg, &r, Some(crate::cli::TraceFormat::Text), a.json, "explore")
        }
        None => {
            if a.json && !a.outcomes {
                println!(
                    "{}",
                    serde_json::json!({ "version": JSON_VERSION, "command": "explore", "complete": false, "runs": a.runs, "failed": false })
                );
            } else if !a.json {
                eprintln!(
                    "ipcsim: no failure in {} runs (seeds {}..{}); random search is not a proof",
                    a.runs,
                    a.sched.seed,
                    a.sched.seed + a.runs.saturating_sub(1)
                );
            }
            Status::Clean
        }
    }
}

fn list_outcomes(a: &ExploreArgs, cfg: &sim::kernel::Config, seen: &BTreeMap<String, (Outcome, u64, String, bool)>) {
    if a.json {
        let list: Vec<_> =
            seen.values().map(|(o, n, t, f)| serde_json::json!({ "count": n, "failed": f, "token": t, "outcome": o })).collect();
        println!(
            "{}",
            serde_json::json!({ "version": JSON_VERSION, "command": "explore", "complete": false, "runs": a.runs, "outcomes": list })
        );
        return;
    }
    println!("{} distinct outcome{} in {} runs:", seen.len(), if seen.len() == 1 { "" } else { "s" }, a.runs);
    let mut rows: Vec<_> = seen.values().collect();
    rows.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.2.cmp(&y.2)));
    for (o, n, tok, failed) in rows {
        let exits: Vec<String> = o.exits.iter().map(|(p, s)| format!("{p}: {s}")).collect();
        println!("\n{n} run{}{}: {}", if *n == 1 { "" } else { "s" }, if *failed { " (FAILURE)" } else { "" }, exits.join(", "));
        println!("  stdout: {}", sim::trace::quote(&o.stream(1)));
        let err = o.stream(2);
        if !err.is_empty() {
            println!("  stderr: {}", sim::trace::quote(&err));
        }
        println!("  replay: {}", replay_command(&a.file, cfg, tok));
    }
}
