//! The real-kernel backend (DESIGN.md: one interpreter, two kernels). The
//! same compiled program runs in real processes with real pipes, shared
//! memory, `fork`, `wait` and `kill`; the interpreter's visible operations
//! become real system calls. ipcsim uses it to check that the simulator
//! tells the truth.
#![deny(missing_docs)]

mod chaos;
mod control;
mod exec;
mod guard;
mod log;
mod message;
mod pace;
pub mod pool;
mod process;
mod serve;
mod shared;
mod signal;
mod socket;
mod spin;
pub mod stop;
mod syscall;
mod sysv;
pub mod worker;

use log::Record;
use serde::{Deserialize, Serialize};
use sim::check::{self, Failure};
use sim::interp::StdoutMode;
use sim::outcome::{ExitStatus, Outcome, Write};
use std::path::Path;

pub use pool::run_once;
pub use serve::serve;

/// How a real run is made.
#[derive(Debug, Clone)]
pub struct RealConfig {
    /// stdout buffering (the interpreter's stdio).
    pub stdout: StdoutMode,
    /// argv.
    pub argv: Vec<String>,
    /// Chaos on (seeded per run).
    pub chaos: bool,
    /// Wall-clock limit of a run, after which its process group is killed.
    pub timeout_ms: u64,
    /// Most processes of the run that may exist at once (running, or
    /// ended and not yet reaped); `fork` fails with `EAGAIN` past it.
    pub max_procs: usize,
    /// The file standard input comes from (`None`: `/dev/null`).
    pub stdin: Option<std::path::PathBuf>,
    /// The `--exec NAME=FILE.c` the program was compiled with (passed on
    /// to each worker, which compiles the program again).
    pub execs: Vec<String>,
    /// Files the run's directory starts with (`--file NAME=HOSTPATH`).
    pub files: Vec<String>,
    /// The first process's environment, `NAME=VALUE` strings.
    pub env: Vec<String>,
}

impl RealConfig {
    /// The real backend's configuration: the behaviour options of the
    /// library's one options type, plus what only a real run has.
    pub fn new(opts: &sim::options::Options, chaos: bool, timeout_ms: u64) -> RealConfig {
        RealConfig {
            stdout: opts.stdout,
            argv: opts.argv.clone(),
            chaos,
            timeout_ms,
            max_procs: sim::abi::limits::MAX_PROCS,
            stdin: opts.stdin_from.clone(),
            execs: opts.exec_from.clone(),
            files: opts.files_from.clone(),
            env: opts.env.clone(),
        }
    }
}

/// What the worker reports.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct WorkerReport {
    /// Log records in the order they arrived.
    #[serde(skip)]
    pub(crate) records: Vec<Record>,
    /// Writes: (pid, fd, bytes), in order (the bytes in hex: as a JSON
    /// array of numbers, 16 MiB of output cost 64 MB in the driver).
    #[serde(with = "hex_writes")]
    pub writes: Vec<(i32, i32, Vec<u8>)>,
    /// Exits: (pid, raw wait status).
    pub exits: Vec<(i32, i32)>,
    /// Signals sent with `kill`: (target, signal).
    pub sent: Vec<(i32, i32)>,
    /// Processes that stopped at undefined behaviour.
    #[serde(default)]
    pub undefined: Vec<i32>,
    /// Killed at the timeout, or when every process was blocked.
    pub hung: bool,
    /// Every process was blocked in a system call (a deadlock).
    pub blocked: bool,
    /// Every process was blocked, and some spun on shared locations
    /// nobody could change any more (a livelock).
    #[serde(default)]
    pub livelock: bool,
    /// Ran in its own IPC and mount namespace.
    pub isolated: bool,
    /// Name prefix used instead, if not isolated.
    pub prefix_used: Option<String>,
    /// Set if the run could not be made (an environment error).
    pub error: Option<String>,
    /// The program wrote more than [`sim::abi::limits::MAX_OUTPUT`] bytes
    /// to stdout and stderr: only the first are kept.
    pub truncated: bool,
    /// A stop signal ended the run before the program did.
    pub interrupted: bool,
    /// The regular files left in the run's directory: (path as the
    /// program names it from `/`, bytes).
    #[serde(with = "hex_files", default)]
    pub files: Vec<(Vec<u8>, Vec<u8>)>,
}

impl WorkerReport {
    fn failed(msg: &str) -> WorkerReport {
        WorkerReport { error: Some(msg.into()), ..Default::default() }
    }

    /// Moves the records into the serialisable fields.
    pub fn finish(mut self) -> WorkerReport {
        for r in std::mem::take(&mut self.records) {
            match r {
                Record::Write { pid, fd, bytes } => self.writes.push((pid, fd, bytes)),
                // The rest of a large write joins its start, wherever other
                // processes' records came in between: it was one call.
                Record::More { pid, fd, bytes } => match self.writes.iter_mut().rev().find(|w| w.0 == pid && w.1 == fd) {
                    Some(start) => start.2.extend(bytes),
                    None => self.writes.push((pid, fd, bytes)),
                },
                Record::Exit { pid, status } => self.exits.push((pid, status)),
                Record::Sent { pid, sig } => self.sent.push((pid, sig)),
                Record::Undefined { pid } => self.undefined.push(pid),
                Record::NoNetwork { .. } => {
                    self.error = Some(
                        "the program opened an AF_INET socket, and the kernel refused the run a network namespace of its own \
                         (unshare CLONE_NEWNET): ipcsim does not run it on the host's network"
                            .into(),
                    )
                }
                Record::Queue { .. } | Record::Sysv { .. } | Record::Alarm { .. } => {}
            }
        }
        self.exits.sort();
        self
    }
}

/// The worker report's writes with their bytes as hex strings.
/// Bytes as hex text, and back.
mod hex {
    pub fn encode(b: &[u8]) -> String {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        b.iter().flat_map(|&x| [HEX[(x >> 4) as usize] as char, HEX[(x & 15) as usize] as char]).collect()
    }

    pub fn decode<E: serde::de::Error>(h: &str) -> Result<Vec<u8>, E> {
        let nib = |c: u8| (c as char).to_digit(16).map(|n| n as u8);
        let b: Option<Vec<u8>> = h.as_bytes().chunks(2).map(|c| Some(nib(c[0])? << 4 | nib(*c.get(1)?)?)).collect();
        b.ok_or_else(|| E::custom("bad hex in a worker report"))
    }
}

mod hex_writes {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// (pid, fd, bytes).
    type Writes = Vec<(i32, i32, Vec<u8>)>;

    pub fn serialize<S: Serializer>(w: &[(i32, i32, Vec<u8>)], s: S) -> Result<S::Ok, S::Error> {
        w.iter().map(|(p, f, b)| (*p, *f, super::hex::encode(b))).collect::<Vec<_>>().serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Writes, D::Error> {
        let v: Vec<(i32, i32, String)> = Vec::deserialize(d)?;
        v.into_iter().map(|(p, f, h)| super::hex::decode(&h).map(|b| (p, f, b))).collect()
    }
}

mod hex_files {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// (path, bytes).
    type Files = Vec<(Vec<u8>, Vec<u8>)>;

    pub fn serialize<S: Serializer>(w: &[(Vec<u8>, Vec<u8>)], s: S) -> Result<S::Ok, S::Error> {
        w.iter().map(|(p, b)| (super::hex::encode(p), super::hex::encode(b))).collect::<Vec<_>>().serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Files, D::Error> {
        let v: Vec<(String, String)> = Vec::deserialize(d)?;
        v.into_iter().map(|(p, h)| Ok((super::hex::decode(&p)?, super::hex::decode(&h)?))).collect()
    }
}

/// One real run as ipcsim compares it.
#[derive(Debug, Clone)]
pub struct RealRun {
    /// Writes and exits, pids virtual.
    pub outcome: Outcome,
    /// The run hung (killed at the timeout or when blocked).
    pub hung: bool,
    /// Every process was blocked in a system call: a deadlock.
    pub blocked: bool,
    /// Every process was blocked or spinning on shared locations nobody
    /// could change any more: a livelock.
    pub livelock: bool,
    /// The run had its own namespace.
    pub isolated: bool,
    /// Signals sent with `kill`: (target, signal).
    pub sent: Vec<(i32, i32)>,
}

impl RealRun {
    /// The run's failure by the one definition ([`sim::check::failure`]);
    /// a hung run (killed at the timeout, or with every process blocked)
    /// is stuck.
    pub fn failure(&self) -> Option<Failure> {
        if self.hung {
            // Its SIGKILLed processes were ended by ipcsim, not the program.
            return Some(Failure::Stuck(match (self.blocked, self.livelock) {
                (true, _) => "deadlock",
                (_, true) => "livelock",
                _ => "hung",
            }));
        }
        check::failure(&self.outcome, &self.sent, None)
    }

    /// True if the run failed.
    pub fn failed(&self) -> bool {
        self.failure().is_some()
    }
}

/// Why a real run has no result.
#[derive(Debug, Clone)]
pub enum RunError {
    /// It could not be made: an environment error (exit 4).
    Env(String),
    /// A stop signal (Ctrl-C, SIGTERM, SIGHUP) ended it; its processes
    /// are gone and its names removed.
    Stopped,
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            RunError::Env(e) => write!(f, "{e}"),
            RunError::Stopped => write!(f, "stopped by a signal"),
        }
    }
}

fn status(raw: i32) -> ExitStatus {
    if raw & 0x7f == 0 {
        ExitStatus::Code((raw >> 8) & 0xff)
    } else {
        ExitStatus::Signal(raw & 0x7f)
    }
}

/// The run's outcome from the worker's report.
pub(crate) fn real_run(rep: WorkerReport) -> RealRun {
    let writes = rep.writes.into_iter().map(|(pid, fd, bytes)| Write { pid, fd, bytes }).collect();
    let ub = &rep.undefined;
    let exits =
        rep.exits.into_iter().map(|(pid, st)| (pid, if ub.contains(&pid) { ExitStatus::UndefinedBehaviour } else { status(st) })).collect();
    let mut outcome = Outcome::new(writes, exits);
    outcome.truncated = rep.truncated;
    outcome.set_files(rep.files);
    RealRun { outcome, hung: rep.hung, blocked: rep.blocked, livelock: rep.livelock, isolated: rep.isolated, sent: rep.sent }
}

/// Removes `/dev/shm` entries of a name prefix (a run without
/// namespace): shm objects, and named semaphores (`sem.` + the name).
pub fn cleanup_prefix(prefix: &str) {
    if let Ok(dir) = std::fs::read_dir("/dev/shm") {
        for e in dir.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.strip_prefix("sem.").unwrap_or(&name).starts_with(prefix) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

/// The run directory of worker `pid`: where its socket paths live.
pub fn rundir(pid: i32) -> String {
    format!("/tmp/ipcsim.{pid}")
}

/// The directories of a run directory, laid out as the simulator's file
/// system (`sim::ipc::sockname`): its `tmp`, `var/tmp`, `dev/shm` and the
/// working directory `home/ipcsim`, with their parents.
fn skeleton() -> [String; 7] {
    ["/tmp", "/var", "/var/tmp", "/dev", "/dev/shm", "/home", sim::ipc::sockname::CWD].map(String::from)
}

/// Makes a run directory, or empties the one a server's previous run
/// used (what it left is removed, the skeleton kept).
pub fn reset_rundir(dir: &str) -> bool {
    let keep = skeleton();
    let mut todo = vec![std::path::PathBuf::from(dir)];
    while let Some(d) = todo.pop() {
        let Ok(list) = std::fs::read_dir(&d) else { continue };
        for e in list.flatten() {
            let path = e.path();
            let inner = path.to_string_lossy().strip_prefix(dir).map(String::from).unwrap_or_default();
            let is_dir = e.file_type().is_ok_and(|t| t.is_dir());
            if is_dir && keep.contains(&inner) {
                todo.push(path);
            } else if is_dir {
                let _ = std::fs::remove_dir_all(&path);
            } else {
                let _ = std::fs::remove_file(&path);
            }
        }
    }
    keep.iter().all(|d| std::fs::create_dir_all(format!("{dir}{d}")).is_ok())
}

/// Puts the `--file NAME=HOSTPATH` files into a run directory.
pub fn seed_rundir(dir: &str, files: &[String]) -> bool {
    files.iter().all(|spec| {
        let Some((name, host)) = spec.split_once('=') else { return false };
        let Ok(path) = sim::ipc::sockname::resolve(name.as_bytes()) else { return false };
        std::fs::copy(host, format!("{dir}{}", String::from_utf8_lossy(&path))).is_ok()
    })
}

/// The regular files under a run directory, by their path in the run's
/// file system (the directory's own path cut off), at most
/// [`sim::abi::limits::MAX_OUTPUT`] bytes read in all.
pub fn rundir_files(dir: &str) -> Vec<(Vec<u8>, Vec<u8>)> {
    use std::io::Read;
    use std::os::unix::ffi::OsStrExt;
    let mut out = Vec::new();
    let mut todo = vec![std::path::PathBuf::from(dir)];
    let mut room = sim::abi::limits::MAX_OUTPUT as u64;
    while let Some(d) = todo.pop() {
        let Ok(list) = std::fs::read_dir(&d) else { continue };
        for e in list.flatten() {
            let Ok(t) = e.file_type() else { continue };
            if t.is_dir() {
                todo.push(e.path());
            } else if t.is_file() {
                let mut bytes = Vec::new();
                if let Ok(f) = std::fs::File::open(e.path()) {
                    let _ = f.take(room + 1).read_to_end(&mut bytes);
                }
                room = room.saturating_sub(bytes.len() as u64);
                let path = e.path();
                let shown = path.as_os_str().as_bytes().strip_prefix(dir.as_bytes()).unwrap_or_default().to_vec();
                out.push((shown, bytes));
            }
        }
    }
    out
}

/// Removes a run directory and everything in it.
pub fn remove_rundir(dir: &str) {
    let _ = std::fs::remove_dir_all(dir);
}

/// Removes leftovers of runs whose worker died (prefix `ipcsim.<pid>.`,
/// or `sem.ipcsim.<pid>.`, with no such process any more).
pub fn cleanup_dead_runs() {
    if let Ok(dir) = std::fs::read_dir("/tmp") {
        for e in dir.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let Some(pid) = name.strip_prefix("ipcsim.").and_then(|p| p.parse::<i32>().ok()) else { continue };
            if !Path::new(&format!("/proc/{pid}")).exists() {
                remove_rundir(&rundir(pid));
            }
        }
    }
    let Ok(dir) = std::fs::read_dir("/dev/shm") else { return };
    for e in dir.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix("sem.").unwrap_or(&name).strip_prefix("ipcsim.") else { continue };
        let Some(pid) = rest.split('.').next().and_then(|p| p.parse::<i32>().ok()) else { continue };
        if !Path::new(&format!("/proc/{pid}")).exists() {
            let _ = std::fs::remove_file(e.path());
        }
    }
}
