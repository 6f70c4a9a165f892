//! The run's control page: a `MAP_SHARED` page every process of the run
//! inherits, holding the virtual-pid counter and the virtual-to-real pid
//! table, so pids in outcomes are the simulator's (1000, 1001, ...).

use std::sync::atomic::{AtomicI32, Ordering::SeqCst};

/// Most processes in one run.
pub const MAX_PROCS: usize = 256;

/// The page's layout.
#[repr(C)]
pub struct Control {
    next: AtomicI32,
    real: [AtomicI32; MAX_PROCS],
}

/// A handle on the control page.
#[derive(Clone, Copy)]
pub struct Ctl(*const Control);

impl Ctl {
    /// Maps a fresh page (before the first fork).
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
        Some(c)
    }

    fn page(&self) -> &Control {
        // SAFETY: the page lives for the whole run in every process.
        unsafe { &*self.0 }
    }

    /// A new virtual pid, or `None` past the process limit.
    pub fn next_pid(&self, limit: usize) -> Option<i32> {
        let v = self.page().next.fetch_add(1, SeqCst);
        ((v - sim::abi::FIRST_PID) < limit.min(MAX_PROCS) as i32).then_some(v)
    }

    /// Records that virtual pid `v` is real pid `r`.
    pub fn set(&self, v: i32, r: i32) {
        if let Some(slot) = self.page().real.get((v - sim::abi::FIRST_PID) as usize) {
            slot.store(r, SeqCst);
        }
    }

    /// The real pid of virtual pid `v`.
    pub fn real(&self, v: i32) -> Option<i32> {
        let r = self.page().real.get(usize::try_from(v - sim::abi::FIRST_PID).ok()?)?.load(SeqCst);
        (r > 0).then_some(r)
    }

    /// Every real pid recorded so far.
    pub fn reals(&self) -> impl Iterator<Item = i32> + '_ {
        self.page().real.iter().map(|s| s.load(SeqCst)).take_while(|&r| r > 0)
    }

    /// Every virtual pid given out so far.
    pub fn pids(&self) -> Vec<i32> {
        self.reals().enumerate().map(|(i, _)| i as i32 + sim::abi::FIRST_PID).collect()
    }

    /// The virtual pid of real pid `r`.
    pub fn virt(&self, r: i32) -> Option<i32> {
        self.page().real.iter().position(|s| s.load(SeqCst) == r).map(|i| i as i32 + sim::abi::FIRST_PID)
    }
}
