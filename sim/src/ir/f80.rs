//! `long double` as gcc gives it on x86_64: the x87 80-bit extended
//! format (sign, 15-bit exponent, 64-bit significand with an explicit
//! integer bit), in software. Arithmetic is correctly rounded to 64 bits,
//! to nearest with ties to even (the x87 control word Linux sets), with
//! infinities, NaNs, signed zeros and denormals as the FPU gives them:
//! an invalid operation (`0/0`, `inf - inf`, `sqrt(-1)`, an unnormal
//! operand) gives the "real indefinite" (a negative quiet NaN, so printf
//! shows `-nan`), a NaN operand gives itself made quiet (of two, the one
//! with the larger significand).
//!
//! A value is stored in 16 bytes: the significand (8 bytes, little
//! endian), sign and exponent (2 bytes), then 6 bytes of padding.

use crate::ir::{ArithTy, BinOp, FloatTy, LdUnOp};
use std::cmp::Ordering;

/// An 80-bit extended value: `se` holds the sign (bit 15) and the biased
/// exponent; `m` the significand, its integer bit explicit (bit 63).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct F80 {
    /// Sign and biased exponent.
    pub se: u16,
    /// Significand.
    pub m: u64,
}

const BIAS: i32 = 16383;
const EMAX: u16 = 0x7fff;
const TOP: u64 = 1 << 63;

/// What a value is, for arithmetic.
#[derive(Debug, Clone, Copy)]
enum Class {
    Zero,
    /// `m × 2^e` (m nonzero, not necessarily normalised).
    Finite(i32, u64),
    Inf,
    Nan,
    /// Unnormals, pseudo-infinities and pseudo-NaNs: invalid operands.
    Bad,
}

impl F80 {
    /// +0.
    pub const ZERO: F80 = F80 { se: 0, m: 0 };
    /// The "real indefinite": what an invalid operation gives.
    pub const INDEFINITE: F80 = F80 { se: 0xffff, m: 0xC000_0000_0000_0000 };
    /// +infinity.
    pub const INFINITY: F80 = F80 { se: EMAX, m: TOP };

    /// From its 10 significant bytes (little endian).
    pub fn from_bytes(b: &[u8]) -> F80 {
        let mut m = [0u8; 8];
        m.copy_from_slice(&b[..8]);
        F80 { m: u64::from_le_bytes(m), se: u16::from_le_bytes([b[8], b[9]]) }
    }

    /// Its 10 significant bytes.
    pub fn to_bytes(self) -> [u8; 10] {
        let mut b = [0u8; 10];
        b[..8].copy_from_slice(&self.m.to_le_bytes());
        b[8..].copy_from_slice(&self.se.to_le_bytes());
        b
    }

    /// Its 16 bytes in memory (the padding zero).
    pub fn to_bytes16(self) -> [u8; 16] {
        let mut b = [0u8; 16];
        b[..10].copy_from_slice(&self.to_bytes());
        b
    }

    /// The sign bit.
    pub fn is_sign_negative(self) -> bool {
        self.se >> 15 != 0
    }

    fn exp(self) -> u16 {
        self.se & EMAX
    }

    fn with_sign(self, neg: bool) -> F80 {
        F80 { se: (self.se & EMAX) | ((neg as u16) << 15), m: self.m }
    }

    fn zero(neg: bool) -> F80 {
        F80::ZERO.with_sign(neg)
    }

    fn inf(neg: bool) -> F80 {
        F80::INFINITY.with_sign(neg)
    }

    fn class(self) -> Class {
        let e = self.exp();
        match (e, self.m >> 63) {
            (EMAX, 1) if self.m << 1 == 0 => Class::Inf,
            (EMAX, 1) => Class::Nan,
            (EMAX, _) => Class::Bad,
            (0, _) if self.m == 0 => Class::Zero,
            (0, _) => Class::Finite(1 - BIAS - 63, self.m),
            (_, 0) => Class::Bad,
            _ => Class::Finite(e as i32 - BIAS - 63, self.m),
        }
    }

    /// A NaN (or an invalid encoding, which x87 treats as one).
    pub fn is_nan(self) -> bool {
        matches!(self.class(), Class::Nan | Class::Bad)
    }

    /// Infinite.
    pub fn is_infinite(self) -> bool {
        matches!(self.class(), Class::Inf)
    }

    /// The finite value as `(negative, m, e)` with `|v| = m × 2^e` (m = 0
    /// for a zero); `None` for infinities and NaNs.
    pub fn decompose(self) -> Option<(bool, u64, i32)> {
        match self.class() {
            Class::Zero => Some((self.is_sign_negative(), 0, 0)),
            Class::Finite(e, m) => Some((self.is_sign_negative(), m, e)),
            _ => None,
        }
    }

    /// Rounds `(sig + a sticky fraction) × 2^e` to nearest even.
    pub fn round(neg: bool, e: i32, sig: u128, sticky: bool) -> F80 {
        let (bexp, m) = round_to(e, sig, sticky, 64, BIAS, EMAX as i32);
        if bexp >= EMAX as i32 {
            return F80::inf(neg);
        }
        F80 { se: bexp as u16 | ((neg as u16) << 15), m }
    }

    /// An `i64`, exactly.
    pub fn from_i64(v: i64) -> F80 {
        F80::from_u64(v.unsigned_abs()).with_sign(v < 0)
    }

    /// A `u64`, exactly.
    pub fn from_u64(v: u64) -> F80 {
        if v == 0 {
            return F80::ZERO;
        }
        let z = v.leading_zeros();
        F80 { se: (BIAS + 63 - z as i32) as u16, m: v << z }
    }

    /// A `double`, exactly (a signalling NaN made quiet, as `fldl` does).
    pub fn from_f64(v: f64) -> F80 {
        let b = v.to_bits();
        let neg = b >> 63 != 0;
        let field = ((b >> 52) & 0x7ff) as i32;
        let frac = b & ((1 << 52) - 1);
        match field {
            0x7ff if frac == 0 => F80::inf(neg),
            0x7ff => F80 { se: EMAX, m: TOP | 1 << 62 | frac << 11 }.with_sign(neg),
            0 if frac == 0 => F80::zero(neg),
            0 => F80::round(neg, -1074, frac as u128, false),
            _ => F80::round(neg, field - 1075, (frac | 1 << 52) as u128, false),
        }
    }

    /// A `float`, exactly.
    pub fn from_f32(v: f32) -> F80 {
        F80::from_f64(v as f64)
    }

    /// Rounded to `double` (nearest even; overflow to infinity;
    /// subnormals), a NaN keeping its top payload bits, made quiet.
    pub fn to_f64(self) -> f64 {
        if let Class::Bad = self.class() {
            return f64::from_bits(0xfff8 << 48);
        }
        let sign = (self.is_sign_negative() as u64) << 63;
        let bits = match self.class() {
            Class::Zero => 0,
            Class::Inf => 0x7ff << 52,
            Class::Nan => 0x7ff << 52 | 1 << 51 | ((self.m >> 11) & ((1 << 52) - 1)),
            Class::Bad => 0x7ff << 52 | 1 << 51,
            Class::Finite(e, m) => {
                let (bexp, m) = round_to(e, m as u128, false, 53, 1023, 0x7ff);
                if bexp >= 0x7ff {
                    0x7ff << 52
                } else {
                    (bexp as u64) << 52 | (m & ((1 << 52) - 1))
                }
            }
        };
        f64::from_bits(sign | bits)
    }

    /// Rounded to `float`, once (not through `double`).
    pub fn to_f32(self) -> f32 {
        if let Class::Bad = self.class() {
            return f32::from_bits(0xffc0_0000);
        }
        let sign = (self.is_sign_negative() as u32) << 31;
        let bits = match self.class() {
            Class::Zero => 0,
            Class::Inf => 0xff << 23,
            Class::Nan => 0xff << 23 | 1 << 22 | ((self.m >> 40) as u32 & ((1 << 23) - 1)),
            Class::Bad => 0xff << 23 | 1 << 22,
            Class::Finite(e, m) => {
                let (bexp, m) = round_to(e, m as u128, false, 24, 127, 0xff);
                if bexp >= 0xff {
                    0xff << 23
                } else {
                    (bexp as u32) << 23 | (m as u32 & ((1 << 23) - 1))
                }
            }
        };
        f32::from_bits(sign | bits)
    }

    /// Truncated to `i64` as `fistp` does with the rounding set to
    /// truncate: NaN and values out of range give the "integer
    /// indefinite" 0x8000000000000000.
    pub fn to_i64(self) -> i64 {
        const INDEFINITE: i64 = i64::MIN;
        match self.class() {
            Class::Zero => 0,
            Class::Finite(e, m) => {
                let mag: u128 = if e >= 0 {
                    if e >= 64 {
                        return INDEFINITE;
                    }
                    (m as u128) << e
                } else if e <= -64 {
                    0
                } else {
                    (m >> -e) as u128
                };
                let neg = self.is_sign_negative();
                if mag < 1 << 63 {
                    if neg {
                        -(mag as i64)
                    } else {
                        mag as i64
                    }
                } else {
                    INDEFINITE
                }
            }
            _ => INDEFINITE,
        }
    }

    /// Truncated to an unsigned 64-bit value as gcc compiles the
    /// conversion: below 2^63 (or NaN) through `fistp`; else 2^63 is
    /// subtracted first and the top bit set again.
    pub fn to_u64(self) -> u64 {
        let two63 = F80::from_u64(1 << 63);
        if self.is_nan() || self.compare(two63) == Some(Ordering::Less) {
            self.to_i64() as u64
        } else {
            (self.minus(two63).to_i64() as u64) ^ (1 << 63)
        }
    }

    /// The value converted to the integer type `to` (narrower types take
    /// an `int` conversion and then their normalisation), as gcc compiles
    /// it for x86_64: `int` through a 32-bit `fistp` (out of range:
    /// `INT_MIN`), `unsigned int` and `long` through the 64-bit one.
    pub fn to_int(self, to: ArithTy) -> u64 {
        match to {
            ArithTy::I32 => {
                let v = self.to_i64();
                let out = v == i64::MIN || v < i32::MIN as i64 || v > i32::MAX as i64;
                if out {
                    i32::MIN as i64 as u64
                } else {
                    v as u64
                }
            }
            ArithTy::U32 => self.to_i64() as u32 as u64,
            ArithTy::I64 => self.to_i64() as u64,
            ArithTy::U64 => self.to_u64(),
        }
    }

    /// An integer (normalised for `from`), exactly.
    pub fn from_int(from: ArithTy, v: u64) -> F80 {
        match from {
            ArithTy::U64 => F80::from_u64(v),
            _ => F80::from_i64(v as i64),
        }
    }

    /// `-self`: only the sign changes.
    pub fn negate(self) -> F80 {
        F80 { se: self.se ^ 0x8000, m: self.m }
    }

    /// `|self|`.
    pub fn abs(self) -> F80 {
        self.with_sign(false)
    }

    fn quiet(self) -> F80 {
        F80 { se: self.se, m: self.m | 1 << 62 }
    }

    /// The NaN an operation on these operands gives, if one is a NaN or
    /// invalid.
    fn nan_of(a: F80, b: F80) -> Option<F80> {
        match (a.class(), b.class()) {
            (Class::Bad, _) | (_, Class::Bad) => Some(F80::INDEFINITE),
            (Class::Nan, Class::Nan) => {
                let (qa, qb) = (a.quiet(), b.quiet());
                Some(match (qa.m << 1).cmp(&(qb.m << 1)) {
                    Ordering::Less => qb,
                    Ordering::Greater => qa,
                    Ordering::Equal if a.is_sign_negative() => qb,
                    Ordering::Equal => qa,
                })
            }
            (Class::Nan, _) => Some(a.quiet()),
            (_, Class::Nan) => Some(b.quiet()),
            _ => None,
        }
    }

    /// `self + b`.
    pub fn plus(self, b: F80) -> F80 {
        if let Some(n) = F80::nan_of(self, b) {
            return n;
        }
        let (na, nb) = (self.is_sign_negative(), b.is_sign_negative());
        match (self.class(), b.class()) {
            (Class::Inf, Class::Inf) if na != nb => F80::INDEFINITE,
            (Class::Inf, _) => self,
            (_, Class::Inf) => b,
            (Class::Zero, Class::Zero) => F80::zero(na && nb),
            // The other, normalised (a pseudo-denormal becomes normal).
            (Class::Zero, Class::Finite(e, m)) => F80::round(nb, e, m as u128, false),
            (Class::Finite(e, m), Class::Zero) => F80::round(na, e, m as u128, false),
            (Class::Finite(ea, ma), Class::Finite(eb, mb)) => {
                let ((ea, ma, na), (eb, mb, nb)) = if ea >= eb { ((ea, ma, na), (eb, mb, nb)) } else { ((eb, mb, nb), (ea, ma, na)) };
                let a = (ma as u128) << 62;
                let d = (ea - eb) as u32;
                let full = (mb as u128) << 62;
                let mut bb = full.checked_shr(d).unwrap_or(0);
                if d >= 128 || (bb << d) != full {
                    bb |= 1;
                }
                let e = ea - 62;
                if na == nb {
                    return F80::round(na, e, a + bb, false);
                }
                match a.cmp(&bb) {
                    Ordering::Equal => F80::ZERO,
                    Ordering::Greater => F80::round(na, e, a - bb, false),
                    Ordering::Less => F80::round(nb, e, bb - a, false),
                }
            }
            _ => F80::INDEFINITE,
        }
    }

    /// `self - b`.
    pub fn minus(self, b: F80) -> F80 {
        if let Some(n) = F80::nan_of(self, b) {
            return n;
        }
        self.plus(b.negate())
    }

    /// `self * b`.
    pub fn times(self, b: F80) -> F80 {
        if let Some(n) = F80::nan_of(self, b) {
            return n;
        }
        let neg = self.is_sign_negative() != b.is_sign_negative();
        match (self.class(), b.class()) {
            (Class::Inf, Class::Zero) | (Class::Zero, Class::Inf) => F80::INDEFINITE,
            (Class::Inf, _) | (_, Class::Inf) => F80::inf(neg),
            (Class::Zero, _) | (_, Class::Zero) => F80::zero(neg),
            (Class::Finite(ea, ma), Class::Finite(eb, mb)) => F80::round(neg, ea + eb, ma as u128 * mb as u128, false),
            _ => F80::INDEFINITE,
        }
    }

    /// `self / b`.
    pub fn over(self, b: F80) -> F80 {
        if let Some(n) = F80::nan_of(self, b) {
            return n;
        }
        let neg = self.is_sign_negative() != b.is_sign_negative();
        match (self.class(), b.class()) {
            (Class::Inf, Class::Inf) | (Class::Zero, Class::Zero) => F80::INDEFINITE,
            (Class::Inf, _) | (_, Class::Zero) => F80::inf(neg),
            (_, Class::Inf) | (Class::Zero, _) => F80::zero(neg),
            (Class::Finite(ea, ma), Class::Finite(eb, mb)) => {
                let (za, zb) = (ma.leading_zeros(), mb.leading_zeros());
                let (ma, ea) = (ma << za, ea - za as i32);
                let (mb, eb) = (mb << zb, eb - zb as i32);
                let (a, d) = ((ma as u128) << 64, mb as u128);
                let (q, r) = (a / d, a % d);
                let (q2, r2) = ((r << 64) / d, (r << 64) % d);
                let sig = (q << 62) | (q2 >> 2);
                let sticky = q2 & 3 != 0 || r2 != 0;
                F80::round(neg, ea - eb - 64 - 62, sig, sticky)
            }
            _ => F80::INDEFINITE,
        }
    }

    /// The square root, correctly rounded (`fsqrt`).
    pub fn sqrt(self) -> F80 {
        match self.class() {
            Class::Bad => F80::INDEFINITE,
            Class::Nan => self.quiet(),
            Class::Zero => self,
            _ if self.is_sign_negative() => F80::INDEFINITE,
            Class::Inf => self,
            Class::Finite(e, m) => {
                let z = m.leading_zeros();
                let (m, e) = (m << z, e - z as i32);
                let k = if (e - 64) % 2 == 0 { 64 } else { 63 };
                let big = (m as u128) << k;
                let r = big.isqrt();
                let rem = big - r * r;
                let sig = (r << 2) | (((rem > r) as u128) << 1) | (rem != 0) as u128;
                F80::round(false, (e - k) / 2 - 2, sig, false)
            }
        }
    }

    /// The comparison; `None` when either is a NaN (unordered).
    pub fn compare(self, b: F80) -> Option<Ordering> {
        if self.is_nan() || b.is_nan() {
            return None;
        }
        let key = |x: F80| -> (bool, u128) {
            let mut e = x.exp();
            if e == 0 && x.m >> 63 != 0 {
                e = 1;
            }
            let mag = (e as u128) << 64 | x.m as u128;
            (x.is_sign_negative() && mag != 0, mag)
        };
        let ((sa, ka), (sb, kb)) = (key(self), key(b));
        Some(match (sa, sb) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => ka.cmp(&kb),
            (true, true) => kb.cmp(&ka),
        })
    }
}

/// Rounds `(sig + sticky) × 2^e` to a format of `prec` significand bits
/// (integer bit included), exponent `bias`, biased exponent `emax` for
/// infinities: (biased exponent, significand with its integer bit).
/// A biased exponent of 0 is a subnormal; `emax` or more, an overflow.
fn round_to(e: i32, sig: u128, sticky: bool, prec: i32, bias: i32, emax: i32) -> (i32, u64) {
    if sig == 0 {
        return (0, 0);
    }
    let len = 128 - sig.leading_zeros() as i32;
    let mut bexp = e + len - 1 + bias;
    let mut shift = len - prec;
    if bexp < 1 {
        shift += 1 - bexp;
        bexp = 0;
    }
    let mut m: u128;
    if shift <= 0 {
        m = sig << -shift;
    } else {
        let s = shift as u32;
        m = sig.checked_shr(s).unwrap_or(0);
        let half = if s <= 128 { (sig >> (s - 1)) & 1 == 1 } else { false };
        let rest = if s <= 1 {
            false
        } else if s > 128 {
            true
        } else {
            sig & ((1u128 << (s - 1)) - 1) != 0
        };
        if half && (rest || sticky || m & 1 == 1) {
            m += 1;
        }
    }
    if m >> prec != 0 {
        m >>= 1;
        bexp += 1;
    }
    if bexp == 0 && m >> (prec - 1) != 0 {
        bexp = 1;
    }
    if bexp >= emax {
        return (emax, 0);
    }
    (bexp, m as u64)
}

/// `a op b` for [`crate::ir::Op::LdBin`]: `Ok` with an arithmetic
/// result, `Err` with a comparison's `int` (0 or 1; NaN: false except
/// `!=`).
pub fn binary(op: BinOp, a: F80, b: F80) -> Result<F80, u64> {
    let c = a.compare(b);
    Err(match op {
        BinOp::Add => return Ok(a + b),
        BinOp::Sub => return Ok(a - b),
        BinOp::Mul => return Ok(a * b),
        BinOp::Div => return Ok(a / b),
        BinOp::Eq => c == Some(Ordering::Equal),
        BinOp::Ne => c != Some(Ordering::Equal),
        BinOp::Lt => c == Some(Ordering::Less),
        BinOp::Le => matches!(c, Some(Ordering::Less | Ordering::Equal)),
        BinOp::Gt => c == Some(Ordering::Greater),
        BinOp::Ge => matches!(c, Some(Ordering::Greater | Ordering::Equal)),
        _ => false,
    } as u64)
}

/// A unary operation for [`crate::ir::Op::LdUn`].
pub fn unary(op: LdUnOp, a: F80) -> F80 {
    match op {
        LdUnOp::Neg => -a,
        LdUnOp::Abs => a.abs(),
        LdUnOp::Sqrt => a.sqrt(),
    }
}

/// A `float` or `double` (its stack bits), exactly.
pub fn from_float(ty: FloatTy, bits: u64) -> F80 {
    match ty {
        FloatTy::F32 => F80::from_f32(f32::from_bits(bits as u32)),
        FloatTy::F64 => F80::from_f64(f64::from_bits(bits)),
    }
}

/// Rounded to `float` or `double` (its stack bits).
pub fn to_float(ty: FloatTy, a: F80) -> u64 {
    match ty {
        FloatTy::F32 => a.to_f32().to_bits() as u64,
        FloatTy::F64 => a.to_f64().to_bits(),
    }
}

macro_rules! op {
    ($tr:ident, $f:ident, $by:ident) => {
        impl std::ops::$tr for F80 {
            type Output = F80;
            fn $f(self, b: F80) -> F80 {
                self.$by(b)
            }
        }
    };
}
op!(Add, add, plus);
op!(Sub, sub, minus);
op!(Mul, mul, times);
op!(Div, div, over);

impl std::ops::Neg for F80 {
    type Output = F80;
    fn neg(self) -> F80 {
        self.negate()
    }
}

#[cfg(test)]
pub(crate) mod tests;
