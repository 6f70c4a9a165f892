//! The commands: load and compile the file, then do the work in `sim`.

mod bench;
mod exhaustive;
mod explore;
mod grade;
mod merge;
mod real;
mod run;
pub mod step;
mod timeline;

use crate::cli::{CheckArgs, Cli, Command, SchedArgs, SimArgs, StdoutArg, StrategyArg, TimeArg};
use crate::Status;
use sim::diag::render;
use sim::explore::{Options, StrategyKind};
use sim::interp::StdoutMode;
use sim::ir::Program;
use sim::kernel::{Limits, TimeMode};
use std::io::{IsTerminal, Read};
use std::path::Path;

/// A progress bar for `n` runs on stderr, only on a terminal (and never
/// with `--json`), so captured output stays exactly the report.
pub fn progress(n: u64, json: bool, what: &str) -> Option<indicatif::ProgressBar> {
    if json || n < 50 || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(n);
    let style = indicatif::ProgressStyle::with_template(&format!("{{bar:40}} {{pos}}/{{len}} {what} ({{per_sec}}, {{eta}} left)")).ok()?;
    bar.set_style(style);
    Some(bar)
}

/// Version of every `--json` report.
pub const JSON_VERSION: u32 = 1;

/// Runs a parsed command line.
pub fn dispatch(cli: Cli) -> Status {
    match cli.command {
        Command::Check(a) => check(a),
        Command::Run(a) => run::run(a),
        Command::Explore(a) => explore::explore(a),
        Command::Replay(a) => run::replay(a),
        Command::Step(a) => step::step(a),
        Command::Merge(a) => merge::merge(a),
        Command::Grade(a) => grade::grade(a),
        Command::Bench(a) => bench::bench(a),
        Command::Real(a) => real::real(a),
        Command::Crosscheck(a) => real::crosscheck(a),
        Command::Worker(a) => real::worker(a),
    }
}

/// A source file's bytes, at most one past the front-end's input limit
/// (the file may be `/dev/zero`: the front-end then refuses it).
pub fn read_source(file: &Path) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::fs::File::open(file)?.take(sim::lang::limits::MAX_INPUT_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Reads and compiles a file, printing diagnostics; `Err` is the status.
/// Reads at most one byte past the front-end's input limit (the file may
/// be `/dev/zero`): the front-end then refuses it with a diagnostic.
pub fn load(file: &Path, json: bool, execs: &[String]) -> Result<Program, Status> {
    let name = file.display().to_string();
    let text = match read_source(file) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            eprintln!("ipcsim: cannot read {name}: {e}");
            return Err(Status::Usage);
        }
    };
    let mut units = Vec::new();
    for spec in execs {
        let named = |n: &str| !n.is_empty() && n.rsplit('/').next().is_some_and(|b| !b.is_empty() && b != "." && b != "..");
        let Some((exec_name, path)) = spec.split_once('=').filter(|(n, p)| named(n) && !p.is_empty()) else {
            eprintln!("ipcsim: --exec {spec}: expected NAME=FILE.c, NAME a program's name");
            return Err(Status::Usage);
        };
        match read_source(Path::new(path)) {
            Ok(b) => units.push(sim::lang::ExecUnit {
                name: exec_name.to_string(),
                path: path.to_string(),
                text: String::from_utf8_lossy(&b).into_owned(),
                utility: false,
            }),
            Err(e) => {
                eprintln!("ipcsim: --exec {spec}: cannot read {path}: {e}");
                return Err(Status::Usage);
            }
        }
    }
    let compiled = sim::lang::compile_warned(&name, &text, &sim::lang::fs_loader, &units);
    if let (Ok((prog, warnings)), false) = (&compiled, json) {
        eprint!("{}", render::to_text(&prog.sources, warnings, std::io::stderr().is_terminal()));
    }
    compiled.map(|(p, _)| p).map_err(|e| {
        if json {
            let diags: Vec<_> = e.diagnostics.iter().map(|d| render::to_json(&e.sources, d)).collect();
            println!("{}", serde_json::json!({ "version": JSON_VERSION, "ok": false, "diagnostics": diags }));
        } else {
            eprint!("{}", render::to_text(&e.sources, &e.diagnostics, std::io::stderr().is_terminal()));
            let n = e.diagnostics.len();
            eprintln!("ipcsim: {name}: {n} error{}", if n == 1 { "" } else { "s" });
        }
        Status::Usage
    })
}

fn check(a: CheckArgs) -> Status {
    match load(&a.file, a.json, &a.exec) {
        Ok(_) => {
            if a.json {
                println!("{}", serde_json::json!({ "version": JSON_VERSION, "ok": true, "diagnostics": [] }));
            }
            Status::Clean
        }
        Err(s) => s,
    }
}

/// `argv[0]` for a program file: its name without `.c`, as a shell
/// starts it from the directory it was built in (`./prog`), so that a
/// usage message reads as it does natively.
pub fn program_name(file: &Path) -> String {
    format!("./{}", file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "a.out".into()))
}

/// The library's options from the command line's behaviour and
/// scheduler options (`sched`: `None` for commands without a scheduler).
pub fn options(file: &Path, sim: &SimArgs, sched: Option<&SchedArgs>, default_time: TimeArg) -> Options {
    let mut o = Options::for_program(&program_name(file));
    o.argv.extend(sim.args.iter().cloned());
    o.stdout = match sim.stdout {
        StdoutArg::Tty => StdoutMode::Tty,
        StdoutArg::Pipe => StdoutMode::Pipe,
    };
    o.time = match sim.time.unwrap_or(default_time) {
        TimeArg::Strict => TimeMode::Strict,
        TimeArg::LowerBound => TimeMode::LowerBound,
    };
    o.fuel = sim.fuel;
    o.spec = sim.spec;
    o.faults = sim::kernel::Faults {
        crash: sim.crash,
        crash_max: sim.crash_max,
        net: sim.net_faults.as_ref().map(|n| n.0.clone()).unwrap_or_default(),
    };
    o.memory = sim::kernel::Memory { model: sim.memory, bound: sim.store_buffer };
    o.races = match sim.races {
        crate::cli::RacesArg::Off => sim::options::RaceMode::Off,
        crate::cli::RacesArg::Warn => sim::options::RaceMode::Warn,
        crate::cli::RacesArg::Fail => sim::options::RaceMode::Fail,
        crate::cli::RacesArg::Complete => sim::options::RaceMode::Complete,
    };
    o.max_steps = sim.max_steps;
    o.max_instructions = sim.max_instructions;
    // `/dev/null` is the default: empty input, nothing to replay.
    let devnull = |p: &Path| std::fs::canonicalize(p).is_ok_and(|c| c == Path::new("/dev/null"));
    if let Some(path) = sim.stdin.as_ref().filter(|p| !devnull(p)) {
        match read_stdin(path) {
            Ok(bytes) => o.stdin = bytes,
            Err(e) => {
                eprintln!("ipcsim: cannot use {} as standard input: {e}", path.display());
                std::process::exit(2);
            }
        }
        o.stdin_from = Some(std::fs::canonicalize(path).unwrap_or_else(|_| path.clone()));
    }
    o.exec_from = sim.exec.clone();
    o.show_files = sim.show_files;
    for e in &sim.env {
        if let Err(msg) = o.set_env(e) {
            eprintln!("ipcsim: {msg}");
            std::process::exit(2);
        }
    }
    for spec in &sim.seed_files {
        let Some((name, host)) = spec.split_once('=').filter(|(n, h)| !n.is_empty() && !h.is_empty()) else {
            eprintln!("ipcsim: --file {spec}: expected NAME=HOSTPATH");
            std::process::exit(2);
        };
        let resolved = sim::ipc::sockname::resolve(name.as_bytes());
        let is_dir = |r: &[u8]| {
            ["/", "/tmp", "/var", "/var/tmp", "/dev", "/dev/shm", "/home", sim::ipc::sockname::CWD].iter().any(|d| d.as_bytes() == r)
        };
        if resolved.as_deref().is_ok_and(|r| is_dir(r) || r.starts_with(b"/dev/")) {
            eprintln!("ipcsim: --file {spec}: {name} is a directory or a device, not a file");
            std::process::exit(2);
        }
        if resolved.is_err() {
            eprintln!("ipcsim: --file {spec}: {name}'s directory is not in the run's file system (/tmp, /var/tmp, /dev/shm, the working directory)");
            std::process::exit(2);
        }
        match read_stdin(Path::new(host)) {
            Ok(bytes) => o.files.push((name.to_string(), bytes)),
            Err(e) => {
                eprintln!("ipcsim: --file {spec}: cannot use {host}: {e}");
                std::process::exit(2);
            }
        }
        o.files_from.push(spec.clone());
    }
    if let Some(a) = sched {
        o.seed = a.seed;
        o.strategy = match a.strategy {
            StrategyArg::Random => StrategyKind::Random,
            StrategyArg::Rr => StrategyKind::RoundRobin { quantum: a.quantum },
            StrategyArg::Pct => StrategyKind::Pct { depth: a.depth },
            StrategyArg::Exhaustive => StrategyKind::Exhaustive,
        };
    }
    o
}

/// Most bytes of a `--stdin` file: it is read whole before the run.
const STDIN_MAX: u64 = 256 << 20;

/// The bytes of a `--stdin` file: a regular file (a device or a FIFO
/// could never end) of at most [`STDIN_MAX`] bytes.
fn read_stdin(path: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err("it is not a regular file (a device or a FIFO may never end)".into());
    }
    if meta.len() > STDIN_MAX {
        return Err(format!("it is larger than {} MiB (ipcsim's limit)", STDIN_MAX >> 20));
    }
    std::fs::read(path).map_err(|e| e.to_string())
}

/// The command line that replays `token` with the same behaviour options.
pub fn replay_command(file: &Path, opts: &Options, token: &str) -> String {
    with_options(format!("ipcsim replay {} {token}", file.display()), opts)
}

/// The command line that makes the random strategy's run `seed` again,
/// with the same behaviour options.
pub fn seed_command(file: &Path, opts: &Options, seed: u64) -> String {
    with_options(format!("ipcsim run {} --seed {seed}", file.display()), opts)
}

/// `cmd` with the behaviour options of `opts` that are not the defaults.
fn with_options(mut cmd: String, opts: &Options) -> String {
    let config = &opts.config();
    if config.time == TimeMode::LowerBound {
        cmd.push_str(" --time lower-bound");
    }
    if config.process.stdout == StdoutMode::Tty {
        cmd.push_str(" --stdout tty");
    }
    let d = Limits::default();
    if config.limits.fuel != d.fuel {
        cmd.push_str(&format!(" --fuel {}", config.limits.fuel));
    }
    if config.limits.max_steps != d.max_steps {
        cmd.push_str(&format!(" --max-steps {}", config.limits.max_steps));
    }
    if let Some(n) = config.limits.max_instructions {
        cmd.push_str(&format!(" --max-instructions {n}"));
    }
    if let Some(s) = &opts.spec {
        cmd.push_str(&format!(" --spec {}", s.arg()));
    }
    cmd.push_str(&opts.faults.args());
    cmd.push_str(&opts.memory.args());
    if let Some(p) = &opts.stdin_from {
        cmd.push_str(&format!(" --stdin {}", p.display()));
    }
    for e in &opts.exec_from {
        cmd.push_str(&format!(" --exec {e}"));
    }
    for f in &opts.files_from {
        cmd.push_str(&format!(" --file {f}"));
    }
    for e in &opts.env_from {
        cmd.push_str(&format!(" --env {}", shell_word(e)));
    }
    if config.process.argv.len() > 1 {
        cmd.push_str(" --");
        for a in &config.process.argv[1..] {
            cmd.push(' ');
            cmd.push_str(&shell_word(a));
        }
    }
    cmd
}

/// `s` as one word of a shell command line: as it is if the shell would
/// take it so, else in single quotes.
fn shell_word(s: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "_./=:,@%+-".contains(c);
    if !s.is_empty() && s.chars().all(plain) {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// `--jobs`, or every core.
pub(crate) fn jobs(asked: Option<u32>) -> usize {
    asked.map_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()), |j| j as usize)
}
