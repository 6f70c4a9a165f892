//! POSIX shared memory: the bytes of every shared object (named objects
//! and anonymous shared mappings), the `/dev/shm` namespace with glibc's
//! name rules (§3 of linux-ipc-semantics.md), and the rules of the calls
//! on them: file-like `read`/`write` at an offset, `ftruncate`, and what
//! an `mmap` of an object maps. Objects outlive processes until unlinked.

use crate::abi::errno::{EACCES, EFBIG, EINVAL, ENAMETOOLONG, ENOMEM};
use crate::abi::flags::{MAP_ANONYMOUS, MAP_PRIVATE, MAP_SHARED, O_ACCMODE, O_RDWR, O_WRONLY, PROT_WRITE};
use crate::interp::memory::{Shared, PAGE};
use crate::ir::fingerprint::Memo;
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

/// Largest shared object the simulator holds (its bytes are real memory
/// here, where Linux's tmpfs would be sparse): larger is EFBIG/ENOMEM.
pub use crate::abi::limits::MAX_SHARED;

/// One object's bytes, shared copy-on-write between the states of a
/// search, with their fingerprint once computed (0: not yet; forgotten
/// by every write), so that a search copies and hashes an object only
/// when it changed.
#[derive(Debug, Default, PartialEq, Eq)]
struct Object {
    bytes: Rc<Vec<u8>>,
    digest: Memo,
}

impl Clone for Object {
    fn clone(&self) -> Object {
        Object { bytes: Rc::clone(&self.bytes), digest: self.digest.clone() }
    }

    /// Into bytes this object alone holds, a copy (the next run of a
    /// search, reset from the start, writes them anyway: a copy now
    /// instead of a fresh page at its first store); else shared.
    fn clone_from(&mut self, source: &Object) {
        match Rc::get_mut(&mut self.bytes) {
            Some(mine) => mine.clone_from(&source.bytes),
            _ => self.bytes = Rc::clone(&source.bytes),
        }
        self.digest.clone_from(&source.digest);
    }
}

impl Object {
    fn new(bytes: Vec<u8>) -> Object {
        Object { bytes: Rc::new(bytes), digest: Memo::default() }
    }

    /// A freed object: no bytes (one shared empty vector, not a fresh
    /// allocation per object).
    fn freed() -> Object {
        thread_local! {
            static NONE: Rc<Vec<u8>> = Rc::default();
        }
        Object { bytes: NONE.with(Rc::clone), digest: Memo::default() }
    }

    fn bytes_mut(&mut self) -> &mut Vec<u8> {
        self.digest.forget();
        Rc::make_mut(&mut self.bytes)
    }
}

impl Hash for Object {
    fn hash<H: Hasher>(&self, h: &mut H) {
        h.write_u128(self.digest.get(|| crate::ir::fingerprint::of_bytes(&self.bytes)));
    }
}

/// Largest freed object whose pages are kept for reuse.
const SPARE_MAX: usize = 64 << 10;

/// The bytes of every shared object. Owned by the kernel, lent to the
/// interpreter for one access at a time.
#[derive(Debug, Default, PartialEq, Eq, Hash)]
pub struct SharedStore {
    /// Object bytes by object number, whole pages; `sizes` says how many
    /// are valid.
    objects: Vec<Object>,
    /// The object's size (`ftruncate`); past the page holding the last
    /// byte, an access is SIGBUS.
    pub sizes: Vec<u64>,
    /// Bytes held for all objects (whole pages): part of the run's
    /// memory budget.
    held: u64,
    /// The pages of freed objects, kept for the next object (the next
    /// run of a search maps the same object again).
    spare: crate::reuse::Pool<Rc<Vec<u8>>>,
}

impl Clone for SharedStore {
    fn clone(&self) -> SharedStore {
        let SharedStore { objects, sizes, held, spare } = self;
        SharedStore { objects: objects.clone(), sizes: sizes.clone(), held: *held, spare: spare.clone() }
    }

    /// Reuses this store's pages: an object it alone holds, or a freed
    /// one's kept page, takes a copy of the source's bytes (a run reset
    /// from the start of a search then allocates nothing, see
    /// [`Object`]'s `clone_from`).
    fn clone_from(&mut self, source: &SharedStore) {
        self.objects.truncate(source.objects.len());
        let kept = self.objects.len();
        for (mine, theirs) in self.objects.iter_mut().zip(&source.objects) {
            if Rc::get_mut(&mut mine.bytes).is_none() && !theirs.bytes.is_empty() {
                if let Some(page) = self.spare.take() {
                    mine.bytes = page;
                }
            }
            mine.clone_from(theirs);
        }
        self.objects.extend_from_slice(&source.objects[kept..]);
        self.sizes.clone_from(&source.sizes);
        self.held = source.held;
    }
}

impl Shared for SharedStore {
    fn bytes(&self, obj: u32) -> &[u8] {
        &self.objects[obj as usize].bytes
    }
    fn bytes_mut(&mut self, obj: u32) -> &mut [u8] {
        self.objects[obj as usize].bytes_mut()
    }
    fn size(&self, obj: u32) -> u64 {
        self.sizes[obj as usize]
    }
}

impl SharedStore {
    /// A new zero-filled object; returns its number.
    pub fn create(&mut self, size: u64) -> u32 {
        let bytes = pages(size);
        self.held += bytes;
        let object = match self.spare.take() {
            Some(mut rc) => {
                let v = Rc::get_mut(&mut rc).expect("a spare page is not shared");
                v.clear();
                v.resize(bytes as usize, 0);
                Object { bytes: rc, digest: Memo::default() }
            }
            None => Object::new(vec![0; bytes as usize]),
        };
        self.objects.push(object);
        self.sizes.push(size);
        (self.objects.len() - 1) as u32
    }

    /// How many objects were ever made.
    pub fn count(&self) -> usize {
        self.objects.len()
    }

    /// Object `obj`'s bytes (whole pages; empty once freed).
    pub fn object(&self, obj: u32) -> &[u8] {
        &self.objects[obj as usize].bytes
    }

    /// Forgets the cached fingerprints (tests check none is stale).
    pub fn forget_fingerprints(&self) {
        self.objects.iter().for_each(|o| o.digest.forget());
    }

    /// Bytes held for all objects.
    pub fn held(&self) -> u64 {
        self.held
    }

    /// Bytes object `obj` would hold more at `size` (0 if it would not
    /// grow).
    pub fn growth(&self, obj: u32, size: u64) -> u64 {
        pages(size).saturating_sub(self.objects[obj as usize].bytes.len() as u64)
    }

    /// Drops the bytes of an object nothing refers to any more (no name,
    /// no descriptor, no mapping): its number is never given out again.
    pub fn free(&mut self, obj: u32) {
        let o = obj as usize;
        self.held -= self.objects[o].bytes.len() as u64;
        let freed = std::mem::replace(&mut self.objects[o], Object::freed());
        if Rc::strong_count(&freed.bytes) == 1 && Rc::weak_count(&freed.bytes) == 0 && freed.bytes.len() <= SPARE_MAX {
            self.spare.put(freed.bytes);
        }
        self.sizes[o] = 0;
    }

    /// `ftruncate`: new size; bytes past it read as zero again.
    pub fn resize(&mut self, obj: u32, size: u64) {
        let o = obj as usize;
        let old = self.sizes[o] as usize;
        let bytes = self.objects[o].bytes_mut();
        if (size as usize) < old {
            let keep = (size as usize).min(bytes.len());
            bytes[keep..].fill(0);
        }
        self.held = self.held - bytes.len() as u64 + pages(size);
        if bytes.is_empty() {
            // Fresh zeroed pages the system hands out untouched: a large
            // `ftruncate` costs nothing until the program writes.
            *bytes = vec![0; pages(size) as usize];
        } else {
            bytes.resize(pages(size) as usize, 0);
        }
        self.sizes[o] = size;
    }

    /// `read` at file offset `off`: at most `n` bytes, none past the end
    /// of the object (an offset past it, after a shrinking `ftruncate`,
    /// reads nothing).
    pub fn read_at(&self, obj: u32, off: u64, n: u64) -> &[u8] {
        let size = self.sizes[obj as usize];
        let start = off.min(size) as usize;
        let end = off.saturating_add(n).min(size) as usize;
        &self.objects[obj as usize].bytes[start..end.max(start)]
    }

    /// `write` at file offset `off` (the object grows as a file does);
    /// returns the new offset, or `-errno`.
    pub fn write_at(&mut self, obj: u32, off: u64, data: &[u8]) -> Result<u64, i32> {
        let end = off.checked_add(data.len() as u64).filter(|&e| e <= MAX_SHARED).ok_or(EFBIG)?;
        if end > self.sizes[obj as usize] {
            self.resize(obj, end);
        }
        self.objects[obj as usize].bytes_mut()[off as usize..end as usize].copy_from_slice(data);
        Ok(end)
    }

    /// `ftruncate` with its checks: `EINVAL` for a negative length,
    /// `EFBIG` past the simulator's limit.
    pub fn truncate(&mut self, obj: u32, len: i64) -> Result<(), i32> {
        if len < 0 {
            return Err(EINVAL);
        }
        if len as u64 > MAX_SHARED {
            return Err(EFBIG);
        }
        self.resize(obj, len as u64);
        Ok(())
    }
}

/// Bytes of the whole pages holding `size` bytes (saturating: a size
/// near `u64::MAX` is then refused by the budget, not an overflow).
pub fn pages(size: u64) -> u64 {
    size.div_ceil(PAGE).saturating_mul(PAGE)
}

/// The errno of `shm_unlink`/`sem_unlink` for a name `check_name`
/// refuses: glibc reports a name it cannot accept as one that does not
/// exist.
pub fn unlink_errno(e: i32) -> i32 {
    if e == EINVAL {
        crate::abi::errno::ENOENT
    } else {
        e
    }
}

/// The canonical name of a valid shm name, or the errno glibc gives.
pub fn check_name(name: &[u8]) -> Result<String, i32> {
    // glibc strips every leading slash; what is left must be one path
    // component.
    let rest: &[u8] = &name[name.iter().position(|&b| b != b'/').unwrap_or(name.len())..];
    if rest.is_empty() || rest.contains(&b'/') || rest == b"." || rest == b".." {
        return Err(EINVAL);
    }
    if rest.len() > 255 {
        return Err(ENAMETOOLONG);
    }
    Ok(String::from_utf8_lossy(rest).into_owned())
}

/// Named objects: name -> object number in the shared store.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ShmNames {
    /// Sorted, so listing leftovers is deterministic.
    pub names: BTreeMap<String, u32>,
}

/// What an `mmap` maps, once its arguments are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapKind {
    /// A new anonymous shared object of this many bytes.
    AnonShared,
    /// Private zero pages.
    AnonPrivate,
    /// The object behind the descriptor, shared (or a read-only private
    /// view, which sees the object's writes as Linux's shared pages do).
    Object,
    /// A private copy of the object's bytes (Linux shares the pages
    /// until the first write; see the README).
    ObjectCopy,
}

/// A checked `mmap` request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MapPlan {
    /// What to map.
    pub kind: MapKind,
    /// Length rounded up to whole pages.
    pub size: u64,
    /// `PROT_WRITE`.
    pub writable: bool,
}

/// Checks `mmap`'s length, flags and offset: the plan, or `-errno`.
pub fn plan_mmap(len: u64, prot: i32, flags: i32, off: i64) -> Result<MapPlan, i32> {
    let share = flags & 3;
    if len == 0 || (share != MAP_SHARED && share != MAP_PRIVATE) || off < 0 || !(off as u64).is_multiple_of(PAGE) || len > 1 << 31 {
        return Err(EINVAL);
    }
    let size = len.div_ceil(PAGE) * PAGE;
    if size > MAX_SHARED {
        return Err(ENOMEM);
    }
    let writable = prot & PROT_WRITE != 0;
    let kind = match (flags & MAP_ANONYMOUS != 0, share == MAP_SHARED) {
        (true, true) => MapKind::AnonShared,
        (true, false) => MapKind::AnonPrivate,
        (false, true) => MapKind::Object,
        (false, false) if !writable => MapKind::Object,
        (false, false) => MapKind::ObjectCopy,
    };
    Ok(MapPlan { kind, size, writable })
}

/// Whether a descriptor opened with `mode` may be mapped as planned:
/// `EACCES` for a write-only descriptor, or a writable shared mapping of
/// a descriptor not opened for reading and writing.
pub fn check_map_access(plan: &MapPlan, shared: bool, mode: i32) -> Result<(), i32> {
    let mode = mode & O_ACCMODE;
    if mode == O_WRONLY || (shared && plan.writable && mode != O_RDWR) {
        return Err(EACCES);
    }
    Ok(())
}
