//! Superinstructions: the few sequences C's lowering emits most, each
//! fused into one op, so a loop such as `while (s->in == s->out)` costs
//! four dispatches instead of eleven. The interpreter's time goes to
//! dispatch far more than to the work of an op.
//!
//! A fusion keeps everything the rest of the system sees: a fused op
//! carries the span of its last part (the load a shared access names, the
//! division that faults), it reads shared memory at most once and only as
//! its last part (a process stopped at its access re-runs the whole op,
//! whose earlier parts are pure), and no jump lands inside it. Visible
//! steps are untouched; only the count of IR instructions falls.

use super::{ArithTy, BinOp, Function, MemTy, Op};
use crate::source::Span;

/// Fuses `f`'s code in place and moves its jump targets to match.
pub fn fuse(f: &mut Function) {
    let targets = targets(f);
    let (mut ops, mut spans) = (Vec::with_capacity(f.ops.len()), Vec::with_capacity(f.spans.len()));
    // Where each old op went (an op inside a fusion: the fused op).
    let mut moved = vec![0u32; f.ops.len() + 1];
    let mut i = 0;
    while i < f.ops.len() {
        let (op, len) = best(&f.ops[i..], |k| targets[i + k]);
        for m in &mut moved[i..i + len] {
            *m = ops.len() as u32;
        }
        ops.push(op);
        spans.push(f.spans.get(i + len - 1).copied().unwrap_or_else(Span::default));
        i += len;
    }
    moved[f.ops.len()] = ops.len() as u32;
    let to = |t: u32| moved.get(t as usize).copied().unwrap_or(t);
    for op in &mut ops {
        match op {
            Op::Jump(t) | Op::JumpIfZero(t) | Op::JumpIfNonZero(t) => *t = to(*t),
            Op::CmpJump { target, .. } | Op::CmpJumpK { target, .. } => *target = to(*target),
            _ => {}
        }
    }
    for table in &mut f.switches {
        table.default = to(table.default);
        for case in &mut table.cases {
            case.1 = to(case.1);
        }
    }
    f.ops = ops;
    f.spans = spans;
}

/// Which ops a jump or a switch lands on (one past the end included).
fn targets(f: &Function) -> Vec<bool> {
    let mut t = vec![false; f.ops.len() + 1];
    let mut mark = |x: u32| {
        if let Some(b) = t.get_mut(x as usize) {
            *b = true;
        }
    };
    for op in &f.ops {
        if let Op::Jump(x) | Op::JumpIfZero(x) | Op::JumpIfNonZero(x) = *op {
            mark(x);
        }
    }
    for table in &f.switches {
        mark(table.default);
        table.cases.iter().for_each(|c| mark(c.1));
    }
    t
}

/// The longest fusion starting at `code[0]` whose later parts no jump
/// lands on (`target(k)`: whether one lands on `code[k]`), and how many
/// ops it replaces; else the op itself.
fn best(code: &[Op], target: impl Fn(usize) -> bool) -> (Op, usize) {
    let free = |n: usize| code.len() >= n && !(1..n).any(&target);
    let at = |k: usize| code.get(k).copied();
    // `p->field`, read: the pointer in a local, a constant offset, a load.
    if free(4) {
        if let (Some(Op::LoadFrame(slot, MemTy::I64)), Some(Op::Const(k)), Some(Op::Bin(BinOp::Add, ArithTy::U64)), Some(Op::Load(m))) =
            (at(0), at(1), at(2), at(3))
        {
            if let Ok(k) = u32::try_from(k) {
                return (Op::LoadField { slot, off: k, ty: m }, 4);
            }
        }
    }
    if free(3) {
        match (at(0), at(1), at(2)) {
            // `&p->field`: the address a store or a call takes.
            (Some(Op::LoadFrame(slot, MemTy::I64)), Some(Op::Const(k)), Some(Op::Bin(BinOp::Add, ArithTy::U64))) => {
                if let Ok(k) = u32::try_from(k) {
                    return (Op::FieldAddr { slot, off: k }, 3);
                }
            }
            // `if (x < 3)`, `while (n != 0)`: compare with a constant, branch.
            (Some(Op::Const(k)), Some(Op::Bin(op, ty)), Some(Op::JumpIfZero(t) | Op::JumpIfNonZero(t))) if op.compares() => {
                let when = matches!(at(2), Some(Op::JumpIfNonZero(_)));
                return (Op::CmpJumpK { op, ty, k, target: t, when }, 3);
            }
            _ => {}
        }
    }
    if free(2) {
        match (at(0), at(1)) {
            (Some(Op::Bin(op, ty)), Some(Op::JumpIfZero(t) | Op::JumpIfNonZero(t))) if op.compares() => {
                let when = matches!(at(1), Some(Op::JumpIfNonZero(_)));
                return (Op::CmpJump { op, ty, target: t, when }, 2);
            }
            (Some(Op::Const(k)), Some(Op::Bin(op, ty))) => return (Op::BinK(op, ty, k), 2),
            _ => {}
        }
    }
    (code[0], 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::SwitchTable;

    fn function(ops: Vec<Op>) -> Function {
        let spans = (0..ops.len()).map(|k| Span { lo: k as u32, ..Span::default() }).collect();
        Function {
            name: "f".into(),
            ops,
            spans,
            frame_size: 16,
            params: Vec::new(),
            switches: Vec::new(),
            objects: Vec::new(),
            redzones: Vec::new(),
            span: Span::default(),
        }
    }

    #[test]
    fn a_field_load_becomes_one_op_with_the_loads_span() {
        let mut f =
            function(vec![Op::LoadFrame(0, MemTy::I64), Op::Const(16), Op::Bin(BinOp::Add, ArithTy::U64), Op::Load(MemTy::I32), Op::Ret]);
        fuse(&mut f);
        assert_eq!(f.ops, vec![Op::LoadField { slot: 0, off: 16, ty: MemTy::I32 }, Op::Ret]);
        assert_eq!(f.spans[0].lo, 3);
    }

    #[test]
    fn no_fusion_swallows_an_op_a_jump_lands_on() {
        // 0: x; 1: const 1; 2: add <- target of the jump at 4.
        let mut f = function(vec![Op::LoadFrame(0, MemTy::I32), Op::Const(1), Op::Bin(BinOp::Add, ArithTy::I32), Op::Pop, Op::Jump(2)]);
        fuse(&mut f);
        assert_eq!(f.ops[1], Op::Const(1));
        assert_eq!(f.ops[2], Op::Bin(BinOp::Add, ArithTy::I32));
        assert_eq!(f.ops[4], Op::Jump(2));
    }

    #[test]
    fn jumps_and_switch_tables_follow_the_code_they_target() {
        let mut f = function(vec![
            Op::LoadFrame(0, MemTy::I32),
            Op::Const(3),
            Op::Bin(BinOp::Le, ArithTy::I32),
            Op::JumpIfZero(6),
            Op::LoadFrame(0, MemTy::I32),
            Op::Jump(0),
            Op::Const(0),
            Op::Switch(0),
            Op::Ret,
        ]);
        f.switches.push(SwitchTable { cases: vec![(0, 8)], default: 6 });
        fuse(&mut f);
        let k = |op: Op| f.ops.iter().position(|o| *o == op).expect("present");
        assert_eq!(f.ops[1], Op::CmpJumpK { op: BinOp::Le, ty: ArithTy::I32, k: 3, target: 4, when: false });
        assert_eq!(f.ops[4], Op::Const(0));
        assert_eq!(k(Op::Jump(0)), 3);
        assert_eq!(f.switches[0].default, 4);
        assert_eq!(f.switches[0].cases[0].1, 6);
    }

    #[test]
    fn long_double_ops_are_never_fused() {
        // `if (x < 1.0L)`: the constant is an address and the comparison
        // an `LdBin`, which no superinstruction stands for.
        let ops = vec![
            Op::Frame(0),
            Op::Const(0x3_0000_0010),
            Op::LdBin(BinOp::Lt, 0),
            Op::JumpIfZero(5),
            Op::Const(1),
            Op::Frame(16),
            Op::Const(0x3_0000_0010),
            Op::LdBin(BinOp::Add, 32),
            Op::LdToInt(ArithTy::I32),
            Op::Ret,
        ];
        let mut f = function(ops.clone());
        fuse(&mut f);
        assert_eq!(f.ops, ops);
    }
}
