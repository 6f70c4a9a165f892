//! The driver's side of real runs: worker servers ([`crate::serve`]), one
//! per job, each fed seeds in turn; `--jobs` of them run side by side.

use crate::{real_run, stop, RealConfig, RealRun, RunError, WorkerReport};
use sim::interp::StdoutMode;
use std::io::{BufReader, Write};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;

/// Bytes read from a server at a time: a usual report arrives whole
/// (and is parsed in place), a long one is parsed as it streams.
const REPORT_BUFFER: usize = 1 << 16;

/// One worker server (`exe __worker FILE ...`), started by the thread
/// that uses it: it dies with that thread (`PR_SET_PDEATHSIG`), taking
/// its run with it.
pub struct Server {
    child: Child,
    input: Option<ChildStdin>,
    output: BufReader<ChildStdout>,
    slot: usize,
}

impl Server {
    /// Starts a server; `slot` is where a stop signal finds it.
    pub fn start(exe: &Path, file: &Path, cfg: &RealConfig, slot: usize) -> Result<Server, RunError> {
        let mut cmd = worker_command(exe, file, cfg);
        let me = std::process::id() as i32;
        // SAFETY: between fork and exec, only async-signal-safe calls.
        unsafe {
            cmd.pre_exec(move || if stop::die_with(me) { Ok(()) } else { Err(std::io::Error::other("ipcsim ended")) });
        }
        let mut child = cmd.spawn().map_err(|e| RunError::Env(format!("cannot start the worker: {e}")))?;
        stop::set_worker(slot, child.id() as i32);
        let (Some(input), Some(output)) = (child.stdin.take(), child.stdout.take()) else {
            return Err(RunError::Env("the worker has no pipes".into()));
        };
        Ok(Server { child, input: Some(input), output: BufReader::with_capacity(REPORT_BUFFER, output), slot })
    }

    /// Makes the run of `seed`.
    pub fn run(&mut self, seed: u64) -> Result<RealRun, RunError> {
        if stop::requested() {
            return Err(RunError::Stopped);
        }
        let Some(input) = self.input.as_mut() else { return Err(RunError::Stopped) };
        if writeln!(input, "{seed}").and_then(|_| input.flush()).is_err() {
            return Err(if stop::requested() {
                RunError::Stopped
            } else {
                RunError::Env("the worker ended (see its messages above)".into())
            });
        }
        let read = self.report();
        if stop::requested() && !matches!(read, Some(Ok(_))) {
            // Stopped before it could catch the signal (nothing started yet).
            return Err(RunError::Stopped);
        }
        let rep = match read {
            Some(Ok(rep)) => rep,
            None => return Err(RunError::Env("the worker ended without a report (see its messages above)".into())),
            Some(Err(e)) => return Err(RunError::Env(format!("the worker gave no report ({e}; see its messages above)"))),
        };
        if let Some(e) = rep.error {
            return Err(RunError::Env(e));
        }
        if rep.interrupted {
            // Stopped from outside, perhaps the worker alone: stop the rest.
            stop::request();
            return Err(RunError::Stopped);
        }
        Ok(real_run(rep))
    }
}

impl Server {
    /// The next report (`None` at end of input). A report that arrived
    /// whole in the buffer (the usual few hundred bytes) is parsed from
    /// it; a longer one is parsed as it is read, never held as a line:
    /// with 16 MiB of output its text is 32 MiB, and two runs' lines side
    /// by side had raised the driver's peak by half.
    fn report(&mut self) -> Option<serde_json::Result<WorkerReport>> {
        use std::io::BufRead;
        let buf = match self.output.fill_buf() {
            Ok([]) => return None,
            Ok(b) => b,
            Err(e) => return Some(Err(serde_json::Error::io(e))),
        };
        if let Some(end) = buf.iter().position(|&b| b == b'\n') {
            let r = serde_json::from_slice(&buf[..end]);
            self.output.consume(end + 1);
            return Some(r);
        }
        serde_json::Deserializer::from_reader(&mut self.output).into_iter::<WorkerReport>().next()
    }
}

impl Drop for Server {
    /// End of input ends the server; it is reaped here.
    fn drop(&mut self) {
        drop(self.input.take());
        stop::set_worker(self.slot, 0);
        let _ = self.child.wait();
    }
}

/// Runs the program once for real with chaos seed `seed`.
pub fn run_once(exe: &Path, file: &Path, cfg: &RealConfig, seed: u64) -> Result<RealRun, RunError> {
    Server::start(exe, file, cfg, 0)?.run(seed)
}

/// Makes the runs of seeds `seed..seed + runs` on `jobs` servers; `done`
/// gets each run with its index, on the calling thread, as it ends. A
/// stop signal ends the runs (each server's running one is killed and
/// its names removed); the first environment error ends them too.
pub fn run_many(
    exe: &Path,
    file: &Path,
    cfg: &RealConfig,
    (seed, runs): (u64, u64),
    jobs: usize,
    done: &mut dyn FnMut(u64, RealRun),
) -> Result<(), RunError> {
    let jobs = jobs.clamp(1, stop::MAX_WORKERS).min(runs.max(1) as usize);
    let next = AtomicU64::new(0);
    let (tx, rx) = mpsc::channel::<Result<(u64, RealRun), RunError>>();
    std::thread::scope(|s| {
        for slot in 0..jobs {
            let (tx, next) = (tx.clone(), &next);
            s.spawn(move || {
                let mut server = match Server::start(exe, file, cfg, slot) {
                    Ok(sv) => sv,
                    Err(e) => return drop(tx.send(Err(e))),
                };
                loop {
                    let k = next.fetch_add(1, Ordering::SeqCst);
                    if k >= runs {
                        return;
                    }
                    let r = server.run(seed + k).map(|r| (k, r));
                    let failed = r.is_err();
                    if tx.send(r).is_err() || failed {
                        // Nobody is listening, or this server is done for:
                        // the others stop taking seeds.
                        next.store(runs, Ordering::SeqCst);
                        return;
                    }
                }
            });
        }
        drop(tx);
        let mut first_error = None;
        for r in rx {
            match r {
                Ok((k, run)) => done(k, run),
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        match first_error {
            // A stop is not an error: the runs made are the result.
            Some(RunError::Stopped) | None => Ok(()),
            Some(e) => Err(e),
        }
    })
}

/// `exe __worker FILE ...`: a server for one configuration.
fn worker_command(exe: &Path, file: &Path, cfg: &RealConfig) -> Command {
    let mut cmd = Command::new(exe);
    cmd.arg("__worker");
    if let Some(p) = &cfg.stdin {
        cmd.arg("--stdin").arg(p);
    }
    for e in &cfg.execs {
        cmd.arg("--exec").arg(e);
    }
    for f in &cfg.files {
        cmd.arg("--file").arg(f);
    }
    for e in &cfg.env {
        cmd.arg("--environ").arg(e);
    }
    cmd.arg(file).arg("--timeout-ms").arg(cfg.timeout_ms.to_string()).arg("--max-procs").arg(cfg.max_procs.to_string());
    cmd.arg("--stdout").arg(if cfg.stdout == StdoutMode::Tty { "tty" } else { "pipe" });
    if cfg.chaos {
        cmd.arg("--chaos");
    }
    cmd.arg("--");
    cmd.args(&cfg.argv[1..]);
    // The server's own messages (none unless something is broken) go
    // where ipcsim's go.
    cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::inherit());
    cmd
}
