//! Declarations: specifiers and declarators to types, globals, functions,
//! locals.

use super::{FnState, FuncInfo, Lower, Sym, Tag};
use crate::diag::{Code, Diagnostic};
use crate::ir::{region, Function, LibFn, Op, ParamSlot};
use crate::lang::ast::*;
use crate::lang::limits::{self, MAX_NESTING, MAX_OBJECT_BYTES};
use crate::lang::types::{Record, TypeId, TypeKind};
use crate::source::Span;
use std::rc::Rc;

impl Lower<'_> {
    /// The type named by declaration specifiers.
    pub fn base_type(&mut self, specs: &Specs) -> TypeId {
        let t = self.unqualified_base(specs);
        if specs.is_atomic {
            return self.atomic_type(t, specs.span);
        }
        t
    }

    /// `_Atomic t`, for a scalar t. An atomic struct, union or array
    /// (which gcc makes with a lock) is refused.
    fn atomic_type(&mut self, t: TypeId, span: Span) -> TypeId {
        match self.t.kind(t) {
            // Reported already.
            TypeKind::Error => t,
            _ if self.t.is_scalar(t) => self.t.atomic(t),
            _ => {
                let msg = format!("`_Atomic {}` is not supported: only a number or a pointer can be atomic here", self.t.name(t));
                self.push(Diagnostic::error(Code::Unsupported, span, msg));
                t
            }
        }
    }

    fn unqualified_base(&mut self, specs: &Specs) -> TypeId {
        match &specs.ty {
            TypeSpec::Void => self.c.void,
            TypeSpec::Bool => self.c.bool_,
            TypeSpec::Int { size, signed } => {
                let bytes = match size {
                    IntSize::Char => 1,
                    IntSize::Short => 2,
                    IntSize::Int => 4,
                    IntSize::Long | IntSize::LongLong => 8,
                };
                self.t.int(bytes, signed.unwrap_or(true))
            }
            TypeSpec::Float { size: 4 } => self.c.float,
            TypeSpec::Float { size: 16 } => self.c.ldouble,
            TypeSpec::Float { .. } => self.c.double,
            TypeSpec::Named(n) => match self.lookup(&n.name) {
                Some(Sym::Typedef(t, _)) => t,
                _ => {
                    let d = if n.name.starts_with("pthread_") {
                        Diagnostic::error(Code::Threads, n.span, format!("unknown type name `{}`: threads are not supported", n.name))
                            .note("use fork() and processes, with semaphores (sem_init in shared memory) for mutual exclusion")
                    } else {
                        Diagnostic::error(Code::Undeclared, n.span, format!("unknown type name `{}`", n.name))
                    };
                    self.push(d);
                    // Declare it, so later uses do not repeat the error.
                    self.scopes[0].insert(n.name.clone(), Sym::Typedef(self.c.error, false));
                    self.c.error
                }
            },
            TypeSpec::Record(r) => self.record_type(r),
            TypeSpec::Enum(e) => self.enum_type(e),
            TypeSpec::Atomic(tn) => {
                let t = self.type_name(tn);
                self.atomic_type(t, specs.span)
            }
        }
    }

    /// True if the specifiers or a typedef they name carry `const`.
    pub fn specs_const(&self, specs: &Specs) -> bool {
        specs.is_const || matches!(&specs.ty, TypeSpec::Named(n) if matches!(self.lookup(&n.name), Some(Sym::Typedef(_, true))))
    }

    fn find_tag(&self, name: &str) -> Option<(usize, Tag)> {
        self.tags.iter().enumerate().rev().find_map(|(i, s)| s.get(name).map(|t| (i, *t)))
    }

    fn record_type(&mut self, r: &RecordSpec) -> TypeId {
        let existing = r.tag.as_ref().and_then(|t| self.find_tag(&t.name));
        let innermost = self.tags.len() - 1;
        let id = match (existing, &r.fields) {
            (Some((scope, Tag::Record(id))), Some(_)) if scope == innermost && self.t.records[id as usize].fields.is_none() => id,
            (Some((_, Tag::Record(id))), None) => id,
            (Some((scope, _)), Some(_)) if scope == innermost => {
                let tag = r.tag.as_ref().map(|t| t.name.clone()).unwrap_or_default();
                self.error(Code::Redefinition, r.span, format!("`{}` {tag} is defined twice", if r.is_union { "union" } else { "struct" }));
                return self.c.int;
            }
            _ => {
                self.t.records.push(Record {
                    tag: r.tag.as_ref().map(|t| t.name.clone()),
                    is_union: r.is_union,
                    fields: None,
                    size: 0,
                    align: 1,
                });
                let id = self.t.records.len() as u32 - 1;
                if let Some(tag) = &r.tag {
                    self.tags.last_mut().expect("tag scope").insert(tag.name.clone(), Tag::Record(id));
                }
                id
            }
        };
        if self.t.records[id as usize].is_union != r.is_union {
            self.error(Code::TypeMismatch, r.span, "this tag was declared as the other kind (struct vs union)");
        }
        if let Some(fields) = &r.fields {
            let mut members: Vec<(Rc<str>, TypeId, bool)> = Vec::new();
            for (k, d) in fields.iter().enumerate() {
                let base = self.base_type(&d.specs);
                let is_const = self.specs_const(&d.specs);
                if d.vars.is_empty() {
                    // Anonymous struct/union member.
                    if matches!(self.t.kind(base), TypeKind::Record(_)) {
                        members.push(("".into(), base, is_const));
                    }
                    continue;
                }
                for (j, (decl, _)) in d.vars.iter().enumerate() {
                    let (mut ty, is_const) = self.apply_declarator_q(base, is_const, decl);
                    let name = decl.name.as_ref().map(|n| n.name.clone()).unwrap_or_default();
                    let last = k + 1 == fields.len() && j + 1 == d.vars.len();
                    if let Some(flexible) = self.flexible_member(ty, last && !r.is_union && !members.is_empty()) {
                        // C99's flexible array member (`char data[];`) is laid
                        // out as gcc lays out a zero-length array: at the
                        // end, aligned, adding nothing to the size.
                        ty = flexible;
                    }
                    if self.t.size(ty).is_none() {
                        self.error(Code::Incomplete, decl.span, format!("member `{name}` has incomplete type `{}`", self.t.name(ty)));
                        continue;
                    }
                    if members.iter().any(|(n, _, _)| !n.is_empty() && *n == name) {
                        self.error(Code::Redefinition, decl.span, format!("duplicate member `{name}`"));
                    }
                    members.push((name, ty, is_const));
                }
            }
            let depth = members.iter().map(|(_, t, _)| self.t.depth(*t)).max().unwrap_or(0);
            if depth >= MAX_NESTING {
                self.error(Code::Limit, r.span, limits::too_deep("type"));
                members.clear();
            }
            if self.t.complete_record(id, members).is_err() {
                let ty = self.t.intern(TypeKind::Record(id));
                let name = self.t.name(ty);
                let span = r.tag.as_ref().map_or(r.span, |t| t.span);
                self.error(Code::TooLarge, span, format!("type `{name}` is too large"));
            }
        }
        self.t.intern(TypeKind::Record(id))
    }

    /// `ty` as a flexible array member, if it is an array of unknown
    /// length of complete elements and `allowed` (the last member of a
    /// struct with another): an array of length zero.
    fn flexible_member(&mut self, ty: TypeId, allowed: bool) -> Option<TypeId> {
        match *self.t.kind(ty) {
            TypeKind::Array { of, len: None } if allowed && self.t.size(of).is_some() => Some(self.t.array(of, Some(0))),
            _ => None,
        }
    }
}

/// The name a variadic function's hidden last parameter is bound to:
/// the address of the area where its caller put the variable arguments
/// (the count, which are doubles, then each as 8 bytes). `va_start`
/// (a macro of the prelude) reads it; outside a variadic function it is
/// undeclared, as gcc refuses `va_start` there.
pub(super) const VA_AREA: &str = "__ipcsim_va_area";

impl Lower<'_> {
    /// Checks a `_Static_assert` as the compiler does.
    pub(super) fn static_assert(&mut self, a: &StaticAssert) {
        match self.const_int(&a.cond) {
            Some((0, _)) => {
                let msg = match &a.message {
                    Some(m) => format!("static assertion failed: \"{}\"", String::from_utf8_lossy(m)),
                    None => "static assertion failed".to_string(),
                };
                self.error(Code::StaticAssertion, a.span, msg);
            }
            Some(_) => {}
            None => self.error(Code::NotConstant, a.cond.span, "a `_Static_assert` condition must be an integer constant expression"),
        }
    }

    fn enum_type(&mut self, e: &EnumSpec) -> TypeId {
        let Some(items) = &e.items else {
            return match e.tag.as_ref().and_then(|t| self.find_tag(&t.name)) {
                Some((_, Tag::Enum(t))) => t,
                _ => self.c.uint,
            };
        };
        let mut next: i64 = 0;
        let mut negative = false;
        for (name, value) in items {
            if let Some(v) = value {
                match self.const_int(v) {
                    Some((k, _)) => next = k as i64,
                    None => self.error(Code::NotConstant, v.span, "an enumerator's value must be an integer constant"),
                }
            }
            negative |= next < 0;
            self.bind(&name.name, Sym::Enum(next), name.span);
            next = next.wrapping_add(1);
        }
        // gcc: an enum without negative values is `unsigned int`.
        let ty = if negative { self.c.int } else { self.c.uint };
        if let Some(tag) = &e.tag {
            self.tags.last_mut().expect("tag scope").insert(tag.name.clone(), Tag::Enum(ty));
        }
        ty
    }

    /// Applies a declarator's derivations to a base type.
    pub fn apply_declarator(&mut self, base: TypeId, d: &Declarator) -> TypeId {
        self.apply_declarator_q(base, false, d).0
    }

    /// Applies a declarator to a base type that may be `const`; returns
    /// the type and whether the declared object itself is `const` (in
    /// `const char *p` the chars are, `p` is not; in `char *const p`, `p` is).
    pub fn apply_declarator_q(&mut self, base: TypeId, base_const: bool, d: &Declarator) -> (TypeId, bool) {
        let mut ty = base;
        let mut cur_const = base_const;
        for der in d.derived.iter().rev() {
            if self.t.depth(ty) >= MAX_NESTING {
                // `int ***...` or a chain of typedefs, each one level more.
                self.error(Code::Limit, d.span, limits::too_deep("type"));
                return (self.c.error, false);
            }
            ty = match der {
                Derived::Pointer { is_const } => {
                    let p = self.t.ptr(ty, cur_const);
                    cur_const = *is_const;
                    p
                }
                Derived::Array(len) => {
                    if matches!(self.t.kind(ty), TypeKind::Func { .. }) {
                        self.error(Code::FunctionPointer, d.span, "arrays of functions are not supported");
                    }
                    let n = match len {
                        None => None,
                        Some(e) => match self.const_int(e) {
                            Some((v, _)) if (v as i64) >= 0 => Some(v),
                            Some(_) => {
                                self.error(Code::TypeMismatch, e.span, "array size is negative");
                                Some(1)
                            }
                            None => {
                                let d = Diagnostic::error(
                                    Code::Unsupported,
                                    e.span,
                                    "the size of this array must be a constant: only a local array's outermost size may vary",
                                )
                                .note("use a constant size (a #define), or malloc");
                                self.push(d);
                                Some(1)
                            }
                        },
                    };
                    // The size in bytes, `None` if it overflows 64 bits.
                    let bytes = n.zip(self.t.size(ty)).map(|(n, elem)| elem.checked_mul(n));
                    let n = if bytes.is_some_and(|b| b.is_none_or(|b| b > MAX_OBJECT_BYTES)) {
                        // gcc's words; the array becomes one element.
                        let what = d.name.as_ref().map_or(String::new(), |n| format!(" `{}`", n.name));
                        self.error(Code::TooLarge, d.span, format!("size of array{what} exceeds maximum object size `{MAX_OBJECT_BYTES}`"));
                        Some(1)
                    } else {
                        n
                    };
                    self.t.array(ty, n)
                }
                Derived::Function(ps) => {
                    cur_const = false;
                    self.func_type(ty, ps, d.span)
                }
            };
        }
        (ty, cur_const)
    }

    fn func_type(&mut self, ret: TypeId, ps: &Params, span: Span) -> TypeId {
        let mut params = Vec::new();
        for p in &ps.list {
            let t = self.param_type(p);
            params.push(t);
        }
        if matches!(self.t.kind(ret), TypeKind::Array { .. } | TypeKind::Func { .. }) {
            self.error(Code::TypeMismatch, span, "a function cannot return an array or a function");
        }
        self.t.intern(TypeKind::Func { ret, params, variadic: ps.variadic })
    }

    /// A parameter's type after C's adjustments (arrays become pointers;
    /// `T a[n][m]` with `m` varying, a `T *` whose rows `a[i]` the body
    /// finds with the row length it computes on entry).
    pub fn param_type(&mut self, p: &Param) -> TypeId {
        let base = self.base_type(&p.specs);
        if self.varying_row(&p.decl).is_some() {
            let elem = self.row_elem(base, self.specs_const(&p.specs), &p.decl).unwrap_or(self.c.int);
            return self.t.ptr(elem, false);
        }
        let decl = param_declarator(p);
        let (t, c) = self.apply_declarator_q(base, self.specs_const(&p.specs), &decl);
        match self.t.kind(t).clone() {
            TypeKind::Array { of, .. } => self.t.ptr(of, c),
            // A parameter of function type is a pointer to it (C17 6.7.6.3).
            TypeKind::Func { .. } => self.t.ptr(t, false),
            _ => t,
        }
    }

    /// A file-scope declaration.
    pub fn global_decl(&mut self, d: &Decl) {
        let base = self.base_type(&d.specs);
        let is_const = self.specs_const(&d.specs);
        for (decl, init) in &d.vars {
            let Some(name) = &decl.name else { continue };
            let (ty, is_const) = self.apply_declarator_q(base, is_const, decl);
            if d.specs.storage == Storage::Typedef {
                self.bind(&name.name, Sym::Typedef(ty, is_const), name.span);
                continue;
            }
            if matches!(self.t.kind(ty), TypeKind::Func { .. }) {
                self.declare_func(name, ty, decl.span);
                continue;
            }
            self.global_var(name, ty, is_const, d.specs.storage, init.as_ref(), decl.span);
        }
    }

    fn global_var(&mut self, name: &Name, ty: TypeId, is_const: bool, storage: Storage, init: Option<&Init>, span: Span) {
        if let Some(Sym::Global { region, ty: old, .. }) = self.scopes[0].get(&name.name).copied() {
            if self.t.size(old).is_none() && self.t.size(ty).is_some() {
                // `extern int a[];` completed later.
                let bytes = self.static_image(&name.name, self.t.size(ty).unwrap_or(0), span);
                self.global_mut(region).bytes = bytes;
                self.global_types[(region - region::FIRST_GLOBAL) as usize] = ty;
                self.scopes[0].insert(name.name.clone(), Sym::Global { region, ty, is_const });
            }
            if let Some(init) = init {
                let ty = self.global_types[(region - region::FIRST_GLOBAL) as usize];
                self.init_global(region, ty, init);
            }
            return;
        }
        // `int a[] = {1, 2}` takes its length from the initializer (the
        // library's own globals too).
        let ty = match init {
            Some(i) => self.complete_array_from_init(ty, i),
            None => ty,
        };
        if self.is_builtin(span) {
            self.builtin_global(name, ty, init);
            return;
        }
        let size = self.t.size(ty);
        if size.is_none() && storage != Storage::Extern {
            self.error(Code::Incomplete, span, format!("`{}` has incomplete type `{}`", name.name, self.t.name(ty)));
        }
        let bytes = self.static_image(&name.name, size.unwrap_or(0), span);
        let region = self.new_global(&name.name, bytes, true, ty);
        self.bind(&name.name, Sym::Global { region, ty, is_const }, name.span);
        if let Some(init) = init {
            self.init_global(region, ty, init);
        }
    }

    /// `stdin`, `stdout`, `stderr`, `errno` from the prelude.
    fn builtin_global(&mut self, name: &Name, ty: TypeId, init: Option<&Init>) {
        let stdio = (region::STDIO as u64) << 32;
        let bytes = match &*name.name {
            "stdin" => stdio.to_le_bytes().to_vec(),
            "stdout" => (stdio | 8).to_le_bytes().to_vec(),
            "stderr" => (stdio | 16).to_le_bytes().to_vec(),
            _ => vec![0; self.t.size(ty).unwrap_or(0) as usize],
        };
        let region = self.new_global(&name.name, bytes, true, ty);
        // The library's own initialised globals (getopt's optind = 1).
        if let Some(init) = init {
            self.init_global(region, ty, init);
        }
        match &*name.name {
            "errno" => self.errno_region = region,
            "environ" => self.environ_region = region,
            _ => {}
        }
        self.bind(&name.name, Sym::Global { region, ty, is_const: false }, name.span);
    }

    fn declare_func(&mut self, name: &Name, ty: TypeId, span: Span) -> u32 {
        if let Some(Sym::Func(i)) = self.scopes[0].get(&name.name).copied() {
            return i;
        }
        let builtin = self.is_builtin(span);
        let lib = if builtin { LibFn::from_name(&name.name) } else { None };
        self.funcs.push(FuncInfo { name: name.name.clone(), ty, span, builtin, lib, code: None, called_at: None });
        let id = self.funcs.len() as u32 - 1;
        self.scopes[0].insert(name.name.clone(), Sym::Func(id));
        id
    }

    /// A function definition: parameters into slots, then the body.
    pub fn func_def(&mut self, fd: &FuncDef) {
        let base = self.base_type(&fd.specs);
        let ty = self.apply_declarator(base, &fd.decl);
        let Some(name) = &fd.decl.name else { return };
        let Some(Derived::Function(ps)) = fd.decl.derived.first() else {
            return;
        };
        let TypeKind::Func { ret, params, .. } = self.t.kind(ty).clone() else {
            return;
        };
        let mut id = self.declare_func(name, ty, fd.decl.span);
        if self.funcs[id as usize].builtin || (self.funcs[id as usize].code.is_some() && self.is_builtin(self.funcs[id as usize].span)) {
            // A program's own function replaces the library's of that name
            // (also one the prelude defines in C, such as `qsort`).
            self.funcs.push(FuncInfo {
                name: name.name.clone(),
                ty,
                span: fd.decl.span,
                builtin: false,
                lib: None,
                code: None,
                called_at: None,
            });
            id = self.funcs.len() as u32 - 1;
            self.scopes[0].insert(name.name.clone(), Sym::Func(id));
        } else if self.funcs[id as usize].code.is_some() {
            let d = Diagnostic::error(Code::Redefinition, name.span, format!("function `{}` is defined twice", name.name))
                .secondary(self.funcs[id as usize].span, "first defined here");
            self.push(d);
            return;
        }
        self.funcs[id as usize].ty = ty;
        self.funcs[id as usize].span = fd.decl.span;
        if &*name.name == "main" && matches!(self.t.kind(ret), TypeKind::Void) {
            let d = Diagnostic::warning(Code::VoidMain, fd.decl.span, "`main` returns `void`: its exit status is unspecified").note(
                "natively the status is whatever the last call left in a register; ipcsim's is 0: declare `int main` and return a value",
            );
            self.warn(d);
        }
        self.f = FnState { name: name.name.clone(), ret: Some(ret), span: fd.span, ..FnState::default() };
        self.scopes.push(Default::default());
        self.tags.push(Default::default());
        let mut slots = Vec::new();
        if self.by_address(ret) {
            let off = self.alloc_slot(self.c.void_ptr);
            self.f.struct_ret = Some(off);
            slots.push(ParamSlot::Scalar(off, crate::ir::MemTy::I64));
        }
        let variadic_params = ps.variadic;
        for (p, &pty) in ps.list.iter().zip(&params) {
            let off = self.alloc_slot(pty);
            slots.push(match self.mem_ty(pty) {
                Some(m) => ParamSlot::Scalar(off, m),
                None => ParamSlot::Struct(off, self.t.size(pty).unwrap_or(0) as u32),
            });
            if let (Some(n), Some(row_len)) = (&p.decl.name, self.varying_row(&p.decl)) {
                let (elem, _) = self.t.pointee(pty).unwrap_or((self.c.int, false));
                let row = self.row_size(row_len, elem);
                self.bind(&n.name, Sym::Rows { ptr: off, row, size: None, elem }, n.span);
                continue;
            }
            if let Some(n) = &p.decl.name {
                let base = self.base_type(&p.specs);
                let (_, is_const) = self.apply_declarator_q(base, self.specs_const(&p.specs), &param_declarator(p));
                // `const int a[]` is adjusted to a pointer, which is not const.
                let is_const = is_const && !matches!(p.decl.derived.first(), Some(Derived::Array(_)));
                self.bind(&n.name, Sym::Local { off, ty: pty, is_const }, n.span);
            }
        }
        if variadic_params {
            // The variable arguments' area, which the caller made and
            // passes last: what `va_start` starts from.
            let off = self.alloc_slot(self.c.ulong);
            slots.push(ParamSlot::Scalar(off, crate::ir::MemTy::I64));
            self.bind(&VA_AREA.into(), Sym::Local { off, ty: self.c.ulong, is_const: true }, fd.decl.span);
        }
        for s in &fd.body {
            self.stmt(s);
        }
        // Falling off the end: `main` returns 0 (C99); others return an
        // unspecified value, 0 here.
        self.emit(Op::Const(0));
        self.emit(Op::Ret);
        self.resolve_gotos();
        self.scopes.pop();
        self.tags.pop();
        let st = std::mem::take(&mut self.f);
        let frame_size = st.frame.div_ceil(16) * 16;
        let mut code = Function {
            name: name.name.to_string(),
            ops: st.code,
            spans: st.spans,
            frame_size,
            params: slots,
            switches: st.switches,
            objects: st.objects,
            redzones: st.redzones,
            span: fd.span,
        };
        crate::ir::fuse::fuse(&mut code);
        self.funcs[id as usize].code = Some(code);
    }

    /// A variable-length array `T a[n]` (outermost dimension not
    /// constant): its bytes are taken on the stack when the declaration
    /// runs, and given back when its block ends.
    fn vla_decl(&mut self, base: TypeId, base_const: bool, decl: &Declarator, len: &Expr, init: bool) {
        let Some(name) = &decl.name else { return };
        let inner = Declarator { derived: decl.derived[1..].to_vec(), ..decl.clone() };
        let (elem, _) = self.apply_declarator_q(base, base_const, &inner);
        let Some(esize) = self.t.size(elem).filter(|_| !matches!(self.t.kind(elem), TypeKind::Func { .. })) else {
            self.error(
                Code::Unsupported,
                decl.span,
                "a variable-length array of this element type is not supported (only the first dimension may vary)",
            );
            return;
        };
        if init {
            self.error(Code::TypeMismatch, decl.span, "a variable-length array may not be initialized");
        }
        self.save_stack_top();
        let ptr = self.alloc_slot(self.c.void_ptr);
        let size = self.alloc_slot(self.c.ulong);
        let saved = self.f.span;
        self.f.span = decl.span;
        self.array_length(len);
        self.emit(Op::Const(esize));
        self.emit(Op::Bin(crate::ir::BinOp::Mul, crate::ir::ArithTy::U64));
        self.alloca_into(size, ptr);
        self.f.span = saved;
        self.bind(&name.name, Sym::Vla { ptr, size, elem }, name.span);
    }

    /// The varying row length of `T a[n][m]` (`m` not constant), if the
    /// declarator is one; nothing is reported (the parameters `m` names
    /// may not be in scope yet).
    pub(crate) fn varying_row<'d>(&mut self, decl: &'d Declarator) -> Option<&'d Expr> {
        let (Some(Derived::Array(_) | Derived::Pointer { .. }), Some(Derived::Array(Some(len)))) =
            (decl.derived.first(), decl.derived.get(1))
        else {
            return None;
        };
        let (errors, code) = (self.diags.list.len(), self.f.code.len());
        // A name not in scope (an earlier parameter) lowers to an error
        // and a 0: not a constant.
        let constant = self.const_int(len).is_some() && self.diags.list.len() == errors;
        self.diags.list.truncate(errors);
        self.f.code.truncate(code);
        self.f.spans.truncate(code);
        (!constant).then_some(len)
    }

    /// The element type of `T a[n][m]`: `T`, which must have a size.
    fn row_elem(&mut self, base: TypeId, base_const: bool, decl: &Declarator) -> Option<TypeId> {
        let inner = Declarator { derived: decl.derived[2..].to_vec(), ..decl.clone() };
        let (elem, _) = self.apply_declarator_q(base, base_const, &inner);
        if self.t.size(elem).is_none() || matches!(self.t.kind(elem), TypeKind::Func { .. }) {
            self.error(Code::Unsupported, decl.span, "a variable-length array of this element type is not supported");
            return None;
        }
        Some(elem)
    }

    /// Emits `len * size of elem` into a new slot; returns the slot.
    fn row_size(&mut self, len: &Expr, elem: TypeId) -> u32 {
        let slot = self.alloc_slot(self.c.ulong);
        self.array_length(len);
        self.emit(Op::Const(self.t.size(elem).unwrap_or(0)));
        self.emit(Op::Bin(crate::ir::BinOp::Mul, crate::ir::ArithTy::U64));
        self.emit(Op::StoreFrame(slot, crate::ir::MemTy::I64));
        slot
    }

    /// `T a[n][m]` with `m` varying, on the stack as a one-dimensional
    /// array is: rows of `m` elements, `a[i]` at `i * m * sizeof(T)`.
    fn rows_decl(&mut self, base: TypeId, base_const: bool, decl: &Declarator, rows: &Expr, row_len: &Expr) {
        let Some(name) = &decl.name else { return };
        let Some(elem) = self.row_elem(base, base_const, decl) else { return };
        self.save_stack_top();
        let saved = self.f.span;
        self.f.span = decl.span;
        let row = self.row_size(row_len, elem);
        let (ptr, size) = (self.alloc_slot(self.c.void_ptr), self.alloc_slot(self.c.ulong));
        self.array_length(rows);
        self.emit(Op::LoadFrame(row, crate::ir::MemTy::I64));
        self.emit(Op::Bin(crate::ir::BinOp::Mul, crate::ir::ArithTy::U64));
        self.alloca_into(size, ptr);
        self.f.span = saved;
        self.bind(&name.name, Sym::Rows { ptr, row, size: Some(size), elem }, name.span);
    }

    /// `T (*p)[m]` with `m` varying (the classic view of a matrix in
    /// shared memory): a `T *` variable whose rows `p[i]` are `m` apart.
    fn rows_pointer_decl(&mut self, base: TypeId, base_const: bool, decl: &Declarator, row_len: &Expr, init: Option<&Init>) {
        let Some(name) = &decl.name else { return };
        let Some(elem) = self.row_elem(base, base_const, decl) else { return };
        let saved = self.f.span;
        self.f.span = decl.span;
        let row = self.row_size(row_len, elem);
        let ty = self.t.ptr(elem, false);
        let ptr = self.alloc_slot(ty);
        match init {
            Some(Init::Expr(e)) => {
                let t = self.rvalue(e);
                self.assign_convert(t, ty, e.span, "in the initializer");
                self.emit(Op::StoreFrame(ptr, crate::ir::MemTy::I64));
            }
            Some(Init::List(_, span)) => self.error(Code::BadInitializer, *span, "a pointer is initialised with an expression, not a list"),
            None => {
                self.emit(Op::Const(0));
                self.emit(Op::StoreFrame(ptr, crate::ir::MemTy::I64));
            }
        }
        self.f.span = saved;
        self.bind(&name.name, Sym::Rows { ptr, row, size: None, elem }, name.span);
    }

    /// A variable-length array's length, as an `unsigned long` on top.
    fn array_length(&mut self, len: &Expr) {
        let t = self.rvalue(len);
        if !self.t.is_integer(t) {
            self.error(Code::TypeMismatch, len.span, "the size of an array must be an integer");
        }
        self.convert(t, self.c.ulong);
    }

    /// Before a block's first variable-length array: the stack's top is
    /// saved, to be given back when the block ends.
    fn save_stack_top(&mut self) {
        if let Some((_, slot @ None)) = self.f.vla_blocks.last_mut() {
            let off = (self.f.frame as u64).div_ceil(8) * 8;
            self.f.frame = off as u32 + 8;
            *slot = Some(off as u32);
            self.emit(Op::SaveSp(off as u32));
        }
    }

    /// The size in bytes on top: kept in slot `size`, taken on the stack,
    /// its address kept in slot `ptr`.
    fn alloca_into(&mut self, size: u32, ptr: u32) {
        self.emit(Op::Dup);
        self.emit(Op::StoreFrame(size, crate::ir::MemTy::I64));
        self.emit(Op::Alloca);
        self.emit(Op::StoreFrame(ptr, crate::ir::MemTy::I64));
    }

    /// A declaration inside a function.
    pub fn local_decl(&mut self, d: &Decl) {
        let base = self.base_type(&d.specs);
        let is_const = self.specs_const(&d.specs);
        for (decl, init) in &d.vars {
            let Some(name) = &decl.name else { continue };
            if d.specs.storage == Storage::None {
                match (self.varying_row(decl), decl.derived.first()) {
                    (Some(row_len), Some(Derived::Array(Some(rows)))) => {
                        if init.is_some() {
                            self.error(Code::TypeMismatch, decl.span, "a variable-length array may not be initialized");
                        }
                        self.rows_decl(base, is_const, decl, rows, row_len);
                        continue;
                    }
                    (Some(row_len), Some(Derived::Pointer { .. })) => {
                        self.rows_pointer_decl(base, is_const, decl, row_len, init.as_ref());
                        continue;
                    }
                    _ => {}
                }
            }
            if let (Some(Derived::Array(Some(len))), Storage::None) = (decl.derived.first(), d.specs.storage) {
                if self.const_int(len).is_none() {
                    self.vla_decl(base, is_const, decl, len, init.is_some());
                    continue;
                }
            }
            let (ty, is_const) = self.apply_declarator_q(base, is_const, decl);
            match d.specs.storage {
                Storage::Typedef => {
                    self.bind(&name.name, Sym::Typedef(ty, is_const), name.span);
                    continue;
                }
                Storage::Extern => {
                    match self.scopes[0].get(&name.name).copied() {
                        Some(sym) => self.bind(&name.name, sym, name.span),
                        None if matches!(self.t.kind(ty), TypeKind::Func { .. }) => {
                            let id = self.declare_func(name, ty, decl.span);
                            self.bind(&name.name, Sym::Func(id), name.span);
                        }
                        None => {
                            self.error(Code::Undeclared, name.span, format!("`extern` declaration of `{}` has no definition", name.name))
                        }
                    }
                    continue;
                }
                _ => {}
            }
            if matches!(self.t.kind(ty), TypeKind::Func { .. }) {
                let id = self.declare_func(name, ty, decl.span);
                self.bind(&name.name, Sym::Func(id), name.span);
                continue;
            }
            let ty = match init {
                Some(i) => self.complete_array_from_init(ty, i),
                None => ty,
            };
            if self.t.size(ty).is_none() {
                self.error(Code::Incomplete, decl.span, format!("`{}` has incomplete type `{}`", name.name, self.t.name(ty)));
                continue;
            }
            if d.specs.storage == Storage::Static {
                self.statics += 1;
                let gname = format!("{}.{}", self.f.name, name.name);
                let bytes = self.static_image(&name.name, self.t.size(ty).unwrap_or(0), decl.span);
                let region = self.new_global(&gname, bytes, true, ty);
                if let Some(init) = init {
                    self.init_global(region, ty, init);
                }
                self.bind(&name.name, Sym::Global { region, ty, is_const }, name.span);
                continue;
            }
            let off = self.alloc_local(&name.name, ty);
            // In scope in its own initializer, as in C (`p = malloc(sizeof *p)`).
            self.bind(&name.name, Sym::Local { off, ty, is_const }, name.span);
            if let Some(init) = init {
                let saved = self.f.span;
                self.f.span = decl.span;
                self.init_local(off, ty, init);
                self.f.span = saved;
            }
        }
    }
}

/// A parameter's declarator with the outermost array length dropped:
/// `int a[n]` is `int *a`, and its length is not evaluated (it may name
/// an earlier parameter).
fn param_declarator(p: &Param) -> std::borrow::Cow<'_, Declarator> {
    match p.decl.derived.first() {
        Some(Derived::Array(Some(_))) => {
            let mut derived = p.decl.derived.clone();
            derived[0] = Derived::Array(None);
            std::borrow::Cow::Owned(Declarator { derived, ..p.decl.clone() })
        }
        _ => std::borrow::Cow::Borrowed(&p.decl),
    }
}
