//! Signal handlers on the interpreter's side. A handler runs as a call
//! pushed on top of whatever the process was doing, as the kernel's
//! signal frame is natively; when it returns, the operand stack, the
//! stack pointer and the continuation of an interrupted system call are
//! given back, and the kernel decides what comes next (DESIGN.md: the
//! kernel owns the rules, the interpreter only runs code).

use super::memory::{BadAccess, STACK_LIMIT};
use super::process::After;
use super::Process;
use crate::ir::{region, FuncId, Program};

/// Bytes of glibc's x86_64 `ucontext_t` (rounded up): an `SA_SIGINFO`
/// handler's third argument points at one (zeroed: ipcsim has no
/// machine registers to show).
const UCONTEXT: usize = 976;

/// Bytes of stack the kernel's signal frame takes on x86_64 with AVX
/// state saved (about what Linux pushes; nested handlers run out of an
/// 8 MiB stack a few thousand deep, as natively).
const SIGFRAME: usize = 2048;

/// What a running handler interrupted.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct HandlerFrame {
    /// Call frames below the handler's.
    depth: u32,
    /// Operand stack length at entry.
    stack: u32,
    /// Stack bytes in use at entry.
    sp: u32,
    /// The continuation of the system call it interrupted, if pending.
    after: After,
}

impl Process {
    /// Calls handler `func` for signal `sig` on top of the current state.
    /// `info` (a `siginfo_t`'s bytes) is passed, with a null context, to
    /// an `SA_SIGINFO` handler; a handler gets as many of `sig, info,
    /// context` as it declares parameters.
    pub fn enter_handler(&mut self, prog: &Program, func: FuncId, sig: i32, info: Option<&[u8]>) -> Result<(), BadAccess> {
        let after = std::mem::replace(&mut self.after, After::Nothing);
        self.handlers.push(HandlerFrame { depth: self.frames.len() as u32, stack: self.stack.len() as u32, sp: self.sp, after });
        let mut args = [sig as u32 as u64, 0, 0];
        // The kernel's signal frame (registers, the FPU state) takes stack
        // as natively: nested handlers overflow it as deep as on Linux.
        let frame = (self.sp as usize).div_ceil(16) * 16 + SIGFRAME;
        if frame > STACK_LIMIT {
            return Err(BadAccess::StackOverflow);
        }
        self.mem.grow_stack(frame);
        self.sp = frame as u32;
        if let Some(info) = info {
            // The siginfo_t and a (zeroed) ucontext_t sit above the
            // interrupted code's stack, as the kernel lays them out on
            // the signal stack.
            let at = self.sp.div_ceil(16) as usize * 16;
            let ctx = at + info.len().div_ceil(16) * 16;
            let top = ctx + UCONTEXT;
            if top > STACK_LIMIT {
                return Err(BadAccess::StackOverflow);
            }
            self.mem.grow_stack(top);
            self.mem.stack[at..at + info.len()].copy_from_slice(info);
            self.mem.stack[ctx..top].fill(0);
            self.sp = top as u32;
            let base = (region::STACK as u64) << 32;
            args[1] = base | at as u64;
            args[2] = base | ctx as u64;
        }
        let want = prog.functions[func as usize].params.len().min(3);
        self.stack.extend_from_slice(&args[..want]);
        self.enter(prog, func)
    }

    /// Whether a handler may run now: not inside a library routine's own
    /// writes or reads (a `printf` draining its buffer, a `scanf`
    /// refilling), which it waits for the end of.
    pub fn may_take_signal(&self) -> bool {
        matches!(self.after, After::Nothing | After::PushResult)
    }

    /// Whether the frame just returned from was a handler's.
    #[inline]
    pub(super) fn handler_returned(&self) -> bool {
        self.handlers.last().is_some_and(|h| h.depth as usize == self.frames.len())
    }

    /// Drops the innermost handler's state and gives back what it
    /// interrupted (after [`super::Event::SigReturn`], or when the
    /// handler could not be entered).
    pub fn leave_handler(&mut self) {
        if let Some(h) = self.handlers.pop() {
            self.frames.truncate(h.depth as usize);
            self.stack.truncate(h.stack as usize);
            self.sp = h.sp;
            self.after = h.after;
        }
    }
}
