//! `run` and `replay`: one run, its output, its trace and its account.

use super::{config, load, replay_command, JSON_VERSION};
use crate::cli::{ReplayArgs, RunArgs, SchedArgs, StrategyArg, TimeArg, TraceFormat};
use crate::Status;
use sim::diag::render;
use sim::explore::{self, pct::Pct, random::Random, replay::Replay, rr::RoundRobin, token, RunResult, Strategy};
use sim::ir::Program;
use sim::kernel::Config;
use std::io::{IsTerminal, Write};
use std::path::Path;

/// The strategy a `--strategy` option names.
pub fn strategy(a: &SchedArgs, seed: u64) -> Box<dyn Strategy> {
    match a.strategy {
        StrategyArg::Random => Box::new(Random::new(seed)),
        StrategyArg::Rr => Box::new(RoundRobin::new(a.quantum)),
        // Change points spread over the first 100 choices.
        StrategyArg::Pct => Box::new(Pct::new(seed, a.depth, 100)),
    }
}

pub fn run(a: RunArgs) -> Status {
    let prog = match load(&a.file, a.json) {
        Ok(p) => p,
        Err(s) => return s,
    };
    let cfg = config(&a.file, &a.sim, TimeArg::Strict);
    let mut st = strategy(&a.sched, a.sched.seed);
    let r = explore::run(&prog, &cfg, st.as_mut(), a.trace);
    show(&a.file, &prog, &cfg, &r, a.trace.then_some(a.trace_format), a.json, "run")
}

pub fn replay(a: ReplayArgs) -> Status {
    let prog = match load(&a.file, a.json) {
        Ok(p) => p,
        Err(s) => return s,
    };
    let cfg = config(&a.file, &a.sim, TimeArg::Strict);
    let choices = match token::decode(&a.token, token::binding(&prog, &cfg)) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("ipcsim: cannot replay: {e}");
            return Status::Usage;
        }
    };
    let mut st = Replay::new(choices);
    let r = explore::run(&prog, &cfg, &mut st, a.trace);
    if st.misfit || !st.exhausted() {
        eprintln!("ipcsim: the token's choices do not fit this program's runs");
        return Status::Usage;
    }
    show(&a.file, &prog, &cfg, &r, a.trace.then_some(a.trace_format), a.json, "replay")
}

/// Prints a run: the program's writes, the trace, the account, the token.
pub fn show(file: &Path, prog: &Program, cfg: &Config, r: &RunResult, trace: Option<TraceFormat>, json: bool, command: &str) -> Status {
    let diags = sim::report::diagnostics(prog, r);
    let tok = token::encode(token::binding(prog, cfg), &r.choices);
    if json {
        let j = serde_json::json!({
            "version": JSON_VERSION,
            "command": command,
            "failed": r.failed(),
            "outcome": r.outcome,
            "steps": r.steps,
            "token": tok,
            "trace": r.trace.as_ref().map(|t| t.iter().map(|e| sim::trace::to_json(e, &prog.sources)).collect::<Vec<_>>()),
            "diagnostics": diags.iter().map(|d| render::to_json(&prog.sources, d)).collect::<Vec<_>>(),
        });
        println!("{j}");
    } else {
        let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
        for w in &r.outcome.writes {
            let _ = if w.fd == 1 { out.write_all(&w.bytes).and_then(|_| out.flush()) } else { err.write_all(&w.bytes) };
        }
        drop((out, err));
        if let (Some(format), Some(t)) = (trace, &r.trace) {
            match format {
                TraceFormat::Text => eprint!("{}", sim::trace::to_text(t, &prog.sources)),
                TraceFormat::Jsonl => eprint!("{}", sim::trace::to_json_lines(t, &prog.sources)),
            }
        }
        eprint!("{}", render::to_text(&prog.sources, &diags, std::io::stderr().is_terminal()));
        for (pid, s) in &r.outcome.exits {
            eprintln!("ipcsim: process {pid}: {s}");
        }
        eprintln!("ipcsim: {} steps; replay: {}", r.steps, replay_command(file, cfg, &tok));
    }
    if r.failed() {
        Status::Failure
    } else {
        Status::Clean
    }
}
