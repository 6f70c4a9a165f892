//! `<string.h>`, on the process's memory. Comparisons return the
//! difference of the first differing bytes, as glibc's x86_64 routines do.

use super::{errtext, LibFn, LibResult, Outcome};
use crate::interp::{Process, Shared};

/// Runs `f` if it is a string routine.
pub(super) fn call(p: &mut Process, sh: &mut dyn Shared, f: LibFn, a: &[u64]) -> Option<LibResult> {
    Some(run(p, sh, f, a)).filter(|_| {
        matches!(
            f,
            LibFn::Strlen
                | LibFn::Strcpy
                | LibFn::Strncpy
                | LibFn::Strcat
                | LibFn::Strncat
                | LibFn::Strcmp
                | LibFn::Strncmp
                | LibFn::Strchr
                | LibFn::Strrchr
                | LibFn::Strstr
                | LibFn::Memcpy
                | LibFn::Memmove
                | LibFn::Memset
                | LibFn::Memcmp
                | LibFn::Strerror
                | LibFn::Strsignal
                | LibFn::GaiStrerror
                | LibFn::Memchr
                | LibFn::Strspn
                | LibFn::Strcspn
                | LibFn::Strpbrk
                | LibFn::Strtok
                | LibFn::StrtokR
                | LibFn::Strsep
                | LibFn::Strcasecmp
                | LibFn::Strncasecmp
        )
    })
}

fn diff(a: &[u8], b: &[u8], n: usize, stop_at_nul: bool) -> i64 {
    for i in 0..n {
        let (x, y) = (a.get(i).copied().unwrap_or(0), b.get(i).copied().unwrap_or(0));
        if x != y {
            return x as i64 - y as i64;
        }
        if stop_at_nul && x == 0 {
            return 0;
        }
    }
    0
}

fn run(p: &mut Process, sh: &mut dyn Shared, f: LibFn, a: &[u64]) -> LibResult {
    let v = match f {
        LibFn::Strlen => p.mem.cstr(sh, a[0])?.len() as u64,
        LibFn::Strcpy => {
            let n = p.mem.cstr(sh, a[1])?.len();
            p.mem.copy(sh, a[0], a[1], n + 1)?;
            a[0]
        }
        LibFn::Strncpy => {
            let n = a[2] as usize;
            let len = p.mem.cstr_max(sh, a[1], n)?.len();
            p.mem.copy(sh, a[0], a[1], len)?;
            p.mem.slice_mut(sh, a[0] + len as u64, n - len)?.fill(0);
            a[0]
        }
        LibFn::Strcat | LibFn::Strncat => {
            let dlen = p.mem.cstr(sh, a[0])?.len() as u64;
            let slen = if f == LibFn::Strcat { p.mem.cstr(sh, a[1])?.len() } else { p.mem.cstr_max(sh, a[1], a[2] as usize)?.len() };
            p.mem.copy(sh, a[0] + dlen, a[1], slen)?;
            p.mem.slice_mut(sh, a[0] + dlen + slen as u64, 1)?[0] = 0;
            a[0]
        }
        LibFn::Strcmp => {
            let x = p.mem.cstr(sh, a[0])?;
            let y = p.mem.cstr(sh, a[1])?;
            diff(x, y, x.len().max(y.len()) + 1, true) as i32 as i64 as u64
        }
        LibFn::Strncmp => {
            let n = a[2] as usize;
            let x = p.mem.cstr_max(sh, a[0], n)?;
            let y = p.mem.cstr_max(sh, a[1], n)?;
            diff(x, y, n.min(x.len().max(y.len()) + 1), true) as i32 as i64 as u64
        }
        LibFn::Memcmp => {
            let n = a[2] as usize;
            let x = p.mem.slice(sh, a[0], n)?;
            let y = p.mem.slice(sh, a[1], n)?;
            diff(x, y, n, false) as i32 as i64 as u64
        }
        LibFn::Strchr | LibFn::Strrchr => {
            let s = p.mem.cstr(sh, a[0])?;
            let c = a[1] as u8;
            let hit = if c == 0 {
                Some(s.len())
            } else if f == LibFn::Strchr {
                s.iter().position(|&b| b == c)
            } else {
                s.iter().rposition(|&b| b == c)
            };
            hit.map_or(0, |i| a[0] + i as u64)
        }
        LibFn::Strstr => {
            let h = p.mem.cstr(sh, a[0])?;
            let n = p.mem.cstr(sh, a[1])?;
            if n.is_empty() {
                a[0]
            } else {
                h.windows(n.len()).position(|w| w == n).map_or(0, |i| a[0] + i as u64)
            }
        }
        LibFn::Memcpy | LibFn::Memmove => {
            p.mem.copy(sh, a[0], a[1], a[2] as usize)?;
            a[0]
        }
        LibFn::Memset => {
            p.mem.slice_mut(sh, a[0], a[2] as usize)?.fill(a[1] as u8);
            a[0]
        }
        LibFn::Strerror => {
            let e = a[0] as i32;
            match errtext::offset(e) {
                Some(off) => p.libc_strings + off as u64,
                None => made_up(p, &format!("Unknown error {e}")),
            }
        }
        LibFn::GaiStrerror => p.libc_strings + errtext::gai_offset(a[0] as i32) as u64,
        LibFn::Strsignal => {
            let sig = a[0] as i32;
            match errtext::signal_offset(sig) {
                Some(off) => p.libc_strings + off as u64,
                None => made_up(p, &errtext::signal_text(sig)),
            }
        }
        LibFn::Memchr => {
            let n = a[2] as usize;
            let hay = p.mem.slice(sh, a[0], n)?;
            match hay.iter().position(|&b| b == a[1] as u8) {
                Some(k) => a[0] + k as u64,
                None => 0,
            }
        }
        LibFn::Strspn | LibFn::Strcspn => {
            let set = p.mem.cstr(sh, a[1])?.to_vec();
            let s = p.mem.cstr(sh, a[0])?;
            let inside = f == LibFn::Strspn;
            s.iter().position(|b| set.contains(b) != inside).unwrap_or(s.len()) as u64
        }
        LibFn::Strpbrk => {
            let set = p.mem.cstr(sh, a[1])?.to_vec();
            let s = p.mem.cstr(sh, a[0])?;
            s.iter().position(|b| set.contains(b)).map_or(0, |i| a[0] + i as u64)
        }
        LibFn::Strtok => {
            let save = p.strtok_save;
            let (tok, next) = token(p, sh, if a[0] != 0 { a[0] } else { save }, a[1])?;
            p.strtok_save = next;
            tok
        }
        LibFn::StrtokR => {
            let save = p.mem.load(sh, a[2], crate::ir::MemTy::I64)?;
            let (tok, next) = token(p, sh, if a[0] != 0 { a[0] } else { save }, a[1])?;
            p.mem.store(sh, a[2], crate::ir::MemTy::I64, next)?;
            tok
        }
        LibFn::Strsep => {
            // *stringp up to the first delimiter, which becomes a 0.
            let at = p.mem.load(sh, a[0], crate::ir::MemTy::I64)?;
            if at == 0 {
                return Ok(Outcome::Value(0));
            }
            let set = p.mem.cstr(sh, a[1])?.to_vec();
            let s = p.mem.cstr(sh, at)?;
            let next = match s.iter().position(|b| set.contains(b)) {
                Some(i) => {
                    p.mem.slice_mut(sh, at + i as u64, 1)?[0] = 0;
                    at + i as u64 + 1
                }
                None => 0,
            };
            p.mem.store(sh, a[0], crate::ir::MemTy::I64, next)?;
            at
        }
        LibFn::Strcasecmp | LibFn::Strncasecmp => {
            let n = if f == LibFn::Strncasecmp { a[2] as usize } else { usize::MAX };
            let x: Vec<u8> = p.mem.cstr_max(sh, a[0], n)?.iter().map(u8::to_ascii_lowercase).collect();
            let y: Vec<u8> = p.mem.cstr_max(sh, a[1], n)?.iter().map(u8::to_ascii_lowercase).collect();
            diff(&x, &y, n.min(x.len().max(y.len()) + 1), true) as i32 as i64 as u64
        }
        _ => return Ok(Outcome::Void),
    };
    Ok(Outcome::Value(v))
}

/// `strtok`'s work from `at`: the next token (0 if none) and where the
/// next search starts (0 once the string is used up), writing a 0 after
/// the token as glibc does.
fn token(p: &mut Process, sh: &mut dyn Shared, at: u64, delims: u64) -> Result<(u64, u64), super::Stop> {
    if at == 0 {
        return Ok((0, 0));
    }
    let set = p.mem.cstr(sh, delims)?.to_vec();
    let s = p.mem.cstr(sh, at)?;
    let Some(start) = s.iter().position(|b| !set.contains(b)) else { return Ok((0, 0)) };
    match s[start..].iter().position(|b| set.contains(b)) {
        Some(len) => {
            let end = at + (start + len) as u64;
            p.mem.slice_mut(sh, end, 1)?[0] = 0;
            Ok((at + start as u64, end + 1))
        }
        None => Ok((at + start as u64, 0)),
    }
}

/// A text the library makes up (`strerror` of an unknown number,
/// `strsignal` of a real-time signal), in its one static buffer.
fn made_up(p: &mut Process, msg: &str) -> u64 {
    let at = p.libc_strings + errtext::unknown_offset() as u64;
    let region = (p.libc_strings >> 32) as usize;
    let bytes = p.mem.region_mut(region).expect("the library's strings").bytes_mut();
    let o = (at & 0xffff_ffff) as usize;
    let n = msg.len().min(errtext::UNKNOWN_BUF - 1);
    bytes[o..o + errtext::UNKNOWN_BUF].fill(0);
    bytes[o..o + n].copy_from_slice(&msg.as_bytes()[..n]);
    at
}
