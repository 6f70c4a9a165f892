//! Calls on `AF_UNIX` sockets: the kernel's glue between descriptors,
//! the caller's memory and the rules of `ipc/socket.rs`, in the order
//! `net/unix/af_unix.c` checks things (so the errno of a call with two
//! faults is Linux's). `read` and `write` on a socket are `recv` and
//! `send` with no flags. A call that would block is not ready until
//! another process changes what it waits for.

use super::calls::Sys;
use super::fd::{FileKind, MAX_FDS, NONBLOCK};
use super::inet::{TCP_MSS, TCP_SNDBUF_CONNECTED};
use super::{Machine, StepCtx};
use crate::abi::call::{SockCall, Src};
use crate::abi::errno::*;
use crate::interp::fault::Cause;
use crate::ipc::socket::{
    dgram_truesize, stream_chunk, stream_truesize, Family, Kind, Skb, Socket, State, ADDR_MAX, MAX_DGRAM, MAX_DGRAM_QLEN, PATH_OFFSET,
    SOMAXCONN,
};
use crate::ipc::sockname::{self, Address};
use crate::ir::MemTy;

const AF_UNIX: i32 = 1;
const AF_INET: i32 = 2;
const SOCK_NONBLOCK: i32 = 0o4000;
const SOCK_CLOEXEC: i32 = 0o2000000;
const MSG_OOB: i32 = 0x1;
const MSG_PEEK: i32 = 0x2;
const MSG_TRUNC: i32 = 0x20;
const MSG_DONTWAIT: i32 = 0x40;
const MSG_NOSIGNAL: i32 = 0x4000;
const O_RDWR: i32 = 2;

/// A send or receive, whichever call made it (`send`, `write`, ...).
#[derive(Debug, Clone, Copy)]
pub(super) struct Io {
    pub buf: u64,
    pub len: u64,
    pub flags: i32,
    /// `sendto`'s destination or `recvfrom`'s source (0: none).
    pub addr: u64,
    /// `sendto`'s address length, or `recvfrom`'s length pointer.
    pub alen: u64,
    /// A send's bytes are a stdio flush, not at `buf`.
    pub stdio: bool,
}

impl Io {
    /// `read`/`write` on a socket.
    pub(super) fn plain(buf: Src, len: u64) -> Io {
        match buf {
            Src::Mem(buf) => Io { buf, len, flags: 0, addr: 0, alen: 0, stdio: false },
            Src::Stdio => Io { buf: 0, len, flags: 0, addr: 0, alen: 0, stdio: true },
        }
    }

    pub(super) fn src(&self) -> Src {
        if self.stdio {
            Src::Stdio
        } else {
            Src::Mem(self.buf)
        }
    }
}

impl Machine {
    pub(super) fn sock(&self, s: u32) -> &Socket {
        self.socks.socks[s as usize].as_ref().expect("a referenced socket exists")
    }

    pub(super) fn sock_mut(&mut self, s: u32) -> &mut Socket {
        self.socks.socks[s as usize].as_mut().expect("a referenced socket exists")
    }

    /// The socket behind descriptor `fd` with its file's flags:
    /// `EBADF`, or `ENOTSOCK` for another kind of file.
    pub(crate) fn sock_of(&self, i: usize, fd: i32) -> Result<(u32, i32), i32> {
        let (_, file) = self.file_of(i, fd as i64).ok_or(EBADF)?;
        match file.kind {
            FileKind::Socket(s) => Ok((s, file.flags)),
            _ => Err(ENOTSOCK),
        }
    }

    /// Whether the call can go on now (or fails at once).
    pub(super) fn sock_ready(&self, i: usize, c: &SockCall) -> bool {
        match *c {
            SockCall::Accept { fd, .. } => match self.sock_of(i, fd) {
                Ok((s, flags)) => match &self.sock(s).state {
                    State::Listening { pending, .. } => flags & NONBLOCK != 0 || !pending.is_empty(),
                    _ => true,
                },
                Err(_) => true,
            },
            SockCall::Connect { fd, addr, len } => match self.sock_of(i, fd) {
                // Waits only for room in a listener's backlog.
                Ok((s, flags)) if flags & NONBLOCK == 0 && self.sock(s).kind.connected() => match self.sock(s).family {
                    Family::Unix => !self.lookup(i, addr, len, self.sock(s).kind.number()).is_ok_and(|t| self.backlog_full(t)),
                    Family::Inet => !self.inet_connect_waits(i, s, addr, len),
                },
                _ => true,
            },
            SockCall::Send { fd, buf, len, flags, to, tolen, .. } => {
                self.send_ready(i, fd, Io { buf, len, flags, addr: to, alen: tolen as u64, stdio: false })
            }
            SockCall::Recv { fd, flags, .. } => self.recv_ready(i, fd, flags),
            _ => true,
        }
    }

    pub(super) fn backlog_full(&self, t: u32) -> bool {
        match &self.sock(t).state {
            State::Listening { backlog, pending } => pending.len() as u64 > *backlog as u64,
            _ => false,
        }
    }

    /// A send would not block.
    pub(super) fn send_ready(&self, i: usize, fd: i32, io: Io) -> bool {
        let Ok((s, flags)) = self.sock_of(i, fd) else { return true };
        let me = self.sock(s);
        if flags & NONBLOCK != 0 || io.flags & MSG_DONTWAIT != 0 || io.len == 0 && me.kind == Kind::Stream {
            return true;
        }
        if me.family == Family::Inet {
            // UDP never waits on loopback; TCP waits for room in flight.
            let p = me.peer.filter(|_| me.kind == Kind::Stream && me.state == State::Connected && !me.no_send && me.err == 0);
            return p.is_none_or(|p| self.sock(p).dead || self.tcp_room(s, p) > 0);
        }
        let target = match me.kind {
            Kind::Dgram if io.addr != 0 && io.alen != 0 => self.lookup(i, io.addr, io.alen as u32, me.kind.number()).ok(),
            _ => me.peer,
        };
        let Some(t) = target else { return true };
        let other = self.sock(t);
        if me.no_send || other.dead || other.no_recv || me.err != 0 {
            return true;
        }
        let queue_full = me.kind == Kind::Dgram && other.peer != Some(s) && other.rx.len() > MAX_DGRAM_QLEN;
        me.may_alloc() && !queue_full
    }

    /// A receive would not block.
    pub(super) fn recv_ready(&self, i: usize, fd: i32, flags: i32) -> bool {
        let Ok((s, fl)) = self.sock_of(i, fd) else { return true };
        let me = self.sock(s);
        // Measured: a datagram socket shut for reading returns 0 to a
        // blocking receive (and EAGAIN to a non-blocking one).
        let eof = me.no_recv || me.kind.connected() && me.state != State::Connected || me.fin;
        fl & NONBLOCK != 0 || flags & MSG_DONTWAIT != 0 || !me.rx.is_empty() || me.err != 0 || eof
    }

    pub(super) fn sock_call(&mut self, i: usize, c: SockCall, cx: &mut StepCtx) -> Sys {
        match c {
            SockCall::Socketpair { domain, ty, protocol, sv } => Sys::from(self.socketpair(i, domain, ty, protocol, sv)),
            SockCall::Socket { domain, ty, protocol } => Sys::from(self.socket(i, domain, ty, protocol)),
            SockCall::Bind { fd, addr, len } => Sys::from(self.bind(i, fd, addr, len)),
            SockCall::Listen { fd, backlog } => Sys::from(self.listen(i, fd, backlog)),
            SockCall::Accept { fd, addr, len } => Sys::from(self.accept(i, fd, addr, len)),
            SockCall::Connect { fd, addr, len } => Sys::from(self.connect(i, fd, addr, len)),
            SockCall::Name { fd, addr, len, peer } => Sys::from(self.sock_name(i, fd, addr, len, peer)),
            SockCall::SetOpt { fd, level, name, val, len } => Sys::from(self.setsockopt(i, fd, level, name, val, len)),
            SockCall::GetOpt { fd, level, name, val, len } => Sys::from(self.getsockopt(i, fd, level, name, val, len)),
            SockCall::Send { fd, buf, len, flags, to, tolen, .. } => match self.sock_of(i, fd) {
                Ok((s, fl)) => self.sock_send(i, s, fl, Io { buf, len, flags, addr: to, alen: tolen as u64, stdio: false }, cx),
                Err(e) => Sys::err(e),
            },
            SockCall::Recv { fd, buf, len, flags, from, fromlen, .. } => match self.sock_of(i, fd) {
                Ok((s, fl)) => Sys::from(self.sock_recv(i, s, fl, Io { buf, len, flags, addr: from, alen: fromlen, stdio: false })),
                Err(e) => Sys::err(e),
            },
            SockCall::Shutdown { fd, how } => Sys::from(self.shutdown(i, fd, how)),
        }
    }

    pub(super) fn new_socket(&mut self, family: Family, kind: Kind) -> u32 {
        self.socks.socks.push(Some(Socket::of(family, kind)));
        (self.socks.socks.len() - 1) as u32
    }

    /// Opens socket `s` in process `i` with the flags of a `type`.
    fn install_socket(&mut self, i: usize, s: u32, ty: i32) -> i64 {
        let f = self.open_file(FileKind::Socket(s), O_RDWR | (ty & SOCK_NONBLOCK));
        let fd = self.install(i, f, 0);
        if let Some(d) = self.procs[i].fds[fd as usize].as_mut() {
            d.cloexec = ty & SOCK_CLOEXEC != 0;
        }
        fd
    }

    fn check_create(domain: i32, ty: i32, protocol: i32) -> Result<Kind, i32> {
        // Measured: the type is checked before the domain.
        if !Kind::well_formed(ty) {
            return Err(EINVAL);
        }
        if !(0..46).contains(&domain) {
            return Err(EAFNOSUPPORT);
        }
        if domain == AF_INET {
            // `inet_create`: a protocol of the type's, or 0 for its own.
            return match (ty & 0xf, protocol) {
                (1, 0 | 6) => Ok(Kind::Stream),
                (2, 0 | 17) => Ok(Kind::Dgram),
                (1..=3, _) => Err(EPROTONOSUPPORT),
                _ => Err(ESOCKTNOSUPPORT),
            };
        }
        if domain != AF_UNIX {
            return Err(EAFNOSUPPORT);
        }
        let kind = Kind::from_type(ty)?;
        if protocol != 0 && protocol != AF_UNIX {
            return Err(EPROTONOSUPPORT);
        }
        Ok(kind)
    }

    fn socket(&mut self, i: usize, domain: i32, ty: i32, protocol: i32) -> Result<i64, i32> {
        let kind = Self::check_create(domain, ty, protocol)?;
        if self.open_fds(i) >= MAX_FDS {
            return Err(EMFILE);
        }
        let family = if domain == AF_INET { Family::Inet } else { Family::Unix };
        let s = self.new_socket(family, kind);
        Ok(self.install_socket(i, s, ty))
    }

    fn socketpair(&mut self, i: usize, domain: i32, ty: i32, protocol: i32, sv: u64) -> Result<i64, i32> {
        // Families Linux has but that have no pairs (inet, inet6, netlink,
        // packet) refuse the operation rather than the family.
        if matches!(domain, 2 | 10 | 16 | 17) && Kind::well_formed(ty) {
            return Err(EOPNOTSUPP);
        }
        let kind = Self::check_create(domain, ty, protocol)?;
        if self.open_fds(i) + 2 > MAX_FDS {
            return Err(EMFILE);
        }
        let (a, b) = (self.new_socket(Family::Unix, kind), self.new_socket(Family::Unix, kind));
        for (x, y) in [(a, b), (b, a)] {
            let s = self.sock_mut(x);
            s.peer = Some(y);
            if kind.connected() {
                s.state = State::Connected;
            }
        }
        let fa = self.install_socket(i, a, ty);
        let fb = self.install_socket(i, b, ty);
        if self.store(i, sv, MemTy::I32, fa as u64).is_err() || self.store(i, sv.wrapping_add(4), MemTy::I32, fb as u64).is_err() {
            self.close_fd(i, fa);
            self.close_fd(i, fb);
            return Err(EFAULT);
        }
        Ok(0)
    }

    /// The `sockaddr_un` at `addr`, `len` bytes, as the kernel copies it
    /// in: `EINVAL` for a bad length, `EFAULT` if unreadable.
    pub(super) fn sockaddr(&self, i: usize, addr: u64, len: u32) -> Result<Vec<u8>, i32> {
        if len > 128 {
            return Err(EINVAL);
        }
        let mem = &self.procs[i].proc.mem;
        match mem.slice(&self.shared, addr, len as usize) {
            Ok(bytes) => Ok(bytes.to_vec()),
            // Natively the kernel copies the bytes past a `sockaddr_un`
            // (whatever lies there) and then refuses the length.
            Err(_) if len > ADDR_MAX && mem.slice(&self.shared, addr, ADDR_MAX as usize).is_ok() => Err(EINVAL),
            Err(_) => Err(EFAULT),
        }
    }

    /// The address a `connect` or `sendto` names (`unix_validate_addr`).
    fn target_address(&self, i: usize, addr: u64, len: u32) -> Result<Address, i32> {
        let raw = self.sockaddr(i, addr, len)?;
        if len <= PATH_OFFSET || len > ADDR_MAX || family(&raw) != AF_UNIX {
            return Err(EINVAL);
        }
        Ok(sockname::parse(&raw[PATH_OFFSET as usize..]))
    }

    /// The live socket of type `ty` an address names: `ENOENT` for no
    /// such path, `ECONNREFUSED` for a socket file nobody is bound to.
    fn lookup(&self, i: usize, addr: u64, len: u32, ty: u8) -> Result<u32, i32> {
        let a = self.target_address(i, addr, len)?;
        self.socks.names.find(&a, ty)
    }

    fn bind(&mut self, i: usize, fd: i32, addr: u64, len: u32) -> Result<i64, i32> {
        let raw = self.sockaddr(i, addr, len)?;
        let (s, _) = self.sock_of(i, fd)?;
        if self.sock(s).family == Family::Inet {
            return self.inet_bind(i, s, addr, len);
        }
        if len == PATH_OFFSET && family(&raw) == AF_UNIX {
            if self.sock(s).name.is_none() {
                let ty = self.sock(s).kind.number();
                let name = self.socks.names.autobind_name(ty);
                self.socks.names.bind(s, &name, ty)?;
                self.sock_mut(s).name = Some(name);
            }
            return Ok(0);
        }
        if len < PATH_OFFSET || family(&raw) != AF_UNIX || len > ADDR_MAX {
            return Err(EINVAL);
        }
        let a = sockname::parse(&raw[PATH_OFFSET as usize..]);
        // A path is created before the socket's own name is looked at;
        // an abstract name is checked after.
        let ty = self.sock(s).kind.number();
        if let Address::Path(_) = a {
            self.socks.names.check_free(&a, ty)?;
        }
        if self.sock(s).name.is_some() {
            return Err(EINVAL);
        }
        self.socks.names.bind(s, &a, ty)?;
        self.sock_mut(s).name = Some(a);
        Ok(0)
    }

    fn listen(&mut self, i: usize, fd: i32, backlog: i32) -> Result<i64, i32> {
        let (s, _) = self.sock_of(i, fd)?;
        let backlog = if backlog as u32 > SOMAXCONN { SOMAXCONN } else { backlog as u32 };
        if self.sock(s).family == Family::Inet {
            return self.inet_listen(s, backlog);
        }
        let me = self.sock_mut(s);
        if !me.kind.connected() {
            return Err(EOPNOTSUPP);
        }
        if me.name.is_none() {
            return Err(EINVAL);
        }
        match &mut me.state {
            State::Listening { backlog: b, .. } => *b = backlog,
            State::Unconnected => me.state = State::Listening { backlog, pending: Default::default() },
            State::Connected => return Err(EINVAL),
        }
        Ok(0)
    }

    fn connect(&mut self, i: usize, fd: i32, addr: u64, len: u32) -> Result<i64, i32> {
        let (s, flags) = self.sock_of(i, fd)?;
        if self.sock(s).family == Family::Inet {
            return self.inet_connect(i, s, flags, addr, len);
        }
        let raw = self.sockaddr(i, addr, len)?;
        let kind = self.sock(s).kind;
        if kind == Kind::Dgram && len >= PATH_OFFSET && family(&raw) == 0 {
            self.disconnect(s); // AF_UNSPEC
            return Ok(0);
        }
        let t = self.lookup(i, addr, len, kind.number())?;
        if self.sock(t).kind != kind {
            return Err(EPROTOTYPE);
        }
        if kind == Kind::Dgram {
            if self.sock(t).peer.is_some_and(|p| p != s) {
                return Err(EPERM);
            }
            if self.sock(s).peer.is_some_and(|p| p != t) {
                self.disconnect(s);
            }
            self.sock_mut(s).peer = Some(t);
            return Ok(0);
        }
        let target = self.sock(t);
        if !matches!(target.state, State::Listening { .. }) || target.no_recv {
            return Err(ECONNREFUSED);
        }
        if self.backlog_full(t) {
            debug_assert!(flags & NONBLOCK != 0, "a blocked connect is never stepped");
            return Err(EAGAIN);
        }
        match self.sock(s).state {
            State::Connected => return Err(EISCONN),
            State::Listening { .. } => return Err(EINVAL),
            State::Unconnected => {}
        }
        // The server's end, waiting for `accept`; it has the server's name.
        let n = self.new_socket(Family::Unix, kind);
        let server_name = self.sock(t).name.clone();
        let embryo = self.sock_mut(n);
        embryo.state = State::Connected;
        embryo.peer = Some(s);
        embryo.name = server_name;
        let me = self.sock_mut(s);
        me.state = State::Connected;
        me.peer = Some(n);
        if let State::Listening { pending, .. } = &mut self.sock_mut(t).state {
            pending.push_back(n);
        }
        Ok(0)
    }

    fn accept(&mut self, i: usize, fd: i32, addr: u64, len: u64) -> Result<i64, i32> {
        let (s, flags) = self.sock_of(i, fd)?;
        if !self.sock(s).kind.connected() {
            return Err(EOPNOTSUPP);
        }
        if self.open_fds(i) >= MAX_FDS {
            return Err(EMFILE);
        }
        let State::Listening { pending, .. } = &mut self.sock_mut(s).state else { return Err(EINVAL) };
        let Some(n) = pending.pop_front() else {
            debug_assert!(flags & NONBLOCK != 0 || self.procs[i].timeout_at.is_some(), "a blocked accept is never stepped");
            return Err(EAGAIN);
        };
        let nfd = self.install_socket(i, n, 0);
        if addr != 0 {
            let peer = match self.sock(n).remote {
                Some(a) => Some(Address::Inet(a)),
                None => self.sock(n).peer.and_then(|p| self.sock(p).name.clone()),
            };
            if let Err(e) = self.store_address(i, addr, len, peer.as_ref(), true) {
                self.close_fd(i, nfd);
                return Err(e);
            }
        }
        Ok(nfd)
    }

    /// Writes a socket's address for `accept`/`recvfrom`: at most `*len`
    /// bytes of it at `at`, and its full length to `*len`. An unnamed
    /// socket is just the family for `accept` (`unnamed_family`), and
    /// no address (length 0) for `recvfrom`.
    pub(super) fn store_address(&mut self, i: usize, at: u64, len: u64, name: Option<&Address>, unnamed_family: bool) -> Result<(), i32> {
        let room = self.procs[i].proc.mem.load(&self.shared, len, MemTy::I32).map_err(|_| EFAULT)? as i32;
        if room < 0 {
            return Err(EINVAL);
        }
        let mut bytes = match name {
            Some(a) => a.sockaddr(),
            None if unnamed_family => vec![AF_UNIX as u8, 0],
            None => Vec::new(),
        };
        let full = bytes.len();
        bytes.truncate(room as usize);
        if !bytes.is_empty() {
            let dst = self.procs[i].proc.mem.slice_mut(&mut self.shared, at, bytes.len()).map_err(|_| EFAULT)?;
            dst.copy_from_slice(&bytes);
            self.wake_if_shared(i, at);
        }
        self.store(i, len, MemTy::I32, full as u64).map_err(|_| EFAULT)
    }

    fn shutdown(&mut self, i: usize, fd: i32, how: i32) -> Result<i64, i32> {
        let (s, _) = self.sock_of(i, fd)?;
        if !(0..=2).contains(&how) {
            return Err(EINVAL);
        }
        if self.sock(s).family == Family::Inet {
            return self.inet_shutdown(s, how);
        }
        let (rd, wr) = (how != 1, how != 0);
        let me = self.sock_mut(s);
        me.no_recv |= rd;
        me.no_send |= wr;
        let (kind, peer) = (me.kind, me.peer);
        if let (true, Some(p)) = (kind.connected(), peer) {
            let other = self.sock_mut(p);
            other.no_send |= rd;
            other.no_recv |= wr;
        }
        Ok(0)
    }

    /// `send`, `sendto` or `write` on socket `s`.
    pub(super) fn sock_send(&mut self, i: usize, s: u32, fl: i32, io: Io, cx: &mut StepCtx) -> Sys {
        let inet = self.sock(s).family == Family::Inet;
        if io.flags & MSG_OOB != 0 && !inet {
            return Sys::err(EOPNOTSUPP);
        }
        // A call with a timeout is stepped when ready or timed out.
        let nonblock = fl & NONBLOCK != 0 || io.flags & MSG_DONTWAIT != 0 || self.procs[i].timeout_at.is_some();
        match self.sock(s).kind {
            Kind::Stream if inet => self.tcp_send(i, s, io, nonblock, cx),
            Kind::Stream => self.stream_send(i, s, io, nonblock, cx),
            _ if inet => Sys::from(self.udp_send(i, s, io)),
            _ => Sys::from(self.dgram_send(i, s, io, nonblock)),
        }
    }

    fn stream_send(&mut self, i: usize, s: u32, io: Io, nonblock: bool, cx: &mut StepCtx) -> Sys {
        let me = self.sock(s);
        if io.addr != 0 && io.alen != 0 {
            return Sys::err(if me.state == State::Connected { EISCONN } else { EOPNOTSUPP });
        }
        let Some(p) = me.peer.filter(|_| me.state == State::Connected) else { return Sys::err(ENOTCONN) };
        let done = self.procs[i].io_done;
        if self.sock(s).no_send {
            return self.broken_pipe(i, done, io.flags, cx);
        }
        let data = match self.procs[i].proc.write_bytes(&self.shared, io.src(), io.len) {
            Ok(d) => d[done..].to_vec(),
            Err(_) if io.len == 0 => Vec::new(),
            Err(_) => return Sys::err(EFAULT),
        };
        let mut sent = done;
        let mut rest = &data[..];
        while !rest.is_empty() && self.sock(s).may_alloc() {
            let other = self.sock(p);
            if other.dead || other.no_recv {
                return self.broken_pipe(i, sent, io.flags, cx);
            }
            let n = rest.len().min(stream_chunk() as usize);
            if !self.enqueue(s, p, rest[..n].to_vec(), stream_truesize(n as u64)) {
                // The run's memory budget is spent: what went in, or ENOBUFS.
                return Sys::Ret(if sent > 0 { sent as i64 } else { -(ENOBUFS as i64) });
            }
            rest = &rest[n..];
            sent += n;
        }
        self.procs[i].io_done = sent;
        if rest.is_empty() {
            Sys::Ret(io.len as i64)
        } else if nonblock {
            Sys::Ret(if sent > 0 { sent as i64 } else { -(EAGAIN as i64) })
        } else {
            Sys::Progress
        }
    }

    /// Queues a buffer from `s` in `t`'s receive queue, charged to `s`
    /// and to the run's memory budget (false, nothing queued, past it).
    pub(super) fn enqueue(&mut self, s: u32, t: u32, data: Vec<u8>, truesize: u64) -> bool {
        if !self.reserve(data.len() as u64) {
            return false;
        }
        self.sock_mut(s).wmem += truesize;
        self.sock_mut(t).rx.push_back(Skb { data, start: 0, truesize, owner: s, on_receiver: false, from: None });
        true
    }

    /// A stream send that finds the connection shut: `SIGPIPE` (unless
    /// ignored or `MSG_NOSIGNAL`) and `EPIPE`, or what was sent before.
    pub(super) fn broken_pipe(&mut self, i: usize, sent: usize, flags: i32, cx: &mut StepCtx) -> Sys {
        if sent > 0 {
            return Sys::Ret(sent as i64);
        }
        if flags & MSG_NOSIGNAL != 0 || self.survives_sigpipe(i) {
            return Sys::err(EPIPE);
        }
        self.die_of_sigpipe(i, Cause::BrokenConnection, cx);
        Sys::Dead
    }

    fn dgram_send(&mut self, i: usize, s: u32, io: Io, nonblock: bool) -> Result<i64, i32> {
        let kind = self.sock(s).kind;
        let t = if kind == Kind::Seqpacket {
            let e = self.sock_mut(s).take_err();
            if e != 0 {
                return Err(e);
            }
            if self.sock(s).state != State::Connected {
                return Err(ENOTCONN);
            }
            self.sock(s).peer
        } else if self.sock(s).no_send {
            // Measured: a datagram socket shut for sending says EPIPE
            // before it looks for a peer (one a refused send forgot).
            return Err(EPIPE);
        } else if io.addr != 0 && io.alen != 0 {
            self.target_address(i, io.addr, io.alen as u32)?;
            None
        } else {
            Some(self.sock(s).peer.ok_or(ENOTCONN)?)
        };
        // Measured: a datagram socket shut for sending says EPIPE.
        if self.sock(s).no_send {
            return Err(EPIPE);
        }
        if io.len > MAX_DGRAM {
            return Err(EMSGSIZE);
        }
        let data = match self.procs[i].proc.write_bytes(&self.shared, io.src(), io.len) {
            Ok(d) => d.to_vec(),
            Err(_) if io.len == 0 => Vec::new(),
            Err(_) => return Err(EFAULT),
        };
        if !self.sock(s).may_alloc() {
            return Err(EAGAIN);
        }
        let t = match t {
            Some(t) => t,
            None => self.lookup(i, io.addr, io.alen as u32, kind.number())?,
        };
        let other = self.sock(t);
        if other.dead {
            if kind == Kind::Seqpacket {
                return Err(EPIPE);
            }
            self.disconnect(s);
            return Err(ECONNREFUSED);
        }
        if kind == Kind::Dgram && other.kind != Kind::Dgram {
            return Err(EPROTOTYPE);
        }
        if other.peer.is_some_and(|p| p != s) && kind == Kind::Dgram {
            return Err(EPERM);
        }
        if other.no_recv {
            return Err(EPIPE);
        }
        if other.peer != Some(s) && other.rx.len() > MAX_DGRAM_QLEN {
            debug_assert!(nonblock, "a blocked send is never stepped");
            return Err(EAGAIN);
        }
        if !self.enqueue(s, t, data, dgram_truesize(io.len)) {
            return Err(ENOBUFS);
        }
        Ok(io.len as i64)
    }

    /// `recv`, `recvfrom` or `read` on socket `s`.
    pub(super) fn sock_recv(&mut self, i: usize, s: u32, fl: i32, io: Io) -> Result<i64, i32> {
        if io.flags & MSG_OOB != 0 {
            return Err(EOPNOTSUPP);
        }
        let nonblock = fl & NONBLOCK != 0 || io.flags & MSG_DONTWAIT != 0 || self.procs[i].timeout_at.is_some();
        let me = self.sock(s);
        let inet = me.family == Family::Inet;
        match me.kind {
            // `tcp_recvmsg`: a listener, then (with nothing queued) the end
            // of stream, an error, a shutdown, and only then ENOTCONN.
            Kind::Stream if inet && matches!(me.state, State::Listening { .. }) => return Err(ENOTCONN),
            Kind::Stream if inet && me.state != State::Connected && !me.fin && me.err == 0 && !me.no_recv => return Err(ENOTCONN),
            Kind::Stream if me.state != State::Connected && !inet => return Err(EINVAL),
            Kind::Dgram if inet && me.err != 0 => return Err(self.sock_mut(s).take_err()),
            Kind::Seqpacket if me.state != State::Connected => return Err(ENOTCONN),
            Kind::Seqpacket if me.err != 0 => return Err(self.sock_mut(s).take_err()),
            _ => {}
        }
        let me = self.sock(s);
        if me.rx.is_empty() {
            let e = self.sock_mut(s).take_err();
            let me = self.sock(s);
            let r = match () {
                _ if me.fin => {
                    self.sock_mut(s).err = e;
                    Ok(0)
                }
                _ if e != 0 => Err(e),
                _ if me.kind.connected() && me.no_recv => Ok(0),
                _ if me.no_recv && !nonblock => Ok(0),
                _ => {
                    debug_assert!(nonblock, "a blocked receive is never stepped");
                    Err(EAGAIN)
                }
            };
            // The end of a stream has no sender: its address length is 0.
            if r.is_ok() && io.addr != 0 {
                self.store_address(i, io.addr, io.alen, None, false)?;
            }
            return r;
        }
        if io.len > 0 && self.procs[i].proc.mem.slice(&self.shared, io.buf, io.len as usize).is_err() {
            return Err(EFAULT);
        }
        let peek = io.flags & MSG_PEEK != 0;
        let from = me.rx.front().and_then(|b| b.from);
        let (bytes, sender, full) = match me.kind {
            Kind::Stream => self.take_stream(s, io.len as usize, peek),
            _ => self.take_message(s, io.len as usize, peek),
        };
        if !bytes.is_empty() {
            let dst = self.procs[i].proc.mem.slice_mut(&mut self.shared, io.buf, bytes.len()).expect("checked above");
            dst.copy_from_slice(&bytes);
            self.wake_if_shared(i, io.buf);
        }
        if io.addr != 0 {
            let name = match from {
                Some(a) => Some(Address::Inet(a)),
                // TCP does not say who sent (the length comes back 0).
                None if inet => None,
                None => self.socks.socks[sender as usize].as_ref().and_then(|o| o.name.clone()),
            };
            self.store_address(i, io.addr, io.alen, name.as_ref(), false)?;
        }
        Ok(recv_result(io.flags, full, bytes.len()) as i64)
    }

    /// Up to `n` bytes across a stream's buffers; frees the ones read.
    fn take_stream(&mut self, s: u32, n: usize, peek: bool) -> (Vec<u8>, u32, usize) {
        let sender = self.sock(s).rx.front().map_or(s, |b| b.owner);
        let mut out = Vec::new();
        let mut k = 0;
        while out.len() < n {
            let Some(b) = self.sock(s).rx.get(k) else { break };
            let start = b.start;
            let take = (b.data.len() - start).min(n - out.len());
            out.extend_from_slice(&b.data[start..start + take]);
            if peek {
                k += 1;
                continue;
            }
            let b = &mut self.sock_mut(s).rx[0];
            b.start += take;
            if b.start == b.data.len() {
                let b = self.sock_mut(s).rx.pop_front().expect("present");
                self.uncharge(s, b);
            }
        }
        let len = out.len();
        (out, sender, len)
    }

    /// The next message, cut to `n` bytes (the rest is lost); returns its
    /// full length too.
    fn take_message(&mut self, s: u32, n: usize, peek: bool) -> (Vec<u8>, u32, usize) {
        let b = if peek { self.sock(s).rx.front().cloned() } else { self.sock_mut(s).rx.pop_front() };
        let b = b.expect("not empty");
        let full = b.data.len();
        let out = b.data[..full.min(n)].to_vec();
        let owner = b.owner;
        if !peek {
            self.uncharge(s, b);
        }
        (out, owner, full)
    }

    /// A datagram socket leaves its peer: what it had received is purged
    /// (Linux's `unix_dgram_disconnected`).
    fn disconnect(&mut self, s: u32) {
        let me = self.sock_mut(s);
        me.peer = None;
        let rx = std::mem::take(&mut me.rx);
        for b in rx {
            self.uncharge(s, b);
        }
    }

    /// A consumed buffer of socket `at` no longer counts against its
    /// sender (or `at` itself, for a UDP datagram), nor the run's memory.
    fn uncharge(&mut self, at: u32, b: Skb) {
        if b.on_receiver {
            self.sock_mut(at).rmem -= b.truesize;
        } else {
            self.sock_mut(b.owner).wmem -= b.truesize;
        }
        self.release(b.data.len() as u64);
    }

    /// The last descriptor of socket `s` is closed (`unix_release_sock`).
    pub(super) fn release_socket(&mut self, s: u32, embryo: bool) {
        if self.sock(s).family == Family::Inet {
            return self.release_inet(s, embryo);
        }
        let me = self.sock_mut(s);
        me.dead = true;
        // Measured: unread bytes reset the connection; empty messages do
        // not on a stream, and on a SEQPACKET socket one alone does not
        // but two do (tests/it/conformance.rs found the pair).
        let empties = if me.kind == Kind::Seqpacket { me.rx.len() >= 2 } else { false };
        let (kind, peer, unread) = (me.kind, me.peer.take(), me.queued() > 0 || empties);
        let state = std::mem::replace(&mut me.state, State::Unconnected);
        if let Some(name) = me.name.clone() {
            self.socks.names.unbind(s, &name, kind.number());
        }
        if let State::Listening { pending, .. } = state {
            for n in pending {
                self.release_socket(n, true);
            }
        }
        if let (true, Some(p)) = (kind.connected(), peer) {
            let other = self.sock_mut(p);
            other.no_send = true;
            other.no_recv = true;
            if unread || embryo {
                other.err = ECONNRESET;
            }
        }
        let rx = std::mem::take(&mut self.sock_mut(s).rx);
        for b in rx {
            self.uncharge(s, b);
        }
    }

    /// The last descriptor of `AF_INET` socket `s` is closed.
    fn release_inet(&mut self, s: u32, embryo: bool) {
        let unread = self.sock(s).queued() > 0;
        match self.sock(s).kind {
            Kind::Stream => self.tcp_release(s, unread || embryo),
            _ => self.udp_release(s),
        }
        let me = self.sock_mut(s);
        me.dead = true;
        let state = std::mem::replace(&mut me.state, State::Unconnected);
        if let State::Listening { pending, .. } = state {
            for n in pending {
                self.release_socket(n, true);
            }
        }
        let rx = std::mem::take(&mut self.sock_mut(s).rx);
        for b in rx {
            self.uncharge(s, b);
        }
    }

    /// How many more bytes TCP socket `s` may have in flight to `p`:
    /// its send buffer (autotuned once connected, or as set) less what
    /// `p` has not read.
    pub(super) fn tcp_room(&self, s: u32, p: u32) -> u64 {
        let cap = self.sock(s).opts.sndbuf.unwrap_or(TCP_SNDBUF_CONNECTED) as u64;
        cap.saturating_sub(self.sock(p).queued() as u64)
    }

    /// `send`/`write` on a TCP socket: up to one segment a step, so a
    /// reader running between two may see part of a write, as natively.
    fn tcp_send(&mut self, i: usize, s: u32, io: Io, nonblock: bool, cx: &mut StepCtx) -> Sys {
        let me = self.sock(s);
        let done = self.procs[i].io_done;
        if me.state != State::Connected && !me.no_send {
            let e = self.sock_mut(s).take_err();
            if e != 0 {
                return Sys::err(e);
            }
            return self.broken_pipe(i, 0, io.flags, cx);
        }
        let e = self.sock_mut(s).take_err();
        if e != 0 || self.sock(s).no_send {
            if done > 0 {
                return Sys::Ret(done as i64);
            }
            return match e {
                0 | EPIPE => self.broken_pipe(i, 0, io.flags, cx),
                e => Sys::err(e),
            };
        }
        if let Some(r) = self.tcp_send_to_closed(s, io.len) {
            return Sys::Ret(r);
        }
        let p = self.sock(s).peer.expect("a connected TCP socket has a peer");
        // Only this step's segment is copied, not the rest of the write.
        let n = (io.len as usize - done).min(TCP_MSS as usize).min(self.tcp_room(s, p) as usize);
        let segment = match self.procs[i].proc.write_bytes(&self.shared, io.src(), io.len) {
            Ok(d) => d[done..done + n].to_vec(),
            Err(_) if io.len == 0 => Vec::new(),
            Err(_) => return Sys::err(EFAULT),
        };
        if n > 0 && !self.enqueue(s, p, segment, 0) {
            return Sys::Ret(if done > 0 { done as i64 } else { -(ENOBUFS as i64) });
        }
        let sent = done + n;
        self.procs[i].io_done = sent;
        match () {
            _ if sent as u64 == io.len => Sys::Ret(io.len as i64),
            _ if nonblock && self.tcp_room(s, p) == 0 => Sys::Ret(if sent > 0 { sent as i64 } else { -(EAGAIN as i64) }),
            _ => Sys::Progress,
        }
    }

    /// `unlink(path)`: removes a socket file's name.
    pub(super) fn unlink(&mut self, i: usize, path: u64) -> Result<i64, i32> {
        let raw = self.path_arg(i, path)?;
        self.socks.names.unlink(&raw)
    }
}

/// `recv`'s result: the bytes copied, or with `MSG_TRUNC` the message's
/// full length.
fn recv_result(flags: i32, full: usize, copied: usize) -> usize {
    if flags & MSG_TRUNC != 0 {
        full
    } else {
        copied
    }
}

fn family(raw: &[u8]) -> i32 {
    match raw {
        [a, b, ..] => u16::from_le_bytes([*a, *b]) as i32,
        _ => -1,
    }
}
