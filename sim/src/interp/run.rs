//! The instruction loop. Private computation runs straight through;
//! the loop returns at the first visible operation. Locals in a register
//! (`pc`, `fp`, the code slice) and no allocation per instruction.

use super::fault::{Cause, Fault, Overflow, Signal, Undefined};
use super::memory::BadAccess;
use super::process::{After, Then};
use super::{libc, Access, AccessKind, Event, Performed, Process, RunCtx};
use crate::ir::atomic::{Atomic, AtomicOp};
use crate::ir::f80::{self, F80};
use crate::ir::{arith, float};
use crate::ir::{region, Op, Program};
use crate::source::Span;

const STACK_BASE: u64 = (region::STACK as u64) << 32;

/// What the gate in front of a memory access decided.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Gate {
    /// Private memory: no visible operation.
    Private,
    /// Shared, and granted: perform it now.
    Granted,
    /// Shared, and let through ([`RunCtx::through`]): perform it now,
    /// unrecorded.
    Through,
    /// A store to shared memory that waits in the store buffer: no
    /// visible operation.
    Buffer,
    /// Shared, not granted: stop in front of it.
    Stop(Access),
}

impl Process {
    /// Runs until the next visible operation. A pending shared access is
    /// performed only if `ctx.granted`; otherwise the process stops in
    /// front of it with [`Event::Access`].
    pub fn run(&mut self, prog: &Program, ctx: &mut RunCtx) -> Event {
        // (Tested here, not in the call: most entries have nothing to drain.)
        if matches!(self.after, After::Drain(_)) {
            if let Some(ev) = self.drain() {
                return ev;
            }
        }
        let mut fuel = ctx.fuel;
        let mut executed: u64 = 0;
        let ev = self.exec(prog, ctx, &mut fuel, &mut executed);
        ctx.instructions += executed;
        ev
    }

    /// Continues a stdio drain: the next queued write, or the routine's end.
    fn drain(&mut self) -> Option<Event> {
        let After::Drain(then) = &self.after else {
            return None;
        };
        if let Some((fd, bytes)) = self.stdio.outq.front() {
            return Some(libc::stdio_flush(*fd, bytes.len()));
        }
        let then = then.clone();
        self.after = After::Nothing;
        let failed = std::mem::take(&mut self.stdio.failed);
        match then {
            Then::Push(_) if failed => self.stack.push(u64::MAX),
            Then::Push(v) => self.stack.push(v),
            Then::Continue => {}
            Then::Exit(code) => return Some(libc::exit_event(self, code)),
            Then::Kill(f) => return Some(Event::Killed(f)),
            Then::Syscall(call, after) => {
                self.after = *after;
                return Some(Event::Syscall(call));
            }
        }
        None
    }

    fn fault(&self, prog: &Program, signal: Signal, cause: Cause) -> Event {
        Event::Killed(Fault::signal(signal, cause, self.span(prog)))
    }

    /// The end for a bad access (the library's too, or a system call's
    /// buffer: `call`): undefined behaviour when Linux may not trap it
    /// (a redzone access traced back to the local object it strays
    /// from), else the signal Linux delivers.
    #[cold]
    pub(super) fn mem_fault_in(&self, prog: &Program, b: BadAccess, call: Option<&'static str>) -> Event {
        let ub = match Overflow::locate(prog, &self.frames, &b) {
            Some(o) => Ok(Undefined::StackBufferOverflow(o)),
            None => Undefined::classify(&b, &self.mem.regions),
        };
        match ub {
            Ok(ub) => Event::Killed(Fault::undefined(ub, call, self.span(prog))),
            Err(sig) => self.fault(prog, sig, Cause::Memory(b)),
        }
    }

    /// [`Self::mem_fault_in`] for an access of the program's own code.
    #[cold]
    pub(super) fn mem_fault(&self, prog: &Program, b: BadAccess) -> Event {
        self.mem_fault_in(prog, b, None)
    }

    /// Performs atomic operation `at` on operands `ops` (address first)
    /// and gives its result (the stored value for a store): a buffered
    /// store under x86-TSO if `buffer`, else a locked read-modify-write
    /// (for shared memory, the step drained the store buffer first).
    fn atomic(
        &mut self,
        sh: &mut dyn super::Shared,
        at: Atomic,
        ops: [u64; 3],
        buffer: bool,
        expr: Option<Span>,
    ) -> Result<u64, BadAccess> {
        // The second operand of a compare-exchange through a pointer is
        // that pointer.
        let v = if at.op == AtomicOp::CasPtr { ops[1] } else { at.ty.norm(ops[1]) };
        let (a, desired) = (ops[0], at.ty.norm(ops[2]));
        if at.op == AtomicOp::Load {
            return self.mem.load(sh, a, at.ty);
        }
        if buffer {
            self.mem.store_buffered(sh, a, at.ty, v, expr, true)?;
            return Ok(v);
        }
        // The expected value of a compare-exchange through a pointer.
        let expected = match at.op {
            AtomicOp::CasPtr => self.mem.load(sh, v, at.ty)?,
            _ => v,
        };
        let old = self.mem.rmw(sh, a, at.ty, &mut |old| match at.op {
            AtomicOp::CasValue | AtomicOp::CasBool | AtomicOp::CasPtr => (old == expected).then_some(desired),
            op => op.apply(old, v),
        })?;
        let new = at.op.apply(old, v).map_or(old, |n| at.ty.norm(n));
        Ok(match at.op {
            AtomicOp::CasValue => old,
            AtomicOp::CasBool => (old == expected) as u64,
            AtomicOp::CasPtr => {
                if old != expected {
                    self.mem.store(sh, v, at.ty, old)?;
                }
                (old == expected) as u64
            }
            AtomicOp::Store => v,
            _ if at.new => new,
            _ => old,
        })
    }

    /// Stops in front of a shared access, or consumes the grant for it.
    /// The `long double` at `addr` (its 10 significant bytes).
    fn read_ld(&self, sh: &dyn super::memory::Shared, addr: u64) -> Result<F80, BadAccess> {
        let m = self.mem.load(sh, addr, crate::ir::MemTy::I64)?;
        let se = self.mem.load(sh, addr.wrapping_add(8), crate::ir::MemTy::U16)?;
        Ok(F80 { se: se as u16, m })
    }

    /// Writes `v` into the frame slot (a temporary); its address.
    fn write_ld(&mut self, fp: usize, slot: u32, v: F80) -> u64 {
        let at = fp + slot as usize;
        self.mem.stack[at..at + 16].copy_from_slice(&v.to_bytes16());
        STACK_BASE | at as u64
    }

    fn gate(&self, ctx: &mut RunCtx, kind: AccessKind, addrs: &[u64]) -> Gate {
        // (One look into the region table per address.)
        let Some((obj, off)) = addrs.iter().find_map(|&a| self.mem.shared_location(a)) else {
            return Gate::Private;
        };
        let access = Access { kind, obj, off, expr: None };
        if kind.is_buffered_store() && ctx.shared.buffers_stores() {
            // After a step that made room in a full buffer, the grant is
            // spent on the store it let in.
            ctx.granted = false;
            return Gate::Buffer;
        }
        if ctx.granted {
            ctx.granted = false;
            ctx.performed = Some(Performed { access, value: 0 });
            return Gate::Granted;
        }
        if ctx.through > 0 {
            ctx.through -= 1;
            return Gate::Through;
        }
        Gate::Stop(access)
    }

    fn exec(&mut self, prog: &Program, ctx: &mut RunCtx, fuel: &mut u64, executed: &mut u64) -> Event {
        'frames: loop {
            let Some(frame) = self.frames.last() else {
                return Event::Exit(0);
            };
            let func = &prog.functions[frame.func as usize];
            let ops = &func.ops[..];
            let fp = frame.fp as usize;
            let mut pc = frame.pc as usize;
            macro_rules! save_pc {
                () => {
                    if let Some(f) = self.frames.last_mut() {
                        f.pc = pc as u32;
                    }
                };
            }
            macro_rules! pop {
                () => {
                    self.stack.pop().unwrap_or(0)
                };
            }
            macro_rules! try_mem {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(b) => {
                            save_pc!();
                            return self.mem_fault(prog, b);
                        }
                    }
                };
            }
            macro_rules! gate {
                ($kind:expr, $($addr:expr),+) => {
                    match self.gate(ctx, $kind, &[$($addr),+]) {
                        Gate::Stop(access) => {
                            // Stop in front of the instruction; it runs
                            // again once the scheduler grants the access.
                            pc -= 1;
                            *executed -= 1;
                            save_pc!();
                            return Event::Access(Access { expr: func.spans.get(pc).copied(), ..access });
                        }
                        g => g,
                    }
                };
            }
            // `a op b` pushed, or the process ends at a division's SIGFPE.
            macro_rules! arith {
                ($bop:expr, $ty:expr, $a:expr, $b:expr) => {{
                    let (a, b, ty) = ($a, $b, $ty);
                    match arith::binary($bop, ty, a, b) {
                        Ok(v) => self.stack.push(v),
                        Err(_) => {
                            save_pc!();
                            let cause = if ty.norm(b) == 0 { Cause::DivideByZero } else { Cause::DivideOverflow };
                            return self.fault(prog, Signal::Fpe, cause);
                        }
                    }
                }};
            }
            // A jump; a backward one burns fuel once taken (a process out
            // of fuel resumes at the target: a handler may run first).
            macro_rules! jump {
                ($t:expr) => {{
                    let t = $t as usize;
                    let back = t < pc;
                    pc = t;
                    if back {
                        burn!();
                    }
                }};
            }
            macro_rules! burn {
                () => {
                    *fuel = fuel.saturating_sub(1);
                    if *fuel == 0 {
                        save_pc!();
                        return Event::OutOfFuel;
                    }
                };
            }
            loop {
                let Some(&op) = ops.get(pc) else {
                    // Defensive: code always ends in Ret.
                    save_pc!();
                    return Event::Exit(0);
                };
                pc += 1;
                *executed += 1;
                match op {
                    Op::Const(v) => self.stack.push(v),
                    Op::Frame(off) => self.stack.push(STACK_BASE | (fp as u64 + off as u64)),
                    Op::LoadFrame(off, m) => {
                        let at = fp + off as usize;
                        let w = m.width() as usize;
                        self.stack.push(m.norm(super::memory::read_le(&self.mem.stack[at..at + w])));
                    }
                    Op::StoreFrame(off, m) => {
                        let v = pop!();
                        let at = fp + off as usize;
                        let w = m.width() as usize;
                        super::memory::write_le(&mut self.mem.stack[at..at + w], v);
                    }
                    Op::Load(m) => {
                        let a = *self.stack.last().unwrap_or(&0);
                        let granted = gate!(AccessKind::Load(m), a) == Gate::Granted;
                        self.stack.pop();
                        let v = try_mem!(self.mem.load(ctx.shared, a, m));
                        if granted {
                            ctx.performed.as_mut().expect("granted").value = v;
                        }
                        self.stack.push(v);
                    }
                    Op::Store(m) | Op::StoreKeep(m) => {
                        let n = self.stack.len();
                        let (a, v) = (self.stack[n - 2], self.stack[n - 1]);
                        let gate = gate!(AccessKind::Store(m), a);
                        self.stack.truncate(n - 2);
                        if gate == Gate::Buffer {
                            let expr = func.spans.get(pc - 1).copied();
                            try_mem!(self.mem.store_buffered(ctx.shared, a, m, v, expr, false));
                        } else {
                            try_mem!(self.mem.store(ctx.shared, a, m, v));
                        }
                        if gate == Gate::Granted {
                            ctx.performed.as_mut().expect("granted").value = m.norm(v);
                        }
                        if matches!(op, Op::StoreKeep(_)) {
                            self.stack.push(m.norm(v));
                        }
                    }
                    Op::Copy(n) => {
                        let k = self.stack.len();
                        let (dst, src) = (self.stack[k - 2], self.stack[k - 1]);
                        let _ = gate!(AccessKind::Copy(n), dst, src);
                        self.stack.truncate(k - 2);
                        try_mem!(self.mem.copy(ctx.shared, dst, src, n as usize));
                        self.stack.push(dst);
                    }
                    Op::ZeroFrame(off, n) => {
                        let at = fp + off as usize;
                        self.mem.stack[at..at + n as usize].fill(0);
                    }
                    Op::Pop => {
                        self.stack.pop();
                    }
                    Op::Dup => {
                        let v = *self.stack.last().unwrap_or(&0);
                        self.stack.push(v);
                    }
                    Op::DupX1 => {
                        let b = pop!();
                        let a = pop!();
                        self.stack.extend_from_slice(&[b, a, b]);
                    }
                    Op::Bin(bop, ty) => {
                        let b = pop!();
                        let a = pop!();
                        arith!(bop, ty, a, b)
                    }
                    Op::BinK(bop, ty, b) => {
                        let a = pop!();
                        arith!(bop, ty, a, b)
                    }
                    Op::FieldAddr { slot, off } => {
                        let at = fp + slot as usize;
                        let p = super::memory::read_le(&self.mem.stack[at..at + 8]);
                        self.stack.push(p.wrapping_add(off as u64));
                    }
                    Op::LoadField { slot, off, ty: m } => {
                        let at = fp + slot as usize;
                        let a = super::memory::read_le(&self.mem.stack[at..at + 8]).wrapping_add(off as u64);
                        let granted = gate!(AccessKind::Load(m), a) == Gate::Granted;
                        let v = try_mem!(self.mem.load(ctx.shared, a, m));
                        if granted {
                            ctx.performed.as_mut().expect("granted").value = v;
                        }
                        self.stack.push(v);
                    }
                    Op::LocalOpK { slot, m, op: bop, ty, k } => {
                        let at = fp + slot as usize;
                        let a = m.norm(super::memory::read_le(&self.mem.stack[at..at + m.width() as usize]));
                        arith!(bop, ty, a, k)
                    }
                    Op::LocalsOp { a, ma, b, mb, op: bop, ty } => {
                        let (at, bt) = (fp + a as usize, fp + b as usize);
                        let va = ma.norm(super::memory::read_le(&self.mem.stack[at..at + ma.width() as usize]));
                        let vb = mb.norm(super::memory::read_le(&self.mem.stack[bt..bt + mb.width() as usize]));
                        arith!(bop, ty, va, vb)
                    }
                    Op::ElemK { base, slot, m, scale, load } | Op::ElemF { base, slot, m, scale, load } => {
                        // ElemF's base is an offset in the frame.
                        let base = if matches!(op, Op::ElemF { .. }) { STACK_BASE | (fp as u64 + base) } else { base };
                        let at = fp + slot as usize;
                        let i = m.norm(super::memory::read_le(&self.mem.stack[at..at + m.width() as usize]));
                        let a = base.wrapping_add(i.wrapping_mul(scale as u64));
                        match load {
                            None => self.stack.push(a),
                            Some(t) => {
                                let granted = gate!(AccessKind::Load(t), a) == Gate::Granted;
                                let v = try_mem!(self.mem.load(ctx.shared, a, t));
                                if granted {
                                    ctx.performed.as_mut().expect("granted").value = v;
                                }
                                self.stack.push(v);
                            }
                        }
                    }
                    Op::FrameOpK { slot, op: bop, ty, m, k } => {
                        let at = fp + slot as usize;
                        let w = m.width() as usize;
                        let v = m.norm(super::memory::read_le(&self.mem.stack[at..at + w]));
                        // Never a division (the fusion excludes them), so
                        // never an error.
                        let r = arith::binary(bop, ty, v, k).unwrap_or(0);
                        super::memory::write_le(&mut self.mem.stack[at..at + w], r);
                    }
                    Op::LoadFrame2 { a, ma, b, mb } => {
                        let (at, bt) = (fp + a as usize, fp + b as usize);
                        let va = ma.norm(super::memory::read_le(&self.mem.stack[at..at + ma.width() as usize]));
                        let vb = mb.norm(super::memory::read_le(&self.mem.stack[bt..bt + mb.width() as usize]));
                        self.stack.extend_from_slice(&[va, vb]);
                    }
                    Op::LocalCmpJumpK { slot, op: bop, ty, k, target, when } => {
                        let at = fp + slot as usize;
                        let m = ty.mem();
                        let a = m.norm(super::memory::read_le(&self.mem.stack[at..at + m.width() as usize]));
                        if arith::compare(bop, ty, a, k as i64 as u64) == when {
                            jump!(target);
                        }
                    }
                    Op::LocalsCmpJump { a, b, op: bop, ty, target, when } => {
                        let m = ty.mem();
                        let w = m.width() as usize;
                        let (at, bt) = (fp + a as usize, fp + b as usize);
                        let va = m.norm(super::memory::read_le(&self.mem.stack[at..at + w]));
                        let vb = m.norm(super::memory::read_le(&self.mem.stack[bt..bt + w]));
                        if arith::compare(bop, ty, va, vb) == when {
                            jump!(target);
                        }
                    }
                    Op::CmpJump { op: bop, ty, target, when } => {
                        let b = pop!();
                        let a = pop!();
                        if arith::compare(bop, ty, a, b) == when {
                            jump!(target);
                        }
                    }
                    Op::CmpJumpK { op: bop, ty, k, target, when } => {
                        let a = pop!();
                        if arith::compare(bop, ty, a, k) == when {
                            jump!(target);
                        }
                    }
                    Op::Neg(ty) => {
                        let a = pop!();
                        self.stack.push(ty.norm(a.wrapping_neg()));
                    }
                    Op::BitNot(ty) => {
                        let a = pop!();
                        self.stack.push(ty.norm(!a));
                    }
                    Op::Not => {
                        let a = pop!();
                        self.stack.push((a == 0) as u64);
                    }
                    Op::FBin(bop, ty) => {
                        let b = pop!();
                        let a = pop!();
                        self.stack.push(float::binary(bop, ty, a, b));
                    }
                    Op::LdBin(bop, slot) => {
                        let b = pop!();
                        let a = pop!();
                        let y = try_mem!(self.read_ld(ctx.shared, b));
                        let x = try_mem!(self.read_ld(ctx.shared, a));
                        let v = match f80::binary(bop, x, y) {
                            Ok(r) => self.write_ld(fp, slot, r),
                            Err(truth) => truth,
                        };
                        self.stack.push(v);
                    }
                    Op::LdUn(u, slot) => {
                        let a = pop!();
                        let x = try_mem!(self.read_ld(ctx.shared, a));
                        let r = f80::unary(u, x);
                        let v = self.write_ld(fp, slot, r);
                        self.stack.push(v);
                    }
                    Op::IntToLd(from, slot) => {
                        let a = pop!();
                        let v = self.write_ld(fp, slot, F80::from_int(from, a));
                        self.stack.push(v);
                    }
                    Op::FloatToLd(from, slot) => {
                        let a = pop!();
                        let v = self.write_ld(fp, slot, f80::from_float(from, a));
                        self.stack.push(v);
                    }
                    Op::LdToInt(to) => {
                        let a = pop!();
                        let x = try_mem!(self.read_ld(ctx.shared, a));
                        self.stack.push(x.to_int(to));
                    }
                    Op::LdToFloat(to) => {
                        let a = pop!();
                        let x = try_mem!(self.read_ld(ctx.shared, a));
                        self.stack.push(f80::to_float(to, x));
                    }
                    Op::FNeg(ty) => {
                        let a = pop!();
                        self.stack.push(float::negate(ty, a));
                    }
                    Op::IntToFloat(from, to) => {
                        let a = pop!();
                        self.stack.push(float::from_int(from, to, a));
                    }
                    Op::FloatToInt(from, to) => {
                        let a = pop!();
                        self.stack.push(float::to_int(from, to, a));
                    }
                    Op::FloatToFloat(to) => {
                        let a = pop!();
                        self.stack.push(float::convert(to.other(), to, a));
                    }
                    Op::Norm(m) => {
                        let a = pop!();
                        self.stack.push(m.norm(a));
                    }
                    Op::ToBool => {
                        let a = pop!();
                        self.stack.push((a != 0) as u64);
                    }
                    Op::Jump(t) => jump!(t),
                    Op::JumpIfZero(t) => {
                        if pop!() == 0 {
                            jump!(t);
                        }
                    }
                    Op::JumpIfNonZero(t) => {
                        if pop!() != 0 {
                            jump!(t);
                        }
                    }
                    Op::Switch(t) => {
                        let v = pop!();
                        let table = &func.switches[t as usize];
                        pc = match table.cases.binary_search_by_key(&v, |c| c.0) {
                            Ok(i) => table.cases[i].1 as usize,
                            Err(_) => table.default as usize,
                        };
                    }
                    // Out of fuel at a call, the process resumes at the call.
                    Op::Call(f) => {
                        pc -= 1;
                        burn!();
                        pc += 1;
                        save_pc!();
                        if let Err(b) = self.enter(prog, f) {
                            return self.mem_fault(prog, b);
                        }
                        continue 'frames;
                    }
                    Op::CallPtr(argc) => {
                        pc -= 1;
                        burn!();
                        pc += 1;
                        let target = pop!();
                        save_pc!();
                        let Some(f) = prog.callable(target) else {
                            return self.fault(prog, Signal::Segv, Cause::BadCall { addr: target });
                        };
                        if prog.functions[f as usize].params.len() != argc as usize {
                            let ub = Undefined::CallMismatch { func: f, args: argc as u32 };
                            return Event::Killed(Fault::undefined(ub, None, self.span(prog)));
                        }
                        if let Err(b) = self.enter(prog, f) {
                            return self.mem_fault(prog, b);
                        }
                        continue 'frames;
                    }
                    Op::Alloca => {
                        let bytes = pop!();
                        let at = self.sp.div_ceil(16) as u64 * 16;
                        let top = at.saturating_add(bytes.div_ceil(16).saturating_mul(16));
                        if top > super::memory::STACK_LIMIT as u64 {
                            save_pc!();
                            return self.mem_fault(prog, BadAccess::StackOverflow);
                        }
                        self.mem.grow_stack(top as usize);
                        self.sp = top as u32;
                        self.stack.push(STACK_BASE | at);
                    }
                    Op::SaveSp(off) => {
                        let at = fp + off as usize;
                        self.mem.stack[at..at + 4].copy_from_slice(&self.sp.to_le_bytes());
                    }
                    Op::RestoreSp(off) => {
                        let at = fp + off as usize;
                        let b = &self.mem.stack[at..at + 4];
                        self.sp = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
                    }
                    Op::Ret => {
                        let v = pop!();
                        if self.frames.len() == 1 {
                            // Returning from main is exit(status); the frame
                            // stays, so reports point at the `return`.
                            save_pc!();
                            match libc::exit(self, prog, v as i32) {
                                Some(ev) => return ev,
                                None => continue 'frames,
                            }
                        }
                        let done = self.frames.pop().expect("a running frame");
                        if !func.redzones.is_empty() {
                            self.mem.poison_frame(fp, &func.redzones, false);
                        }
                        self.sp = done.saved_sp;
                        if self.handler_returned() {
                            return Event::SigReturn;
                        }
                        // A function atexit registered returned: exit goes on.
                        if let Some((_, code)) = self.exiting.filter(|e| e.0 as usize == self.frames.len()) {
                            self.exiting = None;
                            match libc::exit(self, prog, code) {
                                Some(ev) => return ev,
                                None => continue 'frames,
                            }
                        }
                        self.stack.push(v);
                        continue 'frames;
                    }
                    Op::Atomic(at) => {
                        let k = at.op.operands();
                        let n = self.stack.len();
                        let a = self.stack[n - k];
                        let gate = gate!(AccessKind::Atomic(at), a);
                        let ops: [u64; 3] = std::array::from_fn(|j| self.stack.get(n - k + j).copied().unwrap_or(0));
                        self.stack.truncate(n - k);
                        let expr = func.spans.get(pc - 1).copied();
                        let v = try_mem!(self.atomic(ctx.shared, at, ops, gate == Gate::Buffer, expr));
                        if gate == Gate::Granted {
                            ctx.performed.as_mut().expect("granted").value = v;
                        }
                        if at.op != crate::ir::atomic::AtomicOp::Store {
                            self.stack.push(v);
                        }
                    }
                    Op::Fence(order) => {
                        if ctx.shared.fence(order) {
                            // Stores wait in the buffer (or views must be
                            // joined): a step of its own.
                            save_pc!();
                            // The variants are in gcc's `__ATOMIC_*` order.
                            return Event::Syscall(crate::abi::call::Call::Shm(crate::abi::call::ShmCall::Fence { order: order as u8 }));
                        }
                    }
                    Op::FellOffEnd => {
                        self.stack.push(0);
                    }
                    Op::Lib(f, argc) => {
                        if !libc::is_syscall(f) {
                            let k = self.stack.len();
                            let args = &self.stack[k.saturating_sub(argc as usize)..];
                            if args.iter().any(|&a| self.mem.is_shared(a)) {
                                let args: [u64; 8] = std::array::from_fn(|i| args.get(i).copied().unwrap_or(0));
                                let _ = gate!(AccessKind::Lib(f), args[0], args[1], args[2], args[3], args[4], args[5], args[6], args[7]);
                            }
                        }
                        save_pc!();
                        match libc::call(self, prog, ctx.shared, f, argc) {
                            libc::Outcome::Value(v) => self.stack.push(v),
                            libc::Outcome::Void => {}
                            libc::Outcome::Stop(ev) => return ev,
                        }
                        if self.after != After::Nothing {
                            if let Some(ev) = self.drain() {
                                return ev;
                            }
                        }
                        continue 'frames;
                    }
                }
            }
        }
    }
}
