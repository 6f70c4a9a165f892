//! A process's address space. An address is `region << 32 | offset`, so
//! resolving it is one index and one bounds check, and every access
//! outside an object is caught (a fault, as SIGSEGV would be natively).
//! Region numbers below [`region::FIRST_GLOBAL`] are fixed by the
//! compiler; globals follow, then library strings, `argv` and the heap.

use crate::ir::{region, MemTy, Program};

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
    /// A `free`d block: any access is a use after free.
    Freed,
}

/// One region: its bytes and kind.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Region {
    /// Contents.
    pub bytes: Vec<u8>,
    /// Kind.
    pub kind: RegionKind,
    /// Size before it was freed (for messages).
    pub size: u32,
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
}

/// Most bytes of stack a process may use (glibc's default 8 MiB).
pub const STACK_LIMIT: usize = 8 << 20;

/// A process's memory.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Memory {
    /// The stack's bytes (region [`region::STACK`]).
    pub stack: Vec<u8>,
    /// Every other region, indexed by number.
    pub regions: Vec<Region>,
    /// Bytes currently allocated by `malloc`.
    pub heap_bytes: u64,
}

#[inline]
fn split(addr: u64) -> (usize, usize) {
    ((addr >> 32) as usize, (addr & 0xffff_ffff) as usize)
}

impl Memory {
    /// The initial image of a program's memory.
    pub fn new(prog: &Program) -> Memory {
        let mut regions = vec![
            Region {
                bytes: Vec::new(),
                kind: RegionKind::Null,
                size: 0,
            },
            Region {
                bytes: Vec::new(),
                kind: RegionKind::Stack,
                size: 0,
            },
            Region {
                bytes: vec![0; 24],
                kind: RegionKind::Stdio,
                size: 24,
            },
        ];
        debug_assert_eq!(regions.len() as u32, region::FIRST_GLOBAL);
        for g in &prog.globals {
            regions.push(Region {
                bytes: g.bytes.clone(),
                kind: RegionKind::Global {
                    writable: g.writable,
                },
                size: g.bytes.len() as u32,
            });
        }
        Memory {
            stack: Vec::new(),
            regions,
            heap_bytes: 0,
        }
    }

    /// Adds a region; returns its base address.
    pub fn add(&mut self, bytes: Vec<u8>, kind: RegionKind) -> u64 {
        let size = bytes.len() as u32;
        self.regions.push(Region { bytes, kind, size });
        ((self.regions.len() - 1) as u64) << 32
    }

    /// Bytes `[addr, addr+len)` for reading.
    #[inline]
    pub fn slice(&self, addr: u64, len: usize) -> Result<&[u8], BadAccess> {
        let (r, off) = split(addr);
        if r == region::STACK as usize {
            return self
                .stack
                .get(off..off + len)
                .ok_or(BadAccess::StackOverflow);
        }
        match self.regions.get(r) {
            Some(reg) if !matches!(reg.kind, RegionKind::Null | RegionKind::Freed) => {
                match reg.bytes.get(off..off + len) {
                    Some(s) => Ok(s),
                    None => Err(BadAccess::OutOfBounds {
                        region: r as u32,
                        offset: off as u64,
                        size: reg.size,
                    }),
                }
            }
            other => Err(self.why(addr, other)),
        }
    }

    /// Bytes `[addr, addr+len)` for writing.
    #[inline]
    pub fn slice_mut(&mut self, addr: u64, len: usize) -> Result<&mut [u8], BadAccess> {
        let (r, off) = split(addr);
        if r == region::STACK as usize {
            return self
                .stack
                .get_mut(off..off + len)
                .ok_or(BadAccess::StackOverflow);
        }
        let why = match self.regions.get(r) {
            Some(reg) => match reg.kind {
                RegionKind::Null | RegionKind::Freed => Some(self.why(addr, Some(reg))),
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
        let reg = &mut self.regions[r];
        let size = reg.size;
        reg.bytes
            .get_mut(off..off + len)
            .ok_or(BadAccess::OutOfBounds {
                region: r as u32,
                offset: off as u64,
                size,
            })
    }

    fn why(&self, addr: u64, reg: Option<&Region>) -> BadAccess {
        match reg {
            _ if addr < 1 << 32 => BadAccess::Null,
            Some(r) if r.kind == RegionKind::Freed => BadAccess::UseAfterFree {
                region: (addr >> 32) as u32,
            },
            _ => BadAccess::Unmapped,
        }
    }

    /// Loads a scalar.
    #[inline]
    pub fn load(&self, addr: u64, m: MemTy) -> Result<u64, BadAccess> {
        let w = m.width() as usize;
        let s = self.slice(addr, w)?;
        let mut b = [0u8; 8];
        b[..w].copy_from_slice(s);
        Ok(m.norm(u64::from_le_bytes(b)))
    }

    /// Stores a scalar (its low bytes).
    #[inline]
    pub fn store(&mut self, addr: u64, m: MemTy, v: u64) -> Result<(), BadAccess> {
        let w = m.width() as usize;
        self.slice_mut(addr, w)?
            .copy_from_slice(&v.to_le_bytes()[..w]);
        Ok(())
    }

    /// The NUL-terminated string at `addr` (without the NUL).
    pub fn cstr(&self, addr: u64) -> Result<&[u8], BadAccess> {
        let (r, off) = split(addr);
        let bytes: &[u8] = if r == region::STACK as usize {
            self.stack.get(off..).ok_or(BadAccess::StackOverflow)?
        } else {
            self.slice(addr, 0)?;
            &self.regions[r].bytes[off..]
        };
        match bytes.iter().position(|&b| b == 0) {
            Some(n) => Ok(&bytes[..n]),
            None => Err(BadAccess::OutOfBounds {
                region: r as u32,
                offset: (off + bytes.len()) as u64,
                size: bytes.len() as u32 + off as u32,
            }),
        }
    }

    /// At most `max` bytes of the string at `addr` (`strncpy`, `%.*s`):
    /// stops at a NUL without requiring one.
    pub fn cstr_max(&self, addr: u64, max: usize) -> Result<&[u8], BadAccess> {
        let (r, off) = split(addr);
        let bytes: &[u8] = if r == region::STACK as usize {
            self.stack.get(off..).ok_or(BadAccess::StackOverflow)?
        } else {
            self.slice(addr, 0)?;
            &self.regions[r].bytes[off..]
        };
        let lim = &bytes[..max.min(bytes.len())];
        let n = lim.iter().position(|&b| b == 0).unwrap_or(lim.len());
        if n == lim.len() && n < max && n == bytes.len() {
            return Err(BadAccess::OutOfBounds {
                region: r as u32,
                offset: (off + n) as u64,
                size: (off + n) as u32,
            });
        }
        Ok(&bytes[..n])
    }

    /// Copies `len` bytes between any two addresses (overlap allowed).
    pub fn copy(&mut self, dst: u64, src: u64, len: usize) -> Result<(), BadAccess> {
        if len == 0 {
            return Ok(());
        }
        let (rd, od) = split(dst);
        let (rs, os) = split(src);
        if rd == rs {
            self.slice(src, len)?;
            self.slice_mut(dst, len)?;
            let bytes = if rd == region::STACK as usize {
                &mut self.stack
            } else {
                &mut self.regions[rd].bytes
            };
            bytes.copy_within(os..os + len, od);
            return Ok(());
        }
        // Different regions: borrow both without a temporary buffer.
        self.slice(src, len)?;
        self.slice_mut(dst, len)?;
        let (s_bytes, d_bytes): (&[u8], &mut [u8]) = if rd == region::STACK as usize {
            (&self.regions[rs].bytes, &mut self.stack)
        } else if rs == region::STACK as usize {
            (&self.stack, &mut self.regions[rd].bytes)
        } else if rs < rd {
            let (a, b) = self.regions.split_at_mut(rd);
            (&a[rs].bytes, &mut b[0].bytes)
        } else {
            let (a, b) = self.regions.split_at_mut(rs);
            (&b[0].bytes, &mut a[rd].bytes)
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
            RegionKind::Argv => "argv".into(),
            RegionKind::Libc => "a C library string".into(),
            RegionKind::Stdio => "a FILE".into(),
            RegionKind::Stack => "the stack".into(),
            RegionKind::Null => "the null page".into(),
        }
    }
}
