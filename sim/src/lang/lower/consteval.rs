//! Constant expressions. Instead of a second evaluator with its own
//! typing rules, the expression is lowered like any other and the
//! resulting code is run, if it is pure (constants and arithmetic only).

use super::Lower;
use crate::ir::Op;
use crate::ir::{arith, float};
use crate::lang::ast::Expr;
use crate::lang::types::TypeId;

impl Lower<'_> {
    /// The value and type of a constant expression, or `None` if it is
    /// not constant (nothing is emitted either way).
    pub fn const_int(&mut self, e: &Expr) -> Option<(u64, TypeId)> {
        let start = self.f.code.len();
        let ty = self.rvalue(e);
        if self.t.is_float(ty) {
            self.f.code.truncate(start);
            self.f.spans.truncate(start);
            return None;
        }
        self.run_const(start).map(|v| (v, ty))
    }

    /// The value of a constant expression converted to `to` (a global's
    /// initializer: `double d = 1;` holds the bits of 1.0), with the
    /// expression's own type; `None` if it is not constant.
    pub fn const_as(&mut self, e: &Expr, to: TypeId) -> Option<(u64, TypeId)> {
        let start = self.f.code.len();
        let ty = self.rvalue(e);
        if self.t.is_scalar(ty) && self.t.is_scalar(to) && !self.float_pointer_mix(ty, to) {
            self.convert(ty, to);
        }
        self.run_const(start).map(|v| (v, ty))
    }

    /// Takes the code emitted since `start` back and runs it.
    fn run_const(&mut self, start: usize) -> Option<u64> {
        let ops: Vec<Op> = self.f.code.drain(start..).collect();
        self.f.spans.truncate(start);
        eval(&ops, start)
    }
}

/// Runs pure code; `base` is the index of `ops[0]` (jump targets are
/// absolute).
fn eval(ops: &[Op], base: usize) -> Option<u64> {
    let mut stack: Vec<u64> = Vec::new();
    let mut pc = 0;
    let mut fuel = 100_000;
    while pc < ops.len() {
        fuel -= 1;
        if fuel == 0 {
            return None;
        }
        let op = ops[pc];
        pc += 1;
        let jump = |t: u32| (t as usize).checked_sub(base);
        match op {
            Op::Const(v) => stack.push(v),
            Op::Pop => {
                stack.pop()?;
            }
            Op::Dup => stack.push(*stack.last()?),
            Op::DupX1 => {
                let b = stack.pop()?;
                let a = stack.pop()?;
                stack.extend([b, a, b]);
            }
            Op::Bin(op, ty) => {
                let b = stack.pop()?;
                let a = stack.pop()?;
                stack.push(arith::binary(op, ty, a, b).ok()?);
            }
            Op::Neg(ty) => {
                let a = stack.pop()?;
                stack.push(ty.norm(a.wrapping_neg()));
            }
            Op::BitNot(ty) => {
                let a = stack.pop()?;
                stack.push(ty.norm(!a));
            }
            Op::Not => {
                let a = stack.pop()?;
                stack.push((a == 0) as u64);
            }
            Op::FBin(op, ty) => {
                let b = stack.pop()?;
                let a = stack.pop()?;
                stack.push(float::binary(op, ty, a, b));
            }
            Op::FNeg(ty) => {
                let a = stack.pop()?;
                stack.push(float::negate(ty, a));
            }
            Op::IntToFloat(from, to) => {
                let a = stack.pop()?;
                stack.push(float::from_int(from, to, a));
            }
            Op::FloatToInt(from, to) => {
                let a = stack.pop()?;
                stack.push(float::to_int(from, to, a));
            }
            Op::FloatToFloat(to) => {
                let a = stack.pop()?;
                stack.push(float::convert(to.other(), to, a));
            }
            Op::Norm(m) => {
                let a = stack.pop()?;
                stack.push(m.norm(a));
            }
            Op::ToBool => {
                let a = stack.pop()?;
                stack.push((a != 0) as u64);
            }
            Op::Jump(t) => pc = jump(t)?,
            Op::JumpIfZero(t) => {
                if stack.pop()? == 0 {
                    pc = jump(t)?;
                }
            }
            Op::JumpIfNonZero(t) => {
                if stack.pop()? != 0 {
                    pc = jump(t)?;
                }
            }
            _ => return None,
        }
    }
    if stack.len() == 1 {
        stack.pop()
    } else {
        None
    }
}
