//! The run's control page: a `MAP_SHARED` page every process of the run
//! inherits, holding the virtual-pid counter, the virtual-to-real pid
//! table (so pids in outcomes are the simulator's: 1000, 1001, ...), the
//! count of processes that exist (for the process limit), and each
//! process's virtual group and session (the real processes all stay in
//! the run's one real group, by which a run is always stopped), and which
//! processes are waiting out a spin.

use std::sync::atomic::{AtomicI32, AtomicU32, Ordering::SeqCst};

/// Virtual pids one run may give out in total; `fork` fails with
/// `EAGAIN` past it. Far more than the processes that may exist at once
/// ([`sim::abi::limits::MAX_PROCS`]), so forking and reaping children one
/// after another works as natively.
pub const MAX_PIDS: usize = 4096;

/// The page's layout.
#[repr(C)]
pub struct Control {
    next: AtomicI32,
    /// Processes that exist: running, or ended and not yet reaped.
    live: AtomicI32,
    /// Real pid of each virtual pid; 0 before it exists and once reaped.
    real: [AtomicI32; MAX_PIDS],
    /// Each virtual pid's parent, group and session, and 1 once it has
    /// called `exec` (see [`sim::abi::groups`]).
    parent: [AtomicI32; MAX_PIDS],
    pgid: [AtomicI32; MAX_PIDS],
    sid: [AtomicI32; MAX_PIDS],
    execd: [AtomicI32; MAX_PIDS],
    /// 1 while the process waits out a spin (see `crate::spin`).
    spinning: [AtomicI32; MAX_PIDS],
    /// Spin waits ended so far, by any process (wrapping): processes that
    /// take turns waiting out each other's spins are each flagged most of
    /// the time, so only a count that stands still tells a livelock.
    spin_ends: AtomicU32,
}

/// A handle on the control page.
#[derive(Clone, Copy)]
pub struct Ctl(*const Control);

impl Ctl {
    /// Maps a fresh page (before the first fork); the first process
    /// counts as existing.
    pub fn create() -> Option<Ctl> {
        let len = std::mem::size_of::<Control>();
        // SAFETY: an anonymous shared mapping, zero-filled.
        let p = unsafe {
            libc::mmap(std::ptr::null_mut(), len, libc::PROT_READ | libc::PROT_WRITE, libc::MAP_SHARED | libc::MAP_ANONYMOUS, -1, 0)
        };
        if p == libc::MAP_FAILED {
            return None;
        }
        let c = Ctl(p as *const Control);
        c.page().next.store(sim::abi::FIRST_PID + 1, SeqCst);
        c.page().live.store(1, SeqCst);
        let first = sim::abi::FIRST_PID;
        c.store(&c.page().parent, first, sim::abi::INIT_PID);
        c.store(&c.page().pgid, first, first);
        c.store(&c.page().sid, first, sim::abi::groups::OUTER_SESSION);
        Some(c)
    }

    fn page(&self) -> &Control {
        // SAFETY: the page lives for the whole run in every process.
        unsafe { &*self.0 }
    }

    /// Reserves a process for a `fork`: its virtual pid, or `None` if
    /// `limit` processes exist already or the pids are used up (`EAGAIN`).
    /// A failed real fork gives it back with [`Ctl::unreserve`].
    pub fn reserve(&self, limit: usize) -> Option<i32> {
        let page = self.page();
        if page.live.fetch_add(1, SeqCst) >= limit as i32 {
            page.live.fetch_sub(1, SeqCst);
            return None;
        }
        let v = page.next.fetch_add(1, SeqCst);
        if v - sim::abi::FIRST_PID >= MAX_PIDS as i32 {
            page.live.fetch_sub(1, SeqCst);
            return None;
        }
        Some(v)
    }

    /// Gives back a reservation whose fork failed.
    pub fn unreserve(&self) {
        self.page().live.fetch_sub(1, SeqCst);
    }

    /// Real pid `r` was reaped: it no longer exists or counts. Its
    /// virtual pid, if it was one of the run's.
    pub fn reaped(&self, r: i32) -> Option<i32> {
        let v = self.virt(r)?;
        self.slot(v)?.store(0, SeqCst);
        self.page().live.fetch_sub(1, SeqCst);
        Some(v)
    }

    fn slot(&self, v: i32) -> Option<&AtomicI32> {
        self.page().real.get(usize::try_from(v - sim::abi::FIRST_PID).ok()?)
    }

    /// Records that virtual pid `v` is real pid `r`.
    pub fn set(&self, v: i32, r: i32) {
        if let Some(slot) = self.slot(v) {
            slot.store(r, SeqCst);
        }
    }

    /// The real pid of virtual pid `v`, while it exists.
    pub fn real(&self, v: i32) -> Option<i32> {
        let r = self.slot(v)?.load(SeqCst);
        (r > 0).then_some(r)
    }

    /// Pids given out so far (at most [`MAX_PIDS`]).
    fn given(&self) -> usize {
        ((self.page().next.load(SeqCst) - sim::abi::FIRST_PID).max(0) as usize).min(MAX_PIDS)
    }

    /// (virtual, real) of every process that exists.
    fn existing(&self) -> impl Iterator<Item = (i32, i32)> + '_ {
        self.page().real[..self.given()]
            .iter()
            .enumerate()
            .map(|(i, s)| (i as i32 + sim::abi::FIRST_PID, s.load(SeqCst)))
            .filter(|&(_, r)| r > 0)
    }

    fn store(&self, table: &[AtomicI32; MAX_PIDS], v: i32, x: i32) {
        if let Some(slot) = usize::try_from(v - sim::abi::FIRST_PID).ok().and_then(|k| table.get(k)) {
            slot.store(x, SeqCst);
        }
    }

    fn load(&self, table: &[AtomicI32; MAX_PIDS], v: i32) -> i32 {
        usize::try_from(v - sim::abi::FIRST_PID).ok().and_then(|k| table.get(k)).map_or(0, |s| s.load(SeqCst))
    }

    /// Child `v` of `parent` starts in its parent's group and session
    /// (before the real fork, so the child sees it).
    pub fn inherit(&self, v: i32, parent: i32) {
        let page = self.page();
        self.store(&page.parent, v, parent);
        self.store(&page.pgid, v, self.load(&page.pgid, parent));
        self.store(&page.sid, v, self.load(&page.sid, parent));
        self.store(&page.execd, v, 0);
        self.store(&page.spinning, v, 0);
    }

    /// Process `v` called `exec`.
    pub fn execd(&self, v: i32) {
        self.store(&self.page().execd, v, 1);
    }

    /// Process `v`'s group and session become these.
    pub fn regroup(&self, v: i32, pgid: i32, sid: i32) {
        self.store(&self.page().pgid, v, pgid);
        self.store(&self.page().sid, v, sid);
    }

    /// Process `v` spins on locations nobody has changed yet (or no
    /// longer does).
    pub fn set_spinning(&self, v: i32, on: bool) {
        self.store(&self.page().spinning, v, on as i32);
        if !on {
            self.page().spin_ends.fetch_add(1, SeqCst);
        }
    }

    /// How many spin waits have ended (see the page's `spin_ends`).
    pub fn spin_ends(&self) -> u32 {
        self.page().spin_ends.load(SeqCst)
    }

    /// (real pid, spinning) of every process that exists.
    pub fn reals_spinning(&self) -> Vec<(i32, bool)> {
        let page = self.page();
        self.existing().map(|(v, r)| (r, self.load(&page.spinning, v) != 0)).collect()
    }

    /// The processes that exist, as the group rules see them.
    pub fn members(&self) -> Vec<sim::abi::groups::Member> {
        let page = self.page();
        self.existing()
            .map(|(v, _)| sim::abi::groups::Member {
                pid: v,
                ppid: self.load(&page.parent, v),
                pgid: self.load(&page.pgid, v),
                sid: self.load(&page.sid, v),
                execd: self.load(&page.execd, v) != 0,
            })
            .collect()
    }

    /// The virtual pid of every process that exists.
    pub fn pids(&self) -> Vec<i32> {
        self.existing().map(|(v, _)| v).collect()
    }

    /// The virtual pid of real pid `r` (the latest, should the kernel
    /// reuse a real pid).
    pub fn virt(&self, r: i32) -> Option<i32> {
        self.existing().filter(|&(_, x)| x == r).map(|(v, _)| v).last()
    }
}
