//! Calls on clocks. A valid sleep never gets here: the kernel turns it
//! into a wait on the virtual clock ([`super::Pending::Sleep`]).

use super::calls::Sys;
use super::Machine;
use crate::abi::call::TimeCall;
use crate::abi::errno::{EFAULT, EINVAL};
use crate::abi::flags::{clock_kind, ClockKind};
use crate::abi::EPOCH_SECS;
use crate::ir::MemTy;

/// `CLOCK_REALTIME` at virtual time 0, in ns.
const EPOCH_NS: u64 = EPOCH_SECS * 1_000_000_000;

impl Machine {
    pub(super) fn time_call(&mut self, i: usize, c: TimeCall) -> Sys {
        match c {
            TimeCall::Sleep { ns, .. } => Sys::from(ns.map(|_| 0)),
            TimeCall::Time { out } => {
                let t = EPOCH_NS.saturating_add(self.clock) / 1_000_000_000;
                if out != 0 && self.store(i, out, MemTy::I64, t).is_err() {
                    return Sys::err(EFAULT);
                }
                Sys::Ret(t as i64)
            }
            TimeCall::ClockGettime { clock, out, micro } => {
                let t = match clock_kind(clock) {
                    Some(ClockKind::Realtime) => EPOCH_NS.saturating_add(self.clock),
                    Some(ClockKind::Monotonic) => self.clock,
                    // Computing takes no time in a simulated run.
                    Some(ClockKind::Cpu) => 0,
                    None => return Sys::err(EINVAL),
                };
                if micro && out == 0 {
                    return Sys::Ret(0);
                }
                let frac = if micro { t % 1_000_000_000 / 1000 } else { t % 1_000_000_000 };
                if self.store(i, out, MemTy::I64, t / 1_000_000_000).is_err()
                    || self.store(i, out.wrapping_add(8), MemTy::I64, frac).is_err()
                {
                    return Sys::err(EFAULT);
                }
                Sys::Ret(0)
            }
        }
    }
}
