//! One documented options type for a run or a search (like loom's
//! `Builder`): the CLI fills it from its flags, a Rust test builds it
//! directly, and the real backend takes its behaviour options from it.
//! (The strategy is named here as data; `explore::scheduler` makes it.)

use crate::interp::{ProcessOptions, StdoutMode};
use crate::kernel::{Config, Limits, TimeMode};

/// PCT's change points are spread over this many first choices.
pub const PCT_HORIZON: u64 = 100;

/// Which scheduler decides the interleavings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StrategyKind {
    /// Uniform choice at every step (execution k uses seed + k).
    Random,
    /// Probabilistic concurrency testing with this depth.
    Pct {
        /// Priority change points plus one.
        depth: u32,
    },
    /// Round-robin with a quantum of visible operations.
    RoundRobin {
        /// Steps a process keeps the CPU.
        quantum: u32,
    },
    /// Depth-first over every interleaving, with state matching
    /// (`explore::exhaustive`).
    Exhaustive,
}

/// What to do about data races (`check::races`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RaceMode {
    /// Do not look for them.
    #[default]
    Off,
    /// Report them as warnings.
    Warn,
    /// Report them, and count a run with one as failed.
    Fail,
    /// As `Fail`, and exhaustive search explores every path, without
    /// state matching (which may prune the path that shows a race).
    Complete,
}

impl RaceMode {
    /// A race counts as a failure.
    pub fn fails(self) -> bool {
        matches!(self, RaceMode::Fail | RaceMode::Complete)
    }
}

/// Every option of a run or a search.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// The scheduler.
    pub strategy: StrategyKind,
    /// Seed of the first execution.
    pub seed: u64,
    /// Executions a search makes at most.
    pub runs: u64,
    /// Loop iterations and calls a process may run between two visible
    /// operations (then it is parked as an endless loop).
    pub fuel: u64,
    /// Visible operations in one run.
    pub max_steps: u64,
    /// IR instructions in one run (`None`: no limit; counted in runs, not
    /// in exhaustive search, whose budgets are its own).
    pub max_instructions: Option<u64>,
    /// Sleep semantics: strict virtual time, or sleep as a lower bound.
    pub time: TimeMode,
    /// Buffering of the program's stdout (glibc: line on a tty, full on a pipe).
    pub stdout: StdoutMode,
    /// `argv`, the program's name first.
    pub argv: Vec<String>,
    /// The first process's environment, `NAME=VALUE` strings in order
    /// ([`crate::abi::DEFAULT_ENV`] unless changed by [`Options::set_env`]).
    pub env: Vec<String>,
    /// The `--env` arguments that changed it (for the replay command).
    pub env_from: Vec<String>,
    /// The bytes of standard input (`--stdin PATH`; empty by default, as
    /// `/dev/null`).
    pub stdin: Vec<u8>,
    /// The file standard input came from (for the replay command).
    pub stdin_from: Option<std::path::PathBuf>,
    /// The `--exec NAME=FILE.c` the program was compiled with (for the
    /// replay command; the files are part of the program).
    pub exec_from: Vec<String>,
    /// Files the run's file system starts with: (path, bytes).
    pub files: Vec<(String, Vec<u8>)>,
    /// The `--file NAME=HOSTPATH` they came from (for the replay command).
    pub files_from: Vec<String>,
    /// Print the files a run left (`--show-files`).
    pub show_files: bool,
    /// Exhaustive search: distinct states it may store.
    pub max_states: u64,
    /// Exhaustive search: wall-clock time it may take (a budget: a search
    /// it ends is incomplete, never "verified").
    pub time_limit: Option<std::time::Duration>,
    /// Exhaustive search: store whole states instead of fingerprints.
    pub exact: bool,
    /// Exhaustive search: at most this many preemptions per schedule.
    pub preemptions: Option<u32>,
    /// Exhaustive search: go on past the first failure and report each
    /// distinct one.
    pub keep_going: bool,
    /// Exhaustive search: sleep-set reduction (on by default; off to
    /// check the reduction).
    pub reduce: bool,
    /// Exhaustive search: state matching (on by default; off to check
    /// the matching).
    pub matching: bool,
    /// Shrink a failing schedule before it is shown (every strategy).
    pub shrink: bool,
    /// Threads a random or PCT search runs on (the result does not
    /// depend on it).
    pub jobs: usize,
    /// Exhaustive search: most live processes summed over the states
    /// explored (`None`: no such budget). A count, so a search ends at
    /// the same place on every machine.
    pub max_work: Option<u64>,
    /// Data races: off (the library's default), warnings (the command
    /// line's), or failures.
    pub races: RaceMode,
    /// Specification mode: each run's history of marked operations must
    /// be linearizable against this (`None`: not judged).
    pub spec: Option<crate::check::linearizable::Spec>,
    /// Faults the scheduler may inject (`--crash`, `--net-faults`).
    pub faults: crate::kernel::Faults,
    /// The memory model of shared memory (`--memory`, `--store-buffer`).
    pub memory: crate::kernel::Memory,
}

impl Default for Options {
    fn default() -> Self {
        let limits = Limits::default();
        Options {
            strategy: StrategyKind::Random,
            seed: 0,
            runs: 1000,
            fuel: limits.fuel,
            max_steps: limits.max_steps,
            max_instructions: None,
            time: TimeMode::LowerBound,
            stdout: StdoutMode::Pipe,
            argv: vec!["a.out".into()],
            env: crate::abi::DEFAULT_ENV.iter().map(|s| s.to_string()).collect(),
            env_from: Vec::new(),
            stdin: Vec::new(),
            stdin_from: None,
            exec_from: Vec::new(),
            files: Vec::new(),
            files_from: Vec::new(),
            show_files: false,
            max_states: 10_000_000,
            time_limit: None,
            exact: false,
            preemptions: None,
            keep_going: false,
            reduce: true,
            matching: true,
            shrink: true,
            jobs: 1,
            max_work: None,
            races: RaceMode::Off,
            spec: None,
            faults: Default::default(),
            memory: Default::default(),
        }
    }
}

impl Options {
    /// The defaults for the program called `name` (its `argv[0]`).
    pub fn for_program(name: &str) -> Options {
        Options { argv: vec![name.into()], ..Options::default() }
    }

    /// Changes the environment as `--env ARG` does: `NAME=VALUE` sets
    /// `NAME` (in place if it is there, else at the end), a bare `NAME`
    /// removes it. A name that is empty or holds `=` is refused.
    pub fn set_env(&mut self, arg: &str) -> Result<(), String> {
        let name = arg.split_once('=').map_or(arg, |(n, _)| n);
        if name.is_empty() || arg.contains('\0') {
            return Err(format!("--env {arg}: expected NAME=VALUE (to set) or NAME (to remove)"));
        }
        let at = self.env.iter().position(|e| e.split_once('=').map_or(e.as_str(), |(n, _)| n) == name);
        match (arg.contains('='), at) {
            (true, Some(k)) => self.env[k] = arg.to_string(),
            (true, None) => self.env.push(arg.to_string()),
            (false, Some(k)) => {
                self.env.remove(k);
            }
            (false, None) => {}
        }
        self.env_from.push(arg.to_string());
        Ok(())
    }

    /// The same options with another number of runs.
    pub fn runs(mut self, runs: u64) -> Options {
        self.runs = runs;
        self
    }

    /// The same options with another time mode.
    pub fn time(mut self, time: TimeMode) -> Options {
        self.time = time;
        self
    }

    /// What the kernel needs of them (all of it bound into tokens).
    pub fn config(&self) -> Config {
        Config {
            limits: Limits { fuel: self.fuel, max_steps: self.max_steps, max_instructions: self.max_instructions },
            time: self.time,
            process: ProcessOptions { stdout: self.stdout, argv: self.argv.clone(), env: self.env.clone() },
            stdin: self.stdin.clone(),
            files: self.files.clone(),
            faults: self.faults.clone(),
            memory: self.memory,
        }
    }
}
