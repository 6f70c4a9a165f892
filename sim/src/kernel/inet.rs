//! Calls on `AF_INET` sockets: binding ports, connecting over the run's
//! loopback network, and UDP datagrams, checked in the order
//! `net/ipv4/af_inet.c`, `tcp_ipv4.c` and `udp.c` check them (so a call
//! with two faults fails with Linux's errno). TCP data moves through the
//! stream machinery of `socket.rs`; what differs for TCP (capacity,
//! segments, resets) is asked of [`Machine::tcp`] there.

use super::fd::NONBLOCK;
use super::socket::Io;
use super::Machine;
use crate::abi::errno::*;
use crate::ipc::inet::{Binding, InetAddr, Proto, AF_INET, LOOPBACK, SOCKADDR_IN};
use crate::ipc::socket::{Family, Kind, Skb, State};
use crate::ipc::sockname::Address;

/// The largest UDP payload over IPv4 (65535 less the IP and UDP headers).
pub const MAX_UDP: u64 = 65507;
/// The TCP segment size on loopback (MTU 65536 less headers and options).
pub const TCP_MSS: u64 = 65483;
/// What a connected TCP sender may have unread in flight: its
/// autotuned `SO_SNDBUF` (measured: 3.91-4.04 MB accepted before
/// `EAGAIN` for writes of 1 byte to 1 MiB; this is the middle).
pub const TCP_SNDBUF_CONNECTED: u32 = 3_939_840;
/// `SO_SNDBUF` of a TCP socket before it connects (`tcp_wmem[1]`).
pub const TCP_SNDBUF: u32 = 16_384;
/// `SO_RCVBUF` of a TCP socket (`tcp_rmem[1]`).
pub const TCP_RCVBUF: u32 = 131_072;
/// `SO_RCVBUF` and `SO_SNDBUF` of a UDP socket (`rmem_default`).
pub const UDP_BUF: u32 = 212_992;

/// The memory a UDP datagram of `n` bytes is charged in its receiver's
/// buffer on loopback: a small head from its own cache, a `kmalloc`
/// head up to four pages, page fragments beyond. Fits the measured
/// counts (256 datagrams of 0-100 bytes, 92 of 1 KiB, 25 of 4 KiB, 3 of
/// 65,507 bytes in 212,992; 9 of 100 bytes in 8,192).
pub fn udp_truesize(n: u64) -> u64 {
    const SKB: u64 = 256;
    const HEAD: u64 = 28 + 32 + 320;
    const SMALL: u64 = 576;
    match n + HEAD {
        h if h <= SMALL => SMALL + SKB,
        h if h < 16_064 => h.next_power_of_two() + SKB,
        _ => SMALL + SKB + n,
    }
}

/// Whether a UDP socket connected to `remote` talks with `a`: a 0
/// address or port in `remote` is a wildcard (`compute_score`).
fn covers(remote: InetAddr, a: InetAddr) -> bool {
    (remote.ip == 0 || remote.ip == a.ip) && (remote.port == 0 || remote.port == a.port)
}

impl Machine {
    /// A socket's IPv4 protocol.
    pub(super) fn proto(&self, s: u32) -> Proto {
        match self.socks.socks[s as usize].as_ref().map(|o| o.kind) {
            Some(Kind::Stream) => Proto::Tcp,
            _ => Proto::Udp,
        }
    }

    /// A socket's local address (0.0.0.0:0 before it is bound).
    pub(super) fn local(&self, s: u32) -> InetAddr {
        match self.socks.socks[s as usize].as_ref().and_then(|o| o.name.clone()) {
            Some(Address::Inet(a)) => a,
            _ => InetAddr::default(),
        }
    }

    /// Whether socket `s` holds a port (Linux's `inet_num`): its name
    /// may show a port it no longer holds, after a disconnect.
    pub(super) fn bound(&self, s: u32) -> bool {
        let port = self.local(s).port;
        port != 0 && self.socks.ports.holds(self.proto(s), port, s)
    }

    /// The `sockaddr_in` at `addr`: `EINVAL` if shorter than one, and
    /// its family.
    fn inet_address(&self, i: usize, addr: u64, len: u32) -> Result<(u16, InetAddr), i32> {
        let raw = self.sockaddr(i, addr, len)?;
        if len < SOCKADDR_IN {
            return Err(EINVAL);
        }
        Ok((u16::from_le_bytes([raw[0], raw[1]]), InetAddr::parse(&raw)))
    }

    /// Gives socket `s` the address `a` (port 0: an ephemeral one).
    fn take_port(&mut self, s: u32, mut a: InetAddr, for_connect: bool) -> Result<InetAddr, i32> {
        let proto = self.proto(s);
        let reuse = self.sock(s).opts.reuseaddr;
        if a.port == 0 {
            a.port = match proto {
                // Measured: TCP binds take odd ports, connects even ones;
                // UDP either.
                Proto::Tcp => self.socks.ports.ephemeral(proto, a.ip, reuse, for_connect)?,
                Proto::Udp => self.socks.ports.ephemeral(proto, a.ip, reuse, false)?,
            };
        } else {
            self.socks.ports.check(proto, a.ip, a.port, reuse)?;
        }
        self.socks.ports.hold(proto, a.port, Binding { sock: Some(s), ip: a.ip, reuse, listening: false });
        self.sock_mut(s).name = Some(Address::Inet(a));
        Ok(a)
    }

    /// `bind` on an `AF_INET` socket.
    pub(super) fn inet_bind(&mut self, i: usize, s: u32, addr: u64, len: u32) -> Result<i64, i32> {
        let (family, a) = self.inet_address(i, addr, len)?;
        // Linux accepts AF_UNSPEC for INADDR_ANY, for old programs.
        if family != AF_INET && !(family == 0 && a.ip == 0) {
            return Err(EAFNOSUPPORT);
        }
        if a.ip != 0 && !a.loopback() {
            return Err(EADDRNOTAVAIL);
        }
        if self.bound(s) {
            return Err(EINVAL);
        }
        self.take_port(s, a, false)?;
        let me = self.sock_mut(s);
        me.port_locked = a.port != 0;
        me.addr_locked = a.ip != 0;
        Ok(0)
    }

    /// `listen` on a TCP socket: an unbound one gets an ephemeral port;
    /// no other socket may share a listening port.
    pub(super) fn inet_listen(&mut self, s: u32, backlog: u32) -> Result<i64, i32> {
        if self.sock(s).kind != Kind::Stream {
            return Err(EOPNOTSUPP);
        }
        if self.sock(s).connecting || self.sock(s).disconnecting {
            return Err(EINVAL);
        }
        match self.sock(s).state {
            State::Connected => return Err(EINVAL),
            State::Listening { .. } => {}
            State::Unconnected => {
                if !self.bound(s) {
                    let ip = if self.sock(s).addr_locked { self.local(s).ip } else { 0 };
                    self.take_port(s, InetAddr { ip, port: 0 }, false)?;
                }
                let port = self.local(s).port;
                self.socks.ports.may_listen(Proto::Tcp, port, s)?;
                self.socks.ports.set_listening(Proto::Tcp, port, s, true);
            }
        }
        match &mut self.sock_mut(s).state {
            State::Listening { backlog: b, .. } => *b = backlog,
            st => *st = State::Listening { backlog, pending: Default::default() },
        }
        Ok(0)
    }

    /// Where a connection or datagram of socket `s` to `a` goes: the
    /// loopback network, `ENETUNREACH` anywhere else. 0.0.0.0 is this
    /// host: Linux sends to the socket's own address when it is bound to
    /// one (`ip_route_output_key`: no destination, the source's), else
    /// to 127.0.0.1.
    fn route(&self, s: u32, a: InetAddr) -> Result<InetAddr, i32> {
        match a {
            InetAddr { ip: 0, port } => {
                let ip = match self.local(s).ip {
                    0 => LOOPBACK,
                    own => own,
                };
                Ok(InetAddr { ip, port })
            }
            a if a.loopback() => Ok(a),
            _ => Err(ENETUNREACH),
        }
    }

    /// Binds an unbound connecting socket on an ephemeral port, and fixes
    /// its local address to the one it sends from.
    fn bind_for(&mut self, s: u32, for_connect: bool) -> Result<InetAddr, i32> {
        let mut me = self.local(s);
        if !self.bound(s) {
            let ip = if self.sock(s).addr_locked { me.ip } else { 0 };
            me = self.take_port(s, InetAddr { ip, port: 0 }, for_connect)?;
        }
        if me.ip == 0 {
            // Loopback's route sends from 127.0.0.1 to all of 127.0.0.0/8.
            me.ip = LOOPBACK;
            self.sock_mut(s).name = Some(Address::Inet(me));
        }
        Ok(me)
    }

    /// The listening TCP socket `dest` reaches, if any.
    pub(super) fn tcp_listener(&self, dest: InetAddr) -> Option<u32> {
        let holders = self.socks.ports.holders(Proto::Tcp, dest.ip, dest.port);
        holders.into_iter().find(|&t| matches!(self.sock(t).state, State::Listening { .. }) && !self.sock(t).dead)
    }

    /// `connect` on an `AF_INET` socket.
    pub(super) fn inet_connect(&mut self, i: usize, s: u32, flags: i32, addr: u64, len: u32) -> Result<i64, i32> {
        let raw = self.sockaddr(i, addr, len)?;
        if len < 2 {
            return Err(EINVAL);
        }
        let kind = self.sock(s).kind;
        if u16::from_le_bytes([raw[0], raw[1]]) == 0 {
            return self.inet_disconnect(s);
        }
        if kind == Kind::Dgram && !self.bound(s) {
            // `inet_dgram_connect` binds before it looks at the address.
            let ip = if self.sock(s).addr_locked { self.local(s).ip } else { 0 };
            self.take_port(s, InetAddr { ip, port: 0 }, false).map_err(|_| EAGAIN)?;
        }
        if kind == Kind::Stream && self.sock(s).disconnecting {
            return Err(EINVAL);
        }
        if kind == Kind::Stream && self.sock(s).connecting {
            // Measured: the call after EINPROGRESS says 0 once connected,
            // the error once refused, EALREADY while still under way.
            let me = self.sock_mut(s);
            me.connecting = false;
            return match me.state {
                State::Connected => Ok(0),
                _ if me.refused => {
                    me.refused = false;
                    me.no_send = false;
                    me.no_recv = false;
                    let e = me.take_err();
                    self.unbind_auto(s, true);
                    Err(if e != 0 { e } else { ECONNABORTED })
                }
                _ => {
                    me.connecting = true;
                    Err(EALREADY)
                }
            };
        }
        if kind == Kind::Stream {
            match self.sock(s).state {
                State::Connected => return Err(EISCONN),
                State::Listening { .. } => return Err(EISCONN),
                State::Unconnected => {}
            }
        }
        let (family, a) = self.inet_address(i, addr, len)?;
        if family != AF_INET {
            return Err(EAFNOSUPPORT);
        }
        let dest = self.route(s, a)?;
        let me = self.bind_for(s, kind == Kind::Stream)?;
        if kind == Kind::Dgram {
            self.sock_mut(s).remote = Some(dest);
            return Ok(0);
        }
        let Some(t) = self.tcp_listener(dest) else {
            if me == dest {
                // Its own address: the SYN meets itself (a simultaneous
                // open), and the socket is connected to itself.
                return self.self_connect(s, dest, flags);
            }
            return self.refused(s, flags);
        };
        if self.backlog_full(t) {
            debug_assert!(flags & NONBLOCK != 0 || self.procs[i].timeout_at.is_some(), "a blocked connect is never stepped");
            // The SYN waits to be retried: the connection is under way.
            self.sock_mut(s).connecting = true;
            return Err(EINPROGRESS);
        }
        self.tcp_establish(s, t, me, dest);
        if flags & NONBLOCK != 0 {
            self.sock_mut(s).connecting = true;
            return Err(EINPROGRESS);
        }
        Ok(0)
    }

    /// Whether a blocking `connect` would wait now: its listener's
    /// backlog is full (the SYN is dropped and retried until there is room).
    pub(super) fn inet_connect_waits(&self, i: usize, s: u32, addr: u64, len: u32) -> bool {
        if self.sock(s).state != State::Unconnected || self.sock(s).err != 0 {
            return false;
        }
        match self.inet_address(i, addr, len) {
            Ok((AF_INET, a)) => self.route(s, a).ok().and_then(|d| self.tcp_listener(d)).is_some_and(|t| self.backlog_full(t)),
            _ => false,
        }
    }

    /// A TCP socket connected to its own address.
    fn self_connect(&mut self, s: u32, dest: InetAddr, flags: i32) -> Result<i64, i32> {
        if self.sock(s).no_send {
            // Measured: shut for sending, the attempt dies without an
            // error (the next connect says ECONNABORTED).
            let me = self.sock_mut(s);
            me.connecting = flags & NONBLOCK != 0;
            me.refused = me.connecting;
            return Err(if me.connecting { EINPROGRESS } else { ECONNABORTED });
        }
        let me = self.sock_mut(s);
        me.state = State::Connected;
        me.peer = Some(s);
        me.remote = Some(dest);
        if flags & NONBLOCK != 0 {
            me.connecting = true;
            return Err(EINPROGRESS);
        }
        Ok(0)
    }

    /// Nobody listens: a blocking connect is refused; a non-blocking one
    /// is under way and learns it later (`SO_ERROR`, the next call).
    fn refused(&mut self, s: u32, flags: i32) -> Result<i64, i32> {
        // The reset closes the socket (`tcp_done`: shut both ways, the
        // port given back, the address kept); a blocking connect then
        // disconnects it (shutdown cleared, the address too).
        let blocking = flags & NONBLOCK == 0;
        self.unbind_auto(s, blocking);
        if blocking {
            return Err(ECONNREFUSED);
        }
        let me = self.sock_mut(s);
        me.err = ECONNREFUSED;
        me.connecting = true;
        me.refused = true;
        me.no_send = true;
        me.no_recv = true;
        Err(EINPROGRESS)
    }

    /// The three-way handshake, done at once on loopback: a server end
    /// waits in listener `t`'s queue for `accept`.
    fn tcp_establish(&mut self, s: u32, t: u32, me: InetAddr, dest: InetAddr) {
        let n = self.new_socket(Family::Inet, Kind::Stream);
        let reuse = self.sock(t).opts.reuseaddr;
        let opts = self.sock(t).opts.clone();
        self.socks.ports.hold(Proto::Tcp, dest.port, Binding { sock: Some(n), ip: dest.ip, reuse, listening: false });
        let end = self.sock_mut(n);
        end.state = State::Connected;
        end.peer = Some(s);
        end.name = Some(Address::Inet(dest));
        end.remote = Some(me);
        end.opts = opts;
        let c = self.sock_mut(s);
        c.state = State::Connected;
        c.peer = Some(n);
        c.remote = Some(dest);
        if let State::Listening { pending, .. } = &mut self.sock_mut(t).state {
            pending.push_back(n);
        }
    }

    /// `connect` with `AF_UNSPEC`: a UDP socket forgets its peer (and an
    /// ephemeral port); a TCP connection is dropped.
    fn inet_disconnect(&mut self, s: u32) -> Result<i64, i32> {
        match self.sock(s).state.clone() {
            State::Listening { .. } => self.stop_listening(s),
            State::Connected => {
                if let Some(p) = self.sock(s).peer.filter(|&p| !self.sock(p).dead) {
                    let other = self.sock_mut(p);
                    other.err = if other.fin { EPIPE } else { ECONNRESET };
                    other.no_send = true;
                    other.no_recv = true;
                }
                let me = self.sock_mut(s);
                me.state = State::Unconnected;
                me.peer = None;
                me.remote = None;
                self.unbind_auto(s, true);
            }
            State::Unconnected if self.sock(s).kind == Kind::Dgram => {
                self.sock_mut(s).remote = None;
                self.unbind_auto(s, true);
            }
            // `tcp_disconnect` of a socket never connected: its state does
            // not change, so the port it holds stays (a second `bind`
            // fails with EINVAL, measured); only an address `bind` did
            // not name goes.
            State::Unconnected => {
                let addr_locked = self.sock(s).addr_locked;
                let me = self.sock_mut(s);
                me.remote = None;
                if let (false, Some(Address::Inet(a))) = (addr_locked, me.name.as_mut()) {
                    a.ip = 0;
                }
            }
        }
        let udp = self.sock(s).kind == Kind::Dgram;
        let me = self.sock_mut(s);
        if udp {
            // `udp_disconnect` also forgets the port it gave back.
            if let (false, Some(Address::Inet(a))) = (me.port_locked, me.name.as_mut()) {
                a.port = 0;
            }
        } else {
            // `tcp_disconnect`: a fresh socket again.
            me.no_send = false;
            me.no_recv = false;
            me.fin = false;
            me.refused = false;
        }
        me.connecting = false;
        me.disconnecting = false;
        Ok(0)
    }

    /// A socket closes or disconnects: what the kernel chose of its
    /// address goes (a port it was given, an address it connected from);
    /// what `bind` named stays. Measured: `getsockname` still shows the
    /// port given back (Linux clears `inet_num`, not `inet_sport`).
    fn unbind_auto(&mut self, s: u32, reset_addr: bool) {
        let Some(Address::Inet(mut a)) = self.sock(s).name.clone() else { return };
        let (port_locked, addr_locked) = (self.sock(s).port_locked, self.sock(s).addr_locked);
        if !port_locked && a.port != 0 {
            let proto = self.proto(s);
            self.socks.ports.release(proto, a.port, s, false);
        }
        if !addr_locked && reset_addr {
            a.ip = 0;
        }
        self.sock_mut(s).name = Some(Address::Inet(a));
    }

    /// `sendto`/`send`/`write` on a UDP socket. Never blocks on
    /// loopback: a datagram nobody can take is dropped, as Linux drops it.
    pub(super) fn udp_send(&mut self, i: usize, s: u32, io: Io) -> Result<i64, i32> {
        // `inet_send_prepare`: an unbound socket gets its port before
        // anything is checked (measured: even a send that then fails).
        if !self.bound(s) {
            let ip = if self.sock(s).addr_locked { self.local(s).ip } else { 0 };
            self.take_port(s, InetAddr { ip, port: 0 }, false).map_err(|_| EAGAIN)?;
        }
        if io.len > 65535 {
            return Err(EMSGSIZE);
        }
        let dest = if io.addr != 0 && io.alen != 0 {
            let (family, a) = self.inet_address(i, io.addr, io.alen as u32)?;
            if family != AF_INET && family != 0 {
                return Err(EAFNOSUPPORT);
            }
            if a.port == 0 {
                return Err(EINVAL);
            }
            a
        } else {
            self.sock(s).remote.ok_or(EDESTADDRREQ)?
        };
        let data = match self.procs[i].proc.write_bytes(&self.shared, io.src(), io.len) {
            Ok(d) => d.to_vec(),
            Err(_) if io.len == 0 => Vec::new(),
            Err(_) => return Err(EFAULT),
        };
        let dest = self.route(s, dest)?;
        // Sent from loopback's address; the socket's own stays as bound.
        let from = match self.local(s) {
            InetAddr { ip: 0, port } => InetAddr { ip: LOOPBACK, port },
            a => a,
        };
        if io.len > MAX_UDP {
            return Err(EMSGSIZE);
        }
        if self.sock(s).no_send {
            return Err(EPIPE);
        }
        let e = self.sock_mut(s).take_err();
        if e != 0 {
            return Err(e);
        }
        let to = self.socks.ports.holders(Proto::Udp, dest.ip, dest.port).into_iter().find(|&t| {
            let other = self.sock(t);
            !other.dead && other.remote.is_none_or(|r| covers(r, from))
        });
        let Some(t) = to else {
            // Port unreachable: only a sender connected to that very
            // address hears of it (the error is matched to its socket).
            if self.sock(s).remote.is_some_and(|r| covers(r, dest)) {
                self.sock_mut(s).err = ECONNREFUSED;
            }
            return Ok(io.len as i64);
        };
        let fault = self.net_fault.take();
        if fault == Some(super::Fault::Loss) {
            self.lost.push((t, data));
            return Ok(io.len as i64);
        }
        let copies = if fault == Some(super::Fault::Dup) { 2 } else { 1 };
        for _ in 0..copies {
            self.deliver(s, t, from, data.clone(), fault == Some(super::Fault::Reorder));
        }
        Ok(io.len as i64)
    }

    /// Queues a datagram from `s` (at `from`) in `t`'s receive buffer, at
    /// its end or (`ahead`) its front, or drops it if the buffer is full.
    fn deliver(&mut self, s: u32, t: u32, from: InetAddr, data: Vec<u8>, ahead: bool) {
        let truesize = udp_truesize(data.len() as u64);
        let other = self.sock(t);
        let rcvbuf = other.opts.rcvbuf.unwrap_or(UDP_BUF) as u64;
        // A receiver shut for reading still queues (measured).
        if other.rmem + truesize > rcvbuf || !self.reserve(data.len() as u64) {
            return;
        }
        let other = self.sock_mut(t);
        other.rmem += truesize;
        let skb = Skb { data, start: 0, truesize, owner: s, on_receiver: true, from: Some(from) };
        if ahead {
            other.rx.push_front(skb);
        } else {
            other.rx.push_back(skb);
        }
    }

    /// `shutdown` of an `AF_INET` socket (`inet_shutdown`): a connected
    /// TCP end sends its FIN for `SHUT_WR`; a listener told to stop
    /// reading stops listening; an unconnected socket is `ENOTCONN`, but
    /// keeps the shutdown all the same (measured).
    pub(super) fn inet_shutdown(&mut self, s: u32, how: i32) -> Result<i64, i32> {
        let (rd, wr) = (how != 1, how != 0);
        let me = self.sock_mut(s);
        if me.connecting {
            me.connecting = false;
            me.disconnecting = me.state != State::Connected;
        }
        let me = self.sock(s);
        let (kind, peer) = (me.kind, me.peer);
        match (kind, &me.state) {
            (Kind::Stream, State::Listening { .. }) => {
                if rd {
                    self.stop_listening(s);
                }
                Ok(0)
            }
            (Kind::Stream, State::Connected) => {
                let me = self.sock_mut(s);
                me.no_recv |= rd;
                me.no_send |= wr;
                if let Some(p) = peer.filter(|&p| wr && !self.sock(p).dead) {
                    let other = self.sock_mut(p);
                    other.no_recv = true;
                    other.fin = true;
                }
                Ok(0)
            }
            (Kind::Dgram, _) if me.remote.is_some() => {
                let me = self.sock_mut(s);
                me.no_recv |= rd;
                me.no_send |= wr;
                Ok(0)
            }
            _ => {
                let me = self.sock_mut(s);
                me.no_recv |= rd;
                me.no_send |= wr;
                Err(ENOTCONN)
            }
        }
    }

    /// A listener stops listening: connections not yet accepted are
    /// reset; a port it was given for listening goes back.
    fn stop_listening(&mut self, s: u32) {
        let State::Listening { pending, .. } = std::mem::replace(&mut self.sock_mut(s).state, State::Unconnected) else { return };
        for n in pending {
            self.release_socket(n, true);
        }
        let port = self.local(s).port;
        self.socks.ports.set_listening(Proto::Tcp, port, s, false);
        self.unbind_auto(s, true);
    }

    /// Whether a TCP send to a closed peer is the one that draws the
    /// reset: it is accepted and lost, and the sender's next call fails.
    pub(super) fn tcp_send_to_closed(&mut self, s: u32, len: u64) -> Option<i64> {
        let me = self.sock(s);
        let p = me.peer?;
        if !self.sock(p).dead {
            return None;
        }
        let me = self.sock_mut(s);
        me.err = EPIPE;
        me.no_send = true;
        Some(len as i64)
    }

    /// A TCP end closes: its peer sees the end of the stream, or a reset
    /// if data was left unread (or it was never accepted). An end that
    /// closes first keeps its port in `TIME_WAIT`.
    pub(super) fn tcp_release(&mut self, s: u32, reset: bool) {
        let me = self.sock(s);
        let port = self.local(s).port;
        let peer = me.peer.filter(|_| me.state == State::Connected);
        let first = peer.is_some_and(|p| !self.sock(p).dead);
        if let Some(p) = peer.filter(|&p| !self.sock(p).dead) {
            let other = self.sock_mut(p);
            if reset {
                other.err = if other.fin { EPIPE } else { ECONNRESET };
                other.no_send = true;
            } else {
                other.fin = true;
            }
            other.no_recv = true;
        }
        if port != 0 {
            let listening = matches!(self.sock(s).state, State::Listening { .. });
            self.socks.ports.release(Proto::Tcp, port, s, first && !reset && !listening);
        }
    }

    /// A UDP socket closes: its port is free again.
    pub(super) fn udp_release(&mut self, s: u32) {
        let port = self.local(s).port;
        if port != 0 {
            self.socks.ports.release(Proto::Udp, port, s, false);
        }
    }
}
