//! Ending ipcsim ends its runs (issue 8: nothing a run starts outlives
//! it). SIGINT (Ctrl-C), SIGTERM and SIGHUP are caught by the driver and
//! by the worker alike: the driver passes the signal on to its running
//! worker and stops after that run; the worker kills the program's process
//! group at once, reaps it, removes its shm names and reports. A worker
//! whose driver dies (SIGKILL included) gets SIGTERM from the kernel
//! (`PR_SET_PDEATHSIG`), so it does the same.

use std::sync::atomic::{AtomicBool, AtomicI32, Ordering::SeqCst};

static STOPPED: AtomicBool = AtomicBool::new(false);
/// The driver's running worker (0: none).
static WORKER: AtomicI32 = AtomicI32::new(0);
/// The worker's program process group (0: none yet).
static GROUP: AtomicI32 = AtomicI32::new(0);

/// The signals that stop a run.
const SIGNALS: [i32; 3] = [libc::SIGINT, libc::SIGTERM, libc::SIGHUP];

/// Async-signal-safe: an atomic store and `kill`s.
extern "C" fn on_stop(_: libc::c_int) {
    STOPPED.store(true, SeqCst);
    pass_on();
}

fn pass_on() {
    let (w, g) = (WORKER.load(SeqCst), GROUP.load(SeqCst));
    // SAFETY: signalling our own worker, or the run's own process group.
    unsafe {
        if w > 0 {
            libc::kill(w, libc::SIGTERM);
        }
        if g > 0 {
            libc::kill(-g, libc::SIGKILL);
        }
    }
}

/// Catches the stop signals (the driver and the worker call it first).
pub fn catch_signals() {
    for sig in SIGNALS {
        // SAFETY: installing a handler that only does async-signal-safe work.
        unsafe {
            let mut sa: libc::sigaction = std::mem::zeroed();
            sa.sa_sigaction = on_stop as extern "C" fn(libc::c_int) as usize;
            sa.sa_flags = libc::SA_RESTART;
            libc::sigemptyset(&mut sa.sa_mask);
            libc::sigaction(sig, &sa, std::ptr::null_mut());
        }
    }
}

/// True once a stop signal arrived (or a worker reported one).
pub fn requested() -> bool {
    STOPPED.load(SeqCst)
}

/// Records that the run was stopped from outside (a worker's report).
pub(crate) fn request() {
    STOPPED.store(true, SeqCst);
}

/// Driver: `pid` is the running worker (0 when it ended). A stop that
/// came just before is passed on now.
pub(crate) fn set_worker(pid: i32) {
    WORKER.store(pid, SeqCst);
    if pid > 0 && requested() {
        pass_on();
    }
}

/// Worker: the program's process group exists (killed if a stop came).
pub(crate) fn set_group(pgrp: i32) {
    GROUP.store(pgrp, SeqCst);
    if requested() {
        pass_on();
    }
}

/// Blocks (`true`) or unblocks the stop signals, around a `fork`, so the
/// new program process never runs ipcsim's handler.
pub(crate) fn block(on: bool) {
    // SAFETY: changing this thread's signal mask with a local set.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        for sig in SIGNALS {
            libc::sigaddset(&mut set, sig);
        }
        libc::sigprocmask(if on { libc::SIG_BLOCK } else { libc::SIG_UNBLOCK }, &set, std::ptr::null_mut());
    }
}

/// In a new program process (signals blocked): the C defaults back.
pub(crate) fn default_handlers() {
    for sig in SIGNALS {
        // SAFETY: restoring default actions.
        unsafe { libc::signal(sig, libc::SIG_DFL) };
    }
    block(false);
}

/// Makes the calling process (a worker between `fork` and `exec`) get
/// SIGTERM when `parent` dies; `false` if it has died already (the race
/// `prctl` alone would lose). Async-signal-safe.
pub(crate) fn die_with(parent: i32) -> bool {
    // SAFETY: prctl and getppid with plain values.
    unsafe { libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM) == 0 && libc::getppid() == parent }
}
