//! Statements and blocks.

use super::Parser;
use crate::diag::Code;
use crate::lang::ast::*;

impl Parser<'_> {
    /// `{ stmt* }` with its own scope.
    pub(super) fn block_body(&mut self) -> Vec<Stmt> {
        self.expect("{", "to open the block");
        let mut body = Vec::new();
        while !self.is("}") && !self.at_eof() {
            let before = self.pos;
            body.push(self.stmt());
            if self.pos == before {
                self.bump();
            }
        }
        if !self.eat("}") {
            let s = self.peek().span;
            self.error(s, "expected `}` to close the block, found the end of the file");
        }
        body
    }

    fn sub_stmt(&mut self) -> Box<Stmt> {
        Box::new(self.stmt())
    }

    /// One statement, one nesting level deeper than its parent.
    pub(super) fn stmt(&mut self) -> Stmt {
        self.nested("statement", Self::stmt_inner, |span| Stmt::Expr(None, span))
    }

    fn stmt_inner(&mut self) -> Stmt {
        let t = self.peek().clone();
        let span = t.span;
        let word = t.ident().map(|n| n.to_string()).unwrap_or_default();
        if self.is("{") {
            self.push_scope();
            let b = self.block_body();
            self.pop_scope();
            return Stmt::Block(b, span.to(self.prev_span()));
        }
        if self.eat(";") {
            return Stmt::Expr(None, span);
        }
        match word.as_str() {
            "if" => {
                self.bump();
                let c = self.paren_expr("if");
                let then = self.sub_stmt();
                let els = if self.eat_kw("else") { Some(self.sub_stmt()) } else { None };
                Stmt::If(c, then, els)
            }
            "while" => {
                self.bump();
                let c = self.paren_expr("while");
                Stmt::While(c, self.sub_stmt())
            }
            "do" => {
                self.bump();
                let body = self.sub_stmt();
                if !self.eat_kw("while") {
                    let found = self.describe_next();
                    self.error(self.peek().span, format!("expected `while` after the body of `do`, found {found}"));
                }
                let c = self.paren_expr("do-while");
                self.end_stmt();
                Stmt::DoWhile(body, c)
            }
            "for" => self.for_stmt(span),
            "switch" => {
                self.bump();
                let c = self.paren_expr("switch");
                Stmt::Switch(c, self.sub_stmt(), span)
            }
            "case" => {
                self.bump();
                let v = self.conditional();
                if self.is("...") {
                    let s = self.peek().span;
                    self.error_code(
                        Code::Unsupported,
                        s,
                        "case ranges `case a ... b:` are a GNU extension and not supported: list the cases",
                    );
                    self.bump();
                    let _ = self.conditional();
                }
                self.expect(":", "after the case value");
                Stmt::Case(v, self.sub_stmt(), span)
            }
            "default" => {
                self.bump();
                self.expect(":", "after `default`");
                Stmt::Default(self.sub_stmt(), span)
            }
            "break" => {
                self.bump();
                self.end_stmt();
                Stmt::Break(span)
            }
            "continue" => {
                self.bump();
                self.end_stmt();
                Stmt::Continue(span)
            }
            "return" => {
                self.bump();
                let e = if self.is(";") { None } else { Some(self.expr()) };
                self.end_stmt();
                Stmt::Return(e, span)
            }
            "goto" => {
                self.bump();
                let Some(label) = self.peek().ident().filter(|_| self.is_plain_ident()).cloned() else {
                    let found = self.describe_next();
                    self.error(self.peek().span, format!("expected a label after `goto`, found {found}"));
                    self.recover();
                    return Stmt::Expr(None, span);
                };
                let at = span.to(self.peek().span);
                self.bump();
                self.end_stmt();
                Stmt::Goto(label, at)
            }
            "asm" | "__asm__" | "__asm" => {
                self.error_code(Code::Unsupported, span, "inline assembly is not supported");
                self.recover();
                Stmt::Expr(None, span)
            }
            "_Static_assert" | "static_assert" => match self.static_assert() {
                Some(a) => Stmt::StaticAssert(a),
                None => Stmt::Expr(None, span),
            },
            "typeof" | "__typeof__" | "__typeof" => {
                self.error_code(Code::Unsupported, span, "`typeof` is a GNU extension and not supported: write the type");
                self.recover();
                Stmt::Expr(None, span)
            }
            _ if self.unknown_type_name_follows() => {
                let name = self.peek().ident().cloned().expect("checked");
                self.scopes[0].insert(name, true);
                Stmt::Decl(self.local_decl())
            }
            _ if self.is_plain_ident() && self.peek_at(1).is(":") => {
                let label = self.peek().ident().cloned().expect("checked");
                self.bump();
                self.bump();
                // C23 lets a label end a block; gcc accepts it.
                let body = if self.is("}") { Stmt::Expr(None, span) } else { self.stmt() };
                Stmt::Label(label, Box::new(body), span)
            }
            _ if self.starts_type() => Stmt::Decl(self.local_decl()),
            _ => {
                let e = self.expr();
                self.end_stmt();
                Stmt::Expr(Some(e), span)
            }
        }
    }

    /// `T x;` or `T *x;` where `T` is not a known type: a declaration
    /// with a misspelled or unsupported type (the lowering names it).
    fn unknown_type_name_follows(&self) -> bool {
        if !self.is_plain_ident() || self.peek().ident().is_some_and(|n| self.scopes.iter().any(|s| s.contains_key(n))) {
            return false;
        }
        let after_name = |k: usize| {
            let t = self.peek_at(k);
            t.is(";") || t.is("=") || t.is(",") || t.is("[")
        };
        let plain = |k: usize| matches!(&self.peek_at(k).kind, crate::lang::token::TokKind::Ident(n) if !super::KEYWORDS.contains(&&**n));
        (plain(1) && after_name(2)) || (self.peek_at(1).is("*") && plain(2) && after_name(3))
    }

    fn end_stmt(&mut self) {
        if !self.expect(";", "after the statement") {
            self.recover();
        }
        self.errors_here = 0;
    }

    fn paren_expr(&mut self, what: &str) -> Expr {
        self.expect("(", &format!("after `{what}`"));
        let e = self.expr();
        self.expect(")", &format!("to close the `{what}` condition"));
        e
    }

    fn for_stmt(&mut self, span: crate::source::Span) -> Stmt {
        self.bump();
        self.expect("(", "after `for`");
        self.push_scope();
        let init = if self.eat(";") {
            None
        } else if self.starts_type() {
            Some(Box::new(Stmt::Decl(self.local_decl())))
        } else {
            let s = self.peek().span;
            let e = self.expr();
            self.expect(";", "after the `for` initialisation");
            Some(Box::new(Stmt::Expr(Some(e), s)))
        };
        let cond = if self.is(";") { None } else { Some(self.expr()) };
        self.expect(";", "after the `for` condition");
        let step = if self.is(")") { None } else { Some(self.expr()) };
        self.expect(")", "to close the `for` header");
        let body = self.sub_stmt();
        self.pop_scope();
        Stmt::For(init, cond, step, body, span)
    }
}
