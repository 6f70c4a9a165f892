//! `<stdlib.h>` and `<ctype.h>`: numbers, `rand`, the heap.

use super::stdio::Which;
use super::{LibFn, LibResult, Outcome, Stop};
use crate::interp::fault::Undefined;
use crate::interp::memory::RegionKind;
use crate::interp::{Process, Shared};
use crate::ir::Program;

use crate::abi::limits::MAX_HEAP as HEAP_LIMIT;
const ENOMEM: i32 = 12;
const ERANGE: i32 = 34;
const EINVAL: i32 = 22;

pub(super) fn call(p: &mut Process, prog: &Program, sh: &mut dyn Shared, f: LibFn, a: &[u64]) -> LibResult {
    let c = a.first().copied().unwrap_or(0) as i32;
    let ch = u8::try_from(c).ok();
    let class = |pred: fn(&u8) -> bool| Outcome::Value(ch.is_some_and(|b| pred(&b)) as u64);
    Ok(match f {
        LibFn::Abs => Outcome::Value((c.wrapping_abs()) as i64 as u64),
        LibFn::Labs => Outcome::Value((a[0] as i64).wrapping_abs() as u64),
        LibFn::Atoi => Outcome::Value(strtol(p, prog, sh, a[0], 0, 10, true)? as i32 as i64 as u64),
        LibFn::Atol => Outcome::Value(strtol(p, prog, sh, a[0], 0, 10, true)? as u64),
        LibFn::Strtol => Outcome::Value(strtol(p, prog, sh, a[0], a[1], a[2] as i32, true)? as u64),
        LibFn::Strtoul => Outcome::Value(strtol(p, prog, sh, a[0], a[1], a[2] as i32, false)? as u64),
        LibFn::Atof => Outcome::Value(strtod(p, prog, sh, a[0], 0, false)?),
        LibFn::Strtod => Outcome::Value(strtod(p, prog, sh, a[0], a[1], false)?),
        LibFn::Strtold => Outcome::Value(strtold(p, prog, sh, a[0], a[1], a[2])?),
        LibFn::Strtof => Outcome::Value(strtod(p, prog, sh, a[0], a[1], true)?),
        // glibc's rand is its random (one generator, one state).
        LibFn::Rand | LibFn::Random => Outcome::Value(p.rand.rand() as u64),
        LibFn::Srand | LibFn::Srandom => {
            p.rand.seed(a[0] as u32);
            Outcome::Void
        }
        LibFn::Malloc => Outcome::Value(malloc(p, prog, sh, a[0])),
        // Shared mappings are the file's bytes already: nothing to write
        // back. An unaligned address is EINVAL, as natively.
        LibFn::Msync => {
            if !a[0].is_multiple_of(crate::interp::memory::PAGE) {
                p.set_errno(prog, EINVAL);
                Outcome::Value(u64::MAX)
            } else {
                Outcome::Value(0)
            }
        }
        // Virtual, as pids are: the same in both backends.
        LibFn::Getuid | LibFn::Geteuid | LibFn::Getgid | LibFn::Getegid => Outcome::Value(crate::abi::UID as u64),
        LibFn::Sigemptyset | LibFn::Sigfillset | LibFn::Sigaddset | LibFn::Sigdelset | LibFn::Sigismember => {
            sigset(p, prog, sh, f, a[0], a.get(1).copied().unwrap_or(0) as i32)?
        }
        // popen's bookkeeping, kept with the stream (no global of the
        // prelude's: every program would carry it).
        LibFn::PopenMark => {
            if let Which::File(k) = super::stream(p, a[0])? {
                if let Some(f) = p.stdio.files[k].as_mut() {
                    f.child = a[1] as i32;
                }
            }
            Outcome::Void
        }
        LibFn::PopenChild => match super::stream(p, a[0]) {
            Ok(Which::File(k)) => Outcome::Value(p.stdio.files[k].as_ref().map_or(0, |f| f.child) as u64),
            _ => Outcome::Value(0),
        },
        LibFn::PopenFd => {
            let mut popened = p.stdio.files.iter().flatten().filter(|f| f.child != 0);
            Outcome::Value(popened.nth(a[0] as usize).map_or(-1, |f| f.out.fd) as i64 as u64)
        }
        LibFn::Fileno => {
            let w = super::stream(p, a[0])?;
            Outcome::Value(p.stdio.fd(w) as u64)
        }
        LibFn::Sysconf => match a[0] as i32 {
            2 => Outcome::Value(100),
            4 => Outcome::Value(crate::abi::limits::MAX_FDS as u64),
            30 => Outcome::Value(4096),
            _ => {
                p.set_errno(prog, crate::abi::errno::EINVAL);
                Outcome::Value(u64::MAX)
            }
        },
        LibFn::StaticBuf => {
            let slot = (a[0] as usize).min(1);
            if p.static_bufs[slot] == 0 {
                p.static_bufs[slot] = malloc(p, prog, sh, 256);
            }
            Outcome::Value(p.static_bufs[slot])
        }
        LibFn::Strdup | LibFn::Strndup => {
            let n = if f == LibFn::Strndup { a[1] as usize } else { usize::MAX };
            let mut s = p.mem.cstr_max(sh, a[0], n)?.to_vec();
            s.push(0);
            let at = malloc(p, prog, sh, s.len() as u64);
            if at != 0 {
                p.mem.slice_mut(sh, at, s.len())?.copy_from_slice(&s);
            }
            Outcome::Value(at)
        }
        LibFn::Calloc => match a[0].checked_mul(a[1]) {
            Some(n) => Outcome::Value(malloc(p, prog, sh, n)),
            None => {
                p.set_errno(prog, ENOMEM);
                Outcome::Value(0)
            }
        },
        LibFn::Realloc => Outcome::Value(realloc(p, prog, sh, a[0], a[1])?),
        LibFn::Free => {
            free(p, sh, a[0])?;
            Outcome::Void
        }
        LibFn::Toupper => Outcome::Value(match ch {
            Some(b) if b.is_ascii_lowercase() => b.to_ascii_uppercase() as u64,
            _ => c as i64 as u64,
        }),
        LibFn::Tolower => Outcome::Value(match ch {
            Some(b) if b.is_ascii_uppercase() => b.to_ascii_lowercase() as u64,
            _ => c as i64 as u64,
        }),
        LibFn::Isdigit => class(u8::is_ascii_digit),
        LibFn::Isalpha => class(u8::is_ascii_alphabetic),
        LibFn::Isalnum => class(u8::is_ascii_alphanumeric),
        LibFn::Isspace => class(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)),
        LibFn::Isupper => class(u8::is_ascii_uppercase),
        LibFn::Islower => class(u8::is_ascii_lowercase),
        LibFn::Isxdigit => class(u8::is_ascii_hexdigit),
        LibFn::Isprint => class(|b| (0x20..0x7f).contains(b)),
        LibFn::Ispunct => class(u8::is_ascii_punctuation),
        _ => unreachable!("{f:?} is routed elsewhere"),
    })
}

/// glibc's `strtod`/`strtof` (and `atof`, which sets no end): the bits
/// of the value, `*end` after the number (or at `s` when none), `ERANGE`
/// on overflow and underflow.
fn strtod(p: &mut Process, prog: &Program, sh: &mut dyn Shared, s: u64, end: u64, single: bool) -> Result<u64, Stop> {
    let text = p.mem.cstr(sh, s)?;
    let (bits, len, range) = if single {
        let r = crate::ir::strtod::strtof(text);
        (r.value.to_bits() as u64, r.len, r.range)
    } else {
        let r = crate::ir::strtod::strtod(text);
        (r.value.to_bits(), r.len, r.range)
    };
    if end != 0 {
        p.mem.store(sh, end, crate::ir::MemTy::I64, s + len as u64)?;
    }
    if range {
        p.set_errno(prog, ERANGE);
    }
    Ok(bits)
}

/// `strtold(s, end)`, its value stored at `out` (the prelude's
/// `strtold` returns it from there).
fn strtold(p: &mut Process, prog: &Program, sh: &mut dyn Shared, s: u64, end: u64, out: u64) -> Result<u64, Stop> {
    let text = p.mem.cstr(sh, s)?;
    let (v, len, range) = crate::ir::strtod::strtold(text);
    if end != 0 {
        p.mem.store(sh, end, crate::ir::MemTy::I64, s + len as u64)?;
    }
    if range {
        p.set_errno(prog, ERANGE);
    }
    p.mem.store(sh, out, crate::ir::MemTy::I64, v.m)?;
    p.mem.store(sh, out.wrapping_add(8), crate::ir::MemTy::U16, u64::from(v.se))?;
    Ok(0)
}

/// glibc's `strtol`/`strtoul`: whitespace, sign, base prefix, digits,
/// saturation with `ERANGE`, and `*end` at the first unused character.
fn strtol(p: &mut Process, prog: &Program, sh: &mut dyn Shared, s: u64, end: u64, base: i32, signed: bool) -> Result<i64, Stop> {
    let text = p.mem.cstr(sh, s)?.to_vec();
    if base != 0 && !(2..=36).contains(&base) {
        p.set_errno(prog, EINVAL);
        return Ok(0);
    }
    let mut i = 0;
    while i < text.len() && matches!(text[i], b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
        i += 1;
    }
    let neg = text.get(i) == Some(&b'-');
    if matches!(text.get(i), Some(b'-' | b'+')) {
        i += 1;
    }
    let mut base = base as u32;
    let hex_prefix = text.get(i) == Some(&b'0')
        && matches!(text.get(i + 1), Some(b'x' | b'X'))
        && text.get(i + 2).is_some_and(|c| c.is_ascii_hexdigit());
    if (base == 0 || base == 16) && hex_prefix {
        i += 2;
        base = 16;
    } else if base == 0 {
        base = if text.get(i) == Some(&b'0') { 8 } else { 10 };
    }
    let start = i;
    let mut acc: u64 = 0;
    let mut overflow = false;
    while let Some(d) = text.get(i).and_then(|&c| (c as char).to_digit(base)) {
        match acc.checked_mul(base as u64).and_then(|v| v.checked_add(d as u64)) {
            Some(v) => acc = v,
            None => overflow = true,
        }
        i += 1;
    }
    let used = if i == start { 0 } else { i };
    if end != 0 {
        p.mem.store(sh, end, crate::ir::MemTy::I64, s + used as u64)?;
    }
    let v = if signed {
        let limit = if neg { 1u64 << 63 } else { i64::MAX as u64 };
        if overflow || acc > limit {
            p.set_errno(prog, ERANGE);
            if neg {
                i64::MIN
            } else {
                i64::MAX
            }
        } else if neg {
            (acc as i64).wrapping_neg()
        } else {
            acc as i64
        }
    } else if overflow {
        p.set_errno(prog, ERANGE);
        -1
    } else if neg {
        acc.wrapping_neg() as i64
    } else {
        acc as i64
    };
    Ok(v)
}

fn malloc(p: &mut Process, prog: &Program, sh: &mut dyn Shared, n: u64) -> u64 {
    if n > u32::MAX as u64 || p.mem.heap_bytes + n > HEAP_LIMIT || !sh.reserve(n) {
        p.set_errno(prog, ENOMEM);
        return 0;
    }
    p.mem.heap_bytes += n;
    // Zeroed, so a run never depends on leftover bytes.
    let at = p.mem.add(vec![0; n as usize], RegionKind::Heap);
    let site = p.span(prog);
    p.heap_sites.push(((at >> 32) as u32, site));
    at
}

fn block(p: &Process, ptr: u64) -> Result<usize, Stop> {
    let r = (ptr >> 32) as usize;
    match p.mem.regions.get(r) {
        Some(reg) if reg.kind == RegionKind::Heap && ptr & 0xffff_ffff == 0 => Ok(r),
        Some(reg) if reg.kind == RegionKind::Freed && ptr & 0xffff_ffff == 0 => {
            Err(Stop::Undefined(Undefined::DoubleFree { region: r as u32 }))
        }
        _ => Err(Stop::Undefined(Undefined::BadFree)),
    }
}

pub(super) fn free(p: &mut Process, sh: &mut dyn Shared, ptr: u64) -> Result<(), Stop> {
    if ptr == 0 {
        return Ok(());
    }
    let r = block(p, ptr)?;
    let n = p.mem.regions()[r].bytes.len() as u64;
    p.mem.heap_bytes -= n;
    sh.release(n);
    p.mem.region_mut(r).expect("a heap block").clear(RegionKind::Freed);
    Ok(())
}

/// `getline(&line, &n, stream)`: a whole line (its newline kept) into a
/// `malloc`ed buffer grown as glibc grows it (120 bytes first, then
/// doubling); -1 at end of file.
pub(super) fn getline(p: &mut Process, prog: &Program, sh: &mut dyn Shared, a: &[u64]) -> LibResult {
    use crate::ir::MemTy;
    let (line, size) = (a[0], a[1]);
    if line == 0 || size == 0 {
        p.set_errno(prog, crate::abi::errno::EINVAL);
        return Ok(Outcome::Value(u64::MAX));
    }
    let w = super::stream(p, a[2])?;
    if p.stdio.input_of(w).is_none() {
        p.set_errno(prog, crate::abi::errno::EBADF);
        return Ok(Outcome::Value(u64::MAX));
    }
    let Some(len) = super::input::line_len(p, w) else { return Ok(super::input::refill(p, w, a)) };
    if len == 0 {
        return Ok(Outcome::Value(u64::MAX));
    }
    let mut buf = p.mem.load(sh, line, MemTy::I64)?;
    let cap = p.mem.load(sh, size, MemTy::I64)?;
    if buf == 0 || cap < len as u64 + 1 {
        let mut want = if buf == 0 || cap == 0 { 120 } else { cap };
        while want < len as u64 + 1 {
            want *= 2;
        }
        buf = realloc(p, prog, sh, buf, want)?;
        if buf == 0 {
            return Ok(Outcome::Value(u64::MAX));
        }
        p.mem.store(sh, line, MemTy::I64, buf)?;
        p.mem.store(sh, size, MemTy::I64, want)?;
    }
    let mut bytes = super::input::take(p, w, len);
    bytes.push(0);
    p.mem.slice_mut(sh, buf, bytes.len())?.copy_from_slice(&bytes);
    Ok(Outcome::Value(len as u64))
}

fn realloc(p: &mut Process, prog: &Program, sh: &mut dyn Shared, ptr: u64, n: u64) -> Result<u64, Stop> {
    if ptr == 0 {
        return Ok(malloc(p, prog, sh, n));
    }
    let r = block(p, ptr)?;
    if n == 0 {
        free(p, sh, ptr)?;
        return Ok(0);
    }
    let old = p.mem.regions[r].bytes.len() as u64;
    let new = malloc(p, prog, sh, n);
    if new == 0 {
        return Ok(0);
    }
    p.mem.copy(sh, new, ptr, old.min(n) as usize)?;
    free(p, sh, ptr)?;
    Ok(new)
}

/// The `sigset_t` routines (128 bytes; signal n is bit n-1). glibc
/// refuses its two internal signals (32, 33) to `sigaddset` and
/// `sigdelset`, and leaves them out of `sigfillset`.
fn sigset(p: &mut Process, prog: &Program, sh: &mut dyn Shared, f: LibFn, set: u64, sig: i32) -> Result<Outcome, Stop> {
    use crate::ir::MemTy;
    let word = |k: u64| set.wrapping_add(k * 8);
    match f {
        LibFn::Sigemptyset | LibFn::Sigfillset => {
            let fill = if f == LibFn::Sigfillset { u64::MAX } else { 0 };
            for k in 0..16 {
                let v = if k == 0 && fill != 0 { !(3u64 << 31) } else { fill };
                p.mem.store(sh, word(k), MemTy::I64, v).map_err(Stop::Memory)?;
            }
            return Ok(Outcome::Value(0));
        }
        _ => {}
    }
    let internal = matches!(sig, 32 | 33) && f != LibFn::Sigismember;
    if !(1..=64).contains(&sig) || internal {
        p.set_errno(prog, EINVAL);
        return Ok(Outcome::Value(u64::MAX));
    }
    let b = 1u64 << (sig - 1);
    let v = p.mem.load(sh, set, MemTy::I64).map_err(Stop::Memory)?;
    let new = match f {
        LibFn::Sigaddset => v | b,
        LibFn::Sigdelset => v & !b,
        _ => return Ok(Outcome::Value((v & b != 0) as u64)),
    };
    p.mem.store(sh, set, MemTy::I64, new).map_err(Stop::Memory)?;
    Ok(Outcome::Value(0))
}
