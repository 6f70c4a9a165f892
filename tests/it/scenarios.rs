//! Every scenario compiles with `cc -Wall -lrt -pthread` and runs
//! natively. One whose header says "schedule-independent" prints exactly
//! what ipcsim prints; for every other one, the native outcome is one that
//! exploring finds (a native hang matches a deadlock or livelock).

use crate::native::{c_files, config, par_check, run_native_timeout, run_sim, show, Observed, Scratch};
use sim::explore::{self, pct::Pct, random::Random, scheduler::Scheduler};
use sim::kernel::TimeMode;
use std::path::Path;

/// Seeds explored to collect a scenario's outcomes.
const SEEDS: u64 = 2000;
/// A native run still going after this long is taken as hung.
const HANG_SECS: u64 = 5;

fn check(f: &Path, dir: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(f).map_err(|e| e.to_string())?;
    let native = run_native_timeout(f, dir, HANG_SECS)?;
    if text.contains("schedule-independent:") && !text.contains("Not schedule-independent") {
        let native = native.ok_or("hung natively, yet it claims to be schedule-independent")?;
        let s = run_sim(f)?;
        if native != s {
            return Err(show("outcome", &[native.stdout, native.stderr].concat(), &[s.stdout, s.stderr].concat()));
        }
        return Ok(());
    }
    if !text.contains("Not schedule-independent") {
        return Err("the header must say whether it is schedule-independent".into());
    }
    let prog = sim::lang::compile(&f.display().to_string(), &text, &sim::lang::fs_loader).map_err(|_| "does not compile")?;
    let cfg = config(f, TimeMode::LowerBound);
    let mut outcomes = Vec::new();
    let mut stuck = false;
    for run in 0..SEEDS {
        // Random and PCT seeds in turn, as crosscheck searches: a hang
        // that shows natively only under load (fifo_early_eof.c), PCT
        // finds.
        let seed = run / 2;
        let mut strategy: Box<dyn Scheduler> =
            if run % 2 == 0 { Box::new(Random::new(seed)) } else { Box::new(Pct::new(seed, 3, explore::PCT_HORIZON)) };
        let r = explore::run(&prog, &cfg, strategy.as_mut(), false);
        stuck |= r.end.is_stuck();
        if let Some(status) = r.outcome.main_status() {
            let o = Observed { stdout: r.outcome.stream(1), stderr: r.outcome.stream(2), status };
            if !outcomes.contains(&o) {
                outcomes.push(o);
            }
        }
        let found = match &native {
            Some(n) => outcomes.contains(n),
            None => stuck,
        };
        if found {
            return Ok(());
        }
    }
    Err(format!("the native outcome {native:?} is not among the {} outcomes of {SEEDS} runs", outcomes.len()))
}

#[test]
fn every_scenario_runs_natively_as_the_simulator_allows() {
    let scratch = Scratch::new("scen");
    let files = c_files("scenarios");
    assert!(files.len() >= 6);
    let fails = par_check(&files, |f| check(f, &scratch.0));
    assert!(fails.is_empty(), "{}", fails.join("\n\n"));
}
