//! Initializers: brace lists with designators and brace elision are
//! flattened to (offset, item) pairs once; globals turn them into bytes,
//! locals into stores.

use super::Lower;
use crate::diag::{Code, Diagnostic};
use crate::ir::Op;
use crate::lang::ast::{Designator, Expr, ExprKind, Init};
use crate::lang::types::{TypeId, TypeKind};
use crate::source::Span;

/// One thing to store into the object being initialised.
enum Item<'e> {
    /// A scalar at an offset.
    Scalar(u64, TypeId, &'e Expr),
    /// String bytes into a char array of `cap` bytes.
    Str(u64, u64, &'e [u8], Span),
    /// A whole struct copied from an expression.
    Copy(u64, TypeId, &'e Expr),
}

type List = [(Vec<Designator>, Init)];

impl Lower<'_> {
    /// `int a[] = {1,2,3}` and `char s[] = "hi"`: the length comes from
    /// the initializer.
    pub fn complete_array_from_init(&mut self, ty: TypeId, init: &Init) -> TypeId {
        let TypeKind::Array { of, len: None } = self.t.kind(ty).clone() else {
            return ty;
        };
        let n = match init {
            Init::Expr(Expr { kind: ExprKind::Str(s), .. }) if self.is_char(of) => s.len() as u64 + 1,
            Init::List(items, _)
                if items.len() == 1
                    && self.is_char(of)
                    && matches!(&items[0], (d, Init::Expr(Expr { kind: ExprKind::Str(_), .. })) if d.is_empty()) =>
            {
                let Init::Expr(Expr { kind: ExprKind::Str(s), .. }) = &items[0].1 else { unreachable!("matched") };
                s.len() as u64 + 1
            }
            Init::List(items, _) => {
                let mut out = Vec::new();
                let mut pos = 0;
                self.fill(ty, 0, items, &mut pos, &mut out, true)
            }
            Init::Expr(e) => {
                self.error(Code::BadInitializer, e.span, "an array needs a `{ ... }` initializer");
                1
            }
        };
        self.t.array(of, Some(n))
    }

    fn is_char(&self, t: TypeId) -> bool {
        matches!(self.t.kind(t), TypeKind::Int { size: 1, .. })
    }

    fn flatten<'e>(&mut self, ty: TypeId, init: &'e Init) -> Vec<Item<'e>> {
        let mut out = Vec::new();
        match init {
            Init::Expr(e) => self.one(ty, 0, e, &mut out),
            Init::List(items, span) => self.braced(ty, 0, items, *span, &mut out),
        }
        out
    }

    /// A single expression initialising an object of type `ty`.
    fn one<'e>(&mut self, ty: TypeId, off: u64, e: &'e Expr, out: &mut Vec<Item<'e>>) {
        match (self.t.kind(ty).clone(), &e.kind) {
            (TypeKind::Array { of, len }, ExprKind::Str(s)) if self.is_char(of) => {
                let cap = len.unwrap_or(s.len() as u64 + 1);
                out.push(Item::Str(off, cap, s, e.span));
            }
            (TypeKind::Array { .. }, _) => self.error(Code::BadInitializer, e.span, "an array needs a `{ ... }` initializer"),
            (TypeKind::Record(_) | TypeKind::Float { size: 16 }, _) => out.push(Item::Copy(off, ty, e)),
            _ => out.push(Item::Scalar(off, ty, e)),
        }
    }

    /// A `{ ... }` list for an object of type `ty` at `off`.
    fn braced<'e>(&mut self, ty: TypeId, off: u64, items: &'e List, span: Span, out: &mut Vec<Item<'e>>) {
        if self.t.is_scalar(ty) {
            match items.first() {
                Some((_, Init::Expr(e))) => self.one(ty, off, e, out),
                Some((_, Init::List(inner, s))) => self.braced(ty, off, inner, *s, out),
                None => {}
            }
            return;
        }
        // `char s[4] = {"abc"}`.
        if let (TypeKind::Array { of, .. }, [(d, Init::Expr(e @ Expr { kind: ExprKind::Str(_), .. }))]) = (self.t.kind(ty).clone(), items) {
            if d.is_empty() && self.is_char(of) {
                self.one(ty, off, e, out);
                return;
            }
        }
        let mut pos = 0;
        self.fill(ty, off, items, &mut pos, out, true);
        if pos < items.len() {
            let s = items[pos].1.span();
            let _ = span;
            self.error(Code::BadInitializer, s, "excess elements in the initializer");
        }
    }

    /// Fills an aggregate from `items[pos..]`; `braced` says whether this
    /// list belongs to it (else it is a brace-elided sub-object, which
    /// stops at a designator). Returns the number of array elements seen.
    fn fill<'e>(&mut self, ty: TypeId, off: u64, items: &'e List, pos: &mut usize, out: &mut Vec<Item<'e>>, braced: bool) -> u64 {
        let members = self.members(ty);
        let mut next = 0usize;
        let mut count = 0u64;
        while *pos < items.len() {
            let (desig, init) = &items[*pos];
            if !desig.is_empty() {
                if !braced {
                    return count;
                }
                let Some(i) = self.designate(ty, &desig[0]) else {
                    *pos += 1;
                    continue;
                };
                next = i;
            }
            let Some((moff, mty)) = self.member_at(ty, &members, next) else {
                if braced {
                    break;
                }
                return count;
            };
            if desig.len() > 1 {
                // `.a.b = v` / `[1][2] = v`: walk the rest of the path.
                let (mut t, mut o) = (mty, off + moff);
                for d in &desig[1..] {
                    let ms = self.members(t);
                    let Some(i) = self.designate(t, d) else { break };
                    let Some((mo, mt)) = self.member_at(t, &ms, i) else {
                        break;
                    };
                    t = mt;
                    o += mo;
                }
                self.element(t, o, init, items, pos, out);
            } else {
                self.element(mty, off + moff, init, items, pos, out);
            }
            next += 1;
            count = count.max(next as u64);
            if matches!(self.t.kind(ty), TypeKind::Record(r) if self.t.records[*r as usize].is_union) && braced {
                // A union takes one initializer (unless designated again).
                if *pos < items.len() && items[*pos].0.is_empty() {
                    break;
                }
            }
        }
        count
    }

    /// Initialises one member from `items[*pos]`, eliding braces if needed.
    fn element<'e>(&mut self, ty: TypeId, off: u64, init: &'e Init, items: &'e List, pos: &mut usize, out: &mut Vec<Item<'e>>) {
        match init {
            Init::List(inner, span) => {
                *pos += 1;
                self.braced(ty, off, inner, *span, out);
            }
            Init::Expr(e) => {
                let aggregate = !self.t.is_scalar(ty);
                let direct = match (self.t.kind(ty).clone(), &e.kind) {
                    (TypeKind::Array { of, .. }, ExprKind::Str(_)) => self.is_char(of),
                    (TypeKind::Record(_), _) => self.type_of_quiet(e, true) == ty,
                    _ => !aggregate,
                };
                if direct {
                    *pos += 1;
                    self.one(ty, off, e, out);
                } else {
                    // Brace elision: this expression starts the sub-object.
                    let before = *pos;
                    self.fill(ty, off, items, pos, out, false);
                    if *pos == before {
                        *pos += 1;
                    }
                }
            }
        }
    }

    /// Members of an aggregate as (offset, type) pairs, arrays lazily.
    fn members(&self, ty: TypeId) -> Vec<(u64, TypeId)> {
        match self.t.kind(ty) {
            TypeKind::Record(r) => {
                self.t.records[*r as usize].fields.as_ref().map_or(Vec::new(), |fs| fs.iter().map(|f| (f.offset, f.ty)).collect())
            }
            _ => Vec::new(),
        }
    }

    fn member_at(&self, ty: TypeId, members: &[(u64, TypeId)], i: usize) -> Option<(u64, TypeId)> {
        match self.t.kind(ty) {
            TypeKind::Array { of, len } => {
                if len.is_some_and(|n| i as u64 >= n) {
                    return None;
                }
                let off = (i as u64).checked_mul(self.t.size(*of).unwrap_or(0)).filter(|&o| o < u32::MAX as u64)?;
                Some((off, *of))
            }
            _ => members.get(i).copied(),
        }
    }

    fn designate(&mut self, ty: TypeId, d: &Designator) -> Option<usize> {
        match (d, self.t.kind(ty).clone()) {
            (Designator::Index(e), TypeKind::Array { len, .. }) => {
                let Some((v, _)) = self.const_int(e) else {
                    self.error(Code::NotConstant, e.span, "an array designator must be an integer constant");
                    return None;
                };
                if len.is_some_and(|n| v >= n) || v >= u32::MAX as u64 {
                    self.error(Code::BadInitializer, e.span, format!("array index {v} in initializer is past the end of the array"));
                    return None;
                }
                Some(v as usize)
            }
            (Designator::Field(n), TypeKind::Record(r)) => {
                let fields = self.t.records[r as usize].fields.clone().unwrap_or_default();
                match fields.iter().position(|f| f.name == n.name) {
                    Some(i) => Some(i),
                    None => {
                        self.error(Code::NoMember, n.span, format!("`{}` has no member named `{}`", self.t.name(ty), n.name));
                        None
                    }
                }
            }
            (Designator::Field(n), _) => {
                self.error(
                    Code::BadInitializer,
                    n.span,
                    format!("field designator `.{}` for a non-struct type `{}`", n.name, self.t.name(ty)),
                );
                None
            }
            (Designator::Index(e), _) => {
                self.error(Code::BadInitializer, e.span, format!("array designator for a non-array type `{}`", self.t.name(ty)));
                None
            }
        }
    }

    /// `char s[3] = "long"`: an error, as in gcc (which only warns when the
    /// NUL alone does not fit: that case is allowed).
    fn check_string_fits(&mut self, s: &[u8], cap: u64, span: Span) {
        if s.len() as u64 > cap {
            self.error(Code::BadInitializer, span, format!("string of {} characters is too long for an array of {cap}", s.len()));
        }
    }

    /// Writes a constant initializer into a global's image.
    /// A global's initializer that is no constant.
    fn not_constant(&mut self, span: crate::source::Span) {
        let d = Diagnostic::error(Code::NotConstant, span, "the initializer of a global or `static` variable must be a constant")
            .note("assign the value at the start of `main` instead");
        self.push(d);
    }

    pub fn init_global(&mut self, region: u32, ty: TypeId, init: &Init) {
        let items = self.flatten(ty, init);
        for item in items {
            match item {
                Item::Scalar(off, t, e) => {
                    let Some((v, from)) = self.const_as(e, t) else {
                        self.not_constant(e.span);
                        continue;
                    };
                    if !self.t.is_scalar(from) || self.float_pointer_mix(from, t) {
                        self.error(
                            Code::TypeMismatch,
                            e.span,
                            format!("cannot initialise `{}` with `{}`", self.t.name(t), self.t.name(from)),
                        );
                        continue;
                    }
                    let v =
                        if matches!(self.t.kind(t), TypeKind::Bool) { (v != 0) as u64 } else { self.mem_ty(t).map_or(v, |m| m.norm(v)) };
                    let size = self.t.size(t).unwrap_or(0) as usize;
                    let img = self.global_mut(region);
                    let o = off as usize;
                    if o + size <= img.bytes.len() {
                        img.bytes[o..o + size].copy_from_slice(&v.to_le_bytes()[..size]);
                    }
                }
                Item::Str(off, cap, s, span) => {
                    self.check_string_fits(s, cap, span);
                    let img = self.global_mut(region);
                    for (i, &b) in s.iter().take(cap as usize).enumerate() {
                        if let Some(slot) = img.bytes.get_mut(off as usize + i) {
                            *slot = b;
                        }
                    }
                }
                Item::Copy(off, t, e) if self.is_ld(t) => {
                    let Some((v, from)) = self.const_ld(e) else {
                        self.not_constant(e.span);
                        continue;
                    };
                    if !self.t.is_arith(from) {
                        self.error(
                            Code::TypeMismatch,
                            e.span,
                            format!("cannot initialise `{}` with `{}`", self.t.name(t), self.t.name(from)),
                        );
                        continue;
                    }
                    let img = self.global_mut(region);
                    let o = off as usize;
                    if o + 10 <= img.bytes.len() {
                        img.bytes[o..o + 10].copy_from_slice(&v.to_bytes());
                    }
                }
                Item::Copy(_, _, e) => {
                    self.error(Code::NotConstant, e.span, "a global struct must be initialised with `{ ... }`, not another struct");
                }
            }
        }
    }

    /// Emits the stores that initialise a local at frame offset `base`.
    pub fn init_local(&mut self, base: u32, ty: TypeId, init: &Init) {
        let items = self.flatten(ty, init);
        if !self.t.is_scalar(ty) {
            let size = self.t.size(ty).unwrap_or(0) as u32;
            self.emit(Op::ZeroFrame(base, size));
        }
        for item in items {
            match item {
                Item::Scalar(off, t, e) => {
                    let from = self.rvalue(e);
                    self.assign_convert(from, t, e.span, "in the initializer");
                    let m = self.mem_ty(t).unwrap_or(crate::ir::MemTy::I64);
                    self.emit(Op::StoreFrame(base + off as u32, m));
                }
                Item::Str(off, cap, s, span) => {
                    self.check_string_fits(s, cap, span);
                    let n = (s.len() as u64 + 1).min(cap) as u32;
                    let a = self.string_addr(s);
                    self.emit(Op::Frame(base + off as u32));
                    self.emit(Op::Const(a));
                    self.emit(Op::Copy(n));
                    self.emit(Op::Pop);
                }
                Item::Copy(off, t, e) => {
                    self.emit(Op::Frame(base + off as u32));
                    let from = self.rvalue(e);
                    self.assign_convert(from, t, e.span, "in the initializer");
                    let size = self.t.size(t).unwrap_or(0) as u32;
                    self.emit(Op::Copy(size));
                    self.emit(Op::Pop);
                }
            }
        }
    }
}

impl Init {
    /// Where the initializer was written.
    pub fn span(&self) -> Span {
        match self {
            Init::Expr(e) => e.span,
            Init::List(_, s) => *s,
        }
    }
}
