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
    /// Measure the simulator on a program: runs, steps and IR
    /// instructions per second.
    Bench(BenchArgs),
}

/// Options of `bench`.
#[derive(Args, Debug)]
pub struct BenchArgs {
    /// The C file.
    pub file: PathBuf,
    /// How many runs to time.
    #[arg(long, default_value_t = 5)]
    pub runs: u64,
}

/// Options of `check`.
#[derive(Args, Debug)]
pub struct CheckArgs {
    /// The C file.
    pub file: PathBuf,
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

/// Options of `run`.
#[derive(Args, Debug)]
pub struct RunArgs {
    /// The C file.
    pub file: PathBuf,
    /// Buffering of the program's stdout.
    #[arg(long, value_enum, default_value = "pipe")]
    pub stdout: StdoutArg,
    /// Loop iterations a process may run without a visible operation.
    #[arg(long, default_value_t = 1 << 30)]
    pub fuel: u64,
    /// Visible operations in the whole run.
    #[arg(long, default_value_t = 10_000_000)]
    pub max_steps: u64,
    /// Print a versioned JSON report on stdout instead of the program's output.
    #[arg(long)]
    pub json: bool,
    /// Arguments for the program (after `--`).
    #[arg(last = true)]
    pub args: Vec<String>,
}
