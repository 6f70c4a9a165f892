//! `setjmp` and `longjmp`: a `jmp_buf` holds the number of a context the
//! process saved (its call frames, operand stack and stack top at the
//! `setjmp`), so the jump is the interpreter going back to it. What the
//! kernel keeps of the handlers jumped out of (their signal frames, the
//! mask) is its part: `longjmp` ends as a system call that says how many.

use super::fault::Undefined;
use super::libc::{LibResult, Outcome, Stop};
use super::process::After;
use super::{Event, Process, Shared};
use crate::abi::call::{Call, ProcCall};
use crate::ir::MemTy;

/// Where a `jmp_buf`'s fields are (`__ipcsim_jmp_buf_tag` in the prelude).
const SAVED_AT: u64 = 8;
const MASK_AT: u64 = 16;

/// A context `setjmp` saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Jump {
    /// Call frames, the `setjmp`'s caller's last.
    frames: u32,
    /// That frame's function, and its base (to know it still runs).
    func: u32,
    fp: u32,
    /// Where it goes on after the `setjmp` call.
    pc: u32,
    /// Operand stack length and stack top then.
    stack: u32,
    sp: u32,
    /// Signal handlers running then.
    handlers: u32,
}

impl Process {
    /// `setjmp(env)`: saves the caller's context, its number into `env`;
    /// 0. A `setjmp` made again at the same place reuses its number.
    pub(super) fn setjmp(&mut self, sh: &mut dyn Shared, env: u64) -> LibResult {
        let Some(f) = self.frames.last() else { return Ok(Outcome::Value(0)) };
        let j = Jump {
            frames: self.frames.len() as u32,
            func: f.func,
            fp: f.fp,
            pc: f.pc,
            stack: self.stack.len() as u32,
            sp: self.sp,
            handlers: self.handlers.len() as u32,
        };
        let k = match self.jumps.iter().position(|&x| x == j) {
            Some(k) => k,
            None => {
                self.jumps.push(j);
                self.jumps.len() - 1
            }
        };
        self.mem.store(sh, env, MemTy::I64, k as u64 + 1).map_err(Stop::Memory)?;
        Ok(Outcome::Value(0))
    }

    /// `longjmp(env, val)`: back to the context `env` names (undefined
    /// behaviour if its function has returned), then the kernel ends the
    /// handlers left and restores `sigsetjmp`'s mask; `setjmp` returns
    /// `val` (1 for 0).
    pub(super) fn longjmp(&mut self, sh: &mut dyn Shared, env: u64, val: i32) -> LibResult {
        let id = self.mem.load(sh, env, MemTy::I64).map_err(Stop::Memory)?;
        let saved = self.mem.load(sh, env.wrapping_add(SAVED_AT), MemTy::I32).map_err(Stop::Memory)? != 0;
        let mask = if saved { Some(self.mem.load(sh, env.wrapping_add(MASK_AT), MemTy::I64).map_err(Stop::Memory)?) } else { None };
        let Some(j) = id.checked_sub(1).and_then(|k| self.jumps.get(k as usize)).copied() else {
            return Err(Stop::Undefined(Undefined::BadLongjmp));
        };
        let live = self.frames.get(j.frames as usize - 1).is_some_and(|f| f.func == j.func && f.fp == j.fp);
        if !live || self.stack.len() < j.stack as usize || self.handlers.len() < j.handlers as usize {
            return Err(Stop::Undefined(Undefined::BadLongjmp));
        }
        let left = self.handlers.len() as u32 - j.handlers;
        self.handlers.truncate(j.handlers as usize);
        self.frames.truncate(j.frames as usize);
        if let Some(f) = self.frames.last_mut() {
            f.pc = j.pc;
        }
        self.stack.truncate(j.stack as usize);
        self.sp = j.sp;
        self.after = After::PushResult;
        let val = if val == 0 { 1 } else { val };
        Ok(Outcome::Stop(Event::Syscall(Call::Proc(ProcCall::Longjmp { handlers: left, mask, val }))))
    }
}
