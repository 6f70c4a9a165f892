//! Statements: control flow as jumps, `switch` as a dispatch table.

use super::{Ctx, Lower};
use crate::diag::{Code, Diagnostic};
use crate::ir::{MemTy, Op, SwitchTable};
use crate::lang::ast::{Expr, Stmt};
use crate::lang::types::TypeKind;
use crate::source::Span;

impl Lower<'_> {
    fn cond(&mut self, e: &Expr) -> usize {
        let t = self.rvalue(e);
        if !self.t.is_scalar(t) {
            self.error(Code::TypeMismatch, e.span, format!("a condition must be a number or a pointer, not `{}`", self.t.name(t)));
        }
        self.truth(t);
        self.emit(Op::JumpIfZero(0))
    }

    /// A block begins (its variable-length arrays end with it).
    fn open_block(&mut self) {
        self.f.vla_blocks.push((self.f.ctx.len(), None));
    }

    /// A block ends: the stack its variable-length arrays took is given back.
    fn close_block(&mut self) {
        if let Some((_, Some(slot))) = self.f.vla_blocks.pop() {
            self.emit(Op::RestoreSp(slot));
        }
    }

    /// A jump out to `break`/`continue` target `ctx` gives back the stack
    /// of the variable-length arrays of the blocks it leaves.
    fn leave_blocks(&mut self, ctx: usize) {
        let slot = self.f.vla_blocks.iter().find(|b| b.0 > ctx && b.1.is_some()).and_then(|b| b.1);
        if let Some(slot) = slot {
            self.emit(Op::RestoreSp(slot));
        }
    }

    /// A `goto` or a label among variable-length arrays: a jump would
    /// have to give back (or take) their stack, which ipcsim does not do.
    fn refuse_goto_with_vla(&mut self, span: Span) {
        if self.f.vla_blocks.iter().any(|b| b.1.is_some()) {
            self.error(Code::Unsupported, span, "`goto` and labels in the scope of a variable-length array are not supported");
        }
    }

    /// Patches the function's `goto`s to their labels (at its end, when
    /// every label is known).
    pub(super) fn resolve_gotos(&mut self) {
        for (label, j, span) in std::mem::take(&mut self.f.gotos) {
            match self.f.labels.iter().find(|l| l.0 == label) {
                Some(&(_, at, _)) => self.patch(j, at),
                None => self.error(Code::Undeclared, span, format!("label `{label}` used but not defined in this function")),
            }
        }
    }

    /// Lowers one statement.
    pub fn stmt(&mut self, s: &Stmt) {
        match s {
            Stmt::Expr(Some(e), _) => self.discard(e),
            Stmt::Expr(None, _) => {}
            Stmt::Decl(d) => self.local_decl(d),
            Stmt::StaticAssert(a) => self.static_assert(a),
            Stmt::Goto(label, span) => {
                self.refuse_goto_with_vla(*span);
                let j = self.emit(Op::Jump(0));
                self.f.gotos.push((label.clone(), j, *span));
            }
            Stmt::Label(label, body, span) => {
                if let Some(&(_, _, first)) = self.f.labels.iter().find(|l| l.0 == *label) {
                    let d = Diagnostic::error(Code::Redefinition, *span, format!("label `{label}` is defined twice in this function"))
                        .secondary(first, "first defined here");
                    self.push(d);
                }
                self.refuse_goto_with_vla(*span);
                let here = self.here();
                self.f.labels.push((label.clone(), here, *span));
                self.stmt(body);
            }
            Stmt::Block(body, _) => {
                self.scopes.push(Default::default());
                self.tags.push(Default::default());
                self.open_block();
                for s in body {
                    self.stmt(s);
                }
                self.close_block();
                self.scopes.pop();
                self.tags.pop();
            }
            Stmt::If(c, then, els) => {
                let jz = self.cond(c);
                self.stmt(then);
                match els {
                    Some(e) => {
                        let end = self.emit(Op::Jump(0));
                        let here = self.here();
                        self.patch(jz, here);
                        self.stmt(e);
                        let here = self.here();
                        self.patch(end, here);
                    }
                    None => {
                        let here = self.here();
                        self.patch(jz, here);
                    }
                }
            }
            Stmt::While(c, body) => {
                let top = self.here();
                let jz = self.cond(c);
                self.loop_body(body, top, jz, top);
            }
            Stmt::DoWhile(body, c) => {
                let top = self.here();
                self.f.ctx.push(Ctx::Loop { breaks: Vec::new(), continues: Vec::new() });
                self.stmt(body);
                let Some(Ctx::Loop { breaks, continues }) = self.f.ctx.pop() else { unreachable!("pushed above") };
                let cont = self.here();
                for c in continues {
                    self.patch(c, cont);
                }
                let t = self.rvalue(c);
                if !self.t.is_scalar(t) {
                    self.error(Code::TypeMismatch, c.span, "a condition must be a number or a pointer");
                }
                self.truth(t);
                self.emit(Op::JumpIfNonZero(top));
                let end = self.here();
                for b in breaks {
                    self.patch(b, end);
                }
            }
            Stmt::For(init, c, step, body, _) => {
                self.scopes.push(Default::default());
                self.open_block();
                if let Some(i) = init {
                    self.stmt(i);
                }
                let top = self.here();
                let jz = c.as_ref().map(|c| self.cond(c));
                self.f.ctx.push(Ctx::Loop { breaks: Vec::new(), continues: Vec::new() });
                self.stmt(body);
                let Some(Ctx::Loop { mut breaks, continues }) = self.f.ctx.pop() else { unreachable!("pushed above") };
                let cont = self.here();
                for c in continues {
                    self.patch(c, cont);
                }
                if let Some(s) = step {
                    self.discard(s);
                }
                self.emit(Op::Jump(top));
                breaks.extend(jz);
                let end = self.here();
                for b in breaks {
                    self.patch(b, end);
                }
                self.close_block();
                self.scopes.pop();
            }
            Stmt::Switch(c, body, span) => self.switch(c, body, *span),
            Stmt::Case(v, body, span) => {
                self.case_label(Some(v), *span);
                self.stmt(body);
            }
            Stmt::Default(body, span) => {
                self.case_label(None, *span);
                self.stmt(body);
            }
            Stmt::Break(span) => {
                self.leave_blocks(self.f.ctx.len().saturating_sub(1));
                let j = self.emit(Op::Jump(0));
                match self.f.ctx.last_mut() {
                    Some(Ctx::Loop { breaks, .. }) | Some(Ctx::Switch { breaks, .. }) => breaks.push(j),
                    None => self.error(Code::BadStatement, *span, "`break` outside a loop or `switch`"),
                }
            }
            Stmt::Continue(span) => {
                let target = self.f.ctx.iter().rposition(|c| matches!(c, Ctx::Loop { .. }));
                self.leave_blocks(target.unwrap_or(0));
                let j = self.emit(Op::Jump(0));
                let lp = self.f.ctx.iter_mut().rev().find_map(|c| match c {
                    Ctx::Loop { continues, .. } => Some(continues),
                    _ => None,
                });
                match lp {
                    Some(c) => c.push(j),
                    None => self.error(Code::BadStatement, *span, "`continue` outside a loop"),
                }
            }
            Stmt::Return(e, span) => self.ret(e.as_ref(), *span),
        }
    }

    fn loop_body(&mut self, body: &Stmt, top: u32, jz: usize, cont: u32) {
        self.f.ctx.push(Ctx::Loop { breaks: Vec::new(), continues: Vec::new() });
        self.stmt(body);
        let Some(Ctx::Loop { breaks, continues }) = self.f.ctx.pop() else { unreachable!("pushed above") };
        self.emit(Op::Jump(top));
        let end = self.here();
        self.patch(jz, end);
        for b in breaks {
            self.patch(b, end);
        }
        for c in continues {
            self.patch(c, cont);
        }
    }

    fn switch(&mut self, c: &Expr, body: &Stmt, span: Span) {
        let t = self.rvalue(c);
        if !self.t.is_integer(t) {
            self.error(Code::TypeMismatch, c.span, format!("`switch` needs an integer, not `{}`", self.t.name(t)));
        }
        let ty = self.promote(t);
        let table = self.f.switches.len();
        self.f.switches.push(SwitchTable::default());
        let saved = self.f.span;
        self.f.span = span;
        self.emit(Op::Switch(table as u32));
        self.f.span = saved;
        self.f.ctx.push(Ctx::Switch { breaks: Vec::new(), table, values: Default::default(), default: None, ty });
        self.stmt(body);
        let Some(Ctx::Switch { breaks, default, .. }) = self.f.ctx.pop() else { unreachable!("pushed above") };
        let end = self.here();
        for b in breaks {
            self.patch(b, end);
        }
        let tab = &mut self.f.switches[table];
        if default.is_none() {
            tab.default = end;
        }
        tab.cases.sort_unstable();
    }

    fn case_label(&mut self, v: Option<&Expr>, span: Span) {
        let here = self.here();
        let value = v.map(|e| (self.const_int(e), e.span));
        let Some(idx) = self.f.ctx.iter().rposition(|c| matches!(c, Ctx::Switch { .. })) else {
            self.error(Code::BadStatement, span, format!("`{}` outside a `switch`", if v.is_some() { "case" } else { "default" }));
            return;
        };
        // gcc: "switch jumps into scope of identifier with variably
        // modified type" (the array's stack would never be taken).
        if self.f.vla_blocks.iter().any(|b| b.0 > idx && b.1.is_some()) {
            self.error(
                Code::Unsupported,
                span,
                "a `case` label after a variable-length array in the same `switch`: the jump would skip its declaration",
            );
        }
        let norm = {
            let Ctx::Switch { ty, .. } = &self.f.ctx[idx] else { unreachable!("found above") };
            self.mem_ty(*ty).unwrap_or(MemTy::I64)
        };
        let Ctx::Switch { table, values, default, .. } = &mut self.f.ctx[idx] else { unreachable!("found above") };
        let table = *table;
        match value {
            None => {
                if let Some(prev) = default.replace(span) {
                    let d = Diagnostic::error(Code::DuplicateCase, span, "two `default` labels in one `switch`")
                        .secondary(prev, "the first one");
                    self.push(d);
                    return;
                }
                self.f.switches[table].default = here;
            }
            Some((None, vspan)) => self.error(Code::NotConstant, vspan, "a `case` value must be an integer constant"),
            Some((Some((v, _)), vspan)) => {
                let v = norm.norm(v);
                if let Some(prev) = values.insert(v, vspan) {
                    let d = Diagnostic::error(Code::DuplicateCase, vspan, format!("duplicate `case` value {}", v as i64))
                        .secondary(prev, "first used here");
                    self.push(d);
                    return;
                }
                self.f.switches[table].cases.push((v, here));
            }
        }
    }

    fn ret(&mut self, e: Option<&Expr>, span: Span) {
        let ret = self.f.ret.unwrap_or(self.c.int);
        let is_void = matches!(self.t.kind(ret), TypeKind::Void);
        let saved = self.f.span;
        self.f.span = span;
        match (e, is_void) {
            (None, true) => {
                self.emit(Op::Const(0));
            }
            (None, false) => {
                // C allows it; the value is unspecified (0 here).
                self.emit(Op::Const(0));
            }
            (Some(e), true) => {
                let t = self.rvalue(e);
                if !matches!(self.t.kind(t), TypeKind::Void) {
                    let n = self.f.name.clone();
                    self.error(Code::BadReturn, e.span, format!("`{n}` returns `void` but this `return` has a value"));
                    self.emit(Op::Pop);
                }
                self.emit(Op::Const(0));
            }
            (Some(e), false) => {
                if let (Some(slot), true) = (self.f.struct_ret, self.by_address(ret)) {
                    self.emit(Op::LoadFrame(slot, MemTy::I64));
                    let t = self.rvalue(e);
                    self.assign_convert(t, ret, e.span, "in `return`");
                    let size = self.t.size(ret).unwrap_or(0) as u32;
                    self.emit(Op::Copy(size));
                } else {
                    let t = self.rvalue(e);
                    self.assign_convert(t, ret, e.span, "in `return`");
                }
            }
        }
        self.emit(Op::Ret);
        self.f.span = saved;
    }
}
