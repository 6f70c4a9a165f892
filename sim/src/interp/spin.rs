//! Spin detection, for both kernels: a process whose loop brings it back
//! to an identical private state, having only read shared locations that
//! still hold what it read, is spinning, and will spin until one of them
//! is written. The simulator parks such a process (kernel/park.rs); the
//! real backend lets it wait on the real locations, and a run in which
//! every process is blocked or spinning is a livelock at once, not at the
//! timeout.

use crate::interp::memory::{Ephemeral, Memory, RegionKind};
use crate::interp::Process;
use crate::source::Span;
use std::hash::{Hash, Hasher};

/// A shared location a spinning process reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Watch {
    /// Shared object.
    pub obj: u32,
    /// Offset.
    pub off: u64,
    /// Width.
    pub width: u32,
}

/// Most loads remembered in one streak.
pub const MAX_STREAK: usize = 256;

/// A load of a streak: the fingerprint of the private state before it,
/// where, the value read, the C expression.
type Entry = (u64, Watch, u64, Option<Span>);

/// Shared loads since the process's last other visible operation: the
/// fingerprint of its private state before each, what it read, and where.
#[derive(Debug, Default, PartialEq, Eq, Hash)]
pub struct Streak {
    entries: Vec<Entry>,
}

crate::reuse::fieldwise_clone!(Streak { entries });

impl Streak {
    /// Forgets the streak (the process did something else).
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// Records a load about to be performed.
    pub fn push(&mut self, fp: u64, w: Watch, value: u64, expr: Option<Span>) {
        if self.entries.len() >= MAX_STREAK {
            self.clear();
        }
        self.entries.push((fp, w, value, expr));
    }

    /// The locations read in the streak, oldest first.
    pub fn watches(&self) -> impl Iterator<Item = &Watch> {
        self.entries.iter().map(|e| &e.1)
    }

    /// The C expression last seen loading `w`, if any.
    pub fn expr_of(&self, w: &Watch) -> Option<Span> {
        self.entries.iter().rev().find(|e| e.1 == *w).and_then(|e| e.3)
    }

    /// If the process is back in a state it was in earlier in the streak
    /// and every location read since holds the same value (`read` reads
    /// one now), the locations it spins on.
    pub fn spinning(&self, fp: u64, read: impl Fn(&Watch) -> u64) -> Option<Vec<Watch>> {
        let since = self.since(fp, &read)?;
        let mut watch: Vec<Watch> = since.iter().map(|e| e.1).collect();
        watch.sort();
        watch.dedup();
        Some(watch)
    }

    /// The entries since the process was last in state `fp`, if it was,
    /// and every location read since holds the same value.
    fn since(&self, fp: u64, read: impl Fn(&Watch) -> u64) -> Option<&[Entry]> {
        let j = self.entries.iter().position(|e| e.0 == fp)?;
        let since = &self.entries[j..];
        since.iter().all(|(_, w, v, _)| read(w) == *v).then_some(since)
    }

    /// As [`Streak::spinning`], with the value each location held when
    /// read (what a write must change to end the spin), by location.
    pub fn spin_reads(&self, fp: u64, read: impl Fn(&Watch) -> u64) -> Option<Vec<(Watch, u64)>> {
        let since = self.since(fp, read)?;
        let mut reads: Vec<(Watch, u64)> = since.iter().map(|e| (e.1, e.2)).collect();
        reads.sort();
        reads.dedup();
        Some(reads)
    }
}

/// The digest of a process's regions (heap, writable globals, private
/// mappings) as of a count of writes ([`Memory::writes`]): a loop that
/// writes only its stack has it hashed once, not at every shared load.
pub type RegionDigest = Ephemeral<Option<(u64, u64)>>;

/// A fast 64-bit hash of everything in a process's private state that can
/// change: frames, operand stack, the live part of the stack, writable
/// regions, stdio and `rand` (string literals and library strings cannot).
pub fn fingerprint(p: &Process, digest: &mut RegionDigest) -> u64 {
    let mut h = Fx(p.frames.len() as u64 ^ (p.stack.len() as u64) << 32);
    // Two words a frame, one a value: not the derived `Hash`, which
    // spends a round per field and per length.
    for f in &p.frames {
        h.write_u64(f.func as u64 | (f.pc as u64) << 32);
        h.write_u64(f.fp as u64 | (f.saved_sp as u64) << 32);
    }
    for &v in &p.stack {
        h.write_u64(v);
    }
    h.write(&p.mem.stack[..(p.sp as usize).min(p.mem.stack.len())]);
    let writes = p.mem.writes();
    let regions = match digest.0 {
        Some((w, d)) if w == writes => d,
        _ => {
            let d = region_digest(&p.mem);
            digest.0 = Some((writes, d));
            d
        }
    };
    h.write_u64(regions);
    // Empty buffers and queue (the usual case) cost one round.
    if p.stdio.holds_output() {
        p.stdio.hash(&mut h);
    }
    let (i, a, b) = p.rand.digest();
    h.write_u64(i as u64 | (a as u64) << 32);
    h.write_u64(b as u64);
    if !matches!(p.after, crate::interp::After::Nothing) {
        p.after.hash(&mut h);
    }
    h.finish()
}

fn region_digest(mem: &Memory) -> u64 {
    let mut h = Fx(0);
    for r in mem.regions() {
        match r.kind {
            RegionKind::Global { writable: false } | RegionKind::Libc | RegionKind::Argv | RegionKind::Stdio => {}
            _ => {
                r.kind.hash(&mut h);
                h.write(&r.bytes);
            }
        }
    }
    h.finish()
}

/// The words of a fingerprint; collisions only risk a spurious park,
/// which the next write undoes.
struct Fx(u64);

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.write_u64(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        for &b in chunks.remainder() {
            self.write_u64(b as u64);
        }
    }

    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    // Fields of frames and enum tags arrive as small integers: one round
    // each, not one per byte (the default goes through `write`).
    fn write_u8(&mut self, v: u8) {
        self.write_u64(v as u64);
    }

    fn write_u32(&mut self, v: u32) {
        self.write_u64(v as u64);
    }

    fn write_i32(&mut self, v: i32) {
        self.write_u64(v as u32 as u64);
    }

    fn write_usize(&mut self, v: usize) {
        self.write_u64(v as u64);
    }

    fn write_isize(&mut self, v: isize) {
        self.write_u64(v as u64);
    }
}
