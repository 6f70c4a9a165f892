//! Constant expressions. Instead of a second evaluator with its own
//! typing rules, the expression is lowered like any other and the
//! resulting code is run, if it is pure (constants and arithmetic only).

use super::Lower;
use crate::ir::f80::{self, F80};
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

    /// The value of a constant expression converted to `long double`,
    /// with the expression's own type.
    pub fn const_ld(&mut self, e: &Expr) -> Option<(F80, TypeId)> {
        let start = self.f.code.len();
        let ty = self.rvalue(e);
        let to = self.c.ldouble;
        if !self.t.is_arith(ty) {
            self.f.code.truncate(start);
            self.f.spans.truncate(start);
            return None;
        }
        self.convert(ty, to);
        let ops: Vec<Op> = self.f.code.drain(start..).collect();
        self.f.spans.truncate(start);
        let mut ld = self.ld_consts_now();
        let a = eval(&ops, start, &mut ld)?;
        ld.read(a).map(|v| (v, ty))
    }

    /// The `long double` constants made so far, for constant code.
    fn ld_consts_now(&mut self) -> LdConsts {
        let pool = self.ld_pool;
        let bytes = if pool == 0 { Vec::new() } else { self.global_mut(pool).bytes.clone() };
        LdConsts { pool, bytes, made: Vec::new() }
    }

    /// Takes the code emitted since `start` back and runs it.
    fn run_const(&mut self, start: usize) -> Option<u64> {
        let ops: Vec<Op> = self.f.code.drain(start..).collect();
        self.f.spans.truncate(start);
        if !ops
            .iter()
            .any(|op| matches!(op, Op::LdBin(..) | Op::LdUn(..) | Op::IntToLd(..) | Op::FloatToLd(..) | Op::LdToInt(_) | Op::LdToFloat(_)))
        {
            let mut none = LdConsts { pool: 0, bytes: Vec::new(), made: Vec::new() };
            return eval(&ops, start, &mut none);
        }
        let mut ld = self.ld_consts_now();
        eval(&ops, start, &mut ld)
    }
}

/// `long double` values while constant code runs: those in read-only
/// memory (the constants' pool) and those computed, at made-up addresses.
struct LdConsts {
    pool: u32,
    bytes: Vec<u8>,
    made: Vec<F80>,
}

/// Made-up addresses of computed values: this tag, then their index.
const MADE: u64 = 0xF80F_0000_0000_0000;

impl LdConsts {
    fn read(&self, addr: u64) -> Option<F80> {
        if addr & 0xFFFF_0000_0000_0000 == MADE {
            return self.made.get((addr & 0xFFFF_FFFF) as usize).copied();
        }
        if self.pool == 0 || (addr >> 32) as u32 != self.pool {
            return None;
        }
        let off = (addr & 0xFFFF_FFFF) as usize;
        self.bytes.get(off..off + 10).map(F80::from_bytes)
    }

    fn make(&mut self, v: F80) -> u64 {
        self.made.push(v);
        MADE | (self.made.len() as u64 - 1)
    }
}

/// Runs pure code; `base` is the index of `ops[0]` (jump targets are
/// absolute).
fn eval(ops: &[Op], base: usize, ld: &mut LdConsts) -> Option<u64> {
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
            Op::LdBin(op, _) => {
                let b = ld.read(stack.pop()?)?;
                let a = ld.read(stack.pop()?)?;
                let v = match f80::binary(op, a, b) {
                    Ok(r) => ld.make(r),
                    Err(truth) => truth,
                };
                stack.push(v);
            }
            Op::LdUn(op, _) => {
                let a = ld.read(stack.pop()?)?;
                let v = ld.make(f80::unary(op, a));
                stack.push(v);
            }
            Op::IntToLd(from, _) => {
                let a = stack.pop()?;
                let v = ld.make(F80::from_int(from, a));
                stack.push(v);
            }
            Op::FloatToLd(from, _) => {
                let a = stack.pop()?;
                let v = ld.make(f80::from_float(from, a));
                stack.push(v);
            }
            Op::LdToInt(to) => {
                let a = ld.read(stack.pop()?)?;
                stack.push(a.to_int(to));
            }
            Op::LdToFloat(to) => {
                let a = ld.read(stack.pop()?)?;
                stack.push(f80::to_float(to, a));
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
