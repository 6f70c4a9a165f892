//! Signal handlers on the real kernel. The program's handler is
//! interpreted code, which cannot run inside a real signal handler, so
//! the real kernel delivers to [`note`], which only records the signal
//! (and its `siginfo_t`); the process loop then runs the program's
//! handler at its next visible operation, with the mask the handler
//! asked for. A blocking call the signal interrupted has already failed
//! with `EINTR` (or restarted, under `SA_RESTART`), as the real kernel
//! decided: the same flags are given to the real `sigaction`.

use crate::process::RealProc;
use sim::abi::call::Call;
use sim::abi::flags::{SA_NOCLDWAIT, SA_NODEFER, SA_RESETHAND, SA_RESTART, SA_SIGINFO, SIG_DFL, SIG_IGN};
use sim::ir::MemTy;
use std::sync::atomic::{AtomicI32, AtomicU32, AtomicU64, Ordering};

/// Signals noted and not yet handled (bit n-1: signal n).
static PENDING: AtomicU64 = AtomicU64::new(0);
/// How many times each was noted and not yet handled (a real-time signal
/// queues: the real kernel calls `note` once for each).
static NOTED: [AtomicU32; 65] = [const { AtomicU32::new(0) }; 65];
/// `si_pid` (real), `si_code`, `si_status` of each noted signal.
static INFO: [[AtomicI32; 3]; 65] = [const { [const { AtomicI32::new(0) }; 3] }; 65];

/// The real handler: async-signal-safe atomic stores only.
extern "C" fn note(sig: libc::c_int, info: *mut libc::siginfo_t, _ctx: *mut libc::c_void) {
    if !(1..=64).contains(&sig) {
        return;
    }
    if !info.is_null() {
        // SAFETY: the kernel passes a valid siginfo_t to an SA_SIGINFO handler.
        let (pid, code, status) = unsafe { ((*info).si_pid(), (*info).si_code, (*info).si_status()) };
        let slot = &INFO[sig as usize];
        slot[0].store(pid, Ordering::Relaxed);
        slot[1].store(code, Ordering::Relaxed);
        slot[2].store(status, Ordering::Relaxed);
    }
    NOTED[sig as usize].fetch_add(1, Ordering::SeqCst);
    PENDING.fetch_or(1 << (sig - 1), Ordering::SeqCst);
}

use sim::abi::sigaction::Action;

/// A process's handlers and what the running handlers interrupted.
#[derive(Debug, Clone, Default)]
pub struct Handlers {
    caught: std::collections::BTreeMap<i32, Action>,
    /// For each running handler: the real mask to restore when it
    /// returns, and the call to start again then (`SA_RESTART`).
    saved: Vec<(libc::sigset_t, Option<Call>)>,
    /// The fault each running handler came for, if any.
    faults: Vec<Option<i32>>,
    /// `SIGCHLD` is ignored: kept here, not given to the kernel, whose
    /// own reaping would lose the children's exit statuses (see
    /// [`RealProc::no_zombies`]).
    chld_ignored: bool,
}

/// A kernel mask (bit n-1: signal n) as a `sigset_t`.
fn to_set(mask: u64) -> libc::sigset_t {
    // SAFETY: sigemptyset/sigaddset on a local.
    unsafe {
        let mut s: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut s);
        for sig in 1..=64 {
            if mask & (1u64 << (sig - 1)) != 0 && !matches!(sig, 32 | 33) {
                libc::sigaddset(&mut s, sig);
            }
        }
        s
    }
}

/// A `sigset_t`'s first 64 signals as a kernel mask.
fn from_set(s: &libc::sigset_t) -> u64 {
    let mut m = 0;
    for sig in 1..=64 {
        // SAFETY: sigismember on a valid set.
        if unsafe { libc::sigismember(s, sig) } == 1 {
            m |= 1u64 << (sig - 1);
        }
    }
    m
}

/// The flags the real kernel acts on: reset, no deferral and no zombies
/// (the real handler always takes `siginfo_t`). Never `SA_RESTART`: the
/// program's handler must run before an interrupted call starts again,
/// so the call comes back with `EINTR` and the process restarts it
/// itself.
fn real_flags(flags: u32) -> i32 {
    ((flags & (SA_RESETHAND | SA_NODEFER)) | SA_SIGINFO) as i32
}

impl Handlers {
    /// The fault the innermost running handler came for, if any.
    pub(crate) fn fault_after(&self) -> Option<i32> {
        self.faults.last().copied().flatten()
    }
}

impl RealProc<'_> {
    /// Sets the disposition of `sig` (a handler, `SIG_DFL` or `SIG_IGN`)
    /// and returns the old one.
    fn set_disposition(&mut self, sig: i32, a: Action) -> Result<Action, i64> {
        let chld = sig == sim::abi::signal::SIGCHLD;
        let virtual_was = chld.then(|| self.disposition(sig));
        // SAFETY: sigaction with locals; `note` is async-signal-safe.
        unsafe {
            let mut act: libc::sigaction = std::mem::zeroed();
            act.sa_sigaction = match a.handler {
                SIG_DFL => libc::SIG_DFL,
                // Ignoring SIGCHLD is the backend's (its default action
                // is to be ignored anyway).
                SIG_IGN if chld => libc::SIG_DFL,
                SIG_IGN => libc::SIG_IGN,
                _ => note as *const () as usize,
            };
            act.sa_flags = if a.handler > SIG_IGN { real_flags(a.flags) } else { 0 };
            act.sa_mask = to_set(a.mask);
            let mut old: libc::sigaction = std::mem::zeroed();
            if libc::sigaction(sig, &act, &mut old) < 0 {
                return Err(-(std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EINVAL) as i64));
            }
            let real = if old.sa_sigaction == libc::SIG_IGN { SIG_IGN } else { SIG_DFL };
            let was = match self.handlers.caught.get(&sig) {
                Some(h) if old.sa_sigaction == note as *const () as usize => *h,
                Some(h) => Action { handler: real, ..*h },
                None => Action { handler: real, flags: 0, mask: 0 },
            };
            if a.handler > SIG_IGN || a.flags != 0 || a.mask != 0 {
                self.handlers.caught.insert(sig, a);
            } else {
                self.handlers.caught.remove(&sig);
            }
            if chld {
                self.handlers.chld_ignored = a.handler == SIG_IGN;
            }
            Ok(virtual_was.unwrap_or(was))
        }
    }

    /// `signal(sig, handler)`: glibc's BSD semantics.
    pub(crate) fn signal(&mut self, sig: i32, handler: u64) -> i64 {
        if !sim::abi::signal::can_set(sig) {
            return -(libc::EINVAL as i64);
        }
        match self.set_disposition(sig, Action { handler, flags: SA_RESTART, mask: 0 }) {
            Ok(old) => old.handler as i64,
            Err(e) => e,
        }
    }

    /// `sigaction(sig, act, old)`.
    pub(crate) fn sigaction(&mut self, sig: i32, act: u64, old: u64) -> i64 {
        if !sim::abi::sigaction::valid(sig, act != 0) {
            return -(libc::EINVAL as i64);
        }
        let new = match act {
            0 => None,
            _ => match sim::abi::sigaction::read(&self.proc.mem, &self.shared, act) {
                Ok(a) => Some(a),
                Err(_) => return -(libc::EFAULT as i64),
            },
        };
        let was = match new {
            Some(a) => match self.set_disposition(sig, a) {
                Ok(w) => w,
                Err(e) => return e,
            },
            None => self.disposition(sig),
        };
        if old != 0 && sim::abi::sigaction::write(&mut self.proc.mem, &mut self.shared, old, was).is_err() {
            return -(libc::EFAULT as i64);
        }
        0
    }

    /// The disposition of `sig` now.
    fn disposition(&self, sig: i32) -> Action {
        if let Some(a) = self.handlers.caught.get(&sig).filter(|a| a.handler > SIG_IGN) {
            return *a;
        }
        let recorded = self.handlers.caught.get(&sig).copied();
        // SAFETY: querying a disposition into a local.
        let ign = unsafe {
            let mut old: libc::sigaction = std::mem::zeroed();
            libc::sigaction(sig, std::ptr::null(), &mut old) == 0 && old.sa_sigaction == libc::SIG_IGN
        };
        let ign = ign || (sig == sim::abi::signal::SIGCHLD && self.handlers.chld_ignored);
        let handler = if ign { SIG_IGN } else { SIG_DFL };
        recorded.map_or(Action { handler, flags: 0, mask: 0 }, |a| Action { handler, ..a })
    }

    /// The program's children leave no zombie (`SIGCHLD` ignored, or
    /// `SA_NOCLDWAIT`): the real kernel still keeps them, so that their
    /// statuses reach the run's outcome, and `wait` hides them (see
    /// `wait` in syscall.rs).
    pub(crate) fn no_zombies(&self) -> bool {
        let flags = self.handlers.caught.get(&sim::abi::signal::SIGCHLD).map_or(0, |a| a.flags);
        self.handlers.chld_ignored || flags & SA_NOCLDWAIT != 0
    }

    /// `exec`: caught signals back to their default action (ignored ones
    /// stay ignored, as the kernel does); no handler is running any more.
    pub(crate) fn drop_handlers(&mut self) {
        let caught: Vec<i32> = self.handlers.caught.iter().filter(|(_, a)| a.handler > SIG_IGN).map(|(&s, _)| s).collect();
        for sig in caught {
            // SAFETY: restoring a default disposition.
            unsafe { libc::signal(sig, libc::SIG_DFL) };
        }
        self.handlers.caught.clear();
        self.handlers.saved.clear();
        self.handlers.faults.clear();
    }

    /// `sigprocmask(how, set, old)`.
    pub(crate) fn sigprocmask(&mut self, how: i32, set: u64, old: u64) -> i64 {
        let new = if set != 0 {
            match self.proc.mem.load(&self.shared, set, MemTy::I64) {
                Ok(m) => Some(to_set(m)),
                Err(_) => return -(libc::EFAULT as i64),
            }
        } else {
            None
        };
        // SAFETY: sigprocmask with locals.
        let (r, was) = unsafe {
            let mut was: libc::sigset_t = std::mem::zeroed();
            let p = new.as_ref().map_or(std::ptr::null(), |s| s as *const _);
            (libc::sigprocmask(how, p, &mut was), was)
        };
        if r < 0 {
            return -(libc::EINVAL as i64);
        }
        if old != 0 && self.proc.mem.store(&mut self.shared, old, MemTy::I64, from_set(&was)).is_err() {
            return -(libc::EFAULT as i64);
        }
        0
    }

    /// `sigpending(set)`.
    pub(crate) fn sigpending(&mut self, set: u64) -> i64 {
        // SAFETY: sigpending into a local.
        let s = unsafe {
            let mut s: libc::sigset_t = std::mem::zeroed();
            libc::sigpending(&mut s);
            s
        };
        match self.proc.mem.store(&mut self.shared, set, MemTy::I64, from_set(&s)) {
            Ok(()) => 0,
            Err(_) => -(libc::EFAULT as i64),
        }
    }

    /// `sigsuspend(mask)`: the real call, which returns once `note` ran.
    /// `sigtimedwait` on the real kernel: the signal's `siginfo_t` goes
    /// to the program with the sender's virtual pid.
    pub(crate) fn sigtimedwait(&mut self, set: Result<u64, i32>, info: u64, timeout: Result<Option<u64>, i32>) -> i64 {
        let (set, timeout) = match (set, timeout) {
            (Ok(s), Ok(t)) => (s, t),
            (Err(e), _) | (_, Err(e)) => return -(e as i64),
        };
        let ts = timeout.map(|ns| libc::timespec { tv_sec: (ns / 1_000_000_000) as i64, tv_nsec: (ns % 1_000_000_000) as i64 });
        // SAFETY: sigtimedwait with locals.
        let (sig, si) = unsafe {
            let mut si: libc::siginfo_t = std::mem::zeroed();
            let r = libc::sigtimedwait(&to_set(set), &mut si, ts.as_ref().map_or(std::ptr::null(), |t| t as *const _));
            if r < 0 {
                return -(std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EINVAL) as i64);
            }
            (r, si)
        };
        if info != 0 {
            // SAFETY: reading the siginfo_t the kernel filled.
            let (real, status, value) = unsafe { (si.si_pid(), si.si_status(), si.si_value().sival_ptr as u64) };
            let pid = if real == 0 { 0 } else { self.env.ctl.virt(real).unwrap_or(0) };
            let bytes = sim::abi::sigaction::siginfo(sig, si.si_code, pid, status, value);
            for (k, w) in bytes.chunks_exact(8).enumerate() {
                if !self.store(info.wrapping_add(8 * k as u64), MemTy::I64, u64::from_le_bytes(w.try_into().expect("8 bytes"))) {
                    return -(libc::EFAULT as i64);
                }
            }
        }
        sig as i64
    }

    /// A `longjmp` left `handlers` of the program's handlers: their saved
    /// masks are dropped (a plain `longjmp` leaves the handler's mask, as
    /// natively), so is the fault one was entered for; `siglongjmp`
    /// restores `sigsetjmp`'s mask.
    pub(crate) fn longjmp(&mut self, handlers: u32, mask: Option<u64>, val: i32) -> i64 {
        for _ in 0..handlers {
            self.handlers.saved.pop();
            self.handlers.faults.pop();
        }
        if let Some(m) = mask {
            // SAFETY: sigprocmask with a local set.
            unsafe { libc::sigprocmask(libc::SIG_SETMASK, &to_set(m), std::ptr::null_mut()) };
        }
        val as i64
    }

    pub(crate) fn sigsuspend(&mut self, mask: Result<u64, i32>) -> i64 {
        match mask {
            // SAFETY: sigsuspend with a local set.
            Ok(m) => unsafe {
                libc::sigsuspend(&to_set(m));
                -(libc::EINTR as i64)
            },
            Err(e) => -(e as i64),
        }
    }

    /// A call came back with `EINTR`: if the handler of the signal that
    /// interrupted it asked for `SA_RESTART` and the call restarts, the
    /// handler runs now and the call is made again when it returns
    /// (true); else the program sees `EINTR`.
    pub(crate) fn restart_after_handler(&mut self, call: &Call) -> bool {
        let pending = PENDING.load(Ordering::SeqCst);
        if pending == 0 || !call.restartable() {
            return false;
        }
        let sig = pending.trailing_zeros() as i32 + 1;
        let restart = self.handlers.caught.get(&sig).is_some_and(|a| a.handler > SIG_IGN && a.flags & SA_RESTART != 0);
        restart && self.enter_program_handler(sig, Some(*call))
    }

    /// A noted signal the process would take at its next visible
    /// operation.
    pub(crate) fn signal_waiting(&self) -> bool {
        self.proc.may_take_signal() && PENDING.load(Ordering::SeqCst) != 0
    }

    /// Runs the program's handler for the lowest noted signal, if any
    /// and if the interpreter is between library routines.
    pub(crate) fn take_signal(&mut self) {
        if !self.proc.may_take_signal() {
            return;
        }
        let pending = PENDING.load(Ordering::SeqCst);
        if pending == 0 {
            return;
        }
        let sig = pending.trailing_zeros() as i32 + 1;
        self.enter_program_handler(sig, None);
    }

    /// Enters the program's handler for noted signal `sig`; `restart` is
    /// the call to make again when it returns. False if not caught.
    fn enter_program_handler(&mut self, sig: i32, restart: Option<Call>) -> bool {
        // Handled once: still pending while more were noted (standard
        // signals are noted once however often they came).
        let more = sig >= libc::SIGRTMIN() && NOTED[sig as usize].fetch_sub(1, Ordering::SeqCst) > 1;
        if !more {
            NOTED[sig as usize].store(0, Ordering::SeqCst);
            PENDING.fetch_and(!(1u64 << (sig - 1)), Ordering::SeqCst);
        }
        let Some(a) = self.handlers.caught.get(&sig).copied().filter(|a| a.handler > SIG_IGN) else { return false };
        // A handler that is no function of the program: the jump faults.
        let Some(func) = self.env.prog.callable(a.handler) else { crate::process::die(libc::SIGSEGV) };
        if self.env.prog.functions[func as usize].params.len() > 3 {
            self.stop_undefined();
        }
        if a.flags & SA_RESETHAND != 0 {
            // The real kernel reset the handler; the flags stay.
            self.handlers.caught.insert(sig, Action { handler: SIG_DFL, ..a });
        }
        // The real kernel unblocked the signal when `note` returned: block
        // what the program's handler blocks while it runs.
        let own = if a.flags & SA_NODEFER != 0 { 0 } else { 1u64 << (sig - 1) };
        // SAFETY: sigprocmask with locals.
        let saved = unsafe {
            let mut was: libc::sigset_t = std::mem::zeroed();
            libc::sigprocmask(libc::SIG_BLOCK, &to_set(a.mask | own), &mut was);
            was
        };
        self.handlers.saved.push((saved, restart));
        self.handlers.faults.push(None);
        let info = (a.flags & SA_SIGINFO != 0).then(|| self.siginfo(sig));
        if self.proc.enter_handler(self.env.prog, func, sig, info.as_ref().map(|b| &b[..])).is_err() {
            // No stack left for the handler: as natively, SIGSEGV.
            crate::process::die(libc::SIGSEGV);
        }
        true
    }

    /// The `siginfo_t` the program's handler sees: pids virtual.
    fn siginfo(&self, sig: i32) -> [u8; 128] {
        let slot = &INFO[sig as usize];
        let real = slot[0].load(Ordering::Relaxed);
        let pid = if real == 0 { 0 } else { self.env.ctl.virt(real).unwrap_or(0) };
        // A `sigqueue` value arrives as `si_status` (its low word).
        let status = slot[2].load(Ordering::Relaxed);
        sim::abi::sigaction::siginfo(sig, slot[1].load(Ordering::Relaxed), pid, status, status as u32 as u64)
    }

    /// A fault of the interpreted code with signal `sig`: its handler, if
    /// the program catches it unblocked, runs now (true).
    pub(crate) fn enter_fault_handler(&mut self, sig: i32) -> bool {
        // SAFETY: reading this process's mask into a local.
        let blocked = unsafe {
            let mut m: libc::sigset_t = std::mem::zeroed();
            libc::sigprocmask(libc::SIG_BLOCK, std::ptr::null(), &mut m);
            libc::sigismember(&m, sig) == 1
        };
        if blocked || self.handlers.caught.get(&sig).is_none_or(|a| a.handler <= SIG_IGN) {
            return false;
        }
        if !self.enter_program_handler(sig, None) {
            return false;
        }
        if let Some(f) = self.handlers.faults.last_mut() {
            *f = Some(sig);
        }
        true
    }

    /// The program's handler returned: its mask goes back; the call it
    /// interrupted, if it restarts, is returned to be made again.
    pub(crate) fn handler_returned(&mut self) -> Option<Call> {
        self.proc.leave_handler();
        self.handlers.faults.pop();
        let (m, restart) = self.handlers.saved.pop()?;
        // SAFETY: restoring a saved mask.
        unsafe { libc::sigprocmask(libc::SIG_SETMASK, &m, std::ptr::null_mut()) };
        restart
    }
}

/// In a new child: no signal is pending (fork(2)).
pub fn forget_pending() {
    PENDING.store(0, Ordering::SeqCst);
    NOTED.iter().for_each(|n| n.store(0, Ordering::SeqCst));
}
