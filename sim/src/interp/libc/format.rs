//! `printf` formatting, as glibc does it: flags `-+ #0`, `*` and `.*`,
//! length modifiers, and every integer, character, string and pointer
//! conversion, and the floating ones (`floatfmt`). Arguments arrive as normalised 64-bit values; the
//! conversion reads them at its own width, as a `va_arg` would.
//!
//! A field may be huge (`%2147483647d` is valid: 2^31 - 1 bytes): the
//! text is counted in full but kept only up to a bound the caller gives
//! (the room in `sprintf`'s buffer, the run's output limit), so a width
//! never allocates more than that bound. As in glibc, a width or
//! precision past `INT_MAX`, or a result longer than `INT_MAX` bytes, is
//! [`FormatError::Overflow`] (`-1` with `EOVERFLOW`): the text made
//! before it stays.

use super::floatfmt::{float_text, float_text_ld, FloatSpec, FloatText};
use crate::interp::memory::{BadAccess, Memory, Shared};
use crate::ir::f80::F80;

/// Why formatting stopped.
#[derive(Debug)]
pub enum FormatError {
    /// A `%s` (or similar) pointed at bad memory.
    Memory(BadAccess),
    /// An unsupported conversion (`%n`, `long double`'s `%L`).
    Unsupported(char),
    /// The result would be longer than `INT_MAX` bytes, or a width or
    /// precision in the format is past `INT_MAX`: glibc's `EOVERFLOW`.
    /// The text made before it (`made` bytes, counted) stays.
    Overflow {
        /// Bytes of text made before the overflow.
        made: u64,
    },
}

/// Longest result `printf` can report (its return value is an `int`).
pub const MAX_RESULT: u64 = i32::MAX as u64;

/// Where formatted text goes: every byte is counted, the first `cap` are
/// kept.
struct Sink<'a> {
    out: &'a mut Vec<u8>,
    cap: usize,
    total: u64,
}

impl Sink<'_> {
    fn put(&mut self, b: &[u8]) {
        let room = self.cap.saturating_sub(self.out.len());
        self.out.extend_from_slice(&b[..b.len().min(room)]);
        self.total += b.len() as u64;
    }

    fn push(&mut self, b: u8) {
        self.put(&[b]);
    }

    /// `n` copies of `b` (padding): only the kept ones are allocated.
    fn fill(&mut self, b: u8, n: usize) {
        let room = self.cap.saturating_sub(self.out.len());
        self.out.extend(std::iter::repeat_n(b, n.min(room)));
        self.total += n as u64;
    }

    /// Fails once the text is longer than an `int` can count.
    fn check(&self) -> Result<(), FormatError> {
        if self.total > MAX_RESULT {
            return Err(FormatError::Overflow { made: self.total });
        }
        Ok(())
    }
}

/// A decimal width or precision at `fmt[*i..]`; past `INT_MAX` is
/// [`FormatError::Overflow`], as glibc's `read_int`.
fn number(fmt: &[u8], i: &mut usize, made: u64) -> Result<usize, FormatError> {
    let mut n: u64 = 0;
    while let Some(d @ b'0'..=b'9') = fmt.get(*i) {
        n = n * 10 + (d - b'0') as u64;
        if n > MAX_RESULT {
            return Err(FormatError::Overflow { made });
        }
        *i += 1;
    }
    Ok(n as usize)
}

impl From<BadAccess> for FormatError {
    fn from(b: BadAccess) -> Self {
        FormatError::Memory(b)
    }
}

#[derive(Default)]
struct Spec {
    left: bool,
    plus: bool,
    space: bool,
    alt: bool,
    zero: bool,
    width: usize,
    prec: Option<usize>,
    len: u8, // 0: int, 1: hh, 2: h, 8: l/ll/z/j/t
}

/// The variable arguments as `va_arg` reads them on x86-64: an integer
/// (or pointer) from the general registers the named arguments left,
/// a double from the eight vector registers, and once its registers are
/// used up, either from the stack, where the arguments that did not fit
/// lie in their order. So `printf("%d %d", 2.5, 7)` prints 7 first, as a
/// native run does.
pub struct VaList<'a> {
    args: &'a [u64],
    /// Bit k (k < 32): `args[k]` is a double; bit 32 + k: a `long
    /// double` (passed as its address; natively on the stack).
    floats: u64,
    /// General registers left for the variable arguments.
    gp_regs: usize,
    gp: usize,
    fp: usize,
    stack: usize,
    /// `errno` when the call began, for `%m`.
    errno: i32,
}

/// Vector registers for variable arguments.
const FP_REGS: usize = 8;

impl<'a> VaList<'a> {
    /// `named_ints` integer arguments come before the variable ones.
    pub fn new(args: &'a [u64], floats: u64, named_ints: usize) -> Self {
        VaList { args, floats, gp_regs: 6usize.saturating_sub(named_ints), gp: 0, fp: 0, stack: 0, errno: 0 }
    }

    /// The same list, with `errno` as `%m` shows it.
    pub fn with_errno(self, errno: i32) -> Self {
        VaList { errno, ..self }
    }

    /// The `n`th variable argument (1-based), as a positional conversion
    /// (`%2$s`) takes it.
    fn at(&self, n: usize) -> u64 {
        n.checked_sub(1).and_then(|k| self.args.get(k)).copied().unwrap_or(0)
    }

    fn is_float(&self, k: usize) -> bool {
        k < 32 && self.floats >> k & 1 == 1 && !self.is_ld(k)
    }

    fn is_ld(&self, k: usize) -> bool {
        k < 32 && self.floats >> (32 + k) & 1 == 1
    }

    /// Index of the `n`th argument of a class (0-based), if any: doubles
    /// (`float`) or integers (`long double`s are neither).
    fn nth_of(&self, float: bool, n: usize) -> Option<usize> {
        (0..self.args.len()).filter(|&k| self.is_float(k) == float && !self.is_ld(k)).nth(n)
    }

    /// The next argument on the stack: one that did not fit its registers.
    fn next_on_stack(&mut self) -> u64 {
        let spilled = |k: usize| {
            if self.is_ld(k) {
                return true;
            }
            let float = self.is_float(k);
            let rank = (0..k).filter(|&j| self.is_float(j) == float && !self.is_ld(j)).count();
            rank >= if float { FP_REGS } else { self.gp_regs }
        };
        let k = (0..self.args.len()).filter(|&k| spilled(k)).nth(self.stack);
        self.stack += 1;
        k.map_or(0, |k| self.args[k])
    }

    /// `va_arg(ap, long)` (or any integer or pointer).
    pub fn int(&mut self) -> u64 {
        if self.gp < self.gp_regs {
            self.gp += 1;
            return self.nth_of(false, self.gp - 1).map_or(0, |k| self.args[k]);
        }
        self.next_on_stack()
    }

    /// `va_arg(ap, long double)`: the address of the next one, which
    /// x86-64 passes on the stack.
    pub fn long_double(&mut self) -> u64 {
        self.next_on_stack()
    }

    /// `va_arg(ap, double)`.
    pub fn double(&mut self) -> u64 {
        if self.fp < FP_REGS {
            self.fp += 1;
            return self.nth_of(true, self.fp - 1).map_or(0, |k| self.args[k]);
        }
        self.next_on_stack()
    }
}

/// Formats `fmt` with the arguments of `va`, keeping at most `cap` bytes
/// of the text in `out`; returns the length of the whole text.
pub fn format(mem: &Memory, sh: &dyn Shared, fmt: &[u8], va: &mut VaList, out: &mut Vec<u8>, cap: usize) -> Result<u64, FormatError> {
    let mut sink = Sink { out, cap, total: 0 };
    format_into(mem, sh, fmt, va, &mut sink)?;
    Ok(sink.total)
}

fn format_into(mem: &Memory, sh: &dyn Shared, fmt: &[u8], va: &mut VaList, out: &mut Sink) -> Result<(), FormatError> {
    let mut i = 0;
    while i < fmt.len() {
        let c = fmt[i];
        i += 1;
        if c != b'%' {
            out.push(c);
            out.check()?;
            continue;
        }
        let start = i - 1;
        let mut s = Spec::default();
        // `%N$`: the conversion takes the Nth argument (glibc's positional
        // arguments), not the next.
        let pos = positional(fmt, &mut i);
        let int = |va: &mut VaList| if pos > 0 { va.at(pos) } else { va.int() };
        while let Some(&f) = fmt.get(i) {
            match f {
                b'-' => s.left = true,
                b'+' => s.plus = true,
                b' ' => s.space = true,
                b'#' => s.alt = true,
                b'0' => s.zero = true,
                _ => break,
            }
            i += 1;
        }
        if fmt.get(i) == Some(&b'*') {
            i += 1;
            let at = positional(fmt, &mut i);
            let w = if at > 0 { va.at(at) } else { va.int() } as i32;
            if w < 0 {
                s.left = true;
            }
            s.width = w.unsigned_abs() as usize;
        } else {
            s.width = number(fmt, &mut i, out.total)?;
        }
        if fmt.get(i) == Some(&b'.') {
            i += 1;
            if fmt.get(i) == Some(&b'*') {
                i += 1;
                let at = positional(fmt, &mut i);
                let p = if at > 0 { va.at(at) } else { va.int() } as i32;
                s.prec = if p < 0 { None } else { Some(p as usize) };
            } else {
                s.prec = Some(number(fmt, &mut i, out.total)?);
            }
        }
        // `L`: a `long double` (for an integer conversion, as `ll`).
        let mut long_double = false;
        loop {
            match fmt.get(i) {
                Some(b'h') => s.len = if s.len == 2 { 1 } else { 2 },
                Some(b'l' | b'z' | b'j' | b't' | b'q') => s.len = 8,
                Some(b'L') => {
                    s.len = 8;
                    long_double = true;
                }
                _ => break,
            }
            i += 1;
        }
        let Some(&conv) = fmt.get(i) else {
            out.put(&fmt[start..]);
            out.check()?;
            break;
        };
        i += 1;
        match conv {
            b'd' | b'i' => {
                let v = signed(int(va), s.len);
                let sign: &[u8] = if v < 0 {
                    b"-"
                } else if s.plus {
                    b"+"
                } else if s.space {
                    b" "
                } else {
                    b""
                };
                let digits = v.unsigned_abs().to_string();
                integer(out, &s, sign, digits.as_bytes(), v == 0);
            }
            b'u' | b'x' | b'X' | b'o' => {
                let v = unsigned(int(va), s.len);
                let digits = match conv {
                    b'u' => v.to_string(),
                    b'x' => format!("{v:x}"),
                    b'X' => format!("{v:X}"),
                    _ => format!("{v:o}"),
                };
                let prefix: &[u8] = match conv {
                    b'x' if s.alt && v != 0 => b"0x",
                    b'X' if s.alt && v != 0 => b"0X",
                    _ => b"",
                };
                let mut digits = digits.into_bytes();
                if conv == b'o' && s.alt && !digits.starts_with(b"0") && s.prec.is_none_or(|p| p <= digits.len()) {
                    digits.insert(0, b'0');
                }
                let zero_alt_octal = conv == b'o' && s.alt;
                integer(out, &s, prefix, &digits, v == 0 && !zero_alt_octal);
            }
            b'c' => {
                let b = int(va) as u8;
                pad(out, &Spec { prec: None, ..s }, &[b]);
            }
            b's' => {
                let p = int(va);
                if p == 0 {
                    let text: &[u8] = if s.prec.is_none_or(|p| p >= 6) { b"(null)" } else { b"" };
                    pad(out, &s, text);
                } else {
                    let text = match s.prec {
                        Some(n) => mem.cstr_max(sh, p, n)?,
                        None => mem.cstr(sh, p)?,
                    };
                    let text = text.to_vec();
                    pad(out, &s, &text);
                }
            }
            b'p' => {
                let p = int(va);
                if p == 0 {
                    let s2 = Spec { prec: None, zero: false, ..s };
                    pad(out, &s2, b"(nil)");
                } else {
                    let digits = format!("{p:x}");
                    let sign: &[u8] = if s.plus {
                        b"+0x"
                    } else if s.space {
                        b" 0x"
                    } else {
                        b"0x"
                    };
                    integer(out, &s, sign, digits.as_bytes(), false);
                }
            }
            b'%' => out.push(b'%'),
            // glibc's `strerror(errno)`, no argument taken.
            b'm' => pad(out, &Spec { zero: false, ..s }, super::errtext::message(va.errno).as_bytes()),
            b'n' => return Err(FormatError::Unsupported('n')),
            b'f' | b'F' | b'e' | b'E' | b'g' | b'G' | b'a' | b'A' => {
                let fs = FloatSpec { plus: s.plus, space: s.space, alt: s.alt, prec: s.prec };
                let text = if long_double {
                    // The argument is the address of its 16 bytes.
                    let a = if pos > 0 { va.at(pos) } else { va.long_double() };
                    let m = mem.load(sh, a, crate::ir::MemTy::I64).unwrap_or(0);
                    let se = mem.load(sh, a.wrapping_add(8), crate::ir::MemTy::U16).unwrap_or(0) as u16;
                    float_text_ld(F80 { se, m }, conv, &fs)
                } else {
                    let bits = if pos > 0 { va.at(pos) } else { va.double() };
                    float_text(f64::from_bits(bits), conv, &fs)
                };
                floating(out, &s, &text);
            }
            _ => out.put(&fmt[start..i]),
        }
        out.check()?;
    }
    Ok(())
}

/// A positional argument's number at `fmt[*i..]` (`2$`), consumed;
/// 0 (and nothing consumed) if there is none there.
fn positional(fmt: &[u8], i: &mut usize) -> usize {
    let digits = fmt[*i..].iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || fmt.get(*i + digits) != Some(&b'$') || fmt[*i] == b'0' {
        return 0;
    }
    let n = fmt[*i..*i + digits].iter().fold(0usize, |n, &d| n.saturating_mul(10).saturating_add((d - b'0') as usize));
    *i += digits + 1;
    n
}

fn signed(v: u64, len: u8) -> i64 {
    match len {
        1 => v as i8 as i64,
        2 => v as i16 as i64,
        8 => v as i64,
        _ => v as i32 as i64,
    }
}

fn unsigned(v: u64, len: u8) -> u64 {
    match len {
        1 => v as u8 as u64,
        2 => v as u16 as u64,
        8 => v,
        _ => v as u32 as u64,
    }
}

/// Emits a number: prefix (sign, `0x`), precision zeros, width padding.
fn integer(out: &mut Sink, s: &Spec, prefix: &[u8], digits: &[u8], is_zero: bool) {
    let digits: &[u8] = if is_zero && s.prec == Some(0) { b"" } else { digits };
    let zeros = s.prec.map_or(0, |p| p.saturating_sub(digits.len()));
    let body = prefix.len() + zeros + digits.len();
    let fill = s.width.saturating_sub(body);
    if s.left {
        out.put(prefix);
        out.fill(b'0', zeros);
        out.put(digits);
        out.fill(b' ', fill);
    } else if s.zero && s.prec.is_none() {
        out.put(prefix);
        out.fill(b'0', fill + zeros);
        out.put(digits);
    } else {
        out.fill(b' ', fill);
        out.put(prefix);
        out.fill(b'0', zeros);
        out.put(digits);
    }
}

/// Emits a floating conversion padded to the width: zeros go after the
/// sign (and `0x`), never into `inf` or `nan`.
fn floating(out: &mut Sink, s: &Spec, t: &FloatText) {
    let body = t.prefix.len() + t.head.len() + t.zeros + t.tail.len();
    let fill = s.width.saturating_sub(body);
    let zero_pad = s.zero && !s.left && t.finite;
    if !s.left && !zero_pad {
        out.fill(b' ', fill);
    }
    out.put(&t.prefix);
    if zero_pad {
        out.fill(b'0', fill);
    }
    out.put(&t.head);
    out.fill(b'0', t.zeros);
    out.put(&t.tail);
    if s.left {
        out.fill(b' ', fill);
    }
}

/// Emits text padded to the width (strings and characters).
fn pad(out: &mut Sink, s: &Spec, text: &[u8]) {
    let text = match s.prec {
        Some(p) if p < text.len() && text != b"(nil)" => &text[..p],
        _ => text,
    };
    let fill = s.width.saturating_sub(text.len());
    if !s.left {
        out.fill(b' ', fill);
    }
    out.put(text);
    if s.left {
        out.fill(b' ', fill);
    }
}
