//! Signals with handlers: dispositions, the blocked mask, pending
//! signals, `alarm`, and delivery. A signal sent to a process is pending
//! until the process's next step, where its handler runs on top of what
//! the process was doing (so where in the target's code a handler runs
//! is a scheduling choice, like any interleaving). A blocking call it
//! interrupts fails with `EINTR`, or starts again with `SA_RESTART`
//! where Linux restarts it (signal(7)).

use super::calls::Sys;
use super::{Machine, Pending, StepCtx, TimeMode};
use crate::abi::call::{Call, FdCall, Itimer, ProcCall, SleepFn};
use crate::abi::errno::{EFAULT, EINTR, EINVAL};
use crate::abi::flags::{
    SA_NOCLDSTOP, SA_NODEFER, SA_RESETHAND, SA_RESTART, SA_SIGINFO, SIG_BLOCK, SIG_DFL, SIG_IGN, SIG_SETMASK, SIG_UNBLOCK, SI_KERNEL,
};
use crate::abi::signal::{self, SIGALRM, SIGKILL, SIGSTOP};
use crate::ir::MemTy;
use crate::trace::What;

pub use crate::abi::sigaction::Action;

/// What `siginfo_t` says of a pending signal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Info {
    /// `si_pid`: the sender (the child, for `SIGCHLD`).
    pub pid: i32,
    /// `si_code`.
    pub code: i32,
    /// `si_status`: a child's exit code or signal.
    pub status: i32,
    /// `si_value`, of `sigqueue` (where `si_status` is, for a child).
    pub value: u64,
}

impl Info {
    /// `SIGCHLD`'s for a child that ended with `status`.
    pub fn child(pid: i32, status: crate::outcome::ExitStatus) -> Info {
        use crate::abi::flags::{CLD_EXITED, CLD_KILLED};
        use crate::outcome::ExitStatus;
        match status {
            ExitStatus::Code(c) => Info { pid, code: CLD_EXITED, status: c, value: 0 },
            ExitStatus::Signal(s) => Info { pid, code: CLD_KILLED, status: s, value: 0 },
            // The run ends at undefined behaviour: never delivered.
            ExitStatus::UndefinedBehaviour => Info { pid, code: CLD_KILLED, status: 0, value: 0 },
        }
    }
}

/// What a handler's return gives back to the kernel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Resume {
    /// The mask before the handler ran.
    mask: u64,
    /// The operation the handler came before (to be done after it), or
    /// `None` when it came after a call that had returned.
    op: Option<Pending>,
}

/// A process's signal state beyond its ignored set: made on the first
/// handler, mask or alarm, so a process without them costs nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Signals {
    /// Caught signals and their actions, by signal number.
    caught: Vec<(i32, Action)>,
    /// The blocked mask.
    pub blocked: u64,
    /// Pending signals (standard signals do not queue: one each).
    pub pending: u64,
    /// `siginfo_t` of the pending signals.
    info: Vec<(i32, Info)>,
    /// When `alarm`'s `SIGALRM` is due (virtual ns).
    pub alarm: Option<u64>,
    /// The real-time timer's period after it goes off (`setitimer`'s
    /// `it_interval`, ns; 0: once).
    pub interval: u64,
    /// Handlers running, innermost last.
    frames: Vec<Resume>,
    /// At a call that blocks, not yet waiting in it: a signal now runs
    /// its handler before the call (which then blocks), as when it
    /// arrives just before `pause()`; once waiting, it interrupts the
    /// call. Entering the wait is a step of its own, so a search tries
    /// both (the lost wake-up of `while (!flag) pause();` is found).
    arriving: bool,
}

/// Bit of signal `sig` in a kernel mask.
pub fn bit(sig: i32) -> u64 {
    if (1..=64).contains(&sig) {
        1u64 << (sig - 1)
    } else {
        0
    }
}

/// The first real-time signal.
const SIGRTMIN: i32 = 34;
/// Real-time signals a process may have queued at once.
const MAX_QUEUED: usize = 4096;

/// What cannot be blocked.
const UNBLOCKABLE: u64 = (1 << (SIGKILL - 1)) | (1 << (SIGSTOP - 1));

impl Signals {
    /// The action for `sig`, if caught.
    pub fn action(&self, sig: i32) -> Option<Action> {
        self.recorded(sig).filter(|a| a.handler > SIG_IGN)
    }

    /// The action `sigaction` set for `sig` (flags and mask kept with a
    /// default or ignored handler too).
    fn recorded(&self, sig: i32) -> Option<Action> {
        self.caught.iter().find(|c| c.0 == sig).map(|c| c.1)
    }

    fn set_action(&mut self, sig: i32, a: Option<Action>) {
        self.caught.retain(|c| c.0 != sig);
        if let Some(a) = a {
            self.caught.push((sig, a));
            self.caught.sort_by_key(|c| c.0);
        }
    }

    /// `SIGCHLD`'s action has `SA_NOCLDWAIT`: children leave no zombie.
    pub fn no_zombies(&self) -> bool {
        self.recorded(crate::abi::signal::SIGCHLD).is_some_and(|a| a.flags & crate::abi::flags::SA_NOCLDWAIT != 0)
    }

    /// A handler is installed for `sig`.
    pub fn catches(&self, sig: i32) -> bool {
        self.action(sig).is_some()
    }

    /// The state a `fork` child starts with: dispositions and mask kept,
    /// no pending signal, no alarm (fork(2)); the running handlers' frames
    /// are kept, since the child's interpreter state holds them too.
    /// Takes one instance of pending signal `sig`: its `siginfo_t`; the
    /// signal stays pending while more (queued real-time ones) remain.
    fn dequeue(&mut self, sig: i32) -> Info {
        let got = self.info.iter().position(|x| x.0 == sig).map(|k| self.info.remove(k).1).unwrap_or_default();
        if !self.info.iter().any(|x| x.0 == sig) {
            self.pending &= !bit(sig);
        }
        got
    }

    pub fn for_child(&self) -> Signals {
        Signals { caught: self.caught.clone(), blocked: self.blocked, frames: self.frames.clone(), ..Default::default() }
    }
}

impl Machine {
    /// Process `i`'s signal state, made on first use.
    fn sigs(&mut self, i: usize) -> &mut Signals {
        self.procs[i].signals.get_or_insert_with(Default::default)
    }

    /// Makes `sig` pending for process `j` if it is caught or blocked
    /// there (true); false if the default action applies now.
    pub(super) fn post(&mut self, j: usize, sig: i32, info: Info) -> bool {
        let mask = self.effective_mask(j);
        let Some(s) = self.procs[j].signals.as_mut() else { return false };
        if sig == SIGKILL || !(s.catches(sig) || mask & bit(sig) != 0) {
            return false;
        }
        // A real-time signal queues (as many as Linux's default
        // RLIMIT_SIGPENDING would hold, in practice); a standard one is
        // pending once.
        if s.pending & bit(sig) == 0 || (sig >= SIGRTMIN && s.info.len() < MAX_QUEUED) {
            s.pending |= bit(sig);
            s.info.push((sig, info));
        }
        self.procs[j].parked = None;
        self.procs[j].spin.clear();
        true
    }

    /// The signal process `i` takes at its next step: the lowest caught,
    /// pending and unblocked one (`sigsuspend` blocks by its own mask).
    pub(super) fn deliverable(&self, i: usize) -> Option<i32> {
        let p = &self.procs[i];
        let s = p.signals.as_deref()?;
        if s.pending == 0 || !matches!(p.pending, Pending::Call(_) | Pending::Access(_) | Pending::Sleep(..) | Pending::Looping) {
            return None;
        }
        self.catchable(i, self.effective_mask(i))
    }

    /// The caught signal process `i` takes first among those pending and
    /// not in `mask`, if it can take one now: alive, not dying, and not
    /// inside a library routine's own writes or reads (a printf draining,
    /// stdin refilling), whose end the handler waits for.
    fn catchable(&self, i: usize, mask: u64) -> Option<i32> {
        let p = &self.procs[i];
        let s = p.signals.as_deref()?;
        let ready = s.pending & !mask;
        if ready == 0 || p.status.is_some() || p.dying.is_some() || p.stopped.is_some() || !p.proc.may_take_signal() {
            return None;
        }
        first_caught(s, ready)
    }

    /// The mask in effect: `sigsuspend`'s once it waits, else the
    /// process's own.
    fn effective_mask(&self, i: usize) -> u64 {
        let p = &self.procs[i];
        let Some(s) = p.signals.as_deref() else { return 0 };
        match p.pending {
            Pending::Call(Call::Proc(ProcCall::Sigsuspend { mask: Ok(m) })) if !s.arriving => m & !UNBLOCKABLE,
            _ => s.blocked,
        }
    }

    /// The signal process `i` takes between two instructions (after a
    /// call returned, or a handler): as [`Self::deliverable`], whatever
    /// its pending operation is.
    fn deliverable_now(&self, i: usize) -> Option<i32> {
        self.catchable(i, self.procs[i].signals.as_ref()?.blocked)
    }

    /// Applies the default action to the pending, unblocked signals that
    /// are not caught (after a mask or a disposition changed): death for
    /// most, nothing for those ignored or harmless.
    fn settle(&mut self, i: usize) {
        let mask = self.effective_mask(i);
        let p = &mut self.procs[i];
        let ignored = p.ignored;
        let Some(s) = p.signals.as_mut() else { return };
        let mut free = s.pending & !mask;
        let mut fatal = None;
        while free != 0 {
            let sig = free.trailing_zeros() as i32 + 1;
            free &= free - 1;
            if s.catches(sig) {
                continue;
            }
            s.pending &= !bit(sig);
            s.info.retain(|x| x.0 != sig);
            // Linux takes the synchronous ones first, then by number.
            let sync = matches!(sig, 4 | 5 | 7 | 8 | 11 | 31);
            if ignored & bit(sig) == 0 && !signal::default_is_harmless(sig) && (fatal.is_none() || sync) {
                fatal = Some(fatal.filter(|&f: &i32| matches!(f, 4 | 5 | 7 | 8 | 11 | 31)).unwrap_or(sig));
            }
        }
        if let Some(sig) = fatal {
            p.dying.get_or_insert(sig);
        }
    }

    /// Takes signal `sig` at process `i`'s step: before its pending
    /// operation, or interrupting the call it is blocked in.
    pub(super) fn take_signal(&mut self, i: usize, sig: i32, cx: &mut StepCtx) -> Option<What> {
        // The sender's `kill` happens before the delivery (for the race
        // detector; all signals as one family).
        cx.history.sync(crate::check::races::SyncKey::Family("signal"), false);
        let op = self.procs[i].pending;
        let action = self.procs[i].signals.as_ref().and_then(|s| s.action(sig));
        let arriving = self.procs[i].signals.as_ref().is_some_and(|s| s.arriving);
        let resume = match op {
            Pending::Call(call) if !arriving && !self.call_ready(i, &call) => {
                // A named pipe's waiting end closes either way: a restart
                // opens anew (as Linux's fifo_open, which drops it).
                self.abandon_fifo_open(i);
                // A write that moved bytes already returns their count.
                let partial = self.procs[i].io_done > 0;
                if !partial && action.is_some_and(|a| a.flags & SA_RESTART != 0) && call.restartable() {
                    // A restarted sem_wait looks at the value again; a
                    // restarted lock call starts anew (a new deadlock
                    // check, measured: flock and F_SETLKW restart).
                    self.procs[i].asleep = false;
                    self.procs[i].lock_wait = None;
                    Some(op)
                } else {
                    self.interrupt(i, &call, cx);
                    None
                }
            }
            Pending::Sleep(until, how) => {
                let left = until.saturating_sub(self.clock);
                let r = match how {
                    // glibc's sleep returns the whole seconds left
                    // (natively, 2 s into sleep(10) leaves 8 or 7.99..:
                    // a race the virtual clock settles at 8).
                    SleepFn::Sleep => (left / 1_000_000_000) as i64,
                    SleepFn::Nanosleep { rem } if rem != 0 => {
                        let secs = self.store(i, rem, MemTy::I64, left / 1_000_000_000);
                        match secs.and_then(|()| self.store(i, rem.wrapping_add(8), MemTy::I64, left % 1_000_000_000)) {
                            Ok(()) => -(EINTR as i64),
                            Err(()) => -(EFAULT as i64),
                        }
                    }
                    _ => -(EINTR as i64),
                };
                self.finish_call(i, &Call::Time(crate::abi::call::TimeCall::Sleep { how, ns: Ok(0) }), r, cx);
                None
            }
            // The handler, then the loop goes on.
            Pending::Looping => None,
            _ => Some(op),
        };
        self.run_handler(i, sig, resume, cx);
        cx.tracing().then_some(What::Handler { sig, interrupted: resume.is_none() && !matches!(op, Pending::Access(_)) })
    }

    /// Called when process `i` stops at its next operation: with
    /// handlers installed, reaching a call that blocks and waiting in it
    /// are two steps (see [`Signals::arriving`]).
    #[inline]
    pub(super) fn arrive(&mut self, i: usize) {
        if self.procs[i].signals.is_some() {
            self.arrive_caught(i);
        }
    }

    fn arrive_caught(&mut self, i: usize) {
        let at_call = matches!(self.procs[i].pending, Pending::Call(_));
        let Some(s) = self.procs[i].signals.as_mut() else { return };
        s.arriving = at_call && s.caught.iter().any(|c| c.1.handler > SIG_IGN);
        // Waiting in `sigsuspend` at once: what its mask unblocks acts.
        if !s.arriving && matches!(self.procs[i].pending, Pending::Call(Call::Proc(ProcCall::Sigsuspend { .. }))) {
            self.settle(i);
        }
    }

    /// Whether process `i`'s next step is entering the wait of the call
    /// it is blocked at.
    pub(super) fn enters_wait(&self, i: usize, time: TimeMode) -> bool {
        let p = &self.procs[i];
        let Pending::Call(call) = p.pending else { return false };
        if !p.signals.as_ref().is_some_and(|s| s.arriving) || p.parked.is_some() || self.call_ready(i, &call) {
            return false;
        }
        // A timed call waits unless its timeout has passed, or (lower-bound
        // time) comes before the alarm, if any.
        let epoch = crate::abi::EPOCH_SECS * 1_000_000_000;
        match call.deadline() {
            None => true,
            Some(d) if time == TimeMode::Strict => self.realtime() < d,
            Some(d) => self.procs[i].signals.as_ref().and_then(|s| s.alarm).is_some_and(|t| t <= d.saturating_sub(epoch)),
        }
    }

    /// Process `i` starts waiting in the call it stands at, by that
    /// call's own step (a lock call that found a conflict): a signal now
    /// interrupts the call rather than coming before it.
    pub(super) fn now_waiting(&mut self, i: usize) {
        if let Some(s) = self.procs[i].signals.as_mut() {
            s.arriving = false;
        }
    }

    /// Process `i` starts waiting in its blocked call.
    pub(super) fn enter_wait(&mut self, i: usize, cx: &mut StepCtx) -> Option<What> {
        self.sigs(i).arriving = false;
        // `sigsuspend`'s mask now holds: what it unblocks acts.
        self.settle(i);
        let Pending::Call(call) = self.procs[i].pending else { return None };
        cx.tracing().then_some(What::Blocks { call: call.name() })
    }

    /// Ends the blocked call `call` of process `i` early: what a big
    /// write moved so far, else `EINTR`.
    fn interrupt(&mut self, i: usize, call: &Call, cx: &mut StepCtx) {
        self.abandon_fifo_open(i);
        let done = self.procs[i].io_done;
        let r = match call {
            Call::Fd(FdCall::Write { .. }) if done > 0 => done as i64,
            _ => -(EINTR as i64),
        };
        self.finish_call(i, call, r, cx);
    }

    /// Completes process `i`'s call with result `r` (negative: `-errno`)
    /// without running on.
    fn finish_call(&mut self, i: usize, call: &Call, r: i64, cx: &mut StepCtx) {
        let p = &mut self.procs[i];
        p.io_done = 0;
        p.idrm = false;
        p.asleep = false;
        p.lock_wait = None;
        if r < 0 {
            p.proc.set_errno(cx.prog, (-r) as i32);
            p.proc.resume(call.failure_value());
        } else {
            p.proc.resume(r);
        }
    }

    /// Runs `sig`'s handler in process `i` to its first visible
    /// operation; `resume` is what comes after it returns.
    pub(super) fn run_handler(&mut self, i: usize, sig: i32, resume: Option<Pending>, cx: &mut StepCtx) {
        let entered = self.enter_signal_handler(i, sig, resume, cx) && self.enter_the_others(i, cx);
        // Only caught signals are delivered (defensively, go on); a
        // handler that could not be entered ends the process.
        if entered || (resume.is_none() && self.procs[i].fault.is_none()) {
            self.advance(i, false, cx);
        }
    }

    /// After a handler was entered: each other signal deliverable under
    /// its mask is entered too, on top of it, before any of them runs, as
    /// Linux sets up every frame before it returns to user mode (so with
    /// SIGINT and SIGTERM unblocked together, SIGTERM's handler runs
    /// first, then SIGINT's). False if one could not be entered and the
    /// process dies of it.
    fn enter_the_others(&mut self, i: usize, cx: &mut StepCtx) -> bool {
        while let Some(sig) = self.deliverable_now(i) {
            if !self.enter_signal_handler(i, sig, None, cx) {
                return self.procs[i].fault.is_none();
            }
        }
        true
    }

    /// Enters `sig`'s handler in process `i` (true), or makes the process
    /// die at its next step if it cannot be entered; `resume` is what
    /// comes after it returns.
    fn enter_signal_handler(&mut self, i: usize, sig: i32, resume: Option<Pending>, cx: &mut StepCtx) -> bool {
        cx.history.signal_handled(self.procs[i].pid, sig);
        let s = self.sigs(i);
        let info = s.dequeue(sig);
        let Some(a) = s.action(sig) else { return false };
        use crate::interp::fault::{Cause, Fault, Signal, Undefined};
        let span = self.procs[i].span(cx.prog);
        // A handler that is no function of the program: the jump faults.
        let Some(func) = cx.prog.callable(a.handler) else {
            self.fault_next(i, Fault::signal(Signal::Segv, Cause::BadCall { addr: a.handler }, span), cx);
            return false;
        };
        // One taking more than `sig, info, context` reads what is not there.
        if cx.prog.functions[func as usize].params.len() > 3 {
            let ub = Undefined::CallMismatch { func, args: if a.flags & SA_SIGINFO != 0 { 3 } else { 1 } };
            self.fault_next(i, Fault::undefined(ub, None, span), cx);
            return false;
        }
        let s = self.sigs(i);
        let old = s.blocked;
        let during = match resume {
            Some(Pending::Call(Call::Proc(ProcCall::Sigsuspend { mask: Ok(m) }))) => m,
            _ => old,
        };
        let own = if a.flags & SA_NODEFER != 0 { 0 } else { bit(sig) };
        s.blocked = (during | a.mask | own) & !UNBLOCKABLE;
        if a.flags & SA_RESETHAND != 0 {
            // Only the handler goes back to SIG_DFL; the flags stay.
            s.set_action(sig, Some(Action { handler: SIG_DFL, ..a }));
        }
        s.frames.push(Resume { mask: old, op: resume });
        let bytes = (a.flags & SA_SIGINFO != 0).then(|| crate::abi::sigaction::siginfo(sig, info.code, info.pid, info.status, info.value));
        match self.procs[i].proc.enter_handler(cx.prog, func, sig, bytes.as_ref().map(|b| &b[..])) {
            Ok(()) => true,
            Err(b) => {
                self.fault_next(i, Fault::signal(Signal::Segv, Cause::Memory(b), span), cx);
                false
            }
        }
    }

    /// A handler of process `i` returned: its mask comes back, then what
    /// it came before (or the code after the call it came after). True if
    /// the process runs on (the code after the call, or another handler
    /// entered now): the caller loops, so handlers nested thousands deep
    /// cost no native stack.
    pub(super) fn return_from_handler(&mut self, i: usize, cx: &mut StepCtx) -> bool {
        self.procs[i].proc.leave_handler();
        let Some(r) = self.sigs(i).frames.pop() else { return false };
        self.sigs(i).blocked = r.mask;
        self.settle(i);
        if let Some(op) = r.op {
            // Back at the call it came before (or restarts): reached anew.
            self.procs[i].pending = op;
            self.arrive(i);
        }
        // A signal that came while the handler ran, blocked by its mask,
        // is taken now, before the code it returns to goes on.
        if let Some(sig) = self.deliverable_now(i) {
            if self.enter_signal_handler(i, sig, r.op, cx) {
                return self.enter_the_others(i, cx);
            }
            if self.procs[i].fault.is_some() {
                return false;
            }
        }
        match r.op {
            Some(_) => {
                cx.history.reached(i, self.clock);
                false
            }
            None => true,
        }
    }

    /// Process `i` faulted with signal `sig` (its `Pending::Fault` is
    /// set): if it catches `sig` unblocked, the handler is entered, with
    /// the fault to come after it (true).
    pub(super) fn handle_fault(&mut self, i: usize, sig: i32, cx: &mut StepCtx) -> bool {
        let catches = self.procs[i].signals.as_ref().is_some_and(|s| s.catches(sig) && s.blocked & bit(sig) == 0);
        catches && self.enter_signal_handler(i, sig, Some(Pending::Fault), cx)
    }

    /// After process `i`'s call returned: a signal it unblocked or sent
    /// itself runs its handler before the next instruction, as on Linux.
    pub(super) fn deliver_now(&mut self, i: usize, cx: &mut StepCtx) -> bool {
        match self.deliverable_now(i) {
            Some(sig) => {
                self.run_handler(i, sig, None, cx);
                true
            }
            None => false,
        }
    }

    /// `signal(sig, handler)`: BSD semantics, as glibc gives them
    /// (`SA_RESTART`, the signal blocked while its handler runs).
    pub(super) fn signal(&mut self, i: usize, sig: i32, handler: u64) -> Sys {
        if !signal::can_set(sig) {
            return Sys::err(EINVAL);
        }
        let old = self.disposition(i, sig).handler;
        self.set_disposition(i, sig, Action { handler, flags: SA_RESTART, mask: 0 });
        Sys::Ret(old as i64)
    }

    /// The action for `sig` as `sigaction` reports it.
    fn disposition(&self, i: usize, sig: i32) -> Action {
        let p = &self.procs[i];
        let handler = if p.ignores(sig) { SIG_IGN } else { SIG_DFL };
        match p.signals.as_ref().and_then(|s| s.recorded(sig)) {
            Some(a) if a.handler > SIG_IGN => a,
            Some(a) => Action { handler, ..a },
            None => Action { handler, flags: 0, mask: 0 },
        }
    }

    fn set_disposition(&mut self, i: usize, sig: i32, a: Action) {
        let b = bit(sig);
        if a.handler == SIG_IGN {
            self.procs[i].ignored |= b;
        } else {
            self.procs[i].ignored &= !b;
        }
        if a.handler > SIG_IGN || a.flags != 0 || a.mask != 0 {
            self.sigs(i).set_action(sig, Some(a));
        } else if let Some(s) = self.procs[i].signals.as_mut() {
            s.set_action(sig, None);
        }
        // A pending signal now ignored is discarded, blocked or not
        // (POSIX); one now at its default acts once unblocked.
        let ignored = a.handler == SIG_IGN || (a.handler == SIG_DFL && signal::default_is_harmless(sig));
        if let Some(s) = self.procs[i].signals.as_mut().filter(|_| ignored) {
            s.pending &= !bit(sig);
            s.info.retain(|x| x.0 != sig);
        }
        self.settle(i);
    }

    /// `sigaction(sig, act, old)`.
    pub(super) fn sigaction(&mut self, i: usize, sig: i32, act: u64, old: u64) -> Sys {
        if !crate::abi::sigaction::valid(sig, act != 0) {
            return Sys::err(EINVAL);
        }
        let new = match act {
            0 => None,
            _ => match crate::abi::sigaction::read(&self.procs[i].proc.mem, &self.shared, act) {
                Ok(a) => Some(Action { mask: a.mask & !UNBLOCKABLE, ..a }),
                Err(_) => return Sys::err(EFAULT),
            },
        };
        let was = self.disposition(i, sig);
        if old != 0 {
            if crate::abi::sigaction::write(&mut self.procs[i].proc.mem, &mut self.shared, old, was).is_err() {
                return Sys::err(EFAULT);
            }
            if let Some((obj, _)) = self.procs[i].proc.mem.shared_location(old) {
                self.unpark_object(obj);
            }
        }
        if let Some(a) = new {
            self.set_disposition(i, sig, a);
        }
        Sys::Ret(0)
    }

    /// `sigprocmask(how, set, old)`.
    pub(super) fn sigprocmask(&mut self, i: usize, how: i32, set: u64, old: u64) -> Sys {
        let cur = self.procs[i].signals.as_ref().map_or(0, |s| s.blocked);
        let new = if set != 0 {
            let Ok(m) = self.procs[i].proc.mem.load(&self.shared, set, MemTy::I64) else { return Sys::err(EFAULT) };
            match how {
                SIG_BLOCK => cur | m,
                SIG_UNBLOCK => cur & !m,
                SIG_SETMASK => m,
                _ => return Sys::err(EINVAL),
            }
        } else {
            cur
        };
        if old != 0 && self.store(i, old, MemTy::I64, cur).is_err() {
            return Sys::err(EFAULT);
        }
        if new != cur {
            self.sigs(i).blocked = new & !UNBLOCKABLE;
            self.settle(i);
        }
        Sys::Ret(0)
    }

    /// `sigpending(set)`.
    pub(super) fn sigpending(&mut self, i: usize, set: u64) -> Sys {
        let s = self.procs[i].signals.as_ref().map_or(0, |s| s.pending & s.blocked);
        match self.store(i, set, MemTy::I64, s) {
            Ok(()) => Sys::Ret(0),
            Err(()) => Sys::err(EFAULT),
        }
    }

    /// `alarm(secs)`: the seconds left of the previous alarm, rounded as
    /// Linux rounds them (to the nearest, and at least 1 if any is left).
    pub(super) fn alarm(&mut self, i: usize, secs: u32) -> Sys {
        let now = self.clock;
        let s = self.sigs(i);
        let left = s.alarm.map_or(0, |t| t.saturating_sub(now));
        s.alarm = (secs > 0).then(|| now.saturating_add(secs as u64 * 1_000_000_000));
        s.interval = 0;
        let whole = left / 1_000_000_000;
        let frac = left % 1_000_000_000;
        Sys::Ret((whole + ((whole == 0 && frac > 0) || frac >= 500_000_000) as u64) as i64)
    }

    /// `sigtimedwait`: takes the first pending signal of `set` (the
    /// synchronous ones first, then by number, as Linux) instead of
    /// delivering it, its `siginfo_t` to `info`; `EAGAIN` when none is
    /// (its timeout passed).
    pub(super) fn sigtimedwait(
        &mut self,
        i: usize,
        set: Result<u64, i32>,
        info: u64,
        timeout: Result<Option<u64>, i32>,
        cx: &mut StepCtx,
    ) -> Sys {
        let set = match (set, timeout) {
            (Ok(set), Ok(_)) => set,
            (Err(e), _) | (_, Err(e)) => return Sys::err(e),
        };
        let Some(sig) = self.pending_in(i, set) else { return Sys::err(crate::abi::errno::EAGAIN) };
        cx.history.sync(crate::check::races::SyncKey::Family("signal"), false);
        cx.history.signal_handled(self.procs[i].pid, sig);
        let got = self.sigs(i).dequeue(sig);
        if info != 0 {
            let bytes = crate::abi::sigaction::siginfo(sig, got.code, got.pid, got.status, got.value);
            for (k, w) in bytes.chunks_exact(8).enumerate() {
                let v = u64::from_le_bytes(w.try_into().expect("8 bytes"));
                if self.store(i, info.wrapping_add(8 * k as u64), MemTy::I64, v).is_err() {
                    return Sys::err(EFAULT);
                }
            }
        }
        Sys::Ret(sig as i64)
    }

    /// A `longjmp` left `handlers` signal handlers of process `i`: their
    /// frames end without giving back the mask they saved (so a plain
    /// `longjmp` out of a handler leaves its signal blocked, as on
    /// Linux), and what they came before (a fault to die of, a call to
    /// restart) is dropped; `siglongjmp` restores `sigsetjmp`'s `mask`.
    pub(super) fn longjmp(&mut self, i: usize, handlers: u32, mask: Option<u64>, val: i32) -> Sys {
        for _ in 0..handlers {
            let Some(r) = self.procs[i].signals.as_mut().and_then(|s| s.frames.pop()) else { break };
            if r.op == Some(Pending::Fault) {
                self.procs[i].fault = None;
            }
        }
        if let Some(m) = mask {
            self.sigs(i).blocked = m & !UNBLOCKABLE;
            self.settle(i);
        }
        Sys::Ret(val as i64)
    }

    /// The pending signal of `set` `sigtimedwait` takes first.
    pub(super) fn pending_in(&self, i: usize, set: u64) -> Option<i32> {
        let s = self.procs[i].signals.as_deref()?;
        first_in(s.pending & set & !UNBLOCKABLE, |_| true)
    }

    /// `setitimer`: the real-time timer is `alarm`'s (each replaces the
    /// other); the CPU-time ones never go off, as computing takes no
    /// time in a simulated run, so they are refused.
    pub(super) fn setitimer(&mut self, i: usize, which: i32, value: Result<Itimer, i32>, old: u64) -> Sys {
        if which != 0 {
            return Sys::err(EINVAL);
        }
        let value = match value {
            Ok(v) => v,
            Err(e) => return Sys::err(e),
        };
        if old != 0 && self.write_itimer(i, old).is_err() {
            return Sys::err(EFAULT);
        }
        let now = self.clock;
        let s = self.sigs(i);
        s.alarm = (value.value > 0).then(|| now.saturating_add(value.value));
        s.interval = if value.value > 0 { value.interval } else { 0 };
        Sys::Ret(0)
    }

    /// `getitimer`.
    pub(super) fn getitimer(&mut self, i: usize, which: i32, out: u64) -> Sys {
        if which != 0 {
            return Sys::err(EINVAL);
        }
        match self.write_itimer(i, out) {
            Ok(()) => Sys::Ret(0),
            Err(()) => Sys::err(EFAULT),
        }
    }

    /// Stores process `i`'s real-time timer as a `struct itimerval` at
    /// `at` (microseconds, as Linux rounds them: up).
    fn write_itimer(&mut self, i: usize, at: u64) -> Result<(), ()> {
        let now = self.clock;
        let (left, period) = self.procs[i].signals.as_ref().map_or((0, 0), |s| (s.alarm.map_or(0, |t| t.saturating_sub(now)), s.interval));
        let us = |ns: u64| ns.div_ceil(1000);
        for (k, v) in [us(period) / 1_000_000, us(period) % 1_000_000, us(left) / 1_000_000, us(left) % 1_000_000].into_iter().enumerate() {
            self.store(i, at.wrapping_add(8 * k as u64), MemTy::I64, v)?;
        }
        Ok(())
    }

    /// Whether process `i`'s alarm may go off at its next step: when the
    /// clock has reached it, or (in lower-bound time, where durations are
    /// lower bounds) whenever the process waits in a call or a spin.
    pub(super) fn alarm_due(&self, i: usize, time: TimeMode) -> bool {
        let p = &self.procs[i];
        let Some(s) = p.signals.as_deref() else { return false };
        let Some(t) = s.alarm else { return false };
        if self.clock >= t {
            return true;
        }
        if time != TimeMode::LowerBound || s.arriving {
            return false;
        }
        // Waiting: the alarm may come first unless the wait ends by
        // itself before it (a shorter sleep or timeout).
        let epoch = crate::abi::EPOCH_SECS * 1_000_000_000;
        match p.pending {
            _ if p.parked.is_some() => true,
            Pending::Sleep(until, _) => t <= until,
            Pending::Call(c) if !self.call_ready(i, &c) => c.deadline().is_none_or(|d| t <= d.saturating_sub(epoch)),
            _ => false,
        }
    }

    /// Process `i`'s alarm goes off: the clock reaches it and `SIGALRM`
    /// is sent.
    pub(super) fn ring_alarm(&mut self, i: usize) {
        let s = self.sigs(i);
        let Some(t) = s.alarm.take() else { return };
        // A periodic timer comes round again.
        if s.interval > 0 {
            s.alarm = Some(t.saturating_add(s.interval));
        }
        self.clock = self.clock.max(t);
        self.send(i, SIGALRM, Info { pid: 0, code: SI_KERNEL, status: 0, value: 0 });
    }

    /// A write to a pipe or stream with no reader: whether the caller
    /// survives to see `EPIPE` (SIGPIPE ignored, or caught or blocked and
    /// made pending: its handler runs as the call returns) or dies of it.
    pub(super) fn survives_sigpipe(&mut self, i: usize) -> bool {
        use crate::abi::signal::SIGPIPE;
        if self.procs[i].ignores(SIGPIPE) {
            return true;
        }
        let me = self.procs[i].pid;
        self.post(i, SIGPIPE, Info { pid: me, code: crate::abi::flags::SI_USER, status: 0, value: 0 })
    }

    /// Process `j` stops (a stop signal's default action): its parent
    /// can see it with `waitpid(WUNTRACED)` and gets `SIGCHLD` (unless
    /// it asked not to, `SA_NOCLDSTOP`).
    pub(super) fn stop(&mut self, j: usize, sig: i32, cx: &mut StepCtx) {
        if self.procs[j].stopped.is_some() {
            return;
        }
        self.procs[j].stopped = Some(sig);
        self.procs[j].job_news = Some(0x7f | sig << 8);
        self.tell_parent_of_job(j, crate::abi::flags::CLD_STOPPED, sig, cx);
    }

    /// `SIGCONT` sent to process `j`: if stopped, it goes on (whatever
    /// the signal's disposition or mask), and its parent can see it with
    /// `waitpid(WCONTINUED)`.
    pub(super) fn resume_stopped(&mut self, j: usize, cx: &mut StepCtx) {
        if self.procs[j].stopped.take().is_none() {
            return;
        }
        self.procs[j].job_news = Some(0xffff);
        self.tell_parent_of_job(j, crate::abi::flags::CLD_CONTINUED, signal::SIGCONT, cx);
    }

    fn tell_parent_of_job(&mut self, j: usize, code: i32, sig: i32, cx: &mut StepCtx) {
        let (pid, ppid) = (self.procs[j].pid, self.procs[j].ppid);
        let Some(k) = self.index(ppid).filter(|&k| self.procs[k].status.is_none()) else { return };
        let nocldstop =
            self.procs[k].signals.as_ref().and_then(|s| s.recorded(signal::SIGCHLD)).is_some_and(|a| a.flags & SA_NOCLDSTOP != 0);
        if !nocldstop && self.send(k, signal::SIGCHLD, Info { pid, code, status: sig, value: 0 }) {
            cx.history.signal_sent(ppid, signal::SIGCHLD);
        }
    }

    /// Process `i` dies of `SIGPIPE`, raised by the kernel for a write
    /// nobody will read: a failure of the program, unless the process
    /// runs a built-in utility (`yes | head`: the writer of a pipeline
    /// ends so when the reader is done, and a shell reports nothing).
    pub(super) fn die_of_sigpipe(&mut self, i: usize, cause: crate::interp::fault::Cause, cx: &mut StepCtx) {
        use crate::abi::signal::SIGPIPE;
        if cx.prog.images[self.procs[i].proc.image as usize].utility {
            cx.history.sent.push((self.procs[i].pid, SIGPIPE));
        } else {
            let span = self.procs[i].span(cx.prog);
            let fault = crate::interp::fault::Fault::signal(crate::interp::fault::Signal::Pipe, cause, span);
            self.faulted(i, fault, cx);
        }
        self.terminate(i, crate::outcome::ExitStatus::Signal(SIGPIPE), cx);
    }

    /// `exec`: caught signals go back to their default action (ignored
    /// ones stay ignored); the mask, pending signals and the alarm stay.
    pub(super) fn exec_signals(&mut self, i: usize) {
        if let Some(s) = self.procs[i].signals.as_mut() {
            s.caught.clear();
            s.frames.clear();
            s.arriving = false;
        }
        self.settle(i);
    }

    /// Whether process `j` discards `sig` as it is sent: an ignored one,
    /// unless blocked. Linux's `sig_ignored` keeps a blocked one pending,
    /// since the handler may change before it is unblocked (if it is
    /// still ignored then, `settle` discards it).
    pub(super) fn discards(&self, j: usize, sig: i32) -> bool {
        sig != SIGKILL && self.procs[j].ignores(sig) && self.effective_mask(j) & bit(sig) == 0
    }

    /// Sends `sig` to process `j` (already checked as a valid target):
    /// ignored, made pending, or its default action.
    /// Whether it was made pending (for a handler, or blocked).
    pub(super) fn send(&mut self, j: usize, sig: i32, info: Info) -> bool {
        if self.discards(j, sig) {
            return false;
        }
        if self.post(j, sig, info) {
            return true;
        }
        if !signal::default_is_harmless(sig) {
            self.procs[j].dying.get_or_insert(sig);
            self.procs[j].parked = None;
        }
        false
    }
}

/// The signal Linux delivers first among `ready` (caught ones only): the
/// synchronous ones (SIGILL, SIGTRAP, SIGBUS, SIGFPE, SIGSEGV, SIGSYS)
/// first, then by number.
fn first_caught(s: &Signals, ready: u64) -> Option<i32> {
    first_in(ready, |g| s.catches(g))
}

/// The signal of `ready` Linux takes first among those `ok` accepts: the
/// synchronous ones, then by number.
fn first_in(ready: u64, ok: impl Fn(i32) -> bool) -> Option<i32> {
    const SYNC: [i32; 6] = [4, 5, 7, 8, 11, 31];
    let pick = |g: &i32| ready & bit(*g) != 0 && ok(*g);
    SYNC.iter().copied().find(pick).or_else(|| (1..=64).find(pick))
}
