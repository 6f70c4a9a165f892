//! The commands: load and compile the file, then do the work.

use crate::cli::{BenchArgs, CheckArgs, Cli, Command, RunArgs, StdoutArg};
use crate::Status;
use sim::diag::render;
use sim::interp::{ProcessOptions, StdoutMode};
use sim::ir::Program;
use sim::kernel::{Limits, Machine};
use std::io::{IsTerminal, Write};
use std::path::Path;

/// Version of every `--json` report.
pub const JSON_VERSION: u32 = 1;

/// Runs a parsed command line.
pub fn dispatch(cli: Cli) -> Status {
    match cli.command {
        Command::Check(a) => check(a),
        Command::Run(a) => run(a),
        Command::Bench(a) => bench(a),
    }
}

/// Reads and compiles a file, printing diagnostics; `Err` is the status.
fn load(file: &Path, json: bool) -> Result<Program, Status> {
    let name = file.display().to_string();
    let text = match std::fs::read(file) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            eprintln!("ipcsim: cannot read {name}: {e}");
            return Err(Status::Usage);
        }
    };
    sim::lang::compile(&name, &text, &sim::lang::fs_loader).map_err(|e| {
        if json {
            let diags: Vec<_> = e
                .diagnostics
                .iter()
                .map(|d| render::to_json(&e.sources, d))
                .collect();
            println!(
                "{}",
                serde_json::json!({ "version": JSON_VERSION, "ok": false, "diagnostics": diags })
            );
        } else {
            eprint!(
                "{}",
                render::to_text(&e.sources, &e.diagnostics, std::io::stderr().is_terminal())
            );
            let n = e.diagnostics.len();
            eprintln!("ipcsim: {name}: {n} error{}", if n == 1 { "" } else { "s" });
        }
        Status::Usage
    })
}

fn check(a: CheckArgs) -> Status {
    match load(&a.file, a.json) {
        Ok(_) => {
            if a.json {
                println!(
                    "{}",
                    serde_json::json!({ "version": JSON_VERSION, "ok": true, "diagnostics": [] })
                );
            }
            Status::Clean
        }
        Err(s) => s,
    }
}

/// `argv[0]` for a program file: its name without `.c`.
pub fn program_name(file: &Path) -> String {
    file.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "a.out".into())
}

fn run(a: RunArgs) -> Status {
    let prog = match load(&a.file, a.json) {
        Ok(p) => p,
        Err(s) => return s,
    };
    let mut argv = vec![program_name(&a.file)];
    argv.extend(a.args.iter().cloned());
    let stdout = match a.stdout {
        StdoutArg::Tty => StdoutMode::Tty,
        StdoutArg::Pipe => StdoutMode::Pipe,
    };
    let opts = ProcessOptions { stdout, argv };
    let report = Machine::new(&prog, &opts).run(
        &prog,
        Limits {
            fuel: a.fuel,
            max_steps: a.max_steps,
        },
    );
    let diags = sim::report::diagnostics(&prog, &report);
    let failed = sim::report::failed(&report);
    if a.json {
        let j = serde_json::json!({
            "version": JSON_VERSION,
            "command": "run",
            "failed": failed,
            "outcome": report.outcome,
            "steps": report.steps,
            "diagnostics": diags.iter().map(|d| render::to_json(&prog.sources, d)).collect::<Vec<_>>(),
        });
        println!("{j}");
    } else {
        let (mut out, mut err) = (std::io::stdout().lock(), std::io::stderr().lock());
        for w in &report.outcome.writes {
            let _ = if w.fd == 1 {
                out.write_all(&w.bytes).and_then(|_| out.flush())
            } else {
                err.write_all(&w.bytes)
            };
        }
        drop((out, err));
        eprint!(
            "{}",
            render::to_text(&prog.sources, &diags, std::io::stderr().is_terminal())
        );
        for (pid, s) in &report.outcome.exits {
            eprintln!("ipcsim: process {pid}: {s}");
        }
    }
    if failed {
        Status::Failure
    } else {
        Status::Clean
    }
}

/// Times whole runs; the figures go in the README and issue notes.
fn bench(a: BenchArgs) -> Status {
    let prog = match load(&a.file, false) {
        Ok(p) => p,
        Err(s) => return s,
    };
    let opts = ProcessOptions {
        stdout: StdoutMode::Pipe,
        argv: vec![program_name(&a.file)],
    };
    let (mut steps, mut instructions) = (0u64, 0u64);
    let start = std::time::Instant::now();
    for _ in 0..a.runs {
        let r = Machine::new(&prog, &opts).run(&prog, Limits::default());
        steps += r.steps;
        instructions += r.instructions;
    }
    let secs = start.elapsed().as_secs_f64().max(1e-9);
    let runs = a.runs as f64;
    println!("program       {}", a.file.display());
    println!(
        "runs          {} in {:.3} s ({:.1} runs/s)",
        a.runs,
        secs,
        runs / secs
    );
    println!(
        "visible steps {} ({:.0} steps/s)",
        steps,
        steps as f64 / secs
    );
    println!(
        "instructions  {} ({:.1} M IR instructions/s)",
        instructions,
        instructions as f64 / secs / 1e6
    );
    Status::Clean
}
