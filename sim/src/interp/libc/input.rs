//! Reading through glibc's `stdin` buffer: `getchar`, `fgetc`, `getc`,
//! `fgets`, `getline`, `scanf`, `fscanf`, `feof`, `ferror`, and
//! `sscanf` on a string. A routine that needs more bytes than the buffer
//! holds asks the kernel to fill it (one `read(0, ..., 4096)`, as glibc's
//! underflow), then runs again from the start: it consumes nothing until
//! it has what it needs, so running again is the same as going on. End
//! of file is sticky, as in glibc since 2.28.

use super::stdio::{Which, BUFSIZE};
use super::{stream, LibFn, LibResult, Outcome, Stop};
use crate::abi::call::{Call, FdCall};
use crate::interp::process::After;
use crate::interp::{Event, Process, Shared};
use crate::ir::{strtod, MemTy, Program};

/// `EOF` as a returned `int`.
const EOF: u64 = u64::MAX;

/// C's `isspace`: space, \t, \n, \v, \f, \r.
fn space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// Reading an output stream: `EOF` with `EBADF`, as glibc.
fn not_readable(p: &mut Process, prog: &Program) -> LibResult {
    p.set_errno(prog, crate::abi::errno::EBADF);
    Ok(Outcome::Value(EOF))
}

/// The stream a `FILE *` names, if it reads (else `Err` with the
/// routine's failure value and `EBADF`).
fn readable(p: &mut Process, prog: &Program, f: u64, fail: u64) -> Result<Result<Which, Outcome>, Stop> {
    let w = stream(p, f)?;
    if p.stdio.input_of(w).is_some() {
        return Ok(Ok(w));
    }
    not_readable(p, prog)?;
    Ok(Err(Outcome::Value(fail)))
}

/// Runs `f` if it reads input.
pub(super) fn call(p: &mut Process, prog: &Program, sh: &mut dyn Shared, f: LibFn, a: &[u64]) -> Option<LibResult> {
    use LibFn::*;
    matches!(f, Getchar | Fgetc | Getc | Fgets | Getline | Scanf | Fscanf | Sscanf | Feof | Ferror | Ungetc).then(|| run(p, prog, sh, f, a))
}

fn run(p: &mut Process, prog: &Program, sh: &mut dyn Shared, f: LibFn, a: &[u64]) -> LibResult {
    match f {
        LibFn::Getchar => getc(p, Which::Stdin, a),
        LibFn::Fgetc | LibFn::Getc => match readable(p, prog, a[0], EOF)? {
            Ok(w) => getc(p, w, a),
            Err(o) => Ok(o),
        },
        LibFn::Fgets => match readable(p, prog, a[2], 0)? {
            Ok(w) => fgets(p, sh, w, a),
            Err(o) => Ok(o),
        },
        LibFn::Getline => super::stdlib::getline(p, prog, sh, a),
        LibFn::Scanf => scan_stream(p, sh, Which::Stdin, a, a[0], &a[1..]),
        LibFn::Fscanf => match readable(p, prog, a[0], EOF)? {
            Ok(w) => scan_stream(p, sh, w, a, a[1], &a[2..]),
            Err(o) => Ok(o),
        },
        LibFn::Sscanf => sscanf(p, sh, a),
        LibFn::Ungetc => {
            let w = stream(p, a[1])?;
            let c = a[0] as i32;
            match p.stdio.input_mut(w) {
                Some(i) if c != -1 => {
                    i.unget(c as u8);
                    Ok(Outcome::Value(c as u8 as u64))
                }
                _ => Ok(Outcome::Value(EOF)),
            }
        }
        LibFn::Feof => {
            let w = stream(p, a[0])?;
            Ok(Outcome::Value(p.stdio.input_of(w).is_some_and(|i| i.eof && i.avail().is_empty()) as u64))
        }
        _ => {
            let w = stream(p, a[0])?;
            Ok(Outcome::Value(p.stdio.input_of(w).is_some_and(|i| i.error) as u64))
        }
    }
}

/// Asks the kernel to fill stream `w`'s buffer, then to run the routine
/// (with arguments `a`) again.
pub(super) fn refill(p: &mut Process, w: Which, a: &[u64]) -> Outcome {
    p.after = After::Refill(a.to_vec());
    p.stdio.filling = w;
    let fd = p.stdio.fd(w);
    Outcome::Stop(Event::Syscall(Call::Fd(FdCall::Fill { fd, len: BUFSIZE as u64 })))
}

/// Whether stream `w` can get no more bytes (end of file or an error).
pub(super) fn ended(p: &Process, w: Which) -> bool {
    p.stdio.input_of(w).is_none_or(|i| i.eof || i.error)
}

/// The unconsumed input of stream `w` (which reads).
fn avail(p: &Process, w: Which) -> &[u8] {
    p.stdio.input_of(w).map_or(&[], |i| i.avail())
}

/// Consumes `n` bytes of stream `w`'s input.
fn consume(p: &mut Process, w: Which, n: usize) {
    if let Some(i) = p.stdio.input_mut(w) {
        i.consume(n);
    }
}

/// `getchar`, `fgetc`, `getc`.
fn getc(p: &mut Process, w: Which, a: &[u64]) -> LibResult {
    if let Some(&b) = avail(p, w).first() {
        consume(p, w, 1);
        return Ok(Outcome::Value(b as u64));
    }
    if ended(p, w) {
        return Ok(Outcome::Value(EOF));
    }
    Ok(refill(p, w, a))
}

/// `fgets(s, n, stream)`: a line (with its newline) or `n - 1` bytes.
fn fgets(p: &mut Process, sh: &mut dyn Shared, w: Which, a: &[u64]) -> LibResult {
    let (dst, n) = (a[0], a[1] as i32);
    if n <= 0 {
        return Ok(Outcome::Value(0));
    }
    let limit = (n - 1) as usize;
    let have = avail(p, w);
    let take = match have.iter().take(limit).position(|&b| b == b'\n') {
        Some(k) => k + 1,
        None if have.len() >= limit => limit,
        None if !ended(p, w) => return Ok(refill(p, w, a)),
        None if have.is_empty() && limit > 0 => return Ok(Outcome::Value(0)),
        None => have.len(),
    };
    let mut line = avail(p, w)[..take].to_vec();
    line.push(0);
    p.mem.slice_mut(sh, dst, line.len())?.copy_from_slice(&line);
    consume(p, w, take);
    Ok(Outcome::Value(dst))
}

/// The line `getline` would return from stream `w`: its length with the
/// newline, or `None` when more input must be read first.
pub(super) fn line_len(p: &Process, w: Which) -> Option<usize> {
    let have = avail(p, w);
    match have.iter().position(|&b| b == b'\n') {
        Some(k) => Some(k + 1),
        None if ended(p, w) => Some(have.len()),
        None => None,
    }
}

/// Takes the first `len` bytes of stream `w`'s input.
pub(super) fn take(p: &mut Process, w: Which, len: usize) -> Vec<u8> {
    let bytes = avail(p, w)[..len].to_vec();
    consume(p, w, len);
    bytes
}

fn scan_stream(p: &mut Process, sh: &mut dyn Shared, w: Which, a: &[u64], fmt: u64, out: &[u64]) -> LibResult {
    let fmt = p.mem.cstr(sh, fmt)?.to_vec();
    let input = avail(p, w).to_vec();
    let at_end = ended(p, w);
    match scan(p, sh, &fmt, out, &input, at_end)? {
        Scan::More => Ok(refill(p, w, a)),
        Scan::Done { ret, used } => {
            consume(p, w, used);
            Ok(Outcome::Value(ret as u64))
        }
    }
}

fn sscanf(p: &mut Process, sh: &mut dyn Shared, a: &[u64]) -> LibResult {
    let input = p.mem.cstr(sh, a[0])?.to_vec();
    let fmt = p.mem.cstr(sh, a[1])?.to_vec();
    match scan(p, sh, &fmt, &a[2..], &input, true)? {
        Scan::Done { ret, .. } => Ok(Outcome::Value(ret as u64)),
        Scan::More => unreachable!("a string has its end"),
    }
}

/// What a scan did.
enum Scan {
    /// Finished: the value to return and the input bytes it used.
    Done { ret: i64, used: usize },
    /// Reached the end of the bytes there are, before the end of input.
    More,
}

/// Scans `input` (all there is when `at_end`) by the format `fmt`,
/// storing through the pointers `out`.
fn scan(p: &mut Process, sh: &mut dyn Shared, fmt: &[u8], out: &[u64], input: &[u8], at_end: bool) -> Result<Scan, Stop> {
    Scanner { p, sh, input, at_end, i: 0, out, next: 0 }.run(fmt)
}

/// Why a conversion stopped the scan.
enum Fail {
    /// The input ended (an input failure).
    Input,
    /// The input did not match.
    Matching,
    /// More bytes must be read first.
    More,
    /// A store faulted.
    Stop(Stop),
}

impl From<Stop> for Fail {
    fn from(s: Stop) -> Self {
        Fail::Stop(s)
    }
}

impl From<crate::interp::memory::BadAccess> for Fail {
    fn from(b: crate::interp::memory::BadAccess) -> Self {
        Fail::Stop(Stop::Memory(b))
    }
}

/// glibc's `vfscanf` over a byte source.
struct Scanner<'a, 'b> {
    p: &'a mut Process,
    sh: &'a mut dyn Shared,
    input: &'b [u8],
    at_end: bool,
    /// Input bytes used.
    i: usize,
    /// The pointers to store into.
    out: &'b [u64],
    next: usize,
}

impl Scanner<'_, '_> {
    fn peek(&self) -> Result<Option<u8>, Fail> {
        match self.input.get(self.i) {
            Some(&b) => Ok(Some(b)),
            None if self.at_end => Ok(None),
            None => Err(Fail::More),
        }
    }

    fn skip_space(&mut self) -> Result<(), Fail> {
        while let Some(b) = self.peek()? {
            if !space(b) {
                break;
            }
            self.i += 1;
        }
        Ok(())
    }

    fn target(&mut self) -> u64 {
        let t = self.out.get(self.next).copied().unwrap_or(0);
        self.next += 1;
        t
    }

    fn run(mut self, fmt: &[u8]) -> Result<Scan, Stop> {
        let mut done: i64 = 0;
        let mut k = 0;
        let result = loop {
            let Some(&c) = fmt.get(k) else { break Ok(()) };
            k += 1;
            let r = if space(c) {
                self.skip_space()
            } else if c != b'%' {
                match self.peek() {
                    Ok(Some(b)) if b == c => {
                        self.i += 1;
                        Ok(())
                    }
                    Ok(Some(_)) => Err(Fail::Matching),
                    Ok(None) => Err(Fail::Input),
                    Err(e) => Err(e),
                }
            } else {
                self.conversion(fmt, &mut k, &mut done)
            };
            if let Err(e) = r {
                break Err(e);
            }
        };
        match result {
            Ok(()) | Err(Fail::Matching) => Ok(Scan::Done { ret: done, used: self.i }),
            Err(Fail::Input) => Ok(Scan::Done { ret: if done == 0 { -1 } else { done }, used: self.i }),
            Err(Fail::More) => Ok(Scan::More),
            Err(Fail::Stop(s)) => Err(s),
        }
    }

    /// One `%` directive, from just after the `%`.
    fn conversion(&mut self, fmt: &[u8], k: &mut usize, done: &mut i64) -> Result<(), Fail> {
        let at = |k: usize| fmt.get(k).copied().unwrap_or(0);
        if at(*k) == b'%' {
            *k += 1;
            self.skip_space()?;
            return match self.peek()? {
                Some(b'%') => {
                    self.i += 1;
                    Ok(())
                }
                Some(_) => Err(Fail::Matching),
                None => Err(Fail::Input),
            };
        }
        // A positional argument (`%2$d`): its pointer by number.
        let start = *k;
        let mut n = 0usize;
        while at(*k).is_ascii_digit() {
            n = n.saturating_mul(10).saturating_add((at(*k) - b'0') as usize);
            *k += 1;
        }
        if at(*k) == b'$' && n > 0 {
            *k += 1;
            self.next = n - 1;
        } else {
            *k = start;
        }
        let suppress = at(*k) == b'*';
        if suppress {
            *k += 1;
        }
        let mut width = 0usize;
        while at(*k).is_ascii_digit() {
            width = width.saturating_mul(10).saturating_add((at(*k) - b'0') as usize);
            *k += 1;
        }
        let width = if width == 0 { usize::MAX } else { width };
        let mut size = 4;
        // `L` before a floating conversion: a `long double`.
        let mut long_double = false;
        loop {
            match at(*k) {
                b'h' if size == 2 => size = 1,
                b'h' => size = 2,
                b'L' => {
                    size = 8;
                    long_double = true;
                }
                b'l' | b'q' | b'j' | b'z' | b't' => size = 8,
                _ => break,
            }
            *k += 1;
        }
        let conv = at(*k);
        *k += 1;
        match conv {
            b'n' => {
                if !suppress {
                    let t = self.target();
                    self.store_int(t, size, self.i as u64)?;
                }
                Ok(())
            }
            b'c' => {
                let w = if width == usize::MAX { 1 } else { width };
                let mut got = Vec::new();
                while got.len() < w {
                    match self.peek()? {
                        Some(b) => {
                            got.push(b);
                            self.i += 1;
                        }
                        None => break,
                    }
                }
                // glibc keeps what it got before the end of input.
                if got.is_empty() {
                    return Err(Fail::Input);
                }
                if !suppress {
                    let t = self.target();
                    self.p.mem.slice_mut(self.sh, t, got.len())?.copy_from_slice(&got);
                    *done += 1;
                }
                Ok(())
            }
            b's' | b'[' => {
                let set = if conv == b'[' {
                    // An unterminated set ends the scan (glibc: a
                    // conversion error).
                    Some(parse_set(fmt, k).ok_or(Fail::Matching)?)
                } else {
                    None
                };
                if conv == b's' {
                    self.skip_space()?;
                }
                let mut got = Vec::new();
                while got.len() < width {
                    let Some(b) = self.peek()? else { break };
                    let take = match &set {
                        Some((neg, members)) => members.contains(&b) != *neg,
                        None => !space(b),
                    };
                    if !take {
                        break;
                    }
                    got.push(b);
                    self.i += 1;
                }
                if got.is_empty() {
                    return Err(if self.peek()?.is_none() { Fail::Input } else { Fail::Matching });
                }
                if !suppress {
                    let t = self.target();
                    got.push(0);
                    self.p.mem.slice_mut(self.sh, t, got.len())?.copy_from_slice(&got);
                    *done += 1;
                }
                Ok(())
            }
            b'd' | b'i' | b'u' | b'o' | b'x' | b'X' | b'p' => {
                self.skip_space()?;
                if self.peek()?.is_none() {
                    return Err(Fail::Input);
                }
                // glibc prints a null pointer as "(nil)" and reads it back.
                if conv == b'p' && self.input[self.i..].starts_with(b"(nil)") {
                    self.i += 5;
                    if !suppress {
                        let t = self.target();
                        self.store_int(t, 8, 0)?;
                        *done += 1;
                    }
                    return Ok(());
                }
                let base = match conv {
                    b'd' | b'u' => 10,
                    b'o' => 8,
                    b'x' | b'X' | b'p' => 16,
                    _ => 0,
                };
                let v = self.number(base, width, conv == b'd' || conv == b'i')?;
                if !suppress {
                    let t = self.target();
                    self.store_int(t, if conv == b'p' { 8 } else { size }, v)?;
                    *done += 1;
                }
                Ok(())
            }
            b'f' | b'F' | b'e' | b'E' | b'g' | b'G' | b'a' | b'A' => {
                self.floating(width, if long_double { 16 } else { size }, suppress, done)
            }
            _ => Err(Fail::Matching),
        }
    }

    /// `%f` and its synonyms: the longest prefix glibc's scanf takes (it
    /// may take more than strtod would, "1e" say, and then fail), read
    /// as a `float`, or a `double` with `l`.
    fn floating(&mut self, width: usize, size: usize, suppress: bool, done: &mut i64) -> Result<(), Fail> {
        self.skip_space()?;
        if self.peek()?.is_none() {
            return Err(Fail::Input);
        }
        let start = self.i;
        while self.i - start < width {
            match self.peek()? {
                Some(b) if b.is_ascii_alphanumeric() || b"+-.()_".contains(&b) => self.i += 1,
                _ => break,
            }
        }
        let scanned = strtod::scan(&self.input[start..self.i], width);
        self.i = start + scanned.len;
        if !scanned.ok {
            return Err(Fail::Matching);
        }
        // What was taken converts as a whole: "1e" is 1.0, as strtod reads it.
        let text = &self.input[start..self.i];
        if size == 16 {
            let (v, _, _) = strtod::strtold(text);
            if !suppress {
                let t = self.target();
                self.p.mem.store(self.sh, t, MemTy::I64, v.m)?;
                self.p.mem.store(self.sh, t.wrapping_add(8), MemTy::U16, u64::from(v.se))?;
                *done += 1;
            }
            return Ok(());
        }
        let (bits, m) = if size == 8 {
            (strtod::strtod(text).value.to_bits(), MemTy::F64)
        } else {
            (strtod::strtof(text).value.to_bits() as u64, MemTy::F32)
        };
        if !suppress {
            let t = self.target();
            self.p.mem.store(self.sh, t, m, bits)?;
            *done += 1;
        }
        Ok(())
    }

    /// A number as `strtol`/`strtoul` reads it, at most `width` bytes;
    /// `Matching` if it has no digits.
    fn number(&mut self, base: u32, width: usize, signed: bool) -> Result<u64, Fail> {
        let mut used = 0;
        let mut neg = false;
        if let Some(c @ (b'+' | b'-')) = self.peek()? {
            neg = c == b'-';
            self.i += 1;
            used += 1;
        }
        let mut base = base;
        // A leading 0 counts as a digit even if no digit follows its x.
        let mut zero_seen = false;
        if (base == 16 || base == 0) && used + 1 < width && self.peek()? == Some(b'0') {
            let zero = self.i;
            self.i += 1;
            used += 1;
            match self.peek()? {
                Some(b'x' | b'X') if used < width => {
                    self.i += 1;
                    used += 1;
                    base = 16;
                    zero_seen = true;
                }
                _ => {
                    // The 0 is a digit (octal for %i).
                    self.i = zero;
                    used -= 1;
                    if base == 0 {
                        base = 8;
                    }
                }
            }
        }
        if base == 0 {
            base = 10;
        }
        let (mut acc, mut digits, mut overflow) = (0u128, 0, false);
        while used < width {
            let Some(d) = self.peek()?.and_then(|b| (b as char).to_digit(base)) else { break };
            acc = acc * base as u128 + d as u128;
            overflow |= acc > u64::MAX as u128;
            self.i += 1;
            used += 1;
            digits += 1;
        }
        if digits == 0 && !zero_seen {
            return Err(Fail::Matching);
        }
        let v = if signed {
            let limit = if neg { 1u128 << 63 } else { i64::MAX as u128 };
            match () {
                _ if overflow || acc > limit => {
                    if neg {
                        i64::MIN as u64
                    } else {
                        i64::MAX as u64
                    }
                }
                _ if neg => (acc as u64).wrapping_neg(),
                _ => acc as u64,
            }
        } else if overflow {
            u64::MAX
        } else if neg {
            (acc as u64).wrapping_neg()
        } else {
            acc as u64
        };
        Ok(v)
    }

    fn store_int(&mut self, at: u64, size: usize, v: u64) -> Result<(), Fail> {
        let m = match size {
            1 => MemTy::I8,
            2 => MemTy::I16,
            4 => MemTy::I32,
            _ => MemTy::I64,
        };
        self.p.mem.store(self.sh, at, m, v)?;
        Ok(())
    }
}

/// A `%[...]` set from just after the `[`: negated or not, and its
/// members (a `]` first is a member; `a-z` is a range when it ascends,
/// else three members, as glibc reads it); `None` if it never ends.
fn parse_set(fmt: &[u8], k: &mut usize) -> Option<(bool, Vec<u8>)> {
    let neg = fmt.get(*k) == Some(&b'^');
    if neg {
        *k += 1;
    }
    let mut members = Vec::new();
    let mut first = true;
    while let Some(&c) = fmt.get(*k) {
        if c == b']' && !first {
            *k += 1;
            return Some((neg, members));
        }
        first = false;
        match (fmt.get(*k + 1), fmt.get(*k + 2)) {
            (Some(b'-'), Some(&e)) if e != b']' && e >= c => {
                members.extend(c..=e);
                *k += 3;
            }
            _ => {
                members.push(c);
                *k += 1;
            }
        }
    }
    None
}
