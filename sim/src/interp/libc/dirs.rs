//! Directory streams: `opendir` (a system call: the kernel lists the
//! directory), `readdir`, `rewinddir`, `closedir`. A `DIR *` is a block
//! holding the `struct dirent` each `readdir` fills, as glibc's holds its
//! buffer; the listing is taken whole at `opendir` (a later change to
//! the directory is not seen, which POSIX allows).

use super::{LibFn, LibResult, Outcome, Stop};
use crate::interp::fault::Undefined;
use crate::interp::memory::RegionKind;
use crate::interp::{Process, Shared};

/// glibc's x86_64 `struct dirent`: `d_ino`, `d_off`, `d_reclen`,
/// `d_type`, `d_name[256]`.
const DIRENT: usize = 280;
const NAME_AT: usize = 19;

/// An open directory stream: its entries (name, `d_type`) and the next.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DirStream {
    /// The `DIR *`.
    pub at: u64,
    entries: Vec<(Vec<u8>, u8)>,
    next: usize,
}

impl Process {
    /// A new directory stream over `entries`; its `DIR *`.
    pub fn open_dir(&mut self, entries: Vec<(Vec<u8>, u8)>) -> u64 {
        let at = self.mem.add(vec![0; DIRENT], RegionKind::Heap);
        self.mem.heap_bytes += DIRENT as u64;
        self.dirs.push(DirStream { at, entries, next: 0 });
        at
    }

    fn dir(&mut self, at: u64) -> Result<&mut DirStream, Stop> {
        self.dirs.iter_mut().find(|d| d.at == at).ok_or(Stop::Undefined(Undefined::BadFree))
    }
}

pub(super) fn call(p: &mut Process, sh: &mut dyn Shared, f: LibFn, a: &[u64]) -> LibResult {
    let at = a[0];
    match f {
        LibFn::Readdir => {
            let d = p.dir(at)?;
            let Some((name, ty)) = d.entries.get(d.next).cloned() else { return Ok(Outcome::Value(0)) };
            d.next += 1;
            let k = d.next as u64;
            let mut rec = vec![0u8; DIRENT];
            rec[0..8].copy_from_slice(&k.to_le_bytes());
            rec[8..16].copy_from_slice(&k.to_le_bytes());
            rec[16..18].copy_from_slice(&(DIRENT as u16).to_le_bytes());
            rec[18] = ty;
            let n = name.len().min(255);
            rec[NAME_AT..NAME_AT + n].copy_from_slice(&name[..n]);
            p.mem.slice_mut(sh, at, DIRENT)?.copy_from_slice(&rec);
            Ok(Outcome::Value(at))
        }
        LibFn::Rewinddir => {
            p.dir(at)?.next = 0;
            Ok(Outcome::Void)
        }
        _ => {
            p.dir(at)?;
            p.dirs.retain(|d| d.at != at);
            super::stdlib::free(p, sh, at)?;
            Ok(Outcome::Value(0))
        }
    }
}
