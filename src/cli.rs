//! Command-line arguments (clap derive).

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Find, explain and replay race conditions in inter-process C programs.
#[derive(Parser, Debug)]
#[command(name = "ipcsim", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Compile only: print every diagnostic.
    Check(CheckArgs),
    /// Run the program once under the simulator.
    Run(RunArgs),
    /// Run many schedules (seeds S, S+1, ...) looking for a failure.
    Explore(ExploreArgs),
    /// Reproduce a run from the token a report printed.
    Replay(ReplayArgs),
    /// Be the scheduler: choose who runs at each step, undo, jump, save
    /// the schedule as a token (a plain line-by-line session).
    Step(StepArgs),
    /// Join the --json reports of `explore --shard I/N` into one verdict.
    Merge(MergeArgs),
    /// Grade submissions against a reference by what they can do, not by
    /// the text of one run.
    Grade(GradeArgs),
    /// Measure the simulator: runs, steps and IR instructions per second.
    Bench(BenchArgs),
    /// Run the program on the real kernel and list the outcomes observed.
    Real(RealArgs),
    /// Check that every outcome the real kernel shows is one the simulator
    /// can produce.
    Crosscheck(CrosscheckArgs),
    /// (internal) One real run in a fresh process.
    #[command(name = "__worker", hide = true)]
    Worker(WorkerArgs),
}

/// `--timeline` and what it shows (run, replay, explore).
#[derive(Args, Debug)]
pub struct TimelineArgs {
    /// Draw the run (explore: the failing one) as a timeline into this
    /// file: `.html` (a page), `.svg`, or `.json` (Chrome trace events,
    /// for ui.perfetto.dev).
    #[arg(long, value_name = "FILE")]
    pub timeline: Option<PathBuf>,
    /// A shared location the timeline's strip shows, by the C expression
    /// that accessed it (`s->in`) or its place (`shm#0+16`); repeatable
    /// (default: the raced ones, else the first six stored to).
    #[arg(long, value_name = "EXPR")]
    pub watch: Vec<String>,
}

/// Options of `step`.
#[derive(Args, Debug)]
pub struct StepArgs {
    /// The C file.
    pub file: PathBuf,
    /// A token to follow with `n` (next) where you do not choose.
    pub token: Option<String>,
    /// Say when this is reached, then stop: failure, deadlock,
    /// lost-update, or output:TEXT.
    #[arg(long)]
    pub goal: Option<crate::commands::step::Goal>,
    /// Append line by line even on a terminal (for screen readers and
    /// logs); without it a terminal's screen is redrawn at each choice.
    #[arg(long)]
    pub plain: bool,
    /// Behaviour options (those of the token, if one is given).
    #[command(flatten)]
    pub sim: SimArgs,
}

/// Options of `real`.
#[derive(Args, Debug)]
pub struct RealArgs {
    /// The C file.
    pub file: PathBuf,
    /// How many runs.
    #[arg(long, default_value_t = 100)]
    pub runs: u64,
    /// Inject seeded random yields and short sleeps at visible operations.
    #[arg(long)]
    pub chaos: bool,
    /// Seed of the chaos (run k uses seed + k).
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Wall-clock limit of one run, in milliseconds (then it is a hang).
    #[arg(long, default_value_t = 5000)]
    pub timeout_ms: u64,
    /// Runs at a time (default: every core). More runs side by side also
    /// means more contention: the outcomes seen may differ.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=256))]
    pub jobs: Option<u32>,
    /// Print a versioned JSON report on stdout.
    #[arg(long)]
    pub json: bool,
    /// Behaviour options.
    #[command(flatten)]
    pub sim: SimArgs,
}

/// Options of `crosscheck`.
#[derive(Args, Debug)]
pub struct CrosscheckArgs {
    /// The C file.
    pub file: PathBuf,
    /// Real runs, with chaos.
    #[arg(long, default_value_t = 1000)]
    pub runs: u64,
    /// Real runs without chaos, at the hardware's own pace. Chaos's
    /// yields and sleeps let store buffers drain, so a reordering the
    /// hardware makes (a store overtaken by a later load) shows far more
    /// often without it.
    #[arg(long)]
    pub no_chaos: bool,
    /// Seed of the chaos.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Simulated runs (seeds) to look for each real outcome.
    #[arg(long, default_value_t = 20000)]
    pub sim_runs: u64,
    /// Wall-clock limit of one real run, in milliseconds.
    #[arg(long, default_value_t = 5000)]
    pub timeout_ms: u64,
    /// Runs at a time (default: every core). More runs side by side also
    /// means more contention: the outcomes seen may differ.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=256))]
    pub jobs: Option<u32>,
    /// Print a versioned JSON report on stdout.
    #[arg(long)]
    pub json: bool,
    /// Behaviour options.
    #[command(flatten)]
    pub sim: SimArgs,
}

/// Options of the internal worker.
#[derive(Args, Debug)]
pub struct WorkerArgs {
    /// The C file.
    pub file: PathBuf,
    /// Chaos on (each run's seed comes on stdin).
    #[arg(long)]
    pub chaos: bool,
    /// Timeout.
    #[arg(long, default_value_t = 5000)]
    pub timeout_ms: u64,
    /// Processes that may exist at once.
    #[arg(long, default_value_t = sim::abi::limits::MAX_PROCS)]
    pub max_procs: usize,
    /// stdout buffering.
    #[arg(long, value_enum, default_value = "pipe")]
    pub stdout: StdoutArg,
    /// The file the program's standard input comes from.
    #[arg(long)]
    pub stdin: Option<PathBuf>,
    /// C files `exec` runs, as NAME=FILE.c.
    #[arg(long = "exec")]
    pub exec: Vec<String>,
    /// Files the run starts with, as NAME=HOSTPATH.
    #[arg(long = "file")]
    pub seed_files: Vec<String>,
    /// The whole environment, one NAME=VALUE each.
    #[arg(long = "environ")]
    pub environ: Vec<String>,
    /// Program arguments.
    #[arg(last = true)]
    pub args: Vec<String>,
}

/// Options of `check`.
#[derive(Args, Debug)]
pub struct CheckArgs {
    /// The C file.
    pub file: PathBuf,
    /// A C file `exec` runs under NAME; repeatable.
    #[arg(long = "exec", value_name = "NAME=FILE.c")]
    pub exec: Vec<String>,
    /// Print a versioned JSON report on stdout.
    #[arg(long)]
    pub json: bool,
}

/// How stdout is buffered (as if it were a terminal or a pipe).
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum StdoutArg {
    /// Line buffered, as on a terminal.
    Tty,
    /// Fully buffered, as on a pipe or file (the default).
    Pipe,
}

/// How `sleep` behaves.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeArg {
    /// Sleepers wake exactly on time (the default of `run` and `replay`).
    Strict,
    /// A sleep is a lower bound: races "fixed" by sleeping are still found
    /// (the default of `explore`).
    LowerBound,
}

/// How `--trace` prints.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum TraceFormat {
    /// The canonical text form, one event a line.
    Text,
    /// JSON lines, one object per event.
    Jsonl,
    /// One column per process, one visible operation a row, fitting the
    /// terminal's width (`COLUMNS`).
    Columns,
}

/// What to do about data races.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RacesArg {
    /// Do not look for them.
    Off,
    /// Report them as warnings.
    Warn,
    /// Report them, and count a run with one as failed.
    Fail,
    /// As fail, and exhaustive search explores every path without state
    /// matching, so that none is missed.
    Complete,
}

/// Which scheduler.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum StrategyArg {
    /// Uniform random choice at every visible operation.
    Random,
    /// Round-robin with a quantum of visible operations.
    Rr,
    /// Probabilistic concurrency testing: random priorities, depth-1 change points.
    Pct,
    /// Every interleaving, depth-first, with state matching (explore);
    /// its first schedule (run).
    Exhaustive,
}

/// Which scheduler decides the interleaving, and its parameters.
#[derive(Args, Debug, Clone)]
pub struct SchedArgs {
    /// Seed of the random and PCT strategies.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// The scheduler.
    #[arg(long, value_enum, default_value = "random")]
    pub strategy: StrategyArg,
    /// Quantum of the round-robin scheduler, in visible operations.
    #[arg(long, default_value_t = 1)]
    pub quantum: u32,
    /// Depth of the PCT scheduler (priority change points plus one).
    #[arg(long, default_value_t = 3)]
    pub depth: u32,
}

/// Options of `grade`.
#[derive(Args, Debug)]
pub struct GradeArgs {
    /// The reference solution.
    #[arg(long)]
    pub reference: PathBuf,
    /// Submissions: C files, or directories of them.
    #[arg(required = true)]
    pub submissions: Vec<PathBuf>,
    /// What of an outcome counts (default: the rubric's, else
    /// per-process).
    #[arg(long, value_enum)]
    pub compare: Option<ipcsim::grade::compare::Compare>,
    /// Only the output this regular expression matches counts (each
    /// match, or its capture groups, as a line); overrides the rubric's.
    #[arg(long, value_name = "REGEX")]
    pub extract: Option<String>,
    /// Normalisers of each compared output, comma-separated; override
    /// the rubric's.
    #[arg(long, value_enum, value_delimiter = ',')]
    pub normalise: Vec<ipcsim::grade::compare::Normalise>,
    /// A rubric (TOML: [[check]] tables with id, test, points, message,
    /// depends); default: the built-in one.
    #[arg(long)]
    pub rubric: Option<std::path::PathBuf>,
    /// States of each program's exhaustive search; past them, random and
    /// PCT search with fixed seeds.
    #[arg(long, default_value_t = 200_000)]
    pub states: u64,
    /// Runs of each of random and PCT search when exhaustive search does
    /// not complete.
    #[arg(long, default_value_t = 2_000)]
    pub runs: u64,
    /// Submissions graded at a time (default: every core).
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=1024))]
    pub jobs: Option<u32>,
    /// Print a versioned JSON report on stdout.
    #[arg(long)]
    pub json: bool,
    /// Write the summary as CSV to this file.
    #[arg(long)]
    pub csv: Option<PathBuf>,
    /// Write Gradescope's results.json here (a directory of them for more
    /// than one submission).
    #[arg(long)]
    pub gradescope: Option<PathBuf>,
    /// Write a self-contained HTML page per submission into this directory.
    #[arg(long)]
    pub html: Option<PathBuf>,
    /// Also run each submission N times on the real kernel (with chaos)
    /// and check that the simulator produces what it shows (the
    /// `explained` check).
    #[arg(long, default_value_t = 0)]
    pub real: u64,
    /// Behaviour options.
    #[command(flatten)]
    pub sim: SimArgs,
}

/// Options that change how a program behaves (bound into tokens).
#[derive(Args, Debug, Clone)]
pub struct SimArgs {
    /// Buffering of the program's stdout.
    #[arg(long, value_enum, default_value = "pipe")]
    pub stdout: StdoutArg,
    /// Loop iterations a process may run without a visible operation.
    #[arg(long, default_value_t = 1 << 25)]
    pub fuel: u64,
    /// Visible operations in one run.
    #[arg(long, default_value_t = 1_000_000)]
    pub max_steps: u64,
    /// IR instructions in one run (default: no limit); a run past it ends
    /// as past its step budget.
    #[arg(long)]
    pub max_instructions: Option<u64>,
    /// Sleep semantics (default: strict for run/replay, lower-bound for explore).
    #[arg(long, value_enum)]
    pub time: Option<TimeArg>,
    /// The program's standard input (default: empty, as /dev/null).
    #[arg(long)]
    pub stdin: Option<PathBuf>,
    /// A C file `exec` runs under NAME (`execlp("NAME", ...)`); repeatable.
    #[arg(long = "exec", value_name = "NAME=FILE.c")]
    pub exec: Vec<String>,
    /// A file of the run's file system (NAME, relative to the working
    /// directory or absolute) with the bytes of HOSTPATH; repeatable.
    #[arg(long = "file", value_name = "NAME=HOSTPATH")]
    pub seed_files: Vec<String>,
    /// Print the files the run left (and their bytes) after it.
    #[arg(long)]
    pub show_files: bool,
    /// Set NAME to VALUE in the program's environment (NAME=VALUE), or
    /// remove NAME (a bare NAME); repeatable. The environment starts as
    /// PATH=/usr/local/bin:/usr/bin:/bin HOME=/tmp USER=ipcsim
    /// LOGNAME=ipcsim SHELL=/bin/sh, whatever ipcsim's own is.
    #[arg(long = "env", value_name = "NAME=VALUE|NAME")]
    pub env: Vec<String>,
    /// Data races: report them as warnings, as failures, or not at all.
    #[arg(long, value_enum, default_value = "warn")]
    pub races: RacesArg,
    /// Specification mode: judge each run's history of operations (marked
    /// with `ipcsim_op_begin`/`ipcsim_op_end` of ipcsim.h) for
    /// linearizability against a FIFO: `fifo` or `fifo:N` (capacity N).
    /// A history that is not linearizable is a failure.
    #[arg(long, value_name = "SPEC")]
    pub spec: Option<sim::check::linearizable::Spec>,
    /// Let the scheduler crash (SIGKILL) process PID, or any process, at
    /// any of its operations, as a choice of the search (recorded in the
    /// token, replayed, shrunk). Off by default.
    #[arg(long, value_name = "PID|any", value_parser = parse_crash)]
    pub crash: Option<sim::kernel::CrashTarget>,
    /// Most crashes injected in one run (with --crash).
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub crash_max: u32,
    /// Network faults the scheduler may inject, comma-separated: loss,
    /// dup, reorder (or delay) of UDP datagrams, reset of TCP
    /// connections. Off by default.
    #[arg(long, value_name = "LIST", value_parser = parse_net_faults)]
    pub net_faults: Option<NetFaults>,
    /// The memory model of shared memory (default: the host's, tso on
    /// x86-64): sc (sequential consistency),
    /// tso (x86-TSO: a store may wait in its process's store buffer while
    /// later loads go ahead; flushing it is a choice of the search) or arm
    /// (a weakly ordered machine, C11-relaxed-like: a load may read an
    /// older store than the newest, unless a fence, an acquire or a system
    /// call made the newer one visible to it).
    #[arg(long, value_name = "sc|tso|arm", value_parser = parse_memory, default_value = sim::kernel::MemoryModel::host().arg())]
    pub memory: sim::kernel::MemoryModel,
    /// Most stores one store buffer holds (with --memory tso), or older
    /// stores a location keeps for loads to read (with --memory arm): a
    /// bound of the search, reported with its verdicts.
    #[arg(long, value_name = "N", default_value_t = sim::kernel::store_buffer::DEFAULT_BOUND, value_parser = clap::value_parser!(u32).range(1..=64))]
    pub store_buffer: u32,
    /// Arguments for the program (after `--`).
    #[arg(last = true)]
    pub args: Vec<String>,
}

/// Options of `run`.
#[derive(Args, Debug)]
pub struct RunArgs {
    /// The C file.
    pub file: PathBuf,
    /// The scheduler.
    #[command(flatten)]
    pub sched: SchedArgs,
    /// Print the trace (one visible operation a line) on stderr.
    #[arg(long)]
    pub trace: bool,
    /// Format of the trace.
    #[arg(long, value_enum, default_value = "text")]
    pub trace_format: TraceFormat,
    /// The timeline to draw.
    #[command(flatten)]
    pub draw: TimelineArgs,
    /// Print a versioned JSON report on stdout instead of the program's output.
    #[arg(long)]
    pub json: bool,
    /// Behaviour options.
    #[command(flatten)]
    pub sim: SimArgs,
}

/// Options of `explore`.
#[derive(Args, Debug)]
pub struct ExploreArgs {
    /// The C file.
    pub file: PathBuf,
    /// How many runs (seeds).
    #[arg(long, default_value_t = 1000)]
    pub runs: u64,
    /// The scheduler (`--seed` is the first of the seeds).
    #[command(flatten)]
    pub sched: SchedArgs,
    /// List every distinct outcome with its count and a token (runs all seeds).
    #[arg(long)]
    pub outcomes: bool,
    /// Run only shard I of N of the seeds, or of exhaustive search's
    /// subtrees (for a batch system: Slurm job arrays, GNU parallel);
    /// `ipcsim merge` joins the shards' --json reports.
    #[arg(long, value_name = "I/N", value_parser = parse_shard)]
    pub shard: Option<(u64, u64)>,
    /// Threads (random and PCT: default every core, and the report does
    /// not depend on it; exhaustive: default 1, more splits the tree).
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=1024))]
    pub jobs: Option<u32>,
    /// Exhaustive search's budgets and bounds.
    #[command(flatten)]
    pub exhaustive: ExhaustiveArgs,
    /// Format of the failing run's trace.
    #[arg(long, value_enum, default_value = "text")]
    pub trace_format: TraceFormat,
    /// The timeline to draw.
    #[command(flatten)]
    pub draw: TimelineArgs,
    /// Print a versioned JSON report on stdout.
    #[arg(long)]
    pub json: bool,
    /// Behaviour options.
    #[command(flatten)]
    pub sim: SimArgs,
}

/// Options of `explore --strategy exhaustive`.
#[derive(Args, Debug, Clone)]
pub struct ExhaustiveArgs {
    /// Distinct states to store at most (then the search is incomplete).
    #[arg(long, default_value_t = 10_000_000)]
    pub max_states: u64,
    /// Time the search may take: 90, 90s, 5m, 1h (then it is incomplete).
    #[arg(long, value_parser = parse_duration)]
    pub time_limit: Option<std::time::Duration>,
    /// Store whole states instead of 128-bit fingerprints (no omissions; more memory).
    #[arg(long)]
    pub exact: bool,
    /// At most K preemptions per schedule (iterative context bounding).
    #[arg(long, value_name = "K")]
    pub preemptions: Option<u32>,
    /// Explore everything and report each distinct failure once, with counts.
    #[arg(long)]
    pub keep_going: bool,
}

/// `I/N` with 1 <= I <= N.
fn parse_shard(s: &str) -> Result<(u64, u64), String> {
    let bad = || format!("`{s}` is not a shard: write I/N with 1 <= I <= N, e.g. 2/8");
    let (i, n) = s.split_once('/').ok_or_else(bad)?;
    let (i, n): (u64, u64) = (i.trim().parse().map_err(|_| bad())?, n.trim().parse().map_err(|_| bad())?);
    if i == 0 || i > n {
        return Err(bad());
    }
    Ok((i, n))
}

/// A duration: seconds, or a number with `s`, `m` or `h`.
fn parse_duration(s: &str) -> Result<std::time::Duration, String> {
    let (num, unit) = match s.char_indices().find(|(_, c)| c.is_ascii_alphabetic()) {
        Some((k, _)) => s.split_at(k),
        None => (s, "s"),
    };
    let n: f64 = num.trim().parse().map_err(|_| format!("`{s}` is not a duration (e.g. 90, 90s, 5m, 1h)"))?;
    let scale = match unit {
        "s" => 1.0,
        "m" => 60.0,
        "h" => 3600.0,
        _ => return Err(format!("`{s}`: the unit must be s, m or h")),
    };
    if !(n.is_finite() && n >= 0.0 && n * scale < 1e9) {
        return Err(format!("`{s}` is not a usable duration"));
    }
    Ok(std::time::Duration::from_secs_f64(n * scale))
}

/// Options of `merge`.
#[derive(Args, Debug)]
pub struct MergeArgs {
    /// The shards' reports (`explore --shard I/N --json > FILE`).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Print a versioned JSON report on stdout.
    #[arg(long)]
    pub json: bool,
}

/// Options of `replay`.
#[derive(Args, Debug)]
pub struct ReplayArgs {
    /// The C file.
    pub file: PathBuf,
    /// The token printed by run or explore.
    pub token: String,
    /// Print the trace on stderr.
    #[arg(long)]
    pub trace: bool,
    /// Format of the trace.
    #[arg(long, value_enum, default_value = "text")]
    pub trace_format: TraceFormat,
    /// The timeline to draw.
    #[command(flatten)]
    pub draw: TimelineArgs,
    /// Print a versioned JSON report on stdout.
    #[arg(long)]
    pub json: bool,
    /// Behaviour options (must be those the token was made with).
    #[command(flatten)]
    pub sim: SimArgs,
}

/// Options of `bench`.
#[derive(Args, Debug)]
pub struct BenchArgs {
    /// The C file.
    pub file: PathBuf,
    /// How many runs (random strategy, seeds 0..runs).
    #[arg(long, default_value_t = 5)]
    pub runs: u64,
    /// Behaviour options.
    #[command(flatten)]
    pub sim: SimArgs,
}

/// The faults of `--net-faults`.
#[derive(Debug, Clone)]
pub struct NetFaults(pub Vec<sim::kernel::Fault>);

fn parse_net_faults(s: &str) -> Result<NetFaults, String> {
    sim::kernel::Faults::parse_net(s).map(NetFaults).map_err(|e| e.to_string())
}

fn parse_memory(s: &str) -> Result<sim::kernel::MemoryModel, String> {
    match s {
        "sc" => Ok(sim::kernel::MemoryModel::Sc),
        "tso" | "x86" => Ok(sim::kernel::MemoryModel::Tso),
        "arm" | "weak" => Ok(sim::kernel::MemoryModel::Arm),
        other => Err(format!("unknown memory model '{other}' (expected sc, tso or arm)")),
    }
}

fn parse_crash(s: &str) -> Result<sim::kernel::CrashTarget, String> {
    match s {
        "any" => Ok(sim::kernel::CrashTarget::Any),
        pid => pid.parse().map(sim::kernel::CrashTarget::Pid).map_err(|_| format!("'{pid}' is neither a pid nor 'any'")),
    }
}
