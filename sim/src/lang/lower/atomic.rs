//! gcc's atomic builtins (`__atomic_*`, `__sync_*`), which `<stdatomic.h>`
//! maps its generic functions onto: each is type-generic over the object
//! its first argument points to, so the lowering, which knows that type,
//! turns it into one [`Op::Atomic`] of the object's width (or an
//! [`Op::Fence`]). The memory order must be a constant, as gcc takes it;
//! one that is not counts as `seq_cst`, as gcc does.

use super::Lower;
use crate::diag::{Code, Diagnostic};
use crate::ir::atomic::{Atomic, AtomicOp, Order};
use crate::ir::{MemTy, Op};
use crate::lang::ast::{Binary, Expr};
use crate::lang::types::{TypeId, TypeKind};
use crate::source::Span;

/// The shape of a builtin: its operation, whether it gives the new value,
/// and where its memory order is (`None`: always `seq_cst`, the `__sync`
/// family; `__sync_lock_*` take their own).
struct Shape {
    op: AtomicOp,
    new: bool,
    /// Arguments before the order (the operands, the address first).
    operands: usize,
    order: OrderArg,
}

enum OrderArg {
    /// The argument after the operands.
    Given,
    /// Fixed by the builtin.
    Fixed(Order),
}

fn shape(name: &str) -> Option<Shape> {
    use AtomicOp::*;
    let rmw = |s: &str| match s {
        "add" => Some(Add),
        "sub" => Some(Sub),
        "and" => Some(And),
        "or" => Some(Or),
        "xor" => Some(Xor),
        "nand" => Some(Nand),
        _ => None,
    };
    let given = |op, new, operands| Some(Shape { op, new, operands, order: OrderArg::Given });
    let full = |op, new, operands| Some(Shape { op, new, operands, order: OrderArg::Fixed(Order::SeqCst) });
    if let Some(rest) = name.strip_prefix("__atomic_fetch_") {
        return given(rmw(rest)?, false, 2);
    }
    if let Some(rest) = name.strip_prefix("__sync_fetch_and_") {
        return full(rmw(rest)?, false, 2);
    }
    if let Some(rest) = name.strip_prefix("__atomic_").and_then(|r| r.strip_suffix("_fetch")) {
        return given(rmw(rest)?, true, 2);
    }
    if let Some(rest) = name.strip_prefix("__sync_").and_then(|r| r.strip_suffix("_and_fetch")) {
        return full(rmw(rest)?, true, 2);
    }
    match name {
        "__atomic_load_n" => given(Load, false, 1),
        "__atomic_store_n" => given(Store, false, 2),
        "__atomic_exchange_n" => given(Swap, false, 2),
        "__atomic_compare_exchange_n" => given(CasPtr, false, 3),
        "__sync_val_compare_and_swap" => full(CasValue, false, 3),
        "__sync_bool_compare_and_swap" => full(CasBool, false, 3),
        "__sync_lock_test_and_set" => Some(Shape { op: Swap, new: false, operands: 2, order: OrderArg::Fixed(Order::Acquire) }),
        _ => None,
    }
}

impl Lower<'_> {
    /// Lowers a call of an atomic builtin, if `name` is one: its type.
    pub(super) fn atomic_builtin(&mut self, name: &str, args: &[Expr], span: Span) -> Option<TypeId> {
        match name {
            "__sync_synchronize" => return Some(self.fence(Order::SeqCst, args, 0, span)),
            "__atomic_thread_fence" => {
                let order = self.order_arg(args.first());
                return Some(self.fence(order, args, 1, span));
            }
            // A compiler barrier: nothing for a machine to order.
            "__atomic_signal_fence" => return Some(self.fence(Order::Relaxed, args, 1, span)),
            "__sync_lock_release" => return Some(self.lock_release(args, span)),
            "__atomic_test_and_set" | "__atomic_clear" => return Some(self.flag_op(name, args, span)),
            _ => {}
        }
        let shape = shape(name)?;
        let want = shape.operands + matches!(shape.order, OrderArg::Given) as usize + if shape.op == AtomicOp::CasPtr { 2 } else { 0 };
        if args.len() != want {
            return Some(self.wrong_count(name, args, want, span));
        }
        let Some(ty) = self.object(name, &args[0]) else { return Some(self.c.error) };
        let m = self.mem_ty(ty).unwrap_or(MemTy::I64);
        // The success order of a compare-exchange comes after its weak
        // flag.
        let at = shape.operands + (shape.op == AtomicOp::CasPtr) as usize;
        let order = match shape.order {
            OrderArg::Given => self.order_arg(args.get(at)),
            OrderArg::Fixed(o) => o,
        };
        for (k, a) in args[1..shape.operands].iter().enumerate() {
            let t = self.rvalue(a);
            // The expected value of `__atomic_compare_exchange_n` is a
            // pointer to the object's type.
            let to = if shape.op == AtomicOp::CasPtr && k == 0 { t } else { ty };
            self.assign_convert(t, to, a.span, &format!("argument {} of `{name}`", k + 2));
        }
        // The weak flag and the failure order of a compare-exchange: what
        // they say does not change what a step may do here.
        for (k, a) in args.iter().enumerate().skip(shape.operands) {
            if k != at {
                self.discard(a);
            }
        }
        self.emit_atomic(Atomic { op: shape.op, ty: m, order, new: shape.new }, span);
        Some(match shape.op {
            AtomicOp::Store => self.c.void,
            AtomicOp::CasBool | AtomicOp::CasPtr => self.c.bool_,
            _ => ty,
        })
    }

    /// `__sync_lock_release(p)`: a release store of 0.
    fn lock_release(&mut self, args: &[Expr], span: Span) -> TypeId {
        if args.len() != 1 {
            return self.wrong_count("__sync_lock_release", args, 1, span);
        }
        let Some(ty) = self.object("__sync_lock_release", &args[0]) else { return self.c.error };
        let m = self.mem_ty(ty).unwrap_or(MemTy::I64);
        self.emit(Op::Const(0));
        self.emit_atomic(Atomic { op: AtomicOp::Store, ty: m, order: Order::Release, new: false }, span);
        self.c.void
    }

    /// `__atomic_test_and_set(p, order)` (sets the byte at `p`, gives
    /// whether it was set) and `__atomic_clear(p, order)`.
    fn flag_op(&mut self, name: &str, args: &[Expr], span: Span) -> TypeId {
        if args.len() != 2 {
            return self.wrong_count(name, args, 2, span);
        }
        let t = self.rvalue(&args[0]);
        if !self.t.is_ptr(t) {
            self.error(Code::TypeMismatch, args[0].span, format!("argument 1 of `{name}` must be a pointer"));
        }
        let order = self.order_arg(args.get(1));
        let set = name == "__atomic_test_and_set";
        self.emit(Op::Const(set as u64));
        let op = if set { AtomicOp::Swap } else { AtomicOp::Store };
        self.emit_atomic(Atomic { op, ty: MemTy::U8, order, new: false }, span);
        if set {
            self.c.bool_
        } else {
            self.c.void
        }
    }

    fn fence(&mut self, order: Order, args: &[Expr], want: usize, span: Span) -> TypeId {
        if args.len() != want {
            let name = if want == 0 { "__sync_synchronize" } else { "__atomic_thread_fence" };
            return self.wrong_count(name, args, want, span);
        }
        let saved = self.f.span;
        self.f.span = span;
        self.emit(Op::Fence(order));
        self.f.span = saved;
        self.c.void
    }

    fn emit_atomic(&mut self, at: Atomic, span: Span) {
        let saved = self.f.span;
        self.f.span = span;
        self.emit(Op::Atomic(at));
        self.f.span = saved;
    }

    /// Lowers the address argument: the type of the object it points to
    /// (a scalar), or `None` after reporting why not.
    fn object(&mut self, name: &str, p: &Expr) -> Option<TypeId> {
        let t = self.rvalue(p);
        match self.t.pointee(t) {
            Some((to, _)) if self.t.is_scalar(to) && !matches!(self.t.kind(to), TypeKind::Void) => Some(self.t.unqual(to)),
            _ => {
                let msg = format!("argument 1 of `{name}` must point to an integer or pointer object, not be `{}`", self.t.name(t));
                self.error(Code::TypeMismatch, p.span, msg);
                None
            }
        }
    }

    /// The memory order an argument gives (a constant), or `seq_cst`.
    fn order_arg(&mut self, e: Option<&Expr>) -> Order {
        let Some(e) = e else { return Order::SeqCst };
        match self.const_int(e) {
            Some((v, _)) => Order::from_value(v as i64),
            None => {
                self.discard(e);
                Order::SeqCst
            }
        }
    }

    fn wrong_count(&mut self, name: &str, args: &[Expr], want: usize, span: Span) -> TypeId {
        let d = Diagnostic::error(Code::ArgCount, span, format!("`{name}` takes {want} arguments, given {}", args.len()));
        self.push(d);
        for a in args {
            self.discard(a);
        }
        self.emit(Op::Const(0));
        self.c.error
    }
}

/// `_Atomic` objects (`_Atomic int`, `atomic_int`): C makes every access
/// to one an atomic operation, `seq_cst`, as gcc compiles it (a load a
/// `mov`, a store an `xchg`, `++` and `+=` a locked instruction). Only a
/// shared object's accesses are steps: a local's stay plain.
impl Lower<'_> {
    /// Loads the atomic object at the address on the stack.
    pub(super) fn atomic_load(&mut self, m: MemTy) {
        self.emit(Op::Atomic(Atomic { op: AtomicOp::Load, ty: m, order: Order::SeqCst, new: false }));
    }

    /// Stores the value on the stack to the atomic object at the address
    /// under it, keeping the value if `keep`.
    pub(super) fn atomic_store(&mut self, m: MemTy, keep: bool) {
        if keep {
            self.emit(Op::DupX1);
        }
        self.emit(Op::Atomic(Atomic { op: AtomicOp::Store, ty: m, order: Order::SeqCst, new: false }));
    }

    /// `++`/`--` (by `step`) on the atomic object of type `ty` at the
    /// address on the stack: one fetch-and-add. Returns the type of its
    /// value.
    pub(super) fn atomic_incdec(&mut self, (ty, step): (TypeId, u64), add: bool, post: bool, keep: bool, span: Span) -> TypeId {
        let plain = self.t.unqual(ty);
        if !self.atomic_rmw_ok(plain, if add { "++" } else { "--" }, span) {
            self.emit(Op::Pop);
        } else {
            let m = self.mem_ty(plain).unwrap_or(MemTy::I64);
            self.emit(Op::Const(step));
            let op = if add { AtomicOp::Add } else { AtomicOp::Sub };
            self.emit(Op::Atomic(Atomic { op, ty: m, order: Order::SeqCst, new: !post }));
            if !keep {
                self.emit(Op::Pop);
            }
            return plain;
        }
        if keep {
            self.emit(Op::Const(0));
        }
        plain
    }

    /// `x op= r` on the atomic object (of type `ty`, written at `at`) at
    /// the address on the stack: one atomic read-modify-write for
    /// `+ - & | ^`. Returns the type of its value.
    pub(super) fn atomic_compound(&mut self, op: Binary, (ty, at): (TypeId, Span), r: &Expr, keep: bool, span: Span) -> TypeId {
        let plain = self.t.unqual(ty);
        let tr = self.rvalue(r);
        let rmw = match op {
            Binary::Add => Some(AtomicOp::Add),
            Binary::Sub => Some(AtomicOp::Sub),
            Binary::BitAnd => Some(AtomicOp::And),
            Binary::BitOr => Some(AtomicOp::Or),
            Binary::BitXor => Some(AtomicOp::Xor),
            _ => None,
        };
        let symbol = format!("{}=", super::expr::binary_symbol(op));
        let pointer = self.t.pointee(plain);
        // A floating operand, or a pointer's `&=`: no locked instruction.
        let rmw = rmw.filter(|op| !self.t.is_float(tr) && (pointer.is_none() || matches!(op, AtomicOp::Add | AtomicOp::Sub)));
        let ok = match rmw {
            Some(_) => self.atomic_rmw_ok(plain, &symbol, span),
            None => {
                self.refuse_atomic_rmw(plain, &symbol, span);
                false
            }
        };
        let Some(rmw) = rmw.filter(|_| ok) else {
            self.emit(Op::Pop);
            self.emit(Op::Pop);
            if keep {
                self.emit(Op::Const(0));
            }
            return plain;
        };
        match pointer {
            Some((to, _)) => {
                self.convert(tr, self.c.long);
                let size = self.element_size(to, span).unwrap_or(1);
                self.emit(Op::Const(size));
                self.emit(Op::Bin(crate::ir::BinOp::Mul, crate::ir::ArithTy::U64));
            }
            None => self.convert(tr, plain),
        }
        let m = self.mem_ty(plain).unwrap_or(MemTy::I64);
        self.emit_atomic(Atomic { op: rmw, ty: m, order: Order::SeqCst, new: true }, at);
        if !keep {
            self.emit(Op::Pop);
        }
        plain
    }

    /// Whether a read-modify-write of an atomic `plain` is one gcc makes
    /// a locked instruction (an integer or a pointer); reports it if not.
    fn atomic_rmw_ok(&mut self, plain: TypeId, symbol: &str, span: Span) -> bool {
        let ok = (self.t.is_integer(plain) && !matches!(self.t.kind(plain), TypeKind::Bool)) || self.t.is_ptr(plain);
        if !ok {
            self.refuse_atomic_rmw(plain, symbol, span);
        }
        ok
    }

    fn refuse_atomic_rmw(&mut self, plain: TypeId, symbol: &str, span: Span) {
        let msg = format!("`{symbol}` on an `_Atomic {}` is not supported: gcc makes it a compare-exchange loop", self.t.name(plain));
        let d = Diagnostic::error(Code::Unsupported, span, msg)
            .note("write the loop: `T old = atomic_load(&x); while (!atomic_compare_exchange_weak(&x, &old, f(old))) ;`");
        self.push(d);
    }
}
