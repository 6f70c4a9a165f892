//! The memory model of shared memory (`--memory`). Under `sc` every
//! store reaches memory at once. Under `tso` (x86-TSO, the model of the
//! x86-64 machines ipcsim's users run on) each process has a FIFO store
//! buffer: a plain store waits in it while the process's later loads go
//! ahead (reading the process's own buffered stores first); moving the
//! oldest entry to memory is a *flush*, a move of the scheduler beside the
//! steps, so it is in the token, replayed, searched and shrunk. Every
//! step of a process other than a load drains its buffer first: a system
//! call, an exit, a fence (`__sync_synchronize`, `atomic_thread_fence`
//! with `memory_order_seq_cst`), a locked read-modify-write, a library
//! routine on shared bytes. A store into a full buffer is a step that
//! flushes the oldest entry first.

use super::{inject, Machine, StepCtx};
use crate::interp::{AccessKind, Shared};
use crate::ir::MemTy;
use crate::source::Span;
use crate::trace::{Event, Loc, What};
use std::collections::VecDeque;
use std::hash::{Hash, Hasher};

/// Which reorderings of shared-memory accesses a run allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MemoryModel {
    /// Sequential consistency: every access in program order, one at a
    /// time.
    Sc,
    /// x86-TSO: a store may wait in its process's store buffer while
    /// later loads of other locations go ahead.
    Tso,
    /// A weakly ordered machine, C11-relaxed-like (`kernel/weak.rs`): a
    /// load may read an older store than the newest.
    Arm,
}

impl MemoryModel {
    /// The model of the machine ipcsim runs on, the default: what the
    /// program compiled natively here may do (x86-TSO on x86-64).
    pub const fn host() -> MemoryModel {
        if cfg!(any(target_arch = "x86_64", target_arch = "x86")) {
            MemoryModel::Tso
        } else if cfg!(any(target_arch = "aarch64", target_arch = "arm")) {
            MemoryModel::Arm
        } else {
            MemoryModel::Sc
        }
    }

    /// Its name on the command line.
    pub const fn arg(self) -> &'static str {
        match self {
            MemoryModel::Sc => "sc",
            MemoryModel::Tso => "tso",
            MemoryModel::Arm => "arm",
        }
    }
}

/// Most stores a buffer holds by default: a bound on the search (a
/// store into a full buffer waits for a flush), reported in verdicts.
pub const DEFAULT_BOUND: u32 = 8;

/// The memory model of a run and its buffers' bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Memory {
    /// The model.
    pub model: MemoryModel,
    /// Most entries of one store buffer (`tso`); most older stores a
    /// location keeps for loads to read (`arm`).
    pub bound: u32,
}

impl Default for Memory {
    /// The host's model ([`MemoryModel::host`]).
    fn default() -> Self {
        Memory { model: MemoryModel::host(), bound: DEFAULT_BOUND }
    }
}

impl Memory {
    /// Whether stores are buffered.
    pub fn buffers(&self) -> bool {
        self.model == MemoryModel::Tso
    }

    /// Whether loads may read older stores (`arm`).
    pub fn weak(&self) -> bool {
        self.model == MemoryModel::Arm
    }

    /// Whether every access goes to memory at once, in one order.
    pub fn sc(&self) -> bool {
        self.model == MemoryModel::Sc
    }

    /// Sequential consistency, the model before there was a choice:
    /// what a token that names no model was made under.
    pub const SC: Memory = Memory { model: MemoryModel::Sc, bound: DEFAULT_BOUND };

    /// The command-line options that ask for this memory (empty for
    /// [`Memory::SC`]: a command names any other model, the host's
    /// included, so it means the same on every host), with a leading
    /// space.
    pub fn args(&self) -> String {
        let mut s = String::new();
        if self.model != MemoryModel::Sc {
            s.push_str(&format!(" --memory {}", self.model.arg()));
        }
        if self.bound != DEFAULT_BOUND {
            s.push_str(&format!(" --store-buffer {}", self.bound));
        }
        s
    }
}

/// A store waiting in a store buffer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Buffered {
    /// Shared object.
    pub obj: u32,
    /// Offset in it.
    pub off: u64,
    /// Width and signedness.
    pub ty: MemTy,
    /// The value (its low `width` bytes).
    pub value: u64,
    /// The C expression that stored (for reports; not state).
    pub expr: Option<Span>,
    /// An atomic store (`atomic_store_explicit(..., memory_order_release)`):
    /// no data race.
    pub atomic: bool,
}

impl Buffered {
    /// Whether it writes any of bytes `[off, off + width)` of `obj`.
    pub fn overlaps(&self, obj: u32, off: u64, width: u64) -> bool {
        self.obj == obj && self.off < off + width && off < self.off + self.ty.width() as u64
    }
}

impl Buffered {
    /// As the trace names it, overtaken by a load.
    pub fn passed(&self) -> crate::trace::Passed {
        crate::trace::Passed { at: Loc { obj: self.obj, off: self.off, expr: self.expr }, ty: self.ty, value: self.value }
    }
}

impl Hash for Buffered {
    fn hash<H: Hasher>(&self, h: &mut H) {
        (self.obj, self.off, self.ty, self.value, self.atomic).hash(h);
    }
}

/// One process's store buffer, oldest first (empty under `sc`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct StoreBuffer(VecDeque<Buffered>);

impl StoreBuffer {
    /// Whether it holds nothing.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many stores wait.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The waiting stores, oldest first.
    pub fn entries(&self) -> impl Iterator<Item = &Buffered> {
        self.0.iter()
    }

    /// The oldest waiting store.
    pub fn oldest(&self) -> Option<&Buffered> {
        self.0.front()
    }

    /// Buffers a store.
    pub fn push(&mut self, b: Buffered) {
        self.0.push_back(b);
    }

    /// Takes the oldest store out (to write it to memory).
    pub fn pop(&mut self) -> Option<Buffered> {
        self.0.pop_front()
    }

    /// What a load of `width` bytes at `off` of `obj` reads: `memory`'s
    /// bytes with this process's own buffered stores over them, oldest
    /// first (store forwarding).
    pub fn forward(&self, obj: u32, off: u64, width: usize, memory: u64) -> u64 {
        let mut bytes = memory.to_le_bytes();
        for b in self.0.iter().filter(|b| b.overlaps(obj, off, width as u64)) {
            let v = b.value.to_le_bytes();
            for k in 0..b.ty.width() as u64 {
                let at = b.off + k;
                if at >= off && at < off + width as u64 {
                    bytes[(at - off) as usize] = v[k as usize];
                }
            }
        }
        u64::from_le_bytes(bytes)
    }

    /// The oldest store a load of `[off, off + width)` of `obj` overtakes:
    /// one to other bytes, still waiting (the reordering TSO allows).
    pub fn overtaken(&self, obj: u32, off: u64, width: u64) -> Option<&Buffered> {
        self.0.iter().find(|b| !b.overlaps(obj, off, width))
    }
}

/// Whether an access of this kind leaves the store buffer as it is: a
/// load (which reads through it), or a store it may hold.
pub fn passes_buffer(kind: AccessKind) -> bool {
    match kind {
        AccessKind::Load(_) | AccessKind::Store(_) => true,
        AccessKind::Atomic(at) => !at.locked(),
        AccessKind::Copy(_) | AccessKind::Lib(_) => false,
    }
}

impl Machine {
    /// Appends to `ready` a flush move for each process with stores in
    /// its buffer, whatever it is doing (blocked, spinning, ending).
    pub(super) fn flush_moves(&self, ready: &mut Vec<usize>) {
        for (i, p) in self.procs.iter().enumerate() {
            if !p.buffer.is_empty() {
                ready.push(inject::flush_entry(i));
            }
        }
    }

    /// The flush move: process `i`'s oldest buffered store reaches memory,
    /// a step of its own.
    pub fn flush_move(&mut self, i: usize, cx: &mut StepCtx) {
        self.procs[i].proc_fp.forget();
        cx.history.steps += 1;
        cx.history.stepping(self.procs[i].pid);
        self.flush(i, cx);
    }

    /// Writes process `i`'s oldest buffered store to memory: traced,
    /// checked for races, and waking the processes spinning on it.
    pub(super) fn flush(&mut self, i: usize, cx: &mut StepCtx) {
        let Some(b) = self.procs[i].buffer.pop() else { return };
        let width = b.ty.width() as u64;
        self.shared.store(b.obj, b.off as usize, width as usize, b.value);
        let expr = b.expr.unwrap_or_default();
        if let Some(r) = &mut cx.history.races {
            if b.atomic {
                // A buffered atomic store is relaxed or release: taken as
                // release (a race it would leave unordered may be missed).
                r.release(crate::check::races::SyncKey::Atomic(b.obj, b.off));
            } else {
                r.access(b.obj, b.off, width, true, expr, b.expr);
            }
        }
        cx.history.shm_stored(b.obj, b.off, width);
        self.unpark(b.obj, b.off, width);
        if let Some(t) = cx.history.trace.as_mut() {
            let at = Loc { obj: b.obj, off: b.off, expr: b.expr };
            let what = What::Flush { at, ty: b.ty, value: b.value };
            let pid = self.procs[i].pid;
            t.push(Event { step: cx.history.steps, time: self.clock, pid, span: expr, what, blocked_since: None, injected: None });
        }
    }

    /// Drains process `i`'s store buffer, oldest first: every step of a
    /// process but a load or a buffered store does this first (x86's
    /// system calls, fences, locked instructions and exits all wait for
    /// the buffer to empty).
    pub(super) fn drain(&mut self, i: usize, cx: &mut StepCtx) {
        while !self.procs[i].buffer.is_empty() {
            self.flush(i, cx);
        }
    }

    /// Trace events for the stores the step just taken buffered.
    pub(super) fn trace_buffered(&self, cx: &mut StepCtx) {
        let Some(t) = cx.history.trace.as_mut() else { return };
        for (pid, b) in cx.history.buffered.drain(..) {
            let what = What::Buffered { at: Loc { obj: b.obj, off: b.off, expr: b.expr }, ty: b.ty, value: b.value };
            let span = b.expr.unwrap_or_default();
            t.push(Event { step: cx.history.steps, time: self.clock, pid, span, what, blocked_since: None, injected: None });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(off: u64, width: u8, value: u64) -> Buffered {
        let ty = match width {
            1 => MemTy::U8,
            4 => MemTy::U32,
            _ => MemTy::I64,
        };
        Buffered { obj: 0, off, ty, value, expr: None, atomic: false }
    }

    #[test]
    fn a_load_reads_its_own_newest_buffered_bytes_over_memory() {
        let mut b = StoreBuffer::default();
        b.push(entry(0, 4, 0x1111_1111));
        b.push(entry(2, 1, 0x22));
        assert_eq!(b.forward(0, 0, 4, 0xaaaa_aaaa), 0x1122_1111);
        assert_eq!(b.forward(0, 4, 4, 0xbbbb_bbbb), 0xbbbb_bbbb);
        assert_eq!(b.forward(1, 0, 4, 7), 7, "another object is not forwarded");
    }

    #[test]
    fn a_load_of_other_bytes_overtakes_the_oldest_waiting_store() {
        let mut b = StoreBuffer::default();
        b.push(entry(0, 4, 1));
        b.push(entry(8, 4, 1));
        assert_eq!(b.overtaken(0, 4, 4).map(|e| e.off), Some(0));
        assert_eq!(b.overtaken(0, 0, 4).map(|e| e.off), Some(8));
        assert!(StoreBuffer::default().overtaken(0, 0, 4).is_none());
    }
}
