//! Expressions: C's conversions, promotions and pointer arithmetic,
//! emitted as stack code. Every value on the stack is normalised for its
//! type, so the usual arithmetic conversions need no code: `Bin` reads
//! its operands in the arithmetic type it is given.

use super::{Lower, Sym};
use crate::diag::{Code, Diagnostic};
use crate::ir::f80::F80;
use crate::ir::{ArithTy, BinOp, FloatTy, LdUnOp, MemTy, Op};
use crate::lang::ast::{Binary, Designator, Expr, ExprKind, TypeName, Unary};
use crate::lang::types::{TypeId, TypeKind};
use crate::source::Span;

/// Where an lvalue lives once lowered.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Place {
    /// A frame slot (nothing pushed).
    Frame(u32),
    /// Its address has been pushed.
    Addr,
}

/// A lowered lvalue.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Lval {
    pub place: Place,
    pub ty: TypeId,
    pub is_const: bool,
    /// The lvalue expression: a store through it is attributed to it
    /// (traces name `s->in`, not the whole assignment).
    pub span: Span,
}

impl Lval {
    /// Where its accesses are attributed: the lvalue expression, else
    /// `or` (an lvalue made by the lowering has none).
    pub fn access_span(&self, or: Span) -> Span {
        if self.span != Span::default() {
            self.span
        } else {
            or
        }
    }
}

/// Library functions that are not in the subset, with what to do instead.
fn unsupported_call(name: &str) -> Option<(Code, &'static str)> {
    Some(match name {
        n if n.starts_with("pthread_") => {
            (Code::Threads, "threads are not supported: use fork() and processes, with semaphores or pipes to synchronise")
        }
        "thrd_create" | "clone" => (Code::Threads, "threads are not supported: use fork() and processes"),
        "atexit" | "on_exit" => (Code::UnknownLibcCall, "exit handlers are not supported: call the function before exit()"),
        "gets" => (Code::UnknownLibcCall, "gets was removed from C: use fgets(buf, size, stdin)"),
        "memchr" | "strrev" | "strlcpy" => {
            (Code::UnknownLibcCall, "not in the string.h subset: see LANGUAGE.md for the supported string functions")
        }
        "sqrt" | "pow" | "floor" | "ceil" | "fabs" | "round" | "exp" | "log" | "sin" | "cos" | "fmod" => {
            (Code::Undeclared, "declare it with #include <math.h> (and link with -lm natively)")
        }
        "vfork" | "posix_spawn" | "execvpe" => {
            (Code::UnknownLibcCall, "run other programs with fork() and an exec function (execlp, execvp, ...)")
        }
        "select" | "poll" | "epoll_wait" | "mkfifo" => {
            (Code::UnknownLibcCall, "not in the IPC subset: see LANGUAGE.md (pipes, shm, queues, semaphores, AF_UNIX sockets)")
        }
        "setitimer" => (Code::UnknownLibcCall, "use alarm(), or clock_gettime() on the virtual clock"),
        "arc4random" => (Code::UnknownLibcCall, "use rand() and srand()"),
        "__ipcsim_sigev_thread" => {
            (Code::Threads, "SIGEV_THREAD runs the notification in a new thread: threads are not supported; use SIGEV_SIGNAL")
        }
        "__ipcsim_scm_rights" => (
            Code::UnknownLibcCall,
            "passing descriptors over a socket (SCM_RIGHTS) is not supported: open the file in each process, or pass it by fork",
        ),
        "powl" | "expl" | "exp2l" | "expm1l" | "logl" | "log2l" | "log10l" | "log1pl" | "sinl" | "cosl" | "tanl" | "asinl" | "acosl"
        | "atanl" | "atan2l" | "sinhl" | "coshl" | "tanhl" | "asinhl" | "acoshl" | "atanhl" | "cbrtl" | "hypotl" | "floorl" | "ceill"
        | "roundl" | "truncl" | "rintl" | "nearbyintl" | "fmodl" | "remainderl" | "fminl" | "fmaxl" | "fdiml" | "fmal" | "ldexpl"
        | "frexpl" | "modfl" | "scalbnl" | "copysignl" | "nextafterl" | "lroundl" | "llroundl" | "lrintl" | "llrintl" | "ilogbl"
        | "logbl" | "erfl" | "erfcl" | "tgammal" | "lgammal" => (
            Code::FloatingPoint,
            "of <math.h>'s `long double` functions ipcsim has only fabsl and sqrtl: convert to double and call the double version",
        ),
        _ => return None,
    })
}

impl Lower<'_> {
    /// The memory type of a scalar type (`None` for aggregates).
    pub fn mem_ty(&self, t: TypeId) -> Option<MemTy> {
        match self.t.kind(t) {
            TypeKind::Bool => Some(MemTy::U8),
            TypeKind::Int { size: 1, signed } => Some(if *signed { MemTy::I8 } else { MemTy::U8 }),
            TypeKind::Int { size: 2, signed } => Some(if *signed { MemTy::I16 } else { MemTy::U16 }),
            TypeKind::Int { size: 4, signed } => Some(if *signed { MemTy::I32 } else { MemTy::U32 }),
            // A floating value is held as its bits (see `FloatTy`).
            TypeKind::Float { size: 4 } => Some(MemTy::F32),
            TypeKind::Float { size: 8 } => Some(MemTy::F64),
            // `long double` is held by address, as a struct is.
            TypeKind::Int { .. } | TypeKind::Ptr { .. } | TypeKind::Error => Some(MemTy::I64),
            _ => None,
        }
    }

    fn arith(&self, t: TypeId) -> ArithTy {
        match self.t.kind(t) {
            TypeKind::Int { size: 8, signed: true } => ArithTy::I64,
            TypeKind::Int { size: 8, signed: false } | TypeKind::Ptr { .. } => ArithTy::U64,
            TypeKind::Int { size: 4, signed: false } => ArithTy::U32,
            _ => ArithTy::I32,
        }
    }

    /// The floating type of `t`, if it is `float` or `double`.
    pub fn float_ty(&self, t: TypeId) -> Option<FloatTy> {
        match self.t.kind(t) {
            TypeKind::Float { size: 4 } => Some(FloatTy::F32),
            TypeKind::Float { size: 8 } => Some(FloatTy::F64),
            _ => None,
        }
    }

    /// True for `long double`, whose value is the address of its 16
    /// bytes (see [`Op::LdBin`]): a frame temporary, a variable, or a
    /// constant in read-only memory.
    pub fn is_ld(&self, t: TypeId) -> bool {
        matches!(self.t.kind(t), TypeKind::Float { size: 16 })
    }

    /// True for the types whose values are their addresses: structs,
    /// unions and `long double` (copied with [`Op::Copy`], returned
    /// through a slot the caller passes).
    pub fn by_address(&self, t: TypeId) -> bool {
        matches!(self.t.kind(t), TypeKind::Record(_)) || self.is_ld(t)
    }

    /// A frame temporary for a `long double` result.
    pub fn ld_temp(&mut self) -> u32 {
        self.alloc_bytes(16, 16)
    }

    /// Pushes the address of a `long double` constant (16 bytes in a
    /// read-only region of its own).
    pub fn ld_const(&mut self, v: F80) {
        let b = v.to_bytes16();
        let a = match self.ld_consts.get(&b) {
            Some(&a) => a,
            None => {
                if self.ld_pool == 0 {
                    let char_ = self.c.char_;
                    self.ld_pool = self.new_global("long double constants", Vec::new(), false, char_);
                }
                let pool = self.ld_pool;
                let img = self.global_mut(pool);
                let off = img.bytes.len() as u64;
                img.bytes.extend_from_slice(&b);
                let a = ((pool as u64) << 32) | off;
                self.ld_consts.insert(b, a);
                a
            }
        };
        self.emit(Op::Const(a));
    }

    /// `_Atomic long double` (gcc needs libatomic's 16-byte routines).
    fn refuse_atomic_ld(&mut self, t: TypeId, span: Span) {
        if self.t.is_atomic(t) {
            self.error(Code::Unsupported, span, "`_Atomic long double` is not supported: guard it with a mutex or a semaphore");
        }
    }

    /// The `long double` at the address on top copied into a temporary
    /// (an object's value as of now: later stores to it do not change it;
    /// in shared memory the copy is the visible access).
    fn ld_snapshot(&mut self) {
        let tmp = self.ld_temp();
        self.emit(Op::Frame(tmp));
        self.emit_swap();
        self.emit(Op::Copy(16));
    }

    /// The integer type a floating value converts through on its way to
    /// `t` (narrower ones take an `int` conversion, then their `Norm`).
    fn float_target(&self, t: TypeId) -> ArithTy {
        match self.t.kind(t) {
            TypeKind::Int { size: 8, signed: true } => ArithTy::I64,
            TypeKind::Int { size: 8, signed: false } => ArithTy::U64,
            TypeKind::Int { size: 4, signed: false } => ArithTy::U32,
            _ => ArithTy::I32,
        }
    }

    /// Turns the scalar of type `t` on top into a truth value that the
    /// integer jumps can test: a floating one compares unequal to zero
    /// (so `-0.0` is false and NaN true, as in C).
    pub fn truth(&mut self, t: TypeId) {
        if self.is_ld(t) {
            self.ld_const(F80::ZERO);
            self.emit(Op::LdBin(BinOp::Ne, 0));
            return;
        }
        if let Some(f) = self.float_ty(t) {
            self.emit(Op::Const(0));
            self.emit(Op::FBin(BinOp::Ne, f));
        }
    }

    /// Integer promotion.
    pub fn promote(&self, t: TypeId) -> TypeId {
        match self.t.kind(t) {
            TypeKind::Bool | TypeKind::Int { size: 1 | 2, .. } => self.c.int,
            _ => t,
        }
    }

    /// The usual arithmetic conversions.
    fn usual(&mut self, a: TypeId, b: TypeId) -> TypeId {
        if self.is_ld(a) || self.is_ld(b) {
            return self.c.ldouble;
        }
        match (self.float_ty(a), self.float_ty(b)) {
            (Some(FloatTy::F64), _) | (_, Some(FloatTy::F64)) => return self.c.double,
            (Some(_), _) | (_, Some(_)) => return self.c.float,
            _ => {}
        }
        let (a, b) = (self.promote(a), self.promote(b));
        let (TypeKind::Int { size: sa, signed: ga }, TypeKind::Int { size: sb, signed: gb }) =
            (self.t.kind(a).clone(), self.t.kind(b).clone())
        else {
            return a;
        };
        if ga == gb {
            return if sa >= sb { a } else { b };
        }
        // Signed vs unsigned: the unsigned one wins unless the signed one
        // is wider (`long` vs `unsigned int`).
        let (us, ss, ut, st) = if ga { (sb, sa, b, a) } else { (sa, sb, a, b) };
        if us >= ss {
            ut
        } else {
            st
        }
    }

    fn expect_integer(&mut self, t: TypeId, span: Span, what: &str) {
        if !self.t.is_integer(t) {
            let d = Diagnostic::error(
                Code::TypeMismatch,
                span,
                format!("{what} needs an integer operand, but this has type `{}`", self.t.name(t)),
            );
            self.push(d);
        }
    }

    fn expect_scalar(&mut self, t: TypeId, span: Span, what: &str) {
        if !self.t.is_scalar(t) {
            let d = Diagnostic::error(
                Code::TypeMismatch,
                span,
                format!("{what} needs a number or a pointer, but this has type `{}`", self.t.name(t)),
            );
            self.push(d);
        }
    }

    /// Emits the conversion of the value on top from `from` to `to`.
    pub fn convert(&mut self, from: TypeId, to: TypeId) {
        if from == to {
            return;
        }
        if matches!(self.t.kind(to), TypeKind::Bool) {
            self.truth(from);
            self.emit(Op::ToBool);
            return;
        }
        match (self.is_ld(from), self.is_ld(to)) {
            (true, true) => return,
            (true, false) => {
                if let Some(f) = self.float_ty(to) {
                    self.emit(Op::LdToFloat(f));
                } else {
                    let via = self.float_target(to);
                    self.emit(Op::LdToInt(via));
                    if let Some(m @ (MemTy::I8 | MemTy::U8 | MemTy::I16 | MemTy::U16)) = self.mem_ty(to) {
                        self.emit(Op::Norm(m));
                    }
                }
                return;
            }
            (false, true) => {
                let tmp = self.ld_temp();
                if let Some(f) = self.float_ty(from) {
                    self.emit(Op::FloatToLd(f, tmp));
                } else {
                    let a = self.arith(self.promote(from));
                    self.emit(Op::IntToLd(a, tmp));
                }
                return;
            }
            (false, false) => {}
        }
        match (self.float_ty(from), self.float_ty(to)) {
            (Some(_), Some(b)) => {
                self.emit(Op::FloatToFloat(b));
                return;
            }
            (Some(a), None) => {
                let via = self.float_target(to);
                self.emit(Op::FloatToInt(a, via));
                if let Some(m @ (MemTy::I8 | MemTy::U8 | MemTy::I16 | MemTy::U16)) = self.mem_ty(to) {
                    self.emit(Op::Norm(m));
                }
                return;
            }
            (None, Some(b)) => {
                let a = self.arith(self.promote(from));
                self.emit(Op::IntToFloat(a, b));
                return;
            }
            (None, None) => {}
        }
        match (self.mem_ty(from), self.mem_ty(to)) {
            (Some(a), Some(b)) if a != b && b != MemTy::I64 => {
                self.emit(Op::Norm(b));
            }
            _ => {}
        }
    }

    /// True when C forbids converting between the two scalars (a
    /// pointer and a floating value).
    pub(crate) fn float_pointer_mix(&self, a: TypeId, b: TypeId) -> bool {
        (self.t.is_float(a) && self.t.is_ptr(b)) || (self.t.is_ptr(a) && self.t.is_float(b))
    }

    /// Converts for assignment, argument passing or return, checking
    /// that the types are compatible.
    pub fn assign_convert(&mut self, from: TypeId, to: TypeId, span: Span, what: &str) {
        let ok = match (self.t.kind(from), self.t.kind(to)) {
            (TypeKind::Error, _) | (_, TypeKind::Error) => return,
            _ if self.float_pointer_mix(from, to) => false,
            (_, TypeKind::Void) => true,
            (TypeKind::Void, _) => false,
            (TypeKind::Record(a), TypeKind::Record(b)) => a == b,
            (TypeKind::Record(_), _) | (_, TypeKind::Record(_)) => false,
            _ => self.t.is_scalar(from) && self.t.is_scalar(to),
        };
        if !ok {
            let d = Diagnostic::error(
                Code::TypeMismatch,
                span,
                format!("{what}: cannot convert `{}` to `{}`", self.t.name(from), self.t.name(to)),
            );
            self.push(d);
            return;
        }
        self.convert(from, to);
    }

    /// Lowers a type name (casts, `sizeof`).
    pub fn type_name(&mut self, tn: &TypeName) -> TypeId {
        let base = self.base_type(&tn.specs);
        let c = self.specs_const(&tn.specs);
        self.apply_declarator_q(base, c, &tn.decl).0
    }

    /// Lowers `e` in a scratch buffer and returns its type, emitting
    /// nothing (for `sizeof`).
    pub fn type_of(&mut self, e: &Expr, decay: bool) -> TypeId {
        let len = self.f.code.len();
        let lvalue_like = matches!(
            e.kind,
            ExprKind::Ident(_)
                | ExprKind::Index(..)
                | ExprKind::Member(..)
                | ExprKind::Unary(Unary::Deref, _)
                | ExprKind::CompoundLiteral(..)
        );
        let t = if !decay && lvalue_like {
            self.lvalue(e).map_or(self.c.int, |lv| lv.ty)
        } else if let (false, ExprKind::Str(s)) = (decay, &e.kind) {
            self.t.array(self.c.char_, Some(s.len() as u64 + 1))
        } else {
            self.rvalue(e)
        };
        self.f.code.truncate(len);
        self.f.spans.truncate(len);
        t
    }

    /// Like [`Lower::type_of`], reporting nothing: for a look ahead at an
    /// expression that will be lowered (and reported) for real afterwards.
    pub fn type_of_quiet(&mut self, e: &Expr, decay: bool) -> TypeId {
        let errors = self.diags.list.len();
        let t = self.type_of(e, decay);
        self.diags.list.truncate(errors);
        t
    }

    /// Pushes the value of `e`; arrays decay to pointers, structs are
    /// represented by their address. Returns the type.
    pub fn rvalue(&mut self, e: &Expr) -> TypeId {
        let saved = self.f.span;
        self.f.span = e.span;
        let t = self.rvalue_inner(e);
        self.f.span = saved;
        t
    }

    fn rvalue_inner(&mut self, e: &Expr) -> TypeId {
        match &e.kind {
            ExprKind::Int { value, unsigned, long, decimal } => {
                let t = self.int_literal_type(*value, *unsigned, *long, *decimal);
                let v = self.mem_ty(t).map_or(*value, |m| m.norm(*value));
                self.emit(Op::Const(v));
                t
            }
            ExprKind::Float { bits, ext: Some(se), .. } => {
                self.ld_const(F80 { se: *se, m: *bits });
                self.c.ldouble
            }
            ExprKind::Float { bits, single, .. } => {
                self.emit(Op::Const(*bits));
                if *single {
                    self.c.float
                } else {
                    self.c.double
                }
            }
            ExprKind::Char(c) => {
                self.emit(Op::Const(*c as u64));
                self.c.int
            }
            ExprKind::Str(s) => {
                let a = self.string_addr(s);
                self.emit(Op::Const(a));
                self.c.char_ptr
            }
            ExprKind::Ident(name) if &**name == "__func__" && self.lookup(name).is_none() => {
                let n = self.f.name.clone();
                let a = self.string_addr(n.as_bytes());
                self.emit(Op::Const(a));
                self.c.char_ptr
            }
            ExprKind::Ident(name) => match self.lookup(name) {
                Some(Sym::Enum(v)) => {
                    self.emit(Op::Const(v as i32 as i64 as u64));
                    self.c.int
                }
                Some(Sym::Func(id)) => self.func_addr(id, e.span),
                _ => match self.lvalue(e) {
                    Some(lv) => self.load(lv, e.span),
                    None => {
                        self.emit(Op::Const(0));
                        self.c.error
                    }
                },
            },
            ExprKind::Unary(op, x) => self.unary(*op, x, e.span),
            ExprKind::Binary(op, a, b) => self.binary(*op, a, b, e.span),
            ExprKind::Assign(op, l, r) => self.assign(*op, l, r, true, e.span),
            ExprKind::Cond(c, a, b) => self.conditional(c, a, b, e.span),
            ExprKind::Call(f, args) => self.call(f, args, e.span),
            ExprKind::Index(..) | ExprKind::Member(..) | ExprKind::CompoundLiteral(..) => match self.lvalue(e) {
                Some(lv) => self.load(lv, e.span),
                None => {
                    self.emit(Op::Const(0));
                    self.c.error
                }
            },
            ExprKind::Cast(tn, x) => {
                let to = self.type_name(tn);
                let from = self.rvalue(x);
                if matches!(self.t.kind(to), TypeKind::Void) {
                    if !matches!(self.t.kind(from), TypeKind::Void) {
                        self.emit(Op::Pop);
                    }
                    return to;
                }
                if !self.t.is_scalar(to) || !self.t.is_scalar(from) || self.float_pointer_mix(from, to) {
                    let d = Diagnostic::error(
                        Code::TypeMismatch,
                        e.span,
                        format!("cannot cast `{}` to `{}`", self.t.name(from), self.t.name(to)),
                    );
                    self.push(d);
                    return to;
                }
                self.convert(from, to);
                to
            }
            ExprKind::VaArg(ap, tn) => {
                let t = self.type_name(tn);
                let helper = if self.is_ld(t) {
                    "__ipcsim_va_ldouble"
                } else if self.t.is_float(t) {
                    "__ipcsim_va_double"
                } else if self.t.is_scalar(t) {
                    "__ipcsim_va_int"
                } else {
                    self.error(
                        Code::Unsupported,
                        e.span,
                        format!("`va_arg` of type `{}` is not supported: pass a pointer to it", self.t.name(t)),
                    );
                    self.emit(Op::Const(0));
                    return t;
                };
                let f = Expr { kind: ExprKind::Ident(helper.into()), span: e.span, height: 1 };
                let from = self.call(&f, std::slice::from_ref(&**ap), e.span);
                self.convert(from, t);
                t
            }
            ExprKind::SizeofType(tn) => {
                let t = self.type_name(tn);
                let size = match self.t.kind(t) {
                    TypeKind::Void => Some(1),
                    _ => self.t.size(t),
                };
                self.sized(size, t, e.span)
            }
            ExprKind::SizeofExpr(x) => {
                if let Some(size) = self.vla_size_slot(x).or_else(|| self.row_size_slot(x)) {
                    self.emit(Op::LoadFrame(size, MemTy::I64));
                    return self.c.ulong;
                }
                let t = self.type_of(x, false);
                let size = self.t.size(t);
                self.sized(size, t, e.span)
            }
            ExprKind::AlignofType(tn) => {
                let t = self.type_name(tn);
                let a = self.t.align(t);
                self.emit(Op::Const(a));
                self.c.ulong
            }
            ExprKind::Offsetof(tn, path) => {
                let t = self.type_name(tn);
                let off = self.offsetof(t, path, e.span);
                self.emit(Op::Const(off));
                self.c.ulong
            }
            ExprKind::Error => {
                self.emit(Op::Const(0));
                self.c.error
            }
        }
    }

    /// The frame slot of a variable-length array's size, for `sizeof a`
    /// and `sizeof(a)`.
    fn vla_size_slot(&self, x: &Expr) -> Option<u32> {
        let ExprKind::Ident(n) = &x.kind else { return None };
        match self.lookup(n) {
            Some(Sym::Vla { size, .. }) | Some(Sym::Rows { size: Some(size), .. }) => Some(size),
            _ => None,
        }
    }

    /// The frame slot of a row's size, for `sizeof a[i]` of a `T a[n][m]`.
    fn row_size_slot(&self, x: &Expr) -> Option<u32> {
        let ExprKind::Index(a, _) = &x.kind else { return None };
        let ExprKind::Ident(n) = &a.kind else { return None };
        match self.lookup(n) {
            Some(Sym::Rows { row, .. }) => Some(row),
            _ => None,
        }
    }

    /// `a[i]` of a `T a[n][m]`: the row's address, as a `T[]`.
    fn row_of(&mut self, ptr: u32, row: u32, elem: TypeId, i: &Expr) -> Option<Lval> {
        self.emit(Op::LoadFrame(ptr, MemTy::I64));
        let ti = self.rvalue(i);
        self.expect_integer(ti, i.span, "an array subscript");
        self.convert(ti, self.c.long);
        self.emit(Op::LoadFrame(row, MemTy::I64));
        self.emit(Op::Bin(BinOp::Mul, ArithTy::U64));
        self.emit(Op::Bin(BinOp::Add, ArithTy::U64));
        let ty = self.t.array(elem, None);
        Some(Lval { place: Place::Addr, ty, is_const: false, span: Span::default() })
    }

    fn sized(&mut self, size: Option<u64>, t: TypeId, span: Span) -> TypeId {
        if size.is_none() {
            self.error(Code::Incomplete, span, format!("`sizeof` of incomplete type `{}`", self.t.name(t)));
        }
        self.emit(Op::Const(size.unwrap_or(0)));
        self.c.ulong
    }

    fn offsetof(&mut self, mut t: TypeId, path: &[Designator], span: Span) -> u64 {
        let mut off = 0;
        for d in path {
            match (d, self.t.kind(t).clone()) {
                (Designator::Field(n), TypeKind::Record(r)) => match self.t.field(r, &n.name) {
                    Some(f) => {
                        off += f.offset;
                        t = f.ty;
                    }
                    None => {
                        self.error(Code::NoMember, n.span, format!("`{}` has no member named `{}`", self.t.name(t), n.name));
                        return 0;
                    }
                },
                (Designator::Index(i), TypeKind::Array { of, .. }) => {
                    let k = self.const_int(i).map_or(0, |v| v.0);
                    off = off.wrapping_add(k.wrapping_mul(self.t.size(of).unwrap_or(0)));
                    t = of;
                }
                _ => {
                    self.error(Code::TypeMismatch, span, "invalid member path in `offsetof`");
                    return 0;
                }
            }
        }
        off
    }

    fn int_literal_type(&mut self, v: u64, unsigned: bool, long: bool, decimal: bool) -> TypeId {
        let c = self.c;
        let fits_int = v <= i32::MAX as u64;
        let fits_uint = v <= u32::MAX as u64;
        let fits_long = v <= i64::MAX as u64;
        match (unsigned, long) {
            (false, false) if fits_int => c.int,
            (false, false) if !decimal && fits_uint => c.uint,
            (false, _) if fits_long => c.long,
            (true, false) if fits_uint => c.uint,
            _ => c.ulong,
        }
    }

    /// Pushes the value of an lvalue (aggregates: their address).
    pub fn load(&mut self, lv: Lval, span: Span) -> TypeId {
        match self.t.kind(lv.ty).clone() {
            TypeKind::Array { of, .. } => {
                if let Place::Frame(off) = lv.place {
                    self.emit(Op::Frame(off));
                }
                self.t.ptr(of, lv.is_const)
            }
            TypeKind::Record(_) => {
                if let Place::Frame(off) = lv.place {
                    self.emit(Op::Frame(off));
                }
                lv.ty
            }
            TypeKind::Float { size: 16 } => {
                self.refuse_atomic_ld(lv.ty, span);
                match lv.place {
                    Place::Frame(off) => {
                        self.emit(Op::Frame(off));
                    }
                    Place::Addr => {
                        let saved = self.f.span;
                        self.f.span = lv.access_span(saved);
                        self.ld_snapshot();
                        self.f.span = saved;
                    }
                }
                self.t.unqual(lv.ty)
            }
            TypeKind::Void | TypeKind::Func { .. } => {
                self.error(Code::TypeMismatch, span, format!("cannot use a value of type `{}`", self.t.name(lv.ty)));
                if matches!(lv.place, Place::Frame(_)) {
                    self.emit(Op::Const(0));
                }
                self.c.int
            }
            _ => {
                let m = self.mem_ty(lv.ty).expect("scalar");
                match lv.place {
                    Place::Frame(off) => {
                        self.emit(Op::LoadFrame(off, m));
                    }
                    Place::Addr if self.t.is_atomic(lv.ty) => self.atomic_load(m),
                    Place::Addr => {
                        self.emit(Op::Load(m));
                    }
                }
                self.t.unqual(lv.ty)
            }
        }
    }

    fn store(&mut self, lv: Lval, keep: bool) {
        let m = self.mem_ty(lv.ty).unwrap_or(MemTy::I64);
        let saved = self.f.span;
        self.f.span = lv.access_span(saved);
        match lv.place {
            Place::Addr if self.t.is_atomic(lv.ty) => self.atomic_store(m, keep),
            place => self.store_op(place, keep, m),
        }
        self.f.span = saved;
    }

    fn store_op(&mut self, place: Place, keep: bool, m: MemTy) {
        match (place, keep) {
            (Place::Frame(off), keep) => {
                if keep {
                    self.emit(Op::Dup);
                }
                self.emit(Op::StoreFrame(off, m));
            }
            (Place::Addr, true) => {
                self.emit(Op::StoreKeep(m));
            }
            (Place::Addr, false) => {
                self.emit(Op::Store(m));
            }
        }
    }

    /// Lowers an lvalue: pushes its address unless it is a frame slot.
    pub fn lvalue(&mut self, e: &Expr) -> Option<Lval> {
        let saved = self.f.span;
        self.f.span = e.span;
        let r = self.lvalue_inner(e).map(|lv| Lval { span: e.span, ..lv });
        self.f.span = saved;
        r
    }

    fn lvalue_inner(&mut self, e: &Expr) -> Option<Lval> {
        match &e.kind {
            ExprKind::CompoundLiteral(tn, init) => {
                if self.f.name.is_empty() {
                    self.error(Code::Unsupported, e.span, "a compound literal at file scope is not supported: declare a variable");
                    return None;
                }
                let ty = self.type_name(tn);
                let ty = self.complete_array_from_init(ty, init);
                if self.t.size(ty).is_none() {
                    self.error(Code::Incomplete, e.span, format!("compound literal of incomplete type `{}`", self.t.name(ty)));
                    return None;
                }
                let off = self.alloc_slot(ty);
                self.init_local(off, ty, init);
                Some(Lval { place: Place::Frame(off), ty, is_const: false, span: Span::default() })
            }
            ExprKind::Ident(name) => match self.lookup(name) {
                Some(Sym::Local { off, ty, is_const }) => Some(Lval { place: Place::Frame(off), ty, is_const, span: Span::default() }),
                Some(Sym::Vla { ptr, elem, .. }) | Some(Sym::Rows { ptr, elem, size: Some(_), .. }) => {
                    self.emit(Op::LoadFrame(ptr, MemTy::I64));
                    let ty = self.t.array(elem, None);
                    Some(Lval { place: Place::Addr, ty, is_const: false, span: Span::default() })
                }
                // A parameter `T a[n][m]` is a pointer variable.
                Some(Sym::Rows { ptr, elem, size: None, .. }) => {
                    let ty = self.t.ptr(elem, false);
                    Some(Lval { place: Place::Frame(ptr), ty, is_const: false, span: Span::default() })
                }
                Some(Sym::Global { region, ty, is_const }) => {
                    self.emit(Op::Const((region as u64) << 32));
                    Some(Lval { place: Place::Addr, ty, is_const, span: Span::default() })
                }
                Some(_) => {
                    self.error(Code::NotLvalue, e.span, format!("`{name}` is not a variable"));
                    None
                }
                None if &**name == super::decl::VA_AREA => {
                    // `va_start` expands to a read of the hidden parameter.
                    self.error(Code::BadStatement, e.span, "`va_start` used in a function with fixed arguments (no `...`)");
                    None
                }
                None => {
                    self.error(Code::Undeclared, e.span, format!("`{name}` is not declared"));
                    None
                }
            },
            ExprKind::Unary(Unary::Deref, p) => self.deref(p, e.span),
            ExprKind::Index(a, i) => {
                if let ExprKind::Ident(n) = &a.kind {
                    if let Some(Sym::Rows { ptr, row, elem, .. }) = self.lookup(n) {
                        return self.row_of(ptr, row, elem, i);
                    }
                }
                let ta = self.rvalue(a);
                let ti = self.rvalue(i);
                let (pt, it) = if self.t.is_ptr(ta) {
                    (ta, ti)
                } else if self.t.is_ptr(ti) {
                    self.emit_swap();
                    (ti, ta)
                } else {
                    self.error(
                        Code::TypeMismatch,
                        e.span,
                        format!("subscripted value of type `{}` is neither an array nor a pointer", self.t.name(ta)),
                    );
                    return None;
                };
                self.expect_integer(it, i.span, "an array subscript");
                let (elem, is_const) = self.t.pointee(pt).expect("pointer");
                self.scale_and_add(elem, BinOp::Add, e.span);
                Some(Lval { place: Place::Addr, ty: elem, is_const, span: Span::default() })
            }
            ExprKind::Member(s, m, arrow) => {
                let (rec_ty, place, is_const) = if *arrow {
                    let t = self.rvalue(s);
                    match self.t.pointee(t) {
                        Some((to, c)) => (to, Place::Addr, c),
                        None => {
                            self.error(
                                Code::TypeMismatch,
                                e.span,
                                format!("`->` needs a pointer to a struct, but this has type `{}`", self.t.name(t)),
                            );
                            return None;
                        }
                    }
                } else {
                    match self.lvalue_or_temp(s) {
                        Some(lv) => (lv.ty, lv.place, lv.is_const),
                        None => return None,
                    }
                };
                let TypeKind::Record(r) = self.t.kind(rec_ty).clone() else {
                    self.error(
                        Code::TypeMismatch,
                        e.span,
                        format!("member `{}` of something that is not a struct or union (type `{}`)", m.name, self.t.name(rec_ty)),
                    );
                    return None;
                };
                if self.t.records[r as usize].fields.is_none() {
                    self.error(
                        Code::Incomplete,
                        e.span,
                        format!("`{}` is incomplete: its members are not known here", self.t.name(rec_ty)),
                    );
                    return None;
                }
                let Some(f) = self.t.field(r, &m.name).cloned() else {
                    self.error(Code::NoMember, m.span, format!("`{}` has no member named `{}`", self.t.name(rec_ty), m.name));
                    return None;
                };
                let place = match place {
                    Place::Frame(off) => Place::Frame(off + f.offset as u32),
                    Place::Addr => {
                        if f.offset != 0 {
                            self.emit(Op::Const(f.offset));
                            self.emit(Op::Bin(BinOp::Add, ArithTy::U64));
                        }
                        Place::Addr
                    }
                };
                Some(Lval { place, ty: f.ty, is_const: is_const || f.is_const, span: Span::default() })
            }
            ExprKind::Str(s) => {
                let a = self.string_addr(s);
                self.emit(Op::Const(a));
                let ty = self.t.array(self.c.char_, Some(s.len() as u64 + 1));
                Some(Lval { place: Place::Addr, ty, is_const: true, span: Span::default() })
            }
            _ => {
                self.error(Code::NotLvalue, e.span, "this expression is not assignable (not an lvalue)");
                None
            }
        }
    }

    /// `*p` as an lvalue.
    fn deref(&mut self, p: &Expr, span: Span) -> Option<Lval> {
        let t = self.rvalue(p);
        if t == self.c.error {
            return None;
        }
        match self.t.pointee(t) {
            Some((to, is_const)) => {
                if matches!(self.t.kind(to), TypeKind::Void) {
                    self.error(Code::TypeMismatch, span, "dereferencing a `void *`: cast it to a pointer to the type stored there");
                    return None;
                }
                Some(Lval { place: Place::Addr, ty: to, is_const, span: Span::default() })
            }
            None => {
                self.error(
                    Code::TypeMismatch,
                    span,
                    format!("cannot dereference a value of type `{}`: it is not a pointer", self.t.name(t)),
                );
                None
            }
        }
    }

    /// A struct-valued expression: an lvalue, or a call's temporary.
    fn lvalue_or_temp(&mut self, s: &Expr) -> Option<Lval> {
        if matches!(s.kind, ExprKind::Call(..) | ExprKind::Assign(..) | ExprKind::Cond(..) | ExprKind::Binary(Binary::Comma, ..)) {
            let ty = self.rvalue(s);
            return Some(Lval { place: Place::Addr, ty, is_const: false, span: Span::default() });
        }
        self.lvalue(s)
    }

    fn emit_swap(&mut self) {
        // a b -> b a: DupX1 gives b a b, then drop the top b.
        self.emit(Op::DupX1);
        self.emit(Op::Pop);
    }

    /// `ptr ± int` with the int on top: scales it by the element size.
    fn scale_and_add(&mut self, elem: TypeId, op: BinOp, span: Span) {
        let Some(size) = self.element_size(elem, span) else { return };
        if size != 1 {
            self.emit(Op::Const(size));
            self.emit(Op::Bin(BinOp::Mul, ArithTy::U64));
        }
        self.emit(Op::Bin(op, ArithTy::U64));
    }

    /// The step of pointer arithmetic over `elem`s (1 over `void`, as
    /// gcc takes it); `None`, reported, for an incomplete type.
    pub(super) fn element_size(&mut self, elem: TypeId, span: Span) -> Option<u64> {
        let size = match self.t.kind(elem) {
            TypeKind::Void => Some(1),
            _ => self.t.size(elem),
        };
        if size.is_none() {
            self.error(Code::Incomplete, span, format!("pointer arithmetic on a pointer to incomplete type `{}`", self.t.name(elem)));
        }
        size
    }

    fn unary(&mut self, op: Unary, x: &Expr, span: Span) -> TypeId {
        match op {
            Unary::Neg | Unary::Plus | Unary::BitNot => {
                let t = self.rvalue(x);
                if let (true, Unary::Neg | Unary::Plus) = (self.is_ld(t), op) {
                    if op == Unary::Neg {
                        let tmp = self.ld_temp();
                        self.emit(Op::LdUn(LdUnOp::Neg, tmp));
                    }
                    return t;
                }
                if let (Some(f), Unary::Neg | Unary::Plus) = (self.float_ty(t), op) {
                    if op == Unary::Neg {
                        self.emit(Op::FNeg(f));
                    }
                    return t;
                }
                self.expect_integer(t, x.span, "a unary arithmetic operator");
                let p = self.promote(t);
                let a = self.arith(p);
                match op {
                    Unary::Neg => self.emit(Op::Neg(a)),
                    Unary::BitNot => self.emit(Op::BitNot(a)),
                    _ => 0,
                };
                p
            }
            Unary::Not => {
                let t = self.rvalue(x);
                self.expect_scalar(t, x.span, "`!`");
                self.truth(t);
                self.emit(Op::Not);
                self.c.int
            }
            Unary::Deref => match self.deref(x, span) {
                // `*fp` designates the function, which decays back to
                // the pointer already on the stack.
                Some(lv) if matches!(self.t.kind(lv.ty), TypeKind::Func { .. }) => self.t.ptr(lv.ty, false),
                Some(lv) => self.load(lv, span),
                None => {
                    self.emit(Op::Const(0));
                    self.c.int
                }
            },
            Unary::Addr => {
                if let ExprKind::Ident(n) = &x.kind {
                    if let Some(Sym::Func(id)) = self.lookup(n) {
                        return self.func_addr(id, span);
                    }
                }
                match self.lvalue(x) {
                    Some(lv) => {
                        if let Place::Frame(off) = lv.place {
                            self.emit(Op::Frame(off));
                        }
                        self.t.ptr(lv.ty, lv.is_const)
                    }
                    None => {
                        self.emit(Op::Const(0));
                        self.c.void_ptr
                    }
                }
            }
            Unary::PreInc | Unary::PreDec | Unary::PostInc | Unary::PostDec => self.incdec(op, x, true, span),
        }
    }

    /// `++`/`--`; `keep` pushes the expression's value.
    pub fn incdec(&mut self, op: Unary, x: &Expr, keep: bool, span: Span) -> TypeId {
        let Some(lv) = self.lvalue(x) else {
            if keep {
                self.emit(Op::Const(0));
            }
            return self.c.int;
        };
        let _ = self.check_writable(&lv, x, span);
        let step = match self.t.pointee(lv.ty) {
            Some((to, _)) => self.element_size(to, span).unwrap_or(1),
            None => 1,
        };
        if !self.t.is_scalar(lv.ty) {
            self.error(Code::TypeMismatch, span, format!("`++`/`--` needs a number or a pointer, not `{}`", self.t.name(lv.ty)));
            return lv.ty;
        }
        let post = matches!(op, Unary::PostInc | Unary::PostDec);
        let bop = if matches!(op, Unary::PreInc | Unary::PostInc) { BinOp::Add } else { BinOp::Sub };
        if let (Place::Addr, true) = (lv.place, self.t.is_atomic(lv.ty)) {
            let saved = self.f.span;
            self.f.span = lv.access_span(span);
            let t = self.atomic_incdec((lv.ty, step), bop == BinOp::Add, post, keep, span);
            self.f.span = saved;
            return t;
        }
        if self.is_ld(lv.ty) {
            self.refuse_atomic_ld(lv.ty, span);
            // The object's address; its value snapshotted; one added.
            let saved = self.f.span;
            self.f.span = lv.access_span(saved);
            if let Place::Frame(off) = lv.place {
                self.emit(Op::Frame(off));
            }
            self.emit(Op::Dup);
            self.ld_snapshot();
            let tmp = self.ld_temp();
            if post && keep {
                self.emit(Op::DupX1);
            }
            self.ld_const(F80::from_u64(1));
            self.emit(Op::LdBin(bop, tmp));
            self.emit(Op::Copy(16));
            if post || !keep {
                self.emit(Op::Pop);
            }
            self.f.span = saved;
            return self.t.unqual(lv.ty);
        }
        let m = self.mem_ty(lv.ty).expect("scalar");
        let a = self.arith(self.promote(lv.ty));
        let is_bool = matches!(self.t.kind(lv.ty), TypeKind::Bool);
        let fl = self.float_ty(lv.ty);
        let step_ops = |l: &mut Self| {
            if let Some(f) = fl {
                l.emit(Op::Const(crate::ir::float::bits(f, 1.0)));
                l.emit(Op::FBin(bop, f));
                return;
            }
            l.emit(Op::Const(step));
            l.emit(Op::Bin(bop, a));
            l.emit(if is_bool { Op::ToBool } else { Op::Norm(m) });
        };
        // The load and the store are the lvalue's accesses (`*counter`).
        let saved = self.f.span;
        self.f.span = lv.access_span(saved);
        match lv.place {
            Place::Frame(off) => {
                self.emit(Op::LoadFrame(off, m));
                if post && keep {
                    self.emit(Op::Dup);
                }
                step_ops(self);
                if keep && !post {
                    self.emit(Op::Dup);
                }
                self.emit(Op::StoreFrame(off, m));
            }
            Place::Addr => {
                self.emit(Op::Dup);
                self.emit(Op::Load(m));
                if post && keep {
                    self.emit(Op::DupX1);
                    step_ops(self);
                    self.emit(Op::Store(m));
                } else {
                    step_ops(self);
                    self.emit(if keep { Op::StoreKeep(m) } else { Op::Store(m) });
                }
            }
        }
        self.f.span = saved;
        lv.ty
    }

    fn check_writable(&mut self, lv: &Lval, x: &Expr, span: Span) -> bool {
        if lv.is_const {
            let what = match &x.kind {
                ExprKind::Ident(n) => format!("`{n}`"),
                _ => "this location".into(),
            };
            self.error(Code::NotLvalue, span, format!("cannot assign to {what}: it is `const`"));
            return false;
        } else if matches!(self.t.kind(lv.ty), TypeKind::Array { .. }) {
            self.error(Code::NotLvalue, span, "an array cannot be assigned: copy it element by element or with memcpy");
            return false;
        }
        true
    }

    /// Assignment, plain or compound.
    pub fn assign(&mut self, op: Option<Binary>, l: &Expr, r: &Expr, keep: bool, span: Span) -> TypeId {
        let Some(lv) = self.lvalue(l) else {
            let _ = self.rvalue(r);
            if !keep {
                self.emit(Op::Pop);
            }
            return self.c.int;
        };
        if !self.check_writable(&lv, l, span) && matches!(self.t.kind(lv.ty), TypeKind::Array { .. }) {
            if let Place::Addr = lv.place {
                self.emit(Op::Pop);
            }
            let _ = self.type_of(r, true);
            if keep {
                self.emit(Op::Const(0));
            }
            return self.c.error;
        }
        if self.is_ld(lv.ty) {
            self.refuse_atomic_ld(lv.ty, span);
            if let Place::Frame(off) = lv.place {
                self.emit(Op::Frame(off));
            }
            match op {
                None => {
                    let tr = self.rvalue(r);
                    self.assign_convert(tr, lv.ty, r.span, "in assignment");
                }
                Some(bop) => {
                    let saved = self.f.span;
                    self.f.span = lv.access_span(saved);
                    self.emit(Op::Dup);
                    self.ld_snapshot();
                    self.f.span = saved;
                    let tr = self.rvalue(r);
                    let t = self.arith_op(bop, lv.ty, tr, span);
                    self.convert(t, lv.ty);
                }
            }
            let saved = self.f.span;
            self.f.span = lv.access_span(saved);
            self.emit(Op::Copy(16));
            self.f.span = saved;
            if !keep {
                self.emit(Op::Pop);
            }
            return self.t.unqual(lv.ty);
        }
        if let TypeKind::Record(_) = self.t.kind(lv.ty) {
            if let Place::Frame(off) = lv.place {
                self.emit(Op::Frame(off));
            }
            let tr = self.rvalue(r);
            if op.is_some() || tr != lv.ty {
                let d =
                    Diagnostic::error(Code::TypeMismatch, span, format!("cannot assign `{}` to `{}`", self.t.name(tr), self.t.name(lv.ty)));
                self.push(d);
            }
            let size = self.t.size(lv.ty).unwrap_or(0) as u32;
            self.emit(Op::Copy(size));
            if !keep {
                self.emit(Op::Pop);
            }
            return lv.ty;
        }
        let m = self.mem_ty(lv.ty).unwrap_or(MemTy::I64);
        if let (Some(bop), Place::Addr, true) = (op, lv.place, self.t.is_atomic(lv.ty)) {
            // The access is the object's (`s->count`).
            return self.atomic_compound(bop, (lv.ty, lv.access_span(span)), r, keep, span);
        }
        match op {
            None => {
                let tr = self.rvalue(r);
                self.assign_convert(tr, lv.ty, r.span, "in assignment");
            }
            Some(bop) => {
                let saved = self.f.span;
                self.f.span = lv.access_span(saved);
                match lv.place {
                    Place::Frame(off) => self.emit(Op::LoadFrame(off, m)),
                    Place::Addr => {
                        self.emit(Op::Dup);
                        self.emit(Op::Load(m))
                    }
                };
                self.f.span = saved;
                let tr = self.rvalue(r);
                let t = self.arith_op(bop, lv.ty, tr, span);
                self.convert(t, lv.ty);
            }
        }
        self.store(lv, keep);
        self.t.unqual(lv.ty)
    }

    /// Emits `a op b` for the two values on the stack; returns its type.
    fn arith_op(&mut self, op: Binary, ta: TypeId, tb: TypeId, span: Span) -> TypeId {
        let bop = match op {
            Binary::Add => BinOp::Add,
            Binary::Sub => BinOp::Sub,
            Binary::Mul => BinOp::Mul,
            Binary::Div => BinOp::Div,
            Binary::Rem => BinOp::Rem,
            Binary::Shl => BinOp::Shl,
            Binary::Shr => BinOp::Shr,
            Binary::BitAnd => BinOp::And,
            Binary::BitOr => BinOp::Or,
            Binary::BitXor => BinOp::Xor,
            Binary::Lt => BinOp::Lt,
            Binary::Gt => BinOp::Gt,
            Binary::Le => BinOp::Le,
            Binary::Ge => BinOp::Ge,
            Binary::Eq => BinOp::Eq,
            Binary::Ne => BinOp::Ne,
            _ => unreachable!("logical operators are lowered with jumps"),
        };
        if ta == self.c.error || tb == self.c.error {
            self.emit(Op::Pop);
            return self.c.error;
        }
        let (pa, pb) = (self.t.is_ptr(ta), self.t.is_ptr(tb));
        let cmp = matches!(bop, BinOp::Lt | BinOp::Gt | BinOp::Le | BinOp::Ge | BinOp::Eq | BinOp::Ne);
        if cmp && (pa || pb) {
            let other = if pa { tb } else { ta };
            if self.t.is_float(other) {
                self.report_invalid_operands(op, ta, tb, span);
            }
            self.expect_scalar(other, span, "a pointer comparison");
            self.emit(Op::Bin(bop, ArithTy::U64));
            return self.c.int;
        }
        if pa && self.t.is_integer(tb) && matches!(bop, BinOp::Add | BinOp::Sub) {
            let (elem, _) = self.t.pointee(ta).expect("pointer");
            self.scale_and_add(elem, bop, span);
            return ta;
        }
        if pb && self.t.is_integer(ta) && bop == BinOp::Add {
            self.emit_swap();
            let (elem, _) = self.t.pointee(tb).expect("pointer");
            self.scale_and_add(elem, bop, span);
            return tb;
        }
        if pa && pb && bop == BinOp::Sub {
            let (elem, _) = self.t.pointee(ta).expect("pointer");
            let size = self.t.size(elem).unwrap_or(1).max(1);
            self.emit(Op::Bin(BinOp::Sub, ArithTy::I64));
            if size != 1 {
                self.emit(Op::Const(size));
                self.emit(Op::Bin(BinOp::Div, ArithTy::I64));
            }
            return self.c.long;
        }
        if self.t.is_float(ta) || self.t.is_float(tb) {
            return self.float_op(op, bop, ta, tb, span);
        }
        if !self.t.is_integer(ta) || !self.t.is_integer(tb) {
            return self.invalid_operands(op, ta, tb, span);
        }
        let t = if matches!(bop, BinOp::Shl | BinOp::Shr) { self.promote(ta) } else { self.usual(ta, tb) };
        let a = self.arith(t);
        self.emit(Op::Bin(bop, a));
        if cmp {
            self.c.int
        } else {
            t
        }
    }

    /// C refuses `a op b` for these types.
    fn report_invalid_operands(&mut self, op: Binary, ta: TypeId, tb: TypeId, span: Span) {
        let msg = format!("invalid operands to `{}`: `{}` and `{}`", binary_symbol(op), self.t.name(ta), self.t.name(tb));
        self.push(Diagnostic::error(Code::TypeMismatch, span, msg));
    }

    /// Reports `a op b` as refused; its value is an `int` in place of the
    /// two operands.
    fn invalid_operands(&mut self, op: Binary, ta: TypeId, tb: TypeId, span: Span) -> TypeId {
        self.report_invalid_operands(op, ta, tb, span);
        self.emit(Op::Pop);
        self.c.int
    }

    /// `a op b` where one operand is floating: both are converted to the
    /// common type (the lower one by swapping it to the top and back).
    fn float_op(&mut self, op: Binary, bop: BinOp, ta: TypeId, tb: TypeId, span: Span) -> TypeId {
        let arithmetic = matches!(bop, BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div);
        let cmp = matches!(bop, BinOp::Lt | BinOp::Gt | BinOp::Le | BinOp::Ge | BinOp::Eq | BinOp::Ne);
        if !self.t.is_arith(ta) || !self.t.is_arith(tb) || !(arithmetic || cmp) {
            return self.invalid_operands(op, ta, tb, span);
        }
        let t = self.usual(ta, tb);
        self.convert(tb, t);
        if ta != t {
            self.emit_swap();
            self.convert(ta, t);
            self.emit_swap();
        }
        if self.is_ld(t) {
            let tmp = if cmp { 0 } else { self.ld_temp() };
            self.emit(Op::LdBin(bop, tmp));
        } else {
            let f = self.float_ty(t).expect("a floating common type");
            self.emit(Op::FBin(bop, f));
        }
        if cmp {
            self.c.int
        } else {
            t
        }
    }

    fn binary(&mut self, op: Binary, a: &Expr, b: &Expr, span: Span) -> TypeId {
        match op {
            Binary::Comma => {
                self.discard(a);
                self.rvalue(b)
            }
            Binary::And | Binary::Or => {
                let ta = self.rvalue(a);
                self.expect_scalar(ta, a.span, "a logical operator");
                self.truth(ta);
                let short = self.emit(if op == Binary::And { Op::JumpIfZero(0) } else { Op::JumpIfNonZero(0) });
                let tb = self.rvalue(b);
                self.expect_scalar(tb, b.span, "a logical operator");
                self.truth(tb);
                self.emit(Op::ToBool);
                let end = self.emit(Op::Jump(0));
                let here = self.here();
                self.patch(short, here);
                self.emit(Op::Const((op == Binary::Or) as u64));
                let here = self.here();
                self.patch(end, here);
                self.c.int
            }
            _ => {
                let ta = self.rvalue(a);
                let tb = self.rvalue(b);
                self.arith_op(op, ta, tb, span)
            }
        }
    }

    fn conditional(&mut self, c: &Expr, a: &Expr, b: &Expr, span: Span) -> TypeId {
        let tc = self.rvalue(c);
        self.expect_scalar(tc, c.span, "the condition of `?:`");
        self.truth(tc);
        let jz = self.emit(Op::JumpIfZero(0));
        let ta = self.rvalue(a);
        let end = self.emit(Op::Jump(0));
        let here = self.here();
        self.patch(jz, here);
        let tb = self.rvalue(b);
        if (self.t.is_float(ta) || self.t.is_float(tb)) && self.t.is_arith(ta) && self.t.is_arith(tb) {
            return self.float_branches(ta, tb, end);
        }
        let here = self.here();
        self.patch(end, here);
        let (ka, kb) = (self.t.kind(ta).clone(), self.t.kind(tb).clone());
        match (ka, kb) {
            (TypeKind::Error, _) | (_, TypeKind::Error) => self.c.error,
            (TypeKind::Void, TypeKind::Void) => ta,
            _ if self.t.is_integer(ta) && self.t.is_integer(tb) => {
                let t = self.usual(ta, tb);
                if self.mem_ty(t) == Some(MemTy::U32) {
                    self.emit(Op::Norm(MemTy::U32));
                }
                t
            }
            (TypeKind::Ptr { .. }, TypeKind::Float { .. }) | (TypeKind::Float { .. }, TypeKind::Ptr { .. }) => {
                let d = Diagnostic::error(
                    Code::TypeMismatch,
                    span,
                    format!("the branches of `?:` have incompatible types `{}` and `{}`", self.t.name(ta), self.t.name(tb)),
                );
                self.push(d);
                ta
            }
            (TypeKind::Ptr { .. }, _) => ta,
            (_, TypeKind::Ptr { .. }) => tb,
            (TypeKind::Record(x), TypeKind::Record(y)) if x == y => ta,
            _ => {
                let d = Diagnostic::error(
                    Code::TypeMismatch,
                    span,
                    format!("the branches of `?:` have incompatible types `{}` and `{}`", self.t.name(ta), self.t.name(tb)),
                );
                self.push(d);
                ta
            }
        }
    }

    /// Joins the branches of `?:` when one is floating: the second
    /// branch (just lowered) converts in place; the first, whose jump to
    /// the end is at `end`, converts on a trampoline after it, so no code
    /// already emitted has to move.
    fn float_branches(&mut self, ta: TypeId, tb: TypeId, end: usize) -> TypeId {
        let t = self.usual(ta, tb);
        self.convert(tb, t);
        if ta == t {
            let here = self.here();
            self.patch(end, here);
            return t;
        }
        let done = self.emit(Op::Jump(0));
        let here = self.here();
        self.patch(end, here);
        self.convert(ta, t);
        let here = self.here();
        self.patch(done, here);
        t
    }

    /// A function designator's value: its address. A library routine
    /// has none ipcsim can call through.
    fn func_addr(&mut self, id: u32, span: Span) -> TypeId {
        let fi = &mut self.funcs[id as usize];
        let (ty, library, name) = (fi.ty, fi.builtin && fi.code.is_none(), fi.name.clone());
        // Taking its address needs a definition, as a call does.
        fi.called_at.get_or_insert(span);
        if library {
            let d = Diagnostic::error(
                Code::FunctionPointer,
                span,
                format!("library function `{name}` used as a value: only functions of the program can be called through pointers"),
            )
            .note("wrap it in a function of your own");
            self.push(d);
        }
        self.emit(Op::Const(crate::ir::region::code_addr(id)));
        self.t.ptr(ty, false)
    }

    /// A call through a function pointer: the arguments, then the
    /// pointer, then [`Op::CallPtr`].
    fn call_ptr(&mut self, f: &Expr, args: &[Expr], span: Span) -> TypeId {
        let ft = self.type_of_quiet(f, true);
        let fty = match self.t.pointee(ft) {
            Some((to, _)) if matches!(self.t.kind(to), TypeKind::Func { .. }) => to,
            _ => {
                if ft != self.c.error {
                    self.error(
                        Code::TypeMismatch,
                        f.span,
                        format!("called object of type `{}` is not a function or function pointer", self.t.name(ft)),
                    );
                }
                for a in args {
                    self.discard(a);
                }
                self.emit(Op::Const(0));
                return self.c.error;
            }
        };
        let TypeKind::Func { ret, params, variadic } = self.t.kind(fty).clone() else { unreachable!("checked above") };
        if variadic {
            self.error(Code::Unsupported, span, "calling a variadic function through a pointer is not supported: call it by name");
        }
        if args.len() < params.len() || (!variadic && args.len() > params.len()) {
            let few = args.len() < params.len();
            let msg = format!(
                "too {} arguments to function pointer: expected {}, given {}",
                if few { "few" } else { "many" },
                params.len(),
                args.len()
            );
            self.error(Code::ArgCount, span, msg);
        }
        if self.by_address(ret) {
            self.error(
                Code::Unsupported,
                span,
                format!("calling a function that returns `{}` through a pointer is not supported", self.t.name(ret)),
            );
        }
        self.push_args(args, &params, "function pointer");
        self.rvalue(f);
        let saved = self.f.span;
        self.f.span = span;
        self.emit(Op::CallPtr(args.len().min(255) as u8));
        if matches!(self.t.kind(ret), TypeKind::Void) {
            self.emit(Op::Pop);
        }
        self.f.span = saved;
        ret
    }

    fn call(&mut self, f: &Expr, args: &[Expr], span: Span) -> TypeId {
        let ExprKind::Ident(name) = &f.kind else {
            return self.call_ptr(f, args, span);
        };
        if let Some(t) = self.float_builtin(name) {
            return t;
        }
        if let Some(t) = self.ld_builtin(name, args, span) {
            return t;
        }
        if name.starts_with("__atomic_") || name.starts_with("__sync_") {
            if let Some(t) = self.atomic_builtin(name, args, span) {
                return t;
            }
        }
        let id = match self.lookup(name) {
            Some(Sym::Func(id)) => id,
            Some(_) => return self.call_ptr(f, args, span),
            None => {
                let d = match unsupported_call(name) {
                    Some((code, why)) => {
                        // A library macro that expands to a marker call
                        // (`SCM_RIGHTS`, `SIGEV_THREAD`) is named as written.
                        let shown = match &**name {
                            "__ipcsim_scm_rights" => "SCM_RIGHTS",
                            "__ipcsim_sigev_thread" => "SIGEV_THREAD",
                            n => n,
                        };
                        Diagnostic::error(code, f.span, format!("`{shown}` is not supported by ipcsim")).note(why)
                    }
                    None => Diagnostic::error(Code::Undeclared, f.span, format!("call to undeclared function `{name}`"))
                        .note("declare or define it before this call; library functions outside LANGUAGE.md are not available"),
                };
                self.push(d);
                for a in args {
                    self.discard(a);
                }
                self.emit(Op::Const(0));
                return self.c.error;
            }
        };
        let (fty, builtin, lib, decl_span) = {
            let fi = &mut self.funcs[id as usize];
            fi.called_at.get_or_insert(span);
            // A prelude routine written in C is called as the program's own.
            (fi.ty, fi.builtin && fi.code.is_none(), fi.lib, fi.span)
        };
        let TypeKind::Func { ret, params, variadic } = self.t.kind(fty).clone() else { unreachable!("functions have function types") };
        if builtin && lib.is_none() {
            let d = Diagnostic::error(
                Code::NotYetImplemented,
                f.span,
                format!("`{name}` is in ipcsim's subset but this version does not run it yet"),
            )
            .note("see the README for what each version supports");
            self.push(d);
        }
        if args.len() < params.len() || (!variadic && args.len() > params.len()) {
            let (few, want) = (args.len() < params.len(), params.len());
            let mut d = Diagnostic::error(
                Code::ArgCount,
                span,
                format!(
                    "too {} arguments to `{name}`: expected {}{want}, given {}",
                    if few { "few" } else { "many" },
                    if variadic { "at least " } else { "" },
                    args.len()
                ),
            );
            if !builtin {
                d = d.secondary(decl_span, "declared here");
            }
            self.push(d);
        }
        if let Some(l) = lib {
            self.check_format(l, args);
        }
        let struct_ret = self.by_address(ret);
        if struct_ret {
            let tmp = self.alloc_slot(ret);
            self.emit(Op::Frame(tmp));
        }
        let floats = self.push_args(args, &params, name);
        let saved = self.f.span;
        self.f.span = span;
        match lib {
            Some(l) if builtin && l.takes_classes() => {
                // Which variable arguments are doubles: va_arg reads them
                // from other registers than the integers.
                self.emit(Op::Const(floats));
                self.emit(Op::Lib(l, (args.len() + 1).min(255) as u8));
            }
            Some(l) if builtin => {
                self.emit(Op::Lib(l, args.len().min(255) as u8));
            }
            _ => {
                if variadic {
                    self.variable_arguments(args.len().saturating_sub(params.len()), floats);
                }
                self.emit(Op::Call(id));
                if matches!(self.t.kind(ret), TypeKind::Void) {
                    self.emit(Op::Pop);
                }
            }
        }
        self.f.span = saved;
        ret
    }

    /// gcc's constant builtins behind `<math.h>`'s `INFINITY`, `NAN` and
    /// `HUGE_VAL` (`NAN` is the positive quiet NaN: "nan", not "-nan").
    fn float_builtin(&mut self, name: &str) -> Option<TypeId> {
        let (bits, ty) = match name {
            "__builtin_inf" | "__builtin_huge_val" => (f64::INFINITY.to_bits(), self.c.double),
            "__builtin_inff" | "__builtin_huge_valf" => (f32::INFINITY.to_bits() as u64, self.c.float),
            "__builtin_nan" => (0x7ff8_0000_0000_0000, self.c.double),
            "__builtin_nanf" => (0x7fc0_0000, self.c.float),
            _ => return None,
        };
        self.emit(Op::Const(bits));
        Some(ty)
    }

    /// `fabsl` and `sqrtl` (as `<math.h>` declares them, or gcc's
    /// `__builtin_` names): one operation each, in the 80-bit format.
    fn ld_builtin(&mut self, name: &str, args: &[Expr], span: Span) -> Option<TypeId> {
        let op = match name.strip_prefix("__builtin_").unwrap_or(name) {
            "fabsl" => LdUnOp::Abs,
            "sqrtl" => LdUnOp::Sqrt,
            _ => return None,
        };
        if !name.starts_with("__builtin_") {
            let Some(Sym::Func(id)) = self.lookup(name) else { return None };
            let fi = &self.funcs[id as usize];
            if !(fi.builtin && fi.code.is_none()) {
                return None;
            }
        }
        let [a] = args else {
            self.error(Code::ArgCount, span, format!("`{name}` takes one argument, given {}", args.len()));
            for a in args {
                self.discard(a);
            }
            self.ld_const(F80::ZERO);
            return Some(self.c.ldouble);
        };
        let t = self.rvalue(a);
        let to = self.c.ldouble;
        self.assign_convert(t, to, a.span, &format!("argument 1 of `{name}`"));
        let tmp = self.ld_temp();
        self.emit(Op::LdUn(op, tmp));
        Some(to)
    }

    /// Pushes a call's arguments converted to its parameters' types;
    /// returns which of the variable ones (bit k: the k-th after the
    /// parameters) are doubles.
    fn push_args(&mut self, args: &[Expr], params: &[TypeId], name: &str) -> u64 {
        let mut floats = 0u64;
        let mut note = |l: &Self, i: usize, t: TypeId| {
            // Bits 0-31: doubles; 32-63: `long double`s (on the stack).
            if i >= params.len() && i - params.len() < 32 && l.t.is_float(t) {
                floats |= 1 << (i - params.len() + if l.is_ld(t) { 32 } else { 0 });
            }
        };
        let record_arg = args.iter().any(|a| {
            let t = self.type_of_quiet(a, true);
            matches!(self.t.kind(t), TypeKind::Record(_))
        });
        if args.len() > 1 && !record_arg && args.iter().any(has_side_effects) {
            // gcc on x86_64 evaluates arguments right to left; programs
            // that depend on it (printf("%d %s", wait(&s), strerror(errno)))
            // print what they print natively.
            let mut slots = Vec::new();
            for (i, a) in args.iter().enumerate().rev() {
                let ta = self.rvalue(a);
                note(self, i, ta);
                self.convert_arg(ta, params.get(i).copied(), a, i, name);
                let slot = self.alloc_bytes(8, 8);
                self.emit(Op::StoreFrame(slot, MemTy::I64));
                slots.push(slot);
            }
            for slot in slots.into_iter().rev() {
                self.emit(Op::LoadFrame(slot, MemTy::I64));
            }
        } else {
            for (i, a) in args.iter().enumerate() {
                let ta = self.rvalue(a);
                note(self, i, ta);
                self.convert_arg(ta, params.get(i).copied(), a, i, name);
            }
        }
        floats
    }

    /// A call of a variadic function of the program: its `extra` variable
    /// arguments, on the stack after the named ones, go into an area of
    /// the caller's frame (count, which are doubles, the values), whose
    /// address is passed as the hidden last parameter (`decl::VA_AREA`).
    fn variable_arguments(&mut self, extra: usize, floats: u64) {
        let area = self.alloc_bytes(16 + 8 * extra as u64, 8);
        for j in (0..extra).rev() {
            self.emit(Op::StoreFrame(area + 16 + 8 * j as u32, MemTy::I64));
        }
        self.emit(Op::Const(extra as u64));
        self.emit(Op::StoreFrame(area, MemTy::I64));
        self.emit(Op::Const(floats));
        self.emit(Op::StoreFrame(area + 8, MemTy::I64));
        self.emit(Op::Frame(area));
    }

    /// Converts an argument on the stack to its parameter's type (structs:
    /// a private copy the callee takes into its frame).
    fn convert_arg(&mut self, ta: TypeId, param: Option<TypeId>, a: &Expr, i: usize, name: &str) {
        match param {
            Some(pt) => {
                self.assign_convert(ta, pt, a.span, &format!("argument {} of `{name}`", i + 1));
                if let TypeKind::Record(_) = self.t.kind(pt) {
                    let tmp = self.alloc_slot(pt);
                    self.emit(Op::Frame(tmp));
                    self.emit_swap();
                    let size = self.t.size(pt).unwrap_or(0) as u32;
                    self.emit(Op::Copy(size));
                }
            }
            None => {
                // A small union or struct (`union semun` to `semctl`) goes
                // in a register: its bytes as one integer.
                let small = match self.t.kind(ta) {
                    TypeKind::Record(_) => match self.t.size(ta) {
                        Some(8) => Some(crate::ir::MemTy::I64),
                        Some(4) => Some(crate::ir::MemTy::U32),
                        _ => None,
                    },
                    _ => None,
                };
                if let Some(m) = small {
                    self.emit(Op::Load(m));
                } else if self.float_ty(ta) == Some(FloatTy::F32) {
                    // The default argument promotions: `float` is passed as `double`.
                    self.emit(Op::FloatToFloat(FloatTy::F64));
                } else if !self.t.is_scalar(ta) {
                    let msg =
                        format!("argument {} of `{name}` has type `{}`, which a variadic function cannot take", i + 1, self.t.name(ta));
                    self.error(Code::TypeMismatch, a.span, msg);
                }
            }
        }
    }

    /// Rejects `printf` conversions ipcsim cannot perform, when the
    /// format is a literal (a computed format is checked at run time).
    fn check_format(&mut self, f: crate::ir::LibFn, args: &[Expr]) {
        use crate::ir::LibFn as L;
        let at = match f {
            L::Printf => 0,
            L::Fprintf | L::Sprintf => 1,
            L::Snprintf => 2,
            _ => return,
        };
        let Some(Expr { kind: ExprKind::Str(fmt), span, .. }) = args.get(at) else {
            return;
        };
        let mut i = 0;
        while i < fmt.len() {
            if fmt[i] != b'%' {
                i += 1;
                continue;
            }
            i += 1;
            let mods = i;
            while i < fmt.len() && b"-+ #0123456789.*hlzjtqL$".contains(&fmt[i]) {
                i += 1;
            }
            let Some(&c) = fmt.get(i) else { break };
            // glibc reads `L`, `ll` and `q` before a floating conversion
            // as `long double`.
            let long_double = fmt[mods..i].contains(&b'L') || fmt[mods..i].contains(&b'q') || fmt[mods..i].windows(2).any(|w| w == b"ll");
            i += 1;
            let (code, why) = match c {
                b'n' => (Code::Unsupported, "`%n` writes through a pointer argument and is not supported"),
                b'f' | b'F' | b'e' | b'E' | b'g' | b'G' | b'a' | b'A' if long_double && !fmt[mods..i].contains(&b'L') => {
                    (Code::FloatingPoint, "write `long double`'s conversions with `L` (`%Lf`)")
                }
                _ => continue,
            };
            let conv = String::from_utf8_lossy(&fmt[mods..i]).into_owned();
            self.error(code, *span, format!("printf conversion `%{conv}` is not supported: {why}"));
        }
        // Positional arguments (`%2$s`) are taken by number: the check
        // of the next argument's class does not apply.
        if !fmt.contains(&b'$') {
            self.check_format_arguments(fmt, &args[at + 1..]);
        }
    }

    /// gcc's `-Wformat`, the part that changes what a run prints: an
    /// argument of another class than its conversion's (a `double` for
    /// `%d`, an `int` for `%f` or `%s`), or a conversion with no argument.
    fn check_format_arguments(&mut self, fmt: &[u8], args: &[Expr]) {
        #[derive(PartialEq)]
        enum Class {
            Int,
            Float,
            LongDouble,
            Pointer,
        }
        let mut next = args.iter();
        let mut i = 0;
        while let Some(at) = fmt[i..].iter().position(|&b| b == b'%').map(|p| p + i + 1) {
            i = at;
            let mut wanted = Vec::new();
            while let Some(&b) = fmt.get(i).filter(|b| b"-+ #0123456789.*hlzjtqL".contains(b)) {
                if b == b'*' {
                    wanted.push((Class::Int, '*'));
                }
                i += 1;
            }
            let Some(&c) = fmt.get(i) else { break };
            let long = fmt[at..i].contains(&b'L');
            i += 1;
            match c {
                b'd' | b'i' | b'u' | b'x' | b'X' | b'o' | b'c' => wanted.push((Class::Int, c as char)),
                b'f' | b'F' | b'e' | b'E' | b'g' | b'G' | b'a' | b'A' if long => wanted.push((Class::LongDouble, c as char)),
                b'f' | b'F' | b'e' | b'E' | b'g' | b'G' | b'a' | b'A' => wanted.push((Class::Float, c as char)),
                b's' | b'p' => wanted.push((Class::Pointer, c as char)),
                _ => continue,
            }
            for (class, conv) in wanted {
                let Some(a) = next.next() else {
                    let d = Diagnostic::warning(Code::FormatArgument, self.f.span, format!("`%{conv}` in the format has no argument"))
                        .note("printf then reads whatever a register or the stack holds (0 in ipcsim, when nothing is left)");
                    self.warn(d);
                    return;
                };
                let t = self.type_of_quiet(a, true);
                let fits = match class {
                    _ if t == self.c.error => true,
                    Class::Int => self.t.is_integer(t),
                    Class::Float => self.t.is_float(t) && !self.is_ld(t),
                    Class::LongDouble => self.is_ld(t),
                    Class::Pointer => self.t.is_ptr(t),
                };
                if !fits {
                    let (what, why) = match class {
                        Class::Int => ("an integer", "integers and doubles travel in different registers: printf reads the next integer argument instead, natively and in ipcsim"),
                        Class::Float => ("a `double`", "integers and doubles travel in different registers: printf reads the next double argument instead, natively and in ipcsim"),
                        Class::LongDouble => ("a `long double`", "a `long double` travels on the stack, apart from integers and doubles: printf reads the next one instead"),
                        Class::Pointer => ("a pointer", "printf takes the value as an address"),
                    };
                    let conv = if class == Class::LongDouble { format!("L{conv}") } else { conv.to_string() };
                    let d = Diagnostic::warning(
                        Code::FormatArgument,
                        a.span,
                        format!("`%{conv}` expects {what}, but this argument has type `{}`", self.t.name(t)),
                    )
                    .note(why);
                    self.warn(d);
                }
            }
        }
    }

    /// Evaluates `e` for its side effects only.
    pub fn discard(&mut self, e: &Expr) {
        let saved = self.f.span;
        self.f.span = e.span;
        match &e.kind {
            ExprKind::Assign(op, l, r) => {
                self.assign(*op, l, r, false, e.span);
            }
            ExprKind::Unary(op @ (Unary::PreInc | Unary::PreDec | Unary::PostInc | Unary::PostDec), x) => {
                self.incdec(*op, x, false, e.span);
            }
            ExprKind::Binary(Binary::Comma, a, b) => {
                self.discard(a);
                self.discard(b);
            }
            ExprKind::Cond(c, a, b) => {
                let tc = self.rvalue(c);
                self.expect_scalar(tc, c.span, "the condition of `?:`");
                self.truth(tc);
                let jz = self.emit(Op::JumpIfZero(0));
                self.discard(a);
                let end = self.emit(Op::Jump(0));
                let here = self.here();
                self.patch(jz, here);
                self.discard(b);
                let here = self.here();
                self.patch(end, here);
            }
            ExprKind::Cast(tn, x) if tn.decl.derived.is_empty() && matches!(tn.specs.ty, crate::lang::ast::TypeSpec::Void) => {
                self.discard(x)
            }
            _ => {
                let t = self.rvalue(e);
                if !matches!(self.t.kind(t), TypeKind::Void) {
                    self.emit(Op::Pop);
                }
            }
        }
        self.f.span = saved;
    }
}

/// True if evaluating `e` can change state or observe a change (calls,
/// assignments, `++`/`--`): its order among arguments then matters.
fn has_side_effects(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Call(..) | ExprKind::Assign(..) => true,
        ExprKind::Unary(Unary::PreInc | Unary::PreDec | Unary::PostInc | Unary::PostDec, _) => true,
        ExprKind::SizeofExpr(_) => false,
        ExprKind::Unary(_, x) | ExprKind::Cast(_, x) | ExprKind::Member(x, _, _) => has_side_effects(x),
        ExprKind::Binary(_, a, b) | ExprKind::Index(a, b) => has_side_effects(a) || has_side_effects(b),
        ExprKind::Cond(c, a, b) => has_side_effects(c) || has_side_effects(a) || has_side_effects(b),
        _ => false,
    }
}

pub(super) fn binary_symbol(op: Binary) -> &'static str {
    match op {
        Binary::Mul => "*",
        Binary::Div => "/",
        Binary::Rem => "%",
        Binary::Add => "+",
        Binary::Sub => "-",
        Binary::Shl => "<<",
        Binary::Shr => ">>",
        Binary::Lt => "<",
        Binary::Gt => ">",
        Binary::Le => "<=",
        Binary::Ge => ">=",
        Binary::Eq => "==",
        Binary::Ne => "!=",
        Binary::BitAnd => "&",
        Binary::BitXor => "^",
        Binary::BitOr => "|",
        Binary::And => "&&",
        Binary::Or => "||",
        Binary::Comma => ",",
    }
}
