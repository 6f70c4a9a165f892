//! glibc's x86_64 layouts of `struct sigaction` and `siginfo_t`, and the
//! checks of `sigaction`'s arguments: one place for both kernels.

use crate::interp::memory::{BadAccess, Memory};
use crate::interp::Shared;
use crate::ir::MemTy;

/// A signal's disposition (`struct sigaction`'s fields).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Action {
    /// The handler's address (`SIG_DFL` 0, `SIG_IGN` 1, or a function).
    pub handler: u64,
    /// `sa_flags`.
    pub flags: u32,
    /// `sa_mask`, as the kernel's 64-bit mask (bit n-1: signal n).
    pub mask: u64,
}

/// Byte offsets of `sa_mask` and `sa_flags` (the handler is at 0).
const MASK_AT: u64 = 8;
const FLAGS_AT: u64 = 136;

/// Whether `sigaction` may act on `sig` (setting one needs more: not
/// SIGKILL or SIGSTOP); 32 and 33 are glibc's own.
pub fn valid(sig: i32, setting: bool) -> bool {
    (1..=super::signal::SIGRTMAX).contains(&sig)
        && !matches!(sig, 32 | 33)
        && !(setting && matches!(sig, super::signal::SIGKILL | super::signal::SIGSTOP))
}

/// Reads the `struct sigaction` at `at`. Any handler value is taken (a
/// wild one faults when the signal comes, as natively).
pub fn read(mem: &Memory, sh: &dyn Shared, at: u64) -> Result<Action, BadAccess> {
    let handler = mem.load(sh, at, MemTy::I64)?;
    let mask = mem.load(sh, at.wrapping_add(MASK_AT), MemTy::I64)?;
    let flags = mem.load(sh, at.wrapping_add(FLAGS_AT), MemTy::U32)? as u32;
    Ok(Action { handler, flags, mask })
}

/// Writes `a` into the `struct sigaction` at `at` (`sigaction`'s old one).
pub fn write(mem: &mut Memory, sh: &mut dyn Shared, at: u64, a: Action) -> Result<(), BadAccess> {
    mem.store(sh, at, MemTy::I64, a.handler)?;
    mem.store(sh, at.wrapping_add(MASK_AT), MemTy::I64, a.mask)?;
    mem.store(sh, at.wrapping_add(FLAGS_AT), MemTy::U32, a.flags as u64)
}

/// A `siginfo_t` (128 bytes): `si_signo`, `si_errno`, `si_code`, then
/// `si_pid`, `si_uid`, `si_status` at 16, 20, 24.
pub fn siginfo(sig: i32, code: i32, pid: i32, status: i32, value: u64) -> [u8; 128] {
    let mut b = [0u8; 128];
    b[0..4].copy_from_slice(&sig.to_le_bytes());
    b[8..12].copy_from_slice(&code.to_le_bytes());
    b[16..20].copy_from_slice(&pid.to_le_bytes());
    b[20..24].copy_from_slice(&super::UID.to_le_bytes());
    // `si_status` and `si_value` share their place, as in the kernel.
    if code == super::flags::SI_QUEUE || code == super::flags::SI_MESGQ {
        b[24..32].copy_from_slice(&value.to_le_bytes());
    } else {
        b[24..28].copy_from_slice(&status.to_le_bytes());
    }
    b
}
