//! Injected faults: a crashed process (`--crash`) and a faulty network
//! (`--net-faults`), off unless asked for. Each fault is a *move* of the
//! scheduler beside the ordinary steps: where a process could take its
//! next step, it can instead be killed (SIGKILL), or have the datagram it
//! is sending lost, duplicated or put ahead of the queue, or the TCP
//! connection it uses reset. A move is chosen like any other step, so it
//! is in the token, replayed, searched and shrunk; the trace marks it as
//! injected. A move is encoded in the ready list as the process's index
//! plus [`MOVE`] times its kind.

use super::{Config, Machine, StepCtx};
use crate::abi::call::{Call, FdCall, SockCall};
use crate::abi::errno::ECONNRESET;
pub use crate::abi::injected::Fault;
use crate::abi::signal::SIGKILL;
use crate::ipc::socket::{Family, Kind, State};

/// Ready-list entries at or above this are moves other than a step: a
/// store-buffer flush (below `2 * MOVE`), then the injected faults, then
/// the loads of older stores (`--memory arm`, from `STALE * MOVE`).
pub const MOVE: usize = crate::abi::limits::MAX_PROCS;

/// The first multiple of [`MOVE`] past the faults: stale loads.
const STALE: usize = 2 + Fault::ALL.len();

/// The process an entry of the ready list belongs to.
pub fn proc_of(entry: usize) -> usize {
    entry % MOVE
}

/// Whether a ready-list entry is an injected fault (the hot path's
/// test: one comparison).
pub fn is_fault(entry: usize) -> bool {
    (2 * MOVE..STALE * MOVE).contains(&entry)
}

/// Whether a ready-list entry is a load of an older store (`--memory
/// arm`; the hot path's test: one comparison).
pub fn is_stale(entry: usize) -> bool {
    entry >= STALE * MOVE
}

/// How many places older than the newest the store an entry's load reads
/// is (`--memory arm`; 0: not such a move).
pub fn stale_of(entry: usize) -> u32 {
    (entry / MOVE).saturating_sub(STALE - 1) as u32
}

/// The move of process index `i` whose load reads the store `j >= 1`
/// places older than the newest it may read.
pub fn stale_entry(i: usize, j: u32) -> usize {
    i + MOVE * (STALE - 1 + j as usize)
}

/// Whether a ready-list entry is a flush of a store buffer
/// (`--memory tso`).
pub fn is_flush(entry: usize) -> bool {
    (MOVE..2 * MOVE).contains(&entry)
}

/// The flush move of process index `i`.
pub fn flush_entry(i: usize) -> usize {
    i + MOVE
}

/// The injected fault an entry stands for, if any.
pub fn fault_of(entry: usize) -> Option<Fault> {
    if !is_fault(entry) {
        return None;
    }
    Fault::ALL.get((entry / MOVE).wrapping_sub(2)).copied()
}

impl Fault {
    /// Its ready-list entry for process index `i`.
    pub fn entry(self, i: usize) -> usize {
        i + MOVE * (self as usize + 2)
    }
}

/// Which processes may crash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CrashTarget {
    /// Any process of the run.
    Any,
    /// The process with this pid.
    Pid(i32),
}

/// The faults a run may be given (`--crash`, `--crash-max`,
/// `--net-faults`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Faults {
    /// Who may crash (`None`: nobody).
    pub crash: Option<CrashTarget>,
    /// Most crashes in one run.
    pub crash_max: u32,
    /// Network faults allowed.
    pub net: Vec<Fault>,
}

/// A bad `--net-faults` item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownFault(pub String);

impl std::fmt::Display for UnknownFault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown network fault '{}' (expected loss, dup, reorder, delay or reset)", self.0)
    }
}

impl Faults {
    /// Parses a `--net-faults` list. `delay` is `reorder`: on loopback a
    /// delayed datagram is one that later ones overtake.
    pub fn parse_net(list: &str) -> Result<Vec<Fault>, UnknownFault> {
        let mut v = Vec::new();
        for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let f = match item {
                "loss" => Fault::Loss,
                "dup" => Fault::Dup,
                "reorder" | "delay" => Fault::Reorder,
                "reset" => Fault::Reset,
                other => return Err(UnknownFault(other.to_string())),
            };
            if !v.contains(&f) {
                v.push(f);
            }
        }
        v.sort();
        Ok(v)
    }

    /// The command-line options that ask for these faults (empty for
    /// none), with a leading space.
    pub fn args(&self) -> String {
        let mut s = String::new();
        match self.crash {
            Some(CrashTarget::Any) => s.push_str(" --crash any"),
            Some(CrashTarget::Pid(p)) => s.push_str(&format!(" --crash {p}")),
            None => {}
        }
        if self.crash.is_some() && self.crash_max != 1 {
            s.push_str(&format!(" --crash-max {}", self.crash_max));
        }
        if !self.net.is_empty() {
            let names: Vec<&str> = self.net.iter().map(|f| f.arg()).collect();
            s.push_str(&format!(" --net-faults {}", names.join(",")));
        }
        s
    }

    /// Whether any fault can be injected.
    pub fn any(&self) -> bool {
        self.crash.is_some() || !self.net.is_empty()
    }
}

impl Machine {
    /// Makes move `entry` of the ready list: a process's step, a flush of
    /// its store buffer, its step reading an older store, or a fault
    /// injected into it.
    pub fn play(&mut self, entry: usize, cx: &mut StepCtx) {
        // The hot path: a process's own step, one comparison.
        if entry < MOVE {
            return self.step(entry, cx);
        }
        let i = proc_of(entry);
        match fault_of(entry) {
            Some(f) => self.inject(i, f, cx),
            None if is_flush(entry) => self.flush_move(i, cx),
            None => self.step_stale(i, stale_of(entry), cx),
        }
    }

    /// Appends to `ready` the injected moves open to the ready processes
    /// already in it.
    pub(super) fn fault_moves(&self, config: &Config, ready: &mut Vec<usize>) {
        let f = &config.faults;
        let n = ready.len();
        for k in 0..n {
            let i = ready[k];
            if i >= MOVE {
                // A flush is no operation of the process's own.
                continue;
            }
            let p = &self.procs[i];
            let crash = match f.crash {
                Some(CrashTarget::Any) => true,
                Some(CrashTarget::Pid(pid)) => pid == p.pid,
                None => false,
            };
            if crash && self.crashes < f.crash_max && p.dying.is_none() && p.status.is_none() && self.operating(i) {
                ready.push(Fault::Crash.entry(i));
            }
            if f.net.is_empty() {
                continue;
            }
            match self.sends_on(i) {
                Some((Kind::Dgram, _)) => ready.extend(f.net.iter().filter(|&&x| x != Fault::Reset).map(|x| x.entry(i))),
                Some((Kind::Stream, true)) if f.net.contains(&Fault::Reset) => ready.push(Fault::Reset.entry(i)),
                _ => {}
            }
        }
    }

    /// Whether process `i` is at an operation of its own (not ending).
    fn operating(&self, i: usize) -> bool {
        use super::Pending;
        matches!(self.procs[i].pending, Pending::Call(_) | Pending::Access(_) | Pending::Sleep(..))
    }

    /// The IPv4 socket process `i`'s pending call sends on (or, for TCP,
    /// uses at all), with whether a TCP one is connected.
    fn sends_on(&self, i: usize) -> Option<(Kind, bool)> {
        let super::Pending::Call(call) = self.procs[i].pending else { return None };
        let (fd, send) = match call {
            Call::Sock(SockCall::Send { fd, .. }) | Call::Fd(FdCall::Write { fd, .. }) => (fd, true),
            Call::Sock(SockCall::Recv { fd, .. }) | Call::Fd(FdCall::Read { fd, .. }) => (fd, false),
            _ => return None,
        };
        let (s, _) = self.sock_of(i, fd).ok()?;
        let me = self.sock(s);
        match (me.family, me.kind) {
            (Family::Inet, Kind::Dgram) if send => Some((Kind::Dgram, false)),
            (Family::Inet, Kind::Stream) => {
                Some((Kind::Stream, me.state == State::Connected && me.peer.is_some_and(|p| !self.sock(p).dead)))
            }
            _ => None,
        }
    }

    /// Performs injected move `fault` on process `i`, then (unless it
    /// crashed) the process's own step, which the fault affects.
    pub fn inject(&mut self, i: usize, fault: Fault, cx: &mut StepCtx) {
        cx.history.injecting = Some(fault);
        match fault {
            Fault::Crash => {
                self.crashes += 1;
                let span = self.procs[i].span(cx.prog);
                self.crashed.push((self.procs[i].pid, cx.prog.sources.describe(span)));
                // The death is what was injected, not the program's failure
                // (as a death by another process's `kill` is not).
                cx.history.sent.push((self.procs[i].pid, SIGKILL));
                self.procs[i].dying = Some(SIGKILL);
            }
            Fault::Reset => self.reset_connection(i),
            net => self.net_fault = Some(net),
        }
        self.step(i, cx);
        self.net_fault = None;
        cx.history.injecting = None;
    }

    /// Resets the TCP connection process `i` is about to use: both ends
    /// learn `ECONNRESET` and neither can send or receive any more.
    fn reset_connection(&mut self, i: usize) {
        let super::Pending::Call(call) = self.procs[i].pending else { return };
        let Some(fd) = call.fd() else { return };
        let Ok((s, _)) = self.sock_of(i, fd) else { return };
        let peer = self.sock(s).peer;
        for end in std::iter::once(s).chain(peer) {
            let e = self.sock_mut(end);
            e.err = ECONNRESET;
            e.no_send = true;
            e.no_recv = true;
        }
    }
}
