//! Expressions by precedence climbing.

use super::Parser;
use crate::diag::Code;
use crate::lang::ast::*;
use crate::lang::limits::MAX_NESTING;
use crate::lang::token::TokKind;
use crate::source::Span;

const BINARY: &[(&str, Binary, u8)] = &[
    ("*", Binary::Mul, 10),
    ("/", Binary::Div, 10),
    ("%", Binary::Rem, 10),
    ("+", Binary::Add, 9),
    ("-", Binary::Sub, 9),
    ("<<", Binary::Shl, 8),
    (">>", Binary::Shr, 8),
    ("<", Binary::Lt, 7),
    (">", Binary::Gt, 7),
    ("<=", Binary::Le, 7),
    (">=", Binary::Ge, 7),
    ("==", Binary::Eq, 6),
    ("!=", Binary::Ne, 6),
    ("&", Binary::BitAnd, 5),
    ("^", Binary::BitXor, 4),
    ("|", Binary::BitOr, 3),
    ("&&", Binary::And, 2),
    ("||", Binary::Or, 1),
];

const ASSIGN: &[(&str, Option<Binary>)] = &[
    ("=", None),
    ("+=", Some(Binary::Add)),
    ("-=", Some(Binary::Sub)),
    ("*=", Some(Binary::Mul)),
    ("/=", Some(Binary::Div)),
    ("%=", Some(Binary::Rem)),
    ("<<=", Some(Binary::Shl)),
    (">>=", Some(Binary::Shr)),
    ("&=", Some(Binary::BitAnd)),
    ("^=", Some(Binary::BitXor)),
    ("|=", Some(Binary::BitOr)),
];

fn error_expr(span: Span) -> Expr {
    Expr { kind: ExprKind::Error, span, height: 1 }
}

impl Parser<'_> {
    /// A node over its children; one taller than [`MAX_NESTING`] is
    /// reported and replaced by an error, so no tree is ever taller.
    /// This catches what the parser builds in loops (`1+1+...`,
    /// `a[0][0]...`), which [`Parser::nested`] does not see.
    fn mk(&mut self, kind: ExprKind, span: Span) -> Expr {
        let height = Expr::height_of(&kind);
        if height > MAX_NESTING {
            // Point at the last token read, not at the whole expression.
            let at = self.toks[self.pos.saturating_sub(1)].span;
            self.too_deep(at, "expression");
            return error_expr(span);
        }
        Expr { kind, span, height }
    }

    /// A full expression, commas included.
    pub(super) fn expr(&mut self) -> Expr {
        let mut e = self.assignment();
        while self.eat(",") {
            let r = self.assignment();
            let span = e.span.to(r.span);
            e = self.mk(ExprKind::Binary(Binary::Comma, Box::new(e), Box::new(r)), span);
        }
        e
    }

    /// An assignment expression.
    pub(super) fn assignment(&mut self) -> Expr {
        let lhs = self.conditional();
        for (p, op) in ASSIGN {
            if self.is(p) {
                self.bump();
                let rhs = self.nested("assignment", Self::assignment, error_expr);
                let span = lhs.span.to(rhs.span);
                return self.mk(ExprKind::Assign(*op, Box::new(lhs), Box::new(rhs)), span);
            }
        }
        lhs
    }

    /// `c ? a : b` and below.
    pub(super) fn conditional(&mut self) -> Expr {
        let c = self.binary(1);
        if !self.eat("?") {
            return c;
        }
        let a = self.nested("conditional expression", Self::expr, error_expr);
        self.expect(":", "in the conditional expression");
        let b = self.nested("conditional expression", Self::conditional, error_expr);
        let span = c.span.to(b.span);
        self.mk(ExprKind::Cond(Box::new(c), Box::new(a), Box::new(b)), span)
    }

    fn binary(&mut self, min: u8) -> Expr {
        let mut lhs = self.cast();
        loop {
            let Some(&(_, op, prec)) = BINARY.iter().find(|(p, _, prec)| *prec >= min && self.is(p)) else {
                return lhs;
            };
            self.bump();
            let rhs = self.binary(prec + 1);
            let span = lhs.span.to(rhs.span);
            lhs = self.mk(ExprKind::Binary(op, Box::new(lhs), Box::new(rhs)), span);
        }
    }

    /// True after `(` when a type name follows (a cast or `sizeof(T)`).
    /// Storage classes cannot start a type name, so they do not count.
    fn paren_type_follows(&self) -> bool {
        if !self.is("(") {
            return false;
        }
        match self.peek_at(1).ident() {
            Some(n) => {
                (super::decls::is_type_word(n) && !matches!(&**n, "typedef" | "extern" | "static" | "register" | "auto" | "inline"))
                    || self.is_typedef_name(n)
            }
            None => false,
        }
    }

    fn cast(&mut self) -> Expr {
        if self.paren_type_follows() {
            let start = self.bump().span;
            let ty = self.type_name();
            self.expect(")", "to close the cast");
            if self.is("{") {
                let init = self.initializer();
                let span = start.to(self.prev_span());
                let e = self.mk(ExprKind::CompoundLiteral(Box::new(ty), Box::new(init)), span);
                return self.postfix_ops(e);
            }
            let e = self.nested("cast", Self::cast, error_expr);
            let span = start.to(e.span);
            return self.mk(ExprKind::Cast(Box::new(ty), Box::new(e)), span);
        }
        self.unary()
    }

    fn unary(&mut self) -> Expr {
        let t = self.peek().clone();
        let op = match &t.kind {
            TokKind::Punct("-") => Some(Unary::Neg),
            TokKind::Punct("+") => Some(Unary::Plus),
            TokKind::Punct("!") => Some(Unary::Not),
            TokKind::Punct("~") => Some(Unary::BitNot),
            TokKind::Punct("*") => Some(Unary::Deref),
            TokKind::Punct("&") => Some(Unary::Addr),
            TokKind::Punct("++") => Some(Unary::PreInc),
            TokKind::Punct("--") => Some(Unary::PreDec),
            _ => None,
        };
        if let Some(op) = op {
            self.bump();
            let operand = if matches!(op, Unary::PreInc | Unary::PreDec) { Self::unary } else { Self::cast };
            let e = self.nested("unary operator", operand, error_expr);
            let span = t.span.to(e.span);
            return self.mk(ExprKind::Unary(op, Box::new(e)), span);
        }
        if self.is("&&") {
            self.error_code(Code::Unsupported, t.span, "labels as values (`&&label`) are not supported");
        }
        match t.ident().map(|n| &**n) {
            Some("__builtin_va_arg") if self.peek_at(1).is("(") => {
                self.bump();
                self.bump();
                let ap = self.assignment();
                self.expect(",", "between `va_arg`'s list and type");
                let ty = self.type_name();
                self.expect(")", "to close `va_arg`");
                self.mk(ExprKind::VaArg(Box::new(ap), Box::new(ty)), t.span.to(self.prev_span()))
            }
            Some("sizeof") => {
                self.bump();
                if self.paren_type_follows() {
                    let open = self.bump().span;
                    let ty = self.type_name();
                    self.expect(")", "to close `sizeof`");
                    if self.is("{") {
                        // `sizeof (T){...}`: the size of a compound literal.
                        let init = self.initializer();
                        let lit = self.mk(ExprKind::CompoundLiteral(Box::new(ty), Box::new(init)), open.to(self.prev_span()));
                        let e = self.postfix_ops(lit);
                        let span = t.span.to(e.span);
                        return self.mk(ExprKind::SizeofExpr(Box::new(e)), span);
                    }
                    return self.mk(ExprKind::SizeofType(Box::new(ty)), t.span.to(self.prev_span()));
                }
                let e = self.nested("`sizeof`", Self::unary, error_expr);
                let span = t.span.to(e.span);
                self.mk(ExprKind::SizeofExpr(Box::new(e)), span)
            }
            Some("_Alignof" | "__alignof__" | "alignof") => {
                self.bump();
                self.expect("(", "after `_Alignof`");
                let ty = self.type_name();
                self.expect(")", "to close `_Alignof`");
                self.mk(ExprKind::AlignofType(Box::new(ty)), t.span.to(self.prev_span()))
            }
            Some("__builtin_offsetof") => self.offsetof(),
            // gcc's branch hint (`likely(x)` macros): the value of its
            // first operand (gcc's is that value as a `long`); the hint, a
            // constant, changes nothing here.
            Some("__builtin_expect") if self.peek_at(1).is("(") => {
                self.bump();
                self.bump();
                let e = self.assignment();
                self.expect(",", "between `__builtin_expect`'s value and its hint");
                let _hint = self.assignment();
                self.expect(")", "to close `__builtin_expect`");
                self.postfix_ops(e)
            }
            _ => self.postfix(),
        }
    }

    fn offsetof(&mut self) -> Expr {
        let start = self.bump().span;
        self.expect("(", "after `offsetof`");
        let ty = self.type_name();
        self.expect(",", "after the type in `offsetof`");
        let mut path = Vec::new();
        loop {
            let t = self.peek().clone();
            if let Some(n) = t.ident() {
                path.push(Designator::Field(Name { name: n.clone(), span: t.span }));
                self.bump();
            } else {
                self.error(t.span, "expected a member name in `offsetof`");
                break;
            }
            loop {
                if self.eat("[") {
                    let e = self.nested("`offsetof`", Self::expr, error_expr);
                    self.expect("]", "in `offsetof`");
                    path.push(Designator::Index(e));
                } else {
                    break;
                }
            }
            if !self.eat(".") {
                break;
            }
        }
        self.expect(")", "to close `offsetof`");
        self.mk(ExprKind::Offsetof(Box::new(ty), path), start.to(self.prev_span()))
    }

    fn postfix(&mut self) -> Expr {
        let e = self.primary();
        self.postfix_ops(e)
    }

    /// The postfix operators after `e` (`[i]`, calls, `.m`, `->m`, `++`).
    fn postfix_ops(&mut self, mut e: Expr) -> Expr {
        loop {
            if self.eat("[") {
                let i = self.nested("subscript", Self::expr, error_expr);
                self.expect("]", "to close the subscript");
                let span = e.span.to(self.prev_span());
                e = self.mk(ExprKind::Index(Box::new(e), Box::new(i)), span);
            } else if self.eat("(") {
                let mut args = Vec::new();
                if !self.is(")") {
                    loop {
                        args.push(self.nested("call", Self::assignment, error_expr));
                        if !self.eat(",") {
                            break;
                        }
                    }
                }
                self.expect(")", "to close the argument list");
                let span = e.span.to(self.prev_span());
                e = self.mk(ExprKind::Call(Box::new(e), args), span);
            } else if self.is(".") || self.is("->") {
                let arrow = self.bump().is("->");
                let t = self.peek().clone();
                let Some(n) = t.ident().cloned() else {
                    self.error(t.span, format!("expected a member name after `{}`", if arrow { "->" } else { "." }));
                    return e;
                };
                self.bump();
                let span = e.span.to(t.span);
                e = self.mk(ExprKind::Member(Box::new(e), Name { name: n, span: t.span }, arrow), span);
            } else if self.is("++") || self.is("--") {
                let op = if self.bump().is("++") { Unary::PostInc } else { Unary::PostDec };
                let span = e.span.to(self.prev_span());
                e = self.mk(ExprKind::Unary(op, Box::new(e)), span);
            } else {
                return e;
            }
        }
    }

    fn primary(&mut self) -> Expr {
        let t = self.peek().clone();
        match &t.kind {
            TokKind::Int { value, unsigned, long, decimal } => {
                self.bump();
                self.mk(ExprKind::Int { value: *value, unsigned: *unsigned, long: *long, decimal: *decimal }, t.span)
            }
            TokKind::Float { bits, single, ext } => {
                self.bump();
                self.mk(ExprKind::Float { bits: *bits, single: *single, ext: *ext }, t.span)
            }
            TokKind::Char(c) => {
                self.bump();
                self.mk(ExprKind::Char(*c), t.span)
            }
            TokKind::Str(_) => {
                let mut bytes = Vec::new();
                let mut span = t.span;
                while let TokKind::Str(s) = &self.peek().kind {
                    bytes.extend_from_slice(s);
                    span = span.to(self.peek().span);
                    self.bump();
                }
                self.mk(ExprKind::Str(bytes.into()), span)
            }
            TokKind::Ident(n) if !super::KEYWORDS.contains(&&**n) || &**n == "__func__" => {
                self.bump();
                self.mk(ExprKind::Ident(n.clone()), t.span)
            }
            TokKind::Punct("(") => {
                self.bump();
                if self.is("{") {
                    self.error_code(Code::Unsupported, t.span, "statement expressions `({ ... })` are a GNU extension and not supported");
                    self.push_scope();
                    let _ = self.block_body();
                    self.pop_scope();
                    self.eat(")");
                    return self.mk(ExprKind::Error, t.span);
                }
                let e = self.nested("parenthesis", Self::expr, error_expr);
                self.expect(")", "to close the parenthesis");
                let span = t.span.to(self.prev_span());
                Expr { span, ..e }
            }
            _ => {
                let found = self.describe_next();
                self.error(t.span, format!("expected an expression, found {found}"));
                error_expr(t.span)
            }
        }
    }
}
