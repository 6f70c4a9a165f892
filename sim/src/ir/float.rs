//! C floating arithmetic on the bits the stack holds, as x86_64's SSE
//! does it (round to nearest even, no traps: `1.0 / 0` is infinity), and
//! the conversions between floating and integer types as gcc compiles
//! them. Shared by constant folding and the interpreter, so a folded
//! constant and a computed value never differ.

use crate::ir::{ArithTy, BinOp, FloatTy};

/// The stack value of `v` in `ty`.
#[inline]
pub fn bits(ty: FloatTy, v: f64) -> u64 {
    match ty {
        FloatTy::F32 => (v as f32).to_bits() as u64,
        FloatTy::F64 => v.to_bits(),
    }
}

/// The value a stack slot holds in `ty`, widened exactly to `f64`.
#[inline]
pub fn value(ty: FloatTy, b: u64) -> f64 {
    match ty {
        FloatTy::F32 => f32::from_bits(b as u32) as f64,
        FloatTy::F64 => f64::from_bits(b),
    }
}

/// `a op b` in `ty`. Float arithmetic is done in `f32` itself (computing
/// in `f64` and rounding would agree for these four operations, but
/// saying so would need the proof).
#[inline]
pub fn binary(op: BinOp, ty: FloatTy, a: u64, b: u64) -> u64 {
    if matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div) {
        if let Some(nan) = propagated_nan(ty, a, b) {
            return nan;
        }
    }
    if let FloatTy::F32 = ty {
        let (x, y) = (f32::from_bits(a as u32), f32::from_bits(b as u32));
        return match op {
            BinOp::Add => (x + y).to_bits() as u64,
            BinOp::Sub => (x - y).to_bits() as u64,
            BinOp::Mul => (x * y).to_bits() as u64,
            BinOp::Div => (x / y).to_bits() as u64,
            _ => compare(op, x as f64, y as f64),
        };
    }
    let (x, y) = (f64::from_bits(a), f64::from_bits(b));
    match op {
        BinOp::Add => (x + y).to_bits(),
        BinOp::Sub => (x - y).to_bits(),
        BinOp::Mul => (x * y).to_bits(),
        BinOp::Div => (x / y).to_bits(),
        _ => compare(op, x, y),
    }
}

/// The NaN an SSE operation on a NaN operand gives: the first operand's
/// if it is one, else the second's, made quiet (`addsd`'s rule, with the
/// left operand in the destination as gcc compiles `a + b`). Rust's own
/// `+` leaves the choice to the compiler, which may swap the operands.
fn propagated_nan(ty: FloatTy, a: u64, b: u64) -> Option<u64> {
    let quiet = match ty {
        FloatTy::F32 => 1u64 << 22,
        FloatTy::F64 => 1u64 << 51,
    };
    [a, b].into_iter().find(|&v| value(ty, v).is_nan()).map(|v| v | quiet)
}

/// A comparison: false whenever a NaN is involved, except `!=`.
fn compare(op: BinOp, x: f64, y: f64) -> u64 {
    (match op {
        BinOp::Eq => x == y,
        BinOp::Ne => x != y,
        BinOp::Lt => x < y,
        BinOp::Le => x <= y,
        BinOp::Gt => x > y,
        _ => x >= y,
    }) as u64
}

/// `-a`: only the sign bit changes.
#[inline]
pub fn negate(ty: FloatTy, a: u64) -> u64 {
    match ty {
        FloatTy::F32 => a ^ 0x8000_0000,
        FloatTy::F64 => a ^ (1 << 63),
    }
}

/// An integer (normalised for `from`) converted to `to`, rounding to
/// nearest as `cvtsi2sd` does.
#[inline]
pub fn from_int(from: ArithTy, to: FloatTy, v: u64) -> u64 {
    match (from, to) {
        (ArithTy::U64, FloatTy::F32) => (v as f32).to_bits() as u64,
        (ArithTy::U64, FloatTy::F64) => (v as f64).to_bits(),
        (_, FloatTy::F32) => (v as i64 as f32).to_bits() as u64,
        (_, FloatTy::F64) => (v as i64 as f64).to_bits(),
    }
}

/// x86's answer for a value out of an integer's range, or NaN.
const INDEFINITE: i64 = i64::MIN;

/// `cvttsd2si` into 64 bits: truncation, or the indefinite integer.
fn truncate64(x: f64) -> i64 {
    if x.is_nan() || !(-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&x) {
        INDEFINITE
    } else {
        x as i64
    }
}

/// A floating value converted to the integer type `to` (narrower types
/// take an `int` conversion and then their `Norm`), as gcc compiles it
/// for x86_64: `int` through the 32-bit `cvttsd2si` (out of range:
/// `INT_MIN`), `unsigned int` and `long` through the 64-bit one,
/// `unsigned long` by subtracting 2^63 first when the value is that big.
/// C leaves out-of-range conversions undefined; these are the values a
/// native run prints.
#[inline]
pub fn to_int(from: FloatTy, to: ArithTy, b: u64) -> u64 {
    let x = value(from, b);
    match to {
        ArithTy::I32 => {
            let t = x.trunc();
            if x.is_nan() || !(-2_147_483_648.0..2_147_483_648.0).contains(&t) {
                i32::MIN as i64 as u64
            } else {
                t as i32 as i64 as u64
            }
        }
        ArithTy::U32 => truncate64(x) as u32 as u64,
        ArithTy::I64 => truncate64(x) as u64,
        ArithTy::U64 => {
            const TWO63: f64 = 9_223_372_036_854_775_808.0;
            if x < TWO63 || x.is_nan() {
                truncate64(x) as u64
            } else {
                (truncate64(x - TWO63) as u64) ^ (1 << 63)
            }
        }
    }
}

/// A floating value converted to the other floating type.
#[inline]
pub fn convert(from: FloatTy, to: FloatTy, b: u64) -> u64 {
    match (from, to) {
        (FloatTy::F32, FloatTy::F64) => (f32::from_bits(b as u32) as f64).to_bits(),
        (FloatTy::F64, FloatTy::F32) => (f64::from_bits(b) as f32).to_bits() as u64,
        _ => b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_of_range_conversions_give_what_x86_gives() {
        let big = 3e9f64.to_bits();
        assert_eq!(to_int(FloatTy::F64, ArithTy::I32, big), i32::MIN as i64 as u64);
        assert_eq!(to_int(FloatTy::F64, ArithTy::U32, big), 3_000_000_000);
        assert_eq!(to_int(FloatTy::F64, ArithTy::I64, f64::NAN.to_bits()), i64::MIN as u64);
        assert_eq!(to_int(FloatTy::F64, ArithTy::U64, 1.8e19f64.to_bits()), 18_000_000_000_000_000_000);
        assert_eq!(to_int(FloatTy::F64, ArithTy::I32, (-2.9f64).to_bits()), (-2i64) as u64);
    }

    #[test]
    fn comparisons_with_nan_are_false_except_not_equal() {
        let nan = f64::NAN.to_bits();
        let one = 1f64.to_bits();
        assert_eq!(binary(BinOp::Eq, FloatTy::F64, nan, nan), 0);
        assert_eq!(binary(BinOp::Ne, FloatTy::F64, nan, one), 1);
        assert_eq!(binary(BinOp::Lt, FloatTy::F64, nan, one), 0);
    }

    #[test]
    fn float_arithmetic_rounds_to_float() {
        let third = binary(BinOp::Div, FloatTy::F32, 1f32.to_bits() as u64, 3f32.to_bits() as u64);
        assert_eq!(f32::from_bits(third as u32), 1f32 / 3f32);
    }
}
