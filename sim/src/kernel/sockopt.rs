//! `getsockname`, `getpeername`, `setsockopt` and `getsockopt` for both
//! families, with the values and limits Linux gives (measured: buffer
//! sizes are stored doubled, at least 2,304 to receive and 4,608 to
//! send, at most twice `rmem_max`/`wmem_max`).

use super::inet::{TCP_MSS, TCP_RCVBUF, TCP_SNDBUF, TCP_SNDBUF_CONNECTED, UDP_BUF};
use super::Machine;
use crate::abi::errno::*;
use crate::ipc::socket::{Family, Kind, State, SNDBUF};
use crate::ipc::sockname::Address;
use crate::ir::MemTy;

const SOL_SOCKET: i32 = 1;
const IPPROTO_TCP: i32 = 6;
const SO_REUSEADDR: i32 = 2;
const SO_TYPE: i32 = 3;
const SO_ERROR: i32 = 4;
const SO_SNDBUF: i32 = 7;
const SO_RCVBUF: i32 = 8;
const SO_LINGER: i32 = 13;
const SO_RCVLOWAT: i32 = 18;
const SO_SNDLOWAT: i32 = 19;
const SO_RCVTIMEO: i32 = 20;
const SO_SNDTIMEO: i32 = 21;
const SO_ACCEPTCONN: i32 = 30;
const SO_PROTOCOL: i32 = 38;
const SO_DOMAIN: i32 = 39;
/// Boolean or integer options that are remembered and read back.
const KEPT: [i32; 7] = [1, 5, 6, 9, 10, 15, 18];
const TCP_NODELAY: i32 = 1;
const TCP_MAXSEG: i32 = 2;
/// `net.core.rmem_max` and `wmem_max` on this kernel.
const BUF_MAX: u32 = 4_194_304;
const MIN_RCVBUF: u32 = 2304;
const MIN_SNDBUF: u32 = 4608;

impl Machine {
    /// `getsockname` (`peer` false) or `getpeername`.
    pub(super) fn sock_name(&mut self, i: usize, fd: i32, addr: u64, len: u64, peer: bool) -> Result<i64, i32> {
        let (s, _) = self.sock_of(i, fd)?;
        let me = self.sock(s);
        let name = match (me.family, peer) {
            (Family::Inet, false) => Some(Address::Inet(self.local(s))),
            (Family::Inet, true) => match me.remote {
                Some(r) if r.port != 0 && (me.kind == Kind::Dgram || me.state == State::Connected) => Some(Address::Inet(r)),
                _ => return Err(ENOTCONN),
            },
            (Family::Unix, false) => me.name.clone(),
            (Family::Unix, true) => match me.peer.filter(|_| me.kind == Kind::Dgram || me.state == State::Connected) {
                Some(p) => self.sock(p).name.clone(),
                None => return Err(ENOTCONN),
            },
        };
        self.store_address(i, addr, len, name.as_ref(), true).map(|_| 0)
    }

    /// The integer at `val`, for an option that takes one.
    fn opt_int(&self, i: usize, val: u64, len: u32) -> Result<i32, i32> {
        if len < 4 {
            return Err(EINVAL);
        }
        self.procs[i].proc.mem.load(&self.shared, val, MemTy::I32).map(|v| v as i32).map_err(|_| EFAULT)
    }

    /// A `struct timeval` timeout at `val`, in ns.
    fn opt_timeval(&self, i: usize, val: u64, len: u32) -> Result<u64, i32> {
        if len < 16 {
            return Err(EINVAL);
        }
        let (sec, usec) = self.read_timeval(i, val)?;
        // `sock_set_timeout`: EDOM for bad microseconds, 0 for a past time.
        if !(0..1_000_000).contains(&usec) {
            return Err(EDOM);
        }
        Ok(if sec < 0 { 0 } else { (sec as u64).saturating_mul(1_000_000_000).saturating_add(usec as u64 * 1000) })
    }

    pub(super) fn setsockopt(&mut self, i: usize, fd: i32, level: i32, name: i32, val: u64, len: u32) -> Result<i64, i32> {
        let (s, _) = self.sock_of(i, fd)?;
        let (family, kind) = (self.sock(s).family, self.sock(s).kind);
        if level == IPPROTO_TCP && family == Family::Inet && kind == Kind::Stream {
            if name != TCP_NODELAY && name != TCP_MAXSEG {
                return Err(ENOPROTOOPT);
            }
            let v = self.opt_int(i, val, len)?;
            self.sock_mut(s).opts.other.insert((level, name), if name == TCP_NODELAY { (v != 0) as i32 } else { v });
            return Ok(0);
        }
        if level != SOL_SOCKET {
            return Err(if family == Family::Unix { EOPNOTSUPP } else { ENOPROTOOPT });
        }
        let doubled = |v: i32, min: u32| (v as u32).min(BUF_MAX).saturating_mul(2).max(min);
        match name {
            SO_RCVTIMEO | SO_SNDTIMEO => {
                let ns = self.opt_timeval(i, val, len)?;
                let o = &mut self.sock_mut(s).opts;
                *if name == SO_RCVTIMEO { &mut o.rcvtimeo } else { &mut o.sndtimeo } = ns;
            }
            SO_LINGER => {
                if len < 8 {
                    return Err(EINVAL);
                }
                let on = self.opt_int(i, val, 4)?;
                let secs = self.opt_int(i, val.wrapping_add(4), 4)?;
                let o = &mut self.sock_mut(s).opts.other;
                o.insert((level, name), (on != 0) as i32);
                o.insert((level, -name), secs);
            }
            SO_REUSEADDR | SO_RCVBUF | SO_SNDBUF => {
                let v = self.opt_int(i, val, len)?;
                let o = &mut self.sock_mut(s).opts;
                match name {
                    SO_REUSEADDR => {
                        o.reuseaddr = v != 0;
                        if family == Family::Inet {
                            let port = self.local(s).port;
                            let proto = self.proto(s);
                            self.socks.ports.set_reuse(proto, port, s, v != 0);
                        }
                    }
                    SO_RCVBUF => o.rcvbuf = Some(doubled(v, MIN_RCVBUF)),
                    _ => o.sndbuf = Some(doubled(v, MIN_SNDBUF)),
                }
            }
            n if KEPT.contains(&n) => {
                let v = self.opt_int(i, val, len)?;
                let v = if n == SO_RCVLOWAT { v.max(1) } else { (v != 0) as i32 };
                self.sock_mut(s).opts.other.insert((level, n), v);
            }
            _ => return Err(ENOPROTOOPT),
        }
        Ok(0)
    }

    /// The value of an option, as bytes.
    fn option(&mut self, s: u32, level: i32, name: i32) -> Result<Vec<u8>, i32> {
        let me = self.sock(s);
        let int = |v: i64| Ok((v as i32).to_le_bytes().to_vec());
        let (inet, kind) = (me.family == Family::Inet, me.kind);
        if level == IPPROTO_TCP && inet && kind == Kind::Stream {
            return match name {
                TCP_NODELAY => int(me.opts.other.get(&(level, name)).copied().unwrap_or(0) as i64),
                TCP_MAXSEG => int(if me.state == State::Connected { TCP_MSS as i64 } else { 536 }),
                _ => Err(ENOPROTOOPT),
            };
        }
        if level != SOL_SOCKET {
            return Err(if inet { ENOPROTOOPT } else { EOPNOTSUPP });
        }
        let o = &me.opts;
        match name {
            SO_TYPE => int(kind.number() as i64),
            SO_ERROR => int(self.sock_mut(s).take_err() as i64),
            SO_ACCEPTCONN => int(matches!(me.state, State::Listening { .. }) as i64),
            SO_PROTOCOL => int(match (inet, kind) {
                (true, Kind::Stream) => 6,
                (true, _) => 17,
                _ => 0,
            }),
            SO_DOMAIN => int(if inet { 2 } else { 1 }),
            SO_REUSEADDR => int(o.reuseaddr as i64),
            SO_RCVBUF => int(o.rcvbuf.unwrap_or(match (inet, kind) {
                (true, Kind::Stream) => TCP_RCVBUF,
                (true, _) => UDP_BUF,
                _ => SNDBUF as u32,
            }) as i64),
            SO_SNDBUF => int(o.sndbuf.unwrap_or(match (inet, kind) {
                (true, Kind::Stream) if me.state == State::Connected => TCP_SNDBUF_CONNECTED,
                (true, Kind::Stream) => TCP_SNDBUF,
                (true, _) => UDP_BUF,
                _ => SNDBUF as u32,
            }) as i64),
            SO_RCVTIMEO | SO_SNDTIMEO => {
                let ns = if name == SO_RCVTIMEO { o.rcvtimeo } else { o.sndtimeo };
                let mut v = ((ns / 1_000_000_000) as i64).to_le_bytes().to_vec();
                v.extend_from_slice(&((ns % 1_000_000_000 / 1000) as i64).to_le_bytes());
                Ok(v)
            }
            SO_LINGER => {
                let mut v = o.other.get(&(level, name)).copied().unwrap_or(0).to_le_bytes().to_vec();
                v.extend_from_slice(&o.other.get(&(level, -name)).copied().unwrap_or(0).to_le_bytes());
                Ok(v)
            }
            SO_SNDLOWAT => int(1),
            SO_RCVLOWAT => int(o.other.get(&(level, name)).copied().unwrap_or(1) as i64),
            n if KEPT.contains(&n) => int(o.other.get(&(level, n)).copied().unwrap_or(0) as i64),
            _ => Err(ENOPROTOOPT),
        }
    }

    pub(super) fn getsockopt(&mut self, i: usize, fd: i32, level: i32, name: i32, val: u64, len: u64) -> Result<i64, i32> {
        let (s, _) = self.sock_of(i, fd)?;
        let room = self.procs[i].proc.mem.load(&self.shared, len, MemTy::I32).map_err(|_| EFAULT)? as i32;
        if room < 0 {
            return Err(EINVAL);
        }
        let mut bytes = self.option(s, level, name)?;
        bytes.truncate(room as usize);
        if !bytes.is_empty() {
            let dst = self.procs[i].proc.mem.slice_mut(&mut self.shared, val, bytes.len()).map_err(|_| EFAULT)?;
            dst.copy_from_slice(&bytes);
            self.wake_if_shared(i, val);
        }
        self.store(i, len, MemTy::I32, bytes.len() as u64).map_err(|_| EFAULT)?;
        Ok(0)
    }
}
