//! `run` and `replay`: one run, its output, its trace and its account.

use super::{load, options, replay_command, JSON_VERSION};
use crate::cli::{ReplayArgs, RunArgs, TimeArg, TraceFormat};
use crate::Status;
use sim::diag::render;
use sim::explore::{self, token, Options, RunResult};
use sim::ir::Program;
use std::io::{IsTerminal, Write};
use std::path::Path;

pub fn run(a: RunArgs) -> Status {
    let prog = match load(&a.file, a.json, &a.sim.exec) {
        Ok(p) => p,
        Err(s) => return s,
    };
    let opts = options(&a.file, &a.sim, Some(&a.sched), TimeArg::Strict);
    let config = opts.config();
    let r = explore::Runner::new(&prog, &config).judging(&opts).run(&mut *explore::scheduler(&opts), a.trace);
    show(&a.file, &prog, &opts, &r, a.trace.then_some(a.trace_format), a.json, "run")
}

pub fn replay(a: ReplayArgs) -> Status {
    let prog = match load(&a.file, a.json, &a.sim.exec) {
        Ok(p) => p,
        Err(s) => return s,
    };
    let opts = options(&a.file, &a.sim, None, TimeArg::Strict);
    match explore::replay(&prog, &opts, &a.token, a.trace) {
        Ok(r) => show(&a.file, &prog, &opts, &r, a.trace.then_some(a.trace_format), a.json, "replay"),
        Err(e) => {
            eprintln!("ipcsim: cannot replay: {e}");
            Status::Usage
        }
    }
}

/// `--show-files`: each file the run left, with its bytes, on stderr.
fn show_files(o: &sim::outcome::Outcome) {
    if o.files.is_empty() {
        eprintln!("ipcsim: the run left no file");
    }
    let mut err = std::io::stderr().lock();
    for f in &o.files {
        let _ = writeln!(err, "ipcsim: file {} ({} bytes):", f.path, f.bytes.len());
        let _ = err.write_all(&f.bytes);
        if f.bytes.last().is_some_and(|&b| b != b'\n') {
            let _ = writeln!(err);
        }
    }
}

/// Prints a run: the program's writes, the trace, the account, the token.
pub fn show(file: &Path, prog: &Program, opts: &Options, r: &RunResult, trace: Option<TraceFormat>, json: bool, command: &str) -> Status {
    show_with(file, prog, opts, r, trace, json, command, serde_json::Value::Null)
}

/// [`show`], with `extra` fields (an object) in the JSON report.
#[allow(clippy::too_many_arguments)]
pub fn show_with(
    file: &Path,
    prog: &Program,
    opts: &Options,
    r: &RunResult,
    trace: Option<TraceFormat>,
    json: bool,
    command: &str,
    extra: serde_json::Value,
) -> Status {
    let diags = sim::report::diagnostics(prog, r);
    let tok = token::encode(token::binding(prog, &opts.config()), &r.choices);
    if json {
        let mut j = serde_json::json!({
            "version": JSON_VERSION,
            "command": command,
            "failed": r.failed(),
            "failure": r.failure().map(|f| f.to_string()),
            "outcome": r.outcome,
            "steps": r.steps,
            "token": tok,
            "trace": r.trace.as_ref().map(|t| t.iter().map(|e| sim::trace::to_json(e, &prog.sources)).collect::<Vec<_>>()),
            "diagnostics": diags.iter().map(|d| render::to_json(&prog.sources, d)).collect::<Vec<_>>(),
        });
        if let (Some(j), serde_json::Value::Object(extra)) = (j.as_object_mut(), extra) {
            j.extend(extra);
        }
        println!("{j}");
    } else {
        let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
        for w in &r.outcome.writes {
            let _ = if w.fd == 1 { out.write_all(&w.bytes).and_then(|_| out.flush()) } else { err.write_all(&w.bytes) };
        }
        drop((out, err));
        if let (Some(format), Some(t)) = (trace, &r.trace) {
            match format {
                TraceFormat::Text => eprint!("{}", sim::trace::to_text_marked(t, &prog.sources, &preemption_marks(r))),
                TraceFormat::Jsonl => eprint!("{}", sim::trace::to_json_lines(t, &prog.sources)),
            }
        }
        eprint!("{}", render::to_text(&prog.sources, &diags, std::io::stderr().is_terminal()));
        if r.outcome.truncated {
            let mib = sim::abi::limits::MAX_OUTPUT >> 20;
            eprintln!("ipcsim: output truncated: the run wrote more than {mib} MiB; only the first {mib} MiB were kept");
        }
        for (pid, s) in &r.outcome.exits {
            eprintln!("ipcsim: process {pid}: {s}");
        }
        if opts.show_files {
            show_files(&r.outcome);
        }
        eprintln!("ipcsim: {} steps; replay: {}", r.steps, replay_command(file, opts, &tok));
    }
    if r.failed() {
        Status::Failure
    } else {
        Status::Clean
    }
}

/// A note before each step where the schedule preempted a process.
fn preemption_marks(r: &RunResult) -> Vec<(u64, String)> {
    r.preemptions.iter().map(|p| (p.step, format!("preemption: {} could go on; {} runs instead", p.preempted, p.by))).collect()
}
