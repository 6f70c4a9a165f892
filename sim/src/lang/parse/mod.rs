//! The parser: tokens to [`ast`](super::ast). It never gives up (STYLE.md):
//! every error becomes a diagnostic, the parser resynchronises at the next
//! `;` or `}`, and the tree of everything else is still returned.

mod decls;
mod exprs;
mod stmts;

use super::ast::{Item, Unit};
use super::limits::{self, MAX_NESTING};
use super::token::{TokKind, Token};
use crate::diag::{Code, Diagnostic, Diagnostics};
use crate::source::Span;
use std::collections::HashMap;
use std::rc::Rc;

/// Parses a preprocessed token stream into a unit.
pub fn parse(toks: Vec<Token>, diags: &mut Diagnostics) -> Unit {
    let mut p = Parser { toks, pos: 0, diags, scopes: vec![HashMap::new()], errors_here: 0, depth: 0, item_start: 0, bail_to: None };
    let mut unit = Unit::default();
    while !p.at_eof() && !p.diags.is_full() {
        let before = p.pos;
        if let Some(item) = p.item() {
            unit.items.push(item);
        }
        if p.pos == before {
            p.bump();
        }
    }
    unit
}

const KEYWORDS: &[&str] = &[
    "auto",
    "break",
    "case",
    "char",
    "const",
    "continue",
    "default",
    "do",
    "double",
    "else",
    "enum",
    "extern",
    "float",
    "for",
    "goto",
    "if",
    "inline",
    "int",
    "long",
    "register",
    "restrict",
    "return",
    "short",
    "signed",
    "sizeof",
    "static",
    "struct",
    "switch",
    "typedef",
    "union",
    "unsigned",
    "void",
    "volatile",
    "while",
    "_Bool",
    "_Alignas",
    "_Alignof",
    "_Noreturn",
    "_Static_assert",
    "__builtin_offsetof",
];

pub(crate) struct Parser<'a> {
    toks: Vec<Token>,
    pos: usize,
    diags: &'a mut Diagnostics,
    /// Per scope: name -> is it a typedef name (false: shadowed by an
    /// ordinary identifier).
    scopes: Vec<HashMap<Rc<str>, bool>>,
    /// Errors reported since the last resynchronisation, to avoid cascades.
    errors_here: usize,
    /// Nesting of the construct being parsed (see [`Parser::nested`]).
    depth: u32,
    /// Where the current top-level item starts.
    item_start: usize,
    /// Set when a limit was hit in this item: where the item ends. Until
    /// the parser is back at the item's level it sees only the end of the
    /// file, so every level unwinds at once, quietly; then it resumes
    /// here. One diagnostic per item, and the rest of it is not parsed.
    bail_to: Option<usize>,
}

impl Parser<'_> {
    fn peek(&self) -> &Token {
        self.peek_at(0)
    }

    fn peek_at(&self, k: usize) -> &Token {
        let end = self.toks.len() - 1;
        let i = if self.bail_to.is_some() { end } else { (self.pos + k).min(end) };
        &self.toks[i]
    }

    fn at_eof(&self) -> bool {
        self.peek().kind == TokKind::Eof
    }

    fn bump(&mut self) -> Token {
        let t = self.peek().clone();
        if self.pos < self.toks.len() - 1 && self.bail_to.is_none() {
            self.pos += 1;
        }
        t
    }

    fn is(&self, p: &str) -> bool {
        self.peek().is(p)
    }

    fn eat(&mut self, p: &str) -> bool {
        if self.is(p) {
            self.bump();
            true
        } else {
            false
        }
    }

    fn is_kw(&self, kw: &str) -> bool {
        self.peek().ident().is_some_and(|n| &**n == kw)
    }

    fn eat_kw(&mut self, kw: &str) -> bool {
        if self.is_kw(kw) {
            self.bump();
            true
        } else {
            false
        }
    }

    /// Span of the previous token (where a missing `;` belongs).
    fn prev_span(&self) -> Span {
        let t = &self.toks[self.pos.saturating_sub(1)];
        Span { file: t.span.file, lo: t.span.hi, hi: t.span.hi }
    }

    fn error(&mut self, span: Span, msg: impl Into<String>) {
        self.error_code(Code::Syntax, span, msg);
    }

    fn error_code(&mut self, code: Code, span: Span, msg: impl Into<String>) {
        if (self.errors_here == 0 || code != Code::Syntax) && self.bail_to.is_none() {
            self.diags.push(Diagnostic::error(code, span, msg));
        }
        if code == Code::Syntax {
            self.errors_here += 1;
        }
    }

    fn expect(&mut self, p: &str, context: &str) -> bool {
        if self.eat(p) {
            return true;
        }
        let found = self.describe_next();
        let span = if p == ";" || p == ")" { self.prev_span() } else { self.peek().span };
        self.error(span, format!("expected `{p}` {context}, found {found}"));
        false
    }

    fn describe_next(&self) -> String {
        match &self.peek().kind {
            TokKind::Eof => "the end of the file".into(),
            _ => format!("`{}`", self.peek().text),
        }
    }

    /// Skips to just after the next `;` at this nesting level, or to a `}`
    /// that closes it, so that one error does not hide the next.
    fn recover(&mut self) {
        let mut depth = 0i32;
        while !self.at_eof() {
            if self.is("{") || self.is("(") || self.is("[") {
                depth += 1;
            } else if self.is(")") || self.is("]") {
                depth -= 1;
            } else if self.is("}") {
                if depth <= 0 {
                    break;
                }
                depth -= 1;
            } else if self.is(";") && depth <= 0 {
                self.bump();
                break;
            }
            self.bump();
        }
        self.errors_here = 0;
    }

    fn push_scope(&mut self) {
        self.scopes.push(HashMap::new());
    }

    fn pop_scope(&mut self) {
        self.scopes.pop();
    }

    fn declare(&mut self, name: &Rc<str>, is_typedef: bool) {
        self.scopes.last_mut().expect("a scope is always open").insert(name.clone(), is_typedef);
    }

    fn is_typedef_name(&self, name: &str) -> bool {
        for s in self.scopes.iter().rev() {
            if let Some(&t) = s.get(name) {
                return t;
            }
        }
        false
    }

    fn item(&mut self) -> Option<Item> {
        if self.eat(";") {
            return None;
        }
        self.item_start = self.pos;
        let r = self.external_decl();
        self.errors_here = 0;
        if let Some(end) = self.bail_to.take() {
            self.pos = end;
            return None;
        }
        r
    }

    /// Parses with `f` one nesting level deeper. Every recursion of the
    /// parser goes through here, so its stack (and the tree's height) is
    /// bounded by [`MAX_NESTING`]. Past it, the limit is reported (once
    /// per top-level item), the rest of the statement is skipped and
    /// `fallback` stands in for the construct.
    fn nested<T>(&mut self, what: &str, f: impl FnOnce(&mut Self) -> T, fallback: impl FnOnce(Span) -> T) -> T {
        if self.depth >= MAX_NESTING {
            let span = self.peek().span;
            self.too_deep(span, what);
            return fallback(span);
        }
        self.depth += 1;
        let r = f(self);
        self.depth -= 1;
        r
    }

    /// Reports the nesting limit and abandons the rest of the top-level
    /// item (see `bail_to`).
    fn too_deep(&mut self, span: Span, what: &str) {
        if self.bail_to.is_some() {
            return;
        }
        self.diags.push(Diagnostic::error(Code::Limit, span, limits::too_deep(what)));
        self.bail_to = Some(self.end_of_item());
    }

    /// Where the current item ends: past the `}` closing a function's
    /// body, else past the `;` ending a declaration (struct bodies and
    /// initializer braces included), or at the end of the file.
    fn end_of_item(&self) -> usize {
        let toks = &self.toks;
        let first_brace = (self.item_start..toks.len()).find(|&i| toks[i].is("{"));
        let function = first_brace.is_some_and(|i| i > 0 && toks[i - 1].is(")"));
        let mut depth = 0i64;
        for (i, t) in toks.iter().enumerate().skip(self.item_start) {
            if t.kind == TokKind::Eof {
                return i;
            }
            if t.is("{") {
                depth += 1;
            } else if t.is("}") {
                depth -= 1;
                if depth <= 0 && i >= self.pos && function {
                    return i + 1;
                }
            } else if t.is(";") && depth <= 0 && i >= self.pos {
                return i + 1;
            }
        }
        toks.len() - 1
    }
}
