//! `poll` and `select` over any descriptors: each file's readiness as
//! Linux's `f_op->poll` reports it (`linux-ipc-semantics.md` §4b, the
//! measured table of `SEMANTICS.md` section 9), and waiting until one
//! is ready or the timeout passes on the virtual clock.

use super::fd::FileKind;
use super::Machine;
use crate::abi::call::{Call, FdCall, SockCall};
use crate::abi::errno::{EBADF, EFAULT, EINVAL};
use crate::ipc::socket::{Family, Kind, State};
use crate::ir::MemTy;

pub const POLLIN: i16 = 0x001;
pub const POLLPRI: i16 = 0x002;
pub const POLLOUT: i16 = 0x004;
pub const POLLERR: i16 = 0x008;
pub const POLLHUP: i16 = 0x010;
pub const POLLNVAL: i16 = 0x020;
pub const POLLRDNORM: i16 = 0x040;
pub const POLLWRNORM: i16 = 0x100;
pub const POLLRDHUP: i16 = 0x2000;

/// `FD_SETSIZE`: the descriptors a `fd_set` holds.
pub const FD_SETSIZE: i32 = 1024;
/// `RLIMIT_NOFILE` as the simulator has it (`poll`'s `nfds` limit).
const NFDS_MAX: u64 = crate::abi::limits::MAX_FDS as u64;

/// A mask with the "normal data" twins Linux reports beside `POLLIN`
/// and `POLLOUT`.
fn with_norm(m: i16) -> i16 {
    m | if m & POLLIN != 0 { POLLRDNORM } else { 0 } | if m & POLLOUT != 0 { POLLWRNORM } else { 0 }
}

impl Machine {
    /// The events file descriptor `fd` of process `i` has now (before
    /// masking with what was asked): `POLLNVAL` if it is not open.
    pub(super) fn events_of(&self, i: usize, fd: i32) -> i16 {
        let Some((_, f)) = self.file_of(i, fd as i64) else { return POLLNVAL };
        let mask = match f.kind {
            FileKind::PipeRead(p) => {
                let pipe = &self.pipes[p as usize];
                (if pipe.available() > 0 { POLLIN } else { 0 }) | if pipe.writers == 0 { POLLHUP } else { 0 }
            }
            FileKind::PipeWrite(p) => {
                // `pipe_poll`: room, and an error once no one reads.
                let pipe = &self.pipes[p as usize];
                (if pipe.slots_free() { POLLOUT } else { 0 }) | if pipe.readers == 0 { POLLERR } else { 0 }
            }
            FileKind::PipeBoth(p) => {
                let pipe = &self.pipes[p as usize];
                (if pipe.available() > 0 { POLLIN } else { 0 }) | if pipe.slots_free() { POLLOUT } else { 0 }
            }
            FileKind::Mq(q) => match self.mq.queues[q as usize].as_ref() {
                Some(queue) => (if queue.msgs.is_empty() { 0 } else { POLLIN }) | if queue.full() { 0 } else { POLLOUT },
                None => POLLNVAL,
            },
            FileKind::Socket(s) => self.socket_events(s),
            FileKind::Out(_) => POLLOUT,
            FileKind::Stdin | FileKind::Shm(_) | FileKind::DevNull | FileKind::DevZero | FileKind::Dir(_) | FileKind::Mbox(_) => {
                POLLIN | POLLOUT
            }
        };
        with_norm(mask)
    }

    /// A socket's events (`tcp_poll`, `udp_poll`, `unix_poll`), as
    /// measured for TCP and UDP.
    fn socket_events(&self, s: u32) -> i16 {
        let me = self.sock(s);
        let mut m = 0;
        if me.err != 0 {
            m |= POLLERR;
        }
        if let State::Listening { pending, .. } = &me.state {
            return if pending.is_empty() { 0 } else { POLLIN };
        }
        let closed = me.state != State::Connected && me.kind.connected();
        if me.no_send && me.no_recv || closed && (me.family == Family::Inet || me.kind != Kind::Dgram) {
            m |= POLLHUP;
        }
        if me.fin || me.no_recv {
            m |= POLLRDHUP;
        }
        if !me.rx.is_empty() || me.no_recv || me.fin {
            m |= POLLIN;
        }
        let room = match (me.family, me.kind, me.peer) {
            (_, Kind::Stream, Some(p)) if me.state == State::Connected && !self.sock(p).dead => {
                if me.family == Family::Inet {
                    self.tcp_room(s, p) > 0
                } else {
                    me.may_alloc()
                }
            }
            _ => true,
        };
        if room || me.no_send || closed {
            m |= POLLOUT;
        }
        m
    }

    /// Whether any of the `nfds` entries of the `struct pollfd` array at
    /// `fds` has an event asked for (or one always reported).
    pub(super) fn poll_ready(&self, i: usize, fds: u64, nfds: u64) -> bool {
        nfds > NFDS_MAX || (0..nfds).any(|k| self.pollfd(i, fds, k).map_or(true, |(fd, ev)| self.revents(i, fd, ev) != 0))
    }

    fn pollfd(&self, i: usize, fds: u64, k: u64) -> Result<(i32, i16), i32> {
        let mem = &self.procs[i].proc.mem;
        let at = fds.wrapping_add(8 * k);
        let fd = mem.load(&self.shared, at, MemTy::I32).map_err(|_| EFAULT)? as i32;
        let ev = mem.load(&self.shared, at.wrapping_add(4), MemTy::I16).map_err(|_| EFAULT)? as i16;
        Ok((fd, ev))
    }

    fn revents(&self, i: usize, fd: i32, events: i16) -> i16 {
        if fd < 0 {
            return 0;
        }
        self.events_of(i, fd) & (events | POLLERR | POLLHUP | POLLNVAL)
    }

    /// `poll(fds, nfds, timeout)` once ready or timed out: fills each
    /// `revents`, returns how many are non-zero.
    pub(super) fn poll(&mut self, i: usize, fds: u64, nfds: u64) -> Result<i64, i32> {
        if nfds > NFDS_MAX {
            return Err(EINVAL);
        }
        let mut n = 0;
        for k in 0..nfds {
            let (fd, ev) = self.pollfd(i, fds, k)?;
            let r = self.revents(i, fd, ev);
            n += (r != 0) as i64;
            let at = fds.wrapping_add(8 * k + 6);
            self.store(i, at, MemTy::I16, r as u16 as u64).map_err(|_| EFAULT)?;
        }
        Ok(n)
    }

    /// The descriptors of `fd_set` `set` below `nfds` (none if `set` is
    /// null).
    fn fd_set(&self, i: usize, set: u64, nfds: i32) -> Result<Vec<i32>, i32> {
        if set == 0 {
            return Ok(Vec::new());
        }
        let mem = &self.procs[i].proc.mem;
        let words = (nfds as u64).div_ceil(64);
        let mut v = Vec::new();
        for w in 0..words {
            let bits = mem.load(&self.shared, set.wrapping_add(8 * w), MemTy::I64).map_err(|_| EFAULT)?;
            v.extend((0..64).filter(|b| bits >> b & 1 != 0).map(|b| (w * 64 + b) as i32).filter(|&fd| fd < nfds));
        }
        Ok(v)
    }

    /// The ready descriptors of `select`'s three sets: `EBADF` for one
    /// that is not open.
    fn selected(&self, i: usize, nfds: i32, sets: [u64; 3]) -> Result<[Vec<i32>; 3], i32> {
        if nfds < 0 {
            return Err(EINVAL);
        }
        // Linux looks no further than its descriptor table.
        let nfds = nfds.min(FD_SETSIZE);
        let want = [POLLIN | POLLHUP | POLLERR, POLLOUT | POLLERR, POLLPRI];
        let mut out: [Vec<i32>; 3] = Default::default();
        for (k, &set) in sets.iter().enumerate() {
            for fd in self.fd_set(i, set, nfds)? {
                let e = self.events_of(i, fd);
                if e & POLLNVAL != 0 {
                    return Err(EBADF);
                }
                if e & want[k] != 0 {
                    out[k].push(fd);
                }
            }
        }
        Ok(out)
    }

    /// Whether `select` would return now (a descriptor ready, or an error).
    pub(super) fn select_ready(&self, i: usize, nfds: i32, sets: [u64; 3]) -> bool {
        self.selected(i, nfds, sets).map_or(true, |r| r.iter().any(|v| !v.is_empty()))
    }

    /// `select` once ready or timed out: each set keeps only its ready
    /// descriptors; returns their count.
    pub(super) fn select(&mut self, i: usize, nfds: i32, sets: [u64; 3]) -> Result<i64, i32> {
        let ready = self.selected(i, nfds, sets)?;
        let nfds = nfds.min(FD_SETSIZE);
        for (k, &set) in sets.iter().enumerate() {
            if set == 0 {
                continue;
            }
            let words = (nfds as u64).div_ceil(64);
            for w in 0..words {
                let bits = ready[k].iter().filter(|&&fd| fd as u64 / 64 == w).fold(0u64, |b, &fd| b | 1 << (fd as u64 % 64));
                self.store(i, set.wrapping_add(8 * w), MemTy::I64, bits).map_err(|_| EFAULT)?;
            }
        }
        Ok(ready.iter().map(|v| v.len() as i64).sum())
    }

    /// A `struct timeval` at `at`, in ns: `EINVAL` if negative or its
    /// microseconds are out of range.
    pub(super) fn timeval(&self, i: usize, at: u64) -> Result<u64, i32> {
        let (sec, usec) = self.read_timeval(i, at)?;
        if sec < 0 || !(0..1_000_000).contains(&usec) {
            return Err(EINVAL);
        }
        Ok((sec as u64).saturating_mul(1_000_000_000).saturating_add(usec as u64 * 1000))
    }

    /// The seconds and microseconds of the `struct timeval` at `at`, as
    /// they are (each caller has its own rules for bad values).
    pub(super) fn read_timeval(&self, i: usize, at: u64) -> Result<(i64, i64), i32> {
        let mem = &self.procs[i].proc.mem;
        let sec = mem.load(&self.shared, at, MemTy::I64).map_err(|_| EFAULT)? as i64;
        let usec = mem.load(&self.shared, at.wrapping_add(8), MemTy::I64).map_err(|_| EFAULT)? as i64;
        Ok((sec, usec))
    }

    /// Linux writes back the time `select` had left.
    pub(super) fn timeval_left(&mut self, i: usize, at: u64) -> Result<(), i32> {
        if at == 0 {
            return Ok(());
        }
        let left = self.procs[i].timeout_at.map_or(0, |t| t.saturating_sub(self.clock));
        self.store(i, at, MemTy::I64, left / 1_000_000_000).map_err(|_| EFAULT)?;
        self.store(i, at.wrapping_add(8), MemTy::I64, left % 1_000_000_000 / 1000).map_err(|_| EFAULT)
    }

    /// How long the call may wait before it times out (`None`: for
    /// ever): `poll`'s and `select`'s timeouts, a socket's
    /// `SO_RCVTIMEO` and `SO_SNDTIMEO`.
    pub(super) fn relative_timeout(&self, i: usize, call: &Call) -> Option<u64> {
        let sock = |fd: i32, rcv: bool| {
            let (s, _) = self.sock_of(i, fd).ok()?;
            let o = &self.sock(s).opts;
            Some(if rcv { o.rcvtimeo } else { o.sndtimeo }).filter(|&t| t > 0)
        };
        let sockets = !self.socks.socks.is_empty();
        match *call {
            // Most calls of most runs: no socket, no timeout to look up.
            Call::Fd(FdCall::Read { .. } | FdCall::Write { .. }) if !sockets => None,
            Call::Fd(FdCall::Poll { timeout_ms, .. }) => (timeout_ms >= 0).then(|| timeout_ms as u64 * 1_000_000),
            Call::Proc(crate::abi::call::ProcCall::Sigtimedwait { timeout: Ok(t), .. }) => t,
            Call::Fd(FdCall::Select { timeout, .. }) if timeout != 0 => self.timeval(i, timeout).ok(),
            Call::Sock(SockCall::Recv { fd, .. } | SockCall::Accept { fd, .. }) | Call::Fd(FdCall::Read { fd, .. }) => sock(fd, true),
            Call::Sock(SockCall::Send { fd, .. } | SockCall::Connect { fd, .. }) | Call::Fd(FdCall::Write { fd, .. }) => sock(fd, false),
            _ => None,
        }
    }
}
