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
    if let Err(s) = super::timeline::check(a.draw.timeline.as_deref()) {
        return s;
    }
    let prog = match load(&a.file, a.json, &a.sim.exec) {
        Ok(p) => p,
        Err(s) => return s,
    };
    let opts = options(&a.file, &a.sim, Some(&a.sched), TimeArg::Strict);
    let config = opts.config();
    let traced = a.trace || a.draw.timeline.is_some();
    let r = explore::Runner::new(&prog, &config).judging(&opts).run(&mut *explore::scheduler(&opts), traced);
    let view = View { trace: a.trace.then_some(a.trace_format), json: a.json, timeline: a.draw.timeline.as_deref(), watch: &a.draw.watch };
    show(&a.file, &prog, &opts, &r, &view, "run")
}

pub fn replay(a: ReplayArgs) -> Status {
    if let Err(s) = super::timeline::check(a.draw.timeline.as_deref()) {
        return s;
    }
    let prog = match load(&a.file, a.json, &a.sim.exec) {
        Ok(p) => p,
        Err(s) => return s,
    };
    let opts = options(&a.file, &a.sim, None, TimeArg::Strict);
    match explore::replay(&prog, &opts, &a.token, a.trace || a.draw.timeline.is_some()) {
        Ok(r) => {
            let view =
                View { trace: a.trace.then_some(a.trace_format), json: a.json, timeline: a.draw.timeline.as_deref(), watch: &a.draw.watch };
            show(&a.file, &prog, &opts, &r, &view, "replay")
        }
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

/// How a run is shown: its trace (in which form), JSON instead of text,
/// and a timeline file.
pub struct View<'a> {
    /// Print the trace in this form.
    pub trace: Option<TraceFormat>,
    /// A JSON report on stdout instead.
    pub json: bool,
    /// Draw the run into this file.
    pub timeline: Option<&'a Path>,
    /// The locations the timeline's strip shows (empty: its default).
    pub watch: &'a [String],
}

/// Prints a run: the program's writes, the trace, the account, the token.
pub fn show(file: &Path, prog: &Program, opts: &Options, r: &RunResult, view: &View, command: &str) -> Status {
    show_with(file, prog, opts, r, view, command, serde_json::Value::Null)
}

/// [`show`], with `extra` fields (an object) in the JSON report.
pub fn show_with(
    file: &Path,
    prog: &Program,
    opts: &Options,
    r: &RunResult,
    view: &View,
    command: &str,
    extra: serde_json::Value,
) -> Status {
    let (trace, json) = (view.trace, view.json);
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
        if trace.is_some() {
            for e in ipcsim::explain::explain(prog, r) {
                eprintln!("ipcsim: {}", e.text);
            }
        }
        if let (Some(format), Some(t)) = (trace, &r.trace) {
            match format {
                TraceFormat::Text => eprint!("{}", sim::trace::to_text_marked(t, &prog.sources, &preemption_marks(r))),
                TraceFormat::Jsonl => eprint!("{}", sim::trace::to_json_lines(t, &prog.sources)),
                TraceFormat::Columns => eprint!("{}", sim::trace::to_columns(t, &prog.sources, terminal_width())),
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
    if let Some(path) = view.timeline {
        let title = format!("{}: {command} {}", file.display(), tok);
        if let Err(e) = super::timeline::write(path, prog, r, &title, &diags, view.watch) {
            eprintln!("ipcsim: cannot write the timeline {}: {e}", path.display());
            return Status::Internal;
        }
        if !json {
            eprintln!("ipcsim: timeline written to {}", path.display());
        }
    }
    if r.failed() {
        Status::Failure
    } else {
        Status::Clean
    }
}

/// The terminal's width (`COLUMNS`), else 120.
fn terminal_width() -> usize {
    std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok()).filter(|&w: &usize| w >= 40).unwrap_or(120)
}

/// A note before each step where the schedule preempted a process.
fn preemption_marks(r: &RunResult) -> Vec<(u64, String)> {
    let injected = |step: u64| r.trace.as_ref().and_then(|t| t.iter().find(|e| e.step == step)).and_then(|e| e.injected);
    r.preemptions
        .iter()
        .map(|p| match injected(p.step) {
            Some(f) => (p.step, format!("fault injected into {}: {}", p.by, f.arg())),
            None => (p.step, format!("preemption: {} could go on; {} runs instead", p.preempted, p.by)),
        })
        .collect()
}
