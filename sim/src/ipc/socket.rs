//! `AF_UNIX` sockets as Linux implements them (`linux-ipc-semantics.md`
//! §4, `net/unix/af_unix.c`): what a socket holds, and its buffer
//! accounting. Sent data waits in the receiver's queue as buffers
//! (`sk_buff`s), each charged with its true size against the *sender's*
//! `SO_SNDBUF` until the receiver consumes it; so capacity depends on
//! the size of the writes (278 one-byte writes, 95,232 bytes in 1 KiB
//! writes, 219,264 bytes in one large write), exactly as measured.

use super::inet::{InetAddr, Ports};
use super::sockname::{Address, Names};
use std::collections::{BTreeMap, VecDeque};

/// `net.core.wmem_default`: every socket's `SO_SNDBUF`.
pub const SNDBUF: u64 = 212_992;
/// `net.unix.max_dgram_qlen`: datagrams a socket queues from senders it
/// is not connected back to.
pub const MAX_DGRAM_QLEN: usize = 10;
/// `net.core.somaxconn`: the largest backlog.
pub const SOMAXCONN: u32 = 4096;
/// `offsetof(struct sockaddr_un, sun_path)`.
pub const PATH_OFFSET: u32 = 2;
/// `sizeof(struct sockaddr_un)`.
pub const ADDR_MAX: u32 = 110;

/// The socket types of `AF_UNIX`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `SOCK_STREAM`: a byte stream.
    Stream,
    /// `SOCK_DGRAM`: datagrams, connected or addressed.
    Dgram,
    /// `SOCK_SEQPACKET`: a connection carrying datagrams.
    Seqpacket,
}

impl Kind {
    /// Whether a `socket` type is well formed: known flags
    /// (`SOCK_NONBLOCK`, `SOCK_CLOEXEC`) and a number below `SOCK_MAX`
    /// (Linux checks this before the domain).
    pub fn well_formed(ty: i32) -> bool {
        const SOCK_NONBLOCK: i32 = 0o4000;
        const SOCK_CLOEXEC: i32 = 0o2000000;
        ty & !(0xf | SOCK_NONBLOCK | SOCK_CLOEXEC) == 0 && ty & 0xf < 11
    }

    /// The kind of a well-formed `socket` type (`SOCK_RAW` is a datagram
    /// socket in `AF_UNIX`), or `ESOCKTNOSUPPORT`.
    pub fn from_type(ty: i32) -> Result<Kind, i32> {
        match ty & 0xf {
            1 => Ok(Kind::Stream),
            2 | 3 => Ok(Kind::Dgram),
            5 => Ok(Kind::Seqpacket),
            _ => Err(crate::abi::errno::ESOCKTNOSUPPORT),
        }
    }

    /// Its `SOCK_*` number.
    pub fn number(self) -> u8 {
        match self {
            Kind::Stream => 1,
            Kind::Dgram => 2,
            Kind::Seqpacket => 5,
        }
    }

    /// Connection-oriented: `connect` needs a listener, `accept` exists.
    pub fn connected(self) -> bool {
        self != Kind::Dgram
    }
}

/// Where a socket is in its life.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum State {
    /// New, or a datagram socket (connected or not: see `peer`).
    Unconnected,
    /// `listen`ed: connections wait in `pending` for `accept`.
    Listening {
        /// Most connections waiting, less one (Linux lets `backlog + 1` in).
        backlog: u32,
        /// The server ends of connections not yet accepted.
        pending: VecDeque<u32>,
    },
    /// A connected stream or seqpacket end (`peer` is the other end).
    Connected,
}

/// One buffer in a receive queue.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Skb {
    /// The bytes.
    pub data: Vec<u8>,
    /// Bytes of a stream buffer already read.
    pub start: usize,
    /// What it is charged against its sender's `SO_SNDBUF`.
    pub truesize: u64,
    /// The sending socket.
    pub owner: u32,
    /// Charged against the receiver's `SO_RCVBUF` (a UDP datagram)
    /// rather than the sender's `SO_SNDBUF`.
    pub on_receiver: bool,
    /// The sender's IPv4 address (UDP), for `recvfrom`.
    pub from: Option<InetAddr>,
}

/// The address family of a socket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Family {
    /// `AF_UNIX`.
    Unix,
    /// `AF_INET` on the loopback network.
    Inet,
}

/// Options set with `setsockopt`: the ones that change behaviour are
/// fields; the rest are remembered by level and name to be read back.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Options {
    /// `SO_REUSEADDR`.
    pub reuseaddr: bool,
    /// `SO_RCVBUF` as the kernel stores it (doubled), if set.
    pub rcvbuf: Option<u32>,
    /// `SO_SNDBUF` as the kernel stores it (doubled), if set.
    pub sndbuf: Option<u32>,
    /// `SO_RCVTIMEO` in ns (0: none).
    pub rcvtimeo: u64,
    /// `SO_SNDTIMEO` in ns (0: none).
    pub sndtimeo: u64,
    /// Other integer options by (level, name).
    pub other: BTreeMap<(i32, i32), i32>,
}

/// One socket.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Socket {
    /// Its type.
    pub kind: Kind,
    /// Listening, connected or neither.
    pub state: State,
    /// The other end (a stream's peer, a datagram socket's default
    /// destination).
    pub peer: Option<u32>,
    /// Its address.
    pub name: Option<Address>,
    /// Data waiting to be received.
    pub rx: VecDeque<Skb>,
    /// True sizes of the buffers it sent that are still queued.
    pub wmem: u64,
    /// No more sending (`SEND_SHUTDOWN`).
    pub no_send: bool,
    /// No more data will come (`RCV_SHUTDOWN`).
    pub no_recv: bool,
    /// A pending error reported once (`ECONNRESET`), 0 if none.
    pub err: i32,
    /// Released: no descriptor refers to it any more.
    pub dead: bool,
    /// `AF_UNIX` or `AF_INET`.
    pub family: Family,
    /// Its options.
    pub opts: Options,
    /// The address a UDP socket is connected to, or a TCP socket's
    /// peer's address (kept after the peer is gone, for `getpeername`).
    pub remote: Option<InetAddr>,
    /// True sizes of the datagrams queued to it (UDP's receive side).
    pub rmem: u64,
    /// TCP: the peer's end of stream arrived (`SOCK_DONE`): a receive
    /// returns 0 before any later error.
    pub fin: bool,
    /// TCP: a non-blocking `connect` is under way (`SS_CONNECTING`): the
    /// next `connect` reports how it went.
    pub connecting: bool,
    /// TCP: that connection attempt was refused (the socket is closed).
    pub refused: bool,
    /// TCP: shut down while its connection attempt had failed
    /// (`SS_DISCONNECTING`): `connect` and `listen` say `EINVAL`.
    pub disconnecting: bool,
    /// `bind` named a port (`SOCK_BINDPORT_LOCK`): it stays when the
    /// socket disconnects; a port given by the kernel goes back.
    pub port_locked: bool,
    /// `bind` named an address (`SOCK_BINDADDR_LOCK`).
    pub addr_locked: bool,
}

impl Socket {
    /// A new socket of this kind.
    pub fn new(kind: Kind) -> Socket {
        Socket::of(Family::Unix, kind)
    }

    /// A new socket of this family and kind.
    pub fn of(family: Family, kind: Kind) -> Socket {
        Socket {
            family,
            opts: Options::default(),
            remote: None,
            rmem: 0,
            fin: false,
            connecting: false,
            refused: false,
            disconnecting: false,
            port_locked: false,
            addr_locked: false,
            kind,
            state: State::Unconnected,
            peer: None,
            name: None,
            rx: VecDeque::new(),
            wmem: 0,
            no_send: false,
            no_recv: false,
            err: 0,
            dead: false,
        }
    }

    /// Room to send: Linux allocates a buffer while the charged total is
    /// below `SO_SNDBUF` (the buffer that crosses it is allowed).
    pub fn may_alloc(&self) -> bool {
        self.wmem < SNDBUF
    }

    /// Unread bytes.
    pub fn queued(&self) -> usize {
        self.rx.iter().map(|s| s.data.len() - s.start).sum()
    }

    /// Takes the pending error.
    pub fn take_err(&mut self) -> i32 {
        std::mem::take(&mut self.err)
    }
}

/// The sockets of a run and their names.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Sockets {
    /// Sockets by number. A closed one stays (`dead`) while others name
    /// it as their peer or its buffers are still charged.
    pub socks: Vec<Option<Socket>>,
    /// Bound paths and abstract names.
    pub names: Names,
    /// Bound IPv4 ports.
    pub ports: Ports,
}

/// The largest datagram (`SO_SNDBUF` - 32).
pub const MAX_DGRAM: u64 = SNDBUF - 32;

/// The slab size `kmalloc` gives for `n` bytes.
fn kmalloc(n: u64) -> u64 {
    const SMALL: [u64; 10] = [8, 16, 32, 64, 96, 128, 192, 256, 512, 1024];
    SMALL.iter().copied().find(|&s| s >= n).unwrap_or_else(|| n.next_power_of_two())
}

/// `struct skb_shared_info` after the data, cache-aligned.
const SHINFO: u64 = 320;
/// `sizeof(struct sk_buff)`, cache-aligned.
const SKB: u64 = 256;
/// `SKB_MAX_HEAD(0)`: the most a one-page head holds.
const MAX_HEAD: u64 = 4096 - SHINFO;
const PAGE: u64 = 4096;

fn page_align(n: u64) -> u64 {
    n.div_ceil(PAGE) * PAGE
}

/// The true size of a buffer with `linear` bytes in its head and `paged`
/// bytes in page fragments.
fn truesize(linear: u64, paged: u64) -> u64 {
    kmalloc(linear.div_ceil(64) * 64 + SHINFO) + SKB + page_align(paged)
}

/// The most one stream buffer carries: half the send buffer, and a head
/// page plus 32 KiB of fragments.
pub fn stream_chunk() -> u64 {
    (SNDBUF / 2 - 64).min(MAX_HEAD + 32768)
}

/// The true size of a stream buffer of `n` bytes: beyond what fits a
/// head page, whole pages go to fragments.
pub fn stream_truesize(n: u64) -> u64 {
    let paged = n.min(page_align(n.saturating_sub(MAX_HEAD)));
    truesize(n - paged, paged)
}

/// The true size of a datagram of `n` bytes: linear up to four pages,
/// the rest (at most 17 pages) in fragments.
pub fn dgram_truesize(n: u64) -> u64 {
    const MAX_ALLOC: u64 = 4 * PAGE - SHINFO;
    let paged = if n > MAX_ALLOC { page_align((n - MAX_ALLOC).min(17 * PAGE)) } else { 0 };
    truesize(n.saturating_sub(paged), paged.min(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How many writes of `n` bytes a stream accepts before it blocks.
    fn stream_fill(n: u64) -> u64 {
        let (mut wmem, mut sent) = (0, 0);
        loop {
            let mut left = n;
            while left > 0 {
                if wmem >= SNDBUF {
                    return sent;
                }
                let c = left.min(stream_chunk());
                wmem += stream_truesize(c);
                left -= c;
                sent += c;
            }
        }
    }

    fn dgram_fill(n: u64) -> u64 {
        let (mut wmem, mut k) = (0, 0);
        while wmem < SNDBUF {
            wmem += dgram_truesize(n);
            k += 1;
        }
        k
    }

    #[test]
    fn stream_capacity_matches_the_measured_figures() {
        assert_eq!(stream_fill(1), 278);
        assert_eq!(stream_fill(100), 27800);
        assert_eq!(stream_fill(1024), 95232);
        assert_eq!(stream_fill(4096), 180224);
        assert_eq!(stream_fill(65536), 233152);
        assert_eq!(stream_fill(1 << 20), 219264);
    }

    #[test]
    fn datagram_capacity_matches_the_measured_figures() {
        assert_eq!(dgram_fill(1), 278);
        assert_eq!(dgram_fill(100), 278);
        assert_eq!(dgram_fill(1024), 93);
        assert_eq!(dgram_fill(4096), 26);
        assert_eq!(dgram_fill(65536), 4);
    }
}
