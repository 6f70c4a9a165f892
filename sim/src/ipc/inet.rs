//! IPv4 on the run's own loopback network (`linux-ipc-semantics.md` §4b,
//! measured on this kernel): addresses as `struct sockaddr_in` carries
//! them, and the port table that decides who may bind where and who
//! receives what is sent to a port. The run has no other interface:
//! every address outside 127.0.0.0/8 is unreachable.

use crate::abi::errno::{EADDRINUSE, EADDRNOTAVAIL};
use std::collections::BTreeMap;

/// `AF_INET`.
pub const AF_INET: u16 = 2;
/// `sizeof(struct sockaddr_in)`.
pub const SOCKADDR_IN: u32 = 16;
/// `INADDR_LOOPBACK`: where a socket sending to 127.0.0.0/8 sends from.
pub const LOOPBACK: u32 = 0x7f00_0001;
/// `net.ipv4.ip_local_port_range`.
pub const EPHEMERAL: (u16, u16) = (32768, 60999);

/// An IPv4 address and port, in host byte order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct InetAddr {
    /// The address (`INADDR_ANY` is 0).
    pub ip: u32,
    /// The port (0: none yet).
    pub port: u16,
}

impl InetAddr {
    /// The address in the first 8 bytes of a `sockaddr_in` (family,
    /// port and address in network order).
    pub fn parse(raw: &[u8]) -> InetAddr {
        let b = |k: usize| raw.get(k).copied().unwrap_or(0);
        InetAddr { port: u16::from_be_bytes([b(2), b(3)]), ip: u32::from_be_bytes([b(4), b(5), b(6), b(7)]) }
    }

    /// The `struct sockaddr_in` the kernel reports for it.
    pub fn sockaddr(&self) -> Vec<u8> {
        let mut v = AF_INET.to_le_bytes().to_vec();
        v.extend_from_slice(&self.port.to_be_bytes());
        v.extend_from_slice(&self.ip.to_be_bytes());
        v.extend_from_slice(&[0; 8]);
        v
    }

    /// On the loopback network, 127.0.0.0/8.
    pub fn loopback(&self) -> bool {
        self.ip >> 24 == 127
    }
}

impl std::fmt::Display for InetAddr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let [a, b, c, d] = self.ip.to_be_bytes();
        write!(f, "{a}.{b}.{c}.{d}:{}", self.port)
    }
}

/// The two transport protocols.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Proto {
    /// `SOCK_STREAM`: TCP.
    Tcp,
    /// `SOCK_DGRAM`: UDP.
    Udp,
}

/// One socket's hold on a port.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Binding {
    /// The socket (`None`: a closed TCP connection's end waiting in
    /// `TIME_WAIT`, which still holds the port against binds without
    /// `SO_REUSEADDR`).
    pub sock: Option<u32>,
    /// The local address (0: every local address).
    pub ip: u32,
    /// `SO_REUSEADDR` was set when it bound (a `TIME_WAIT` end keeps
    /// its socket's: measured, a listener without it leaves ends that
    /// refuse even a bind with it).
    pub reuse: bool,
    /// A listening socket (no `SO_REUSEADDR` sharing with it).
    pub listening: bool,
}

impl Binding {
    /// Whether binding `ip` with `reuse` beside this one fails.
    fn conflicts(&self, ip: u32, reuse: bool) -> bool {
        let overlap = self.ip == 0 || ip == 0 || self.ip == ip;
        overlap && !(reuse && self.reuse && !self.listening)
    }
}

/// Who holds which port, per protocol.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Ports {
    held: BTreeMap<(Proto, u16), Vec<Binding>>,
}

impl Ports {
    /// Whether `ip:port` can be bound with `reuse`: `EADDRINUSE` if a
    /// holder of the port conflicts.
    pub fn check(&self, proto: Proto, ip: u32, port: u16, reuse: bool) -> Result<(), i32> {
        match self.held.get(&(proto, port)) {
            Some(v) if v.iter().any(|b| b.conflicts(ip, reuse)) => Err(EADDRINUSE),
            _ => Ok(()),
        }
    }

    /// Records a hold (after [`Ports::check`]).
    pub fn hold(&mut self, proto: Proto, port: u16, b: Binding) {
        self.held.entry((proto, port)).or_default().push(b);
    }

    /// A free ephemeral port for `ip`: the lowest of the range with the
    /// parity Linux tries first (odd for `bind`, even for `connect`),
    /// then the other parity. Linux starts at a random offset; a run
    /// starts at the bottom so that its ports do not depend on a seed.
    pub fn ephemeral(&self, proto: Proto, ip: u32, reuse: bool, for_connect: bool) -> Result<u16, i32> {
        let (lo, hi) = EPHEMERAL;
        let first = if for_connect { 0 } else { 1 };
        for parity in [first, 1 - first] {
            let start = lo + ((lo + parity) % 2);
            let free = (start..=hi)
                .step_by(2)
                .find(|&p| self.check(proto, ip, p, reuse && !for_connect).is_ok() && self.unheld(proto, p, for_connect));
            if let Some(p) = free {
                return Ok(p);
            }
        }
        Err(if for_connect { EADDRNOTAVAIL } else { EADDRINUSE })
    }

    /// `connect`'s choice skips every port held at all (it could reuse one
    /// for a different peer; a run never needs to).
    fn unheld(&self, proto: Proto, port: u16, for_connect: bool) -> bool {
        !for_connect || !self.held.contains_key(&(proto, port))
    }

    /// Socket `s` lets go of `port`; a TCP end that closed first lingers
    /// in `TIME_WAIT` (`time_wait`).
    pub fn release(&mut self, proto: Proto, port: u16, s: u32, time_wait: bool) {
        let Some(v) = self.held.get_mut(&(proto, port)) else { return };
        if let Some(k) = v.iter().position(|b| b.sock == Some(s)) {
            if time_wait {
                v[k] = Binding { sock: None, listening: false, ..v[k] };
            } else {
                v.remove(k);
            }
        }
        if v.is_empty() {
            self.held.remove(&(proto, port));
        }
    }

    /// `SO_REUSEADDR` changed on socket `s`, which holds `port`: Linux
    /// reads the flag of each holder when it checks a bind.
    pub fn set_reuse(&mut self, proto: Proto, port: u16, s: u32, on: bool) {
        if let Some(b) = self.held.get_mut(&(proto, port)).and_then(|v| v.iter_mut().find(|b| b.sock == Some(s))) {
            b.reuse = on;
        }
    }

    /// Whether socket `s` holds `port`.
    pub fn holds(&self, proto: Proto, port: u16, s: u32) -> bool {
        self.held.get(&(proto, port)).is_some_and(|v| v.iter().any(|b| b.sock == Some(s)))
    }

    /// Marks socket `s`'s hold as listening (or not).
    pub fn set_listening(&mut self, proto: Proto, port: u16, s: u32, on: bool) {
        if let Some(b) = self.held.get_mut(&(proto, port)).and_then(|v| v.iter_mut().find(|b| b.sock == Some(s))) {
            b.listening = on;
        }
    }

    /// Whether `s` may start listening on its port: no other holder may
    /// share it then, `SO_REUSEADDR` or not.
    pub fn may_listen(&self, proto: Proto, port: u16, s: u32) -> Result<(), i32> {
        let Some(v) = self.held.get(&(proto, port)) else { return Ok(()) };
        let me = v.iter().find(|b| b.sock == Some(s)).copied();
        let Some(me) = me else { return Ok(()) };
        let clash = v.iter().any(|b| {
            b.sock != Some(s) && b.sock.is_some() && (b.ip == 0 || me.ip == 0 || b.ip == me.ip) && (b.listening || !b.reuse || !me.reuse)
        });
        if clash {
            Err(EADDRINUSE)
        } else {
            Ok(())
        }
    }

    /// The sockets holding `port` whose address covers `ip`, most
    /// specific first, then latest bound first: whom a datagram or a
    /// connection to `ip:port` may reach.
    pub fn holders(&self, proto: Proto, ip: u32, port: u16) -> Vec<u32> {
        let Some(v) = self.held.get(&(proto, port)) else { return Vec::new() };
        let exact = v.iter().rev().filter(|b| b.ip == ip);
        let any = v.iter().rev().filter(|b| b.ip == 0);
        exact.chain(any).filter_map(|b| b.sock).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bound(ip: u32, reuse: bool, s: u32) -> Binding {
        Binding { sock: Some(s), ip, reuse, listening: false }
    }

    #[test]
    fn any_address_overlaps_every_address() {
        let mut p = Ports::default();
        p.hold(Proto::Tcp, 80, bound(0, false, 1));
        assert_eq!(p.check(Proto::Tcp, LOOPBACK, 80, false), Err(EADDRINUSE));
        assert_eq!(p.check(Proto::Udp, LOOPBACK, 80, false), Ok(()), "TCP and UDP ports are apart");
        let mut p = Ports::default();
        p.hold(Proto::Tcp, 80, bound(LOOPBACK, false, 1));
        assert_eq!(p.check(Proto::Tcp, LOOPBACK + 1, 80, false), Ok(()));
    }

    #[test]
    fn reuseaddr_shares_a_port_until_one_listens() {
        let mut p = Ports::default();
        p.hold(Proto::Tcp, 80, bound(LOOPBACK, true, 1));
        assert_eq!(p.check(Proto::Tcp, LOOPBACK, 80, true), Ok(()));
        assert_eq!(p.check(Proto::Tcp, LOOPBACK, 80, false), Err(EADDRINUSE));
        p.set_listening(Proto::Tcp, 80, 1, true);
        assert_eq!(p.check(Proto::Tcp, LOOPBACK, 80, true), Err(EADDRINUSE));
    }

    #[test]
    fn ephemeral_ports_take_the_parity_linux_tries_first() {
        let mut p = Ports::default();
        assert_eq!(p.ephemeral(Proto::Tcp, 0, false, false), Ok(32769));
        assert_eq!(p.ephemeral(Proto::Tcp, 0, false, true), Ok(32768));
        p.hold(Proto::Tcp, 32769, bound(0, false, 1));
        assert_eq!(p.ephemeral(Proto::Tcp, 0, false, false), Ok(32771));
    }

    #[test]
    fn a_time_wait_end_keeps_its_port_and_its_reuse_flag() {
        let mut p = Ports::default();
        p.hold(Proto::Tcp, 80, bound(LOOPBACK, false, 1));
        p.release(Proto::Tcp, 80, 1, true);
        assert_eq!(p.check(Proto::Tcp, LOOPBACK, 80, true), Err(EADDRINUSE), "measured: even with SO_REUSEADDR");
        let mut p = Ports::default();
        p.hold(Proto::Tcp, 80, bound(LOOPBACK, true, 1));
        p.release(Proto::Tcp, 80, 1, true);
        assert_eq!(p.check(Proto::Tcp, LOOPBACK, 80, false), Err(EADDRINUSE));
        assert_eq!(p.check(Proto::Tcp, LOOPBACK, 80, true), Ok(()));
        p.release(Proto::Tcp, 80, 2, false);
        assert!(!p.holds(Proto::Tcp, 80, 1));
    }

    #[test]
    fn an_address_prints_as_dotted_quad_and_port() {
        let a = InetAddr::parse(&[2, 0, 0x1f, 0x90, 127, 0, 0, 1]);
        assert_eq!(a.to_string(), "127.0.0.1:8080");
        assert_eq!(InetAddr::parse(&a.sockaddr()), a);
    }
}
