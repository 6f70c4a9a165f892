//! The `arm` memory model (`--memory arm`): a C11-relaxed-like model of a
//! weakly ordered machine, in the operational "views" style. Every store
//! to a shared location joins that location's history (its modification
//! order, newest last); a load may read any store of the history that is
//! not older than what its process has already seen there (coherence),
//! so a process can see one location's new value and another's stale one.
//! Which store it reads is a move of the scheduler beside the steps: in
//! the token, replayed, searched and shrunk.
//!
//! What a process has seen is its *view*: for each location, the oldest
//! store it may still read. A store carries a view along (a release store
//! its writer's, a relaxed one its writer's view as of its last release
//! fence); an acquire load (or a relaxed load and a later acquire fence)
//! joins it into the reader's. A `seq_cst` fence, a system call (the
//! kernel's objects synchronise), a library routine or struct copy on
//! shared bytes make the process see every store made so far: stronger
//! than C11 requires, so some weak outcomes are missed, none invented.
//! Loads read stores that exist: no load buffering (LB) and no store-store
//! reordering (2+2W), which C11 and ARM allow; see the README.

use super::{inject, Config, Machine, Pending};
use crate::interp::AccessKind;
use crate::interp::Shared as _;
use crate::ir::atomic::{AtomicOp, Order};
use std::collections::{BTreeMap, VecDeque};
use std::sync::Arc;

/// A location: shared object and offset.
pub type Key = (u32, u64);

/// For each location, the stamp of the oldest store that may be read.
pub type View = BTreeMap<Key, u32>;

fn join(into: &mut View, from: &View) {
    for (k, &s) in from {
        let e = into.entry(*k).or_insert(0);
        *e = (*e).max(s);
    }
}

/// One store of a location's history.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Msg {
    /// Its place in the location's modification order.
    stamp: u32,
    /// The value (its low `width` bytes).
    value: u64,
    /// The view it carries to an acquiring reader.
    view: Option<Arc<View>>,
}

/// A location's history: the stores a load may still read, oldest first
/// (the newest is what memory holds).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Hist {
    width: u8,
    next: u32,
    msgs: VecDeque<Msg>,
}

/// Every location's history (empty under `sc` and `tso`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Histories(BTreeMap<Key, Hist>);

impl Histories {
    /// The stores a process whose view of `key` is `floor` may read there
    /// with a load of `width` bytes, oldest first (none: the location has
    /// no history of that width, and memory is read).
    fn readable(&self, key: Key, width: u8, floor: u32) -> impl Iterator<Item = &Msg> {
        self.0.get(&key).filter(|h| h.width == width).into_iter().flat_map(move |h| h.msgs.iter().filter(move |m| m.stamp >= floor))
    }

    /// The stamp of each location's newest store.
    fn latest(&self) -> impl Iterator<Item = (Key, u32)> + '_ {
        self.0.iter().filter_map(|(k, h)| h.msgs.back().map(|m| (*k, m.stamp)))
    }
}

/// A process's view and what its fences carry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ProcView {
    /// What it has seen.
    floor: View,
    /// The view its relaxed stores carry (as of its last release fence).
    rel: Option<Arc<View>>,
    /// The views of stores it read without acquiring (an acquire fence
    /// joins them).
    acq: View,
}

fn acquires(o: Order) -> bool {
    matches!(o, Order::Consume | Order::Acquire | Order::AcqRel | Order::SeqCst)
}

fn releases(o: Order) -> bool {
    matches!(o, Order::Release | Order::AcqRel | Order::SeqCst)
}

/// The key, width and order of a load the model lets read an older store.
fn weak_load(kind: AccessKind) -> Option<(u8, Order)> {
    match kind {
        AccessKind::Load(m) => Some((m.width() as u8, Order::Relaxed)),
        AccessKind::Atomic(a) if a.op == AtomicOp::Load && a.order != Order::SeqCst => Some((a.ty.width() as u8, a.order)),
        _ => None,
    }
}

impl Machine {
    /// Appends to `ready` a move for each older store a ready process's
    /// pending load may read instead of the newest.
    pub(super) fn stale_moves(&self, config: &Config, ready: &mut Vec<usize>) {
        let n = ready.len();
        for k in 0..n {
            let i = ready[k];
            if i >= inject::MOVE {
                continue;
            }
            let p = &self.procs[i];
            let Pending::Access(a) = p.pending else { continue };
            let Some((width, _)) = weak_load(a.kind) else { continue };
            if p.dying.is_some() || p.signals.is_some() {
                // A signal may be taken instead of the load: only the
                // newest store is offered (a weak outcome may be missed).
                continue;
            }
            let key = (a.obj, a.off);
            let floor = p.view.floor.get(&key).copied().unwrap_or(0);
            let older = self.hist.readable(key, width, floor).count().saturating_sub(1).min(config.memory.bound as usize);
            ready.extend((1..=older as u32).map(|j| inject::stale_entry(i, j)));
        }
    }

    /// Process `i` makes its step, its pending load reading the store
    /// `pick` places older than the newest it may read.
    pub fn step_stale(&mut self, i: usize, pick: u32, cx: &mut super::StepCtx) {
        self.stale_pick = pick;
        self.step(i, cx);
        self.stale_pick = 0;
    }

    /// Before process `i`'s shared access `a` is performed: a load picks
    /// the store it reads (the value it reads, if not memory's), joins its
    /// view; a store notes the bytes it overwrites (a location's first
    /// store starts its history with them).
    pub(super) fn weak_before(&mut self, i: usize, a: &crate::interp::Access) -> (Option<u64>, u32, Option<u64>) {
        let key = (a.obj, a.off);
        let pick = std::mem::take(&mut self.stale_pick);
        match a.kind {
            AccessKind::Copy(_) | AccessKind::Lib(_) => {
                // Bytes the model does not follow: every history is
                // forgotten, every process sees memory.
                self.hist.0.clear();
                for p in &mut self.procs {
                    p.view = ProcView::default();
                }
                (None, 0, None)
            }
            AccessKind::Atomic(at) if at.op != AtomicOp::Load => {
                // A read-modify-write reads the newest store (and a
                // store overwrites it).
                let width = at.ty.width() as u8;
                if at.op != AtomicOp::Store {
                    let newest = self.hist.readable(key, width, 0).last().cloned();
                    if let Some(m) = newest {
                        self.read_msg(i, key, &m, acquires(at.order));
                    }
                }
                (None, 0, Some(self.shared.load(a.obj, a.off as usize, width as usize)))
            }
            AccessKind::Store(m) => (None, 0, Some(self.shared.load(a.obj, a.off as usize, m.width() as usize))),
            _ => {
                let Some((width, order)) = weak_load(a.kind) else {
                    // A seq_cst load: the newest store, acquiring.
                    let width = match a.kind {
                        AccessKind::Atomic(at) => at.ty.width() as u8,
                        _ => return (None, 0, None),
                    };
                    if let Some(m) = self.hist.readable(key, width, 0).last().cloned() {
                        self.read_msg(i, key, &m, true);
                    }
                    return (None, 0, None);
                };
                let floor = self.procs[i].view.floor.get(&key).copied().unwrap_or(0);
                // The store `pick` places before the newest readable one.
                let n = self.hist.readable(key, width, floor).count();
                let Some(m) = n.checked_sub(1 + pick as usize).and_then(|k| self.hist.readable(key, width, floor).nth(k)).cloned() else {
                    return (None, 0, None);
                };
                self.read_msg(i, key, &m, acquires(order));
                ((pick > 0).then_some(m.value), pick, None)
            }
        }
    }

    /// Process `i` read store `m` of `key`: it may no longer read older
    /// ones there, and takes the store's view now (acquiring) or at its
    /// next acquire fence.
    fn read_msg(&mut self, i: usize, key: Key, m: &Msg, acquire: bool) {
        let v = &mut self.procs[i].view;
        let e = v.floor.entry(key).or_insert(0);
        *e = (*e).max(m.stamp);
        if let Some(view) = &m.view {
            join(if acquire { &mut v.floor } else { &mut v.acq }, view);
        }
    }

    /// After process `i`'s store to `key` (`old`: the bytes it overwrote,
    /// `order`: relaxed for a plain store): the store joins the history,
    /// carrying its view.
    pub(super) fn weak_stored(&mut self, i: usize, a: &crate::interp::Access, old: u64, bound: u32) {
        let (width, order) = match a.kind {
            AccessKind::Store(m) => (m.width() as u8, Order::Relaxed),
            AccessKind::Atomic(at) if at.op.writes() => (at.ty.width() as u8, at.order),
            _ => return,
        };
        let key = (a.obj, a.off);
        let new = self.shared.load(a.obj, a.off as usize, width as usize);
        // Histories of other bytes this store overlaps end: mixed-size
        // accesses read memory.
        let end = a.off + width as u64;
        self.hist.0.retain(|&(o, off), h| o != a.obj || (o, off) == key || off >= end || off + h.width as u64 <= a.off);
        let h = self.hist.0.entry(key).or_insert_with(|| Hist {
            width,
            next: 1,
            msgs: VecDeque::from([Msg { stamp: 0, value: old, view: None }]),
        });
        if h.width != width {
            *h = Hist { width, next: 1, msgs: VecDeque::from([Msg { stamp: 0, value: old, view: None }]) };
        }
        let stamp = h.next;
        h.next += 1;
        let v = &mut self.procs[i].view;
        v.floor.insert(key, stamp);
        let view = if releases(order) { Some(Arc::new(v.floor.clone())) } else { v.rel.clone() };
        h.msgs.push_back(Msg { stamp, value: new, view });
        while h.msgs.len() > bound as usize + 1 {
            h.msgs.pop_front();
        }
    }

    /// A fence of process `i` (`order`): an acquire fence takes the views
    /// of the stores read since; a release fence makes later relaxed
    /// stores carry the process's view; a `seq_cst` one sees everything.
    pub(super) fn weak_fence(&mut self, i: usize, order: Order) {
        if order == Order::SeqCst {
            return self.weak_sync(i);
        }
        let v = &mut self.procs[i].view;
        if acquires(order) {
            let acq = std::mem::take(&mut v.acq);
            join(&mut v.floor, &acq);
        }
        if releases(order) {
            v.rel = Some(Arc::new(v.floor.clone()));
        }
    }

    /// Before process `i`'s step: anything but a shared access it may
    /// make weakly (or a fence, which takes its own views) synchronises
    /// fully. `rang`: an alarm went off first.
    pub(super) fn weak_step(&mut self, i: usize, rang: bool) {
        use crate::abi::call::{Call, ShmCall};
        let p = &self.procs[i];
        let own = !rang && p.dying.is_none() && (p.signals.is_none() || self.deliverable(i).is_none());
        match p.pending {
            Pending::Access(a) if own && !matches!(a.kind, AccessKind::Copy(_) | AccessKind::Lib(_)) => {}
            Pending::Call(Call::Shm(ShmCall::Fence { order })) if own => self.weak_fence(i, Order::from_value(order as i64)),
            _ => self.weak_sync(i),
        }
    }

    /// Process `i` synchronises fully (a system call, a `seq_cst` fence):
    /// it sees every store made so far, and its later stores carry that.
    pub(super) fn weak_sync(&mut self, i: usize) {
        let latest: Vec<(Key, u32)> = self.hist.latest().collect();
        let v = &mut self.procs[i].view;
        let acq = std::mem::take(&mut v.acq);
        join(&mut v.floor, &acq);
        for (k, s) in latest {
            v.floor.insert(k, s);
        }
        v.rel = Some(Arc::new(v.floor.clone()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_joins_by_the_newest_stamp_of_each_location() {
        let mut a: View = [((0, 0), 3), ((0, 4), 1)].into();
        join(&mut a, &[((0, 0), 1), ((0, 8), 2)].into());
        assert_eq!(a, [((0, 0), 3), ((0, 4), 1), ((0, 8), 2)].into());
    }

    #[test]
    fn a_load_may_read_only_stores_not_older_than_its_view() {
        let msgs = VecDeque::from([0, 1, 2].map(|s| Msg { stamp: s, value: s as u64 * 10, view: None }));
        let h = Histories([((0, 0), Hist { width: 4, next: 3, msgs })].into());
        assert_eq!(h.readable((0, 0), 4, 1).map(|m| m.value).collect::<Vec<_>>(), [10, 20]);
        assert_eq!(h.readable((0, 0), 8, 0).count(), 0, "another width reads memory");
        assert_eq!(h.readable((0, 4), 4, 0).count(), 0, "no history: memory");
    }
}
