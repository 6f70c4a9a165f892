//! `strtod`, `strtof` and the extent of `scanf`'s `%f`, as glibc 2.36
//! parses them (differentially tested against it: every value, length,
//! `ERANGE` and scanf outcome agreed on some 430,000 strings).
//!
//! Syntax (after `isspace` blanks and an optional sign): decimal digits
//! with an optional point and `e[sign]digits`; `0x` hex digits with an
//! optional point and `p[sign]digits` (a binary exponent); `inf`,
//! `infinity`, `nan` and `nan(chars)`, any case. An exponent letter
//! without digits after it is not part of the number, and `0x` without a
//! hex digit is just the `0`.
//!
//! Both bases are correctly rounded (nearest, ties to even). A decimal
//! number keeps at most [`MAX_DIGITS`] significant digits plus one sticky
//! digit standing for any nonzero ones dropped: no halfway point between
//! two doubles has that many, so the rounding is unchanged, and the kept
//! digits go to Rust's `parse` (correctly rounded too). Hex digits past
//! 64 bits likewise fold into a sticky bit.
//!
//! `range` follows glibc's `ERANGE`: overflow to infinity, a tiny result
//! that is inexact, or (a quirk) a `nan(digits)` payload too big for
//! `strtoull`, whose `ERANGE` strtod leaves in errno. x86 detects tininess after rounding: a value counts as
//! tiny when, rounded to the full precision with an unbounded exponent, it
//! is still below the smallest normal. So an exact subnormal (`0x1p-1074`)
//! is no error, zero from a nonzero input (`1e-400`) is, and so is a value
//! just below `DBL_MIN` that rounds up to it at subnormal precision but
//! not at full precision.

use super::bignum::Big;
use super::f80::F80;
use std::cmp::Ordering;

/// The longest prefix of `s` that strtod accepts, after optional leading
/// whitespace (isspace) – the value and bytes consumed (0 when nothing
/// converts, as strtod sets endptr = nptr). `range` is true when the
/// result overflowed to ±HUGE_VAL or underflowed (strtod sets ERANGE:
/// glibc sets it when the result is subnormal-and-inexact or zero from a nonzero input, and on overflow).
/// Precisely: when the value is inexact and tiny after rounding (which
/// takes in some values that round up to `DBL_MIN`), and after an
/// overflowing `nan(digits)` payload; see the module notes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Parsed {
    /// The converted value (0.0 when nothing converts).
    pub value: f64,
    /// Bytes of `s` consumed, leading whitespace included.
    pub len: usize,
    /// Whether strtod would set `errno` to `ERANGE`.
    pub range: bool,
}

/// `strtod(s, &end)`.
pub fn strtod(s: &[u8]) -> Parsed {
    let (bits, len, range) = convert(s, &DOUBLE);
    Parsed { value: f64::from_bits(bits), len, range }
}

/// The same, rounded once to float (not via double).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParsedF {
    /// The converted value (0.0 when nothing converts).
    pub value: f32,
    /// Bytes of `s` consumed, leading whitespace included.
    pub len: usize,
    /// Whether strtof would set `errno` to `ERANGE`.
    pub range: bool,
}

/// `strtof(s, &end)`: rounded straight from the digits, as glibc does (a
/// detour through double could round twice).
pub fn strtof(s: &[u8]) -> ParsedF {
    let (bits, len, range) = convert(s, &FLOAT);
    ParsedF { value: f32::from_bits(bits as u32), len, range }
}

/// Significant decimal digits kept; the longest exact expansion of a
/// halfway point between doubles has about 770.
pub const MAX_DIGITS: usize = 800;

/// A binary floating format: `f64` or `f32`.
struct Format {
    /// Significand bits, the hidden one included (53, 24).
    mant: u32,
    /// Exponent of the smallest normal (-1022, -126).
    emin: i64,
    /// Total bits (64, 32).
    bits: u32,
    /// Rounds decimal text "0.DIGITSeEXP" to this format (positive bits).
    parse: fn(&str) -> u64,
    /// Bits of a NaN payload that glibc's `nan(n)` sets.
    payload: u64,
}

const DOUBLE: Format =
    Format { mant: 53, emin: -1022, bits: 64, parse: |t| t.parse::<f64>().map_or(0, f64::to_bits), payload: (1 << 51) - 1 };

const FLOAT: Format =
    Format { mant: 24, emin: -126, bits: 32, parse: |t| t.parse::<f32>().map_or(0, |f| u64::from(f.to_bits())), payload: (1 << 22) - 1 };

impl Format {
    fn sign(&self) -> u64 {
        1 << (self.bits - 1)
    }
    /// Bits of +infinity: all exponent bits set.
    fn inf(&self) -> u64 {
        (self.sign() - 1) & !((1 << (self.mant - 1)) - 1)
    }
    /// Bits of the smallest positive normal, 2^emin.
    fn min_normal(&self) -> u64 {
        1 << (self.mant - 1)
    }
    /// Exponent of a subnormal's last bit (-1074, -149).
    fn sub_lsb(&self) -> i64 {
        self.emin - (self.mant as i64 - 1)
    }
}

/// What the syntax found, before rounding.
enum Num {
    /// Zero digits (any exponent).
    Zero,
    /// `0.DIGITS × 10^exp`, digits ASCII without leading or trailing zeros.
    Decimal(Vec<u8>, i64),
    /// `(mant + a fraction below 1, nonzero when sticky) × 2^exp`.
    Hex(u128, i64, bool),
    Inf,
    /// The payload `nan(n)` asks for, if its digits form a number, and
    /// whether reading them overflowed.
    Nan(Option<u64>, bool),
}

/// Parses and rounds: (bits in `f`'s layout, bytes consumed, ERANGE).
fn convert(s: &[u8], f: &Format) -> (u64, usize, bool) {
    let Some((neg, num, len)) = lex(s) else { return (0, 0, false) };
    let (bits, range) = match num {
        Num::Zero => (0, false),
        Num::Inf => (f.inf(), false),
        Num::Nan(p, over) => (f.inf() | 1 << (f.mant - 2) | (p.unwrap_or(0) & f.payload), over),
        Num::Hex(m, e, sticky) => {
            // Down to 64 bits for these formats, the rest sticky.
            let cut = (128 - m.leading_zeros()).saturating_sub(64);
            let lost = m & ((1u128 << cut) - 1) != 0;
            round_binary(f, (m >> cut) as u64, e.saturating_add(i64::from(cut)), sticky || lost)
        }
        Num::Decimal(d, e) => round_decimal(f, &d, e),
    };
    (bits | if neg { f.sign() } else { 0 }, len, range)
}

/// The number at the front of `s`: (negative, what, bytes consumed).
fn lex(s: &[u8]) -> Option<(bool, Num, usize)> {
    let mut i = s.iter().take_while(|&&c| matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')).count();
    let neg = s.get(i) == Some(&b'-');
    if matches!(s.get(i), Some(b'-' | b'+')) {
        i += 1;
    }
    let rest = s.get(i..).unwrap_or(&[]);
    let hex_digits = rest.get(2..).filter(|_| matches!(rest.get(..2), Some(b"0x" | b"0X")));
    let (num, n) = match (word(rest), hex_digits.and_then(hex)) {
        (Some(found), _) => found,
        (None, Some((num, n))) => (num, n + 2),
        (None, None) => decimal(rest)?,
    };
    Some((neg, num, i + n))
}

/// Whether `s` starts with `w`, ignoring case.
fn starts(s: &[u8], w: &[u8]) -> bool {
    s.get(..w.len()).is_some_and(|p| p.eq_ignore_ascii_case(w))
}

/// `inf`, `infinity`, `nan`, `nan(n-char-sequence)`.
fn word(s: &[u8]) -> Option<(Num, usize)> {
    if starts(s, b"infinity") {
        return Some((Num::Inf, 8));
    }
    if starts(s, b"inf") {
        return Some((Num::Inf, 3));
    }
    if !starts(s, b"nan") {
        return None;
    }
    let seq: &[u8] = s.get(4..).unwrap_or(&[]);
    let n = seq.iter().take_while(|c| c.is_ascii_alphanumeric() || **c == b'_').count();
    if s.get(3) == Some(&b'(') && seq.get(n) == Some(&b')') {
        let (payload, over) = nan_payload(&seq[..n]);
        return Some((Num::Nan(payload, over), n + 5));
    }
    Some((Num::Nan(None, false), 3))
}

/// glibc reads `nan(n)` with `strtoull(n, &end, 0)` and uses the number
/// only when it spans all of `n` (an empty `n` gives 0). On overflow
/// strtoull gives `ULLONG_MAX` and leaves `ERANGE` in errno, which strtod
/// passes on: (payload, overflowed).
fn nan_payload(seq: &[u8]) -> (Option<u64>, bool) {
    let (base, digits) = match seq {
        [b'0', b'x' | b'X', h, ..] if h.is_ascii_hexdigit() => (16, &seq[2..]),
        [b'0', ..] => (8, seq),
        _ => (10, seq),
    };
    let (mut acc, mut over) = (0u64, false);
    for &c in digits {
        let Some(d) = char::from(c).to_digit(base) else { return (None, over) };
        match acc.checked_mul(u64::from(base)).and_then(|a| a.checked_add(u64::from(d))) {
            Some(a) => acc = a,
            None => (acc, over) = (u64::MAX, true),
        }
    }
    (Some(acc), over)
}

/// Decimal significant digits as they are read.
#[derive(Default)]
struct Digits {
    d: Vec<u8>,
    /// Digits before the point, counted from the first nonzero one.
    point: i64,
    /// A nonzero digit was dropped past `MAX_DIGITS`.
    sticky: bool,
    any: bool,
}

impl Digits {
    fn push(&mut self, c: u8, int: bool) {
        self.any = true;
        if self.d.is_empty() && c == b'0' {
            self.point -= i64::from(!int);
            return;
        }
        self.point += i64::from(int);
        if self.d.len() < MAX_DIGITS {
            self.d.push(c);
        } else {
            self.sticky |= c != b'0';
        }
    }

    fn finish(mut self, exp: i64) -> Num {
        if self.d.is_empty() {
            return Num::Zero;
        }
        if self.sticky {
            self.d.push(b'1');
        }
        while self.d.last() == Some(&b'0') {
            self.d.pop();
        }
        Num::Decimal(self.d, self.point.saturating_add(exp))
    }
}

/// `digits[.digits][e[sign]digits]`, at least one mantissa digit.
fn decimal(s: &[u8]) -> Option<(Num, usize)> {
    let mut acc = Digits::default();
    let mut i = run(s, 0, |c| c.is_ascii_digit(), |c| acc.push(c, true));
    if s.get(i) == Some(&b'.') {
        i = run(s, i + 1, |c| c.is_ascii_digit(), |c| acc.push(c, false));
    }
    if !acc.any {
        return None;
    }
    let (exp, i) = exponent(s, i, b'e');
    Some((acc.finish(exp), i))
}

/// Feeds `s[i..]` to `each` while `want` holds; returns where it stopped.
fn run(s: &[u8], mut i: usize, want: impl Fn(u8) -> bool, mut each: impl FnMut(u8)) -> usize {
    while let Some(&c) = s.get(i).filter(|&&c| want(c)) {
        each(c);
        i += 1;
    }
    i
}

/// An optional exponent at `s[i]`: letter, sign, digits (saturating far
/// past any finite result). Without digits it is not consumed.
fn exponent(s: &[u8], i: usize, letter: u8) -> (i64, usize) {
    if s.get(i).map(u8::to_ascii_lowercase) != Some(letter) {
        return (0, i);
    }
    let neg = s.get(i + 1) == Some(&b'-');
    let j = i + 1 + usize::from(matches!(s.get(i + 1), Some(b'-' | b'+')));
    if !s.get(j).is_some_and(u8::is_ascii_digit) {
        return (0, i);
    }
    let mut e: i64 = 0;
    let end = run(s, j, |c| c.is_ascii_digit(), |c| e = (e * 10 + i64::from(c - b'0')).min(1 << 40));
    (if neg { -e } else { e }, end)
}

/// Hex digits after "0x": `h[.h][p[sign]digits]`, at least one digit.
fn hex(s: &[u8]) -> Option<(Num, usize)> {
    let (mut m, mut e, mut sticky, mut any) = (0u128, 0i64, false, false);
    let mut nibble = |c: u8, int: bool| {
        any = true;
        let v = char::from(c).to_digit(16).unwrap_or(0) as u128;
        if m >> 120 != 0 {
            sticky |= v != 0;
            e += i64::from(int) * 4;
        } else if m != 0 || v != 0 {
            m = m << 4 | v;
            e -= i64::from(!int) * 4;
        } else {
            e -= i64::from(!int) * 4;
        }
    };
    let mut i = run(s, 0, |c| c.is_ascii_hexdigit(), |c| nibble(c, true));
    if s.get(i) == Some(&b'.') {
        i = run(s, i + 1, |c| c.is_ascii_hexdigit(), |c| nibble(c, false));
    }
    if !any {
        return None;
    }
    let (p, i) = exponent(s, i, b'p');
    Some((if m == 0 { Num::Zero } else { Num::Hex(m, e.saturating_add(p), sticky) }, i))
}

/// Rounds `(m + sticky fraction) × 2^e` to `f`: (positive bits, ERANGE).
fn round_binary(f: &Format, m: u64, e: i64, sticky: bool) -> (u64, bool) {
    let top = e + 63 - i64::from(m.leading_zeros());
    if top > -f.emin + 1 {
        return (f.inf(), true);
    }
    let unbounded = top + 1 - i64::from(f.mant);
    let q = unbounded.max(f.sub_lsb());
    let (r, inexact) = shift_round(m, sticky, q - e);
    let (ru, _) = shift_round(m, sticky, unbounded - e);
    let tiny = top < f.emin && (ru < 1 << f.mant || top + 1 < f.emin);
    let (bits, overflow) = encode(f, r, q);
    (bits, overflow || (tiny && inexact))
}

/// `(m + sticky fraction) / 2^shift` rounded to nearest, ties to even:
/// (result, inexact). A negative shift is exact.
fn shift_round(m: u64, sticky: bool, shift: i64) -> (u64, bool) {
    if shift <= 0 {
        return (u32::try_from(-shift).ok().and_then(|k| m.checked_shl(k)).unwrap_or(0), sticky);
    }
    if shift > 64 {
        return (0, m != 0 || sticky);
    }
    let (m, shift) = (u128::from(m), shift as u32);
    let (kept, rest, half) = (m >> shift, m & ((1 << shift) - 1), 1u128 << (shift - 1));
    let up = rest > half || (rest == half && (sticky || kept & 1 == 1));
    ((kept + u128::from(up)) as u64, rest != 0 || sticky)
}

/// Bits of `m × 2^q` (m normal, subnormal, or 2^mant after a carry):
/// (bits, overflowed to infinity).
fn encode(f: &Format, mut m: u64, mut q: i64) -> (u64, bool) {
    if m == 1 << f.mant {
        m >>= 1;
        q += 1;
    }
    if m < f.min_normal() {
        return (m, false);
    }
    let biased = q + i64::from(f.mant) - 1 + (1 - f.emin);
    if biased > 2 * (1 - f.emin) {
        return (f.inf(), true);
    }
    ((biased as u64) << (f.mant - 1) | (m & (f.min_normal() - 1)), false)
}

/// Rounds `0.DIGITS × 10^e` with Rust's correctly rounded `parse`; then
/// decides ERANGE exactly (only near or below the smallest normal).
fn round_decimal(f: &Format, d: &[u8], e: i64) -> (u64, bool) {
    let text = format!("0.{}e{}", String::from_utf8_lossy(d), e.clamp(-100_000, 100_000));
    let bits = (f.parse)(&text);
    let range = match bits {
        b if b == f.inf() || b == 0 => true,
        b if b < f.min_normal() => cmp_binary(d, e, b, f.sub_lsb()) != Ordering::Equal,
        b if b == f.min_normal() => {
            // Below 2^emin - 2^(emin-mant-1) the value is tiny after rounding.
            let threshold = (1u64 << (f.mant + 1)) - 1;
            cmp_binary(d, e, threshold, f.emin - i64::from(f.mant) - 1) == Ordering::Less
        }
        _ => false,
    };
    (bits, range)
}

/// Compares `0.DIGITS × 10^e` with `m × 2^k` (`m > 0`, `k < 0`) exactly:
/// both as normalised decimals, by exponent and then digits.
fn cmp_binary(d: &[u8], e: i64, m: u64, k: i64) -> Ordering {
    let mut n = Big::from(m);
    // |k| is about the exponent range of a double: it fits.
    n.mul_pow(5, 13, u32::try_from(k.unsigned_abs()).unwrap_or(u32::MAX));
    let mut digits = n.to_decimal();
    let point = digits.len() as i64 + k;
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    e.cmp(&point).then_with(|| d.cmp(&digits[..]))
}

/// What `scanf`'s `%f` (any of `%e %f %g %a`, `l` or not) does at the
/// front of `s`: bytes consumed and whether the conversion succeeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scanned {
    /// Bytes read and not pushed back: they stay consumed even when the
    /// conversion fails (glibc pushes back at most the one byte that
    /// ended the number; a failed "inf"/"nan" letter is not pushed back).
    pub len: usize,
    /// Whether it converted. The value is then `strtod(&s[..len])`
    /// (`strtof` for `%f` into a float): scanf converts exactly the bytes
    /// it consumed, even when strtod would stop earlier ("1e+" is 1).
    pub ok: bool,
}

/// glibc 2.36's `%f` scanner: it reads greedily, one byte of lookahead,
/// and cannot back up further. So "1e", "1e+" and "0x1p" are consumed
/// whole and convert as "1"; "0x" (or "-0x", or "0x" then a non-hex
/// byte) is consumed and fails; "0x." is consumed and converts as 0;
/// "-", "." and "+.e1" (the 'e' pushed back) fail; "inf"/"nan" must be
/// spelt out ("infin" is consumed and fails; "infinity" is taken whole);
/// "nan(...)" is only "nan", the '(' left unread. An empty `s` is a
/// failure with nothing consumed (the caller tells EOF apart).
pub fn scan(s: &[u8], max: usize) -> Scanned {
    let mut r = Reader { s, pos: 0, width: max };
    let ok = r.float();
    let len = r.pos.min(s.len());
    Scanned { len, ok: ok && strtod(&s[..len]).len > 0 }
}

/// glibc's `inchar`/`ungetc` over a byte string, with the field width.
struct Reader<'a> {
    s: &'a [u8],
    pos: usize,
    width: usize,
}

impl Reader<'_> {
    /// The next byte if the width allows one: consumed and counted.
    fn more(&mut self) -> Option<u8> {
        if self.width == 0 {
            return None;
        }
        let c = *self.s.get(self.pos)?;
        self.pos += 1;
        self.width -= 1;
        Some(c)
    }

    /// The byte just read goes back (one byte of pushback).
    fn unget(&mut self) {
        self.pos = self.pos.saturating_sub(1);
    }

    /// Reads `w`, ignoring case; a wrong byte stays consumed.
    fn word(&mut self, w: &[u8]) -> bool {
        w.iter().all(|&x| self.more().is_some_and(|c| c.to_ascii_lowercase() == x))
    }

    /// Sign, then "nan", "inf[inity]" or a number; false on glibc's
    /// `conv_error`.
    fn float(&mut self) -> bool {
        let Some(mut c) = self.more() else { return false };
        let sign = usize::from(c == b'-' || c == b'+');
        if sign == 1 {
            let Some(next) = self.more() else { return false };
            c = next;
        }
        match c.to_ascii_lowercase() {
            b'n' => self.word(b"an"),
            b'i' => self.word(b"nf") && self.infinity(),
            _ => self.number(c, sign),
        }
    }

    /// After "inf": "inity" whole, or one byte pushed back.
    fn infinity(&mut self) -> bool {
        match self.more() {
            Some(c) if c.eq_ignore_ascii_case(&b'i') => self.word(b"nity"),
            Some(_) => {
                self.unget();
                true
            }
            None => true,
        }
    }

    /// Digits, one point, an exponent letter after a digit and a sign
    /// right after it; "0x" switches to hex digits and 'p'.
    fn number(&mut self, c: u8, sign: usize) -> bool {
        let (mut letter, mut hexa, mut digit, mut dot, mut exp, mut after_exp) = (b'e', false, false, false, false, false);
        let mut cur = Some(c);
        if c == b'0' && self.width != 0 {
            cur = self.more();
            if cur.is_some_and(|x| x.eq_ignore_ascii_case(&b'x')) && self.width != 0 {
                (hexa, letter) = (true, b'p');
                cur = self.more();
            } else {
                digit = true;
            }
        }
        while let Some(ch) = cur {
            let just_after_exp = std::mem::take(&mut after_exp);
            let taken = if ch.is_ascii_digit() || (hexa && !exp && ch.is_ascii_hexdigit()) {
                digit = true;
                true
            } else if ch == b'-' || ch == b'+' {
                just_after_exp
            } else if digit && !exp && ch.eq_ignore_ascii_case(&letter) {
                (exp, dot, after_exp) = (true, true, true);
                true
            } else if ch == b'.' && !dot {
                dot = true;
                true
            } else {
                false
            };
            if !taken {
                self.unget();
                break;
            }
            cur = self.more();
        }
        // Nothing but a sign, or nothing but "0x": a matching failure.
        !(self.pos == sign || (hexa && self.pos == 2 + sign))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Samples checked against glibc 2.36 (the full differential test,
    /// over 400,000 strings, lives outside the tree).
    #[test]
    fn strtod_matches_glibc_samples() {
        let cases: &[(&str, u64, usize, bool)] = &[
            ("1e", 0x3ff0_0000_0000_0000, 1, false),
            ("0x", 0, 1, false),
            ("0x1p", 0x3ff0_0000_0000_0000, 3, false),
            ("-0", 0x8000_0000_0000_0000, 2, false),
            (" \t+.5e-1x", 0x3fa9_9999_9999_999a, 8, false),
            ("infinit", 0x7ff0_0000_0000_0000, 3, false),
            ("-nan(12)", 0xfff8_0000_0000_000c, 8, false),
            ("nan(12", 0x7ff8_0000_0000_0000, 3, false),
            ("1e-400", 0, 6, true),
            ("1.5e99999", 0x7ff0_0000_0000_0000, 9, true),
            ("0x1p-1074", 1, 9, false),
            ("0x1.8p-1074", 2, 11, true),
            ("0x1.fffffffffffff8p-1023", 0x0010_0000_0000_0000, 24, false),
            ("0x1.fffffffffffff7p-1023", 0x0010_0000_0000_0000, 24, true),
            ("", 0, 0, false),
        ];
        for &(s, bits, len, range) in cases {
            let p = strtod(s.as_bytes());
            assert_eq!((p.value.to_bits(), p.len, p.range), (bits, len, range), "{s:?}");
        }
        let f = strtof(b"1.00000005960464477539062500001");
        assert_eq!(f.value.to_bits(), 0x3f80_0001);
    }

    #[test]
    fn scanf_matches_glibc_samples() {
        let cases: &[(&str, usize, usize, bool)] = &[
            ("1e", usize::MAX, 2, true),
            ("1e+", usize::MAX, 3, true),
            ("0x", usize::MAX, 2, false),
            ("0x.p1", usize::MAX, 3, true),
            ("-", usize::MAX, 1, false),
            (".", usize::MAX, 1, false),
            ("+.e1", usize::MAX, 2, false),
            ("infin", usize::MAX, 5, false),
            ("inx", usize::MAX, 3, false),
            ("nan(", usize::MAX, 3, true),
            ("1.5e99999", usize::MAX, 9, true),
            ("0x1p-1080", usize::MAX, 9, true),
            ("0x1", 2, 1, true),
            ("1e5", 2, 2, true),
            ("", usize::MAX, 0, false),
        ];
        for &(s, max, len, ok) in cases {
            assert_eq!(scan(s.as_bytes(), max), Scanned { len, ok }, "{s:?} width {max}");
            assert_eq!(scan(s.as_bytes(), max).len, len);
        }
    }
}

/// `strtold(s, &end)`: the 80-bit value, bytes consumed and whether
/// glibc sets `ERANGE` (overflow; a tiny inexact result). Correctly
/// rounded for up to [`MAX_DIGITS`] significant digits (longer ones keep
/// a sticky digit, as for `double`), and hex digits to 64 bits.
pub fn strtold(s: &[u8]) -> (F80, usize, bool) {
    let Some((neg, num, len)) = lex(s) else { return (F80::ZERO, 0, false) };
    let (v, range) = match num {
        Num::Zero => (F80::ZERO, false),
        Num::Inf => (F80::INFINITY, false),
        Num::Nan(p, over) => (F80 { se: 0x7fff, m: 0xC000_0000_0000_0000 | (p.unwrap_or(0) & ((1 << 62) - 1)) }, over),
        Num::Hex(m, e, sticky) => round_ld(e.clamp(-1 << 20, 1 << 20) as i32, m, sticky),
        Num::Decimal(d, e) => decimal_ld(&d, e),
    };
    (if neg { -v } else { v }, len, range)
}

/// Rounds `(sig + sticky) × 2^e` to 80 bits: (value, ERANGE).
fn round_ld(e: i32, sig: u128, sticky: bool) -> (F80, bool) {
    let v = F80::round(false, e, sig, sticky);
    if v.is_infinite() {
        return (v, true);
    }
    let Some((_, m, re)) = v.decompose() else { return (v, false) };
    let exact = !sticky && {
        let (m, sig) = (u128::from(m), sig);
        match re.cmp(&e) {
            Ordering::Equal => m == sig,
            Ordering::Greater => m.checked_shl((re - e) as u32).is_some_and(|x| x >> (re - e) == m && x == sig),
            Ordering::Less => sig.checked_shl((e - re) as u32).is_some_and(|x| x >> (e - re) == sig && x == m),
        }
    };
    let tiny = v.se & 0x7fff == 0;
    (v, tiny && !exact)
}

/// `0.DIGITS × 10^e` rounded to 80 bits, through exact big integers.
fn decimal_ld(d: &[u8], e: i64) -> (F80, bool) {
    if e > 4934 {
        return (F80::INFINITY, true);
    }
    if e < -4952 {
        return (F80::ZERO, true);
    }
    let mut n = Nat::default();
    for &c in d {
        n.mul_add(10, u64::from(c - b'0'));
    }
    let k = e - d.len() as i64;
    if k >= 0 {
        for _ in 0..k {
            n.mul_add(10, 0);
        }
        let (sig, shift, sticky) = n.top128();
        return round_ld(shift as i32, sig, sticky);
    }
    let neg_k = (-k) as u32;
    let mut p = Nat::from(1);
    for _ in 0..neg_k {
        p.mul_add(5, 0);
    }
    let t = n.bits() as i64 - p.bits() as i64 - 67;
    if t >= 0 {
        p.shl(t as u32);
    } else {
        n.shl((-t) as u32);
    }
    let mut s = p;
    s.shl(68);
    let mut q: u128 = 0;
    for i in (0..=68).rev() {
        if n.cmp(&s) != Ordering::Less {
            n.sub(&s);
            q |= 1 << i;
        }
        s.shr1();
    }
    round_ld((t - i64::from(neg_k)) as i32, q, !n.is_zero())
}

/// A natural number in base 2^64, least significant limb first (no
/// trailing zero limbs).
#[derive(Default, Clone)]
struct Nat(Vec<u64>);

impl Nat {
    fn from(v: u64) -> Nat {
        let mut n = Nat(vec![v]);
        n.trim();
        n
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    fn is_zero(&self) -> bool {
        self.0.is_empty()
    }

    fn mul_add(&mut self, k: u64, add: u64) {
        let mut carry = u128::from(add);
        for l in &mut self.0 {
            let t = u128::from(*l) * u128::from(k) + carry;
            *l = t as u64;
            carry = t >> 64;
        }
        if carry > 0 {
            self.0.push(carry as u64);
        }
    }

    fn bits(&self) -> u32 {
        self.0.last().map_or(0, |&top| self.0.len() as u32 * 64 - top.leading_zeros())
    }

    fn shl(&mut self, n: u32) {
        if self.is_zero() {
            return;
        }
        let (limbs, b) = ((n / 64) as usize, n % 64);
        if b > 0 {
            let mut carry = 0;
            for l in &mut self.0 {
                let next = *l >> (64 - b);
                *l = (*l << b) | carry;
                carry = next;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        self.0.splice(0..0, std::iter::repeat_n(0, limbs));
    }

    fn shr1(&mut self) {
        let mut carry = 0;
        for l in self.0.iter_mut().rev() {
            let next = *l & 1;
            *l = (*l >> 1) | (carry << 63);
            carry = next;
        }
        self.trim();
    }

    fn cmp(&self, o: &Nat) -> Ordering {
        self.0.len().cmp(&o.0.len()).then_with(|| self.0.iter().rev().cmp(o.0.iter().rev()))
    }

    /// `self -= o` (o not larger).
    fn sub(&mut self, o: &Nat) {
        let mut borrow = false;
        for (i, l) in self.0.iter_mut().enumerate() {
            let r = o.0.get(i).copied().unwrap_or(0);
            let (x, b1) = l.overflowing_sub(r);
            let (x, b2) = x.overflowing_sub(u64::from(borrow));
            *l = x;
            borrow = b1 || b2;
        }
        self.trim();
    }

    /// The top 128 bits, the exponent of their last bit, and whether any
    /// bit below them is set.
    fn top128(&self) -> (u128, u32, bool) {
        let bits = self.bits();
        if bits <= 128 {
            let lo = self.0.first().copied().unwrap_or(0);
            let hi = self.0.get(1).copied().unwrap_or(0);
            return ((u128::from(hi) << 64) | u128::from(lo), 0, false);
        }
        let shift = bits - 128;
        let bit = |i: u32| (self.0[(i / 64) as usize] >> (i % 64)) & 1;
        let mut sig = 0u128;
        for i in (shift..bits).rev() {
            sig = (sig << 1) | u128::from(bit(i));
        }
        let sticky = (0..shift).any(|i| bit(i) != 0);
        (sig, shift, sticky)
    }
}
