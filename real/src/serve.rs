//! The worker server: one long-lived process (`ipcsim __worker`) that
//! compiled the program once and makes one real run per seed it reads.
//! Each run is made in a child forked for it, so a run starts from the
//! server's clean state (its own namespace, limits and directory) without
//! paying for an `exec` and a compile: that cost was most of a short run.
//!
//! Protocol: the driver writes one seed per line on the server's stdin;
//! the server answers each with one line of JSON (a [`WorkerReport`]) on
//! its stdout. End of input, or a stop signal, ends the server.

use crate::{stop, worker, RealConfig, WorkerReport};
use sim::ir::Program;
use std::fs::File;
use std::io::{BufRead, Read, Write};
use std::os::fd::FromRawFd;

/// Serves runs until its input ends or a stop signal comes.
pub fn serve(prog: &Program, cfg: &RealConfig) {
    stop::catch_signals();
    // One directory for all the server's runs, emptied for each.
    let rundir = crate::rundir(std::process::id() as i32);
    let stdin = std::io::stdin();
    let mut out = std::io::stdout().lock();
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        if stop::requested() {
            break;
        }
        let report = match line.trim().parse::<u64>() {
            Ok(seed) => in_child(|| worker::run(prog, cfg, seed, &rundir).finish()),
            Err(_) => WorkerReport::failed(&format!("the worker server was sent `{line}`, not a seed")),
        };
        let interrupted = report.interrupted;
        let mut json = serde_json::to_string(&report).unwrap_or_default();
        // One write with its newline, so that the driver finds a usual
        // report whole in its buffer.
        json.push('\n');
        // The driver may be gone (killed): nobody to tell, and nothing left.
        if out.write_all(json.as_bytes()).and_then(|_| out.flush()).is_err() || interrupted {
            break;
        }
    }
    crate::remove_rundir(&rundir);
}

/// Makes one run in a child and returns its report (a failure report if
/// the child died without one). The child sends the report's length
/// first: the run's guard and processes may hold the pipe open after it.
fn in_child(run: impl FnOnce() -> WorkerReport) -> WorkerReport {
    let mut fds = [0i32; 2];
    // SAFETY: a pipe into a local array.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return WorkerReport::failed("cannot create the worker's report pipe");
    }
    // SAFETY: both ends are ours alone; each File closes its end.
    let (mut rx, tx) = unsafe { (File::from_raw_fd(fds[0]), File::from_raw_fd(fds[1])) };
    let server = std::process::id() as i32;
    stop::block(true);
    // SAFETY: the server is single-threaded.
    let child = unsafe { libc::fork() };
    if child == 0 {
        stop::forget_workers();
        drop(rx);
        if !stop::die_with(server) {
            // SAFETY: ending the child.
            unsafe { libc::_exit(1) };
        }
        stop::block(false);
        let json = serde_json::to_vec(&run()).unwrap_or_default();
        let mut tx = tx;
        let _ = tx.write_all(&(json.len() as u64).to_le_bytes()).and_then(|_| tx.write_all(&json));
        // SAFETY: ending the child (no destructors of the server's state).
        unsafe { libc::_exit(0) }
    }
    drop(tx);
    if child < 0 {
        stop::block(false);
        return WorkerReport::failed("cannot fork the run's worker");
    }
    stop::set_worker(0, child);
    stop::block(false);
    let report = read_report(&mut rx);
    let mut status = 0;
    // SAFETY: reaping our own child.
    unsafe { libc::waitpid(child, &mut status, 0) };
    stop::set_worker(0, 0);
    report.unwrap_or_else(|| {
        if stop::requested() {
            WorkerReport { interrupted: true, ..WorkerReport::default() }
        } else {
            WorkerReport::failed(&format!("the run's worker ended without a report (wait status {status:#x})"))
        }
    })
}

/// A length-prefixed report.
fn read_report(rx: &mut File) -> Option<WorkerReport> {
    let mut len = [0u8; 8];
    rx.read_exact(&mut len).ok()?;
    let mut json = vec![0u8; usize::try_from(u64::from_le_bytes(len)).ok()?];
    rx.read_exact(&mut json).ok()?;
    serde_json::from_slice(&json).ok()
}
