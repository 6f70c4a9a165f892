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

/// What a rule makes of the ops at a place: `op` in place of `len` of
/// them (`None`: they vanish, an identity), carrying the span of the
/// part at `span` (the one that can fault, or names the access).
struct Fused {
    op: Option<Op>,
    len: usize,
    span: usize,
}

/// A rule: the fusion starting at `code[0]`, given which later ops a
/// jump lands on (`target(k)` for `code[k]`), if one applies.
type Rule = fn(&[Op], &dyn Fn(usize) -> bool) -> Option<Fused>;

/// Fuses `f`'s code in place and moves its jump targets to match. Each
/// pass sees the code the one before made: pairs and field accesses,
/// then the conversions they make redundant, then whole updates of a
/// local.
pub fn fuse(f: &mut Function) {
    for rule in [pairs as Rule, identities, elements, locals] {
        rewrite(f, rule);
    }
}

/// One pass of `rule` over `f`.
fn rewrite(f: &mut Function, rule: Rule) {
    let targets = targets(f);
    let (mut ops, mut spans) = (Vec::with_capacity(f.ops.len()), Vec::with_capacity(f.spans.len()));
    // Where each old op went (an op inside a fusion: the fused op; a
    // vanished op: the op after it).
    let mut moved = vec![0u32; f.ops.len() + 1];
    let mut i = 0;
    while i < f.ops.len() {
        let target = |k: usize| targets[i + k];
        let free = |n: usize| f.ops.len() - i >= n && !(1..n).any(target);
        let fused = rule(&f.ops[i..], &target).filter(|x| x.len >= 1 && free(x.len));
        let Fused { op, len, span } = fused.unwrap_or(Fused { op: Some(f.ops[i]), len: 1, span: 0 });
        for m in &mut moved[i..i + len] {
            *m = ops.len() as u32;
        }
        if let Some(op) = op {
            ops.push(op);
            spans.push(f.spans.get(i + span).copied().unwrap_or_else(Span::default));
        }
        i += len;
    }
    moved[f.ops.len()] = ops.len() as u32;
    let to = |t: u32| moved.get(t as usize).copied().unwrap_or(t);
    for op in &mut ops {
        if let Some(t) = target_mut(op) {
            *t = to(*t);
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

/// The jump target an op holds, if it jumps.
fn target_mut(op: &mut Op) -> Option<&mut u32> {
    match op {
        Op::Jump(t) | Op::JumpIfZero(t) | Op::JumpIfNonZero(t) => Some(t),
        Op::CmpJump { target, .. } | Op::CmpJumpK { target, .. } | Op::LocalCmpJumpK { target, .. } | Op::LocalsCmpJump { target, .. } => {
            Some(target)
        }
        _ => None,
    }
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
        if let Some(&mut x) = target_mut(&mut op.clone()) {
            mark(x);
        }
    }
    for table in &f.switches {
        mark(table.default);
        table.cases.iter().for_each(|c| mark(c.1));
    }
    t
}

fn fused(op: Op, len: usize) -> Option<Fused> {
    Some(Fused { op: Some(op), len, span: len - 1 })
}

/// The first pass: field accesses through a pointer in a local, compares
/// and branches, operations with a constant.
fn pairs(code: &[Op], _: &dyn Fn(usize) -> bool) -> Option<Fused> {
    let at = |k: usize| code.get(k).copied();
    match (at(0), at(1), at(2), at(3)) {
        // `p->field`, read: the pointer in a local, a constant offset, a load.
        (Some(Op::LoadFrame(slot, MemTy::I64)), Some(Op::Const(k)), Some(Op::Bin(BinOp::Add, ArithTy::U64)), Some(Op::Load(m)))
            if u32::try_from(k).is_ok() =>
        {
            fused(Op::LoadField { slot, off: k as u32, ty: m }, 4)
        }
        // `&p->field`: the address a store or a call takes.
        (Some(Op::LoadFrame(slot, MemTy::I64)), Some(Op::Const(k)), Some(Op::Bin(BinOp::Add, ArithTy::U64)), _)
            if u32::try_from(k).is_ok() =>
        {
            fused(Op::FieldAddr { slot, off: k as u32 }, 3)
        }
        // `if (x < 3)`, `while (n != 0)`: compare with a constant, branch.
        (Some(Op::Const(k)), Some(Op::Bin(op, ty)), Some(j @ (Op::JumpIfZero(t) | Op::JumpIfNonZero(t))), _) if op.compares() => {
            fused(Op::CmpJumpK { op, ty, k, target: t, when: matches!(j, Op::JumpIfNonZero(_)) }, 3)
        }
        (Some(Op::Bin(op, ty)), Some(j @ (Op::JumpIfZero(t) | Op::JumpIfNonZero(t))), _, _) if op.compares() => {
            fused(Op::CmpJump { op, ty, target: t, when: matches!(j, Op::JumpIfNonZero(_)) }, 2)
        }
        (Some(Op::Const(k)), Some(Op::Bin(op, ty)), _, _) => fused(Op::BinK(op, ty, k), 2),
        _ => None,
    }
}

/// Whether `code` starts with an update of a local by a constant that no
/// jump cuts into.
fn updates(code: &[Op], target: &dyn Fn(usize) -> bool) -> bool {
    let fits = matches!(
        (code.first(), code.get(1), code.get(2)),
        (Some(Op::LoadFrame(slot, m)), Some(Op::BinK(op, _, _)), Some(Op::StoreFrame(s, m2)))
            if s == slot && m2 == m && !matches!(op, BinOp::Div | BinOp::Rem)
    );
    fits && !target(1) && !target(2)
}

/// Whether `Norm(m)` leaves every result of arithmetic in `ty` as it is.
fn keeps(ty: ArithTy, m: MemTy) -> bool {
    matches!((ty, m), (ArithTy::I32, MemTy::I32) | (ArithTy::U32, MemTy::U32) | (ArithTy::I64 | ArithTy::U64, MemTy::I64))
}

/// The second pass: conversions that change nothing (a 64-bit `Norm`;
/// a `Norm` to the type an operation already gave, as `i++` makes).
fn identities(code: &[Op], _: &dyn Fn(usize) -> bool) -> Option<Fused> {
    match (code.first().copied(), code.get(1).copied()) {
        (Some(Op::Norm(MemTy::I64)), _) => Some(Fused { op: None, len: 1, span: 0 }),
        (Some(Op::Const(k)), Some(Op::Norm(m))) => Some(Fused { op: Some(Op::Const(m.norm(k))), len: 2, span: 0 }),
        (Some(op @ (Op::Bin(_, ty) | Op::BinK(_, ty, _))), Some(Op::Norm(m))) if keeps(ty, m) => {
            Some(Fused { op: Some(op), len: 2, span: 0 })
        }
        _ => None,
    }
}

/// The third pass: an element of an array at a constant address or in
/// the frame, indexed by a local (`primes[i]`, `buf[k]`), its address or
/// its value.
fn elements(code: &[Op], _: &dyn Fn(usize) -> bool) -> Option<Fused> {
    let at = |k: usize| code.get(k).copied();
    let (Some(Op::LoadFrame(slot, m)), true) = (at(1), matches!(at(0), Some(Op::Const(_) | Op::Frame(_)))) else { return None };
    let (scale, add) = match at(2) {
        Some(Op::BinK(BinOp::Mul, ArithTy::U64, s @ (2 | 4 | 8 | 16))) => (s as u8, 3),
        _ => (1, 2),
    };
    if at(add) != Some(Op::Bin(BinOp::Add, ArithTy::U64)) {
        return None;
    }
    let load = match at(add + 1) {
        Some(Op::Load(t)) => Some(t),
        _ => None,
    };
    let len = add + 1 + load.is_some() as usize;
    let op = match at(0) {
        Some(Op::Const(base)) => Op::ElemK { base, slot, m, scale, load },
        Some(Op::Frame(base)) => Op::ElemF { base: base as u64, slot, m, scale, load },
        _ => return None,
    };
    fused(op, len)
}

/// The fourth pass: a local updated by a constant in place (`i++`,
/// `n -= 2`, `flags |= 4`: never a division, which could fault), and two
/// locals pushed together (`a < b`, `x + y`).
fn locals(code: &[Op], target: &dyn Fn(usize) -> bool) -> Option<Fused> {
    if updates(code, target) {
        let (Op::LoadFrame(slot, m), Op::BinK(op, ty, k)) = (code[0], code[1]) else { return None };
        return fused(Op::FrameOpK { slot, op, ty, m, k }, 3);
    }
    let at = |k: usize| code.get(k).copied();
    match (at(0), at(1), at(2)) {
        (Some(Op::LoadFrame(a, ma)), Some(Op::LoadFrame(b, mb)), Some(Op::CmpJump { op, ty, target, when }))
            if ma == ty.mem() && mb == ma =>
        {
            fused(Op::LocalsCmpJump { a, b, op, ty, target, when }, 3)
        }
        (Some(Op::LoadFrame(slot, m)), Some(Op::CmpJumpK { op, ty, k, target, when }), _)
            if m == ty.mem() && ty.norm(k as i32 as i64 as u64) == ty.norm(k) =>
        {
            fused(Op::LocalCmpJumpK { slot, op, ty, k: k as i32, target, when }, 2)
        }
        (Some(Op::LoadFrame(a, ma)), Some(Op::LoadFrame(b, mb)), Some(Op::Bin(op, ty))) => fused(Op::LocalsOp { a, ma, b, mb, op, ty }, 3),
        (Some(Op::LoadFrame(slot, m)), Some(Op::BinK(op, ty, k)), _) => fused(Op::LocalOpK { slot, m, op, ty, k }, 2),
        // Not when the second load starts an update of its own.
        (Some(Op::LoadFrame(a, ma)), Some(Op::LoadFrame(b, mb)), _) if !updates(&code[1..], &|k| target(k + 1)) => {
            fused(Op::LoadFrame2 { a, ma, b, mb }, 2)
        }
        _ => None,
    }
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
        // The loop's test is one op: the local compared with 3.
        assert_eq!(f.ops[0], Op::LocalCmpJumpK { slot: 0, op: BinOp::Le, ty: ArithTy::I32, k: 3, target: 3, when: false });
        assert_eq!(f.ops[3], Op::Const(0));
        assert_eq!(k(Op::Jump(0)), 2);
        assert_eq!(f.switches[0].default, 3);
        assert_eq!(f.switches[0].cases[0].1, 5);
    }

    #[test]
    fn an_increment_of_a_local_is_one_op_and_its_identity_conversion_vanishes() {
        // i++ on a long: load, add 1, Norm(I64), store.
        let mut f = function(vec![
            Op::LoadFrame(8, MemTy::I64),
            Op::Const(1),
            Op::Bin(BinOp::Add, ArithTy::I64),
            Op::Norm(MemTy::I64),
            Op::StoreFrame(8, MemTy::I64),
            Op::Ret,
        ]);
        fuse(&mut f);
        assert_eq!(f.ops, vec![Op::FrameOpK { slot: 8, op: BinOp::Add, ty: ArithTy::I64, m: MemTy::I64, k: 1 }, Op::Ret]);
    }

    #[test]
    fn a_narrowing_conversion_stays_and_a_division_is_not_fused_into_an_update() {
        let mut f = function(vec![
            Op::LoadFrame(0, MemTy::I8),
            Op::Const(1),
            Op::Bin(BinOp::Add, ArithTy::I32),
            Op::Norm(MemTy::I8),
            Op::StoreFrame(0, MemTy::I8),
            Op::LoadFrame(4, MemTy::I32),
            Op::Const(0),
            Op::Bin(BinOp::Div, ArithTy::I32),
            Op::StoreFrame(4, MemTy::I32),
            Op::Ret,
        ]);
        fuse(&mut f);
        assert!(f.ops.contains(&Op::Norm(MemTy::I8)), "{:?}", f.ops);
        // The division stays an operation that can fault, apart from the store.
        assert!(f.ops.contains(&Op::LocalOpK { slot: 4, m: MemTy::I32, op: BinOp::Div, ty: ArithTy::I32, k: 0 }), "{:?}", f.ops);
        assert!(f.ops.contains(&Op::StoreFrame(4, MemTy::I32)), "{:?}", f.ops);
        assert!(!f.ops.iter().any(|o| matches!(o, Op::FrameOpK { .. })), "{:?}", f.ops);
    }

    #[test]
    fn a_jump_to_a_vanished_conversion_lands_on_the_op_after_it() {
        let mut f = function(vec![Op::Jump(2), Op::Pop, Op::Norm(MemTy::I64), Op::Ret]);
        fuse(&mut f);
        assert_eq!(f.ops, vec![Op::Jump(2), Op::Pop, Op::Ret]);
    }

    #[test]
    fn an_element_of_a_global_array_indexed_by_a_local_is_one_op() {
        // primes[i] with int elements: base, index, scale, add, load.
        let mut f = function(vec![
            Op::Const(9 << 32),
            Op::LoadFrame(4, MemTy::I32),
            Op::Const(4),
            Op::Bin(BinOp::Mul, ArithTy::U64),
            Op::Bin(BinOp::Add, ArithTy::U64),
            Op::Load(MemTy::I32),
            Op::Ret,
        ]);
        fuse(&mut f);
        let elem = Op::ElemK { base: 9 << 32, slot: 4, m: MemTy::I32, scale: 4, load: Some(MemTy::I32) };
        assert_eq!(f.ops, vec![elem, Op::Ret]);
        assert_eq!(f.spans[0].lo, 5, "the load's span");
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
