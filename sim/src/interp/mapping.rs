//! Mapping and unmapping regions: the small API both kernels use for
//! `mmap` and `munmap`, so neither edits the region table itself.

use super::memory::{Memory, RegionKind, PAGE};

/// Why `munmap` refuses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadUnmap;

impl Memory {
    /// Maps `size` bytes of shared object `obj` from byte `base`; returns
    /// the mapping's address.
    pub fn map_shared(&mut self, obj: u32, base: u64, size: u64, writable: bool) -> u64 {
        let at = self.add_shared(super::memory::no_bytes(), RegionKind::Shared { obj, base, writable });
        let r = self.regions().len() - 1;
        self.region_mut(r).expect("just added").size = size as u32;
        at
    }

    /// The address of a mapping of all of shared object `obj` from its
    /// first byte, if the process has one (`sem_open` maps a named
    /// semaphore once per process).
    pub fn mapping_of(&self, obj: u32) -> Option<u64> {
        let hit = |r: &super::memory::Region| matches!(r.kind, RegionKind::Shared { obj: o, base: 0, .. } if o == obj);
        self.regions().iter().position(hit).map(|r| (r as u64) << 32)
    }

    /// Whether any region maps shared object `obj`.
    pub fn mapping_of_any(&self, obj: u32) -> bool {
        self.regions().iter().any(|r| matches!(r.kind, RegionKind::Shared { obj: o, .. } if o == obj))
    }

    /// Maps private bytes (an anonymous or copy-on-write mapping, copied
    /// by `fork`); returns the mapping's address.
    pub fn map_private(&mut self, bytes: Vec<u8>) -> u64 {
        self.add(bytes, RegionKind::Mapping)
    }

    /// `munmap(addr, len)`: undoes a mapping that starts at `addr`. Like
    /// Linux, unmapping what is not mapped succeeds; only a misaligned
    /// address or an empty length is an error. Returns what was unmapped
    /// (the real backend also unmaps the real mapping behind it).
    pub fn unmap(&mut self, addr: u64, len: u64) -> Result<Option<RegionKind>, BadUnmap> {
        if !addr.is_multiple_of(PAGE) || len == 0 {
            return Err(BadUnmap);
        }
        if let Some(reg) = self.region_mut((addr >> 32) as usize) {
            if addr & 0xffff_ffff == 0 && matches!(reg.kind, RegionKind::Shared { .. } | RegionKind::Mapping) {
                let was = reg.kind;
                reg.clear(RegionKind::Unmapped);
                return Ok(Some(was));
            }
        }
        Ok(None)
    }
}
