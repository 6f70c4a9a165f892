//! Spin-parking (DESIGN.md): a process whose loop brings it back to an
//! identical private state, having only read shared locations that still
//! hold what it read, is parked until one of them is written. A busy-wait
//! then costs one iteration, search terminates on it, and a livelock is
//! definite rather than a timeout.

use crate::interp::spin::{Streak, Watch};
use crate::ipc::shm::SharedStore;
use crate::trace::Loc;

pub use crate::interp::spin::{fingerprint, RegionDigest};

/// The locations a process spins on, if it does (see [`Streak::spinning`]).
pub fn spinning(streak: &Streak, fp: u64, shared: &SharedStore) -> Option<Vec<Watch>> {
    streak.spinning(fp, |w| read(shared, w))
}

fn read(shared: &SharedStore, w: &Watch) -> u64 {
    let bytes = shared.object(w.obj);
    let (o, n) = (w.off as usize, w.width as usize);
    // Fixed widths, not a copy of `n` bytes into a zeroed word: that is
    // a call to `memcpy` and a stalled reload on every shared load.
    bytes.get(o..o.saturating_add(n)).map_or(0, crate::interp::memory::read_le)
}

/// The raw bytes at a location, zero-extended (what a streak records).
pub fn peek(shared: &SharedStore, w: &Watch) -> u64 {
    read(shared, w)
}

/// The locations of a park, with the expressions that read them.
pub fn locs(watch: &[Watch], streak: &Streak) -> Vec<Loc> {
    watch.iter().map(|w| Loc { obj: w.obj, off: w.off, expr: streak.expr_of(w) }).collect()
}
