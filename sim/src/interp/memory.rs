//! A process's address space. An address is `region << 32 | offset`, so
//! resolving it is one index and one bounds check, and every access
//! outside an object is caught (a fault, as SIGSEGV would be natively).
//! Region numbers below [`region::FIRST_GLOBAL`] are fixed by the
//! compiler; globals follow, then library strings, `argv` and the heap.

use crate::ir::fingerprint::Memo;
use crate::ir::{region, MemTy, Program};
use crate::source::Span;
use std::cell::Cell;
use std::rc::Rc;

/// What a region is, for access rules and fault messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RegionKind {
    /// No memory (the null page, region 0).
    Null,
    /// Placeholder: the stack lives in [`Memory::stack`].
    Stack,
    /// The `FILE` objects (opaque to the program).
    Stdio,
    /// A global image; `writable` is false for string literals.
    Global {
        /// False for string literals.
        writable: bool,
    },
    /// The C library's own strings (`strerror`).
    Libc,
    /// `argv` and its strings.
    Argv,
    /// A `malloc` block.
    Heap,
    /// A private mapping (`MAP_PRIVATE`): copied by `fork`, undone by `munmap`.
    Mapping,
    /// A `free`d block: any access is a use after free.
    Freed,
    /// A `MAP_SHARED` mapping: its bytes live in the kernel's store of shared objects
    /// (object `obj`, from byte `base`), so every process mapping the
    /// object sees the same bytes.
    Shared {
        /// Backing object in the store.
        obj: u32,
        /// Offset of the mapping's first byte in the object (a full
        /// 64-bit `off_t`: an offset past 4 GiB is past the object).
        base: u64,
        /// Writable (`PROT_WRITE`).
        writable: bool,
    },
    /// An unmapped mapping (`munmap`): any access is a fault.
    Unmapped,
}

/// Page size of x86_64 Linux.
pub const PAGE: u64 = 4096;

/// The little-endian value of 1, 2, 4 or 8 bytes (zero-extended). A
/// copy of a slice of variable length is a call to `memcpy`; these are
/// single loads, and the interpreter makes one per memory access.
#[inline(always)]
pub fn read_le(s: &[u8]) -> u64 {
    match *s {
        [a] => a as u64,
        [a, b] => u16::from_le_bytes([a, b]) as u64,
        [a, b, c, d] => u32::from_le_bytes([a, b, c, d]) as u64,
        [a, b, c, d, e, f, g, h] => u64::from_le_bytes([a, b, c, d, e, f, g, h]),
        _ => {
            let mut b = [0u8; 8];
            let n = s.len().min(8);
            b[..n].copy_from_slice(&s[..n]);
            u64::from_le_bytes(b)
        }
    }
}

/// Stores the low `d.len()` bytes (1, 2, 4 or 8) of `v`, little-endian
/// (see [`read_le`]).
#[inline(always)]
pub fn write_le(d: &mut [u8], v: u64) {
    match d.len() {
        1 => d[0] = v as u8,
        2 => d.copy_from_slice(&(v as u16).to_le_bytes()),
        4 => d.copy_from_slice(&(v as u32).to_le_bytes()),
        8 => d.copy_from_slice(&v.to_le_bytes()),
        n => d.copy_from_slice(&v.to_le_bytes()[..n.min(8)]),
    }
}

/// Where the bytes of shared objects live: the simulator's
/// [`SharedStore`], or real `mmap`s in the real backend (DESIGN.md: one
/// interpreter, two kernels). Scalar accesses go through `load`/`store`
/// so a real backing can make them single atomic instructions.
pub trait Shared {
    /// All bytes of object `obj` (as mapped: whole pages).
    fn bytes(&self, obj: u32) -> &[u8];
    /// All bytes of object `obj`, writable.
    fn bytes_mut(&mut self, obj: u32) -> &mut [u8];
    /// The object's size; an access past its last page is SIGBUS.
    fn size(&self, obj: u32) -> u64;
    /// Loads `width` bytes at `off` (zero-extended). The interpreter
    /// checks its accesses first; the kernel also peeks at locations it
    /// has not checked (the value a store under `--memory arm` replaces),
    /// so bytes past the object read as zero here rather than panic.
    fn load(&self, obj: u32, off: usize, width: usize) -> u64 {
        self.bytes(obj).get(off..off.saturating_add(width)).map_or(0, read_le)
    }
    /// Stores the low `width` bytes of `v` at `off`; nothing past the
    /// object's bytes: a buffered store that drains after `ftruncate`
    /// shrank the object under it lands in a page that is gone.
    fn store(&mut self, obj: u32, off: usize, width: usize, v: u64) {
        if let Some(b) = self.bytes_mut(obj).get_mut(off..off.saturating_add(width)) {
            write_le(b, v);
        }
    }
    /// Commits `n` more bytes of private memory to the calling process
    /// (`malloc`); false if the run's memory is exhausted (`ENOMEM`).
    /// The simulated kernel keeps one budget for the whole run; the real
    /// kernel enforces its own limits, so by default there is none.
    fn reserve(&mut self, _n: u64) -> bool {
        true
    }
    /// Gives back `n` bytes committed with [`Shared::reserve`] (`free`).
    fn release(&mut self, _n: u64) {}
    /// Whether a store to shared memory waits in the process's store
    /// buffer, and so is no visible operation (the simulator under
    /// `--memory tso`, while the buffer has room).
    fn buffers_stores(&self) -> bool {
        false
    }
    /// Puts a store made by the C expression `expr` in the store buffer
    /// (called only when [`Shared::buffers_stores`]).
    fn buffer_store(&mut self, obj: u32, off: usize, ty: MemTy, v: u64, _expr: Option<Span>, _atomic: bool) {
        self.store(obj, off, ty.width() as usize, v)
    }
    /// A fence of `order`: whether it must be a visible operation
    /// (buffered stores to drain, views to join). The real backend fences
    /// the hardware.
    fn fence(&mut self, _order: crate::ir::atomic::Order) -> bool {
        false
    }
    /// A locked read-modify-write of `width` bytes at `off`: `f` maps the
    /// old value to the new one (`None`: nothing written). Returns the
    /// old value. Never buffered: the step before it drained the buffer.
    fn rmw(&mut self, obj: u32, off: usize, width: usize, f: &mut dyn FnMut(u64) -> Option<u64>) -> u64 {
        let old = self.load(obj, off, width);
        if let Some(new) = f(old) {
            self.store(obj, off, width, new);
        }
        old
    }
}

/// No shared memory at all: for work that only touches private bytes
/// (a struct argument's copy, a routine run for its value alone).
pub struct NoShared;

impl Shared for NoShared {
    fn bytes(&self, _: u32) -> &[u8] {
        &[]
    }
    fn bytes_mut(&mut self, _: u32) -> &mut [u8] {
        &mut []
    }
    fn size(&self, _: u32) -> u64 {
        0
    }
}

/// One region: its bytes and kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    /// Contents, shared with the processes forked from this one (and
    /// with the search's saved states) until one of them writes: fork
    /// costs one reference count per region, as copy-on-write pages
    /// make it cost little natively. `Rc`, not `Arc`: the check on each
    /// store is then a plain load (a machine never crosses threads).
    pub bytes: Rc<Vec<u8>>,
    /// Kind.
    pub kind: RegionKind,
    /// Size before it was freed (for messages).
    pub size: u32,
    /// The bytes' fingerprint once computed (0: not yet). A search
    /// hashes every state it reaches, and most regions are the same as
    /// in the state before: their bytes are hashed once, not per state.
    /// Every write goes through [`Region::bytes_mut`], which forgets it.
    digest: Memo,
}

impl Region {
    /// A region of these bytes.
    pub fn new(bytes: Rc<Vec<u8>>, kind: RegionKind, size: u32) -> Region {
        Region { bytes, kind, size, digest: Memo::default() }
    }

    /// The bytes for writing: this process's own copy, made now if they
    /// are still shared with another process.
    #[inline]
    pub fn bytes_mut(&mut self) -> &mut Vec<u8> {
        self.digest.forget();
        Rc::make_mut(&mut self.bytes)
    }

    /// Drops the bytes (a `free`d block, an unmapped mapping).
    pub fn clear(&mut self, kind: RegionKind) {
        self.bytes = no_bytes();
        self.digest.forget();
        self.kind = kind;
    }
}

impl std::hash::Hash for Region {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.kind.hash(h);
        self.size.hash(h);
        h.write_u128(self.digest.get(|| crate::ir::fingerprint::of_bytes(&self.bytes)));
    }
}

/// The bytes of a region that has none, shared: `Rc::default` would
/// allocate a fresh box for each.
pub(super) fn no_bytes() -> Rc<Vec<u8>> {
    thread_local! {
        static NONE: Rc<Vec<u8>> = Rc::default();
    }
    NONE.with(Rc::clone)
}

/// Why an access failed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum BadAccess {
    /// The null pointer (or near it).
    Null,
    /// No object there.
    Unmapped,
    /// Past the end of (or before) an object.
    OutOfBounds {
        /// Region.
        region: u32,
        /// Offset accessed.
        offset: u64,
        /// Object size.
        size: u32,
        /// Bytes accessed.
        len: u64,
        /// A write (else a read).
        write: bool,
    },
    /// The object was freed.
    UseAfterFree {
        /// Region.
        region: u32,
    },
    /// A write to read-only memory (a string literal).
    ReadOnly {
        /// Region.
        region: u32,
    },
    /// The stack is exhausted (too deep recursion).
    StackOverflow,
    /// An access to a stack redzone: out of the bounds of a local array
    /// or struct (resolved to the object by the process, which knows the
    /// frames).
    Redzone {
        /// Stack offset of the access's first byte.
        start: u32,
        /// Bytes accessed.
        len: u64,
        /// Stack offset of the first poisoned byte it touches.
        poisoned: u32,
        /// A write (else a read).
        write: bool,
    },
    /// Past the end of a shared object's last page: SIGBUS.
    PastObjectEnd {
        /// Region.
        region: u32,
        /// Offset in the object.
        offset: u64,
        /// Object size.
        size: u64,
    },
}

/// Most bytes of stack a process may use (glibc's default 8 MiB).
pub const STACK_LIMIT: usize = 8 << 20;

/// A process's memory. The whole stack is part of it, above the stack
/// pointer too: a new frame is not cleared, so an uninitialised local
/// reads what a returned frame left there.
#[derive(Debug, PartialEq, Eq)]
pub struct Memory {
    /// The stack's bytes (region [`region::STACK`]).
    pub stack: Vec<u8>,
    /// One bit per stack byte, set on the redzones of the live frames'
    /// local objects ([`crate::ir::Function::redzones`]): an access
    /// touching a set bit is a stack buffer overflow.
    poison: Vec<u64>,
    /// Every other region, indexed by number. Written only through
    /// methods that count the write in `writes`.
    pub(in crate::interp) regions: Vec<Region>,
    /// Bytes currently allocated by `malloc`.
    pub heap_bytes: u64,
    /// Changes to `regions` so far: the spin detector hashes the regions
    /// again only when this moved (most loops write only the stack).
    writes: Ephemeral<u64>,
    /// The fingerprint of `regions` and the `writes` it was taken at (a
    /// search hashes the table again only when it changed).
    table_fp: Ephemeral<Cell<(u64, u128)>>,
}

crate::reuse::fieldwise_clone!(Memory { stack, poison, regions, heap_bytes, writes, table_fp });

/// Hashes what equality compares: the stack with its trailing zeros
/// skipped (its length kept), and the region table by its fingerprint,
/// cached until a region changes (a search hashes every state it
/// reaches).
impl std::hash::Hash for Memory {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        h.write_u128(crate::ir::fingerprint::of_bytes(&self.stack));
        self.poison.hash(h);
        let (at, d) = self.table_fp.0.get();
        let d = if d != 0 && at == self.writes.0 {
            d
        } else {
            let d = crate::ir::fingerprint::of(&self.regions) | 1;
            self.table_fp.0.set((self.writes.0, d));
            d
        };
        h.write_u128(d);
        self.heap_bytes.hash(h);
    }
}

/// A value kept beside the state but not part of it (a counter or a
/// cache that only saves work): every two are equal and it hashes to
/// nothing, so two states with equal contents stay equal whatever their
/// histories.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ephemeral<T>(pub T);

impl<T> PartialEq for Ephemeral<T> {
    fn eq(&self, _: &Ephemeral<T>) -> bool {
        true
    }
}

impl<T> Eq for Ephemeral<T> {}

impl<T> std::hash::Hash for Ephemeral<T> {
    fn hash<H: std::hash::Hasher>(&self, _: &mut H) {}
}

#[inline]
fn split(addr: u64) -> (usize, usize) {
    ((addr >> 32) as usize, (addr & 0xffff_ffff) as usize)
}

impl Memory {
    /// Bytes of private memory the process holds that count against the
    /// run's memory budget: `malloc` blocks, private mappings and
    /// writable globals, as if each process had its own copy (the
    /// stack is bounded per process, by [`STACK_LIMIT`]).
    pub fn committed(&self) -> u64 {
        let own = |r: &Region| match r.kind {
            RegionKind::Mapping | RegionKind::Global { writable: true } => r.bytes.len() as u64,
            _ => 0,
        };
        self.heap_bytes + self.regions.iter().map(own).sum::<u64>()
    }

    /// Empties it (what an ended process keeps: no memory at all),
    /// keeping its buffers unless they are large (a zombie should not
    /// hold a deep recursion's stack).
    pub fn clear(&mut self) {
        let Memory { stack, poison, regions, heap_bytes, writes, table_fp } = self;
        crate::reuse::clear_small(stack);
        crate::reuse::clear_small(poison);
        crate::reuse::clear_small(regions);
        *heap_bytes = 0;
        *writes = Ephemeral::default();
        *table_fp = Ephemeral::default();
    }

    /// The initial image of a program's memory.
    pub fn new(prog: &Program) -> Memory {
        let mut regions = Vec::with_capacity(region::FIRST_GLOBAL as usize + prog.globals.len() + 4);
        regions.extend([
            Region::new(no_bytes(), RegionKind::Null, 0),
            Region::new(no_bytes(), RegionKind::Stack, 0),
            Region::new(Rc::new(vec![0; 24]), RegionKind::Stdio, 24),
        ]);
        debug_assert_eq!(regions.len() as u32, region::FIRST_GLOBAL);
        for g in &prog.globals {
            regions.push(Region::new(Rc::new(g.bytes.clone()), RegionKind::Global { writable: g.writable }, g.bytes.len() as u32));
        }
        Memory {
            stack: Vec::new(),
            poison: Vec::new(),
            regions,
            heap_bytes: 0,
            writes: Ephemeral::default(),
            table_fp: Ephemeral::default(),
        }
    }

    /// The regions other than the stack, by number.
    pub fn regions(&self) -> &[Region] {
        &self.regions
    }

    /// A region for writing (counted, see [`Memory::writes`]).
    pub fn region_mut(&mut self, r: usize) -> Option<&mut Region> {
        self.writes.0 += 1;
        self.regions.get_mut(r)
    }

    /// How many times the regions other than the stack were changed: if
    /// equal at two moments, so are the regions (for one process).
    #[inline]
    pub fn writes(&self) -> u64 {
        self.writes.0
    }

    /// Adds a region; returns its base address.
    pub fn add(&mut self, bytes: Vec<u8>, kind: RegionKind) -> u64 {
        self.add_shared(Rc::new(bytes), kind)
    }

    /// Adds a region whose bytes others hold too (copied on first write).
    pub fn add_shared(&mut self, bytes: Rc<Vec<u8>>, kind: RegionKind) -> u64 {
        self.writes.0 += 1;
        let size = bytes.len() as u32;
        self.regions.push(Region::new(bytes, kind, size));
        ((self.regions.len() - 1) as u64) << 32
    }

    /// True if `addr` is in a `MAP_SHARED` mapping (accessing it is a
    /// visible operation).
    #[inline]
    pub fn is_shared(&self, addr: u64) -> bool {
        matches!(self.regions.get((addr >> 32) as usize), Some(Region { kind: RegionKind::Shared { .. }, .. }))
    }

    /// The shared object and offset behind `addr`, if shared.
    pub fn shared_location(&self, addr: u64) -> Option<(u32, u64)> {
        let (r, off) = split(addr);
        match self.regions.get(r)?.kind {
            RegionKind::Shared { obj, base, .. } => Some((obj, base.saturating_add(off as u64))),
            _ => None,
        }
    }

    /// Checks an access to a shared mapping; returns (object, offset).
    fn shared_range(&self, sh: &dyn Shared, r: usize, off: usize, len: usize, write: bool) -> Result<(usize, usize), BadAccess> {
        let reg = &self.regions[r];
        let RegionKind::Shared { obj, base, writable } = reg.kind else { unreachable!("caller checked") };
        if off.saturating_add(len) > reg.size as usize {
            return Err(BadAccess::OutOfBounds { region: r as u32, offset: off as u64, size: reg.size, len: len as u64, write });
        }
        if write && !writable {
            return Err(BadAccess::ReadOnly { region: r as u32 });
        }
        let at = usize::try_from(base).unwrap_or(usize::MAX).saturating_add(off);
        let size = sh.size(obj);
        let end_page = size.div_ceil(PAGE) * PAGE;
        if at.saturating_add(len) as u64 > end_page {
            return Err(BadAccess::PastObjectEnd { region: r as u32, offset: at as u64, size });
        }
        Ok((obj as usize, at))
    }

    /// Bytes `[addr, addr+len)` for reading.
    #[inline]
    pub fn slice<'a>(&'a self, sh: &'a dyn Shared, addr: u64, len: usize) -> Result<&'a [u8], BadAccess> {
        let (r, off) = split(addr);
        if r == region::STACK as usize {
            let s = self.stack.get(off..off.saturating_add(len)).ok_or_else(|| self.stack_oob(off, len, false))?;
            self.check_poison(off, len, false)?;
            return Ok(s);
        }
        match self.regions.get(r) {
            Some(Region { kind: RegionKind::Shared { .. }, .. }) => {
                let (o, at) = self.shared_range(sh, r, off, len, false)?;
                Ok(&sh.bytes(o as u32)[at..at + len])
            }
            Some(reg) if !matches!(reg.kind, RegionKind::Null | RegionKind::Freed | RegionKind::Unmapped) => {
                match reg.bytes.get(off..off.saturating_add(len)) {
                    Some(s) => Ok(s),
                    None => {
                        Err(BadAccess::OutOfBounds { region: r as u32, offset: off as u64, size: reg.size, len: len as u64, write: false })
                    }
                }
            }
            other => Err(self.why(addr, other)),
        }
    }

    /// Bytes `[addr, addr+len)` for writing.
    #[inline]
    pub fn slice_mut<'a>(&'a mut self, sh: &'a mut dyn Shared, addr: u64, len: usize) -> Result<&'a mut [u8], BadAccess> {
        let (r, off) = split(addr);
        if r == region::STACK as usize {
            if self.stack.len() < off.saturating_add(len) {
                return Err(self.stack_oob(off, len, true));
            }
            self.check_poison(off, len, true)?;
            return Ok(&mut self.stack[off..off + len]);
        }
        let why = match self.regions.get(r) {
            Some(reg) => match reg.kind {
                RegionKind::Shared { .. } => {
                    let (o, at) = self.shared_range(sh, r, off, len, true)?;
                    return Ok(&mut sh.bytes_mut(o as u32)[at..at + len]);
                }
                RegionKind::Null | RegionKind::Freed | RegionKind::Unmapped => Some(self.why(addr, Some(reg))),
                RegionKind::Global { writable: false } | RegionKind::Stdio | RegionKind::Libc => {
                    Some(BadAccess::ReadOnly { region: r as u32 })
                }
                _ => None,
            },
            None => Some(self.why(addr, None)),
        };
        if let Some(w) = why {
            return Err(w);
        }
        self.writes.0 += 1;
        let reg = &mut self.regions[r];
        let size = reg.size;
        if off.saturating_add(len) > reg.bytes.len() {
            return Err(BadAccess::OutOfBounds { region: r as u32, offset: off as u64, size, len: len as u64, write: true });
        }
        Ok(&mut reg.bytes_mut()[off..off + len])
    }

    /// Lets go of the regions' bytes, keeping the table's buffer: a
    /// process entry kept for reuse must not hold bytes it shares
    /// copy-on-write with a live process, which would then copy them at
    /// its next write.
    pub fn let_go(&mut self) {
        self.regions.clear();
    }

    /// Forgets the regions' cached fingerprints.
    pub fn forget_fingerprints(&self) {
        self.table_fp.0.set((0, 0));
        for r in &self.regions {
            r.digest.forget();
        }
    }

    /// Makes room for `top` bytes of stack (growing geometrically, so
    /// the steady state allocates nothing); `top` is within the limit.
    pub fn grow_stack(&mut self, top: usize) {
        if self.stack.len() < top {
            let want = top.max(self.stack.len() * 2).min(STACK_LIMIT);
            self.stack.resize(want, 0);
            self.poison.resize(want.div_ceil(64), 0);
        }
    }

    /// Sets (`on`) or clears the poison of the frame at `fp`'s redzones.
    #[inline(never)]
    pub fn poison_frame(&mut self, fp: usize, redzones: &[(u32, u32)], on: bool) {
        for &(off, len) in redzones {
            let (mut i, hi) = (fp + off as usize, fp + off as usize + len as usize);
            while i < hi {
                let (w, b) = (i / 64, i % 64);
                let n = (64 - b).min(hi - i);
                let mask = if n == 64 { !0 } else { ((1u64 << n) - 1) << b };
                if on {
                    self.poison[w] |= mask;
                } else {
                    self.poison[w] &= !mask;
                }
                i += n;
            }
        }
    }

    /// The first poisoned stack byte in `[lo, lo+len)`, if any: a word of
    /// the bitmap at a time.
    fn first_poisoned(&self, lo: usize, len: usize) -> Option<usize> {
        let hi = lo.saturating_add(len).min(self.poison.len() * 64);
        let mut i = lo;
        while i < hi {
            let (w, b) = (i / 64, i % 64);
            let n = (64 - b).min(hi - i);
            let mask = if n == 64 { !0 } else { (1u64 << n) - 1 };
            let hit = (self.poison[w] >> b) & mask;
            if hit != 0 {
                return Some(i + hit.trailing_zeros() as usize);
            }
            i += n;
        }
        None
    }

    /// Fails if stack bytes `[off, off+len)` touch a redzone. Inline only
    /// the common case, an access within one word of the bitmap.
    #[inline]
    fn check_poison(&self, off: usize, len: usize, write: bool) -> Result<(), BadAccess> {
        let (w, b) = (off / 64, off % 64);
        if len < 64 - b {
            let word = self.poison.get(w).copied().unwrap_or(0);
            if (word >> b) & ((1u64 << len) - 1) == 0 {
                return Ok(());
            }
        }
        self.check_poison_slow(off, len, write)
    }

    #[cold]
    #[inline(never)]
    fn check_poison_slow(&self, off: usize, len: usize, write: bool) -> Result<(), BadAccess> {
        match self.first_poisoned(off, len) {
            None => Ok(()),
            Some(p) => Err(BadAccess::Redzone { start: off as u32, len: len as u64, poisoned: p as u32, write }),
        }
    }

    /// Fails if `[addr, addr+len)` touches a stack redzone (any other
    /// region: never). Library routines that scan for a NUL check what
    /// they scanned; system calls check their buffers before the kernel
    /// gets them, so a too-small local buffer is an overflow, not `EFAULT`.
    pub fn check_redzones(&self, addr: u64, len: usize, write: bool) -> Result<(), BadAccess> {
        let (r, off) = split(addr);
        if r == region::STACK as usize {
            self.check_poison(off, len, write)?;
        }
        Ok(())
    }

    /// An access past the stack's end: out of bounds of a local (the
    /// stack limit itself is caught when a frame is pushed).
    fn stack_oob(&self, off: usize, len: usize, write: bool) -> BadAccess {
        BadAccess::OutOfBounds { region: region::STACK, offset: off as u64, size: self.stack.len() as u32, len: len as u64, write }
    }

    fn why(&self, addr: u64, reg: Option<&Region>) -> BadAccess {
        match reg {
            _ if addr < 1 << 32 => BadAccess::Null,
            Some(r) if r.kind == RegionKind::Freed => BadAccess::UseAfterFree { region: (addr >> 32) as u32 },
            _ => BadAccess::Unmapped,
        }
    }

    /// Loads a scalar.
    #[inline]
    pub fn load(&self, sh: &dyn Shared, addr: u64, m: MemTy) -> Result<u64, BadAccess> {
        let w = m.width() as usize;
        let (r, off) = split(addr);
        if matches!(self.regions.get(r), Some(Region { kind: RegionKind::Shared { .. }, .. })) {
            let (o, at) = self.shared_range(sh, r, off, w, false)?;
            return Ok(m.norm(sh.load(o as u32, at, w)));
        }
        let s = self.slice(sh, addr, w)?;
        Ok(m.norm(read_le(s)))
    }

    /// Stores a scalar (its low bytes).
    #[inline]
    pub fn store(&mut self, sh: &mut dyn Shared, addr: u64, m: MemTy, v: u64) -> Result<(), BadAccess> {
        let w = m.width() as usize;
        let (r, off) = split(addr);
        if matches!(self.regions.get(r), Some(Region { kind: RegionKind::Shared { .. }, .. })) {
            let (o, at) = self.shared_range(sh, r, off, w, true)?;
            sh.store(o as u32, at, w, v);
            return Ok(());
        }
        write_le(self.slice_mut(sh, addr, w)?, v);
        Ok(())
    }

    /// Stores a scalar into shared memory through the store buffer (the
    /// checks of [`Memory::store`], then [`Shared::buffer_store`]).
    pub fn store_buffered(
        &mut self,
        sh: &mut dyn Shared,
        addr: u64,
        m: MemTy,
        v: u64,
        expr: Option<Span>,
        atomic: bool,
    ) -> Result<(), BadAccess> {
        let (r, off) = split(addr);
        let (o, at) = self.shared_range(sh, r, off, m.width() as usize, true)?;
        sh.buffer_store(o as u32, at, m, v, expr, atomic);
        Ok(())
    }

    /// A read-modify-write of a scalar: `f` maps the old value (normalised
    /// for `m`) to the new one (`None`: no write). Returns the old value.
    /// On shared memory, one locked instruction.
    pub fn rmw(&mut self, sh: &mut dyn Shared, addr: u64, m: MemTy, f: &mut dyn FnMut(u64) -> Option<u64>) -> Result<u64, BadAccess> {
        let w = m.width() as usize;
        let (r, off) = split(addr);
        if matches!(self.regions.get(r), Some(Region { kind: RegionKind::Shared { .. }, .. })) {
            let (o, at) = self.shared_range(sh, r, off, w, true)?;
            return Ok(m.norm(sh.rmw(o as u32, at, w, &mut |old| f(m.norm(old)))));
        }
        let old = self.load(sh, addr, m)?;
        if let Some(new) = f(old) {
            self.store(sh, addr, m, new)?;
        }
        Ok(old)
    }

    /// The bytes from `addr` to the end of its object.
    fn rest<'a>(&'a self, sh: &'a dyn Shared, addr: u64) -> Result<&'a [u8], BadAccess> {
        let (r, off) = split(addr);
        if r == region::STACK as usize {
            return self.stack.get(off..).ok_or(BadAccess::StackOverflow);
        }
        self.slice(sh, addr, 0)?;
        let reg = &self.regions[r];
        match reg.kind {
            RegionKind::Shared { obj, base, .. } => {
                let bytes = sh.bytes(obj);
                let end = (reg.size as usize).min(bytes.len().saturating_sub(base as usize));
                Ok(&bytes[base as usize + off..base as usize + end.max(off)])
            }
            _ => Ok(&reg.bytes[off..]),
        }
    }

    /// The NUL-terminated string at `addr` (without the NUL).
    pub fn cstr<'a>(&'a self, sh: &'a dyn Shared, addr: u64) -> Result<&'a [u8], BadAccess> {
        let bytes = self.rest(sh, addr)?;
        let nul = bytes.iter().position(|&b| b == 0);
        self.check_redzones(addr, nul.map_or(bytes.len(), |n| n + 1), false)?;
        match nul {
            Some(n) => Ok(&bytes[..n]),
            None => {
                let (r, off) = split(addr);
                let (offset, size) = ((off + bytes.len()) as u64, (off + bytes.len()) as u32);
                Err(BadAccess::OutOfBounds { region: r as u32, offset, size, len: 1, write: false })
            }
        }
    }

    /// At most `max` bytes of the string at `addr` (`strncpy`, `%.*s`):
    /// stops at a NUL without requiring one.
    pub fn cstr_max<'a>(&'a self, sh: &'a dyn Shared, addr: u64, max: usize) -> Result<&'a [u8], BadAccess> {
        let bytes = self.rest(sh, addr)?;
        let lim = &bytes[..max.min(bytes.len())];
        let n = lim.iter().position(|&b| b == 0).unwrap_or(lim.len());
        self.check_redzones(addr, (n + 1).min(lim.len()), false)?;
        if n == bytes.len() && n < max {
            let (r, off) = split(addr);
            let (offset, size) = ((off + n) as u64, (off + n) as u32);
            return Err(BadAccess::OutOfBounds { region: r as u32, offset, size, len: 1, write: false });
        }
        Ok(&bytes[..n])
    }

    /// Copies `len` bytes between any two addresses (overlap allowed).
    pub fn copy(&mut self, sh: &mut dyn Shared, dst: u64, src: u64, len: usize) -> Result<(), BadAccess> {
        if len == 0 {
            return Ok(());
        }
        if self.is_shared(dst) || self.is_shared(src) {
            // A bulk copy touching shared memory: one step, via a buffer.
            let tmp = self.slice(sh, src, len)?.to_vec();
            self.slice_mut(sh, dst, len)?.copy_from_slice(&tmp);
            return Ok(());
        }
        let (rd, od) = split(dst);
        let (rs, os) = split(src);
        if rd != region::STACK as usize {
            self.writes.0 += 1;
        }
        if rd == rs {
            self.slice(sh, src, len)?;
            self.slice_mut(sh, dst, len)?;
            let bytes = if rd == region::STACK as usize { &mut self.stack } else { self.regions[rd].bytes_mut() };
            bytes.copy_within(os..os + len, od);
            return Ok(());
        }
        self.slice(sh, src, len)?;
        self.slice_mut(sh, dst, len)?;
        let (s_bytes, d_bytes): (&[u8], &mut [u8]) = if rd == region::STACK as usize {
            (&self.regions[rs].bytes, &mut self.stack)
        } else if rs == region::STACK as usize {
            (&self.stack, self.regions[rd].bytes_mut())
        } else if rs < rd {
            let (a, b) = self.regions.split_at_mut(rd);
            (&a[rs].bytes, b[0].bytes_mut())
        } else {
            let (a, b) = self.regions.split_at_mut(rs);
            (&b[0].bytes, a[rd].bytes_mut())
        };
        d_bytes[od..od + len].copy_from_slice(&s_bytes[os..os + len]);
        Ok(())
    }

    /// A human name for the object at `region`, for fault messages.
    pub fn describe(&self, prog: &Program, region: u32) -> String {
        let Some(r) = self.regions.get(region as usize) else {
            return "nothing".into();
        };
        match r.kind {
            RegionKind::Global { .. } => {
                let g = &prog.globals[(region - region::FIRST_GLOBAL) as usize];
                if g.writable {
                    format!("global `{}` ({} bytes)", g.name, r.size)
                } else {
                    "a string literal".into()
                }
            }
            RegionKind::Heap | RegionKind::Freed => {
                format!("a block of {} bytes from malloc", r.size)
            }
            RegionKind::Mapping => format!("a private mapping of {} bytes", r.size),
            RegionKind::Argv => "argv".into(),
            RegionKind::Libc => "a C library string".into(),
            RegionKind::Stdio => "a FILE".into(),
            RegionKind::Stack => "the stack".into(),
            RegionKind::Null => "the null page".into(),
            RegionKind::Shared { obj, .. } => {
                format!("shared mapping of object #{obj} ({} bytes)", r.size)
            }
            RegionKind::Unmapped => "an unmapped mapping".into(),
        }
    }
}
