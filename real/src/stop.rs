//! Ending ipcsim ends its runs (issue 8: nothing a run starts outlives
//! it). SIGINT (Ctrl-C), SIGTERM and SIGHUP are caught by the driver, by
//! each worker server and by each run's worker alike: the driver passes
//! the signal on to its servers and stops after their runs; a server
//! passes it on to its running worker and serves no more; the worker
//! kills the program's process group at once, reaps it, removes its shm
//! names and reports. A server whose driver dies, or a worker whose
//! server dies (SIGKILL included), gets SIGTERM from the kernel
//! (`PR_SET_PDEATHSIG`), so it does the same.

use std::sync::atomic::{AtomicBool, AtomicI32, Ordering::SeqCst};

static STOPPED: AtomicBool = AtomicBool::new(false);
/// Most workers one process passes a stop on to (the driver's `--jobs`).
pub const MAX_WORKERS: usize = 256;
/// The driver's servers, or a server's running worker (0: none).
static WORKERS: [AtomicI32; MAX_WORKERS] = [const { AtomicI32::new(0) }; MAX_WORKERS];
/// The worker's program process group (0: none yet).
static GROUP: AtomicI32 = AtomicI32::new(0);

/// The signals that stop a run.
const SIGNALS: [i32; 3] = [libc::SIGINT, libc::SIGTERM, libc::SIGHUP];

/// Once set, a stop signal ends the process at once ([`stop_at_once`]).
static AT_ONCE: AtomicBool = AtomicBool::new(false);
/// A second stop signal ends the process at once (a simulator's search,
/// which starts no process: [`catch_signals_in_search`]).
static SECOND_AT_ONCE: AtomicBool = AtomicBool::new(false);

/// Async-signal-safe: atomics, `kill`s and `_exit`. In a simulator's
/// search, a second stop signal, or one after [`stop_at_once`], ends the
/// process there and then: what is left to do (shrinking, rendering a
/// long trace) may not look at the flag for a long time, and a user's
/// second Ctrl-C, or `timeout`'s SIGTERM, must end it. (A real run's
/// driver keeps its own order: its workers first.)
extern "C" fn on_stop(sig: libc::c_int) {
    let again = STOPPED.swap(true, SeqCst);
    pass_on();
    if AT_ONCE.load(SeqCst) || (again && SECOND_AT_ONCE.load(SeqCst)) {
        // SAFETY: _exit is async-signal-safe; nothing of ours outlives it
        // (the workers were just told to stop).
        unsafe { libc::_exit(128 + sig) };
    }
}

/// From now on a stop signal ends the process at once: a simulator's
/// search is over and only its report is left to write (a stop that
/// came during the search still gets that report).
pub fn stop_at_once() {
    AT_ONCE.store(true, SeqCst);
}

fn pass_on() {
    for w in &WORKERS {
        let w = w.load(SeqCst);
        if w > 0 {
            // SAFETY: signalling our own worker.
            unsafe { libc::kill(w, libc::SIGTERM) };
        }
    }
    let g = GROUP.load(SeqCst);
    // SAFETY: signalling the run's own process group.
    unsafe {
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

/// [`catch_signals`] for a simulator's search (it starts no process of
/// its own): a second stop signal ends ipcsim at once.
pub fn catch_signals_in_search() {
    SECOND_AT_ONCE.store(true, SeqCst);
    catch_signals();
}

/// True once a stop signal arrived (or a worker reported one).
pub fn requested() -> bool {
    STOPPED.load(SeqCst)
}

/// Records that the run was stopped from outside (a worker's report).
pub(crate) fn request() {
    STOPPED.store(true, SeqCst);
}

/// Driver or server: `pid` is the worker in `slot` (0 when it ended). A
/// stop that came just before is passed on now.
pub(crate) fn set_worker(slot: usize, pid: i32) {
    WORKERS[slot % MAX_WORKERS].store(pid, SeqCst);
    if pid > 0 && requested() {
        pass_on();
    }
}

/// In a worker just forked from its server (stop signals blocked): the
/// server's workers are not its own.
pub(crate) fn forget_workers() {
    for w in &WORKERS {
        w.store(0, SeqCst);
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
