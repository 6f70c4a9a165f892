//! C integer arithmetic on normalised 64-bit values, as x86_64 does it:
//! wrap-around, shift counts masked, division traps (SIGFPE) on zero and
//! on `INT_MIN / -1`.

use crate::ir::{ArithTy, BinOp};

/// Division by zero or overflow: the process gets SIGFPE.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DivideError;

/// `a op b` in the arithmetic type `ty`; operands are read in that type.
#[inline]
pub fn binary(op: BinOp, ty: ArithTy, a: u64, b: u64) -> Result<u64, DivideError> {
    let (a, b) = (ty.norm(a), ty.norm(b));
    let wide = matches!(ty, ArithTy::I64 | ArithTy::U64);
    let r = match op {
        BinOp::Add => a.wrapping_add(b),
        BinOp::Sub => a.wrapping_sub(b),
        BinOp::Mul => a.wrapping_mul(b),
        BinOp::Div | BinOp::Rem => return divide(op, ty, a, b),
        BinOp::Shl => a.wrapping_shl((b & if wide { 63 } else { 31 }) as u32),
        BinOp::Shr => {
            let n = (b & if wide { 63 } else { 31 }) as u32;
            if ty.signed() {
                ((a as i64) >> n) as u64
            } else {
                a >> n
            }
        }
        BinOp::And => a & b,
        BinOp::Or => a | b,
        BinOp::Xor => a ^ b,
        BinOp::Eq => return Ok((a == b) as u64),
        BinOp::Ne => return Ok((a != b) as u64),
        BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => return Ok(order(op, ty.signed(), a, b) as u64),
    };
    Ok(ty.norm(r))
}

/// Whether `a op b` holds, for a comparison `op` ([`BinOp::compares`]):
/// what [`binary`] gives as 1 or 0, for a compare-and-branch.
#[inline]
pub fn compare(op: BinOp, ty: ArithTy, a: u64, b: u64) -> bool {
    let (a, b) = (ty.norm(a), ty.norm(b));
    match op {
        BinOp::Eq => a == b,
        BinOp::Ne => a != b,
        _ => order(op, ty.signed(), a, b),
    }
}

fn order(op: BinOp, signed: bool, a: u64, b: u64) -> bool {
    let ord = if signed { (a as i64).cmp(&(b as i64)) } else { a.cmp(&b) };
    match op {
        BinOp::Lt => ord.is_lt(),
        BinOp::Le => ord.is_le(),
        BinOp::Gt => ord.is_gt(),
        _ => ord.is_ge(),
    }
}

fn divide(op: BinOp, ty: ArithTy, a: u64, b: u64) -> Result<u64, DivideError> {
    if b == 0 {
        return Err(DivideError);
    }
    let r = match ty {
        ArithTy::I32 => {
            let (x, y) = (a as i32, b as i32);
            if x == i32::MIN && y == -1 {
                return Err(DivideError);
            }
            (if op == BinOp::Div { x / y } else { x % y }) as i64 as u64
        }
        ArithTy::I64 => {
            let (x, y) = (a as i64, b as i64);
            if x == i64::MIN && y == -1 {
                return Err(DivideError);
            }
            (if op == BinOp::Div { x / y } else { x % y }) as u64
        }
        _ => {
            if op == BinOp::Div {
                a / b
            } else {
                a % b
            }
        }
    };
    Ok(ty.norm(r))
}
