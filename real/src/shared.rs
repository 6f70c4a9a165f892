//! Shared objects as real `mmap`s: the interpreter's shared regions point
//! here, so processes really share the bytes. Each access is made with
//! the program's own ordering, so the hardware's memory model shows as it
//! does natively: a plain (or `volatile`) load or store is one plain
//! instruction of the C width (a relaxed atomic: `mov` on x86-64, which
//! orders it as x86-TSO does), a fence is a real fence, and an atomic
//! read-modify-write a locked instruction. No SIGBUS check: the real
//! mapping raises it, as natively.

use sim::interp::Shared;
use std::sync::atomic::{fence, AtomicU16, AtomicU32, AtomicU64, AtomicU8, Ordering::Relaxed, Ordering::SeqCst};

/// Real mappings by object number (a mapping per `mmap` call).
#[derive(Default)]
pub struct RealShared {
    maps: Vec<(usize, usize)>,
}

impl RealShared {
    /// Registers a real mapping; returns its object number.
    pub fn add(&mut self, ptr: *mut u8, len: usize) -> u32 {
        self.maps.push((ptr as usize, len));
        (self.maps.len() - 1) as u32
    }

    /// The mapping behind object `obj`.
    pub fn get(&self, obj: u32) -> Option<(usize, usize)> {
        self.maps.get(obj as usize).copied().filter(|m| m.1 > 0)
    }

    /// The object of the live mapping at `ptr`, if registered.
    pub fn find(&self, ptr: *mut u8) -> Option<u32> {
        self.maps.iter().position(|m| m.0 == ptr as usize && m.1 > 0).map(|k| k as u32)
    }

    /// Forgets a mapping (after `munmap`).
    /// Unmaps (or detaches) every mapping: the process execs.
    pub fn release_all(&mut self) {
        for (p, n) in std::mem::take(&mut self.maps) {
            if n > 0 {
                // SAFETY: mappings this process made; a System V segment
                // is detached, anything else unmapped.
                unsafe {
                    if libc::shmdt(p as *const libc::c_void) != 0 {
                        libc::munmap(p as *mut libc::c_void, n);
                    }
                }
            }
        }
    }

    pub fn remove(&mut self, obj: u32) {
        if let Some(m) = self.maps.get_mut(obj as usize) {
            *m = (0, 0);
        }
    }
}

impl Shared for RealShared {
    fn bytes(&self, obj: u32) -> &[u8] {
        let (p, n) = self.maps[obj as usize];
        // SAFETY: the mapping is live (never unmapped while registered) and
        // n bytes long. Other processes may write it concurrently: that is
        // the program's data race, the one being observed.
        unsafe { std::slice::from_raw_parts(p as *const u8, n) }
    }

    fn bytes_mut(&mut self, obj: u32) -> &mut [u8] {
        let (p, n) = self.maps[obj as usize];
        // SAFETY: as in `bytes`.
        unsafe { std::slice::from_raw_parts_mut(p as *mut u8, n) }
    }

    fn size(&self, obj: u32) -> u64 {
        self.maps[obj as usize].1 as u64
    }

    fn load(&self, obj: u32, off: usize, width: usize) -> u64 {
        let p = self.maps[obj as usize].0 + off;
        // SAFETY: in bounds (checked by the interpreter) and aligned
        // for the atomic types used; unaligned falls back to a plain read.
        unsafe {
            match width {
                1 => AtomicU8::from_ptr(p as *mut u8).load(SeqCst) as u64,
                2 if p.is_multiple_of(2) => AtomicU16::from_ptr(p as *mut u16).load(SeqCst) as u64,
                4 if p.is_multiple_of(4) => AtomicU32::from_ptr(p as *mut u32).load(SeqCst) as u64,
                8 if p.is_multiple_of(8) => AtomicU64::from_ptr(p as *mut u64).load(SeqCst),
                _ => {
                    let mut b = [0u8; 8];
                    std::ptr::copy_nonoverlapping(p as *const u8, b.as_mut_ptr(), width);
                    u64::from_le_bytes(b)
                }
            }
        }
    }

    fn store(&mut self, obj: u32, off: usize, width: usize, v: u64) {
        let p = self.maps[obj as usize].0 + off;
        // SAFETY: as in `load`.
        unsafe {
            match width {
                1 => AtomicU8::from_ptr(p as *mut u8).store(v as u8, Relaxed),
                2 if p.is_multiple_of(2) => AtomicU16::from_ptr(p as *mut u16).store(v as u16, Relaxed),
                4 if p.is_multiple_of(4) => AtomicU32::from_ptr(p as *mut u32).store(v as u32, Relaxed),
                8 if p.is_multiple_of(8) => AtomicU64::from_ptr(p as *mut u64).store(v, Relaxed),
                _ => std::ptr::copy_nonoverlapping(v.to_le_bytes().as_ptr(), p as *mut u8, width),
            }
        }
    }

    fn fence(&mut self, order: sim::ir::atomic::Order) -> bool {
        use sim::ir::atomic::Order;
        match order {
            Order::Relaxed => {}
            Order::Consume | Order::Acquire => fence(std::sync::atomic::Ordering::Acquire),
            Order::Release => fence(std::sync::atomic::Ordering::Release),
            Order::AcqRel => fence(std::sync::atomic::Ordering::AcqRel),
            Order::SeqCst => fence(SeqCst),
        }
        false
    }

    fn rmw(&mut self, obj: u32, off: usize, width: usize, f: &mut dyn FnMut(u64) -> Option<u64>) -> u64 {
        let p = self.maps[obj as usize].0 + off;
        // SAFETY: as in `load`. One locked compare-exchange per attempt,
        // as gcc's loop for an operation x86 has no instruction for.
        unsafe {
            macro_rules! locked {
                ($a:expr, $t:ty) => {{
                    let a = $a;
                    let mut old = a.load(Relaxed);
                    loop {
                        let new = match f(old as u64) {
                            Some(n) => n as $t,
                            // A failed compare-exchange is still a locked
                            // instruction: a full fence.
                            None => {
                                fence(SeqCst);
                                break old as u64;
                            }
                        };
                        match a.compare_exchange(old, new, SeqCst, Relaxed) {
                            Ok(_) => break old as u64,
                            Err(now) => old = now,
                        }
                    }
                }};
            }
            match width {
                1 => locked!(AtomicU8::from_ptr(p as *mut u8), u8),
                2 if p.is_multiple_of(2) => locked!(AtomicU16::from_ptr(p as *mut u16), u16),
                4 if p.is_multiple_of(4) => locked!(AtomicU32::from_ptr(p as *mut u32), u32),
                8 if p.is_multiple_of(8) => locked!(AtomicU64::from_ptr(p as *mut u64), u64),
                _ => {
                    // Misaligned: no atomic instruction; as plain as gcc's.
                    let old = self.load(obj, off, width);
                    if let Some(new) = f(old) {
                        self.store(obj, off, width, new);
                    }
                    old
                }
            }
        }
    }
}
